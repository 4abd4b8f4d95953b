"""A speed-up of the redactor changes nothing it finds: its outputs on a sample of every corpus are pinned.

``bench/redaction_speed_digest.json`` holds a SHA-256 of the ``find_pii`` outputs on every 12th text of
each corpus (``redaction_speed.sample``), as the redactor found them when they were pinned. A change
meant to change the results (better recall or precision) pins them again with
``python bench/redaction_speed.py --pin`` and says so in its commit; a change meant only to be faster
must leave them as they are.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import redaction_speed  # noqa: E402


def test_the_redactor_finds_what_was_pinned() -> None:
    pinned = json.loads(redaction_speed.DIGESTS.read_text())
    texts = redaction_speed.sample()
    assert sorted(texts) == sorted(pinned), "a corpus was added or removed: pin again (--pin)"
    assert all(len(some) >= 30 for some in texts.values())
    found = redaction_speed.digests(texts)
    changed = [name for name in pinned if found[name] != pinned[name]]
    assert not changed, f"the redactor finds something else on {changed}: pin again only if that is meant"
