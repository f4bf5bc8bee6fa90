"""Dữ liệu: the filtered visits and observations as tables with Vietnamese headers and formats; CSV and Excel."""

import polars as pl
import streamlit as st

from components import ui, view
from danvan import export, fmt

ROWS = 2000  # rows shown on screen; the downloads have them all

current = view.current()
ui.header(current, "page_data")
t, lang = current.t, current.lang
visits, observations = current.visits(), current.observations()


def shown(frame: pl.DataFrame) -> pl.DataFrame:
    """Dates as dd/mm/yyyy and numbers the Vietnamese way, for the screen (downloads keep real types)."""
    return frame.with_columns(
        [fmt.date_expr(c) for c, dtype in frame.schema.items() if dtype == pl.Date]
        + [fmt.number_expr(c, lang=lang) for c, dtype in frame.schema.items() if dtype == pl.Float64])


for key, frame, stem, table in (("data_visits", visits, "su-kien", export.visit_table),
                                ("data_observations", observations, "so-lieu", export.observation_table)):
    st.subheader(f"{t(key)} · {t('data_rows', n=fmt.number(frame.height, lang=lang))}")
    if frame.is_empty():
        ui.empty(current)
        continue
    if frame.height > ROWS:
        st.caption(("Hiển thị {n} dòng đầu; tệp tải về có đủ {m} dòng." if lang == "vi" else
                    "Showing the first {n} rows; the downloads have all {m}.")
                   .format(n=fmt.number(ROWS, lang=lang), m=fmt.number(frame.height, lang=lang)))
    st.dataframe(shown(table(frame.head(ROWS), lang)), hide_index=True, placeholder="—")
    # Files are made when asked for (a callable), not on every rerun: a national table is a million rows.
    st.download_button(t("data_download_csv"), lambda frame=frame, table=table: export.csv_bytes(table(frame, lang)),
                       file_name=f"danvan-{stem}.csv", mime="text/csv", icon=":material/download:", key=f"csv_{stem}",
                       on_click="ignore")


def workbook() -> bytes:
    """Every table of the view in one Excel file, made when the button is pressed."""
    sheets = {t("data_visits"): export.visit_table(visits, lang),
              t("data_observations"): export.observation_table(observations, lang),
              t("sources"): export.source_table(current.catalog, lang)}
    return export.excel_bytes(sheets, filter_label=current.filter_label(), version=current.catalog.version)


st.download_button(t("data_download_xlsx"), workbook,
                   file_name="danvan.xlsx", icon=":material/table_view:", key="xlsx", on_click="ignore",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ui.footer(current)
