"""Follow-up of recommendations: numbering, the latest mark wins, grouping by province, and the loader's checks of
followups.yaml (every problem named by file, record and field)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

import danvan
from danvan import followup, queries
from danvan.filter import Filter
from danvan.model import FOLLOWUP_SCHEMA

ALL = Filter(years=(2008, 2026))


def marks(rows: list[dict]) -> pl.DataFrame:
    base = {
        "followup_id": "f",
        "visit_id": "v-2020-05-28-bac-kan",
        "finding": 5,
        "state": "open",
        "date": dt.date(2021, 1, 1),
        "source_id": None,
        "quote": None,
        "note": None,
    }
    return pl.DataFrame([base | r for r in rows], schema=FOLLOWUP_SCHEMA)


def test_every_direction_is_listed_unmarked(catalog):
    recs = followup.recommendations(queries.visits(catalog, ALL), catalog.findings, catalog.followups)
    assert recs.height == catalog.findings.filter(pl.col("kind") == "direction").height == 15
    assert set(recs["state"]) == {"none"}
    bac_kan = recs.filter(pl.col("visit_id") == "v-2020-05-28-bac-kan")
    assert bac_kan["finding"].to_list() == [5, 6, 7]  # positions among all the visit's findings
    assert bac_kan["text"][0].startswith("Tiếp tục quán triệt chủ trương")
    groups = followup.by_province(recs)
    assert groups[0][0] == "Hà Nam" and groups[0][1].height == 5
    # under the 34-unit scheme Hà Nam's recommendations are still Hà Nam's, under Ninh Bình
    merged = queries.visits(catalog, Filter(years=(2008, 2026), scheme="34"))
    groups = followup.by_province(followup.recommendations(merged, catalog.findings, marks([])))
    assert groups[0][0] == "Ninh Bình (trước đây: Hà Nam)" and groups[0][1].height == 5


def test_the_latest_mark_is_the_state_and_closed_ones_leave_the_open_list(catalog):
    visits = queries.visits(catalog, Filter(provinces=("06",), years=(2008, 2026)))
    found = marks(
        [
            {"followup_id": "a", "state": "done", "date": dt.date(2022, 5, 1), "source_id": "s02", "quote": "q2"},
            {"followup_id": "b", "state": "in_progress", "date": dt.date(2021, 12, 1)},
            {"followup_id": "c", "finding": 6, "state": "dropped", "date": dt.date(2021, 6, 1)},
        ]
    )
    recs = followup.recommendations(visits, catalog.findings, found)
    states = dict(recs.select(pl.format("{}", pl.col("finding")), "state").iter_rows())
    assert states == {"5": "done", "6": "dropped", "7": "none"}
    assert recs.filter(pl.col("finding") == 5)["marks"][0] == 2
    assert recs.filter(pl.col("finding") == 5)["state_source"][0] == "s02"
    open_groups = followup.by_province(recs)
    assert [(p, g["finding"].to_list()) for p, g in open_groups] == [("Bắc Kạn", [7])]
    assert followup.counts(recs) == {"none": 1, "open": 0, "in_progress": 0, "done": 1, "dropped": 1}
    assert (
        followup.next_id(
            found.with_columns(pl.lit("f-2020-05-28-bac-kan-5-20220501").alias("followup_id")),
            "v-2020-05-28-bac-kan",
            5,
            dt.date(2022, 5, 1),
        )
        == "f-2020-05-28-bac-kan-5-20220501-2"
    )


def write(folder, text: str) -> None:
    (folder / "followups.yaml").write_text(text, encoding="utf-8")


def test_a_valid_mark_loads(data_copy):
    quote = "Đoàn Kiểm tra của BCĐ Trung ương tổng kết Quyết định số 290-QĐ/TW làm việc với Tỉnh ủy Bắc Kạn"
    assert quote in (data_copy / "sources" / "s02.txt").read_text(encoding="utf-8")
    write(
        data_copy,
        f"- id: f1\n  visit: v-2020-05-28-bac-kan\n  finding: 6\n  state: in_progress\n"
        f'  date: "2021-12-01"\n  source: s02\n  quote: "{quote}"\n',
    )
    loaded = danvan.load(data_copy).followups
    assert loaded.row(0, named=True) | {"quote": None} == {
        "followup_id": "f1",
        "visit_id": "v-2020-05-28-bac-kan",
        "finding": 6,
        "state": "in_progress",
        "date": dt.date(2021, 12, 1),
        "source_id": "s02",
        "quote": None,
        "note": None,
    }


def test_absent_or_comment_only_file_means_no_marks(data_copy):
    (data_copy / "followups.yaml").unlink()
    assert danvan.load(data_copy).followups.is_empty()
    write(data_copy, "# nothing yet\n")
    assert danvan.load(data_copy).followups.is_empty()


def test_bad_marks_are_named_by_record_and_field(data_copy):
    write(
        data_copy,
        """- id: f1
  visit: v-2020-05-28-bac-kan
  finding: 1
  state: done
  date: "2019-01-01"
- id: f2
  visit: v-nope
  finding: 1
  state: open
  date: "2021-01-01"
- id: f3
  visit: v-2020-05-28-bac-kan
  finding: 40
  state: open
  date: "2021-01-01"
  colour: red
- id: f4
  visit: v-2020-05-28-bac-kan
  finding: 6
  state: done
  date: "2021-01-01"
  source: s02
  quote: "not in the text"
""",
    )
    with pytest.raises(danvan.DataError) as err:
        danvan.load(data_copy)
    lines = [str(p) for p in err.value.problems]
    for expected in (
        "followups.yaml › id=f1 › finding: mục thứ 1 là 'result', không phải chỉ đạo, kiến nghị (direction)",
        "followups.yaml › id=f1 › source: cần nguồn về sau cho thấy tình trạng này",
        "followups.yaml › id=f1 › date: ngày 2019-01-01 trước ngày của sự kiện (2020-05-28)",
        "followups.yaml › id=f2 › visit: không có sự kiện 'v-nope'",
        "followups.yaml › id=f3 › finding: sự kiện 'v-2020-05-28-bac-kan' không có mục findings thứ 40",
        "followups.yaml › id=f3 › colour: khóa không có trong quy ước dữ liệu",
        "followups.yaml › id=f4 › quote: trích dẫn không có nguyên văn trong sources/s02.txt",
    ):
        assert any(expected in line for line in lines), expected
