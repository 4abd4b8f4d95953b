"""The store interface: what the domain needs from storage, whatever holds it.

The SQLite store (`sqlite_store.py`) is the embedded default; a DynamoDB store can satisfy the
same protocol. Writes are atomic per call: `save` writes every given report, its new updates
and one publish event per report, or nothing at all. Each report carries a `version`; saving a
report whose stored version has moved on raises `Conflict` (somebody acted on it meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from .officers import Officer
from .report import Report


@dataclass(frozen=True)
class Event:
    seq: int
    tracking: str


class Store(Protocol):
    def save(self, reports: Sequence[Report]) -> None:
        """Insert new reports (version 0) and update changed ones, all or nothing.

        Bumps each report's version and records a publish event per report.
        """

    def get(self, tracking: str) -> Report | None: ...

    def get_by_ref(self, ref: str) -> Report | None: ...

    def find(
        self, *, status: str | None = None, agency: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[Report]:
        """Reports newest first, optionally of one status and/or agency."""

    def all(self) -> Iterator[Report]: ...

    def count(self) -> int: ...

    def add_officer(self, officer: Officer) -> None: ...

    def officer_by_token_hash(self, token_hash: str) -> Officer | None: ...

    def officers(self) -> list[Officer]: ...

    def revoke_officer(self, officer_id: str) -> bool:
        """Deactivate an officer's token; False if there is no such active officer."""

    def pending_events(self, limit: int = 1000) -> list[Event]: ...

    def ack_events(self, upto_seq: int) -> None: ...

    def take_token(self, key: str, capacity: float, per_second: float, now: float) -> float:
        """Take one token from the rate-limit bucket `key`; 0.0 if there was one, else the seconds
        until there will be (nothing is taken then).

        A token bucket: a bucket never seen before (or forgotten) is full, holding `capacity`
        tokens; it refills at `per_second` tokens a second up to `capacity`. `now` is the
        caller's clock in seconds since the epoch (wall-clock time, so that every instance of the
        API shares one timeline). The read, refill and take are one atomic step even when
        several processes or Lambda instances take from the same key at once. A store may forget
        a bucket once it would have refilled to `capacity` (forgetting it is then the same as
        keeping it), so buckets need no cleaning up; a DynamoDB store can set that moment as the
        item's TTL. Keys are short opaque strings chosen by `ratelimit.py`.
        """
