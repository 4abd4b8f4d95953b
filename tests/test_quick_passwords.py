"""The dummy hash an unknown login is checked against is written out in passwords.py (making it
at import cost every `aduan` command about 0.1 s): it must be a hash HASHER itself would make, or
checking an unknown login would take another time than checking a known one."""

from __future__ import annotations

from argon2 import extract_parameters
from chalicelib import passwords


def test_the_written_out_dummy_hash_has_the_hashers_parameters() -> None:
    made = passwords.HASHER.hash("a password of the same hasher")
    assert extract_parameters(passwords._DUMMY) == extract_parameters(made)
    assert not passwords.HASHER.check_needs_rehash(passwords._DUMMY)
    assert passwords.verify(None, "not a password anybody has") is False
