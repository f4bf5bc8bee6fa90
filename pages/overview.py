"""Tổng quan: headline numbers for the filter, indicator highlights with their periods, the latest visits."""

import polars as pl
import streamlit as st

from components import ui, view
from danvan import fmt, queries

current = view.current()
ui.header(current, "page_overview")
visits = current.visits()
observations = current.observations()

if visits.is_empty() and observations.is_empty():
    ui.empty(current)
else:
    numbers = queries.headline(current.catalog, current.flt)
    for column, key in zip(st.columns(5), ("visits", "provinces", "documents", "observations", "sources"),
                           strict=True):
        label = {"provinces": "provinces_visited"}.get(key, key)
        column.metric(current.t(label), fmt.number(numbers[key], lang=current.lang), border=True)

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(current.t("latest_visits"))
        if visits.is_empty():
            ui.empty(current)
        for visit in visits.head(6).iter_rows(named=True):
            with st.container(border=True):
                host = ", ".join(ui.plain(x) for x in (visit["commune"], visit["district"], visit["province_name"])
                                 if x)
                st.markdown(
                    f"**{fmt.date(visit['date_start'], visit['date_precision'])}** · "
                    f"{current.t('kind_' + visit['kind'])} · {current.t('level_' + visit['body_level'])}  \n"
                    f"**{ui.plain(visit['body'])}** → {host or '—'}"
                )
                st.markdown(ui.plain(visit["summary"]))
                with st.expander(current.t("quote")):
                    ui.quote(current, visit["source_id"], visit["quote"])
    with right:
        st.subheader(current.t("highlights"))
        if observations.is_empty():
            ui.empty(current)
        # The latest province-level totals: one per province first, then other fields, six at most.
        totals = (observations.filter(pl.col("level") == "province", pl.col("breakdown").is_null())
                  .sort("period_end", descending=True))
        highlights = (pl.concat([totals.unique(subset="display_code", keep="first", maintain_order=True), totals])
                      .unique(subset=["display_code", "category"], keep="first", maintain_order=True).head(6))
        for obs in highlights.iter_rows(named=True):
            name = obs["name_en"] if current.lang == "en" else obs["name_vi"]
            with st.container(border=True):
                st.markdown(f"**{ui.plain(name)}**")
                st.metric(f"{ui.plain(obs['display_name'])} · {current.t('period')} "
                          f"{fmt.period(obs['period_start'], obs['period_end'])} · "
                          f"{current.t('status_' + obs['status'])}",
                          fmt.value(obs["value"], obs["unit"], current.lang))
                with st.expander(current.t("quote")):
                    ui.quote(current, obs["source_id"], obs["quote"])

        st.subheader(current.t("whats_new"))
        shown = pl.concat([visits.select("source_id"), observations.select("source_id")])["source_id"].unique()
        recent = (current.catalog.sources.filter(pl.col("source_id").is_in(shown.to_list()))
                  .sort("published", descending=True, nulls_last=True).head(4))
        for src in recent.iter_rows(named=True):
            st.markdown("- " + current.t(
                "whats_new_row", title=ui.source_line(current, src["source_id"]),
                visits=visits.filter(pl.col("source_id") == src["source_id"]).height,
                observations=observations.filter(pl.col("source_id") == src["source_id"]).height))
ui.footer(current)
