"""Dòng thời gian: visits over time by level and kind, documents as milestones; a visit opens its findings."""

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt, queries
from danvan.figures import charts

POINTS, LISTED = 2000, 300  # above POINTS visits the chart shows months, not visits; the list offers the newest

current = view.current()
ui.header(current, "page_timeline")
t = current.t
visits = current.visits()

if visits.is_empty():
    ui.empty(current)
else:
    many = visits.height > POINTS
    view.seed("timeline_visit", "su_kien", visits["visit_id"].to_list(), current.lang)  # a shared link's visit
    clicked_id = st.session_state.get("timeline_visit")
    listed = (
        pl.concat([visits.head(LISTED), visits.filter(pl.col("visit_id") == (clicked_id or ""))]).unique(
            "visit_id", keep="first", maintain_order=True
        )
        if many
        else visits
    )
    places = cached.place_label_frame(current.catalog, current.lang)  # made once per catalog
    rows = listed.with_columns(charts.timeline_hover(current.lang, labels=places))
    points = rows
    if many:  # one point per month, visiting level and kind: a figure of a few thousand points at most
        points = charts.timeline_buckets(cached.visit_buckets(current.catalog, current.flt), current.lang)
    referenced = cached.document_references(current.catalog, current.flt)["documents"].drop_nulls().unique()
    docs = current.catalog.documents.filter(pl.col("code").is_in(referenced.to_list()), pl.col("date").is_not_null())
    inside = docs.filter(pl.col("date").is_between(current.flt.start, current.flt.end))
    levels, kinds = charts.timeline_labels(current.lang)
    if current.flt.levels:  # the lanes of the levels the filter keeps (empty lanes were drawn for the others)
        levels = {level: label for level, label in levels.items() if level in current.flt.levels}
    figure = charts.make_timeline_figure(points, inside, level_labels=levels, kind_labels=kinds, lang=current.lang)
    event = st.plotly_chart(
        figure,
        on_select="rerun",
        selection_mode="points",
        key="timeline_chart",
        theme=None,
        config=charts.plotly_config(current.lang),
    )
    st.caption(t("timeline_milestones"))
    outside = docs.filter(~pl.col("date").is_between(current.flt.start, current.flt.end))
    if outside.height:
        st.caption(
            t(
                "timeline_outside",
                docs=", ".join(
                    f"{code} ({fmt.date(day)})" for code, day in outside.select("code", "date").sort("date").iter_rows()
                ),
            )
        )

    labels = dict(
        rows.select(
            "visit_id",
            pl.format(
                "{} — {} → {}",
                fmt.visit_date_expr(),
                pl.col("body"),
                queries.host_name(current.lang, labels=places).fill_null("—"),
            ),
        ).iter_rows()
    )
    clicked = [p["customdata"][0] for p in (event["selection"]["points"] if event else []) if p.get("customdata")]
    # The chart keeps its selection on every rerun: only a NEW click chooses the visit, so that a later choice in
    # the list is not reverted to the point clicked before.
    if clicked and clicked[0] != st.session_state.get("timeline_clicked"):
        st.session_state["timeline_clicked"] = clicked[0]
        st.session_state["timeline_visit"] = clicked[0]
        if clicked[0] not in labels:  # a month's newest visit, older than the list: add it and show it
            st.rerun()
    elif not clicked:
        st.session_state.pop("timeline_clicked", None)
    if many:
        st.caption(t("timeline_buckets", n=fmt.number(LISTED, lang=current.lang)))
    st.caption(t("timeline_hint"))
    chosen = st.selectbox(
        t("timeline_pick"), list(labels), format_func=labels.__getitem__, key="timeline_visit", placeholder=t("choose")
    )
    view.keep("su_kien", chosen)
    with st.container(border=True):
        ui.visit_details(current, rows.filter(pl.col("visit_id") == chosen).row(0, named=True))
ui.footer(current)
