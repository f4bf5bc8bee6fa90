"""The text of scanned pages, recognised by Tesseract in Vietnamese, when the machine has it.

Many signed reports reach a provincial office as scanned PDFs: pictures of pages with no text layer. Debian's
`tesseract-ocr` and `tesseract-ocr-vie` recognise them on the machine itself (no network); without them intake says
that a scan needs recognising first, as it always did. Recognised text has errors a typed text has not: the draft says
the text was recognised, and the curator checks each figure against the scan. A ruled table on the page is found by its
lines and read cell by cell (`read_page`), so that it is drafted as a Word file's table is."""

from __future__ import annotations

import io
import itertools
import operator
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import ruled
from .legacy import vietnamese_share
from .text import nfc

LANGUAGE = "vie"
PAGE_SECONDS = 120  # one page's recognition; a page that takes longer is given up
MAX_PAGES = 30  # a scanned report longer than this is split before it is read
READABLE = 0.7  # a page whose words are this share Vietnamese syllables at least was read the right way up
SURE = 2.0  # the orientation confidence Tesseract must give before a page is turned
# A page picture narrower than this (an A4 page under ~150 dpi: a photo sent through a chat, a page shot from afar) is
# read enlarged twice: an A4 page of printed lines 700 px wide read 81 % of its characters right, enlarged 99,8 %
SMALL = 1200


@cache
def available() -> bool:
    """Whether Tesseract and its Vietnamese data are installed."""
    if shutil.which("tesseract") is None:
        return False
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return LANGUAGE in done.stdout.split()


@dataclass
class Page:
    """One picture read: its text, and its ruled tables apart (their area left out of the text), each a grid of
    cell texts, rows of columns, a merged cell's text in each cell it covers (as a spreadsheet's merged cells read)."""

    text: str
    tables: list[list[list[str]]] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)  # per table, each of its rows' picture, as read (PIL, grey)
    # per table, the figures read two ways (two readings whose digits differ): the other reading, by (row, column)
    doubts: list[dict[tuple[int, int], str]] = field(default_factory=list)

    def words(self) -> str:
        """Its text and its cells, to tell whether the page read as Vietnamese."""
        return "\n".join([self.text, *(" ".join(row) for table in self.tables for row in table)])


def read_page(image: Any) -> Page:
    """One picture (a PIL image) read: its text NFC, its lines as Tesseract reads them ("" when it reads none), and
    its ruled tables cell by cell. A page that reads as no Vietnamese is read again turned as Tesseract sees it should
    be (`upright`): a page scanned sideways or upside down, or a photo whose phone kept no word of how it was held."""
    page = _read(image)
    if vietnamese_share(page.words()) >= READABLE:
        return page
    turned = upright(image)
    if turned is image:
        return page
    again = _read(turned)
    return again if vietnamese_share(again.words()) > vietnamese_share(page.words()) else page


def upright(image: Any) -> Any:
    """The picture turned the way its lines read, as Tesseract's orientation detection says when it is sure; the
    picture itself when it is upright or Tesseract cannot tell (a page of a few words, a blank one)."""
    try:
        done = _tesseract(image, "--psm", "0")
    except RuntimeError:  # "Too few characters": nothing to turn by
        return image
    found = dict(re.findall(r"^(Rotate|Orientation confidence): ([\d.]+)$", done, re.MULTILINE))
    turn = int(found.get("Rotate", "0"))
    if turn % 360 == 0 or float(found.get("Orientation confidence", "0")) < SURE:
        return image
    return image.rotate(-turn, expand=True)  # Tesseract says clockwise; PIL turns counter-clockwise


def _read(image: Any) -> Page:
    """A picture levelled and evened, its ruled tables found and read cell by cell, the rest read as text."""
    import numpy as np
    from PIL import ImageDraw

    picture = _levelled(image)
    ink = np.asarray(picture) < 128
    tables = ruled.tables(ink)
    grids, doubts = zip(*(_read_cells(picture, table) for table in tables), strict=True) if tables else ((), ())
    rows = [  # each row's picture, from line to line (rows one under another make the table again)
        [picture.crop((t.box[0], top, t.box[2], bottom)) for top, bottom in itertools.pairwise(t.ys)] for t in tables
    ]
    if tables:
        picture = picture.copy()
        for table in tables:  # the text around the tables, read without them
            ImageDraw.Draw(picture).rectangle(table.box, fill=255)
    text = _rejoin(nfc(_tesseract(picture, "-l", LANGUAGE).replace("\x0c", "")).strip())
    return Page(text, list(grids), rows, list(doubts))


def _levelled(image: Any) -> Any:
    """The picture as Tesseract reads it best: in grey, enlarged twice when small (Tesseract misreads letters a dozen
    pixels high), its lighting evened out, its lines level."""
    from PIL import Image

    if image.width < SMALL:
        image = image.resize((2 * image.width, 2 * image.height), Image.Resampling.LANCZOS)
    image = evened(image)
    if angle := skew(image):
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return image


def evened(image: Any) -> Any:
    """The page in grey with its lighting evened out: each pixel over the paper's brightness around it (the paper
    found on an eighth-size copy, letters taken out by the brightest pixel of each neighbourhood). A phone's shadow
    darkens one side of a photographed page until Tesseract takes its paper for ink."""
    import numpy as np
    from PIL import Image, ImageFilter

    grey = image.convert("L")
    small = grey.resize((max(1, grey.width // 8), max(1, grey.height // 8)), Image.Resampling.BOX)
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(2))
    bright = np.maximum(np.asarray(paper.resize(grey.size, Image.Resampling.BILINEAR), dtype=float), 1)
    return Image.fromarray(np.clip(np.asarray(grey, dtype=float) / bright * 255, 0, 255).astype("uint8"))


def skew(image: Any) -> float:
    """The angle (degrees, counter-clockwise) that sets a page's lines level: a page photographed by hand lies a few
    degrees askew, and Tesseract, which reads 3° well, reads 5° worse and 8° not at all. The lines are level where the
    picture's rows are most unequal (dark rows of letters, light rows between): tried every half degree to 12° on a
    small copy, then every tenth around the best; 0 when level within half a degree."""
    import numpy as np
    from PIL import Image

    small = image.convert("L")
    small.thumbnail((800, 800))
    ink = np.asarray(small) < 128
    if ink.mean() < 0.001:  # a blank page: nothing to level
        return 0.0
    dark = Image.fromarray((ink * 255).astype("uint8"))

    def score(angle: float) -> float:
        rows = np.asarray(dark.rotate(angle, resample=Image.Resampling.NEAREST, expand=True), dtype=float).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-12, 12.25, 0.5), key=score)
    best = max(np.arange(best - 0.4, best + 0.45, 0.1), key=score)
    return round(float(best), 1) if abs(best) >= 0.5 else 0.0


# A blank line Tesseract put inside a sentence: after a line that does not close one, before one in lower case.
_SPLIT_SENTENCE = re.compile(r"(?<=[^.!?…:;\s])\n(?:[ \t]*\n)+(?=[^\W\d_])")


def _rejoin(text: str) -> str:
    """Recognised text with a sentence that runs on past a line kept in one paragraph. Tesseract guesses paragraphs
    from the layout and often starts one at a wrapped sentence's last line ("… mô hình “Dân vận khéo”" / blank /
    "được đăng ký thực hiện."); a paragraph in Vietnamese starts with a capital, a number or a dash."""
    return _SPLIT_SENTENCE.sub(lambda m: "\n" if text[m.end()].islower() else m.group(0), text)


def _tesseract(image: Any, *options: str) -> str:
    """What Tesseract writes for one picture, given as PNG on its input."""
    png = io.BytesIO()
    image.save(png, format="PNG")
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", *options], input=png.getvalue(), capture_output=True, timeout=PAGE_SECONDS
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace")[:200])
    return done.stdout.decode("utf-8", errors="replace")


# ------------------------------------------------------------------------------------------------ ruled tables
# Tesseract reads a ruled table as lines of text at best (a row's cells run together, a merged header lost); found by
# its lines (danvan.ruled), it is read cell by cell.

_RULE_MARKS = " |¦[]_—–~¬„"  # what a line left unwhitened reads as at a cell's edge (not "-": "-5" is a number)
FIGURE_MARKS = "0123456789.,%-"
_FIGURE = re.compile(r"[\d\s.,%/()+\-–]*\d[\d\s.,%/()+\-–]*")  # a cell read as a figure, maybe misread
LOW_ROW = 50  # pixels: a table whose rows are lower than this has letters under ~20 px, read enlarged twice
PAPER = 190  # a cell's pixels this light are paper
GAP = 40  # pixels of white around each cell's strip


def _read_cells(picture: Any, table: ruled.Ruled) -> tuple[list[list[str]], dict[tuple[int, int], str]]:
    """A ruled table's cell texts, rows of columns: each cell's inside read apart (`_read_strips`; read in place, a
    table's lines run across its cells, and a header in two lines beside one in one reads as specks and half words),
    a figure read again by the digits and marks it can have; and the figures whose two readings have other digits,
    each with its other reading."""
    import numpy as np
    from PIL import Image

    insides = []
    for first_row, last_row, first_column, last_column in table.cells:
        box = (
            table.xs[first_column] + table.rule,
            table.ys[first_row] + table.rule,
            table.xs[last_column + 1] - table.rule,
            table.ys[last_row + 1] - table.rule,
        )
        grey = np.asarray(picture.crop(box)) if box[2] > box[0] and box[3] > box[1] else np.zeros((0, 0), "uint8")
        insides.append(_cell_inside(grey, table.rule) if (grey < 128).any() else None)
    shown = [inside for inside in insides if inside is not None]
    if sorted(map(operator.sub, table.ys[1:], table.ys))[(len(table.ys) - 1) // 2] < LOW_ROW:  # small letters
        shown = [i.resize((2 * i.width, 2 * i.height), Image.Resampling.LANCZOS) for i in shown]
    texts = _read_strips(shown, "-l", LANGUAGE)
    others = [""] * len(texts)  # a figure's reading by its digits, when its digits are not the first reading's
    figures = [n for n, text in enumerate(texts) if _FIGURE.fullmatch(text)]
    if figures:  # read as Vietnamese, a short figure loses its marks: "8,1" reads "8/1", "58,1" reads "581"
        again = _read_strips([shown[n] for n in figures], "-l", "eng", "-c", f"tessedit_char_whitelist={FIGURE_MARKS}")
        for n, text in zip(figures, again, strict=True):  # the marks read again; digits read otherwise are unsure
            texts[n], others[n] = (text, "") if _digits(text) == _digits(texts[n]) else (texts[n], text)
    shown_texts, shown_others = iter(texts), iter(others)  # a cell with no ink was not read: ""
    grid = table.filled([next(shown_texts) if inside is not None else "" for inside in insides])
    unsure = table.filled([next(shown_others) if inside is not None else "" for inside in insides])
    return grid, {(r, c): other for r, row in enumerate(unsure) for c, other in enumerate(row) if other}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _read_strips(insides: list[Any], *options: str) -> list[str]:
    """The text of each picture (a cell's inside), read by Tesseract in one pass: each set on a strip of its own,
    the strips one under another, a word going to the strip its middle is in."""
    from PIL import Image

    if not insides:
        return []
    strips = Image.new("L", (max(i.width for i in insides) + 2 * GAP, sum(i.height + GAP for i in insides) + GAP), 255)
    spans = []  # each strip's first and last pixel row
    y = GAP
    for inside in insides:
        strips.paste(inside, (GAP, y))
        spans.append((y, y + inside.height))
        y += inside.height + GAP
    words: dict[int, list[tuple[int, int, int, int, str]]] = {}
    for word in _tesseract(strips, *options, "--psm", "6", "tsv").splitlines()[1:]:
        parts = word.split("\t")
        if len(parts) < 12 or not parts[11].strip(_RULE_MARKS):
            continue  # no word (a block's or a line's row), or a line's remnant
        middle = int(parts[7]) + int(parts[9]) // 2
        strip = next((n for n, (top, bottom) in enumerate(spans) if top <= middle < bottom), None)
        if strip is not None:
            line = (int(parts[2]), int(parts[3]), int(parts[4]))  # block, paragraph, line
            words.setdefault(strip, []).append((*line, int(parts[6]), parts[11]))
    return [nfc(" ".join(w[-1] for w in sorted(words.get(n, [])))).strip(_RULE_MARKS) for n in range(len(insides))]


def _cell_inside(grey: Any, rule: int) -> Any:
    """A cell's inside on white: a scan's grey paper and a photo's grain (anything lighter than PAPER) made white,
    and a table line's edge caught at its sides (a column or row of pixels mostly ink, near a side) taken out."""
    import numpy as np
    from PIL import Image

    ink = grey < 128
    height, width = ink.shape
    near_x = (np.arange(width) < rule) | (np.arange(width) >= width - rule)
    near_y = (np.arange(height) < rule) | (np.arange(height) >= height - rule)
    line = np.zeros_like(ink)
    line[:, near_x & (ink.mean(axis=0) >= 0.5)] = True
    line[near_y & (ink.mean(axis=1) >= 0.5), :] = True
    return Image.fromarray(np.where(line | (grey >= PAPER), 255, grey).astype("uint8"))
