"""The one translation table: complete in both languages, every text used, and no page choosing a language itself."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from danvan import i18n

ROOT = Path(__file__).resolve().parent.parent
CODE = [
    p
    for folder in ("danvan", "components", "pages")
    for p in sorted((ROOT / folder).rglob("*.py"))
    if p != ROOT / "danvan" / "i18n.py"
] + [ROOT / "app.py"]
# Keys built from a value in the data (t("kind_" + visit["kind"])): used when their prefix is.
DYNAMIC = (
    "scheme_",
    "lang_",
    "kind_",
    "level_",
    "status_",
    "finding_",
    "unit_",
    "reason_",
    "doc_type_",
    "category_",
    "place_",
    "precision_",
    "search_kind_",
    "fu_state_",
    "changes_basis_",
    "q_kind_",
    "q_addpart_",
    "st_",  # Streamlit's own words (components/boot.py, STREAMLIT_WORDS)
)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture(scope="module")
def code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in CODE)


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, texts in i18n.TEXTS.items():
        assert len(texts) == len(i18n.LANGS) and all(text.strip() for text in texts), key
        vi, en = texts
        assert placeholders(vi) == placeholders(en) - set(i18n.AGREEMENT), key
        assert "n" in placeholders(en) or not placeholders(en) & set(i18n.AGREEMENT), key  # agreement needs a count


def test_every_key_is_used(code):
    quoted = set(re.findall(r"""["']([a-z0-9_]+)["']""", code))
    unused = [
        key for key in i18n.TEXTS if key not in quoted and not any(key.startswith(p) and p in quoted for p in DYNAMIC)
    ]
    assert not unused


def test_the_dynamic_prefixes_are_used(code):
    for prefix in DYNAMIC:
        assert f'"{prefix}"' in code or f"'{prefix}'" in code or re.search(rf"f[\"']{prefix}\{{", code), prefix


def test_a_key_is_defined_once():
    with pytest.raises(ValueError, match="app_title"):
        i18n._merge(i18n.APP, {"app_title": ("x", "y")})


@pytest.mark.parametrize("page", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_no_page_tests_the_language(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"lang\s*[!=]=|[!=]=\s*[\"'](vi|en)[\"']", text)


def test_texts_follow_the_language():
    vi = i18n.t("data_first_rows", "vi", n="2.000", m="5.000")
    assert vi == "Hiển thị 2.000 dòng đầu; tệp tải về có đủ 5.000 dòng."
    assert i18n.t("data_first_rows", "en", n="2,000", m="5,000") == (
        "Showing the first 2,000 rows; the downloads have all 5,000."
    )
    assert i18n.name_column("en") == "name_en" and i18n.name_column("vi") == "name_vi"


def test_english_agrees_with_its_count():
    """ "Events · 1 rows", "1 more district or commune values" (a leader's walk-through)."""
    assert i18n.t("data_rows", "en", n="1") == "1 row" and i18n.t("data_rows", "en", n="1.204") == "1.204 rows"
    assert i18n.t("map_below_province_only", "en", n=1).startswith("1 indicator has district")
    assert i18n.t("map_below_province_only", "en", n=3).startswith("3 indicators have district")
    assert i18n.t("data_rows", "vi", n="1") == "1 dòng"
