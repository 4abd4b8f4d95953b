"""The store interface: what the domain needs from storage, whatever holds it.

The SQLite store (`sqlite_store.py`) is the embedded default; the DynamoDB store
(`dynamo_store.py`, ADUAN_BACKEND=aws) satisfies the same protocol, and tests/test_store_contract.py
holds both to it. Writes are atomic per call: `save` writes every given report, its new updates
and one publish event per report, or nothing at all. (On DynamoDB, a save bigger than one
transaction — an import — is checked whole before anything is written, then written report by
report; cut short, it leaves whole reports that a retried import finds by `ref`.) Each report carries a `version`; saving a
report whose stored version has moved on raises `Conflict` (somebody acted on it meanwhile), and
so does a new report whose tracking number or `ref` is already taken.

Listings (`find`) are newest first: by the time of the last update, then by tracking number,
both descending. They page in two ways. `cursor` is the one every store serves cheaply: pass
the `cursor` of the page you got to get the next one (None: there is no next page); it is
opaque, stable under inserts (a report that moves to the top does not shift later pages) and
the same on every store. `offset` skips that many reports; SQLite does it in the index, other
stores by reading and dropping them, so it costs in proportion to the offset.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from .deadline import OfficersDeadline
from .errors import ValidationError
from .officers import Officer
from .passwords import Login
from .report import Report
from .sessions import Session


def unknown_cursor() -> ValidationError:
    """The error for a cursor this API never gave out (or gave out for another listing)."""
    return ValidationError(
        "Kursor halaman tidak dikenal; mulailah dari halaman pertama.",
        {"cursor": "tidak valid"},
        en="cursor is not one this API gave out",
    )


def encode_cursor(version: int, first: str, second: str) -> str:
    """An opaque cursor: a version (which listing it belongs to) and two strings."""
    raw = json.dumps([version, first, second], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, version: int) -> tuple[str, str]:
    """The two strings of a cursor `encode_cursor` made with `version`; else `unknown_cursor()`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found, first, second = json.loads(raw)
        if found != version or not isinstance(first, str) or not isinstance(second, str):
            raise ValueError(cursor)
    except (binascii.Error, ValueError, TypeError):
        raise unknown_cursor() from None
    return first, second


@dataclass(frozen=True)
class Event:
    seq: int
    tracking: str


class Page(list[Report]):
    """One page of a listing: the reports, and `cursor` for the next page (None on the last)."""

    def __init__(self, reports: Iterable[Report] = (), cursor: str | None = None) -> None:
        super().__init__(reports)
        self.cursor = cursor


@dataclass(frozen=True)
class Position:
    """Where a listing stopped: the last report's update time (ISO 8601) and tracking number."""

    updated_at: str
    tracking: str

    @classmethod
    def after(cls, report: Report) -> Position:
        return cls(report.updated_at.isoformat(), report.tracking)

    def encode(self) -> str:
        return encode_cursor(1, self.updated_at, self.tracking)

    @classmethod
    def decode(cls, cursor: str) -> Position:
        return cls(*decode_cursor(cursor, 1))


@dataclass(frozen=True)
class DuePosition:
    """Where a listing of overdue reports stopped: the last report's deadline and tracking number."""

    due: str
    tracking: str

    def encode(self) -> str:
        return encode_cursor(2, self.due, self.tracking)

    @classmethod
    def decode(cls, cursor: str) -> DuePosition:
        return cls(*decode_cursor(cursor, 2))


def overdue_page(dated: list[tuple[date, Report]], limit: int) -> Page:
    """The first `limit` of `dated` (deadline, report) pairs (fetched one beyond the limit)."""
    if len(dated) > limit > 0:
        due, last = dated[limit - 1]
        return Page([r for _, r in dated[:limit]], DuePosition(due.isoformat(), last.tracking).encode())
    return Page([r for _, r in dated[: max(limit, 0)]], None)


def page_of(reports: list[Report], limit: int) -> Page:
    """The first `limit` of `reports` (fetched one beyond the limit), with the next cursor."""
    if len(reports) > limit > 0:
        return Page(reports[:limit], Position.after(reports[limit - 1]).encode())
    return Page(reports[: max(limit, 0)], None)


class Store(Protocol):
    def save(self, reports: Sequence[Report]) -> None:
        """Insert new reports (version 0) and update changed ones, all or nothing.

        Bumps each report's version and records a publish event per report.
        """

    def save_stream(self, batches: Iterable[Sequence[Report]]) -> None:
        """Insert or update the reports of every batch, all or nothing, as `save` does: an
        exception raised while iterating `batches` saves none of them. The SQLite store holds
        one batch at a time (an import of 100k reports streams through); DynamoDB, whose
        transactions are small, gathers them for `save`. Versions are not bumped: the caller is
        done with the reports."""

    def get(self, tracking: str) -> Report | None: ...

    def get_by_ref(self, ref: str) -> Report | None: ...

    def get_by_refs(self, refs: Sequence[str]) -> dict[str, Report]:
        """The reports of those refs that are known, by ref (an import's chunk at once)."""

    def find(
        self,
        *,
        status: str | None = None,
        agency: str | None = None,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page:
        """Reports newest first, optionally of one status and/or agency; see the module doc."""

    def keep_deadlines(self, rule: OfficersDeadline) -> None:
        """Keep each report's officers' deadline by `rule` from now on (the service gives its
        region's); deadlines kept by another rule, or by none, are worked out again."""

    def find_overdue(
        self,
        *,
        today: date,
        status: str | None = None,
        agency: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page:
        """Open reports whose officers' deadline is before `today` (overdue), the longest overdue
        first: by deadline, then tracking number. Its cursor is its own (a DuePosition). Empty
        until `keep_deadlines` gave a rule."""

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

    # -- officers' sign-in (sessions.py, passwords.py) ------------------------------------------

    def officer(self, officer_id: str) -> Officer | None:
        """The officer with this id, active or revoked; None if there is none."""

    def add_login(self, login: Login) -> None:
        """Give an officer a login; `Conflict` if the login name is taken."""

    def login(self, login: str) -> Login | None:
        """The login of this (normalized) name, or None."""

    def set_password(self, login: str, password_hash: str, at: datetime) -> bool:
        """Replace a login's password hash; False if there is no such login."""

    def add_session(self, session: Session) -> None:
        """Store a new session (by the hash of its id). A store may forget sessions that expired."""

    def session(self, id_hash: str) -> Session | None:
        """The session with this id hash, or None; it may have expired (the caller checks)."""

    def touch_session(self, id_hash: str, last_seen: datetime) -> None:
        """Record a session's last use (its idle expiry moves on); nothing if it is gone."""

    def end_session(self, id_hash: str) -> bool:
        """Delete a session (logout); False if there was none."""

    def end_sessions(self, officer_id: str, keep: str | None = None) -> int:
        """End every session of an officer except `keep` (an id hash), as when their password
        changes; how many were ended."""
