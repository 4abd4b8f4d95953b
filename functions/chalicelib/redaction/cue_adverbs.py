"""The words a writer puts between "nama saya" and the name: "nama saya memang Sabar", "namanya emang mawar".

After a cue that names outright ("nama saya", "namanya", "bernama") any word is taken for the name, so an
adverb of the sentence between the cue and the name ("memang", "sebenarnya", "kebetulan", "sendiri",
"juga") was redacted and the name after it published ("nama saya [NAMA] sabar"). These words are never a
name right after such a cue; the name is the word after them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .names import _Names

ADVERBS = frozenset(
    "memang emang mmg emg sebenarnya sebenernya sbnrnya sbnrny aslinya kebetulan sendiri juga jg pun sih tuh "
    "tu mah kok".split()
)


def past_adverbs(finder: _Names, j: int) -> int:
    """The first token from j on that is not such an adverb (at most two are skipped), joined by one space."""
    tokens, text = finder.tokens, finder.doc.text
    for _ in range(2):
        if j + 1 < len(tokens) and tokens[j].low in ADVERBS and text[tokens[j].end : tokens[j + 1].start] == " ":
            j += 1
        else:
            break
    return j
