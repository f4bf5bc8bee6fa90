"""The app shell: page config, data-health banners, the shared filter bar and navigation over pages/."""

from urllib.parse import urlparse

import streamlit as st

import danvan
from danvan.i18n import t

from . import cached, keys, presenting, routes, view
from .ui import plain


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
    for key, values in st.session_state.pop(keys.NOTES, ()):
        st.warning(t(key, lang, **{k: plain(v) for k, v in values}), icon=":material/link_off:")
    unknown = _unknown_page()
    if unknown:
        st.warning(t("bad_page", lang, value=plain(unknown)), icon=":material/link_off:")
        # Streamlit's own notice for this case is an English dialog; the sentence above says it in the user's language.
        st.html("<style>[data-testid='stDialog'] {display: none}</style>")


def _navigation(lang: str) -> st.Page:
    """st.navigation over routes.PAGES; the presentation page is hidden, curation listed once a curator signed in."""
    def page(entry: tuple[str, str, str, str], visible: bool) -> st.Page:
        file, title, icon, path = entry
        return st.Page(routes.page_file(file), title=t(title, lang), icon=f":material/{icon}:", url_path=path or None,
                       default=not path, visibility="visible" if visible else "hidden")

    pages = {t(section, lang): [page(entry, entry[3] != routes.PRESENT) for entry in entries]
             for section, entries in routes.PAGES}
    for entry in (routes.CURATE_PAGE, routes.QUEUE_PAGE):
        pages[t("section_reference", lang)].append(page(entry, bool(st.session_state.get(keys.CURATOR))))
    return st.navigation(pages)


def run() -> None:
    """Page config, data-health banners, the shared filter bar, then the page the URL asks for."""
    st.set_page_config(page_title="Công tác dân vận", page_icon=str(routes.ICON), layout="wide")
    catalog, error = cached.catalog()
    if catalog is None:
        st.error(t("data_invalid"))
        st.code("\n".join(str(p) for p in error.problems if p.severity == "error"), language=None)
        st.stop()

    presenting.seed()  # before the filter bar rewrites the URL
    current = view.build(catalog)
    _banners(catalog, error, current.lang)
    page = _navigation(current.lang)
    presenting.route(page)
    st.session_state[keys.IN_SHELL] = True  # tells view.current() that this run went through the shell
    try:
        page.run()
    finally:
        st.session_state[keys.IN_SHELL] = False
