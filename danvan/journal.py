"""All-or-nothing saves across files, and the locks that go with them.

A save builds a transaction folder `data/history/.txn-<stamp>-<pid>/` holding a complete new version of every file
it changes (`tree/`) and a copy of their previous versions (`previous/`). Writing `journal.json` into that folder (by
rename, so it is there whole or not at all) is the commit point. The commit then renames each new file over the old
one, moves `previous/` to `data/history/<stamp>/`, appends the audit entry and removes the transaction folder.

After a kill at any instant, `recover()` — run by the next save and by every `danvan.load` — finishes a committed
transaction (the renames left undone, then the history and the audit entry) or discards an uncommitted one, so the
files in `data/` are exactly the old version or the new one and nothing temporary is left behind.

Two locks, both `flock` (released by the kernel when the holder dies, so a dead holder's lock is simply taken over):
- `history/.lock`, held for a whole save: one save at a time; it holds the holder's pid, host and start time so a
  save that waits too long can say who holds it;
- `history/.commit.lock`, held exclusively only while the renames run and shared by readers, so a reader never sees
  half a commit."""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import re
import shutil
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .model import DataError, Problem

HISTORY = "history"
AUDIT = "audit.jsonl"
TXN_PREFIX = ".txn-"
JOURNAL = "journal.json"
SAVE_LOCK = ".lock"
COMMIT_LOCK = ".commit.lock"
LOCK_TIMEOUT = 30.0  # seconds a save waits for another one before it gives up and says who holds the lock
READ_TIMEOUT = 10.0  # seconds a reader waits for a commit in progress (renames only: milliseconds in practice)

# Tests set this to a function called at every step of a save (to kill the process there, or to slow it down).
fault: Callable[[str], None] | None = None


def point(name: str) -> None:
    if fault is not None:
        fault(name)


class LockBusy(DataError):
    """Another save holds the data folder's lock for longer than the timeout; the message names the holder."""


# ---------------------------------------------------------------- locks


def _try_flock(fd: int, mode: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except OSError as err:
            if err.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
        if time.monotonic() >= deadline:
            return False
        time.sleep(delay)
        delay = min(delay * 2, 0.2)


def holder(root: Path) -> dict | None:
    """Who holds (or last held) the save lock: {"pid", "host", "since"}, or None when nobody wrote it."""
    try:
        text = (root / HISTORY / SAVE_LOCK).read_text(encoding="utf-8")
        info = json.loads(text) if text.strip() else None
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _busy_message(info: dict | None, timeout: float) -> str:
    if not info:
        return f"một lần lưu khác đang giữ khóa dữ liệu quá {timeout:g} giây; hãy thử lại sau"
    try:
        since = dt.datetime.fromisoformat(str(info.get("since"))).strftime("%H:%M:%S %d/%m/%Y")
    except ValueError:
        since = str(info.get("since"))
    return (
        f"một lần lưu khác đang giữ khóa dữ liệu quá {timeout:g} giây: tiến trình {info.get('pid')} trên máy "
        f"{info.get('host')}, từ {since}; hãy thử lại sau, hoặc dừng tiến trình đó nếu nó bị treo"
    )


@contextmanager
def save_lock(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """One save at a time per data folder, across processes; raise LockBusy naming the holder after `timeout`."""
    history = root / HISTORY
    history.mkdir(exist_ok=True)
    fd = os.open(history / SAVE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_flock(fd, fcntl.LOCK_EX, timeout):
            raise LockBusy([Problem(f"{HISTORY}/{SAVE_LOCK}", "", "", _busy_message(holder(root), timeout))])
        since = dt.datetime.now().isoformat(timespec="seconds")
        me = {"pid": os.getpid(), "host": socket.gethostname(), "since": since}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(me).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _commit_lock(root: Path, mode: int, timeout: float) -> Iterator[bool]:
    """The commit lock in `mode`; yields whether it was obtained within `timeout` (a reader goes on regardless)."""
    path = root / HISTORY / COMMIT_LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644) if mode == fcntl.LOCK_EX else os.open(path, os.O_RDONLY)
    except OSError:
        fd = None
    if fd is None:  # outside the handler, so that an error of the body is not chained to this one
        yield False  # no history folder (a fresh or read-only data folder): there is no commit to wait for
        return
    try:
        got = _try_flock(fd, mode, timeout)
        try:
            yield got
        finally:
            if got:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def reading(root: Path) -> Iterator[None]:
    """Hold off commits while a reader reads the folder: it sees the old version or the new one, never half of each."""
    with _commit_lock(root, fcntl.LOCK_SH, READ_TIMEOUT):
        yield


@contextmanager
def committing(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    with _commit_lock(root, fcntl.LOCK_EX, timeout) as got:
        if not got:
            raise LockBusy(
                [
                    Problem(
                        f"{HISTORY}/{COMMIT_LOCK}",
                        "",
                        "",
                        f"có người đọc dữ liệu giữ khóa quá {timeout:g} giây; hãy thử lại sau",
                    )
                ]
            )
        yield


# ---------------------------------------------------------------- the folder's files, and how long history is kept


def data_files(root: Path) -> list[Path]:
    """Every file of the data folder except history/, sorted. history/ is pruned from the walk, never entered: it
    grows with every save, and the loader's version and the snapshot's fingerprint run on every start."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        if Path(folder) == root and HISTORY in dirs:
            dirs.remove(HISTORY)
        found.extend(p for p in (Path(folder) / name for name in files) if p.is_file())
    return sorted(found)


KEEP_VERSIONS = 50  # previous versions always kept, the newest ones …
KEEP_DAYS = 180  # … and every previous version younger than this; the audit log is never pruned
_VERSION_NAME = re.compile(r"^(\d{8}-\d{6})-\d{6}(-1)*$")  # history/<stamp>/ as store.save names it


def prune_history(
    root: Path, now: dt.datetime, keep_versions: int = KEEP_VERSIONS, keep_days: int = KEEP_DAYS
) -> list[str]:
    """Remove previous versions that are both older than `keep_days` and not among the newest `keep_versions`.
    Only folders named like a save's stamp are considered: the audit log, locks and transactions are never touched.
    Returns the names removed."""
    history = root / HISTORY
    if not history.is_dir():
        return []
    versions = []
    for path in history.iterdir():
        match = _VERSION_NAME.match(path.name)
        if match and path.is_dir() and not path.is_symlink():
            versions.append((dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), path.name, path))
    versions.sort(reverse=True)
    cutoff = now - dt.timedelta(days=keep_days)
    removed = []
    for when, name, path in versions[keep_versions:]:
        if when < cutoff:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(name)
    return removed


# ---------------------------------------------------------------- files


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, content: bytes) -> None:
    """Write a new file (never through an existing hard link) and flush it to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with open(path, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def write_journal(txn: Path, journal: dict) -> None:
    """The commit point: the journal appears whole, by rename, or not at all."""
    tmp = txn / (JOURNAL + ".tmp")
    write_file(tmp, json.dumps(journal, ensure_ascii=False, indent=1).encode())
    point("journal-written")
    os.replace(tmp, txn / JOURNAL)
    fsync_dir(txn)
    point("committed")


# ---------------------------------------------------------------- commit and recovery


def roll_forward(root: Path, txn: Path) -> None:
    """Finish a committed transaction; every step is idempotent, so a kill during recovery is recovered again."""
    journal = json.loads((txn / JOURNAL).read_text(encoding="utf-8"))
    for relative in journal["files"]:
        staged = txn / "tree" / relative
        if staged.exists():  # not yet renamed into place
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
            point(f"renamed {relative}")
    for folder in {(root / r).parent for r in journal["files"]}:
        fsync_dir(folder)
    history = root / HISTORY
    previous = txn / "previous"
    if previous.exists():
        os.replace(previous, history / journal["stamp"])
        point("history")
    entry = journal.get("audit")
    if entry and not _audited(history / AUDIT, entry["id"]):
        with open(history / AUDIT, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        point("audited")
    (txn / JOURNAL).unlink()
    point("journal-removed")
    shutil.rmtree(txn, ignore_errors=True)


def _audited(path: Path, entry_id: str) -> bool:
    """Whether the audit log already has this save (its last lines are enough: a recovered save is the latest)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 65536))
            tail = handle.read().decode("utf-8", "replace")
    except FileNotFoundError:
        return False
    return f'"id": "{entry_id}"' in tail


def transactions(root: Path) -> list[Path]:
    history = root / HISTORY
    return sorted(history.glob(TXN_PREFIX + "*")) if history.is_dir() else []


def recover(root: Path, *, saving: bool = False, timeout: float = LOCK_TIMEOUT) -> list[str]:
    """Finish committed saves a kill interrupted and remove what unfinished ones left. Only the caller holding the
    save lock (`saving=True`), or any caller when no save runs, removes uncommitted transactions: a live save's
    staging folder is never touched. Returns what was done, for messages and tests."""
    pending = transactions(root)
    stale = _stale_temp_files(root)
    if not pending and not stale:
        return []
    done = []
    with committing(root, timeout):
        for txn in transactions(root):
            if (txn / JOURNAL).is_file():
                roll_forward(root, txn)
                done.append(f"hoàn tất lần lưu dở {txn.name}")
    uncommitted = [t for t in transactions(root) if not (t / JOURNAL).is_file()]
    if (uncommitted or stale) and (saving or _no_save_running(root)):
        for txn in uncommitted:
            shutil.rmtree(txn, ignore_errors=True)
            done.append(f"bỏ lần lưu chưa xong {txn.name}")
        for path in stale:
            path.unlink(missing_ok=True)
            done.append(f"xóa tệp tạm {path.relative_to(root).as_posix()}")
    return done


def _no_save_running(root: Path) -> bool:
    fd = os.open(root / HISTORY / SAVE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)  # closing the descriptor releases the lock
    return True


def _stale_temp_files(root: Path) -> list[Path]:
    """Temporary files that saves of earlier versions wrote beside the data (`.observations.yaml.x1y2.tmp`)."""
    found: list[Path] = []
    for folder in (root, root / "sources"):
        if folder.is_dir():
            found.extend(p for p in folder.glob(".*.tmp") if p.is_file())
    return found
