"""Putting the detectors together: ``find_pii``, ``redact`` and ``redact_many``.

Every detector proposes candidates over the same document; overlapping candidates are resolved by
priority then length, neighbouring names and addresses are joined, and spans are mapped back to the
original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .address_tails import drop_address_tails
from .addresses import _addresses
from .campus_names import drop_campus_names
from .commemorations import drop_commemorations
from .contacts import _accounts, _emails
from .country_names import drop_country_names
from .document import PiiMatch, _Candidate, _cut, _Doc, _Scan, _Span
from .dorm_rooms import _dorm_rooms
from .english_places import drop_english_places
from .english_words import drop_english_words
from .form_labels import drop_form_labels
from .hero_places import drop_hero_places
from .identifiers import _numbers, _passports, _phone_matcher, _plates
from .letter_subjects import drop_subject_words
from .lexicon import _LEX
from .local_titles import drop_local_titles
from .market_stalls import drop_market_stalls
from .misspelt_phones import _misspelt_phones
from .names import _names
from .office_addresses import drop_office_addresses
from .office_phones import drop_office_phones
from .personal_codes import _personal_codes
from .public import _PUBLIC_PHRASES, _public_spans
from .quantities import _numeric_spans
from .region_places import drop_region_names
from .regional_words import drop_regional_words
from .role_mailboxes import drop_service_mailboxes
from .school_numbers import drop_school_numbers
from .service_numbers import drop_service_numbers
from .village_places import drop_village_names

_DETECTORS = (
    _emails,
    _accounts,
    _numbers,
    _phone_matcher,
    _misspelt_phones,
    _passports,
    _personal_codes,
    _plates,
    _addresses,
    _dorm_rooms,
    _names,
)
# What the detectors found and must not take, in this order: each takes the candidates and returns those it keeps
# (some of them trimmed). Several look only when the text holds their own words (see heads).
_FILTERS = (
    drop_region_names,
    drop_village_names,
    drop_form_labels,
    drop_regional_words,
    drop_office_addresses,
    drop_service_numbers,
    drop_office_phones,
    drop_service_mailboxes,
    drop_market_stalls,
    drop_school_numbers,
    drop_subject_words,
    drop_local_titles,
    drop_campus_names,
    drop_address_tails,
    drop_commemorations,
    drop_english_words,
    drop_english_places,
    drop_country_names,
    drop_hero_places,
)
# Every public phrase starts with a letter that no letter precedes: tried only where a word starts. A
# match begins with a phrase's first word, in lower case (the words of a phrase are joined by "[\s.]*").
_PHRASE_SCAN = _Scan(
    _PUBLIC_PHRASES, "word", {p.lower().split()[0][:4] for p in _LEX.places + _LEX.phrases if p.split()}
)


def _resolve(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """Keep the strongest of overlapping candidates (priority, then length), then join neighbours."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        taken = [_Span(c.start, c.end) for c in chosen if c.start < cand.end and cand.start < c.end]
        if not taken:
            chosen.append(cand)
        elif cand.kind in ("nama", "alamat"):
            # "fb: tutik mega purnamasari": the handle took "tutik", the name keeps the rest;
            # "Blok F/16, nmr 0822 ...": the phone took "nmr 0822", the address keeps "F/16".
            for a, b in _cut(cand.start, cand.end, taken):
                piece = re.search(r"\w.*\w" if cand.kind == "nama" else r"\w(?:.*\w)?", text[a:b])
                if piece and (cand.kind == "nama" or re.search(r"\d", piece.group())):
                    chosen.append(cand._replace(start=a + piece.start(), end=a + piece.end()))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _join(doc: _Doc, chosen: list[_Candidate]) -> list[_Candidate]:
    joined: list[_Candidate] = []
    for cand in chosen:
        if joined and joined[-1].kind == cand.kind and cand.kind in ("nama", "alamat"):
            gap = doc.text[joined[-1].end : cand.start]
            if gap.strip() == "" and "\n" not in gap:
                last = joined.pop()
                cand = _Candidate(cand.kind, last.start, cand.end, cand.priority)
        joined.append(cand)
    return joined


def _document(text: str) -> _Doc:
    """The normalised text with its tokens, and the spans no identifier or name may take."""
    doc = _Doc.of(text)
    doc.numeric = _numeric_spans(doc)
    doc.phrases = [_Span(m.start(), m.end()) for m in _PHRASE_SCAN.finditer(doc)]
    doc.public = _public_spans(doc)
    return doc


def find_pii(text: str) -> list[PiiMatch]:
    """The personal data in ``text``, as sorted, non-overlapping spans of the original string."""
    if not text or not text.strip():
        return []
    doc = _document(text)
    candidates = [cand for detector in _DETECTORS for cand in detector(doc)]
    for drop in _FILTERS:
        candidates = drop(doc, candidates)
    matches = []
    for cand in _join(doc, _resolve(candidates, doc.text)):
        start, end = doc.origin[cand.start], doc.origin[cand.end - 1] + 1
        matches.append(PiiMatch(cand.kind, start, end, text[start:end]))
    return matches


@lru_cache(maxsize=4096)
def _remembered(text: str) -> tuple[PiiMatch, ...]:
    return tuple(find_pii(text))


def find_pii_remembered(text: str) -> list[PiiMatch]:
    """``find_pii``, remembered for the last few thousand texts. Publishing a report reads each
    of its private texts twice, once for the gate's index of its identifiers and once to redact
    it; the detector runs once. (Matches are immutable; the list is the caller's own.)"""
    return list(_remembered(text))


def redact(text: str) -> str:
    """``text`` with every piece of personal data replaced by its placeholder, such as ``[NIK]``."""
    parts = []
    position = 0
    for match in _remembered(text):
        parts.append(text[position : match.start])
        parts.append(f"[{match.kind.upper()}]")
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


def redact_many(texts: Iterable[str]) -> list[str]:
    """``redact`` over many texts (for batch jobs such as ``aduan redact``)."""
    return [redact(text) for text in texts]
