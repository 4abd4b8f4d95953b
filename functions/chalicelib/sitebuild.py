"""Publish pending updates and build the static site with Pelican and our plugin.

Pelican is a build-time tool, not part of the API: it is imported here only, when a build runs.

The order is what makes a failed build harmless: the publisher writes the public dataset (each
record through the gate), the site is built from it, and only when the site's files are
written are the publish events acknowledged. A build that is refused or killed leaves them
pending, and the next run of `aduan build` or the worker publishes them.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import config
from .errors import PublicationRefused
from .gate.files import Scanner, guard_for
from .publish import Publisher, write_json

HELD = "publication-held.json"


def held_publication(agency: str | None = None) -> dict[str, Any]:
    """What the gate holds back: the reports it held (each with its problems: kind, field,
    where the identifier came from, a mask of it) and, should the scan of whole files ever
    refuse a build, that refusal. `agency` limits the held reports to one agency's."""
    try:
        refused = json.loads((config.data_dir() / HELD).read_text(encoding="utf-8"))
    except FileNotFoundError:
        refused = {"refused": False, "problems": []}
    held = config.gate_index().holds()
    if agency is not None:
        store = config.store()
        held = [h for h in held if (r := store.get(h["tracking"])) is not None and r.agency == agency]
    return {**refused, "held": held}


def scanner() -> Scanner:
    """The scan of whole files: every strong identifier the gate knows (see gate/identifiers.py)."""
    return config.gate_index().scanner()


def check_leaks(output: Path) -> list[str]:
    """`aduan check-leaks`: the gate's scan over everything already in `output`."""
    return [str(leak) for leak in scanner().scan_tree(Path(output))]


@contextmanager
def _collector_paused(pause: bool, exiting: bool = False) -> Iterator[None]:
    """A change build in a long-running process (the worker) allocates little, but the process
    keeps the records it read for its next build: at 100k reports the cyclic garbage collector
    walked them again and again during each change build (455 collections, 0.4-0.7 s CPU of a
    ~4 s "pages live" build). So it is paused for the build; the few cycles a change build
    leaves are collected as usual afterwards. A full or first build (most of its memory is new)
    runs with it.

    `exiting`: the process ends after this build (`aduan build`). Everything it allocated is
    then new, and the young collection that follows the pause walked all of it (the records
    read from the cache, the state's rows: 0.08-0.13 s CPU of a 1.2 s change build at 20k
    reports) to free nothing the exit does not. So what is alive is moved out of the
    collector's reach first (`gc.freeze`); the collector itself runs on.

    A first or full build (`pause` False) runs with the collector, but what the process holds
    when it starts (the modules, the redactor's lexicons) and what it holds when it forks its
    workers (the reports, the records, the dataset: `frozen_before_fork`) is moved out of its
    reach: at 20k reports the collector otherwise walked all of it in each of 14 full
    collections, 4.4 s of the parent's CPU, and again in the workers. Those objects are freed
    as usual when their last reference goes; only a cycle among them waits for the end of the
    build (`gc.unfreeze`, unless the process is exiting)."""
    if not gc.isenabled():
        yield
        return
    if not pause:
        gc.freeze()
        try:
            yield
        finally:
            if not exiting:
                gc.unfreeze()
        return
    gc.disable()
    try:
        yield
    finally:
        if exiting:
            gc.freeze()
        gc.enable()


def build(
    output: Path,
    *,
    full: bool = False,
    api_url: str | None = None,
    search: bool = True,
    exiting: bool = False,
    warm: bool = False,
) -> dict[str, Any]:
    """Publish pending updates, then build. `search=False` leaves the search index as it was
    (Pagefind is most of an incremental build's time on a large site); the worker uses it to
    put a change online first and refresh the index after. `exiting`: the process ends after
    this build (`aduan build`; see `_collector_paused`). `warm`: build even when nothing
    changed, so that this process holds the dataset, the build's state and the log's for its
    next builds (the worker, as it starts: its first change then costs what the others do)."""
    publisher = config.publisher()
    first = not (publisher.dir / "stats.json").exists()
    with _collector_paused(not (full or first), exiting):
        return _build(publisher, Path(output), full=full, first=first, api_url=api_url, search=search, warm=warm)


def _build(
    publisher: Publisher,
    output: Path,
    *,
    full: bool,
    first: bool,
    api_url: str | None,
    search: bool,
    warm: bool = False,
) -> dict[str, Any]:
    publication = publisher.publish_all() if full or first else publisher.publish_pending()
    plugins = str(config.site_source() / "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    from aduan_site.build import build as build_site  # noqa: PLC0415 - Pelican only when building
    from aduan_site.output import PublicationRefused as Refused

    # Every record already passed the gate; as a second line, every file the build is about to
    # write is scanned for every strong identifier. A hit there is a bug in the first line, so
    # nothing is written and the build is refused.
    held = config.data_dir() / HELD
    files_scanner = scanner()
    if warm:  # the automata now, for the publish of the next change and the scan of its files
        files_scanner.compile()
    try:
        result = build_site(
            Path(output),
            data_dir=config.data_dir(),
            api_url=api_url,
            settings_file=config.site_source() / "pelicanconf.py",
            guard=guard_for(files_scanner),
            search=search,
            full=full,
            warm=warm,
        )
    except Refused as refused:
        # Only tracking numbers and kinds of identifier, no values: the console shows this file.
        write_json(held, {"refused": True, "problems": sorted(set(refused.problems))})
        raise PublicationRefused(str(refused)) from None
    held.unlink(missing_ok=True)
    if publication.upto is not None:
        config.store().ack_events(publication.upto)
    return {
        "records_changed": publication.changed,
        "held": len(publisher.gate.holds()),
        "written": result.written,
        "unchanged": result.unchanged,
        "deleted": result.deleted,
        "log_entries": result.log_entries,
    }
