"""Dòng thời gian: visits over time by level and kind, documents as milestones; a visit opens its findings."""

import polars as pl
import streamlit as st

from components import charts, ui, view
from danvan import fmt

current = view.current()
ui.header(current, "page_timeline")
t = current.t
visits = current.visits()

if visits.is_empty():
    ui.empty(current)
else:
    na = pl.lit("—")
    host = pl.concat_str([pl.col("district"), pl.lit(", "), pl.col("province_name")]).fill_null(
        pl.col("province_name")).fill_null(na)
    hover = pl.format(
        "<b>{}</b> · {}<br>{}<br>{}: {}<br>{}: {}<br>{}: {}",
        pl.col("date_start").dt.strftime("%d/%m/%Y"), pl.col("kind").replace_strict(
            {k: t("kind_" + k) for k in ("khao_sat", "kiem_tra", "giam_sat", "lam_viec", "hoi_nghi")}),
        ui.escaped(pl.col("body")), pl.lit(t("leader")),
        ui.escaped(pl.concat_str([pl.col("leader_name"), pl.col("leader_title")], separator=", ")).fill_null(na),
        pl.lit(t("host")), ui.escaped(host), pl.lit(t("documents_short")),
        pl.col("documents").list.join(", ").replace("", "—"),
    )
    rows = visits.with_columns(hover.alias("hover"))
    referenced = rows.select(pl.col("documents").explode()).drop_nulls()["documents"].unique()
    docs = current.catalog.documents.filter(pl.col("code").is_in(referenced.to_list()), pl.col("date").is_not_null())
    inside = docs.filter(pl.col("date").is_between(current.flt.start, current.flt.end))
    levels = {level: t("level_" + level) for level in ("central", "province", "district")}
    kinds = {kind: t("kind_" + kind) for kind in ("khao_sat", "kiem_tra", "giam_sat", "lam_viec", "hoi_nghi")}
    figure = charts.make_timeline_figure(rows, inside, level_labels=levels, kind_labels=kinds,
                                         lang=current.lang)
    event = st.plotly_chart(figure, on_select="rerun", selection_mode="points", key="timeline_chart", theme=None,
                            config={"displaylogo": False})
    st.caption(t("timeline_milestones"))
    outside = docs.filter(~pl.col("date").is_between(current.flt.start, current.flt.end))
    if outside.height:
        st.caption(t("timeline_outside", docs=", ".join(
            f"{code} ({fmt.date(day)})" for code, day in outside.select("code", "date").sort("date").iter_rows())))

    labels = dict(rows.select("visit_id", pl.format(
        "{} — {} → {}", pl.col("date_start").dt.strftime("%d/%m/%Y"), pl.col("body"),
        pl.col("province_name").fill_null("—"))).iter_rows())
    clicked = [p["customdata"][0] for p in (event.selection.points if event else []) if p.get("customdata")]
    if clicked:
        st.session_state["timeline_visit"] = clicked[0]
    st.caption(t("timeline_hint"))
    chosen = st.selectbox(t("timeline_pick"), list(labels), format_func=labels.__getitem__, key="timeline_visit")
    with st.container(border=True):
        ui.visit_details(current, rows.filter(pl.col("visit_id") == chosen).row(0, named=True))
ui.footer(current)
