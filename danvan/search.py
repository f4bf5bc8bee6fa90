"""Search: one box over visits, findings (results, limitations, directions and recommendations), indicator values
and their quotes, documents and sources — accent-insensitive ("dan van kheo" finds "Dân vận khéo").

Pure functions over frames the caller has already filtered. Matching is done by Polars over a folded copy of each
record's text; folding keeps every character in place (one character for one), so that a hit found in the folded
text is highlighted at the same place in the original."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

import polars as pl

from .text import nfc

MAX_QUERY = 100  # characters of a query (the URL parser bounds it too)
MAX_WORDS = 8  # words of a query that are looked for
SNIPPET = 240  # characters of a record's text shown around its first hit
KINDS = ("visit", "direction", "result", "limitation", "value", "document", "source")  # the order results are listed


def _fold_table() -> dict[str, str]:
    """Each character whose folded form differs: lower case without diacritics (đ → d), whitespace → space; only
    one-character results, so that folding never moves a character."""
    table = {}
    for code in range(0x20, 0x2000):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        folded = ("d" if char in "đĐ" else base).lower()
        if len(folded) == 1 and folded != char:
            table[char] = folded
    for char in "\t\n\r\u00a0\u2009\u202f":
        table[char] = " "
    return table


FOLD = _fold_table()
_TRANSLATE = str.maketrans(FOLD)


def fold(text: str) -> str:
    """`text` lower case, without diacritics, same length: "Dân vận Khéo" → "dan van kheo"."""
    return nfc(text).translate(_TRANSLATE)


def fold_expr(column: str) -> pl.Expr:
    """fold() as a Polars expression (the same table, applied by one multi-pattern replace)."""
    return pl.col(column).str.replace_many(list(FOLD), list(FOLD.values()))


def words(query: str) -> list[str]:
    """The folded words of a query, in its order, at most MAX_WORDS (punctuation is not looked for)."""
    return list(dict.fromkeys(re.findall(r"\w+", fold(query[:MAX_QUERY]))))[:MAX_WORDS]


def patterns(query: str) -> tuple[list[str], str | None]:
    """Regular expressions over folded text: one per word, matching at the start of a word ("khe" finds "khéo"),
    and the whole phrase (its words in order, anything but letters between them)."""
    terms = words(query)
    each = [r"\b" + re.escape(term) for term in terms]
    return each, (r"\b" + r"\W+".join(re.escape(term) for term in terms)) if terms else None


@dataclass(frozen=True)
class Hit:
    """One record that holds every word of the query."""

    kind: str  # one of KINDS
    record_id: str  # the visit, value, document or source id
    title: str  # what the record is, in a line
    snippet: str  # its text around the first hit
    spans: tuple[tuple[int, int], ...]  # where the words are in `snippet`
    day: dt.date | None  # the record's date, for ordering
    page: str  # the page that shows it (components/routes), and the choice that opens it there
    choices: dict[str, str] = field(default_factory=dict)
    province: str | None = None  # a code in the filter's scheme, when the record has one


def segments(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_hit) runs, for a page to mark the hits (it escapes each piece itself)."""
    out, at = [], 0
    for start, end in spans:
        if start > at:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out


def _spans(text: str, regexes: list[str]) -> tuple[tuple[int, int], ...]:
    """Every match of the regexes in text (folded), merged where they overlap."""
    folded = fold(text)
    found = sorted(m.span() for regex in regexes for m in re.finditer(regex, folded) if m.end() > m.start())
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _snippet(text: str, regexes: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text around its first hit (whole when short), and the hits in it."""
    spans = _spans(text, regexes)
    if len(text) <= SNIPPET or not spans:
        return text, spans
    start = max(0, min(spans[0][0] - SNIPPET // 3, len(text) - SNIPPET))
    cut = ("…" if start else "") + text[start : start + SNIPPET] + ("…" if start + SNIPPET < len(text) else "")
    return cut, _spans(cut, regexes)


def records(
    visits: pl.DataFrame,
    findings: pl.DataFrame,
    observations: pl.DataFrame,
    documents: pl.DataFrame,
    sources: pl.DataFrame,
    *,
    lang: str = "vi",
) -> pl.DataFrame:
    """Every searchable record as one row: kind, record_id, title, text (what is searched and shown), day, page,
    choice (parameter, value), province. `visits` and `observations` are the filter's (with display names);
    `findings` are kept for the filter's visits only."""
    name = "name_en" if lang == "en" else "name_vi"
    host = pl.concat_str(
        [pl.col("commune"), pl.col("district"), pl.col("display_name")], separator=", ", ignore_nulls=True
    )
    visit_rows = visits.select(
        pl.lit("visit").alias("kind"),
        pl.col("visit_id").alias("record_id"),
        pl.concat_str(
            [pl.col("date_start").dt.strftime("%d/%m/%Y"), pl.col("body"), host], separator=" — ", ignore_nulls=True
        ).alias("title"),
        pl.concat_str(
            [
                pl.col("summary"),
                pl.col("body"),
                pl.col("leader_name"),
                pl.col("leader_title"),
                host,
                pl.when(pl.col("documents").list.len() > 0).then(pl.col("documents").list.join(", ")),
                pl.lit("“") + pl.col("quote") + pl.lit("”"),
            ],
            separator=" · ",
            ignore_nulls=True,
        ).alias("text"),
        pl.col("date_start").alias("day"),
        pl.lit("dong-thoi-gian").alias("page"),
        pl.lit("su_kien").alias("param"),
        pl.col("visit_id").alias("value"),
        pl.col("display_code").alias("province"),
    )
    finding_rows = findings.join(
        visit_rows.select(pl.col("record_id").alias("visit_id"), "title", "day", "province"),
        on="visit_id",
        how="inner",
        maintain_order="left",
    ).select(
        pl.col("kind"),
        pl.col("visit_id").alias("record_id"),
        "title",
        pl.concat_str([pl.col("text"), pl.lit("“") + pl.col("quote") + pl.lit("”")], separator=" · ").alias("text"),
        "day",
        pl.lit("dong-thoi-gian").alias("page"),
        pl.lit("su_kien").alias("param"),
        pl.col("visit_id").alias("value"),
        "province",
    )
    value_rows = observations.select(
        pl.lit("value").alias("kind"),
        pl.col("observation_id").alias("record_id"),
        pl.concat_str(
            [pl.col(name), pl.col("breakdown"), pl.col("display_name")], separator=" — ", ignore_nulls=True
        ).alias("title"),
        pl.concat_str(
            [
                pl.col(name),
                pl.col("breakdown"),
                pl.col("commune"),
                pl.col("district"),
                pl.col("display_name"),
                pl.lit("“") + pl.col("quote") + pl.lit("”"),
            ],
            separator=" · ",
            ignore_nulls=True,
        ).alias("text"),
        pl.col("period_end").alias("day"),
        pl.lit("so-sanh").alias("page"),
        pl.lit("chi_tieu").alias("param"),
        pl.col("indicator_id").alias("value"),
        pl.col("display_code").alias("province"),
    )
    document_rows = documents.select(
        pl.lit("document").alias("kind"),
        pl.col("code").alias("record_id"),
        pl.col("code").alias("title"),
        pl.concat_str(
            [pl.col("code"), pl.col("title"), pl.col("issuer"), pl.col("quote")], separator=" · ", ignore_nulls=True
        ).alias("text"),
        pl.col("date").alias("day"),
        pl.lit("van-ban").alias("page"),
        pl.lit(None, pl.String).alias("param"),
        pl.lit(None, pl.String).alias("value"),
        pl.lit(None, pl.String).alias("province"),
    )
    source_rows = sources.select(
        pl.lit("source").alias("kind"),
        pl.col("source_id").alias("record_id"),
        pl.coalesce("title", "source_id").alias("title"),
        pl.concat_str(
            [pl.col("title"), pl.col("publisher"), pl.col("author")], separator=" · ", ignore_nulls=True
        ).alias("text"),
        pl.col("published").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias("day"),
        pl.lit("nguon").alias("page"),
        pl.lit(None, pl.String).alias("param"),
        pl.lit(None, pl.String).alias("value"),
        pl.lit(None, pl.String).alias("province"),
    )
    return pl.concat([visit_rows, finding_rows, value_rows, document_rows, source_rows], how="vertical_relaxed")


def search(query: str, table: pl.DataFrame, limit: int = 60) -> tuple[list[Hit], dict[str, int]]:
    """The records of `table` (records()) holding every word of `query`, ranked: the whole phrase first, then by kind
    (visits, recommendations, …) and newest first; at most `limit` hits, and the number found of each kind."""
    each, phrase = patterns(query)
    if phrase is None:
        return [], {}
    matched = (
        table.lazy()
        .with_columns(fold_expr("text").alias("_folded"))
        .filter(pl.all_horizontal([pl.col("_folded").str.contains(regex) for regex in each]))
    )
    ranked = (
        matched.with_columns(
            (~pl.col("_folded").str.contains(phrase)).alias("_phrase"),
            pl.col("kind").replace_strict({k: i for i, k in enumerate(KINDS)}, default=len(KINDS)).alias("_kind"),
        )
        .sort("_phrase", "_kind", "day", "record_id", descending=[False, False, True, False], nulls_last=True)
        .collect()
    )
    counts = dict(ranked.group_by("kind").len().iter_rows())
    hits = []
    for row in ranked.head(limit).iter_rows(named=True):
        # the phrase where the record has it; else each word
        snippet, spans = _snippet(row["text"], [phrase] if not row["_phrase"] else each)
        hits.append(
            Hit(
                kind=row["kind"],
                record_id=row["record_id"],
                title=row["title"],
                snippet=snippet,
                spans=spans,
                day=row["day"],
                page=row["page"],
                choices={row["param"]: row["value"]} if row["param"] else {},
                province=row["province"],
            )
        )
    return hits, counts
