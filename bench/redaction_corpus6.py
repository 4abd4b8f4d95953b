"""The sixth redaction evaluation corpus: hand-written texts, a third writer, wholly held out (issue 11).

Corpora 4 and 5 were written by hand by writers who had not read the redactor; this one was
written the same way by a third writer who read neither the redactor, its data and tests, nor the
texts of any other corpus. Its people, places and habits of writing are its own: a city admin's
inbox as it arrives, from Sabang to Merauke. WhatsApp chat in lower case with abbreviations and
regional particles (Javanese, Sundanese, Betawi, Makassar, Papuan, Ambonese), forwarded messages
with their headers, voice notes typed out, officers' notes with dispositions, letters, witness
and signature lists, tables pasted as text, social-media posts, filled-in forms and e-mails, and
many texts with no personal data at all. Nobody tunes the redactor on it: its evaluation
(bench/redaction_corpus6_eval.py) prints figures and never a failure.

The file format and the span conventions are corpus 4's (bench/redaction_corpus4.py), and its
parser reads every file: ``[[KIND:text]]`` marks what must be removed and
``[[public:CATEGORY:text]]`` what must survive. A name's own parts are inside its span, hereditary
titles included as an identity card writes them (Balinese "I"/"Ni" and birth-order names, "Ida
Bagus", "Anak Agung", Bugis "Andi", Makassar "Daeng", Acehnese "Teuku"/"Cut", Javanese "R.",
Arab-Indonesian "Sayyid"/"Said"/"Syarifah", Madurese "Moh."/"Abd."/"Ach.", Batak "br."/"boru",
"bin"/"binti"); honorifics, kinship words, roles and degrees next to it are not (Pak, Bu, Koh,
Cik, Mama, Om, Tanta, Mbah, Cak, Yu, Sdr., Tgk., Ustadz, St., RT, Lurah, dr., H., S.Pd.). A bank
account is the number only; an address is street, number and RT/RW as one span; an RT/RW naming
a neighbourhood unit rather than a household is public (rt_rw).

The header's tradition tags (``== bali, tionghoa``) are this corpus's own list below; the styles
are one file each.

    python bench/redaction_corpus6.py --stats
    python bench/redaction_corpus6.py --show 3
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import redaction_corpus5 as corpus5  # noqa: E402 - its loader and --stats, with this corpus's tags
from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES, Sample  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402

TEXTS = _HERE / "corpus6" / "texts"

# The naming traditions of the people in a text, as its "== " header tags them ("-": nobody).
TRADITIONS = (
    "jawa",
    "sunda",
    "madura",
    "bali",
    "batak",
    "minang",
    "bugis_makassar",
    "buton_muna",
    "tionghoa",
    "arab",
    "papua",
    "maluku",
    "dayak",
    "timor",
    "aceh",
    "kristen",
    "word_name",
    "nickname",
    "initial",
)

# The styles of writing, one file each.
STYLES = (
    "chat",
    "forward",
    "voice",
    "officer",
    "letter",
    "list",
    "table",
    "social",
    "form",
    "email",
)

__all__ = ["PII_KINDS", "PUBLIC_CATEGORIES", "STYLES", "TRADITIONS", "CorpusError", "load", "parse_file"]


def parse_file(path: Path) -> list[Sample]:
    """Read one style file into Samples: corpus 4's format and parser, this corpus's tags."""
    return corpus5.parse_file(path, traditions=TRADITIONS, styles=STYLES)


def load(directory: Path = TEXTS) -> list[Sample]:
    """Every text of the corpus, in file order."""
    return corpus5.load(directory, traditions=TRADITIONS, styles=STYLES)


counts = corpus5.counts


def main(argv: list[str] | None = None) -> None:
    corpus5.main(argv, doc=__doc__, directory=TEXTS, traditions=TRADITIONS, styles=STYLES)


if __name__ == "__main__":
    main()
