"""Ingest, step 5: who and where — provinces, districts and communes (the gazetteer through the Registry, then
places.csv), the visiting body and its leader."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from .. import gazetteer as gaz
from ..model import MERGER_DATE, NEW_SCHEME, OLD_SCHEME, BodyLevel, PlaceLevel
from ..registry import OLD_DAY, Registry, place_of
from ..text import ascii_key, fold_tones, name_key

# Names are resolved in the 63-province scheme (places.csv uses it); records dated later are converted at the end.
# GSO codes of the centrally-run cities: their "Thành ủy" is a provincial party committee.
CENTRAL_CITIES = {"01", "31", "48", "79", "92"}

# A word (Vietnamese letters, inner apostrophes as in "K’Ré"); capital_run keeps those starting with a capital.
_CAP_WORD = re.compile(r"[^\W\d_][^\s,.;:!?()“”\"/\[\]]*")
# Prefixes that name the level of the place after them. Lists ("các xã A, B, C") are followed comma by comma.
_PLACE_PREFIX = re.compile(
    r"\b(?P<prefix>tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|đảng bộ xã|đảng bộ phường|"
    r"(?:các\s+)?(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|thị trấn|xã|phường))\s+",
    re.IGNORECASE,
)
# Words that may lead a run of capitals without being part of the name: "Báo Hà Nam", "Nguồn Báo Hà Nam".
_LEAD_WORDS = {"báo", "nguồn", "đài", "cổng", "tỉnh", "huyện", "thành", "phố", "tp", "tp.", "trang", "tại", "ở"}
# "Hồ Chí Minh" is a person in "tư tưởng, đạo đức, phong cách Hồ Chí Minh": the city needs its prefix.
_PERSON_NAMES = {"hồ chí minh"}

# Bodies that visit or organise: Ban Dân vận (BDV) of any level, a steering committee (BCĐ) by its full name, a party
# committee or its standing committee, the Fatherland Front (MTTQ) committee, a "Khối dân vận", a people's committee.
_LEVEL = r"(?:Trung\s+ương|tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|[Tt]hị\s+trấn)"
_QCDC = r"(?i:quy\s+chế\s+dân\s+chủ)(?:\s*\(QCDC\))?|QCDC"
# The Front's member organisations, each with the short form it is given ("Hội Nông dân (ND)", "Hội Khuyến học
# (KH)"); the students' union too ("Ban Thư ký Hội Sinh viên (SV) tỉnh vừa tổ chức phát động …", bs03).
_MEMBER = (
    r"Hội\s+(?i:LHPN|Liên\s+hiệp\s+phụ\s+nữ|Phụ\s+nữ|Nông\s+dân|ND|CCB|Cựu\s+chiến\s+binh|Người\s+cao\s+tuổi|NCT|LHTN|"
    r"Liên\s+hiệp\s+Thanh\s+niên|Chữ\s+thập\s+đỏ|Khuyến\s+học|Cựu\s+TNXP|Cựu\s+thanh\s+niên\s+xung\s+phong|Sinh\s+viên)"
    r"(?:\s*\((?-i:[A-ZĐ]{2,6})\))?"
)
# Matched in fold_tones' text ("Uỷ ban" reads as "Ủy ban"): find_bodies folds before it searches.
_BODY = re.compile(
    # the committee's word in either case: "Ban dân vận tỉnh ủy do ông X … làm trưởng đoàn" is the survey's body
    r"(?P<body>(?:[Bb]an\s+(?:Tuyên\s+giáo\s+và\s+)?[Dd]ân\s+vận|BDV)\s+(?:Trung\s+ương|TƯ\b|T\.Ư\b|[Tt]ỉnh\s+ủy|"
    r"[Tt]hành\s+ủy|[Hh]uyện\s+ủy|[Tt]hị\s+ủy|[Qq]uận\s+ủy|[Đđ]ảng\s+ủy)|"
    r"(?:Ủy\s+ban\s+Kiểm\s+tra|Ban\s+(?:Tuyên\s+giáo|Tổ\s+chức|Nội\s+chính))\s+"
    r"(?:Trung\s+ương|(?:Tỉnh|Thành|Huyện|Thị|Quận)\s+ủy)|"
    r"(?:(?:Ban\s+Thường\s+trực|Đoàn\s+Chủ\s+tịch)\s+)?(?:Ủy\s+ban\s+(?:Trung\s+ương|T\.Ư|TƯ|TW)|UBTƯ|UBTW)\s+(?:MTTQ|Mặt\s+trận\s+Tổ\s+quốc(?:\s*\(MTTQ(?:\s*VN)?\))?)(?:\s+(?:Việt\s+Nam|VN)\b)?|"
    r"(?:Ban\s+[Cc]hỉ\s+đạo(?:\s*\(BCĐ\))?|(?<![/\w-])BCĐ)"
    r"(?:\s+[Pp]hong\s+trào\s+thi\s+đua\s+[“\"][Dd]ân\s+vận\s+khéo[”\"]|\s+thực\s+hiện\s+QCDC[^,.;]{0,40}?[”\"]|"
    r"\s+công\s+tác\s+(?:vận\s+động\s+quần\s+chúng|dân\s+vận)(?=\s+(?:xã|phường|[Tt]hị\s+trấn)\b)|"
    rf"\s+(?:(?:về\s+)?(?i:thực\s+hiện)\s+(?:{_QCDC})(?:\s+(?:ở\s+)?cơ\s+sở)?"
    r"(?:\s+và\s+phong\s+trào\s+(?:thi\s+đua\s+)?[“\"]Dân\s+vận\s+khéo[”\"])?))?"
    r"(?:\s+(?:Trung\s+ương|tỉnh|huyện|thành\s+phố|thị\s+xã|xã|phường|[Tt]hị\s+trấn)\b)?|"
    r"(?:Ban\s+Thường\s+vụ|Thường\s+trực)\s+(?:Tỉnh|Thành|Huyện|Thị)\s+ủy|(?:Thường\s+trực\s+)?HĐND\s+(?:tỉnh|huyện|thành\s+phố)|"
    r"(?:Ban\s+[Tt]hường\s+trực\s+)?(?:Ủy\s+ban|UB)\s*(?:MTTQ|Mặt\s+trận\s+[Tt]ổ\s+quốc(?:\s*\(MTTQ(?:\s*VN)?\))?)\s*(?:Việt\s+Nam|VN)?"
    r"(?:\s*\(MTTQ\s*(?:VN|Việt\s+Nam)?\))?\s+"
    # "Tỉnh", "Huyện", "Thành phố" in either case ("Đoàn UBMTTQ Tỉnh do đ/c X … dẫn đầu", "Ủy ban MTTQ Việt Nam Thành
    # phố Hồ Chí Minh"), "TP. Hà Nội", a glued "TP.HCM"; a capital "Quận" opens the place's name ("Quận 1"),
    # "Phường 10" names a ward
    r"(?:[Tt]ỉnh|[Hh]uyện|[Tt]hành\s+phố|TP(?=\.?\s|\.[A-ZĐ])|thị\s+xã|quận|xã|phường|Phường(?=\s+\d)|[Tt]hị\s+trấn|đặc\s+khu)\b|"
    r"Khối\s+[Dd]ân\s+vận(?:\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|[Tt]hị\s+trấn)\b)?|"
    # the Front's member organisations: "Hội LHPN tỉnh", "Ban Thường vụ Hội Nông dân huyện", "Tỉnh Đoàn"
    # in any case ("Hội nông dân xã Lê Hóa", "Hội Cựu Chiến binh", "Ban đại diện Hội Người cao tuổi tỉnh")
    rf"(?:Ban\s+(?:Thường\s+vụ|[Đđ]ại\s+diện)\s+)?{_MEMBER}(?:\s+(?:Việt\s+Nam|VN))?\s+"
    r"(?:tỉnh|huyện|[Tt]hành\s+phố|TP(?=\.?\s)|thị\s+xã|quận|xã|phường|[Tt]hị\s+trấn|đặc\s+khu)\b|"
    # … and their central bodies: "Trung ương Hội Nông dân Việt Nam", "Ban Thường vụ Trung ương Đoàn", "Hội Liên hiệp
    # Phụ nữ (LHPN) Việt Nam", "Tổng Liên đoàn Lao động Việt Nam"
    rf"(?:Ban\s+(?:Thường\s+vụ|Bí\s+thư|Chấp\s+hành)\s+)?(?:Trung\s+ương|T\.Ư)\s+(?:{_MEMBER}(?:\s+Việt\s+Nam)?|"
    r"Đoàn(?:\s+(?:TNCS|Thanh\s+niên\s+Cộng\s+sản)\s+Hồ\s+Chí\s+Minh)?)(?!\w)|"
    rf"(?:{_MEMBER}|Tổng\s+Liên\s+đoàn\s+Lao\s+động(?:\s*\(LĐLĐ\))?)\s+Việt\s+Nam\b"
    r"(?=\s+(?:đã\s+|vừa\s+)?(?:tổ\s+chức|phối\s+hợp|phát\s+động|trao)\b)|"
    # the trade unions: "Liên đoàn Lao động (LĐLĐ) TP Cần Thơ", "LĐLĐ huyện"
    r"(?:Ban\s+Thường\s+vụ\s+)?(?:Liên\s+đoàn\s+Lao\s+động(?:\s*\(LĐLĐ\))?|LĐLĐ)\s+"
    r"(?:tỉnh|huyện|[Tt]hành\s+phố|TP\.?|thị\s+xã|quận)(?=\s)|"
    r"(?:Tỉnh|Thành|Huyện|Thị)\s+[Đđ]oàn\b|"
    # the Front's committee of a hamlet or quarter: "Ban Công tác Mặt trận thôn Đông", "ban công tác mặt trận khu phố 2"
    r"[Bb]an\s+[Cc]ông\s+tác\s+[Mm]ặt\s+trận(?:\s*\(CTMT\))?(?:\s+(?:thôn|ấp|[Kk]hu\s+phố|tổ\s+dân\s+phố|khu\s+dân\s+cư|"
    r"bản|khối\s+phố|làng|khóm)\b)?|"
    # the police and the army's provincial command: "Công an huyện", "Bộ Chỉ huy Quân sự (CHQS) tỉnh"
    r"(?:Công\s+an|Bộ\s+Chỉ\s+huy\s+[Qq]uân\s+sự(?:\s*\(CHQS\))?)\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|"
    r"[Tt]hị\s+trấn)\b|"
    # the youth union of a commune or district: "Đoàn phường Long Trường", "Đoàn TNCS Hồ Chí Minh xã", "Xã đoàn"
    r"(?:Ban\s+Chấp\s+hành\s+|BCH\s+)?Đoàn\s+(?:(?:[Tt]hanh\s+niên(?:\s+[Cc]ộng\s+sản\s+Hồ\s+Chí\s+Minh)?|TN|TNCS|"
    r"TNCS\s+(?:Hồ\s+Chí\s+Minh|HCM))\s+)?(?:xã|phường|[Tt]hị\s+trấn|huyện|quận|thị\s+xã|đặc\s+khu)\b|(?:Xã|Phường)\s+[Đđ]oàn\b|"
    r"(?<![\w-])(?:Ủy\s+ban\s+nhân\s+dân|UBND)\s+"
    r"(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|[Tt]hị\s+trấn)\b|"
    r"(?:Tỉnh|Thành|Huyện|Thị|Quận)\s+ủy(?!\s+viên)|Đảng\s+(?:ủy|bộ)\s+(?:xã|phường|[Tt]hị\s+trấn)\b|"
    r"Ban\s+[Vv]ận\s+động\s+(?:[Qq]uỹ\s+)?[“\"][^”\"]{2,40}[”\"](?:\s+(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường))?|"
    # a district-level unit as the organiser: "Huyện Quảng Điền đã tổ chức hội nghị", "TX Hồng Lĩnh tổ chức Hội thi"
    r"(?:[Hh]uyện|[Tt]hị\s+xã|TX\.?|[Qq]uận)\s+[A-ZĐ][\w’']*(?:\s+[A-ZĐ][\w’']*){0,3}"
    r"(?=\s+(?:đã\s+|vừa\s+)?tổ\s+chức\b)|"
    # a commune that opens its clause: "Sáng ngày 13/7/2015, xã Hòa Sơn tổ chức hội nghị", "Xã Vĩnh Hòa Hiệp, tổ chức
    # Hội nghị" (not the commune of a body: "Hội Nông dân xã Lưu Sơn tổ chức")
    r"(?:^|(?<=\n)|(?<=[,.;:]\s))(?:[Xx]ã|[Pp]hường|[Tt]hị\s+trấn)\s+[A-ZĐ][\w’']*(?:\s+[A-ZĐ][\w’']*){0,3}"
    r"(?=,?\s+(?:đã\s+|vừa\s+)?tổ\s+chức\b))"
)
# "Ban Dân vận, Hội LHPN, Hội Nông dân, Đoàn TNCS Hồ Chí Minh huyện Đất Đỏ tổ chức …": the level word at the end of a
# list of organisations names the level of each of them.
_BODY_LIST = re.compile(
    r"\bBan\s+Dân\s+vận\s*,(?P<items>[^.;:()]{2,140}?)\s(?P<level>huyện|tỉnh|thành\s+phố|thị\s+xã|quận|xã|phường)\b"
)
# A team led by someone whose title names the body: "Tổ Kiểm tra số 4 do đồng chí X – PCT UBND huyện, Phó Trưởng Ban
# Chỉ đạo … huyện làm Tổ trưởng", "đoàn … do đồng chí X, Trưởng ban Dân vận Thành ủy dẫn đầu".
# The role of the person who leads a team: "… làm Trưởng đoàn", "làm Tổ trưởng", "làm Trưởng đoàn kiểm tra".
_ROLE = r"làm\s+(?:[Tt]rưởng\s+[Đđ]oàn(?:\s+\w+)?|[Tt]ổ\s+trưởng|[Tt]rưởng\s+tổ)"
_LED_BY = re.compile(
    rf"\bdo\s+(?:đồng\s+chí|đ/c|ông|bà)\s*:?\s*(?P<title>[^.;]{{4,200}}?)\s+(?:{_ROLE}|dẫn\s+đầu|chủ\s+trì)\b"
)
# Words before a body that make it part of a person's title: "Phó Trưởng Ban Dân vận Trung ương".
_TITLE_BEFORE = re.compile(
    r"(?:Trưởng|trưởng|Phó|phó|Ủy viên|Bí thư|Chủ tịch|PCT|Thường trực|Chánh Văn phòng|Vụ trưởng|"
    r"lãnh đạo|Lãnh đạo|cán bộ|đại diện|kiêm)\s*(?:ban\s*)?$"
)
# A leader: "đồng chí Triệu Tài Vinh, Phó Trưởng Ban …" or, in a list, "các đồng chí: Đinh Thị Lụa, Phó Bí thư …".
_COMRADE = re.compile(r"(?:[Đđ]ồng\s+chí|đ/c)\s*:?\s*")
# … and "ông", "bà" too before a titled person: "Ban dân vận tỉnh ủy do ông Lê Văn Gập, Ủy viên …, Trưởng ban Dân vận
# Tỉnh ủy làm trưởng đoàn" (leader_for takes a person only by a title that names the body). Not for places: "bà con
# Cà Mau", "tỉnh Bà Rịa".
_ADDRESSED = re.compile(rf"{_COMRADE.pattern}|\b(?:[Ôô]ng|[Bb]à)\s+")
_TITLE_WORD = re.compile(
    r"^(?:Phó|Trưởng|Ủy viên|Uỷ viên|Bí thư|Chủ tịch|Vụ trưởng|Chánh|Giám đốc|Thứ trưởng|"
    r"Bộ trưởng|Tổng|Đại biểu|Thường trực|Trưởng ban|(?:Tỉnh|Thành|Huyện|Thị|Quận)\s+ủy\s+viên)"
)
# A title ends where the sentence goes on with a verb: "… Trung ương phát biểu", "… ghi nhận".
_TITLE_END = re.compile(
    r"\s+(?:phát biểu|ghi nhận|đánh giá|chủ trì|mong muốn|đề nghị|nhấn mạnh|khẳng định|"
    rf"trao|biểu dương|làm việc|{_ROLE}|dẫn đầu|tại|và|đồng chủ trì|cho biết|yêu cầu|kết luận|dự|"
    r"đã|do|được|cùng|với)\b"
)

_LEVEL_WORDS: tuple[tuple[str, BodyLevel], ...] = (
    ("trung ương", "central"),
    ("t ư", "central"),  # "Ủy ban T.Ư MTTQ VN"
    ("ubtư", "central"),
    ("ubtw", "central"),
    ("tỉnh ủy", "province"),
    ("tỉnh", "province"),
    ("huyện ủy", "district"),
    ("huyện", "district"),
    ("thị ủy", "district"),
    ("quận ủy", "district"),
    ("thị xã", "district"),
    ("tx", "district"),
    # a commune's body named with its commune: "Ủy ban MTTQ xã Tân Lập", "Đảng ủy phường Thành Vinh" (never the "xã"
    # of "chính trị - xã hội")
    (r"xã(?!\s+hội)", "commune"),
    ("phường", "commune"),
    ("thị trấn", "commune"),
    ("đặc khu", "commune"),
    ("ban công tác mặt trận", "commune"),  # a hamlet's, below the commune
    ("việt nam", "central"),  # "Hội Nông dân Việt Nam", "Tổng Liên đoàn Lao động Việt Nam": the nation's, last
)


HitLevel = Literal["province"] | PlaceLevel


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    name: str
    level: HitLevel
    province: str  # scheme-63 code ("" when ambiguous)
    prefixed: bool = True  # "tỉnh Lạng Sơn", "huyện Lệ Thủy"; a bare "Hải Phòng" counts less
    text: str = ""  # the words as written: "H. Chợ Đồn", "Huyện ủy Lâm Hà"
    candidates: tuple[str, ...] = ()  # an ambiguous name: the units it may be ("xã Tân Lập (tỉnh mã 01)", …)

    @property
    def ambiguous(self) -> bool:
        return bool(self.candidates)


@dataclass(frozen=True)
class BodyHit:
    start: int
    end: int
    name: str  # as the contract writes it: "Ban Dân vận Tỉnh ủy", "Ban Chỉ đạo Trung ương"
    place: str | None  # a place written after it: "Ban Dân vận Huyện ủy Xuyên Mộc" → "Xuyên Mộc"


@dataclass(frozen=True)
class Person:
    start: int
    name: str
    title: str


def capital_run(text: str, start: int) -> list[tuple[int, int]]:
    """Word spans of the run of capitalised words starting at `start` ("Lạng Sơn về …" → [Lạng, Sơn])."""
    words, pos = [], start
    while True:
        m = _CAP_WORD.match(text, pos)
        if not m or not m.group(0)[0].isupper():
            break
        words.append(m.span())
        gap = re.match(r"[ \t]+", text[m.end() :])
        if not gap or len(words) >= 6:
            break
        pos = m.end() + gap.end()
    return words


def find_places(
    text: str, registry: Registry | None, province_hint: str | None = None, base: int = 0, on: dt.date | None = None
) -> list[PlaceHit]:
    """Provinces, districts and communes named in a text: every unit of the gazetteer named with its type word
    ("huyện Chợ Đồn", "xã Thiên Lộc (Can Lộc)", "Huyện ủy Lâm Hà", "TP. Bắc Kạn"), the places of places.csv, and
    bare province names. An ambiguous name is narrowed by the places named near it, then by `province_hint` (a
    scheme-63 code: the article's or the outlet's province); still ambiguous, it is returned with its candidates
    and no province — never guessed. `on`: the article's day (a name that exists only after 1/7/2025 is read then)."""
    if registry is None:
        return []
    written, text = text, fold_tones(text)  # "Huyện uỷ Lâm Hà" is read as "Huyện ủy Lâm Hà", quoted as written
    hits = _gazetteer_hits(text, registry, province_hint, on)
    hits += _prefixed(text, registry, province_hint) + _bare_provinces(text, registry)
    hits.sort(key=lambda h: (h.start, -h.end))
    unique: list[PlaceHit] = []
    reach = -1  # the furthest end of the hits kept: sorted by start, a hit inside one of them starts before it
    for hit in hits:
        if hit.start >= reach:
            unique.append(hit)
            reach = max(reach, hit.end)
    return [
        PlaceHit(
            h.start + base,
            h.end + base,
            h.name,
            h.level,
            h.province,
            h.prefixed,
            written[h.start : h.end] if h.text == text[h.start : h.end] else h.text,
            h.candidates,
        )
        for h in unique
    ]


def headline_place(text: str, registry: Registry | None, hint: str | None = None, base: int = 0) -> PlaceHit | None:
    """A headline that opens with a place's bare name, then a colon or a verb ("Chợ Đồn: Công nhận 123 mô hình …",
    "Nghi Hải triển khai thực hiện …"): the one district or commune of that exact name (an ambiguous name is read in
    the `hint` province, else left alone; a commune only in the `hint` province). Two words at least: a single
    capitalised word is too often no place."""
    if registry is None:
        return None
    lead = len(text) - len(text.lstrip())
    words = capital_run(text, lead)
    if not 2 <= len(words) <= 4:
        return None
    start, end = words[0][0], words[-1][1]
    if not re.match(r":\s*\S|\s+[^\W\d_A-ZĐ]", text[end : end + 3]):
        return None  # a colon or a lower-case verb follows the name, not more of it
    name = text[start:end]
    hint_name = f"tỉnh {registry.name(OLD_SCHEME, hint)}" if hint else None
    res = registry.gazetteer.resolve(name, on=OLD_DAY, province_hint=hint_name)
    if res.match is None or res.match.place.level == "province" or name_key(res.match.place.name) != name_key(name):
        return None  # provinces are read as bare names already; a loose spelling is no headline's place
    found = _as_hit(gaz.PlaceHit(start, end, name, res), registry)
    if found is None or (found.level in ("commune", "ward") and found.province != hint):
        return None  # many wards bear a person's name ("Nguyễn Văn Linh thăm …"): a commune only inside the hint
    return PlaceHit(found.start + base, found.end + base, found.name, found.level, found.province, False, name)


def _gazetteer_hits(text: str, registry: Registry, hint: str | None, on: dt.date | None) -> list[PlaceHit]:
    hint_name = f"tỉnh {registry.name(OLD_SCHEME, hint)}" if hint else None
    out = [
        found
        for hit in registry.gazetteer.find_places(text, on=OLD_DAY, hint=hint_name)
        if (found := _as_hit(hit, registry)) is not None
    ]
    if on is not None and on >= MERGER_DATE:  # units that exist only in the new scheme ("phường Tân An" of 2026)
        merged = registry.province(registry.name(OLD_SCHEME, hint), scheme=NEW_SCHEME) if hint else None
        for hit in registry.gazetteer.find_places(text, on=on, hint=f"tỉnh {merged.name_vi}" if merged else None):
            overlapping = [h for h in out if h.start < hit.end and hit.start < h.end]
            # the new scheme's reading wins in a text of its time: a longer name ("xã Hồ Vương" of 2025 over the old
            # "xã Hồ"), and the same name now another province's ("phường Vĩnh Phúc" of Phú Thọ, not Ba Đình's)
            found = _as_hit(hit, registry)
            longer = all(hit.end - hit.start > h.end - h.start for h in overlapping)
            same = all(hit.end - hit.start >= h.end - h.start for h in overlapping)
            if found is not None and (longer or (same and not found.ambiguous)):
                out = [h for h in out if h not in overlapping] + [found]
    return out


def new_scheme_only(text: str, registry: Registry | None) -> str | None:
    """A unit named in `text` that exists only from 1/7/2025 ("xã Cửa Việt", once "thị trấn Cửa Việt"), as written;
    None when every name is also one of the old scheme."""
    return _only_on(text, registry, MERGER_DATE, OLD_DAY)


def old_scheme_only(text: str, registry: Registry | None) -> str | None:
    """A district-level unit named in `text` as a living one ("thị xã Vĩnh Châu", not "huyện Đất Đỏ (cũ)" nor "trước
    đây thuộc huyện Vĩnh Lợi"): districts were abolished on 1/7/2025, so the text was written before; as written,
    else None."""
    if registry is None:
        return None
    for hit in registry.gazetteer.find_places(text, on=OLD_DAY):
        match = hit.resolution.match
        former = re.match(r"\s*\(?\s*cũ\b", text[hit.end : hit.end + 8]) or re.search(
            r"\b(?:trước\s+đây|trước\s+kia|cũ)\s+(?:thuộc\s+|là\s+)?$", text[max(0, hit.start - 20) : hit.start]
        )
        if match is not None and match.place.level not in ("province", "commune", "ward") and not former:
            return hit.text
    return None


def _only_on(text: str, registry: Registry | None, day: dt.date, other: dt.date) -> str | None:
    if registry is None:
        return None
    # a unit of another type read for want of the one written ("xã Si Ma Cai", "xã Thăng" of "xã Thăng Trường" read
    # as thị trấn Thắng before 1/7/2025) is no unit of that name on the other day, nor evidence on `day` ("huyện Duy
    # Tiên", a thị xã since 2020, is no unit of either day as written)
    elsewhere = [
        o
        for o in registry.gazetteer.find_places(text, on=other)
        if o.resolution.match is None or o.resolution.match.as_written
    ]
    for hit in registry.gazetteer.find_places(text, on=day):
        match = hit.resolution.match
        if (
            match is not None
            and match.as_written
            and not any(o.start < hit.end and hit.start < o.end for o in elsewhere)
        ):
            return hit.text
    return None


def _as_hit(hit: gaz.PlaceHit, registry: Registry) -> PlaceHit | None:
    res = hit.resolution
    if res.status == "ambiguous":
        labels = tuple(
            f"{m.place.label} (tỉnh {registry.name(m.scheme, m.province_code)})"  # type: ignore[arg-type]
            for m in res.candidates
        )
        return PlaceHit(hit.start, hit.end, hit.text, "commune", "", True, hit.text, labels)
    if res.match is None:
        return None
    place = res.match.place
    province = _old_province(place, registry)
    if province is None:
        return None
    if place.level == "province":
        return PlaceHit(hit.start, hit.end, registry.name(OLD_SCHEME, province), "province", province, True, hit.text)
    return PlaceHit(hit.start, hit.end, res.match.name, place_of(place).level, province, True, hit.text)


def _old_province(place: gaz.Place, registry: Registry) -> str | None:
    """The scheme-63 province of a unit; a unit of the new scheme only when all it was made of lay in one."""
    if place.scheme == OLD_SCHEME:
        return place.province_code
    if place.level == "province":
        olds = [c for c in registry.units.filter(scheme=OLD_SCHEME, new_code=place.code)["code"]]
    else:
        olds = sorted({p.province_code for p in registry.gazetteer.old_communes(place.code)})
    return olds[0] if len(olds) == 1 else None


def _prefixed(text: str, registry: Registry, hint: str | None) -> list[PlaceHit]:
    hits = []
    for m in _PLACE_PREFIX.finditer(text):
        prefix = re.sub(r"^các\s+", "", m.group("prefix").lower())
        pos = m.end()
        while True:
            hit = _resolve_run(text, pos, prefix, registry, hint)
            if hit is None:
                break
            hits.append(hit)
            more = re.match(r",\s*", text[hit.end :])  # "các xã Xuân Thủy, Thanh Thủy, …"
            if not m.group("prefix").lower().startswith("các") or not more:
                break
            pos = hit.end + more.end()
    return hits


# A province written in two parts joined by a dash: "Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế" (a run of capitals stops
# at the dash).
_DASHED = re.compile(
    r"[^\W\d_][\w’']*(?:[ \t]+[^\W\d_][\w’']*){0,2}[ \t]*[-–][ \t]*[^\W\d_][\w’']*(?:[ \t]+[^\W\d_][\w’']*)?"
)


def _dashed_province(text: str, pos: int, registry: Registry, prefixed: bool) -> PlaceHit | None:
    m = _DASHED.match(text, pos)
    if m is None:
        return None
    words = list(re.finditer(r"[^\s–-]+", m.group()))
    while words and re.search(r"[-–]", m.group()[: words[-1].start()]):  # the longest name with the dash inside
        name = m.group()[: words[-1].end()]
        capitals = all(part.strip()[:1].isupper() for part in re.split(r"[-–]", name))  # "Bà rịa - Vũng Tàu" too
        if capitals and (unit := registry.province(name, scheme=OLD_SCHEME)):
            return PlaceHit(pos, pos + len(name), unit.name_vi, "province", unit.code, prefixed)
        words.pop()
    return None


def _resolve_run(text: str, pos: int, prefix: str, registry: Registry, hint: str | None) -> PlaceHit | None:
    """The longest run of capitalised words at `pos` that the registry knows, read as the prefix says."""
    if prefix in ("tỉnh", "tỉnh ủy") and (dashed := _dashed_province(text, pos, registry, True)):
        return dashed
    words = capital_run(text, pos)
    for n in range(min(len(words), 4), 0, -1):
        start, end = words[0][0], words[n - 1][1]
        name = text[start:end]
        if n == 1 and len(name) < 3:
            continue
        hit = _lookup(name, prefix, registry, hint)
        if hit:
            level, code, canonical = hit
            return PlaceHit(start, end, canonical, level, code)
    return None


def _lookup(name: str, prefix: str, registry: Registry, hint: str | None) -> tuple[HitLevel, str, str] | None:
    """(level, scheme-63 province code, the registry's spelling) for a name read after `prefix`."""
    province_first = prefix in ("tỉnh", "tỉnh ủy")
    city = prefix in ("thành phố", "tp", "tp.", "thành ủy")
    if province_first or city:
        place = registry.place(name, hint) if city else None
        if place is not None and place.level == "city":
            return "city", place.province_code, place.name
        unit = registry.province(name, scheme=OLD_SCHEME)
        if unit is not None:
            return "province", unit.code, unit.name_vi
        if province_first:
            return None
    typed = f"{prefix} {name}"  # the type word tells a district from a commune of the same name
    place = registry.place(typed, hint) or registry.place(typed)
    if place is None:
        return None
    return place.level, place.province_code, place.name


_CITY_ABBREVIATION = re.compile(r"TP[A-ZĐ]{2,}")  # "TPHCM"


def _bare_provinces(text: str, registry: Registry) -> list[PlaceHit]:
    """Province names without a prefix ("Dân vận Hải Phòng", "Báo Hà Nam"): whole runs of two or more capitals, or a
    city's abbreviation ("TPHCM")."""
    hits, pos = [], 0
    for m in _CAP_WORD.finditer(text):
        if m.start() < pos or not m.group(0)[0].isupper():
            continue
        words = capital_run(text, m.start())
        pos = words[-1][1]
        while words and text[words[0][0] : words[0][1]].lower() in _LEAD_WORDS:
            words = words[1:]
        if words and (dashed := _dashed_province(text, words[0][0], registry, False)):  # "Báo Bà Rịa - Vũng Tàu"
            hits.append(dashed)
            pos = dashed.end
            continue
        name = text[words[0][0] : words[-1][1]] if words else ""
        if len(words) < 2 and not _CITY_ABBREVIATION.fullmatch(name):  # one word only as "TPHCM"
            continue
        if name_key(name) in _PERSON_NAMES or _COMRADE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if re.match(r"\s*,?\s*ngày\s+\d", text[words[-1][1] :], re.IGNORECASE) and not re.search(
            r"\b(?:[Tt]ại|ở)\s*$", text[max(0, words[0][0] - 6) : words[0][0]]
        ):
            # a dateline, "Hà Nội, ngày 10 tháng 01 năm 2020": where it was written, not what it is about ("Tại TPHCM
            # ngày 16-11, Ủy ban MTTQ …" is where the gathering was held)
            continue
        unit = registry.province(name, scheme=OLD_SCHEME)
        last = text[words[-1][0] : words[-1][1]]
        if unit is None and len(words) > 1 and _CITY_ABBREVIATION.fullmatch(last):  # "Hội LHPN TPHCM"
            words, unit = words[-1:], registry.province(last, scheme=OLD_SCHEME)
        if unit is not None:
            hits.append(PlaceHit(words[0][0], words[-1][1], unit.name_vi, "province", unit.code, False))
    return hits


# An outlet's web address names its province: "baothanhhoa.vn", "thuongtin.hanoi.gov.vn", "(Baothanhhoa.vn) -".
_WEB_HOST = re.compile(r"(?<![\w@.-])(?:https?://)?(?P<host>(?:[a-z0-9-]+\.)+(?:vn|com|net|org))(?![\w-])", re.I)
# An organisation's or a medium's word before the place (the longer first: "baophunuthudo" is the women's paper of the
# capital), and after it ("huengaynay", "hoianrt").
_HOST_PREFIX = re.compile(
    r"^(?:baophunu|phunu|hoiphunu|hoilhpn|hoinongdan|hoiccb|hoicuuchienbinh|tuoitre|tinhdoan|thanhdoan|huyendoan|"
    r"huyenuy|ubmttq|truyenhinh|nongthonmoi|laodong|portal|bao|dangbo|tinhuy|thanhuy|ubnd|hdnd|mattran|mttq|danvan|"
    r"tuyengiao|congdoan|www)"
)
_HOST_SUFFIX = re.compile(r"(?:tv|rt|ngaynay|online|news|city|dientu|portal|gov|cpv|24h)$")
# Outlets whose names are not their province's: the party papers Sài Gòn Giải Phóng, Ấp Bắc, Đồng Khởi, Hà Nội Mới;
# "thủ đô" (the capital); the stations THVL, THTG, THĐT, LA34, QRT, BTV; the police papers CADN, ANHP; the short forms
# of An Giang, Hải Phòng, Quảng Nam in the names of their unions' sites ("hoinongdanag", "tinhdoanqnam").
_OUTLET_NAMES = {
    "sggp": "79",
    "apbac": "82",
    "dongkhoi": "83",
    "hanoimoi": "01",
    "kinhtedothi": "01",
    "thudo": "01",
    "thvl": "86",
    "thtg": "82",
    "thdt": "87",
    "la34": "80",
    "qrt": "49",
    "btv": "74",
    "cadn": "48",
    "anhp": "31",
    "ag": "89",
    "hp": "31",
    "qnam": "49",
}


def outlet_from_web(text: str, registry: Registry | None) -> tuple[str, str] | None:
    """The province named by the first web address in `text` (a page's url, or a dateline "(Baothanhhoa.vn) -"):
    (scheme-63 code, host), or None. A host part is the name of the province, or of a district no other province
    has, written without marks or spaces, maybe after "bao", "tinhuy" …: baolamdong.vn, phutho.gov.vn,
    baobariavungtau.com.vn, xuyenmoc.baria-vungtau.gov.vn, chodon.gov.vn. National outlets name none."""
    if registry is None:
        return None
    for m in _WEB_HOST.finditer(text):
        provinces, districts = _host_names(registry)  # made once per registry, and only when there is an address
        host = m.group("host").lower()
        parts = host.replace("-", "").split(".")[:-1]
        for names in (provinces, districts, _OUTLET_NAMES):  # ninhson.tayninh.gov.vn is Tây Ninh's, not Ninh Sơn's
            for part in parts:
                code = names.get(_bare_host_part(part)) or names.get(part)
                if code:
                    return code, host
    return None


def outlet_district(url: str | None, registry: Registry | None) -> tuple[str, str, str] | None:
    """The district whose portal the page is on: (scheme-63 province code, the district's name, host), from a host
    part before the province's ("thuongtin.hanoi.gov.vn": Thường Tín; "mythanhgiongtrom.bentre.gov.vn", a commune's
    page, ends with Giồng Trôm) or a district's own domain that no other province's district shares
    ("doluong.gov.vn"); None for any other address."""
    if registry is None or not url or not (m := _WEB_HOST.search(url)):
        return None
    provinces, _ = _host_names(registry)
    parts = [_bare_host_part(part) for part in m.group("host").lower().replace("-", "").split(".")[:-1]]
    at = next((i for i, part in enumerate(parts) if part in provinces), None)
    districts = _host_districts(registry)
    if at is None:  # a district's own domain: its name exactly, one district of the country
        places = districts.get(parts[0], []) if parts else []
        return (*places[0], m.group("host").lower()) if len(places) == 1 else None
    code = provinces[parts[at]]
    for part in parts[:at]:  # a district's, or a commune's page ending with its district's name
        for key, places in districts.items():
            within = [place for place in places if place[0] == code] if len(key) >= 5 and part.endswith(key) else []
            if len(within) == 1:
                return (*within[0], m.group("host").lower())
    return None


def _bare_host_part(part: str) -> str:
    """A host part without an outlet's prefix or suffix ("baobackan" → "backan", "backancity" → "backan")."""
    return _HOST_SUFFIX.sub("", _HOST_PREFIX.sub("", part)) or part


@functools.cache
def _host_districts(registry: Registry) -> dict[str, list[tuple[str, str]]]:
    """District names as hosts write them ("thuongtin") → the (scheme-63 province code, name) of each district
    so named."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, province in registry.gazetteer.districts.select("name", "province_code").rows():
        found.setdefault(ascii_key(name).replace(" ", ""), []).append((province, name))
    return found


@functools.cache
def _host_names(registry: Registry) -> tuple[dict[str, str], dict[str, str]]:
    """Province names, and the names of districts found in one province only, as hosts write them → the
    province's scheme-63 code."""
    provinces: dict[str, str] = {}
    for code, name, aliases in registry.units.filter(scheme=OLD_SCHEME).select("code", "name_vi", "aliases").rows():
        for spelling in [name, *filter(None, (aliases or "").split("|"))]:
            provinces.setdefault(re.sub(r"^(?:tinh|thanh pho|tp)\s+", "", ascii_key(spelling)).replace(" ", ""), code)
    districts = {
        key: places[0][0]
        for key, places in _host_districts(registry).items()
        if len({province for province, _ in places}) == 1 and not key.isdigit()
    }
    return provinces, districts


def main_province(hits: list[PlaceHit]) -> str | None:
    """The province the text is about: the most named one, districts and communes counting for theirs, a name with
    its prefix ("tỉnh Quảng Trị") twice as much as a bare one."""
    votes: Counter[str] = Counter()
    for hit in hits:
        if hit.province:
            votes[hit.province] += 2 if hit.prefixed else 1
    if not votes:
        return None
    first = {h.province: i for i, h in reversed(list(enumerate(hits)))}
    return max(votes, key=lambda code: (votes[code], -first[code]))


def province_reason(hits: list[PlaceHit], code: str) -> str:
    """Why the text is about province `code`: the names that voted for it, as written."""
    named = list(dict.fromkeys(h.text or h.name for h in hits if h.province == code))
    shown = ", ".join(f"“{n}”" for n in named[:4]) + (" …" if len(named) > 4 else "")
    return f"Tỉnh theo địa danh, cơ quan nêu trong bài: {shown}."


def main_place(hits: list[PlaceHit], levels: tuple[str, ...], province: str | None) -> str | None:
    """The most named district (or commune) of the province, by its registry spelling in the text."""
    names = Counter(h.name for h in hits if h.level in levels and (province is None or h.province == province))
    return names.most_common(1)[0][0] if names else None


def find_bodies(text: str, in_title: bool = False) -> list[BodyHit]:
    """Bodies acting in a text: not those inside a person's title, not the hosts after "với"; `in_title`: the text
    is a title, every body in it counts."""
    hits = []
    written, text = text, fold_tones(text)  # "Ban Thường vụ Tỉnh uỷ" acts as "Tỉnh ủy" does; its name is as written
    for m in _BODY.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        # Not an actor: a title, a host ("với …", "tại …", "đến …"), a place ("tại trụ sở …"), a source ("Theo …").
        if not in_title and (
            _TITLE_BEFORE.search(before)
            or re.search(
                # … and its members: "Tới dự có các đồng chí trong Ban dân vận huyện ủy"
                r"\bvới\b[^,.;:]{0,60}$|\bđề xuất\s*$|\bcho\s*$|\btại\s*$|\bđến\s*$|\btrong\s*$|"
                r"\btrụ sở\s*$|\b[Hh]ội\s+trường\s*$|\bphòng\s+họp\s*$|(?:^|[.\n]\s*)[Tt]heo\s*$",
                before,
            )
        ):
            continue
        run = capital_run(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else []
        place = written[run[0][0] : run[min(len(run), 3) - 1][1]] if run and m.group("body").endswith("ủy") else None
        hits.append(BodyHit(m.start(), m.end(), normalise_body(written[m.start("body") : m.end("body")]), place))
    for m in _BODY_LIST.finditer(text):
        items = [i.strip() for i in re.split(r",|\bvà\b", m.group("items"))]
        if any(hit.start <= m.start() < hit.end for hit in hits) or not all(i[:1].isupper() for i in items):
            continue
        hits.append(BodyHit(m.start(), m.end(), f"Ban Dân vận {written[m.start('level') : m.end('level')]}", None))
    return sorted(hits, key=lambda h: h.start)


def led_body(text: str) -> BodyHit | None:
    """The body a team's leader's title names ("… do đồng chí X, Phó Trưởng Ban Chỉ đạo … huyện làm Tổ trưởng"):
    the last one in the title, the office the team comes from."""
    for m in _LED_BY.finditer(text):
        found = find_bodies(m.group("title"), in_title=True)
        if found:
            last = found[-1]
            start = m.start("title")
            return BodyHit(start + last.start, start + last.end, last.name, last.place)
    return None


# What a titled person does when they lead the visit themselves: "đồng chí X, Trưởng Ban Dân vận Tỉnh ủy làm việc với".
_LEADS = re.compile(
    rf"\s*(?:(?:đã|vừa|có\s+buổi)\s+)?(?:làm\s+việc|kiểm\s+tra|khảo\s+sát|giám\s+sát|thăm|chủ\s+trì|dẫn\s+đầu|{_ROLE})\b"
)


# A title written before the name of the person who leads a visit: "Trưởng ban Dân vận Trung ương Bùi Thị Minh Hoài đã
# tới thăm", "Bí thư Tỉnh ủy Lâm Đồng Trần Văn B làm việc".
_TITLE_FIRST = re.compile(
    r"(?P<title>(?:Phó\s+)?(?:Trưởng\s+[Bb]an|Bí\s+thư|Chủ\s+tịch)\s+[^,.;:()]{3,80}?)\s+"
    r"(?P<name>[A-ZĐ]\w+(?:\s+[A-ZĐ]\w+){1,3})(?:\s+(?:(?:đã|vừa)\s+)?(?:tới|đến|về))?" + _LEADS.pattern
)
# Family names that open a person's name: a name read after a place ("Bí thư Tỉnh ủy Lâm Đồng Trần Văn Hiệp") starts
# at one. Surnames that also end a province's name (Giang, La, Đồng, Nông, Châu, Sơn …) are left out.
_FAMILY_NAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Lâm Mai Trương Hà Lương Trịnh "
    "Cao Tô Lưu Tạ Thái Quách Chu Đào Kiều Hứa Vương Triệu Tống Lò Lục Hầu Đàm Lại Khổng Quan Mạc Thân Từ Tăng "
    "Diệp Nghiêm Doãn Thạch Danh Ksor Siu Rơ"
)
_FAMILY = frozenset(_FAMILY_NAMES.split())


def _title_first(m: re.Match[str]) -> tuple[str, str, int]:
    """(title, name, where the name starts) of a _TITLE_FIRST match; a place's last word read as the name's first
    ("Lâm | Đồng Trần Văn Hiệp") goes back to the title."""
    title, name, at = m.group("title"), m.group("name"), m.start("name")
    words = name.split()
    # a province's name of two or three words: "Trưởng Ban Dân vận Tỉnh uỷ Cà Mau Lê Dũng"
    place = next((k for k in (3, 2) if len(words) - k >= 2 and name_key(" ".join(words[:k])) in _province_names()), 0)
    if place or (len(words) >= 3 and words[0] not in _FAMILY and words[1] in _FAMILY):
        head = " ".join(words[: place or 1])
        title, name, at = f"{title} {head}", " ".join(words[place or 1 :]), at + len(head) + 1
    return title, name, at


@functools.cache
def _province_names() -> frozenset[str]:
    """The provinces' names of both schemes, as name_key writes them."""
    return frozenset(name_key(name) for name in gaz.load().provinces["name"].to_list())


def titled_body(text: str) -> BodyHit | None:
    """The office of a person who is the subject of a visit ("Chiều 20/5, đồng chí X, Ủy viên Ban Thường vụ, Trưởng
    Ban Dân vận Tỉnh ủy làm việc với Đảng ủy xã …", or the title first: "Trưởng ban Dân vận Trung ương Bùi Thị Minh
    Hoài đã tới thăm …"): the last body their title names."""
    titles = []
    for m in _COMRADE.finditer(text):
        person, end = _person_at(text, m.end())
        if person is not None and person.title and _LEADS.match(text, end):
            titles.append((text.find(person.title, person.start), person.title))
    titles += [(m.start("title"), _title_first(m)[0]) for m in _TITLE_FIRST.finditer(text)]
    for at, title in sorted(titles):
        found = find_bodies(title, in_title=True)
        if found and at >= 0:
            last = found[-1]
            return BodyHit(at + last.start, at + last.end, last.name, last.place)
    return None


def normalise_body(body: str) -> str:
    """ "BCĐ Trung ương" → "Ban Chỉ đạo Trung ương", "BDV Tỉnh ủy" → "Ban Dân vận Tỉnh ủy"; spaces folded."""
    body = re.sub(r"\s+", " ", body)
    body = re.sub(r"^ban\b", "Ban", body)  # "Trưởng ban Dân vận …" writes it in lower case
    body = re.sub(r"^Ban dân vận\b", "Ban Dân vận", body)
    body = re.sub(r"\s*\((?:BCĐ|QCDC|BDV)\)", "", body)  # "Ban Chỉ đạo (BCĐ) thực hiện …": the abbreviation it defines
    body = re.sub(r"^BCĐ\b", "Ban Chỉ đạo", body)
    body = re.sub(r"^Uỷ", "Ủy", body)
    body = re.sub(r"\b(?:TƯ|T\.Ư)$", "Trung ương", body)
    body = re.sub(r"^(?:UBTƯ|UBTW)\b", "Ủy ban Trung ương", body)
    return re.sub(r"^BDV\b", "Ban Dân vận", body)


def body_level(
    body: str,
    province: str | None,
    district: str | None,
    leader_title: str | None,
    codes: list[str],
    place: str | None = None,
) -> BodyLevel | None:
    """central / province / district / commune from the body's own words; a "Thành ủy" is provincial in the five
    centrally-run cities; a body without level words takes it from its leader's title or its documents."""
    key = name_key(body)
    if re.search(r"\b(?:xã|phường|thị trấn|đặc khu)$", key):
        return "commune"  # "Đảng ủy xã", "Ủy ban MTTQ phường", "Hội Nông dân thị trấn"
    if "thành ủy" in key or "thành phố" in key or re.search(r"\btp$", key):  # "Liên đoàn Lao động TP"
        # In the five centrally-run cities a "Thành ủy" named without a city of its own is the city's committee.
        central = province in CENTRAL_CITIES and (district is None or (key.endswith("thành ủy") and not place))
        return "province" if central else "district"
    for word, level in _LEVEL_WORDS:
        if re.search(rf"\b{word}\b", key):
            return level
    if leader_title:
        for word, level in _LEVEL_WORDS:
            if word in name_key(leader_title):
                return level
    if any(code.endswith("/TW") for code in codes):
        return "central"
    return None


def find_people(text: str) -> list[Person]:
    """Named comrades and their titles, singly ("đồng chí X, Title"), in lists ("các đồng chí: X, T; Y - T"), or with
    the title first when they lead a visit ("Bí thư Tỉnh ủy Lâm Đồng Trần Văn Hiệp làm việc")."""
    people = []
    for m in _ADDRESSED.finditer(text):
        pos = m.end()
        while True:
            person, pos = _person_at(text, pos)
            if person is None:
                break
            people.append(person)
            sep = re.match(r"\s*(?:;|\bvà\b)\s*", text[pos:])
            if not sep:
                break
            pos += sep.end()
    for m in _TITLE_FIRST.finditer(text):  # "Trưởng ban Dân vận Trung ương Bùi Thị Minh Hoài đã tới thăm"
        title, name, at = _title_first(m)
        people.append(Person(at, name, title))
    return people


def _person_at(text: str, pos: int) -> tuple[Person | None, int]:
    words = capital_run(text, pos)
    if not (2 <= len(words) <= 5):
        return None, pos
    name_end = words[-1][1]
    name = text[words[0][0] : name_end]
    sep = re.match(r"\s*(?:,|-|–)\s*", text[name_end:])
    if not sep:
        return Person(pos, name, ""), name_end
    segments, cursor = [], name_end + sep.end()
    for seg in re.finditer(r"[^,;.\n]+", text[cursor : cursor + 400]):
        piece = seg.group(0).strip()
        if not _TITLE_WORD.match(piece) or (seg.start() > 0 and text[cursor + seg.start() - 1] != ","):
            break
        cut = _TITLE_END.search(piece)
        segments.append(piece[: cut.start()] if cut else piece)
        lead = len(seg.group(0)) - len(seg.group(0).lstrip())
        end = cursor + seg.start() + (lead + cut.start() if cut else len(seg.group(0)))
        if cut:
            break
    if not segments:
        return Person(pos, name, ""), name_end
    return Person(pos, name, ", ".join(segments)), end


def expand(text: str) -> str:
    """Abbreviations in titles: "Trưởng BCĐ" names the Ban Chỉ đạo, "Ủy viên BTV" the Ban Thường vụ."""
    for short, full in (
        ("BCĐ", "Ban Chỉ đạo"),
        ("BDV", "Ban Dân vận"),
        ("BCH", "Ban Chấp hành"),
        ("BTV", "Ban Thường vụ"),
    ):
        text = re.sub(rf"\b{short}\b", full, text)
    return text


def leader_for(body: str, people: list[Person]) -> Person | None:
    """The person whose title names the body, a Trưởng before a Phó."""
    key = name_key(body)
    best: tuple[int, Person] | None = None
    for person in people:
        for segment in person.title.split(", "):
            if key not in name_key(expand(segment)):
                continue
            rank = 0 if re.match(r"Trưởng", segment) else 1 if re.match(r"Phó Trưởng|Phó trưởng", segment) else 2
            if best is None or rank < best[0]:
                best = (rank, person)
    return best[1] if best else None
