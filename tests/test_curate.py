"""The curator page: hidden behind a password, never a write control for viewers, saves through danvan.store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import danvan

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "data" / "sources" / "a16.txt").read_text(encoding="utf-8")


@pytest.fixture
def entry(tmp_path) -> Path:
    folder = tmp_path / "entry"
    folder.mkdir()
    shutil.copy(ROOT / "app.py", folder / "app.py")
    return folder / "app.py"


def open_curate(entry: Path) -> AppTest:
    at = AppTest.from_file(str(entry), default_timeout=60)
    at.switch_page(str(ROOT / "pages" / "nhap-lieu.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_without_a_password_it_says_how_to_enable(entry, monkeypatch):
    monkeypatch.delenv("DANVAN_CURATOR_PASSWORD", raising=False)
    at = open_curate(entry)
    assert "DANVAN_CURATOR_PASSWORD" in at.info[0].value
    assert not at.main.button and not at.text_area and not at.text_input  # no write control at all


def test_wrong_password_is_refused(entry, monkeypatch):
    monkeypatch.setenv("DANVAN_CURATOR_PASSWORD", "bí-mật-123")
    at = open_curate(entry)
    assert not at.text_area  # no input before signing in
    at.text_input[0].input("sai")
    at.main.button[0].click().run()
    assert at.error[0].value == "Mật khẩu không đúng."
    assert not at.text_area


def test_curator_extracts_edits_and_saves(entry, monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("geo", "history"))
    monkeypatch.setenv("DANVAN_DATA", str(data))
    monkeypatch.setenv("DANVAN_CURATOR_PASSWORD", "bí-mật-123")
    at = open_curate(entry)
    at.text_input[0].input("bí-mật-123")
    at.main.button[0].click().run()
    at.text_area(key="curate_paste").input(ARTICLE)
    at.text_input(key="curate_published").input("2023-12-30")
    at.selectbox(key="curate_province").set_value("06")
    next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()
    assert not at.exception
    values = at.data_editor[0].value  # the observations drafted from the article
    assert {202, 279}.issubset(set(values["value"].tolist()))
    shown = "\n".join(m.value for m in at.markdown)
    assert ":orange-background[" in shown  # the quoted passages are highlighted in the article
    before = danvan.load(data).observations.height
    next(b for b in at.button if b.label == "Kiểm tra toàn bộ dữ liệu và lưu").click().run()
    assert not at.exception
    assert at.success, [e.value for e in at.error] + [c.value for c in at.code]
    after = danvan.load(data)
    assert after.sources.height == 14 and after.observations.height > before
    assert (data / "sources" / "n01.txt").read_text(encoding="utf-8") == danvan.text.nfc(ARTICLE)
