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

from . import fmt
from .queries import address, source_name
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
    choices: dict[str, str | bool] = field(default_factory=dict)
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
    if start:  # cut at a space, not mid-word ("…n giải quyết")
        start = text.rfind(" ", max(0, start - 20), start) + 1 or start
    end = start + SNIPPET
    if end < len(text) and (space := text.find(" ", end, end + 20)) >= 0:
        end = space
    cut = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return cut, _spans(cut, regexes)


def _visit_text(lang: str = "vi") -> pl.Expr:
    """A visit record's searched text (records())."""
    return pl.concat_str(
        [
            pl.col("summary"),
            pl.col("body"),
            pl.col("leader_name"),
            pl.col("leader_title"),
            address(lang),
            pl.when(pl.col("documents").list.len() > 0).then(pl.col("documents").list.join(", ")),
            pl.lit("“") + pl.col("quote") + pl.lit("”"),
        ],
        separator=" · ",
        ignore_nulls=True,
    )


def fold_visits(visits: pl.DataFrame) -> pl.DataFrame:
    """Each visit's record text (records()) folded as search() folds it, by visit_id: made once per catalog, so that
    a new filter or query looks for the words in it instead of in each part of ~35.000 visits (~50 ms)."""
    return visits.select("visit_id", _visit_text().str.replace_many(list(FOLD), list(FOLD.values())).alias("folded"))


def records(
    visits: pl.DataFrame,
    findings: pl.DataFrame,
    observations: pl.DataFrame,
    documents: pl.DataFrame,
    sources: pl.DataFrame,
    *,
    lang: str = "vi",
    labels: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Every searchable record as one row: kind, record_id, title, text (what is searched and shown), day, page,
    choice (parameter, value), province. `visits` and `observations` are the filter's (with display names);
    `findings` are kept for the filter's visits only. `labels` (queries.place_label_frame) name a title's places
    with their kinds, as every page does ("huyện Xuyên Mộc")."""
    name = "name_en" if lang == "en" else "name_vi"
    visit_rows = visits.select(
        pl.lit("visit").alias("kind"),
        pl.col("visit_id").alias("record_id"),
        pl.concat_str(
            [fmt.visit_date_expr(), pl.col("body"), address(lang, labels)],
            separator=" — ",
            ignore_nulls=True,
        ).alias("title"),
        _visit_text(lang).alias("text"),
        pl.col("date_start").alias("day"),
        pl.lit("dong-thoi-gian").alias("page"),
        pl.lit("su_kien").alias("param"),
        pl.col("visit_id").alias("value"),
        pl.col("display_code").alias("province"),
        pl.lit(False).alias("parts"),
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
        pl.lit(False).alias("parts"),
    )
    value_rows = observations.select(
        pl.lit("value").alias("kind"),
        pl.col("observation_id").alias("record_id"),
        pl.concat_str(
            [pl.col(name), pl.col("breakdown"), address(lang, labels)], separator=" — ", ignore_nulls=True
        ).alias("title"),
        pl.concat_str(
            [
                pl.col(name),
                pl.col("breakdown"),
                address(lang),
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
        pl.col("breakdown").is_not_null().alias("parts"),  # a part is shown with the breakdowns on
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
        pl.lit("tim_vb").alias("param"),  # the Văn bản page's search, opened on the document's code
        pl.col("code").alias("value"),
        pl.lit(None, pl.String).alias("province"),
        pl.lit(False).alias("parts"),
    )
    source_rows = sources.select(
        pl.lit("source").alias("kind"),
        pl.col("source_id").alias("record_id"),
        source_name(lang).alias("title"),
        pl.concat_str(
            [pl.col("title"), pl.col("publisher"), pl.col("author")], separator=" · ", ignore_nulls=True
        ).alias("text"),
        pl.col("published").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias("day"),
        pl.lit("nguon").alias("page"),
        pl.lit("nguon").alias("param"),  # the source itself, its text shown
        pl.col("source_id").alias("value"),
        pl.lit(None, pl.String).alias("province"),
        pl.lit(False).alias("parts"),
    )
    return pl.concat([visit_rows, finding_rows, value_rows, document_rows, source_rows], how="vertical_relaxed")


def search(
    query: str, table: pl.DataFrame, limit: int = 60, folded: pl.Series | None = None
) -> tuple[list[Hit], dict[str, int]]:
    """The records of `table` (records()) holding every word of `query`, ranked: the whole phrase first, then by kind
    (visits, recommendations, …) and newest first; at most `limit` hits, and the number found of each kind.
    `folded`: the text of the table's first rows folded already (fold_visits(), for its visits)."""
    each, phrase = patterns(query)
    if phrase is None:
        return [], {}
    if folded is None or folded.null_count():
        texts = table.lazy().with_columns(fold_expr("text").alias("_folded"))
    else:  # only the rest folded here: folding is most of a national search's time
        rest = table.slice(folded.len()).select(fold_expr("text")).to_series()
        texts = table.with_columns(pl.concat([folded, rest]).alias("_folded")).lazy()
    matched = texts.filter(pl.all_horizontal([pl.col("_folded").str.contains(regex) for regex in each]))
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
                choices=({row["param"]: row["value"]} if row["param"] else {})
                | ({"tach": True} if row["parts"] else {}),
                province=row["province"],
            )
        )
    return hits, counts


def _variants() -> dict[str, str]:
    """Each folded character and every character that folds to it, as a regex character class."""
    found: dict[str, set[str]] = {}
    for char, folded in FOLD.items():
        found.setdefault(folded, {folded}).add(char)
    return {folded: "[" + "".join(re.escape(c) for c in sorted(chars)) + "]" for folded, chars in found.items()}


_CLASSES = _variants()


def loose(term: str) -> str:
    """A regex that finds a folded word in text that is not folded ("kheo" → "[kK…][hH…][eEéÉèÈ…][oOóÓ…]"): looser than
    matching the folded text (no word boundary), so it keeps every record `search` finds, without folding them all."""
    return "".join(_CLASSES.get(char, re.escape(char)) for char in term)


def _holding(parts: list[pl.Expr], terms: list[str]) -> pl.Expr:
    """Rows where every term is found in one of `parts` (a record's text is its parts joined by punctuation, so a
    word found in it is found in one part)."""
    return pl.all_horizontal(
        [pl.any_horizontal([part.str.contains(loose(term)).fill_null(False) for part in parts]) for term in terms]
    )


@dataclass(frozen=True)
class Encoded:
    """The parts of the values' text (value_parts), dictionary-encoded once per catalog: `codes` holds, per part, each
    row's place in `values[part]` (null for null), plus whatever columns the caller keeps to select rows by."""

    codes: pl.DataFrame
    values: dict[str, pl.Series]


def value_parts(lang: str = "vi") -> list[str]:
    """The columns of an observation whose text a value's record is made of (records())."""
    name = "name_en" if lang == "en" else "name_vi"
    return [name, "breakdown", "commune", "district", "display_name", "province_name", "quote"]


def encode(table: pl.DataFrame, lang: str = "vi", keep: tuple[str, ...] = ()) -> Encoded:
    """Encoded of an observation table (value_parts), with its columns `keep`: matching a word against a few
    thousand distinct values then costs what half a million rows would."""
    values, codes = {}, []
    for part in value_parts(lang):
        values[part] = table[part].drop_nulls().unique().sort()
        codes.append((pl.col(part).rank("dense") - 1).cast(pl.UInt32).alias(part))
    return Encoded(table.select(*codes, *keep), values)


def search_in(
    query: str,
    visits: pl.DataFrame,
    findings: pl.DataFrame,
    observations: pl.DataFrame,
    documents: pl.DataFrame,
    sources: pl.DataFrame,
    *,
    lang: str = "vi",
    limit: int = 60,
    encoded: Encoded | None = None,
    folded_visits: pl.DataFrame | None = None,
    labels: pl.DataFrame | None = None,
) -> tuple[list[Hit], dict[str, int]]:
    """`search(query, records(visits, findings, observations, documents, sources))`, with the records made of the
    rows that may hold every word only: a national filter has half a million values, and folding each one's text
    costs a second, where looking for the words in its parts costs a few milliseconds. `encoded`: the parts of
    `observations`, row for row (encode()); `folded_visits`: fold_visits() of (at least) `visits`; `labels` as
    records() takes them."""
    terms = words(query)
    if not terms:
        return [], {}
    place = [pl.col("commune"), pl.col("district"), pl.col("display_name"), pl.col("province_name")]
    kept_findings = findings.filter(
        pl.col("visit_id").is_in(visits["visit_id"].implode()),
        _holding([pl.col("text"), pl.col("quote")], terms),
    )
    visit_parts = [
        pl.col("summary"),
        pl.col("body"),
        pl.col("leader_name"),
        pl.col("leader_title"),
        *place,
        pl.col("documents").list.join(", "),
        pl.col("quote"),
    ]
    if folded_visits is None:
        holding = _holding(visit_parts, terms)
    else:  # the very test search() makes of a visit's record, on text folded once per catalog
        each, _ = patterns(query)
        if visits.height < folded_visits.height // 2:  # a few provinces: their visits' text only
            folded_visits = folded_visits.filter(pl.col("visit_id").is_in(visits["visit_id"].implode()))
        holders = folded_visits.filter(pl.all_horizontal([pl.col("folded").str.contains(regex) for regex in each]))
        holding = pl.col("visit_id").is_in(holders["visit_id"].implode())
    kept_visits = visits.filter(holding | pl.col("visit_id").is_in(kept_findings["visit_id"].implode()))
    if encoded is None:
        kept_values = observations.filter(_holding([pl.col(part) for part in value_parts(lang)], terms))
    else:
        found = pl.lit(True)
        for term in terms:
            regex, anywhere = loose(term), pl.lit(False)
            for part, values in encoded.values.items():
                matched = values.str.contains(regex)
                if matched.any():
                    anywhere |= pl.lit(matched).gather(pl.col(part)).fill_null(False)
            found &= anywhere
        kept_values = observations.filter(encoded.codes.select(found.alias("found")).to_series())
    table = records(kept_visits, kept_findings, kept_values, documents, sources, lang=lang, labels=labels)
    if folded_visits is None:
        return search(query, table, limit)
    # the visits come first in the records, in kept_visits' order
    folded = kept_visits.select("visit_id").join(folded_visits, on="visit_id", how="left", maintain_order="left")
    return search(query, table, limit, folded["folded"] if folded.height == kept_visits.height else None)
