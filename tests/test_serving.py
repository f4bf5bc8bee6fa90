"""The app keeps serving: any failure to load keeps the last valid catalog with the error as problems, and every
catalog that loads is renderable (edge values through the report and the exports)."""

from __future__ import annotations

import datetime as dt
import math
import os

import pytest

import danvan
from danvan import DataError, loader
from danvan.exports import html_file, report, tables
from danvan.filter import Filter


def test_valid_folder_is_served_new(mini):
    catalog, error = loader.load_or_keep(mini, None)
    assert error is None and catalog is not None and catalog.sources.height == 2


def test_invalid_data_keeps_the_last_catalog(mini, mini_catalog):
    (mini / "visits.yaml").write_text("- id: [" + "[" * 990, encoding="utf-8")
    catalog, error = loader.load_or_keep(mini, mini_catalog)
    assert catalog is mini_catalog
    assert isinstance(error, DataError) and error.problems[0].file == "visits.yaml"


@pytest.mark.parametrize(
    "crash",
    [
        RecursionError("maximum recursion depth exceeded"),
        KeyError("x"),
        MemoryError(),
        ZeroDivisionError("division by zero"),
    ],
)
def test_a_loader_crash_keeps_the_last_catalog(mini, mini_catalog, monkeypatch, crash):
    def broken(root, verify_quotes):
        raise crash

    monkeypatch.setattr(loader, "_load", broken)
    catalog, error = loader.load_or_keep(mini, mini_catalog)
    assert catalog is mini_catalog
    assert isinstance(error, DataError) and len(error.problems) == 1
    problem = error.problems[0]
    assert problem.file == str(mini) and type(crash).__name__ in problem.message
    assert "bản dữ liệu hợp lệ gần nhất" in problem.message


def test_first_load_failing_has_nothing_to_keep(mini):
    (mini / "dataset.yaml").write_text("", encoding="utf-8")
    catalog, error = loader.load_or_keep(mini)
    assert catalog is None and error is not None and error.problems[0].file == "dataset.yaml"


def test_generated_flag_read_within_limits(mini):
    assert not loader.is_generated(mini)
    (mini / "dataset.yaml").write_text("title: x\ngenerated: true\n", encoding="utf-8")
    assert loader.is_generated(mini)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (mini / "dataset.yaml").write_text(bomb + "generated: true\n", encoding="utf-8")
    assert not loader.is_generated(mini)  # refused before expanding, so not "generated"


def test_stamp_never_raises_and_notices_edits(mini):
    before = loader.stamp(mini)
    os.symlink(mini / "nowhere.txt", mini / "sources" / "dangling.txt")
    (mini / "history").mkdir()
    (mini / "history" / "audit.jsonl").write_text("{}\n", encoding="utf-8")
    after = loader.stamp(mini)
    assert after != before and ("sources/dangling.txt", -1, -1) in after
    assert not any(name.startswith("history") for name, _, _ in after)


EDGE_OBSERVATIONS = """
- id: e-big
  indicator: dvk_models_registered
  province: "20"
  period: "1945"
  value: 999999999999999
  status: reported
  source: t1
  quote: có 1.291 mô hình
- id: e-zero
  indicator: dvk_models_registered
  province: "44"
  period: "{next}"
  value: 0
  status: target
  source: t2
  quote: trong năm đã có 47 mô hình
- id: e-tiny
  indicator: friendly_government_commune_rate
  province: "20"
  period: "2024-04-25"
  value: 0.0001
  numerator: 0
  denominator: 1e12
  status: estimated
  source: t1
  quote: đạt 80%
"""


def test_edge_values_load_finite_and_render(mini):
    with open(mini / "observations.yaml", "a", encoding="utf-8") as handle:
        handle.write(EDGE_OBSERVATIONS.format(next=dt.date.today().year + 1))
    text = (mini / "visits.yaml").read_text(encoding="utf-8")
    (mini / "visits.yaml").write_text(
        text.replace(
            "summary: Khảo sát công tác dân vận năm 2023 tại huyện Lệ Thủy.",
            'summary: "<script>alert(1)</script> và <5% — chỉ là chữ"',
        ),
        encoding="utf-8",
    )
    catalog = danvan.load(mini)
    for column in ("value", "numerator", "denominator"):
        assert all(math.isfinite(v) for v in catalog.observations[column].drop_nulls().to_list())
    assert catalog.observations["period_start"].min() == dt.date(1945, 1, 1)
    flt = Filter(years=(1945, dt.date.today().year + 1))
    for lang in ("vi", "en"):
        built = report.report(catalog, flt, lang, dt.date(2026, 1, 1))
        page = html_file.html_bytes(built).decode("utf-8")
        assert "<script>alert" not in page  # shown as text, never as markup
        sheets = tables.tables(catalog, flt, lang)
        assert tables.excel_bytes(
            sheets, filter_label=built.filter_label, version=catalog.version, made=dt.date(2026, 1, 1)
        )
        assert all(tables.csv_bytes(frame) for frame in sheets.values())
