"""Ingest, step 3: numbers with Vietnamese rules (1.973 = 1973, 81,77% = 81.77), what they count and when.

A candidate number is a measure only when nothing around it says it is an identifier, a date, a duration, an
ordinal, a term, a name or a slogan; `measures()` applies those rules and returns what is left."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import Status, Unit

# 1.973 · 40.766 · 81,77 · 15,75 · 166/200 · 07/07 · 100% · 10.700m · 61.794.000đ — "." groups thousands (a space
# does in some reports: "6 603 bóng đèn"), "," is the decimal mark (a stray space may follow it before a multiplier:
# "2, 048 tỷ"), and a percentage may be written the English way ("97.2%": a dot before one or two digits groups
# nothing); a length, area or weight unit, or "đ" (đồng), may be glued to the number. After a word and a slash it
# is a count of its own ("36.822 hộ/163.866 nhân khẩu"); after a number and a slash, the whole of a fraction.
_NUMBER = re.compile(
    r"(?<![\w.,\-–:])(?<![\dIVX]/)(?<!\d\s/)"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,/])|"
    r"\d{1,3},[ \u00a0]\d{1,3}(?=\s*(?:tỷ|tỉ|triệu)\b)|\d{1,2}\.\d{1,2}(?=\s*%)|\d+(?:,\d+)?)"
    r"(?:\s*/\s*(?P<den>\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]))?(?P<pct>\s*%)?(?![.,]?\d)"
    r"(?P<glued>km2|km²|km|m2|m²|m3|m³|m|ha|kg|tấn|đ)?(?!\w)"
)
# Multipliers and money: "17 ngàn", "5 tỷ đồng", "2,5 triệu đồng" (also mistyped "triêu"), tens in words: "gần 7
# chục hội viên" is 70, "2 chục triệu đồng" 20 million.
_MULTIPLIER = re.compile(
    r"\s*(?P<mult>chục triệu|chục nghìn|chục ngàn|chục tỷ|chục|ngàn tỷ|nghìn tỷ|ngàn|nghìn|vạn|triệu|triêu|tỷ|tỉ)\b"
    r"(?P<money>\s*(?:đồng|VNĐ|VND|đ)\b)?"
)
_MONEY = re.compile(r"\s*(?:đồng|VNĐ|VND)\b")
# What an amount is written after: "trị giá hơn 200.000", "số tiền là 5.000.000"
_WORTH = re.compile(
    r"\b(?:trị\s+giá|giá\s+trị|số\s+tiền|kinh\s+phí)\s*(?:là\s+)?(?:(?:hơn|trên|gần|khoảng)\s+)?$", re.I
)
_FACTORS = {
    "chục": 1e1,
    "chục nghìn": 1e4,
    "chục ngàn": 1e4,
    "chục triệu": 1e7,
    "chục tỷ": 1e10,
    "ngàn": 1e3,
    "nghìn": 1e3,
    "vạn": 1e4,
    "triệu": 1e6,
    "triêu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "ngàn tỷ": 1e12,
    "nghìn tỷ": 1e12,
}
_COMPOUND = re.compile(
    r"\s*(?P<m1>tỷ|tỉ|triệu)\s+(?P<n>\d{1,3})\s*(?P<m2>triệu|nghìn|ngàn)\b(?P<money>\s*(?:đồng|VNĐ|VND|đ)\b)?"
)
_SAME_AS = re.compile(r"tương\s+ứng(?:\s+với)?\s*$")
# Money written in words: "hơn hai tỷ đồng" (a number word alone, "hai quyết định", is no measure).
_WORD_DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_WORD_MONEY = re.compile(
    rf"(?<!\w)(?P<word>{'|'.join(_WORD_DIGITS)})\s+(?P<hundred>trăm\s+)?(?P<mult>tỷ|tỉ|triệu)\s+(?:đồng|VNĐ|VND)\b",
    re.IGNORECASE,
)  # "hơn hai tỷ đồng", "ba trăm triệu đồng"
# "hơn 9.500", "gần 5 tỷ", "trên 1.000": the text says the number is not exact.
_QUALIFIER = re.compile(r"(?:^|\s)(?P<q>trên|hơn|gần|khoảng|xấp xỉ|dưới|chưa đến|gần như|hàng)\s*$", re.I)

# Words right before a number that make it a name or an ordinal, not a measure:
# "số 1" (but "tổng số 279" is a total), "khóa XI", "lần thứ 5", "Chi bộ 11", "mức độ 3, 4", "Quốc lộ 1A",
# "Covid-19", "tuổi 60", a plenum "Nghị quyết Trung ương 7" (also "nghị quyết trung ương 4"), a phase "giai đoạn 1",
# a military unit "Đại đội 105",
# a programme "Chương trình 167", the two sides "giữa 2 đội X - Y", a day "ngày 10/11", a ward "phường 6", a road
# "đường tỉnh 830", a month named without its year "Tháng 6 vừa qua", a town's block "khối 4 phường Nghi Thu".
_NOT_MEASURE_BEFORE = re.compile(
    r"(?:\b(?:(?<!tổng )(?<!Tổng )(?<!dân )(?<!Dân )số|thứ|khóa|khoá|lần|kỳ|kì|đợt|Chi bộ|chi bộ|Tổ|tổ|tổ dân phố|"
    r"Khu phố|khu phố|khu|[Kk]hối|Km|km|thôn|Thôn|ấp|Ấp|xóm|Xóm|Điều|điều|khoản|Khoản|mục|Mục|trang|Phòng|"
    r"mức độ|cấp độ|"
    r"Quốc lộ|quốc lộ|Chuyên đề|chuyên đề|Nghị quyết|nghị quyết|Chỉ thị|chỉ thị|Quyết định|Kết luận|Quy định|"
    r"NQ|CT|QĐ|KL|"  # a document by the abbreviation of its kind: "thực hiện NQ 25 và CT 05"
    r"tỉnh lộ|Tỉnh lộ|QL|ĐT|[Đđ]ường\s+tỉnh|[Đđ]ường\s+huyện|huyện\s+lộ|[Tt]háng|tuổi|lúc|hotline|Hotline|ĐT:|Fax|"
    r"Email|Lô|lô|tầng|Tầng|Trung ương|trung ương|TƯ|giai đoạn|Giai đoạn|"
    r"giữa|ngày|Ngày|phường|Phường|quận|Quận|[Nn]gã|"  # a junction: "ngã 3 cầu Tài Phú"
    r"Quân đoàn|quân đoàn|Quân khu|quân khu|Đại đội|đại đội|Tiểu đoàn|tiểu đoàn|Trung đoàn|trung đoàn|Sư đoàn|"
    r"sư đoàn|Chương trình|Đề án|Dự án|BCĐ|Ban\s+[Cc]hỉ\s+đạo(?:\s+\(BCĐ\))?|"
    # an army's economic-defence unit, a brigade; a size ("thùng nước bình (loại 20 lít)")
    r"Kinh\s+tế\s*-\s*Quốc\s+phòng|KT\s*-\s*QP|Lữ\s+đoàn|lữ\s+đoàn|Binh\s+đoàn|[Hh]ải\s+đội|[Hh]ải\s+đoàn|"
    r"[Tt]rung\s+đội|(?<!phân )[Ll]oại|[Mm]ùng|[Mm]ồng|"  # "(mùng 4 tết)": a day of the lunar new year
    r"[Đđ]ồn\s+(?:[Bb]iên\s+phòng|BP)(?:\s+[Cc]ửa\s+khẩu)?|"  # a border post by its number: "Đồn Biên phòng 635"
    # a team's or a cluster's number: "Đoàn kiểm tra 1", "tổ công tác 2", "Cụm thi đua 4", "Khối thi đua 3"
    r"[Đđ]oàn\s+(?:kiểm tra|giám sát|khảo sát|công tác)|[Tt]ổ\s+công\s+tác|[Cc]ụm(?:\s+thi\s+đua)?|"
    r"[Kk]hối\s+thi\s+đua)|"
    r"Covid\s*-|COVID\s*-|"
    r"[Nn]gày\s+\d{1,2}\s*(?:[-–]|đến|và)|"  # the second day of a span: "Từ ngày 4 - 6/10"
    r"độ\s+tuổi\s+(?:từ\s+)?(?:\d{1,3}\s*(?:[-–]|đến)\s*)?)"  # an age range: "trong độ tuổi từ 18-55" (w511)
    r"\s*(?P<listed>(?:\d+\s*,\s*)*)$"
)
# Words right after a number that make it a duration, a time, a rating, a slogan or a set phrase: "10 năm thực hiện",
# "02 ngày" (but "193 nghìn ngày công" counts work-days), "3 sao", "5 biết, 4 luôn, 3 thể hiện", the levels of a
# structure ("Quỹ vì người nghèo 4 cấp"), "tăng trưởng 2 con số", "2 cuộc kháng chiến", the aspects of a strong
# organisation ("trên cả 3 mặt: chính trị, tư tưởng và tổ chức") — and function words after a
# name ("Nhật Lệ 3, dự án").
_NOT_MEASURE_AFTER = re.compile(
    r"\s*(?:(?:năm|tháng|ngày(?! công| hội(?! nghị))|đêm|tuần|quý|giờ|phút|giây|tuổi|thế kỷ|sao|biết|luôn|thể hiện|"
    r"không|cùng|nhất|"
    r"là|và|của|với|đạt|được|đã|sẽ|có|cho|để|trong|tại|từ|đến|theo|về|do|bị|thì|mà|này|nói trên|lần|bước|xin|tốt|sạch|"
    r"an toàn|cấp|con số|cuộc kháng chiến|khâu đột phá chiến lược|bên|chữ vàng|"  # "2 bên": both sides; "18 chữ vàng"
    r"tiếng(?!\s+(?:dân\s+tộc|nói))|"  # hours: "không quá 24 tiếng"
    r"điều\s+bác\s+hồ\s+dạy|"  # the children's "5 điều Bác Hồ dạy", a set text
    r"tiên phong|chủ động|sẵn sàng|đảm đang|giỏi|cứng|kv|"  # slogans ("3 tiên phong", a house's "3 cứng"); "500 kV"
    r"tiêu chí\s+[\"“]?(?:gia\s+đình\s+)?5\s+không|"  # a family's "8 tiêu chí (Gia đình) 5 không 3 sạch"
    # a campaign's set contents, the centrally-run cities: "5 nội dung của cuộc vận động", "5 thành phố trực thuộc TW"
    r"nội dung (?:của )?(?:cuộc vận động|cvđ)|thành phố trực thuộc (?:trung ương|tw)|"
    # a contest's rounds, a body's standing drives and programmes: "Hội thi gồm 4 phần thi" (dx04), "02 vòng thi"
    # (ja05), "3 phong trào thi đua … do Hội Nông dân phát động" (ld11), "2 chương trình công tác lớn của Hội" (qrf04),
    # "2 cuộc vận động" (v402): set phrases, as a campaign's contents are
    r"phần thi|vòng thi|phong trào thi đua|chương trình công tác|cuộc vận động|"
    r"lượt\s+(?:xem|thích|chia\s+sẻ)|bình\s+luận|kb|mb|gb|"  # the page's counters and files: "(307 KB)"
    r"mặt(?=\s*:|\s+(?:chính trị|tư tưởng|tổ chức|đạo đức)))\b|"  # "vững mạnh trên cả 4 mặt: tư tưởng, chính trị …"
    r"[,.;:)\]“”\"'’…]|-|–|$)"
)
_DURATION_LEAD = re.compile(r"\b(?:[Tt]rong|[Ss]au|[Ss]uốt|kéo\s+dài)(?:\s+thời\s+gian)?\s*$")
# Year words: "năm 2023", "giai đoạn 2021 - 2023", "nhiệm kỳ 2020 - 2025", "2021-2026", "Nhâm Dần 2022".
_YEAR_NUMBER = re.compile(r"^(?:19|20)\d{2}$")

# Periods. Each alternative is named; the nearest one before a number in its sentence wins.
_PERIOD = re.compile(
    r"(?P<range>[Gg]iai\s+đoạn\s+(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)\d{2}))|"
    # a term that opens the sentence or paragraph ("Nhiệm kỳ 2016 - 2021, Hội …"): its results (conventions, p106);
    # elsewhere a term names a congress ("Đại hội … nhiệm kỳ 2025 – 2030 với 150 đại biểu"), no period of a figure
    r"(?P<term>^\s*(?:[Tt]rong\s+)?[Nn]hiệm\s+k[ỳì]\s+\(?\s*(?P<t1>(?:19|20)\d{2})\s*[-–]\s*(?P<t2>(?:19|20)\d{2}))|"
    r"(?P<since>[Tt]ừ\s+năm\s+(?P<s1>(?:19|20)\d{2})\s+(?:đến|tới)\s+(?:năm\s+)?(?P<s2>(?:19|20)\d{2}))|"
    r"(?P<year>(?:[Nn]ăm|NĂM)\s+(?P<y>(?:19|20)\d{2})(?!\s*[-–]\s*\d))|"
    r"(?P<now>(?:[Tt]ính\s+)?(?:[Đđ]ến|[Tt]ới)\s+nay|[Hh]iện\s+nay)|"
    r"(?P<this_year>[Tt]rong\s+năm(?!\s+\d)|[Nn]ăm\s+qua)"
)
# "so với năm 2020", "so với cuối năm 2022": a baseline, not the period of the number.
_BASELINE = re.compile(r"so\s+với\s+(?:cùng\s+kỳ\s+)?(?:cuối\s+|đầu\s+)?$")
# A duration in front ("Qua 10 năm", "sau 5 năm") sets no period: the number then has none.
_ESTIMATE = re.compile(r"[Dd]ự\s+(?:ước|kiến|tính)|[Ưư]ớc\s+(?:tính|đạt)")
_TARGET = re.compile(r"[Cc]hỉ\s+tiêu|[Mm]ục\s+tiêu|[Pp]hấn\s+đấu|[Kk]ế\s+hoạch\s+đề\s+ra")
_PERCENT = r"\d{1,2}\.\d{1,2}|\d+(?:,\d+)?"  # a percentage's figure: "24,7", or the English way "97.2"
# "(đạt 80%)", ", đạt tỷ lệ 53%", "(tỷ lệ 65%)" after a fraction: the same fact as a percentage.
_FRACTION_PERCENT = re.compile(
    r"^[^;%]{0,70}?\(?\s*(?:(?:đạt|đat|bằng|chiếm)\s*(?:tỷ\s+lệ|tỉ\s+lệ)?|tỷ\s+lệ|tỉ\s+lệ)\s*"
    rf"(?P<pct>{_PERCENT})\s*%\)?"
)
_FRACTION_PERCENT_FAR = re.compile(rf"^[^;%]{{0,160}}?\b(?:đạt|chiếm)\s*(?:tỷ\s+lệ|tỉ\s+lệ)?\s*(?P<pct>{_PERCENT})\s*%")
# "135/135 (100%) đơn vị", "21 người (24,7%)": a share in brackets right after a count; it is the same fact only when
# the arithmetic says so (checked by `_same_share`).
_BRACKET_PERCENT = re.compile(rf"\s*\(\s*(?P<pct>{_PERCENT})\s*%\s*\)")
_SHARE_AFTER = re.compile(r"(?:\s+[^\W\d_]+){0,3}" + _BRACKET_PERCENT.pattern)
_SHARE_RANGE = re.compile(r"(?<![\w.,/-])(?P<a>\d{1,3}(?:,\d+)?)\s*[-–]\s*(?P<b>\d{1,3}(?:,\d+)?)\s*%")
_AVERAGE = re.compile(r"(?:bình quân|trung bình)\s*(?:đạt\s*)?$")

# Nouns that measures count, longest first; anything else is taken one word at a time.
_NOUNS = sorted(
    {
        "mô hình",
        "điển hình",
        "hồ sơ",
        "sản phẩm",
        "tiêu chí",
        "đơn vị sự nghiệp",
        "đơn vị",
        "tập thể",
        "cá nhân",
        "phần quà",
        "suất quà",
        "đề án",
        "chỉ thị",
        "nghị quyết",
        "kết luận",
        "quy chế",
        "quyết định",
        "hướng dẫn",
        "quy định",
        "kế hoạch",
        "chương trình hành động",
        "chương trình",
        "bài học kinh nghiệm",
        "bài học",
        "nhiệm vụ",
        "giải pháp",
        "phòng chuyên môn",
        "đoạn đường",
        "đoàn khảo sát",
        "đoàn kiểm tra",
        "đoàn giám sát",
        "đoàn công tác",
        "thủ tục hành chính",
        "thẻ bảo hiểm y tế",
        "bảo hiểm y tế",
        "hộ nghèo",
        "hộ gia đình",
        "lượt người",
        "người",
        "hộ",
        "xã",
        "phường",
        "thị trấn",
        "đơn",
        "vườn",
        "cuộc",
        "buổi",
        "hội nghị",
        "lớp",
        "tổ chức",
        "cơ sở",
        "công trình",
        "km",
        "ngày công",
        "đảng viên",
        "hội viên",
        "đoàn viên",
        "cán bộ",
        "thôn",
        "bản",
        "khu dân cư",
        "hợp tác xã",
        "vụ việc",
        "vụ",
        "ý kiến",
        "kiến nghị",
        "khiếu nại",
        "tố cáo",
        "bằng khen",
        "giấy khen",
        "chi hội",
        "chi bộ",
    },
    key=len,
    reverse=True,
)
_SKIP_WORDS = re.compile(r"^(?:lượt|số|các|những)\s+")
_WORD = re.compile(r"[^\W\d_][\w’'/]*|[A-ZĐ]{2,}")
# Subject words stop at these: verbs and function words.
_STOP = {
    "được",
    "đạt",
    "đăng",
    "có",
    "và",
    "của",
    "trong",
    "đang",
    "với",
    "thực",
    "triển",
    "tham",
    "đủ",
    "giải",
    "là",
    "đã",
    "sẽ",
    "tại",
    "ở",
    "cho",
    "về",
    "theo",
    "thuộc",
    "trên",
    "gồm",
    "xây",
    "nhận",
    "phát",
    "hoàn",
    "tăng",
    "giảm",
    "lắp",
    "treo",
    "đề",
    "thì",
    "để",
    "nhằm",
    "còn",
    "chiếm",
}


# How far around a number its rules look. Bounded, so that the work per number does not grow with the sentence
# (a pasted table with no full stop is one "sentence" of thousands of numbers).
WINDOW = 200


@dataclass(frozen=True)
class Measure:
    """A number that measures something, located in the text."""

    start: int
    end: int
    value: float
    numerator: float | None
    denominator: float | None
    unit: Unit
    qualifier: str | None
    subject: str | None
    status: Status
    breakdown: str | None


def _scaled(value: float, factor: float) -> float:
    """value × factor without a binary fraction's residue: "8,3 tỷ" is 8.300.000.000, not 8.300.000.000,000001."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def parse_number(text: str) -> float:
    """Vietnamese digits: "1.973" → 1973, "81,77" → 81.77, "40.766" → 40766, "6 603" → 6603; "97.2" (before "%",
    _NUMBER) → 97.2."""
    if re.fullmatch(r"\d{1,2}\.\d{1,2}", text):
        return float(text)
    return float(re.sub(r"[.\s]", "", text).replace(",", "."))


def clean(value: float) -> int | float:
    """1973.0 → 1973 for display and YAML; 81.77 stays."""
    return int(value) if float(value).is_integer() else round(value, 6)


def measures(sentence: str, masked: list[tuple[int, int]], base: int = 0) -> list[Measure]:
    """The measures in one sentence; `masked` are spans (sentence offsets) that are dates, times or document codes.
    Linear in the sentence: each number looks at a bounded window around it."""
    found: list[Measure] = []
    if _mostly_upper(sentence) and len(sentence.lower()) == len(sentence):
        sentence = sentence.lower()  # a headline in capitals: "NĂM 2024 VỚI" is not an acronym after a number
    masks = _Spans(masked)
    estimates = [m.start() for m in _ESTIMATE.finditer(sentence)]
    used: tuple[int, int] | None = None  # the percentage a fraction absorbed, always after it
    for m in _NUMBER.finditer(sentence):
        start, end = m.span()
        if masks.overlaps(start, end) or (used and used[0] < end and start < used[1]):
            continue
        if not m.group("den") and not m.group("pct") and (two := _COMPOUND.match(sentence, end)):
            # "261 triệu 250 nghìn đồng", "2 tỷ 500 triệu đồng": one amount written in two parts
            high, low = _FACTORS[two.group("m1").lower()], _FACTORS[two.group("m2").lower()]
            if low < high:
                value = _scaled(parse_number(m.group("num")), high) + _scaled(parse_number(two.group("n")), low)
                qualifier = _QUALIFIER.search(sentence[max(0, start - WINDOW) : start])
                unit: Unit = "vnd" if two.group("money") else "count"
                q = qualifier.group("q").lower() if qualifier else None
                status: Status = "estimated" if bisect_left(estimates, start) > 0 else "reported"
                subject = "đồng" if two.group("money") else noun_after(sentence[two.end() :])
                found.append(Measure(base + start, base + two.end(), value, None, None, unit, q, subject, status, None))
                used = (start, two.end())
                continue
        share = _share_of_whole(sentence, m, found)
        if share is None and not _is_measure(sentence, m):
            continue
        estimated = bisect_left(estimates, start) > 0
        measure, absorbed = _build(sentence, m, base, estimated)
        if share is not None:
            whole, pct, absorbed = share
            measure = replace(measure, value=pct, numerator=measure.value, denominator=whole, unit="percent")
        used = absorbed or used
        if _SAME_AS.search(sentence[max(0, start - 20) : start]) and any(f.value == measure.value for f in found):
            continue  # "1.082 khu dân cư tương ứng với 1.082 thôn": the same count named twice
        found.append(measure)
        bound = _range_start(sentence, m)
        if bound is not None and sentence[bound.start("b") - 1] in "-–":  # "3-5 lao động": the glued second bound
            high = measure.value * parse_number(bound.group("b")) / parse_number(m.group("num"))
            found.append(replace(measure, start=base + bound.start("b"), end=base + bound.end("b"), value=high))
    for m in _WORD_MONEY.finditer(sentence):
        if not masks.overlaps(*m.span()):
            qualifier = _QUALIFIER.search(sentence[max(0, m.start() - WINDOW) : m.start()])
            value = _scaled(_WORD_DIGITS[m.group("word").lower()], _FACTORS[m.group("mult").lower()])
            value *= 100 if m.group("hundred") else 1
            q = qualifier.group("q").lower() if qualifier else None
            found.append(
                Measure(base + m.start(), base + m.end(), value, None, None, "vnd", q, "đồng", "reported", None)
            )
    for m in _SHARE_RANGE.finditer(sentence):  # "hòa giải thành 80-85%": both bounds, no "từ" before them
        low, high = parse_number(m.group("a")), parse_number(m.group("b"))
        if (
            low < high <= 100
            and not masks.overlaps(*m.span())
            and not any(base + m.start() <= f.start < base + m.end() for f in found)
        ):
            subject = noun_before(sentence[max(0, m.start() - WINDOW) : m.start()])
            found += [
                Measure(base + m.start(g), base + m.end(g), v, None, None, "percent", None, subject, "reported", None)
                for g, v in (("a", low), ("b", high))
            ]
    return sorted(found, key=lambda f: f.start)


class _Spans:
    """Spans sorted by start with the running maximum of their ends: does a span overlap any? in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        for _, e in spans:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _is_measure(sentence: str, m: re.Match) -> bool:
    before, after = sentence[max(0, m.start() - WINDOW) : m.start()], sentence[m.end() : m.end() + WINDOW]
    if m.group("num").isdigit() and len(m.group("num")) >= 10:
        return False  # "2776219538233339516": ten digits or more, ungrouped, are an identifier
    if _names_its_list(sentence[m.end() :], m.group(0)) or _RESTATED_ABOVE.match(after) or _named_before(sentence, m):
        return False
    if re.fullmatch(r"24\s*/\s*7", m.group(0)) or (
        _DURATION_LEAD.search(before) and after.lstrip().startswith(("buổi", "ngày"))
    ):  # "trực 24/7": round the clock; "trong 1 buổi", "Sau 1 buổi", "trong 3 ngày hội thao": how long, not how many
        return False
    if re.match(r"\s*(?:đường|phố)\s+[A-ZĐ]", after):
        return False  # "Văn phòng Khu phố 7 – 8 đường Trần Thị Cờ": a house on its street
    if (
        re.search(r"(?<!chặng )\b(?:[Đđ]ường|ĐƯỜNG)\s+$", before)
        and not m.group("glued")
        and not re.match(r"\s*(?:k?m2?|mét)\b", after)
    ):
        return False  # "Đường 279 đoạn Gia Lộc", "tuyến đường 534": a road by its number, not "con đường 120m" long
    if m.group(0) == "0" and re.match(r"\s*đồng\b", after):
        return False  # "gian hàng 0 đồng": free, a name
    if m.group(0) == "1" and re.match(r"\s*(?:phần\b(?!\s+quà)|số\b)", after):
        return False  # "sáp nhập 1 phần của Tổ 15": a part of it; "1 số hàng hóa": some
    if re.search(r"(?:liên|gắn)\s+kết\s*[“\"]?$", before) and re.match(r"\s*nhà\b", after):
        return False  # "liên kết 4 nhà": the four partners (farmers, State, scientists, businesses), a set phrase
    if re.search(r"\bmột\s+trong\s+(?:số\s+)?$", before) and _ONE_OF_SET.match(after):
        return False  # "là một trong 3 phong trào lớn do Hội phát động": the set it belongs to, not work counted
    if _PLAYED_BY.search(before) and re.match(r"\s*người\b", after):
        return False  # "bóng đá nam thi đấu 7 người", "Bóng đá mini nam (05 người)": how a game is played
    if _CAMPAIGN_CRITERIA.match(after):
        return False  # "thực hiện 8 tiêu chí của cuộc vận động": the campaign's set of criteria, not work counted
    if m.group(0) == "19" and _RURAL_CRITERIA.match(after):
        return False  # "đạt tiêu chí thứ 19 … trong 19 tiêu chí quốc gia xây dựng nông thôn mới": the national set
    if m.group("pct") or m.group("glued") or _whole_fraction(m):
        # a share is never the next item of a listed name: "Đề án 06, 100% xã" is a share after the name
        name = _NOT_MEASURE_BEFORE.search(before)
        return name is None or bool(m.group("pct") and name.group("listed"))
    if _NOT_MEASURE_BEFORE.search(before) or _in_short_quote(sentence, m):
        return False
    if _in_breakdown(sentence, m) is not None or _range_start(sentence, m) is not None:
        return True
    head = _MULTIPLIER.match(after)
    rest = after[head.end() :] if head else after
    if (head and _money(head, sentence)) or _unsaid_money(m, before, after):
        return True  # money, even after a name ("hỗ trợ huyện Tây Giang 100 triệu đồng")
    if _YEAR_NUMBER.match(m.group("num")) and m.group("den") is None:
        # "lễ Phục sinh 2024 an lành", "hàng Việt Nam 2024 như …": written without a separator, it is a year (a
        # count of that size is written "2.024")
        return False
    if _after_name(before) and not _listed_by_name(sentence, m):
        return False  # "cầu Nhật Lệ 3", "Nhâm Dần 2022": part of a name
    if re.match(r"/\s*[^\W\d_]", rest):
        rest = rest.lstrip("/ ")  # a rate per unit: "với mức 2.000/hội viên"
    if (quoted := _QUOTE_OPEN.match(rest)) is not None and (
        rest[quoted.end() : quoted.end() + 1].islower() or _GIVEN.search(before)
    ):
        rest = rest[quoted.end() :].lower()  # the thing counted, quoted: "12 “tổ tự quản về an ninh trật tự”"
    # in any case: a headline in capitals writes "KỶ NIỆM 92 NĂM"
    return not _NOT_MEASURE_AFTER.match(rest.lower()) and _starts_with_noun(rest)


# What "một trong N …" places a thing among: a body's tasks, programmes, movements, contents, pillars.
_ONE_OF_SET = re.compile(r"\s*(?:nhiệm\s+vụ|chương\s+trình|phong\s+trào|nội\s+dung|trụ\s+cột)\b", re.IGNORECASE)
# A game's side: "môn bóng đá nam thi đấu 7 người", "giải bóng đá nam (5 người)" (qrx07, qrw10, ot05)
_PLAYED_BY = re.compile(r"(?:thi\s+đấu|(?:bóng\s+(?:đá|chuyền)|futsal)[^.,;()]{0,25}\()\s*$", re.IGNORECASE)
# A campaign's or a model's own criteria: "8 tiêu chí của cuộc vận động", "5 tiêu chuẩn và 27 tiêu chí của phong
# trào", "11 tiêu chí của “Làng phụ nữ …”", "19 tiêu chí của Bộ tiêu chí quốc gia"
_CAMPAIGN_CRITERIA = re.compile(
    r"\s*tiêu\s+(?:chí|chuẩn)\s+(?:và\s+\d+\s+tiêu\s+chí\s+)?"
    r"(?:(?:(?:của|trong(?:\s+thực\s+hiện)?)\s+)?(?:cuộc\s+vận\s+động|mô\s+hình|phong\s+trào|bộ\s+tiêu\s+chí)|của\s+[“\"])",
    re.IGNORECASE,
)
_RURAL_CRITERIA = re.compile(r"\s*tiêu\s+chí\s+(?:quốc\s+gia\s+)?(?:(?:xây\s+dựng|về)\s+)?(?:xã\s+)?nông\s+thôn\s+mới")


# The units named above, counted again: "tặng 73 phần quà cho người lao động tại 4 công ty trên."
_RESTATED_ABOVE = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:nói\s+)?trên\s*(?:[.,;:)]|$)")
_TOKEN = re.compile(r"[^\W\d_][\w’']*|[^\w\s]")


# "giám sát 2 nội dung gồm: Giám sát …; giám sát …": a list opened by a colon, its items one per semicolon;
# "2 nhóm … gồm chăn nuôi heo sinh sản và mua bán dừa trái": opened by "gồm", its items split at commas and "và";
# "4 phẩm chất đạo đức “tự tin, tự trọng, trung hậu, đảm đang”": quoted, split at commas.
# "4 đại biểu, gồm các ông, bà: A, …; B, …": the people listed, one per semicolon.
_ITEMS_OPEN = re.compile(
    r"[^\d.;:]{0,40}?\b(?:gồm(?:\s+các\s+(?:ông,?\s+bà|đồng\s+chí))?|là|như\s+sau)\s*:", re.IGNORECASE
)
_BRACKET = re.compile(r"\s*\([^()]{0,40}\)")  # a short bracket inside a list: "Thăng Bình (cụm đồng bằng)", no item
_ITEMS_AFTER_GOM = re.compile(r"[^\d.;:“\"]{0,40}?\bgồm\s+(?P<items>[^\d.;:“\"()]+?)\s*(?:[.;]|$)")
_ITEMS_QUOTED = re.compile(r"\s*[^\W\d]+(?:\s+[^\W\d]+){0,6}\s*[“\"](?P<items>[^”\"]+)[”\"]")
# "3 nhiệm vụ trọng tâm: Xây dựng tổ chức Hội, chăm sóc NCT, phát huy vai trò NCT", "3 nhiệm vụ trọng tâm là xây
# dựng …; Nâng cao …; triển khai …", "04 phẩm chất : Tự tin – tự trọng – trung hậu – đảm đang": a list right after
# the noun, its items split at semicolons, else at commas and "và", else at dashes
_ITEMS_AFTER_NOUN = re.compile(r"\s*[^\W\d]+(?:\s+[^\W\d]+){0,5}?\s*(?::|\blà\b)\s*(?P<items>[^.:]+)")


def _names_its_list(rest: str, written: str) -> bool:
    """A small numeral whose items are named right after it in its sentence, as many as it says, is no count (the
    labels' convention H12): "02 huyện biên giới … là Yên Châu và Mai Sơn", "2 huyện Vân Canh và Đồng Xuân", "2 dân
    tộc sinh sống là dân tộc Tày và dân tộc Dao", "9 xã …,
    bao gồm: Quang Chiểu, Tam Chung, …", and the listed items of _ITEMS_OPEN, _ITEMS_AFTER_GOM and _ITEMS_QUOTED."""
    if not written.isdigit() or not 2 <= int(written) <= 12:
        return False
    if (opened := _ITEMS_OPEN.match(rest)) is not None:
        items = [item for item in rest[opened.end() :].split(";") if item.strip()]
        if len(items) == int(written):  # "3 phần thi gồm: Chào hỏi; tiểu phẩm …; lý thuyết và xử lý tình huống"
            return True
        items[-1:] = re.split(r"\bvà\b", items[-1], maxsplit=1) if items else []  # "…: ông A; bà B và ông C"
    elif (
        listed := _ITEMS_AFTER_GOM.match(_BRACKET.sub("", rest)) or _ITEMS_QUOTED.match(rest)
    ) is not None:  # "8 đơn vị … gồm Điện Bàn, …, Thăng Bình (cụm đồng bằng) và Hiệp Đức, …": a bracket is no item
        items = re.split(r",|\bvà\b", listed.group("items"))
    else:
        items = []
    if len([item for item in items if item.strip()]) == int(written) or int(written) in _items_after_noun(rest):
        return True
    tokens = _TOKEN.findall(rest[:240])
    start = next((i for i, t in enumerate(tokens[:4]) if t[0].isupper()), None)  # "huyện Vân Canh …"
    if start is None or not tokens[0][0].islower():
        start = None
        for i, token in enumerate(tokens[:14]):  # "… trên địa bàn tỉnh là …", "…, bao gồm: …"
            if token in ("là", "gồm"):
                start = i + 1 + (tokens[i + 1 : i + 2] == [":"])
                break
            if not (token[0].isalpha() or token == ","):
                break
    if start is None:
        return _names_listed(rest) == int(written)
    count, i, kind = 0, start, None
    while i < len(tokens):
        # each item is a name, or a name after the kind the first one has: "là dân tộc Tày và dân tộc Dao"
        k = next((k for k in (0, 1, 2) if i + k < len(tokens) and tokens[i + k][0].isupper()), None)
        if k is None or kind not in (None, tokens[i : i + k]) or not all(t.islower() for t in tokens[i : i + k]):
            break
        kind = tokens[i : i + k]
        i += k
        count += 1
        while i < len(tokens) and tokens[i][0].isupper():
            i += 1  # the words of one name
        if tokens[i : i + 2] == [",", "và"]:
            i += 2
        elif i < len(tokens) and tokens[i] in (",", "và"):
            i += 1
        else:
            break
    return count == int(written) or _names_listed(rest) == int(written)


# Where a list gives way to what its items hold: "gồm: Phật giáo, …, Hồi giáo với 225 cơ sở", "…, có 157 cơ sở".
_LIST_END = re.compile(r"(?:\s+với|,\s*(?:với|có))\s+(?:tổng\s+số\s+)?(?:(?:gần|hơn|trên|khoảng)\s+)?\d")


def _items_after_noun(rest: str) -> set[int]:
    """How many items a list right after a numeral's noun may hold (_ITEMS_AFTER_NOUN): split at semicolons, else
    up to what the items hold (_LIST_END), each way of splitting it; after "là", since "là" also opens a description,
    only a list split at semicolons ("3 nhiệm vụ … là A; B; C") or one of names ("3 tôn giáo là Công giáo, Phật giáo
    và đạo Tin lành")."""
    listed = _ITEMS_AFTER_NOUN.match(rest[:400])
    if listed is None:
        return set()
    body = listed.group("items")
    if ";" in body:
        return {len([item for item in body.split(";") if item.strip()])}
    body = _LIST_END.split(_BRACKET.sub("", body), maxsplit=1)[0]
    if not rest[: listed.start("items")].rstrip().endswith(":"):
        items = [item.split() for item in re.split(r",|\bvà\b", body) if item.strip()]
        named = all(w[0][0].isupper() or (len(w) > 1 and w[0].islower() and w[1][0].isupper()) for w in items)
        return {len(items)} if named else set()
    return {
        len([item for item in re.split(separator, body) if item.strip()]) for separator in (r",|\bvà\b", r"\s[–-]\s")
    }


def _named_before(sentence: str, m: re.Match) -> bool:
    """A small numeral counting the places its sentence named just before under the same noun (H12): "các tỉnh Thái
    Nguyên, Lạng Sơn, Cao Bằng và Bắc Ninh; tỉnh Cà Mau cũng hỗ trợ cho 4 tỉnh"."""
    written = m.group(0)
    noun = re.match(r"\s*([^\W\d_]+)", sentence[m.end() : m.end() + 20])
    if not written.isdigit() or not 2 <= int(written) <= 12 or noun is None or not noun.group(1).islower():
        return False
    listed = re.finditer(rf"\b{noun.group(1)}\s+(?=[A-ZĐ])", sentence[: m.start()])
    return any(_leading_names(sentence[name.end() : m.start()]) == int(written) for name in listed)


# Words that put a name after a numeral's noun in another role: "2 suất quà cho Hội Nông dân và Hội Phụ nữ".
_NOT_A_LIST = {"cho", "của", "tại", "ở", "từ", "đến", "với", "và", "tặng", "trao", "thuộc", "trong"}


def _names_listed(rest: str) -> int:
    """How many names follow a numeral's noun (one to three lower-case words) or a colon, each opening with a
    capital and split at commas and "và", up to the clause's end: "4 chiến dịch Mùa hè xanh, Hoa phượng đỏ, Kỳ nghỉ
    hồng, Hành quân xanh"; "sáp nhập 4 xã của huyện Than Uyên cũ: Mường Kim, Tà Mung, Tà Hừa, Pha Mu, xã …"."""
    rest = rest[:240]  # a list of twelve names at most: the work per number stays bounded in a long pasted table
    if _MULTIPLIER.match(rest) or _MONEY.match(rest):
        return 0  # "gần 3 tỷ đồng Quỹ Đền ơn đáp nghĩa, Quỹ Vì người nghèo, Quỹ Khuyến học": an amount
    if (colon := re.match(r"[^\d.,;:]{0,40}:", rest)) is not None:
        body = rest[colon.end() :]
    else:
        words = rest.split()
        lead = next((i for i, w in enumerate(words[:4]) if w[0].isupper()), None)
        if not lead or any(not w.isalpha() or w in _NOT_A_LIST for w in words[:lead]):
            return 0
        body = rest[rest.index(words[lead]) :]
    return _leading_names(body)


def _leading_names(body: str) -> int:
    """How many names open `body`, each with a capital and split at commas and "và", up to the clause's end."""
    count = 0
    for item in re.split(r",|\bvà\b", re.split(r"[.;:()\n]", body, maxsplit=1)[0]):
        item = item.strip().lstrip('“"')  # quoted names: "4 chiến dịch: “Hành quân xanh”, “Mùa hè xanh”, …"
        if not item or not item[0].isupper() or len(item.split()) > 5:
            break
        count += 1
    return count


def _only_years(text: str) -> bool:
    """Every number written in `text` is a year (or there is none)."""
    return all(_YEAR_NUMBER.match(n.group("num")) for n in _NUMBER.finditer(text))


def _money(head: re.Match, sentence: str) -> bool:
    """ "100 triệu đồng", "40 triệu/nhà"; or, in a sentence about money ("đồng", "số tiền", "kinh phí", "tiết kiệm",
    "dư nợ"),
    billions ("34 tỷ đồng … và 30,2 tỷ cho 25 xã") and millions that count nothing ("hỗ trợ mỗi nhà 30 triệu, số tiền
    còn lại", "từ 1 triệu đến 10 triệu đồng", "tiết kiệm được 240 triệu…"; not "3 triệu người")."""
    rest = head.string[head.end() :]
    if head.group("money") or (head.group("mult") == "triệu" and rest.startswith("/")):
        return True  # "40 triệu/nhà": so much per house
    if not re.search(
        r"\bđồng\b|\b[Ss]ố\s+tiền\b|\bkinh\s+phí\b|\btiết\s+kiệm\b|\btrị\s+giá\b|\bthành\s+tiền\b|\bdư\s+nợ\b",
        sentence,
    ):
        return False
    counts_nothing = bool(_NOT_MEASURE_AFTER.match(rest))
    return head.group("mult") in ("tỷ", "tỉ") or (head.group("mult") == "triệu" and counts_nothing)


def _unsaid_money(m: re.Match, before: str, after: str) -> bool:
    """ "phần quà trị giá hơn 200.000.": an amount of a thousand or more after "trị giá", "số tiền" or "kinh phí",
    its "đồng" left unsaid and no noun after it."""
    if m.group("den") or m.group("pct") or m.group("glued") or not _WORTH.search(before):
        return False
    return parse_number(m.group("num")) >= 1000 and not _starts_with_noun(after)


_QUOTE_END = re.compile(r"[”\"]")


def _in_short_quote(sentence: str, m: re.Match) -> bool:
    """Inside a short quoted name — a programme "“1 triệu ly sữa”", a slogan "“Thành phố 4 an”", a model "“5 không,
    3 sạch”", a club "CLB “Phụ nữ dân tộc thiểu số tiết kiệm 5-10 triệu đồng”" — a number is part of the name."""
    opened = sentence.rfind("“", 0, m.start())
    end = _QUOTE_END.search(sentence, m.end())  # “CLB tiết kiệm 5-10 triệu đồng": a straight quote may close it
    closed = end.start() if end else -1
    if opened < 0 and sentence.count('"', 0, m.start()) % 2 == 1:  # straight quotes: "2 xóa 3 giúp"
        opened, closed = sentence.rfind('"', 0, m.start()), sentence.find('"', m.end())
    if opened < 0 or closed < 0 or "”" in sentence[opened : m.start()] or "“" in sentence[m.end() : closed]:
        return False
    longest = 12
    if not sentence[opened + 1 : m.start()].strip():
        # a longer name when it opens with the number: "“90 hành động thiết thực phụ nữ và trẻ em”", and any length
        # after a movement's word: phong trào “5 xung kích phát triển kinh tế xã hội …, bốn đồng hành …”
        longest = 40 if _MOVEMENT_BEFORE.search(sentence, max(0, opened - 30), opened) else 14
    return len(sentence[opened:closed].split()) <= longest


_MOVEMENT_BEFORE = re.compile(r"(?:phong\s+trào|cuộc\s+vận\s+động|chương\s+trình|khẩu\s+hiệu)\s*$", re.I)


# "(trong đó nam 924, nữ 13, dân tộc Jrai 612, dân tộc Bahnar 296, dân tộc khác 47 người)", "(trong đó dân tộc
# Raglai 84 người; dân tộc Chăm 35 người … và dân tộc Nùng 02 người)": the parts of a count, each "label N", the
# noun written after each or once after the last.
_BREAKDOWN = re.compile(
    r"\((?:trong\s+đó|gồm|bao\s+gồm)\s*:?\s*(?P<items>"
    r"(?:[^()\d,;]{1,30}?\s\d[\d.]*(?:\s+[^\W\d_]+)?\s*(?:[,;]|\s+và\b)\s*)+"
    r"[^()\d,;]{1,30}?\s\d[\d.]*\s+(?P<noun>[^\W\d_]+)[^()]{0,20})\)",
    re.IGNORECASE,
)


# "3.303 vị sư (Hòa thượng 22, Thượng tọa 57, Tỳ kheo 1.592, Sadi 1.632)", "686 vụ mâu thuẫn trong nhân dân (Bình
# Định 436, Phú Yên 86, …)": labelled parts of the count before.
_PARTS = re.compile(r"\((?P<items>(?:[^()\d,;]{1,30}?\s\d[\d.]*\s*[,;]\s*)+[^()\d,;]{1,30}?\s\d[\d.]*)\s*\)")
_COUNTED = re.compile(r"\d[\d.]*\s+(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+){0,5})\s*$")


def _in_breakdown(sentence: str, m: re.Match) -> tuple[str, str] | None:
    """A number that is one part of a parenthesised breakdown ("nam 924, nữ 13, … 47 người"): (the noun written
    after the last part, the part's own label). Its label may be a capitalised name ("dân tộc Jrai 612"), which
    elsewhere marks a number as part of a name."""
    opening = sentence.rfind("(", max(0, m.start() - 200), m.start())
    if opening < 0 or ")" in sentence[opening : m.start()]:
        return None
    found = _BREAKDOWN.match(sentence, opening) or _PARTS.match(sentence, opening)
    if found is None or not found.start("items") <= m.start() < found.end("items"):
        return None
    noun = found.groupdict().get("noun")
    if noun is None:  # the noun is the counted one before the bracket: "3.303 vị sư (Hòa thượng 22, …)"
        counted = _COUNTED.search(sentence[max(0, opening - 60) : opening])
        if counted is None:
            return None
        noun = counted.group("noun")
    label = re.split(r"[,;(:]|\bvà\b|\btrong\s+đó\b|\bgồm\b", sentence[found.start("items") : m.start()])[-1].strip()
    return noun, label


# "từ 95 - 98% gia đình", "từ 3 – 7 hộ", "từ 3,5 đến 4,5 triệu đồng": a range is written as its two bounds, the unit
# (and multiplier) after the second.
_RANGE_END = re.compile(
    r"\s*(?:[-–]|đến)\s*(?P<b>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?P<pct>\s*%)?"
    r"(?P<noun>\s+[^\W\d_A-ZĐ][\w]*|(?:km2|km²|km|m2|m²|m3|m³|ha|kg|tấn)(?!\w))?"  # "từ 35-40m2": a unit glued
)


def _range_start(sentence: str, m: re.Match) -> re.Match | None:
    """The second bound of the range whose first bound is `m`, written after "từ" — or with a dash alone between
    two small counts or two close ones, the lower first ("tạo việc làm cho 3-5 lao động", "300 - 350 đơn vị máu");
    None when it is no range."""
    if m.group("pct") or m.group("den"):
        return None
    end = _RANGE_END.match(sentence, m.end())
    if end is None or not (end.group("pct") or end.group("noun")):
        return None
    if not re.search(r"\btừ\s*$", sentence[max(0, m.start() - 6) : m.start()]):
        dashed = "đến" not in end.group(0) and "," not in m.group("num") + end.group("b")
        low, high = parse_number(m.group("num")), parse_number(end.group("b"))
        # small counts ("3-5 lao động"), or bounds close together ("300 - 350 đơn vị máu"); not two years
        close = high < 100 or (high <= 2 * low and not _YEAR_NUMBER.match(m.group("num")))
        if not (dashed and end.group("noun") and low < high and close):
            return None
    if end.group("noun") and _NOT_MEASURE_AFTER.match(end.group("noun")):
        return None  # "từ 2021 – 2025 năm", "từ 3 - 5 ngày": a span of time
    return end


def _whole_fraction(m: re.Match) -> bool:
    """ "26/30 Hội quần chúng": a part of a whole, whatever word follows — a denominator over 12 is no month, so
    "26/30" is no day either ("16/5", "6/8" still need a noun after them)."""
    if not m.group("den"):
        return False
    part, whole = parse_number(m.group("num")), parse_number(m.group("den"))
    return whole > 12 and part <= whole and not _YEAR_NUMBER.match(m.group("den"))  # "6/2022" is a month


def _after_name(before: str) -> bool:
    """The word before is capitalised in mid-sentence ("Nhật Lệ 3"), so the number belongs to a name — but no name
    ends in the country's ("Ủy ban MTTQ Việt Nam 52 tỉnh")."""
    words = before.rstrip().split()
    if len(words) < 2 or words[-1][-1] in ".,;:…!?)" or " ".join(words[-2:]) == "Việt Nam":
        return False  # sentence-initial words are capitalised anyway ("Có 202 mô hình"); punctuation separates
    last = words[-1].strip("“”\"'(")
    if last == "Tết":
        return False  # "chúc Tết 30 đơn vị": the feast names no numbered thing (its year is read as a year)
    return bool(last) and last[0].isupper() and not last.isupper() and not words[-2].endswith((".", ":", "–"))


# Members and units a text often capitalises: "57 Ủy viên", "9 Phó Chủ tịch", "12 Chi hội" are counts.
_CAPITAL_NOUN = re.compile(
    r"(?:Ủy|Uỷ)\s+viên|Phó\s+[Cc]hủ\s+tịch|(?:Đảng|Đoàn)\s+viên|(?:Chi|Phân|Tổ)\s+(?:[Hh]ội|bộ|đoàn)|Đảng\s+bộ|"
    r"Đại\s+biểu\b|Hội\b|"  # "Hội viên", "Hội đồng", "126 Hội NCT cấp xã"
    r"Hợp\s+tác\s+xã|Tổ\s+(?:hợp\s+tác|dân\s+phố|tự\s+quản)|Đội\b|Câu\s+lạc\s+bộ|Cầu\s+giao\s+thông|"
    # "50 Hợp tác xã", "5 Đội hình", "2 Mẹ Việt Nam anh hùng", "6 Bà mẹ Việt Nam anh hùng" (w801)
    r"(?:Bà\s+[Mm]ẹ|Mẹ)\s+Việt\s+Nam\s+[Aa]nh\s+hùng|"
    r"Giáo\s+(?:xứ|họ|hạt|điểm)|Họ\s+đạo|Linh\s+mục|Khu\s+dân\s+cư|"  # "42 Giáo xứ", "79 Họ đạo"
    r"Người\s+cao\s+tuổi|Ban\s+[Cc]ông\s+tác\s+[Mm]ặt\s+trận|"  # "hơn 200 Người cao tuổi", "20 Ban Công tác Mặt trận"
    r"Bảo\s+hiểm\s+y\s+tế"  # "cấp hơn 128 ngàn Bảo hiểm y tế" (the cards, af04)
)


# Items of a list end at ";" or ":", after "Trong đó" (with its comma or without), and at a comma after a figure
# ("xã Mường Luân 20 suất, …").
_ITEM_END = re.compile(r"[;:]|\b[Tt]rong\s+đó\b\s*,?|(?<=\w),(?=\s)")


def _listed_by_name(sentence: str, m: re.Match) -> str | None:
    """ "Trong đó, TP. Điện Biên Phủ 13 mô hình; Nậm Pồ 2 mô hình; Tuần Giáo 2 mô hình", "xã Mường Luân 20 suất, xã
    Chiềng Sơ 40 suất": after a name, a count of the same thing another item of the list counts, the name being the
    whole item before it — that name, else None."""
    noun = re.match(r"\s+([^\W\d_A-ZĐ]\w*(?:\s+[^\W\d_A-ZĐ]\w*)?)", sentence[m.end() :])
    item = _ITEM_END.split(sentence[max(0, m.start() - 60) : m.start()])[-1].strip()
    words = item.split()
    if (
        noun is None
        or not 0 < len(words) <= 8
        or re.search(r"\d", item)
        or (
            2 * sum(w[0].isupper() for w in words) < len(words)
            and not re.match(r"(?:dân|đồng)\s+(?:tộc|bào)\s+[A-ZĐ]", item)
        )
    ):
        return None  # the item is a name: mostly capitalised words, or a people's ("dân tộc Jrai 68 người")
    counted = re.compile(rf"(?<![\w.,])\d[\d.]*\s+{re.escape(noun.group(1))}\b")
    return item if any(other.start() != m.start() for other in counted.finditer(sentence)) else None


# An opening quote: before a lower-case word, what the number counts named in quotes; a capital opens a name unless
# the name is given, built or listed (_GIVEN).
_QUOTE_OPEN = re.compile(r"\s*[“\"]")
# A quoted name counted after a verb that gives, builds or honours it, or as the next item of a list: "tặng 6 “Mái ấm
# Công đoàn”" (c209), "có 518 “Đơn vị học tập” và 503 “Cộng đồng học tập”" (nj09); not "Dự án 8 “Thực hiện …”".
_GIVEN = re.compile(
    r"(?:tặng|trao|bàn\s+giao|xây\s+dựng|hỗ\s+trợ|làm\s+mới|sửa\s+chữa|trang\s+bị|biểu\s+dương|tôn\s+vinh|"
    r"được|có|[,;]|\bvà)\s*(?:thêm\s+)?$"
)


def _starts_with_noun(after: str) -> bool:
    """The next word is a lower-case word, an acronym ("KDC", "HTX") or a capitalised member or unit ("Ủy viên"),
    not a name."""
    word = _WORD.match(after.lstrip())
    return word is not None and (
        word.group(0)[0].islower() or word.group(0).isupper() or bool(_CAPITAL_NOUN.match(after.lstrip()))
    )


def _build(sentence: str, m: re.Match[str], base: int, estimated: bool) -> tuple[Measure, tuple[int, int] | None]:
    """The measure at `m` (value, fraction, unit, qualifier, subject, status, breakdown) and the span (sentence
    offsets) of a percentage it absorbed. `estimated`: "dự ước" is written before it in the sentence."""
    before, after = sentence[max(0, m.start() - WINDOW) : m.start()], sentence[m.end() : m.end() + WINDOW]
    value = parse_number(m.group("num"))
    numerator: float | None = None
    denominator: float | None = None
    unit: Unit = "count"
    used = None
    bound = _range_start(sentence, m)
    if bound is not None:  # the first bound takes the unit and the noun written after the second
        after = sentence[bound.start("pct") if bound.group("pct") else bound.start("noun") :][:WINDOW]
    if m.group("pct") or (bound is not None and bound.group("pct")):
        unit = "percent"
    elif m.group("den"):
        numerator, denominator = value, parse_number(m.group("den"))
        pct = _FRACTION_PERCENT.match(after)
        # another figure between them is what the share is of; a year ("nhiệm kỳ 2018 - 2023") is not
        if not (pct and _only_years(after[: pct.start("pct")])):
            # "135/135 (100%) đơn vị", "6.022/8.177 xã (73,65%)" (ab07): a share in brackets, when the sums agree
            pct = _BRACKET_PERCENT.match(after) or _SHARE_AFTER.match(after)
            pct = pct if pct and _same_share(numerator, denominator, parse_number(pct.group("pct"))) else None
        if pct is None and (far := _FRACTION_PERCENT_FAR.match(after)) is not None:
            # "140/156 xã, phường, thị trấn tổ chức thành công Đại hội …, nhiệm kỳ 2021-2026, đạt 89,74%": further
            # on, the share is the fraction's only when the arithmetic says so
            agrees = _same_share(numerator, denominator, parse_number(far.group("pct")))
            pct = far if agrees and _only_years(after[: far.start("pct")]) else None
        if pct:
            value, unit = parse_number(pct.group("pct")), "percent"
            used = (m.end() + pct.start("pct"), m.end() + pct.end())
            if pct.re is _BRACKET_PERCENT:
                after = after[pct.end() :]  # "135/135 (100%) đơn vị": the noun comes after the bracket
    head = _MULTIPLIER.match(after)
    if head and not m.group("pct"):
        value = _scaled(value, _FACTORS[head.group("mult")])
        after = after[head.end() :]
        unit = "vnd" if _money(head, sentence) else unit
    elif _MONEY.match(after) or m.group("glued") == "đ" or _unsaid_money(m, before, after):
        unit = "vnd"
    if unit == "count" and _AVERAGE.search(before):
        unit = "average"
    qualifier = _QUALIFIER.search(before)
    part = _in_breakdown(sentence, m) if unit == "count" else None
    subject = (
        "đồng"
        if unit == "vnd"
        else m.group("glued")
        or (part[0] if part else None)
        or noun_after(after)
        or (noun_before(before) if unit == "percent" else None)
    )
    clause = re.split(r"[,;]", before)[-1]  # "Kế hoạch đề ra 150 buổi, nhưng mới thực hiện 120": 120 is no target
    status: Status = "estimated" if estimated else "target" if _TARGET.search(clause) else "reported"
    measure = Measure(
        base + m.start(),
        base + m.end(),
        value,
        numerator,
        denominator,
        unit,
        qualifier.group("q").lower() if qualifier else None,
        subject,
        status,
        (part[1] or None) if part else _listed_by_name(sentence, m) or breakdown(subject, after),
    )
    return measure, used


def _share_of_whole(sentence: str, m: re.Match, found: list[Measure]) -> tuple[float, float, tuple[int, int]] | None:
    """ "là 85 người, trong đó ngoài Đảng 21 người (24,7%)": a part of a count named before it in the sentence, with
    its share in brackets — (the whole, the share, the bracket's span). The arithmetic must agree, which also makes
    a number after a name ("Đảng 21") or "số" ("thiểu số 11") a measure."""
    share = None if m.group("pct") or m.group("den") or m.group("glued") else _SHARE_AFTER.match(sentence, m.end())
    if share is None:
        return None
    part, pct = parse_number(m.group("num")), parse_number(share.group("pct"))
    for whole in reversed(found):
        if whole.unit == "count" and whole.denominator is None and _same_share(part, whole.value, pct):
            return whole.value, pct, (share.start("pct"), share.end())
    return None


def _same_share(part: float, whole: float | None, percent: float) -> bool:
    """`percent` is part/whole, as written: to its decimals, give or take the last one ("47,05%" for 40/85)."""
    if not whole or part > whole:
        return False
    decimals = len(f"{percent:g}".partition(".")[2])
    return abs(part / whole * 100 - percent) <= 1.5 * 10**-decimals


def noun_after(after: str) -> str | None:
    """The thing counted: "1.973 mô hình, điển hình" → "mô hình"; "376 đơn KNTC" → "đơn"; "07 KDC" → "KDC"."""
    text = _SKIP_WORDS.sub("", after.lstrip().lstrip("%").lstrip().lstrip('“"'))  # "12 “tổ tự quản”": quoted
    if not text or not (text[0].isalpha()):
        return None  # "81,77%, xếp thứ 5": nothing named right after the number
    low = text.lower()
    for noun in _NOUNS:
        if low.startswith(noun) and (len(low) == len(noun) or not low[len(noun)].isalpha()):
            return text[: len(noun)]
    words: list[str] = []
    for word in _WORD.findall(text[:60])[:3]:
        if word.lower() in _STOP or (words and word[0].isupper() and not word.isupper()):
            break
        words.append(word)
        if word.isupper():
            break
    return " ".join(words) or None


def noun_before(before: str) -> str | None:
    """For "thanh toán trực tuyến đạt tỷ lệ 80,73%": the words before "đạt", back to the clause start or to
    "tỷ lệ" ("Đưa tỷ lệ hồ sơ … mức độ 3, 4 đạt 81,77%" → "hồ sơ … mức độ 3, 4")."""
    clause = re.split(r"[;:(]", before)[-1]
    clause = re.sub(r"\s*(?:đạt|còn|là|chiếm|bằng)?\s*(?:tỷ\s+lệ|tỉ\s+lệ)?\s*(?:đạt)?\s*$", "", clause)
    clause = re.split(r"\b(?:tỷ|tỉ)\s+lệ\b", clause)[-1]
    parts = [p for p in clause.split(",") if re.search(r"[^\W\d_]", p)]
    clause = parts[-1] if parts else ""
    words = clause.split()
    return " ".join(words[-16:]) or None


def breakdown(subject: str | None, after: str) -> str | None:
    """The part of a split a value is: "tập thể", "cá nhân", "3 sao"."""
    if subject in ("tập thể", "cá nhân"):
        return subject
    stars = re.match(r"^[^,;()]{0,40}?\b(?P<s>\d)\s+sao\b", after)
    return f"{stars.group('s')} sao" if stars else None


def periods(sentence: str, base: int = 0) -> list[tuple[int, str, str]]:
    """Period expressions in a sentence: (offset, kind, value) — value "2023", "2021-2023", or "" for "đến nay"; kind
    "term" for a term that opens it (its paragraph's alone, never the article's lead: extract._opening_period)."""
    found = []
    for m in _PERIOD.finditer(sentence):
        if _BASELINE.search(sentence[max(0, m.start() - 30) : m.start()]):
            continue
        if m.group("range"):
            found.append((base + m.start(), "range", f"{m.group('y1')}-{m.group('y2')}"))
        elif m.group("term"):
            found.append((base + m.start("t1"), "term", f"{m.group('t1')}-{m.group('t2')}"))
        elif m.group("since"):
            found.append((base + m.start(), "range", f"{m.group('s1')}-{m.group('s2')}"))
        elif m.group("year"):
            found.append((base + m.start(), "year", m.group("y")))
        elif m.group("now"):
            found.append((base + m.start(), "now", ""))
        else:
            found.append((base + m.start(), "this_year", ""))
    return found
