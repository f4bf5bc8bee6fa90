"""Shared links: the filter ⇄ URL query parameters `tinh`, `nam`, `ranh_gioi`, `lang`. Pure functions, no Streamlit.

A bad link never fails: each wrong part is dropped or corrected, and a note says what was done."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import polars as pl

from .queries import FIRST_YEAR, LAST_YEAR, Filter, default_scheme

PARAMS = ("tinh", "nam", "ranh_gioi", "lang")
IGNORED = ("embed", "embed_options", "trinh_chieu")  # Streamlit's own, and presentation mode
Note = tuple[str, tuple[tuple[str, str], ...]]  # (i18n key, placeholder values)


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
        if text in ("63", "34"):
            scheme = text
        else:
            notes.append(_note("bad_scheme", value=text, scheme=scheme))

    lang = "vi"
    if values("lang"):
        text = values("lang")[0]
        if text in ("vi", "en"):
            lang = text
        else:
            notes.append(_note("bad_lang", value=text))

    provinces: list[str] = []
    for code in values("tinh"):
        mapped = convert_codes([code], "63" if scheme == "34" else "34", scheme, units) if not _is_unit(
            code, scheme, units) else [code]
        if mapped:
            provinces.extend(c for c in mapped if c not in provinces)
        else:
            notes.append(_note("bad_province", value=code))
    return Filter(provinces=tuple(provinces), years=years, scheme=scheme, notes=tuple(notes)), lang


def _is_unit(code: str, scheme: str, units: pl.DataFrame) -> bool:
    return units.filter((pl.col("scheme") == scheme) & (pl.col("code") == code)).height == 1


def convert_codes(codes: Sequence[str], from_scheme: str, to_scheme: str, units: pl.DataFrame) -> list[str]:
    """Province codes carried from one scheme to the other: an old unit → the unit it merged into; a new unit →
    every old unit merged into it. Unknown codes are dropped."""
    if from_scheme == to_scheme:
        return [c for c in codes if _is_unit(c, to_scheme, units)]
    old = units.filter(pl.col("scheme") == "63")
    if from_scheme == "63":
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
        params["nam"] = f"{flt.years[0]}-{flt.years[1]}" if flt.years[0] != flt.years[1] else str(flt.years[0])
    if flt.scheme != default_scheme(flt.years):
        params["ranh_gioi"] = flt.scheme
    if lang != "vi":
        params["lang"] = lang
    return params
