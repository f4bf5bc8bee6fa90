from danvan.filter import Filter, convert_codes, parse, query

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
    flt, lang = parse_link({"tinh": ["99", "20", "<script>x</script>"], "nam": "abc", "ranh_gioi": "12", "lang": "fr",
                            "zz": "1"}, catalog)
    assert flt.provinces == ("20",) and flt.years == DEFAULT and flt.scheme == "63" and lang == "vi"
    keys = [key for key, _ in flt.notes]
    assert keys == ["bad_param", "bad_years", "bad_scheme", "bad_lang", "bad_province", "bad_province"]
    assert dict(flt.notes[-1][1])["value"] == "<script>x</script>"


def test_reversed_years_are_refused(catalog):
    flt, _ = parse_link({"nam": "2030-2010"}, catalog)
    assert flt.years == DEFAULT and flt.notes[0][0] == "bad_years"


def test_codes_follow_the_scheme(catalog):
    flt, _ = parse_link({"tinh": "06,20", "ranh_gioi": "34"}, catalog)
    assert flt.provinces == ("19", "20")  # Bắc Kạn is part of Thái Nguyên from 1/7/2025
    assert convert_codes(["19"], "34", "63", catalog.units) == ["06", "19"]
