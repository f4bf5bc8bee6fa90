"""Saving curated records safely: validate the whole catalog with the new records first, then commit every changed
file in one all-or-nothing step (see journal.py), keeping the previous versions under data/history/<time>/ and a line
in the audit log data/history/audit.jsonl (who, when, what, why).

A failed validation writes nothing. Existing records are never rewritten: new records are appended to the end of
their file as YAML text, so comments and layout a curator wrote stay as they are. A save killed at any instant leaves
the old version or the new one; the next save or load finishes or discards it (journal.recover)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import journal
from .journal import AUDIT, HISTORY, LOCK_TIMEOUT, TXN_PREFIX, LockBusy, point
from .loader import RECORD_FILES, load
from .model import DataError, Problem, source_id_problem, valid_source_id

__all__ = ["AUDIT", "HISTORY", "LockBusy", "Saved", "check", "record_keys", "save"]


@dataclass(frozen=True)
class Saved:
    files: list[str]  # the files written, relative to the data folder
    history: Path  # where the previous versions were kept
    audit: dict  # the entry appended to the audit log


def record_keys(name: str) -> list[str]:
    """The fields a record of this file may have (the data contract); anything else in a draft is dropped."""
    return list(RECORD_FILES[name])


def save(
    root: str | Path,
    records: dict[str, list[dict]],
    texts: dict[str, str] | None = None,
    *,
    author: str | None = None,
    note: str | None = None,
    now: dt.datetime | None = None,
    lock_timeout: float = LOCK_TIMEOUT,
) -> Saved:
    """Append `records` ({"visits": [...], "observations": [...], "sources": [...], "documents": [...]}) and store
    `texts` ({source id: article text}) in the data folder, or raise DataError and write nothing.

    `author` (the signed-in account) and `note` (why) are required: they go to the audit log with what was added.
    Raises LockBusy (a DataError naming the holder) when another save holds the folder longer than `lock_timeout`."""
    root = Path(root)
    texts = texts or {}
    author, note = (author or "").strip(), (note or "").strip()
    missing = []
    if not author:
        missing.append(Problem("", "", "author", "cần ghi người lưu (tài khoản biên tập viên)"))
    if not note:
        missing.append(Problem("", "", "note", "cần ghi lý do lưu (một ghi chú ngắn)"))
    missing += _bad_names(records, texts)
    if missing:
        raise DataError(missing)
    with journal.save_lock(root, lock_timeout):
        journal.recover(root, saving=True)  # what a killed save left: finished or removed before anything else
        _clean_system_temp()
        when = now or dt.datetime.now()
        stamp = when.strftime("%Y%m%d-%H%M%S-%f")
        while (root / HISTORY / stamp).exists():  # two saves stamped alike (a fixed `now`): keep both histories
            stamp += "-1"
        txn = root / HISTORY / f"{TXN_PREFIX}{stamp}-{os.getpid()}"
        committed = False
        try:
            changed, added = _stage(root, txn / "tree", records, texts)
            entry = {
                "id": txn.name.removeprefix(TXN_PREFIX),
                "time": when.isoformat(timespec="seconds"),
                "author": author,
                "note": note,
                "files": {f: {"added": added.get(f, []), "changed": [], "removed": []} for f in changed},
            }
            for relative in changed:
                if (root / relative).exists():
                    (txn / "previous" / relative).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(root / relative, txn / "previous" / relative)
                    point(f"previous {relative}")
            with journal.committing(root, lock_timeout):
                journal.write_journal(txn, {"stamp": stamp, "files": changed, "audit": entry})
                committed = True
                journal.roll_forward(root, txn)
        except BaseException:
            if not committed:  # after the commit point the transaction is finished by recovery, never undone
                shutil.rmtree(txn, ignore_errors=True)
            raise
        journal.prune_history(root, when)  # the retention policy: see journal.KEEP_VERSIONS, KEEP_DAYS
    return Saved(files=changed, history=root / HISTORY / stamp, audit=entry)


def check(root: str | Path, records: dict[str, list[dict]], texts: dict[str, str] | None = None) -> list[Problem]:
    """Every problem a save of `records` and `texts` would be refused for, writing nothing to the folder: the same
    staging and validation as save(), in a copy that is thrown away (to list them all at once beside problems found
    before a save is tried)."""
    root, texts = Path(root), texts or {}
    if problems := _bad_names(records, texts):
        return problems
    history = root / HISTORY
    with tempfile.TemporaryDirectory(prefix=".check-", dir=history if history.is_dir() else None) as tmp:
        try:
            _stage(root, Path(tmp) / "tree", records, texts)
        except DataError as err:
            return err.problems
    return []


# The files a save may append records to (indicators, units and places are edited by hand, reviewed).
SAVED_FILES = ("sources", "documents", "visits", "observations", "followups")  # indicators: edited by hand


def _bad_names(records: dict[str, list[dict]], texts: dict[str, str]) -> list[Problem]:
    """Every name a path would be built from, checked before any is: record files, source ids (issue: an id such as
    `../../tmp/x` wrote a file outside data/ before the validation ran)."""
    problems = [
        Problem(f"{name}", "", "", f"không lưu được vào tệp này; chỉ: {', '.join(SAVED_FILES)}")
        for name in records
        if name not in SAVED_FILES
    ]
    ids = [*texts, *(item.get("id") for item in records.get("sources", []) if isinstance(item, dict))]
    problems += [
        Problem("sources.yaml", "", "id", source_id_problem(i)) for i in dict.fromkeys(ids) if not valid_source_id(i)
    ]
    return problems


def _inside(tree: Path, relative: str) -> Path:
    """The path of `relative` in the staging tree, refused if it resolves anywhere else (a second line of defence)."""
    path = tree / relative
    if not path.resolve().is_relative_to(tree.resolve()):
        raise DataError([Problem(relative, "", "", "đường dẫn ra ngoài thư mục dữ liệu")])
    return path


def _stage(
    root: Path, tree: Path, records: dict[str, list[dict]], texts: dict[str, str]
) -> tuple[list[str], dict[str, list[str]]]:
    """A complete copy of the folder with the changes applied, validated; returns the changed files and the ids
    added to each. Unchanged files are hard links (no copy of a large folder); changed ones are written anew."""
    shutil.copytree(root, tree, symlinks=True, ignore=shutil.ignore_patterns(HISTORY, "geo"), copy_function=_link)
    point("copied")
    changed: list[str] = []
    added: dict[str, list[str]] = {}
    for source_id, text in texts.items():
        relative = f"sources/{source_id}.txt"
        path = _inside(tree, relative)
        if path.exists():
            raise DataError([Problem(relative, "", "", "đã có văn bản lưu trữ với mã này")])
        journal.write_file(path, text.encode("utf-8"))
        changed.append(relative)
        added[relative] = [source_id]
        point(f"staged {relative}")
    for name, items in records.items():
        if not items:
            continue
        keys = record_keys(name)
        clean = [{k: item[k] for k in keys if k in item and item[k] not in (None, "", [])} for item in items]
        path = _inside(tree, f"{name}.yaml")
        existing = path.read_bytes() if path.exists() else b""
        block = yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=120).encode("utf-8")
        separator = b"" if existing.endswith(b"\n") or not existing else b"\n"
        journal.write_file(path, existing + separator + block)
        changed.append(f"{name}.yaml")
        added[f"{name}.yaml"] = [str(item.get(keys[0])) for item in clean]
        point(f"staged {name}.yaml")
    if not changed:
        raise DataError([Problem("", "", "", "không có bản ghi nào để lưu")])
    load(tree)  # raises DataError with every problem: nothing has been written to the data folder yet
    point("validated")
    return changed, added


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _clean_system_temp() -> None:
    """Folders that saves of earlier versions staged in the system temp folder and a kill left behind."""
    for path in Path(tempfile.gettempdir()).glob("danvan-save-*"):
        try:
            if time.time() - path.stat().st_mtime > 60:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue
