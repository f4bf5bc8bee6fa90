"""Browser test of the review queue: a curator signs in, opens the queue from the sidebar, opens an Excel report's
draft, accepts it with a reason, and the values land in the data folder with their cells. Same harness as
tests/test_browser.py (streamlit on loopback, Debian's headless Chromium); skipped without Chromium unless
DANVAN_REQUIRE_BROWSER=1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CURATOR
from test_browser import (  # the shared harness: it skips, or fails, without Chromium
    ARGS,
    ARTIFACTS,
    CHROMIUM,
    _free_port,
    _start,
)

import danvan
from danvan import accounts
from danvan.ingest import load_indicators, load_registry
from danvan.ingest import queue as q

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "tests" / "fixtures" / "ingest" / "files"

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("history"))
    queue_dir = tmp_path / "queue"
    book = tmp_path / "curators.toml"
    accounts.add(book, *CURATOR, "curator", "Nguyễn Thị Lan")
    entry = q.enqueue(FILES / "bao-cao-2023.xlsx", load_registry(data)[0], load_indicators(data), queue_dir)
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "streamlit-queue.log"
    log.write_bytes(b"")
    env = {"DANVAN_DATA": str(data), "DANVAN_QUEUE": str(queue_dir), "DANVAN_CURATORS": str(book)}
    port = _free_port()
    proc = _start(port, log, env)
    if proc is None:
        pytest.fail("streamlit did not start: " + log.read_text(errors="replace")[-2000:])
    yield f"http://127.0.0.1:{port}", data, entry
    proc.terminate()
    proc.wait(timeout=20)


def _settle(page, text: str) -> None:
    try:
        page.wait_for_function(f"() => document.body.innerText.includes({text!r})", timeout=120_000)
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "hang-cho-failed.png"))
        (ARTIFACTS / "hang-cho-failed.txt").write_text(page.inner_text("body"), encoding="utf-8")
        raise
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
    page.wait_for_timeout(500)


def test_curator_accepts_an_excel_draft_from_the_queue(server):
    base, data, entry = server
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000}, locale="vi-VN")
        page.goto(base + "/nhap-lieu", wait_until="load", timeout=120_000)
        _settle(page, "Mật khẩu người biên soạn")
        page.get_by_label("Tên đăng nhập").fill(CURATOR[0])
        page.get_by_label("Mật khẩu người biên soạn").fill(CURATOR[1])
        page.get_by_role("button", name="Đăng nhập").click()
        _settle(page, "Đăng xuất")
        page.get_by_role("link", name="Hàng chờ duyệt").click()  # listed once signed in
        _settle(page, "Nhận và lưu các mục đã chọn")
        assert "/hang-cho" in page.url and "Thành phố Bắc Kạn | 202 | 279" in page.inner_text("body")
        page.get_by_label("Mã nguồn (tên tệp lưu trữ)").fill("bc2023")
        page.get_by_label("Lý do lưu hoặc loại (bắt buộc)").fill("báo cáo năm 2023")
        page.keyboard.press("Tab")
        _settle(page, "Nhận và lưu các mục đã chọn")
        page.get_by_role("button", name="Nhận và lưu các mục đã chọn").click()
        _settle(page, "Đã lưu")
        page.screenshot(path=str(ARTIFACTS / "hang-cho-accepted.png"))
        assert page.locator('[data-testid="stException"]').count() == 0
        browser.close()
    catalog = danvan.load(data)
    saved = catalog.observations.filter(catalog.observations["source_id"] == "bc2023")
    assert saved.height == 11 and set(saved["district"]) == {"Bắc Kạn", "Lâm Hà"}
    assert q.read_entry(entry.folder).state == "accepted"
