"""The review queue on disk: one folder per source, holding its draft, the original file and its state.

    queue/
      20261129-034512-3f9a2c1d/       the entry: when it was drafted and the first digits of the file's hash
        original.xlsx                 the file as received (by content: .txt .docx .doc .odt .pdf .xlsx .xls .ods
                                      .csv .png .jpg)
        transcription.xlsx            for a scan with ruled tables: the tables as read by OCR, a sheet each
        scanned-rows/Bảng 1/3.png     and each of their rows with figures, a picture under the table's header
        text.txt                      the text the quotes are taken from (paragraphs, or the tables as lines)
        draft.yaml                    the Draft (visits, documents, observations with quote or cell)
        state.yaml                    state (new | accepted | rejected), confidence, problems, review notes,
                                      each item's decision ("visits/0": accepted | rejected | saved) and edits,
                                      and the items a curator added that the draft missed

A curator decides item by item; the decisions and edits are kept in state.yaml, so a draft left half-reviewed stays
in the queue with them. An event or a document the draft missed is added by the curator (`add_item`), from a
passage of the stored text; it is kept in state.yaml (draft.yaml stays what the extractor drafted) and follows the
draft's own items of its kind. Saving writes the accepted items (store.save), marks them saved, and the entry becomes
accepted once every item is decided.

Every entry is written in a temporary folder and renamed into place, and its state file is replaced atomically,
so a reader never sees half an entry. The queue folder is `queue/` beside the data folder unless DANVAN_QUEUE or an
argument says otherwise.

    >>> entries = enqueue_paths(["reports/"], registry, indicators, queue_dir)
    >>> [e.state for e in list_entries(queue_dir)]"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from .. import fmt, store
from ..i18n import t
from ..loader import DOC_CODE
from ..model import DataError, Problem, record_day, scheme_on
from ..registry import Registry
from ..text import clipped, fold_space, quote_key, slug
from .drafts import (
    HEADERS,
    NEW_INDICATOR,
    REVIEW_COLUMNS,
    DocumentDraft,
    Draft,
    Item,
    ObservationDraft,
    SourceDraft,
    SourceEntry,
    VisitDraft,
    numbered,
    placed_body,
    review_rows,
    summary_of,
    to_records,
    typed_code,
    visit_id,
)
from .readers import Document, parse_ref, read_document, split_cell_ref
from .tables import extract_document
from .text import IngestError

STATES = ("new", "accepted", "rejected")
# An item's decision; "saved" once written to the data folder (final: never saved twice, never undone here).
DECISIONS = ("accepted", "rejected", "saved")
PARTS = ("visits", "documents", "observations")
# What a curator may not edit: where the item was read from.
READ_ONLY = ("quote", "cell", "cell_header")
TRANSCRIPTION = "transcription.xlsx"
SCANNED_ROWS = "scanned-rows"
EXTENSIONS = {
    "text": "txt",
    "docx": "docx",
    "doc": "doc",
    "pdf": "pdf",
    "xlsx": "xlsx",
    "xls": "xls",
    "odt": "odt",
    "ods": "ods",
    "csv": "csv",
    "png": "png",
    "jpeg": "jpg",
    "tiff": "tif",
}


def default_queue(data: str | Path = "data") -> Path:
    """DANVAN_QUEUE, else queue/ beside the data folder."""
    return Path(os.environ.get("DANVAN_QUEUE") or Path(data).resolve().parent / "queue")


@dataclass
class Entry:
    id: str
    folder: Path
    file: str  # the name the file came with
    kind: str
    created: str  # ISO time
    state: str
    confidence: float
    problems: list[str]
    province: str | None
    counts: dict[str, int] = field(default_factory=dict)
    reviewed: str | None = None  # who decided, and when
    note: str | None = None
    decisions: dict[str, str] = field(default_factory=dict)  # "visits/0" → accepted | rejected | saved
    edits: dict[str, dict[str, Any]] = field(default_factory=dict)  # "visits/0" → {field: value}
    source_id: str | None = None  # the source id the first save used (later saves add to it)
    url: str | None = None  # the page's address, when the curator gave it (--url)
    added: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # "visits" → the items a curator added

    @property
    def total(self) -> int:
        return sum(self.counts.get(part, 0) for part in PARTS)

    @property
    def decided(self) -> int:
        return len(self.decisions)

    @property
    def status(self) -> str:
        """The state, or "reviewing" for a new draft with some items decided."""
        return "reviewing" if self.state == "new" and self.decisions else self.state

    @property
    def original(self) -> Path:
        return next(self.folder.glob("original.*"))

    @property
    def cells_file(self) -> Path:
        """What the drafted cells were read from: the original, or a scan's transcription."""
        transcription = self.folder / TRANSCRIPTION
        return transcription if transcription.is_file() else self.original

    def scanned_row(self, cell: str | None) -> bytes | None:
        """The picture (PNG) of the scanned table's row a drafted cell was read from, under the table's header; None
        for a cell of a typed file, or no cell."""
        try:
            _, sheet, ref = split_cell_ref(cell or "")
        except ValueError:
            return None
        path = self.folder / SCANNED_ROWS / sheet / f"{parse_ref(ref)[0]}.png"
        return path.read_bytes() if re.fullmatch(r"Bảng \d+", sheet) and path.is_file() else None

    def draft(self) -> Draft:
        """The extractor's draft, with the items a curator added after each kind's drafted ones."""
        drafted = yaml.safe_load((self.folder / "draft.yaml").read_text(encoding="utf-8"))
        return draft_from_dict(drafted | {p: (drafted.get(p) or []) + rows for p, rows in self.added.items()})

    def text(self) -> str:
        return (self.folder / "text.txt").read_text(encoding="utf-8")


def document_text(doc: Document) -> str:
    """The text a curator reads beside the draft: the paragraphs, then each table as lines of cells, one per
    column under its header ("—" for an empty cell, so that a value stays under its own header)."""
    parts = [doc.text.strip()] if doc.text.strip() else []
    for table in doc.tables:
        columns = sorted({*table.headers, *(c.column for row in table.rows for c in row)})
        lines = [f"{table.name}" + (f" — {table.title}" if table.title else "")]
        lines.append(" | ".join(table.headers.get(column, "—") for column in columns))
        for row in table.rows:
            cells = {c.column: c.text for c in row}
            lines.append(" | ".join(cells.get(column) or "—" for column in columns))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def enqueue(
    path: str | Path,
    registry: Registry | None,
    indicators: list[dict[str, Any]],
    queue_dir: str | Path,
    *,
    published: str | None = None,
    province: str | None = None,
    url: str | None = None,
    now: dt.datetime | None = None,
) -> Entry:
    """Draft one file into the queue (IngestError when it cannot be read: nothing is written). A file already
    queued (same content) is not queued twice: its entry is returned."""
    path, queue_dir = Path(path), Path(queue_dir)
    raw = path.read_bytes() if path.is_file() else None
    doc = read_document(path, raw)
    digest = hashlib.sha256(raw or b"").hexdigest()[:8]
    existing = next((e for e in list_entries(queue_dir) if e.id.endswith(digest)), None)
    if existing is not None:
        return existing
    draft = extract_document(doc, registry, published=published, province=province, indicators=indicators, url=url)
    when = now or dt.datetime.now()
    entry_id = f"{when:%Y%m%d-%H%M%S}-{digest}"
    items = draft.items()
    confidence = round(sum(i.confidence for i in items) / len(items), 2) if items else 0.0
    problems = list(draft.source.notes)
    # The province to filter by: the outlet's, else the one most of the drafted items are about.
    named = Counter(i.province for i in items if getattr(i, "province", None))
    province = draft.source.province or (named.most_common(1)[0][0] if named else None)
    state = {
        "file": path.name,
        "kind": doc.kind,
        "created": when.isoformat(timespec="seconds"),
        "state": "new",
        "confidence": confidence,
        "problems": problems,
        "province": province,
        "url": url,
        "counts": {
            "visits": len(draft.visits),
            "documents": len(draft.documents),
            "observations": len(draft.observations),
        },
    }
    queue_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=queue_dir))
    try:
        (tmp / f"original.{EXTENSIONS[doc.kind]}").write_bytes(raw or b"")
        if doc.transcription is not None:
            (tmp / TRANSCRIPTION).write_bytes(doc.transcription)
        for sheet, pictures in doc.scanned_rows.items():
            (tmp / SCANNED_ROWS / sheet).mkdir(parents=True)
            for row, png in pictures.items():
                (tmp / SCANNED_ROWS / sheet / f"{row}.png").write_bytes(png)
        (tmp / "text.txt").write_text(document_text(doc), encoding="utf-8")
        (tmp / "draft.yaml").write_text(draft.to_yaml(), encoding="utf-8")
        (tmp / "state.yaml").write_text(_dump(state), encoding="utf-8")
        os.replace(tmp, queue_dir / entry_id)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return read_entry(queue_dir / entry_id)


def saved_source(data: str | Path, text: str) -> str | None:
    """The id of the source in `data` whose stored text is this text, whitespace aside: a report saved before, whose
    items a second save would repeat."""
    key = quote_key(text)
    for path in sorted((Path(data) / "sources").glob("*.txt")):
        if quote_key(path.read_text(encoding="utf-8")) == key:
            return path.stem
    return None


def files_in(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and the files of the folders named (not hidden, sorted), in order."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            out.append(path)
    return out


def enqueue_paths(
    paths: Iterable[str | Path],
    registry: Registry | None,
    indicators: list[dict[str, Any]],
    queue_dir: str | Path,
    *,
    published: str | None = None,
    province: str | None = None,
    url: str | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
) -> list[tuple[Path, Entry | str]]:
    """Every file into the queue: (file, its entry) or (file, why it was refused), in order."""
    files = files_in(paths)
    results: list[tuple[Path, Entry | str]] = []
    for i, path in enumerate(files, 1):
        if progress:
            progress(i, len(files), path)
        try:
            results.append(
                (
                    path,
                    enqueue(path, registry, indicators, queue_dir, published=published, province=province, url=url),
                )
            )
        except (IngestError, OSError) as err:
            results.append((path, str(err)))
    return results


def read_entry(folder: Path) -> Entry:
    state = yaml.safe_load((folder / "state.yaml").read_text(encoding="utf-8"))
    return Entry(
        folder.name,
        folder,
        state["file"],
        state["kind"],
        state["created"],
        state["state"],
        state.get("confidence", 0.0),
        state.get("problems") or [],
        state.get("province"),
        state.get("counts") or {},
        state.get("reviewed"),
        state.get("note"),
        state.get("decisions") or {},
        state.get("edits") or {},
        state.get("source_id"),
        state.get("url"),
        state.get("added") or {},
    )


def list_entries(queue_dir: str | Path, state: str | None = None, province: str | None = None) -> list[Entry]:
    """Entries newest first, optionally of one state ("reviewing": new with some items decided) and one province."""
    root = Path(queue_dir)
    if not root.is_dir():
        return []
    entries = [
        read_entry(f)
        for f in root.iterdir()
        if f.is_dir() and not f.name.startswith(".") and (f / "state.yaml").is_file()
    ]
    entries = [
        e
        for e in entries
        if (state is None or state in (e.state, e.status)) and (province is None or e.province == province)
    ]
    return sorted(entries, key=lambda e: e.id, reverse=True)


def _write_state(entry: Entry, changes: dict[str, Any]) -> Entry:
    """Merge `changes` into the entry's state file, replaced atomically (a temporary file of its own, renamed)."""
    path = entry.folder / "state.yaml"
    current = yaml.safe_load(path.read_text(encoding="utf-8")) | changes
    handle, name = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=entry.folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(_dump(current))
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return read_entry(entry.folder)


def set_state(entry: Entry, state: str, who: str, note: str | None = None, now: dt.datetime | None = None) -> Entry:
    """Record a curator's decision on the whole draft (the state file replaced atomically)."""
    if state not in STATES:
        raise ValueError(f"trạng thái “{state}” không hợp lệ (cần một trong {', '.join(STATES)})")
    return _write_state(
        entry,
        {
            "state": state,
            "reviewed": f"{who}, {(now or dt.datetime.now()).isoformat(timespec='seconds')}",
            "note": note,
        },
    )


def item_keys(draft: Draft) -> list[str]:
    """Every item's key, in review order: "visits/0", …, "documents/0", …, "observations/0", …"""
    return [f"{part}/{i}" for part in PARTS for i in range(len(getattr(draft, part)))]


def decide(
    entry: Entry,
    decisions: dict[str, str | None],
    edits: dict[str, dict[str, Any]] | None = None,
    registry: Registry | None = None,
) -> Entry:
    """Record decisions ("accepted", "rejected", or None to undo) and field edits of some items, in one atomic
    write. A saved item can be neither changed nor edited; unknown items, decisions and fields are refused. A visit
    whose first day or province is edited (its id not) gets the id they make (`registry` names the province); a
    value whose indicator, period or value is edited, the id those make (the drafted "o-mo-hinh-2024-501" of a
    value of 2009–2024 was saved so)."""
    entry = read_entry(entry.folder)  # what is on disk now, not what the caller read earlier
    draft = entry.draft()
    keys = set(item_keys(draft))
    merged, changed = dict(entry.decisions), {k: dict(v) for k, v in entry.edits.items()}
    for key in [*decisions, *(edits or {})]:
        if key not in keys:
            raise ValueError(f"bản nháp {entry.id} không có mục “{key}”")
        if merged.get(key) == "saved":
            raise ValueError(f"mục “{key}” của bản nháp {entry.id} đã lưu, không đổi được")
    for key, decision in decisions.items():
        if decision is None:
            merged.pop(key, None)
        elif decision in ("accepted", "rejected"):
            merged[key] = decision
        else:
            raise ValueError(f"quyết định “{decision}” không hợp lệ (cần accepted hoặc rejected)")
    for key, fields in (edits or {}).items():
        part = key.split("/")[0]
        bad = [f for f in fields if f not in REVIEW_COLUMNS[part] or f in READ_ONLY]
        if bad:
            raise ValueError(f"mục “{key}”: không sửa được trường {', '.join(bad)}")
        changed[key] = changed.get(key, {}) | fields
        if "id" not in fields and _NAMED_BY.get(part, set()) & set(fields) and (registry or part != "visits"):
            items, index = getattr(draft, part), int(key.split("/")[1])
            row = asdict(items[index]) | changed[key]
            others = [changed.get(f"{part}/{i}", {}).get("id", it.id) for i, it in enumerate(items) if i != index]
            if part == "observations":
                changed[key]["id"] = _value_id(row, others)
            elif row.get("date_start"):
                changed[key]["id"] = _visit_id(row, registry, others)
    return _write_state(entry, {"decisions": merged, "edits": changed})


# The fields an item's id is made of (_visit_id, _value_id): editing one gives the item the id it then makes.
_NAMED_BY = {"visits": {"date_start", "province"}, "observations": {"indicator", "period", "value"}}


def _value_id(row: dict[str, Any], taken: Iterable[str | None]) -> str:
    """The id a value's indicator, period and value make: "o-dvk-models-registered-2009-2024-501"."""
    return numbered(slug(f"o {row['indicator']} {row['period']} {row['value']}"), taken)


def _visit_id(row: dict[str, Any], registry: Registry | None, taken: Iterable[str | None]) -> str:
    """The id a visit's first day and province make, its province named in the scheme of that day."""
    on, province = record_day("visits", row), row.get("province")
    place = registry.name(scheme_on(on), province) if registry and province and on else province
    return visit_id(str(row["date_start"]), place, taken)


# What a curator fills in to add an item the draft missed, besides its passage of the text.
REQUIRED = {
    "visits": ("date_start", "kind", "body", "body_level"),
    "documents": ("code", "level"),
    "observations": ("indicator", "province", "period", "value"),  # a table's row the draft could not place
}


def add_item(
    entry: Entry,
    part: str,
    fields: dict[str, Any],
    who: str,
    registry: Registry | None = None,
    now: dt.datetime | None = None,
    units: dict[str, str] | None = None,
) -> Entry:
    """Add a visit, a document or a value the draft missed, as the curator `who` typed it, accepted: `fields` are the
    item's review fields (REVIEW_COLUMNS), its `quote` a passage of the stored text (compared as the validator
    compares quotes). A visit's id and summary are made from its date, province (its name in the registry, in the
    scheme of that date) and passage when not given; a value's id from its indicator, period and value, its unit
    from `units` (indicator id → unit). ValueError, naming the field, when a required field is empty or the passage
    is not in the text; nothing is written then. One atomic write of the state file."""
    entry = read_entry(entry.folder)  # what is on disk now
    if part not in REQUIRED:
        raise ValueError(f"chỉ thêm được sự kiện, văn bản hoặc số liệu, không thêm được “{part}”")
    unknown = sorted(set(fields) - set(REVIEW_COLUMNS[part]))
    if unknown:
        raise ValueError(f"không có trường {', '.join(unknown)} ở mục loại “{part}”")
    quote = fold_space(str(fields.get("quote") or ""))
    if not quote:
        raise ValueError("Cần chọn câu trích trong văn bản gốc.")
    if quote_key(quote) not in quote_key(entry.text()):
        raise ValueError(
            f"Câu trích “{clipped(quote, 80)}” không có nguyên văn trong văn bản gốc của bản nháp {entry.id}."
        )
    empty = [name for name in REQUIRED[part] if fields.get(name) in (None, "")]
    if empty:
        raise ValueError(f"Cần điền: {', '.join(t(HEADERS[name]) for name in empty)}.")
    when = fmt.date_time((now or dt.datetime.now()).isoformat(timespec="minutes"))
    note = f"Người nhập {who} thêm ngày {when}: bản nháp không có mục này."
    draft = entry.draft()
    if part == "visits":
        day = str(fields["date_start"])
        same = (day, fields["kind"], placed_body(fields))  # "Huyện ủy" of Thường Tín is the Huyện ủy Thường Tín
        for i, row in enumerate(reviewed_rows(entry, draft)["visits"]):  # as the curator sees them, edits and all
            if row["decision"] != "rejected" and (str(row["date_start"]), row["kind"], row["body"]) == same:
                n = item_keys(draft).index(f"visits/{i}") + 1
                kind = t("kind_" + str(fields["kind"])).lower()
                raise ValueError(
                    f"Sự kiện ngày {fmt.partial_date(day)} ({kind}, {same[2]}) đã có trong bản nháp (mục {n}): hãy "
                    "duyệt mục đó."
                )
        defaults: dict[str, Any] = {
            "id": _visit_id(fields, registry, [v.id for v in draft.visits]),
            "date_precision": {4: "year", 7: "month"}.get(len(day), "day"),
            "summary": summary_of(quote),
        }
        item: Item = VisitDraft(
            **{c: None for c in REVIEW_COLUMNS[part]}
            | defaults
            | {k: v for k, v in fields.items() if v not in (None, "")}
            | {"quote": quote, "province_note": None, "documents": [], "confidence": 1.0, "notes": [note]}
        )
    elif part == "observations":
        item = ObservationDraft(
            **{c: None for c in REVIEW_COLUMNS[part]}
            | {k: v for k, v in fields.items() if v not in (None, "")}
            | {"id": _value_id(fields, [o.id for o in draft.observations])}
            | {"quote": quote, "province_note": None, "unit": (units or {}).get(str(fields["indicator"]), "count")}
            | {"subject": None, "status": fields.get("status") or "reported", "confidence": 1.0}
        )
    else:
        code = typed_code(str(fields["code"]))
        if not re.search(DOC_CODE, code):
            raise ValueError(f"Số hiệu “{fields['code']}” chưa chuẩn hóa (dạng 25-NQ/TW, 33/2021/CT-TTg).")
        codes = [d.code for d in draft.documents]
        if code in codes:
            n = item_keys(draft).index(f"documents/{codes.index(code)}") + 1
            raise ValueError(f"Số hiệu {code} đã có trong bản nháp (mục {n}): hãy duyệt mục đó.")
        fields = fields | {"code": code}
        item = DocumentDraft(
            **{c: None for c in REVIEW_COLUMNS[part]}
            | {k: v for k, v in fields.items() if v not in (None, "")}
            | {"quote": quote, "province": None, "confidence": 1.0, "notes": [note]}
        )
    key = f"{part}/{len(getattr(draft, part))}"
    added = entry.added | {part: [*entry.added.get(part, []), asdict(item)]}
    counts = entry.counts | {part: len(getattr(draft, part)) + 1}
    state = "new" if entry.state == "accepted" else entry.state  # an accepted draft has an item to save again
    return _write_state(
        entry, {"added": added, "counts": counts, "decisions": entry.decisions | {key: "accepted"}, "state": state}
    )


def reviewed_rows(entry: Entry, draft: Draft | None = None) -> dict[str, list[dict[str, Any]]]:
    """Each part's rows as the curator reviews them: the drafted fields with the curator's edits, the confidence,
    and the item's decision (None while undecided)."""
    draft = draft or entry.draft()
    out = {}
    for part in PARTS:
        rows = review_rows(getattr(draft, part), REVIEW_COLUMNS[part])
        out[part] = [
            {"decision": entry.decisions.get(f"{part}/{i}")}
            | {k: v for k, v in row.items() if k != "keep"}
            | entry.edits.get(f"{part}/{i}", {})
            for i, row in enumerate(rows)
        ]
    for i, row in enumerate(out["visits"]):  # a body not edited follows an edited place (review_rows placed the rest)
        edit = entry.edits.get(f"visits/{i}", {})
        if edit and "body" not in edit:
            row["body"] = placed_body(row | {"body": draft.visits[i].body})
    return out


def table_columns(rows: dict[str, list[dict[str, Any]]], draft: Draft) -> dict[str, list[str]]:
    """Of a draft's reviewed rows (reviewed_rows: the page has them already), the values read from a table's cells,
    not saved yet, by their column's header ("Mô hình “Dân vận khéo” năm 2023 / Số mô hình đăng ký" →
    ["observations/3", …]): a curator sets one indicator for a whole column. Not a column whose header is a year or
    a place, its rows naming the indicators (“Năm 2023”: tables._indicator_rows)."""
    columns: dict[str, list[str]] = {}
    for i, row in enumerate(rows["observations"]):
        by_column = draft.observations[i].subject == draft.observations[i].cell_header
        if row.get("cell") and row["decision"] != "saved" and by_column:
            columns.setdefault(str(row.get("cell_header") or ""), []).append(f"observations/{i}")
    return columns


def proposed_values(rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Of a draft's reviewed rows, the values not decided yet whose indicator the extractor only proposed ("new:khu
    phố"): counts of a text that are no campaign's indicator, mostly (the thirty-eighth session's curator rejected
    52 of 53, one by one). The page rejects them with one button."""
    return [
        f"observations/{i}"
        for i, row in enumerate(rows["observations"])
        if row["decision"] is None and str(row.get("indicator") or "").startswith(NEW_INDICATOR)
    ]


def repeated(
    entry: Entry, saved: pl.DataFrame, sources: pl.DataFrame | None = None, lang: str = "vi"
) -> dict[str, list[str]]:
    """What a curator would save twice, by item: two values of the draft with the same indicator, place (province,
    district, commune), period and value (a figure written in a sentence and again in a table's cell), and a value
    the data already holds from another source (`saved`: the catalog's observations; `sources` name them by title)
    for the same indicator, place and year. Items already saved from this draft are not compared with themselves."""
    draft = entry.draft()
    rows = reviewed_rows(entry, draft)["observations"]
    order = item_keys(draft)
    same: dict[tuple, list[str]] = {}
    for i, row in enumerate(rows):
        same.setdefault(_value_key(row), []).append(f"observations/{i}")
    notes: dict[str, list[str]] = {}
    for items in same.values():
        for item in items if len(items) > 1 else []:
            others = ", ".join(f"{order.index(k) + 1}/{len(order)}" for k in items if k != item)
            notes.setdefault(item, []).append(t("q_same_value", lang, others=others))
    for item, note in _held(
        {i: row for i, row in enumerate(rows) if row["decision"] != "saved"}, saved, sources, lang
    ).items():
        notes.setdefault(item, []).append(note)
    return dict(sorted(notes.items(), key=lambda kv: order.index(kv[0])))  # in review order


def _value_key(row: dict[str, Any]) -> tuple:
    """What makes two values one: indicator, place (province, district, commune), period and value."""
    return (
        row["indicator"],
        row["province"],
        row["district"] or None,
        row["commune"] or None,
        row["period"],
        row["value"],
    )


def _held(
    rows: dict[int, dict[str, Any]], saved: pl.DataFrame, sources: pl.DataFrame | None, lang: str = "vi"
) -> dict[str, str]:
    """By item, the note on a value of `rows` (by its number among the draft's values) that the data already holds
    (`saved`) for the same indicator, place and year."""
    # one join with the data (the page asks on every rerun), not a scan per item; a district's value is not its
    # province's ("18,5%" of huyện Quảng Hòa is not Cao Bằng's 18,5%)
    wanted = [
        (
            f"observations/{i}",
            row["indicator"],
            row["province"],
            row["district"] or None,
            row["commune"] or None,
            float(row["value"]),
            day.year,
        )
        for i, row in rows.items()
        if (day := record_day("observations", row)) and row["value"] is not None
    ]
    key = {
        "indicator_id": pl.String,
        "province_code": pl.String,
        "district": pl.String,
        "commune": pl.String,
        "value": pl.Float64,
        "year": pl.Int32,
    }
    asked = pl.DataFrame(wanted, schema={"item": pl.String, **key}, orient="row")
    titles = dict(sources.select("source_id", "title").iter_rows()) if sources is not None else {}
    held = (
        saved.select(
            *list(key)[:4], pl.col("value").cast(pl.Float64), pl.col("period_end").dt.year().alias("year"), "source_id"
        )
        .join(asked, on=list(key), nulls_equal=True)
        .group_by("item", "year")
        .agg(pl.col("source_id").unique().sort())
    )
    notes = {}
    for item, year, ids in held.iter_rows():
        named = ", ".join(f"“{titles[i]}” ({i})" if titles.get(i) else i for i in ids)
        notes[item] = t("q_value_held", lang, year=year, sources=named)
    return notes


def _no_indicator(rows: dict[str, list[dict[str, Any]]], chosen: list[str]) -> list[Problem]:
    """Accepted values whose indicator the extractor only proposed ("new:Suất quà hỗ trợ"), by name, with what to
    do: the validator would refuse them by the raw code (a curator's walk-through)."""
    accepted = [rows["observations"][int(key.split("/")[1])] for key in chosen if key.startswith("observations/")]
    return [
        Problem(
            "observations.yaml",
            f"id={row['id']}",
            "indicator",
            f"chỉ tiêu “{row['indicator'].removeprefix(NEW_INDICATOR)}” chưa có trong danh mục: bấm Sửa (S) để chọn "
            "một chỉ tiêu có sẵn, hoặc loại mục này",
        )
        for row in accepted
        if row["indicator"].startswith(NEW_INDICATOR)
    ]


def _saved_twice(
    rows: dict[str, list[dict[str, Any]]],
    chosen: list[str],
    order: list[str],
    held: pl.DataFrame | None,
    sources: pl.DataFrame | None,
) -> list[Problem]:
    """The accepted values a save would write twice: one accepted beside another of the same indicator, place, period
    and value, or one the data already holds (`held`), each as the problem of its item (by its record's id)."""
    values = rows["observations"]
    accepted = [int(key.split("/")[1]) for key in chosen if key.startswith("observations/")]
    problems: list[Problem] = []
    first: dict[tuple, int] = {}
    for i in accepted:
        same = first.setdefault(_value_key(values[i]), i)
        if same != i:
            problems.append(
                Problem(
                    "observations.yaml",
                    f"id={values[i]['id']}",
                    "value",
                    f"cùng chỉ tiêu, nơi, kỳ và giá trị với mục {order.index(f'observations/{same}') + 1}/"
                    f"{len(order)}, cũng đã nhận: chỉ nhận một",
                )
            )
    if held is not None:
        notes = _held({i: values[i] for i in accepted}, held, sources)
        problems += [
            Problem(
                "observations.yaml",
                f"id={values[int(item.split('/')[1])]['id']}",
                "value",
                note.rstrip(".") + ": nếu là cùng một số liệu, hãy bỏ mục này",
            )
            for item, note in notes.items()
        ]
    return problems


def accept(
    entry: Entry,
    source: SourceEntry,
    data: str | Path,
    *,
    author: str,
    note: str,
    known_documents: Iterable[str] = (),
    held: pl.DataFrame | None = None,
    sources: pl.DataFrame | None = None,
    now: dt.datetime | None = None,
) -> store.Saved:
    """Save the items a curator accepted (and not saved yet) through the validate-then-write path (store.save),
    mark them saved, and mark the entry accepted once every item is decided; with undecided items left it stays in
    the queue. A value read from a table needs its original beside the text sources: the file is placed at
    sources/<source id>.<ext> first (and removed again if the save is refused), and its cells point to it. A later
    save under the source id of an earlier one adds items to that source. Raises ValueError when nothing is
    accepted, DataError (nothing written, decisions unchanged) when any item does not check out or would be saved
    twice: beside another accepted value alike, or when the data (`held`: the catalog's observations, `sources`
    naming them) already holds it."""
    entry = read_entry(entry.folder)  # what is on disk now, not what the caller read earlier
    draft = entry.draft()
    rows = reviewed_rows(entry, draft)
    chosen = [f"{part}/{i}" for part in PARTS for i, row in enumerate(rows[part]) if row["decision"] == "accepted"]
    if not chosen:
        raise ValueError(f"bản nháp {entry.id} không có mục nào đã nhận mà chưa lưu")
    refused = _no_indicator(rows, chosen) + _saved_twice(rows, chosen, item_keys(draft), held, sources)
    kept = {part: [row for row in rows[part] if row["decision"] == "accepted"] for part in PARTS}
    records = to_records(draft, source, kept, known_documents)
    again = entry.source_id == source.id  # the source itself was saved with the first items
    if again:
        records["sources"] = []
    text = None if again else entry.text()
    cells = entry.cells_file
    saved = save_with_original(
        data, records, source.id, text, cells.read_bytes(), cells.suffix, author=author, note=note, refused=refused
    )
    decisions = entry.decisions | dict.fromkeys(chosen, "saved")
    changes: dict[str, Any] = {"decisions": decisions, "source_id": source.id}
    if len(decisions) == len(item_keys(draft)):
        changes |= {
            "state": "accepted",
            "reviewed": f"{author}, {(now or dt.datetime.now()).isoformat(timespec='seconds')}",
            "note": note,
        }
    _write_state(entry, changes)
    return saved


def problem_items(entry: Entry, problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """The problems of a refused save, by the item they are about ("observations/3" → [Problem]), in review order,
    found by the record's id (a document's code): a problem of an id two items share goes under both; one naming no
    drafted item (the source, the note) under ""."""
    entry = read_entry(entry.folder)  # what is on disk now
    rows = reviewed_rows(entry)
    ids: dict[str, list[str]] = {}
    for part in PARTS:
        for i, row in enumerate(rows[part]):
            ids.setdefault(str(row.get("id") or row.get("code") or ""), []).append(f"{part}/{i}")
    out: dict[str, list[Problem]] = {}
    for problem in problems:
        for key in ids.get(problem.record.split("=", 1)[-1], [""]):  # "id=v-…"
            if problem not in out.setdefault(key, []):
                out[key].append(problem)
    order = {key: n for n, key in enumerate(item_keys(entry.draft()))}
    return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], -1)))


def saved_twice(observations: list[dict[str, Any]], held: pl.DataFrame, sources: pl.DataFrame) -> list[Problem]:
    """For a report saved at once (Nhập liệu), the kept values a save would write twice: two alike, or one the data
    already holds (as the queue refuses them)."""
    keys = [f"observations/{i}" for i in range(len(observations))]
    return _saved_twice({"observations": observations}, keys, keys, held, sources)


def save_with_original(
    data: str | Path,
    records: dict[str, list[dict[str, Any]]],
    source_id: str,
    text: str | None,
    original: bytes,
    suffix: str,
    *,
    author: str,
    note: str,
    refused: list[Problem] | None = None,
) -> store.Saved:
    """store.save, for records that may hold values read from a table: their original file is placed at
    sources/<source id><suffix> first (removed again if the save is refused) and their cells point to it. `text` is
    the source's text, None when the source is already stored. With problems found before (`refused`: values saved
    twice, proposed indicators), DataError with them and every error the validator would add on the other records
    (store.check), so that one try names every item to change; nothing is written then."""
    texts = {source_id: text} if text is not None else {}
    with _original_placed(Path(data), records, source_id, original, suffix, keep=not refused) as placed:
        if refused:
            said = {(p.file, p.record) for p in refused}  # an item refused already: the validator's words add nothing
            checked = store.check(data, records, texts)
            raise DataError(refused + [p for p in checked if p.severity == "error" and (p.file, p.record) not in said])
        saved = store.save(data, records, texts, author=author, note=note)
    return replace(saved, files=[*saved.files, placed]) if placed else saved


@contextmanager
def _original_placed(
    data: Path, records: dict[str, list[dict[str, Any]]], source_id: str, original: bytes, suffix: str, *, keep: bool
) -> Iterator[str | None]:
    """Points the records' cells to sources/<source id><suffix> and places the original there when it is not yet;
    yields its path in the folder (None when nothing was placed), removed again if the block raises, or when not to
    be kept."""
    stored = f"{source_id}{suffix}"
    celled = [row for row in records.get("observations", []) if row.get("cell")]
    for row in celled:
        row["cell"] = f"{stored}#{row['cell'].split('#', 1)[1]}"
    target = data / "sources" / stored
    placed = bool(celled) and not target.exists()
    if placed:
        tmp = target.with_name(f".{stored}.tmp")
        tmp.write_bytes(original)
        os.replace(tmp, target)
    try:
        yield f"sources/{stored}" if placed else None
    except BaseException:
        if placed:
            target.unlink(missing_ok=True)
        raise
    if placed and not keep:
        target.unlink(missing_ok=True)


def draft_from_dict(data: dict[str, Any]) -> Draft:
    """The Draft a draft.yaml holds (Draft.to_yaml's inverse)."""
    return Draft(
        SourceDraft(**data["source"]),
        [VisitDraft(**v) for v in data.get("visits") or []],
        [DocumentDraft(**d) for d in data.get("documents") or []],
        [ObservationDraft(**o) for o in data.get("observations") or []],
    )


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
