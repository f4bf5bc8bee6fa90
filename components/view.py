"""The Streamlit side of the filter (danvan.filter): the filter bar, the URL, and the View every page reads.

The filter bar lives in the sidebar. Its state is seeded from the URL on a session's first run (so a shared link
reopens the same view), kept in session state across pages, and written back to the URL on every run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn
from urllib.parse import urlencode

import polars as pl
import streamlit as st

import danvan
from danvan.filter import FIRST_YEAR, LAST_YEAR, Filter, Link, convert_codes, filter_label, parse_link, query
from danvan.i18n import LANGS, t
from danvan.model import BODY_LEVELS, SCHEMES, VISIT_KINDS
from danvan.registry import Registry

from . import boot, cached, keys, presenting, routes


@dataclass(frozen=True)
class View:
    """The catalog, the filter and the language of this run, with the shortcuts every page uses."""

    catalog: danvan.Catalog
    registry: Registry
    flt: Filter
    lang: str
    default_years: tuple[int, int]

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def visits(self) -> pl.DataFrame:
        return cached.visits(self.catalog, self.flt)

    def observations(self) -> pl.DataFrame:
        return cached.observations(self.catalog, self.flt)

    def province_name(self, code: str, scheme: str | None = None) -> str:
        return self.registry.name(scheme or self.flt.scheme, code)

    def filter_label(self) -> str:
        return filter_label(self.catalog, self.flt, self.lang)

    def link(self, page: str, choices: dict[str, str | int] | None = None) -> str:
        """A relative URL that opens `page` (its URL path; "" = the overview) with this filter and `choices`."""
        params = urlencode(query(self.flt, self.lang, self.default_years, choices), doseq=True)
        return f"{page or '.'}?{params}" if params else (page or ".")


def current() -> View:
    """The view the shell built in this run, for the page to render."""
    if not st.session_state.get(keys.IN_SHELL):  # a page of pages/ run by itself (boot.leave_pages_folder_mode)
        boot.leave_pages_folder_mode()
    return st.session_state[keys.VIEW]


def read_link(catalog: danvan.Catalog) -> None:
    """On a session's first run, read what the shared link asks for — the filter, the language, the views' choices —
    with the one strict parser (danvan.filter.parse_link); later runs keep the session's own state."""
    state = st.session_state
    if keys.FILTER in state:
        return
    link = _address(catalog)
    state[keys.FILTER] = {**_filter_values(link.flt), keys.LANG: link.lang}
    state[keys.NOTES] = link.flt.notes
    state[keys.LINK] = dict(link.choices)


def _filter_values(flt: Filter) -> dict[str, object]:
    """The filter bar's widget values (session state keys) for a filter."""
    return {
        keys.PROVINCES: list(flt.provinces),
        keys.YEARS: flt.years,
        keys.SCHEME: flt.scheme,
        keys.LEVELS: list(flt.levels),
        keys.KINDS: list(flt.kinds),
        keys.BODIES: list(flt.bodies),
    }


def _address(catalog: danvan.Catalog) -> Link:
    """What the address bar asks for now, read by the one strict parser."""
    return parse_link(_in_address(), catalog.units, cached.data_years(catalog), cached.visit_bodies(catalog))


def build(catalog: danvan.Catalog) -> View:
    """Render the filter bar, seeded from the URL on a session's first run, and write the filter back to the URL."""
    default_years = cached.data_years(catalog)  # once per catalog, not a scan of every value per rerun
    state = st.session_state
    read_link(catalog)
    address = _address(catalog)  # what the address asks for at this run's start: where Back or Forward went
    state[keys.ASKED] = dict(address.choices)
    if boot.went_back():  # the view of that entry, its filter and language too: Back from a province opened on the
        # map, to the map; Back from English, to Vietnamese (the menu and Streamlit's words were sent in it, boot.lang)
        values = {**_filter_values(address.flt), keys.LANG: address.lang}
        state[keys.FILTER].update(values)
        state.update(values)
    if keys.PENDING_PROVINCES in state:  # a page asked to open a province (e.g. a click on the map)
        state[keys.PROVINCES] = state.pop(keys.PENDING_PROVINCES)
    with st.sidebar:
        lang, scheme = _filter_bar(catalog)
    flt = Filter(
        provinces=tuple(state[keys.PROVINCES]),
        years=tuple(state[keys.YEARS]),
        scheme=scheme,
        levels=tuple(state[keys.LEVELS]),
        kinds=tuple(state[keys.KINDS]),
        bodies=tuple(state[keys.BODIES]),
    )
    state[keys.URL] = query(flt, lang, default_years)  # the page adds its own choices (keep); written at the end
    view = View(catalog=catalog, registry=cached.registry(catalog), flt=flt, lang=lang, default_years=default_years)
    state[keys.VIEW] = view
    return view


def _filter_bar(catalog: danvan.Catalog) -> tuple[str, str]:
    """The filter's widgets; returns the language and scheme chosen (the other values are in session state)."""
    state = st.session_state
    canonical = state[keys.FILTER]

    def start(key: str, param: str) -> dict:
        """A widget starts from the filter when Streamlit has no value for it (a new session, or widget state
        dropped by a page switch), and from its own state otherwise."""
        return {} if key in state else {param: canonical[key]}

    lang = state.get(keys.LANG) or canonical[keys.LANG]
    st.markdown(f"### {t('filter_title', lang)}")
    # first under the title: visible without scrolling the sidebar on a laptop's 768 pixels
    st.button(
        t("present_start", lang),
        key="present_start",
        icon=":material/slideshow:",
        type="primary",
        help=t("present_start_help", lang),
        on_click=presenting.start,
        width="stretch",
    )
    st.segmented_control(
        t("filter_lang", lang),
        list(LANGS),
        key=keys.LANG,
        required=True,
        format_func=lambda x: t("lang_" + x, lang),
        # always the same default: when it disappears on a rerun, the browser resets the
        # control and sends no value (lang None → KeyError on any sidebar change)
        default=canonical[keys.LANG],
        on_change=_lang_changed,
    )
    lang = state[keys.LANG]
    st.slider(t("filter_years", lang), FIRST_YEAR, LAST_YEAR, key=keys.YEARS, **start(keys.YEARS, "value"))
    st.radio(
        t("filter_scheme", lang),
        list(SCHEMES),
        key=keys.SCHEME,
        on_change=_scheme_changed,
        args=(catalog,),
        format_func=lambda x: t("scheme_" + x, lang),
        **({} if keys.SCHEME in state else {"index": list(SCHEMES).index(canonical[keys.SCHEME])}),
    )
    scheme = state[keys.SCHEME]
    codes = catalog.units.filter(pl.col("scheme") == scheme).sort("name_vi")
    names = dict(codes.select("code", "name_vi").iter_rows())
    if keys.PROVINCES not in state:
        canonical[keys.PROVINCES] = [c for c in canonical[keys.PROVINCES] if c in names]
    st.multiselect(
        t("filter_provinces", lang),
        list(names),
        key=keys.PROVINCES,
        format_func=names.__getitem__,
        placeholder=t("filter_all_provinces", lang),
        help=t("filter_provinces_help", lang),
        select_all=False,  # Streamlit writes its "Select all" in English only; none chosen already means all
        **start(keys.PROVINCES, "default"),
    )
    _visit_filters(catalog, lang, start)
    canonical.update({key: state[key] for key in canonical})  # remembered for when a widget starts afresh
    st.caption(t("link_note", lang))
    return lang, scheme


def _lang_changed() -> None:
    """The browser keeps a choice widget's value as the option's text: once the labels change language a radio
    would show nothing as selected, and a select box or a multiselect would go on showing the old language's text.
    Setting each value again sends it in the new language. Only plain values: those of buttons (booleans) and
    uploads cannot be set, and their labels come with the page anyway."""
    state = st.session_state
    for key in list(state.keys()):
        value = state[key]
        if key != keys.LANG and _plain(value):
            state[key] = value


def _plain(value: object) -> bool:
    """A str or int (not a bool), or a list or tuple of them: the value of a choice, a text box or a slider."""
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def _visit_filters(catalog: danvan.Catalog, lang: str, start: Callable[[str, str], dict]) -> None:
    """Which visits: level of the visiting body, kind of visit, visiting body (folded away until one is chosen)."""
    state = st.session_state
    bodies = cached.visit_bodies(catalog)
    chosen = any(state.get(key, state[keys.FILTER][key]) for key in (keys.LEVELS, keys.KINDS, keys.BODIES))
    with st.expander(t("filter_visits", lang), expanded=chosen, icon=":material/filter_alt:"):
        st.caption(t("filter_visits_help", lang))
        for key, label, options, name in (
            (keys.LEVELS, "filter_levels", BODY_LEVELS, "level_"),
            (keys.KINDS, "filter_kinds", VISIT_KINDS, "kind_"),
            (keys.BODIES, "filter_bodies", bodies, None),
        ):
            if key not in state:
                state[keys.FILTER][key] = [v for v in state[keys.FILTER][key] if v in options]
            st.multiselect(
                t(label, lang),
                list(options),
                key=key,
                placeholder=t("filter_all", lang),
                format_func=(lambda v, name=name: t(name + v, lang)) if name else str,
                select_all=False,
                **start(key, "default"),
            )


def seed(key: str, param: str, options: Sequence | None, lang: str) -> None:
    """Before a page's widget `key`: the first time the page shows it, start it from the choice the shared link made
    (`param`, already checked for form by the parser; `options` None: any value of that form); a choice the page
    does not offer is said, not shown. A widget that starts afresh later (its page left, then returned to with the
    browser's Back) starts from the address's choice: Back to the map showed it by events, the indicator lost."""
    state = st.session_state
    wanted = state.get(keys.LINK, {}).pop(param, None)
    went_back = boot.went_back()
    if wanted is None and (key not in state or went_back):
        wanted = state.get(keys.ASKED, {}).get(param)
        if wanted is None and went_back:  # Back to the view before the choice was made: its default
            state.pop(key, None)
    if wanted is None:
        return
    if options is None or wanted in options:
        st.session_state[key] = wanted
    else:
        st.warning(t("bad_choice", lang, param=param), icon=":material/link_off:")  # a name of our own: no escape


def keep(param: str, value: object, default: object = None) -> None:
    """Add a page's choice to the URL (after the filter), so that a copied link reopens the same view."""
    if value is not None and value != default:
        st.session_state[keys.URL][param] = str(value)


def _in_address() -> dict[str, list[str]]:
    """The address bar's query parameters, each with every value it has."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def _as_lists(params: dict[str, str | list[str]]) -> dict[str, list[str]]:
    return {name: value if isinstance(value, list) else [value] for name, value in params.items()}


def write_url() -> None:
    """Write the run's URL — the filter, then the page's choices — in one change of the address bar: the browser
    keeps one history entry per change, and writing the filter, then each choice, left two or three a run, so that
    Back took several presses to leave a page (a leader's walk-through). Unchanged, it is not written."""
    wanted = st.session_state.get(keys.URL)
    if wanted is None:
        return
    if _as_lists(wanted) != _in_address():
        st.query_params.from_dict(wanted)


def stop() -> NoReturn:
    """End the page here (st.stop), its URL written first: Streamlit sends nothing after a stop, so the shell's
    write at the end of the run never reached the address bar of a page that ended early."""
    write_url()
    st.stop()


def _scheme_changed(catalog: danvan.Catalog) -> None:
    """Carry the selected provinces over to the other scheme instead of dropping them."""
    state = st.session_state
    old, new = state[keys.FILTER][keys.SCHEME], state[keys.SCHEME]
    state[keys.PROVINCES] = convert_codes(state.get(keys.PROVINCES, []), old, new, catalog.units)


def go(page: str, choices: dict[str, str | bool]) -> None:
    """Open `page` (its file in pages/) in this tab, with this filter and the page's `choices` as a shared link would
    ask for them (a link in the page's text opened a new tab each time)."""
    st.session_state[keys.LINK] = dict(choices)
    st.switch_page(routes.page_file(page))


def choose_province(code: str) -> None:
    """Make `code` the filter's one province on the next run (the sidebar, the URL and the slides follow)."""
    st.session_state[keys.PENDING_PROVINCES] = [code]


def open_profile(code: str) -> None:
    """Select one province and switch to its profile page."""
    choose_province(code)
    st.switch_page(routes.page_file(routes.PROFILE))
