"""The shared view: catalog + filter + language, built once per rerun in app.py and read by every page.

The filter bar lives in the sidebar. Its state is seeded from the URL on a session's first run (so a shared link
reopens the same view), kept in session state across pages, and written back to the URL on every run."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

import danvan
from danvan import links, queries, report
from danvan.i18n import t
from danvan.registry import Registry

from . import cached, presenting


@dataclass(frozen=True)
class View:
    catalog: danvan.Catalog
    registry: Registry
    flt: queries.Filter
    lang: str
    default_years: tuple[int, int]

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def visits(self) -> pl.DataFrame:
        return cached.visits(self.catalog.version, self.flt, self.catalog)

    def observations(self) -> pl.DataFrame:
        return cached.observations(self.catalog.version, self.flt, self.catalog)

    def province_name(self, code: str, scheme: str | None = None) -> str:
        return self.registry.name(scheme or self.flt.scheme, code)

    def filter_label(self) -> str:
        return report.filter_label(self.catalog, self.flt, self.lang)


data_years = report.data_years  # the default year range of the filter, shared with the command line


def current() -> View:
    """The view the shell built in this run, for the page to render."""
    if not st.session_state.get("_in_shell"):
        # Streamlit ran this file of pages/ by itself, without the entry script: its legacy pages-folder mode, which
        # is on until the first st.navigation call of the process (a fresh server's first request). Switch it off
        # as st.navigation does and rerun, so that this page is rendered through the shell and its filter bar.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["_view"]


def build(catalog: danvan.Catalog) -> View:
    """Render the filter bar, seeded from the URL on a session's first run, and write the filter back to the URL."""
    registry = cached.registry(catalog.version, catalog)
    default_years = cached.data_years(catalog)  # once per catalog, not a scan of every value per rerun
    state = st.session_state
    if "_filter" not in state:  # a session's first run: the filter a shared link asks for
        params = {name: st.query_params.get_all(name) for name in st.query_params}
        flt, lang = links.parse(params, catalog.units, default_years)
        state.update(_filter={"f_tinh": list(flt.provinces), "f_nam": flt.years, "f_ranh_gioi": flt.scheme,
                              "f_lang": lang}, _notes=flt.notes)
    canonical = state["_filter"]
    if "_pending_tinh" in state:  # a page asked to open a province (e.g. a click on the map)
        state["f_tinh"] = state.pop("_pending_tinh")

    def start(key: str, param: str) -> dict:
        """A widget starts from the filter when Streamlit has no value for it (a new session, or widget state
        dropped by a page switch), and from its own state otherwise."""
        return {} if key in state else {param: canonical[key]}

    lang = state.get("f_lang") or canonical["f_lang"]
    with st.sidebar:
        st.markdown(f"### {t('filter_title', lang)}")
        st.segmented_control(t("filter_lang", lang), ["vi", "en"], key="f_lang", required=True,
                             format_func=lambda x: t("lang_" + x, lang),
                             # always the same default: when it disappears on a rerun, the browser resets the
                             # control and sends no value (lang None → KeyError on any sidebar change)
                             default=canonical["f_lang"])
        lang = state["f_lang"]
        st.slider(t("filter_years", lang), queries.FIRST_YEAR, queries.LAST_YEAR, key="f_nam",
                  **start("f_nam", "value"))
        st.radio(t("filter_scheme", lang), ["63", "34"], key="f_ranh_gioi", on_change=_scheme_changed,
                 args=(catalog,), format_func=lambda x: t("scheme_" + x, lang),
                 **({} if "f_ranh_gioi" in state else {"index": ["63", "34"].index(canonical["f_ranh_gioi"])}))
        scheme = state["f_ranh_gioi"]
        codes = catalog.units.filter(pl.col("scheme") == scheme).sort("name_vi")
        names = dict(codes.select("code", "name_vi").iter_rows())
        if "f_tinh" not in state:
            canonical["f_tinh"] = [c for c in canonical["f_tinh"] if c in names]
        st.multiselect(t("filter_provinces", lang), list(names), key="f_tinh", format_func=names.__getitem__,
                       placeholder=t("filter_all_provinces", lang), help=t("filter_provinces_help", lang),
                       **start("f_tinh", "default"))
        canonical.update({key: state[key] for key in canonical})  # remembered for when a widget starts afresh
        st.caption(t("link_note", lang))
        st.button(t("present_start", lang), key="present_start", icon=":material/slideshow:", type="primary",
                  help=t("present_start_help", lang), on_click=presenting.start, width="stretch")

    flt = queries.Filter(provinces=tuple(state["f_tinh"]), years=tuple(state["f_nam"]), scheme=scheme)
    st.query_params.from_dict(links.query(flt, lang, default_years))
    view = View(catalog=catalog, registry=registry, flt=flt, lang=lang, default_years=default_years)
    state["_view"] = view
    return view


def _scheme_changed(catalog: danvan.Catalog) -> None:
    """Carry the selected provinces over to the other scheme instead of dropping them."""
    state = st.session_state
    old, new = state["_filter"]["f_ranh_gioi"], state["f_ranh_gioi"]
    state["f_tinh"] = links.convert_codes(state.get("f_tinh", []), old, new, catalog.units)


def open_profile(code: str) -> None:
    """Select one province and switch to its profile page."""
    from .shell import PAGES_DIR

    st.session_state["_pending_tinh"] = [code]
    st.switch_page(PAGES_DIR / "ho-so-tinh.py")
