"""The app shell: page config, data-health banners, the shared filter bar and navigation over pages/."""

from urllib.parse import urlparse

import streamlit as st

import danvan
from danvan.i18n import t

from . import auth, boot, cached, keys, presenting, routes, view
from .ui import plain

# Every page: the top of the page and the sidebar's filter within a laptop's 768 pixels (Streamlit's own paddings are
# for tall screens), the white top bar no taller than its menu (at 60 pixels it hid the acute of "Bắc" in a laptop's
# title, which starts 31 pixels down); captions dark enough for a projector (Streamlit's 0.6 opacity gave 3.9:1, they
# carry periods and sources); the profile printed in whole blocks, visits expanded;
# no grey frame left by a mouse click (a projector shows it; the keyboard's focus ring stays); no "Press Enter to
# submit form" under a text box (Streamlit writes it in English only); a map's tooltip drawn whole over the column
# beside the map (the map's boxes cut it at their right edge: "…Trung ương làm", "Đảo Song Tử Tây (Khá"); a metric's
# or a toggle's label wraps rather than ending in "…" in a narrow window ("Tỉnh có s…", "Gồ…" at 1024 pixels).
SCREEN_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: clamp(1.2rem, 4vh, 3rem) !important;
  padding-bottom: 2rem !important; }
header[data-testid="stHeader"] { height: 2.5rem !important; min-height: 2.5rem !important; }
[data-testid="stCaptionContainer"] { opacity: 0.82 !important; }
[data-testid="stSidebarHeader"] { height: 2.2rem !important; padding-top: 0.6rem !important;
  padding-bottom: 0 !important; }
[data-testid="stSidebarUserContent"] { padding-top: 0.4rem !important; }
[data-testid="stSidebarNavItems"] { padding-top: 0 !important; }
[data-testid="stSidebarNavSeparator"] { margin-top: 0.3rem !important; margin-bottom: 0.3rem !important; }
[data-testid="stSidebarNavLink"] { min-height: 1.9rem !important; line-height: 1.9rem !important; }
*:focus:not(:focus-visible) { outline: none !important; }
span.stMarkdownColoredBackground { padding-left: 0 !important; padding-right: 0 !important; }
[data-testid="InputInstructions"] { display: none !important; }
[data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] div, [data-testid="stWidgetLabel"] p,
[data-testid="stMetricValue"] div
  { white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
    word-break: normal !important; overflow-wrap: normal !important; }
[data-testid="stDeckGlJsonChart"] div { overflow: visible !important; }
[data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]) { position: relative; z-index: 5; }
@media print {
  [data-testid="stSidebar"], header, [data-testid="stToolbar"], [data-testid="stElementToolbar"],
  [data-testid="stDecoration"], .mapboxgl-ctrl, .deck-widget, [data-testid="stDeckGlJsonChart"] button
    { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  [data-testid="stMetric"], [data-testid="stDeckGlJsonChart"], [data-testid="stElementContainer"],
  [data-testid="stImage"]
    { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  [data-testid="stExpander"] details::details-content { content-visibility: visible !important;
    display: block !important; height: auto !important; }
  [data-testid="stExpanderDetails"] { display: block !important; height: auto !important;
    visibility: visible !important; }
  [data-testid="stExpander"] summary svg { display: none !important; }
}
</style>"""


def _unknown_page() -> str | None:
    """The page a session's first URL asked for when no page has that path (Streamlit then runs the overview)."""
    if st.session_state.get(keys.PATH_CHECKED):
        return None
    st.session_state[keys.PATH_CHECKED] = True
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = urlparse(st.context.url or "").path.strip("/")
    path = path.removeprefix(base).strip("/") if base else path
    return path if path not in routes.known_paths() else None


def _banners(catalog: danvan.Catalog, error: danvan.DataError | None, lang: str) -> None:
    """Stale or generated data, what a shared link asked for that could not be shown, an unknown page."""
    if error is not None:
        problems = "; ".join(str(p) for p in error.problems if p.severity == "error")
        st.warning(t("data_stale", lang, problems=plain(problems[:600])), icon=":material/warning:")
    if catalog.generated:
        st.error(t("generated_banner", lang), icon=":material/science:")
    notes = [t(key, lang, **{k: plain(v) for k, v in values}) for key, values in st.session_state.pop(keys.NOTES, ())]
    if notes:  # one warning, a line per kind of problem (the parser gives at most one note per kind)
        st.warning("  \n".join(notes), icon=":material/link_off:")
    unknown = _unknown_page()
    if unknown:
        st.warning(t("bad_page", lang, value=plain(unknown)), icon=":material/link_off:")
        # Streamlit's own notice for this case is an English dialog; the sentence above says it in the user's language.
        st.html("<style>[data-testid='stDialog'] {display: none}</style>")


def _streamlit_texts_css(lang: str) -> str:
    """Texts Streamlit writes in English only, drawn in the page's language by CSS: its own buttons on a chart's
    toolbar (Plotly's locale, charts.plotly_config, does not reach them; the toolbar draws a button's data-title by
    CSS), a search box's "No results" (its search needs the Vietnamese marks: the hint says so); its menu's (⋮)
    "Record screen", whose dialog speaks English, and "Made with Streamlit" line are left out (its "Print" is
    translated by WORDS_JS)."""
    rules = [
        f'.js-plotly-plot .plotly .modebar-btn[data-title="{t(key, "en")}"]::after '
        f'{{ content: "{t(key, lang)}" !important; }}'
        for key in ("chart_fullscreen", "chart_close_fullscreen")
    ]
    empty = '[role="listbox"] [role="option"][style*="display: contents"] > span'
    rules.append(f"{empty} {{ font-size: 0 !important; }}")
    rules.append(f'{empty}::after {{ content: "{t("search_no_results", lang)}"; font-size: 0.875rem; }}')
    rules.append(
        '[data-testid="stMainMenuItem-recordScreencast"], [data-testid="stMainMenuList"] + div'
        " { display: none !important; }"
    )
    return "<style>" + "\n".join(rules) + "</style>"


def run(page: st.Page) -> None:
    """Data-health banners, the shared filter bar, then the page the URL asks for (`page`, from the menu app.py has
    sent with the page's scripts and config, components/boot.py)."""
    if auth.restore():  # a reloaded curator's session: the menu again, with the curator's pages
        page = boot.navigation(boot.lang())
    catalog, error = cached.catalog()
    if catalog is None:
        st.error(t("data_invalid"))
        st.code("\n".join(str(p) for p in error.problems if p.severity == "error"), language=None)
        st.stop()

    st.html(SCREEN_CSS)
    view.read_link(catalog)  # a session's first run: the filter and choices the link asks for
    presenting.seed()  # before the filter bar rewrites the URL
    current = view.build(catalog)
    st.html(_streamlit_texts_css(current.lang))
    presenting.route(page)  # may switch to the slides: before the banners, so that they show there
    _banners(catalog, error, current.lang)
    st.session_state[keys.IN_SHELL] = True  # tells view.current() that this run went through the shell
    try:
        page.run()
        # not on a switch to another page (a RerunException): that page writes its own; a page that ends early
        # writes its URL as it stops (view.stop)
        view.write_url()
    finally:
        st.session_state[keys.IN_SHELL] = False
