"""What a run sends before the app's modules are imported (app.py): the page's scripts, the page config and the menu.
A server's first run imports those modules and loads the catalog for seconds, under Streamlit's status ("Stop") and
first Tab's link ("Skip to main content"), which the page's scripts write in the page's language. Imports only the
bottom of components/ and the translation table."""

import functools
import json

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from danvan.i18n import LANGS, TEXTS, t

from . import keys, routes


def send() -> st.Page:
    """The page's scripts at the top of the sidebar (a page that ends early, st.stop, sends nothing after it), the
    page config, then the menu (until st.navigation runs, Streamlit lists pages/ by file name: "nhap-lieu",
    "nhat-ky"; before the config, the browser fetched the page's icon from the internet for the tab). The page the
    URL asks for."""
    language = lang()
    st.sidebar.html(SCRIPTS_CSS + HISTORY_JS + words_js(language), unsafe_allow_javascript=True)
    st.set_page_config(page_title="Công tác dân vận", page_icon=str(routes.ICON), layout="wide")
    return navigation(language)


def navigation(lang: str) -> st.Page:
    """st.navigation over routes.PAGES; the presentation page is hidden, curation listed once a curator signed in,
    the audit log once an admin did."""

    def page(entry: tuple[str, str, str, str], visible: bool) -> st.Page:
        file, title, icon, path = entry
        return st.Page(
            routes.page_file(file),
            title=t(title, lang),
            icon=f":material/{icon}:",
            url_path=path or None,
            default=not path,
            visibility="visible" if visible else "hidden",
        )

    pages = {
        t(section, lang): [page(entry, entry[3] != routes.PRESENT) for entry in entries]
        for section, entries in routes.PAGES
    }
    for entry in (routes.CURATE_PAGE, routes.QUEUE_PAGE):
        pages[t("section_reference", lang)].append(page(entry, bool(st.session_state.get(keys.CURATOR))))
    pages[t("section_reference", lang)].append(page(routes.AUDIT_PAGE, bool(st.session_state.get(keys.ADMIN))))
    # always whole: a collapsed menu hides the curator pages behind Streamlit's English "View N more"
    return st.navigation(pages, expanded=True)


def lang() -> str:
    """The page's language before the filter bar is built: on Back or Forward the address's (the view of that
    entry); else the session's, else the link's; else Vietnamese."""
    asked = None if went_back() else st.session_state.get(keys.LANG)
    asked = asked or st.query_params.get("lang")
    return asked if asked in LANGS else LANGS[0]


def leave_pages_folder_mode() -> None:
    """Streamlit ran a file of pages/ by itself, without the entry script: its legacy pages-folder mode, which is on
    until the first st.navigation call of the process (a fresh server's first request, to a page's address). Switch
    it off as st.navigation does and rerun, so that the page is rendered through app.py, its menu and filter bar.
    Called as the package is first imported (components/__init__.py), before the page's own modules load: for
    seconds the page then showed pages/ by file name; and by view.current() for a page run after that.

    Kept here, alone, because it touches Streamlit's internals (PagesManager): remove it when Streamlit stops
    running pages/ on its own once an entry script uses st.navigation."""
    PagesManager.uses_pages_directory = False
    st.rerun()


def went_back() -> bool:
    """This run is the browser's Back or Forward (Streamlit marks the run it asks for on the history's popstate).
    Kept here, alone, because it reads Streamlit's run context."""
    ctx = get_script_run_ctx()
    return ctx is not None and ctx.is_history_navigation


# The box that holds the page's scripts draws nothing: it takes no line's room at the top of the sidebar.
SCRIPTS_CSS = """<style>
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] script) { display: none !important; }
</style>"""
# One history entry per view: what the reader does (a click, a key, Back) makes one entry, and the app's changes of
# the address that follow replace it. A page switch pushed the page's path alone, then the run wrote its filter and
# choices (view.write_url) in a second entry, and Back took two or three presses to leave a page (a leader's
# walk-through). A busy browser takes the two the other way round: Streamlit pushes a new page's path once the page
# has been drawn, after the page's query has come, so the query was pushed under the old page's path
# ("/ban-do?tinh=20" after the map by its indicator) and Back went there, to the map by events. A click on the map
# that opens a profile made three (the map's query cleared, the profile's query, its path).
# Installed once per browser tab.
HISTORY_JS = """<script>
if (!window.__danvanHistory) {
  window.__danvanHistory = true;
  let made = false;  // an entry was made since the reader's last click, key or Back
  for (const event of ["pointerdown", "keydown", "popstate"]) {
    window.addEventListener(event, () => { made = false; }, true);
  }
  const push = history.pushState.bind(history);
  history.pushState = function (state, title, url) {
    if (made) return history.replaceState(state, title, url);
    made = true;
    return push(state, title, url);
  };
}
</script>"""


# Streamlit's and the map's own words, which they write in English only (danvan.i18n, the "st_" keys): the texts of
# tooltips and of the menu, the first Tab's link, the names a screen reader reads (aria-label) or a mouse shows (title),
# and an empty box's placeholder. Written, not styled: a screen reader reads them too. Every form a word has had
# (English, or the language the page had before a switch) becomes the page's; the "start" words change the start of a
# name, the "end" words its end ("Năm — start", a range slider's thumb). One watcher per tab; a change of language
# changes the script's box, so that it runs again with the words of the new one.
STREAMLIT_WORDS = ("chart_fullscreen", "chart_close_fullscreen", *(key for key in TEXTS if key.startswith("st_")))
STREAMLIT_STARTS = ("st_help_for", "st_fullscreen_of", "st_shortcut", "st_day_of", "st_month_of", "st_year_of")
STREAMLIT_ENDS = ("st_range_from", "st_range_to")
WORDS_JS = """<script>
(() => {
  window.__danvanWords = {words: %s, starts: %s, ends: %s};
  const NAMES = ["aria-label", "title", "placeholder"];
  const TEXTS = ['[data-testid="stTooltipContent"] p', '[data-testid="stSkipToContent"]',
    '[data-testid="stMainMenuItemLabel"]', '[data-testid="stStatusWidget"] *', '[role="dialog"] *'].join(", ");
  const fix = (e) => {
    const {words, starts, ends} = window.__danvanWords;
    const said = (text) => {
      if (!text) return text;
      if (Object.hasOwn(words, text)) return words[text];
      for (const [from, to] of starts) if (text.startsWith(from)) return to + text.slice(from.length);
      for (const [from, to] of ends) if (text.endsWith(from)) return text.slice(0, -from.length) + to;
      return text;
    };
    for (const name of NAMES) {
      const value = e.getAttribute(name);
      if (value && said(value) !== value) e.setAttribute(name, said(value));
    }
    if (e.childElementCount === 0 && e.matches(TEXTS) && said(e.textContent) !== e.textContent) {
      e.textContent = said(e.textContent);
    }
  };
  const fixAll = (root) => { fix(root); root.querySelectorAll("*").forEach(fix); };
  fixAll(document.body);
  if (window.__danvanWatcher) return;
  window.__danvanWatcher = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") fix(r.target);
      else if (r.type === "characterData") r.target.parentElement && fix(r.target.parentElement);
      else for (const n of r.addedNodes) n.nodeType === 1 ? fixAll(n) : n.parentElement && fix(n.parentElement);
    }
  });
  window.__danvanWatcher.observe(document.body, {subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: NAMES});
})();
</script>"""


@functools.cache  # the same for every run in a language
def words_js(lang: str) -> str:
    """WORDS_JS with the words of `lang`: each key's every form → its form in `lang`."""
    parts = (*STREAMLIT_STARTS, *STREAMLIT_ENDS)
    words = {t(key, other): t(key, lang) for key in STREAMLIT_WORDS if key not in parts for other in LANGS}
    starts, ends = (
        [(t(key, other), t(key, lang)) for key in group for other in LANGS]
        for group in (STREAMLIT_STARTS, STREAMLIT_ENDS)
    )
    return WORDS_JS % tuple(json.dumps(found, ensure_ascii=False) for found in (words, starts, ends))
