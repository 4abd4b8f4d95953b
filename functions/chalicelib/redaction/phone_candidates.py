"""Which of phonenumbers' candidates can give a phone number the redactor keeps: the rest is never parsed.

``identifiers._phone_matcher`` keeps a match of phonenumbers' matcher only when its raw string, less
leading brackets and spaces, starts with "0", "+" or "62" and has 9 letters and digits or more (9 digits
for ``_is_phone``; "+62" and a valid national number, 7 digits or more, where a letter stands for a
digit). A match's raw string is the candidate or one of the parts the matcher tries when the whole is
no number (``PhoneNumberMatcher._extract_inner_match``: the part before a separator, and each part after
one, for slashes, brackets, spaced hyphens, wide dashes, full stops and spaces, in that order). So when
neither the candidate nor any of those parts passes that test, the candidate gives nothing the
redactor keeps: a NIK ("3575021512940006", "3514.0441.0651.0002"), a card or a reference number, and
phonenumbers' parse (about a tenth of the redactor's time per text) is not called for it or its parts.

The matcher, told "no match", goes on after the whole candidate; told of a part that matched (and that
the redactor drops), it goes on after that part, inside the same candidate, where what it finds is no
longer than the rest of the candidate and is dropped in its turn. The same matches are kept both ways:
checked against the plain matcher on every corpus (tests/test_redaction_speed.py). Should the redactor
keep other numbers one day, ``_kept_opening`` must say so too.
"""

from __future__ import annotations

from collections.abc import Iterator

from phonenumbers.phonenumbermatcher import _INNER_MATCHES  # phonenumbers' own, pinned in requirements.txt

_KEPT_STARTS = ("0", "+", "62")
_FEWEST_KEPT = 9  # letters and digits of a kept match


def _parts(candidate: str) -> Iterator[str]:
    """The candidate, then the parts of it that ``_extract_inner_match`` parses (untrimmed: trimming
    only removes characters from their ends that are neither letters nor digits)."""
    yield candidate
    for pattern in _INNER_MATCHES:
        found = pattern.search(candidate)
        if found is not None:
            yield candidate[: found.start()]
        while found is not None:
            yield found.group(1)
            found = pattern.search(candidate, found.start() + 1)


def _kept_opening(raw: str) -> bool:
    """Whether a match whose raw string is `raw` could be kept by ``identifiers._phone_matcher``."""
    return raw.lstrip("(").lstrip().startswith(_KEPT_STARTS) and sum(c.isalnum() for c in raw) >= _FEWEST_KEPT


def may_keep(candidate: str) -> bool:
    """Whether `candidate`, or any part of it the matcher tries, may give a number the redactor keeps."""
    return any(_kept_opening(raw) for raw in _parts(candidate))
