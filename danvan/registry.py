"""The province registry and the name resolver: any common spelling of a province, district or commune → its unit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import polars as pl

from .model import NEW_SCHEME, OLD_SCHEME, PlaceLevel, Scheme, scheme_on
from .text import ascii_key, name_key

_PROVINCE_PREFIX = re.compile(r"^(tỉnh|thành phố|tp|t p)\s+")
_PLACE_PREFIX = re.compile(r"^(huyện|quận|thị xã|thành phố|tp|thị trấn|xã|phường|đảng bộ xã|đảng bộ)\s+")


@dataclass(frozen=True)
class Unit:
    scheme: Scheme
    code: str
    name_vi: str


@dataclass(frozen=True)
class Place:
    name: str
    level: PlaceLevel
    province_code: str  # scheme 63


class Registry:
    """Provinces of both schemes and the lower-level places the sources name, with lookups by any spelling."""

    def __init__(self, units: pl.DataFrame, places: pl.DataFrame) -> None:
        self.units = units
        self.places = places
        self._province: dict[tuple[str, str], Unit] = {}
        for scheme, code, name, aliases in units.select("scheme", "code", "name_vi", "aliases").iter_rows():
            unit = Unit(scheme, code, name)
            for spelling in [name, *filter(None, (aliases or "").split("|"))]:
                for key in (name_key(spelling), ascii_key(spelling)):
                    self._province.setdefault((scheme, _PROVINCE_PREFIX.sub("", key)), unit)
        self._new_code = dict(units.filter(pl.col("scheme") == OLD_SCHEME).select("code", "new_code").iter_rows())
        self._place: dict[str, list[Place]] = {}
        for name, level, province, aliases in places.select("name", "level", "province_code", "aliases").iter_rows():
            place = Place(name, level, province)
            for spelling in [name, *filter(None, (aliases or "").split("|"))]:
                for key in {name_key(spelling), ascii_key(spelling)}:
                    self._place.setdefault(_PLACE_PREFIX.sub("", key), []).append(place)

    def province(self, text: str, on: dt.date | None = None, *, scheme: Scheme | None = None) -> Unit | None:
        """The province a name means on a date (or in a scheme): "TP. HCM", "Thừa Thiên - Huế", "Dak Lak", NFD text …

        A name of a pre-2025 province used on a later date resolves to the unit it merged into."""
        scheme = scheme or scheme_on(on)
        for key in (name_key(text), ascii_key(text)):
            key = _PROVINCE_PREFIX.sub("", key)
            if (scheme, key) in self._province:
                return self._province[(scheme, key)]
            old = self._province.get((OLD_SCHEME, key))
            if old is not None and scheme == NEW_SCHEME:
                return self.unit(NEW_SCHEME, self._new_code[old.code])
        return None

    def place(self, text: str, province_code: str | None = None) -> Place | None:
        """A district, town or commune by name ("huyện Lệ Thủy", "TP Bắc Kạn"); None when unknown or ambiguous."""
        for key in (name_key(text), ascii_key(text)):
            found = self._place.get(_PLACE_PREFIX.sub("", key), [])
            if province_code is not None:
                found = [p for p in found if p.province_code == province_code]
            if len({(p.name, p.province_code) for p in found}) == 1:
                return found[0]
        return None

    def unit(self, scheme: Scheme, code: str) -> Unit | None:
        row = self.units.filter((pl.col("scheme") == scheme) & (pl.col("code") == code))
        return Unit(scheme, code, row["name_vi"][0]) if row.height else None

    def name(self, scheme: Scheme, code: str | None) -> str:
        """The Vietnamese name of a unit, for display; the code itself only if it is not in the registry."""
        unit = self.unit(scheme, code) if code is not None else None
        return unit.name_vi if unit else (code or "")
