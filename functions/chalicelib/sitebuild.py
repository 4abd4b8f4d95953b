"""Publish pending updates and build the static site with Pelican and our plugin.

Pelican is a build-time tool, not part of the API: it is imported here only, when a build runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from . import config
from .errors import PublicationRefused
from .leaks import IdentifierCache, guard_for, scanner_for
from .publish import write_json

REPO = Path(__file__).resolve().parents[2]


HELD = "publication-held.json"


def held_publication() -> dict[str, Any]:
    """Why the last build was refused, or {"refused": False}."""
    try:
        return json.loads((config.data_dir() / HELD).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"refused": False, "problems": []}


def check_leaks(output: Path) -> list[str]:
    """`aduan check-leaks`: the gate's scan over everything already in `output`."""
    scanner = scanner_for(config.store().all(), IdentifierCache(config.data_dir() / "identifiers.json"))
    return [str(leak) for leak in scanner.scan_tree(Path(output))]


def build(output: Path, *, full: bool = False, api_url: str | None = None, search: bool = True) -> dict[str, Any]:
    """Publish pending updates, then build. `search=False` leaves the search index as it was
    (Pagefind is most of an incremental build's time on a large site); the worker uses it to
    put a change online first and refresh the index after."""
    publisher = config.publisher()
    changed = (
        publisher.publish_all() if full or not (publisher.dir / "stats.json").exists() else publisher.publish_pending()
    )
    plugins = str(REPO / "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    from aduan_site.build import build as build_site  # noqa: PLC0415 - Pelican only when building
    from aduan_site.output import PublicationRefused as Refused

    # The publication gate: every file the build is about to write is scanned for every
    # identifier known in the private store; one hit and nothing is written.
    reports = publisher.reports if publisher.reports is not None else config.store().all()
    scanner = scanner_for(reports, IdentifierCache(config.data_dir() / "identifiers.json"))
    held = config.data_dir() / HELD
    try:
        result = build_site(
            Path(output),
            data_dir=config.data_dir(),
            api_url=api_url,
            settings_file=REPO / "pelicanconf.py",
            guard=guard_for(scanner),
            search=search,
        )
    except Refused as refused:
        # Officers must learn that publishing stopped and which reports to fix: the console
        # shows this file (only tracking numbers and kinds of identifier, no values).
        write_json(held, {"refused": True, "problems": sorted(set(refused.problems))})
        raise PublicationRefused(str(refused)) from None
    held.unlink(missing_ok=True)
    return {
        "records_changed": changed,
        "written": result.written,
        "unchanged": result.unchanged,
        "deleted": result.deleted,
        "log_entries": result.log_entries,
    }
