"""Reports as they really come: Word (.docx, paragraphs and tables), PDF with a text layer, Excel (.xlsx) and CSV
tables, and plain text — read by their content (uploads.sniff), never by their name.

    >>> doc = read_document("bao-cao-2023.docx")
    >>> doc.text                    # the paragraphs, for the text extractor
    >>> doc.tables[0].headers       # per column, the header rows joined: "Mô hình “Dân vận khéo” / Đăng ký"
    >>> read_cell("data/sources/bao-cao-2023.xlsx", "Năm 2023", "C5")   # (cell text, header text) for the validator

A table cell is addressed as (stored file, sheet or "Bảng N" for the N-th table of a Word file, A1 reference).
Merged cells (Excel) read as their top-left value, so a header merged over several columns names each of them."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..text import DecodeError, decode, fold_space, nfc
from ..uploads import MAX_UPLOAD, describe, sniff
from .text import IngestError

MIN_PDF_TEXT = 40  # characters: less than this over a whole PDF is a scanned image, not a text layer
_WORD_TABLE = re.compile(r"^Bảng (\d+)$")


@dataclass(frozen=True)
class Cell:
    row: int  # 1-based, as a spreadsheet shows it
    column: int  # 1-based
    text: str

    @property
    def ref(self) -> str:
        return f"{column_letter(self.column)}{self.row}"


@dataclass
class Table:
    """One sheet of a workbook or one table of a Word file: its title, the header text of each column and its rows
    below the header."""

    file: str  # the file name, as stored beside the text sources
    name: str  # sheet name, or "Bảng N"
    title: str | None
    headers: dict[int, str]  # column → header text (header rows joined by " / ")
    rows: list[list[Cell]]  # data rows, non-empty cells only


@dataclass
class Document:
    name: str
    kind: str  # text | docx | pdf | xlsx | csv
    text: str  # paragraphs (Word, PDF, text); empty for a workbook
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def parse_ref(ref: str) -> tuple[int, int]:
    """ "C5" → (row 5, column 3)."""
    m = re.fullmatch(r"([A-Z]{1,3})(\d+)", ref.strip().upper())
    if not m:
        raise ValueError(f"ô “{ref}” không đúng dạng (cần như C5)")
    column = 0
    for ch in m.group(1):
        column = column * 26 + ord(ch) - 64
    return int(m.group(2)), column


def read_document(path: str | Path, raw: bytes | None = None, name: str | None = None) -> Document:
    """Any supported file by its content; IngestError naming the file and the reason otherwise (missing, too
    large, a renamed binary, an encrypted PDF or one without text, a damaged Word or Excel file)."""
    path = Path(path)
    name = name or path.name
    if raw is None:
        if not path.is_file():
            raise IngestError(f"{path}: không tìm thấy tệp")
        size = path.stat().st_size
        if size > MAX_UPLOAD:
            raise IngestError(f"{name}: tệp quá lớn ({size:,} byte, tối đa {MAX_UPLOAD:,})".replace(",", "."))
        raw = path.read_bytes()
    if len(raw) > MAX_UPLOAD:
        raise IngestError(f"{name}: tệp quá lớn ({len(raw):,} byte, tối đa {MAX_UPLOAD:,})".replace(",", "."))
    if not raw:
        raise IngestError(f"{name}: tệp trống")
    kind = sniff(raw)
    try:
        if kind == "docx":
            return _docx(raw, name)
        if kind == "pdf":
            return _pdf(raw, name)
        if kind == "xlsx":
            return _xlsx(raw, name)
    except IngestError:
        raise
    except Exception:  # a damaged file raises anything from deep inside its library, in its words (English)
        raise IngestError(
            f"{name}: tệp {describe(raw)} bị hỏng hoặc không trọn vẹn nên không đọc được; hãy mở tệp gốc bằng phần "
            "mềm đã tạo ra nó rồi lưu (hoặc xuất PDF) lại"
        ) from None
    if kind != "text":
        raise IngestError(
            f"{name}: không phải tệp nhận được ({describe(raw)}); chỉ nhận văn bản .txt, Word .docx, "
            "PDF có lớp chữ, Excel .xlsx hoặc bảng .csv"
        )
    try:
        text = decode(raw, name, utf16=True)
    except DecodeError as err:
        raise IngestError(str(err)) from None
    if name.lower().endswith(".csv") or _looks_csv(text):
        return Document(name, "csv", "", [_csv_table(text, name)])
    return Document(name, "text", text)


# ------------------------------------------------------------------------------------------------ formats


def _docx(raw: bytes, name: str) -> Document:
    import docx  # python-docx; imported here so that reading plain text never loads it

    document = docx.Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [_grid_table(name, f"Bảng {i}", _docx_grid(t)) for i, t in enumerate(document.tables, 1)]
    return Document(name, "docx", nfc(text), [t for t in tables if t is not None])


def _docx_grid(table: object) -> list[list[str]]:
    return [[nfc(cell.text) for cell in row.cells] for row in table.rows]  # type: ignore[attr-defined]


def _pdf(raw: bytes, name: str) -> Document:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    if reader.is_encrypted and not reader.decrypt(""):
        raise IngestError(f"{name}: PDF có mật khẩu; hãy lưu một bản không mật khẩu rồi nhập lại")
    # Layout mode keeps Vietnamese words whole (the plain mode splits "Kết" into "K ế t" for some fonts); the
    # padding it adds between columns is folded to one space.
    pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    text = "\n".join(re.sub(r"[ \t]{2,}", " ", line).strip() for page in pages for line in page.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text)
    if len(re.sub(r"\s", "", text)) < MIN_PDF_TEXT:
        raise IngestError(
            f"{name}: PDF không có lớp chữ (có lẽ là ảnh quét của {len(reader.pages)} trang); hãy "
            "dùng bản PDF xuất từ Word, hoặc nhận dạng chữ (OCR) trước khi nhập"
        )
    return Document(name, "pdf", nfc(text))


def _xlsx(raw: bytes, name: str) -> Document:
    tables, notes = [], []
    for sheet, grid, merged in _xlsx_grids(raw):
        table = _grid_table(name, sheet, grid)
        if table is not None:
            tables.append(table)
            if merged:
                notes.append(f"{name} › {sheet}: có ô gộp ở tiêu đề; mỗi cột nhận tiêu đề của ô gộp chứa nó.")
    if not tables:
        raise IngestError(f"{name}: không có bảng số liệu nào (cần một hàng tiêu đề và các hàng có số)")
    return Document(name, "xlsx", "", tables, notes)


def _xlsx_grids(raw: bytes) -> list[tuple[str, list[list[str]], bool]]:
    """Per sheet: its name, the cell texts (merged ranges filled from their top-left cell), whether any merged."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw), data_only=True)
    out = []
    for sheet in book.worksheets:
        grid = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        merged = list(sheet.merged_cells.ranges)
        for rng in merged:
            top = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(grid) else ""
            for r in range(rng.min_row, min(rng.max_row, len(grid)) + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if c <= len(grid[r - 1]):
                        grid[r - 1][c - 1] = top
        out.append((sheet.title, grid, bool(merged)))
    return out


def _cell_text(value: object) -> str:
    """A cell as the text a curator sees: numbers in Vietnamese style (1.973; 81,77), dates dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if float(value).is_integer():
            return f"{int(value):,}".replace(",", ".")
        return f"{value:,.4f}".rstrip("0").rstrip(".").replace(",", "\0").replace(".", ",").replace("\0", ".")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")  # type: ignore[attr-defined]
    return nfc(str(value)).strip()


def _looks_csv(text: str) -> bool:
    """Short lines with the same number (≥ 1) of one delimiter: a table, not prose (which has commas too)."""
    lines = [line for line in text.splitlines()[:6] if line.strip()]
    if len(lines) < 2 or any(len(line) > 300 for line in lines):
        return False
    return any(len({line.count(d) for line in lines}) == 1 and lines[0].count(d) >= 1 for d in _DELIMITERS)


_DELIMITERS = ",;\t"  # a comma; Excel's semicolon where the comma writes decimals; the tab of its "Unicode Text"


def _csv_table(text: str, name: str) -> Table:
    first = text.splitlines()[0]
    delimiter = max(_DELIMITERS, key=first.count)  # a tie keeps the comma
    grid = [[nfc(c).strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    table = _grid_table(name, "CSV", grid)
    if table is None:
        raise IngestError(f"{name}: không có bảng số liệu nào (cần một hàng tiêu đề và các hàng có số)")
    return table


# ------------------------------------------------------------------------------------------------ tables

_NUMBER_CELL = re.compile(r"^\s*[-+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*%?\s*$|^\s*[-+]?\d+(?:,\d+)?\s*%?\s*$")


def is_number_cell(text: str) -> bool:
    return bool(_NUMBER_CELL.match(text))


def cell_number(text: str) -> float | None:
    """ "1.973" → 1973, "81,77" → 81.77, "81,77%" → 81.77; None if the cell is not a number."""
    if not is_number_cell(text):
        return None
    return float(text.strip().rstrip("%").strip().replace(".", "").replace(",", "."))


def _grid_table(file: str, name: str, grid: list[list[str]]) -> Table | None:
    """Title rows (one filled cell), header rows (the filled rows just above the first row with a number), and the
    data rows. None when the grid has no row with a number."""
    rows = [[c or "" for c in row] for row in grid]
    first_data = next(
        (
            i
            for i, row in enumerate(rows)
            if any(is_number_cell(c) for c in row[1:]) and any(c and not is_number_cell(c) for c in row)
        ),
        None,
    )
    if first_data is None:
        return None
    header_rows: list[int] = []
    i = first_data - 1
    while i >= 0 and len(header_rows) < 3:
        filled = [c for c in rows[i] if c.strip()]
        if len(set(filled)) < 2 and not header_rows:
            i -= 1
            continue
        if len(set(filled)) < 2:
            break
        header_rows.insert(0, i)
        i -= 1
    title_rows = [r for r in rows[: header_rows[0] if header_rows else first_data] if any(c.strip() for c in r)]
    title = " ".join(dict.fromkeys(c.strip() for r in title_rows for c in r if c.strip())) or None
    width = max(len(r) for r in rows)
    headers = {}
    for col in range(width):
        parts = [rows[r][col].strip() for r in header_rows if col < len(rows[r]) and rows[r][col].strip()]
        if parts:
            headers[col + 1] = " / ".join(dict.fromkeys(fold_space(p) for p in parts))
    data = [
        [Cell(r + 1, c + 1, text.strip()) for c, text in enumerate(rows[r]) if text.strip()]
        for r in range(first_data, len(rows))
    ]
    return Table(file, name, title, headers, [row for row in data if row])


def header_rows_text(table: Table, column: int) -> str:
    return table.headers.get(column, "")


# ------------------------------------------------------------------------------------------------ checking


def split_cell_ref(ref: str) -> tuple[str, str, str]:
    """(file, sheet or table, A1 reference) of a `cell` value; ValueError when it is not of that shape."""
    m = re.fullmatch(r"(?P<file>[^#]+)#(?P<sheet>.+)!(?P<ref>[A-Za-z]{1,3}\d+)", ref.strip())
    if not m:
        raise ValueError(f"“{ref}” không đúng dạng tệp#trang!ô (ví dụ bao-cao.xlsx#Năm 2023!C5)")
    return m.group("file"), m.group("sheet"), m.group("ref").upper()


def read_cell(path: str | Path, sheet: str, ref: str) -> tuple[str, str]:
    """(the cell's text, its column's header text) in a stored file, for the validator. IngestError when the file,
    the sheet or table, or the cell does not exist."""
    row, column = parse_ref(ref)
    doc = read_document(path)
    table = next((t for t in doc.tables if t.name == sheet), None)
    if table is None:
        names = ", ".join(t.name for t in doc.tables) or "không có bảng nào"
        raise IngestError(f"{Path(path).name}: không có trang/bảng “{sheet}” (có: {names})")
    cell = next((c for r in table.rows for c in r if (c.row, c.column) == (row, column)), None)
    if cell is None:
        raise IngestError(f"{Path(path).name} › {sheet}: ô {ref} trống hoặc nằm ngoài bảng số liệu")
    return cell.text, table.headers.get(column, "")
