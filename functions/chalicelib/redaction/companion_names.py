"""The person who went with the writer, in chat (issue 11, session 14): "sy sama bunga ke kelurahan", "aku
dgn mawar sudah lapor", "aku jalan bareng tom sama jerry".

A writer in chat names who was with them after "sama", "ama", "sm", "dgn", "dengan" or "bareng", often in lower
case and often with a name that is also a word ("bunga", "mawar"). The
writer's own "I" before it and what a person does or where they go after it place the name: the word right
after the companion's word is a name when the writer ("sy", "aku", "gw", "ambo"...) stands at most three words
before, the word is a listed name, a word given as a name (``word_names_id.txt``) or a word no list knows, and
what follows is a clause's end or what follows a name ("ke", "di", "udah", a verb). Never a relative, a role,
an honorific or a pronoun ("sama istri", "sama pak rt", "sama dia"), nor a word of grammar ("sama aja",
"sama sekali"); in a mixed-case text only a capitalised word (the rules and the model read the rest).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import AFTER_NAME, regional_word, spoken_word
from .lexicon import _FUNCTION_WORDS, _LEX, _LOCATIVE, _VERB, _is_role, _is_word
from .names_cued import _KIN, _SELF, WORD_NAMES

if TYPE_CHECKING:
    from .names import _Names

_WITH = frozenset("sama ama sm dgn dengan bareng bersama".split())
# What follows a companion's name: where they went, what they did, another companion
_AFTER = AFTER_NAME | frozenset(
    "ke di dr dari udah udh sudah sdh lagi lg mau pas tadi td kemarin kmrn sempat sempet sama sm dan dn juga "
    "jg ngecek cek lewat jalan pergi pulang nunggu antri lapor".split()
)
# Words after "sama" that are no companion's name
_NOT_COMPANION = frozenset(
    "aja saja sekali sekalian semua kayak kaya spt seperti persis halnya gak ga nggak tidak tdk temen teman "
    "temen2 keluarga anak2 warga tetangga org orang mereka kalian".split()
)


def found(finder: _Names) -> list[tuple[int, int]]:
    """The token ranges of the companions' names (see the module)."""
    tokens, text = finder.tokens, finder.doc.text
    out = []
    for k, tok in enumerate(tokens[:-1]):
        if tok.low not in _WITH or text[tok.end : tokens[k + 1].start] != " ":
            continue
        if not any(tokens[j].low in _SELF for j in range(max(0, k - 3), k)):
            continue  # the writer's own companion: "sy sama bunga", not "harganya sama"
        j = k + 1
        if not _companion(finder, j):
            continue
        last = j
        if j + 1 < len(tokens) and text[tokens[j].end : tokens[j + 1].start] == " ":
            nxt = tokens[j + 1].low
            if nxt in _AFTER or _VERB.match(nxt) and _is_word(nxt):
                out.append((j, last))
            continue
        rest = text[tokens[j].end : tokens[j].end + 1]
        if rest in ("", ",", ".", "!", "?", "\n"):
            out.append((j, last))
    return out


def _companion(finder: _Names, j: int) -> bool:
    tok = finder.tokens[j]
    low = tok.low
    if finder.mixed and not tok.cap or tok.acronym or len(low) < 3 or finder.blocked(j):
        return False
    if low in _FUNCTION_WORDS or low in _LOCATIVE or low in _NOT_COMPANION or low in _KIN or low in _SELF:
        return False
    if low in _LEX.honorifics or _is_role(low) or regional_word(low) or spoken_word(low):
        return False
    if low in _LEX.names and low not in _LEX.common or low in WORD_NAMES:
        return True
    return not _is_word(low) and low not in _LEX.common
