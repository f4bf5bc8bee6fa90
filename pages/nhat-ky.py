"""Nhật ký biên tập (admins only): every save — who, when, which records went into which file, why — filtered by
curator and exported as CSV; and the accounts, read-only (they are managed on the server's command line)."""

import polars as pl
import streamlit as st

from components import auth, cached, ui, view
from danvan import accounts, audit, fmt

current = view.current()
t = current.t
st.title(t("page_audit"))
if auth.require("admin", current.lang) is None:
    view.stop()

st.caption(t("audit_intro"))
found, broken = audit.entries(cached.data_path())
if broken:
    st.warning(
        t("audit_broken", lines=", ".join(map(str, broken)), file=str(audit.path(cached.data_path()))),
        icon=":material/warning:",
    )

authors = sorted({e.author for e in found})
who = st.selectbox(  # "" (everyone), not None: a None value would not be sent again when the language changes
    t("audit_by"),
    ["", *authors],
    key="audit_author",
    format_func=lambda name: name or t("audit_all"),
)
chosen = [e for e in reversed(found) if not who or e.author == who]  # newest first
if not chosen:
    st.info(t("audit_empty"))
else:
    st.caption(t("audit_saves", n=len(chosen)))
    headers = {
        "time": t("audit_time"),
        "author": t("audit_by"),
        "note": t("audit_note"),
        "file": t("audit_file"),
        "added": t("audit_added"),
        "changed": t("audit_changed"),
        "removed": t("audit_removed"),
        "id": t("audit_id"),
    }
    rows = [row | {"time": fmt.date_time(row["time"])} for row in audit.rows(chosen)]
    frame = pl.DataFrame(rows, schema={c: pl.String for c in audit.COLUMNS}).rename(headers)
    st.dataframe(frame, hide_index=True, placeholder="—")
    st.download_button(
        t("audit_csv"),
        audit.csv_bytes(chosen),
        file_name="nhat-ky-bien-tap.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )

st.subheader(t("audit_accounts"))
st.caption(t("audit_accounts_note"))
try:
    listed = accounts.list_accounts(accounts.accounts_path())
except accounts.AccountError as err:
    st.error(ui.plain(err))
else:
    st.dataframe(
        pl.DataFrame(
            [
                {
                    t("audit_username"): a.username,
                    t("audit_role"): auth.role_name(a.role, current.lang),
                    t("audit_name"): a.name,
                    t("audit_email"): a.email,
                    t("audit_created"): fmt.date_time(a.created),
                }
                for a in listed
            ],
            schema={
                t(k): pl.String for k in ("audit_username", "audit_role", "audit_name", "audit_email", "audit_created")
            },
        ),
        hide_index=True,
        placeholder="—",
    )
ui.footer(current)
