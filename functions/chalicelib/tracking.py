"""Tracking numbers and follow-up secrets.

A tracking number is short, readable aloud and not sequential: a region prefix and eight
Crockford base32 characters, the last a check character, e.g. ``PSR-D9E6-80J7``. Crockford's
alphabet has no I, L, O or U, and reading accepts the look-alikes, lower case and missing
dashes, so a number read over the phone still works. The secret is what lets the reporter add
information or answer a resolution; only its hash is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_SHAPE = re.compile(r"^([A-Z]{2,5})-?([0-9A-Z]{4})-?([0-9A-Z]{4})$")


_VALUE = {c: i for i, c in enumerate(ALPHABET)}


def _check_char(body: str) -> str:
    total = sum(i * _VALUE[c] for i, c in enumerate(body, start=1))
    return ALPHABET[total % len(ALPHABET)]


_SHIFTS = range(0, 35, 5)


def new_tracking(prefix: str) -> str:
    # Seven characters from one draw of 35 random bits, five bits each: as uniform as seven
    # secrets.choice calls, at a seventh of the cost (an import makes thousands).
    bits = secrets.randbits(35)
    body = "".join([ALPHABET[(bits >> shift) & 31] for shift in _SHIFTS])
    code = body + _check_char(body)
    return f"{prefix}-{code[:4]}-{code[4:]}"


def normalize_tracking(value: str) -> str | None:
    """The canonical form of a tracking number, or None if it is not one (or has a typo)."""
    cleaned = re.sub(r"[\s.]", "", str(value)).upper()
    match = _SHAPE.match(cleaned)
    if not match:
        return None
    prefix, first, second = match.groups()
    code = (first + second).translate(_LOOKALIKES)
    if any(c not in ALPHABET for c in code) or _check_char(code[:7]) != code[7]:
        return None
    return f"{prefix}-{code[:4]}-{code[4:]}"


def new_secret() -> str:
    return secrets.token_urlsafe(12)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)
