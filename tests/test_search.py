"""Search: accent-insensitive matching over every kind of record, hits placed exactly, ranking, bounds."""

from __future__ import annotations

import pytest

from danvan import queries, search
from danvan.filter import Filter


@pytest.fixture(scope="module")
def table(catalog):
    flt = Filter(years=(2008, 2026))
    return search.records(
        queries.visits(catalog, flt),
        catalog.findings,
        queries.observations(catalog, flt),
        catalog.documents,
        catalog.sources,
    )


def test_fold_keeps_every_character_in_place():
    text = "Đảng ủy “Dân vận khéo”\nỞ  Lạng Sơn"
    assert search.fold(text) == "dang uy “dan van kheo” o  lang son"
    assert len(search.fold(text)) == len(text)


def test_without_accents_finds_the_accented_phrase_and_marks_it(table):
    hits, counts = search.search("dan van kheo", table)
    assert counts["visit"] >= 3 and counts["value"] >= 1 and counts["direction"] >= 1
    first = hits[0]
    assert first.kind == "visit"  # visits first, each holding the whole phrase
    marked = [first.snippet[a:b] for a, b in first.spans]
    assert marked and all(m.lower() == "dân vận khéo" for m in marked)
    assert search.segments("ab cd", ((3, 5),)) == [("ab ", False), ("cd", True)]


def test_recommendations_are_found_with_their_visit(table):
    hits, _ = search.search("đề nghị Bắc Kạn", table)
    directions = [h for h in hits if h.kind == "direction"]
    assert directions and directions[0].choices == {"su_kien": "v-2020-05-28-bac-kan"}
    assert directions[0].page == "dong-thoi-gian"


def test_documents_sources_and_values_link_to_their_pages(table):
    hits, _ = search.search("290-QĐ/TW", table)
    assert {"visit", "document"} <= {h.kind for h in hits}
    assert next(h for h in hits if h.kind == "document").page == "van-ban"
    hits, _ = search.search("81,77", table)
    values = [h for h in hits if h.kind == "value"]
    assert values and values[0].choices == {"chi_tieu": "tthc_online_processing_rate"}


def test_every_word_must_be_there_and_words_start_words(table):
    assert search.search("dan van kheo zzzz", table) == ([], {})
    whole, start = search.search("kheo", table)[1], search.search("khe", table)[1]  # a word's start finds it
    assert all(start[kind] >= n for kind, n in whole.items())
    assert search.search("an van", table)[1] != search.search("dan van", table)[1]  # not inside a word
    assert search.search("  ,;  ", table) == ([], {})


def test_a_long_query_is_bounded(table):
    assert len(search.words("a " * 500)) == 1 and len(search.words(" ".join(f"w{n}" for n in range(50)))) == 8


def test_no_empty_parts_in_searched_text(table):
    import polars as pl

    assert table.filter(pl.col("text").str.contains("· ·", literal=True)).is_empty()


QUERIES = [
    "dan van kheo",
    "Dân vận",
    "giám sát",
    "LẠNG SƠN",
    "mau 11",
    "290-QĐ/TW",
    "81,77",
    "khe",
    "an van",
    "zzzz",
    " ,; ",
]


@pytest.mark.parametrize("data", ["catalog", "small_scale"])
def test_search_in_finds_what_search_over_every_record_finds(request, data):
    """The page searches only the records that may hold the words (search_in, with the values' text parts encoded
    and the visits' text folded once per catalog): the same hits, in the same order, and the same counts as search()
    over every record."""
    catalog = request.getfixturevalue(data)
    found = 0
    for scheme, flt in (
        ("63", Filter(years=(2008, 2026))),
        ("63", Filter(years=(2016, 2022))),
        ("63", Filter(provinces=("20", "01"), years=(2015, 2024))),
        ("34", Filter(years=(2013, 2026), scheme="34")),
    ):
        table = queries.observation_table(catalog, scheme)
        visits, values = queries.visits(catalog, flt), queries.observations(catalog, flt, table)
        folded = search.fold_visits(queries.visit_table(catalog, scheme))  # every visit's, once per catalog
        for lang in ("vi", "en"):
            parts = search.encode(table, lang, ("period_start", "period_end", "display_code"))
            encoded = search.Encoded(queries.take(parts.codes, queries.in_filter(flt)), parts.values)
            every = search.records(visits, catalog.findings, values, catalog.documents, catalog.sources, lang=lang)
            for query in QUERIES:
                expected = search.search(query, every)
                args = (query, visits, catalog.findings, values, catalog.documents, catalog.sources)
                assert search.search_in(*args, lang=lang) == expected, (flt, query)
                assert search.search_in(*args, lang=lang, encoded=encoded) == expected, (flt, query)
                fast = search.search_in(*args, lang=lang, encoded=encoded, folded_visits=folded)
                assert fast == expected, (flt, query)
                found += sum(expected[1].values())
    assert found > 100


def test_under_the_34_unit_scheme_a_former_province_is_found_by_its_name(catalog):
    """Bà Rịa - Vũng Tàu's records are Hồ Chí Minh's under the 34-unit scheme: searching the old name finds them, and
    a visit's title names both, its estimated day marked."""
    flt = Filter(years=(2008, 2026), scheme="34")
    table = search.records(
        queries.visits(catalog, flt),
        catalog.findings,
        queries.observations(catalog, flt),
        catalog.documents,
        catalog.sources,
    )
    hits, _ = search.search("Xuyên Mộc", table)
    titles = [h.title for h in hits if h.kind == "visit"]
    assert titles == [
        "11/12/2024 — Ban Dân vận Huyện ủy Xuyên Mộc — Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)"
    ]
    hits, _ = search.search("Bắc Kạn kiểm tra", table)
    assert any(h.title.startswith("~28/05/2020 — ") for h in hits if h.kind == "visit")
    # the page's path (search_in, which reads a value's parts before making its record) finds the old name too, and
    # a value's title names both units
    parts = (
        queries.visits(catalog, flt),
        catalog.findings,
        queries.observations(catalog, flt),
        catalog.documents,
        catalog.sources,
    )
    hits, counts = search.search_in("Bà Rịa", *parts)
    assert counts["visit"] == 2 and counts["value"] >= 5  # Xuyên Mộc's conference, the survey of TP. Bà Rịa
    assert all(h.title.endswith("Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)") for h in hits if h.kind == "value")
    # with the catalog's place labels (the page gives them) a title names a district with its kind and a district's
    # value names its district, as every page does (from a leader's walk-through)
    labels = queries.place_label_frame(catalog.places)
    hits, _ = search.search_in("Bà Rịa", *parts, labels=labels)
    titles = [h.title for h in hits]
    assert (
        "11/12/2024 — Ban Dân vận Huyện ủy Xuyên Mộc — huyện Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)"
        in titles
    )
    assert any(
        t.endswith("— huyện Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)") for t in titles if "Tổng" in t
    )


def test_a_snippet_is_cut_between_words():
    """A result's text began "…n giải quyết" (a second walk-through): the cut falls at a space, at both ends."""
    text = " ".join(f"từ{i:03d}" for i in range(200)) + " khiếu nại " + " ".join(f"chữ{i:03d}" for i in range(200))
    cut, spans = search._snippet(text, search.patterns("khiếu nại")[0])
    assert cut.startswith("…từ") and cut.endswith("…") and cut[-2] != " "
    assert all(word in text.split() for word in cut.strip("…").split())  # whole words only
    assert cut[spans[0][0] : spans[0][1]] == "khiếu"  # each word of the query is marked
