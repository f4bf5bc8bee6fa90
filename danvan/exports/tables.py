"""Tables for people: the filtered visits and observations with translated headers, as CSV and Excel files."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from .. import queries
from ..filter import Filter
from ..i18n import name_column, t, value_texts
from ..model import BODY_LEVELS, DATE_PRECISIONS, VISIT_KINDS, Catalog

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook

STEMS = ("su-kien", "so-lieu", "nguon")  # file-name suffixes of the tables of sheets(), in its order


def _labels(prefix: str, keys: tuple[str, ...], lang: str) -> dict[str, str]:
    return {k: t(prefix + k, lang) for k in keys}


def source_labels(sources: pl.DataFrame, lang: str = "vi") -> dict[str, str]:
    """Each source id as people recognise the source: "title — publisher (dd/mm/yyyy)", the parts it has."""
    rows = sources.select(
        "source_id",
        pl.concat_str(
            [
                queries.source_name(lang),
                pl.when(pl.col("title").is_not_null()).then(pl.col("publisher")),
            ],
            separator=" — ",
            ignore_nulls=True,
        ).alias("name"),
        pl.col("published").str.split("-").list.reverse().list.join("/").alias("date"),
    )
    return {source_id: f"{name} ({date})" if date else name for source_id, name, date in rows.iter_rows()}


def _named(column: str, labels: dict[str, str]) -> pl.Expr:
    return pl.col(column).replace_strict(labels, default=pl.col(column), return_dtype=pl.String)


def _places(catalog: Catalog | None, lang: str, labels: pl.DataFrame | None) -> pl.DataFrame:
    if labels is not None:
        return labels
    if catalog is None:
        return pl.DataFrame(schema={"name": pl.String, "label": pl.String})
    return queries.place_label_frame(catalog.places, lang)


def visit_table(
    frame: pl.DataFrame, lang: str = "vi", catalog: Catalog | None = None, *, labels: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Visits with translated headers and labels; dates stay dates so that files sort and filter properly.

    With the catalog, sources are named by title, publisher and date, and districts and communes with their kind
    ("thành phố Bắc Kạn"; `labels`, queries.place_label_frame made once per catalog, spares making them again); the
    source id stays, last, to join with the sources table."""
    places = _places(catalog, lang, labels)
    sources = source_labels(catalog.sources, lang) if catalog is not None else {}
    return frame.select(
        pl.col("date_start").alias(t("date", lang)),
        # the last day of a visit of several ("30–31/05/2017"; empty for one day)
        pl.when(pl.col("date_end") != pl.col("date_start")).then(pl.col("date_end")).alias(t("date_end", lang)),
        # beside the day, whether the source gave it: an estimated day is never read as a stated one
        pl.col("date_precision")
        .replace_strict(_labels("precision_", DATE_PRECISIONS, lang))
        .alias(t("cur_col_date_precision", lang)),
        pl.col("kind").replace_strict(_labels("kind_", VISIT_KINDS, lang)).alias(t("kind", lang)),
        pl.col("body_level").replace_strict(_labels("level_", BODY_LEVELS, lang)).alias(t("level", lang)),
        pl.col("body").alias(t("body", lang)),
        pl.concat_str([pl.col("leader_name"), pl.col("leader_title")], separator=", ").alias(t("leader", lang)),
        queries.unit_name(lang).alias(t("province", lang)),  # "Ninh Bình (trước đây: Hà Nam)": never the new alone
        queries.place_names(frame, pl.col("district"), places).alias(t("district", lang)),
        queries.place_names(frame, pl.col("commune"), places).alias(t("commune", lang)),
        pl.col("documents").list.join(", ").alias(t("documents_short", lang)),
        pl.col("summary").alias(t("summary", lang)),
        _named("source_id", sources).alias(t("source", lang)),
        pl.col("quote").alias(t("quote", lang)),
        pl.col("source_id").alias(t("export_source_id", lang)),
    )


def observation_table(
    frame: pl.DataFrame, lang: str = "vi", catalog: Catalog | None = None, *, labels: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Observations with translated headers; values stay numbers, and a value that contradicts its own ratio is
    flagged in the column beside it (queries.with_ratio_flag). Names as in visit_table."""
    places = _places(catalog, lang, labels)
    sources = source_labels(catalog.sources, lang) if catalog is not None else {}
    return queries.with_ratio_flag(frame, lang).select(
        pl.col(name_column(lang)).alias(t("indicator", lang)),
        queries.unit_name(lang).alias(t("province", lang)),  # "Ninh Bình (trước đây: Hà Nam)": never the new alone
        queries.place_names(frame, pl.col("district"), places).alias(t("district", lang)),
        queries.place_names(frame, pl.col("commune"), places).alias(t("commune", lang)),
        pl.col("period_start").alias(f"{t('period', lang)} ({t('period_from', lang)})"),
        pl.col("period_end").alias(f"{t('period', lang)} ({t('period_to', lang)})"),
        pl.col("qualifier").replace(value_texts(lang)).alias(t("qualifier", lang)),  # "hơn" | 9500: read together
        pl.col("value").alias(t("value", lang)),
        pl.col("ratio_note").alias(t("ratio_check", lang)),
        pl.col("unit")  # the values stay whole: money in đồng, not in the tỷ the pages write it in
        .replace_strict(_labels("unit_", ("count", "percent", "average"), lang) | {"vnd": t("unit_dong", lang)})
        .alias(t("unit", lang)),
        pl.col("numerator").alias(t("numerator", lang)),
        pl.col("denominator").alias(t("denominator", lang)),
        pl.col("status")
        .replace_strict(_labels("status_", ("reported", "estimated", "target"), lang))
        .alias(t("status", lang)),
        pl.col("breakdown").replace(value_texts(lang)).alias(t("breakdown", lang)),
        _named("source_id", sources).alias(t("source", lang)),
        pl.col("quote").alias(t("quote", lang)),
        pl.col("source_id").alias(t("export_source_id", lang)),
    )


def source_table(catalog: Catalog, used: pl.Series, lang: str = "vi") -> pl.DataFrame:
    """The sources of `used` (source ids), title first; `published` stays ISO text (partial dates are allowed:
    "2021-12"), which the Excel file writes as a date where it is a whole one."""
    return catalog.sources.filter(pl.col("source_id").is_in(used.implode())).select(
        queries.source_name(lang).alias(t("title", lang)),  # an untitled one by where it was published
        pl.col("publisher").alias(t("publisher", lang)),
        pl.col("published").alias(t("published", lang)),
        pl.col("url").alias(t("link", lang)),
        pl.col("author").alias(t("author", lang)),
        pl.col("source_id").alias(t("export_source_id", lang)),
    )


def sheets(
    catalog: Catalog, visits: pl.DataFrame, observations: pl.DataFrame, lang: str = "vi"
) -> dict[str, pl.DataFrame]:
    """The tables a user downloads, from the filter's visits and observations, keyed by sheet name (in STEMS order);
    the sources those rows quote, not every source of the catalog."""
    used = pl.concat([visits["source_id"], observations["source_id"]])
    return {
        t("data_visits", lang): visit_table(visits, lang, catalog),
        t("data_observations", lang): observation_table(observations, lang, catalog),
        t("sources", lang): source_table(catalog, used, lang),
    }


def tables(catalog: Catalog, flt: Filter, lang: str = "vi") -> dict[str, pl.DataFrame]:
    """The filtered tables a user downloads, keyed by sheet name."""
    return sheets(catalog, queries.visits(catalog, flt), queries.observations(catalog, flt), lang)


@dataclass(frozen=True)
class Tables:
    """The tables of a filter and what every table file states about itself."""

    sheets: dict[str, pl.DataFrame]  # from sheets(), in its order
    filter_label: str
    version: str
    made: dt.date
    lang: str = "vi"


FORMULA_START = r"^[=+\-@\t\r]"  # what makes a spreadsheet read a text cell as a formula (OWASP: CSV injection)


def _csv_column(name: str, dtype: pl.DataType) -> pl.Expr:
    """One column for machines: text that could run as a formula gets a leading ' (OWASP), whole numbers lose
    their ".0", dates are ISO; see the convention in csv_files."""
    column = pl.col(name)
    if dtype == pl.String:
        return pl.when(column.str.contains(FORMULA_START)).then(pl.lit("'") + column).otherwise(column).alias(name)
    if dtype.is_float():
        whole = (column == column.round(0)) & (column.abs() < 1e15)
        return pl.when(whole).then(column.cast(pl.Int64).cast(pl.String)).otherwise(column.cast(pl.String)).alias(name)
    return column


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly), values machine-readable: 1145 and
    81.77, dates 2024-04-25, text never a formula."""
    text = frame.select(_csv_column(name, dtype) for name, dtype in frame.schema.items())
    return b"\xef\xbb\xbf" + text.write_csv(date_format="%Y-%m-%d").encode("utf-8")


# Excel number formats are stored locale-independent ("," thousands, "." decimals) and shown in the reader's
# locale: 1.145 and 81,77 on a Vietnamese computer.
INTEGER_FORMAT, DATE_FORMAT = "#,##0", "dd/mm/yyyy"
ISO_DAY, ISO_MONTH = re.compile(r"\d{4}-\d{2}-\d{2}"), re.compile(r"(\d{4})-(\d{2})")


def _decimals(value: float) -> int:
    """Decimal places a value needs, at most two (as fmt.number shows it)."""
    return next((n for n in (0, 1) if round(value, n) == round(value, 6)), 2)


def _write_sheet(workbook: Workbook, name: str, frame: pl.DataFrame) -> None:
    """One table: a bold frozen header with a filter, text always written as text (never a formula or a link),
    numbers as numbers in a Vietnamese-readable format, dates (and whole ISO dates in text) as dates, a month alone
    ("2021-12") as the pages write it, 12/2021."""
    sheet = workbook.add_worksheet(name[:31])
    header = workbook.add_format({"bold": True, "bg_color": "#F1ECE8", "text_wrap": True, "valign": "top"})
    formats = {n: workbook.add_format({"num_format": "#,##0" + ("." + "0" * n if n else "")}) for n in range(3)}
    day = workbook.add_format({"num_format": DATE_FORMAT, "align": "left"})
    month_text = workbook.add_format({"align": "left"})
    widths = []
    for c, (column, dtype) in enumerate(frame.schema.items()):
        sheet.write_string(0, c, column, header)
        width = len(column)
        for r, value in enumerate(frame[column], start=1):
            if value is None:
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), day)
                width = max(width, 10)
            elif dtype.is_numeric():
                number = float(value)
                sheet.write_number(r, c, number, formats[_decimals(number)])
                width = max(width, len(f"{number:,.2f}"))
            elif isinstance(value, str) and ISO_DAY.fullmatch(value):
                sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), day)
                width = max(width, 10)
            elif isinstance(value, str) and (month := ISO_MONTH.fullmatch(value)):  # a month alone: 12/2021, as shown
                sheet.write_string(r, c, f"{month[2]}/{month[1]}", month_text)
                width = max(width, 10)
            else:
                sheet.write_string(r, c, str(value))
                width = max(width, len(str(value)))
        widths.append(min(width + 2, 60))
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(frame.height, 1), max(frame.width - 1, 0))


def _about(filter_label: str, version: str, made: dt.date, lang: str, *extra: tuple[str, str]) -> pl.DataFrame:
    """What a file states about itself: the filter, the data version, the day it was made."""
    items = [
        (t("report_filter", lang), filter_label),
        (t("report_version", lang), version),
        (t("export_made_on", lang), made.strftime("%d/%m/%Y")),
        *extra,
    ]
    return pl.DataFrame(items, schema=[t("export_about_item", lang), t("export_about_value", lang)], orient="row")


def excel_bytes(
    sheets: dict[str, pl.DataFrame], *, filter_label: str, version: str, made: dt.date | None = None, lang: str = "vi"
) -> bytes:
    """One workbook: a first sheet stating the filter, then a sheet per table (_write_sheet)."""
    made = made or dt.date.today()
    buffer = io.BytesIO()
    import xlsxwriter  # imported here: only downloads need it

    # strings_to_*: xlsxwriter's write() would turn "=…" into a formula and "https://…" into a link; _write_sheet
    # writes text with write_string, and these stay off in case a later change calls write().
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(buffer, options) as workbook:
        _write_sheet(workbook, t("export_about_sheet", lang), _about(filter_label, version, made, lang))
        for name, frame in sheets.items():
            _write_sheet(workbook, name, frame)
    return buffer.getvalue()


def csv_files(tables: Tables) -> dict[str, bytes]:
    """One CSV per table and one stating the filter and the CSV convention, keyed by file-name suffix."""
    lang = tables.lang
    about = _about(
        tables.filter_label,
        tables.version,
        tables.made,
        lang,
        (t("export_csv_convention", lang), t("export_csv_convention_text", lang)),
    )
    frames = (*tables.sheets.values(), about)
    return {suffix: csv_bytes(frame) for suffix, frame in zip((*STEMS, "thong-tin"), frames, strict=True)}


def excel_files(tables: Tables) -> dict[str, bytes]:
    """The one workbook (excel_bytes), under the empty suffix."""
    return {
        "": excel_bytes(
            tables.sheets, filter_label=tables.filter_label, version=tables.version, made=tables.made, lang=tables.lang
        )
    }
