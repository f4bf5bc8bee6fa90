"""Text handling shared by the loader, the resolver and the ingest tools: decoding, NFC, matching keys."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlsplit

_WS = re.compile(r"\s+")
# Dashes and quote marks that sources use interchangeably.
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})

# Old-style tone placement ("Hoà", "Thuỵ") → the new style the registry uses ("Hòa", "Thụy").
_OLD_TONE_MAP = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONES = re.compile("|".join(_OLD_TONE_MAP))
# The same at a syllable's end, either case ("Tỉnh uỷ", "Uỷ ban", "Khánh Hoà"; not "hoàn", nor "quỹ" whose u belongs
# to its qu), for matching running text.
_OLD_TONE_ENDS = re.compile(rf"(?<![qQ])(?i:{_OLD_TONES.pattern})(?!\w)")


class DecodeError(ValueError):
    """A file is not UTF-8 text; the message names the file and says what it looks like."""


def nfc(text: str) -> str:
    """Unicode NFC, and the Icelandic Ð (U+00D0) that legacy keyboards type for the Vietnamese Đ (U+0110)."""
    return unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")


def is_nfc(text: str) -> bool:
    """Whether nfc() would leave `text` as it is (checked without building a normalised copy)."""
    return unicodedata.is_normalized("NFC", text) and "\u00d0" not in text and "\u00f0" not in text


def fold_space(text: str) -> str:
    """Collapse every run of whitespace (line breaks, non-breaking spaces) to one space."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


def clipped(text: str, limit: int) -> str:
    """The text, whitespace folded, cut at a word before `limit` characters with " …" ("(số liệu th" was cut
    inside a word)."""
    text = fold_space(text)
    return text if len(text) <= limit else text[: limit - 2].rsplit(" ", 1)[0] + " …"


_PROSE = 120  # characters: a last paragraph this long is the article's own text, not a byline or a page's footer


def ends_mid_sentence(text: str) -> bool:
    """Whether a stored text stops inside its prose ("… giữa Ban dân vận với các c"): an excerpt cut where it was
    collected. A last line that is a byline or page furniture ("Tin, ảnh: TRẦN TIẾN", "Xem nhiều nhất") is no cut."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and len(lines[-1]) >= _PROSE and not re.search(r"[.!?…”\"')»:;]\s*$", lines[-1])


def quote_key(text: str) -> str:
    """The form in which a quote is compared with its source text."""
    return fold_space(nfc(text))


def read_text(path: Path, max_bytes: int | None = None) -> str:
    """Read a UTF-8 file (a BOM is dropped, NFD is composed) or raise DecodeError naming the problem."""
    raw = path.read_bytes()
    if max_bytes is not None and len(raw) > max_bytes:
        raise DecodeError(f"{path}: tệp quá lớn ({len(raw):,} byte, tối đa {max_bytes:,})".replace(",", "."))
    return decode(raw, str(path))


def decode(raw: bytes, name: str, *, utf16: bool = False) -> str:
    """UTF-8 text (a BOM allowed) as NFC, or DecodeError naming `name`. `utf16`: also text that starts with a UTF-16
    byte-order mark, as Windows' Notepad saves "Unicode" (uploads; the data files themselves stay UTF-8)."""
    if utf16 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as err:
            raise DecodeError(f"{name}: không đọc được dạng UTF-16 tại byte {err.start}") from None
    if b"\x00" in raw:  # anywhere: a NUL late in a file would reach the pages and the exports
        raise DecodeError(f"{name}: không phải tệp văn bản (có byte NUL, có thể là tệp nhị phân)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        where = f"{name}: không đọc được dạng UTF-8 ở dòng {line} (byte {err.start})"
        try:
            raw.decode("cp1258")
        except UnicodeDecodeError:
            raise DecodeError(where) from None
        # the line as that code page reads it, for the curator to recognise (or not: TCVN3 and VNI read as garbage)
        start, end = raw.rfind(b"\n", 0, err.start) + 1, raw.find(b"\n", err.start)
        seen = clipped(nfc(raw[start : end if end >= 0 else len(raw)].decode("cp1258")), 60)
        how = SAVE_AS_UTF8["excel" if name.lower().endswith(".csv") else "notepad"]
        raise DecodeError(
            f"{where}; có thể là bảng mã Windows-1258 cũ (dòng này đọc theo bảng mã đó: “{seen}”) — hãy lưu lại dưới "
            f"dạng UTF-8: {how}"
        ) from None
    return nfc(text)


# How to save a file again as UTF-8, in the program a provincial office saved it with: a table from Excel, a text
# from Notepad (messages.py has them in English).
SAVE_AS_UTF8 = {
    "excel": "trong Excel, Tệp › Lưu thành, chọn kiểu “CSV UTF-8 (Comma delimited)”",
    "notepad": "trong Notepad, Tệp › Lưu thành, chọn Mã hóa “UTF-8”",
}


def fold_tones(text: str) -> str:
    """Running text with old-style tone placement at syllable ends written the new way ("Tỉnh uỷ" → "Tỉnh ủy"),
    letter for letter: a match found in it has the same offsets in `text` (NFC)."""
    return _OLD_TONE_ENDS.sub(lambda m: _new_tone(m.group(0)), text)


def _new_tone(old: str) -> str:
    new = _OLD_TONE_MAP[old.lower()]
    return new.upper() if old.isupper() else new[0].upper() + new[1:] if old[0].isupper() else new


def name_key(text: str) -> str:
    """A matching key for place names: NFC, lower case, dashes/dots/spaces folded; diacritics kept."""
    text = nfc(text).lower().translate(_DASHES)
    text = _OLD_TONES.sub(lambda m: _OLD_TONE_MAP[m.group(0)], text)
    text = re.sub(r"[.,()\"'“”‘’]", " ", text)
    text = re.sub(r"\s*-\s*", " ", text)
    return fold_space(text)


def ascii_key(text: str) -> str:
    """name_key without diacritics, for input typed without them ("Lang Son", "Dak Lak")."""
    decomposed = unicodedata.normalize("NFD", name_key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    """A name as it goes into a record's id: "Hà Nội" → "ha-noi"."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_key(text)).strip("-")


_HOST = re.compile(r"[\w-]+(\.[\w-]+)*\.?", re.UNICODE)
# What may stay as it is in a link: the URL syntax that Markdown and HTML do not read. Everything else — ( ) [ ] < >
# " ' ` \ { } | ^ and non-ASCII — is percent-encoded, so that a link destination can neither close early nor open
# an image or a tag.
_URL_SAFE = "/:?#&=%+,;@$~.-_!*"


def web_link(url: str | None) -> str | None:
    """A source's url as it may go into Markdown or HTML: a well-formed http(s) address with a host name and no
    user name, percent-encoded where markup would read it; None for anything else (whitespace or control
    characters, another scheme, no host). The one check for every page and file that shows a link."""
    if not url or len(url) > 2048 or any(c.isspace() or not c.isprintable() for c in url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises on a malformed port
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or not _HOST.fullmatch(host):
        return None
    return quote(url, safe=_URL_SAFE)
