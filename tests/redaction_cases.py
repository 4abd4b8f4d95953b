"""Hand-written redaction cases: a text with its phrases in braces. In a KEPT case every braced phrase must
survive `redact`; in a REDACTED case the one braced phrase must lie inside a match of the given kind. The
test modules of the redaction rounds (precision8, generalise9, tune9) write their cases this way."""

from __future__ import annotations

import re

from chalicelib.redaction import find_pii, redact


def braced(marked: str) -> tuple[str, list[str]]:
    """The text without its braces, and the braced phrases."""
    return marked.replace("{", "").replace("}", ""), re.findall(r"\{([^}]*)\}", marked)


def assert_kept(marked: str) -> None:
    text, kept = braced(marked)
    out = redact(text)
    for phrase in kept:
        assert phrase in out, (phrase, out)


def assert_redacted(kind: str, marked: str) -> None:
    text, (secret,) = braced(marked)
    start = marked.index("{")  # the braced one, where the text holds the word more than once
    found = [m for m in find_pii(text) if m.start <= start and start + len(secret) <= m.end]
    assert found and found[0].kind == kind, (secret, find_pii(text))
