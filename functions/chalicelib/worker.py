"""The local worker: watches the store's publish events and rebuilds the site, debounced.

A burst of updates (an officer working through a queue) becomes one build: the worker waits
until no new event has arrived for `quiet` seconds, or `patience` seconds have passed since the
first one, whichever comes first. Once a day of its run it also auto-closes resolved reports
the reporter left unanswered.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from . import config
from .sitebuild import build

log = logging.getLogger("aduan.worker")


def run(output: Path, *, interval: float = 0.3, quiet: float = 0.7, patience: float = 5.0,
        api_url: str | None = None, stop: Callable[[], bool] = lambda: False) -> None:
    store = config.store()
    last_autoclose = 0.0
    first_seen = last_seen = 0.0
    last_count = 0
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
                    result = build(output, api_url=api_url)
                    log.info("rebuilt after %d update(s): %s", pending, result)
                except Exception:  # a failed build must not stop the worker; the events stay pending
                    log.exception("build failed; will retry")
                    time.sleep(2)
                first_seen = last_seen = 0.0
                last_count = 0
        time.sleep(interval)
