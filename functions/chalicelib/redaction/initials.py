"""Names written as initials after a word of address or a relative: "pak H", "Sdri. N.H.", "teman saya T" (issue 11).

Complaints often shorten a person to one to three capital letters, out of caution or habit. An initial is
as identifying in a small kelurahan as the name, so it is redacted like one ("berinisial AS" is found by
``names.py``). Here the initials that an honorific or a relative points at, in a mixed-case text (in an
all-capitals text a capital letter says nothing): "mas J yg jaga warnet", "Nn. D (17 th)", "bu E dekat
SD", "teman saya T dipukul", and the second of "inisial MF dan RS". Office words that look like
initials ("Pak RT", "Bu RW", "Pak KH") are not initials.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import engine
from .document import _Scan
from .lexicon import _LABELS, _LEX, _agency_like, _is_role

if TYPE_CHECKING:
    from .names import _Names

_LETTERS = r"(?P<i>(?:[A-Z]\.[ \t]?){1,3}|[A-Z]{1,3})(?![^\W\d_])"
# A relative or an acquaintance, then the writer's "my" or "-nya": "teman saya T", "tetangga sy R", "anaknya T"
_KIN = (
    r"(?:teman|temen|kawan|tetangga|anak|adik|adek|kakak|kaka|istri|suami|ponakan|keponakan|sepupu|ipar|"
    r"mertua|menantu|cucu|saudara)(?:nya|[ \t]+(?:saya|sy|ku|gue|gw|kami))?"
)
_AFTER_KIN = re.compile(rf"(?i:(?<![^\W\d_]){_KIN})[ \t]+{_LETTERS}")
# The same, with the look behind outside the case-insensitive group (the same test: a letter is a letter in
# either case), as a scan where a word starts: in an ASCII text exactly the matches of _AFTER_KIN (outside
# ASCII a letter such as "ı" may stand for an "i" of the pattern where the scan's lower-case heads do not)
_AFTER_KIN_SCAN = _Scan(re.compile(rf"(?<![^\W\d_])(?i:{_KIN})[ \t]+{_LETTERS}"), "word")
# Initials on their own (scanned first: few in a text), then the word before them
_INITIALS = re.compile(rf"(?<![^\W\d_]){_LETTERS}")
# _INITIALS with its first capital before the look behind, so that re skips to the capitals of the text
# rather than trying the pattern at every character: the same matches (tests/test_redaction_speed.py)
_INITIALS_FAST = re.compile(r"(?P<i>[A-Z](?<![^\W\d_][A-Z])(?:\.[ \t]?(?:[A-Z]\.[ \t]?){0,2}|[A-Z]{0,2}))(?![^\W\d_])")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?P<w>[^\W\d_]{1,8})\.?[ \t]+$")
# More initials joined to those after "inisial": "inisial MF dan RS", "berinisial AS, BT dan RK"
_MORE_INITIALS = re.compile(
    r"(?i:inisial)[ \t]+[A-Z]{1,3}(?P<more>(?:(?:[ \t]*,[ \t]*|[ \t]+(?:dan|&|serta)[ \t]+)[A-Z]{1,3}(?![^\W\d_]))+)"
)
_ONE_MORE = re.compile(r"[A-Z]{1,3}(?![^\W\d_])")
# Not initials: offices, units and titles written in capitals after "Pak"/"Bu"
_NOT_INITIALS = frozenset("rt rw kh ir dr drg tni pns asn kk ktp hp wa sd smp sma smk ok ya".split())


def found(finder: _Names) -> list[tuple[int, int]]:
    """The token ranges of initials that a word of address or a relative points at."""
    if not finder.mixed:
        return []
    text = finder.doc.text
    spans: list[tuple[int, int]] = []
    fast = engine.FAST
    for m in (_INITIALS_FAST if fast else _INITIALS).finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
        word = before.group("w").lower() if before else ""
        if word in _LEX.honorifics and not _is_role(word):
            spans.append((m.start("i"), m.end("i")))
    kin = _AFTER_KIN_SCAN.finditer(finder.doc) if fast and text.isascii() else _AFTER_KIN.finditer(text)
    spans += [(m.start("i"), m.end("i")) for m in kin]
    if "nisial" in text:
        for m in _MORE_INITIALS.finditer(text):
            spans += [(m.start("more") + i.start(), m.start("more") + i.end()) for i in _ONE_MORE.finditer(m["more"])]
    ranges = []
    for start, end in spans:
        letters = text[start:end].rstrip(" \t")
        low = letters.replace(".", "").replace(" ", "").lower()
        if low in _NOT_INITIALS or low in _LABELS or _agency_like(low) or _is_role(low):
            continue
        if low in _LEX.titles and re.match(r"\.?[ \t]+[A-Z]", text[start + len(letters) :]):
            continue  # "pak H. Sabar": the title of the name that follows, not an initial
        if len(low) > 1 and "." not in letters and low in _LEX.common:
            continue  # "pak OK", "bu YA"
        first = finder.first_token_at(start)
        if first is None:
            continue
        last = first
        while last + 1 < len(finder.tokens) and finder.tokens[last + 1].end <= start + len(letters):
            last += 1
        if not any(finder.public[k] for k in range(first, last + 1)):
            ranges.append((first, last))
    return ranges
