"""So sánh: one indicator across provinces and periods, with period and level on every value, per-year
normalisation, and plain warnings when values are not comparable."""

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt, queries
from danvan.figures import charts

BARS = 80  # above this many values the chart shows the latest province-level period; the table keeps them all

current = view.current()
ui.header(current, "page_compare")
t, lang = current.t, current.lang
observations = current.observations()

if observations.is_empty():
    ui.empty(current)
else:
    name_col = "name_en" if lang == "en" else "name_vi"
    # First the indicators reported by the most places, so that the default view compares places.
    counts = cached.indicator_ranking(current.catalog, current.flt, name_col)
    names = dict(counts.select("indicator_id", name_col).iter_rows())
    left, middle, right = st.columns([3, 1, 1], vertical_alignment="bottom")
    indicator = left.selectbox(t("compare_indicator"), list(names), format_func=names.__getitem__,
                               key="compare_indicator")
    rows = queries.per_year(cached.indicator_rows(current.catalog, current.flt, indicator))
    has_parts = rows["breakdown"].is_not_null().any() and rows["breakdown"].is_null().any()
    parts = middle.toggle(t("compare_breakdowns"), key="compare_breakdowns", disabled=not has_parts,
                          help=t("compare_breakdowns_help"))
    if has_parts and not parts:
        rows = rows.filter(pl.col("breakdown").is_null())
    unit, aggregation = rows["unit"][0], rows["aggregation"][0]
    per_year = right.toggle(t("compare_per_year"), key="compare_per_year", help=t("compare_per_year_help"),
                            disabled=not rows["normalised"].any())
    value_col = "value_per_year" if per_year else "value"

    level_names = {k: t("level_" + k) for k in ("province", "district", "commune")}
    place = pl.coalesce("commune", "district", "province_name")
    old = pl.when(pl.col("province_name") != pl.col("display_name")).then(
        pl.format(" ({})", pl.col("province_name"))).otherwise(pl.lit(""))
    period = pl.when(pl.col("years") > 1).then(pl.format("{}–{}", pl.col("period_start").dt.year(),
                                                         pl.col("period_end").dt.year())) \
        .when((pl.col("period_start").dt.month() == 1) & (pl.col("period_start").dt.day() == 1)
              & (pl.col("period_end").dt.month() == 12) & (pl.col("period_end").dt.day() == 31)) \
        .then(pl.col("period_start").dt.year().cast(pl.String)) \
        .otherwise(pl.format("{} {}", pl.lit("đến" if lang == "vi" else "to"),
                             pl.col("period_end").dt.strftime("%d/%m/%Y")))
    suffix = pl.when(pl.col("normalised") & pl.lit(per_year)).then(pl.lit(t("per_year_suffix"))).otherwise(
        pl.lit(""))
    status = pl.col("status").replace_strict({k: t("status_" + k) for k in ("reported", "estimated", "target")})
    text = (fmt.number_expr(value_col, lang=lang) + pl.lit("%" if unit == "percent" else "") + suffix)
    rows = rows.with_columns(
        pl.format("{}{} · {}", place, old, pl.col("level").replace_strict(level_names)).alias("label"),
        period.alias("period_label"),
        pl.concat_str([pl.col("breakdown"), period], separator=" · ").fill_null(period).alias("series"),
        text.alias("text"),
    ).with_columns(
        pl.format("<b>{}</b><br>{}: {} ({})<br>{}: {}<br>“{}”", ui.escaped(pl.col("label")),
                  pl.lit(t("period")), pl.col("period_label"), status, pl.lit(t("value")), pl.col("text"),
                  ui.escaped(pl.col("quote").str.slice(0, 160))).alias("hover"),
    ).sort("series", value_col, descending=[False, True])

    reasons = queries.comparability(rows)
    if reasons:
        st.warning(t("compare_not_comparable", reasons="; ".join(t("reason_" + r) for r in reasons)),
                   icon=":material/warning:")
    disagree = queries.percent_disagreements(rows)
    if disagree.height:
        lines = [t("compare_disagree_row", place=ui.plain(r["label"]), stated=fmt.percent(r["value"], lang=lang),
                   computed=fmt.percent(r["computed_percent"], lang=lang), num=fmt.number(r["numerator"], lang=lang),
                   den=fmt.number(r["denominator"], lang=lang)) for r in disagree.iter_rows(named=True)]
        st.error(t("compare_disagree") + "  \n" + "  \n".join(lines), icon=":material/calculate:")

    shown = rows
    if rows.height > BARS:  # thousands of communes: a readable chart of provinces, one period
        shown = rows.filter(pl.col("level") == "province") if (rows["level"] == "province").any() else rows
        shown = shown.filter(pl.col("series") == shown.sort("period_end", "period_start")["series"][-1]).head(BARS)
        st.caption(("Biểu đồ: {n} giá trị, kỳ gần nhất, cấp cao nhất; bảng dưới đây có đủ {m} giá trị." if lang == "vi"
                    else "Chart: {n} values of the latest period at the highest level; the table has all {m}.")
                   .format(n=fmt.number(shown.height, lang=lang), m=fmt.number(rows.height, lang=lang)))
    figure = charts.make_compare_figure(shown, value_column=value_col, label_column="label", text_column="text",
                                        color_column="series", lang=lang, percent=unit == "percent")
    st.plotly_chart(figure, config={"displaylogo": False}, key="compare_chart", theme=None)

    st.subheader(t("compare_table"))
    table = rows.select(
        pl.col("label").alias(t("province")), pl.col("period_label").alias(t("period")),
        pl.col("text").alias(t("value")), status.alias(t("status")),
        pl.when(pl.col("numerator").is_not_null()).then(pl.format(
            "{}/{} = {}%", fmt.number_expr("numerator", lang=lang), fmt.number_expr("denominator", lang=lang),
            fmt.number_expr("computed_percent", 1, lang))).alias(t("computed")),
        pl.col("breakdown").alias(t("breakdown")), pl.col("quote").alias(t("quote")),
        pl.col("source_id").replace_strict(dict(current.catalog.sources.select("source_id", "title").iter_rows()),
                                           default=pl.col("source_id")).alias(t("source")),
    )
    st.dataframe(table, hide_index=True, placeholder="—")
ui.footer(current)
