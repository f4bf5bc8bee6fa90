"""The columnar snapshot (danvan/snapshot.py): the same catalog as the files, rebuilt when the files change, never
trusted when altered."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import danvan
from danvan import cli, snapshot
from danvan.loader import stamp


@pytest.fixture(autouse=True)
def snapshot_dir(tmp_path: Path, monkeypatch) -> Path:
    target = tmp_path / "snapshots"
    monkeypatch.setenv("DANVAN_SNAPSHOT_DIR", str(target))
    monkeypatch.delenv("DANVAN_SNAPSHOT", raising=False)
    return target


class Counting:
    """The full load from the files, counted: 0 calls means the catalog came from the snapshot."""

    def __init__(self, root: Path, verify_quotes: bool = True) -> None:
        self.root, self.verify, self.calls = root, verify_quotes, 0

    def __call__(self) -> danvan.Catalog:
        self.calls += 1
        return danvan.load(self.root, verify_quotes=self.verify, snapshot=False)

    def load(self) -> danvan.Catalog:
        return snapshot.cached_load(self.root, verify_quotes=self.verify, load=self)


def assert_same(a: danvan.Catalog, b: danvan.Catalog) -> None:
    for name in snapshot.FRAMES:
        left, right = getattr(a, name), getattr(b, name)
        assert left.schema == right.schema, name
        assert left.equals(right), name
    assert (a.texts, a.dataset, a.version, a.warnings) == (b.texts, b.dataset, b.version, b.warnings)


@pytest.mark.parametrize("which", ["mini", "data_copy"])
def test_round_trip_equals_the_loaded_catalog(which: str, request) -> None:
    root = request.getfixturevalue(which)
    loading = Counting(root)
    first = loading.load()
    second = loading.load()
    assert loading.calls == 1  # the second came from the snapshot
    assert_same(first, danvan.load(root))
    assert_same(second, first)
    assert second.warnings == first.warnings and (which != "data_copy" or second.warnings)  # curated has warnings


def test_load_uses_the_snapshot_when_asked(mini: Path, snapshot_dir: Path) -> None:
    danvan.load(mini)
    assert not snapshot_dir.exists()  # off by default: nothing written
    catalog = danvan.load(mini, snapshot=True)
    key = snapshot.fingerprint(mini)
    assert (snapshot_dir / "mini" / key / "manifest.json").is_file()
    assert_same(danvan.load(mini, snapshot=True), catalog)


def test_a_changed_file_makes_the_snapshot_stale(mini: Path, snapshot_dir: Path) -> None:
    loading = Counting(mini)
    before = loading.load()
    old_key = snapshot.fingerprint(mini)
    dataset = mini / "dataset.yaml"
    dataset.write_text(dataset.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    after = loading.load()
    assert loading.calls == 2 and after.version != before.version
    assert [p.name for p in (snapshot_dir / "mini").iterdir()] == [snapshot.fingerprint(mini)]  # the old one removed
    assert snapshot.fingerprint(mini) != old_key
    loading.load()
    assert loading.calls == 2


def test_a_large_file_is_keyed_by_its_time(mini: Path, monkeypatch) -> None:
    monkeypatch.setattr(snapshot, "SMALL_FILE", 0)  # every file counts as large: size and modification time
    key = snapshot.fingerprint(mini)
    units = mini / "units.csv"
    stat = units.stat()
    os.utime(units, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert snapshot.fingerprint(mini) != key


def test_invalid_files_are_reported_even_with_a_snapshot(mini: Path) -> None:
    loading = Counting(mini)
    loading.load()
    visits = mini / "visits.yaml"
    visits.write_text(
        visits.read_text(encoding="utf-8").replace("date_start:", "date_start: 31/02/2024 #", 1), encoding="utf-8"
    )
    with pytest.raises(danvan.DataError):
        loading.load()


@pytest.mark.parametrize("damage", ["parquet", "texts", "manifest", "truncated", "missing"])
def test_an_altered_snapshot_is_ignored_and_rebuilt(mini: Path, snapshot_dir: Path, damage: str) -> None:
    loading = Counting(mini)
    good = loading.load()
    where = snapshot_dir / "mini" / snapshot.fingerprint(mini)
    if damage == "parquet":
        path = where / "visits.parquet"
        raw = bytearray(path.read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        path.write_bytes(bytes(raw))
    elif damage == "texts":  # valid JSON, another text: only the hash tells
        texts = json.loads((where / "texts.json").read_text(encoding="utf-8"))
        texts[next(iter(texts))] = "văn bản sửa tay"
        (where / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    elif damage == "manifest":  # a figure changed in the manifest by hand
        manifest = json.loads((where / "manifest.json").read_text(encoding="utf-8"))
        manifest["version"] = "000000000000"
        (where / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elif damage == "truncated":
        path = where / "observations.parquet"
        path.write_bytes(path.read_bytes()[:100])
    else:
        (where / "units.parquet").unlink()
    assert snapshot.read(mini, snapshot.fingerprint(mini), True) is None
    rebuilt = loading.load()
    assert loading.calls == 2
    assert_same(rebuilt, good)
    assert_same(loading.load(), good)  # and the rebuilt snapshot is trusted again
    assert loading.calls == 2


def test_an_unverified_snapshot_never_serves_a_verified_load(mini: Path) -> None:
    dataset = mini / "dataset.yaml"  # only generated data may skip the quote check
    dataset.write_text(
        dataset.read_text(encoding="utf-8").replace("generated: false", "generated: true"), encoding="utf-8"
    )
    unverified = Counting(mini, verify_quotes=False)
    unverified.load()
    verified = Counting(mini)
    verified.load()
    assert verified.calls == 1  # the snapshot without the quote check was not used
    unverified.load()
    assert unverified.calls == 1  # the verified one serves the unverified load


def test_validate_snapshot_writes_it(mini: Path, snapshot_dir: Path, capsys) -> None:
    assert cli.main(["validate", str(mini), "--snapshot"]) == 0
    out = capsys.readouterr().out
    key = snapshot.fingerprint(mini)
    assert str(snapshot_dir / "mini" / key) in out
    assert snapshot.read(mini, key, True) is not None


def test_wanted_for_large_folders_unless_the_environment_says(mini: Path, monkeypatch) -> None:
    assert not snapshot.wanted(mini)  # a few KB: loaded from its files
    monkeypatch.setattr(snapshot, "LARGE", 1000)
    assert snapshot.wanted(mini)
    monkeypatch.setenv("DANVAN_SNAPSHOT", "0")
    assert not snapshot.wanted(mini)
    monkeypatch.setattr(snapshot, "LARGE", 1 << 40)
    monkeypatch.setenv("DANVAN_SNAPSHOT", "1")
    assert snapshot.wanted(mini)


def test_load_or_keep_passes_the_choice_on(mini: Path, snapshot_dir: Path) -> None:
    catalog, error = danvan.load_or_keep(mini, snapshot=False)
    assert error is None and catalog is not None and not snapshot_dir.exists()
    again, error = danvan.load_or_keep(mini, snapshot=True)
    assert error is None and [p.name for p in (snapshot_dir / mini.name).iterdir()] == [snapshot.fingerprint(mini)]
    assert_same(again, catalog)


def test_a_snapshot_folder_inside_the_data_is_moved_beside_it(mini: Path, monkeypatch) -> None:
    monkeypatch.setenv("DANVAN_SNAPSHOT_DIR", str(mini / "snap"))
    assert snapshot.folder(mini) == mini.resolve().parent / ".snapshot" / mini.name
    before = stamp(mini)
    danvan.load(mini, snapshot=True)
    assert stamp(mini) == before and not (mini / "snap").exists()
