"""Entry point: `streamlit run app.py`. The page's scripts, the menu and the page config go out first
(components/boot.py), then the shell builds the filter bar and runs the page the URL asks for."""

from components import boot

page = boot.send()  # before the app's modules are imported: a server's first run takes seconds over them

from components import shell  # noqa: E402

shell.run(page)
