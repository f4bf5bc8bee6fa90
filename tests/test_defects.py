"""The defects of a leader's walk-through (issue 12), each as the page shows it: AppTest over the real data."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import sign_in_as_curator
from test_pages import entry, open_page, text  # noqa: F401  (entry is a fixture)


def test_self_contradicting_percentage_is_flagged_on_overview_and_profile(entry):  # noqa: F811
    flag = "⚠ Nguồn ghi tỷ lệ này, nhưng 166/200 = 83%"
    profile = text(open_page(entry, "ho-so-tinh", tinh="20"))
    assert flag in profile
    overview = open_page(entry, "overview", tinh="20")
    assert "80%" in [m.value for m in overview.metric]  # the highlight shows Lạng Sơn's 80%: flagged beside it
    assert flag in text(overview)
    consistent = text(open_page(entry, "ho-so-tinh", tinh="35"))  # Nam Định: no contradicting value
    assert "⚠" not in consistent


def test_profile_card_titles_are_shown_whole(entry):  # noqa: F811
    at = open_page(entry, "ho-so-tinh", tinh="77")  # Bà Rịa - Vũng Tàu: awards to collectives and to individuals
    # the metric's own label is cut with "…" on screen: the full title is written above it instead
    assert all(m.proto.label_visibility.value == m.proto.label_visibility.COLLAPSED for m in at.metric)
    titles = [str(e.value) for e in at.markdown]
    assert any("tập thể" in x for x in titles) and any("cá nhân" in x for x in titles)


def test_reported_values_are_called_reported_not_achieved(entry):  # noqa: F811
    shown = text(open_page(entry, "ho-so-tinh", tinh="20"))
    assert "Đã đạt" not in shown and "Báo cáo" in shown


def test_profile_without_a_province_asks_for_one(entry):  # noqa: F811
    at = open_page(entry, "ho-so-tinh")
    assert not any("An Giang" in t.value for t in at.title)
    assert at.selectbox(key="profile_code").value is None
    assert "Chọn một tỉnh, thành phố để xem hồ sơ" in text(at)


def test_one_meaning_of_in_the_filter_for_a_year_without_events(entry):  # noqa: F811
    overview = open_page(entry, "overview", nam="2014")  # no event; values of periods such as 2013–2024 cover it
    shown = text(overview)
    tiles = {m.label: m.value for m in overview.metric}
    assert tiles["Số liệu chỉ tiêu"] == "15" and tiles["Sự kiện"] == "0"
    # no page-wide "no data" while a tile counts 15 values: each part says what it has
    assert "Không có dữ liệu cho bộ lọc đang chọn" not in shown
    assert "Không có sự kiện nào trong bộ lọc này" in shown
    assert "15 số liệu có kỳ bao trùm năm đang chọn" in shown
    compare = text(open_page(entry, "so-sanh", nam="2014"))
    assert "kỳ số liệu vượt ra ngoài năm đang chọn (2014)" in compare
    data = text(open_page(entry, "du-lieu", nam="2014"))
    assert "Không có dữ liệu cho bộ lọc đang chọn" not in data and "Không có sự kiện nào trong bộ lọc này" in data


def test_documents_and_sources_follow_the_province_filter(entry):  # noqa: F811
    docs = open_page(entry, "van-ban", tinh="20")  # Lạng Sơn
    labels = " ".join(str(e.label) for e in docs.expander).replace("\\", "")
    assert "25-NQ/TW" in labels and "13-NQ/HU" not in labels  # Lâm Hà's own resolution is not Lạng Sơn's
    assert docs.toggle(key="docs_all").value is False
    everything = docs.toggle(key="docs_all").set_value(True).run()
    assert "13-NQ/HU" in " ".join(str(e.label) for e in everything.expander).replace("\\", "")
    sources = open_page(entry, "nguon", tinh="20")
    ids = set(sources.dataframe[0].value.iloc[:, 0])
    titles = " ".join(sources.dataframe[0].value.iloc[:, 0])
    assert "Lạng Sơn" in titles and not any("Hà Nam" in x for x in ids)
    assert len(ids) < 13


def test_seed_sources_name_the_publisher_their_text_names(catalog):
    sources = {row["source_id"]: row for row in catalog.sources.iter_rows(named=True)}
    assert sources["s02"]["publisher"] == "Báo Bắc Kạn" and sources["s02"]["url"] == "https://baobackan.org.vn"
    assert sources["s04"]["publisher"] == "Báo Hà Nam"


def test_names_not_codes_on_screens(entry):  # noqa: F811
    compare = open_page(entry, "so-sanh", tinh="06")  # Bắc Kạn: values of the city of Bắc Kạn
    places = set(compare.dataframe[0].value.iloc[:, 0])
    assert "Bắc Kạn · Cấp huyện" not in places and "thành phố Bắc Kạn, Bắc Kạn · Cấp huyện" in places
    data = open_page(entry, "du-lieu", tinh="20")
    for table in data.dataframe:
        cited = set(table.value["Nguồn"])
        assert not any(len(x) <= 4 for x in cited), cited  # s00, a13: ids are not names
        assert any("Lạng Sơn" in x for x in cited)
    assert "⚠ Nguồn ghi tỷ lệ này, nhưng 166/200 = 83%" in set(data.dataframe[1].value["Kiểm tra tỷ lệ"])


def test_visits_in_one_day_are_told_apart_by_district(entry):  # noqa: F811
    at = open_page(entry, "dong-thoi-gian", tinh="06")
    labels = list(at.selectbox(key="timeline_visit").options)  # as shown
    may_27 = [x for x in labels if x.startswith("27/05/2020")]
    assert len(may_27) == 2 and len(set(may_27)) == 2, may_27
    assert any("huyện Ba Bể" in x for x in may_27) and any("thành phố Bắc Kạn" in x for x in may_27)
    profile = open_page(entry, "ho-so-tinh", tinh="06")
    titles = [str(e.label) for e in profile.expander]
    assert any("huyện Ba Bể" in x for x in titles) and any("thành phố Bắc Kạn" in x for x in titles)


def click(at, key: str, visit_id: str):
    """A click on a chart point, as Streamlit records it in the chart's state."""
    at.session_state[key] = {
        "selection": {"points": [{"customdata": [visit_id, ""]}], "point_indices": [0], "box": [], "lasso": []}
    }
    return at.run()


def test_the_list_is_not_overridden_by_an_earlier_click(entry, catalog):  # noqa: F811
    ids = catalog.visits.filter(catalog.visits["province_code"] == "06")["visit_id"].to_list()
    assert len(ids) >= 2
    at = open_page(entry, "dong-thoi-gian", tinh="06")
    at = click(at, "timeline_chart", ids[0])
    assert at.selectbox(key="timeline_visit").value == ids[0]
    at = at.selectbox(key="timeline_visit").set_value(ids[1]).run()
    assert at.selectbox(key="timeline_visit").value == ids[1]  # the list's choice stays
    at = click(at, "timeline_chart", ids[0])  # a new click still opens its visit... (same point again)
    at = click(at, "timeline_chart", ids[1])
    assert at.selectbox(key="timeline_visit").value == ids[1]


def test_a_click_on_a_province_opens_its_profile(entry):  # noqa: F811
    at = open_page(entry, "ban-do", nam="2019-2024")
    at.session_state["map_select"] = {
        "selection": {
            "indices": {"provinces": [5]},
            "objects": {"provinces": [{"code": "06", "name_vi": "Bắc Kạn", "tooltip": ""}]},
        }
    }
    at.run()
    assert not at.exception
    assert "Hồ sơ tỉnh Bắc Kạn" in [t.value for t in at.title]  # no second button to press


def test_curator_draft_shows_names_not_codes(entry, tmp_path, monkeypatch):  # noqa: F811
    import json
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parent.parent
    at = AppTest.from_file(str(entry), default_timeout=60)
    sign_in_as_curator(at, tmp_path, monkeypatch)
    at.switch_page(str(root / "pages" / "nhap-lieu.py"))
    at.run()
    at.text_area(key="curate_paste").input((root / "data" / "sources" / "s04.txt").read_text(encoding="utf-8"))
    next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()
    assert not at.exception
    assert len(at.data_editor) == 3  # events, documents and values
    for table in at.data_editor:
        config = json.loads(table.proto.columns)
        shown = {name: column.get("label") for name, column in config.items() if not column.get("hidden")}
        assert all(label and label != name and "_" not in label for name, label in shown.items()), shown
        for name in ("kind", "status", "body_level", "province", "type", "level", "date_precision"):
            if name in config:  # a coded field: offered and shown by its name, saved as its code
                options = {o["value"]: o["label"] for o in config[name]["type_config"]["options"]}
                assert all(label != value for value, label in options.items() if value != "—"), options
    visits = json.loads(at.data_editor[0].proto.columns)
    assert {"value": "hoi_nghi", "label": "Hội nghị tổng kết, sơ kết"} in visits["kind"]["type_config"]["options"]
    assert {"value": "35", "label": "Hà Nam"} in visits["province"]["type_config"]["options"]


def test_english_profile_has_no_vietnamese_labels(entry):  # noqa: F811
    shown = text(open_page(entry, "ho-so-tinh", tinh="77", lang="en"))  # Bà Rịa - Vũng Tàu
    assert "Southeast" in shown and "Đông Nam Bộ" not in shown
    assert "collectives" in shown and "individuals" in shown  # breakdowns; quotes stay in Vietnamese
    labels = [
        str(m.value)
        for m in open_page(entry, "ho-so-tinh", tinh="77", lang="en").markdown
        if str(m.value).startswith("**")
    ]
    assert not any("tập thể" in x or "cá nhân" in x for x in labels), labels


def test_vietnamese_pickers_say_choose_in_vietnamese(entry):  # noqa: F811
    for page, params in (
        ("ban-do", {}),
        ("so-sanh", {}),
        ("dong-thoi-gian", {"tinh": "06"}),
        ("nguon", {}),
        ("ho-so-tinh", {}),
    ):
        at = open_page(entry, page, **params)
        if page == "ban-do":
            at = at.radio(key="map_mode").set_value("indicator").run()
        for box in at.selectbox:
            assert box.proto.placeholder and "Choose" not in box.proto.placeholder, (page, box.label)


def test_boundary_radio_keeps_its_choice_after_switching_to_english(entry):  # noqa: F811
    at = open_page(entry, "ban-do", tinh="20")
    at.button_group(key="f_lang").set_value("en").run()
    radio = at.radio(key="f_ranh_gioi")
    assert radio.value == "63"
    # the browser matches its choice by the option's text: after the labels change language, the app must send the
    # choice again in the new label, or the browser shows no option selected
    assert radio.proto.set_value and radio.proto.raw_value == "63 units (before 1/7/2025)"


def test_untitled_sources_are_named_by_publisher_not_id(entry):  # noqa: F811
    shown = text(open_page(entry, "overview", nam="2015"))  # a13 has no title
    assert "[a13]" not in shown and "[Bài không có tiêu đề trên vanninh.khanhhoa.gov.vn]" in shown


def _menu_language_script():
    import streamlit as st

    from components.boot import lang

    st.markdown(lang())


@pytest.mark.parametrize(("asked", "shown"), [(None, "vi"), ("en", "en"), ("xx", "vi")])
def test_the_menu_is_named_before_the_catalog_loads_in_the_links_language(asked, shown):
    """A server's first run loads the catalog for many seconds, and until st.navigation runs Streamlit lists pages/ by
    file name ("ban-do", "nhap-lieu"): the shell builds the menu first, in the language the link asks for."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_menu_language_script)
    if asked:
        at.query_params["lang"] = asked
    at.run()
    assert not at.exception
    assert at.markdown[0].value == shown
    # the menu goes out before the shell's modules are imported (components/boot.py; tests/test_browser.py watches it
    # on a fresh server)
    app = (Path(__file__).resolve().parent.parent / "app.py").read_text(encoding="utf-8")
    assert app.index("boot.send()") < app.index("from components import shell")
