"""Vietnamese typed in the old font code tables, read as Unicode.

Before Unicode, offices typed Vietnamese with fonts that drew Vietnamese letters in place of Western ones: TCVN3
(ABC: ".VnTime", ".VnArial"; the fonts ending in H, ".VnTimeH", draw capitals) and VNI ("VNI-Times"). Many Party and
government reports are still kept that way. A Word or Excel file stores such text as the Western letters the font
redraws ("B¸o c¸o c«ng t¸c d©n vËn", "Baùo caùo coâng taùc daân vaän"), and so does a PDF made from it or text
copied out of it. Word and Excel name the font of each run and cell (`code_of_font`); a text with no fonts is
recognised by its letters (`guess_code`).

    >>> from_tcvn3("B¸o c¸o c«ng t¸c d©n vËn")
    'Báo cáo công tác dân vận'
    >>> from_vni("Baùo caùo coâng taùc daân vaän")
    'Báo cáo công tác dân vận'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

TCVN3, VNI = "TCVN3", "VNI"
NAMES = {TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI (phông VNI-Times)"}

# TCVN 5712:1993 over the Western letters a TCVN3 font redraws (bytes A1-FE as Windows-1252 reads them). The lower
# case and the seven capitals Ă Â Ê Ô Ơ Ư Đ are TCVN3's own; the toned capitals in the spare places are the
# standard's VN1 (glibc's TCVN5712-1 gives the same: tests/test_legacy.py compares every byte).
_TCVN3_FROM = "¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþ"
_TCVN3_TO = (
    "ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵ"
)
_TCVN3 = str.maketrans(dict(zip(_TCVN3_FROM, _TCVN3_TO, strict=True)))

# VNI writes a letter as its base and one mark after it: a tone (ù ø û õ ï: sắc, huyền, hỏi, ngã, nặng), a hat with
# or without a tone (â á à å ã ä), or a breve with or without one (ê é è ú ü ë); ô is ơ and ö is ư, themselves
# followed by a tone; the i's and ỵ are single letters; ñ is đ. Capitals take the capital marks.
_TONES = {"": "", "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_HAT = dict(zip("âáàåãä", _TONES.values(), strict=True))
_BREVE = dict(zip("êéèúüë", _TONES.values(), strict=True))


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, shapes in (
        ("a", (("", _TONES), ("\u0302", _HAT), ("\u0306", _BREVE))),
        ("e", (("", _TONES), ("\u0302", _HAT))),
        ("o", (("", _TONES), ("\u0302", _HAT))),
        ("u", (("", _TONES),)),
        ("y", (("", _TONES),)),
    ):
        for shape, marks in shapes:
            table |= {base + mark: base + shape + tone for mark, tone in marks.items() if mark}
    for letter, base, shape in (("ô", "o", "\u031b"), ("ö", "u", "\u031b")):
        for mark, tone in _TONES.items():
            table[letter + mark] = base + shape + tone
    table |= {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"}
    both = {}
    for written, meant in table.items():
        meant = unicodedata.normalize("NFC", meant)
        both[written] = meant
        both[written.upper()] = meant.upper()
        both[written[0].upper() + written[1:]] = meant.upper()  # "Aù" as well as "AÙ"
    return both


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))


# Letters only Vietnamese writes beyond Latin-1 (ơ, ư, ạ …): Unicode Vietnamese has them in plenty, text in an old
# code table has none (all of its letters are Western ones). Not Đ: danvan.text.nfc writes the Icelandic Ð that
# legacy keyboards type for it as Đ, and in TCVN3 that Ð is é ("khÐo"), so a TCVN3 text read through nfc has Đ's.
_UNICODE_VIETNAMESE = re.compile(r"[ĂăĨĩŨũƠơƯưẠ-ỹ]")
_ETH_AGAIN = str.maketrans("Đđ", "Ðð")  # what nfc made of a TCVN3 text's é and Ỗ, undone before it is converted


def from_tcvn3(text: str, capitals: bool = False) -> str:
    """TCVN3 text as Unicode (NFC). `capitals`: typed in a capitals font (".VnTimeH"), which draws every letter as
    a capital."""
    out = unicodedata.normalize("NFC", text.translate(_TCVN3))
    return out.upper() if capitals else out


def from_vni(text: str) -> str:
    """VNI text as Unicode (NFC)."""
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI[m.group()], text))


def code_of_font(font: str | None) -> tuple[str, bool] | None:
    """(code table, capitals font) of a font name, or None for a Unicode font: ".VnTime" → (TCVN3, False),
    ".VnTimeH" → (TCVN3, True), "VNI-Times" → (VNI, False)."""
    name = (font or "").strip()
    if name.lower().startswith(".vn"):
        return TCVN3, name.endswith("H")
    if re.match(r"vni[-\s]?[a-z]", name, re.IGNORECASE):  # "VNI-Times", "Vni-Aptima", "VniHelvetica"
        return VNI, False
    return None


def convert(text: str, code: str, capitals: bool = False) -> str:
    return from_tcvn3(text, capitals) if code == TCVN3 else from_vni(text)


def from_font(text: str, font: str | None) -> tuple[str, str | None]:
    """A run or cell drawn in `font`, as Unicode when the font is an old code table's, with that table's name (None
    when nothing was converted). A text with Vietnamese letters beyond Latin-1 was typed in Unicode, whatever its
    font says (a template's .VnTime kept under Unicode typing), and stays as it is."""
    code = code_of_font(font)
    if code is None or not text or _UNICODE_VIETNAMESE.search(text):
        return text, None
    return convert(text, *code), code[0]


# A Vietnamese syllable: an initial, one to three vowels, a final; its tone mark set aside. Each reading of a text is
# judged by the share of its words that are syllables: Unicode Vietnamese reads as itself, a text typed in an old
# code table only once converted ("c¸c", "caùc" are no words; "các" is).
_NUCLEI = (  # longest first
    "iêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|"
    "uâ|uê|ui|uô|uơ|ưa|ưi|ưu|ươ|uy|ya|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(?:{_NUCLEI})(?:ng|nh|ch|[cmnpt])?")
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_WORD = re.compile(r"[^\W\d_]+")


def syllable(word: str) -> bool:
    """Whether a word (in either case) is a Vietnamese syllable with one tone mark at most."""
    bare = unicodedata.normalize("NFD", word.lower())
    toneless = unicodedata.normalize("NFC", bare.translate(_TONE_MARKS))
    return len(bare) - len(bare.translate(_TONE_MARKS)) <= 1 and _SYLLABLE.fullmatch(toneless) is not None


def vietnamese_share(text: str) -> float:
    """The share of a text's words (runs of letters) that are Vietnamese syllables, each with one tone mark at most."""
    words = _WORD.findall(text.lower())
    return sum(map(syllable, words)) / len(words) if words else 0.0


def guess_code(text: str) -> str | None:
    """The old code table a text with no font names was typed in (a PDF's text layer, text copied out of such a
    file), or None: Unicode Vietnamese (or no Vietnamese) is left alone. A text is taken for one when, converted,
    four words in five are Vietnamese syllables and a fifth more of them than before."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < 20 or _UNICODE_VIETNAMESE.search(text):
        return None
    before = vietnamese_share(text)
    share, code = max((vietnamese_share(convert(text.translate(_ETH_AGAIN), code)), code) for code in (TCVN3, VNI))
    return code if share >= 0.8 and share >= before + 0.2 else None


def western(raw: bytes) -> str | None:
    """Bytes that are not UTF-8 read as text typed in an old code table (saved from such a file, its letters are in
    Windows' Western code page), or None when they are not that (Vietnamese in Windows' own Vietnamese code page,
    1258, reads better as that)."""
    if b"\x00" in raw:
        return None
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:  # five bytes the code page leaves undefined
        text = raw.decode("latin-1")
    code = guess_code(text)
    if code is None:
        return None
    try:
        windows = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return text
    return None if vietnamese_share(windows) >= vietnamese_share(convert(text, code)) else text


def unlegacy(text: str, name: str) -> tuple[str, str | None]:
    """A text with no font names, as Unicode, and the note saying it was converted (None when it was not). A text
    partly in Unicode (a PDF of a report whose letterhead kept an old font) has its old lines converted one by one."""
    if code := guess_code(text):
        return convert(text.translate(_ETH_AGAIN), code), converted_note(name, code)
    lines = re.split(r"([\r\n\x07])", text)  # with their ends: a Word 97-2003 text ends paragraphs and cells its way
    found = [guess_code(line) for line in lines]
    if (main := _most_common(found)) is None:
        return text, None
    # a line too short to tell by itself (a table's cell "HuyÖn Chî §ån") is in the code the long ones were typed in
    # when, converted, all its words are Vietnamese syllables and were not before
    found = [code or _short_line_code(line, main) for line, code in zip(lines, found, strict=True)]
    done = [
        line if code is None else convert(line.translate(_ETH_AGAIN), code)
        for line, code in zip(lines, found, strict=True)
    ]
    codes = Counter(code for code in found if code)
    notes = [converted_note(name, code, f"{count} dòng") for code, count in codes.items()]
    return "".join(done), " ".join(notes)


def code_of(text: str) -> str | None:
    """The old code table a text with no font names was typed in, whole or in most of its old lines (unlegacy
    converts them), or None."""
    return guess_code(text) or _most_common([guess_code(line) for line in re.split(r"[\r\n\x07]", text)])


def from_code(text: str, code: str) -> str | None:
    """A piece of a text typed in `code` (a table's cell: "HuyÖn Chî §ån") as Unicode, or None when it is not in
    that code (Unicode, English, figures)."""
    if guess_code(text) == code or _short_line_code(text, code):
        return convert(text.translate(_ETH_AGAIN), code)
    return None


def _most_common(codes: list[str | None]) -> str | None:
    found = Counter(code for code in codes if code).most_common(1)
    return found[0][0] if found else None


def _short_line_code(line: str, code: str) -> str | None:
    if _UNICODE_VIETNAMESE.search(line) or not _WORD.search(line):
        return None
    converted = convert(line.translate(_ETH_AGAIN), code)
    return code if converted != line and vietnamese_share(converted) == 1 > vietnamese_share(line) else None


def converted_note(name: str, code: str, what: str = "văn bản") -> str:
    """The draft's note on a file typed in an old code table: `what` of it ("12 đoạn chữ", "30 ô") was converted."""
    return (
        f"{name}: {what} gõ theo bảng mã {NAMES[code]} đã được chuyển sang Unicode; trích dẫn lấy theo bản đã "
        "chuyển — người nhập đối chiếu với tệp gốc."
    )
