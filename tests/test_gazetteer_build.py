"""The gazetteer files (data/gazetteer/) built by scripts/build_gazetteer.py: consistent on their own, and equal to a
rebuild from the pinned packages whenever those are installed."""

from __future__ import annotations

import csv
import importlib.util
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GAZ = REPO / "data" / "gazetteer"
SCRIPT = REPO / "scripts" / "build_gazetteer.py"
HAVE_PACKAGES = all(importlib.util.find_spec(m) for m in ("vietnamadminunits", "vietnam_provinces"))
if not HAVE_PACKAGES and os.environ.get("DANVAN_REQUIRE_GAZETTEER") == "1":  # set by .ci/run: the build is checked
    raise RuntimeError("the gazetteer's source packages are required (DANVAN_REQUIRE_GAZETTEER=1)")


def _rows(name: str) -> list[dict[str, str]]:
    with (GAZ / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _unique(rows: list[dict[str, str]], key: str = "code") -> dict[str, dict[str, str]]:
    out = {r[key]: r for r in rows}
    assert len(out) == len(rows), f"duplicate {key}"
    return out


def test_counts_of_both_schemes() -> None:
    provinces = _rows("provinces.csv")
    assert sum(r["scheme"] == "63" for r in provinces) == 63
    assert sum(r["scheme"] == "34" for r in provinces) == 34
    # The units in force on 30/6/2025 and from 1/7/2025 (vietnamadminunits 1.0.4).
    assert len(_rows("districts.csv")) == 696
    assert len(_rows("communes_63.csv")) == 10035
    assert len(_rows("communes_34.csv")) == 3321


def test_codes_unique_and_every_parent_exists() -> None:
    provinces = _rows("provinces.csv")
    p63 = _unique([r for r in provinces if r["scheme"] == "63"])
    p34 = _unique([r for r in provinces if r["scheme"] == "34"])
    districts = _unique(_rows("districts.csv"))
    old = _unique(_rows("communes_63.csv"))
    new = _unique(_rows("communes_34.csv"))
    for r in p63.values():
        assert r["new_codes"] and all(c in p34 for c in r["new_codes"].split("|")), r
    for r in districts.values():
        assert r["province_code"] in p63, r
        news = r["new_province_codes"].split("|")
        # A district went where its province went.
        assert set(news) <= set(p63[r["province_code"]]["new_codes"].split("|")), r
        assert not r["new_commune_code"] or r["new_commune_code"] in new, r
    for r in old.values():
        assert districts[r["district_code"]]["province_code"] == r["province_code"], r
    for r in new.values():
        assert r["province_code"] in p34, r
    assert all(len(c) == 2 for c in p63) and all(len(c) == 3 for c in districts) and all(len(c) == 5 for c in old)


def test_mapping_covers_every_old_commune_and_names_real_units() -> None:
    old = _unique(_rows("communes_63.csv"))
    new = _unique(_rows("communes_34.csv"))
    p63 = {r["code"]: r for r in _rows("provinces.csv") if r["scheme"] == "63"}
    mapping = _rows("commune_mapping_2025.csv")
    assert len({(r["old_code"], r["new_code"]) for r in mapping}) == len(mapping)
    targets: dict[str, set[str]] = {}
    for r in mapping:
        assert r["old_code"] in old and r["new_code"] in new, r
        assert new[r["new_code"]]["province_code"] == r["new_province_code"], r
        assert r["new_province_code"] in p63[old[r["old_code"]]["province_code"]]["new_codes"].split("|"), r
        targets.setdefault(r["old_code"], set()).add(r["new_code"])
    assert set(targets) == set(old)
    for r in mapping:
        assert r["split"] == ("1" if len(targets[r["old_code"]]) > 1 else "0"), r
    # Every new unit comes from an old commune, or (five island districts without communes) from a district.
    from_districts = {r["new_commune_code"] for r in _rows("districts.csv") if r["new_commune_code"]}
    assert set(new) == {r["new_code"] for r in mapping} | from_districts


def test_examples_of_the_issue() -> None:
    districts = {(r["name"], r["province_code"]): r for r in _rows("districts.csv")}
    assert ("Chợ Đồn", "06") in districts and districts[("Chợ Đồn", "06")]["new_province_codes"] == "19"
    assert ("Bắc Trà My", "49") in districts and ("Lâm Hà", "68") in districts
    # Đất Đỏ merged with Long Điền into Long Đất on 1/1/2025: only a former name now.
    assert ("Long Đất", "77") in districts and ("Đất Đỏ", "77") not in districts
    long_dat = districts[("Long Đất", "77")]["code"]
    assert {"level": "district", "code": long_dat, "key": "datdo"} in _rows("former_names.csv")
    thien_loc = [r for r in _rows("communes_63.csv") if r["name"] == "Thiên Lộc"]
    assert {(r["type"], r["province_code"]) for r in thien_loc} >= {("xã", "42")}
    assert {r["type"] for r in _rows("communes_34.csv")} == {"xã", "phường", "đặc khu"}
    assert {r["type"] for r in _rows("communes_63.csv")} == {"xã", "phường", "thị trấn"}
    assert {r["type"] for r in _rows("districts.csv")} == {"huyện", "quận", "thị xã", "thành phố"}


def test_files_are_nfc_utf8_and_modest() -> None:
    total = 0
    for path in GAZ.iterdir():
        text = path.read_bytes().decode("utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name
        assert "\r" not in text
        total += path.stat().st_size
    assert total < 3_000_000


def test_provenance_names_packages_and_licences() -> None:
    text = (GAZ / "PROVENANCE.md").read_text(encoding="utf-8")
    for needle in (
        "vietnamadminunits",
        "1.0.4",
        "MIT",
        "vietnam-provinces",
        "2026.9.0",
        "GPL-3.0-or-later",
        "## Disagreements",
    ):
        assert needle in text


@pytest.mark.skipif(not HAVE_PACKAGES, reason="needs pip install -e '.[gazetteer]'")
def test_check_passes_on_the_committed_files() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--quiet"], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout


@pytest.mark.skipif(not HAVE_PACKAGES, reason="needs pip install -e '.[gazetteer]'")
def test_check_fails_on_an_edited_file(tmp_path: Path) -> None:
    out = tmp_path / "gazetteer"
    shutil.copytree(GAZ, out)
    path = out / "communes_34.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",Ba Đình,", ",Ba Dinh,", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--quiet", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 1
    assert "communes_34.csv" in done.stderr and "communes_63.csv" not in done.stderr
