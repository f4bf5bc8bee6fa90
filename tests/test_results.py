"""Results: outcomes as the data states them (single place, range, total of one period, share of a target) and
trends between periods (points for rates, per year for counts over periods of different lengths)."""

from __future__ import annotations

import datetime as dt

import polars as pl

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
        "district": None,
        "commune": None,
        "breakdown": None,
        "status": "reported",
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
    assert (recognized["low"], recognized["low_name"], recognized["high"], recognized["high_name"]) == (
        306,
        "Hà Nam",
        1145,
        "Lạng Sơn",
    )
    assert recognized["total"] is None  # two provinces, two different periods: never added up
    assert every["category"].to_list()[:3] == ["dan_van_kheo", "dan_van_kheo", "chinh_quyen"]  # two per category


def test_a_target_gives_the_share_achieved_and_one_period_counts_add_up():
    rows = frame(
        [
            year(2023) | {"value": 90.0},
            year(2023) | {"value": 120.0, "status": "target"},
            year(2023) | {"indicator_id": "y", "value": 5.0},
            year(2023) | {"indicator_id": "y", "value": 7.0, "display_code": "44", "display_name": "Quảng Bình"},
        ]
    )
    found = {r["indicator_id"]: r for r in results.outcomes(rows).iter_rows(named=True)}
    assert found["x"]["achieved"] == 75.0 and found["x"]["target"] == 120.0 and found["x"]["one_value"] == 90.0
    assert found["y"]["total"] == 12.0 and found["y"]["places"] == 2 and found["y"]["achieved"] is None


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
