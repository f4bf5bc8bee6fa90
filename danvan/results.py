"""Results, not record counts: what the filter's figures say was achieved, and how each indicator moved between
periods. Only figures in the data: nothing is estimated, interpolated or summed across periods.

- `outcomes`: per outcome indicator (`higher_is_better`), the latest value of each place, how many places report it,
  the lowest and highest, the total where the values are summable counts of one period, and — where the data holds
  a target (status "target") for the same place and period — the share of it achieved;
- `trends`: per indicator and place, its values over the periods the data holds, and the change since the previous
  period (percentage points for rates; per year for summable counts over periods of different lengths);
- `trend_rows` and `top_trends`: the same trends for a page that shows only the first few — the rows a trend reads,
  de-duplicated and ranked once per catalog, then per filter a count of the groups and the full trends of the first
  `n` only (a national filter at scale holds ~100.000 trends, of which the overview shows 12)."""

from __future__ import annotations

import numpy as np
import polars as pl

from .queries import sum_qualifier

# The order a leader reads outcomes in: the campaign first, then government, services, petitions, rural areas…
CATEGORY_ORDER = (
    "dan_van_kheo",
    "chinh_quyen",
    "hanh_chinh",
    "khieu_nai",
    "nong_thon_moi",
    "ocop",
    "khen_thuong",
    "an_sinh",
    "van_ban",
)
# A place is its unit in the chosen scheme and its unit of record: under the 34-unit scheme Hà Nam's and Nam Định's
# values are two places of Ninh Bình, never one series.
PLACE = ["display_code", "display_name", "province_name", "district", "commune", "breakdown"]


def _category_rank() -> pl.Expr:
    return pl.col("category").replace_strict(
        {c: i for i, c in enumerate(CATEGORY_ORDER)}, default=len(CATEGORY_ORDER), return_dtype=pl.Int32
    )


_UNIT = ["indicator_id", "display_code", "province_name"]  # an indicator's value of a unit of record (see PLACE)
_UNIT_NAMES = pl.struct("display_name", "province_name")  # ui.host names it: "Ninh Bình (trước đây: Hà Nam)"


def outcomes(totals: pl.DataFrame, n: int = 6) -> pl.DataFrame:
    """Outcome indicators of the filter's province-level totals (queries.province_totals), at most `n`, the campaign's
    first, then those reported by most places (a place is a unit of record: see PLACE). One row each: name_vi/name_en,
    unit, aggregation, places; the single place's value, period, status and source when one place reports it; low and
    high otherwise, each with its unit (`low_unit`: display_name, province_name), its period and its quote
    (`low_quote`: source_id, quote); `total`
    when every place's latest value is a summable count of the same period; `target` and `achieved` (% of target)
    where a target exists for the one place and period shown."""
    rows = totals.filter(pl.col("higher_is_better").fill_null(False))
    actual = (
        rows.filter(pl.col("status") != "target")
        .sort("period_end", "period_start", maintain_order=True)
        .group_by(*_UNIT, maintain_order=True)
        .last()
    )
    targets = (
        rows.filter(pl.col("status") == "target")
        .select(*_UNIT, "period_start", "period_end", pl.col("value").alias("target"))
        .unique(subset=[*_UNIT, "period_start", "period_end"], keep="last")
    )
    actual = actual.join(targets, on=[*_UNIT, "period_start", "period_end"], how="left", maintain_order="left")
    by_value = actual.sort("value", "display_name", maintain_order=True)
    summary = by_value.group_by("indicator_id", maintain_order=True).agg(
        pl.col("name_vi", "name_en", "unit", "aggregation", "category").first(),
        pl.len().alias("places"),
        pl.col("value").first().alias("low"),
        pl.col("qualifier").first().alias("low_qualifier"),
        _UNIT_NAMES.first().alias("low_unit"),
        pl.col("value").last().alias("high"),
        pl.col("qualifier").last().alias("high_qualifier"),
        _UNIT_NAMES.last().alias("high_unit"),
        pl.col("period_start").min(),
        pl.col("period_end").max(),
        pl.struct("period_start", "period_end").first().alias("low_period"),
        pl.struct("period_start", "period_end").last().alias("high_period"),
        pl.struct("source_id", "quote").first().alias("low_quote"),  # each end with the sentence it is quoted from
        pl.struct("source_id", "quote").last().alias("high_quote"),
        (pl.struct("period_start", "period_end").n_unique() == 1).alias("one_period"),
        pl.col("value").sum().alias("_sum"),
        sum_qualifier().alias("total_qualifier"),
        pl.col(
            "value",
            "qualifier",
            "status",
            "source_id",
            "quote",
            "target",
            "computed_percent",
            "numerator",
            "denominator",
        )
        .first()
        .name.prefix("one_"),
        _UNIT_NAMES.first().alias("one_unit"),
    )
    return (
        summary.with_columns(
            pl.when((pl.col("aggregation") == "sum") & pl.col("one_period") & (pl.col("places") > 1))
            .then("_sum")
            .otherwise(None)
            .alias("total"),
            pl.when(pl.col("places") == 1).then("one_target").otherwise(None).alias("target"),
            pl.when((pl.col("places") == 1) & (pl.col("one_target") > 0))
            .then(pl.col("one_value") / pl.col("one_target") * 100)
            .otherwise(None)
            .alias("achieved"),
            _category_rank().alias("_rank"),
        )
        .sort("_rank", "places", "indicator_id", descending=[False, True, False], maintain_order=True)
        # two per category first, so that a few cards cover the campaign, government, services…
        .with_columns((pl.int_range(pl.len()).over("category") >= 2).alias("_more"))
        .sort("_more", maintain_order=True)
        .drop("_sum", "_rank", "_more", "one_target")
        .head(n)
    )


def _trend_source(obs: pl.DataFrame) -> pl.DataFrame:
    """The values a trend compares: not targets, in period order, one per indicator, place and period (the last)."""
    return (
        obs.filter(pl.col("status") != "target")
        .sort("period_end", "period_start", maintain_order=True)
        .unique(subset=["indicator_id", *PLACE, "period_start", "period_end"], keep="last", maintain_order=True)
    )


_ORDER = [
    "_rank",
    "indicator_id",
    "display_name",
    "province_name",
    "district",
    "commune",
    "breakdown",
]  # how trends are listed
FILTER_COLUMNS = ["period_start", "period_end", "display_code"]  # what top_trends' `keep` may read


def trend_rows(table: pl.DataFrame) -> pl.DataFrame:
    """What `top_trends` reads, once per catalog and scheme, from a whole observation table (queries.observation_table):
    the rows `trends` compares, de-duplicated as it does (every copy of a value shares its period and place, so a
    filter keeps all of them or none: de-duplicating before filtering gives the same rows), in its order, narrow:
    `_row` (the row of `table`), FILTER_COLUMNS, `_group` (the indicator and place, numbered 0, 1, … by its first
    row) and `_order` (the place of the group's key in the order trends are listed; equal keys share it)."""
    keys = ["indicator_id", *PLACE]
    rows = _trend_source(
        table.select(*keys, "period_start", "period_end", "status", "category").with_row_index("_row")
    ).with_row_index("_at")
    ranked = (
        rows.group_by(keys, maintain_order=True)
        .agg(pl.col("category").first())
        .with_row_index("_group")
        .with_columns(_category_rank().alias("_rank"))
        .sort(*_ORDER, nulls_last=False, maintain_order=True)
        .with_columns(
            pl.any_horizontal(*[pl.col(k).ne_missing(pl.col(k).shift(1)) for k in _ORDER])
            .fill_null(True)
            .cum_sum()
            .cast(pl.UInt32)
            .alias("_order")
        )
        .select(*keys, "_group", "_order")
    )
    return rows.join(ranked, on=keys, how="left", nulls_equal=True, maintain_order="left").select(
        "_row", *FILTER_COLUMNS, "_group", "_order"
    )


def top_trends(table: pl.DataFrame, rows: pl.DataFrame, keep: pl.Expr, n: int) -> tuple[pl.DataFrame, int]:
    """`trends` of the observations of `table` where `keep` holds (e.g. queries.in_filter), the first `n` only, and
    how many there are in all, from `rows` = trend_rows(table): equal to `trends(observations).head(n)` and its
    height, without making every trend (the rows of the first `n` only are read)."""
    # counted with NumPy over the group numbers: a hash group-by of half a million rows costs ~20 ms on two cores
    mask = rows.select(keep.fill_null(False)).to_series().to_numpy()
    group = rows["_group"].to_numpy()
    size = int(group.max()) + 1 if len(group) else 0
    kept = group[mask]
    chosen = np.flatnonzero(np.bincount(kept, minlength=size) >= 2)
    first = np.full(size, np.iinfo(np.int64).max)
    np.minimum.at(first, kept, np.flatnonzero(mask))  # each group's first row in the filter
    order = rows["_order"].to_numpy()[first[chosen]].astype(np.int64)  # read at the group's first row
    # groups with equal keys are listed as trends lists them: by their first value in the filter
    key = order * (len(group) + 1) + first[chosen]  # unique: one first row per group
    lowest = np.argpartition(key, n)[:n] if len(key) > n else np.arange(len(key))
    top = chosen[lowest]
    wanted = np.zeros(size, bool)
    wanted[top] = True
    shown = rows["_row"].to_numpy()[mask & wanted[group]]
    return trends(table[pl.Series(shown)]), len(chosen)


def trends(obs: pl.DataFrame) -> pl.DataFrame:
    """Per indicator and place (unit, district, commune, breakdown) with values for two periods or more (reported
    or estimated, not targets): `periods` (period_start, period_end, value, status, in order), the previous and the
    latest, `change` (latest − previous: points for percentages) and `change_percent` (for counts), `per_year` True
    when summable counts over periods of different lengths are compared per year."""
    rows = _trend_source(obs).with_columns(
        (pl.col("period_end").dt.year() - pl.col("period_start").dt.year() + 1).alias("_years")
    )
    grouped = (
        rows.group_by("indicator_id", *PLACE, maintain_order=True)
        .agg(
            pl.col("name_vi", "name_en", "unit", "aggregation", "category").first(),
            pl.struct("period_start", "period_end", "value", "qualifier", "status").alias("periods"),
            pl.col("value").tail(2).first().alias("previous"),
            pl.col("value").last().alias("latest"),
            pl.col("_years").tail(2).first().alias("_years_before"),
            pl.col("_years").last().alias("_years_now"),
            pl.col("period_start").tail(2).first().alias("previous_start"),
            pl.col("period_end").tail(2).first().alias("previous_end"),
            pl.col("period_start").last().alias("latest_start"),
            pl.col("period_end").last().alias("latest_end"),
            pl.len().alias("count"),
        )
        .filter(pl.col("count") >= 2)
    )
    per_year = (pl.col("aggregation") == "sum") & (pl.col("_years_before") != pl.col("_years_now"))
    before = pl.when(per_year).then(pl.col("previous") / pl.col("_years_before")).otherwise("previous")
    now = pl.when(per_year).then(pl.col("latest") / pl.col("_years_now")).otherwise("latest")
    return (
        grouped.with_columns(
            per_year.alias("per_year"),
            (now - before).alias("change"),
            pl.when((pl.col("unit") != "percent") & (before != 0))
            .then((now - before) / before.abs() * 100)
            .otherwise(None)
            .alias("change_percent"),
            _category_rank().alias("_rank"),
        )
        .sort(_ORDER, nulls_last=False, maintain_order=True)
        .drop("_years_before", "_years_now", "_rank", "count")
    )
