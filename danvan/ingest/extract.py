"""Building the draft: visits, documents and observations from an article, each with a quote and a confidence.

    >>> from danvan.ingest import extract_file, load_registry
    >>> draft = extract_file("article.txt", registry=load_registry("data")[0])
    >>> draft.observations[0].value, draft.observations[0].quote

Every drafted item carries a `confidence` (0..1) and a `quote` that occurs verbatim in the text. The rules are
general patterns of Vietnamese news writing (dates, number formats, document codes, titles); nothing is specific
to one article. The steps it uses live in the sibling modules text, dates, numbers, documents and places."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import polars as pl
import yaml

from .. import fmt, gazetteer
from ..fmt import partial_date
from ..i18n import t
from ..loader import load
from ..model import MERGER_DATE, NEW_SCHEME, OLD_SCHEME, DataError, DatePrecision, Scheme, VisitKind, scheme_on
from ..registry import OLD_DAY, Registry
from ..text import clipped, fold_space, fold_tones, name_key, slug
from . import event_model
from .dates import (
    DOCUMENT_DATE,
    EARLIEST_YEAR,
    FUTURE,
    TO_NOW,
    DateHit,
    Published,
    after_reviewed_year,
    anniversaries,
    around_new_year,
    congress_ahead,
    congress_term,
    find_dates,
    find_times,
    has_yearless_date,
    neighbours_year,
    parse_day,
    place_in_year,
    publication,
    reference_year,
    sentence_year,
    span_ends,
    weekday_problem,
    years_spoken_of,
)
from .documents import DocHit, doc_type_enum, find_documents, level_of_code
from .drafts import (
    NEW_INDICATOR,
    DocumentDraft,
    Draft,
    ObservationDraft,
    SourceDraft,
    VisitDraft,
    event_key,
    summary_of,
    visit_id,
)
from .numbers import WINDOW, Measure, clean, measures, periods
from .places import (
    BodyHit,
    Person,
    PlaceHit,
    body_level,
    find_bodies,
    find_people,
    find_places,
    headline_place,
    leader_for,
    led_body,
    main_place,
    main_province,
    new_scheme_only,
    old_scheme_only,
    outlet_district,
    outlet_from_web,
    province_reason,
    titled_body,
)
from .text import Article, IngestError, Span, looks_vietnamese, prepare, read_article, split_sentences

__all__ = ["IngestError", "extract", "extract_file", "extract_text", "load_indicators", "load_registry"]

# Verbs that make a dated sentence an event (a visit, a meeting), and the kind each one means, strongest first.
# A Ngày hội, not an election called a festival: "ngày hội bầu cử", "ngày hội non sông", "ngày hội lớn của toàn dân",
# "ngày bầu cử thực sự trở thành ngày hội".
# a sports meet, a camp, a festival too ("tổ chức Hội thao chào mừng …", jn09; "Lễ hội Xuân Hồng 2026 diễn ra", ah09)
_FESTIVAL = (
    r"(?<!trở\sthành\s)ngày hội(?!\s+(?:bầu\s+cử|non\s+sông|lớn))|ngày\s+chủ\s+nhật\s+(?:xanh|đỏ)|"
    r"hội\s+thao|hội\s+trại|lễ\s+hội"
)
_EVENT_VERB = re.compile(
    r"khảo sát|kiểm tra|giám sát|làm việc|hội nghị|tổng kết|sơ kết|họp|tiến hành|"
    # "tổ chức" the verb, not the noun: "901 tổ chức cơ sở đảng", "các tổ chức chính trị - xã hội"
    r"(?<!các\s)(?<!những\s)(?<!Các\s)tổ\s+chức"
    # (after a number too: "… ở Phường 1 tổ chức trao tặng quà Tết", ju03)
    r"(?!\s+(?:cơ\s+sở|chính\s+trị|đoàn\s+thể|thành\s+viên|xã\s+hội|tôn\s+giáo|đảng\b|quần\s+chúng))|"
    # "đã đến tặng hoa chúc mừng Hội Khuyến học huyện" (nm06), "Tòa giám mục … đã đến chúc tết Tỉnh ủy" (qqt13), "đã đến
    # tham dự và chúc mừng chức sắc, tăng ni, Phật tử" (qtg08)
    r"chủ trì|thăm|(?:tới|đến)\s+(?:tặng\s+hoa,?\s+|(?:tham\s+)?dự\s+và\s+)?chúc\s+(?:mừng|[Tt]ết)|"
    r"chúc\s+[Tt]ết\s+(?:tại|ở)\b|"
    r"hội thảo|tọa đàm|toạ đàm|hội thi|giao ban|khai mạc|diễn ra|ra quân|"
    # a delegation or a trip on its days: "từ ngày 18/04 đến ngày 20/04/2019, Đoàn công tác của …", "Trong 2 ngày
    # 28-29/01/2018, đồng chí … có chuyến công tác tại tỉnh Điện Biên"
    r"(?:đoàn|chuyến)\s+công\s+tác|"
    r"(?:triển\s+khai|quán\s+triệt)\s+(?:học\s+tập\s+)?[Nn]ghị\s+quyết|"  # a resolution carried to the members
    r"ký\s+kết\s+(?:chương\s+trình|quy\s+chế|kế\s+hoạch|thỏa\s+thuận|thoả\s+thuận)|"
    # gifts handed over, counted: "trao tặng 100 suất quà tới người cao tuổi" (iy13)
    r"đối thoại|gặp mặt|trao\s+(?:nhà|quà|tặng\s+\d[\d.]*\s+(?:suất\s+|phần\s+)?quà)|"
    r"bàn\s+giao\s+(?:\d+\s+)?(?:căn\s+|ngôi\s+)?nhà|"
    r"hỗ\s+trợ\s+(?:kinh\s+phí\s+)?xây\s+(?:dựng\s+|mới\s+)?nhà|"
    # ceremonies and gatherings of other names: a launch, a training course, a congress, a festival day
    r"lễ\s+(?:phát động|ra mắt|kỷ niệm|trao|tuyên dương|biểu dương|mít tinh|ký kết)|phát động|ra mắt|tập huấn|"
    # classes opened on their days: "Từ ngày 16/4/2019 đến ngày 26/4/2019, Hội Nông dân tỉnh … đồng loạt triển khai
    # các lớp bồi dưỡng" (ex06)
    r"(?:khai|bế)\s+giảng|(?:mở|triển\s+khai)\s+(?:các\s+|\d+\s+)?lớp\b|"
    rf"đại hội|{_FESTIVAL}|giao lưu|mít tinh|tuyên dương|biểu dương|"
    # (the candidates met "trực tiếp với cử tri", g511)
    r"tiếp\s+xúc\s+(?:trực\s+tiếp\s+)?(?:với\s+)?cử\s+tri|"
    # a leader's session receiving citizens: "phiên tiếp dân định kỳ tháng 3/2020 ngày 20/3/2020" (pu01), "Chủ tịch
    # UBND phường … tiếp công dân định kỳ ngày 07/8/2025" (r608); not the office "Ban Tiếp công dân tỉnh"
    r"(?<!Ban\s)tiếp\s+(?:công\s+)?dân\b",
    re.IGNORECASE,
)
_KINDS: tuple[tuple[VisitKind, re.Pattern[str]], ...] = (
    ("hoi_nghi", re.compile(r"tổ chức\s+(?:hội nghị|tổng kết|sơ kết)|hội nghị tổng kết|phiên họp", re.I)),
    ("khao_sat", re.compile(r"khảo sát|điều tra (?:dư luận|xã hội học)", re.I)),  # an opinion survey
    ("kiem_tra", re.compile(r"kiểm tra", re.I)),
    ("giam_sat", re.compile(r"giám sát", re.I)),
    ("lam_viec", re.compile(r"làm việc", re.I)),
    ("hoi_nghi", re.compile(r"hội nghị|tổng kết|sơ kết|họp|hội thảo|tọa đàm|toạ đàm|giao ban", re.I)),
)
# A gathering the text reports without naming who held it ("Trong 2 ngày 8-9/11/2018 Hội thi … được tổ chức",
# "Ngày 22-9, Đoàn kiểm tra số 3 … có buổi kiểm tra", a caption's "Hội nghị trực tuyến toàn quốc …, sáng 21/1/2021",
# leaders who "tới dự … ngày hội đại đoàn kết", a congress, visits with gifts or to work ("thăm và làm việc tại xã Tả
# Van (Sa Pa) tháng 10/2007", f206), a press conference ("chủ trì buổi họp báo", p710).
_GATHERING = re.compile(
    rf"(?:hội nghị|hội thi|hội thảo|hội đàm|tọa đàm|toạ đàm|{_FESTIVAL}|đại hội|họp mặt|gặp mặt|họp báo|"
    r"vòng\s+(?:chung|bán)\s+kết|"
    r"buổi\s+(?:làm việc|kiểm tra|giám sát|khảo sát|đối thoại|tiếp xúc|lễ|tiếp\s+nhận)|đối thoại trực tiếp|"
    r"đoàn\s+(?:công tác|kiểm tra|giám sát|khảo sát)|"
    r"(?:tổ chức|diễn ra|khai mạc)\s+(?:lễ|hội nghị|hội thi)|thăm(?:,|\s+và)\s+(?:tặng|trao|chúc|làm\s+việc)|"
    r"phát\s+biểu\s+khai\s+mạc|"  # a speech that opens it: "Phát biểu khai mạc chương trình, bà … cho biết" (ej08)
    # its guests listed: "Dự chương trình có ông …", "Tham dự có ông … " (cu03, ia01); the team's members: "Cùng đi
    # trong đoàn có các đồng chí: …" (ld01)
    r"^\W*(?:Tham\s+)?[Dd]ự\s+(?:(?:buổi\s+)?(?:chương\s+trình|lễ|hoạt\s+động)\s+)?có\b|"
    r"^\W*Cùng\s+(?:đi|tham\s+dự|dự)(?:\s+(?:trong|với)\s+đoàn)?\s+có\b|"
    r"\b(?:[Tt]ại|dự)\s+lễ\s+(?:phát\s+động|ra\s+quân|khánh\s+thành|khởi\s+công|mít\s+tinh|trao|tuyên\s+dương)|"
    # "tổ chức trao học bổng", "tổ chức khánh thành 2 Mái ấm": a handover or an opening held
    r"tổ\s+chức\s+(?:chương\s+trình\s+)?(?:trao\s+(?:tặng\s+)?\w|khánh\s+thành|khởi\s+công|bàn\s+giao|(?:lễ\s+)?mừng\s+thọ)|"
    r"(?:đã|vừa|tổ\s+chức)\s+(?:sơ|tổng)\s+kết|"
    # a body's own review, its year named: "Ban Đại diện Hội Người cao tuổi tỉnh tổng kết công tác năm 2014" (ow02)
    r"(?<!báo\scáo\s)(?<!hội\snghị\s)(?:sơ|tổng)\s+kết\s+công\s+tác\s+(?:năm|\d+\s+tháng)|"
    r"tổ\s+chức\s+(?:hoạt\s+động|chương\s+trình|chuyến)\s+(?:tình|thiện)\s+nguyện|"
    # a handover of a house is held with the family: "trao quyết định bàn giao nhà “Mái ấm Công đoàn”"
    # or of houses counted, or named: "đã bàn giao 2 “Mái ấm công đoàn” cho công đoàn viên" (ea09)
    r"(?:trao|bàn\s+giao)\s+(?:quyết\s+định\s+bàn\s+giao\s+)?(?:\d+\s+)?(?:căn\s+|ngôi\s+)?(?:nhà\b|[“\"]?[Mm]ái\s+ấm\b)|"
    r"lễ\s+bàn\s+giao|"
    # a survey of opinion held among the people: "tổ chức điều tra dư luận xã hội tại xã Mỹ Đức"
    r"tổ\s+chức\s+điều\s+tra\s+(?:dư\s+luận|xã\s+hội\s+học))",
    re.I,
)
_PLENUM_NAME = re.compile(
    r"Hội\s+nghị\s+(?:lần\s+thứ\s+\S+\s+(?:của\s+)?(?:Ban\s+Chấp\s+hành|BCH)\s+Trung\s+ương|Trung\s+ương|TW|TƯ|"
    r"BCH\s+Trung\s+ương)",
    re.I,
)  # not a mass organisation's plenum: "Tại hội nghị lần thứ nhất Ban Chấp hành Hội Liên hiệp Phụ nữ Việt Nam …"
# "Nghị quyết Đại hội Đảng bộ huyện", "Nghị quyết Hội nghị …", "tinh thần Đại hội XII của Đảng": a gathering's
# resolution or spirit, not a gathering reported.
_RESOLUTION_OF = re.compile(r"(?:nghị\s+quyết|tinh\s+thần)\s+(?:của\s+)?$", re.I)


# "Hướng đến Đại hội VIII Hội Nông dân", "chào mừng Đại hội", "kế hoạch chỉ đạo Đại hội", "chuẩn bị Đại hội": a
# gathering to come, worked towards or planned, not one held.
_TOWARDS = re.compile(
    r"(?:hướng\s+(?:đến|tới)|chào\s+mừng|tiến\s+tới|trước\s+thềm|ban\s+chỉ\s+đạo|chuẩn\s+bị|kế\s+hoạch(?:\s+chỉ\s+đạo)?|văn\s+kiện\s+trình|"
    r"tuyên\s+truyền(?:\s+về)?|\bđể)\s+"
    r"(?:tổ\s+chức\s+)?$",  # "góp ý vào các dự thảo văn kiện trình Đại hội": a congress still to come
    re.I,
)


def _gathering(text: str) -> bool:
    """The text reports a gathering (_GATHERING), not a plenum, a gathering's resolution or one worked towards."""
    return not _PLENUM_NAME.search(text) and any(_gatherings(text))


def _gatherings(text: str) -> list[re.Match[str]]:
    """The gatherings a text names (_GATHERING), less a gathering's resolution and one worked towards."""
    return [
        m
        for m in _GATHERING.finditer(text)
        if not _RESOLUTION_OF.search(before := text[max(0, m.start() - 20) : m.start()]) and not _TOWARDS.search(before)
    ]


_LAW_DATE = re.compile(r"\bLuật(?:\s+[^\s\d,.;:()“”\"]+){1,14}\s+(?:ngày\s+)?$")
_LEGAL_BASIS = re.compile(r"\W*Căn\s+cứ\b")
# "Vừa qua, Ban Dân vận Huyện ủy tổ chức …", "Hội ND thành phố vừa tổng kết công tác hội" (ip12): an undated event in
# the lede happened just before the page's date.
_RECENT = re.compile(
    r"\b(?:[Vv]ừa\s+qua|[Mm]ới\s+đây|[Vv]ừa\s+(?:tổ\s+chức|có\s+buổi|đến|(?:thành\s+lập\s+và\s+)?ra\s+mắt|(?:sơ|tổng)\s+kết))\b"
)
# "Trong dịp Tết Nguyên đán vừa qua, …": a gathering of a holiday past, weeks before the page, not of the page's day.
_PAST_HOLIDAY = re.compile(r"\b(?:[Dd]ịp|[Tt]rong)\s+(?:[Tt]ết|[Ll]ễ)\b[^,.;]{0,30}?\bvừa\s+qua\b")
# "Trước đây, vào những ngày lễ hội … không có mái vòm để tổ chức" (tuning s808), "Những năm qua, … Hội đã tổ chức"
# (qy08): a sentence opened on times long past tells the background, not a gathering of the page's day.
_LONG_AGO = re.compile(r"\s*(?:Trước\s+(?:đây|kia)|Ngày\s+trước|(?:Những|Nhiều)\s+năm\s+(?:qua|trước))\b")
# A headline that is a document's title ("Kế hoạch sơ kết 5 năm thực hiện …") reports no gathering.
_DOCUMENT_TITLE = re.compile(
    r"\s*(?:Kế hoạch|Chỉ thị|Nghị quyết|Quyết định|Quy định|Hướng dẫn|Thông báo|Kết luận|Công văn)\b"
)
# A launch: "Lễ phát động Tháng Nhân đạo", "khởi động Tháng Thanh niên", "ra quân".
_LAUNCH = re.compile(r"\b(?:phát|khởi)\s+động\b|\bra\s+quân\b", re.I)
# A campaign over a span of days is an event: "Tháng cao điểm “Vì người nghèo” từ ngày 17/10 đến ngày 18/11/2019".
_CAMPAIGN = re.compile(r"\b(?:[Tt]háng|[Đđ]ợt)\s+cao\s+điểm|\b[Cc]hiến\s+dịch\b|\b[Đđ]ợt\s+(?:công\s+tác|ra\s+quân)\b")
# Happenings the rules leave to the model: a handover ("đã trao 500 triệu đồng … tới Ủy ban MTTQ", "bàn giao Công
# trình thanh niên", "tặng 420 suất quà"), an opening or a groundbreaking ("khai trương cửa hàng", "khánh thành",
# "khởi công"), a ceremony attended ("tới dự lễ khai giảng"), a homage trip ("về nguồn"), a mobilisation ("huy động
# nhiều bạn trẻ", not "huy động được" a sum).
_HAPPENING = re.compile(
    r"\b(?:(?:trao|tặng|bàn\s+giao|trao\s+tặng|tiếp\s+nhận)\s+(?:(?:hơn|gần|trên|khoảng)\s+)?"
    r"(?:\d|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s|"
    r"[Cc]ông\s+trình|tặng|[Mm]ái\s+ấm|(?:căn\s+)?nhà\b|quà\b|(?:nguồn\s+)?ủng\s+hộ|(?:số\s+)?tiền\b|hỗ\s+trợ|"
    r"kinh\s+phí|học\s+bổng|cho\b)|đã\s+ủng\s+hộ\s+số\s+tiền|phát\s+(?:\d[\d.]*\s+)?(?:suất\s+|phần\s+)?quà|"
    r"khai\s+trương|khánh\s+thành|"
    r"khởi\s+công|động\s+thổ|giải\s+ngân|khai\s+giảng|về\s+nguồn|huy\s+động\s+(?!được)|(?:tới\s+|đến\s+)?dự\s+lễ)"
)
# A title makes a visit on its own only with one of these (not "tổ chức", which headlines use for anything).
# … but "làm tốt công tác giám sát", "nâng cao chất lượng giám sát" name a field of work, not a gathering.
_TITLE_EVENT = re.compile(
    r"(?<!công tác )(?<!hoạt động )(?<!chất lượng )(?<!vai trò )(?<!hiệu quả )(?<!chức năng )(?<!giải pháp )(?<!trong )"
    r"(?:khảo sát|kiểm tra|giám sát)"
    r"(?!\s+\d)|"  # not a tally: "Giám sát 234 công trình xây dựng ở cộng đồng"
    r"làm việc với|hội nghị|tổng kết|sơ kết",
    re.IGNORECASE,
)
# "làm việc tại tỉnh Bạc Liêu": where a gathering is held.
_AT = re.compile(r"\b(?:tại|đến làm việc với|về làm việc với|(?:đến|tới)(?: thăm)?|(?:người|nhân) dân|đồng bào)\s*$")
# "tính đến ngày 31/12/2025, Quỹ … đã vận động được", "Đến hết ngày 20-10, có 135/135 đơn vị …", a sentence or a
# clause opened by "đến ngày …" ("Đối với tỉnh Cà Mau, đến ngày 11/3, đã có …", "(GLO)- Đến đầu tháng 5-2023, có …",
# "đến tuần đầu tháng 4/2019, đã hoàn thành …"), "tính đến thời điểm ngày 13/3": the day figures are counted to;
# "đến" after a word within a clause too ("giải ngân đến 30/9/2025, số tiền …", "tiếp nhận ý kiến đến ngày
# 12.2.2026"), but not a day a gathering is put off to or runs to ("lùi đến", "diễn ra đến", "từ sáng đến chiều").
_AS_OF = re.compile(
    r"(?:\b[Tt]ính\s+(?:đến|tới|từ)\s+(?:hết\s+)?|\b[Kk]ể\s+từ\s+|\b(?:[Đđ]ến|[Tt]ới)\s+hết\s+|"
    r"(?<=[^\W\d_]\s)(?<!lùi\s)(?<!dời\s)(?<!hoãn\s)(?<!chuyển\s)(?<!ra\s)(?<!dài\s)(?<!từ\s)(?<!sáng\s)(?:đến|tới)\s+|"
    r"\b[Tt]ừ\s+(?:năm\s+)?(?:19|20)\d{2}\s+(?:đến|tới)\s+|"  # "từ năm 2021 đến tháng 6/2023": a period reviewed
    r"(?:^|[.;:,\n)–-]\s*)(?:[Đđ]ến|[Tt]ới)\s+)(?:(?:tại\s+)?thời\s+điểm\s+)?(?:cuối\s+|hết\s+|(?:tuần\s+)?đầu\s+)?"
    r"(?:\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?\s+)?(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?"
    r"(?:(?:ngày|tháng)\s+)?$"  # "tính đến 17h ngày 11/10", "tính đến chiều 13/9" (qtp02)
    # the day it calls now: "đến nay ( 26/3/2024) 17/17 xã …" (sl12)
    r"|\b(?:[Đđ]ến|[Tt]ới|[Hh]iện)\s+nay\s*\(\s*(?:ngày\s*)?$"
)
# A count of gatherings ("5 hội nghị", "236 cuộc") in a sentence dated by a span of over two weeks tallies that
# period ("Từ ngày 12/4 đến ngày 5/5, MTTQ các cấp … đã tổ chức 236 cuộc giám sát"); a round of nine days that
# "tổ chức 10 lớp" is still one gathering.
_TALLY = re.compile(
    r"\d[\d.]*\s+(?:cuộc|buổi|hội nghị|đoàn|lượt|lớp|hội thi|đợt|cơ sở)\b|"
    # "(từ 1/7 đến ngày 22/7), … đã thực hiện nhiều công trình, phần việc", not the campaign's plan "… được triển khai
    # sôi nổi từ tháng 6 đến tháng 8/2023 với nhiều công trình, phần việc" (ox02)
    r"(?<!\bvới\s)\bnhiều\s+công\s+trình,\s+phần\s+việc"
)
_FEW_DAYS = 3  # a gathering of a few days: a congress, a conference over a weekend
# the rounds a plan is split into, no tally: "chia làm 2 đợt"
_SPLIT_INTO = re.compile(r"\bchia\s+(?:làm|thành)\s+$")
_LONGEST_GATHERING = 14  # days
_LONGEST_CAMPAIGN = 183  # days: a longer span is a period under review, never one gathering or campaign
# "hoàn thành trước ngày 30/4/2024", "Hoàn thành Đại hội MTTQ cấp xã trước tháng 3/2019", "hoàn thành Hội nghị Ban
# công tác Mặt trận ấp trong tháng 12 năm 2018" (d402), "dứt điểm vào cuối tháng 4/2018", "phấn đấu đến 20/3/2019 sẽ
# hoàn tất", a campaign's phase "từ nay đến 30/10", a cut-off "Sau 24h00 ngày 31/1/2026", the day a campaign lasts to
# "sẽ diễn ra đến ngày 31/3/2026" (ao08), a day set to finish by "hoàn thành vào ngày 22/12/2021" (tg03), "hoàn thành
# chậm nhất ngày 15-10-2024" (qsg04), "báo cáo … chậm nhất vào ngày 9/11/2022" (p447): a deadline opens no event (it
# may close a span: "từ tháng 3 … trước ngày 30-5").
_DEADLINE = re.compile(
    r"\b(?:(?:[Hh]oàn\s+thành|xong|kết\s+thúc)\s+(?:\w+\s+){0,8}?(?:trước|trong)|xong\s+vào|[Hh]oàn\s+thành(?:\s+vào)?|"
    r"chậm\s+nhất(?:\s+(?:là|vào))?|dứt\s+điểm\s+(?:vào|trong|trước)(?:\s+cuối)?|"
    r"phấn\s+đấu\s+(?:đến|tới|trước)|từ\s+nay\s+(?:đến|tới)|(?:diễn\s+ra|kéo\s+dài)\s+(?:đến|tới)(?:\s+hết)?|"
    r"(?<![Nn]gay\s)\b[Tt]rước(?=\s+ngày)|"
    r"[Ss]au\s+\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?)\s+"
    r"(?:(?:ngày|tháng)\s+)?(?:[^\d()\n.;]{1,40}\(\s*)?$"  # "hoàn thành trước ngày Sinh nhật Bác (19/5)"
)
# … or after it: "trong tháng 5 sẽ hoàn thành"
_DONE_BY = re.compile(r"\s*,?\s*(?:sẽ|phải)\s+(?:hoàn\s+thành|xong)\b", re.I)


def _deadline(text: str, hit: DateHit) -> bool:
    """The date is a deadline: "hoàn thành trước ngày 30/5", "phấn đấu đến 20/3", and "sẽ xong trong tháng 8",
    whose month's date holds its cue ("trong tháng 8"): the words before are read up to the cue's end."""
    cue = re.match(r"(?:trong|trước)\s+", text[hit.start : hit.end], re.I)
    end = hit.start + (cue.end() if cue else 0)
    # or the cue after it: "đối với cấp huyện đã hoàn thành 09/11 đơn vị và trong tháng 5 sẽ hoàn thành" (co06)
    return _DEADLINE.search(text, max(0, end - 80), end) is not None or bool(cue and _DONE_BY.match(text, hit.end))


# "từ tháng 3-2020 … trước ngày 30-5-2020": the words that close a span of dates.
# "từ ngày 03/10 đến hết ngày 07/10/2022": a span closed "đến hết ngày" is no "as of" day.
_SPAN_OPEN = re.compile(
    r"\btừ\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s+(?:đến|tới)\s+hết\s+(?:ngày\s+)?$"
)
_SPAN_CLOSE = re.compile(r"(?:đến|tới|trước|hoàn thành trước|kết thúc)\s*(?:hết\s*)?(?:ngày\s*)?$")
# "Trong đó, 194 mô hình …" continues the fact before it, period included.
_CONTINUES = re.compile(r"^\s*\(?\s*(?:[Tt]rong\s+đó|[Gg]ồm|[Cc]ụ\s+thể)\b")
# "toàn huyện", "của huyện": the number belongs to the district the article is about.
_DISTRICT_WORD = re.compile(r"\b(?:toàn\s+huyện|của\s+huyện|huyện\s+(?:đã|có|còn))\b")
_INDICATOR_FILLER = {"được", "các", "của", "và", "số", "có", "tỷ", "tỉ", "lệ", "trong", "theo", "do", "đã", "lũy", "kế"}
_ACRONYMS = {
    "kdc": "khu dân cư",
    "htx": "hợp tác xã",
    "ntm": "nông thôn mới",
    "tthc": "thủ tục hành chính",
    "kntc": "khiếu nại tố cáo",
    "qcdc": "quy chế dân chủ",
    "ubnd": "ủy ban nhân dân",
    "mttq": "mặt trận tổ quốc",
    "hđnd": "hội đồng nhân dân",
    "cqtt": "chính quyền thân thiện",
}
MAX_QUOTE = 300
# A date this many years before the article's year is history ("Ngày truyền thống 15/10/1930"), not its event.
_HISTORY_YEARS = 5
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*[,-]?\s*$")
_NO_YEAR = 2000  # a leap year, so that a bare 29/2 still parses


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_T = TypeVar("_T", bound=_Located)


class _Index(Generic[_T]):
    """Items sorted by start offset, so that those inside a span are found without scanning them all."""

    def __init__(self, items: list[_T]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[_T]:
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


@dataclass
class Context:
    """What one extraction knows: the article, its dates, places and documents."""

    article: Article
    registry: Registry | None
    published: Published
    pub_hit: DateHit | None
    year: int | None
    year_note: str | None
    dates: list[DateHit]
    docs: list[DocHit]
    places: list[PlaceHit]
    province: str | None
    province_note: str | None
    district: str | None
    on: dt.date | None
    indicators: list[dict[str, Any]]
    outlet: str | None = None  # the publishing outlet's province (--province, the page's url), scheme 63
    outlet_note: str | None = None  # how the outlet's province is known
    portal: tuple[str, str, str] | None = None  # a district's portal the page is on: (province, district, host)
    notes: list[str] = field(default_factory=list)
    # Registry look-ups already made: a 63-scheme code → the code of its unit after the merger; (scheme, code) → name.
    merged_codes: dict[str, str] = field(default_factory=dict)
    unit_names: dict[tuple[Scheme, str | None], str] = field(default_factory=dict)
    indicator_weights: dict[str, dict[str, float]] | None = None
    # Per paragraph (start, end): its places, province, district, commune and document codes, for its events.
    paragraph_facts: dict[tuple[int, int], tuple[Any, ...]] = field(default_factory=dict)
    # Dates the rules set aside as no gathering (a document's date, "tính đến", a deadline, a period reviewed or
    # tallied, a day inside a gathering of a few days): the event model may not make them events.
    vetoed: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.date_ix, self.doc_ix, self.place_ix = _Index(self.dates), _Index(self.docs), _Index(self.places)


# --- entry points --------------------------------------------------------------------------------------------


def extract_file(
    path: str | Path,
    registry: Registry | None = None,
    *,
    published: str | None = None,
    province: str | None = None,
    indicators: list[dict[str, Any]] | None = None,
    url: str | None = None,
) -> Draft:
    """Read a file (IngestError on binary, Windows-1258, too large, missing) and draft its records."""
    return extract(read_article(path), registry, published=published, province=province, indicators=indicators, url=url)


def extract_text(
    text: str,
    registry: Registry | None = None,
    *,
    published: str | None = None,
    province: str | None = None,
    indicators: list[dict[str, Any]] | None = None,
    url: str | None = None,
) -> Draft:
    """As extract_file, for a text already in memory (HTML is stripped, NFD composed)."""
    return extract(prepare(text), registry, published=published, province=province, indicators=indicators, url=url)


def extract(
    article: Article,
    registry: Registry | None = None,
    *,
    published: str | None = None,
    province: str | None = None,
    indicators: list[dict[str, Any]] | None = None,
    url: str | None = None,
) -> Draft:
    """The draft: source, visits, documents, observations, each item with a confidence and a verbatim quote.

    `province`: the outlet's province (a code or a name) when the curator knows it; else the page's `url`, else a
    web address the text itself gives ("(Baothanhhoa.vn) -"), may name it."""
    if not article.text.strip() or not looks_vietnamese(article.text):
        if article.text.strip():
            article.notes.append("Không thấy văn bản tiếng Việt: không trích xuất số liệu, ngày tháng hay văn bản.")
        pub = Published(published, None, None, 1.0 if published else 0.0)
        return Draft(_source(article, pub, None, None))
    ctx = _context(article, registry, published, province, indicators or [], url)
    article = ctx.article
    draft = Draft(
        # the article's province: the one the text is about, else its outlet's (a Thanh Hóa paper's report from Sơn La
        # is Sơn La's; the note names the outlet's too)
        _source(article, ctx.published, _scheme_code(ctx, ctx.province, ctx.on), _source_note(ctx)),
        _sessions_joined(_chosen(ctx, _visits(ctx))),
        _documents(ctx),
        _observations(ctx),
    )
    draft.source.district = ctx.district if draft.source.province else None
    if draft.is_empty():
        ctx.notes.append("Không tìm thấy sự kiện, văn bản hay số liệu nào trong bài.")
    draft.source.notes = article.notes + ctx.notes
    return draft


def event_examples(
    path: str | Path, registry: Registry | None, *, province: str | None, indicators: list[dict[str, Any]]
) -> tuple[list[tuple[str, dict[str, float]]], set[str]]:
    """The dates of a text the event model weighs, each with its features, as `extract` sees them before the model
    chooses, and the event dates the rules decide alone (for scripts/train_event_model.py)."""
    article = read_article(path)
    if not article.text.strip() or not looks_vietnamese(article.text):
        return [], set()
    ctx = _context(article, registry, None, province, indicators)
    visits = _visits(ctx)
    weighed = _weighed(ctx, visits, date_candidates(ctx, visits))
    judged = {key for key, _ in weighed}
    fixed = {key for v in visits if (key := event_key(v)) and key not in judged}
    return weighed, fixed


def _context(
    article: Article,
    registry: Registry | None,
    published: str | None,
    province: str | None,
    indicators: list[dict[str, Any]],
    url: str | None = None,
    trim: bool = True,
) -> Context:
    """What one extraction knows of the article; once, lines that look like another article's headline left out."""
    pub, pub_hit = publication(article, published)
    year, year_note = reference_year(article, pub.date)
    # With no year to give a bare "9/1", it is read with a stand-in year; only its own sentence can then date it.
    sentences = article.sentences()
    starts = [s.start for s in sentences]

    def sentence_of(hit: DateHit) -> str:
        return sentences[bisect_left(starts, hit.start + 1) - 1].text

    dates = [
        place_in_year(h, pub.date, sentence_of(h))
        for p in article.paragraphs
        for h in find_dates(p.text, default_year=year or _NO_YEAR, base=p.start)
    ]
    if pub_hit is not None:
        dates = [h for h in dates if (h.start, h.end) != (pub_hit.start, pub_hit.end)]
    # "Đồng Nai phát động … 12:00 22/10/2020 (Mặt trận) -Sáng 21-10": the page's day after a clock time is its stamp
    dates = [
        h for h in dates if not (_hit_key(h) == pub.date and _CLOCK.search(article.text, max(0, h.start - 20), h.start))
    ]
    history = anniversaries(article.text)  # "kỷ niệm 84 năm … (18-11-1930/ 18-11- 2014)": no event's date
    dates = [h for h in dates if not any(s <= h.start < e for s, e, _ in history)]
    # "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015": a law named with its date, in the legal
    # basis a decision opens with (not "Hội nghị tuyên truyền Luật Đất đai ngày 15/3")
    dates = [
        h
        for h in dates
        if not (_LAW_DATE.search(article.text, max(0, h.start - 150), h.start) and _LEGAL_BASIS.match(sentence_of(h)))
    ]
    if pub.date is None:
        texts = [s.text for s in sentences]
        term, ahead, spans = congress_term(texts), congress_ahead(texts), span_ends(texts)
        dates = [sentence_year(h, sentence_of(h), term, ahead, spans) for h in dates]
        dates = around_new_year(dates, article.text)
        dates = after_reviewed_year(dates, year, article.text)
    in_content = _in_content(article)
    docs = [d for d in find_documents(article.text, registry.documents if registry else ()) if in_content(d.start)]
    if year is None:
        dated_docs = [(d.start, max(d.end, d.quote_end)) for d in docs]
        dates = [h for h in neighbours_year(dates, dated_docs, sentence_of) if h.has_year or h.year_note]
    dates = [h for h in dates if h.day.year >= EARLIEST_YEAR]  # "tháng 8/1945": the history a text recalls
    on = _reference_day(pub.date, dates, year)
    era = None if on is not None else new_scheme_only(article.text, registry)
    if era is not None:  # an undated text that names a unit of the new scheme was written after the merger
        on = MERGER_DATE
    elif not pub.date and not dates and year in (None, MERGER_DATE.year) and old_scheme_only(article.text, registry):
        # a text of 2025, or of no year, that names a district ("thị xã Vĩnh Châu") was written before the merger:
        # its term's targets to 2025 or 2030 keep the province of then (v405, w601)
        on = OLD_DAY
    outlet, outlet_note = outlet_of(province, url, article.text, registry)
    places = _places(article, registry, outlet, on)
    code = main_province(places)
    note = province_reason(places, code) if code else None
    if code is not None and outlet is not None and code != outlet and _named_in_passing(places, code, article.text):
        code = None  # "UBMTTQ Việt Nam tỉnh tổ chức hội nghị … hỗ trợ tỉnh Điện Biên": the outlet's own province
    if code is None and outlet is not None:
        code, note = outlet, f"Bài không nêu tên tỉnh: lấy theo nơi đăng bài ({outlet_note})."
    district = main_place(places, ("district", "city", "town"), code)
    notes = [] if registry is not None else ["Không có danh mục địa danh (data/): không xác định tỉnh, huyện."]
    for hit in {h.text: h for h in places if h.ambiguous}.values():
        notes.append(
            f"“{hit.text}” có thể là {len(hit.candidates)} đơn vị: "
            + "; ".join(hit.candidates[:6])
            + (" …" if len(hit.candidates) > 6 else "")
            + " — chưa chọn, người nhập cần chọn."
        )
    places = [h for h in places if not h.ambiguous]
    if era is not None:
        notes.append(f"Bài không ghi ngày; “{era}” chỉ có từ 1/7/2025 nên tỉnh ghi theo mã sau sắp xếp.")
    if province and outlet is None:
        notes.append(f"Không nhận ra tỉnh “{province}” (--province).")
    ctx = Context(
        article,
        registry,
        pub,
        pub_hit,
        year,
        year_note,
        dates,
        docs,
        places,
        code,
        note,
        district,
        on,
        indicators,
        outlet,
        outlet_note if outlet else None,
        outlet_district(url, registry),
        notes,
    )
    related, banner = (_related_headlines(ctx), _banner(article)) if trim else ([], None)
    if related or banner:
        article = replace(article, paragraphs=[p for p in article.paragraphs if p not in related and p is not banner])
        if banner:
            article.notes.append(f"Bỏ qua khẩu hiệu của trang ở đầu bài: “{banner.text}”.")
        if related:
            article.notes.append(
                "Bỏ qua dòng có vẻ là tiêu đề hoặc lời dẫn của bài khác (nêu tỉnh khác mà không có dấu câu, hoặc "
                "nhiều dòng liền nhau bị cắt giữa câu): " + "; ".join(f"“{p.text}”" for p in related)
            )
        return _context(article, registry, published, province, indicators, url, trim=False)
    return ctx


# A site's slogan over every page ("CHÀO MỪNG KỶ NIỆM 94 NĂM NGÀY THÀNH LẬP MẶT TRẬN … (18/11/1930-18/11/2024)"): its
# years are the day the page was read, not the article's.
_SLOGAN = re.compile(r"\W*(?:NHIỆT\s+LIỆT\s+)?CHÀO\s+MỪNG\s")


def _banner(article: Article) -> Span | None:
    """The slogan line atop the page, in capitals throughout, when text follows it."""
    first = article.paragraphs[0] if len(article.paragraphs) > 1 else None
    if first is not None and _SLOGAN.match(first.text) and first.text == first.text.upper():
        return first
    return None


# A line's closing mark, but for a parenthesis: a headline may end with one ("… Điện Biên Phủ (7/5/1954 – 7/5/2024)").
_CLOSED = re.compile(r"[.!?…:;”\"'\]]\s*$")


# A teaser cut off mid-sentence: "Sở Y tế Hải Phòng vừa tổ chức Hội nghị bàn giao 114 trạm y tế từ…".
_CUT_SHORT = re.compile(r"\w(?:…|\.{3})$")


def _teaser(para: Span) -> bool:
    return 4 <= len(para.text.split()) <= 30 and bool(_CUT_SHORT.search(para.text))


def _related_headlines(ctx: Context) -> list[Span]:
    """Headlines of other articles the page lists between paragraphs ("Gia Lai huy động trên 670 triệu đồng ủng hộ tỉnh
    Điện Biên …" in a report from Đồng Nai): a short line with no closing mark, after the headline, that names
    provinces but not the article's; a link line marked "> " ("> 3 tập thể T.Ư Đoàn được Thủ tướng tặng bằng
    khen"); or one of three or more leads in a row, each cut off mid-sentence (qrb06, ot01)."""
    related = []
    paragraphs = ctx.article.paragraphs[1:]
    runs = [(cut, list(run)) for cut, run in itertools.groupby(paragraphs, key=_teaser)]
    teasers = [p for cut, run in runs if cut and len(run) >= 3 for p in run]
    for para in paragraphs:
        if para in teasers:
            related.append(para)
            continue
        if not 4 <= len(para.text.split()) <= 30 or _CLOSED.search(para.text) or "Ảnh" in para.text:
            continue
        named = {h.province for h in ctx.place_ix.within(para.start, para.end) if h.province}
        if para.text.startswith("> ") or (ctx.province is not None and named and ctx.province not in named):
            related.append(para)
    return related


def _source_note(ctx: Context) -> str | None:
    if ctx.outlet is None or ctx.outlet == ctx.province or ctx.province_note is None:
        return ctx.province_note
    name = ctx.registry.unit(OLD_SCHEME, ctx.outlet) if ctx.registry else None
    return f"{ctx.province_note} Nơi đăng bài ở {name.name_vi if name else ctx.outlet} ({ctx.outlet_note})."


def _in_content(article: Article) -> Callable[[int], bool]:
    starts = [p.start for p in article.paragraphs]

    def inside(pos: int) -> bool:
        i = bisect_left(starts, pos + 1) - 1
        return i >= 0 and pos < article.paragraphs[i].end

    return inside


def _reference_day(published: str | None, dates: list[DateHit], year: int | None) -> dt.date | None:
    """The day that decides the province scheme: publication, else the first event date, else the year's end."""
    if published:
        return _last_day(published)
    if dates:
        return dates[0].day
    return dt.date(year, 12, 31) if year else None


def _places(article: Article, registry: Registry | None, outlet: str | None, on: dt.date | None) -> list[PlaceHit]:
    """Two passes: find the main province (else take the outlet's), then read ambiguous names ("xã Tân Lập")
    inside it."""
    first = [h for p in article.paragraphs for h in find_places(p.text, registry, outlet, base=p.start, on=on)]
    hint = main_province(first)
    if hint is not None and hint != outlet:
        first = [h for p in article.paragraphs for h in find_places(p.text, registry, hint, base=p.start, on=on)]
    # "Chợ Đồn: Công nhận …", "Nghi Hải triển khai …": the headline opens with a bare place name.
    head = next((p for p in article.paragraphs[:2] if len(p.text.split()) >= 5), None)
    found = headline_place(head.text, registry, hint or outlet, base=head.start) if head else None
    if found is not None and not any(h.start < found.end and found.start < h.end for h in first):
        first = sorted([*first, found], key=lambda h: h.start)
    return _dissolved_homonyms(first, outlet, registry)


def _dissolved_homonyms(hits: list[PlaceHit], outlet: str | None, registry: Registry | None) -> list[PlaceHit]:
    """Without the communes of a province the text names only through them, when the text names a district of the
    outlet's province and nothing else of theirs: "BCH Đoàn xã Xuân Tân … Huyện Đoàn Thọ Xuân" in a Thanh Hóa paper
    of 2013 is Thọ Xuân's xã Xuân Tân, dissolved in a merger before 2025 and so missing from the gazetteer, not
    Nam Định's commune of that name. So too, whatever the outlet, when a district the text names once had a commune
    of that name: "Hội CCB xã Sơn Trà … Hội CCB huyện Hương Sơn" is Hương Sơn's xã Sơn Trà, merged away, not Quảng
    Ngãi's living one."""
    communes = ("commune", "ward", "township")  # xã, phường, thị trấn
    named = {h.province for h in hits if h.level not in communes}  # provinces, districts: named for themselves
    districts = {(h.province, name_key(h.name)) for h in hits if h.level not in communes and h.level != "province"}
    if registry is not None and districts:
        gaz = registry.gazetteer

        def once_there(hit: PlaceHit) -> bool:
            return any(
                (old.province_code, name_key(unit.name)) in districts
                for old in gaz.former_namesakes(hit.name)
                if old.district_code and (unit := gaz.place(OLD_SCHEME, "district", old.district_code))
            )

        hits = [h for h in hits if h.level not in communes or h.province in named or not once_there(h)]
    if outlet is None or not any(h.level not in communes and h.province == outlet for h in hits):
        return hits
    return [h for h in hits if h.level not in communes or h.province == outlet or h.province in named]


def outlet_of(province: str | None, url: str | None, text: str, registry: Registry | None) -> tuple[str | None, str]:
    """The outlet's province (scheme 63) and how it is known: the curator's --province, else the page's url, else a
    web address in the text; (None, "") when none names one."""
    if code := outlet_code(province, registry):
        return code, "do người nhập cung cấp"  # a note leaders read on the source page: no option names
    for where, hint in (("địa chỉ trang", url or ""), ("địa chỉ trang ghi trong bài", text)):
        if found := outlet_from_web(hint, registry):
            return found[0], f"suy ra từ {where} “{found[1]}”"
    return None, ""


def outlet_code(province: str | None, registry: Registry | None) -> str | None:
    """The outlet's province as a 63-scheme code, from a code (\"06\") or a name (\"Bắc Kạn\"); None when unknown."""
    if not province:
        return None
    if re.fullmatch(r"\d{2}", province.strip()):
        return province.strip()
    unit = registry.province(province, scheme=OLD_SCHEME) if registry else None
    return unit.code if unit else None


def _scheme_code(ctx: Context, code: str | None, on: dt.date | None) -> str | None:
    """Codes are found in the 63-province scheme; a record dated from 1/7/2025 gets its merged province's code."""
    if code is None or on is None or scheme_on(on) == OLD_SCHEME or ctx.registry is None:
        return code
    if code not in ctx.merged_codes:
        unit = ctx.registry.unit(OLD_SCHEME, code)
        merged = ctx.registry.province(unit.name_vi, scheme=NEW_SCHEME) if unit else None
        ctx.merged_codes[code] = merged.code if merged else code
    return ctx.merged_codes[code]


# "tỉnh" with no name after it: "UBMTTQ Việt Nam tỉnh tổ chức", "toàn tỉnh", "của tỉnh."
_BARE_PROVINCE = re.compile(r"\btỉnh\b(?!\s+[A-ZĐ])")


def _named_in_passing(places: list[PlaceHit], code: str, text: str) -> bool:
    """The only province named, once, in a text that otherwise says just "tỉnh" (a provincial outlet's own
    report): that province is a recipient or a guest, not what the text is about."""
    return sum(1 for h in places if h.province == code) == 1 and len(_BARE_PROVINCE.findall(text)) >= 3


# --- source --------------------------------------------------------------------------------------------------


# An office's report opens with its letterhead (the issuing body, "Số: 12-BC/BDVTU", the place and date) and then
# its kind and subject: "BÁO CÁO" / "Tổng kết công tác dân vận năm 2023" is the title, not "BAN DÂN VẬN TỈNH ỦY".
_REPORT_KIND = re.compile(
    r"(?:BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|THÔNG BÁO|TỜ TRÌNH|HƯỚNG DẪN|NGHỊ QUYẾT|CHỈ THỊ|QUYẾT ĐỊNH|KẾT LUẬN|ĐỀ ÁN)"
    r"(?=\s|$)"
)
_LETTERHEAD_LINES = 8
_OWN_NUMBER = re.compile(r"\s*Số\s*:\s*\S")  # the letterhead's "Số: 45-BC/BDVHU": the report's own number
_OWN_LINE_NOTE = (
    "Số ghi ở đầu văn bản, dưới tên cơ quan: có thể là số của chính văn bản này, không phải văn bản nó nhắc tới."
)
_OWN_NUMBER_LOOSE = re.compile(r"Số\s+\d+\s*[-/]\s*[\w/.-]+")  # "Số 45-BC/BDVHU" alone on its line


def _report_title(article: Article) -> str | None:
    """An office document's own title, its kind word in capitals opening a line of the letterhead's first lines,
    with the subject on the next line when the kind stands alone ("BÁO CÁO" / "Kết quả công tác dân vận năm 2023")."""
    heads = article.paragraphs[:_LETTERHEAD_LINES]
    for i, para in enumerate(heads):
        if _REPORT_KIND.match(para.text.strip()):
            alone = len(para.text.split()) <= 2 and i + 1 < len(heads)
            return f"{para.text.strip()} {heads[i + 1].text.strip()}" if alone else para.text.strip()
    return None


def _date_line(text: str) -> bool:
    """A header's short dated line, a site's bar or a stamp ("Thứ Năm, ngày 21/06/2018 00:37 AM (GMT+7)"): neither the
    title nor the lede."""
    return len(text) <= 60 and any(h.has_year for h in find_dates(text))


def _source(article: Article, pub: Published, province: str | None, province_note: str | None) -> SourceDraft:
    title = _report_title(article) or next(
        (p.text for p in article.paragraphs if len(p.text.split()) >= 5 and not _date_line(p.text)), None
    )
    return SourceDraft(
        file=article.name,
        title=fold_space(title) if title else None,  # a title hard-wrapped in a PDF is one line
        published=pub.date,
        published_note=pub.note,
        published_quote=pub.quote,
        province=province,
        province_note=province_note if province else None,
        confidence=round(pub.confidence, 2),
        notes=list(article.notes),
    )


# --- visits --------------------------------------------------------------------------------------------------


@dataclass
class _Event:
    sentence: Span
    paragraph: Span
    start: DateHit | None
    end: DateHit | None
    from_title: bool
    yearless: bool = False  # dated in the text ("Chiều 16/5"), but the year is nowhere to be read


def _visits(ctx: Context) -> list[VisitDraft]:
    events = _events(ctx)
    title = _title(ctx)
    lede = ctx.article.paragraphs[:4]
    if (
        title is not None
        and _TITLE_EVENT.search(title.text)
        and not _DOCUMENT_TITLE.match(title.text)
        and not _PLENUM_NAME.search(title.text)
        and not _tallied(title.text)
        and not any(e.paragraph in lede for e in events)
        # "Tính đến ngày 23-1-2018, có 7/8 huyện … tổ chức tổng kết …" (rd07): a headline counting to a day tallies
        and not any(
            _AS_OF.search(ctx.article.text, max(0, h.start - 25), h.start)
            for h in ctx.date_ix.within(title.start, title.end)
        )
    ):
        events.insert(0, _Event(title, title, None, None, True))
    people = [p for para in ctx.article.paragraphs for p in find_people(para.text)]
    heads = [title, *lede] if title else list(lede)
    visits: list[VisitDraft] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    bodiless: VisitDraft | None = None
    again: list[VisitDraft] = []  # the same unnamed organiser's gathering on other days its sentence gives
    lasting: list[VisitDraft] = []  # spans with no organiser: "Đại hội sẽ diễn ra trong 2 ngày (17 và 18-7)"
    for event in events:
        # Failing a body of its own, the event's is the first one the headline and lede name before it (the lede
        # for the headline's own event).
        main_body = _first_body([s for s in heads if event.from_title or s.start <= event.paragraph.start])
        visit = _visit(ctx, event, main_body, people)
        if visit.body is None:
            if visit.date_end:
                lasting.append(visit)
            # a gathering, or a written span of days something was held ("Trong hai ngày 27 – 28/1/2026, Trung tâm …
            # tổ chức chuỗi hoạt động")
            if (
                bodiless is None
                and visit.date_start
                and (_gathering(event.sentence.text) or visit.date_end or _planned_month(visit, event, ctx))
            ):
                bodiless = visit
            elif bodiless is not None and visit.date_start and visit.quote == bodiless.quote:
                again.append(visit)
            elif (
                bodiless is not None
                and visit.date_end
                and _days(visit) <= _FEW_DAYS
                and (visit.date_start or "") > (bodiless.date_end or bodiless.date_start or "")
                and _gathering(event.sentence.text)
            ):
                # a later gathering of a few days of its own, its organiser unnamed too: "Chiều 21/12, … gặp mặt Đoàn
                # đại biểu dự Đại hội …", then "Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII diễn ra
                # từ ngày 25-27/12/2023" (jt07)
                again.append(visit)
            continue
        key = (visit.date_start, visit.date_end, visit.body)  # a launch day and the campaign it opens are two
        if key in seen:
            continue
        seen.add(key)
        visits.append(visit)
    if not visits and bodiless is None and ctx.published.date and len(ctx.published.date) == 10:
        bodiless = _undated_gathering(ctx, people)
    # the article's own event, its organiser unnamed: the curator names it; beside the named bodies' visits too (a
    # planned round "Theo kế hoạch, trong 2 ngày 24 - 26/3, Ban Thường trực Ủy ban Đoàn kết Công giáo … tổ chức đoàn
    # đến thăm"), unless it falls on a day they already hold ("Chiều 28-5, Đại hội … tổ chức ngày làm việc thứ nhất"
    # inside the congress of 28-29/5)
    held = [(v.date_start, v.date_end or v.date_start) for v in visits if v.date_start]
    if bodiless is not None and not any(s <= (bodiless.date_start or "") <= e for s, e in held):
        for visit in (bodiless, *again):
            if visit.body is None:
                visit.notes.append("Bài không nêu cơ quan tổ chức: người nhập cần ghi cơ quan.")
                visit.confidence = round(min(visit.confidence, 0.4), 2)
            visits.append(visit)
    # The headline's undated visit is the same as a dated one of the same body further down: keep the dated one.
    dated = {v.body for v in visits if v.date_start}
    visits = [v for v in visits if v.date_start or v.body not in dated]
    # A gathering of a few days told without its organiser ("Đại hội sẽ diễn ra trong 2 ngày (17 và 18-7)") is the
    # one a body opened on its first day ("Chiều 17-7, … Đại hội … khai mạc"): that visit lasts the span.
    for span in lasting:
        opened = [v for v in visits if v.date_start == span.date_start and not v.date_end]
        if len(opened) == 1 and _days(span) <= _FEW_DAYS:
            opened[0].date_end = span.date_end
    # A day inside a gathering of a few days ("Trong 02 ngày (22 và 23/8) … Đại hội", then "Sáng nay (23/8), … Đại
    # hội … tiến hành Phiên làm việc thứ hai") stays an event of its own: the tuning labels write it beside the span
    # in 20 of the 33 cases (sixtieth session).
    aside = _months_beside_days(ctx, visits)
    ctx.vetoed |= {day for v in aside if (day := event_key(v))}
    return [v for v in visits if v not in aside]


def _planned_month(visit: VisitDraft, event: _Event, ctx: Context) -> bool:
    """A month still to come, in words of the future: "Dự kiến, Đoàn trường … sẽ tiếp tục tổ chức chương trình hiến
    máu tình nguyện đợt 3 vào tháng 9 năm 2024" in a page of 6/6/2024."""
    page = ctx.published.date
    return (
        visit.date_precision == "month"
        and visit.date_start is not None
        and (page is None or visit.date_start[:7] > page[:7])
        and _CUES["se"].search(event.sentence.text) is not None
    )


def _months_beside_days(ctx: Context, visits: list[VisitDraft]) -> list[VisitDraft]:
    """Gatherings are dated to the day: beside one, a month ("Thời gian giám sát từ tháng 01/2021 - 6/2022", "trong
    tháng 8/2020, MTTQ các cấp … giám sát", a headline's "Hội Nghị nhân dân tháng 3 năm 2022" over its day) is the
    period under review, ongoing work or that gathering again, not another event. A month still to come is a
    planned gathering ("Đại hội … dự kiến đầu tháng 5/2026" in a page of 14/1/2026; in a page with no date, after its
    latest dated gathering: "Sáng nay (8/7), … Hội nghị lấy ý kiến …" then "Đại hội … dự kiến sẽ được tổ chức vào
    tháng 8 tới")."""
    days = [v.date_start for v in visits if v.date_start and v.date_precision == "day"]
    if not days:
        return []
    page = ctx.published.date[:7] if ctx.published.date else max(days)[:7]
    dated = {day[:7] for day in days}  # the months a day of which is dated
    return [
        v
        for v in visits
        if v.date_start
        and v.date_precision != "day"
        and not _campaign_opened(v, dated)
        and (
            v.date_start[:7] < page
            # the page's own month is still to come only in words of the future ("sẽ", "dự kiến"), unless a day of it
            # is dated: "LĐLĐ Thành phố dự kiến sẽ tổ chức chương trình … vào ngày 26/1/2019" (ec01)
            or (v.date_start[:7] == page and not _CUES["se"].search(v.quote or ""))
            or v.date_start[:7] in dated
        )
    ]


def _campaign_opened(visit: VisitDraft, dated: set[str]) -> bool:
    """A campaign's months opened by a launch the text dates ("Chiều ngày 26/06, Ban chỉ đạo hè huyện … tổ chức Ra
    quân chiến dịch …", then "chiến dịch … được triển khai sôi nổi từ tháng 6 đến tháng 8/2023"): its span is an
    event of its own, beside the launch day (p46)."""
    return bool(
        visit.date_end
        and visit.date_start
        and (_CAMPAIGN.search(visit.quote or "") or _DEPLOYED_MONTHS.search(visit.quote or ""))
        and visit.date_start[:7] in dated
    )


_DEPLOYED_MONTHS = re.compile(r"triển\s+khai\s+(?:\w+\s+){0,2}?từ\s+tháng", re.I)


# --- which dates are the text's own gatherings: the event model (event_model.py) --------------------------------

# Word groups whose presence in a date's sentence, or just before or after the date, the model weighs.
_CUES = {
    "vua": re.compile(r"\bvừa\b|vừa qua|mới đây", re.I),
    "chobiet": re.compile(r"cho biết|thông tin|phát biểu|nhấn mạnh", re.I),
    "banhanh": re.compile(r"ban hành|ký|quyết định số|kế hoạch số|công văn", re.I),
    "tungay": re.compile(r"\btừ\b", re.I),
    "den": re.compile(r"\bđến\b|\btới\b", re.I),
    "se": re.compile(r"\bsẽ\b|dự kiến|kế hoạch|phấn đấu", re.I),
    "future": re.compile(r"sắp", re.I),
    "tai": re.compile(r"\btại\b", re.I),
    "doan": re.compile(r"\bđoàn\b", re.I),
    "thanhphan": re.compile(r"dự\b|tham dự|chủ trì|đồng chí|đ/c", re.I),
    "truoc": re.compile(r"trước đó|trước đây|năm \d{4},", re.I),
    "tinhden": re.compile(r"tính đến|đến nay|đến hết|lũy kế", re.I),
    "anh": re.compile(r"\(ảnh|ảnh:", re.I),
    "nam": re.compile(r"năm \d{4}", re.I),
    "giai": re.compile(r"giai đoạn|nhiệm kỳ|từ đầu năm|trong năm|năm qua", re.I),
    # gatherings outside dân vận (conventions §0): a Party congress, a session of the Quốc hội or an HĐND
    "ngoai": re.compile(
        r"Đại hội (?:đại biểu )?Đảng bộ|Đảng bộ\b[^.;]{0,80}\bĐại hội|\bkỳ họp\b|\bphiên họp\b|\bQuốc hội\b", re.I
    ),
    "ongoing": re.compile(
        r"h[ằà]ng năm|thời gian (?:vừa )?qua|những ngày (?:qua|giáp)|\bqua \d+ năm|nhiều (?:buổi|cuộc|đợt)|thường xuyên"
        r"|các hoạt động|đợt sinh hoạt",
        re.I,
    ),
}
_PLAN_CODE_BEFORE = re.compile(r"(?:số|/)\s*\S*\s+(?:ngày|ngáy)\s*$")  # "Kế hoạch số 32 ngày 23/1/2024"
_FOUNDING_DAY = re.compile(r"^\s*(?:ngày|là ngày)\s+(?:thành lập|truyền thống)", re.I)


_SINCE_DAY = re.compile(r"\b(?:[Tt]ừ|[Kk]ể\s+từ)\s+ngày\s*$")
# A day the text counts from to its present (TO_NOW), "từ 1-7-2025 đến nay, Mặt trận các cấp … kiện toàn" (sh12):
# the start of a stretch of work reviewed, no gathering's day (conventions §2, a reviewed scope).
_SINCE_BEFORE = re.compile(r"\b(?:[Tt]ừ|[Kk]ể\s+từ)\s+(?:ngày\s*|(?:đầu|cuối|giữa)\s+)?$")
# ... or to the time of an inspection, "kiểm tra kết quả … từ tháng 01/2020 đến thời điểm kiểm tra" (ge04): the period
# inspected.
_TO_INSPECTION = re.compile(r"\s*(?:đến|tới)\s+(?:thời\s+điểm|khi)\s+(?:kiểm\s+tra|giám\s+sát|khảo\s+sát)\b")
# Words of a habit: "đều đặn sáng thứ Bảy hằng tuần", "định kỳ hằng tháng", "mỗi năm", "thường xuyên".
_HABIT = re.compile(
    r"\b(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm)\b|\bđều\s+đặn\b|\bđịnh\s+kỳ\b|\bthường\s+xuyên\b", re.I
)


@dataclass
class _Candidate:
    key: str  # the day as the labels write an event: "2024-05-06"
    hit: DateHit  # where the text first writes it
    sentence: Span
    paragraph: Span
    features: dict[str, float]
    told: bool  # its sentence tells of something happening (an event verb, a gathering, a campaign)


def _words_of(text: str, prefix: str) -> dict[str, float]:
    """The features of a piece of text: event verbs, gatherings, bodies, and each of _CUES, as 0/1."""
    found = {
        "ev": _EVENT_VERB.search(text),
        "gath": _gathering(text),
        "recent": _RECENT.search(text),
        "body": find_bodies(text),
        "tally": _TALLY.search(text),
        "camp": _CAMPAIGN.search(text),
        "plenum": _PLENUM_NAME.search(text),
        **{name: cue.search(text) for name, cue in _CUES.items()},
    }
    return {prefix + name: 1.0 if hit else 0.0 for name, hit in found.items()}


def _hit_key(hit: DateHit) -> str:
    if hit.precision == "month":
        return f"{hit.day:%Y-%m}..{hit.end_day:%Y-%m}" if hit.end_day else f"{hit.day:%Y-%m}"
    return f"{hit.day}..{hit.end_day}" if hit.end_day else hit.day.isoformat()


# What a body has or counts on a day, no happening: "có 120 tổ chức thành viên", "đạt 95%"
_STATE_OF = re.compile(r"\b(?:có|đạt|còn)\s+(?:(?:hơn|trên|gần|khoảng)\s+)?\d")


def date_candidates(ctx: Context, visits: list[VisitDraft]) -> list[_Candidate]:
    """The dates the event model chooses from, each with the features it weighs: every date the text writes (the
    page's own stamp aside) in a sentence that tells of something happening; not a date the rules set aside
    (ctx.vetoed) unless a visit of theirs has it. A span of days, a month, and a gathering the text does not date
    (dated by the page) are the rules' alone: the conventions settle them."""
    text, sentences, paragraphs = ctx.article.text, ctx.article.sentences(), ctx.article.paragraphs
    starts, para_starts = [s.start for s in sentences], [p.start for p in paragraphs]
    pub = ctx.published.date
    page_day = dt.date.fromisoformat(pub) if pub and len(pub) == 10 else None
    made = {event_key(v) for v in visits}
    # the page's own stamp, and the dates the rules set aside (a document's, a deadline), are no happenings: they
    # neither count nor rank among the text's dates
    stamp = ctx.pub_hit.start if ctx.pub_hit else None
    hits = [
        h
        for h in ctx.dates
        if h.start != stamp
        and (_hit_key(h) not in ctx.vetoed or _hit_key(h) in made)
        and not DOCUMENT_DATE.search(text, max(0, h.start - 60), h.start)
        and not _HOLIDAY_DAY.search(text, max(0, h.start - 80), h.start)
        and not _SINCE_WHEN.search(text, max(0, h.start - 100), h.start)
        and not (_SINCE_BEFORE.search(text, max(0, h.start - 15), h.start) and TO_NOW.match(text, h.end))
    ]
    title = _title(ctx)
    of_title = _words_of(title.text, "T_") if title else {}
    many = _how_many(len(hits))
    times = Counter(_hit_key(h) for h in hits)
    seen: set[str] = set()
    found: list[_Candidate] = []
    seen_ev = seen_cue_ev = False
    for rank, hit in enumerate(hits):
        key = _hit_key(hit)
        if key in seen:
            continue  # a date written again: its first mention is the candidate, n_same counts them all
        seen.add(key)
        at = bisect_left(starts, hit.start + 1) - 1
        sentence = sentences[at]
        event = bool(_EVENT_VERB.search(sentence.text))
        first_ev, first_cue_ev = event and not seen_ev, event and hit.cue and not seen_cue_ev
        seen_ev, seen_cue_ev = seen_ev or event, seen_cue_ev or (event and hit.cue)
        # Only a single written day whose sentence tells of something happening, and not one the rules set aside; a
        # span of days or a month is a gathering or campaign by the conventions, the rules' alone.
        if ".." in key or hit.precision != "day":
            continue
        told = event or _gathering(sentence.text) or any(r.search(sentence.text) for r in (_CAMPAIGN, _HAPPENING))
        rest = text[hit.end : sentence.end]
        opening = (
            hit.cue
            and hit.start - sentence.start < 15
            and not _SINCE_DAY.search(text, max(0, hit.start - 15), hit.start)  # "Từ ngày 1/7/2025, MTTQ … hoạt động"
            and len(re.findall(r"\w+", rest)) >= 6
            and not re.match(r"\W*\d{1,2}[:h]\d{2}", rest)  # a dateline's hour
            and not _STATE_OF.search(rest)  # "Ngày 31/8/2023, Ủy ban MTTQ tỉnh có 120 tổ chức thành viên": a state
        )
        if key not in made and not told and not opening:
            continue
        para = bisect_left(para_starts, hit.start + 1) - 1
        before, after = text[max(0, hit.start - 30) : hit.start], text[hit.end : hit.end + 40]
        f = {"bias": 1.0, "n_same": float(times[key]), **_words_of(sentence.text, "S_"), **_words_of(after, "A_")}
        f |= _words_of(before, "B_") | of_title
        gap = (page_day - hit.day).days if page_day else None
        flags = {
            "cue": hit.cue,
            "has_year": hit.has_year,
            "wday": hit.weekday is not None,
            "yearnote": hit.year_note is not None,
            "rank0": rank == 0,
            "rank1": rank == 1,
            "para0_2": para <= 2,
            "para3_5": 3 <= para <= 5,
            "sent0_3": at <= 3,
            "s_start": hit.start - sentence.start < 15,
            **many,
            "doc_before": any(d.end <= hit.start < d.quote_end for d in ctx.doc_ix.within(hit.start - 300, hit.start)),
            "issues": _spoken_day(text, hit, sentence.end),
            "asof": _AS_OF.search(text, max(0, hit.start - 25), hit.start),
            "deadline": _deadline(text, hit),
            "spanclose_b": _SPAN_CLOSE.search(text, max(0, hit.start - 25), hit.start),
            "nopub": gap is None,
            "future": gap is not None and gap < 0,
            "same": gap == 0,
            "g1_3": gap is not None and 1 <= gap <= 3,
            "g4_14": gap is not None and 4 <= gap <= 14,
            "g15_60": gap is not None and 15 <= gap <= 60,
            "g61_365": gap is not None and 61 <= gap <= 365,
            "gold": gap is not None and gap > 365,
            "plan_before": _PLAN_CODE_BEFORE.search(text, max(0, hit.start - 60), hit.start),
            "truocdo": re.search(r"[Tt]rước đó", before),
            "first_ev": first_ev,
            "first_cue_ev": first_cue_ev,
            "in_title": title is not None and title.start <= hit.start < title.end,
            "paren": re.search(r"\(\s*$", text[max(0, hit.start - 3) : hit.start]),
            # a day listed right after another of its sentence: "Ngày 15/11/2023 và 18/11/2023 … tổ chức"
            "listed": rank > 0
            and re.fullmatch(r"\s*(?:và|,)\s*(?:ngày\s+)?", text[hits[rank - 1].end : hit.start]) is not None,
            "ngaythanhlap": _FOUNDING_DAY.search(after),
            "untold": not told and key not in made,
        }
        if key == pub:
            flags["pub_also"] = True
        f |= {name: 1.0 for name, on in flags.items() if on}
        found.append(_Candidate(key, hit, sentence, paragraphs[para], f, bool(told)))
    return found


def _how_many(dates: int) -> dict[str, bool]:
    """How many dates the text writes, in the model's buckets: one, two or three, four or more."""
    return {"nh1": dates == 1, "nh2_3": 2 <= dates <= 3, "nh4": dates >= 4}


# A headline that names a theme: "Phát huy …", "Nâng cao …", "Hiệu quả …", "Những …", "Dấu ấn …".
_THEME = re.compile(
    r"\W*(?:Phát\s+huy|Nâng\s+cao|Đẩy\s+mạnh|Tăng\s+cường|Tiếp\s+tục|Hiệu\s+quả|Những|Dấu\s+ấn|Lan\s+t[ỏo]a)\b"
)


def _page_dated(ctx: Context, visits: list[VisitDraft], written: set[str]) -> list[tuple[str, dict[str, float]]]:
    """The gatherings the rules date by the page (H1), each with what the model weighs of it: the words of its
    sentence and of the headline, how many dates the text writes, whether it is the headline's own, whether a body
    is named. A page's day the text also writes is weighed as that written day."""
    title = _title(ctx)
    of_title = _words_of(title.text, "PT_") if title else {}
    # a feature's headline names a theme, not a gathering: "Phát huy vai trò Hội Phụ nữ tham gia giám sát"
    theme = title is not None and _THEME.match(title.text) is not None
    hits = len([h for h in ctx.dates if ctx.pub_hit is None or h.start != ctx.pub_hit.start])
    found = []
    for visit in visits:
        key = event_key(visit)
        if key is None or key in written or not (visit.date_note or "").startswith(_PAGE_DATED):
            continue
        flags = {
            **_how_many(hits),
            "titled": title is not None and visit.quote in title.text,
            "nobody": visit.body is None,
            # a launch held ("đã … phát động chiến dịch"), not the campaign as such that PS_camp weighs
            "launched": _LAUNCHED.search(visit.quote) is not None,
            "theme": theme,
        }
        features = {"P_bias": 1.0, **_words_of(visit.quote, "PS_"), **of_title}
        found.append((key, features | {"P_" + name: 1.0 for name, on in flags.items() if on}))
    return found


def _weighed(
    ctx: Context, visits: list[VisitDraft], candidates: list[_Candidate]
) -> list[tuple[str, dict[str, float]]]:
    """Every date the event model weighs, with its features: the written days, then the gatherings the page dates."""
    written = [(c.key, c.features) for c in candidates]
    return written + _page_dated(ctx, visits, {c.key for c in candidates})


def _chosen(ctx: Context, visits: list[VisitDraft]) -> list[VisitDraft]:
    """The rules' visits, less those whose written date the event model finds no event of the text (the source's
    notes name each), and a visit for each written date it finds one that the rules did not read as one (its note
    says so, with the model's probability, for the curator to check). A span, a month, or a visit the page dates, the
    rules decide alone."""
    model = event_model.model()
    candidates = date_candidates(ctx, visits)
    likely = {key: model.probability(features) for key, features in _weighed(ctx, visits, candidates)}
    kept = []
    for visit in visits:
        chance = likely.get(event_key(visit) or "", 1.0)
        if chance > model.threshold:
            kept.append(visit)
            continue
        ctx.notes.append(
            f"Bỏ sự kiện {partial_date(event_key(visit))} mà các quy tắc đọc được (“{visit.summary}”): theo mô "
            f"hình, xác suất đây là sự kiện của bài chỉ {fmt.number(chance, 2)}; người nhập xem lại nếu cần."
        )
    elsewhere = [v for v in kept if _dated_elsewhere(ctx, v, kept)]
    for visit in elsewhere:
        kept.remove(visit)
        ctx.notes.append(
            f"Bỏ sự kiện lấy theo ngày đăng (“{visit.summary}”): bài ghi ngày của chính buổi "
            f"{t('kind_' + visit.kind).lower()} này ở đoạn khác."
        )
    # the page's day written again on a line that tells of nothing ("29/12/2010" under the stamp, pk07) was weighed
    # for the gathering the page dated; that gathering dated elsewhere, the line is no event of its own
    gone = {event_key(v) for v in elsewhere}
    added = [
        c
        for c in candidates
        if likely[c.key] > model.threshold
        and not any(_covers(v, c) for v in kept)
        and not (c.key in gone and not c.told)
    ]
    if not added:
        return kept
    # a gathering the page dated stood for the text's own event only for want of a dated one (H1): the model found one
    # (unless the text writes that day too: "Sáng 18-10, đoàn xuất phát" under a page of the 18th)
    dated = {c.key for c in candidates if likely[c.key] > model.threshold}
    kept = [v for v in kept if not (v.date_note or "").startswith(_PAGE_DATED) or event_key(v) in dated]
    people = [p for para in ctx.article.paragraphs for p in find_people(para.text)]
    title = _title(ctx)
    heads = [title, *ctx.article.paragraphs[:4]] if title else ctx.article.paragraphs[:4]
    for candidate in added:
        main_body = _first_body([s for s in heads if s.start <= candidate.paragraph.start])
        event = _Event(candidate.sentence, candidate.paragraph, candidate.hit, None, False)
        visit = _visit(ctx, event, main_body, people)
        if visit.body is None:
            visit.notes.append("Bài không nêu cơ quan tổ chức: người nhập cần ghi cơ quan.")
        visit.notes.append(
            "Các quy tắc không đọc câu này là một sự kiện; theo mô hình, xác suất đây là sự kiện của bài là "
            f"{fmt.number(likely[candidate.key], 2)}: người nhập kiểm tra."
        )
        visit.confidence = round(min(visit.confidence, likely[candidate.key]), 2)
        kept.append(visit)
    months = _months_beside_days(ctx, kept)
    return [v for v in kept if v not in months]


def _dated_elsewhere(ctx: Context, visit: VisitDraft, visits: list[VisitDraft]) -> bool:
    """A gathering the page dates (H1) that the text dates itself: another visit of the same kind, written with its
    day in the fortnight before the page ("Hậu giám sát … năm 2019" over "Ngày 15/7/2020, Đoàn giám sát … đến làm
    việc" on a page of 21/07/2020)."""
    if not (visit.date_note or "").startswith(_PAGE_DATED) or not ctx.published.date or not visit.date_start:
        return False
    page = dt.date.fromisoformat(visit.date_start)
    return any(
        other.kind == visit.kind
        and other.date_start
        and not (other.date_note or "").startswith(_PAGE_DATED)
        and 0 < (page - dt.date.fromisoformat(other.date_start)).days <= _LONGEST_GATHERING
        for other in visits
    )


def _covers(visit: VisitDraft, candidate: _Candidate) -> bool:
    """The visit is already the gathering of the candidate's date: a day within its span of a few days, or within a
    longer one that the same sentence gives. A campaign's weeks hold no day told in a sentence of its own: "Ngày
    16/12, … ra quân" opens "Đợt ra quân … từ ngày 16/12 – 30/12", and both are events (qb06)."""
    day = candidate.hit.day.isoformat()
    if not visit.date_start or not visit.date_start <= day <= (visit.date_end or visit.date_start):
        return False
    return _days(visit) <= _FEW_DAYS or visit.quote == candidate.sentence.text.strip()


# A congress's sessions: "Đại hội … bước vào phiên thứ 2", "Đại hội … đã tổ chức ngày làm việc thứ nhất", "Đại hội …
# sẽ khai mạc vào sáng nay".
_SESSION = re.compile(r"đại\s+hội\b[^.;]{0,120}?(?:\bphiên\b|ngày\s+làm\s+việc|khai\s+mạc|bế\s+mạc)", re.I)


def _sessions_joined(visits: list[VisitDraft]) -> list[VisitDraft]:
    """A congress told day by day through its sessions ("chiều 16.11, Đại hội phiên thứ nhất đã tiến hành …", "Sáng
    17.11, Đại hội … bước vào phiên thứ 2", iz08; "ngày 31-5-2019, Đại hội … đã tổ chức ngày làm việc thứ nhất" and
    "sẽ khai mạc vào sáng nay, 1-6-2019", p1054) is one gathering of two days; its preparatory session ("phiên trù
    bị") is one of its own."""
    sessions = sorted(
        (
            v
            for v in visits
            if v.date_start
            and len(v.date_start) == 10
            and not v.date_end
            and _SESSION.search(v.quote or "")
            and "trù bị" not in (v.quote or "")
        ),
        key=lambda v: v.date_start or "",
    )
    joined = []
    for first, second in itertools.pairwise(sessions):
        gap = dt.date.fromisoformat(second.date_start or "") - dt.date.fromisoformat(first.date_start or "")
        if gap.days == 1 and first not in joined:
            first.date_end = second.date_start
            first.notes.append(
                f"Gộp với phiên ngày {partial_date(second.date_start)} (“{second.summary}”): cùng một đại hội."
            )
            joined.append(second)
    return [v for v in visits if v not in joined]


def _days(visit: VisitDraft) -> int:
    """How many days after its first the visit ends (0: one day, or undated)."""
    if not (visit.date_start and visit.date_end):
        return 0
    return (dt.date.fromisoformat(visit.date_end) - dt.date.fromisoformat(visit.date_start)).days


# A launch or an opening held: "Hơn 300 đoàn viên … đã cùng Tỉnh Đoàn … phát động chiến dịch …", "Thành đoàn Hà Nội
# vừa tổ chức khởi động Tháng Thanh niên" (be03), a headline's "Ra mắt
# “Câu lạc bộ phụ nữ tứ đức”" or "Khánh thành công trình thanh niên …", "Hội ND … vừa khởi công xây dựng “Nhà Đại đoàn
# kết”". Not a movement as such ("đã phát động đến toàn thể các thôn … xây dựng mô hình"), nor a launch in a caption.
_LAUNCHED = re.compile(
    r"\b(?:đã|vừa)\s+(?:cùng\s+[^,.;]{0,60}?\s+)?(?:tổ\s+chức\s+)?(?:phát|khởi)\s+động\s+"
    r"(?:chiến\s+dịch|[Tt]háng|cuộc|đợt|ra\s+quân)\b|"
    r"(?:^|:\s*)(?:Ra\s+mắt\s+[“\"]?[A-ZĐ]|Khánh\s+thành\s|Khởi\s+công\s)|\bvừa\s+(?:khởi\s+công|khánh\s+thành)\b"
)


def _held(sentence: str) -> bool:
    """A gathering the sentence names has no word of the future just before it, nor after it unless the sentence
    speaks from it ("Tại hội nghị, …") or says it was held ("hội nghị đã thảo luận"): "… sẽ tổ chức thăm, tặng quà"
    and "Cũng trong chương trình đại hội, ban tổ chức sẽ sơ kết …" are not held yet, but "các đại biểu tham dự hội
    nghị đã thảo luận, … trong những năm sắp tới" was."""
    for m in [*_gatherings(sentence), *_LAUNCHED.finditer(sentence)]:
        if FUTURE.search(sentence, max(0, m.start() - 40), m.start()):
            continue
        if (
            not FUTURE.search(sentence, m.end())
            or _PAST.match(sentence, m.end())
            or re.fullmatch(r"\W*(?:Tại|Cũng\s+tại)\s+", sentence[: m.start()])
        ):
            return True
    return False


_PAST = re.compile(r"\s+(?:đã|vừa)\b")


def _undated_gathering(ctx: Context, people: list[Person]) -> VisitDraft | None:
    """A page that reports a gathering without its date ("Cũng tại hội nghị này, các đại biểu …") and nothing
    else: the gathering is dated by the page, as a headline's visit is. A plenum named for its resolutions ("Hội
    nghị Trung ương 7") is not one, nor one still to come, nor a sentence whose dates were read and set aside ("Từ
    ngày 1/1 đến 30/6/2024, Ban đã tổ chức 5 hội nghị": a period tallied; "Kể từ ngày 1/7/2025")."""
    title = _title(ctx)
    # "Ủy ban MTTQ Việt Nam tỉnh tổ chức 3 hội nghị phản biện xã hội" heads a year's review (ah05); under "Các xã,
    # phường tổ chức đại hội …" a round's pilot ("… tổ chức Đại hội điểm …", a601) is still one body's gathering
    round_title = title is not None and _tallied(title.text)
    for para in ctx.article.paragraphs:
        for sentence in split_sentences(para):
            if round_title and not _PILOT.search(sentence.text):
                continue
            years = years_spoken_of(sentence.text, since=True)  # "Từ năm 2021 đến nay, … tọa đàm": a tally
            opening = ctx.article.text[para.start : sentence.start]
            if (
                (_gathering(sentence.text) or _LAUNCHED.search(sentence.text))
                # a speaker's words ("“… Hôm nay được các cô bên Hội đến thăm, chúc Tết …” - bà Soi nói") tell of
                # their own day, not the page's
                and opening.count("“") <= opening.count("”")
                and _held(sentence.text)
                and not _PAST_HOLIDAY.search(sentence.text)  # "Trong dịp Tết Nguyên đán vừa qua, … tổ chức trao"
                and not _LONG_AGO.match(sentence.text)
                and not _tallied(sentence.text)
                and not _HABIT.search(sentence.text)  # "mỗi năm … tổ chức … hội thảo đầu bờ" (ai03)
                and not ctx.date_ix.within(sentence.start, sentence.end)
                # "Năm 2023, … tổ chức thành công Hội nghị …": not this page's; but the review of last year in a page
                # of January or February ("… tổ chức hội nghị tổng kết công tác hội … năm 2024" on 19/01/2025, b112)
                and (not years or ctx.year in years or _reviews_last_year(ctx, sentence.text))
            ):
                return _visit(ctx, _Event(sentence, para, None, None, False), None, people)
    return None


def _reviews_last_year(ctx: Context, sentence: str) -> bool:
    """A review of the year before, in a page of its first two months: held then (conventions: a review "năm N" held in
    January is dated N+1)."""
    day = ctx.published.date
    return (
        ctx.year is not None
        and day is not None
        and len(day) == 10
        and int(day[5:7]) <= 2
        and re.search(rf"\b(?:tổng|sơ)\s+kết\b[^.;]{{0,120}}?\bnăm\s+{ctx.year - 1}\b", sentence, re.I) is not None
    )


# Gatherings tallied are no gathering of the page's day (H6): a round held or completed in many places ("148 Hội Nông
# dân xã, phường hoàn thành Đại hội" and "148/148 xã, phường … đã tổ chức thành công Đại hội", tx04; "Huyện Vũng Liêm
# hoàn thành hội nghị cử tri ở ấp- khóm", yl06), or counted ("Đến nay, đã tổ chức 581 cuộc hội nghị", yl06). One
# body's own congress held or completed ("Hội Nông dân xã Long Giang hoàn thành Đại hội") is still one.
_UNITS = r"(?:xã|phường|thị\s+trấn|huyện|quận|đơn\s+vị|chi\s+hội|chi\s+bộ|cơ\s+sở|ấp|khóm|thôn|xóm|bản|khu|tổ)"
_ROUND = re.compile(
    r"\b(?:hoàn\s+(?:thành|tất)|tổ\s+chức(?:\s+thành\s+công|\s+xong)?)\s+(?:(?:việc|công\s+tác)\s+)?(?:tổ\s+chức\s+)?"
    r"(?:các\s+)?(?:[Đđ]ại\s+hội|[Hh]ội\s+nghị|bầu\s+cử|cuộc\s+họp)"
)
_MANY_BEFORE = re.compile(
    rf"\d+\s*/\s*\d+|\d+\s*%|(?:\b\d[\d.]*|\b(?i:các|toàn|tất\s+cả))\s+(?:[^\s,.;]+\s+){{0,3}}?{_UNITS}\b"
)
_MANY_AFTER = re.compile(rf"^[^.;]{{0,40}}?\b(?:ở|tại|cấp)\s+(?:các\s+)?{_UNITS}(?!\s+[A-ZĐ0-9])")
_COUNTED = re.compile(
    # a body's congresses over its history counted too: "Các kỳ đại hội của Hội Nông dân tỉnh", "qua các kỳ Đại hội"
    # (cm03, to06); "các"/"những" and "kỳ" in any case, so a sentence opening "Các hội nghị" and a headline of
    # capitals count as well
    r"(?:\b(?!1\s)\d[\d.]*|\b\d+\s*%|\b(?i:các|những))\s+(?:cuộc\s+|buổi\s+|(?i:kỳ)\s+)?"
    r"(?i:hội\s+nghị|đại\s+hội|cuộc\s+họp|buổi\s+họp|"
    r"cuộc\s+tiếp\s+xúc|cuộc\s+đối\s+thoại|ngày\s+hội)\b|"
    # rounds of supervision counted: "Các cấp Hội phối hợp tổ chức gần 600 cuộc giám sát" (ov06)
    r"\b(?!1\s)\d[\d.]*\s+(?:cuộc|đợt)\s+(?i:giám\s+sát|kiểm\s+tra|khảo\s+sát)\b"
)


# A round's pilot gathering: "Đại hội điểm", "hội nghị điểm".
_PILOT = re.compile(r"\b(?:[Đđ]ại\s+hội|[Hh]ội\s+nghị)\s+điểm\b")


def _tallied(sentence: str) -> bool:
    """The sentence tallies gatherings: it counts them, or tells of a round held or completed in many places. A
    round's pilot ("Hội Phụ nữ xã Nghĩa An tổ chức đại hội điểm cấp cơ sở", p1760) is one body's gathering."""
    if _COUNTED.search(sentence):
        return True
    m = _ROUND.search(sentence)
    if m is None or re.match(r"\s+điểm\b", sentence[m.end() :]):
        return False
    return bool(_MANY_BEFORE.search(sentence[: m.start()]) or _MANY_AFTER.search(sentence[m.end() :]))


def _stamp_line(ctx: Context, para: Span) -> bool:
    """The paragraph is the page's date line ("09:11, 24/11/2021 52 lượt xem"); a lead that opens with the stamp or
    a wire dateline ("Hà Nội (TTXVN 11/3/2022) Tại hội nghị …") is the text."""
    hit = ctx.pub_hit
    return hit is not None and para.start <= hit.start < para.end and len(para.text) - (hit.end - hit.start) < 80


def _title(ctx: Context) -> Span | None:
    """The headline: the first of the first four paragraphs of five words or more that is neither the page's stamp
    nor another short dated line of the header (a site's bar, _date_line), as the source's title is."""
    for para in ctx.article.paragraphs[:4]:
        if ctx.pub_hit is not None and para.start <= ctx.pub_hit.start < para.end:
            continue
        if len(para.text.split()) >= 5 and not _date_line(para.text):
            return para
    return None


# "Dự kiến tổ chức vào ngày 19/3 hoặc 20/3/2020, nhưng nay … tạm hoãn": a gathering put off has no date.
_POSTPONED = re.compile(r"\b(?:tạm\s+)?hoãn\b")
# "Kỳ thi THPT Quốc gia năm 2019 diễn ra trong 3 ngày (từ ngày 25 đến 27/6/2019)" (iu09), "Năm nay, kỳ thi vào lớp
# 10 của TP Hà Nội diễn ra từ ngày 6/6 đến ngày 9/6/2025" (it09): the exam's own days.
_EXAM = re.compile(r"\W*(?:[^\W\d]+(?:\s+[^\W\d]+)?,\s*)?[Kk]ỳ\s+thi\b[^,.;]{0,80}?\bdiễn\s+ra\b")
# A yearly habit: "Tháng cao điểm "Vì người nghèo” hằng năm được tổ chức từ ngày 17/10 - 18/11" (kl09), "lấy ngày 18/11
# hằng năm là Ngày hội Đại đoàn kết" (tf03), a custom "Lễ hội Aza thường được tổ chức vào giữa tháng 12" (f602): its
# days without a year are no gathering's (CONVENTIONS §2, p654).
_YEARLY = re.compile(r"\b(?:[Hh]ằng|[Hh]àng|[Mm]ỗi)\s+năm\b|\bthường\s+(?:được\s+)?(?:tổ\s+chức|diễn\s+ra)\b")
# Flags hung for an occasion, on its days: "Vận động nhân dân, các cơ quan … tổ chức treo cờ Đảng, cờ Tổ quốc … bắt
# đầu từ ngày 17/9 đến hết ngày 30/9/2025" (p188, qv03) is no gathering.
_FLAGS = re.compile(r"\btreo\s+cờ\b", re.I)
# "ủng hộ … nhân Tháng cao điểm “Vì người nghèo” (17.10 - 18.11.2021)": the campaign as the occasion, no gathering.
_OCCASION = re.compile(r"\bnhân\s+(?:dịp\s+)?(?:[Tt]háng|[Đđ]ợt)\s+cao\s+điểm")
# A holiday's own day right after its name ("Ngày Phụ nữ Việt Nam (20/10)", "ngày Phụ nữ Việt nam 20/10/2023", "Ngày
# hội Đại đoàn kết toàn dân tộc (18-11)", "ngày truyền thống công tác Dân vận của Đảng (15/10)") is no gathering's day,
# wherever it stands; a day word between opens one ("… thành lập Hội Nông dân Việt Nam Ngày 13/10, Hội …"), and "ngày
# Chủ nhật 21/9" is a weekday; so "kỷ niệm … Ngày Thương binh liệt sĩ 27-7-2020, sáng 21-7, …" is dated 21-7.
_HOLIDAY_DAY = re.compile(
    # a page typed without capitals: "chào mừng kỷ niệm ngày mặt trận dân tộc thống nhất việt nam 18/11" (a913)
    r"\b(?:[Nn]gày\s+(?!Chủ\s+[Nn]hật\b)(?:hội\s+)?(?:[A-ZĐ]\w*|truyền\s+thống|thành\s+lập|[Qq]uốc\s+tế|đại\s+đoàn\s+kết|"
    r"mặt\s+trận)|"
    # an international day named without its "Ngày": "Nhân kỷ niệm Ngày Giải phóng miền Nam (30/4) và Quốc tế Lao
    # động (1/5), sáng 29/4, …" (nw05)
    r"Quốc\s+tế\s+[A-ZĐ]\w*|"
    # the national day: "chào mừng kỷ niệm 78 năm ngày cách mạng tháng Tám và Quốc khánh 02/9 năm 2023" (tuning v302)
    r"[Qq]uốc\s+khánh)"
    # within its line: "… ngày truyền thống Hội nông dân Việt Nam" is a headline's, not "Sáng nay (8/10)" below it
    r"(?:[^\S\n]+[^\s\d,.;:()]+){0,8}(?<![Nn]gày)(?<![Ss]áng)(?<![Cc]hiều)(?<![Tt]ối)(?<![Tt]rưa)[^\S\n]*\(?[^\S\n]*$"
)
# The span of a campaign another body launched, which the gathering answers: "trình diễn thời trang áo dài thiết thực
# hưởng ứng "Tuần lễ áo dài Việt Nam" do Trung ương Hội phát động (từ ngày 1/3-8/3/2024)" (hv06).
_ANSWERED = re.compile(
    r"hưởng\s+ứng\s+[“\"][^”\"\n]{3,80}[”\"](?:\s+do\s+[^()\n]{1,60}?\s+phát\s+động)?\s*\(\s*(?:từ\s+)?(?:ngày\s+)?$",
    re.I,
)
# The month whose tasks a meeting sets, no gathering of that month: "họp giao ban …, triển khai nhiệm vụ trọng tâm tháng
# 3/2021", "triển khai nhiệm vụ trọng tâm công tác mặt trận tháng 11 năm 2020" (n813, n602).
_MONTHS_TASKS = re.compile(r"\bnhiệm\s+vụ(?:\s+[^\W\d_]+){0,6}?\s*$", re.I)
# "Luật … có hiệu lực từ ngày 1/7/2023": the day a law or document takes effect is no gathering.
_IN_FORCE = re.compile(r"hiệu\s+lực(?:\s+[^\W\d_]+){0,3}?\s+từ\s+(?:ngày\s+)?$", re.I)  # "… thi hành kể từ"
# the day a change took effect, in brackets after "kể từ khi" or "kể từ sau": "kể từ khi chính thức đi vào hoạt động
# (01/7/2025)", "kể từ sau thời điểm sáp nhập (1/7)" (sn12)
# "phát động từ tháng 5/2020", "Ngay từ tháng 5-2023, BTC đã xây dựng kế hoạch": a month work has gone on since (not
# "Ngay từ cuối tháng 2, Tỉnh đoàn … đã tổ chức ra quân": a gathering in that part of the month)
_SINCE_MONTH = re.compile(r"\btừ\s+(?:tháng\s*)?$", re.I)
# A date a span runs on from: "từ tháng 3 đến …", "từ ngày 1/7/2025 tới …".
_RUNS_ON = re.compile(r"\s*(?:đến|tới)\b")
_SINCE_WHEN = re.compile(r"\b(?:kể\s+)?từ\s+(?:khi|sau)\b[^.;()]{0,80}\(\s*$", re.I)
# "Công trình … được khởi công xây dựng vào ngày 7/1/2016", "được khởi công từ ngày 22-5-2023": the day a building was
# begun, told of the building, is no gathering (its handover, or a groundbreaking ceremony, is).
_BUILT_FROM = re.compile(r"\bđược\s+khởi\s+công(?:\s+xây\s+dựng)?(?:\s+(?:từ|vào))?(?:\s+(?:ngày|tháng))?\s*$", re.I)
# "bị hư hỏng do đợt mưa lũ tháng 11.2016", "cơn bão số 3 (ngày 7/9)": the day of a disaster is no gathering.
_DISASTER = re.compile(
    r"(?:mưa\s+lũ|lũ\s+lụt|bão\s+lụt|(?:trận|đợt)\s+lũ|(?:cơn\s+)?bão\s+số\s+\d+|cơn\s+bão|thiên\s+tai|hạn\s+hán|"
    r"sạt\s+lở(?:\s+đất)?)(?:\s+lịch\s+sử)?"
    # "thiệt hại do bão lụt gây ra trên địa bàn huyện vào ngày 2/11/2015 vừa qua" (gl07); "mưa lũ, sạt lở đất xảy ra
    # sáng 25/7/2024" (h705)
    r"(?:\s+gây\s+ra(?:\s+(?:trên|tại)\s+[^,.;]{1,40}?)?|"
    r"[^\S\n]+xảy\s+ra(?:[^\S\n]+(?:rạng\s+)?(?:sáng|trưa|chiều|tối|đêm))?)?"
    r"\s*\(?\s*(?:vào\s+|hồi\s+)?(?:ngày\s+|tháng\s+|năm\s+)?$",
    re.I,
)


def _events(ctx: Context) -> list[_Event]:
    """Dated sentences with an event verb; a document's own date is not an event."""
    events = []
    # the first three paragraphs, not counting a header's lines of a few words: a byline, a stamp ("Đắc Quang",
    # "20:51 - 20/11/2023" between the headline and "Hội Khuyến học tỉnh … vừa tổ chức tuyên dương …", oi08), nor its
    # short dated lines ("Thứ Năm, ngày 21/06/2018 00:37 AM (GMT+7)" over the page's own stamp, ip12)
    lede = [p for p in ctx.article.paragraphs if len(p.text.split()) > 3 and not _date_line(p.text)][:3]
    for para in ctx.article.paragraphs:
        for sentence in (c for s in split_sentences(para) for c in _clauses(ctx, s)):
            dated = ctx.date_ix.within(sentence.start, sentence.end)
            hits = [
                h
                for h in dated
                if not any(d.end <= h.start < d.quote_end for d in ctx.doc_ix.within(h.start - 300, h.start))
                and not _spoken_day(ctx.article.text, h, sentence.end)
                and not (ctx.year and h.day.year < ctx.year - _HISTORY_YEARS)
                and not _in_quoted_name(ctx.article.text, h)
                and not _IN_FORCE.search(ctx.article.text, max(0, h.start - 40), h.start)
                and not _SINCE_WHEN.search(ctx.article.text, max(0, h.start - 100), h.start)
                and not _DISASTER.search(ctx.article.text, max(0, h.start - 80), h.start)
                and not _BUILT_FROM.search(ctx.article.text, max(0, h.start - 50), h.start)
                and not DOCUMENT_DATE.search(ctx.article.text, max(0, h.start - 60), h.start)
                and not _HOLIDAY_DAY.search(ctx.article.text, max(0, h.start - 80), h.start)
                and not _ANSWERED.search(ctx.article.text, max(0, h.start - 200), h.start)
                # a habit kept up to the present, no gathering's day: "Từ đầu tháng 8-2025 đến nay, đều đặn sáng thứ
                # Bảy hằng tuần, lãnh đạo xã … tổ chức gặp gỡ" (ih04), nor the day a stretch reported starts ("báo
                # cáo kết quả … từ ngày 17-10-2017 đến nay", kj04); not the month a round of festivals has gone on
                # ("từ đầu tháng 11/2022 đến nay, các thôn … đã tổ chức Ngày hội", p1300)
                and not (
                    _SINCE_BEFORE.search(ctx.article.text, max(0, h.start - 15), h.start)
                    and (
                        (
                            TO_NOW.match(ctx.article.text, h.end)
                            and (h.precision == "day" or _HABIT.search(sentence.text))
                        )
                        or _TO_INSPECTION.match(ctx.article.text, h.end)
                    )
                )
                and not (
                    h.precision == "month"
                    and h.end_day is None
                    and _SINCE_MONTH.search(ctx.article.text, max(0, h.start - 20), h.start)
                    and not re.match(r"(?:đầu|cuối|giữa)\b", ctx.article.text[h.start : h.end], re.I)
                    and not _RUNS_ON.match(ctx.article.text, h.end)
                    # "tiến hành từ tháng 3-2020 và hoàn thành trước ngày 30-5-2020": a round with its close
                    and not any(other.start >= h.end for other in dated)
                )
                # the day the 2025 reform took effect, no gathering: "chuyển đổi sang mô hình chính quyền địa phương 2
                # cấp từ ngày 1/7/2025" (cl01)
                and not (
                    h.day == MERGER_DATE
                    and h.end_day is None
                    and _SINCE_BEFORE.search(ctx.article.text, max(0, h.start - 15), h.start)
                    and not _RUNS_ON.match(ctx.article.text, h.end)
                )
                and not (
                    _AS_OF.search(ctx.article.text, max(0, h.start - 25), h.start)
                    and not _SPAN_OPEN.search(ctx.article.text, max(0, h.start - 45), h.start)
                )
                and not (
                    h.precision == "month" and _MONTHS_TASKS.search(ctx.article.text, max(0, h.start - 60), h.start)
                )
            ]
            if _YEARLY.search(sentence.text):
                hits = [h for h in hits if h.has_year]  # "… hằng năm được tổ chức từ ngày 17/10 - 18/11": a habit
            while hits and _deadline(ctx.article.text, hits[0]):
                hits = hits[1:]  # "xã … hoàn thành trong tháng 3-2024, cấp huyện … hoàn thành trong tháng 6-2024"
            ctx.vetoed |= {_hit_key(h) for h in dated if h not in hits}
            if _EXAM.match(sentence.text) or _FLAGS.search(sentence.text):
                ctx.vetoed |= {_hit_key(h) for h in hits}
                continue  # the State's exam on its days, not the volunteers' gathering beside it; flags hung for days
            if _POSTPONED.search(sentence.text):
                ctx.vetoed |= {_hit_key(h) for h in hits}
                continue  # a gathering put off has no date, neither its own nor the page's
            campaign = (
                _CAMPAIGN.search(sentence.text) and any(h.end_day for h in hits) and not _OCCASION.search(sentence.text)
            )
            if not _EVENT_VERB.search(sentence.text) and not campaign:
                continue
            if not hits:
                if ctx.year is None and has_yearless_date(sentence.text) and not _issues_document(sentence.text):
                    events.append(_Event(sentence, para, None, None, False, yearless=True))
                elif (
                    para in lede
                    and _RECENT.search(sentence.text)
                    and not _PAST_HOLIDAY.search(sentence.text)
                    and find_bodies(sentence.text)
                ):
                    events.append(_Event(sentence, para, None, None, False))  # dated by the page, as a headline
                continue
            start, end = hits[0], None
            if len(hits) > 1 and _SPAN_CLOSE.search(ctx.article.text, max(0, hits[1].start - 25), hits[1].start):
                end = hits[1]
                start = _year_of_end(start, end)
            last = end.day if end else start.end_day
            tally = _TALLY.search(sentence.text)
            # a target is no tally: "Mùa hè tình nguyện … sẽ được diễn ra từ ngày 11.6 đến ngày 6.8, dự kiến thu hút
            # hơn 700.000 lượt thanh niên" (ie09)
            if tally and FUTURE.search(sentence.text, 0, tally.start()):
                tally = None
            # nor a plan's rounds: "Việc tiến hành kiểm tra được chia làm 2 đợt: Đợt 1, từ tháng 7 đến tháng 8/2021"
            # (ge04)
            if tally and _SPLIT_INTO.search(sentence.text, 0, tally.start()):
                tally = None
            if last and (last - start.day).days > _LONGEST_GATHERING and tally:
                ctx.vetoed |= {_hit_key(h) for h in hits}
                continue  # "Từ ngày 1/1 đến 30/6/2024, Ban đã tổ chức 5 hội nghị": a period tallied, no gathering
            if last and (last - start.day).days > _LONGEST_CAMPAIGN:
                ctx.vetoed |= {_hit_key(h) for h in hits}
                continue  # "Mốc thời gian kiểm tra từ ngày 01/01/2017 đến 30/6/2021": the period reviewed
            events.append(_Event(sentence, para, start, end, False))
            for other in hits[1:] if end is None else []:  # "Ngày 15/11/2023 và 18/11/2023 … tổ chức Ngày hội"
                if not re.fullmatch(r"\s*(?:và|,)\s*(?:ngày\s+)?", ctx.article.text[start.end : other.start]):
                    break
                events.append(_Event(sentence, para, other, None, False))
                start = other
            if end is None and not start.end_day and _LAUNCH.search(sentence.text):
                # "Ngày 8/5, … tổ chức Lễ phát động Tháng Nhân đạo năm 2024 …, diễn ra từ ngày 1 đến ngày 31/5" (li02):
                # the launch and the campaign's span it opens are two events
                opened = [h for h in hits[1:] if h.end_day and (h.end_day - h.day).days > _FEW_DAYS]
                events += [_Event(sentence, para, h, None, False) for h in opened[:1]]
    return events


def _in_quoted_name(text: str, hit: DateHit) -> bool:
    """A date inside a short quoted name is the name's: "hưởng ứng “Ngày toàn dân phòng chống mua bán người - 30/7
    năm 2020”" marks a day, it tells of no gathering."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    head = text[line_start : hit.start]
    curly = head.rfind("“")
    if curly >= 0 and "”" not in head[curly:] and head[curly:].count('"') == 1:
        return False  # “Cùng hành động để thay đổi thế giới". Ngày 28/9, …: a name opened curly and closed straight
    for opening, closing in (("“", "”"), ('"', '"')):
        opened = head.rfind(opening)
        if opened < 0 or (opening == '"' and head.count('"') % 2 == 0) or (opening == "“" and "”" in head[opened:]):
            continue
        closed = text.find(closing, hit.end, hit.end + 80)
        if closed >= 0 and len(text[line_start + opened : closed].split()) <= 16:
            return True
    return False


def _clauses(ctx: Context, sentence: Span) -> list[Span]:
    """A sentence whose clauses (split at semicolons) each carry their own date holds one event per clause: "thời
    gian tổ chức dự kiến 06/11/2019; các ấp còn lại sẽ đồng loạt tổ chức từ ngày 10/11/2019 đến ngày 18/11/2019"."""
    pieces, at = [], sentence.start
    for part in re.split(r"(?<=;)\s", sentence.text):
        pieces.append(Span(at, at + len(part), part))
        at += len(part) + 1
    dated = [p for p in pieces if ctx.date_ix.within(p.start, p.end)]
    return pieces if len(dated) > 1 and len(pieces) > 1 else [sentence]


# The day of a historic act an anniversary is named by: "ngày Chủ tịch Hồ Chí Minh ", "Ngày Bác Hồ ".
_DAY_OF_ACT = re.compile(r"\b[Nn]gày\s+(?:[^\W\d_]+\s+){1,5}$")


def _issues_document(after: str) -> bool:
    """ "ngày 01/8/2018, Ban Thường vụ Huyện ủy ban hành Quyết định …": the date of a document being issued, not of
    a gathering — "ban hành" comes before any event verb in the clause after the date; so is the day a body speaks
    of a gathering ("Ngày 5/1, Ủy ban MTTQ tỉnh cho biết, tại hội nghị …"; "Ngày 22-7, Tỉnh đoàn cho hay Chương trình
    giao lưu … diễn ra từ 25 đến 27-7", np01), unless it has just been held ("cho biết, vừa tổ chức nghiệm thu": the
    day dates it, as a page's date does)."""
    clause = re.split(r"[.;]", after, maxsplit=1)[0]
    issued = next(
        (
            m
            for m in re.finditer(
                # an appeal sent ("đã có thư kêu gọi gửi các Sở, ban, ngành", sx07; "có Thư kêu gọi", hx06), a day
                # chosen ("quyết định lấy ngày 18/11 hằng năm là Ngày hội", sw08), a letter sent ("đã có văn bản số
                # 275/UBND-KGVX về việc hưởng ứng lễ phát động", kv09): documents too
                # a notice given ("Ngày 22/3, Ban Vận động Quỹ … thông báo về việc phân bổ chỉ tiêu vận động …", fk08),
                # a plan drawn up ("Ngày 30/12/2025, Ban chỉ đạo … xây dựng Kế hoạch số 01, triển khai …", f803),
                # or approved ("ngày 23/6/2014, UBND tỉnh đã phê duyệt Kế hoạch Đại hội …", v701)
                r"\b(?:(?:ký\s+)?ban\s+hành|phê\s+duyệt|cho\s+(?:biết|hay)|thông\s+báo\s+về\s+việc|"
                r"(?:có|ra|gửi)\s+(?:[Tt]hư|[Ll]ời)\s+kêu\s+gọi|"
                r"quyết\s+định\s+(?:lấy|chọn)|(?:có|ký|gửi)\s+(?:văn\s+bản|công\s+văn)(?:\s+số)?|"
                r"xây\s+dựng\s+[Kk]ế\s+hoạch\s+số)\b",
                clause,
            )
            # not the day an anniversary marks: "70 năm ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi Thi đua ái quốc" (ea04)
            if not _DAY_OF_ACT.search(clause, max(0, m.start() - 40), m.start())
        ),
        None,
    )
    verb = _EVENT_VERB.search(clause)
    if issued is None or (verb is not None and verb.start() < issued.start()):
        return False
    return verb is None or not re.search(r"\bvừa\b", clause[issued.end() : verb.start()])


# A day a gathering was held on, written after its verb: "Tại hội nghị tổng kết … vừa được Ủy ban MTTQ TP Hồ Chí Minh
# tổ chức ngày 30/10, đại diện Ủy ban MTTQ TP cho biết, …" (j701).
_HELD_ON = re.compile(
    r"\b(?:tổ\s+chức|diễn\s+ra|khai\s+mạc)\s+(?:vào\s+)?(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?$", re.I
)


def _spoken_day(text: str, hit: DateHit, end: int) -> bool:
    """The day is the one a document was issued or a body spoke on (_issues_document, the clause after it up to `end`),
    not one a gathering was held on that the words before it name."""
    return _issues_document(text[hit.end : end]) and not _HELD_ON.search(text, max(0, hit.start - 40), hit.start)


def _year_of_end(start: DateHit, end: DateHit) -> DateHit:
    """ "từ ngày 16.7 đến ngày 30.7.2018": the first day of a span takes the year written at its end."""
    if start.has_year or not end.has_year or start.day.year == end.day.year:
        return start
    day = parse_day(start.day.day, start.day.month, end.day.year)
    if day is not None and day > end.day:
        day = parse_day(start.day.day, start.day.month, end.day.year - 1)
    if day is None:
        return start
    note = f"năm {day.year} lấy theo ngày cuối của khoảng thời gian"
    return DateHit(start.start, start.end, day, None, start.precision, False, start.weekday, start.cue, note)


def _first_body(spans: list[Span]) -> BodyHit | None:
    for span in spans:
        bodies = find_bodies(span.text)
        if bodies:
            return bodies[0]
    return None


def _visit(ctx: Context, event: _Event, main_body: BodyHit | None, people: list[Person]) -> VisitDraft:
    text = event.sentence.text
    body = next(iter(find_bodies(text)), None) or led_body(text) or titled_body(text) or main_body
    key = (event.paragraph.start, event.paragraph.end)
    if key not in ctx.paragraph_facts:  # once per paragraph: a long one holds many events
        places = ctx.place_ix.within(*key)
        province = main_province(places) or ctx.province
        district = _district(ctx, places, province)
        commune = next(
            (h.name for h in places if h.level in ("commune", "ward", "township") and h.province == province), None
        )
        codes = list(dict.fromkeys(d.code for d in ctx.doc_ix.within(*key)))
        ctx.paragraph_facts[key] = (places, province, district, commune, codes)
    places, province, district, commune, codes = ctx.paragraph_facts[key]
    host = _host(ctx, event.sentence)
    # "… đã có buổi làm việc tại tỉnh Bạc Liêu"; a commune alone does not move the paragraph to another province (a
    # name read loosely: "tại xã Diễn Thành" beside "huyện Diễn Châu (Nghệ An)")
    if host is not None and host.province != province and (host.level not in ("commune", "ward") or province is None):
        province, places = host.province, [host]
        district = _district(ctx, places, province)
        commune = next((h.name for h in places if h.level in ("commune", "ward", "township")), None)
    # the leader the event's own paragraph names, else one another paragraph names by the body's title: said so
    leader = leader_for(body.name, find_people(event.paragraph.text)) if body else None
    elsewhere = False
    if body is not None and leader is None:
        leader = leader_for(body.name, people)
        elsewhere = leader is not None
    title = leader.title if leader else None
    level = body_level(body.name, province, district, title, codes, body.place) if body else None
    day, date_note, precision, confidence, notes = _visit_date(ctx, event)
    if district is None and ctx.portal is not None and ctx.portal[0] == province and level != "central":
        # a district's portal reports what happens there ("thuongtin.hanoi.gov.vn": "Huyện ủy" is Thường Tín's)
        _, district, host_name = ctx.portal
        notes.append(f"Huyện {district} theo địa chỉ trang “{host_name}” (trang của huyện): người nhập kiểm tra.")
    if elsewhere and leader is not None:  # (leader is set when elsewhere is)
        notes.append(
            f"Trưởng đoàn / chủ trì “{leader.name}” lấy theo chức danh nêu ở đoạn khác của bài, không phải đoạn của sự "
            "kiện này: người nhập kiểm tra."
        )
    on = dt.date.fromisoformat(day) if day else ctx.on
    province_code = _scheme_code(ctx, province, on)
    end = event.end.day if event.end else event.start.end_day if event.start else None
    closing = event.end or event.start
    if end is not None and closing is not None and closing.precision == "month":  # "tháng 6 đến tháng 8": its end
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    return VisitDraft(
        id=_visit_id(ctx, day, province_code),
        date_start=day,
        date_end=end.isoformat() if end else None,
        date_precision=precision,
        date_note=date_note,
        kind=_kind(text),
        body=body.name if body else None,
        body_level=level,
        leader_name=leader.name if leader else None,
        # the whole title, as reports print it and curators keep it: "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận
        # Tỉnh ủy", not only the part that names the body; tone marks placed one way ("Thành uỷ" → "Thành ủy"), so that
        # a timeline does not write the same office two ways
        leader_title=fold_tones(title) if title else None,
        province=province_code,
        province_note=(
            ctx.province_note
            if province_code and province == ctx.province
            else province_reason(places, province)
            if province_code and province
            else None
        ),
        district=district,
        commune=commune,
        documents=codes,
        summary=summary_of(text),
        quote=text.strip(),
        confidence=round(max(0.1, confidence - (0.2 if body is None else 0) - (0.1 if level is None else 0)), 2),
        notes=notes,
    )


def _host(ctx: Context, sentence: Span) -> PlaceHit | None:
    """The place a gathering is held at, when the sentence says so: "làm việc tại tỉnh Bạc Liêu", "kiểm tra tại
    huyện X" — it outweighs the provinces of those who came ("Đoàn … của tỉnh Sóc Trăng")."""
    for hit in ctx.place_ix.within(sentence.start, sentence.end):
        if hit.province and _AT.search(ctx.article.text, max(0, hit.start - 12), hit.start):
            return hit
    return None


def _district(ctx: Context, places: list[PlaceHit], province: str | None) -> str | None:
    for hit in places:
        if hit.level in ("district", "city", "town") and hit.province == province:
            return _district_name(ctx, hit)
    return None


def _district_name(ctx: Context, hit: PlaceHit) -> str:
    """A district as a record names it: its name, or with its type word where the province has two units of that
    name ("Huyện ủy Cao Lãnh" is huyện Cao Lãnh, beside thành phố Cao Lãnh)."""
    if ctx.registry is None or ctx.registry.gazetteer is None:
        return hit.name
    res = ctx.registry.resolve_place(hit.text or hit.name, hit.province or None)
    if res.status != "found" or res.match is None or res.match.place.level != "district":
        return hit.name
    return res.match.former or ctx.registry.gazetteer.record_name(res.match.place, OLD_DAY)


_PAGE_DATED = "Bài không ghi ngày làm việc"  # the note of a visit dated by the page


def _visit_date(ctx: Context, event: _Event) -> tuple[str | None, str | None, DatePrecision, float, list[str]]:
    """The event's first day, the note that says how it is known, its precision, a confidence, problems."""
    notes: list[str] = []
    if event.yearless:
        missing = "Bài ghi ngày nhưng không ghi năm, không có ngày đăng: người nhập cần ghi năm."
        return None, missing, "approximate", 0.3, notes
    if event.start is None:  # a visit read from the headline: the page gives no date of its own
        if ctx.published.date and len(ctx.published.date) == 10:
            return (
                ctx.published.date,
                f"{_PAGE_DATED}: lấy ngày đăng {partial_date(ctx.published.date)}.",
                "day",
                0.6,
                notes,
            )
        return None, "Bài không ghi ngày diễn ra sự kiện.", "approximate", 0.3, notes
    hit = event.start
    confidence, note = 0.9, hit.year_note  # a span's first day dated by its end says so even with its year set
    if not hit.has_year:
        year_note = hit.year_note or ctx.year_note
        confidence, note = (0.75 if ctx.published.date else 0.5), f"Ngày ghi “{_quote_of(ctx, hit)}”, {year_note}."
    problem = weekday_problem(hit)
    if problem:
        confidence -= 0.3
        notes.append(problem)
    return hit.day.isoformat(), note, hit.precision, confidence, notes


def _quote_of(ctx: Context, hit: DateHit) -> str:
    return ctx.article.text[hit.start : hit.end]


def _kind(text: str) -> VisitKind:
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return "lam_viec"


def _visit_id(ctx: Context, day: str | None, province: str | None) -> str | None:
    if day is None:
        return None
    key = (scheme_on(dt.date.fromisoformat(day)), province)
    if key not in ctx.unit_names:
        ctx.unit_names[key] = ctx.registry.name(*key) if ctx.registry and province else province or "trung-uong"
    return visit_id(day, ctx.unit_names[key])


# --- documents -----------------------------------------------------------------------------------------------


def _documents(ctx: Context) -> list[DocumentDraft]:
    """One draft per code: the fullest mention (with a date) is quoted; a completed bare code has low confidence."""
    by_code: dict[str, list[DocHit]] = {}
    own = [p for p in ctx.article.paragraphs[:_LETTERHEAD_LINES] if _OWN_NUMBER.match(p.text)]
    for hit in ctx.docs:
        if not any(p.start <= hit.start < p.end for p in own):  # the report's own number, not a document it cites
            by_code.setdefault(hit.code, []).append(hit)
    # "Số 45-BC/BDVHU" (no colon) alone on a letterhead's line: most likely the text's own number, drafted unticked
    loose = [p for p in ctx.article.paragraphs[:_LETTERHEAD_LINES] if _OWN_NUMBER_LOOSE.fullmatch(p.text.strip())]
    drafts = []
    for code, hits in by_code.items():
        best = max(hits, key=lambda h: (not h.inferred, h.date is not None, h.issuer is not None, -h.start))
        level = level_of_code(code)
        confidence = 0.5 if best.inferred else 0.95 if best.date else 0.85
        own_line = all(any(p.start <= h.start < p.end for p in loose) for h in hits)
        drafts.append(
            DocumentDraft(
                code=code,
                type=doc_type_enum(best),
                issuer=best.issuer,
                level=level,
                province=_scheme_code(ctx, ctx.province, ctx.on) if level != "central" else None,
                date=best.date,
                title=best.title,
                quote=ctx.article.text[best.start : _issuer_end(ctx.article.text, best)].strip(),
                confidence=0.4 if own_line else confidence,
                notes=(["Mã suy ra từ loại văn bản và cơ quan ban hành; bài chỉ ghi số."] if best.inferred else [])
                + ([_OWN_LINE_NOTE] if own_line else []),
            )
        )
    return drafts


def _issuer_end(text: str, hit: DocHit) -> int:
    """Quote a mention up to its issuer when the issuer follows closely ("… ngày 03/6/2013 của Ban Chấp hành …")."""
    end = hit.quote_end
    if hit.issuer:
        pos = text.find(hit.issuer, end, end + 160)
        if pos != -1 and "\n" not in text[end:pos]:
            end = pos + len(hit.issuer)
    return end


# --- observations --------------------------------------------------------------------------------------------


def _observations(ctx: Context) -> list[ObservationDraft]:
    drafts: list[ObservationDraft] = []
    # A fact stated again in another sentence (a caption and its paragraph, a headline) is drafted once; in the
    # same sentence, equal figures counting other words are items of a list ("2 giải nhất, 2 giải nhì"); in a
    # list of labelled sentences ("Thôn A: 50 …", "Thôn B: 50 …") the label tells them apart.
    seen: dict[tuple[object, ...], tuple[int, set[str], set[float | None]]] = {}
    restated: set[tuple[tuple[object, ...], int]] = set()  # (key or fact, sentence) where one was found said before
    # … and in a text of few figures, an equal figure of another sentence is the same fact even in other words ("345
    # suất quà" in the headline, "345 phần quà" below; "bàn giao 2 nhà" then "trao quyết định cho 2 hộ"): its first
    # sentence where it was said, and the echoes to drop, a headline's or caption's rather than the body's
    facts: dict[tuple[object, ...], int] = {}
    head_facts: dict[tuple[object, ...], ObservationDraft] = {}
    echoes: list[ObservationDraft] = []
    title = _title(ctx)
    # The headline: a short first paragraph, else the first sentence of a long one (a page that runs the headline
    # into its lead: "Chính quyền - đoàn thể Hội An có hơn 500 mô hình … (QNO) - Sáng 15/10, …").
    headline = title if title is None or len(title.text.split()) <= 40 else next(iter(split_sentences(title)), None)
    heads: list[ObservationDraft] = []
    previous_period: tuple[str | None, str | None] = (None, None)
    opening = _opening_period(ctx)
    for para in ctx.article.paragraphs:
        if _stamp_line(ctx, para):
            continue
        lead = _paragraph_period(ctx, para) or opening
        # a short line of its own under the text, a photo's caption with no credit ("Trao tặng 50 suất học bổng …,
        # tổng trị giá 50 triệu đồng." after the paragraph that said so): its figures said before are said again
        sentences = split_sentences(para)
        caption = len(para.text.split()) <= 30 and len(sentences) == 1
        said_above = len(drafts)
        for sentence in sentences:
            if len(sentence.text.split()) >= 6 and not looks_vietnamese(sentence.text):
                continue  # "ky anh to chuc mung tho cho 30 cu": a page's address or alt text, its marks stripped
            if _MACHINE_ALT.match(sentence.text):
                continue  # "Có thể là hình ảnh về 7 người và đám đông": a social page's machine-written alt text
            masked = _masks(ctx, sentence)
            found = periods(sentence.text, base=sentence.start)  # once per sentence: per number was quadratic
            wide = set(_words(sentence.text))
            given: list[Measure] = []
            found_here = measures(sentence.text, masked, base=sentence.start)
            for measure in found_here:
                if _one_each(sentence, measure, given):
                    continue
                given.append(measure)
                period = _period_for(ctx, sentence, measure, found) or lead
                if period is None and _CONTINUES.match(sentence.text):
                    period = previous_period
                period = period or (None, None)
                key = (
                    measure.value,
                    measure.numerator,
                    measure.denominator,
                    measure.unit,  # "20 tổ chức cơ sở" and "20-30% tổ chức hội": two figures
                    measure.status,  # "100% hội viên" done and "phấn đấu 100% hội viên": a result and a target
                    measure.subject,
                    period[0],
                    _item_label(sentence.text),
                    measure.breakdown,  # "dân tộc K’Ho 02 người … dân tộc Nùng 02 người": two parts
                    _each(ctx.article.text, measure.start, sentence),  # "tài trợ 80 triệu" and "Mỗi căn … 80 triệu"
                )
                words = _words_around(ctx.article.text, measure.start, measure.end, sentence)
                if _said_before(drafts, measure, sentence):
                    continue
                where, said, ranges = seen.setdefault(key, (sentence.start, set(), set()))
                # a bound of another range ("200-250 triệu" of one member, "250 đến 300 triệu" of the next) is news
                partner = _range_partner(ctx.article.text, measure, found_here)
                # … and an equal figure a sentence lists beside the one it restates is its next item ("11 hộ … vay 500
                # triệu; 11 hộ ở xã Trường Xuân vay 300 triệu" after a caption's "11 hộ dân …")
                # ("Ca sĩ Đức Phúc cũng ủng hộ 100 triệu đồng." after another's 100 triệu: "cũng", also, is news)
                also = _ALSO.search(ctx.article.text[sentence.start : measure.start]) is not None
                again = where != sentence.start and (key, sentence.start) not in restated and not also
                fact = (*key[:5], *key[7:])  # the key without the noun and the period
                first = facts.setdefault(fact, sentence.start)
                echo = first != sentence.start and (fact, sentence.start) not in restated and not also
                restated.update({(key, sentence.start), (fact, sentence.start)})
                if (again or words in said) and not (partner is not None and ranges and partner not in ranges):
                    continue  # the same fact stated again
                said.add(words)
                if partner is not None:
                    ranges.add(partner)
                previous_period = period
                drafts.append(_observation(ctx, sentence, measure, period, wide))
                if echo:
                    echoes.append(head_facts.pop(fact, drafts[-1]))
                if (headline is not None and headline.start <= sentence.start < headline.end) or _CAPTION.search(
                    para.text
                ):
                    heads.append(drafts[-1])
                    if first == sentence.start:
                        head_facts[fact] = drafts[-1]
        if caption and len(drafts) > said_above:
            in_text = [d for d in drafts[:said_above] if not any(d is h for h in heads)]  # not the headline's
            if all(any(_restates(o, d) for d in in_text) for o in drafts[said_above:]):
                del drafts[said_above:]  # every figure of the line was said above it
    if len(drafts) <= FEW_FIGURES:
        drafts = [d for d in drafts if not any(d is e for e in echoes)]
    # A headline's or a photo caption's figure restated in the body ("Huy động hơn 1,8 tỉ đồng …" then "đã huy động
    # được hơn 1,8 tỷ đồng" with its period) is one fact: the body's statement is kept.
    body = [d for d in drafts if not any(d is h for h in heads)]
    drafts = [d for d in drafts if not any(d is h for h in heads) or not any(_restates(d, b) for b in body)]
    ids: Counter[str] = Counter()
    for draft in drafts:  # equal figures of a list would share an id: number the later ones
        ids[draft.id] += 1
        if ids[draft.id] > 1:
            draft.id = f"{draft.id}-{ids[draft.id]}"
    return drafts


# A text of at most this many figures says an equal one twice of the same fact; a longer report's equal figures are
# often other facts ("36 mô hình" and "36 xã"). Chosen on the tuning texts: of the figures a text of five or fewer
# says again in other words, three in four are not labelled.
FEW_FIGURES = 5

# "Ca sĩ Đức Phúc cũng ủng hộ 100 triệu đồng": "cũng", also, makes an equal figure another's.
_ALSO = re.compile(r"\bcũng\s+(?:[^\W\d_]+\s+){0,3}$")
# "2 khu dân cư kiểu mẫu vừa đạt chuẩn này": the figure points back at one already given.
_POINTS_BACK = re.compile(r"^\s*(?:[^\W\d_]+\s+){1,8}?(?:này|nói trên|trên đây|kể trên)\b")


# Recipients right before a count: "… cho 10 hội viên", "8 hộ được hỗ trợ 8 con bò".
_RECIPIENTS = re.compile(r"\bcho\s+(?:các\s+|mỗi\s+)?$|\bđược\s+(?:hỗ\s+trợ|nhận|tặng|trao|cấp)\s+$")


def _one_each(sentence: Span, measure: Measure, given: list[Measure]) -> bool:
    """ "trao 10 suất quà … cho 10 hội viên", "bàn giao 2 nhà Đại đoàn kết cho 2 hộ": the recipients, one each, of
    the things just counted are the same figure; so are the things the counted recipients get, one each ("8 hộ được
    hỗ trợ 8 con bò")."""
    before = sentence.text[: measure.start - sentence.start]
    return (
        measure.unit == "count"
        and bool(_RECIPIENTS.search(before))
        # … not when the first count is recipients too ("bằng khen … cho 02 tập thể và … cho 02 cá nhân")
        and any(
            g.value == measure.value
            and g.unit == "count"
            and not _RECIPIENTS.search(sentence.text[: g.start - sentence.start])
            for g in given
        )
    )


def _said_before(drafts: list[ObservationDraft], measure: Measure, sentence: Span) -> bool:
    """A figure of an earlier sentence stated again with other words: pointed back at ("2 khu dân cư … này"), or a
    large round figure repeated ("đại diện hơn 29.000 hội viên" … "tổng số hội viên hiện nay hơn 29.000 người");
    exact equal figures are often different things ("3.000 thanh niên", "3.000 cây xanh") and stay."""
    earlier = [d for d in drafts if d.quote != sentence.text and d.value == measure.value and d.unit == measure.unit]
    if not earlier or measure.numerator is not None:
        return False
    after = sentence.text[measure.end - sentence.start :]
    rounded = measure.value >= 1000 and measure.qualifier is not None
    return bool(_POINTS_BACK.match(after)) or (rounded and any(d.qualifier == measure.qualifier for d in earlier))


_MACHINE_ALT = re.compile(r"\s*Có thể là (?:hình )?ảnh\b")
# A photo caption ends with its credit: "Công ty … ủng hộ 100 triệu đồng. Ảnh: T.Đ", "(Ảnh: Minh Hà)".
_CAPTION = re.compile(r"\(?\s*Ảnh\s*:\s*[^\n]{1,40}$")


_CLASSIFIERS = ("căn", "ngôi", "chiếc", "cái", "con")


def _head_nouns(subject: str | None) -> set[str]:
    """What a figure counts, by its first word and by the first past a classifier: "căn nhà", "ngôi nhà" and "nhà"
    are one noun, and so are "căn nhà tạm" and a bare "căn được hỗ trợ"."""
    words = name_key(subject or "").split()
    first = next((w for w in words if w not in _CLASSIFIERS), "")
    return {first, words[0]} if words and words[0] in _CLASSIFIERS else {first}


def _restates(head: ObservationDraft, other: ObservationDraft) -> bool:
    """The same figure counting the same thing: value, fraction and unit equal, and the noun it counts (_head_nouns); or
    a headline's round "hơn 500 mô hình" for the body's 501 (within a tenth above it; "gần" below it)."""
    if not _head_nouns(head.subject) & _head_nouns(other.subject):
        return False
    fraction = (head.value, head.numerator, head.denominator)
    if head.unit == other.unit and fraction == (other.value, other.numerator, other.denominator):
        return True
    if head.unit == "percent" and head.numerator is None and head.value == other.value:
        return True  # "Đạt 78,94% cơ sở Hội …" over "120/152 cơ sở Hội … (đạt 78,94%)": the share of a fraction
    if head.numerator is not None or not head.value:
        return False
    # the body's figure, or the part of its fraction ("hơn 150 sản phẩm" for "154/238 sản phẩm … (tỷ lệ 65%)")
    if head.unit != other.unit and not (other.numerator is not None and head.unit == "count"):
        return False
    ratio = (other.value if other.numerator is None else other.numerator) / head.value
    return (head.qualifier in ("hơn", "trên") and 1 < ratio <= 1.1) or (head.qualifier == "gần" and 0.9 <= ratio < 1)


def _range_partner(text: str, measure: Measure, found: list[Measure]) -> float | None:
    """The other bound of the range a figure bounds ("từ 250 đến 300 triệu đồng": 300 for 250), else None."""
    for other in found:
        low, high = (other, measure) if other.end <= measure.start else (measure, other)
        if other is not measure and re.fullmatch(
            r"\s*(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:-|–|đến|tới)\s*", text[low.end : high.start]
        ):
            return other.value
    return None


def _each(text: str, start: int, sentence: Span) -> bool:
    """A figure per unit ("Mỗi căn nhà được hỗ trợ 80 triệu đồng"): "mỗi" in its clause, before it."""
    return re.search(r"\b[Mm]ỗi\b", re.split(r"[,;:(]", text[max(sentence.start, start - 80) : start])[-1]) is not None


def _words_around(text: str, start: int, end: int, sentence: Span) -> str:
    """The few words after a number, up to the next number or clause mark — what this figure counts, and where ("1 cửa
    hàng ở Hà Nội và 1 cửa hàng ở Hòa Bình" are two) — and the last words of its clause before it, who gave it ("từ
    Ngân hàng … 5 triệu đồng, Đoàn cơ sở … hỗ trợ 5 triệu đồng" are two)."""
    after = text[end : min(sentence.end, end + 60)]
    stop = re.search(r"\d|[,;(]", after)
    before = re.split(r"\d|[,;)]", text[max(sentence.start, start - 60) : start])[-1]
    words = re.findall(r"[^\W\d_]+", name_key(after[: stop.start()] if stop else after))[:5]
    return " ".join([*re.findall(r"[^\W\d_]+", name_key(before))[-3:], "|", *words])


def _item_label(sentence: str) -> str | None:
    """The label of an item in a list of sentences ("Thôn Châu Khê: 50 bóng điện …"): it tells equal figures apart."""
    m = re.match(r"\s*([^:;,.]{2,40}):", sentence)
    return m.group(1).strip() if m else None


# A web address written in the text ("Nguồn: http://baoquangngai.vn/thoi-su/202409/…"): its digits count nothing.
# a web address, or a file's path or name ("0/637309136319356955446.png" left from an image)
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+\.(?:png|jpe?g|gif|webp|pdf|docx?|xlsx?)\b", re.IGNORECASE)


def _masks(ctx: Context, sentence: Span) -> list[tuple[int, int]]:
    """Spans (sentence offsets) that are dates, times, document codes, web addresses or file names: no number inside
    them is a measure."""
    spans = [(h.start, h.end) for h in ctx.date_ix.within(sentence.start - 80, sentence.end)]
    spans += [(d.start, d.quote_end) for d in ctx.doc_ix.within(sentence.start - 300, sentence.end)]
    if ctx.pub_hit is not None:
        spans.append((ctx.pub_hit.start, ctx.pub_hit.end))
    local = [(s - sentence.start, e - sentence.start) for s, e in spans if s < sentence.end and sentence.start < e]
    return local + find_times(sentence.text) + [m.span() for m in _ADDRESS.finditer(sentence.text)]


def _period_value(ctx: Context, kind: str, value: str) -> tuple[str | None, str | None]:
    """(period, period_note) for a period expression; "đến nay" is the publication day."""
    if kind in ("range", "year", "term"):
        return value, None
    if kind == "now":
        if ctx.published.date and len(ctx.published.date) == 10:
            return ctx.published.date, f"“đến nay” = ngày đăng {partial_date(ctx.published.date)}"
        if ctx.year:
            return str(ctx.year), f"“đến nay”: bài không ghi ngày đăng đủ ngày; lấy năm {ctx.year} ({ctx.year_note})"
        return None, None
    if ctx.year:
        return str(ctx.year), f"“trong năm” = năm {ctx.year} ({ctx.year_note})"
    return None, None


def _period_for(
    ctx: Context, sentence: Span, measure: Measure, found: list[tuple[int, str, str]]
) -> tuple[str | None, str | None] | None:
    """The nearest period expression (of `found`, the sentence's) before the number, else the first after it in
    its clause."""
    i = bisect_left(found, (measure.start,))
    if i > 0:
        return _period_value(ctx, *found[i - 1][1:])
    clause_end = _clause_end(ctx.article.text, measure.end, sentence.end)
    after = [p for p in found[i : i + 3] if measure.end <= p[0] < clause_end]
    return _period_value(ctx, *after[0][1:]) if after else None


def _clause_start(text: str, lo: int, pos: int) -> int:
    """The clause around `pos` starts after the previous ";" (looked for at most WINDOW back: linear work)."""
    lo = max(lo, pos - WINDOW)
    return text.rfind(";", lo, pos) + 1 or lo


_CLAUSE_END = re.compile(r";|:\s")  # "4 nội dung: Báo cáo … từ năm 2024": the list after a colon is no period of it


def _clause_end(text: str, pos: int, hi: int) -> int:
    hi = min(hi, pos + WINDOW)
    end = _CLAUSE_END.search(text, pos, hi)
    return hi if end is None else end.start()


def _opening_period(ctx: Context) -> tuple[str | None, str | None] | None:
    """A year that opens the article's lead ("(GLO)- Năm 2021, MTTQ các cấp …") frames the figures after it that
    state no period of their own; the note says so. An office's report states it in its title ("BÁO CÁO Kết quả
    công tác dân vận năm 2023"), under a letterhead that pushes its lead further down."""
    if (report := _report_title(ctx.article)) and len(stated := periods(report)) == 1 and stated[0][1] == "year":
        return stated[0][2], f"kỳ lấy theo tiêu đề báo cáo: “{clipped(report, 80)}”"
    for para in ctx.article.paragraphs[:4]:
        if any(kind == "term" for _, kind, _ in periods(para.text[:60])):
            continue  # "Nhiệm kỳ 2016 - 2021, …": that paragraph's results, not the article's
        found = _paragraph_period(ctx, para)
        if found and found[0] and found[1] is None:
            # the words up to the comma after the year: "Năm 2021", "Hà Tĩnh, ngày 15 tháng 12 năm 2023"
            year = found[0][:4]
            cut = para.text.find(",", para.text.find(year))
            quote = clipped(para.text[: cut if cut > 0 else len(para.text)].strip(), 80)
            return found[0], f"kỳ lấy theo câu mở đầu bài: “{quote}”"
    return None


def _paragraph_period(ctx: Context, para: Span) -> tuple[str | None, str | None] | None:
    """A period that opens a paragraph ("Năm 2023 công tác …") holds for all of it."""
    found = periods(para.text[:60], base=para.start)
    if found and found[0][0] - para.start <= 30:
        return _period_value(ctx, *found[0][1:])
    return None


def _observation(
    ctx: Context, sentence: Span, measure: Measure, period: tuple[str | None, str | None], wide: set[str]
) -> ObservationDraft:
    quote = _quote(ctx.article.text, sentence, measure)
    on = _last_day(period[0]) if period[0] else ctx.on
    if ctx.on and on and on > ctx.on:
        # a page of March 2025 counts "năm 2025" in the provinces of its day, not the merged ones; so does an undated
        # page of a congress in 2022 its term's results to 2027
        on = ctx.on
    province = _scheme_code(ctx, ctx.province, on)
    district = _obs_district(ctx, sentence)
    confidence = (
        0.85
        - (0.15 if measure.subject is None else 0)
        - (0.1 if period[0] is None else 0)
        - (0.1 if period[1] else 0)
        - (0.15 if province is None else 0)
    )
    value = clean(measure.value)
    return ObservationDraft(
        id=f"o-{slug(measure.subject or 'so-lieu')}-{period[0] or 'na'}-{value}",
        indicator=_indicator(ctx, sentence, measure, wide),
        province=province,
        province_note=ctx.province_note if province else None,
        district=district,
        commune=None,
        period=period[0],
        period_note=period[1],
        value=value,
        numerator=clean(measure.numerator) if measure.numerator is not None else None,
        denominator=clean(measure.denominator) if measure.denominator is not None else None,
        unit=measure.unit,
        qualifier=measure.qualifier,
        subject=measure.subject,
        status=measure.status,
        breakdown=measure.breakdown,
        quote=quote,
        confidence=round(max(0.1, confidence), 2),
    )


def _last_day(value: str) -> dt.date:
    """The last day a date or period covers: "2024-05-06", "2025-06" (its month: still before the 2025 merger),
    "2024", "2021-2023"."""
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(int(value[-4:]), 12, 31)


def _obs_district(ctx: Context, sentence: Span) -> str | None:
    named = [h for h in ctx.place_ix.within(sentence.start, sentence.end) if h.level in ("district", "city", "town")]
    if named:
        return _district_name(ctx, named[0])
    return ctx.district if ctx.district and _DISTRICT_WORD.search(sentence.text) else None


def _quote(text: str, sentence: Span, measure: Measure) -> str:
    """The sentence with the number, verbatim; a long one is cut at semicolons, then at word bounds."""
    if sentence.end - sentence.start <= MAX_QUOTE:
        return sentence.text.strip()
    start = _clause_start(text, sentence.start, measure.start)
    end = _clause_end(text, measure.end, sentence.end)
    if end - start > MAX_QUOTE:
        lo = max(start, measure.start - MAX_QUOTE // 2)
        hi = min(end, measure.end + MAX_QUOTE // 2)
        lo = text.find(" ", lo, measure.start) + 1 if lo > start else lo
        hi = text.rfind(" ", measure.end, hi) if hi < end and text.rfind(" ", measure.end, hi) > 0 else hi
        start, end = lo, hi
    return text[start:end].strip(" ,;")


def _indicator(ctx: Context, sentence: Span, measure: Measure, wide: set[str]) -> str:
    """The known indicator whose name the words around the number cover best: words up to the end of the number's
    noun phrase count fully, those since the previous number 0.6, the rest of the sentence 0.3; rare name words
    weigh more than words every name has ("mô hình", "Dân vận khéo"). The unit must agree, the counted noun
    be in the name, and two of the name's words be found. Else new:<noun>."""
    subject = measure.subject or "số liệu"
    before, after = _around(ctx.article.text, sentence, measure)
    # the verb just before the number is the number's own ("đăng ký 42 mô hình", "xây dựng 356 mô hình")
    near = set(_words(after)) | set(_words(subject)) | set(_words(before)[-2:])
    back = set(_words(before))
    weights = _name_weights(ctx)
    phrase = [w for w in near if w not in _INDICATOR_FILLER]  # the number's own words, for how much a name explains
    best, best_score = None, 0.0
    for indicator in ctx.indicators:
        name = weights.get(str(indicator.get("id")), {})
        if indicator.get("unit") != measure.unit or not name:
            continue
        if measure.unit != "vnd" and measure.subject and not set(_words(measure.subject)) & set(name):
            continue
        found = {word: 1 if word in near else 0.6 if word in back else 0.3 if word in wide else 0 for word in name}
        if sum(1 for share in found.values() if share) < min(2, len(name)):
            continue  # one shared syllable is no match: "văn hóa" is not "số hóa"
        score = sum(name[word] * share for word, share in found.items()) / sum(name.values())
        # and how much of the number's own phrase the name explains: "201 mô hình, điển hình … đạt hiệu quả" is the
        # name with "hiệu quả", not the shorter one that lacks it
        explained = sum(1 for w in phrase if w in name) / len(phrase) if phrase else 1.0
        score = score * (0.8 + 0.2 * explained)
        if score > best_score:
            best, best_score = indicator.get("id"), score
    return best if best and best_score >= 0.5 else f"{NEW_INDICATOR}{subject}"


def _name_weights(ctx: Context) -> dict[str, dict[str, float]]:
    """Per indicator id, its name words weighted by rarity among all the names (inverse document frequency)."""
    if ctx.indicator_weights is None:
        names = {
            str(i.get("id")): {w for w in _words(str(i.get("name_vi", ""))) if w not in _INDICATOR_FILLER}
            for i in ctx.indicators
        }
        df = Counter(w for words in names.values() for w in words)
        ctx.indicator_weights = {
            key: {w: math.log(1 + len(names) / df[w]) for w in words} for key, words in names.items()
        }
    return ctx.indicator_weights


def _around(text: str, sentence: Span, measure: Measure) -> tuple[str, str]:
    """The words between the previous number (or clause start) and this one, and the noun phrase after it."""
    clause_start = _clause_start(text, sentence.start, measure.start)
    clause_end = _clause_end(text, measure.end, sentence.end)
    before = text[clause_start : measure.start]
    numbers = list(re.finditer(r"\d+(?:[.,]\d+)*", before))
    before = before[numbers[-1].end() :] if numbers else before
    after = text[measure.end : clause_end]
    stop = _PHRASE_END.search(after)  # the noun phrase of this number, not the next item of a list
    if stop is None:
        return before, after
    phrase = after[: stop.start()]
    if stop.group().isdigit():  # "501 mô hình … được đăng ký và đã công nhận 501 mô hình": the verb before the next
        # number is that number's own, as it is its own "before" (at most four words after "và")
        joined = list(_NEXT_VERB.finditer(phrase))
        if joined:
            phrase = phrase[: joined[-1].start()]
    return before, phrase


_NEXT_VERB = re.compile(r"\s+và\s+(?=(?:\S+\s+){0,3}\S*\s*$)")


# The end of a number's noun phrase: a digit, a semicolon, a bracket or a comma, but not the comma of a pair the
# indicators' names also join ("345 mô hình, điển hình “Dân vận khéo” được xây dựng", "tập thể, cá nhân").
# The words that bring in the next number's worth end the phrase too ("9.500 phần quà với tổng giá trị gần 5 tỷ đồng").
_PHRASE_END = re.compile(
    r"\d|[;(]|,(?!\s*(?:điển\s+hình|cá\s+nhân|tập\s+thể)\b)|"
    r"\s(?:với\s+)?(?:tổng\s+)?(?:giá\s+trị|trị\s+giá|kinh\s+phí|số\s+tiền)\b"
)


# A two-syllable word whose syllable would match another word's ("hiện có" shares "hiện" with "thực hiện"): one word.
_COMPOUNDS = re.compile(r"\bhiện có\b")
# Words reports use for one thing, written as the indicators' names write it: a gift package is a "phần quà" or a
# "suất quà" ("hơn 9.500 phần quà với tổng giá trị gần 5 tỷ đồng").
_SYNONYMS = {"phần quà": "suất quà"}
_SYNONYM = re.compile("|".join(rf"\b{phrase}\b" for phrase in _SYNONYMS))


def _words(text: str) -> list[str]:
    """name_key words with the acronyms of the field spelled out (KDC → khu dân cư, TTHC → thủ tục hành chính), and
    "hiện có" one word: "đã xây dựng, thực hiện 80 mô hình" is "… được xây dựng, thực hiện", not "… hiện có (lũy
    kế)"."""
    spelled = _SYNONYM.sub(
        lambda m: _SYNONYMS[m.group()], " ".join(_ACRONYMS.get(w, w) for w in name_key(text).split())
    )
    return _COMPOUNDS.sub("hiện_có", spelled).split()


# --- loading and output --------------------------------------------------------------------------------------


def load_registry(data: str | Path = "data") -> tuple[Registry | None, str | None]:
    """The registry from a data folder: the validated catalog, else its units.csv/places.csv read directly (the
    folder may be half-written), else None. Returns (registry, a note on what was used)."""
    root = Path(data)
    names = gazetteer.load(root) if (root / "gazetteer").is_dir() else None  # else the repository's own
    try:
        catalog = load(root)
        return Registry(catalog.units, catalog.places, names, catalog.documents["code"].to_list()), None
    except DataError:
        pass
    units, places = root / "units.csv", root / "places.csv"
    if not units.is_file():
        return None, f"{root}: không có units.csv — không xác định được tỉnh"
    unit_frame = pl.read_csv(units, infer_schema=False)
    place_frame = (
        pl.read_csv(places, infer_schema=False)
        if places.is_file()
        else pl.DataFrame(schema={c: pl.String for c in ("name", "level", "province_code", "aliases")})
    )
    return Registry(unit_frame, place_frame, names), f"{root}: dữ liệu chưa hợp lệ, đọc trực tiếp units.csv/places.csv"


def load_indicators(data: str | Path = "data") -> list[dict[str, Any]]:
    path = Path(data) / "indicators.yaml"
    if not path.is_file():
        return []
    try:
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return []
    return [r for r in records or [] if isinstance(r, dict) and "id" in r]
