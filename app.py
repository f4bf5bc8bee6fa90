"""Entry point: `streamlit run app.py`. The shell builds the filter bar and runs the page the URL asks for."""

from components import shell

shell.run()
