"""Fault injection for the loader: hostile data folders, each a copy of tests/fixtures/mini with one thing broken.
Every one gives a Problem naming the file, the record and the field with the reason — never a traceback, never a
hang — and ordinary text that merely looks odd is accepted."""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

import danvan
from danvan import DataError, loader

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit(file: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda folder: replace(folder / file, old, new)


def write(file: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return apply


def remove(file: str) -> Callable[[Path], None]:
    return lambda folder: (folder / file).unlink()


def outside_link(folder: Path) -> None:
    """sources/t2.txt becomes a symbolic link to a file outside the data folder (with the very same text)."""
    outside = folder.parent / "elsewhere.txt"
    shutil.copy(folder / "sources" / "t2.txt", outside)
    (folder / "sources" / "t2.txt").unlink()
    os.symlink(outside, folder / "sources" / "t2.txt")


def geo_features(codes: list[str]) -> dict:
    square = [[[105.0, 21.0], [106.0, 21.0], [106.0, 22.0], [105.0, 21.0]]]
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": code, "name_vi": code},
                "geometry": {"type": "Polygon", "coordinates": square},
            }
            for code in codes
        ],
    }


def with_geo(folder: Path) -> None:
    """A geo/ folder whose boundaries match the fixture's units (data/geo/ is for the whole country)."""
    geo = folder / "geo"
    geo.mkdir()
    units = pl.read_csv(folder / "units.csv", infer_schema=False)
    for scheme in ("63", "34"):
        codes = units.filter(pl.col("scheme") == scheme)["code"].to_list()
        text = json.dumps(geo_features(codes), ensure_ascii=False)
        (geo / f"provinces_{scheme}.geojson").write_text(text, encoding="utf-8")
    islands = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"kind": "label", "name_vi": "Đảo Hoàng Sa"},
                "geometry": {"type": "Point", "coordinates": [112.1, 16.5]},
            }
        ],
    }
    (geo / "hoangsa_truongsa.geojson").write_text(json.dumps(islands, ensure_ascii=False), encoding="utf-8")


def then(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        for step in steps:
            step(folder)

    return apply


def nested(depth: int) -> str:
    return "[" * depth + "25-NQ/TW" + "]" * depth


BOMB = (
    "[&a [x, x, x, x, x, x, x, x, x, x], &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a], "
    "&c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b], &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c], "
    "&e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d], &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e], "
    "&g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f], &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g], "
    "&i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]]"
)

O1_VALUE = "  value: 1145\n"
T2 = '  published: "2023-11-19"\n  province: "44"\n'
O3 = ("  numerator: 166\n", "  denominator: 200\n")

# (case, how to break the folder, (file, record, field, a word of the reason))
CASES = [
    (
        # a leader's walk-through: "129 chương trình hành động, 527 kế hoạch" stood in a finding whose quote stopped
        # before them
        "finding states a figure its quote does not",
        edit("visits.yaml", "text: 1.145 mô hình được công nhận", "text: 1.145 mô hình, 527 kế hoạch được công nhận"),
        ("visits.yaml", "id=v1 › findings[1]", "text", "số 527 không có trong trích dẫn của mục"),
    ),
    (
        # a leader's walk-through: a finding named five documents its quote stopped before
        "finding names a document its quote does not",
        edit("visits.yaml", "text: 1.145 mô hình được công nhận", "text: 1.145 mô hình được công nhận theo 43-KL/TW"),
        ("visits.yaml", "id=v1 › findings[1]", "text", "văn bản 43-KL/TW không có trong trích dẫn của mục"),
    ),
    (
        "value NaN",
        edit("observations.yaml", O1_VALUE, "  value: .nan\n"),
        ("observations.yaml", "id=o1", "value", "hữu hạn"),
    ),
    (
        "value inf",
        edit("observations.yaml", O1_VALUE, "  value: .inf\n"),
        ("observations.yaml", "id=o1", "value", "hữu hạn"),
    ),
    (
        "value 1e400",
        edit("observations.yaml", O1_VALUE, "  value: 1e400\n"),
        ("observations.yaml", "id=o1", "value", "hữu hạn"),
    ),
    (
        "value string inf",
        edit("observations.yaml", O1_VALUE, "  value: 'inf'\n"),
        ("observations.yaml", "id=o1", "value", "hữu hạn"),
    ),
    (
        "numerator NaN",
        edit("observations.yaml", O3[0], "  numerator: .nan\n"),
        ("observations.yaml", "id=o3", "numerator", "hữu hạn"),
    ),
    (
        "numerator 1e400",
        edit("observations.yaml", O3[0], "  numerator: 1e400\n"),
        ("observations.yaml", "id=o3", "numerator", "hữu hạn"),
    ),
    (
        "numerator negative",
        edit("observations.yaml", O3[0], "  numerator: -166\n"),
        ("observations.yaml", "id=o3", "numerator", "âm"),
    ),
    (
        "count negative",
        edit("observations.yaml", O1_VALUE, "  value: -1145\n"),
        ("observations.yaml", "id=o1", "value", "âm"),
    ),
    (
        "zero denominator",
        edit("observations.yaml", O3[1], "  denominator: 0\n"),
        ("observations.yaml", "id=o3", "denominator", "lớn hơn 0"),
    ),
    (
        "value '<5'",
        edit("observations.yaml", O1_VALUE, "  value: '<5'\n"),
        ("observations.yaml", "id=o1", "value", "phải là một số"),
    ),
    (
        "empty quote",
        edit("observations.yaml", "  quote: có 1.145 mô hình được công nhận\n", '  quote: ""\n'),
        ("observations.yaml", "id=o1", "quote", "trống"),
    ),
    (
        "whitespace quote",
        edit("visits.yaml", "  quote: Ban Dân vận Tỉnh ủy đã đi khảo sát\n", '  quote: "  \\t "\n'),
        ("visits.yaml", "id=v2", "quote", "trống"),
    ),
    (
        "visit in year 0000",
        edit("visits.yaml", 'date_start: "2024-04-25"', 'date_start: "0000-04-25"'),
        ("visits.yaml", "id=v1", "date_start", "1945"),
    ),
    (
        "visit in 1900",
        edit("visits.yaml", 'date_start: "2024-04-25"', 'date_start: "1900-04-25"'),
        ("visits.yaml", "id=v1", "date_start", "1945"),
    ),
    (
        "visit in 2100",
        edit("visits.yaml", 'date_start: "2023-11-16"', 'date_start: "2100-11-16"'),
        ("visits.yaml", "id=v2", "date_start", "1945"),
    ),
    (
        "period 1900",
        edit("observations.yaml", 'period: "2023"', 'period: "1900"'),
        ("observations.yaml", "id=o4", "period", "1945"),
    ),
    (
        "period 2100",
        edit("observations.yaml", 'period: "2023"', 'period: "2100"'),
        ("observations.yaml", "id=o4", "period", "1945"),
    ),
    (
        "source 1900",
        edit("sources.yaml", 'published: "2023-11-19"', 'published: "1900-11-19"'),
        ("sources.yaml", "id=t2", "published", "1945"),
    ),
    (
        "source year 0000",
        edit("sources.yaml", 'published: "2023-11-19"', 'published: "0000"'),
        ("sources.yaml", "id=t2", "published", "1945"),
    ),
    (
        "unquoted 30 February",
        edit("visits.yaml", 'date_start: "2024-04-25"', "date_start: 2024-02-30"),
        ("visits.yaml", "id=v1", "date_start", "2024-02-30"),
    ),
    ("empty dataset.yaml", write("dataset.yaml", ""), ("dataset.yaml", "", "", "trống")),
    ("dataset.yaml without title", write("dataset.yaml", "generated: false\n"), ("dataset.yaml", "", "title", "thiếu")),
    (
        "NUL in a CSV",
        lambda f: (f / "places.csv").write_bytes((f / "places.csv").read_bytes() + b"X\x00,commune,44,\n"),
        ("places.csv", "", "", "NUL"),
    ),
    (
        "NUL late in a large CSV",
        lambda f: (f / "places.csv").write_bytes(
            (f / "places.csv").read_bytes()
            + b"".join(b"Xa %d,commune,44,\n" % i for i in range(400))
            + b"Y\x00,ward,44,\n"
        ),
        ("places.csv", "", "", "NUL"),
    ),
    (
        "NUL late in a source text",
        lambda f: (f / "sources" / "t2.txt").write_bytes(
            (f / "sources" / "t2.txt").read_bytes() + b" " * 5000 + b"\x00"
        ),
        ("sources.yaml", "id=t2", "id", "NUL"),
    ),
    ("symlink outside data", outside_link, ("sources/t2.txt", "", "", "liên kết")),
    (
        "javascript: URL",
        edit("sources.yaml", T2, T2 + '  url: "javascript:alert(1)"\n'),
        ("sources.yaml", "id=t2", "url", "http"),
    ),
    (
        "data: URL",
        edit("sources.yaml", T2, T2 + '  url: "data:text/html,<b>x</b>"\n'),
        ("sources.yaml", "id=t2", "url", "http"),
    ),
    (
        "file: URL",
        edit("sources.yaml", T2, T2 + "  url: file:///etc/passwd\n"),
        ("sources.yaml", "id=t2", "url", "http"),
    ),
    (
        "list nested 990 deep",
        edit("visits.yaml", "documents: [25-NQ/TW]", f"documents: {nested(990)}"),
        ("visits.yaml", "id=v1", "documents", "sâu"),
    ),
    (
        "YAML alias bomb",
        edit("visits.yaml", "documents: [25-NQ/TW]", f"documents: {BOMB}"),
        ("visits.yaml", "id=v1", "documents", "bí danh"),
    ),
    (
        "broken GeoJSON",
        then(with_geo, write("geo/provinces_63.geojson", '{"type": "FeatureCollection", "feat')),
        ("geo/provinces_63.geojson", "", "", "JSON"),
    ),
    (
        "missing GeoJSON",
        then(with_geo, remove("geo/provinces_34.geojson")),
        ("geo/provinces_34.geojson", "", "", "thiếu"),
    ),
    (
        "GeoJSON in Windows-1258",
        then(
            with_geo,
            lambda f: (f / "geo" / "hoangsa_truongsa.geojson").write_bytes(
                unicodedata.normalize(
                    "NFD", (f / "geo" / "hoangsa_truongsa.geojson").read_text(encoding="utf-8")
                ).encode("cp1258")
            ),
        ),
        ("geo/hoangsa_truongsa.geojson", "", "", "UTF-8"),
    ),
    (
        "GeoJSON with an unknown province code",
        then(with_geo, write("geo/provinces_34.geojson", json.dumps(geo_features(["01", "20", "99"])))),
        ("geo/provinces_34.geojson", "features[3]", "properties.code", "99"),
    ),
    (
        "GeoJSON not a FeatureCollection",
        then(with_geo, write("geo/provinces_63.geojson", "[1, 2]")),
        ("geo/provinces_63.geojson", "", "", "FeatureCollection"),
    ),
]


@pytest.mark.parametrize(("breaks", "expected"), [pytest.param(b, e, id=name) for name, b, e in CASES])
def test_hostile_folder_gives_the_exact_problem(tmp_path, breaks, expected):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    breaks(folder)
    with pytest.raises(DataError) as err:
        danvan.load(folder)
    file, record, field, word = expected
    found = [p for p in err.value.problems if p.severity == "error"]
    assert any((p.file, p.record, p.field) == (file, record, field) and word in p.message for p in found), "\n".join(
        map(str, found)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo giảm còn <5% và 3 < 4, đúng như Nghị quyết.",
        "<5% hộ nghèo; thẻ <b>đậm</b> chỉ là chữ",
        "<script>alert(1)</script> là chữ, hiển thị như chữ",
    ],
)
def test_text_that_looks_like_markup_is_accepted_as_text(mini, text):
    replace(
        mini / "visits.yaml",
        "  summary: Khảo sát công tác dân vận năm 2023 tại huyện Lệ Thủy.\n",
        f"  summary: {json.dumps(text, ensure_ascii=False)}\n",
    )
    catalog = danvan.load(mini)
    assert text in catalog.visits["summary"].to_list()


def test_a_list_where_a_value_belongs_says_so(mini):
    replace(mini / "observations.yaml", O1_VALUE, "  value: [1, 2]\n")
    with pytest.raises(DataError) as err:
        danvan.load(mini)
    assert any((p.record, p.field) == ("id=o1", "value") and "danh sách" in p.message for p in err.value.problems)


def test_geo_matching_the_units_loads(mini):
    with_geo(mini)
    assert danvan.load(mini).sources.height == 2


def test_a_symlink_inside_the_folder_is_followed(mini):
    shutil.move(mini / "sources" / "t2.txt", mini / "t2-original.txt")
    os.symlink("../t2-original.txt", mini / "sources" / "t2.txt")
    assert "t2" in danvan.load(mini).texts


def test_file_too_large_is_refused_before_reading(mini, monkeypatch):
    monkeypatch.setattr(loader, "MAX_YAML_BYTES", 500)
    with pytest.raises(DataError) as err:
        danvan.load(mini)
    assert any(p.file == "visits.yaml" and "quá lớn" in p.message for p in err.value.problems)


def test_loaded_values_are_always_finite(mini_catalog):
    for column in ("value", "numerator", "denominator"):
        values = mini_catalog.observations[column].drop_nulls().to_list()
        assert all(math.isfinite(v) for v in values)


def test_random_damage_never_crashes(tmp_path):
    """Bytes flipped, cut or doubled anywhere in any file: a catalog or a DataError, never another exception."""
    draw = random.Random(2024)
    files = sorted(p.relative_to(MINI) for p in MINI.rglob("*") if p.is_file())
    for n in range(80):
        folder = tmp_path / f"d{n}"
        shutil.copytree(MINI, folder)
        path = folder / draw.choice(files)
        raw = bytearray(path.read_bytes())
        at = draw.randrange(len(raw))
        action = draw.choice(["flip", "cut", "double", "insert"])
        if action == "flip":
            raw[at] = draw.randrange(256)
        elif action == "cut":
            del raw[at:]
        elif action == "double":
            raw[at:at] = raw[at : at + draw.randrange(1, 40)]
        else:
            raw[at:at] = draw.choice([b"&x ", b"*x", b"[", b"{", b": ", b"\n- ", b"!!python/object:os.system ", b"\t"])
        path.write_bytes(bytes(raw))
        try:
            danvan.load(folder)
        except DataError as err:
            assert err.problems, f"{path.name} {action} at {at}: a DataError without problems"


@pytest.mark.parametrize(("breaks", "expected"), [pytest.param(b, e, id=name) for name, b, e in CASES])
def test_every_problem_has_english(tmp_path, breaks, expected):
    """The English interface shows validator messages in English: every message these folders produce has one."""
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    breaks(folder)
    with pytest.raises(DataError) as err:
        danvan.load(folder)
    for problem in err.value.problems:
        line = problem.text("en")
        assert line.startswith(("[ERROR] ", "[WARNING] ")), line
        message = line.split(": ", 1)[1]
        assert not any(
            c in message
            for c in "ảãạăằắẳẵặầấẩẫậđềếểễệỉĩịồốổỗộơờớởỡợủũụưừứửữựỳỷỹỵ"
            if c not in problem.message.split("'")[1::2].__str__()
        ), line
