"""Which dated sentences are the text's own gatherings: a logistic model over the dates a text gives.

The extractor's rules read each dated sentence on its own; this model weighs what is known of every date the text
gives (and of the page's date) at once: the words of its sentence and of the words around it, where it stands, how
far it lies from the page's date, whether a document's code or an "as of" comes before it. Its weights are fitted by
`scripts/train_event_model.py` on the tuning texts only (tests/fixtures/ingest/labels_fresh.yaml, split.tuning, the
fresh tuning sets labels_tuning_*.yaml and the five seed articles) and stored beside this module in event_model.json;
`--check` refits them and fails if the stored ones differ."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("event_model.json")
LAMBDA = 1.0  # L2 penalty; 1.0 and the threshold below were chosen by five-fold cross-validation on the tuning texts
THRESHOLD = 0.45
CAP = 3.0  # a count feature (how often the date is written) saturates here


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * min(value, CAP) for name, value in features.items())
        return 1 / (1 + math.exp(-z))


@cache
def model() -> Model:
    stored = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Model(stored["weights"], stored["threshold"])


Example = tuple[dict[str, float], bool]  # a candidate date's features, and whether the labels have it


def fit(examples: Sequence[Example], lam: float = LAMBDA) -> dict[str, float]:
    """L2-penalised logistic regression by Newton's method: deterministic, so that a refit gives the same weights."""
    names = sorted({name for features, _ in examples for name in features})
    x = np.array([[min(f.get(n, 0.0), CAP) for n in names] for f, _ in examples])
    y = np.array([float(label) for _, label in examples])
    w = np.zeros(len(names))
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ w))
        step = np.linalg.solve((x.T * (p * (1 - p))) @ x + lam * np.eye(len(w)), x.T @ (p - y) + lam * w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return {n: round(float(v), 6) for n, v in zip(names, w, strict=True)}


Text = tuple[list[tuple[str, dict[str, float]]], set[str], set[str]]  # candidates, dates fixed by the rules, labels


def cross_validate(texts: Sequence[Text], folds: int = 5, seed: int = 0) -> tuple[int, int, int]:
    """(right, extra, missed) event dates over the texts, each text's dates chosen by a model fitted on the other
    folds, together with the dates the rules decide alone. `texts`: per text, its candidates (key, features), the
    rules' own event dates, and its labelled event dates."""
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    tp = fp = fn = 0
    for k in range(folds):
        held = set(order[k::folds])
        examples = [
            (f, key in labels) for i, (cands, _, labels) in enumerate(texts) if i not in held for key, f in cands
        ]
        fold = Model(fit(examples), THRESHOLD)
        for i in held:
            cands, fixed, labels = texts[i]
            chosen = fixed | {key for key, f in cands if fold.probability(f) > fold.threshold}
            tp, fp, fn = tp + len(chosen & labels), fp + len(chosen - labels), fn + len(labels - chosen)
    return tp, fp, fn
