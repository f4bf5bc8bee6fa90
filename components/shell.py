"""The app shell: page config, data-health banners, the shared filter bar and navigation over pages/."""

import streamlit as st

from danvan.i18n import t

from . import cached, view
from .ui import plain

# (section, [(file, title key, icon, url path)]); each file in pages/ is named after its URL path.
PAGES = (
    ("section_overview", (("overview", "page_overview", "dashboard", ""), ("ban-do", "page_map", "map", "ban-do"),
                          ("dong-thoi-gian", "page_timeline", "timeline", "dong-thoi-gian"))),
    ("section_analysis", (("so-sanh", "page_compare", "bar_chart", "so-sanh"),
                          ("ho-so-tinh", "page_profile", "location_city", "ho-so-tinh"))),
    ("section_reference", (("van-ban", "page_documents", "gavel", "van-ban"), ("nguon", "page_sources", "article",
                                                                              "nguon"),
                           ("du-lieu", "page_data", "table", "du-lieu"))),
)


def run() -> None:
    st.set_page_config(page_title="Công tác dân vận", page_icon="static/icon.png", layout="wide")
    catalog, error = cached.catalog()
    if catalog is None:
        st.error(t("data_invalid"))
        st.code("\n".join(str(p) for p in error.problems if p.severity == "error"), language=None)
        st.stop()

    current = view.build(catalog)
    lang = current.lang
    if error is not None:
        problems = "; ".join(str(p) for p in error.problems if p.severity == "error")
        st.warning(t("data_stale", lang, problems=plain(problems[:600])), icon=":material/warning:")
    if catalog.generated:
        st.error(t("generated_banner", lang), icon=":material/science:")

    pages = {
        t(section, lang): [
            st.Page(f"pages/{file}.py", title=t(title, lang), icon=f":material/{icon}:", url_path=path or None,
                    default=not path)
            for file, title, icon, path in entries
        ]
        for section, entries in PAGES
    }
    page = st.navigation(pages)
    view.show_notes(current)
    page.run()
