"""The typed draft (danvan/ingest/drafts.py): its YAML, the curator's review rows, and draft → records."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import danvan
from danvan import store
from danvan.ingest import SourceEntry, extract_text, load_registry, to_records
from danvan.ingest.drafts import REVIEW_COLUMNS, placed_body, preselected, review_rows
from danvan.model import OBSERVATION_SPEC, VISIT_SPEC

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Thứ Năm, 25/4/2024\nĐoàn khảo sát của Ban Dân vận Trung ương làm việc với Tỉnh ủy Lạng Sơn về kết quả "
    "thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương.\n"
    "Năm 2023, toàn tỉnh có 1.973 mô hình “Dân vận khéo”; hơn 9.500 hộ nghèo được hỗ trợ.\n"
)
INDICATORS = [{"id": "dvk_models", "name_vi": "mô hình Dân vận khéo", "unit": "count"}]


def draft():
    return extract_text(TEXT, indicators=INDICATORS)


def test_yaml_keeps_the_contract_order_and_loses_nothing():
    d = draft()
    loaded = yaml.safe_load(d.to_yaml())
    assert list(loaded) == ["source", "visits", "documents", "observations"]
    assert list(loaded["visits"][0])[:4] == ["id", "date_start", "date_end", "date_precision"]
    assert loaded["observations"][0]["value"] == 1973 and loaded["observations"][0]["indicator"] == "dvk_models"
    assert loaded == d.to_dict()
    assert "1.973 mô hình" in d.to_yaml()  # Vietnamese written as is, not escaped


def test_quotes_are_the_items_quotes_whitespace_folded():
    d = draft()
    assert len(d.quotes()) == len(d.visits) + len(d.documents) + len(d.observations) == 4
    assert "Năm 2023, toàn tỉnh có 1.973 mô hình “Dân vận khéo”; hơn 9.500 hộ nghèo được hỗ trợ." in d.quotes()


def test_a_proposed_indicator_or_a_weak_item_starts_unticked():
    d = draft()
    by_value = {o.value: o for o in d.observations}
    assert by_value[1973].indicator == "dvk_models" and preselected(by_value[1973])
    assert by_value[9500].proposes_indicator and not preselected(by_value[9500])
    d.visits[0].confidence = 0.69
    assert not preselected(d.visits[0])
    rows = review_rows(d.observations, REVIEW_COLUMNS["observations"])
    assert list(rows[0]) == ["keep", *REVIEW_COLUMNS["observations"], "confidence"]
    assert [r["keep"] for r in rows] == [True, False]


def test_records_take_the_curators_entries_and_kept_rows_only():
    d = draft()
    rows = {part: review_rows(getattr(d, part), columns) for part, columns in REVIEW_COLUMNS.items()}
    rows["observations"][0]["value"] = 1974  # edited by the curator
    entry = SourceEntry("n01", title="Bài", publisher="", url=None, published="2024-04-25")
    records = to_records(d, entry, rows, known_documents=["25-NQ/TW"])
    assert records["sources"] == [
        {
            "id": "n01",
            "title": "Bài",
            "publisher": None,
            "url": None,
            "published": "2024-04-25",
            "published_note": d.source.published_note,
            "province": None,
            "province_note": None,
        }
    ]
    assert records["documents"] == []  # already in the catalog: not written again
    assert [o["value"] for o in records["observations"]] == [1974, 9500]
    assert [o.get("qualifier") for o in records["observations"]] == [None, "hơn"]  # "hơn 9.500 hộ nghèo" is saved so
    assert all(o["source"] == "n01" and set(o) <= set(OBSERVATION_SPEC) for o in records["observations"])
    assert "keep" not in records["visits"][0] and "confidence" not in records["visits"][0]
    assert set(records["visits"][0]) <= set(VISIT_SPEC) and records["visits"][0]["body"] == "Ban Dân vận Trung ương"


def test_records_spell_a_district_as_the_gazetteer_does():
    """A curator's walk-through: "Mù Cang Chải" typed in a form was saved as typed, and the profile listed "huyện
    Mù Cang Chải" and "huyện Mù Căng Chải" as two places. A name the gazetteer does not place in the record's
    province is left as typed, for the validator to refuse."""
    rows = [
        {"indicator": "x", "province": "15", "district": name, "period": "2023", "value": 1, "status": "reported"}
        for name in ("Mù Cang Chải", "Thị xã Nghĩa Lộ", "Bảo Thắng", "Bản Mòng")
    ]
    rows.append(rows[0] | {"province": "77", "district": "Đất Đỏ"})  # a former name, in 2023: kept (not "Long Đất")
    records = to_records(draft(), SourceEntry("n01"), {"observations": rows})
    assert [r["district"] for r in records["observations"]] == [
        "Mù Căng Chải",
        "Nghĩa Lộ",
        "Bảo Thắng",
        "Bản Mòng",
        "Đất Đỏ",
    ]


def test_records_from_a_real_article_save_into_a_valid_catalog(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("geo", "history"))
    catalog = danvan.load(data)
    text = (ROOT / "data" / "sources" / "a16.txt").read_text(encoding="utf-8")
    registry, _ = load_registry(data)
    d = extract_text(
        text, registry, published="2023-12-30", province="Bắc Kạn", indicators=catalog.indicators.to_dicts()
    )
    kept = {
        part: [r for r in review_rows(getattr(d, part), columns) if r["keep"]]
        for part, columns in REVIEW_COLUMNS.items()
    }
    records = to_records(d, SourceEntry("n01"), kept, known_documents=catalog.documents["code"])
    assert records["observations"], "the article's figures were drafted and kept"
    store.save(data, records, {"n01": text}, author="bientap", note="bài n01")
    after = danvan.load(data)
    assert after.observations.filter(after.observations["source_id"] == "n01").height == len(records["observations"])


def _visit(body, level, province, day, district=None, commune=None):
    return {
        "body": body,
        "body_level": level,
        "province": province,
        "district": district,
        "commune": commune,
        "date_start": day,
    }


@pytest.mark.parametrize(
    ("row", "named"),
    [
        # what the thirty-eighth session's curator typed for 21 of the 33 drafted visits of the curated data
        (_visit("Ban Dân vận tỉnh ủy", "province", "83", "2016-08-09"), "Ban Dân vận Tỉnh ủy Bến Tre"),
        (_visit("Ban Dân vận Tỉnh uỷ", "province", "46", "2022-06-03"), "Ban Dân vận Tỉnh ủy Thừa Thiên Huế"),
        (_visit("Ban Dân vận Thành uỷ", "province", "46", "2025-11-08"), "Ban Dân vận Thành ủy Huế"),
        (_visit("Ban Dân vận Tỉnh ủy", "province", "77", "2024-04-12"), "Ban Dân vận Tỉnh ủy Bà Rịa - Vũng Tàu"),
        (_visit("Thành ủy", "province", "79", "2025-11-08"), "Thành ủy Thành phố Hồ Chí Minh"),
        (_visit("Huyện uỷ", "district", "01", "2018-08-28", "Thường Tín"), "Huyện ủy Thường Tín"),
        (_visit("Quận ủy", "district", "01", "2022-12-12", "Long Biên", "Phúc Đồng"), "Quận ủy Long Biên"),
        (_visit("Ủy ban MTTQ Việt Nam tỉnh", "province", "40", "2022-10-31"), "Ủy ban MTTQ Việt Nam tỉnh Nghệ An"),
        (_visit("Ủy ban MTTQ Việt Nam tỉnh", "province", "01", "2022-10-31"), "Ủy ban MTTQ Việt Nam thành phố Hà Nội"),
        (_visit("Ban Chỉ đạo", "province", "14", "2018-10-12"), "Ban Chỉ đạo tỉnh Sơn La"),
        (_visit("UBMTTQ Tỉnh", "province", "40", "2022-10-31"), "UBMTTQ tỉnh Nghệ An"),
        (_visit("Hội Nông dân", "district", "89", "2018-10-11", "Châu Phú"), "Hội Nông dân huyện Châu Phú"),
        (_visit("Đảng ủy", "commune", "83", "2016-08-09", "Giồng Trôm", "Mỹ Thạnh"), "Đảng ủy xã Mỹ Thạnh"),
        # a former district (Đất Đỏ joined Long Đất): its name as the row writes it, after the body's own type word
        (_visit("Ban Dân vận huyện", "district", "77", "2023-12-13", "Đất Đỏ"), "Ban Dân vận huyện Đất Đỏ"),
        # left as drafted: a place named already, no place at the body's level, a level the committee is not of,
        # a central body, no body
        (
            _visit("Ban Chỉ đạo “Dân vận khéo” huyện Châu Thành", "district", "91", "2020-03-25", "Châu Thành"),
            "Ban Chỉ đạo “Dân vận khéo” huyện Châu Thành",
        ),
        (_visit("Tỉnh ủy Sơn La", "province", "14", "2018-10-12"), "Tỉnh ủy Sơn La"),
        (_visit("Huyện ủy", "district", "01", "2018-08-28"), "Huyện ủy"),
        (_visit("Ban Dân vận", "district", "77", "2023-12-13", "Đất Đỏ"), "Ban Dân vận"),
        (_visit("Tỉnh ủy", "district", "01", "2022-12-12", "Long Biên"), "Tỉnh ủy"),
        (_visit("Ban Dân vận Trung ương", "central", "20", "2024-04-25"), "Ban Dân vận Trung ương"),
        (_visit(None, "province", "20", "2024-04-25"), None),
    ],
)
def test_a_visits_body_is_named_with_its_place_as_the_curated_data_names_it(row, named):
    assert placed_body(row) == named


def test_the_review_rows_name_the_body_with_its_place_and_the_draft_keeps_the_texts_words():
    d = extract_text(
        "Ngày 15/3/2024, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận tại tỉnh Bến Tre.",
        load_registry(ROOT / "data")[0],
    )
    assert (d.visits[0].body, d.visits[0].province) == ("Ban Dân vận Tỉnh ủy", "83")  # as the labels write it
    assert review_rows(d.visits, REVIEW_COLUMNS["visits"])[0]["body"] == "Ban Dân vận Tỉnh ủy Bến Tre"
