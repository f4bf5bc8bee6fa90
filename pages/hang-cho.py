"""Hàng chờ duyệt (curators only): the drafts `python -m danvan ingest DIR --queue` made, newest first, filtered by
state and province; one draft opened beside its source text (quotes highlighted, table cells listed), its items
kept or rejected and edited, then accepted through the validate-then-write path, or the whole draft rejected."""

import polars as pl
import streamlit as st

from components import auth, cached, review, ui, view
from danvan import DataError
from danvan.ingest import queue
from danvan.ingest.drafts import SourceEntry
from danvan.model import OLD_SCHEME
from danvan.text import fold_space

current = view.current()
t = current.t
state = st.session_state
st.title(t("page_queue"))


def curator() -> str:
    """The signed-in curator's account name; anyone else sees the sign-in form and the page stops there."""
    account = auth.require("curator", current.lang)
    if account is None:
        st.stop()
    return account.username


who = curator()
queue_dir = queue.default_queue(cached.data_path())
names = dict(
    current.catalog.units.filter(pl.col("scheme") == OLD_SCHEME).sort("name_vi").select("code", "name_vi").iter_rows()
)
left, right = st.columns(2)
states = {None: t("q_all"), "new": t("q_new"), "accepted": t("q_accepted"), "rejected": t("q_rejected")}
chosen_state = left.selectbox(t("q_state"), list(states), format_func=states.get, key="queue_state")
chosen_province = right.selectbox(
    t("cur_province"), [None, *names], format_func=lambda c: names.get(c, "—"), key="queue_province"
)
entries = queue.list_entries(queue_dir, chosen_state, chosen_province)
if not entries:
    st.info(t("q_empty"))
    ui.footer(current)
    st.stop()

st.dataframe(
    pl.DataFrame(
        [
            {
                t("q_created"): e.created.replace("T", " "),
                t("q_file"): e.file,
                t("q_kind"): e.kind,
                t("q_state"): states.get(e.state, e.state),
                t("cur_confidence"): e.confidence,
                t(
                    "q_items"
                ): f"{e.counts.get('visits', 0)} / {e.counts.get('documents', 0)} / {e.counts.get('observations', 0)}",
                t("q_problems"): len(e.problems),
            }
            for e in entries
        ]
    ),
    hide_index=True,
)

by_id = {e.id: e for e in entries}
opened = st.selectbox(
    t("q_open"),
    list(by_id),
    key="queue_open",
    format_func=lambda i: f"{by_id[i].file} — {states.get(by_id[i].state)} ({i})",
)
entry = by_id[opened]
draft = entry.draft()
if entry.reviewed:
    st.caption(t("q_decided", state=states.get(entry.state), who=entry.reviewed))
for note in entry.problems:
    st.caption(f"{t('cur_notes')}: {ui.plain(note)}")

quotes = draft.quotes()
st.markdown(f"**{t('q_source_text')}**")
with st.container(border=True, height=320):
    for paragraph in entry.text().split("\n"):
        if paragraph.strip():
            st.markdown(ui.highlighted(fold_space(paragraph), quotes))

existing = set(current.catalog.sources["source_id"])
suggested = next(f"n{i:02d}" for i in range(1, 1000) if f"n{i:02d}" not in existing)
source_cols = st.columns([1, 3])
source_id = source_cols[0].text_input(t("cur_source_id"), value=suggested, key=f"queue_source_id_{opened}")
title = source_cols[1].text_input(t("title"), value=draft.source.title or "", key=f"queue_title_{opened}")
meta = st.columns(3)
publisher = meta[0].text_input(t("publisher"), key=f"queue_publisher_{opened}")
url = meta[1].text_input(t("link"), key=f"queue_url_{opened}")
published = meta[2].text_input(t("published"), value=draft.source.published or "", key=f"queue_published_{opened}")
kept = review.review(current.catalog, draft, f"queue_{opened}", current.lang)

reason = st.text_input(t("q_note"), key=f"queue_note_{opened}")
accept_col, reject_col = st.columns(2)
if accept_col.button(t("q_accept"), type="primary", icon=":material/save:", key="queue_accept"):
    if not reason.strip():
        st.warning(t("q_need_note"))
    elif not any(kept.values()):
        st.warning(t("cur_nothing"))
    else:
        source = SourceEntry(source_id, title or None, publisher or None, url or None, published or None)
        try:
            saved = queue.accept(
                entry,
                kept,
                source,
                cached.data_path(),
                author=who,
                note=reason,
                known_documents=current.catalog.documents["code"],
            )
        except DataError as err:
            errors = [p for p in err.problems if p.severity == "error"]
            st.error(t("cur_failed", n=len(errors)))
            st.code("\n".join(str(p) for p in errors), language=None)
        else:
            st.success(t("cur_saved", files=", ".join(saved.files), history=str(saved.history)))
if reject_col.button(t("q_reject"), icon=":material/block:", key="queue_reject"):
    if not reason.strip():
        st.warning(t("q_need_note"))
    else:
        queue.set_state(entry, "rejected", who, reason)
        st.success(t("q_rejected_done", id=entry.id))
ui.footer(current)
