"""Streamlit render helpers and pure figure builders for the pages."""

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from . import boot

# A fresh server's first request to a page's address runs that file of pages/ by itself (Streamlit's legacy
# pages-folder mode): leave it before the page imports its own modules, which takes seconds on a first run.
if PagesManager.uses_pages_directory and get_script_run_ctx() is not None:
    boot.leave_pages_folder_mode()
