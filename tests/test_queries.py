import datetime as dt

import polars as pl

from danvan import queries
from danvan.filter import Filter, default_scheme


def test_visits_filtered_by_province_and_years(catalog):
    rows = queries.visits(catalog, Filter(provinces=("06",), years=(2020, 2020)))
    assert rows["visit_id"].to_list() == ["v-2020-05-28-bac-kan", "v-2020-05-27-tp-bac-kan", "v-2020-05-27-ba-be"]
    assert set(rows["province_name"]) == {"Bắc Kạn"}
    assert queries.visits(catalog, Filter(provinces=("06",), years=(2021, 2024))).is_empty()


def test_scheme_34_shows_merged_units_with_old_names(catalog):
    rows = queries.visits(catalog, Filter(provinces=("19",), scheme="34"))  # Thái Nguyên took in Bắc Kạn
    assert rows.height == 3
    assert set(rows["display_name"]) == {"Thái Nguyên"} and set(rows["province_name"]) == {"Bắc Kạn"}


def test_observations_overlap_years(catalog):
    rows = queries.observations(catalog, Filter(provinces=("20",), years=(2019, 2019)))
    # 2017–2020 overlaps 2019; 2021–2023 does not
    assert "o-s00-dvk-built-2017-2020" in rows["observation_id"].to_list()
    assert "o-s00-dvk-recognized-2021-2023" not in rows["observation_id"].to_list()
    assert rows.filter(pl.col("observation_id") == "o-s00-dvk-built-2017-2020")["years"][0] == 4


def test_per_year_divides_only_summable_counts(mini_catalog):
    rows = queries.per_year(queries.observations(mini_catalog, Filter()))
    by_id = dict(rows.select("observation_id", "value_per_year").iter_rows())
    assert round(by_id["o1"], 2) == 381.67  # 1.145 over 2021–2023
    assert by_id["o3"] == 80  # a percentage is never divided
    assert by_id["o4"] == 47  # a single year is unchanged


def test_aggregate_to_34_sums_counts_and_never_percentages(mini_catalog):
    obs = queries.observations(mini_catalog, Filter(scheme="34"))
    merged = queries.aggregate_to_34(obs)
    percent = merged.filter(pl.col("indicator_id") == "friendly_government_commune_rate")
    assert percent["aggregated"].to_list() == [False] and percent["value"].to_list() == [80.0]
    # district-level values are never added into a province total
    assert merged.filter(pl.col("display_code") == "44").is_empty()


def test_aggregate_to_34_adds_old_provinces(catalog):
    # Two old provinces' counts for the same indicator and period add up in the merged unit.
    obs = queries.observations(catalog, Filter(scheme="34"))
    fake = obs.filter(pl.col("observation_id") == "o-s04-dvk-recognized-2022")
    twin = fake.with_columns(pl.lit("Nam Định").alias("province_name"), pl.lit("s99").alias("source_id"))
    merged = queries.aggregate_to_34(pl.concat([fake, twin]))
    assert merged.row(0, named=True)["value"] == 612.0
    assert merged.row(0, named=True)["parts"] == ["Hà Nam", "Nam Định"]
    assert merged.row(0, named=True)["display_name"] == "Ninh Bình"


def test_comparability_reasons(catalog):
    rows = queries.observations(catalog, Filter()).filter(pl.col("indicator_id") == "dvk_models_recognized")
    assert set(queries.comparability(rows)) == {"periods", "levels", "breakdowns"}
    same = rows.filter(pl.col("observation_id") == "o-s04-dvk-recognized-2022")
    assert queries.comparability(same) == []


def test_percent_disagreements(catalog):
    rows = queries.observations(catalog, Filter())
    flagged = queries.percent_disagreements(rows)
    assert sorted(flagged["observation_id"]) == ["o-s00-cqtt-communes-rate", "o-s03-giai-quyet-huyen"]


def test_ratio_mismatch_is_one_rule_for_frames_and_single_values(catalog):
    rows = queries.with_ratio_flag(queries.observations(catalog, Filter()), "vi")
    flagged = rows.filter(pl.col("ratio_mismatch"))
    assert sorted(flagged["observation_id"]) == ["o-s00-cqtt-communes-rate", "o-s03-giai-quyet-huyen"]
    lang_son = flagged.filter(pl.col("observation_id") == "o-s00-cqtt-communes-rate").row(0, named=True)
    assert lang_son["ratio_note"] == "⚠ Nguồn ghi tỷ lệ này, nhưng 166/200 = 83%"
    assert rows.filter(~pl.col("ratio_mismatch"))["ratio_note"].is_null().all()
    assert queries.ratio_mismatch(80, 166, 200, "percent") and not queries.ratio_mismatch(83, 166, 200, "percent")
    assert not queries.ratio_mismatch(80, None, None, "percent") and not queries.ratio_mismatch(80, 1, 2, "count")
    assert queries.ratio_mismatch_note(166, 200, "en") == "⚠ The source states this rate, but 166/200 = 83%"


def test_map_values_latest_period_per_unit(catalog):
    rows = queries.observations(catalog, Filter())
    values = queries.map_values(rows, "dvk_models_recognized", "63")
    assert dict(values.select("display_code", "value").iter_rows()) == {"20": 1145.0, "35": 306.0}


def test_visit_arcs_start_in_hanoi_for_central_bodies(catalog):
    rows = queries.visits(catalog, Filter(provinces=("20",)))
    arc = queries.visit_arcs(rows, catalog.units).row(0, named=True)
    assert (arc["from_lon"], arc["from_lat"]) == (105.85, 21.03)
    assert (round(arc["to_lon"], 1), round(arc["to_lat"], 1)) == (106.8, 21.9)


def test_headline(catalog):
    numbers = queries.headline(catalog, Filter(provinces=("20",)))
    assert numbers == {"visits": 1, "provinces": 1, "documents": 4, "observations": 19, "sources": 1}


def test_default_scheme():
    assert default_scheme((2021, 2024)) == "63"
    assert default_scheme((2026, 2026)) == "34"
    assert Filter(years=(2021, 2023)).end == dt.date(2023, 12, 31)


def test_visits_filtered_by_level_kind_and_body(catalog):
    everything = queries.visits(catalog, Filter())
    central = queries.visits(catalog, Filter(levels=("central",)))
    assert set(central["body_level"]) == {"central"} and 0 < central.height < everything.height
    kinds = queries.visits(catalog, Filter(kinds=("khao_sat", "kiem_tra")))
    assert set(kinds["kind"]) == {"khao_sat", "kiem_tra"}
    body = queries.visits(catalog, Filter(bodies=("Ban Dân vận Trung ương",)))
    assert body["visit_id"].to_list() == ["v-2024-04-25-lang-son"]
    assert queries.visits(catalog, Filter(levels=("district",), bodies=("Ban Dân vận Trung ương",))).is_empty()
    # values are not visits: the visit filters leave them as they are
    assert (
        queries.observations(catalog, Filter(levels=("district",))).height
        == queries.observations(catalog, Filter()).height
    )


def test_visit_bodies_are_the_data_s(catalog):
    bodies = queries.visit_bodies(catalog)
    assert "Ban Dân vận Trung ương" in bodies and bodies == sorted(set(bodies))


def test_a_part_larger_than_its_whole_is_found(catalog):
    """A leader's walk-through: Lâm Hà's "166/178 đơn kiến nghị" under "146/178 đơn" resolved in all (both as the
    source writes them) showed as a bar beside its total and nothing said so."""
    rows = queries.observations(catalog, Filter()).filter(
        pl.col("indicator_id") == "petitions_resolution_rate_district"
    )
    larger = queries.parts_over_whole(rows)
    assert larger.select("district", "breakdown", "numerator", "whole").rows() == [("Lâm Hà", "kiến nghị", 166, 146)]
    others = rows.filter(pl.col("breakdown").is_null() | (pl.col("breakdown") != "kiến nghị"))
    assert others.height == 3 and queries.parts_over_whole(others).is_empty()  # 13 and 7 of 146: fine


def test_below_province_counts_district_and_commune_totals_per_indicator(catalog):
    below = dict(queries.below_province(queries.observations(catalog, Filter())).iter_rows())
    assert (
        below["dvk_models_recognized"] == 2
    )  # thành phố Bắc Kạn's 202, Hội An's 501; Lạng Sơn's, Hà Nam's: provinces'
    assert "friendly_govt_communes_rate" not in below  # Lạng Sơn's own rate only
    assert all(n > 0 for n in below.values())
