"""Score ``chalicelib.redaction`` on a hand-written corpus from corpus 6 on (bench/written_corpora.py).

    python bench/written_corpus_eval.py 10                  # figures only
    python bench/written_corpus_eval.py 9 --failures 40     # and the first 40 failures of each type
    python bench/written_corpus_eval.py 11 --limit 20       # a quick look at the first 20 texts

The scoring is the held-out evaluation's (``redaction_heldout_eval.evaluate``), as for corpora 4 and
5: an item is removed when every letter and digit of it is covered by a redaction (for alamat every
digit), a public phrase is kept when no redaction touches it, and a redaction is right when it
touches a planted item. The targets and the tables are corpus 4's (issue 11); names per naming
tradition are counted as corpus 5's evaluation counts them (a text's names count once for each of
its traditions). It prints recall per kind, public phrases kept per category, figures per style and
per tradition, the four target figures and the time per text, and exits 1 when a target is missed.

A wholly held-out corpus (6, 8, 10) never prints a failure, a text or a span: a list of misses would
invite tuning the redactor on it, so ``--failures`` is refused for it. Tuning material (7, 9, 11) lists
the first N failures of each type with ``--failures N``, as corpus 5's evaluation does for its tune
half (structured identifiers and names missed, public phrases damaged, redactions of unlabelled text).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import redaction_corpus5_eval as corpus5_eval  # noqa: E402
import written_corpora  # noqa: E402
from redaction_corpus4_eval import missed, print_failures  # noqa: E402
from redaction_heldout_eval import evaluate  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    """Score the corpus the command line names; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("number", help=f"the corpus: {', '.join(map(str, written_corpora.CORPORA))}")
    parser.add_argument(
        "--failures", type=int, default=0, help="list the first N failures of each type (tuning material only)"
    )
    parser.add_argument("--limit", type=int, default=0, help="score only the first N texts")
    parser.add_argument("--no-traditions", action="store_true", help="skip the per-tradition figures")
    args = parser.parse_args(argv)
    corpus = written_corpora.corpus(args.number)
    if corpus.held_out and args.failures:
        parser.error(f"corpus {corpus.number} is wholly held out: it never lists a failure")
    samples = corpus.load()
    if args.limit:
        samples = samples[: args.limit]
    report = evaluate(samples)  # type: ignore[arg-type]  # corpus 3's Sample, as for corpora 4 and 5
    by_tradition = {} if args.no_traditions else corpus5_eval.names_by_tradition(samples, written_corpora.TRADITIONS)
    corpus5_eval.print_figures(
        report, by_tradition, title=f"corpus {corpus.number}: {report.texts} hand-written texts, {corpus.kind}"
    )
    if not corpus.held_out:
        print_failures(report, args.failures)
    return 1 if missed(report) else 0


if __name__ == "__main__":
    sys.exit(main())
