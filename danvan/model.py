"""The data model: what each curated file may contain, the enumerations, the Catalog and its problems."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import polars as pl

# Each enumeration is written once, as a Literal type; its table (the tuple of values, in display order) is read
# from the type, so the validator, the extractor and the queries cannot drift apart.
Scheme = Literal["63", "34"]  # the 63 provinces before the merger of 1/7/2025, the 34 after it
VisitKind = Literal["khao_sat", "kiem_tra", "giam_sat", "lam_viec", "hoi_nghi"]
# A commune's bodies (Đảng ủy xã, Ủy ban MTTQ phường…) are the grassroots of dân vận work, and after 1/7/2025 the
# only level below the province.
BodyLevel = Literal["central", "province", "district", "commune"]
DatePrecision = Literal["day", "month", "year", "approximate"]
FindingKind = Literal["result", "limitation", "direction"]
Status = Literal["reported", "estimated", "target"]
Unit = Literal["count", "percent", "average", "vnd"]
Aggregation = Literal["sum", "none"]
DocumentType = Literal[
    "nghi_quyet",
    "ket_luan",
    "quyet_dinh",
    "chi_thi",
    "quy_dinh",
    "quy_che",
    "huong_dan",
    "cong_van",
    "ke_hoach",
]
# a district or commune by its kind: huyện/quận, thành phố, thị xã ("town"), thị trấn ("township"), xã, phường
PlaceLevel = Literal["district", "city", "town", "township", "commune", "ward"]
# a recommendation's follow-up: not yet acted on, under way, done, no longer pursued
FollowUpState = Literal["open", "in_progress", "done", "dropped"]
# The word a source puts before a figure it does not give exactly ("hơn 9.500 phần quà", "gần 5 tỷ đồng"): kept with
# the value, so that no view shows an approximate or bounded figure as an exact one.
Qualifier = Literal["hơn", "trên", "gần", "khoảng", "xấp xỉ", "dưới", "chưa đến"]

SCHEMES: tuple[Scheme, ...] = get_args(Scheme)
VISIT_KINDS: tuple[VisitKind, ...] = get_args(VisitKind)
BODY_LEVELS: tuple[BodyLevel, ...] = get_args(BodyLevel)
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)
FINDING_KINDS: tuple[FindingKind, ...] = get_args(FindingKind)
STATUSES: tuple[Status, ...] = get_args(Status)
UNITS: tuple[Unit, ...] = get_args(Unit)
AGGREGATIONS: tuple[Aggregation, ...] = get_args(Aggregation)
DOCUMENT_TYPES: tuple[DocumentType, ...] = get_args(DocumentType)
PLACE_LEVELS: tuple[PlaceLevel, ...] = get_args(PlaceLevel)
FOLLOWUP_STATES: tuple[FollowUpState, ...] = get_args(FollowUpState)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)

# --- the one rule for which scheme holds on a date -------------------------------------------------------------
MERGER_DATE = dt.date(2025, 7, 1)
OLD_SCHEME, NEW_SCHEME = SCHEMES  # "63" before MERGER_DATE (places.csv and names are in it), "34" from it on


def scheme_on(day: dt.date | None) -> Scheme:
    """The boundary scheme in force on a day: 63 before 1/7/2025, 34 from then on (today's, 34, when no day)."""
    return OLD_SCHEME if day is not None and day < MERGER_DATE else NEW_SCHEME


def record_day(part: str, row: Mapping[str, Any]) -> dt.date | None:
    """The day that sets a record's scheme, as the validator reads it: a visit's first day, a document's date, the
    end of a value's period ("2023" → 31/12/2023, "2021-2023" → 31/12/2023, "a..b" → b); None when it has none.
    A month or a year alone stands for its last day."""
    text = str(row.get({"visits": "date_start", "documents": "date"}.get(part, "period")) or "").split("..")[-1]
    found = re.fullmatch(r"\d{4}-(\d{4})", text) or re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not found:
        return None
    year, month, day = (int(g) if g else None for g in (*found.groups(), None, None)[:3])
    assert year is not None
    month = month or 12
    try:
        return dt.date(year, month, day or calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def scheme_on_expr(day: pl.Expr) -> pl.Expr:
    """scheme_on as a Polars expression over a Date column (null days get the current scheme, as in scheme_on)."""
    return pl.when(day < pl.lit(MERGER_DATE)).then(pl.lit(OLD_SCHEME)).otherwise(pl.lit(NEW_SCHEME))


# --- source ids: each names its stored text, sources/<id>.txt, so it must never be able to become a path ----------
# Checked (by the loader and by every save) before any path is built from it.
SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)
SOURCE_ID_RULE = "chỉ gồm chữ không dấu, chữ số, dấu _ và -, bắt đầu bằng chữ hoặc số, tối đa 64 ký tự"


def valid_source_id(value: object) -> bool:
    """Whether `value` may be a source id (and so a file name under sources/)."""
    return isinstance(value, str) and SOURCE_ID.fullmatch(value) is not None


def source_id_problem(value: object) -> str:
    """The message for a source id that is not valid, showing (the start of) the value."""
    shown = repr(value if not isinstance(value, str) or len(value) <= 40 else value[:40] + "…")
    return f"mã nguồn {shown} không hợp lệ: {SOURCE_ID_RULE}"


# Field kinds: str, code (2-digit GSO code), date ("YYYY-MM-DD"), partial_date (also "YYYY-MM", "YYYY"),
# number, bool, list (of strings), findings (list of mappings), enum:<name>.
# Each spec: field -> (kind, required).
Spec = dict[str, tuple[str, bool]]

SOURCE_SPEC: Spec = {
    "id": ("str", True),
    "title": ("str", False),
    "publisher": ("str", False),
    "url": ("str", False),
    "published": ("partial_date", False),
    "published_note": ("str", False),
    "author": ("str", False),
    "province": ("code", False),
    "province_note": ("str", False),
    "corpus_file": ("str", False),
}
DOCUMENT_SPEC: Spec = {
    "code": ("str", True),
    "type": ("enum:document_type", True),
    "issuer": ("str", False),
    "level": ("enum:body_level", True),
    "province": ("code", False),
    "date": ("date", False),
    "title": ("str", False),
    "source": ("str", False),
    "quote": ("str", False),
}
INDICATOR_SPEC: Spec = {
    "id": ("str", True),
    "name_vi": ("str", True),
    "name_en": ("str", True),
    "unit": ("enum:unit", True),
    "counts": ("str", False),  # what a count counts ("mô hình", "tiêu chí"): unlike things share no chart
    "description": ("str", False),
    "category": ("str", True),
    "aggregation": ("enum:aggregation", True),
    "higher_is_better": ("bool", False),
}
VISIT_SPEC: Spec = {
    "id": ("str", True),
    "date_start": ("date", True),
    "date_end": ("date", False),
    "date_precision": ("enum:date_precision", True),
    "date_note": ("str", False),
    "kind": ("enum:visit_kind", True),
    "body": ("str", True),
    "body_level": ("enum:body_level", True),
    "leader_name": ("str", False),
    "leader_title": ("str", False),
    "province": ("code", False),
    "province_note": ("str", False),
    "district": ("str", False),
    "commune": ("str", False),
    "documents": ("list", False),
    "summary": ("str", True),
    "source": ("str", True),
    "quote": ("str", True),
    "findings": ("findings", False),
}
FINDING_SPEC: Spec = {"kind": ("enum:finding_kind", True), "text": ("str", True), "quote": ("str", True)}
OBSERVATION_SPEC: Spec = {
    "id": ("str", True),
    "indicator": ("str", True),
    "province": ("code", True),
    "province_note": ("str", False),
    "district": ("str", False),
    "commune": ("str", False),
    "period": ("str", True),
    "period_note": ("str", False),
    "value": ("number", True),
    "qualifier": ("enum:qualifier", False),  # "hơn", "gần"…: the quote must say it
    "numerator": ("number", False),
    "denominator": ("number", False),
    "status": ("enum:status", True),
    "breakdown": ("str", False),
    "source": ("str", True),
    "quote": ("str", False),
    # A value read from a table carries its cell instead of a quote: "bao-cao.xlsx#Năm 2023!C5" (a file stored in
    # sources/, the sheet or "Bảng N" of a Word file, the A1 reference) and the header text of its column.
    "cell": ("str", False),
    "cell_header": ("str", False),
}
# followups.yaml (optional): a curator's mark on one direction or recommendation a visit gave (its `finding`, the
# position among the visit's findings, from 1), with the later source that shows its state.
FOLLOWUP_SPEC: Spec = {
    "id": ("str", True),
    "visit": ("str", True),
    "finding": ("number", True),
    "state": ("enum:followup_state", True),
    "date": ("date", True),
    "source": ("str", False),
    "quote": ("str", False),
    "note": ("str", False),
}
DATASET_SPEC: Spec = {
    "title": ("str", True),
    "description": ("str", False),
    "licence": ("str", False),
    "generated": ("bool", True),
}

ENUMS: dict[str, tuple[str, ...]] = {
    "document_type": DOCUMENT_TYPES,
    "body_level": BODY_LEVELS,
    "unit": UNITS,
    "aggregation": AGGREGATIONS,
    "date_precision": DATE_PRECISIONS,
    "visit_kind": VISIT_KINDS,
    "finding_kind": FINDING_KINDS,
    "status": STATUSES,
    "followup_state": FOLLOWUP_STATES,
    "qualifier": QUALIFIERS,
}
FOLLOWUP_SCHEMA = pl.Schema(
    {
        "followup_id": pl.String,
        "visit_id": pl.String,
        "finding": pl.Int32,
        "state": pl.String,
        "date": pl.Date,
        "source_id": pl.String,
        "quote": pl.String,
        "note": pl.String,
    }
)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located to the file, the record and the field."""

    file: str
    record: str
    field: str
    message: str
    severity: str = "error"  # "error" rejects the catalog; "warning" is shown but accepted

    def __str__(self) -> str:
        return self.text("vi")

    def said(self, lang: str = "vi") -> str:
        """The message alone, in the interface language."""
        if lang != "en":
            return self.message
        from .messages import english

        return english(self.message)

    def text(self, lang: str = "vi") -> str:
        """The problem as one line in the interface language (English from danvan.messages, by message shape)."""
        if lang != "en":
            where = " › ".join(part for part in (self.file, self.record, self.field) if part)
            label = "LỖI" if self.severity == "error" else "CẢNH BÁO"
            return f"[{label}] {where}: {self.message}"
        from .messages import english_place

        where = " › ".join(english_place(part) for part in (self.file, self.record, self.field) if part)
        label = "ERROR" if self.severity == "error" else "WARNING"
        return f"[{label}] {where}: {self.said(lang)}"


class DataError(Exception):
    """The data in a folder is not valid; `problems` lists every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = "\n".join(str(p) for p in errors)
        super().__init__(f"{len(errors)} lỗi trong dữ liệu:\n{lines}")


@dataclass(frozen=True)
class Catalog:
    """Every curated dataset as collected Polars frames, validated together."""

    units: pl.DataFrame
    places: pl.DataFrame
    sources: pl.DataFrame
    documents: pl.DataFrame
    indicators: pl.DataFrame
    visits: pl.DataFrame
    findings: pl.DataFrame
    observations: pl.DataFrame
    texts: dict[str, str]
    dataset: dict
    version: str
    warnings: list[Problem] = field(default_factory=list)
    followups: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=FOLLOWUP_SCHEMA))

    @property
    def generated(self) -> bool:
        return bool(self.dataset.get("generated"))
