"""phonenumbers' matcher as the redactor runs it, with the candidates it can never keep skipped.

``PhoneNumberMatcher`` tries every run of digits and punctuation in a text (years, amounts, times,
dates...) with ``phonenumbers.parse``, and when a run is no number as a whole, every part of it:
that is most of its time. ``identifiers._phone_matcher`` keeps a match only when its digits pass
``_is_phone`` (9 digits or more) or it starts with "+62" (and a valid +62 number has 7 national
digits or more: 9 digits with the 62), so

* a candidate shorter than 9 characters gives nothing the redactor keeps: the matcher's own
  ``min_candidate_length`` skips it, moving the search past it just as a failed candidate does;
* nor does a candidate without a "0", a "+" or a "62" (a kept match starts with one of them), nor
  any part of it; nor does a candidate with fewer than 9 letters and digits ("3.500.000", "13.00-15.00",
  "28-03-2026"), nor any part of it: ``_Matcher`` answers "no match" for it without parsing.
  The matcher would go on after a part that matched ("13.00" of "13.00-15.00") rather than after
  the whole, but what it finds there lies inside the same run, with as few digits, and is dropped
  in its turn; after the run both ways go on from its end.

Checked against the plain matcher, with its defaults, on every corpus (tests/test_redaction_speed.py).
``_extract_match`` is phonenumbers' own (private) step, pinned with the package in requirements.txt.
"""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers

from . import engine, phone_candidates

# The fewest characters, and the fewest letters and digits, of a match the redactor keeps: 9 digits,
# or "+62" and 7 national digits. Letters count: phonenumbers reads "0800-FLOWERS" as digits.
_SHORTEST_KEPT = 9


class _Matcher(phonenumbers.PhoneNumberMatcher):  # type: ignore[misc]
    """The matcher, answering "no match" at once for a candidate too short in digits to be kept."""

    def _extract_match(self, candidate: str, offset: int) -> phonenumbers.PhoneNumberMatch | None:
        if sum(c.isalnum() for c in candidate) < _SHORTEST_KEPT:
            return None
        if not phone_candidates.may_keep(candidate):
            return None  # what the redactor keeps opens with "0", "+" or "62": neither this nor a part of it
        return super()._extract_match(candidate, offset)


def phone_matches(text: str) -> Iterable[phonenumbers.PhoneNumberMatch]:
    """The matches of phonenumbers' matcher over `text` (Indonesian numbering, valid numbers only),
    less some that the redactor would drop (see above)."""
    if not engine.FAST:  # the plain matcher, with its defaults
        return phonenumbers.PhoneNumberMatcher(text, "ID", leniency=phonenumbers.Leniency.VALID)
    return _Matcher(text, "ID", leniency=phonenumbers.Leniency.VALID, min_candidate_length=_SHORTEST_KEPT)
