"""A person named after their role in an English sentence: "the security guard at the mall, budi, was".

English puts a name beside the role it belongs to, set off by commas ("my driver, budi, was late", "the
officer at the counter, agus, asked for money") or straight after the role and before what the person did
("the guard budi was rude"). In lower-case chat nothing else tells the name from a word, and the name
model, trained mostly on Indonesian text, is unsure of a word between English words. Here the role is the
cue: a role noun of English (``_ROLES``), in an English sentence (``english_text``), perhaps followed by a
short place ("at the mall", "from villa 3"), then one or two words that are not English words and are
either in the name lexicons or capitalised, then a comma, a full stop or an English verb of what people
do. An English word ("the guard, however, was") or an Indonesian everyday word ("the driver, jalan
rusak") is never taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import english_text
from .lexicon import _LEX, _is_word

if TYPE_CHECKING:
    from .names import _Names

_ROLES = frozenset(
    "guard security driver officer officers staff man woman lady guy boy girl seller vendor owner manager "
    "receptionist neighbour neighbor landlord landlady worker technician cleaner nurse doctor teacher friend "
    "husband wife son daughter brother sister mother father cousin uncle aunt colleague boss employee agent "
    "clerk cashier waiter waitress chef cook gardener maid housekeeper tenant contractor builder mechanic "
    "supervisor foreman official chief captain guide instructor operator attendant porter courier rider "
    "caretaker janitor lifeguard ranger policeman midwife pharmacist".split()
)
# A short place between the role and the name: "the guard at the mall, budi,"
_PLACE_WORDS = frozenset("at in from of on near the a an our my this that".split())
# What a person does, straight after their name: "the guard budi was rude"
_VERBS = frozenset(
    "was is has had did does said says asked asks told tells took takes wanted wants refused refuses came "
    "comes kept keeps called calls shouted charged charges demanded demands helped helps gave gives went "
    "yelled threatened promised left leaves never always just also".split()
)
_MOST_PLACE_WORDS = 4
# Words that are never a name here
_FUNCTIONAL = _PLACE_WORDS | frozenset("and or but however too also please".split())


def found(finder: _Names) -> list[tuple[int, int]]:
    """The name ranges (token indices) that follow an English role as described in the module."""
    doc = finder.doc
    english = english_text.english(doc)
    if not english:
        return []
    tokens, text = doc.tokens, doc.text
    out = []
    for i, tok in enumerate(tokens):
        if tok.low not in _ROLES or not english[i]:
            continue
        k = i + 1
        while k < len(tokens) and k - i <= _MOST_PLACE_WORDS and _gap(text, tokens, k) == " ":
            if tokens[k].low in _PLACE_WORDS or k > i + 1 and tokens[k - 1].low in _PLACE_WORDS:
                k += 1
                continue
            break
        # the name starts right after the role, or after the place behind a comma (a place's first
        # word is no name, so there is nothing else to try)
        if k >= len(tokens) or _gap(text, tokens, k) not in ((", ",) if k > i + 1 else (" ", ", ")):
            continue
        last = _name_end(finder, english, k)
        if last is not None:
            out.append((k, last))
    return out


def _gap(text: str, tokens: list, k: int) -> str:  # type: ignore[type-arg]
    return text[tokens[k - 1].end : tokens[k].start]


def _name_end(finder: _Names, english: object, first: int) -> int | None:
    """The last token of a name of one or two words from ``first``, when what follows closes it."""
    tokens, text = finder.tokens, finder.doc.text
    last = first
    while True:
        if not _may_be_a_name(tokens[last], english, last, finder):  # type: ignore[arg-type]
            return None
        after = text[tokens[last].end : tokens[last].end + 2]
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if after[:1] in (",", ".") or nxt is None:
            return last
        if after[:1] == " " and nxt.low in _VERBS:
            return last
        if last > first or after[:1] != " ":
            return None
        last += 1


def _may_be_a_name(tok, english, k: int, finder: _Names) -> bool:  # type: ignore[no-untyped-def]
    if english[k] or tok.low in _FUNCTIONAL or tok.low in _ROLES or tok.low in _VERBS and not tok.cap:
        return False  # a capitalised word inside a sentence is no verb: "the seller Said asked"
    if tok.low in _LEX.names:
        return True
    return bool(tok.cap) and not _is_word(tok.low) and tok.low not in english_text.words()
