"""Per-item review in the queue (issue 9 §4): each item's decision and edits kept on disk in state.yaml, a draft
left half-reviewed staying in the queue, saving only what was accepted and only once."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

import danvan
from danvan.ingest import load_indicators, load_registry
from danvan.ingest import queue as q
from danvan.ingest.drafts import SourceEntry
from danvan.model import DataError

ROOT = Path(__file__).resolve().parent.parent
# Bà Rịa - Vũng Tàu, 13/12/2023 (a tuning text of the extraction set): a conference of huyện Đất Đỏ, then the 201
# models and exemplars "đạt hiệu quả" (dvk_models_effective), the 147 models (dvk_models_active) and the 54
# exemplars (proposing an indicator that does not exist).
ARTICLE = ROOT / "tests" / "fixtures" / "ingest" / "articles" / "p42.txt"
SOURCE = SourceEntry("n50", "Huyện Đất Đỏ: công tác dân vận đem lại hiệu quả thiết thực", published="2023-12-14")


@pytest.fixture
def entry(data_copy, tmp_path) -> q.Entry:
    return q.enqueue(ARTICLE, load_registry(data_copy)[0], load_indicators(data_copy), tmp_path / "queue")


def _state(entry: q.Entry) -> dict:
    return yaml.safe_load((entry.folder / "state.yaml").read_text(encoding="utf-8"))


def test_the_draft_has_the_items_the_tests_rely_on(entry):
    draft = entry.draft()
    assert q.item_keys(draft) == ["visits/0", "observations/0", "observations/1", "observations/2"]
    assert draft.visits[0].province == "77" and draft.observations[1].indicator == "dvk_models_active"
    assert draft.observations[0].indicator == "dvk_models_effective"
    assert draft.observations[2].indicator == "new:điển hình"
    assert (entry.total, entry.decided, entry.status) == (4, 0, "new")


def test_decisions_and_edits_round_trip_through_the_state_file(entry, tmp_path):
    decided = q.decide(
        entry,
        {"visits/0": "accepted", "observations/0": "rejected"},
        {"visits/0": {"summary": "Hội nghị tổng kết công tác dân vận huyện Đất Đỏ"}},
    )
    again = q.read_entry(entry.folder)
    assert again.decisions == {"visits/0": "accepted", "observations/0": "rejected"} == decided.decisions
    assert again.edits == {"visits/0": {"summary": "Hội nghị tổng kết công tác dân vận huyện Đất Đỏ"}}
    assert (again.decided, again.total, again.state, again.status) == (2, 4, "new", "reviewing")
    rows = q.reviewed_rows(again)
    assert rows["visits"][0]["decision"] == "accepted"
    assert rows["visits"][0]["summary"] == "Hội nghị tổng kết công tác dân vận huyện Đất Đỏ"
    assert rows["visits"][0]["date_start"] == "2023-12-13"  # the fields not edited are the draft's
    assert [r["decision"] for r in rows["observations"]] == ["rejected", None, None]
    # a half-reviewed draft is both "new" (still to do) and "reviewing"
    assert [e.id for e in q.list_entries(tmp_path / "queue", state="reviewing")] == [entry.id]
    assert [e.id for e in q.list_entries(tmp_path / "queue", state="new")] == [entry.id]
    undone = q.decide(entry, {"observations/0": None})
    assert undone.decisions == {"visits/0": "accepted"}
    assert _state(entry)["file"] == "p42.txt" and _state(entry)["counts"]["observations"] == 3  # the rest is kept


def test_a_decision_is_written_atomically(entry, monkeypatch):
    q.decide(entry, {"visits/0": "accepted"})
    before = (entry.folder / "state.yaml").read_bytes()

    def killed(src, dst):
        raise OSError("đĩa đầy")

    monkeypatch.setattr(q.os, "replace", killed)
    with pytest.raises(OSError, match="đĩa đầy"):
        q.decide(entry, {"observations/0": "rejected"})
    monkeypatch.setattr(q.os, "replace", os.replace)
    assert (entry.folder / "state.yaml").read_bytes() == before  # the old state, whole
    assert sorted(p.name for p in entry.folder.iterdir()) == ["draft.yaml", "original.txt", "state.yaml", "text.txt"]


def test_bad_decisions_are_refused_with_what_is_wrong(entry):
    with pytest.raises(ValueError, match="không có mục “visits/5”"):
        q.decide(entry, {"visits/5": "accepted"})
    with pytest.raises(ValueError, match="quyết định “maybe” không hợp lệ"):
        q.decide(entry, {"visits/0": "maybe"})
    with pytest.raises(ValueError, match="không sửa được trường quote"):
        q.decide(entry, {}, {"visits/0": {"quote": "câu khác"}})
    assert q.read_entry(entry.folder).decisions == {}


def test_saving_writes_the_accepted_items_only_and_a_half_reviewed_draft_stays(entry, data_copy, tmp_path):
    q.decide(entry, {"visits/0": "accepted", "observations/1": "accepted", "observations/0": "rejected"})
    saved = q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="bài Đất Đỏ")
    assert set(saved.files) == {"sources.yaml", "sources/n50.txt", "visits.yaml", "observations.yaml"}
    catalog = danvan.load(data_copy)
    visits = catalog.visits.filter(catalog.visits["source_id"] == "n50")
    values = catalog.observations.filter(catalog.observations["source_id"] == "n50")
    assert visits["province_code"].to_list() == ["77"] and visits["date_start"].cast(str).to_list() == ["2023-12-13"]
    assert values["indicator_id"].to_list() == ["dvk_models_active"] and values["value"].to_list() == [147]
    after = q.read_entry(entry.folder)
    assert after.decisions == {"visits/0": "saved", "observations/1": "saved", "observations/0": "rejected"}
    assert (after.state, after.status, after.source_id) == ("new", "reviewing", "n50")  # one item undecided
    assert entry.id in {e.id for e in q.list_entries(tmp_path / "queue", state="new")}


def test_saved_items_are_not_saved_twice_and_the_last_decision_accepts_the_draft(entry, data_copy):
    q.decide(entry, {"visits/0": "accepted", "observations/1": "accepted"})
    q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="lần 1")
    with pytest.raises(ValueError, match="đã lưu, không đổi được"):
        q.decide(entry, {"visits/0": "rejected"})
    with pytest.raises(ValueError, match="không có mục nào đã nhận mà chưa lưu"):
        q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="lần 2")
    q.decide(
        entry,
        {"observations/2": "rejected", "observations/0": "accepted"},
        {"observations/0": {"qualifier": None}},  # an edit kept with the decision
    )
    saved = q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="lần 2")
    assert set(saved.files) == {"observations.yaml"}  # the source and the visit are already there
    catalog = danvan.load(data_copy)
    assert catalog.visits.filter(catalog.visits["source_id"] == "n50").height == 1
    values = catalog.observations.filter(catalog.observations["source_id"] == "n50")
    assert sorted(values.select("value", "indicator_id").rows()) == [
        (147, "dvk_models_active"),
        (201, "dvk_models_effective"),
    ]
    assert catalog.sources.filter(catalog.sources["source_id"] == "n50").height == 1
    done = q.read_entry(entry.folder)
    assert (done.state, done.status, done.decided) == ("accepted", "accepted", 4)
    assert done.reviewed.startswith("bien-tap-1, ") and done.note == "lần 2"


def test_a_rejected_item_is_never_written(entry, data_copy):
    q.decide(entry, {"visits/0": "rejected", "observations/1": "accepted"})
    q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="chỉ số liệu")
    catalog = danvan.load(data_copy)
    assert catalog.visits.filter(catalog.visits["source_id"] == "n50").is_empty()
    assert entry.draft().visits[0].id not in set(catalog.visits["visit_id"])


def test_an_item_that_does_not_check_out_names_itself_and_nothing_is_written(entry, data_copy):
    q.decide(entry, {"visits/0": "accepted", "observations/2": "accepted"})  # "điển hình": no such indicator
    before = {name: (data_copy / name).read_bytes() for name in ("visits.yaml", "observations.yaml", "sources.yaml")}
    with pytest.raises(DataError) as err:
        q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="thử")
    by_item = q.problem_items(entry, [p for p in err.value.problems if p.severity == "error"])
    assert list(by_item) == ["observations/2"]
    # named in words with what to do, not by the raw code (a curator's walk-through)
    assert by_item["observations/2"][0].message == (
        "chỉ tiêu “điển hình” chưa có trong danh mục: bấm Sửa (S) để chọn một chỉ tiêu có sẵn, hoặc loại mục này"
    )
    assert {name: (data_copy / name).read_bytes() for name in before} == before
    assert not (data_copy / "sources" / "n50.txt").exists()
    assert q.read_entry(entry.folder).decisions == {"visits/0": "accepted", "observations/2": "accepted"}


def test_the_tables_changes_become_decisions_and_edits(entry):
    from components import review  # the queue page's table view: what changed since the rows were drawn

    q.decide(entry, {"visits/0": "accepted"})
    rows = q.reviewed_rows(q.read_entry(entry.folder))
    rows["observations"][2]["decision"] = "saved"  # as if saved earlier
    edited = {part: [dict(r) for r in part_rows] for part, part_rows in rows.items()}
    edited["visits"][0]["decision"] = None  # undone
    edited["visits"][0]["commune"] = float("nan")  # an empty cell read back as NaN: no change
    edited["observations"][0]["decision"] = "rejected"
    edited["observations"][1]["indicator"] = "dvk_models_effective"
    edited["observations"][1]["quote"] = "câu khác"  # read-only: never an edit
    edited["observations"][2]["decision"] = "accepted"  # a saved item is final
    decided, edits = review.changes(rows, edited)
    assert decided == {"visits/0": None, "observations/0": "rejected"}
    assert edits == {"observations/1": {"indicator": "dvk_models_effective"}}


@pytest.mark.parametrize(
    ("column", "stored", "typed"),
    [
        ("value", 1973, "1.973"),
        ("value", 81.775, "81,775"),  # every decimal kept: the table round-trips what it shows
        ("denominator", 101930.0, "101.930"),
        ("date_start", "2023-12-08", "08/12/2023"),
        ("date", "2024-04", "04/2024"),
        ("value", None, ""),
    ],
)
def test_the_tables_numbers_and_dates_are_typed_the_vietnamese_way_and_read_back(column, stored, typed):
    from components import review

    assert review.typed(column, stored) == typed
    assert review.read_back(column, typed) == stored


def test_a_cell_that_does_not_read_is_refused():
    from components import review

    for column, typed in (("value", "mười hai"), ("date_start", "31/02/2024")):
        with pytest.raises(ValueError):
            review.read_back(column, typed)


# A passage of p42 that the draft makes nothing of, for the items a curator adds.
PASSAGE = "Về chương trình phối hợp năm 2023, các cơ quan, đơn vị liên quan đã tích cực phối hợp;"
UNION = {
    "date_start": "2023-12-13",
    "kind": "hoi_nghi",
    "body": "Hội LHPN huyện Đất Đỏ",
    "body_level": "district",
    "province": "77",
    "quote": PASSAGE,
}


def test_a_visit_the_draft_missed_is_added_accepted_and_saved_with_the_rest(entry, data_copy):
    added = q.add_item(entry, "visits", UNION, "bien-tap-1", load_registry(data_copy)[0])
    draft = added.draft()
    assert q.item_keys(draft)[:2] == ["visits/0", "visits/1"]  # after the drafted visit, before the values
    visit = draft.visits[1]
    # the drafted visit of the same day and province holds "v-2023-12-13-ba-ria-vung-tau": the added one is "-2"
    assert draft.visits[0].id == "v-2023-12-13-ba-ria-vung-tau" and visit.id == "v-2023-12-13-ba-ria-vung-tau-2"
    assert (visit.date_precision, visit.summary, visit.confidence) == ("day", PASSAGE, 1.0)
    assert re.fullmatch(
        r"Người nhập bien-tap-1 thêm ngày \d\d/\d\d/20\d\d \d\d:\d\d: bản nháp không có mục này\.", visit.notes[0]
    )
    assert (added.decisions, added.total, added.counts["visits"]) == ({"visits/1": "accepted"}, 5, 2)
    # draft.yaml stays what the extractor drafted; the added item lives in the state file
    assert "Hội LHPN huyện Đất Đỏ" not in (entry.folder / "draft.yaml").read_text(encoding="utf-8")
    assert _state(entry)["added"]["visits"][0]["body"] == "Hội LHPN huyện Đất Đỏ"
    q.decide(added, {"visits/0": "accepted"})
    q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="thêm hội nghị của Hội LHPN")
    catalog = danvan.load(data_copy)
    visits = catalog.visits.filter(catalog.visits["source_id"] == "n50").sort("visit_id")
    assert visits["visit_id"].to_list() == ["v-2023-12-13-ba-ria-vung-tau", "v-2023-12-13-ba-ria-vung-tau-2"]
    assert visits["body"].to_list()[1] == "Hội LHPN huyện Đất Đỏ" and visits["quote"].to_list()[1] == PASSAGE
    assert q.read_entry(entry.folder).decisions == {"visits/0": "saved", "visits/1": "saved"}


def test_an_added_code_is_written_the_normal_way_and_never_twice(entry):
    spaced = {"code": "111 - KL / TU", "level": "district", "quote": PASSAGE}
    assert q.add_item(entry, "documents", spaced, "bien-tap-1").draft().documents[0].code == "111-KL/TU"
    with pytest.raises(ValueError, match=r"Số hiệu 111-KL/TU đã có trong bản nháp \(mục 2\)"):
        q.add_item(entry, "documents", spaced | {"code": "111-KL/TU"}, "bien-tap-1")
    with pytest.raises(ValueError, match="Số hiệu “KL 111” chưa chuẩn hóa"):
        q.add_item(entry, "documents", spaced | {"code": "KL 111"}, "bien-tap-1")
    assert len(q.read_entry(entry.folder).draft().documents) == 1


def test_an_added_visit_the_draft_holds_is_refused_naming_its_item(entry):
    """A curator's walk-through: an event typed in with the drafted one's day, kind and body was saved twice."""
    drafted = q.reviewed_rows(entry)["visits"][0]
    same = UNION | {k: drafted[k] for k in ("date_start", "kind", "body", "body_level")}
    before = (entry.folder / "state.yaml").read_bytes()
    with pytest.raises(
        ValueError, match=r"Sự kiện ngày 13/12/2023 \(hội nghị tổng kết, sơ kết, .+\) đã có trong bản nháp \(mục 1\)"
    ):
        q.add_item(entry, "visits", same, "bien-tap-1")
    assert (entry.folder / "state.yaml").read_bytes() == before
    q.decide(entry, {"visits/0": "rejected"})  # rejected, it may be typed in again as the curator reads it
    assert q.add_item(entry, "visits", same, "bien-tap-1").counts["visits"] == 2


def test_a_document_the_draft_missed_is_added_with_its_code(entry):
    added = q.add_item(
        entry,
        "documents",
        {"code": "120-KL/TW", "level": "central", "type": "ket_luan", "quote": PASSAGE},
        "bien-tap-1",
    )
    document = added.draft().documents[0]
    assert (document.code, document.level, document.type, document.quote) == (
        "120-KL/TW",
        "central",
        "ket_luan",
        PASSAGE,
    )
    assert added.decisions == {"documents/0": "accepted"} and added.counts["documents"] == 1


@pytest.mark.parametrize(
    ("part", "fields", "message"),
    [
        ("visits", UNION | {"quote": "Huyện Đất Đỏ tổ chức hội nghị sơ kết."}, "không có nguyên văn trong văn bản gốc"),
        ("visits", UNION | {"quote": ""}, "Cần chọn câu trích trong văn bản gốc"),
        ("visits", UNION | {"body": "", "body_level": None}, "Cần điền: Cơ quan, Cấp của đoàn"),
        ("visits", UNION | {"value": 3}, "không có trường value"),
        ("observations", {"quote": PASSAGE}, "Cần điền: Chỉ tiêu, Tỉnh, Kỳ, Giá trị."),
        ("sources", {"quote": PASSAGE}, "chỉ thêm được sự kiện, văn bản hoặc số liệu"),
        ("documents", {"code": "", "level": "central", "quote": PASSAGE}, "Cần điền: Số hiệu"),
    ],
)
def test_an_added_item_that_does_not_check_out_is_refused_and_nothing_is_written(entry, part, fields, message):
    before = (entry.folder / "state.yaml").read_bytes()
    with pytest.raises(ValueError, match=message):
        q.add_item(entry, part, fields, "bien-tap-1")
    assert (entry.folder / "state.yaml").read_bytes() == before


def test_adding_to_an_accepted_draft_opens_it_again(entry, data_copy):
    keys = q.item_keys(entry.draft())
    q.decide(entry, dict.fromkeys(keys, "rejected") | {"visits/0": "accepted"})
    q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="xong")
    assert q.read_entry(entry.folder).state == "accepted"
    again = q.add_item(entry, "visits", UNION, "bien-tap-1")
    assert (again.state, again.status, again.decisions["visits/1"]) == ("new", "reviewing", "accepted")
    assert again.draft().visits[1].id == "v-2023-12-13-77"  # no names given: the province's code


@pytest.mark.parametrize(
    ("part", "row", "day"),
    [
        ("observations", {"period": "2023"}, "2023-12-31"),
        ("observations", {"period": "2021-2023"}, "2023-12-31"),
        ("observations", {"period": "2025-06"}, "2025-06-30"),
        ("observations", {"period": "2025-01-01..2025-08-31"}, "2025-08-31"),
        ("visits", {"date_start": "2025-11-02"}, "2025-11-02"),
        ("documents", {"date": "2024-04"}, "2024-04-30"),
        ("documents", {"date": None}, None),
        ("visits", {"date_start": "2025-02-30"}, None),
    ],
)
def test_the_day_that_sets_a_records_scheme(part, row, day):
    from danvan.model import record_day

    assert (str(record_day(part, row)) if record_day(part, row) else None) == day


def test_a_province_is_named_in_the_scheme_of_its_records_day():
    import datetime as dt

    from components import review

    catalog = danvan.load(ROOT / "data")
    after, before = dt.date(2025, 11, 2), dt.date(2023, 12, 13)
    assert review.province_name(catalog, "46", after, "vi") == "Huế"  # code 46 of the 34
    assert review.province_name(catalog, "46", before, "vi") == "Thừa Thiên Huế"  # code 46 of the 63
    assert review.province_name(catalog, "46", None, "vi") == "Huế (34 tỉnh) · Thừa Thiên Huế (63 tỉnh)"
    assert review.province_name(catalog, "82", None, "vi") == "Đồng Tháp (34 tỉnh) · Tiền Giang (63 tỉnh)"
    assert review.province_name(catalog, "87", after, "vi") == "Đồng Tháp (63 tỉnh)"  # not a code of the 34
    assert review.province_name(catalog, "01", None, "vi") == "Hà Nội"  # the same in both
    row = {"province": "46", "date_start": "2025-11-02"}
    assert review.shown(catalog, "province", "46", "vi", day=q.record_day("visits", row)) == "Huế"


def test_an_added_visit_after_the_merger_is_named_by_the_new_province(entry, data_copy):
    fields = UNION | {"date_start": "2025-11-02", "province": "46", "body": "Ban Dân vận Thành ủy Huế"}
    added = q.add_item(entry, "visits", fields, "bien-tap-1", load_registry(data_copy)[0])
    assert added.draft().visits[1].id == "v-2025-11-02-hue"


def test_a_problem_of_an_id_two_items_share_names_both_in_review_order(entry, data_copy):
    code = {"code": "120-KL/TW", "level": "central", "type": "ket_luan", "quote": PASSAGE}
    q.add_item(entry, "documents", code, "bien-tap-1")
    q.add_item(entry, "documents", code | {"code": "43-KL/TW"}, "bien-tap-1")
    q.decide(entry, {}, {"documents/1": {"code": "120-KL/TW"}})  # an edit makes the two codes the same
    with pytest.raises(DataError) as err:
        q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="thử")
    by_item = q.problem_items(entry, [p for p in err.value.problems if p.severity == "error"])
    assert list(by_item) == ["documents/0", "documents/1"]
    assert all("trùng" in p.message for problems in by_item.values() for p in problems)


def test_a_problems_message_alone_in_either_language():
    from danvan.model import Problem

    problem = Problem("observations.yaml", "id=o-x", "period", "thiếu trường bắt buộc")
    assert problem.said("vi") == "thiếu trường bắt buộc"
    assert problem.said("en") == problem.text("en").rsplit(": ", 1)[1] != "thiếu trường bắt buộc"


def test_a_saved_provincial_document_keeps_its_province(data_copy, tmp_path):
    """A curator's walk-through: 16-CT/TU was drafted with Cao Bằng and saved without it, so the documents page
    and the province's profile disagreed."""
    text = tmp_path / "cao-bang.txt"
    text.write_text(
        "Ban Dân vận Tỉnh ủy Cao Bằng tổng kết năm 2023\n\nNgày 15/12/2023, Ban Dân vận Tỉnh ủy Cao Bằng tổ chức hội "
        "nghị tổng kết công tác dân vận năm 2023. Các cấp triển khai Chỉ thị số 16-CT/TU ngày 10/3/2023 của Ban "
        "Thường vụ Tỉnh ủy Cao Bằng về công tác dân vận.\n",
        encoding="utf-8",
    )
    entry = q.enqueue(text, load_registry(data_copy)[0], load_indicators(data_copy), tmp_path / "queue")
    rows = q.reviewed_rows(entry)["documents"]
    assert [(r["code"], r["province"]) for r in rows] == [("16-CT/TU", "04")]  # the card shows its province
    q.decide(entry, dict.fromkeys(q.item_keys(entry.draft()), "accepted"))
    q.accept(entry, SourceEntry("cb23", "Tổng kết năm 2023", published="2023-12-16"), data_copy, author="b", note="n")
    documents = danvan.load(data_copy).documents
    assert documents.filter(documents["code"] == "16-CT/TU")["province"].to_list() == ["04"]


def test_a_value_accepted_twice_or_already_held_is_refused_and_nothing_written(entry, data_copy):
    """A curator's walk-through: the cards said "chỉ nhận một" and "Dữ liệu đã có giá trị này", N accepted them all
    and the save wrote them, and So sánh drew each rate twice. Now the save refuses such items, naming each."""
    q.decide(
        entry,
        {"observations/1": "accepted", "observations/2": "accepted"},
        {"observations/2": {"indicator": "dvk_models_active", "value": 147}},
    )
    with pytest.raises(DataError) as refused:
        q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="hai lần")
    (problem,) = refused.value.problems
    assert problem.message == "cùng chỉ tiêu, nơi, kỳ và giá trị với mục 3/4, cũng đã nhận: chỉ nhận một"
    assert q.problem_items(entry, refused.value.problems).keys() == {"observations/2"}
    assert q.read_entry(entry.folder).decisions == {"observations/1": "accepted", "observations/2": "accepted"}
    q.decide(entry, {"observations/2": "rejected"})
    q.accept(entry, SOURCE, data_copy, author="bien-tap-1", note="một lần")
    # the same article queued again: its 147 is in the data now
    again = q.enqueue(ARTICLE, load_registry(data_copy)[0], load_indicators(data_copy), data_copy.parent / "queue2")
    q.decide(again, {"observations/1": "accepted"})
    catalog = danvan.load(data_copy)
    with pytest.raises(DataError) as refused:
        q.accept(
            again,
            SourceEntry("n51"),
            data_copy,
            author="bien-tap-1",
            note="lại",
            held=catalog.observations,
            sources=catalog.sources,
        )
    assert [p.message for p in refused.value.problems] == [
        "Dữ liệu đã có giá trị này của năm 2023 (nguồn “Huyện Đất Đỏ: công tác dân vận đem lại hiệu quả thiết thực” "
        "(n50)): nếu là cùng một số liệu, hãy bỏ mục này"
    ]
    assert (
        danvan.load(data_copy).observations.filter(danvan.load(data_copy).observations["source_id"] == "n51").is_empty()
    )


def test_a_body_not_edited_follows_the_place_the_curator_edits_and_an_edited_one_stays(entry):
    """The thirty-eighth session's curation: every drafted body needed its province or district typed in."""
    assert entry.draft().visits[0].body == "Ban Dân vận huyện"  # the draft keeps the text's words
    assert q.reviewed_rows(entry)["visits"][0]["body"] == "Ban Dân vận huyện Đất Đỏ"
    q.decide(entry, {}, {"visits/0": {"district": "Xuyên Mộc"}})
    assert q.reviewed_rows(q.read_entry(entry.folder))["visits"][0]["body"] == "Ban Dân vận huyện Xuyên Mộc"
    q.decide(entry, {}, {"visits/0": {"district": "Xuyên Mộc", "body": "Ban Dân vận Huyện ủy Đất Đỏ"}})
    assert q.reviewed_rows(q.read_entry(entry.folder))["visits"][0]["body"] == "Ban Dân vận Huyện ủy Đất Đỏ"
