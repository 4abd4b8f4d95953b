"""Time in the region's zone. Services take a clock (a callable) so tests can inject one.

``ADUAN_NOW`` (an ISO 8601 moment with its offset) makes `now()` answer that moment: what is
overdue depends on the day, so a demo, a replay or a test of a whole running system (API,
publisher, build) can be set on a given day without waiting for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")

Clock = Callable[[], datetime]


def now() -> datetime:
    if fixed := os.environ.get("ADUAN_NOW"):
        return parse_timestamp(fixed, "ADUAN_NOW").astimezone(WIB)
    return datetime.now(WIB).replace(microsecond=0)


def precise_now() -> datetime:
    """Now to the microsecond (`now()` is to the second): when something happens to a report,
    so that two updates within one second are listed in the order they happened. The public
    dataset shows days and the publisher's own moments (`now()`), never these."""
    if fixed := os.environ.get("ADUAN_NOW"):
        return parse_timestamp(fixed, "ADUAN_NOW").astimezone(WIB)
    return datetime.now(WIB)


def parse_timestamp(value: object, field: str = "timestamp") -> datetime:
    """An ISO 8601 timestamp with its offset; a naive one is refused (whose clock was it?)."""
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{field} {value!r} is not an ISO 8601 timestamp") from None
    if parsed.tzinfo is None:
        raise ValueError(f"{field} {value!r} has no UTC offset (write e.g. +07:00)")
    return parsed
