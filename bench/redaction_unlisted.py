"""Score the redactor on the tune halves with their own names hidden from its name list.

    python bench/redaction_unlisted.py              # corpus 3 and corpus 4, tune halves
    python bench/redaction_unlisted.py --show 40    # and the first failures of each type

The held-out halves hold names the redactor's list (``chalicelib/data/names_id.txt``) never saw;
the tune halves mostly hold names it did. To measure, on text one may look at, how the detector
does on a name it does not know, this script removes from the list every word of every person's
name of the tune halves (corpus 3's tune name entries, corpus 4's tune ``nama`` spans), except the
closed-class words that are structure rather than memory ("I", "Ni", "Wayan", "Andi", "Daeng",
"Moh."...; corpus 3's MARKERS), then scores those halves. A rule that generalises raises these
figures; a word added to the list does not. Development aid only: no target, exit 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT / "functions", ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import redaction_corpus4_eval as corpus4_eval  # noqa: E402
import redaction_heldout_eval as scoring  # noqa: E402
from chalicelib.redaction import lexicon, names  # noqa: E402
from corpus3.names import BALI_CASTE_F, BALI_CASTE_M, BALI_ORDER, MADURA_ABBREV, MARKERS, name_entries  # noqa: E402
from redaction_corpus3 import generate  # noqa: E402
from redaction_corpus4 import load  # noqa: E402

# Structure, not memory: these stay in the list whatever the corpora hold.
_KEPT = {
    w.lower().strip(".")
    for phrase in (*BALI_ORDER, *BALI_CASTE_M, *BALI_CASTE_F, *MADURA_ABBREV, *MARKERS)
    for w in phrase.split()
} | {"i", "ni", "andi", "daeng", "dg", "la", "wa", "ode", "teuku", "cut", "lalu", "baiq", "abd", "br", "boru"}


def tune_name_words(corpus4: list) -> set[str]:  # type: ignore[type-arg]
    """Every word of every person's name in the two tune halves, lower case."""
    words = {w.lower().strip(".") for entries in name_entries("tune").values() for e in entries for w in e.split()}
    words |= {
        w.lower().strip(".,") for s in corpus4 for item in s.pii if item.label == "nama" for w in item.text.split()
    }
    return words - _KEPT


def hide(words: set[str]) -> int:
    """Take `words` out of the redactor's name list in this process; the number taken out."""
    listed = lexicon._LEX.names
    hidden = listed & words
    object.__setattr__(lexicon._LEX, "names", listed - hidden)  # the lexicon is frozen on purpose
    names._SEED_WORDS = lexicon._LEX.honorifics | lexicon._LEX.titles | lexicon._LEX.names  # type: ignore[misc]
    names._office_word.cache_clear()
    lexicon._is_word.cache_clear()
    return len(hidden)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="failures listed of each type")
    args = parser.parse_args(argv)
    corpus4 = corpus4_eval.split(load(), "tune")
    print(f"{hide(tune_name_words(corpus4))} words hidden from the name list\n")
    c3 = scoring.evaluate(generate(2000, 3, "tune"))
    print("corpus 3 tune half, its names unlisted")
    scoring.print_report(c3, args.show)
    c4 = scoring.evaluate(corpus4)  # type: ignore[arg-type]
    print("\ncorpus 4 tune half, its names unlisted")
    corpus4_eval.print_figures(c4, "tune")
    corpus4_eval.print_failures(c4, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
