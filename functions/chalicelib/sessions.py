"""Officers' sign-in sessions for the console.

A session id is 256 random bits sent to the browser once, as an HttpOnly, SameSite=Strict
cookie (Secure except on plain-http localhost, where a browser would drop a Secure cookie);
the store keeps only its SHA-256, so a copy of the store signs nobody in. A session ends when
it has been idle for IDLE, when it is ABSOLUTE old, on logout (deleted from the store) and when
its officer is revoked. Bearer tokens remain for scripts; they are not sessions.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.cookies import CookieError, SimpleCookie

COOKIE = "aduan_session"
IDLE = timedelta(hours=8)
ABSOLUTE = timedelta(hours=12)
# A session's last use is written at most this often (one write per request is waste).
TOUCH_EVERY = timedelta(minutes=5)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


@dataclass
class Session:
    id_hash: str
    officer_id: str
    created_at: datetime
    last_seen: datetime

    @property
    def expires_at(self) -> datetime:
        """When the session ends unless used again (the sooner of idle and absolute expiry)."""
        return min(self.last_seen + IDLE, self.created_at + ABSOLUTE)

    def alive(self, now: datetime) -> bool:
        return now < self.expires_at

    def needs_touch(self, now: datetime) -> bool:
        return now - self.last_seen >= TOUCH_EVERY


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


def hash_session_id(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def session_id_from(cookie_header: str | None) -> str | None:
    """The session id in a Cookie header, or None."""
    if not cookie_header:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(cookie_header)
    except CookieError:
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel and morsel.value else None


def is_local(host: str | None) -> bool:
    name = (host or "").strip().lower()
    if name.startswith("["):
        name = name.split("]")[0] + "]"
    else:
        name = name.split(":")[0]
    return name in LOCAL_HOSTS


def cookie(session_id: str, host: str | None, max_age: timedelta = ABSOLUTE) -> str:
    """The Set-Cookie value that gives the browser `session_id` ("" with max_age 0: forget it)."""
    parts = [
        f"{COOKIE}={session_id}",
        "Path=/",
        "HttpOnly",
        "SameSite=Strict",
        f"Max-Age={int(max_age.total_seconds())}",
    ]
    if not is_local(host):
        parts.append("Secure")
    return "; ".join(parts)


def expired_cookie(host: str | None) -> str:
    return cookie("", host, timedelta(0))
