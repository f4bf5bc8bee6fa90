"""Mới cập nhật: pick a day (the last meeting) and see the sources, visits and values added after it, for the
filter — with what "added" means, since the data records no retrieval dates (danvan.changes)."""

import datetime as dt

import streamlit as st

from components import cached, ui, view
from danvan import fmt
from danvan.changes import published_day
from danvan.i18n import name_column, value_text

current = view.current()
ui.header(current, "page_changes")
t, lang = current.t, current.lang
newest, _ = cached.changes_since(current.catalog, current.flt, None)
if newest is None:
    if not (current.flt.provinces and ui.nothing_at_all(current, current.flt.provinces)):
        st.info(t("changes_no_data"), icon=":material/search_off:")
    ui.footer(current)
    view.stop()

view.seed("changes_day", "tu_ngay", None, lang)  # a shared link's day
default = dt.date(newest.year, 1, 1)  # until a day is picked: what came in the newest year
day = st.date_input(
    t("changes_since"),
    value=None if "changes_day" in st.session_state else default,
    key="changes_day",
    format="DD/MM/YYYY",
    min_value=dt.date(2008, 1, 1),
    max_value=dt.date.today(),
    width=360,
)
day = day or default
view.keep("tu_ngay", day.isoformat())
st.caption(t("changes_what"))
# the newest record's day as its source writes it: a source of "12/2024" is not one of 31/12/2024 (the most precise
# of the sources that stand for that day)
written = current.catalog.sources.filter(published_day() == newest)["published"].to_list()
st.caption(t("changes_newest", day=fmt.partial_date(max(written, key=len)) if written else fmt.date(newest)))
_, found = cached.changes_since(current.catalog, current.flt, day)
assert found is not None


published = dict(current.catalog.sources.select("source_id", "published").iter_rows())
LISTED = 30  # items listed under each heading; the counts above are of all of them


def basis(row: dict) -> str:
    """Why the record counts as new: the day it was saved, or its source's publication as the source gives it ("nguồn
    đăng 12/2024", never the month's last day that `added` stands on)."""
    if row["basis"] == "published":
        return t("changes_basis_published", day=fmt.partial_date(published.get(row["source_id"])))
    return t("changes_basis_" + row["basis"], day=fmt.date(row["added"])) if row["basis"] else ""


if found.empty:
    st.info(
        t("changes_none", day=fmt.date(day), filter=ui.plain(current.filter_label())), icon=":material/event_available:"
    )
else:
    for column, key, count in zip(
        st.columns(3),
        ("changes_sources", "changes_visits", "changes_values"),
        (found.sources.height, found.visits.height, found.value_count),
        strict=True,
    ):
        column.metric(t(key), fmt.number(count, lang=lang), border=True)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(t("changes_visits"))
        if found.visits.is_empty():
            st.caption(t("none"))
        for visit in found.visits.head(LISTED).iter_rows(named=True):
            with st.container(border=True):
                st.markdown(
                    f"**{fmt.visit_date(visit)}** · "
                    f"{t('kind_' + visit['kind'])} · **{ui.plain(visit['body'])}** → "
                    f"{ui.host(current, visit) or '—'}  \n{ui.plain(visit['summary'])}"
                )
                st.caption(
                    f"{basis(visit)} · [{t('page_timeline')}]"
                    f"({current.link('dong-thoi-gian', {'su_kien': visit['visit_id']})})"
                )
        if found.visits.height > LISTED:  # the newest are listed; the count above is all of them
            st.caption(t("changes_more_visits", n=fmt.number(found.visits.height - LISTED, lang=lang)))
        st.subheader(t("changes_values"))
        if found.observations.is_empty():
            st.caption(t("none"))
        for obs in found.observations.head(LISTED).iter_rows(named=True):
            place = ui.place(current, obs)  # "huyện Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)"
            label = obs[name_column(lang)] + (f" — {value_text(obs['breakdown'], lang)}" if obs["breakdown"] else "")
            value = fmt.value(obs["value"], obs["unit"], lang, obs["qualifier"])
            st.markdown(
                f"- **{ui.plain(label)}**: {value} · {ui.plain(place)} · "
                f"{t('period')} {fmt.period(obs['period_start'], obs['period_end'], lang)} · {basis(obs)}"
            )
        more = found.value_count - min(LISTED, found.observations.height)  # the count above, less those listed
        if more > 0:
            st.caption(t("changes_more_values", n=fmt.number(more, lang=lang), link=current.link("du-lieu", {})))
    with right:
        st.subheader(t("changes_sources"))
        if found.sources.is_empty():
            st.caption(t("none"))
        for src in found.sources.iter_rows(named=True):
            # a source new by its publication already shows that day in its line ("— 25/04/2024"): not twice
            saved = f" · {basis(src)}" if src["basis"] != "published" else ""
            st.markdown(f"- {ui.source_line(current, src['source_id'])}{saved}")
        if found.undated:
            st.caption(t("changes_undated", n=found.undated))
ui.footer(current)
