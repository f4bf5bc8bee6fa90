"""Benchmark entry: `streamlit run scripts/bench_app.py` serves the product exactly as app.py does, plus an empty page
at the URL path `/_trong`, so that the benchmark compares each page's script run with the framework's floor in the
same server process. The empty page exists only under this entry: the product's navigation never lists it."""

import sys
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EMPTY = "_trong"

if urlparse(st.context.url or "").path.strip("/").endswith(EMPTY):
    st.text("trống")  # one element, so that the run sends a delta as every page does
else:
    from components import boot

    page = boot.send()  # as app.py: the page's scripts, config and menu before the app's modules load

    from components import shell

    shell.run(page)
