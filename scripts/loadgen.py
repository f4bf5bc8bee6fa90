"""A load generator that speaks Streamlit's own websocket protocol: no browser, so the machine's cores go to the server.

    python scripts/loadgen.py --url http://127.0.0.1:8641 --sessions 50 --think 5 --changes 6 --pid SERVER_PID
    python scripts/loadgen.py --url http://127.0.0.1:8641 --path ban-do --query tinh=20 --sessions 1 --changes 3 -v

The protocol, as Streamlit 1.67's frontend speaks it (read from streamlit/web/server/starlette/starlette_websocket.py,
streamlit/runtime/app_session.py and streamlit/runtime/pages_manager.py):
- the client opens `<base>/_stcore/stream` with the subprotocols `streamlit, <xsrf token>[, <session id>]`: the first
  one is selected, the second is read as an XSRF token only when the connection carries an Origin header (ours does
  not, so no cookie is needed) and the third reconnects an existing session;
- every message is a binary protobuf: the client sends `BackMsg`, the server `ForwardMsg`;
- the first run is asked for by `BackMsg.rerun_script` (a `ClientState`) carrying the URL's query string, an empty
  `page_script_hash`, the URL path as `page_name` (matched against the pages' `url_pathname` by st.navigation) and
  `context_info` (url, locale, timezone: what `st.context` reports);
- the server answers `new_session`, `navigation` (whose `page_script_hash` is the page being run), `delta`s (each
  element at `metadata.delta_path`; a widget's element carries its id, `$$ID-<hash>-<key>`), `page_info_changed`
  (the query string the script wrote into the URL) and finally `script_finished` (status 2 = stopped early for a
  rerun: another run follows, so the run of a change ends at the first other status);
- a widget change is a new `rerun_script` with the current query string, the page's hash and `WidgetStates` holding
  the value of every widget on the page (the browser keeps one per rendered widget: the changed one with its new
  value, the others with their current value) — a slider as `double_array_value`, a multiselect as
  `string_array_value` of the option labels, a radio or selectbox as `string_value`, a button click as
  `trigger_value`;
- messages larger than `global.minCachedMessageSize` are marked cacheable with a hash; the client lists the hashes
  it holds in `cached_message_hashes` and the server then sends only a `ref_hash` for them, as to a browser.

Latency of a change = the rerun sent → its `script_finished` received. Only loopback addresses are accepted; every
wait is bounded by a timeout and the whole run by a deadline, so the run stops by itself."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import os
import random
import socket
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

FINISHED_EARLY_FOR_RERUN = 2
CACHE_LIMIT = 200  # cached messages a session keeps (a browser's cache is bounded too)
TEXT_ELEMENTS = ("heading", "markdown", "text", "alert")


def _proto():
    """The protobuf modules, imported when needed: importing Streamlit takes ~1 s."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    return BackMsg, ForwardMsg


def check_loopback(url: str) -> None:
    """Refuse any target that is not this machine's loopback: the load is never sent elsewhere."""
    host = urlparse(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror as err:
        raise ValueError(f"cannot resolve {host!r}: {err}") from None
    if not addresses or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        raise ValueError(f"{url}: the load generator only targets loopback addresses, not {sorted(addresses)}")


@dataclass
class Widget:
    """A widget of the page as the client knows it: its element (the latest delta) and the value it would send."""

    id: str
    kind: str
    element: object
    state: object | None  # WidgetState or None when the browser would not send one (buttons, charts)

    @property
    def key(self) -> str:
        parts = self.id.split("-", 2)
        return parts[2] if len(parts) == 3 else ""


@dataclass
class Run:
    """What one script run sent the client."""

    latency_ms: float
    status: int
    texts: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    messages: int = 0
    bytes: int = 0

    @property
    def ok(self) -> bool:
        return self.status in (0, 3) and not self.exceptions


class ProtocolError(RuntimeError):
    pass


class Session:
    """One browser tab, as the server sees it: a websocket, the page's hash, the query string and the widgets."""

    def __init__(
        self, base: str, path: str = "", query: str = "", *, locale: str = "vi-VN", timeout_s: float = 60.0
    ) -> None:
        check_loopback(base)
        parsed = urlparse(base)
        self.http = base.rstrip("/")
        self.ws_url = (
            ("wss" if parsed.scheme == "https" else "ws") + self.http[len(parsed.scheme) :] + "/_stcore/stream"
        )
        self.path = path.strip("/")
        self.query = query.lstrip("?")
        self.locale = locale
        self.timeout_s = timeout_s
        self.page_hash = ""
        self.widgets: dict[str, Widget] = {}
        self.cache: dict[str, object] = {}  # hash → ForwardMsg, for ref_hash messages
        self.ws = None

    @property
    def url(self) -> str:
        return f"{self.http}/{self.path}" + (f"?{self.query}" if self.query else "")

    async def open(self) -> Run:
        """Connect and run the page the URL names, as a browser's first visit does."""
        import websockets

        self.ws = await asyncio.wait_for(
            websockets.connect(
                self.ws_url,
                subprotocols=["streamlit", "loadgen"],
                max_size=None,
                open_timeout=self.timeout_s,
                compression=None,
            ),
            self.timeout_s,
        )
        return await self._rerun(page_name=self.path)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    def widget(self, key: str, kind: str | None = None) -> Widget:
        """The widget with this user key (or, failing that, the first of this kind in the sidebar)."""
        for w in self.widgets.values():
            if w.key == key:
                return w
        if kind:
            for w in self.widgets.values():
                if w.kind == kind:
                    return w
        raise KeyError(f"no widget {key!r} on {self.url}; widgets: {[w.key or w.id for w in self.widgets.values()]}")

    async def change(self, values: dict[str, object]) -> Run:
        """Set widgets (by user key) as a user would — a slider's (low, high), a multiselect's option labels, a
        radio's label, True for a button click — and wait for the run it causes."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        triggers = []
        for key, value in values.items():
            w = self.widget(key)
            state = WidgetState(id=w.id)
            if w.kind == "slider":
                state.double_array_value.data.extend(float(v) for v in value)
            elif w.kind in ("multiselect", "button_group"):
                state.string_array_value.data.extend(str(v) for v in value)
            elif w.kind in ("radio", "selectbox", "text_input"):
                state.string_value = str(value)
            elif w.kind == "checkbox":
                state.bool_value = bool(value)
            elif w.kind == "number_input":
                state.double_value = float(value)
            elif w.kind == "button":
                state.trigger_value = True
                triggers.append(state)
                continue
            else:
                raise ValueError(f"cannot set a {w.kind} widget")
            w.state = state
        return await self._rerun(extra=triggers)

    async def rerun(self) -> Run:
        """A rerun with the same widget values (what a page with no widgets gets for a change)."""
        return await self._rerun()

    async def _rerun(self, page_name: str = "", extra: Sequence[object] = ()) -> Run:
        BackMsg, ForwardMsg = _proto()
        if self.ws is None:
            raise ProtocolError("session not open")
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = self.page_hash
        cs.page_name = page_name
        for w in self.widgets.values():
            if w.state is not None:
                cs.widget_states.widgets.append(w.state)
        cs.widget_states.widgets.extend(extra)
        cs.cached_message_hashes.extend(self.cache)
        cs.context_info.url = self.url
        cs.context_info.locale = self.locale
        cs.context_info.timezone = "Asia/Ho_Chi_Minh"
        cs.context_info.timezone_offset = -420
        cs.context_info.is_embedded = False
        cs.context_info.color_scheme = "light"
        previous = {w.id: w.state for w in self.widgets.values()}
        widgets: dict[str, Widget] = {}
        texts: list[str] = []
        exceptions: list[str] = []
        count = size = 0
        deadline = time.monotonic() + self.timeout_s
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no script_finished within {self.timeout_s:.0f} s on {self.url}")
            data = await asyncio.wait_for(self.ws.recv(), remaining)
            count += 1
            size += len(data)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "ref_hash":
                cached = self.cache.get(fwd.ref_hash)
                if cached is None:
                    raise ProtocolError(f"ref_hash {fwd.ref_hash} for a message this session never received")
                cached_copy = ForwardMsg()
                cached_copy.CopyFrom(cached)
                cached_copy.metadata.CopyFrom(fwd.metadata)
                fwd, kind = cached_copy, cached_copy.WhichOneof("type")
            elif fwd.metadata.cacheable and fwd.hash and len(self.cache) < CACHE_LIMIT:
                self.cache[fwd.hash] = fwd
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._element(fwd.delta.new_element, widgets, previous, texts, exceptions)
            elif kind == "navigation" and fwd.navigation.page_script_hash:
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "new_session" and fwd.new_session.page_script_hash:
                self.page_hash = fwd.new_session.page_script_hash
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "page_not_found":
                exceptions.append(f"page not found: {fwd.page_not_found.page_name!r}")
            elif kind == "script_finished":
                if fwd.script_finished == FINISHED_EARLY_FOR_RERUN:
                    continue  # st.rerun() or a callback: the change's run is the next one
                self.widgets = widgets
                return Run((time.perf_counter() - start) * 1000, fwd.script_finished, texts, exceptions, count, size)

    @staticmethod
    def _element(
        element, widgets: dict[str, Widget], previous: dict[str, object | None], texts: list[str], exceptions: list[str]
    ) -> None:
        kind = element.WhichOneof("type")
        body = getattr(element, kind)
        if kind in TEXT_ELEMENTS:
            texts.append(body.body)
        elif kind == "metric":
            texts.append(f"{body.label}: {body.body}")
        elif kind == "exception":
            exceptions.append(f"{body.type}: {body.message}")
        wid = getattr(body, "id", "") if kind not in TEXT_ELEMENTS else ""
        if isinstance(wid, str) and wid.startswith("$$ID"):
            state = _state_from_element(kind, body, previous.get(wid))
            widgets[wid] = Widget(wid, kind, body, state)


def _state_from_element(kind: str, el, previous):  # -> WidgetState | None
    """The value the browser holds for a rendered widget: set by the script (set_value), else the user's last value,
    else the widget's default. Widgets that hold no value until used (buttons, charts, tables) send none."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    if previous is not None and not getattr(el, "set_value", False):
        return previous
    state = WidgetState(id=el.id)
    if kind == "slider":
        state.double_array_value.data.extend(el.value if el.set_value else el.default)
    elif kind == "multiselect":
        state.string_array_value.data.extend(
            el.raw_values if el.set_value else [el.options[i] for i in el.default if i < len(el.options)]
        )
    elif kind == "button_group":
        state.string_array_value.data.extend(
            el.raw_values if el.set_value else [el.options[i].content for i in el.default if i < len(el.options)]
        )
    elif kind in ("radio", "selectbox"):
        if el.set_value:
            state.string_value = el.raw_value
        elif el.HasField("default") and 0 <= el.default < len(el.options):
            state.string_value = el.options[el.default]
        else:
            return None
    elif kind == "checkbox":
        state.bool_value = el.value if el.set_value else el.default
    elif kind == "text_input":
        state.string_value = el.value if el.set_value else el.default
    elif kind == "number_input":
        state.double_value = el.value if el.set_value else el.default
    else:
        return None
    return state


# ---------------------------------------------------------------- filters


class Filters:
    """Filter changes as a user makes them in the sidebar: a new year range on the slider or one to three provinces
    in the multiselect, never the same filter twice in one Filters (so per-filter caches miss) unless `repeat`."""

    def __init__(self, seed: int, repeat: bool = False) -> None:
        self.random = random.Random(seed)
        self.seen: set[tuple] = set()
        self.repeat = repeat

    def next(self, session: Session, step: int) -> dict[str, object]:
        years = session.widget("f_nam", "slider").element
        provinces = session.widget("f_tinh", "multiselect").element
        low, high = int(years.min), int(years.max)
        for _ in range(1000):
            first = self.random.randint(low, high - 1)
            last = self.random.randint(first, high)
            picks = tuple(sorted(self.random.sample(list(provinces.options), self.random.randint(1, 3))))
            # alternately the national view over new years, and a new set of provinces
            change = {"f_nam": (first, last), "f_tinh": [] if step % 2 == 0 else list(picks)}
            key = (change["f_nam"], tuple(change["f_tinh"]))
            if self.repeat or key not in self.seen:
                self.seen.add(key)
                return change
        raise RuntimeError("no new filter left")


# ---------------------------------------------------------------- CPU from /proc


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]) if ordered else float("nan")


# ---------------------------------------------------------------- runs


async def sequential(
    base: str,
    path: str,
    query: str,
    changes: int,
    filters: Filters | None,
    warmup: int = 1,
    pids: Sequence[int] = (),
    check: Callable[[Run], None] | None = None,
) -> dict:
    """One session alone: open the page, then `changes` changes back to back (each a new filter; a plain rerun when
    `filters` is None, for a page without the filter bar). Returns the latencies, and the server's CPU per change
    when its pids are given."""
    session = Session(base, path, query)

    async def step(k: int) -> Run:
        change = filters.next(session, k) if filters else None
        try:
            run = await (session.change(change) if change else session.rerun())
        except (TimeoutError, ProtocolError, OSError) as err:  # the server did not finish the run
            raise ProtocolError(f"{session.url}, change {change}: {type(err).__name__} {err}") from err
        if not run.ok:
            raise ProtocolError(f"{session.url}, change {change}: {run.exceptions or run.status}")
        return run

    try:
        opened = await session.open()
        if check:
            check(opened)
        for k in range(warmup):  # the first change of a page imports what its figures need
            await step(k)
        cpu0 = sum(cpu_seconds(p) for p in pids)
        runs = []
        for k in range(changes):
            run = await step(warmup + k)
            if check:
                check(run)
            runs.append(run)
        cpu = sum(cpu_seconds(p) for p in pids) - cpu0
    finally:
        await session.close()
    times = [r.latency_ms for r in runs]
    return {
        "median_ms": median(times),
        "runs_ms": [round(t, 1) for t in times],
        "server_cpu_ms": cpu * 1000 / max(changes, 1) if pids else None,
        "open_ms": opened.latency_ms,
        "bytes": median([r.bytes for r in runs]),
    }


async def load(
    base: str,
    pids: Sequence[int],
    sessions: int,
    think_s: float,
    changes: int,
    budget_s: float,
    path: str = "",
    seed: int = 1,
    ramp_s: float | None = None,
    timeout_s: float = 30.0,
) -> dict:
    """`sessions` sessions open `path` with a URL filter each (spread over `ramp_s`, default one think time), then
    each makes `changes` filter changes with exponential think time of mean `think_s` between them. The whole run
    stops at `budget_s`. Latency = change sent → script_finished; an exception on the page, a timeout or a broken
    connection is an error. The server's CPU is read from /proc for `pids` over the change phase."""
    deadline = time.monotonic() + budget_s
    ramp = think_s if ramp_s is None else ramp_s
    latencies: list[float] = []
    opens: list[float] = []
    errors: list[str] = []
    done = 0
    window = [float("inf"), 0.0]  # first change sent, last change answered: the phase the throughput is over

    async def one(i: int) -> None:
        nonlocal done
        local = random.Random(seed * 1000 + i)
        await asyncio.sleep(local.uniform(0, ramp))
        year = 2013 + i % 8
        query = f"nam={year}-{min(2026, year + 3 + i % 5)}" + (
            f"&tinh={PROVINCE_CODES[i % len(PROVINCE_CODES)]}" if i % 2 else ""
        )
        session = Session(base, path, query, timeout_s=timeout_s)
        filters = Filters(seed * 7919 + i)
        try:
            opened = await session.open()
            opens.append(opened.latency_ms)
            if not opened.ok:
                errors.append(f"session {i} open: {opened.exceptions[:1] or opened.status}")
            for k in range(changes):
                think = local.expovariate(1 / think_s) if think_s > 0 else 0.0
                if time.monotonic() + think + timeout_s > deadline:
                    break
                await asyncio.sleep(think)
                window[0] = min(window[0], time.monotonic())
                run = await session.change(filters.next(session, k))
                window[1] = max(window[1], time.monotonic())
                latencies.append(run.latency_ms)
                done += 1
                if not run.ok:
                    errors.append(f"session {i} change {k}: {run.exceptions[:1] or run.status}")
        except Exception as err:  # a timeout or a dropped connection is an error of the server under load
            errors.append(f"session {i}: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}")
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(session.close(), 5)

    cpu0, own0, t0 = sum(cpu_seconds(p) for p in pids), own_cpu_seconds(), time.monotonic()
    tasks = [asyncio.create_task(one(i)) for i in range(sessions)]
    await asyncio.wait(tasks, timeout=max(1.0, deadline - time.monotonic() + 5))
    for task in tasks:
        task.cancel()
    wall = time.monotonic() - t0
    span = window[1] - window[0] if done else 0.0
    server = sum(cpu_seconds(p) for p in pids) - cpu0
    own = own_cpu_seconds() - own0
    return {
        "sessions": sessions,
        "think_s": think_s,
        "median_ms": median(latencies),
        "p95_ms": p95(latencies),
        "errors": len(errors),
        "changes": len(latencies),
        "changes_per_s": round(done / span, 2) if span else 0,
        "open_median_ms": median(opens),
        "wall_s": round(wall, 1),
        # the server's share of the CPU spent by the server and this load generator together, and the cores the
        # server kept busy (CPU seconds per wall second)
        "server_cpu_share": round(server / max(server + own, 1e-9), 3),
        "server_cpu_s": round(server, 2),
        "loadgen_cpu_s": round(own, 2),
        "server_cores": round(server / wall, 2) if wall else 0,
        "messages": errors[:10],
    }


# Provinces (GSO codes, scheme 63) used in the opening URLs' filters.
PROVINCE_CODES = ["20", "44", "06", "35", "64", "56", "77", "68", "01", "79", "48", "46", "92", "38", "40", "66"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the app's base URL on loopback, e.g. http://127.0.0.1:8641")
    parser.add_argument("--path", default="", help="the page's URL path (default: the overview)")
    parser.add_argument("--query", default="", help="for --sessions 1 -v: the URL's query string")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--think", type=float, default=5.0, help="mean think time between changes, seconds")
    parser.add_argument("--changes", type=int, default=5, help="changes per session")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds the whole run may take")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server pid(s) whose CPU to read")
    parser.add_argument("-v", "--verbose", action="store_true", help="one session: print each run's texts")
    args = parser.parse_args(argv)
    check_loopback(args.url)
    if args.verbose:

        async def show() -> None:
            session = Session(args.url, args.path, args.query)
            runs = [await session.open()]
            filters = Filters(1)
            for k in range(args.changes):
                runs.append(await session.change(filters.next(session, k)))
            await session.close()
            for run in runs:
                print(
                    f"{run.latency_ms:8.1f} ms  status {run.status}  {run.messages} messages  {run.bytes} bytes  "
                    f"exceptions {run.exceptions}  texts {[t[:60] for t in run.texts[:6]]}"
                )

        asyncio.run(show())
        return 0
    result = asyncio.run(load(args.url, args.pid, args.sessions, args.think, args.changes, args.budget, args.path))
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
