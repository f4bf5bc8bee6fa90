"""Checking an uploaded file by its content, never by its name: size, type (magic bytes), text encoding. The name a
browser sends is only shown (cleaned); the file is stored, if at all, under a generated name."""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass

from . import legacy
from .text import DecodeError, decode

MAX_UPLOAD_MB = 5  # an article, a report in PDF or Word; not a data dump. `server.maxUploadSize` in config.toml
MAX_UPLOAD = MAX_UPLOAD_MB << 20  # bytes; Streamlit's "MB" is 2^20 bytes

KINDS = {
    "text": "txt",
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "xls": "xls",
    "doc": "doc",
    "odt": "odt",
    "ods": "ods",
    "png": "png",
    "jpeg": "jpg",
    "tiff": "tif",
}
# LibreOffice's files intake does not read (its texts and spreadsheets it does): what they are, what to do
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.presentation": "bản trình chiếu OpenDocument (.odp) của LibreOffice; hãy "
    "nhập báo cáo gốc (.odt, .docx, PDF) hoặc bảng số liệu (.ods, .xlsx) thay cho bản trình chiếu",
}
_HEIC_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"mif1", b"msf1")  # an iPhone's photo, by its ftyp box
# An Office 97-2003 file is a compound file: what it holds is named in its directory
_OFFICE97 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STREAMS = (  # the first found decides
    ("encrypted", "EncryptedPackage"),  # a .docx or .xlsx saved with a password
    ("xls", "Workbook"),
    ("xls", "Book"),
    ("doc", "WordDocument"),
)


class UploadError(ValueError):
    """The upload is refused; the message says why in Vietnamese."""


@dataclass(frozen=True)
class Upload:
    kind: str  # "text", "pdf", "docx", "xlsx", "xls", "doc", "odt", "ods", "png", "jpeg" or "tiff", from the content
    size: int
    safe_name: str  # generated from the content's hash: the only name ever used on disk
    shown_name: str  # the browser's name, cleaned, for display only
    text: str | None = None  # the decoded text of a text upload (UTF-8/UTF-16, NFC)


def check(
    raw: bytes, name: str = "", *, allowed: tuple[str, ...] = tuple(KINDS), max_bytes: int = MAX_UPLOAD
) -> Upload:
    """The upload described, or UploadError: too large, empty, of a type not in `allowed`, or text that does not
    decode (with the likely encoding named)."""
    if not raw:
        raise UploadError("tệp trống (0 byte): không có gì để đọc; hãy chọn tệp có nội dung")
    if len(raw) > max_bytes:
        raise UploadError(f"tệp quá lớn ({len(raw):,} byte, tối đa {max_bytes:,})".replace(",", "."))
    kind = sniff(raw)
    if kind not in allowed:
        names = ", ".join("txt, csv" if k == "text" else KINDS[k] for k in allowed)  # a CSV is text by content
        raise UploadError(f"loại tệp không được nhận ({describe(raw)}); chỉ nhận: {names}")
    text = _text(raw, name) if kind == "text" else None
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return Upload(kind, len(raw), f"upload-{digest}.{KINDS[kind]}", shown_name(name), text)


def sniff(raw: bytes) -> str:
    """The type by content: pdf, docx, xlsx, xls, doc, odt, ods, png, jpeg, tiff, text, or what else it looks like
    ("encrypted", "office97", "zip", "binary")."""
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())  # the directory only: nothing is extracted
        except Exception:  # a damaged directory: BadZipFile, or a version no zip reader has (NotImplementedError)
            return "binary"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names and (odf := _OPENDOCUMENT_KINDS.get(_mimetype(raw) or b"")):
            return odf
        return "zip"
    if raw.startswith(_OFFICE97):
        return _office97(raw)
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"  # a photo or scan of a page, read by OCR
    if raw.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if raw.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"  # an office scanner's pages, one frame each
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte-order mark
    if b"\x00" in raw[:8192]:
        return "binary"
    return "text"


# LibreOffice's texts and spreadsheets (OpenDocument), by the type their `mimetype` entry names
_OPENDOCUMENT_KINDS = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def _mimetype(raw: bytes) -> bytes | None:
    """An OpenDocument file's type: its first zip entry, `mimetype`, stored uncompressed (as the format requires);
    None for any other zip."""
    if raw[30:38] != b"mimetype" or raw[8:10] != b"\x00\x00":  # the first entry's name, and "stored"
        return None
    size, extra = int.from_bytes(raw[18:22], "little"), int.from_bytes(raw[28:30], "little")
    return raw[38 + extra : 38 + extra + size].strip() if size < 200 else None


def _office97(raw: bytes) -> str:
    """What a compound file holds, by the streams its directory names; "office97" when it names none of those or
    cannot be read."""
    from xlrd.compdoc import CompDoc  # xlrd reads .xls, and so the directory of any compound file

    try:
        names = {entry.name for entry in CompDoc(raw, logfile=io.StringIO()).dirlist}
    except Exception:  # a damaged directory raises anything from inside xlrd
        return "office97"
    return next((kind for kind, name in _STREAMS if name in names), "office97")


def describe(raw: bytes) -> str:
    kind = sniff(raw)
    if raw.startswith(b"MZ") or raw.startswith(b"\x7fELF"):
        return "chương trình chạy được"
    if raw[4:8] == b"ftyp" and raw[8:12] in _HEIC_BRANDS:
        return "ảnh HEIC của iPhone; hãy lưu ảnh dạng JPEG hoặc đặt Camera › Định dạng › Tương thích nhất"
    if raw.startswith((b"GIF87a", b"GIF89a")):
        return "ảnh GIF; hãy lưu ảnh dạng PNG hoặc JPEG"
    if kind == "zip" and (saved := _OPENDOCUMENT.get(_mimetype(raw) or b"")):
        return saved
    return {
        "zip": "tệp nén ZIP",
        "binary": "tệp nhị phân",
        "pdf": "PDF",
        "docx": "Word (.docx)",
        "xlsx": "Excel (.xlsx)",
        "xls": "Excel 97-2003 (.xls)",
        "doc": "Word 97-2003 (.doc)",
        "odt": "văn bản OpenDocument (.odt)",
        "ods": "bảng tính OpenDocument (.ods)",
        "encrypted": "Word hoặc Excel có mật khẩu",
        "office97": "Office 97-2003 khác hoặc bị hỏng",
        "png": "ảnh PNG",
        "jpeg": "ảnh JPEG",
        "tiff": "ảnh TIFF",
        "text": "văn bản",
    }[kind]


def _text(raw: bytes, name: str) -> str:
    """The upload's text; its name tells decode how the program that made it saves as UTF-8 (Excel for a .csv), and
    is left out of the message, which the page words around the file's name."""
    shown = shown_name(name)
    try:
        return decode(raw, shown, utf16=True)
    except DecodeError as err:
        if (western := legacy.western(raw)) is not None:  # saved from a file typed in an old code table
            return legacy.unlegacy(western, shown)[0]
        raise UploadError(str(err).removeprefix(f"{shown}: ")) from None


def shown_name(name: str) -> str:
    """The last part of the name, without control or format characters, at most 120 characters: safe to show."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    clean = "".join(c for c in last if unicodedata.category(c)[0] != "C").strip().lstrip(".")
    return clean[:120] or "(không tên)"
