"""Tổng quan: headline numbers for the filter, indicator highlights with their periods, the latest visits."""

import streamlit as st

from components import cached, results, ui, view
from danvan import fmt
from danvan.i18n import name_column

current = view.current()
ui.header(current, "page_overview")
visits = current.visits()
# counted from pre-aggregated tables: the overview reads no observation rows
numbers = cached.headline(current.catalog, current.flt)

if visits.is_empty() and not numbers["observations"]:
    ui.empty(current)
else:
    results.section(current)  # results first; what the filter holds after
    st.subheader(current.t("results_records"))
    for column, key in zip(st.columns(5), ("visits", "provinces", "documents", "observations", "sources"), strict=True):
        label = {"provinces": "provinces_visited"}.get(key, key)
        column.metric(current.t(label), fmt.number(numbers[key], lang=current.lang), border=True)
    ui.beyond_years(current)

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(current.t("latest_visits"))
        if visits.is_empty():
            ui.empty_part(current, "empty_visits")
        for visit in visits.head(6).iter_rows(named=True):
            with st.container(border=True):
                host = ui.host(current, visit)
                st.markdown(
                    f"**{fmt.visit_date(visit)}** · "
                    f"{current.t('kind_' + visit['kind'])} · {current.t('level_' + visit['body_level'])}  \n"
                    f"**{ui.plain(visit['body'])}** → {host or '—'}"
                )
                st.markdown(ui.plain(visit["summary"]))
                with st.expander(current.t("quote")):
                    ui.quote(current, visit["source_id"], visit["quote"])
    with right:
        st.subheader(current.t("highlights"))
        highlights = cached.highlights(current.catalog, current.flt)  # the latest province-level totals, six at most
        if not numbers["observations"]:
            ui.empty_part(current, "empty_values")
        elif highlights.is_empty():  # "besides the results above" only when there are some
            above = not cached.outcomes(current.catalog, current.flt).is_empty()
            st.info(current.t("highlights_none" if above else "highlights_none_at_all"), icon=":material/info:")
        for obs in highlights.iter_rows(named=True):
            name = obs[name_column(current.lang)]
            with st.container(border=True):
                ui.value_card(
                    current,
                    name,
                    fmt.value(obs["value"], obs["unit"], current.lang, obs["qualifier"]),
                    f"{ui.place(current, obs)} · {current.t('period')} "
                    f"{fmt.period(obs['period_start'], obs['period_end'], current.lang)} · "
                    f"{current.t('status_' + obs['status'])}",
                    obs,
                )
                with st.expander(current.t("quote")):
                    ui.quote(current, obs["source_id"], obs["quote"])

        st.subheader(current.t("whats_new"))
        for src in cached.recent_sources(current.catalog, current.flt).iter_rows(named=True):
            st.markdown(
                "- "
                + current.t(
                    "whats_new_row",
                    title=ui.source_line(current, src["source_id"]),
                    visits=src["visits"],
                    observations=src["observations"],
                )
            )
ui.footer(current)
