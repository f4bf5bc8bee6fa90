"""The generated scale dataset (scripts/make_scale_data.py --small): it is in the data contract, deterministic,
visibly synthetic, loaded by the same loader, flagged as generated in the app, and the pre-aggregated queries the
app uses at scale give the same answers as the plain ones."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import unicodedata
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

import danvan
from danvan import loader, queries
from danvan.filter import Filter

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "ban-do", "dong-thoi-gian", "so-sanh", "ho-so-tinh", "van-ban", "nguon", "du-lieu"]


def _generator():
    spec = importlib.util.spec_from_file_location("make_scale_data", ROOT / "scripts" / "make_scale_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make():
    return _generator()


@pytest.fixture(scope="module")
def small(make, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scale") / "small"
    make.main(["--small", "--out", str(folder)])
    return folder


@pytest.fixture(scope="module")
def small_catalog(small) -> danvan.Catalog:
    return danvan.load(small, verify_quotes=False)


def test_small_dataset_has_the_promised_counts(small, small_catalog, make):
    catalog = small_catalog
    assert catalog.generated
    assert catalog.observations.height == make.SMALL.observations == 2000
    assert catalog.visits.height == make.SMALL.visits == 200
    assert catalog.indicators.height == 100
    assert catalog.units.group_by("scheme").len().sort("scheme").rows() == [("34", 34), ("63", 63)]
    assert catalog.units.equals(danvan.load(ROOT / "data").units)
    levels = dict(catalog.places.group_by("level").len().rows())
    assert levels == {"district": make.SMALL.districts, "commune": make.SMALL.communes_old + make.SMALL.communes_new}
    assert catalog.sources.height == 5 and set(catalog.texts) == set(catalog.sources["source_id"])
    assert (small / "observations.csv").is_file() and not (small / "observations.yaml").exists()


def test_distributions_look_like_the_real_thing(small_catalog):
    obs = small_catalog.observations.join(
        small_catalog.indicators.select(pl.col("id").alias("indicator_id"), "unit", "aggregation"), on="indicator_id"
    )
    assert set(obs["unit"]) == {"count", "percent", "average", "vnd"}
    assert set(obs.select(queries.level_expr().alias("level"))["level"]) == {"province", "district", "commune"}
    assert set(obs["status"]) == {"reported", "estimated", "target"}
    years = obs.select(pl.col("period_start").dt.year().min(), pl.col("period_end").dt.year().max()).row(0)
    assert years == (2013, 2026)
    assert obs.filter(queries.years_expr() > 1).height > 0  # multi-year phases (2016–2020 …)
    ratios = obs.filter(pl.col("numerator").is_not_null())
    assert ratios.height > 0 and (ratios["unit"] == "percent").all()
    percent = obs.filter(pl.col("unit") == "percent")["value"]
    assert percent.min() >= 0 and percent.max() <= 100
    visits = small_catalog.visits
    assert set(visits["body_level"]) == {"central", "province", "district"}
    assert visits.filter(pl.col("date_start") >= pl.date(2025, 7, 1))["body_level"].is_in(["central", "province"]).all()
    assert visits.filter(pl.col("date_end") > pl.col("date_start")).height > 0  # multi-day events
    assert visits["documents"].list.len().max() >= 2


def test_names_are_visibly_synthetic(small_catalog):
    places = small_catalog.places
    assert places.filter(pl.col("level") == "commune")["name"].str.starts_with("Xã Mẫu").all()
    assert places.filter(pl.col("level") == "district")["name"].str.starts_with("Huyện Mẫu").all()
    leaders = small_catalog.visits["leader_name"].drop_nulls()
    assert leaders.len() > 0 and leaders.str.starts_with("Cán bộ Mẫu").all()
    assert small_catalog.indicators["name_vi"].str.starts_with("Chỉ tiêu mẫu").all()
    assert small_catalog.sources["title"].str.contains("sinh tự động").all()
    assert small_catalog.visits["summary"].str.starts_with("Sự kiện mẫu sinh tự động").all()


def test_deterministic_for_a_seed(make, small, tmp_path):
    make.main(["--small", "--out", str(tmp_path / "again")])
    make.main(["--small", "--out", str(tmp_path / "other"), "--seed", "7"])
    for name in ("observations.csv", "visits.csv", "places.csv", "indicators.yaml", "dataset.yaml"):
        assert (small / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    assert (small / "observations.csv").read_bytes() != (tmp_path / "other" / "observations.csv").read_bytes()


def test_refuses_to_write_into_data(make):
    with pytest.raises(SystemExit):
        make.main(["--small", "--out", str(ROOT / "data" / "scale")])


def test_quotes_are_sentences_of_the_generated_texts(small):
    # The app skips the quote check for generated data, but the generated quotes would pass it.
    assert danvan.load(small).observations.height == 2000


def test_quote_check_is_skipped_only_for_generated_data(small, data_copy):
    assert loader.is_generated(small) and not loader.is_generated(ROOT / "data")
    with pytest.raises(danvan.DataError, match="generated: true"):
        danvan.load(data_copy, verify_quotes=False)


def test_csv_in_nfd_is_normalised(small, tmp_path):
    folder = tmp_path / "nfd"
    shutil.copytree(small, folder)
    path = folder / "visits.csv"
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    visits = danvan.load(folder, verify_quotes=False).visits
    assert visits["body"].str.contains("Ban Dân vận").any()
    assert visits["summary"].to_list() == danvan.load(small, verify_quotes=False).visits["summary"].to_list()


def _open(entry: Path, page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(entry), default_timeout=120)
    at.query_params.update(params)
    if page != "overview":
        at.switch_page(str(ROOT / "pages" / f"{page}.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(scope="module")
def entry(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("entry_scale")
    shutil.copy(ROOT / "app.py", folder / "app.py")
    return folder / "app.py"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_generated_data_with_the_banner(small, entry, page, monkeypatch):
    monkeypatch.setenv("DANVAN_DATA", str(small))
    at = _open(entry, page, nam="2013-2026")
    assert any("DỮ LIỆU SINH TỰ ĐỘNG" in e.value for e in at.error)
    at.sidebar.multiselect(key="f_tinh").set_value(["20"]).run()  # a filter change
    assert not at.exception, [e.value for e in at.exception]


def test_curated_data_has_no_banner(entry, monkeypatch):
    monkeypatch.setenv("DANVAN_DATA", str(ROOT / "data"))
    at = _open(entry, "overview")
    assert not any("DỮ LIỆU SINH TỰ ĐỘNG" in e.value for e in at.error)


FILTERS = [
    Filter(),
    Filter(years=(2019, 2021)),
    Filter(provinces=("20", "44")),
    Filter(years=(2025, 2026)),
    Filter(scheme="34"),
    Filter(years=(2016, 2024), scheme="34", provinces=("19",)),
]


@pytest.mark.parametrize("which", ["curated", "generated"])
def test_pre_aggregated_answers_equal_the_plain_ones(which, catalog, small_catalog):
    data = catalog if which == "curated" else small_catalog
    for flt in FILTERS:
        table = queries.observation_table(data, flt.scheme)
        obs = queries.observations(data, flt, table)
        assert obs.equals(table.filter(queries.in_filter(flt)))  # slices or a copy: the same rows, in order
        assert obs.equals(queries.observations(data, flt))
        visits = queries.visits(data, flt)
        totals = queries.take(queries.province_totals(table), queries.in_filter(flt))
        assert queries.highlights(obs).equals(queries.highlights(totals))
        assert queries.map_indicators(obs).equals(queries.map_indicators(totals))
        for name in ("name_vi", "name_en"):
            plain = queries.indicator_ranking(obs, name).with_columns(pl.col("places", "len").cast(pl.UInt32))
            ranked = queries.ranking_in(
                flt,
                queries.indicator_places(table),
                queries.observation_counts(table, "indicator_id"),
                data.indicators,
                name,
            )
            assert plain.equals(ranked), flt
        counts = queries.counts_in(queries.observation_counts(table, "source_id"), flt, "source_id")
        assert queries.recent_sources(data, visits, obs).equals(queries.recent_sources(data, visits, obs_counts=counts))
        assert queries.headline(data, flt) == queries.headline_counts(visits, obs_counts=counts)


def test_a_filter_on_years_is_served_without_copying(small_catalog):
    table = queries.observation_table(small_catalog, "63")
    national = queries.observations(small_catalog, Filter(years=(2016, 2020)), table)
    assert national.height > 0 and national.n_chunks() <= 16  # a few slices of the table, not a gather
    assert queries.observations(small_catalog, Filter(years=(2013, 2026)), table) is table
