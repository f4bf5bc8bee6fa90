"""English for the validator's messages, so that problems reach the English interface in English.

The loader writes each message once, in Vietnamese (most are built inside Polars expressions, row by row); this
table turns a finished message into English by its shape. A message without a pattern stays Vietnamese rather than
being guessed at. Values quoted inside a message ('…', “…”) are kept as they are."""

from __future__ import annotations

import re

from .text import SAVE_AS_UTF8

_Q = r"'(.*?)'"  # a quoted value, kept verbatim

_PATTERNS: list[tuple[str, str]] = [
    (r"thiếu trường bắt buộc", "required field missing"),
    (r"thiếu tệp", "file missing"),
    (r"không tìm thấy thư mục dữ liệu", "data folder not found"),
    (
        r"chỉ dữ liệu sinh tự động \(generated: true\) mới được bỏ kiểm tra trích dẫn",
        "only generated data (generated: true) may skip the quote check",
    ),
    (rf"cấp {_Q} không hợp lệ", r"level '\1' is not valid"),
    (
        r"là liên kết tượng trưng dẫn ra ngoài thư mục dữ liệu; hãy chép tệp thật vào đây",
        "is a symbolic link leading out of the data folder; copy the real file here",
    ),
    (r"tệp quá lớn \(([\d.]+) byte, tối đa ([\d.]+)\)", r"file too large (\1 bytes, at most \2)"),
    (r"YAML sai cú pháp: dòng (\d+), cột (\d+): (.*)", r"YAML syntax error: line \1, column \2: \3"),
    (r"YAML sai cú pháp: (.*)", r"YAML syntax error: \1"),
    (r"YAML không đọc được: (.*)", r"YAML could not be read: \1"),
    (r"lồng quá sâu \(quá (\d+) cấp\) ở dòng (\d+)", r"nested too deep (more than \1 levels) at line \2"),
    (
        r"bí danh YAML \(\*alias\) nở ra quá lớn.*",
        "YAML aliases (*alias) expand far too much (possibly a hostile file); write the values out instead",
    ),
    (r"tệp trống: cần ít nhất title và generated", "empty file: needs at least title and generated"),
    (r"phải là một bảng khóa: giá trị", "must be a mapping of key: value"),
    (rf"{_Q} phải là true hoặc false", r"'\1' must be true or false"),
    (r"phải là một đoạn văn bản", "must be a text"),
    (r"CSV sai định dạng: (.*)", r"malformed CSV: \1"),
    (r"thiếu cột (\[.*?\]), cột lạ (\[.*?\])", r"missing columns \1, unknown columns \2"),
    (r"phải là một danh sách các bản ghi .*", "must be a list of records (each a mapping of key: value)"),
    (
        r"khóa không có trong quy ước dữ liệu \(docs/data-contract.md\)",
        "key not in the data contract (docs/data-contract.md)",
    ),
    (r"phải là danh sách các mục \{kind, text, quote\}", "must be a list of {kind, text, quote} items"),
    (
        r"mã nguồn (.*) không hợp lệ: chỉ gồm .*",
        r"source id \1 is not valid: ASCII letters, digits, _ and - only, "
        "starting with a letter or digit, at most 64 characters",
    ),
    (r"thiếu văn bản lưu trữ (\S+)", r"stored text \1 missing"),
    (r"(\S+) quá lớn \(tối đa ([\d.]+) byte\)", r"\1 too large (at most \2 bytes)"),
    (r"(\S+): không phải tệp văn bản \(có byte NUL.*\)", r"\1: not a text file (it has a NUL byte; possibly binary)"),
    (r"không phải tệp văn bản \(có byte NUL.*\)", "not a text file (it has a NUL byte; possibly binary)"),
    *(
        (
            r"(?:(\S+): )?không đọc được dạng UTF-8 ở dòng (\d+) \(byte (\d+)\); có thể là bảng mã Windows-1258 "
            r"cũ \(dòng này đọc theo bảng mã đó: (“.*”)\) — hãy lưu lại dưới dạng UTF-8: "
            + re.escape(SAVE_AS_UTF8[program]),
            r"\1 not readable as UTF-8 on line \2 (byte \3); probably the old Windows-1258 encoding (that line read "
            r"in it: \4) — save it again as UTF-8: " + how,
        )
        for program, how in (
            ("excel", "in Excel, File › Save As, type “CSV UTF-8 (Comma delimited)”"),
            ("notepad", "in Notepad, File › Save As, Encoding “UTF-8”"),
        )
    ),
    (
        r"(?:(\S+): )?không đọc được dạng UTF-8 ở dòng (\d+) \(byte (\d+)\)",
        r"\1 not readable as UTF-8 on line \2 (byte \3)",
    ),
    (r"phải là một giá trị đơn, không phải danh sách hay bảng", "must be a single value, not a list or mapping"),
    (r"trống \(chỉ có khoảng trắng\)", "empty (only whitespace)"),
    (rf"ngày không hợp lệ {_Q} \(cần (.*?), ngày có thật\)", r"invalid date '\1' (needs \2, a real day)"),
    (rf"ngày {_Q} nằm ngoài khoảng (\d+)–(\d+)", r"date '\1' outside \2–\3"),
    (
        rf"{_Q} không phải là số: .*",
        r"'\1' is not a number: a value must be a plain number (1973, 81.77); a bound "
        "such as “under 5” goes in breakdown or period_note",
    ),
    (rf"{_Q} không phải là số hữu hạn .*", r"'\1' is not a finite number (NaN, infinity or too large)"),
    (rf"mã tỉnh {_Q} phải gồm 2 chữ số .*", r"province code '\1' must be 2 digits (GSO code, e.g. \"01\")"),
    (rf"giá trị {_Q} không hợp lệ; cho phép: (.*)", r"value '\1' is not valid; allowed: \2"),
    (r"JSON sai cú pháp: (.*)", r"JSON syntax error: \1"),
    (
        r"phải là một GeoJSON FeatureCollection có danh sách features",
        "must be a GeoJSON FeatureCollection with a list of features",
    ),
    (
        r"phải là một Feature có geometry \(coordinates\) và properties",
        "must be a Feature with geometry (coordinates) and properties",
    ),
    (
        rf"không có tỉnh mã {_Q} trong danh mục (\d+) tỉnh \(units.csv\)",
        r"no province coded '\1' among the \2 "
        "provinces (units.csv)",
    ),
    (rf"mã tỉnh {_Q} có hai ranh giới", r"province code '\1' has two boundaries"),
    (r"thiếu tên tỉnh", "province name missing"),
    (rf"tỉnh mã {_Q} không có ranh giới", r"province '\1' has no boundary"),
    (r"mã trùng với một bản ghi khác", "id used by another record too"),
    (
        rf"không có tỉnh mã {_Q} trong danh mục (\d+) tỉnh \(theo ngày (.*?)\)",
        r"no province coded '\1' among the \2 provinces (by the date \3)",
    ),
    (rf"không có địa danh {_Q} thuộc tỉnh mã {_Q} trong places.csv", r"no place '\1' in province '\2' in places.csv"),
    (rf"không có tỉnh mã {_Q}", r"no province coded '\1'"),
    (rf"không có nguồn {_Q}", r"no source '\1'"),
    (rf"không có văn bản {_Q}", r"no document '\1'"),
    (rf"không có chỉ tiêu {_Q}", r"no indicator '\1'"),
    (rf"địa chỉ {_Q} phải là một liên kết http:// hoặc https://", r"address '\1' must be an http:// or https:// link"),
    (rf"số hiệu {_Q} chưa chuẩn hóa .*", r"document number '\1' is not normalised (like 25-NQ/TW, 33/2021/CT-TTg)"),
    (r"có trích dẫn nhưng không ghi nguồn", "has a quote but no source"),
    (r"ngày kết thúc trước ngày bắt đầu", "end date before start date"),
    (
        r"ngày không chính xác đến ngày thì phải ghi rõ cách suy ra \(date_note\)",
        "a date not precise to the day must say how it was inferred (date_note)",
    ),
    (r"chỉ sự kiện cấp Trung ương mới được để trống tỉnh", "only central-level events may leave the province empty"),
    (rf"kỳ {_Q} không hợp lệ \((.*)\)", r"period '\1' is not valid (\2)"),
    (r"kỳ kết thúc trước khi bắt đầu", "period ends before it starts"),
    (rf"kỳ {_Q} nằm ngoài khoảng (\d+)–(\d+)", r"period '\1' outside \2–\3"),
    (r"tỷ lệ (\S+)% nằm ngoài khoảng 0–100", r"rate \1% outside 0–100"),
    (r"giá trị âm", "negative value"),
    (r"tử số âm", "negative numerator"),
    (r"tử số (\S+) lớn hơn mẫu số (\S+)", r"numerator \1 greater than denominator \2"),
    (r"mẫu số phải lớn hơn 0", "denominator must be greater than 0"),
    (r"tử số và mẫu số phải đi cùng nhau", "numerator and denominator go together"),
    (
        r"tỷ lệ ghi trong nguồn (\S+)% khác tỷ lệ tính từ (\S+)/(\S+) = (\S+)%",
        r"rate stated in the source \1% differs from the rate computed from \2/\3 = \4%",
    ),
    (r"trích dẫn không có nguyên văn trong (\S+): (.*)", r"quote not found verbatim in \1: \2"),
    (r"ngày không có thật: (.*)", r"date does not exist: \1"),
    (r"thứ trong tuần không khớp với ngày: (.*)", r"weekday does not match the date: \1"),
    (
        r"lỗi khi nạp dữ liệu \((.*?)\); đang dùng .*",
        r"the data could not be loaded (\1); serving the last valid "
        "version — run `python -m danvan validate` and report this error",
    ),
    (r"cần ghi người lưu .*", "the author of the save is required (the curator's account)"),
    (r"cần ghi lý do lưu .*", "a note saying why is required"),
    (r"đã có văn bản lưu trữ với mã này", "a stored text with this id already exists"),
    (r"không có bản ghi nào để lưu", "nothing to save"),
    (
        r"một lần lưu khác đang giữ khóa dữ liệu quá ([\d.]+) giây: tiến trình (\S+) trên máy (\S+), từ (.*?); .*",
        r"another save has held the data lock for over \1 s: process \2 on host \3, since \4; try again later, or "
        "stop that process if it hangs",
    ),
    (
        r"một lần lưu khác đang giữ khóa dữ liệu quá ([\d.]+) giây; .*",
        r"another save has held the data lock for over \1 s; try again later",
    ),
    (
        r"có người đọc dữ liệu giữ khóa quá ([\d.]+) giây; .*",
        r"a reader has held the data lock for over \1 s; "
        "try again later",
    ),
    (r"số (.*) không có trong trích dẫn của mục", r"the figures \1 are not in the item's quote"),
    (r"văn bản (.*) không có trong trích dẫn của mục", r"the documents \1 are not in the item's quote"),
    (
        rf"{_Q} là (.*) của (.*) \(trước 1/7/2025\), không thuộc (.*) của bản ghi",
        r"'\1' is \2 of \3 (before 1/7/2025), not of the record's \4",
    ),
    (
        rf"{_Q} là (.*) của (.*) \(từ 1/7/2025\), không thuộc (.*) của bản ghi",
        r"'\1' is \2 of \3 (from 1/7/2025), not of the record's \4",
    ),
]
_COMPILED = [(re.compile(f"^{pattern}$", re.DOTALL), english) for pattern, english in _PATTERNS]

_PLACES = [
    (re.compile(r"^bản ghi số (\d+)"), r"record \1"),
    (re.compile(r"^dòng tiêu đề$"), "header line"),
    (re.compile(r"^dòng (\d+)$"), r"line \1"),
    (re.compile(r"^ngày viết trong bài$"), "date in the article"),
]


def english(message: str) -> str:
    """The message in English when its shape is known, else the message itself."""
    for pattern, replacement in _COMPILED:
        found = pattern.match(message)
        if found:
            return found.expand(replacement).strip()
    return message


def english_place(part: str) -> str:
    """A record or field label ("bản ghi số 3", "dòng 12") in English."""
    for pattern, replacement in _PLACES:
        part = pattern.sub(replacement, part)
    return part
