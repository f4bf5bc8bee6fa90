"""The filter every page, export and link shares: provinces, years, scheme. Pure functions, no Streamlit.

- `Filter` and its defaults (`data_years`, `default_scheme`);
- links: the filter ⇄ URL query parameters `tinh`, `nam`, `ranh_gioi`, `lang` (`parse`, `query`); a bad link never
  fails: each wrong part is dropped or corrected, and a note says what was done;
- `filter_label`: the filter as every page and export states it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from .i18n import LANGS, t
from .model import NEW_SCHEME, OLD_SCHEME, Catalog, Scheme, scheme_on

FIRST_YEAR, LAST_YEAR = 2008, 2026
PARAMS = ("tinh", "nam", "ranh_gioi", "lang")
IGNORED = ("embed", "embed_options", "trinh_chieu")  # Streamlit's own, and presentation mode
Note = tuple[str, tuple[tuple[str, str], ...]]  # (i18n key, placeholder values)


@dataclass(frozen=True)
class Filter:
    """The view every page shows: provinces (codes in `scheme`; empty = all), an inclusive year range, a scheme."""

    provinces: tuple[str, ...] = ()
    years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)
    scheme: Scheme = OLD_SCHEME
    notes: tuple[Note, ...] = field(default=(), compare=False)  # what was corrected when the filter was parsed

    @property
    def start(self) -> dt.date:
        return dt.date(self.years[0], 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.years[1], 12, 31)


def default_scheme(years: tuple[int, int]) -> Scheme:
    """The scheme in force at the end of the range's first year: 63 for ranges that start before the merger."""
    return scheme_on(dt.date(years[0], 12, 31))


def data_years(catalog: Catalog) -> tuple[int, int]:
    """The years the data covers: the default year range of the filter in the app and on the command line."""
    years = pl.concat([catalog.visits.select(pl.col("date_start").dt.year().alias("y")),
                       catalog.observations.select(pl.col("period_end").dt.year().alias("y"))])["y"]
    if years.is_empty():
        return FIRST_YEAR, LAST_YEAR
    return max(int(years.min()), FIRST_YEAR), min(int(years.max()), LAST_YEAR)


def years_label(years: tuple[int, int]) -> str:
    return f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0])


def province_names(catalog: Catalog, flt: Filter) -> list[str]:
    """Names of the filter's provinces in its scheme, in the filter's order; a code not in the registry as itself."""
    names = dict(catalog.units.filter(pl.col("scheme") == flt.scheme).select("code", "name_vi").iter_rows())
    return [names.get(code, code) for code in flt.provinces]


def filter_label(catalog: Catalog, flt: Filter, lang: str = "vi") -> str:
    """"Lạng Sơn; 2021–2024; 63 tỉnh (trước 1/7/2025)": the filter as every export and page states it."""
    names = ", ".join(province_names(catalog, flt)) or t("filter_all_provinces", lang)
    return f"{names}; {years_label(flt.years)}; {t('scheme_' + flt.scheme, lang)}"


# ---------------------------------------------------------------- links

def _note(key: str, **values: object) -> Note:
    return key, tuple((k, str(v)) for k, v in values.items())


def parse(params: Mapping[str, str | Sequence[str]], units: pl.DataFrame,
          default_years: tuple[int, int]) -> tuple[Filter, str]:
    """The filter and language a link asks for, with notes on whatever had to be corrected."""
    notes: list[Note] = []

    def values(name: str) -> list[str]:
        raw = params.get(name, [])
        items = [raw] if isinstance(raw, str) else list(raw)
        return [part.strip() for item in items for part in item.split(",") if part.strip()]

    for name in params:
        if name not in PARAMS and name not in IGNORED:
            notes.append(_note("bad_param", value=name))

    years = default_years
    if values("nam"):
        text = values("nam")[0]
        match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text)
        first, last = (int(match[1]), int(match[2] or match[1])) if match else (0, 0)
        if match and FIRST_YEAR <= first <= last <= LAST_YEAR:
            years = (first, last)
        else:
            notes.append(_note("bad_years", value=text, start=default_years[0], end=default_years[1]))

    scheme = default_scheme(years)
    if values("ranh_gioi"):
        text = values("ranh_gioi")[0]
        if text in (OLD_SCHEME, NEW_SCHEME):
            scheme = text
        else:
            notes.append(_note("bad_scheme", value=text, scheme=scheme))

    lang = LANGS[0]
    if values("lang"):
        text = values("lang")[0]
        if text in LANGS:
            lang = text
        else:
            notes.append(_note("bad_lang", value=text))

    provinces: list[str] = []
    for code in values("tinh"):
        other = OLD_SCHEME if scheme == NEW_SCHEME else NEW_SCHEME
        mapped = [code] if _is_unit(code, scheme, units) else convert_codes([code], other, scheme, units)
        if mapped:
            provinces.extend(c for c in mapped if c not in provinces)
        else:
            notes.append(_note("bad_province", value=code))
    return Filter(provinces=tuple(provinces), years=years, scheme=scheme, notes=tuple(notes)), lang


def _is_unit(code: str, scheme: Scheme, units: pl.DataFrame) -> bool:
    return units.filter((pl.col("scheme") == scheme) & (pl.col("code") == code)).height == 1


def convert_codes(codes: Sequence[str], from_scheme: Scheme, to_scheme: Scheme, units: pl.DataFrame) -> list[str]:
    """Province codes carried from one scheme to the other: an old unit → the unit it merged into; a new unit →
    every old unit merged into it. Unknown codes are dropped."""
    if from_scheme == to_scheme:
        return [c for c in codes if _is_unit(c, to_scheme, units)]
    old = units.filter(pl.col("scheme") == OLD_SCHEME)
    if from_scheme == OLD_SCHEME:
        found = old.filter(pl.col("code").is_in(list(codes)))["new_code"]
    else:
        found = old.filter(pl.col("new_code").is_in(list(codes)))["code"]
    return list(dict.fromkeys(found.to_list()))


def query(flt: Filter, lang: str, default_years: tuple[int, int]) -> dict[str, str | list[str]]:
    """The query parameters that reopen this view; defaults are left out to keep links short."""
    params: dict[str, str | list[str]] = {}
    if flt.provinces:
        params["tinh"] = list(flt.provinces)
    if flt.years != default_years:
        params["nam"] = years_label(flt.years).replace("–", "-")
    if flt.scheme != default_scheme(flt.years):
        params["ranh_gioi"] = flt.scheme
    if lang != "vi":
        params["lang"] = lang
    return params
