"""The eleventh redaction evaluation corpus: hand-written texts, an eighth writer, training material (issue 11).

Written in session 11 by a writer who read neither the redactor, its data and tests, nor the texts
of any other corpus, from the brief of corpus 10 (written at the same time by another hand and
wholly held out) with its own regions: East Java's cities and regencies and Madura, Yogyakarta,
Banten, North Sumatra, South Sulawesi, Bali, East Nusa Tenggara, Papua and Ambon. Unlike corpus
10 its brief asked for natural text in natural proportions, every name marked with care, because
it is the names model's training material (bench/names_model_train.py) and tuning material: its
evaluation (bench/redaction_corpus11_eval.py --failures N) lists failures.

The writer's own calls, where the conventions are silent: a civil servant's NIP is left unmarked
(there is no kind for it); ships' names and an association's e-mail address are public.

The file format, the span conventions and the tradition tags are corpus 6's
(bench/redaction_corpus6.py, whose docstring states them; corpus 4's parser reads every file):
``[[KIND:text]]`` marks what must be removed and ``[[public:CATEGORY:text]]`` what must survive.

    python bench/redaction_corpus11.py --stats
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import redaction_corpus5 as corpus5  # noqa: E402 - its loader and --stats, with corpus 6's tags
from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402
from redaction_corpus6 import STYLES, TRADITIONS  # noqa: E402 - corpus 6's tags and styles, unchanged

TEXTS = _HERE / "corpus11" / "texts"

__all__ = ["PII_KINDS", "PUBLIC_CATEGORIES", "STYLES", "TRADITIONS", "CorpusError", "load", "parse_file"]

# Corpus 5's reader bound to this corpus's texts and corpus 6's tags: one style file, every text in
# file order, what the corpus holds, and `--stats` / `--show N`.
parse_file = partial(corpus5.parse_file, traditions=TRADITIONS, styles=STYLES)
load = partial(corpus5.load, TEXTS, traditions=TRADITIONS, styles=STYLES)
counts = corpus5.counts
main = partial(corpus5.main, doc=__doc__, directory=TEXTS, traditions=TRADITIONS, styles=STYLES)

if __name__ == "__main__":
    main()
