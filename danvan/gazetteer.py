"""The gazetteer: every province, district and commune of both schemes (data/gazetteer/, built by
scripts/build_gazetteer.py), and the resolver that turns a place name written any common way into units valid on a date.

    >>> from danvan import gazetteer
    >>> r = gazetteer.resolve("huyện Chợ Đồn", on=date(2024, 5, 1))
    >>> r.status, r.match.province_code          # ("found", "06"): Bắc Kạn, scheme 63
    >>> gazetteer.resolve("huyện Chợ Đồn", on=date(2025, 9, 1)).match.province_code   # "19": Thái Nguyên, with a note

Names are matched on `text.name_key` (diacritics kept, Hoà = Hòa, dots and dashes folded), then on `text.ascii_key`
(no diacritics: Dak = Đắk = Đăk), then on the former names the package records. An ambiguous name is narrowed by
its context (a parent named beside it, a province hint) and otherwise returned as ambiguous WITH its candidates:
the resolver never picks one silently."""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from .model import MERGER_DATE, NEW_SCHEME, OLD_SCHEME, Problem, Scheme, scheme_on
from .text import ascii_key, name_key, nfc

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "data"

SCHEMAS: dict[str, dict[str, type[pl.DataType]]] = {
    "provinces.csv": {
        "scheme": pl.String,
        "code": pl.String,
        "type": pl.String,
        "name": pl.String,
        "new_codes": pl.String,
    },
    "districts.csv": {
        "code": pl.String,
        "type": pl.String,
        "name": pl.String,
        "province_code": pl.String,
        "new_province_codes": pl.String,
        "new_commune_code": pl.String,
    },
    "communes_63.csv": {
        "code": pl.String,
        "type": pl.String,
        "name": pl.String,
        "district_code": pl.String,
        "province_code": pl.String,
    },
    "communes_34.csv": {"code": pl.String, "type": pl.String, "name": pl.String, "province_code": pl.String},
    "commune_mapping_2025.csv": {
        "old_code": pl.String,
        "new_code": pl.String,
        "new_province_code": pl.String,
        "split": pl.String,
    },
    "former_names.csv": {"level": pl.String, "code": pl.String, "key": pl.String},
}
LEVELS = ("province", "district", "commune")
_FORMER = "là tên cũ (trước sáp nhập, đổi tên)"
_LOOSE = "khớp tên không dấu"
_OTHER_TYPE = "loại đơn vị khác"

# Type words (lower case, after NFC) → the (level, type) pairs they can name. Longest first in the pattern.
_TYPE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "tỉnh ủy": (("province", "tỉnh"),),
    "thành ủy": (("province", "thành phố"), ("district", "thành phố")),
    "huyện ủy": (("district", "huyện"),),
    "thị ủy": (("district", "thị xã"),),
    "quận ủy": (("district", "quận"),),
    "đảng ủy xã": (("commune", "xã"),),
    "đảng bộ xã": (("commune", "xã"),),
    "đảng ủy phường": (("commune", "phường"),),
    "đảng bộ phường": (("commune", "phường"),),
    "đảng ủy thị trấn": (("commune", "thị trấn"),),
    "đảng bộ thị trấn": (("commune", "thị trấn"),),
    "đảng ủy đặc khu": (("commune", "đặc khu"),),
    "tỉnh đoàn": (("province", "tỉnh"),),  # the youth union of a level: "Xã đoàn Vĩnh Hanh", "Huyện đoàn Chư Sê"
    "thành đoàn": (("province", "thành phố"), ("district", "thành phố")),
    "huyện đoàn": (("district", "huyện"),),
    "thị đoàn": (("district", "thị xã"),),
    "quận đoàn": (("district", "quận"),),
    "xã đoàn": (("commune", "xã"),),
    "phường đoàn": (("commune", "phường"),),
    "tỉnh": (("province", "tỉnh"),),
    "thành phố": (("province", "thành phố"), ("district", "thành phố")),
    "tp": (("province", "thành phố"), ("district", "thành phố")),
    "t.p": (("province", "thành phố"), ("district", "thành phố")),
    "huyện": (("district", "huyện"),),
    "h": (("district", "huyện"),),
    "quận": (("district", "quận"),),
    "q": (("district", "quận"),),
    "thị xã": (("district", "thị xã"),),
    "tx": (("district", "thị xã"),),
    "thị trấn": (("commune", "thị trấn"),),
    "tt": (("commune", "thị trấn"),),
    "xã": (("commune", "xã"),),
    "x": (("commune", "xã"),),
    "phường": (("commune", "phường"),),
    "p": (("commune", "phường"),),
    "đặc khu": (("commune", "đặc khu"),),
}
# One-letter abbreviations ("H.", "Q.", "P.", "X.") and TT/TX/TP count only with their dot or before a capital;
# the full words may be followed by anything.
_ABBREVIATIONS = {"h", "q", "p", "x", "tt", "tx", "tp", "t.p"}
_TYPE_ALT = "|".join(re.escape(w) for w in sorted(_TYPE_WORDS, key=len, reverse=True))
# A name typed without diacritics may carry its type word without them too ("huyen Cho Don"); resolve() accepts
# those, find_places() does not ("xa" is also an ordinary word).
_TYPE_WORDS_ASCII = {ascii_key(w): kinds for w, kinds in _TYPE_WORDS.items() if ascii_key(w) not in _TYPE_WORDS}
_LEADING_TYPE = re.compile(
    rf"^\s*({'|'.join(re.escape(w) for w in sorted([*_TYPE_WORDS, *_TYPE_WORDS_ASCII], key=len, reverse=True))})"
    r"(?:\.\s*|\s+)",
    re.IGNORECASE,
)
# A name after a type word in running text: capitalised words or a number ("Phường 1", "Quận 3"), words joined by
# spaces or by " - " ("Bà Rịa - Vũng Tàu"), with inner apostrophes ("Đạ M'ri", "K’Ré").
_WORD = r"(?:[^\W\d_a-zđ][\w'’]*|\d+[A-Z]?|[IVX]+\b)"
_SP = r"[ \t\u00a0]"  # a name never runs over a line break
_NAME = rf"{_WORD}(?:(?:{_SP}+|{_SP}*[-–]{_SP}*){_WORD}){{0,5}}"
_SCAN = re.compile(rf"(?<![\w.])(?P<type>(?i:{_TYPE_ALT}))(?:(?P<dot>\.){_SP}*|{_SP}+)(?P<name>{_NAME})")
_PAREN = re.compile(r"\s*\(([^()]{2,40})\)")
_UY = str.maketrans({"ỷ": "ủ"})  # "uỷ" → "ủy" in type words (old tone placement)


def _norm_type(word: str) -> str:
    return nfc(word).lower().replace("uỷ", "ủy").strip().rstrip(".")


def _compact(text: str) -> str:
    return ascii_key(text).replace(" ", "")


def _joined(text: str) -> str:
    """name_key without the spaces, diacritics kept: "Đakrông" = "Đa Krông", not "Công an" = "Cô Ngân"."""
    return name_key(text).replace(" ", "")


# ------------------------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class Place:
    """One unit of the gazetteer, in the scheme it belongs to."""

    scheme: Scheme  # OLD_SCHEME until 30/6/2025, NEW_SCHEME from 1/7/2025
    level: str  # province | district | commune
    code: str
    type: str  # tỉnh, thành phố; huyện, quận, thị xã, thành phố; xã, phường, thị trấn, đặc khu
    name: str  # without its type word: "Chợ Đồn", "1" for Phường 1
    province_code: str
    district_code: str | None = None  # scheme-63 districts and communes only

    @property
    def label(self) -> str:
        """'huyện Chợ Đồn', 'phường 1', 'tỉnh Sơn La'."""
        return f"{self.type} {self.name}"


@dataclass(frozen=True)
class Match:
    """What a name means on a date: codes in the scheme in force then, and the unit named."""

    scheme: Scheme
    province_code: str
    district_code: str | None
    commune_code: str | None
    place: Place  # the unit the name names (scheme 63 for an old name used after the merger)
    note: str = ""  # why: a former name, an old unit mapped to the new scheme, how context decided
    former: str | None = None  # the unit's former name, as written, when the text used one ("Đất Đỏ")

    @property
    def name(self) -> str:
        """The name the unit bore when the text was written: a former name the text used ("Đất Đỏ" in 2023, before
        it joined huyện Long Đất) stays as written, since the package's former names carry no dates."""
        return self.former or self.place.name

    @property
    def as_written(self) -> bool:
        """The unit is of the type the text wrote, not one of another type taken for want of it ("xã Si Ma Cai" before
        1/7/2025, read as thị trấn Si Ma Cai)."""
        return _OTHER_TYPE not in self.note

    @property
    def level(self) -> str:
        return self.place.level


@dataclass(frozen=True)
class Resolution:
    status: str  # found | ambiguous | unknown
    match: Match | None = None
    candidates: tuple[Match, ...] = ()
    query: str = ""
    note: str = ""


@dataclass(frozen=True)
class PlaceHit:
    """A unit named with its type word in a text: the span (in the NFC text), the words, and their resolution."""

    start: int
    end: int
    text: str
    resolution: Resolution


# ------------------------------------------------------------------------------------------------ the gazetteer


@dataclass
class _Index:
    exact: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    loose: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    former: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    compact: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))  # "Đakrông" = "Đa Krông"

    def add(self, place: Place, *names: str) -> None:
        for name in names:
            keys = ((self.exact, name_key(name)), (self.loose, ascii_key(name)), (self.compact, _joined(name)))
            for bucket, key in keys:
                if place not in bucket[key]:
                    bucket[key].append(place)


class Gazetteer:
    """The units of both schemes with the 2025 mapping, indexed by every spelling the resolver accepts."""

    def __init__(self, frames: Mapping[str, pl.DataFrame], units: pl.DataFrame | None = None) -> None:
        self.provinces = frames["provinces.csv"]
        self.districts = frames["districts.csv"]
        self.communes_63 = frames["communes_63.csv"]
        self.communes_34 = frames["communes_34.csv"]
        self.mapping = frames["commune_mapping_2025.csv"]
        self.former_names = frames["former_names.csv"]
        self._places: dict[tuple[str, str, str], Place] = {}
        self._index = {OLD_SCHEME: _Index(), NEW_SCHEME: _Index()}
        self._new_provinces: dict[str, tuple[str, ...]] = {}  # old province or district code → new province codes
        self._district_new_provinces: dict[str, tuple[str, ...]] = {}
        self._district_new_commune: dict[str, str] = {}
        self._commune_whole_district: dict[str, str] = {}  # the other way
        self._commune_news: dict[str, list[str]] = defaultdict(list)  # old commune → new communes
        self._commune_olds: dict[str, list[str]] = defaultdict(list)  # new commune → old communes
        for scheme, code, kind, name, new_codes in self.provinces.iter_rows():
            place = self._put(Place(scheme, "province", code, kind, name, code))
            self._index[scheme].add(place, name)
            if scheme == OLD_SCHEME:
                self._new_provinces[code] = tuple(new_codes.split("|"))
        self._registry_names: dict[tuple[str, str], str] = {}
        if units is not None:  # the registry's spellings of provinces ("Thừa Thiên Huế", "TP HCM", "Đắc Lắc")
            for scheme, code, name, aliases in units.select("scheme", "code", "name_vi", "aliases").iter_rows():
                province = self._places.get((scheme, "province", code))
                if province is not None:
                    self._registry_names[(scheme, code)] = name
                    spellings = [name, *filter(None, (aliases or "").split("|"))]
                    self._index[scheme].add(province, *spellings, *(_strip_type(s)[1] for s in spellings))
        for code, kind, name, province, new_provinces, new_commune in self.districts.iter_rows():
            place = self._put(Place(OLD_SCHEME, "district", code, kind, name, province, code))
            self._index[OLD_SCHEME].add(place, name)
            self._district_new_provinces[code] = tuple(new_provinces.split("|"))
            if new_commune:
                self._district_new_commune[code] = new_commune
                self._commune_whole_district[new_commune] = code
        for code, kind, name, district, province in self.communes_63.iter_rows():
            self._index[OLD_SCHEME].add(
                self._put(Place(OLD_SCHEME, "commune", code, kind, name, province, district)), name
            )
        for code, kind, name, province in self.communes_34.iter_rows():
            self._index[NEW_SCHEME].add(self._put(Place(NEW_SCHEME, "commune", code, kind, name, province)), name)
        for old, new, _, _ in self.mapping.iter_rows():
            self._commune_news[old].append(new)
            self._commune_olds[new].append(old)
        for level, code, key in self.former_names.iter_rows():
            place = self._places[(OLD_SCHEME, level, code)]
            if place not in self._index[OLD_SCHEME].former[key]:
                self._index[OLD_SCHEME].former[key].append(place)

    def _put(self, place: Place) -> Place:
        self._places[(place.scheme, place.level, place.code)] = place
        return place

    # ------------------------------------------------------------------------------------------- look-ups

    def place(self, scheme: Scheme, level: str, code: str) -> Place | None:
        """A unit by its code: place("63", "district", "064") is huyện Chợ Đồn."""
        return self._places.get((scheme, level, code))

    def province_label(self, code: str, on: dt.date | None = None) -> str | None:
        """A province as a record names it on a day, by the registry's name where the data folder has one:
        "tỉnh Nghệ An", "thành phố Hà Nội", "tỉnh Thừa Thiên Huế" before 1/7/2025 (the gazetteer's 63-scheme unit is
        the thành phố Huế of its last half-year), "thành phố Huế" after."""
        scheme = scheme_on(on)
        place = self.place(scheme, "province", code)
        if place is None:
            return None
        name = self._registry_names.get((scheme, code), place.name)
        return f"{place.type if name == place.name else 'tỉnh'} {name}"

    def former_namesakes(self, name: str) -> list[Place]:
        """The old communes that once bore `name` (a commune merged or renamed before the registry's day: "Sơn Trà"
        of huyện Hương Sơn, now within xã Mỹ Long)."""
        return [p for p in self._index[OLD_SCHEME].former.get(_compact(name), ()) if p.level == "commune"]

    def new_province_codes(self, place: Place) -> tuple[str, ...]:
        """The 34-scheme province(s) a unit lies in."""
        if place.scheme == NEW_SCHEME:
            return (place.province_code,)
        if place.level == "district":
            return self._district_new_provinces[place.code]
        if place.level == "commune":
            news = self._commune_news.get(place.code, [])
            return tuple(sorted({self._places[(NEW_SCHEME, "commune", n)].province_code for n in news}))
        return self._new_provinces[place.code]

    def new_commune_codes(self, place: Place) -> tuple[str, ...]:
        """The 34-scheme commune-level unit(s) an old commune (or a district made one unit) went to."""
        if place.level == "commune" and place.scheme == OLD_SCHEME:
            return tuple(self._commune_news.get(place.code, ()))
        if place.level == "district" and place.code in self._district_new_commune:
            return (self._district_new_commune[place.code],)
        return ()

    def old_communes(self, new_code: str) -> tuple[Place, ...]:
        """The 63-scheme communes a new commune was made from (whole or in part), or the district that became it whole
        (huyện Côn Đảo, which had no communes, is đặc khu Côn Đảo)."""
        communes = tuple(self._places[(OLD_SCHEME, "commune", c)] for c in self._commune_olds.get(new_code, ()))
        whole = self._commune_whole_district.get(new_code)
        return communes + ((self._places[(OLD_SCHEME, "district", whole)],) if whole else ())

    def _ancestors(self, place: Place) -> set[tuple[str, str]]:
        """Every unit that contains `place`, or contained it in the other scheme, as (kind, code) tokens."""
        out: set[tuple[str, str]] = set()
        if place.scheme == OLD_SCHEME:
            out.add(("p63", place.province_code))
            if place.district_code and place.level != "district":
                out.add(("d", place.district_code))
            out.update(("p34", c) for c in self.new_province_codes(place))
        else:
            out.add(("p34", place.province_code))
            if place.level == "commune":
                for old in self.old_communes(place.code):
                    out.update({("d", old.district_code or ""), ("p63", old.province_code)})
            else:
                out.update(("p63", c) for c, news in self._new_provinces.items() if place.code in news)
        return out

    @staticmethod
    def _self_token(place: Place) -> tuple[str, str] | None:
        if place.level == "district":
            return ("d", place.code)
        if place.level == "province":
            return ("p" + place.scheme, place.code)
        return None

    def _lookup(self, scheme: Scheme, name: str, kinds: Sequence[tuple[str, str]] | None) -> tuple[list[Place], str]:
        """Units of one scheme named `name` (and of one of `kinds`, when given): exact key, then no diacritics,
        then former names. Returns the places and a note saying which way they matched."""
        index = self._index[scheme]

        def keep(places: Iterable[Place]) -> list[Place]:
            return [p for p in places if kinds is None or (p.level, p.type) in kinds]

        found = keep(index.exact.get(name_key(name), ()))
        if found:
            return found, ""
        found = keep(index.loose.get(ascii_key(name), ()))
        if found:
            return found, _LOOSE
        found = keep(index.compact.get(_joined(name), ()))
        if found:  # a name written as one word or as two: "Đakrông" / "Đa Krông", "Ea H'leo" / "Ea Hleo"
            return found, "khớp tên viết liền/tách"
        compact = _compact(name)
        found = keep(index.former.get(compact, ()))
        if not found and kinds:
            for kind in {t for _, t in kinds}:
                found += [p for p in keep(index.former.get(_compact(kind) + compact, ())) if p not in found]
        if found:
            return found, f"'{name}' {_FORMER}"
        return [], ""

    def _candidates(
        self, name: str, kinds: Sequence[tuple[str, str]] | None, scheme: Scheme, levels: Sequence[str]
    ) -> tuple[list[Place], list[Place], dict[Place, str]]:
        """Candidates of the first level that has any (a bare name is first a province, then a district, then a
        commune): (units of the scheme in force, old units when the date is after the merger, notes per unit).
        A type word that no unit of that name has (thị xã Phú Mỹ, now a thành phố) falls back to the level's
        other types, with a note. A name matched only without its marks under its type word ("xã Diễn Thành" as
        xã Diên Thạnh of Khánh Hòa) gives way to a unit of another type spelt exactly (thị trấn Diễn Thành)."""
        loose: tuple[list[Place], list[Place], dict[Place, str]] | None = None
        former: tuple[list[Place], list[Place], dict[Place, str]] | None = None
        for strict in (True, False):
            if not strict and not kinds:
                break
            if not strict and set(kinds or ()) == {("commune", "thị trấn")} and (seat := self._seat(name, scheme)):
                return seat
            for level in levels:
                level_kinds = [k for k in kinds if k[0] == level] if kinds else None
                if kinds and not level_kinds:
                    continue
                wanted = level_kinds if strict and level_kinds else [(level, t) for t in _TYPES[level]]
                notes: dict[Place, str] = {}
                tiers = []
                exact = False
                for s in (NEW_SCHEME, OLD_SCHEME) if scheme == NEW_SCHEME else (OLD_SCHEME,):
                    found, note = self._lookup(s, name, wanted)
                    exact = exact or (bool(found) and note != _LOOSE)
                    for place in found:
                        changed = "" if strict else f"{_OTHER_TYPE}: {place.label}"
                        notes[place] = "; ".join(filter(None, (note, changed)))
                    tiers.append(found)
                if not any(tiers):
                    continue
                result = tiers[0], (tiers[1] if len(tiers) > 1 else []), notes
                if strict and kinds and exact and all(_FORMER in n for n in notes.values()):
                    # former names are kept without their marks: "phường Đông Xuyên" (An Giang's, merged) and "xã
                    # Điện Minh" (read as Nghệ An's former Diễn Minh) stand beside a unit of another type spelt
                    # exactly (xã Đông Xuyên of Thái Bình, phường Điện Minh of Quảng Nam): context chooses
                    former = result
                    break
                if exact or not kinds:
                    if former is not None and result is not former:
                        return (
                            former[0] + [p for p in result[0] if p not in former[0]],
                            former[1] + [p for p in result[1] if p not in former[1]],
                            {**result[2], **former[2]},
                        )
                    return result
                loose = loose or result
                break
        return former or loose or ([], [], {})

    def _seat(self, name: str, scheme: Scheme) -> tuple[list[Place], list[Place], dict[Place, str]] | None:
        """A thị trấn no unit of the registry is, named exactly like a district: the district's seat, dissolved or
        renamed before the registry's day ("thị trấn Đức Phổ", a phường of thị xã Đức Phổ since 2020), not a xã of
        that name in another province."""
        districts = [("district", t) for t in _TYPES["district"]]
        tiers: list[list[Place]] = []
        notes: dict[Place, str] = {}
        for s in (NEW_SCHEME, OLD_SCHEME) if scheme == NEW_SCHEME else (OLD_SCHEME,):
            found, note = self._lookup(s, name, districts)
            tiers.append(found if not note else [])
            for place in tiers[-1]:
                notes[place] = f"danh mục không có thị trấn {name}: tính là thị trấn huyện lỵ của {place.label}"
        return (tiers[0], tiers[1] if len(tiers) > 1 else [], notes) if any(tiers) else None

    def _as_match(self, place: Place, scheme: Scheme, note: str) -> list[Match]:
        """A unit as Match(es) in the scheme of the date: an old unit after the merger becomes its new unit(s)."""
        if place.scheme == scheme:
            commune = place.code if place.level == "commune" else None
            district = place.code if place.level == "district" else place.district_code
            return [Match(scheme, place.province_code, district, commune, place, note)]
        # An old (63-scheme) unit named on or after 1/7/2025.
        provinces = self.new_province_codes(place)
        communes = self.new_commune_codes(place)
        out = []
        for province in provinces:
            here = [c for c in communes if self._places[(NEW_SCHEME, "commune", c)].province_code == province]
            commune = here[0] if len(here) == 1 else None
            what = f"{place.label} (mã {place.code}, tỉnh mã {place.province_code})"
            if commune:
                target = self._places[(NEW_SCHEME, "commune", commune)].label
                text = f"{what} không còn từ 1/7/2025: nay thuộc {target}, tỉnh mã {province}"
            elif here:
                text = f"{what} không còn từ 1/7/2025: nay thuộc tỉnh mã {province}, chia cho " + ", ".join(
                    self._places[(NEW_SCHEME, "commune", c)].label for c in here
                )
            else:
                text = f"{what} không còn từ 1/7/2025: nay thuộc tỉnh mã {province}"
            out.append(Match(NEW_SCHEME, province, None, commune, place, "; ".join(filter(None, (note, text)))))
        return out

    # ------------------------------------------------------------------------------------------- resolve

    def record_name(self, place: Place, on: dt.date | None = None, context: Sequence[str] = ()) -> str:
        """How a record names a district or commune: its name alone ("Chợ Đồn"), or with its type word when the name
        alone names several units of its level in its province ("huyện Kỳ Anh" beside "thị xã Kỳ Anh")."""
        res = self.resolve(place.name, on=on, context=context, level=place.level, within=place.province_code)
        alone = res.status == "found" and res.match is not None and res.match.place == place
        return place.name if alone else place.label

    def resolve(
        self,
        name: str,
        on: dt.date | None = None,
        context: Sequence[str] = (),
        province_hint: str | None = None,
        level: str | None = None,
        within: str | None = None,
    ) -> Resolution:
        """What `name` names on date `on` (None: today): "xã Thiên Lộc (Can Lộc)", "H. Chợ Đồn", "TP. Bắc Kạn",
        "Huyện ủy Lâm Hà", "xã X, huyện Y, tỉnh Z", NFD text, without diacritics …

        `context`: other place names written nearby (parents narrow an ambiguous name). `province_hint`: a
        province code or name (the outlet's province), used only when the name and its context stay ambiguous.
        `level`: province | district | commune, when the caller knows it. `within`: a province code that the unit must
        lie in (a filter, not a hint): before 1/7/2025 the 63-scheme code, from then on either scheme's."""
        scheme = scheme_on(on)
        query = nfc(name).strip()
        head, inline = _split_context(query)
        kinds, bare = _strip_type(head)
        if kinds and level:
            kinds = tuple(k for k in kinds if k[0] == level)
        levels = (level,) if level else LEVELS
        if not bare or (bare.isdigit() and not kinds):  # "1" alone names nothing
            return Resolution("unknown", query=query)
        current, old, notes = self._candidates(bare, kinds, scheme, levels)
        if within:  # before the merger a code is the 63-scheme's: 91 is Kiên Giang, not the An Giang it joined
            inside = {("p63", within)} if scheme == OLD_SCHEME else {("p63", within), ("p34", within)}
            current, old = (
                [p for p in group if (self._ancestors(p) | {self._self_token(p)}) & inside] for group in (current, old)
            )
        if not current and not old:
            return Resolution("unknown", query=query, note=f"không có {head} thuộc tỉnh mã {within}" if within else "")
        places = current or old
        steps: list[str] = []
        for what, token_sets in (
            ("ngữ cảnh", [self._context_tokens([c], on) for c in [*inline, *context]]),
            ("tỉnh gợi ý", [self._hint_tokens(province_hint, on)]),
        ):
            token_sets = [t for t in token_sets if t]
            if not token_sets or (len(places) == 1 and what == "tỉnh gợi ý"):
                continue
            # Context may point to an old unit even when a current one has the name (xã Thiên Lộc (Can Lộc) after
            # 1/7/2025 is the old commune of Hà Tĩnh, not the new one of Hà Nội). The candidates that agree with
            # the most context names win ("phường 1, quận 3, TP. Hồ Chí Minh": quận 3 and the city, not the city
            # alone).
            pool = places if what == "tỉnh gợi ý" else current + old
            score = {p: sum(bool(self._ancestors(p) & t) for t in token_sets) for p in pool}
            best = max(score.values(), default=0)
            narrowed = [p for p in pool if best and score[p] == best]
            narrowed = [p for p in narrowed if p in current] or narrowed
            if narrowed:
                if set(narrowed) != set(places):
                    steps.append(f"chọn theo {what}")
                places = narrowed
        matches = [
            replace(m, former=bare) if _FORMER in notes[p] else m
            for p in places
            for m in self._as_match(p, scheme, notes[p])
        ]
        note = "; ".join(steps)
        if len(matches) == 1:
            m = matches[0]
            if note:
                m = replace(m, note="; ".join(filter(None, (m.note, note))))
            return Resolution("found", m, (m,), query, note)
        return Resolution(
            "ambiguous", None, tuple(matches), query, f"{len(matches)} đơn vị cùng tên: cần tên huyện/tỉnh đi kèm"
        )

    def _context_tokens(self, names: Sequence[str], on: dt.date | None) -> set[tuple[str, str]]:
        tokens: set[tuple[str, str]] = set()
        scheme = scheme_on(on)
        for text in names:
            kinds, bare = _strip_type(nfc(text).strip())
            if not bare:
                continue
            current, old, _ = self._candidates(bare, kinds, scheme, ("province", "district"))
            for place in current + old:
                token = self._self_token(place)
                if token:
                    tokens.add(token)
                if place.level == "province" and place.scheme == OLD_SCHEME:
                    tokens.update(("p34", c) for c in self._new_provinces[place.code])
        return tokens

    def _hint_tokens(self, hint: str | None, on: dt.date | None) -> set[tuple[str, str]]:
        if not hint:
            return set()
        hint = nfc(hint).strip()
        if hint.isdigit():
            tokens = {(f"p{s}", hint) for s in (OLD_SCHEME, NEW_SCHEME) if (s, "province", hint) in self._places}
            if (OLD_SCHEME, "province", hint) in self._places:
                tokens.update(("p34", c) for c in self._new_provinces[hint])
            return tokens
        return self._context_tokens([hint], on)

    # ------------------------------------------------------------------------------------------- scanning

    def find_places(
        self, text: str, on: dt.date | None = None, hint: str | None = None, include_unknown: bool = False
    ) -> list[PlaceHit]:
        """Every unit named with its type word in `text` ("huyện Chợ Đồn", "Huyện ủy Lâm Hà", "TP. Bắc Kạn",
        "xã Thiên Lộc (Can Lộc)"), resolved on date `on`. Spans are offsets in nfc(text). A name is taken as
        long as it resolves ("huyện Chợ Đồn Hoàng Văn A" → "huyện Chợ Đồn"); places named nearby serve as
        context for the ambiguous ones, then `hint` (the outlet's province)."""
        text = nfc(text)
        raw: list[tuple[int, int, str, str, list[str]]] = []  # start, end, type word, name, inline context
        pos = 0
        while (m := _SCAN.search(text, pos)) is not None:
            # Scanning resumes after the name actually taken, so a type word inside a longer capitalised run
            # ("xã Tân Lập Huyện Đan Phượng") is still seen.
            pos = m.start("name")
            word = _norm_type(m.group("type"))
            if word not in _TYPE_WORDS:
                continue
            if m.group("dot") and word not in _ABBREVIATIONS:
                continue  # "tỉnh. Ban Chấp hành": a sentence ends after the type word
            if word in _ABBREVIATIONS and not m.group("dot") and not m.group("type").isupper():
                continue  # "tt", "tx" in lower case are not abbreviations of a type
            if len(word) == 1 and not m.group("dot"):
                continue  # a single letter needs its dot: "H. Chợ Đồn"
            words = re.split(rf"({_SP}+|{_SP}*[-–]{_SP}*)", m.group("name"))
            # Every word of a name starts with a capital or is a number ("ủy" in "Tỉnh ủy" is not a name).
            capital = [i for i in range(0, len(words), 2) if not (words[i][:1].isupper() or words[i][:1].isdigit())]
            words = words[: max(capital[0] - 1, 0)] if capital else words
            if not words or not words[0]:
                continue
            best = None
            for n in range(len(words), 0, -2):  # the longest run of words that names a unit
                name = "".join(words[:n])
                kinds = _TYPE_WORDS[word]
                if any(self._candidates(name, kinds, scheme_on(on), LEVELS)[:2]):
                    best = name
                    break
            if best is None:
                if include_unknown:
                    whole = "".join(words)
                    raw.append((m.start(), m.start("name") + len(whole), word, whole, []))
                continue
            end = m.start("name") + len(best)
            pos = end
            inline: list[str] = []
            paren = _PAREN.match(text, end)
            if paren:
                inline.append(paren.group(1))
            raw.append((m.start(), end, word, best, inline))
        hits: list[PlaceHit] = []
        # Context, nearest first: a chain "xã X, huyện Y, tỉnh Z" (each next name right after the previous), then
        # names within 200 characters, then the whole text; the hint only after all of them. Each distinct name
        # once, and the nearby ones found by bisection: a long text naming many places stays linear.
        starts = [r[0] for r in raw]
        labels = [f"{w} {n}" for _, _, w, n, _ in raw]
        times = Counter(labels)
        everywhere = list(times)
        for i, (start, end, word, name, inline) in enumerate(raw):
            chain, last, j = [], end, i + 1
            while j < len(raw) and re.fullmatch(r"\s*[,(]?\s*", text[last : raw[j][0]]):
                chain.append(labels[j])
                last = raw[j][1]
                j += 1
            query = f"{word} {name}"
            res = self.resolve(query, on=on, context=[*inline, *chain])
            if res.status == "ambiguous":
                lo, hi = bisect_left(starts, start - 199), bisect_left(starts, start + 200)
                near = list(dict.fromkeys(labels[k] for k in range(lo, hi) if k != i))
                res = self.resolve(query, on=on, context=[*inline, *chain, *near])
            if res.status == "ambiguous":
                elsewhere = [n for n in everywhere if n != labels[i] or times[n] > 1]
                res = self.resolve(query, on=on, context=[*inline, *chain, *elsewhere])
            if res.status == "ambiguous" and hint:
                res = self.resolve(query, on=on, context=[*inline, *chain], province_hint=hint)
            if res.status != "unknown" or include_unknown:
                hits.append(PlaceHit(start, end, text[start:end], res))
        return hits


_TYPES = {
    "province": ("tỉnh", "thành phố"),
    "district": ("huyện", "quận", "thị xã", "thành phố"),
    "commune": ("xã", "phường", "thị trấn", "đặc khu"),
}


def _strip_type(text: str) -> tuple[tuple[tuple[str, str], ...] | None, str]:
    """('huyện', 'Chợ Đồn') from 'H. Chợ Đồn' as the kinds it can name and the bare name."""
    m = _LEADING_TYPE.match(text)
    if not m:
        return None, text.strip()
    word = _norm_type(m.group(1))
    rest = text[m.end() :].strip()
    kinds = _TYPE_WORDS.get(word) or _TYPE_WORDS_ASCII.get(ascii_key(word))
    if not kinds or not rest:
        return None, text.strip()
    return kinds, rest


def _split_context(text: str) -> tuple[str, list[str]]:
    """'xã Thiên Lộc (Can Lộc)' → ('xã Thiên Lộc', ['Can Lộc']); 'xã X, huyện Y, tỉnh Z' → ('xã X', [...])."""
    inline = re.findall(r"\(([^()]*)\)", text)
    head = re.sub(r"\([^()]*\)", " ", text)
    parts = [p.strip() for p in re.split(r"[,;]", head) if p.strip()]
    if not parts:
        return "", inline
    return re.sub(r"\s+", " ", parts[0]), [*parts[1:], *inline]


# ------------------------------------------------------------------------------------------------ loading


def read_frames(root: Path) -> dict[str, pl.DataFrame]:
    """The gazetteer files with their declared schemas (everything is text: codes keep their leading zeros)."""
    folder = root / "gazetteer"
    return {
        name: pl.read_csv(folder / name, schema=schema, empty_string_is_null=False) for name, schema in SCHEMAS.items()
    }


@functools.lru_cache(maxsize=4)
def load(root: str | Path = DEFAULT_ROOT) -> Gazetteer:
    """The gazetteer of a data folder, built once per process (and per folder)."""
    root = Path(root)
    units_path = root / "units.csv"
    units = pl.read_csv(units_path, infer_schema=False) if units_path.exists() else None
    return Gazetteer(read_frames(root), units)


def resolve(
    name: str,
    on: dt.date | None = None,
    context: Sequence[str] = (),
    province_hint: str | None = None,
    level: str | None = None,
    within: str | None = None,
    root: str | Path = DEFAULT_ROOT,
) -> Resolution:
    """Gazetteer.resolve on the gazetteer of `root` (the repository's data/ by default)."""
    return load(root).resolve(name, on, context, province_hint, level, within)


def find_places(
    text: str,
    on: dt.date | None = None,
    hint: str | None = None,
    include_unknown: bool = False,
    root: str | Path = DEFAULT_ROOT,
) -> list[PlaceHit]:
    """Gazetteer.find_places on the gazetteer of `root`."""
    return load(root).find_places(text, on, hint, include_unknown)


# ------------------------------------------------------------------------------------------------ validation

_DATE_COLUMNS = ("date_start", "period_end", "date")
_LABEL_COLUMNS = ("_record", "id", "visit_id", "observation_id")
_SCHEME_DAY = {OLD_SCHEME: MERGER_DATE - dt.timedelta(days=1), NEW_SCHEME: MERGER_DATE}


def check_places(
    frames: Mapping[str, pl.DataFrame], places: pl.DataFrame | None = None, root: str | Path = DEFAULT_ROOT
) -> list[Problem]:
    """Every district and commune named in curated records must be a unit of the gazetteer, inside the record's
    province (in the scheme in force on the record's date), or a place listed in places.csv (a village, a place the
    gazetteer cannot know).

    `frames`: file name → records (loader frames or Catalog tables) with columns province (or province_code),
    district, commune, a date (date_start, period_end or date; none: today's scheme) and a record label (`_record`,
    `id`, `visit_id` or `observation_id`). Each distinct (name, province, scheme)
    is resolved once, so a million records cost what their few distinct places cost. Returns loader Problems
    (file, record, field, reason), in record order."""
    gaz = load(root)
    listed: set[tuple[str, str]] = set()
    if places is not None and places.height:
        for pname, province, aliases in places.select("name", "province_code", "aliases").iter_rows():
            for spelling in [pname, *filter(None, (aliases or "").split("|"))]:
                listed.add((name_key(_strip_type(spelling)[1]), province))
    problems: list[Problem] = []
    for file, frame in frames.items():
        levels = [c for c in ("district", "commune") if c in frame.columns]
        if not levels:
            continue
        day = next((c for c in _DATE_COLUMNS if c in frame.columns), None)
        scheme = (
            pl.when(pl.col(day) < pl.lit(MERGER_DATE)).then(pl.lit(OLD_SCHEME)).otherwise(pl.lit(NEW_SCHEME))
            if day
            else pl.lit(NEW_SCHEME)
        )
        label_col = next((c for c in _LABEL_COLUMNS if c in frame.columns), None)
        label = (
            pl.col(label_col).cast(pl.String)
            if label_col
            else pl.format("bản ghi số {}", pl.int_range(1, pl.len() + 1))
        )
        province_col = next((c for c in ("province", "province_code") if c in frame.columns), None)
        province = pl.col(province_col) if province_col else pl.lit(None, pl.String)
        district = pl.col("district") if "district" in frame.columns else pl.lit(None, pl.String)
        rows = frame.select(
            label.alias("_label"),
            province.cast(pl.String).alias("_province"),
            district.cast(pl.String).alias("_district"),
            *[pl.col(c).cast(pl.String) for c in levels if c != "district"],
            scheme.alias("_scheme"),
            pl.int_range(pl.len()).alias("_row"),
        )
        bad: list[tuple[int, str, str]] = []  # row, field, reason
        for level in levels:
            col = "_district" if level == "district" else level
            keys = ["_province", "_scheme", col] + (["_district"] if level == "commune" else [])
            distinct = rows.filter(pl.col(col).is_not_null()).select(keys).unique()
            failing = []
            for values in distinct.iter_rows(named=True):
                reason = _place_problem(
                    gaz,
                    level,
                    values[col],
                    values["_province"],
                    values["_scheme"],
                    values.get("_district") if level == "commune" else None,
                    listed,
                )
                if reason:
                    failing.append({**values, "_reason": reason})
            if failing:
                hit = rows.join(
                    pl.DataFrame(failing, schema={**{k: pl.String for k in keys}, "_reason": pl.String}),
                    on=keys,
                    how="inner",
                    nulls_equal=True,
                )
                bad += [(r, level, reason) for r, reason in hit.select("_row", "_reason").iter_rows()]
        labels = rows["_label"].to_list()
        problems += [Problem(file, labels[r], level, reason) for r, level, reason in sorted(bad)]
    return problems


def _place_problem(
    gaz: Gazetteer,
    level: str,
    value: str,
    province: str | None,
    scheme: Scheme,
    district: str | None,
    listed: set[tuple[str, str]],
) -> str | None:
    """Why a district or commune of a record does not check out, or None when it does."""
    if (name_key(_strip_type(value)[1]), province) in listed:
        return None
    context = (f"huyện {district}",) if district else ()
    res = gaz.resolve(value, on=_SCHEME_DAY[scheme], level=level, within=province, context=context)
    what = "huyện" if level == "district" else "xã/phường"
    period = "trước 1/7/2025" if scheme == OLD_SCHEME else "từ 1/7/2025"

    def named(code: str | None) -> str:  # a province by its name, as curators know it ("tỉnh Nghệ An")
        unit = gaz.place(scheme, "province", code) if code else None
        return unit.label if unit else f"tỉnh mã '{code}'"

    if res.status == "unknown" and province:  # a unit of another province only: "Hương Sơn" under Nghệ An
        res = gaz.resolve(value, on=_SCHEME_DAY[scheme], level=level, context=context)
        if res.status != "found":
            res = Resolution("unknown", query=value)
    if res.status == "found" and res.match is not None and province and res.match.province_code != province:
        # `within` only prefers the record's province: a unit found in another one is not the record's place
        elsewhere = f"{res.match.place.label} của {named(res.match.province_code)} ({period})"
        return f"'{value}' là {elsewhere}, không thuộc {named(province)} của bản ghi"
    if res.status == "found":
        return None
    if res.status == "unknown":
        return (
            f"không có {what} '{value}' thuộc {named(province)} ({period}) trong danh mục hành chính, cũng không có "
            "trong places.csv"
        )
    labels = [m.place.label for m in res.candidates[:6]]
    if len(set(labels)) == len(labels):  # "huyện Kỳ Anh, thị xã Kỳ Anh": the type word tells them apart
        return (
            f"'{value}' là tên của nhiều đơn vị thuộc {named(province)}: {', '.join(labels)}; hãy ghi kèm loại "
            f"(“{labels[0]}”)"
        )
    parents = [gaz.place(scheme, "district", m.place.district_code or "") for m in res.candidates[:6]]
    options = ", ".join(
        f"{label} ({parent.label})" if parent else label for label, parent in zip(labels, parents, strict=True)
    )
    return f"'{value}' là tên của nhiều đơn vị thuộc {named(province)}: {options}; hãy ghi huyện của nơi ấy"
