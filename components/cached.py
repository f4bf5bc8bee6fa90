"""The one module that wraps the core in Streamlit caches. Everything cached is a collected frame or a plain object.

The catalog is keyed by a cheap fingerprint of the data folder (names, sizes, modification times), so an edit to
data/ is served on the next rerun; an edit that does not validate keeps the last valid catalog and reports why.

Three layers, each built from the one before and keyed by the catalog's version:
- per catalog and scheme: every visit and observation joined once with its names and indicator (queries.*_table);
- per filter: the rows of those tables the filter selects — zero-copy slices for a filter on years alone, a small
  copy for a few provinces — bounded in number;
- per filter (and page choice): the small aggregated frames the pages draw (headline numbers, map values, arcs…).
- per filter and language: the slides of presentation mode (exports.report.deck, from the values of the scheme
  indexed once per language: exports.report.value_index), each slide made when it is first shown, and its chart or
  map.
Everything is `cache_resource`: frames are shared between sessions, never pickled or copied on a hit, and pages
treat them as read-only (Polars frames are immutable unless mutated in place, which no page does).

Every public function takes plain inputs — the catalog, the filter, plain values — never a Streamlit object; the
cached functions behind them (named with a leading "_") are keyed by the catalog's version, not the catalog itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import plotly.graph_objects as go
import polars as pl
import pydeck as pdk
import streamlit as st
from pydeck.bindings.json_tools import default_serialize

import danvan
from danvan import audit, changes, followup, queries, results, search, snapshot
from danvan import filter as filters
from danvan.accounts import Throttle
from danvan.exports.report import INDEX_COLUMNS, Deck, Report, Slide, ValueIndex, deck, value_index
from danvan.figures import maps
from danvan.figures.slides import make_locator_image, make_map_image, make_slide_figure
from danvan.filter import Filter
from danvan.ingest import queue, readers
from danvan.loader import stamp
from danvan.registry import Registry

T = TypeVar("T")

PER_FILTER = 32  # filters kept per kind of small aggregated result
FRAMES = 16  # filters kept of rows: a national filter costs a few KB (slices of the tables), a province ~5–20 MB


def data_path() -> str:
    """The data folder: DANVAN_DATA when set (e.g. generated benchmark data), else the curated data/."""
    return os.environ.get("DANVAN_DATA", str(Path(__file__).resolve().parent.parent / "data"))


@st.cache_data(max_entries=64, show_spinner=False)
def saved_source(version: str, text: str) -> str | None:
    """queue.saved_source in the data folder, once per text and data version: the queue page asks on every key."""
    return queue.saved_source(data_path(), text)


@st.cache_data(max_entries=8, show_spinner=False)
def scan_pictures(original: str) -> list[bytes]:
    """readers.scan_pictures of a queued original, once per file (it never changes once queued): the queue page reruns
    on every key, and a PDF's pages decode slowly."""
    return readers.scan_pictures(Path(original).read_bytes())


@st.cache_resource(show_spinner=False)
def _last_valid() -> dict[str, danvan.Catalog]:
    return {}


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(path: str, stamp: tuple) -> tuple[danvan.Catalog | None, danvan.DataError | None]:
    # A national dataset starts from its columnar snapshot (≈0.5 s instead of ≈5 s), the curated data from its files
    loaded = danvan.load_or_keep(path, _last_valid().get(path), snapshot=snapshot.wanted(path))
    _freeze()
    return loaded


def _freeze() -> None:
    """Move every object alive now — modules, Plotly's and Streamlit's tables, the catalog — out of the cycle
    collector's reach (gc.freeze), so that its full collections only walk what the runs created since.

    .streamlit/config.toml turns Streamlit's collection after every run off (runner.postScriptGC: 60–125 ms a run
    at scale); Python's own collector still frees the runs' cycles as they accumulate. The memory consequence:
    frozen objects are never collected as cycles, only freed by reference counts — garbage caught in a cycle when
    this runs would stay, hence the collection first; a catalog replaced after an edit is freed by reference counts
    (its frames hold no cycles). It runs once per loaded version of the data. Measured at scale over 200 reruns
    (29/11/2026): RSS flat either way (520–570 MB on the timeline, 670–710 MB on the overview); median runs alike,
    the slowest run of every 25 lower with it (overview: 72–121 ms against 70–196 ms without) — the full collections
    no longer walk the frozen objects. DANVAN_GC_FREEZE=0 leaves the collector as it is (for measuring)."""
    if os.environ.get("DANVAN_GC_FREEZE", "1") != "0":
        gc.collect()
        gc.freeze()


def catalog() -> tuple[danvan.Catalog | None, danvan.DataError | None]:
    """The current catalog and, when the newest files do not validate, the error (with the last valid catalog)."""
    path = data_path()
    result, error = _load(path, stamp(path))
    if error is None and result is not None:
        _last_valid()[path] = result
    return result, error


@st.cache_resource(max_entries=4, show_spinner=False)
def _registry(version: str, _catalog: danvan.Catalog) -> Registry:
    return Registry(_catalog.units, _catalog.places, documents=_catalog.documents["code"].to_list())


def registry(catalog: danvan.Catalog) -> Registry:
    """The name resolver of the catalog's units and places."""
    return _registry(catalog.version, catalog)


# ---------------------------------------------------------------- per catalog


@st.cache_resource(max_entries=4, show_spinner=False)
def _visit_table(version: str, scheme: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.visit_table(_catalog, scheme)


@st.cache_resource(max_entries=2, show_spinner=False)
def _observation_base(version: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.observation_base(_catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _observation_table(version: str, scheme: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.observation_table(_catalog, scheme, _observation_base(version, _catalog))


@st.cache_resource(max_entries=4, show_spinner=False)
def _province_totals(version: str, scheme: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.province_totals(_observation_table(version, scheme, _catalog))


@st.cache_resource(max_entries=4, show_spinner=False)
def _indicator_places(version: str, scheme: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.indicator_places(_observation_table(version, scheme, _catalog))


@st.cache_resource(max_entries=8, show_spinner=False)
def _observation_counts(version: str, scheme: str, by: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.observation_counts(_observation_table(version, scheme, _catalog), by)


@st.cache_resource(max_entries=4, show_spinner=False)
def _place_labels(version: str, lang: str, _catalog: danvan.Catalog) -> dict[str, str]:
    return dict(_place_label_frame(version, lang, _catalog).iter_rows())  # the frame's labels, not made again


def place_labels(catalog: danvan.Catalog, lang: str) -> dict[str, str]:
    """Lower places named with their kind (queries.place_labels): ~18 ms to make at scale, read per visit shown."""
    return _place_labels(catalog.version, lang, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _place_label_frame(version: str, lang: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.place_label_frame(_catalog.places, lang)


def place_label_frame(catalog: danvan.Catalog, lang: str) -> pl.DataFrame:
    """place_labels as a frame (queries.place_label_frame), for the tables and charts that name many places: made
    once per catalog, not per filter (~14.000 places at scale)."""
    return _place_label_frame(catalog.version, lang, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _data_years(version: str, _catalog: danvan.Catalog) -> tuple[int, int]:
    return filters.data_years(_catalog)


def data_years(catalog: danvan.Catalog) -> tuple[int, int]:
    """The years the data covers (the filter's default), once per catalog rather than on every rerun."""
    return _data_years(catalog.version, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _visit_bodies(version: str, _catalog: danvan.Catalog) -> list[str]:
    return queries.visit_bodies(_catalog)


def visit_bodies(catalog: danvan.Catalog) -> list[str]:
    """The visiting bodies named in the data, sorted: the filter bar's choices."""
    return _visit_bodies(catalog.version, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _source_counts(version: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.source_counts(_catalog)


def source_counts(catalog: danvan.Catalog) -> pl.DataFrame:
    """Every source with the number of visits, findings, observations and documents curated from it."""
    return _source_counts(catalog.version, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _sources_by_id(version: str, _catalog: danvan.Catalog) -> dict[str, dict]:
    return {row["source_id"]: row for row in _catalog.sources.iter_rows(named=True)}


def sources_by_id(catalog: danvan.Catalog) -> dict[str, dict]:
    """Every source's row by its id, read-only: a page quoting 30 values looks each up without filtering the frame
    (≈0.2 ms a lookup, 7 ms of the province profile's run)."""
    return _sources_by_id(catalog.version, catalog)


@st.cache_resource(max_entries=8, show_spinner=False)
def _source_names(version: str, lang: str, _catalog: danvan.Catalog) -> dict[str, str]:
    return dict(_catalog.sources.select("source_id", queries.source_name(lang)).iter_rows())


def source_names(catalog: danvan.Catalog, lang: str) -> dict[str, str]:
    """Every source's name as people recognise it (queries.source_name), by its id."""
    return _source_names(catalog.version, lang, catalog)


@st.cache_resource(max_entries=16, show_spinner=False)
def _source_quotes(version: str, source_id: str, _catalog: danvan.Catalog) -> list[str]:
    return queries.source_quotes(_catalog, source_id)


def source_quotes(catalog: danvan.Catalog, source_id: str) -> list[str]:
    """The distinct quotes (as compared with the text) taken from one source."""
    return _source_quotes(catalog.version, source_id, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _document_mentions(version: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.document_mentions(_catalog)


def document_mentions(catalog: danvan.Catalog) -> pl.DataFrame:
    """Each document code with the sources whose stored text mentions it."""
    return _document_mentions(catalog.version, catalog)


# ---------------------------------------------------------------- per filter


@st.cache_resource(max_entries=FRAMES, show_spinner=False)
def _visits(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.visits(_catalog, flt, _visit_table(version, flt.scheme, _catalog))


def visits(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The filter's visits (queries.visits)."""
    return _visits(catalog.version, flt, catalog)


@st.cache_resource(max_entries=FRAMES, show_spinner=False)
def _observations(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.observations(_catalog, flt, _observation_table(version, flt.scheme, _catalog))


def observations(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The filter's observations (queries.observations)."""
    return _observations(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _totals(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    """The filter's province-level totals, from the pre-built table of them (a few percent of all values)."""
    return queries.take(_province_totals(version, flt.scheme, _catalog), queries.in_filter(flt))


def _source_counts_in(version: str, flt: Filter, catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.counts_in(_observation_counts(version, flt.scheme, "source_id", catalog), flt, "source_id")


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _headline(version: str, flt: Filter, _catalog: danvan.Catalog) -> dict[str, int]:
    return queries.headline_counts(
        _visits(version, flt, _catalog), obs_counts=_source_counts_in(version, flt, _catalog)
    )


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _beyond_years(version: str, flt: Filter, _catalog: danvan.Catalog) -> tuple[int, str]:
    return queries.beyond_years_count(_observation_counts(version, flt.scheme, "source_id", _catalog), flt)


def beyond_years(catalog: danvan.Catalog, flt: Filter) -> tuple[int, str]:
    """How many of the filter's values have a period reaching outside its years, and the widest such period."""
    return _beyond_years(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _filter_source_ids(version: str, flt: Filter, _catalog: danvan.Catalog) -> list[str]:
    return queries.filter_source_ids(_visits(version, flt, _catalog), _source_counts_in(version, flt, _catalog))


def filter_source_ids(catalog: danvan.Catalog, flt: Filter) -> list[str]:
    """The sources behind the filter's visits and observations."""
    return _filter_source_ids(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _documents_in(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    referenced = _document_references(version, flt, _catalog)["documents"].drop_nulls().unique().to_list()
    return queries.documents_in(_catalog, flt, referenced, _filter_source_ids(version, flt, _catalog))


def documents_in(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The documents that concern the filter (queries.documents_in)."""
    return _documents_in(catalog.version, flt, catalog)


def headline(catalog: danvan.Catalog, flt: Filter) -> dict[str, int]:
    """The overview's numbers for the filter."""
    return _headline(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _highlights(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    shown = _outcomes(version, flt, _catalog)["indicator_id"]  # in the results section above: not twice
    return queries.highlights(_totals(version, flt, _catalog).filter(~pl.col("indicator_id").is_in(shown.implode())))


def highlights(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The latest province-level totals the overview shows beside the results (of other indicators), six at most."""
    return _highlights(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _recent_sources(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.recent_sources(
        _catalog, _visits(version, flt, _catalog), obs_counts=_source_counts_in(version, flt, _catalog)
    )


def recent_sources(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The newest sources behind the filter, with how many of its visits and observations each gave."""
    return _recent_sources(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _map_indicators(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.map_indicators(_totals(version, flt, _catalog))


def map_indicators(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The indicators the map can colour provinces by, for the filter."""
    return _map_indicators(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _below_province(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.below_province(_observations(version, flt, _catalog))


def below_province(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """Per indicator, its district and commune totals in the filter, which the map does not colour."""
    return _below_province(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _map_values(version: str, flt: Filter, indicator_id: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.map_values(_totals(version, flt, _catalog), indicator_id, flt.scheme)


def map_values(catalog: danvan.Catalog, flt: Filter, indicator_id: str) -> pl.DataFrame:
    """One value per unit of the filter's scheme for an indicator (queries.map_values)."""
    return _map_values(catalog.version, flt, indicator_id, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _visit_counts(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.visit_counts(_visits(version, flt, _catalog))


def visit_counts(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """Visits per unit of the filter's scheme (queries.visit_counts)."""
    return _visit_counts(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _visit_arcs(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.arc_summary(_visits(version, flt, _catalog), _catalog.units)


def visit_arcs(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """One arc per visiting level, seat and host province, with the number of visits (queries.arc_summary)."""
    return _visit_arcs(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _indicator_ranking(version: str, flt: Filter, name_column: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.ranking_in(
        flt,
        _indicator_places(version, flt.scheme, _catalog),
        _observation_counts(version, flt.scheme, "indicator_id", _catalog),
        _catalog.indicators,
        name_column,
    )


def indicator_ranking(catalog: danvan.Catalog, flt: Filter, name_column: str) -> pl.DataFrame:
    """The filter's indicators, those reported by the most places first (queries.indicator_ranking)."""
    return _indicator_ranking(catalog.version, flt, name_column, catalog)


@st.cache_resource(max_entries=FRAMES, show_spinner=False)
def _indicator_rows(version: str, flt: Filter, indicator_id: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    table = _observation_table(version, flt.scheme, _catalog)  # by period then indicator: a few slices
    return queries.take(table, queries.in_filter(flt) & (pl.col("indicator_id") == indicator_id))


def indicator_rows(catalog: danvan.Catalog, flt: Filter, indicator_id: str) -> pl.DataFrame:
    """The filter's observations of one indicator."""
    return _indicator_rows(catalog.version, flt, indicator_id, catalog)


def province_rows(catalog: danvan.Catalog, flt: Filter, code: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The filter's visits and observations of one unit of its scheme (the province profile): the rows of the filter
    narrowed to that unit, cached as that filter (the same entries when the view already shows only that unit)."""
    one = dataclasses.replace(flt, provinces=(code,), notes=())
    return visits(catalog, one), observations(catalog, one)


@st.cache_resource(max_entries=FRAMES, show_spinner=False)
def _document_references(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.document_references(_visits(version, flt, _catalog))


def document_references(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """One row per (visit, document it references) of the filter, newest first."""
    return _document_references(catalog.version, flt, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _visit_buckets(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.visit_buckets(_visits(version, flt, _catalog))


def visit_buckets(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The filter's visits counted by month, visiting level and kind, for a timeline of many visits."""
    return _visit_buckets(catalog.version, flt, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _search_parts(version: str, scheme: str, lang: str, _catalog: danvan.Catalog) -> search.Encoded:
    """The parts of every value's searched text, dictionary-encoded once per catalog (danvan.search.encode)."""
    table = _observation_table(version, scheme, _catalog)
    return search.encode(table, lang, ("period_start", "period_end", "display_code"))


@st.cache_resource(max_entries=4, show_spinner=False)
def _search_visits(version: str, scheme: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    """Every visit's searched text, folded once per catalog (danvan.search.fold_visits)."""
    return search.fold_visits(_visit_table(version, scheme, _catalog))


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _search(version: str, flt: Filter, lang: str, words: str, _catalog: danvan.Catalog) -> tuple[list, dict[str, int]]:
    parts = _search_parts(version, flt.scheme, lang, _catalog)
    encoded = search.Encoded(queries.take(parts.codes, queries.in_filter(flt)), parts.values)  # row for row
    return search.search_in(
        words,
        _visits(version, flt, _catalog),
        _catalog.findings,
        _observations(version, flt, _catalog),
        _catalog.documents,
        _catalog.sources,
        lang=lang,
        encoded=encoded,
        folded_visits=_search_visits(version, flt.scheme, _catalog),
        labels=_place_label_frame(version, lang, _catalog),
    )


def search_hits(catalog: danvan.Catalog, flt: Filter, lang: str, words: str) -> tuple[list[search.Hit], dict[str, int]]:
    """The filter's records holding every word (danvan.search.search_in: the same hits as search.search over all
    the filter's records, reading only the records that may hold the words)."""
    return _search(catalog.version, flt, lang, words, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _audit_entries(version: str, path: str) -> list[audit.Entry]:
    return audit.entries(path)[0]


def audit_entries(catalog: danvan.Catalog) -> list[audit.Entry]:
    """The audit log of saves to the data folder (danvan.audit), read once per catalog version (a save changes it)."""
    return _audit_entries(catalog.version, data_path())


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _changes(
    version: str, flt: Filter, day: dt.date | None, _catalog: danvan.Catalog
) -> tuple[dt.date | None, changes.Changes | None]:
    vis, keep = _visits(version, flt, _catalog), queries.in_filter(flt)
    entries = _audit_entries(version, data_path())
    index = _added_index(version, flt.scheme, _catalog)
    newest = changes.latest_in(index, vis, keep, entries)
    if not day:
        return newest, None
    table = _observation_table(version, flt.scheme, _catalog)
    return newest, changes.since_in(day, index, table, vis, keep, _filter_source_ids(version, flt, _catalog), entries)


@st.cache_resource(max_entries=4, show_spinner=False)
def _added_index(version: str, scheme: str, _catalog: danvan.Catalog) -> changes.AddedIndex:
    """Every value's added date, newest first (danvan.changes.added_index): ~1 s at scale, once per catalog."""
    entries = _audit_entries(version, data_path())
    return changes.added_index(_observation_table(version, scheme, _catalog), _catalog.sources, entries)


def changes_since(
    catalog: danvan.Catalog, flt: Filter, day: dt.date | None
) -> tuple[dt.date | None, changes.Changes | None]:
    """The newest added date of the filter's records, and what was added after `day` (danvan.changes): its first 30
    values only (`found_values` says how many), from the catalog's index of added dates."""
    return _changes(catalog.version, flt, day, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _outcomes(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return results.outcomes(_totals(version, flt, _catalog))


def outcomes(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The filter's outcome indicators (danvan.results.outcomes), from its province-level totals."""
    return _outcomes(catalog.version, flt, catalog)


@st.cache_resource(max_entries=4, show_spinner=False)
def _trend_rows(version: str, scheme: str, _catalog: danvan.Catalog) -> pl.DataFrame:
    return results.trend_rows(_observation_table(version, scheme, _catalog))


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _trends(version: str, flt: Filter, n: int, _catalog: danvan.Catalog) -> tuple[pl.DataFrame, int]:
    table = _observation_table(version, flt.scheme, _catalog)
    return results.top_trends(table, _trend_rows(version, flt.scheme, _catalog), queries.in_filter(flt), n)


def trends(catalog: danvan.Catalog, flt: Filter, n: int) -> tuple[pl.DataFrame, int]:
    """The first `n` of each indicator and place of the filter with two periods or more, with its change, and how
    many there are (danvan.results.top_trends: the rows of the `n` shown are read, the others only counted)."""
    return _trends(catalog.version, flt, n, catalog)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _recommendations(version: str, flt: Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return followup.recommendations(_visits(version, flt, _catalog), _catalog.findings, _catalog.followups)


def recommendations(catalog: danvan.Catalog, flt: Filter) -> pl.DataFrame:
    """The directions and recommendations of the filter's visits with their follow-up state (danvan.followup)."""
    return _recommendations(catalog.version, flt, catalog)


# ---------------------------------------------------------------- presentation mode

# The observation columns the slides read: a province's profile sorts its values, over these rather than all 29
# (quotes included).
REPORT_COLUMNS = INDEX_COLUMNS


@st.cache_resource(max_entries=4, show_spinner=False)
def _value_index(version: str, scheme: str, lang: str, _catalog: danvan.Catalog) -> ValueIndex:
    """Every value of the scheme's observations as the slides choose among them (exports.report.value_index): once
    per catalog, scheme and language (≈2 s at scale), so that a filter's slides format only the values they show."""
    return value_index(_catalog, _observation_table(version, scheme, _catalog), lang)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _deck(
    version: str, flt: Filter, lang: str, made: dt.date, columns: tuple[str, ...] | None, _catalog: danvan.Catalog
) -> Deck:
    def observations() -> pl.DataFrame:  # only a province's profile reads them: the index has the rest
        rows = _observations(version, flt, _catalog)
        return rows if columns is None else rows.select(columns)

    index = _value_index(version, flt.scheme, lang, _catalog)
    return deck(
        _catalog, flt, lang, made, visits=_visits(version, flt, _catalog), observations=observations, index=index
    )


def _from_deck(
    version: str, flt: Filter, lang: str, made: dt.date, catalog: danvan.Catalog, read: Callable[[Deck], T]
) -> T:
    """What `read` takes from the filter's deck (its slides are made as they are read)."""
    try:
        return read(_deck(version, flt, lang, made, REPORT_COLUMNS, catalog))
    except pl.exceptions.ColumnNotFoundError:  # the slides came to read another column: all of them, slower
        return read(_deck(version, flt, lang, made, None, catalog))


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _report(version: str, flt: Filter, lang: str, made: dt.date, _catalog: danvan.Catalog) -> Report:
    return _from_deck(version, flt, lang, made, _catalog, lambda made_deck: made_deck.report())


def slides_report(catalog: danvan.Catalog, flt: Filter, lang: str) -> Report:
    """Every slide of the filter (exports.report), made today: what the PowerPoint and HTML files hold."""
    return _report(catalog.version, flt, lang, dt.date.today(), catalog)


def slide_count(catalog: danvan.Catalog, flt: Filter, lang: str) -> int:
    """How many slides the filter has (exports.report.Deck): known before any but the title is made."""
    return _from_deck(catalog.version, flt, lang, dt.date.today(), catalog, len)


@st.cache_resource(max_entries=4 * PER_FILTER, show_spinner=False)
def _slide(version: str, flt: Filter, lang: str, made: dt.date, number: int, _catalog: danvan.Catalog) -> Slide:
    return _from_deck(version, flt, lang, made, _catalog, lambda made_deck: made_deck.slide(number))


def slide(catalog: danvan.Catalog, flt: Filter, lang: str, number: int) -> Slide:
    """Slide `number` of the filter (0 = the title), made today: once per filter, language and slide — a new filter
    makes the slide shown, not all of them."""
    return _slide(catalog.version, flt, lang, dt.date.today(), number, catalog)


@st.cache_resource(max_entries=4 * PER_FILTER, show_spinner=False)
def _slide_figure(
    version: str, flt: Filter, lang: str, made: dt.date, number: int, height: int | None, _catalog: danvan.Catalog
) -> go.Figure:
    chart = _slide(version, flt, lang, made, number, _catalog).chart
    assert chart is not None
    return make_slide_figure(chart, lang, height=height)


def slide_figure(catalog: danvan.Catalog, flt: Filter, lang: str, number: int, height: int | None) -> go.Figure:
    """The chart of slide `number` (a slide with a chart), built once; height None: the height of the box it is
    drawn in (the slide's screen)."""
    return _slide_figure(catalog.version, flt, lang, dt.date.today(), number, height, catalog)


@st.cache_resource(max_entries=128, show_spinner=False)
def locator_image(scheme: str, code: str, lang: str) -> bytes:
    """The whole country with one province coloured, as a PNG (danvan.figures.slides.make_locator_image), drawn once
    per province (≈0,1 s)."""
    return make_locator_image(scheme, code, lang)


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _slide_map(version: str, flt: Filter, lang: str, made: dt.date, number: int, _catalog: danvan.Catalog) -> bytes:
    data = _slide(version, flt, lang, made, number, _catalog).map
    assert data is not None
    return make_map_image(data, lang)


def slide_map_image(catalog: danvan.Catalog, flt: Filter, lang: str, number: int) -> bytes:
    """The map of slide `number` (a slide with a map) as a PNG, drawn once (≈0,1 s)."""
    return _slide_map(catalog.version, flt, lang, dt.date.today(), number, catalog)


# ---------------------------------------------------------------- maps


class SerializedDeck:
    """A pydeck Deck serialized once, as compact JSON, with what st.pydeck_chart reads from a Deck.

    pydeck's own Deck.to_json() indents by two spaces — 4–5× the bytes for the boundaries' coordinates (≈1.3 MB
    for the 63 provinces instead of ≈0.3 MB) and a pure-Python encoder on every rerun. The spec is the same."""

    layers: tuple = ()  # nothing for Streamlit's pandas-3 workaround to convert: the data is already in the JSON
    mapbox_key = None
    deck_widget = None

    _tooltip = maps.TOOLTIP  # the attribute st.pydeck_chart reads a Deck's tooltip from; make_map_deck's own

    def __init__(self, deck: pdk.Deck, shapes: dict[tuple, tuple] | None = None) -> None:
        """`shapes`: the JSON of the deck's coordinate arrays by their place in it, from earlier decks of the same
        boundaries — writing the numbers of the shapes is most of the time; they are the same in every deck of a
        scheme, only the colours and texts change. Given, it is filled and used; the JSON is the same either way."""
        marks: dict[str, str] = {}
        if shapes is not None:
            for layer in getattr(deck, "layers", None) or []:
                _mark_shapes(getattr(layer, "data", None), ("layer", getattr(layer, "id", None)), shapes, marks)
        text = json.dumps(deck, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False)
        if marks:  # each mark is a JSON string of its own ("\u0000shape:N"): swapped for the numbers' JSON
            parts = text.split('"\\u0000shape:')
            text = parts[0] + "".join(
                marks[part[: part.index('"')]] + part[part.index('"') + 1 :] for part in parts[1:]
            )
        self._json = text

    def to_json(self) -> str:
        return self._json


SHAPE_KEYS = ("coordinates", "polygon")  # GeoJSON geometries and the pickable outlines (maps.hit_areas)


def _mark_shapes(node: object, path: tuple, shapes: dict[tuple, tuple], marks: dict[str, str]) -> None:
    """Replace every coordinate array under SHAPE_KEYS in the deck's data (the deck's own copy, built for this
    call) by a mark, remembering the array's JSON by its path (layer id, keys and indexes), written again when the
    array at that path is not the one remembered (another length or first point)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SHAPE_KEYS and isinstance(value, list):
                where, signature = (*path, key), (len(value), _first_number(value))
                known = shapes.get(where)
                if known is None or known[0] != signature:
                    known = shapes[where] = (signature, json.dumps(value, separators=(",", ":")))
                mark = str(len(marks))
                marks[mark] = known[1]
                node[key] = f"\u0000shape:{mark}"
            else:
                _mark_shapes(value, (*path, key), shapes, marks)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _mark_shapes(value, (*path, index), shapes, marks)


def _first_number(value: object) -> object:
    while isinstance(value, list) and value:
        value = value[0]
    return value


@st.cache_resource(max_entries=8, show_spinner=False)
def _shape_json(boundaries: str) -> dict[tuple, tuple]:
    return {}  # filled by SerializedDeck: per distinct boundaries, the JSON of each coordinate array by its path


@st.cache_resource(max_entries=PER_FILTER, show_spinner=False)
def _serialized_deck(key: str, boundaries: str, _build: Callable[[], pdk.Deck]) -> SerializedDeck:
    return SerializedDeck(_build(), _shape_json(boundaries))


def map_deck(
    geojson: str,
    islands: str,
    values: dict[str, float],
    tooltips: dict[str, str],
    arcs: pl.DataFrame,
    *,
    no_data_text: str,
    view: pdk.ViewState = maps.VIEW,
) -> SerializedDeck:
    """maps.make_map_deck, built and serialized once per distinct content (keyed by a hash of every argument)."""
    shapes = hashlib.sha256()
    for part in (geojson, islands):
        shapes.update(part.encode("utf-8"))
    digest = shapes.copy()
    digest.update(
        json.dumps(
            [values, tooltips, no_data_text, vars(view), arcs.to_dicts()],
            sort_keys=True,
            default=str,
            ensure_ascii=False,
        ).encode("utf-8")
    )
    return _serialized_deck(
        digest.hexdigest(),
        shapes.hexdigest(),
        lambda: maps.make_map_deck(geojson, islands, values, tooltips, arcs, no_data_text=no_data_text, view=view),
    )


@st.cache_resource(show_spinner=False)
def session_secret() -> bytes:
    """The key the process signs its sign-in cookies with (accounts.session_token): made at start, never stored, so
    that a restart of the server ends every remembered session."""
    return secrets.token_bytes(32)


@st.cache_resource(show_spinner=False)
def throttle() -> Throttle:
    """Failed sign-ins, shared by every session of the process: a count kept per session would restart with a new
    browser tab."""
    return Throttle()
