"""The local worker: watches the store's publish events and rebuilds the site, debounced.

A burst of updates (an officer working through a queue) becomes one build: the worker waits
until no new event has arrived for `quiet` seconds, or `patience` seconds have passed since the
first one, whichever comes first. That build leaves the search index as it was, so the change
is online in about a second even on a large site; once nothing has changed for
`search_quiet` seconds, a second build refreshes the index. Once an hour of its run it also
auto-closes resolved reports the reporter left unanswered. As it starts it builds once even
when nothing changed (`warm`), to hold what its builds keep between them before the first change.

A build acknowledges the publish events only once the site is written, so a build that fails
(or a worker that is killed) leaves them pending and the next attempt publishes them. Failed
attempts back off, from 2 s up to a minute, instead of retrying a full build every few seconds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from . import config
from .errors import PublicationRefused
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
    backoff = 0.0  # seconds to wait before the next attempt after a failed one
    retry_at = 0.0
    # What the builds of this process keep between them (the dataset, the build's state, the
    # log's, the gate's automata) is read now, not by the first change: it goes live as fast as
    # the ones after it. It publishes what is pending (a failure backs off as any other), and
    # the search index is refreshed once things are quiet, as after any change.
    if not _attempt(lambda: build(output, api_url=api_url, search=False, warm=True), "ready"):
        backoff = 2.0
        retry_at = time.monotonic() + backoff
    index_stale_since = time.monotonic()
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
            if (now - last_seen >= quiet or now - first_seen >= patience) and now >= retry_at:
                if _attempt(lambda: build(output, api_url=api_url, search=False), f"rebuilt after {pending} update(s)"):
                    index_stale_since = time.monotonic()
                    backoff = 0.0
                else:  # the events stay pending: the next attempt publishes them
                    backoff = min(max(2 * backoff, 2.0), 60.0)
                    retry_at = time.monotonic() + backoff
                first_seen = last_seen = 0.0
                last_count = 0
        elif index_stale_since and now - index_stale_since >= search_quiet and now >= retry_at:
            if _attempt(lambda: build(output, api_url=api_url), "search index refreshed"):
                index_stale_since = 0.0
                backoff = 0.0
            else:
                backoff = min(max(2 * backoff, 2.0), 60.0)
                retry_at = time.monotonic() + backoff
        time.sleep(interval)


def _attempt(work: Callable[[], object], done: str) -> bool:
    """Run one build; a failure is logged (a refusal by the gate in one line, anything else with
    its traceback) and must not stop the worker."""
    try:
        log.info("%s: %s", done, work())
        return True
    except PublicationRefused as refused:
        log.error("publication refused (officers see why at GET /officer/publication): %s", refused)
    except Exception:
        log.exception("build failed; will retry")
    return False
