"""The fast paths that name lower places (issue 11): labels made once per catalog as a frame and joined in give the
same names as the row-by-row reference (each place through i18n.t, replaced column by column), on the curated data
and the small scale fixture, for several filters."""

import polars as pl
import pytest

from danvan import gazetteer, queries, registry
from danvan.exports import tables
from danvan.figures import charts
from danvan.filter import Filter
from danvan.i18n import t

FILTERS = (
    Filter(),
    Filter(years=(2016, 2022)),
    Filter(provinces=("01", "79"), years=(2015, 2020)),
    Filter(provinces=("06",)),
)


def reference_labels(places: pl.DataFrame, lang: str) -> dict[str, str]:
    """The labels as they were made before: one i18n.t call per place, the first place of a name winning."""
    known = places.filter(pl.col("level").is_in(queries.PLACE_LEVELS)).unique("name", keep="first", maintain_order=True)
    return {name: t("place_" + level, lang, name=name) for name, level in known.select("name", "level").iter_rows()}


def reference_place(labels: dict[str, str]) -> pl.Expr:
    """The commune, else the district, each replaced through the labels on its own (the earlier expression)."""

    def named(column: str) -> pl.Expr:
        return pl.col(column).replace_strict(labels, default=pl.col(column), return_dtype=pl.String)

    return pl.coalesce(named("commune"), named("district"))


@pytest.fixture(params=["catalog", "small_scale"])
def data(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_place_labels_equal_the_row_by_row_reference(data, lang):
    expected = reference_labels(data.places, lang)
    assert queries.place_labels(data.places, lang) == expected
    frame = queries.place_label_frame(data.places, lang)
    assert dict(frame.iter_rows()) == expected
    assert frame.columns == ["name", "label"] and frame["name"].is_unique().all()
    assert len(expected) >= 8  # places with kinds to name, so the comparison means something


def test_place_labels_name_the_kind(catalog):
    labels = queries.place_labels(catalog.places, "vi")
    assert labels["Bắc Kạn"] == "thành phố Bắc Kạn" and labels["Ba Bể"] == "huyện Ba Bể"
    assert queries.place_labels(catalog.places, "en")["Ba Bể"] == "Ba Bể District"


def test_a_town_and_a_township_are_named_by_their_kind():
    """A curator's walk-through: every thị xã was labelled "huyện" (thị xã was a district's level) and a thị trấn
    would have been "thị xã" (its level, "town", was labelled so)."""
    places = pl.DataFrame(
        {"name": ["Nghĩa Lộ", "Phước Bửu"], "level": ["town", "township"], "province_code": ["15", "77"]}
    )
    assert queries.place_labels(places, "vi") == {"Nghĩa Lộ": "thị xã Nghĩa Lộ", "Phước Bửu": "thị trấn Phước Bửu"}
    assert registry.place_of(gazetteer.load().place("63", "district", "133")).level == "town"  # thị xã Nghĩa Lộ


@pytest.mark.parametrize("flt", FILTERS, ids=range(len(FILTERS)))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_joined_place_names_equal_the_replaced_ones(data, flt, lang):
    labels = queries.place_label_frame(data.places, lang)
    expected_labels = reference_labels(data.places, lang)
    for frame in (queries.visits(data, flt), queries.observations(data, flt)):
        expected = frame.select(reference_place(expected_labels)).to_series().to_list()
        joined = queries.place_names(frame, pl.coalesce("commune", "district"), labels).to_list()
        assert joined == expected
        assert frame.select(queries.place_label_expr(None, lang, labels=labels)).to_series().to_list() == expected
        assert frame.select(queries.place_label_expr(data.places, lang)).to_series().to_list() == expected
        for column in ("district", "commune"):
            one = frame.select(pl.col(column).replace_strict(expected_labels, default=pl.col(column)))
            assert queries.place_names(frame, pl.col(column), labels).to_list() == one.to_series().to_list()


@pytest.mark.parametrize("flt", FILTERS, ids=range(len(FILTERS)))
def test_tables_with_cached_labels_equal_tables_made_from_the_catalog(data, flt):
    labels = queries.place_label_frame(data.places, "vi")
    visits, observations = queries.visits(data, flt), queries.observations(data, flt)
    for table, frame in ((tables.visit_table, visits), (tables.observation_table, observations)):
        slow = table(frame, "vi", data)
        fast = table(frame, "vi", data, labels=labels)
        assert fast.equals(slow)
        places = reference_labels(data.places, "vi")
        district = frame.select(pl.col("district").replace_strict(places, default=pl.col("district")))
        assert slow[t("district")].to_list() == district.to_series().to_list()


@pytest.mark.parametrize("flt", FILTERS, ids=range(len(FILTERS)))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_labels_with_cached_labels_equal_the_reference(data, flt, lang):
    observations = queries.observations(data, flt)
    labels = queries.place_label_frame(data.places, lang)
    if observations.is_empty():  # nothing to label: both ways give the same empty frame
        rows = queries.per_year(observations)
        fast = charts.compare_labels(rows, lang, per_year=False, labels=labels)
        assert fast.is_empty() and fast.equals(charts.compare_labels(rows, lang, per_year=False, places=data.places))
        return
    places = reference_labels(data.places, lang)
    for indicator in observations["indicator_id"].unique().sort().head(5):
        rows = queries.per_year(observations.filter(pl.col("indicator_id") == indicator))
        fast = charts.compare_labels(rows, lang, per_year=False, labels=queries.place_label_frame(data.places, lang))
        slow = charts.compare_labels(rows, lang, per_year=False, places=data.places)
        assert fast.equals(slow)
        assert fast.columns == charts.compare_labels(rows, lang, per_year=False).columns  # no helper column left
        # the label starts with the place as the row-by-row reference names it, then its province
        expected = rows.select(
            pl.coalesce(pl.concat_str([reference_place(places), "province_name"], separator=", "), "province_name")
        ).to_series()
        shown = set(fast["label"].to_list())
        assert all(any(label.startswith(name) for label in shown) for name in expected.unique().to_list())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_timeline_host_with_cached_labels_equals_the_one_from_places(data, lang):
    visits = queries.visits(data, Filter())
    labels = queries.place_label_frame(data.places, lang)
    fast = visits.select(charts.timeline_hover(lang, labels=labels), queries.host_name(lang, labels=labels))
    slow = visits.select(charts.timeline_hover(lang, data.places), queries.host_name(lang, data.places))
    assert fast.equals(slow)
    places = reference_labels(data.places, lang)
    unit = visits.select(queries.unit_name(lang)).to_series()
    expected = visits.select(
        pl.concat_str([reference_place(places), queries.unit_name(lang)], separator=", ").fill_null(
            queries.unit_name(lang)
        )
    ).to_series()
    assert fast.to_series(1).to_list() == expected.to_list()
    assert unit.len() == visits.height
