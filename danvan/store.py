"""Saving curated records safely: validate the whole catalog with the new records first, then write each changed
file atomically (temporary file, then rename), keeping the previous version under data/history/.

A failed validation writes nothing. Existing records are never rewritten: new records are appended to the end of
their file as YAML text, so comments and layout a curator wrote stay as they are."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from .loader import RECORD_FILES, load
from .model import DataError, Problem

HISTORY = "history"


@dataclass(frozen=True)
class Saved:
    files: list[str]  # the files written, relative to the data folder
    history: Path  # where the previous versions were kept


def record_keys(name: str) -> list[str]:
    """The fields a record of this file may have (the data contract); anything else in a draft is dropped."""
    return list(RECORD_FILES[name])


def save(root: str | Path, records: dict[str, list[dict]], texts: dict[str, str] | None = None, *,
         now: dt.datetime | None = None) -> Saved:
    """Append `records` ({"visits": [...], "observations": [...], "sources": [...], "documents": [...]}) and store
    `texts` ({source id: article text}) in the data folder, or raise DataError and write nothing."""
    root = Path(root)
    texts = texts or {}
    with _lock(root), tempfile.TemporaryDirectory(prefix="danvan-save-") as tmp:
        staging = Path(tmp) / "data"
        shutil.copytree(root, staging, ignore=shutil.ignore_patterns(HISTORY, "geo"))
        changed = []
        for source_id in texts:
            target = staging / "sources" / f"{source_id}.txt"
            if target.exists():
                raise DataError([Problem(f"sources/{source_id}.txt", "", "", "đã có văn bản lưu trữ với mã này")])
            target.write_text(texts[source_id], encoding="utf-8")
            changed.append(f"sources/{source_id}.txt")
        for name, items in records.items():
            if not items:
                continue
            keys = record_keys(name)
            clean = [{k: item[k] for k in keys if k in item and item[k] not in (None, "", [])} for item in items]
            path = staging / f"{name}.yaml"
            existing = path.read_text(encoding="utf-8") if path.exists() else ""
            block = yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=120)
            path.write_text(existing + ("" if existing.endswith("\n") or not existing else "\n") + block,
                            encoding="utf-8")
            changed.append(f"{name}.yaml")
        if not changed:
            raise DataError([Problem("", "", "", "không có bản ghi nào để lưu")])
        load(staging)  # raises DataError with every problem: nothing has been written yet

        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
        history = root / HISTORY / stamp
        for relative in changed:
            current = root / relative
            if current.exists():
                (history / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(current, history / relative)
        for relative in changed:
            _replace(root / relative, (staging / relative).read_bytes())
    return Saved(files=changed, history=history)


def _replace(path: Path, content: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path` (atomic on POSIX)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _lock(root: Path) -> Iterator[None]:
    """One save at a time per data folder, across processes (two curators saving at once)."""
    (root / HISTORY).mkdir(exist_ok=True)
    with open(root / HISTORY / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
