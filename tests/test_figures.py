"""The labels and hover texts the pages draw, built in the core (danvan.figures) from the filter's rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from danvan import queries
from danvan.figures import charts, maps
from danvan.filter import Filter

STANDING = "dv_docs_issued_provincial_standing_committee"  # Lạng Sơn, 2013–2024, nine documents by type


def test_compare_labels_name_place_period_value_and_status(catalog):
    obs = queries.per_year(queries.observations(catalog, Filter()))
    rows = charts.compare_labels(obs.filter(pl.col("indicator_id") == STANDING), "en", per_year=False)
    first = rows.filter(pl.col("breakdown") == "chỉ thị").row(0, named=True)  # the breakdown label in English
    assert (first["label"], first["period_label"], first["series"], first["text"], first["status_label"]) == (
        "Lạng Sơn · Provincial",
        "2013–2024",
        "directives · 2013–2024",
        "13",
        "Reported",
    )
    assert first["hover"].startswith("<b>Lạng Sơn · Provincial</b><br>Period: 2013–2024 (Reported)<br>Value: 13<br>“")
    assert rows["series"].to_list() == sorted(rows["series"].to_list())


def test_compare_labels_per_year_and_dates_in_vietnamese(catalog):
    obs = queries.per_year(queries.observations(catalog, Filter()))
    rows = charts.compare_labels(obs.filter(pl.col("indicator_id") == STANDING), "vi", per_year=True)
    assert rows.filter(pl.col("series") == "chỉ thị · 2013–2024")["text"][0] == "1,1/năm"  # 13 over 12 years
    # a span of days is divided by its length, not by the calendar years it touches (Vạn Ninh's "Qua 10 năm": 196
    # models from 03/06/2013 to 10/08/2023 are 19,2 a year, not 17,82), and a single year is said per year too
    built = charts.compare_labels(obs.filter(pl.col("indicator_id") == "dvk_models_built"), "vi", per_year=True)
    texts = dict(built.select(pl.col("label").str.split(",").list.first(), "text").iter_rows())
    assert texts["Vạn Ninh"] == "19,2/năm" and texts["Xuyên Mộc"] == "342/năm"
    assert "03/06/2013–10/08/2023" in built["period_label"]
    sources = charts.compare_table(built, catalog.sources, "vi").select("Nơi", "Nguồn").rows()
    assert ("Vạn Ninh, Khánh Hòa · Cấp huyện", "Bài không có tiêu đề trên vanninh.khanhhoa.gov.vn") in sources
    assert all(text.endswith("/năm") for text in built["text"])
    one = (
        obs.filter(pl.col("indicator_id") == STANDING)
        .head(1)
        .with_columns(
            pl.lit(dt.date(2024, 4, 25)).alias("period_start"),
            pl.lit(dt.date(2024, 4, 25)).alias("period_end"),
            pl.lit(1).alias("years"),
        )
    )
    assert charts.compare_labels(one, "vi", per_year=False)["period_label"][0] == "đến 25/04/2024"  # a stock
    assert charts.compare_labels(one, "en", per_year=False)["period_label"][0] == "to 25/04/2024"
    part = one.with_columns(pl.lit(dt.date(2024, 1, 1)).alias("period_start"))
    assert charts.compare_labels(part, "vi", per_year=False)["period_label"][0] == "01/01/2024–25/04/2024"


def test_hover_text_escapes_markup_from_sources():
    frame = pl.DataFrame({"body": ["<script>x</script> & co"]})
    assert frame.select(charts.escaped(pl.col("body")))["body"][0] == "&lt;script&gt;x&lt;/script&gt; &amp; co"


def test_compare_chart_keeps_the_latest_province_series_when_there_are_too_many(catalog):
    obs = queries.per_year(queries.observations(catalog, Filter()))
    rows = charts.compare_labels(obs.filter(pl.col("indicator_id") == STANDING), "vi", per_year=False)
    assert charts.compare_chart_rows(rows, 80).height == rows.height
    few = charts.compare_chart_rows(rows, 3)
    assert few.height == 1 and few["series"].n_unique() == 1  # one series: the latest (all periods are equal here)


def test_compare_table_headers_and_source_titles(catalog):
    obs = queries.per_year(queries.observations(catalog, Filter()))
    rows = charts.compare_labels(obs.filter(pl.col("indicator_id") == STANDING), "en", per_year=False)
    table = charts.compare_table(rows, catalog.sources, "en")
    assert table.columns == [
        "Place",  # a province, a district or a commune: the column holds all three
        "Period",
        "Value",
        "Status",
        "Breakdown",  # no recomputed rate: none of these values states a ratio (a laptop showed the column empty)
        "Verbatim quote",
        "Source",
    ]
    assert table.filter(pl.col("Breakdown") == "directives").row(0)[:4] == (
        "Lạng Sơn · Provincial",
        "2013–2024",
        "13",
        "Reported",
    )
    assert table["Source"][0].startswith("Đoàn khảo sát của Ban Dân vận Trung ương")
    rates = charts.compare_labels(
        obs.filter(pl.col("indicator_id") == "friendly_govt_communes_rate"), "vi", per_year=False
    )
    table = charts.compare_table(rates, catalog.sources, "vi")
    assert "Phân tổ" not in table.columns and table["Tỷ lệ tính lại"].to_list() == ["166/200 = 83%"]


def test_map_tooltips_state_value_period_source_and_quote(catalog):
    obs = queries.observations(catalog, Filter(years=(2017, 2024)))
    values = queries.map_values(obs, "dvk_models_recognized", "63")
    tips = maps.tooltips(values, catalog.sources, legend_title="Mô hình", unit="count", lang="vi")
    lines = tips["20"].split("\n")
    assert lines[:2] == ["Mô hình: 1.145", "Kỳ số liệu: 2021–2023"]
    assert lines[2].startswith("Nguồn: Đoàn khảo sát của Ban Dân vận Trung ương")
    assert lines[3].startswith("“Giai đoạn 2021 - 2023") and "1.145 mô hình" in lines[3]
    # under the 34-unit scheme Hà Nam's figure colours Ninh Bình: the tooltip says it is Hà Nam's alone, not a sum
    merged = queries.map_values(
        queries.observations(catalog, Filter(years=(2017, 2024), scheme="34")), "dvk_models_recognized", "34"
    )
    tip = maps.tooltips(merged, catalog.sources, legend_title="Mô hình", unit="count", lang="vi")["37"].split("\n")
    assert tip[:3] == [
        "Mô hình: 306",
        "Kỳ số liệu: 2022",
        "Số liệu của riêng Hà Nam (trước 1/7/2025), không phải của cả Ninh Bình",
    ]


def test_map_tooltips_of_visits_count_events(catalog):
    """Dated by their days, not as a stock "đến 25/04/2024" (a leader's walk-through)."""
    visits = queries.visits(catalog, Filter(provinces=("20", "06")))
    counts = queries.visit_counts(visits).with_columns(
        *(pl.lit(None, pl.List(pl.String)).alias(c) for c in ("parts", "sources", "quotes"))
    )
    assert maps.tooltips(counts, catalog.sources, legend_title="Số sự kiện", unit=None, lang="vi") == {
        "20": "Số sự kiện: 1 sự kiện\nThời gian: 25/04/2024",
        "06": "Số sự kiện: 3 sự kiện\nThời gian: 27–28/05/2020",
    }


def test_arcs_are_coloured_by_level_with_the_newest_visit(catalog):
    visits = queries.visits(catalog, Filter(provinces=("20",)))
    arcs = maps.arc_rows(queries.arc_summary(visits, catalog.units), "vi").to_dicts()
    assert arcs == [
        {
            "from_lon": 105.85,
            "from_lat": 21.03,
            "to_lon": 106.76,
            "to_lat": 21.85,
            "color": list(maps.ARC_COLORS["central"]),
            "tooltip": "25/04/2024\nBan Dân vận Trung ương → Lạng Sơn",
        }
    ]
    # under the 34-unit scheme the host keeps its name of record, and an estimated day is marked
    merged = queries.visits(catalog, Filter(provinces=("19",), years=(2020, 2020), scheme="34"))  # Thái Nguyên
    tooltips = [a["tooltip"] for a in maps.arc_rows(queries.arc_summary(merged, catalog.units), "vi").to_dicts()]
    assert any(t.startswith("~28/05/2020\n") and "Thái Nguyên (trước đây: Bắc Kạn)" in t for t in tooltips)
    hover = merged.select(charts.timeline_hover("vi"))["hover"].to_list()
    assert any(h.startswith("<b>~28/05/2020</b>") for h in hover)
    # each host is a ring in its level's colour over a white halo, not a dot: a small province's colour shows through
    layers = {layer.id: layer for layer in maps._arc_layers(pl.DataFrame(arcs))}
    assert list(layers) == ["visits", "hosts_halo", "hosts"]
    assert layers["hosts"].filled is False and layers["hosts"].get_line_color == "@@=color"
    assert layers["hosts_halo"].get_line_color == [255, 255, 255]


def test_legend_classes_then_no_data():
    assert maps.legend([1.0, 2.0, 3.0], "count", "vi", "Không có số liệu") == [
        (maps.PALETTE[0], "1"),
        (maps.PALETTE[2], "2"),
        (maps.PALETTE[4], "3"),
        (maps.NO_DATA, "Không có số liệu"),
    ]
    assert maps.legend([10.0, 60.0], "percent", "vi", "—")[:2] == [(maps.PALETTE[0], "10%"), (maps.PALETTE[4], "60%")]
    assert maps.legend([], "count", "en", "No data") == [(maps.NO_DATA, "No data")]


def test_timeline_hover_and_month_buckets(catalog):
    visits = queries.visits(catalog, Filter(provinces=("20",)))
    hover = visits.with_columns(charts.timeline_hover("en"))["hover"][0]
    assert hover.startswith("<b>25/04/2024</b> · Survey<br>Ban Dân vận Trung ương<br>Leader: Triệu Tài Vinh")
    assert hover.endswith("Host: Lạng Sơn<br>Documents: 25-NQ/TW, 43-KL/TW, 217-QĐ/TW, 218-QĐ/TW")
    bucket = charts.timeline_buckets(queries.visit_buckets(visits), "vi").row(0, named=True)
    assert bucket["hover"] == "<b>04/2024</b> · Khảo sát<br>1 sự kiện" and bucket["body_level"] == "central"


def _figure(visits: pl.DataFrame):
    """The timeline of `visits` (with their hover texts), without milestones."""
    levels, kinds = charts.timeline_labels("vi")
    return charts.make_timeline_figure(
        visits,
        pl.DataFrame(schema={"code": pl.String, "date": pl.Date}),
        level_labels=levels,
        kind_labels=kinds,
        lang="vi",
    )


def _timeline(catalog, flt: Filter):
    return _figure(queries.visits(catalog, flt).with_columns(charts.timeline_hover("vi")))


def test_timeline_markers_of_one_day_and_level_do_not_overlap(catalog):
    figure = _timeline(
        catalog, Filter(provinces=("06",))
    )  # Bắc Kạn: Ba Bể and TP Bắc Kạn inspected the same day by the same body
    points = [(x, y) for trace in figure.data for x, y in zip(trace.x, trace.y, strict=True)]
    same_day = [p for p in points if str(p[0]) == "2020-05-27"]
    assert len(same_day) == 2 and len(set(same_day)) == 2
    assert list(figure.layout.yaxis.ticktext) == ["Cấp huyện", "Cấp tỉnh", "Trung ương"]


def test_a_communes_visit_gets_the_communes_row_below_the_district(catalog):
    visits = queries.visits(catalog, Filter(provinces=("06",))).with_columns(charts.timeline_hover("vi"))
    visits = visits.with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("commune")).otherwise("body_level").alias("body_level")
    )
    figure = _figure(visits)
    assert list(figure.layout.yaxis.ticktext) == ["Cấp xã", "Cấp huyện", "Cấp tỉnh", "Trung ương"]


def test_timeline_ticks_do_not_repeat_for_one_event(catalog):
    figure = _timeline(catalog, Filter(provinces=("20",)))  # Lạng Sơn: one event, 25/04/2024
    axis = figure.layout.xaxis
    assert axis.dtick == "M1" and axis.tickformat == "%m/%Y"
    start, end = (dt.date.fromisoformat(str(v)[:10]) for v in axis.range)
    assert start < dt.date(2024, 4, 25) < end and (end - start).days < 200


def test_timeline_of_years_ends_with_its_last_year(catalog):
    axis = _timeline(catalog, Filter(years=(2017, 2024))).layout.xaxis
    start, end = (dt.date.fromisoformat(str(v)[:10]) for v in axis.range)
    assert axis.dtick == "M12" and (start.year, end) == (2016, dt.date(2024, 12, 31))  # no tick for 2016 or 2025
    assert dt.date(2016, 12, 1) < start < dt.date(2017, 1, 1)


def test_legend_classes_are_distinct_and_hold_values():
    # one place with data: one class for its value, not the same value five times
    assert maps.legend([80.0], "percent", "vi", "—") == [(maps.PALETTE[0], "80%"), (maps.NO_DATA, "—")]
    few = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 700.0]  # skewed: equal widths would leave classes empty
    labels = [label for _, label in maps.legend(few, "count", "vi", "—")[:-1]]
    assert len(labels) == len(set(labels)) and labels[-1] == "700"
    for start, end, _ in maps.classes(few):
        assert any(start <= v <= end for v in few)  # no empty class
    many = [float(v) for v in range(1, 41)]  # enough values: quintiles, eight places each
    bounds = maps.classes(many)
    assert len(bounds) == 5 and [sum(s <= v <= e for v in many) for s, e, _ in bounds] == [8] * 5


def _compare_figure(rows: pl.DataFrame, unit: str):
    return charts.make_compare_figure(
        rows,
        value_column="value",
        label_column="label",
        text_column="text",
        color_column="series",
        lang="vi",
        unit=unit,
    )


def test_compare_series_never_share_a_look(catalog):
    obs = queries.per_year(queries.observations(catalog, Filter()))
    rows = charts.compare_labels(obs.filter(pl.col("indicator_id") == STANDING), "vi", per_year=False)
    assert rows["series"].n_unique() > 8  # Lạng Sơn's documents by type: more series than the eight colours
    figure = _compare_figure(rows, "count")
    looks = [(bar.marker.color, bar.marker.pattern.shape or "") for bar in figure.data]
    assert len(looks) == rows["series"].n_unique() and len(set(looks)) == len(looks)


def test_timeline_milestones_one_dotted_line_and_label_each(catalog):
    visits = queries.visits(catalog, Filter(provinces=("20",))).with_columns(charts.timeline_hover("vi"))
    milestones = pl.DataFrame({"code": ["25-NQ/TW", "43-KL/TW"], "date": [dt.date(2013, 6, 3), dt.date(2018, 1, 6)]})
    levels, kinds = charts.timeline_labels("vi")
    fig = charts.make_timeline_figure(visits, milestones, level_labels=levels, kind_labels=kinds, lang="vi")
    assert [(s.x0, s.line.dash, s.yref) for s in fig.layout.shapes] == [
        (dt.date(2013, 6, 3), "dot", "y domain"),
        (dt.date(2018, 1, 6), "dot", "y domain"),
    ]
    assert [a.text for a in fig.layout.annotations] == ["25-NQ/TW", "43-KL/TW"]


def test_style_sets_the_white_template_as_plotly_would():
    import json

    import plotly.graph_objects as go

    styled = charts.style(go.Figure(), "vi")
    public = go.Figure().update_layout(
        template="plotly_white", **{k: v for k, v in styled.layout.to_plotly_json().items() if k != "template"}
    )
    assert json.loads(styled.to_json()) == json.loads(public.to_json())
    assert styled.layout.template.layout.plot_bgcolor == "white" and styled.layout.separators == ",."


def test_compare_labels_under_the_34_unit_scheme_name_the_new_unit_and_the_old(catalog):
    """Bà Rịa - Vũng Tàu's value under the 34-unit scheme: "Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu)", as the
    timeline and the overview write it — not the old name twice."""
    obs = queries.per_year(queries.observations(catalog, Filter(years=(2017, 2024), scheme="34")))
    labels = queries.place_label_frame(catalog.places, "vi")
    registered = obs.filter(pl.col("indicator_id") == "dvk_models_registered")
    for rows in (
        charts.compare_labels(registered, "vi", per_year=False),
        charts.compare_labels(registered, "vi", per_year=False, labels=labels),
    ):
        assert "Hồ Chí Minh (trước đây: Bà Rịa - Vũng Tàu) · Cấp tỉnh" in rows["label"].to_list()
    assert "thành phố Bắc Kạn, Thái Nguyên (trước đây: Bắc Kạn) · Cấp huyện" in rows["label"].to_list()


def test_compare_money_in_ty_dong_and_room_for_the_longest_label(catalog):
    """ "hơn 8.000.000.000" was cut to "hơn 8." at the chart's edge: money is written and drawn in tỷ đồng, the axis
    says so and reaches past the longest bar."""
    obs = queries.per_year(queries.observations(catalog, Filter(years=(2024, 2024))))
    rows = charts.compare_labels(obs.filter(pl.col("indicator_id") == "welfare_gifts_value"), "vi", per_year=False)
    assert sorted(rows["text"].to_list()) == ["gần 5 tỷ đồng", "hơn 8 tỷ đồng"]
    figure = _compare_figure(rows, "vnd")
    assert max(x for bar in figure.data for x in bar.x) == 8.0
    assert figure.layout.xaxis.title.text == "tỷ đồng" and figure.layout.xaxis.range[1] >= 9.6
    # a count's axis names its unit too; a percentage is on each tick (from a leader's walk-through)
    assert _compare_figure(rows, "count").layout.xaxis.title.text == "số lượng"
    percent = _compare_figure(rows, "percent").layout.xaxis
    assert percent.title.text is None and percent.ticksuffix == "%"


def test_a_visit_of_several_days_is_a_bar_over_its_days(catalog):
    """The Ban Chỉ đạo 290's session of "~01–02/2020" was a marker at 01/01/2020 alone; Hà Nam's 30–31/05/2017 too
    (and Thường Tín's inspection of 28–30/8/2018)."""
    figure = _timeline(catalog, Filter(years=(2017, 2020)))
    bars = {(s.x0, s.x1) for s in figure.layout.shapes if s.yref == "y"}
    assert bars == {
        (dt.date(2020, 1, 1), dt.date(2020, 2, 29)),
        (dt.date(2017, 5, 30), dt.date(2017, 5, 31)),
        (dt.date(2018, 8, 28), dt.date(2018, 8, 30)),
    }
    session = next(s for s in figure.layout.shapes if s.x1 == dt.date(2020, 2, 29))
    marker = next(t for t in figure.data if dt.date(2020, 1, 1) in list(t.x))  # the same row and colour as its marker
    assert session.y0 == session.y1 == marker.y[list(marker.x).index(dt.date(2020, 1, 1))]
    assert session.line.color == marker.marker.color and session.layer == "below"
    # one day's visit has none
    assert not [s for s in _timeline(catalog, Filter(provinces=("20",))).layout.shapes if s.yref == "y"]


def test_the_archipelagos_labels_fit_a_narrow_windows_map():
    """At 1024 pixels the map is 400 wide and Trường Sa's name, centred on its islands, ran off its right edge
    ("Quần đảo Trư… (Khánh H"; a leader's walk-through): it ends at its islands and runs west over the open sea.
    Each label lies within the view, as Web Mercator places it (a letter ≈ 0,6 of the font's size)."""
    deck = maps.make_map_deck(
        maps.boundaries("provinces_63.geojson"),
        maps.boundaries("hoangsa_truongsa.geojson"),
        {},
        {},
        pl.DataFrame(),
        no_data_text="—",
    )
    labels = next(layer for layer in deck.layers if layer.id == "island-labels").data
    assert [label["text"] for label in labels] == [
        "Quần đảo Hoàng Sa\n(Đà Nẵng)",
        "Quần đảo Trường Sa\n(Khánh Hòa)",
    ]
    # Hoàng Sa's above its islands (below them it began on Quảng Nam's coast: a leader's walk-through)
    assert [(label["baseline"], label["offset"][1] < 0) for label in labels] == [("bottom", True), ("top", False)]
    assert [label["anchor"] for label in labels] == ["middle", "end"]
    view, width = maps.VIEW, 400
    per_pixel = 360 / (512 * 2**view.zoom)
    west, east = view.longitude - width / 2 * per_pixel, view.longitude + width / 2 * per_pixel
    for label in labels:
        wide = max(len(line) for line in label["text"].split("\n")) * 0.6 * maps.LABEL_SIZE * per_pixel
        at = label["position"][0] + label["offset"][0] * per_pixel
        left, right = (at - wide / 2, at + wide / 2) if label["anchor"] == "middle" else (at - wide, at)
        assert west < left and right < east, label["text"]


def test_a_provinces_location_is_the_whole_country_with_both_archipelagos():
    """The profile's location picture: the country whole, the province coloured, the islands named within it."""
    import io

    from PIL import Image

    from danvan.figures.slides import make_locator_image

    picture = Image.open(io.BytesIO(make_locator_image("63", "44", "vi"))).convert("RGB")
    assert picture.width < picture.height < 900  # a portrait of the country, not a wide map
    coloured = maps.color_for(1.0, maps.classes([1.0]))
    pixels = picture.get_flattened_data()
    assert sum(1 for p in pixels if p == coloured) > 200  # Quảng Bình filled
    # nothing drawn touches the picture's edges: no name or islet cut off
    edges = [picture.getpixel((x, y)) for x in range(picture.width) for y in (0, picture.height - 1)]
    edges += [picture.getpixel((x, y)) for y in range(picture.height) for x in (0, picture.width - 1)]
    assert all(p == (255, 255, 255) for p in edges)


def test_a_timeline_hover_is_broken_into_lines_a_laptop_shows_whole(catalog):
    """A leader's walk-through: the hover of the 5/2020 inspections, one line of 150 characters for the delegation's
    head, ran past both edges of the chart ("ỉ đạo Trung ương tổng kết …")."""
    visits = queries.visits(catalog, Filter(provinces=("06",))).with_columns(charts.timeline_hover("vi"))
    hover = visits["hover"][0]
    lines = hover.split("<br>")
    assert "Điểu K’Ré" in hover or "Điểu K'Ré" in hover
    assert max(len(line) for line in lines) <= 75, lines
    assert "Phó Trưởng ban Thường trực Ban Chỉ đạo Trung ương tổng kết" in hover.replace("<br>", " ")  # all kept
    short = queries.visits(catalog, Filter(provinces=("20",))).with_columns(charts.timeline_hover("vi"))["hover"][0]
    assert "Triệu Tài Vinh, Phó Trưởng Ban Dân vận Trung ương<br>" in short  # a short line is left whole


def test_plotly_config_gives_the_toolbar_in_vietnamese():
    """Every title Plotly's toolbar shows on our charts has a Vietnamese text, each keyed by a text that the Plotly
    shipped here writes (a key it no longer writes would leave its new wording English)."""
    import plotly

    config = charts.plotly_config("vi", responsive=True)
    assert config["displaylogo"] is False and config["responsive"] is True and config["locale"] == "vi"
    locale = config["locales"]["vi"]
    toolbar = ["Download plot as a PNG", "Zoom", "Pan", "Box Select", "Lasso Select", "Zoom in", "Zoom out"]
    toolbar += ["Autoscale", "Reset axes", "Double-click to zoom back out"]
    assert [locale["dictionary"][text] for text in toolbar][:3] == [
        "Tải biểu đồ (ảnh PNG)",
        "Phóng to vùng chọn",
        "Kéo biểu đồ",
    ]
    assert all(locale["dictionary"].get(text) for text in toolbar)
    bundle = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")
    assert [text for text in locale["dictionary"] if text not in bundle] == []
    assert locale["format"]["decimal"] == "," and locale["format"]["thousands"] == "."
    assert locale["format"]["months"][0] == "tháng 1" and locale["format"]["shortDays"][0] == "CN"
    assert charts.plotly_config("en") == {"displaylogo": False, "showSendToCloud": False}


def test_slide_bars_keep_a_row_only_for_the_series_a_category_has():
    """A leader's walk-through at 1366×768: with five series, "Mô hình … được công nhận" got a fifth of its band per
    bar (Plotly's grouped bars keep a slot for every series), and the labels 202 and 306 ran into each other. Each
    bar now has its own row, a category only the rows of its values, and a long name the rows its lines need."""
    from danvan.figures.slides import make_slide_figure
    from danvan.figures.spec import Chart, Series

    chart = Chart(
        "bar",
        ("Một", "Một chỉ tiêu có tên dài hơn ba mươi tư ký tự nên xuống dòng"),
        (
            Series("Lạng Sơn", (1.0, None), ("1", "")),
            Series("Hà Nam", (None, 2.0), ("", "2")),
            Series("Bắc Kạn", (3.0, 4.0), ("3", "4")),
        ),
        unit="count",
    )
    figure = make_slide_figure(chart, "vi")
    rows = {trace.name: [round(y, 6) for y in trace.y] for trace in figure.data}
    texts = {trace.name: list(trace.text) for trace in figure.data}
    # the second name takes two lines: 2,6 rows, its two bars in their middle
    assert rows == {"Lạng Sơn": [0.0], "Hà Nam": [2.9], "Bắc Kạn": [1.0, 3.9]}
    assert texts == {"Lạng Sơn": ["1"], "Hà Nam": ["2"], "Bắc Kạn": ["3", "4"]}
    assert list(figure.layout.yaxis.tickvals) == pytest.approx([0.5, 3.4])
    assert figure.layout.yaxis.ticktext[1].count("<br>") == 1
    column = Chart("column", ("2023", "2024"), (Series("Khảo sát", (1.0, None), ("1", "")),), unit="count")
    assert list(make_slide_figure(column, "vi").data[0].x) == ["2023", "2024"]  # columns keep every year


def test_two_sources_values_of_one_place_and_period_are_two_named_bars(catalog):
    """A curator's walk-through: a rate saved from two reports was drawn as one bar of twice its length, labelled
    with one of the two values. Each value now has its own bar, named by its source's place in the list."""
    obs = queries.per_year(queries.observations(catalog, Filter()))
    rows = obs.filter(pl.col("indicator_id") == "dvk_models_recognized", pl.col("province_code") == "35")
    twice = pl.concat([rows, rows.with_columns(pl.col("value") * 2, pl.lit("n99").alias("source_id"))])
    labelled = charts.compare_labels(twice, "vi", per_year=False)
    assert labelled.select("label", "text").rows() == [
        ("Hà Nam · Cấp tỉnh · nguồn 2", "612"),
        ("Hà Nam · Cấp tỉnh · nguồn 1", "306"),
    ]
    figure = charts.make_compare_figure(
        labelled,
        value_column="value",
        label_column="label",
        text_column="text",
        color_column="series",
        lang="vi",
        unit="count",
    )
    assert list(figure.data[0].y) == ["Hà Nam · Cấp tỉnh · nguồn 2", "Hà Nam · Cấp tỉnh · nguồn 1"]
    assert charts.compare_labels(rows, "vi", per_year=False)["label"].to_list() == [
        "Hà Nam · Cấp tỉnh"
    ]  # one: as it was


def test_the_documents_codes_have_room_above_the_top_lane(catalog):
    """A leader's walk-through: the code "10-NQ/TU", written down from the chart's top, covered the span bar of a
    visit in the top lane ("~01–02/2020"). A lane's height of room is kept above the top lane when documents are
    drawn, and the chart grows by as much, so that the lanes keep theirs."""
    visits = queries.visits(catalog, Filter()).with_columns(charts.timeline_hover("vi"))
    levels, kinds = charts.timeline_labels("vi")
    codes = pl.DataFrame({"code": ["10-NQ/TU"], "date": [dt.date(2020, 6, 1)]})
    drawn = charts.make_timeline_figure(visits, codes, level_labels=levels, kind_labels=kinds, lang="vi")
    lanes = len(drawn.layout.yaxis.tickvals)
    assert [a.text for a in drawn.layout.annotations] == ["10-NQ/TU"]
    assert drawn.layout.yaxis.range[1] == pytest.approx(lanes - 0.4 + 1.0) and drawn.layout.height == 550
    bare = _figure(visits)  # no documents: no room kept, the chart as tall as before
    assert bare.layout.yaxis.range[1] == pytest.approx(lanes - 0.4) and bare.layout.height == 460
