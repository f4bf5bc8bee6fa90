"""The command line: `python -m danvan validate [path]`."""

from __future__ import annotations

import argparse
import sys

from . import load
from .model import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m danvan", description="Công cụ dữ liệu công tác dân vận")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kiểm tra toàn bộ dữ liệu, in mọi lỗi và cảnh báo")
    validate.add_argument("path", nargs="?", default="data")
    ingest = commands.add_parser("ingest", help="đọc một bài viết, in bản nháp YAML các bản ghi để biên tập")
    ingest.add_argument("file", help="tệp văn bản của bài (UTF-8)")
    ingest.add_argument("--published", help="ngày đăng YYYY-MM-DD khi bài không ghi")
    ingest.add_argument("--province", help="tỉnh của nơi đăng bài, khi bài không nêu")
    ingest.add_argument("--data", default="data", help="thư mục dữ liệu (địa danh, chỉ tiêu)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.path)
    if args.command == "ingest":
        from .ingest import run_cli

        return run_cli(args.file, args.published, args.province, args.data)
    return 2


def _validate(path: str) -> int:
    try:
        catalog = load(path)
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
    return 0
