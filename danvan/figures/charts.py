"""Pure Plotly figure builders: readable on a projector, colour-blind-safe, Vietnamese number and date formats."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SYMBOLS = ["circle", "diamond", "square", "triangle-up", "star", "hexagon"]
FONT = 18


def style(fig: go.Figure, lang: str, height: int = 520) -> go.Figure:
    """Shared layout: Vietnamese separators (1.973,5), large type, white background, no Plotly logo or title."""
    fig.update_layout(
        separators=",." if lang == "vi" else ".,", template="plotly_white", height=height,
        font={"size": FONT, "family": "sans-serif", "color": "#222"}, colorway=OKABE_ITO,
        margin={"l": 10, "r": 10, "t": 30, "b": 10}, hoverlabel={"font_size": FONT},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font_size": FONT - 2}, showlegend=True,
    )
    return fig


def make_timeline_figure(visits: pl.DataFrame, milestones: pl.DataFrame, *, level_labels: dict[str, str],
                         kind_labels: dict[str, str], lang: str) -> go.Figure:
    """Visits as points over time, one row per visiting level, coloured by kind; documents as milestone lines.

    `visits` needs date_start, body_level, kind, visit_id and a preformatted `hover` text per row;
    `milestones` needs date and code."""
    fig = go.Figure()
    order = [level for level in ("central", "province", "district") if level in level_labels]
    for i, (kind, label) in enumerate(kind_labels.items()):
        rows = visits.filter(pl.col("kind") == kind)
        if rows.is_empty():
            continue
        fig.add_trace(go.Scatter(
            x=rows["date_start"].to_list(), y=[level_labels[v] for v in rows["body_level"].to_list()],
            mode="markers", name=label, customdata=rows.select("visit_id", "hover").rows(),
            hovertemplate="%{customdata[1]}<extra></extra>",
            marker={"size": 22, "symbol": SYMBOLS[i % len(SYMBOLS)], "color": OKABE_ITO[i % len(OKABE_ITO)],
                    "line": {"width": 1.5, "color": "white"}},
        ))
    for code, day in milestones.select("code", "date").iter_rows():
        fig.add_vline(x=day, line_width=1.5, line_dash="dot", line_color="#555")
        fig.add_annotation(x=day, y=1, yref="paper", text=code, showarrow=False, textangle=-90, xanchor="right",
                           yanchor="top", font={"size": FONT - 4, "color": "#333"})
    fig.update_yaxes(categoryorder="array", categoryarray=[level_labels[v] for v in reversed(order)],
                     type="category", title=None, range=[-0.6, len(order) - 0.4])
    fig.update_xaxes(tickformat="%m/%Y", hoverformat="%d/%m/%Y", title=None)
    return style(fig, lang, height=460)


def make_compare_figure(rows: pl.DataFrame, *, value_column: str, label_column: str, text_column: str,
                        color_column: str, lang: str, percent: bool) -> go.Figure:
    """Horizontal bars, one per (unit, period), the value printed on each bar, coloured by period."""
    fig = go.Figure()
    for i, group in enumerate(rows.partition_by(color_column, maintain_order=True)):
        fig.add_trace(go.Bar(
            x=group[value_column].to_list(), y=group[label_column].to_list(), orientation="h",
            name=str(group[color_column][0]), text=group[text_column].to_list(), textposition="outside",
            marker_color=OKABE_ITO[i % len(OKABE_ITO)], customdata=group.select("hover").rows(),
            hovertemplate="%{customdata[0]}<extra></extra>", cliponaxis=False,
        ))
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_xaxes(title=None, ticksuffix="%" if percent else "", rangemode="tozero", tickformat=",")
    height = max(320, 70 * rows.height + 120)
    return style(fig, lang, height=min(height, 1400))
