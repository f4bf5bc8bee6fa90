"""Pure Plotly figure builders, and the labels and hover texts of their rows: readable on a projector,
colour-blind-safe, Vietnamese number and date formats."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import plotly.io as pio
import polars as pl

from .. import fmt, queries
from ..i18n import PLOTLY_VI, t, value_texts
from ..model import BODY_LEVELS, VISIT_KINDS

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
# Past eight series a colour comes back with a hatching, so that no two series look the same (colour alone is not
# enough for more than eight colours that stay distinct with colour-vision deficiencies).
PATTERNS = ["", "/", ".", "x", "\\", "+", "-", "|"]
SYMBOLS = ["circle", "diamond", "square", "triangle-up", "star", "hexagon"]
FONT = 18


def series_marker(i: int) -> dict:
    """The look of the i-th bar series: an Okabe–Ito colour, hatched from the ninth series on (PATTERNS)."""
    return {
        "color": OKABE_ITO[i % len(OKABE_ITO)],
        "pattern": {
            "shape": PATTERNS[(i // len(OKABE_ITO)) % len(PATTERNS)],
            "fillmode": "overlay",
            "fgcolor": "#ffffff" if i % len(OKABE_ITO) in (0, 3, 7) else "#222222",
        },
    }


def style(fig: go.Figure, lang: str, height: int | None = 520) -> go.Figure:
    """Shared layout: Vietnamese separators (1.973,5), large type, white background, no Plotly logo or title."""
    fig.update_layout(
        separators=",." if lang == "vi" else ".,",
        height=height,
        font={"size": FONT, "family": "sans-serif", "color": "#222"},
        colorway=OKABE_ITO,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        hoverlabel={"font_size": FONT},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font_size": FONT - 2},
        showlegend=True,
    )
    # The registered template is valid already: a template set by name is validated again on every figure (≈16 ms
    # of every chart page's run); set without it, it is copied (≈1 ms) and the figure's JSON is the same.
    template = pio.templates["plotly_white"]
    try:
        fig.layout._validate = False
        fig.layout.template = template
    except AttributeError:  # another Plotly's internals: the public way
        fig.update_layout(template=template)
    finally:
        fig.layout._validate = True
    return fig


def plotly_config(lang: str, **options: object) -> dict:
    """A chart's Plotly config: no Plotly logo nor "Share chart..." (it sends the chart to Plotly's server), and in
    Vietnamese its toolbar's tooltips, notices, month and day names and number format (Plotly's locale "vi", given
    with the chart: nothing is fetched)."""
    config: dict = {"displaylogo": False, "showSendToCloud": False, **options}
    if lang == "vi":
        months = [f"tháng {m}" for m in range(1, 13)]
        days = ["Chủ nhật", *(f"Thứ {d}" for d in ("hai", "ba", "tư", "năm", "sáu", "bảy"))]
        config["locale"] = "vi"
        config["locales"] = {
            "vi": {
                "dictionary": PLOTLY_VI,
                "format": {
                    "days": days,
                    "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
                    "months": months,
                    "shortMonths": [f"Th{m}" for m in range(1, 13)],
                    "date": "%d/%m/%Y",
                    "decimal": ",",
                    "thousands": ".",
                },
            }
        }
    return config


def make_timeline_figure(
    visits: pl.DataFrame,
    milestones: pl.DataFrame,
    *,
    level_labels: dict[str, str],
    kind_labels: dict[str, str],
    lang: str,
) -> go.Figure:
    """Visits as points over time, one row per visiting level, coloured by kind; documents as milestone lines.

    Visits of the same day and level are spread a little apart vertically, so that two inspections on one day
    (Ba Bể and TP Bắc Kạn) show as two markers. `visits` needs date_start, body_level, kind, visit_id and a
    preformatted `hover` text per row; `milestones` needs date and code."""
    fig = go.Figure()
    # bottom to top; the commune's row only when a commune's body visited (most data has none: no empty row)
    shown = [level for level in reversed(BODY_LEVELS) if level in level_labels]
    order = [level for level in shown if level != "commune" or (visits["body_level"] == "commune").any()]
    rows_of = {level: i for i, level in enumerate(order)}
    same = ("date_start", "body_level")
    spread = visits.with_columns(
        (
            pl.col("body_level").replace_strict(rows_of, default=0, return_dtype=pl.Float64)
            + (pl.int_range(pl.len()).over(same) - (pl.len().over(same) - 1) / 2)
            * pl.min_horizontal(pl.lit(0.25), 0.7 / pl.max_horizontal(pl.len().over(same) - 1, pl.lit(1)))
        ).alias("_y")
    )
    for i, (kind, label) in enumerate(kind_labels.items()):
        rows = spread.filter(pl.col("kind") == kind)
        if rows.is_empty():
            continue
        fig.add_trace(
            go.Scatter(  # NumPy arrays: Plotly validates them whole, lists item by item (3× slower)
                x=rows["date_start"].to_numpy(),
                y=rows["_y"].to_numpy(),
                mode="markers",
                name=label,
                customdata=rows.select("visit_id", "hover").to_numpy(),
                hovertemplate="%{customdata[1]}<extra></extra>",
                cliponaxis=False,  # a visit near the axis's end is drawn whole, not cut in half
                marker={
                    "size": 22,
                    "symbol": SYMBOLS[i % len(SYMBOLS)],
                    "color": OKABE_ITO[i % len(OKABE_ITO)],
                    "line": {"width": 1.5, "color": "white"},
                },
            )
        )
    # A visit of several days ("30–31/05/2017", "~01–02/2020") is a bar over its days behind its marker, in its
    # kind's colour: its marker alone sat at its first day. Months of visits (timeline_buckets) have no end.
    colour = {kind: OKABE_ITO[i % len(OKABE_ITO)] for i, kind in enumerate(kind_labels)}
    spans = (
        spread.filter(pl.col("date_end") > pl.col("date_start")).select("date_start", "date_end", "_y", "kind").rows()
        if "date_end" in spread.columns
        else []
    )
    # Milestones set in one layout update: add_vline/add_annotation validate the whole layout each time (≈9 ms per
    # document, 120 ms for 13 at scale)
    days = milestones.select("code", "date").rows()
    fig.update_layout(
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": start,
                "x1": end,
                "y0": y,
                "y1": y,
                "layer": "below",
                "line": {"width": 10, "color": colour.get(kind, "#555")},
                "opacity": 0.45,
            }
            for start, end, y, kind in spans
        ]
        + [
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": day,
                "x1": day,
                "y0": 0,
                "y1": 1,
                "line": {"width": 1.5, "dash": "dot", "color": "#555"},
            }
            for _, day in days
        ],
        annotations=[
            {
                "x": day,
                "y": 1,
                "yref": "paper",
                "text": code,
                "showarrow": False,
                "textangle": -90,
                "xanchor": "right",
                "yanchor": "top",
                "font": {"size": FONT - 4, "color": "#333"},
            }
            for code, day in days
        ],
    )
    fig.update_yaxes(
        tickvals=list(range(len(order))),
        ticktext=[level_labels[v] for v in order],
        title=None,
        # a lane's height of room above the top lane for the documents' codes, written down from the top (they
        # covered a span bar of the top lane: "10-NQ/TU" over "~01–02/2020")
        range=[-0.6, len(order) - 0.4 + (1.0 if days else 0.0)],
        zeroline=False,
        showgrid=True,
    )
    fig.update_xaxes(
        hoverformat="%d/%m/%Y",
        title=None,
        **_time_ticks(
            visits["date_start"].to_list() + [end for _, end, _, _ in spans] + milestones["date"].drop_nulls().to_list()
        ),
    )
    return style(fig, lang, height=460 + (90 if days else 0))  # the lanes keep their height under the codes' room


def _time_ticks(days: list) -> dict:
    """A date axis whose ticks are whole months, quarters or years, each labelled once: Plotly's own ticks on a
    short range are days or weeks, all labelled "04/2024" by a month format. A short range is widened to show
    the months around it; a long one ends with its last year."""
    if not days:
        return {"tickformat": "%m/%Y"}
    first, last = min(days), max(days)
    span = (last - first).days
    if span <= 300:
        pad = dt.timedelta(days=max(45, (180 - span) // 2))
        return {"tickformat": "%m/%Y", "dtick": "M1", "range": [first - pad, last + pad]}
    if span <= 3 * 366:
        return {"tickformat": "%m/%Y", "dtick": "M3"}
    # the years shown and no more: Plotly's padding drew a year past them ("2025" after visits of 2017–2024)
    return {
        "tickformat": "%Y",
        "dtick": "M12",
        "range": [dt.date(first.year, 1, 1) - dt.timedelta(days=20), dt.date(last.year, 12, 31)],
    }


def make_compare_figure(
    rows: pl.DataFrame,
    *,
    value_column: str,
    label_column: str,
    text_column: str,
    color_column: str,
    lang: str,
    unit: str,
    per_year: bool = False,
) -> go.Figure:
    """Horizontal bars, one per (unit, period), the value printed beside each bar, coloured by period; money in tỷ
    đồng; the axis names its unit ("số lượng/năm" for values divided by their period's years) and a percentage is on
    each tick; it reaches a fifth past the longest bar, so that its value is never cut off."""
    fig = go.Figure()
    scale = 1e9 if unit == "vnd" else 1.0
    for i, group in enumerate(rows.partition_by(color_column, maintain_order=True)):
        fig.add_trace(
            go.Bar(
                x=(group[value_column] / scale).to_list(),
                y=group[label_column].to_list(),
                orientation="h",
                name=str(group[color_column][0]),
                text=group[text_column].to_list(),
                textposition="outside",
                marker=series_marker(i),
                customdata=group.select("hover").rows(),
                hovertemplate="%{customdata[0]}<extra></extra>",
                cliponaxis=False,
            )
        )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    longest = (rows.select(pl.col(value_column).max()).item() or 0) / scale
    fig.update_xaxes(
        # "tỷ đồng", "số lượng", "số lượng/năm"; a % is on each tick
        title=None if unit == "percent" else t("unit_" + unit, lang) + (t("per_year_suffix", lang) if per_year else ""),
        ticksuffix="%" if unit == "percent" else "",
        range=[0, longest * 1.2 or 1],
        tickformat=",",
    )
    height = max(320, 70 * rows.height + 120)
    return style(fig, lang, height=min(height, 1400))


def escaped(expr: pl.Expr) -> pl.Expr:
    """Source text for Plotly hover labels, which read a little HTML: &, < and > shown as themselves."""
    return (
        expr.str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
    )


HOVER_LINE = 56  # characters: a hover label's line, so that the label stays narrower than a laptop's chart


def wrapped(expr: pl.Expr) -> pl.Expr:
    """Hover text broken into lines of about HOVER_LINE characters at spaces: Plotly never wraps a label, and a
    leader's title of 150 characters ran past both edges of the chart."""
    return expr.str.replace_all(rf"(\S.{{{HOVER_LINE - 16},{HOVER_LINE}}}?) (.{{12}})", "${1}<br>${2}")


def compare_labels(
    rows: pl.DataFrame,
    lang: str,
    *,
    per_year: bool,
    places: pl.DataFrame | None = None,
    labels: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One indicator's values (queries.per_year of its observations) with what the comparison shows of each:
    `label` (place, its unit as queries.unit_name names it, level), `period_label`, `series` (breakdown · period),
    `text` (the value as shown, per year when asked), `status_label` and `hover`; sorted by series, then value,
    largest first.

    With `places` (catalog.places) a district or commune is named with its kind and province ("thành phố Bắc Kạn,
    Bắc Kạn"), so that a city is not read as the province of the same name; `labels` (queries.place_label_frame, made
    once per catalog) does the same without making them again."""
    value_column = "value_per_year" if per_year else "value"
    unit = rows["unit"][0] if rows.height else "count"
    levels = {k: t("level_" + k, lang) for k in ("province", "district", "commune")}
    unit_label = queries.unit_name(lang)
    if places is None and labels is None:
        place = queries.host_name(lang)
    else:  # the lower place's label joined in first (queries.place_names), dropped at the end
        if labels is None:
            assert places is not None
            labels = queries.place_label_frame(places, lang)
        rows = rows.with_columns(queries.place_names(rows, pl.coalesce("commune", "district"), labels).alias("_place"))
        place = pl.coalesce(pl.concat_str([pl.col("_place"), unit_label], separator=", "), unit_label)
    period = fmt.period_expr(lang=lang)  # "2021–2023", "đến 25/04/2024", "03/06/2013–10/08/2023"
    # per year, every count that adds up is shown so, a single year's too ("342/năm" beside "17,8/năm"), to a tenth
    yearly = (pl.col("aggregation") == "sum") & pl.lit(per_year)
    suffix = pl.when(yearly).then(pl.lit(t("per_year_suffix", lang))).otherwise(pl.lit(""))
    status = pl.col("status").replace_strict({k: t("status_" + k, lang) for k in ("reported", "estimated", "target")})
    if unit == "vnd":  # money as the pages write it: "hơn 8 tỷ đồng", not "hơn 8.000.000.000"
        rows = rows.with_columns((pl.col(value_column) / 1e9).alias("_shown"))
        number = fmt.number_expr("_shown", lang=lang) + pl.lit(" " + t("unit_vnd", lang))
    else:
        digits = (
            pl.when(yearly)
            .then(fmt.number_expr(value_column, 1, lang))
            .otherwise(fmt.number_expr(value_column, lang=lang))
        )
        number = digits + pl.lit("%" if unit == "percent" else "")
    text = fmt.qualified_expr(number, lang) + suffix
    return (
        rows.with_columns(
            # concat_str, not pl.format: Polars 2.1's format panics on some filtered string columns (index out of range)
            pl.concat_str([place, pl.lit(" · "), pl.col("level").replace_strict(levels)]).alias("label"),
            period.alias("period_label"),
            pl.concat_str([pl.col("breakdown").replace(value_texts(lang)), period], separator=" · ")
            .fill_null(period)
            .alias("series"),
            text.alias("text"),
            status.alias("status_label"),
        )
        .with_columns(  # two sources' values of one place and period: two bars, each named (Plotly drew them as one)
            pl.when(pl.len().over("label", "series") > 1)
            .then(
                pl.concat_str(
                    [
                        pl.col("label"),
                        pl.lit(" · "),
                        pl.format(t("compare_source_n", lang), pl.int_range(1, pl.len() + 1).over("label", "series")),
                    ]
                )
            )
            .otherwise(pl.col("label"))
            .alias("label")
        )
        .with_columns(
            pl.format(
                "<b>{}</b><br>{}: {} ({})<br>{}: {}<br>“{}”",
                escaped(pl.col("label")),
                pl.lit(t("period", lang)),
                pl.col("period_label"),
                pl.col("status_label"),
                pl.lit(t("value", lang)),
                pl.col("text"),
                escaped(pl.col("quote").str.slice(0, 160)),
            ).alias("hover"),
        )
        .sort("series", value_column, descending=[False, True])
        .drop("_place", "_shown", strict=False)
    )


def compare_chart_rows(rows: pl.DataFrame, limit: int) -> pl.DataFrame:
    """The values a readable chart shows of compare_labels' rows: all of them up to `limit`; beyond, the latest
    series at the highest level present (province-level values when there are any), `limit` at most."""
    if rows.height <= limit:
        return rows
    shown = rows.filter(pl.col("level") == "province") if (rows["level"] == "province").any() else rows
    return shown.filter(pl.col("series") == shown.sort("period_end", "period_start")["series"][-1]).head(limit)


def compare_table(rows: pl.DataFrame, sources: pl.DataFrame, lang: str) -> pl.DataFrame:
    """compare_labels' rows as the table under the chart: headers in `lang`, the computed percentage of a stated
    numerator/denominator, the quote and the source's title. The recomputed rate and the breakdown only when a row
    has one (two empty columns pushed the source past a laptop's table)."""
    table = rows.select(
        pl.col("label").alias(t("place", lang)),  # a province, a district or a commune, with its level
        pl.col("period_label").alias(t("period", lang)),
        pl.col("text").alias(t("value", lang)),
        pl.col("status_label").alias(t("status", lang)),
        pl.when(pl.col("numerator").is_not_null())
        .then(
            pl.format(
                "{}/{} = {}%",
                fmt.number_expr("numerator", lang=lang),
                fmt.number_expr("denominator", lang=lang),
                fmt.number_expr("computed_percent", 1, lang),
            )
        )
        .alias(t("computed", lang)),
        pl.col("breakdown").replace(value_texts(lang)).alias(t("breakdown", lang)),
        pl.col("quote").alias(t("quote", lang)),
        pl.col("source_id")
        .replace_strict(  # an untitled source by its publisher, never a bare id or "—"
            dict(sources.select("source_id", queries.source_name(lang)).iter_rows()),
            default=pl.col("source_id"),
        )
        .alias(t("source", lang)),
    )
    optional = {t("computed", lang), t("breakdown", lang)}
    return table.select(c for c in table.columns if c not in optional or table[c].null_count() < table.height)


def _kind_label(lang: str) -> pl.Expr:
    return pl.col("kind").replace_strict({k: t("kind_" + k, lang) for k in VISIT_KINDS})


def timeline_hover(lang: str, places: pl.DataFrame | None = None, *, labels: pl.DataFrame | None = None) -> pl.Expr:
    """A visit's hover text on the timeline: date, kind, body, leader, host and documents (source text escaped)."""
    na = pl.lit("—")
    host = queries.host_name(lang, places, labels=labels).fill_null(na)
    return pl.format(
        "<b>{}</b> · {}<br>{}<br>{}: {}<br>{}: {}<br>{}: {}",
        fmt.visit_date_expr(),  # "30–31/05/2017"; "~28/05/2020" for an estimated day
        _kind_label(lang),
        wrapped(escaped(pl.col("body"))),
        pl.lit(t("leader", lang)),
        wrapped(escaped(pl.concat_str([pl.col("leader_name"), pl.col("leader_title")], separator=", "))).fill_null(na),
        pl.lit(t("host", lang)),
        wrapped(escaped(host)),
        pl.lit(t("documents_short", lang)),
        pl.col("documents").list.join(", ").replace("", "—"),
    ).alias("hover")


def timeline_buckets(buckets: pl.DataFrame, lang: str) -> pl.DataFrame:
    """queries.visit_buckets as timeline points: one per month, level and kind, its hover saying how many events."""
    return buckets.select(
        pl.col("month").alias("date_start"),
        "body_level",
        "kind",
        "visit_id",
        pl.format(
            "<b>{}</b> · {}<br>" + t("map_events_of", lang, n="{}"),
            pl.col("month").dt.strftime("%m/%Y"),
            _kind_label(lang),
            fmt.number_expr("visits", lang=lang),
        ).alias("hover"),
    )


def timeline_labels(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """The timeline's rows (visiting levels) and colours (visit kinds), labelled in `lang`."""
    return (
        {level: t("level_" + level, lang) for level in BODY_LEVELS},
        {kind: t("kind_" + kind, lang) for kind in VISIT_KINDS},
    )
