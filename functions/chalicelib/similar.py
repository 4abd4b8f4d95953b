"""Similar reports: published open reports that a new submission may duplicate.

The answer to a submission names them, so a citizen can follow an existing report instead of
filing the same one again, and officers see them when verifying. Only what anyone may already
read is ever named: a published record (verified, not confidential, passed the gate), open, in
the same kelurahan and category, never of a sensitive category (whose public record does not
name its kelurahan). The cost is bounded and does not grow with the store: a store with a place
index (`PlaceIndex`; the SQLite store's index on category and kelurahan) names at
most `CANDIDATES` tracking numbers per open status from that index, and only their published
records are read; any other store is read through its agency listing, `LISTED` reports per
open status, filtered here. Candidates are compared on their public text with a token Jaccard
similarity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

from .lifecycle import Status
from .region import Region
from .report import Report
from .store import Store

CANDIDATES = 10  # per open status: the most recently updated reports at the same place (file reads)
LISTED = 100  # per open status, without a place index: the agency's most recently updated reports
THRESHOLD = 0.25  # below this, two texts share too little to suggest a duplicate
MAX_SIMILAR = 3
OPEN_PUBLISHED = (Status.VERIFIED, Status.IN_PROGRESS)  # a received report is not public yet

# Words that say nothing about what a report is about.
STOPWORDS = frozenset(
    """yang dan di ke dari ini itu ada sudah belum tidak untuk dengan pada karena sejak sangat
    juga atau saya kami kita mohon tolong agar segera bisa dapat akan masih lagi jl jalan dekat
    depan hari minggu bulan sekitar warga pak bu""".split()
)
_WORD = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class Similar:
    tracking: str
    title: str
    status: str
    status_label: str
    url: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "tracking": self.tracking,
            "title": self.title,
            "status": self.status,
            "status_label": self.status_label,
            "url": self.url,
            "score": self.score,
        }


def tokens(text: str) -> frozenset[str]:
    # A set first: a description repeats its words, and each is then looked at once.
    return frozenset(w for w in set(_WORD.findall(text.casefold())) if len(w) > 2) - STOPWORDS


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True)
class Words:
    """A report's words as `score` compares them: its title's, and its title's and text's."""

    title: frozenset[str]
    whole: frozenset[str]

    @classmethod
    def of(cls, title: str, text: str) -> Words:
        # The words of "title text" are those of the title and those of the text.
        words = tokens(title)
        return cls(words, words | tokens(text))


@lru_cache(maxsize=4096)
def published_words(title: str, text: str) -> Words:
    """The words of a published record: the same few records are compared with every new
    submission at their place, so each is split into words once (keyed by its text)."""
    return Words.of(title, text)


def score_words(mine: Words, other: Words) -> float:
    """Half the titles' similarity, half the whole texts': titles say what, texts say where."""
    return round(0.5 * jaccard(mine.title, other.title) + 0.5 * jaccard(mine.whole, other.whole), 3)


def score(title: str, text: str, other_title: str, other_text: str) -> float:
    return score_words(Words.of(title, text), Words.of(other_title, other_text))


@runtime_checkable
class PlaceIndex(Protocol):
    """A store that lists reports by place from an index (sqlite_store.SQLiteStore)."""

    def trackings_at_place(self, category: str, kelurahan: str, status: str, limit: int) -> list[str]:
        """The `limit` most recently updated non-confidential reports of `category` in
        `kelurahan` in `status`, newest first, by tracking number."""
        ...


def candidates(store: Store, report: Report, region: Region) -> Iterable[str]:
    """The tracking numbers worth comparing: open, not confidential, same category and kelurahan."""
    category = region.categories.get(report.category or "")
    kelurahan = report.location.kelurahan
    if category is None or category.sensitive or not kelurahan:
        return
    for status in OPEN_PUBLISHED:
        if isinstance(store, PlaceIndex):
            found = store.trackings_at_place(category.id, kelurahan, status.value, CANDIDATES)
        else:
            found = [
                other.tracking
                for other in store.find(status=status.value, agency=category.agency, limit=LISTED)
                if not other.confidential and other.category == category.id and other.location.kelurahan == kelurahan
            ]
        yield from (tracking for tracking in found if tracking != report.tracking)


def similar_reports(
    store: Store,
    region: Region,
    report: Report,
    published: Callable[[str], dict[str, Any] | None],
    site_url: str = "",
) -> list[Similar]:
    """Up to MAX_SIMILAR published open reports close to `report`, closest first. The text
    compared and shown is the published record's (`published`: None when the report is not
    public, e.g. held back by the gate), never the private text."""
    found = []
    mine = Words.of(report.title, report.description)  # once, not once per candidate
    for tracking in candidates(store, report, region):
        record = published(tracking)
        if record is None or record.get("status") not in {s.value for s in OPEN_PUBLISHED}:
            continue
        value = score_words(mine, published_words(record["title"], record.get("description") or ""))
        if value >= THRESHOLD:
            found.append(
                Similar(
                    tracking,
                    record["title"],
                    record["status"],
                    Status(record["status"]).label,
                    f"{site_url}/laporan/{tracking}/",
                    value,
                )
            )
    found.sort(key=lambda s: (-s.score, s.tracking))
    return found[:MAX_SIMILAR]
