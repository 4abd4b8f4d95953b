"""Publish pending updates and build the static site with Pelican and our plugin.

Pelican is a build-time tool, not part of the API: it is imported here only, when a build runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from . import config

REPO = Path(__file__).resolve().parents[2]


def build(output: Path, *, full: bool = False, api_url: str | None = None) -> dict[str, Any]:
    publisher = config.publisher()
    changed = publisher.publish_all() if full or not (publisher.dir / "stats.json").exists() else publisher.publish_pending()
    plugins = str(REPO / "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    from aduan_site.build import build as build_site  # noqa: PLC0415 - Pelican only when building

    result = build_site(Path(output), data_dir=config.data_dir(), api_url=api_url,
                        settings_file=REPO / "pelicanconf.py")
    return {"records_changed": changed, "written": result.written, "unchanged": result.unchanged,
            "deleted": result.deleted}
