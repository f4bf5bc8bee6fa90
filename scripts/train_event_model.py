"""Fit the event model (danvan/ingest/event_model.json) on the tuning texts only.

    python scripts/train_event_model.py            # refit and write danvan/ingest/event_model.json
    python scripts/train_event_model.py --check    # refit in memory; exit 1 if the stored weights differ
    python scripts/train_event_model.py --cv       # also: five-fold cross-validated precision and recall

The examples are every date each tuning text gives (split.tuning of tests/fixtures/ingest/labels_fresh.yaml, every
text of the fresh tuning sets beside it, labels_tuning_*.yaml, and the five seed articles of the shared corpus,
split.tuning of labels.yaml), with the features the extractor computes before the model chooses; a date is a positive
example when the text's labels list it as an event. Held-out texts are never read. The registry and indicators come
from data/, as for the accuracy script; the seeds from ../shared/corpus (or $DANVAN_CORPUS)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan.ingest import event_model, load_indicators, load_registry  # noqa: E402
from danvan.ingest.evaluate import load_labels  # noqa: E402
from danvan.ingest.extract import event_examples  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "ingest"
LABELS = CORPUS / "labels_fresh.yaml"
FRESH = "labels_tuning_*.yaml"  # the fresh tuning sets, every text of them tuning
SEEDS = CORPUS / "labels.yaml"  # the five seed articles' labels: their texts are in the shared corpus
SHARED = Path(os.environ.get("DANVAN_CORPUS", ROOT.parent / "shared" / "corpus"))


def tuning_labels(labels_path: Path) -> list[tuple[dict, Path]]:
    """Each tuning text's labels with the folder its file is in: the split.tuning texts of `labels_path` and of the
    shared corpus's labels.yaml (the seeds), and every text of the fresh tuning sets."""
    labels = load_labels(labels_path)
    tuning = set(labels["split"]["tuning"])
    fresh = [text for path in sorted(labels_path.parent.glob(FRESH)) for text in load_labels(path)["texts"]]
    seeds = load_labels(SEEDS)
    texts = [text for text in labels["texts"] if text["id"] in tuning] + fresh
    return [(text, CORPUS) for text in texts] + [
        (text, SHARED) for text in seeds["texts"] if text["id"] in seeds["split"]["tuning"]
    ]


def tuning_texts(labels_path: Path, data: Path) -> list[event_model.Text]:
    """Per tuning text: its candidate dates with their features, the dates the rules decide alone, and its
    labelled event dates."""
    registry, _ = load_registry(data)
    indicators = load_indicators(data)
    texts = []
    for label, folder in tuning_labels(labels_path):
        candidates, fixed = event_examples(
            folder / label["file"], registry, province=label.get("outlet_province"), indicators=indicators
        )
        texts.append((candidates, fixed, {str(e) for e in label.get("events") or []}))
    return texts


def stored(texts: list, labels_path: Path) -> dict:
    examples = [(features, key in events) for candidates, _, events in texts for key, features in candidates]
    return {
        "trained_on": f"{labels_path.relative_to(ROOT).as_posix()}, split.tuning; {FRESH} beside it; the seeds",
        "texts": len(texts),
        "examples": len(examples),
        "positives": sum(label for _, label in examples),
        "lambda": event_model.LAMBDA,
        "threshold": event_model.THRESHOLD,
        "weights": event_model.fit(examples),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the stored weights differ from a refit")
    parser.add_argument("--cv", action="store_true", help="print five-fold cross-validated precision and recall")
    parser.add_argument("--labels", default=str(LABELS))
    parser.add_argument("--data", default=str(ROOT / "data"))
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        raise SystemExit(
            f"the seed articles' corpus is not at {SHARED}: put ../shared beside the repository or set DANVAN_CORPUS"
        )
    texts = tuning_texts(Path(args.labels), Path(args.data))
    model = stored(texts, Path(args.labels))
    print(f"{model['texts']} tuning texts, {model['examples']} candidate dates, {model['positives']} events")
    if args.cv:
        for seed in range(3):
            tp, fp, fn = event_model.cross_validate(texts, seed=seed)
            precision, recall = tp / (tp + fp), tp / (tp + fn)
            print(f"five-fold, shuffle {seed}: right {tp}, extra {fp}, missed {fn}: P {precision:.3f} R {recall:.3f}")
    if args.check:
        current = json.loads(event_model.WEIGHTS.read_text(encoding="utf-8"))
        differ = [
            name
            for name in sorted(set(current["weights"]) | set(model["weights"]))
            if abs(current["weights"].get(name, 0.0) - model["weights"].get(name, 0.0)) > 1e-4
        ]
        if differ or {k: v for k, v in current.items() if k != "weights"} != {
            k: v for k, v in model.items() if k != "weights"
        }:
            print(f"{event_model.WEIGHTS.name} differs from a refit (weights: {', '.join(differ) or 'none'})")
            return 1
        print(f"{event_model.WEIGHTS.name} matches a refit")
        return 0
    tmp = event_model.WEIGHTS.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(event_model.WEIGHTS)
    print(f"wrote {event_model.WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
