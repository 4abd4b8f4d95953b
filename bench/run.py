"""`make bench`: speed and quality figures, as ratios measured in the same run.

The machines are shared and noisy, so every figure that matters is a ratio of two timings
taken back to back (an incremental build against a full one, the gate's scan against the
build it guards), and absolute seconds are printed only for context.

Runs: the redaction evaluations on every corpus (bench/redaction_eval.py, the corpus the redactor
was tuned on; bench/redaction_heldout_eval.py, an independent one; bench/redaction_corpus3_eval.py,
a third with a "tune" half and a "heldout" half never tuned on, printed apart;
bench/redaction_corpus4_eval.py, a fourth written by hand, with a tune half and a held-out half;
bench/redaction_corpus5_eval.py, a fifth written by another hand, split like the fourth;
and the hand-written corpora from the sixth on (bench/written_corpus_eval.py N; bench/written_corpora.py
says which are wholly held out and which are tuning material) and the redactor's
speed per text (bench/redaction_speed.py), then the speed of the whole system at N reports
(bench/scale.py: N = 1,000 and 10,000 unless `BENCH_REPORTS` lists others), written to BENCH.md.
Exits non-zero when a redaction target (issue 11) or one of issue 8's targets is missed, and says which.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import scale
import written_corpora

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    print("== redaction quality (bench/redaction_eval.py: the corpus the redactor was tuned on)")
    status = subprocess.call([sys.executable, str(REPO / "bench" / "redaction_eval.py")], cwd=REPO)
    print("== redaction quality (bench/redaction_heldout_eval.py: an independently written corpus)")
    status |= subprocess.call([sys.executable, str(REPO / "bench" / "redaction_heldout_eval.py")], cwd=REPO)
    for split in ("tune", "heldout"):
        print(f"== redaction quality (bench/redaction_corpus3_eval.py: third corpus, {split} half)")
        status |= subprocess.call(
            [sys.executable, str(REPO / "bench" / "redaction_corpus3_eval.py"), "--split", split, "--show", "0"],
            cwd=REPO,
        )
    print(
        "== redaction quality (bench/redaction_corpus4_eval.py: fourth corpus, hand-written; tune and held-out halves)"
    )
    status |= subprocess.call([sys.executable, str(REPO / "bench" / "redaction_corpus4_eval.py")], cwd=REPO)
    print(
        "== redaction quality (bench/redaction_corpus5_eval.py: fifth corpus, another hand; tune and held-out halves)"
    )
    status |= subprocess.call([sys.executable, str(REPO / "bench" / "redaction_corpus5_eval.py")], cwd=REPO)
    for number, corpus in written_corpora.CORPORA.items():
        print(
            f"== redaction quality (bench/written_corpus_eval.py {number}: hand-written corpus {number}, {corpus.kind})"
        )
        status |= subprocess.call(
            [sys.executable, str(REPO / "bench" / "written_corpus_eval.py"), str(number)], cwd=REPO
        )
    print("== redaction speed (bench/redaction_speed.py: warm, one process, CPU ms per text)")
    status |= subprocess.call([sys.executable, str(REPO / "bench" / "redaction_speed.py")], cwd=REPO)

    if status:
        print("make bench: a redaction evaluation misses a target of issue 11 (above)")
    return scale.main() or status


if __name__ == "__main__":
    sys.exit(main())
