"""The slides of a report as a PowerPoint file: native, editable charts (the numbers are inside the chart), tables
and text, a map picture, and a source note on every slide. 16:9, large type for a meeting room.

The map picture and the series colours come from the figure builders the app uses too (danvan.figures), so that
the file shows what the presentation mode shows."""

from __future__ import annotations

import io
import math
from typing import cast

from pptx import Presentation
from pptx.chart.data import CategoryChartData, ChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches, Pt

from ..figures.charts import OKABE_ITO
from ..figures.slides import make_map_image
from ..figures.spec import Chart
from ..i18n import t
from ..text import web_link
from .report import Report, Slide

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TOP = Inches(1.75)  # content starts under the title and subtitle
BOTTOM = Inches(6.55)  # and ends above the source note
INK, MUTED, ACCENT = RGBColor(0x22, 0x22, 0x22), RGBColor(0x55, 0x55, 0x55), RGBColor(0xB3, 0x26, 0x1E)
SOURCE_NOTE = "source_note"  # the name of every slide's source text box, for people editing the file and for tests
# The values inside the charts (their data sheet): whole numbers without a trailing "." ("#,##0.##" shows "1,145."),
# decimals with one or two places; the labels shown are already formatted the Vietnamese way.
INTEGER_FORMAT, DECIMAL_FORMAT = "#,##0", "#,##0.0#"


def _text(
    slide: PptxSlide,
    left: int,
    top: int,
    width: int,
    height: int,
    lines: list[tuple[str, str]],
    size: int,
    color: RGBColor = INK,
    bold: bool = False,
    align: PP_ALIGN = PP_ALIGN.LEFT,
    name: str | None = None,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> Shape:
    """A text box of paragraphs; each line is (bold lead, text)."""
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for i, (lead, text) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.space_after = Pt(size * 0.4)
        for part, strong in ((lead + (": " if lead and text else ""), True), (text, bold)):
            if not part:
                continue
            run = paragraph.add_run()
            run.text = part
            run.font.size, run.font.bold, run.font.color.rgb = Pt(size), strong, color
    return box


def _header(pptx_slide: PptxSlide, slide: Slide) -> None:
    title = pptx_slide.shapes.title
    assert title is not None  # both layouts used have a title placeholder
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.3), Emu(WIDTH - 2 * MARGIN), Inches(0.95)
    title.text = slide.title
    frame = title.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.color.rgb = Pt(34), True, ACCENT
    if slide.subtitle:
        _text(pptx_slide, MARGIN, Inches(1.25), WIDTH - 2 * MARGIN, Inches(0.45), [("", slide.subtitle)], 20, MUTED)


def _footer(pptx_slide: PptxSlide, slide: Slide, number: int, total: int) -> int:
    """Cautions above the source note, the source note and the slide number; returns where the content must end."""
    bottom: int = BOTTOM
    if slide.notes:
        # Room for the lines each note wraps to (a 16 pt character is about 0.52 em wide), so that a long note
        # pushes the content up instead of running into the source note.
        per_line = int((WIDTH - 2 * MARGIN) / 12700 / (16 * 0.52))
        lines = sum(math.ceil(len(note) / per_line) for note in slide.notes)
        height = Pt(16 * 1.2) * lines + Pt(16 * 0.4) * len(slide.notes) + Inches(0.1)
        bottom = BOTTOM - height
        _text(
            pptx_slide,
            MARGIN,
            bottom + Inches(0.05),
            WIDTH - 2 * MARGIN,
            height,
            [("", note) for note in slide.notes],
            16,
            MUTED,
        )
    _text(
        pptx_slide,
        MARGIN,
        Inches(6.7),
        WIDTH - 2 * MARGIN - Inches(1.2),
        Inches(0.7),
        [("", slide.source)],
        12,
        MUTED,
        name=SOURCE_NOTE,
        anchor=MSO_ANCHOR.BOTTOM,
    )
    _text(
        pptx_slide,
        WIDTH - MARGIN - Inches(1.1),
        Inches(6.95),
        Inches(1.1),
        Inches(0.4),
        [("", f"{number}/{total}")],
        12,
        MUTED,
        align=PP_ALIGN.RIGHT,
    )
    return bottom


def _chart(pptx_slide: PptxSlide, chart: Chart, top: int, bottom: int) -> None:
    whole = all(v is None or float(v).is_integer() for series in chart.series for v in series.values)
    data = CategoryChartData(number_format=INTEGER_FORMAT if whole else DECIMAL_FORMAT)
    data.categories = list(chart.categories)
    for series in chart.series:
        data.add_series(series.name, list(series.values))
    kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.kind == "bar" else XL_CHART_TYPE.COLUMN_STACKED
    # python-pptx annotates add_chart as taking ChartData and returning the Chart; it takes CategoryChartData and
    # returns the GraphicFrame that holds the chart.
    frame = cast(
        GraphicFrame,
        pptx_slide.shapes.add_chart(
            kind, MARGIN, Emu(top), Emu(WIDTH - 2 * MARGIN), Emu(bottom - top), cast(ChartData, data)
        ),
    )
    frame.name = "chart"
    graph = frame.chart
    graph.font.size = Pt(18)
    graph.has_title = False  # the slide's title says what the chart is
    graph.has_legend = True
    # Above the chart for one or two series; on the right for more, where long place names do not crowd the bars.
    graph.legend.position = XL_LEGEND_POSITION.TOP if len(chart.series) <= 2 else XL_LEGEND_POSITION.RIGHT
    graph.legend.include_in_layout = False
    graph.legend.font.size = Pt(18)
    values, categories = graph.value_axis, graph.category_axis
    values.has_major_gridlines = False
    categories.tick_labels.font.size = Pt(18)
    if chart.kind == "bar":
        categories.reverse_order = True  # first category at the top, as read
        values.visible = False  # every bar carries its value
        graph.plots[0].gap_width = 60
        graph.plots[0].overlap = -10
    else:
        values.tick_labels.font.size = Pt(16)
        total = max(
            (sum(v or 0 for v in column) for column in zip(*(s.values for s in chart.series), strict=True)), default=0
        )
        values.major_unit = 1 if total <= 10 else None
        graph.plots[0].gap_width = 50
    for i, (series, shown) in enumerate(zip(graph.plots[0].series, chart.series, strict=True)):
        series.format.fill.solid()
        look = i if shown.look is None else shown.look
        series.format.fill.fore_color.rgb = RGBColor.from_string(OKABE_ITO[look % len(OKABE_ITO)].lstrip("#"))
        for j, label in enumerate(shown.labels):
            if not label:
                continue
            data_label = series.points[j].data_label
            data_label.has_text_frame = True
            data_label.text_frame.text = label
            data_label.position = XL_LABEL_POSITION.OUTSIDE_END if chart.kind == "bar" else XL_LABEL_POSITION.CENTER
            data_label.font.size, data_label.font.bold = Pt(18), True
            if chart.kind != "bar":
                data_label.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _figures(pptx_slide: PptxSlide, slide: Slide, top: int, bottom: int) -> None:
    count = len(slide.figures)
    columns = 3 if count > 4 or count == 3 else min(count, 2)
    rows = -(-count // columns)
    width = (WIDTH - 2 * MARGIN) // columns
    height = min(Inches(2.2), (bottom - top) // rows)
    for i, figure in enumerate(slide.figures):
        left, y = MARGIN + width * (i % columns), top + height * (i // columns)
        _text(pptx_slide, left, y, width - Inches(0.3), Inches(0.95), [("", figure.value)], 48, ACCENT, bold=True)
        lines = [("", figure.label)] + ([("", figure.detail)] if figure.detail else [])
        box = _text(pptx_slide, left, y + Inches(0.9), width - Inches(0.3), height - Inches(0.95), lines, 18)
        if figure.detail:
            for run in box.text_frame.paragraphs[-1].runs:
                run.font.color.rgb, run.font.size = MUTED, Pt(16)


def _table(pptx_slide: PptxSlide, slide: Slide, top: int, bottom: int) -> None:
    table = slide.table
    assert table is not None
    weights = (1.5, 1.7, 3.2, 5.0) if slide.kind == "visits" else (6.6, 2.4, 1.6)[-len(table.header) :]
    widths = [int((WIDTH - 2 * MARGIN) * weight / sum(weights)) for weight in weights]
    rows = [table.header, *table.rows]

    def row_heights(size: int) -> list[int]:
        """From the longest cell of each row: LibreOffice, unlike PowerPoint, does not grow a row to fit its text."""
        return [
            max(
                math.ceil(len(value or "—") * size * 0.52 / (width / 12700 - 14))
                for value, width in zip(row, widths, strict=True)
            )
            * Pt(size * 1.25)
            + Pt(14)
            for row in rows
        ]

    size = next((size for size in (16, 14, 12) if sum(row_heights(size)) <= bottom - top), 12)
    heights = row_heights(size)
    shape = pptx_slide.shapes.add_table(
        len(rows), len(table.header), MARGIN, Emu(top), Emu(WIDTH - 2 * MARGIN), Emu(sum(heights))
    )
    shape.name = "table"
    grid = shape.table
    for i, width in enumerate(widths):
        grid.columns[i].width = width
    links = (None, *(table.links or (None,) * len(table.rows)))
    for r, row in enumerate(rows):
        grid.rows[r].height = heights[r]
        for c, value in enumerate(row):
            cell = grid.cell(r, c)
            cell.text = value or "—"
            link = web_link(links[r]) if c == 0 else None
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size, run.font.bold = Pt(size), r == 0
                    if link:
                        run.hyperlink.address = link


def _map(pptx_slide: PptxSlide, slide: Slide, lang: str, top: int, bottom: int) -> None:
    height = bottom - top
    width = int(height * 1.5)  # the picture's own proportions
    picture = pptx_slide.shapes.add_picture(
        io.BytesIO(make_map_image(slide.map, lang)), MARGIN, Emu(top), Emu(width), Emu(height)
    )
    picture.name = "map"
    side = MARGIN + width + Inches(0.3)
    _text(pptx_slide, side, top, WIDTH - MARGIN - side, height, [("", note) for note in slide.notes], 16, MUTED)


def pptx_bytes(report: Report) -> bytes:
    """The report as a .pptx file; its properties state the filter, the data version and the date it was made."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    title_layout, content_layout = deck.slide_layouts[0], deck.slide_layouts[5]  # "Title Slide", "Title Only"
    lang = report.lang
    total = len(report.slides)
    for number, slide in enumerate(report.slides, start=1):
        if slide.kind == "title":
            page = deck.slides.add_slide(title_layout)
            for placeholder in list(page.placeholders):
                if placeholder.placeholder_format.idx != 0:
                    placeholder.element.getparent().remove(placeholder.element)  # the subtitle box: drawn below
            _header(page, Slide(kind="title", title=slide.title))
            page.shapes.title.top, page.shapes.title.height = Inches(1.2), Inches(1.2)
            for run in page.shapes.title.text_frame.paragraphs[0].runs:
                run.font.size = Pt(48)
            _text(
                page, MARGIN, Inches(2.6), WIDTH - 2 * MARGIN, Inches(1.3), [("", slide.subtitle)], 40, INK, bold=True
            )
            _text(page, MARGIN, Inches(4.0), WIDTH - 2 * MARGIN, Inches(2.0), list(slide.bullets), 24)
            _footer(page, slide, number, total)
            continue
        page = deck.slides.add_slide(content_layout)
        _header(page, slide)
        top = TOP if slide.subtitle else Inches(1.45)
        bottom = (
            _footer(page, slide, number, total)
            if slide.kind != "map"
            else _footer(page, Slide(kind="map", title=slide.title, source=slide.source), number, total)
        )
        if slide.chart is not None:
            _chart(page, slide.chart, top, bottom)
        elif slide.map is not None:
            _map(page, slide, lang, top, bottom)
        elif slide.table is not None:
            _table(page, slide, top, bottom)
        elif slide.figures:
            _figures(page, slide, top, bottom)
        if slide.bullets:
            _text(page, MARGIN, top, WIDTH - 2 * MARGIN, bottom - top, list(slide.bullets), 20)
    properties = deck.core_properties
    properties.title = f"{t('app_title', lang)} — {report.filter_label}"
    properties.subject = f"{t('report_filter', lang)}: {report.filter_label}"
    properties.comments = (
        f"{t('report_filter', lang)}: {report.filter_label}; {t('report_version', lang)}: "
        f"{report.version}; {t('report_made_on', lang)}: {report.made:%d/%m/%Y}"
    )
    properties.keywords = report.version
    properties.language = "vi-VN" if lang == "vi" else "en-GB"
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
