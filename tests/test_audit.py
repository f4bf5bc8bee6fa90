"""The audit log: every save appends who, when, what (ids added per file) and why; a refused save appends nothing;
the log is append-only and exports to CSV from the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from danvan import DataError, audit, store

ROOT = Path(__file__).resolve().parent.parent
NEW = {
    "id": "o9",
    "indicator": "dvk_models_registered",
    "province": "20",
    "period": "2022",
    "value": 5,
    "status": "reported",
    "source": "t1",
    "quote": "có 1.291 mô hình",
}


def test_each_save_appends_who_when_what_why(mini):
    store.save(
        mini, {"observations": [NEW]}, author="lan", note="bổ sung số liệu 2022", now=dt.datetime(2026, 3, 1, 9, 30)
    )
    first = audit.path(mini).read_bytes()
    text = "Năm 2023, toàn huyện có 12 mô hình “Dân vận khéo” được đăng ký.\n"
    store.save(
        mini,
        {
            "sources": [{"id": "n01", "title": "Bài mới"}],
            "observations": [NEW | {"id": "o10", "source": "n01", "quote": "có 12 mô hình"}],
        },
        {"n01": text},
        author="minh",
        note="=bài mới",
        now=dt.datetime(2026, 3, 2, 10, 0),
    )
    assert audit.path(mini).read_bytes().startswith(first)  # appended, earlier lines untouched
    found, broken = audit.entries(mini)
    assert broken == []
    assert [(e.time, e.author, e.note) for e in found] == [
        ("2026-03-01T09:30:00", "lan", "bổ sung số liệu 2022"),
        ("2026-03-02T10:00:00", "minh", "=bài mới"),
    ]
    assert found[0].files == {"observations.yaml": {"added": ["o9"], "changed": [], "removed": []}}
    assert found[1].files == {
        "sources/n01.txt": {"added": ["n01"], "changed": [], "removed": []},
        "sources.yaml": {"added": ["n01"], "changed": [], "removed": []},
        "observations.yaml": {"added": ["o10"], "changed": [], "removed": []},
    }


def test_a_refused_save_leaves_no_entry(mini):
    with pytest.raises(DataError):
        store.save(mini, {"observations": [NEW | {"indicator": "no_such"}]}, author="lan", note="thử")
    assert audit.entries(mini) == ([], [])


def test_broken_lines_are_reported_not_dropped(mini):
    store.save(mini, {"observations": [NEW]}, author="lan", note="một")
    with open(audit.path(mini), "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    found, broken = audit.entries(mini)
    assert len(found) == 1 and broken == [2]


def test_csv_export_from_the_command_line(mini, tmp_path):
    store.save(mini, {"observations": [NEW, NEW | {"id": "o10"}]}, author="lan", note='=HYPERLINK("x")')
    out = tmp_path / "audit.csv"
    done = subprocess.run(
        [sys.executable, "-m", "danvan", "audit", "--data", str(mini), "--csv", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["author"], r["file"], r["added"]) for r in rows] == [("lan", "observations.yaml", "o9 | o10")]
    assert rows[0]["note"] == '\'=HYPERLINK("x")'  # never a formula in a spreadsheet
