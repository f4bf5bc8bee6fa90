"""Vietnamese typed in the old font code tables (danvan.legacy): TCVN3 (ABC, .VnTime) and VNI, read as Unicode."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from conftest import cp1258

from danvan import legacy
from danvan.text import nfc


def test_the_tcvn3_table_is_the_standards_as_glibc_has_it():
    """Every byte TCVN3 fonts redraw (A1-FE) against glibc's TCVN5712-1, an implementation of the same standard."""
    if shutil.which("iconv") is None:
        pytest.skip("no iconv on this machine")
    for byte in range(0xA1, 0xFF):
        written = bytes([byte]).decode("cp1252")
        done = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([byte]), capture_output=True)
        assert done.returncode == 0, done.stderr
        assert legacy.from_tcvn3(written) == unicodedata.normalize("NFC", done.stdout.decode()), hex(byte)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("B¸o c¸o kÕt qu¶ c«ng t¸c d©n vËn n¨m 2023", "Báo cáo kết quả công tác dân vận năm 2023"),
        ("M\xadêng Kh\xad¬ng, B¸t X¸t", "Mường Khương, Bát Xát"),  # ư is the soft hyphen, invisible in a page
        ("§¶ng bé huyÖn Chî §ån", "Đảng bộ huyện Chợ Đồn"),
        ("Ban D©n vËn TØnh ñy", "Ban Dân vận Tỉnh ủy"),
        ("“D©n vËn khÐo” - 25-NQ/TW", "“Dân vận khéo” - 25-NQ/TW"),  # quotes, dashes and codes pass through
    ],
)
def test_tcvn3_words(written, meant):
    assert legacy.from_tcvn3(written) == meant


def test_a_capitals_font_draws_capitals():
    assert legacy.from_tcvn3("b¸o c¸o tæng kÕt", capitals=True) == "BÁO CÁO TỔNG KẾT"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Baùo caùo coâng taùc daân vaän", "Báo cáo công tác dân vận"),
        ("Ñaûng Coäng saûn Vieät Nam", "Đảng Cộng sản Việt Nam"),
        ("Chæ thò soá 30-CT/TW, nhieäm kyø 2020 - 2025", "Chỉ thị số 30-CT/TW, nhiệm kỳ 2020 - 2025"),
        ("Hoäi Lieân hieäp Phuï nöõ thaêm ngöôøi daân", "Hội Liên hiệp Phụ nữ thăm người dân"),
        ("UÛY BAN MAËT TRAÄN TOÅ QUOÁC", "ỦY BAN MẶT TRẬN TỔ QUỐC"),
        ("Quyeát ñònh 217-QÑ/TW, ñoàng chí Töôùng", "Quyết định 217-QĐ/TW, đồng chí Tướng"),
    ],
)
def test_vni_words(written, meant):
    assert legacy.from_vni(written) == meant


def test_vni_writes_every_vietnamese_letter():
    """Each of the 12 vowels in its 6 tones, and đ, in both cases, has a VNI spelling that reads back as it."""
    vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    letters = {nfc(v + tone) for v in vowels for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")}
    letters = (letters - set("aeiouy")) | {"đ"}
    assert len(letters) == 67
    read = set(legacy._VNI.values())
    assert letters <= read and {x.upper() for x in letters} <= read


@pytest.mark.parametrize(
    ("font", "code"),
    [
        (".VnTime", (legacy.TCVN3, False)),
        (".VnTimeH", (legacy.TCVN3, True)),
        (".VnArial NarrowH", (legacy.TCVN3, True)),
        (".vnbook-antiqua", (legacy.TCVN3, False)),
        ("VNI-Times", (legacy.VNI, False)),
        ("VNI-Helve-Condense", (legacy.VNI, False)),
        ("Vni-Aptima", (legacy.VNI, False)),
        ("VniHelvetica", (legacy.VNI, False)),
        ("Times New Roman", None),
        ("Arial", None),
        (None, None),
    ],
)
def test_fonts_name_their_code_table(font, code):
    assert legacy.code_of_font(font) == code


def test_a_run_typed_in_unicode_stays_whatever_its_font():
    """A template's .VnTime kept while typing in Unicode: converting it would spoil it ("Dân" would read "Dõn")."""
    assert legacy.from_font("Ban Dân vận Huyện ủy", ".VnTime") == ("Ban Dân vận Huyện ủy", None)
    assert legacy.from_font("Ban D©n vËn", ".VnTime") == ("Ban Dân vận", legacy.TCVN3)
    assert legacy.from_font("Ban D©n vËn", "Times New Roman") == ("Ban D©n vËn", None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("B¸o c¸o kÕt qu¶ c«ng t¸c d©n vËn n¨m 2023 cña Ban D©n vËn HuyÖn ñy", legacy.TCVN3),
        (nfc("N¨m 2023, toµn huyÖn cã 279 m« h×nh “D©n vËn khÐo” ®­îc ®¨ng ký"), legacy.TCVN3),  # khÐo: nfc's Đ
        ("Baùo caùo keát quaû coâng taùc daân vaän naêm 2023 cuûa Ban Daân vaän", legacy.VNI),
        ("Báo cáo kết quả công tác dân vận năm 2023 của Ban Dân vận Huyện ủy", None),
        ("The quick brown fox jumps over the lazy dog; café, crème brûlée, naïve résumé", None),
        ("B¸o c¸o", None),  # too short to tell
    ],
)
def test_a_text_without_fonts_is_recognised_by_its_letters(text, code):
    assert legacy.guess_code(text) == code


def test_a_text_read_through_nfc_is_converted_whole():
    text, note = legacy.unlegacy(nfc("Toµn huyÖn cã 279 m« h×nh “D©n vËn khÐo” ®­îc ®¨ng ký thùc hiÖn"), "bc.pdf")
    assert text == "Toàn huyện có 279 mô hình “Dân vận khéo” được đăng ký thực hiện"
    assert note is not None and note.startswith("bc.pdf: văn bản gõ theo bảng mã TCVN3")
    assert legacy.unlegacy("Toàn huyện có 279 mô hình “Dân vận khéo” được đăng ký", "bc.pdf") == (
        "Toàn huyện có 279 mô hình “Dân vận khéo” được đăng ký",
        None,
    )


def test_a_text_partly_in_unicode_has_its_old_lines_converted():
    """A PDF of a report whose letterhead kept .VnTimeH while its body was typed in Unicode."""
    text = "ban d©n vËn huyÖn ñy chî ®ån tØnh b¾c k¹n\nNăm 2023, toàn huyện có 279 mô hình “Dân vận khéo” được đăng ký."
    done, note = legacy.unlegacy(text, "bc.pdf")
    assert done.splitlines() == [
        "ban dân vận huyện ủy chợ đồn tỉnh bắc kạn",
        "Năm 2023, toàn huyện có 279 mô hình “Dân vận khéo” được đăng ký.",
    ]
    assert note is not None and note.startswith("bc.pdf: 1 dòng gõ theo bảng mã TCVN3")
    # a Word 97-2003 text ends its paragraphs with \r and its cells with \x07
    done, note = legacy.unlegacy(text.replace("\n", "\r") + "\x07", "bc.doc")
    assert done == "ban dân vận huyện ủy chợ đồn tỉnh bắc kạn\r" + text.split("\n")[1] + "\x07" and note


def test_a_short_line_is_in_the_code_its_document_was_typed_in():
    """A Word 97-2003 table typed in TCVN3 under a Unicode letterhead: a cell is too short to be told by itself (fewer
    than 20 letters), so "HuyÖn Chî §ån" stayed as typed and its row named no place. Such a line is converted in the
    code of the document's long lines when every word of it then is a Vietnamese syllable and was not before; a
    Unicode name ("Cà Mau", "Hà Nội"), English and figures stay as they are."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\rB¸o c¸o kÕt qu¶ c«ng t¸c d©n vËn n¨m 2023 cña c¸c huyÖn\r"
        "1\x07HuyÖn Chî §ån\x07202\x07\x072\x07Cà Mau\x07Hà Nội\x07Total\x07Café\x07\x07"
    )
    done, note = legacy.unlegacy(text, "bc.doc")
    assert done.split("\r")[1:] == [
        "Báo cáo kết quả công tác dân vận năm 2023 của các huyện",
        "1\x07Huyện Chợ Đồn\x07202\x07\x072\x07Cà Mau\x07Hà Nội\x07Total\x07Café\x07\x07",
    ]
    assert note is not None and note.startswith("bc.doc: 2 dòng gõ theo bảng mã TCVN3")
    # a short line alone, in a text with no long line in an old code, is not converted
    assert legacy.unlegacy("HuyÖn Chî §ån\nNăm 2023", "bc.txt") == ("HuyÖn Chî §ån\nNăm 2023", None)


def test_bytes_saved_in_the_western_code_page():
    tcvn3 = "Toµn huyÖn cã 279 m« h×nh “D©n vËn khÐo” ®­îc ®¨ng ký".encode("cp1252")
    assert legacy.western(tcvn3) == tcvn3.decode("cp1252")
    assert legacy.western("Café crème à la façon, naïve résumé of the year".encode("cp1252")) is None
    assert legacy.western(b"\x00\x01" + tcvn3) is None


def test_vietnamese_in_windows_1258_is_not_taken_for_an_old_code_table():
    """Read in the Western code page it has marks after letters too ("vâòn TiÒnh"): it reads better as itself, and
    the loader's Windows-1258 message stays the one said."""
    raw = cp1258("Ban Dân vận Tỉnh ủy có 1.973 mô hình “Dân vận khéo” được công nhận")
    assert raw.decode("cp1258") != raw.decode("cp1252") and legacy.western(raw) is None


def test_the_share_of_words_that_are_vietnamese_syllables():
    assert legacy.vietnamese_share("Báo cáo kết quả công tác dân vận năm 2023") == 1.0
    assert legacy.vietnamese_share("nghiêng ngoằn khuỷu giường quyết") == 1.0
    assert legacy.vietnamese_share("c¸c d©n vËn") == 0.0  # "c", "c", "d", "n", "v", "n": letters, no syllable
    assert legacy.vietnamese_share("Bựo cựo") == 0.0  # VNI read as TCVN3: ưo is no Vietnamese vowel
    assert legacy.vietnamese_share("2023 - 25/NQ") == 0.0


def test_a_tables_cells_are_converted_in_the_code_of_their_text():
    """A PDF's table cells are too short to tell by themselves: the code is the text's, whole or in most of its old
    lines, and a cell is converted when it reads as Vietnamese in it (figures, English and Unicode stay)."""
    body = "Toµn huyÖn cã 279 m« h×nh “D©n vËn khÐo” ®­îc ®¨ng ký thùc hiÖn"
    assert legacy.code_of(body) == legacy.code_of("Hội nghị\n" + body + "\nTrang 1") == "TCVN3"
    assert legacy.code_of("Toàn huyện có 279 mô hình “Dân vận khéo” được đăng ký thực hiện") is None
    assert [legacy.from_code(cell, "TCVN3") for cell in ("HuyÖn Chî §ån", "279", "Total", "Chợ Đồn")] == [
        "Huyện Chợ Đồn",
        None,
        None,
        None,
    ]
