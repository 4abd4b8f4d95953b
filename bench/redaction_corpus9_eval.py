"""Score ``chalicelib.redaction`` on the hand-written corpus 9 (bench/redaction_corpus9.py), failures included.

    python bench/redaction_corpus9_eval.py                  # figures only
    python bench/redaction_corpus9_eval.py --failures 40    # and the first 40 failures of each type
    python bench/redaction_corpus9_eval.py --limit 20       # a quick look at the first 20 texts

Corpus 9 is tuning material: unlike corpora 6 and 8 (wholly held out, figures only) its failures may be
read, and ``--failures N`` lists the first N of each type as corpus 5's evaluation does for its
tune half (structured identifiers and names missed, public phrases damaged, redactions of
unlabelled text). The scoring is the held-out evaluation's (``redaction_heldout_eval.evaluate``),
as for corpora 4 to 8: an item is removed when every letter and digit of it is covered by a
redaction (for alamat every digit), a public phrase is kept when no redaction touches it, and a
redaction is right when it touches a planted item. The targets and the tables are corpus 4's
(issue 11). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import redaction_corpus5_eval as corpus5_eval  # noqa: E402 - its figures, with corpus 6's tags
from redaction_corpus3 import Sample  # noqa: E402
from redaction_corpus4_eval import missed, print_failures  # noqa: E402
from redaction_corpus9 import TRADITIONS, load  # noqa: E402
from redaction_heldout_eval import Report, evaluate  # noqa: E402


def names_by_tradition(samples: list[Sample]) -> dict[str, tuple[int, int]]:
    """Names planted and removed in the texts that hold a person of each tradition (corpus 5's
    count: a text's names count once for each of its traditions)."""
    return corpus5_eval.names_by_tradition(samples, TRADITIONS)


def print_figures(report: Report, by_tradition: dict[str, tuple[int, int]]) -> None:
    title = f"corpus 9: {report.texts} hand-written texts, tuning material"
    corpus5_eval.print_figures(report, by_tradition, title=title)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--failures", type=int, default=0, help="list the first N failures of each type")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N texts")
    parser.add_argument("--no-traditions", action="store_true", help="skip the per-tradition figures")
    args = parser.parse_args(argv)
    samples = load()
    if args.limit:
        samples = samples[: args.limit]
    report = evaluate(samples)  # type: ignore[arg-type]  # corpus 3's Sample, as for corpora 4 to 8
    by_tradition = {} if args.no_traditions else names_by_tradition(samples)
    print_figures(report, by_tradition)
    print_failures(report, args.failures)
    return 1 if missed(report) else 0


if __name__ == "__main__":
    sys.exit(main())
