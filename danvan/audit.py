"""The audit log of saves: data/history/audit.jsonl, one JSON line per save, appended by danvan.store (through the
journal, so a save that committed always has its line and one that did not never has). Read, flattened to a table,
exported: `python -m danvan audit --csv FILE`."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from .journal import AUDIT, HISTORY

COLUMNS = ("time", "author", "note", "file", "added", "changed", "removed", "id")


@dataclass(frozen=True)
class Entry:
    id: str
    time: str
    author: str
    note: str
    files: dict[str, dict[str, list[str]]]  # file → {"added": ids, "changed": ids, "removed": ids}


def path(root: str | Path) -> Path:
    return Path(root) / HISTORY / AUDIT


def entries(root: str | Path) -> tuple[list[Entry], list[int]]:
    """Every entry, oldest first, and the numbers of lines that could not be read (shown, never dropped silently)."""
    found, broken = [], []
    try:
        lines = path(root).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            found.append(
                Entry(
                    str(raw["id"]),
                    str(raw["time"]),
                    str(raw["author"]),
                    str(raw["note"]),
                    {str(f): {k: [str(i) for i in v] for k, v in what.items()} for f, what in raw["files"].items()},
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            broken.append(number)
    return found, broken


def rows(found: list[Entry]) -> list[dict[str, str]]:
    """One row per file of each save; ids joined by " | "."""
    return [
        {
            "time": e.time,
            "author": e.author,
            "note": e.note,
            "file": file,
            "added": " | ".join(what.get("added", [])),
            "changed": " | ".join(what.get("changed", [])),
            "removed": " | ".join(what.get("removed", [])),
            "id": e.id,
        }
        for e in found
        for file, what in e.files.items()
    ]


def csv_bytes(found: list[Entry]) -> bytes:
    """UTF-8 with a BOM, so that Excel opens Vietnamese text correctly; a cell never starts a formula."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(found):
        writer.writerow({k: ("'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v) for k, v in row.items()})
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def add_cli(commands: argparse._SubParsersAction) -> None:
    audit = commands.add_parser("audit", help="nhật ký các lần lưu: ai, khi nào, thay đổi gì, vì sao")
    audit.add_argument("--data", default="data", help="thư mục dữ liệu")
    audit.add_argument("--csv", dest="csv_file", help="ghi ra tệp CSV thay vì in")
    audit.set_defaults(run=run_cli)


def run_cli(args: argparse.Namespace) -> int:
    found, broken = entries(args.data)
    for number in broken:
        print(f"{path(args.data)}: dòng {number} không đọc được", file=sys.stderr)
    if args.csv_file:
        Path(args.csv_file).write_bytes(csv_bytes(found))
        print(f"Đã ghi {len(found)} lần lưu vào {args.csv_file}")
    else:
        for row in rows(found):
            print(f"{row['time']}  {row['author']}  {row['file']}  +[{row['added']}]  “{row['note']}”")
    return 1 if broken else 0
