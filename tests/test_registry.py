import datetime as dt
import unicodedata

import polars as pl
import pytest
from conftest import DATA

from danvan.registry import Registry

BEFORE, AFTER = dt.date(2024, 1, 1), dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def registry(catalog):
    return Registry(catalog.units, catalog.places)


def test_units_of_both_schemes(catalog):
    counts = dict(catalog.units.group_by("scheme").len().iter_rows())
    assert counts == {"63": 63, "34": 34}
    assert set(catalog.units.columns) >= {"scheme", "code", "name_vi", "name_en", "region", "new_code"}
    assert catalog.units.filter(scheme="34")["new_code"].null_count() == 34


@pytest.mark.parametrize(
    ("text", "day", "code", "name"),
    [
        ("Hòa Bình", BEFORE, "17", "Hòa Bình"),
        ("Hoà Bình", BEFORE, "17", "Hòa Bình"),
        ("tỉnh Thanh Hoá", BEFORE, "38", "Thanh Hóa"),
        ("Thừa Thiên - Huế", BEFORE, "46", "Thừa Thiên Huế"),
        ("Thừa Thiên–Huế", BEFORE, "46", "Thừa Thiên Huế"),
        ("TP. HCM", BEFORE, "79", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", BEFORE, "79", "Hồ Chí Minh"),
        ("Đăk Lăk", BEFORE, "66", "Đắk Lắk"),
        ("Dak Lak", BEFORE, "66", "Đắk Lắk"),
        ("Bắc Cạn", BEFORE, "06", "Bắc Kạn"),
        ("\u00d0à Nẵng", BEFORE, "48", "Đà Nẵng"),
        ("Hanoi", BEFORE, "01", "Hà Nội"),
        ("Haiphong", BEFORE, "31", "Hải Phòng"),
        ("Lang Son", BEFORE, "20", "Lạng Sơn"),
        # after 1/7/2025 an old name resolves to the unit it merged into
        ("Hà Giang", AFTER, "08", "Tuyên Quang"),
        ("Quảng Bình", AFTER, "44", "Quảng Trị"),
        ("Thừa Thiên Huế", AFTER, "46", "Huế"),
        ("Bà Rịa - Vũng Tàu", AFTER, "79", "Hồ Chí Minh"),
    ],
)
def test_province_spellings(registry, text, day, code, name):
    unit = registry.province(text, on=day)
    assert (unit.code, unit.name_vi) == (code, name)
    assert unit.scheme == ("63" if day == BEFORE else "34")


def test_nfd_input_resolves_like_nfc(registry):
    assert registry.province(unicodedata.normalize("NFD", "Quảng Bình"), BEFORE).code == "44"


def test_unknown_province_is_none(registry):
    assert registry.province("Atlantis", BEFORE) is None


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("huyện Lệ Thủy", "44"),
        ("Lệ Thuỷ", "44"),
        ("Lâm Hà", "68"),
        ("Ba Bể", "06"),
        ("TP Bắc Kạn", "06"),
        ("thành phố Phủ Lý", "35"),
        ("Chư Păh", "64"),
        ("Vạn Ninh", "56"),
        ("Xuyên Mộc", "77"),
        ("xã Trường Thủy", "44"),
    ],
)
def test_district_and_commune_names(registry, text, province):
    assert registry.place(text).province_code == province


@pytest.mark.parametrize(
    ("text", "province", "level"),
    [
        ("huyện Chợ Đồn", "06", "district"),
        ("H. Chợ Đồn", "06", "district"),
        ("huyen Cho Don", "06", "district"),
        ("huyện Bắc Trà My", "49", "district"),
        ("xã Thiên Lộc (Can Lộc)", "42", "commune"),
        ("thị trấn Phước Bửu", "77", "township"),
        ("phường Nguyễn Thị Minh Khai", "06", "ward"),
    ],
)
def test_places_fall_back_to_the_gazetteer(registry, text, province, level):
    place = registry.place(text)
    assert (place.province_code, place.level) == (province, level)


def test_places_csv_keeps_only_what_the_gazetteer_cannot_know(registry):
    listed = pl.read_csv(DATA / "places.csv", schema_overrides={"province_code": pl.String})
    for name, province in listed.select("name", "province_code").iter_rows():
        assert registry.resolve_place(name, province).status != "found", f"{name} ({province}) is in the gazetteer"


def test_the_catalog_knows_the_kind_of_every_place_the_records_name(catalog):
    # places.csv is (nearly) empty: the loader adds each district and commune named, with its kind from the gazetteer
    kinds = {(n, p): level for n, level, p in catalog.places.select("name", "level", "province_code").iter_rows()}
    assert kinds[("Bắc Kạn", "06")] == "city" and kinds[("Ba Bể", "06")] == "district"
    assert kinds[("Trường Thủy", "44")] == "commune"


def test_ambiguous_place_is_none_with_candidates(registry):
    assert registry.place("xã Tân Lập") is None
    res = registry.resolve_place("xã Tân Lập")
    assert res.status == "ambiguous"
    assert len({m.province_code for m in res.candidates}) > 3
