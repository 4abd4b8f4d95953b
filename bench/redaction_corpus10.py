"""The tenth redaction evaluation corpus: hand-written texts, a seventh writer, wholly held out (issue 11).

Written in session 11 by a writer who read neither the redactor, its data and tests, nor the texts
of any other corpus, from a brief that gave only the file format, the span conventions and the
kinds of text a city's inbox holds (the brief of corpora 8 and 9, with its own regions). Its weight
is on regions earlier writers touched less: Lampung, Bengkulu, Jambi, Riau and the Riau Islands,
Bangka Belitung, Central and South Kalimantan, Central and Southeast Sulawesi, Gorontalo, North
Maluku, East Nusa Tenggara and West Papua, with the big cities. The same person often comes back
across styles (a chat, an officer's follow-up, a table row), by first name, nickname or in lower
case. Like corpora 6 and 8 it is never tuned on: its evaluation (bench/redaction_corpus10_eval.py)
prints figures and never a failure.

The writer's own calls, where the conventions are silent: a civil servant's NIP is left unmarked
(there is no kind for it; two texts have one); Habib, Tgk., Pdt., St., Kang and Bli are titles
outside a name's span, while Daeng, La Ode/Wa Ode, Wan and a Minang adat title ("Datuak Rajo Mudo")
are inside it; Malay names of Riau and Jambi carry the nearest tag, mostly ``minang``.

The file format, the span conventions and the tradition tags are corpus 6's
(bench/redaction_corpus6.py, whose docstring states them; corpus 4's parser reads every file):
``[[KIND:text]]`` marks what must be removed and ``[[public:CATEGORY:text]]`` what must survive.

    python bench/redaction_corpus10.py --stats
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

TEXTS = _HERE / "corpus10" / "texts"

__all__ = ["PII_KINDS", "PUBLIC_CATEGORIES", "STYLES", "TRADITIONS", "CorpusError", "load", "parse_file"]

# Corpus 5's reader bound to this corpus's texts and corpus 6's tags: one style file, every text in
# file order, what the corpus holds, and `--stats` / `--show N`.
parse_file = partial(corpus5.parse_file, traditions=TRADITIONS, styles=STYLES)
load = partial(corpus5.load, TEXTS, traditions=TRADITIONS, styles=STYLES)
counts = corpus5.counts
main = partial(corpus5.main, doc=__doc__, directory=TEXTS, traditions=TRADITIONS, styles=STYLES)

if __name__ == "__main__":
    main()
