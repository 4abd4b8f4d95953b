"""English names of places and English words for people's jobs, in English sentences (issue 11, session 14).

Tourists and residents from abroad write about where things happen in English: "the drains are blocked near
Bintang Supermarket", "40 bags from Pererenan Beach", "The Grand Hyatt shuttle almost hit my daughter". The name
rules take the capitalised word before the place's noun ("Bintang" is a given name too) or the run after "The" for a
person; and a capitalised job at a sentence's start ("Officer said ...") for a name before a verb of saying.
``english_text`` tells which sentences are English. There, a name candidate is dropped when:

- a capitalised English noun of a place, a business or an organisation ends it or follows it, joined by a space:
  "Bintang Supermarket", "Pererenan Beach", "Sunset Road", "Blue Bird Taxi", "Gili Hotels Association",
  "Commonwealth Bank" (``PLACE_NOUNS``);
- "the" stands right before it: "the Grand Hyatt shuttle", "The Monkey Forest" (English puts no article before a
  person's name);
- it is one English word for a job or a group: "Officer said", "Security told us", "Management" (``JOBS``),
  with a lower-case verb of saying after it or not ("said" in lower case is the verb; "Said" is a given name).

A name with a cue stays a name in any sentence: "Mr. Bintang", "my driver Komang" (the cue's rule took the name
after the job, not the job).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from .document import _Candidate, _Doc, _Token
from .english_text import english
from .lexicon import _LEX

# English nouns of places and businesses that are no one's surname ("Park", "Hill", "Hall", "Field", "Lane", "Church",
# "Forest", "Lake", "Tower", "Garden", "Bridge" are, and are left out: "Linda Park had the same thing")
PLACE_NOUNS = frozenset(
    "supermarket minimarket market mall plaza square shop store bakery cafe coffee restaurant bar club gym spa salon "
    "hotel hostel resort villa villas homestay guesthouse inn lodge apartment apartments residence beach harbour "
    "harbor pier jetty island river waterfall falls mountain volcano zoo temple mosque cathedral chapel monastery "
    "school college university academy campus hospital clinic pharmacy office station terminal airport road street "
    "avenue boulevard building centre center stadium arena village estate complex taxi bus shuttle airlines "
    # and an organisation's: "Gili Hotels Association", "Commonwealth Bank", "Guest Relations"
    "association bank foundation company corporation group agency department committee council society union "
    "relations consulate embassy".split()
)
JOBS = frozenset(
    "officer officers driver drivers manager management staff guard guards security receptionist reception police "
    "policeman policemen clerk cashier owner landlord landlady neighbour neighbor neighbours neighbors tenant "
    "worker workers seller vendor vendors contractor inspector supervisor admin team customer customers service "
    "operator technician mechanic nurse doctor teacher principal headmaster lifeguard ranger employer employee "
    "diver instructor guest guests landlord".split()
)
_ARTICLES = frozenset("the".split())
_SAYING = frozenset("said says told asked replied answered".split())
_ADDRESS_CUES = frozenset("mr mrs ms miss mister madam sir dr".split())


def _start(tok: _Token) -> int:
    return tok.start


def _place_noun(tok: _Token) -> bool:
    """A capitalised place noun, singular or plural: "Beach", "Hotels"."""
    return tok.cap and (tok.low in PLACE_NOUNS or tok.low.endswith("s") and tok.low[:-1] in PLACE_NOUNS)


def _joined(doc: _Doc, k: int) -> bool:
    return doc.text[doc.tokens[k].end : doc.tokens[k + 1].start] == " "


def _english_around(flags: Sequence[bool], first: int, last: int) -> bool:
    """Whether a word near the candidate (a dozen words either side: a letter's closing line is short) is an English
    word of an English sentence."""
    return any(flags[k] for k in range(max(0, first - 12), min(len(flags), last + 13)) if not first <= k <= last)


def _place_or_job(doc: _Doc, cand: _Candidate, flags: Sequence[bool]) -> bool:
    tokens = doc.tokens
    first = bisect_left(tokens, cand.start, key=_start)
    last = bisect_left(tokens, cand.end, key=_start) - 1
    if first >= len(tokens) or last < first or not _english_around(flags, first, last):
        return False
    before = tokens[first - 1].low if first > 0 else ""
    if before in _ADDRESS_CUES or before in _LEX.honorifics:
        return False  # "Mr. Bintang", "Pak Made"
    alone = first == last and first > 0 and tokens[first - 1].cap and _joined(doc, first - 1)
    if any(_place_noun(tokens[k]) for k in range(first + 1, last + 1)) or (alone and _place_noun(tokens[first])):
        return True  # "Bintang Supermarket" taken whole, its "Supermarket" alone (not "River (@river.ubud)")
    if last + 1 < len(tokens):
        nxt = tokens[last + 1]
        if _place_noun(nxt) and doc.text[tokens[last].end : nxt.start] == " ":
            return True  # "Bintang Supermarket", "Pererenan Beach"
    k = first
    while k > 0 and tokens[k - 1].cap and tokens[k - 1].low not in _ARTICLES and _joined(doc, k - 1):
        k -= 1  # "the Grand [Hyatt]": back over the capitalised words before it
    if k > 0 and tokens[k - 1].low in _ARTICLES and _joined(doc, k - 1):
        return True  # "the Grand Hyatt shuttle"
    # "Officer said": a job, and the verb of saying a lower-case "said" is in English ("Said" is a given name)
    words = [k for k in range(first, last + 1) if not (tokens[k].low in _SAYING and not tokens[k].cap)]
    return not words or len(words) == 1 and tokens[words[0]].low in JOBS


def drop_english_places(doc: _Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """The candidates without the English places and jobs taken for names (see the module)."""
    candidates = list(candidates)
    flags = english(doc)
    if not flags:
        return candidates  # no English sentence: most texts
    out = []
    for c in candidates:
        if c.kind == "nama":
            if _place_or_job(doc, c, flags):
                continue
            c = _without_saying(doc, c, flags)
        out.append(c)
    return out


def _without_saying(doc: _Doc, cand: _Candidate, flags: Sequence[bool]) -> _Candidate:
    """The candidate without a lower-case verb of saying at its end: "my driver [Bintang] said"."""
    tokens = doc.tokens
    last = bisect_left(tokens, cand.end, key=_start) - 1
    if last <= 0 or tokens[last].start <= cand.start or tokens[last].low not in _SAYING or tokens[last].cap:
        return cand
    if not _english_around(flags, last, last):
        return cand
    return cand._replace(end=tokens[last - 1].end)
