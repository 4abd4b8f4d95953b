"""English sentences in a complaint, where English words are not names (issue 11).

Tourists, residents from abroad, bilingual officials and young city people write to the admin in English or
half English: "the driver komang asked for money", "Street Light Broken Near Central Market", "pak, jalan
rusak. the potholes are dangerous". The name model was trained on Indonesian text: an English word is a word
it has not seen, and an unseen word in a name's place reads as a name ("komang asked", "Broken Near Central
Market", "bu ani also complained").

A sentence (the words between two of ". ! ? :" or a line break) is English when at least three of its words
are English words (``chalicelib/data/english_en.txt``, made by bench/english_words_build.py from an English
frequency list without English person names), and at least half of them with two English function words
("the", "is", "my") among them, or three in four without. In an English
sentence an English word is not a name unless the name lexicons say so ("Made", "Sari") or a cue gives it
to a rule: the model neither adds nor extends a name with it (``name_model.chances``, ``supported``), the
rules' weakest names made only of such words are dropped (names._vetoed), and a name a rule took loses such
words at its ends ("driver komang asked" keeps "komang"). The check is one pass over the text's words,
skipped when none of them is an English function word (the list is read the first time one is) or fewer
than three are English words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .document import _Doc
from .lexicon import _FUNCTION_WORDS, _LEX

_DATA = Path(__file__).resolve().parent.parent / "data" / "english_en.txt"
# Words of the English list that are chat Indonesian as well ("ya", "nah", "dong", "mana", "mas"): they do
# not make a sentence English, though they are not names in one
_INDONESIAN_TOO = frozenset("ya yah nah dong mana mas via sip se per pas".split())
# English function words (none an Indonesian word or a Balinese "I"): a sentence of English words with two
# of these is English; without them, three in four of its words must be English ("Street Light Broken Near
# Central Market"), so that a chat line of a few words that happen to be English ("sy la ode muh") is not
_FUNCTION = frozenset(
    "the an is are was were be been being to of and or but if in on at for with from by near about into over "
    "under after before since until because so than then there here this that these those it its my me we our "
    "us you your he his him she her they their them who which what when where why how not do does did have "
    "has had will would can could should must please also very too just only still already again every any "
    "some each more most".split()
)
_BREAKS = frozenset(".!?:\n")
# English forms of address as written in English (a cue of names.py's): kept in the text, as "Bapak" is
_ADDRESS = frozenset("Mr Mrs Ms Mister Madam".split())
# Words of the name lexicons that are English words first in an English sentence ("Water Supply Cut Off")
_WORDS_FIRST = frozenset("cut boy lay hoo".split())
# ... and those that are English words when written in lower case: "the driver said" (a verb), "the seller
# Said" (a name)
_LOWER_WORDS_FIRST = frozenset({"said"})
# The months, which the list lost with Faker's names ("June", "April", "August"): in an English sentence the
# month ("broken since June")
_MONTHS = frozenset("january february march april may june july august september october november december".split())


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """The English words that are not in the name lexicons, and those of them that tell a sentence is English."""
    lines = _DATA.read_text(encoding="utf-8").splitlines()
    listed = frozenset(line for line in lines if line and not line.startswith("#")) | _MONTHS
    words = listed - (_LEX.names - _WORDS_FIRST - _MONTHS)
    return words, words - _FUNCTION_WORDS - _INDONESIAN_TOO


def words() -> frozenset[str]:
    """The English words that are not names unless a cue says so (the name lexicons' words are left out)."""
    return _lists()[0]


def english(doc: _Doc) -> Sequence[bool]:
    """For each word of the text, whether it is an English word in an English sentence (see the module)."""
    key = ("english_text",)
    found = doc._memo.get(key)
    if found is None:
        found = doc._memo[key] = _english(doc)
    return found  # type: ignore[no-any-return]


def _english(doc: _Doc) -> Sequence[bool]:
    tokens = doc.tokens
    if not any(tok.low in _FUNCTION for tok in tokens):
        return ()  # no English function word: most texts, and the word list is not even read
    vocabulary, telling = _lists()
    hits = [tok.low in telling for tok in tokens]
    if sum(hits) < 3:
        return ()
    text = doc.text
    out = [False] * len(tokens)
    start = 0
    for k in range(len(tokens) + 1):
        if k < len(tokens) and (k == 0 or _BREAKS.isdisjoint(text[tokens[k - 1].end : tokens[k].start])):
            continue
        count = sum(hits[start:k])
        size = k - start
        function = sum(1 for j in range(start, k) if tokens[j].low in _FUNCTION) if 2 * count >= size else 0
        if count >= 3 and (function >= 2 and 2 * count >= size or 4 * count >= 3 * size):
            for j in range(start, k):
                out[j] = tokens[j].low in vocabulary or not tokens[j].cap and tokens[j].low in _LOWER_WORDS_FIRST
        start = k
    return out


def is_english(doc: _Doc, k: int) -> bool:
    """Whether word k is an English word in an English sentence."""
    found = english(doc)
    return bool(found) and found[k]


def trimmed(doc: _Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name ranges without an English form of address at their start ("Mr Brown" -> "Brown", as
    "Bapak" is kept), and in English sentences without the English words in lower case at their ends
    ("komang asked" -> "komang") and without the ranges made only of them ("the hotel staff were rude": a
    role's word, then a word). A capitalised English word is kept: a cue gave it ("Mrs. Emily Brown")."""
    tokens = doc.tokens
    found = english(doc)
    if not found and not any(tokens[first].text in _ADDRESS for first, _ in ranges):
        return ranges
    out = []
    for first, last in ranges:
        a, b = first, last
        while a <= b and tokens[a].text in _ADDRESS:
            a += 1
        while found and a <= b and found[a] and not tokens[a].cap:
            a += 1
        while found and b >= a and found[b] and not tokens[b].cap:
            b -= 1
        if a <= b:
            out.append((a, b))
    return out
