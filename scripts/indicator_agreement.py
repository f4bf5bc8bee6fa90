"""How often the extractor proposes the indicator a curator chose, on the curated data's own quoted values.

    python scripts/indicator_agreement.py            # right / another indicator / a new one proposed
    python scripts/indicator_agreement.py --details  # each value given another indicator

Each value of data/observations.yaml that quotes a sentence is drafted from that sentence alone; the draft's value
equal to it is compared with the curated indicator. "new" is a draft that proposes no known indicator (the curator
chooses one), "other" one that proposes a wrong known indicator (the curator must notice). Values read from a
table's cell are left out: their indicator comes from a column header, not a sentence."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import danvan  # noqa: E402
from danvan.ingest import extract_text, load_indicators, load_registry  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT / "data"))
    parser.add_argument("--details", action="store_true", help="list each value given another indicator")
    args = parser.parse_args()
    registry, _ = load_registry(args.data)
    indicators = load_indicators(args.data)
    counts = {"right": 0, "other": 0, "new": 0, "missed": 0}
    rows = danvan.load(args.data).observations.select("observation_id", "indicator_id", "value", "quote")
    for oid, indicator, value, quote in rows.iter_rows():
        if not quote or " › ô " in quote:  # a table's cell ("Bảng bc.xlsx › Năm 2023 › ô C4 — cột …")
            continue
        proposed = [
            o.indicator
            for o in extract_text(quote, registry, indicators=indicators).observations
            if abs(float(o.value) - float(value)) < 1e-9
        ]
        kind = (
            "missed"
            if not proposed
            else "right"
            if indicator in proposed
            else "new"
            if all(p.startswith("new:") for p in proposed)
            else "other"
        )
        counts[kind] += 1
        if args.details and kind == "other":
            print(f"{oid}: {indicator} ≠ {', '.join(proposed)} — {quote[:100]}")
    print(" · ".join(f"{kind} {n}" for kind, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
