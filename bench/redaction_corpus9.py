"""The ninth redaction evaluation corpus: hand-written texts, a sixth writer, tuning material (issue 11).

Written in session 9 by a writer who read neither the redactor, its data and tests, nor the texts
of any other corpus, from a brief that gave only the file format, the span conventions and the
kinds of text a city's inbox holds. Unlike corpus 8 (written at the same time by another hand and
wholly held out), this one is tuning material for the next round, and its brief asked for the
hard cases: texts with nobody in them but many capitalised words (agencies, brands, media and
government accounts, villages, markets, buildings and streets named after people, ordinary words
that are also names, officials by role), and names that are hard to find (lower-case chat, a name
repeated later in lower case or by first name only, vocatives in voice notes, names after a role,
Chinese-Indonesian names in lower case, spaced or spelled-out names, initials), set across West
and Central Java, Aceh, West Sumatra, Maluku, North Sulawesi, Madura and West Nusa Tenggara. Its
evaluation (bench/redaction_corpus9_eval.py --failures N) lists failures.

The file format, the span conventions and the tradition tags are corpus 6's
(bench/redaction_corpus6.py, whose docstring states them; corpus 4's parser reads every file):
``[[KIND:text]]`` marks what must be removed and ``[[public:CATEGORY:text]]`` what must survive.

    python bench/redaction_corpus9.py --stats
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

TEXTS = _HERE / "corpus9" / "texts"

__all__ = ["PII_KINDS", "PUBLIC_CATEGORIES", "STYLES", "TRADITIONS", "CorpusError", "load", "parse_file"]

# Corpus 5's reader bound to this corpus's texts and corpus 6's tags: one style file, every text in
# file order, what the corpus holds, and `--stats` / `--show N`.
parse_file = partial(corpus5.parse_file, traditions=TRADITIONS, styles=STYLES)
load = partial(corpus5.load, TEXTS, traditions=TRADITIONS, styles=STYLES)
counts = corpus5.counts
main = partial(corpus5.main, doc=__doc__, directory=TEXTS, traditions=TRADITIONS, styles=STYLES)

if __name__ == "__main__":
    main()
