"""What changed since a day: added dates from the audit log, else the source's publication (partial dates at their
last day); the filter's records only."""

from __future__ import annotations

import datetime as dt

from danvan import changes, queries
from danvan.audit import Entry
from danvan.filter import Filter

ALL = Filter(years=(2008, 2026))


def test_sources_count_from_publication_and_partial_dates_from_their_last_day(catalog):
    dated = dict(changes.source_dates(catalog.sources, []).select("source_id", "added").iter_rows())
    assert dated["s00"] == dt.date(2024, 4, 25)
    assert dated["a10"] == dt.date(2022, 10, 31)  # published "2022-10"
    assert dated["a13"] is None  # no date at all


def test_since_lists_what_came_after_the_day(catalog):
    vis, obs = queries.visits(catalog, ALL), queries.observations(catalog, ALL)
    found = changes.since(dt.date(2024, 4, 24), vis, obs, catalog.sources)
    assert found.visits[
        "visit_id"
    ].to_list() == [  # newest source first: 12/2024, 10/2024, 04/2024 (its last day), 25/04
        "v-2024-12-11-xuyen-moc",
        "v-2024-10-15-quang-nam",
        "v-2024-04-12-ba-ria-vung-tau",
        "v-2024-04-25-lang-son",
    ]
    assert set(found.sources["source_id"]) == {"a20", "p30", "p1551", "s00"}  # undated sources (p1967's) never count
    assert (found.observations["added"] > dt.date(2024, 4, 24)).all() and found.observations.height > 0
    assert set(found.observations["basis"]) == {"published"}
    assert changes.since(dt.date(2025, 1, 1), vis, obs, catalog.sources).empty


def test_a_save_in_the_audit_log_dates_its_records(catalog):
    vis, obs = queries.visits(catalog, ALL), queries.observations(catalog, ALL)
    entry = Entry(
        "x",
        "2026-11-01T10:00:00",
        "curator",
        "why",
        {"observations.yaml": {"added": ["o-s00-dvk-recognized-2021-2023"], "changed": [], "removed": []}},
    )
    found = changes.since(dt.date(2025, 1, 1), vis, obs, catalog.sources, [entry])
    assert found.observations["observation_id"].to_list() == ["o-s00-dvk-recognized-2021-2023"]
    assert found.observations["basis"].to_list() == ["saved"] and found.visits.is_empty()
    assert changes.latest(vis, obs, catalog.sources, [entry]) == dt.date(2026, 11, 1)


def test_the_filter_narrows_what_changed(catalog):
    one = Filter(provinces=("20",), years=(2008, 2026))
    found = changes.since(
        dt.date(2020, 1, 1), queries.visits(catalog, one), queries.observations(catalog, one), catalog.sources
    )
    assert found.visits["visit_id"].to_list() == ["v-2024-04-25-lang-son"]
    assert found.sources["source_id"].to_list() == ["s00"]


def test_the_catalogs_index_gives_what_since_gives(catalog):
    """The page reads what changed from the catalog's index of added dates (changes.added_index): the same sources,
    visits, values (the first n, in the same order), counts and newest day as since() and latest() of the filter's
    own rows, with and without a save in the audit log."""
    entry = Entry(
        "x",
        "2026-11-01T10:00:00",
        "curator",
        "why",
        {"observations.yaml": {"added": ["o-s00-dvk-recognized-2021-2023"], "changed": [], "removed": []}},
    )
    seen = 0
    for entries in ([], [entry]):
        for scheme in ("63", "34"):
            table = queries.observation_table(catalog, scheme)
            index = changes.added_index(table, catalog.sources, entries)
            for flt in (
                Filter(years=(2008, 2026), scheme=scheme),
                Filter(years=(2020, 2024), scheme=scheme),
                Filter(provinces=("20",) if scheme == "63" else ("01",), years=(2008, 2026), scheme=scheme),
            ):
                vis, obs = queries.visits(catalog, flt), queries.observations(catalog, flt, table)
                ids = queries.filter_source_ids(vis, obs.group_by("source_id").len())
                keep = queries.in_filter(flt)
                newest = changes.latest(vis, obs, catalog.sources, entries)
                assert changes.latest_in(index, vis, keep, entries) == newest
                for day in (dt.date(2015, 1, 1), dt.date(2024, 4, 24), dt.date(2025, 1, 1)):
                    expected = changes.since(day, vis, obs, catalog.sources, entries)
                    for n in (1, 5, 10_000):
                        found = changes.since_in(day, index, table, vis, keep, ids, entries, n)
                        assert found.value_count == expected.observations.height, (flt, day)
                        assert found.observations.equals(expected.observations.head(n)), (flt, day, n)
                        assert found.sources.equals(expected.sources) and found.visits.equals(expected.visits)
                        assert found.undated == expected.undated and found.empty == expected.empty
                    seen += expected.observations.height
    assert seen > 50
