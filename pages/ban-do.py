"""Bản đồ: provinces coloured by an indicator or by number of visits, visit arcs, the islands; click → profile."""

import html

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt
from danvan.figures import maps

current = view.current()
ui.header(current, "page_map")
t, lang, scheme = current.t, current.lang, current.flt.scheme
choices = cached.map_indicators(current.catalog, current.flt)
left, right = st.columns([1, 2])
mode = left.radio(t("map_color_by"), ["visits", "indicator"], horizontal=True, key="map_mode",
                  format_func=lambda m: t("map_by_visits") if m == "visits" else t("map_by_indicator"))
unit = "count"
if mode == "indicator" and choices.is_empty():
    st.info(t("map_no_indicator"))
    mode = "visits"
if mode == "indicator":
    names = {r["indicator_id"]: r["name_en" if lang == "en" else "name_vi"] for r in choices.iter_rows(named=True)}
    indicator = right.selectbox(t("map_indicator"), list(names), format_func=names.__getitem__, key="map_indicator")
    unit = choices.filter(pl.col("indicator_id") == indicator)["unit"][0]
    values = cached.map_values(current.catalog, current.flt, indicator)
    legend_title = names[indicator]
else:
    values = cached.visit_counts(current.catalog, current.flt).with_columns(
        pl.lit(None, pl.List(pl.String)).alias("parts"), pl.lit(None, pl.List(pl.String)).alias("sources"),
        pl.lit(None, pl.List(pl.String)).alias("quotes"))
    legend_title = t("map_by_visits")


def tooltip(row: dict) -> str:
    """The hover text: formatted value, period, old units, and the source with its quoted sentence."""
    value = fmt.value(row["value"], unit, lang) if mode == "indicator" else t("map_events_of",
                                                                              n=fmt.number(row["value"], lang=lang))
    lines = [f"{legend_title}: {value}", t("map_period", period=fmt.period(row["period_start"], row["period_end"]))]
    if row["parts"] and (len(row["parts"]) > 1 or row["parts"][0] != row["display_name"]):
        lines.append(t("map_merged_note", parts=", ".join(row["parts"])))
    for source_id in row["sources"] or []:
        src = current.catalog.sources.filter(pl.col("source_id") == source_id).row(0, named=True)
        lines.append(f"{t('source')}: {src['title'] or source_id}")
    if mode == "indicator" and row["quotes"]:
        lines.append(f"“{row['quotes'][0][:220]}”")
    return "\n".join(lines)


tooltips = {row["display_code"]: tooltip(row) for row in values.iter_rows(named=True)}
# One arc per level, seat and host (not per visit): thousands of visits draw a few hundred arcs.
arcs = cached.visit_arcs(current.catalog, current.flt).with_columns(
    pl.col("body_level").replace_strict({k: list(v) for k, v in maps.ARC_COLORS.items()},
                                        return_dtype=pl.List(pl.Int64)).alias("color"),
    pl.format("{}\n{} → {}{}", pl.col("date_start").dt.strftime("%d/%m/%Y"), pl.col("body"),
              pl.col("province_name"), pl.when(pl.col("visits") > 1).then(pl.format(
                  " (" + t("map_events_of", n="{}") + ")", fmt.number_expr("visits", lang=lang))).otherwise(pl.lit(""))
              ).alias("tooltip"),
).select("from_lon", "from_lat", "to_lon", "to_lat", "color", "tooltip")

deck = cached.map_deck(maps.boundaries(f"provinces_{scheme}.geojson"),
                       maps.boundaries("hoangsa_truongsa.geojson"),
                       dict(values.select("display_code", "value").iter_rows()), tooltips, arcs,
                       no_data_text=t("map_no_data"))
map_col, legend_col = st.columns([3, 1], gap="medium")
with map_col:
    event = st.pydeck_chart(deck, height=760, on_select="rerun", selection_mode="single-object", key="map_select")
with legend_col:
    st.markdown(f"**{t('map_legend')}: {ui.plain(legend_title)}**")
    if values.height:
        rows = [(color, fmt.value(start, unit, lang) + ("" if start == end else " – " + fmt.value(end, unit, lang)))
                for start, end, color in maps.classes(values["value"].to_list())]
        rows.append((maps.NO_DATA, t("map_no_data")))
        st.html("".join(
            f'<div style="display:flex;align-items:center;gap:10px;margin:4px 0;font-size:18px">'
            f'<span style="width:28px;height:18px;background:rgb{c};border:1px solid #555"></span>'
            f"{html.escape(label)}</div>" for c, label in rows))
        periods = values.select("period_start", "period_end").unique()
        if mode == "visits":
            st.caption(t("map_period", period=f"{current.flt.years[0]}–{current.flt.years[1]}"))
        elif periods.height == 1:
            st.caption(t("map_period", period=fmt.period(periods["period_start"][0], periods["period_end"][0])))
        else:
            st.warning(t("map_periods_differ"))
    else:
        ui.empty(current)
    st.caption(t("map_arcs"))
    st.caption(t("map_click"))
    selected = (event.selection.objects.get("provinces") or []) if event else []
    if selected:
        props = selected[0]
        if st.button(t("map_open_profile", name=props["name_vi"]), type="primary", icon=":material/location_city:"):
            view.open_profile(props["code"])
st.caption(t("map_islands"))
st.caption(t("map_credit"))
ui.footer(current)
