"""Files made from a filter: its slides (exports.report) as PowerPoint or one HTML file, its tables as CSV or Excel.

FORMATS is the one table of them: the command line (`python -m danvan export --format NAME`) and the pages' download
buttons both read it. A format is made either from the report (`slides`) or from the tables (`tables`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .html_file import html_bytes
from .pptx_file import pptx_bytes
from .report import Report
from .tables import Tables, csv_files, excel_files


@dataclass(frozen=True)
class Format:
    extension: str
    mime: str
    label: str  # the i18n key of its download button
    slides: Callable[[Report], bytes] | None = None  # one file from the report
    tables: Callable[[Tables], dict[str, bytes]] | None = None  # files from the tables: file-name suffix → content

    def files(self, report: Report, tables: Callable[[], Tables]) -> dict[str, bytes]:
        """The files of this format, keyed by file-name suffix ("" for a single file); `tables` is called only by a
        format made from the tables."""
        if self.slides is not None:
            return {"": self.slides(report)}
        assert self.tables is not None
        return self.tables(tables())


FORMATS: dict[str, Format] = {
    "pptx": Format(
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "present_pptx",
        slides=pptx_bytes,
    ),
    "html": Format("html", "text/html", "present_html", slides=html_bytes),
    "csv": Format("csv", "text/csv", "data_download_csv", tables=csv_files),
    "xlsx": Format(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "data_download_xlsx",
        tables=excel_files,
    ),
}
