"""Fault injection for saves: a saving process killed with SIGKILL at every step of a save (and at random instants
on a slow disk) leaves a folder that loads and is exactly the old version or the new one, with nothing temporary
left once it has been loaded again."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import danvan
from danvan import journal, store

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"

# One save touching four files, where any mix of old and new does not load: the records refer to a source whose
# record and text are written by the same save.
TEXT = "Năm 2024, huyện Lệ Thủy có 52 mô hình “Dân vận khéo” được đăng ký; Ban Dân vận Tỉnh ủy đã đi khảo sát.\n"
RECORDS = {
    "sources": [{"id": "n01", "title": "Bài mới", "published": "2024-12-01", "province": "44"}],
    "visits": [
        {
            "id": "v-n01",
            "date_start": "2024-11-20",
            "date_precision": "day",
            "kind": "khao_sat",
            "body": "Ban Dân vận Tỉnh ủy Quảng Bình",
            "body_level": "province",
            "province": "44",
            "summary": "Khảo sát tại Lệ Thủy.",
            "source": "n01",
            "quote": "Ban Dân vận Tỉnh ủy đã đi khảo sát",
        }
    ],
    "observations": [
        {
            "id": "o-n01",
            "indicator": "dvk_models_registered",
            "province": "44",
            "period": "2024",
            "value": 52,
            "status": "reported",
            "source": "n01",
            "quote": "có 52 mô hình",
        }
    ],
}
TEXTS = {"n01": TEXT}
WHO = {"author": "kiem-thu", "note": "kiểm thử lỗi giữa chừng"}

CHILD = """
import os, signal, sys, time, json
sys.path.insert(0, {root!r})
from danvan import journal, store
target, mode, arg = sys.argv[1], sys.argv[2], float(sys.argv[3])
args = json.loads(sys.stdin.read())
steps = 0
def fault(name):
    global steps
    steps += 1
    if mode == "kill" and steps == arg:
        os.kill(os.getpid(), signal.SIGKILL)
    if mode == "slow":
        time.sleep(arg)
journal.fault = fault
print("ready", flush=True)
if mode == "recover":  # a reader finishing an interrupted save, itself killed at step `arg`
    mode = "kill"
    import danvan
    danvan.load(target)
else:
    store.save(target, args["records"], args["texts"], **args["who"])
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and "history" not in p.relative_to(folder).parts
    }


def child(target: Path, mode: str, arg: float) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), str(target), mode, str(arg)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin and process.stdout
    process.stdin.write(json.dumps({"records": RECORDS, "texts": TEXTS, "who": WHO}))
    process.stdin.close()
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[dict, dict, int]:
    """The old and new versions of the folder, and the number of fault points in one whole save."""
    folder = tmp_path_factory.mktemp("whole") / "mini"
    shutil.copytree(MINI, folder)
    old = snapshot(folder)
    steps: list[str] = []
    journal.fault = steps.append
    try:
        store.save(folder, RECORDS, TEXTS, **WHO)
    finally:
        journal.fault = None
    new = snapshot(folder)
    assert danvan.load(folder).sources.height == 3
    return old, new, len(steps)


def check(folder: Path, old: dict, new: dict) -> str:
    """Load (which finishes or discards the interrupted save) and say which version the folder holds."""
    catalog = danvan.load(folder)
    state = snapshot(folder)
    assert state in (old, new), sorted(set(state) ^ set(new))
    history = folder / "history"
    assert not list(history.glob(".txn-*")), "a transaction folder was left behind"
    assert not [p for p in folder.rglob("*.tmp")], "a temporary file was left behind"
    audit = history / "audit.jsonl"
    entries = audit.read_text(encoding="utf-8").splitlines() if audit.exists() else []
    if state == new:
        assert catalog.sources.height == 3
        assert len(entries) == 1 and json.loads(entries[0])["author"] == "kiem-thu"
        saved = [p for p in history.iterdir() if p.is_dir()]
        assert len(saved) == 1 and (saved[0] / "sources.yaml").read_bytes() == old["sources.yaml"]
        return "new"
    assert catalog.sources.height == 2 and entries == []
    return "old"


def test_kill_at_every_step_of_a_save(versions, tmp_path):
    old, new, steps = versions
    assert steps >= 12  # copied, 4 staged files, validated, 3 previous, journal, committed, 4 renames, ...
    seen = []
    for step in range(1, steps + 1):
        folder = tmp_path / f"k{step}" / "mini"
        shutil.copytree(MINI, folder)
        process = child(folder, "kill", step)
        assert process.wait() == -signal.SIGKILL
        seen.append(check(folder, old, new))
    first_new = seen.index("new")
    assert seen == ["old"] * first_new + ["new"] * (steps - first_new)  # once committed, always the new version
    assert 0 < first_new < steps - 3


def test_kill_during_recovery_is_recovered_again(versions, tmp_path):
    """A save killed between its renames (mixed on disk), then a reader killed while finishing it: the third
    reader still finds exactly the new version."""
    old, new, steps = versions
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    process = child(folder, "kill", steps - 4)  # two of four renames done
    assert process.wait() == -signal.SIGKILL
    assert snapshot(folder) not in (old, new)  # mixed on disk: only recovery makes it whole
    process = child(folder, "recover", 1)
    assert process.wait() == -signal.SIGKILL
    assert check(folder, old, new) == "new"


def test_kill_at_random_instants_on_a_slow_disk(versions, tmp_path):
    old, new, steps = versions
    draw = random.Random(13)
    seen = set()
    for n in range(12):
        folder = tmp_path / f"s{n}" / "mini"
        shutil.copytree(MINI, folder)
        process = child(folder, "slow", 0.02)
        time.sleep(draw.uniform(0, steps * 0.02 + 0.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        seen.add(check(folder, old, new))
    assert seen <= {"old", "new"}


def test_a_lock_held_by_a_hung_save_times_out_naming_the_holder(mini):
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            "from danvan import journal\nwith journal.save_lock(Path(sys.argv[1])):\n print('held', flush=True); "
            "time.sleep(600)",
            str(mini),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout and process.stdout.readline().strip() == "held"
        with pytest.raises(store.LockBusy) as err:
            store.save(mini, RECORDS, TEXTS, **WHO, lock_timeout=0.3)
        message = err.value.problems[0].message
        assert f"tiến trình {process.pid}" in message and os.uname().nodename in message
        assert err.value.problems[0].file == "history/.lock"
    finally:
        process.kill()
        process.wait()
    # The holder is dead now: its lock is taken over and the save goes through.
    saved = store.save(mini, RECORDS, TEXTS, **WHO, lock_timeout=5)
    assert danvan.load(mini).sources.height == 3 and saved.files[0] == "sources/n01.txt"
    assert journal.holder(mini) is None  # released


def test_leftovers_of_old_saves_are_removed(mini):
    (mini / "sources" / ".t1.txt.abc123.tmp").write_text("nửa chừng", encoding="utf-8")
    (mini / ".observations.yaml.x1.tmp").write_text("- id: o", encoding="utf-8")
    staging = mini / "history" / ".txn-20250101-000000-000000-1"
    (staging / "tree").mkdir(parents=True)
    (staging / "tree" / "sources.yaml").write_text("[]", encoding="utf-8")
    before = danvan.load(MINI).version
    assert danvan.load(mini).version == before  # the load removed them (and they never counted)
    assert not list(mini.rglob("*.tmp")) and not staging.exists()
