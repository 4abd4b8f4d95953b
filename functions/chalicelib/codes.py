"""The codes of the public dataset (statuses, kinds, rejection reasons, update types, channels,
location levels) and their labels in Bahasa Indonesia and English, from ``public_codes.json``.

That file is the one source both sides of the publication boundary read: this package (the
API, the importer, the publisher) and the site's plugin, which loads the same file. A test
walks every code through both sides.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PATH = Path(__file__).with_name("public_codes.json")
CODES: dict[str, dict[str, dict[str, Any]]] = {
    key: value for key, value in json.loads(PATH.read_text(encoding="utf-8")).items() if not key.startswith("_")
}

STATUSES = CODES["statuses"]
KINDS = CODES["kinds"]
REJECTION_REASONS = CODES["rejection_reasons"]
UPDATE_TYPES = CODES["update_types"]
CHANNELS = CODES["channels"]
LOCATION_LEVELS = CODES["location_levels"]
DEADLINE_STEPS = CODES["deadline_steps"]


def label(group: str, code: str | None, lang: str = "id") -> str:
    """What people read for a code; an unknown code reads as itself."""
    entry = CODES[group].get(code or "")
    return str(entry[lang]) if entry else code or ""


def public_update_types() -> tuple[str, ...]:
    """The update types a public timeline can hold (an edit of the public text is private)."""
    return tuple(code for code, entry in UPDATE_TYPES.items() if entry.get("public", True))
