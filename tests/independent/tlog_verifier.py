"""An independent verifier for a tiled transparency log published as static files.

Written from RFC 6962 section 2.1 (Merkle Tree Hash, consistency proofs), RFC 9162 section
2.1.4 (consistency proof verification) and the C2SP specifications tlog-tiles, tlog-checkpoint
and signed-note, and from nothing else: it imports no code of the project it checks. Given a
directory holding `log/checkpoint`, `log/vkey`, `log/tile/<L>/<N>[.p/<W>]` and
`log/tile/entries/<N>[.p/<W>]`, `verify()` checks the checkpoint's Ed25519 signature, reads
every entry bundle, recomputes every hash tile and the root from the entries, and, given an
older checkpoint, proves that the older tree is a prefix of the newer one.

    python tests/independent/tlog_verifier.py SITE_DIR [--since OLD_CHECKPOINT] [--vkey FILE]
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

HASH_SIZE = 32
TILE_WIDTH = 256  # hashes in a full tile, entries in a full bundle (tlog-tiles)
TILE_HEIGHT = 8  # a tile spans 8 levels of the Merkle tree: 2**8 == TILE_WIDTH
EMPTY_ROOT = hashlib.sha256(b"").digest()  # MTH({}) in RFC 6962
ED25519 = 0x01  # the signed-note signature type of Ed25519
EM_DASH = "\u2014"


class VerificationError(Exception):
    """The log does not verify; the message names the file and the check that failed."""


class BadKey(VerificationError):
    """The verifier key is malformed or its key id does not match its name and key."""


class BadSignature(VerificationError):
    """The checkpoint carries no valid signature by the verifier key."""


class BadCheckpoint(VerificationError):
    """A file is missing, or the checkpoint or a signed note is not in the C2SP format."""


class BadTile(VerificationError):
    """A hash tile or an entry bundle is missing, malformed or disagrees with the entries."""


class RootMismatch(VerificationError):
    """The root recomputed from the entries is not the checkpoint's root hash."""


class NotAPrefix(VerificationError):
    """The older checkpoint's tree is not a prefix of the newer tree (history was rewritten)."""


@dataclass(frozen=True)
class VerifierKey:
    """A signed-note verifier key: `<name>+<hex key id>+<base64(0x01 || public key)>`."""

    name: str
    key_id: int
    public_key: bytes

    def __str__(self) -> str:
        return f"{self.name}+{self.key_id:08x}"


@dataclass(frozen=True)
class Checkpoint:
    """The note text of a C2SP checkpoint."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()


@dataclass(frozen=True)
class TileRef:
    """One tile (or entry bundle) the tlog-tiles layout requires for a tree size."""

    level: int
    index: int
    width: int

    def path(self, entries: bool = False) -> str:
        return tile_path("entries" if entries else self.level, self.index, self.width)


@dataclass(frozen=True)
class Report:
    """What `verify()` checked, for a caller or a person to read."""

    origin: str
    size: int
    root: bytes
    key: str
    bundles: int  # entry bundles read
    level0_tiles: int  # level-0 tiles found equal to the entries' leaf hashes
    tiles: int  # hash tiles checked at every level, level 0 included
    old_size: int | None = None
    old_root: bytes | None = None
    consistency_proof: tuple[bytes, ...] = ()

    def summary(self) -> str:
        lines = [
            f"checkpoint of {self.origin}: {self.size} entries, root {b64(self.root)}, signed by {self.key}",
            f"{self.bundles} entry bundles and {self.tiles} hash tiles ({self.level0_tiles} at level 0) "
            "match the entries; the root recomputed from the entries matches the checkpoint",
        ]
        if self.old_size is not None and self.old_root is not None:
            lines.append(
                f"the tree of size {self.old_size} (root {b64(self.old_root)}) is a prefix of this one: "
                f"recomputed from the first {self.old_size} entries, and a consistency proof of "
                f"{len(self.consistency_proof)} hashes verifies"
            )
        return "\n".join(lines)


# --- RFC 6962 hashing -------------------------------------------------------------------------


def leaf_hash(entry: bytes) -> bytes:
    """SHA-256(0x00 || entry), RFC 6962 section 2.1."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right), RFC 6962 section 2.1."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two smaller than n (n >= 2): where MTH splits a list of n leaves."""
    return 1 << ((n - 1).bit_length() - 1)


def tree_hash(leaf_hashes: Sequence[bytes], lo: int = 0, hi: int | None = None) -> bytes:
    """MTH(D[lo:hi]) from the leaves' hashes, by the recursive definition of RFC 6962."""
    hi = len(leaf_hashes) if hi is None else hi
    n = hi - lo
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return leaf_hashes[lo]
    k = split_point(n)
    return node_hash(tree_hash(leaf_hashes, lo, lo + k), tree_hash(leaf_hashes, lo + k, hi))


def consistency_proof(old_size: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """PROOF(m, D[n]) of RFC 6962 section 2.1.2 (SUBPROOF), from the newer tree's leaf hashes."""
    n = len(leaf_hashes)
    if not 0 <= old_size <= n:
        raise ValueError(f"no consistency proof from size {old_size} to size {n}")
    if old_size in (0, n):
        return []

    def subproof(m: int, lo: int, hi: int, whole: bool) -> list[bytes]:
        if m == hi - lo:
            return [] if whole else [tree_hash(leaf_hashes, lo, hi)]
        k = split_point(hi - lo)
        if m <= k:
            return subproof(m, lo, lo + k, whole) + [tree_hash(leaf_hashes, lo + k, hi)]
        return subproof(m - k, lo + k, hi, False) + [tree_hash(leaf_hashes, lo, lo + k)]

    return subproof(old_size, 0, n, True)


def verify_consistency(old_size: int, new_size: int, proof: Sequence[bytes], old_root: bytes, new_root: bytes) -> None:
    """Check a consistency proof as RFC 9162 section 2.1.4.2 says; raise NotAPrefix if it fails."""

    def fail(why: str) -> NotAPrefix:
        return NotAPrefix(f"consistency proof from size {old_size} to size {new_size} fails: {why}")

    if old_size > new_size:
        raise fail("the tree shrank")
    if any(len(h) != HASH_SIZE for h in proof):
        raise fail("a proof hash is not 32 bytes")
    if old_size == new_size:
        if proof:
            raise fail("the proof between equal sizes must be empty")
        if old_root != new_root:
            raise fail("same size, different root hashes")
        return
    if old_size == 0:
        if proof:
            raise fail("the proof from the empty tree must be empty")
        return
    if not proof:
        raise fail("the proof is empty")
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # an exact power of two: the old root is a node of the new tree
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise fail("too many hashes in the proof")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise fail("too few hashes in the proof")
    if fr != old_root:
        raise fail("it does not lead to the old root")
    if sr != new_root:
        raise fail("it does not lead to the new root")


# --- tlog-tiles layout --------------------------------------------------------------------------


def encode_index(n: int) -> str:
    """A tile index as tlog-tiles writes it: 3-digit groups, all but the last prefixed with x."""
    if n < 0:
        raise ValueError(f"negative tile index {n}")
    groups = [n % 1000]
    while n >= 1000:
        n //= 1000
        groups.insert(0, n % 1000)
    return "/".join([f"x{g:03d}" for g in groups[:-1]] + [f"{groups[-1]:03d}"])


def tile_path(level: int | str, index: int, width: int = TILE_WIDTH) -> str:
    """`tile/<L>/<N>[.p/<W>]`, or `tile/entries/<N>[.p/<W>]` when level is "entries"."""
    if not 1 <= width <= TILE_WIDTH:
        raise ValueError(f"tile width {width} is not in 1..{TILE_WIDTH}")
    path = f"tile/{level}/{encode_index(index)}"
    return path if width == TILE_WIDTH else f"{path}.p/{width}"


def iter_tiles(size: int) -> Iterator[TileRef]:
    """Every hash tile a tree of `size` entries is served as (tlog-tiles), level by level.

    Level l holds one hash per full subtree of 256**l leaves: floor(size / 256**l) hashes, in
    full tiles of 256 and a last partial tile of (floor(size / 256**l) mod 256) when non-zero.
    Entry bundles follow the level-0 layout. A generator: a forged checkpoint with a huge size
    fails at its first missing tile instead of exhausting memory."""
    level = 0
    while count := size >> (TILE_HEIGHT * level):
        full, rest = divmod(count, TILE_WIDTH)
        yield from (TileRef(level, i, TILE_WIDTH) for i in range(full))
        if rest:
            yield TileRef(level, full, rest)
        level += 1


def tile_layout(size: int) -> list[TileRef]:
    return list(iter_tiles(size))


def parse_bundle(data: bytes, width: int, path: str) -> list[bytes]:
    """The entries of a bundle: each preceded by its length as a big-endian uint16."""
    entries: list[bytes] = []
    pos = 0
    while pos < len(data):
        if pos + 2 > len(data):
            raise BadTile(f"{path}: truncated length prefix at byte {pos}")
        length = int.from_bytes(data[pos : pos + 2], "big")
        pos += 2
        if pos + length > len(data):
            raise BadTile(f"{path}: entry {len(entries)} announces {length} bytes, only {len(data) - pos} remain")
        entries.append(data[pos : pos + length])
        pos += length
    if len(entries) != width:
        raise BadTile(f"{path}: holds {len(entries)} entries, the tree size requires {width}")
    return entries


# --- signed notes and checkpoints ---------------------------------------------------------------


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def strict_b64decode(text: str, what: str, error: type[VerificationError]) -> bytes:
    """Standard base64 (RFC 4648 section 4), padded and canonical, or `error`."""
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise error(f"{what} is not valid base64: {text!r}") from exc
    if b64(data) != text:
        raise error(f"{what} is not canonical base64: {text!r}")
    return data


def key_id(name: str, signature_type: int, public_key: bytes) -> int:
    """SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian (signed-note)."""
    digest = hashlib.sha256(name.encode() + b"\n" + bytes([signature_type]) + public_key).digest()
    return int.from_bytes(digest[:4], "big")


def valid_key_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(c.isspace() for c in name)


def parse_vkey(text: str) -> VerifierKey:
    """Parse `<name>+<hex key id>+<base64(0x01 || 32-byte Ed25519 key)>` and check its key id."""
    vkey = text.strip()
    # The key name cannot hold a plus, the base64 can: split on the first two only.
    parts = vkey.split("+", 2)
    if len(parts) != 3:
        raise BadKey(f"verifier key {vkey!r} is not <name>+<key id>+<key>")
    name, id_hex, key_b64 = parts
    if not valid_key_name(name):
        raise BadKey(f"verifier key name {name!r} is empty or holds a space or a plus")
    if not re.fullmatch(r"[0-9a-fA-F]{8}", id_hex):
        raise BadKey(f"verifier key id {id_hex!r} is not 8 hex digits")
    raw = strict_b64decode(key_b64, "the verifier key", BadKey)
    if len(raw) != 1 + 32 or raw[0] != ED25519:
        raise BadKey(f"verifier key {name}+{id_hex} is not 0x01 followed by a 32-byte Ed25519 key")
    public_key = raw[1:]
    expected = key_id(name, ED25519, public_key)
    if int(id_hex, 16) != expected:
        raise BadKey(f"verifier key {name}+{id_hex}: the key id of this name and key is {expected:08x}")
    return VerifierKey(name, expected, public_key)


def open_note(note: str, key: VerifierKey) -> str:
    """The text of a signed note carrying a valid signature by `key` (C2SP signed-note).

    Signatures by other keys are ignored, as the spec requires; a signature that claims to be
    by `key` (same name and key id) and does not verify rejects the whole note."""
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise BadCheckpoint("the note holds a control character other than newline")
    if not note.endswith("\n"):
        raise BadCheckpoint("the note does not end with a newline")
    cut = note.rfind("\n\n")  # the text ends at the last empty line
    if cut < 0:
        raise BadCheckpoint("the note has no empty line before its signatures")
    text, signatures = note[: cut + 1], note[cut + 2 :]
    if not signatures:
        raise BadCheckpoint("the note has no signature line")
    verified = False
    seen: list[str] = []
    for line in signatures[:-1].split("\n"):
        match = re.fullmatch(EM_DASH + r" (\S+) (\S+)", line)
        if not match:
            raise BadCheckpoint(f"malformed signature line {line!r}")
        name, blob = match.groups()
        raw = strict_b64decode(blob, f"the signature by {name}", BadCheckpoint)
        if len(raw) < 5:
            raise BadCheckpoint(f"the signature by {name} is shorter than a key id and a signature")
        signer = int.from_bytes(raw[:4], "big")
        seen.append(f"{name}+{signer:08x}")
        if name != key.name or signer != key.key_id:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(key.public_key).verify(raw[4:], text.encode("utf-8"))
        except InvalidSignature as exc:
            raise BadSignature(f"the signature by {key} does not verify over the note text") from exc
        verified = True
    if not verified:
        raise BadSignature(f"no signature by {key}; the note is signed by {', '.join(seen)}")
    return text


def parse_checkpoint(text: str) -> Checkpoint:
    """Origin, tree size and root hash of a checkpoint's note text (C2SP tlog-checkpoint)."""
    if not text.endswith("\n"):
        raise BadCheckpoint("the checkpoint text does not end with a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise BadCheckpoint(f"the checkpoint has {len(lines)} lines, at least 3 are required")
    origin, size, root, *extensions = lines
    if not origin:
        raise BadCheckpoint("the checkpoint's origin line is empty")
    if not re.fullmatch(r"0|[1-9][0-9]*", size):
        raise BadCheckpoint(f"the checkpoint's tree size {size!r} is not a decimal without leading zeroes")
    root_hash = strict_b64decode(root, "the checkpoint's root hash", BadCheckpoint)
    if len(root_hash) != HASH_SIZE:
        raise BadCheckpoint(f"the checkpoint's root hash is {len(root_hash)} bytes, not {HASH_SIZE}")
    if any(not line for line in extensions):
        raise BadCheckpoint("the checkpoint has an empty extension line")
    return Checkpoint(origin, int(size), root_hash, tuple(extensions))


def read_checkpoint(note: str, key: VerifierKey) -> Checkpoint:
    return parse_checkpoint(open_note(note, key))


# --- the whole log ----------------------------------------------------------------------------


def read_file(log: Path, path: str, error: type[VerificationError]) -> bytes:
    try:
        return (log / path).read_bytes()
    except FileNotFoundError as exc:
        raise error(f"{log / path} is missing") from exc


def read_text(log: Path, path: str) -> str:
    data = read_file(log, path, BadCheckpoint)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadCheckpoint(f"{log / path} is not UTF-8") from exc


def read_entries(log: Path, size: int) -> list[bytes]:
    """Every entry of a tree of `size`, from its entry bundles."""
    entries: list[bytes] = []
    for ref in iter_tiles(size):
        if ref.level > 0:
            break
        path = ref.path(entries=True)
        entries += parse_bundle(read_file(log, path, BadTile), ref.width, path)
    return entries


def check_tiles(log: Path, leaf_hashes: Sequence[bytes]) -> list[TileRef]:
    """Check every hash tile of the tree against hashes recomputed from the leaves.

    Level 0 holds the leaf hashes; a hash at level l >= 1 is MTH of one full tile at level
    l-1, that is of 256**l consecutive leaves."""
    layout = tile_layout(len(leaf_hashes))
    level_hashes = list(leaf_hashes)  # one hash per full subtree of 256**level leaves
    level = 0
    for ref in layout:
        if ref.level != level:
            level_hashes = [
                tree_hash(level_hashes, i, i + TILE_WIDTH)
                for i in range(0, len(level_hashes) - TILE_WIDTH + 1, TILE_WIDTH)
            ]
            level = ref.level
        path = ref.path()
        data = read_file(log, path, BadTile)
        if len(data) != ref.width * HASH_SIZE:
            raise BadTile(f"{path}: {len(data)} bytes, a tile of {ref.width} hashes is {ref.width * HASH_SIZE}")
        first = ref.index * TILE_WIDTH
        for i in range(ref.width):
            if data[i * HASH_SIZE : (i + 1) * HASH_SIZE] != level_hashes[first + i]:
                span = TILE_WIDTH**ref.level
                what = (
                    f"the leaf hash of entry {first + i} in {tile_path('entries', ref.index, ref.width)}"
                    if ref.level == 0
                    else f"MTH of entries {(first + i) * span}..{(first + i + 1) * span - 1}"
                )
                raise BadTile(f"{path}: hash {i} is not {what}")
    return layout


def verify(site_dir: str | Path, old_checkpoint_text: str | None = None, vkey_text: str | None = None) -> Report:
    """Verify the log under `site_dir/log`; raise a VerificationError naming what failed.

    `vkey_text` is a verifier key the caller trusts (otherwise `log/vkey` is used). With
    `old_checkpoint_text` (an earlier checkpoint signed by the same key), also prove that the
    earlier tree is a prefix of the current one."""
    log = Path(site_dir) / "log"
    if not log.is_dir():
        raise BadCheckpoint(f"{log} is missing: the site publishes no transparency log")
    key = parse_vkey(vkey_text if vkey_text is not None else read_text(log, "vkey"))
    checkpoint = read_checkpoint(read_text(log, "checkpoint"), key)

    entries = read_entries(log, checkpoint.size)
    leaf_hashes = [leaf_hash(e) for e in entries]
    layout = check_tiles(log, leaf_hashes)
    root = tree_hash(leaf_hashes)
    if root != checkpoint.root:
        raise RootMismatch(
            f"the root recomputed from the {checkpoint.size} entries is {b64(root)}, "
            f"the checkpoint says {b64(checkpoint.root)}"
        )
    report = Report(
        origin=checkpoint.origin,
        size=checkpoint.size,
        root=root,
        key=str(key),
        bundles=sum(1 for t in layout if t.level == 0),
        level0_tiles=sum(1 for t in layout if t.level == 0),
        tiles=len(layout),
    )
    if old_checkpoint_text is None:
        return report

    try:
        old = read_checkpoint(old_checkpoint_text, key)
    except VerificationError as exc:
        raise type(exc)(f"old checkpoint: {exc}") from exc
    if old.origin != checkpoint.origin:
        raise NotAPrefix(f"the old checkpoint is of log {old.origin!r}, this one of {checkpoint.origin!r}")
    if old.size > checkpoint.size:
        raise NotAPrefix(f"the tree shrank from {old.size} to {checkpoint.size} entries")
    prefix_root = tree_hash(leaf_hashes, 0, old.size)
    if prefix_root != old.root:
        raise NotAPrefix(
            f"the first {old.size} entries now hash to {b64(prefix_root)}, the old checkpoint says "
            f"{b64(old.root)}: history was rewritten"
        )
    proof = consistency_proof(old.size, leaf_hashes)
    verify_consistency(old.size, checkpoint.size, proof, old.root, checkpoint.root)
    return replace(report, old_size=old.size, old_root=old.root, consistency_proof=tuple(proof))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify a tiled transparency log served as static files.")
    parser.add_argument("site", help="a directory holding log/checkpoint, log/vkey and log/tile/")
    parser.add_argument("--since", metavar="OLD_CHECKPOINT", help="an earlier checkpoint: prove it is a prefix")
    parser.add_argument("--vkey", metavar="FILE", help="the verifier key you trust (default: SITE/log/vkey)")
    args = parser.parse_args(argv)
    try:
        # Bytes, then UTF-8: text mode would quietly turn a CRLF note into a valid one.
        old = Path(args.since).read_bytes().decode("utf-8") if args.since else None
        vkey = Path(args.vkey).read_bytes().decode("utf-8") if args.vkey else None
        report = verify(args.site, old, vkey)
    except (VerificationError, OSError, UnicodeDecodeError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
