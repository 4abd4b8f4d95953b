"""Score ``chalicelib.redaction`` on the hand-written corpus 8 (bench/redaction_corpus8.py): figures only.

    python bench/redaction_corpus8_eval.py
    python bench/redaction_corpus8_eval.py --limit 20      # a quick look at the first 20 texts

The scoring is the held-out evaluation's (``redaction_heldout_eval.evaluate``), as for corpora 4
to 7: an item is removed when every letter and digit of it is covered by a redaction (for alamat
every digit), a public phrase is kept when no redaction touches it, and a redaction is right when
it touches a planted item. The targets and the tables are corpus 4's (issue 11). It prints recall
per kind, public phrases kept per category, figures per style and per naming tradition, the four
target figures and the time per text. It never prints a failure, a text or a span: the whole
corpus is held out, and a list of misses would invite tuning the redactor on it. Exits 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import redaction_corpus5_eval as corpus5_eval  # noqa: E402 - its figures, with this corpus's tags
from redaction_corpus3 import Sample  # noqa: E402
from redaction_corpus4_eval import missed  # noqa: E402
from redaction_corpus8 import TRADITIONS, load  # noqa: E402
from redaction_heldout_eval import Report, evaluate  # noqa: E402


def names_by_tradition(samples: list[Sample]) -> dict[str, tuple[int, int]]:
    """Names planted and removed in the texts that hold a person of each of this corpus's traditions
    (corpus 5's count: a text's names count once for each of its traditions)."""
    return corpus5_eval.names_by_tradition(samples, TRADITIONS)


def print_figures(report: Report, by_tradition: dict[str, tuple[int, int]]) -> None:
    title = f"corpus 8: {report.texts} hand-written texts, all held out"
    corpus5_eval.print_figures(report, by_tradition, title=title)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first N texts")
    parser.add_argument("--no-traditions", action="store_true", help="skip the per-tradition figures")
    args = parser.parse_args(argv)
    samples = load()
    if args.limit:
        samples = samples[: args.limit]
    report = evaluate(samples)  # type: ignore[arg-type]  # corpus 3's Sample, as for corpora 4 to 7
    by_tradition = {} if args.no_traditions else names_by_tradition(samples)
    print_figures(report, by_tradition)
    return 1 if missed(report) else 0


if __name__ == "__main__":
    sys.exit(main())
