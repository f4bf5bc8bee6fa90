"""How far two people agree when they label the same texts under the same written conventions.

    cd tests/fixtures/ingest && python ../../../scripts/label_agreement.py labels_fresh.yaml labels_second_opinion.yaml
    python ../../../scripts/label_agreement.py labels_adjudicated_events.yaml 'labels_heldout*.yaml' \
        --fields event_dates dates

The first argument is read as the reference, the second as the other curator's (either may be a glob pattern whose
files are read as one); for each field the same precision and recall the extractor is scored with
(danvan.ingest.evaluate), over the texts both label. It bounds what the extractor can score against one curator's
labels: where two people disagree, no rule agrees with both."""

from __future__ import annotations

import argparse
import sys
from glob import glob
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan.ingest.evaluate import FIELDS, Tally, expected_items, load_labels  # noqa: E402


def agreement(reference: dict, other: dict) -> tuple[list[str], dict[str, Tally]]:
    """The ids both files label, and per field the other's items scored against the reference's."""
    theirs = {t["id"]: t for t in other["texts"]}
    ids = [t["id"] for t in reference["texts"] if t["id"] in theirs]
    mine = {t["id"]: t for t in reference["texts"]}
    totals = {name: Tally() for name in FIELDS}
    for text_id in ids:
        expected, given = expected_items(mine[text_id]), expected_items(theirs[text_id])
        for name in FIELDS:
            tp = sum((expected[name] & given[name]).values())
            totals[name].add(Tally(tp, sum(given[name].values()) - tp, sum(expected[name].values()) - tp))
    return ids, totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference")
    parser.add_argument("other")
    parser.add_argument("--fields", nargs="+", choices=FIELDS, default=FIELDS, help="the fields both files label")
    args = parser.parse_args(argv)
    ids, totals = agreement(read(args.reference), read(args.other))
    print(f"{len(ids)} texts labelled in both")
    print(f"{'field':<16}{'P':>8}{'R':>8}   (items: reference / other)")
    for name in args.fields:
        t = totals[name]
        print(f"{name:<16}{t.precision:>8.2f}{t.recall:>8.2f}   ({t.tp + t.fn} / {t.tp + t.fp})")
    return 0


def read(pattern: str) -> dict:
    """The texts of every labels file the pattern names, as one labels file."""
    paths = sorted(glob(pattern))
    if not paths:
        raise SystemExit(f"no labels file matches {pattern}")
    return {"texts": [text for path in paths for text in load_labels(path)["texts"]]}


if __name__ == "__main__":
    raise SystemExit(main())
