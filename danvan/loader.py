"""Load every curated file in a data folder, validate all of it together, and return a Catalog or raise DataError.

Records are first read as text columns (from YAML or CSV alike), then typed and checked with Polars expressions, so
the same checks serve ten hand-written records and a million generated ones. Every problem is collected; nothing is
returned unless the whole folder is valid."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import polars as pl
import yaml

from .fmt import number_expr
from .model import (
    DATASET_SPEC,
    DOCUMENT_SPEC,
    ENUMS,
    FINDING_SPEC,
    INDICATOR_SPEC,
    MERGER_DATE,
    OBSERVATION_SPEC,
    PLACE_LEVELS,
    SOURCE_SPEC,
    VISIT_SPEC,
    Catalog,
    DataError,
    Problem,
    Spec,
)
from .text import DecodeError, decode, nfc, quote_key

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: the same rules, ~10× faster
RECORD = "_record"  # the column naming each record for problem reports: "id=…" or "bản ghi số N"
DOC_CODE = r"^\d+(/\d{4})?[-/][A-ZĐ]+[-/][A-Za-zĐ]+$"  # 25-NQ/TW, 33/2021/CT-TTg, 605-QĐ/HU, 76/NQ-CP
UNIT_COLUMNS = ["scheme", "code", "name_vi", "name_en", "region", "new_code", "valid_from", "valid_to",
                "capital_lon", "capital_lat", "aliases"]
PLACE_COLUMNS = ["name", "level", "province_code", "aliases"]
RECORD_FILES = {"sources": SOURCE_SPEC, "documents": DOCUMENT_SPEC, "indicators": INDICATOR_SPEC,
                "visits": VISIT_SPEC, "observations": OBSERVATION_SPEC}


class _Problems(list):
    """A list of Problem with helpers that turn failing rows of a frame into problems."""

    def add(self, file: str, record: str, field: str, message: str, severity: str = "error") -> None:
        self.append(Problem(file, record, field, message, severity))

    def rows(self, frame: pl.DataFrame, bad: pl.Expr, file: str, field: str, message: pl.Expr | str,
             severity: str = "error") -> None:
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
    and writes it when it does not (danvan/snapshot.py)."""
    root = Path(path)
    if snapshot or (snapshot is None and os.environ.get("DANVAN_SNAPSHOT", "0") not in ("", "0")):
        from .snapshot import cached_load

        return cached_load(root, verify_quotes=verify_quotes,
                           load=lambda: load(root, verify_quotes=verify_quotes, snapshot=False))
    problems = _Problems()
    if not root.is_dir():
        raise DataError([Problem(str(root), "", "", "không tìm thấy thư mục dữ liệu")])

    dataset = _read_dataset(root, problems)
    if not verify_quotes and not dataset.get("generated"):
        problems.add("dataset.yaml", "", "generated",
                     "chỉ dữ liệu sinh tự động (generated: true) mới được bỏ kiểm tra trích dẫn")
    units = _read_csv(root, "units.csv", UNIT_COLUMNS, problems)
    places = _read_csv(root, "places.csv", PLACE_COLUMNS, problems)
    raw = {name: _read_records(root, name, spec, problems) for name, spec in RECORD_FILES.items()}
    findings_raw = _findings_frame(raw["visits"], problems)
    if any(frame is None for frame in (*raw.values(), units, places)):
        raise DataError(problems)  # a missing or unreadable file: nothing further can be checked meaningfully

    units = _typed_units(units, problems)
    places = places.with_columns(pl.col("aliases").fill_null(""))
    problems.rows(places, ~pl.col("level").is_in(PLACE_LEVELS), "places.csv", "level",
                  pl.format("cấp '{}' không hợp lệ", pl.col("level")))
    typed = {name: _typed(raw[name], spec, f"{name}.yaml", problems) for name, spec in RECORD_FILES.items()}
    findings = _typed(findings_raw, FINDING_SPEC, "visits.yaml", problems)

    texts = _read_texts(root, typed["sources"], problems)
    sources = _check_sources(typed["sources"], units, problems)
    documents = _check_documents(typed["documents"], typed["sources"], units, problems)
    indicators = typed["indicators"]
    _check_unique(indicators, "id", "indicators.yaml", problems)
    visits = _check_visits(typed["visits"], typed["sources"], documents, units, places, problems)
    observations = _check_observations(typed["observations"], indicators, typed["sources"], units, places, problems)
    if verify_quotes:
        for frame, file in ((documents, "documents.yaml"), (visits, "visits.yaml"), (findings, "visits.yaml"),
                            (observations, "observations.yaml")):
            _check_quotes(frame, texts, file, problems)
    _check_weekdays(texts, problems)

    if any(p.severity == "error" for p in problems):
        raise DataError(problems)
    return Catalog(
        units=units.drop(RECORD), places=places.drop(RECORD), sources=sources, documents=documents.drop(RECORD),
        indicators=indicators.drop(RECORD), visits=_public_visits(visits),
        findings=findings.drop(RECORD).rename({"source": "source_id"}),
        observations=_public_observations(observations), texts=texts, dataset=dataset, version=_version(root),
        warnings=sorted(p for p in problems if p.severity == "warning"),
    )


# ---------------------------------------------------------------- reading

def _read_bytes(path: Path, problems: _Problems) -> str | None:
    if not path.is_file():
        problems.add(path.name, "", "", "thiếu tệp")
        return None
    try:
        return decode(path.read_bytes(), path.name)
    except DecodeError as err:
        problems.add(path.name, "", "", str(err).removeprefix(f"{path.name}: "))
        return None


def _read_dataset(root: Path, problems: _Problems) -> dict:
    text = _read_bytes(root / "dataset.yaml", problems)
    if text is None:
        return {}
    try:
        meta = yaml.load(text, Loader=YAML_LOADER) or {}
    except yaml.YAMLError as err:
        problems.add("dataset.yaml", "", "", f"YAML sai cú pháp: {_yaml_where(err)}")
        return {}
    if not isinstance(meta, dict):
        problems.add("dataset.yaml", "", "", "phải là một bảng khóa: giá trị")
        return {}
    _check_keys(meta, DATASET_SPEC, "dataset.yaml", "", problems)
    return meta


def _csv_bytes(path: Path, problems: _Problems) -> bytes | None:
    """The file as the UTF-8 NFC bytes decode() would give. A file that already is (every generated file, most
    curated ones) is passed on as read: no normalised copy of a 200 MB text and no encoding it back."""
    if path.is_file():
        raw = path.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf") and b"\x00" not in raw[:4096] and _is_nfc_utf8(raw):
            return raw
    text = _read_bytes(path, problems)  # the general path, which also names what is wrong with the file
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
        if nfc(piece) is not piece:  # nfc() returns its argument itself when there is nothing to change
            return False
        start = end
    return True


def _read_csv(root: Path, name: str, columns: list[str], problems: _Problems) -> pl.DataFrame | None:
    data = _csv_bytes(root / name, problems)
    if data is None:
        return None
    try:
        frame = pl.read_csv(data, infer_schema=False)
    except pl.exceptions.PolarsError as err:
        problems.add(name, "", "", f"CSV sai định dạng: {err}".splitlines()[0])
        return None
    del data  # the file's bytes are not needed beside the frame
    missing = [c for c in columns if c not in frame.columns]
    extra = [c for c in frame.columns if c not in columns]
    if missing or extra:
        problems.add(name, "dòng tiêu đề", "", f"thiếu cột {missing}, cột lạ {extra}")
        return None
    # No per-value NFC here: the whole file is already NFC (_csv_bytes), which is the same text and ~50× cheaper to
    # check than normalising a million values one by one.
    return frame.select(columns).with_columns(
        pl.format("dòng {}", pl.int_range(2, pl.len() + 2)).alias(RECORD),
        pl.col(pl.String).str.strip_chars(),
    )


def _read_records(root: Path, name: str, spec: Spec, problems: _Problems) -> pl.DataFrame | None:
    """Read `name`.yaml (or `name`.csv for bulk data) into a frame of text columns plus RECORD."""
    if (root / f"{name}.csv").is_file() and not (root / f"{name}.yaml").is_file():
        frame = _read_csv(root, f"{name}.csv", [f for f, (k, _) in spec.items() if k != "findings"] , problems)
        if frame is None:
            return None
        lists = [f for f, (kind, _) in spec.items() if kind == "list"]
        return frame.with_columns([pl.col(c).str.split("|") for c in lists] + [pl.lit(None).alias("findings")]) \
            if "findings" in spec else frame.with_columns([pl.col(c).str.split("|") for c in lists])
    file = f"{name}.yaml"
    text = _read_bytes(root / file, problems)
    if text is None:
        return None
    try:
        records = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as err:
        problems.add(file, "", "", f"YAML sai cú pháp: {_yaml_where(err)}")
        return None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        problems.add(file, "", "", "phải là một danh sách các bản ghi (mỗi bản ghi là một bảng khóa: giá trị)")
        return None
    key = next(iter(spec))
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
    if isinstance(value, (list, dict)):
        return f"<{type(value).__name__}>"  # reported as a wrong type by _typed
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
                rows.append({RECORD: where, "visit_id": visit_id, "source": source}
                            | {f: _as_text(item.get(f), kind) for f, (kind, _) in FINDING_SPEC.items()})
    schema = {RECORD: pl.String, "visit_id": pl.String, "source": pl.String} | {f: pl.String for f in FINDING_SPEC}
    return pl.DataFrame(rows, schema=schema, orient="row")


def _read_texts(root: Path, sources: pl.DataFrame, problems: _Problems) -> dict[str, str]:
    texts = {}
    for label, source_id in sources.select(RECORD, "id").iter_rows():
        if source_id is None:
            continue
        path = root / "sources" / f"{source_id}.txt"
        if not path.is_file():
            problems.add("sources.yaml", label, "id", f"thiếu văn bản lưu trữ sources/{source_id}.txt")
            continue
        try:
            texts[source_id] = decode(path.read_bytes(), f"sources/{source_id}.txt")
        except DecodeError as err:
            problems.add("sources.yaml", label, "id", str(err))
    return texts


def _version(root: Path) -> str:
    """A short fingerprint of every file in the folder: shown on exports and used to notice changes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "history" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# ---------------------------------------------------------------- typing

def _typed(frame: pl.DataFrame, spec: Spec, file: str, problems: _Problems) -> pl.DataFrame:
    """Cast text columns to their types; every value that does not fit becomes a problem."""
    checks: list[tuple[str, pl.Expr, pl.Expr | str]] = []  # evaluated together, in one parallel pass

    def check(bad: pl.Expr, field: str, message: pl.Expr | str) -> None:
        checks.append((field, bad, message))

    for field, (kind, required) in spec.items():
        col = pl.col(field)
        if required:
            check(col.is_null(), field, "thiếu trường bắt buộc")
        if kind == "findings":
            continue
        if kind == "list":
            continue
        bad_type = col.str.starts_with("<")
        check(bad_type, field, "phải là một giá trị đơn, không phải danh sách hay bảng")
        if kind == "date":
            check(col.is_not_null() & col.str.to_date("%Y-%m-%d", strict=False).is_null(), field,
                  pl.format("ngày không hợp lệ '{}' (cần YYYY-MM-DD, ngày có thật)", col))
        elif kind == "partial_date":
            full = pl.when(col.str.len_chars() == 4).then(col + "-01-01").when(col.str.len_chars() == 7) \
                .then(col + "-01").otherwise(col)
            check(col.is_not_null() & full.str.to_date("%Y-%m-%d", strict=False).is_null(), field,
                  pl.format("ngày không hợp lệ '{}' (cần YYYY-MM-DD, YYYY-MM hoặc YYYY)", col))
        elif kind == "number":
            check(col.is_not_null() & col.cast(pl.Float64, strict=False).is_null(), field,
                  pl.format("'{}' không phải là số (viết số thuần: 1973, 81.77)", col))
        elif kind == "bool":
            check(col.is_not_null() & ~col.is_in(["true", "false"]), field,
                  pl.format("'{}' phải là true hoặc false", col))
        elif kind == "code":
            check(col.is_not_null() & ~col.str.contains(r"^\d{2}$"), field,
                  pl.format("mã tỉnh '{}' phải gồm 2 chữ số (mã GSO, ví dụ \"01\")", col))
        elif kind.startswith("enum:"):
            allowed = ENUMS[kind.removeprefix("enum:")]
            check(col.is_not_null() & ~col.is_in(allowed), field,
                  pl.format("giá trị '{}' không hợp lệ; cho phép: " + ", ".join(allowed), col))
    problems.many(frame, file, checks)
    casts = []
    for field, (kind, _) in spec.items():
        col = pl.col(field)
        if kind == "date":
            casts.append(col.str.to_date("%Y-%m-%d", strict=False))
        elif kind == "number":
            casts.append(col.cast(pl.Float64, strict=False))
        elif kind == "bool":
            casts.append(col.replace_strict({"true": True, "false": False}, default=None, return_dtype=pl.Boolean))
    return frame.with_columns(casts)


def _typed_units(units: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    units = units.with_columns(
        pl.col("valid_from", "valid_to").str.to_date("%Y-%m-%d", strict=False),
        pl.col("capital_lon", "capital_lat").cast(pl.Float64, strict=False),
        pl.col("aliases").fill_null(""),
    )
    _check_unique(units, ["scheme", "code"], "units.csv", problems)
    return units


# ---------------------------------------------------------------- checks

def _check_unique(frame: pl.DataFrame, key: str | list[str], file: str, problems: _Problems) -> None:
    keys = [key] if isinstance(key, str) else key
    dup = pl.len().over(keys) > 1
    problems.rows(frame, dup & pl.all_horizontal(pl.col(k).is_not_null() for k in keys), file, "/".join(keys),
                  "mã trùng với một bản ghi khác")


def _scheme_for(day: pl.Expr) -> pl.Expr:
    """The boundary scheme in force on a date: 63 units before 2025-07-01, 34 from then on."""
    return pl.when(day < pl.lit(MERGER_DATE)).then(pl.lit("63")).otherwise(pl.lit("34"))


def _check_reference(frame: pl.DataFrame, column: str, targets: Iterable[str | None], file: str, what: str,
                     problems: _Problems) -> None:
    known = [t for t in targets if t is not None]
    problems.rows(frame, pl.col(column).is_not_null() & ~pl.col(column).is_in(known), file, column,
                  pl.format(f"không có {what} '{{}}'", pl.col(column)))


def _check_province(frame: pl.DataFrame, day: str, units: pl.DataFrame, file: str, problems: _Problems) -> pl.DataFrame:
    """Add `scheme` from the record's date and report province codes not valid in that scheme."""
    frame = frame.with_columns(_scheme_for(pl.col(day)).alias("scheme"))
    valid = units.select("scheme", pl.col("code").alias("province"), pl.lit(True).alias("_known"))
    # Only the columns the check reads go through the join: a million records are not copied to flag a few.
    joined = frame.select(RECORD, "scheme", "province", day).join(valid, on=["scheme", "province"], how="left")
    problems.rows(joined, pl.col("province").is_not_null() & pl.col("_known").is_null() & pl.col(day).is_not_null(),
                  file, "province",
                  pl.format("không có tỉnh mã '{}' trong danh mục {} tỉnh (theo ngày {})", pl.col("province"),
                            pl.col("scheme"), pl.col(day).dt.strftime("%d/%m/%Y")))
    return frame


def _check_places(frame: pl.DataFrame, places: pl.DataFrame, file: str, problems: _Problems) -> None:
    """District and commune names must be in places.csv, under the record's (scheme-63) province."""
    known = places.select(pl.col("name"), pl.col("province_code").alias("province"), pl.lit(True).alias("_known"))
    for column in ("district", "commune"):
        joined = frame.select(RECORD, column, "province").join(known.rename({"name": column}), on=[column, "province"],
                                                               how="left")
        problems.rows(joined, pl.col(column).is_not_null() & pl.col("_known").is_null(), file, column,
                      pl.format("không có địa danh '{}' thuộc tỉnh mã '{}' trong places.csv", pl.col(column),
                                pl.col("province")))


def _check_sources(sources: pl.DataFrame, units: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    _check_unique(sources, "id", "sources.yaml", problems)
    _check_reference(sources, "province", units.filter(pl.col("scheme") == "63")["code"], "sources.yaml",
                     "tỉnh mã", problems)
    return sources.rename({"id": "source_id"}).drop(RECORD)


def _check_documents(documents: pl.DataFrame, sources: pl.DataFrame, units: pl.DataFrame,
                     problems: _Problems) -> pl.DataFrame:
    _check_unique(documents, "code", "documents.yaml", problems)
    problems.rows(documents, ~pl.col("code").str.contains(DOC_CODE), "documents.yaml", "code",
                  pl.format("số hiệu '{}' chưa chuẩn hóa (dạng 25-NQ/TW, 33/2021/CT-TTg)", pl.col("code")))
    _check_reference(documents, "source", sources["id"], "documents.yaml", "nguồn", problems)
    _check_reference(documents, "province", units.filter(pl.col("scheme") == "63")["code"], "documents.yaml",
                     "tỉnh mã", problems)
    problems.rows(documents, pl.col("quote").is_not_null() & pl.col("source").is_null(), "documents.yaml", "source",
                  "có trích dẫn nhưng không ghi nguồn")
    return documents


def _check_visits(visits: pl.DataFrame, sources: pl.DataFrame, documents: pl.DataFrame, units: pl.DataFrame,
                  places: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    file = "visits.yaml"
    _check_unique(visits, "id", file, problems)
    visits = visits.with_columns(pl.coalesce("date_end", "date_start").alias("date_end"))
    problems.rows(visits, pl.col("date_end") < pl.col("date_start"), file, "date_end",
                  "ngày kết thúc trước ngày bắt đầu")
    problems.rows(visits, (pl.col("date_precision") != "day") & pl.col("date_note").is_null(), file, "date_note",
                  "ngày không chính xác đến ngày thì phải ghi rõ cách suy ra (date_note)")
    problems.rows(visits, pl.col("province").is_null() & (pl.col("body_level") != "central"), file, "province",
                  "chỉ sự kiện cấp Trung ương mới được để trống tỉnh")
    _check_reference(visits, "source", sources["id"], file, "nguồn", problems)
    docs = visits.select(RECORD, pl.col("documents")).explode("documents").rename({"documents": "document"})
    _check_reference(docs, "document", documents["code"], file, "văn bản", problems)
    visits = _check_province(visits, "date_start", units, file, problems)
    _check_places(visits, places, file, problems)
    return visits


def _check_observations(observations: pl.DataFrame, indicators: pl.DataFrame, sources: pl.DataFrame,
                        units: pl.DataFrame, places: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    file = "observations.yaml"
    _check_unique(observations, "id", file, problems)
    observations = observations.with_columns(*_period_exprs(pl.col("period")))
    problems.rows(observations, pl.col("period").is_not_null() & pl.col("period_start").is_null(), file, "period",
                  pl.format("kỳ '{}' không hợp lệ (YYYY, YYYY-YYYY, YYYY-MM-DD hoặc YYYY-MM-DD..YYYY-MM-DD)",
                            pl.col("period")))
    problems.rows(observations, pl.col("period_end") < pl.col("period_start"), file, "period",
                  "kỳ kết thúc trước khi bắt đầu")
    _check_reference(observations, "indicator", indicators["id"], file, "chỉ tiêu", problems)
    _check_reference(observations, "source", sources["id"], file, "nguồn", problems)
    units_of = dict(indicators.select("id", "unit").drop_nulls("id").unique("id").iter_rows())
    observations = observations.with_columns(  # a lookup, not a join: the million records are not copied
        pl.col("indicator").replace_strict(units_of, default=None, return_dtype=pl.String).alias("unit"))
    percent = pl.col("unit") == "percent"
    problems.rows(observations, percent & ((pl.col("value") < 0) | (pl.col("value") > 100)), file, "value",
                  pl.format("tỷ lệ {}% nằm ngoài khoảng 0–100", number_expr("value")))
    problems.rows(observations, (pl.col("value") < 0) & ~percent, file, "value", "giá trị âm")
    problems.rows(observations, pl.col("numerator") > pl.col("denominator"), file, "numerator",
                  pl.format("tử số {} lớn hơn mẫu số {}", number_expr("numerator"), number_expr("denominator")))
    problems.rows(observations, pl.col("denominator") <= 0, file, "denominator", "mẫu số phải lớn hơn 0")
    problems.rows(observations, pl.col("numerator").is_null() != pl.col("denominator").is_null(), file, "denominator",
                  "tử số và mẫu số phải đi cùng nhau")
    observations = observations.with_columns((pl.col("numerator") / pl.col("denominator") * 100).alias("_computed"))
    computed = pl.col("_computed")
    problems.rows(observations, percent & ((computed - pl.col("value")).abs() > 1), file, "value",
                  pl.format("tỷ lệ ghi trong nguồn {}% khác tỷ lệ tính từ {}/{} = {}%", number_expr("value"),
                            number_expr("numerator"), number_expr("denominator"),
                            number_expr("_computed", 1)), severity="warning")
    observations = _check_province(observations, "period_end", units, file, problems)
    _check_places(observations, places, file, problems)
    return observations.drop("unit", "_computed")


def _period_exprs(period: pl.Expr) -> list[pl.Expr]:
    """period_start and period_end from "2023", "2021-2023", "2023-12-31" or "2023-01-01..2023-06-30"."""
    year = period.str.extract(r"^(\d{4})$")
    years = period.str.extract_groups(r"^(\d{4})-(\d{4})$")
    day = period.str.extract(r"^(\d{4}-\d{2}-\d{2})$")
    span = period.str.extract_groups(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")

    def to_date(text: pl.Expr) -> pl.Expr:
        return text.str.to_date("%Y-%m-%d", strict=False)

    start = pl.coalesce(to_date(year + "-01-01"), to_date(years.struct[0] + "-01-01"), to_date(day),
                        to_date(span.struct[0]))
    end = pl.coalesce(to_date(year + "-12-31"), to_date(years.struct[1] + "-12-31"), to_date(day),
                      to_date(span.struct[1]))
    return [start.alias("period_start"), end.alias("period_end")]


def _check_quotes(frame: pl.DataFrame, texts: dict[str, str], file: str, problems: _Problems) -> None:
    """Every quote must occur verbatim (NFC, whitespace folded) in its source's stored text."""
    stored = pl.DataFrame({"source": list(texts), "_text": [quote_key(t) for t in texts.values()]},
                          schema={"source": pl.String, "_text": pl.String})
    quoted = frame.filter(pl.col("quote").is_not_null() & pl.col("source").is_in(list(texts))).join(
        stored, on="source", how="left").with_columns(
        pl.col("quote").str.normalize("NFC").str.replace_all(r"\s+", " ").str.strip_chars().alias("_quote"))
    problems.rows(quoted, ~pl.col("_text").str.contains(pl.col("_quote"), literal=True), file, "quote",
                  pl.format("trích dẫn không có nguyên văn trong sources/{}.txt: “{}”", pl.col("source"),
                            pl.col("quote").str.slice(0, 80)))


_WEEKDAYS = {"hai": 1, "ba": 2, "tư": 3, "năm": 4, "sáu": 5, "6": 5, "bảy": 6, "7": 6, "5": 4, "4": 3, "3": 2, "2": 1}


def _check_weekdays(texts: dict[str, str], problems: _Problems) -> None:
    """A written weekday ("Thứ Năm, 25/4/2024") must agree with its date; a disagreement is a warning."""
    frame = pl.DataFrame({"source": list(texts), "text": list(texts.values())}, schema={"source": pl.String,
                                                                                        "text": pl.String})
    found = frame.with_columns(
        pl.col("text").str.extract_all(r"(?i)thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\s*(?:,|ngày)?\s*\d{1,2}/\d{1,2}/\d{4}")
        .alias("hit")).explode("hit").drop_nulls("hit").with_columns(
        pl.col("hit").str.to_lowercase().str.extract(r"thứ\s+(\S+?)[\s,]").replace_strict(
            _WEEKDAYS, default=None, return_dtype=pl.Int8).alias("written"),
        pl.col("hit").str.extract(r"(\d{1,2}/\d{1,2}/\d{4})").str.to_date("%d/%m/%Y", strict=False).alias("day"),
        pl.format("sources/{}.txt", pl.col("source")).alias(RECORD))
    problems.rows(found, pl.col("day").is_null(), "sources.yaml", "ngày viết trong bài",
                  pl.format("ngày không có thật: “{}”", pl.col("hit")), severity="warning")
    problems.rows(found, pl.col("day").dt.weekday() != pl.col("written"), "sources.yaml", "ngày viết trong bài",
                  pl.format("thứ trong tuần không khớp với ngày: “{}”", pl.col("hit")), severity="warning")


# ---------------------------------------------------------------- public frames

def _public_visits(visits: pl.DataFrame) -> pl.DataFrame:
    return visits.select(
        pl.col("id").alias("visit_id"), "date_start", "date_end", "date_precision", "date_note", "kind", "body",
        "body_level", "leader_name", "leader_title", "scheme", pl.col("province").alias("province_code"),
        "province_note", "district", "commune", pl.col("documents").fill_null([]), "summary",
        pl.col("source").alias("source_id"), "quote",
    ).sort("date_start", "visit_id")


def _public_observations(observations: pl.DataFrame) -> pl.DataFrame:
    # By period first: a filter on years then selects a few contiguous runs (queries.take serves them uncopied).
    return observations.select(
        pl.col("id").alias("observation_id"), pl.col("indicator").alias("indicator_id"), "scheme",
        pl.col("province").alias("province_code"), "province_note", "district", "commune", "period_start",
        "period_end", "period_note", "value", "numerator", "denominator", "status", "breakdown",
        pl.col("source").alias("source_id"), "quote",
    ).sort("period_end", "period_start", "indicator_id", "province_code", "observation_id")
