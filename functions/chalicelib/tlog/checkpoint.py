"""C2SP tlog-checkpoint: the note text `<origin>\\n<tree size>\\n<base64 root hash>\\n`."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from .merkle import HASH_SIZE
from .note import NoteError, Verifier, open_note


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def text(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        lines = text.split("\n")
        # At least origin, size and root; any extension lines are non-empty; a final newline.
        if len(lines) < 4 or lines[-1] != "" or any(not line for line in lines[:-1]):
            raise NoteError("a checkpoint is at least three non-empty lines, each ending in a newline")
        origin, size_text, root_text = lines[:3]
        if not re.fullmatch(r"0|[1-9][0-9]*", size_text):
            raise NoteError(f"checkpoint tree size {size_text[:30]!r} is not a decimal number without leading zeroes")
        try:
            root = base64.b64decode(root_text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise NoteError("checkpoint root hash is not base64") from exc
        if len(root) != HASH_SIZE:
            raise NoteError(f"checkpoint root hash is {len(root)} bytes, not {HASH_SIZE}")
        return cls(origin, int(size_text), root)


def open_checkpoint(note: bytes, verifier: Verifier) -> Checkpoint:
    """A checkpoint from its signed note, after checking the signature."""
    return Checkpoint.parse(open_note(note, verifier))
