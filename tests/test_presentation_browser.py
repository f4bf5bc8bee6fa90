"""Presentation mode in headless Chromium against `streamlit run` on loopback (the harness of test_browser.py).

A shared link `/?trinh_chieu=1&tinh=20` opens the slides; every slide is reached with the Next button or the → key,
shown without Streamlit's chrome, fits a 1920×1080 screen, and is saved as a screenshot in tests/artifacts/; no
request leaves the app's address and the browser logs no error. Leaving returns to the same page and filter."""

from __future__ import annotations

import re

import pytest
from pptx import Presentation
from test_browser import ARTIFACTS, Visit, browser, server  # noqa: F401  (fixtures of the shared harness)

import danvan
from danvan.exports import report
from danvan.filter import Filter, data_years

pytestmark = pytest.mark.browser
ROOT_DATA = ARTIFACTS.parent.parent / "data"


def expected_slides() -> list[report.Slide]:
    catalog = danvan.load(ROOT_DATA)
    return report.slides(catalog, Filter(provinces=("20",), years=data_years(catalog)))


class Show(Visit):
    """A Visit whose page is a slide: it is settled when the slide counter shows and no run is in progress."""

    # A slide is done when its counter shows, an ordinary page (before or after the slides) when its footer does.
    # Which one is read from the address at each look, not once: a link to a slide first opens the overview's
    # address, whose footer never shows, and a wait chosen then timed out on a slow machine.
    DONE = f"""() => (/trinh[-_]chieu/.test(location.href) ? /Trang \\d+\\/\\d+|Slide \\d+ of \\d+/
        : /{Visit.FOOTER}/).test(document.body.innerText)"""

    def counter(self) -> tuple[int, int]:
        self.page.wait_for_function(
            "() => /Trang \\d+\\/\\d+/.test(document.querySelector('[data-testid=\"stMain\"]').innerText)",
            timeout=90_000,
        )
        found = re.search(r"Trang (\d+)/(\d+)", self.page.inner_text('[data-testid="stMain"]'))
        assert found, "no slide counter"
        return int(found[1]), int(found[2])

    def fits_the_screen(self) -> None:
        """Everything on the slide is above the control bar and within the width of a 1920×1080 screen."""
        bottom, bar, right, width = self.page.evaluate("""() => {
            const bar = document.querySelector('.st-key-present_controls').getBoundingClientRect().top;
            let bottom = 0, right = 0;
            for (const e of document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid]')) {
                if (e.closest('.st-key-present_controls, .st-key-present_pager')) continue;
                const r = e.getBoundingClientRect();
                if (r.height === 0 || r.width === 0) continue;
                bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right);
            }
            return [bottom, bar, right, window.innerWidth];
        }""")
        assert bottom <= bar and right <= width, f"slide overflows: bottom {bottom} > bar {bar} or {right} > {width}"


def test_every_slide_of_a_shared_link(server, browser):  # noqa: F811
    slides = expected_slides()
    show = Show(browser, server)
    show.open("?trinh_chieu=1&tinh=20")
    assert "/trinh-chieu" in show.address and "tinh=20" in show.address
    assert not show.page.locator('[data-testid="stSidebar"]').is_visible()
    assert not show.page.locator('header[data-testid="stHeader"]').is_visible()
    number, total = show.counter()
    assert (number, total) == (1, len(slides))
    for i, slide in enumerate(slides, start=1):
        show.settle(
            {"map": '[data-testid="stImage"] img', "timeline": ".js-plotly-plot", "compare": ".js-plotly-plot"}.get(
                slide.kind
            )
        )
        assert show.counter() == (i, total)
        assert show.page.locator("h1").first.inner_text().strip() == slide.title
        assert f"trinh_chieu={i}" in show.address  # a copied link reopens this slide
        body = show.page.inner_text('[data-testid="stMain"]')
        assert "Nguồn" in body  # every slide names its sources
        show.check(f"trinh-chieu-{i:02d}")
        show.fits_the_screen()
        if i < total:
            if i % 2:
                show.page.get_by_role("button", name=re.compile("Sau")).click()
            else:
                show.page.keyboard.press("ArrowRight")
            show.page.wait_for_function(
                f"() => document.body.innerText.includes('Trang {i + 1}/{total}')", timeout=90_000
            )
    show.page.keyboard.press("ArrowLeft")
    show.page.wait_for_function(f"() => document.body.innerText.includes('Trang {total - 1}/{total}')", timeout=90_000)
    show.settle()  # the run has finished: the previous slide's controls, stale until then, are gone
    show.page.get_by_role("button", name=re.compile("Thoát")).click()
    show.page.wait_for_function(
        "() => /Phiên bản dữ liệu/.test(document.body.innerText) && !/Trang \\d+\\/\\d+/.test(document.body.innerText)",
        timeout=120_000,
    )
    show.page.wait_for_timeout(800)
    assert "trinh_chieu" not in show.address and "tinh=20" in show.address
    assert "Lạng Sơn; 2015–2025" in show.page.inner_text("body")
    show.check("trinh-chieu-thoat")


def test_sidebar_button_returns_to_the_same_page(server, browser):  # noqa: F811
    show = Show(browser, server)
    show.open("so-sanh?tinh=20&tinh=35", ".js-plotly-plot")
    show.page.get_by_role("button", name=re.compile("Trình chiếu")).click()
    show.settle()
    assert show.counter()[0] == 1 and "/trinh-chieu" in show.address
    show.page.get_by_role("button", name=re.compile("Tải về")).click()
    with show.page.expect_download(timeout=120_000) as download:
        show.page.get_by_role("button", name=re.compile("PowerPoint")).click()
    deck = Presentation(download.value.path())
    assert deck.slides[0].shapes.title.text == "Công tác dân vận" and len(deck.slides) >= 5
    show.page.keyboard.press("Escape")  # closes the menu
    show.page.wait_for_timeout(500)
    show.page.keyboard.press("Escape")
    show.page.wait_for_function("() => /Chỉ tiêu so sánh/.test(document.body.innerText)", timeout=120_000)
    show.settle(".js-plotly-plot")
    assert "/so-sanh" in show.address and "tinh=20" in show.address and "tinh=35" in show.address
    assert "Lạng Sơn, Hà Nam; 2015–2025" in show.page.inner_text("body")
    show.check("trinh-chieu-ve-so-sanh")


def test_a_laptop_screen_shows_each_slide_map_and_sidebar_whole(server, browser):  # noqa: F811
    """At 1366×768 (issue 12, defect 4): no slide needs scrolling, the map with Trường Sa fits the screen, the
    presentation button is visible in the sidebar without scrolling, and no label is cut."""
    total = len(expected_slides())
    show = Show(browser, server)
    show.page.set_viewport_size({"width": 1366, "height": 768})
    for i in range(1, total + 1):
        show.open(f"?trinh_chieu={i}&tinh=20")
        assert show.counter() == (i, total)
        show.page.wait_for_timeout(600)
        show.check(f"laptop-trinh-chieu-{i:02d}")
        show.fits_the_screen()
    show.open("ban-do?tinh=20", "canvas")
    show.check("laptop-ban-do")
    bottom = show.page.evaluate(
        "() => document.querySelector('[data-testid=\"stDeckGlJsonChart\"]').getBoundingClientRect().bottom"
    )
    assert bottom <= 768, f"the map ends at {bottom}px, below a 768px screen"
    button = show.page.get_by_role("button", name=re.compile("Trình chiếu")).bounding_box()
    assert button and button["y"] + button["height"] <= 768, f"presentation button below the fold: {button}"
    show.open("so-sanh?tinh=20", ".js-plotly-plot")
    cut = show.page.evaluate("""() => [...document.querySelectorAll('[data-testid="stWidgetLabel"] p')]
        .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.innerText)""")
    assert not cut, f"labels cut: {cut}"


def test_a_click_leaves_no_frame_around_the_slide(server, browser, catalog):  # noqa: F811
    """Issue 12, defect 20: a click on a slide leaves no grey frame (an element's toolbar or a focus ring) around the
    picture or chart: a projector shows it."""
    show = Show(browser, server)
    kinds = [s.kind for s in report.slides(catalog, Filter(provinces=("20",), years=data_years(catalog)))]
    for number, ready in (
        (kinds.index("map") + 1, '[data-testid="stImage"] img'),
        (kinds.index("compare") + 1, ".js-plotly-plot"),
    ):
        show.open(f"?trinh_chieu={number}&tinh=20", ready)
        target = show.page.locator(ready).first.bounding_box()
        show.page.mouse.click(target["x"] + target["width"] * 0.5, target["y"] + target["height"] * 0.5)
        show.page.wait_for_timeout(600)
        frames = show.page.evaluate("""() => {
            const seen = [];
            for (let e = document.activeElement; e && e !== document.body; e = e.parentElement) {
                const s = getComputedStyle(e);
                if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) seen.push('focus ' + e.dataset.testid);
            }
            for (const e of document.querySelectorAll('[data-testid="stElementToolbar"], .modebar-container')) {
                const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                if (r.width && r.height && s.visibility !== 'hidden' && s.opacity !== '0') seen.push(e.className);
            }
            return seen;
        }""")
        show.check(f"trinh-chieu-{number:02d}-sau-khi-bam")
        assert not frames, frames
