"""Ingest, step 4: policy documents by normalised code — 25-NQ/TW, 33/2021/CT-TTg, 605-QĐ/HU, and a bare
"Quyết định 290" after a full mention of 290-QĐ/TW."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import BodyLevel, DocumentType
from ..text import fold_tones

# A part of an issuer after its first: "KGVX" of "UBND-KGVX", a unit with digits ("CAT-PC64"), a sub-unit joined by a
# dot or an ampersand ("BĐ.TP", "PTĐT&HT2"); "Ư" stands in some ("ĐCTUBTƯMTTQVN").
_PART = r"[A-ZĐ][A-Za-zĐđƯ]*\d*(?:[.&][A-ZĐƯ\d]+)?"
# A full code: number, optional year, type, issuer, in the party form "25-NQ/TW" or the state form "76/NQ-CP",
# "33/2021/CT-TTg"; spaces around the separators are tolerated ("25 - NQ/TW"), and a state code's dot for its hyphen
# ("12/CĐ.UBND").
# The dashes codes are typed with: a hyphen, an en dash, and the look-alikes word processors put in (U+2010 hyphen,
# U+2011 non-breaking hyphen, U+2012 figure dash, U+2212 minus sign) — all written "-" in the code.
_OTHER_DASHES = "–\u2010\u2011\u2012\u2212"
_DASHES = r"\-" + _OTHER_DASHES  # for a character class
_GLUED_AFTER = "|".join(
    f"(?<={word})" for word in ("quyết", "định", "thị", "luận", "hoạch", "dẫn", "văn", "báo", "chế", "trình", "tri")
)
_CODE = re.compile(
    # a number glued to "số" as typed in a hurry: "Nghị quyết số43-NQ/TW", "Kế hoạch số.12-KH/TU"
    # or "s" for "số" glued to it ("Nghị định s20/2008/NĐ-CP"), or the kind's name ("Nghị quyết25-NQ/TW")
    rf"(?:(?<=[Ss]ố)|(?<=[Ss]ố\.)|(?<=\ss)|(?<![\w/.{_DASHES}])|{_GLUED_AFTER})(?P<num>\d{{1,4}}(?:[A-Za-z](?=\s*[{_DASHES}/]))?)"
    # the kind glued to the number before a slash: "15KH/ĐTNK-BTG" is the party form 15-KH/ĐTNK-BTG
    rf"(?:\s*/\s*(?P<year>(?:19|20)\d{{2}}))?(?:\s*(?P<sep1>[/{_DASHES}])\s*|(?P<space>\s+)|(?P<glued>)(?=[A-ZĐ][A-Za-zĐ]{{1,3}}/[A-ZĐ]))"
    # joint and coordination documents too: "403/2017/NQLT-UBTVQH14-…", "01/KHLT-MTTQ-CA", "09/CTPH-BDVTU-UBND",
    # "09/Ctr-BCA-TTTW" (a Chương trình phối hợp of the police and the Front)
    # and the other kinds of the state's list (Nghị định 30/2020/NĐ-CP): a Quy định "QyĐ", a Phương án "PA", a Dự án
    # "DA", a Công điện "CĐ", a Thông cáo "TC"; a Party committee's Chương trình hành động "CTHĐ", a Party personnel
    # decision "QĐNS" ("2188-QĐNS/TW")
    r"(?P<type>NQLT|TTLT|KHLT|CTLT|HDLT|CTPH|CTrPH|QCPH|KHPH|CTHĐ|NQ|KL|QĐNS|QĐ|QC|CTr|Ctr|CTR|CT|HD|HĐ|CV|KH|TB|TTr|ĐA|BC|NĐ|TT|"
    r"QĐi|PL|QyĐ|PA|DA|CĐ|TC)"
    r"(?P<sub>-[A-ZĐ]{2,3}(?=/))?"  # a party decision's kind: "720-QĐ-NS/TU" (nhân sự)
    # a space for the slash before the Centre: "57-NQ TW"; for the hyphen before a joint issuer: "04/Ctr BCA-HCCB"
    rf"(?:\s*(?P<sep2>[/{_DASHES}])\s*|\.(?=[A-ZĐ]{{2}})|\s+(?=TW\b)|(?P<spaced>\s)(?=[A-ZĐ]{{2,}}-[A-ZĐ]{{2,}}\b))"
    # "10/KH-MTTQ-BTT": issuer MTTQ-BTT; Trung ương also written "TƯ" and "T.Ư", a city's Thành ủy "Th.U" (lg04)
    # (a part typed after a stray space: "12/TT-BVH -TT" is 12/TT-BVH-TT, "57/TB-MTTW- BVĐCTTW" 57/TB-MTTW-BVĐCTTW;
    # after another dash, a part in capitals: "15/KH-MTTQ–BTT" is 15/KH-MTTQ-BTT)
    # a Ban Chỉ đạo named by its number: "103-CV/BCĐ 35" is 103-CV/BCĐ35; so a National Assembly's standing
    # committee by its term: "819/NQ – UVBTVQH 14" is 819/NQ-UVBTVQH14
    rf"(?P<issuer>T\.Ư|Th\.U|(?:BCĐ|[A-ZĐ]*QH)\s?\d{{2,3}}(?![\w/])|[A-ZĐ](?:Ư|[A-Za-zĐđƯ]*)\d*"
    rf"(?:-{_PART}|[{_OTHER_DASHES}][A-ZĐ]{{2,}}\d*(?![\w/])|\s-[A-ZĐ]{{2,}}(?![\w/-])|-\s[A-ZĐ]{{2,}}(?![\w/-])|\s[-–]\s[A-ZĐ]{{3,}}(?![\w/-]))*)"
    rf"(?![\w/]|[{_DASHES}]\S)"  # a dash and a space after the code is the sentence's: "25-NQ/TW- Hội nghị"
)
# Party issuers: their codes are written "49-NQ/TU" — "49/NQ-TU" is the same document with the separators swapped.
# Not a Ban Chỉ đạo ("BCĐ"): the Party's committees write "28-KH/BCĐ", the State's "12/KH-BCĐ", so its form is kept.
_PARTY_ISSUER = re.compile(r"TW|TƯ|TU|HU|TXU|QU|ThU|ĐU|ĐUK|BDV\w*|BTG\w*|UBKT\w*")
# State issuers, whose codes are written "872/NQ-UBTVQH14": "872-NQ/UBTVQH14" is the same document written the
# Party's way (the Government, the Prime Minister, people's committees and councils, the National Assembly).
_STATE_ISSUER = re.compile(r"CP|TTg|UBND|HĐND|(?:UB)?TVQH\d*|QH\d*")
# A court's instance, first ("ST", sơ thẩm) or on appeal ("PT", phúc thẩm), after a case's kind ("HS-ST", "DS-PT",
# "QĐ-PT"), or a case file taken in ("TLPT-HC", thụ lý phúc thẩm).
_COURT = re.compile(r"(?:[A-ZĐ]{2,4}-)?(?:ST|PT)|TL(?:ST|PT)-[A-ZĐ]{2,4}")
# Kinds only the State issues: "Công điện số 20/CĐ-TW" is the central disaster Ban Chỉ đạo's, not the Party's.
_STATE_TYPES = ("CĐ", "NĐ")
# A footnote mark after a party issuer: "Chỉ thị số 30-CT/TW1," is 30-CT/TW.
_FOOTNOTE = re.compile(r"^(TW|TU|HU)\d$")


def _spaced(pattern: str) -> str:
    """A pattern of kinds' names whose words any run of spaces may part: "Thông  báo  kết  luận số 77"."""
    return pattern.replace(" ", r"\s+")


# Numbers listed before a full code share its type and issuer: "Quyết định 217, 218-QĐ/TW", "217 và 218 – QĐ/TW".
_LISTED_BEFORE = re.compile(r"(?<![\w/.-])(?P<num>\d{1,4})\s*(?:,|và)\s*$")
_KIND_BEFORE = re.compile(
    _spaced(r"(?:Nghị quyết|Kết luận|Quyết định|Quy định|Chỉ thị|Quy chế|Hướng dẫn|Công văn|Kế hoạch|Thông báo|Đề án)")
    + r"(?:\s+số)?\s*$",
    re.IGNORECASE,
)
# Numbers listed after a bare mention: "quyết định số 217 và 218 của Bộ Chính trị", "Quyết định 217,218" — not a
# duration ("Nghị quyết số 24 và 25 năm thực hiện Chỉ thị số 45").
_LISTED_AFTER = re.compile(r"^\s*(?:,|và)\s*(?:số\s+)?(?P<num>\d{1,4})(?![\d/]|\s*[-–/]\s*[A-ZĐ\d]|\s+năm\b)")
# A state body's official letter has no type in its code: "Công văn số 1613/UBND-KGVX" (the body, then its office).
# Its office may be missing ("Công văn số 197/STTTT" of a Sở), the number bracketed ("Công văn (số 73/TTg-CN)").
_LETTER_CODE = re.compile(
    r"(?:[Cc]ông\s+văn|[Vv]ăn\s+bản)\s+(?:\(\s*)?(?:số\s+)?(?P<num>\d{1,5})\s*/\s*"
    rf"(?P<issuer>{_PART}(?:\s?-\s?{_PART})*)(?![\w/-])"  # "07/MTTQ - BTT" is 07/MTTQ-BTT
)
# A code whose kind is none of those above: "Biên bản số 12/BB-MTTQ", "Công văn hỏa tốc số 45/UBND-VP", "Đề cương
# 12/ĐC-BTG", "theo 238/UBND-KGVX", with its year "15/2023/QD-UBND" — a body in capitals and at least one more part,
# so that "số 3/A" is no code.
_NUMBERED_CODE = re.compile(
    rf"(?:\b[Ss]ố\s*:?\s*|(?<![\w/.{_DASHES}]))(?P<num>\d{{1,4}}(?:\s*/\s*(?:19|20)\d{{2}})?)\s*/\s*"
    rf"(?P<issuer>[A-ZĐ]{{2}}[A-Za-zĐđƯ]*\d*(?:\s?-\s?{_PART})+)(?![\w/-])"
)
# A code of a kind none of those above, in the party form or the state form and their separators' variants: "Đề
# cương số 45-ĐC/BTGTW", "Giấy mời 12-GM/TĐTN", "12/GM/TU" (a party issuer's: 12-GM/TU) — a kind in letters, an
# issuer in capitals, so that "F0-F1/TW" is no code.
_UNLISTED_CODE = re.compile(
    rf"(?<![\w/.{_DASHES}])(?P<num>\d{{1,4}})\s*(?P<sep1>[/{_DASHES}])\s*(?P<type>[A-ZĐ][A-Za-zĐ]{{1,3}})\s*"
    rf"(?P<sep2>[/{_DASHES}])\s*(?P<issuer>[A-ZĐ]{{2}}[A-ZĐƯ]*\d*(?:-{_PART})*)(?![\w/]|[{_DASHES}]\S)"
)
# The kind named before a code of a kind outside the list, for its quote.
_OTHER_KIND_BEFORE = re.compile(
    r"(?P<kind>Biên bản|Giấy mời|Đề cương(?:\s+tuyên\s+truyền)?|Tờ trình|Thông tri|Báo cáo|Phương án|Công điện|"
    r"(?:Chương trình|Quy chế|Kế hoạch)(?:\s+phối\s+hợp|\s+liên\s+tịch)?|Công văn(?:\s+hỏa\s+tốc)?|Văn bản)"
    r"(?:\s+số)?\s*:?\s*$",
    re.IGNORECASE,
)
# A joint or coordination document's code written with its kind alone: "Quy chế phối hợp số 194/QCPH ngày
# 30/11/2022" (its parties are named in the sentence, not in the code), not "08/CT - UBND", a code spaced out. The
# kind stands in the group _from_letter reads as a letter's issuer: the code is written as it stands, "194/QCPH".
_JOINT_KIND_CODE = re.compile(
    rf"\b[Ss]ố\s*:?\s*(?P<num>\d{{1,4}})\s*/\s*(?P<issuer>QCPH|CTPH|KHPH|KHLT|CTLT|NQLT|TTLT|HDLT)(?![\w/]|\s*[/{_DASHES}]\s*\w)"
)
# The Government's and the Prime Minister's codes of the 1990s, a number and the issuer alone, after a kind or "Số:":
# "Quyết định số 656-TTg", "Số: 556/TTg", "Số: 72-HĐBT" (the Council of Ministers); kept as written. Not a steering
# committee's or a programme's name ("Ban Chỉ đạo 138/CP", "chương trình 135/CP"), which no kind opens.
_OLD_STATE_CODE = re.compile(
    r"(?:\b(?i:nghị\s+định|nghị\s+quyết|quyết\s+định|chỉ\s+thị|thông\s+tư)(?:\s+số)?|\b[Ss]ố)\s*:?\s*"
    rf"(?P<num>\d{{1,4}})\s*(?P<sep>[/{_DASHES}])\s*(?P<issuer>CP|TTg|HĐBT)(?![\w/]|[{_DASHES}]\w)"
)
# A state code typed with its kind glued to its issuer: "Nghị định số 26/1999/NĐCP", "105/1999/QĐUB".
_GLUED_STATE_CODE = re.compile(
    r"(?<![\w/.-])(?P<num>\d{1,4})\s*/\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?(?P<type>NĐ|QĐ|NQ|CT|TT)"
    r"(?P<issuer>CP|TTg|UBND|UB)(?![\w/-])"
)
# A central code typed in lower case with a space for its slash: "kết luận 32/kl TW" is 32-KL/TW.
_LOWER_CENTRAL_CODE = re.compile(r"(?<![\w/.-])(?P<num>\d{1,4})\s*/\s*(?P<type>kl|nq|ct|qđ)\s+TW\b")
# A central document's number with its issuer and no kind, the kind named before it: "Chỉ thị 08/BCT" is 08-CT/TW.
_CENTRAL_NUMBER = re.compile(r"(?<![\w/.-])(?P<num>\d{1,4})\s*/\s*(?:BCT|BBT)(?![\w/-])")
# A law-style code: "202/2025/QH15".
_LAW_CODE = re.compile(r"(?<![\w/.-])(?P<num>\d{1,4})/(?P<year>(?:19|20)\d{2})/(?P<type>QH\d+|UBTVQH\d+)(?![\w/])")
# A mention by kind and number only: "Quyết định số 217", "Nghị quyết 25", "QUYẾT ĐỊNH SỐ 23".
_MENTION = re.compile(
    _spaced(
        r"(?P<kind>Thông báo kết luận|Nghị quyết|Nghị định|Kết luận|Quyết định|Quy định|Chỉ thị|Quy chế|Hướng dẫn|"
        r"Công văn|Kế hoạch|Thông báo|Đề án|"
        # a state document's number may carry its year: "Nghị quyết số 97/2022 của HĐND tỉnh" is 97/2022/NQ-HĐND
        r"Chương trình hành động|Thông tri|"
    )
    # a tone mark mistyped before a number: "Chị thị số 10 ngày 15/12/2016 của Ban bí thư"
    + r"Chị thị(?=\s+số\s)|"
    # the kind abbreviated: "NQ 28 của Ban Thường vụ Thành ủy", "QĐ 217, 218", "NQ số 25 của Ban Chấp hành Trung ương"
    r"(?-i:NQ|CT|KL|QĐ)(?=\s+(?:số\s+)?\d))"
    r"(?:\s*\((?-i:NQ|CT|KL|QĐ|KH)\))?"  # the kind's abbreviation given: "Nghị quyết (NQ) 28"
    # a leading zero typed apart: "Chỉ thị 0 3 của Bộ chính trị" is Chỉ thị 03
    r"(?:\s+số\s*:?)?\s+(?P<num>0\s\d(?![\d/])|\d{1,4}(?:[A-Da-d]\b|/(?:19|20)\d{2}(?![\d/]))?)"
    r"(?![\w/]|\s*[-–/]\s*[A-ZĐ\d])",
    re.IGNORECASE,
)
# A plenum's resolution named by the plenum, not by its number: "Nghị quyết Hội nghị lần thứ 7 BCH Trung ương khóa
# XI", "Nghị quyết TW7 khóa XI", "Nghị quyết Trung ương 8 (khóa XIII)", "nghị quyết Hội nghị Trung ương 6, khóa XII",
# "nghị quyết hội nghị BCH TW Đảng lần thứ 7 khóa XII", "Nghị quyết Hội nghị lần thứ 12 của Ban Chấp hành Trung ương
# Đảng khóa XII", "NQ TW 7 khóa 12", "NQTW 4 (khóa XII)" (b203). A plenum issues several resolutions: the subject
# named after it decides which one.
_CENTRAL_COMMITTEE = r"(?:Ban\s+Chấp\s+hành|BCH)\s*(?:Trung\s+ương|TW|TƯ|T\.Ư)"
_PLENUM = re.compile(
    r"(?:Nghị\s+quyết\s+|(?-i:NQ)\s*)(?:(?:của\s+)?Hội\s+nghị\s+)?"
    r"(?:(?:Trung\s+ương\s+)?lần\s+thứ\s+(?P<a>\d{1,2})\s*,?\s+(?:của\s+)?"
    + _CENTRAL_COMMITTEE
    + r"|"
    + _CENTRAL_COMMITTEE
    + r"(?:\s+Đảng)?\s+lần\s+thứ\s+(?P<c>\d{1,2})"
    + r"|(?:Ban\s+Chấp\s+hành\s+|BCH\s+)?(?:Trung\s+ương|TW|TƯ|T\.Ư)\s*(?P<b>\d{1,2}))"
    # the plenum's sitting: "Nghị quyết TW 7 (lần 2) khóa IX" (v602)
    r"(?:\s*\(lần\s+\d\))?(?:\s+Đảng)?\s*[(,]?\s*"
    # the term in Roman or Arabic figures ("khóa 12"); "(khóa XI, XII)": both
    r"kh[oó]a\s+(?P<term>[XVI]+|1[0-4]|9)\b(?:\s*(?:,|và)\s*(?:kh[oó]a\s+)?(?P<term2>[XVI]+|1[0-4])\b)?",
    re.IGNORECASE,
)
_ROMAN_TERMS = {"9": "IX", "10": "X", "11": "XI", "12": "XII", "13": "XIII", "14": "XIV"}
# (term, plenum, words of its subject) → (number, date) of the Central Committee's resolutions that reports on this
# work cite by their plenum; a date only where it is beyond doubt. A plenum with one resolution needs no subject.
_PLENUM_RESOLUTIONS = {
    ("IX", 7, "đoàn kết"): ("23", "2003-03-12"),  # phát huy sức mạnh (đại) đoàn kết toàn dân tộc
    ("IX", 7, "công tác dân tộc"): ("24", None),
    ("IX", 7, "tôn giáo"): ("25", None),
    ("X", 7, "thanh niên"): ("25", None),
    ("X", 7, "nông dân"): ("26", "2008-08-05"),  # nông nghiệp, nông dân, nông thôn
    ("X", 7, "trí thức"): ("27", None),
    # the fourth plenums of the XI and XII terms are cited by their Party-building resolution, by plenum alone
    ("XI", 4, ""): ("12", None),  # một số vấn đề cấp bách về xây dựng Đảng hiện nay
    ("XI", 5, "chính sách xã hội"): ("15", None),
    ("XI", 7, "biến đổi khí hậu"): ("24", None),
    ("XI", 7, "dân vận"): ("25", "2013-06-03"),  # tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận
    ("XI", 9, ""): ("33", "2014-06-09"),  # its one resolution: xây dựng và phát triển văn hóa, con người Việt Nam
    ("XII", 4, ""): ("04", "2016-10-30"),  # tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn suy thoái
    ("XII", 6, "tổ chức bộ máy"): ("18", "2017-10-25"),  # tiếp tục đổi mới, sắp xếp tổ chức bộ máy … tinh gọn
    ("XII", 6, "đơn vị sự nghiệp công lập"): ("19", None),
    ("XII", 7, "đội ngũ cán bộ"): ("26", None),
    ("XII", 7, "tiền lương"): ("27", None),
    ("XII", 7, "bảo hiểm xã hội"): ("28", None),
    ("XIII", 5, "đất đai"): ("18", None),
    ("XIII", 5, "nông dân"): ("19", None),  # nông nghiệp, nông dân, nông thôn đến năm 2030
    ("XIII", 5, "kinh tế tập thể"): ("20", None),
    ("XIII", 5, "tổ chức cơ sở đảng"): ("21", None),
    ("XIII", 6, "nhà nước pháp quyền"): ("27", None),
    ("XIII", 6, "phương thức lãnh đạo"): ("28", None),
    ("XIII", 8, "chính sách xã hội"): ("42", None),
    ("XIII", 8, "đại đoàn kết"): ("43", "2023-11-24"),  # phát huy truyền thống, sức mạnh khối đại đoàn kết toàn dân tộc
    ("XIII", 8, "bảo vệ tổ quốc"): ("44", None),
    ("XIII", 8, "trí thức"): ("45", None),
}
# Central documents a curator knows by kind and number when the sentence says what they are about: "15 năm thực hiện
# Nghị quyết số 24 …, vùng đồng bào dân tộc thiểu số" is 24-NQ/TW (công tác dân tộc, 2003). The words are the
# document's subject as articles name it (lower case); one number may be several documents of one code (25-NQ/TW:
# tôn giáo 2003, thanh niên 2008, dân vận 2013). Only for a mention whose issuer is not named.
_CENTRAL_SUBJECTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("NQ", "09"): ("cựu chiến binh", "ccb"),  # 2002: công tác cựu chiến binh trong giai đoạn cách mạng mới
    ("NQ", "11"): ("phụ nữ",),  # 2007: công tác phụ nữ thời kỳ đẩy mạnh CNH, HĐH
    ("NQ", "20"): ("giai cấp công nhân",),  # 2008
    ("NQ", "23"): ("đại đoàn kết", "văn học", "nghệ thuật"),  # 2003; 2008
    ("NQ", "24"): ("dân tộc thiểu số", "công tác dân tộc", "đồng bào dân tộc", "biến đổi khí hậu"),  # 2003; 2013
    ("NQ", "25"): ("dân vận", "tôn giáo", "thanh niên"),  # 2013; 2003; 2008
    ("NQ", "26"): ("nông dân", "nông nghiệp", "nông thôn"),  # 2008
    ("NQ", "27"): ("trí thức",),  # 2008
    ("NQ", "43"): ("đại đoàn kết",),  # 2023
    ("NQ", "18"): ("tổ chức bộ máy",),  # 2017: tiếp tục đổi mới, sắp xếp tổ chức bộ máy … tinh gọn
    # the four "pillar" resolutions of 2024-2025
    ("NQ", "57"): ("khoa học, công nghệ", "chuyển đổi số"),  # 2024: khoa học, công nghệ, đổi mới sáng tạo …
    ("NQ", "59"): ("hội nhập quốc tế",),  # 2025
    ("NQ", "66"): ("thi hành pháp luật",),  # 2025: đổi mới công tác xây dựng và thi hành pháp luật
    ("NQ", "68"): ("kinh tế tư nhân",),  # 2025
    ("CT", "05"): ("hồ chí minh",),  # 2016: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
    ("CT", "21"): ("phụ nữ",),  # 2018: tiếp tục đẩy mạnh công tác phụ nữ trong tình hình mới
    ("CT", "30"): ("dân chủ",),  # 1998: xây dựng và thực hiện quy chế dân chủ ở cơ sở
    ("CT", "42"): ("thế hệ trẻ", "lý tưởng"),  # 2015
    ("CT", "45"): ("mông",),  # 1994: một số công tác ở vùng dân tộc Mông
    ("CT", "49"): ("gia đình", "dân vận"),  # 2005: xây dựng gia đình; 2015: dân vận ở vùng đồng bào dân tộc thiểu số
    ("KL", "43"): ("dân vận",),  # 2019: tiếp tục thực hiện Nghị quyết 25-NQ/TW
    ("KL", "49"): ("khuyến học",),  # 2019: tiếp tục thực hiện Chỉ thị 11-CT/TW về công tác khuyến học, khuyến tài
    ("KL", "62"): ("mặt trận",),  # 2009: đổi mới nội dung, phương thức hoạt động của MTTQ và các đoàn thể
    ("KL", "114"): ("dân vận",),  # 2015: nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước
    ("QĐ", "217"): ("giám sát", "phản biện"),  # 2013: giám sát và phản biện xã hội của MTTQ và các đoàn thể
    ("QĐ", "218"): ("góp ý",),  # 2013: MTTQ, các đoàn thể và nhân dân tham gia góp ý xây dựng Đảng, chính quyền
    ("QĐ", "290"): ("dân vận",),  # 2010: quy chế công tác dân vận của hệ thống chính trị
}
# The Standing Committee of the 13th to 16th legislatures, as texts name it, and its codes' suffix.
_LEGISLATURE = {
    f"{body} {term}": f"UBTVQH{number}"
    for number, roman in ((13, "XIII"), (14, "XIV"), (15, "XV"), (16, "XVI"))
    for body in ("Ủy ban Thường vụ Quốc hội", "UBTVQH")
    for term in (number, f"khóa {number}", f"khóa {roman}")
}
# Who issued it: "của Bộ Chính trị", "của Ban Thường vụ Tỉnh ủy" — read after the mention, inside its clause.
_ISSUERS = (
    "Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương Đảng|Ban Chấp hành Trung ương|BCH Trung ương|Trung ương|"
    # their abbreviations: "Chỉ thị 05 của BCT", "Kết luận 01 của BBT", "Nghị quyết 25 của BCH TW", "của BDVTW"
    "BCT|BBT|BCHTW|BCH TW|BCH TƯ|BDVTW|"
    "Ban Thường vụ Tỉnh ủy|Ban Thường vụ Thành ủy|Ban Thường vụ Huyện ủy|Ban Thường vụ Thị ủy|Tỉnh ủy|Huyện ủy|"
    # the standing members, and the abbreviation: "Kết luận số 60 của Thường trực Tỉnh ủy", "Chỉ thị 17 của BTV Tỉnh ủy"
    "Thường trực Tỉnh ủy|Thường trực Thành ủy|Thường trực Huyện ủy|BTV Tỉnh ủy|BTV Thành ủy|BTV Huyện ủy|BTV Thị ủy|"
    "Thị ủy|Ban Dân vận Tỉnh ủy|Ban Dân vận Thành ủy|Ban Dân vận Huyện ủy|Ban Dân vận Trung ương|"
    # the committee's other boards: "Ban Nội chính Tỉnh ủy ban hành Thông báo số 50" is 50-TB/BNCTU (ib01)
    "Ban Nội chính Tỉnh ủy|Ban Nội chính Thành ủy|Ban Tuyên giáo Tỉnh ủy|Ban Tuyên giáo Thành ủy|Ban Tổ chức Tỉnh ủy|"
    "Ban Tổ chức Thành ủy|"
    "Thủ tướng Chính phủ|Chính phủ|"
    # the Party committee of a bloc of agencies or enterprises ("Nghị quyết số 05 của Đảng ủy Khối các cơ quan tỉnh")
    "Ban Thường vụ Đảng ủy Khối|Đảng ủy Khối|"
    "Quốc hội|UBND tỉnh|Ủy ban nhân dân tỉnh|UBND huyện|Ủy ban nhân dân huyện|HĐND tỉnh|HĐND thành phố|HĐND huyện|"
    "UBND thành phố|Ủy ban nhân dân thành phố|UBND thị xã|Ủy ban nhân dân thị xã|Hội đồng nhân dân tỉnh|"
    "Hội đồng nhân dân thành phố|Hội đồng nhân dân huyện|"
    "Ban Thường trực Ủy ban MTTQ|Ban Thường trực UBMTTQVN|Ban Thường trực UBMTTQ|"
    # the trade unions' confederation writes the State's form: "Quyết định số 01 … của Tổng Liên đoàn Lao động Việt
    # Nam" is 01/QĐ-TLĐ (hi07)
    "Tổng Liên đoàn Lao động Việt Nam|Tổng LĐLĐ Việt Nam|"
    # the Party committee named by its organisation: "Nghị quyết số 110 của Đảng bộ tỉnh", "… của BCH Đảng bộ huyện"
    "Ban Chấp hành Đảng bộ tỉnh|BCH Đảng bộ tỉnh|Đảng bộ tỉnh|"
    "Ban Chấp hành Đảng bộ huyện|BCH Đảng bộ huyện|Đảng bộ huyện|"
    "Ban Chấp hành Đảng bộ thành phố|BCH Đảng bộ thành phố|"
    # since 2025: the merged Ban Tuyên giáo và Dân vận, and the commune's Đảng ủy
    "Ban Tuyên giáo và Dân vận Trung ương|Ban Tuyên giáo và Dân vận Tỉnh ủy|Ban Tuyên giáo và Dân vận Thành ủy|"
    "Ban Tuyên giáo và Dân vận Huyện ủy|"
    # the standing committee without its "Ban": "Chỉ thị số 23 của Thường vụ Tỉnh ủy"
    "Thường vụ Tỉnh ủy|Thường vụ Thành ủy|Thường vụ Huyện ủy|"
    "Ban Thường vụ Đảng ủy xã|Ban Thường vụ Đảng ủy phường|Đảng ủy xã|Đảng ủy phường|"
    "Ban Thường vụ Quận ủy|Thường vụ Quận ủy|Thường trực Quận ủy|BTV Quận ủy|Quận ủy|Thành ủy|"
    "Thường vụ Thị ủy|Thường trực Thị ủy|"
    # a mass organisation's central committee is not the Party's "Trung ương"
    "Ban Chấp hành Trung ương Hội Nông dân Việt Nam|Trung ương Hội Nông dân Việt Nam|Trung ương Hội Nông dân|"
    "Hội Nông dân Việt Nam|"
    # a province's farmers' union writes its codes as the Party's ("387-KH/HNDT"): "hướng dẫn số 04 của Ban Thường vụ
    # Hội Nông dân tỉnh An Giang" is 04-HD/HNDT (nx04), "nghị quyết 01 của Ban chấp hành Hội Nông dân tỉnh" 01-NQ/HNDT
    "Ban Thường vụ Hội Nông dân tỉnh|Ban Chấp hành Hội Nông dân tỉnh|BCH Hội Nông dân tỉnh|Hội Nông dân tỉnh|"
    "Trung ương Hội Liên hiệp Phụ nữ Việt Nam|Trung ương Hội LHPN Việt Nam|Trung ương Hội Cựu chiến binh Việt Nam|"
    "Trung ương Đoàn|"
    # … named with its Ban Chấp hành: "Nghị quyết số 30 của Ban chấp hành Trung ương Hội Chữ thập đỏ Việt Nam" (d612)
    "Ban Chấp hành Trung ương Hội Chữ thập đỏ Việt Nam|Trung ương Hội Chữ thập đỏ Việt Nam|Trung ương Hội Chữ thập đỏ|"
    "Ban Chấp hành Trung ương Hội Liên hiệp Phụ nữ Việt Nam|Ban Chấp hành Trung ương Hội LHPN Việt Nam|"
    "Ban Chấp hành Trung ương Hội Cựu chiến binh Việt Nam|Ban Chấp hành Trung ương Đoàn|BCH Trung ương Đoàn|"
    # nor is the Front's: "Thông tri 28 của Trung ương Mặt trận Tổ quốc Việt Nam" has no code by its number alone (p62)
    "Ủy ban Trung ương Mặt trận|Ủy ban Trung ương MTTQ|Trung ương Mặt trận|Trung ương MTTQ|"
    # the Party committees of the central agencies: their codes' suffix is not the Central Committee's
    "Ban Thường vụ Đảng ủy các cơ quan Đảng Trung ương|Đảng ủy các cơ quan Đảng Trung ương|"
    "Đảng ủy Khối các cơ quan Trung ương|"
    # the army's Party committees: "Nghị quyết 765 của Quân ủy Trung ương" is 765-NQ/QUTW, its older name
    # "Đảng ủy Quân sự Trung ương" writes ĐUQSTW, a military region's Đảng ủy ĐU ("Nghị quyết 280 của Đảng ủy Quân khu")
    "Quân ủy Trung ương|Thường vụ Quân ủy Trung ương|Đảng ủy Quân sự Trung ương|Đảng ủy Quân khu|"
    # the National Assembly's Standing Committee with its legislature ("Nghị quyết số 788 của Ủy ban Thường vụ Quốc
    # hội 14" is 788/NQ-UBTVQH14); without it the code is not known
    + "|".join(_LEGISLATURE)
)
# Any case and spacing ("Bộ chính trị", "Bộ Chính  trị"); the longest name first.
_ISSUER_ALT = "|".join(
    r"\s+".join(map(re.escape, name.split())) for name in sorted(_ISSUERS.split("|"), key=len, reverse=True)
)
_ISSUER = re.compile(rf"của\s+(?P<issuer>{_ISSUER_ALT})", re.IGNORECASE)
# The Politburo or the Secretariat right after the number, "của" left out: "Chỉ thị số 03 Bộ Chính trị (khóa XI)"
# (v705); not any body ("Ban Chỉ đạo đề án 134 Trung ương" is the board's, qg09)
_ISSUER_NEXT = re.compile(r"\s+(?P<issuer>Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư)\b", re.IGNORECASE)
# The issuer before the mention: "Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17". The place name after
# the body (capitalised words) and "đã"/"vừa" may stand between.
_ISSUER_BEFORE = re.compile(
    # "Thường trực Ban Bí thư Trần Cẩm Tú mới đây ký ban hành Kết luận số 236"
    # "Thành ủy TP.HCM ban hành Nghị quyết số 08": a place name written with a dot inside (hd05)
    rf"(?P<issuer>{_ISSUER_ALT})(?:\s+[A-ZĐ][\w’']*(?:\.[\w’']+)*){{0,4}}\s+(?:(?:đã|vừa|mới)(?:\s+đây)?\s+)?(?:ký\s+)?"
    r"ban\s+hành\s*$",
    re.IGNORECASE,
)
# A named body's own office or Party committee is another issuer: "Đảng ủy Văn phòng UBND tỉnh", "Công đoàn cơ quan …".
_WITHIN_BODY = re.compile(r"(?:\b[Vv]ăn\s+phòng|\bcơ\s+quan|\b[Đđ]ảng\s+ủy(?:\s+[Vv]ăn\s+phòng)?)\s+$")
# "… của Tỉnh ủy, điển hình như Chương trình hành động số 144", "chỉ đạo của Ban Thường vụ Tỉnh ủy tại Chỉ thị số 40":
# the issuer of the mention that follows.
_ISSUER_SUCH_AS = re.compile(
    rf"của\s+(?P<issuer>{_ISSUER_ALT})(?:\s+[A-ZĐ][\w’']*){{0,3}}\s*,?\s*"
    r"(?:điển\s+hình\s+(?:là|như)|cụ\s+thể\s+là|như|tại|theo)\s*:?\s*$",
    re.I,
)
# A plenum of the Central Committee issued the mention: "Kết luận số 21 của Hội nghị Trung ương 4 khóa XIII",
# "Nghị quyết số 18 Hội nghị lần thứ 6 BCH Trung ương khóa XII".
_PLENUM_AFTER = re.compile(
    # past the document's date: "Nghị quyết số 25, ngày 3/6/2013 của Hội nghị Trung ương 7 khóa XI"
    r"\s*,?\s*(?:ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}\s*,?\s*)?"
    r"(?:\(\s*)?(?:của\s+)?Hội\s+nghị\s+(?:lần\s+thứ\s+\d{1,2}\s+(?:Ban\s+Chấp\s+hành|BCH)\s+Trung\s+ương|"
    r"(?:Ban\s+Chấp\s+hành\s+|BCH\s+)?(?:Trung\s+ương|TW|TƯ)\s*\d{1,2})\b",
    re.IGNORECASE,
)
# A document a mention is about, named between it and an issuer, takes the issuer: "… số 163 về thực hiện Kết luận
# số 43 của Ban Bí thư".
_OTHER_KIND = re.compile(
    r"\b(?:thực hiện|triển khai|quán triệt|về|theo)\s+(?:các\s+)?(?:Nghị quyết|Kết luận|Quyết định|Quy định|Chỉ thị|"
    r"Quy chế|Hướng dẫn|Công văn|Kế hoạch|Thông báo|Đề án|Chương trình|Luật|Pháp lệnh)\b|"
    # documents in general: "Chỉ thị số 35 và các hướng dẫn của Trung ương" names no issuer of the Chỉ thị
    r"\b(?:và|cùng)\s+các\s+(?:hướng dẫn|văn bản|quy định|nghị quyết|kết luận|chỉ thị)\b",
    re.IGNORECASE,
)
# The date right after a code: "25-NQ/TW ngày 03/6/2013", "605-QĐ/HU, ngày 5/11/2021", "36/KH-UBMTTQ-BTT ngày 19
# tháng 10 năm 2020", bracketed "134/QĐ- MTTQ – BTT (ngày 26/8/2015)" (qrr01).
# (on the mention's own line: a headline's "… Nghị quyết 25" is not dated by the lede's "Ngày 15/12/2023, …")
_DATE_AFTER = re.compile(
    r"^[^\S\n]*[,(]?[^\S\n]*(?:ban hành\s+)?ngày\s*(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})\s*"
    r"(?:[/.-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d{2})",
    re.IGNORECASE,
)
# A quoted title after the code, one level of inner quotes allowed: “Về … mô hình “Dân vận khéo” …”.
_TITLE_AFTER = re.compile(r"^(?P<lead>[^“\"]{0,80}?[“\"])(?P<title>(?:[^”\"“]|“[^”\n]*”){8,250})[”\"]")

_KIND_TYPE = {
    "nghị quyết": "NQ",
    "nq": "NQ",  # "NQ 28 của Ban Thường vụ Thành ủy": the kind abbreviated
    "ct": "CT",
    "kl": "KL",
    "qđ": "QĐ",
    "nghị định": "NĐ",  # only with its year: "Nghị định số 150/2006 … của Chính phủ" is 150/2006/NĐ-CP
    "kết luận": "KL",
    "quyết định": "QĐ",
    "quy định": "QĐ",
    "chỉ thị": "CT",
    "chị thị": "CT",
    "quy chế": "QC",
    "hướng dẫn": "HD",
    "công văn": "CV",
    "kế hoạch": "KH",
    "thông báo": "TB",
    "thông báo kết luận": "TB",  # "Thông báo Kết luận số 264 của Bộ Chính trị": 264-TB/TW
    "đề án": "ĐA",
    "chương trình hành động": "CTr",
    "thông tri": "TT",
}
_TYPE_ENUM: dict[str, DocumentType] = {
    "NQ": "nghi_quyet",
    "KL": "ket_luan",
    "QĐ": "quyet_dinh",
    "CT": "chi_thi",
    "QC": "quy_che",
    "HD": "huong_dan",
    "CV": "cong_van",
    "KH": "ke_hoach",
}
# Party naming rules: the issuer part of a code by the body that issued it.
_PARTY_SUFFIX = {
    "bộ chính trị": "TW",
    "bct": "TW",
    "bbt": "TW",
    "bchtw": "TW",
    "bch tw": "TW",
    "bch tư": "TW",
    "bdvtw": "BDVTW",
    "quân ủy trung ương": "QUTW",
    "thường vụ quân ủy trung ương": "QUTW",
    "đảng ủy quân sự trung ương": "ĐUQSTW",
    "đảng ủy quân khu": "ĐU",
    "ban bí thư": "TW",
    "ban chấp hành trung ương": "TW",
    "bch trung ương": "TW",
    "trung ương": "TW",
    "ban chấp hành trung ương đảng": "TW",
    "ban thường vụ tỉnh ủy": "TU",
    "tỉnh ủy": "TU",
    "ban thường vụ huyện ủy": "HU",
    "huyện ủy": "HU",
    "ban thường vụ thị ủy": "TXU",
    "thị ủy": "TXU",
    "thường trực tỉnh ủy": "TU",
    "thường trực thành ủy": "TU",
    "thường trực huyện ủy": "HU",
    "btv tỉnh ủy": "TU",
    "btv thành ủy": "TU",
    "btv huyện ủy": "HU",
    "btv thị ủy": "TXU",
    "ban chấp hành đảng bộ thành phố": "TU",
    "bch đảng bộ thành phố": "TU",
    "ban dân vận tỉnh ủy": "BDVTU",
    "ban dân vận thành ủy": "BDVTU",  # as "thành ủy" is TU and its Ban Tuyên giáo và Dân vận BTGDVTU
    "ban thường vụ đảng ủy khối": "ĐUK",
    "đảng ủy khối": "ĐUK",
    "ban dân vận huyện ủy": "BDVHU",
    "ban dân vận trung ương": "BDVTW",
    "ban nội chính tỉnh ủy": "BNCTU",
    "ban nội chính thành ủy": "BNCTU",
    "ban tuyên giáo tỉnh ủy": "BTGTU",
    "ban tuyên giáo thành ủy": "BTGTU",
    "ban tổ chức tỉnh ủy": "BTCTU",
    "ban tổ chức thành ủy": "BTCTU",
    "ban chấp hành đảng bộ tỉnh": "TU",
    "bch đảng bộ tỉnh": "TU",
    "đảng bộ tỉnh": "TU",
    "ban chấp hành đảng bộ huyện": "HU",
    "bch đảng bộ huyện": "HU",
    "đảng bộ huyện": "HU",
    "ban tuyên giáo và dân vận trung ương": "BTGDVTW",
    "ban tuyên giáo và dân vận tỉnh ủy": "BTGDVTU",
    "ban tuyên giáo và dân vận thành ủy": "BTGDVTU",
    "ban tuyên giáo và dân vận huyện ủy": "BTGDVHU",  # in the months before the districts closed (p1423)
    "thường vụ tỉnh ủy": "TU",
    "thường vụ thành ủy": "TU",
    "thường vụ huyện ủy": "HU",
    "ban thường vụ đảng ủy xã": "ĐU",
    "ban thường vụ đảng ủy phường": "ĐU",
    "đảng ủy xã": "ĐU",
    "đảng ủy phường": "ĐU",
    "ban thường vụ quận ủy": "QU",
    "thường vụ quận ủy": "QU",
    "thường trực quận ủy": "QU",
    "btv quận ủy": "QU",
    "quận ủy": "QU",
    "thường vụ thị ủy": "TXU",
    "thường trực thị ủy": "TXU",
    "ban thường vụ thành ủy": "TU",
    "thành ủy": "TU",
    "ban chấp hành trung ương hội nông dân việt nam": "HNDTW",
    "trung ương hội nông dân việt nam": "HNDTW",
    "trung ương hội nông dân": "HNDTW",
    "hội nông dân việt nam": "HNDTW",  # the union as a whole: "Đề án số 24 của Hội Nông dân Việt Nam" (ma02)
    "ban thường vụ hội nông dân tỉnh": "HNDT",
    "ban chấp hành hội nông dân tỉnh": "HNDT",
    "bch hội nông dân tỉnh": "HNDT",
    "hội nông dân tỉnh": "HNDT",
}
_STATE_SUFFIX = {
    "chính phủ": "CP",
    "thủ tướng chính phủ": "TTg",
    "ubnd tỉnh": "UBND",
    "ủy ban nhân dân tỉnh": "UBND",
    "ubnd huyện": "UBND",
    "ủy ban nhân dân huyện": "UBND",
    "ubnd thành phố": "UBND",
    "ủy ban nhân dân thành phố": "UBND",
    "ubnd thị xã": "UBND",
    "ủy ban nhân dân thị xã": "UBND",
    "hội đồng nhân dân tỉnh": "HĐND",
    "hội đồng nhân dân thành phố": "HĐND",
    "hội đồng nhân dân huyện": "HĐND",
    "hđnd tỉnh": "HĐND",
    "hđnd thành phố": "HĐND",
    "hđnd huyện": "HĐND",
    "ban thường trực ủy ban mttq": "MTTQ-BTT",  # "Kế hoạch số 157 … của Ban Thường trực Uỷ ban MTTQ" is 157/KH-MTTQ-BTT
    "ban thường trực ubmttq": "MTTQ-BTT",
    "ban thường trực ubmttqvn": "MTTQ-BTT",  # "Kế hoạch số 03 ngày 11/7/2025 của Ban Thường trực UBMTTQVN tỉnh"
    "tổng liên đoàn lao động việt nam": "TLĐ",
    "tổng lđlđ việt nam": "TLĐ",
} | {name.lower(): suffix for name, suffix in _LEGISLATURE.items()}


@dataclass
class DocHit:
    """One mention of a document; several mentions of a code are merged into one draft document."""

    start: int
    end: int
    code: str
    kind: str | None  # the word used: "Quy định", "Nghị quyết" …
    inferred: bool  # the code was completed from the kind and the issuer, not written out
    issuer: str | None = None
    date: str | None = None
    title: str | None = None
    quote_end: int = 0


def _hyphens(text: str) -> str:
    return re.sub(f"[{_DASHES}]", "-", text)


def normalise_code(num: str, year: str | None, doc_type: str, issuer: str, sep1: str, sep2: str) -> str:
    """ "25 - NQ/TW" → 25-NQ/TW; "76/NQ-CP"; "33/2021/CT-TTg"; dashes become hyphens; a party issuer's code
    written in the state form ("49/NQ-TU") or with a footnote mark ("30-CT/TW1") is its party form, and a state
    issuer's written in the party form ("872-NQ/UBTVQH14") its state form."""
    sep1, sep2 = _hyphens(sep1), _hyphens(sep2)
    issuer = _hyphens(issuer)
    if footnote := _FOOTNOTE.match(issuer):
        issuer = footnote.group(1)
    if issuer in ("TƯ", "T.Ư"):  # "25-NQ/TƯ", "25-NQ/T.Ư": Trung ương written with its mark
        issuer = "TW"
    if issuer == "TTG":  # "12/2018/QĐ-TTG": the Prime Minister's code typed in capitals
        issuer = "TTg"
    if not year and _PARTY_ISSUER.fullmatch(issuer) and doc_type not in _STATE_TYPES:
        sep1, sep2 = "-", "/"
    elif sep1 == "-" and sep2 in "/-" and _STATE_ISSUER.fullmatch(issuer):  # "516-QĐ-TTg" is 516/QĐ-TTg
        sep1, sep2 = "/", "-"
    elif sep1 == sep2 == "/" and (issuer in _STATE_SUFFIX.values() or _STATE_ISSUER.fullmatch(issuer)):
        sep2 = "-"  # "386/QĐ/TTg" is 386/QĐ-TTg
    head = f"{num}/{year}" if year else num
    return f"{head}{sep1}{doc_type}{sep2}{issuer}"


def find_documents(text: str, known: Sequence[str] = ()) -> list[DocHit]:
    """Every document mention in a text (an article's whole text: a bare number is resolved against full codes).
    `known`: codes the curated data already has; a bare "Chỉ thị 05" with no issuer named is the one central
    document of that kind and number among them (05-CT/TW), if there is exactly one."""
    written, text = text, fold_tones(text)  # "của Ban Thường vụ Tỉnh uỷ" names the Tỉnh ủy; offsets are the same
    hits = [hit for m in _CODE.finditer(text) if (hit := _from_code(text, m)) is not None]
    hits += _listed_before_codes(text, hits)
    hits += [_written_code(text, m, f"{m['num']}-{m['type'].upper()}/TW") for m in _LOWER_CENTRAL_CODE.finditer(text)]
    for m in _CENTRAL_NUMBER.finditer(text):
        if (hit := _written_code(text, m, "")).kind:
            hit.code = f"{m['num']}-{_KIND_TYPE[hit.kind.lower()]}/TW"
            hits.append(hit)
    for m in _LAW_CODE.finditer(text):  # "Nghị quyết 45/2022/QH15 ngày 11/01/2022": its date is no event's
        hits.append(DocHit(m.start(), m.end(), f"{m.group('num')}/{m.group('year')}/{m.group('type')}", None, False))
        _add_date_and_title(text, hits[-1])
    hits += [_from_letter(text, m) for m in _LETTER_CODE.finditer(text) if not any(h.end == m.end() for h in hits)]
    for m in _OLD_STATE_CODE.finditer(text):
        code = m["num"] + ("/" if m["sep"] == "/" else "-") + m["issuer"]
        hits.append(_written_code(text, m, code, at=m.start("num")))
    for m in _GLUED_STATE_CODE.finditer(text):
        hits.append(_written_code(text, m, normalise_code(m["num"], m["year"], m["type"], m["issuer"], "/", "-")))

    def unread(m: re.Match) -> bool:  # not inside a code read before, nor a court's instance ("QĐ-PT", "HS-ST")
        return not any(h.start < m.end() and m.start("num") < h.end for h in hits) and not _COURT.fullmatch(
            "".join(m["issuer"].split())
        )

    hits += [_from_letter(text, m, kind=None) for m in _NUMBERED_CODE.finditer(text) if unread(m)]
    hits += [_from_letter(text, m, kind=None) for m in _JOINT_KIND_CODE.finditer(text) if unread(m)]
    hits += [
        _from_letter(
            text, m, kind=None, code=normalise_code(m["num"], None, m["type"], *m.group("issuer", "sep1", "sep2"))
        )
        for m in _UNLISTED_CODE.finditer(text)
        if unread(m)
    ]
    # a number's letter as written ("126b-KH/HU"), matched whatever its case ("Kế hoạch 126B")
    full = {(h.code.split("-")[0].split("/")[0].upper(), _code_type(h.code)): h.code for h in hits}
    mentions = []  # (match, its numbers, its end, issuer)
    for m in _MENTION.finditer(text):
        if any(h.start <= m.start("num") < h.end for h in hits):
            continue
        numbers, end = [("".join(m.group("num").split()), m.start(), m.end())], m.end()
        while (more := _LISTED_AFTER.match(text[end:])) is not None:  # "quyết định số 217 và 218"
            numbers.append((more.group("num"), end + more.start("num"), end + more.end()))
            end += more.end()
        mentions.append((m, numbers, end, _issuer_after(text, end) or _issuer_before(text, m.start())))
    _share_issuers(text, mentions)
    for m, numbers, end, issuer in mentions:
        kind = " ".join(m.group("kind").split())  # "Thông  báo  kết  luận", spaced out as some pages are
        doc_type = _KIND_TYPE[kind.lower()]
        suffix = _suffix_listed_after(text, end, kind, hits)
        codes = []
        for num, start, stop in numbers:
            code = full.get((num.upper(), doc_type))
            if code is None and suffix:
                code = num + suffix
            if code is None and issuer:
                code = _code_from_issuer(num, doc_type, issuer)
            if code is None and not issuer:
                code = (
                    _known_central(num, doc_type, known)
                    or _central_by_subject(text, num, doc_type, start, stop)
                    or _central_beside(text, num, doc_type, start, hits)
                    or _central_listed(text, num, doc_type, start)
                )
            codes.append(code)
        if not issuer and any(code and code.endswith(f"-{doc_type}/TW") for code in codes):
            # "Quyết định 217, 218 về giám sát và phản biện xã hội": numbers listed with a central one are the Centre's
            codes = [
                code or f"{num.split('/')[0]}-{doc_type}/TW" for code, (num, _, _) in zip(codes, numbers, strict=True)
            ]
        for code, (num, start, stop) in zip(codes, numbers, strict=True):
            if code is None:
                continue
            hit = DocHit(start, stop, code, kind, full.get((num.upper(), doc_type)) is None, issuer)
            _add_date_and_title(text, hit)
            hits.append(hit)
    hits += _plenum_resolutions(text, hits)
    for hit in hits:  # a title as written
        if hit.title and (at := text.find(hit.title, hit.quote_end)) >= 0:
            hit.title = written[at : at + len(hit.title)]
    return sorted(hits, key=lambda h: h.start)


def _share_issuers(text: str, mentions: list) -> None:
    """Mentions of one kind listed together have one issuer, named after the first ("Chương trình hành động số 144
    và 190 và Chương trình hành động số 163") or after the last ("Nghị quyết số 02; Nghị quyết số 05 của BCH Đảng bộ
    huyện")."""
    listed = [
        a[0].group("kind").lower().split() == b[0].group("kind").lower().split()
        and re.fullmatch(r"\s*(?:[,;]|và|[,;]\s*và)\s*", text[a[2] : b[0].start()]) is not None
        for a, b in itertools.pairwise(mentions)
    ]  # listed[i]: mention i and mention i + 1 are one list
    for i in range(1, len(mentions)):  # named after the first: carried forwards
        if listed[i - 1] and mentions[i][3] is None:
            mentions[i] = (*mentions[i][:3], mentions[i - 1][3])
    for i in range(len(mentions) - 2, -1, -1):  # named after the last: carried backwards
        if listed[i] and mentions[i][3] is None:
            mentions[i] = (*mentions[i][:3], mentions[i + 1][3])


def _plenum_resolutions(text: str, hits: list[DocHit]) -> list[DocHit]:
    """ "Nghị quyết Hội nghị lần thứ 7 BCH Trung ương khóa XI về tăng cường … công tác dân vận" is 25-NQ/TW: the
    subject is read in the mention's sentence, before or after it ("nhiệm vụ công tác dân vận theo Nghị quyết …")."""
    out = []
    for m in _PLENUM.finditer(text):
        if any(h.start <= m.start() < h.end for h in hits):
            continue
        plenum = int(m.group("a") or m.group("b") or m.group("c"))
        before = re.split(r"[.;\n]", text[max(0, m.start() - 200) : m.start()])[-1]
        after = text[m.end() : m.end() + 600]
        # its sentence, or the list a colon opens ("3 nghị quyết hội nghị … khóa XII: Nghị quyết về … Nghị quyết về …")
        listed = re.match(r"\)?[^.;:\n]{0,20}:", after)
        subject = (before + (after.split("\n")[0] if listed else re.split(r"[.;\n]", after)[0])).lower()
        terms = {_ROMAN_TERMS.get(term, term.upper()) for term in (m.group("term"), m.group("term2")) if term}
        for (term, number, words), (num, date) in _PLENUM_RESOLUTIONS.items():
            if term in terms and number == plenum and words in subject:
                out.append(
                    DocHit(m.start(), m.end(), f"{num}-NQ/TW", "Nghị quyết", True, "Ban Chấp hành Trung ương", date)
                )
    return out


def _central_by_subject(text: str, num: str, doc_type: str, start: int, end: int) -> str | None:
    """The central document of this kind and number whose subject its sentence names (_CENTRAL_SUBJECTS), else None."""
    key = (doc_type, num.zfill(2))
    if key not in _CENTRAL_SUBJECTS:
        return None
    before = re.split(r"[.;\n]\s", text[max(0, start - 300) : start])[-1]
    sentence = (before + text[start:end] + re.split(r"[.;\n]\s|\n", text[end : end + 400])[0]).lower()
    if any(words in sentence for words in _CENTRAL_SUBJECTS[key]):
        return f"{key[1]}-{doc_type}/TW"
    return None


def _central_beside(text: str, num: str, doc_type: str, start: int, hits: list[DocHit]) -> str | None:
    """ "Quy định số 96-QĐ/TW … đã kế thừa … Quy định số 262": a bare number of the kind of a central code written
    in its sentence, with no issuer of its own, is the Centre's too."""
    sentence_start = start - len(re.split(r"[.;!?]\s|\n", text[max(0, start - 400) : start])[-1])
    sentence_end = start + len(re.split(r"[.;!?]\s|\n", text[start : start + 400])[0])
    beside = any(
        sentence_start <= h.start < sentence_end and not h.inferred and _code_type(h.code) == doc_type
        for h in hits
        if h.code.endswith("/TW")
    )
    return f"{num.split('/')[0]}-{doc_type}/TW" if beside else None


def _central_listed(text: str, num: str, doc_type: str, start: int) -> str | None:
    """ "các Nghị quyết Trung ương 8 (khóa XII): Nghị quyết số 36 về …; Kết luận số 37 về …": a resolution, conclusion
    or directive by bare number in the list a central plenum opens is the Centre's. (Its rules, "Quy định số 08", are
    left: the Centre has written them QĐ and QĐi.)"""
    if doc_type not in ("NQ", "KL", "CT"):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    opened = any(
        re.match(r"\)?[^.;:\n]{0,20}:[^\n]*$", text[m.end() : start]) for m in _PLENUM.finditer(text, line_start, start)
    )
    return f"{num.split('/')[0]}-{doc_type}/TW" if opened else None


def _known_central(num: str, doc_type: str, known: Sequence[str]) -> str | None:
    """The one central document (…/TW, …-CP, …-TTg) of the curated data with this number and kind, else None."""
    number = int("".join(itertools.takewhile(str.isdigit, num)))  # "8b", "97/2022": the number
    found = {
        code
        for code in known
        if _code_type(code) == doc_type and level_of_code(code) == "central" and re.match(rf"0*{number}(?=[-/])", code)
    }
    return found.pop() if len(found) == 1 else None


def _listed_before_codes(text: str, hits: list[DocHit]) -> list[DocHit]:
    """ "Quyết định 217, 218-QĐ/TW": each number listed right before a full party code, with its type and issuer."""
    out = []
    for hit in hits:
        head = re.match(r"(?:\S+\s+){0,2}?(?P<num>\d{1,4})(?=[\s\-–/])", text[hit.start : hit.end])
        if head is None or "/" in hit.code.split("-")[0]:
            continue  # state codes ("76/NQ-CP") are not listed this way
        pos = hit.start + head.start("num")
        suffix = hit.code[len(hit.code.split("-")[0]) :]  # "-QĐ/TW"
        listed = []
        while (before := _LISTED_BEFORE.search(text[max(0, pos - 12) : pos])) is not None:
            pos = max(0, pos - 12) + before.start("num")
            listed.append(DocHit(pos, pos + len(before.group("num")), before.group("num") + suffix, hit.kind, False))
        # Only a list that a kind word opens: "năm 2013, 25-NQ/TW" lists no document.
        if listed and _KIND_BEFORE.search(text[max(0, pos - 30) : pos]):
            out += listed
    return out


def _suffix_listed_after(text: str, end: int, kind: str, hits: list[DocHit]) -> str | None:
    """ "Kế hoạch số 58; Kế hoạch số 100/KH-CTĐ": a bare number listed right before a full code of its kind shares
    the code's type and issuer ("/KH-CTĐ"); not a code with a year, whose year is its own."""
    if (gap := re.match(r"\s*(?:[,;]|và|[,;]\s*và)\s*", text[end:])) is None:
        return None
    for hit in hits:
        if hit.start == end + gap.end() and (hit.kind or "").lower() == kind.lower():
            head = re.match(r"\d{1,4}[A-Za-z]?(?=[-/][^\d/])", hit.code)
            return hit.code[head.end() :] if head else None
    return None


def _from_code(text: str, m: re.Match) -> DocHit | None:
    # "217 QĐ/TW" (a space for the hyphen) is the party form 217-QĐ/TW.
    sep1 = m.group("sep1") or ("-" if m.group("sep2") == "/" else "/")
    if (m.group("space") or m.group("glued") is not None) and re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
        return None  # "Kế hoạch 2019 KH/TU" names a year, not a number
    if m.group("spaced") and sep1 != "/":
        return None  # a space for the hyphen only in the state form "04/Ctr BCA-HCCB"
    doc_type = ("CTr" if m.group("type") == "CTR" else m.group("type")) + (m.group("sub") or "")  # a title in capitals
    issuer = "".join(m.group("issuer").split())  # "MTTQ - BTT", "BCĐ 35": the spaces a code was typed with
    if _COURT.fullmatch(issuer):
        return None  # a court's decision in a case, "số 2577/2023/QĐ-PT": no policy document
    code = normalise_code(m.group("num"), m.group("year"), doc_type, issuer, sep1, m.group("sep2") or "-")
    return _written_code(text, m, code)


def _written_code(text: str, m: re.Match, code: str, at: int | None = None) -> DocHit:
    """A code written out, with the kind named before it ("Kết luận số") or before `at`, where the number stands when
    the match holds the kind, its issuer, date and title."""
    at = m.start() if at is None else at
    kind = re.search(
        _spaced(
            r"(Thông báo kết luận|Chương trình hành động|Nghị quyết|Kết luận|Quyết định|Quy định|Chỉ thị|Quy chế|"
            r"Hướng dẫn|Công văn|Kế hoạch|Thông báo)"
        )
        + r"(?:\s+số)?\s*$",
        text[max(0, at - 30) : at],
        re.IGNORECASE,
    )
    start = at - len(kind.group(0)) if kind else m.start()
    hit = DocHit(
        start, m.end(), code, " ".join(kind.group(1).split()) if kind else None, False, _issuer_after(text, m.end())
    )
    _add_date_and_title(text, hit)
    return hit


def _from_letter(text: str, m: re.Match, kind: str | None = "Công văn", code: str | None = None) -> DocHit:
    """A code matched whole: a letter's "1613/UBND-KGVX" as written (its issuer's spaces dropped), or `code`."""
    issuer = "".join(m.group("issuer").split())
    num = "".join(m.group("num").split())  # "15 / 2023"
    start = m.start()
    if kind is None and (named := _OTHER_KIND_BEFORE.search(text, max(0, start - 40), start)):
        start, kind = named.start(), named.group("kind")  # quoted with its kind: "Đề cương tuyên truyền số 45-ĐC/BTGTW"
    hit = DocHit(start, m.end(), code or f"{num}/{issuer}", kind, False)
    _add_date_and_title(text, hit)
    return hit


def _code_type(code: str) -> str | None:
    match = re.search(r"(?:^|[-/])(NQ|KL|QĐ|QC|CTr|CT|HD|CV|KH|TB|ĐA|PL|TT)(?:NS)?(?:[-/]|$)", code)  # QĐNS: QĐ
    return match.group(1) if match else None


def _issuer_after(text: str, end: int) -> str | None:
    """The issuer named after a mention within its clause: past a date and a list of other mentions, not past
    a sentence end or a semicolon, nor past a mention of another kind ("Chương trình hành động số 163 về thực hiện
    Kết luận số 43 của Ban Bí thư": the Ban Bí thư issued the Kết luận)."""
    window = re.split(r"[;]|\.\s|\n", text[end : end + 160])[0]
    if _PLENUM_AFTER.match(window):
        return "Trung ương"
    match = _ISSUER_NEXT.match(window) or _ISSUER.search(window)
    if match is None or _OTHER_KIND.search(window[: match.start()]):
        return None
    return match.group("issuer")


def _issuer_before(text: str, start: int) -> str | None:
    """ "Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17", "chương trình công tác của Tỉnh ủy, điển hình
    như Chương trình hành động số 144", "Tỉnh ủy đã quan tâm …, đồng thời ban hành Kế hoạch số 92": the issuer of a
    mention named before it, in its sentence."""
    before = text[max(0, start - 120) : start]
    match = _ISSUER_BEFORE.search(before) or _ISSUER_SUCH_AS.search(before)
    if match:
        # "Đảng ủy Văn phòng UBND tỉnh ban hành Công văn số 468": a body inside the one that issued it
        return None if _WITHIN_BODY.search(before[: match.start("issuer")]) else match.group("issuer")
    sentence = re.split(r"[.;!?]\s|\n", text[max(0, start - 800) : start])[-1]
    subject = re.match(rf"\s*(?:[^,]{{0,20}},\s*)?(?P<issuer>{_ISSUER_ALT})\b", sentence, re.IGNORECASE)
    if subject is None:
        return None
    # "… ban hành Kế hoạch số 92"; or, in brackets after the title it names, "Ban Bí thư … đã ban hành “Hướng dẫn
    # khung …” (Quyết định số 99)"
    issued = re.search(r"\bban\s+hành\s*$" if not sentence.endswith("(") else r"\bban\s+hành\b", sentence)
    return subject.group("issuer") if issued else None


def _code_from_issuer(num: str, doc_type: str, issuer: str) -> str | None:
    key, num = " ".join(issuer.lower().split()), num.upper()  # read in fold_tones' text: "uỷ" is "ủy" already
    if (doc_type == "NĐ" and "/" not in num) or (doc_type == "ĐA" and key in _STATE_SUFFIX):
        return None  # "Nghị định 37", "Đề án 06 của Chính phủ" (p91): no code by the number alone
    if key == "chính phủ" and doc_type in ("QĐ", "CT"):
        return f"{num}/{doc_type}-TTg"  # the Prime Minister signs the Government's decisions and directives
    if key in _STATE_SUFFIX:
        return f"{num}/{doc_type}-{_STATE_SUFFIX[key]}"
    if key in _PARTY_SUFFIX:  # a party code carries no year
        return f"{num.split('/')[0]}-{doc_type}/{_PARTY_SUFFIX[key]}"
    return None


# The issuer between a code and its date: "Hướng dẫn số 04/HD-MTTQ-BTT của Ban Thường trực Ủy ban MTTQ Việt Nam Quận 5
# ngày 02/3/2022" (not past a comma: "… của UBND huyện, ngày 15/3/2024, Ban Dân vận tổ chức …" dates the gathering);
# a plenum or the Central Committee without "của", and the term after it: "Nghị quyết số 26-NQ/TW Hội nghị lần thứ
# bảy của Ban Chấp hành T.Ư Đảng (khóa X) ngày 5-8-2008" (d202).
_ISSUER_WORD = r"[^\s,.;:“”\"()]+(?:\.[^\s,.;:“”\"()]+)*"  # a dot inside: "T.Ư"
_ISSUER_THEN_DATE = re.compile(
    r"^[^\S\n]*(?:của[^\S\n]+|(?=(?:Hội\s+nghị|Ban\s+Chấp\s+hành|BCH)\b))[A-ZĐƯ]"
    rf"{_ISSUER_WORD}(?:[^\S\n]+{_ISSUER_WORD}){{0,15}}?(?:[^\S\n]*\([^\S\n]*kh(?:óa|oá)[^\S\n]+[IVXL\d]+[^\S\n]*\))?"
    r"(?=[^\S\n]+\(?[^\S\n]*ngày\s*\d)"
)


def _add_date_and_title(text: str, hit: DocHit) -> None:
    after = text[hit.end : hit.end + 300]
    date, skip = _DATE_AFTER.match(after), 0
    if date is None and (issuer := _ISSUER_THEN_DATE.match(after)):
        date, skip = _DATE_AFTER.match(after[issuer.end() :]), issuer.end()
    hit.quote_end = hit.end
    if date:
        d, m, y = (int(date.group(k)) for k in ("d", "m", "y"))
        hit.date = f"{y:04d}-{m:02d}-{d:02d}"
        hit.quote_end = hit.end + skip + date.end()
    title = _TITLE_AFTER.match(text[hit.quote_end : hit.quote_end + 330])
    # A quoted title follows the code, its date and issuer; "… về xây dựng mô hình “Dân vận khéo”" quotes
    # something inside an unquoted title instead, and "…, năm 2023 toàn tỉnh có 321 mô hình, điển hình “Dân vận
    # khéo”" the sentence going on (a number before the quote).
    lead = title.group("lead") if title else ""
    if title and "\n" not in title.group(0) and not re.search(r"\bvề\b(?!\s*[“\"]\s*$)|\d", lead):
        hit.title = title.group("title").strip()


def doc_type_enum(hit: DocHit) -> DocumentType | None:
    """The data contract's type: "Quy định số 605-QĐ/HU" is a quy_dinh, not a quyet_dinh."""
    if hit.kind and hit.kind.lower() == "quy định":
        return "quy_dinh"
    if hit.kind == "Công văn":  # a state body's letter: its code names no type ("1613/UBND-KGVX")
        return "cong_van"
    return _TYPE_ENUM.get(_code_type(hit.code) or "")


def level_of_code(code: str) -> BodyLevel:
    """central for TW and the central boards and bodies named with it (BTGTW, QUTW, TWĐTN), CP, TTg, QH; province for
    …TU (Tỉnh ủy and its boards); district for …HU, TXU, QU."""
    issuer = re.split(r"[-/]", code)[-1]
    if issuer in ("CP", "TTg") or issuer.startswith(("QH", "UBTVQH", "TW", "TƯ")) or issuer.endswith(("TW", "TƯ")):
        return "central"
    if issuer.endswith(("HU", "QU", "TXU", "ThU")):
        return "district"
    return "province"
