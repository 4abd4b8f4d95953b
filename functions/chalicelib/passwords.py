"""Officers' passwords: how they are hashed (argon2id), checked and first made.

A login (the name an officer signs in with) belongs to one officer and holds only the argon2
hash of the password, never the password. Checking an unknown login still runs one argon2
verification against a dummy hash, so the answer takes as long whether the login exists or not.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import ValidationError

# argon2id at OWASP's recommended minimum (m=19 MiB, t=2, p=1) rather than argon2-cffi's default
# 64 MiB: the API runs in Lambda functions that may have only 128 MB. A hash records its own
# parameters, so raising them later still verifies older hashes.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_LENGTH = 10
MAX_LENGTH = 200
LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
# What an unknown login is checked against: HASHER's hash of a password nobody has, written out
# rather than made at import (argon2 at these costs is about 0.1 s of CPU, and every `aduan`
# command imports this module through store.py). tests/test_quick_passwords.py fails when
# HASHER's parameters and this hash's differ.
_DUMMY = "$argon2id$v=19$m=19456,t=2,p=1$sVdAfFevWNdrpgVp2bcj3Q$OLWQZbUaLg+EMMRdwTW2Zq4k6NZsvBTn6IRbuhGlyKI"


@dataclass
class Login:
    login: str
    officer_id: str
    password_hash: str
    updated_at: datetime


def normalize_login(login: str) -> str:
    """Logins are compared lower-cased and trimmed ("Budi.PUPR " signs in as budi.pupr)."""
    return str(login or "").strip().lower()


def check_login_name(login: str) -> str:
    login = normalize_login(login)
    if not LOGIN_PATTERN.fullmatch(login):
        raise ValidationError(
            "Nama login 2–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.",
            {"login": "tidak valid"},
            en="a login is 2-64 characters: lower-case letters, digits, '.', '_' or '-'",
        )
    return login


def login_from_name(name: str) -> str:
    """A login made from an officer's name: "Petugas PUPR" → petugas.pupr."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return ".".join(words)[:64] or "petugas"


def check_password(password: str) -> str:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise ValidationError(
            f"Kata sandi harus {MIN_LENGTH}–{MAX_LENGTH} karakter.",
            {"password": "panjang tidak sesuai"},
            en=f"a password must be {MIN_LENGTH}-{MAX_LENGTH} characters",
        )
    return password


def hash_password(password: str) -> str:
    return HASHER.hash(check_password(password))


def generate_password() -> str:
    """A first password to hand over: 16 URL-safe characters (96 bits)."""
    return secrets.token_urlsafe(12)


def verify(login: Login | None, password: str) -> bool:
    """Whether `password` is the login's; as slow for an unknown login as for a known one."""
    try:
        return HASHER.verify(login.password_hash if login else _DUMMY, password) and login is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
