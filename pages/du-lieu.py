"""Dữ liệu: the filtered visits and observations as tables with Vietnamese headers and formats; CSV and Excel."""

import datetime as dt

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt
from danvan.exports import FORMATS
from danvan.exports import tables as export
from danvan.filter import file_stem

ROWS = 2000  # rows shown on screen; the downloads have them all
DATE_WIDTH = 96  # pixels: "29/02/2020" whole at the table's font
LEAD_WIDTH = 260  # pixels of the first column, held in view while the others scroll
# a value's columns, first on the screen
SCREEN_FIRST = ("indicator", "breakdown", "qualifier", "value", "ratio_check", "unit")

current = view.current()
ui.header(current, "page_data")
t, lang = current.t, current.lang
visits, observations = current.visits(), current.observations()
labels = cached.place_label_frame(current.catalog, lang)  # made once per catalog, not per table and filter


def shown(frame: pl.DataFrame) -> pl.DataFrame:
    """Dates as dd/mm/yyyy and numbers the Vietnamese way, for the screen (downloads keep real types)."""
    return frame.with_columns(
        [fmt.date_expr(c) for c, dtype in frame.schema.items() if dtype == pl.Date]
        + [fmt.number_expr(c, lang=lang) for c, dtype in frame.schema.items() if dtype == pl.Float64]
    )


CSV, XLSX = FORMATS["csv"], FORMATS["xlsx"]
for key, frame, stem, table in (
    ("data_visits", visits, export.STEMS[0], export.visit_table),
    ("data_observations", observations, export.STEMS[1], export.observation_table),
):
    st.subheader(f"{t(key)} · {t('data_rows', n=fmt.number(frame.height, lang=lang))}")
    if frame.is_empty():
        if visits.is_empty() and observations.is_empty():
            ui.empty(current)
        else:  # the other table has rows: say which part is empty, not that the filter has no data
            ui.empty_part(current, "empty_visits" if key == "data_visits" else "empty_values")
        continue
    if key == "data_observations":
        ui.beyond_years(current)
    if frame.height > ROWS:
        st.caption(t("data_first_rows", n=fmt.number(ROWS, lang=lang), m=fmt.number(frame.height, lang=lang)))
    # Sources by title and places with their kind; a value that contradicts its own ratio is flagged beside it.
    screen = table(frame.head(ROWS), lang, current.catalog, labels=labels)
    # on the screen, what a value is and the value first, the indicator's name held in view while the rest scroll
    # ("Giá trị" sat past the table's right edge at 1366 pixels; a leader's walk-through)
    first = [t(c) for c in SCREEN_FIRST if t(c) in screen.columns]
    screen = screen.select(*first, pl.exclude(first))
    # a date is read whole: a short header ("Đến ngày") made its column too narrow for "29/02/2020"
    columns = {
        c: st.column_config.Column(
            c, width=DATE_WIDTH if dtype == pl.Date else LEAD_WIDTH, pinned=c == screen.columns[0]
        )
        for c, dtype in screen.schema.items()
        if dtype == pl.Date or c == screen.columns[0]
    }
    st.dataframe(shown(screen), hide_index=True, placeholder="—", column_config=columns)
    # Files are made when asked for (a callable), not on every rerun: a national table is a million rows.
    st.download_button(
        t(CSV.label),
        lambda frame=frame, table=table: export.csv_bytes(table(frame, lang, current.catalog, labels=labels)),
        file_name=f"{file_stem(current.catalog, current.flt, 'danvan-' + stem)}.{CSV.extension}",
        mime=CSV.mime,
        icon=":material/download:",
        key=f"csv_{stem}",
        on_click="ignore",
    )


def workbook() -> bytes:
    """Every table of the view in one Excel file, made when the button is pressed."""
    tables = export.Tables(
        export.sheets(current.catalog, visits, observations, lang),
        current.filter_label(),
        current.catalog.version,
        dt.date.today(),
        lang,
    )
    return XLSX.tables(tables)[""]


st.download_button(
    t(XLSX.label),
    workbook,
    disabled=visits.is_empty() and observations.is_empty(),  # no file of empty tables
    file_name=f"{file_stem(current.catalog, current.flt, 'danvan')}.{XLSX.extension}",
    mime=XLSX.mime,
    icon=":material/table_view:",
    key="xlsx",
    on_click="ignore",
)
ui.footer(current)
