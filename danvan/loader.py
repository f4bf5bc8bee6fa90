"""Load every curated file in a data folder, validate all of it together, and return a Catalog or raise DataError.

Records are first read as text columns (from YAML or CSV alike), then typed and checked with Polars expressions, so
the same checks serve ten hand-written records and a million generated ones. Every problem is collected; nothing is
returned unless the whole folder is valid."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

import polars as pl
import yaml

from . import journal
from .fmt import number as number_text
from .fmt import number_expr
from .gazetteer import check_places
from .gazetteer import load as load_gazetteer
from .model import (
    DATASET_SPEC,
    DOCUMENT_SPEC,
    ENUMS,
    FINDING_SPEC,
    FOLLOWUP_SCHEMA,
    FOLLOWUP_SPEC,
    INDICATOR_SPEC,
    OBSERVATION_SPEC,
    OLD_SCHEME,
    PLACE_LEVELS,
    QUALIFIERS,
    SCHEMES,
    SOURCE_SPEC,
    VISIT_SPEC,
    Catalog,
    DataError,
    Problem,
    Spec,
    scheme_on_expr,
    source_id_problem,
    valid_source_id,
)
from .queries import ratio_mismatch_expr
from .registry import OLD_DAY, place_of
from .text import DecodeError, decode, fold_space, is_nfc, nfc, quote_key, web_link

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: the same rules, ~10× faster
RECORD = "_record"  # the column naming each record for problem reports: "id=…" or "bản ghi số N"
DOC_CODE = r"^\d+(/\d{4})?[-/][A-ZĐ]+[-/][A-Za-zĐ]+$"  # 25-NQ/TW, 33/2021/CT-TTg, 605-QĐ/HU, 76/NQ-CP
UNIT_COLUMNS = [
    "scheme",
    "code",
    "name_vi",
    "name_en",
    "region",
    "new_code",
    "valid_from",
    "valid_to",
    "capital_lon",
    "capital_lat",
    "aliases",
]
PLACE_COLUMNS = ["name", "level", "province_code", "aliases"]
GEO_FILES = ("provinces_63.geojson", "provinces_34.geojson", "hoangsa_truongsa.geojson")
# Limits checked before a file is parsed: a hostile or broken file is refused, never allowed to exhaust the machine.
MAX_YAML_BYTES = 64 << 20
MAX_CSV_BYTES = 4 << 30  # generated national-scale data is a few hundred MB of CSV
MAX_TEXT_BYTES = 16 << 20
MAX_GEO_BYTES = 64 << 20
MAX_DEPTH = 32  # nesting levels in a YAML file (a record is at level 2, a finding's field at level 4)
ALIAS_GROWTH = 10  # aliases may expand a YAML file to at most this many times its own nodes (+ ALIAS_SLACK)
ALIAS_SLACK = 10_000
FIRST_YEAR = 1945  # no record of this work predates the Democratic Republic; a date before is a typing error
WRONG_TYPE = "\x00"  # prefix marking a list or mapping where one value belongs (a decoded text never has NUL)
RECORD_FILES = {
    "sources": SOURCE_SPEC,
    "documents": DOCUMENT_SPEC,
    "indicators": INDICATOR_SPEC,
    "visits": VISIT_SPEC,
    "observations": OBSERVATION_SPEC,
    "followups": FOLLOWUP_SPEC,
}
OPTIONAL_FILES = ("followups",)  # may be absent: no recommendation has been followed up yet


class _Problems(list):
    """A list of Problem with helpers that turn failing rows of a frame into problems."""

    def add(self, file: str, record: str, field: str, message: str, severity: str = "error") -> None:
        self.append(Problem(file, record, field, message, severity))

    def rows(
        self, frame: pl.DataFrame, bad: pl.Expr, file: str, field: str, message: pl.Expr | str, severity: str = "error"
    ) -> None:
        """One problem per row of `frame` where `bad` holds; `message` may be an expression over that row."""
        msg = message if isinstance(message, pl.Expr) else pl.lit(message)
        failing = frame.filter(bad.fill_null(False)).select(pl.col(RECORD), msg.alias("_msg"))
        for record, text in failing.iter_rows():
            self.add(file, record, field, text, severity)

    def many(self, frame: pl.DataFrame, file: str, checks: list[tuple[str, pl.Expr, pl.Expr | str]]) -> None:
        """rows() for many (field, bad, message) checks: all masks are evaluated in one parallel pass, and only the
        checks that fail anywhere are looked at row by row."""
        if not checks:
            return
        failed = frame.select([bad.fill_null(False).any().alias(str(i)) for i, (_, bad, _) in enumerate(checks)])
        for i, (field, bad, message) in enumerate(checks):
            if failed[str(i)][0]:
                self.rows(frame, bad, file, field, message)


def load(path: str | Path = "data", *, verify_quotes: bool = True, snapshot: bool | None = None) -> Catalog:
    """Load and validate the data folder. Raises DataError listing every problem when any is an error.

    `verify_quotes=False` skips the check that quotes occur in the stored source texts; it is meant only for
    generated benchmark data, whose dataset.yaml says `generated: true`. `snapshot=True` (or, when None, the
    environment variable DANVAN_SNAPSHOT=1) reads the columnar snapshot of the validated files when it matches them
    and writes it when it does not (danvan/snapshot.py).

    A save that a kill interrupted is finished (or discarded) first, and no save commits while the files are read:
    what is loaded is always one whole version of the folder."""
    root = Path(path)
    if not root.is_dir():
        raise DataError([Problem(str(root), "", "", "không tìm thấy thư mục dữ liệu")])
    # A read-only folder, or a save committing right now (reading() below waits for it), is read as it is.
    with contextlib.suppress(OSError, DataError):
        journal.recover(root, timeout=journal.READ_TIMEOUT)
    if snapshot or (snapshot is None and os.environ.get("DANVAN_SNAPSHOT", "0") not in ("", "0")):
        from .snapshot import cached_load

        return cached_load(
            root, verify_quotes=verify_quotes, load=lambda: load(root, verify_quotes=verify_quotes, snapshot=False)
        )
    with journal.reading(root):
        return _load(root, verify_quotes)


def _load(root: Path, verify_quotes: bool) -> Catalog:
    problems = _Problems()
    _check_links(root, problems)
    if problems:
        raise DataError(problems)  # nothing is read through a link that leads out of the folder

    dataset = _read_dataset(root, problems)
    if not verify_quotes and not dataset.get("generated"):
        problems.add(
            "dataset.yaml", "", "generated", "chỉ dữ liệu sinh tự động (generated: true) mới được bỏ kiểm tra trích dẫn"
        )
    units = _read_csv(root, "units.csv", UNIT_COLUMNS, problems)
    places = _read_csv(root, "places.csv", PLACE_COLUMNS, problems)
    raw = {
        name: _read_records(root, name, spec, problems)
        if name not in OPTIONAL_FILES or (root / f"{name}.yaml").is_file()
        else _no_records(spec)
        for name, spec in RECORD_FILES.items()
    }
    findings_raw = _findings_frame(raw["visits"], problems)
    read = {name: frame for name, frame in raw.items() if frame is not None}
    if units is None or places is None or len(read) < len(raw):
        raise DataError(problems)  # a missing or unreadable file: nothing further can be checked meaningfully

    units = _typed_units(units, problems)
    places = places.with_columns(pl.col("aliases").fill_null(""))
    problems.rows(
        places,
        ~pl.col("level").is_in(PLACE_LEVELS),
        "places.csv",
        "level",
        pl.format("cấp '{}' không hợp lệ", pl.col("level")),
    )
    typed = {name: _typed(read[name], spec, f"{name}.yaml", problems) for name, spec in RECORD_FILES.items()}
    findings = _typed(findings_raw, FINDING_SPEC, "visits.yaml", problems)

    _check_geo(root, units, problems)
    texts = _read_texts(root, typed["sources"], problems)
    sources = _check_sources(typed["sources"], units, problems)
    documents = _check_documents(typed["documents"], typed["sources"], units, problems)
    indicators = typed["indicators"]
    _check_unique(indicators, "id", "indicators.yaml", problems)
    visits = _check_visits(typed["visits"], typed["sources"], documents, units, places, problems)
    observations = _check_observations(typed["observations"], indicators, typed["sources"], units, places, problems)
    followups = _check_followups(typed["followups"], visits, findings, typed["sources"], problems)
    _check_finding_numbers(findings, problems)
    if verify_quotes:
        for frame, file in (
            (documents, "documents.yaml"),
            (visits, "visits.yaml"),
            (findings, "visits.yaml"),
            (observations, "observations.yaml"),
            (followups, "followups.yaml"),
        ):
            _check_quotes(frame, texts, file, problems)
        _check_cells(root, observations, problems)
    _check_weekdays(texts, problems)

    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    public_visits, public_observations = _public_visits(visits), _public_observations(observations)
    return Catalog(
        units=_unit_kinds(units.drop(RECORD)),
        places=_named_places(places.drop(RECORD), public_visits, public_observations),
        sources=sources,
        documents=documents.drop(RECORD),
        indicators=indicators.drop(RECORD),
        visits=public_visits,
        findings=findings.drop(RECORD).rename({"source": "source_id"}),
        observations=public_observations,
        texts=texts,
        dataset=dataset,
        version=_version(root),
        warnings=sorted(p for p in problems if p.severity == "warning"),
        followups=followups.select(
            pl.col("id").alias("followup_id"),
            pl.col("visit").alias("visit_id"),
            pl.col("finding").cast(pl.Int32),
            "state",
            "date",
            pl.col("source").alias("source_id"),
            "quote",
            "note",
        ).cast(FOLLOWUP_SCHEMA),
    )


def _unit_kinds(units: pl.DataFrame) -> pl.DataFrame:
    """Each unit's kind from the gazetteer ("tỉnh", "thành phố"), for titles that name it as people do: "Hồ sơ thành
    phố Hồ Chí Minh". A unit the gazetteer holds under another name (Thừa Thiên Huế, "thành phố Huế" there since
    1/1/2025) or not at all (a test's own) is a province."""
    gaz = load_gazetteer()
    kinds = [
        place.type if (place := gaz.place(scheme, "province", code)) and place.name == name else "tỉnh"
        for scheme, code, name in units.select("scheme", "code", "name_vi").iter_rows()
    ]
    return units.with_columns(pl.Series("kind", kinds, pl.String))


def _named_places(places: pl.DataFrame, *records: pl.DataFrame) -> pl.DataFrame:
    """places.csv, then each district and commune the records name (as they spell it, in the 63-province scheme)
    with its kind from the gazetteer: what pages and files label a place by ("thành phố Bắc Kạn", "huyện Ba Bể")."""
    gaz = load_gazetteer()
    named = (
        pl.concat(
            [
                frame.filter(pl.col("scheme") == OLD_SCHEME).select(
                    "province_code", pl.col(level).alias("name"), pl.lit(level).alias("level")
                )
                for frame in records
                for level in ("district", "commune")
            ]
        )
        .drop_nulls()
        .unique(maintain_order=True)
    )
    listed = set(places.select("name", "province_code").iter_rows())
    found = []
    for province, name, level in named.iter_rows():
        res = gaz.resolve(name, on=OLD_DAY, level=level, within=province)
        if (name, province) not in listed and res.status == "found" and res.match is not None:
            found.append((name, place_of(res.match.place).level, province, ""))
            listed.add((name, province))
    return pl.concat([places, pl.DataFrame(found, schema=places.schema, orient="row")])


# ---------------------------------------------------------------- reading


def _check_links(root: Path, problems: _Problems) -> None:
    """A symbolic link in the folder may lead elsewhere inside it, never out of it (to /etc/passwd, another
    project's files): whatever it points at would be read, served and exported as curated data."""
    inside = root.resolve()
    for folder, dirs, files in os.walk(root):
        if Path(folder) == root and "history" in dirs:
            dirs.remove("history")
        for name in (*dirs, *files):
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                problems.add(
                    path.relative_to(root).as_posix(),
                    "",
                    "",
                    "là liên kết tượng trưng dẫn ra ngoài thư mục dữ liệu; hãy chép tệp thật vào đây",
                )


def _too_large(path: Path, limit: int, problems: _Problems, file: str) -> bool:
    size = path.stat().st_size
    if size > limit:
        problems.add(file, "", "", f"tệp quá lớn ({size:,} byte, tối đa {limit:,})".replace(",", "."))
        return True
    return False


def _read_bytes(path: Path, problems: _Problems, limit: int | None = None, file: str | None = None) -> str | None:
    file = file or path.name
    limit = limit or MAX_YAML_BYTES
    if not path.is_file():
        problems.add(file, "", "", "thiếu tệp")
        return None
    if _too_large(path, limit, problems, file):
        return None
    try:
        return decode(path.read_bytes(), file)
    except DecodeError as err:
        problems.add(file, "", "", str(err).removeprefix(f"{file}: "))
        return None


class _Loader(YAML_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, except that an impossible unquoted date (2024-02-30) stays text for the date check to
    report, instead of a ValueError out of the parser."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _parse_yaml(text: str, file: str, key: str | None, problems: _Problems) -> object:
    """Parse YAML within the limits, or add a problem (naming the record and field where it can) and return None.

    The event stream is walked first, without building anything: nesting deeper than MAX_DEPTH, or aliases that
    would expand the document far beyond its size (a "billion laughs"), are refused before any object exists."""
    problems_before = len(problems)
    _guard_yaml(text, file, key, problems)
    if len(problems) > problems_before:
        return None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        problems.add(file, "", "", f"YAML sai cú pháp: {_yaml_where(err)}")
    except (ValueError, TypeError, RecursionError) as err:  # a constructor that still refuses a scalar
        problems.add(file, "", "", f"YAML không đọc được: {err}")
    return None


def _guard_yaml(text: str, file: str, key: str | None, problems: _Problems) -> None:
    record_depth = 2 if key else 1  # records are mappings in a list; dataset.yaml is one mapping
    stack: list[list] = []  # per open collection: [anchor, expanded size]
    sizes: dict[str, int] = {}
    events = expanded = index = 0
    field = record_id = ""
    is_key = True  # whether the next complete node at record depth is a key

    def where() -> tuple[str, str]:
        if key is None:
            return "", field
        if not index:
            return "", ""
        return (f"{key}={record_id}" if record_id else f"bản ghi số {index}"), field

    def closed(size: int, scalar: str | None) -> None:
        nonlocal is_key, field, record_id
        if stack:
            stack[-1][1] += size
        if len(stack) == record_depth:
            if is_key:
                field = scalar if scalar is not None else ""
            elif field == key and scalar is not None:
                record_id = scalar
            is_key = not is_key

    try:
        for event in yaml.parse(text, Loader=YAML_LOADER):
            events += 1
            if isinstance(event, yaml.CollectionStartEvent):
                if len(stack) == record_depth - 1:
                    index, field, record_id, is_key = index + 1, "", "", True
                stack.append([event.anchor, 1])
                expanded += 1
                if len(stack) > MAX_DEPTH:
                    problems.add(
                        file, *where(), f"lồng quá sâu (quá {MAX_DEPTH} cấp) ở dòng {event.start_mark.line + 1}"
                    )
                    return
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, size = stack.pop()
                if anchor:
                    sizes[anchor] = size
                closed(size, None)
            elif isinstance(event, yaml.ScalarEvent):
                expanded += 1
                if event.anchor:
                    sizes[event.anchor] = 1
                closed(1, event.value)
            elif isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor or "", 1)
                expanded += size
                closed(size, None)
            if expanded > ALIAS_GROWTH * events + ALIAS_SLACK:
                problems.add(
                    file,
                    *where(),
                    "bí danh YAML (*alias) nở ra quá lớn (có thể là tệp độc hại); hãy viết giá trị ra thay cho bí danh",
                )
                return
    except yaml.YAMLError as err:
        problems.add(file, "", "", f"YAML sai cú pháp: {_yaml_where(err)}")


def _read_dataset(root: Path, problems: _Problems) -> dict:
    text = _read_bytes(root / "dataset.yaml", problems)
    if text is None:
        return {}
    if not text.strip():
        problems.add("dataset.yaml", "", "", "tệp trống: cần ít nhất title và generated")
        return {}
    before = len(problems)
    meta = _parse_yaml(text, "dataset.yaml", None, problems)
    if len(problems) > before:
        return {}
    if not isinstance(meta, dict):
        problems.add("dataset.yaml", "", "", "phải là một bảng khóa: giá trị")
        return {}
    _check_keys(meta, DATASET_SPEC, "dataset.yaml", "", problems)
    for name, (kind, required) in DATASET_SPEC.items():
        value = meta.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                problems.add("dataset.yaml", "", name, "thiếu trường bắt buộc")
        elif kind == "bool" and not isinstance(value, bool):
            problems.add("dataset.yaml", "", name, f"'{value}' phải là true hoặc false")
        elif kind == "str" and not isinstance(value, str):
            problems.add("dataset.yaml", "", name, "phải là một đoạn văn bản")
    return meta


def _csv_bytes(path: Path, problems: _Problems) -> bytes | None:
    """The file as the UTF-8 NFC bytes decode() would give. A file that already is (every generated file, most
    curated ones) is passed on as read: no normalised copy of a 200 MB text and no encoding it back."""
    if path.is_file():
        if _too_large(path, MAX_CSV_BYTES, problems, path.name):
            return None
        raw = path.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf") and b"\x00" not in raw and _is_nfc_utf8(raw):
            return raw
        del raw
    text = _read_bytes(path, problems, MAX_CSV_BYTES)  # the general path, which also names what is wrong with the file
    return None if text is None else text.encode()


def _is_nfc_utf8(raw: bytes, block: int = 1 << 24) -> bool:
    """Whether `raw` is UTF-8 that nfc() leaves unchanged, checked a block of whole lines at a time — a line break
    never composes with its neighbours — so that a 200 MB file is never held as one 400 MB string."""
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", min(start + block, len(raw)))
        end = len(raw) if end < 0 else end + 1
        try:
            piece = raw[start:end].decode("utf-8")
        except UnicodeDecodeError:
            return False
        if not is_nfc(piece):
            return False
        start = end
    return True


def _read_csv(
    root: Path, name: str, columns: list[str], problems: _Problems, optional: tuple[str, ...] = ()
) -> pl.DataFrame | None:
    data = _csv_bytes(root / name, problems)
    if data is None:
        return None
    try:
        frame = pl.read_csv(data, infer_schema=False)
    except pl.exceptions.PolarsError as err:
        problems.add(name, "", "", f"CSV sai định dạng: {err}".splitlines()[0])
        return None
    del data  # the file's bytes are not needed beside the frame
    missing = [c for c in columns if c not in frame.columns and c not in optional]
    extra = [c for c in frame.columns if c not in columns]
    if missing or extra:
        problems.add(name, "dòng tiêu đề", "", f"thiếu cột {missing}, cột lạ {extra}")
        return None
    # Columns added to the contract later (a table cell's provenance) may be absent from older bulk files.
    frame = frame.with_columns(pl.lit(None, pl.String).alias(c) for c in optional if c not in frame.columns)
    # No per-value NFC here: the whole file is already NFC (_csv_bytes), which is the same text and ~50× cheaper to
    # check than normalising a million values one by one.
    return frame.select(columns).with_columns(
        pl.format("dòng {}", pl.int_range(2, pl.len() + 2)).alias(RECORD),
        pl.col(pl.String).str.strip_chars(),
    )


def _read_records(root: Path, name: str, spec: Spec, problems: _Problems) -> pl.DataFrame | None:
    """Read `name`.yaml (or `name`.csv for bulk data) into a frame of text columns plus RECORD."""
    if (root / f"{name}.csv").is_file() and not (root / f"{name}.yaml").is_file():
        frame = _read_csv(
            root,
            f"{name}.csv",
            [f for f, (k, _) in spec.items() if k != "findings"],
            problems,
            optional=("qualifier", "cell", "cell_header"),  # fields added to the contract later
        )
        if frame is None:
            return None
        lists = [f for f, (kind, _) in spec.items() if kind == "list"]
        return (
            frame.with_columns([pl.col(c).str.split("|") for c in lists] + [pl.lit(None).alias("findings")])
            if "findings" in spec
            else frame.with_columns([pl.col(c).str.split("|") for c in lists])
        )
    file = f"{name}.yaml"
    text = _read_bytes(root / file, problems)
    if text is None:
        return None
    key = next(iter(spec))
    before = len(problems)
    records = _parse_yaml(text, file, key, problems)
    if len(problems) > before:
        return None
    if records is None and name in OPTIONAL_FILES:
        records = []  # only comments: no marks yet, and the store can append the first ones below them
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        problems.add(file, "", "", "phải là một danh sách các bản ghi (mỗi bản ghi là một bảng khóa: giá trị)")
        return None
    rows = []
    for index, record in enumerate(records, start=1):
        label = f"{key}={record[key]}" if record.get(key) is not None else f"bản ghi số {index}"
        _check_keys(record, spec, file, label, problems)
        rows.append({RECORD: label} | {f: _as_text(record.get(f), kind) for f, (kind, _) in spec.items()})
    schema = {RECORD: pl.String} | {
        f: pl.List(pl.String) if kind == "list" else pl.Object if kind == "findings" else pl.String
        for f, (kind, _) in spec.items()
    }
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def _as_text(value: object, kind: str) -> object:
    """A YAML scalar as the text a curator meant: dates as ISO, codes zero-padded, lists of texts."""
    if value is None:
        return None
    if kind == "findings":
        return value
    if kind == "list":
        return [nfc(str(v)) for v in value] if isinstance(value, list) else [nfc(str(value))]
    if kind == "code" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:02d}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, dict, set)):
        return WRONG_TYPE + type(value).__name__  # reported as a wrong type by _typed
    return nfc(str(value)).strip()


def _check_keys(record: dict, spec: Spec, file: str, label: str, problems: _Problems) -> None:
    for key in record:
        if key not in spec:
            problems.add(file, label, str(key), "khóa không có trong quy ước dữ liệu (docs/data-contract.md)")


def _yaml_where(err: yaml.YAMLError) -> str:
    mark = getattr(err, "problem_mark", None)
    where = f"dòng {mark.line + 1}, cột {mark.column + 1}: " if mark else ""
    return where + str(getattr(err, "problem", None) or err)


def _findings_frame(visits: pl.DataFrame | None, problems: _Problems) -> pl.DataFrame:
    """Flatten each visit's findings into rows of their own, labelled by visit and position."""
    rows = []
    if visits is not None:
        for label, visit_id, source, items in visits.select(RECORD, "id", "source", "findings").iter_rows():
            if items is None:
                continue
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                problems.add("visits.yaml", label, "findings", "phải là danh sách các mục {kind, text, quote}")
                continue
            for n, item in enumerate(items, start=1):
                where = f"{label} › findings[{n}]"
                _check_keys(item, FINDING_SPEC, "visits.yaml", where, problems)
                rows.append(
                    {RECORD: where, "visit_id": visit_id, "source": source}
                    | {f: _as_text(item.get(f), kind) for f, (kind, _) in FINDING_SPEC.items()}
                )
    schema = {RECORD: pl.String, "visit_id": pl.String, "source": pl.String} | {f: pl.String for f in FINDING_SPEC}
    return pl.DataFrame(rows, schema=schema, orient="row")


# a figure: not a code's number ("25-NQ/TW") nor a year ("giai đoạn 2021–2023", the period's, said elsewhere)
_NUMBER = re.compile(r"(?<![\d.,/])(?!(?:19|20)\d\d(?![\d.,/]\d))\d+(?:[.,/]\d+)*(?![\d]|\s*[-/]\s*[A-ZĐ])")


# a document's code as a finding writes it: "25-NQ/TW", "10-NQ/TU", "33/2021/CT-TTg", "76/NQ-CP"
_CODE = re.compile(r"(?<![\w/.-])\d+(?:/\d{4})?(?:-[A-ZĐ]\w*/|/[A-ZĐ]\w*-)[A-ZĐ][\w-]*")


def _lead(code: str) -> str:
    """A code's number: "23" of 23-QĐ/TW."""
    return re.split(r"\D", code, maxsplit=1)[0]


def _check_finding_numbers(findings: pl.DataFrame, problems: _Problems) -> None:
    """Every number and document code a finding's text states is in its quote: a leader reads the text, and checks
    it against the quote shown under it ("129 chương trình hành động, 527 kế hoạch" once stood in a text whose quote
    stopped before them; five codes in one whose quote stopped at "các chủ trương về công tác dân vận")."""
    for label, text, quote in findings.select(RECORD, "text", "quote").iter_rows():
        if text and quote:
            said = set(_NUMBER.findall(quote))
            if missing := [n for n in dict.fromkeys(_NUMBER.findall(text)) if n not in said]:
                problems.add("visits.yaml", label, "text", f"số {', '.join(missing)} không có trong trích dẫn của mục")
            # a code the quote writes by its number alone ("Quyết định số 23 … của Bộ Chính trị" for 23-QĐ/TW) is in it
            if missing := [c for c in dict.fromkeys(_CODE.findall(text)) if c not in quote and _lead(c) not in said]:
                problems.add(
                    "visits.yaml", label, "text", f"văn bản {', '.join(missing)} không có trong trích dẫn của mục"
                )


def _read_texts(root: Path, sources: pl.DataFrame, problems: _Problems) -> dict[str, str]:
    texts = {}
    for label, source_id in sources.select(RECORD, "id").iter_rows():
        if source_id is None:
            continue
        if not valid_source_id(source_id):  # before any path is built from it
            problems.add("sources.yaml", label, "id", source_id_problem(source_id))
            continue
        path = root / "sources" / f"{source_id}.txt"
        if not path.is_file():
            problems.add("sources.yaml", label, "id", f"thiếu văn bản lưu trữ sources/{source_id}.txt")
            continue
        if path.stat().st_size > MAX_TEXT_BYTES:
            problems.add(
                "sources.yaml",
                label,
                "id",
                f"sources/{source_id}.txt quá lớn (tối đa {MAX_TEXT_BYTES:,} byte)".replace(",", "."),
            )
            continue
        try:
            texts[source_id] = decode(path.read_bytes(), f"sources/{source_id}.txt")
        except DecodeError as err:
            problems.add("sources.yaml", label, "id", str(err))
    return texts


def _version(root: Path) -> str:
    """A short fingerprint of every file in the folder: shown on exports and used to notice changes."""
    digest = hashlib.sha256()
    for path in journal.data_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# ---------------------------------------------------------------- typing


def _typed(frame: pl.DataFrame, spec: Spec, file: str, problems: _Problems) -> pl.DataFrame:
    """Cast text columns to their types; every value that does not fit becomes a problem, and is null in the result
    (so no NaN, infinity or impossible date ever reaches a page)."""
    checks: list[tuple[str, pl.Expr, pl.Expr | str]] = []  # evaluated together, in one parallel pass
    first, last = dt.date(FIRST_YEAR, 1, 1), dt.date(dt.date.today().year + 1, 12, 31)
    span = f"{FIRST_YEAR}–{last.year}"

    def check(bad: pl.Expr, field: str, message: pl.Expr | str) -> None:
        checks.append((field, bad, message))

    casts = []
    for field, (kind, required) in spec.items():
        col = pl.col(field)
        if required:
            check(col.is_null(), field, "thiếu trường bắt buộc")
        if kind in ("findings", "list"):
            continue
        wrong_type = col.str.starts_with(WRONG_TYPE)
        check(wrong_type, field, "phải là một giá trị đơn, không phải danh sách hay bảng")
        present = col.is_not_null() & ~wrong_type
        if kind == "str" and (required or field == "quote"):
            check(present & (col.str.strip_chars() == ""), field, "trống (chỉ có khoảng trắng)")
        if kind in ("date", "partial_date"):
            full = (
                col
                if kind == "date"
                else pl.when(col.str.len_chars() == 4)
                .then(col + "-01-01")
                .when(col.str.len_chars() == 7)
                .then(col + "-01")
                .otherwise(col)
            )
            day = full.str.to_date("%Y-%m-%d", strict=False)
            shapes = "YYYY-MM-DD" if kind == "date" else "YYYY-MM-DD, YYYY-MM hoặc YYYY"
            check(
                present & day.is_null(), field, pl.format(f"ngày không hợp lệ '{{}}' (cần {shapes}, ngày có thật)", col)
            )
            out_of_range = (day < pl.lit(first)) | (day > pl.lit(last))
            check(present & out_of_range, field, pl.format(f"ngày '{{}}' nằm ngoài khoảng {span}", col))
            if kind == "date":
                casts.append(pl.when(out_of_range).then(None).otherwise(day).alias(field))
        elif kind == "number":
            number = col.cast(pl.Float64, strict=False)
            check(
                present & number.is_null(),
                field,
                pl.format(
                    "'{}' không phải là số: giá trị phải là một số viết thuần (1973, 81.77); ngưỡng hay "
                    "khoảng như “dưới 5” ghi ở breakdown hoặc period_note",
                    col,
                ),
            )
            check(
                present & number.is_not_null() & ~number.is_finite(),
                field,
                pl.format("'{}' không phải là số hữu hạn (NaN, vô cực hoặc quá lớn)", col),
            )
            casts.append(pl.when(number.is_finite()).then(number).otherwise(None).alias(field))
        elif kind == "bool":
            check(present & ~col.is_in(["true", "false"]), field, pl.format("'{}' phải là true hoặc false", col))
            casts.append(col.replace_strict({"true": True, "false": False}, default=None, return_dtype=pl.Boolean))
        elif kind == "code":
            check(
                present & ~col.str.contains(r"^\d{2}$"),
                field,
                pl.format("mã tỉnh '{}' phải gồm 2 chữ số (mã GSO, ví dụ \"01\")", col),
            )
        elif kind.startswith("enum:"):
            allowed = ENUMS[kind.removeprefix("enum:")]
            check(
                present & ~col.is_in(allowed),
                field,
                pl.format("giá trị '{}' không hợp lệ; cho phép: " + ", ".join(allowed), col),
            )
    problems.many(frame, file, checks)
    return frame.with_columns(casts)


def _typed_units(units: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    units = units.with_columns(
        pl.col("valid_from", "valid_to").str.to_date("%Y-%m-%d", strict=False),
        pl.col("capital_lon", "capital_lat").cast(pl.Float64, strict=False),
        pl.col("aliases").fill_null(""),
    )
    _check_unique(units, ["scheme", "code"], "units.csv", problems)
    problems.rows(
        units,
        ~pl.col("scheme").is_in(SCHEMES),
        "units.csv",
        "scheme",
        pl.format(f"ranh giới '{{}}' không hợp lệ (cần {' hoặc '.join(SCHEMES)})", pl.col("scheme")),
    )
    return units


# ---------------------------------------------------------------- checks


def _check_geo(root: Path, units: pl.DataFrame, problems: _Problems) -> None:
    """The boundary files, when the folder has a geo/ folder: each present, UTF-8, a GeoJSON FeatureCollection
    whose provinces carry codes of the units of their scheme (the map joins values to shapes by these codes)."""
    if not (root / "geo").is_dir():
        return  # a dataset without its own boundaries: the app draws the product's data/geo/
    for name in GEO_FILES:
        file = f"geo/{name}"
        text = _read_bytes(root / "geo" / name, problems, MAX_GEO_BYTES, file)
        if text is None:
            continue
        try:
            shapes = json.loads(text)
        except (ValueError, RecursionError) as err:
            problems.add(file, "", "", f"JSON sai cú pháp: {str(err)[:120]}")
            continue
        features = shapes.get("features") if isinstance(shapes, dict) else None
        if not isinstance(shapes, dict) or shapes.get("type") != "FeatureCollection" or not isinstance(features, list):
            problems.add(file, "", "", "phải là một GeoJSON FeatureCollection có danh sách features")
            continue
        scheme = name.removeprefix("provinces_").removesuffix(".geojson") if name.startswith("provinces_") else None
        known = set(units.filter(pl.col("scheme") == scheme)["code"].to_list()) if scheme else set()
        seen = set()
        for n, feature in enumerate(features, start=1):
            where = f"features[{n}]"
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            props = feature.get("properties") if isinstance(feature, dict) else None
            if (
                not isinstance(geometry, dict)
                or not isinstance(geometry.get("coordinates"), list)
                or not isinstance(props, dict)
            ):
                problems.add(file, where, "", "phải là một Feature có geometry (coordinates) và properties")
                continue
            if scheme is None:
                continue
            code = props.get("code")
            if code not in known:
                problems.add(
                    file,
                    where,
                    "properties.code",
                    f"không có tỉnh mã '{code}' trong danh mục {scheme} tỉnh (units.csv)",
                )
            elif code in seen:
                problems.add(file, where, "properties.code", f"mã tỉnh '{code}' có hai ranh giới")
            elif not isinstance(props.get("name_vi"), str):
                problems.add(file, where, "properties.name_vi", "thiếu tên tỉnh")
            seen.add(code)
        for code in sorted(known - seen):
            problems.add(file, "", "properties.code", f"tỉnh mã '{code}' không có ranh giới", severity="warning")


def _no_records(spec: Spec) -> pl.DataFrame:
    """An optional record file that is absent: no records, with the columns _read_records gives."""
    return pl.DataFrame(
        schema={RECORD: pl.String}
        | {f: pl.List(pl.String) if kind == "list" else pl.String for f, (kind, _) in spec.items()}
    )


def _check_followups(
    followups: pl.DataFrame, visits: pl.DataFrame, findings: pl.DataFrame, sources: pl.DataFrame, problems: _Problems
) -> pl.DataFrame:
    """A follow-up names a visit, one of its findings that is a direction or recommendation, and — unless the state
    is still open — the later source that shows the state, quoted; it cannot predate the visit."""
    file = "followups.yaml"
    _check_unique(followups, "id", file, problems)
    _check_reference(followups, "visit", visits["id"], file, "sự kiện", problems)
    _check_reference(followups, "source", sources["id"], file, "nguồn", problems)
    numbered = findings.select("visit_id", "kind", pl.int_range(1, pl.len() + 1).over("visit_id").alias("finding"))
    marked = (
        followups.with_columns(pl.col("finding").cast(pl.Int64, strict=False).alias("_n"))
        .join(
            numbered.rename({"visit_id": "visit", "finding": "_n"}),
            on=["visit", "_n"],
            how="left",
            maintain_order="left",
        )
        .join(
            visits.select(pl.col("id").alias("visit"), pl.col("date_start").alias("_visit_day")),
            on="visit",
            how="left",
            maintain_order="left",
        )
    )
    known = pl.col("_visit_day").is_not_null()
    problems.rows(
        marked,
        pl.col("finding").is_not_null() & ((pl.col("finding") != pl.col("_n")) | (pl.col("_n") < 1)),
        file,
        "finding",
        "phải là số thứ tự (1, 2, …) của một mục trong findings của sự kiện",
    )
    problems.rows(
        marked,
        known & pl.col("_n").is_not_null() & pl.col("kind").is_null(),
        file,
        "finding",
        pl.format("sự kiện '{}' không có mục findings thứ {}", pl.col("visit"), pl.col("_n")),
    )
    problems.rows(
        marked,
        pl.col("kind").is_not_null() & (pl.col("kind") != "direction"),
        file,
        "finding",
        pl.format("mục thứ {} là '{}', không phải chỉ đạo, kiến nghị (direction)", pl.col("_n"), pl.col("kind")),
    )
    later = pl.col("state").is_in(["in_progress", "done", "dropped"])
    problems.rows(
        marked,
        later & pl.col("source").is_null(),
        file,
        "source",
        "cần nguồn về sau cho thấy tình trạng này (chỉ trạng thái open được để trống)",
    )
    problems.rows(
        marked,
        pl.col("source").is_not_null() & pl.col("quote").is_null(),
        file,
        "quote",
        "cần câu trích nguyên văn từ nguồn cho thấy tình trạng này",
    )
    problems.rows(
        marked,
        known & (pl.col("date") < pl.col("_visit_day")),
        file,
        "date",
        pl.format("ngày {} trước ngày của sự kiện ({})", pl.col("date"), pl.col("_visit_day")),
    )
    return followups


def _check_unique(frame: pl.DataFrame, key: str | list[str], file: str, problems: _Problems) -> None:
    keys = [key] if isinstance(key, str) else key
    dup = pl.len().over(keys) > 1
    problems.rows(
        frame,
        dup & pl.all_horizontal(pl.col(k).is_not_null() for k in keys),
        file,
        "/".join(keys),
        "mã trùng với một bản ghi khác",
    )


def _check_reference(
    frame: pl.DataFrame, column: str, targets: Iterable[str | None], file: str, what: str, problems: _Problems
) -> None:
    known = [t for t in targets if t is not None]
    problems.rows(
        frame,
        pl.col(column).is_not_null() & ~pl.col(column).is_in(known),
        file,
        column,
        pl.format(f"không có {what} '{{}}'", pl.col(column)),
    )


def _check_province(frame: pl.DataFrame, day: str, units: pl.DataFrame, file: str, problems: _Problems) -> pl.DataFrame:
    """Add `scheme` from the record's date and report province codes not valid in that scheme."""
    frame = frame.with_columns(scheme_on_expr(pl.col(day)).alias("scheme"))
    valid = units.select("scheme", pl.col("code").alias("province"), pl.lit(True).alias("_known"))
    # Only the columns the check reads go through the join: a million records are not copied to flag a few.
    joined = frame.select(RECORD, "scheme", "province", day).join(valid, on=["scheme", "province"], how="left")
    problems.rows(
        joined,
        pl.col("province").is_not_null() & pl.col("_known").is_null() & pl.col(day).is_not_null(),
        file,
        "province",
        pl.format(
            "không có tỉnh mã '{}' trong danh mục {} tỉnh (theo ngày {})",
            pl.col("province"),
            pl.col("scheme"),
            pl.col(day).dt.strftime("%d/%m/%Y"),
        ),
    )
    return frame


def _check_places(frame: pl.DataFrame, places: pl.DataFrame, file: str, problems: _Problems) -> None:
    """District and commune names must be units of the gazetteer in the record's province on its date, or places
    listed in places.csv (what the gazetteer cannot know, e.g. a village)."""
    problems.extend(check_places({file: frame}, places))


def _check_sources(sources: pl.DataFrame, units: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    _check_unique(sources, "id", "sources.yaml", problems)
    # Only web addresses (text.web_link, the check every page and file uses too): a javascript:, data: or file: link
    # would run or open something when clicked.
    problems.rows(
        sources,
        pl.col("url").is_not_null()
        & pl.col("url").map_elements(web_link, return_dtype=pl.String, skip_nulls=True).is_null(),
        "sources.yaml",
        "url",
        pl.format("địa chỉ '{}' phải là một liên kết http:// hoặc https://", pl.col("url").str.slice(0, 80)),
    )
    _check_reference(
        sources, "province", units.filter(pl.col("scheme") == OLD_SCHEME)["code"], "sources.yaml", "tỉnh mã", problems
    )
    return sources.rename({"id": "source_id"}).drop(RECORD)


def _check_documents(
    documents: pl.DataFrame, sources: pl.DataFrame, units: pl.DataFrame, problems: _Problems
) -> pl.DataFrame:
    _check_unique(documents, "code", "documents.yaml", problems)
    problems.rows(
        documents,
        ~pl.col("code").str.contains(DOC_CODE),
        "documents.yaml",
        "code",
        pl.format("số hiệu '{}' chưa chuẩn hóa (dạng 25-NQ/TW, 33/2021/CT-TTg)", pl.col("code")),
    )
    _check_reference(documents, "source", sources["id"], "documents.yaml", "nguồn", problems)
    _check_reference(
        documents,
        "province",
        units.filter(pl.col("scheme") == OLD_SCHEME)["code"],
        "documents.yaml",
        "tỉnh mã",
        problems,
    )
    problems.rows(
        documents,
        pl.col("quote").is_not_null() & pl.col("source").is_null(),
        "documents.yaml",
        "source",
        "có trích dẫn nhưng không ghi nguồn",
    )
    return documents


def _check_visits(
    visits: pl.DataFrame,
    sources: pl.DataFrame,
    documents: pl.DataFrame,
    units: pl.DataFrame,
    places: pl.DataFrame,
    problems: _Problems,
) -> pl.DataFrame:
    file = "visits.yaml"
    _check_unique(visits, "id", file, problems)
    visits = visits.with_columns(pl.coalesce("date_end", "date_start").alias("date_end"))
    problems.rows(
        visits, pl.col("date_end") < pl.col("date_start"), file, "date_end", "ngày kết thúc trước ngày bắt đầu"
    )
    problems.rows(
        visits,
        (pl.col("date_precision") != "day") & pl.col("date_note").is_null(),
        file,
        "date_note",
        "ngày không chính xác đến ngày thì phải ghi rõ cách suy ra (date_note)",
    )
    problems.rows(
        visits,
        pl.col("province").is_null() & (pl.col("body_level") != "central"),
        file,
        "province",
        "chỉ sự kiện cấp Trung ương mới được để trống tỉnh",
    )
    _check_reference(visits, "source", sources["id"], file, "nguồn", problems)
    docs = visits.select(RECORD, pl.col("documents")).explode("documents").rename({"documents": "document"})
    _check_reference(docs, "document", documents["code"], file, "văn bản", problems)
    visits = _check_province(visits, "date_start", units, file, problems)
    _check_places(visits, places, file, problems)
    return visits


def _check_observations(
    observations: pl.DataFrame,
    indicators: pl.DataFrame,
    sources: pl.DataFrame,
    units: pl.DataFrame,
    places: pl.DataFrame,
    problems: _Problems,
) -> pl.DataFrame:
    file = "observations.yaml"
    _check_unique(observations, "id", file, problems)
    observations = observations.with_columns(*_period_exprs(pl.col("period")))
    problems.rows(
        observations,
        pl.col("period").is_not_null() & pl.col("period_start").is_null(),
        file,
        "period",
        pl.format("kỳ '{}' không hợp lệ (YYYY, YYYY-YYYY, YYYY-MM-DD hoặc YYYY-MM-DD..YYYY-MM-DD)", pl.col("period")),
    )
    problems.rows(
        observations, pl.col("period_end") < pl.col("period_start"), file, "period", "kỳ kết thúc trước khi bắt đầu"
    )
    last = dt.date.today().year + 1
    outside = (pl.col("period_start").dt.year() < FIRST_YEAR) | (pl.col("period_end").dt.year() > last)
    problems.rows(
        observations,
        outside,
        file,
        "period",
        pl.format(f"kỳ '{{}}' nằm ngoài khoảng {FIRST_YEAR}–{last}", pl.col("period")),
    )
    observations = observations.with_columns(
        pl.when(outside).then(None).otherwise(pl.col(c)).alias(c) for c in ("period_start", "period_end")
    )
    _check_reference(observations, "indicator", indicators["id"], file, "chỉ tiêu", problems)
    _check_reference(observations, "source", sources["id"], file, "nguồn", problems)
    units_of = dict(indicators.select("id", "unit").drop_nulls("id").unique("id").iter_rows())
    observations = observations.with_columns(  # a lookup, not a join: the million records are not copied
        pl.col("indicator").replace_strict(units_of, default=None, return_dtype=pl.String).alias("unit")
    )
    percent = pl.col("unit") == "percent"
    problems.rows(
        observations,
        percent & ((pl.col("value") < 0) | (pl.col("value") > 100)),
        file,
        "value",
        pl.format("tỷ lệ {}% nằm ngoài khoảng 0–100", number_expr("value")),
    )
    problems.rows(observations, (pl.col("value") < 0) & ~percent.fill_null(False), file, "value", "giá trị âm")
    problems.rows(observations, pl.col("numerator") < 0, file, "numerator", "tử số âm")
    problems.rows(
        observations,
        pl.col("numerator") > pl.col("denominator"),
        file,
        "numerator",
        pl.format("tử số {} lớn hơn mẫu số {}", number_expr("numerator"), number_expr("denominator")),
    )
    problems.rows(observations, pl.col("denominator") <= 0, file, "denominator", "mẫu số phải lớn hơn 0")
    problems.rows(
        observations,
        pl.col("numerator").is_null() != pl.col("denominator").is_null(),
        file,
        "denominator",
        "tử số và mẫu số phải đi cùng nhau",
    )
    observations = observations.with_columns(  # only where the ratio exists: a zero denominator is reported above
        pl.when(pl.col("denominator") > 0).then(pl.col("numerator") / pl.col("denominator") * 100).alias("_computed")
    )
    problems.rows(
        observations,
        ratio_mismatch_expr(),
        file,
        "value",
        pl.format(
            "tỷ lệ ghi trong nguồn {}% khác tỷ lệ tính từ {}/{} = {}%",
            number_expr("value"),
            number_expr("numerator"),
            number_expr("denominator"),
            number_expr("_computed", 1),
        ),
        severity="warning",
    )
    observations = _check_province(observations, "period_end", units, file, problems)
    _check_places(observations, places, file, problems)
    has_quote, has_cell = pl.col("quote").is_not_null(), pl.col("cell").is_not_null()
    problems.rows(
        observations,
        ~has_quote & ~has_cell,
        file,
        "quote",
        "cần câu trích (quote) hoặc ô bảng (cell) làm nguồn của giá trị",
    )
    problems.rows(observations, has_quote & has_cell, file, "cell", "chỉ ghi một nguồn: quote hoặc cell, không cả hai")
    problems.rows(
        observations,
        has_cell & pl.col("cell_header").is_null(),
        file,
        "cell_header",
        "giá trị lấy từ bảng cần tiêu đề cột (cell_header)",
    )
    problems.rows(  # the word is the source's, like the figure: "hơn" that the quote does not say is made up
        observations,
        has_quote
        & pl.col("qualifier").is_in(QUALIFIERS)  # another word is refused as not a qualifier, once
        & ~pl.col("quote").str.to_lowercase().str.contains(pl.col("qualifier"), literal=True),
        file,
        "qualifier",
        pl.format("câu trích không có từ “{}” (qualifier chỉ ghi từ nguồn viết trước con số)", pl.col("qualifier")),
    )
    return observations.drop("unit", "_computed")


def _period_exprs(period: pl.Expr) -> list[pl.Expr]:
    """period_start and period_end from "2023", "2021-2023", "2023-12-31" or "2023-01-01..2023-06-30"."""
    year = period.str.extract(r"^(\d{4})$")
    years = period.str.extract_groups(r"^(\d{4})-(\d{4})$")
    day = period.str.extract(r"^(\d{4}-\d{2}-\d{2})$")
    span = period.str.extract_groups(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")

    def to_date(text: pl.Expr) -> pl.Expr:
        return text.str.to_date("%Y-%m-%d", strict=False)

    start = pl.coalesce(
        to_date(year + "-01-01"), to_date(years.struct[0] + "-01-01"), to_date(day), to_date(span.struct[0])
    )
    end = pl.coalesce(
        to_date(year + "-12-31"), to_date(years.struct[1] + "-12-31"), to_date(day), to_date(span.struct[1])
    )
    return [start.alias("period_start"), end.alias("period_end")]


def _check_quotes(frame: pl.DataFrame, texts: dict[str, str], file: str, problems: _Problems) -> None:
    """Every quote must occur verbatim (NFC, whitespace folded) in its source's stored text."""
    stored = pl.DataFrame(
        {"source": list(texts), "_text": [quote_key(t) for t in texts.values()]},
        schema={"source": pl.String, "_text": pl.String},
    )
    quoted = (
        frame.filter(pl.col("quote").is_not_null() & pl.col("source").is_in(list(texts)))
        .join(stored, on="source", how="left")
        .with_columns(
            pl.col("quote").str.normalize("NFC").str.replace_all(r"\s+", " ").str.strip_chars().alias("_quote")
        )
    )
    problems.rows(
        quoted,
        ~pl.col("_text").str.contains(pl.col("_quote"), literal=True),
        file,
        "quote",
        pl.format(
            "trích dẫn không có nguyên văn trong sources/{}.txt: “{}”",
            pl.col("source"),
            pl.col("quote").str.slice(0, 80),
        ),
    )


def _check_cells(root: Path, observations: pl.DataFrame, problems: _Problems) -> None:
    """A value read from a table must be in its stored file (sources/<file>), at its cell, under its header, the way
    a quote must be in its stored text. Each stored file is read once."""
    from .ingest.readers import cell_number, read_document, split_cell_ref  # readers never import the loader

    file = "observations.yaml"
    rows = observations.filter(pl.col("cell").is_not_null()).select(RECORD, "cell", "cell_header", "value")
    documents: dict[str, object] = {}
    for label, ref, header, value in rows.iter_rows():
        try:
            stored, sheet, a1 = split_cell_ref(ref)
        except ValueError as err:
            problems.add(file, label, "cell", str(err))
            continue
        path = root / "sources" / stored
        if "/" in stored or "\\" in stored or stored.startswith(".") or not path.is_file():
            problems.add(file, label, "cell", f"thiếu tệp gốc sources/{stored}")
            continue
        if stored not in documents:
            try:
                documents[stored] = read_document(path)
            except ValueError as err:  # IngestError: missing, unreadable
                documents[stored] = str(err)
        doc = documents[stored]
        if isinstance(doc, str):
            problems.add(file, label, "cell", f"không đọc được tệp gốc sources/{stored}: {doc}")
            continue
        table = next((t for t in doc.tables if t.name == sheet), None)  # type: ignore[attr-defined]
        cell = next((c for r in table.rows for c in r if c.ref == a1), None) if table else None
        if cell is None:
            problems.add(file, label, "cell", f"không có ô {a1} có số liệu ở “{sheet}” của sources/{stored}")
            continue
        stored_header = table.headers.get(cell.column, "")  # type: ignore[union-attr]
        if header is not None and fold_space(nfc(header)) != fold_space(stored_header):
            problems.add(
                file, label, "cell_header", f"tiêu đề cột của ô {a1} là “{stored_header}”, không phải “{header}”"
            )
        number = cell_number(cell.text)
        if number is None or value is None or abs(number - value) > 1e-9 * max(1.0, abs(number)):
            problems.add(
                file,
                label,
                "value",
                f"ô {a1} của sources/{stored} ghi “{cell.text}”, khác giá trị {number_text(value)}",
            )


_WEEKDAYS = {"hai": 1, "ba": 2, "tư": 3, "năm": 4, "sáu": 5, "6": 5, "bảy": 6, "7": 6, "5": 4, "4": 3, "3": 2, "2": 1}


def _check_weekdays(texts: dict[str, str], problems: _Problems) -> None:
    """A written weekday ("Thứ Năm, 25/4/2024") must agree with its date; a disagreement is a warning."""
    frame = pl.DataFrame(
        {"source": list(texts), "text": list(texts.values())}, schema={"source": pl.String, "text": pl.String}
    )
    found = (
        frame.with_columns(
            pl.col("text")
            .str.extract_all(r"(?i)thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\s*(?:,|ngày)?\s*\d{1,2}/\d{1,2}/\d{4}")
            .alias("hit")
        )
        .explode("hit")
        .drop_nulls("hit")
        .with_columns(
            pl.col("hit")
            .str.to_lowercase()
            .str.extract(r"thứ\s+(\S+?)[\s,]")
            .replace_strict(_WEEKDAYS, default=None, return_dtype=pl.Int8)
            .alias("written"),
            pl.col("hit").str.extract(r"(\d{1,2}/\d{1,2}/\d{4})").str.to_date("%d/%m/%Y", strict=False).alias("day"),
            pl.format("sources/{}.txt", pl.col("source")).alias(RECORD),
        )
    )
    problems.rows(
        found,
        pl.col("day").is_null(),
        "sources.yaml",
        "ngày viết trong bài",
        pl.format("ngày không có thật: “{}”", pl.col("hit")),
        severity="warning",
    )
    problems.rows(
        found,
        pl.col("day").dt.weekday() != pl.col("written"),
        "sources.yaml",
        "ngày viết trong bài",
        pl.format("thứ trong tuần không khớp với ngày: “{}”", pl.col("hit")),
        severity="warning",
    )


# ---------------------------------------------------------------- public frames


def _public_visits(visits: pl.DataFrame) -> pl.DataFrame:
    return visits.select(
        pl.col("id").alias("visit_id"),
        "date_start",
        "date_end",
        "date_precision",
        "date_note",
        "kind",
        "body",
        "body_level",
        "leader_name",
        "leader_title",
        "scheme",
        pl.col("province").alias("province_code"),
        "province_note",
        "district",
        "commune",
        pl.col("documents").fill_null([]),
        "summary",
        pl.col("source").alias("source_id"),
        "quote",
    ).sort("date_start", "visit_id")


def _public_observations(observations: pl.DataFrame) -> pl.DataFrame:
    # By period first: a filter on years then selects a few contiguous runs (queries.take serves them uncopied).
    return observations.select(
        pl.col("id").alias("observation_id"),
        pl.col("indicator").alias("indicator_id"),
        "scheme",
        pl.col("province").alias("province_code"),
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
        pl.col("source").alias("source_id"),
        # A value read from a table shows its cell where others show their quote: one place, every view.
        pl.coalesce(
            "quote",
            pl.format(
                CELL_REFERENCE,
                pl.col("cell").str.replace("#", " › ", literal=True).str.replace("!", " › ô ", literal=True),
                pl.col("cell_header"),
            ),
        ).alias("quote"),
    ).sort("period_end", "period_start", "indicator_id", "province_code", "observation_id")


# How a value read from a table shows its cell where others show their quote ("Bảng bc2023.xlsx › Năm 2023 › ô C4 —
# cột “…”"), and how a view tells one from a quoted sentence (it is no quotation: no quotation marks around it).
CELL_REFERENCE = "Bảng {} — cột “{}”"
CELL_REFERENCE_PATTERN = r"^Bảng .+ › ô [A-Z]{1,3}\d+ — cột “(?s:.*)”$"  # for Polars' str.contains too


def is_cell_reference(text: str) -> bool:
    """Whether a figure's quote is its table cell's reference (CELL_REFERENCE), not a sentence."""
    return re.match(CELL_REFERENCE_PATTERN, text) is not None


# ---------------------------------------------------------------- serving


def is_generated(path: str | Path) -> bool:
    """Whether the folder's dataset.yaml says exactly `generated: true` (read within the loader's limits; anything
    unreadable means curated, whose quotes are always checked)."""
    problems = _Problems()
    meta = _read_dataset(Path(path), problems)
    return not problems and meta.get("generated") is True


def load_or_keep(
    path: str | Path, last: Catalog | None = None, *, verify_quotes: bool | None = None, snapshot: bool | None = None
) -> tuple[Catalog | None, DataError | None]:
    """What a running app serves: (the newest catalog, None) when the folder loads, otherwise (`last`, the error).

    Any failure counts, not only invalid data: a crash of the loader itself (an exception this module did not
    foresee, memory, recursion) becomes a DataError with one problem naming the folder, so a page shows the warning
    and keeps serving the last valid catalog instead of a traceback. `verify_quotes=None` checks quotes unless the
    dataset says it is generated; `snapshot` as in load()."""
    try:
        quotes = not is_generated(path) if verify_quotes is None else verify_quotes
        return load(path, verify_quotes=quotes, snapshot=snapshot), None
    except DataError as err:
        return last, err
    except Exception as err:  # RecursionError, MemoryError, a bug: the app must keep serving
        detail = str(err).splitlines()[0][:200] if str(err) else ""
        problem = Problem(
            str(path),
            "",
            "",
            f"lỗi khi nạp dữ liệu ({type(err).__name__}: {detail}); đang dùng "
            "bản dữ liệu hợp lệ gần nhất — hãy chạy `python -m danvan validate` và báo lỗi này",
        )
        return last, DataError([problem])


def stamp(path: str | Path) -> tuple:
    """A cheap fingerprint of the folder (names, sizes, modification times) to notice edits; never raises (a file
    vanishing mid-walk, a dangling link), and ignores history/ (saves in progress, previous versions, audit)."""
    root = Path(path)
    found = []
    for folder, dirs, files in os.walk(root):
        if Path(folder) == root and "history" in dirs:
            dirs.remove("history")
        for name in files:
            full = Path(folder) / name
            try:
                info = full.stat()
            except OSError:
                info = None
            found.append(
                (full.relative_to(root).as_posix(), info.st_size if info else -1, info.st_mtime_ns if info else -1)
            )
    return tuple(sorted(found))
