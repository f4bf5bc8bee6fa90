"""What changed since a day (the last meeting): the sources, visits and values added after it.

The data carries no "retrieved" date, so "added" is read from what it does carry:
- a record saved through the curation page has the time of its save in the audit log (data/history/audit.jsonl):
  that is when it was added;
- any other record (the curated seed files) counts as added when its source was published — the day the facts
  became public; a source dated only by month or year counts from the last day of that month or year, so that a
  source that may be new is listed rather than hidden.
Visits and values take the date of their own save when they have one, else their source's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from .audit import Entry

SAVED, PUBLISHED = "saved", "published"  # how a record's added date is known


def _saved(entries: Sequence[Entry], file: str) -> pl.DataFrame:
    """Each id the audit log records as added to `file`, with the day of its first save."""
    rows = [
        (record_id, dt.datetime.fromisoformat(entry.time).date())
        for entry in entries
        for record_id in entry.files.get(file, {}).get("added", [])
    ]
    return (
        pl.DataFrame(rows, schema={"id": pl.String, "saved": pl.Date}, orient="row")
        .group_by("id")
        .agg(pl.col("saved").min())
    )


def published_day() -> pl.Expr:
    """A source's `published` ("YYYY-MM-DD", "YYYY-MM", "YYYY") as the last day it may stand for."""
    text = pl.col("published")
    return (
        pl.when(text.str.len_chars() == 10)
        .then(text.str.to_date("%Y-%m-%d", strict=False))
        .when(text.str.len_chars() == 7)
        .then((text + "-01").str.to_date("%Y-%m-%d", strict=False).dt.month_end())
        .when(text.str.len_chars() == 4)
        .then((text + "-12-31").str.to_date("%Y-%m-%d", strict=False))
        .otherwise(None)
    )


def source_dates(sources: pl.DataFrame, entries: Sequence[Entry]) -> pl.DataFrame:
    """Every source with `added` (its save, else its publication) and `basis` (SAVED or PUBLISHED)."""
    saved = _saved(entries, "sources.yaml").rename({"id": "source_id"})
    return (
        sources.join(saved, on="source_id", how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("saved", published_day()).alias("added"),
            pl.when(pl.col("saved").is_not_null())
            .then(pl.lit(SAVED))
            .when(published_day().is_not_null())
            .then(pl.lit(PUBLISHED))
            .alias("basis"),
        )
        .drop("saved")
    )


def _with_added(
    frame: pl.DataFrame, id_column: str, file: str, sources: pl.DataFrame, entries: Sequence[Entry]
) -> pl.DataFrame:
    saved = _saved(entries, file).rename({"id": id_column})
    by_source = sources.select(
        "source_id", pl.col("added").alias("_source_added"), pl.col("basis").alias("_source_basis")
    )
    return (
        frame.join(saved, on=id_column, how="left", maintain_order="left")
        .join(by_source, on="source_id", how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("saved", "_source_added").alias("added"),
            pl.when(pl.col("saved").is_not_null()).then(pl.lit(SAVED)).otherwise("_source_basis").alias("basis"),
        )
        .drop("saved", "_source_added", "_source_basis")
    )


@dataclass(frozen=True)
class Changes:
    """What was added after `since`, newest first: sources, visits and values (each with `added` and `basis`)."""

    since: dt.date
    sources: pl.DataFrame
    visits: pl.DataFrame
    observations: pl.DataFrame
    undated: int = 0  # the filter's sources with no date at all: never counted as new
    found_values: int | None = None  # how many values were added when `observations` holds the first ones only

    @property
    def empty(self) -> bool:
        return self.sources.is_empty() and self.visits.is_empty() and self.observations.is_empty()

    @property
    def value_count(self) -> int:
        """How many of the filter's values were added after `since`."""
        return self.observations.height if self.found_values is None else self.found_values


def _new_visits(day: dt.date, visits: pl.DataFrame, dated: pl.DataFrame, entries: Sequence[Entry]) -> pl.DataFrame:
    return (
        _with_added(visits, "visit_id", "visits.yaml", dated, entries)
        .filter(pl.col("added") > day)
        .sort("added", "date_start", descending=True, maintain_order=True)
    )


def since(
    day: dt.date, visits: pl.DataFrame, observations: pl.DataFrame, sources: pl.DataFrame, entries: Sequence[Entry] = ()
) -> Changes:
    """The filter's visits and values (`visits`, `observations`, already filtered) added after `day`, and the
    sources added after it that gave any of the filter's visits or values."""
    dated = source_dates(sources, entries)
    new_visits = _new_visits(day, visits, dated, entries)
    new_values = (
        _with_added(observations, "observation_id", "observations.yaml", dated, entries)
        .filter(pl.col("added") > day)
        .sort("added", "period_end", descending=True, maintain_order=True)
    )
    used = pl.concat([visits.select("source_id"), observations.select("source_id")])["source_id"].unique()
    new_sources = dated.filter(pl.col("added") > day, pl.col("source_id").is_in(used.to_list())).sort(
        "added", "source_id", descending=[True, False]
    )
    undated = dated.filter(pl.col("added").is_null(), pl.col("source_id").is_in(used.to_list())).height
    return Changes(day, new_sources, new_visits, new_values, undated)


def latest(
    visits: pl.DataFrame, observations: pl.DataFrame, sources: pl.DataFrame, entries: Sequence[Entry] = ()
) -> dt.date | None:
    """The newest added date among the filter's records (a page's starting point for "since when")."""
    dated = source_dates(sources, entries)
    days = pl.concat(
        [
            _with_added(visits, "visit_id", "visits.yaml", dated, entries).select("added"),
            _with_added(observations, "observation_id", "observations.yaml", dated, entries).select("added"),
        ]
    )["added"].drop_nulls()
    return days.max() if len(days) else None  # type: ignore[return-value]


@dataclass(frozen=True)
class AddedIndex:
    """Once per catalog and scheme, what `since` and `latest` join and sort per filter: every source with its added
    date (source_dates), and every value of an observation table as `since` lists them (added, then period end,
    newest first), narrow — `_row` (its row in the table), `added`, `basis` and the columns a filter reads."""

    sources: pl.DataFrame
    values: pl.DataFrame


def added_index(table: pl.DataFrame, sources: pl.DataFrame, entries: Sequence[Entry] = ()) -> AddedIndex:
    """The AddedIndex of `table` (queries.observation_table) — ~1 s at scale, then each filter reads a few rows."""
    dated = source_dates(sources, entries)
    values = (
        _with_added(
            table.select("observation_id", "source_id", "period_start", "period_end", "display_code").with_row_index(
                "_row"
            ),
            "observation_id",
            "observations.yaml",
            dated,
            entries,
        )
        .sort("added", "period_end", descending=True, maintain_order=True)
        .drop("observation_id", "source_id")
    )
    return AddedIndex(dated, values)


def latest_in(index: AddedIndex, visits: pl.DataFrame, keep: pl.Expr, entries: Sequence[Entry] = ()) -> dt.date | None:
    """`latest` for the filter's `visits` and the values of the index's table where `keep` holds (e.g.
    queries.in_filter, which reads only period_start, period_end and display_code)."""
    days = [
        _with_added(visits, "visit_id", "visits.yaml", index.sources, entries)["added"].max(),
        index.values.lazy()
        .filter(keep, pl.col("added").is_not_null())
        .select("added")
        .head(1)
        .collect()["added"]
        .max(),
    ]
    known = [day for day in days if isinstance(day, dt.date)]
    return max(known) if known else None


def since_in(
    day: dt.date,
    index: AddedIndex,
    table: pl.DataFrame,
    visits: pl.DataFrame,
    keep: pl.Expr,
    source_ids: Sequence[str],
    entries: Sequence[Entry] = (),
    n: int = 30,
) -> Changes:
    """`since` for the filter's `visits`, the values of `table` where `keep` holds (the rows of the index's table)
    and `source_ids` (those of the filter's visits and values: queries.filter_source_ids), with the first `n` values
    only and `found_values` saying how many there are: without joining and sorting every value of the filter."""
    found = index.values.lazy().filter(keep, pl.col("added") > day).select("_row", "added", "basis").collect()
    first = found.head(n)
    values = table[first["_row"]].hstack(first.select("added", "basis"))
    used = list(source_ids)
    new_sources = index.sources.filter(pl.col("added") > day, pl.col("source_id").is_in(used)).sort(
        "added", "source_id", descending=[True, False]
    )
    undated = index.sources.filter(pl.col("added").is_null(), pl.col("source_id").is_in(used)).height
    return Changes(day, new_sources, _new_visits(day, visits, index.sources, entries), values, undated, found.height)
