"""Pure map builders: a pydeck Deck of provinces coloured by a value, visit arcs, and Hoàng Sa / Trường Sa.

No basemap, no world layer: the only geometry is Viet Nam's own, from data/geo/."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path

import polars as pl
import pydeck as pdk

# Viridis in five steps: colour-blind safe and readable on a projector; "no data" is a light neutral grey.
PALETTE = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
NO_DATA = (225, 225, 225)
BORDER = (90, 90, 90)
ARC_COLORS = {"central": (179, 38, 30), "province": (230, 120, 20), "district": (120, 80, 160)}
GEO = Path(__file__).resolve().parent.parent / "data" / "geo"  # boundaries belong to the product, not a dataset
VIEW = pdk.ViewState(longitude=108.6, latitude=15.6, zoom=4.75, min_zoom=4, max_zoom=9)


@lru_cache(maxsize=4)
def boundaries(name: str) -> str:
    """The GeoJSON text of one boundary file in data/geo/, read once per process."""
    return (GEO / name).read_text(encoding="utf-8")


def classes(values: list[float]) -> list[float]:
    """Upper bounds of five equal-width classes between the smallest and largest value."""
    low, high = min(values), max(values)
    if high == low:
        return [high] * 5
    step = (high - low) / 5
    return [low + step * (i + 1) for i in range(5)]


def color_for(value: float | None, bounds: list[float]) -> tuple[int, int, int]:
    if value is None:
        return NO_DATA
    for bound, color in zip(bounds, PALETTE, strict=True):
        if value <= bound + 1e-9:
            return color
    return PALETTE[-1]


def make_map_deck(geojson: str, islands: str, values: dict[str, float], tooltips: dict[str, str],
                  arcs: pl.DataFrame, *, no_data_text: str) -> pdk.Deck:
    """Provinces coloured by `values` (unit code → value), visit arcs, and the two archipelagos.

    `tooltips` holds the escaped-HTML hover text (formatted value, period, sources) of each coloured unit."""
    shapes = json.loads(geojson)
    bounds = classes(list(values.values())) if values else []
    for feature in shapes["features"]:
        props = feature["properties"]
        props["fill"] = list(color_for(values.get(props["code"]), bounds))
        props["tooltip"] = f"<b>{html.escape(props['name_vi'])}</b><br/>" + tooltips.get(
            props["code"], html.escape(no_data_text))
    island_shapes = json.loads(islands)
    for feature in island_shapes["features"]:
        props = feature["properties"]
        props["tooltip"] = f"<b>{html.escape(props['name_vi'])}</b>"
    labels = [
        {"position": f["geometry"]["coordinates"], "text": f["properties"]["name_vi"]}
        for f in island_shapes["features"] if f["geometry"]["type"] == "Point" and f["properties"].get("kind") == "label"
    ]
    layers = [
        pdk.Layer("GeoJsonLayer", shapes, id="provinces", pickable=True, stroked=True, filled=True,
                  get_fill_color="properties.fill", get_line_color=list(BORDER), line_width_min_pixels=0.6,
                  auto_highlight=True, highlight_color=[255, 255, 255, 90]),
        pdk.Layer("GeoJsonLayer", island_shapes, id="islands", pickable=True, stroked=True, filled=True,
                  get_fill_color=list(NO_DATA), get_line_color=list(BORDER), line_width_min_pixels=1,
                  point_type="circle", get_point_radius=2500, point_radius_min_pixels=2),
        pdk.Layer("TextLayer", labels, id="island-labels", get_position="position", get_text="text", get_size=14,
                  get_color=[40, 40, 40], character_set="auto", get_text_anchor="'start'",
                  get_alignment_baseline="'center'", get_pixel_offset=[8, 0]),
    ]
    if arcs.height:
        layers.append(pdk.Layer(
            "ArcLayer", arcs.to_dicts(), id="visits", pickable=True, get_source_position=["from_lon", "from_lat"],
            get_target_position=["to_lon", "to_lat"], get_source_color="color", get_target_color="color",
            get_width=3, get_height=0.4))
        layers.append(pdk.Layer(
            "ScatterplotLayer", arcs.to_dicts(), id="hosts", pickable=True, get_position=["to_lon", "to_lat"],
            get_fill_color="color", get_radius=9000, radius_min_pixels=5, stroked=True, get_line_color=[255, 255, 255],
            line_width_min_pixels=1))
    return pdk.Deck(layers=layers, initial_view_state=VIEW, map_provider=None, map_style=None,
                    tooltip={"html": "{tooltip}", "style": {"fontSize": "16px", "maxWidth": "420px"}})
