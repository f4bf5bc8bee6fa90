"""Tables become observations: one row per place (province, district or commune, found through the Registry and
the gazetteer), one column per indicator (proposed from the header text), the period from the table's title or
sheet name. Every value keeps its cell: (stored file, sheet or table, A1 reference) and the header text, which
the validator checks against the stored file the way it checks a quote against a stored text.

    >>> doc = read_document("bao-cao-2023.xlsx")
    >>> draft = extract_document(doc, registry, indicators=load_indicators("data"))
    >>> draft.observations[0].cell, draft.observations[0].cell_header   # "bao-cao-2023.xlsx#Năm 2023!C5", "…"
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..gazetteer import Resolution
from ..model import OLD_SCHEME, Unit
from ..registry import OLD_DAY, Registry
from ..text import clipped, name_key, slug
from .drafts import KEEP_CONFIDENCE, NEW_INDICATOR, Draft, ObservationDraft, SourceDraft
from .extract import extract, outlet_of
from .numbers import clean
from .readers import Cell, Document, Table, cell_number, cell_words, is_number_cell
from .text import prepare

# Rows that total the table: the province itself when the outlet's province is known.
_TOTAL = re.compile(r"^(?:tổng(?:\s+cộng|\s+số)?|cộng|toàn\s+tỉnh|toàn\s+thành\s+phố|toàn\s+huyện)\b", re.I)
_LOWER_TYPE = re.compile(r"^(?:thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s", re.I)
_LIST_MARK = re.compile(r"^(?:[-–+•*]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[IVXLC]{1,5})[.)/:])\s*(?=\w)")
_OUTLETS = "Tỉnh đã chọn cho nơi gửi báo cáo (bảng không ghi nơi của số liệu)."  # a table of indicator rows
_UNIT_HEADER = re.compile(r"^(?:đvt|đơn\s+vị\s+tính)$", re.I)  # a table of indicator rows: each one's unit ("%")
_ORDINAL_HEADER = re.compile(r"^(?:stt|tt|số\s+tt|số\s+thứ\s+tự)$", re.I)
_YEARS = re.compile(r"(?:giai\s+đoạn\s+)?(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)\d{2})|(?P<y>(?:19|20)\d{2})")
# A table's value repeating one of the text's is drafted unticked (drafts.preselected).
REPEAT_CONFIDENCE = KEEP_CONFIDENCE - 0.1
_FILLER = {"số", "các", "của", "và", "được", "có", "đã", "trong", "theo", "tỷ", "tỉ", "lệ", "mô", "hình"}


def cell_ref(table: Table, cell: Cell) -> str:
    """ "bao-cao.xlsx#Năm 2023!C5": the provenance written into observations.yaml (`cell`)."""
    return f"{table.file}#{table.name}!{cell.ref}"


def extract_document(
    doc: Document,
    registry: Registry | None,
    *,
    published: str | None = None,
    province: str | None = None,
    indicators: list[dict[str, Any]] | None = None,
    url: str | None = None,
) -> Draft:
    """The draft of any document: the text extractor over its paragraphs, and one observation per numeric cell
    of each of its tables. `province` or the page's `url` name the outlet's province (see extract)."""
    indicators = indicators or []
    if doc.text.strip():
        draft = extract(
            prepare(doc.text, doc.name),
            registry,
            published=published,
            province=province,
            indicators=indicators,
            url=url,
        )
    else:
        title = next((t.title for t in doc.tables if t.title), None)
        draft = Draft(SourceDraft(doc.name, title, published, None, None, None, None, 1.0 if published else 0.0))
    draft.source.notes = [*doc.notes, *draft.source.notes]
    outlet = outlet_of(province, url, doc.text, registry)[0]
    said = list(draft.observations)
    for table in doc.tables:
        # a district's report: its tables naming no place are the district's (the text's province being the outlet's)
        district = draft.source.district if draft.source.province == outlet else None
        observations, notes = table_observations(table, registry, indicators, outlet, draft.source.title, district)
        for o in observations:
            if (sentence := _said_before(o, said)) is not None:
                notes.append(_one_fact(sentence, o))
        draft.observations.extend(observations)
        draft.source.notes.extend(notes)
    if draft.source.notes and not draft.is_empty():
        draft.source.notes = [n for n in draft.source.notes if "Không tìm thấy sự kiện" not in n]
    if draft.source.province is None and (rows := Counter(o.province for o in draft.observations if o.province)):
        # a workbook's province: the outlet's, else the one its rows name (a saved sheet had none; a walk-through)
        code, count = rows.most_common(1)[0]
        if outlet in rows or count * 2 > sum(rows.values()):
            draft.source.province = outlet if outlet in rows else code
            draft.source.province_note = (
                "Tỉnh theo tỉnh đã chọn cho nơi gửi báo cáo."
                if outlet in rows
                else f"Tỉnh theo các hàng của bảng: {count}/{sum(rows.values())} số liệu thuộc tỉnh này."
            )
    return draft


def _said_before(value: ObservationDraft, said: list[ObservationDraft]) -> ObservationDraft | None:
    """The text's value a table's value repeats: the same indicator, province, period and figure, at the table row's
    place or a sentence naming no place below the province ("Có 202 mô hình … trong năm 2023": the city's row)."""
    fact = (value.indicator, value.province, value.period, value.value)
    return next(
        (
            s
            for s in said
            if (s.indicator, s.province, s.period, s.value) == fact
            and s.district in (None, value.district)
            and s.commune in (None, value.commune)
        ),
        None,
    )


def _one_fact(sentence: ObservationDraft, value: ObservationDraft) -> str:
    """A figure both a sentence and a table cell give is one fact, kept by its sentence: the cell's value is drafted
    unticked (a walk-through: both ticked, the save refused the second), and a sentence naming no district or
    commune takes the row's. The note for the curator says so."""
    value.confidence = min(value.confidence, REPEAT_CONFIDENCE)
    where = cell_words(str(value.cell))
    if (sentence.district, sentence.commune) != (value.district, value.commune):
        sentence.district, sentence.commune = value.district, value.commune
        sentence.province_note = " ".join(
            filter(None, [sentence.province_note, f"Nơi theo hàng của {where}, cùng số liệu."])
        )
    quote = clipped(sentence.quote, 120).rstrip(".")
    return f"{where}: cùng số liệu với câu “{quote}” nên không chọn sẵn; chỉ nhận một trong hai."


def table_period(table: Table, document_title: str | None = None) -> tuple[str | None, str | None]:
    """The period a table's title or sheet name states ("Năm 2023", "Giai đoạn 2021 - 2023"), else the one the
    document's title states, else its file's name ("bc-2023.csv": offices name a year's report so), with its note."""
    for where, text in (
        ("tiêu đề", table.title or ""),
        ("tên trang", table.name),
        ("tiêu đề văn bản chứa", document_title or ""),
        ("tên tệp chứa", Path(table.file).stem),
    ):
        if found := _period_in(text, f"{where} bảng"):
            return found
    return None, None


def _period_in(text: str, where: str) -> tuple[str, str] | None:
    """The period a text states ("năm 2023", "2021 - 2023"), with its note naming `where` it was read."""
    m = _YEARS.search(text)
    if m is None:
        return None
    period = f"{m.group('y1')}-{m.group('y2')}" if m.group("y1") else m.group("y")
    return period, f"kỳ lấy theo {where}: “{clipped(text, 80)}”"


def table_observations(
    table: Table,
    registry: Registry | None,
    indicators: list[dict[str, Any]],
    province: str | None = None,
    document_title: str | None = None,
    district: str | None = None,
) -> tuple[list[ObservationDraft], list[str]]:
    """One draft per numeric cell under an indicator column, in a row whose label names a place (or, in a table
    whose rows name no place, under a row naming an indicator: _indicator_rows, at `district` of `province` when the
    table names no place); notes for rows whose place is unknown or ambiguous, and for a table whose period nothing
    names."""
    label_col, parent_col = _place_columns(table, registry)
    whole = table_period(table, document_title)
    notes: list[str] = []
    drafts: list[ObservationDraft] = []
    # each row's place name; a row naming its province alone (its subtotal under its districts) is the province's
    labels = [
        next((c for c in row if c.column == label_col), None) or next((c for c in row if c.column == parent_col), None)
        for row in table.rows
    ]
    within = _rows_within(table, parent_col, registry)
    # each label resolved anywhere once: for the province most rows name, and for the row's own place
    anywhere = (
        {text: registry.resolve_place(text) for text in {_name(label) for label in labels if label}}
        if registry is not None
        else {}
    )
    usual = _rows_province(anywhere)
    places = [
        _row_place(_name(label), registry, row_province or province, usual, anywhere.get(_name(label)))
        if label is not None and not _TOTAL.match(_name(label))
        else None
        for label, row_province in zip(labels, within, strict=True)
    ]
    if (
        registry is not None
        and labels
        and not any(places)
        and _columns_of_periods_or_places(table, label_col, registry)
    ):
        return _indicator_rows(table, label_col, labels, registry, indicators, (province, district), whole)
    total = _total_place([p for p in places if p is not None], province)
    for row, label, place in zip(table.rows, labels, places, strict=True):
        if label is None:
            continue
        if _TOTAL.match(_name(label)) and (place := total) is None and places.count(None) < len(places):
            notes.append(
                f"{table.file} › {table.name} › hàng {label.row}: “{label.text}” là tổng của nhiều tỉnh: không trích "
                "số liệu của hàng này."
            )
            continue
        if place is None:
            notes.append(f"{table.file} › {table.name} › hàng {label.row}: không nhận ra địa danh “{label.text}”.")
            continue
        if place[3]:
            notes.append(f"{table.file} › {table.name} › hàng {label.row}: {place[3]}")
        where = (
            f"Hàng {label.row} “{label.text}” là hàng tổng của bảng: tỉnh theo các hàng khác, hoặc tỉnh đã chọn."
            if _TOTAL.match(_name(label))
            else f"Tỉnh theo tên ở hàng {label.row}: “{label.text}”."
        )
        for cell in row:
            header = table.headers.get(cell.column, "")
            if cell.column != label_col and not _ORDINAL_HEADER.match(header):
                drafts += _drafted(table, cell, header, header, place, where, whole, indicators, notes)
    return drafts, notes + _no_period(table, drafts)


def _no_period(table: Table, drafts: list[ObservationDraft]) -> list[str]:
    """The note on a table whose values have no period, said before the save refuses every one of them."""
    if all(d.period for d in drafts):
        return []
    return [
        f"{table.file} › {table.name}: tiêu đề, tên trang của bảng, tiêu đề và tên tệp văn bản không ghi năm hay "
        "kỳ của số liệu: người nhập cần ghi Kỳ cho từng số liệu (Sửa) trước khi lưu."
    ]


Place = tuple[str | None, str | None, str | None, str | None]  # province code, district, commune, a note


def _columns_of_periods_or_places(table: Table, label_col: int, registry: Registry) -> bool:
    """Whether every column of figures is headed by a period ("Năm 2023") or a place ("Huyện Chợ Đồn"): a table of
    indicator rows (of unknown places, its headers name indicators)."""
    headers = [
        header
        for column, header in table.headers.items()
        if column != label_col
        and not _ORDINAL_HEADER.match(header)
        and not _UNIT_HEADER.match(header.strip())
        and any(c.column == column and is_number_cell(c.text) for row in table.rows for c in row)
    ]
    return bool(headers) and all(
        _PERIOD_HEADER.match(h.strip())
        or registry.resolve_place(h).status == "found"
        or registry.province(h, scheme=OLD_SCHEME)
        for h in headers
    )


# a header that is a period, two words at most beside it: "Năm 2023", "Thực hiện năm 2023", "Kế hoạch 2024"
_PERIOD_HEADER = re.compile(rf"^(?:\w+\s+){{0,2}}(?:năm\s+|giai\s+đoạn\s+)?(?:{_YEARS.pattern})$", re.I)


def _indicator_rows(
    table: Table,
    label_col: int,
    labels: list[Cell | None],
    registry: Registry,
    indicators: list[dict[str, Any]],
    around: tuple[str | None, str | None],
    whole: tuple[str | None, str | None],
) -> tuple[list[ObservationDraft], list[str]]:
    """A table whose rows name indicators, not places, as reports set their figures ("TT | Chỉ tiêu | ĐVT | Năm 2022
    | Năm 2023"): a row's label is its values' indicator (its unit cell's "%" a rate), a column's header their place
    ("Huyện Chợ Đồn") or their period ("Năm 2023"); with no place in the table, the place `around` it (the outlet's
    province, and the district the text is about: a district's report), said so and left unticked
    (drafts.preselected) for the curator to confirm."""
    province, district = around
    drafts: list[ObservationDraft] = []
    notes: list[str] = []
    unplaced = False  # a value the table names no place for
    units = [column for column, header in table.headers.items() if _UNIT_HEADER.match(header.strip())]
    for column, header in sorted(table.headers.items()):
        if column == label_col or column in units or _ORDINAL_HEADER.match(header):
            continue
        named = _row_place(header, registry, province) if header and not _YEARS.search(header) else None
        place: Place = named or (province, district if province else None, None, None)
        where = (
            f"Nơi theo tiêu đề cột: “{header}”."
            if named
            else f"{_OUTLETS} Huyện: nơi văn bản nói tới, {district}."
            if district
            else _OUTLETS
        )
        for row, label in zip(table.rows, labels, strict=True):
            cell = next((c for c in row if c.column == column), None)
            if label is None or cell is None or _TOTAL.match(_name(label)):
                continue
            unit = next((c.text for c in row if c.column in units), "")
            what = f"{label.text} (%)" if "%" in unit else label.text
            found = _drafted(table, cell, what, header, place, where, whole, indicators, notes)
            for value in found if not named else ():  # the outlet's province may be a district's report's: checked
                value.confidence = round(max(0.1, value.confidence - 0.2), 2)
                unplaced = True
            drafts += found
    if unplaced:
        notes.append(
            f"{table.file} › {table.name}: bảng không ghi nơi của số liệu; "
            + (
                f"các số liệu được gán cho {district} (nơi văn bản nói tới) của tỉnh đã chọn cho nơi gửi báo cáo và "
                "chưa chọn sẵn — kiểm tra nơi trước khi nhận."
                if province and district
                else "các số liệu được gán cho tỉnh đã chọn cho nơi gửi báo cáo và chưa chọn sẵn — số liệu của một "
                "huyện, xã thì Sửa nơi trước khi nhận."
                if province
                else "chọn tỉnh nơi gửi báo cáo rồi trích lại, hoặc Sửa nơi của từng số liệu trước khi nhận."
            )
        )
    return drafts, notes + _no_period(table, drafts)


def _drafted(
    table: Table,
    cell: Cell,
    what: str,
    header: str,
    place: Place,
    where: str | None,
    whole: tuple[str | None, str | None],
    indicators: list[dict[str, Any]],
    notes: list[str],
) -> list[ObservationDraft]:
    """The value of a numeric cell, or none: `what` names its indicator (its column's header, or its row's label in a
    table of indicator rows), `header` is its column's, `place` and `where` (the province note) say where it was;
    its period is its column's year before the table's (`whole`). A scan's figure read two ways is noted."""
    value = cell_number(cell.text) if is_number_cell(cell.text) else None
    if value is None or not math.isfinite(value):
        return []
    # a column's own year ("Năm 2022 | Năm 2023", "… được công nhận năm 2023") before the table's
    period, period_note = _period_in(header, "tiêu đề cột") or whole
    unit: Unit = "percent" if "%" in cell.text or "%" in what or "tỷ lệ" in what.lower() else "count"
    indicator = _indicator(what, unit, indicators)
    code, district, commune, _ = place
    confidence = (
        0.85
        - (0.2 if indicator.startswith(NEW_INDICATOR) else 0)
        - (0.15 if code is None else 0)
        - (0.1 if period is None else 0)
        - (0.3 if cell.ref in table.doubts else 0)
    )
    if cell.ref in table.doubts:  # a scan's figure read two ways: the curator looks at the picture
        notes.append(
            f"{cell_words(cell_ref(table, cell))}: nhận dạng không chắc — đọc “{cell.text}”, đọc lần "
            f"hai “{table.doubts[cell.ref]}”; đối chiếu với ảnh trước khi nhận."
        )
    return [
        ObservationDraft(
            # the file's name in the id: two offices' workbooks both have a sheet "Năm 2023" with a C4
            id=f"o-{_slug(Path(table.file).stem)}-{_slug(table.name)}-{cell.ref.lower()}",
            indicator=indicator,
            province=code,
            province_note=where if code else None,
            district=district,
            commune=commune,
            period=period,
            period_note=period_note,
            value=clean(value),
            numerator=None,
            denominator=None,
            unit=unit,
            qualifier=None,
            subject=what or None,
            status="reported",
            breakdown=None,
            quote="",
            confidence=round(max(0.1, confidence), 2),
            cell=cell_ref(table, cell),
            cell_header=header or None,
        )
    ]


def _place_columns(table: Table, registry: Registry | None) -> tuple[int, int | None]:
    """The column of a table's place names, and the column left of it naming the province of each row, if any (a
    “Tỉnh” column beside a “Huyện” one: the row is the district, in that province; the province's alone, the
    values were drafted for the province). The place column is the one with the most non-numeric cells (STT columns
    are numbers); a province column's finer neighbour, naming places in half its rows or more, is taken over it."""
    counts: Counter[int] = Counter(c.column for row in table.rows for c in row if not is_number_cell(c.text))
    label = counts.most_common(1)[0][0] if counts else 1
    if registry is None:
        return label, None

    def texts(column: int) -> list[str]:
        cells = (c.text.strip() for row in table.rows for c in row if c.column == column)
        return [text for text in cells if text and not _TOTAL.match(text)]

    def share(column: int, names: Callable[[str], bool]) -> float:
        found = texts(column)
        return sum(map(names, found)) / len(found) if found else 0.0

    def province(text: str) -> bool:
        return registry.province(text, scheme=OLD_SCHEME) is not None

    def place(text: str) -> bool:
        return registry.resolve_place(text).status != "unknown"

    if share(label, province) >= 0.8:
        finer = (c for c in sorted(counts) if c > label and counts[c] >= 0.5 * counts[label])
        return next(((c, label) for c in finer if share(c, province) < 0.8 and share(c, place) >= 0.5), (label, None))
    return label, next((c for c in sorted(counts) if c < label and share(c, province) >= 0.8), None)


def _rows_within(table: Table, column: int | None, registry: Registry | None) -> list[str | None]:
    """The province each row is in by its cell in `column` (a “Tỉnh” column), the last one named going on down the
    rows below it left blank (a sheet writes a province once over its districts)."""
    out: list[str | None] = []
    last = None
    for row in table.rows:
        text = next((c.text for c in row if c.column == column), "")
        if text.strip() and registry is not None:
            unit = registry.province(text, scheme=OLD_SCHEME)
            last = unit.code if unit else None
        out.append(last)
    return out


def _name(label: Cell) -> str:
    """A row's label as a name: its list mark left out ("1. Xã Ngọc Phái", "- Xã Quảng Bạch", "a) Xã Nam Cường")."""
    return _LIST_MARK.sub("", label.text.strip())


def _rows_province(anywhere: dict[str, Resolution]) -> str | None:
    """The province most of a table's rows name without doubt (`anywhere`: each row label resolved in no province),
    when the outlet's is not known: it decides a row a name of several provinces' units ("Huyện Bảo Lâm": Cao
    Bằng's or Lâm Đồng's, among nine Cao Bằng districts)."""
    found = Counter(
        res.match.province_code
        for text, res in anywhere.items()
        if not _TOTAL.match(text) and res.status == "found" and res.match is not None
    )
    if not found:
        return None
    code, count = found.most_common(1)[0]
    return code if count >= 2 and count * 2 > sum(found.values()) else None


def _row_place(
    label: str,
    registry: Registry | None,
    province: str | None,
    usual: str | None = None,
    anywhere: Resolution | None = None,
) -> tuple[str | None, str | None, str | None, str | None] | None:
    """(province code, district, commune, a note) for a row label, or None when it names no place. `province`: the
    outlet's, which the place must be in (one found elsewhere is kept, with a note for the curator); `usual`: the
    province of the table's other rows, which decides a name several provinces share; `anywhere`: the label already
    resolved in no province."""
    text = label.strip()
    if registry is None:
        return None
    anywhere = anywhere or registry.resolve_place(text)
    res = anywhere if province is None else registry.resolve_place(text, province)
    typed = _LOWER_TYPE.match(text) is not None
    if typed and res.status != "found" and anywhere.status == "found":
        res = anywhere  # "Thành phố Yên Bái" under --province "Lào Cai": the city, not the province (noted below)
    unit = registry.province(text, scheme=OLD_SCHEME)
    if unit is not None and not (typed and res.status == "found"):  # "Thành phố Bắc Kạn" is the city, not the province
        return unit.code, None, None, None
    note = None
    if (
        res.status == "unknown"
        and province
        and (elsewhere := _narrowed(registry, text, anywhere, usual)).status == "found"
    ):
        res = elsewhere  # "Huyện Hòa An" under --province "Hà Nội": Cao Bằng's, kept for the curator to check
        note = _elsewhere(registry, text, elsewhere.match.province_code if elsewhere.match else None, province)
    elif res.status == "ambiguous" and (narrowed := _narrowed(registry, text, anywhere, usual)).status == "found":
        note = (
            f"“{text}” trùng tên ở {len(res.candidates)} nơi: chọn {registry.name(OLD_SCHEME, usual)}, tỉnh của các "
            "hàng khác."
        )
        res = narrowed
    if note is None and province and res.status == "found" and res.match and res.match.province_code != province:
        # the resolver only prefers the chosen province: "Huyện Sa Pa" under --province "Yên Bái" is Lào Cai's
        note = _elsewhere(registry, text, res.match.province_code, province)
    if res.status == "found" and res.match is not None:
        place, gaz = res.match.place, registry.gazetteer
        if place.level == "district":  # a former name as written: "Huyện Lộc Hà" in 2023, before it joined Thạch Hà
            return place.province_code, res.match.former or gaz.record_name(place, OLD_DAY), None, note
        district = gaz.place(OLD_SCHEME, "district", place.district_code or "")
        context = (district.label,) if district else ()
        name = res.match.former or gaz.record_name(place, OLD_DAY, context)
        return place.province_code, gaz.record_name(district, OLD_DAY) if district else None, name, note
    if res.status == "ambiguous":
        options = "; ".join(
            f"{m.place.label} ({registry.name(OLD_SCHEME, m.province_code)})" for m in res.candidates[:5]
        )
        return None, None, None, f"“{text}” có thể là {len(res.candidates)} đơn vị: {options} — chưa chọn."
    return None


def _total_place(
    placed: list[tuple[str | None, str | None, str | None, str | None]], province: str | None
) -> tuple[str | None, str | None, str | None, str | None] | None:
    """The place a table's total row ("Tổng cộng", "Cộng", "Toàn tỉnh") counts, from the places of its other rows:
    the district when they are all its communes (a district's report: its total is the district's, not the
    province's), else their one province; none when they are in several provinces (a national table), and the
    outlet's province when no row names a place."""
    codes = {code for code, _, _, _ in placed if code}
    if len(codes) > 1:
        return None
    code = next(iter(codes), province)
    districts = {district for _, district, _, _ in placed}
    if code and len(districts) == 1 and None not in districts and all(commune for _, _, commune, _ in placed):
        district = districts.pop()
        return code, district, None, f"hàng tổng tính cho {district}: mọi hàng khác là xã, phường của đơn vị này."
    return (code, None, None, None) if code else None


def _elsewhere(registry: Registry, text: str, found: str | None, chosen: str) -> str:
    """The note on a row label found in another province than the one chosen."""
    return (
        f"“{text}” thuộc {registry.name(OLD_SCHEME, found)}, không thuộc {registry.name(OLD_SCHEME, chosen)} (tỉnh đã "
        "chọn): người nhập kiểm tra tỉnh."
    )


def _narrowed(registry: Registry, text: str, anywhere: Resolution, usual: str | None) -> Resolution:
    """The place anywhere (`anywhere`: `text` resolved in no province), a name several provinces share taken in the
    province of the table's other rows."""
    if anywhere.status == "ambiguous" and usual:
        return registry.resolve_place(text, usual)
    return anywhere


_HEADER_YEAR = re.compile(
    r"(?:\b(?:năm|giai\s+đoạn)\s+)?(?<!\d)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?!\d)", re.I
)


def _indicator(header: str, unit: Unit, indicators: list[dict[str, Any]]) -> str:
    """The known indicator of the header's unit named exactly as the header, else the one whose name shares the
    most weight of words with it (rare words weigh more; words of either side count); else new:<header>. The
    header's year is its values' period, not its indicator's name ("Mô hình “Dân vận khéo” năm 2023 / Số mô hình
    đăng ký")."""
    key = name_key(_HEADER_YEAR.sub(" ", header))
    same_unit = [i for i in indicators if i.get("unit") == unit]
    exact = next((str(i["id"]) for i in same_unit if name_key(str(i.get("name_vi", ""))) == key), None)
    if exact:
        return exact
    # the first words of one name: "Suất quà hỗ trợ" is "Suất quà hỗ trợ đoàn viên, hội viên, đối tượng khó khăn"
    opening = [str(i["id"]) for i in same_unit if name_key(str(i.get("name_vi", ""))).startswith(key + " ")]
    if len(key.split()) >= 2 and len(opening) == 1:
        return opening[0]
    words = set(re.findall(r"\w+", key)) - _FILLER  # not the "/" between a merged header's parts
    names = {str(i["id"]): set(re.findall(r"\w+", name_key(str(i.get("name_vi", ""))))) - _FILLER for i in same_unit}
    # every word of the header in a name, and in the shortest such name only: "Mô hình “Dân vận khéo” được xây dựng"
    # is "Mô hình, điển hình “Dân vận khéo” được xây dựng, thực hiện"
    holding = sorted((len(name), ident) for ident, name in names.items() if len(words) >= 3 and words <= name)
    if holding and (len(holding) == 1 or holding[0][0] < holding[1][0]):
        return holding[0][1]
    df = Counter(w for ws in names.values() for w in ws)
    best, best_score = None, 0.0
    for ident, name in names.items():
        if not name:
            continue
        weight = {w: math.log(1 + (len(names) + 1) / (df[w] + 1)) for w in name | words}
        score = sum(weight[w] for w in name & words) / sum(weight.values())
        if score > best_score:
            best, best_score = ident, score
    plain = " ".join(_HEADER_YEAR.sub(" ", header).split()).strip(" /")
    return best if best and best_score >= 0.6 else f"{NEW_INDICATOR}{plain or header or 'số liệu'}"


def _slug(text: str) -> str:
    return slug(text) or "bang"
