"""Presentation mode with AppTest (the harness of test_pages.py): entered by a link or the sidebar button, the same
slides as danvan.report, next/previous, the slide number in the URL, and leaving back to the same page and filter."""

from __future__ import annotations

import json

import pytest
import streamlit as st
from test_pages import ROOT, entry, open_page, text  # noqa: F401  (entry is the shared fixture)

from components import cached
from danvan.exports import report
from danvan.filter import Filter


def titles(at) -> list[str]:
    return [t.value for t in at.title]


def counter(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**Trang") or m.value.startswith("**Slide"))


def plotly_spec(at) -> str:
    charts = at.get("plotly_chart")
    return charts[0].proto.spec if charts else ""


def test_link_opens_the_slides_and_next_walks_through_them(entry, catalog):  # noqa: F811
    expected = report.slides(catalog, Filter(provinces=("20",), years=(2021, 2024)), "vi")
    at = open_page(entry, "overview", trinh_chieu="1", tinh="20", nam="2021-2024")
    assert titles(at) == ["Công tác dân vận"] and counter(at) == f"**Trang 1/{len(expected)}**"
    shown = text(at)
    assert "Lạng Sơn" in shown and "Giai đoạn:** 2021–2024 · 63 tỉnh (trước 1/7/2025)" in shown
    assert at.query_params["trinh_chieu"] == "1" and at.query_params["tinh"] == "20"
    assert at.button(key="present_prev").disabled
    for number, slide in enumerate(expected[1:], start=2):
        at.button(key="present_next").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert titles(at) == [slide.title]
        assert counter(at) == f"**Trang {number}/{len(expected)}**"
        assert at.query_params["trinh_chieu"] == str(number)
        shown = text(at)
        assert slide.source in shown  # every slide names its sources
        if slide.title == "Phong trào thi đua “Dân vận khéo”":
            spec = json.loads(plotly_spec(at))
            bars = spec["data"][0]
            assert bars["x"] == [1145.0, 1291.0] and bars["text"] == ["1.145", "1.291"]
            assert bars["name"] == "Lạng Sơn · 2021–2023"
        if slide.title == "Các chỉ tiêu khác":
            assert "81,77%" in shown and "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến mức độ 3, 4" in shown
        if slide.kind == "map":
            assert at.get("image") and "Quần đảo Hoàng Sa (thành phố Đà Nẵng)" in shown
    assert at.button(key="present_next").disabled
    at.button(key="present_prev").click().run()
    assert titles(at) == [expected[-2].title]


def test_link_to_a_given_slide(entry):  # noqa: F811
    at = open_page(entry, "overview", trinh_chieu="6", tinh="20", nam="2021-2024")
    assert titles(at) == ["Phong trào thi đua “Dân vận khéo”"] and counter(at) == "**Trang 6/13**"


@pytest.mark.parametrize(
    ("value", "expected"), [("99", "**Trang 13/13**"), ("abc", "**Trang 1/13**"), ("0", "**Trang 1/13**")]
)
def test_bad_slide_numbers_open_the_nearest_slide(entry, value, expected):  # noqa: F811
    at = open_page(entry, "overview", trinh_chieu=value, tinh="20", nam="2021-2024")
    assert counter(at) == expected


def test_sidebar_button_and_leaving_return_to_the_same_view(entry):  # noqa: F811
    at = open_page(entry, "overview", tinh="20", nam="2021-2024")
    at.sidebar.button(key="present_start").click().run()
    assert titles(at) == ["Công tác dân vận"] and counter(at) == "**Trang 1/13**"
    at.button(key="present_next").click().run()
    at.button(key="present_exit").click().run()
    assert not at.exception
    assert titles(at) == ["Tổng quan"]
    assert "Lạng Sơn; 2021–2024; 63 tỉnh (trước 1/7/2025)" in text(at)
    assert at.session_state["f_tinh"] == ["20"] and tuple(at.session_state["f_nam"]) == (2021, 2024)
    assert "trinh_chieu" not in at.query_params and at.query_params["tinh"] == "20"


def test_leaving_returns_to_the_page_it_was_opened_from(entry):  # noqa: F811
    at = open_page(entry, "so-sanh", tinh=["20", "35"], lang="en")
    at.sidebar.button(key="present_start").click().run()
    assert titles(at) == ["Mass mobilisation work"]
    at.switch_page(str(ROOT / "pages" / "trinh-chieu.py"))  # what the browser's address now says
    at.run()
    at.button(key="present_exit").click().run()
    assert titles(at) == ["Compare"]
    assert "Lạng Sơn, Hà Nam; 2015–2025; 63 units (before 1/7/2025)" in text(at)
    assert at.session_state["f_lang"] == "en" and at.session_state["f_tinh"] == ["20", "35"]


def test_english_slides_have_no_vietnamese_labels(entry):  # noqa: F811
    at = open_page(entry, "trinh-chieu", tinh="20", lang="en")
    for _ in range(9):
        shown = text(at)
        # (summaries and findings are the curated Vietnamese text of the sources, in both languages)
        for label in ("Trang ", "Nguồn:", "Giai đoạn:", "Số liệu chính", "Đơn vị:", "Phím", "Thoát", "Sự kiện"):
            assert label not in shown, label
        assert "Slide " in shown
        if at.button(key="present_next").disabled:
            break
        at.button(key="present_next").click().run()


def test_empty_filter_gives_a_slide_that_says_so(entry):  # noqa: F811
    at = open_page(entry, "trinh-chieu", tinh="20", nam="2008-2010")
    assert counter(at) == "**Trang 1/2**"
    at.button(key="present_next").click().run()
    assert titles(at) == ["Không có dữ liệu"]
    assert "Không có dữ liệu cho bộ lọc đang chọn (Lạng Sơn; 2008–2010" in text(at)


def test_slides_hide_the_chrome_and_offer_the_files(entry):  # noqa: F811
    at = open_page(entry, "trinh-chieu", tinh="20")
    styles = " ".join(str(h.proto.body) for h in at.get("html"))
    assert '[data-testid="stSidebar"]' in styles and 'header[data-testid="stHeader"]' in styles
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["PowerPoint (.pptx)", "Bản tin HTML (mở không cần mạng)"]


def test_a_slide_change_reads_the_cached_report(entry, monkeypatch):  # noqa: F811
    """The slides of a filter are made once per filter and language, each when it is first shown: moving between
    slides does not make them again, and a slide not shown is not made."""
    decks, made = [], []

    def counted(*args, **kwargs):
        decks.append(args[1])
        built = report.deck(*args, **kwargs)
        slide = built.slide

        def made_slide(number):
            made.append(number)
            return slide(number)

        built.slide = made_slide
        return built

    monkeypatch.setattr(cached, "deck", counted)
    st.cache_resource.clear()
    at = open_page(entry, "overview", trinh_chieu="1", tinh="20", nam="2021-2024")
    for _ in range(3):
        at.button(key="present_next").click().run()
    at.button(key="present_prev").click().run()
    assert counter(at) == "**Trang 3/13**"
    assert decks == [Filter(provinces=("20",), years=(2021, 2024))]
    assert made == [0, 1, 2, 3]  # slides 1 to 4, each once; the other 9 are not made
    at.sidebar.segmented_control(key="f_lang").set_value("en").run()  # another language: other slides, once
    assert counter(at) == "**Slide 3 of 13**" and len(decks) == 2 and made[4:] == [2]


def test_slides_flag_a_percentage_that_contradicts_its_ratio(entry, catalog):  # noqa: F811
    flag = "⚠ Nguồn ghi tỷ lệ này, nhưng 166/200 = 83%"
    slides = report.slides(catalog, Filter(provinces=("20",), years=(2017, 2024)))
    shown = [s for s in slides if any(flag in n for n in s.notes) or any(flag in (f.detail or "") for f in s.figures)]
    assert shown, "Lạng Sơn's 80% (166/200) is not flagged on any slide"
    number = slides.index(shown[0]) + 1
    at = open_page(entry, "overview", tinh="20", trinh_chieu=str(number))
    assert flag in text(at)  # as the app shows the slide
