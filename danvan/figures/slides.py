"""Pure figure builders for slides: a Plotly figure for a slide's chart and a PNG of its map.

Used by the app's presentation mode and by the HTML and PowerPoint exports, so that all three draw the same data
with the same colours. The map is drawn with Pillow from data/geo/ (no basemap, no network), with the legend and the
Hoàng Sa and Trường Sa archipelagos labelled as parts of Đà Nẵng and Khánh Hòa."""

from __future__ import annotations

import io
import json
import math
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go
from PIL import Image, ImageDraw, ImageFont

from ..i18n import name_column
from . import charts, maps
from .spec import Area, Chart, MapData

SLIDE_FONT = 24  # chart text on a 1920×1080 screen, readable from the back of a meeting room
# Fonts with Vietnamese glyphs, first found wins; Pillow's own default has none, so it is only the last resort.
FONTS = ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf")
BOLD_FONTS = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf")
MAX_MAP_LABELS = 12
HIDDEN_SHARE = 0.05  # the most of a value label's box that may lie over units with a value; else no label


def wrap(text: str, width: int, joiner: str = "<br>") -> str:
    """Long category names on several lines (Plotly does not wrap axis labels)."""
    return joiner.join(textwrap.wrap(text, width)) or text


def make_slide_figure(chart: Chart, lang: str, height: int | None = 640) -> go.Figure:
    """A slide's chart: horizontal grouped bars for comparisons, stacked columns for events over time.

    Every bar carries its value formatted the Vietnamese way, so that no one has to read an axis."""
    fig = go.Figure()
    horizontal = chart.kind == "bar"
    categories = [wrap(c, 34) for c in chart.categories] if horizontal else list(chart.categories)
    rows, middles = _bar_rows(chart, [c.count("<br>") + 1 for c in categories])
    for i, series in enumerate(chart.series):
        shown = [j for j, value in enumerate(series.values) if value is not None or not horizontal]
        fig.add_trace(
            go.Bar(
                x=[series.values[j] for j in shown] if horizontal else categories,
                y=[rows[j, i] for j in shown] if horizontal else list(series.values),
                orientation="h" if horizontal else "v",
                name=series.name,
                text=[series.labels[j] for j in shown],
                textposition="outside" if horizontal else "inside",
                insidetextanchor="middle",
                marker=charts.series_marker(i if series.look is None else series.look),
                cliponaxis=False,
                hovertemplate="%{text}<extra>" + series.name.replace("<", "&lt;") + "</extra>",
            )
        )
    charts.style(fig, lang, height=height)
    fig.update_layout(
        font_size=SLIDE_FONT,
        legend_font_size=SLIDE_FONT - 2,
        hoverlabel_font_size=SLIDE_FONT - 2,
        uniformtext={"minsize": SLIDE_FONT - 6, "mode": "show"},
        margin={"l": 10, "r": 120 if horizontal else 10, "t": 60, "b": 10},
    )
    if horizontal:
        fig.update_traces(width=0.8)
        fig.update_yaxes(
            autorange="reversed",
            automargin=True,
            title=None,
            ticklabelstandoff=14,
            tickvals=middles,
            ticktext=categories,
            showgrid=False,
            zeroline=False,
        )
        fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=True, rangemode="tozero", title=None)
    else:
        fig.update_layout(barmode="stack", bargap=0.35)
        fig.update_xaxes(type="category", title=None)
        fig.update_yaxes(title=chart.axis_title, rangemode="tozero", dtick=1 if _max_total(chart) <= 10 else None)
    return fig


def _bar_rows(chart: Chart, lines: list[int]) -> tuple[dict[tuple[int, int], float], list[float]]:
    """Each bar's own row, (category, series) → y, and each category's middle: a category keeps rows only for the
    series that have a value in it, and as many as its name's `lines` need. (Plotly's grouped bars keep a slot for
    every series in every category: with five series, one indicator's two bars were a fifth of its band each, and
    their labels ran into each other.)"""
    rows: dict[tuple[int, int], float] = {}
    middles, y = [], 0.0
    for j in range(len(chart.categories)):
        present = [i for i, series in enumerate(chart.series) if series.values[j] is not None]
        span = max(len(present), 1.3 * lines[j])  # a bar's row is about a line of the name's type
        first = y + (span - len(present)) / 2
        rows |= {(j, i): first + k for k, i in enumerate(present)}
        middles.append(y + (span - 1) / 2)
        y += span + 0.6  # a gap between categories
    return rows, middles


def _max_total(chart: Chart) -> float:
    return max(
        (sum(v or 0 for v in values) for values in zip(*(s.values for s in chart.series), strict=True)), default=0
    )


@lru_cache(maxsize=8)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    for name in BOLD_FONTS if bold else FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    default = ImageFont.load_default(size=size)
    assert isinstance(default, ImageFont.FreeTypeFont)  # Pillow ≥ 10.1 with FreeType: its own scalable font
    return default


def _rings(geometry: dict) -> list[list[list[float]]]:
    """The outer rings of a Polygon or MultiPolygon (holes are covered by the units drawn inside them)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


SCALE = 2  # the map picture is drawn at twice its size and reduced: smooth edges without an anti-aliasing renderer
Point = tuple[float, float]


@dataclass(frozen=True)
class _Projection:
    """Equirectangular, true to scale mid-country, over the mainland and both archipelagos, in drawing pixels."""

    height: int
    lon0: float = 101.8
    lon1: float = 116.4
    lat0: float = 8.1
    lat1: float = 23.6

    @property
    def per_degree(self) -> float:
        return self.height / (self.lat1 - self.lat0)

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.lat0 + self.lat1) / 2)) * self.per_degree

    @property
    def width(self) -> float:
        return (self.lon1 - self.lon0) * self.kx

    def xy(self, point: list[float]) -> Point:
        return (point[0] - self.lon0) * self.kx, (self.lat1 - point[1]) * self.per_degree


def _centre(points: list[Point]) -> Point:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _extent(feature: dict) -> float:
    xs = [p[0] for ring in _rings(feature["geometry"]) for p in ring]
    ys = [p[1] for ring in _rings(feature["geometry"]) for p in ring]
    return (max(xs) - min(xs)) * (max(ys) - min(ys)) if xs else 0.0


@dataclass(frozen=True)
class _Geometry:
    """The boundaries of a scheme as drawn: parsed and projected once, for every map of that scheme."""

    shapes: list[dict]  # the units' features
    islands: list[dict]  # the archipelagos' features
    areas: list[tuple[dict, list[list[Point]]]]  # units and islands (properties, rings), largest first
    centres: dict[str, Point]  # middle of each unit's largest part, where its label goes


@lru_cache(maxsize=4)
def _geometry(scheme: str, height: int) -> _Geometry:
    shapes = json.loads(maps.boundaries(f"provinces_{scheme}.geojson"))["features"]
    islands = json.loads(maps.boundaries("hoangsa_truongsa.geojson"))["features"]
    projection = _Projection(height)
    # largest first, so that none hides a smaller one
    drawn = sorted(shapes + [f for f in islands if f["geometry"]["type"] != "Point"], key=_extent, reverse=True)
    return _Geometry(
        shapes=shapes,
        islands=islands,
        areas=[
            (feature["properties"], [[projection.xy(p) for p in ring] for ring in _rings(feature["geometry"])])
            for feature in drawn
        ],
        centres={
            feature["properties"]["code"]: _centre(
                [projection.xy(p) for p in max(_rings(feature["geometry"]), key=len)]
            )
            for feature in shapes
        },
    )


def _polygon(image: Image.Image, points: list[Point], fill: tuple[int, int, int]) -> None:
    """ImageDraw's polygon with a border, drawn on the part of the picture around it: Pillow draws a border wider
    than a pixel through a mask of the whole picture (≈0,3 ms per unit at this size); the pixels are the same."""
    margin = 2 * SCALE + 2
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    left, top = max(math.floor(min(xs)) - margin, 0), max(math.floor(min(ys)) - margin, 0)
    right, bottom = min(math.ceil(max(xs)) + margin, image.width), min(math.ceil(max(ys)) + margin, image.height)
    if left >= right or top >= bottom:
        return
    part = image.crop((left, top, right, bottom))
    ImageDraw.Draw(part).polygon([(x - left, y - top) for x, y in points], fill=fill, outline=maps.BORDER, width=SCALE)
    image.paste(part, (left, top))


def _draw_areas(
    image: Image.Image, draw: ImageDraw.ImageDraw, areas: list[tuple[dict, list[list[Point]]]], values: dict[str, float]
) -> None:
    """Every unit and island filled with its value's colour (`areas` of _Geometry, largest first)."""
    legend = maps.classes(list(values.values())) if values else []
    for props, rings in areas:
        code: str = props.get("code") or props.get("province_code") or ""  # an island by its province
        fill = maps.color_for(values.get(code), legend)
        for points in rings:
            _polygon(image, points, fill)
            if "province_code" in props:  # islands are a few pixels wide: mark each one so that it shows
                cx, cy = _centre(points)
                r = 3 * SCALE
                draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=maps.BORDER, width=SCALE)


def _draw_island_points(
    draw: ImageDraw.ImageDraw, islands: list[dict], owners: dict[str, str], name_key: str, projection: _Projection
) -> list[tuple[float, ...]]:
    """The archipelagos' names with their province, and a dot for each islet; returns the names' boxes."""
    small = _font(30 * SCALE)
    boxes: list[tuple[float, ...]] = []
    for feature in islands:
        if feature["geometry"]["type"] != "Point":
            continue
        x, y = projection.xy(feature["geometry"]["coordinates"])
        props = feature["properties"]
        if props.get("kind") == "label":
            text = f"{props[name_key]}\n({owners.get(props['province_code'], '')})"
            style: dict[str, Any] = {"font": small, "anchor": "ma", "align": "center", "stroke_width": 2 * SCALE}
            draw.multiline_text((x, y + 14 * SCALE), text, fill=(30, 30, 30), stroke_fill="white", **style)
            boxes.append(draw.multiline_textbbox((x, y + 14 * SCALE), text, **style))
        else:
            r = 4 * SCALE
            draw.ellipse((x - r, y - r, x + r, y + r), fill=maps.BORDER)
    return boxes


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _draw_value_labels(
    draw: ImageDraw.ImageDraw,
    geometry: _Geometry,
    areas: tuple[Area, ...],
    width: float,
    height: float,
    taken: list[tuple[float, ...]],
) -> None:
    """Name and value of the units with the highest values, beside each unit with a leader line from its middle: left
    or right of it, moved up or down, where the label covers no other label nor the boxes `taken` (the archipelagos'
    names), and the least of the units with a value (a small province's colour stays in sight; a projector washes
    out fine colour differences): counted in pixels of those units, not of their bounding boxes, which along the
    long, thin country cover each other."""
    label_font = _font(32 * SCALE, bold=True)
    gap, step = 16 * SCALE, label_font.size * 1.25
    valued = {a.code for a in areas}
    extents = {
        props["code"]: (
            min(p[0] for r in rings for p in r),
            min(p[1] for r in rings for p in r),
            max(p[0] for r in rings for p in r),
            max(p[1] for r in rings for p in r),
        )
        for props, rings in geometry.areas
        if props.get("code") in valued
    }
    coloured = Image.new("L", (int(width), int(height)), 0)
    pen = ImageDraw.Draw(coloured)
    for props, rings in geometry.areas:
        if props.get("code") in valued:
            for ring in rings:
                pen.polygon(ring, fill=1)

    def covered(box: tuple[float, ...]) -> int:
        left, top, right, bottom = box
        counts: list[int] = coloured.crop((left, top, right, bottom)).histogram()
        return sum(counts[1:])

    placed: list[tuple[float, ...]] = list(taken)
    for item in sorted(areas, key=lambda a: -a.value)[:MAX_MAP_LABELS]:
        if item.code not in geometry.centres:
            continue
        x, y = geometry.centres[item.code]
        left, _, right, _ = extents[item.code]
        text = f"{item.name}: {item.label}"
        spots = [
            (right + gap, y + dy, "lm") if side > 0 else (left - gap, y + dy, "rm")
            for dy in (0, -step, step, -2 * step, 2 * step, -3 * step, 3 * step, -4 * step, 4 * step)
            for side in (-1, 1)
        ]
        boxes = [
            (spot, draw.textbbox(spot[:2], text, font=label_font, anchor=spot[2], stroke_width=3 * SCALE))
            for spot in spots
        ]
        free = [
            (hidden, n, s, b)
            for n, (s, b) in enumerate(boxes)
            if b[0] >= 0
            and b[2] <= width
            and b[1] >= 0
            and b[3] <= height
            and not any(_overlaps(b, o) for o in placed)
            and (hidden := covered(b)) <= HIDDEN_SHARE * (b[2] - b[0]) * (b[3] - b[1])
        ]
        if not free:
            continue
        *_, (tx, ty, anchor), box = min(free)
        placed.append(box)
        edge = box[2] if anchor == "rm" else box[0]
        r = 5 * SCALE
        draw.line((x, y, edge, ty), fill=(20, 20, 20), width=2 * SCALE)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(20, 20, 20), outline="white", width=SCALE)
        draw.text(
            (tx, ty),
            text,
            font=label_font,
            fill=(20, 20, 20),
            anchor=anchor,
            stroke_width=3 * SCALE,
            stroke_fill="white",
        )


def _draw_legend(draw: ImageDraw.ImageDraw, data: MapData, values: dict[str, float], lang: str, x0: float) -> None:
    """The legend's title, classes and "no data", then the period, from `x0` rightwards."""
    y = 40 * SCALE
    title_font, text_font = _font(46 * SCALE, bold=True), _font(42 * SCALE)
    for line in textwrap.wrap(data.legend_title, 22):
        draw.text((x0, y), line, font=title_font, fill=(20, 20, 20))
        y += 60 * SCALE
    y += 20 * SCALE
    for color, label in maps.legend(list(values.values()), data.unit, lang, data.no_data):
        draw.rectangle((x0, y, x0 + 70 * SCALE, y + 46 * SCALE), fill=color, outline=maps.BORDER, width=SCALE)
        draw.text((x0 + 90 * SCALE, y + 23 * SCALE), label, font=text_font, fill=(20, 20, 20), anchor="lm")
        y += 70 * SCALE
    y += 30 * SCALE
    draw.text((x0, y), data.period, font=text_font, fill=(60, 60, 60))


def make_locator_image(scheme: str, code: str, lang: str, height: int = 760) -> bytes:
    """A PNG of the whole country with one province coloured and the archipelagos named: the province profile's
    location, a picture that shrinks with its column (a map of fixed zoom cut off the west of the country and
    the islands' names in a narrow window; a leader's walk-through) and prints as shown."""
    projection = _Projection(height * SCALE)
    margin = 60 * SCALE  # Trường Sa's name, centred on its islands, reaches past their easternmost
    image = Image.new("RGB", (int(projection.width) + margin, (height + 20) * SCALE), "white")
    draw = ImageDraw.Draw(image)
    geometry = _geometry(scheme, height * SCALE)
    name_key = name_column(lang)
    _draw_areas(image, draw, geometry.areas, {code: 1.0})
    owners = {f["properties"]["code"]: f["properties"][name_key] for f in geometry.shapes}
    _draw_island_points(draw, geometry.islands, owners, name_key, projection)
    buffer = io.BytesIO()
    image.reduce(SCALE).save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


@lru_cache(maxsize=16)
def make_map_image(data: MapData, lang: str, width: int = 1500, height: int = 1000) -> bytes:
    """A PNG of the provinces of `data.scheme` coloured by value, with a legend, the period and the archipelagos."""
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    geometry = _geometry(data.scheme, height * SCALE)
    projection = _Projection(height * SCALE)
    values = {a.code: a.value for a in data.areas}
    name_key = name_column(lang)
    _draw_areas(image, draw, geometry.areas, values)
    names = _draw_island_points(
        draw,
        geometry.islands,
        {f["properties"]["code"]: f["properties"][name_key] for f in geometry.shapes},
        name_key,
        projection,
    )
    _draw_value_labels(draw, geometry, data.areas, projection.width, height * SCALE, names)
    _draw_legend(draw, data, values, lang, projection.width + 40 * SCALE)
    buffer = io.BytesIO()
    image.reduce(SCALE).save(buffer, format="PNG", compress_level=3)  # box filter: fast and enough for flat fills
    return buffer.getvalue()
