"""The loader: real data validates; every kind of bad input is reported with file, record, field and reason."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import polars as pl
import pytest

import danvan
from danvan import DataError
from danvan.text import ends_mid_sentence


def problems(path: Path) -> list[danvan.Problem]:
    with pytest.raises(DataError) as err:
        danvan.load(path)
    return [p for p in err.value.problems if p.severity == "error"]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_curated_data_validates_with_the_known_warnings(catalog):
    assert catalog.sources.height == 40
    assert catalog.visits.height >= 38 and catalog.observations.height >= 100
    stated = sorted(p.record for p in catalog.warnings if p.field == "value")
    assert stated == ["id=o-s00-cqtt-communes-rate", "id=o-s03-giai-quyet-huyen"]  # 166/200 ≠ 80%, 146/178 ≠ 86,4%


def test_units_carry_their_kind_from_the_gazetteer(catalog):
    kinds = dict(catalog.units.select(pl.concat_str("scheme", "code", separator="/"), "kind").iter_rows())
    assert (kinds["63/79"], kinds["63/20"], kinds["34/46"], kinds["34/01"]) == (
        "thành phố",
        "tỉnh",
        "thành phố",
        "thành phố",
    )
    assert kinds["63/46"] == "tỉnh"  # Thừa Thiên Huế, not the gazetteer's "thành phố Huế" of its last six months


def test_public_columns(catalog):
    assert catalog.visits.columns[:19] == [
        "visit_id",
        "date_start",
        "date_end",
        "date_precision",
        "date_note",
        "kind",
        "body",
        "body_level",
        "leader_name",
        "leader_title",
        "scheme",
        "province_code",
        "province_note",
        "district",
        "commune",
        "documents",
        "summary",
        "source_id",
        "quote",
    ]
    assert catalog.visits.schema["date_start"] == pl.Date
    assert catalog.visits.schema["documents"] == pl.List(pl.String)
    for column in (
        "indicator_id",
        "scheme",
        "province_code",
        "district",
        "commune",
        "period_start",
        "period_end",
        "value",
        "numerator",
        "denominator",
        "status",
        "breakdown",
        "source_id",
        "quote",
    ):
        assert column in catalog.observations.columns
    assert catalog.observations.schema["value"] == pl.Float64
    assert catalog.observations.schema["period_start"] == pl.Date


# Every figure the five seed articles state, as written, with the source it must be quoted from.
SEED_FIGURES = [
    ("s00", 81.77, "81,77%"),
    ("s00", 80, "166/200"),
    ("s00", 100, "100%"),
    ("s00", 93.9, "93,9%"),
    ("s00", 1973, "1.973"),
    ("s00", 1291, "1.291"),
    ("s00", 1145, "1.145"),
    ("s00", 53, "96/181"),
    ("s00", 129, "129 chương trình"),
    ("s00", 527, "527 kế hoạch"),
    ("s00", 22, "22 quyết định"),
    ("s01", 47, "47 mô hình"),
    ("s01", 99, "99 vườn"),
    ("s01", 34, "34 vườn"),
    ("s01", 378, "378 tiêu chí"),
    ("s01", 15.75, "15,75"),
    ("s01", 31, "31 sản phẩm"),
    ("s01", 23, "23 sản phẩm"),
    ("s01", 8, "8 sản phẩm"),
    ("s01", 26, "26 xã"),
    ("s01", 7, "07 KDC"),
    ("s03", 80.73, "80,73%"),
    ("s03", 99.72, "99,72%"),
    ("s03", 78.3, "78,3%"),
    ("s03", 57, "57%"),
    ("s03", 40766, "40.766"),
    ("s03", 40363, "40.363"),
    ("s03", 403, "403 hồ sơ"),
    ("s03", 376, "376 đơn"),
    ("s03", 86.4, "146/178"),
    ("s03", 72, "13/18"),
    ("s03", 100, "07/07"),
    ("s03", 93, "109/117"),
    ("s04", 306, "306 mô hình"),
    ("s04", 10, "10 mô hình"),
]


@pytest.mark.parametrize(("source", "value", "written"), SEED_FIGURES)
def test_every_seed_figure_is_in_the_catalog_with_its_quote(catalog, source, value, written):
    rows = catalog.observations.filter(
        pl.col("source_id") == source, pl.col("value") == value, pl.col("quote").str.contains(written, literal=True)
    )
    assert rows.height >= 1, f"{written} ({value}) from {source} is missing"


def test_lang_son_recognised_models(catalog):
    row = catalog.observations.filter(pl.col("observation_id") == "o-s00-dvk-recognized-2021-2023").row(0, named=True)
    assert (row["value"], row["province_code"], str(row["period_start"]), str(row["period_end"])) == (
        1145.0,
        "20",
        "2021-01-01",
        "2023-12-31",
    )


def test_estimates_are_marked(catalog):
    gardens = catalog.observations.filter(pl.col("observation_id") == "o-s01-vuon-kieu-mau")
    assert gardens["status"].to_list() == ["estimated"]


def test_inferred_dates_say_why(catalog):
    approximate = catalog.visits.filter(pl.col("date_precision") != "day")
    assert approximate.height >= 1 and approximate["date_note"].null_count() == 0


def test_notes_a_leader_reads_name_sources_and_visits_not_their_ids(catalog):
    """The timeline showed "Năm 2020 suy luận như ở v-2020-05-27-ba-be (kế hoạch trong a04 …)" (a walk-through)."""
    ids = {*catalog.sources["source_id"], *catalog.visits["visit_id"], *catalog.observations["observation_id"]}
    notes = [
        text
        for frame, columns in (
            (catalog.visits, ("date_note", "province_note", "summary")),
            (catalog.observations, ("province_note", "period_note")),
            (catalog.sources, ("published_note", "province_note")),
        )
        for column in columns
        for text in frame[column].drop_nulls()
    ]
    assert len(notes) >= 10
    named = {i for i in ids for text in notes if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
    assert named == set()


# ---------------------------------------------------------------- bad input, each named precisely


def test_missing_file(mini):
    (mini / "indicators.yaml").unlink()
    found = problems(mini)
    assert [(p.file, p.message) for p in found] == [("indicators.yaml", "thiếu tệp")]


def test_malformed_yaml_names_line(mini):
    replace(mini / "visits.yaml", "  kind: khao_sat\n", "  kind: [khao_sat\n")
    found = problems(mini)
    assert found[0].file == "visits.yaml" and "YAML sai cú pháp" in found[0].message and "dòng" in found[0].message


def test_malformed_csv(mini):
    (mini / "places.csv").write_text('name,level\n"Lệ Thủy,district\n', encoding="utf-8")
    found = problems(mini)
    assert found[0].file == "places.csv"


def test_unknown_province_and_indicator(mini):
    replace(
        mini / "observations.yaml",
        'province: "20"\n  period: 2021-2023\n  value: 1145',
        'province: "99"\n  period: 2021-2023\n  value: 1145',
    )
    replace(mini / "observations.yaml", "indicator: dvk_models_registered", "indicator: no_such_indicator")
    found = {(p.file, p.record, p.field): p.message for p in problems(mini)}
    assert "không có tỉnh mã '99'" in found[("observations.yaml", "id=o1", "province")]
    assert found[("observations.yaml", "id=o2", "indicator")] == "không có chỉ tiêu 'no_such_indicator'"


def test_quote_not_in_source(mini):
    replace(
        mini / "observations.yaml", "quote: có 1.145 mô hình được công nhận", "quote: có 1.146 mô hình được công nhận"
    )
    found = problems(mini)
    assert [(p.record, p.field) for p in found] == [("id=o1", "quote")]
    assert "sources/t1.txt" in found[0].message


def test_a_qualifier_must_be_the_sources_word(mini):
    """A qualifier is read from the quote like the figure: one the quote does not say, or one that is not a
    qualifier, is refused with its record and field."""
    replace(mini / "observations.yaml", "  value: 1145\n", "  value: 1145\n  qualifier: hơn\n")
    found = problems(mini)
    assert [(p.record, p.field) for p in found] == [("id=o1", "qualifier")]
    assert found[0].message.startswith("câu trích không có từ “hơn”")
    replace(mini / "observations.yaml", "  qualifier: hơn\n", "  qualifier: nhiều\n")
    found = problems(mini)
    assert [(p.record, p.field) for p in found] == [("id=o1", "qualifier")]
    assert "giá trị 'nhiều' không hợp lệ" in found[0].message


def test_percentage_of_120(mini):
    replace(mini / "observations.yaml", "  value: 80\n", "  value: 120\n")
    found = problems(mini)
    assert [(p.record, p.field, p.message) for p in found] == [("id=o3", "value", "tỷ lệ 120% nằm ngoài khoảng 0–100")]


def test_numerator_above_denominator(mini):
    replace(mini / "observations.yaml", "numerator: 166", "numerator: 266")
    found = [p for p in problems(mini) if p.field == "numerator"]
    assert found[0].message == "tử số 266 lớn hơn mẫu số 200"


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('date_start: "2024-04-25"', 'date_start: "2024-02-30"', "date_start"),
        ('period: "2023"', 'period: "2023-2021"', "period"),
        ('period: "2024-04-25"', 'period: "2024-13-01"', "period"),
    ],
)
def test_impossible_dates(mini, old, new, field):
    for name in ("visits.yaml", "observations.yaml"):
        text = (mini / name).read_text(encoding="utf-8")
        if old in text:
            replace(mini / name, old, new)
    assert field in {p.field for p in problems(mini)}


def test_nfd_text_is_composed(mini):
    path = mini / "observations.yaml"
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    catalog = danvan.load(mini)
    quote = catalog.observations.filter(pl.col("observation_id") == "o1")["quote"][0]
    assert quote == unicodedata.normalize("NFC", quote) == "có 1.145 mô hình được công nhận"


def test_windows_1258_is_refused_with_its_name(mini):
    path = mini / "sources" / "t1.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    found = problems(mini)
    assert any("t1.txt" in p.message and "Windows-1258" in p.message for p in found)


def test_duplicate_id(mini):
    text = (mini / "observations.yaml").read_text(encoding="utf-8")
    (mini / "observations.yaml").write_text(text.replace("- id: o2\n", "- id: o1\n"), encoding="utf-8")
    found = problems(mini)
    assert sorted(p.record for p in found if p.message == "mã trùng với một bản ghi khác") == ["id=o1", "id=o1"]


def test_unknown_key_is_rejected(mini):
    replace(mini / "visits.yaml", "  kind: khao_sat\n", "  kind: khao_sat\n  kindd: x\n")
    assert [(p.record, p.field) for p in problems(mini)] == [("id=v1", "kindd")]


def test_every_problem_is_reported_at_once(mini):
    replace(mini / "observations.yaml", "  value: 80\n", "  value: 120\n")
    replace(mini / "visits.yaml", 'date_start: "2024-04-25"', 'date_start: "2024-04-31"')
    replace(mini / "observations.yaml", "source: t2", "source: nowhere")
    fields = {(p.file, p.field) for p in problems(mini)}
    assert {("observations.yaml", "value"), ("visits.yaml", "date_start"), ("observations.yaml", "source")} <= fields


def test_unknown_place(mini):
    replace(mini / "visits.yaml", "district: Lệ Thủy", "district: Lệ Thủy Mới")
    found = problems(mini)
    assert found[0].field == "district" and "Lệ Thủy Mới" in found[0].message


def test_weekday_disagreement_is_a_warning(mini):
    replace(mini / "sources" / "t1.txt", "Thứ Năm, 25/4/2024", "Thứ Sáu, 25/4/2024")
    catalog = danvan.load(mini)
    assert any("thứ trong tuần không khớp" in p.message for p in catalog.warnings)


def test_relaxed_quotes_only_for_generated_data(mini):
    with pytest.raises(DataError) as err:
        danvan.load(mini, verify_quotes=False)
    assert err.value.problems[0].field == "generated"


def test_cli_validate(mini):
    ok = subprocess.run([sys.executable, "-m", "danvan", "validate", str(mini)], capture_output=True, text=True)
    assert ok.returncode == 0 and "hợp lệ" in ok.stdout and "166/200" in ok.stdout
    replace(mini / "observations.yaml", "  value: 80\n", "  value: 120\n")
    bad = subprocess.run([sys.executable, "-m", "danvan", "validate", str(mini)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "observations.yaml › id=o3 › value: tỷ lệ 120% nằm ngoài khoảng 0–100" in bad.stdout


def test_unknown_scheme_in_units(mini):
    replace(mini / "units.csv", "63,01,Hà Nội", "36,01,Hà Nội")
    found = [p for p in problems(mini) if (p.file, p.field) == ("units.csv", "scheme")]
    assert [p.message for p in found] == ["ranh giới '36' không hợp lệ (cần 63 hoặc 34)"]


def test_is_nfc_says_whether_reading_would_change_the_text():
    assert danvan.text.is_nfc("Đà Nẵng, Thừa Thiên Huế")
    assert not danvan.text.is_nfc(unicodedata.normalize("NFD", "Đà Nẵng"))
    assert not danvan.text.is_nfc("\u00d0à Nẵng")  # the Icelandic Ð of legacy keyboards becomes Đ
    assert danvan.text.nfc("\u00d0à Nẵng") == "Đà Nẵng"


def test_a_stored_text_cut_mid_sentence_is_told_from_one_ending_in_a_byline():
    """The Nguồn page says a stored excerpt stops mid-sentence (a13's "… với các c"; a leader's walk-through)."""
    prose = "Thời gian tới, huyện tập trung đẩy mạnh công tác tuyên truyền, vận động cán bộ, đảng viên và Nhân dân; "
    assert ends_mid_sentence(prose + "thực hiện tốt chương trình phối hợp giữa Ban dân vận với các c")
    assert not ends_mid_sentence(prose + "thực hiện tốt chương trình phối hợp.\nTin, ảnh: TRẦN TIẾN")
    assert not ends_mid_sentence(prose + "thực hiện tốt chương trình phối hợp./.")
    assert not ends_mid_sentence("") and not ends_mid_sentence("Xem nhiều nhất")
