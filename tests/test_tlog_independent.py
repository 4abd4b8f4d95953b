"""The independent transparency-log verifier (tests/independent/tlog_verifier.py), and Aduan's
published log checked by it ("Done means" of issue 12).

The unit tests run the verifier on logs this file writes by hand from the specs (RFC 6962,
C2SP tlog-tiles, tlog-checkpoint, signed-note), hashing bottom-up (an odd last node is carried
up a level), not by the recursive split the verifier uses, and on published known answers. The
last test drives the `aduan` command as a user would and verifies what two builds publish."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from conftest import REPO
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from independent import tlog_verifier as tv

VERIFIER = REPO / "tests" / "independent" / "tlog_verifier.py"
ADUAN = Path(sys.executable).parent / "aduan"
ORIGIN = "example.test/aduan-log"


# --- a log written by hand from the specs ---------------------------------------------------


def signer(seed: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed.encode()).digest())


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def note_key_id(name: str, key: Ed25519PrivateKey) -> bytes:
    return hashlib.sha256(name.encode() + b"\n\x01" + raw_public(key)).digest()[:4]


def vkey_of(name: str, key: Ed25519PrivateKey) -> str:
    encoded = base64.b64encode(bytes([1]) + raw_public(key)).decode()
    return f"{name}+{note_key_id(name, key).hex()}+{encoded}"


def sign_note(text: str, name: str, key: Ed25519PrivateKey, key_id: bytes | None = None) -> str:
    blob = (key_id or note_key_id(name, key)) + key.sign(text.encode())
    return f"{text}\n\u2014 {name} {base64.b64encode(blob).decode()}\n"


def tree_levels(entries: Sequence[bytes]) -> list[list[bytes]]:
    """levels[h][j]: the node at height h; for j < n >> h, MTH of the leaves j*2**h..(j+1)*2**h-1."""
    levels = [[hashlib.sha256(b"\x00" + e).digest() for e in entries]]
    while len(levels[-1]) > 1:
        below = levels[-1]
        above = [hashlib.sha256(b"\x01" + below[i] + below[i + 1]).digest() for i in range(0, len(below) - 1, 2)]
        if len(below) % 2:
            above.append(below[-1])
        levels.append(above)
    return levels


def index_path(n: int) -> str:
    digits = f"{n:03d}"
    digits = "0" * (-len(digits) % 3) + digits
    groups = [digits[i : i + 3] for i in range(0, len(digits), 3)]
    return "/".join(["x" + g for g in groups[:-1]] + groups[-1:])


def write_tile(log: Path, level: str, index: int, width: int, data: bytes) -> None:
    path = log / "tile" / level / (index_path(index) + ("" if width == 256 else f".p/{width}"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_log(site: Path, entries: Sequence[bytes], key: Ed25519PrivateKey, origin: str = ORIGIN) -> str:
    """Publish `entries` under site/log as tlog-tiles says; return the signed checkpoint."""
    log = site / "log"
    n = len(entries)
    levels = tree_levels(entries) if entries else [[]]
    for start in range(0, n, 256):
        chunk = entries[start : start + 256]
        bundle = b"".join(len(e).to_bytes(2, "big") + e for e in chunk)
        write_tile(log, "entries", start // 256, len(chunk), bundle)
    tile_level = 0
    while n >> (8 * tile_level):
        full_subtrees = levels[8 * tile_level][: n >> (8 * tile_level)]
        for start in range(0, len(full_subtrees), 256):
            chunk = full_subtrees[start : start + 256]
            write_tile(log, str(tile_level), start // 256, len(chunk), b"".join(chunk))
        tile_level += 1
    root = levels[-1][0] if entries else hashlib.sha256(b"").digest()
    checkpoint = sign_note(f"{origin}\n{n}\n{base64.b64encode(root).decode()}\n", origin, key)
    log.mkdir(parents=True, exist_ok=True)
    (log / "checkpoint").write_text(checkpoint)
    (log / "vkey").write_text(vkey_of(origin, key) + "\n")
    return checkpoint


def sample_entries(n: int, variant: str = "") -> list[bytes]:
    # Lengths vary from 0 to 700 bytes: the 2-byte length prefix is exercised beyond 255.
    return [(f"update {i}{variant}|".encode() * (i % 37))[: (i * 7) % 701] for i in range(n)]


KEY = signer("aduan test log")


@pytest.fixture
def log600(tmp_path: Path) -> Path:
    write_log(tmp_path, sample_entries(600), KEY)
    return tmp_path


def rewrite_bundle(site: Path, path: str, index: int, entry: bytes) -> None:
    file = site / "log" / path
    entries = tv.parse_bundle(file.read_bytes(), 256 if ".p/" not in path else int(path.rsplit("/", 1)[1]), path)
    entries[index] = entry
    file.write_bytes(b"".join(len(e).to_bytes(2, "big") + e for e in entries))


# --- known answers --------------------------------------------------------------------------

# RFC 6962 test data of transparency-dev/merkle (testonly/constants.go), also used by
# certificate-transparency-go: the leaf inputs and the root of every tree over their prefixes.
KAT_LEAVES = [
    bytes.fromhex(h)
    for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
]
KAT_ROOTS = {
    0: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    1: "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    2: "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    3: "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    4: "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    5: "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    6: "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    7: "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    8: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
}
# Consistency proofs of the same file's proof/verify_test.go.
KAT_PROOFS = {
    (1, 8): [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    (6, 8): [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
    (2, 5): [
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
    (6, 7): [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
}


def kat_root(size: int) -> bytes:
    return bytes.fromhex(KAT_ROOTS[size])


def test_rfc6962_roots_known_answers() -> None:
    assert tv.EMPTY_ROOT.hex() == KAT_ROOTS[0]
    hashes = [tv.leaf_hash(e) for e in KAT_LEAVES]
    for size in range(9):
        assert tv.tree_hash(hashes[:size]) == kat_root(size), size
        assert (tree_levels(KAT_LEAVES[:size])[-1][0] if size else tv.EMPTY_ROOT) == kat_root(size), size


@pytest.mark.parametrize(("old", "new"), sorted(KAT_PROOFS))
def test_rfc6962_consistency_proofs_known_answers(old: int, new: int) -> None:
    expected = [bytes.fromhex(h) for h in KAT_PROOFS[(old, new)]]
    hashes = [tv.leaf_hash(e) for e in KAT_LEAVES[:new]]
    assert tv.consistency_proof(old, hashes) == expected
    tv.verify_consistency(old, new, expected, kat_root(old), kat_root(new))
    # Every corruption of the proof, the sizes or the roots is refused (the probes of
    # transparency-dev/merkle's corruptConsistencyProof).
    other = hashlib.sha256(b"some other hash").digest()
    flipped = [expected[:i] + [bytes([h[0] ^ 16]) + h[1:]] + expected[i + 1 :] for i, h in enumerate(expected)]
    probes = [
        (old - 1, new, expected, kat_root(old), kat_root(new)),
        (old + 1, new, expected, kat_root(old), kat_root(new)),
        (old ^ 2, new, expected, kat_root(old), kat_root(new)),
        (old, new * 2, expected, kat_root(old), kat_root(new)),
        (old, new // 2, expected, kat_root(old), kat_root(new)),
        (old, new, expected, other, kat_root(new)),
        (old, new, expected, kat_root(old), other),
        (old, new, expected, kat_root(new), kat_root(old)),
        (old, new, [], kat_root(old), kat_root(new)),
        (old, new, expected + [kat_root(old)], kat_root(old), kat_root(new)),
        (old, new, [kat_root(new)] + expected, kat_root(old), kat_root(new)),
        (old, new, [expected[0]] + expected, kat_root(old), kat_root(new)),
        (old, new, expected[:-1], kat_root(old), kat_root(new)),
        *((old, new, proof, kat_root(old), kat_root(new)) for proof in flipped),
    ]
    for m, n, proof, r1, r2 in probes:
        with pytest.raises(tv.NotAPrefix):
            tv.verify_consistency(m, n, proof, r1, r2)


def test_c2sp_merkle_tree_example_proofs() -> None:
    # The 7-entry example of C2SP merkle-tree.md, with its node labels.
    d = [f"d{i}".encode() for i in range(7)]
    a, b, c, dd, e, f, g = (tv.leaf_hash(x) for x in d)
    h, i, j = tv.node_hash(a, b), tv.node_hash(c, dd), tv.node_hash(e, f)
    k, leaf_l = tv.node_hash(h, i), tv.node_hash(j, g)
    leaves = [a, b, c, dd, e, f, g]
    assert tv.tree_hash(leaves) == tv.node_hash(k, leaf_l)
    assert tv.consistency_proof(3, leaves) == [c, dd, h, leaf_l]
    assert tv.consistency_proof(4, leaves) == [leaf_l]
    assert tv.consistency_proof(6, leaves) == [j, g, k]
    for m in range(8):
        tv.verify_consistency(m, 7, tv.consistency_proof(m, leaves), tv.tree_hash(leaves[:m]), tv.tree_hash(leaves))


def test_trivial_consistency() -> None:
    root = kat_root(3)
    tv.verify_consistency(0, 3, [], tv.EMPTY_ROOT, root)
    tv.verify_consistency(3, 3, [], root, root)
    for proof, r1 in (([root], root), ([], kat_root(2))):
        with pytest.raises(tv.NotAPrefix):
            tv.verify_consistency(3, 3, proof, r1, root)
    with pytest.raises(tv.NotAPrefix, match="shrank"):
        tv.verify_consistency(4, 3, [], kat_root(4), root)


def test_go_signed_note_known_answer() -> None:
    # golang.org/x/mod/sumdb/note: the example note and verifier key of its documentation.
    vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    sig = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    key = tv.parse_vkey(vkey)
    assert (key.name, key.key_id) == ("PeterNeumann", 0xC74F20A3)
    assert tv.open_note(text + "\n" + sig, key) == text
    with pytest.raises(tv.BadSignature):
        tv.open_note(text.replace("answer", "Answer") + "\n" + sig, key)
    with pytest.raises(tv.BadKey, match="key id"):
        tv.parse_vkey(vkey.replace("c74f20a3", "c74f20a4"))
    assert tv.parse_vkey(vkey.replace("c74f20a3", "C74F20A3")) == key  # hex, as Go's note parses it
    for mangled in (vkey[:-4], vkey.replace("+", " ", 1), "+c74f20a3+" + vkey.split("+", 2)[2], vkey + "A"):
        with pytest.raises(tv.BadKey):
            tv.parse_vkey(mangled)
    # A base64 key holding '+' (transparency-dev/formats' test key) still parses.
    assert tv.parse_vkey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").key_id == 0x7997405C


def test_tile_paths_and_layout_follow_tlog_tiles() -> None:
    assert tv.encode_index(1234067) == "x001/x234/067"
    assert [tv.encode_index(n) for n in (0, 7, 999, 1000, 1000000)] == [
        "000",
        "007",
        "999",
        "x001/000",
        "x001/x000/000",
    ]
    assert [index_path(n) for n in (0, 999, 1000, 1234067)] == ["000", "999", "x001/000", "x001/x234/067"]
    assert (
        tv.tile_path(0, 3) == "tile/0/003" and tv.tile_path("entries", 1234067, 17) == "tile/entries/x001/x234/067.p/17"
    )
    # The spec's example: size 70,000 is 273 full level-0 tiles, one of width 112, one full
    # level-1 tile, one of width 17 and a level-2 tile of width 1; size 256 needs tile/1/000.p/1.
    layout = tv.tile_layout(70000)
    assert sum(t.level == 0 and t.width == 256 for t in layout) == 273
    assert [(t.level, t.index, t.width) for t in layout if t.width < 256 or t.level > 0] == [
        (0, 273, 112),
        (1, 0, 256),
        (1, 1, 17),
        (2, 0, 1),
    ]
    assert [(t.level, t.index, t.width) for t in tv.tile_layout(256)] == [(0, 0, 256), (1, 0, 1)]
    assert tv.tile_layout(0) == []


# --- hand-built logs ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 2, 3, 7, 256, 257, 600])
def test_a_hand_built_log_verifies(tmp_path: Path, size: int) -> None:
    checkpoint = write_log(tmp_path, sample_entries(size), KEY)
    report = tv.verify(tmp_path)
    root = base64.b64decode(checkpoint.split("\n")[2])
    assert (report.origin, report.size, report.root) == (ORIGIN, size, root)
    assert report.level0_tiles == -(-size // 256)
    assert report.tiles == sum(1 for _ in (tmp_path / "log" / "tile").rglob("*") if _.is_file()) - report.bundles


@pytest.mark.parametrize(
    ("old", "new"), [(0, 3), (1, 2), (2, 3), (3, 7), (7, 256), (256, 257), (257, 600), (1, 600), (600, 600)]
)
def test_an_older_checkpoint_of_the_same_log_is_a_prefix(tmp_path: Path, old: int, new: int) -> None:
    entries = sample_entries(new)
    old_checkpoint = write_log(tmp_path / "before", entries[:old], KEY)
    write_log(tmp_path / "after", entries, KEY)
    report = tv.verify(tmp_path / "after", old_checkpoint)
    assert (report.old_size, report.size) == (old, new)
    assert report.old_root == base64.b64decode(old_checkpoint.split("\n")[2])
    assert len(report.consistency_proof) == (0 if old in (0, new) else len(tv.consistency_proof(old, [b""] * new)))


def test_a_tampered_entry_is_rejected(log600: Path) -> None:
    rewrite_bundle(log600, "tile/entries/001", 5, b"a backdated response")
    with pytest.raises(tv.BadTile, match=r"tile/0/001: hash 5 is not the leaf hash of entry 261"):
        tv.verify(log600)


def test_a_tampered_entry_with_its_level0_tile_rewritten_is_rejected(log600: Path) -> None:
    rewrite_bundle(log600, "tile/entries/000", 9, b"deleted rejection")
    tile = log600 / "log" / "tile" / "0" / "000"
    data = bytearray(tile.read_bytes())
    data[9 * 32 : 10 * 32] = tv.leaf_hash(b"deleted rejection")
    tile.write_bytes(bytes(data))
    with pytest.raises(tv.BadTile, match=r"tile/1/000.p/2: hash 0 is not MTH of entries 0..255"):
        tv.verify(log600)
    # Rewriting the level-1 tile too leaves the checkpoint's root to catch it.
    level1 = log600 / "log" / "tile" / "1" / "000.p" / "2"
    hashes = [tv.leaf_hash(e) for e in tv.read_entries(log600 / "log", 600)]
    level1.write_bytes(tv.tree_hash(hashes, 0, 256) + level1.read_bytes()[32:])
    with pytest.raises(tv.RootMismatch):
        tv.verify(log600)


@pytest.mark.parametrize("path", ["tile/0/000", "tile/0/002.p/88", "tile/1/000.p/2"])
def test_a_tampered_tile_is_rejected(log600: Path, path: str) -> None:
    tile = log600 / "log" / path
    data = bytearray(tile.read_bytes())
    data[-1] ^= 1
    tile.write_bytes(bytes(data))
    with pytest.raises(tv.BadTile, match=path.replace(".", r"\.")):
        tv.verify(log600)


@pytest.mark.parametrize(
    ("mangle", "error"),
    [
        (lambda b: b[:-1], "announces"),
        (lambda b: b + b"\x00", "truncated length prefix"),
        (lambda b: b + b"\x00\x00", "holds 89 entries"),
    ],
)
def test_a_malformed_bundle_is_rejected(log600: Path, mangle: Callable[[bytes], bytes], error: str) -> None:
    bundle = log600 / "log" / "tile" / "entries" / "002.p" / "88"
    bundle.write_bytes(mangle(bundle.read_bytes()))
    with pytest.raises(tv.BadTile, match=error):
        tv.verify(log600)


@pytest.mark.parametrize("path", ["tile/entries/002.p/88", "tile/0/001", "tile/1/000.p/2", "checkpoint", "vkey"])
def test_a_missing_file_is_named(log600: Path, path: str) -> None:
    (log600 / "log" / path).unlink()
    with pytest.raises(tv.VerificationError, match=f"{path.replace('.', '[.]')} is missing"):
        tv.verify(log600)


def test_a_checkpoint_larger_than_the_published_entries_is_rejected(log600: Path) -> None:
    root = base64.b64encode(hashlib.sha256(b"anything").digest()).decode()
    for size, missing in ((601, "tile/entries/002.p/89"), (2**40, "tile/entries/002 is missing")):
        (log600 / "log" / "checkpoint").write_text(sign_note(f"{ORIGIN}\n{size}\n{root}\n", ORIGIN, KEY))
        with pytest.raises(tv.BadTile, match=missing):
            tv.verify(log600)


def test_a_forged_checkpoint_is_rejected(log600: Path) -> None:
    checkpoint = log600 / "log" / "checkpoint"
    genuine = checkpoint.read_text()
    text, signature = genuine.split("\n\n")
    hashes = [tv.leaf_hash(e) for e in sample_entries(599)]
    forgeries = {
        # the body of a smaller tree under the genuine signature
        "a changed body": genuine.replace("\n600\n", "\n599\n"),
        # a signature flipped in one bit
        "a changed signature": text + "\n\n" + signature[:-6] + ("A" if signature[-6] != "A" else "B") + signature[-5:],
        # a fresh key under the log's name: its key id differs, so it is not the log's signature
        "another key": sign_note(text + "\n", ORIGIN, signer("intruder")),
        # a fresh key claiming the log's key id: it must fail to verify
        "a stolen key id": sign_note(text + "\n", ORIGIN, signer("intruder"), note_key_id(ORIGIN, KEY)),
        # no signature at all
        "unsigned": text + "\n\n",
    }
    for what, note in forgeries.items():
        checkpoint.write_text(note)
        with pytest.raises((tv.BadSignature, tv.BadCheckpoint)):
            tv.verify(log600)
            pytest.fail(what)
    # A checkpoint signed by another key is accepted only when its vkey is published and trusted.
    intruder = signer("intruder")
    root = base64.b64encode(tv.tree_hash(hashes)).decode()
    checkpoint.write_text(sign_note(f"{ORIGIN}\n599\n{root}\n", ORIGIN, intruder))
    with pytest.raises(tv.BadSignature, match="no signature by"):
        tv.verify(log600)
    with pytest.raises(tv.BadSignature):
        tv.verify(log600, vkey_text=vkey_of(ORIGIN, KEY))
    # Also signed by the genuine key (a cosigned note): the unknown signature is ignored.
    checkpoint.write_text(genuine + sign_note("x\n", "witness.example", intruder).split("\n\n")[1])
    assert tv.verify(log600).size == 600


def test_a_rewritten_history_is_rejected(tmp_path: Path) -> None:
    entries = sample_entries(600)
    old_checkpoint = write_log(tmp_path / "first", entries[:300], KEY)
    rewritten = list(entries)
    rewritten[100] = b"the rejection nobody should see"
    write_log(tmp_path / "second", rewritten, KEY)
    assert tv.verify(tmp_path / "second").size == 600  # consistent with itself, signed by the log
    with pytest.raises(tv.NotAPrefix, match="first 300 entries now hash to"):
        tv.verify(tmp_path / "second", old_checkpoint)
    # The consistency proof itself fails too, whoever computes it.
    proof = tv.consistency_proof(300, [tv.leaf_hash(e) for e in rewritten])
    old_root = base64.b64decode(old_checkpoint.split("\n")[2])
    with pytest.raises(tv.NotAPrefix):
        tv.verify_consistency(300, 600, proof, old_root, tv.tree_hash([tv.leaf_hash(e) for e in rewritten]))
    # A shrunk log, or a different log's checkpoint, is not a continuation either.
    write_log(tmp_path / "shrunk", entries[:299], KEY)
    with pytest.raises(tv.NotAPrefix, match="shrank"):
        tv.verify(tmp_path / "shrunk", old_checkpoint)
    other_text = old_checkpoint.split("\n\n")[0].replace(ORIGIN, "example.test/another-log", 1) + "\n"
    with pytest.raises(tv.NotAPrefix, match="another-log"):
        tv.verify(tmp_path / "first", sign_note(other_text, ORIGIN, KEY))
    with pytest.raises(tv.BadSignature, match="old checkpoint"):
        tv.verify(tmp_path / "second", write_log(tmp_path / "forged", entries[:300], signer("someone else")))


def test_the_command_line(tmp_path: Path, log600: Path) -> None:
    old = tmp_path / "old-checkpoint"
    old.write_text(write_log(tmp_path / "before", sample_entries(257), KEY))
    ok = subprocess.run(
        [sys.executable, str(VERIFIER), str(log600), "--since", str(old)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert "the tree of size 257" in ok.stdout and ok.stdout.endswith("OK\n")
    (log600 / "log" / "tile" / "0" / "001").write_bytes(b"\x00" * 8192)
    bad = subprocess.run([sys.executable, str(VERIFIER), str(log600)], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.startswith("FAILED: ") and "tile/0/001" in bad.stderr


# --- Aduan's own log, as a user checks it -------------------------------------------------------


def aduan(data: Path, *args: str) -> str:
    result = subprocess.run(
        [str(ADUAN), *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
        env={**os.environ, "ADUAN_DATA": str(data)},
    )
    assert result.returncode == 0, f"aduan {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def published(site: Path) -> int:
    return int(json.loads((site / "data" / "reports.json").read_text())["count"])


def test_two_builds_publish_a_log_the_independent_verifier_accepts(tmp_path: Path) -> None:
    data, site = tmp_path / "data", tmp_path / "site"
    aduan(data, "demo", "--count", "40", "--seed", "1")
    aduan(data, "build", "--output", str(site))
    first_count = published(site)
    assert first_count > 0
    # Fails (not skips) while the site has no log: issue 12 asks every build to publish one.
    assert (site / "log").is_dir(), f"aduan build published no transparency log: {site / 'log'} is missing"
    first = tv.verify(site)
    first_log = shutil.copytree(site / "log", tmp_path / "first-log")
    old_checkpoint = (first_log / "checkpoint").read_text(encoding="utf-8")

    more = tmp_path / "more.jsonl"
    aduan(data, "demo", "--count", "20", "--seed", "2", "--write", str(more))
    aduan(data, "import", str(more))
    aduan(data, "build", "--output", str(site))
    assert published(site) > first_count, "the imported reports did not become public"

    second = tv.verify(site, old_checkpoint)
    assert second.origin == first.origin and second.key == first.key
    assert second.size > first.size, "the log did not grow though new updates were published"
    assert (second.old_size, second.old_root) == (first.size, first.root)
    assert second.level0_tiles == -(-second.size // 256)
    # Full tiles and bundles never change once written.
    full = [t for t in tv.tile_layout(first.size) if t.width == 256]
    for path in [t.path() for t in full] + [t.path(entries=True) for t in full if t.level == 0]:
        assert (site / "log" / path).read_bytes() == (first_log / path).read_bytes(), path
    # And the same through the verifier's command line, as a watcher runs it.
    saved = tmp_path / "checkpoint.old"
    saved.write_text(old_checkpoint, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(VERIFIER), str(site), "--since", str(saved)], capture_output=True, text=True
    )
    assert run.returncode == 0 and f"the tree of size {first.size}" in run.stdout, run.stderr
