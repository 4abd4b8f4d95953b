"""Characters no published file may carry, removed wherever the site reads or writes text.

The API refuses control characters and lone surrogates in new text, but a record stored before
that (or written by another tool) could still hold them; once published, a NUL or an ESC makes
an Atom feed ill-formed XML and reaches CSV and HTML raw. So the site strips them twice: when it
reads the public dataset, and at the edge where a feed or a CSV cell is written.
"""

from __future__ import annotations

import re
from typing import Any

# C0 except tab, line feed and carriage return; DEL; C1; lone surrogates; XML's non-characters.
_UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_unpublishable(text: str) -> bool:
    return _UNPUBLISHABLE.search(text) is not None


def clean(text: str) -> str:
    # Every character _UNPUBLISHABLE matches is unprintable (Cc, Cs or Cn): most texts are
    # printable and come back as they are without the regex.
    return text if text.isprintable() else _UNPUBLISHABLE.sub("", text)


def clean_tree(value: Any) -> Any:
    """A parsed JSON value with every string (keys too) cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean_tree(v) for v in value]
    if isinstance(value, dict):
        return {clean(k) if isinstance(k, str) else k: clean_tree(v) for k, v in value.items()}
    return value
