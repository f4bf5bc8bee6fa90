"""The gazetteer resolver: any spelling of any unit on a date, ambiguity resolved by context or reported, the text
scanner, and the validation of curated places."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import polars as pl
import pytest

import danvan
from danvan import DataError, gazetteer
from danvan.gazetteer import Resolution

BEFORE = dt.date(2024, 5, 1)  # scheme 63
AFTER = dt.date(2025, 9, 1)  # scheme 34


def found(name: str, on: dt.date = BEFORE, **kw) -> gazetteer.Match:
    res = gazetteer.resolve(name, on=on, **kw)
    assert res.status == "found", (name, res)
    assert res.match is not None
    return res.match


# ------------------------------------------------------------------------------------------------ the examples


def test_thien_loc_with_its_district_in_brackets() -> None:
    m = found("xã Thiên Lộc (Can Lộc)")
    assert (m.scheme, m.province_code, m.district_code, m.commune_code) == ("63", "42", "443", "18415")  # Hà Tĩnh


def test_thien_loc_after_the_merger_follows_its_context_not_the_new_namesake() -> None:
    # From 1/7/2025 a new xã Thiên Lộc exists in Hà Nội; "(Can Lộc)" says the old one of Hà Tĩnh is meant.
    assert found("xã Thiên Lộc", AFTER).province_code == "01"
    m = found("xã Thiên Lộc (Can Lộc)", AFTER)
    assert (m.scheme, m.province_code, m.place.code) == ("34", "42", "18415")
    assert m.commune_code == "18406" and "không còn từ 1/7/2025" in m.note


def test_cho_don_in_both_schemes() -> None:
    before = found("huyện Chợ Đồn", BEFORE)
    assert (before.scheme, before.province_code, before.district_code) == ("63", "06", "064")  # Bắc Kạn
    after = found("huyện Chợ Đồn", AFTER)
    assert (after.scheme, after.province_code, after.district_code) == ("34", "19", None)  # Thái Nguyên
    assert "huyện Chợ Đồn" in after.note and "tỉnh mã 19" in after.note


def test_dat_do_is_a_former_name_in_ba_ria_vung_tau() -> None:
    m = found("huyện Đất Đỏ", dt.date(2020, 3, 1))
    assert m.province_code == "77" and m.place.name == "Long Đất" and "tên cũ" in m.note
    assert (m.name, m.former) == ("Đất Đỏ", "Đất Đỏ")  # the name it bore then, as the text wrote it
    assert found("huyện Long Đất", dt.date(2025, 3, 1)).name == "Long Đất"
    assert found("huyện Đất Đỏ", AFTER).province_code == "79"  # Bà Rịa - Vũng Tàu is in TP. Hồ Chí Minh now


@pytest.mark.parametrize(
    ("name", "province", "district"),
    [
        ("huyện Bắc Trà My", "49", "515"),  # Quảng Nam
        ("Huyện ủy Lâm Hà", "68", "676"),  # Lâm Đồng
        ("Tỉnh ủy Sơn La", "14", None),
        ("TP. Bắc Kạn", "06", "058"),  # the city, not the province
        ("Thành ủy Bắc Kạn", "06", "058"),
        ("thị xã Phú Mỹ", "77", "754"),  # a thành phố since 2025: the type word is old, the place is the same
        ("Q. Ba Đình", "01", "001"),
        ("H. Chợ Đồn", "06", "064"),
        ("TX. Quảng Trị", "45", "462"),
        ("Huyện đoàn Chư Sê", "64", "633"),  # the youth union of a district names it, as its party committee does
    ],
)
def test_type_words_and_abbreviations(name: str, province: str, district: str | None) -> None:
    m = found(name)
    assert (m.province_code, m.district_code) == (province, district)


# ------------------------------------------------------------------------------------------------ spellings


@pytest.mark.parametrize(
    "spelling",
    [
        "huyện Chợ Đồn",
        unicodedata.normalize("NFD", "huyện Chợ Đồn"),
        "HUYỆN CHỢ ĐỒN",
        "huyen Cho Don",
        "Chợ Đồn",
        "  huyện   Chợ  Đồn ",
    ],
)
def test_spellings_of_one_district(spelling: str) -> None:
    assert found(spelling).district_code == "064"


def test_nfd_commune_and_the_icelandic_eth() -> None:
    assert found(unicodedata.normalize("NFD", "xã Thiên Lộc (Can Lộc)")).commune_code == "18415"
    assert found("huyện \u00d0ắk Hà").district_code == "615"  # Ð (U+00D0) typed for Đ


def test_hoa_and_hoa() -> None:
    assert found("tỉnh Hoà Bình").province_code == "17"
    assert found("huyện Thanh Thuỷ").district_code == found("huyện Thanh Thủy").district_code == "239"


def test_a_name_spelt_exactly_beats_its_type_word_read_loosely() -> None:
    # No xã is named Diễn Thành; read without marks, "xã Diễn Thành" would be Khánh Hòa's xã Diên Thạnh. The thị
    # trấn of Nghệ An spelt exactly is the better reading: the type word is the part that goes out of date.
    town = found("xã Diễn Thành")
    assert (town.province_code, town.place.label) == ("40", "thị trấn Diễn Thành")
    assert "loại đơn vị khác" in town.note
    # Written without marks, the type word still decides: the only xã read that way is Khánh Hòa's.
    loose = found("xa Dien Thanh")
    assert (loose.province_code, loose.place.label, loose.note) == ("56", "xã Diên Thạnh", "khớp tên không dấu")


def test_dak_dak_dak() -> None:
    codes = {found(f"huyện {s} Hà").district_code for s in ("Đăk", "Đắk", "Dak", "Đak")}
    assert codes == {"615"}
    assert found("Dak Lak").province_code == "66"


def test_province_spellings_of_the_registry() -> None:
    assert found("TP HCM").province_code == "79"
    assert found("Thừa Thiên - Huế").province_code == "46"
    assert found("Thành phố Hồ Chí Minh", AFTER).province_code == "79"


def test_unknown_and_numbers_alone() -> None:
    assert gazetteer.resolve("huyện Không Có Thật", on=BEFORE).status == "unknown"
    assert gazetteer.resolve("1", on=BEFORE).status == "unknown"
    ward = found("phường 1, quận 3, TP. Hồ Chí Minh")
    assert ward.province_code == "79" and ward.place.type == "phường" and ward.district_code == "770"


# ------------------------------------------------------------------------------------------------ ambiguity


def test_ambiguous_commune_without_context_lists_candidates() -> None:
    res = gazetteer.resolve("xã Tân Lập", on=BEFORE)
    assert res.status == "ambiguous" and res.match is None
    assert len(res.candidates) > 10
    assert "01" in {c.province_code for c in res.candidates}
    assert all(c.place.name == "Tân Lập" and c.place.type == "xã" for c in res.candidates)


def test_a_former_name_kept_without_marks_stands_beside_a_unit_spelt_exactly() -> None:
    """Fresh text vd08: "xã Điện Minh" matched the former xã Diễn Minh of Nghệ An (former names are kept without
    their marks) and hid phường Điện Minh of Quảng Nam; both are candidates now, and the outlet's province chooses —
    as it does for An Giang's merged "phường Đông Xuyên" beside xã Đông Xuyên of Thái Bình (tuning text p396)."""
    for query, former, spelt in (("xã Điện Minh", "40", "49"), ("phường Đông Xuyên", "89", "34")):
        res = gazetteer.resolve(query, on=BEFORE)
        assert res.status == "ambiguous" and {c.province_code for c in res.candidates} == {former, spelt}
        for province in (former, spelt):
            assert gazetteer.resolve(query, on=BEFORE, within=province).match.province_code == province
    assert gazetteer.resolve("xã Diễn Minh", on=BEFORE).match.place.label == "xã Minh Châu"  # no unit spelt so


@pytest.mark.parametrize(
    "query", ["xã Tân Lập, huyện Đan Phượng", "xã Tân Lập (Đan Phượng)", "xã Tân Lập, huyện Đan Phượng, TP. Hà Nội"]
)
def test_ambiguous_commune_with_a_parent(query: str) -> None:
    m = found(query)
    assert (m.province_code, m.district_code, m.commune_code) == ("01", "273", "09820")
    assert "ngữ cảnh" in m.note


def test_context_argument_and_province_hint() -> None:
    assert found("xã Tân Lập", context=["huyện Đan Phượng"]).commune_code == "09820"
    hinted = found("xã Tân Lập", province_hint="Hà Nội")
    assert hinted.commune_code == "09820" and "gợi ý" in hinted.note
    assert found("xã Tân Lập", province_hint="01").commune_code == "09820"
    # A hint never overrides a name that is unique: Chợ Đồn stays in Bắc Kạn for an outlet of Hà Nội.
    assert found("huyện Chợ Đồn", province_hint="01").province_code == "06"


def test_within_is_a_filter() -> None:
    assert found("huyện Chợ Đồn", within="06").district_code == "064"
    assert gazetteer.resolve("huyện Chợ Đồn", on=BEFORE, within="01").status == "unknown"
    assert found("huyện Chợ Đồn", AFTER, within="19").province_code == "19"
    # Before the merger 91 is Kiên Giang alone: An Giang's Châu Thành (89, in the 34-scheme's 91) is not inside it.
    assert found("huyện Châu Thành", within="91").district_code == "905"
    assert gazetteer.resolve("huyện Châu Thành", on=AFTER, level="district", within="91").status == "ambiguous"


def test_province_hint_that_does_not_help_keeps_it_ambiguous() -> None:
    res: Resolution = gazetteer.resolve("xã Tân Lập", on=BEFORE, province_hint="48")  # no Tân Lập in Đà Nẵng
    assert res.status == "ambiguous" and len(res.candidates) > 10


# ------------------------------------------------------------------------------------------------ after the merger


def test_old_units_after_the_merger() -> None:
    con_dao = found("huyện Côn Đảo", AFTER)
    assert (con_dao.province_code, con_dao.commune_code) == ("79", "26732")  # now đặc khu Côn Đảo
    assert found("tỉnh Bắc Kạn", AFTER).province_code == "19"
    assert found("tỉnh Bắc Kạn", BEFORE).province_code == "06"
    assert found("TP. Bắc Kạn", AFTER).province_code == "19"


def test_a_town_the_registry_lost_is_its_districts_seat() -> None:
    """Fresh tuning text yk11: "thị trấn Đức Phổ" (Quảng Ngãi; a phường of thị xã Đức Phổ since 2020) is no thị trấn
    of the registry, and not xã Đức Phổ of Lâm Đồng; a town the registry has keeps its own code."""
    seat = found("thị trấn Đức Phổ", dt.date(2016, 11, 12))
    assert (seat.province_code, seat.district_code, seat.commune_code) == ("51", "534", None)
    assert "thị trấn huyện lỵ của thị xã Đức Phổ" in seat.note
    assert found("xã Đức Phổ").province_code == "68"
    assert found("thị trấn Bằng Lũng").commune_code == "02020"
    assert gazetteer.resolve("thị trấn Xyz", on=BEFORE).status == "unknown"


def test_a_name_only_of_the_new_scheme_is_unknown_before_it() -> None:
    assert found("đặc khu Côn Đảo", AFTER).commune_code == "26732"
    assert gazetteer.resolve("đặc khu Côn Đảo", on=BEFORE).status == "unknown"


# ------------------------------------------------------------------------------------------------ find_places

LEAD = (
    "Sáng nay, Tỉnh ủy Sơn La tổ chức Hội nghị tổng kết. Đoàn công tác của Huyện ủy Lâm Hà làm việc tại "
    "xã Thiên Lộc (Can Lộc) và TP. Bắc Kạn, huyện Chợ Đồn Hoàng Văn A phát biểu; xã Tân Lập, huyện Đan Phượng "
    "và thị xã Phú Mỹ."
)


def test_find_places_spans_and_resolutions() -> None:
    hits = gazetteer.find_places(LEAD, on=BEFORE)
    got = [(h.text, h.resolution.status, h.resolution.match and h.resolution.match.province_code) for h in hits]
    assert got == [
        ("Tỉnh ủy Sơn La", "found", "14"),
        ("Huyện ủy Lâm Hà", "found", "68"),
        ("xã Thiên Lộc", "found", "42"),
        ("TP. Bắc Kạn", "found", "06"),
        ("huyện Chợ Đồn", "found", "06"),
        ("xã Tân Lập", "found", "01"),
        ("huyện Đan Phượng", "found", "01"),
        ("thị xã Phú Mỹ", "found", "77"),
    ]
    assert all(LEAD[h.start : h.end] == h.text for h in hits)


def test_find_places_needs_a_type_word_and_a_capital() -> None:
    text = "Cán bộ ở xa về huyện làm việc; đồng chí H. nói. Ông Chợ Đồn không phải một huyện."
    assert gazetteer.find_places(text, on=BEFORE) == []


def test_find_places_on_nfd_text_and_with_a_hint() -> None:
    hits = gazetteer.find_places(unicodedata.normalize("NFD", "Về thăm xã Tân Lập hôm qua."), on=BEFORE, hint="01")
    assert [(h.text, h.resolution.match.commune_code) for h in hits] == [("xã Tân Lập", "09820")]
    unhinted = gazetteer.find_places("Về thăm xã Tân Lập hôm qua.", on=BEFORE)
    assert unhinted[0].resolution.status == "ambiguous"


def test_find_places_after_the_merger() -> None:
    hits = gazetteer.find_places("Ngày 5/9/2025, huyện Chợ Đồn cũ nay thuộc tỉnh Thái Nguyên.", on=AFTER)
    assert [(h.text, h.resolution.match.province_code) for h in hits] == [
        ("huyện Chợ Đồn", "19"),
        ("tỉnh Thái Nguyên", "19"),
    ]


# ------------------------------------------------------------------------------------------------ validation


def test_check_places_on_frames() -> None:
    frame = pl.DataFrame(
        {
            "_record": ["id=a", "id=b", "id=c", "id=d", "id=e", "id=f"],
            "date_start": [BEFORE, BEFORE, BEFORE, AFTER, BEFORE, dt.date(2023, 12, 13)],
            "province": ["06", "01", "44", "19", "06", "77"],
            "district": ["Chợ Đồn", "Chợ Đồn", "Lệ Thủy", "Chợ Đồn", None, "Đất Đỏ"],  # f: its name in 2023
            "commune": [None, None, "Không Có", None, "Thôn Nà Pục", None],
        }
    )
    places = pl.DataFrame({"name": ["Thôn Nà Pục"], "level": ["commune"], "province_code": ["06"], "aliases": [""]})
    found_problems = gazetteer.check_places({"visits.yaml": frame}, places)
    assert [(p.file, p.record, p.field) for p in found_problems] == [
        ("visits.yaml", "id=b", "district"),
        ("visits.yaml", "id=c", "commune"),
    ]
    assert found_problems[0].message == (  # the provinces by their names, not their codes (a curator's walk-through)
        "'Chợ Đồn' là huyện Chợ Đồn của tỉnh Bắc Kạn (trước 1/7/2025), không thuộc thành phố Hà Nội của bản ghi"
    )
    assert "places.csv" in found_problems[1].message


def test_check_places_refuses_a_district_of_another_province() -> None:
    """A curator's walk-through: "Bảo Thắng" (Lào Cai) saved under Yên Bái passed — the resolver's `within` only
    prefers a province, and the check took any unit it found. A misspelt name of the province's own ("Mù Cang
    Chải") is still its district."""
    frame = pl.DataFrame(
        {
            "id": ["o1", "o2", "o3"],
            "period_end": [dt.date(2023, 12, 31)] * 3,
            "province": ["15", "15", "15"],
            "district": ["Bảo Thắng", "Mù Cang Chải", "Nghĩa Lộ"],
        }
    )
    (problem,) = gazetteer.check_places({"observations.yaml": frame})
    assert (problem.record, problem.field) == ("o1", "district")
    assert problem.message == (
        "'Bảo Thắng' là huyện Bảo Thắng của tỉnh Lào Cai (trước 1/7/2025), không thuộc tỉnh Yên Bái của bản ghi"
    )


def test_check_places_names_a_district_of_another_province_and_how_to_tell_namesakes_apart() -> None:
    """A curator's walk-through: "Hương Sơn" moved to Nghệ An was "không có huyện 'Hương Sơn' thuộc tỉnh mã '40' …
    (data/gazetteer/)", and "Kỳ Anh" listed "(mã 447)", which the curator then typed and was refused again."""
    frame = pl.DataFrame(
        {
            "id": ["o1", "o2", "o3"],
            "period_end": [dt.date(2023, 12, 31)] * 3,
            "province": ["40", "42", "42"],
            "district": ["Hương Sơn", "Kỳ Anh", "huyện Kỳ Anh"],
        }
    )
    assert [(p.record, p.message) for p in gazetteer.check_places({"observations.yaml": frame})] == [
        (
            "o1",
            "'Hương Sơn' là huyện Hương Sơn của tỉnh Hà Tĩnh (trước 1/7/2025), không thuộc tỉnh Nghệ An của bản ghi",
        ),
        (
            "o2",
            "'Kỳ Anh' là tên của nhiều đơn vị thuộc tỉnh Hà Tĩnh: huyện Kỳ Anh, thị xã Kỳ Anh; hãy ghi kèm loại "
            "(“huyện Kỳ Anh”)",
        ),
    ]


def test_check_places_reports_ambiguity_with_candidates() -> None:
    frame = pl.DataFrame(
        {"id": ["x"], "period_end": [BEFORE], "province_code": ["02"], "district": [None], "commune": ["Tân Lập"]}
    )
    # Hà Giang has one xã Tân Lập: fine. Two communes named Tân Lập in one province would need the district.
    assert gazetteer.check_places({"observations.yaml": frame}) == []
    many = gazetteer.resolve("xã Tân Lập", on=BEFORE).candidates
    provinces = [c.province_code for c in many]
    twice = next(p for p in provinces if provinces.count(p) > 1)
    frame = frame.with_columns(pl.lit(twice).alias("province_code"))
    (problem,) = gazetteer.check_places({"observations.yaml": frame})
    assert problem.record == "x" and problem.field == "commune" and "nhiều đơn vị" in problem.message


def test_curated_places_all_resolve_without_places_csv(catalog) -> None:
    frames = {"visits.yaml": catalog.visits, "observations.yaml": catalog.observations}
    assert gazetteer.check_places(frames, places=None) == []


def test_loader_rejects_a_district_outside_its_province(mini: Path) -> None:
    text = (mini / "visits.yaml").read_text(encoding="utf-8")
    (mini / "visits.yaml").write_text(text.replace("district: Lệ Thủy", "district: Chợ Đồn", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        danvan.load(mini)
    (problem,) = [p for p in err.value.problems if p.field == "district"]
    assert problem.file == "visits.yaml" and "Chợ Đồn" in problem.message and "tỉnh Quảng Bình" in problem.message


def test_loader_accepts_a_gazetteer_place_missing_from_places_csv(mini: Path) -> None:
    text = (mini / "visits.yaml").read_text(encoding="utf-8")
    (mini / "visits.yaml").write_text(
        text.replace("district: Lệ Thủy", "district: Quảng Ninh", 1), encoding="utf-8"
    )  # huyện Quảng Ninh of Quảng Bình (44), not in places.csv
    danvan.load(mini)


def test_load_is_cached_per_process() -> None:
    assert gazetteer.load() is gazetteer.load()
    g = gazetteer.load()
    assert g.communes_63.schema["code"] == pl.String and g.communes_63.height == 10035
    assert g.communes_34.height == 3321 and g.districts.height == 696


def test_find_places_sees_a_type_word_inside_a_capitalised_run() -> None:
    hits = gazetteer.find_places("Tại xã Tân Lập Huyện Đan Phượng, Tỉnh ủy Sơn La chỉ đạo.", on=BEFORE)
    assert [h.text for h in hits] == ["xã Tân Lập", "Huyện Đan Phượng", "Tỉnh ủy Sơn La"]
    assert hits[0].resolution.match.commune_code == "09820"


def test_find_places_reports_unknown_names_only_when_asked() -> None:
    text = "Đồng chí Phó Bí thư Tỉnh ủy Đinh Thị Lụa dự."
    assert gazetteer.find_places(text, on=BEFORE) == []
    (hit,) = gazetteer.find_places(text, on=BEFORE, include_unknown=True)
    assert hit.resolution.status == "unknown" and hit.text == "Tỉnh ủy Đinh Thị Lụa"


def test_a_commune_youth_union_names_its_commune() -> None:
    """Round 44's p1538: "Xã đoàn Vĩnh Hanh" is xã Vĩnh Hanh of An Giang (Châu Thành)."""
    m = found("Xã đoàn Vĩnh Hanh")
    assert (m.province_code, m.district_code, m.place.level, m.place.name) == ("89", "892", "commune", "Vĩnh Hanh")
