"""The curator and audit pages: people sign in with their own accounts (throttled, expiring, signed out), nothing that
writes is rendered before, every save names its author and a required note, and admins read the audit log."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import polars as pl
import pytest
import yaml
from conftest import needs_ocr, page_picture, scanned_report
from streamlit.testing.v1 import AppTest

import danvan
from components import cached, keys, ui
from danvan import accounts, audit, ocr, store
from danvan.ingest import load_indicators, load_registry
from danvan.ingest.drafts import REVIEW_COLUMNS, review_rows
from danvan.ingest.readers import read_document
from danvan.ingest.tables import extract_document

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "tests" / "fixtures" / "ingest" / "files"
ARTICLE = (ROOT / "data" / "sources" / "a16.txt").read_text(encoding="utf-8")
CURATOR, ADMIN = ("lan", "mật-khẩu-dài-123"), ("quantri", "quản-trị-viên-9")


@pytest.fixture
def entry(tmp_path) -> Path:
    folder = tmp_path / "entry"
    folder.mkdir()
    shutil.copy(ROOT / "app.py", folder / "app.py")
    return folder / "app.py"


@pytest.fixture
def book(tmp_path, monkeypatch) -> Path:
    """A temporary accounts file (the env var accounts_path reads), and a fresh sign-in throttle."""
    path = tmp_path / "curators.toml"
    accounts.add(path, *CURATOR, "curator", "Nguyễn Thị Lan")
    accounts.add(path, *ADMIN, "admin", "Trần Quản Trị")
    monkeypatch.setenv("DANVAN_CURATORS", str(path))
    cached.throttle.clear()
    yield path
    cached.throttle.clear()


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("geo", "history"))
    monkeypatch.setenv("DANVAN_DATA", str(folder))
    return folder


def open_page(entry: Path, page: str) -> AppTest:
    at = AppTest.from_file(str(entry), default_timeout=60)
    at.switch_page(str(ROOT / "pages" / f"{page}.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    next(b for b in at.button if b.label == "Đăng nhập").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, name: str, raw: bytes, mime: str) -> AppTest:
    """A file given to Nhập liệu's uploader, and its draft extracted."""
    at.get("file_uploader")[0].set_value((name, raw, mime))
    return next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()


def save(at: AppTest, note: str) -> AppTest:
    """The draft saved through the validate-then-write path, with the curator's required note."""
    at.text_input(key="curate_note").input(note)
    return next(b for b in at.button if b.label == "Kiểm tra toàn bộ dữ liệu và lưu").click().run()


def shown(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "error", "success", "title")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


def writes(at: AppTest) -> list:
    """Every control that writes or uploads."""
    return [*at.get("file_uploader"), *at.text_area, *(b for b in at.button if b.label.startswith("Kiểm tra"))]


def test_without_accounts_it_says_how_to_create_one(entry, tmp_path, monkeypatch):
    monkeypatch.setenv("DANVAN_CURATORS", str(tmp_path / "none.toml"))
    at = open_page(entry, "nhap-lieu")
    assert "python -m danvan curator add" in at.info[0].value
    assert not writes(at) and not at.text_input  # not even a sign-in form


def test_wrong_password_is_refused_and_never_echoed(entry, book):
    at = open_page(entry, "nhap-lieu")
    assert not writes(at)
    sign_in(at, "lan", "sai-mật-khẩu-đoán-bừa")
    assert at.error[0].value == "Không đăng nhập được: tên đăng nhập hoặc mật khẩu không đúng."
    assert not writes(at)
    assert at.text_input(key="auth_password").value == ""  # the form is cleared: the secret is not kept
    assert "sai-mật-khẩu-đoán-bừa" not in shown(at)
    # the same message for an account that does not exist
    sign_in(at, "khong-co", CURATOR[1])
    assert at.error[0].value == "Không đăng nhập được: tên đăng nhập hoặc mật khẩu không đúng."


def test_a_locked_account_is_refused_even_with_the_right_password(entry, book):
    throttle = cached.throttle()
    for _ in range(throttle.lockout_after):  # as many failures as the lockout needs, a moment ago
        throttle.failed("lan", "other-client", dt.datetime.now())
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    assert "tạm khóa do đăng nhập sai nhiều lần: hãy thử lại sau 15 phút" in at.error[0].value
    assert not writes(at)
    assert sign_in(at, *ADMIN).get("file_uploader")  # another account from this client is not locked


def test_growing_delay_after_failures(entry, book):
    at = open_page(entry, "nhap-lieu")
    now = dt.datetime.now()
    for _ in range(cached.throttle().free):
        cached.throttle().failed("lan", "local", now)
    sign_in(at, *CURATOR)
    assert at.error[0].value.startswith("Không đăng nhập được: đăng nhập sai: hãy thử lại sau")
    assert not writes(at)


def test_curator_extracts_edits_and_saves_with_a_note(entry, book, data):
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    assert "Đã đăng nhập: Nguyễn Thị Lan (biên tập viên)" in shown(at)
    assert at.get("file_uploader")  # the uploader appears only now
    at.text_area(key="curate_paste").input(ARTICLE)
    at.text_input(key="curate_published").input("30/12/2023")
    at.selectbox(key="curate_province").set_value("06")
    next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()
    assert not at.exception
    values = at.data_editor[0].value  # the observations drafted from the article, typed the Vietnamese way
    assert at.text_input(key="curate_published_value").value == "30/12/2023"  # a date as every date box writes it
    assert {"202", "279"}.issubset(set(values["value"].tolist()))
    assert ":orange-background[" in "\n".join(m.value for m in at.markdown)  # quoted passages highlighted
    before = danvan.load(data).observations.height
    next(b for b in at.button if b.label == "Kiểm tra toàn bộ dữ liệu và lưu").click().run()  # no note: refused
    assert at.warning[-1].value == "Hãy ghi lý do lưu trước khi lưu."
    assert danvan.load(data).observations.height == before and audit.entries(data) == ([], [])
    save(at, "Bài Báo Bắc Kạn 30/12/2023")
    # the 279 registered models of 2023 are in the data already (a16): refused by name, nothing written (a curator's
    # walk-through: a report saved again wrote its values a second time)
    said = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert at.error[0].value == "Chưa lưu gì: dữ liệu mới có 1 lỗi." and len(said) == 1, said
    assert said[0].startswith("- Số liệu trích được — Mô hình, điển hình “Dân vận khéo” được đăng ký, 279\\: ")
    assert "(a16\\)" in said[0] and danvan.load(data).observations.height == before
    held = values["value"].tolist().index("279")
    at.session_state["curate_observations"] = {
        "edited_rows": {held: {"keep": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    next(b for b in at.button if b.label == "Kiểm tra toàn bộ dữ liệu và lưu").click().run()
    assert not at.exception
    assert at.success, [e.value for e in at.error] + [m.value for m in at.markdown if m.value.startswith("- ")]
    # the article is a16's stored text: what it adds goes under a16, not a second source (a curator's walk-through)
    assert at.text_input(key="curate_source_id").value == "a16"
    after = danvan.load(data)
    assert after.sources.height == danvan.load(ROOT / "data").sources.height and after.observations.height > before
    assert not (data / "sources" / "n01.txt").exists()
    (logged,), broken = audit.entries(data)
    assert not broken and logged.author == "lan" and logged.note == "Bài Báo Bắc Kạn 30/12/2023"
    assert "sources.yaml" not in logged.files and logged.files["observations.yaml"]["added"]
    new = after.observations.filter(
        after.observations["observation_id"].is_in(logged.files["observations.yaml"]["added"])
    )
    assert set(new["source_id"]) == {"a16"} and 279 not in new["value"].to_list()


def test_text_pasted_out_of_a_tcvn3_file_is_drafted_in_unicode(entry, book):
    """Copied out of a Word file typed in .VnTime, a report pastes as the letters the font redraws ("D©n vËn")."""
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    at.text_area(key="curate_paste").input(
        "Cã 202 m« h×nh “D©n vËn khÐo” ®\xadîc c«ng nhËn trong n¨m 2023. N¨m 2023, toµn thµnh phè B¾c K¹n cã tæng "
        "sè 279 m« h×nh “D©n vËn khÐo” ®\xadîc ®¨ng ký thùc hiÖn."
    )
    next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()
    assert not at.exception
    found = at.session_state["curate_draft"]
    assert found["text"].startswith("Có 202 mô hình “Dân vận khéo” được công nhận trong năm 2023.")
    assert sorted(o.value for o in found["draft"].observations) == [202, 279]
    assert (
        "Ghi chú của bộ trích xuất: Văn bản dán: văn bản gõ theo bảng mã TCVN3 (ABC, phông .VnTime) đã được chuyển "
        "sang Unicode; trích dẫn lấy theo bản đã chuyển — người nhập đối chiếu với tệp gốc."
        in [c.value.replace("\\", "") for c in at.caption]  # as the page shows it, markdown's escapes aside
    )


def test_the_articles_link_names_the_outlets_province_and_fills_the_source_link(entry, book):
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    at.text_area(key="curate_paste").input("Sáng 5/6/2024, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết dân vận.")
    at.text_input(key="curate_link").input("https://baolamdong.vn/chinhtri/202406/so-ket.html")
    next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()
    assert not at.exception
    assert at.text_input(key="curate_url").value == "https://baolamdong.vn/chinhtri/202406/so-ket.html"
    draft = at.session_state["curate_draft"]["draft"]
    assert draft.source.province_note == (
        "Bài không nêu tên tỉnh: lấy theo nơi đăng bài (suy ra từ địa chỉ trang “baolamdong.vn”)."
    )
    assert [(v.province, v.date_start) for v in draft.visits] == [("68", "2024-06-05")]
    assert "68" in at.data_editor[0].value["province"].tolist()  # the visits' table the curator edits
    # no document, no value: each empty heading says so
    assert [c.value for c in at.caption].count("Không tìm thấy trong bài.") == 2


def _without_the_workbooks_figures(data: Path) -> None:
    """The intake fixtures hold figures of the curated data itself (scripts/make_intake_fixtures.py): taken out of
    this copy, so that the workbook brings them in for the first time (a save refuses figures the data holds)."""
    registry = load_registry(data)[0]
    draft = extract_document(read_document(FILES / "bao-cao-2023.xlsx"), registry, indicators=load_indicators(data))
    drafted = {
        (r["indicator"], float(r["value"])) for r in review_rows(draft.observations, REVIEW_COLUMNS["observations"])
    }
    path = data / "observations.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = [r for r in records if (r["indicator"], float(r["value"])) not in drafted]
    path.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_an_old_workbook_typed_in_tcvn3_is_uploaded_and_saved_in_unicode(entry, book, data):
    """Excel 97-2003 in .VnTime, as many provincial offices keep their tables: the page says the text was converted,
    the curator sees Unicode, and the save keeps the .xls whole for its cells."""
    _without_the_workbooks_figures(data)
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    raw = (FILES / "bao-cao-2023-vntime.xls").read_bytes()
    upload(at, "bao-cao-2023-vntime.xls", raw, "application/vnd.ms-excel")
    assert not at.exception and not at.error, [e.value for e in at.error]
    notes = [c.value.replace("\\", "") for c in at.caption]
    assert any("16 ô gõ theo bảng mã TCVN3 (ABC, phông .VnTime) đã được chuyển sang Unicode" in n for n in notes)
    assert at.text_input(key="curate_title").value == "KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2023"
    assert {"202", "279", "40.766"}.issubset(set(at.data_editor[0].value["value"].tolist()))
    save(at, "Báo cáo năm 2023 (Excel 97-2003)")
    assert at.success, [e.value for e in at.error] + [m.value for m in at.markdown if m.value.startswith("- ")]
    saved = danvan.load(data).observations.filter(pl.col("source_id") == "n01")
    assert (data / "sources" / "n01.xls").read_bytes() == raw and saved.height == 11
    assert saved["quote"].str.starts_with("Bảng n01.xls › Năm 2023 › ô ").all()
    assert "Thành phố Bắc Kạn | 202 | 279" in (data / "sources" / "n01.txt").read_text(encoding="utf-8")


def test_a_photo_is_shown_beside_its_recognised_text(entry, book):
    """A curator checks what OCR read against the picture: the page shows the photo beside the text it drafted from."""
    needs_ocr()
    photo = page_picture(["Có 202 mô hình “Dân vận khéo” được công nhận trong năm 2023."], "JPEG")
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    upload(at, "anh-chup.jpg", photo, "image/jpeg")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Bản gốc (1 ảnh): đối chiếu chữ nhận dạng bên cạnh với ảnh" in [c.value for c in at.caption]
    assert len(at.get("image")) == 1
    assert any("202" in m.value and "Dân vận khéo" in m.value for m in at.markdown)  # the recognised sentence beside
    assert at.data_editor[0].value["value"].tolist() == ["202"]


def test_a_scanned_table_is_saved_with_the_workbook_of_its_cells(entry, book, data):
    """A signed report scanned with its table: the page shows the scan beside what was read, drafts the table's
    values with their cells, and saves the cells as read (a workbook, a sheet a table) for the validator to check."""
    needs_ocr()
    _without_the_workbooks_figures(data)
    scan = scanned_report()
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    upload(at, "bao-cao-quet.pdf", scan, "application/pdf")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert len(at.get("image")) == 1  # the scan, beside the text
    values = at.data_editor[0].value
    assert values[["value", "cell"]].values.tolist() == [
        ["279", "bao-cao-quet.pdf#Bảng 1!C3"],
        ["202", "bao-cao-quet.pdf#Bảng 1!D3"],
    ]
    save(at, "Báo cáo năm 2023 (bản quét)")
    assert at.success, [e.value for e in at.error] + [m.value for m in at.markdown if m.value.startswith("- ")]
    saved = danvan.load(data).observations.filter(pl.col("source_id") == "n01").sort("value")
    assert saved["value"].to_list() == [202, 279] and not (data / "sources" / "n01.pdf").exists()
    assert saved["quote"].str.starts_with("Bảng n01.xlsx › Bảng 1 › ô ").all()
    assert read_document(data / "sources" / "n01.xlsx").tables[0].rows[0][2].text == "279"


def test_a_word_report_whose_table_repeats_its_text_saves_as_drafted(entry, book, data):
    """A Word report gives two figures in its text and again in its table: a walk-through found all four ticked and
    the save refused (“cùng chỉ tiêu, nơi, kỳ và giá trị với mục 2/13”). The cells repeating a sentence come unticked,
    and the report saves as drafted, each figure once, the sentences at the city their row names."""
    _without_the_workbooks_figures(data)
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    raw = (FILES / "bao-cao-2023.docx").read_bytes()
    upload(at, "bao-cao-2023.docx", raw, "application/octet-stream")
    values = at.data_editor[0].value
    unticked = values[~values["keep"]]
    assert unticked[["value", "cell"]].values.tolist() == [
        ["202", "bao-cao-2023.docx#Bảng 1!C2"],
        ["279", "bao-cao-2023.docx#Bảng 1!D2"],
    ]
    save(at, "Báo cáo năm 2023 (Word)")
    assert at.success, [e.value for e in at.error] + [m.value for m in at.markdown if m.value.startswith("- ")]
    saved = danvan.load(data).observations.filter(pl.col("source_id") == "n01")
    assert saved.height == 11 and saved["value"].to_list().count(202) == 1
    assert saved.filter(pl.col("value") == 202).select("district", "quote").row(0) == (
        "Bắc Kạn",
        "Có 202 mô hình “Dân vận khéo” được công nhận trong năm 2023.",
    )


def test_a_libreoffice_spreadsheet_upload_is_saved_with_its_original_and_cells(entry, book, data):
    """LibreOffice's .ods (it was refused with how to save it as .xlsx): drafted, saved with the file kept whole as
    the cells' original, and each value read back from its cell by the validator."""
    _without_the_workbooks_figures(data)
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    raw = (ROOT / "tests" / "fixtures" / "ingest" / "files" / "bao-cao-2023.ods").read_bytes()
    upload(at, "bao-cao-2023.ods", raw, "application/octet-stream")
    assert not at.exception and not at.error, [e.value for e in at.error]
    save(at, "Báo cáo năm 2023 (LibreOffice)")
    assert at.success, [e.value for e in at.error] + [m.value for m in at.markdown if m.value.startswith("- ")]
    saved = danvan.load(data).observations.filter(pl.col("source_id") == "n01")
    assert saved.height == 11 and (data / "sources" / "n01.ods").read_bytes() == raw
    assert saved["quote"].str.starts_with("Bảng n01.ods › Năm 2023 › ô ").all()
    assert {40_766.0, 78.3, 202.0}.issubset(set(saved["value"].to_list()))


def test_an_excel_upload_is_saved_with_its_original_and_cells(entry, book, data):
    _without_the_workbooks_figures(data)
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    raw = (ROOT / "tests" / "fixtures" / "ingest" / "files" / "bao-cao-2023.xlsx").read_bytes()
    upload(at, "bao-cao-2023.xlsx", raw, "application/octet-stream")
    assert not at.exception and not at.error, [e.value for e in at.error]
    values = at.data_editor[0].value
    assert {"202", "279", "40.766", "78,3"}.issubset(set(values["value"].tolist()))
    save(at, "Báo cáo năm 2023 (Excel)")
    assert at.success, (
        [e.value for e in at.error]
        + [c.value for c in at.code]
        + [m.value for m in at.markdown if m.value.startswith("- ")]
    )
    saved = danvan.load(data).observations.filter(pl.col("source_id") == "n01")
    assert saved.height and (data / "sources" / "n01.xlsx").read_bytes() == raw  # the cells' file, kept whole
    assert saved["quote"].str.starts_with("Bảng n01.xlsx › Năm 2023 › ô ").all()  # each value shows its cell
    assert {40_766.0, 78.3, 202.0}.issubset(set(saved["value"].to_list()))  # read back from "40.766", "78,3"
    # a cell is shown where a quote would be, but not as a quotation (a curator's walk-through: “Bảng n02.xlsx › …”)
    profile = AppTest.from_file(str(entry), default_timeout=60)
    profile.query_params["tinh"] = "06"
    profile.switch_page(str(ROOT / "pages" / "ho-so-tinh.py"))
    profile.run()
    cells = [m.value for m in profile.main.markdown if "› ô " in m.value]
    assert cells and all(c.startswith("> Bảng n01") for c in cells), cells
    # and Nguồn lists the values it read from cells, which have no passage to colour
    sources = AppTest.from_file(str(entry), default_timeout=60)
    sources.query_params["nguon"] = "n01"
    sources.switch_page(str(ROOT / "pages" / "nguon.py"))
    sources.run()
    shown = [m.value.replace("\\", "") for m in sources.main.markdown]
    assert f"**{saved.height} số liệu đọc từ ô bảng của tệp gốc**" in shown
    listed = next(m for m in shown if m.startswith("- ") and " — Bảng n01.xlsx › Năm 2023 › ô " in m)
    assert listed.count("\n- ") == saved.height - 1 and "**40.766**" in listed
    # each with the place of its row (a curator's walk-through: five "ô C3 …" lines and no district named)
    assert (
        listed.startswith(
            "- thành phố Bắc Kạn — Bảng n01.xlsx › Năm 2023 › ô C4 — cột “Mô hình “Dân vận khéo” được công nhận”: "
            "**202**\n"
        )
        and "\n- huyện Lâm Hà — Bảng n01.xlsx › Năm 2023 › ô E5 — " in listed
    ), listed
    # the same report uploaded again is said to be saved, before a second save repeats every item (a walk-through)
    upload(at, "bao-cao-2023 (1).xlsx", raw, "application/octet-stream")
    assert [w.value for w in at.warning][:1] == [
        "Văn bản này đã được lưu trong dữ liệu (nguồn n01): lưu lại sẽ trùng mọi mục. Chỉ thêm những mục lần trước "
        "bỏ sót, dưới đúng mã nguồn n01."
    ]
    # the same file saved anyway: one plain sentence, not each id's clash twice over (a curator's walk-through: 44
    # raw lines)
    upload(at, "bao-cao-2023.xlsx", raw, "application/octet-stream")
    save(at, "lưu lại")
    assert [e.value for e in at.error] == [
        f"Chưa lưu gì: {saved.height} mục đã có trong dữ liệu với cùng mã, từ nguồn “Kết quả công tác dân vận năm "
        "2023” (n01) — bài này đã được lưu. Bỏ chọn các mục đó để chỉ lưu phần còn thiếu."
    ], [e.value for e in at.error] + [m.value for m in at.main.markdown if m.value.startswith("- ")]
    assert danvan.load(data).observations.filter(pl.col("source_id") == "n02").is_empty()


def test_a_busy_lock_is_said_clearly(entry, book, data, monkeypatch):
    def busy(*args, **kwargs):
        raise store.LockBusy([danvan.Problem("history/.lock", "", "", "một lần lưu khác đang giữ khóa dữ liệu")])

    monkeypatch.setattr(store, "save", busy)
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    at.text_area(key="curate_paste").input(ARTICLE)
    next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()
    held = at.data_editor[0].value["value"].tolist().index("279")  # in the data already: refused before any lock
    at.session_state["curate_observations"] = {
        "edited_rows": {held: {"keep": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    save(at, "thử")
    assert at.error[-1].value.startswith("Chưa lưu: dữ liệu đang được một lần lưu khác giữ. một lần lưu khác")


def test_sign_out_and_expiry_hide_every_write_control(entry, book):
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    assert at.get("file_uploader")
    next(b for b in at.button if b.label == "Đăng xuất").click().run()
    assert not writes(at) and at.text_input(key="auth_password")
    assert keys.ACCOUNT not in at.session_state
    sign_in(at, *CURATOR)
    at.session_state[keys.SEEN] = dt.datetime.now() - accounts.SESSION_IDLE - dt.timedelta(seconds=1)
    at.run()
    assert not writes(at)
    assert at.info[0].value == "Phiên làm việc đã hết hạn sau 30 phút không hoạt động; hãy đăng nhập lại."


def test_a_removed_account_is_signed_out(entry, book):
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    accounts.remove(book, "lan")
    at.run()
    assert not writes(at)


def test_viewers_and_curators_do_not_see_the_audit(entry, book, data):
    store.save(
        data,
        {"sources": [{"id": "n01", "title": "Bài thử"}]},
        {"n01": "Một bài.\n"},
        author="lan",
        note="ghi chú bí mật của biên tập",
    )
    at = open_page(entry, "nhat-ky")
    assert not at.dataframe and not at.get("download_button")
    assert "ghi chú bí mật" not in shown(at) and "Trang này chỉ dành cho quản trị viên." in shown(at)
    sign_in(at, *CURATOR)
    assert at.warning[0].value == "Tài khoản lan (biên tập viên) không được mở trang này."
    assert not at.dataframe and not at.get("download_button")


def test_admin_reads_filters_and_exports_the_audit(entry, book, data):
    store.save(
        data,
        {"sources": [{"id": "n01", "title": "Bài thử"}]},
        {"n01": "Một bài.\n"},
        author="lan",
        note="bài một",
        now=dt.datetime(2026, 3, 5, 9, 7),
    )
    store.save(
        data,
        {"sources": [{"id": "n02", "title": "Bài hai"}]},
        {"n02": "Bài hai.\n"},
        author="quantri",
        note="bài hai",
        now=dt.datetime(2026, 3, 6, 14, 30),
    )
    at = sign_in(open_page(entry, "nhat-ky"), *ADMIN)
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Thời điểm",
        "Người lưu",
        "Lý do",
        "Tệp",
        "Bản ghi thêm",
        "Bản ghi sửa",
        "Bản ghi xóa",
        "Mã lần lưu",
    ]
    assert table["Thời điểm"].tolist()[:1] == ["06/03/2026 14:30"]  # newest first, dd/mm/yyyy HH:MM
    assert set(table["Người lưu"]) == {"lan", "quantri"}
    at.selectbox(key="audit_author").set_value("lan").run()
    table = at.dataframe[0].value
    assert set(table["Người lưu"]) == {"lan"} and set(table["Lý do"]) == {"bài một"}
    assert "05/03/2026 09:07" in table["Thời điểm"].tolist()
    assert at.get("download_button")[0].proto.label == "Tải nhật ký (CSV)"
    people = at.dataframe[1].value  # the accounts, read-only, never a hash
    assert people["Tên đăng nhập"].tolist() == ["lan", "quantri"]
    assert people["Vai trò"].tolist() == ["biên tập viên", "quản trị viên"]
    assert "argon2" not in people.to_string()


# ---------------------------------------------------------------- an identity provider (st.login), uploads

OIDC = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "danvan",
    "client_secret": "y" * 16,
    "server_metadata_url": "https://id.example/.well-known/openid-configuration",
}


def open_with_provider(entry: Path, user: dict) -> AppTest:
    at = AppTest.from_file(str(entry), default_timeout=60)
    at.secrets["auth"] = OIDC
    at.user = user
    at.switch_page(str(ROOT / "pages" / "nhap-lieu.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_provider_is_offered_and_its_email_maps_to_a_role(entry, book):
    accounts.add(book, "hoa", None, "curator", "Lê Hoa", email="hoa@tinh.gov.vn")
    out = open_with_provider(entry, {"is_logged_in": False})
    assert [b.label for b in out.button][:1] == ["Đăng nhập bằng tài khoản cơ quan"] and not writes(out)
    inside = open_with_provider(entry, {"is_logged_in": True, "email": "Hoa@tinh.gov.vn", "email_verified": True})
    assert "Đã đăng nhập: Lê Hoa (biên tập viên)" in shown(inside) and inside.get("file_uploader")


@pytest.mark.parametrize(
    "user",
    [
        {"is_logged_in": True, "email": "la@tinh.gov.vn"},
        {"is_logged_in": True, "email": "hoa@tinh.gov.vn", "email_verified": False},
    ],
)
def test_a_provider_user_without_an_account_gets_no_write_control(entry, book, user):
    accounts.add(book, "hoa", None, "curator", email="hoa@tinh.gov.vn")
    at = open_with_provider(entry, user)
    assert not writes(at)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Tệp “bai.txt” không dùng được: tệp trống (0 byte): không có gì để đọc; hãy chọn tệp có nội dung."),
        (
            b"MZ\x90\x00" + bytes(64),
            "Tệp “bai.txt” không dùng được: loại tệp không được nhận (chương trình chạy được); "
            "chỉ nhận: txt, csv, pdf, docx, xlsx, xls, doc, odt, ods, png, jpg, tif.",
        ),
    ],
)
def test_a_refused_upload_says_why(entry, book, content, message):
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    upload(at, "../../bai.txt", content, "text/plain")
    assert [e.value.replace("\\", "") for e in at.error] == [message]  # as shown: without markdown escapes


def test_a_file_of_no_kind_taken_is_refused_by_the_page_in_vietnamese(entry, book):
    """A curator's walk-through: the uploader's own check of a file's kind refused anh.png with an English tooltip
    only ("image/png files are not allowed."), and the page then said "Chưa có nội dung bài viết". The uploader takes
    any file now; the page reads it by its content and says why, in words (a picture is read by OCR now, so a file of
    another kind stands in for it; a damaged picture is said to be damaged)."""
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    uploader = at.get("file_uploader")[0]
    assert list(uploader.proto.type) == []  # no kind Streamlit would refuse on its own, in English
    uploader.set_value(("anh.gif", b"GIF89a" + bytes(64), "image/gif"))
    next(b for b in at.button if b.label == "Trích xuất bản nháp").click().run()
    assert [e.value.replace("\\", "") for e in at.error] == [
        "Tệp “anh.gif” không dùng được: loại tệp không được nhận (ảnh GIF; hãy lưu ảnh dạng PNG hoặc JPEG); chỉ nhận: "
        "txt, csv, pdf, docx, xlsx, xls, doc, odt, ods, png, jpg, tif."
    ]
    if ocr.available():
        upload(at, "anh.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        assert [e.value.replace("\\", "") for e in at.error] == [
            "anh.png: tệp ảnh PNG bị hỏng hoặc không trọn vẹn nên không đọc được; hãy mở tệp gốc bằng phần mềm đã tạo "
            "ra nó rồi lưu (hoặc xuất PDF) lại"
        ]


def test_a_utf16_upload_is_read_as_text(entry, book):
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    upload(at, "bai.txt", ARTICLE.encode("utf-16"), "text/plain")
    assert not at.error and {"202", "279"}.issubset(set(at.data_editor[0].value["value"].tolist()))


def test_a_publication_date_that_is_no_date_is_said(entry, book, data):
    at = sign_in(open_page(entry, "nhap-lieu"), *CURATOR)
    at.text_input(key="curate_published").input("2023-13-45").run()
    assert "Ngày đăng: “2023\\-13\\-45” không phải là ngày (viết như 25/04/2024, 04/2024 hoặc 2024)." in [
        w.value for w in at.warning
    ]


def test_a_quote_over_a_line_break_is_highlighted_on_each_of_its_lines():
    """A sentence hard-wrapped in a PDF or a recognised scan is quoted with its line break: it was found in no line and
    highlighted nowhere (seen on the queue card of a photographed page). Quotes are found with whitespace folded, and
    the lines the extractor reads as one paragraph are shown as one."""
    text = (
        "Có 202 mô hình “Dân vận khéo” được công nhận.\n"
        "Năm 2023, thành phố có 279 mô hình “Dân vận khéo”\n"
        "được  đăng ký thực hiện.\n\n  Hết.  "
    )
    quote = "279 mô hình “Dân vận khéo”\nđược đăng ký"
    p, hit = ui.plain, lambda s: f":orange-background[{ui.plain(s)}]"
    assert ui.highlighted(text, [quote]) == [
        (p("Có 202 mô hình “Dân vận khéo” được công nhận."), False),
        (
            p("Năm 2023, thành phố có ")
            + hit("279 mô hình “Dân vận khéo”")
            + " "
            + hit("được đăng ký")
            + p(" thực hiện."),
            True,
        ),
        (p("Hết."), False),
    ]
    assert [hit for _, hit in ui.highlighted(text, ["Không có trong bài"])] == [False] * 3
