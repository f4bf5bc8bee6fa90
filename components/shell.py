"""The app shell: page config, data-health banners, the shared filter bar and navigation over pages/."""

from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

from danvan.i18n import t

from . import cached, presenting, view
from .ui import plain

ROOT = Path(__file__).resolve().parent.parent
ICON = ROOT / "static" / "icon.png"
PAGES_DIR = ROOT / "pages"
# (section, [(file, title key, icon, url path)]); each file in pages/ is named after its URL path.
PAGES = (
    ("section_overview", (("overview", "page_overview", "dashboard", ""), ("ban-do", "page_map", "map", "ban-do"),
                          ("dong-thoi-gian", "page_timeline", "timeline", "dong-thoi-gian"),
                          ("trinh-chieu", "page_present", "slideshow", "trinh-chieu"))),  # hidden: see presenting
    ("section_analysis", (("so-sanh", "page_compare", "bar_chart", "so-sanh"),
                          ("ho-so-tinh", "page_profile", "location_city", "ho-so-tinh"))),
    ("section_reference", (("van-ban", "page_documents", "gavel", "van-ban"), ("nguon", "page_sources", "article",
                                                                              "nguon"),
                           ("du-lieu", "page_data", "table", "du-lieu"))),
)


def _unknown_page() -> str | None:
    """The page a session's first URL asked for when no page has that path (Streamlit then runs the overview)."""
    if st.session_state.get("_path_checked"):
        return None
    st.session_state["_path_checked"] = True
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    path = urlparse(st.context.url or "").path.strip("/")
    path = path.removeprefix(base).strip("/") if base else path
    known = {entry[3] for _, entries in PAGES for entry in entries} | {"nhap-lieu"}
    return path if path not in known else None


def run() -> None:
    """Page config, data-health banners, the shared filter bar, then the page the URL asks for."""
    st.set_page_config(page_title="Công tác dân vận", page_icon=str(ICON), layout="wide")
    catalog, error = cached.catalog()
    if catalog is None:
        st.error(t("data_invalid"))
        st.code("\n".join(str(p) for p in error.problems if p.severity == "error"), language=None)
        st.stop()

    presenting.seed()  # before the filter bar rewrites the URL
    current = view.build(catalog)
    lang = current.lang
    if error is not None:
        problems = "; ".join(str(p) for p in error.problems if p.severity == "error")
        st.warning(t("data_stale", lang, problems=plain(problems[:600])), icon=":material/warning:")
    if catalog.generated:
        st.error(t("generated_banner", lang), icon=":material/science:")
    for key, values in st.session_state.pop("_notes", ()):  # what a shared link asked for that could not be shown
        st.warning(t(key, lang, **{k: plain(v) for k, v in values}), icon=":material/link_off:")
    unknown = _unknown_page()
    if unknown:
        st.warning(t("bad_page", lang, value=plain(unknown)), icon=":material/link_off:")
        # Streamlit's own notice for this case is an English dialog; the sentence above says it in the user's language.
        st.html("<style>[data-testid='stDialog'] {display: none}</style>")

    pages = {
        t(section, lang): [
            st.Page(PAGES_DIR / f"{file}.py", title=t(title, lang), icon=f":material/{icon}:",
                    url_path=path or None, default=not path,
                    visibility="hidden" if path == presenting.PAGE else "visible")
            for file, title, icon, path in entries
        ]
        for section, entries in PAGES
    }
    # Curation is reachable by its URL; it is listed only once a curator has signed in.
    pages[t("section_reference", lang)].append(
        st.Page(PAGES_DIR / "nhap-lieu.py", title=t("page_curate", lang), icon=":material/edit_note:",
                url_path="nhap-lieu", visibility="visible" if st.session_state.get("curator") else "hidden"))
    page = st.navigation(pages)
    presenting.route(page)
    st.session_state["_in_shell"] = True  # tells view.current() that this run went through the shell
    try:
        page.run()
    finally:
        st.session_state["_in_shell"] = False
