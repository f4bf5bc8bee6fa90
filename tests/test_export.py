import datetime as dt
import io
import zipfile

from danvan.exports import tables as export
from danvan.filter import Filter


def test_tables_have_vietnamese_headers_and_real_types(catalog):
    sheets = export.tables(catalog, Filter(provinces=("20",)))
    visits = sheets["Sự kiện"]
    assert visits.columns[:4] == ["Ngày", "Loại", "Cấp", "Cơ quan"]
    assert visits.row(0)[:3] == (dt.date(2024, 4, 25), "Khảo sát", "Trung ương")
    values = sheets["Số liệu chỉ tiêu"]
    assert "Giá trị" in values.columns and values.schema["Giá trị"].is_float()


def test_csv_has_bom_and_vietnamese_dates(catalog):
    sheets = export.tables(catalog, Filter(provinces=("20",)))
    data = export.csv_bytes(sheets["Sự kiện"])
    assert data.startswith(b"\xef\xbb\xbf")
    assert "25/04/2024,Khảo sát,Trung ương,Ban Dân vận Trung ương" in data.decode("utf-8-sig")


def test_excel_workbook_lists_filter_and_sources(catalog):
    sheets = export.tables(catalog, Filter(provinces=("20",)))
    data = export.excel_bytes(sheets, filter_label="Lạng Sơn; 2017–2024", version=catalog.version,
                              made=dt.date(2026, 11, 23))
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        workbook = book.read("xl/workbook.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    for name in ("Thông tin", "Sự kiện", "Số liệu chỉ tiêu", "Nguồn tin"):
        assert f'name="{name}"' in workbook
    assert "Lạng Sơn; 2017–2024" in strings and catalog.version in strings and "23/11/2026" in strings
