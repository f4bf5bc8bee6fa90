"""Precision and recall of `python -m danvan ingest` on the hand-labelled corpus.

    python scripts/extraction_accuracy.py                 # table: tuning, held-out, all
    python scripts/extraction_accuracy.py --details       # plus what each tuning text missed or added
    python scripts/extraction_accuracy.py --json out.json --data data

The registry (place names) and the indicator ids come from --data (default: the curated data/). The outlet's
province (labels: outlet_province) is passed as --province, the way a curator would; the row "provinces (url, no
--province)" is the same run given the page's address instead (--url, from the corpus's index files), and "provinces
(text only)" the same run with neither."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan.ingest import load_indicators, load_registry  # noqa: E402
from danvan.ingest.evaluate import FIELDS, load_labels, run, summarise  # noqa: E402

LABELS = ROOT / "tests" / "fixtures" / "ingest" / "labels.yaml"
CORPUS = Path(os.environ.get("DANVAN_CORPUS", ROOT.parent / "shared" / "corpus"))  # beside the repo by default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--data", default=str(ROOT / "data"), help="data folder for the registry and indicators")
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--labels", default=str(LABELS))
    parser.add_argument("--details", action="store_true", help="list misses and extras per tuning text")
    args = parser.parse_args(argv)

    labels = load_labels(args.labels)
    registry, note = load_registry(args.data)
    indicators = load_indicators(args.data)
    scores = run(labels, args.corpus, registry, indicators)
    summary = summarise(labels, scores)
    for hint in ("url", "none"):  # the same run with the page's address instead, and with nothing
        other = summarise(labels, run(labels, args.corpus, registry, indicators, outlet=hint))
        for group in summary:
            summary[group][f"provinces_{hint}"] = other[group]["provinces"]

    print(f"registry: {args.data}" + (f" ({note})" if note else ""))
    print(_table(summary))
    if args.details:  # held-out texts are measured only in summary: their misses are never printed
        tuning = set(labels["split"]["tuning"])
        for text_id, score in scores.items():
            if text_id not in tuning:
                continue
            for name in FIELDS:
                if score.missed[name] or score.extra[name]:
                    print(f"{text_id} {name}: missed {score.missed[name]} extra {score.extra[name]}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"registry": args.data, "summary": summary, "split": labels["split"]}, ensure_ascii=False, indent=2
            ),
            encoding="utf-8",
        )
    return 0


def _table(summary: dict) -> str:
    groups = list(summary)
    head = f"{'field':<32}" + "".join(f"{g + ' P':>12}{g + ' R':>12}" for g in groups)
    lines = [head, "-" * len(head)]
    names = {"provinces_url": "provinces (url, no --province)", "provinces_none": "provinces (text only)"}
    for name in [*FIELDS, *names]:
        label = names.get(name, name.replace("_", " "))
        cells = "".join(f"{summary[g][name]['precision']:>12.2f}{summary[g][name]['recall']:>12.2f}" for g in groups)
        lines.append(f"{label:<32}{cells}")
    cells = "".join(f"{summary[g]['periods']['accuracy']:>12.2f}{'':>12}" for g in groups)
    lines.append(f"{'number periods (acc.)':<32}{cells}")
    counts = "  ".join(
        f"{g}: {summary[g]['numbers']['tp'] + summary[g]['numbers']['fn']} numbers, "
        f"{summary[g]['documents']['tp'] + summary[g]['documents']['fn']} documents"
        for g in groups
    )
    lines.append(f"(labelled: {counts})")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
