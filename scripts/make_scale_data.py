"""Write a synthetic, national-scale dataset in the data contract, for benchmarks and scale tests.

    python scripts/make_scale_data.py                    # build/scale/: ~1.000.000 observations, 50.000 visits
    python scripts/make_scale_data.py --small            # 2.000 observations, 200 visits (unit tests)
    python scripts/make_scale_data.py --out DIR --seed 7 --observations 300000 --visits 20000

Everything a user could mistake for real is visibly synthetic: communes "Xã Mẫu 00123", districts "Huyện Mẫu 123",
leaders "Cán bộ Mẫu 0042", indicators "Chỉ tiêu mẫu 017 …", sources "Báo cáo số liệu mẫu …"; dataset.yaml says
`generated: true`, which makes the app show its "DỮ LIỆU SINH TỰ ĐỘNG" banner and lets the loader skip the quote check
(every quote is nevertheless a sentence of a generated source text). The 63 and 34 provincial units and the central
policy documents are the real ones (copied from data/), because the maps and filters are built on them.

Post-2025 communes are listed in places.csv under their scheme-34 province, the unit valid on the record's date.
The output is deterministic for a seed: the same command writes byte-identical files."""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import yaml

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "data"
DEFAULT_OUT = ROOT / "build" / "scale"
FIRST_YEAR, LAST_OLD_YEAR, LAST_YEAR = 2013, 2024, 2026  # old units report up to 2024 (and 30/6/2025); new from 2025
PHASES = {2015: 2013, 2020: 2016, 2023: 2021}  # a multi-year phase is reported in its last year: 2016-2020 in 2020
N_SOURCES, N_SENTENCES = 5, 40
OBS_COLUMNS = [
    "id",
    "indicator",
    "province",
    "province_note",
    "district",
    "commune",
    "period",
    "period_note",
    "value",
    "numerator",
    "denominator",
    "status",
    "breakdown",
    "source",
    "quote",
]
VISIT_COLUMNS = [
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "date_note",
    "kind",
    "body",
    "body_level",
    "leader_name",
    "leader_title",
    "province",
    "province_note",
    "district",
    "commune",
    "documents",
    "summary",
    "source",
    "quote",
]


@dataclass(frozen=True)
class Size:
    """How much to generate."""

    observations: int
    visits: int
    communes_old: int
    communes_new: int
    districts: int


FULL = Size(observations=1_000_000, visits=50_000, communes_old=10_000, communes_new=3_300, districts=700)
SMALL = Size(observations=2_000, visits=200, communes_old=630, communes_new=340, districts=126)

# (category, unit, aggregation, higher_is_better, what is counted or measured) — 20 themes × 5 variants = 100.
THEMES = [
    ("dan_van_kheo", "count", "sum", True, "mô hình “Dân vận khéo” được đăng ký"),
    ("dan_van_kheo", "count", "sum", True, "mô hình “Dân vận khéo” được công nhận"),
    ("dan_van_kheo", "count", "none", True, "mô hình “Dân vận khéo” đang duy trì (đến thời điểm báo cáo)"),
    ("chinh_quyen", "percent", "none", True, "tỷ lệ xã triển khai mô hình “Chính quyền thân thiện”"),
    ("chinh_quyen", "average", "none", True, "điểm hài lòng bình quân của người dân (thang 10)"),
    ("hanh_chinh", "percent", "none", True, "tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến"),
    ("hanh_chinh", "percent", "none", True, "tỷ lệ hồ sơ giải quyết đúng hạn"),
    ("hanh_chinh", "average", "none", False, "số ngày giải quyết hồ sơ bình quân"),
    ("khieu_nai", "count", "sum", None, "đơn thư khiếu nại, tố cáo tiếp nhận"),
    ("khieu_nai", "percent", "none", True, "tỷ lệ đơn thư được giải quyết"),
    ("khieu_nai", "count", "sum", None, "lượt tiếp công dân"),
    ("nong_thon_moi", "count", "none", True, "xã đạt chuẩn nông thôn mới (lũy kế)"),
    ("nong_thon_moi", "percent", "none", True, "tỷ lệ xã đạt chuẩn nông thôn mới"),
    ("nong_thon_moi", "average", "none", True, "số tiêu chí nông thôn mới bình quân mỗi xã"),
    ("ocop", "count", "sum", True, "sản phẩm OCOP được công nhận"),
    ("van_ban", "count", "sum", None, "văn bản lãnh đạo công tác dân vận được ban hành"),
    ("an_sinh", "vnd", "sum", True, "kinh phí vận động cho an sinh xã hội (đồng)"),
    ("an_sinh", "count", "sum", True, "nhà đại đoàn kết được xây mới, sửa chữa"),
    ("khen_thuong", "count", "sum", True, "tập thể, cá nhân được khen thưởng"),
    ("khen_thuong", "percent", "none", True, "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ"),
]
VARIANTS = ["toàn tỉnh", "khu vực nông thôn", "khu vực đô thị", "vùng đồng bào dân tộc thiểu số", "khối cơ sở"]
BREAKDOWNS = {
    "dan_van_kheo": ["tập thể", "cá nhân"],
    "khen_thuong": ["tập thể", "cá nhân"],
    "ocop": ["3 sao", "4 sao", "5 sao"],
}
KINDS = ["khao_sat", "kiem_tra", "giam_sat", "lam_viec", "hoi_nghi"]
KIND_NAMES = ["khảo sát", "kiểm tra", "giám sát", "làm việc", "hội nghị"]
CENTRAL_BODIES = ["Ban Dân vận Trung ương", "Ban Chỉ đạo Trung ương", "Ban Dân vận Trung ương"]


def _allocate(total: int, weights: np.ndarray, minimum: int) -> np.ndarray:
    """Integers proportional to `weights`, each at least `minimum`, adding up to `total` exactly."""
    counts = np.maximum(minimum, np.floor(weights / weights.sum() * total)).astype(np.int64)
    order = np.argsort(-weights)
    i = 0
    while counts.sum() != total:  # a few steps: hand out or take back one unit at a time, largest units first
        step = 1 if counts.sum() < total else -1
        k = order[i % len(order)]
        if counts[k] + step >= minimum:
            counts[k] += step
        i += 1
    return counts


def _pick(rng: np.random.Generator, options: np.ndarray, counts: np.ndarray, owners: np.ndarray) -> np.ndarray:
    """For each row, a random member of its owner's group: `options` sorted by owner with `counts` per owner."""
    counts = counts.astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return options[starts[owners] + (rng.random(len(owners)) * counts[owners]).astype(np.int64)]


# ---------------------------------------------------------------- places


@dataclass(frozen=True)
class Places:
    units: pl.DataFrame  # the 97 units of data/units.csv
    old: np.ndarray  # the 63 old province codes
    new: np.ndarray  # the 34 new province codes
    old_weight: np.ndarray  # relative size of each old province (mean 1)
    new_weight: np.ndarray
    districts: pl.DataFrame  # name, province_code (old), sorted by province
    communes_old: pl.DataFrame  # name, province_code (old), district
    communes_new: pl.DataFrame  # name, province_code (new)


def make_places(rng: np.random.Generator, size: Size) -> Places:
    units = pl.read_csv(CURATED / "units.csv", infer_schema=False)
    old_units = units.filter(pl.col("scheme") == "63").sort("code")
    old = old_units["code"].to_numpy()
    new = units.filter(pl.col("scheme") == "34").sort("code")["code"].to_numpy()
    old_weight = rng.lognormal(0.0, 0.45, len(old))
    old_weight /= old_weight.mean()
    # A merged unit is as large as the old units it was made of.
    merged = (
        pl.DataFrame({"code": old_units["new_code"], "w": old_weight})
        .group_by("code")
        .agg(pl.col("w").sum())
        .sort("code")
    )
    new_weight = merged["w"].to_numpy() / merged["w"].mean()

    per_old = _allocate(size.districts, old_weight, 2)
    districts = pl.DataFrame({"province_code": np.repeat(old, per_old)}).with_columns(
        pl.format("Huyện Mẫu {}", (pl.int_range(1, pl.len() + 1)).cast(pl.String).str.zfill(3)).alias("name")
    )
    communes_per_old = _allocate(size.communes_old, old_weight, 5)
    commune_owner = np.repeat(np.arange(len(old)), communes_per_old)
    communes_old = pl.DataFrame(
        {
            "province_code": old[commune_owner],
            "district": _pick(rng, districts["name"].to_numpy(), per_old, commune_owner),
        }
    ).with_columns(pl.format("Xã Mẫu {}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(5)).alias("name"))
    communes_new = pl.DataFrame({"province_code": np.repeat(new, _allocate(size.communes_new, new_weight, 3))})
    communes_new = communes_new.with_columns(
        pl.format("Xã Mẫu Mới {}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(4)).alias("name")
    )
    return Places(units, old, new, old_weight, new_weight, districts, communes_old, communes_new)


def places_csv(places: Places) -> pl.DataFrame:
    def rows(frame: pl.DataFrame, level: str) -> pl.DataFrame:
        return frame.select(
            "name", pl.lit(level).alias("level"), "province_code", pl.lit(None, pl.String).alias("aliases")
        )

    return pl.concat(
        [rows(places.districts, "district"), rows(places.communes_old, "commune"), rows(places.communes_new, "commune")]
    )


# ---------------------------------------------------------------- indicators


def make_indicators(rng: np.random.Generator) -> pl.DataFrame:
    """100 indicators: 20 themes in 5 variants, with the parameters their values are drawn from."""
    rows = []
    for t, (category, unit, aggregation, better, what) in enumerate(THEMES):
        for v, variant in enumerate(VARIANTS):
            k = t * len(VARIANTS) + v + 1
            rows.append(
                {
                    "id": f"mau_{k:03d}_{category}",
                    "name_vi": f"Chỉ tiêu mẫu {k:03d}: {what} — {variant}",
                    "name_en": f"Synthetic indicator {k:03d} ({category}, {unit}) — generated",
                    "unit": unit,
                    "description": f"Chỉ tiêu sinh tự động để đo hiệu năng ({what}, {variant}); "
                    "không phải số liệu thật.",
                    "category": category,
                    "aggregation": aggregation,
                    "higher_is_better": better,
                    # value parameters (not written): magnitude for counts, mean share for percentages
                    "base": float(rng.lognormal(5.0, 1.0)) * (1e6 if unit == "vnd" else 1.0),
                    "share": float(rng.uniform(0.35, 0.9)),
                    "average": float(rng.uniform(3.0, 9.0)),
                    "breakdowns": BREAKDOWNS.get(category, []) if v == 0 else [],
                    # which levels report it: every indicator at province level, most at district, some at commune
                    "district": v < 4,
                    "commune": v < 2 or category in ("nong_thon_moi", "hanh_chinh"),
                }
            )
    return pl.DataFrame(rows)


# ---------------------------------------------------------------- observations


def _block(
    rng: np.random.Generator,
    places: np.ndarray,
    provinces: np.ndarray,
    sizes: np.ndarray,
    indicators: np.ndarray,
    years: np.ndarray,
    n: int,
    level: str,
) -> pl.DataFrame:
    """`n` distinct (place, indicator, year) draws of one level: the keys of one block of observations."""
    space = len(places) * len(indicators) * len(years)
    n = min(n, space)
    flat = np.sort(rng.choice(space, size=n, replace=False))
    place, rest = np.divmod(flat, len(indicators) * len(years))
    indicator, year = np.divmod(rest, len(years))
    return pl.DataFrame(
        {
            "place": pl.Series(places[place].tolist(), dtype=pl.String),
            "province": provinces[place].tolist(),
            "size": sizes[place],
            "indicator_idx": indicators[indicator].astype(np.int64),
            "year": years[year],
            "level": [level] * n,
        }
    )


def make_observations(rng: np.random.Generator, places: Places, indicators: pl.DataFrame, n: int) -> pl.DataFrame:
    old_years = np.arange(FIRST_YEAR, LAST_OLD_YEAR + 1)
    new_years = np.arange(LAST_OLD_YEAR + 1, LAST_YEAR + 1)
    every = np.arange(indicators.height)
    at_district = np.flatnonzero(indicators["district"].to_numpy())
    at_commune = np.flatnonzero(indicators["commune"].to_numpy())
    old_size = dict(zip(places.old, places.old_weight, strict=True))
    new_size = dict(zip(places.new, places.new_weight, strict=True))

    def sizes(codes: np.ndarray, table: dict) -> np.ndarray:
        return np.array([table[c] for c in codes])

    d, co, cn = places.districts, places.communes_old, places.communes_new
    shares = {"province_old": 0.07, "province_new": 0.0065, "district": 0.25, "commune_new": 0.10}
    wanted = {k: max(1, round(v * n)) for k, v in shares.items()}
    blocks = [
        _block(
            rng,
            np.array([None] * len(places.old)),
            places.old,
            places.old_weight,
            every,
            old_years,
            wanted["province_old"],
            "province",
        ),
        _block(
            rng,
            np.array([None] * len(places.new)),
            places.new,
            places.new_weight,
            every,
            new_years,
            wanted["province_new"],
            "province",
        ),
        _block(
            rng,
            d["name"].to_numpy(),
            d["province_code"].to_numpy(),
            sizes(d["province_code"].to_numpy(), old_size),
            at_district,
            old_years,
            wanted["district"],
            "district",
        ),
        _block(
            rng,
            cn["name"].to_numpy(),
            cn["province_code"].to_numpy(),
            sizes(cn["province_code"].to_numpy(), new_size),
            at_commune,
            new_years,
            wanted["commune_new"],
            "commune",
        ),
    ]
    rest = n - sum(b.height for b in blocks)
    blocks.append(
        _block(
            rng,
            co["name"].to_numpy(),
            co["province_code"].to_numpy(),
            sizes(co["province_code"].to_numpy(), old_size),
            at_commune,
            old_years,
            rest,
            "commune",
        )
    )
    keys = pl.concat(blocks).with_row_index("row")
    m = keys.height

    meta = indicators.with_row_index("indicator_idx").with_columns(pl.col("indicator_idx").cast(pl.Int64))
    frame = keys.join(meta, on="indicator_idx", how="left").sort("row")
    level_scale = pl.col("level").replace_strict(
        {"province": 1.0, "district": 1 / 11, "commune": 1 / 160}, return_dtype=pl.Float64
    )
    is_count = pl.col("unit").is_in(["count", "vnd"])
    # multi-year phases for summable counts, reported in the phase's last year; stocks and rates "at a date"
    phase_start = pl.col("year").replace_strict(PHASES, default=None, return_dtype=pl.Int64)
    frame = frame.with_columns(
        pl.Series("u_period", rng.random(m)),
        pl.Series("noise", rng.lognormal(0.0, 0.35, m)),
        pl.Series("z", rng.normal(0.0, 0.6, m)),
        pl.Series("u_status", rng.random(m)),
        pl.Series("u_ratio", rng.random(m)),
        pl.Series("u_part", rng.random(m)),
        pl.Series("part_pick", rng.integers(0, 3, m)),
        pl.Series("source_pick", rng.integers(1, N_SOURCES + 1, m)),
        pl.Series("sentence_pick", rng.integers(1, N_SENTENCES + 1, m)),
        pl.Series("province_effect", rng.normal(0.0, 0.5, m)),
    ).with_columns(
        pl.when((pl.col("aggregation") == "sum") & phase_start.is_not_null() & (pl.col("u_period") < 0.2))
        .then(phase_start)
        .otherwise(pl.col("year"))
        .alias("first_year"),
        pl.when((pl.col("aggregation") == "none") & is_count)
        .then(pl.lit("stock"))
        .when(~is_count & (pl.col("u_period") < 0.1))
        .then(pl.lit("midyear"))
        .otherwise(pl.lit("year"))
        .alias("period_kind"),
    )
    period = (
        pl.when(pl.col("period_kind") == "stock")
        .then(
            pl.format(
                "{}-{}",
                pl.col("year"),
                pl.when(pl.col("u_period") < 0.3).then(pl.lit("06-30")).otherwise(pl.lit("12-31")),
            )
        )
        .when(pl.col("period_kind") == "midyear")
        .then(pl.format("{}-06-30", pl.col("year")))
        .when(pl.col("first_year") != pl.col("year"))
        .then(pl.format("{}-{}", pl.col("first_year"), pl.col("year")))
        .otherwise(pl.col("year").cast(pl.String))
    )
    # 2025-06-30 is still an old unit's date: when the year is 2025 and the period is mid-year, keep it 2025-12-31.
    period = pl.when(pl.col("year") >= 2025).then(period.str.replace("-06-30", "-12-31")).otherwise(period)
    span = pl.col("year") - pl.col("first_year") + 1
    growth = pl.lit(1.03).pow(pl.col("year") - FIRST_YEAR)
    count = (pl.col("base") * pl.col("size") * level_scale * span * growth * pl.col("noise")).round(0)
    count = pl.when(pl.col("unit") == "vnd").then((count / 1e6).round(0) * 1e6).otherwise(count)
    logit = (
        (pl.col("share") / (1 - pl.col("share"))).log()
        + 0.08 * (pl.col("year") - FIRST_YEAR)
        + pl.col("province_effect")
        + pl.col("z")
    )
    share = 1 / (1 + (-logit).exp())
    with_ratio = (pl.col("unit") == "percent") & (pl.col("u_ratio") < 0.6)
    denominator = pl.when(with_ratio).then(
        (pl.col("size") * level_scale * 180 * pl.col("noise")).round(0).clip(lower_bound=1)
    )
    frame = frame.with_columns(denominator.alias("den")).with_columns(
        pl.when(with_ratio).then((pl.col("den") * share).round(0)).alias("num")
    )
    # A handful of stated percentages disagree with their ratio, as real reports do (the loader warns about them).
    stated = pl.when(pl.col("num").is_not_null()).then(pl.col("num") / pl.col("den") * 100).otherwise(share * 100)
    stated = (
        pl.when(pl.col("num").is_not_null() & (pl.col("u_ratio") < 0.0002))
        .then((stated + 3).clip(upper_bound=100) - pl.when(stated > 97).then(6).otherwise(0))
        .otherwise(stated)
    )
    average = pl.col("average") * (1 + 0.02 * (pl.col("year") - FIRST_YEAR)) * pl.col("noise").pow(0.3)
    average = pl.when(pl.col("name_vi").str.contains("thang 10")).then(average.clip(upper_bound=10)).otherwise(average)
    value = (
        pl.when(is_count)
        .then(count.cast(pl.Int64).cast(pl.String))
        .when(pl.col("unit") == "percent")
        .then(stated.round(2).cast(pl.String))
        .otherwise(average.round(2).cast(pl.String))
    )
    status = (
        pl.when(pl.col("year") == LAST_YEAR)
        .then(pl.when(pl.col("u_status") < 0.6).then(pl.lit("target")).otherwise(pl.lit("estimated")))
        .when(pl.col("year") == LAST_YEAR - 1)
        .then(pl.when(pl.col("u_status") < 0.7).then(pl.lit("reported")).otherwise(pl.lit("estimated")))
        .when(pl.col("u_status") < 0.03)
        .then(pl.lit("estimated"))
        .when(pl.col("u_status") < 0.05)
        .then(pl.lit("target"))
        .otherwise(pl.lit("reported"))
    )
    parts = pl.col("breakdowns")
    breakdown = pl.when((parts.list.len() > 0) & (pl.col("u_part") < 0.3)).then(
        parts.list.get(pl.col("part_pick") % parts.list.len().clip(lower_bound=1), null_on_oob=True)
    )
    source = pl.format("mau{}", pl.col("source_pick").cast(pl.String).str.zfill(2))
    return frame.select(
        pl.format("o-{}", (pl.col("row") + 1).cast(pl.String).str.zfill(7)).alias("id"),
        pl.col("id").alias("indicator"),
        pl.col("province"),
        pl.lit(None, pl.String).alias("province_note"),
        pl.when(pl.col("level") == "district").then(pl.col("place")).alias("district"),
        pl.when(pl.col("level") == "commune").then(pl.col("place")).alias("commune"),
        period.alias("period"),
        pl.lit(None, pl.String).alias("period_note"),
        value.alias("value"),
        pl.col("num").cast(pl.Int64).cast(pl.String).alias("numerator"),
        pl.col("den").cast(pl.Int64).cast(pl.String).alias("denominator"),
        status.alias("status"),
        breakdown.alias("breakdown"),
        source.alias("source"),
        _sentence(source, pl.col("sentence_pick")).alias("quote"),
    )


def _sentence(source: pl.Expr, k: pl.Expr) -> pl.Expr:
    """Sentence k of a generated source text (the same sentence is written into sources/<id>.txt)."""
    return pl.format(
        "Số liệu mẫu {} của báo cáo {} được sinh tự động để đo hiệu năng, không phải số liệu thật.",
        k.cast(pl.String).str.zfill(2),
        source,
    )


# ---------------------------------------------------------------- visits


def make_visits(rng: np.random.Generator, places: Places, documents: pl.DataFrame, n: int) -> pl.DataFrame:
    first = np.datetime64(f"{FIRST_YEAR}-01-01")
    days = (np.datetime64(f"{LAST_YEAR}-12-31") - first).astype(int) + 1
    start = first + rng.integers(0, days, n).astype("timedelta64[D]")
    start.sort()
    new = start >= np.datetime64("2025-07-01")
    u = rng.random(n)
    # central 10%, province 45%, district 45% before the merger; no district level after it
    level = np.where(u < 0.10, "central", np.where((u < 0.55) | new, "province", "district"))
    host_old = rng.choice(len(places.old), n, p=places.old_weight / places.old_weight.sum())
    host_new = rng.choice(len(places.new), n, p=places.new_weight / places.new_weight.sum())
    province = np.where(new, places.new[host_new], places.old[host_old])
    province = np.where((level == "central") & (rng.random(n) < 0.02), None, province)  # national events, no host

    d, co, cn = places.districts, places.communes_old, places.communes_new
    d_counts = d.group_by("province_code").len().sort("province_code")["len"].to_numpy()
    co_sorted = co.sort("province_code", maintain_order=True)
    co_counts = co_sorted.group_by("province_code").len().sort("province_code")["len"].to_numpy()
    cn_counts = cn.group_by("province_code").len().sort("province_code")["len"].to_numpy()
    old_commune = _pick(rng, np.arange(co_sorted.height), co_counts, host_old)
    commune_old = co_sorted["name"].to_numpy()[old_commune]
    commune_district = co_sorted["district"].to_numpy()[old_commune]
    commune_new = _pick(rng, cn["name"].to_numpy(), cn_counts, host_new)
    district_pick = _pick(rng, d["name"].to_numpy(), d_counts, host_old)
    at_commune = (rng.random(n) < 0.4) & (level != "central") & (province != None)  # noqa: E711 (numpy mask)
    district = np.where(
        level == "district",
        np.where(at_commune, commune_district, district_pick),
        np.where(at_commune & ~new, commune_district, None),
    )
    commune = np.where(at_commune, np.where(new, commune_new, commune_old), None)

    codes = documents.filter(pl.col("date").is_not_null()).sort("date")
    n_docs = rng.integers(0, 4, n)
    doc_pick = rng.random((n, 3))
    names = dict(places.units.select(pl.format("{}-{}", "scheme", "code"), "name_vi").iter_rows())
    frame = (
        pl.DataFrame(
            {
                "start": pl.Series(start, dtype=pl.Date),
                "level": level,
                "province": pl.Series(province.tolist(), dtype=pl.String),
                "district": pl.Series(district.tolist(), dtype=pl.String),
                "commune": pl.Series(commune.tolist(), dtype=pl.String),
                "new": new,
                "kind_pick": rng.choice(len(KINDS), n, p=[0.3, 0.25, 0.2, 0.2, 0.05]),
                "length": np.where(rng.random(n) < 0.2, rng.integers(1, 5, n), 0),
                "u_precision": rng.random(n),
                "u_leader": rng.random(n),
                "leader": rng.integers(1, 2000, n),
                "central_body": rng.integers(0, len(CENTRAL_BODIES), n),
                "n_docs": n_docs,
                "doc_a": doc_pick[:, 0],
                "doc_b": doc_pick[:, 1],
                "doc_c": doc_pick[:, 2],
                "source_pick": rng.integers(1, N_SOURCES + 1, n),
                "sentence_pick": rng.integers(1, N_SENTENCES + 1, n),
            }
        )
        .with_row_index("row")
        .with_columns(
            pl.format("{}-{}", pl.when(pl.col("new")).then(pl.lit("34")).otherwise(pl.lit("63")), "province")
            .replace_strict(names, default=None)
            .alias("province_name"),
        )
    )
    # documents referenced are ones already issued on the visit's day
    dates = codes["date"].to_numpy()
    known = np.searchsorted(dates, start, side="right")  # how many documents were issued by the visit's day
    frame = frame.with_columns(pl.Series("known", known))
    code_list = codes["code"].to_list()

    def doc(u_col: str) -> pl.Expr:
        index = (pl.col(u_col) * pl.col("known")).floor().cast(pl.Int64)
        return pl.when(pl.col("known") > 0).then(pl.lit(pl.Series(code_list)).gather(index))

    docs = (
        pl.concat_list(doc("doc_a"), doc("doc_b"), doc("doc_c"))
        .list.head(pl.col("n_docs"))
        .list.drop_nulls()
        .list.unique(maintain_order=True)
        .list.join("|")
    )
    kind = pl.col("kind_pick").replace_strict(dict(enumerate(KINDS)), return_dtype=pl.String)
    kind_name = pl.col("kind_pick").replace_strict(dict(enumerate(KIND_NAMES)), return_dtype=pl.String)
    body = (
        pl.when(pl.col("level") == "central")
        .then(pl.col("central_body").replace_strict(dict(enumerate(CENTRAL_BODIES)), return_dtype=pl.String))
        .when(pl.col("level") == "province")
        .then(pl.format("Ban Dân vận Tỉnh ủy {}", pl.col("province_name")))
        .otherwise(pl.format("Ban Dân vận Huyện ủy {}", pl.col("district")))
    )
    title = (
        pl.when(pl.col("level") == "central")
        .then(pl.lit("Phó Trưởng Ban Dân vận Trung ương"))
        .when(pl.col("level") == "province")
        .then(pl.lit("Trưởng Ban Dân vận Tỉnh ủy"))
        .otherwise(pl.lit("Trưởng Ban Dân vận Huyện ủy"))
    )
    precision = (
        pl.when(pl.col("u_precision") < 0.92)
        .then(pl.lit("day"))
        .when(pl.col("u_precision") < 0.98)
        .then(pl.lit("month"))
        .otherwise(pl.lit("approximate"))
    )
    start_day = pl.when(precision == "month").then(pl.col("start").dt.month_start()).otherwise(pl.col("start"))
    end_day = pl.when((pl.col("length") > 0) & (precision == "day")).then(
        pl.col("start") + pl.duration(days=pl.col("length"))
    )
    # a multi-day event that would straddle the merger ends before it: the host code belongs to one scheme
    end_day = (
        pl.when((pl.col("start") < pl.date(2025, 7, 1)) & (end_day >= pl.date(2025, 7, 1)))
        .then(pl.date(2025, 6, 30))
        .otherwise(end_day)
    )
    host = pl.concat_str(
        [pl.col("commune"), pl.col("district"), pl.col("province_name")], separator=", ", ignore_nulls=True
    )
    source = pl.format("mau{}", pl.col("source_pick").cast(pl.String).str.zfill(2))
    return frame.select(
        pl.format("v-{}", (pl.col("row") + 1).cast(pl.String).str.zfill(6)).alias("id"),
        start_day.dt.strftime("%Y-%m-%d").alias("date_start"),
        end_day.dt.strftime("%Y-%m-%d").alias("date_end"),
        precision.alias("date_precision"),
        pl.when(precision != "day")
        .then(pl.lit("Ngày sinh tự động, chỉ biết đến tháng hoặc áng chừng."))
        .alias("date_note"),
        kind.alias("kind"),
        body.alias("body"),
        pl.col("level").alias("body_level"),
        pl.when(pl.col("u_leader") < 0.7)
        .then(pl.format("Cán bộ Mẫu {}", pl.col("leader").cast(pl.String).str.zfill(4)))
        .alias("leader_name"),
        pl.when(pl.col("u_leader") < 0.7).then(title).alias("leader_title"),
        "province",
        pl.lit(None, pl.String).alias("province_note"),
        "district",
        "commune",
        pl.when(pl.col("n_docs") > 0).then(docs).alias("documents"),
        pl.format(
            "Sự kiện mẫu sinh tự động: {} {} tại {}.",
            body,
            kind_name,
            pl.when(host == "").then(pl.lit("phạm vi toàn quốc")).otherwise(host),
        ).alias("summary"),
        source.alias("source"),
        _sentence(source, pl.col("sentence_pick")).alias("quote"),
    )


# ---------------------------------------------------------------- writing


def write(out: Path, size: Size, seed: int) -> dict[str, int]:
    """Write the whole dataset to `out` (replacing it) and return the number of records of each kind."""
    if out.resolve() == CURATED.resolve() or CURATED.resolve() in out.resolve().parents:
        raise SystemExit("refusing to write generated data inside data/")
    rng = np.random.default_rng(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "sources").mkdir(parents=True)
    shutil.copy(CURATED / "units.csv", out / "units.csv")

    places = make_places(rng, size)
    places_csv(places).write_csv(out / "places.csv")

    indicators = make_indicators(rng)
    _write_yaml(
        out / "indicators.yaml",
        indicators.select(
            "id", "name_vi", "name_en", "unit", "description", "category", "aggregation", "higher_is_better"
        ).to_dicts(),
    )

    curated_docs = yaml.safe_load((CURATED / "documents.yaml").read_text(encoding="utf-8"))
    documents = [
        {k: d.get(k) for k in ("code", "type", "issuer", "level", "province", "date", "title")}  # absent = null
        | {"source": None, "quote": None}
        for d in curated_docs
        if d["level"] == "central"
    ]
    _write_yaml(out / "documents.yaml", documents)
    doc_frame = pl.DataFrame({"code": [d["code"] for d in documents], "date": [d["date"] for d in documents]})
    doc_frame = doc_frame.with_columns(pl.col("date").str.to_date("%Y-%m-%d"))

    sources = []
    for s in range(1, N_SOURCES + 1):
        source_id = f"mau{s:02d}"
        title = f"Báo cáo số liệu mẫu {s:02d} (sinh tự động, không phải số liệu thật)"
        sources.append(
            {
                "id": source_id,
                "title": title,
                "publisher": "Bộ sinh dữ liệu mẫu",
                "url": None,
                "published": f"{LAST_YEAR}-01-{s:02d}",
                "published_note": None,
                "author": None,
                "province": None,
                "province_note": None,
                "corpus_file": None,
            }
        )
        sentences = pl.select(_sentence(pl.lit(source_id), pl.int_range(1, N_SENTENCES + 1)).alias("s"))["s"]
        (out / "sources" / f"{source_id}.txt").write_text(
            f"Báo cáo số liệu mẫu {s:02d}\n\nVăn bản này do scripts/make_scale_data.py sinh tự động.\n\n"
            + "\n".join(sentences.to_list())
            + "\n",
            encoding="utf-8",
        )
    _write_yaml(out / "sources.yaml", sources)

    observations = make_observations(rng, places, indicators, size.observations)
    observations.select(OBS_COLUMNS).write_csv(out / "observations.csv")
    visits = make_visits(rng, places, doc_frame, size.visits)
    visits.select(VISIT_COLUMNS).write_csv(out / "visits.csv")

    _write_yaml(
        out / "dataset.yaml",
        {
            "title": "Dữ liệu mẫu sinh tự động để đo hiệu năng — không phải số liệu thật",
            "description": f"Sinh bởi scripts/make_scale_data.py (seed {seed}): {observations.height} số liệu, "
            f"{visits.height} sự kiện, {places.communes_old.height} xã mẫu trước 2025 và "
            f"{places.communes_new.height} xã mẫu từ 2025. Tên xã, huyện, cán bộ, chỉ tiêu và nguồn đều "
            "là tên mẫu.",
            "licence": "Dữ liệu sinh tự động, dùng tự do cho kiểm thử.",
            "generated": True,
        },
    )
    return {
        "observations": observations.height,
        "visits": visits.height,
        "indicators": indicators.height,
        "communes_old": places.communes_old.height,
        "communes_new": places.communes_new.height,
        "districts": places.districts.height,
        "sources": N_SOURCES,
        "documents": len(documents),
    }


def _write_yaml(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default build/scale)")
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--small", action="store_true", help="2.000 observations and 200 visits, for tests")
    parser.add_argument("--observations", type=int, help="number of observations (overrides the size)")
    parser.add_argument("--visits", type=int, help="number of visits (overrides the size)")
    args = parser.parse_args(argv)
    size = SMALL if args.small else FULL
    if args.observations or args.visits:
        size = Size(
            args.observations or size.observations,
            args.visits or size.visits,
            size.communes_old,
            size.communes_new,
            size.districts,
        )
    counts = write(args.out, size, args.seed)
    print(f"{args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
