"""The seventh redaction evaluation corpus: hand-written texts, a fourth writer, tuning material (issue 11).

Corpus 6 is wholly held out and stays so. This corpus is the opposite: texts written by hand by a
fourth writer who read neither the redactor, its data and tests, nor the texts of any other
corpus, given to whoever improves the redactor to read its failures on
(bench/redaction_corpus7_eval.py --failures N). Its weight is on what the held-out figures say is
hardest: lower-case WhatsApp chat with abbreviations (sy, yg, udh, gk, bgt, tdk, dgn, krn, tlg)
and regional particles; a writer naming themself after "sy"/"aku"/"gw"/"kulo"/"abdi"/"tiang"/
"sa"/"beta"/"ambo"; nicknames and one-letter initials; names made of ordinary words (Bunga,
Embun, Sabar, Tegar) also after a role ("BIDAN KENANGA", "juru parkir jaya"); Chinese-Indonesian
names in lower case; Sundanese, Moluccan, Batak and Minang names; tables, lists, forwards with
headers and letters with signatures. Precision weighs as much: many texts with nobody in them, and
public phrases that look like names (villages, bridges, markets, agencies, officials by role
without a name, words that are also names, service numbers, official accounts, streets and
hospitals named after people) that must survive.

The file format, the span conventions and the tradition tags are corpus 6's
(bench/redaction_corpus6.py, whose docstring states them; corpus 4's parser reads every file):
``[[KIND:text]]`` marks what must be removed and ``[[public:CATEGORY:text]]`` what must survive.

    python bench/redaction_corpus7.py --stats
    python bench/redaction_corpus7.py --show 3
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import redaction_corpus5 as corpus5  # noqa: E402 - its loader and --stats, with corpus 6's tags
from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES, Sample  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402
from redaction_corpus6 import STYLES, TRADITIONS  # noqa: E402 - corpus 6's tags and styles, unchanged

TEXTS = _HERE / "corpus7" / "texts"

__all__ = ["PII_KINDS", "PUBLIC_CATEGORIES", "STYLES", "TRADITIONS", "CorpusError", "load", "parse_file"]


def parse_file(path: Path) -> list[Sample]:
    """Read one style file into Samples: corpus 4's format and parser, corpus 6's tags."""
    return corpus5.parse_file(path, traditions=TRADITIONS, styles=STYLES)


def load(directory: Path = TEXTS) -> list[Sample]:
    """Every text of the corpus, in file order."""
    return corpus5.load(directory, traditions=TRADITIONS, styles=STYLES)


counts = corpus5.counts


def main(argv: list[str] | None = None) -> None:
    corpus5.main(argv, doc=__doc__, directory=TEXTS, traditions=TRADITIONS, styles=STYLES)


if __name__ == "__main__":
    main()
