"""Score ``chalicelib.redaction`` on the hand-written corpus 6 (bench/redaction_corpus6.py): figures only.

    python bench/redaction_corpus6_eval.py
    python bench/redaction_corpus6_eval.py --limit 20      # a quick look at the first 20 texts

Corpus 6 is wholly held out: figures only, never a failure, a text or a span. The scoring and the
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
from redaction_corpus6 import TRADITIONS, load  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    return written_corpus_eval.run(
        argv, number=6, load=load, traditions=TRADITIONS, held_out=True, description=(__doc__ or "").splitlines()[0]
    )


if __name__ == "__main__":
    sys.exit(main())
