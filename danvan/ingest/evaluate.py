"""Measure the extractor against the hand-labelled corpus (tests/fixtures/ingest/labels.yaml).

Per field — numbers, documents, dates (publication and events), event dates alone, provinces, bodies (name and
level), body levels alone — precision and recall, summed over the texts of a
group (tuning, held_out, all). Numbers match on (value, numerator, denominator); their periods are scored apart,
on the labelled numbers that have a period."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..registry import Registry
from ..text import name_key
from .drafts import Draft, event_key
from .extract import extract_file

FIELDS = ("numbers", "documents", "dates", "event_dates", "provinces", "bodies", "body_levels")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class TextScore:
    id: str
    tallies: dict[str, Tally]
    periods: tuple[int, int]  # (correct, graded)
    missed: dict[str, list] = field(default_factory=dict)
    extra: dict[str, list] = field(default_factory=dict)


def load_labels(path: str | Path) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _number_key(*numbers: float | None) -> tuple[float | None, ...]:
    """(value, numerator, denominator) rounded, so that a label's 81.77 matches the draft's 81.77."""
    return tuple(None if n is None else round(float(n), 4) for n in numbers)


def _label_number_key(item: dict[str, Any]) -> tuple[float | None, ...]:
    return _number_key(item.get("value"), item.get("numerator"), item.get("denominator"))


def event_keys(draft: Draft) -> set[str]:
    """The draft's event dates as labels write them: "2024-03-15", "2024-03-15..2024-03-16", "2024-03"."""
    return {key for visit in draft.visits if (key := event_key(visit))}


def _date_items(draft: Draft) -> set[str]:
    items = {f"event:{key}" for key in event_keys(draft)}
    if draft.source.published:
        items.add(f"published:{draft.source.published}")
    return items


def _predicted(draft: Draft) -> dict[str, Counter]:
    provinces = {v.province for v in draft.visits if v.province}
    provinces |= {o.province for o in draft.observations if o.province}
    if draft.source.province:
        provinces.add(draft.source.province)
    return {
        "numbers": Counter(_number_key(o.value, o.numerator, o.denominator) for o in draft.observations),
        "documents": Counter({d.code: 1 for d in draft.documents}),
        "dates": Counter(_date_items(draft)),
        "provinces": Counter(provinces),
        "bodies": Counter({(name_key(v.body), v.body_level) for v in draft.visits if v.body}),
        "body_levels": Counter({v.body_level for v in draft.visits if v.body and v.body_level}),
        "event_dates": Counter(d for d in _date_items(draft) if d.startswith("event:")),
    }


def expected_items(label: dict) -> dict[str, Counter]:
    dates = {f"event:{e}" for e in label.get("events") or []}
    if label.get("published"):
        dates.add(f"published:{label['published']}")
    return {
        "numbers": Counter(_label_number_key(n) for n in label.get("numbers") or []),
        "documents": Counter(label.get("documents") or []),
        "dates": Counter(dates),
        "provinces": Counter(label.get("provinces") or []),
        "bodies": Counter((name_key(b["name"]), b["level"]) for b in label.get("bodies") or []),
        "body_levels": Counter({b["level"] for b in label.get("bodies") or []}),
        "event_dates": Counter(d for d in dates if d.startswith("event:")),
    }


def _periods(label: dict[str, Any], draft: Draft) -> tuple[int, int]:
    """Of the labelled numbers with a period, how many the draft has with that same period."""
    available = Counter((_number_key(o.value, o.numerator, o.denominator), o.period) for o in draft.observations)
    correct = graded = 0
    for number in label.get("numbers") or []:
        if number.get("period") is None:
            continue
        graded += 1
        key = (_label_number_key(number), str(number["period"]))
        if available[key] > 0:
            available[key] -= 1
            correct += 1
    return correct, graded


def score_text(label: dict[str, Any], draft: Draft) -> TextScore:
    expected, predicted = expected_items(label), _predicted(draft)
    score = TextScore(label["id"], {}, _periods(label, draft))
    for name in FIELDS:
        tp = sum((expected[name] & predicted[name]).values())
        score.tallies[name] = Tally(tp, sum(predicted[name].values()) - tp, sum(expected[name].values()) - tp)
        score.missed[name] = sorted(map(str, (expected[name] - predicted[name]).elements()))
        score.extra[name] = sorted(map(str, (predicted[name] - expected[name]).elements()))
    return score


OUTLET_HINTS = ("province", "url", "none")


def run(
    labels: dict,
    corpus: str | Path,
    registry: Registry | None,
    indicators: list[dict] | None = None,
    outlet: str = "province",
) -> dict[str, TextScore]:
    """Extract every labelled text and score it. `outlet`: what the curator gives about the outlet — its province
    as --province, the page's address as --url (from the corpus's index files), or nothing."""
    urls = page_urls(corpus) if outlet == "url" else {}
    scores = {}
    for label in labels["texts"]:
        draft = extract_file(
            Path(corpus) / label["file"],
            registry,
            indicators=indicators,
            province=label.get("outlet_province") if outlet == "province" else None,
            url=urls.get(label["file"]),
        )
        scores[label["id"]] = score_text(label, draft)
    return scores


def page_urls(corpus: str | Path) -> dict[str, str]:
    """file (relative to the corpus) → the page's url, from every index*.yaml list beside the texts."""
    root = Path(corpus)
    urls = {}
    for index in sorted(root.rglob("index*.yaml")):
        for entry in yaml.safe_load(index.read_text(encoding="utf-8")) or []:
            if isinstance(entry, dict) and entry.get("file") and entry.get("url"):
                urls[(index.parent / entry["file"]).relative_to(root).as_posix()] = entry["url"]
    return urls


def summarise(labels: dict, scores: dict[str, TextScore]) -> dict[str, dict]:
    """{group: {field: {precision, recall, tp, fp, fn}, periods: {accuracy, correct, graded}}}."""
    groups = {
        "tuning": labels["split"]["tuning"],
        "held_out": labels["split"]["held_out"],
        "all": [t["id"] for t in labels["texts"]],
    }
    summary = {}
    for group, ids in groups.items():
        totals = {name: Tally() for name in FIELDS}
        correct = graded = 0
        for text_id in ids:
            for name in FIELDS:
                totals[name].add(scores[text_id].tallies[name])
            correct += scores[text_id].periods[0]
            graded += scores[text_id].periods[1]
        summary[group] = {
            name: {"precision": round(t.precision, 3), "recall": round(t.recall, 3), "tp": t.tp, "fp": t.fp, "fn": t.fn}
            for name, t in totals.items()
        }
        summary[group]["periods"] = {
            "accuracy": round(correct / graded, 3) if graded else 1.0,
            "correct": correct,
            "graded": graded,
        }
    return summary
