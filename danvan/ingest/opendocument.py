"""LibreOffice's own files (OpenDocument, the format Vietnam's state standards name for exchanging documents): a
text's paragraphs and tables (.odt) and a spreadsheet's sheets (.ods), read from their content.xml as Word and Excel
files are read (danvan.ingest.readers gives both the same shape: paragraphs and grids of cell texts).

Nothing is ever expanded beyond what the sheet shows: LibreOffice writes a sheet's unused rows and columns as one
empty cell "repeated" a million times, kept here as a count until something follows it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import legacy

MAX_XML = 64 << 20  # bytes of content.xml or styles.xml unpacked: more is a zip bomb, not a report
MAX_ROWS = 100_000  # rows, and columns, of a sheet or table read; beyond is not a report's table
MAX_COLUMNS = 1_024
_SHEET = 1 << 24  # a repeat beyond any sheet's rows or columns (LibreOffice's: 1.048.576 rows, 16.384 columns)

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


class TooLarge(ValueError):
    """A part of the file unpacks to more than MAX_XML bytes."""


# A cell or paragraph piece: its text and the font it is drawn in (None when no font is named)
Piece = tuple[str, str | None]


@dataclass
class Value:
    """A spreadsheet cell as the reader sees it: its value (a number, a date, a text; a text's old code table already
    read as Unicode) and whether the sheet shows it as a percentage."""

    value: object
    percent: bool = False


class _Styles:
    """The font each style names (through the styles it is based on), and the sheets' styles that hide a sheet."""

    def __init__(self, roots: list[Any]) -> None:
        self.faces: dict[str, str] = {}
        self.fonts: dict[tuple[str, str], tuple[str | None, str | None]] = {}  # (family, name) → (font, parent)
        self.defaults: dict[str, str | None] = {}
        self.hidden_tables: set[str] = set()
        for root in roots:
            for face in root.iter(_q("style:font-face")):
                family = (face.get(_q("svg:font-family")) or face.get(_q("style:name")) or "").strip("'\"")
                self.faces[face.get(_q("style:name")) or ""] = family
        for root in roots:
            for style in root.iter(_q("style:style"), _q("style:default-style")):
                family = style.get(_q("style:family")) or ""
                props = style.find(_q("style:text-properties"))
                font = None if props is None else self._font(props)
                if style.tag == _q("style:default-style"):
                    self.defaults[family] = font
                    continue
                name = style.get(_q("style:name")) or ""
                self.fonts[(family, name)] = (font, style.get(_q("style:parent-style-name")))
                table = style.find(_q("style:table-properties"))
                if family == "table" and table is not None and table.get(_q("table:display")) == "false":
                    self.hidden_tables.add(name)
        self.legacy = any(legacy.code_of_font(font) for font in self.faces.values())

    def _font(self, props: Any) -> str | None:
        name = props.get(_q("style:font-name"))
        return self.faces.get(name, name) if name else props.get(_q("fo:font-family"), "").strip("'\"") or None

    def font(self, family: str, name: str | None) -> str | None:
        for _ in range(20):  # a loop of parents in a damaged file ends here
            if name is None:
                break
            font, name = self.fonts.get((family, name), (None, None))
            if font:
                return font
        return None


def _parse(archive: zipfile.ZipFile, member: str) -> Any:
    from lxml import etree

    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    if info.file_size > MAX_XML:
        raise TooLarge(member)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(archive.read(info), parser)


def _open(raw: bytes) -> tuple[Any, _Styles]:
    archive = zipfile.ZipFile(io.BytesIO(raw))
    content = _parse(archive, "content.xml")
    if content is None:
        raise ValueError("content.xml missing")
    styles = _Styles([root for root in (_parse(archive, "styles.xml"), content) if root is not None])
    return content, styles


# Elements whose text is not the page's: a footnote's body (read nowhere, as in Word files), a comment, what a
# reviewer deleted (kept apart by LibreOffice), a frame's text boxes (read after their paragraph)
_SKIPPED = {_q("text:note"), _q("office:annotation"), _q("text:tracked-changes"), _q("draw:frame")}


class _Text:
    """Paragraph texts of an OpenDocument body, each run typed in an old code table's font as Unicode."""

    def __init__(self, styles: _Styles, converted: Callable[[str], None]) -> None:
        self.styles = styles
        self.converted = converted

    def paragraph(self, element: Any, font: str | None = None) -> str:
        font = self.styles.font("paragraph", element.get(_q("text:style-name"))) or font
        font = font or self.styles.defaults.get("paragraph")
        pieces: list[Piece] = []
        self._pieces(element, font, pieces)
        out = []
        for text, run_font in pieces:
            if self.styles.legacy:
                text, code = legacy.from_font(text, run_font)
                if code:
                    self.converted(code)
            out.append(text)
        return "".join(out)

    def _pieces(self, element: Any, font: str | None, out: list[Piece]) -> None:
        if element.text:
            out.append((element.text, font))
        for child in element:
            tag = child.tag
            if tag == _q("text:s"):
                out.append((" " * _count(child, "text:c", MAX_COLUMNS), font))
            elif tag == _q("text:tab"):
                out.append(("\t", font))
            elif tag == _q("text:line-break"):
                out.append(("\n", font))
            elif tag == _q("text:span"):
                self._pieces(child, self.styles.font("text", child.get(_q("text:style-name"))) or font, out)
            elif tag not in _SKIPPED and isinstance(tag, str):
                self._pieces(child, font, out)
            if child.tail:
                out.append((child.tail, font))

    def blocks(self, element: Any) -> Iterator[str | Any]:
        """The body's paragraphs (text) and tables (their elements) in the order of the page; a frame's text boxes
        after the paragraph that holds them; lists, sections and indexes gone into."""
        for child in element:
            tag = child.tag
            if tag in (_q("text:p"), _q("text:h")):
                yield self.paragraph(child)
                for box in child.iter(_q("draw:text-box")):
                    yield from self.blocks(box)
            elif tag == _q("table:table"):
                yield child
            elif tag not in _SKIPPED and isinstance(tag, str):
                yield from self.blocks(child)

    def cell(self, cell: Any, font: str | None = None) -> str:
        return "\n".join(self.paragraph(p, font) for p in cell.iter(_q("text:p"), _q("text:h")) if _owner(p, cell))


def _owner(paragraph: Any, cell: Any) -> bool:
    """Whether `paragraph` is the cell's own (not a nested table's, a note's or a comment's)."""
    parent = paragraph.getparent()
    while parent is not None and parent is not cell:
        if parent.tag in (_q("table:table-cell"), *_SKIPPED):
            return False
        parent = parent.getparent()
    return True


Merged = list[tuple[int, int, int, int]]  # first row, last row, first column, last column (from 1)


def _grid(table: Any, read: Callable[[Any, int], Any]) -> tuple[list[list[Any]], Merged, tuple[int, int]]:
    """A table's cells (read by `read`; a hidden row's or column's None), its merged ranges and the numbers of its
    hidden rows and columns. Repeated cells and rows are expanded only where something follows them."""
    hidden_columns: set[int] = set()
    column = 0
    for col in table.iter(_q("table:table-column")):
        if col.getparent() is not table and col.getparent().getparent() is not table:
            continue  # a nested table's
        n = _count(col, "table:number-columns-repeated", MAX_COLUMNS)
        if col.get(_q("table:visibility")) in ("collapse", "filter"):
            hidden_columns.update(range(column + 1, column + n + 1))
        column += n
    grid: list[list[object]] = []
    merged: Merged = []
    hidden_rows = 0
    pending_rows = 0
    for row in _rows(table):
        repeat = _count(row, "table:number-rows-repeated", _SHEET)
        hidden = row.get(_q("table:visibility")) in ("collapse", "filter")
        cells: list[object] = []
        pending = 0
        spans: list[tuple[int, int, int]] = []  # column, rows, columns
        for cell in row:
            if cell.tag not in (_q("table:table-cell"), _q("table:covered-table-cell")):
                continue
            n = _count(cell, "table:number-columns-repeated", _SHEET)
            value = None if cell.tag == _q("table:covered-table-cell") else read(cell, len(cells) + pending + 1)
            spanned = (
                _count(cell, "table:number-rows-spanned", MAX_ROWS),
                _count(cell, "table:number-columns-spanned", MAX_COLUMNS),
            )
            if value in (None, "") and spanned == (1, 1):
                pending += n
                continue
            if len(cells) + pending + n > MAX_COLUMNS:
                break
            cells += [None] * pending
            pending = 0
            for _ in range(n):
                if spanned != (1, 1):
                    spans.append((len(cells) + 1, *spanned))
                cells.append(value)
        if not cells:
            pending_rows += repeat
            continue
        if len(grid) + pending_rows + repeat > MAX_ROWS:
            break
        grid += [[] for _ in range(pending_rows)]
        pending_rows = 0
        for _ in range(repeat):
            grid.append(
                [None] * len(cells) if hidden else [None if c in hidden_columns else v for c, v in enumerate(cells, 1)]
            )
            hidden_rows += hidden
            merged += [
                (len(grid), min(len(grid) + rows - 1, MAX_ROWS), col, min(col + cols - 1, MAX_COLUMNS))
                for col, rows, cols in spans
            ]
    width = max([len(r) for r in grid] + [last for _, _, _, last in merged], default=0)
    for r in grid:
        r += [None] * (width - len(r))
    return grid, merged, (hidden_rows, len(hidden_columns))


def _count(element: Any, attribute: str, most: int) -> int:
    """A count an element gives (a repeat, a span, spaces), from 1 to `most`: a damaged file's "9999999999" spaces
    or columns are not made."""
    return max(1, min(int(element.get(_q(attribute)) or 1), most))


def _rows(table: Any) -> Iterator[Any]:
    """A table's rows, those in header, row and group elements too, not a nested table's."""
    for child in table:
        if child.tag == _q("table:table-row"):
            yield child
        elif child.tag in (_q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group")):
            yield from _rows(child)


def text_parts(raw: bytes, converted: Callable[[str], None]) -> Iterator[str | tuple[list[list[str]], Merged]]:
    """An .odt's paragraphs and tables (rows of cell texts, a merged cell's text in its first cell, and the merged
    ranges) in the order of the page."""
    content, styles = _open(raw)
    reader = _Text(styles, converted)
    body = content.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise ValueError("not a text document")
    for block in reader.blocks(body):
        if isinstance(block, str):
            yield block
            continue
        grid, merged, _ = _grid(block, lambda cell, _: reader.cell(cell))
        yield [["" if v is None else str(v) for v in r] for r in grid], merged


def sheets(
    raw: bytes, converted: Callable[[str], None]
) -> Iterator[tuple[str, list[list[Value | None]], Merged, tuple[int, int] | None]]:
    """An .ods's sheets: name, cells (None where empty or hidden), merged ranges, and the numbers of hidden rows and
    columns (None: the sheet itself is hidden)."""
    content, styles = _open(raw)
    reader = _Text(styles, converted)
    body = content.find(f"{_q('office:body')}/{_q('office:spreadsheet')}")
    if body is None:
        raise ValueError("not a spreadsheet")
    for table in body.iter(_q("table:table")):
        if table.getparent() is not body:
            continue
        name = table.get(_q("table:name")) or ""
        if table.get(_q("table:style-name")) in styles.hidden_tables:
            yield name, [], [], None
            continue
        column_styles = _column_styles(table)

        def read(cell: Any, column: int, column_styles: list[str | None] = column_styles) -> Value | None:
            style = cell.get(_q("table:style-name")) or (
                column_styles[column - 1] if column <= len(column_styles) else None
            )
            return _value(cell, reader, styles.font("table-cell", style) or styles.defaults.get("table-cell"))

        grid, merged, hidden = _grid(table, read)
        yield name, grid, merged, hidden


def _column_styles(table: Any) -> list[str | None]:
    out: list[str | None] = []
    for col in table.iter(_q("table:table-column")):
        n = min(_count(col, "table:number-columns-repeated", MAX_COLUMNS), MAX_COLUMNS - len(out))
        out += [col.get(_q("table:default-cell-style-name"))] * n
    return out


def _value(cell: Any, reader: _Text, font: str | None) -> Value | None:
    kind = cell.get(_q("office:value-type"))
    if kind in ("float", "percentage", "currency"):
        number = float(cell.get(_q("office:value")))
        return Value(int(number) if number.is_integer() and kind != "percentage" else number, kind == "percentage")
    if kind == "date":
        text = cell.get(_q("office:date-value")) or ""
        return Value(dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text))
    if kind == "boolean":
        return Value(cell.get(_q("office:boolean-value")) == "true")
    text = reader.cell(cell, font)
    return Value(text) if text else None
