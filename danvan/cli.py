"""The command line: `python -m danvan validate [path]`, `ingest FILE`, `export --format pptx|html|csv|xlsx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import load
from .model import Catalog, DataError
from .queries import FIRST_YEAR, LAST_YEAR, Filter

FORMATS = ("pptx", "html", "csv", "xlsx")
CSV_TABLES = ("su-kien", "so-lieu", "nguon")  # file suffixes of export.tables(), in its order


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m danvan", description="Công cụ dữ liệu công tác dân vận")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kiểm tra toàn bộ dữ liệu, in mọi lỗi và cảnh báo")
    validate.add_argument("path", nargs="?", default="data")
    validate.add_argument("--snapshot", action="store_true",
                          help="ghi (hoặc dùng lại) bản chụp dạng cột để khởi động nhanh: danvan/snapshot.py")
    ingest = commands.add_parser("ingest", help="đọc một bài viết, in bản nháp YAML các bản ghi để biên tập")
    ingest.add_argument("file", help="tệp văn bản của bài (UTF-8)")
    ingest.add_argument("--published", help="ngày đăng YYYY-MM-DD khi bài không ghi")
    ingest.add_argument("--province", help="tỉnh của nơi đăng bài, khi bài không nêu")
    ingest.add_argument("--data", default="data", help="thư mục dữ liệu (địa danh, chỉ tiêu)")
    export = commands.add_parser("export", help="xuất PowerPoint, bản tin HTML, CSV hoặc Excel theo bộ lọc")
    export.add_argument("--format", required=True, choices=FORMATS, help="pptx | html | csv | xlsx")
    export.add_argument("--tinh", help="mã tỉnh (GSO), cách nhau bằng dấu phẩy, ví dụ 20 hoặc 20,44; bỏ trống = tất cả")
    export.add_argument("--nam", help="năm hoặc khoảng năm: 2024 hoặc 2021-2024; bỏ trống = các năm có dữ liệu")
    export.add_argument("--ranh-gioi", dest="ranh_gioi", choices=("63", "34"), help="ranh giới 63 hoặc 34 tỉnh")
    export.add_argument("--lang", choices=("vi", "en"), default="vi")
    export.add_argument("--data", default="data", help="thư mục dữ liệu")
    export.add_argument("-o", "--output", required=True, help="tệp kết quả (CSV: tiền tố của các tệp)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.path, args.snapshot)
    if args.command == "ingest":
        from .ingest import run_cli

        return run_cli(args.file, args.published, args.province, args.data)
    if args.command == "export":
        return _export(args)
    return 2


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
    from . import links, report

    if args.nam is not None and not args.nam.strip():
        return f"khoảng năm trống (--nam): cần YYYY hoặc YYYY-YYYY trong {FIRST_YEAR}–{LAST_YEAR}"
    if args.tinh is not None and not args.tinh.strip(" ,"):
        return "danh sách tỉnh trống (--tinh): bỏ hẳn tham số để xuất tất cả tỉnh, thành phố"
    params = {name: value for name, value in (("tinh", args.tinh), ("nam", args.nam), ("ranh_gioi", args.ranh_gioi))
              if value is not None}
    flt, _ = links.parse(params, catalog.units, report.data_years(catalog))
    problems = []
    for key, values in flt.notes:
        value = dict(values).get("value", "")
        if key == "bad_province":
            problems.append(f"không có tỉnh, thành phố mã “{value}” (mã GSO 2 chữ số, ranh giới {flt.scheme} tỉnh)")
        elif key == "bad_years":
            problems.append(f"khoảng năm “{value}” không hợp lệ: cần YYYY hoặc YYYY-YYYY trong "
                            f"{FIRST_YEAR}–{LAST_YEAR}")
        else:
            problems.append(f"tham số không hợp lệ: {key} “{value}”")
    return "; ".join(problems) if problems else flt


def _export(args: argparse.Namespace) -> int:
    """Write the export the arguments ask for; refuse bad input with exit code 2 and say what is wrong."""
    import datetime as dt
    from pathlib import Path

    from . import export, report

    try:
        catalog = load(args.data)
    except DataError as err:
        print(f"{args.data}: dữ liệu không hợp lệ — chạy `python -m danvan validate {args.data}` để xem lỗi:\n{err}",
              file=sys.stderr)
        return 1
    flt = _export_filter(args, catalog)
    if isinstance(flt, str):
        print(f"Không xuất được: {flt}.", file=sys.stderr)
        return 2
    made = dt.date.today()
    built = report.report(catalog, flt, args.lang, made)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if args.format in ("pptx", "html"):
        if args.format == "pptx":
            from .pptx_export import pptx_bytes as render
        else:
            from .html_export import html_bytes as render
        out.write_bytes(render(built))
        written.append(out)
    else:
        sheets = export.tables(catalog, flt, args.lang)
        if args.format == "xlsx":
            out.write_bytes(export.excel_bytes(sheets, filter_label=built.filter_label, version=catalog.version,
                                               made=made))
            written.append(out)
        else:
            import polars as pl

            stem = out.with_suffix("")
            about = pl.DataFrame({"Mục": ["Bộ lọc", "Phiên bản dữ liệu", "Ngày xuất"],
                                  "Giá trị": [built.filter_label, catalog.version, made.strftime("%d/%m/%Y")]})
            for suffix, frame in zip((*CSV_TABLES, "thong-tin"), (*sheets.values(), about), strict=True):
                path = stem.with_name(f"{stem.name}-{suffix}.csv")
                path.write_bytes(export.csv_bytes(frame))
                written.append(path)
    if built.empty:
        print(f"Lưu ý: không có dữ liệu cho bộ lọc ({built.filter_label}); tệp chỉ có phần giới thiệu và thông báo "
              "này.", file=sys.stderr)
    for path in written:
        print(f"Đã ghi {path} — {built.filter_label}; phiên bản dữ liệu {catalog.version}; ngày {made:%d/%m/%Y}")
    return 0
