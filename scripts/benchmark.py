"""Measure the dashboard on this machine, in one run, and write the figures as JSON (and a table).

    python scripts/benchmark.py --json build/benchmark.json --readme  # everything (≈15 min on 2 cores); README table
    python scripts/benchmark.py --json out.json --no-browser --no-load  # without Chromium and nginx
    python scripts/benchmark.py --json out.json --changes 2 --server-changes 4 --sessions 10 --think 1 \
        --load-changes 3                                                # a small run: proves it works end to end

Figures (medians unless said; milliseconds unless said):
- empty_page_ms: an AppTest rerun of a page that only imports Streamlit — the framework's floor on this machine;
- pages.<url>.curated_ms / scale_ms (+ _ratio to empty_page_ms): the AppTest rerun of each page right after a filter
  change; every change is a filter not seen before in the run, so the per-filter caches miss. The root page is keyed
  "tong-quan";
- pages.<url>.server_ms / server_cpu_ms (+ server_ratio, server_cpu_ratio to empty_server_ms / empty_server_cpu_ms):
  the script run on a real server at scale, driven through Streamlit's websocket protocol by scripts/loadgen.py
  (change sent → script_finished, and the server's CPU per change from /proc), a new filter each time, including
  the presentation page "trinh-chieu"; the empty page is a page of the benchmark entry scripts/bench_app.py in the
  same server process; floor: that empty page under `streamlit run` and under deploy/serve.py;
- load_curated_ms, load_scale_ms: danvan.load + validation from the files; load_warm_ms: the cached catalog as a
  rerun gets it; load_snapshot_ms: the scale data from its columnar snapshot (snapshot_speedup = load_scale_ms /
  load_snapshot_ms); cold_start_snapshot_ms / cold_start_files_ms: a new Python process importing danvan and loading
  the scale data with / without the snapshot;
- map_payload_bytes: the pydeck JSON spec the map page sends for the 63-province choropleth (scale data);
- first_text_ms, first_paint_ms: headless Chromium without GPU, navigation → the map page's headline visible, → its
  canvas drawn with the run finished (curated data, warm server, a fresh browser context each time);
- load.single, load.replicas: deploy/run-local.sh with 1 and 2 processes behind nginx on the scale data; N protocol
  sessions open the overview with a URL filter and change filters with exponential think time: sessions, think_s,
  median_ms, p95_ms, errors, changes_per_s (over the changes' span), server_cpu_share (server CPU / (server + load
  generator CPU)), server_cores (server CPU seconds per second), proxy_cpu_s; capacity_changes_per_s and
  capacity_p95_ms: 10 sessions changing filters back to back, without think time;
- rss_mb: the peak resident memory of the single process under that load; concurrent: load.single in the earlier
  key's shape (alone_median_ms: the overview's server_ms).

Only loopback (127.0.0.1) is used, every wait is bounded. The scale data is generated into build/scale/ when missing;
the servers' logs are kept in build/benchmark/."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest outside a server warns on every run

CURATED = ROOT / "data"
SCALE = ROOT / "build" / "scale"
CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
EXTRA: list[str] = []  # more `streamlit run` options (development aid)
# (file in pages/, url path, key in the JSON)
PAGES = [
    ("overview", "", "tong-quan"),
    ("ban-do", "ban-do", "ban-do"),
    ("dong-thoi-gian", "dong-thoi-gian", "dong-thoi-gian"),
    ("so-sanh", "so-sanh", "so-sanh"),
    ("ho-so-tinh", "ho-so-tinh", "ho-so-tinh"),
    ("van-ban", "van-ban", "van-ban"),
    ("nguon", "nguon", "nguon"),
    ("du-lieu", "du-lieu", "du-lieu"),
    ("tim-kiem", "tim-kiem", "tim-kiem"),
    ("thay-doi", "thay-doi", "thay-doi"),
    ("kien-nghi", "kien-nghi", "kien-nghi"),
]
# The curator's pages (nhap-lieu, hang-cho, nhat-ky) are not leaders' pages and are not measured.
# What a page is opened with besides the filter: the search page with words (its shared link's `tim`), as a leader
# searches and then narrows the filter; AppTest types them into the box.
OPENED = {"tim-kiem": {"tim": "giám sát"}}
TYPED = {"tim-kiem": {"search_q": "giám sát"}}
TARGETS = {
    "page_scale_ms": 300,
    "page_curated_ms": 100,
    "load_warm_ms": 50,
    "load_scale_ms": 10_000,
    "map_payload_bytes": 600_000,
    "first_paint_ms": 3_000,
    "rss_mb": 1_536,
    "p95_ms": 1_500,
}
# Provinces (scheme 63) whose names are unique prefixes, so typing them in the browser selects exactly one.
PROVINCES = [
    "20",
    "44",
    "06",
    "35",
    "64",
    "56",
    "77",
    "68",
    "01",
    "79",
    "48",
    "46",
    "92",
    "38",
    "40",
    "66",
    "22",
    "31",
    "04",
    "12",
]


def median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]) if ordered else float("nan")


# ---------------------------------------------------------------- AppTest figures


def _entry(folder: Path) -> Path:
    """app.py copied into a folder without pages/ beside it, as tests/test_pages.py does."""
    shutil.copy(ROOT / "app.py", folder / "app.py")
    return folder / "app.py"


def empty_page_ms(folder: Path, runs: int) -> float:
    script = folder / "empty.py"
    script.write_text("import streamlit as st\n", encoding="utf-8")
    at = _apptest(script)
    at.run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def _apptest(path: Path):  # -> AppTest, imported lazily so that --help is fast
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(path), default_timeout=600)


def filter_changes(page_index: int, dataset_index: int, count: int) -> list[dict]:
    """`count` filters, none repeated anywhere in the run: alternately a new year range over all provinces (the
    national view) and a new set of one to three provinces."""
    changes = []
    for k in range(count):
        n = (page_index * 2 + dataset_index) * count + k  # unique per (page, dataset, step)
        if k % 2 == 0:
            first = 2013 + n % 6
            last = 2024 - (n // 6) % 7
            changes.append({"f_tinh": [], "f_nam": (first, max(first, last))})
        else:
            picks = [PROVINCES[(n + j * 7) % len(PROVINCES)] for j in range(1 + n % 3)]
            changes.append({"f_tinh": list(dict.fromkeys(picks)), "f_nam": (2013 + n % 4, 2024)})
    seen = set()
    for change in changes:  # the whole run is checked by _unique_filters; here only within the page
        key = (tuple(change["f_tinh"]), change["f_nam"])
        assert key not in seen, key
        seen.add(key)
    return changes


def page_reruns(entry: Path, page: str, data: Path, changes: list[dict]) -> list[float]:
    """Milliseconds of each rerun of `page` after a filter change."""
    os.environ["DANVAN_DATA"] = str(data)
    at = _apptest(entry)
    if page != "overview":
        at.switch_page(str(ROOT / "pages" / f"{page}.py"))
    for key, value in TYPED.get(page, {}).items():
        at.session_state[key] = value
    at.run()
    _check(at, page)
    times = []
    for change in changes:
        at.sidebar.slider(key="f_nam").set_value(change["f_nam"])
        at.sidebar.multiselect(key="f_tinh").set_value(change["f_tinh"])
        gc.collect()  # a collection of the previous run's garbage is not part of this run
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        _check(at, page)
    return times


def _check(at, page: str) -> None:
    if at.exception:
        raise RuntimeError(f"{page}: {[e.value for e in at.exception]}")


def load_figures(curated_runs: int, scale_runs: int) -> dict[str, float]:
    """Cold danvan.load + validation of both datasets, and the warm figure: what a rerun pays to get the catalog."""
    import danvan
    from components import cached

    def timed(path: Path, verify: bool) -> float:
        gc.collect()
        start = time.perf_counter()
        danvan.load(path, verify_quotes=verify)
        return (time.perf_counter() - start) * 1000

    curated = [timed(CURATED, True) for _ in range(curated_runs)]
    scale = [timed(SCALE, False) for _ in range(scale_runs)]
    os.environ["DANVAN_DATA"] = str(SCALE)
    cached.catalog()  # the first call loads (or finds it already loaded by the page runs)
    warm = []
    for _ in range(20):
        start = time.perf_counter()
        catalog, _ = cached.catalog()
        warm.append((time.perf_counter() - start) * 1000)
    assert catalog is not None and catalog.generated
    return {"load_curated_ms": median(curated), "load_scale_ms": median(scale), "load_warm_ms": median(warm)}


def map_payload_bytes(entry: Path, data: Path) -> int:
    """Bytes of the pydeck JSON spec of the map page: scheme 63, all provinces, the default colouring."""
    os.environ["DANVAN_DATA"] = str(data)
    at = _apptest(entry)
    at.query_params.update({"ranh_gioi": "63"})
    at.switch_page(str(ROOT / "pages" / "ban-do.py"))
    at.run()
    _check(at, "ban-do")
    specs = [node.proto.json for node in at.get("deck_gl_json_chart")]
    return max(len(spec.encode("utf-8")) for spec in specs)


# ---------------------------------------------------------------- the server and the browser


def snapshot_figures(runs: int, load_scale_ms: float) -> dict[str, float]:
    """The scale data's load from its columnar snapshot (danvan/snapshot.py), against the load from the files in the
    same run; and a cold start as a new server process pays it (Python, imports, load), with and without."""
    import danvan
    from danvan import snapshot

    danvan.load(SCALE, verify_quotes=False, snapshot=True)  # writes the snapshot when it is missing or stale
    start = time.perf_counter()
    snapshot.fingerprint(SCALE)
    fingerprint_ms = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        danvan.load(SCALE, verify_quotes=False, snapshot=True)
        times.append((time.perf_counter() - start) * 1000)

    def cold(use: bool) -> float:
        code = (
            f"import sys; sys.path.insert(0, {str(ROOT)!r}); import danvan; "
            f"danvan.load({str(SCALE)!r}, verify_quotes=False, snapshot={use})"
        )
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        return (time.perf_counter() - start) * 1000

    with_snapshot = [cold(True) for _ in range(3)]
    return {
        "load_snapshot_ms": median(times),
        "snapshot_fingerprint_ms": fingerprint_ms,
        "snapshot_speedup": load_scale_ms / median(times),
        "cold_start_snapshot_ms": median(with_snapshot),
        "cold_start_files_ms": cold(False),
    }


def presentation_figures() -> dict:
    """Where the presentation page's time goes for a new filter: the slides of the national view and of one province
    (danvan.exports.report, through components/cached.py as the page gets them), and the part of the national one
    spent formatting and deduplicating every value for the comparison slides (report._indicator_values)."""
    import danvan
    from components import cached
    from danvan import queries
    from danvan.exports import report
    from danvan.filter import Filter

    catalog = danvan.load(SCALE, verify_quotes=False, snapshot=True)
    spent = {"values": 0.0}
    original = report._indicator_values

    def timed_values(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent["values"] += (time.perf_counter() - start) * 1000

    result = {}
    report._indicator_values = timed_values
    try:
        for name, flt in (("national", Filter(years=(2015, 2024))), ("province", Filter(provinces=("64",)))):
            obs = queries.observations(catalog, flt)
            spent["values"] = 0.0
            gc.collect()
            start = time.perf_counter()
            built = report.report(
                catalog, flt, "vi", visits=queries.visits(catalog, flt), observations=obs.select(cached.REPORT_COLUMNS)
            )
            result[f"{name}_ms"] = (time.perf_counter() - start) * 1000
            result[f"{name}_values_ms"] = spent["values"]
            result[f"{name}_rows"] = obs.height
            result[f"{name}_slides"] = len(built.slides)
    finally:
        report._indicator_values = original
    return result


# ---------------------------------------------------------------- servers

SERVE = ROOT / "deploy" / "serve.py"  # streamlit run with TCP_NODELAY (see its docstring)
BENCH_APP = ROOT / "scripts" / "bench_app.py"  # the product plus the empty page, /_trong
EMPTY = "_trong"
# The presentation page, opened on these slides (1 = title); each slide is measured with its own filter changes.
SLIDES = (1, 2, 3, 4, 5)


@contextlib.contextmanager
def server(
    data: Path,
    log: Path,
    port: int | None = None,
    app: Path = ROOT / "app.py",
    stock: bool = False,
    env: dict[str, str] | None = None,
) -> Iterator[tuple[str, int]]:
    """The app on loopback with DANVAN_DATA=data, through deploy/serve.py as deployed (`stock`: plain `streamlit
    run`); yields (base url, pid)."""
    port = port or _free_port()
    launcher = [sys.executable, "-m", "streamlit"] if stock else [sys.executable, str(SERVE)]
    proc = subprocess.Popen(
        [
            *launcher,
            "run",
            str(app),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            *EXTRA,
        ],
        cwd=ROOT,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "DANVAN_DATA": str(data), **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_health(base + "/_stcore/health", proc, log)
        yield base, proc.pid
    finally:
        _stop(proc)


def _wait_health(url: str, proc: subprocess.Popen, log: Path, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if urllib.request.urlopen(url, timeout=2).read() == b"ok":
                return
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"{url} did not answer: " + log.read_text(errors="replace")[-2000:]) from None
            time.sleep(0.3)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid: int) -> list[int]:
    """The processes under `pid` (nginx's workers)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for child, ppid in parents.items():
            if ppid == parent:
                found.append(child)
                frontier.append(child)
    return found


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB, from /proc."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


async def server_runs(base: str, pid: int, changes: int, keys: list[str]) -> dict:
    """Each page's script run on a real server, measured by the protocol load generator: one session opens the page
    with a URL filter, then makes `changes` filter changes back to back, every one a filter not seen before in the
    run (so the per-filter caches miss). Latency = change sent → script_finished; CPU = the server's CPU seconds
    over those changes (/proc). The empty page is measured in the same process before and between the pages, and
    every figure is also given as a multiple of it."""
    import loadgen

    filters = loadgen.Filters(seed=11)  # one for the whole run: no filter repeats across pages
    empty: list[float] = []
    empty_cpu: list[float] = []  # CPU of each batch of empty runs, in total

    async def floor(n: int) -> None:
        run = await loadgen.sequential(base, EMPTY, "", n, None, warmup=1, pids=[pid])
        empty.extend(run["runs_ms"])
        empty_cpu.append(run["server_cpu_ms"] * len(run["runs_ms"]))

    await floor(20)
    pages: dict[str, dict] = {}
    for _, path, key in [*PAGES, ("trinh-chieu", "trinh-chieu", "trinh-chieu")]:
        if key not in keys:
            continue
        opened = (
            [(path, urllib.parse.urlencode({"nam": "2015-2024", **OPENED.get(key, {})}))]
            if key != "trinh-chieu"
            else [(path, f"trinh_chieu={slide}&nam=2015-2024") for slide in SLIDES]
        )
        each = changes if key != "trinh-chieu" else max(2, -(-changes // len(SLIDES)))
        runs_ms, cpu_total, errors = [], 0.0, []
        for page_path, query in opened:
            try:
                run = await loadgen.sequential(base, page_path, query, each, filters, warmup=1, pids=[pid])
            except loadgen.ProtocolError as err:  # a failing run is a finding, not the end of the benchmark
                errors.append(str(err)[:500])
                print(f"{key:15s} ERROR {str(err)[:300]}", flush=True)
                continue
            runs_ms += run["runs_ms"]
            cpu_total += run["server_cpu_ms"] * len(run["runs_ms"])
        pages[key] = {
            "server_ms": median(runs_ms),
            "server_cpu_ms": cpu_total / max(len(runs_ms), 1),
            "server_runs_ms": runs_ms,
            "server_errors": errors,
        }
        print(
            f"{key:15s} server   median {median(runs_ms):7.0f} ms  cpu {cpu_total / max(len(runs_ms), 1):6.0f} ms  "
            f"runs {[round(t) for t in runs_ms]}",
            flush=True,
        )
        await floor(10)
    # The CPU of all the empty runs over their count: /proc counts CPU in clock ticks (10 ms), coarser than one
    # empty run (2–4 ms), so only a total over many runs is exact enough to divide by.
    empty_ms, empty_cpu_ms = median(empty), sum(empty_cpu) / len(empty)
    for figures in pages.values():
        figures["server_ratio"] = figures["server_ms"] / empty_ms
        figures["server_cpu_ratio"] = figures["server_cpu_ms"] / max(empty_cpu_ms, 1e-9)
    return {"pages": pages, "empty_server_ms": empty_ms, "empty_server_cpu_ms": empty_cpu_ms}


async def floor_ms(base: str, pid: int, runs: int = 20) -> dict[str, float]:
    """The empty page's rerun on a server: wall time and the server's CPU per run."""
    import loadgen

    run = await loadgen.sequential(base, EMPTY, "", runs, None, warmup=2, pids=[pid])
    return {"ms": run["median_ms"], "cpu_ms": run["server_cpu_ms"]}


# ---------------------------------------------------------------- the deployment under load


@contextlib.contextmanager
def deployment(processes: int, data: Path, logs: Path, ports: int) -> Iterator[tuple[str, list[int], int]]:
    """deploy/run-local.sh: `processes` dashboard processes, the curator's and nginx, on loopback ports from `ports`
    (nginx on ports+10, processes from ports+11, the curator on ports+19); yields (proxy url, process pids, nginx
    pid)."""
    run_dir = logs / f"run-local-{processes}"
    run_dir.mkdir(parents=True, exist_ok=True)
    ready = run_dir / "ready"
    ready.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DANVAN_DATA": str(data),
        "DANVAN_SNAPSHOT": "1",
        "PYTHON": sys.executable,
        "PROXY_PORT": str(ports + 10),
        "BASE_PORT": str(ports + 11),
        "CURATOR_PORT": str(ports + 19),
        "RUN_DIR": str(run_dir),
    }
    log = run_dir / "run-local.log"
    proc = subprocess.Popen(
        ["bash", str(ROOT / "deploy" / "run-local.sh"), str(processes)],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while not ready.exists():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("run-local.sh did not start: " + log.read_text(errors="replace")[-2000:])
            time.sleep(0.5)
        rows = [line.split() for line in (run_dir / "pids").read_text().splitlines()]
        yield (
            ready.read_text().strip(),
            [int(pid) for role, _, pid in rows if role == "dashboard"],
            next(int(pid) for role, _, pid in rows if role == "nginx"),
        )
    finally:
        _stop(proc)


async def load_run(
    proxy: str, pids: list[int], nginx: int, sessions: int, think_s: float, changes: int, budget_s: float
) -> dict:
    """Every dashboard process is warmed directly (the catalog loaded from the snapshot, the overview's modules
    imported), then the sessions go through nginx."""
    import loadgen

    for pid in pids:  # each process's port, from its command line
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        port = cmdline[cmdline.index(b"--server.port") + 1].decode()
        await loadgen.sequential(f"http://127.0.0.1:{port}", "", "", 1, loadgen.Filters(seed=int(port)), warmup=0)
    proxy_pids = [nginx, *descendants(nginx)]
    proxy0 = sum(loadgen.cpu_seconds(p) for p in proxy_pids)
    result = await loadgen.load(proxy, pids, sessions, think_s, changes, budget_s, seed=len(pids))
    result["proxy_cpu_s"] = round(sum(loadgen.cpu_seconds(p) for p in proxy_pids) - proxy0, 2)
    result["processes"] = len(pids)
    result["rss_mb"] = max(rss_mb(pid)[1] for pid in pids)
    # Capacity: 10 sessions changing filters back to back (no think time) — the most changes per second it serves
    capacity = await loadgen.load(proxy, pids, 10, 0.0, changes, 60.0, seed=100 + len(pids), ramp_s=0.0)
    result["capacity_changes_per_s"] = capacity["changes_per_s"]
    result["capacity_p95_ms"] = capacity["p95_ms"]
    result["capacity_errors"] = capacity["errors"]
    return result


# ---------------------------------------------------------------- the browser: first text and first paint

# Marks, from navigation start, when the page's headline (its h1) has text and when the map's canvas has been on
# screen for two frames with the run finished; a requestAnimationFrame loop, so a mark is a frame about to be painted.
MARKS = """
window.__marks = {};
const __tick = () => {
  const m = window.__marks;
  if (!m.text) {
    const h = document.querySelector('[data-testid="stMain"] h1');
    if (h && h.textContent.trim()) m.text = performance.now();
  }
  if (!m.map) {
    const c = document.querySelector('canvas');
    const shown = c !== null && c.width > 0 && c.height > 0 && c.getBoundingClientRect().height > 100
        && !document.querySelector('[data-testid="stStatusWidget"]');
    m.frames = shown ? (m.frames || 0) + 1 : 0;
    if (m.frames === 3) m.map = performance.now();  // two frames after: drawn, not only inserted (WebGL's start-up
  }                                                 // is one long task between them)
  if (!(m.text && m.map)) requestAnimationFrame(__tick);
};
requestAnimationFrame(__tick);
"""


async def first_paint_ms(base: str, runs: int) -> tuple[float, float]:
    """(first_text_ms, first_paint_ms) of the map page: navigation start → its headline visible, → the deck.gl
    canvas on screen and the script run finished. Headless Chromium without a GPU (software WebGL), a fresh
    context each time; medians of `runs` visits after one that warms the server."""
    from playwright.async_api import async_playwright

    texts, maps = [], []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            for run in range(runs + 1):
                context = await browser.new_context(viewport={"width": 1920, "height": 1080}, locale="vi-VN")
                await context.add_init_script(MARKS)
                page = await context.new_page()
                await page.goto(base + "/ban-do", wait_until="commit", timeout=90_000)
                await page.wait_for_function(
                    "() => window.__marks && window.__marks.text && window.__marks.map", timeout=90_000, polling=100
                )
                marks = await page.evaluate("() => window.__marks")
                if run:
                    texts.append(marks["text"])
                    maps.append(marks["map"])
                await context.close()
        finally:
            await browser.close()
    return median(texts), median(maps)


# ---------------------------------------------------------------- report


def _fmt_ms(value: float | None, ratio: float | None = None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f} ms" + (f" ({ratio:.0f}×)" if ratio is not None else "")


def table(result: dict) -> str:
    """Markdown tables of the figures, each with its target and whether it is met."""
    empty = result["empty_page_ms"]
    server_empty = result.get("empty_server_ms")
    lines = [
        f"Page rerun after a filter change (median; × = multiple of the empty page: AppTest {empty:.1f} ms"
        + (f", server {server_empty:.1f} ms and {result['empty_server_cpu_ms']:.1f} ms of CPU" if server_empty else "")
        + "):",
        "",
        "| Page | AppTest curated | AppTest scale | Server run, scale | Run ≤ 20× | Server CPU, scale | CPU ≤ 20× |",
        "|---|---:|---:|---:|:---:|---:|:---:|",
    ]
    for _, _, key in [*PAGES, ("", "", "trinh-chieu")]:
        page = result["pages"].get(key)
        if not page:
            continue
        run_met = _ok(page["server_ratio"] <= 20) if "server_ratio" in page else ""
        cpu_met = _ok(page["server_cpu_ratio"] <= 20) if "server_cpu_ratio" in page else ""
        if page.get("server_errors"):
            run_met = cpu_met = f"❌ {len(page['server_errors'])} failed"
        lines.append(
            f"| `{key}` | {_fmt_ms(page.get('curated_ms'), page.get('curated_ratio'))} | "
            f"{_fmt_ms(page.get('scale_ms'), page.get('scale_ratio'))} | "
            f"{_fmt_ms(page.get('server_ms'), page.get('server_ratio'))} | {run_met} | "
            f"{_fmt_ms(page.get('server_cpu_ms'), page.get('server_cpu_ratio'))} | {cpu_met} |"
        )
    rows = [
        ("Load + validation, curated (cold)", f"{result['load_curated_ms']:.0f} ms", "—", ""),
        ("Load + validation, scale (cold, from the files)", f"{result['load_scale_ms'] / 1000:.1f} s", "—", ""),
        (
            "Load, scale, from the snapshot",
            f"{result['load_snapshot_ms']:.0f} ms ({result['snapshot_speedup']:.0f}× faster)",
            "—",
            "",
        ),
        (
            "Cold start at scale: new process + imports + load, snapshot",
            f"{result['cold_start_snapshot_ms'] / 1000:.2f} s",
            "≤ 1 s",
            _ok(result["cold_start_snapshot_ms"] <= 1000),
        ),
        (
            "Cold start at scale: new process + imports + load, files",
            f"{result['cold_start_files_ms'] / 1000:.1f} s",
            "—",
            "",
        ),
        (
            "Catalog on a rerun (warm, cached)",
            f"{result['load_warm_ms']:.1f} ms",
            "≤ 50 ms",
            _ok(result["load_warm_ms"] <= 50),
        ),
        (
            "Map payload (pydeck JSON, 63 provinces, scale)",
            f"{result['map_payload_bytes'] / 1000:.0f} KB",
            "≤ 600 KB",
            _ok(result["map_payload_bytes"] <= 600_000),
        ),
    ]
    floor = result.get("floor")
    if floor:
        rows.append(
            (
                "Empty page's rerun: `streamlit run` / deploy/serve.py (TCP_NODELAY)",
                f"{floor['stock_ms']:.0f} ms / {floor['nodelay_ms']:.0f} ms",
                "—",
                "",
            )
        )
    if result.get("first_paint_ms") is not None:
        rows += [
            (
                "Map page: headline text visible (headless Chromium, no GPU)",
                f"{result['first_text_ms'] / 1000:.2f} s",
                "≤ 1.5 s",
                _ok(result["first_text_ms"] <= 1500),
            ),
            (
                "Map page: map drawn",
                f"{result['first_paint_ms'] / 1000:.2f} s",
                "≤ 3 s",
                _ok(result["first_paint_ms"] <= 3000),
            ),
        ]
    load = result.get("load")
    if load:
        for name, label in (("single", "1 process"), ("replicas", f"{load['replicas']['processes']} processes")):
            run = load[name]
            rows += [
                (
                    f"{label} behind nginx, {run['sessions']} sessions, think {run['think_s']:g} s: median / p95",
                    f"{run['median_ms']:.0f} / {run['p95_ms']:.0f} ms",
                    "p95 ≤ 1 s" if name == "single" else "—",
                    _ok(run["p95_ms"] <= 1000) if name == "single" else "",
                ),
                (
                    f"{label}: errors ({run['changes']} changes), changes/s",
                    f"{run['errors']}, {run['changes_per_s']:.1f}/s",
                    "0" if name == "single" else "—",
                    _ok(run["errors"] == 0) if name == "single" else "",
                ),
                (
                    f"{label}: server CPU share (of server + load generator), cores used",
                    f"{run['server_cpu_share']:.0%}, {run['server_cores']:.2f}",
                    "—",
                    "",
                ),
                (
                    f"{label}: capacity, 10 sessions without think time: changes/s, p95",
                    f"{run['capacity_changes_per_s']:.1f}/s, {run['capacity_p95_ms']:.0f} ms",
                    "—",
                    "",
                ),
            ]
        rows.append(
            (
                f"Server memory (peak RSS of one process, scale, {load['single']['sessions']} sessions)",
                f"{result['rss_mb']:.0f} MB",
                "≤ 1.5 GB",
                _ok(result["rss_mb"] <= 1536),
            )
        )
    lines += ["", "| Figure | Measured | Target | Met |", "|---|---:|---:|:---:|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def _ok(met: bool) -> str:
    return "✅" if met else "❌"


README = ROOT / "README.md"
HEADING = "## Hiệu năng / Performance"


def readme_section(result: dict, measured: str) -> str:
    """The README section: how the figures were measured, the tables, and why a missed target is missed."""
    load = result.get("load") or {"single": {"sessions": 50, "think_s": 5}}
    return f"""{HEADING}

`python scripts/benchmark.py --json build/benchmark.json --readme` measures everything below in one run and rewrites
this section. The scale data comes from `python scripts/make_scale_data.py` (into `build/scale/`, git-ignored; the
benchmark makes it when missing): all 63 + 34 units, 10,000 communes before 2025 and 3,300 after, 100 indicators,
1,000,000 observations and 50,000 visits over 2013–2026, every name visibly synthetic (`Xã Mẫu 00123`) and
`generated: true`, so the app shows its "DỮ LIỆU SINH TỰ ĐỘNG" banner. To look at it:
`DANVAN_DATA=build/scale streamlit run app.py`.

How it is measured:
- **Page reruns, AppTest**: reruns right after a filter change; every change is a filter not seen before in the
  run, so the per-filter caches miss: alternately a new year range over all provinces (the national view) and one
  to three provinces. Median of {result.get("changes", 7)} per page and dataset; × is the multiple of an empty page's
  rerun in the same run. AppTest compiles the entry and the page script again on every run, which a server does once.
- **Page reruns, server**: a real server (`deploy/serve.py run scripts/bench_app.py`: the product plus an empty page
  at `/_trong` that only the benchmark entry has) on the scale data, driven by `scripts/loadgen.py`, which speaks
  Streamlit's websocket protocol without a browser: one session opens the page with a URL filter, then changes the
  year slider and the province multiselect as the browser sends them (widget states by the ids in the server's
  deltas), a new filter each time. Latency = change sent → `script_finished`; CPU = the server's CPU seconds per
  change from /proc, over all its changes (and the empty page's over all its runs: /proc counts in 10 ms ticks). ×
  is the multiple of the empty page's rerun in the same process. The presentation page (`trinh-chieu`) is measured
  on slides {", ".join(map(str, SLIDES))}. The issue's target is the run (≤ 20×); the CPU column is stricter, since
  Polars spreads a query over both cores. The curator's pages (`/nhap-lieu`, `/hang-cho`, `/nhat-ky`) are for
  signed-in curators, not leaders, and are left out.
- **Loads**: `danvan.load` with validation, from the files (median of 5 curated, 2 scale) and from the columnar
  snapshot (`danvan/snapshot.py`); a cold start is a new Python process importing `danvan` and loading the scale data.
- **First text and first paint**: headless Chromium (`--disable-gpu`: software WebGL), the map page on the curated
  data, navigation → its headline visible, → the map's canvas on screen and the run finished; a fresh browser
  context each time (median of 5).
- **Load**: `deploy/run-local.sh` starts 1, then 2 dashboard processes behind nginx on loopback (as deployed, with
  the snapshot); {load["single"]["sessions"]} protocol sessions open the overview with a URL filter and change
  filters with exponential think time (mean {load["single"]["think_s"]:g} s); latency = change sent →
  `script_finished`. The load generator runs on the same two cores; the rows say the server's share of the CPU.

Measured {measured}:

{table(result)}
{_limits(result)}
{_decisions(result)}"""


def _decisions(result: dict) -> str:
    """The settings this speed rests on, and the first-view decision, with the figures behind them."""
    paint = result.get("first_paint_ms")
    if paint is None:
        first_view = "First view: not measured in this run (`--no-browser`)."
    elif paint <= 3000:
        first_view = (
            f"First view: the interactive map is drawn {paint / 1000:.2f} s after navigation on software "
            f"rendering, the headline {result['first_text_ms'] / 1000:.2f} s — within the targets, so no "
            "light first view (a pre-rendered picture of the map while deck.gl starts) is shipped: it "
            "would add a second copy of the map to every page load for no need measured here."
        )
    else:
        first_view = (
            f"First view: the map is drawn {paint / 1000:.2f} s after navigation, over the 3 s target; a "
            "light first view (a pre-rendered picture of the map while deck.gl starts) is the way to meet "
            "it and is not built yet."
        )
    return f"""What the figures rest on:
- `runner.postScriptGC = false` in `.streamlit/config.toml`: Streamlit's full garbage collection after every run
  cost 60–125 ms per run at scale, more than most pages' own work; `components/cached.py` freezes the objects alive
  once the catalog is loaded (`gc.freeze()`), so Python's own collections skip them. Over 200 reruns at scale the
  server's RSS stayed flat with and without the freeze (520–570 MB on the timeline, 670–710 MB on the overview);
  the slowest run of every 25 was lower with it (overview 72–121 ms against 70–196 ms).
- The app starts a data folder larger than 16 MB from its columnar snapshot (`danvan/snapshot.py`;
  `DANVAN_SNAPSHOT=1` or `0` decides instead), written beside the data in `.snapshot/` (git-ignored, outside the
  folder the loader stamps).
- {first_view}
"""


# Why a page's run at scale costs what it does, measured per part with AppTest while building this (29/11/2026).
CAUSES = {
    "trinh-chieu": "for a new filter only the slide shown is made (exports/report.py `Deck`, cached per filter and "
    "slide) from a per-catalog index of the values (`value_index`, once per scheme and language), and its chart or map "
    "picture; the PowerPoint and HTML files only when downloaded",
    "tim-kiem": "for each new filter or words the filter's visits (≈25.000 in the national view) are looked through in "
    "their text folded once per catalog (danvan/search.py `fold_visits`; the values' text parts are encoded once per "
    "catalog), the records that hold the words made, the ones not folded yet folded and ranked (`search`), and up to "
    "60 hits drawn (≈180 elements)",
    "thay-doi": "30 visits and 30 values drawn (≈100 elements), and the filter's visits joined with their added dates "
    "per filter (the values' added dates are indexed once per catalog: danvan/changes.py `added_index`)",
    "tong-quan": "the outcomes of the filter's province-level totals (≈11 ms), the trends counted over the catalog's "
    "de-duplicated values (danvan/results.py `top_trends`, ≈12 ms), six visits, six highlights and the headline",
    "ho-so-tinh": "one screen of 10 visits and 20 quoted values is ≈135 elements (≈800 deltas) to send, and the "
    "location map's deck (all 63 shapes, ≈300 KB of JSON) is built again for each province (≈18 ms)",
    "so-sanh": "the labels and the table of every value of the chosen indicator (≈8.400 communes: ≈16 + 3 ms; the "
    "places' labels made once per catalog and joined in), the ranking of the filter's indicators and the Plotly "
    "figure",
    "ban-do": "the deck of all shapes and arcs (≈300 KB of JSON) is built and sent again for each filter",
    "van-ban": "the documents' references of the filter's visits, a copy of its rows for a few provinces, and up to "
    "20 visits listed under each document (≈300 elements in the national view)",
    "du-lieu": "the filter's visits and values, and the 2.000 rows of each table shown made readable (places named "
    "from labels made once per catalog, ratio notes, numbers and dates as text) and sent; the files only when "
    "downloaded",
    "dong-thoi-gian": "the Plotly figure of up to 2 000 points with the documents as milestones",
}


def _limits(result: dict) -> str:
    """Where a target is missed: which, by how much, and why (from this run's figures and the measured causes)."""
    notes = []
    for key, page in result["pages"].items():
        run, cpu = page.get("server_ratio", 0), page.get("server_cpu_ratio", 0)
        if run > 20 or cpu > 20:
            missed = " and ".join(
                f"{label} {value:.1f}× ({(value / 20 - 1):+.0%} over 20×)"
                for label, value in (("run", run), ("CPU", cpu))
                if value > 20
            )
            note = f"- `{key}` at scale: {missed} the empty page's — {CAUSES.get(key, 'its own queries')}."
            present = result.get("presentation")
            if key == "trinh-chieu" and present:  # one bullet for the page: its cause, then its figures at scale
                note += (
                    f" A page's run is that slide's. For scale, all {present['national_slides']} slides of the "
                    "national view at once (what the downloaded files need, `report.report`) take "
                    f"{present['national_ms']:.0f} ms, {present['national_values_ms']:.0f} ms of it in "
                    f"`report._indicator_values` over the filter's {present['national_rows']:,} values; one "
                    f"province's: {present['province_ms']:.0f} ms. The filter changes alternate between the national "
                    "view and provinces, so the CPU (a mean) leans to the national view's and the run (a median) lies "
                    "between."
                )
            notes.append(note)
    if any(page.get("server_cpu_ratio", 0) > 20 for page in result["pages"].values()):
        notes.append(
            f"- The CPU ratio is the stricter one: the empty page's run costs the server "
            f"{result.get('empty_server_cpu_ms', 0):.1f} ms of CPU against "
            f"{result.get('empty_server_ms', 0):.1f} ms of run time, and Polars spreads a query's work over "
            "both cores."
        )
    if result.get("cold_start_snapshot_ms") and result["cold_start_snapshot_ms"] > 1000:
        notes.append(
            f"- Cold start: {result['cold_start_snapshot_ms'] / 1000:.2f} s, of which the load from the "
            f"snapshot is {result['load_snapshot_ms']:.0f} ms; the rest is starting Python and importing "
            "Polars."
        )
    if result.get("first_text_ms") and result["first_text_ms"] > 1500:
        notes.append(
            f"- Headline text: {result['first_text_ms'] / 1000:.2f} s, {result['first_text_ms'] - 1500:.0f} "
            "ms over: Streamlit's frontend bundle is parsed and its websocket opened before any text."
        )
    if result.get("first_paint_ms") and result["first_paint_ms"] > 3000:
        notes.append(
            f"- First paint: {result['first_paint_ms'] / 1000:.2f} s, {result['first_paint_ms'] - 3000:.0f} ms over; "
            "the rest after the headline is deck.gl starting WebGL on SwiftShader (the software GPU of "
            "`--disable-gpu`): one long main-thread task."
        )
    load = result.get("load")
    if load and (load["single"]["p95_ms"] > 1000 or load["single"]["errors"]):
        run = load["single"]
        notes.append(
            f"- Load on one process: p95 {run['p95_ms']:.0f} ms with {run['errors']} errors; the server "
            f"kept {run['server_cores']:.2f} cores busy ({run['server_cpu_share']:.0%} of the CPU spent by "
            "server and load generator)."
        )
    if result.get("rss_mb") and result["rss_mb"] > 1536:
        notes.append(f"- Memory: peak RSS {result['rss_mb']:.0f} MB, {result['rss_mb'] - 1536:.0f} MB over.")
    return ("\nWhere a target is missed:\n" + "\n".join(notes) + "\n") if notes else ""


def write_readme(section: str) -> None:
    """Replace this section of README.md (from its heading to the next "## " heading), or append it."""
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    if HEADING in text:
        head, rest = text.split(HEADING, 1)
        nxt = rest.find("\n## ")
        tail = rest[nxt + 1 :] if nxt >= 0 else ""
        text = head + section + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, required=True, help="where to write the figures")
    parser.add_argument("--changes", type=int, default=7, help="filter changes measured per page and dataset")
    parser.add_argument("--server-changes", type=int, default=15, help="filter changes per page on the server")
    parser.add_argument("--no-browser", action="store_true", help="skip first text and first paint")
    parser.add_argument("--no-load", action="store_true", help="skip the load on the deployment (nginx)")
    parser.add_argument("--sessions", type=int, default=50, help="sessions of the load on the deployment")
    parser.add_argument("--think", type=float, default=5.0, help="mean think time of the load, seconds")
    parser.add_argument("--load-changes", type=int, default=8, help="filter changes per session of the load")
    parser.add_argument("--ports", type=int, default=8641, help="first of 20 loopback ports the servers may use")
    parser.add_argument("--only", help="comma-separated page keys (development aid)")
    parser.add_argument("--no-apptest", action="store_true", help="skip the AppTest reruns (development aid)")
    parser.add_argument(
        "--streamlit-option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an option for the directly started servers, e.g. runner.postScriptGC=false",
    )
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args(argv)
    for option in args.streamlit_option:
        name, _, value = option.partition("=")
        EXTRA.extend([f"--{name}", value])

    if not (SCALE / "dataset.yaml").is_file():
        print("generating build/scale …", flush=True)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_scale_data.py"), "--out", str(SCALE)], check=True)
    os.environ.pop("DANVAN_SNAPSHOT", None)  # the loads below say whether they use the snapshot
    sys.path.insert(0, str(ROOT / "scripts"))
    result: dict = {}
    only = set(args.only.split(",")) if args.only else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        entry = _entry(folder)
        result["empty_page_ms"] = empty_page_ms(folder, runs=30)
        print(f"empty page: {result['empty_page_ms']:.1f} ms", flush=True)
        pages = {}
        for index, (file, _, key) in enumerate(PAGES):
            if (only and key not in only) or args.no_apptest:
                continue
            figures = {}
            for d, (name, data) in enumerate((("curated", CURATED), ("scale", SCALE))):
                times = page_reruns(entry, file, data, filter_changes(index, d, args.changes))
                figures[f"{name}_ms"] = median(times)
                figures[f"{name}_ratio"] = median(times) / result["empty_page_ms"]
                print(
                    f"{key:15s} {name:8s} median {median(times):7.0f} ms  runs {[round(t) for t in times]}", flush=True
                )
            pages[key] = figures
        result["pages"] = pages
        result |= load_figures(curated_runs=5, scale_runs=2)
        result |= snapshot_figures(runs=5, load_scale_ms=result["load_scale_ms"])
        print(
            f"load: { {k: round(v) for k, v in result.items() if k.startswith(('load', 'cold', 'snap'))} }", flush=True
        )
        result["map_payload_bytes"] = map_payload_bytes(entry, SCALE)
        result["presentation"] = presentation_figures()
        print(f"presentation: {result['presentation']}", flush=True)

    logs = ROOT / "build" / "benchmark"  # the servers' logs, to read when something failed
    logs.mkdir(parents=True, exist_ok=True)
    keys = [key for _, _, key in [*PAGES, ("", "", "trinh-chieu")] if not only or key in only]
    with server(SCALE, logs / "bench-server.log", args.ports, app=BENCH_APP, env={"DANVAN_SNAPSHOT": "1"}) as (
        base,
        pid,
    ):
        measured = asyncio.run(server_runs(base, pid, args.server_changes, keys))
        floor = asyncio.run(floor_ms(base, pid))
    for key, figures in measured["pages"].items():
        result["pages"].setdefault(key, {}).update(figures)
    result["empty_server_ms"] = measured["empty_server_ms"]
    result["empty_server_cpu_ms"] = measured["empty_server_cpu_ms"]
    # The framework's floor as users get it today (`streamlit run`) and with deploy/serve.py's TCP_NODELAY
    with server(SCALE, logs / "stock-server.log", args.ports + 1, app=BENCH_APP, stock=True) as (base, pid):
        stock = asyncio.run(floor_ms(base, pid))
    result["floor"] = {
        "stock_ms": stock["ms"],
        "stock_cpu_ms": stock["cpu_ms"],
        "nodelay_ms": floor["ms"],
        "nodelay_cpu_ms": floor["cpu_ms"],
    }
    print(f"empty page on a server: {result['floor']}", flush=True)

    if not args.no_browser:
        with server(CURATED, logs / "curated-server.log", args.ports + 2) as (base, _):
            result["first_text_ms"], result["first_paint_ms"] = asyncio.run(first_paint_ms(base, runs=5))
        print(f"first text {result['first_text_ms']:.0f} ms, first paint {result['first_paint_ms']:.0f} ms", flush=True)
    else:
        result |= {"first_text_ms": None, "first_paint_ms": None}

    if not args.no_load:
        load = {}
        budget = max(60.0, args.think * (args.load_changes + 2) * 3)
        for name, processes in (("single", 1), ("replicas", 2)):
            with deployment(processes, SCALE, logs, args.ports) as (proxy, pids, nginx):
                run = asyncio.run(load_run(proxy, pids, nginx, args.sessions, args.think, args.load_changes, budget))
            print(f"load {name}: {run}", flush=True)
            run.pop("messages")
            load[name] = run
        result["load"] = load
        result["rss_mb"] = load["single"].pop("rss_mb")
        load["replicas"].pop("rss_mb")
        single = load["single"]
        # the earlier browser-driven key, now from the protocol load on one process
        result["concurrent"] = {
            k: single[k] for k in ("median_ms", "p95_ms", "errors", "changes", "sessions", "server_cpu_share")
        } | {"alone_median_ms": result["pages"].get("tong-quan", {}).get("server_ms")}
    else:
        result |= {"load": None, "rss_mb": None, "concurrent": None}

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(result))
    if args.readme:
        loadavg = os.getloadavg()
        measured_at = (
            f"{time.strftime('%d/%m/%Y')} on this machine ({os.cpu_count()} cores, load average "
            f"{loadavg[0]:.1f} at the end, mostly the benchmark's own servers and clients)"
        )
        write_readme(readme_section(result | {"changes": args.changes}, measured_at))
    return 0


if __name__ == "__main__":
    sys.exit(main())
