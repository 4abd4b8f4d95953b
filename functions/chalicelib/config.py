"""Wiring from the environment: which store, which region, where the data lives.

``ADUAN_DATA`` (default ``var``) holds everything on one machine: ``aduan.db`` (private
reports) and ``public/`` (the public dataset). ``ADUAN_SITE_URL`` is where the public site is
served, so the API can link to it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .attachments import LocalBlobs
from .publish import Publisher
from .ratelimit import RateLimiter, limits_from_env
from .region import load_region
from .service import Aduan
from .sqlite_store import SQLiteStore


def data_dir() -> Path:
    return Path(os.environ.get("ADUAN_DATA") or "var")


def site_url() -> str:
    return os.environ.get("ADUAN_SITE_URL", "")


@lru_cache(maxsize=4)
def _store(path: str) -> SQLiteStore:
    return SQLiteStore(path)


def store() -> SQLiteStore:
    return _store(str(data_dir().resolve() / "aduan.db"))


def blobs() -> LocalBlobs:
    return LocalBlobs(data_dir().resolve() / "attachments")


def service() -> Aduan:
    return Aduan(store(), load_region(), site_url=site_url(), blobs=blobs())


def rate_limiter() -> RateLimiter:
    """Rate limits from the environment (``ADUAN_RATE_*``, see ratelimit.py), buckets in the store."""
    per_client, per_report = limits_from_env()
    return RateLimiter(store(), per_client, per_report)


def publisher() -> Publisher:
    return Publisher(store(), load_region(), data_dir() / "public", blobs=blobs())
