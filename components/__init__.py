"""Streamlit render helpers and pure figure builders for the pages."""
