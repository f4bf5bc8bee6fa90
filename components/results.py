"""The overview's lead: results for the filter (danvan.results) — outcomes with their place, period and source, the
share of a target where the data holds one, and each indicator's change since its previous period."""

from __future__ import annotations

import streamlit as st

from danvan import fmt, queries
from danvan.i18n import name_column

from . import cached, ui
from .view import View

TRENDS = 12  # rows of the trends table on the overview


def section(view: View) -> None:
    """Outcomes as cards, then the trends table (or a sentence saying why there is none)."""
    t, lang = view.t, view.lang
    found = cached.outcomes(view.catalog, view.flt)
    st.subheader(t("results_title"))
    if found.is_empty():
        st.caption(t("results_none"))
    else:
        st.caption(t("results_note"))
        for start in range(0, found.height, 3):
            for column, row in zip(st.columns(3), found.slice(start, 3).iter_rows(named=True), strict=False):
                with column.container(border=True):
                    _outcome(view, row)
    moved, count = cached.trends(view.catalog, view.flt, TRENDS)
    st.subheader(t("trends_title"))
    if moved.is_empty():
        st.caption(t("trends_none"))
        return
    st.caption(t("trends_note"))
    st.dataframe(_trend_table(view, moved), hide_index=True)
    if count > TRENDS:
        st.caption(t("trends_more", n=fmt.number(count - TRENDS, lang=lang)))


def _outcome(view: View, row: dict) -> None:
    t, lang = view.t, view.lang
    name = row[name_column(lang)]
    period = fmt.period(row["period_start"], row["period_end"], lang)
    if row["places"] == 1:
        value = fmt.value(row["one_value"], row["unit"], lang, row["one_qualifier"])
        detail = f"{ui.host(view, row['one_unit'])} · {t('period')} {period} · {t('status_' + row['one_status'])}"
    elif row["total"] is not None:
        value = fmt.value(row["total"], row["unit"], lang, row["total_qualifier"])
        detail = t("results_total", n=row["places"], period=period)
    else:
        low_value = fmt.value(row["low"], row["unit"], lang, row["low_qualifier"])
        high_value = fmt.value(row["high"], row["unit"], lang, row["high_qualifier"])
        # a range only within one period: a year's 306 and three years' 1.145 are two figures, not "306 – 1.145"
        two = row["places"] == 2
        value = (
            f"{low_value} – {high_value}"
            if row["one_period"]
            else t("results_two_values" if two else "results_low_high", low=low_value, high=high_value)
        )
        low, high = ui.host(view, row["low_unit"]), ui.host(view, row["high_unit"])
        if row["one_period"]:
            detail = t("results_range", n=row["places"], low=low, high=high, period=period)
        else:  # each value its own period: one span over both would say both are of it
            detail = t(
                "results_range_periods" if two else "results_low_high_periods",
                n=row["places"],
                low=low,
                high=high,
                low_period=fmt.period(*row["low_period"].values(), lang),
                high_period=fmt.period(*row["high_period"].values(), lang),
                low_value=low_value,
                high_value=high_value,
            )
    st.markdown(f"**{ui.plain(name)}**")  # the whole name, wrapped: a metric's label is cut with "…"
    st.metric(ui.plain(name), value, label_visibility="collapsed")
    st.caption(detail)
    if row["achieved"] is not None:
        st.markdown(
            t(
                "results_achieved",
                share=fmt.percent(row["achieved"], lang=lang),
                target=fmt.value(row["target"], row["unit"], lang),
            )
        )
    if (
        row["places"] == 1
        and row["one_computed_percent"] is not None
        and row["unit"] == "percent"
        and abs(row["one_computed_percent"] - row["one_value"]) > 1
    ):
        st.caption(queries.ratio_mismatch_note(row["one_numerator"], row["one_denominator"], lang))
    if row["places"] == 1:
        with st.expander(t("quote")):
            ui.quote(view, row["one_source_id"], row["one_quote"])
    elif row["total"] is None:  # two figures of their own places and periods: the sentence of each
        with st.expander(t("quote")):
            for end in ("low", "high"):
                st.markdown(f"**{ui.host(view, row[end + '_unit'])}**")
                ui.quote(view, row[end + "_quote"]["source_id"], row[end + "_quote"]["quote"])


def _trend_table(view: View, moved) -> list[dict]:
    t, lang = view.t, view.lang
    rows = []
    for row in moved.iter_rows(named=True):
        place = ui.place(view, row)
        unit = row["unit"]
        if unit == "percent":
            change = t("trends_points", n=fmt.number(row["change"], 1, lang=lang))
        else:
            change = fmt.number(row["change"], lang=lang) + (t("trends_per_year") if row["per_year"] else "")
            if row["change_percent"] is not None:
                change += f" ({fmt.percent(row['change_percent'], 1, lang=lang)})"
        if row["change"] > 0:
            change = "+" + change
        rows.append(
            {
                t("trends_indicator"): row[name_column(lang)] + (f" — {row['breakdown']}" if row["breakdown"] else ""),
                t("place"): place,
                t("trends_periods"): " → ".join(
                    fmt.period(p["period_start"], p["period_end"], lang)
                    + ": "
                    + fmt.value(p["value"], unit, lang, p["qualifier"])
                    for p in row["periods"]
                ),
                t("trends_change"): change,
            }
        )
    return rows
