"""Build the Word, PDF and Excel fixtures of tests/test_ingest_files.py from REAL figures of the curated data.

    python scripts/make_intake_fixtures.py            # writes tests/fixtures/ingest/files/
    python scripts/make_intake_fixtures.py --check    # exit 1 if the committed files' figures differ from data/

Every figure in these files is an observation of data/observations.yaml (the full-year 2023 values, one row per
district, one column per indicator, the indicator's own name as the header), and every sentence is a verbatim
sentence of a stored source text (data/sources/a16.txt). Nothing is invented. The PDF is printed by headless
Chromium (/usr/bin/chromium) from the same sentences; without Chromium the committed PDF is kept. The Excel 97-2003
copy typed in TCVN3 (bao-cao-2023-vntime.xls) is written with xlwt (`pip install xlwt`, needed only to write it), and
the Word 97-2003 copy of the Word report (bao-cao-2023.doc) by LibreOffice (Debian's libreoffice-writer-nogui, needed
only to write it; without it the committed .doc is kept). The table's PDF rewritten by Ghostscript
(bao-cao-2023-bang-gs.pdf, as PDFs that went through a printer driver or a "reduce size" tool come: a row's cells set
as one string with gaps) is written by `gs` (Debian's ghostscript, needed only to write it; without it the committed
file is kept). LibreOffice also saves the Word report, the workbook and the TCVN3 workbook in its own formats
(bao-cao-2023.odt, bao-cao-2023.ods, bao-cao-2023-vntime.ods; Debian's libreoffice-calc-nogui for the last two), and
exports the Word report, its table ruled, to PDF (bao-cao-2023-libreoffice.pdf), and the report typed as offices type
one, under the heading of a Vietnamese report, to PDF (bao-cao-2023-tieu-de.pdf). Chromium prints the table's report
again with its Vietnamese letters in a second font (bao-cao-2023-bang-hai-phong.pdf).
`--check` reads the tables of the .xlsx, .xls, .doc, .odt, both .ods and both table PDFs."""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

import danvan  # noqa: E402
from danvan import fmt  # noqa: E402
from danvan.registry import OLD_DAY, Registry  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "ingest" / "files"
SOURCE = "a16"  # its sentences go into the Word and PDF reports
SENTENCES = (  # verbatim from data/sources/a16.txt (checked below)
    "Có 202 mô hình “Dân vận khéo” được công nhận trong năm 2023",
    "Năm 2023, toàn thành phố Bắc Kạn có tổng số 279 mô hình “Dân vận khéo” được đăng ký thực hiện",
)
TITLE = "Kết quả công tác dân vận năm 2023"
SHEET = "Năm 2023"
XLS = "bao-cao-2023-vntime.xls"  # the same table in Excel 97-2003, typed in TCVN3
DOC = "bao-cao-2023.doc"  # the Word report in Word 97-2003
TABLE_PDF = "bao-cao-2023-bang.pdf"  # the report with its table, printed to PDF (a text layer, the table's lines drawn)
GS_PDF = "bao-cao-2023-bang-gs.pdf"  # that PDF rewritten by Ghostscript
# the same, its Vietnamese letters beyond Latin-1 drawn in a second font (as a browser draws them in a fallback font
# when the page's font lacks them): each word of them set in pieces, font by font
TWO_FONTS_PDF = "bao-cao-2023-bang-hai-phong.pdf"
# Liberation Serif for Latin-1, Noto Sans (Debian's fonts-noto-core) for the rest
_TWO_FONTS = (
    "@font-face{font-family:Mixed;src:local('Liberation Serif');unicode-range:U+0000-00FF}"
    "@font-face{font-family:Mixed;src:local('Noto Sans');unicode-range:U+0100-FFFF}"
    "body{font-family:Mixed}"
)
# the Word report, its table ruled (Word's "Table Grid"), exported to PDF by LibreOffice: its thirteen columns on a
# portrait page are narrower than some of their words, which LibreOffice breaks where the column ends ("Thà" / "nh")
WRITER_PDF = "bao-cao-2023-libreoffice.pdf"
# the Word report as offices type one, in Times New Roman: the heading's two cells side by side (a table without
# borders: the city's name; the country's name and motto, the place and the year, its day left blank as a report
# has it before it is signed), the title, the sentences, exported to PDF by LibreOffice. Where the font on the
# machine lacks a Vietnamese letter, LibreOffice draws it in another font after the line (Debian: Liberation Serif,
# then Noto Serif from fonts-noto-core)
HEADED_PDF = "bao-cao-2023-tieu-de.pdf"
HEADING = (
    "THÀNH PHỐ BẮC KẠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Kạn, ngày      tháng      năm 2023",
)
# LibreOffice's own formats (OpenDocument): the file each is saved from
OPENDOCUMENT = {
    "bao-cao-2023.odt": "bao-cao-2023.docx",
    "bao-cao-2023.ods": "bao-cao-2023.xlsx",
    "bao-cao-2023-vntime.ods": XLS,
}


def table_rows(catalog: danvan.Catalog) -> tuple[list[str], list[tuple[str, list[float | None]]], list[str]]:
    """(indicator ids, rows of (place label, values by indicator), indicator names): the 2023 full-year values of
    districts, without breakdowns or fractions."""
    obs = catalog.observations.filter(
        (pl.col("period_start") == pl.date(2023, 1, 1))
        & (pl.col("period_end") == pl.date(2023, 12, 31))
        & pl.col("district").is_not_null()
        & pl.col("breakdown").is_null()
        & pl.col("numerator").is_null()
    )
    ids = sorted(set(obs["indicator_id"]))
    names = dict(catalog.indicators.select("id", "name_vi").iter_rows())
    registry = Registry(catalog.units, catalog.places)  # its gazetteer names the districts' types
    rows = []
    for (district, province), group in obs.group_by(["district", "province_code"], maintain_order=True):
        values = dict(group.select("indicator_id", "value").iter_rows())
        res = registry.gazetteer.resolve(district, on=OLD_DAY, level="district", within=province)
        label = res.match.place.type.capitalize() if res.match else "Huyện"  # "Thành phố", "Huyện", "Thị xã"
        rows.append((district, f"{label} {district}", [values.get(i) for i in ids]))
    return ids, [(label, values) for _, label, values in sorted(rows)], [names[i] for i in ids]


def write_xlsx(path: Path, ids: list[str], rows: list, names: list[str]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([TITLE])
    sheet.append([])
    sheet.append(["STT", "Đơn vị", *names])
    for i, (label, values) in enumerate(rows, 1):
        sheet.append([i, label, *values])
    book.save(path)


def write_merged_xlsx(path: Path, catalog: danvan.Catalog) -> None:
    """Two header rows, the first merged over two columns: the shape of many provincial report tables."""
    from openpyxl import Workbook

    obs = catalog.observations.filter(
        (pl.col("source_id") == SOURCE)
        & pl.col("indicator_id").is_in(["dvk_models_registered", "dvk_models_recognized"])
        & pl.col("breakdown").is_null()
    )
    values = {i: v for i, v in obs.select("indicator_id", "value").unique("indicator_id").iter_rows()}
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([TITLE])
    sheet.append(["Đơn vị", "Mô hình “Dân vận khéo”", None])
    sheet.append([None, "Số mô hình đăng ký", "Số mô hình được công nhận"])
    sheet.append(["Thành phố Bắc Kạn", values["dvk_models_registered"], values["dvk_models_recognized"]])
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("A2:A3")
    book.save(path)


def to_tcvn3(text: str) -> str:
    """Unicode as a TCVN3 (.VnTime) font writes it: the inverse of danvan.legacy's table for what TCVN3 itself has
    (lower-case letters and the capitals Ă Â Ê Ô Ơ Ư Đ); a toned capital has no TCVN3 form here and is refused."""
    from danvan import legacy

    back = {u: w for w, u in zip(legacy._TCVN3_FROM, legacy._TCVN3_TO, strict=True) if u.islower() or u in "ĂÂÊÔƠƯĐ"}
    missing = {ch for ch in text if ord(ch) > 127 and ch not in back and not unicodedata.category(ch).startswith("P")}
    if missing:
        raise ValueError(f"no TCVN3 form for {sorted(missing)} in {text!r}")
    return "".join(back.get(ch, ch) for ch in text)


def write_xls(path: Path, rows: list, names: list[str]) -> None:
    """The Excel table as an old provincial office keeps it: Excel 97-2003, typed in TCVN3 with the .VnTime fonts
    (the title in .VnTimeH, which draws capitals), the title merged over the table's width. Needs xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(SHEET)
    text, capitals = xlwt.easyxf("font: name .VnTime"), xlwt.easyxf("font: name .VnTimeH")
    sheet.write_merge(0, 0, 0, 1 + len(names), to_tcvn3(TITLE.lower()), capitals)
    for col, header in enumerate(["STT", "Đơn vị", *names]):
        sheet.write(2, col, to_tcvn3(header), text)
    for i, (label, values) in enumerate(rows, 1):
        sheet.write(2 + i, 0, i)
        sheet.write(2 + i, 1, to_tcvn3(label), text)
        for j, value in enumerate(values):
            if value is not None:
                sheet.write(2 + i, 2 + j, value)
    book.save(str(path))


def write_docx(path: Path, rows: list, names: list[str]) -> None:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for sentence in SENTENCES:
        document.add_paragraph(sentence + ".")
    table = document.add_table(rows=1, cols=2 + len(names))
    for cell, text in zip(table.rows[0].cells, ["STT", "Đơn vị", *names], strict=True):
        cell.text = text
    for i, (label, values) in enumerate(rows, 1):
        cells = table.add_row().cells
        texts = [str(i), label, *("" if v is None else fmt.number(v) for v in values)]
        for cell, text in zip(cells, texts, strict=True):
            cell.text = text
    document.save(path)


def save_as(source: Path, path: Path, form: str) -> bool:
    """`source` saved by LibreOffice (`soffice`, needed only to write it) in `form` ("doc:MS Word 97", "odt", "ods")
    as `path`; False without it."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        profile = f"-env:UserInstallation=file://{tmp}/profile"
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", form, "--outdir", tmp, str(source)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shutil.move(Path(tmp) / source.with_suffix(path.suffix).name, path)
    return True


def write_writer_pdf(docx: Path, path: Path) -> bool:
    """The Word report with its table ruled, exported to PDF by LibreOffice Writer; False without LibreOffice."""
    import docx as word

    document = word.Document(str(docx))
    document.tables[0].style = document.styles["Table Grid"]
    with tempfile.TemporaryDirectory() as tmp:
        ruled = Path(tmp) / path.with_suffix(".docx").name
        document.save(ruled)
        return save_as(ruled, path, "pdf:writer_pdf_Export")


def write_headed_pdf(path: Path) -> bool:
    """The report with its heading, typed in Times New Roman, exported to PDF by LibreOffice; False without it."""
    import docx as word
    from docx.shared import Pt

    document = word.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    heading = document.add_table(rows=1, cols=2)  # no style: no borders
    for cell, text in zip(heading.rows[0].cells, HEADING, strict=True):
        cell.text = text
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph(TITLE)
    for sentence in SENTENCES:
        document.add_paragraph(sentence + ".")
    with tempfile.TemporaryDirectory() as tmp:
        typed = Path(tmp) / path.with_suffix(".docx").name
        document.save(typed)
        return save_as(typed, path, "pdf:writer_pdf_Export")


def write_pdf(path: Path, table: tuple[list, list[str]] | None = None, style: str = "") -> bool:
    """The report printed to PDF by Chromium (as a browser or Word prints one: a text layer), its title and
    sentences; with `table` (rows, indicator names), its table too, ruled, on a landscape page; `style`: CSS."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return False
    body = "".join(f"<p>{html.escape(s)}.</p>" for s in SENTENCES)
    if table is not None:
        rows, names = table
        cells = [["STT", "Đơn vị", *names]]
        cells += [
            [str(i), label, *("" if v is None else fmt.number(v) for v in values)]
            for i, (label, values) in enumerate(rows, 1)
        ]
        body += (
            "<style>@page{size:A4 landscape} table{border-collapse:collapse;font-size:9pt}"
            "td{border:1px solid #000;padding:2px 4px}</style><table>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in cells)
            + "</table>"
        )
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(
            f"<!doctype html><meta charset='utf-8'><style>{style}</style><h1>{html.escape(TITLE)}</h1>{body}",
            encoding="utf-8",
        )
        subprocess.run(
            [
                chromium,
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={path}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return path.is_file()


def write_gs(pdf: Path, path: Path) -> bool:
    """`pdf` rewritten by Ghostscript's pdfwrite (`gs`, needed only to write it); False without it."""
    gs = shutil.which("gs")
    if gs is None:
        return False
    subprocess.run(
        [gs, "-q", "-o", str(path), "-sDEVICE=pdfwrite", str(pdf)], check=True, capture_output=True, timeout=120
    )
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed files' figures")
    args = parser.parse_args(argv)
    catalog = danvan.load(ROOT / "data")
    stored = catalog.texts[SOURCE]
    missing = [s for s in SENTENCES if s not in stored]
    if missing:
        print(f"not verbatim in sources/{SOURCE}.txt: {missing}", file=sys.stderr)
        return 1
    ids, rows, names = table_rows(catalog)
    if args.check:
        from danvan.ingest.readers import cell_number, read_document

        want = {(label, 3 + j): v for label, values in rows for j, v in enumerate(values) if v is not None}
        for name in ("bao-cao-2023.xlsx", XLS, DOC, TABLE_PDF, GS_PDF, TWO_FONTS_PDF, WRITER_PDF, *OPENDOCUMENT):
            table = read_document(OUT / name).tables[0]
            got = {(r[1].text if len(r) > 1 else "", c.column): cell_number(c.text) for r in table.rows for c in r[2:]}
            if got != want:
                print(f"{name} differs from data/observations.yaml", file=sys.stderr)
                return 1
        print("fixtures agree with data/")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    write_xlsx(OUT / "bao-cao-2023.xlsx", ids, rows, names)
    write_merged_xlsx(OUT / "tieu-de-gop.xlsx", catalog)
    write_docx(OUT / "bao-cao-2023.docx", rows, names)
    write_xls(OUT / XLS, rows, names)
    pdf = write_pdf(OUT / "bao-cao-2023.pdf") and write_pdf(OUT / TABLE_PDF, (rows, names))
    pdf = pdf and write_pdf(OUT / TWO_FONTS_PDF, (rows, names), _TWO_FONTS)
    doc = save_as(OUT / "bao-cao-2023.docx", OUT / DOC, "doc:MS Word 97")
    doc = doc and all(save_as(OUT / source, OUT / name, name[-3:]) for name, source in OPENDOCUMENT.items())
    doc = doc and write_writer_pdf(OUT / "bao-cao-2023.docx", OUT / WRITER_PDF) and write_headed_pdf(OUT / HEADED_PDF)
    gs = write_gs(OUT / TABLE_PDF, OUT / GS_PDF)
    made = (
        ("PDFs kept (no Chromium)", pdf),
        (".doc and OpenDocument files kept (no LibreOffice)", doc),
        (f"{GS_PDF} kept (no gs)", gs),
    )
    kept = [what for what, done in made if not done]
    print(f"wrote {OUT} ({len(rows)} rows × {len(ids)} indicators){''.join('; ' + k for k in kept)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
