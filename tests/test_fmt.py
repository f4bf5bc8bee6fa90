import datetime as dt

import polars as pl
import pytest

from danvan import fmt


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1973, "1.973"),
        (1145.0, "1.145"),
        (15.75, "15,75"),
        (81.77, "81,77"),
        (93.9, "93,9"),
        (0, "0"),
        (1234567.5, "1.234.567,5"),
        (40766, "40.766"),
        (None, "—"),
    ],
)
def test_number_vietnamese(value, expected):
    assert fmt.number(value) == expected


def test_number_english_and_fixed_decimals():
    assert fmt.number(1973, lang="en") == "1,973"
    assert fmt.number(83, 1) == "83,0"
    assert fmt.percent(81.77) == "81,77%"
    assert fmt.percent(86.4, lang="en") == "86.4%"


def test_value_by_unit():
    assert fmt.value(80, "percent") == "80%"
    assert fmt.value(5e9, "vnd") == "5 tỷ đồng"
    assert fmt.value(8.5e9, "vnd", "en") == "8.5 billion VND"
    assert fmt.value(1291, "count") == "1.291"


def test_a_qualified_value_keeps_the_sources_word():
    """'hơn 9.500' is not 9.500: the word goes before the value wherever one is written."""
    assert fmt.value(9500, "count", "vi", "hơn") == "hơn 9.500"
    assert fmt.value(5e9, "vnd", "vi", "gần") == "gần 5 tỷ đồng"
    assert fmt.value(5e9, "vnd", "en", "gần") == "nearly 5 billion VND"
    assert fmt.value(None, "count", "vi", "hơn") == "—"
    frame = pl.DataFrame({"value": [9500.0, 80.0], "qualifier": ["hơn", None]})
    shown = frame.select(fmt.qualified_expr(fmt.number_expr("value"), "vi"))
    assert shown.to_series().to_list() == ["hơn 9.500", "80"]
    assert frame.select(fmt.qualified_expr(fmt.number_expr("value", lang="en"), "en")).item(0, 0) == "over 9,500"


def test_dates_and_periods():
    assert fmt.date(dt.date(2024, 4, 25)) == "25/04/2024"
    assert fmt.date(dt.date(2020, 5, 1), "month") == "05/2020"
    assert fmt.date(dt.date(2020, 1, 1), "year") == "2020"
    assert fmt.period(dt.date(2021, 1, 1), dt.date(2023, 12, 31)) == "2021–2023"
    assert fmt.period(dt.date(2023, 1, 1), dt.date(2023, 12, 31)) == "2023"
    assert fmt.period(dt.date(2024, 4, 25), dt.date(2024, 4, 25)) == "đến 25/04/2024"  # a stock to that day
    assert fmt.period(dt.date(2024, 4, 25), dt.date(2024, 4, 25), "en") == "to 25/04/2024"


def test_number_expr_matches_python_formatting():
    values = [1973.0, 81.77, 15.75, 0.5, None, 1_000_000.0, -1234.5, 40766.0]
    frame = pl.DataFrame({"x": values}).with_columns(fmt.number_expr("x").alias("y"))
    assert frame["y"].to_list() == [fmt.number(v) if v is not None else "—" for v in values]
    assert pl.DataFrame({"d": [dt.date(2023, 11, 16)]}).select(fmt.date_expr("d"))["d"][0] == "16/11/2023"


def test_partial_dates_in_vietnamese_order():
    assert [fmt.partial_date(v) for v in ("2024-04-25", "2021-12", "2024", None)] == [
        "25/04/2024",
        "12/2021",
        "2024",
        "—",
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("08/12/2023", "2023-12-08"),
        ("8/12/2023", "2023-12-08"),
        ("12/2023", "2023-12"),
        ("2023", "2023"),
        ("2023-12-08", "2023-12-08"),  # as stored
        ("2023-12", "2023-12"),
    ],
)
def test_a_typed_partial_date_reads_back(typed, stored):
    assert fmt.parse_partial_date(typed) == stored
    assert fmt.parse_partial_date(fmt.partial_date(stored)) == stored


@pytest.mark.parametrize("typed", ["31/02/2023", "13/2023", "12/23", "hôm qua", ""])
def test_a_date_that_does_not_exist_or_read_is_refused(typed):
    with pytest.raises(ValueError):
        fmt.parse_partial_date(typed)


def test_date_and_period_expressions_match_python_formatting():
    days = [dt.date(2024, 4, 25), dt.date(2020, 5, 1), dt.date(2020, 1, 1), dt.date(2023, 1, 1), None]
    precisions = ["day", "month", "year", "approximate", "day"]
    frame = pl.DataFrame({"d": days, "p": precisions}).select(fmt.date_expr("d", "p"))
    assert frame["d"].to_list() == [fmt.date(d, p) for d, p in zip(days[:4], precisions[:4], strict=True)] + [None]
    periods = [
        (dt.date(2021, 1, 1), dt.date(2023, 12, 31)),
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        (dt.date(2024, 4, 25), dt.date(2024, 4, 25)),
        (dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
    ]
    frame = pl.DataFrame({"period_start": [p[0] for p in periods], "period_end": [p[1] for p in periods]})
    shown = frame.select(fmt.period_expr())["period"].to_list()
    assert (
        shown == [fmt.period(*p) for p in periods] == ["2021–2023", "2023", "đến 25/04/2024", "01/01/2024–30/06/2024"]
    )
    english = frame.select(fmt.period_expr(lang="en"))["period"].to_list()
    assert english == [fmt.period(*p, "en") for p in periods] and english[2] == "to 25/04/2024"


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        ((2020, 5, 27), None, "day", "27/05/2020"),
        ((2020, 5, 27), (2020, 5, 27), "day", "27/05/2020"),
        ((2017, 5, 30), (2017, 5, 31), "day", "30–31/05/2017"),  # a two-day survey, not its first day alone
        ((2019, 11, 28), (2019, 12, 2), "day", "28/11–02/12/2019"),
        ((2019, 12, 28), (2020, 1, 2), "day", "28/12/2019–02/01/2020"),
        ((2020, 5, 28), (2020, 5, 28), "approximate", "~28/05/2020"),
        ((2020, 1, 1), (2020, 2, 29), "approximate", "~01–02/2020"),  # an estimate of months, not "~01/01/2020"
        ((2020, 1, 10), (2020, 2, 20), "approximate", "~10/01–20/02/2020"),
        ((2020, 5, 1), (2020, 5, 31), "month", "05/2020"),
        ((2019, 12, 1), (2020, 1, 31), "month", "12/2019–01/2020"),
        ((2020, 1, 1), (2020, 12, 31), "year", "2020"),
        ((2020, 1, 1), (2021, 12, 31), "year", "2020–2021"),
    ],
)
def test_a_visit_date_shows_its_whole_span_in_its_precision(start, end, precision, shown):
    first, last = dt.date(*start), dt.date(*end) if end else None
    visit = {"date_start": first, "date_end": last, "date_precision": precision}
    assert fmt.visit_date(visit) == shown
    assert pl.DataFrame([visit]).select(fmt.visit_date_expr()).item() == shown
    assert fmt.visit_date({**visit, "date_start": None}) == "—"


def test_date_time_is_day_first_and_keeps_what_is_not_a_time():
    assert fmt.date_time("2026-11-29T05:39:51") == "29/11/2026 05:39"
    assert fmt.date_time("không rõ") == "không rõ"


def test_a_typed_period_reads_back_as_stored_and_a_bad_one_is_refused():
    """A curator's walk-through: "năm 2024" was taken on the edit and refused at the save, in the data file's
    notation. Periods are typed as years or days and read back, or refused on the edit."""
    for typed, stored in [
        ("2024", "2024"),
        ("năm 2024", "2024"),
        ("2021–2023", "2021-2023"),
        ("25/04/2024", "2024-04-25"),
        ("01/01/2024 - 30/06/2024", "2024-01-01..2024-06-30"),
        ("2024-01-01..2024-06-30", "2024-01-01..2024-06-30"),
    ]:
        assert fmt.parse_period(typed) == stored
    assert [fmt.typed_period(s) for s in ("2021-2023", "2024-04-25", "2024-01-01..2024-06-30")] == [
        "2021-2023",
        "25/04/2024",
        "01/01/2024 - 30/06/2024",
    ]
    for bad in ("năm 2024x", "2023-2021", "04/2024", "31/02/2024", "30/06/2024 - 01/01/2024"):
        with pytest.raises(ValueError):
            fmt.parse_period(bad)
