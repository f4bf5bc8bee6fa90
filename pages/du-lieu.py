"""Dữ liệu: the filtered visits and observations as tables with Vietnamese headers and formats; CSV and Excel."""

import polars as pl
import streamlit as st

from components import ui, view
from danvan import export, fmt

current = view.current()
ui.header(current, "page_data")
t, lang = current.t, current.lang
visits = export.visit_table(current.visits(), lang)
observations = export.observation_table(current.observations(), lang)


def shown(frame: pl.DataFrame) -> pl.DataFrame:
    """Dates as dd/mm/yyyy and numbers the Vietnamese way, for the screen (downloads keep real types)."""
    return frame.with_columns(
        [fmt.date_expr(c) for c, dtype in frame.schema.items() if dtype == pl.Date]
        + [fmt.number_expr(c, lang=lang) for c, dtype in frame.schema.items() if dtype == pl.Float64])


for key, frame, stem in (("data_visits", visits, "su-kien"), ("data_observations", observations, "so-lieu")):
    st.subheader(f"{t(key)} · {t('data_rows', n=fmt.number(frame.height, lang=lang))}")
    if frame.is_empty():
        ui.empty(current)
        continue
    st.dataframe(shown(frame), hide_index=True, placeholder="—")
    st.download_button(t("data_download_csv"), export.csv_bytes(frame), file_name=f"danvan-{stem}.csv",
                       mime="text/csv", icon=":material/download:", key=f"csv_{stem}", on_click="ignore")

sheets = {t("data_visits"): visits, t("data_observations"): observations, t("sources"): export.source_table(
    current.catalog, lang)}
st.download_button(t("data_download_xlsx"), export.excel_bytes(sheets, filter_label=current.filter_label(),
                                                               version=current.catalog.version),
                   file_name="danvan.xlsx", icon=":material/table_view:", key="xlsx", on_click="ignore",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ui.footer(current)
