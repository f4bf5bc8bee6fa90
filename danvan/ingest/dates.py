"""Ingest, step 2: dates as Vietnamese news pages write them, the publication date, and the year of a bare "20/12"."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..fmt import partial_date
from ..model import DatePrecision
from .text import DATE_BAR, DATE_HEADER, Article, Span

# Weekday names, "Thứ Năm" … "Chủ nhật", also "Thứ 5", "T5", "CN". Value = Python weekday() (Monday = 0).
_WEEKDAY_WORDS = {
    "hai": 0,
    "ba": 1,
    "tư": 2,
    "năm": 3,
    "sáu": 4,
    "bảy": 5,
    "2": 0,
    "3": 1,
    "4": 2,
    "5": 3,
    "6": 4,
    "7": 5,
}
_WEEKDAY = re.compile(
    r"\b(?:Thứ|thứ|THỨ|T)\s*(?P<wd>Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|[2-7])\b|"
    r"(?P<sun>Chủ\s*[Nn]hật|CN)\b"
)
_YEAR = r"(?:19|20)\d{2}"
# The reports are online news: a year before this is history they recall ("tái lập tỉnh (năm 1991)", "tháng
# 8/1945"), never the year of their gatherings.
EARLIEST_YEAR = 2000
# a lunar date: "(ngày 3/3 âm lịch)", "nhằm ngày 09/9 năm Quý Mão" (the year named by its stem and branch)
_LUNAR = re.compile(
    r"\s*\(?\s*(?:âm\s+lịch|ÂL)\b|\s+năm\s+(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+"
    r"(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)\b",
    re.I,
)
# the lunar day in brackets after the calendar's: "ngày 9 tháng 9 năm 2022 (nhằm ngày 14 tháng 8 năm 2022)" (o718)
_LUNAR_BEFORE = re.compile(r"\(\s*nhằm\s+(?:ngày\s+)?(?:\d{1,2}\s+)?$", re.I)
# 25/4/2024, 02/06/2017, 10.01.2020, 30-5-2020 — one separator used twice; "20/01/ 2021", "26/ 9 / 2022": stray
# spaces beside a slash (at02); "T4 ,12/09/2018": a comma typed before it (not after a figure).
_DMY = re.compile(
    rf"(?<![\d/.-])(?<!\d,)(?P<d>\d{{1,2}})(?P<sep>[/.-])(?:(?<=/) )?(?P<m>\d{{1,2}})(?: (?=/))?(?P=sep)(?:(?<=/) )?"
    rf"(?P<y>{_YEAR})"
    r"(?![\d/.-]\d)"
)
# ngày 16 tháng 11 năm 2023; Trong 02 ngày 30 - 31 tháng 5 năm 2017; 30-31/5/2017; "Từ ngày 10 đến ngày 15/6/2023";
# "Ngày 19, 20/12/2023"; "Ngày 22, 23 và 24/5/2023"; "trong 2 ngày 21, 22-3", "(chiều 28 và sáng 29-5)",
# "Sáng ngày 09 và ngày 10/6/2021", "trong 3 ngày 8-9-10.7" (not 8 and 9 October), "ngày 3 – 4/ 11/2015" (a space
# typed after the slash, gl07), "Trong 2 ngày, 11 và 12 - 4" (spaces about the month's dash after two days joined by
# "và", io02; not "2,2 - 2,5 triệu") — a day or a span of days.
# Not after a colon ("09:05, 29/10/2019" is a time and a day, not days 5 and 29), a weekday ("Thứ 4,
# 10/01/2024"), a month word ("từ tháng 5-8/2024" is May to August, not 5 August) or a numbered ward or district
# ("tình hình kinh tế – xã hội Phường 2 tháng 02 năm 2023", g706); "27&28/6/2019" joins two days as "và" does.
_DAY_SPAN = re.compile(
    rf"(?<![\d/.,:-])(?<!Thứ\s)(?<!thứ\s)(?<![Tt]háng\s)(?<!\bT)(?<![Pp]hường\s)(?<![Qq]uận\s)(?P<d>\d{{1,2}})(?:(?:\s*,\s*\d{{1,2}}(?=\s*(?:,|và))|-\d{{1,2}}(?=-\d{{1,2}}[/.]))*\s*"
    rf"(?:-|–|đến(?:\s+hết)?(?:\s+ngày)?|(?P<joined>và)(?:\s+ngày)?|&|,)\s*(?:(?:sáng|chiều|tối)\s+(?:ngày\s+)?)?"
    rf"(?P<d2>\d{{1,2}}))?\s*"
    rf"(?:tháng\s*(?P<m>\d{{1,2}})|/ ?(?P<m_slash>\d{{1,2}})|(?<=\d)(?(joined) ?- ?|-)(?P<m_dash>\d{{1,2}})"
    rf"|(?<=\d)\.(?P<m_dot>\d{{1,2}}))"
    rf"(?:(?:\s*(?:năm\s*|/)|-)(?P<y>{_YEAR}))?"
    r"(?![\d/])"
)
# "từ 15/4/2023-15/6/2023"; a gathering's two sittings: "chiều ngày 29/11/2018 và sáng ngày 30/11/2018"
_DMY_SPAN = re.compile(
    rf"(?<![\d/.,-])(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})\s*"
    rf"(?:-|–|đến(?:\s+ngày)?|(?P<and>và|&)(?:\s+(?:sáng|chiều|tối))?(?:\s+ngày)?)\s*"
    rf"(?P<d2>\d{{1,2}})(?P=sep)(?P<m2>\d{{1,2}})(?P=sep)(?P<y2>{_YEAR})(?![\d/.-]\d)"
)
# the hour a span closes at: "từ 7h30 ngày 7/8 đến 17h00 ngày 8/8/2017" (ra04)
_HOUR_OF = r"\s+\d{1,2}\s*(?:h|giờ)\s*(?:\d{2})?(?:\s*phút)?"
# 28/8-30/8/2018, 16.7 đến ngày 30.7.2018, "2/8 và 3/8", "(chiều 3/7 và sáng 4/7)", "1/2 và ngày 2/2/2021" — a span
# whose two days both carry their month, the year once at the end (or nowhere: "từ ngày 5/6 - 7/6", then a day word
# before it is needed).
_DM_SPAN = re.compile(
    rf"(?<![\d/.,-])(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})\s*(?:-|–|đến(?:\s+hết)?(?:{_HOUR_OF})?(?:\s+ngày)?|(?P<and>và|&))\s*"
    rf"(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?(?P<d2>\d{{1,2}})(?P=sep)(?P<m2>\d{{1,2}})(?:(?P=sep)(?P<y>{_YEAR}))?(?![\d/.-]\d|%)"
)
_LISTED_DAY = re.compile(r"\d{1,2}[/.-]\d{1,2}\s*[;,]\s*$")
# The words that make a bare "20/12" or "10-8" a date rather than a fraction: Ngày, Sáng, Chiều ngày, Tối …,
# also before a bracket: "Sáng nay (31-7)", "chiều qua (23/7)".
_FROM = re.compile(r"\b[Tt]ừ\s+$")
_DAY_CUE = re.compile(
    r"(?:(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm)(?:\s+(?:nay|qua))?"
    r"(?:\s+ngày)?|[Tt]rong\s+(?:(?:\d+|hai|ba|bốn|năm|các|những)\s+)?ngày|[Cc]ác\s+ngày|[Tt]ừ\s+ngày|[Đđ]ến\s+ngày)"
    r"\s*[(,:]?\s*$"  # "Sáng nay (31-7)", "Sáng nay, 5-2", "trong 2 ngày: 23 và 24-7"
    # the days a gathering took, then its dates in brackets: "Sau 2 ngày làm việc (26 - 27/9)" (qwv02), "Sau hai ngày
    # làm việc (24 -25.8)" (qn01), "trong 2 ngày diễn ra Đại hội (1 và 2-12)" (p559); not workdays, "82 ngày công"
    r"|\b(?:\d+|hai|ba|bốn)\s+ngày(?!\s+công)(?:\s+[^\W\d_]+){1,4}\s*\(\s*$"
)
# 20/12, 10-8, 31-7, 16.7 with no year; a cue before it or a comma after it at the start of a sentence decides
# ("16.7" only after a cue: a dot also writes decimals; so "Ngày 9- 3", a space typed after the dash, "Chiều 23/
# 9", after the slash, and "Chiều ngày 5 – 8", a dash of a range, g605).
_DM = re.compile(
    r"(?<![\d/.,-])(?<![Tt]háng\s)(?P<d>\d{1,2})(?P<sep>[/.-]| [-–] |[-–] |/ )(?P<m>\d{1,2})"
    r"(?![\d%]|[/.-]\d|\s*(?:-|–)\s*\d)"
)
# tháng 3-2020, tháng 3/2020, tháng 3.2020, tháng 3 năm 2020.
_MONTH_YEAR = re.compile(rf"[Tt]háng\s*(?P<m>\d{{1,2}})\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>{_YEAR})(?!\d)")
# A span of months ("tháng 5-8/2024", "từ tháng 6 đến tháng 8 năm 2024", "tháng 4 và tháng 5/2017"), and a quarter
# something is held in ("đại hội … sẽ diễn ra vào quý IV-2024", "tổ chức trong quý I năm 2024"; not a quarter's
# results or tasks, "triển khai nhiệm vụ quý IV năm 2018"): the labels write both as a span of months.
_MONTH_SPAN = re.compile(
    rf"[Tt]háng\s*(?P<m>\d{{1,2}})\s*(?:[-–]|(?P<and>và|,)\s*(?:tháng\s*)?|(?:đến|tới)\s+(?:hết\s+)?tháng\s*)"
    rf"\s*(?P<m2>\d{{1,2}})\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>{_YEAR})(?!\d)"
)
_QUARTER = re.compile(
    r"\b(?:diễn\s+ra|tổ\s+chức|tiến\s+hành|khai\s+mạc)\s+(?:vào\s+|trong\s+)(?:(?:đầu|giữa|cuối)\s+)?"
    rf"(?P<quarter>[Qq]uý\s+(?P<q>IV|III|II|I|[1-4])\b(?:\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>{_YEAR})(?!\d))?)"
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A month named without its year, as a time ("Trong tháng 4, …", "Tháng 6 vừa qua", "vào tháng 6 tới": the coming
# June, yr10): not a span of months ("tháng 4 đến tháng 6", "tháng 4 tới tháng 6"), not every year ("tháng 3 hằng
# năm"), not a count of months ("6 tháng").
_MONTH_ONLY = re.compile(
    r"(?<!\d\s)(?:\b(?:[Tt]rong|[Vv]ào|[Hh]ồi|[Đđ]ầu|[Cc]uối|[Gg]iữa)\s+tháng\s+(?P<m>\d{1,2})|"
    r"\b[Tt]háng\s+(?P<m2>\d{1,2})(?=\s+vừa\s+qua))"
    r"(?![\d/.\-–]|\s*(?:năm|,\s*năm|hằng\s+năm|hàng\s+năm|đến|tới(?=\s*(?:tháng|ngày|\d))|-|–)\b)"
)
# A span of months opened by "từ" without its year: "Chiến dịch diễn ra từ tháng 7 đến tháng 8, …", "xuyên suốt từ
# tháng 7 đến hết tháng 8" (do04, ea07).
_MONTH_SPAN_ONLY = re.compile(
    r"\b[Tt]ừ\s+tháng\s+(?P<m>\d{1,2})\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+(?P<m2>\d{1,2})"
    r"(?![\d/.\-–]|\s*(?:năm|,\s*năm|hằng\s+năm|hàng\s+năm)\b)"
)
# 21:15, 12:35, 02:59 CH, 8h30, 8 giờ 30 — times are never measures.
_TIME = re.compile(
    r"(?<!\d)\d{1,2}(?::\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM)\b)?|h\d{2}\b|"
    r"\s*giờ(?:\s*\d{1,2}(?:\s*phút|(?=\s*(?:sáng|trưa|chiều|tối|đêm)\b)))?)"  # "6 giờ 30 sáng"
)
# A clock time written against a date: the page's time stamp.
# ("07:44 AM 10/01/2023", "8:35, Thứ Sáu, 24-3-2023")
_STAMP_BEFORE = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?\s*[,|–-]?\s*(?:(?:Thứ\s+\w+|Chủ\s+[Nn]hật)\s*,\s*)?$"
)
# (or a count of views: "19/01/2026 | lượt xem: 717 NGÀY HỘI HIẾN MÁU …", f803; "23/12/2024     |  Lượt xem 6")
_STAMP_AFTER = re.compile(r"\s*[,|–-]?\s*(?:\d{1,2}:\d{2}(?!\d)|[Ll]ượt\s+xem\b)")
# A page's stamp named as such, with or without its time: "Ngày cập nhật 29/11/2022", "Ngày đăng: 12/05/2021".
_STAMP_WORDS = re.compile(
    r"\b(?:[Nn]gày\s+)?(?:[Cc]ập\s+nhật|[Đđ]ăng(?:\s+tải)?|[Xx]uất\s+bản)(?:\s+(?:ngày|lúc))?\s*:?\s*$"
)
# An anniversary, "(18-11-1930/ 18-11- 2014)", "(15/10/1930 - 15/10/2024)": the founding day is history, and the
# later date names the year the article is written in.
# (an anniversary of a birth counts from the 1800s: "Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2020)"; its
# closing bracket may be missing: "(18/11/1930 - 18/11/2020, do …")
_ANNIVERSARY = re.compile(
    rf"(?:(?P<open>\(\s*)|(?<=\s))(?P<d>\d{{1,2}})\s*[-/.]\s*(?P<m>\d{{1,2}})\s*[-/.]\s*(?P<y1>18\d{{2}}|{_YEAR})\s*[-–/*_]\s*"
    # in brackets, the later date may be its year alone: "Hội LHPN Việt Nam (20.10.1930 – 2015)"
    rf"(?:(?P=d)\s*[-/.]\s*(?P=m)\s*[-/.]\s*|(?(open)|(?!)))(?P<y2>{_YEAR})"
    # or unbracketed after what it marks: "kỷ niệm 86 năm ngày thành lập Công đoàn Việt Nam 28/7/1929 – 28/7/2015"
    r"(?(open)\s*[),]|\b)"
)
# "năm 2023", a quarter's year "quý I/2024", "quý III năm 2023", a summer campaign's "hè 2016" — counted to guess
# the year when the page states no date.
_YEAR_WORD = re.compile(
    # "năm Canh Dần 2010": the lunar name between
    # ("NĂM 2023" in a headline in capitals)
    rf"\b(?:(?:[Nn]ăm|NĂM)(?:\s+[A-ZĐ]\w{{1,4}}\s+[A-ZĐ]\w{{1,4}})?|[Qq]uý\s+(?:[IV]+|[1-4])\s*(?:/|năm|[-–])|"
    rf"(?:[Mm]ùa\s+)?[Hh]è|"
    # a feast named with its year: "nhân dịp lễ Phục sinh 2024", "Giáng sinh 2023", "Tết Nguyên đán Giáp Thìn 2024"
    rf"(?:[Pp]hục|[Gg]iáng)\s+[Ss]inh|Noel|[Tt]ết\s+[Nn]guyên\s+[Đđ]án(?:\s+[A-ZĐ]\w{{1,4}}\s+[A-ZĐ]\w{{1,4}})?|"
    # a people's new year by its name: "Tết Chôl Chnăm Thmây 2020", "Tết cổ truyền Bunpimay 2023"
    rf"[Tt]ết(?:\s+cổ\s+truyền)?(?:\s+[A-ZĐ]\w+){{1,3}}|"
    # a round numbered within its year: "ngày hội hiến máu tình nguyện đợt 4-2024" (aw12); a gathering numbered with
    # its year: "Đại hội Thể dục Thể thao tỉnh … lần thứ VIII/2018" (h909), "lần thứ XII - 2010"
    rf"[Đđ]ợt\s+\d{{1,2}}\s*[-–/]|lần\s+thứ\s+[IVXLC]+\s*[-–/]|"
    # the solar year beside the Buddhist one: "Đại lễ Phật đản Phật lịch 2568 - Dương lịch 2024" (as09)
    rf"[Dd]ương\s+lịch|"
    # a programme named with its year after the quotes: "chương trình “Tết sum vầy” 2019" (ho08)
    rf"(?<=\w)[”\"])"
    rf"\s*(?P<y>{_YEAR})\b"
)
# The end of a span after a year: "năm 2012 – 2017".
_SPAN_AFTER = re.compile(rf"\s*[-–]\s*{_YEAR}\b")
# a term, "nhiệm kỳ 2024-2029", "nhiệm kỳ (2023-2028)" or with its number, "nhiệm kỳ IV (2015-2020)"
_TERM = re.compile(
    rf"nhiệm\s+k[ỳì]\s+(?P<new>mới\s*,?\s*)?(?:(?:thứ\s+)?(?-i:[IVXL]+)\s*,?\s*)?\(?\s*(?P<y1>{_YEAR})\s*[-–]\s*"
    rf"(?P<y2>{_YEAR})",
    re.I,
)
# The election of deputies and the rounds that prepare it ("Hội nghị Hiệp thương lần 3 … ứng cử đại biểu HĐND");
# not the Front's own "hiệp thương cử bổ sung" inside its term.
_ELECTION = re.compile(r"(?:bầu|ứng)\s+cử\s+(?:đại\s+biểu|ĐBQH)", re.I)
# A review that closes a span ("sơ kết 5 năm … giai đoạn 2015-2020", "Đại hội tuyên dương … giai đoạn 2022-2024",
# "Đại hội Thi đua … giai đoạn 2019-2024"): the first span after the review's word, not the next one it plans
# ("tổng kết … giai đoạn 2019 -2024, đề ra phương hướng hợp tác giai đoạn 2024-2029", br05).
_SPAN = re.compile(rf"(?:giai\s+đoạn|nhiệm\s+k[ỳì])\s+\(?(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})", re.I)
_MID_TERM = re.compile(r"giữa\s+nhiệm\s+k[ỳì]", re.I)  # "sơ kết giữa nhiệm kỳ": a term half gone, not reviewed
_REVIEWED_SPAN = re.compile(
    rf"(?:(?:sơ|tổng)\s+kết|tuyên\s+dương|tôn\s+vinh|biểu\s+dương|đại\s+hội\s+thi\s+đua|điển\s+hình\s+tiên\s+tiến)(?:(?!đại\s+hội)[^.;])*?"
    # or a term reviewed ("tổng kết nhiệm kỳ 2013 – 2018"; a mid-term review is none: sentence_year), not the term of
    # a congress named after the review ("tổng kết … cuộc thi tìm hiểu Nghị quyết Đại hội … (nhiệm kỳ 2023 - 2028)")
    # or its years counted: "biểu dương … có thành tích xuất sắc trong hai năm 2015-2016" (fn05)
    rf"(?:giai\s+đoạn\s+|\(\s*|nhiệm\s+k[ỳì]\s+|\b(?:\d{{1,2}}|hai|ba|bốn|năm|mười)\s+năm\s+)"
    rf"(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})",
    re.I,
)
# A school year names both its years: "năm học 2022-2023" runs from August to the next summer.
_SCHOOL_YEAR = re.compile(rf"năm\s+học\s+(?:mới\s*)?\(?\s*(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})", re.I)
# Pupils or teachers honoured for a school year: "tuyên dương, khen thưởng học sinh … năm học 2022 -2023".
_HONOURS_SCHOOL_YEAR = re.compile(
    r"(?:tuyên\s+dương|khen\s+thưởng|biểu\s+dương|vinh\s+danh|trao\s+thưởng)[^.;]{0,160}?" + _SCHOOL_YEAR.pattern, re.I
)
# What is to come: "sẽ diễn ra", "dự kiến tổ chức", "sắp tới".
FUTURE = re.compile(r"\b(?:sẽ|dự kiến|sắp tới|sắp diễn ra|chuẩn bị tổ chức)\b", re.I)
# Sentences about plans ("nhiệm vụ năm 2023", "sẽ", "phương hướng") do not tell the year of the event.
_PLAN_WORDS = re.compile(r"\bsẽ\b|phương hướng|nhiệm vụ năm|kế hoạch năm|phấn đấu|mục tiêu")
# a month a plan names: "đợt 2 dự kiến sẽ tổ chức vào tháng 9/2023"
_MONTH_PLANNED = re.compile(rf"\btháng\s+(?P<m>0?[1-9]|1[0-2])\s*(?:/|-|\s+năm\s+)(?P<y>{_YEAR})\b")
# the months of a year gone by that a plan's sentence reviews: "tình hình … 9 tháng năm 2021 và phương hướng 3 tháng
# cuối năm 2021"
_MONTHS_REVIEWED = re.compile(rf"\b(?:\d{{1,2}}|sáu|chín)\s+tháng\s+(?:đầu\s+)?năm\s+(?P<y>{_YEAR})(?!\s*[-–])")
# "đến năm 2030, tầm nhìn đến năm 2045": a horizon, and "sinh năm 1952" a birth year, not years the text speaks of
# ("từ năm 2019 đến năm 2020" and "tính đến năm 2022" still are).
# not "Lễ Giáng sinh năm 2023", "lễ Phục sinh năm 2022"
_HORIZON = re.compile(r"(?<!tính\s)(?:đến|tới)\s+$|(?<!giáng\s)(?<!phục\s)\bsinh\s+$", re.I)
_SPAN_FROM = re.compile(rf"từ\s+(?:năm\s+)?{_YEAR}\s+(?:đến|tới)\s+$", re.I)


@dataclass(frozen=True)
class DateHit:
    """A date found in the text: the day (or span of days) and how much of it the text states."""

    start: int
    end: int
    day: dt.date
    end_day: dt.date | None
    precision: DatePrecision  # day or month: a date in the text names at least its month
    has_year: bool
    weekday: int | None  # the weekday the text writes before the date, if any
    cue: bool  # preceded by Ngày/Sáng/Chiều …: certainly a date of something happening
    year_note: str | None = None  # how a yearless date got its year, when not from the article's reference year


@dataclass(frozen=True)
class Published:
    date: str | None  # "YYYY-MM-DD" or "YYYY-MM"
    quote: str | None
    note: str | None
    confidence: float


def parse_day(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_of(text: str) -> int | None:
    """The weekday a label names: "Thứ Năm" → 3, "Thứ 6" → 4, "Chủ nhật" → 6."""
    match = _WEEKDAY.search(text)
    if not match:
        return None
    return 6 if match.group("sun") else _WEEKDAY_WORDS[match.group("wd").lower()]


def _weekday_before(head: str) -> int | None:
    """The weekday written just before a date ("Thứ Năm, ", "Thứ 6 Ngày "), with no other number in between."""
    last = None
    for match in _WEEKDAY.finditer(head):
        last = match
    if last is None or re.search(r"\d", head[last.end() :]):
        return None
    return weekday_of(last.group(0))


def _cue_before(text: str, start: int) -> bool:
    return bool(_DAY_CUE.search(text, max(0, start - 40), start))


# "mùng"/"mồng", the word for the first ten days of a month, read as "ngày" (the same length, so offsets hold): "Từ
# ngày mùng 3 đến 6/5" (qre01), "trong hai ngày mùng 8 và 9/1" (pk10).
_MUNG = re.compile(r"\b[Mm][ùồ]ng(?=\s+\d)")


def find_dates(text: str, default_year: int | None = None, base: int = 0) -> list[DateHit]:
    """Every date in `text`; a date without a year gets `default_year` (and has_year=False), or is skipped."""
    text = _MUNG.sub("ngày", text)
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def add(
        start: int,
        end: int,
        day: dt.date | None,
        end_day: dt.date | None,
        precision: DatePrecision,
        has_year: bool,
        cue: bool,
    ) -> None:
        if (
            day is None
            or any(s < end and start < e for s, e in taken)
            or _LUNAR.match(text, end)
            or _LUNAR_BEFORE.search(text, max(0, start - 20), start)
        ):
            return  # "(ngày 3/3 âm lịch)": a lunar date is no day of the calendar the data uses
        taken.append((start, end))
        hits.append(
            DateHit(
                base + start,
                base + end,
                day,
                end_day,
                precision,
                has_year,
                _weekday_before(text[max(0, start - 16) : start]),
                cue,
            )
        )

    for m in _MONTH_SPAN.finditer(text):
        first_month, last_month, months_year = int(m.group("m")), int(m.group("m2")), int(m.group("y"))
        if m.group("and") and last_month != first_month + 1:
            continue  # "tháng 3 và tháng 9/2024": two months of their own
        if 1 <= first_month < last_month <= 12:
            first, last = parse_day(1, first_month, months_year), parse_day(1, last_month, months_year)
            add(m.start(), m.end(), first, last, "month", True, True)
    for m in _QUARTER.finditer(text):
        quarter_year = int(m.group("y")) if m.group("y") else default_year
        if quarter_year is not None:
            quarter = _QUARTERS[m.group("q")]
            first, last = parse_day(1, 3 * quarter - 2, quarter_year), parse_day(1, 3 * quarter, quarter_year)
            add(m.start("quarter"), m.end(), first, last, "month", bool(m.group("y")), True)
    for m in _DMY_SPAN.finditer(text):  # "từ 15/4/2023-15/6/2023": two whole dates
        first = parse_day(int(m.group("d")), int(m.group("m")), int(m.group("y")))
        last = parse_day(int(m.group("d2")), int(m.group("m2")), int(m.group("y2")))
        if m.group("and") and first and last and (last - first).days > 1:
            continue  # "Ngày 15/11/2023 và 18/11/2023": two gatherings; a span only of days running
        if first is not None and last is not None and first < last:
            add(m.start(), m.end(), first, last, "day", True, _cue_before(text, m.start()))
    for m in _DM_SPAN.finditer(text):
        if m.group("y"):
            span_year = int(m.group("y"))
        elif default_year is not None and (
            _cue_before(text, m.start())
            or (
                re.search(r"\btừ\s*$", text[max(0, m.start() - 6) : m.start()])
                and (
                    m.group("sep") != "/"
                    or int(m.group("d")) > int(m.group("m"))
                    or text[m.end() :].startswith(",")
                    or "ngày" in text[m.end("m") : m.start("d2")]
                )
            )
        ):  # "từ 17-10 đến 18-11", "từ 20/4-4/5,", "từ 06/7 đến ngày 08/7": "từ" is cue enough (not for "từ 1/3 đến
            # 1/2 số hộ", fractions)
            span_year = default_year
        else:
            continue
        first = parse_day(int(m.group("d")), int(m.group("m")), span_year)
        last = parse_day(int(m.group("d2")), int(m.group("m2")), span_year)
        if m.group("and") and first and last and (last - first).days > 3:
            continue  # "2/8 và 3/8" are the days of one gathering; "5/6 và 20/6", of two
        if m.group("and") and first and last and _LISTED_DAY.search(text, max(0, m.start() - 12), m.start()):
            # "Trong các ngày 29/6; 01/7 và 02/7/2020": the last two of a list of days, each its own
            add(m.start(), m.end("m"), first, None, "day", bool(m.group("y")), True)
            add(m.start("d2"), m.end(), last, None, "day", bool(m.group("y")), True)
            continue
        if first is not None and last is not None and first < last:
            add(m.start(), m.end(), first, last, "day", bool(m.group("y")), True)
    for m in _DAY_SPAN.finditer(text):
        month = m.group("m") or m.group("m_slash") or m.group("m_dash") or m.group("m_dot")
        # "Từ 20 - 24/5", "từ 5 đến 7/6": a span opened by "từ" alone is dated as one opened by "từ ngày"
        cue = _cue_before(text, m.start()) or bool(
            m.group("d2") and _FROM.search(text, max(0, m.start() - 4), m.start())
        )
        if m.group("m_dot") and not (cue and m.group("d2")):
            continue  # "trong hai ngày 27 - 28.11" only: a dot also writes decimals
        if (m.group("m_slash") or m.group("m_dash")) and not m.group("y") and not (cue and m.group("d2")):
            continue  # "20/12" alone is left to the day-month rule, "166/200" is a fraction; "21, 22-3" needs a cue
        if not m.group("m_slash") and not m.group("y") and not cue and not m.group("d2"):
            continue
        year = int(m.group("y")) if m.group("y") else default_year
        if year is None:
            continue
        first = parse_day(int(m.group("d")), int(month), year)
        last = parse_day(int(m.group("d2")), int(month), year) if m.group("d2") else None
        if last is not None and first is not None and last < first:
            continue
        joined = text[m.end("d") : m.start("d2")]
        apart = (last - first).days if first and last else 0
        if (apart > 3 and re.search(r"và|&|,", joined)) or (apart > 1 and re.fullmatch(r"\s*(?:,|và)\s*", joined)):
            # "Ngày 19 và 25/7/2019", "các ngày 22, 28 tháng 10", "Ngày 26, 28/4", "10 và 13-1": two days of their own,
            # as "5/6 và 20/6" are; "Ngày 22, 23 và 24/5", "26, 27/4" and "chiều 28 và sáng 29-5" are one span
            add(m.start(), m.end("d"), first, None, "day", bool(m.group("y")), True)
            add(m.start("d2"), m.end(), last, None, "day", bool(m.group("y")), True)
            continue
        add(m.start(), m.end(), first, last, "day", bool(m.group("y")), cue or bool(m.group("d2")))
    for m in _DMY.finditer(text):
        cue = _cue_before(text, m.start())
        add(
            m.start(),
            m.end(),
            parse_day(int(m.group("d")), int(m.group("m")), int(m.group("y"))),
            None,
            "day",
            True,
            cue,
        )
    for m in _DMY_WORDS.finditer(text):  # "Ngày 10 tháng bảy 2015" (jl06)
        day = parse_day(int(m.group("d")), _MONTH_WORDS[re.sub(r"\s+", " ", m.group("m").lower())], int(m.group("y")))
        add(m.start(), m.end(), day, None, "day", True, _cue_before(text, m.start()))
    for m in _MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), parse_day(1, int(m.group("m")), int(m.group("y"))), None, "month", True, True)
    if default_year is not None:
        for m in _MONTH_SPAN_ONLY.finditer(text):
            first_month, last_month = int(m.group("m")), int(m.group("m2"))
            if 1 <= first_month < last_month <= 12:
                first, last = parse_day(1, first_month, default_year), parse_day(1, last_month, default_year)
                add(m.start(), m.end(), first, last, "month", False, True)
        for m in _MONTH_ONLY.finditer(text):
            month = int(m.group("m") or m.group("m2"))
            if 1 <= month <= 12:
                add(m.start(), m.end(), parse_day(1, month, default_year), None, "month", False, True)
        for m in _DM.finditer(text):
            if _dm_is_date(text, m):
                cue = _cue_before(text, m.start())
                add(
                    m.start(),
                    m.end(),
                    parse_day(int(m.group("d")), int(m.group("m")), default_year),
                    None,
                    "day",
                    False,
                    cue,
                )
    return sorted(hits, key=lambda h: h.start)


def _dm_is_date(text: str, m: re.Match) -> bool:
    """A bare "20/12" is a date after a day word ("Chiều ngày 20/12"), or when it opens a sentence or sits in
    brackets followed by a comma ("31-7, …", "(31-7)"); otherwise "13/18 đơn" is a fraction."""
    if _cue_before(text, m.start()):
        return True
    if m.group("sep") in (".", "- ", " – ", "– "):
        return False  # "16.7", "9- 3" (a space typed after the dash), "5 – 8" only after a day word
    before, after = text[: m.start()].rstrip(), text[m.end() : m.end() + 2]
    opens = before == "" or before[-1] in ".;:\n(" or before.endswith("–")
    return opens and (after.startswith(",") or after.startswith(")"))


def find_times(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TIME.finditer(text)]


# A report's own date line, as official documents write it under their header: "Yên Bái, ngày 15 tháng 12 năm 2023"
# (after the issuing body on the same line, or alone), ending its line.
# (also at the end of a line after the issuer's name, where a PDF lays out the two cells of a report's heading side by
# side: "BAN DÂN VẬN Bắc Kạn, ngày 15 tháng 12 năm 2023" — the place is the words in lower case after the capitals)
_PLACE_DATE_LINE = re.compile(
    r"(?:^|[.;]?\s+)(?P<place>(?:T[PX]\.\s*)?[A-ZĐ][\w’'-]*(?:\s+[A-ZĐ][\w’'-]*){0,6}),\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+"
    r"(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d{2})\s*\.?\s*$"
)


# the report's number beside it: "Số 45-BC/BDVTU"
_NUMBERED = re.compile(r"[*\s]*Số\s*:?\s*\S+")


def _place_dated(line: str) -> tuple[dt.date, str] | None:
    """The day and quote of a report's place and date ("Bắc Kạn, ngày 15 tháng 12 năm 2023") closing a line that
    opens with it, or follows a sentence's end, the issuer's name in capitals or the report's number."""
    dated = _PLACE_DATE_LINE.search(line)
    if dated is None:
        return None
    words = list(re.finditer(r"\S+", dated["place"]))
    while words and words[0].group().isupper() and words[0].group() not in ("TP.", "TX."):
        words.pop(0)  # the issuer's name, "BAN DÂN VẬN"
    start = dated.start("place") + words[0].start() if words else dated.end("place")
    head = line[:start].rstrip()
    day = parse_day(int(dated["d"]), int(dated["m"]), int(dated["y"]))
    if (
        not words
        or day is None
        or not (not head or head[-1] in ".;" or head == head.upper() or _NUMBERED.fullmatch(head))
    ):
        return None
    return day, line[start:].rstrip(" .")


_YEAR_WRAPPED = re.compile(rf"năm\s+{_YEAR}\s*\.?\s*$")


def _report_date(lines: list[str], after: str) -> tuple[dt.date, str] | None:
    """The first of `lines` that closes on a report's place and date (_place_dated), or whose place and date go on to
    the year that closes the next line (`after` the last), as a PDF lays out a heading's cell too narrow for it ("BAN
    DÂN VẬN Bắc Kạn, ngày 15 tháng 12" over "* năm 2023")."""
    for line, below in zip(lines, [*lines[1:], after], strict=True):
        year = _YEAR_WRAPPED.search(below) if re.search(r"tháng\s+\d{1,2}\s*$", line) else None
        if (dated := _place_dated(line if year is None else f"{line.rstrip()} {year.group(0)}")) is not None:
            return dated
    return None


def publication(article: Article, given: str | None = None) -> tuple[Published, DateHit | None]:
    """The publication date: --published, else a date line in the page header ("Thứ Năm, 25/05/2017, 16:05 (GMT+7)",
    "21:15 19/11/2023", "Print Thứ Ba, 20/12/2022 12:35 Gốc") or a "date 2021-12" header; not the site's bar of
    today's date ("Thứ sáu,  12/08/2022" alone on the first line)."""
    if given:
        return Published(given, None, "Ngày đăng do người nhập cung cấp.", 1.0), None
    header = DATE_HEADER.match(article.text)
    if header:
        value = "-".join(g for g in header.group("y", "m", "d") if g)
        note = f"Ngày đăng ghi ở đầu văn bản: “{header.group(0).strip()}”."
        return Published(value, header.group(0).strip(), note, 0.85), None
    top = article.paragraphs[:8]
    zoned = None
    for i, para in enumerate(top):
        line = para.text.strip()
        if zoned is None and (meta := _ZONED_STAMP.fullmatch(line)) is not None:
            zoned = parse_day(int(meta.group("d")), int(meta.group("m")), int(meta.group("y"))), meta.group(0)
            continue
        if _date_bar(para.text, article.text[para.end :]):
            continue  # "Thứ sáu,  12/08/2022" alone atop a report of 2017: the site's bar shows the day it was read
        if (written := _written_stamp(line, first=i == 0)) is not None:
            quote = written[1]
            return Published(written[0].isoformat(), quote, f"Ngày đăng ghi ở đầu bài: “{quote}”.", 0.95), None
        # a line of its own in a report printed with hard line breaks (its paragraph may go on below it)
        after = top[i + 1].text.splitlines()[0] if i + 1 < len(top) else ""
        if (dated := _report_date(line.splitlines(), after)) is not None:
            quote = dated[1]
            return Published(dated[0].isoformat(), quote, f"Ngày của báo cáo, ghi ở đầu văn bản: “{quote}”.", 0.9), None
        # a stamp is one day: "Ngày 26 và 27/7/2023, Ban" alone on a line (hard line breaks) opens an event's sentence
        # not a founding day an anniversary recalls ("Hội LHPN Việt Nam (20.10.1930 – 2015)"): no page is that old
        hits = [
            h
            for h in find_dates(para.text, base=para.start)
            if h.has_year and h.precision == "day" and not h.end_day and h.day.year >= EARLIEST_YEAR
        ]
        if len(para.text) > 80:
            # A date inside a sentence ("Ngày 16/11/2023, Ban …") is an event, not the page date; a time stamp
            # ("Kiểm tra … quận Hai Bà Trưng (22:39 18/07/2019)") is the page's, wherever the line ends.
            hits = [h for h in hits if _is_stamp(article.text, h) or _closes_title(article.text, h)]
        elif len(para.text.split()) > 10:  # a short sentence that a day word opens reports an event too
            hits = [h for h in hits if not h.cue or _is_stamp(article.text, h)]
        # a day a figure is counted to ("Tổng quỹ hội … đến tại thời điểm 30/6/2021 là 286.813.000 đ.") is the text's,
        # and a document's ("Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban", a line of a report printed
        # with hard line breaks)
        hits = [
            h
            for h in hits
            if not (
                _AS_OF.search(article.text, max(0, h.start - 24), h.start)
                or DOCUMENT_DATE.search(article.text, max(0, h.start - 60), h.start)
            )
            or _is_stamp(article.text, h)
        ]
        if not hits or (not _is_stamp(article.text, hits[0]) and any(_stamped(article, p) for p in top[i + 1 :])):
            continue  # "Chủ nhật, ngày 24 tháng 11 năm 2024" over "Thứ hai, ngày 12 tháng 9 năm 2022 | 16:42": the bar
        hit = hits[0]
        if len(para.text) <= 80 and (own := _article_stamp(article, top[i + 1 :], hit)) is not None:
            para, hit = own
        # a lead that opens with the stamp: its quote ends with the stamp ("Hà Nội (TTXVN 11/3/2022)")
        stop = hit.end + (1 if article.text[hit.end : hit.end + 1] == ")" else 0)
        quote = (para.text if len(para.text) <= 80 else article.text[para.start : stop]).strip()
        confidence, note = 0.95, f"Ngày đăng ghi ở đầu bài: “{quote}”."
        if hit.weekday is not None and hit.weekday != hit.day.weekday():
            confidence, note = 0.5, note + f" Thứ ghi trong bài không khớp với ngày {hit.day:%d/%m/%Y}."
        return Published(hit.day.isoformat(), quote, note, confidence), hit
    if zoned is not None and zoned[0] is not None:
        return Published(zoned[0].isoformat(), zoned[1], f"Ngày đăng ghi ở đầu bài: “{zoned[1]}”.", 0.9), None
    return Published(None, None, None, 0.0), None


def _closes_title(text: str, hit: DateHit) -> bool:
    """A bare day that ends a header line after a word or a year, as a page prints its stamp after a long title
    ("… Đại hội đại biểu Hội Chữ thập đỏ lần thứ VII nhiệm kỳ 2022 – 2027 09/06/2022"); not one a word says is the day
    of something ("tổ chức vào ngày 16/11/2018", "từ ngày 17/10 đến 18/11/2025"), nor a holiday ("Quốc khánh 02/9 năm
    2023")."""
    before = text[max(0, hit.start - 16) : hit.start]
    return (
        not hit.cue
        and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text[hit.start : hit.end]) is not None
        and re.match(r"[ \t]*(?:\n|$)", text[hit.end : hit.end + 4]) is not None
        and re.search(r"(?:[^\W\d_]{2,}|\d{4})[ \t]+$", before) is not None
        and _TITLE_DAY_WORD.search(before) is None
    )


_TITLE_DAY_WORD = re.compile(r"\b(?:[Nn]gày|[Đđ]ến|[Tt]ới|[Tt]ừ|[Vv]ào|[Vv]à|[Hh]ết|[Tt]rước|[Ss]au)[ \t]+$")
_AS_OF = re.compile(r"(?:\b[Đđ]ến|\btới|\bthời\s+điểm)(?:\s+(?:hết\s+)?ngày)?\s*$")


def _article_stamp(article: Article, below: list[Span], hit: DateHit) -> tuple[Span, DateHit] | None:
    """The article's own stamp on a header line below the first stamp and above the lead: one of an earlier day ("Thứ
    Tư, 19/06/2024 15:16" over the title and "Thứ 4, 27/03/2024 | 10:43:53"), where the first was the site's bar,
    showing the day the page was read, which is never before its publication; or a byline's of any day."""
    for para in below:
        if len(para.text) > 80 and para.text.upper() != para.text and not _HEADLINE.fullmatch(para.text):
            return None  # the lead (not a banner in capitals): what follows is the article's own text
        # "Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27" over "Thùy Anh - 21:33, 16/11/2022" (dn01, cz02): a bar frozen
        # on a day before the article was written
        byline = _BYLINE_STAMP.fullmatch(para.text.strip())
        for h in find_dates(para.text, base=para.start):
            stamp = h.has_year and h.precision == "day" and not h.end_day and _is_stamp(article.text, h)
            if stamp and (h.day < hit.day or byline):
                return para, h
    return None


# A byline that stamps the article with its author's name, the time and the day: "Minh Nhật - 15:34, 26/03/2025".
_BYLINE_STAMP = re.compile(r"[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+){0,4}\s*[-–]\s*\d{1,2}:\d{2},?\s+\d{1,2}/\d{1,2}/\d{4}")


# A headline's first line closing on a colon, "Kỷ niệm 80 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam
# (20/10/1930-20/10/2010):" (ra08), however long: the title goes on below, no lead yet; or a headline of one line
# that ends with no stop ("Đắk Lắk: Tập hợp các tầng lớp nhân dân, phát huy sức mạnh đại đoàn kết toàn dân tộc", p1584).
_HEADLINE = re.compile(r"(?s).*:\s*|[^\n]{81,200}(?<![.!?…;])(?<![.!?…][\"”’)])")


def _stamped(article: Article, para: Span) -> bool:
    """A line of the page's header that holds a dated time stamp ("Thứ hai, ngày 12 tháng 9 năm 2022 | 16:42")."""
    return any(
        h.has_year and not h.end_day and _is_stamp(article.text, h) for h in find_dates(para.text, base=para.start)
    )


_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTHS_EN_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_WORDS = {  # "Tháng tư", "tháng Chạp"
    **{"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9},
    **{"mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12},
}
# A day whose month is written in words, with its year: "Ngày 10 tháng bảy 2015" (not the lunar Giêng and Chạp).
_SOLAR_MONTH_WORDS = "|".join(
    re.escape(word).replace(r"\ ", r"\s+")
    for word in sorted(_MONTH_WORDS.keys() - {"giêng", "chạp"}, key=lambda w: (-len(w), w))  # "mười một" before "mười"
)
_DMY_WORDS = re.compile(
    rf"\b[Nn]gày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>(?i:{_SOLAR_MONTH_WORDS}))\s+(?:năm\s+)?(?P<y>{_YEAR})\b"
)
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
# A page's stamp on a header line in a form find_dates does not read (each matched against the whole line):
_WRITTEN_STAMPS = [
    # year first, alone: "2023-01-31 03:06", "2024-11-18 14:46:00.0"
    re.compile(rf"(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:[ T]{_CLOCK}(?:\.\d+)?)?"),
    # year first after a site's words: "quantri gửi vào T6, 2018-03-09 14:35"
    re.compile(rf".{{1,40}}?[\s,:]\s*(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})[ T]{_CLOCK}"),
    # a blog platform's month short for "Tháng": "Đã đăng vào 13 Th11, 2017 lúc 14:17" (sq02)
    re.compile(
        rf".{{0,40}}?(?<!\d)(?P<d>\d{{1,2}})\s+Th(?P<m>\d{{1,2}}),?\s+(?P<y>{_YEAR})(?:\s+(?:lúc\s+)?{_CLOCK})?"
    ),
    # a month named with no "năm" before the year, and a clock time: "Thứ hai, 24 Tháng 10 2022 14:50", "Được viết
    # ngày Thứ Sáu, 05 Tháng tư 2024 02:22", with a few words after the clock: the server's half of the day ("Tin tức
    # sự kiện 30 Tháng Giêng 2023 4:40:00 CH", j408), the poster and the count of views ("Thứ sáu, 27 Tháng 9 2019
    # 09:58 adminVHTT Lượt xem : 69", l309) (without the time, "Thứ hai, 20 Tháng 8 2018" is the site's bar of today)
    re.compile(
        rf".{{0,40}}?(?<!\d)(?P<d>\d{{1,2}})\s+[Tt]háng\s+"
        rf"(?P<m>\d{{1,2}}|{'|'.join(sorted(_MONTH_WORDS, key=len, reverse=True))})\s+(?P<y>{_YEAR})\s+{_CLOCK}"
        rf"(?:\s+\S[^\n]{{0,40}})?",
        re.I,
    ),
    # the day's figures spaced about their dashes or slashes: "Đăng ngày 20 - 06 - 2018" (l803), "Thứ 5, Ngày 14 / 10 /
    # 2021" (rq05, dh01)
    re.compile(
        rf".{{0,40}}?(?<!\d)(?P<d>\d{{1,2}})\s+(?P<sep>[-/])\s+(?P<m>\d{{1,2}})\s+(?P=sep)\s+(?P<y>{_YEAR})(?:\s+{_CLOCK})?"
    ),
    # a blog platform's day heading, a comma before the year: "Thứ Hai, 4 tháng 1, 2010" (i501)
    re.compile(rf"(?:Thứ\s+\w+|Chủ\s+[Nn]hật),\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}}),\s+(?P<y>{_YEAR})"),
    # a script's English stamp: "Fri Nov 21 15:54:00 GMT+07:00 2025"
    re.compile(
        rf"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?P<m>{'|'.join(_MONTHS_EN)})\s+(?P<d>\d{{1,2}})\s+{_CLOCK}"
        rf"\s+(?:GMT|UTC)?[+-]?[\d:]*\s+(?P<y>{_YEAR})"
    ),
    # English: "Monday, July 22, 2019"
    re.compile(
        rf"(?:[A-Z][a-z]+day,?\s+)?(?P<m>{_MONTHS_EN_FULL})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{_YEAR})(?:,?\s+{_CLOCK}(?:\s*[AP]M)?)?"
    ),
    # month first where day first cannot be, a server's English clock after it: "Thời gian đăng: 4/13/2022 1:57:17 PM"
    re.compile(
        rf".{{0,40}}?(?<![\d/])(?P<m>\d{{1,2}})/(?P<d>1[3-9]|2\d|3[01])/(?P<y>{_YEAR})\s+\d{{1,2}}:\d{{2}}:\d{{2}}\s*[AP]M\)?"
    ),
    # the day's figures spaced, alone on their line: "14 05 2017" over "in trang" (dx06, u501: a youth union's portal)
    re.compile(rf"(?P<d>\d{{2}})\s(?P<m>\d{{2}})\s(?P<y>{_YEAR})"),
    # month first where day first cannot be, alone on its line: "05-20-2019" under a district portal's headline (gy07)
    re.compile(rf"(?P<m>0[1-9]|1[0-2])-(?P<d>1[3-9]|2\d|3[01])-(?P<y>{_YEAR})"),
]


# A page's metadata, year first with its time zone ("2025-02-01T19:45:06+07:00"): when it was last changed, maybe; a
# stamp the page shows below it ("Thứ sáu - 02/06/2023 05:36" under "2023-06-04T00:21:38-04:00") is its date.
_ZONED_STAMP = re.compile(rf"(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})T{_CLOCK}(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})")


def _month_number(month: str) -> int:
    """A month as a stamp writes it: "04", "Nov", "July", "tư"."""
    if month.isdigit():
        return int(month)
    if month[:3] in _MONTHS_EN:
        return _MONTHS_EN.index(month[:3]) + 1
    return _MONTH_WORDS[month.lower()]


def _written_stamp(line: str, first: bool) -> tuple[dt.date, str] | None:
    """The day and quote of a header line that is a page's stamp in one of _WRITTEN_STAMPS' forms, or, on the first
    line, of a stamp glued to the title ("… nhiệm kỳ 2024-202919/01/2024 - 16:09:00 Nhiệm kỳ qua, …": find_dates
    cannot tell its day from the title's digits, the clock after it can)."""
    found = [pattern.fullmatch(line) for pattern in _WRITTEN_STAMPS]
    found += [_GLUED_STAMP.search(line, 0, 400)] if first else []
    for m in found:
        if m is not None:
            day = parse_day(int(m.group("d")), _month_number(m.group("m")), int(m.group("y")))
            if day is not None:
                return day, m.group(0)
    return None


# A day written with two figures, glued to the figure a title ends with, before a clock time with seconds.
_GLUED_STAMP = re.compile(rf"(?<=\d)(?P<d>\d{{2}})/(?P<m>\d{{2}})/(?P<y>{_YEAR})\s+-\s+\d{{1,2}}:\d{{2}}:\d{{2}}(?!\d)")
# A document's own date is no happening: "theo Quyết định ngày 29/8/2025", "Quy định ngày 2/2/2018", "Kế hoạch số
# 81/KH-MTTQ-BTT ngày 19 tháng 10" (a kind named in capitals, or in any case with its number).
DOCUMENT_DATE = re.compile(
    r"(?:\b(?:Nghị\s+quyết|Quyết\s+định|Quy\s+định|Chỉ\s+thị|Kết\s+luận|Công\s+văn|Thông\s+tư|Nghị\s+định|Kế\s+hoạch|"
    r"Hướng\s+dẫn|Thông\s+báo|Đề\s+án|Tờ\s+trình)(?:\s+(?:số\s*)?\d[\w/.-]*)?|"
    # any paper with its number: "Tại văn bản số 2128 ngày 9/5/2018 về việc chấn chỉnh …" (qqa06), "Thông tri số 10
    # ngày 8-7-2016 của Ủy ban Trung ương MTTQVN" (qqo05)
    r"(?i:\b(?:nghị\s+quyết|quyết\s+định|quy\s+định|chỉ\s+thị|kết\s+luận|công\s+văn|kế\s+hoạch|hướng\s+dẫn|"
    r"văn\s+bản|báo\s+cáo|thông\s+báo|thông\s+tri|tờ\s+trình|công\s+điện)\s+"
    r"(?:số\s*)?\d[\w/.-]*))\s*,?\s+(?:ban\s+hành\s+)?ngày\s*$"
)
_WIRE = re.compile(r"\(\s*[A-ZĐ][A-ZĐ/]{1,12}\s*[-–,]?\s*$")
# The lead's own today: "LSO-Hôm nay (3/11), thôn …", "Chiều nay (4/11), khu 8 …".
_TODAY = re.compile(
    r"\b(?:[Hh]ôm|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+nay\s*\(\s*(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})\s*\)"
)


def _date_bar(line: str, rest: str) -> bool:
    """A weekday and a day alone on a header line, over a text whose named years all lie two or more years before it
    ("Thứ sáu,  12/08/2022" over "9 tháng năm 2017", "Thứ 7, ngày 15/6/2024" over "Ngày 27/9/2018") or whose lead
    calls another day today ("Thứ bảy, 20/04/2019" over "Hôm nay (3/11), thôn …"): the site's bar of the day the page
    was read, not its publication ("Thứ Năm, 25/4/2024" over a report of April 2024 is the page's date)."""
    bar = DATE_BAR.fullmatch(line.strip())
    if bar is None:
        return False
    today = _TODAY.search(rest, 0, 600)
    if today is not None and (int(today["d"]), int(today["m"])) != (int(bar["d"]), int(bar["m"] or bar["m2"])):
        return True
    # "hè 2012", "9 tháng năm 2017", a day with its year opening a sentence ("Ngày 27/9/2018, tại …", sy05); not a
    # document's date ("Quyết định số 290-QĐ/TW ngày 25/2/2010")
    opening = [h for h in find_dates(rest) if h.has_year and _OPENS.search(rest[max(0, h.start - 20) : h.start])]
    # and the terms it names, by their last year: "đại hội đại biểu lần thứ hai, nhiệm kỳ 2010- 2015" under "Thứ bảy,
    # 03/12/2022" (ih06)
    terms = [int(t.group("y2")) for t in _TERM.finditer(rest)]
    years = years_spoken_of(rest) + [h.day.year for h in opening] + terms
    return bool(years) and max(years) <= int(bar.group("y")) - 2


# (after an outlet's mark too: "LSO-Ngày 10/1/2014, Ủy ban …")
_OPENS = re.compile(
    r"(?:^|\n|[.!?]\s)\s*(?:\(?[A-ZĐ]{2,8}\)?\s*[-–]\s*)?(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+)?(?:[Nn]gày\s*)?$"
)


def _is_stamp(text: str, hit: DateHit) -> bool:
    """A date written with a clock time right before or after it: "22:39 18/07/2019", "18/07/2019 22:39", or named
    a stamp ("Ngày cập nhật 29/11/2022") or followed by the page's count of views ("19/01/2026 | lượt xem: 717"); or a
    line's first word glued to the date ("23/8/2024Trong 02 ngày …"), where a page printed its date stamp; or a news
    agency's dateline "Hà Nội (TTXVN 11/3/2022)"."""
    glued = (hit.start == 0 or text[hit.start - 1] == "\n") and text[hit.end : hit.end + 1].isalpha()
    # "… năm 2022\" (22/08/2022)": a line that closes on its date in brackets, as a page prints a title's stamp
    bracketed = text[hit.start - 1 : hit.start] == "(" and re.match(r"\)[ \t]*(?:\n|$)", text[hit.end : hit.end + 4])
    wire = bool(_WIRE.search(text, max(0, hit.start - 20), hit.start)) and text[hit.end : hit.end + 1] == ")"
    return (
        glued
        or wire
        or bool(bracketed)
        or bool(_STAMP_BEFORE.search(text, max(0, hit.start - 24), hit.start))
        or bool(_STAMP_WORDS.search(text, max(0, hit.start - 24), hit.start))
        or bool(_STAMP_AFTER.match(text[hit.end : hit.end + 16]))
    )


# An anniversary counted in years and written with its two years: "kỷ niệm 32 năm ngày Quốc tế người cao tuổi 1/10
# (1991-2023)" — the count says the later year is the year of writing.
_ANNIVERSARY_YEARS = re.compile(
    rf"kỷ\s+niệm\s+(?P<n>\d{{1,3}})\s+năm\b[^()]{{0,120}}?\(\s*(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})\s*\)", re.I
)


def _anniversary_pairs(text: str) -> list[re.Match[str]]:
    """The anniversaries written as a pair of dates (_ANNIVERSARY); unbracketed, at least two years apart (not a year's
    span "1/1/2015 - 1/1/2016")."""
    return [
        m
        for m in _ANNIVERSARY.finditer(text)
        if int(m.group("y1")) < int(m.group("y2")) and (m.group("open") or int(m.group("y2")) - int(m.group("y1")) >= 2)
    ]


def anniversaries(text: str) -> list[tuple[int, int, int]]:
    """(start, end, later year) of each anniversary: a pair of dates "(18-11-1930/ 18-11- 2014)", or a count of years
    and its two years "kỷ niệm 32 năm … (1991-2023)" (start and end those of the bracket)."""
    dated = [(m.start(), m.end(), int(m.group("y2"))) for m in _anniversary_pairs(text)]
    counted = [
        (m.start("y1"), m.end(), int(m.group("y2")))
        for m in _ANNIVERSARY_YEARS.finditer(text)
        if int(m.group("y2")) - int(m.group("y1")) == int(m.group("n"))
    ]
    return sorted(dated + counted)


def reference_year(article: Article, published: str | None) -> tuple[int | None, str | None]:
    """The year a date without one belongs to: the publication's, else the year the text speaks of most
    (leaving out sentences about plans but for the months of a year they review, and years before EARLIEST_YEAR, a
    text's history: a veteran's war in 1978; an anniversary's later date counts, even in a plan's sentence), the latest
    on a tie — but a tie of two years running ("đánh giá công tác năm 2015 và đề ra chương trình năm 2016") is a year
    reviewed and the next one planned, and a day of the second half-year ("Sáng 29/12") belongs to the earlier, as
    in sentence_year."""
    if published:
        return int(published[:4]), f"năm lấy theo ngày đăng {partial_date(published)}"
    counts: Counter[int] = Counter()
    planned: set[tuple[int, int]] = set()
    for sentence in article.sentences():
        if DATE_BAR.fullmatch(sentence.text.strip()) and _date_bar(sentence.text, article.text[sentence.end :]):
            continue  # "Thứ Năm, ngày 28 tháng 3 năm 2024" atop a report of "Năm 2018": the day it was read (h501)
        # an anniversary's later date is the year of writing, in a plan's sentence too ("ôn lại … 82 năm … (18/11/1930
        # – 18/11/2012); … đăng ký phấn đấu đạt danh hiệu", gh04)
        counts.update(year for _, _, year in anniversaries(sentence.text))
        if _PLAN_WORDS.search(sentence.text):
            counts.update(int(m.group("y")) for m in _MONTHS_REVIEWED.finditer(sentence.text))
            planned |= {(int(m.group("y")), int(m.group("m"))) for m in _MONTH_PLANNED.finditer(sentence.text)}
            continue
        counts.update(y for y in years_spoken_of(sentence.text) if y >= EARLIEST_YEAR)
    if not counts:
        named = {
            int(m.group("y"))
            for m in _NAMED_YEAR.finditer(article.text)
            if not _NOT_NAMED.search(m.group("w"))
            and not _LAW_BEFORE.search(article.text, max(0, m.start() - 40), m.start())
        }
        if len(named) == 1:
            year = named.pop()
            return year, f"bài không ghi ngày đăng; năm {year} suy ra từ tên chương trình hay mùa vụ nêu trong bài"
        if len(planned) == 1:
            # "Ngày 14/4, Ban Chỉ đạo … tổ chức Ngày hội hiến máu …", then "đợt 2 dự kiến sẽ tổ chức vào tháng 9/2023"
            # (fr07): the month a text plans ahead is of its own year, the days before it too
            ((year, month),) = planned
            first = next((h for h in find_dates(article.text, default_year=2000) if not h.has_year), None)
            if first is not None and first.day.month <= month:
                return year, f"bài không ghi ngày đăng; năm {year} suy ra từ tháng {month}/{year} bài nói sẽ tổ chức"
        return None, None
    year = max(counts, key=lambda y: (counts[y], y))
    if counts[year - 1] == counts[year]:
        first = next((h for h in find_dates(article.text, default_year=2000) if not h.has_year), None)
        if first is not None and first.day.month >= 7:
            return year - 1, (
                f"bài không ghi ngày đăng; năm {year - 1} suy ra từ nội dung (bài đánh giá năm {year - 1} và đề ra "
                f"nhiệm vụ năm {year}: ngày của nửa cuối năm thuộc năm {year - 1})"
            )
    return year, f"bài không ghi ngày đăng; năm {year} suy ra từ nội dung (năm được nhắc nhiều nhất)"


# A programme or season named with its year and no "năm": "Xuân Tình nguyện 2026", "mùa du lịch biển 2024", "Năm
# Thanh niên 2011", "vụ hè thu 2024" — not a law's year ("Luật Đất đai 2024", _LAW_BEFORE), a term, a span or a birth
# year.
# not a count of years: "1985 năm Khởi nghĩa Hai Bà Trưng"
_NAMED_YEAR = re.compile(rf"(?P<w>[^\W\d_]+)\s+(?P<y>{_YEAR})(?![\d/.\-–]|\s*[-–]\s*\d|\s+năm\b)")
_LAW_BEFORE = re.compile(
    r"\b(?:(?<![Pp]háp\s)[Ll]uật|[Hh]iến\s+pháp|[Pp]háp\s+lệnh|[Nn]ghị\s+định|[Tt]hông\s+tư)\b[^,.;:]*$"
)
_NOT_NAMED = re.compile(
    r"^(?:[Ss]ố|kỳ|nhìn|đoạn|khóa|khoá|[Đđ]ến|[Tt]ới|[Tt]ừ|sinh|[Nn]ăm|[Tt]háng|ngày|trước|sau|[Qq]uý)$"
)


# The lunar year's stem and branch ("Tết Ất Mùi", "Xuân Bính Ngọ") name the year up to 60: the one in 1984-2043.
_STEMS = {"giáp": 4, "ất": 5, "bính": 6, "đinh": 7, "mậu": 8, "kỷ": 9, "canh": 0, "tân": 1, "nhâm": 2, "quý": 3}
_BRANCHES = {
    "tý": 4, "sửu": 5, "dần": 6, "mão": 7, "mẹo": 7, "thìn": 8, "tỵ": 9, "tị": 9,
    "ngọ": 10, "mùi": 11, "thân": 0, "dậu": 1, "tuất": 2, "hợi": 3,
}  # fmt: skip
_CAN_CHI = rf"(?P<stem>{'|'.join(_STEMS)})\s+(?P<branch>{'|'.join(_BRANCHES)})\b"
# A new year celebrated or wished: "Tết Nguyên đán Bính Ngọ 2026", "Tết Ất Mùi", "Xuân Giáp Thìn", "năm mới 2014";
# the army's and the people's programme for it, "Tết Quân - dân năm 2026" (fresh tuning text uy02).
_NEW_YEAR = re.compile(
    rf"(?:\bTết(?:\s+Nguyên\s+[Đđ]án|\s+Quân\s*[-–]?\s*dân)?|\bXuân)\s+"
    rf"(?:{_CAN_CHI}\s*(?:(?:năm\s+)?(?P<y>{_YEAR}))?|(?:năm\s+)?(?P<y2>{_YEAR}))"
    rf"|\b[Nn]ăm\s+mới\s+(?P<y3>{_YEAR})\b",
    re.IGNORECASE,
)


def _new_year(text: str) -> int | None:
    """The new year a text celebrates or wishes, by its number or its stem and branch."""
    for m in _NEW_YEAR.finditer(text):
        if year := m.group("y") or m.group("y2") or m.group("y3"):
            return int(year)
        stem, branch = _STEMS[m.group("stem").lower()], _BRANCHES[m.group("branch").lower()]
        return next(y for y in range(1984, 2044) if y % 10 == stem and y % 12 == branch)
    return None


def around_new_year(hits: list[DateHit], text: str) -> list[DateHit]:
    """In a page with no publication date that greets a new year ("nhân dịp Tết Nguyên đán Bính Ngọ 2026"), a day of
    January or February with no year of its own is in that year, one of November or December in the year before —
    whatever year the text otherwise speaks of most ("trong năm 2025 Đà Nẵng đạt được …")."""
    year = _new_year(text)
    if year is None:
        return hits
    out = []
    for hit in hits:
        moved = year if hit.day.month <= 2 else year - 1 if hit.day.month >= 11 else None
        if hit.has_year or hit.year_note or moved is None:
            out.append(hit)
        else:
            out.append(
                _shifted(
                    hit,
                    moved - hit.day.year,
                    f"bài không ghi ngày đăng; năm {moved} suy ra từ dịp năm mới {year} nêu trong bài",
                )
            )
    return out


# A year the text counts from to its present (H4: an open span gives no year) — but "Từ đầu năm 2022 đến nay" is
# the present year's own start.
TO_NOW = re.compile(r"\s*,?\s*(?:(?:đến|tới)\s+)?nay\b")
_START_OF = re.compile(r"\b(?:đầu|cuối)\s+$")
_FROM_BEFORE = re.compile(r"\b[Tt]ừ\s+$")
_BASELINE_BEFORE = re.compile(r"\bso\s+với\s+(?:cùng\s+kỳ\s+)?$", re.I)  # "tăng 11,2% so với năm 2024"
_SPAN_TO = re.compile(rf"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?P<word>năm\s+)?(?P<y>{_YEAR})")


def years_spoken_of(text: str, since: bool = False) -> list[int]:
    """The years a sentence names ("năm 2022", both of "năm học 2022-2023"), leaving out horizons and birth years
    (_HORIZON), years compared with, and the years counted from to the present unless `since`."""
    years = []
    for m in _YEAR_WORD.finditer(text):
        if _SPAN_AFTER.match(text, m.end()):
            continue  # "trong 5 năm 2012 – 2017": a span, as "giai đoạn 2012 – 2017" is, not the year 2012
        before = text[max(0, m.start() - 30) : m.start()]
        if not since and TO_NOW.match(text, m.end()) and not _START_OF.search(before):
            continue  # "79 hộ nghèo năm 2002, nay còn 3 hộ", "Từ năm 2021 đến nay": a year gone by, not the text's
        span_from, end = _FROM_BEFORE.search(before), _SPAN_TO.match(text, m.end())
        if not since and span_from and not end:
            continue  # "cầu do Tỉnh đoàn triển khai thực hiện từ năm 2015.": an open span from a year gone by
        if _LAW_BEFORE.search(text, max(0, m.start() - 40), m.start()):  # its look-behind sees past the window
            continue  # "Luật Hòa giải ở cơ sở năm 2013": a document's year (conventions: never the event's)
        if _BASELINE_BEFORE.search(before):
            continue  # "thu nhập … tăng 11,2% so với năm 2024": the year compared with, not the text's
        if not _HORIZON.search(before) or _SPAN_FROM.search(before):
            years.append(int(m.group("y")))
            if span_from and end and not end.group("word"):
                years.append(int(end.group("y")))  # "từ năm 2014 đến 2016": the span's end is spoken of too
    for m in _SCHOOL_YEAR.finditer(text):
        if int(m.group("y2")) == int(m.group("y1")) + 1:
            years += [int(m.group("y1")), int(m.group("y2"))]
    return years


def place_in_year(hit: DateHit, published: str | None, sentence: str = "") -> DateHit:
    """A yearless date more than a month after the publication day belongs to the year before ("28/12" in a page of
    5/1), unless its sentence speaks of what is to come ("Tháng cao điểm … năm 2019 sẽ diễn ra từ 17-10 đến 18-11" in
    a page of 10/10/2019)."""
    if hit.has_year or not published or len(published) < 10:
        return hit
    pub = dt.date.fromisoformat(published)
    if hit.day <= pub + dt.timedelta(days=31) or FUTURE.search(sentence):
        # a few days after the page's date, its stamp is a little early ("Chiều 25/6" on a page of 24/6); within the
        # month, a gathering announced ("đại hội được tổ chức từ ngày 24 đến 25-11" on a page of 7/11, st12)
        return hit
    return _shifted(hit, -1, hit.year_note)


def _shifted(hit: DateHit, years: int, note: str | None) -> DateHit:
    """A yearless date (and its span) `years` later, with the note that says why; unchanged when that day does not
    exist (29/2)."""
    day = parse_day(hit.day.day, hit.day.month, hit.day.year + years)
    end = parse_day(hit.end_day.day, hit.end_day.month, hit.end_day.year + years) if hit.end_day else None
    if day is None:
        return hit
    return DateHit(hit.start, hit.end, day, end, hit.precision, False, hit.weekday, hit.cue, note)


def weekday_problem(hit: DateHit) -> str | None:
    names = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
    if hit.weekday is None or hit.weekday == hit.day.weekday():
        return None
    return f"bài ghi {names[hit.weekday]} nhưng {hit.day:%d/%m/%Y} là {names[hit.day.weekday()]}"


def congress_term(sentences: list[str]) -> re.Match | None:
    """The term a text's congress opens, named in any of its sentences on the congress ("Đại hội đã bầu Ban Chấp
    hành Hội nhiệm kỳ 2024-2029"), on those it elected ("Bà … được bầu làm Chủ tịch Hội … nhiệm kỳ 2016-2021") or as
    the new term ("nhiệm kỳ mới 2017-2022"): the latest one."""
    held = [_holds_congress(s) for s in sentences]
    # the new term, in a sentence of its own: "… xác định phương hướng, mục tiêu, nhiệm vụ trong nhiệm kỳ mới
    # 2017-2022" (sw12, after "Đại hội … lần thứ XI đã bế mạc")
    renewed = any(held)
    return _latest_term(
        s
        for s, on in zip(sentences, held, strict=True)
        if on or _ELECTED.search(s) or (renewed and any(t.group("new") for t in _TERM.finditer(s)))
    )


# Elected to an office for a term, as a congress elects: "được bầu làm Chủ tịch", "được bầu giữ chức"; the Front's
# congress agrees on its officers ("được hiệp thương giữ chức Chủ tịch", "được hiệp thương cử làm Phó Chủ tịch").
_ELECTED = re.compile(r"\bđược\s+(?:tín\s+nhiệm\s+)?(?:bầu|hiệp\s+thương(?:\s+cử)?)\s+(?:làm|giữ|tái\s+cử)", re.I)


def congress_ahead(sentences: list[str]) -> re.Match | None:
    """The term of a congress a text's work greets ahead ("hướng tới chào mừng Đại hội … nhiệm kỳ 2015-2020")."""
    return _latest_term(s for s in sentences if _greets_congress(s))


def _ahead(term: re.Match | None, sentence: str, text_ahead: re.Match | None) -> re.Match | None:
    """The congress ahead a date's sentence greets: its own term, or failing any term in it, the text's."""
    if term is None:
        return text_ahead
    return term if _greets_congress(sentence) else None


def span_ends(sentences: Iterable[str]) -> frozenset[int]:
    """The last years of the spans a text names ("tổng kết … trong 5 năm (giai đoạn 2019 - 2024)", "phong trào thi
    đua … giai đoạn 2019 - 2024", "nhiệm kỳ 2019 - 2024")."""
    return frozenset(int(span.group("y2")) for s in sentences for span in _SPAN.finditer(s))


def _latest_term(sentences: Iterable[str]) -> re.Match | None:
    return max((t for s in sentences for t in _TERM.finditer(s)), key=lambda t: t.group("y1"), default=None)


# A celebration is held within these many days of the anniversary it marks.
_AROUND_ANNIVERSARY = 20


def sentence_year(
    hit: DateHit,
    sentence: str,
    text_term: re.Match | None = None,
    text_ahead: re.Match | None = None,
    text_spans: frozenset[int] = frozenset(),
) -> DateHit:
    """A yearless date in a page without a publication date takes the year its own sentence names ("Ngày 5/7, …
    6 tháng cuối năm 2022"); a review of one year and the plan of the next ("tổng kết … năm 2019, triển khai
    nhiệm vụ năm 2020") put a date of the first half-year in the later year, of the second half in the earlier; a
    review of one year alone dated in January to March ("Ngày 8/1, … tổng kết … năm 2019") is held the year after; a
    celebration in the days around the anniversary it marks is in the anniversary's year."""
    if hit.has_year:
        return hit
    for m in _anniversary_pairs(sentence):
        if _HEADING_FOR.search(sentence, max(0, m.start() - 160), m.start()):
            continue  # "phát động phong trào thi đua hướng tới kỷ niệm 70 năm … (10/10/1954 - 10/10/2024)": ahead
        # "Sáng 5-12, Hội CCB … tổ chức lễ kỷ niệm 30 năm … (6-12-1989 - 6-12-2019) và phát động phong trào thi đua năm
        # 2020": a celebration is held in the days around the anniversary it marks, in its year
        anniversary = parse_day(int(m.group("d")), int(m.group("m")), int(m.group("y2")))
        same = parse_day(hit.day.day, hit.day.month, int(m.group("y2")))
        if anniversary and same and abs((same - anniversary).days) <= _AROUND_ANNIVERSARY:
            return _shifted(
                hit,
                anniversary.year - hit.day.year,
                f"bài không ghi ngày đăng; năm {anniversary.year} suy ra vì câu nêu dịp kỷ niệm ngày "
                f"{anniversary:%d/%m/%Y}",
            )
    years = sorted(set(years_spoken_of(sentence)))
    reason = "từ năm nêu trong cùng câu"
    if not years and (marked := anniversaries(sentence)):
        # "tối 10/10, … gặp mặt … kỷ niệm 30 năm ngày truyền thống Hội (6/12/1989-6/12/2019)": the year it marks
        years = [marked[-1][2]]
        reason = f"vì câu nêu dịp kỷ niệm năm {years[0]}"
    # a congress reviews one term and opens the next ("nhiệm kỳ 2018 - 2023 … nhiệm kỳ 2023 - 2028"): the later
    term = _latest_term([sentence])
    if not years and not term and text_term and _holds_congress(sentence):
        # "Sáng 19-5, … Đại hội đại biểu Hội … lần thứ nhất." and later "Đại hội đã bầu Ban Chấp hành Hội nhiệm kỳ
        # 2024-2029": the congress opens the term the text names for it
        term = text_term
    if not years and term and _holds_congress(sentence):
        if _REVIEWS_TERM.search(sentence, 0, term.start()):
            # "Diễn ra trong hai ngày 12 và 13-4, Hội nghị … dự thảo Văn kiện Đại hội …; … tổng kết các mặt công tác
            # của Đoàn nhiệm kỳ 2007-2012": a term under review is over, in its last year
            years = [int(term.group("y2"))]
            reason = f"vì tổng kết nhiệm kỳ {term.group('y1')}–{term.group('y2')} diễn ra vào năm cuối nhiệm kỳ"
        elif hit.day.month >= 8 and _PREPARES.search(sentence):
            # "Sáng ngày 19/9, … hội nghị triển khai công tác tổ chức Đại hội MTTQ … nhiệm kỳ 2024 – 2029": in the
            # autumn a congress is prepared for the next year, its term's first
            years = [int(term.group("y1")) - 1]
            reason = f"vì chuẩn bị đại hội nhiệm kỳ {term.group('y1')}–{term.group('y2')} từ cuối năm trước"
        else:
            # "Trong hai ngày 30 và 31/7, Đại hội … nhiệm kỳ 2024 – 2029": a congress opens its term
            years = [int(term.group("y1"))]
            reason = f"vì đại hội, bầu cử nhiệm kỳ {term.group('y1')}–{term.group('y2')} diễn ra vào năm đầu nhiệm kỳ"
    elif not years and term and _HAILS_HELD.search(sentence):
        # "Ngày 23-10, Thành đoàn … chào mừng thành công Đại hội … nhiệm kỳ 2022-2027": the congress is over, its term
        # begun (ob03)
        years = [int(term.group("y1"))]
        reason = f"vì hoạt động chào mừng đại hội nhiệm kỳ {term.group('y1')}–{term.group('y2')} đã thành công"
    elif not years and hit.day.month <= 6 and (ahead := _ahead(term, sentence, text_ahead)):
        # "Chiều 5/4, … phát động thi đua chào mừng Đại hội … nhiệm kỳ 2019 – 2024", or a sentence of the text ("…
        # hoạt động … hướng tới chào mừng Đại hội Đảng bộ huyện …, nhiệm kỳ 2015-2020"): a congress ahead, in the
        # first half of its term's first year; in the second half it may be a year away (p1573 "ngày 6.9" of 2018)
        years = [int(ahead.group("y1"))]
        reason = f"vì hoạt động chào mừng đại hội nhiệm kỳ {ahead.group('y1')}–{ahead.group('y2')} trước kỳ đại hội"
    elif (
        not years
        and term
        and hit.day.month <= 6
        and text_term
        and text_term.group("y1") == term.group("y2")
        and not _holds_congress(sentence)
    ):
        # "Chiều ngày 20/5, Uỷ ban MTTQ … tổ chức hội nghị lần thứ 10, khoá VI, nhiệm kỳ 2019 – 2024", in a text that
        # prepares the congress of "nhiệm kỳ 2024 -2029" (bj02): the outgoing term's last half-year, its congress's
        years = [int(term.group("y2"))]
        reason = (
            f"vì hội nghị cuối nhiệm kỳ {term.group('y1')}–{term.group('y2')} chuẩn bị đại hội nhiệm kỳ "
            f"{text_term.group('y1')}–{text_term.group('y2')}"
        )
    elif not years and term and _ELECTION.search(sentence):
        # "Chiều ngày 16/4, … Hội nghị Hiệp thương lần 3 … đại biểu HĐND các cấp nhiệm kỳ 2021-2026": the people's
        # councils are elected in the spring of the term's first year, prepared from the autumn before
        first = int(term.group("y1"))
        years = [first if hit.day.month <= 6 else first - 1]
        reason = f"vì bầu cử nhiệm kỳ {term.group('y1')}–{term.group('y2')} diễn ra vào đầu năm {first}" + (
            f", chuẩn bị từ cuối năm {first - 1}" if hit.day.month > 6 else ""
        )
    # not one half gone: "sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội … nhiệm kỳ 2019 - 2024"
    span = None if _MID_TERM.search(sentence) else _REVIEWED_SPAN.search(sentence)
    if (
        not years
        and hit.day.month >= 4
        and span
        and not re.match(r"(?:sơ|tổng)\s+kết", span.group(0), re.I)
        and (opened := int(span.group("y1"))) in text_spans
    ):
        # "Chiều 14/10, … phiên trù bị Đại hội thi đua … lần thứ V, giai đoạn 2024 - 2029", in a text whose congress
        # "tổng kết … trong 5 năm (giai đoạn 2019 - 2024)" (fa02), or that names the span before ("phong trào thi đua …
        # giai đoạn 2019-2024", rz06): named for the span it opens, held as the one before closes; not a review
        # ("tổng kết … giai đoạn 2017-2022" in a text that also names "giai đoạn 2012-2017", qrp05)
        years = [opened]
        reason = (
            f"vì đại hội tổng kết giai đoạn đến {opened} và mở giai đoạn {span.group('y1')}–{span.group('y2')}"
            f" diễn ra vào năm {opened}"
        )
    if not years and hit.day.month != 3 and span:
        # "Ngày 28/7, … sơ kết 5 năm … giai đoạn 2015-2020": a review closes its span, in the span's last year; one of
        # January or February, once it is over ("Tối ngày 03.01, … tổng kết nhiệm kỳ 2013 – 2018": 2019); of March,
        # either: no year is guessed
        last = int(span.group("y2"))
        years = [last if hit.day.month >= 4 else last + 1]
        reason = (
            f"vì buổi tổng kết giai đoạn {span.group('y1')}–{span.group('y2')} diễn ra vào năm cuối giai đoạn"
            if hit.day.month >= 4
            else f"vì giai đoạn {span.group('y1')}–{span.group('y2')} được tổng kết vào đầu năm sau"
        )
    if (
        len(years) == 1
        and hit.day.month <= 3
        and (closing := re.search(_CLOSES_YEAR + rf"{years[0]}\b", sentence))
        and (closing.group(1).lower().startswith("tổng") or hit.day.month == 1)
    ):
        # "Ngày 8/1, Huyện ủy tổ chức hội nghị tổng kết … năm 2019": a year is reviewed once it is over, and honoured
        # in January ("Sáng ngày 1.1, Thành đoàn TP.HCM tổ chức lễ tuyên dương Công dân trẻ tiêu biểu TP.HCM năm 2012",
        # cy03; in March, "được tuyên dương … Giải thưởng Lý Tự Trọng năm 2018" is that year's)
        year = years[0] + 1
        reason = f"vì {closing.group(1).lower()} năm {years[0]} diễn ra vào đầu năm sau"
    elif len(years) == 1 and hit.day.month >= 11 and re.search(rf"[Tt]ết\b\D{{0,30}}{years[0]}", sentence):
        # "Ngày 28/12, … tặng quà Tết Nguyên đán Giáp Thìn 2024", "Sáng 16-11, … trao quà Tết nhân ái năm 2025" (cu02):
        # gifts for a Tết are given in the weeks before it
        year = years[0] - 1
        reason = f"vì Tết Nguyên đán {years[0]} đến vào đầu năm sau ngày ấy"
    elif len(years) == 1:
        year = years[0]
    elif len(years) == 2 and years[1] - years[0] == 1 and (honoured := _HONOURS_SCHOOL_YEAR.search(sentence)):
        # "Chiều 15/11, … tổ chức chương trình tuyên dương “Học sinh 3 tốt” … năm học 2024 - 2025" (mw08): a school year
        # is honoured once it is over, in its second year
        year = years[1]
        reason = (
            f"vì tuyên dương, khen thưởng năm học {honoured.group('y1')}–{honoured.group('y2')} "
            "sau khi năm học kết thúc"
        )
    elif len(years) == 2 and years[1] - years[0] == 1:
        year = years[1] if hit.day.month <= 6 else years[0]
    elif len(years) == 3 and len(schools := {m.group("y1", "y2") for m in _SCHOOL_YEAR.finditer(sentence)}) == 2:
        # "Ngày 27/9, … tổng kết hoạt động công đoàn năm học 2021 - 2022, triển khai … năm học 2022 - 2023" (bs02): one
        # school year closes and the next opens, in the year they share
        (a1, a2), (b1, b2) = sorted(schools)
        year = years[1]
        reason = f"vì năm học {a1}–{a2} khép lại và năm học {b1}–{b2} mở ra trong năm ấy"
    else:
        return hit
    return _shifted(hit, year - hit.day.year, f"bài không ghi ngày đăng; năm {year} suy ra {reason}")


# A year reviewed or honoured, "năm " before its figures (a dot inside a name, "TP.HCM", does not end the sentence).
_CLOSES_YEAR = r"(?i:(tổng\s+kết|tuyên\s+dương|biểu\s+dương|vinh\s+danh)\b(?:[^.;]|\.(?=\w))*\bnăm\s+)"


# An anniversary still ahead: "hướng tới kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024)" (an04).
_HEADING_FOR = re.compile(r"(?:hướng|tiến)\s+tới\s+(?:[^\W\d_]+\s+){0,3}?kỷ\s+niệm\b[^()]{0,120}$", re.I)


# Preparing congresses, not holding one: "triển khai công tác tổ chức Đại hội", "chuẩn bị Đại hội", "đại hội điểm".
# "tổng kết … nhiệm kỳ 2007-2012" with no other term between: the term named is the one reviewed
_REVIEWS_TERM = re.compile(r"tổng\s+kết(?:(?!nhiệm\s+k)[^.;]){0,80}$", re.I)
_PREPARES = re.compile(
    r"(?:triển\s+khai|hướng\s+dẫn|chỉ\s+đạo)\s+(?:công\s+tác\s+)?(?:tổ\s+chức\s+)?đại\s+hội|"
    r"chuẩn\s+bị\s+(?:tổ\s+chức\s+)?đại\s+hội|đại\s+hội\s+điểm|"
    # "Hội nghị lấy ý kiến góp ý dự thảo Báo cáo chính trị Đại hội … nhiệm kỳ 2026 - 2031" (cj05): its drafts
    r"(?:góp\s+ý|lấy\s+ý\s+kiến)(?:\s+[^\W\d_]+){0,3}?\s+dự\s+thảo(?:\s+[^\W\d_]+){0,4}?\s+đại\s+hội",
    re.I,
)


def _holds_congress(sentence: str) -> bool:
    """A congress or an election in the sentence; not its resolution carried out ("hội nghị triển khai Nghị quyết Đại
    hội … nhiệm kỳ 2021-2026", a day somewhere inside the term, H4), nor a review at mid-term ("Hội nghị đánh giá giữa
    nhiệm kỳ thực hiện Nghị quyết Đại hội … nhiệm kỳ 2021 – 2026")."""
    # an association's "hội nghị đại biểu … nhiệm kỳ 2021-2026" is its congress; an election opens its term as a
    # congress does ("tổ chức bầu khối phố trưởng nhiệm kỳ 2015-2017"; deputies' "bầu cử" is _ELECTION's)
    held = re.search(r"(?<!quyết\s)đại\s+hội|hội\s+nghị\s+đại\s+biểu|\bbầu\b(?!\s+cử)", sentence, re.I)
    return (
        held is not None
        and not _MID_TERM.search(sentence)
        # "tiến tới chào mừng Đại hội … nhiệm kỳ 2019 – 2024": a congress ahead, its year not yet the sentence's
        and not _AHEAD_OF.search(sentence, 0, held.start())
    )


def _greets_congress(sentence: str) -> bool:
    """A congress ahead: "tiến tới chào mừng Đại hội …", "hướng tới Đại hội …"."""
    return any(_AHEAD_OF.search(sentence, 0, m.start()) for m in re.finditer(r"đại\s+hội", sentence, re.I))


# A congress hailed once held: "chào mừng thành công Đại hội …".
_HAILS_HELD = re.compile(r"chào\s+mừng\s+thành\s+công\s+(?:[^\W\d_]+\s+){0,3}?đại\s+hội", re.I)
_AHEAD_OF = re.compile(r"(?:tiến\s+tới|hướng\s+tới|chào\s+mừng)\s+(?:[^\W\d_]+\s+){0,3}$", re.I)


# A text that reports a year's results ("tổng kết …", "kết quả năm qua", "đến hết năm 2024"): its January and
# February days come after the year it speaks of most.
_YEAR_REVIEWED = re.compile(r"tổng\s+kết|năm\s+qua|hết\s+năm", re.I)


def after_reviewed_year(hits: list[DateHit], year: int | None, text: str) -> list[DateHit]:
    """In a page with no publication date that reports the results of `year` (the year it speaks of most), a
    yearless day of January or February falls in the year after ("Chiều 22/01, … hội nghị" in a page about the
    results to the end of 2024: 22/01/2025)."""
    if year is None:
        return hits
    # or a sentence on what that year's work did: "Năm 2018, UBMTTQVN huyện đã tập trung chỉ đạo …" (p431), or the
    # results of that year: "Đối với kết quả công tác năm 2021, hội nghị nhất trí …" (ip06), "những kết quả nổi bật về
    # tình hình kinh tế - xã hội … của tỉnh năm 2023" (ip08)
    done = re.search(rf"(?:^|[.\n])\s*Năm\s+{year}\s*,[^.\n]*\bđã\b", text) or re.search(
        rf"\bkết\s+quả\b[^.\n]{{0,100}}?\bnăm\s+{year}\b", text
    )
    if not (_YEAR_REVIEWED.search(text) or done):
        return hits
    note = f"bài không ghi ngày đăng; năm {year + 1} suy ra vì bài nói về kết quả năm {year}, ngày thuộc đầu năm sau"
    return [
        _shifted(h, 1, note) if not (h.has_year or h.year_note) and h.day.month <= 2 and h.day.year == year else h
        for h in hits
    ]


def neighbours_year(
    hits: list[DateHit],
    documents: list[tuple[int, int]],
    sentence_of: Callable[[DateHit], str],
    within_days: int = 45,
) -> list[DateHit]:
    """With no year anywhere else, a yearless date takes the year of a dated day of the same text a few weeks from
    it ("Chiều 6/11, … Hội nghị lần thứ 3" beside "Đại hội … nhiệm kỳ 2025 - 2030 … ngày 7 và 8/11": 2025), or of an
    earlier day of the year its own sentence dates ("Ngày 7/11, … trao kinh phí hỗ trợ làm nhà cho 24 hộ dân bị ảnh
    hưởng do mưa lũ, sạt lở đất xảy ra sáng 25/7/2024", h705) — not of a document's date (`documents`: the spans of
    document mentions with their dates; `sentence_of`: a date's sentence)."""
    known = [h for h in hits if (h.has_year or h.year_note) and not any(s <= h.start < e for s, e in documents)]
    out = []
    for hit in hits:
        if hit.has_year or hit.year_note:
            out.append(hit)
            continue
        near = [
            k
            for k in known
            if (same := parse_day(hit.day.day, hit.day.month, k.day.year))
            and (
                # a span's either end: "Ngày 15/9, … trao giải" after "phát động từ ngày 17/1/2022 đến ngày 30/8/2022"
                min(abs((same - day).days) for day in (k.day, k.end_day or k.day)) <= within_days
                or (k.has_year and k.day < same and sentence_of(k) == sentence_of(hit))
            )
        ]
        years = {k.day.year for k in near}
        if len(years) != 1:
            out.append(hit)
            continue
        year = years.pop()
        where = "trong cùng câu" if sentence_of(near[0]) == sentence_of(hit) else "gần đó trong bài"
        note = f"bài không ghi ngày đăng; năm {year} suy ra từ ngày {where} ({near[0].day:%d/%m/%Y})"
        out.append(_shifted(hit, year - hit.day.year, note))
    return out


def has_yearless_date(text: str) -> bool:
    """A day written without its year after a day word ("Chiều 16/5, …"): a dated event whose year is unknown."""
    return any(not h.has_year for h in find_dates(text, default_year=2000))  # 2000: 29/2 parses
