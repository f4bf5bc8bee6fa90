"""The slides of a report as one self-contained HTML file: Plotly's JavaScript embedded inline, the map as an inline
picture, system fonts, and a Content-Security-Policy that forbids any request, so that it opens the same on any
laptop with no network. Every text is escaped: source text is shown as text, never as markup."""

from __future__ import annotations

import base64
from html import escape

from ..figures.charts import plotly_config
from ..figures.slides import make_map_image, make_slide_figure
from ..i18n import t
from ..text import web_link
from .report import Report, Slide

# No request of any kind may leave the file: scripts, styles and pictures are all inside it.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
       color: #222; background: #eee; font-size: 20px; line-height: 1.45; }
header.brief { padding: 24px 48px; background: #fff; border-bottom: 4px solid #b3261e; }
header.brief h1 { margin: 0 0 8px; color: #b3261e; font-size: 40px; }
header.brief p { margin: 2px 0; color: #444; }
section.slide { background: #fff; margin: 24px auto; max-width: 1400px; padding: 32px 48px 20px;
                box-shadow: 0 1px 4px rgba(0,0,0,.15); page-break-after: always; break-after: page; }
section.slide h2 { margin: 0; color: #b3261e; font-size: 36px; }
.subtitle { color: #555; margin: 4px 0 16px; font-size: 22px; }
.slide-no { float: right; color: #777; font-size: 16px; }
.title-slide h2 { font-size: 48px; }
.title-slide .province { font-size: 40px; font-weight: 700; margin: 16px 0 24px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 24px; margin: 16px 0; }
.figure .value { font-size: 56px; font-weight: 700; color: #b3261e; line-height: 1.1; }
.figure .label { font-size: 22px; }
.figure .detail { font-size: 18px; color: #666; }
table { border-collapse: collapse; width: 100%; font-size: 19px; }
th, td { border: 1px solid #ccc; padding: 8px 10px; text-align: left; vertical-align: top; }
th { background: #f1ece8; }
ul.bullets { padding-left: 1.2em; font-size: 22px; }
ul.bullets li { margin: 8px 0; }
.map { display: flex; gap: 32px; align-items: flex-start; }
.map img { width: 72%; height: auto; border: 1px solid #ddd; }
.notes { color: #555; font-size: 18px; }
.notes p { margin: 6px 0; }
.source-note { color: #666; font-size: 15px; border-top: 1px solid #ddd; margin-top: 16px; padding-top: 8px; }
@media print { body { background: #fff; } section.slide { box-shadow: none; margin: 0; max-width: none; } }
"""


def _lines(items: tuple[tuple[str, str], ...]) -> str:
    return "".join(
        f"<li>{f'<strong>{escape(lead)}:</strong> ' if lead else ''}{escape(text)}</li>" for lead, text in items
    )


def _notes(notes: tuple[str, ...]) -> str:
    return f'<div class="notes">{"".join(f"<p>{escape(n)}</p>" for n in notes)}</div>' if notes else ""


def _cell(text: str, link: str | None) -> str:
    """A table cell's text, escaped; a link only to a well-formed web address (text.web_link), escaped again as an
    attribute value."""
    href = web_link(link)
    shown = escape(text or "—")
    return f'<a href="{escape(href)}" rel="noopener noreferrer">{shown}</a>' if href else shown


def _slide(slide: Slide, number: int, total: int, lang: str, first_chart: list[bool]) -> str:
    parts = [f'<span class="slide-no">{number}/{total}</span><h2>{escape(slide.title)}</h2>']
    if slide.kind == "title":
        parts.append(
            f'<div class="province">{escape(slide.subtitle)}</div><ul class="bullets">{_lines(slide.bullets)}</ul>'
        )
    elif slide.subtitle:
        parts.append(f'<p class="subtitle">{escape(slide.subtitle)}</p>')
    if slide.figures:
        parts.append(
            '<div class="figures">'
            + "".join(
                f'<div class="figure"><div class="value">{escape(f.value)}</div>'
                + f'<div class="label">{escape(f.label)}</div>'
                + (f'<div class="detail">{escape(f.detail)}</div>' if f.detail else "")
                + "</div>"
                for f in slide.figures
            )
            + "</div>"
        )
    if slide.chart is not None:
        figure = make_slide_figure(slide.chart, lang, height=560)
        # plotly.js goes into the first chart only, inline; the other charts use it.
        parts.append(
            figure.to_html(
                full_html=False,
                include_plotlyjs=first_chart[0],
                include_mathjax=False,
                # nothing in a file answers a selection: no select buttons
                config=plotly_config(lang, responsive=True, modeBarButtonsToRemove=["select2d", "lasso2d"]),
            )
        )
        first_chart[0] = False
    if slide.map is not None:
        picture = base64.b64encode(make_map_image(slide.map, lang)).decode("ascii")
        parts.append(
            f'<div class="map"><img alt="{escape(slide.title)}" src="data:image/png;base64,{picture}">'
            f"{_notes(slide.notes)}</div>"
        )
    if slide.table is not None:
        head = "".join(f"<th>{escape(h)}</th>" for h in slide.table.header)
        links = slide.table.links or (None,) * len(slide.table.rows)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(v, link if c == 0 else None)}</td>" for c, v in enumerate(row)) + "</tr>"
            for row, link in zip(slide.table.rows, links, strict=True)
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if slide.bullets and slide.kind != "title":
        parts.append(f'<ul class="bullets">{_lines(slide.bullets)}</ul>')
    if slide.map is None:
        parts.append(_notes(slide.notes))
    parts.append(f'<p class="source-note">{escape(slide.source)}</p>')
    kind = " title-slide" if slide.kind == "title" else ""
    return f'<section class="slide{kind}" id="trang-{number}">{"".join(parts)}</section>'


def html_text(report: Report) -> str:
    """The report as one HTML document that needs nothing outside itself."""
    lang = report.lang
    first_chart = [True]
    total = len(report.slides)
    sections = "\n".join(_slide(s, i, total, lang, first_chart) for i, s in enumerate(report.slides, start=1))
    title = f"{t('app_title', lang)} — {report.filter_label}"
    about = (
        f"<p><strong>{escape(t('report_filter', lang))}:</strong> {escape(report.filter_label)}</p>"
        f"<p><strong>{escape(t('report_version', lang))}:</strong> {escape(report.version)} · "
        f"<strong>{escape(t('report_made_on', lang))}:</strong> {report.made:%d/%m/%Y}</p>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<header class="brief"><h1>{escape(t("app_title", lang))}</h1>{about}</header>\n'
        f"{sections}\n</body>\n</html>\n"
    )


def html_bytes(report: Report) -> bytes:
    return html_text(report).encode("utf-8")
