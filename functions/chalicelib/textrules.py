"""What a citizen's or officer's text may contain: the characters the API refuses.

Control characters (C0 and C1, except tab, line feed and carriage return) break Atom feeds,
CSV files and HTML once published, and a lone UTF-16 surrogate ("\\ud800" in JSON) cannot even
be encoded to UTF-8 for the store. Both are refused at the API, naming the field, rather than
silently changed: the sender learns what was wrong.
"""

from __future__ import annotations

import re

# C0 except \t \n \r, DEL, C1, lone surrogates, and the two XML non-characters.
BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def bad_character(text: str) -> str | None:
    """A description of the first character `text` may not contain, or None."""
    match = BAD_CHARACTER.search(text)
    if match is None:
        return None
    char = match.group(0)
    if "\ud800" <= char <= "\udfff":
        return f"memuat surrogate UTF-16 tunggal U+{ord(char):04X} / contains a lone UTF-16 surrogate"
    return f"memuat karakter kontrol U+{ord(char):04X} / contains the control character U+{ord(char):04X}"


def without_bad_characters(text: str) -> str:
    """`text` with every refused character removed (for text already stored)."""
    return BAD_CHARACTER.sub("", text)
