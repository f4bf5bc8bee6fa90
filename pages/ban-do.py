"""Bản đồ: provinces coloured by an indicator or by number of visits, visit arcs, the islands; click → profile."""

import html

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt
from danvan.figures import maps
from danvan.filter import years_label
from danvan.i18n import name_column

MAP_HEIGHT = 510

current = view.current()
ui.header(current, "page_map")
t, lang, scheme = current.t, current.lang, current.flt.scheme
choices = cached.map_indicators(current.catalog, current.flt)
left, right = st.columns([1, 2])
view.seed("map_mode", "to_mau", ["visits", "indicator"], lang)  # a shared link's choices
mode = left.radio(
    t("map_color_by"),
    ["visits", "indicator"],
    horizontal=True,
    key="map_mode",
    format_func=lambda m: t("map_by_visits") if m == "visits" else t("map_by_indicator"),
)
unit = "count"
if mode == "indicator" and choices.is_empty():
    st.info(t("map_no_indicator"))
    mode = "visits"
if mode == "indicator":
    names = dict(choices.select("indicator_id", name_column(lang)).iter_rows())
    view.seed("map_indicator", "chi_tieu_ban_do", list(names), lang)
    indicator = right.selectbox(
        t("map_indicator"), list(names), format_func=names.__getitem__, key="map_indicator", placeholder=t("choose")
    )
    view.keep("to_mau", mode)
    view.keep("chi_tieu_ban_do", indicator)
    unit = choices.filter(pl.col("indicator_id") == indicator)["unit"][0]
    values = cached.map_values(current.catalog, current.flt, indicator)
    legend_title = names[indicator]
else:
    values = cached.visit_counts(current.catalog, current.flt).with_columns(
        pl.lit(None, pl.List(pl.String)).alias("parts"),
        pl.lit(None, pl.List(pl.String)).alias("sources"),
        pl.lit(None, pl.List(pl.String)).alias("quotes"),
    )
    legend_title = t("map_by_visits")


# a province with no event has none, not "no data" (a leader's re-check)
no_data = t("map_no_visits") if mode == "visits" else t("map_no_data")

# One arc per level, seat and host (not per visit): thousands of visits draw a few hundred arcs. By indicator the
# provinces' colours are the map: the events' dots covered a small province (Hà Nam's 306) and took its hover.
visit_arcs = cached.visit_arcs(current.catalog, current.flt)
arcs = maps.arc_rows(visit_arcs if mode == "visits" else visit_arcs.clear(), lang)
tooltips = maps.tooltips(
    values, current.catalog.sources, legend_title=legend_title, unit=unit if mode == "indicator" else None, lang=lang
)
deck = cached.map_deck(
    maps.boundaries(f"provinces_{scheme}.geojson"),
    maps.boundaries("hoangsa_truongsa.geojson"),
    dict(values.select("display_code", "value").iter_rows()),
    tooltips,
    arcs,
    no_data_text=no_data,
)
map_col, legend_col = st.columns([3, 1], gap="medium")
with map_col:
    # 510 pixels: the whole country with Trường Sa (maps.VIEW) under the page's title on a 1366×768 laptop
    event = st.pydeck_chart(
        deck, height=MAP_HEIGHT, on_select="rerun", selection_mode="single-object", key="map_select"
    )
with legend_col:
    st.markdown(f"**{t('map_legend')}: {ui.plain(legend_title)}**")
    if values.height:
        rows = maps.legend(values["value"].to_list(), unit, lang, no_data)
        st.html(
            "".join(
                f'<div style="display:flex;align-items:center;gap:10px;margin:4px 0;font-size:18px">'
                f'<span style="width:28px;height:18px;background:rgb{c};border:1px solid #555"></span>'
                f"{html.escape(label)}</div>"
                for c, label in rows
            )
        )
        periods = values.select("period_start", "period_end").unique()
        if mode == "visits":
            st.caption(t("map_period", period=years_label(current.flt.years)))  # "2023", not "2023–2023"
            # the overview counts every event; one held at no province's place has no dot here
            placeless = current.visits()["province_code"].null_count()
            if placeless:
                st.caption(t("map_placeless", n=fmt.number(placeless, lang=lang)))
        elif periods.height == 1:
            st.caption(t("map_period", period=fmt.period(periods["period_start"][0], periods["period_end"][0], lang)))
        else:
            st.warning(t("map_periods_differ"))
    else:
        ui.empty(current)
    if mode == "indicator":  # what the map of provinces leaves out, and where it is
        below = cached.below_province(current.catalog, current.flt)
        if n := below.filter(pl.col("indicator_id") == indicator)["len"].sum():
            st.caption(t("map_below_province", n=fmt.number(n, lang=lang)))
        if only := below.join(choices, on="indicator_id", how="anti").height:
            st.caption(t("map_below_province_only", n=fmt.number(only, lang=lang)))
    if arcs.height:
        st.caption(t("map_arcs"))
        st.html(  # the dots' colours: the visiting body's level
            "".join(
                f'<div style="display:flex;align-items:center;gap:10px;margin:2px 0;font-size:16px">'
                f'<span style="width:14px;height:14px;border-radius:50%;background:rgb{color}"></span>'
                f"{html.escape(t('level_' + level))}</div>"
                for level, color in maps.ARC_COLORS.items()
            )
        )
    st.caption(t("map_click"))
    selected = (event["selection"]["objects"].get("provinces") or []) if event else []
    # A click opens the profile at once; the map keeps its selection, so only a new one opens it again.
    if selected and selected[0]["code"] != st.session_state.get("map_opened"):
        st.session_state["map_opened"] = selected[0]["code"]
        view.open_profile(selected[0]["code"])
    elif not selected:
        st.session_state.pop("map_opened", None)
st.caption(t("map_islands"))
st.caption(t("map_credit"))
ui.footer(current)
