"""The local worker: watches the store's publish events and rebuilds the site, debounced.

A burst of updates (an officer working through a queue) becomes one build: the worker waits
until no new event has arrived for `quiet` seconds, or `patience` seconds have passed since the
first one, whichever comes first. That build leaves the search index as it was, so the change
is online in about a second even on a large site; once nothing has changed for
`search_quiet` seconds, a second build refreshes the index. Once an hour of its run it also
auto-closes resolved reports the reporter left unanswered.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from . import config
from .sitebuild import build

log = logging.getLogger("aduan.worker")


def run(
    output: Path,
    *,
    interval: float = 0.3,
    quiet: float = 0.7,
    patience: float = 5.0,
    search_quiet: float = 5.0,
    api_url: str | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> None:
    store = config.store()
    last_autoclose = 0.0
    first_seen = last_seen = 0.0
    last_count = 0
    index_stale_since = 0.0
    while not stop():
        now = time.monotonic()
        if now - last_autoclose > 3600:
            closed = config.service().autoclose()
            last_autoclose = now
            if closed:
                log.info("auto-closed %d resolved reports", closed)
        pending = len(store.pending_events(limit=100_000))
        if pending:
            if not first_seen:
                first_seen = now
            if pending != last_count:
                last_seen, last_count = now, pending
            if now - last_seen >= quiet or now - first_seen >= patience:
                try:
                    result = build(output, api_url=api_url, search=False)
                    log.info("rebuilt after %d update(s): %s", pending, result)
                    index_stale_since = time.monotonic()
                except Exception:  # a failed build must not stop the worker; the events stay pending
                    log.exception("build failed; will retry")
                    time.sleep(2)
                first_seen = last_seen = 0.0
                last_count = 0
        elif index_stale_since and now - index_stale_since >= search_quiet:
            try:
                log.info("search index refreshed: %s", build(output, api_url=api_url))
                index_stale_since = 0.0
            except Exception:
                log.exception("search index refresh failed; will retry")
                index_stale_since = time.monotonic()
        time.sleep(interval)
