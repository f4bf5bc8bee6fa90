"""Văn bản: every policy document with issuer, date, and the visits and sources that reference it."""

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt

LISTED = 20  # visits listed under a document; a national dataset has thousands

current = view.current()
ui.header(current, "page_documents")
t = current.t
catalog = current.catalog
mentions = cached.document_mentions(catalog)
referenced = cached.document_references(current.catalog, current.flt)
narrowed = bool(current.flt.provinces) or current.flt.years != current.default_years
show_all = st.toggle(t("docs_all"), key="docs_all", value=not narrowed, help=t("docs_all_help"))
shown = catalog.documents if show_all else cached.documents_in(catalog, current.flt)
documents = shown.join(mentions, on="code", how="left").sort("date", "code", nulls_last=True)

view.seed("doc_search", "tim_vb", None, current.lang)  # a shared link's words
query = st.text_input(t("doc_search"), key="doc_search")
view.keep("tim_vb", query.strip() or None)
if query:
    documents = documents.filter(
        pl.col("code").str.contains(query, literal=True)
        | pl.col("title").str.to_lowercase().str.contains(query.lower(), literal=True)
    )
st.caption(t("doc_count", n=fmt.number(documents.height, lang=current.lang)))
if documents.is_empty():
    ui.empty(current)
places = cached.place_labels(catalog, current.lang)  # once, not per visit listed (hundreds in the national view)
for doc in documents.iter_rows(named=True):
    refs = referenced.filter(pl.col("documents") == doc["code"])
    # what it is at a glance, closed: its kind, date and issuer ("10-NQ/TU — Nghị quyết, 09/04/2020 — Tỉnh ủy Lạng Sơn")
    label = " — ".join(
        filter(
            None,
            (
                doc["code"],
                t("doc_type_" + doc["type"]) + (f", {fmt.date(doc['date'])}" if doc["date"] else ""),
                doc["issuer"],
            ),
        )
    )
    with st.expander(ui.plain(label) + (f" · {t('doc_visits')}: {refs.height}" if refs.height else "")):
        st.markdown(
            f"**{t('title')}:** {ui.plain(doc['title'] or '—')}  \n"
            f"**{t('issuer')}:** {ui.plain(doc['issuer'] or '—')} · **{t('doc_level')}:** "
            f"{t('level_' + doc['level'])}"
            + (f" ({ui.plain(current.province_name(doc['province'], '63'))})" if doc["province"] else "")
            + "  \n"
            f"**{t('date')}:** {fmt.date(doc['date'])}"
        )
        if doc["quote"]:
            ui.quote(current, doc["source"], doc["quote"])
        st.markdown(f"**{t('doc_visits')}:**")
        if refs.is_empty():
            st.caption(t("none"))
        for ref in refs.head(LISTED).iter_rows(named=True):
            where = ui.host(current, ref, places) or "—"
            st.markdown(f"- {ref['when']} — {ui.plain(ref['body'])} → {where}")
        if refs.height > LISTED:
            st.caption(t("doc_more_visits", n=fmt.number(refs.height - LISTED, lang=current.lang)))
        st.markdown(f"**{t('doc_sources')}:**")
        for source_id in doc["source_id"] or []:
            st.markdown(f"- {ui.source_line(current, source_id)}")
        if not doc["source_id"]:
            st.caption(t("none"))
ui.footer(current)
