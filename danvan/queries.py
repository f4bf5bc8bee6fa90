"""Pure query functions over a Catalog: filtering by the shared filter, mapping between the 63 and 34 schemes,
aggregation to the merged provinces, per-year normalisation and comparability checks. Lazy until the end."""

from __future__ import annotations

import polars as pl

from . import fmt
from .filter import Filter
from .i18n import t
from .model import NEW_SCHEME, OLD_SCHEME, PLACE_LEVELS, Catalog


def level_expr() -> pl.Expr:
    """The administrative level a record is about: commune, district or province."""
    return (
        pl.when(pl.col("commune").is_not_null())
        .then(pl.lit("commune"))
        .when(pl.col("district").is_not_null())
        .then(pl.lit("district"))
        .otherwise(pl.lit("province"))
    )


def _display_units(catalog: Catalog, scheme: str) -> pl.LazyFrame:
    """(scheme, province_code) of a record → display_code and names in the chosen scheme.

    Old units map to the unit they merged into; a post-merger unit has no single old unit, so in the 63 view it keeps
    its own code and is marked `scheme_mismatch`."""
    units = catalog.units.lazy()
    names = units.filter(pl.col("scheme") == scheme).select(
        pl.col("code").alias("display_code"), pl.col("name_vi").alias("display_name")
    )
    own = units.select(
        "scheme",
        pl.col("code").alias("province_code"),
        pl.col("name_vi").alias("province_name"),
        pl.when(pl.col("scheme") == scheme)
        .then(pl.col("code"))
        .when(pl.col("scheme") == OLD_SCHEME)
        .then(pl.col("new_code"))
        .otherwise(None)
        .alias("display_code"),
    )
    return own.join(names, on="display_code", how="left")


def with_display(frame: pl.LazyFrame, catalog: Catalog, scheme: str) -> pl.LazyFrame:
    """Add province_name, display_code and display_name (the unit in the chosen scheme) to visits or observations."""
    return frame.join(
        _display_units(catalog, scheme), on=["scheme", "province_code"], how="left", maintain_order="left"
    )


def _in_provinces(flt: Filter) -> pl.Expr:
    return pl.col("display_code").is_in(list(flt.provinces)) if flt.provinces else pl.lit(True)


def _in_visit_choices(flt: Filter) -> pl.Expr:
    """A visit's level, kind and visiting body among the filter's (each empty = all); values are not visits and
    are kept whatever these say."""
    keep = pl.lit(True)
    for column, chosen in (("body_level", flt.levels), ("kind", flt.kinds), ("body", flt.bodies)):
        if chosen:
            keep &= pl.col(column).is_in(list(chosen))
    return keep


def visit_bodies(catalog: Catalog) -> list[str]:
    """The visiting bodies named in the data, sorted (the filter bar offers them)."""
    return sorted(catalog.visits["body"].drop_nulls().unique().to_list())


def province_totals(table: pl.DataFrame) -> pl.DataFrame:
    """The province-level totals (no breakdown) of an observation table, in its order: what the overview's
    highlights and the map read — a few percent of the rows of a national dataset."""
    return table.filter(pl.col("level") == "province", pl.col("breakdown").is_null())


_BIT_YEAR = 2000  # bit 0 of a year mask; masks cover 2000–2061, clamped (the filter's years are 2008–2026)


def year_bits(first: pl.Expr | int, last: pl.Expr | int) -> pl.Expr:
    """An Int64 with one bit set per calendar year from `first` to `last`: two periods overlap in years exactly
    when their masks share a bit."""

    def bit(year: pl.Expr | int) -> pl.Expr:
        value = year if isinstance(year, pl.Expr) else pl.lit(year)
        return value.cast(pl.Int64).clip(_BIT_YEAR, _BIT_YEAR + 61) - _BIT_YEAR

    return pl.lit(2, pl.Int64).pow(bit(last) + 1) - pl.lit(2, pl.Int64).pow(bit(first))


def indicator_places(table: pl.DataFrame) -> pl.DataFrame:
    """Each (indicator, place) of an observation table once, with the years it reports as a mask (year_bits):
    which places report an indicator in any year range is then a filter of this frame, not of every value."""
    return (
        table.lazy()
        .group_by("indicator_id", "display_code", "district", "commune")
        .agg(year_bits(pl.col("period_start").dt.year(), pl.col("period_end").dt.year()).bitwise_or().alias("years"))
        .collect()
    )


def places_per_indicator(places: pl.DataFrame, flt: Filter) -> pl.DataFrame:
    """Number of distinct places (unit, district, commune) reporting each indicator in the filter's years and
    provinces, from indicator_places()."""
    fbits = pl.select(year_bits(flt.years[0], flt.years[1])).item()
    return (
        places.lazy()
        .filter((pl.col("years") & fbits) != 0, _in_provinces(flt))
        .group_by("indicator_id")
        .agg(pl.len().alias("places"))
        .collect()
    )


def visit_table(catalog: Catalog, scheme: str) -> pl.DataFrame:
    """Every visit with names in `scheme` and its host level, newest first: what `visits` filters.

    Built once per catalog and scheme (components/cached.py keeps it), so that a filter change only selects rows."""
    return (
        with_display(catalog.visits.lazy().reverse(), catalog, scheme)  # the catalog is oldest first
        .with_columns(level_expr().alias("host_level"))
        .collect()
    )


# What an observation carries of its indicator (indicators.yaml)
INDICATOR_COLUMNS = ("name_vi", "name_en", "unit", "counts", "aggregation", "category", "higher_is_better")


def observation_base(catalog: Catalog) -> pl.DataFrame:
    """Every observation with what does not depend on the scheme: indicator metadata, level, years, computed %.

    In the catalog's order (by period, see loader._public_observations), so that a filter on years alone selects a
    few contiguous runs. The catalog's own columns are shared, not copied."""
    indicators = catalog.indicators.lazy().select(pl.col("id").alias("indicator_id"), *INDICATOR_COLUMNS)
    names = catalog.units.lazy().select(
        "scheme", pl.col("code").alias("province_code"), pl.col("name_vi").alias("province_name")
    )
    extra = (
        catalog.observations.lazy()
        .select(
            "indicator_id",
            "scheme",
            "province_code",
            "district",
            "commune",
            "period_start",
            "period_end",
            "numerator",
            "denominator",
        )
        .join(names, on=["scheme", "province_code"], how="left", maintain_order="left")
        .join(indicators, on="indicator_id", how="left", maintain_order="left")
        .select(
            "province_name",
            *INDICATOR_COLUMNS,
            level_expr().alias("level"),
            years_expr().alias("years"),
            (pl.col("numerator") / pl.col("denominator") * 100).alias("computed_percent"),
        )
        .collect()
    )
    return catalog.observations.hstack(extra)


def observation_table(catalog: Catalog, scheme: str, base: pl.DataFrame | None = None) -> pl.DataFrame:
    """Every observation with names in `scheme` (what `observations` filters); `base` from observation_base."""
    base = observation_base(catalog) if base is None else base
    display = (
        base.lazy()
        .select("scheme", "province_code")
        .join(
            _display_units(catalog, scheme).drop("province_name"),
            on=["scheme", "province_code"],
            how="left",
            maintain_order="left",
        )
        .select("display_code", "display_name")
        .collect()
    )
    return base.hstack(display).select(OBSERVATION_COLUMNS)


OBSERVATION_COLUMNS = [
    "observation_id",
    "indicator_id",
    "scheme",
    "province_code",
    "province_note",
    "district",
    "commune",
    "period_start",
    "period_end",
    "period_note",
    "value",
    "qualifier",
    "numerator",
    "denominator",
    "status",
    "breakdown",
    "source_id",
    "quote",
    "province_name",
    "display_code",
    "display_name",
    "name_vi",
    "name_en",
    "unit",
    "counts",
    "aggregation",
    "category",
    "higher_is_better",
    "level",
    "years",
    "computed_percent",
]


def take(frame: pl.DataFrame, keep: pl.Expr, max_runs: int = 64) -> pl.DataFrame:
    """The rows of `frame` where `keep` holds, in their order.

    When they form a few contiguous runs — a filter on years over a frame sorted by period, the national view — the
    result is a concatenation of zero-copy slices, so that a cache can hold many filters of a million rows without
    holding copies of them; otherwise (a few provinces: many short runs, few rows) a filtered copy."""
    mask = frame.select(keep.fill_null(False).alias("keep")).to_series()
    if mask.all():
        return frame
    edges = (
        pl.DataFrame({"keep": mask})
        .with_row_index("at")
        .filter(pl.col("keep") != pl.col("keep").shift(1, fill_value=False))
    )
    if edges.height > 2 * max_runs:
        return frame.filter(mask)
    bounds = [*edges["at"].to_list(), frame.height][: edges.height + (edges.height % 2)]
    runs = [(start, end) for start, end in zip(bounds[0::2], bounds[1::2], strict=True)]
    return pl.concat([frame.slice(start, end - start) for start, end in runs], rechunk=False) if runs else frame.clear()


def visits(catalog: Catalog, flt: Filter, table: pl.DataFrame | None = None) -> pl.DataFrame:
    """Visits in the filter's years and provinces, newest first, with names in the chosen scheme.

    `table` is visit_table(catalog, flt.scheme) when the caller keeps one."""
    table = visit_table(catalog, flt.scheme) if table is None else table
    return take(table, in_filter(flt, "date_start", "date_end") & _in_visit_choices(flt))


def observations(catalog: Catalog, flt: Filter, table: pl.DataFrame | None = None) -> pl.DataFrame:
    """Observations whose period overlaps the filter's years, in its provinces, with indicator metadata; ordered by
    period, then indicator and province. `table` is observation_table(catalog, flt.scheme) when the caller keeps one."""
    table = observation_table(catalog, flt.scheme) if table is None else table
    return take(table, in_filter(flt))


def in_filter(flt: Filter, start: str = "period_start", end: str = "period_end") -> pl.Expr:
    """THE definition of "in the filter", for every tile, page and file: a record whose period (an observation's
    period_start..period_end, a visit's date_start..date_end) overlaps the filter's years, in one of its provinces
    (display_code). A 2013–2024 value is in a filter of 2015: beyond_years() says which ones reach outside."""
    return (pl.col(start) <= flt.end) & (pl.col(end) >= flt.start) & _in_provinces(flt)


def beyond_years(flt: Filter, start: str = "period_start", end: str = "period_end") -> pl.Expr:
    """Whether a record in_filter() has a period reaching outside the filter's years (a multi-year report)."""
    return (pl.col(start) < flt.start) | (pl.col(end) > flt.end)


def beyond_years_count(counts: pl.DataFrame, flt: Filter) -> tuple[int, str]:
    """From observation_counts(table, …): how many of the filter's values reach outside its years, and the widest
    such period ("2013–2024"), so that a page can say why a value of another period is counted."""
    rows = counts.lazy().filter(in_filter(flt), beyond_years(flt)).collect()
    if rows.is_empty():
        return 0, ""
    wide = rows.sort(pl.col("period_end") - pl.col("period_start"), descending=True).row(0, named=True)
    return int(rows["len"].sum()), fmt.period(wide["period_start"], wide["period_end"])


def years_expr() -> pl.Expr:
    """Number of calendar years a period spans (1 for a year or a date)."""
    return pl.col("period_end").dt.year() - pl.col("period_start").dt.year() + 1


def per_year(frame: pl.DataFrame) -> pl.DataFrame:
    """Add `value_per_year`: a summable count over a multi-year period divided by its length in years (whole years
    counted as such, a span of days to a tenth of a year: "03/06/2013–10/08/2023" is 10,2 years, not the 11
    calendar years it touches); other values unchanged. Percentages, averages and stocks (aggregation "none") are
    never divided."""
    days = (pl.col("period_end") - pl.col("period_start")).dt.total_days() + 1
    length = pl.max_horizontal((days / 365.25).round(1), pl.lit(1.0))
    return frame.with_columns(
        pl.when(pl.col("aggregation") == "sum")
        .then(pl.col("value") / length)
        .otherwise(pl.col("value"))
        .alias("value_per_year"),
        ((pl.col("aggregation") == "sum") & (years_expr() > 1)).alias("normalised"),
    )


def sum_qualifier() -> pl.Expr:
    """The qualifier of a sum: its parts' one word ("hơn 10" + 5 is "hơn 15"), "khoảng" when they differ."""
    words = pl.col("qualifier").drop_nulls().unique()
    return (
        pl.when(words.len() == 0)
        .then(None)
        .when(words.len() == 1)
        .then(words.first())
        .otherwise(pl.lit("khoảng"))
        .alias("qualifier")
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
        .agg(
            pl.col("value").sum(),
            sum_qualifier(),
            pl.col("province_name").unique(maintain_order=True).alias("parts"),
            pl.col("source_id").unique(maintain_order=True).alias("sources"),
            pl.col("quote").alias("quotes"),
        )
        .with_columns(pl.lit(True).alias("aggregated"))
    )
    kept = base.filter(pl.col("aggregation") != "sum").select(
        *keys,
        "value",
        "qualifier",
        pl.concat_list("province_name").alias("parts"),
        pl.concat_list("source_id").alias("sources"),
        pl.concat_list("quote").alias("quotes"),
        pl.lit(False).alias("aggregated"),
    )
    return pl.concat([summed, kept]).sort("indicator_id", "display_code", "period_start")


# Why the values of one indicator should not be compared as like with like: each reason, as an aggregate.
COMPARABILITY = {
    "periods": pl.struct("period_start", "period_end").n_unique() > 1,
    "levels": pl.col("level").n_unique() > 1,
    "statuses": pl.col("status").n_unique() > 1,
    # totals beside their own parts; parts alone are a split, not a mix
    "breakdowns": pl.col("breakdown").is_null().any() & pl.col("breakdown").is_not_null().any(),
}


def comparability(frame: pl.DataFrame) -> list[str]:
    """Plain reasons why the values of one indicator in `frame` should not be compared as like with like."""
    flags = frame.select(**COMPARABILITY).row(0, named=True)
    return [reason for reason in COMPARABILITY if flags[reason]]


def comparability_by(frame: pl.DataFrame, by: str) -> dict:
    """comparability() of each value of `by` (e.g. each indicator) in `frame`, in one pass."""
    flags = frame.group_by(by).agg(**COMPARABILITY)
    return {row[by]: [reason for reason in COMPARABILITY if row[reason]] for row in flags.iter_rows(named=True)}


RATIO_TOLERANCE = 1.0  # percentage points a stated percentage may differ from its own numerator/denominator


def ratio_percent_expr() -> pl.Expr:
    """numerator/denominator × 100, null where there is no ratio (or a zero denominator, which the loader rejects)."""
    return pl.when(pl.col("denominator") > 0).then(pl.col("numerator") / pl.col("denominator") * 100)


def ratio_mismatch_expr(tolerance: float = RATIO_TOLERANCE) -> pl.Expr:
    """THE rule for a self-contradicting value, named `ratio_mismatch`: a percentage (column `unit` == "percent")
    whose stated `value` differs from its own `numerator`/`denominator` by more than `tolerance` points (166/200
    stated as 80%). False, never null, where there is no ratio or the unit is not a percentage.

    Every view and file that shows a value flags it with this (the loader warns with it, the compare page lists
    them, overview/profile/slides/exports mark the value); ratio_mismatch() is the same rule for one value."""
    wrong = (pl.col("unit") == "percent") & ((ratio_percent_expr() - pl.col("value")).abs() > tolerance)
    return wrong.fill_null(False).alias("ratio_mismatch")


def ratio_mismatch(
    value: float | None,
    numerator: float | None,
    denominator: float | None,
    unit: str | None,
    tolerance: float = RATIO_TOLERANCE,
) -> bool:
    """ratio_mismatch_expr() for one value (a row of a page or a slide)."""
    row = pl.DataFrame(
        {"value": [value], "numerator": [numerator], "denominator": [denominator], "unit": [unit]},
        schema={"value": pl.Float64, "numerator": pl.Float64, "denominator": pl.Float64, "unit": pl.String},
    )
    return bool(row.select(ratio_mismatch_expr(tolerance)).item())


def computed_percent_text(numerator: float | None, denominator: float | None, lang: str = "vi") -> str:
    """numerator/denominator as a percentage to a tenth, as every flag and note writes it: 146/178 is "82%", 1/3
    "33,3%" ("—" without a denominator)."""
    computed = numerator / denominator * 100 if numerator is not None and denominator else None
    return fmt.percent(None if computed is None else round(computed, 1), lang=lang)


def ratio_mismatch_note(numerator: float | None, denominator: float | None, lang: str = "vi") -> str:
    """The flag shown beside a value ratio_mismatch() found: "⚠ Nguồn ghi tỷ lệ này, nhưng 166/200 = 83%"."""
    return t(
        "ratio_mismatch",
        lang,
        num=fmt.number(numerator, lang=lang),
        den=fmt.number(denominator, lang=lang),
        computed=computed_percent_text(numerator, denominator, lang),
    )


def with_ratio_flag(frame: pl.DataFrame, lang: str = "vi") -> pl.DataFrame:
    """`frame` (columns value, numerator, denominator, unit) with `ratio_mismatch` (bool, ratio_mismatch_expr) and
    `ratio_note` (ratio_mismatch_note's text, null where the value agrees with its ratio or has none): what a table
    or a file shows beside the value."""
    template = t("ratio_mismatch", lang, num="{}", den="{}", computed="{}")
    return (
        frame.with_columns(ratio_mismatch_expr(), ratio_percent_expr().alias("_ratio"))
        .with_columns(
            pl.when(pl.col("ratio_mismatch"))
            .then(
                pl.format(
                    template,
                    fmt.number_expr("numerator", lang=lang),
                    fmt.number_expr("denominator", lang=lang),
                    fmt.number_expr("_ratio", 1, lang=lang) + pl.lit("%"),
                )
            )
            .alias("ratio_note")
        )
        .drop("_ratio")
    )


def parts_over_whole(frame: pl.DataFrame) -> pl.DataFrame:
    """The parts (breakdown rows) larger than their whole: the same indicator, place and period without a breakdown,
    compared by their numerators (a rate's counts) or, for counts, their values — "166/178 đơn kiến nghị" under
    "146/178 đơn" resolved in all, both as the source writes them. Columns of `frame`, and `whole` (the total's)."""
    keys = ["indicator_id", "province_code", "district", "commune", "period_start", "period_end"]
    amount = pl.coalesce(pl.col("numerator"), pl.when(pl.col("unit") == "count").then(pl.col("value")))
    wholes = frame.filter(pl.col("breakdown").is_null()).select(*keys, amount.alias("whole")).unique(keys)
    return (
        frame.filter(pl.col("breakdown").is_not_null())
        .join(wholes, on=keys, how="inner", nulls_equal=True, maintain_order="left")
        .filter(amount > pl.col("whole"))
    )


def percent_disagreements(frame: pl.DataFrame, tolerance: float = RATIO_TOLERANCE) -> pl.DataFrame:
    """Percentages stated in the source that differ from numerator/denominator by more than `tolerance` points."""
    return frame.filter(ratio_mismatch_expr(tolerance))


def headline(catalog: Catalog, flt: Filter) -> dict[str, int]:
    """Counts for the overview: visits, provinces visited, documents referenced, observations, sources."""
    return headline_counts(visits(catalog, flt), observations(catalog, flt))


def headline_counts(
    vis: pl.DataFrame, obs: pl.DataFrame | None = None, obs_counts: pl.DataFrame | None = None
) -> dict[str, int]:
    """headline() from frames already filtered: the visits and either the observations or their number by source
    (`obs_counts`: source_id, len — counts_in(observation_counts(table, "source_id"), flt, "source_id"))."""
    if obs_counts is None:
        assert obs is not None, "the observations or their counts by source"
        obs_counts = obs.group_by("source_id").len()
    return {
        "visits": vis.height,
        "provinces": vis.filter(pl.col("display_code").is_not_null())["display_code"].n_unique(),
        "documents": vis.select(pl.col("documents").explode()).drop_nulls().n_unique(),
        "observations": int(obs_counts["len"].sum()),
        "sources": pl.concat([vis["source_id"].unique(), obs_counts["source_id"]]).n_unique(),
    }


def highlights(obs: pl.DataFrame, n: int = 6) -> pl.DataFrame:
    """The latest province-level totals: one per province first, then other fields, `n` at most."""
    totals = obs.filter(pl.col("level") == "province", pl.col("breakdown").is_null()).sort(
        "period_end", descending=True, maintain_order=True
    )
    return (
        pl.concat([totals.unique(subset="display_code", keep="first", maintain_order=True), totals])
        .unique(subset=["display_code", "category"], keep="first", maintain_order=True)
        .head(n)
    )


def recent_sources(
    catalog: Catalog,
    vis: pl.DataFrame,
    obs: pl.DataFrame | None = None,
    n: int = 4,
    obs_counts: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The `n` most recently published sources behind the filtered visits and observations, with how many of each
    they gave (columns `visits`, `observations`). `obs_counts` (source_id, len) may stand for `obs`."""
    if obs_counts is None:
        assert obs is not None, "the observations or their counts by source"
        obs_counts = obs.group_by("source_id").len()
    counts = (
        vis.group_by("source_id")
        .len(name="visits")
        .join(
            obs_counts.select("source_id", pl.col("len").alias("observations")),
            on="source_id",
            how="full",
            coalesce=True,
        )
        .with_columns(pl.col("visits", "observations").fill_null(0))
    )
    return (
        catalog.sources.join(counts, on="source_id", how="inner")
        .sort("published", descending=True, nulls_last=True)
        .head(n)
    )


def latest_values(obs: pl.DataFrame) -> pl.DataFrame:
    """The latest value of each indicator, breakdown and place in `obs`, province-level values first, then by
    category and indicator: what a profile lists when a province has thousands of values."""
    return (
        obs.sort("period_end", "period_start", descending=True, maintain_order=True)
        .unique(subset=["indicator_id", "breakdown", "district", "commune"], keep="first", maintain_order=True)
        .sort(
            pl.col("level") != "province", "category", "indicator_id", "breakdown", nulls_last=True, maintain_order=True
        )
    )


def map_indicators(obs: pl.DataFrame) -> pl.DataFrame:
    """Indicators with a province-level total in `obs`: what the map can colour provinces by."""
    return (
        obs.filter(pl.col("level") == "province", pl.col("breakdown").is_null())
        .select("indicator_id", "name_vi", "name_en", "unit")
        .unique()
        .sort("name_vi", "indicator_id")
    )


def below_province(obs: pl.DataFrame) -> pl.DataFrame:
    """Per indicator (indicator_id, len), its totals in `obs` that are a district's or a commune's: values the map of
    provinces does not colour."""
    return (
        obs.filter(pl.col("level") != "province", pl.col("breakdown").is_null())
        .group_by("indicator_id")
        .len()
        .sort("indicator_id")
    )


def indicator_ranking(obs: pl.DataFrame, name_column: str) -> pl.DataFrame:
    """Indicators in `obs`, those reported by the most places first, so that a comparison compares places."""
    return (
        obs.group_by("indicator_id", name_column)
        .agg(pl.struct("display_code", "district", "commune").n_unique().alias("places"), pl.len())
        .sort("places", "len", name_column, descending=[True, True, False])
    )


def ranking_in(
    flt: Filter, places: pl.DataFrame, counts: pl.DataFrame, indicators: pl.DataFrame, name_column: str
) -> pl.DataFrame:
    """indicator_ranking() of the filter's observations, from indicator_places() and observation_counts(…,
    "indicator_id") of the whole table: a few thousand rows to read instead of every value."""
    names = indicators.select(pl.col("id").alias("indicator_id"), name_column)
    return (
        counts_in(counts, flt, "indicator_id")
        .join(places_per_indicator(places, flt), on="indicator_id", how="left")
        .join(names, on="indicator_id", how="left")
        .select(
            "indicator_id", name_column, pl.col("places").fill_null(0).cast(pl.UInt32), pl.col("len").cast(pl.UInt32)
        )
        .sort("places", "len", name_column, descending=[True, True, False])
    )


def observation_counts(table: pl.DataFrame, by: str) -> pl.DataFrame:
    """Rows of an observation table counted by `by` (e.g. indicator_id, source_id), unit and period: counts_in()
    then gives the count for any filter without reading every value."""
    return table.lazy().group_by(by, "display_code", "period_start", "period_end").len().collect()


def counts_in(counts: pl.DataFrame, flt: Filter, by: str) -> pl.DataFrame:
    """`by` and the number of the filter's observations (`len`), from observation_counts(table, by)."""
    return counts.lazy().filter(in_filter(flt)).group_by(by).agg(pl.col("len").sum()).collect()


def source_counts(catalog: Catalog) -> pl.DataFrame:
    """Every source with the number of visits, findings, observations and documents curated from it: a document
    recorded from it or cited by one of its visits (the page listed "1 sự kiện … 0 văn bản" beside a visit that cites
    four), each once."""
    sources = catalog.sources
    documents = pl.concat(
        [
            catalog.documents.drop_nulls("source").select(pl.col("source").alias("source_id"), "code"),
            catalog.visits.select("source_id", pl.col("documents").alias("code")).explode("code").drop_nulls(),
        ]
    ).unique()
    for frame, column, name in (
        (catalog.visits, "source_id", "visits"),
        (catalog.findings, "source_id", "findings"),
        (catalog.observations, "source_id", "observations"),
        (documents, "source_id", "documents"),
    ):
        counts = frame.group_by(column).len(name=name).rename({column: "source_id"})
        sources = sources.join(counts, on="source_id", how="left", maintain_order="left")
    return sources.with_columns(pl.col("visits", "findings", "observations", "documents").fill_null(0))


def source_quotes(catalog: Catalog, source_id: str) -> list[str]:
    """The distinct quotes taken from one source, in the form they are compared with its text (text.quote_key)."""
    from .text import quote_key

    frames = (
        (catalog.visits, "source_id"),
        (catalog.findings, "source_id"),
        (catalog.observations, "source_id"),
        (catalog.documents, "source"),
    )
    quotes = pl.concat([frame.filter(pl.col(column) == source_id).select("quote") for frame, column in frames])
    return list(dict.fromkeys(quote_key(q) for q in quotes["quote"].drop_nulls().unique(maintain_order=True)))


def document_mentions(catalog: Catalog) -> pl.DataFrame:
    """Each document code with the (sorted) ids of the sources whose stored text mentions it."""
    texts = pl.DataFrame(
        {"source_id": list(catalog.texts), "text": list(catalog.texts.values())},
        schema={"source_id": pl.String, "text": pl.String},
    )
    return (
        catalog.documents.select("code")
        .join(texts, how="cross")
        .filter(pl.col("text").str.contains(pl.col("code"), literal=True))
        .group_by("code")
        .agg(pl.col("source_id").sort())
    )


def place_label_frame(places: pl.DataFrame, lang: str = "vi") -> pl.DataFrame:
    """place_labels() as a frame (`name`, `label`), for expressions that name many places at once."""
    known = places.filter(pl.col("level").is_in(PLACE_LEVELS)).unique("name", keep="first", maintain_order=True)
    # The text around the name per kind, joined in one expression: a national list is ~14.000 places.
    around = {level: t("place_" + level, lang, name="\x00").split("\x00") for level in PLACE_LEVELS}
    label = pl.concat_str(
        pl.col("level").replace_strict({level: parts[0] for level, parts in around.items()}),
        pl.col("name"),
        pl.col("level").replace_strict({level: parts[1] for level, parts in around.items()}),
    )
    # a name recorded with its type word, where the name alone is two units ("huyện Kỳ Anh", "thị xã Kỳ Anh")
    typed = pl.col("name").str.contains(r"^(?:thành phố|thị xã|thị trấn|huyện|quận|xã|phường|đặc khu)\s")
    return known.select("name", pl.when(typed).then(pl.col("name")).otherwise(label).alias("label"))


def place_labels(places: pl.DataFrame, lang: str = "vi") -> dict[str, str]:
    """Each lower place the sources name (data/places.csv) as people write it with its kind: "thành phố Bắc Kạn",
    "huyện Ba Bể" — so that the city of Bắc Kạn is not read as the province of Bắc Kạn."""
    named = place_label_frame(places, lang)
    return dict(zip(named["name"].to_list(), named["label"].to_list(), strict=True))


def place_names(frame: pl.DataFrame, names: pl.Expr, labels: pl.DataFrame) -> pl.Series:
    """`names` (place names of `frame`'s rows) as place_label_frame() `labels` write them, other values as they are.
    A join: replacing through ~14.000 names costs ~20× more per column at scale."""
    picked = frame.select(names.alias("name"))
    joined = picked.join(labels, on="name", how="left", maintain_order="left")
    return joined.select(pl.coalesce("label", "name")).to_series()


def place_label_expr(places: pl.DataFrame | None, lang: str = "vi", *, labels: pl.DataFrame | None = None) -> pl.Expr:
    """The most specific lower place of a visit or value (commune, else district) as place_labels() writes it;
    null for a province-level record. `labels`, place_label_frame() made once per catalog (components/cached.py),
    spares making them again from `places`. For many rows place_names() is faster."""
    if labels is None:
        assert places is not None, "place_label_expr needs places or labels"
        labels = place_label_frame(places, lang)
    lower = pl.coalesce("commune", "district")
    return lower.replace_strict(labels["name"], labels["label"], default=lower, return_dtype=pl.String).alias(
        "place_label"
    )


def formerly_name(lang: str) -> pl.Expr:
    """A record that predates a merger: the new unit with the unit of record beside it ("Ninh Bình (trước đây: Hà
    Nam)"); null for any other record."""
    merged = pl.col("display_name").is_not_null() & (pl.col("display_name") != pl.col("province_name"))
    return pl.when(merged).then(
        pl.format(t("formerly", lang, new="{}", old="{}"), pl.col("display_name"), pl.col("province_name"))
    )


def unit_name(lang: str) -> pl.Expr:
    """The host unit as the chosen scheme names it, with the old unit's name when the record predates a merger."""
    return pl.coalesce(formerly_name(lang), pl.col("province_name"))


def address(lang: str, labels: pl.DataFrame | None = None) -> pl.Expr:
    """Commune, district and unit (unit_name), those a record has: "Trường Thủy, Lệ Thủy, Quảng Trị (trước đây:
    Quảng Bình)"; with their kinds when place_label_frame() `labels` are given ("xã Trường Thủy, huyện Lệ Thủy, …");
    null for a central record."""
    lower = [pl.col("commune"), pl.col("district")]
    if labels is not None:
        lower = [c.replace_strict(labels["name"], labels["label"], default=c, return_dtype=pl.String) for c in lower]
    return pl.concat_str([*lower, unit_name(lang)], separator=", ", ignore_nulls=True)


def host_name(lang: str, places: pl.DataFrame | None = None, *, labels: pl.DataFrame | None = None) -> pl.Expr:
    """Where a visit went: its commune or district (with its kind when `places` or their `labels` are given: "huyện
    Ba Bể") and the unit (unit_name); the unit alone for a province-level visit."""
    lower = (
        pl.coalesce("commune", "district")
        if places is None and labels is None
        else place_label_expr(places, lang, labels=labels)
    )
    return pl.concat_str([lower, unit_name(lang)], separator=", ").fill_null(unit_name(lang))


def source_name(lang: str = "vi") -> pl.Expr:
    """A source as people recognise it: its title; an untitled one by where it was published ("Bài không có tiêu đề
    trên vanninh.khanhhoa.gov.vn", not the bare site as if it were a title); else its id."""
    return pl.coalesce("title", pl.format(t("source_untitled", lang), "publisher"), "source_id")


def source_title_expr(sources: pl.DataFrame, column: str = "source_id", lang: str = "vi") -> pl.Expr:
    """A source id as people recognise the source (source_name)."""
    names = sources.select("source_id", source_name(lang).alias("name"))
    return pl.col(column).replace_strict(dict(names.iter_rows()), default=pl.col(column), return_dtype=pl.String)


def filter_source_ids(vis: pl.DataFrame, obs_counts: pl.DataFrame) -> list[str]:
    """The sources behind the filter's visits and observations (`obs_counts`: source_id, len of the filter)."""
    return pl.concat([vis["source_id"], obs_counts["source_id"]]).unique(maintain_order=True).to_list()


def documents_in(catalog: Catalog, flt: Filter, referenced: list[str], source_ids: list[str]) -> pl.DataFrame:
    """The documents that concern the filter: referenced by its visits, mentioned in the text of its sources, or
    issued locally by one of its provinces (a document's province is a unit of scheme 63)."""
    from .filter import convert_codes

    old_codes = convert_codes(list(flt.provinces), flt.scheme, OLD_SCHEME, catalog.units) if flt.provinces else []
    mentioned = (
        document_mentions(catalog).explode("source_id").filter(pl.col("source_id").is_in(source_ids))["code"].to_list()
    )
    return catalog.documents.filter(
        pl.col("code").is_in(list(referenced) + mentioned) | pl.col("province").is_in(old_codes)
    )


def document_references(vis: pl.DataFrame) -> pl.DataFrame:
    """One row per (visit, document it references), in the order of `vis` (newest first), with the visit's date as
    every page writes it (`when`: "~28/05/2020", "~01–02/2020", not 01/01/2020 as if the day were known)."""
    return vis.select(
        "visit_id",
        "date_start",
        fmt.visit_date_expr().alias("when"),
        "body",
        "province_name",
        "display_name",
        "district",
        "commune",
        pl.col("documents"),
    ).explode("documents")


def visit_buckets(vis: pl.DataFrame) -> pl.DataFrame:
    """Visits counted by month, visiting level and kind: the points of a timeline of thousands of visits.

    Each bucket keeps its newest visit (`visit_id`, for a click to open) and the dates it spans."""
    return (
        vis.group_by(pl.col("date_start").dt.month_start().alias("month"), "body_level", "kind", maintain_order=True)
        .agg(
            pl.len().alias("visits"),
            pl.col("visit_id").first(),
            pl.col("date_start").min().alias("first"),
            pl.col("date_start").max().alias("last"),
        )
        .sort("month", "body_level", "kind", descending=[True, False, False])
    )


def map_values(frame: pl.DataFrame, indicator_id: str, scheme: str) -> pl.DataFrame:
    """One value per unit of the chosen scheme for a province-level indicator: the latest period of each unit.

    In scheme 34 counts are added up over the old provinces of a merged unit (same period only); a percentage of
    a merged unit is shown only when a single old province reported it, never summed or averaged."""
    rows = frame.filter(
        pl.col("indicator_id") == indicator_id, pl.col("level") == "province", pl.col("breakdown").is_null()
    )
    if scheme == NEW_SCHEME:
        rows = aggregate_to_34(rows).filter(pl.col("aggregated") | (pl.col("parts").list.len() == 1))
    else:
        rows = rows.with_columns(
            pl.concat_list("province_name").alias("parts"),
            pl.concat_list("source_id").alias("sources"),
            pl.concat_list("quote").alias("quotes"),
        )
    return (
        rows.sort("period_end", "period_start")
        .group_by("display_code", maintain_order=True)
        .last()
        .select(
            "display_code",
            "display_name",
            "value",
            "qualifier",
            "period_start",
            "period_end",
            "parts",
            "sources",
            "quotes",
        )
    )


def visit_counts(frame: pl.DataFrame) -> pl.DataFrame:
    """Number of visits per unit of the chosen scheme, as map values."""
    return (
        frame.filter(pl.col("display_code").is_not_null())
        .group_by("display_code", "display_name")
        .agg(
            pl.len().cast(pl.Float64).alias("value"),
            pl.col("date_start").min().alias("period_start"),
            pl.col("date_end").max().alias("period_end"),
        )
        .sort("display_code")
    )


def visit_arcs(frame: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """Each visit as an arc from the visiting body's seat (Hà Nội for central bodies; the province's own capital
    for provincial and district bodies) to the host province's capital, in the record's own scheme."""
    capitals = units.select(
        "scheme",
        pl.col("code").alias("province_code"),
        pl.col("capital_lon").alias("to_lon"),
        pl.col("capital_lat").alias("to_lat"),
    )
    hanoi = units.filter(pl.col("code") == "01").row(0, named=True)
    return (
        frame.filter(pl.col("province_code").is_not_null())
        .join(capitals, on=["scheme", "province_code"], how="left")
        .with_columns(
            pl.when(pl.col("body_level") == "central")
            .then(pl.lit(hanoi["capital_lon"]))
            .otherwise("to_lon")
            .alias("from_lon"),
            pl.when(pl.col("body_level") == "central")
            .then(pl.lit(hanoi["capital_lat"]))
            .otherwise("to_lat")
            .alias("from_lat"),
        )
    )


def arc_summary(frame: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """visit_arcs() gathered into one arc per visiting level, seat and host capital: a map of thousands of visits
    draws hundreds of arcs. `visits` counts them; the date (date_start, date_end, date_precision), body and unit
    (province_name, display_name) are the newest visit's."""
    return (
        visit_arcs(frame.sort("date_start", "visit_id", descending=True, maintain_order=True), units)
        .group_by("body_level", "from_lon", "from_lat", "to_lon", "to_lat", maintain_order=True)
        .agg(
            pl.len().alias("visits"),
            pl.col("date_start", "date_end", "date_precision", "body", "province_name", "display_name").first(),
        )
    )
