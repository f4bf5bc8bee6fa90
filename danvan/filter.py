"""The filter every page, export and link shares: provinces, years, scheme. Pure functions, no Streamlit.

- `Filter` and its defaults (`data_years`, `default_scheme`);
- links: the filter and the views' choices ⇄ URL query parameters (`SPECS`; `parse_link`, `parse`, `query`), read by
  one strict parser; a bad link never fails: each wrong part is dropped or corrected, and a note says what was done;
- `filter_label`: the filter as every page and export states it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from .i18n import LANGS, t
from .model import BODY_LEVELS, NEW_SCHEME, OLD_SCHEME, VISIT_KINDS, Catalog, Scheme, scheme_on
from .text import ascii_key, fold_space, nfc, slug

FIRST_YEAR, LAST_YEAR = 2008, 2026
Note = tuple[str, tuple[tuple[str, str], ...]]  # (i18n key, placeholder values)


@dataclass(frozen=True)
class Filter:
    """The view every page shows: provinces (codes in `scheme`; empty = all), an inclusive year range, a scheme;
    and which visits: the visiting bodies' levels, the kinds of visit, the visiting bodies (each empty = all)."""

    provinces: tuple[str, ...] = ()
    years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)
    scheme: Scheme = OLD_SCHEME
    levels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
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
    years = pl.concat(
        [
            catalog.visits.select(pl.col("date_start").dt.year().alias("y")),
            catalog.observations.select(pl.col("period_end").dt.year().alias("y")),
        ]
    )["y"]
    if years.is_empty():
        return FIRST_YEAR, LAST_YEAR
    first, last = years.min(), years.max()
    assert isinstance(first, int) and isinstance(last, int)  # a non-empty column of years
    return max(first, FIRST_YEAR), min(last, LAST_YEAR)


def years_label(years: tuple[int, int]) -> str:
    return f"{years[0]}–{years[1]}" if years[0] != years[1] else str(years[0])


def province_names(catalog: Catalog, flt: Filter) -> list[str]:
    """Names of the filter's provinces in its scheme, in the filter's order; a code not in the registry as itself."""
    names = dict(catalog.units.filter(pl.col("scheme") == flt.scheme).select("code", "name_vi").iter_rows())
    return [names.get(code, code) for code in flt.provinces]


def file_stem(catalog: Catalog, flt: Filter, name: str) -> str:
    """A downloaded file's name under the filter it holds, so that files of several filters stay apart in a folder:
    "cong-tac-dan-van-lang-son-2021-2024" (up to three provinces named, else their number)."""
    names = province_names(catalog, flt)
    places = [slug(n) for n in names] if len(names) <= 3 else [f"{len(names)}-tinh"]
    return "-".join(
        [name, *places, f"{flt.years[0]}-{flt.years[1]}" if flt.years[0] != flt.years[1] else str(flt.years[0])]
    )


def filter_label(catalog: Catalog, flt: Filter, lang: str = "vi") -> str:
    """ "Lạng Sơn; 2021–2024; 63 tỉnh (trước 1/7/2025)": the filter as every export and page states it."""
    names = ", ".join(province_names(catalog, flt)) or t("filter_all_provinces", lang)
    label = f"{names}; {years_label(flt.years)}; {t('scheme_' + flt.scheme, lang)}"
    visits = [
        ", ".join(t("level_" + x, lang) for x in flt.levels),
        ", ".join(t("kind_" + x, lang) for x in flt.kinds),
        ", ".join(flt.bodies),
    ]
    chosen = "; ".join(part for part in visits if part)
    # the choices narrow the events only: said so, lest "Cấp xã" be read over a province's figures
    return f"{label}; {t('filter_label_events', lang, choices=chosen)}" if chosen else label


# ---------------------------------------------------------------- links
#
# One strict parser reads every URL parameter, the filter's and the views' alike. A link is typed by anyone, so each
# value is matched whole against an ASCII pattern ("²".isdigit() is true, int("²") fails), lengths and counts are
# bounded before anything is looked up, and each kind of problem gives at most one note, naming a few values.


@dataclass(frozen=True)
class Param:
    """What one URL parameter may hold: `pattern` matched whole (ASCII; None = free text), `many` for a
    comma-separated list, `max_len` characters per value."""

    pattern: str | None
    many: bool = False
    max_len: int = 16


SPECS: dict[str, Param] = {
    # the filter
    "tinh": Param(r"[0-9]{2}", many=True, max_len=2),
    "nam": Param(r"[0-9]{4}(?:-[0-9]{4})?", max_len=9),
    "ranh_gioi": Param(r"63|34", max_len=2),
    "lang": Param("|".join(LANGS), max_len=2),
    "cap": Param("|".join(BODY_LEVELS), many=True),
    "loai": Param("|".join(VISIT_KINDS), many=True),
    "co_quan": Param(r"[a-z0-9]+(?:-[a-z0-9]+)*", many=True, max_len=120),
    # the views' own choices (components/view.py seeds each page's widget from them)
    "chi_tieu": Param(r"[A-Za-z0-9_.-]+", max_len=80),  # the compare page's indicator
    "tach": Param(r"1", max_len=1),  # … with its breakdowns
    "moi_nam": Param(r"1", max_len=1),  # … per year
    "to_mau": Param(r"visits|indicator", max_len=9),  # the map's colour mode
    "chi_tieu_ban_do": Param(r"[A-Za-z0-9_.-]+", max_len=80),  # the map's indicator
    "su_kien": Param(r"[A-Za-z0-9_.-]+", max_len=120),  # the timeline's chosen visit
    "trinh_chieu": Param(r"[1-9][0-9]{0,2}", max_len=3),  # presentation mode: the slide, from 1
    "tim": Param(None, max_len=100),  # the search page's words
    "tu_ngay": Param(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", max_len=10),  # "what changed since": the day
    "tat_ca": Param(r"1", max_len=1),  # recommendations: also those done or dropped
    "nguon": Param(r"[A-Za-z0-9_.-]+", max_len=80),  # the sources page's source
    "tim_vb": Param(None, max_len=100),  # the documents page's search words
}
PARAMS = tuple(SPECS)
FILTER_PARAMS = ("tinh", "nam", "ranh_gioi", "lang", "cap", "loai", "co_quan")
CHOICES = tuple(p for p in PARAMS if p not in FILTER_PARAMS)
FLAGS = ("tach", "moi_nam", "tat_ca")  # on/off choices: "1" in a link, True once read
IGNORED = ("embed", "embed_options")  # Streamlit's own
MAX_ITEMS = 100  # values read from one list parameter (there are 97 units in both schemes together)
MAX_NAMES = 40  # parameters looked at in one link
MAX_RAW = 4096  # characters of one value looked at (anything longer is refused all the same)
SHOWN = 3  # values a note names


@dataclass(frozen=True)
class Link:
    """What a link asks for: the filter, the language and the views' choices (parameter → value; the slide as an
    int), each already checked; `flt.notes` says what was dropped or corrected."""

    flt: Filter
    lang: str
    choices: dict[str, str | int | bool | dt.date]


def _note(key: str, **values: object) -> Note:
    return key, tuple((k, str(v)) for k, v in values.items())


def _shown(values: Sequence[str], total: int | None = None) -> str:
    """A few values as a note names them: each cut to 40 characters, and how many more there were."""
    cut = [v if len(v) <= 40 else v[:40] + "…" for v in values[:SHOWN]]
    more = (len(values) if total is None else total) - len(cut)
    return ", ".join(cut) + (f" … (+{more})" if more > 0 else "")


def _clean(text: str) -> str:
    """Free text from a link: NFC, no control characters, spaces folded."""
    return fold_space("".join(c for c in nfc(text) if c.isprintable() or c.isspace()))


def body_key(body: str) -> str:
    """The URL form of a visiting body's name: "Ban Dân vận Trung ương" → "ban-dan-van-trung-uong"."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_key(body)).strip("-")


@dataclass(frozen=True)
class Read:
    """The strict layer's result: each parameter's values of the right form, the values refused, and more."""

    good: dict[str, list[str]]
    bad: dict[str, list[str]]
    unknown: str | None  # the unknown parameter names, as a note names them
    crowded: list[str]  # parameters with more values than are read


def read(params: Mapping[str, str | Sequence[str]]) -> Read:
    """Every parameter checked for form only: names known, values matched whole, lengths and counts bounded."""
    names = list(params)
    unknown = [n for n in names[:MAX_NAMES] if n not in SPECS and n not in IGNORED]
    over = max(len(names) - MAX_NAMES, 0)
    good: dict[str, list[str]] = {}
    bad: dict[str, list[str]] = {}
    crowded: list[str] = []
    for name, spec in SPECS.items():
        raw = params.get(name)
        if raw is None:
            continue
        items = [raw] if isinstance(raw, str) else list(raw[: MAX_ITEMS + 1])
        parts = [p.strip() for item in items for p in (item[:MAX_RAW].split(",") if spec.many else [item[:MAX_RAW]])]
        parts = [p for p in parts if p]
        limit = MAX_ITEMS if spec.many else 1
        if len(parts) > limit:
            crowded.append(name)
            parts = parts[:limit]
        for part in parts:
            if spec.pattern is None:
                good.setdefault(name, []).append(_clean(part)[: spec.max_len])
            elif len(part) <= spec.max_len and re.fullmatch(spec.pattern, part, flags=re.ASCII):
                good.setdefault(name, []).append(part)
            else:
                bad.setdefault(name, []).append(part)
    good = {name: list(dict.fromkeys(items)) for name, items in good.items()}
    return Read(good, bad, _shown(unknown, len(unknown) + over) if unknown or over else None, crowded)


def parse_link(
    params: Mapping[str, str | Sequence[str]],
    units: pl.DataFrame,
    default_years: tuple[int, int],
    bodies: Sequence[str] = (),
) -> Link:
    """The filter, language and view choices a link asks for (`bodies`: the visiting bodies' names in the data,
    for `co_quan`), with at most one note per kind of problem on whatever had to be dropped or corrected."""
    found = read(params)
    good, bad = found.good, dict(found.bad)
    notes: list[Note] = []
    if found.unknown:
        notes.append(_note("bad_param", value=found.unknown))
    if found.crowded:
        notes.append(_note("too_many", value=", ".join(found.crowded), n=MAX_ITEMS))

    years = default_years
    if good.get("nam"):
        start, _, end = good["nam"][0].partition("-")
        if FIRST_YEAR <= int(start) <= int(end or start) <= LAST_YEAR:
            years = (int(start), int(end or start))
        else:
            bad["nam"] = good["nam"]
    if bad.get("nam"):
        notes.append(_note("bad_years", value=_shown(bad.pop("nam")), start=default_years[0], end=default_years[1]))
    scheme: Scheme = default_scheme(years)
    if good.get("ranh_gioi"):
        scheme = NEW_SCHEME if good["ranh_gioi"][0] == NEW_SCHEME else OLD_SCHEME
    if bad.get("ranh_gioi"):
        notes.append(_note("bad_scheme", value=_shown(bad.pop("ranh_gioi")), scheme=scheme))
    lang = good["lang"][0] if good.get("lang") else LANGS[0]
    if bad.get("lang"):
        notes.append(_note("bad_lang", value=_shown(bad.pop("lang"))))

    provinces: list[str] = []
    other = OLD_SCHEME if scheme == NEW_SCHEME else NEW_SCHEME
    for code in good.get("tinh", []):
        mapped = [code] if _is_unit(code, scheme, units) else convert_codes([code], other, scheme, units)
        provinces.extend(c for c in mapped if c not in provinces)
        if not mapped:
            bad.setdefault("tinh", []).append(code)
    if bad.get("tinh"):
        notes.append(_note("bad_province", value=_shown(bad.pop("tinh"))))

    known = {body_key(b): b for b in bodies}
    chosen = [known[k] for k in good.get("co_quan", []) if k in known]
    bad["co_quan"] = bad.get("co_quan", []) + [k for k in good.get("co_quan", []) if k not in known]
    day: dt.date | None = None
    if good.get("tu_ngay"):
        text = good.pop("tu_ngay")[0]
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:  # the form is right, the day is not (2024-02-30)
            day = None
        if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
            bad.setdefault("tu_ngay", []).append(text)
            day = None
    for name in PARAMS:
        if bad.get(name):
            notes.append(_note("bad_value", param=name, value=_shown(bad[name])))

    choices: dict[str, str | int | bool | dt.date] = {name: good[name][0] for name in CHOICES if good.get(name)}
    if day is not None:
        choices["tu_ngay"] = day
    for flag in FLAGS:
        if flag in choices:
            choices[flag] = True
    if "trinh_chieu" in choices:
        choices["trinh_chieu"] = int(good["trinh_chieu"][0])  # matched [1-9][0-9]{0,2}: 1..999
    elif bad.get("trinh_chieu"):
        choices["trinh_chieu"] = 1  # the slides were asked for: the first one, with the note
    flt = Filter(
        provinces=tuple(provinces),
        years=years,
        scheme=scheme,
        levels=tuple(good.get("cap", [])),
        kinds=tuple(good.get("loai", [])),
        bodies=tuple(chosen),
        notes=tuple(notes),
    )
    return Link(flt=flt, lang=lang, choices=choices)


def parse(
    params: Mapping[str, str | Sequence[str]],
    units: pl.DataFrame,
    default_years: tuple[int, int],
    bodies: Sequence[str] = (),
) -> tuple[Filter, str]:
    """The filter and language a link asks for, with notes on what had to be corrected (parse_link's filter)."""
    link = parse_link(params, units, default_years, bodies)
    return link.flt, link.lang


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


def query(
    flt: Filter,
    lang: str,
    default_years: tuple[int, int],
    choices: Mapping[str, str | int | bool | dt.date] | None = None,
) -> dict[str, str | list[str]]:
    """The query parameters that reopen this view (the filter, then the page's `choices`, each parameter → value);
    defaults are left out to keep links short."""
    params: dict[str, str | list[str]] = {}
    if flt.provinces:
        params["tinh"] = list(flt.provinces)
    if flt.years != default_years:
        params["nam"] = years_label(flt.years).replace("–", "-")
    if flt.scheme != default_scheme(flt.years):
        params["ranh_gioi"] = flt.scheme
    if lang != "vi":
        params["lang"] = lang
    for name, values in (("cap", flt.levels), ("loai", flt.kinds), ("co_quan", [body_key(b) for b in flt.bodies])):
        if values:
            params[name] = list(values)
    for name, value in (choices or {}).items():
        if name in CHOICES and value not in (None, ""):
            params[name] = "1" if value is True else str(value)
    return params
