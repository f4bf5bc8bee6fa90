"""Presentation mode: the current filter shown as full-screen slides on pages/trinh-chieu.py.

The mode is entered from the sidebar's button or by a link with `trinh_chieu=N` (N = the slide to open; 1 = the
title slide); the slide number stays in the URL, so a copied link reopens the same slide. Leaving returns to the
page it was entered from, with the same filter (the filter's widgets stay in the hidden sidebar all along)."""

from __future__ import annotations

import streamlit as st

from . import keys, routes

PARAM = "trinh_chieu"  # the URL parameter: on, and which slide

# Everything that is not the slide: Streamlit's header and toolbar, the sidebar and its toggle. Large type for the
# back of a meeting room at 1920×1080; the controls stay fixed at the bottom of the screen.
CHROME_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"], [data-testid="stDecoration"],
[data-testid="stElementToolbar"]
  { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: clamp(12px, 2.6vh, 28px) 64px 96px !important;
  max-width: none !important; }
[data-testid="stMain"] h1 { font-size: clamp(34px, 5.6vh, 60px) !important; line-height: 1.15 !important;
  color: #b3261e; padding: 0 0 4px !important; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { font-size: clamp(19px, 3vh, 32px); line-height: 1.35; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { margin-bottom: clamp(4px, 0.9vh, 10px); }
.st-key-slide_lead [data-testid="stMarkdownContainer"] p { font-size: clamp(40px, 6.7vh, 72px); font-weight: 700;
  line-height: 1.15; margin: clamp(16px, 3.7vh, 40px) 0; }
.st-key-slide_subtitle [data-testid="stMarkdownContainer"] p { font-size: clamp(18px, 2.8vh, 30px); color: #555; }
.st-key-slide_figures [class*="st-key-figure_value"] p { font-size: clamp(52px, 9.6vh, 104px); line-height: 1.05;
  color: #b3261e; font-weight: 700; margin: clamp(8px, 2.2vh, 24px) 0 0; }
.st-key-slide_figures [class*="st-key-figure_label"] p { font-size: clamp(20px, 3.1vh, 34px); line-height: 1.25; }
.st-key-slide_figures [class*="st-key-figure_detail"] p { font-size: clamp(15px, 2.4vh, 26px); color: #666; }
.st-key-present_controls [data-testid="stCaptionContainer"] p { font-size: 18px; }
.st-key-slide_table table { font-size: clamp(15px, 2.4vh, 26px); width: 100%; }
.st-key-slide_table th, .st-key-slide_table td { font-size: clamp(15px, 2.4vh, 26px) !important;
  padding: clamp(4px, 0.9vh, 10px) 14px !important; vertical-align: top; }
.st-key-slide_notes [data-testid="stMarkdownContainer"] p { font-size: clamp(16px, 2.2vh, 24px); color: #444; }
.st-key-slide_source [data-testid="stMarkdownContainer"] p { font-size: clamp(14px, 1.9vh, 20px); color: #555; }
/* the chart and the map take the height the screen has left under the title, above the control bar */
div.st-key-slide_chart { height: calc(100vh - 300px) !important; min-height: 240px; flex: none !important; }
div.st-key-slide_chart_notes { height: calc(100vh - 380px) !important; min-height: 220px; flex: none !important; }
:is(.st-key-slide_chart, .st-key-slide_chart_notes) :is([data-testid="stElementContainer"],
  [data-testid="stPlotlyChart"], .stPlotlyChart, .js-plotly-plot, .plot-container) { height: 100% !important; }
.st-key-slide_map img { max-height: calc(100vh - 280px); width: auto !important; max-width: 100%;
  object-fit: contain; }
.st-key-present_controls { position: fixed; left: 0; right: 0; bottom: 0; z-index: 999990; background: #fff;
  border-top: 1px solid #ddd; padding: 8px 64px; }
.st-key-present_controls [data-testid="stMarkdownContainer"] p { font-size: 24px; margin: 0; }
.st-key-present_controls button p { font-size: 22px; }
.st-key-present_pager { display: none; }
/* a click leaves no grey frame around the slide or its chart (a projector shows it); keyboard focus still shows */
*:focus:not(:focus-visible), [data-testid="stMain"] *:focus-within:not(:focus-visible) { outline: none !important;
  box-shadow: none !important; }
[data-testid="stElementContainer"]:hover, [data-testid="stElementContainer"]:focus-within { border-color: transparent
  !important; box-shadow: none !important; }
</style>"""


def seed() -> None:
    """Before the filter bar of every run: put back the filter carried over a page switch; on a session's first
    run, ask for the slides when the link says `trinh_chieu=N` (read by the strict parser: view.read_link)."""
    state = st.session_state
    state.update(state.pop(keys.PRESENT_KEEP, {}))
    if keys.PRESENT_SEEDED in state:
        return
    state[keys.PRESENT_SEEDED] = True
    slide = state.get(keys.LINK, {}).pop(PARAM, None)
    if isinstance(slide, int):  # 1..999; the slides page clamps it to the slides there are
        state[keys.PRESENT_REQUEST] = True
        state[keys.SLIDE] = slide - 1


def start() -> None:
    """The sidebar button's callback: open the slides from the first one on the next run."""
    st.session_state[keys.PRESENT_REQUEST] = True
    st.session_state[keys.SLIDE] = 0


def route(page: st.Page) -> None:
    """Called by the shell once the page is known: go to the slides when asked, remembering the page to return to;
    on the slides page, hide everything that is not the slide."""
    state = st.session_state
    requested = state.pop(keys.PRESENT_REQUEST, False)
    if page.url_path == routes.PRESENT:
        st.html(CHROME_CSS)
    elif requested:
        state[keys.PRESENT_RETURN] = page.url_path
        _switch(routes.PRESENT)


def leave() -> None:
    """Back to the page the slides were opened from (the overview when they were opened by a link)."""
    _switch(st.session_state.pop(keys.PRESENT_RETURN, "") or routes.OVERVIEW)


def _switch(file: str) -> None:
    """st.switch_page, keeping the filter: in the run after a click, Streamlit 1.67's switch drops the values that
    session state gave the filter's widgets (they fall back to their defaults), so they are carried over."""
    state = st.session_state
    state[keys.PRESENT_KEEP] = {key: state[key] for key in keys.FILTER_WIDGETS if key in state}
    st.switch_page(routes.page_file(file))
