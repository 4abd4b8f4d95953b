"""phonenumbers' matcher as the redactor runs it, with the candidates it can never keep skipped.

``PhoneNumberMatcher`` tries every run of digits and punctuation in a text (years, amounts, RT
numbers...) with ``phonenumbers.parse``, which is most of its time. ``identifiers._phone_matcher``
keeps a match only when it has at least 9 digits (``_is_phone``) or starts with "+62" (and a valid
+62 number has 7 national digits or more: 10 characters or more), so a candidate shorter than 9
characters can give nothing it keeps. Such candidates are skipped with the matcher's own
``min_candidate_length``, which moves the search past them just as a failed candidate does: what
follows is tried the same way (checked against the plain matcher on every corpus,
tests/test_redaction_speed.py).
"""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers

from . import engine

# The shortest candidate that can become a kept match: 9 digits, or "+62" and 7 national digits.
_SHORTEST_KEPT = 9


def phone_matches(text: str) -> Iterable[phonenumbers.PhoneNumberMatch]:
    """The matches of phonenumbers' matcher over `text` (Indonesian numbering, valid numbers only),
    less those shorter than any match the redactor keeps."""
    shortest = _SHORTEST_KEPT if engine.FAST else 1  # 1 is the matcher's own default
    return phonenumbers.PhoneNumberMatcher(
        text, "ID", leniency=phonenumbers.Leniency.VALID, min_candidate_length=shortest
    )
