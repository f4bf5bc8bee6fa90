"""danvan — the core of the "công tác dân vận" dashboard: data model, loading and validation, queries, formatting.

No Streamlit here: tests, the command line and the pages all call the same plain functions.

    >>> import danvan
    >>> catalog = danvan.load("data")          # raises danvan.DataError listing every problem
    >>> catalog.visits, catalog.observations   # Polars DataFrames

The names below are imported on first use, so that a module without Polars (danvan.i18n, danvan.text) loads without
it: the app sends its page's scripts before anything else (components/boot.py), and a server's first run would wait
for Polars to load first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loader import load, load_or_keep
    from .model import Catalog, DataError, Problem

_WHERE = {"load": "loader", "load_or_keep": "loader", "Catalog": "model", "DataError": "model", "Problem": "model"}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'danvan' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)


__all__ = ["Catalog", "DataError", "Problem", "load", "load_or_keep"]
