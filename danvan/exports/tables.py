"""Tables for people: the filtered visits and observations with translated headers, as CSV and Excel files."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import polars as pl

from .. import queries
from ..filter import Filter
from ..i18n import name_column, t
from ..model import Catalog

STEMS = ("su-kien", "so-lieu", "nguon")  # file-name suffixes of the tables of sheets(), in its order


def _labels(prefix: str, keys: tuple[str, ...], lang: str) -> dict[str, str]:
    return {k: t(prefix + k, lang) for k in keys}


def visit_table(frame: pl.DataFrame, lang: str = "vi") -> pl.DataFrame:
    """Visits with translated headers and labels; dates stay dates so that files sort and filter properly."""
    return frame.select(
        pl.col("date_start").alias(t("date", lang)),
        pl.col("kind").replace_strict(_labels("kind_", ("khao_sat", "kiem_tra", "giam_sat", "lam_viec",
                                                        "hoi_nghi"), lang)).alias(t("kind", lang)),
        pl.col("body_level").replace_strict(_labels("level_", ("central", "province", "district"), lang))
        .alias(t("level", lang)),
        pl.col("body").alias(t("body", lang)),
        pl.concat_str([pl.col("leader_name"), pl.col("leader_title")], separator=", ").alias(t("leader", lang)),
        pl.col("display_name").alias(t("province", lang)),
        pl.col("district").alias(t("district", lang)),
        pl.col("commune").alias(t("commune", lang)),
        pl.col("documents").list.join(", ").alias(t("documents_short", lang)),
        pl.col("summary").alias(t("summary", lang)),
        pl.col("source_id").alias(t("source", lang)),
        pl.col("quote").alias(t("quote", lang)),
    )


def observation_table(frame: pl.DataFrame, lang: str = "vi") -> pl.DataFrame:
    """Observations with translated headers; values stay numbers."""
    return frame.select(
        pl.col(name_column(lang)).alias(t("indicator", lang)),
        pl.col("display_name").alias(t("province", lang)),
        pl.col("district").alias(t("district", lang)),
        pl.col("commune").alias(t("commune", lang)),
        pl.col("period_start").alias(f"{t('period', lang)} ({t('period_from', lang)})"),
        pl.col("period_end").alias(f"{t('period', lang)} ({t('period_to', lang)})"),
        pl.col("value").alias(t("value", lang)),
        pl.col("unit").replace_strict(_labels("unit_", ("count", "percent", "average", "vnd"), lang))
        .alias(t("unit", lang)),
        pl.col("numerator").alias(t("numerator", lang)),
        pl.col("denominator").alias(t("denominator", lang)),
        pl.col("status").replace_strict(_labels("status_", ("reported", "estimated", "target"), lang))
        .alias(t("status", lang)),
        pl.col("breakdown").alias(t("breakdown", lang)),
        pl.col("source_id").alias(t("source", lang)),
        pl.col("quote").alias(t("quote", lang)),
    )


def source_table(catalog: Catalog, lang: str = "vi") -> pl.DataFrame:
    return catalog.sources.select(
        pl.col("source_id").alias(t("source", lang)), pl.col("title").alias(t("title", lang)),
        pl.col("publisher").alias(t("publisher", lang)), pl.col("published").alias(t("published", lang)),
        pl.col("url").alias(t("link", lang)), pl.col("author").alias(t("author", lang)),
    )


def sheets(catalog: Catalog, visits: pl.DataFrame, observations: pl.DataFrame,
           lang: str = "vi") -> dict[str, pl.DataFrame]:
    """The tables a user downloads, from the filter's visits and observations, keyed by sheet name (in STEMS order)."""
    return {
        t("data_visits", lang): visit_table(visits, lang),
        t("data_observations", lang): observation_table(observations, lang),
        t("sources", lang): source_table(catalog, lang),
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


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens Vietnamese text correctly; dates as dd/mm/yyyy."""
    return b"\xef\xbb\xbf" + frame.write_csv(date_format="%d/%m/%Y").encode("utf-8")


def excel_bytes(sheets: dict[str, pl.DataFrame], *, filter_label: str, version: str,
                made: dt.date | None = None) -> bytes:
    """One workbook: a sheet per table with number and date formats, and a first sheet stating the filter."""
    made = made or dt.date.today()
    buffer = io.BytesIO()
    about = pl.DataFrame({"": ["Bộ lọc / Filter", "Phiên bản dữ liệu / Data version", "Ngày xuất / Exported"],
                          " ": [filter_label, version, made.strftime("%d/%m/%Y")]})
    import xlsxwriter  # imported here: only downloads need it

    with xlsxwriter.Workbook(buffer) as workbook:
        about.write_excel(workbook, worksheet="Thông tin", autofit=True)
        for name, frame in sheets.items():
            frame.write_excel(workbook, worksheet=name[:31], autofit=True, dtype_formats={
                pl.Date: "dd/mm/yyyy", pl.Float64: "#,##0.##"}, table_style="Table Style Light 9")
    return buffer.getvalue()


def csv_files(tables: Tables) -> dict[str, bytes]:
    """One CSV per table and one stating the filter, keyed by file-name suffix."""
    about = pl.DataFrame({"Mục": ["Bộ lọc", "Phiên bản dữ liệu", "Ngày xuất"],
                          "Giá trị": [tables.filter_label, tables.version, tables.made.strftime("%d/%m/%Y")]})
    frames = (*tables.sheets.values(), about)
    return {suffix: csv_bytes(frame) for suffix, frame in zip((*STEMS, "thong-tin"), frames, strict=True)}


def excel_files(tables: Tables) -> dict[str, bytes]:
    """The one workbook (excel_bytes), under the empty suffix."""
    return {"": excel_bytes(tables.sheets, filter_label=tables.filter_label, version=tables.version,
                            made=tables.made)}
