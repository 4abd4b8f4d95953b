"""Which path the redactor's engine takes: the fast one, or the plain reference it must agree with.

Every shortcut of the engine (scanning a pattern only where a word starts, skipping a pattern whose
matches need a character the text lacks, skipping phone candidates too short to be kept, building
tokens in bulk...) has a plain counterpart that does the obvious thing (``pattern.finditer`` over the
whole text, phonenumbers' matcher with its defaults...). ``reference()`` switches to the plain path
for the duration of a ``with`` block, so a test can compare the two on the same texts: the shortcuts
must never change one character of what the redactor finds (tests/test_redaction_speed.py).

One process-wide switch, read by the engine at each call: meant for tests and benchmarks, not for
threads that redact at the same time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

FAST = True


@contextmanager
def reference() -> Iterator[None]:
    """Within the block the engine takes its plain reference path."""
    global FAST
    was, FAST = FAST, False
    try:
        yield
    finally:
        FAST = was
