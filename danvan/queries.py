"""Pure query functions over a Catalog: filtering by the shared filter, mapping between the 63 and 34 schemes,
aggregation to the merged provinces, per-year normalisation and comparability checks. Lazy until the end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from .model import MERGER_DATE, Catalog

FIRST_YEAR, LAST_YEAR = 2008, 2026


@dataclass(frozen=True)
class Filter:
    """The view every page shows: provinces (codes in `scheme`; empty = all), an inclusive year range, a scheme."""

    provinces: tuple[str, ...] = ()
    years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)
    scheme: str = "63"
    notes: tuple[str, ...] = field(default=(), compare=False)  # what was corrected when the filter was parsed

    @property
    def start(self) -> dt.date:
        return dt.date(self.years[0], 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.years[1], 12, 31)


def default_scheme(years: tuple[int, int]) -> str:
    """63 units for periods before the merger, 34 once the period reaches 1/7/2025."""
    return "34" if dt.date(years[1], 12, 31) >= MERGER_DATE and years[0] >= MERGER_DATE.year else "63"


def level_expr() -> pl.Expr:
    """The administrative level a record is about: commune, district or province."""
    return (pl.when(pl.col("commune").is_not_null()).then(pl.lit("commune"))
            .when(pl.col("district").is_not_null()).then(pl.lit("district"))
            .otherwise(pl.lit("province")))


def _display_units(catalog: Catalog, scheme: str) -> pl.LazyFrame:
    """(scheme, province_code) of a record → display_code and names in the chosen scheme.

    Old units map to the unit they merged into; a post-merger unit has no single old unit, so in the 63 view it keeps
    its own code and is marked `scheme_mismatch`."""
    units = catalog.units.lazy()
    names = units.filter(pl.col("scheme") == scheme).select(pl.col("code").alias("display_code"),
                                                             pl.col("name_vi").alias("display_name"))
    own = units.select("scheme", pl.col("code").alias("province_code"), pl.col("name_vi").alias("province_name"),
                       pl.when(pl.col("scheme") == scheme).then(pl.col("code"))
                       .when(pl.col("scheme") == "63").then(pl.col("new_code"))
                       .otherwise(None).alias("display_code"))
    return own.join(names, on="display_code", how="left")


def with_display(frame: pl.LazyFrame, catalog: Catalog, scheme: str) -> pl.LazyFrame:
    """Add province_name, display_code and display_name (the unit in the chosen scheme) to visits or observations."""
    return frame.join(_display_units(catalog, scheme), on=["scheme", "province_code"], how="left")


def _in_provinces(flt: Filter) -> pl.Expr:
    return pl.col("display_code").is_in(list(flt.provinces)) if flt.provinces else pl.lit(True)


def visits(catalog: Catalog, flt: Filter) -> pl.DataFrame:
    """Visits in the filter's years and provinces, newest first, with names in the chosen scheme."""
    return (
        with_display(catalog.visits.lazy(), catalog, flt.scheme)
        .filter(pl.col("date_start") <= flt.end, pl.col("date_end") >= flt.start, _in_provinces(flt))
        .with_columns(level_expr().alias("host_level"))
        .sort("date_start", "visit_id", descending=True)
        .collect()
    )


def observations(catalog: Catalog, flt: Filter) -> pl.DataFrame:
    """Observations whose period overlaps the filter's years, in its provinces, with indicator metadata."""
    return (
        with_display(catalog.observations.lazy(), catalog, flt.scheme)
        .filter(pl.col("period_start") <= flt.end, pl.col("period_end") >= flt.start, _in_provinces(flt))
        .join(catalog.indicators.lazy().select(pl.col("id").alias("indicator_id"), "name_vi", "name_en", "unit",
                                               "aggregation", "category", "higher_is_better"),
              on="indicator_id", how="left")
        .with_columns(level_expr().alias("level"), years_expr().alias("years"),
                      (pl.col("numerator") / pl.col("denominator") * 100).alias("computed_percent"))
        .sort("indicator_id", "display_code", "period_start")
        .collect()
    )


def years_expr() -> pl.Expr:
    """Number of calendar years a period spans (1 for a year or a date)."""
    return pl.col("period_end").dt.year() - pl.col("period_start").dt.year() + 1


def per_year(frame: pl.DataFrame) -> pl.DataFrame:
    """Add `value_per_year`: a summable count over a multi-year period divided by its years; other values unchanged.

    Percentages, averages and stocks (aggregation "none") are never divided."""
    return frame.with_columns(
        pl.when(pl.col("aggregation") == "sum").then(pl.col("value") / years_expr()).otherwise(pl.col("value"))
        .alias("value_per_year"),
        ((pl.col("aggregation") == "sum") & (years_expr() > 1)).alias("normalised"),
    )


def aggregate_to_34(frame: pl.DataFrame) -> pl.DataFrame:
    """Province-level observations of scheme 63 added up to the 34 merged units, only where the indicator allows.

    Rows are grouped by indicator, merged unit, period, status and breakdown; `parts` names the old provinces that
    contributed. Indicators with aggregation "none" (percentages, averages, stocks) are returned one row per old
    province, unsummed, so that a page can show them side by side with their old names."""
    base = frame.filter(pl.col("level") == "province")
    keys = ["indicator_id", "display_code", "display_name", "period_start", "period_end", "status", "breakdown"]
    summed = (
        base.filter(pl.col("aggregation") == "sum")
        .group_by(keys, maintain_order=True)
        .agg(pl.col("value").sum(), pl.col("province_name").unique(maintain_order=True).alias("parts"),
             pl.col("source_id").unique(maintain_order=True).alias("sources"))
        .with_columns(pl.lit(True).alias("aggregated"))
    )
    kept = base.filter(pl.col("aggregation") != "sum").select(
        *keys, "value", pl.concat_list("province_name").alias("parts"), pl.concat_list("source_id").alias("sources"),
        pl.lit(False).alias("aggregated"))
    return pl.concat([summed, kept]).sort("indicator_id", "display_code", "period_start")


def comparability(frame: pl.DataFrame) -> list[str]:
    """Plain reasons why the values of one indicator in `frame` should not be compared as like with like."""
    reasons = []
    periods = frame.select("period_start", "period_end").unique()
    if periods.height > 1:
        reasons.append("periods")
    if frame["level"].n_unique() > 1:
        reasons.append("levels")
    if frame["status"].n_unique() > 1:
        reasons.append("statuses")
    if frame["breakdown"].is_null().any() and frame["breakdown"].is_not_null().any():
        reasons.append("breakdowns")  # totals beside their own parts; parts alone are a split, not a mix
    return reasons


def percent_disagreements(frame: pl.DataFrame, tolerance: float = 1.0) -> pl.DataFrame:
    """Percentages stated in the source that differ from numerator/denominator by more than `tolerance` points."""
    return frame.filter((pl.col("unit") == "percent") & ((pl.col("computed_percent") - pl.col("value")).abs()
                                                         > tolerance))


def headline(catalog: Catalog, flt: Filter) -> dict[str, int]:
    """Counts for the overview: visits, provinces visited, documents referenced, observations, sources."""
    vis = visits(catalog, flt)
    obs = observations(catalog, flt)
    return {
        "visits": vis.height,
        "provinces": vis.filter(pl.col("display_code").is_not_null())["display_code"].n_unique(),
        "documents": vis.select(pl.col("documents").explode()).drop_nulls().n_unique(),
        "observations": obs.height,
        "sources": pl.concat([vis.select("source_id"), obs.select("source_id")])["source_id"].n_unique(),
    }


def map_values(frame: pl.DataFrame, indicator_id: str, scheme: str) -> pl.DataFrame:
    """One value per unit of the chosen scheme for a province-level indicator: the latest period of each unit.

    In scheme 34 counts are added up over the old provinces of a merged unit (same period only); a percentage of
    a merged unit is shown only when a single old province reported it, never summed or averaged."""
    rows = frame.filter(pl.col("indicator_id") == indicator_id, pl.col("level") == "province",
                        pl.col("breakdown").is_null())
    if scheme == "34":
        rows = aggregate_to_34(rows).filter(pl.col("aggregated") | (pl.col("parts").list.len() == 1))
    else:
        rows = rows.with_columns(pl.concat_list("province_name").alias("parts"),
                                 pl.concat_list("source_id").alias("sources"))
    return (rows.sort("period_end", "period_start").group_by("display_code", maintain_order=True).last()
            .select("display_code", "display_name", "value", "period_start", "period_end", "parts", "sources"))


def visit_counts(frame: pl.DataFrame) -> pl.DataFrame:
    """Number of visits per unit of the chosen scheme, as map values."""
    return (frame.filter(pl.col("display_code").is_not_null())
            .group_by("display_code", "display_name").agg(pl.len().cast(pl.Float64).alias("value"),
                                                          pl.col("date_start").min().alias("period_start"),
                                                          pl.col("date_end").max().alias("period_end"))
            .sort("display_code"))


def visit_arcs(frame: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """Each visit as an arc from the visiting body's seat (Hà Nội for central bodies; the province's own capital
    for provincial and district bodies) to the host province's capital, in the record's own scheme."""
    capitals = units.select("scheme", pl.col("code").alias("province_code"), pl.col("capital_lon").alias("to_lon"),
                            pl.col("capital_lat").alias("to_lat"))
    hanoi = units.filter(pl.col("code") == "01").row(0, named=True)
    return (
        frame.filter(pl.col("province_code").is_not_null())
        .join(capitals, on=["scheme", "province_code"], how="left")
        .with_columns(
            pl.when(pl.col("body_level") == "central").then(pl.lit(hanoi["capital_lon"])).otherwise("to_lon")
            .alias("from_lon"),
            pl.when(pl.col("body_level") == "central").then(pl.lit(hanoi["capital_lat"])).otherwise("to_lat")
            .alias("from_lat"),
        )
    )
