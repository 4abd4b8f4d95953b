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

import argparse
import sys
from collections import Counter
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES, Sample  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402
from redaction_corpus4 import parse_file as corpus4_file  # noqa: E402

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
    return corpus4_file(path, traditions=TRADITIONS, styles=STYLES)


def load(directory: Path = TEXTS) -> list[Sample]:
    """Every text of the corpus, in file order."""
    samples: list[Sample] = []
    for path in sorted(directory.glob("*.txt")):
        samples.extend(parse_file(path))
    return samples


def counts(samples: list[Sample]) -> dict[str, Counter[str]]:
    """What the corpus holds: texts per style and per tradition, names in texts of each tradition,
    spans per personal kind and per public category (the test's coverage floors read these)."""
    return {
        "styles": Counter(s.style for s in samples),
        "traditions": Counter(t for s in samples for t in s.traditions),
        "names": Counter(t for s in samples for t in s.traditions for i in s.pii if i.label == "nama"),
        "pii": Counter(i.label for s in samples for i in s.pii),
        "public": Counter(i.label for s in samples for i in s.public),
    }


def print_stats(samples: list[Sample]) -> None:
    c = counts(samples)
    clean = sum(1 for s in samples if not s.pii)
    print(f"{len(samples)} texts, {sum(len(s.text) for s in samples)} characters, {clean} with no personal data")
    print("\nstyles:      " + ", ".join(f"{k} {c['styles'][k]}" for k in STYLES))
    print("traditions:  " + ", ".join(f"{k} {c['traditions'][k]}" for k in TRADITIONS))
    print("  (names in texts of each tradition: " + ", ".join(f"{k} {c['names'][k]}" for k in TRADITIONS) + ")")
    print("\npii:         " + ", ".join(f"{k} {c['pii'][k]}" for k in PII_KINDS))
    print("public:      " + ", ".join(f"{k} {c['public'][k]}" for k in PUBLIC_CATEGORIES if c["public"][k]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="what the corpus holds")
    parser.add_argument("--show", type=int, default=0, help="print the first N texts with their spans")
    args = parser.parse_args(argv)
    samples = load()
    if args.stats or not args.show:
        print_stats(samples)
    for sample in samples[: args.show]:
        print(f"\n[{sample.style}] {sample.template} {sample.traditions}\n{sample.text}")
        for item in sample.pii:
            print(f"  - {item.label}: {item.text}")
        for item in sample.public:
            print(f"  + {item.label}: {item.text}")


if __name__ == "__main__":
    main()
