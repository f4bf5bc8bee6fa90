"""The slides of a province on the generated scale data: Polars 2.1's pl.format panicked on the visits slide of
Gia Lai 2013–2015 (its visit rows begin with an empty chunk); the slide is built with concat_str instead."""

from __future__ import annotations

from pathlib import Path

import pytest

import danvan
from danvan import queries
from danvan.exports import report
from danvan.filter import Filter

SCALE = Path(__file__).resolve().parent.parent / "build" / "scale"


def test_visits_slide_says_who_visited_whom(catalog):
    visits = queries.visits(catalog, Filter(provinces=("20",)))
    slide = report._visits_slide(catalog, visits, "vi")
    who = [row[2] for row in slide.table.rows]
    assert who and all(" → " in text for text in who)
    assert who[0].startswith(visits["body"][0] + " → ") and who[0].endswith("Lạng Sơn")


@pytest.mark.skipif(not (SCALE / "dataset.yaml").is_file(), reason="needs build/scale (scripts/make_scale_data.py)")
def test_gia_lai_2013_2015_at_scale_builds_its_visits_slide():
    catalog = danvan.load(SCALE, verify_quotes=False, snapshot=True)
    visits = queries.visits(catalog, Filter(provinces=("64",), years=(2013, 2015)))
    assert visits.height > 3
    slide = report._visits_slide(catalog, visits, "vi")
    assert len(slide.table.rows) == report.MAX_VISITS
    assert all(row[2].endswith("Gia Lai") for row in slide.table.rows)
