"""The protocol load generator (scripts/loadgen.py) against a real server on loopback: it opens pages, changes the
filters as the browser does, and sees each run's texts and its end. Functional only: no timing is asserted."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import loadgen  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The benchmark entry (the product plus the empty page) on the curated data, through deploy/serve.py."""
    log = tmp_path_factory.mktemp("loadgen") / "server.log"
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "deploy" / "serve.py"),
            "run",
            str(ROOT / "scripts" / "bench_app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "DANVAN_DATA": str(ROOT / "data")},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("server did not start: " + log.read_text(errors="replace")[-2000:])
            time.sleep(0.2)
    yield base, proc.pid
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_session_opens_a_filtered_page_and_changes_filters(server):
    base, _ = server

    async def scenario():
        session = loadgen.Session(base, "", "tinh=20&nam=2020-2024")
        try:
            opened = await session.open()
            years = session.widget("f_nam")
            provinces = session.widget("f_tinh")
            before = (list(years.state.double_array_value.data), list(provinces.state.string_array_value.data))
            chosen = [provinces.element.options[0], provinces.element.options[5]]
            changed = await session.change({"f_nam": (2015, 2019), "f_tinh": chosen})
            query = session.query
        finally:
            await session.close()
        return opened, years, provinces, before, chosen, changed, query

    opened, years, provinces, before, chosen, changed, query = asyncio.run(scenario())
    assert opened.ok and opened.status == 0
    assert "Tổng quan" in opened.texts  # the overview's headline
    assert any(text.startswith("Lạng Sơn; 2020–2024") for text in opened.texts)  # the URL's filter, applied
    assert years.kind == "slider" and provinces.kind == "multiselect"
    assert before == ([2020, 2024], ["Lạng Sơn"])  # what the browser holds after the first run
    assert changed.ok and changed.latency_ms > 0
    assert any(text.startswith(f"{chosen[0]}, {chosen[1]}; 2015–2019") for text in changed.texts)
    assert "nam=2015-2019" in query  # the app rewrote the URL, and the session follows it as the browser does


def test_load_counts_changes_and_server_cpu(server):
    base, pid = server
    result = asyncio.run(loadgen.load(base, [pid], sessions=2, think_s=0.05, changes=2, budget_s=60, ramp_s=0))
    assert result["errors"] == 0, result["messages"]
    assert result["changes"] == 4 and result["median_ms"] > 0 and result["p95_ms"] >= result["median_ms"]
    assert result["server_cpu_s"] > 0 and 0 < result["server_cpu_share"] <= 1


def test_empty_page_is_served_by_the_benchmark_entry(server):
    base, _ = server
    result = asyncio.run(loadgen.sequential(base, "_trong", "", changes=2, filters=None))
    assert len(result["runs_ms"]) == 2 and all(t > 0 for t in result["runs_ms"])


def test_only_loopback_is_a_target():
    with pytest.raises(ValueError, match="loopback"):
        loadgen.check_loopback("http://192.0.2.1:8501")
    loadgen.check_loopback("http://127.0.0.1:8501")
