"""The evaluation shared by the hand-written corpora 6 to 11 (bench/redaction_corpus{6,...,11}_eval.py).

The scoring is the held-out evaluation's (``redaction_heldout_eval.evaluate``), as for corpora 4 and
5: an item is removed when every letter and digit of it is covered by a redaction (for alamat every
digit), a public phrase is kept when no redaction touches it, and a redaction is right when it
touches a planted item. The targets and the tables are corpus 4's (issue 11); names per naming
tradition are counted as corpus 5's evaluation counts them (a text's names count once for each of
its traditions). It prints recall per kind, public phrases kept per category, figures per style and
per tradition, the four target figures and the time per text, and exits 1 when a target is missed.

A wholly held-out corpus (6, 8, 10) never prints a failure, a text or a span: a list of misses would
invite tuning the redactor on it, so its script has no ``--failures``. Tuning material (7, 9, 11) lists
the first N failures of each type with ``--failures N``, as corpus 5's evaluation does for its tune
half (structured identifiers and names missed, public phrases damaged, redactions of unlabelled text).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import redaction_corpus5_eval as corpus5_eval
from redaction_corpus3 import Sample
from redaction_corpus4_eval import missed, print_failures
from redaction_heldout_eval import evaluate


def run(
    argv: Sequence[str] | None,
    *,
    number: int,
    load: Callable[[], list[Sample]],
    traditions: Sequence[str],
    held_out: bool,
    description: str,
) -> int:
    """Score corpus ``number`` from the command line ``argv``; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=description)
    if not held_out:
        parser.add_argument("--failures", type=int, default=0, help="list the first N failures of each type")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N texts")
    parser.add_argument("--no-traditions", action="store_true", help="skip the per-tradition figures")
    args = parser.parse_args(argv)
    samples = load()
    if args.limit:
        samples = samples[: args.limit]
    report = evaluate(samples)  # type: ignore[arg-type]  # corpus 3's Sample, as for corpora 4 and 5
    by_tradition = {} if args.no_traditions else corpus5_eval.names_by_tradition(samples, traditions)
    kind = "all held out" if held_out else "tuning material"
    corpus5_eval.print_figures(
        report, by_tradition, title=f"corpus {number}: {report.texts} hand-written texts, {kind}"
    )
    if not held_out:
        print_failures(report, args.failures)
    return 1 if missed(report) else 0
