"""The service levels in the site's own pages (content/pages/*.md), from the region file.

The pages say how many working days each step may take; another province may set other
numbers, so the pages never state them. They write a placeholder, ``{sla:verification_days}``,
``{sla:response_days}`` or ``{sla:autoclose_days}``, and this fills it in from the public
dataset's region.json (the region file's `service_levels`, as published) when Pelican reads the
page. A placeholder with no value is left as written and logged, so it shows in review.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from .config import plugin_settings

logger = logging.getLogger(__name__)
PLACEHOLDER = re.compile(r"\{sla:([a-z_]+)\}")


def levels(public_dir: Path) -> dict[str, int]:
    try:
        region = json.loads((Path(public_dir) / "region.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    found = region.get("service_levels") or {}
    return {k: v for k, v in found.items() if isinstance(v, int) and not isinstance(v, bool)}


def fill(text: str, values: dict[str, int], source: str = "") -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(1) in values:
            return str(values[match.group(1)])
        logger.error("aduan_site: %s: no service level %r in region.json", source, match.group(1))
        return match.group(0)

    return PLACEHOLDER.sub(value, text)


def fill_content(content: Any) -> None:
    """Pelican's content_object_init: replace the placeholders in a page's HTML and title."""
    raw = getattr(content, "_content", None)
    if not isinstance(raw, str) or "{sla:" not in raw:
        return
    settings = plugin_settings(content.settings)
    content._content = fill(raw, levels(Path(settings["PUBLIC_DATA"])), str(getattr(content, "source_path", "")))
