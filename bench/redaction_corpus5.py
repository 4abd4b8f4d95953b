"""The fifth redaction evaluation corpus: hand-written texts, another writer, wholly held out (issue 11).

Corpus 4 was written by hand without reading the redactor; this one was written the same way by
a second writer who read neither the redactor nor corpus 4's texts, with other people, other
places and other habits of writing: WhatsApp chat full of abbreviations and regional particles,
forwarded messages with their headers, voice notes typed out, witness and signature lists, tables
pasted as text, complaints typed by officers with their dispositions, social-media posts,
letters, and many texts with no personal data at all. It is split like corpus 4: the even texts
of each style file are a tune half, the odd ones a held-out half nobody tunes on, whose
evaluation (bench/redaction_corpus5_eval.py --split heldout) prints figures and never failures.

The file format and the span conventions are corpus 4's (bench/redaction_corpus4.py), and its
parser reads every text: ``[[KIND:text]]`` marks what must be removed and
``[[public:CATEGORY:text]]`` what must survive. The one difference is the header's tradition
tags: this corpus tells apart traditions corpus 4 groups (Buton/Muna's La/Wa from Bugis and
Makassar, Dayak, Timorese, Acehnese, Chinese-born, one-letter initials and nicknames), so it
reads the ``== `` headers itself against its own list below.

    python bench/redaction_corpus5.py --stats
    python bench/redaction_corpus5.py --show 3
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from redaction_corpus3 import PII_KINDS, PUBLIC_CATEGORIES, WRITTEN_KINDS, Sample  # noqa: E402
from redaction_corpus4 import CorpusError  # noqa: E402
from redaction_corpus4 import parse_file as corpus4_file  # noqa: E402

TEXTS = _HERE / "corpus5" / "texts"

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
    "melayu",
    "kristen",
    "word_name",
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
)

__all__ = ["PII_KINDS", "PUBLIC_CATEGORIES", "STYLES", "TRADITIONS", "CorpusError", "load", "parse_file"]


def parse_file(
    path: Path, *, traditions: tuple[str, ...] = TRADITIONS, styles: tuple[str, ...] = STYLES
) -> list[Sample]:
    """Read one style file into Samples: corpus 4's format and parser, with a hand-written
    corpus's finer tradition tags and its styles (this corpus's unless others are given)."""
    return corpus4_file(path, traditions=traditions, styles=styles)


def load(
    directory: Path = TEXTS, *, traditions: tuple[str, ...] = TRADITIONS, styles: tuple[str, ...] = STYLES
) -> list[Sample]:
    """Every text of the corpus, in file order."""
    samples: list[Sample] = []
    for path in sorted(directory.glob("*.txt")):
        samples.extend(parse_file(path, traditions=traditions, styles=styles))
    return samples


def counts(samples: list[Sample]) -> dict[str, Counter[str]]:
    """What the corpus holds: texts per style and per tradition, names in texts of each tradition,
    spans per personal kind and per public category (the tests' coverage floors read these)."""
    return {
        "styles": Counter(s.style for s in samples),
        "traditions": Counter(t for s in samples for t in s.traditions),
        "names": Counter(t for s in samples for t in s.traditions for i in s.pii if i.label == "nama"),
        "pii": Counter(i.label for s in samples for i in s.pii),
        "public": Counter(i.label for s in samples for i in s.public),
    }


def print_stats(
    samples: list[Sample], *, traditions: tuple[str, ...] = TRADITIONS, styles: tuple[str, ...] = STYLES
) -> None:
    c = counts(samples)
    clean = sum(1 for s in samples if not s.pii)
    print(f"{len(samples)} texts, {sum(len(s.text) for s in samples)} characters, {clean} with no personal data")
    print("\nstyles:      " + ", ".join(f"{k} {c['styles'][k]}" for k in styles))
    print("traditions:  " + ", ".join(f"{k} {c['traditions'][k]}" for k in traditions))
    print("  (names in texts of each tradition: " + ", ".join(f"{k} {c['names'][k]}" for k in traditions) + ")")
    pii = [k for k in WRITTEN_KINDS if k in PII_KINDS or c["pii"][k]]
    print("\npii:         " + ", ".join(f"{k} {c['pii'][k]}" for k in pii))
    print("public:      " + ", ".join(f"{k} {c['public'][k]}" for k in PUBLIC_CATEGORIES if c["public"][k]))


def main(
    argv: list[str] | None = None,
    *,
    doc: str | None = __doc__,
    directory: Path = TEXTS,
    traditions: tuple[str, ...] = TRADITIONS,
    styles: tuple[str, ...] = STYLES,
) -> None:
    """`--stats` and `--show N` for a hand-written corpus in corpus 4's format (this one by default)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="what the corpus holds")
    parser.add_argument("--show", type=int, default=0, help="print the first N texts with their spans")
    args = parser.parse_args(argv)
    samples = load(directory, traditions=traditions, styles=styles)
    if args.stats or not args.show:
        print_stats(samples, traditions=traditions, styles=styles)
    for sample in samples[: args.show]:
        print(f"\n[{sample.style}] {sample.template} {sample.traditions}\n{sample.text}")
        for item in sample.pii:
            print(f"  - {item.label}: {item.text}")
        for item in sample.public:
            print(f"  + {item.label}: {item.text}")


if __name__ == "__main__":
    main()
