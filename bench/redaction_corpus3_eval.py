"""Measure ``chalicelib.redaction`` on the third corpus (``bench/redaction_corpus3.py``), each split apart.

    python bench/redaction_corpus3_eval.py                    # tune split, 2,000 texts
    python bench/redaction_corpus3_eval.py --split heldout    # the half never tuned on (no failures listed)

The scoring is bench/redaction_heldout_eval.py's (the Sample shape is the same): per kind, the items
planted and removed; the precision of the redactions; the public phrases left intact; the targets.
On the held-out split only the figures are printed, never the failures: looking at them would be
tuning on it. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT / "functions", ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import redaction_heldout_eval as scoring  # noqa: E402
from redaction_corpus3 import PUBLIC_CATEGORIES, generate  # noqa: E402

SEED = 3


def print_report(report: scoring.Report, show: int) -> None:
    """The held-out evaluator's report, with this corpus's public categories."""
    categories = scoring.PUBLIC_CATEGORIES
    scoring.PUBLIC_CATEGORIES = PUBLIC_CATEGORIES  # type: ignore[misc]
    try:
        scoring.print_report(report, show)
    finally:
        scoring.PUBLIC_CATEGORIES = categories  # type: ignore[misc]


def by_tradition(samples: list, report: scoring.Report) -> Counter[str]:  # type: ignore[type-arg]
    """Names missed per naming tradition of the sample (a sample may have several)."""
    missed: Counter[str] = Counter()
    for failure in report.name_misses:
        for tradition in samples[failure.sample].traditions:
            missed[tradition] += 1
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--show", type=int, default=40, help="failures listed of each type (tune split only)")
    args = parser.parse_args(argv)
    samples = generate(args.count, args.seed, args.split)
    report = scoring.evaluate(samples)
    print(f"split {args.split}, seed {args.seed}")
    print_report(report, args.show if args.split == "tune" else 0)
    if args.split == "tune" and args.show:
        print("\nnames missed per naming tradition:", dict(by_tradition(samples, report).most_common()))
    return 0 if all(report.targets_met().values()) and report.precision >= 99.0 else 1


if __name__ == "__main__":
    sys.exit(main())
