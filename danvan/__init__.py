"""danvan — the core of the "công tác dân vận" dashboard: data model, loading and validation, queries, formatting.

No Streamlit here: tests, the command line and the pages all call the same plain functions.

    >>> import danvan
    >>> catalog = danvan.load("data")          # raises danvan.DataError listing every problem
    >>> catalog.visits, catalog.observations   # Polars DataFrames
"""

from .loader import load, load_or_keep
from .model import Catalog, DataError, Problem

__all__ = ["Catalog", "DataError", "Problem", "load", "load_or_keep"]
