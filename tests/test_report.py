"""The slides of a filter (danvan.report) and their exports: PowerPoint with native charts, the self-contained HTML
brief, and the command line `python -m danvan export`, including bad input."""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser

import polars as pl
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt

from danvan import cli
from danvan.exports import html_file as html_export
from danvan.exports import pptx_file as pptx_export
from danvan.exports import report
from danvan.figures import maps
from danvan.figures.slides import make_map_image
from danvan.filter import Filter

LANG_SON = Filter(provinces=("20",), years=(2021, 2024))
MADE = dt.date(2026, 11, 23)
DVK = "Mô hình “Dân vận khéo” được công nhận"


@pytest.fixture(scope="module")
def lang_son(catalog) -> report.Report:
    return report.report(catalog, LANG_SON, "vi", MADE)


def test_slides_of_lang_son(catalog, lang_son):
    kinds = [s.kind for s in lang_son.slides]
    assert kinds == [
        "title",
        "figures",
        "figures",
        "map",
        "timeline",
        "compare",
        "compare",
        "compare",
        "compare",
        "figures",
        "visits",
        "findings",
        "sources",
    ]  # one province: its profile after the key figures
    title = lang_son.slides[0]
    assert title.subtitle == "Lạng Sơn"
    assert ("Giai đoạn", "2021–2024 · 63 tỉnh (trước 1/7/2025)") in title.bullets
    assert ("Ngày lập", "23/11/2026") in title.bullets and len(title.bullets) == 2  # the version: not a main bullet
    assert title.source.endswith(f"Phiên bản dữ liệu {catalog.version}.")
    figures = {f.label: f.value for f in lang_son.slides[1].figures}
    assert figures == {
        "Sự kiện": "1",
        "Tỉnh có sự kiện": "1",
        "Văn bản được nhắc tới": "4",
        "Số liệu chỉ tiêu": "18",
        "Nguồn tin": "1",
    }
    assert all(s.source.startswith("Nguồn:") for s in lang_son.slides)
    # the title's line counts the whole data's sources, and says so, not the one source the filter's figures quote
    assert title.source.startswith(f"Nguồn: toàn bộ dữ liệu gồm {catalog.sources.height} tin bài và báo cáo")


def test_findings_slide_is_the_latest_delegations_a_conference_only_failing_one(catalog):
    """The national slides showed Xuyên Mộc's own year-end conference (11/12/2024) as "Nhận định của đoàn gần nhất"
    though the central delegation to Lạng Sơn (25/04/2024) had findings (a leader's walk-through)."""

    def findings(flt: Filter) -> report.Slide:
        return next(s for s in report.slides(catalog, flt, "vi", MADE) if s.kind == "findings")

    national = findings(Filter())
    assert national.title == "Nhận định của đoàn gần nhất"
    assert national.subtitle == "25/04/2024 · Ban Dân vận Trung ương → Lạng Sơn"
    own = findings(Filter(provinces=("77",)))
    assert own.title == "Nhận định của hội nghị gần nhất" and own.subtitle.startswith("11/12/2024 · Ban Dân vận Huyện")


def test_administrative_reform_rates_have_their_own_chart(catalog):
    """The national deck put the rates of administrative reform (81,77%, 99%, …) on "Các chỉ tiêu khác" after the
    chart of its counts (a leader's walk-through): five charts now, the rest on a slide of figures."""
    slides = report.slides(catalog, Filter(), "vi", MADE)
    charts = [(s.title, s.subtitle) for s in slides if s.kind == "compare"]
    assert ("Cải cách thủ tục hành chính", "Đơn vị: %") in charts and len(charts) == 5
    rates = next(s for s in slides if (s.title, s.subtitle) == ("Cải cách thủ tục hành chính", "Đơn vị: %"))
    assert "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn" in rates.chart.categories
    assert "99%" in [label for series in rates.chart.series for label in series.labels]
    (rest,) = [s for s in slides if s.kind == "figures" and s.title == "Các chỉ tiêu khác"]
    assert not any(f.value.endswith("%") for f in rest.figures)  # the handling of petitions: counts
    lang_son = report.slides(catalog, Filter(provinces=("20",)), "vi", MADE)
    (other,) = [s for s in lang_son if s.title == "Các chỉ tiêu khác"]
    assert other.subtitle == "Đơn vị: %"  # figures of one unit say it, as the charts do


def test_comparison_carries_the_catalog_values(catalog, lang_son):
    dvk = next(s for s in lang_son.slides if s.kind == "compare" and DVK in s.chart.categories)
    assert dvk.title == "Phong trào thi đua “Dân vận khéo”" and dvk.subtitle == "Đơn vị: số lượng"
    (series,) = dvk.chart.series
    assert series.name == "Lạng Sơn · 2021–2023"
    values = dict(zip(dvk.chart.categories, series.values, strict=True))
    labels = dict(zip(dvk.chart.categories, series.labels, strict=True))
    expected = catalog.observations.filter(
        pl.col("indicator_id") == "dvk_models_recognized", pl.col("province_code") == "20"
    )["value"][0]
    assert values[DVK] == expected == 1145 and labels[DVK] == "1.145"
    assert labels["Mô hình, điển hình “Dân vận khéo” được đăng ký"] == "1.291"
    others = {f.label: (f.value, f.detail) for f in lang_son.slides[9].figures}
    assert others["Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến mức độ 3, 4"] == (
        "81,77%",
        "Lạng Sơn · đến 25/04/2024",
    )


def test_comparisons_warn_when_values_are_not_alike(catalog):
    slides = report.slides(catalog, Filter(), "vi", MADE)
    dvk = next(s for s in slides if s.kind == "compare" and s.title == "Phong trào thi đua “Dân vận khéo”")
    assert any("không hoàn toàn so sánh được" in n and "khác cấp" in n for n in dvk.notes)
    assert len(dvk.chart.categories) <= report.MAX_INDICATORS and len(dvk.chart.series) <= report.MAX_SERIES
    assert any(n.startswith("Còn ") for n in dvk.notes)  # what was left out is said


def test_map_and_timeline(catalog):
    slides = report.slides(catalog, Filter(years=(2017, 2024)), "vi", MADE)
    area = {a.name: a.value for a in next(s for s in slides if s.kind == "map").map.areas}
    assert area == {
        "Bắc Kạn": 3,
        "Kiên Giang": 3,
        "Hà Nội": 2,
        "Hà Nam": 2,
        "Thừa Thiên Huế": 2,
        "Lâm Đồng": 2,
        "Bà Rịa - Vũng Tàu": 2,
        **dict.fromkeys(
            ["Lào Cai", "Sơn La", "Lạng Sơn", "Hải Phòng", "Nghệ An", "Quảng Bình", "Đà Nẵng", "Quảng Nam"], 1
        ),
        **dict.fromkeys(["Khánh Hòa", "Bình Thuận", "Đắk Nông", "Bình Phước", "Bến Tre", "Trà Vinh", "An Giang"], 1),
        "Cà Mau": 1,
    }
    timeline = next(s for s in slides if s.kind == "timeline").chart
    assert timeline.categories == tuple(str(y) for y in range(2017, 2025))
    totals = [sum(v) for v in zip(*(s.values for s in timeline.series), strict=True)]
    assert totals == [2, 3, 2, 7, 1, 6, 4, 8]  # 2020: three inspections in Bắc Kạn, a central conference and three more
    assert {s.name for s in timeline.series} == {"Khảo sát", "Kiểm tra", "Giám sát", "Hội nghị tổng kết, sơ kết"}


def test_english_slides(catalog):
    slides = report.slides(catalog, LANG_SON, "en", MADE)
    assert slides[0].title == "Mass mobilisation work"
    assert slides[1].figures[0].label == "Events"
    dvk = next(s for s in slides if s.kind == "compare")
    assert "“Skilful mass mobilisation” models recognised" in dvk.chart.categories
    assert "1,145" in dvk.chart.series[0].labels
    assert all(s.source.startswith("Sources:") for s in slides)


def test_empty_filter_says_so(catalog):
    built = report.report(catalog, Filter(provinces=("20",), years=(2008, 2010)), "vi", MADE)
    assert built.empty and [s.kind for s in built.slides] == ["title", "empty"]
    assert "Không có dữ liệu cho bộ lọc đang chọn (Lạng Sơn; 2008–2010" in built.slides[1].bullets[0][1]
    # a province with nothing in any year is said so, not told to widen the years (a leader's re-check)
    nothing = report.report(catalog, Filter(provinces=("12",), years=(2008, 2026)), "vi", MADE).slides[1].bullets[0][1]
    assert nothing.startswith("Chưa có dữ liệu nào về Lai Châu") and "mở rộng năm" not in nothing


def test_map_image_draws_the_values_without_network(lang_son):
    data = next(s for s in lang_son.slides if s.kind == "map").map
    image = Image.open(io.BytesIO(make_map_image(data, "vi"))).convert("RGB")
    assert image.size == (1500, 1000)
    colours = {colour for _, colour in image.getcolors(maxcolors=1_000_000)}
    assert maps.PALETTE[0] in colours and maps.NO_DATA in colours  # Lạng Sơn coloured, the rest "no data"


def test_map_labels_leave_every_coloured_province_in_sight(catalog, monkeypatch):
    data = next(s for s in report.slides(catalog, Filter(years=(2017, 2024)), "vi", MADE) if s.kind == "map").map

    def pixels() -> dict[tuple[int, int, int], int]:
        image = Image.open(io.BytesIO(make_map_image.__wrapped__(data, "vi"))).convert("RGB")
        return {colour: n for n, colour in image.getcolors(maxcolors=1_000_000)}

    labelled = pixels()
    monkeypatch.setattr("danvan.figures.slides.MAX_MAP_LABELS", 0)
    bare = pixels()
    classes = [colour for colour, _ in maps.legend([a.value for a in data.areas], data.unit, "vi", data.no_data)][:-1]
    assert len(classes) == 3  # 1, 2 and 3 events; Hà Nam, a small province, alone has 2
    for colour in classes:  # a label and its leader line cover at most a tenth of a class's area
        assert labelled[colour] >= 0.9 * bare[colour], colour


def test_value_labels_leave_the_archipelagos_names_clear(catalog, monkeypatch):
    """With 23 provinces coloured, "Thừa Thiên Huế: 2" was written over "Quần đảo Hoàng Sa (Đà Nẵng)": the names of
    both archipelagos are drawn the same with the provinces' labels as without them."""
    from PIL import ImageChops, ImageDraw

    from danvan.figures import slides as drawing
    from danvan.i18n import name_column

    data = next(s for s in report.slides(catalog, Filter(years=(2017, 2024)), "vi", MADE) if s.kind == "map").map
    assert len(data.areas) > drawing.MAX_MAP_LABELS

    def image() -> Image.Image:
        return Image.open(io.BytesIO(make_map_image.__wrapped__(data, "vi"))).convert("RGB")

    labelled = image()
    monkeypatch.setattr("danvan.figures.slides.MAX_MAP_LABELS", 0)
    changed = ImageChops.difference(labelled, image())
    geometry = drawing._geometry(data.scheme, 1000 * drawing.SCALE)
    owners = {f["properties"]["code"]: f["properties"][name_column("vi")] for f in geometry.shapes}
    scratch = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    names = drawing._draw_island_points(
        scratch, geometry.islands, owners, name_column("vi"), drawing._Projection(1000 * drawing.SCALE)
    )
    assert len(names) == 2
    for box in names:
        assert changed.crop(tuple(int(v / drawing.SCALE) for v in box)).getbbox() is None, box


def test_powerpoint_has_native_charts_with_the_data(catalog, lang_son):
    deck = Presentation(io.BytesIO(pptx_export.pptx_bytes(lang_son)))
    assert len(deck.slides) == len(lang_son.slides) == 13
    assert [s.shapes.title.text for s in deck.slides] == [s.title for s in lang_son.slides]
    charts = {}
    for page, slide in zip(deck.slides, lang_son.slides, strict=True):
        notes = [shape for shape in page.shapes if shape.name == pptx_export.SOURCE_NOTE]
        assert len(notes) == 1 and notes[0].text_frame.text == slide.source and slide.source.startswith("Nguồn:")
        for shape in page.shapes:
            if shape.has_chart:
                charts[slide.title] = shape.chart
            assert shape.shape_type != MSO_SHAPE_TYPE.PICTURE or slide.kind == "map"  # only the map is a picture
    assert charts["Sự kiện theo năm"].chart_type == XL_CHART_TYPE.COLUMN_STACKED
    dvk = charts["Phong trào thi đua “Dân vận khéo”"]
    assert dvk.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    plot = dvk.plots[0]
    assert list(plot.categories) == [DVK, "Mô hình, điển hình “Dân vận khéo” được đăng ký"]
    (series,) = plot.series
    assert series.name == "Lạng Sơn · 2021–2023" and list(series.values) == [1145.0, 1291.0]
    assert series.points[0].data_label.text_frame.text == "1.145"  # Vietnamese format on the slide
    percents = charts["Xây dựng “Chính quyền thân thiện”"].plots[0].series[0]
    assert list(percents.values) == [80.0, 93.9, 100.0]  # the indicators by id, the same in every language
    assert percents.points[1].data_label.text_frame.text == "93,9%"
    map_slide = deck.slides[3]
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in map_slide.shapes)
    assert "Quần đảo Hoàng Sa (thành phố Đà Nẵng)" in " ".join(
        s.text_frame.text for s in map_slide.shapes if s.has_text_frame
    )
    properties = deck.core_properties
    assert "Lạng Sơn; 2021–2024" in properties.subject and catalog.version in properties.comments
    assert "23/11/2026" in properties.comments


class _References(HTMLParser):
    """Every place an HTML file could load something: script src, link href, img src, CSS url() and @import."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.css: list[str] = []
        self.text: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for attribute in ("src", "href", "srcset", "poster", "data"):
            if values.get(attribute) and (tag != "a" or attribute != "href"):
                self.loads.append(values[attribute])
        if values.get("style"):
            self.css.append(values["style"])
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.css.append(data)
        elif self._in != "script":
            self.text.append(data)


def test_html_brief_is_self_contained(catalog, lang_son):
    page = html_export.html_text(lang_son)
    found = _References()
    found.feed(page)
    external = [u for u in found.loads if not u.startswith("data:")]
    assert external == [], external
    css = "\n".join(found.css)
    assert "@import" not in css and not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"<link[^>]+href=", page)
    assert "default-src 'none'" in page  # and the browser is told to refuse any request
    assert page.count("<script") >= 3 and "Plotly.newPlot" in page  # plotly.js inline, charts drawn with it
    text = " ".join(found.text)
    for shown in (
        "Lạng Sơn; 2021–2024; 63 tỉnh (trước 1/7/2025)",
        catalog.version,
        "23/11/2026",
        "81,77%",
        "Phong trào thi đua “Dân vận khéo”",
        "Quần đảo Hoàng Sa (thành phố Đà Nẵng)",
        "Nguồn:",
    ):
        assert shown in text, shown
    assert '"1.145"' in page and '"1.291"' in page  # the chart's value labels, the Vietnamese way
    assert page.count('class="source-note"') == len(lang_son.slides)
    # the charts' toolbar in Vietnamese, with no "Share chart..." (to Plotly's server) and no select buttons
    assert '"locale": "vi"' in page and '"Download plot as a PNG": "T\\u1ea3i bi\\u1ec3u' in page  # JSON escapes
    assert '"showSendToCloud": false' in page and '"modeBarButtonsToRemove": ["select2d", "lasso2d"]' in page


def test_html_escapes_source_text(catalog):
    built = report.report(catalog, LANG_SON, "vi", MADE)
    risky = report.Slide(kind="sources", title="<script>alert(1)</script>", source="Nguồn: <img src=x>")
    page = html_export.html_text(
        report.Report((*built.slides[:1], risky), built.filter_label, built.version, built.made, "vi")
    )
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x>" not in page


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_powerpoint(tmp_path, capsys, catalog):
    target = tmp_path / "lang-son.pptx"
    code, out, _ = _run(["--format", "pptx", "--tinh", "20", "--nam", "2021-2024", "-o", str(target)], capsys)
    assert code == 0 and "Lạng Sơn; 2021–2024" in out and catalog.version in out
    deck = Presentation(str(target))
    assert len(deck.slides) == 13 and deck.slides[2].shapes.title.text == "Hồ sơ tỉnh Lạng Sơn"  # the brief
    assert deck.slides[5].shapes.title.text == "Phong trào thi đua “Dân vận khéo”"


def test_cli_html_csv_and_excel(tmp_path, capsys, catalog):
    code, _, _ = _run(
        ["--format", "html", "--tinh", "20", "--nam", "2021-2024", "-o", str(tmp_path / "b.html")], capsys
    )
    assert code == 0 and "Lạng Sơn; 2021–2024" in (tmp_path / "b.html").read_text(encoding="utf-8")
    code, _, _ = _run(["--format", "csv", "--tinh", "20", "--nam", "2021-2024", "-o", str(tmp_path / "ls.csv")], capsys)
    assert code == 0
    values = (tmp_path / "ls-so-lieu.csv").read_text(encoding="utf-8-sig")
    assert values.startswith("Chỉ tiêu,Tỉnh,") and "Mô hình “Dân vận khéo” được công nhận,Lạng Sơn" in values
    about = (tmp_path / "ls-thong-tin.csv").read_text(encoding="utf-8-sig")
    assert "Lạng Sơn; 2021–2024; 63 tỉnh (trước 1/7/2025)" in about and catalog.version in about
    assert (tmp_path / "ls-su-kien.csv").exists() and (tmp_path / "ls-nguon.csv").exists()
    code, _, _ = _run(["--format", "xlsx", "--tinh", "20", "-o", str(tmp_path / "ls.xlsx")], capsys)
    assert code == 0
    import zipfile

    with zipfile.ZipFile(tmp_path / "ls.xlsx") as book:
        assert 'name="Nguồn tin"' in book.read("xl/workbook.xml").decode()
        assert "Lạng Sơn; 2015–2025" in book.read("xl/sharedStrings.xml").decode()  # the data's years by default


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tinh", "99"], "không có tỉnh, thành phố mã “99”"),
        (["--tinh", "20", "--nam", ""], "khoảng năm trống"),
        (["--nam", "2030-2010"], "khoảng năm “2030-2010” không hợp lệ"),
        (["--nam", "abc"], "khoảng năm “abc” không hợp lệ"),
        (["--tinh", ","], "danh sách tỉnh trống"),
    ],
)
def test_cli_refuses_bad_input(tmp_path, capsys, args, message):
    target = tmp_path / "x.pptx"
    code, _, err = _run(["--format", "pptx", *args, "-o", str(target)], capsys)
    assert code == 2 and message in err and not target.exists()


def test_cli_no_data_gives_a_short_file_and_says_so(tmp_path, capsys):
    target = tmp_path / "lai-chau.pptx"
    code, _, err = _run(["--format", "pptx", "--tinh", "12", "--nam", "2017-2018", "-o", str(target)], capsys)
    assert code == 0 and "không có dữ liệu cho bộ lọc (Lai Châu; 2017–2018" in err
    deck = Presentation(str(target))
    assert [s.shapes.title.text for s in deck.slides] == ["Công tác dân vận", "Không có dữ liệu"]


def test_cli_bad_data_folder(tmp_path, capsys):
    code, _, err = _run(["--format", "html", "--data", str(tmp_path / "none"), "-o", str(tmp_path / "x.html")], capsys)
    assert code == 1 and "dữ liệu không hợp lệ" in err


def test_exports_type_check():
    """The exports are typed (issue 10): mypy reports nothing in danvan/exports (other modules have their owners)."""
    api = pytest.importorskip("mypy.api")
    out, _, _ = api.run(["--config-file", "pyproject.toml", "danvan/exports"])
    assert [line for line in out.splitlines() if line.startswith("danvan/exports")] == []


@pytest.mark.parametrize(
    ("fmt", "output", "message"),
    [
        ("pptx", "", "đường dẫn tệp kết quả (-o) trống"),
        ("pptx", "  ", "đường dẫn tệp kết quả (-o) trống"),
        ("pptx", "{dir}", "là một thư mục"),
        ("csv", "{dir}/", "là một thư mục"),
        ("xlsx", "{dir}/tep/x.xlsx", "không ghi được"),  # a file where a folder must be
    ],
)
def test_cli_refuses_a_bad_output_path(tmp_path, capsys, fmt, output, message):
    """Issue 14 §6: a folder, an empty path or an unwritable place gives a clear message and exit code 2, never a
    traceback, and writes nothing beside the folder."""
    (tmp_path / "tep").write_text("a file, not a folder", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    code, out, err = _run(["--format", fmt, "--tinh", "20", "-o", output.format(dir=tmp_path)], capsys)
    assert code == 2 and message in err and "Traceback" not in err and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tep"]
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before


def test_cli_writes_atomically(tmp_path, capsys, monkeypatch):
    """A write that fails at the end keeps the earlier file whole and leaves no temporary file."""
    target = tmp_path / "b.html"
    target.write_text("bản cũ", encoding="utf-8")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", fail)
    code, _, err = _run(["--format", "html", "--tinh", "20", "-o", str(target)], capsys)
    assert code == 2 and "không ghi được" in err and "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "bản cũ" and [p.name for p in tmp_path.iterdir()] == ["b.html"]
    monkeypatch.undo()
    code, _, _ = _run(["--format", "csv", "--tinh", "20", "-o", str(tmp_path / "ls.csv")], capsys)
    assert code == 0 and sorted(p.name for p in tmp_path.iterdir()) == [
        "b.html",
        "ls-nguon.csv",
        "ls-so-lieu.csv",
        "ls-su-kien.csv",
        "ls-thong-tin.csv",
    ]
    assert (tmp_path / "ls-nguon.csv").stat().st_mode & 0o044  # readable by others, as an ordinary file


def test_slides_flag_a_percentage_that_contradicts_its_ratio(catalog, lang_son):
    """Issue 12 defect 1: Lạng Sơn's "80%" (166/200 = 83%) is flagged beside the value on the slide, in the
    PowerPoint and in the HTML brief."""
    friendly = next(s for s in lang_son.slides if s.title == "Xây dựng “Chính quyền thân thiện”")
    (series,) = friendly.chart.series
    assert series.labels[0] == "80% ⚠" and series.labels[1:] == ("93,9%", "100%")
    (note,) = [n for n in friendly.notes if "166/200" in n]
    assert note.startswith("⚠ Tỷ lệ xã") and "Lạng Sơn · đến 25/04/2024" in note and "166/200 = 83%" in note
    deck = Presentation(io.BytesIO(pptx_export.pptx_bytes(lang_son)))
    page = deck.slides[lang_son.slides.index(friendly)]
    chart = next(shape.chart for shape in page.shapes if shape.has_chart)
    assert chart.plots[0].series[0].points[0].data_label.text_frame.text == "80% ⚠"
    assert "166/200 = 83%" in " ".join(s.text_frame.text for s in page.shapes if s.has_text_frame)
    assert "166/200 = 83%" in html_export.html_text(lang_son)
    clean = [s for s in lang_son.slides if s is not friendly]
    assert not any("⚠" in label for s in clean if s.chart for x in s.chart.series for label in x.labels)


def test_slides_name_places_with_their_kind(catalog):
    """Issue 12 defect 11: the city of Bắc Kạn is "thành phố Bắc Kạn", not a second "Bắc Kạn"; districts say
    "huyện"."""
    built = report.report(catalog, Filter(provinces=("06",), years=(2020, 2020)), "vi", MADE)
    visits = next(s for s in built.slides if s.kind == "visits")
    who = [row[2] for row in visits.table.rows]
    assert any("→ thành phố Bắc Kạn, Bắc Kạn" in w for w in who) and any("→ huyện Ba Bể, Bắc Kạn" in w for w in who)
    english = report.report(catalog, Filter(provinces=("06",), years=(2020, 2020)), "en", MADE)
    assert any(
        "Bắc Kạn City, Bắc Kạn" in row[2] for row in next(s for s in english.slides if s.kind == "visits").table.rows
    )
    sources = next(s for s in built.slides if s.kind == "sources").table
    assert sources.header == ("Tiêu đề", "Cơ quan đăng", "Ngày đăng")  # slide 10: titles, not ids
    assert not any(re.fullmatch(r"[sa]\d\d", cell) for row in sources.rows for cell in row)
    assert sources.rows[0][1] == "Báo Bắc Kạn" and sources.links[0] == "https://baobackan.org.vn"


@pytest.mark.parametrize("flt", [Filter(years=(2015, 2015)), LANG_SON, Filter(provinces=("06",))])
def test_slides_account_for_every_value_they_count(catalog, flt):
    """Issue 12 defect 12 (?nam=2015): the key figures' count and the slides come from the same rows: each value is
    drawn, or counted in a "Còn N" note; values whose period reaches beyond the years are said to."""
    built = report.report(catalog, flt, "vi", MADE)
    key = built.slides[1]
    counted = int({f.label: f.value for f in key.figures}["Số liệu chỉ tiêu"].replace(".", ""))
    drawn = sum(v is not None for s in built.slides if s.kind == "compare" for x in s.chart.series for v in x.values)
    drawn += sum(len(s.figures) for s in built.slides[2:] if s.kind == "figures" and not s.title.startswith("Hồ sơ"))
    more = sum(
        int(m)
        for s in built.slides[1:]
        if s.kind in ("compare", "figures") and not s.title.startswith("Hồ sơ")
        for n in s.notes
        for m in re.findall(r"^Còn (\d+) ", n)
    )
    assert drawn + more == counted and drawn > 1


def test_key_figures_say_when_periods_reach_beyond_the_years(catalog):
    key = report.report(catalog, Filter(years=(2014, 2014)), "vi", MADE).slides[1]
    assert any(n.startswith("15 số liệu có kỳ bao trùm năm đang chọn (2014)") and "2009–2024" in n for n in key.notes)


def test_statuses_are_named_as_reported_estimated_or_planned(catalog):
    """Issue 12 defect 13: an estimate says "Dự ước" beside its value; nothing says "Đã đạt" (achieved)."""
    built = report.report(catalog, Filter(provinces=("44",)), "vi", MADE)
    # Quảng Bình's estimates (99 vườn, 1 hợp tác xã: unlike things, each its own figure) say so under their value
    details = [
        f.detail for s in built.slides if s.kind == "figures" and s.title == "Các chỉ tiêu khác" for f in s.figures
    ]
    assert "huyện Lệ Thủy, Quảng Bình · Cấp huyện · đến 31/12/2023 · Dự ước" in details
    deck = Presentation(io.BytesIO(pptx_export.pptx_bytes(built)))
    text = " ".join(p.text_frame.text for slide in deck.slides for p in slide.shapes if p.has_text_frame)
    assert "Dự ước" in text and "Đã đạt" not in text
    page = html_export.html_text(built)
    assert "Dự ước" in page and "Đã đạt" not in page and "\\u0110\\u00e3 \\u0111\\u1ea1t" not in page
    table = report.report(catalog, Filter(provinces=("44",)), "en", MADE)
    assert any(f.detail.endswith("· Estimated") for s in table.slides if s.kind == "figures" for f in s.figures)


def test_province_brief(catalog):
    """The one-click province brief: the province's report with a profile slide after the key figures (region,
    what 1/7/2025 did to it, its latest values, a contradicting ratio flagged)."""
    made = report.brief(catalog, "20", (2021, 2024), "vi", MADE)
    plain = report.report(catalog, LANG_SON, "vi", MADE)  # presentation mode and the command line for --tinh 20
    assert made == plain and made.slides[2].title == "Hồ sơ tỉnh Lạng Sơn"
    two = report.report(catalog, Filter(provinces=("20", "06"), years=(2021, 2024)), "vi", MADE)
    assert not any(s.title.startswith("Hồ sơ") for s in two.slides)
    profile = made.slides[2]
    assert profile.kind == "figures" and profile.subtitle.startswith("Vùng: Trung du và miền núi phía Bắc")
    assert "sáp nhập vào" in profile.subtitle or "giữ nguyên" in profile.subtitle
    values = {f.label: f.value for f in profile.figures}
    assert len(values) == report.MAX_FIGURES and values[DVK] == "1.145"
    assert made.filter_label == plain.filter_label and made.stats == plain.stats
    english = report.brief(catalog, "20", (2021, 2024), "en", MADE).slides[2]
    assert english.title == "Profile of Lạng Sơn province" and english.subtitle.startswith("Region: Northern Midlands")
    empty = report.brief(catalog, "12", (2017, 2018), "vi", MADE)
    assert empty.empty and [s.kind for s in empty.slides] == ["title", "empty"]


def test_cli_one_province_is_the_brief(tmp_path, capsys, catalog):
    """`export --tinh 20` makes the same brief as the profile page's buttons."""
    target = tmp_path / "ls.pptx"
    code, _, _ = _run(["--format", "pptx", "--tinh", "20", "--nam", "2021-2024", "-o", str(target)], capsys)
    assert code == 0
    titles = [s.shapes.title.text for s in Presentation(str(target)).slides]
    assert titles == [s.title for s in report.brief(catalog, "20", (2021, 2024), "vi", MADE).slides]


def test_profile_page_offers_the_brief_made_on_click(tmp_path, monkeypatch, catalog):
    """The profile's two buttons make the brief (PowerPoint and HTML) only when pressed, the same as the command
    line's `export --tinh 20`."""
    import shutil
    from pathlib import Path

    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parent.parent
    shutil.copy(root / "app.py", tmp_path / "app.py")
    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    at = AppTest.from_file(str(tmp_path / "app.py"), default_timeout=60)
    at.query_params.update({"tinh": "20", "nam": "2021-2024"})
    at.switch_page(str(root / "pages" / "ho-so-tinh.py"))
    at.run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button") if b.proto.id.endswith(("brief_pptx", "brief_html"))]
    assert labels == ["PowerPoint (.pptx)", "Bản tin HTML (mở không cần mạng)"]
    deck = Presentation(io.BytesIO(made["ban-tin-lang-son-2021-2024.pptx"]()))
    expected = report.brief(catalog, "20", (2021, 2024), "vi", MADE)
    assert [s.shapes.title.text for s in deck.slides] == [s.title for s in expected.slides]
    assert "Hồ sơ tỉnh Lạng Sơn" in made["ban-tin-lang-son-2021-2024.html"]().decode("utf-8")


def test_chart_data_sheets_show_whole_numbers_without_a_point(lang_son):
    """Issue 12 defect 16 in the PowerPoint: a chart's data sheet shows 1,145 (1.145 in Vietnamese), never "1,145."."""
    import openpyxl

    deck = Presentation(io.BytesIO(pptx_export.pptx_bytes(lang_son)))
    formats = {}
    for page in deck.slides:
        for shape in page.shapes:
            if shape.has_chart:
                sheet = openpyxl.load_workbook(io.BytesIO(shape.chart.part.chart_workbook.xlsx_part.blob)).active
                formats[page.shapes.title.text] = sheet["B2"].number_format
    assert formats["Phong trào thi đua “Dân vận khéo”"] == "#,##0"
    assert formats["Xây dựng “Chính quyền thân thiện”"] == "#,##0.0#"  # 93,9%
    assert not any(f.endswith(".##") for f in formats.values())


def test_long_notes_push_the_content_up(catalog):
    """A slide with long notes (the key figures of ?nam=2014) keeps them above the source note and the content above
    them: no box overlaps another."""
    built = report.report(catalog, Filter(years=(2014, 2014)), "vi", MADE)
    page = Presentation(io.BytesIO(pptx_export.pptx_bytes(built))).slides[1]
    notes = next(s for s in page.shapes if s.has_text_frame and "2009–2024" in s.text_frame.text)
    source = next(s for s in page.shapes if s.name == pptx_export.SOURCE_NOTE)
    lines = sum(-(-len(p.text) // 72) for p in notes.text_frame.paragraphs)  # at most ~72 characters a line at 16 pt
    assert notes.height >= lines * Pt(16) and notes.top + notes.height <= source.top + Pt(12)
    figures = [s for s in page.shapes if s.has_text_frame and s.text_frame.text in ("0", "15", "4")]
    assert figures and all(f.top + f.height <= notes.top + Pt(1) for f in figures)


def test_what_the_reorganisation_did_names_the_partners_even_when_the_name_is_kept(catalog):
    from danvan.exports.report import province_relation

    assert province_relation(catalog, "56", "63") == "từ 1/7/2025 hợp nhất với Ninh Thuận thành Khánh Hòa"
    # the merged unit keeps a partner's name: said as joining it (from a leader's walk-through)
    assert province_relation(catalog, "77", "63") == "từ 1/7/2025 cùng Bình Dương hợp nhất vào Hồ Chí Minh"
    assert province_relation(catalog, "77", "63", "en") == "merged into Hồ Chí Minh with Bình Dương from 1/7/2025"
    assert province_relation(catalog, "58", "63") == "từ 1/7/2025 hợp nhất vào Khánh Hòa"  # Ninh Thuận
    assert (
        province_relation(catalog, "79", "63")
        == "từ 1/7/2025 hợp nhất với Bà Rịa - Vũng Tàu, Bình Dương thành Hồ Chí Minh"
    )
    assert province_relation(catalog, "20", "63") == "giữ nguyên khi sắp xếp đơn vị hành chính ngày 1/7/2025"
    assert province_relation(catalog, "56", "63", "en") == "merged with Ninh Thuận into Khánh Hòa from 1/7/2025"


def test_a_comparison_slide_draws_the_same_series_in_every_language_provinces_first(catalog):
    """From a leader's walk-through: slide 5 drew other bars in English than in Vietnamese (indicators and series were
    ordered by their names), and left out Bà Rịa - Vũng Tàu's 2.071 for districts' figures; now the indicators go by
    id and a chart over provinces draws the provinces' figures first."""

    def dvk(lang: str) -> list[tuple[float | None, ...]]:
        slides = report.slides(catalog, Filter(years=(2017, 2024)), lang, MADE)
        slide = next(s for s in slides if s.kind == "compare")  # the “Dân vận khéo” movement, in either language
        return [series.values for series in slide.chart.series]

    assert dvk("vi") == dvk("en")
    assert any(2071.0 in values for values in dvk("vi")) and any(306.0 in values for values in dvk("vi"))


def test_under_the_34_unit_scheme_a_former_provinces_values_carry_both_names(catalog):
    """Slides name a value's unit as every page does: the new province with the unit of record beside it, never the
    new name alone (Bà Rịa - Vũng Tàu's 2.071 models are not Hồ Chí Minh's), and two merged units' values are two
    series, not one."""
    deck = report.report(catalog, Filter(years=(2017, 2024), scheme="34"), "vi", MADE)
    series = {s.name for slide in deck.slides if slide.chart for s in slide.chart.series}
    assert "Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu) · 2021" in series
    assert "huyện Lệ Thủy, Quảng Trị (trước đây: Quảng Bình) · Cấp huyện · 2023" in series  # a district
    assert "Ninh Bình (trước đây: Hà Nam) · 2022" in series
    profile = report.slides(catalog, Filter(provinces=("37",), scheme="34"), "vi", MADE)
    (brief,) = [s for s in profile if s.title == "Hồ sơ tỉnh Ninh Bình"]
    assert {f.detail for f in brief.figures} == {"Ninh Bình (trước đây: Hà Nam) · 2022 · Báo cáo"}  # not Ninh Bình's
    assert not any(name.startswith(("Hồ Chí Minh ·", "Ninh Bình ·")) for name in series)
    visits = next(s for s in deck.slides if s.kind == "visits")
    who = [row[2] for row in visits.table.rows]
    assert "Ban Dân vận Huyện ủy Xuyên Mộc → huyện Xuyên Mộc, Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)" in who


def test_a_charts_parts_of_one_indicator_are_its_largest(catalog):
    """A leader's walk-through: Lạng Sơn's "Văn bản lãnh đạo" chart drew chỉ thị 13, hướng dẫn 9, kế hoạch 14 and
    kết luận 1 — the parts in alphabetical order — and left quyết định 22 among "Còn 7 giá trị khác"."""
    made = report.report(catalog, Filter(provinces=("20",)), "vi", dt.date(2026, 12, 1))
    chart = next(s.chart for s in made.slides if s.chart is not None and s.title == "Văn bản lãnh đạo, chỉ đạo")
    assert chart.categories == ("quyết định", "kế hoạch", "chỉ thị", "hướng dẫn")  # each bar by its part
    assert chart.series[0].values == (22, 14, 13, 9)
    slide = next(s for s in made.slides if s.chart is chart)  # the indicator named once, above the chart
    assert slide.subtitle.startswith("Văn bản lãnh đạo công tác dân vận do Ban Thường vụ Tỉnh ủy ban hành · ")


def test_the_parts_of_each_indicator_are_a_chart_of_their_own(catalog):
    """A leader's walk-through: beside the Ban Thường vụ's documents, the subordinate committees' 527 kế hoạch and
    129 chương trình hành động were left among "Còn 7 giá trị khác" — one chart drew one indicator's parts only. Each
    indicator's parts now have their own slide, the leftovers counted per chart."""
    made = report.report(catalog, Filter(provinces=("20",)), "vi", dt.date(2026, 12, 1))
    slides = [s for s in made.slides if s.title == "Văn bản lãnh đạo, chỉ đạo"]
    assert [s.subtitle.split(" · ")[0] for s in slides] == [
        "Văn bản lãnh đạo công tác dân vận do Ban Thường vụ Tỉnh ủy ban hành",
        "Chương trình, kế hoạch công tác dân vận do các cấp ủy trực thuộc Tỉnh ủy ban hành",
    ]
    assert slides[1].chart.categories == ("kế hoạch", "chương trình hành động")
    assert slides[1].chart.series[0].labels == ("527", "129")
    assert slides[0].notes == (
        "Còn 5 giá trị khác không hiện ở đây — xem đủ trong ứng dụng (trang So sánh, Dữ liệu) hoặc tệp Excel.",
    )
    assert slides[1].notes == ()


def test_a_visit_kind_keeps_its_colour_in_every_deck(catalog):
    """A leader's walk-through: "Kiểm tra" was orange in the national deck and blue in Bắc Kạn's (colours went by
    the kinds a deck has); now each kind has the timeline page's colour everywhere."""
    from danvan.figures import charts
    from danvan.figures.slides import make_slide_figure
    from danvan.model import VISIT_KINDS

    page = charts.OKABE_ITO[VISIT_KINDS.index("kiem_tra")]
    for flt in (Filter(), Filter(provinces=("06",))):
        chart = next(s.chart for s in report.slides(catalog, flt, "vi", MADE) if s.kind == "timeline")
        drawn = {trace.name: trace.marker.color for trace in make_slide_figure(chart, "vi").data}
        assert drawn["Kiểm tra"] == page, (flt, drawn)
    assert [s.name for s in chart.series] == ["Kiểm tra"]  # Bắc Kạn's deck has that kind only: still its colour


def test_the_other_indicators_slide_shows_the_same_figures_in_both_languages(catalog):
    """A leader's walk-through: "Các chỉ tiêu khác" drew 47, 376, 3, 106, 117, 62 and its English deck 47, 376, 62,
    178, 117, 352 — the figures were picked in the order of the indicators' names, which differ by language."""
    picked = {}
    for lang in ("vi", "en"):
        slide = next(
            s
            for s in report.slides(catalog, Filter(), lang, MADE)
            if s.kind == "figures" and s.chart is None and s.title in ("Các chỉ tiêu khác", "Other indicators")
        )
        picked[lang] = [f.value for f in slide.figures]
    # the first, an increase over a year, is no bar beside the totals of its campaign (indicators.yaml's `counts`)
    assert picked["vi"] == picked["en"] == ["276", "47", "352", "376", "3", "106"]


def test_the_sources_slide_promises_links_only_where_a_source_has_one(catalog, lang_son):
    """A leader's walk-through: the slide said every source's link was in the app, and four had none."""
    (slide,) = [s for s in lang_son.slides if s.kind == "sources"]
    assert slide.notes[-1] == (
        "Toàn văn đã lưu của từng nguồn, và đường dẫn khi nguồn có: trong ứng dụng (trang Nguồn) và tệp Excel."
    )


def test_a_chart_draws_like_things_only(catalog):
    """378 tiêu chí, 1 hợp tác xã and 99 vườn of one district were bars of one chart, read against each other on a
    projector (a leader's walk-through): a chart's indicators count the same thing (indicators.yaml `counts`)."""
    built = report.report(catalog, Filter(provinces=("44",)), "vi", MADE)
    charts = {s.chart.categories for s in built.slides if s.kind == "compare"}
    assert ("Khu dân cư kiểu mẫu được công nhận", "Khu dân cư kiểu mẫu đang thẩm định") in charts
    drawn = {name for names in charts for name in names}
    assert not drawn & {"Vườn kiểu mẫu", "Hợp tác xã kiểu mẫu", "Đoạn đường kiểu mẫu"}
    # nor a year's increase beside a total (8 tiêu chí more, 378 in all: a leader's re-check)
    assert "Số tiêu chí nông thôn mới tăng so với cuối năm trước" not in drawn
    alone = [f.label for s in built.slides if s.title == "Các chỉ tiêu khác" for f in s.figures]
    assert {"Vườn kiểu mẫu", "Hợp tác xã kiểu mẫu", "Đoạn đường kiểu mẫu"} <= set(alone)
