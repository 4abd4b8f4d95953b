"""Eastern Malay's "lia" (to see) is no name in an Ambonese or Papuan message (issue 11, session 14).

Maluku's and Papua's Malay says "lia" for "lihat": "tolong lia akang" (please look at it), "beta lia jua" (I saw it
too), "Ale dong lia ka seng" (did you see it or not), "datang lia, makase". "Lia" is a given name as well, and the
name rules take it after "tolong", "beta" or "dong" as they would a person. In a text that speaks that Malay (two of
its own words at least: "beta", "katong", "seng", "akang", "basudara"...), a lower-case "lia" is the verb when the
word before it asks or tells someone to look ("tolong", "dong", "datang", "coba", "mau", "su") or the word after it
goes with the verb ("akang", "ka", "jua", "katong", "dolo"). "beta lia, mau lapor" (I am Lia) and a "Lia" after an
honorific or a word for "name" stay a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .notname_words import after_name_cue, judged_once

if TYPE_CHECKING:
    from .names import _Names

# Words only Maluku's and Papua's Malay writes
_MARKERS = frozenset("beta katong torang dorang seng akang basudara pung su ale ose dong jua sandiri makase".split())
_ASKING = frozenset("tolong dong datang coba mau su pi ale beta katong torang".split())
_WITH_VERB = frozenset("akang ka jua katong dolo dulu sandiri torang".split())


def _verb(finder: _Names, k: int) -> bool:
    tokens, text = finder.tokens, finder.doc.text
    tok = tokens[k]
    if tok.text != "lia" or finder.after_honorific(k) or after_name_cue(finder, k):
        return False
    if sum(1 for t in tokens if t.low in _MARKERS) < 2:
        return False
    before = tokens[k - 1].low if k > 0 else ""
    after = tokens[k + 1].low if k + 1 < len(tokens) else ""
    joined_after = k + 1 < len(tokens) and text[tok.end : tokens[k + 1].start] == " "
    if joined_after and after in _WITH_VERB:
        return True  # "tolong lia akang", "beta lia jua"
    return before in _ASKING and before != "beta"  # "datang lia, makase"; not "beta lia, mau lapor" (I am Lia)


def kept(finder: _Names, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges that are not Eastern Malay's verb "lia" (see the module)."""
    if not ranges or "lia" not in finder.doc.text:
        return ranges
    return judged_once(ranges, lambda first, last: not (first == last and _verb(finder, first)))
