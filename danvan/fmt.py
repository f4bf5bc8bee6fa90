"""Vietnamese (and English) number and date formatting: 1.973 — 81,77% — 15,75 — 25/04/2024."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

import polars as pl

from .i18n import t, value_text, value_texts
from .model import DatePrecision, Unit

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def number(value: float | int | None, decimals: int | None = None, lang: str = "vi") -> str:
    """1973 → "1.973"; 15.75 → "15,75"; 81.77 → "81,77". Trailing zeros are dropped unless decimals is given."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    thousands, decimal = _SEPARATORS[lang]
    if decimals is None:
        decimals = 0 if float(value).is_integer() else min(2, _decimals_needed(float(value)))
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _decimals_needed(value: float) -> int:
    for n in range(1, 3):
        if round(value, n) == round(value, 6):
            return n
    return 2


def percent(value: float | None, decimals: int | None = None, lang: str = "vi") -> str:
    """81.77 → "81,77%"."""
    return "—" if value is None else number(value, decimals, lang) + "%"


def value(value: float | None, unit: Unit, lang: str = "vi", qualifier: str | None = None) -> str:
    """An indicator value in its unit: percent gets "%", money in VND is shown in tỷ/billion; after the source's
    qualifier when it has one ("hơn 9.500", "gần 5 tỷ đồng")."""
    if value is None:
        return "—"
    text = _unit_value(value, unit, lang)
    return f"{value_text(qualifier, lang)} {text}" if qualifier else text


def _unit_value(value: float, unit: Unit, lang: str) -> str:
    if unit == "percent":
        return percent(value, lang=lang)
    if unit == "vnd":
        return number(value / 1e9, lang=lang) + (" tỷ đồng" if lang == "vi" else " billion VND")
    return number(value, lang=lang)


def date(day: dt.date | None, precision: DatePrecision = "day") -> str:
    """dd/mm/yyyy; mm/yyyy or yyyy when only the month or year is known; ~dd/mm/yyyy when the day is an estimate
    (never shown as if the source gave it)."""
    if day is None:
        return "—"
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.month:02d}/{day.year}"
    return ("~" if precision == "approximate" else "") + f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_time(value: str) -> str:
    """A stored ISO time as the interface shows it, dd/mm/yyyy HH:MM (the stored value when it is not a time)."""
    try:
        return dt.datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return value


def partial_date(value: str | None) -> str:
    """A partial ISO date as the contract allows it ("2024", "2021-12", "2024-04-25") in Vietnamese order."""
    return "/".join(reversed(value.split("-"))) if value else "—"


def parse_partial_date(text: str) -> str:
    """What a curator types back into the partial ISO date: "08/12/2023" → "2023-12-08", "12/2023" → "2023-12",
    "2023" → "2023" (ISO as stored is taken as it is); ValueError for anything else or a day that does not exist."""
    parts = text.strip().split("/")
    if len(parts) == 1 and (iso := text.strip()) and iso[:4].isdigit():
        parts = list(reversed(iso.split("-")))
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[-1]) != 4:
        raise ValueError(text)
    numbers = [int(p) for p in parts]  # day, month, year; month, year; or year
    year, month, day = numbers[-1], numbers[-2] if len(numbers) > 1 else 1, numbers[0] if len(numbers) == 3 else 1
    dt.date(year, month, day)  # raises on 31/02 or month 13
    return "-".join([f"{year:04d}", *(f"{n:02d}" for n in reversed(numbers[:-1]))])


def typed_period(value: str | None) -> str:
    """A stored period ("2024", "2021-2023", "2024-04-25", "2024-01-01..2024-06-30") as a curator types it: years as
    they are, days in Vietnamese order ("25/04/2024", "01/01/2024 - 30/06/2024")."""
    if not value:
        return ""
    days = value.split("..")
    if len(days) == 2 or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return " - ".join(partial_date(day) for day in days)
    return value


def parse_period(text: str) -> str:
    """What a curator types into a period, as stored: "2024" (and "năm 2024"), "2021-2023" (or "2021–2023"),
    "25/04/2024" (a stock counted to that day), "01/01/2024 - 30/06/2024"; ISO as stored is taken as it is.
    ValueError for anything else, a day that does not exist, or an end before the start."""
    text = re.sub(r"^(?:năm|kỳ)\s+", "", text.strip(), flags=re.IGNORECASE).replace("–", "-")
    if re.fullmatch(r"\d{4}", text):
        return text
    if years := re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", text):
        if years[1] > years[2]:
            raise ValueError(text)
        return f"{years[1]}-{years[2]}"
    days = [part.strip() for part in re.split(r"\.\.|\s+-\s+", text)]
    parsed = [parse_partial_date(day) for day in days]
    if len(parsed) > 2 or any(len(day) != 10 for day in parsed) or (len(parsed) == 2 and parsed[0] > parsed[1]):
        raise ValueError(text)  # a period of days has whole days; a month alone is no period of the contract
    return "..".join(parsed)


def period(start: dt.date | None, end: dt.date | None, lang: str = "vi") -> str:
    """A period as people write it: "2023", "2021–2023" for whole years, "đến 25/04/2024" for one day (the data
    contract's stock counted to that day), else "dd/mm/yyyy–dd/mm/yyyy"."""
    if start is None or end is None:
        return "—"
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_years:
        return f"{start.year}" if start.year == end.year else f"{start.year}–{end.year}"
    if start == end:
        return t("period_until", lang, date=date(start))
    return f"{date(start)}–{date(end)}"


# --- the same as Polars expressions, for whole columns ---------------------------------------------------------


def date_expr(column: str, precision: str | None = None) -> pl.Expr:
    """fmt.date over a Date column: dd/mm/yyyy, or after a precision column (day | month | year | approximate).

    A missing date stays null (a table shows an empty cell) where fmt.date writes "—"."""
    day = pl.col(column).dt.strftime("%d/%m/%Y")
    if precision is not None:
        day = (
            pl.when(pl.col(precision) == "year")
            .then(pl.col(column).dt.strftime("%Y"))
            .when(pl.col(precision) == "month")
            .then(pl.col(column).dt.strftime("%m/%Y"))
            .when(pl.col(precision) == "approximate")
            .then(pl.lit("~") + day)
            .otherwise(day)
        )
    return day.alias(column)


def visit_date(visit: Mapping[str, Any]) -> str:
    """When a visit (a row with date_start, date_end, date_precision) took place, as visit_date_expr writes it
    ("30–31/05/2017", "~01–02/2020"); "—" when unknown."""
    if visit["date_start"] is None:
        return "—"
    row = pl.DataFrame({k: [visit[k]] for k in ("date_start", "date_end", "date_precision")})
    return row.select(visit_date_expr()).item()


def visit_date_expr(start: str = "date_start", end: str = "date_end", precision: str = "date_precision") -> pl.Expr:
    """When a visit took place, its whole span in its precision: "27/05/2020", "30–31/05/2017", "28/11–02/12/2019",
    "05/2020", "2020"; an estimate marked "~" ("~28/05/2020"), and an estimate of whole months in months
    ("~01–02/2020", never "~01/01/2020" as if its first day were known). A missing end is the start."""
    first, last, kind = pl.col(start), pl.col(end).fill_null(pl.col(start)), pl.col(precision)
    same_year = first.dt.year() == last.dt.year()
    same_month = same_year & (first.dt.month() == last.dt.month())

    def span(whole: str, short: str, same: pl.Expr) -> pl.Expr:  # "30–31/05/2017", "28/11/2019–02/01/2020"
        return (
            pl.when(same)
            .then(pl.concat_str([first.dt.strftime(short), last.dt.strftime(whole)], separator="–"))
            .otherwise(pl.concat_str([first.dt.strftime(whole), last.dt.strftime(whole)], separator="–"))
        )

    years = pl.when(same_year).then(first.dt.strftime("%Y")).otherwise(span("%Y", "%Y", pl.lit(False)))
    months = pl.when(same_month).then(first.dt.strftime("%m/%Y")).otherwise(span("%m/%Y", "%m", same_year))
    days = (
        pl.when(first == last)
        .then(first.dt.strftime("%d/%m/%Y"))
        .when(same_month)
        .then(span("%d/%m/%Y", "%d", pl.lit(True)))
        .otherwise(span("%d/%m/%Y", "%d/%m", same_year))
    )
    whole_months = (first.dt.day() == 1) & (last == last.dt.month_end()) & (first != last)
    text = (
        pl.when(kind == "year")
        .then(years)
        .when((kind == "month") | ((kind == "approximate") & whole_months))
        .then(months)
        .otherwise(days)
    )
    return pl.when(kind == "approximate").then(pl.lit("~") + text).otherwise(text).alias(start)


def period_expr(start: str = "period_start", end: str = "period_end", lang: str = "vi") -> pl.Expr:
    """fmt.period over two Date columns ("2021–2023", "2023", "đến 25/04/2024"); null when either is missing."""
    first, last = pl.col(start), pl.col(end)
    before, after = t("period_until", lang, date="\0").split("\0")
    whole = (first.dt.month() == 1) & (first.dt.day() == 1) & (last.dt.month() == 12) & (last.dt.day() == 31)
    first_year, last_year = first.dt.year().cast(pl.String), last.dt.year().cast(pl.String)
    return (
        pl.when(whole & (first_year == last_year))
        .then(first_year)
        .when(whole)
        .then(pl.concat_str([first_year, last_year], separator="–"))
        .when(first == last)
        .then(pl.concat_str([pl.lit(before), date_expr(end), pl.lit(after)]))
        .otherwise(pl.concat_str([date_expr(start), date_expr(end)], separator="–"))
        .alias("period")
    )


def number_expr(column: str, decimals: int = 2, lang: str = "vi") -> pl.Expr:
    """Polars expression formatting a numeric column the Vietnamese way, without Python loops.

    Integers get thousands separators; fractions keep up to `decimals` places with trailing zeros dropped."""
    thousands, decimal = _SEPARATORS[lang]
    col = pl.col(column).cast(pl.Float64)
    rounded = col.round(decimals)
    whole = rounded.abs().floor().cast(pl.Int64).cast(pl.String)
    # Insert thousands separators: reverse, group by three, reverse back.
    grouped = (
        whole.str.reverse()
        .str.replace_all(r"(\d{3})", r"$1" + thousands)
        .str.reverse()
        .str.strip_chars_start(thousands)
    )
    frac = (
        ((rounded.abs() - rounded.abs().floor()) * 10**decimals)
        .round(0)
        .cast(pl.Int64)
        .cast(pl.String)
        .str.zfill(decimals)
        .str.strip_chars_end("0")
    )
    sign = pl.when(rounded < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    text = pl.concat_str(
        [sign, grouped, pl.when(frac.str.len_chars() > 0).then(pl.lit(decimal) + frac).otherwise(pl.lit(""))]
    )
    return pl.when(col.is_null()).then(pl.lit("—")).otherwise(text).alias(column)


def qualified_expr(text: pl.Expr, lang: str = "vi") -> pl.Expr:
    """A formatted value column after its row's `qualifier` ("hơn 9.500"), as fmt.value writes one value."""
    word = pl.col("qualifier").replace(value_texts(lang))
    return pl.when(pl.col("qualifier").is_null()).then(text).otherwise(pl.concat_str([word, text], separator=" "))
