"""The one module that wraps the core in Streamlit caches. Everything cached is a collected frame or a plain object.

The catalog is keyed by a cheap fingerprint of the data folder (names, sizes, modification times), so an edit to
data/ is served on the next rerun; an edit that does not validate keeps the last valid catalog and reports why."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import streamlit as st

import danvan
from danvan import queries
from danvan.registry import Registry


def data_path() -> str:
    """The data folder: DANVAN_DATA when set (e.g. generated benchmark data), else the curated data/."""
    return os.environ.get("DANVAN_DATA", str(Path(__file__).resolve().parent.parent / "data"))


def _stamp(path: str) -> tuple:
    root = Path(path)
    return tuple(sorted((p.relative_to(root).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in root.rglob("*") if p.is_file() and "history" not in p.parts))


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(path: str, stamp: tuple) -> danvan.Catalog | danvan.DataError:
    try:
        return danvan.load(path)
    except danvan.DataError as err:
        return err


@st.cache_resource(show_spinner=False)
def _last_valid() -> dict[str, danvan.Catalog]:
    return {}


def catalog() -> tuple[danvan.Catalog | None, danvan.DataError | None]:
    """The current catalog and, when the newest files do not validate, the error (with the last valid catalog)."""
    path = data_path()
    result = _load(path, _stamp(path))
    last = _last_valid()
    if isinstance(result, danvan.DataError):
        return last.get(path), result
    last[path] = result
    return result, None


@st.cache_resource(max_entries=4, show_spinner=False)
def registry(version: str, _catalog: danvan.Catalog) -> Registry:
    return Registry(_catalog.units, _catalog.places)


@st.cache_data(max_entries=64, show_spinner=False)
def visits(version: str, flt: queries.Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.visits(_catalog, flt)


@st.cache_data(max_entries=64, show_spinner=False)
def observations(version: str, flt: queries.Filter, _catalog: danvan.Catalog) -> pl.DataFrame:
    return queries.observations(_catalog, flt)
