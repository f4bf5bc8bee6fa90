"""So sánh: one indicator across provinces and periods, with period and level on every value, per-year
normalisation, and plain warnings when values are not comparable."""

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt, queries
from danvan.figures import charts
from danvan.filter import province_names, years_label
from danvan.i18n import name_column, value_text

BARS = 80  # above this many values the chart shows the latest province-level period; the table keeps them all
QUOTE_ROW = 110  # pixels: five lines of a quote in the table, read whole on a projector

current = view.current()
ui.header(current, "page_compare")
t, lang = current.t, current.lang

# the ranking (cached per filter) is empty exactly when the filter has no values: no copy of the filter's rows
if cached.indicator_ranking(current.catalog, current.flt, name_column(lang)).is_empty():
    ui.empty(current)
else:
    name_col = name_column(lang)
    # First the indicators reported by the most places, so that the default view compares places.
    counts = cached.indicator_ranking(current.catalog, current.flt, name_col)
    names = dict(counts.select("indicator_id", name_col).iter_rows())
    left, middle, right = st.columns([3, 1, 1], vertical_alignment="bottom")
    view.seed("compare_indicator", "chi_tieu", list(names), lang)  # a shared link's indicator
    indicator = left.selectbox(
        t("compare_indicator"),
        list(names),
        format_func=names.__getitem__,
        key="compare_indicator",
        placeholder=t("choose"),
    )
    view.keep("chi_tieu", indicator)
    rows = queries.per_year(cached.indicator_rows(current.catalog, current.flt, indicator))
    has_parts = rows["breakdown"].is_not_null().any() and rows["breakdown"].is_null().any()
    view.seed("compare_breakdowns", "tach", None, lang)
    parts = middle.toggle(
        t("compare_breakdowns"), key="compare_breakdowns", disabled=not has_parts, help=t("compare_breakdowns_help")
    )
    view.keep("tach", 1 if parts and has_parts else None)
    if has_parts and not parts:
        rows = rows.filter(pl.col("breakdown").is_null())
    unit = rows["unit"][0]
    view.seed("compare_per_year", "moi_nam", None, lang)
    per_year = right.toggle(
        t("compare_per_year"),
        key="compare_per_year",
        help=t("compare_per_year_help"),
        disabled=not rows["normalised"].any(),
    )
    view.keep("moi_nam", 1 if per_year else None)
    value_col = "value_per_year" if per_year else "value"
    rows = charts.compare_labels(rows, lang, per_year=per_year, labels=cached.place_label_frame(current.catalog, lang))

    chosen = dict(zip(current.flt.provinces, province_names(current.catalog, current.flt), strict=True))
    shown_codes = set(rows["display_code"].to_list())
    missing = [name for code, name in chosen.items() if code not in shown_codes]
    if missing:  # a province asked for and left out of the chart without a word
        st.info(t("compare_no_values", places=", ".join(missing)), icon=":material/info:")
    reasons = queries.comparability(rows)
    if reasons:
        st.warning(
            t("compare_not_comparable", reasons="; ".join(t("reason_" + r) for r in reasons)), icon=":material/warning:"
        )
    beyond = rows.filter(queries.beyond_years(current.flt))
    if beyond.height:
        periods = ", ".join(sorted(set(beyond["period_label"].to_list())))
        st.warning(
            t(
                "compare_beyond_years",
                n=fmt.number(beyond.height, lang=lang),
                years=years_label(current.flt.years),
                periods=periods,
            ),
            icon=":material/date_range:",
        )
    larger = queries.parts_over_whole(rows)
    if larger.height:  # both as the source writes them: said, not hidden
        lines = [
            t(
                "compare_part_over_whole_row",
                place=ui.plain(r["label"]),
                part=ui.plain(value_text(r["breakdown"], lang)),
                n=fmt.number(r["numerator"] if r["numerator"] is not None else r["value"], lang=lang),
                whole=fmt.number(r["whole"], lang=lang),
            )
            for r in larger.iter_rows(named=True)
        ]
        st.warning(t("compare_part_over_whole") + "  \n" + "  \n".join(lines), icon=":material/rule:")
    disagree = queries.percent_disagreements(rows)
    if disagree.height:
        lines = [
            t(
                "compare_disagree_row",
                place=ui.plain(r["label"]),
                stated=fmt.percent(r["value"], lang=lang),
                computed=queries.computed_percent_text(r["numerator"], r["denominator"], lang),
                num=fmt.number(r["numerator"], lang=lang),
                den=fmt.number(r["denominator"], lang=lang),
            )
            for r in disagree.iter_rows(named=True)
        ]
        st.error(t("compare_disagree") + "  \n" + "  \n".join(lines), icon=":material/calculate:")

    shown = charts.compare_chart_rows(rows, BARS)  # thousands of communes: a readable chart of provinces, one period
    if shown.height < rows.height:
        st.caption(
            t("compare_chart_subset", n=fmt.number(shown.height, lang=lang), m=fmt.number(rows.height, lang=lang))
        )
    figure = charts.make_compare_figure(
        shown,
        value_column=value_col,
        label_column="label",
        text_column="text",
        color_column="series",
        lang=lang,
        unit=unit,
        per_year=per_year,
    )
    st.plotly_chart(figure, config=charts.plotly_config(current.lang), key="compare_chart", theme=None)

    st.subheader(t("compare_table"))
    table = charts.compare_table(rows, current.catalog.sources, lang)
    # rows tall enough for a quote's sentence to wrap and be read whole, its column the widest
    st.dataframe(
        table,
        hide_index=True,
        placeholder="—",
        row_height=QUOTE_ROW,
        height=QUOTE_ROW * min(table.height, 8) + 40,  # every row whole up to eight (the last was cut: auto height)
        # the quote widest, the source whole beside it on a laptop (1366 pixels, the menu open): the place and the
        # breakdown wrap on two lines (at their own width the source was pushed off the table; a leader's walk-through)
        column_config={
            t("place"): st.column_config.TextColumn(width=150),
            t("breakdown"): st.column_config.TextColumn(width=100),
            t("quote"): st.column_config.TextColumn(width=300),
            t("source"): st.column_config.TextColumn(width=150),
        },
    )
ui.footer(current)
