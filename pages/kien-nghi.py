"""Theo dõi kiến nghị: every direction or recommendation the filter's visits gave, by province, the open ones first,
with the state a curator marked from a later source; curators add marks through danvan.store (followups.yaml)."""

import datetime as dt

import streamlit as st

from components import auth, cached, ui, view
from danvan import DataError, fmt, followup, store

current = view.current()
ui.header(current, "page_followup")
t, lang = current.t, current.lang
st.caption(t("fu_note"))
if "fu_saved" in st.session_state:
    st.success(st.session_state.pop("fu_saved"), icon=":material/check:")


def curator() -> str | None:
    """The signed-in curator's account name, or None: viewers see the list, never the form that marks."""
    account = auth.current()
    return account.username if account is not None and account.can("save") else None


recs = cached.recommendations(current.catalog, current.flt)
if recs.is_empty():
    st.info(t("fu_none", filter=ui.plain(current.filter_label())), icon=":material/search_off:")
else:
    counted = followup.counts(recs)
    for column, state in zip(st.columns(len(followup.STATES)), followup.STATES, strict=True):
        column.metric(t("fu_state_" + state), fmt.number(counted[state], lang=lang), border=True)
    view.seed("fu_all", "tat_ca", None, lang)
    show_all = st.toggle(t("fu_show_all"), key="fu_all")
    view.keep("tat_ca", 1 if show_all else None)
    groups = followup.by_province(recs, open_only=not show_all, lang=lang)
    if not groups:
        st.success(t("fu_all_closed"))
    for place, rows in groups:
        still = sum(n for state, n in followup.counts(rows).items() if state in followup.STILL_OPEN)
        st.subheader(t("fu_open_in", place=ui.plain(place), n=still))
        # each visit's date written once for the group (a frame per item otherwise)
        for rec in rows.with_columns(fmt.visit_date_expr().alias("when")).iter_rows(named=True):
            with st.container(border=True):
                st.markdown(
                    f"**{ui.plain(rec['text'])}** · :{'gray' if rec['state'] == followup.NONE else 'blue'}"
                    f"-badge[{t('fu_state_' + rec['state'])}]"
                )
                # the event by its kind ("Khảo sát", "Hội nghị tổng kết, sơ kết": a body's own conference is no
                # delegation), a delegation's host after its arrow, a conference's place after a dot, none if unknown
                host = ui.host(current, rec)
                joint = " · " if rec["kind"] == "hoi_nghi" else " → "
                st.caption(
                    f"{t('kind_' + rec['kind'])}: {rec['when']} — {ui.plain(rec['body'])}{joint + host if host else ''}"
                )
                opened = f"open_{rec['visit_id']}_{rec['finding']}"
                if st.button(t("fu_open"), key=opened, type="tertiary", icon=":material/arrow_forward:"):
                    view.go("dong-thoi-gian", {"su_kien": rec["visit_id"]})  # in this tab
                with st.expander(t("fu_given")):
                    ui.quote(current, rec["source_id"], rec["finding_quote"])
                if rec["marks"]:
                    st.markdown(
                        t("fu_mark", state=t("fu_state_" + rec["state"]), day=fmt.date(rec["state_date"]))
                        + (" " + t("fu_marks", n=rec["marks"]) if rec["marks"] > 1 else "")
                    )
                    if rec["state_source"]:
                        ui.quote(current, rec["state_source"], rec["state_quote"])
                    if rec["state_note"]:
                        st.caption(ui.plain(rec["state_note"]))

author = curator()
if author and not recs.is_empty():
    st.divider()
    st.subheader(t("fu_form"))
    labels = {
        f"{r['visit_id']}#{r['finding']}": f"{fmt.date(r['date_start'], r['date_precision'])} · "
        f"{r['display_name'] or '—'} · {r['text'][:90]}"
        for r in recs.iter_rows(named=True)
    }
    sources = current.catalog.sources.sort("published", descending=True, nulls_last=True)
    titles = dict(sources.select("source_id", "title").iter_rows())
    with st.form("fu_mark_form"):
        picked = st.selectbox(t("fu_pick"), list(labels), format_func=labels.__getitem__, key="fu_pick")
        state = st.radio(
            t("fu_state"),
            followup.FOLLOWUP_STATES,
            horizontal=True,
            key="fu_state",
            format_func=lambda s: t("fu_state_" + s),
        )
        day = st.date_input(t("fu_date"), value=dt.date.today(), format="DD/MM/YYYY", key="fu_date", width=360)
        source = st.selectbox(
            t("fu_source"),
            [None, *titles],
            key="fu_source",
            format_func=lambda s: "—" if s is None else f"{s} — {titles[s] or ''}",
        )
        quote = st.text_area(t("fu_quote"), key="fu_quote", height=90)
        reason = st.text_input(t("fu_reason"), key="fu_reason")
        submitted = st.form_submit_button(t("fu_save"), type="primary", icon=":material/save:")
    if submitted:
        visit_id, finding = picked.rsplit("#", 1)
        if not reason.strip():
            st.warning(t("fu_need_reason"))
        else:
            mark = followup.record(
                visit_id,
                int(finding),
                state,
                day,
                source,
                quote,
                reason,
                followup.next_id(current.catalog.followups, visit_id, int(finding), day),
            )
            try:
                saved = store.save(cached.data_path(), {"followups": [mark]}, author=author, note=reason)
            except DataError as err:
                errors = [p for p in err.problems if p.severity == "error"]
                st.error(t("fu_failed", n=len(errors)))
                st.code("\n".join(p.text(lang) for p in errors), language=None)
            else:  # read again: the next run loads the saved file (its stamp changed) and shows the mark
                st.session_state["fu_saved"] = t("fu_saved", files=", ".join(saved.files))
                st.rerun()
ui.footer(current)
