"""Saving curated records: validated first, atomic, with history; a failed validation writes nothing."""

import datetime as dt
import os
from pathlib import Path

import pytest

import danvan
from danvan import DataError, store

WHO = {"author": "bt-vien", "note": "bài mới về Lạng Sơn"}

NEW = {
    "id": "o9",
    "indicator": "dvk_models_registered",
    "province": "20",
    "period": "2022",
    "value": 5,
    "status": "reported",
    "source": "t1",
    "quote": "có 1.291 mô hình",
    "confidence": 0.9,
    "subject": "mô hình",
}


def snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and "history" not in p.parts
    }


def test_save_appends_validates_and_keeps_history(mini):
    before = (mini / "observations.yaml").read_bytes()
    saved = store.save(mini, {"observations": [NEW]}, **WHO, now=dt.datetime(2026, 11, 23, 8, 0, 0))
    assert saved.files == ["observations.yaml"]
    assert (saved.history / "observations.yaml").read_bytes() == before  # the previous version is kept
    after = (mini / "observations.yaml").read_bytes()
    assert after.startswith(before)  # existing records untouched, new ones appended
    catalog = danvan.load(mini)
    assert catalog.observations.height == 5
    assert "confidence" not in after.decode() and "subject" not in after.decode()  # only contract fields


def test_failed_validation_writes_nothing(mini):
    before = snapshot(mini)
    bad = NEW | {"quote": "không có trong bài", "indicator": "no_such"}
    with pytest.raises(DataError) as err:
        store.save(mini, {"observations": [bad]}, **WHO)
    assert {p.field for p in err.value.problems if p.severity == "error"} == {"quote", "indicator"}
    assert snapshot(mini) == before


def test_a_check_names_what_a_save_would_refuse_and_writes_nothing(mini):
    before = snapshot(mini)
    bad = NEW | {"quote": "không có trong bài", "indicator": "no_such"}
    assert {p.field for p in store.check(mini, {"observations": [bad]}) if p.severity == "error"} == {
        "quote",
        "indicator",
    }
    assert store.check(mini, {"observations": [NEW]}) == []
    assert snapshot(mini) == before and danvan.load(mini).observations.height == 4


def test_two_saves_in_a_row_and_no_duplicates(mini):
    store.save(mini, {"observations": [NEW]}, **WHO)
    store.save(mini, {"observations": [NEW | {"id": "o10", "value": 6}]}, **WHO)
    assert sorted(danvan.load(mini).observations["observation_id"]) == ["o1", "o10", "o2", "o3", "o4", "o9"]
    with pytest.raises(DataError) as err:  # the same record again would be a duplicate: refused, nothing written
        store.save(mini, {"observations": [NEW]}, **WHO)
    assert any(p.message == "mã trùng với một bản ghi khác" for p in err.value.problems)
    assert danvan.load(mini).observations.height == 6


def test_new_source_with_its_text(mini):
    text = "Năm 2023, toàn huyện có 12 mô hình “Dân vận khéo” được đăng ký.\n"
    source = {"id": "n01", "title": "Bài mới", "published": "2023-12-01"}
    obs = NEW | {"id": "o-n01", "source": "n01", "quote": "có 12 mô hình", "value": 12, "period": "2023"}
    saved = store.save(mini, {"sources": [source], "observations": [obs]}, {"n01": text}, **WHO)
    assert sorted(saved.files) == ["observations.yaml", "sources.yaml", "sources/n01.txt"]
    assert (mini / "sources" / "n01.txt").read_text(encoding="utf-8") == text
    assert danvan.load(mini).sources.height == 3


def test_nothing_to_save_is_refused(mini):
    with pytest.raises(DataError):
        store.save(mini, {"observations": []}, **WHO)


@pytest.mark.parametrize(
    ("who", "fields"),
    [({}, {"author", "note"}), ({"author": "a"}, {"note"}), ({"author": " ", "note": "lý do"}, {"author"})],
)
def test_a_save_needs_an_author_and_a_note(mini, who, fields):
    before = snapshot(mini)
    with pytest.raises(DataError) as err:
        store.save(mini, {"observations": [NEW]}, **who)
    assert {p.field for p in err.value.problems} == fields
    assert snapshot(mini) == before


# ---------------------------------------------------------------- ids that would become paths (issue 14 §1)


@pytest.mark.parametrize(
    "bad", ["../../../../tmp/x/PWNED", "/tmp/x/PWNED", "a/b", "a\\b", ".hidden", "x" * 4000, "n01\n", "mã-nguồn", ""]
)
def test_a_source_id_never_becomes_a_path_outside_data(mini, tmp_path, bad):
    outside = tmp_path / "x"
    outside.mkdir()
    before = snapshot(mini)
    source = {"id": bad, "title": "Bài mới", "published": "2023-12-01"}
    with pytest.raises(DataError) as err:
        store.save(mini, {"sources": [source]}, {bad: "Năm 2023 có 12 mô hình.\n"}, **WHO)
    assert [p.field for p in err.value.problems] == ["id"]
    assert "mã nguồn" in err.value.problems[0].message
    assert list(outside.iterdir()) == [] and not list(mini.parent.glob("**/PWNED.txt"))
    assert snapshot(mini) == before


def test_an_unknown_record_file_is_refused(mini):
    with pytest.raises(DataError) as err:
        store.save(mini, {"../../evil": [{"id": "x"}]}, **WHO)
    assert "../../evil" in str(err.value)


@pytest.mark.parametrize("bad", ["a/b", "x" * 4000, "../x"])
def test_the_loader_reports_a_bad_source_id(mini, bad):
    text = (mini / "sources.yaml").read_text(encoding="utf-8")
    (mini / "sources.yaml").write_text(text + f"- id: '{bad}'\n  title: Bài lạ\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        danvan.load(mini)
    assert any(p.field == "id" and "mã nguồn" in p.message for p in err.value.problems)


# ---------------------------------------------------------------- history: never walked on a rerun, kept for a while


def test_the_version_stamp_and_fingerprint_never_enter_history(mini, monkeypatch):
    from danvan import journal, loader, snapshot

    store.save(mini, {"observations": [NEW]}, **WHO)
    (mini / "history" / "20200101-000000-000000" / "deep").mkdir(parents=True)
    entered = []
    real = os.scandir

    def scandir(path=".", *args):
        entered.append(Path(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    files = journal.data_files(mini)
    loader.stamp(mini)
    version = loader._version(mini)
    snapshot.fingerprint(mini)
    assert entered and not [p for p in entered if "history" in p.relative_to(mini).parts]
    assert "observations.yaml" in [p.name for p in files] and not [p for p in files if "history" in p.parts]
    assert len(version) == 12


def make_versions(root, days_ago: list[int], now: dt.datetime) -> list[str]:
    names = []
    for days in days_ago:
        name = (now - dt.timedelta(days=days)).strftime("%Y%m%d-%H%M%S-%f")
        (root / "history" / name).mkdir(parents=True)
        (root / "history" / name / "observations.yaml").write_text("- id: cũ\n", encoding="utf-8")
        names.append(name)
    return names


def test_history_keeps_recent_versions_and_the_newest_ones_never_the_audit(mini):
    from danvan import journal

    now = dt.datetime(2026, 11, 1, 12, 0, 0)
    names = make_versions(mini, [1, 10, 200, 300, 400, 500], now)
    (mini / "history" / "audit.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    (mini / "history" / "ghi-chu").mkdir()  # not a version's name: never touched
    removed = journal.prune_history(mini, now, keep_versions=3, keep_days=180)
    assert sorted(removed) == sorted(names[3:])  # older than 180 days and not among the newest 3
    left = sorted(p.name for p in (mini / "history").iterdir())
    assert left == sorted([*names[:3], "audit.jsonl", "ghi-chu"])
    assert journal.prune_history(mini, now, keep_versions=0, keep_days=5) == [names[1], names[2]]


def test_a_save_applies_the_retention_policy(mini, monkeypatch):
    from danvan import journal

    now = dt.datetime(2026, 11, 1, 12, 0, 0)
    names = make_versions(mini, [400, 500], now)
    monkeypatch.setattr(journal, "KEEP_VERSIONS", 1)
    monkeypatch.setattr(journal.prune_history, "__defaults__", (1, journal.KEEP_DAYS))
    saved = store.save(mini, {"observations": [NEW]}, **WHO, now=now)
    left = {p.name for p in (mini / "history").iterdir() if not p.name.startswith(".")}
    assert left == {saved.history.name, "audit.jsonl"} and not set(names) & left
    assert audit_ids(mini) == [saved.audit["id"]]


def audit_ids(root) -> list[str]:
    from danvan import audit

    return [e.id for e in audit.entries(root)[0]]
