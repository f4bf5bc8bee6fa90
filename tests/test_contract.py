"""docs/data-contract.md and danvan/model.py state the same enumerations: every enum field of every file lists
exactly the model's values, in the model's order, and the schemes and the merger date agree."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from danvan import model

CONTRACT = (Path(__file__).resolve().parent.parent / "docs" / "data-contract.md").read_text(encoding="utf-8")
SECTIONS = {
    "documents.yaml": model.DOCUMENT_SPEC,
    "indicators.yaml": model.INDICATOR_SPEC,
    "visits.yaml": model.VISIT_SPEC,
    "observations.yaml": model.OBSERVATION_SPEC,
    "sources.yaml": model.SOURCE_SPEC,
    "followups.yaml": model.FOLLOWUP_SPEC,
}
# "level: central   # central | province | district", "status: reported   # reported | estimated (dự ước) | target"
FIELD_LINE = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<field>\w+):[^#\n]*#\s*(?P<comment>.*)$", re.MULTILINE)
# a value of two words is written in backquotes: "hơn | `xấp xỉ`"
ALTERNATIVES = re.compile(r"^(?:`[^`]+`|[\w-]+)(?:\s*\([^)]*\))?(?:\s*\|\s*(?:`[^`]+`|[\w-]+)(?:\s*\([^)]*\))?)+")


def listed(comment: str) -> list[str] | None:
    """The values a comment lists with "|", without their explanations in brackets; None if it lists none."""
    match = ALTERNATIVES.match(comment)
    if match is None:
        return None
    return [re.sub(r"\s*\(.*\)", "", part).strip(" `") for part in match.group(0).split("|")]


def section(name: str) -> str:
    return CONTRACT.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("name", list(SECTIONS))
def test_every_enum_field_lists_the_models_values(name):
    spec = SECTIONS[name]
    found: dict[str, list[str] | None] = {}
    for m in FIELD_LINE.finditer(section(name)):
        nested = len(m.group("indent")) > 2  # "findings:" items of a visit
        kind = (model.FINDING_SPEC if nested else spec).get(m.group("field"), ("", False))[0]
        if kind.startswith("enum:"):
            found[f"{kind}@{m.group('field')}"] = listed(m.group("comment"))
            assert listed(m.group("comment")) == list(model.ENUMS[kind.removeprefix("enum:")]), m.group(0)
    expected = {f"{kind}@{field}" for field, (kind, _) in spec.items() if kind.startswith("enum:")}
    if name == "visits.yaml":
        expected |= {f"{kind}@{field}" for field, (kind, _) in model.FINDING_SPEC.items() if kind.startswith("enum:")}
    assert set(found) == expected  # no enum field left undocumented


def test_place_levels_and_schemes_agree():
    places = re.search(r"level is (.*);", section("places.csv")).group(1)
    assert listed(places) == list(model.PLACE_LEVELS)
    schemes = re.search(r"`scheme` in `units.csv` is (.*?) — the (\d+) provinces before (\S+), the (\d+)", CONTRACT)
    assert listed(schemes.group(1)) == list(model.SCHEMES)
    assert (schemes.group(2), schemes.group(4)) == model.SCHEMES
    assert schemes.group(3) == model.MERGER_DATE.isoformat()
    assert model.scheme_on(model.MERGER_DATE) == model.SCHEMES[1]
    assert model.scheme_on(model.MERGER_DATE - dt.timedelta(days=1)) == model.SCHEMES[0]
