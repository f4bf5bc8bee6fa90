"""A columnar snapshot of a validated catalog: one Parquet file per frame and a small manifest, so that a process
starting on a national-scale dataset reads the frames instead of parsing and validating 230 MB of text again.

The curated files stay the only source of truth. A snapshot is a cache, written by `python -m danvan validate
--snapshot` or by the first `load(path, snapshot=True)`, and used only while it matches:
- its key is the data's fingerprint (every file's path and size, its modification time when larger than
  SMALL_FILE, its content hash when smaller — the YAML that curators edit is hashed, the generated 200 MB tables are
  stat'ed) together with the version of the loading code (loader, model, text and number rules);
- the manifest records a SHA-256 of every file it lists and a digest of itself: a snapshot edited by hand, cut
  short or corrupted is not trusted — it is ignored and rebuilt from the files;
- a catalog validated without the quote check (generated benchmark data) never serves a load that asks for it.

The snapshot lives outside the reviewed data: `<data>/../.snapshot/<data folder name>/` by default (git-ignored), or
under DANVAN_SNAPSHOT_DIR. Writers build in a temporary folder and rename it into place, so processes that start
together (replicas) never read a half-written snapshot; old snapshots of the same folder are removed."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import polars as pl
import yaml

from . import journal
from .model import Catalog, Problem

FORMAT = 1
SMALL_FILE = 1 << 20  # files up to 1 MiB are fingerprinted by content, larger ones by size and modification time
FRAMES = ("units", "places", "sources", "documents", "indicators", "visits", "findings", "observations", "followups")
CODE_FILES = ("loader.py", "model.py", "text.py", "fmt.py", "snapshot.py")  # what decides the loaded frames
LARGE = 16 << 20  # a running app starts a data folder larger than this (≈ seconds to validate) from its snapshot
MANIFEST = "manifest.json"
TEXTS = "texts.json"


def folder(root: Path) -> Path:
    """Where the snapshots of the data folder `root` are kept."""
    base = os.environ.get("DANVAN_SNAPSHOT_DIR")
    root = root.resolve()
    chosen = Path(base).resolve() / root.name if base else root.parent / ".snapshot" / root.name
    # never inside the data folder: the loader's stamp and the fingerprint would see every write as a data change
    return root.parent / ".snapshot" / root.name if chosen.is_relative_to(root) else chosen


def wanted(root: str | Path) -> bool:
    """Whether a running app should load the data folder through its snapshot: as DANVAN_SNAPSHOT says when it is
    set (1 or 0), otherwise when the folder's files total more than LARGE — a national dataset, whose validation takes
    seconds; the curated data loads from its files in a fraction of a second and writes nothing beside itself."""
    value = os.environ.get("DANVAN_SNAPSHOT", "").strip().lower()
    if value:
        return value not in ("0", "false", "no", "off")
    total = 0
    try:
        for path in _data_files(Path(root)):
            total += path.stat().st_size
            if total > LARGE:
                return True
    except OSError:  # a file vanishing mid-walk: decided on the next load
        return False
    return False


def _data_files(root: Path) -> list[Path]:
    # The same files as the catalog's version (loader._version): everything but the curation history, not walked.
    return journal.data_files(root)


def fingerprint(root: Path) -> str:
    """A key that changes whenever a data file (or the code that loads it) changes, cheap enough for every start:
    large files are stat'ed, small files hashed (an edit that keeps size and time still changes the key)."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for path in _data_files(root):
        stat = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0".encode())
        if stat.st_size <= SMALL_FILE:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(str(stat.st_mtime_ns).encode())
    code = Path(__file__).resolve().parent
    for name in CODE_FILES:
        digest.update(hashlib.sha256((code / name).read_bytes()).digest())
    return digest.hexdigest()[:32]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def _self_digest(manifest: dict) -> str:
    body = {k: v for k, v in manifest.items() if k != "digest"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def write(root: Path, catalog: Catalog, *, verified_quotes: bool, key: str | None = None) -> Path:
    """Write the snapshot of a validated catalog; returns its folder. `key` is the fingerprint taken before the
    files were read (so a file changed during the load makes the snapshot stale, not wrong)."""
    key = key or fingerprint(root)
    home = folder(root)
    home.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=home))
    work.chmod(0o755)  # mkdtemp's 0700 would hide it from other service users reading the same data
    try:
        files = {}
        for name in FRAMES:
            target = work / f"{name}.parquet"
            getattr(catalog, name).write_parquet(target, compression="lz4", statistics=False)
            files[target.name] = _sha256(target)
        (work / TEXTS).write_text(json.dumps(catalog.texts, ensure_ascii=False), encoding="utf-8")
        files[TEXTS] = _sha256(work / TEXTS)
        manifest = {
            "format": FORMAT,
            "fingerprint": key,
            "version": catalog.version,
            "verified_quotes": verified_quotes,
            "dataset": yaml.safe_dump(catalog.dataset, allow_unicode=True, sort_keys=False),
            "warnings": [dataclasses.asdict(p) for p in catalog.warnings],
            "files": files,
            "note": "Bản chụp tự động của dữ liệu đã kiểm tra — không sửa tay; sai lệch thì bị bỏ qua và tạo lại.",
        }
        manifest["digest"] = _self_digest(manifest)
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        final = home / key
        try:
            work.rename(final)
        except OSError:  # another process wrote the same snapshot first, or a broken one is in the way
            if read(root, key, verified_quotes) is not None:
                shutil.rmtree(work, ignore_errors=True)
                return final
            shutil.rmtree(final, ignore_errors=True)
            work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    for old in home.iterdir():  # snapshots of earlier versions of the data, and leftovers of failed writes
        if old.name != key and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)
    return final


def read(root: Path, key: str, need_verified_quotes: bool) -> Catalog | None:
    """The catalog from the snapshot with this key, or None when there is none or it cannot be trusted."""
    where = folder(root) / key
    try:
        manifest = json.loads((where / MANIFEST).read_text(encoding="utf-8"))
        if (
            manifest.get("format") != FORMAT
            or manifest.get("fingerprint") != key
            or manifest.get("digest") != _self_digest(manifest)
            or (need_verified_quotes and not manifest.get("verified_quotes"))
        ):
            return None
        files = manifest["files"]
        if set(files) != {f"{name}.parquet" for name in FRAMES} | {TEXTS}:
            return None
        for name, digest in files.items():
            if _sha256(where / name) != digest:
                return None
        # one chunk per column, as the loader returns: row groups would leave the frames chunked
        frames = {name: pl.read_parquet(where / f"{name}.parquet").rechunk() for name in FRAMES}
        texts = json.loads((where / TEXTS).read_text(encoding="utf-8"))
        dataset = yaml.safe_load(manifest["dataset"]) or {}
        warnings = [Problem(**p) for p in manifest["warnings"]]
        return Catalog(**frames, texts=texts, dataset=dataset, version=manifest["version"], warnings=warnings)
    except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError, pl.exceptions.PolarsError):
        return None  # missing, unreadable or altered: rebuilt from the files


def cached_load(root: Path, *, verify_quotes: bool, load: Callable[[], Catalog]) -> Catalog:
    """The catalog from the snapshot when it matches the files, else from `load()` (which validates the files and
    raises DataError when they are not valid), writing the snapshot for the next start. A folder where the snapshot
    cannot be written still loads."""
    if not root.is_dir():
        return load()
    key = fingerprint(root)
    found = read(root, key, verify_quotes)
    if found is not None:
        return found
    catalog = load()
    with contextlib.suppress(OSError):  # a read-only place: every start loads from the files, as without one
        write(root, catalog, verified_quotes=verify_quotes, key=key)
    return catalog
