"""An ordinary word after an honorific in text without capitals: the listener called, then what is reported.

Speech typed out and chat address the officer at every pause ("selokan depan rumah mampet pak, bau",
"mau lapor itu lho pak jembatan yang ke sawah ambrol", "longsor pak truk tidak bisa lewat"). With no
capitals to tell, the honorific then looks like one before a name, and the word after it is taken for
the person. A word that a dictionary lists is a person's name only when it is also one that parents give
(``data/word_names_id.txt``: "Sabar", "Mawar", "Jaya") or one of the name list ("Budi", "Indah"). Any
other everyday word of complaints (``data/common_id.txt``: "jembatan", "truk", "bau", "longsor") after an
honorific in such a text is what the writer reports, not whom. Dictionary words outside the everyday list
("Firdaus", "Salmon", "Buyung") are left to the honorific: parents do give them. Where an everyday word is
a name, a cue that says a person follows ("bernama", "nama saya", a role) still names it.
"""

from __future__ import annotations

from .lexicon import _DATA, _LEX
from .names_cued import WORD_NAMES


def _names_among_common() -> frozenset[str]:
    """The words of ``data/common_id.txt`` that its own headings say are names too ("more words that
    collide with names": "Wage", "Salam", "Legi" are Javanese names as well as a market day or a greeting)."""
    words: set[str] = set()
    named = False
    for line in (_DATA / "common_id.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if line.startswith("# ---"):
                heading = line.lower()
                named = "name" in heading and "not name" not in heading  # not "... that are not names"
            continue
        if named:
            words.update(line.lower().split())
    return frozenset(words)


_NAMES_AMONG_COMMON = _names_among_common()


def ordinary_word(low: str) -> bool:
    """Whether a lower-case word is an everyday word of complaints (``data/common_id.txt``) that is no one's
    name: neither in the name list nor among the words that parents give as names, nor one that the common
    list itself says collides with a name."""
    return low in _LEX.common and low not in _LEX.names and low not in WORD_NAMES and low not in _NAMES_AMONG_COMMON
