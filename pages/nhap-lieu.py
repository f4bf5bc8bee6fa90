"""Nhập liệu (curators only): paste or upload an article, review the extracted draft item by item, save safely.

Without a configured curator password the page only says how to enable it; viewers never see a write control."""

import hmac
import os

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import DataError, ingest, store
from danvan.ingest import IngestError
from danvan.ingest.drafts import REVIEW_COLUMNS, SourceEntry, review_rows, to_records
from danvan.ingest.queue import document_text
from danvan.ingest.readers import read_document
from danvan.ingest.tables import extract_document
from danvan.model import OLD_SCHEME
from danvan.text import decode, fold_space

MAX_BYTES = 1_000_000
current = view.current()
t = current.t
st.title(t("page_curate"))


def configured_password() -> str | None:
    try:
        secret = st.secrets.get("curator_password")
    except Exception:  # no secrets.toml at all
        secret = None
    return secret or os.environ.get("DANVAN_CURATOR_PASSWORD") or None


password = configured_password()
state = st.session_state
if password is None:
    st.info(t("cur_disabled"), icon=":material/lock:")
    st.stop()
if not state.get("curator"):
    st.caption(t("cur_only"))
    with st.form("curator_login"):
        typed = st.text_input(t("cur_password"), type="password")
        if st.form_submit_button(t("cur_login")):
            if hmac.compare_digest(typed.encode(), password.encode()):
                state["curator"] = True
                st.rerun()
            st.error(t("cur_wrong"))
    st.stop()

st.button(t("cur_logout"), on_click=lambda: state.update(curator=False, curate_draft=None))

# ---------------------------------------------------------------- the article
upload = st.file_uploader(t("cur_upload"), type=["txt", "docx", "pdf", "xlsx", "csv"], key="curate_upload")
pasted = st.text_area(t("cur_paste"), height=160, key="curate_paste")
left, right = st.columns(2)
published = left.text_input(t("cur_published"), key="curate_published").strip() or None
names = dict(current.catalog.units.filter(pl.col("scheme") == OLD_SCHEME).sort("name_vi").select("code", "name_vi")
             .iter_rows())
province = right.selectbox(t("cur_province"), [None, *names], format_func=lambda c: names.get(c, "—"),
                           key="curate_province")

if st.button(t("cur_extract"), type="primary"):
    text = None
    document = None  # an uploaded file, read by its content (text, Word, PDF, Excel, CSV)
    if upload is not None:
        raw = upload.getvalue()
        if len(raw) > MAX_BYTES:
            st.error(t("cur_too_big", size=len(raw)))
        else:
            try:
                document = read_document(upload.name, raw, upload.name)
            except IngestError as err:
                st.error(ui.plain(err))
            else:
                text = document_text(document)
    elif pasted.strip():
        text = decode(pasted.encode(), "văn bản dán")
    if text is None and upload is None and not pasted.strip():
        st.warning(t("cur_empty"))
    if text:
        try:
            options = {"published": published, "province": names.get(province) if province else None,
                       "indicators": current.catalog.indicators.to_dicts()}
            draft = (extract_document(document, current.registry, **options) if document is not None
                     else ingest.extract_text(text, current.registry, **options))
        except ValueError as err:  # the extractor refuses binary, HTML-only or oversized input with a reason
            st.error(ui.plain(err))
        else:
            state["curate_draft"] = {"text": text, "draft": draft}

found = state.get("curate_draft")
if not found:
    ui.footer(current)
    st.stop()

text, draft = found["text"], found["draft"]
for note in draft.source.notes:
    st.caption(f"{t('cur_notes')}: {ui.plain(note)}")

# ---------------------------------------------------------------- the draft, item by item
existing = set(current.catalog.sources["source_id"])
suggested = next(f"n{i:02d}" for i in range(1, 1000) if f"n{i:02d}" not in existing)
st.subheader(t("cur_source"))
source_cols = st.columns([1, 3])
source_id = source_cols[0].text_input(t("cur_source_id"), value=suggested, key="curate_source_id")
title = source_cols[1].text_input(t("title"), value=draft.source.title or "", key="curate_title")
meta = st.columns(3)
publisher = meta[0].text_input(t("publisher"), key="curate_publisher")
url = meta[1].text_input(t("link"), key="curate_url")
published_value = meta[2].text_input(t("published"), value=draft.source.published or "",
                                     key="curate_published_value")

quotes = draft.quotes()
st.markdown(f"**{t('cur_text')}**")
with st.container(border=True, height=360):
    for paragraph in text.split("\n"):
        if paragraph.strip():
            st.markdown(ui.highlighted(fold_space(paragraph), quotes))

indicators = current.catalog.indicators["id"].to_list()


def editor(items: list, columns: list[str], key: str) -> list[dict]:
    """One editable table per kind of item; each row can be kept or rejected, every field edited."""
    if not items:
        return []
    frame = pl.DataFrame(review_rows(items, columns), infer_schema_length=None)
    labels = {"province": "province", "district": "district", "commune": "commune", "period": "period",
              "value": "value", "status": "status", "breakdown": "breakdown", "kind": "kind", "body": "body",
              "summary": "summary", "code": "code", "issuer": "issuer", "title": "title", "date": "date",
              "date_start": "date", "numerator": "numerator", "denominator": "denominator", "leader_name": "leader"}
    config = {c: st.column_config.Column(t(labels[c])) for c in columns if c in labels}
    config |= {"keep": st.column_config.CheckboxColumn(t("cur_keep")),
              "quote": st.column_config.TextColumn(t("quote"), disabled=True, width="large"),
              "confidence": st.column_config.NumberColumn(t("cur_confidence"), disabled=True, format="%.2f")}
    if "indicator" in columns:
        options = sorted({*indicators, *(i.indicator for i in items if i.indicator)})
        config["indicator"] = st.column_config.SelectboxColumn(t("indicator"), options=options, width="medium")
    edited = st.data_editor(frame, hide_index=True, column_config=config, key=key, placeholder="—")
    return pl.DataFrame(edited).filter(pl.col("keep")).to_dicts()


kept = {}
for part, heading in (("visits", "cur_visits"), ("documents", "cur_documents"), ("observations", "cur_observations")):
    st.subheader(t(heading))
    kept[part] = editor(getattr(draft, part), REVIEW_COLUMNS[part], f"curate_{part}")

if st.button(t("cur_save"), type="primary", icon=":material/save:"):
    entry = SourceEntry(source_id, title, publisher, url, published_value)
    records = to_records(draft, entry, kept, known_documents=current.catalog.documents["code"])
    if not any(records[part] for part in kept):  # nothing kept, or only documents already in the catalog
        st.warning(t("cur_nothing"))
    else:
        try:
            saved = store.save(cached.data_path(), records, {source_id: text})
        except DataError as err:
            errors = [p for p in err.problems if p.severity == "error"]
            st.error(t("cur_failed", n=len(errors)))
            st.code("\n".join(str(p) for p in errors), language=None)
        else:
            st.success(t("cur_saved", files=", ".join(saved.files), history=str(saved.history)))
            state["curate_draft"] = None
ui.footer(current)
