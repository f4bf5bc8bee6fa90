"""Shared fixtures: the curated data, a small fixture folder, and writable copies of both for bad-input tests."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

import danvan
from danvan import accounts, ocr

CURATOR = ("lan", "mat-khau-du-dai-1")  # an account of the temporary accounts file curator tests sign in with

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="session")
def catalog() -> danvan.Catalog:
    return danvan.load(DATA)


@pytest.fixture(scope="session")
def mini_catalog() -> danvan.Catalog:
    return danvan.load(MINI)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small fixture folder."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the curated data (without the large boundary files)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("geo", "history"))
    return target


def curators_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary accounts file with the curator CURATOR, the one components/auth.py reads (DANVAN_CURATORS)."""
    book = tmp_path / "curators.toml"
    if not book.exists():
        accounts.add(book, *CURATOR, "curator", "Nguyễn Thị Lan")
    monkeypatch.setenv("DANVAN_CURATORS", str(book))
    return book


def sign_in_as_curator(at, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An AppTest session signed in as CURATOR (what components/auth.py keeps after a sign-in)."""
    from components import keys  # imported late: most tests never start the app

    at.session_state[keys.ACCOUNT] = accounts.get(curators_file(tmp_path, monkeypatch), CURATOR[0])
    at.session_state[keys.SEEN] = dt.datetime.now()


def make_scale_data(folder: Path, *args: str) -> Path:
    """scripts/make_scale_data.py into `folder` (the whole national scale without arguments, or e.g. --small)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("make_scale_data", ROOT / "scripts" / "make_scale_data.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    module.main([*args, "--out", str(folder)])
    return folder


@pytest.fixture(scope="session")
def small_scale(tmp_path_factory) -> danvan.Catalog:
    """The generated data of scripts/make_scale_data.py --small: 2.000 values over 100 indicators and every unit."""
    return danvan.load(make_scale_data(tmp_path_factory.mktemp("scale") / "small", "--small"), verify_quotes=False)


@pytest.fixture(scope="session")
def full_scale(tmp_path_factory) -> Path:
    """The national-scale generated data: build/scale when the benchmark made it, else made here (a few seconds)."""
    built = ROOT / "build" / "scale"
    if (built / "dataset.yaml").is_file():
        return built
    return make_scale_data(tmp_path_factory.mktemp("scale") / "full")


def cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese editors wrote it: a base letter (â, ơ …) plus a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            rest = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tone))
            out += rest.encode("cp1258") + tone.encode("cp1258")
    return out


SCAN_FONT = Path("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf")  # Debian's fonts-noto-core


def needs_ocr() -> None:
    """Skip a test of recognised text on a machine without Tesseract's Vietnamese or the font pages are drawn in;
    fail instead where DANVAN_REQUIRE_OCR is set (CI)."""
    if not (ocr.available() and SCAN_FONT.is_file()):
        if os.environ.get("DANVAN_REQUIRE_OCR"):
            pytest.fail("tesseract-ocr-vie or fonts-noto-core is missing, and DANVAN_REQUIRE_OCR is set")
        pytest.skip("no tesseract-ocr-vie or fonts-noto-core on this machine")


def table_picture(
    lines: list[str], group: str | None, headers: list[str], rows: list[list[str]], form: str, size: int = 40
) -> bytes:
    """A report's page with a ruled table as a scanner gives it (300 dpi): the lines, then the table: its first two
    columns' headers over two rows, `group` over the others, each of which has its header below it (`headers`: the
    first two columns' then the others'; no header rows when `group` is None: a table going on from the page before),
    one ruled row a row of `rows`, and a line after it (letters of `size` px)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(SCAN_FONT), size)
    width = 1380 // (len(headers) - 2)  # the group's columns share the page's width right of the names
    xs = [120, 260, 1000, *(1000 + width * (j + 1) for j in range(len(headers) - 2))]
    top = 100 + 90 * len(lines)
    ys = [top, top + 75, top + 150] if group is not None else [top - 150, top - 75, top]  # the last the header's end
    ys += [top + 150 * (group is not None) + 85 * (i + 1) for i in range(len(rows))]
    page = Image.new("L", (2480, ys[-1] + 300), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((120, 100 + 90 * i), line, font=font, fill=0)
    first = 0 if group is not None else 2  # the first line drawn
    for i, y in enumerate(ys[first:], first):  # the line under the group's title spans its columns only
        draw.rectangle((xs[2] if i == 1 else xs[0], y, xs[-1] + 2, y + 2), fill=0)
    for j, x in enumerate(xs):  # the group's columns are parted below its title only
        draw.rectangle((x, ys[1] if 2 < j < len(xs) - 1 and not first else ys[first], x + 2, ys[-1] + 2), fill=0)

    def put(text: str, left: int, right: int, y: int) -> None:
        draw.text(((left + right - draw.textlength(text, font=font)) / 2, y + 12), text, font=font, fill=0)

    if group is not None:
        put(headers[0], xs[0], xs[1], ys[0] + 37)
        put(headers[1], xs[1], xs[2], ys[0] + 37)
        put(group, xs[2], xs[-1], ys[0])
        for j, header in enumerate(headers[2:], 2):
            put(header, xs[j], xs[j + 1], ys[1])
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            put(text, xs[j], xs[j + 1], ys[2 + i])
    draw.text((120, ys[-1] + 100), "Nơi nhận: như trên.", font=font, fill=0)
    out = io.BytesIO()
    page.save(out, format=form, resolution=300)
    return out.getvalue()


# A report's table as the Excel fixture with merged headers has it (tieu-de-gop.xlsx): its figures are the data's (a16)
MODELS_TABLE = (
    "Mô hình “Dân vận khéo”",
    ["STT", "Đơn vị", "Số mô hình đăng ký", "Số mô hình được công nhận"],
    [["1", "Thành phố Bắc Kạn", "279", "202"]],
)


def scanned_report(form: str = "PDF") -> bytes:
    """That table's report as a scanner gives it: its title, then the table."""
    return table_picture(["Kết quả công tác dân vận năm 2023"], *MODELS_TABLE, form)


def searchable_scan(words: str) -> bytes:
    """The scanned report as an office scanner's "searchable PDF" gives it: the page's picture, and under it the
    scanner's own reading of it, `words`, drawn invisible (text rendering mode 3)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(scanned_report())))
    page = writer.pages[0]
    font = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica", "/Encoding": "/WinAnsiEncoding"}
    font_ref = writer._add_object(DictionaryObject({NameObject(k): NameObject(v) for k, v in font.items()}))
    page["/Resources"][NameObject("/Font")] = DictionaryObject({NameObject("/F9"): font_ref})
    text = DecodedStreamObject()
    text.set_data(b"BT 3 Tr /F9 12 Tf 40 700 Td (" + words.encode("cp1252") + b") Tj ET")
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(page.get_contents()), writer._add_object(text)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_picture(lines: list[str], form: str) -> bytes:
    """A page as a scanner or a camera gives it: a picture of the lines at 300 dpi (in a PDF, with no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(SCAN_FONT), 40)
    page = Image.new("L", (2480, 200 + 90 * len(lines)), 255)
    for i, line in enumerate(lines):
        ImageDraw.Draw(page).text((120, 100 + 90 * i), line, font=font, fill=0)
    out = io.BytesIO()
    page.save(out, format=form, resolution=300)
    return out.getvalue()
