"""Wiring from the environment: which store, which region, where the data lives.

``ADUAN_BACKEND`` picks where private state is kept:

* ``local`` (the default): everything under ``ADUAN_DATA`` (default ``var``): ``aduan.db``
  (private reports, SQLite), ``attachments/`` (photos) and ``public/`` (the public dataset);
* ``aws``: reports, officers and publish events in DynamoDB (table ``<ADUAN_TABLE_PREFIX>private``)
  and photos in the private bucket ``ADUAN_PRIVATE_BUCKET``; no local database is written.
  boto3's own settings apply (``AWS_ENDPOINT_URL``, ``AWS_DEFAULT_REGION``, credentials); see
  docs/aws.md and `aws.py`.

``ADUAN_SITE_URL`` is where the public site is served, so the API can link to it.

Each wiring function imports what it wires when it is called, not with this module: every
`aduan` command starts a new process that imports this module, and most commands need only a
part of it (`aduan import` the store; `aduan build` with nothing to publish neither the
redactor, which the gate and the publisher import, nor boto3, which only the AWS backend
needs). tests/test_cli.py fails if importing the command pulls boto3 or the redactor in.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ValidationError
from .region import load_region

if TYPE_CHECKING:
    from .attachments import Blobs
    from .gate import GateIndex
    from .publish import Publisher
    from .ratelimit import RateLimiter
    from .service import Aduan
    from .sqlite_store import SQLiteStore
    from .store import Store

BACKENDS = ("local", "aws")


def backend() -> str:
    name = os.environ.get("ADUAN_BACKEND") or "local"
    if name not in BACKENDS:
        raise ValidationError(
            f"ADUAN_BACKEND={name!r} tidak dikenal; pilih salah satu: {', '.join(BACKENDS)}.",
            {"ADUAN_BACKEND": "tidak dikenal"},
            en=f"ADUAN_BACKEND={name!r} is not one of {', '.join(BACKENDS)}",
        )
    return name


def site_source() -> Path:
    """Where the site's sources are (pelicanconf.py, plugins/, theme/, content/): the repository
    in development; beside chalicelib in the Lambda package (/var/task, docs/deploy-aws.md);
    ADUAN_SITE_SOURCE names another place."""
    if named := os.environ.get("ADUAN_SITE_SOURCE"):
        return Path(named)
    here = Path(__file__).resolve().parents[1]
    return here if (here / "pelicanconf.py").exists() else here.parent


def data_dir() -> Path:
    return Path(os.environ.get("ADUAN_DATA") or "var")


def site_url() -> str:
    return os.environ.get("ADUAN_SITE_URL", "")


@lru_cache(maxsize=16)
def _resolved(path: str) -> Path:
    """An absolute path with its links resolved, once per path: asked on every request."""
    return Path(path).resolve()


@lru_cache(maxsize=4)
def _store(path: str) -> SQLiteStore:
    from .sqlite_store import SQLiteStore  # noqa: PLC0415 - imported when used (module doc)

    return SQLiteStore(path)


def store() -> Store:
    if backend() == "aws":
        # Cheap to make: the boto3 client underneath is shared (aws.client).
        from . import aws  # noqa: PLC0415 - boto3 only on AWS (module doc)
        from .dynamo_store import DynamoStore  # noqa: PLC0415
        from .events import announce  # noqa: PLC0415 - events imports config

        return DynamoStore(aws.private_table(), announce=announce)
    return _store(str(_resolved(os.path.abspath(data_dir())) / "aduan.db"))


def blobs() -> Blobs:
    from .attachments import LocalBlobs, S3Blobs  # noqa: PLC0415 - imported when used (module doc)

    if backend() == "aws":
        from . import aws  # noqa: PLC0415 - boto3 only on AWS (module doc)

        return S3Blobs(aws.private_bucket())
    return LocalBlobs(_resolved(os.path.abspath(data_dir())) / "attachments")


def _local_wiring() -> tuple[str, ...] | None:
    """What the local backend's service and rate limiter are made from (the settings they read
    and the directory a relative ADUAN_DATA is under), or None on AWS (not kept)."""
    env = os.environ
    name = env.get("ADUAN_BACKEND") or "local"
    if name != "local":
        return None
    return (env.get("ADUAN_DATA") or "", os.getcwd(), env.get("ADUAN_SITE_URL", ""), env.get("ADUAN_REGION") or "")


_kept: dict[tuple[str, ...], Any] = {}  # (what, *wiring) → the service or rate limiter made from it


def _kept_for(what: str, wiring: tuple[str, ...] | None, make: Any) -> Any:
    """`make()` once per wiring: asked on every request, the service cost 140-350 µs to make
    (paths resolved, the blob store, the deadline rule), the rate limiter 80 µs. Both keep no
    state between requests (the store and the buckets are in SQLite), so sharing them is safe;
    a changed setting is another wiring, so it takes effect on the next request."""
    if wiring is None:
        return make()
    key = (what, *wiring)
    made = _kept.get(key)
    if made is None:
        if len(_kept) >= 16:  # settings changed many times (tests): forget the old wirings
            _kept.clear()
        made = _kept.setdefault(key, make())
    return made


def service() -> Aduan:
    """The application service as the settings wire it (kept while they stay the same)."""
    return _kept_for("service", _local_wiring(), _make_service)  # type: ignore[no-any-return]


def _make_service() -> Aduan:
    from .published_records import published_records  # noqa: PLC0415 - imported when used (module doc)
    from .service import Aduan  # noqa: PLC0415

    return Aduan(
        store(),
        load_region(),
        site_url=site_url(),
        blobs=blobs(),
        published=published_records(data_dir() / "public") if backend() == "local" else _aws_published,
        # The gate's index is a local SQLite file, opened only when asked (an officer's view of
        # a report), not on every request; on AWS the publisher leaves its holds in the table.
        held=(lambda tracking: gate_index().held(tracking)) if backend() == "local" else _aws_held,
    )


def _aws_published(tracking: str) -> dict[str, Any] | None:
    from .awsstate import published_record  # noqa: PLC0415 - only on AWS

    return published_record(tracking)


def _aws_held(tracking: str) -> list[dict[str, str]] | None:
    from .awsstate import held  # noqa: PLC0415 - only on AWS

    return held(tracking)


def gate_index() -> GateIndex:
    """The gate's index (identifiers, what is public, what is held) beside the private store."""
    from .gate import GateIndex  # noqa: PLC0415 - the gate imports the redactor (module doc)

    return GateIndex(data_dir() / "gate.db")


def rate_limiter() -> RateLimiter:
    """Rate limits from the environment (``ADUAN_RATE_*``, see ratelimit.py), buckets in the store."""
    from .ratelimit import RateLimiter, limits_from_env, settings_from_env  # noqa: PLC0415 - imported when used

    settings = settings_from_env()
    wiring = _local_wiring()

    def make() -> RateLimiter:
        per_client, per_report = limits_from_env(settings=settings)
        return RateLimiter(store(), per_client, per_report)

    return _kept_for("rate_limiter", None if wiring is None else (*wiring, *settings), make)  # type: ignore[no-any-return]


def publisher() -> Publisher:
    from .publish import Publisher  # noqa: PLC0415 - the publisher imports the redactor (module doc)
    from .tally import Tally  # noqa: PLC0415

    return Publisher(
        store(),
        load_region(),
        data_dir() / "public",
        blobs=blobs(),
        gate_index=gate_index(),
        tally=Tally(data_dir() / "tally.db"),
    )
