import pytest

from danvan import filter as filters
from danvan.filter import MAX_ITEMS, Filter, body_key, convert_codes, file_stem, parse, query, read

DEFAULT = (2017, 2024)


def parse_link(params, catalog):
    return parse(params, catalog.units, DEFAULT)


def test_round_trip(catalog):
    flt = Filter(provinces=("20", "44"), years=(2021, 2024), scheme="63")
    params = query(flt, "en", DEFAULT)
    assert params == {"tinh": ["20", "44"], "nam": "2021-2024", "lang": "en"}
    assert parse_link(params, catalog) == (flt, "en")


def test_defaults_are_left_out(catalog):
    assert query(Filter(years=DEFAULT), "vi", DEFAULT) == {}
    assert query(Filter(years=DEFAULT, scheme="34"), "vi", DEFAULT) == {"ranh_gioi": "34"}


def test_bad_links_give_notes_and_the_nearest_view(catalog):
    flt, lang = parse_link(
        {"tinh": ["99", "20", "<script>x</script>"], "nam": "abc", "ranh_gioi": "12", "lang": "fr", "zz": "1"}, catalog
    )
    assert flt.provinces == ("20",) and flt.years == DEFAULT and flt.scheme == "63" and lang == "vi"
    keys = [key for key, _ in flt.notes]
    assert keys == ["bad_param", "bad_years", "bad_scheme", "bad_lang", "bad_province"]  # one note per kind
    assert dict(flt.notes[-1][1])["value"] == "<script>x</script>, 99"


def test_reversed_years_are_refused(catalog):
    flt, _ = parse_link({"nam": "2030-2010"}, catalog)
    assert flt.years == DEFAULT and flt.notes[0][0] == "bad_years"


def test_codes_follow_the_scheme(catalog):
    flt, _ = parse_link({"tinh": "06,20", "ranh_gioi": "34"}, catalog)
    assert flt.provinces == ("19", "20")  # Bắc Kạn is part of Thái Nguyên from 1/7/2025
    assert convert_codes(["19"], "34", "63", catalog.units) == ["06", "19"]


# ---------------------------------------------------------------- the strict parser (issue 14 §2)


@pytest.mark.parametrize("slide", ["²", "٣", "１", "0", "-1", "1e3", " ", "9" * 5000, "1000"])
def test_a_slide_number_is_ascii_digits_within_bounds(catalog, slide):
    link = filters.parse_link({"trinh_chieu": slide}, catalog.units, DEFAULT)
    assert link.choices == ({"trinh_chieu": 1} if slide.strip() else {})  # the slides, from the first one
    if slide.strip():
        assert [key for key, _ in link.flt.notes] == ["bad_value"]
        value = dict(link.flt.notes[0][1])["value"]
        assert len(value) <= 41  # a 5,000-digit value is named by its first characters only


def test_a_good_slide_number_is_an_int(catalog):
    assert filters.parse_link({"trinh_chieu": "7"}, catalog.units, DEFAULT).choices == {"trinh_chieu": 7}


def test_thousands_of_codes_give_one_note_per_kind_and_a_cap(catalog):
    codes = [f"{n % 100:02d}" for n in range(3334)]
    link = filters.parse_link({"tinh": ",".join(codes)}, catalog.units, DEFAULT)
    keys = [key for key, _ in link.flt.notes]
    assert keys == ["too_many", "bad_province"]
    assert dict(link.flt.notes[0][1]) == {"value": "tinh", "n": str(MAX_ITEMS)}
    assert dict(link.flt.notes[1][1])["value"].endswith("(+34)")  # 37 codes of 00–99 are no unit: 3 named
    assert len(link.flt.provinces) == 63
    repeated = filters.parse_link({"tinh": codes}, catalog.units, DEFAULT)  # ?tinh=01&tinh=02&… likewise
    assert [key for key, _ in repeated.flt.notes] == ["too_many", "bad_province"]


def test_many_unknown_parameters_give_one_note(catalog):
    params = {f"p{n}": "1" for n in range(500)}
    link = filters.parse_link(params, catalog.units, DEFAULT)
    assert [key for key, _ in link.flt.notes] == ["bad_param"]
    assert dict(link.flt.notes[0][1])["value"] == "p0, p1, p2 … (+497)"


@pytest.mark.parametrize("value", ["２０", "2O", "20 ", "020", "²0"])
def test_province_codes_are_two_ascii_digits(catalog, value):
    flt, _ = parse({"tinh": value}, catalog.units, DEFAULT)
    assert flt.provinces == (("20",) if value == "20 " else ())  # spaces around a value are trimmed


def test_years_and_scheme_are_strict(catalog):
    flt, _ = parse({"nam": "２０２１", "ranh_gioi": "６３"}, catalog.units, DEFAULT)
    assert flt.years == DEFAULT and [k for k, _ in flt.notes] == ["bad_years", "bad_scheme"]


def test_read_checks_form_only():
    found = read({"tinh": "20,x", "loai": "khao_sat,picnic", "tim": "dân\x00 vận\n khéo", "nam": "2021"})
    assert found.good == {"tinh": ["20"], "nam": ["2021"], "loai": ["khao_sat"], "tim": ["dân vận khéo"]}
    assert found.bad == {"tinh": ["x"], "loai": ["picnic"]}
    assert read({"tim": "a\u0000b\tc"}).good["tim"] == ["ab c"]  # control characters dropped, spaces folded


def test_visit_filters_and_choices_round_trip(catalog):
    bodies = catalog.visits["body"].unique().to_list()
    flt = Filter(
        provinces=("20",),
        years=(2021, 2024),
        levels=("central",),
        kinds=("khao_sat", "kiem_tra"),
        bodies=("Ban Dân vận Trung ương",),
    )
    choices = {"chi_tieu": "dvk_models_recognized", "trinh_chieu": 3, "tim": "dân vận khéo", "moi_nam": True}
    params = query(flt, "vi", DEFAULT, choices)
    assert params["co_quan"] == ["ban-dan-van-trung-uong"] and params["trinh_chieu"] == "3"
    assert params["moi_nam"] == "1"
    link = filters.parse_link(params, catalog.units, DEFAULT, bodies)
    assert link.flt == flt and link.choices == choices and not link.flt.notes


def test_unknown_bodies_levels_and_kinds_are_dropped_with_a_note(catalog):
    link = filters.parse_link(
        {"co_quan": "ban-khong-co", "cap": "world", "loai": "khao_sat"},
        catalog.units,
        DEFAULT,
        ["Ban Dân vận Trung ương"],
    )
    assert link.flt.bodies == () and link.flt.levels == () and link.flt.kinds == ("khao_sat",)
    assert [dict(v)["param"] for _, v in link.flt.notes] == ["cap", "co_quan"]


def test_body_key():
    assert (
        body_key("Ban Chỉ đạo Trung ương tổng kết Quyết định 290-QĐ/TW")
        == "ban-chi-dao-trung-uong-tong-ket-quyet-dinh-290-qd-tw"
    )


def test_a_downloaded_files_name_holds_its_filter(catalog):
    """The slides were always "cong-tac-dan-van.pptx", whatever the filter (a leader's walk-through)."""
    one = Filter(provinces=("20",), years=(2021, 2024))
    assert file_stem(catalog, one, "cong-tac-dan-van") == "cong-tac-dan-van-lang-son-2021-2024"
    assert file_stem(catalog, Filter(provinces=("77", "06"), years=(2023, 2023)), "danvan") == (
        "danvan-ba-ria-vung-tau-bac-kan-2023"
    )
    assert (
        file_stem(catalog, Filter(provinces=("20", "06", "77", "35"), years=(2020, 2024)), "x") == "x-4-tinh-2020-2024"
    )
