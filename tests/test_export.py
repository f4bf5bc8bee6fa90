import dataclasses
import datetime as dt
import io
import re
import zipfile
from types import SimpleNamespace

import openpyxl
import polars as pl
import pytest

from danvan.exports import html_file, report
from danvan.exports import tables as export
from danvan.filter import Filter
from danvan.text import web_link

LANG_SON_TITLE = "Đoàn khảo sát của Ban Dân vận Trung ương làm việc với Tỉnh ủy Lạng Sơn"
RISKY = '=HYPERLINK("https://evil.example/p","Bấm vào đây")'


def _book(catalog, flt: Filter, lang: str = "vi") -> openpyxl.Workbook:
    sheets = export.tables(catalog, flt, lang)
    data = export.excel_bytes(
        sheets, filter_label="Lạng Sơn; 2017–2024", version=catalog.version, made=dt.date(2026, 11, 23)
    )
    return openpyxl.load_workbook(io.BytesIO(data))


def _csv(catalog, flt: Filter, sheet: str) -> str:
    return export.csv_bytes(export.tables(catalog, flt)[sheet]).decode("utf-8-sig")


def test_tables_have_vietnamese_headers_and_real_types(catalog):
    sheets = export.tables(catalog, Filter(provinces=("20",)))
    visits = sheets["Sự kiện"]
    assert visits.columns[:6] == ["Ngày", "Đến ngày", "Độ chính xác của ngày", "Loại", "Cấp", "Cơ quan"]
    assert visits.row(0)[:5] == (dt.date(2024, 4, 25), None, "Ngày", "Khảo sát", "Trung ương")
    # a visit of several days keeps its last (the data table showed Hà Nam's 30–31/05/2017 as 30/05/2017)
    ha_nam = export.tables(catalog, Filter(provinces=("35",), years=(2017, 2017)))["Sự kiện"]
    assert ha_nam.select("Ngày", "Đến ngày").row(0) == (dt.date(2017, 5, 30), dt.date(2017, 5, 31))
    bac_kan = export.tables(catalog, Filter(provinces=("06",)))["Sự kiện"]
    estimated = bac_kan.filter(pl.col("Ngày") == dt.date(2020, 5, 28))  # "ghi 28/5 … là ước lượng"
    assert estimated["Độ chính xác của ngày"].to_list() == ["Ước đoán"]
    values = sheets["Số liệu chỉ tiêu"]
    assert "Giá trị" in values.columns and values.schema["Giá trị"].is_float()


def test_csv_has_bom_and_machine_readable_values(catalog):
    """Defect 16: integers without ".0", a decimal point, ISO dates, as the documented convention says."""
    sheets = export.tables(catalog, Filter(provinces=("20",)))
    data = export.csv_bytes(sheets["Sự kiện"])
    assert data.startswith(b"\xef\xbb\xbf")
    assert "2024-04-25,,Ngày,Khảo sát,Trung ương,Ban Dân vận Trung ương" in data.decode("utf-8-sig")
    values = pl.read_csv(io.BytesIO(export.csv_bytes(sheets["Số liệu chỉ tiêu"])), infer_schema=False)
    numbers = values["Giá trị"].to_list()
    assert "1145" in numbers and "81.77" in numbers and not any(v.endswith(".0") for v in numbers)
    assert "2024-04-25" in values["Kỳ (từ)"].to_list()
    files = export.csv_files(export.Tables(sheets, "Lạng Sơn", catalog.version, dt.date(2026, 11, 23)))
    assert "ISO 8601" in files["thong-tin"].decode("utf-8-sig")  # the convention travels with the files


def test_excel_numbers_dates_and_frozen_headers(catalog):
    """Defects 15, 16: numbers as numbers with locale-independent formats (Excel shows 1.145 in Vietnamese),
    dates as dates shown dd/mm/yyyy, the header row frozen, no "Column1"."""
    book = _book(catalog, Filter(provinces=("20",)))
    assert book.sheetnames == ["Thông tin", "Sự kiện", "Số liệu chỉ tiêu", "Nguồn tin"]
    about = book["Thông tin"]
    assert [c.value for c in about[1]] == ["Mục", "Giá trị"]
    assert about["B4"].value == "23/11/2026" or about["B4"].value == dt.datetime(2026, 11, 23)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(c.value and not str(c.value).startswith("Column") for c in sheet[1]), sheet.title
    values = book["Số liệu chỉ tiêu"]
    header = [c.value for c in values[1]]
    column = header.index("Giá trị") + 1
    cells = {values.cell(r, column).value: values.cell(r, column) for r in range(2, values.max_row + 1)}
    assert cells[1145].number_format == "#,##0" and cells[1145].data_type == "n"
    assert cells[81.77].number_format == "#,##0.00"
    start = values.cell(2, header.index("Kỳ (từ)") + 1)
    assert isinstance(start.value, dt.datetime) and start.number_format == "dd/mm/yyyy"
    visits = book["Sự kiện"]
    assert visits["A2"].value == dt.datetime(2024, 4, 25) and visits["A2"].number_format == "dd/mm/yyyy"
    sources = book["Nguồn tin"]
    published = [c.value for c in sources[1]].index("Ngày đăng") + 1
    assert dt.datetime(2024, 4, 25) in [sources.cell(r, published).value for r in range(2, sources.max_row + 1)]
    # the sources the rows quote, not every source of the catalog (it listed all 13 for Lạng Sơn's one)
    ids = [c.value for c in sources[1]].index("Mã nguồn") + 1
    assert [sources.cell(r, ids).value for r in range(2, sources.max_row + 1)] == ["s00"]
    # a month alone is written as the pages write it, not as ISO text beside the dates (a leader's walk-through)
    everyone = _book(catalog, Filter())["Nguồn tin"]
    dates = [everyone.cell(r, published).value for r in range(2, everyone.max_row + 1)]
    assert "12/2021" in dates and not any(isinstance(d, str) and "-" in d for d in dates)


def test_text_is_never_a_formula(catalog):
    """Issue 14 §3: a summary written as a formula stays text in Excel and is neutralised in CSV."""
    visits = export.tables(catalog, Filter(provinces=("20",)))["Sự kiện"].with_columns(
        pl.lit(RISKY).alias("Tóm tắt"), pl.lit("@SUM(A1)").alias("Cơ quan"), pl.lit("\t=1+1").alias("Loại")
    )
    data = export.excel_bytes({"Sự kiện": visits}, filter_label="+x", version="v", made=dt.date(2026, 1, 1))
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert not any("<f>" in book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/"))
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Sự kiện"]
    assert sheet["L2"].value == RISKY and sheet["L2"].data_type == "s"
    rows = pl.read_csv(io.BytesIO(export.csv_bytes(visits)), infer_schema=False)
    assert rows["Tóm tắt"][0] == "'" + RISKY and rows["Cơ quan"][0] == "'@SUM(A1)"
    assert rows["Loại"][0] == "'\t=1+1"


def test_files_flag_a_percentage_that_contradicts_its_ratio(catalog):
    """Defect 1: Lạng Sơn's "80%" (166/200 = 83%) is flagged beside the value in CSV and Excel."""
    flt = Filter(provinces=("20",))
    rows = pl.read_csv(io.StringIO(_csv(catalog, flt, "Số liệu chỉ tiêu")), infer_schema=False)
    assert rows.columns.index("Kiểm tra tỷ lệ") == rows.columns.index("Giá trị") + 1
    flagged = rows.filter(pl.col("Kiểm tra tỷ lệ").is_not_null())
    assert flagged["Giá trị"].to_list() == ["80"] and "166/200 = 83%" in flagged["Kiểm tra tỷ lệ"][0]
    sheet = _book(catalog, flt)["Số liệu chỉ tiêu"]
    column = [c.value for c in sheet[1]].index("Kiểm tra tỷ lệ") + 1
    notes = [sheet.cell(r, column).value for r in range(1, sheet.max_row + 1) if sheet.cell(r, column).value]
    assert len(notes) == 2 and "166/200 = 83%" in notes[1]


def test_files_name_sources_places_and_statuses(catalog):
    """Defects 11, 13: the source by title, publisher and date (its id kept last, to join); the city of Bắc Kạn as
    "thành phố Bắc Kạn"; "Báo cáo", never "Đã đạt"."""
    flt = Filter(provinces=("20",))
    values = pl.read_csv(io.StringIO(_csv(catalog, flt, "Số liệu chỉ tiêu")), infer_schema=False)
    assert values["Nguồn"][0].startswith(LANG_SON_TITLE) and values["Nguồn"][0].endswith("(25/04/2024)")
    assert values.columns[-1] == "Mã nguồn" and values["Mã nguồn"][0] == "s00"
    assert set(values["Tình trạng"].to_list()) <= {"Báo cáo", "Dự ước", "Chỉ tiêu (kế hoạch)"}
    assert "Báo cáo" in values["Tình trạng"].to_list()
    visits = pl.read_csv(io.StringIO(_csv(catalog, Filter(provinces=("06",)), "Sự kiện")), infer_schema=False)
    assert {"thành phố Bắc Kạn", "huyện Ba Bể"} <= set(visits["Huyện"].to_list())
    assert not any(s in {"s02", "a13"} for s in visits["Nguồn"].to_list())
    sheet = _book(catalog, flt, "en")["Indicator values"]
    status = [c.value for c in sheet[1]].index("Status") + 1
    statuses = {sheet.cell(r, status).value for r in range(2, sheet.max_row + 1)}
    assert "Reported" in statuses and statuses <= {"Reported", "Estimated", "Target (plan)"}


def test_excel_workbook_lists_filter_and_sources(catalog):
    sheets = export.tables(catalog, Filter(provinces=("20",)))
    data = export.excel_bytes(
        sheets, filter_label="Lạng Sơn; 2017–2024", version=catalog.version, made=dt.date(2026, 11, 23)
    )
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        workbook = book.read("xl/workbook.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    for name in ("Thông tin", "Sự kiện", "Số liệu chỉ tiêu", "Nguồn tin"):
        assert f'name="{name}"' in workbook
    assert "Lạng Sơn; 2017–2024" in strings and catalog.version in strings and "23/11/2026" in strings


CRAFTED = [
    "https://a.b/x) ![x](https://evil.example/p.png",
    'https://a.b/"><img src=//evil>',
    "javascript:alert(1)",
    "https://user@evil.example/",
    "//evil.example/p.png",
    "https:///nohost",
    "",
    "https://a.b/\nx",
]


@pytest.mark.parametrize("url", CRAFTED)
def test_web_link_refuses_crafted_urls(url):
    """Issue 14 §4: one check for every place that puts a source's url into Markdown or HTML."""
    assert web_link(url) is None


def test_web_link_keeps_real_urls_and_encodes_what_markup_reads():
    assert web_link("https://baobackan.org.vn") == "https://baobackan.org.vn"
    assert web_link("http://tuhn.vn/601n/ban-chi-dao?id=5&x=1#p") == "http://tuhn.vn/601n/ban-chi-dao?id=5&x=1#p"
    sneaky = web_link("https://a.b/x)![x](https://evil.example/p.png")  # legal characters, but Markdown reads them
    assert sneaky is not None and not set("()[]<>\"' ") & set(sneaky)


def _with_url(catalog, url: str):
    return dataclasses.replace(
        catalog,
        sources=catalog.sources.with_columns(
            pl.when(pl.col("source_id") == "s00").then(pl.lit(url)).otherwise(pl.col("url")).alias("url")
        ),
    )


@pytest.mark.parametrize("url", [*CRAFTED[:2], "https://a.b/x)![x](https://evil.example/p.png"])
def test_source_links_cannot_add_markup(catalog, url):
    """A crafted url adds no image or tag to the pages' Markdown (components/ui.source_line) or to the HTML brief,
    whose sources slide links each title to its source."""
    from components import ui

    crafted = _with_url(catalog, url)
    line = ui.source_line(SimpleNamespace(catalog=crafted, lang="vi"), "s00")
    assert "![" not in line and "<img" not in line and "](" not in line.replace(f"]({web_link(url)})", "")
    page = html_file.html_text(report.report(crafted, Filter(provinces=("20",)), "vi", dt.date(2026, 11, 23)))
    assert "<img src=//evil" not in page and "evil.example/p.png" not in page.replace("%28", "(").split("<a ")[0]
    assert not re.search(r"<img[^>]+evil", page) and 'href="javascript' not in page
    real = html_file.html_text(
        report.report(
            _with_url(catalog, "https://a.b/bai-viet"), Filter(provinces=("20",)), "vi", dt.date(2026, 11, 23)
        )
    )
    assert '<a href="https://a.b/bai-viet" rel="noopener noreferrer">Đoàn khảo sát của Ban Dân vận' in real


@pytest.mark.parametrize("url", ["https://user@evil.example/", 'https://a.b/"><img src=//evil>', "https:///x"])
def test_loader_refuses_a_url_the_pages_would_not_link(mini, url):
    """The loader checks urls with the same function (text.web_link) the pages and files use."""
    import danvan

    path = mini / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('  province: "44"\n', f"  province: \"44\"\n  url: '{url}'\n", 1), encoding="utf-8")
    with pytest.raises(danvan.DataError) as caught:
        danvan.load(mini)
    assert any(p.file == "sources.yaml" and p.field == "url" and p.record == "id=t2" for p in caught.value.problems)


def test_files_name_a_former_province_and_give_money_in_dong(catalog):
    """Under the 34-unit scheme a row of Bà Rịa - Vũng Tàu says so beside Hồ Chí Minh (a filtered sheet never
    credits its figures to the city), and a value in whole đồng is labelled đồng, not tỷ đồng."""
    flt = Filter(years=(2024, 2024), scheme="34")
    rows = pl.read_csv(io.StringIO(_csv(catalog, flt, "Số liệu chỉ tiêu")), infer_schema=False)
    money = rows.filter(pl.col("Giá trị") == "5000000000").row(0, named=True)
    assert (money["Tỉnh"], money["Từ chỉ mức (hơn, gần…)"], money["Đơn vị"]) == (
        "Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)",
        "gần",
        "đồng",
    )
    visits = pl.read_csv(io.StringIO(_csv(catalog, flt, "Sự kiện")), infer_schema=False)
    assert "Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)" in visits["Tỉnh"].to_list()


def test_the_sources_sheet_names_an_untitled_source_as_the_pages_do(catalog):
    """A leader's re-check: the Excel file's Nguồn tin sheet left Vạn Ninh's title empty."""
    sources = export.tables(catalog, Filter(provinces=("56",)))["Nguồn tin"]
    assert sources["Tiêu đề"].to_list() == ["Bài không có tiêu đề trên vanninh.khanhhoa.gov.vn"]
