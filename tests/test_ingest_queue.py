"""Batch intake and the review queue (issue 9 §4): `ingest … --queue`, the queue on disk, accepting through the
validate-then-write path, and the curator's queue page (AppTest)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
import yaml
from conftest import curators_file, needs_ocr, page_picture, scanned_report, sign_in_as_curator
from streamlit.testing.v1 import AppTest

import danvan
from danvan import fmt, ocr
from danvan.ingest import load_indicators, load_registry
from danvan.ingest import queue as q
from danvan.ingest.drafts import SourceEntry
from danvan.model import DataError

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "tests" / "fixtures" / "ingest" / "files"
ARTICLES = ROOT / "tests" / "fixtures" / "ingest" / "articles"


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "data")[0]


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("bao-cao-2023.xlsx", "bao-cao-2023.docx"):
        shutil.copy(FILES / name, folder / name)
    shutil.copy(ARTICLES / "p08.txt", folder / "p08.txt")
    (folder / "virus.docx").write_bytes(b"MZ\x90\x00" + bytes(200))
    return folder


def test_command_line_queues_a_folder_and_summarises(inbox, tmp_path):
    target = tmp_path / "queue"
    done = subprocess.run(
        [sys.executable, "-m", "danvan", "ingest", str(inbox), "--queue", "--queue-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1  # one file refused
    assert "3 tệp vào hàng chờ" in done.stdout and "virus.docx" in done.stdout and "LỖI" in done.stdout
    assert "4/4" in done.stderr  # the progress line
    entries = q.list_entries(target)
    assert sorted(e.file for e in entries) == ["bao-cao-2023.docx", "bao-cao-2023.xlsx", "p08.txt"]
    assert all(e.state == "new" for e in entries)
    xlsx = next(e for e in entries if e.kind == "xlsx")
    assert xlsx.counts["observations"] == 11
    row = next(line for line in done.stdout.splitlines() if line.startswith("bao-cao-2023.xlsx"))
    assert row.split()[1:6] == ["xlsx", fmt.number(xlsx.confidence, 2), "0", "0", "11"] and "," in row.split()[2]
    assert xlsx.province == "68"  # 9 of its 11 values are Lâm Hà's (Lâm Đồng)
    assert "p08.txt" not in {e.file for e in q.list_entries(target, province="68")}
    assert "bao-cao-2023.xlsx" in {e.file for e in q.list_entries(target, province="68")}
    assert xlsx.original.read_bytes() == (FILES / "bao-cao-2023.xlsx").read_bytes()
    assert not [p for p in target.iterdir() if p.name.startswith(".")]  # no temporary folder left behind
    again = subprocess.run(
        [sys.executable, "-m", "danvan", "ingest", str(inbox / "p08.txt"), "--queue", "--queue-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0 and len(q.list_entries(target)) == 3  # the same content is queued once


def test_a_draft_round_trips_through_the_queue(registry, tmp_path):
    entry = q.enqueue(FILES / "bao-cao-2023.docx", registry, load_indicators(ROOT / "data"), tmp_path / "queue")
    draft = entry.draft()
    assert next(o.cell for o in draft.observations if o.cell) == "bao-cao-2023.docx#Bảng 1!C2"
    assert "Có 202 mô hình" in entry.text() and "Bảng 1" in entry.text()
    decided = q.set_state(entry, "rejected", "bien-tap-1", "trùng với nguồn đã có")
    assert (decided.state, decided.note) == ("rejected", "trùng với nguồn đã có")
    assert decided.reviewed.startswith("bien-tap-1, ")
    assert q.list_entries(tmp_path / "queue", state="new") == []
    with pytest.raises(ValueError, match="không hợp lệ"):
        q.set_state(entry, "maybe", "x")


def _accept_all(entry: q.Entry) -> q.Entry:
    return q.decide(entry, dict.fromkeys(q.item_keys(entry.draft()), "accepted"))


@pytest.mark.parametrize("name", ["bao-cao-2023.xlsx", "bao-cao-2023.ods", "bao-cao-2023.odt"])
def test_accepting_a_table_saves_its_cells_and_the_original(registry, data_copy, tmp_path, name):
    """Excel's workbook, and LibreOffice's spreadsheet and text: the original is stored beside the texts and its
    cells are checked in it by the validator."""
    entry = q.enqueue(FILES / name, registry, load_indicators(data_copy), tmp_path / "queue")
    kind, sheet = name.rsplit(".", 1)[1], "Bảng 1" if name.endswith(".odt") else "Năm 2023"
    observations = entry.draft().observations  # a text's figures told in its sentences too: only the cells kept
    q.decide(entry, {f"observations/{i}": "accepted" if o.cell else "rejected" for i, o in enumerate(observations)})
    saved = q.accept(
        entry,
        SourceEntry("bc2023", "Kết quả năm 2023", published="2024-01-15"),
        data_copy,
        author="bien-tap-1",
        note="báo cáo năm 2023",
    )
    assert "observations.yaml" in saved.files
    assert (data_copy / "sources" / f"bc2023.{kind}").read_bytes() == (FILES / name).read_bytes()
    catalog = danvan.load(data_copy)
    rows = catalog.observations.filter(catalog.observations["source_id"] == "bc2023")
    assert rows.height == 11 and rows["quote"].str.contains(f"bc2023.{kind} › {sheet} › ô").all()
    assert q.read_entry(entry.folder).state == "accepted"


def test_a_pdfs_table_is_saved_with_the_pdf_its_cells_are_checked_in(registry, data_copy, tmp_path):
    """A report printed to PDF with its table: the table's values point to cells of the PDF itself, stored beside the
    text sources, and the validator finds them there by the lines the page draws, as it reads a workbook's."""
    pdf = FILES / "bao-cao-2023-bang.pdf"
    entry = q.enqueue(pdf, registry, load_indicators(data_copy), tmp_path / "queue")
    assert entry.cells_file == entry.original and not (entry.folder / "scanned-rows").exists()
    observations = entry.draft().observations  # the sentences' two figures are the table's too: the cells are kept
    q.decide(entry, {f"observations/{i}": "accepted" if o.cell else "rejected" for i, o in enumerate(observations)})
    q.accept(entry, SourceEntry("bcpdf", published="2024-01-15"), data_copy, author="bien-tap-1", note="bản PDF")
    assert (data_copy / "sources" / "bcpdf.pdf").read_bytes() == pdf.read_bytes()
    rows = danvan.load(data_copy).observations.filter(pl.col("source_id") == "bcpdf")
    assert rows.height == 11 and rows["quote"].str.starts_with("Bảng bcpdf.pdf › Bảng 1 › ô ").all()
    assert 40_766.0 in rows["value"].to_list()


def test_an_old_workbook_in_tcvn3_is_queued_saved_and_its_cells_checked(registry, data_copy, tmp_path):
    """Excel 97-2003 typed in .VnTime: the queue keeps the original and the Unicode text; the saved values' cells are
    checked against the stored .xls, read the same way."""
    entry = q.enqueue(FILES / "bao-cao-2023-vntime.xls", registry, load_indicators(data_copy), tmp_path / "queue")
    assert entry.kind == "xls" and (entry.folder / "original.xls").is_file()
    assert "Mô hình “Dân vận khéo” được công nhận" in entry.text() and "D©n" not in entry.text()
    assert any("gõ theo bảng mã TCVN3" in problem for problem in entry.problems)
    _accept_all(entry)
    q.accept(entry, SourceEntry("bc2023cu", published="2024-01-15"), data_copy, author="bien-tap-1", note="bản .xls")
    assert (data_copy / "sources" / "bc2023cu.xls").read_bytes() == (FILES / "bao-cao-2023-vntime.xls").read_bytes()
    catalog = danvan.load(data_copy)
    rows = catalog.observations.filter(catalog.observations["source_id"] == "bc2023cu")
    assert rows.height == 11 and rows["quote"].str.starts_with("Bảng bc2023cu.xls › Năm 2023 › ô ").all()
    assert 202 in rows["value"].to_list()


def test_a_scanned_tables_values_are_saved_with_the_transcription_of_its_cells(registry, data_copy, tmp_path):
    """A scan's table read by OCR: the queue keeps the scan (shown beside the text) and the workbook of the cells as
    read; a saved value's cell points to that workbook, stored beside the text sources, which the validator checks
    without reading the scan again. A value edited away from its cell is refused, naming the cell."""
    needs_ocr()
    scan = tmp_path / "bao-cao-quet.pdf"
    scan.write_bytes(scanned_report())
    entry = q.enqueue(scan, registry, load_indicators(data_copy), tmp_path / "queue")
    assert entry.original.read_bytes() == scan.read_bytes() and entry.cells_file.name == "transcription.xlsx"
    assert "Thành phố Bắc Kạn | 279 | 202" in entry.text()
    from PIL import Image

    # the row a cell was read from, as scanned under the table's two header rows (75 + 75 px, the row 85)
    row = Image.open(io.BytesIO(entry.scanned_row("bao-cao-quet.pdf#Bảng 1!D3")))
    assert row.height == 235 and row.width > 2200
    assert entry.scanned_row("bao-cao-quet.pdf#Bảng 1!D2") is None  # a header row is no row of figures
    assert entry.scanned_row("bc2023.xlsx#Năm 2023!C4") is None
    _accept_all(entry)
    q.decide(entry, {}, {"observations/1": {"value": 999999}})  # the cell says otherwise
    with pytest.raises(DataError) as err:
        q.accept(entry, SourceEntry("bcquet", published="2024-01-15"), data_copy, author="bien-tap-1", note="thử")
    errors = [p for p in err.value.problems if p.severity == "error"]
    assert [p.message for p in q.problem_items(entry, errors)["observations/1"]] == [
        "ô D3 của sources/bcquet.xlsx ghi “202”, khác giá trị 999.999"
    ]
    assert not (data_copy / "sources" / "bcquet.xlsx").exists()
    q.decide(entry, {}, {"observations/1": {"value": 202}})
    q.accept(entry, SourceEntry("bcquet", published="2024-01-15"), data_copy, author="bien-tap-1", note="bản quét")
    assert (data_copy / "sources" / "bcquet.xlsx").read_bytes() == entry.cells_file.read_bytes()
    catalog = danvan.load(data_copy)
    rows = catalog.observations.filter(pl.col("source_id") == "bcquet").sort("value")
    assert rows["value"].to_list() == [202, 279]
    assert rows["quote"].to_list() == [
        "Bảng bcquet.xlsx › Bảng 1 › ô D3 — cột “Mô hình “Dân vận khéo” / Số mô hình được công nhận”",
        "Bảng bcquet.xlsx › Bảng 1 › ô C3 — cột “Mô hình “Dân vận khéo” / Số mô hình đăng ký”",
    ]


def test_accepting_what_does_not_check_out_writes_nothing(registry, data_copy, tmp_path):
    entry = q.enqueue(FILES / "bao-cao-2023.xlsx", registry, load_indicators(data_copy), tmp_path / "queue")
    _accept_all(entry)
    q.decide(entry, {}, {"observations/0": {"value": 999999}})  # the cell says otherwise
    before = (data_copy / "observations.yaml").read_bytes()
    with pytest.raises(DataError) as err:
        q.accept(entry, SourceEntry("bc2023"), data_copy, author="bien-tap-1", note="thử")
    errors = [p for p in err.value.problems if p.severity == "error"]
    assert [p.message for p in q.problem_items(entry, errors)["observations/0"]] == [
        "ô C4 của sources/bc2023.xlsx ghi “202”, khác giá trị 999.999"
    ]
    assert (data_copy / "observations.yaml").read_bytes() == before
    assert not (data_copy / "sources" / "bc2023.xlsx").exists()  # the original placed for the check is removed
    assert q.read_entry(entry.folder).state == "new"  # still in the queue
    assert set(q.read_entry(entry.folder).decisions.values()) == {"accepted"}  # nothing marked saved


# --- the page -----------------------------------------------------------------------------------------------------


@pytest.fixture
def app_entry(tmp_path) -> Path:
    folder = tmp_path / "entry"
    folder.mkdir()
    shutil.copy(ROOT / "app.py", folder / "app.py")
    return folder / "app.py"


def queued(files: list[Path], registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[q.Entry]]:
    """A writable copy of the data and a queue holding `files`, both given to the app (DANVAN_DATA, DANVAN_QUEUE)."""
    data, queue_dir = tmp_path / "data", tmp_path / "queue"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("geo", "history"))
    entries = [q.enqueue(path, registry, load_indicators(data), queue_dir) for path in files]
    monkeypatch.setenv("DANVAN_DATA", str(data))
    monkeypatch.setenv("DANVAN_QUEUE", str(queue_dir))
    return data, entries


def open_queue(app_entry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signed_in: bool = True) -> AppTest:
    at = AppTest.from_file(str(app_entry), default_timeout=90)
    curators_file(tmp_path, monkeypatch)
    if signed_in:
        sign_in_as_curator(at, tmp_path, monkeypatch)
    at.switch_page(str(ROOT / "pages" / "hang-cho.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_queue_page_shows_a_scan_beside_its_recognised_text(app_entry, monkeypatch, registry, tmp_path):
    """A photo queued (read by OCR): its card's source text has the picture beside it, for the curator to check."""
    needs_ocr()
    photo = tmp_path / "anh-chup.png"
    photo.write_bytes(page_picture(["Có 202 mô hình “Dân vận khéo” được công nhận trong năm 2023."], "PNG"))
    queued([photo, FILES / "bao-cao-2023.xlsx"], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    assert sorted(at.dataframe[0].value["Loại"].tolist()) == ["Excel (.xlsx)", "Ảnh (.png)"]
    picture = next(e for e in q.list_entries(tmp_path / "queue") if e.kind == "png")
    at.selectbox(key="queue_open").set_value(picture.id).run()
    assert "Bản gốc (1 ảnh): đối chiếu chữ nhận dạng bên cạnh với ảnh" in [c.value for c in at.caption]
    assert len(at.get("image")) == 1
    workbook = next(e for e in q.list_entries(tmp_path / "queue") if e.kind == "xlsx")
    at.selectbox(key="queue_open").set_value(workbook.id).run()
    assert not at.get("image")  # a file with text has no picture to show
    english = AppTest.from_file(str(app_entry), default_timeout=90)
    english.query_params["lang"] = "en"
    sign_in_as_curator(english, tmp_path, monkeypatch)
    english.switch_page(str(ROOT / "pages" / "hang-cho.py"))
    english.run()
    english.selectbox(key="queue_open").set_value(picture.id).run()
    assert "The original (1 picture): check the recognised text beside it against it" in [
        c.value for c in english.caption
    ]


def test_a_scanned_tables_cell_shows_its_row_as_scanned(app_entry, monkeypatch, registry, tmp_path):
    """A value read from a scan's table: its card shows the row it was read from, under the table's header, as
    scanned, for the curator to check the figure read against it, and says so when OCR read the figure two ways; a
    typed workbook's cell shows none."""
    needs_ocr()
    scan = tmp_path / "bao-cao-quet.pdf"
    scan.write_bytes(scanned_report())
    first = ocr._read_strips

    def smudged(insides, *options):  # the second reading of “279”, as Tesseract gives one of a smudged scan
        read = first(insides, *options)
        return [text.replace("279", "278") for text in read] if "eng" in options else read

    monkeypatch.setattr(ocr, "_read_strips", smudged)
    _, (entry, workbook) = queued([scan, FILES / "bao-cao-2023.xlsx"], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    at.selectbox(key="queue_open").set_value(entry.id).run()
    assert "**Ô bảng:** bao\\-cao\\-quet\\.pdf › Bảng 1 › ô C3" in _card(at), _card(at)
    row, page = at.get("image")  # the cell's row, and the page beside the text
    assert row.captions == ["Hàng của ô trên bản quét, dưới tiêu đề bảng: đối chiếu chữ số đã đọc với ảnh"]
    assert page.captions == [""]
    assert [w.value.replace("\\", "") for w in at.warning if "không chắc" in w.value] == [  # as shown: unescaped
        "bao-cao-quet.pdf › Bảng 1 › ô C3: nhận dạng không chắc — đọc “279”, đọc lần hai “278”; đối chiếu với ảnh "
        "trước khi nhận."
    ]
    at.button(key="queue_next").click().run()  # D3, read one way
    assert "ô D3" in _card(at) and not [w for w in at.warning if "không chắc" in w.value]
    at.selectbox(key="queue_open").set_value(workbook.id).run()
    assert not at.get("image")


def test_queue_page_is_for_curators_only(app_entry, tmp_path, monkeypatch):
    at = open_queue(app_entry, tmp_path, monkeypatch, signed_in=False)
    assert at.caption[0].value == "Chỉ người biên soạn mới dùng được trang này."
    assert at.text_input(key="auth_username") is not None  # the sign-in form instead
    assert [b.label for b in at.main.button] == ["Đăng nhập"] and not at.data_editor


def test_queue_page_lists_opens_accepts_and_rejects(app_entry, monkeypatch, registry, tmp_path):
    data, _ = queued([FILES / "bao-cao-2023.docx", FILES / "bao-cao-2023.xlsx"], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    listed = at.dataframe[0].value
    assert sorted(listed["Tệp"].tolist()) == ["bao-cao-2023.docx", "bao-cao-2023.xlsx"]
    assert set(listed["Tiến độ"]) == {"0/11 đã duyệt", "0/13 đã duyệt"}
    assert sorted(listed["Loại"].tolist()) == ["Excel (.xlsx)", "Word (.docx)"]  # names, not "docx"
    xlsx = next(e for e in q.list_entries(tmp_path / "queue") if e.kind == "xlsx")
    at.selectbox(key="queue_open").set_value(xlsx.id).run()
    # on the card, a cell as every view shows one: file › sheet › cell
    assert "**Ô bảng:** bao\\-cao\\-2023\\.xlsx › Năm 2023 › ô C4" in _card(at), _card(at)
    assert "**Huyện, thị xã, thành phố:** Bắc Kạn" in _card(at)  # "Thành phố Bắc Kạn" is no huyện
    at.button_group(key="queue_mode").set_value("table").run()
    values = at.data_editor[0].value  # the xlsx draft has observations only, none decided yet
    assert {"202", "279", "40.766"}.issubset(set(values["value"].tolist())) and values["decision"].isna().all()
    assert values["cell"].str.startswith("bao-cao-2023.xlsx#Năm 2023!").all()
    at.text_input(key=f"queue_source_id_{xlsx.id}").input("bc2023")
    at.text_input(key=f"queue_note_{xlsx.id}").input("báo cáo năm 2023")
    at.button(key="queue_accept").click().run()
    warned = [w.value for w in at.warning]
    assert warned[-1] == "Chưa có mục nào được nhận (mà chưa lưu)."
    # the fixture's figures are the curated data's own: each is said to be there already, with its source
    assert warned[0].replace("\\", "").split("\n")[0] == (
        "- Mục 1/11: Dữ liệu đã có giá trị này của năm 2023 (nguồn “Có 202 mô hình “Dân vận khéo” được công nhận "
        "trong năm 2023” (a16))."
    )
    assert len(warned[0].split("\n")) == 11  # one box, a line an item
    q.decide(xlsx, dict.fromkeys(q.item_keys(xlsx.draft()), "accepted"))  # as the table's decision column does
    at.run()
    assert set(at.data_editor[0].value["decision"]) == {"accepted"}
    # accepted although the card says the data holds them: refused, item by item, nothing written (a curator's
    # walk-through saved a sheet twice and So sánh drew both)
    at.button(key="queue_accept").click().run()
    assert at.error[-1].value == "Chưa lưu gì: dữ liệu mới có 11 lỗi."
    refused = next(m.value for m in at.main.markdown if "Mục 1/11" in m.value).replace("\\", "")
    assert "- Mục 1/11 (Số liệu trích được): Giá trị: Dữ liệu đã có giá trị này của năm 2023 (nguồn" in refused
    assert refused.count(": nếu là cùng một số liệu, hãy bỏ mục này") == 11
    assert danvan.load(data).observations.filter(pl.col("source_id") == "bc2023").height == 0
    # the same sheet into data that does not hold its figures yet: saved
    held = yaml.safe_load((data / "observations.yaml").read_text(encoding="utf-8"))
    kept = [r for r in held if r["source"] not in {"a16", "s03"}]  # where the curated data has them from
    (data / "observations.yaml").write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    at.run()
    at.button(key="queue_accept").click().run()
    assert not at.exception
    wrote = at.success[-2].value  # the original among the files, the history inside the data folder
    assert "sources/bc2023.xlsx" in wrote and "observations.yaml" in wrote, wrote
    assert re.search(r"Bản trước được giữ tại history/[^/ ]+\.$", wrote) and str(tmp_path) not in wrote, wrote
    assert [s.value for s in at.success][-1] == "Đã lưu 11 mục. Mọi mục đã duyệt: bản nháp đã nhận.", [
        e.value for e in at.error
    ] + [c.value for c in at.code]
    assert danvan.load(data).observations.filter(danvan.load(data).observations["source_id"] == "bc2023").height == 11
    assert q.read_entry(xlsx.folder).state == "accepted"
    docx = next(e for e in q.list_entries(tmp_path / "queue") if e.kind == "docx")
    at.selectbox(key="queue_open").set_value(docx.id).run()
    at.button(key="queue_reject").click().run()
    assert at.warning[-1].value == "Cần ghi lý do."  # a decision needs its reason
    at.text_input(key=f"queue_note_{docx.id}").input("trùng với bảng Excel").run()
    at.button(key="queue_reject").click().run()
    assert q.read_entry(docx.folder).state == "rejected"
    assert at.success[-1].value == f"Đã loại bản nháp của tệp {docx.file}."  # its file, not its queue id
    assert at.dataframe[0].value.set_index("Tệp").loc["bao-cao-2023.docx", "Trạng thái"] == "đã loại"  # drawn again
    decided = next(c.value for c in at.main.caption if c.value.startswith("Đã quyết định"))
    assert re.fullmatch(r"Đã quyết định: đã loại — lan, \d\d/\d\d/20\d\d \d\d:\d\d", decided.replace("\\", "")), decided
    at.selectbox(key="queue_state").set_value("new").run()
    assert "Hàng chờ trống" in at.info[0].value  # nothing left to review
    assert yaml.safe_load((docx.folder / "state.yaml").read_text(encoding="utf-8"))["note"] == "trùng với bảng Excel"


def _card(at: AppTest) -> str:
    """The item card's text: its heading line, its fields and its quote (what comes before the whole source text)."""
    shown = [m.value for m in at.main.markdown]
    return "\n".join(shown[: shown.index("**Văn bản gốc (phần tô màu là đoạn bản nháp trích)**")])


def test_queue_page_decides_item_by_item_and_saves_the_accepted(app_entry, monkeypatch, registry, tmp_path):
    data, (entry,) = queued([ARTICLES / "p42.txt"], registry, tmp_path, monkeypatch)  # Đất Đỏ, 13/12/2023
    at = open_queue(app_entry, tmp_path, monkeypatch)
    assert at.main.get("progress")[0].proto.text == "0/4 đã duyệt"
    card = _card(at)
    assert "**Mục 1/4 · Sự kiện trích được** — chưa duyệt" in card
    assert "**Loại:** Hội nghị" in card and r"**Tỉnh:** Bà Rịa \- Vũng Tàu" in card and "**Ngày:** 13/12/2023" in card
    assert r"Sáng 13/12, Ban Dân vận, Hội LHPN" in card.split(":orange-background[")[1]  # the quote, highlighted
    assert "hoi_nghi" not in card and "77" not in card  # names, never codes
    buttons = {b.key: b for b in at.main.button}
    assert buttons["queue_take"].label == "Nhận" and buttons["queue_prev"].disabled
    assert buttons["queue_take"].proto.shortcut == "n" and buttons["queue_drop"].proto.shortcut == "l"
    assert (buttons["queue_edit"].proto.shortcut, buttons["queue_next"].proto.shortcut) == ("s", "right")
    at.button(key="queue_take").click().run()  # the conference
    assert q.read_entry(entry.folder).decisions == {"visits/0": "accepted"}
    card = _card(at)
    assert "**Mục 2/4 · Số liệu trích được** — chưa duyệt" in card
    assert "**Chỉ tiêu:** Mô hình, điển hình “Dân vận khéo” được triển khai hiệu quả" in card  # "đạt hiệu quả"
    at.button(key="queue_drop").click().run()  # 201 models and exemplars: rejected here
    card = _card(at)
    assert "Mục 3/4" in card and "**Chỉ tiêu:** Mô hình, điển hình “Dân vận khéo” hiện có" in card and "147" in card
    at.button(key="queue_take").click().run()  # the 147 models
    assert "Mục 4/4" in _card(at)
    at.button(key="queue_prev").click().run()
    assert "**Mục 3/4 · Số liệu trích được** — đã nhận" in _card(at)
    assert at.main.get("progress")[0].proto.text == "3/4 đã duyệt"
    at.button(key="queue_edit").click().run()  # opens the item's fields; cancelling leaves it as it was
    assert "Số liệu" in [w.label for w in at.main.selectbox] or "Giá trị" in [w.label for w in at.main.text_input]
    assert "Tóm tắt" not in [w.label for w in at.main.text_input]  # the fields are not shown until S
    at.button(key="queue_edit_cancel").click().run()
    at.text_input(key=f"queue_source_id_{entry.id}").input("n50")
    at.text_input(key=f"queue_note_{entry.id}").input("hội nghị tổng kết dân vận huyện Đất Đỏ")
    at.button(key="queue_accept").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error] + [c.value for c in at.code]
    assert [s.value for s in at.success][-1] == "Đã lưu 2 mục. Còn 1 mục chưa duyệt: bản nháp vẫn ở hàng chờ."
    catalog = danvan.load(data)
    assert catalog.visits.filter(catalog.visits["source_id"] == "n50")["province_code"].to_list() == ["77"]
    saved = catalog.observations.filter(catalog.observations["source_id"] == "n50")
    assert saved["indicator_id"].to_list() == ["dvk_models_active"] and saved["value"].to_list() == [147]
    after = q.read_entry(entry.folder)
    assert (after.state, after.status) == ("new", "reviewing")
    assert after.decisions == {"visits/0": "saved", "observations/1": "saved", "observations/0": "rejected"}
    listed = at.dataframe[0].value
    assert listed["Tiến độ"].to_list() == ["3/4 đã duyệt"] and listed["Trạng thái"].to_list() == ["đang duyệt"]
    at.run()
    assert "**Mục 3/4 · Số liệu trích được** — đã lưu" in _card(at) and "Mục này đã lưu vào dữ liệu." in [
        c.value for c in at.main.caption
    ]
    assert at.button(key="queue_take").disabled and at.button(key="queue_drop").disabled  # saved is final


def test_queue_page_edits_an_item_and_names_an_item_that_does_not_check_out(app_entry, monkeypatch, registry, tmp_path):
    data, (entry,) = queued([ARTICLES / "p42.txt"], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    at.button(key="queue_edit").click().run()
    summary = next(w for w in at.main.text_input if w.label == "Tóm tắt")
    summary.input("Hội nghị tổng kết công tác dân vận huyện Đất Đỏ")
    next(b for b in at.main.button if b.label == "Lưu sửa và nhận mục").click().run()
    assert q.read_entry(entry.folder).edits == {
        "visits/0": {"summary": "Hội nghị tổng kết công tác dân vận huyện Đất Đỏ"}
    }
    assert q.read_entry(entry.folder).decisions == {"visits/0": "accepted"}
    q.decide(entry, {"observations/2": "accepted"})  # the 54 exemplars, with an indicator that does not exist
    at.run()
    before = (data / "visits.yaml").read_bytes()
    at.text_input(key=f"queue_note_{entry.id}").input("thử")
    at.button(key="queue_accept").click().run()
    assert at.error[0].value == "Chưa lưu gì: dữ liệu mới có 1 lỗi."
    listed = [m.value.replace("\\", "") for m in at.main.markdown if m.value.startswith("- Mục ")]
    assert listed == [  # named, wrapped, in words (a curator's walk-through: it said 'new:điển hình')
        "- Mục 4/4 (Số liệu trích được): Chỉ tiêu: chỉ tiêu “điển hình” chưa có trong danh mục: bấm Sửa (S) để chọn "
        "một chỉ tiêu có sẵn, hoặc loại mục này"
    ]
    assert (data / "visits.yaml").read_bytes() == before
    assert set(q.read_entry(entry.folder).decisions.values()) == {"accepted"}  # nothing marked saved


def test_queue_page_adds_an_event_the_draft_missed_and_saves_it(app_entry, monkeypatch, registry, tmp_path):
    data, (entry,) = queued([ARTICLES / "p42.txt"], registry, tmp_path, monkeypatch)  # Đất Đỏ, 13/12/2023
    at = open_queue(app_entry, tmp_path, monkeypatch)
    assert "Tóm tắt" not in [w.label for w in at.main.text_input]  # the form opens on the button only
    at.button(key="queue_add_open").click().run()
    text = (ARTICLES / "p42.txt").read_text(encoding="utf-8")
    passage = next(line for line in text.splitlines() if line.startswith("Về chương trình phối hợp"))  # one sentence
    chooser = at.selectbox(key=f"queue_add_passage_{entry.id}")
    assert chooser.label == "Câu trích trong văn bản gốc" and passage[:157] + "…" in chooser.options  # shown cut
    add = next(b for b in at.main.button if b.label == "Thêm và nhận mục")
    add.click().run()  # nothing chosen: refused, named, nothing written
    assert [e.value for e in at.error] == [r"Cần chọn câu trích trong văn bản gốc\."]
    assert "added" not in yaml.safe_load((entry.folder / "state.yaml").read_text(encoding="utf-8"))
    at.selectbox(key=f"queue_add_passage_{entry.id}").select(passage).run()
    fields = {w.label: w for w in at.main.text_input}
    fields["Ngày"].input("13/12/2023")
    fields["Cơ quan"].input("Hội LHPN huyện Đất Đỏ")
    boxes = {w.label: w for w in at.main.selectbox}
    assert boxes["Tỉnh"].value == "77"  # the draft's province, shown by its name
    boxes["Loại"].select("hoi_nghi")
    boxes["Cấp của đoàn"].select("district")
    next(b for b in at.main.button if b.label == "Thêm và nhận mục").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [s.value for s in at.success] == ["Đã thêm mục 2/5 và nhận mục này."]
    card = _card(at)
    assert "**Mục 2/5 · Sự kiện trích được** — đã nhận" in card and "**Cơ quan:** Hội LHPN huyện Đất Đỏ" in card
    assert "**Ngày:** 13/12/2023" in card and r"Bà Rịa \- Vũng Tàu" in card
    notes = [c.value for c in at.main.caption if c.value.startswith("Ghi chú: ")]
    assert len(notes) == 1 and notes[0].startswith("Ghi chú: Người nhập lan thêm ngày "), notes
    assert q.read_entry(entry.folder).decisions == {"visits/1": "accepted"}
    at.text_input(key=f"queue_source_id_{entry.id}").input("n50")
    at.text_input(key=f"queue_note_{entry.id}").input("hội nghị của Hội LHPN mà bản nháp bỏ sót")
    at.button(key="queue_accept").click().run()
    assert not at.error, [c.value for c in at.code]
    catalog = danvan.load(data)
    visits = catalog.visits.filter(catalog.visits["source_id"] == "n50")
    assert visits.select("visit_id", "body").rows() == [("v-2023-12-13-ba-ria-vung-tau-2", "Hội LHPN huyện Đất Đỏ")]


def test_two_offices_workbooks_with_the_same_sheet_are_both_saved(registry, data_copy, tmp_path):
    """Each workbook's values carry its file's name in their ids: a second report with a sheet "Năm 2023" and a
    value in C4 is not refused as a duplicate of the first one's C4."""
    openpyxl = pytest.importorskip("openpyxl")
    other = tmp_path / "lang-son-2023.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Năm 2023"
    for row in (
        ["Kết quả công tác dân vận năm 2023"],
        [],
        ["TT", "Đơn vị", "Mô hình “Dân vận khéo” được công nhận"],
        [1, "Lạng Sơn", 95],
    ):
        sheet.append(row)
    book.save(other)
    first = q.enqueue(FILES / "bao-cao-2023.xlsx", registry, load_indicators(data_copy), tmp_path / "queue")
    second = q.enqueue(other, registry, load_indicators(data_copy), tmp_path / "queue")
    assert second.draft().observations[0].id == "o-lang-son-2023-nam-2023-c4"
    for entry, source in ((first, "bc2023"), (second, "ls2023")):
        _accept_all(entry)
        q.accept(entry, SourceEntry(source, published="2024-01-15"), data_copy, author="bien-tap-1", note=source)
    catalog = danvan.load(data_copy)
    saved = catalog.observations.filter(catalog.observations["source_id"] == "ls2023")
    assert saved.select("province_code", "value").rows() == [("20", 95)]


def test_a_tables_text_keeps_each_value_under_its_header():
    text = q.document_text(q.read_document(FILES / "bao-cao-2023.xlsx")).splitlines()
    header = text[1].split(" | ")
    row = next(line for line in text if "Huyện Lâm Hà" in line).split(" | ")
    assert len(row) == len(header) and row[:6] == ["2", "Huyện Lâm Hà", "—", "—", "376", "78,3"]
    assert header[4] == "Đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận"  # 376 is this, not a model count


def test_a_table_with_no_year_says_so_before_the_save(registry, tmp_path):
    report = tmp_path / "bao-cao.csv"
    report.write_text("Đơn vị,Mô hình “Dân vận khéo” được công nhận\nLạng Sơn,95\n", encoding="utf-8")
    entry = q.enqueue(report, registry, load_indicators(ROOT / "data"), tmp_path / "queue")
    assert entry.draft().observations[0].period is None
    assert entry.problems == [
        "bao-cao.csv › CSV: tiêu đề, tên trang của bảng, tiêu đề và tên tệp văn bản không ghi năm hay kỳ của số liệu: "
        "người nhập cần ghi Kỳ cho từng số liệu (Sửa) trước khi lưu."
    ]


def test_a_table_with_its_year_only_in_its_files_name_takes_it(registry, tmp_path):
    """An office saves its sheet as “bc-2023.csv” with nothing else naming the year: the draft had no period and every
    value waited for the curator; the file's name gives it, said in the period's note."""
    report = tmp_path / "bc-2023.csv"
    report.write_text("Đơn vị,Mô hình “Dân vận khéo” được công nhận\nLạng Sơn,95\n", encoding="utf-8")
    entry = q.enqueue(report, registry, load_indicators(ROOT / "data"), tmp_path / "queue")
    (value,) = entry.draft().observations
    assert (value.period, value.period_note) == ("2023", "kỳ lấy theo tên tệp chứa bảng: “bc-2023”")
    assert entry.problems == []


def test_queue_table_says_saved_is_not_a_choice(app_entry, monkeypatch, registry, tmp_path):
    _, (entry,) = queued([FILES / "bao-cao-2023.xlsx"], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    at.button_group(key="queue_mode").set_value("table").run()
    table = at.data_editor[0].key
    at.session_state[table] = {"edited_rows": {0: {"decision": "saved"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    said = "“Đã lưu” không chọn được: chọn “đã nhận” rồi bấm “Lưu các mục đã nhận” bên dưới."
    assert said in [w.value for w in at.warning]
    assert q.read_entry(entry.folder).decisions == {}  # nothing decided, nothing saved
    at.session_state[table] = {"edited_rows": {0: {"decision": "accepted"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert q.read_entry(entry.folder).decisions == {"observations/0": "accepted"}
    assert said not in [w.value for w in at.warning]


def test_a_figure_written_twice_or_already_held_is_said_before_it_is_saved_twice(registry, tmp_path):
    entry = q.enqueue(FILES / "bao-cao-2023.docx", registry, load_indicators(ROOT / "data"), tmp_path / "queue")
    draft, keys = entry.draft(), q.item_keys(entry.draft())
    catalog = danvan.load(ROOT / "data")
    notes = q.repeated(entry, catalog.observations, catalog.sources)
    # "279 mô hình … đăng ký" in a sentence and in the table's cell D2: each names the other
    said = {k: v for k, v in draft_items(draft).items() if v.value == 279}
    sentence = next(k for k, v in said.items() if not v.cell)
    cell = next(k for k, v in said.items() if v.cell and v.cell.endswith("!D2"))
    assert (
        f"Cùng chỉ tiêu, nơi, kỳ và giá trị với mục {keys.index(cell) + 1}/{len(keys)}: chỉ nhận một."
        in notes[sentence]
    )
    assert (
        f"Cùng chỉ tiêu, nơi, kỳ và giá trị với mục {keys.index(sentence) + 1}/{len(keys)}: chỉ nhận một."
        in notes[cell]
    )
    # the fixture's figures are the curated data's own (source a16), named by its title
    held = (
        "Dữ liệu đã có giá trị này của năm 2023 (nguồn “Có 202 mô hình “Dân vận khéo” được công nhận trong năm 2023” "
        "(a16))."
    )
    assert held in notes[cell]
    assert not q.repeated(entry, catalog.observations.clear())[cell][1:]  # nothing held: one note
    # the same figure of another place is not held: thành phố Bắc Kạn's 279 is not the province's (a walk-through
    # warned of huyện Quảng Hòa's 18,5% as the province's)
    province_wide = catalog.observations.with_columns(pl.lit(None, pl.String).alias("district"))
    assert not [n for n in q.repeated(entry, province_wide, catalog.sources).get(cell, []) if "Dữ liệu đã có" in n]


def draft_items(draft) -> dict:
    return {f"observations/{i}": o for i, o in enumerate(draft.observations)}


def test_queue_refuses_a_publication_date_that_is_no_date(app_entry, monkeypatch, registry, tmp_path):
    data, (entry,) = queued([ARTICLES / "p42.txt"], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    assert at.text_input(key=f"queue_published_{entry.id}").value == "12/2023"  # the page's "date 2023-12"
    at.button(key="queue_take").click().run()
    at.text_input(key=f"queue_published_{entry.id}").input("31/02/2024")
    at.text_input(key=f"queue_note_{entry.id}").input("hội nghị tổng kết")
    before = (data / "visits.yaml").read_bytes()
    at.button(key="queue_accept").click().run()
    assert at.warning[-1].value == (
        "Ngày đăng: “31/02/2024” không phải là ngày (viết như 25/04/2024, 04/2024 hoặc 2024)."
    )
    assert (data / "visits.yaml").read_bytes() == before and q.read_entry(entry.folder).decisions == {
        "visits/0": "accepted"
    }


def test_a_document_the_data_has_is_said_not_written_again(app_entry, monkeypatch, registry, tmp_path):
    """A curator's walk-through: "Đã lưu 17 mục" when 16 were written — 114-KL/TW, already in the data, was skipped
    without a word."""
    text = tmp_path / "cao-bang.txt"
    text.write_text(
        "Cao Bằng tổng kết Nghị quyết 25\n\nNgày 15/12/2023, Ban Dân vận Tỉnh ủy Cao Bằng tổ chức hội nghị tổng kết "
        "10 năm thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng.\n",
        encoding="utf-8",
    )
    data, (entry,) = queued([text], registry, tmp_path, monkeypatch)
    assert [d.code for d in entry.draft().documents] == ["25-NQ/TW"]  # the curated data's own resolution
    q.decide(entry, dict.fromkeys(q.item_keys(entry.draft()), "accepted"))
    at = open_queue(app_entry, tmp_path, monkeypatch)
    at.text_input(key=f"queue_source_id_{entry.id}").input("cb23")
    at.text_input(key=f"queue_note_{entry.id}").input("tổng kết Nghị quyết 25")
    at.button(key="queue_accept").click().run()
    said = [s.value for s in at.success]
    assert len(said) == 2, (
        [e.value for e in at.error] + [w.value for w in at.warning] + [m.value for m in at.markdown][-5:]
    )
    assert said[-2].endswith("Văn bản 25-NQ/TW đã có trong dữ liệu nên không ghi lại."), said
    assert said[-1] == f"Đã lưu {entry.total - 1} mục. Mọi mục đã duyệt: bản nháp đã nhận."
    documents = danvan.load(data).documents
    assert documents.filter(documents["code"] == "25-NQ/TW")["source"].to_list() == ["s03"]  # the first, kept


def test_a_card_says_which_required_field_is_missing(app_entry, monkeypatch, registry, tmp_path):
    """A curator's walk-through: "Huyện Bảo Lâm" (Cao Bằng's or Lâm Đồng's) came without a province, the card said
    nothing, N accepted it, and only the save refused it ("Tỉnh: thiếu trường bắt buộc")."""
    table = tmp_path / "bao-lam.csv"
    table.write_text("Đơn vị,Mô hình “Dân vận khéo” được công nhận\nHuyện Bảo Lâm,5\n", encoding="utf-8")  # no year
    _, (entry,) = queued([table], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    said = [w.value for w in at.warning]
    assert "Còn thiếu: Tỉnh, Kỳ. Bấm Sửa (S) để điền; mục thiếu trường bắt buộc sẽ không lưu được." in said, said
    filled = {"observations/0": {"province": "04", "period": "2023"}}  # the curator fills them in
    q.decide(entry, {"observations/0": "accepted"}, filled)
    at.run()
    assert not [w for w in at.warning if w.value.startswith("Còn thiếu")]


def test_a_card_says_when_its_district_is_not_in_its_province(app_entry, monkeypatch, registry, tmp_path):
    """A curator's walk-through: "Huyện Hương Sơn" set to Nghệ An on the edit, and the card said nothing until the
    save; it now says what the save would, by the provinces' names."""
    table = tmp_path / "ha-tinh.csv"
    table.write_text("Năm 2023,\nĐơn vị,Mô hình “Dân vận khéo” được công nhận\nHuyện Hương Sơn,11\n", encoding="utf-8")
    _, (entry,) = queued([table], registry, tmp_path, monkeypatch)
    q.decide(entry, {}, {"observations/0": {"province": "40"}})
    at = open_queue(app_entry, tmp_path, monkeypatch)
    said = [w.value for w in at.warning]
    expected = "'Hương Sơn' là huyện Hương Sơn của tỉnh Hà Tĩnh (trước 1/7/2025), không thuộc tỉnh Nghệ An của bản ghi"
    assert expected in said, said
    q.decide(entry, {}, {"observations/0": {"province": "42"}})
    at.run()
    assert not [w for w in at.warning if "Hương Sơn" in w.value]
    # an edit on the card that puts it in another province is kept, but the item stays open, the card saying why
    at.button(key="queue_edit").click().run()
    province = next(s for s in at.selectbox if s.label == "Tỉnh" and s.value == "42")
    province.set_value("40")
    next(b for b in at.button if b.label == "Lưu sửa và nhận mục").click().run()
    assert expected in [w.value for w in at.warning]
    assert (
        q.read_entry(entry.folder).decisions == {}
        and q.read_entry(entry.folder).edits["observations/0"]["province"] == "40"
    )


def test_a_card_says_its_indicator_is_only_proposed(app_entry, monkeypatch, registry, tmp_path):
    """A curator's walk-through: a sheet's column "Suất quà hỗ trợ" matched no indicator; the card said nothing
    before N and the save refused it by the raw code "new:Suất quà hỗ trợ"."""
    table = tmp_path / "qua.csv"
    # (since then "Suất quà hỗ trợ" is the welfare gifts' indicator, whose name it opens: a header no name has)
    table.write_text("Đơn vị,Số cây xanh được trồng năm 2023\nHuyện Ba Bể,120\n", encoding="utf-8")
    _, (entry,) = queued([table], registry, tmp_path, monkeypatch)
    assert entry.draft().observations[0].indicator.startswith("new:")
    at = open_queue(app_entry, tmp_path, monkeypatch)
    said = [w.value for w in at.warning]
    name = entry.draft().observations[0].indicator.removeprefix("new:")
    assert (
        f"Chỉ tiêu “{name}” chưa có trong danh mục: bấm Sửa (S) để chọn một chỉ tiêu có sẵn; mục như vậy sẽ không "
        "lưu được." in said
    ), said
    q.decide(entry, {}, {"observations/0": {"indicator": "dvk_models_recognized"}})  # chosen from the list
    at.run()
    assert not [w for w in at.warning if "chưa có trong danh mục" in w.value]


def test_one_indicator_is_set_for_a_whole_column(app_entry, monkeypatch, registry, tmp_path):
    """A curator's walk-through: a column whose header matched no indicator had to be set cell by cell (S, choose,
    save: fourteen times). One choice now sets it for every cell of the column not saved yet."""
    table = tmp_path / "cay-xanh.csv"
    table.write_text(
        "Năm 2023,,\nĐơn vị,Số cây xanh được trồng,Mô hình “Dân vận khéo” được công nhận\n"
        "Huyện Ba Bể,120,5\nHuyện Chợ Đồn,80,6\n",
        encoding="utf-8",
    )
    _, (entry,) = queued([table], registry, tmp_path, monkeypatch)
    assert q.table_columns(q.reviewed_rows(entry), entry.draft()) == {
        "Số cây xanh được trồng": ["observations/0", "observations/2"],
        "Mô hình “Dân vận khéo” được công nhận": ["observations/1", "observations/3"],
    }
    # a table whose rows name the indicators has columns of years: one indicator for a column would be wrong
    years = tmp_path / "chi-tieu.csv"
    years.write_text("Chỉ tiêu,Năm 2022,Năm 2023\nSố cây xanh được trồng,100,120\nSố mô hình,4,5\n", encoding="utf-8")
    by_rows = q.enqueue(years, registry, load_indicators(ROOT / "data"), tmp_path / "other-queue", province="Bắc Kạn")
    assert len(by_rows.draft().observations) == 4 and q.table_columns(q.reviewed_rows(by_rows), by_rows.draft()) == {}
    at = open_queue(app_entry, tmp_path, monkeypatch)
    box = at.selectbox(key=f"queue_column_{entry.id}")
    assert box.value == "Số cây xanh được trồng" and box.options[0] == "Số cây xanh được trồng — 2 ô"
    at.selectbox(key=f"queue_column_indicator_{entry.id}").set_value("dvk_models_built").run()
    at.button(key=f"queue_column_apply_{entry.id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    edits = q.read_entry(entry.folder).edits
    assert edits == {  # each value takes the id its new indicator makes
        "observations/0": {"indicator": "dvk_models_built", "id": "o-dvk-models-built-2023-120"},
        "observations/2": {"indicator": "dvk_models_built", "id": "o-dvk-models-built-2023-80"},
    }
    assert "Đã đặt chỉ tiêu cho 2 ô của cột “Số cây xanh được trồng”; các ô vẫn chờ duyệt." in [
        s.value
        for s in at.expander[0].success  # said where the curator set it, not under the save
    ]


def test_the_card_of_a_cell_in_english(app_entry, monkeypatch, registry, tmp_path):
    """A curator's walk-through: in English the card said "Table cell: … › ô C3" and "Dữ liệu đã có giá trị này …"."""
    table = tmp_path / "lang-son.csv"
    table.write_text(
        "Năm 2023,\nĐơn vị,Mô hình “Dân vận khéo” được công nhận\nLạng Sơn,95\nLạng Sơn,95\n", encoding="utf-8"
    )
    queued([table], registry, tmp_path, monkeypatch)
    at = AppTest.from_file(str(app_entry), default_timeout=90)
    at.query_params["lang"] = "en"
    curators_file(tmp_path, monkeypatch)
    sign_in_as_curator(at, tmp_path, monkeypatch)
    at.switch_page(str(ROOT / "pages" / "hang-cho.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    card = " ".join(m.value for m in at.markdown)
    assert "**Table cell:** lang\\-son\\.csv › CSV › cell B3" in card, card  # (Markdown escapes)
    assert "Same indicator, place, period and value as item 2/2: accept only one." in [w.value for w in at.warning]


def test_a_period_that_would_not_save_is_said_on_the_edit(app_entry, monkeypatch, registry, tmp_path):
    """A curator's walk-through: Kỳ "năm 2024x" was taken on the edit, then refused at the save as "(YYYY,
    YYYY-YYYY, YYYY-MM-DD hoặc YYYY-MM-DD..YYYY-MM-DD)". Now the edit says it, with examples, and keeps the item."""
    _, (entry,) = queued([ARTICLES / "p42.txt"], registry, tmp_path, monkeypatch)
    at = open_queue(app_entry, tmp_path, monkeypatch)
    at.button(key="queue_next").click().run()  # the first value
    at.button(key="queue_edit").click().run()
    next(w for w in at.main.text_input if w.label == "Kỳ").input("năm 2024x")
    next(b for b in at.main.button if b.label == "Lưu sửa và nhận mục").click().run()
    assert at.error[-1].value.replace("\\", "") == (
        "Kỳ: “năm 2024x” không đọc được là kỳ (viết như 2024, 2021-2023, 25/04/2024 hoặc 01/01/2024 - 30/06/2024)."
    )
    assert q.read_entry(entry.folder).edits == {}
    next(w for w in at.main.text_input if w.label == "Kỳ").input("năm 2024")
    next(b for b in at.main.button if b.label == "Lưu sửa và nhận mục").click().run()
    # the value takes the id its period makes (a drafted id of another period was saved so: "o-mo-hinh-2024-501"
    # for a value of 2009–2024)
    assert q.read_entry(entry.folder).edits == {
        "observations/0": {"period": "2024", "id": "o-dvk-models-effective-2024-201"}
    }


def test_a_district_named_like_a_town_and_a_former_district_are_saved_from_a_table(registry, data_copy, tmp_path):
    """A curator's sheet of Hà Tĩnh's districts in 2023: "Huyện Kỳ Anh" (the name of a thị xã too) is recorded as
    "huyện Kỳ Anh" and checks out; "Huyện Lộc Hà" (joined to Thạch Hà in the 2023–2025 round) keeps its name of the
    time. Both were refused before (ambiguous; not in the gazetteer)."""
    sheet = tmp_path / "ha-tinh-2023.csv"
    sheet.write_text(
        "SỐ LIỆU CÔNG TÁC DÂN VẬN TỈNH HÀ TĨNH NĂM 2023,,\n"
        "Đơn vị,Mô hình “Dân vận khéo” được công nhận\n"
        "Huyện Kỳ Anh,8\nThị xã Kỳ Anh,6\nHuyện Lộc Hà,5\n",
        encoding="utf-8",
    )
    entry = q.enqueue(sheet, registry, load_indicators(data_copy), tmp_path / "queue", province="42")
    assert [o.district for o in entry.draft().observations] == ["huyện Kỳ Anh", "thị xã Kỳ Anh", "Lộc Hà"]
    _accept_all(entry)
    q.accept(entry, SourceEntry("ht2023", published="2024-01-15"), data_copy, author="bien-tap-1", note="ht")
    catalog = danvan.load(data_copy)
    saved = catalog.observations.filter(catalog.observations["source_id"] == "ht2023").sort("value")
    assert saved.select("district", "value").rows() == [("Lộc Hà", 5), ("thị xã Kỳ Anh", 6), ("huyện Kỳ Anh", 8)]
    labels = danvan.queries.place_labels(catalog.places)
    assert [labels[d] for d in ("huyện Kỳ Anh", "thị xã Kỳ Anh", "Lộc Hà")] == [
        "huyện Kỳ Anh",
        "thị xã Kỳ Anh",
        "huyện Lộc Hà",
    ]


def test_an_event_keeps_the_documents_it_names_when_saved(registry, data_copy, tmp_path):
    """The event's link to the conclusion it reviews is saved with it, the conclusion being in the data already (it
    was dropped: the review rows had no documents field; from a curator's walk-through)."""
    report = tmp_path / "so-ket.txt"
    report.write_text(
        "Ngày 20/3/2023, Ban Dân vận Tỉnh ủy Hà Tĩnh tổ chức Hội nghị sơ kết 3 năm thực hiện Kết luận số 114-KL/TW "
        "của Ban Bí thư về nâng cao chất lượng, hiệu quả công tác dân vận của chính quyền các cấp.\n",
        encoding="utf-8",
    )
    entry = q.enqueue(report, registry, load_indicators(data_copy), tmp_path / "queue", province="42")
    assert q.reviewed_rows(entry)["visits"][0]["documents"] == ["114-KL/TW"]
    q.decide(entry, {"visits/0": "accepted", "documents/0": "accepted"})
    known = danvan.load(data_copy).documents["code"]
    saved = q.accept(
        entry, SourceEntry("ht-so-ket"), data_copy, author="bien-tap-1", note="Kết luận 114", known_documents=known
    )
    assert "documents.yaml" not in saved.files
    catalog = danvan.load(data_copy)
    visit = catalog.visits.filter(catalog.visits["source_id"] == "ht-so-ket")
    assert visit["documents"].to_list() == [["114-KL/TW"]]


def test_a_visits_document_the_data_does_not_have_is_named_at_the_save(registry, data_copy, tmp_path):
    report = tmp_path / "so-ket.txt"
    report.write_text(
        "Ngày 20/3/2023, Ban Dân vận Tỉnh ủy Hà Tĩnh tổ chức Hội nghị sơ kết 3 năm thực hiện Kết luận số 114-KL/TW "
        "của Ban Bí thư.\n",
        encoding="utf-8",
    )
    entry = q.enqueue(report, registry, load_indicators(data_copy), tmp_path / "queue", province="42")
    q.decide(entry, {"visits/0": "accepted"}, {"visits/0": {"documents": ["114-KL/TW", "99-NQ/TW"]}})
    before = (data_copy / "visits.yaml").read_bytes()
    with pytest.raises(DataError) as err:
        q.accept(entry, SourceEntry("ht-so-ket"), data_copy, author="bien-tap-1", note="thử")
    found = q.problem_items(entry, [p for p in err.value.problems if p.severity == "error"])
    assert list(found) == ["visits/0"] and "99-NQ/TW" in found["visits/0"][0].message
    assert (data_copy / "visits.yaml").read_bytes() == before


def test_a_visit_edited_to_another_day_or_province_gets_the_id_they_make(registry, tmp_path):
    """An event added with Hà Nội chosen by mistake, then set to Hà Tĩnh: its id follows ("v-…-ha-noi" was saved;
    from a curator's walk-through). An id the curator typed is kept."""
    report = tmp_path / "tong-ket.txt"
    report.write_text("Ngày 15/12/2023, Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023.\n", encoding="utf-8")
    entry = q.enqueue(report, registry, load_indicators(ROOT / "data"), tmp_path / "queue")
    fields = {"quote": "Ngày 15/12/2023, Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023."}
    fields |= {"date_start": "2023-12-15", "kind": "hoi_nghi", "body": "Ban Dân vận", "body_level": "province"}
    added = q.add_item(entry, "visits", fields | {"province": "01"}, "lan", registry)
    key = f"visits/{len(added.draft().visits) - 1}"
    assert q.reviewed_rows(added)["visits"][-1]["id"] == "v-2023-12-15-ha-noi"
    moved = q.decide(added, {}, {key: {"province": "42"}}, registry)
    assert q.reviewed_rows(moved)["visits"][-1]["id"] == "v-2023-12-15-ha-tinh"
    later = q.decide(moved, {}, {key: {"date_start": "2023-12-16"}}, registry)
    assert q.reviewed_rows(later)["visits"][-1]["id"] == "v-2023-12-16-ha-tinh"
    typed = q.decide(later, {}, {key: {"province": "01", "id": "v-tong-ket-2023"}}, registry)
    assert q.reviewed_rows(typed)["visits"][-1]["id"] == "v-tong-ket-2023"


def test_a_refused_save_names_every_item_to_change_at_once(registry, data_copy, tmp_path):
    """A value with a proposed indicator, and another moved to a province its district is not in: one try names
    both (the validator's problem came only after the first was mended; from a curator's walk-through)."""
    sheet = tmp_path / "ha-tinh-2023.csv"
    sheet.write_text(
        "SỐ LIỆU CÔNG TÁC DÂN VẬN TỈNH HÀ TĨNH NĂM 2023,,\n"
        "Đơn vị,Mô hình “Dân vận khéo” được công nhận,Số cuộc đối thoại với Nhân dân\n"
        "Huyện Hương Sơn,11,22\nHuyện Đức Thọ,12,23\n",
        encoding="utf-8",
    )
    entry = q.enqueue(sheet, registry, load_indicators(data_copy), tmp_path / "queue", province="42")
    rows = q.reviewed_rows(entry)["observations"]
    proposed = [i for i, r in enumerate(rows) if r["indicator"].startswith("new:")]
    known = [i for i, r in enumerate(rows) if not r["indicator"].startswith("new:")]
    assert proposed and known
    _accept_all(entry)
    q.decide(entry, {}, {f"observations/{known[0]}": {"province": "40"}})  # Hương Sơn under Nghệ An
    before = (data_copy / "observations.yaml").read_bytes()
    with pytest.raises(DataError) as err:
        q.accept(entry, SourceEntry("ht2023"), data_copy, author="bien-tap-1", note="thử")
    items = q.problem_items(entry, [p for p in err.value.problems if p.severity == "error"])
    assert set(items) == {f"observations/{i}" for i in (*proposed, known[0])}
    assert all(p.field == "indicator" for i in proposed for p in items[f"observations/{i}"])
    assert [p.field for p in items[f"observations/{known[0]}"]] == ["district"]
    assert (data_copy / "observations.yaml").read_bytes() == before
    assert not (data_copy / "sources" / "ht2023.csv").exists()  # the original placed for the check is removed


def test_a_value_the_draft_could_not_place_is_added_and_saved(registry, data_copy, tmp_path):
    """A curator's walk-through: a table row whose place the draft did not know had no item, and the add form took
    only events and documents, so its figures could not be entered from the queue. Now a value is added with its
    row as the quote (checked like any quote), accepted and saved."""
    table = tmp_path / "bac-kan.csv"
    table.write_text(
        "Năm 2023,\nĐơn vị,Mô hình “Dân vận khéo” được công nhận\nHuyện Ba Bể,7\nXóm Bản Mới,5\n", encoding="utf-8"
    )
    entry = q.enqueue(table, registry, load_indicators(data_copy), tmp_path / "queue", province="06")
    assert entry.problems == ["bac-kan.csv › CSV › hàng 4: không nhận ra địa danh “Xóm Bản Mới”."]
    fields = {"indicator": "dvk_models_recognized", "province": "06", "district": "Ba Bể", "period": "2023"}
    with pytest.raises(ValueError, match="Cần điền: Giá trị"):
        q.add_item(entry, "observations", fields | {"quote": "Xóm Bản Mới | 5"}, "lan")
    added = q.add_item(entry, "observations", fields | {"value": 5, "quote": "Xóm Bản Mới | 5"}, "lan")
    row = q.reviewed_rows(added)["observations"][-1]
    assert (row["id"], row["decision"], row["value"]) == ("o-dvk-models-recognized-2023-5", "accepted", 5)
    q.decide(added, {"observations/0": "rejected"})
    q.accept(added, SourceEntry("bk2023"), data_copy, author="bien-tap-1", note="hàng xóm Bản Mới")
    catalog = danvan.load(data_copy)
    saved = catalog.observations.filter(catalog.observations["source_id"] == "bk2023")
    assert saved.select("observation_id", "district", "value", "quote").rows() == [
        ("o-dvk-models-recognized-2023-5", "Ba Bể", 5, "Xóm Bản Mới | 5")
    ]


def test_the_values_proposing_a_new_indicator_are_rejected_with_one_press(app_entry, monkeypatch, registry, tmp_path):
    """The thirty-eighth session's curation: of 53 drafted values proposing an indicator ("new: khu phố"), 52 were
    rejected, one L each. One button rejects those not decided yet and leaves every other item as it was."""
    _, (entry,) = queued([ARTICLES / "p42.txt"], registry, tmp_path, monkeypatch)
    assert [o.indicator for o in entry.draft().observations] == [
        "dvk_models_effective",
        "dvk_models_active",
        "new:điển hình",
    ]
    at = open_queue(app_entry, tmp_path, monkeypatch)
    button = at.button(key=f"queue_reject_proposed_{entry.id}")
    assert button.label == "Loại 1 số liệu có chỉ tiêu chưa có trong danh mục"
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert q.read_entry(entry.folder).decisions == {"observations/2": "rejected"}
    assert "Đã loại 1 số liệu." in [s.value for s in at.success]
    assert not [b for b in at.button if b.key == f"queue_reject_proposed_{entry.id}"]  # none left to reject
    # the card stays on the first item still to decide
    assert "**Mục 1/4 · Sự kiện trích được** — chưa duyệt" in [m.value for m in at.markdown]
