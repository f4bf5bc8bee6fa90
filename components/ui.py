"""Small render helpers shared by the pages: safe text, headers, empty states, source quotes and the footer."""

from __future__ import annotations

import re

import polars as pl
import streamlit as st

from danvan import fmt, queries, search
from danvan.filter import Filter, years_label
from danvan.ingest.text import content_paragraphs
from danvan.loader import is_cell_reference
from danvan.text import fold_space, web_link

from . import cached
from .view import View

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:])")


def plain(text: object) -> str:
    """Text from sources or links, escaped so that Markdown and HTML in it show as the characters they are."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", " ")


def initial(key: str, value: object) -> object:
    """A keyed widget's starting value, or None once the session holds its value (set again when the language
    changes): Streamlit warns of a widget given both."""
    return None if key in st.session_state else value


_RELEASE = "ui_release_keys"


def release_keys_after_choice() -> None:
    """on_change of a select box on a page with shortcut keys: the run it starts takes the focus off the box."""
    st.session_state[_RELEASE] = True


def release_keys() -> None:
    """In the run after a choice in a select box, take the keyboard's focus off it, so that the page's shortcut keys
    work at once: the box keeps the focus in its search field, where Streamlit ignores them (a curator's first N
    after opening a draft was typed into the box). Drawn in that run only, so a later run never takes the focus from
    a box being typed in."""
    if st.session_state.pop(_RELEASE, False):
        st.html(
            "<script>document.activeElement && document.activeElement.blur();</script>", unsafe_allow_javascript=True
        )


def header(view: View, page_key: str) -> None:
    st.title(view.t(page_key))
    st.caption(plain(view.filter_label()))


def empty(view: View) -> None:
    """Nothing in the filter, and what to widen: the events' choices when some are made (level, kind, body); no
    advice to widen the years when the provinces chosen have nothing in any year."""
    if view.flt.provinces and nothing_at_all(view, view.flt.provinces):
        return
    narrowed = view.flt.levels or view.flt.kinds or view.flt.bodies
    key = "empty_narrowed" if narrowed else "empty"
    st.info(view.t(key, filter=plain(view.filter_label())), icon=":material/search_off:")


def nothing_at_all(view: View, codes: tuple[str, ...]) -> bool:
    """Whether the data holds nothing on these provinces in any year or kind of event; if so, it is said."""
    if any(cached.headline(view.catalog, Filter(provinces=codes, scheme=view.flt.scheme)).values()):
        return False
    names = ", ".join(view.province_name(code) for code in codes)
    st.info(view.t("empty_provinces", names=plain(names)), icon=":material/search_off:")
    return True


def empty_part(view: View, key: str) -> None:
    """One part of a page has nothing in the filter (empty_visits, empty_values), while another part may have."""
    st.info(view.t(key, filter=plain(view.filter_label())), icon=":material/search_off:")


def beyond_years(view: View) -> None:
    """Say how many of the filter's values reach outside its years (counted because their period overlaps them)."""
    n, period = cached.beyond_years(view.catalog, view.flt)
    if n:
        st.caption(
            view.t("beyond_years", n=fmt.number(n, lang=view.lang), years=years_label(view.flt.years), period=period)
        )


def source_line(view: View, source_id: str) -> str:
    """ "Title — Publisher, dd/mm/yyyy" for a source id, as escaped Markdown with its link when known."""
    src = cached.sources_by_id(view.catalog).get(source_id)
    if src is None:
        return plain(source_id)
    title = plain(cached.source_names(view.catalog, view.lang)[source_id])  # untitled: by its publisher, not its id
    link = web_link(src["url"])  # None for a url that is not a well-formed web address
    if link:
        title = f"[{title}]({link})"
    publisher = src["publisher"] if src["title"] else None  # an untitled source is already named by its publisher
    details = ", ".join(plain(x) for x in (publisher, published(src["published"])) if x)
    return f"{title} — {details}" if details else title


def published(value: str | None) -> str | None:
    """A partial ISO date ("2021-12", "2024-04-25") in Vietnamese order."""
    if not value:
        return None
    parts = value.split("-")
    return "/".join(reversed(parts))


def quote(view: View, source_id: str, text: str) -> None:
    """The quoted sentence a figure came from — or its table cell, not in quotation marks — and its source."""
    shown = plain(text) if is_cell_reference(text) else f"“{plain(text)}”"
    st.markdown(f"> {shown}\n\n{view.t('source')}: {source_line(view, source_id)}")


def footer(view: View) -> None:
    st.divider()
    st.caption(view.t("footer", n=view.catalog.sources.height, version=view.catalog.version))


def findings(view: View, visit_id: str) -> None:
    """A visit's findings grouped as results, limitations and directions, each with its quote."""
    rows = view.catalog.findings.filter(pl.col("visit_id") == visit_id)
    if rows.is_empty():
        st.caption(view.t("no_findings"))
        return
    for kind in ("result", "limitation", "direction"):
        items = rows.filter(pl.col("kind") == kind)
        if items.is_empty():
            continue
        st.markdown(f"**{view.t('finding_' + kind)}**")
        for text, quoted in items.select("text", "quote").iter_rows():
            st.markdown(f"- {plain(text)}  \n  _“{plain(quoted)}”_")


def place(view: View, row: dict, labels: dict[str, str] | None = None) -> str:
    """Commune, district and province of a visit or value, the province as the chosen scheme names it with its name
    of record when they differ ("Ninh Bình (trước đây: Hà Nam)"). `labels` (cached.place_labels), when a page names
    hundreds of places, spares a cache look-up (~0,2 ms) for each."""
    province = row["province_name"]
    if row.get("display_name") and row["display_name"] != province:
        province = view.t("formerly", new=row["display_name"], old=province)
    lower = [x for x in (row.get("commune"), row.get("district")) if x]
    if lower:
        known = cached.place_labels(view.catalog, view.lang) if labels is None else labels
        lower = [known.get(x, x) for x in lower]  # "huyện Ba Bể", "thành phố Bắc Kạn"
    return ", ".join(x for x in (*lower, province) if x)


def host(view: View, row: dict, labels: dict[str, str] | None = None) -> str:
    """place(), as escaped Markdown."""
    return plain(place(view, row, labels))


def visit_details(view: View, visit: dict) -> None:
    """Everything about one visit: who, where, which documents, the summary, findings, quote and source."""
    place = host(view, visit)
    leader = ", ".join(plain(x) for x in (visit["leader_name"], visit["leader_title"]) if x)
    date = fmt.visit_date(visit)
    lines = [
        f"**{view.t('date')}:** {date}"
        + (f" ({view.t('inferred')}: {plain(visit['date_note'])})" if visit["date_note"] else ""),
        f"**{view.t('kind')}:** {view.t('kind_' + visit['kind'])} · **{view.t('level')}:** "
        f"{view.t('level_' + visit['body_level'])}",
        f"**{view.t('body')}:** {plain(visit['body'])}",
        f"**{view.t('leader')}:** {leader or '—'}",
        f"**{view.t('host')}:** {place or '—'}"
        + (f" ({view.t('inferred')}: {plain(visit['province_note'])})" if visit["province_note"] else ""),
        f"**{view.t('documents_short')}:** {', '.join(plain(d) for d in visit['documents']) or '—'}",
    ]
    st.markdown("  \n".join(lines))
    st.markdown(f"**{view.t('summary')}:** {plain(visit['summary'])}")
    findings(view, visit["visit_id"])
    quote(view, visit["source_id"], visit["quote"])


def marked(pieces: list[tuple[str, bool]]) -> str:
    """(text, is_hit) pieces as escaped Markdown, the hits on a coloured background (text, never HTML)."""
    return "".join(f":orange-background[{plain(piece)}]" if hit else plain(piece) for piece, hit in pieces if piece)


def highlighted(text: str, quotes: list[str]) -> list[tuple[str, bool]]:
    """A text's paragraphs as escaped Markdown (whitespace folded), every quoted passage on a coloured background,
    each with whether it has one. A paragraph is a line, or the lines the extractor reads as one (a sentence
    hard-wrapped in a PDF or a recognised scan: `content_paragraphs`), shown as one. Quotes are found with whitespace
    folded, so a passage that runs over a line break is marked whole."""
    folded, origin = [], []  # the text with each run of whitespace one space; each character's place in the text
    for at, char in enumerate(text):
        if not char.isspace():
            folded.append(char)
            origin.append(at)
        elif folded and folded[-1] != " ":
            folded.append(" ")
            origin.append(at)
    flat = "".join(folded)
    marks = [False] * len(text)
    for quote in quotes:
        quoted = fold_space(quote)
        start = flat.find(quoted) if quoted else -1
        while start >= 0:
            first, last = origin[start], origin[start + len(quoted) - 1]
            marks[first : last + 1] = [True] * (last + 1 - first)
            start = flat.find(quoted, start + 1)
    wrapped = {span.start + m.start() for span in content_paragraphs(text) for m in re.finditer("\n", span.text)}
    lines: list[tuple[str, bool]] = []
    at = 0
    for line in text.split("\n"):
        lead, body = len(line) - len(line.lstrip()), line.strip()
        hits = marks[at + lead : at + lead + len(body)]
        spans = tuple(m.span() for m in re.finditer("1+", "".join("1" if hit else "0" for hit in hits)))
        shown = marked([(re.sub(r"\s+", " ", piece), hit) for piece, hit in search.segments(body, spans)])
        if body and lines and at - 1 in wrapped:  # goes on with the paragraph above
            lines[-1] = (f"{lines[-1][0]} {shown}", lines[-1][1] or any(hits))
        elif body:
            lines.append((shown, any(hits)))
        at += len(line) + 1
    return lines


def ratio_flag(view: View, row: dict) -> None:
    """Beside a value that contradicts its own numerator/denominator (queries.ratio_mismatch), say so."""
    if queries.ratio_mismatch(row["value"], row.get("numerator"), row.get("denominator"), row.get("unit")):
        st.markdown(f":red[{plain(queries.ratio_mismatch_note(row['numerator'], row['denominator'], view.lang))}]")


def value_card(view: View, title: str, value: str, detail: str, row: dict) -> None:
    """A value with its title written in full above it (a metric's own label is cut with "…" when long), the detail
    (place, period, status) under it, and the flag of a value that contradicts its ratio."""
    st.markdown(f"**{plain(title)}**")
    st.metric(plain(title), value, label_visibility="collapsed")
    if detail:
        st.caption(plain(detail))
    ratio_flag(view, row)
