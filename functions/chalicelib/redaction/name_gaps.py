"""A word between two parts of one name is part of it: "teuku maimun azhari", "yohanes nahak seran".

The name rules grow a name word by word, and an ordinary word stops them in a text without capitals
(a dictionary word such as "maimun" or "nahak" may be what the sentence goes on with). Between two words
already found as a name, joined to both by one space, such a word is the middle of the name: "teuku
[NAMA] maimun [NAMA] azhari" would publish the one part of the name that the others point to. The word must
be one a name can hold: no word of grammar, of place or of the common list, no conjunction ("budi dan
sari" are two people), no honorific, title or role, and nothing public; in a mixed-case text it is written
as its neighbours are (capitalised between capitals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import _FUNCTION_WORDS, _LEX, _LOCATIVE, _is_role

if TYPE_CHECKING:
    from .names import _Names

# Words that join two people, never two parts of one name
_CONJUNCTIONS = frozenset("dan dn & atau ato serta sama sm dgn dengan ama ma n".split())
# "its name is" in the regions' languages: a cue between a person and the name given ("anak ketek sabar
# namonyo ..."), never inside a name
_NAMING = frozenset("nama namanya namonyo namanyo namae jenenge jenengipun asmane arane nami namina wastane".split())


def gaps(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The one-word gaps between two names found (token ranges), that are part of one name."""
    if len(ranges) < 2:
        return []
    tokens, text = finder.tokens, finder.doc.text
    ends = {last for _, last in ranges}
    starts = {first for first, _ in ranges}
    found = []
    for last in ends:
        k = last + 1
        if k + 1 not in starts or k + 1 >= len(tokens):
            continue
        if text[tokens[last].end : tokens[k].start] != " " or text[tokens[k].end : tokens[k + 1].start] != " ":
            continue
        tok = tokens[k]
        low = tok.low
        if finder.public[k] or finder.blocked(k) or len(low) < 3:
            continue
        if low in _FUNCTION_WORDS or low in _LOCATIVE or low in _CONJUNCTIONS or low in _NAMING or low in _LEX.common:
            continue
        if low in _LEX.honorifics or low in _LEX.titles or _is_role(low):
            continue
        if finder.mixed and tok.cap != (tokens[last].cap and tokens[k + 1].cap):
            continue
        found.append((k, k))
    return found
