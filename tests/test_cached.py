"""components/cached.py's performance shortcuts give what the core gives without them."""

from __future__ import annotations

import datetime as dt

import pytest
import streamlit as st

from components import cached
from danvan.exports import report
from danvan.filter import Filter

MADE = dt.date(2026, 1, 5)


@pytest.mark.parametrize("flt", [Filter(), Filter(provinces=("20",), years=(2021, 2024)),
                                 Filter(years=(2013, 2016), scheme="34")])
def test_slides_from_the_report_columns_equal_the_full_report(catalog, flt):
    st.cache_resource.clear()
    got = cached._report(catalog.version, flt, "vi", MADE, catalog)
    assert got == report.report(catalog, flt, "vi", MADE) and len(got.slides) > 2


def test_a_column_the_slides_need_and_the_list_lacks_falls_back_to_all(catalog, monkeypatch):
    monkeypatch.setattr(cached, "REPORT_COLUMNS", tuple(c for c in cached.REPORT_COLUMNS if c != "unit"))
    st.cache_resource.clear()
    flt = Filter(provinces=("20",))
    assert cached._report(catalog.version, flt, "en", MADE, catalog) == report.report(catalog, flt, "en", MADE)
