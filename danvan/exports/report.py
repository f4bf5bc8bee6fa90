"""The presentation of a filter as slides: one pure function, `slides()`, that the app's presentation mode, the
PowerPoint file and the HTML brief all render, so that the three show the same titles, numbers and sources.

Every slide carries its data already formatted the Vietnamese way (1.145 — 81,77%), the numbers behind its chart,
and a source note naming the articles its figures come from."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

import polars as pl

from .. import fmt, queries
from ..figures.spec import Area, Chart, MapData, Series
from ..filter import Filter, data_years, default_scheme, filter_label, province_names, years_label
from ..i18n import name_column, t, value_text, value_texts
from ..model import BODY_LEVELS, OLD_SCHEME, VISIT_KINDS, Catalog, Scheme, Unit
from ..text import web_link

# The order in which campaign areas are presented: the movement first, then government, then outcomes.
CATEGORIES = (
    "dan_van_kheo",
    "chinh_quyen",
    "hanh_chinh",
    "khieu_nai",
    "nong_thon_moi",
    "ocop",
    "an_sinh",
    "khen_thuong",
    "van_ban",
)
UNIT_ORDER = ("count", "percent", "average", "vnd")
# charts of indicator values (a campaign area and unit each); the rest go to one slide of figures
MAX_COMPARE_SLIDES = 5
MAX_INDICATORS = 4  # bars groups per chart: more would not be readable from the back of a room
MAX_SERIES = 5  # places/periods per chart
MAX_FIGURES = 6
MAX_VISITS = 3
MAX_FINDINGS = 5
MAX_SOURCES = 5
MAX_TITLE = 140  # characters of a source title on a slide; the full title is on the Sources page
MAX_NOTE_SOURCES = 2  # sources named in a slide's note; the rest are counted


@dataclass(frozen=True)
class Figure:
    """A big number with what it is and where/when it comes from."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    links: tuple[str | None, ...] = ()  # per row, the web address its first cell links to (text.web_link), if any


@dataclass(frozen=True)
class Slide:
    """One screen. `kind` is title | figures | map | timeline | compare | visits | findings | sources | empty."""

    kind: str
    title: str
    subtitle: str = ""
    figures: tuple[Figure, ...] = ()
    chart: Chart | None = None
    map: MapData | None = None
    table: Table | None = None
    bullets: tuple[tuple[str, str], ...] = ()  # (lead in bold, text)
    notes: tuple[str, ...] = ()  # cautions and explanations shown under the content
    source: str = ""  # the source note every slide carries


@dataclass(frozen=True)
class Report:
    """The slides of one filter and what every export states about itself."""

    slides: tuple[Slide, ...]
    filter_label: str
    version: str
    made: dt.date
    lang: str
    empty: bool = False
    stats: dict[str, int] = field(default_factory=dict, compare=False)


def source_note(catalog: Catalog, source_ids: list[str], lang: str = "vi") -> str:
    """ "Nguồn: title (publisher, dd/mm/yyyy); … và N nguồn khác" for the sources a slide's figures come from."""
    ids = list(dict.fromkeys(source_ids))
    if not ids:
        return t("report_no_source", lang)
    first = ids[:MAX_NOTE_SOURCES]  # only these are named: one look-up of a few rows, whatever the slide counts
    found = {
        row[0]: row[1:]
        for row in catalog.sources.filter(pl.col("source_id").is_in(first))
        .select("source_id", "title", "publisher", "published")
        .iter_rows()
    }
    named = []
    for source_id in first:
        title, publisher, published = found.get(source_id, (None, None, None))
        published = "/".join(reversed(published.split("-"))) if published else published  # dd/mm/yyyy
        details = ", ".join(x for x in (publisher if title else None, published) if x)
        named.append(f"{title or publisher or source_id}" + (f" ({details})" if details else ""))
    more = len(ids) - len(named)
    text = "; ".join(named) + (" " + t("report_more_sources", lang, n=more) if more else "")
    return t("report_sources_note", lang, sources=text)


def _value_label(column: str, unit: str, lang: str) -> pl.Expr:
    """Formatted values the Vietnamese way, "—" for none; percent gets "%" (vnd values are already in tỷ)."""
    text = fmt.number_expr(column, lang=lang)
    return (
        pl.when(pl.col(column).is_null())
        .then(pl.lit(""))
        .otherwise(text + pl.lit("%" if unit == "percent" else ""))
        .alias(column)
    )


def _with_place_kinds(frame: pl.DataFrame, catalog: Catalog, lang: str) -> pl.DataFrame:
    """Districts and communes named with their kind ("thành phố Bắc Kạn", "huyện Ba Bể": queries.place_labels), for
    the slides that show them; the province stays as it is. Only the names in `frame` are looked up: a slide's few
    rows do not pay for the labels of a national dataset's 14 000 places."""
    names = pl.concat([frame["district"], frame["commune"]]).drop_nulls().unique()
    labels = queries.place_labels(catalog.places.filter(pl.col("name").is_in(names.implode())), lang)
    return frame.with_columns(
        pl.col(c).replace_strict(labels, default=pl.col(c), return_dtype=pl.String) for c in ("district", "commune")
    )


_TOTAL_KEYS = ["indicator_id", "display_code", "district", "commune", "period_start", "period_end", "status"]


def drawn_values(observations: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """The values the slides draw, and how many they leave out: the parts of a total that is drawn (a breakdown
    whose total the source also gives). Parts without a total are drawn as values of their own, so that every value
    the key figures count is drawn or counted in a note."""
    totals = observations.filter(pl.col("breakdown").is_null())
    parts = observations.filter(pl.col("breakdown").is_not_null())
    alone = parts.join(totals.select(_TOTAL_KEYS).unique(), on=_TOTAL_KEYS, how="anti", nulls_equal=True)
    return pl.concat([totals, alone]), parts.height - alone.height


def _labels(observations: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Each value with its place, period, series label and indicator name (and part, for a breakdown drawn alone),
    ready to chart; `indicator_id` then names the indicator and its part. Row by row: the labels of a few values
    are those they have among all."""
    status = pl.col("status").replace_strict({k: t("status_" + k, lang) for k in ("reported", "estimated", "target")})
    part = pl.col("breakdown").is_not_null()
    return (
        queries.with_ratio_flag(observations, lang)  # ratio_mismatch, ratio_note
        .with_columns(
            pl.when(pl.col("unit") == "vnd").then(pl.col("value") / 1e9).otherwise(pl.col("value")).alias("shown"),
            pl.when(part)
            .then(
                pl.concat_str(
                    [pl.col(name_column(lang)), pl.col("breakdown").replace(value_texts(lang))], separator=" — "
                )
            )
            .otherwise(pl.col(name_column(lang)))
            .alias("indicator"),
            pl.when(part)
            .then(pl.concat_str([pl.col("indicator_id"), pl.col("breakdown")], separator="|"))
            .otherwise(pl.col("indicator_id"))
            .alias("indicator_id"),
            queries.host_name(lang).alias("place"),  # "huyện Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)"
            fmt.period_expr(lang=lang).alias("period_label"),
        )
        .with_columns(
            pl.concat_str(
                [
                    pl.col("place"),
                    # a district's or commune's figure beside provinces' says so ("thành phố Bắc Kạn, Bắc Kạn · Cấp
                    # huyện · 2023"), as the compare page does
                    pl.when(pl.col("level") != "province").then(
                        pl.col("level").replace_strict({k: t("level_" + k, lang) for k in ("district", "commune")})
                    ),
                    pl.col("period_label"),
                    pl.when(pl.col("status") != "reported").then(status).otherwise(None),
                ],
                separator=" · ",
                ignore_nulls=True,
            ).alias("series"),
            pl.col("category")
            .replace_strict({c: i for i, c in enumerate(CATEGORIES)}, default=len(CATEGORIES), return_dtype=pl.Int64)
            .alias("category_rank"),
            pl.col("unit")
            .replace_strict({u: i for i, u in enumerate(UNIT_ORDER)}, default=len(UNIT_ORDER), return_dtype=pl.Int64)
            .alias("unit_rank"),
        )
    )


def _indicator_values(observations: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The drawn_values() with their _labels(), the same value quoted twice (two sources) once: the first source
    by id. In source order, ties in their own order (a stable sort: a filter's values keep the order they have
    among all)."""
    return (
        _labels(observations, lang)
        .sort("source_id", maintain_order=True)
        .unique(subset=["indicator_id", "series"], keep="first", maintain_order=True)
    )


# What the slides read of an observation (components/cached.py passes these columns of a filter's observations).
INDEX_COLUMNS = (
    "indicator_id",
    "breakdown",
    "unit",
    "value",
    "qualifier",
    "numerator",
    "denominator",
    "name_vi",
    "name_en",
    "commune",
    "district",
    "display_name",
    "province_name",  # the unit of record, named beside the chosen scheme's (queries.unit_name)
    "display_code",
    "period_start",
    "period_end",
    "status",
    "source_id",
    "category",
    "counts",
    "level",
)
_KEYS = ["display_code", "period_start", "period_end"]  # what queries.in_filter reads of a value
_WORD = 64  # indicators per word of a series' mask


@dataclass(frozen=True, eq=False)
class ValueIndex:
    """The values of a frame of observations as the comparison slides and the key figures choose among them, made
    once: for a whole observation table (per catalog, scheme and language, components/cached.py), a filter then
    takes its part of small aggregates and formats only the values its slides show — instead of formatting and
    deduplicating every value it holds (≈745 000 for the national view at scale). report() makes one for the
    filter's own observations when it is given none: the same slides either way.

    - `keys`: each unit and period once (what queries.in_filter reads), by `key`: a filter is the keys it takes;
    - `values`: one row per drawn value (drawn_values; the same value quoted twice is one, _indicator_values):
      `ind` (its indicator and part: a row of `indicators`), `rank` (its series — place, period, status: a row of
      `series`), `at` (its place in source order, _indicator_values) and `row` (its row in `source`); sorted by
      ind, then at, `starts[ind]` the first row of each ind;
    - `series`: each series once, by rank (a province's first, the latest period first, then in the data's order),
      with its `key` (a series is in a filter or not as a whole) and `w0`, `w1`…: the indicators that have a value
      of it, one bit per ind;
    - `counts`: the values by ind and key (`n`); `facets`: by ind, key, level, status and breakdown, with the
      period (what queries.comparability reads);
    - `dropped`: by key, the observations the slides do not draw one by one (`parts` of a drawn total, values
      quoted `twice`);
    - `sources`: the observations by source, unit and period (`len`, as queries.observation_counts) and the
      `first` row of each, so that a filter's sources come in the order of its values."""

    source: pl.DataFrame
    lang: str
    keys: pl.DataFrame
    values: pl.DataFrame
    starts: tuple[int, ...]
    indicators: pl.DataFrame  # ind, indicator_id, indicator, category, unit, counts, category_rank, unit_rank
    series: pl.DataFrame
    counts: pl.DataFrame
    facets: pl.DataFrame
    dropped: pl.DataFrame
    sources: pl.DataFrame

    def within(self, flt: Filter) -> pl.Expr:
        """Whether a row's `key` is in the filter (queries.in_filter of its unit and period)."""
        inside = self.keys.select(queries.in_filter(flt).fill_null(False)).to_series()
        return pl.lit(inside).gather(pl.col("key"))


def value_index(catalog: Catalog, observations: pl.DataFrame, lang: str = "vi") -> ValueIndex:
    """The ValueIndex of `observations` (with INDEX_COLUMNS): every value labelled once (_indicator_values)."""
    keys = observations.select(_KEYS).unique(maintain_order=True).with_row_index("key")
    frame = (
        observations.select(INDEX_COLUMNS)
        .with_row_index("row")
        .join(keys, on=_KEYS, how="left", nulls_equal=True, maintain_order="left")
    )
    drawn, _ = drawn_values(_with_place_kinds(frame, catalog, lang))
    kept = _indicator_values(drawn, lang).with_row_index("at")
    indicators = (
        kept.select("indicator_id", "indicator", "category", "unit", "counts", "category_rank", "unit_rank")
        .unique("indicator_id", keep="first")
        .sort("indicator_id")
        .with_row_index("ind")
    )
    ranks = (  # the order the comparison slides take series in: a province's own figures before a district's or a
        # commune's (a chart over provinces compares provinces first: with two districts' pairs of values beside
        # them, Bà Rịa - Vũng Tàu's 2.071 and Hà Nam's 306 were left out), then by their number of values (in
        # _chosen_series), the latest period first, then the data's own order (its first unit and period) — the
        # same in every language
        kept.group_by("series")
        .agg((pl.col("level") != "province").min().alias("below"), pl.col("period_end").max(), pl.col("key").min())
        .sort(["below", "period_end", "key", "series"], descending=[False, True, False, False])
        .with_row_index("rank")
    )
    coded = (
        kept.join(indicators.select("indicator_id", "ind"), on="indicator_id", how="left", maintain_order="left")
        .join(ranks.select("series", "rank"), on="series", how="left", maintain_order="left")
        .drop("series")
    )
    values = coded.select("ind", "rank", "at", "row").sort("ind", maintain_order=True)  # kept is in `at` order
    runs = values.group_by("ind").len().sort("ind")["len"].cum_sum().to_list()
    bit = pl.lit(2, pl.UInt64).pow((pl.col("ind") % _WORD).cast(pl.UInt64))
    words = (indicators.height - 1) // _WORD + 1
    series = (
        coded.group_by("rank")
        .agg(
            pl.first("key"),
            *(bit.filter(pl.col("ind") // _WORD == w).sum().cast(pl.UInt64).alias(f"w{w}") for w in range(words)),
        )
        .join(ranks.select("rank", "below"), on="rank")
        .sort("rank")
    )

    def per_key(rows: pl.DataFrame, name: str) -> pl.LazyFrame:
        return rows.lazy().group_by("key").agg(pl.len().cast(pl.Int64).alias(name))

    dropped = (
        per_key(frame, "observations")
        .join(per_key(drawn, "drawn"), on="key", how="left")
        .join(per_key(kept, "kept"), on="key", how="left")
        .select(
            "key",
            (pl.col("observations") - pl.col("drawn").fill_null(0)).alias("parts"),
            (pl.col("drawn").fill_null(0) - pl.col("kept").fill_null(0)).alias("twice"),
        )
        .collect()
    )
    return ValueIndex(
        source=observations,
        lang=lang,
        keys=keys,
        values=values,
        starts=(0, *runs),
        indicators=indicators,
        series=series,
        counts=coded.group_by("ind", "key").agg(pl.len().alias("n"), pl.col("value").max().alias("top")),
        facets=coded.group_by("ind", "key", "level", "status", "breakdown").agg(
            pl.first("period_start"), pl.first("period_end")
        ),
        dropped=dropped,
        sources=frame.group_by("source_id", *_KEYS).agg(pl.len(), pl.col("row").min().alias("first")),
    )


def _slices(index: ValueIndex, inds: list[int]) -> list[pl.LazyFrame]:
    """The values of each of these indicators (ind, rank, at, row), all of them, the filter's and others'."""
    return [index.values.slice(index.starts[i], index.starts[i + 1] - index.starts[i]).lazy() for i in inds]


def _labelled(index: ValueIndex, catalog: Catalog, rows: pl.DataFrame) -> pl.DataFrame:
    """`rows` of index.values with the _labels() of their values, in their order, and their value as a bar is labelled
    (`label`) and as a big figure (`text`), "⚠" beside a value that contradicts its ratio."""
    observed = index.source.select(pl.col(INDEX_COLUMNS).gather(rows["row"]))
    lang = index.lang
    number = fmt.number_expr("shown", lang=lang)
    percent = pl.when(pl.col("unit") == "percent").then(pl.lit("%")).otherwise(pl.lit(""))
    return (
        rows.hstack(_labels(_with_place_kinds(observed, catalog, lang), lang))
        .with_columns(
            pl.when(pl.col("shown").is_null())
            .then(pl.lit(""))
            .otherwise(fmt.qualified_expr(number + percent, lang))
            .alias("label"),
            fmt.qualified_expr(
                pl.when(pl.col("unit") == "vnd")
                .then(pl.format("{} {}", number, pl.lit(t("unit_vnd", lang))))
                .otherwise(pl.concat_str([number, percent])),
                lang,
            ).alias("text"),
        )
        .with_columns(_flagged("label"), _flagged("text"))
    )


def _flagged(column: str) -> pl.Expr:
    """A formatted value with "⚠" beside it when it contradicts its own ratio (queries.ratio_mismatch_expr)."""
    return pl.when(pl.col("ratio_mismatch")).then(pl.col(column) + pl.lit(" ⚠")).otherwise(pl.col(column)).alias(column)


def _ratio_notes(values: list[dict]) -> list[str]:
    """What the "⚠" beside a value means, one line per flagged value: indicator, place and period, the ratio."""
    return [
        f"⚠ {v['indicator']} ({v['series']}): {v['ratio_note'].removeprefix('⚠ ')}"
        for v in values
        if v["ratio_mismatch"]
    ]


# the single figures: by area, unit, indicator (its id: the same in every language), period, place
_REST_ORDER = ["category_rank", "unit_rank", "indicator_id"]


def _first_indicators(rest: pl.DataFrame, n: int) -> pl.DataFrame:
    """Of the indicators `rest` (ind, n, …), those whose values come first by area, unit and indicator until they hold
    `n` values — with every indicator that sorts as the last one needed (the same name)."""
    ordered = rest.sort(_REST_ORDER).with_columns(pl.col("n").cum_sum().alias("upto"))
    enough = ordered.filter(pl.col("upto") >= n).head(1)
    if enough.is_empty():
        return ordered
    last = enough.row(0, named=True)
    alike = pl.all_horizontal(pl.col(c) == last[c] for c in _REST_ORDER)
    return ordered.filter((pl.col("upto") <= last["upto"]) | alike)


def _chosen_series(index: ValueIndex, series: pl.DataFrame, tops: pl.DataFrame) -> pl.DataFrame:
    """Per chart (`tops`: chart, ind), the MAX_SERIES series of `series` (index.series in the filter): provinces'
    first, then those with the most values of its indicators — the bits of their masks that the chart's indicators
    set — then by rank."""
    masks: dict[int, list[int]] = {}
    for chart, ind in tops.select("chart", "ind").iter_rows():
        words = masks.setdefault(chart, [0] * ((index.indicators.height - 1) // _WORD + 1))
        words[ind // _WORD] |= 1 << (ind % _WORD)
    rank = pl.col("rank").cast(pl.UInt64)
    return pl.concat(
        [
            series.lazy()
            .select(
                pl.lit(chart, pl.UInt32).alias("chart"),
                "rank",
                "below",
                pl.sum_horizontal(
                    (pl.col(f"w{w}") & pl.lit(word, pl.UInt64)).bitwise_count_ones() for w, word in enumerate(words)
                ).alias("len"),
            )
            .filter(pl.col("len") > 0)
            # a province's first, the most values next, then the first rank: one key, so that top_k reads each
            # series once
            .top_k(
                MAX_SERIES,
                by=(~pl.col("below")).cast(pl.UInt64) * (1 << 62)
                + pl.col("len").cast(pl.UInt64) * (1 << 32)
                + ((1 << 32) - 1 - rank),
            )
            .sort(["below", "len", "rank"], descending=[False, True, False])
            for chart, words in masks.items()
        ]
    ).collect()


CHART_KEYS = ["category", "unit", "counts", "whole"]  # what the values of one comparison chart share


@dataclass(frozen=True, eq=False)
class _Comparisons:
    """What the comparison slides of a filter are: its values by indicator (`taken`: ind, n and the indicator),
    the areas, units and wholes charted (`charted`: chart, category, unit, whole — the indicator whose parts it draws,
    "" for whole indicators — and n) and how many values are left for the slide of single figures (`rest`)."""

    within: pl.Expr
    taken: pl.DataFrame
    charted: pl.DataFrame
    rest: int

    @property
    def count(self) -> int:
        """How many slides they make."""
        return self.charted.height + (1 if self.rest else 0)


def _comparisons(index: ValueIndex, flt: Filter) -> _Comparisons:
    """The campaign areas with two or more values in the filter, in the order of CATEGORIES and UNIT_ORDER, at most
    MAX_COMPARE_SLIDES: counted from the index's aggregates."""
    within = index.within(flt)
    taken = (
        index.counts.lazy()
        .filter(within)
        .group_by("ind")
        .agg(pl.col("n").sum(), pl.col("top").max())
        .collect()
        .join(index.indicators, on="ind")
        # the parts of one indicator are a chart of their own: beside another's, the first's parts took the bars
        # and the other's larger ones ("527 kế hoạch") were left out
        .with_columns(
            pl.when(pl.col("indicator_id").str.contains("|", literal=True))
            .then(pl.col("indicator_id").str.split("|").list.first())
            .otherwise(pl.lit(""))
            .alias("whole")
        )
    )
    # one chart per area, unit and thing counted: 378 tiêu chí, 1 hợp tác xã and 99 vườn are no bars to read against
    # each other on one axis (a leader's walk-through)
    groups = (
        taken.group_by(*CHART_KEYS, "category_rank", "unit_rank")
        .agg(pl.col("n").sum())
        .sort("category_rank", "unit_rank", *CHART_KEYS, nulls_last=True)
    )
    charted = groups.filter(pl.col("n") >= 2).head(MAX_COMPARE_SLIDES).with_row_index("chart")
    return _Comparisons(within, taken, charted, int(taken["n"].sum()) - int(charted["n"].sum()))


def _compare_slides(catalog: Catalog, index: ValueIndex, plan: _Comparisons, lang: str) -> list[Slide]:
    """Charts for the campaign areas with two or more values (_comparisons): per area and unit, its indicators with
    the most values (series) as bar groups and the series (place, period, status) with the most of those
    indicators' values, the latest period first, as coloured bars; the values of the other areas gathered as big
    figures (the first by area, unit, indicator, period and series). Only the values shown are read."""
    if not plan.count:
        return []
    within, taken, charted = plan.within, plan.taken, plan.charted
    tops = (
        taken.join(charted.select(*CHART_KEYS, "chart"), on=CHART_KEYS, nulls_equal=True)
        # the most values first, then by indicator id (in every language), the parts of one indicator the largest
        # first (each has one value: "527 kế hoạch" was left out for "1 kết luận", in the parts' alphabetical order)
        .sort(
            [pl.col("chart"), pl.col("n"), pl.col("indicator_id").str.split("|").list.first(), pl.col("top"), "ind"],
            descending=[False, True, False, True, False],
        )
        .group_by("chart", maintain_order=True)
        .head(MAX_INDICATORS)
    )
    rest = taken.join(charted.select(CHART_KEYS), on=CHART_KEYS, how="anti", nulls_equal=True)
    firsts = _first_indicators(rest, MAX_FIGURES)
    series = _chosen_series(index, index.series.filter(within), tops) if tops.height else pl.DataFrame()
    parts = [  # the values each chart shows: its indicators' of its series
        part.filter(pl.col("rank").is_in(series.filter(pl.col("chart") == chart)["rank"].implode())).with_columns(
            pl.lit(chart, pl.UInt32).alias("chart")
        )
        for part, chart in zip(_slices(index, tops["ind"].to_list()), tops["chart"].to_list(), strict=True)
    ]
    if firsts.height:  # and the first values of the other areas
        key = pl.lit(index.series["key"]).gather(pl.col("rank"))
        parts.append(
            pl.concat(_slices(index, firsts["ind"].to_list()))
            .with_columns(key.alias("key"))
            .filter(within)
            .with_columns(pl.lit(index.keys["period_end"]).gather(pl.col("key")).alias("period_end"))
            .join(firsts.lazy().select("ind", *_REST_ORDER), on="ind")
            .sort([*_REST_ORDER, "period_end", "rank", "ind"])
            .head(MAX_FIGURES)
            .select("ind", "rank", "at", "row", pl.lit(None, pl.UInt32).alias("chart"))
        )
    shown = pl.concat(parts).collect()
    shown = pl.concat([shown.filter(pl.col("chart").is_not_null()).sort("at"), shown.filter(pl.col("chart").is_null())])
    labelled = _labelled(index, catalog, shown).to_dicts()
    facets = index.facets.lazy().filter(pl.col("ind").is_in(tops["ind"].implode()), within).collect()
    reasons = queries.comparability_by(facets, "ind")
    slides = []
    for chart, category, unit, count in charted.select("chart", "category", "unit", "n").iter_rows():
        mine = [v for v in labelled if v["chart"] == chart]
        cells = {(v["ind"], v["rank"]): v for v in mine}
        barred = {v["ind"] for v in mine}
        indicators = [  # none left without a bar
            (ind, name)
            for ind, name in tops.filter(pl.col("chart") == chart).select("ind", "indicator").iter_rows()
            if ind in barred
        ]
        ranks = series.filter(pl.col("chart") == chart)["rank"].to_list()
        names = {v["rank"]: v["series"] for v in mine}
        chart_series = tuple(
            Series(
                name=names[rank],
                values=tuple(cells[ind, rank]["shown"] if (ind, rank) in cells else None for ind, _ in indicators),
                labels=tuple(cells[ind, rank]["label"] if (ind, rank) in cells else "" for ind, _ in indicators),
            )
            for rank in ranks
        )
        notes = []
        why = sorted({r for ind, _ in indicators for r in reasons[ind]})
        if why:
            notes.append(t("compare_not_comparable", lang, reasons="; ".join(t("reason_" + r, lang) for r in why)))
        notes += _ratio_notes(mine)
        if count > len(mine):
            notes.append(t("report_more_values", lang, n=count - len(mine)))
        unit_label = t("unit_" + unit, lang)
        # the parts of one indicator: its name once, above the chart, and each bar by its part ("quyết định"), not
        # the name repeated before every part
        labels = [name for _, name in indicators]
        whole = {name.rsplit(" — ", 1)[0] for name in labels}
        common = whole.pop() if len(whole) == 1 and all(" — " in name for name in labels) else None
        slides.append(
            Slide(
                kind="compare",
                title=t("category_" + category, lang),
                subtitle=(f"{common} · " if common else "") + t("report_unit", lang, unit=unit_label),
                chart=Chart(
                    kind="bar",
                    categories=tuple(name.rsplit(" — ", 1)[1] if common else name for name in labels),
                    series=chart_series,
                    unit=cast(Unit, unit),  # a unit the loader checked
                    axis_title=unit_label,
                ),
                notes=tuple(notes),
                source=source_note(catalog, [v["source_id"] for v in mine], lang),
            )
        )
    count = plan.rest
    if count:
        figures = [v for v in labelled if v["chart"] is None]
        more = (t("report_more_values", lang, n=count - len(figures)),) if count > len(figures) else ()
        # the rest named by its campaign area and unit when it has one of each (the rates of administrative reform
        # after its counts' chart were "Các chỉ tiêu khác")
        (areas, units) = (rest["category"].unique().to_list(), rest["unit"].unique().to_list())
        slides.append(
            Slide(
                kind="figures",
                title=t("category_" + areas[0], lang) if len(areas) == 1 else t("report_other_indicators", lang),
                subtitle=t("report_unit", lang, unit=t("unit_" + units[0], lang)) if len(units) == 1 else "",
                figures=tuple(Figure(v["indicator"], v["text"], v["series"]) for v in figures),
                notes=(*_ratio_notes(figures), *more),
                source=source_note(catalog, [v["source_id"] for v in figures], lang),
            )
        )
    return slides


def _host_expr(lang: str) -> pl.Expr:
    """A visit's queries.address; "—" for a central one."""
    return queries.address(lang).replace("", "—").fill_null("—")


def _kind_expr(lang: str) -> pl.Expr:
    return pl.col("kind").replace_strict({k: t("kind_" + k, lang) for k in VISIT_KINDS})


def _map_slide(catalog: Catalog, flt: Filter, visits: pl.DataFrame, lang: str) -> Slide | None:
    counts = queries.visit_counts(visits).with_columns(_value_label("value", "count", lang).alias("label"))
    if counts.is_empty():
        return None
    areas = tuple(
        Area(code, name, value, label)
        for code, name, value, label in counts.select("display_code", "display_name", "value", "label").iter_rows()
    )
    return Slide(
        kind="map",
        title=t("report_map_title", lang),
        map=MapData(
            scheme=flt.scheme,
            legend_title=t("map_by_visits", lang),
            unit="count",
            areas=areas,
            period=t("map_period", lang, period=years_label(flt.years)),
            no_data=t("map_no_visits", lang),  # a map of events: a province with none has none
        ),
        notes=(t("map_islands", lang), t("map_credit", lang)),
        source=source_note(
            catalog,
            visits.filter(pl.col("display_code").is_not_null())["source_id"].unique(maintain_order=True).to_list(),
            lang,
        ),
    )


def _timeline_slide(catalog: Catalog, flt: Filter, visits: pl.DataFrame, lang: str) -> Slide:
    """Events per year, stacked by kind; the levels of the visiting bodies and the documents as text."""
    years = [str(y) for y in range(flt.years[0], flt.years[1] + 1)]
    kinds = [k for k in VISIT_KINDS if k in set(visits["kind"].unique().to_list())]
    counts = (
        pl.DataFrame({"year": years})
        .join(pl.DataFrame({"kind": kinds}), how="cross")
        .join(
            visits.group_by(pl.col("date_start").dt.year().cast(pl.String).alias("year"), "kind").len(),
            on=["year", "kind"],
            how="left",
        )
        .with_columns(pl.col("len").fill_null(0).cast(pl.Float64))
        .with_columns(
            pl.when(pl.col("len") > 0).then(fmt.number_expr("len", lang=lang)).otherwise(pl.lit("")).alias("label")
        )
    )
    series = tuple(
        # each kind in its colour of the timeline page, whichever kinds the deck has
        Series(
            t("kind_" + kind, lang),
            tuple(part["len"].to_list()),
            tuple(part["label"].to_list()),
            VISIT_KINDS.index(kind),
        )
        for kind in kinds
        for part in [counts.filter(pl.col("kind") == kind)]
    )
    levels = visits.group_by("body_level").len()
    by_level = dict(levels.iter_rows())
    subtitle = " · ".join(
        f"{t('level_' + level, lang)}: {fmt.number(by_level[level], lang=lang)}"
        for level in BODY_LEVELS
        if level in by_level
    )
    referenced = visits.select(pl.col("documents").explode()).drop_nulls()["documents"].unique().implode()
    docs = (
        catalog.documents.filter(pl.col("code").is_in(referenced))
        .sort("date", "code", nulls_last=True)
        .select(pl.format("{} ({})", pl.col("code"), fmt.date_expr("date").fill_null("—")).alias("text"))
    )
    notes: tuple[str, ...] = ()
    if docs.height:
        shown = ", ".join(docs["text"].head(6).to_list())
        more = f" {t('report_more_documents', lang, n=docs.height - 6)}" if docs.height > 6 else ""
        notes = (t("report_documents", lang, docs=shown + more),)
    return Slide(
        kind="timeline",
        title=t("report_timeline_title", lang),
        subtitle=subtitle,
        chart=Chart(kind="column", categories=tuple(years), series=series, unit="count", axis_title=t("visits", lang)),
        notes=notes,
        source=source_note(catalog, visits["source_id"].unique(maintain_order=True).to_list(), lang),
    )


def _visits_slide(catalog: Catalog, visits: pl.DataFrame, lang: str) -> Slide:
    latest = _with_place_kinds(visits.head(MAX_VISITS), catalog, lang).select(
        fmt.visit_date_expr().alias("date"),
        _kind_expr(lang).alias("kind"),
        # concat_str, not pl.format: Polars 2.1's format panics on a frame whose columns begin with an empty chunk
        # (a province's visits at scale, e.g. Gia Lai 2013–2015)
        pl.concat_str([pl.col("body"), pl.lit(" → "), _host_expr(lang)]).alias("who"),
        pl.col("summary"),
        "source_id",
    )
    notes = (t("report_more_visits", lang, n=visits.height - latest.height),) if visits.height > latest.height else ()
    return Slide(
        kind="visits",
        title=t("latest_visits", lang),
        table=Table(
            header=(t("date", lang), t("kind", lang), t("report_who", lang), t("summary", lang)),
            rows=tuple(latest.select("date", "kind", "who", "summary").iter_rows()),
        ),
        notes=notes,
        source=source_note(catalog, latest["source_id"].to_list(), lang),
    )


def _findings_slide(catalog: Catalog, visits: pl.DataFrame, lang: str) -> Slide | None:
    """What the latest delegation with findings concluded (a body's own conference only when no delegation has any):
    results, limitations, directions; at most two of each kind first, so that limitations are never crowded out by
    a long list of results."""
    with_findings = visits.join(catalog.findings.select("visit_id").unique(), on="visit_id", how="semi")
    if with_findings.is_empty():
        return None
    conference = pl.col("kind") == "hoi_nghi"
    visit = _with_place_kinds(with_findings.sort(conference, maintain_order=True).head(1), catalog, lang)
    order = {"result": 0, "limitation": 1, "direction": 2}
    found = catalog.findings.join(visit.select("visit_id"), on="visit_id", how="semi").with_columns(
        pl.col("kind").replace_strict(order, return_dtype=pl.Int64).alias("order"),
        pl.int_range(pl.len()).over("kind").alias("rank"),
    )
    picked = found.sort(pl.col("rank") >= 2, "order", "rank").head(MAX_FINDINGS).sort("order", "rank")
    row = visit.select(fmt.visit_date_expr().alias("date"), "body", _host_expr(lang).alias("host"), "source_id").row(
        0, named=True
    )
    notes = (t("report_more_findings", lang, n=found.height - picked.height),) if found.height > picked.height else ()
    return Slide(
        kind="findings",
        title=t("report_findings_conference" if visit["kind"][0] == "hoi_nghi" else "report_findings_title", lang),
        subtitle=f"{row['date']} · {row['body']} → {row['host']}",
        bullets=tuple((t("finding_" + kind, lang), text) for kind, text in picked.select("kind", "text").iter_rows()),
        notes=notes,
        source=source_note(catalog, [row["source_id"]], lang),
    )


def _sources_slide(catalog: Catalog, source_ids: list[str], lang: str) -> Slide:
    ids = list(dict.fromkeys(source_ids))
    rows = (
        pl.DataFrame({"source_id": ids}, schema={"source_id": pl.String})
        .join(catalog.sources, on="source_id", how="left", maintain_order="left")
        .sort("published", descending=True, nulls_last=True)
        .with_columns(queries.source_name(lang).alias("title"))
        .select(
            pl.when(pl.col("title").str.len_chars() > MAX_TITLE)
            .then(pl.col("title").str.slice(0, MAX_TITLE - 1).str.strip_chars_end() + "…")
            .otherwise(pl.col("title")),
            pl.col("publisher").fill_null("—"),
            pl.col("published").str.split("-").list.reverse().list.join("/").fill_null("—"),
            "url",
        )
    )
    notes = [t("report_sources_links", lang)]
    if rows.height > MAX_SOURCES:
        notes.insert(0, t("report_more_sources_rows", lang, n=rows.height - MAX_SOURCES))
    return Slide(
        kind="sources",
        title=t("report_sources_title", lang),
        # Sources by title (the ids are for the data files), each linked to its article when it has a web address.
        table=Table(
            header=(t("title", lang), t("publisher", lang), t("published", lang)),
            rows=tuple(rows.head(MAX_SOURCES).drop("url").iter_rows()),
            links=tuple(web_link(url) for url in rows.head(MAX_SOURCES)["url"].to_list()),
        ),
        notes=tuple(notes),
        source=t("footer", lang, n=catalog.sources.height, version=catalog.version),
    )


def _counted_notes(index: ValueIndex, flt: Filter, lang: str) -> tuple[str, ...]:
    """What the key figures' count of values holds that the slides do not draw one by one: parts of a total that is
    drawn, the same value quoted by two sources (one bar), and values whose period reaches beyond the years."""
    parts, twice = index.dropped.lazy().filter(index.within(flt)).select("parts", "twice").sum().collect().row(0)
    notes = []
    if parts:
        notes.append(t("report_parts_hidden", lang, n=fmt.number(parts, lang=lang)))
    if twice:
        notes.append(t("report_quoted_twice", lang, n=fmt.number(twice, lang=lang)))
    beyond, period = queries.beyond_years_count(index.sources, flt)
    if beyond:
        notes.append(
            t("beyond_years", lang, n=fmt.number(beyond, lang=lang), years=years_label(flt.years), period=period)
        )
    return tuple(notes)


class Deck:
    """The slides of a filter, each made when it is first asked for: which slides there are is known at once (a few
    counts), what each shows only when it is shown — presentation mode shows one slide at a time, and a leader
    who changes the filter on slide 3 waits for slide 3 alone. report() is every slide of a deck.

    Made by deck(); a slide once made is kept (the deck of a filter is shared by the sessions that show it)."""

    def __init__(
        self,
        catalog: Catalog,
        flt: Filter,
        lang: str,
        made: dt.date,
        visits: pl.DataFrame,
        observations: pl.DataFrame | Callable[[], pl.DataFrame],
        index: ValueIndex | None,
    ) -> None:
        self.catalog, self.flt, self.lang, self.made = catalog, flt, lang, made
        self.visits, self._observations, self._index = visits, observations, index
        self.label = filter_label(catalog, flt, lang)
        self._made: dict[object, object] = {}
        values = observations.height if isinstance(observations, pl.DataFrame) else self._by_source()["len"].sum()
        self.empty = visits.is_empty() and not values
        makers: list[Callable[[], Slide]] = [self._title]
        if self.empty:
            makers.append(self._empty)
        else:
            makers.append(self._figures)
            if len(flt.provinces) == 1 and self._unit(flt.provinces[0]):  # one province: its brief
                makers.append(
                    lambda: cast(Slide, _profile_slide(catalog, flt, flt.provinces[0], self.observations(), lang))
                )
            if visits.height:
                if visits["display_code"].null_count() < visits.height:  # a map of the visits
                    makers.append(lambda: cast(Slide, _map_slide(catalog, flt, visits, lang)))
                makers.append(lambda: _timeline_slide(catalog, flt, visits, lang))
            makers += [functools.partial(self._comparison, i) for i in range(self._comparisons().count)]
            if visits.height:
                makers.append(lambda: _visits_slide(catalog, visits, lang))
                if not visits.join(catalog.findings.select("visit_id").unique(), on="visit_id", how="semi").is_empty():
                    makers.append(lambda: cast(Slide, _findings_slide(catalog, visits, lang)))
            makers.append(lambda: _sources_slide(catalog, self._used(), lang))
        self._makers = tuple(makers)

    def __len__(self) -> int:
        return len(self._makers)

    def slide(self, number: int) -> Slide:
        """Slide `number` (0 = the title), made the first time it is asked for."""
        return cast(Slide, self._once(("slide", number), self._makers[number]))

    def report(self) -> Report:
        """Every slide: what the files (PowerPoint, HTML) hold."""
        slides = tuple(self.slide(i) for i in range(len(self)))
        stats = {} if self.empty else self._numbers()
        return Report(slides, self.label, self.catalog.version, self.made, self.lang, empty=self.empty, stats=stats)

    def _once(self, key: object, make: Callable[[], object]) -> object:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def _unit(self, code: str) -> bool:
        units = self.catalog.units
        return not units.filter(pl.col("scheme") == self.flt.scheme, pl.col("code") == code).is_empty()

    def observations(self) -> pl.DataFrame:
        """The filter's observations (read only by the profile of one province when an index is given)."""
        given = self._observations
        return cast(pl.DataFrame, given if isinstance(given, pl.DataFrame) else self._once("observations", given))

    def index(self) -> ValueIndex:
        """The values' index the slides read: the one given, else the filter's own (value_index)."""
        made = self._index or self._once("index", lambda: value_index(self.catalog, self.observations(), self.lang))
        return cast(ValueIndex, made)

    def _by_source(self) -> pl.DataFrame:
        """The filter's observations by source (len) and the first row of each."""
        return cast(
            pl.DataFrame,
            self._once(
                "by_source",
                lambda: (
                    self.index()
                    .sources.lazy()
                    .filter(queries.in_filter(self.flt))
                    .group_by("source_id")
                    .agg(pl.col("len").sum(), pl.col("first").min())
                    .collect()
                ),
            ),
        )

    def _numbers(self) -> dict[str, int]:
        return cast(
            dict, self._once("numbers", lambda: queries.headline_counts(self.visits, obs_counts=self._by_source()))
        )

    def _used(self) -> list[str]:
        """The sources of the visits, then of the values in the order of the values."""
        return cast(
            list,
            self._once(
                "used",
                lambda: (
                    pl.concat([self.visits["source_id"], self._by_source().sort("first")["source_id"]])
                    .unique(maintain_order=True)
                    .to_list()
                ),
            ),
        )

    def _comparisons(self) -> _Comparisons:
        return cast(_Comparisons, self._once("comparisons", lambda: _comparisons(self.index(), self.flt)))

    def _comparison(self, number: int) -> Slide:
        """Comparison slide `number`: all of them are made together (they share their reads of the index)."""
        made = self._once(
            "compare", lambda: _compare_slides(self.catalog, self.index(), self._comparisons(), self.lang)
        )
        return cast(list, made)[number]

    def _title(self) -> Slide:
        catalog, flt, lang = self.catalog, self.flt, self.lang
        return Slide(
            kind="title",
            title=t("app_title", lang),
            subtitle=", ".join(province_names(catalog, flt)) or t("filter_all_provinces", lang),
            bullets=(
                (t("report_period", lang), f"{years_label(flt.years)} · {t('scheme_' + flt.scheme, lang)}"),
                (t("report_made_on", lang), fmt.date(self.made)),
            ),
            # the data version in the slide's source line, small (a leader's walk-through: a code as a main bullet)
            source=t("footer", lang, n=catalog.sources.height, version=catalog.version),
        )

    def _empty(self) -> Slide:
        catalog, lang, flt = self.catalog, self.lang, self.flt
        # provinces the data has nothing on in any year: said so, not "widen the years" (a leader's re-check)
        anything = queries.headline(catalog, Filter(provinces=flt.provinces, scheme=flt.scheme))
        none = flt.provinces and not any(anything.values())
        names = ", ".join(province_names(catalog, flt))
        return Slide(
            kind="empty",
            title=t("report_empty_title", lang),
            bullets=(("", t("empty_provinces", lang, names=names) if none else t("empty", lang, filter=self.label)),),
            source=t("footer", lang, n=catalog.sources.height, version=catalog.version),
        )

    def _figures(self) -> Slide:
        lang, numbers = self.lang, self._numbers()
        return Slide(
            kind="figures",
            title=t("report_key_figures", lang),
            subtitle=self.label,
            figures=tuple(
                Figure(t({"provinces": "provinces_visited"}.get(key, key), lang), fmt.number(numbers[key], lang=lang))
                for key in ("visits", "provinces", "documents", "observations", "sources")
            ),
            notes=_counted_notes(self.index(), self.flt, lang),
            source=source_note(self.catalog, self._used(), lang),
        )


def deck(
    catalog: Catalog,
    flt: Filter,
    lang: str = "vi",
    made: dt.date | None = None,
    *,
    visits: pl.DataFrame | None = None,
    observations: pl.DataFrame | Callable[[], pl.DataFrame] | None = None,
    index: ValueIndex | None = None,
) -> Deck:
    """The slides of a filter, made one by one as they are shown (Deck): title, key figures, (for one province, its
    profile: the province brief), map, timeline, comparisons, latest visits, findings, sources.

    `visits` and `observations` are queries.visits/observations of the filter when the caller keeps them (with
    INDEX_COLUMNS at least; the observations may be a function that gives them, called only if a slide reads
    them); `index` the value_index() of every observation of the filter's scheme in `lang` when the caller keeps
    one, else the filter's own is made. A filter with no data gives a title slide and one slide that says so."""
    visits = queries.visits(catalog, flt) if visits is None else visits
    observations = queries.observations(catalog, flt) if observations is None else observations
    return Deck(catalog, flt, lang, made or dt.date.today(), visits, observations, index)


def report(
    catalog: Catalog,
    flt: Filter,
    lang: str = "vi",
    made: dt.date | None = None,
    *,
    visits: pl.DataFrame | None = None,
    observations: pl.DataFrame | None = None,
    index: ValueIndex | None = None,
) -> Report:
    """Every slide of the filter's deck() at once (the files; the arguments are deck()'s)."""
    return deck(catalog, flt, lang, made, visits=visits, observations=observations, index=index).report()


def province_relation(catalog: Catalog, code: str, scheme: str, lang: str = "vi") -> str:
    """What the reorganisation of 1/7/2025 did to a province of `scheme`: merged into / merged from / unchanged."""
    units = catalog.units
    if scheme == OLD_SCHEME:
        new_code = units.filter(pl.col("scheme") == OLD_SCHEME, pl.col("code") == code)["new_code"].to_list()
        partners = units.filter(pl.col("scheme") == OLD_SCHEME, pl.col("new_code").is_in(new_code))
        if partners.height > 1:  # "từ 1/7/2025 hợp nhất với Ninh Thuận thành Khánh Hòa": even when the name is kept
            names = units.filter(pl.col("scheme") != OLD_SCHEME, pl.col("code").is_in(new_code))["name_vi"]
            name = names[0] if names.len() else new_code[0]
            others = partners.filter(pl.col("code") != code)["name_vi"].sort().to_list()
            if name in others:  # the merged unit keeps a partner's name: "cùng Bình Dương hợp nhất vào Hồ Chí Minh"
                rest = [other for other in others if other != name]
                key = "merged_into_kept" if rest else "merged_into_alone"
                return t(key, lang, others=", ".join(rest), name=name)
            return t("merged_into", lang, others=", ".join(others), name=name)
        return t("unchanged", lang)
    old = units.filter(pl.col("scheme") == OLD_SCHEME, pl.col("new_code") == code)["name_vi"].to_list()
    return t("merged_from", lang, names=", ".join(old)) if len(old) > 1 else t("unchanged", lang)


def _profile_slide(catalog: Catalog, flt: Filter, code: str, observations: pl.DataFrame, lang: str) -> Slide | None:
    """One province at a glance: its region and what 1/7/2025 did to it, and its latest value of each indicator
    (queries.latest_values: the province's own first), a value that contradicts its ratio flagged."""
    units = catalog.units.filter(pl.col("scheme") == flt.scheme, pl.col("code") == code)
    if units.is_empty():
        return None
    unit = units.row(0, named=True)
    latest = queries.latest_values(observations.filter(pl.col("breakdown").is_null()))
    picked = queries.with_ratio_flag(_with_place_kinds(latest.head(MAX_FIGURES), catalog, lang), lang)
    # under the 34-unit scheme a former province's figure says whose it is: "Ninh Bình (trước đây: Hà Nam)"
    picked = picked.with_columns(queries.formerly_name(lang).alias("_unit"))
    figures = []
    for row in picked.iter_rows(named=True):
        value = fmt.value(row["value"], row["unit"], lang, row["qualifier"]) + (" ⚠" if row["ratio_mismatch"] else "")
        place = ", ".join(x for x in (row["commune"] or row["district"], row["_unit"]) if x)
        detail = " · ".join(
            x
            for x in (
                place,
                fmt.period(row["period_start"], row["period_end"], lang),
                t("status_" + row["status"], lang),
                row["ratio_note"],
            )
            if x
        )
        figures.append(Figure(row[name_column(lang)], value, detail))
    notes = (t("report_more_values", lang, n=latest.height - picked.height),) if latest.height > picked.height else ()
    return Slide(
        kind="figures",
        title=t("brief_profile_title", lang, kind=value_text(unit["kind"], lang), name=unit["name_vi"]),
        subtitle=f"{t('profile_region', lang)}: {value_text(unit['region'], lang)} · "
        f"{province_relation(catalog, code, flt.scheme, lang)}",
        figures=tuple(figures),
        notes=notes,
        source=source_note(catalog, picked["source_id"].to_list(), lang),
    )


def brief(
    catalog: Catalog,
    province: str,
    years: tuple[int, int] | None = None,
    lang: str = "vi",
    made: dt.date | None = None,
    *,
    scheme: Scheme | None = None,
) -> Report:
    """The one-click brief of one province (the profile page's downloads): the report of a filter on that province
    alone, which has a profile slide after the key figures — the same slides as presentation mode and
    `python -m danvan export --tinh CODE` show for that filter.

    `years` default to the years of the data, `scheme` to the one in force in the first year (as the filter's)."""
    years = years or data_years(catalog)
    return report(
        catalog, Filter(provinces=(province,), years=years, scheme=scheme or default_scheme(years)), lang, made
    )


def slides(catalog: Catalog, flt: Filter, lang: str = "vi", made: dt.date | None = None) -> list[Slide]:
    """The slides alone (see `report`)."""
    return list(report(catalog, flt, lang, made).slides)
