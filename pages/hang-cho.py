"""Hàng chờ duyệt (curators only): the drafts `python -m danvan ingest DIR --queue` made, newest first, filtered by
state and province. One draft opened: its items decided one by one on a card with the keyboard (N accept, L reject,
S edit, ← →) or in the table, each decision kept in the queue at once; the accepted items then saved through the
validate-then-write path, or the whole draft rejected. A draft left half-reviewed stays in the queue."""

import polars as pl
import streamlit as st

from components import auth, cached, review, ui, view
from danvan import DataError, fmt
from danvan.ingest import queue
from danvan.ingest.drafts import REVIEW_COLUMNS, SourceEntry, place_problems
from danvan.ingest.readers import PICTURES
from danvan.ingest.text import prepare
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
        view.stop()
    return account.username


who = curator()
queue_dir = queue.default_queue(cached.data_path())
names = dict(
    current.catalog.units.filter(pl.col("scheme") == OLD_SCHEME).sort("name_vi").select("code", "name_vi").iter_rows()
)
left, right = st.columns(2)
states = {  # "" (all), not None: a None value would not be sent again when the language changes
    "": t("q_all"),
    "new": t("q_new"),
    "reviewing": t("q_reviewing"),
    "accepted": t("q_accepted"),
    "rejected": t("q_rejected"),
}
chosen_state = left.selectbox(
    t("q_state"), list(states), format_func=states.get, key="queue_state", on_change=ui.release_keys_after_choice
)
chosen_province = right.selectbox(
    t("province"),
    [None, *names],
    format_func=lambda c: names.get(c, "—"),
    key="queue_province",
    on_change=ui.release_keys_after_choice,
)
entries = queue.list_entries(queue_dir, chosen_state or None, chosen_province)
if not entries:
    st.info(t("q_empty"))
    ui.footer(current)
    view.stop()

st.dataframe(
    pl.DataFrame(
        [
            {
                t("q_created"): fmt.date_time(e.created),
                t("q_file"): e.file,
                t("q_kind"): t("q_kind_" + e.kind),
                t("q_state"): states.get(e.status, e.status),
                t("q_progress_col"): t("q_progress", done=e.decided, total=e.total),
                t("cur_confidence"): fmt.number(e.confidence, 2, current.lang),
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
    format_func=lambda i: f"{by_id[i].file} ({i})",  # its state is in the list above, and may change as it is reviewed
    on_change=ui.release_keys_after_choice,
)
ui.release_keys()
entry = by_id[opened]
draft = entry.draft()
rows = queue.reviewed_rows(entry, draft)
keys = queue.item_keys(draft)
headings = dict(review.PARTS)
if entry.reviewed:  # "lan, 2026-12-01T02:45:02": the curator, and when, as the interface writes times
    name, _, when = entry.reviewed.rpartition(", ")
    st.caption(t("q_decided", state=states.get(entry.state), who=f"{name}, {fmt.date_time(when)}"))
# a report saved before from another draft (the same file uploaded on Nhập liệu, or queued under another name)
if not entry.source_id and (saved_before := cached.saved_source(current.catalog.version, entry.text())):
    st.warning(t("cur_already_saved", source=saved_before), icon=":material/content_copy:")
for note in entry.problems:
    st.caption(f"{t('cur_notes')}: {ui.plain(note)}")


# ---------------------------------------------------------------- deciding, item by item
POS, EDITING, MESSAGE, SAVED = f"queue_pos_{opened}", f"queue_editing_{opened}", "queue_message", "queue_saved"
REJECTED = f"queue_rejected_proposed_{opened}"


def row_of(key: str) -> dict:
    part, index = key.split("/")
    return rows[part][int(index)]


def next_open(after: int, decisions: dict[str, str]) -> int:
    """The next item not decided yet after `after` (round the end), else the one after it."""
    order = list(range(after + 1, len(keys))) + list(range(after + 1))
    return next((i for i in order if keys[i] not in decisions), min(after + 1, len(keys) - 1))


def decide(key: str, decision: str, edits: dict | None = None) -> None:
    """A button's or the form's decision, written to the queue before the page is drawn again."""
    try:
        decided = queue.decide(entry, {key: decision}, {key: edits} if edits else None, current.registry)
    except ValueError as err:
        state[MESSAGE] = ("error", str(err))
        return
    state[POS] = next_open(keys.index(key), decided.decisions)
    state[EDITING] = None


def reject_all(proposed: list[str]) -> None:
    decided = queue.decide(entry, dict.fromkeys(proposed, "rejected"), None, current.registry)
    state[REJECTED] = t("q_rejected_proposed", n=len(proposed))
    state[POS] = next_open(-1, decided.decisions)
    state[EDITING] = None


def move(step: int) -> None:
    state[POS] = min(max(state[POS] + step, 0), len(keys) - 1)
    state[EDITING] = None


# what would be saved twice, by item
repeats = queue.repeated(entry, current.catalog.observations, current.catalog.sources, current.lang)
if keys:
    state.setdefault(POS, next((i for i, k in enumerate(keys) if k not in entry.decisions), 0))
    state[POS] = min(state[POS], len(keys) - 1)
    st.progress(entry.decided / len(keys), text=t("q_progress", done=entry.decided, total=len(keys)))
    if proposed := queue.proposed_values(rows):  # most such counts are no indicator: one press, not one each
        st.button(
            t("q_reject_proposed", n=len(proposed)),
            help=t("q_reject_proposed_help"),
            icon=":material/playlist_remove:",
            key=f"queue_reject_proposed_{opened}",
            on_click=reject_all,
            args=(proposed,),
        )
    if done := state.pop(REJECTED, None):  # said where the curator pressed, not under the save
        st.success(done)
    mode = st.segmented_control(
        t("q_mode"),
        ["card", "table"],
        default=ui.initial("queue_mode", "card"),
        format_func=lambda m: t("q_mode_card") if m == "card" else t("q_mode_table"),
        key="queue_mode",
    )
    if mode != "table":
        key = keys[state[POS]]
        part, index = key.split("/")
        row = row_of(key)
        decided = row["decision"]
        with st.container(border=True):
            status = t(review.DECISION_NAMES[decided]) if decided else t("q_undecided")
            st.markdown(f"**{t('q_item_of', n=state[POS] + 1, total=len(keys))} · {t(headings[part])}** — {status}")
            final, first, last = decided == "saved", state[POS] == 0, state[POS] == len(keys) - 1
            # (name, label, help, shortcut, icon, disabled, on_click, args): the card's five buttons, in screen order
            actions = [
                ("prev", t("q_prev"), t("q_prev_help"), "Left", ":material/arrow_back:", first, move, (-1,)),
                ("take", t("q_take"), t("q_take_help"), "N", ":material/check:", final, decide, (key, "accepted")),
                ("drop", t("q_drop"), t("q_drop_help"), "L", ":material/close:", final, decide, (key, "rejected")),
                ("edit", t("q_edit"), t("q_edit_help"), "S", ":material/edit:", final, state.update, ({EDITING: key},)),
                ("next", t("q_next"), t("q_next_help"), "Right", ":material/arrow_forward:", last, move, (1,)),
            ]
            for column, (name, label, tip, shortcut, icon, disabled, action, args) in zip(
                st.columns(5), actions, strict=True
            ):
                column.button(
                    label,
                    key=f"queue_{name}",
                    shortcut=shortcut,
                    help=tip,
                    type="primary" if name == "take" else "secondary",
                    icon=icon,
                    disabled=disabled,
                    on_click=action,
                    args=args,
                    width="stretch",
                )
            st.caption(t("q_keys"))
            item = getattr(draft, part)[int(index)]
            scanned = entry.scanned_row(row.get("cell"))
            review.card(current.catalog, part, row, item, entry.text(), current.lang, scanned, draft.source.notes)
            for note in repeats.get(key, []):
                st.warning(note, icon=":material/content_copy:")
            if decided == "saved":
                st.caption(t("q_saved_item"))
        if state.get(EDITING) == key:
            changed = review.edit_form(current.catalog, part, row, f"queue_form_{opened}_{key}", current.lang)
            if changed is not None and place_problems(part, row | changed, current.catalog.places):
                # a place the save would refuse: the edit is kept, the item stays open and the card says why
                queue.decide(entry, {}, {key: changed}, current.registry)
                st.rerun()
            elif changed is not None:
                decide(key, "accepted", changed)
                st.rerun()
            st.button(
                t("q_edit_cancel"),
                key="queue_edit_cancel",
                shortcut="Esc",
                on_click=lambda: state.update({EDITING: None}),
            )
    else:
        # The table's key follows what is on disk: a decision made elsewhere draws a fresh table.
        version = abs(hash(repr((entry.decisions, entry.edits)))) % 10**8
        if repeats:  # one box, a line an item: thirteen boxes pushed the table off the screen
            st.warning(
                "\n".join(
                    f"- {t('q_item_of', n=keys.index(key) + 1, total=len(keys))}: {ui.plain(' '.join(notes))}"
                    for key, notes in repeats.items()
                )
            )
        edited = review.decisions(current.catalog, rows, f"queue_{opened}_{version}", current.lang)
        changes, edits = review.changes(rows, edited)
        chosen_saved = [  # "đã lưu" is what a save writes, not a decision: said, and nothing changes
            r
            for part in edited
            for r, old in zip(edited[part], rows[part], strict=True)
            if r["decision"] == "saved" and old["decision"] != "saved"
        ]
        if chosen_saved:
            st.warning(t("q_saved_not_a_choice"))
        if changes or edits:
            queue.decide(entry, changes, edits, current.registry)
            st.rerun()

# ---------------------------------------------------------------- one indicator for a whole column of a table
COLUMN_SET = f"queue_column_set_{opened}"
if columns := queue.table_columns(rows, draft):
    with st.expander(t("q_column"), expanded=COLUMN_SET in state):
        header = st.selectbox(
            t("q_column_header"),
            list(columns),
            format_func=lambda h: t("q_column_option", header=h or "—", n=len(columns[h])),
            key=f"queue_column_{opened}",
        )
        indicator = review.indicator_box(current.catalog, f"queue_column_indicator_{opened}", current.lang)
        if st.button(t("q_column_apply"), disabled=indicator is None, key=f"queue_column_apply_{opened}"):
            queue.decide(entry, {}, {key: {"indicator": indicator} for key in columns[header]})
            state[COLUMN_SET] = t("q_column_done", n=len(columns[header]), header=header)
            st.rerun()
        if done := state.pop(COLUMN_SET, None):  # said here, where the curator looks, not under the save
            st.success(done)

# ---------------------------------------------------------------- an event or a document the draft missed
ADDING, ADDED = f"queue_adding_{opened}", "queue_added"
if not state.get(ADDING):
    st.button(t("q_add"), icon=":material/add:", key="queue_add_open", on_click=state.update, args=({ADDING: True},))
else:
    with st.container(border=True):
        st.markdown(f"**{t('q_add')}**")
        st.caption(t("q_add_help"))
        part = (
            st.segmented_control(
                t("q_add_kind"),
                list(queue.REQUIRED),
                default=ui.initial(f"queue_add_part_{opened}", "visits"),
                format_func=lambda p: t("q_addpart_" + p),
                key=f"queue_add_part_{opened}",
            )
            or "visits"
        )
        passages = list(dict.fromkeys(fold_space(s.text) for s in prepare(entry.text()).sentences()))
        passage = st.selectbox(
            t("q_add_passage"),
            passages,
            index=None,
            placeholder=t("q_add_passage_hint"),
            format_func=lambda p: p if len(p) <= 160 else p[:157] + "…",
            key=f"queue_add_passage_{opened}",
        )
        blank = dict.fromkeys(REVIEW_COLUMNS[part]) | ({"province": entry.province} if part != "documents" else {})
        typed = review.edit_form(
            current.catalog, part, blank, f"queue_add_{opened}_{part}", current.lang, "q_add_save", skip=("id",)
        )
        if typed is not None:
            fields = {k: v for k, v in (blank | typed).items() if v not in (None, "")} | {"quote": passage or ""}
            try:
                units = dict(current.catalog.indicators.select("id", "unit").iter_rows())
                added = queue.add_item(entry, part, fields, who, current.registry, units=units)
            except ValueError as err:
                st.error(ui.plain(str(err)))
            else:
                state[POS] = queue.item_keys(added.draft()).index(f"{part}/{added.counts[part] - 1}")
                state[ADDED] = t("q_added", n=state[POS] + 1, total=added.total)
                state[ADDING] = False
                st.rerun()
        st.button(t("q_add_cancel"), key="queue_add_cancel", on_click=state.update, args=({ADDING: False},))
if message := state.pop(ADDED, None):
    st.success(message)

st.markdown(f"**{t('q_source_text')}**")
scanned = entry.kind in (*PICTURES, "pdf")  # only these can be a picture of a text
review.source_text(
    entry.text(), draft.quotes(), cached.scan_pictures(str(entry.original)) if scanned else [], current.lang
)


# ---------------------------------------------------------------- saving what was accepted
existing = set(current.catalog.sources["source_id"])
suggested = entry.source_id or next(f"n{i:02d}" for i in range(1, 1000) if f"n{i:02d}" not in existing)
source_cols = st.columns([1, 3])
source_id = source_cols[0].text_input(
    t("cur_source_id"), value=ui.initial(f"queue_source_id_{opened}", suggested), key=f"queue_source_id_{opened}"
)
title = source_cols[1].text_input(
    t("title"), value=ui.initial(f"queue_title_{opened}", draft.source.title), key=f"queue_title_{opened}"
)
meta = st.columns(3)
publisher = meta[0].text_input(t("publisher"), key=f"queue_publisher_{opened}")
url = meta[1].text_input(t("link"), value=ui.initial(f"queue_url_{opened}", entry.url), key=f"queue_url_{opened}")
published = meta[2].text_input(  # typed 25/04/2024 (or 04/2024), as every date field is
    t("published"),
    value=ui.initial(f"queue_published_{opened}", review.typed("date", draft.source.published)),
    key=f"queue_published_{opened}",
)
reason = st.text_input(t("q_note"), key=f"queue_note_{opened}")
accept_col, reject_col = st.columns(2)
if accept_col.button(t("q_accept"), type="primary", icon=":material/save:", key="queue_accept"):
    dated, day = review.read_date(published, current.lang)
    if not dated:
        pass  # said under the box
    elif not reason.strip():
        st.warning(t("q_need_note"))
    elif not any(r["decision"] == "accepted" for part in rows.values() for r in part):
        st.warning(t("q_nothing_accepted"))
    else:
        source = SourceEntry(source_id, title or None, publisher or None, url or None, day or None)
        try:
            saved = queue.accept(
                entry,
                source,
                cached.data_path(),
                author=who,
                note=reason,
                known_documents=current.catalog.documents["code"],
                held=current.catalog.observations,
                sources=current.catalog.sources,
            )
        except DataError as err:
            errors = [p for p in err.problems if p.severity == "error"]
            st.error(t("cur_failed", n=len(errors)))
            lines = []
            for key, problems in queue.problem_items(entry, errors).items():
                text = "; ".join(
                    review.problem_text(p, current.lang) if key else p.text(current.lang) for p in problems
                )
                if key:
                    part = key.split("/")[0]
                    lines.append(
                        t(
                            "q_item_problem",
                            n=keys.index(key) + 1,
                            total=len(keys),
                            kind=t(headings[part]),
                            problems=text,
                        )
                    )
                else:
                    lines.append(text)
            st.markdown("\n".join(f"- {ui.plain(line)}" for line in lines))
        else:  # drawn again from what is on disk now: the progress, the items marked saved
            after = queue.read_entry(entry.folder)
            known = review.already_held(current.catalog, [r for r in rows["documents"] if r["decision"] == "accepted"])
            # the items written: a document the data already had is marked saved, not written again
            n = sum(1 for k, d in after.decisions.items() if d == "saved" and entry.decisions.get(k) != "saved")
            n -= len(known)
            state[SAVED] = [
                review.saved_message(saved, current.lang, known),
                t("q_saved_all", n=n)
                if after.state == "accepted"
                else t("q_saved_some", n=n, left=after.total - after.decided),
            ]
            st.rerun()
for line in state.pop(SAVED, None) or []:
    st.success(line)
if reject_col.button(t("q_reject"), icon=":material/block:", key="queue_reject"):
    if not reason.strip():
        st.warning(t("q_need_note"))
    else:
        queue.set_state(entry, "rejected", who, reason)
        state[SAVED] = [t("q_rejected_done", id=entry.file)]  # drawn again: the list and the card say "đã loại"
        st.rerun()
if message := state.pop(MESSAGE, None):
    st.error(ui.plain(message[1]))
ui.footer(current)
