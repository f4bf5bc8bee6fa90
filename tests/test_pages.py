"""AppTest for every page: no exception and the expected content for a given filter, in both languages."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import sign_in_as_curator
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "overview",
    "ban-do",
    "dong-thoi-gian",
    "so-sanh",
    "ho-so-tinh",
    "van-ban",
    "nguon",
    "du-lieu",
    "tim-kiem",
    "thay-doi",
    "kien-nghi",
]
TITLES = {
    "overview": ("Tổng quan", "Overview"),
    "ban-do": ("Bản đồ", "Map"),
    "dong-thoi-gian": ("Dòng thời gian", "Timeline"),
    "so-sanh": ("So sánh", "Compare"),
    "ho-so-tinh": ("Hồ sơ tỉnh Lạng Sơn", "Profile of Lạng Sơn province"),
    "van-ban": ("Văn bản", "Documents"),
    "nguon": ("Nguồn", "Sources"),
    "du-lieu": ("Dữ liệu", "Data"),
    "tim-kiem": ("Tìm kiếm", "Search"),
    "thay-doi": ("Mới cập nhật", "What changed"),
    "kien-nghi": ("Theo dõi kiến nghị", "Recommendations"),
}


@pytest.fixture(scope="module")
def entry(tmp_path_factory) -> Path:
    """app.py, run from a folder with no pages/ beside it: AppTest switches Streamlit's legacy pages-folder mode
    back on before every run, which `streamlit run` does only until the first st.navigation call."""
    folder = tmp_path_factory.mktemp("entry")
    shutil.copy(ROOT / "app.py", folder / "app.py")
    return folder / "app.py"


def open_page(entry: Path, page: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(entry), default_timeout=60)
    at.query_params.update(params)
    if page != "overview":
        at.switch_page(str(ROOT / "pages" / f"{page}.py"))  # opened directly, as from a shared link
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text(at: AppTest) -> str:
    """Everything the page shows as text, with the Markdown escapes removed."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [str(e.label) for e in at.expander]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


@pytest.mark.parametrize("page", PAGES)
def test_default_view(entry, page):
    at = open_page(entry, page, tinh="20")
    assert TITLES[page][0] in [t.value for t in at.title]
    assert "Lạng Sơn; 2015–2025; 63 tỉnh (trước 1/7/2025)" in text(at)


@pytest.mark.parametrize("page", PAGES)
def test_english(entry, page):
    at = open_page(entry, page, tinh="20", lang="en")
    shown = text(at)
    assert TITLES[page][1] in [t.value for t in at.title]
    for vietnamese_label in ("Bộ lọc", "Tỉnh, thành phố", "Nguồn:", "Trích nguyên văn", "Kỳ:"):
        assert vietnamese_label not in shown
    assert "Sources:" in shown


@pytest.mark.parametrize(
    "page", [p for p in PAGES if p not in ("van-ban", "nguon", "ho-so-tinh", "tim-kiem", "thay-doi", "kien-nghi")]
)
def test_empty_result_says_so(entry, page):
    shown = text(open_page(entry, page, tinh="20", nam="2008-2010"))  # Lạng Sơn: nothing in these years
    assert "Không có dữ liệu cho bộ lọc đang chọn" in shown and "mở rộng năm" in shown
    # Lai Châu: nothing curated in any year; no advice to widen the years (a leader's walk-through)
    shown = text(open_page(entry, page, tinh="12", nam="2008-2026"))
    assert "Chưa có dữ liệu nào về Lai Châu: không có sự kiện hay số liệu nào, ở mọi năm." in shown
    assert "mở rộng năm" not in shown


def test_what_changed_says_a_province_has_no_data_at_all(entry):
    """A leader's re-check: Mới cập nhật said only "Không có dữ liệu có ngày trong bộ lọc này" for Hà Tĩnh."""
    assert "Chưa có dữ liệu nào về Hà Tĩnh" in text(open_page(entry, "thay-doi", tinh="42", nam="2008-2026"))


def test_profile_of_lang_son(entry):
    at = open_page(entry, "ho-so-tinh", tinh="20")
    shown = text(at)
    # the two figures of one sentence on one card under it: "1.291 … được đăng ký … và có 1.145 … được công nhận"
    assert "**Mô hình “Dân vận khéo” được công nhận**  \n- 1.145" in shown
    assert "Kỳ: 2021–2023" in shown
    # the parts of a count share their sentence: quoted once, not on nine cards (a second walk-through)
    assert shown.count("Ban Thường vụ Tỉnh ủy đã ban hành 02 đề án, 13 chỉ thị") == 2  # the visit's finding, one card
    assert (
        "**Văn bản lãnh đạo công tác dân vận do Ban Thường vụ Tỉnh ủy ban hành**  \n- chỉ thị: 13\n- đề án: 2" in shown
    )
    assert "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến mức độ 3, 4" in shown and "81,77%" in shown
    assert "Triệu Tài Vinh, Phó Trưởng Ban Dân vận Trung ương" in shown
    assert "25-NQ/TW" in shown and "giữ nguyên" in shown
    # the location: a picture of the whole country that shrinks with its column (a fixed-zoom map cut the west and
    # the islands' names in a narrow window), Hoàng Sa and Trường Sa with their note
    (picture,) = at.get("image")
    assert picture.proto.imgs[0].caption == "Vị trí trên bản đồ Việt Nam"
    assert not at.get("deck_gl_json_chart")
    assert "Quần đảo Hoàng Sa (thành phố Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa)" in shown


def test_profile_of_an_empty_province_says_so(entry):
    shown = text(open_page(entry, "ho-so-tinh", tinh="12"))  # nothing in any year: said once, as such
    assert "Chưa có dữ liệu nào về Lai Châu" in shown and "trong các năm đang xem" not in shown
    shown = text(open_page(entry, "ho-so-tinh", tinh="20", nam="2008-2010"))  # nothing in these years
    assert "Không có sự kiện nào trong các năm đang xem" in shown and "Chưa có dữ liệu nào" not in shown


def test_profile_dates_a_visit_by_its_whole_span(entry):
    shown = text(open_page(entry, "ho-so-tinh", tinh="35"))  # Hà Nam's two-day survey of "Dân vận khéo"
    assert "30–31/05/2017 — Khảo sát" in shown and "30/05/2017 —" not in shown


def test_profile_of_one_of_several_provinces_states_its_own_filter(entry):
    at = open_page(entry, "ho-so-tinh", tinh=["20", "35"], nam="2021-2023")
    assert at.caption[0].value == r"Lạng Sơn; 2021–2023; 63 tỉnh \(trước 1/7/2025\)"  # not "Lạng Sơn, Hà Nam; …"
    # the title first, then the choice of province (the choice sat under the top bar, its label cut off)
    first, second = list(at.main.children.values())[:2]
    assert first.children[0].value == "Hồ sơ tỉnh Lạng Sơn" and second.label == "Chọn tỉnh, thành phố"


def test_a_province_chosen_on_the_profile_becomes_the_filters(entry):
    """With no province in the filter, the one chosen on the profile is the filter's: the sidebar and the link show
    it, and the slides are its own (they were every province's; a leader's walk-through)."""
    at = open_page(entry, "ho-so-tinh")
    at.selectbox(key="profile_code").select("44").run()
    assert not at.exception
    assert at.multiselect(key="f_tinh").value == ["44"]
    assert at.query_params["tinh"] == "44"
    assert at.title[0].value == "Hồ sơ tỉnh Quảng Bình"
    # several in the filter: the choice is the profile's, the filter keeps them all
    at = open_page(entry, "ho-so-tinh", tinh=["20", "35"])
    at.selectbox(key="profile_code").select("35").run()
    assert at.multiselect(key="f_tinh").value == ["20", "35"] and at.title[0].value == "Hồ sơ tỉnh Hà Nam"


def test_profile_of_a_city_names_it_a_city(entry):
    shown = text(open_page(entry, "ho-so-tinh", tinh="79", ranh_gioi="34"))
    assert "Hồ sơ thành phố Hồ Chí Minh" in shown and "Hồ sơ tỉnh Hồ Chí Minh" not in shown


def test_profile_in_34_scheme_names_old_units(entry):
    shown = text(open_page(entry, "ho-so-tinh", tinh="19", ranh_gioi="34"))
    assert "Hồ sơ tỉnh Thái Nguyên" in shown and "hợp nhất từ Bắc Kạn, Thái Nguyên" in shown
    assert "Ban Chỉ đạo Trung ương tổng kết Quyết định 290-QĐ/TW" in shown or "290-QĐ/TW" in shown


def test_overview_numbers(entry):
    at = open_page(entry, "overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sự kiện"] == "38" and metrics["Nguồn tin"] == "40"
    assert metrics["Số liệu chỉ tiêu"] == "103" and metrics["Tỉnh có sự kiện"] == "24"


def test_an_outcome_of_three_provinces_periods_names_its_lowest_and_highest(entry):
    """With 40 sources, "1.973 và 11.935" stood under "3 tỉnh báo cáo": it read as the only two figures (Lâm Đồng's
    8.600 is the third); two provinces' figures are still the two."""
    at = open_page(entry, "overview")
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Mô hình, điển hình “Dân vận khéo” được xây dựng, thực hiện"] == "1.973 đến 11.935"
    assert tiles["Mô hình “Dân vận khéo” được công nhận"] == "306 và 1.145"
    captions = [c.value for c in at.caption]
    assert (
        "3 tỉnh báo cáo, mỗi nơi một kỳ số liệu nên không so sánh được: thấp nhất 1.973 của Lạng Sơn, kỳ 2017–2020; "
        "cao nhất 11.935 của Hà Nội, kỳ 2025" in captions
    )
    assert any(c.startswith("2 tỉnh báo cáo") and "306 là của Hà Nam, kỳ 2022" in c for c in captions)


def test_timeline_shows_findings_of_the_chosen_visit(entry):
    at = open_page(entry, "dong-thoi-gian", tinh="06")
    at.selectbox(key="timeline_visit").set_value("v-2020-05-28-bac-kan").run()
    shown = text(at)
    assert "Hạn chế" in shown and "Chỉ đạo, kiến nghị" in shown
    assert "Điểu K’Ré" in shown


def test_compare_warns_and_flags_stated_percentages(entry):
    at = open_page(entry, "so-sanh")
    at.selectbox(key="compare_indicator").set_value("dvk_models_recognized").run()
    assert "khác kỳ số liệu" in text(at) and "khác cấp" in text(at)
    at.selectbox(key="compare_indicator").set_value("friendly_govt_communes_rate").run()
    assert "nguồn ghi 80%, tính được 83% (166/200)" in text(at)
    # the same rounding as the table's flag beside it: 146/178 is "82%" in both, not "82,02%" in one
    at.selectbox(key="compare_indicator").set_value("petitions_resolution_rate_district").run()
    shown = text(at)
    assert "tính được 82% (146/178)" in shown and "82,02" not in shown


def test_compare_per_year(entry):
    at = open_page(entry, "so-sanh", tinh="20")
    at.selectbox(key="compare_indicator").set_value("dvk_models_recognized").run()
    at.toggle(key="compare_per_year").set_value(True).run()
    table = at.dataframe[0].value
    assert "381,7/năm" in table["Giá trị"].to_list()
    # the quotes are read whole: rows tall enough for a sentence to wrap (it was cut off mid-word)
    assert at.dataframe[0].proto.row_height >= 100 and table["Trích nguyên văn"].str.len().max() > 60
    # the chart's axis says it too (a leader's walk-through: bars of "381,7/năm" over an axis of "số lượng")
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert chart["layout"]["xaxis"]["title"]["text"] == "số lượng/năm"


def test_map_indicator_mode_and_legend(entry):
    at = open_page(entry, "ban-do")
    at.radio(key="map_mode").set_value("indicator").run()
    at.selectbox(key="map_indicator").set_value("dvk_models_recognized").run()
    shown = text(at)
    assert "Chú giải: Mô hình “Dân vận khéo” được công nhận" in shown
    assert "Quần đảo Hoàng Sa (thành phố Đà Nẵng) và quần đảo Trường Sa (tỉnh Khánh Hòa)" in shown
    assert "Ranh giới: Natural Earth" in shown
    # what the map of provinces leaves out is said (a curator's walk-through: Bắc Kạn city's 202 was nowhere)
    assert "Chỉ tiêu này còn 2 giá trị cấp huyện, xã: bản đồ chỉ tô giá trị cấp tỉnh" in shown  # + Hội An's 501
    assert "25 chỉ tiêu chỉ có giá trị cấp huyện, xã nên không có trong danh sách trên" in shown
    assert "giá trị cấp huyện, xã" not in text(open_page(entry, "ban-do"))  # events: nothing of the kind
    # by indicator no event dots nor arcs: they covered Hà Nam's 306 and took its hover (a leader's walk-through)
    layers = json.loads(at.get("deck_gl_json_chart")[0].proto.json)["layers"]
    assert {layer["id"] for layer in layers}.isdisjoint({"visits", "hosts_halo", "hosts"})
    assert "Cung: đoàn Trung ương đi từ Hà Nội" not in shown
    assert "Cung: đoàn Trung ương đi từ Hà Nội" in text(open_page(entry, "ban-do"))
    # one year is one year: "Kỳ số liệu: 2023", not "2023–2023" (a curator's walk-through)
    one_year = text(open_page(entry, "ban-do", nam="2023"))
    assert "Kỳ số liệu: 2023" in one_year and "2023–2023" not in one_year
    # by events, a province with none has none, not "no data" (a leader's re-check); by indicator, no data
    legends = [str(h.proto.body) for h in open_page(entry, "ban-do").get("html")]
    assert any("Không có sự kiện" in h for h in legends) and not any("Không có số liệu" in h for h in legends)
    assert any("Không có số liệu" in str(h.proto.body) for h in at.get("html"))


def test_documents_page_lists_references(entry):
    at = open_page(entry, "van-ban")
    labels = [e.label for e in at.expander]
    # closed, each says what it is: kind, date and issuer (a second walk-through)
    assert "25\\-NQ/TW — Nghị quyết, 03/06/2013 — Ban Chấp hành Trung ương Đảng · Sự kiện nhắc tới: 5" in labels


def test_an_untitled_source_is_headed_by_its_publisher(entry):
    """A leader's walk-through: picking "vanninh.khanhhoa.gov.vn" in the list headed the page "a13"; a later one read
    the bare site as if it were a title, and its text, cut mid-word, as the whole article."""
    at = open_page(entry, "nguon", nguon="a13")
    assert at.main.markdown[0].value == "### Bài không có tiêu đề trên vanninh\\.khanhhoa\\.gov\\.vn"
    assert "a13" not in [m.value for m in at.main.markdown][:2]
    captions = [c.value for c in at.caption]
    assert "Văn bản lưu dừng giữa câu: đây là đoạn trích như bản đã thu thập, không phải toàn bài." in captions
    assert "Văn bản lưu lấy từ kho tư liệu: articles/a13\\.txt." in captions
    whole = open_page(entry, "nguon", nguon="a20")  # a text that ends its sentence is not said to be cut
    assert not any("dừng giữa câu" in c.value for c in whole.caption)


def test_sources_page_shows_text_not_html(entry):
    at = open_page(entry, "nguon")
    at.selectbox(key="source_pick").set_value("s00").run()
    shown = text(at)
    # the visit cites 25-NQ/TW, 43-KL/TW, 217-QĐ/TW and 218-QĐ/TW (it said "0 văn bản" beside them)
    assert "Đã trích: 1 sự kiện, 8 nhận định, 19 số liệu, 4 văn bản" in shown
    assert ":orange-background[" in shown  # quoted passages are highlighted


def test_data_page_tables_and_downloads(entry):
    at = open_page(entry, "du-lieu", tinh="20")
    visits = at.dataframe[0].value
    assert visits["Ngày"].to_list() == ["25/04/2024"]
    # a date column wide enough for a whole date (a leader's walk-through read "29/02/202" under "Đến ngày")
    widths = {name: c.get("width") for name, c in json.loads(at.dataframe[0].proto.columns).items()}
    assert widths["Ngày"] == widths["Đến ngày"] == 96
    values = at.dataframe[1].value
    assert "1.145" in values["Giá trị"].to_list() and "81,77" in values["Giá trị"].to_list()
    # what a value is and the value first, the indicator held in view ("Giá trị" sat past a laptop's table edge)
    assert list(values.columns[:6]) == [
        "Chỉ tiêu",
        "Phân tổ",
        "Từ chỉ mức (hơn, gần…)",
        "Giá trị",
        "Kiểm tra tỷ lệ",
        "Đơn vị",
    ]
    config = json.loads(at.dataframe[1].proto.columns)
    assert config["Chỉ tiêu"]["pinned"] is True and not config.get("Tỉnh", {}).get("pinned")
    assert [b.proto.disabled for b in at.get("download_button")] == [False, False, False]  # two CSV, one Excel


def test_data_page_offers_no_file_of_empty_tables(entry):
    at = open_page(entry, "du-lieu", tinh="02")  # Hà Giang: nothing curated
    (excel,) = at.get("download_button")
    assert excel.proto.label == "Tải Excel (kèm danh sách nguồn)" and excel.proto.disabled


@pytest.mark.parametrize(
    ("params", "sentence"),
    [
        ({"tinh": "99"}, "Không có tỉnh mã “99”; đã bỏ qua."),
        ({"nam": "abc"}, "Năm “abc” không hợp lệ; hiển thị 2015–2025."),
        ({"nam": "2030-2010"}, "Năm “2030-2010” không hợp lệ"),
        ({"xyz": "1"}, "Tham số “xyz” không được hỗ trợ"),
    ],
)
def test_bad_links_explain_and_show_the_nearest_view(entry, params, sentence):
    at = open_page(entry, "ban-do", **params)
    assert sentence in text(at)
    assert [t.value for t in at.title] == ["Bản đồ"]


def test_injected_markup_is_shown_as_text(entry):
    at = open_page(entry, "overview", tinh="<img src=x onerror=alert(1)>")
    warning = at.warning[0].value
    assert "\\<img src=x onerror=alert\\(1\\)\\>" in warning  # escaped: shown as the characters typed


def test_data_change_is_served_and_bad_change_keeps_last_valid(entry, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("geo"))
    monkeypatch.setenv("DANVAN_DATA", str(data))
    at = open_page(entry, "overview")
    assert {m.label: m.value for m in at.metric}["Sự kiện"] == "38"

    visits = data / "visits.yaml"
    text_before = visits.read_text(encoding="utf-8")
    last = text_before.rindex("\n- id:")
    visits.write_text(text_before[:last] + "\n", encoding="utf-8")  # a valid edit: one visit fewer
    at.run()
    assert {m.label: m.value for m in at.metric}["Sự kiện"] == "37"

    visits.write_text(text_before.replace('date_start: "2024-04-25"', 'date_start: "2024-04-31"'), encoding="utf-8")
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Sự kiện"] == "37"  # the last valid catalog
    assert "visits.yaml › id=v-2024-04-25-lang-son › date_start: ngày không hợp lệ '2024-04-31'" in text(at)


def test_filter_is_kept_when_switching_pages(entry):
    at = open_page(entry, "so-sanh", tinh="20", lang="en")
    at.sidebar.multiselect(key="f_tinh").set_value(["20", "44"]).run()
    at.switch_page(str(ROOT / "pages" / "ban-do.py"))
    at.run()
    assert at.session_state["f_tinh"] == ["20", "44"] and at.session_state["f_lang"] == "en"
    assert "Lạng Sơn, Quảng Bình; 2015–2025; 63 units (before 1/7/2025)" in text(at)
    assert dict(at.query_params) == {"tinh": ["20", "44"], "lang": "en"}


def test_switching_scheme_carries_provinces_over(entry):
    at = open_page(entry, "overview", tinh="06")
    at.sidebar.radio(key="f_ranh_gioi").set_value("34").run()
    assert at.session_state["f_tinh"] == ["19"]
    assert "Thái Nguyên; 2015–2025; 34 tỉnh (từ 1/7/2025)" in text(at)


def test_merged_province_shows_new_unit_with_old_name(entry):
    shown = text(open_page(entry, "overview", tinh="19", ranh_gioi="34"))
    assert "Thái Nguyên (trước đây: Bắc Kạn)" in shown
    shown = text(open_page(entry, "overview", tinh="19", ranh_gioi="34", lang="en"))
    assert "Thái Nguyên (formerly Bắc Kạn)" in shown


# ---------------------------------------------------------------- hostile links (issue 14 §2)


@pytest.mark.parametrize(
    ("page", "params", "sentence"),
    [
        ("overview", {"trinh_chieu": "²"}, "Giá trị “²” của tham số “trinh\\_chieu” không hợp lệ"),
        ("overview", {"trinh_chieu": "9" * 5000}, "tham số “trinh\\_chieu” không hợp lệ"),
        ("ban-do", {"tinh": ",".join(f"{n % 100:02d}" for n in range(3334))}, "chỉ đọc 100 giá trị đầu"),
        ("so-sanh", {f"x{n}": "1" for n in range(300)}, "Tham số “x0, x1, x2 … \\(\\+297\\)” không được hỗ trợ"),
    ],
)
def test_a_hostile_link_renders_the_page_with_one_warning(entry, page, params, sentence):
    at = open_page(entry, page, **params)
    link_warnings = [w.value for w in at.warning if w.icon == ":material/link_off:"]
    assert len(link_warnings) == 1
    assert sentence in link_warnings[0]
    if "trinh_chieu" in params:  # the slides were asked for: the first one opens
        assert "**Trang 1/" in text(at).replace("\\", "")
    else:
        assert [t.value for t in at.title] == [TITLES[page][0]]


# ---------------------------------------------------------------- every choice in the URL (issue 12, defect 3)


def test_compare_says_which_chosen_provinces_have_no_value(entry):
    at = open_page(entry, "so-sanh", tinh=["20", "06", "77"], chi_tieu="dvk_models_recognized")
    assert "Không có số liệu chỉ tiêu này trong các năm đang chọn: Bà Rịa - Vũng Tàu." in text(at)
    every = open_page(entry, "so-sanh", tinh=["20", "06"], chi_tieu="dvk_models_recognized")
    assert "Không có số liệu chỉ tiêu này" not in text(every)


def test_a_link_reopens_the_compare_indicator(entry):
    at = open_page(entry, "so-sanh", chi_tieu="friendly_govt_communes_rate")
    assert at.selectbox(key="compare_indicator").value == "friendly_govt_communes_rate"
    assert "nguồn ghi 80%, tính được 83% (166/200)" in text(at)
    assert at.query_params["chi_tieu"] == "friendly_govt_communes_rate"
    at.selectbox(key="compare_indicator").set_value("dvk_models_recognized").run()
    assert at.query_params["chi_tieu"] == "dvk_models_recognized"  # the choice goes back into the link


def test_a_link_reopens_the_map_mode_and_indicator(entry):
    at = open_page(entry, "ban-do", to_mau="indicator", chi_tieu_ban_do="dvk_models_recognized")
    assert at.radio(key="map_mode").value == "indicator"
    assert at.selectbox(key="map_indicator").value == "dvk_models_recognized"
    assert "Chú giải: Mô hình “Dân vận khéo” được công nhận" in text(at)
    assert dict(at.query_params) == {"to_mau": "indicator", "chi_tieu_ban_do": "dvk_models_recognized"}


def test_a_link_reopens_the_chosen_visit(entry):
    at = open_page(entry, "dong-thoi-gian", tinh="06", su_kien="v-2020-05-28-bac-kan")
    assert at.selectbox(key="timeline_visit").value == "v-2020-05-28-bac-kan"
    assert "Điểu K’Ré" in text(at)
    assert at.query_params["su_kien"] == "v-2020-05-28-bac-kan"


def test_a_choice_the_page_does_not_offer_is_said(entry):
    at = open_page(entry, "so-sanh", tinh="20", chi_tieu="no_such_indicator")
    assert any("tham số “chi_tieu”" in w.value for w in at.warning)
    assert at.selectbox(key="compare_indicator").value != "no_such_indicator"


def test_a_link_reopens_the_slide(entry):
    at = open_page(entry, "overview", tinh="20", trinh_chieu="4")
    assert "**Trang 4/" in text(at)
    assert at.query_params["trinh_chieu"] == "4" and at.query_params["tinh"] == "20"


# ---------------------------------------------------------------- filters by level, kind and visiting body


def test_visit_filters_from_a_link_apply_to_every_page(entry):
    at = open_page(entry, "overview", cap="central", loai="khao_sat")
    assert at.sidebar.multiselect(key="f_cap").value == ["central"]
    assert at.sidebar.multiselect(key="f_loai").value == ["khao_sat"]
    assert {m.label: m.value for m in at.metric}["Sự kiện"] == "1"
    assert "Tất cả tỉnh, thành phố; 2015–2025; 63 tỉnh (trước 1/7/2025); sự kiện: Trung ương; Khảo sát" in text(at)
    at.switch_page(str(ROOT / "pages" / "du-lieu.py"))
    at.run()
    assert at.dataframe[0].value["Ngày"].to_list() == ["25/04/2024"]  # the one central survey: Lạng Sơn
    assert dict(at.query_params) == {"cap": "central", "loai": "khao_sat"}


def test_visiting_body_filter_chosen_in_the_sidebar_goes_to_the_url(entry):
    at = open_page(entry, "dong-thoi-gian")
    at.sidebar.multiselect(key="f_co_quan").set_value(["Ban Dân vận Tỉnh ủy Quảng Bình"]).run()
    assert at.query_params["co_quan"] == "ban-dan-van-tinh-uy-quang-binh"
    options = list(at.selectbox(key="timeline_visit").options)
    assert options and all("Quảng Bình" in o for o in options)
    assert "Ban Dân vận Tỉnh ủy Quảng Bình" in text(at)


# ---------------------------------------------------------------- search


def test_search_finds_without_accents_marks_and_links(entry):
    at = open_page(entry, "tim-kiem", tim="dan van kheo", tinh="35")
    assert at.text_input(key="search_q").value == "dan van kheo"
    shown = "\n".join(str(m.value) for m in at.markdown)
    assert ":orange-background[Dân vận khéo]" in shown
    assert "Tìm kiếm" in [t.value for t in at.title] and "kết quả" in text(at)
    assert at.query_params["tim"] == "dan van kheo"
    # a hit opens its record in this tab (a link opened a new tab each time; a leader's walk-through)
    first = at.button(key="open_0")
    assert first.label == "Mở trong trang Dòng thời gian"
    first.click().run()
    assert not at.exception
    assert at.selectbox(key="timeline_visit").value == "v-2022-12-20-ha-nam" and at.query_params["tinh"] == "35"


def test_a_search_hit_on_a_part_opens_compare_with_its_parts(entry):
    """ "Sản phẩm OCOP … — 3 sao — huyện Lệ Thủy" opened So sánh on the total alone (a leader's walk-through)."""
    at = open_page(entry, "tim-kiem", tim="OCOP 3 sao", tinh="44")
    hit = next(b for b in at.button if b.key and b.key.startswith("open_") and b.label == "Mở trong trang So sánh")
    hit.click().run()
    assert not at.exception
    assert at.toggle(key="compare_breakdowns").value is True and at.query_params["tach"] == "1"
    assert "3 sao" in at.dataframe[0].value["Phân tổ"].to_list()


def test_search_counts_its_kinds_apart(entry):
    """A kind's name holds a comma: the counts are set apart by semicolons ("1 chỉ đạo, kiến nghị, 10 số liệu" read
    as three kinds; a second walk-through)."""
    assert "**11 kết quả**: 1 chỉ đạo, kiến nghị; 10 số liệu." in text(open_page(entry, "tim-kiem", tim="khiếu nại"))


def test_search_text_is_escaped_and_nothing_found_says_so(entry):
    at = open_page(entry, "tim-kiem", tim="<b>zzz</b>")
    info = at.info[0].value
    assert "Không tìm thấy “\\<b\\>zzz\\</b\\>”" in info


# ---------------------------------------------------------------- what changed since…


def test_what_changed_since_a_day_from_a_link(entry):
    at = open_page(entry, "thay-doi", tu_ngay="2024-04-24")
    assert at.date_input(key="changes_day").value.isoformat() == "2024-04-24"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sự kiện mới"] == "4" and metrics["Nguồn mới"] == "4"
    shown = text(at)
    assert "**Ban Dân vận Trung ương** → Lạng Sơn" in shown and "nguồn đăng 25/04/2024" in shown
    assert "Dữ liệu không ghi ngày thu thập nguồn" in shown
    # a new source's line shows its day once ("— 25/04/2024 · nguồn đăng 25/04/2024"; a second walk-through)
    sources = [line for line in shown.splitlines() if line.startswith("- ") and "**" not in line]  # not values
    assert sources and not any("nguồn đăng" in line for line in sources)
    assert any(line.endswith("— 25/04/2024") for line in sources)
    assert at.query_params["tu_ngay"] == "2024-04-24"


def test_nothing_changed_says_so(entry):
    at = open_page(entry, "thay-doi", tinh="20", tu_ngay="2025-01-01")
    assert "Không có gì mới sau ngày 01/01/2025" in text(at)


# ---------------------------------------------------------------- results first on the overview


def test_overview_names_an_untitled_source_by_its_publisher_once(entry):
    shown = text(open_page(entry, "overview", tinh="56", nam="2013-2016"))  # Khánh Hòa: a13 is Vạn Ninh's page
    assert re.search(
        r"- \[Bài không có tiêu đề trên vanninh\.khanhhoa\.gov\.vn\]\(https://[^)]+\) — 0 sự kiện, 1 số liệu", shown
    )


def test_overview_leads_with_results(entry):
    at = open_page(entry, "overview", tinh="20")
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:3] == ["Kết quả đạt được", "Diễn biến qua các kỳ", "Dữ liệu trong bộ lọc"]
    metrics = [m.value for m in at.metric]
    assert metrics[0] == "1.973" and "1.145" in metrics and "81,77%" in metrics
    shown = text(at)
    assert "⚠ Nguồn ghi tỷ lệ này, nhưng 166/200 = 83%" in shown  # the stated 80% beside its own ratio
    assert "Chưa có chỉ tiêu nào có từ hai kỳ số liệu cho cùng một nơi" in shown


def test_overview_shows_each_indicator_once(entry):
    """ "Kết quả đạt được" and "Chỉ tiêu nổi bật" both showed 80%, 53%, 81,77% and 1.145 (a leader's walk-through)."""
    at = open_page(entry, "overview", tinh="20")
    names = [
        m.label
        for m in at.metric
        if m.label not in {"Sự kiện", "Tỉnh có sự kiện", "Văn bản được nhắc tới", "Số liệu chỉ tiêu", "Nguồn tin"}
    ]
    assert len(names) >= 8 and len(names) == len(set(names))
    assert "Tỷ lệ đơn vị lắp đặt hòm thư góp ý" in names  # a highlight the results do not show


def test_overview_results_across_provinces_show_the_range(entry):
    shown = text(open_page(entry, "overview", nam="2017-2024"))
    # two figures of their own periods, not a range "306 – 1.145" (a year's and three years' figures; a leader's
    # walk-through); "Kỳ 2021–2023" for both would date Hà Nam's 2022 figure wrongly
    assert "306 và 1.145" in shown and "306 – 1.145" not in shown
    # and they are not ranked against each other (a third walk-through read "thấp nhất Hà Nam, kỳ 2022; cao nhất …")
    assert "mỗi nơi một kỳ số liệu nên không so sánh được: 306 là của Hà Nam, kỳ 2022; 1.145 của Lạng Sơn" in shown
    # each with the sentence it is quoted from (the card had none)
    assert "306 mô hình “Dân vận khéo” của các cơ quan, tổ chức, đơn vị" in shown
    assert "có 1.291 mô hình Dân vận khéo được đăng ký thực hiện và có 1.145 mô hình được công nhận" in shown
    assert (
        "2 tỉnh báo cáo, mỗi nơi một kỳ số liệu nên không so sánh được: 306 là của Hà Nam, kỳ 2022; 1.145 của Lạng "
        "Sơn, kỳ 2021–2023" in shown
    )
    merged = text(open_page(entry, "overview", nam="2017-2024", ranh_gioi="34"))
    # under the 34-unit scheme Hà Nam's figure is not Ninh Bình's: both names, as every other view writes them
    assert "306 là của Ninh Bình (trước đây: Hà Nam), kỳ 2022;" in merged


def test_a_figure_the_source_gives_as_hon_or_gan_is_never_shown_as_exact(entry):
    """Bà Rịa - Vũng Tàu's 2024 gifts: "hơn 9.500 phần quà với tổng giá trị gần 5 tỷ đồng" — the profile's cards and
    the page of new figures write the words before the numbers, as the source does."""
    profile = text(open_page(entry, "ho-so-tinh", tinh="77", nam="2024"))
    # one sentence's two figures on one card; a district's card names it with its kind; under the 34-unit scheme
    # with the former province too
    assert (
        "**Suất quà hỗ trợ đoàn viên, hội viên, đối tượng khó khăn (huyện Xuyên Mộc)**  \n"
        "- đoàn viên, hội viên, đối tượng bảo trợ xã hội: hơn 9.500\n"
        "**Tổng giá trị quà hỗ trợ (huyện Xuyên Mộc)**  \n"
        "- đoàn viên, hội viên, đối tượng bảo trợ xã hội: gần 5 tỷ đồng"
    ) in profile
    merged = text(open_page(entry, "ho-so-tinh", tinh="79", nam="2024", ranh_gioi="34"))
    assert "**Tổng giá trị quà hỗ trợ (huyện Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu))**" in merged
    changes = text(open_page(entry, "thay-doi", nam="2017-2024"))
    assert (
        "đối tượng bảo trợ xã hội**: hơn 9.500 · huyện Xuyên Mộc, Bà Rịa - Vũng Tàu · Kỳ 2024 · nguồn đăng 12/2024"
        in changes
    )
    assert "31/12/2024" not in changes and "Bản ghi mới nhất: 12/2024." in changes  # no day the source never gave
    merged = text(open_page(entry, "thay-doi", nam="2017-2024", ranh_gioi="34"))
    assert "hơn 9.500 · huyện Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu) · " in merged


def test_overview_highlights_under_the_34_unit_scheme_name_the_unit_of_record(entry):
    shown = text(open_page(entry, "overview", nam="2017-2024", ranh_gioi="34"))
    assert "Ninh Bình (trước đây: Hà Nam) · Kỳ 2022" in shown


# ---------------------------------------------------------------- follow-up of recommendations


def test_recommendations_listed_by_province_open_first(entry):
    at = open_page(entry, "kien-nghi", nam="2017-2024")
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:2] == ["Hà Nam · 5 chưa ghi nhận đã thực hiện", "Bắc Kạn · 3 chưa ghi nhận đã thực hiện"]
    assert "Không ghi nơi đến · 3 chưa ghi nhận đã thực hiện" in subheaders  # a central visit with no host: no "—"
    assert {m.label: m.value for m in at.metric}["Chưa theo dõi"] == "15"
    shown = text(at)
    assert "Quan tâm đào tạo, bồi dưỡng cán bộ làm công tác dân vận." in shown
    captions = "\n".join(str(m.value) for m in at.caption)
    # each item's event by its kind; a conference is no delegation to itself, and an unknown host leaves no "→ —"
    assert "Khảo sát: 25/04/2024 — Ban Dân vận Trung ương → Lạng Sơn" in captions
    assert "Hội nghị tổng kết, sơ kết: 20/12/2022 — Ban Dân vận Tỉnh ủy Hà Nam · Hà Nam" in captions
    assert "→ —" not in captions and "Đoàn:" not in captions
    assert "fu_pick" not in [s.key for s in at.selectbox]  # viewers see no write control
    assert {b.label for b in at.main.button} == {"Mở sự kiện trên Dòng thời gian"}
    # an item opens its event in this tab (a link opened a new tab; a leader's walk-through)
    at.button(key="open_v-2020-05-28-bac-kan_7").click().run()
    assert at.selectbox(key="timeline_visit").value == "v-2020-05-28-bac-kan"


def test_a_curator_marks_a_recommendation_and_it_is_saved(entry, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("history"))
    monkeypatch.setenv("DANVAN_DATA", str(data))
    at = AppTest.from_file(str(entry), default_timeout=60)
    at.query_params.update({"tinh": "06", "nam": "2017-2024"})
    sign_in_as_curator(at, tmp_path, monkeypatch)
    at.switch_page(str(ROOT / "pages" / "kien-nghi.py"))
    at.run()
    quote = "Đoàn Kiểm tra của BCĐ Trung ương tổng kết Quyết định số 290-QĐ/TW làm việc với Tỉnh ủy Bắc Kạn"
    at.selectbox(key="fu_pick").set_value("v-2020-05-28-bac-kan#7")
    at.radio(key="fu_state").set_value("in_progress")
    at.date_input(key="fu_date").set_value(dt.date(2021, 12, 1))
    at.selectbox(key="fu_source").set_value("s02")
    at.text_area(key="fu_quote").set_value(quote)
    at.text_input(key="fu_reason").set_value("Báo Bắc Kạn đưa tin")
    next(b for b in at.button if b.label == "Lưu đánh dấu").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Đã lưu vào followups.yaml." in text(at)
    saved = (data / "followups.yaml").read_text(encoding="utf-8")
    assert "visit: v-2020-05-28-bac-kan" in saved and "finding: 7" in saved and "state: in_progress" in saved
    assert "Theo dõi: **Đang thực hiện** ngày 01/12/2021" in text(at)
    assert {m.label: m.value for m in at.metric}["Đang thực hiện"] == "1"
    audit = (data / "history" / "audit.jsonl").read_text(encoding="utf-8")
    assert '"author": "lan"' in audit and "Báo Bắc Kạn đưa tin" in audit


def test_a_mark_the_loader_refuses_writes_nothing(entry, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("history"))
    monkeypatch.setenv("DANVAN_DATA", str(data))
    before = (data / "followups.yaml").read_text(encoding="utf-8")
    at = AppTest.from_file(str(entry), default_timeout=60)
    at.query_params.update({"tinh": "06", "nam": "2017-2024"})
    sign_in_as_curator(at, tmp_path, monkeypatch)
    at.switch_page(str(ROOT / "pages" / "kien-nghi.py"))
    at.run()
    at.radio(key="fu_state").set_value("done")  # no source: refused by the loader
    at.text_input(key="fu_reason").set_value("thử")
    next(b for b in at.button if b.label == "Lưu đánh dấu").click().run()
    assert "Không lưu được: 1 lỗi" in text(at)
    assert (data / "followups.yaml").read_text(encoding="utf-8") == before


def test_a_link_reopens_compare_toggles_the_source_and_document_search(entry):
    at = open_page(entry, "so-sanh", tinh="20", chi_tieu="dvk_models_recognized", moi_nam="1")
    assert at.toggle(key="compare_per_year").value is True
    assert "381,7/năm" in at.dataframe[0].value["Giá trị"].to_list()
    assert at.query_params["moi_nam"] == "1"
    at.toggle(key="compare_per_year").set_value(False).run()
    assert "moi_nam" not in at.query_params
    at = open_page(entry, "nguon", nguon="a20")
    assert at.selectbox(key="source_pick").value == "a20" and at.query_params["nguon"] == "a20"
    at = open_page(entry, "van-ban", tim_vb="290")
    assert at.text_input(key="doc_search").value == "290"
    assert at.expander[0].label.startswith("290\\-QĐ/TW")
    at = open_page(entry, "kien-nghi", tat_ca="1")
    assert at.toggle(key="fu_all").value is True


def test_the_filters_offer_no_english_select_all(entry):
    """Streamlit's "Select all" entry is English only: the filter's multiselects leave it out (none chosen is all)."""
    at = open_page(entry, "overview")
    assert len(at.multiselect) == 4 and all(m.proto.select_all == 0 for m in at.multiselect)


def test_an_empty_timeline_under_a_level_choice_says_to_clear_it(entry):
    shown = text(open_page(entry, "dong-thoi-gian", tinh="20", cap="commune"))  # Lạng Sơn: no commune's event
    assert "; sự kiện: Cấp xã). Hãy bỏ bớt lựa chọn trong “Lọc sự kiện” (cấp, loại, cơ quan)" in shown


def test_what_changed_says_how_many_values_it_does_not_list(entry):
    """A leader's walk-through: "Số liệu mới 50" above a list of 30, with no word of the other 20."""
    at = open_page(entry, "thay-doi", nam="2017-2024")
    count = int({m.label: m.value for m in at.metric}["Số liệu mới"].replace(".", ""))
    listed = [line for line in text(at).splitlines() if line.startswith("- **")]
    assert count > 30 and len(listed) == 30
    # the link keeps the view's years, which are not the data's default 2015–2025
    assert (
        f"Còn {count - 30} số liệu mới khác không liệt kê ở đây; trang [Dữ liệu](du-lieu?nam=2017-2024) có mọi"
        in text(at)
    )


def test_documents_date_their_visits_as_every_page_does(entry):
    """A leader's walk-through: under 290-QĐ/TW, "28/05/2020 — …" and "01/01/2020 — Ban Chỉ đạo …" where the profile
    and the recommendations write "~28/05/2020" and "~01–02/2020"."""
    shown = text(open_page(entry, "van-ban", tim_vb="290"))
    assert "- ~28/05/2020 — Ban Chỉ đạo Trung ương tổng kết Quyết định số 290-QĐ/TW → Bắc Kạn" in shown
    assert "- ~01–02/2020 — " in shown and "- 01/01/2020" not in shown


def test_the_map_says_which_events_it_cannot_place(entry):
    """A leader's walk-through: the overview counts 11 events, the map's dots 10 (the central session of
    ~01–02/2020 names no province), and nothing said why."""
    assert "1 sự kiện không ghi tỉnh nơi diễn ra nên không có trên bản đồ (các trang khác có tính)." in text(
        open_page(entry, "ban-do")
    )
    assert "không ghi tỉnh nơi diễn ra" not in text(open_page(entry, "ban-do", tinh="20"))


def test_compare_says_a_part_is_larger_than_its_whole(entry):
    """A leader's walk-through: with "Gồm số phân tổ", Lâm Hà's petitions showed "kiến nghị 93%" (166/178) beside
    a total of 146/178 resolved, and only the 86,4% against 82% was flagged."""
    at = open_page(entry, "so-sanh", chi_tieu="petitions_resolution_rate_district", tach="1")
    said = [w.value for w in at.warning]
    assert any(
        w.startswith("Nguồn ghi một phần lớn hơn tổng của nó")
        and "Lâm Hà, Lâm Đồng · Cấp huyện — kiến nghị: 166, lớn hơn tổng 146" in w.replace("\\", "")
        for w in said
    ), said
    assert not [
        w
        for w in open_page(entry, "so-sanh", chi_tieu="petitions_resolution_rate_district").warning
        if "lớn hơn tổng" in w.value
    ]


def test_an_overview_with_district_values_only_says_so_plainly(entry):
    """A leader's walk-through (Thái Nguyên, 34 units): "Không có số liệu kết quả trong bộ lọc này" stood beside
    "Số liệu chỉ tiêu 8", and the box below spoke of "các kết quả ở trên" that were not there."""
    shown = text(open_page(entry, "overview", ranh_gioi="34", tinh="19"))
    assert "Số liệu chỉ tiêu 8" in shown
    assert "Không có số liệu kết quả cấp tỉnh trong bộ lọc này." in shown
    assert "Không có tổng số cấp tỉnh nào trong bộ lọc này; các số liệu (phân tổ, cấp huyện, xã)" in shown
    assert "các kết quả ở trên" not in shown


def test_the_timeline_draws_the_lanes_of_the_levels_the_filter_keeps(entry):
    """A leader's walk-through: with Cấp = Trung ương the chart still drew empty "Cấp tỉnh" and "Cấp huyện" lanes."""
    lanes = {
        params: json.loads(open_page(entry, "dong-thoi-gian", **dict(params)).get("plotly_chart")[0].proto.spec)[
            "layout"
        ]["yaxis"]["ticktext"]
        for params in ((("cap", "central"),), ())
    }
    assert lanes[(("cap", "central"),)] == ["Trung ương"]
    assert lanes[()] == ["Cấp xã", "Cấp huyện", "Cấp tỉnh", "Trung ương"]


def test_a_profiles_documents_say_what_is_known_of_them_without_a_dash_before_nothing(entry, tmp_path, monkeypatch):
    """A curator's walk-through: a document saved without issuer or title read "25-CT/TU (10/03/2023) —"."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("geo", "history"))
    documents = data / "documents.yaml"
    documents.write_text(
        documents.read_text(encoding="utf-8").replace(
            '  issuer: Bộ Chính trị\n  level: central\n  province: null\n  date: "2013-12-12"\n  title: null',
            '  issuer: null\n  level: central\n  province: null\n  date: "2013-12-12"\n  title: null',
            1,
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("DANVAN_DATA", str(data))
    shown = [m.value.replace("\\", "") for m in open_page(entry, "ho-so-tinh", tinh="20").main.markdown]
    lines = [line.strip() for line in shown if line.startswith("**") and "/TW** (" in line]
    assert "**217-QĐ/TW** (12/12/2013)" in lines  # neither issuer nor title: the code and date alone
    assert not [line for line in lines if line.endswith("—")]
