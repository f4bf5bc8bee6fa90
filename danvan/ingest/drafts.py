"""The typed draft an extraction returns, and its conversion into the records a curator saves.

Every drafted item carries the sentence it was read from (`quote`, verbatim in the article), a `confidence` in 0..1
and, for visits and documents, `notes` on what was inferred. The field order is the order of the YAML the command
line prints and of the curated files (model.VISIT_SPEC, DOCUMENT_SPEC, OBSERVATION_SPEC)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import polars as pl
import yaml

from ..gazetteer import Place, check_places
from ..gazetteer import load as load_gazetteer
from ..model import (
    DOCUMENT_SPEC,
    OBSERVATION_SPEC,
    SOURCE_SPEC,
    VISIT_SPEC,
    BodyLevel,
    DatePrecision,
    DocumentType,
    Status,
    Unit,
    VisitKind,
    record_day,
)
from ..text import clipped, fold_space, fold_tones, slug

# An indicator the extractor proposes by a phrase of the text, none of the defined ones fitting: "new:điển hình".
NEW_INDICATOR = "new:"
# A curator sees the items drafted with at least this confidence already ticked to be kept.
KEEP_CONFIDENCE = 0.7
# The columns a curator reviews and edits for each kind of item (unit, qualifier, subject only guide the choice).
REVIEW_COLUMNS = {
    "visits": [
        "id",
        "date_start",
        "date_end",
        "date_precision",
        "date_note",
        "kind",
        "body",
        "body_level",
        "leader_name",
        "leader_title",
        "province",
        "district",
        "commune",
        "documents",
        "summary",
        "quote",
    ],
    "documents": ["code", "type", "issuer", "level", "province", "date", "title", "quote"],
    "observations": [
        "id",
        "indicator",
        "province",
        "district",
        "commune",
        "period",
        "period_note",
        "value",
        "qualifier",
        "numerator",
        "denominator",
        "status",
        "breakdown",
        "quote",
        "cell",
        "cell_header",
    ],
}

# The header of each draft field, as the review shows it (i18n keys).
HEADERS = {
    "id": "cur_col_id",
    "date_start": "date",
    "date_end": "cur_col_date_end",
    "date_precision": "cur_col_date_precision",
    "date_note": "cur_col_date_note",
    "kind": "kind",
    "body": "body",
    "body_level": "cur_col_body_level",
    "leader_name": "leader",
    "leader_title": "cur_col_leader_title",
    "province": "province",
    "district": "cur_col_district",  # a huyện, a thị xã or a thành phố: the draft keeps the name alone
    "commune": "commune",
    "documents": "cur_col_documents",  # the codes of the documents a visit carries out or reviews
    "document": "cur_col_documents",  # the validator's name for one of them
    "summary": "summary",
    "code": "cur_col_code",
    "type": "cur_col_type",
    "issuer": "issuer",
    "level": "doc_level",
    "date": "date",
    "title": "title",
    "period": "period",
    "indicator": "indicator",
    "period_note": "cur_col_period_note",
    "value": "value",
    "qualifier": "qualifier",
    "numerator": "numerator",
    "denominator": "denominator",
    "status": "status",
    "breakdown": "breakdown",
}


@dataclass
class SourceDraft:
    """What the article says about itself: its title, publication date and the province of its outlet."""

    file: str
    title: str | None
    published: str | None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    published_note: str | None
    published_quote: str | None
    province: str | None
    province_note: str | None
    confidence: float
    notes: list[str] = field(default_factory=list)  # what the extractor noticed about the whole text
    district: str | None = None  # the district the text is about (a district's report), for its tables naming none


@dataclass
class VisitDraft:
    id: str | None
    date_start: str | None
    date_end: str | None
    date_precision: DatePrecision
    date_note: str | None
    kind: VisitKind
    body: str | None
    body_level: BodyLevel | None
    leader_name: str | None
    leader_title: str | None
    province: str | None
    province_note: str | None
    district: str | None
    commune: str | None
    documents: list[str]
    summary: str
    quote: str
    confidence: float
    notes: list[str] = field(default_factory=list)


def event_key(visit: VisitDraft) -> str | None:
    """A visit's date as the labels write an event: "2024-03-15", "2024-03-15..2024-03-16", a month "2024-03", a
    span of months "2024-06..2024-08" (its end the last day of a month), a month to a day "2020-03..2020-05-30"."""
    if not visit.date_start:
        return None
    month = visit.date_precision == "month"
    start = visit.date_start[:7] if month else visit.date_start
    if not visit.date_end:
        return start
    end = dt.date.fromisoformat(visit.date_end)
    whole = month and end.day == calendar.monthrange(end.year, end.month)[1]
    return f"{start}..{visit.date_end[:7] if whole else visit.date_end}"


@dataclass
class DocumentDraft:
    code: str
    type: DocumentType | None
    issuer: str | None
    level: BodyLevel
    province: str | None
    date: str | None
    title: str | None
    quote: str
    confidence: float
    notes: list[str] = field(default_factory=list)


@dataclass
class ObservationDraft:
    id: str
    indicator: str  # a known indicator id, or "new:<noun>" to propose one
    province: str | None
    province_note: str | None
    district: str | None
    commune: str | None
    period: str | None
    period_note: str | None
    value: int | float
    numerator: int | float | None
    denominator: int | float | None
    unit: Unit
    qualifier: str | None  # "hơn", "gần", "khoảng": the text says the number is not exact
    subject: str | None  # the thing counted, as the text names it
    status: Status
    breakdown: str | None
    quote: str  # "" for a value read from a table: its provenance is `cell`
    confidence: float
    cell: str | None = None  # "bao-cao.xlsx#Năm 2023!C5": stored file, sheet or "Bảng N", A1 reference
    cell_header: str | None = None  # the header text of the cell's column, checked by the validator

    @property
    def proposes_indicator(self) -> bool:
        """No defined indicator fits: the curator has to choose one or define it first."""
        return self.indicator.startswith(NEW_INDICATOR)


Item = VisitDraft | DocumentDraft | ObservationDraft


@dataclass
class Draft:
    """Everything drafted from one article."""

    source: SourceDraft
    visits: list[VisitDraft] = field(default_factory=list)
    documents: list[DocumentDraft] = field(default_factory=list)
    observations: list[ObservationDraft] = field(default_factory=list)

    def items(self) -> list[Item]:
        return [*self.visits, *self.documents, *self.observations]

    def is_empty(self) -> bool:
        return not (self.visits or self.documents or self.observations)

    def quotes(self) -> list[str]:
        """The quoted passages, whitespace folded, to be highlighted in the article."""
        return [fold_space(item.quote) for item in self.items() if item.quote]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False, width=120)


def visit_id(day: str, place: str | None, taken: Iterable[str | None] = ()) -> str:
    """A visit's record id from its first day and its province's name ("v-2023-12-15-ha-tinh"; a central body's
    visit with no province: "trung-uong"), numbered on when `taken` has it ("v-2023-12-15-ha-tinh-2")."""
    return numbered(f"v-{day}-{slug(place or 'trung-uong')}", taken)


def numbered(base: str, taken: Iterable[str | None]) -> str:
    """`base`, or "base-2", "base-3" … the first that `taken` does not have."""
    used, found, n = set(taken), base, 1
    while found in used:
        n += 1
        found = f"{base}-{n}"
    return found


def typed_code(text: str) -> str:
    """A document's code as a curator types it, spaces around its dashes and slashes dropped ("111 - KL / TU" is
    111-KL/TU)."""
    return re.sub(r"\s*([-/])\s*", r"\1", fold_space(text))


def summary_of(text: str) -> str:
    """A visit's summary: its sentence, whitespace folded, cut at a word before 200 characters."""
    return clipped(text, 200)


def preselected(item: Item) -> bool:
    """Whether the curator's table starts with the item ticked: confident, and not waiting for a new indicator."""
    if isinstance(item, ObservationDraft) and item.proposes_indicator:
        return False
    return item.confidence >= KEEP_CONFIDENCE


def review_rows(items: Iterable[Item], columns: list[str]) -> list[dict[str, Any]]:
    """One row per item for the curator's table: `keep` (preselected), the chosen columns, the confidence; a
    visit's body named with its place (placed_body)."""
    rows = [
        {"keep": preselected(item)} | {c: getattr(item, c, None) for c in columns} | {"confidence": item.confidence}
        for item in items
    ]
    return [row | {"body": placed_body(row)} if "body" in row else row for row in rows]


@dataclass(frozen=True)
class SourceEntry:
    """What the curator typed about the source, over what the draft proposed."""

    id: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None


def to_records(
    draft: Draft, entry: SourceEntry, kept: Mapping[str, list[dict[str, Any]]], known_documents: Iterable[str] = ()
) -> dict[str, list[dict[str, Any]]]:
    """The records to save (store.save): the source, and the rows the curator kept in each part.

    Rows are the edited table rows (review_rows): only the fields of the data contract are written, empty text
    counts as absent, each item is tied to the source, and a document the catalog already has is not written
    again."""
    source = {
        "id": entry.id,
        "title": entry.title,
        "publisher": entry.publisher,
        "url": entry.url,
        "published": entry.published,
        "published_note": draft.source.published_note,
        "province": draft.source.province,
        "province_note": draft.source.province_note,
    }
    known = set(known_documents)
    specs = {"visits": VISIT_SPEC, "documents": DOCUMENT_SPEC, "observations": OBSERVATION_SPEC}
    records: dict[str, list[dict[str, Any]]] = {"sources": [_fields(source, SOURCE_SPEC)]}
    for part, spec in specs.items():
        rows = [_as_the_gazetteer_spells(part, _fields(row, spec)) | {"source": entry.id} for row in kept.get(part, [])]
        if part == "documents":
            rows = [row for row in rows if row.get("code") not in known]
        records[part] = rows
    return records


def _as_the_gazetteer_spells(part: str, row: dict[str, Any]) -> dict[str, Any]:
    """A district or commune typed as a curator spells it ("Mù Cang Chải", "Thị xã Nghĩa Lộ") written as the
    gazetteer does ("Mù Căng Chải", "Nghĩa Lộ"; with its type word where the name alone is two units: "huyện Kỳ Anh")
    when it places it in the record's province on the record's day, so that pages list one place, not two; any other
    name is left as typed, for the validator to judge."""
    on = record_day(part, row)
    for level in ("district", "commune"):
        place = _gazetteer_unit(level, row, on)
        if place is not None:
            row[level] = load_gazetteer().record_name(place, on, _district_context(level, row))  # "huyện Kỳ Anh"
    return row


def _district_context(level: str, row: Mapping[str, Any]) -> tuple[str, ...]:
    return (f"huyện {row['district']}",) if level == "commune" and row.get("district") else ()


def _gazetteer_unit(level: str, row: Mapping[str, Any], on: dt.date | None) -> Place | None:
    """The record's district or commune, when the gazetteer places it in the record's province on `on`; a former
    name ("Đất Đỏ" in 2023, before it joined Long Đất: the gazetteer's names carry no dates) is not placed."""
    name = row.get(level)
    if not isinstance(name, str) or not name.strip():
        return None
    context = _district_context(level, row)
    res = load_gazetteer().resolve(name, on=on, level=level, within=row.get("province"), context=context)
    match = res.match if res.status == "found" else None
    if match is None or match.former is not None or match.province_code != row.get("province"):
        return None
    return match.place


# A committee named by its level alone, as articles do once the place is said ("Ban Dân vận Tỉnh ủy", "Huyện uỷ",
# "Đảng ủy"), and the level each names
_COMMITTEE = re.compile(r"\b(tỉnh|thành|huyện|quận|thị|đảng)\s+(?:ủy|uỷ)$", re.IGNORECASE)
_COMMITTEE_LEVELS = {
    "tỉnh": ("province",),
    "thành": ("province", "district"),
    "huyện": ("district",),
    "quận": ("district",),
    "thị": ("district",),
    "đảng": ("commune",),
}
_LEVEL_TYPES = {
    "province": ("tỉnh", "thành phố"),
    "district": ("huyện", "quận", "thị xã", "thành phố"),
    "commune": ("xã", "phường", "thị trấn", "đặc khu"),
}
_TYPE_WORDS = tuple({w for words in _LEVEL_TYPES.values() for w in words})


def placed_body(row: Mapping[str, Any]) -> str | None:
    """A visit's body named with its place, as the curated data names it, when the drafted name has none (the
    labelling conventions drop it; a national timeline needs it): "Ban Dân vận Tỉnh ủy" of a visit in Bến Tre is
    "Ban Dân vận Tỉnh ủy Bến Tre", "Huyện uỷ" of Thường Tín "Huyện ủy Thường Tín", "Ủy ban MTTQ Việt Nam tỉnh" of
    Nghệ An "Ủy ban MTTQ Việt Nam tỉnh Nghệ An", "Ban Chỉ đạo" of Sơn La "Ban Chỉ đạo tỉnh Sơn La", "Đảng ủy" of a
    commune "Đảng ủy xã Mỹ Thạnh". The body as drafted when it names a place already, when the row's place at the
    body's level is not known (or not in the gazetteer), or for a central body."""
    body, level = row.get("body"), row.get("body_level")
    if not isinstance(body, str) or not body.strip() or level not in ("province", "district", "commune"):
        return body
    body = fold_space(body)
    words = body.split(" ")
    if any(w.lower() in ("tp", "tp.") or (w[:1].isupper() and _after_type(words, i)) for i, w in enumerate(words)):
        return body  # "… huyện Châu Thành", "Thành ủy Huế", "TP. Hội An": a place is named
    label = _body_place(level, row)
    if label is None:
        return body
    kind, name = label  # kind None: a district or commune as the row writes it, not placed by the gazetteer
    committee = _COMMITTEE.search(body)
    if committee:
        if level not in _COMMITTEE_LEVELS[committee.group(1).lower()] or (level == "commune" and kind is None):
            return body
        written = fold_tones(body[committee.start() :])
        # a place's committee is a proper name: "tỉnh ủy" → "Tỉnh ủy"; a commune's takes the type word: "Đảng ủy xã X"
        place = f"{kind} {name}" if level == "commune" else "Thành phố Hồ Chí Minh" if name == "Hồ Chí Minh" else name
        return f"{body[: committee.start()]}{written[0].upper()}{written[1:]} {place}"
    # "Ủy ban MTTQ Việt Nam tỉnh": the unit's own type word in its place ("thành phố" for Hà Nội)
    ends = next((word for word in _LEVEL_TYPES[level] if body.lower().endswith(f" {word}")), None)
    if ends is not None:
        return f"{body[: -len(ends)]}{kind or ends} {name}"
    return f"{body} {kind} {name}" if kind else body


def _after_type(words: list[str], i: int) -> bool:
    """Word `i` is a name after a type word or a committee ("huyện Châu", "Thành ủy Huế", "thị xã Hòa")."""
    before = " ".join(words[max(0, i - 2) : i]).lower()
    return before.endswith(tuple(_TYPE_WORDS)) or _COMMITTEE.search(fold_tones(before)) is not None


def _body_place(level: str, row: Mapping[str, Any]) -> tuple[str | None, str] | None:
    """(type word, name) of the row's unit at the body's level on the row's day: ("tỉnh", "Bến Tre"), ("thành phố",
    "Hồ Chí Minh"), ("huyện", "Châu Phú"), ("xã", "Mỹ Thạnh"), (None, "Đất Đỏ"); None when the row has none."""
    on = record_day("visits", row)
    if level == "province":
        label = load_gazetteer().province_label(str(row["province"]), on) if row.get("province") else None
        if label is None:
            return None
        kind = "thành phố" if label.startswith("thành phố ") else "tỉnh"
        return kind, label.removeprefix(f"{kind} ")
    place = _gazetteer_unit(level, row, on)
    if place is not None:
        return place.type, place.name
    written = row.get(level)
    if not isinstance(written, str) or not written.strip():
        return None
    # a former unit ("Đất Đỏ" in 2023) by the row's own words, its type word only if written ("huyện Kỳ Anh")
    typed = next((word for word in _LEVEL_TYPES[level] if written.lower().startswith(f"{word} ")), None)
    return typed, fold_space(written[len(typed) + 1 :] if typed else written)


def place_problems(part: str, row: Mapping[str, Any], places: pl.DataFrame | None = None) -> list[str]:
    """What the validator would say of a reviewed row's district and commune, said on the item before it is saved:
    one of another province than the row's, one the gazetteer does not know, a name several units bear. `places`:
    the places.csv listing (a village)."""
    if part == "documents" or not (row.get("district") or row.get("commune")):
        return []
    one = {"province": row.get("province"), "district": row.get("district"), "commune": row.get("commune")}
    frame = pl.DataFrame(
        [one | {"date": record_day(part, row)}], schema=dict.fromkeys(one, pl.String) | {"date": pl.Date}
    )
    return [problem.message for problem in check_places({part: frame}, places)]


def _fields(row: Mapping[str, Any], spec: Mapping[str, Any]) -> dict[str, Any]:
    return {key: (None if value == "" else value) for key, value in row.items() if key in spec}
