"""Score ``chalicelib.redaction`` on the hand-written corpus 11 (bench/redaction_corpus11.py), failures included.

    python bench/redaction_corpus11_eval.py                  # figures only
    python bench/redaction_corpus11_eval.py --failures 40    # and the first 40 failures of each type
    python bench/redaction_corpus11_eval.py --limit 20       # a quick look at the first 20 texts

Corpus 9 is tuning material: ``--failures N`` lists the first N failures of each type. The scoring and the
figures are bench/written_corpus_eval.py's, shared by the hand-written corpora 6 to 11.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import written_corpus_eval  # noqa: E402
from redaction_corpus11 import TRADITIONS, load  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    return written_corpus_eval.run(
        argv, number=11, load=load, traditions=TRADITIONS, held_out=False, description=(__doc__ or "").splitlines()[0]
    )


if __name__ == "__main__":
    sys.exit(main())
