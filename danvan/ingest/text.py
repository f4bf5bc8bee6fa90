"""Ingest, step 1: read an article file and cut it into content paragraphs and sentences with their offsets.

Every later step quotes `Article.text[start:end]`, so quotes are verbatim substrings of the decoded text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..text import fold_space, nfc, read_text

MAX_BYTES = 2_000_000  # a news article is a few kB; anything this big is a dump, not an article
# One intake at a time reads at most this many characters (a long report is ≈ 30 pages); more is split by the curator.
MAX_CHARS = 100_000

# HTML: a document start or several block/inline tags. One stray "<" in prose is not HTML.
_HTML_HINT = re.compile(
    r"<\s*(?:!doctype|html|body|head)\b|(?:<\s*/?\s*(?:p|div|br|span|a|td|li|h[1-6])\b[^>]*>.*){3}",
    re.IGNORECASE | re.DOTALL,
)
_HTML_DROP = re.compile(r"<\s*(script|style|noscript|head)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BLOCK = re.compile(r"<\s*/?\s*(?:p|div|br|li|tr|h[1-6]|section|article|header|footer|table)\b[^>]*>", re.I)
_HTML_INLINE = re.compile(r"<\s*/?\s*(?:b|i|u|em|strong|span|a|font|sup|sub|small|mark)\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<[^>]{0,2000}>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

# Page furniture: "Lượt xem: 591", "• Đang online: 223", "Tất cả: 0" — a short label, a colon, a bare number.
# Its label has no digit: "Chủ nhật - 09/10/2022 22:584120" is the page's date line (a time glued to a view count);
# neither it nor a bare number is a day written with dots ("Ngày đăng: 30.03.2022", "12.03.2019": the page's stamp).
_DOTTED_DAY = r"(?!\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\s*$)"
_COUNTER_LINE = re.compile(rf"^[\s•·*\-]*[^\W\d_][^:\d\n]{{0,30}}:\s*{_DOTTED_DAY}[\d.,]+\s*$")
# A line that is nothing but a number ("• 000421095", a visitor counter).
_NUMBER_LINE = re.compile(rf"^[\s•·*\-]*{_DOTTED_DAY}[\d.,]+\s*$")
# A line that closes a sentence, a clause or a quotation: the next line starts a paragraph of its own.
LINE_END = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")
# In a text printed with hard line breaks, a line in lower case after a clause's end (";", ":") goes on with its
# sentence ("Chủ tịch UBMTTQ huyện;" / "các đồng chí lãnh đạo …"): only a sentence's end ends its paragraph.
_SENTENCE_END_LINE = re.compile(r"[.!?…][\"”’')\]]*\s*$")
# A byline on its own line: "P. Dung", "T. Minh Hà" — an initial is no "P." (phường) or "X." (xã) of a place.
_BYLINE = re.compile(r"^[A-ZĐ]\.\s?(?P<name>[^\W\d_]+(?:\s[^\W\d_]+){0,2})$")


def _is_byline(line: str) -> bool:
    m = _BYLINE.match(line)
    return m is not None and all(w[0].isupper() and w[1:].islower() for w in m.group("name").split())


# Boxes that end an article on news sites; everything after them is navigation.
_TAIL_MARKER = re.compile(
    r"Thống kê truy cập|Các tin khác|Tin liên quan|Xem nhiều nhất|Gửi cho bạn bè|Liên kết website|"
    r"Bài viết liên quan|Tin cùng chuyên mục|Thông tin người gửi phản hồi|Tin mới nhất|Thông tin mới nhất|"
    r"^(?:Các\s+)?tin(?:\s+tức|\s+bài)?\s+khác\s*:?$",  # a line of its own: "Tin khác", "Tin tức khác" (as02, k813)
    re.IGNORECASE,
)
# Interface words scraped with the page; harmless for numbers but they would be taken for a title.
_UI_LINE = re.compile(
    r"^\s*(?:Sign In|Đăng nhập|Tag:?|File đính kèm|Print|In trang|Gốc|anh tin bai|Ảnh cờ động|"
    r"Phản hồi|(?:No title\.*\s*)+)\s*$",
    re.IGNORECASE,
)
# Sentence ends: . ! ? … followed by space and a capital, an opening quote or a bracket. "1.973", "TP." stay whole.
# A dot typed with no space after a number or a word in lower case, before a word in capitals, ends one too:
# "… giai đoạn 2006-2010.Được thành lập năm 2001, …" (mg05).
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_SENTENCE_END = re.compile(
    rf"(?P<stop>[.!?…][\"”’)]*)(?:\s+(?=[\"“(\-–]?[^\W\d_])|(?:(?<=\d\.)|(?<=[{_LOWER}]{{2}}\.))(?=[{_UPPER}][{_LOWER}]))"
)
# "TP. Hồ Chí Minh", "ThS. Nguyễn …", "H. Tuy An" (huyện), "Q. 3", "P. Tân An", a monk's "TT. Thích …", "HT.", "ĐĐ."
# (Thượng tọa, Hòa thượng, Đại đức; "TT." is also a thị trấn and Thường trực, "TT. HĐND"): a dot after these
# abbreviations does not end a sentence.
_ABBREVIATION = re.compile(r"(?:^|[\s(“\"])(?:TP|Tp|tp|TX|TT|HT|ĐĐ|ThS|TS|PGS|GS|BS|Th\.S|St|v\.v|H|Q|P|X)$")
_VIET_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


# A sentence that is a day and nothing more, or with its hour or its place: "Sáng ngày 7 tháng 10 năm 2021.", "Ngày
# 16/01/2022 tại Hội trường khối vận xã Tân Hưng."
_DAY_ALONE = r"\d{1,2}(?:\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
_DATE_ALONE = re.compile(
    # with its hour: "Vào lúc 18 giờ 00 ngày 24/3/2022.", "Lúc 8h30 sáng ngày 5/6/2023."
    r"\s*(?:(?:[Vv]ào\s+)?(?:[Ll]úc|[Hh]ồi)\s+\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?(?:\s*phút)?,?\s+)?"
    r"(?:(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm)\s+)?"
    # today or a weekday first: "Sáng hôm nay ngày 30/5/2019." (h303), "Sáng ngày thứ sáu ngày 10 tháng 8 năm 2018."
    # (iq03)
    r"(?i:(?:hôm\s+nay|(?:ngày\s+)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật))\s*,?\s+)?"
    # a span too: "Từ ngày 21/02 đến ngày 28/02/2023.", "Trong 2 ngày 21-22/02/2023."
    r"(?:(?:[Tt]ừ|[Tt]rong\s+\d{1,2}\s+ngày,?)\s+)?(?:(?:[Nn]gày|[Hh]ôm)\s+)?(?:\d{1,2}\s*(?:[-–]|và)\s*)?"
    rf"{_DAY_ALONE}(?:\s*(?:đến|[-–])\s*(?:ngày\s+)?{_DAY_ALONE})?"
    r"(?:,?\s+tại\s+[^.;:!?]{1,80}|\.\s+Tại\s+[^.;:!?]{1,80})?\s*"  # "Sáng ngày 20/6/2021. Tại hội trường UBND xã."
)


class IngestError(ValueError):
    """The input cannot be turned into a draft; the message names the file and the reason."""


@dataclass(frozen=True)
class Span:
    """A piece of Article.text by offsets."""

    start: int
    end: int
    text: str


@dataclass
class Article:
    """The decoded text and its content paragraphs (page furniture and repeated paragraphs removed)."""

    name: str
    text: str
    paragraphs: list[Span]
    notes: list[str] = field(default_factory=list)

    def sentences(self) -> list[Span]:
        return [s for p in self.paragraphs for s in split_sentences(p)]


def read_article(path: str | Path) -> Article:
    """Read a file (UTF-8 with or without BOM, NFD composed) or raise IngestError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"{path}: không tìm thấy tệp")
    try:
        text = read_text(path, max_bytes=MAX_BYTES)
    except ValueError as err:  # DecodeError: binary, Windows-1258, too large
        raise IngestError(str(err)) from None
    return prepare(text, str(path))


def prepare(text: str, name: str = "<text>") -> Article:
    """Normalise, strip HTML when the input is a web page, and keep the content paragraphs."""
    notes: list[str] = []
    if len(text) > MAX_CHARS:
        raise IngestError(
            f"{name}: văn bản dài {len(text):,} ký tự, quá giới hạn {MAX_CHARS:,} ký tự của một lần "
            "nhập — hãy chia thành nhiều phần".replace(",", ".")
        )
    text = nfc(text)
    if _HTML_HINT.search(text):
        text = strip_html(text)
        notes.append("Đầu vào là HTML: đã bỏ thẻ, trích dẫn lấy theo văn bản sau khi bỏ thẻ.")
    if not text.strip():
        notes.append("Tệp rỗng: không có gì để trích xuất.")
    return Article(name, text, content_paragraphs(text), notes)


def strip_html(text: str) -> str:
    """Web page → plain text: scripts and styles dropped, block tags become line breaks, entities decoded."""
    text = _HTML_COMMENT.sub(" ", text)
    text = _HTML_DROP.sub(" ", text)
    text = _HTML_BLOCK.sub("\n", text)
    text = _HTML_INLINE.sub("", text)  # "<b>1.973</b> mô hình" keeps its spacing
    text = _HTML_TAG.sub(" ", text)
    text = html.unescape(text).replace("<", "‹").replace(">", "›")  # a leftover bracket is never markup again
    return nfc(text)


# A scraped page's metadata header at the very start, " date 2021-12" or "date 2021-12-05", often glued to the first
# line (" date 2023-12 Sáng 13/12, Ban Dân vận …"): the publication date (dates.publication), and a line of its own.
DATE_HEADER = re.compile(r"\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b\s*")


# A weekday and a day, nothing else (a publication stamp may carry a clock time: "Thứ Năm, 25/05/2017, 16:05"): a
# site's bar of today's date or a page's stamp (dates.publication), never the start of a paragraph printed with hard
# line breaks ("Thứ hai, ngày 22/07/2013" / "Ngày" / "20-7, Thị đoàn …", b703).
DATE_BAR = re.compile(
    # the weekday in words or in figures ("Thứ 7, ngày 15/6/2024", sy05)
    # or in words ("Thứ Bảy, ngày 13 tháng 12 năm 2025", jo01)
    r"(?:Thứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|Chủ\s+[Nn]hật)\s*,?\s+(?:ngày\s+)?(?P<d>\d{1,2})"
    r"(?:\s*/\s*(?P<m>\d{1,2})\s*/\s*|\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+)(?P<y>\d{4})"
)


def content_paragraphs(text: str) -> list[Span]:
    """Non-empty lines, without counters, interface words, the navigation tail and repeated paragraphs. In a text
    printed with hard line breaks (three lines or more go on in lower case), any line after the title goes on with a
    paragraph of some words that did not end: "Ngày 26 và 27/7/2023, Ban" / "Thường vụ Huyện đoàn …" (not a stamp
    "29/11/2024" / "Sáng ngày 27/11/2024, …")."""
    kept, joins = _paragraphs(text, wrapped=False)
    return _paragraphs(text, wrapped=True, title_lines=_title_lines(text))[0] if joins >= 3 else kept


def _title_lines(text: str) -> int:
    """How many lines a hard-wrapped title runs to: the lines of the text's first block when a blank line ends it,
    it has two or three lines with no stop but at the last, each goes on with a letter, and the paragraphs after it
    are set apart by blank lines too ("Uỷ ban Mặt trận Tổ quốc Việt Nam xã" / "Đăk Liêng tổ chức Đại hội lần thứ X,"
    / "nhiệm kỳ 2024 – 2029", a PDF printed from a page); else 1, the first line."""
    blocks = [block.strip().splitlines() for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    if len(blocks) < 3 or not 2 <= len(blocks[0]) <= 3:
        return 1
    title = blocks[0]
    if any(LINE_END.search(line) for line in title[:-1]) or not all(line.strip()[:1].isalpha() for line in title):
        return 1
    return len(title) if len(" ".join(title).split()) <= 40 else 1


# A signature ending a report, "Tin và ảnh: BÍCH TUYỀN", then another report's lede with its outlet's mark, "(KGO) -
# Sáng 13-4, Sở Văn hóa …" (so02, p1131): the page goes on with another article.
_SIGNED = re.compile(r"^(?:Tin|Bài)(?:\s*(?:và|,|-|/)\s*ảnh)?\s*:\s*\S")
_OUTLET_LEDE = re.compile(r"^\([A-ZĐ][A-ZĐa-z.]{1,10}\)\s*[-–—]")


# A lede opened by its day: "Sáng ngày 04/8, tại hội trường Huyện ủy" (see _paragraphs).
_LEDE_DAY = re.compile(rf"(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Nn]gày)(?:\s+ngày)?\s+{_DAY_ALONE}\s*,")


def _paragraphs(text: str, wrapped: bool, title_lines: int = 1) -> tuple[list[Span], int]:
    kept: list[Span] = []
    lines_seen = 0  # non-blank lines read
    joins = 0
    seen: set[str] = set()
    offset = 0
    joined = False  # the last kept paragraph ended on the line just before
    signed = False  # the last line was a report's signature
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            joined = False
            continue
        lines_seen += 1
        if (
            joined
            and (
                stripped[0].islower()
                or (
                    wrapped
                    and len(kept) > 1
                    and len(kept[-1].text.split()) >= 4
                    and not DATE_BAR.fullmatch(kept[-1].text)
                )
                or (wrapped and len(kept) == 1 and lines_seen <= title_lines)
                # no title: the first paragraph already ran on past the title's lines ("… trong dịp Tết nguyên" /
                # "đán Bính Thân, ngày 23/1, Chi đoàn Báo Quảng Trị phối hợp với Huyện đoàn Cam Lộ" / "- UBND xã …
                # tổ chức chương trình", fj04)
                or (wrapped and len(kept) == 1 and kept[0].text.count("\n") >= title_lines)
                # no title either: the first line is a lede that opens with its day ("Sáng ngày 04/8, tại hội trường
                # Huyện ủy" / "Thường Tín, Ban Thường trực Ủy ban MTTQ huyện tổ chức kỳ họp thứ 6", gu02)
                or (wrapped and len(kept) == 1 and _LEDE_DAY.match(kept[0].text))
            )
            and not (_SENTENCE_END_LINE if wrapped and stripped[0].islower() else LINE_END).search(kept[-1].text)
        ):
            # a hard-wrapped line ("… giám sát được 2.193" / "cuộc; …", as PDFs and some pages print them) goes on
            # with its paragraph
            end = start + len(body) - len(body.lstrip()) + len(stripped)
            kept[-1] = Span(kept[-1].start, end, text[kept[-1].start : end])
            joins += 1
            continue
        joined = False
        if len(stripped) < 80 and _TAIL_MARKER.search(stripped) and start > len(text) * 0.3:
            break
        if signed and _OUTLET_LEDE.match(stripped):
            break
        signed = bool(kept) and _SIGNED.match(stripped) is not None
        if (
            _COUNTER_LINE.match(stripped)
            or _NUMBER_LINE.match(stripped)
            or _UI_LINE.match(stripped)
            or _is_byline(stripped)
        ):
            continue
        key = fold_space(stripped)
        if key in seen:  # a page that prints its lead twice states each fact once
            continue
        seen.add(key)
        lead = len(body) - len(body.lstrip())
        header = DATE_HEADER.match(stripped) if not kept else None
        if header and header.end() < len(stripped):  # the header is its own line: no quote starts with it
            kept.append(Span(start + lead, start + lead + len(header.group(0).rstrip()), header.group(0).rstrip()))
            lead, stripped = lead + header.end(), stripped[header.end() :]
        kept.append(Span(start + lead, start + lead + len(stripped), stripped))
        joined = True
    return kept, joins


def split_sentences(paragraph: Span) -> list[Span]:
    """Sentences of a paragraph, with offsets into the article."""
    spans, last = [], 0
    for match in _SENTENCE_END.finditer(paragraph.text):
        # A bounded look-behind: slicing the whole prefix each time made long paragraphs quadratic.
        if match.group("stop") == "." and _ABBREVIATION.search(
            paragraph.text, max(0, match.start() - 8), match.start()
        ):
            continue
        ellipsis = match.group("stop")[0] == "…" or paragraph.text[max(0, match.start() - 2) : match.start()] == ".."
        if ellipsis and paragraph.text[match.end()].islower():
            continue  # "Hội Cựu chiến binh... tổ chức lễ phát động": a list cut short, the sentence goes on
        if _DATE_ALONE.fullmatch(paragraph.text, last, match.start("stop")):
            continue  # "Sáng ngày 7 tháng 10 năm 2021. Tại ấp Cái Tắc, Hội … ra quân": the date opens the next one
        end = match.end("stop")
        piece = paragraph.text[last:end]
        if piece.strip():
            spans.append(Span(paragraph.start + last, paragraph.start + end, piece))
        last = match.end()
    tail = paragraph.text[last:]
    if tail.strip():
        spans.append(Span(paragraph.start + last, paragraph.start + len(paragraph.text), tail))
    return spans


def looks_vietnamese(text: str) -> bool:
    """At least 1% of the letters are Vietnamese-only letters (ă, ơ, ư, ạ …); English prose has none."""
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and len(_VIET_LETTERS.findall(text)) / letters >= 0.01
