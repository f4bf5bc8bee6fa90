"""Follow-up of recommendations: each direction or recommendation a visit gave (a finding of kind "direction":
đề nghị, kiến nghị, chỉ đạo) with the state a curator marked in followups.yaml and the later source that shows it.

A recommendation's findings are numbered per visit from 1, in the order visits.yaml lists them (the loader checks
followups.yaml against the same numbering). Marks are kept, never rewritten: the current state is the latest mark
by date (then by order in the file); a recommendation nobody has marked is "none" — not yet followed up."""

from __future__ import annotations

import datetime as dt

import polars as pl

from .i18n import t
from .model import FOLLOWUP_STATES
from .queries import unit_name

NONE = "none"  # no mark yet
STILL_OPEN = (NONE, "open", "in_progress")  # what the list of open recommendations shows
STATES = (NONE, *FOLLOWUP_STATES)


def numbered(findings: pl.DataFrame) -> pl.DataFrame:
    """The catalog's findings with `finding`: their position among their visit's findings, from 1."""
    return findings.with_columns(pl.int_range(1, pl.len() + 1).over("visit_id").cast(pl.Int32).alias("finding"))


def recommendations(visits: pl.DataFrame, findings: pl.DataFrame, followups: pl.DataFrame) -> pl.DataFrame:
    """Every direction or recommendation of `visits` (the filter's, with display names), newest visit first, with its
    current state (`state`, `state_date`, `state_source`, `state_quote`, `state_note`) and `marks` (how many)."""
    latest = (
        followups.with_row_index("_order")
        .sort("date", "_order")
        .group_by("visit_id", "finding", maintain_order=True)
        .agg(pl.col("state", "date", "source_id", "quote", "note").last(), pl.len().alias("marks"))
        .rename(
            {
                "state": "state",
                "date": "state_date",
                "source_id": "state_source",
                "quote": "state_quote",
                "note": "state_note",
            }
        )
    )
    directions = (
        numbered(findings)
        .filter(pl.col("kind") == "direction")
        .select("visit_id", "finding", "text", pl.col("quote").alias("finding_quote"))
    )
    return (
        visits.select(
            "visit_id",
            "date_start",
            "date_end",
            "date_precision",
            "kind",
            "body",
            "body_level",
            "source_id",
            "display_code",
            "display_name",
            "province_name",
            "district",
            "commune",
        )
        .join(directions, on="visit_id", how="inner", maintain_order="left")
        .join(latest, on=["visit_id", "finding"], how="left", maintain_order="left")
        .with_columns(pl.col("state").fill_null(NONE), pl.col("marks").fill_null(0))
    )


def by_province(
    recommendations: pl.DataFrame, open_only: bool = True, lang: str = "vi"
) -> list[tuple[str, pl.DataFrame]]:
    """The recommendations grouped by the host province (queries.unit_name: in the filter's scheme, with its name of
    record when it was merged; "Không ghi nơi đến" when none), the provinces with the most open ones first; only
    those still open (not marked done or dropped) when `open_only`."""
    rows = recommendations.filter(pl.col("state").is_in(STILL_OPEN)) if open_only else recommendations
    rows = rows.with_columns(unit_name(lang).fill_null(t("fu_no_place", lang)).alias("_place"))
    order = (
        rows.group_by("_place")
        .agg(pl.col("state").is_in(STILL_OPEN).sum().alias("_open"), pl.len())
        .sort("_open", "len", "_place", descending=[True, True, False])
    )
    return [(place, rows.filter(pl.col("_place") == place).drop("_place")) for place in order["_place"]]


def counts(recommendations: pl.DataFrame) -> dict[str, int]:
    """How many recommendations are in each state (every state of STATES, zero included)."""
    found = dict(recommendations.group_by("state").len().iter_rows())
    return {state: int(found.get(state, 0)) for state in STATES}


def next_id(followups: pl.DataFrame, visit_id: str, finding: int, day: dt.date) -> str:
    """A new mark's id: f-<visit>-<finding>-<yyyymmdd>, with a suffix when that day already has one."""
    base = f"f-{visit_id.removeprefix('v-')}-{finding}-{day:%Y%m%d}"
    taken = set(followups["followup_id"].to_list())
    n, candidate = 1, base
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def record(
    visit_id: str,
    finding: int,
    state: str,
    day: dt.date,
    source_id: str | None,
    quote: str | None,
    note: str | None,
    followup_id: str,
) -> dict:
    """A mark as a record of followups.yaml (the data contract; the loader validates it when it is saved)."""
    return {
        "id": followup_id,
        "visit": visit_id,
        "finding": int(finding),
        "state": state,
        "date": day.isoformat(),
        "source": source_id or None,
        "quote": (quote or "").strip() or None,
        "note": (note or "").strip() or None,
    }
