"""The province registry and the name resolver: any common spelling of a province, district or commune → its unit.

Lower-level places come first from data/places.csv (what the gazetteer cannot know: a village, a local name), then
from the gazetteer (data/gazetteer/: every district and commune of both schemes)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from . import gazetteer as gaz
from .model import MERGER_DATE, NEW_SCHEME, OLD_SCHEME, PlaceLevel, Scheme, scheme_on
from .text import ascii_key, name_key

_PROVINCE_PREFIX = re.compile(r"^(tỉnh|thành phố|tp|t p)\s+")
_PLACE_PREFIX = re.compile(r"^(huyện|quận|thị xã|thành phố|tp|thị trấn|xã|phường|đảng bộ xã|đảng bộ)\s+")


OLD_DAY = MERGER_DATE - dt.timedelta(days=1)  # the last day of the 63-province scheme: names are read in it
# Gazetteer unit types → the place levels of the data contract.
_LEVEL_OF_TYPE: dict[str, PlaceLevel] = {
    "huyện": "district",
    "quận": "district",
    "thị xã": "town",
    "thành phố": "city",
    "xã": "commune",
    "đặc khu": "commune",
    "phường": "ward",
    "thị trấn": "township",
}


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
    """Provinces of both schemes and the lower-level places the sources name, with lookups by any spelling; and the
    codes of the policy documents the curated data already has, which complete a bare "Chỉ thị 05"."""

    def __init__(
        self,
        units: pl.DataFrame,
        places: pl.DataFrame,
        gazetteer: gaz.Gazetteer | None = None,
        documents: Sequence[str] = (),
    ) -> None:
        self.units = units
        self.places = places
        self._gazetteer = gazetteer
        self.documents = tuple(documents)
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

    @property
    def gazetteer(self) -> gaz.Gazetteer:
        """The gazetteer of the repository's data/ unless one was given (loaded once per process)."""
        if self._gazetteer is None:
            self._gazetteer = gaz.load()
        return self._gazetteer

    def place(self, text: str, province_code: str | None = None) -> Place | None:
        """A district, town or commune by name ("huyện Lệ Thủy", "TP Bắc Kạn", "H. Chợ Đồn"), in the 63-province
        scheme: places.csv first, then the gazetteer. None when unknown or ambiguous (see `resolve_place`)."""
        for key in (name_key(text), ascii_key(text)):
            found = self._place.get(_PLACE_PREFIX.sub("", key), [])
            if province_code is not None:
                found = [p for p in found if p.province_code == province_code]
            if len({(p.name, p.province_code) for p in found}) == 1:
                return found[0]
        res = self.resolve_place(text, province_code)
        return place_of(res.match.place) if res.status == "found" and res.match else None

    def resolve_place(
        self, text: str, province_code: str | None = None, context: tuple[str, ...] = ()
    ) -> gaz.Resolution:
        """The gazetteer's answer for a district or commune in the 63-province scheme, with its candidates when
        ambiguous. `province_code` (scheme 63) filters."""
        res = self.gazetteer.resolve(text, on=OLD_DAY, context=context, within=province_code)
        if res.status == "unknown" or (res.match is not None and res.match.level == "province"):
            return res if res.status != "found" else gaz.Resolution("unknown", query=res.query)
        return res

    def unit(self, scheme: Scheme, code: str) -> Unit | None:
        if not hasattr(self, "_units"):  # built once: a lookup per place named must not filter a frame each time
            self._units = {
                (sc, c): Unit(sc, c, n) for sc, c, n in self.units.select("scheme", "code", "name_vi").iter_rows()
            }
        return self._units.get((scheme, code))

    def name(self, scheme: Scheme, code: str | None) -> str:
        """The Vietnamese name of a unit, for display; the code itself only if it is not in the registry."""
        unit = self.unit(scheme, code) if code is not None else None
        return unit.name_vi if unit else (code or "")


def place_of(unit: gaz.Place) -> Place:
    """A gazetteer district or commune as a registry Place (its level in the data contract's words)."""
    return Place(unit.name, _LEVEL_OF_TYPE.get(unit.type, "commune"), unit.province_code)
