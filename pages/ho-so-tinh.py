"""Hồ sơ tỉnh: one province on one screen — visits with findings, indicators with sources, documents, location,
old/new unit. Printable."""

import dataclasses

import polars as pl
import streamlit as st

from components import cached, ui, view
from danvan import fmt, queries
from danvan.exports import FORMATS
from danvan.exports.report import brief, province_relation
from danvan.filter import file_stem, filter_label
from danvan.i18n import name_column, value_text
from danvan.model import NEW_SCHEME, OLD_SCHEME

VISITS, VALUES = 10, 20  # listed in full up to these; a national dataset lists the newest and latest of each

current = view.current()
t, lang, scheme = current.t, current.lang, current.flt.scheme
units = current.catalog.units.filter(pl.col("scheme") == scheme).sort("name_vi")
names = dict(units.select("code", "name_vi").iter_rows())
choices = list(current.flt.provinces) or list(names)
heading = st.container()  # the title above the province's choice, as on every page (it sat under the top bar)
if len(choices) > 1:  # several provinces in the filter: the first; none: ask, rather than open the first of 63
    code = st.selectbox(
        t("profile_pick"),
        choices,
        format_func=names.__getitem__,
        key="profile_code",
        index=0 if current.flt.provinces else None,
        placeholder=t("profile_pick"),
        # with none in the filter, the province chosen becomes the filter's, so that the link, the sidebar and the
        # slides show it too (it was the profile's alone: "Trình chiếu" then showed every province)
        on_change=None if current.flt.provinces else lambda: view.choose_province(st.session_state["profile_code"]),
    )
else:
    code = choices[0]
if code is None:
    with heading:
        ui.header(current, "page_profile")
    st.info(t("profile_ask"), icon=":material/location_city:")
    ui.footer(current)
    view.stop()
unit = units.filter(pl.col("code") == code).row(0, named=True)
profiled = dataclasses.replace(current.flt, provinces=(code,))  # the filter as this page applies it

st.html(
    "<style>@media print {[data-testid='stSidebar'], header, [data-testid='stToolbar'], .st-key-profile_brief, "
    ".st-key-profile_print_hint {display: none !important}}"
    "</style>"
)
with heading:
    st.title(t("brief_profile_title", kind=value_text(unit["kind"], lang), name=unit["name_vi"]))
    # the filter as this page applies it: the province profiled, not the others the filter holds
    st.caption(ui.plain(filter_label(current.catalog, profiled, lang)))
relation = province_relation(current.catalog, code, scheme, lang)
st.markdown(f"**{t('profile_region')}:** {ui.plain(value_text(unit['region'], lang))} · {ui.plain(relation)}")
with st.container(key="profile_print_hint"):  # the hint and the brief's buttons are not printed
    st.caption(t("profile_print"))

if ui.nothing_at_all(current, (code,)):  # not "no events in the years shown" twice, as if other years had some
    ui.footer(current)
    view.stop()
visits, observations = cached.province_rows(current.catalog, current.flt, code)

main, side = st.columns([3, 2], gap="large")
with main:
    st.subheader(t("profile_visits"))
    if visits.is_empty():
        st.info(t("profile_no_visits"))
    if visits.height > VISITS:
        st.caption(t("profile_newest_visits", n=VISITS, m=fmt.number(visits.height, lang=lang)))
    for visit in visits.head(VISITS).iter_rows(named=True):
        title = f"{fmt.visit_date(visit)} — {t('kind_' + visit['kind'])} — {visit['body']}"
        with st.expander(f"{ui.plain(title)} → {ui.host(current, visit)}", expanded=visits.height <= 2):
            ui.visit_details(current, visit)

    st.subheader(t("profile_indicators"))
    if observations.is_empty():
        st.info(t("profile_no_indicators"))
    else:
        st.caption(t("profile_from"))
        name_col = name_column(lang)
        listed = observations.sort("category", "indicator_id", "period_start")
        if observations.height > VALUES:  # the latest value of each indicator, the province's own first
            listed = queries.latest_values(observations).head(VALUES)
            st.caption(t("profile_latest_values", n=listed.height, m=fmt.number(observations.height, lang=lang)))
        places = cached.place_labels(current.catalog, lang)  # "huyện Xuyên Mộc", "thành phố Bắc Kạn"

        def label(obs: dict) -> str:
            lower = obs["commune"] or obs["district"]
            # a former province's figure says whose it is ("Ninh Bình (trước đây: Hà Nam)"); the profile's own
            # province is not repeated on its cards
            merged = obs["display_name"] != obs["province_name"]
            place = ui.place(current, obs, places) if merged else places.get(lower, lower) if lower else None
            return (
                obs[name_col]
                + (f" — {value_text(obs['breakdown'], lang)}" if obs["breakdown"] else "")
                + (f" ({place})" if place else "")
            )

        def value(obs: dict) -> str:
            return fmt.value(obs["value"], obs["unit"], lang, obs["qualifier"])

        def detail(obs: dict) -> str:
            return (
                f"{t('period')}: {fmt.period(obs['period_start'], obs['period_end'], lang)} · "
                f"{t('status_' + obs['status'])}"
            )

        def listed_parts(rows: list[dict]) -> None:
            """Figures of one sentence: each indicator named once, its parts (or values) listed under it."""
            parts: dict[str, list[dict]] = {}
            for obs in rows:
                parts.setdefault(label({**obs, "breakdown": None}), []).append(obs)
            for name, each in parts.items():
                lines = [
                    f"- {ui.plain(value_text(obs['breakdown'], lang))}: {value(obs)}"
                    if obs["breakdown"]
                    else f"- {value(obs)}"
                    for obs in each
                ]
                st.markdown(f"**{ui.plain(name)}**  \n" + "\n".join(lines))
                st.caption(ui.plain(" · ".join(dict.fromkeys(detail(obs) for obs in each))))
                for obs in each:
                    ui.ratio_flag(current, obs)

        # the figures one sentence gives (the parts of a count: "02 đề án, 13 chỉ thị, 22 quyết định …") on one card
        # under that sentence, not a card each repeating it
        by_sentence: dict[tuple[str, str], list[dict]] = {}
        for obs in listed.iter_rows(named=True):
            by_sentence.setdefault((obs["source_id"], obs["quote"]), []).append(obs)
        for (source, quote), rows in by_sentence.items():
            with st.container(border=True):
                value_col, quote_col = st.columns([1, 2])
                with value_col:
                    if len(rows) == 1:
                        ui.value_card(current, label(rows[0]), value(rows[0]), detail(rows[0]), rows[0])
                    else:
                        listed_parts(rows)
                with quote_col:
                    ui.quote(current, source, quote)

with side:
    st.subheader(t("profile_location"))
    # the whole country, the province coloured, Hoàng Sa and Trường Sa named: a picture that shrinks with the column
    # and prints as shown (a map of fixed zoom cut the west of the country and the islands' names in a narrow window)
    st.image(
        cached.locator_image(scheme, code, lang),
        width="stretch",
        caption=t("profile_location_alt"),
        output_format="PNG",
    )
    st.caption(t("map_islands"))

    st.subheader(t("profile_documents"))
    codes = visits.select(pl.col("documents").explode()).drop_nulls()["documents"].unique().to_list()
    old_codes = current.catalog.units.filter(
        pl.col("scheme") == OLD_SCHEME,
        (pl.col("new_code") == code) if scheme == NEW_SCHEME else (pl.col("code") == code),
    )["code"].to_list()
    documents = current.catalog.documents.filter(pl.col("code").is_in(codes) | pl.col("province").is_in(old_codes))
    if documents.is_empty():
        st.info(t("profile_no_documents"))
    for doc in documents.sort("date", nulls_last=True).iter_rows(named=True):
        # what is known of it, without a dash before nothing ("25-CT/TU (10/03/2023) —" when the issuer is unknown)
        known = " — ".join(ui.plain(v) for v in (doc["issuer"], doc["title"]) if v)
        st.markdown(f"**{ui.plain(doc['code'])}** ({fmt.date(doc['date'])})" + (f" — {known}" if known else ""))

# The province's one-click brief (exports.report.brief, the same file as `python -m danvan export --tinh CODE`),
# made only when a button is pressed.
with st.container(key="profile_brief", horizontal=True, vertical_alignment="center"):
    st.markdown(f"**{t('brief_download')}**")
    for name, icon in (("pptx", ":material/slideshow:"), ("html", ":material/public_off:")):
        kind = FORMATS[name]
        st.download_button(
            t(kind.label),
            lambda kind=kind: kind.slides(brief(current.catalog, code, current.flt.years, lang, scheme=scheme)),
            # the years in the name too: two periods' briefs stay apart in a folder (a leader's walk-through)
            file_name=f"{file_stem(current.catalog, profiled, 'ban-tin')}.{kind.extension}",
            mime=kind.mime,
            icon=icon,
            on_click="ignore",
            key=f"brief_{name}",
        )
ui.footer(current)
