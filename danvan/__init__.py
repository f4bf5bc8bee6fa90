"""danvan — the core of the "công tác dân vận" dashboard: data model, loading and validation, queries, formatting.

No Streamlit here: tests, the command line and the pages all call the same plain functions.

    >>> import danvan
    >>> catalog = danvan.load("data")          # raises danvan.DataError listing every problem
    >>> catalog.visits, catalog.observations   # Polars DataFrames
"""

try:
    from .loader import load, load_or_keep
    from .model import Catalog, DataError, Problem
except ModuleNotFoundError as missing:  # "python -m danvan validate data" with the system's Python, which has no Polars
    raise ModuleNotFoundError(
        f"Thiếu gói {missing.name}: hãy chạy trong môi trường cài theo README (`source .venv/bin/activate`, hoặc "
        f"`.venv/bin/python -m danvan …`) / missing package {missing.name}: run in the README's environment",
        name=missing.name,
    ) from missing

__all__ = ["Catalog", "DataError", "Problem", "load", "load_or_keep"]
