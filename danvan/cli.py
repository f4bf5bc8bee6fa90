"""The command line: `python -m danvan validate [path]`, `ingest FILE`, `export --format pptx|html|csv|xlsx`,
`curator add|remove|list`, `audit [--csv FILE]`."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import sys
import tempfile
from pathlib import Path

import polars as pl

from . import fmt, load
from .exports import FORMATS
from .exports.report import report
from .exports.tables import Tables, tables
from .filter import FIRST_YEAR, LAST_YEAR, Filter, data_years, parse
from .i18n import LANGS
from .ingest import IngestError, load_indicators, load_registry
from .ingest.extract import outlet_code
from .ingest.readers import read_document
from .ingest.tables import extract_document
from .model import OLD_SCHEME, SCHEMES, Catalog, DataError
from .registry import Registry
from .text import ascii_key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m danvan", description="Công cụ dữ liệu công tác dân vận")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kiểm tra toàn bộ dữ liệu, in mọi lỗi và cảnh báo")
    validate.add_argument("path", nargs="?", default="data")
    validate.add_argument(
        "--snapshot",
        action="store_true",
        help="ghi (hoặc dùng lại) bản chụp dạng cột để khởi động nhanh: danvan/snapshot.py",
    )
    ingest = commands.add_parser("ingest", help="đọc bài viết, báo cáo Word/PDF, bảng Excel/CSV; in bản nháp YAML")
    ingest.add_argument(
        "files",
        nargs="+",
        metavar="FILE_OR_DIR",
        help="tệp: văn bản UTF-8, Word .docx hoặc .doc, LibreOffice .odt, PDF, Excel .xlsx hoặc .xls, "
        "LibreOffice .ods, bảng .csv, ảnh .png .jpg "
        "(thư mục: với --queue)",
    )
    ingest.add_argument(
        "--queue", action="store_true", help="đưa bản nháp của mọi tệp (cả các tệp trong thư mục) vào hàng chờ duyệt"
    )
    ingest.add_argument("--queue-dir", help="thư mục hàng chờ (mặc định: DANVAN_QUEUE, hoặc queue/ cạnh --data)")
    ingest.add_argument("--published", help="ngày đăng YYYY-MM-DD khi bài không ghi")
    ingest.add_argument("--province", help="tỉnh của nơi đăng bài, khi bài không nêu")
    ingest.add_argument("--url", help="địa chỉ trang của bài: tên miền của báo tỉnh, huyện cho biết tỉnh nơi đăng")
    ingest.add_argument("--data", default="data", help="thư mục dữ liệu (địa danh, chỉ tiêu)")
    export = commands.add_parser("export", help="xuất PowerPoint, bản tin HTML, CSV hoặc Excel theo bộ lọc")
    export.add_argument("--format", required=True, choices=list(FORMATS), help=" | ".join(FORMATS))
    export.add_argument("--tinh", help="mã tỉnh (GSO), cách nhau bằng dấu phẩy, ví dụ 20 hoặc 20,44; bỏ trống = tất cả")
    export.add_argument("--nam", help="năm hoặc khoảng năm: 2024 hoặc 2021-2024; bỏ trống = các năm có dữ liệu")
    export.add_argument("--ranh-gioi", dest="ranh_gioi", choices=SCHEMES, help="ranh giới 63 hoặc 34 tỉnh")
    export.add_argument("--lang", choices=LANGS, default=LANGS[0])
    export.add_argument("--data", default="data", help="thư mục dữ liệu")
    export.add_argument("-o", "--output", required=True, help="tệp kết quả (CSV: tiền tố của các tệp)")
    from . import accounts, audit  # their subcommands: curator add|remove|list, audit [--csv FILE]

    accounts.add_cli(commands)
    audit.add_cli(commands)
    args = parser.parse_args(argv)
    if hasattr(args, "run"):
        return args.run(args)
    if args.command == "validate":
        return _validate(args.path, args.snapshot)
    if args.command == "ingest" and args.queue:
        return _ingest_queue(args.files, args.published, args.province, args.data, args.queue_dir, args.url)
    if args.command == "ingest":
        if len(args.files) != 1 or Path(args.files[0]).is_dir():
            print("Một tệp mỗi lần; nhiều tệp hoặc một thư mục thì dùng --queue", file=sys.stderr)
            return 2
        return _ingest(args.files[0], args.published, args.province, args.data, args.url)
    if args.command == "export":
        return _export(args)
    return 2


def _ingest(file: str, published: str | None, province: str | None, data: str = "data", url: str | None = None) -> int:
    """`python -m danvan ingest FILE`: the draft as YAML on stdout; a clear error and exit 1 on unreadable input."""
    if published and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
        print(f"--published phải có dạng YYYY-MM-DD (nhận được “{published}”)", file=sys.stderr)
        return 2
    registry, note = load_registry(data)
    if problem := _unknown_province(province, registry):
        print(problem, file=sys.stderr)
        return 2
    try:
        document = read_document(file)  # by content: text, Word, PDF, Excel, CSV
        draft = extract_document(
            document, registry, published=published, province=province, indicators=load_indicators(data), url=url
        )
    except IngestError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    if note:
        draft.source.notes.append(note)
    sys.stdout.write(draft.to_yaml())
    return 0


def _unknown_province(province: str | None, registry: Registry | None) -> str | None:
    """The message for a --province that names no province (a typo, a made-up name, a code of none), with the
    closest names; None for a known one. The drafts would otherwise fit every place to the wrong province."""
    if not province or registry is None:
        return None
    code = outlet_code(province, registry)
    if code and registry.unit(OLD_SCHEME, code):
        return None
    names = registry.units.filter(pl.col("scheme") == OLD_SCHEME)["name_vi"].to_list()
    # compared without marks ("Yen Bay" is close to Yên Bái) and without its kind ("Tỉnh Không Có" is close to none)
    by_key = {ascii_key(name): name for name in names}
    typed = re.sub(
        r"^(?:tinh|thanh pho|tp|province of)\s+|\s+(?:tinh|thanh pho|province|city)$", "", ascii_key(province)
    )
    close = (
        [by_key[typed]]
        if typed in by_key
        else [by_key[k] for k in difflib.get_close_matches(typed, list(by_key), n=3, cutoff=0.7)]
    )
    # a district or commune typed for its province ("Kỳ Anh", "Cao Lãnh" — close to no province's name but Cao
    # Bằng's): said, with the province it is in; a former name as such ("huyện Lộc Hà, nay thuộc huyện Thạch Hà")
    lower = registry.resolve_place(province)
    units = [m for m in (lower.candidates or ([lower.match] if lower.match else [])) if lower.status != "unknown"]
    if units and typed not in by_key:
        close = list(dict.fromkeys(registry.name(OLD_SCHEME, m.province_code) for m in units))
        named = ", ".join(
            f"{m.place.type} {m.former}, nay thuộc {m.place.label}" if m.former else m.place.label for m in units[:4]
        )
        named = f"{named} ({', '.join(close)})" if len(close) == 1 else named
        return (
            f"“{province}” là {named}, không phải tỉnh (--province cần tên tỉnh, thành phố); có phải "
            f"{' hay '.join(close)}? Không có gì được ghi."
        )
    return (
        f"Không nhận ra tỉnh “{province}” (--province)"
        + (f"; có phải {' hay '.join(close)}?" if close else ".")
        + " Ghi tên một trong 63 tỉnh, thành phố (trước 1/7/2025) hoặc mã hai chữ số của tỉnh; không có gì được ghi."
    )


def _ingest_queue(
    paths: list[str],
    published: str | None,
    province: str | None,
    data: str,
    queue_dir: str | None,
    url: str | None = None,
) -> int:
    """`python -m danvan ingest DIR_OR_FILES… --queue`: one draft per file into the review queue, a progress line per
    file on stderr when there are several, a summary table on stdout. Exit 1 if any file was refused."""
    from .ingest.queue import default_queue, enqueue_paths

    target = Path(queue_dir) if queue_dir else default_queue(data)
    registry, _ = load_registry(data)
    if problem := _unknown_province(province, registry):
        print(problem, file=sys.stderr)
        return 2

    def progress(i: int, n: int, path: Path) -> None:
        if n > 1:
            done = round(20 * i / n)
            print(f"\r[{'#' * done}{'.' * (20 - done)}] {i}/{n} {path.name[:40]:<40}", end="", file=sys.stderr)

    queued_before = {p.name for p in target.iterdir()} if target.is_dir() else set()  # an entry's id is its folder
    results = enqueue_paths(
        paths,
        registry,
        load_indicators(data),
        target,
        published=published,
        province=province,
        url=url,
        progress=progress,
    )
    if len(results) > 1:
        print(file=sys.stderr)
    print(f"{'tệp':<36} {'loại':<5} {'tin cậy':>7} {'sự kiện':>7} {'văn bản':>7} {'số liệu':>7}  hàng chờ / lỗi")
    for path, entry in results:
        if isinstance(entry, str):
            print(f"{path.name[:36]:<36} {'—':<5} {'':>7} {'':>7} {'':>7} {'':>7}  LỖI: {entry}")
            continue
        c = entry.counts
        before = entry.id in queued_before  # the same content was queued before: its entry, not a new one
        print(
            f"{path.name[:36]:<36} {entry.kind:<5} {fmt.number(entry.confidence, 2):>7} {c.get('visits', 0):>7} "
            f"{c.get('documents', 0):>7} {c.get('observations', 0):>7}  {entry.id}"
            + (" (đã có trong hàng chờ)" if before else "")
        )
    refused = sum(isinstance(e, str) for _, e in results)
    again = sum(not isinstance(e, str) and e.id in queued_before for _, e in results)
    print(
        f"{len(results) - refused - again} tệp vào hàng chờ {target}"
        + (f"; {again} tệp đã có trong hàng chờ từ trước" if again else "")
        + f"; {refused} tệp bị từ chối"
    )
    return 1 if refused else 0


def _validate(path: str, snapshot: bool = False) -> int:
    try:
        catalog = load(path, snapshot=snapshot)
    except DataError as err:
        for problem in err.problems:
            print(problem)
        errors = sum(p.severity == "error" for p in err.problems)
        print(f"{path}: {errors} lỗi, {len(err.problems) - errors} cảnh báo — dữ liệu KHÔNG hợp lệ", file=sys.stderr)
        return 1
    for problem in catalog.warnings:
        print(problem)
    print(
        f"{path}: hợp lệ — {catalog.sources.height} nguồn, {catalog.visits.height} sự kiện, "
        f"{catalog.observations.height} số liệu, {catalog.documents.height} văn bản, "
        f"{catalog.indicators.height} chỉ tiêu; {len(catalog.warnings)} cảnh báo; phiên bản {catalog.version}"
    )
    if snapshot:
        from .snapshot import fingerprint, folder

        print(f"bản chụp: {folder(Path(path)) / fingerprint(Path(path))}")
    return 0


def _export_filter(args: argparse.Namespace, catalog: Catalog) -> Filter | str:
    """The filter the arguments ask for, or why they cannot be used: an export never guesses what was meant."""
    if args.nam is not None and not args.nam.strip():
        return f"khoảng năm trống (--nam): cần YYYY hoặc YYYY-YYYY trong {FIRST_YEAR}–{LAST_YEAR}"
    if args.tinh is not None and not args.tinh.strip(" ,"):
        return "danh sách tỉnh trống (--tinh): bỏ hẳn tham số để xuất tất cả tỉnh, thành phố"
    params = {
        name: value
        for name, value in (("tinh", args.tinh), ("nam", args.nam), ("ranh_gioi", args.ranh_gioi))
        if value is not None
    }
    flt, _ = parse(params, catalog.units, data_years(catalog))
    problems = []
    for key, values in flt.notes:
        value = dict(values).get("value", "")
        if key == "bad_province":
            problems.append(f"không có tỉnh, thành phố mã “{value}” (mã GSO 2 chữ số, ranh giới {flt.scheme} tỉnh)")
        elif key == "bad_years":
            problems.append(
                f"khoảng năm “{value}” không hợp lệ: cần YYYY hoặc YYYY-YYYY trong {FIRST_YEAR}–{LAST_YEAR}"
            )
        else:
            problems.append(f"tham số không hợp lệ: {key} “{value}”")
    return "; ".join(problems) if problems else flt


def _output_problem(output: str) -> str | None:
    """Why `-o` cannot name the file to write, before any work is done: empty, or a folder."""
    if not output.strip():
        return "đường dẫn tệp kết quả (-o) trống: cần tên tệp, ví dụ -o ban-tin.pptx"
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return (
            f"“{output}” là một thư mục: cần tên tệp trong thư mục đó, ví dụ "
            f"-o {Path(output) / 'ban-tin'}.<đuôi tệp> (CSV: tiền tố của các tệp)"
        )
    return None


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file whole or not at all: each to a temporary file beside it, then all renamed; on any error the
    temporary files are removed and the earlier files stay as they were."""
    staged: list[tuple[Path, Path]] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((Path(name), path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            os.chmod(name, 0o666 & ~umask)  # as a plain open() would have made it, not mkstemp's 0600
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def _export(args: argparse.Namespace) -> int:
    """Write the export the arguments ask for; refuse bad input with exit code 2 and say what is wrong."""
    problem = _output_problem(args.output)
    if problem:
        print(f"Không xuất được: {problem}.", file=sys.stderr)
        return 2
    try:
        catalog = load(args.data)
    except DataError as err:
        print(
            f"{args.data}: dữ liệu không hợp lệ — chạy `python -m danvan validate {args.data}` để xem lỗi:\n{err}",
            file=sys.stderr,
        )
        return 1
    flt = _export_filter(args, catalog)
    if isinstance(flt, str):
        print(f"Không xuất được: {flt}.", file=sys.stderr)
        return 2
    made = dt.date.today()
    built = report(catalog, flt, args.lang, made)  # one province: its brief, as the profile page's buttons make it
    files = FORMATS[args.format].files(
        built, lambda: Tables(tables(catalog, flt, args.lang), built.filter_label, catalog.version, made, args.lang)
    )
    out = Path(args.output)
    stem = out.with_suffix("")
    # One file, or (CSV) one per table named after the output.
    paths = {
        (stem.with_name(f"{stem.name}-{suffix}.{args.format}") if suffix else out): content
        for suffix, content in files.items()
    }
    try:
        _write_all(paths)
    except OSError as err:
        print(f"Không xuất được: không ghi được {err.filename or out}: {err.strerror or err}.", file=sys.stderr)
        return 2
    if built.empty:
        print(
            f"Lưu ý: không có dữ liệu cho bộ lọc ({built.filter_label}); tệp chỉ có phần giới thiệu và thông báo này.",
            file=sys.stderr,
        )
    for path in paths:
        print(f"Đã ghi {path} — {built.filter_label}; phiên bản dữ liệu {catalog.version}; ngày {made:%d/%m/%Y}")
    return 0
