"""The review of drafted records, shared by the curator page and the review queue: a table per kind of item (every
field edited; coded fields shown by name while the code is what is saved; quotes and table cells read-only) where
the curator page ticks the rows to keep and the queue shows each item's decision; and, for the queue, one item at a
time on a card (its fields by name, its quote in the source text or its table cell) with an edit form."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable

import polars as pl
import streamlit as st

import danvan
from components import cached, ui
from danvan import fmt, queries, store
from danvan.i18n import name_column, t, value_text
from danvan.ingest.drafts import (
    HEADERS,
    NEW_INDICATOR,
    REVIEW_COLUMNS,
    Draft,
    Item,
    place_problems,
    review_rows,
    typed_code,
)
from danvan.ingest.numbers import clean, parse_number
from danvan.ingest.readers import cell_words
from danvan.model import (
    BODY_LEVELS,
    DATE_PRECISIONS,
    DOCUMENT_SPEC,
    DOCUMENT_TYPES,
    NEW_SCHEME,
    OBSERVATION_SPEC,
    OLD_SCHEME,
    QUALIFIERS,
    SCHEMES,
    STATUSES,
    VISIT_KINDS,
    VISIT_SPEC,
    Problem,
    record_day,
    scheme_on,
)
from danvan.text import fold_space

# The coded fields, shown by name while the code is what is saved.
CODED = {
    "kind": ("kind_", VISIT_KINDS),
    "body_level": ("level_", BODY_LEVELS),
    "level": ("level_", BODY_LEVELS),
    "date_precision": ("precision_", DATE_PRECISIONS),
    "status": ("status_", STATUSES),
    "type": ("doc_type_", DOCUMENT_TYPES),
}
PARTS = (("visits", "cur_visits"), ("documents", "cur_documents"), ("observations", "cur_observations"))
# An item's decision in the queue, by its name (queue.DECISIONS; undecided items are empty).
DECISION_NAMES = {"accepted": "q_dec_accepted", "rejected": "q_dec_rejected", "saved": "q_dec_saved"}
# What a curator does not edit: where the item was read from.
NOT_EDITED = ("quote", "cell", "cell_header")


# Fields typed as text: numbers the Vietnamese way (1.973, 81,77) in either language, dates dd/mm/yyyy, periods as
# years or days (fmt.parse_period: a period that would not save is said on the edit, not at the save).
NUMBERS = ("value", "numerator", "denominator")
DATES = ("date_start", "date_end", "date")


def source_text(text: str, quotes: Iterable[str], pictures: list[bytes], lang: str, height: int = 340) -> None:
    """The source's text with each drafted quote highlighted; beside it, for a scan or a photo, its pages as pictures,
    for the curator to check what was recognised against them."""
    shown = st.columns(2) if pictures else [st.container()]
    if pictures:
        with shown[0].container(border=True, height=height):
            st.caption(t("scan_pictures", lang, n=len(pictures)))
            for picture in pictures:
                st.image(picture, width="stretch")
    with shown[-1].container(border=True, height=height):
        for line, _ in ui.highlighted(text, list(quotes)):
            st.markdown(line)


def typed(column: str, value: object) -> str:
    """A field as the curator types it: 1.973 and 81,775 (every decimal kept), 08/12/2023; "" when empty."""
    if _empty(value):
        return ""
    if column in NUMBERS and isinstance(value, int | float):
        return fmt.number(value, len(repr(clean(value)).partition(".")[2]))
    if column in DATES:
        return fmt.partial_date(str(value))
    if column == "period":
        return fmt.typed_period(str(value))
    if isinstance(value, list):  # a visit's documents: "114-KL/TW, 25-NQ/TW"
        return ", ".join(map(str, value))
    return str(value)


def read_back(column: str, text: str) -> object:
    """What the curator typed, as stored (ValueError when a number or a date does not read); None when empty."""
    text = text.strip()
    if column == "documents":  # "114-KL/TW, 25-NQ/TW" ("114 - KL / TW" as 114-KL/TW): a list, empty when none
        return [typed_code(code) for code in re.split(r"\s*[,;]\s*", text) if code]
    if not text:
        return None
    if column in NUMBERS:
        return clean(parse_number(text))
    if column in DATES:
        return fmt.parse_partial_date(text)
    if column == "period":
        return fmt.parse_period(text)
    return text


def read_date(text: str, lang: str) -> tuple[bool, str | None]:
    """A publication-date box's text as stored: (True, "2024-04-25") for "25/04/2024", (True, None) when empty;
    (False, None), with a warning that shows what was typed, when it does not read as a date."""
    try:
        return True, read_back("date", text)
    except ValueError:
        st.warning(t("q_bad_date", lang, field=t("published", lang), value=ui.plain(text)))
        return False, None


def _bad(column: str, value: str, lang: str) -> str:
    kind = "q_bad_number" if column in NUMBERS else "q_bad_period" if column == "period" else "q_bad_date"
    return t(kind, lang, field=t(HEADERS[column], lang), value=value)


def _table(catalog: danvan.Catalog, rows: list[dict], part: str, key: str, lang: str) -> list[dict]:
    """One editable table of one part's review rows ("keep" ticks or a "decision" column first); returns every row
    edited, numbers and dates read back from how they are typed (a cell that does not read keeps its value, said
    so)."""
    columns = REVIEW_COLUMNS[part]
    texts = [c for c in (*NUMBERS, *DATES, "period", "documents") if c in columns]
    frame = pl.DataFrame(
        [row | {c: typed(c, row.get(c)) or None for c in texts} for row in rows],  # empty: the "—" placeholder
        infer_schema_length=None,
        schema_overrides={"decision": pl.String} if "decision" in rows[0] else None,
    ).with_columns(fmt.number_expr("confidence", 2, lang))  # read-only, written 0,85
    config = {c: st.column_config.Column(t(HEADERS[c], lang)) for c in columns if c in HEADERS}
    for column, (prefix, codes) in CODED.items():
        if column in columns:
            config[column] = st.column_config.SelectboxColumn(
                t(HEADERS[column], lang), options=list(codes), format_func=lambda c, p=prefix: t(p + c, lang)
            )
    if "qualifier" in columns:  # the source's word before the figure: "hơn", "gần"… (the validator finds it quoted)
        config["qualifier"] = st.column_config.SelectboxColumn(
            t(HEADERS["qualifier"], lang), options=list(QUALIFIERS), format_func=lambda q: value_text(q, lang) or ""
        )
    if "province" in columns:  # a code shown by its name in the scheme of the rows' days (or by both names)
        days = [day for row in rows if (day := record_day(part, row))]
        day = days[0] if len({scheme_on(d) for d in days}) == 1 else None
        config["province"] = st.column_config.SelectboxColumn(
            t("province", lang),
            options=sorted(catalog.units["code"].unique()),
            format_func=lambda c: province_name(catalog, c, day, lang),
        )
    names = {code: t(name, lang) for code, name in DECISION_NAMES.items()}
    config |= {
        "keep": st.column_config.CheckboxColumn(t("cur_keep", lang)),
        "decision": st.column_config.SelectboxColumn(t("q_decision", lang), options=list(names), format_func=names.get),
        "quote": st.column_config.TextColumn(t("quote", lang), disabled=True, width="large"),
        "cell": st.column_config.TextColumn(t("q_cell", lang), disabled=True),
        "cell_header": st.column_config.TextColumn(t("q_cell_header", lang), disabled=True),
        "confidence": st.column_config.TextColumn(t("cur_confidence", lang), disabled=True),
    }
    if "indicator" in columns:
        options = sorted({*catalog.indicators["id"].to_list(), *(r["indicator"] for r in rows if r.get("indicator"))})
        config["indicator"] = st.column_config.SelectboxColumn(  # a new one by its noun, not "new:…"
            t("indicator", lang),
            options=options,
            width="large",  # the words that tell two indicators apart come last ("… được công nhận")
            format_func=lambda i: shown(catalog, "indicator", i, lang),
        )
    config |= {
        c: st.column_config.TextColumn(t(HEADERS[c], lang), alignment="right" if c in NUMBERS else None) for c in texts
    }
    edited = pl.DataFrame(st.data_editor(frame, hide_index=True, column_config=config, key=key, placeholder="—"))
    out = []
    for row, new in zip(rows, edited.to_dicts(), strict=True):
        for column in texts:
            try:
                new[column] = read_back(column, new[column] or "")
            except ValueError:
                st.error(_bad(column, ui.plain(new[column]), lang))
                new[column] = row.get(column)
        out.append(new)
    return out


def editor(catalog: danvan.Catalog, items: list, part: str, key: str, lang: str) -> list[dict]:
    """One editable table for one kind of drafted item; returns the rows kept, as edited."""
    if not items:
        return []
    return [row for row in _table(catalog, review_rows(items, REVIEW_COLUMNS[part]), part, key, lang) if row["keep"]]


def review(catalog: danvan.Catalog, draft: Draft, key: str, lang: str) -> dict[str, list[dict]]:
    """The draft's visits, documents and values, each under its heading: the rows kept, by kind."""
    kept = {}
    for part, heading in PARTS:
        st.subheader(t(heading, lang))
        if not getattr(draft, part):
            st.caption(t("cur_none", lang))  # a heading with nothing under it reads as a page still loading
        kept[part] = editor(catalog, getattr(draft, part), part, f"{key}_{part}", lang)
    return kept


def decisions(catalog: danvan.Catalog, rows: dict[str, list[dict]], key: str, lang: str) -> dict[str, list[dict]]:
    """The queue's table view: each part's rows (queue.reviewed_rows) with their decision, every field edited;
    returns every row as edited, by kind."""
    out = {}
    for part, heading in PARTS:
        if rows[part]:
            st.subheader(t(heading, lang))
            out[part] = _table(catalog, rows[part], part, f"{key}_{part}", lang)
        else:
            out[part] = []
    return out


def changes(rows: dict[str, list[dict]], edited: dict[str, list[dict]]) -> tuple[dict, dict]:
    """What the curator changed in the queue's table: ({item: decision}, {item: {field: value}}); saved items are
    final, so their rows are left out."""
    decided: dict[str, str | None] = {}
    edits: dict[str, dict] = {}
    for part, part_rows in edited.items():
        for i, new in enumerate(part_rows):
            key, old = f"{part}/{i}", rows[part][i]
            if old["decision"] == "saved":
                continue
            if not _same(new["decision"], old["decision"]) and new["decision"] != "saved":
                decided[key] = None if _empty(new["decision"]) else new["decision"]
            fields = {
                c: new.get(c) for c in REVIEW_COLUMNS[part] if c not in NOT_EDITED and not _same(new.get(c), old.get(c))
            }
            if fields:
                edits[key] = fields
    return decided, edits


def _empty(value: object) -> bool:
    """An empty cell: None, NaN (a table's missing number), "" or no documents ([])."""
    return value is None or value == "" or value == [] or value != value


def _same(a: object, b: object) -> bool:
    """Equal, counting an empty cell as equal to another empty cell."""
    return (_empty(a) and _empty(b)) or (not _empty(a) and not _empty(b) and a == b)


def province_name(catalog: danvan.Catalog, code: str, day: dt.date | None, lang: str) -> str:
    """A province code by its name in the scheme in force on `day`; with no day, by the names it has in each scheme
    ("Huế (34) · Thừa Thiên Huế (63)"): the two schemes share codes that name different provinces."""
    registry = cached.registry(catalog)  # its lookup is built once: a select box asks for each of ~100 codes
    names = {s: unit.name_vi for s in SCHEMES if (unit := registry.unit(s, code))}
    if day is not None and scheme_on(day) in names:
        return names[scheme_on(day)]
    if len(set(names.values())) == 1 and len(names) == 2:
        return next(iter(names.values()))
    marked = [t("q_province_in", lang, name=names[s], scheme=s) for s in (NEW_SCHEME, OLD_SCHEME) if s in names]
    return " · ".join(marked) or code


def shown(
    catalog: danvan.Catalog, column: str, value: object, lang: str, item: Item | None = None, day: dt.date | None = None
) -> str:
    """A field's value as a curator reads it: codes by name (a province in the scheme of the record's `day`),
    dates dd/mm/yyyy, values in their unit."""
    if value is None or value == "":
        return "—"
    if column in CODED:
        return t(CODED[column][0] + str(value), lang)
    if column == "province":
        return province_name(catalog, str(value), day, lang)
    if column == "indicator":
        names = dict(catalog.indicators.select("id", name_column(lang)).iter_rows())
        return names.get(str(value), t("q_new_indicator", lang, name=str(value).removeprefix(NEW_INDICATOR)))
    if column in ("date_start", "date_end", "date", "period"):
        years = re.fullmatch(r"(\d{4})-(\d{4})", str(value))  # a period of years, "2009-2024"
        return f"{years[1]}–{years[2]}" if years else fmt.partial_date(str(value))
    if column in ("value", "numerator", "denominator") and isinstance(value, int | float):
        return fmt.value(value, getattr(item, "unit", "count"), lang) if column == "value" else fmt.number(value)
    if column == "documents":
        return typed(column, value) or "—"
    return str(value)


def problem_text(problem: Problem, lang: str) -> str:
    """A save's problem of an item as the curator reads it: the field by its name on the card ("Kỳ: thiếu trường bắt
    buộc"); one of no field of the card as the validator says it."""
    header = HEADERS.get(problem.field)
    return f"{t(header, lang)}: {problem.said(lang)}" if header else problem.text(lang)


def problem_lines(
    catalog: danvan.Catalog, records: dict[str, list[dict]], problems: list[Problem], lang: str
) -> list[str]:
    """A refused save's problems, each under the item it is about as the curator saw it ("Số liệu trích được — Mô
    hình “Dân vận khéo” được công nhận, 30: …"), found by the record's id (a document's code)."""
    lines = []
    for problem in problems:
        part = problem.file.removesuffix(".yaml")
        ident = problem.record.partition("=")[2]
        row = next((r for r in records.get(part, []) if ident in (r.get("id"), r.get("code"))), None)
        if row is None or part not in dict(PARTS):
            lines.append(problem.text(lang))
            continue
        what = _item_named(catalog, part, row, lang)
        lines.append(f"{t(dict(PARTS)[part], lang)} — {what.strip()}: {problem_text(problem, lang)}")
    return list(dict.fromkeys(lines))


def _item_named(catalog: danvan.Catalog, part: str, row: dict, lang: str) -> str:
    """An item as a curator recognises it in a list: an event by its day and body, a document by its code, a value by
    its indicator and value."""
    if part == "visits":
        return f"{fmt.partial_date(str(row.get('date_start') or ''))} {row.get('body') or ''}"
    if part == "documents":
        return str(row.get("code"))
    indicator, value = row.get("indicator"), row.get("value")
    return f"{shown(catalog, 'indicator', indicator, lang)}, {shown(catalog, 'value', value, lang)}"


def already_held(catalog: danvan.Catalog, documents: Iterable[dict]) -> list[str]:
    """The codes of these document rows that the catalog already has: a save does not write them again."""
    held = set(catalog.documents["code"])
    return [str(row["code"]) for row in documents if row.get("code") in held]


def saved_before(catalog: danvan.Catalog, records: dict[str, list[dict]]) -> tuple[int, list[tuple[str, str]]]:
    """How many events and values of `records` the catalog already holds under their ids (the report was saved
    before), and the sources it holds them from: (id, name as people recognise it)."""
    held = []
    for part, column in (("visits", "visit_id"), ("observations", "observation_id")):
        ids = [row["id"] for row in records.get(part, []) if row.get("id")]
        frame = getattr(catalog, part)
        held.append(frame.filter(pl.col(column).is_in(ids)).select("source_id"))
    found = pl.concat(held)
    sources = found.unique("source_id", maintain_order=True)
    return found.height, sources.select("source_id", queries.source_title_expr(catalog.sources).alias("name")).rows()


def saved_message(saved: store.Saved, lang: str, known: list[str]) -> str:
    """What a save wrote (the original of a table among it) and where the previous versions are kept, both as
    paths inside the data folder; the `known` documents (already_held) it did not write again."""
    history = os.path.relpath(saved.history, cached.data_path())
    return t("cur_saved", lang, files=", ".join(saved.files), history=history) + (
        " " + t("cur_known_documents", lang, codes=", ".join(known)) if known else ""
    )


def cell_place(cell: str, lang: str) -> str:
    """A table cell as every view shows it: "bc2023.xlsx › Năm 2023 › ô C4"."""
    return cell_words(cell, t("q_cell_word", lang))


def card(
    catalog: danvan.Catalog,
    part: str,
    row: dict,
    item: Item,
    text: str,
    lang: str,
    scanned: bytes | None = None,
    source_notes: Iterable[str] = (),
) -> None:
    """One item as the curator decides on it: its fields by name, the extractor's notes on it (what it inferred,
    what to check), then where it was read from — the quote highlighted in its paragraph of the source text, or the
    table cell with its column header, and for a scan's table the cell's row as scanned (`scanned`, a picture) and
    the draft's notes on that cell (`source_notes` holds them all: a figure OCR read two ways)."""
    lines = [
        f"**{t(HEADERS[c], lang)}:** {ui.plain(shown(catalog, c, row.get(c), lang, item, record_day(part, row)))}"
        for c in REVIEW_COLUMNS[part]
        if c in HEADERS and c not in NOT_EDITED and c != "id" and not _empty(row.get(c))
    ]
    st.markdown("  \n".join(lines))
    # a field the data contract requires and the item lacks: said before N accepts what a save would refuse
    spec = {"visits": VISIT_SPEC, "documents": DOCUMENT_SPEC, "observations": OBSERVATION_SPEC}[part]
    missing = [
        t(HEADERS[c], lang)
        for c in REVIEW_COLUMNS[part]
        if c in HEADERS and c not in ("id", "quote") and spec.get(c, ("", False))[1] and row.get(c) in (None, "")
    ]
    if missing:
        st.warning(t("q_missing", lang, fields=", ".join(missing)), icon=":material/edit:")
    for problem in place_problems(part, row, catalog.places):  # "'Hương Sơn' là huyện … không thuộc tỉnh Nghệ An"
        st.warning(problem, icon=":material/edit:")
    if part == "observations" and str(row.get("indicator") or "").startswith(NEW_INDICATOR):
        name = str(row["indicator"]).removeprefix(NEW_INDICATOR)
        st.warning(t("q_choose_indicator", lang, name=name), icon=":material/edit:")
    for note in getattr(item, "notes", None) or []:  # what was inferred, and what the curator has to check
        st.caption(f"{t('cur_item_note', lang)}: {ui.plain(note)}")
    if row.get("cell"):
        st.markdown(
            f"**{t('q_cell', lang)}:** {ui.plain(cell_place(str(row['cell']), lang))} — {t('q_cell_header', lang)}: "
            f"“{ui.plain(row.get('cell_header') or '—')}”"
        )
        if scanned is not None:
            st.image(scanned, caption=t("q_cell_scan", lang))
        for note in source_notes:  # the extractor's notes are in Vietnamese, and name a cell so
            if note.startswith(f"{cell_place(str(row['cell']), 'vi')}:"):
                st.warning(ui.plain(note), icon=":material/help:")
    elif row.get("quote"):
        quote = str(row["quote"])
        found = [line for line, hit in ui.highlighted(text, [quote]) if hit] or [ui.marked([(fold_space(quote), True)])]
        st.markdown(f"**{t('q_in_source', lang)}**")
        for line in found:
            st.markdown(line)


def edit_form(
    catalog: danvan.Catalog,
    part: str,
    row: dict,
    key: str,
    lang: str,
    submit: str = "q_edit_save",
    skip: tuple[str, ...] = (),
) -> dict | None:
    """The item's fields (but `skip`) in a form; on `submit` the fields changed ({field: value}), else None. Coded
    fields are chosen by name; numbers are typed as 1.973 or 81,77 and dates as 25/04/2024, in either language."""
    columns = [c for c in REVIEW_COLUMNS[part] if c not in NOT_EDITED and c not in skip]
    values: dict = {}
    with st.form(key):
        for column in columns:
            label = t(HEADERS.get(column, column), lang)
            current = row.get(column)
            if column in CODED or column in ("province", "indicator"):
                options = _options(catalog, column, current)
                values[column] = st.selectbox(
                    label,
                    options,
                    index=options.index(current) if current in options else None,
                    format_func=lambda c, col=column: shown(catalog, col, c, lang, day=record_day(part, row)),
                    placeholder=t("choose", lang),
                )
            else:
                values[column] = st.text_input(label, typed(column, current))
        done = st.form_submit_button(t(submit, lang), type="primary", icon=":material/check:")
    if not done:
        return None
    changed = {}
    for column, value in values.items():
        if isinstance(value, str):
            try:
                value = read_back(column, value)
            except ValueError:
                st.error(_bad(column, ui.plain(value), lang))
                return None
        if value != row.get(column):
            changed[column] = value
    return changed


def indicator_box(catalog: danvan.Catalog, key: str, lang: str) -> str | None:
    """An indicator chosen by its name from the catalog's (None until one is)."""
    return st.selectbox(
        t("indicator", lang),
        _options(catalog, "indicator", None),
        index=None,
        format_func=lambda i: shown(catalog, "indicator", i, lang),
        placeholder=t("choose", lang),
        key=key,
    )


def _options(catalog: danvan.Catalog, column: str, current: object) -> list:
    if column in CODED:
        return list(CODED[column][1])
    if column == "province":
        return sorted(catalog.units["code"].unique().to_list())
    return sorted({*catalog.indicators["id"].to_list(), *([current] if current else [])})
