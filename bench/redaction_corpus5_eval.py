"""Score ``chalicelib.redaction`` on the hand-written corpus 5 (bench/redaction_corpus5.py).

    python bench/redaction_corpus5_eval.py                    # both halves; failures of the tune half
    python bench/redaction_corpus5_eval.py --split tune       # the half the redactor may be tuned on
    python bench/redaction_corpus5_eval.py --split heldout    # never tuned on: figures only
    python bench/redaction_corpus5_eval.py --limit 20         # a quick look at the first 20 texts

Corpus 5 is split like corpus 4 (``redaction_corpus4_eval.split``): within each style file
(bench/corpus5/texts/*.txt) the texts are numbered from 0 in file order; the even ones are the
tune half, the odd ones the held-out half.

The scoring is the held-out evaluation's (``redaction_heldout_eval.evaluate``), as for corpus 4:
an item is removed when every letter and digit of it is covered by a redaction (for alamat every
digit), a public phrase is kept when no redaction touches it, and a redaction is right when it
touches a planted item. The targets are corpus 4's (issue 11). Each half prints recall per kind,
per style and per naming tradition, public phrases kept, precision and the time per text.
Failures are listed for the tune half only (``--show``); the held-out half prints figures only,
since a list of its misses would invite tuning the redactor on it. Exits 1 when a target is
missed on the half (or halves) printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from redaction_corpus3 import Sample  # noqa: E402
from redaction_corpus4_eval import SPLITS, TARGETS, figures, missed, print_failures, print_tables, split  # noqa: E402
from redaction_corpus5 import TRADITIONS, load  # noqa: E402
from redaction_heldout_eval import Report, evaluate  # noqa: E402

_LABELS = {
    "names": "person names removed",
    "structured": "structured identifiers removed",
    "public": "public phrases intact",
    "precision": "precision of redactions",
}


def names_by_tradition(samples: list[Sample], traditions: Sequence[str] = TRADITIONS) -> dict[str, tuple[int, int]]:
    """Names planted and removed in the texts that hold a person of each tradition.

    A text can hold people of several traditions, so a name counts once for each of its text's
    traditions: the figure says how well names fare in such texts, not which name was missed.
    """
    out: dict[str, tuple[int, int]] = {}
    for tradition in traditions:
        subset = [s for s in samples if tradition in s.traditions]
        if subset:
            report = evaluate(subset)
            out[tradition] = (report.planted["nama"], report.removed["nama"])
    return out


def print_figures(
    report: Report, by_tradition: dict[str, tuple[int, int]], half: str = "all", *, title: str | None = None
) -> None:
    """The figures of one corpus (or half): `title` names it ("corpus 6: N hand-written texts, all
    held out"), corpus 5's half by default."""
    per_text = 1000 * report.seconds / max(1, report.texts)
    title = title or f"corpus 5, {half} half: {report.texts} hand-written texts"
    print(f"{title}, find_pii {per_text:.2f} ms per text\n")
    print_tables(report)
    if by_tradition:
        print(f"\n{'names in texts of':<18} {'planted':>8} {'removed':>8} {'recall':>8}")
        for tradition, (planted, removed) in by_tradition.items():
            print(f"{tradition:<18} {planted:>8} {removed:>8} {report.rate(removed, planted):>7.2f}%")
    short = missed(report)
    print("\nTargets")
    for name, value in figures(report).items():
        verdict = "MISSED" if name in short else "ok"
        print(f"  {_LABELS[name]:<31} {value:6.2f}%  (>= {TARGETS[name]}%)  {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default=None, help="one half only (default: both)")
    parser.add_argument("--show", type=int, default=40, help="failures listed of each type (tune half only)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N texts of each half")
    parser.add_argument("--no-traditions", action="store_true", help="skip the per-tradition figures")
    args = parser.parse_args(argv)
    samples = load()
    short = False
    for half in [args.split] if args.split else list(SPLITS):
        chosen = split(samples, half)
        if args.limit:
            chosen = chosen[: args.limit]
        report = evaluate(chosen)  # type: ignore[arg-type]  # corpus 3's Sample, as for corpus 4
        by_tradition = {} if args.no_traditions else names_by_tradition(chosen)
        print_figures(report, by_tradition, half)
        if half == "tune":
            print_failures(report, args.show)
        short = short or bool(missed(report))
        print()
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
