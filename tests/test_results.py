"""Results: outcomes as the data states them (single place, range, total of one period, share of a target) and
trends between periods (points for rates, per year for counts over periods of different lengths)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from danvan import queries, results
from danvan.filter import Filter


def frame(rows: list[dict]) -> pl.DataFrame:
    base = {
        "indicator_id": "x",
        "name_vi": "X",
        "name_en": "X",
        "unit": "count",
        "aggregation": "sum",
        "category": "dan_van_kheo",
        "higher_is_better": True,
        "display_code": "20",
        "display_name": "Lạng Sơn",
        "province_name": "Lạng Sơn",
        "district": None,
        "commune": None,
        "breakdown": None,
        "status": "reported",
        "qualifier": None,
        "source_id": "s",
        "quote": "q",
        "computed_percent": None,
        "numerator": None,
        "denominator": None,
    }
    return pl.DataFrame([base | r for r in rows])


def year(y: int, last: int | None = None) -> dict:
    return {"period_start": dt.date(y, 1, 1), "period_end": dt.date(last or y, 12, 31)}


def test_outcomes_of_the_real_data(catalog):
    one = results.outcomes(queries.province_totals(queries.observations(catalog, Filter(provinces=("20",)))))
    first = one.row(0, named=True)
    assert first["indicator_id"] == "dvk_models_built" and first["one_value"] == 1973 and first["places"] == 1
    assert "dvk_models_recognized" in one["indicator_id"].to_list()
    every = results.outcomes(queries.province_totals(queries.observations(catalog, Filter(years=(2017, 2024)))))
    recognized = every.filter(pl.col("indicator_id") == "dvk_models_recognized").row(0, named=True)
    assert (recognized["low"], recognized["low_unit"], recognized["high"], recognized["high_unit"]) == (
        306,
        {"display_name": "Hà Nam", "province_name": "Hà Nam"},
        1145,
        {"display_name": "Lạng Sơn", "province_name": "Lạng Sơn"},
    )
    assert recognized["total"] is None  # two provinces, two different periods: never added up
    # each end of the range with its own period: one span over both would say both are of 2021–2023
    assert not recognized["one_period"]
    assert (recognized["low_period"], recognized["high_period"]) == (
        {"period_start": dt.date(2022, 1, 1), "period_end": dt.date(2022, 12, 31)},
        {"period_start": dt.date(2021, 1, 1), "period_end": dt.date(2023, 12, 31)},
    )
    merged = results.outcomes(
        queries.province_totals(queries.observations(catalog, Filter(years=(2017, 2024), scheme="34")))
    )
    recognized = merged.filter(pl.col("indicator_id") == "dvk_models_recognized").row(0, named=True)
    assert recognized["low_unit"] == {"display_name": "Ninh Bình", "province_name": "Hà Nam"}
    assert every["category"].to_list()[:3] == ["dan_van_kheo", "dan_van_kheo", "chinh_quyen"]  # two per category


def test_a_target_gives_the_share_achieved_and_one_period_counts_add_up():
    rows = frame(
        [
            year(2023) | {"value": 90.0},
            year(2023) | {"value": 120.0, "status": "target"},
            year(2023) | {"indicator_id": "y", "value": 5.0},
            year(2023)
            | {
                "indicator_id": "y",
                "value": 7.0,
                "display_code": "44",
                "display_name": "Quảng Bình",
                "province_name": "Quảng Bình",
            },
        ]
    )
    found = {r["indicator_id"]: r for r in results.outcomes(rows).iter_rows(named=True)}
    assert found["x"]["achieved"] == 75.0 and found["x"]["target"] == 120.0 and found["x"]["one_value"] == 90.0
    assert found["y"]["total"] == 12.0 and found["y"]["places"] == 2 and found["y"]["achieved"] is None


def test_units_merged_in_2025_stay_apart_under_the_34_unit_scheme():
    """Hà Nam's and Nam Định's values are two places of Ninh Bình: never one value (the latest of either) nor one
    trend running from one province's figure to the other's."""
    ninh_binh = {"display_code": "37", "display_name": "Ninh Bình"}
    rows = frame(
        [
            year(2022) | ninh_binh | {"province_name": "Hà Nam", "value": 306.0},
            year(2023) | ninh_binh | {"province_name": "Nam Định", "value": 500.0},
        ]
    )
    found = results.outcomes(rows).row(0, named=True)
    assert found["places"] == 2 and (found["low"], found["high"]) == (306.0, 500.0)
    assert found["high_unit"] == {"display_name": "Ninh Bình", "province_name": "Nam Định"}
    assert results.trends(rows).is_empty()


def test_a_qualified_value_keeps_its_word_and_a_sum_keeps_the_parts_word():
    rows = frame(
        [
            year(2023) | {"value": 9500.0, "qualifier": "hơn"},
            year(2023)
            | {"value": 100.0, "display_code": "44", "display_name": "Quảng Bình", "province_name": "Quảng Bình"},
        ]
    )
    found = results.outcomes(rows).row(0, named=True)
    assert (found["total"], found["total_qualifier"]) == (9600.0, "hơn")  # over 9.500 and 100 is over 9.600
    assert (found["low_qualifier"], found["high_qualifier"]) == (None, "hơn")
    mixed = rows.with_columns(pl.Series("qualifier", ["hơn", "gần"]))
    assert results.outcomes(mixed)["total_qualifier"].to_list() == ["khoảng"]
    assert results.outcomes(rows.head(1))["one_qualifier"].to_list() == ["hơn"]


def test_trends_compare_with_the_previous_period():
    rows = frame(
        [
            year(2017, 2020) | {"value": 400.0},
            year(2021, 2023) | {"value": 600.0},
            year(2022) | {"indicator_id": "r", "unit": "percent", "aggregation": "none", "value": 70.0},
            year(2023) | {"indicator_id": "r", "unit": "percent", "aggregation": "none", "value": 81.5},
            year(2023)
            | {"indicator_id": "r", "unit": "percent", "aggregation": "none", "value": 95.0, "status": "target"},
            year(2023) | {"indicator_id": "alone", "value": 3.0},
        ]
    )
    moved = {r["indicator_id"]: r for r in results.trends(rows).iter_rows(named=True)}
    assert set(moved) == {"x", "r"}  # one period: nothing to compare with
    assert moved["x"]["per_year"] and moved["x"]["change"] == 100.0  # 600/3 − 400/4
    assert moved["x"]["change_percent"] == 100.0
    assert moved["r"]["change"] == 11.5 and moved["r"]["change_percent"] is None and not moved["r"]["per_year"]
    assert [p["value"] for p in moved["r"]["periods"]] == [70.0, 81.5]  # the target is not a period's value


def test_no_trend_in_the_seed_data(catalog):
    assert results.trends(queries.observations(catalog, Filter(years=(2008, 2026)))).is_empty()


TREND_FILTERS = [
    Filter(),
    Filter(years=(2016, 2022)),
    Filter(years=(2020, 2020)),
    Filter(provinces=("01", "79"), years=(2015, 2020)),
    Filter(provinces=("20",)),
    Filter(years=(2013, 2016), scheme="34"),
    Filter(years=(2025, 2026), scheme="34"),
    Filter(provinces=("01",), scheme="34"),
]


@pytest.mark.parametrize("n", [1, 12, 10_000])
def test_top_trends_equal_the_filters_own(catalog, small_scale, n):
    """The overview's trends come from rows de-duplicated and ranked once per catalog (top_trends): the same rows,
    in the same order, and the same count as trends() of the filter's observations, on the curated data (which has
    none) and on the generated data (which has hundreds)."""
    seen = 0
    for data in (catalog, small_scale):
        tables = {scheme: queries.observation_table(data, scheme) for scheme in ("63", "34")}
        rows = {scheme: results.trend_rows(table) for scheme, table in tables.items()}
        for flt in TREND_FILTERS:
            table = tables[flt.scheme]
            expected = results.trends(queries.observations(data, flt, table))
            top, count = results.top_trends(table, rows[flt.scheme], queries.in_filter(flt), n)
            assert count == expected.height, flt
            assert top.equals(expected.head(n)), flt
            seen += count
    assert seen == 32  # the generated data has trends to compare (one fewer since two merged units stay apart)


def test_top_trends_keep_trends_order_for_equal_keys_and_copies():
    """Two units of one name (equal keys: listed by their first value in the filter, which a filter on years can
    change), copies of a value (the last kept), a target (never a period's value), a third indicator ranked first."""
    rows = frame(
        [
            year(2015) | {"display_code": "A", "display_name": "Same", "value": 1.0},
            year(2018) | {"display_code": "B", "display_name": "Same", "value": 2.0},
            year(2019) | {"display_code": "A", "display_name": "Same", "value": 3.0},
            year(2020) | {"display_code": "B", "display_name": "Same", "value": 4.0},
            year(2021) | {"display_code": "A", "display_name": "Same", "value": 5.0},
            year(2021) | {"display_code": "A", "display_name": "Same", "value": 6.0},  # a copy: the last is kept
            year(2021) | {"display_code": "A", "display_name": "Same", "value": 9.0, "status": "target"},
            year(2019) | {"indicator_id": "c", "category": "van_ban", "value": 7.0},
            year(2022) | {"indicator_id": "c", "category": "van_ban", "value": 8.0},
            year(2019) | {"indicator_id": "b", "category": "chinh_quyen", "value": 7.0},
            year(2020) | {"indicator_id": "b", "category": "chinh_quyen", "value": 8.0},
        ]
    )
    index = results.trend_rows(rows)
    for flt in (Filter(years=(2014, 2022)), Filter(years=(2018, 2021)), Filter(provinces=("A",), years=(2014, 2022))):
        expected = results.trends(rows.filter(queries.in_filter(flt)))
        for n in (1, 2, 3, 10):
            top, count = results.top_trends(rows, index, queries.in_filter(flt), n)
            assert count == expected.height and top.equals(expected.head(n)), (flt, n)
    every = results.top_trends(rows, index, queries.in_filter(Filter(years=(2014, 2022))), 10)[0]
    assert every["indicator_id"].to_list() == ["x", "x", "b", "c"]
    assert every["display_code"].to_list()[:2] == ["A", "B"]  # A's first value (2015) comes before B's (2018)
    assert [p["value"] for p in every["periods"][0]] == [1.0, 3.0, 6.0]
    later = results.top_trends(rows, index, queries.in_filter(Filter(years=(2018, 2021))), 10)[0]
    assert later["display_code"].to_list()[:2] == ["B", "A"]  # without 2015, B's 2018 comes first
