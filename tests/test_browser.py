"""Browser tests: `streamlit run` on loopback, every page opened by its URL in headless Debian Chromium.

Each page must show its content with no exception, make no request outside the app's own address and log no
browser error; a 1920×1080 screenshot of each is saved in tests/artifacts/. Skips only when /usr/bin/chromium is
missing, and never when DANVAN_REQUIRE_BROWSER=1 (set by .ci/run)."""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from components import boot
from danvan.i18n import t

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
PICTURE = '[data-testid="stImage"] img'  # the province profile's location
DATAFRAME = '[data-testid="stDataFrame"]'
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("DANVAN_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"{CHROMIUM} is required for the browser tests (DANVAN_REQUIRE_BROWSER=1)")
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

sync_api = (
    pytest.importorskip("playwright.sync_api")
    if os.environ.get("DANVAN_REQUIRE_BROWSER") != "1"
    else __import__("playwright.sync_api", fromlist=["sync_playwright"])
)

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(port: int, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen | None:
    """Start the app on the port (on the curated data unless `env` says otherwise); None if it exits before
    answering (e.g. another process took the port)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "DANVAN_DATA": str(ROOT / "data"), **(env or {})},
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return proc if proc.poll() is None else None  # answered by our process, not another one
        except OSError:
            time.sleep(0.3)
    proc.kill()
    return None


@pytest.fixture(scope="module")
def server():
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "streamlit.log"  # kept for whoever reads a failed run
    log.write_bytes(b"")
    for _ in range(3):
        port = _free_port()
        proc = _start(port, log)
        if proc is not None:
            break
    else:
        pytest.fail("streamlit did not start: " + log.read_text(errors="replace")[-2000:])
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def _base_path_probe(url: str) -> bool:
    """On a deep link Streamlit's frontend first looks for its server under the page's path (/ban-do/_stcore/...),
    gets 404, then finds it at the root: expected, not an error of the app."""
    path = urlparse(url).path
    return path.endswith(("/_stcore/health", "/_stcore/host-config")) and path.count("/") > 2


class Visit:
    """One page opened in a fresh browser tab, recording requests that left the app and browser errors."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="vi-VN")
        self.outside: list[str] = []
        self.errors: list[str] = []
        own = urlparse(base).netloc
        self.page.on(
            "request",
            lambda r: (
                None
                if urlparse(r.url).netloc == own or r.url.startswith(("data:", "blob:"))
                else self.outside.append(r.url)
            ),
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "response",
            lambda r: (
                self.errors.append(f"{r.status} {r.url}") if r.status >= 400 and not _base_path_probe(r.url) else None
            ),
        )
        self.page.on(
            "console",
            lambda m: (
                self.errors.append(m.text)
                if m.type == "error" and not m.text.startswith("Failed to load resource")
                else None
            ),
        )  # named by "response"

    @property
    def address(self) -> str:
        """The address bar now. Playwright's page.url can miss a replaceState (the history script's, components/
        boot.py): after a page switch it still gave the map's address while the bar showed the timeline's."""
        return self.page.evaluate("location.href")

    def wait_for_address(self, pattern: str, timeout: int = 60_000) -> None:
        """Wait until the address bar matches `pattern` (a regular expression), read as `address` reads it: a wait
        on Playwright's own idea of the address could time out where that missed a replaceState."""
        self.page.wait_for_function("p => new RegExp(p).test(location.href)", arg=pattern, timeout=timeout)

    def open(self, path: str, ready: str | None = None) -> str:
        self.page.goto(self.base + "/" + path, wait_until="load", timeout=120_000)
        self.settle(ready)
        return self.page.inner_text("body")

    # Every page ends with the footer naming the data version.
    FOOTER = "Phiên bản dữ liệu|Data version"
    DONE = f"() => /{FOOTER}/.test(document.body.innerText)"

    def settle(self, ready: str | None = None, done: str | None = None) -> None:
        """Wait until the run has finished: the page's last content (`done`) shows and no run is in progress. A wait
        that times out leaves a screenshot of what the page showed (tests/artifacts/timeout-*.png) and its address."""
        try:
            self.page.wait_for_selector('[data-testid="stApp"]', timeout=90_000)
            self.page.wait_for_function(done or self.DONE, timeout=120_000)
            self.page.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                " && document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
                timeout=120_000,
            )
            if ready:
                self.page.wait_for_selector(ready, state="visible", timeout=90_000)
        except sync_api.TimeoutError as timeout:
            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / f"timeout-{time.strftime('%H%M%S')}.png"
            self.page.screenshot(path=str(shot))
            raise AssertionError(f"{self.address} did not settle (screenshot: {shot.name})") from timeout
        self.page.wait_for_timeout(800)

    def check(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
        assert self.page.locator('[data-testid="stException"]').count() == 0
        assert "Page not found" not in self.page.inner_text("body")  # innerText: only what is visible
        assert self.outside == [], f"requests left the app: {self.outside}"
        assert self.errors == [], f"browser errors: {self.errors}"


PAGES = [
    ("", "root", None, ["Tổng quan", "Sự kiện gần nhất", "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội → Hà Nội"]),
    # the dots' colours have their key, one per level (from a leader's walk-through)
    (
        "ban-do?nam=2017-2024",
        "ban-do",
        "canvas",
        ["Chú giải: Số sự kiện", "Quần đảo Hoàng Sa (thành phố Đà Nẵng)", "Cấp huyện\nCấp xã"],
    ),
    ("dong-thoi-gian?tinh=06", "dong-thoi-gian", ".js-plotly-plot", ["Dòng thời gian", "Điểu K’Ré"]),
    ("so-sanh?tinh=20&tinh=35", "so-sanh", ".js-plotly-plot", ["Chỉ tiêu so sánh", "Lưu ý"]),
    ("ho-so-tinh?tinh=20", "ho-so-tinh", PICTURE, ["Hồ sơ tỉnh Lạng Sơn", "1.145", "81,77%"]),
    ("van-ban", "van-ban", None, ["25-NQ/TW — Nghị quyết, 03/06/2013"]),
    ("nguon", "nguon", None, ["Danh sách nguồn", "Toàn văn lưu trữ"]),
    ("du-lieu?tinh=20", "du-lieu", None, ["Sự kiện · 1 dòng", "Tải Excel"]),
    ("so-sanh?tinh=20&lang=en", "so-sanh-en", ".js-plotly-plot", ["Compare", "Indicator to compare"]),
    ("tim-kiem?tim=dan+van+kheo", "tim-kiem", None, ["Tìm kiếm", "Dân vận khéo", "Mở trong trang Dòng thời gian"]),
    ("thay-doi?tu_ngay=2024-04-24", "thay-doi", None, ["Mới cập nhật", "Sự kiện mới", "nguồn đăng 25/04/2024"]),
    (
        "kien-nghi?nam=2017-2024",
        "kien-nghi",
        None,
        ["Theo dõi kiến nghị", "Hà Nam · 5 chưa ghi nhận đã thực hiện", "Chưa theo dõi"],
    ),
]


def test_cold_server_opens_a_deep_link_without_page_not_found(server, browser):
    """The very first request to a fresh server is a shared link to an inner page."""
    visit = Visit(browser, server)
    body = visit.open("dong-thoi-gian?tinh=20&lang=en", ".js-plotly-plot")
    assert "Timeline" in body and "Lạng Sơn; 2015–2025" in body
    visit.check("cold-deep-link")
    # the filter survives the first interaction and a page switch, and stays in the URL
    visit.page.get_by_role("link", name="Map").click()
    visit.settle("canvas")
    assert "/ban-do" in visit.address and "tinh=20" in visit.address and "lang=en" in visit.address
    assert "Lạng Sơn; 2015–2025; 63 units" in visit.page.inner_text("body")
    visit.check("cold-then-map")


@pytest.mark.parametrize(("path", "name", "ready", "expected"), PAGES, ids=[p[1] for p in PAGES])
def test_page(server, browser, path, name, ready, expected):
    visit = Visit(browser, server)
    body = visit.open(path, ready)
    for text in expected:
        assert text in body, f"{text!r} not on /{path}"
    visit.check(name)
    visit.page.close()


def test_clicking_a_province_on_the_map_opens_its_profile(server, browser):
    visit = Visit(browser, server)
    visit.open("ban-do?nam=2019-2024&lang=en", "canvas")
    entries = visit.page.evaluate("history.length")
    box = visit.page.locator("canvas").first.bounding_box()
    # Bắc Kạn, in the north-east of the 1920×1080 view (the default view state is fixed in danvan/figures/maps.py)
    x, y = box["x"] + box["width"] * 0.427, box["y"] + box["height"] * 0.073
    visit.page.mouse.move(x, y, steps=5)
    visit.page.wait_for_function(
        "() => [...document.querySelectorAll('.deck-tooltip')].some(e => e.innerText.startsWith('Bắc Kạn'))",
        timeout=90_000,
    )
    visit.page.mouse.click(x, y, delay=80)  # the click itself opens the profile: no second button
    visit.wait_for_address("/ho-so-tinh", timeout=120_000)
    visit.settle()
    assert "/ho-so-tinh" in visit.address and "tinh=06" in visit.address and "nam=2019-2024" in visit.address
    assert "Profile of Bắc Kạn province" in visit.page.inner_text("body")
    visit.check("map-click-profile")
    # Back, once: the national map left, not the map of Bắc Kạn (the click made three entries, and the filter it set
    # stayed and was written back into the map's address)
    assert visit.page.evaluate("history.length") == entries + 1
    visit.page.go_back()
    visit.wait_for_address(r"/ban-do\?nam=2019-2024&lang=en$")
    visit.settle("canvas")
    assert visit.address.endswith("/ban-do?nam=2019-2024&lang=en")
    body = visit.page.inner_text("body")
    assert "All provinces; 2019–2024; 63 units" in body and "Bắc Kạn; 2019" not in body


def test_search_highlight_sits_flush_in_the_sentence(server, browser):
    """A highlighted word inside quotation marks reads “dân vận khéo”, not “ dân vận khéo ”: the highlight adds no
    side padding that looks like a space."""
    visit = Visit(browser, server)
    visit.open("tim-kiem?tim=dan+van+kheo")
    mark = visit.page.locator("span.stMarkdownColoredBackground").first
    assert mark.inner_text().casefold() == "dân vận khéo"
    assert mark.evaluate("e => [getComputedStyle(e).paddingLeft, getComputedStyle(e).paddingRight]") == ["0px", "0px"]
    assert mark.evaluate("e => e.previousSibling.textContent.endsWith('“')")
    visit.check("tim-kiem-highlight")


def test_unknown_page_says_so_in_the_users_language(server, browser):
    visit = Visit(browser, server)
    body = visit.open("khong-co-trang?tinh=20")
    assert "Không có trang “khong-co-trang”; đang hiển thị trang Tổng quan." in body
    assert "Lạng Sơn; 2015–2025" in body
    assert not visit.page.get_by_text("Page not found").is_visible()  # Streamlit's English dialog is replaced
    # Streamlit also logs the unknown page to the console: expected here, and the only message allowed
    notice = "The page that you have requested does not seem to exist. Running the app's main page."
    assert set(visit.errors) == {notice}
    visit.errors.clear()
    visit.check("unknown-page")


def test_injected_markup_is_text(server, browser):
    visit = Visit(browser, server)
    body = visit.open("?tinh=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&nam=2030-2010")
    assert "Không có tỉnh mã “<img src=x onerror=alert(1)>”" in body
    assert "Năm “2030-2010” không hợp lệ" in body
    assert visit.page.locator("img[src=x]").count() == 0
    visit.check("bad-link")


def test_the_printed_profile_expands_visits_and_drops_the_screen_controls(server, browser):
    """Issue 12, defect 17: printing keeps blocks whole and prints collapsed visits in full, without the sidebar."""
    visit = Visit(browser, server)
    visit.open("ho-so-tinh?tinh=06", PICTURE)  # Bắc Kạn: three visits, listed collapsed
    assert visit.page.locator('[data-testid="stExpander"] details[open]').count() == 0
    visit.page.emulate_media(media="print")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(visit.page.pdf())).pages]
    printed = "\n".join(pages)
    assert "Sự kiện, đoàn công tác" in pages[0]  # the first page is not the title alone (a visit kept whole moved)
    assert printed.count("Tóm tắt:") == 3  # every visit's details, not only its title
    assert "Bộ lọc" not in printed  # the sidebar is not printed
    assert "Ctrl+P" not in printed and "PowerPoint" not in printed  # nor the hint and the brief's buttons
    assert visit.page.locator(PICTURE).first.is_visible()  # the location is printed as shown


@pytest.mark.parametrize("start", ["?tinh=20", ""])
def test_back_leaves_a_page_in_one_press_and_returns_to_the_view_left(server, browser, start):
    """A leader's walk-through: Back took two or three presses to leave a page (the page's path, then its filter and
    choices, were two history entries), and the map came back by events, its indicator lost; with no filter in the
    address, a re-check found the map's choice replacing the map's own entry. A busy browser (in full CI runs; here
    its processor slowed twenty times while it opens the profile) drew the profile after its query had come: the query
    was pushed under the map's path, and Back came to the map by events."""
    visit = Visit(browser, server)
    visit.open(start)
    visit.page.get_by_role("link", name="Bản đồ").first.click()
    visit.wait_for_address(re.escape(f"/ban-do{start}") + "$")
    visit.settle("canvas")
    visit.page.get_by_text("Chỉ tiêu", exact=True).first.click()
    visit.wait_for_address("to_mau=indicator")
    visit.settle("canvas")
    left = visit.address
    slow = visit.page.context.new_cdp_session(visit.page)
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 20})
    visit.page.get_by_role("link", name="Hồ sơ tỉnh").first.click()
    visit.wait_for_address(re.escape(f"/ho-so-tinh{start}") + "$")
    visit.settle()
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    entries = visit.page.evaluate("history.length")
    legend = "() => (document.body.innerText.match(/Chú giải: [^\\n]*/) || [''])[0]"
    visit.page.go_back()  # once: the map as it was left, by its indicator
    visit.page.wait_for_function(f"() => ({legend})().length > 0", timeout=120_000)
    visit.settle("canvas")
    assert visit.page.evaluate(legend) != "Chú giải: Số sự kiện" and visit.address == left
    visit.page.go_back()  # once more: the map before the indicator was chosen (the same page: wait for its rerun)
    visit.wait_for_address(re.escape(f"/ban-do{start}") + "$")
    visit.page.wait_for_function(f"() => ({legend})() === 'Chú giải: Số sự kiện'", timeout=120_000)
    visit.settle("canvas")
    assert visit.page.evaluate("history.length") == entries  # going back wrote no entry of its own
    visit.check("back-button" + ("-filtered" if start else ""))


def test_back_from_english_returns_to_vietnamese(server, browser):
    """A leader switched to English to show a visitor, then pressed Back: the address went back without "lang=en",
    the run wrote the session's English into it again, and the page stayed English. Back is the view of that entry,
    its language too (the menu and Streamlit's words with it); Forward, English again."""
    visit = Visit(browser, server)
    visit.open("ban-do?tinh=20", "canvas")
    visit.page.get_by_text("English", exact=True).first.click()
    visit.wait_for_address(r"lang=en")
    visit.settle("canvas")
    assert visit.page.inner_text("h1") == "Map"
    menu, skip = (
        visit.page.locator('[data-testid="stSidebarNavLink"]'),
        visit.page.locator("[data-testid=stSkipToContent]"),
    )
    visit.page.go_back()
    visit.wait_for_address(r"/ban-do\?tinh=20$")
    visit.page.wait_for_function("() => document.querySelector('h1')?.innerText === 'Bản đồ'", timeout=120_000)
    visit.settle("canvas")
    assert visit.address.endswith("/ban-do?tinh=20")  # not written back to English
    assert menu.first.inner_text().endswith("Tổng quan") and skip.inner_text() == "Chuyển đến nội dung chính"
    assert visit.page.get_by_text("Tiếng Việt", exact=True).first.is_visible()
    visit.check("back-language")
    visit.page.go_forward()
    visit.wait_for_address(r"lang=en")
    visit.page.wait_for_function("() => document.querySelector('h1')?.innerText === 'Map'", timeout=120_000)
    visit.settle("canvas")
    assert menu.first.inner_text().endswith("Overview") and skip.inner_text() == "Skip to main content"


def test_a_laptops_title_is_not_under_the_top_bar(server, browser):
    """A curator's walk-through at 1366×768: "Hồ sơ tỉnh Cao Bằng" read "Cao Băng" — Streamlit's white top bar (60
    pixels) covered the acute of the title's first line, which starts 48 pixels down on a laptop; the profile's small
    map cut "Quần đảo Hoàng Sa (Đà Nẵ" at its right edge."""
    visit = Visit(browser, server)
    visit.page.set_viewport_size({"width": 1366, "height": 768})
    visit.open("ho-so-tinh?tinh=06", PICTURE)
    bar, title = visit.page.evaluate(
        "() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('h1'));"
        " return [document.querySelector('header[data-testid=\"stHeader\"]').getBoundingClientRect().bottom,"
        " r.getBoundingClientRect().top]; }"
    )
    assert bar < title - 4, (bar, title)  # the title's marks stand clear of the bar
    assert visit.page.locator("h1").first.inner_text() == "Hồ sơ tỉnh Bắc Kạn"
    visit.check("laptop-profile")


def test_captions_are_dark_enough_for_a_projector(server, browser):
    """A leader's walk-through: the captions that carry a figure's period and source were light grey (Streamlit's
    0,6 opacity: about 3,9:1 against white)."""
    visit = Visit(browser, server)
    visit.open("")
    opacity = visit.page.locator('[data-testid="stCaptionContainer"]').first.evaluate(
        "e => parseFloat(getComputedStyle(e).opacity)"
    )
    assert opacity >= 0.8
    visit.check("captions")


def test_a_charts_toolbar_speaks_the_pages_language(server, browser):
    """A leader's walk-through: the chart toolbar's tooltips were English ("Download plot as a PNG", "Zoom",
    "Fullscreen") on a Vietnamese page. Plotly's own come from its locale, Streamlit's full-screen button's from CSS."""
    visit = Visit(browser, server)
    titles = {}
    for lang in ("vi", "en"):
        visit.open(f"dong-thoi-gian?tinh=06&lang={lang}", ".js-plotly-plot")
        titles[lang] = visit.page.eval_on_selector_all(
            ".modebar-btn",
            "els => els.map(e => [e.getAttribute('data-title'),"
            " getComputedStyle(e, '::after').content.replace(/^\"|\"$/g, '')])",
        )
    shown = [drawn for _, drawn in titles["vi"]]
    assert {"Tải biểu đồ (ảnh PNG)", "Phóng to", "Thu nhỏ", "Đặt lại trục", "Toàn màn hình"} <= set(shown), shown
    assert not {"Download plot as a PNG", "Zoom in", "Reset axes", "Fullscreen"} & set(shown), shown
    assert {"Download plot as a PNG", "Zoom in", "Fullscreen"} <= {drawn for _, drawn in titles["en"]}
    visit.check("chart-toolbar")


def test_a_search_that_finds_nothing_says_so_in_vietnamese(server, browser):
    """Streamlit's search boxes need the Vietnamese marks and said "No results" in English to "ha noi": the page
    draws a hint in its language in its place."""
    visit = Visit(browser, server)
    visit.open("")
    box = visit.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').first
    box.click()
    box.fill("ha noi")
    empty = visit.page.locator('[role="listbox"] [role="option"][style*="display: contents"] > span').first
    empty.wait_for(state="attached", timeout=10_000)
    drawn = empty.evaluate("e => [getComputedStyle(e, '::after').content, getComputedStyle(e).fontSize]")
    assert drawn == ['"Không tìm thấy — hãy gõ có dấu, ví dụ “Lạng Sơn”"', "0px"]
    box.fill("Hà Nội")  # with its marks it is found
    assert visit.page.get_by_role("option", name="Hà Nội").count() == 1
    visit.check("search-no-results")


def test_the_first_tab_shows_a_link_in_the_pages_language(server, browser):
    """Streamlit's link to skip to the content, the first thing a Tab shows (and a screen reader reads), said "Skip
    to main content" on every page; it follows the page's language, also when the reader switches it."""
    visit = Visit(browser, server)
    visit.open("ban-do?tinh=20", "canvas")
    link = visit.page.locator('[data-testid="stSkipToContent"]')
    visit.page.keyboard.press("Tab")
    assert visit.page.evaluate("document.activeElement.dataset.testid") == "stSkipToContent"
    assert link.inner_text() == "Chuyển đến nội dung chính"
    visit.check("lien-ket-bo-qua")
    visit.page.get_by_text("English", exact=True).first.click()
    visit.wait_for_address(r"lang=en")
    visit.settle("canvas")
    assert link.inner_text() == "Skip to main content"
    visit.open("ho-so-tinh")  # a page that ends early (st.stop: no province chosen) has the page's scripts too
    assert "Hồ sơ tỉnh" in visit.page.inner_text("h1") and link.inner_text() == "Chuyển đến nội dung chính"


def test_a_servers_first_run_and_its_stop_speak_the_pages_language(browser):
    """On a server's first run the app's modules load and the catalog with them, for seconds, and a leader opening the
    dashboard before a meeting saw Streamlit's "Stop" at the top right, "Skip to main content" on Tab, and pages/ by
    file name in the menu ("nhap-lieu", "nhat-ky") until they were done: the run now sends the page's scripts first
    and the menu next, before anything it must load (on a link to a page too, which Streamlit first runs by itself
    from pages/: components/__init__.py leaves that mode before the page's modules load). When the server stops, its
    dialog asked in English whether the leader was connected to the internet (the dashboard needs none): it says
    what happens in Vietnamese, and the page comes back by itself when the server does."""
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "streamlit-own.log"
    log.write_bytes(b"")
    port = _free_port()
    proc = _start(port, log)
    if proc is None:
        pytest.fail("streamlit did not start: " + log.read_text(errors="replace")[-2000:])
    try:
        visit = Visit(browser, f"http://127.0.0.1:{port}")
        sent: list[bytes] = []  # what the server sends, message by message, in order
        visit.page.on(
            "websocket",
            lambda ws: ws.on("framereceived", lambda m: sent.append(m if isinstance(m, bytes) else m.encode())),
        )
        # the status (top right) each time it changes, as it is painted
        visit.page.add_init_script("""(() => { window.__status = []; const look = () => {
            const status = document.querySelector('[data-testid="stStatusWidget"] button');
            if (status && window.__status.at(-1) !== status.textContent) window.__status.push(status.textContent);
            requestAnimationFrame(look); }; requestAnimationFrame(look); })()""")
        visit.open("ban-do?tinh=20", "canvas")  # a page's address: Streamlit first runs that file of pages/ by itself
        first = {
            what: next(i for i, m in enumerate(sent) if what.encode() in m)
            for what in ("__danvanWords", "Tổng quan", "Bộ lọc")
        }
        assert first["__danvanWords"] < first["Tổng quan"] < first["Bộ lọc"], first  # scripts, menu, filter bar
        assert visit.page.evaluate("window.__status").count("Dừng") == 1  # the first run, said in Vietnamese
        assert visit.page.locator('[data-testid="stSkipToContent"]').inner_text() == "Chuyển đến nội dung chính"
        visit.check("lan-chay-dau")

        proc.terminate()
        proc.wait(timeout=20)
        dialog = visit.page.locator('[role="dialog"]')
        dialog.wait_for(timeout=30_000)
        assert dialog.inner_text().splitlines()[0] == "Mất kết nối tới máy chủ"
        assert "không cần Internet" in dialog.inner_text() and "Trang đang thử kết nối lại" in dialog.inner_text()
        status = visit.page.locator('[data-testid="stStatusWidget"]')
        assert status.inner_text().casefold() == "đang kết nối"  # drawn in capitals
        visit.page.screenshot(path=str(ARTIFACTS / "mat-ket-noi.png"))

        proc = _start(port, log)
        assert proc is not None, "the server did not start again on its port"
        dialog.wait_for(state="detached", timeout=60_000)
        visit.settle("canvas")
        assert "Chú giải: Số sự kiện" in visit.page.inner_text("body")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)


def test_a_page_that_ends_early_writes_its_address(server, browser):
    """The profile with no province ends early (st.stop), and Streamlit sends nothing after a stop: its address kept
    a parameter the app does not know, and a filter changed there never reached the link a leader copies."""
    visit = Visit(browser, server)
    visit.open("ho-so-tinh?nam=2019-2024&xyz=1")
    visit.wait_for_address(r"/ho-so-tinh\?nam=2019-2024$")
    visit.page.get_by_text("34 tỉnh (từ 1/7/2025)").click()
    visit.wait_for_address("ranh_gioi=")
    visit.settle()
    assert "Chọn một tỉnh, thành phố để xem hồ sơ" in visit.page.inner_text("body")
    assert "nam=2019-2024" in visit.address and "xyz" not in visit.address


def test_streamlits_menu_speaks_the_pages_language(server, browser):
    """Streamlit's menu (⋮, top right) said "Print", "Record screen" (whose dialog is English) and "Made with
    Streamlit v…": it offers "In trang" alone on a Vietnamese page, "Print" on an English one."""
    visit = Visit(browser, server)
    for lang, printed in (("vi", "In trang"), ("en", "Print")):
        visit.open(f"ban-do?tinh=20&lang={lang}", "canvas")
        visit.page.locator('[data-testid="stMainMenu"]').click()
        visit.page.wait_for_selector('[data-testid="stMainMenuList"]', timeout=10_000)
        drawn = visit.page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMainMenuPopover"] *')]
            .filter(e => e.getBoundingClientRect().width > 0 && e.children.length === 0 && e.textContent.trim())
            .map(e => e.textContent.trim())""")
        assert drawn == [printed]
        if lang == "vi":
            visit.check("menu-streamlit")
        visit.page.keyboard.press("Escape")


def test_streamlits_own_words_follow_the_pages_language(server, browser):
    """A leader's tooltip over a table's download button said "Download as CSV", and buttons that show no text
    were named in English for a screen reader ("Collapse sidebar", "Help for Tỉnh, thành phố", the map's "Zoom
    In"): every such word is in the page's language, and back in English after a switch."""
    english = {t(key, "en") for key in boot.STREAMLIT_WORDS}
    named = """() => [...document.querySelectorAll('[aria-label], [title]')]
        .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title')]).filter(Boolean)"""
    visit = Visit(browser, server)
    for path, ready in (
        ("ban-do?tinh=20", "canvas"),
        ("thay-doi?tu_ngay=2024-04-24", '[data-testid="stDateInput"]'),
        ("du-lieu", DATAFRAME),
    ):
        visit.open(path, ready)
        names = visit.page.evaluate(named)
        assert not english & set(names), sorted(english & set(names))
        assert not [n for n in names if n.startswith(tuple(t(key, "en") for key in boot.STREAMLIT_STARTS))], names
        assert not [n for n in names if n.endswith(tuple(t(key, "en") for key in boot.STREAMLIT_ENDS))], names
        if path.startswith("thay-doi"):  # a date box's parts and its clear button; the year slider's thumbs
            assert {"Xóa ngày", "ngày, Có gì mới sau ngày (ví dụ: ngày họp trước)", "Năm — từ"} <= set(names), names
    assert {"Tải về tệp CSV", "Tìm trong bảng", "Thu gọn thanh bên"} <= set(names)
    visit.page.locator('[data-testid="stDataFrame"]').first.hover()
    visit.page.get_by_role("button", name="Tải về tệp CSV").first.hover()
    tip = visit.page.locator('[data-testid="stTooltipContent"]')
    tip.wait_for(timeout=10_000)
    assert tip.inner_text() == "Tải về tệp CSV"
    visit.check("chu-giai-cong-cu-bang")
    visit.page.get_by_text("English", exact=True).first.click()
    visit.wait_for_address(r"lang=en")
    visit.settle('[data-testid="stDataFrame"]')
    assert {"Download as CSV", "Search", "Collapse sidebar"} <= set(visit.page.evaluate(named))


def test_a_maps_tooltip_is_drawn_whole_beside_the_map(server, browser):
    """A leader's walk-through at 1366×768: Lạng Sơn's tooltip was cut at the map's right edge ("…Trung ương làm",
    "…Dân vận khéo đ"): the map's boxes hid what ran past it, and the legend's column covered the rest."""
    visit = Visit(browser, server)
    visit.page.set_viewport_size({"width": 1366, "height": 768})
    visit.open("ban-do?to_mau=indicator&chi_tieu_ban_do=dvk_models_recognized", "canvas")
    box = visit.page.locator('[data-testid="stDeckGlJsonChart"]').first.bounding_box()
    visit.page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.08)  # Lạng Sơn
    tip = visit.page.locator(".deck-tooltip").first
    tip.wait_for(state="visible", timeout=10_000)
    assert tip.inner_text().startswith("Lạng Sơn\n")
    edge = tip.bounding_box()
    assert edge["x"] + edge["width"] > box["x"] + box["width"]  # it does run past the map here
    on_top = visit.page.evaluate(
        "([x, y]) => { document.querySelector('.deck-tooltip').style.pointerEvents = 'auto';"  # hit-testable
        " return document.elementFromPoint(x, y).closest('.deck-tooltip') !== null; }",
        [edge["x"] + edge["width"] - 8, edge["y"] + edge["height"] / 2],
    )
    assert on_top  # its far end is the tooltip, not the legend beside the map
    visit.check("map-tooltip")
