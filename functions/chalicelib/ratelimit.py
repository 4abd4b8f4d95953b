"""Per-client rate limits on what anyone can do without an account: submit, follow up, give
feedback, upload photos and look up tracking numbers.

Each limit is a token bucket kept in the store (`Store.take_token`), so that every API process
and Lambda instance draws from the same buckets. A client is its source IP; the requests that
name a report also draw from a bucket of that tracking number, so guessing one report's secret
from many addresses is slowed as well. A city office puts many citizens behind one NAT address,
so the defaults are generous; each is set by an environment variable holding
``CAPACITY/SECONDS`` (a burst of CAPACITY requests, refilled evenly over SECONDS), or ``off``.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from .errors import TooManyRequests


class Buckets(Protocol):
    def take_token(self, key: str, capacity: float, per_second: float, now: float) -> float: ...


@dataclass(frozen=True)
class Limit:
    capacity: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.capacity / self.seconds

    @classmethod
    def parse(cls, text: str) -> Limit | None:
        """``"60/3600"`` → 60 requests, refilled over an hour; ``"off"`` → None."""
        if text.strip().lower() == "off":
            return None
        capacity, _, seconds = text.partition("/")
        limit = cls(int(capacity), float(seconds))
        if limit.capacity < 1 or not limit.seconds > 0:
            raise ValueError(f"a rate limit needs a capacity ≥ 1 and a period > 0, not {text!r}")
        return limit


# action → (environment variable, default per client IP)
DEFAULTS: dict[str, tuple[str, str]] = {
    "submit": ("ADUAN_RATE_SUBMIT", "60/3600"),
    "followup": ("ADUAN_RATE_FOLLOWUP", "60/3600"),
    "feedback": ("ADUAN_RATE_FEEDBACK", "30/3600"),
    "photo": ("ADUAN_RATE_PHOTO", "60/3600"),
    "track": ("ADUAN_RATE_TRACK", "300/300"),
    # Officers' sign-in: per client IP, and per login name (guessing one officer's password
    # from many addresses); argon2 makes each guess slow as well.
    "login": ("ADUAN_RATE_LOGIN", "20/300"),
    "login_account": ("ADUAN_RATE_LOGIN_ACCOUNT", "10/900"),
}
# Per tracking number, for every action that names one.
PER_REPORT = ("ADUAN_RATE_PER_REPORT", "60/600")


def settings_from_env(env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The limits' settings as written (each variable's value or its default), in one order."""
    env = os.environ if env is None else env
    return tuple(env.get(var) or default for var, default in (*DEFAULTS.values(), PER_REPORT))


def limits_from_env(
    env: Mapping[str, str] | None = None, settings: tuple[str, ...] | None = None
) -> tuple[dict[str, Limit | None], Limit | None]:
    # Asked on every request: only our variables are read (not a copy of the whole
    # environment), and their parse is kept for as long as their values stay the same.
    *per_client, per_report = _limits(settings_from_env(env) if settings is None else settings)
    return dict(zip(DEFAULTS, per_client, strict=True)), per_report


@lru_cache(maxsize=8)
def _limits(values: tuple[str, ...]) -> tuple[Limit | None, ...]:
    return tuple(map(Limit.parse, values))


class RateLimiter:
    def __init__(
        self,
        buckets: Buckets,
        per_client: dict[str, Limit | None],
        per_report: Limit | None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.buckets, self.per_client, self.per_report, self.clock = buckets, per_client, per_report, clock

    def check(self, action: str, client: str, tracking: str | None = None) -> None:
        """Count one `action` by `client` (on report `tracking`); TooManyRequests if over a limit."""
        keys: list[tuple[str, Limit | None]] = [(f"{action}:ip:{client[:64]}", self.per_client[action])]
        if tracking is not None:
            keys.append((f"report:{tracking.strip().upper()[:64]}", self.per_report))
        now = self.clock()
        for key, limit in keys:
            if limit is None:
                continue
            wait = self.buckets.take_token(key, limit.capacity, limit.per_second, now)
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                raise TooManyRequests(
                    f"Terlalu banyak permintaan; coba lagi dalam {seconds} detik."
                    f" / Too many requests; try again in {seconds} seconds.",
                    retry_after=seconds,
                )


def client_ip(context: dict[str, Any] | None) -> str:
    """The source IP API Gateway (or `chalice local`) saw for the request."""
    identity = (context or {}).get("identity") or {}
    return str(identity.get("sourceIp") or "unknown")
