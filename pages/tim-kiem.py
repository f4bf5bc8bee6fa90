"""Tìm kiếm: one box over visits, findings and recommendations, values and their quotes, documents and sources,
accent-insensitive ("dan van kheo" finds "Dân vận khéo"); each hit highlighted, with a link that opens its view."""

import streamlit as st

from components import cached, routes, ui, view
from danvan import fmt, search

current = view.current()
ui.header(current, "page_search")
t, lang = current.t, current.lang
view.seed("search_q", "tim", None, lang)  # a shared link's words
words = st.text_input(
    t("search_box"), key="search_q", max_chars=search.MAX_QUERY, placeholder=t("search_hint"), icon=":material/search:"
)
view.keep("tim", words.strip() or None)
st.caption(t("search_scope"))

if words.strip():
    hits, counts = cached.search_hits(current.catalog, current.flt, lang, words)
    if not hits:
        st.info(
            t("search_none", words=ui.plain(words.strip()), filter=ui.plain(current.filter_label())),
            icon=":material/search_off:",
        )
    else:
        found = "; ".join(  # a kind's own name may hold a comma ("chỉ đạo, kiến nghị")
            f"{fmt.number(counts[k], lang=lang)} {t('search_kind_' + k).lower()}" for k in search.KINDS if counts.get(k)
        )
        st.markdown(t("search_found", n=fmt.number(sum(counts.values()), lang=lang), kinds=found))
        if len(hits) < sum(counts.values()):
            st.caption(t("search_first", n=len(hits)))
        for n, hit in enumerate(hits):
            with st.container(border=True):
                st.markdown(f"**{t('search_kind_' + hit.kind)}** · {ui.plain(hit.title)}")
                st.markdown(ui.marked(search.segments(hit.snippet, hit.spans)))
                label = t("search_open", page=t(routes.title_key(hit.page)))
                if st.button(label, key=f"open_{n}", type="tertiary", icon=":material/arrow_forward:"):
                    view.go(hit.page, hit.choices)  # in this tab, on the record: its value, event, document, source
ui.footer(current)
