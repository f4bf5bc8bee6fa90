"""components/cached.py's performance shortcuts give what the core gives without them."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pydeck as pdk
import pytest
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

from components import cached
from danvan.exports import report
from danvan.figures import maps
from danvan.filter import Filter

MADE = dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    "flt", [Filter(), Filter(provinces=("20",), years=(2021, 2024)), Filter(years=(2013, 2016), scheme="34")]
)
def test_slides_from_the_report_columns_equal_the_full_report(catalog, flt):
    st.cache_resource.clear()
    got = cached._report(catalog.version, flt, "vi", MADE, catalog)
    assert got == report.report(catalog, flt, "vi", MADE) and len(got.slides) > 2


def test_a_column_the_slides_need_and_the_list_lacks_falls_back_to_all(catalog, monkeypatch):
    monkeypatch.setattr(cached, "REPORT_COLUMNS", tuple(c for c in cached.REPORT_COLUMNS if c != "unit"))
    st.cache_resource.clear()
    flt = Filter(provinces=("20",))
    assert cached._report(catalog.version, flt, "en", MADE, catalog) == report.report(catalog, flt, "en", MADE)


def test_a_deck_with_remembered_shapes_is_the_same_json():
    geo, islands = maps.boundaries("provinces_63.geojson"), maps.boundaries("hoangsa_truongsa.geojson")

    def deck(code: str) -> pdk.Deck:
        return maps.make_map_deck(
            geo,
            islands,
            {code: 1.0},
            {code: "<b>x</b>"},
            pl.DataFrame(),
            no_data_text="—",
            view=pdk.ViewState(longitude=105, latitude=20, zoom=6),
        )

    shapes: dict = {}
    for code in ("20", "44", "20"):  # the first fills the shapes, the others use them
        plain = json.dumps(
            deck(code), sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False
        )
        fast = cached.SerializedDeck(deck(code), shapes).to_json()
        assert fast == plain
    assert len(shapes) > 63 and all(len(key) > 3 for key in shapes)
    other = maps.boundaries("provinces_34.geojson")  # other shapes at the same places: written again, not reused
    new = maps.make_map_deck(other, islands, {}, {}, pl.DataFrame(), no_data_text="—")
    assert cached.SerializedDeck(new, shapes).to_json() == json.dumps(
        maps.make_map_deck(other, islands, {}, {}, pl.DataFrame(), no_data_text="—"),
        sort_keys=True,
        default=default_serialize,
        separators=(",", ":"),
        ensure_ascii=False,
    )
