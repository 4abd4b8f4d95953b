"""C2SP signed-note with Ed25519: signing, verifier keys (vkeys) and opening a signed note.

A note is UTF-8 text ending in a newline, a blank line, then one signature line per key:
`— <key name> base64(key id ‖ signature)`. The key id is the first 4 bytes of
SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key), 0x01 being Ed25519's signature type. A vkey is
`<name>+<hex key id>+base64(0x01 ‖ public key)`. The private key is kept in the format of
Go's golang.org/x/mod/sumdb/note, `PRIVATE+KEY+<name>+<hex key id>+base64(0x01 ‖ seed)`, so
that Go tools can sign with it too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519 = 0x01
DASH = "\u2014"  # the em dash opening a signature line
MAX_SIGNATURES = 100
_NAME_RE = re.compile(r"^[^\s+]+$")


class NoteError(ValueError):
    """A note, a key or a signature that is malformed or does not verify."""


def _b64decode(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise NoteError(f"bad base64 {text[:20]!r}") from exc


def check_name(name: str) -> str:
    if not name or not _NAME_RE.match(name):
        raise NoteError(f"key name {name!r} must be non-empty, without spaces or '+'")
    return name


def key_id(name: str, public_key: bytes) -> int:
    """SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], big-endian."""
    digest = hashlib.sha256(name.encode() + b"\n" + bytes([ED25519]) + public_key).digest()
    return int.from_bytes(digest[:4], "big")


@dataclass(frozen=True)
class Verifier:
    name: str
    public_key: bytes  # 32 bytes, RFC 8032

    @property
    def key_id(self) -> int:
        return key_id(self.name, self.public_key)

    def vkey(self) -> str:
        return f"{self.name}+{self.key_id:08x}+{base64.b64encode(bytes([ED25519]) + self.public_key).decode()}"

    @classmethod
    def from_vkey(cls, vkey: str) -> Verifier:
        parts = vkey.strip().split("+", 2)  # base64 may hold "+" too
        if len(parts) != 3 or not re.fullmatch(r"[0-9a-f]{8}", parts[1]):
            raise NoteError(f"not a verifier key <name>+<hex id>+<base64 key>: {vkey.strip()[:80]!r}")
        name, hex_id, b64 = parts
        check_name(name)
        material = _b64decode(b64)
        if len(material) != 33 or material[0] != ED25519:
            raise NoteError("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)")
        verifier = cls(name, material[1:])
        if verifier.key_id != int(hex_id, 16):
            raise NoteError(f"the verifier key's id {hex_id} does not match its name and key ({verifier.key_id:08x})")
        return verifier

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


class Signer:
    def __init__(self, name: str, seed: bytes) -> None:
        self.name = check_name(name)
        if len(seed) != 32:
            raise NoteError("an Ed25519 seed is 32 bytes")
        self._seed = seed
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        # The raw forms, not public_bytes(Encoding.Raw, …): importing cryptography's serialization
        # package (SSH, PKCS#12…) cost every `aduan build` ~0.03 s of CPU for two constants.
        public = self._key.public_key().public_bytes_raw()
        self.verifier = Verifier(name, public)

    @classmethod
    def generate(cls, name: str) -> Signer:
        seed = Ed25519PrivateKey.generate().private_bytes_raw()
        return cls(name, seed)

    def skey(self) -> str:
        """The private key as Go's note package writes it. Secret: never publish it."""
        material = base64.b64encode(bytes([ED25519]) + self._seed).decode()
        return f"PRIVATE+KEY+{self.name}+{self.verifier.key_id:08x}+{material}"

    @classmethod
    def from_skey(cls, skey: str) -> Signer:
        parts = skey.strip().split("+", 4)
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
            raise NoteError("not a private key PRIVATE+KEY+<name>+<hex id>+<base64 key>")
        material = _b64decode(parts[4])
        if len(material) != 33 or material[0] != ED25519:
            raise NoteError("the private key is not an Ed25519 key")
        signer = cls(parts[2], material[1:])
        if f"{signer.verifier.key_id:08x}" != parts[3]:
            raise NoteError("the private key's id does not match its name and key")
        return signer

    def sign(self, text: str) -> str:
        """The signed note: `text` (ending in a newline), a blank line, our signature line."""
        _check_text(text)
        signature = self.verifier.key_id.to_bytes(4, "big") + self._key.sign(text.encode())
        return f"{text}\n{DASH} {self.name} {base64.b64encode(signature).decode()}\n"


def _check_text(text: str) -> None:
    if not text.endswith("\n"):
        raise NoteError("a note's text must end with a newline")
    if any(ord(c) < 0x20 and c != "\n" for c in text):
        raise NoteError("a note must not contain control characters other than newline")


def open_note(note: bytes, verifier: Verifier) -> str:
    """The text of `note` if a signature by `verifier` verifies; NoteError otherwise.

    As the spec says: signatures by other keys are ignored, a failing signature by our key
    rejects the note, and a note with no signature by our key is rejected.
    """
    try:
        whole = note.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NoteError("the note is not valid UTF-8") from exc
    if any(ord(c) < 0x20 and c != "\n" for c in whole):
        raise NoteError("the note contains control characters")
    split = whole.rfind("\n\n")
    if split < 0:
        raise NoteError("the note has no blank line before its signatures")
    text, signatures = whole[: split + 1], whole[split + 2 :]
    if not signatures.endswith("\n"):
        raise NoteError("the note's signature lines do not end with a newline")
    lines = signatures[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise NoteError(f"the note has more than {MAX_SIGNATURES} signatures")
    verified = False
    for line in lines:
        match = re.fullmatch(rf"{DASH} (\S+) (\S+)", line)
        if not match:
            raise NoteError(f"malformed signature line {line[:60]!r}")
        name, b64 = match.groups()
        check_name(name)
        raw = _b64decode(b64)
        if len(raw) < 4:
            raise NoteError("a signature shorter than its key id")
        if name != verifier.name or int.from_bytes(raw[:4], "big") != verifier.key_id:
            continue  # another key's signature (a witness, a rotated key): not ours to judge
        if not verifier.verify(text.encode(), raw[4:]):
            raise NoteError(f"the signature by {verifier.name}+{verifier.key_id:08x} does not verify")
        verified = True
    if not verified:
        raise NoteError(f"the note has no signature by {verifier.name}+{verifier.key_id:08x}")
    return text
