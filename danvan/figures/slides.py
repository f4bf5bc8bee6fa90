"""Pure figure builders for slides: a Plotly figure for a slide's chart and a PNG of its map.

Used by the app's presentation mode and by the HTML and PowerPoint exports, so that all three draw the same data
with the same colours. The map is drawn with Pillow from data/geo/ (no basemap, no network), with the legend and the
Hoàng Sa and Trường Sa archipelagos labelled as parts of Đà Nẵng and Khánh Hòa."""

from __future__ import annotations

import io
import json
import math
import textwrap
from functools import lru_cache

import plotly.graph_objects as go
from PIL import Image, ImageDraw, ImageFont

from ..i18n import name_column
from . import charts, maps
from .spec import Chart, MapData

SLIDE_FONT = 24  # chart text on a 1920×1080 screen, readable from the back of a meeting room
# Fonts with Vietnamese glyphs, first found wins; Pillow's own default has none, so it is only the last resort.
FONTS = ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf")
BOLD_FONTS = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf")
MAX_MAP_LABELS = 12


def wrap(text: str, width: int, joiner: str = "<br>") -> str:
    """Long category names on several lines (Plotly does not wrap axis labels)."""
    return joiner.join(textwrap.wrap(text, width)) or text


def make_slide_figure(chart: Chart, lang: str, height: int = 640) -> go.Figure:
    """A slide's chart: horizontal grouped bars for comparisons, stacked columns for events over time.

    Every bar carries its value formatted the Vietnamese way, so that no one has to read an axis."""
    fig = go.Figure()
    horizontal = chart.kind == "bar"
    categories = [wrap(c, 34) for c in chart.categories] if horizontal else list(chart.categories)
    for i, series in enumerate(chart.series):
        fig.add_trace(go.Bar(
            x=list(series.values) if horizontal else categories, y=categories if horizontal else list(series.values),
            orientation="h" if horizontal else "v", name=series.name, text=list(series.labels),
            textposition="outside" if horizontal else "inside", insidetextanchor="middle",
            marker_color=charts.OKABE_ITO[i % len(charts.OKABE_ITO)], cliponaxis=False,
            hovertemplate="%{text}<extra>" + series.name.replace("<", "&lt;") + "</extra>",
        ))
    charts.style(fig, lang, height=height)
    fig.update_layout(font_size=SLIDE_FONT, legend_font_size=SLIDE_FONT - 2, hoverlabel_font_size=SLIDE_FONT - 2,
                      uniformtext={"minsize": SLIDE_FONT - 6, "mode": "show"},
                      margin={"l": 10, "r": 120 if horizontal else 10, "t": 60, "b": 10})
    if horizontal:
        fig.update_layout(barmode="group", bargap=0.3)
        fig.update_yaxes(autorange="reversed", automargin=True, title=None, ticklabelstandoff=14)
        fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=True, rangemode="tozero", title=None)
    else:
        fig.update_layout(barmode="stack", bargap=0.35)
        fig.update_xaxes(type="category", title=None)
        fig.update_yaxes(title=chart.axis_title, rangemode="tozero", dtick=1 if _max_total(chart) <= 10 else None)
    return fig


def _max_total(chart: Chart) -> float:
    return max((sum(v or 0 for v in values) for values in zip(*(s.values for s in chart.series), strict=True)),
               default=0)


@lru_cache(maxsize=8)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in BOLD_FONTS if bold else FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _rings(geometry: dict) -> list[list[list[float]]]:
    """The outer rings of a Polygon or MultiPolygon (holes are covered by the units drawn inside them)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


@lru_cache(maxsize=16)
def make_map_image(data: MapData, lang: str, width: int = 1500, height: int = 1000) -> bytes:
    """A PNG of the provinces of `data.scheme` coloured by value, with a legend, the period and the archipelagos."""
    scale = 2  # drawn at twice the size and reduced: smooth edges without an anti-aliasing renderer
    w, h = width * scale, height * scale
    image = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(image)
    shapes = json.loads(maps.boundaries(f"provinces_{data.scheme}.geojson"))["features"]
    islands = json.loads(maps.boundaries("hoangsa_truongsa.geojson"))["features"]

    lon0, lon1, lat0, lat1 = 101.8, 116.4, 8.1, 23.6  # the mainland and both archipelagos
    per_degree = h / (lat1 - lat0)
    kx = math.cos(math.radians((lat0 + lat1) / 2)) * per_degree  # equirectangular, true to scale mid-country
    map_w = (lon1 - lon0) * kx

    def xy(point: list[float]) -> tuple[float, float]:
        return (point[0] - lon0) * kx, (lat1 - point[1]) * per_degree

    values = {a.code: a.value for a in data.areas}
    legend = maps.classes(list(values.values())) if values else []
    name_key = name_column(lang)
    names = {f["properties"]["code"]: f["properties"][name_key] for f in shapes}

    def area(feature: dict) -> float:
        xs = [p[0] for ring in _rings(feature["geometry"]) for p in ring]
        ys = [p[1] for ring in _rings(feature["geometry"]) for p in ring]
        return (max(xs) - min(xs)) * (max(ys) - min(ys)) if xs else 0.0

    for feature in sorted(shapes + [f for f in islands if f["geometry"]["type"] != "Point"], key=area, reverse=True):
        props = feature["properties"]
        fill = maps.color_for(values.get(props.get("code") or props.get("province_code")), legend)
        for ring in _rings(feature["geometry"]):
            points = [xy(p) for p in ring]
            draw.polygon(points, fill=fill, outline=maps.BORDER, width=scale)
            if "province_code" in props:  # islands are a few pixels wide: mark each one so that it shows
                cx, cy = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
                r = 3 * scale
                draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=maps.BORDER, width=scale)

    small, label_font = _font(30 * scale), _font(32 * scale, bold=True)
    for feature in islands:
        if feature["geometry"]["type"] != "Point":
            continue
        x, y = xy(feature["geometry"]["coordinates"])
        props = feature["properties"]
        if props.get("kind") == "label":
            owner = names.get(props["province_code"], "")
            text = f"{props[name_key]}\n({owner})"
            draw.multiline_text((x, y + 14 * scale), text, font=small, fill=(30, 30, 30), anchor="ma", align="center",
                                stroke_width=2 * scale, stroke_fill="white")
        else:
            r = 4 * scale
            draw.ellipse((x - r, y - r, x + r, y + r), fill=maps.BORDER)

    # Name and value of the units with the highest values, near the middle of each unit's largest part, moved up or
    # down when they would cover one another: a projector washes out fine colour differences.
    centres = {}
    for feature in shapes:
        ring = max(_rings(feature["geometry"]), key=len)
        points = [xy(p) for p in ring]
        centres[feature["properties"]["code"]] = (sum(p[0] for p in points) / len(points),
                                                  sum(p[1] for p in points) / len(points))
    placed: list[tuple[float, float, float, float]] = []
    for item in sorted(data.areas, key=lambda a: -a.value)[:MAX_MAP_LABELS]:
        if item.code not in centres:
            continue
        x, y = centres[item.code]
        text = f"{item.name}: {item.label}"
        step = label_font.size * 1.25
        for dy in (0, step, -step, 2 * step, -2 * step, 3 * step, -3 * step):
            box = draw.textbbox((x, y + dy), text, font=label_font, anchor="mm", stroke_width=3 * scale)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                break
        else:
            continue
        placed.append(box)
        if dy:
            draw.line((x, y, x, box[1] if dy > 0 else box[3]), fill=(20, 20, 20), width=2 * scale)
        draw.text((x, y + dy), text, font=label_font, fill=(20, 20, 20), anchor="mm", stroke_width=3 * scale,
                  stroke_fill="white")

    # The legend, right of the map.
    x0, y = map_w + 40 * scale, 40 * scale
    title_font, text_font = _font(46 * scale, bold=True), _font(42 * scale)
    for line in textwrap.wrap(data.legend_title, 22):
        draw.text((x0, y), line, font=title_font, fill=(20, 20, 20))
        y += 60 * scale
    y += 20 * scale
    for color, label in maps.legend(list(values.values()), data.unit, lang, data.no_data):
        draw.rectangle((x0, y, x0 + 70 * scale, y + 46 * scale), fill=color, outline=maps.BORDER, width=scale)
        draw.text((x0 + 90 * scale, y + 23 * scale), label, font=text_font, fill=(20, 20, 20), anchor="lm")
        y += 70 * scale
    y += 30 * scale
    draw.text((x0, y), data.period, font=text_font, fill=(60, 60, 60))

    buffer = io.BytesIO()
    image.reduce(scale).save(buffer, format="PNG", compress_level=3)  # box filter: fast and enough for flat fills
    return buffer.getvalue()
