"""Entry point: page config, the shared filter bar, navigation over pages/, and the data-health banners."""

import streamlit as st

from components import cached, view
from components.ui import plain
from danvan.i18n import t

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
    t("section_overview", lang): [
        st.Page("pages/overview.py", title=t("page_overview", lang), icon=":material/dashboard:", default=True),
        st.Page("pages/map.py", title=t("page_map", lang), icon=":material/map:", url_path="ban-do"),
        st.Page("pages/timeline.py", title=t("page_timeline", lang), icon=":material/timeline:",
                url_path="dong-thoi-gian"),
    ],
    t("section_analysis", lang): [
        st.Page("pages/compare.py", title=t("page_compare", lang), icon=":material/bar_chart:", url_path="so-sanh"),
        st.Page("pages/profile.py", title=t("page_profile", lang), icon=":material/location_city:",
                url_path="ho-so-tinh"),
    ],
    t("section_reference", lang): [
        st.Page("pages/documents.py", title=t("page_documents", lang), icon=":material/gavel:", url_path="van-ban"),
        st.Page("pages/sources.py", title=t("page_sources", lang), icon=":material/article:", url_path="nguon"),
        st.Page("pages/data.py", title=t("page_data", lang), icon=":material/table:", url_path="du-lieu"),
    ],
}
page = st.navigation(pages)
view.show_notes(current)
page.run()
