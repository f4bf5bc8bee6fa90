"""Pure figure builders, shared by the pages and the exports: Plotly charts (charts), pydeck maps (maps), and a
slide's chart and map picture (slides) from the plain data of spec. No Streamlit here."""
