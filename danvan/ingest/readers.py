"""Reports as they really come: Word (.docx, and Word 97-2003 .doc; paragraphs and tables) and LibreOffice texts
(.odt, the same), PDF with a text layer, Excel (.xlsx, and Excel 97-2003 .xls), LibreOffice spreadsheets (.ods) and
CSV tables, and plain text — read by their content (uploads.sniff), never by
their name; text typed in the old TCVN3 or VNI fonts is read as Unicode (danvan.legacy).

    >>> doc = read_document("bao-cao-2023.docx")
    >>> doc.text                    # the paragraphs, for the text extractor
    >>> doc.tables[0].headers       # per column, the header rows joined: "Mô hình “Dân vận khéo” / Đăng ký"
    >>> read_cell("data/sources/bao-cao-2023.xlsx", "Năm 2023", "C5")   # (cell text, header text) for the validator

A table cell is addressed as (stored file, sheet or "Bảng N" for the N-th table of a Word file, A1 reference).
Merged cells (Excel) read as their top-left value, so a header merged over several columns names each of them."""

from __future__ import annotations

import csv
import io
import itertools
import re
import struct
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .. import legacy, ocr, ruled
from ..text import DecodeError, ascii_key, clipped, decode, fold_space, nfc
from ..uploads import MAX_UPLOAD, describe, sniff
from . import opendocument
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
    header_rows: tuple[int, ...] = ()  # the rows the headers were read from (from 1)
    doubts: dict[str, str] = field(default_factory=dict)  # a scan's figures read two ways: the other, by A1 reference
    english: int = 0  # figures written the English way ("78.3", "40,363"), read the Vietnamese way: how many
    either: list[str] = field(default_factory=list)  # figures that read either way ("40,363" and nothing to tell)


@dataclass
class Document:
    name: str
    kind: str  # text | docx | doc | odt | pdf | xlsx | xls | ods | csv | png | jpeg | tiff
    text: str  # paragraphs (Word, PDF, text); empty for a workbook
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # A scan's tables read by OCR, as a workbook (a sheet a table, named as it is): stored in the scan's place for
    # their values' cells, which the validator then checks without reading the scan again
    transcription: bytes | None = None
    # A scan's tables as pictures: each row with figures under the table's header rows (PNG), by table and row (from
    # 1), for a curator to check a cell's reading against
    scanned_rows: dict[str, dict[int, bytes]] = field(default_factory=dict)


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
    doc = _read_document(Path(path), raw, name)
    doc.notes += [
        f"{doc.name} › {t.name}: {t.english} số viết theo kiểu tiếng Anh (dấu chấm thập phân, dấu phẩy ngăn hàng "
        "nghìn: 78.3, 40,363) đã được đọc theo kiểu Việt (78,3; 40.363) — người nhập đối chiếu với tệp gốc"
        for t in doc.tables
        if t.english
    ]
    doc.notes += [
        f"{doc.name} › {t.name}: {len(t.either)} số như “{t.either[0]}” đọc được hai cách ({t.either[0]} theo kiểu "
        f"Việt, {t.either[0].replace(',', '.')} theo kiểu tiếng Anh) và bảng không có số nào cho biết kiểu nào; đã đọc "
        "theo kiểu Việt — người nhập kiểm tra với tệp gốc"
        for t in doc.tables
        if t.either
    ]
    return doc


def _read_document(path: Path, raw: bytes | None, name: str | None) -> Document:
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
        if kind == "xls":
            return _xls(raw, name)
        if kind == "doc":
            return _doc(raw, name)
        if kind == "odt":
            return _odt(raw, name)
        if kind == "ods":
            return _workbook(name, "ods", _ods_grids, raw)
        if kind in PICTURES:
            return _picture(raw, name, kind)
    except IngestError:
        raise
    except opendocument.TooLarge:
        raise IngestError(
            f"{name}: tệp OpenDocument giải nén ra quá lớn (trên {opendocument.MAX_XML >> 20} MB) nên không đọc; "
            "đây không phải một báo cáo thông thường"
        ) from None
    except Exception:  # a damaged file raises anything from deep inside its library, in its words (English)
        raise IngestError(
            f"{name}: tệp {describe(raw)} bị hỏng hoặc không trọn vẹn nên không đọc được; hãy mở tệp gốc bằng phần "
            "mềm đã tạo ra nó rồi lưu (hoặc xuất PDF) lại"
        ) from None
    if kind in _SAVE_AGAIN:
        raise IngestError(f"{name}: {_SAVE_AGAIN[kind]}")
    if kind != "text":
        raise IngestError(
            f"{name}: không phải tệp nhận được ({describe(raw)}); chỉ nhận văn bản .txt, Word .docx hoặc .doc, "
            "LibreOffice .odt, PDF, Excel .xlsx hoặc .xls, LibreOffice .ods, bảng .csv, hoặc ảnh chụp, ảnh quét văn "
            "bản .png, .jpg, .tif"
        )
    try:
        text = decode(raw, name, utf16=True)
    except DecodeError as err:
        # not UTF-8: text saved from a file typed in an old code table is in the Western code page its fonts redraw
        if (western := legacy.western(raw)) is None:
            raise IngestError(str(err)) from None
        text = western
    text, note = legacy.unlegacy(text, name)
    notes = [note] if note else []
    if name.lower().endswith(".csv") or _looks_csv(text):
        return Document(name, "csv", "", [_csv_table(text, name)], notes)
    return Document(name, "text", text, notes=notes)


# What to do with an Office file this reader cannot open, in the program a provincial office has
_SAVE_AGAIN = {
    "word95": "tệp Word 6.0/95 (.doc) chưa đọc được; hãy mở bằng Word (hoặc LibreOffice), chọn Tệp › Lưu thành, kiểu "
    "“Word Document (.docx)”, rồi nhập tệp .docx",
    "encrypted": "tệp Word hoặc Excel có mật khẩu nên không đọc được; hãy mở bằng Word hoặc Excel, bỏ mật khẩu (Tệp › "
    "Thông tin › Bảo vệ › Mã hóa bằng mật khẩu, xóa mật khẩu), lưu rồi nhập lại",
    "office97": "tệp Office 97-2003 không phải Word hay Excel, hoặc bị hỏng; hãy mở bằng phần mềm đã tạo ra nó rồi lưu "
    "lại thành Word .docx hoặc Excel .xlsx",
}


# ------------------------------------------------------------------------------------------------ formats


def _docx(raw: bytes, name: str) -> Document:
    import docx  # python-docx; imported here so that reading plain text never loads it

    document = docx.Document(io.BytesIO(raw))
    fonts = _DocxFonts(document)
    converted: Counter[str] = Counter()  # runs typed in an old code table, by code table

    def text_of(paragraph: object) -> str:
        return fonts.text(paragraph._p, converted)  # type: ignore[attr-defined]

    text, tables = _word_body(
        name,
        (  # paragraphs and tables in the order of the page
            [[nfc("\n".join(text_of(p) for p in c.paragraphs)) for c in r.cells] for r in part.rows]
            if isinstance(part, docx.table.Table)
            else text_of(part)
            for part in _blocks(document)
        ),
    )
    notes = [legacy.converted_note(name, code, f"{n} đoạn chữ") for code, n in converted.items()]
    return Document(name, "docx", nfc(text), tables, notes)


Grid = list[list[str]]
_TEXT_BOXES = ".//w:txbxContent[not(ancestor::mc:Fallback) and not(ancestor::w:txbxContent)]"
_BOX_NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}


def _blocks(document: Any) -> Iterator[Any]:
    """A Word body's paragraphs and tables in the order of the page, those inside a content control (a template's
    field: "Số: …", a whole section) too, which python-docx leaves out."""
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph
    from lxml import etree

    def walk(element: Any) -> Iterator[Any]:
        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                yield Paragraph(child, document)
                # its text boxes' paragraphs after it (the drawing's, not the older copy Word keeps as a fallback)
                for box in etree.ElementBase.xpath(child, _TEXT_BOXES, namespaces=_BOX_NAMESPACES):
                    yield from walk(box)
            elif child.tag == f"{_W}tbl":
                yield WordTable(child, document)
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
                yield from walk(child)

    return walk(document.element.body)


def _word_body(name: str, parts: Iterable[str | Grid]) -> tuple[str, list[Table]]:
    """A Word file's paragraphs and tables, in order, as its text and its tables: a table with figures is a table
    ("Bảng N"); one of text only is text where it stands — the letterhead (a table before any paragraph: the issuing
    body and the number beside the motto and the place and date, as most reports set it; dropped, a report had no
    date) column by column, any other a line a row."""
    lines: list[str] = []
    tables: list[Table] = []
    grids = 0  # "Bảng N" is the file's Nth table, text only or not (the name stored values' cells keep)
    for part in parts:
        if isinstance(part, str):
            lines.append(part)
            continue
        grids += 1
        if (table := _grid_table(name, f"Bảng {grids}", part)) is not None:
            tables.append(table)
        else:
            lines.append(_grid_text(part, by_column=not any(line.strip() for line in lines)))
    return "\n".join(lines), tables


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run_font(properties: object) -> str | None:
    """The font a run's (or a style's) properties name for letters beyond ASCII (hAnsi, where an old code table's
    Vietnamese letters are), else for ASCII."""
    found = None if properties is None else properties.find(f"{_W}rFonts")  # type: ignore[attr-defined]
    return None if found is None else found.get(f"{_W}hAnsi") or found.get(f"{_W}ascii")


class _DocxFonts:
    """The font each run of a Word file is drawn in, as Word resolves it: the run's own, its character style's, its
    paragraph style's (each through the styles it is based on), the document's default."""

    def __init__(self, document: object) -> None:
        styles = document.styles.element  # type: ignore[attr-defined]
        self.styles: dict[str, tuple[str | None, str | None]] = {}
        self.default_style = None
        for style in styles.iter(f"{_W}style"):
            based = style.find(f"{_W}basedOn")
            self.styles[style.get(f"{_W}styleId")] = (
                _run_font(style.find(f"{_W}rPr")),
                None if based is None else based.get(f"{_W}val"),
            )
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true"):
                self.default_style = style.get(f"{_W}styleId")
        self.default = _run_font(styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
        self.legacy = any(
            legacy.code_of_font(font)
            for root in (document.element, styles)  # type: ignore[attr-defined]
            for found in root.iter(f"{_W}rFonts")
            for font in found.attrib.values()
        )

    def of_style(self, style: str | None) -> str | None:
        for _ in range(20):  # a loop of basedOn in a damaged file ends here
            if style is None:
                return None
            font, style = self.styles.get(style, (None, None))
            if font:
                return font
        return None

    def of_run(self, run: object, paragraph: object) -> str | None:
        properties = run.find(f"{_W}rPr")  # type: ignore[attr-defined]
        if font := _run_font(properties):
            return font
        named = None if properties is None else properties.find(f"{_W}rStyle")
        if named is not None and (font := self.of_style(named.get(f"{_W}val"))):
            return font
        mark = paragraph.find(f"{_W}pPr/{_W}pStyle")  # type: ignore[attr-defined]
        return self.of_style(self.default_style if mark is None else mark.get(f"{_W}val")) or self.default

    def text(self, paragraph: object, converted: Counter[str]) -> str:
        """A paragraph's text: its runs, in links, fields and content controls too, and those a reviewer inserted
        with Track Changes on (a report sent with its changes not accepted: python-docx leaves them out, and the
        figure a reviewer typed in with them), not those deleted; each run typed in an old code table as Unicode."""
        parts = []
        from lxml import etree

        depth = paragraph.xpath("count(ancestor::w:p)")  # type: ignore[attr-defined]  # in a text box: 1 or more
        for run in etree.ElementBase.xpath(paragraph, _SHOWN_RUNS, namespaces=_BOX_NAMESPACES, depth=depth):
            text = run.text
            if self.legacy:
                text, code = legacy.from_font(text, self.of_run(run, paragraph))
                converted.update([code] if code else [])
            parts.append(text)
        return "".join(parts)


# A paragraph's runs as Word shows them: not a tracked deletion or a move's old place, nor a text box's (its own
# paragraphs, read after it: _blocks)
_SHOWN_RUNS = ".//w:r[count(ancestor::w:p) = $depth + 1 and not(ancestor::w:del) and not(ancestor::w:moveFrom)]"


def _doc(raw: bytes, name: str) -> Document:
    """Word 97-2003: the main document's text through its piece table ([MS-DOC] 2.8.35: each piece is Windows-1252
    or UTF-16), fields shown by their results, tables by their cells. A .doc names its fonts only in its character
    runs' formatting, which is not read: text typed in an old code table is recognised by its letters."""
    from xlrd.compdoc import CompDoc  # the compound file reader of xlrd, which .xls needs anyway

    container = CompDoc(raw, logfile=io.StringIO())
    word = _stream(container, "WordDocument")
    if word is None or len(word) < 0x200:
        raise ValueError("no WordDocument stream")
    ident, n_fib = struct.unpack_from("<HH", word)
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if ident != 0xA5EC or n_fib < 101:  # not Word's own header: damaged
        raise ValueError("no Word header")
    if flags & 0x0100:  # fEncrypted
        raise IngestError(f"{name}: {_SAVE_AGAIN['encrypted']}")
    if n_fib < 193:  # Word 6.0 and 95 number their files 101-105, Word 97-2003 193
        raise IngestError(f"{name}: {_SAVE_AGAIN['word95']}")
    table = _stream(container, "1Table" if flags & 0x0200 else "0Table")
    if table is None:
        raise ValueError("no table stream")
    main = struct.unpack_from("<i", word, 0x4C)[0]  # ccpText: the characters of the main document
    pos = 32 + 2 + 2 * struct.unpack_from("<H", word, 32)[0]  # past FibRgW97
    pos += 2 + 4 * struct.unpack_from("<H", word, pos)[0] + 2  # past FibRgLw97 and cbRgFcLcb
    fc_clx, lcb_clx = struct.unpack_from("<II", word, pos + 33 * 8)  # fcClx, lcbClx of FibRgFcLcb97
    fc_papx, lcb_papx = struct.unpack_from("<II", word, pos + 13 * 8)  # fcPlcfBtePapx, lcbPlcfBtePapx
    row_ends = _row_ends(word, table[fc_papx : fc_papx + lcb_papx], _stream(container, "Data") or b"")
    text = _doc_pieces(word, table[fc_clx : fc_clx + lcb_clx], row_ends)[:main]
    text, note = legacy.unlegacy(text, name)
    body, tables = _word_body(name, _doc_parts(text))
    return Document(name, "doc", nfc(body), tables, [note] if note else [])


def _stream(container: Any, name: str) -> bytes | None:
    """A stream of a compound file, None if it has none. A damaged file's chain of sectors may loop, which xlrd
    follows for ever in a short stream: the chain is walked first, and a loop is damage (ValueError)."""
    node = container._dir_search([name])
    if node is None:
        return None
    chain = container.SAT if node.tot_size >= container.min_size_std_stream else container.SSAT
    seen, sector = set(), node.first_SID
    while sector >= 0:
        if sector in seen or sector >= len(chain):
            raise ValueError(f"the {name} stream's sectors loop")
        seen.add(sector)
        sector = chain[sector]
    return container.get_named_stream(name)  # type: ignore[no-any-return]


def _doc_pieces(word: bytes, clx: bytes, row_ends: list[tuple[int, int]]) -> str:
    """The document's characters, piece by piece ([MS-DOC] 2.9.38 Clx: formatting runs, then the piece table); a
    \\x07 stored within `row_ends` (byte ranges of the stream) is a row's end, written ROW_END."""
    at = 0
    while clx[at] == 0x01:  # a Prc: skipped
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if clx[at] != 0x02:
        raise ValueError("no piece table")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + size]
    count = (size - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc)
    parts = []
    for k in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * k + 2)[0]
        length = cps[k + 1] - cps[k]
        if fc & 0x40000000:  # fCompressed: one byte a character, in Windows-1252
            start, width = (fc & ~0x40000000) // 2, 1
            piece = word[start : start + length].decode("cp1252", errors="replace")
        else:
            start, width = fc, 2
            piece = word[fc : fc + 2 * length].decode("utf-16-le", errors="replace")
        marks = [m.start() for m in re.finditer("\x07", piece)]
        ends = {j for j in marks if any(a <= start + width * j < b for a, b in row_ends)}
        parts.append("".join(ROW_END if j in ends else ch for j, ch in enumerate(piece)) if ends else piece)
    return "".join(parts)


ROW_END = "\x1d"  # a table row's end mark, told from a cell's by its paragraph's properties
_SPRM_TTP = {0x2417, 0x244C}  # sprmPFTtp, sprmPFInnerTtp: this paragraph mark ends a table row
_SPRM_HUGE = 0x6646  # sprmPHugePapx: the paragraph's properties are in the Data stream, at this offset


def _row_ends(word: bytes, plc: bytes, data: bytes) -> list[tuple[int, int]]:
    """The byte ranges of the stream whose paragraph marks end a table row, from the paragraphs' properties
    ([MS-DOC] 2.8.6 PlcBtePapx, 2.9.175 PapxFkp; a row's, with its table's definition, is often too long for its page
    and kept in the Data stream, sprmPHugePapx): a cell's mark and a row's are both \\x07, and only these tell an
    empty cell at a row's end from the row's end. None when they cannot be read (the rows are then told by marks)."""
    if len(plc) < 12:
        return []
    count = (len(plc) - 4) // 8
    ranges = []
    try:
        for pn in struct.unpack_from(f"<{count}I", plc, 4 * (count + 1)):
            page = word[(pn & 0x3FFFFF) * 512 : (pn & 0x3FFFFF) * 512 + 512]
            runs = page[511]
            fcs = struct.unpack_from(f"<{runs + 1}I", page)
            for i in range(runs):
                at = 2 * page[4 * (runs + 1) + 13 * i]  # bOffset of the PapxInFkp, in words; 0: none
                if not at:
                    continue
                size = 2 * page[at] - 1 if page[at] else 2 * page[at + 1]
                start = at + (1 if page[at] else 2) + 2  # past cb (and cb') and the style's istd
                grpprl = page[start : start + size - 2]
                huge = [operand for sprm, operand in _sprms(grpprl) if sprm == _SPRM_HUGE and len(operand) == 4]
                if huge:  # the properties are in the Data stream: a size, then the list
                    at = struct.unpack("<I", huge[0])[0]
                    grpprl = data[at + 2 : at + 2 + struct.unpack_from("<H", data, at)[0]]
                if any(sprm in _SPRM_TTP and operand[:1] == b"\x01" for sprm, operand in _sprms(grpprl)):
                    ranges.append((fcs[i], fcs[i + 1]))
    except (struct.error, IndexError):
        return []
    return ranges


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """A property list's (sprm, operand) pairs ([MS-DOC] 2.2.5.1: the operand's size is in the sprm's top bits)."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = sprm >> 13
        if spra == 6:  # variable: a byte of size; a table's definition, two (the size plus one)
            if sprm == 0xD608:
                size, at = struct.unpack_from("<H", grpprl, at)[0] - 1, at + 2
            else:
                size, at = grpprl[at], at + 1
        else:
            size = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}[spra]
        yield sprm, grpprl[at : at + size]
        at += size


def _doc_parts(text: str) -> list[str | Grid]:
    """A .doc's characters as paragraphs and tables, in order: a paragraph ends at \\r, a table cell at \\x07 and a
    row at ROW_END (or, when the paragraphs' properties could not say, at the \\x07 right after a cell's: an empty cell
    is then taken for the row's end); a field (\\x13 code \\x14 result \\x15) is its result; objects and marks drop."""
    shown, depth_code = [], []  # per open field: whether its code is still being read
    for ch in text:
        if ch == "\x13":
            depth_code.append(True)
        elif ch == "\x14" and depth_code:
            depth_code[-1] = False
        elif ch == "\x15" and depth_code:
            depth_code.pop()
        elif not any(depth_code):
            shown.append(_DOC_CHARS.get(ch, ch))
    parts: list[str | Grid] = []
    rows: list[list[str]] = []
    cells: list[str] = []
    lines: list[str] = []  # the paragraphs of the cell being read
    marked = ROW_END in shown
    segments = re.findall(r"[^\r\x07\x1d]*[\r\x07\x1d]|[^\r\x07\x1d]+$", "".join(shown))
    for k, segment in enumerate(segments):
        body, end = (segment[:-1], segment[-1]) if segment[-1] in "\r\x07\x1d" else (segment, "")
        if end == ROW_END or (
            end == "\x07" and not marked and not body and not lines and k and segments[k - 1].endswith("\x07")
        ):
            rows.append(cells)  # the row's end mark, after its last cell's
            cells = []
        elif end == "\x07":
            cells.append("\n".join([*lines, body]).strip())
            lines = []
        elif (cells or rows) and k + 1 < len(segments) and segments[k + 1][-1:] in ("\x07", ROW_END):
            lines.append(body)  # a cell of several paragraphs
        else:
            if cells:
                rows.append(cells)
                cells = []
            if rows:
                parts.append([row for row in rows if any(row)])
                rows = []
            parts.append(body)
    if cells or rows:
        parts.append([row for row in [*rows, cells] if any(row)])
    return parts


# What a .doc's special characters are in plain text ([MS-DOC] 2.8.25): breaks, hyphens, objects and marks
_DOC_CHARS = {
    "\x0b": "\n",
    "\x0c": "\n",
    "\x0e": "\n",
    "\x1e": "-",
    "\x1f": "",
    "\x01": "",
    "\x02": "",
    "\x05": "",
    "\x08": "",
}


def _pdf(raw: bytes, name: str) -> Document:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    if reader.is_encrypted and not reader.decrypt(""):
        raise IngestError(f"{name}: PDF có mật khẩu; hãy lưu một bản không mật khẩu rồi nhập lại")
    placed: dict[int, list[_Piece]] = {}  # the pages whose pieces were placed to read their text, by index
    pages = _page_texts(reader, placed)
    if _text_layer(pages) is None:
        return _scanned(reader.pages, name)
    notes, read = [], {}
    if scanned := _scanned_pages(reader, pages):  # a typed report with its signed or attached pages scanned
        shown = ", ".join(str(i + 1) for i in scanned)
        if (recognised := _recognised_pages(reader, scanned)) is not None:
            read = recognised
        else:  # the typed pages are still worth reading, and a scanner's own reading of its pages
            blank = ", ".join(str(i + 1) for i in scanned if not _has_text(pages[i]))
            layered = ", ".join(str(i + 1) for i in scanned if _has_text(pages[i]))
            if blank:
                notes.append(f"{name}: trang {blank} là ảnh quét, chưa đọc được chữ; chỉ các trang có chữ được trích")
            if layered:
                notes.append(
                    f"{name}: trang {layered} là ảnh quét kèm chữ máy quét tự nhận dạng; chữ lấy theo lớp chữ ấy (có "
                    "thể thiếu dấu, sai chữ), bảng trong ảnh chưa đọc được — người nhập đối chiếu với ảnh"
                )
    # a typed page's tables are found by the lines it draws; a scanned page's were read by OCR
    # a report typed in an old code table has its tables' cells in it too (converted: counted by code)
    code, converted = legacy.code_of(nfc(_text_layer(pages) or "")), Counter[str]()
    drawn = [
        read.get(i) or [_drawn_tables(page, pages[i], code, converted, placed.get(i))]
        for i, page in enumerate(reader.pages)
    ]
    tabled = _tabled(name, drawn, bool(read))
    pages = tabled.texts  # a typed page's text without its tables' lines; a scanned page's as recognised
    if read:
        notes.append(_recognised(name, f"trang {shown} là ảnh quét; chữ của các trang ấy", len(tabled.scanned_rows)))
    text, note = legacy.unlegacy(nfc(_text_layer(pages, least=0) or ""), name)  # a table's title is all some have
    notes += [note] if note else []
    if lost := converted.pop(LOST_LETTERS, 0):
        notes.append(
            f"{name}: {lost} ô của bảng có ký tự không in được ở chỗ của một số chữ (thường là “Đ”, “đ”: phần mềm "
            "đã tạo tệp PDF ghi sai bảng mã chữ); các ký tự ấy đã bỏ, chữ bị thiếu — người nhập đối chiếu với tệp gốc"
        )
    notes += [legacy.converted_note(name, code, f"{n} ô của bảng") for code, n in converted.items()]
    return Document(name, "pdf", text, tabled.tables, notes, tabled.transcription, tabled.scanned_rows)


def _recognised_pages(reader: Any, scanned: list[int]) -> dict[int, list[ocr.Page]] | None:
    """A PDF's scanned pages read by OCR, by page, or None when the machine cannot read them (no Tesseract, more than
    MAX_PAGES of them, Tesseract failing)."""
    if not ocr.available() or len(scanned) > ocr.MAX_PAGES:
        return None
    try:
        return {i: [ocr.read_page(picture) for picture in _page_pictures([reader.pages[i]])] for i in scanned}
    except (OSError, RuntimeError, subprocess.SubprocessError):
        return None


PDF_SCALE = 4  # pixels a point: a typed page's drawn lines are set on a picture this fine to find its tables


# Control characters a PDF's fonts give for letters (Ghostscript writes Đ and đ as U+0011 and U+0012): the text layer
# drops them; a table's cells drop them too, counted under LOST_LETTERS in `converted`.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LOST_LETTERS = "lost letters"


def _drawn_tables(
    page: Any, laid_out: str, code: str | None, converted: Counter[str], pieces: list[_Piece] | None = None
) -> ocr.Page:
    """A typed PDF page's ruled tables with figures (a Word or Excel table printed to PDF), as OCR gives a scan's:
    found by the lines the page draws alone (danvan.ruled), each cell's text the text the page sets inside it (typed
    in the old code table `code`: as Unicode, counted in `converted`), its words spaced as in `laid_out`, the page's
    text read by where its letters stand (_page_texts). Its text is the text layer's, read apart. A page whose
    drawing cannot be followed has no table: its text still reads."""
    try:
        lines = _drawn_lines(page)
        if len(lines) < 4:  # four lines at least
            return ocr.Page(laid_out)
        return _drawn_page(page, lines, _Spacing(laid_out), code, converted, pieces)
    except Exception:  # a table is a bonus on a page whose text reads, and pypdf raises anything
        return ocr.Page(laid_out)


def _drawn_page(
    page: Any,
    lines: list[tuple[float, float, float, float]],
    spacing: _Spacing,
    code: str | None,
    converted: Counter[str],
    pieces: list[_Piece] | None,
) -> ocr.Page:
    """The page's tables from its lines, set on a picture (PDF_SCALE pixels a point), and its text's pieces (placed
    again unless `pieces` holds them already)."""
    import numpy as np

    left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    ink = np.zeros((int(height * PDF_SCALE) + 1, int(width * PDF_SCALE) + 1), dtype=bool)
    for x0, y0, x1, y1 in lines:
        top, low = (height - (max(y0, y1) - bottom)) * PDF_SCALE, (height - (min(y0, y1) - bottom)) * PDF_SCALE
        first, last = (min(x0, x1) - left) * PDF_SCALE, (max(x0, x1) - left) * PDF_SCALE
        ink[max(int(top) - 1, 0) : max(int(low) + 1, int(top) + 2), max(int(first) - 1, 0) : int(last) + 2] = True
    found = ruled.tables(ink)
    if not found:
        return ocr.Page(spacing.text)
    words = _placed_pieces(page) if pieces is None else pieces
    whole: list[str] = []
    page.extract_text(visitor_text=lambda text, *_: whole.append(text))
    page_text = "".join(whole)
    spans = _spans([piece.text for piece in words], page_text)

    def held(table: ruled.Ruled, cell: tuple[int, int, int, int]) -> str:
        """The text a cell holds: the pieces that start inside it, in the page's order, spaced as pypdf spaces the
        page's text (by its letters' widths: a glyph set apart is no word)."""
        x0, x1, y0, y1 = table.xs[cell[2]], table.xs[cell[3] + 1], table.ys[cell[0]], table.ys[cell[1] + 1]
        inside = [i for i, piece in enumerate(words) if x0 <= piece.x < x1 and y0 <= piece.y < y1]
        rows = [list(row) for _, row in itertools.groupby(inside, key=lambda i: round(words[i].y / _LINE))]
        lines = [spacing.of(run(row)) for row in rows]  # a line at a time, as the page lays it out
        rooms = [_room(x1, [words[i] for i in row]) for row in rows]
        text, lost = _UNPRINTABLE.subn("", nfc(fold_space(_cell_lines(lines, rooms))))
        converted[LOST_LETTERS] += bool(lost)
        if code and (unicode := legacy.from_code(text, code)) is not None:
            converted[code] += 1
            return unicode
        return text

    def run(inside: list[int]) -> str:
        if spans is None:
            return " ".join(words[i].text for i in inside)
        if inside == list(range(inside[0], inside[-1] + 1)):  # one run of pieces, spaced as the page
            return page_text[spans[inside[0]][0] : spans[inside[-1]][1]]
        return " ".join(page_text[slice(*spans[i])] for i in inside)

    grids, taken = [], set()
    for table in found:
        inside = [i for i, piece in enumerate(words) if _within(table, piece)]
        grid = table.filled([held(table, cell) for cell in table.cells])
        # a grid of text only is read in the text layer; one of figures only may go on from a page before (_beside)
        if _grid_table("", "", grid) is not None or any(is_number_cell(c) for row in grid for c in row):
            grids.append(grid)
            taken |= {_SPACES.sub("", _UNPRINTABLE.sub("", words[i].text)) for i in inside}
    # the text layer without the lines of the tables read apart, as a scan's text leaves their area out
    return ocr.Page(spacing.without(taken), grids, [[] for _ in grids], [{} for _ in grids])


def _placed_pieces(page: Any) -> list[_Piece]:
    """The pieces of a PDF page's text where they are drawn (see _Piece), in the order they are drawn."""
    left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
    height = float(page.mediabox.height)
    pieces: list[_Piece] = []
    # each font's widths, read once (the font kept, so that its id is not another's later)
    measures: dict[int, tuple[Any, Callable[[str], float] | None]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            tall = size * abs(tm[3] * cm[3] + tm[2] * cm[1]) or size  # the letters' height on the page
            wide = size * abs(tm[0] * cm[0] + tm[1] * cm[2]) or size
            if id(font) not in measures:
                measures[id(font)] = (font, _text_widths(font))
            measure = measures[id(font)][1]
            end = None if measure is None else (x - left + 1 + measure(text) * wide / 1000) * PDF_SCALE
            place = ((x - left + 1) * PDF_SCALE, (height - (y - bottom + 0.3 * tall)) * PDF_SCALE)
            steps = None if measure is None else tuple(measure(c) * wide / 1000 * PDF_SCALE for c in text)
            pieces.append(_Piece(*place, text, end, wide * PDF_SCALE, steps))

    _one_piece_a_place(page).extract_text(visitor_text=visit)
    return pieces


def _placed_text(placed: list[_Piece]) -> str:
    """A PDF page's text put together from where its letters are drawn: a line for each height, its letters from left
    to right. The space pypdf puts before a piece it was moved to is no letter drawn, nor is the space it reads for a
    gap where a letter of another font is drawn; a space goes where a letter starts more than half a letter past
    where the one before ends (cells of a table without borders). Read when the page's letters are drawn in two
    fonts and pypdf's layout mode puts the second font's at the line's end (LibreOffice shows a Vietnamese letter its
    font lacks in another, drawn after the line: "K  t qu   công …ế ả")."""
    pieces = sorted(placed, key=lambda piece: piece.y)
    lines: list[list[_Piece]] = []
    for piece in pieces:
        if lines and abs(piece.y - lines[-1][0].y) < 0.5 * max(lines[-1][0].em, 1.0):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    out = []
    for above, line in zip([None, *lines], lines, strict=False):
        if above is not None and line[0].y - above[0].y > 1.6 * max(above[0].em, 1.0):
            out.append("")  # a paragraph's or a heading's space above it, as layout mode keeps it
        out.append(_placed_line(line))
    return "\n".join(out)


def _placed_line(pieces: list[_Piece]) -> str:
    """One line of _placed_text."""
    letters: list[tuple[float, float, str, float]] = []  # where each starts and ends, the letter, its size
    for piece in pieces:
        text, steps = piece.text, piece.steps
        if text[:1].isspace():  # pypdf's, not drawn
            text, steps = text[1:], steps and steps[1:]
        if steps is None:  # the font's widths unknown: the piece as one
            letters.append((piece.x, piece.end or piece.x, text, piece.em))
            continue
        at = piece.x
        for letter, step in zip(text, steps, strict=True):
            letters.append((at, at + step, letter, piece.em))
            at += step
    letters.sort(key=lambda letter: (round(letter[0], 1), letter[2].isspace()))
    out, end = "", None
    for i, (start, stop, letter, em) in enumerate(letters):
        near = letters[max(0, i - 3) : i + 4]  # a letter over a space starts just before or after it
        if letter.isspace() and any(
            min(stop, b) - max(start, a) > (stop - start) / 2 for a, b, other, _ in near if not other.isspace()
        ):
            continue  # a gap read as a space where another font's letter is drawn
        if end is not None and start - end > 0.5 * em and not out[-1:].isspace():
            out += " "
        out += letter
        end = stop if end is None else max(end, stop)
    return fold_space(out)


_LINE = 3 * PDF_SCALE  # pieces of a cell whose places are this close in height are on one line
_SPACES = re.compile(r"\s+")


def _within(table: ruled.Ruled, piece: _Piece) -> bool:
    return table.xs[0] <= piece.x < table.xs[-1] and table.ys[0] <= piece.y < table.ys[-1]


class _Piece(NamedTuple):
    """A piece of a PDF page's text where it is drawn, in pixels of the page's picture (PDF_SCALE a point): where it
    starts (a point inside its letters), its text, where it ends (None when its font's widths cannot be read), and its
    font's size."""

    x: float
    y: float
    text: str
    end: float | None
    em: float
    steps: tuple[float, ...] | None = None  # how far each letter moves the pen, when the font's widths are read


def _text_widths(font: Any) -> Callable[[str], float] | None:
    """How wide a text is drawn in a PDF font, in thousandths of its size, by the widths the font lists for the codes
    its letters are written with; None when the font cannot be read."""
    try:
        from pypdf.generic._font import Font  # pypdf's reading of a font for its layout mode

        read = Font.from_font_resource(font.get_object())
    except Exception:  # a font pypdf cannot read, or a pypdf that reads fonts elsewhere
        return None
    codes: dict[str, str] = {}
    for code, letter in read.character_map.items():
        if isinstance(letter, str) and len(letter) == 1:
            codes.setdefault(letter, code)
    widths, default = read.character_widths, read.character_widths.get("default", 500)
    return lambda text: sum(widths.get(codes.get(letter, letter), default) for letter in text)


def _room(right: float, pieces: list[_Piece]) -> float | None:
    """The room left at the end of a cell's line (its right edge at `right`), in letters' sizes; None when unknown."""
    ends = [piece.end for piece in pieces]
    if not pieces or None in ends:
        return None
    return (right - max(e for e in ends if e is not None)) / max(pieces[-1].em, 1.0)


_FIGURE_PART = re.compile(r"[\d.,%]+")
_VOWELS = re.compile(r"[aeiouy]")
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_FIRST_LETTERS = re.compile(r"[^\W\d_]+")


def _cell_lines(lines: list[str], rooms: list[float | None]) -> str:
    """A cell's lines as one text. A word too long for its column is broken where the column ends and goes on on the
    next line ("Thà" / "nh phố", "40.3" / "63" in a narrow column of a report saved as PDF by LibreOffice): it is
    joined again when a figure goes on after a line that was one figure to the column's end (`rooms`: the room left
    at each line's end, in letters' sizes) in a cell of figures alone, or when the two parts make one Vietnamese
    syllable and either could be no word (no vowel: "nh", "c") or the second begins with a vowel after a line that
    was one word to the column's end ("Huy" / "ện"). Other lines are joined with a space."""
    out = lines[0] if lines else ""
    figures = all(_FIGURE_PART.fullmatch(line) for line in lines)
    for line, before, room in zip(lines[1:], lines, rooms, strict=False):
        full = room is not None and room < 1.5 and len(before.split()) == 1  # one word to the column's end
        if figures:
            broken = full and (out[-1:].isdigit() or out[-1:] in (".", ","))
        else:  # the letters that end the one line and begin the next: "“Dâ" / "n vận" → "Dâ", "n"
            a, b = _LAST_LETTERS.search(out), _FIRST_LETTERS.match(line)
            if a is None or b is None or not legacy.syllable(a.group() + b.group()):
                broken = False
            else:
                starts = _VOWELS.match(ascii_key(b.group())) is not None
                broken = not _VOWELS.search(ascii_key(a.group())) or not _VOWELS.search(ascii_key(b.group()))
                broken = broken or (full and starts)
        out += ("" if broken else " ") + line
    return out


class _Spacing:
    """Words spaced as a page's text read by where its letters stand (pypdf's layout mode), for a cell's line whose
    pieces were read in the order they are drawn: a word whose letters are drawn in two fonts (a browser's Vietnamese
    letters in a fallback font, "Thành ph" + "ố") is read with a space at each change of font ("Thành ph ố B ắ c
    K ạ n"), and laid out whole."""

    def __init__(self, laid_out: str) -> None:
        self.text = laid_out
        self.lines = []  # each line's letters (no spaces), where each stands in the line, and the line
        for line in laid_out.splitlines():
            where = [i for i, letter in enumerate(line) if not letter.isspace()]
            self.lines.append(("".join(line[i] for i in where), where, line))

    def of(self, text: str) -> str:
        """`text` spaced as the page lays out its letters, where a line holds them and every line that does spaces
        them alike; else as it is."""
        letters = "".join(letter for letter in text if not letter.isspace())
        found = set()
        for line_letters, where, line in self.lines if letters else ():
            start = line_letters.find(letters)
            while start >= 0:
                found.add(fold_space(line[where[start] : where[start + len(letters) - 1] + 1]))
                start = line_letters.find(letters, start + 1)
        return found.pop() if len(found) == 1 else text

    def without(self, pieces: set[str]) -> str:
        """The laid-out text without the lines made of these pieces alone (each given by its letters, no spaces): a
        table's rows, read apart as its cells."""
        starting: dict[str, list[str]] = {}
        for piece in filter(None, pieces):
            starting.setdefault(piece[0], []).append(piece)

        def made_of_pieces(letters: str) -> bool:
            reached = [True] + [False] * len(letters)
            for i, letter in enumerate(letters):
                if reached[i]:
                    for piece in starting.get(letter, ()):
                        if letters.startswith(piece, i):
                            reached[i + len(piece)] = True
            return reached[-1]

        if not starting:
            return self.text
        return "\n".join(line for letters, _, line in self.lines if not (letters and made_of_pieces(letters)))


def _spans(pieces: list[str], whole: str) -> list[tuple[int, int]] | None:
    """Where each piece lies in `whole`, the same letters in the same order with spaces and line breaks between; None
    if they are not the same letters."""
    spans, at = [], 0
    for piece in pieces:
        start = None
        for letter in piece:
            if letter.isspace():
                continue
            while at < len(whole) and whole[at].isspace():
                at += 1
            if at == len(whole) or whole[at] != letter:
                return None
            start, at = at if start is None else start, at + 1
        spans.append((start if start is not None else at, at))
    return spans


# Operators that set where the next text goes: pypdf hands a line's pieces to its visitor together, at the place the
# first was set, so a producer that sets each cell (a word, a glyph) of a row in one text object has the row's text
# all in its first cell.
_PLACING = {b"Td", b"TD", b"Tm", b"T*", b"'", b'"'}
# A gap in a shown string wider than half a letter (in thousandths of the font's size; a word's space is about 250):
# Ghostscript sets a row's cells as one string with gaps ("[(202) -5592 (279)] TJ").
_GAP = 500


def _one_piece_a_place(page: Any) -> Any:
    """A copy of the page whose text pypdf hands over a piece for every place it is set: a no-op change of the
    drawing's matrix (which makes pypdf hand over what it holds) before each operator that moves the text, and a
    string shown with wide gaps shown a part at a time, each moved to where it starts."""
    from pypdf import PageObject
    from pypdf.generic import ArrayObject, ContentStream, FloatObject

    contents = page.get_contents()
    if contents is None:
        return page
    stream = ContentStream(contents, page.pdf, "bytes")  # its strings as bytes, for the page's fonts to decode
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    fonts = fonts.get_object() if fonts is not None else {}
    flush = ([1, 0, 0, 1, 0, 0], b"cm")
    measures: dict[Any, Callable[[bytes], float]] = {}  # each font's widths, read once
    operations, width, size = [], _widths(None), 0.0
    for operands, operator in stream.operations:
        if operator == b"Tf" and len(operands) == 2:
            if operands[0] not in measures:
                measures[operands[0]] = _widths(fonts.get(operands[0]))
            width, size = measures[operands[0]], float(operands[1])
        if operator == b"TJ" and operands and isinstance(operands[0], list):
            at = 0.0
            for start, items in _parts_apart(operands[0], width, size):
                if start != at:
                    operations += [flush, ([FloatObject(start - at), 0], b"Td")]
                operations.append(([ArrayObject(items)], b"TJ"))
                at = start
            operations += [([FloatObject(-at), 0], b"Td")] if at else []
            continue
        operations += [flush] if operator in _PLACING else []
        operations.append((operands, operator))
    stream.operations = operations
    copy = PageObject(page.pdf)
    copy.update(page)
    copy.replace_contents(stream)
    return copy


def _parts_apart(items: list[Any], width: Callable[[bytes], float], size: float) -> list[tuple[float, list[Any]]]:
    """A TJ operator's strings and gaps as parts split at each gap wider than _GAP, each with where it starts (in
    text space, from where the whole starts); `width` measures a string (see _widths)."""
    parts: list[tuple[float, list[Any]]] = [(0.0, [])]
    pen = 0.0
    for item in items:
        if isinstance(item, (int, float)):
            pen -= float(item) * size / 1000
            if item <= -_GAP and parts[-1][1]:
                parts.append((pen, []))
                continue
        else:  # a string, as bytes ("bytes" parsing) or as pypdf decoded it
            pen += width(bytes(getattr(item, "original_bytes", item))) * size / 1000
        parts[-1][1].append(item)
    return parts


def _widths(font: Any) -> Callable[[bytes], float]:
    """How wide a string is shown in `font`, in thousandths of its size, by the widths the font lists (two bytes a
    letter in a composite font); 500 a letter where it lists none."""
    font = font.get_object() if font is not None else {}
    if font.get("/Subtype") == "/Type0":
        cid = font["/DescendantFonts"][0].get_object()
        listed, widths, i = cid.get("/W", []), dict[int, float](), 0
        while i + 1 < len(listed):
            if isinstance(listed[i + 1], list):  # first [w w …]
                widths |= {int(listed[i]) + k: float(w) for k, w in enumerate(listed[i + 1])}
                i += 2
            else:  # first last w
                widths |= dict.fromkeys(range(int(listed[i]), int(listed[i + 1]) + 1), float(listed[i + 2]))
                i += 3
        default = float(cid.get("/DW", 1000))
        return lambda shown: sum(
            widths.get(int.from_bytes(shown[i : i + 2], "big"), default) for i in range(0, len(shown) - 1, 2)
        )
    first, table = int(font.get("/FirstChar", 0)), [float(w) for w in font.get("/Widths", [])]
    return lambda shown: sum(table[c - first] if 0 <= c - first < len(table) else 500.0 for c in shown)


def _drawn_lines(page: Any) -> list[tuple[float, float, float, float]]:
    """The straight lines a PDF page draws, on the page (x0, y0, x1, y1 in points): a thin filled rectangle (how a
    browser draws a table's borders), a rectangle's sides stroked, a path's level or upright segments stroked (how
    Word does); inside the forms it draws too (a page a PDF tool wrapped in one)."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return []
    out: list[tuple[float, float, float, float]] = []
    _lines_drawn(ContentStream(contents, page.pdf), page.get("/Resources"), [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], out, [])
    return out


def _times(m: list[float], ctm: list[float]) -> list[float]:
    """The matrix `m` applied within `ctm` (PDF's m × ctm)."""
    a, b, c, d, e, f = m
    return [
        a * ctm[0] + b * ctm[2],
        a * ctm[1] + b * ctm[3],
        c * ctm[0] + d * ctm[2],
        c * ctm[1] + d * ctm[3],
        e * ctm[0] + f * ctm[2] + ctm[4],
        e * ctm[1] + f * ctm[3] + ctm[5],
    ]


MAX_FORMS = 50  # forms followed on a page: a file whose forms draw each other many times is not read for ever


def _lines_drawn(
    stream: Any, resources: Any, ctm: list[float], out: list[tuple[float, float, float, float]], followed: list[Any]
) -> None:
    """The lines `stream` draws (see _drawn_lines) added to `out`, within `ctm`; the forms it draws are followed,
    MAX_FORMS of them at most (each added to `followed`)."""
    from pypdf.generic import ContentStream

    found = resources.get_object().get("/XObject") if resources is not None else None
    forms = found.get_object() if found is not None else {}
    saved: list[list[float]] = []
    path: list[tuple[tuple[float, float], tuple[float, float], bool]] = []  # (from, to, a rectangle's diagonal)
    here = (0.0, 0.0)

    def on_page(x: float, y: float) -> tuple[float, float]:
        return (x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5])

    for operands, operator in stream.operations:
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q" and saved:
            ctm = saved.pop()
        elif operator == b"cm" and len(operands) == 6:
            ctm = _times([float(v) for v in operands], ctm)
        elif operator == b"Do" and operands and len(followed) < MAX_FORMS:
            form = forms.get(operands[0])
            form = form.get_object() if form is not None else None
            if form is not None and form.get("/Subtype") == "/Form":
                matrix = [float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                followed.append(operands[0])
                inner = ContentStream(form, stream.pdf)
                _lines_drawn(inner, form.get("/Resources") or resources, _times(matrix, ctm), out, followed)
        elif operator == b"re" and len(operands) == 4:
            x, y, w, h = map(float, operands)
            path.append((on_page(x, y), on_page(x + w, y + h), True))
        elif operator == b"m" and len(operands) == 2:
            here = on_page(*map(float, operands))
        elif operator == b"l" and len(operands) == 2:
            there = on_page(*map(float, operands))
            path.append((here, there, False))
            here = there
        elif operator in (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"):
            stroked = operator in (b"S", b"s", b"B", b"B*", b"b", b"b*")
            for (x0, y0), (x1, y1), box in path if operator != b"n" else []:
                if box and min(abs(x1 - x0), abs(y1 - y0)) <= 2:  # a thin rectangle: a line
                    out.append((x0, y0, x1, y1))
                elif box and stroked:  # a rectangle's four sides
                    out += [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
                elif not box and stroked and (abs(x1 - x0) < 0.5 or abs(y1 - y0) < 0.5):
                    out.append((x0, y0, x1, y1))
            path = []


@dataclass
class Recognised:
    """Pages read by OCR: each page's text, their ruled tables ("Bảng 1", … over the file), these tables as the
    workbook stored in the scan's place (Document.transcription; None without tables), and as pictures
    (Document.scanned_rows)."""

    texts: list[str]
    tables: list[Table]
    transcription: bytes | None
    scanned_rows: dict[str, dict[int, bytes]]


def _recognise(name: str, pages: list[list[Any]]) -> Recognised:
    """Pages (each its pictures) read by OCR, their tables as `_tabled` makes them."""
    return _tabled(name, [[ocr.read_page(picture) for picture in pictures] for pictures in pages], True)


def _tabled(name: str, pages: list[list[ocr.Page]], recognised: bool) -> Recognised:
    """Pages (each its pictures' readings) with their tables numbered over the file. A ruled table with figures is a
    table, as a Word file's is; one without (a list of names in a grid) stays in its page's text, a line a row. A
    page's first table that goes on with the last one read (`_continued`) is that table's next rows. With anything
    `recognised` by OCR, the tables are written as the transcription their cells point to."""
    texts: list[str] = []
    tables: list[Table] = []
    grids: dict[str, list[list[str]]] = {}  # each table's cells as read, by its name
    rows: dict[str, list[Any]] = {}  # and each of its rows' picture (a scan's)
    doubts: dict[str, dict[tuple[int, int], str]] = {}  # and its figures read two ways
    for number, read in enumerate(pages):
        parts: list[str] = []
        for page in read:
            parts.append(page.text)
            for grid, seen, unsure in zip(page.tables, page.rows, page.doubts, strict=True):
                last = f"Bảng {len(tables)}"
                first = grid is next(g for p in read for g in p.tables)  # the page's first table
                whole = _continued(grids[last], tables[-1].header_rows, grid) if number and first and tables else None
                beside = _beside(grids[last], grid) if number and first and tables and whole is None else None
                if beside is not None and (table := _grid_table(name, last, beside, not recognised)) is not None:
                    width = len(grids[last][0])  # its columns go on to the right of the last table's
                    doubts[last] |= {(r, c + width): other for (r, c), other in unsure.items()}
                    grids[last], tables[-1] = beside, table
                    continue
                if whole is not None and (table := _grid_table(name, last, whole, not recognised)) is not None:
                    shift = len(whole) - len(grid)  # its rows' place in the whole, a repeated header left out
                    rows[last] += seen[len(grids[last]) - shift :]
                    doubts[last] |= {(r + shift, c): o for (r, c), o in unsure.items() if r + shift >= len(grids[last])}
                    grids[last], tables[-1] = whole, table
                    continue
                sheet = f"Bảng {len(tables) + 1}"
                if (table := _grid_table(name, sheet, grid, not recognised)) is None:
                    parts.append(_grid_text(grid))
                else:
                    tables.append(table)
                    grids[sheet], rows[sheet], doubts[sheet] = grid, seen, unsure
        texts.append("\n\n".join(filter(None, parts)))
    for table in tables:
        table.doubts = {f"{column_letter(c + 1)}{r + 1}": other for (r, c), other in doubts[table.name].items()}
    shown = {t.name: _rows_under_header(t, rows[t.name]) for t in tables if len(rows[t.name]) == len(grids[t.name])}
    transcription = _transcription(name, grids) if grids and recognised else None
    return Recognised(texts, tables, transcription, shown)


def _grid_text(grid: Grid, by_column: bool = False) -> str:
    """A table of text only as the text it holds: a line a row, its cells apart (a merged cell's text once); or
    `by_column`, a line a cell, down each column in turn."""
    if by_column:
        cells = (row[c] for c in range(max(map(len, grid), default=0)) for row in grid if c < len(row))
        return "\n".join(dict.fromkeys(filter(None, (cell.strip() for cell in cells))))
    return "\n".join(" | ".join(dict.fromkeys(filter(None, row))) for row in grid if any(row))


def _rows_under_header(table: Table, pictures: list[Any]) -> dict[int, bytes]:
    """Each row of a table with figures as a picture under the table's header rows (PNG), by row (from 1)."""
    from PIL import Image

    header = [pictures[row - 1] for row in table.header_rows]
    out = {}
    for row in sorted({cell.row for cells in table.rows for cell in cells}):
        parts = [*header, pictures[row - 1]]
        picture = Image.new("L", (max(p.width for p in parts), sum(p.height for p in parts)), 255)
        top = 0
        for part in parts:
            picture.paste(part, (0, top))
            top += part.height
        out[row] = _png(picture)
    return out


def _png(picture: Any) -> bytes:
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def _continued(before: list[list[str]], header_rows: tuple[int, ...], grid: list[list[str]]) -> list[list[str]] | None:
    """The table `before` (its header in `header_rows`, from 1) with the rows of `grid`, when `grid` is its
    continuation on the next page: as many columns, and either its header rows again (Word's "repeat header rows"),
    dropped, or no header of its own (its first row has figures); None otherwise."""
    if len(grid[0]) != len(before[0]):
        return None
    header = [[fold_space(c).lower() for c in before[row - 1]] for row in header_rows]
    if header and [[fold_space(c).lower() for c in row] for row in grid[: len(header)]] == header:
        return before + grid[len(header) :]
    alone = _grid_table("", "", grid)
    return before + grid if alone is not None and not alone.header_rows and alone.title is None else None


_LETTER = re.compile(r"[^\W\d_]")


def _beside(before: list[list[str]], grid: list[list[str]]) -> list[list[str]] | None:
    """The table `before` with the columns of `grid`, when `grid` is its continuation to the right on the next page
    (a sheet wider than the paper, printed across pages): as many rows, and no column of names of its own (its rows'
    first cells are figures wherever `before`'s rows have names); None otherwise."""
    if len(grid) != len(before) or len(before) < 2:
        return None
    labelled = {i for i, row in enumerate(before) if any(c and not is_number_cell(c) for c in row[:2])}
    figures = {i for i, row in enumerate(grid) if row and is_number_cell(row[0])}
    if not figures or not figures <= labelled:
        return None
    if any(_LETTER.search(c) for i in figures for c in grid[i]):  # a table of its own, with names
        return None
    return [left + right for left, right in zip(before, grid, strict=True)]


def _transcription(name: str, grids: dict[str, list[list[str]]]) -> bytes:
    """Tables read by OCR as a workbook, a sheet each, every cell as text as it was read (read back, each sheet is
    the same table, cell for cell), and a last sheet saying where they were read from."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(buffer, options) as book:
        for sheet, grid in grids.items():
            page = book.add_worksheet(sheet)
            for r, row in enumerate(grid):
                for c, text in enumerate(row):
                    if text:
                        page.write_string(r, c, text)
        book.add_worksheet("Ghi chú").write_string(
            0, 0, f"Các bảng chép tự động (OCR) từ ảnh quét “{name}” khi nhập liệu; đối chiếu với bản quét gốc."
        )
    return buffer.getvalue()


def _page_texts(reader: Any, placed: dict[int, list[_Piece]] | None = None) -> list[str]:
    """Each page's text layer, its lines trimmed. Layout mode keeps Vietnamese words whole (the plain mode splits
    "Kết" into "K ế t" for some fonts); the padding it adds between columns is folded to one space. Layout mode does
    not read a page drawn as a form (a PDF tool that stamps, merges or signs pages may wrap each in one): such a page
    is read in plain mode, not taken for a scan. A page in two fonts or more is also read where its letters are drawn
    (_in_place); `placed` keeps those pieces by the page's index, for its tables."""
    pages = []
    for i, page in enumerate(reader.pages):
        text = page.extract_text(extraction_mode="layout") or ""
        if _has_text(text) and _fonts(page) > 1:
            try:
                pieces = _placed_pieces(page)
            except Exception:  # pypdf raises anything on a damaged page: its layout-mode text stands
                pieces = None
            if pieces is not None:
                text = _in_place(text, pieces)
                if placed is not None:  # for the page's tables, not placed again
                    placed[i] = pieces
        pages.append(text if _has_text(text) else page.extract_text() or text)
    return ["\n".join(re.sub(r"[ \t]{2,}", " ", line).strip() for line in page.splitlines()) for page in pages]


def _fonts(page: Any) -> int:
    """How many fonts a PDF page's resources name (0 when they cannot be read)."""
    try:
        return len(page["/Resources"]["/Font"])
    except Exception:  # no resources, no fonts, or a damaged dictionary
        return 0


def _in_place(laid_out: str, pieces: list[_Piece]) -> str:
    """A page's layout-mode text, or its text put together from where its letters are drawn (_placed_text) when that
    has the same letters in another order and more of its words are Vietnamese syllables: layout mode put some
    letters out of their words."""
    placed = _placed_text(pieces)
    letters, placed_letters = _SPACES.sub("", laid_out), _SPACES.sub("", placed)
    if letters == placed_letters or sorted(letters) != sorted(placed_letters):
        return laid_out
    return placed if legacy.vietnamese_share(placed) > legacy.vietnamese_share(laid_out) + 0.05 else laid_out


def _text_layer(pages: list[str], least: int = MIN_PDF_TEXT) -> str | None:
    """A PDF's text from its pages' texts, or None for a scan (fewer than `least` characters over the file)."""
    text = "\n".join(pages)
    return re.sub(r"\n{3,}", "\n\n", text) if len(re.sub(r"\s", "", text)) >= least else None


def _scanned_pages(reader: Any, pages: list[str]) -> list[int]:
    """The pages (indices) of a PDF with a text layer that are pictures of pages: a picture, and no text of their own
    or only text drawn invisible under it (an office scanner's own reading, often without Vietnamese marks, and its
    tables as lines of text: read again, a scan's way)."""
    return [
        i
        for i, text in enumerate(pages)
        if reader.pages[i].images and (not _has_text(text) or _invisible_text(reader.pages[i]))
    ]


def _has_text(page_text: str) -> bool:
    return len(re.sub(r"\s", "", page_text)) >= MIN_PDF_TEXT


def _invisible_text(page: Any) -> bool:
    """Whether every piece of text a PDF page shows is drawn invisible (text rendering mode 3)."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return False
    mode, saved, shown = 0, [], set()
    try:
        for operands, operator in ContentStream(contents, page.pdf).operations:
            if operator == b"q":
                saved.append(mode)
            elif operator == b"Q" and saved:
                mode = saved.pop()
            elif operator == b"Tr" and operands:
                mode = int(operands[0])
            elif operator in (b"Tj", b"TJ", b"'", b'"'):
                shown.add(mode == 3)
    except Exception:  # pypdf raises anything on a damaged stream: the page is read as it reads
        return False
    return shown == {True}


PICTURES = ("png", "jpeg", "tiff")  # a photo, or an office scanner's pages (TIFF: a frame a page)


def _picture(raw: bytes, name: str, kind: str) -> Document:
    """A photo or scan of a page (PNG, JPEG, TIFF), read by OCR when the machine can."""
    if not ocr.available():
        raise IngestError(
            f"{name}: ảnh chỉ đọc được khi máy cài phần mềm nhận dạng chữ tesseract-ocr-vie; hãy nhập bản Word hoặc "
            "PDF có chữ của văn bản"
        )
    frames = _frames(raw, ocr.MAX_PAGES + 1)
    if len(frames) > ocr.MAX_PAGES:
        raise IngestError(f"{name}: ảnh quét quá {ocr.MAX_PAGES} trang một lần nhận dạng chữ; hãy tách thành nhiều tệp")
    read = _recognise(name, [[frame] for frame in frames])
    text = "\n\n".join(filter(None, read.texts))
    if len(re.sub(r"\s", "", text)) < MIN_PDF_TEXT and not read.tables:
        raise IngestError(f"{name}: không nhận dạng được chữ trong ảnh; hãy chụp hoặc quét lại rõ hơn, thẳng trang")
    notes = [_recognised(name, "chữ trong ảnh", len(read.tables))]
    text = re.sub(r"\n{3,}", "\n\n", text)
    return Document(name, kind, text, read.tables, notes, read.transcription, read.scanned_rows)


def scan_pictures(raw: bytes, limit: int = 10) -> list[bytes]:
    """The pictures a curator checks recognised text against, as PNG: a photo itself, turned as its EXIF says; the
    pages of a PDF with no text layer, or the scanned pages of one with a text layer, turned as each page says (at
    most `limit`); none for any other file. Each is then turned as Tesseract reads it, if it was stored sideways or
    upside down with nothing saying so."""
    kind = sniff(raw)
    if kind in PICTURES:
        pictures = _frames(raw, limit)
    elif kind == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            return []
        pages = _page_texts(reader)  # a scan as _pdf tells one; in a typed PDF, its scanned pages
        scanned = range(len(pages)) if _text_layer(pages) is None else _scanned_pages(reader, pages)
        pictures = _page_pictures([reader.pages[i] for i in scanned][:limit])
    else:
        return []
    # shown the way its text was read
    return [_png(ocr.upright(picture) if ocr.available() else picture) for picture in pictures[:limit]]


def _frames(raw: bytes, limit: int) -> list[Any]:
    """A picture file's pages (a TIFF's frames; one for a photo), at most `limit`, each turned as its EXIF says: a
    phone stores a photo as its sensor saw it and says how to turn it to be read."""
    from PIL import Image, ImageOps, ImageSequence

    with Image.open(io.BytesIO(raw)) as picture:
        frames = itertools.islice(ImageSequence.Iterator(picture), limit)
        return [ImageOps.exif_transpose(frame.copy()) for frame in frames]


def _page_pictures(pages: Any) -> list[Any]:
    """The pictures of a PDF's pages (PIL images), each turned as its page says to be read: a scanner stores a page
    sideways and sets /Rotate (clockwise)."""
    return [i.image.rotate(-page.rotation, expand=True) for page in pages for i in page.images if i.image is not None]


def _recognised(name: str, what: str, tables: int) -> str:
    """The draft's note on what OCR read: the text, and how many of the tables (`tables`)."""
    cells = f", và {tables} bảng kẻ ô đọc từng ô," if tables else ""
    return (
        f"{name}: {what}{cells} được nhận dạng tự động (OCR, tiếng Việt) — nhận dạng có thể sai: đối chiếu từng con "
        "số, tên và ngày với bản gốc."
    )


def _scanned(pages: Any, name: str) -> Document:
    """A PDF with no text layer: its pages' pictures read by OCR when the machine can (danvan.ocr), else refused
    with what to do. A page with no picture (a blank one) has no text either way."""
    unread = IngestError(
        f"{name}: PDF không có lớp chữ (có lẽ là ảnh quét của {len(pages)} trang); hãy dùng bản PDF xuất từ Word, "
        "hoặc nhận dạng chữ (OCR) trước khi nhập"
        + ("" if ocr.available() else " (máy này chưa cài phần mềm nhận dạng chữ tesseract-ocr-vie)")
    )
    if not ocr.available():
        raise unread
    if len(pages) > ocr.MAX_PAGES:
        raise IngestError(
            f"{name}: PDF ảnh quét dài {len(pages)} trang, quá {ocr.MAX_PAGES} trang một lần nhận dạng chữ; hãy tách "
            "thành nhiều tệp"
        )
    pictures = [_page_pictures([page]) for page in pages]
    if (count := sum(map(len, pictures))) > 2 * ocr.MAX_PAGES:  # a page is one picture, or a few: not thumbnails
        raise IngestError(f"{name}: PDF có {count} ảnh, quá nhiều để nhận dạng chữ; hãy dùng bản PDF xuất từ Word")
    try:
        read = _recognise(name, pictures)
    except (OSError, RuntimeError, subprocess.SubprocessError) as err:
        raise IngestError(
            f"{name}: PDF là ảnh quét và không nhận dạng được chữ ({clipped(str(err), 120)}); hãy dùng bản PDF "
            "xuất từ Word"
        ) from None
    text = "\n\n".join(filter(None, read.texts))
    if len(re.sub(r"\s", "", text)) < MIN_PDF_TEXT and not read.tables:
        raise unread
    notes = [_recognised(name, f"PDF là ảnh quét; chữ của {len(pages)} trang", len(read.tables))]
    text = re.sub(r"\n{3,}", "\n\n", text)
    return Document(name, "pdf", text, read.tables, notes, read.transcription, read.scanned_rows)


def _xlsx(raw: bytes, name: str) -> Document:
    return _workbook(name, "xlsx", _xlsx_grids, raw)


Merged = list[tuple[int, int, int, int]]  # merged ranges: first row, last row, first column, last column (from 1)
# per sheet: its name, its cells' texts (a hidden row's or column's blank), its merged ranges, and the rows and
# columns hidden in it (None: the sheet itself is hidden)
Grids = list[tuple[str, list[list[str]], Merged, tuple[int, int] | None]]


def _workbook(name: str, kind: str, grids: Callable[[bytes, Counter[str]], Grids], raw: bytes) -> Document:
    """A workbook's sheets as tables (`grids` reads them: cells typed in an old code table's font as Unicode,
    counted by table), with notes on merged header cells and on what was converted."""
    tables, notes = [], []
    converted: Counter[str] = Counter()
    for sheet, grid, merged, hidden in grids(raw, converted):
        # a helper list, last year's figures, a working column, kept out of sight: not the report's
        if hidden is None:
            notes.append(
                f"{name} › {sheet}: trang tính bị ẩn nên không trích; nếu cần, bỏ ẩn trong Excel rồi nhập lại."
            )
            continue
        if any(hidden):
            shown = ", ".join(f"{n} {what}" for n, what in zip(hidden, ("hàng", "cột"), strict=True) if n)
            notes.append(f"{name} › {sheet}: {shown} bị ẩn nên không trích; nếu cần, bỏ ẩn trong Excel rồi nhập lại.")
        table = _grid_table(name, sheet, grid, written=False)
        if table is not None:
            tables.append(table)
            if any(first <= row <= last for first, last, _, _ in merged for row in table.header_rows):
                notes.append(f"{name} › {sheet}: có ô gộp ở tiêu đề; mỗi cột nhận tiêu đề của ô gộp chứa nó.")
    if not tables:
        raise IngestError(f"{name}: không có bảng số liệu nào (cần một hàng tiêu đề và các hàng có số)")
    if uncomputed := converted.pop(UNCOMPUTED, 0):
        notes.append(
            f"{name}: {uncomputed} ô có công thức mà tệp không lưu kết quả (tệp do một phần mềm xuất ra, chưa mở bằng "
            "Excel) nên để trống; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại để có các số ấy"
        )
    notes += [legacy.converted_note(name, code, f"{n} ô") for code, n in converted.items()]
    return Document(name, kind, "", tables, notes)


# A cell with a formula and no value saved: a workbook written by a program (a web export) that never computed it
UNCOMPUTED = "formulas not computed"
_XLSX_CELL = re.compile(rb"<c\b(?P<attributes>[^>]*?)(?:/>|>(?P<content>.*?)</c>)", re.S)
_SAVED_VALUE = re.compile(rb"<v>[^<]|<is>")
_TEXT_RESULT = re.compile(rb"""\bt=["'](?:str|e)["']""")  # a formula's text (an empty one too) or error, computed


def _uncomputed(raw: bytes) -> int:
    """The cells of an .xlsx with a formula whose result the file does not keep (openpyxl reads them as empty)."""
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(raw))
    return sum(
        1
        for part in archive.namelist()
        if part.startswith("xl/worksheets/") and part.endswith(".xml")
        for cell in _XLSX_CELL.finditer(archive.read(part))
        if b"<f" in (content := cell.group("content") or b"")
        and not _SAVED_VALUE.search(content)
        and not _TEXT_RESULT.search(cell.group("attributes"))
    )


def _fill_merged(grid: list[list[str]], ranges: Merged) -> None:
    """Each merged range (first row, last row, first column, last column; from 1) takes its top-left cell's text."""
    for first_row, last_row, first_col, last_col in ranges:
        top = grid[first_row - 1][first_col - 1] if first_row <= len(grid) else ""
        for r in range(first_row, min(last_row, len(grid)) + 1):
            for c in range(first_col, last_col + 1):
                if c <= len(grid[r - 1]):
                    grid[r - 1][c - 1] = top


def _xlsx_grids(raw: bytes, converted: Counter[str]) -> Grids:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw), data_only=True)
    converted[UNCOMPUTED] += _uncomputed(raw)
    out: Grids = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            out.append((sheet.title, [], [], None))
            continue
        columns = {
            c
            for dimension in sheet.column_dimensions.values()
            if dimension.hidden
            for c in range(dimension.min or 1, (dimension.max or dimension.min or 1) + 1)
        }
        rows = {r for r, dimension in sheet.row_dimensions.items() if dimension.hidden}
        grid = [
            [
                ""
                if cell.row in rows or cell.column in columns
                else _font_cell_text(
                    cell.value, cell.font.name if isinstance(cell.value, str) else None, converted, cell.number_format
                )
                for cell in row
            ]
            for row in sheet.iter_rows()
        ]
        merged = [(m.min_row, m.max_row, m.min_col, m.max_col) for m in sheet.merged_cells.ranges]
        _fill_merged(grid, merged)
        out.append((sheet.title, grid, merged, (len(rows), len(columns))))
    return out


def _odt(raw: bytes, name: str) -> Document:
    """A LibreOffice text (.odt), read as a Word file is: paragraphs and tables in the order of the page."""
    converted: Counter[str] = Counter()
    parts: list[str | Grid] = []
    for part in opendocument.text_parts(raw, lambda code: converted.update([code])):
        if isinstance(part, str):
            parts.append(part)
        else:  # a table: a merged cell's text in every cell it covers, as Word's read
            grid, merged = part
            _fill_merged(grid, merged)
            parts.append(grid)
    text, tables = _word_body(name, parts)
    notes = [legacy.converted_note(name, code, f"{n} đoạn chữ") for code, n in converted.items()]
    return Document(name, "odt", nfc(text), tables, notes)


def _ods_grids(raw: bytes, converted: Counter[str]) -> Grids:
    """A LibreOffice spreadsheet's sheets (.ods), read as an .xlsx's are."""
    out: Grids = []
    for sheet, cells, merged, hidden in opendocument.sheets(raw, lambda code: converted.update([code])):
        grid = [
            ["" if c is None else _font_cell_text(c.value, None, converted, "0%" if c.percent else None) for c in row]
            for row in cells
        ]
        _fill_merged(grid, merged)
        out.append((sheet, grid, merged, hidden))
    return out


def _xls(raw: bytes, name: str) -> Document:
    """Excel 97-2003 (xlrd), read as an .xlsx is."""
    return _workbook(name, "xls", _xls_grids, raw)


def _xls_grids(raw: bytes, converted: Counter[str]) -> Grids:
    import xlrd

    book = xlrd.open_workbook(file_contents=raw, formatting_info=True, logfile=io.StringIO())
    out: Grids = []
    for sheet in book.sheets():
        if sheet.visibility:
            out.append((sheet.name, [], [], None))
            continue
        rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
        columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        grid = [
            ["" if r in rows or c in columns else _xls_cell_text(book, cell, converted) for c, cell in enumerate(row)]
            for r, row in ((r, sheet.row(r)) for r in range(sheet.nrows))
        ]
        merged = [(r0 + 1, r1, c0 + 1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
        _fill_merged(grid, merged)
        out.append((sheet.name, grid, merged, (len(rows), len(columns))))
    return out


def _xls_value(cell: Any, datemode: int) -> object:
    """An .xls cell's value as openpyxl gives an .xlsx cell's: None when empty or an error, a date as a datetime."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, datemode)
    return bool(cell.value) if cell.ctype == xlrd.XL_CELL_BOOLEAN else cell.value


def _xls_cell_text(book: Any, cell: Any, converted: Counter[str]) -> str:
    """An .xls cell's text, by its font and number format (see _font_cell_text)."""
    if cell.xf_index is None:
        return _font_cell_text(_xls_value(cell, book.datemode), None, converted)
    xf = book.xf_list[cell.xf_index]
    shown = book.format_map.get(xf.format_key)
    font = book.font_list[xf.font_index].name
    return _font_cell_text(_xls_value(cell, book.datemode), font, converted, shown.format_str if shown else None)


def _font_cell_text(value: object, font: str | None, converted: Counter[str], number_format: str | None = None) -> str:
    """A cell's text; typed in an old code table's font, as Unicode (counted in `converted`); a number shown as a
    percentage (Excel keeps 78,3 % as 0.783 under a format "0.0%") as the percentage the sheet shows, "78,3%"."""
    if isinstance(value, str):
        value, code = legacy.from_font(value, font)
        converted.update([code] if code else [])
    if isinstance(value, int | float) and not isinstance(value, bool) and _PERCENT_FORMAT.search(number_format or ""):
        return _cell_text(round(value * 100, 10)) + "%"
    return _cell_text(value)


# a percent sign of a number format, not one inside quotes or escaped (`0.0"%"` shows the number itself with a sign)
_PERCENT_FORMAT = re.compile(r'^(?:[^"\\]|\\.|"[^"]*")*?(?<!\\)%')


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

# 1.973, 81,77, 81,77%, 1973; thousands set apart by a space as some offices type them ("40 766", a no-break one too)
_NUMBER_CELL = re.compile(
    r"^\s*[-+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*%?\s*$|^\s*[-+]?\d+(?:,\d+)?\s*%?\s*$"
    r"|^\s*[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?\s*%?\s*$"
)


# a figure with its unit written after it in lower case, one or two words: "15 mô hình", "1.215 hộ"
_UNIT_AFTER = re.compile(r"^(?P<number>.*\d%?)\s+(?P<unit>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*$")


def _figure(text: str) -> str:
    """A cell's figure without the unit written after it ("15 mô hình" → "15"; "2 Hội" is a name, and "12,5 triệu
    đồng" no figure of a cell: its scale says what the number is)."""
    unit = _UNIT_AFTER.match(text)
    if unit is None or unit["unit"] != unit["unit"].lower() or unit["unit"].split()[0] in _SCALES:
        return text
    return unit["number"]


_SCALES = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn", "trăm", "chục"}


def is_number_cell(text: str) -> bool:
    return bool(_NUMBER_CELL.match(_figure(text)))


def cell_number(text: str) -> float | None:
    """ "1.973" → 1973, "81,77" → 81.77, "81,77%" → 81.77, "15 mô hình" → 15; None if the cell is not a number."""
    if not is_number_cell(text):
        return None
    figure = re.sub(r"[ \u00a0\u202f.]", "", _figure(text).strip().rstrip("%").strip())
    return float(figure.replace(",", "."))


_ENGLISH_FIGURE = re.compile(r"^\s*[-+]?(?:\d+\.(?:\d{1,2}|\d{4,})|\d{1,3}(?:,\d{3})+\.\d+)\s*%?\s*$")
_VIETNAMESE_FIGURE = re.compile(
    r"^\s*[-+]?(?:\d+,(?:\d{1,2}|\d{4,})|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})\s*%?\s*$"
)
_EITHER_WAY = re.compile(r"^\s*[-+]?\d{1,3}(?:,\d{3})+\s*%?\s*$")  # "40,363": 40,363 or, the English way, 40.363
_FIGURE_WRITTEN = re.compile(r"^\s*[-+]?[\d.,]*\d\s*%?\s*$")


def _as_vietnamese(rows: list[list[str]]) -> int:
    """Figures written the English way in a table rewritten the Vietnamese way, in place: "78.3" → "78,3", "40,363" →
    "40.363". How many."""
    swap = str.maketrans(",.", ".,")
    count = 0
    for row in rows:
        for i, cell in enumerate(row):
            if _FIGURE_WRITTEN.match(cell) and ("," in cell or "." in cell):
                row[i], count = cell.translate(swap), count + 1
    return count


def _grid_table(file: str, name: str, grid: list[list[str]], written: bool = True) -> Table | None:
    """Title rows (one filled cell), header rows (the filled rows just above the first row with a number), and the
    data rows. None when the grid has no row with a number. A row numbering the columns under the header ("A | B |
    1 | 2", "(1) | (2) | (3)=(1)+(2)"), as statistical tables have, is neither. Figures `written` as text (not a
    workbook's numbers, which read the Vietnamese way already, nor a scan's, kept as OCR read them in its
    transcription) are read the Vietnamese way when written the English way (counted in `english`)."""
    rows = [[c or "" for c in row] for row in grid]
    cells = [c.strip() for row in rows for c in row] if written else []
    # the English way when a decimal point is somewhere ("78.3", "1,234.5") and no decimal comma anywhere
    english_way = any(_ENGLISH_FIGURE.match(c) for c in cells)
    vietnamese_way = any(_VIETNAMESE_FIGURE.match(c) for c in cells)
    english = _as_vietnamese(rows) if english_way and not vietnamese_way else 0
    either = [] if english_way or vietnamese_way else [c for c in cells if _EITHER_WAY.match(c)]
    rows = [[""] * len(row) if _column_numbers(row) else row for row in rows]  # blanked: the cells keep their places
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
    return Table(
        file,
        name,
        title,
        headers,
        [row for row in data if row],
        tuple(r + 1 for r in header_rows),
        english=english,
        either=either,
    )


_COLUMN_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2}|[A-Z])\)?(?:\s*=\s*[\d()+\-*/x ]+)?$")


def _column_numbers(row: list[str]) -> bool:
    """Whether a row numbers its table's columns: three marks or more, letters or numbers counting up by one."""
    marks = [_COLUMN_NUMBER.match(c.strip()) for c in row if c.strip()]
    if len(marks) < 3 or not all(marks):
        return False
    numbers = [int(m["n"]) for m in marks if m and m["n"].isdigit()]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True


def header_rows_text(table: Table, column: int) -> str:
    return table.headers.get(column, "")


# ------------------------------------------------------------------------------------------------ checking


def split_cell_ref(ref: str) -> tuple[str, str, str]:
    """(file, sheet or table, A1 reference) of a `cell` value; ValueError when it is not of that shape."""
    m = re.fullmatch(r"(?P<file>[^#]+)#(?P<sheet>.+)!(?P<ref>[A-Za-z]{1,3}\d+)", ref.strip())
    if not m:
        raise ValueError(f"“{ref}” không đúng dạng tệp#trang!ô (ví dụ bao-cao.xlsx#Năm 2023!C5)")
    return m.group("file"), m.group("sheet"), m.group("ref").upper()


def cell_words(ref: str, word: str = "ô") -> str:
    """A `cell` value as notes and views write it: "bc2023.xlsx#Năm 2023!C4" → "bc2023.xlsx › Năm 2023 › ô C4"."""
    return ref.replace("#", " › ").replace("!", f" › {word} ")


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
