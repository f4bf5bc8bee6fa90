"""The slides on generated data: Polars 2.1's pl.format panicked on the visits slide of Gia Lai 2013–2015 at scale
(its visit rows begin with an empty chunk; the slide is built with concat_str instead), and the slides made from
the catalog's value index (what the app shows) are those made from a filter's own values."""

from __future__ import annotations

import datetime as dt

import pytest

import danvan
from danvan import queries
from danvan.exports import report
from danvan.filter import Filter


def test_visits_slide_says_who_visited_whom(catalog):
    visits = queries.visits(catalog, Filter(provinces=("20",)))
    slide = report._visits_slide(catalog, visits, "vi")
    who = [row[2] for row in slide.table.rows]
    assert who and all(" → " in text for text in who)
    assert who[0].startswith(visits["body"][0] + " → ") and who[0].endswith("Lạng Sơn")


def test_gia_lai_2013_2015_at_scale_builds_its_visits_slide(full_scale):
    catalog = danvan.load(full_scale, verify_quotes=False, snapshot=True)
    visits = queries.visits(catalog, Filter(provinces=("64",), years=(2013, 2015)))
    assert visits.height > 3
    slide = report._visits_slide(catalog, visits, "vi")
    assert len(slide.table.rows) == report.MAX_VISITS
    assert all(row[2].endswith("Gia Lai") for row in slide.table.rows)


MADE = dt.date(2026, 1, 5)
FILTERS = [
    Filter(),
    Filter(years=(2015, 2024)),
    Filter(years=(2013, 2016), scheme="34"),
    Filter(years=(2025, 2026), scheme="34"),
    Filter(provinces=("20",)),
    Filter(provinces=("20",), years=(2021, 2024)),
    Filter(provinces=("01", "79"), years=(2016, 2022)),
    Filter(provinces=("01",), scheme="34"),
]


@pytest.mark.parametrize("data", ["curated", "small"])
def test_slides_from_the_catalogs_index_equal_the_filters_own(request, data):
    """The app's slides come from the values of the whole catalog indexed once (report.value_index, cached per
    scheme and language); without an index the slides are made from the filter's own values, every one labelled
    and deduplicated. Both give the same slides: values, series, quoted sources, notes."""
    catalog = request.getfixturevalue("catalog" if data == "curated" else "small_scale")
    indexes = {
        (scheme, lang): report.value_index(catalog, queries.observation_table(catalog, scheme), lang)
        for scheme in ("63", "34")
        for lang in ("vi", "en")
    }
    compared = 0
    for flt in FILTERS:
        for lang in ("vi", "en"):
            own = report.report(catalog, flt, lang, MADE)
            from_index = report.report(catalog, flt, lang, MADE, index=indexes[flt.scheme, lang])
            assert from_index == own, (flt, lang)
            compared += sum(s.kind == "compare" for s in own.slides)
    assert compared >= 10  # the filters do have comparison slides


def test_a_deck_makes_each_slide_alone_as_the_report_makes_them(catalog):
    """A slide made on its own (the first one shown after a filter change) is the report's slide."""
    flt = Filter(provinces=("20",), years=(2021, 2024))
    slides = report.report(catalog, flt, "vi", MADE).slides
    assert len(report.deck(catalog, flt, "vi", MADE)) == len(slides) == 13
    for number, slide in enumerate(slides):
        assert report.deck(catalog, flt, "vi", MADE).slide(number) == slide
