"""The review table of drafted records, shared by the curator page and the review queue: each row kept or rejected,
every field edited; coded fields shown by name while the code is what is saved; quotes and table cells read-only."""

from __future__ import annotations

import polars as pl
import streamlit as st

import danvan
from danvan.i18n import name_column, t
from danvan.ingest.drafts import REVIEW_COLUMNS, Draft, review_rows
from danvan.model import BODY_LEVELS, DATE_PRECISIONS, DOCUMENT_TYPES, STATUSES, VISIT_KINDS

# The header of each draft field (i18n keys), and the coded fields shown by name while the code is what is saved.
HEADERS = {
    "id": "cur_col_id",
    "date_start": "date",
    "date_end": "cur_col_date_end",
    "date_precision": "cur_col_date_precision",
    "date_note": "cur_col_date_note",
    "kind": "kind",
    "body": "body",
    "body_level": "cur_col_body_level",
    "leader_name": "leader",
    "leader_title": "cur_col_leader_title",
    "province": "province",
    "district": "district",
    "commune": "commune",
    "summary": "summary",
    "code": "cur_col_code",
    "type": "cur_col_type",
    "issuer": "issuer",
    "level": "doc_level",
    "date": "date",
    "title": "title",
    "period": "period",
    "period_note": "cur_col_period_note",
    "value": "value",
    "numerator": "numerator",
    "denominator": "denominator",
    "status": "status",
    "breakdown": "breakdown",
}
CODED = {
    "kind": ("kind_", VISIT_KINDS),
    "body_level": ("level_", BODY_LEVELS),
    "level": ("level_", BODY_LEVELS),
    "date_precision": ("precision_", DATE_PRECISIONS),
    "status": ("status_", STATUSES),
    "type": ("doc_type_", DOCUMENT_TYPES),
}
PARTS = (("visits", "cur_visits"), ("documents", "cur_documents"), ("observations", "cur_observations"))


def editor(catalog: danvan.Catalog, items: list, columns: list[str], key: str, lang: str) -> list[dict]:
    """One editable table for one kind of drafted item; returns the rows kept, as edited."""
    if not items:
        return []
    frame = pl.DataFrame(review_rows(items, columns), infer_schema_length=None)
    config = {c: st.column_config.Column(t(HEADERS[c], lang)) for c in columns if c in HEADERS}
    for column, (prefix, codes) in CODED.items():
        if column in columns:
            config[column] = st.column_config.SelectboxColumn(
                t(HEADERS[column], lang), options=list(codes), format_func=lambda c, p=prefix: t(p + c, lang)
            )
    if "province" in columns:  # a code of the 63 (or the 34) shown by its name
        units = dict(catalog.units.select("code", "name_vi").unique("code", keep="first").iter_rows())
        config["province"] = st.column_config.SelectboxColumn(
            t("province", lang), options=sorted(units), format_func=lambda c: units.get(c, c)
        )
    config |= {
        "keep": st.column_config.CheckboxColumn(t("cur_keep", lang)),
        "quote": st.column_config.TextColumn(t("quote", lang), disabled=True, width="large"),
        "cell": st.column_config.TextColumn(t("q_cell", lang), disabled=True),
        "cell_header": st.column_config.TextColumn(t("q_cell_header", lang), disabled=True),
        "confidence": st.column_config.NumberColumn(t("cur_confidence", lang), disabled=True, format="%.2f"),
    }
    if "indicator" in columns:
        options = sorted({*catalog.indicators["id"].to_list(), *(i.indicator for i in items if i.indicator)})
        names = dict(catalog.indicators.select("id", name_column(lang)).iter_rows())
        config["indicator"] = st.column_config.SelectboxColumn(
            t("indicator", lang), options=options, width="medium", format_func=lambda i: names.get(i, i)
        )
    edited = st.data_editor(frame, hide_index=True, column_config=config, key=key, placeholder="—")
    return pl.DataFrame(edited).filter(pl.col("keep")).to_dicts()


def review(catalog: danvan.Catalog, draft: Draft, key: str, lang: str) -> dict[str, list[dict]]:
    """The draft's visits, documents and values, each under its heading: the rows kept, by kind."""
    kept = {}
    for part, heading in PARTS:
        st.subheader(t(heading, lang))
        kept[part] = editor(catalog, getattr(draft, part), REVIEW_COLUMNS[part], f"{key}_{part}", lang)
    return kept
