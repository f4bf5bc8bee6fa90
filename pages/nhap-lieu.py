"""Nhập liệu (curators only): paste or upload an article, review the extracted draft item by item, save safely.

Nothing that writes, not even the uploader, is rendered before a curator has signed in (components/auth.py); every
save names its author and a required note, which go to the audit log."""

import polars as pl
import streamlit as st

from components import auth, cached, review, ui, view
from danvan import DataError, ingest, legacy, store, uploads
from danvan.ingest import IngestError
from danvan.ingest.drafts import SourceEntry, to_records
from danvan.ingest.queue import document_text, save_with_original, saved_twice
from danvan.ingest.readers import PICTURES, read_document, scan_pictures
from danvan.ingest.tables import extract_document
from danvan.model import OLD_SCHEME
from danvan.text import decode

current = view.current()
t = current.t
st.title(t("page_curate"))
state = st.session_state
account = auth.require("curator", current.lang)
if account is None:
    view.stop()

# ---------------------------------------------------------------- the article
# Streamlit writes the uploader's button and limits in English only: the label above says the limits, and the button
# gets its text from the translation table (a fixed string, never user input, inside the CSS).
st.html(f"""<style>
[data-testid='stFileUploaderDropzoneInstructions'] {{display: none}}
[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p {{display: none}}
[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer']::after {{
    content: "{t("cur_upload_button")}"}}
</style>""")
# Any file is taken, and read by its content (uploads.check): Streamlit's own check of a file's kind refused an image
# with an English tooltip only ("image/png files are not allowed."), and the page then said there was no text.
upload = st.file_uploader(
    t("cur_upload_limits", mb=uploads.MAX_UPLOAD_MB), key="curate_upload", max_upload_size=uploads.MAX_UPLOAD_MB
)
pasted = st.text_area(t("cur_paste"), height=160, key="curate_paste")
left, middle, right = st.columns(3)
published = review.read_date(left.text_input(t("cur_published"), key="curate_published"), current.lang)[1]
link = middle.text_input(t("cur_link"), key="curate_link", help=t("cur_link_help")).strip() or None
names = dict(
    current.catalog.units.filter(pl.col("scheme") == OLD_SCHEME).sort("name_vi").select("code", "name_vi").iter_rows()
)
province = right.selectbox(
    t("cur_province"),
    [None, *names],
    format_func=lambda c: names.get(c, "—"),
    key="curate_province",
    placeholder=t("choose"),
)

if st.button(t("cur_extract"), type="primary"):
    text = converted = None
    document = None  # an uploaded file, read by its content (text, Word, PDF, Excel, CSV)
    raw = cells = b""  # the file, and what a table's values point to
    suffix = ""
    if upload is not None:
        raw = upload.getvalue()
        try:  # by content, never by name: size, type, encoding (an empty file says so)
            uploads.check(raw, upload.name)
            with st.spinner(t("cur_reading")):  # a scanned PDF is recognised page by page: seconds a page
                document = read_document(upload.name, raw, upload.name)
        except uploads.UploadError as err:
            st.error(t("cur_upload_refused", name=ui.plain(uploads.shown_name(upload.name)), reason=ui.plain(err)))
        except IngestError as err:
            st.error(ui.plain(err))
        else:
            text = document_text(document)
            # a scan's tables as read (its transcription) stand for the scan
            cells, suffix = (
                (document.transcription, ".xlsx")
                if document.transcription is not None
                else (raw, f".{document.kind}" if document.kind != "text" else ".txt")
            )
    elif pasted.strip():  # copied out of a file typed in an old code table, it comes as the letters its fonts redraw
        text, converted = legacy.unlegacy(decode(pasted.encode(), "văn bản dán"), "Văn bản dán")
    if text is None and upload is None and not pasted.strip():
        st.warning(t("cur_empty"))
    if text:
        try:
            options = {
                "published": published,
                "province": names.get(province) if province else None,
                "indicators": current.catalog.indicators.to_dicts(),
                "url": link,
            }
            draft = (
                extract_document(document, current.registry, **options)
                if document is not None
                else ingest.extract_text(text, current.registry, **options)
            )
        except ValueError as err:  # the extractor refuses binary, HTML-only or oversized input with a reason
            st.error(ui.plain(err))
        else:
            draft.source.notes[:0] = [converted] if converted else []
            # a scan's or a photo's pictures, read once here: the page reruns on every edit
            pictures = scan_pictures(raw) if document is not None and document.kind in (*PICTURES, "pdf") else []
            state["curate_draft"] = {
                "text": text,
                "draft": draft,
                "original": cells,
                "suffix": suffix,
                "url": link,
                "pictures": pictures,
            }

found = state.get("curate_draft")
if not found:
    ui.footer(current)
    view.stop()

text, draft = found["text"], found["draft"]
if saved_before := cached.saved_source(current.catalog.version, text):
    st.warning(t("cur_already_saved", source=saved_before), icon=":material/content_copy:")
for note in draft.source.notes:
    st.caption(f"{t('cur_notes')}: {ui.plain(note)}")

# ---------------------------------------------------------------- the draft, item by item
existing = set(current.catalog.sources["source_id"])
# a report saved before is added to under its own id (what the first save missed), not saved as a second source
suggested = saved_before or next(f"n{i:02d}" for i in range(1, 1000) if f"n{i:02d}" not in existing)
st.subheader(t("cur_source"))
source_cols = st.columns([1, 3])
source_id = source_cols[0].text_input(
    t("cur_source_id"), value=ui.initial("curate_source_id", suggested), key="curate_source_id"
)
title = source_cols[1].text_input(t("title"), value=ui.initial("curate_title", draft.source.title), key="curate_title")
meta = st.columns(3)
publisher = meta[0].text_input(t("publisher"), key="curate_publisher")
url = meta[1].text_input(t("link"), value=ui.initial("curate_url", found.get("url")), key="curate_url")
published_value = meta[2].text_input(
    t("published"),
    value=ui.initial("curate_published_value", review.typed("date", draft.source.published)),  # 25/04/2024
    key="curate_published_value",
)

st.markdown(f"**{t('cur_text')}**")
review.source_text(text, draft.quotes(), found.get("pictures", []), current.lang)

kept = review.review(current.catalog, draft, "curate", current.lang)

note = st.text_input(t("cur_note"), key="curate_note", max_chars=300, help=t("cur_note_help"))
if st.button(t("cur_save"), type="primary", icon=":material/save:"):
    dated, day = review.read_date(published_value, current.lang)
    entry = SourceEntry(source_id, title, publisher, url, day)
    records = to_records(draft, entry, kept, known_documents=current.catalog.documents["code"])
    again = bool(saved_before) and source_id == saved_before  # its source and text are stored already
    if again:
        records["sources"] = []
    if not dated:
        pass  # said under the box
    elif not any(records[part] for part in kept):  # nothing kept, or only documents already in the catalog
        st.warning(t("cur_nothing"))
    elif not note.strip():
        st.warning(t("cur_note_missing"), icon=":material/edit_note:")
    elif (held := review.saved_before(current.catalog, records))[0]:  # said once, not as each id's clash twice over
        st.error(t("cur_saved_before", n=held[0], sources="; ".join(f"“{name}” ({s})" for s, name in held[1])))
    else:
        try:
            # a table's values point to their cells: the original file is kept beside the text
            saved = save_with_original(
                cached.data_path(),
                records,
                source_id,
                None if again else text,
                found["original"],
                found["suffix"],
                author=account.username,
                note=note,
                refused=saved_twice(records["observations"], current.catalog.observations, current.catalog.sources),
            )
        except store.LockBusy as err:  # another save holds the folder: nothing written, try again
            st.error(
                t("cur_busy", detail=ui.plain("; ".join(p.message for p in err.problems))), icon=":material/lock_clock:"
            )
        except DataError as err:
            errors = [p for p in err.problems if p.severity == "error"]
            st.error(t("cur_failed", n=len(errors)))
            lines = review.problem_lines(current.catalog, records, errors, current.lang)
            st.markdown("\n".join(f"- {ui.plain(line)}" for line in lines))
        else:
            known = review.already_held(current.catalog, kept.get("documents", []))
            st.success(review.saved_message(saved, current.lang, known))
            state["curate_draft"] = None
ui.footer(current)
