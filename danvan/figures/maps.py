"""Pure map builders: a pydeck Deck of provinces coloured by a value, visit arcs, and Hoàng Sa / Trường Sa.

No basemap, no world layer: the only geometry is Viet Nam's own, from data/geo/."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import polars as pl
import pydeck as pdk

from .. import fmt, queries
from ..i18n import t
from ..model import Unit

# Viridis in five steps: colour-blind safe and readable on a projector; "no data" is a light neutral grey.
PALETTE = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
NO_DATA = (225, 225, 225)
BORDER = (90, 90, 90)
ARC_COLORS = {
    "central": (179, 38, 30),
    "province": (230, 120, 20),
    "district": (120, 80, 160),
    "commune": (30, 130, 120),
}
GEO = Path(__file__).resolve().parents[2] / "data" / "geo"  # boundaries belong to the product, not a dataset
# The whole country with Trường Sa in a map of about 520 pixels' height: what a 1366×768 laptop leaves for it.
VIEW = pdk.ViewState(longitude=108.6, latitude=15.8, zoom=4.45, min_zoom=4, max_zoom=9)
LABEL_SIZE = 15  # pixels
HOANG_SA_PROVINCE = "48"  # Đà Nẵng, whose archipelago's label sits above it
# An empty style served by the app itself: without a style, Streamlit's map falls back to a basemap on the internet.
MAP_STYLE = "/app/static/map-style.json"
# Plain text: Streamlit shows it with innerText, so names and quotes from sources can never become markup.
TOOLTIP = {"text": "{tooltip}", "style": {"fontSize": "16px", "maxWidth": "460px", "whiteSpace": "pre-wrap"}}


@lru_cache(maxsize=4)
def boundaries(name: str) -> str:
    """The GeoJSON text of one boundary file in data/geo/, read once per process."""
    return (GEO / name).read_text(encoding="utf-8")


QUANTILES_FROM = 15  # places with a value: from this many the classes are quintiles, below it equal widths


def classes(values: list[float]) -> list[tuple[float, float, tuple[int, int, int]]]:
    """(from, to, colour) classes for a legend, each holding at least one value and labelled by the smallest and
    largest value it holds: one class per value when there are five distinct values or fewer (one place with
    data gives one class, not five equal ones); else quintiles when there are enough places, equal widths
    otherwise, empty classes dropped."""
    ordered = sorted(values)
    distinct = sorted(set(ordered))
    if len(distinct) <= len(PALETTE):
        bounds = [(v, v) for v in distinct]
    else:
        low, high = ordered[0], ordered[-1]
        if len(ordered) >= QUANTILES_FROM:
            cuts = [ordered[min(len(ordered) - 1, (len(ordered) * i) // 5 - 1)] for i in range(1, 5)]
        else:
            cuts = [low + (high - low) * i / 5 for i in range(1, 5)]
        groups: list[list[float]] = [[] for _ in range(5)]
        for value in ordered:
            groups[sum(value > cut for cut in cuts)].append(value)
        bounds = [(group[0], group[-1]) for group in groups if group]
    spread = [PALETTE[round(i * (len(PALETTE) - 1) / max(len(bounds) - 1, 1))] for i in range(len(bounds))]
    return [(start, end, color) for (start, end), color in zip(bounds, spread, strict=True)]


def color_for(value: float | None, legend: list[tuple[float, float, tuple[int, int, int]]]) -> tuple[int, int, int]:
    if value is None:
        return NO_DATA
    for _, end, color in legend:
        if value <= end + 1e-9:
            return color
    return legend[-1][2]


def hit_areas(features: list[dict], step: int = 4) -> list[dict]:
    """One light polygon per part of each province (every `step`-th vertex) for hover and click.

    Streamlit's map drops a click on a layer whose data is large (seen with the full 9.500-vertex provinces in headless
    Chromium), so the detailed shapes are drawn and these coarse ones, invisible on top, are what a user picks."""
    rows = []
    for feature in features:
        geometry, props = feature["geometry"], feature["properties"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for part in parts:
            rings = [[*ring[::step], ring[0]] if len(ring) > 4 * step else ring for ring in part]
            rows.append(
                {"polygon": rings, "code": props["code"], "name_vi": props["name_vi"], "tooltip": props["tooltip"]}
            )
    return rows


def _coloured(
    geojson: str, islands: str, values: dict[str, float], tooltips: dict[str, str], no_data_text: str
) -> tuple[dict, dict, list[dict], list[dict]]:
    """The provinces and the archipelagos' shapes with their fill and hover text, the archipelagos' labels and their
    islets (points): the archipelagos take their province's colour and name."""
    shapes = json.loads(geojson)
    legend = classes(list(values.values())) if values else []
    for feature in shapes["features"]:
        props = feature["properties"]
        props["fill"] = list(color_for(values.get(props["code"]), legend))
        props["tooltip"] = props["name_vi"] + "\n" + tooltips.get(props["code"], no_data_text)
    island_shapes = json.loads(islands)
    province_names = {f["properties"]["code"]: f["properties"]["name_vi"] for f in shapes["features"]}
    for feature in island_shapes["features"]:
        props = feature["properties"]
        owner = province_names.get(props["province_code"], "")
        props["label"] = f"{props['name_vi']}\n({owner})"  # two short lines: one long line ran off a narrow map
        props["fill"] = list(color_for(values.get(props["province_code"]), legend))
        props["tooltip"] = f"{props['name_vi']} ({owner})\n" + tooltips.get(props["province_code"], no_data_text)
    points = [f for f in island_shapes["features"] if f["geometry"]["type"] == "Point"]
    island_shapes["features"] = [f for f in island_shapes["features"] if f["geometry"]["type"] != "Point"]
    # Hoàng Sa's label above its islands: below them, at a narrow map's zoom, it ran onto the coast of Quảng Nam
    # (Trường Sa's, far from land, stays below its islands)
    labels = [
        {
            "position": f["geometry"]["coordinates"],
            "text": f["properties"]["label"],
            "tooltip": f["properties"]["tooltip"],
            # Trường Sa's ends at its islands and runs west over the open sea: centred on them, a map narrower than a
            # laptop's cut it at its right edge ("Quần đảo Trư… (Khánh H", 1024 pixels; a leader's walk-through)
            **(
                {"baseline": "bottom", "offset": [0, -12], "anchor": "middle"}
                if f["properties"]["province_code"] == HOANG_SA_PROVINCE
                else {"baseline": "top", "offset": [16, 14], "anchor": "end"}
            ),
        }
        for f in points
        if f["properties"].get("kind") == "label"
    ]
    islets = [
        {"position": f["geometry"]["coordinates"], "tooltip": f["properties"]["tooltip"]}
        for f in points
        if f["properties"].get("kind") != "label"
    ]
    return shapes, island_shapes, labels, islets


def _arc_layers(arcs: pl.DataFrame) -> list[pdk.Layer]:
    """Each arc (from arc_rows) from the visiting body's seat to the host, and a ring on the host."""
    if not arcs.height:
        return []
    records = arcs.select(
        pl.concat_list("from_lon", "from_lat").alias("source"),
        pl.concat_list("to_lon", "to_lat").alias("target"),
        "color",
        "tooltip",
    ).to_dicts()
    return [
        pdk.Layer(
            "ArcLayer",
            records,
            id="visits",
            pickable=True,
            get_source_position="source",
            get_target_position="target",
            get_source_color="color",
            get_target_color="color",
            get_width=3,
            get_height=0.4,
        ),
        pdk.Layer(  # a white halo under each ring, so that a ring shows on a fill of its own hue
            "ScatterplotLayer",
            records,
            id="hosts_halo",
            get_position="target",
            get_radius=9000,
            radius_min_pixels=5,
            filled=False,
            stroked=True,
            get_line_color=[255, 255, 255],
            line_width_min_pixels=4,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            records,
            id="hosts",
            pickable=True,
            get_position="target",
            get_radius=9000,
            radius_min_pixels=5,
            filled=False,  # a ring in the level's colour: a small province's own colour shows through it (Hà Nam)
            stroked=True,
            get_line_color="color",
            line_width_min_pixels=2.5,
        ),
    ]


def make_map_deck(
    geojson: str,
    islands: str,
    values: dict[str, float],
    tooltips: dict[str, str],
    arcs: pl.DataFrame,
    *,
    no_data_text: str,
    view: pdk.ViewState = VIEW,
) -> pdk.Deck:
    """Provinces coloured by `values` (unit code → value), visit arcs, and the two archipelagos.

    `tooltips` holds the hover text (formatted value, period, source and quote) of each coloured unit."""
    shapes, island_shapes, labels, islets = _coloured(geojson, islands, values, tooltips, no_data_text)
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            shapes,
            id="province-shapes",
            pickable=False,
            stroked=True,
            filled=True,
            get_fill_color="properties.fill",
            get_line_color=list(BORDER),
            line_width_min_pixels=0.6,
        ),
        pdk.Layer(
            "PolygonLayer",
            hit_areas(shapes["features"]),
            id="provinces",
            pickable=True,
            stroked=False,
            get_polygon="polygon",
            get_fill_color=[0, 0, 0, 0],
            auto_highlight=True,
            highlight_color=[255, 255, 255, 90],
        ),
        pdk.Layer(
            "GeoJsonLayer",
            island_shapes,
            id="islands",
            pickable=True,
            stroked=True,
            filled=True,
            get_fill_color="properties.fill",
            get_line_color=list(BORDER),
            line_width_min_pixels=1,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            islets,
            id="islets",
            pickable=True,
            get_position="position",
            get_fill_color=list(BORDER),
            get_radius=2500,
            radius_min_pixels=2.5,
        ),
        pdk.Layer(
            "TextLayer",
            labels,
            id="island-labels",
            get_position="position",
            get_text="text",
            get_size=LABEL_SIZE,
            get_color=[30, 30, 30],
            # Deck's font atlas holds ASCII only unless told to collect the labels' own (Vietnamese) characters.
            # Quoted, because pydeck turns a bare string into an accessor expression.
            character_set="'auto'",
            get_text_anchor="anchor",  # each label's own, as its baseline
            get_alignment_baseline="baseline",  # each label's own (a field of its row)
            get_pixel_offset="offset",
            font_family="'sans-serif'",
            font_weight=600,
        ),
    ]
    layers += _arc_layers(arcs)
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,
        map_style=MAP_STYLE,
        tooltip=TOOLTIP,
    )


def legend(values: list[float], unit: Unit, lang: str, no_data: str) -> list[tuple[tuple[int, int, int], str]]:
    """(colour, "from – to") of each class of `values` (classes), formatted in `unit`, then the "no data" grey."""
    rows = [
        (color, fmt.value(start, unit, lang) + ("" if start == end else " – " + fmt.value(end, unit, lang)))
        for start, end, color in (classes(values) if values else [])
    ]
    return [*rows, (NO_DATA, no_data)]


def tooltips(
    values: pl.DataFrame, sources: pl.DataFrame, *, legend_title: str, unit: Unit | None, lang: str
) -> dict[str, str]:
    """The hover text of each coloured unit (display_code → text): its value (a number of events when `unit` is
    None), period, the old units it was summed from, its sources, and the quoted sentence of an indicator's value.

    `values` is queries.map_values (or visit_counts with parts, sources and quotes null); `sources` the catalog's."""
    titles = dict(sources.select("source_id", queries.source_name(lang)).iter_rows())  # never a bare id

    def text(row: dict) -> str:
        value = (
            fmt.value(row["value"], unit, lang, row.get("qualifier"))
            if unit is not None
            else t("map_events_of", lang, n=fmt.number(row["value"], lang=lang))
        )
        # events are dated by their days ("11/12/2024", "27–28/05/2020"); a value by the period it counts
        span = {"date_start": row["period_start"], "date_end": row["period_end"], "date_precision": "day"}
        when = (
            t("map_when", lang, days=fmt.visit_date(span))
            if unit is None
            else t("map_period", lang, period=fmt.period(row["period_start"], row["period_end"], lang))
        )
        lines = [f"{legend_title}: {value}", when]
        if row["parts"] and len(row["parts"]) > 1:
            lines.append(t("map_merged_note", lang, parts=", ".join(row["parts"])))
        elif row["parts"] and row["parts"][0] != row["display_name"]:  # one former province's own figure, not a sum
            lines.append(t("map_one_part_note", lang, part=row["parts"][0], unit=row["display_name"]))
        lines += [f"{t('source', lang)}: {titles.get(source_id) or source_id}" for source_id in row["sources"] or []]
        if unit is not None and row["quotes"]:
            lines.append(f"“{row['quotes'][0][:220]}”")
        return "\n".join(lines)

    return {row["display_code"]: text(row) for row in values.iter_rows(named=True)}


def arc_rows(arcs: pl.DataFrame, lang: str) -> pl.DataFrame:
    """queries.arc_summary's arcs as make_map_deck draws them: coloured by visiting level, with a hover text of the
    newest visit ("dd/mm/yyyy\\nbody → province (n events)")."""
    count = pl.format(" (" + t("map_events_of", lang, n="{}") + ")", fmt.number_expr("visits", lang=lang))
    return arcs.with_columns(
        pl.col("body_level")
        .replace_strict({k: list(v) for k, v in ARC_COLORS.items()}, return_dtype=pl.List(pl.Int64))
        .alias("color"),
        pl.format(
            "{}\n{} → {}{}",
            fmt.visit_date_expr(),
            pl.col("body"),
            queries.unit_name(lang),  # "Quảng Trị (trước đây: Quảng Bình)"
            pl.when(pl.col("visits") > 1).then(count).otherwise(pl.lit("")),
        ).alias("tooltip"),
    ).select("from_lon", "from_lat", "to_lon", "to_lat", "color", "tooltip")
