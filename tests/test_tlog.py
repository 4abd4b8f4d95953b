"""The transparency log: known answers from RFC 6962 / C2SP / Go's note package, and real site
builds checked by `aduan log verify` (tampering, forgery, rewritten history, append-only)."""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import json
import os
import random
import shutil
import sqlite3
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_fixtures import REPO, make_record, make_records, write_public_dataset

sys.path.insert(0, str(REPO / "plugins"))

from aduan_site.build import build  # noqa: E402
from aduan_site.output import PublicationRefused  # noqa: E402
from chalicelib.cli import main  # noqa: E402
from chalicelib.tlog import merkle, tiles  # noqa: E402
from chalicelib.tlog.checkpoint import Checkpoint  # noqa: E402
from chalicelib.tlog.entry import Entry, canonical_json, update_digest  # noqa: E402
from chalicelib.tlog.note import NoteError, Signer, Verifier, open_note  # noqa: E402

# -- RFC 6962 known answers (the vectors of the reference implementations' test suites) --------

LEAVES = [
    bytes.fromhex(h)
    for h in ("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = [  # (index, size, proof)
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]  # fmt: skip
CONSISTENCY = [  # (old size, new size, proof)
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
]  # fmt: skip


def tree_of(entries: list[bytes]) -> merkle.Tree:
    return merkle.Tree(merkle.extend_levels([[]], [merkle.leaf_hash(e) for e in entries]))


def test_rfc6962_roots_and_empty_tree() -> None:
    assert merkle.Tree([[]]).root().hex() == hashlib.sha256(b"").hexdigest()
    for n in range(1, 9):
        tree = tree_of(LEAVES[:n])
        assert tree.root().hex() == ROOTS[n - 1]
        assert merkle.root_of_leaves(tree.levels[0]).hex() == ROOTS[n - 1]


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION)
def test_rfc6962_inclusion_proofs(index: int, size: int, proof: list[str]) -> None:
    tree = tree_of(LEAVES[:size])
    assert [h.hex() for h in tree.inclusion_proof(index)] == proof
    leaf = merkle.leaf_hash(LEAVES[index])
    root = bytes.fromhex(ROOTS[size - 1])
    assert merkle.verify_inclusion(index, size, leaf, root, [bytes.fromhex(h) for h in proof])
    assert not merkle.verify_inclusion(index, size, merkle.leaf_hash(b"other"), root, [bytes.fromhex(h) for h in proof])


@pytest.mark.parametrize(("old", "new", "proof"), CONSISTENCY)
def test_rfc6962_consistency_proofs(old: int, new: int, proof: list[str]) -> None:
    tree = tree_of(LEAVES[:new])
    assert [h.hex() for h in tree.consistency_proof(old)] == proof
    hashes = [bytes.fromhex(h) for h in proof]
    old_root, new_root = bytes.fromhex(ROOTS[old - 1]), bytes.fromhex(ROOTS[new - 1])
    assert merkle.verify_consistency(old, new, old_root, new_root, hashes)
    assert not merkle.verify_consistency(old, new, new_root, old_root, hashes)
    assert not merkle.verify_consistency(old, new, old_root, new_root, hashes[:-1])
    flipped = [bytes([hashes[0][0] ^ 16]) + hashes[0][1:], *hashes[1:]]
    assert not merkle.verify_consistency(old, new, old_root, new_root, flipped)


def test_tile_levels_give_the_same_roots_and_proofs_across_tile_boundaries() -> None:
    """Roots from the tile levels (what a build keeps) equal the plain RFC 6962 recursion."""
    rng = random.Random(6962)
    entries = [rng.randbytes(rng.randrange(1, 40)) for _ in range(70_000 // 100)]
    leaf_hashes = [merkle.leaf_hash(e) for e in entries]
    levels = merkle.extend_levels([[]], leaf_hashes[:300])
    levels = merkle.extend_levels(levels, leaf_hashes[300:])  # appending in two steps = in one
    assert levels == merkle.extend_levels([[]], leaf_hashes)
    assert len(levels[1]) == len(entries) // 256
    for size in (1, 255, 256, 257, 511, 512, 513, 600, len(entries)):
        tree = merkle.Tree(levels, size)
        assert tree.root() == merkle.root_of_leaves(leaf_hashes[:size])
    new = merkle.Tree(levels)
    for old in (1, 200, 256, 257, 512, 699):
        proof = new.consistency_proof(old)
        old_root = merkle.root_of_leaves(leaf_hashes[:old])
        assert merkle.verify_consistency(old, new.size, old_root, new.root(), proof)
        assert not merkle.verify_consistency(
            old, new.size, merkle.root_of_leaves(leaf_hashes[1 : old + 1]), new.root(), proof
        )


# -- C2SP tlog-tiles ------------------------------------------------------------------------------


def test_tile_paths_as_the_spec_writes_them() -> None:
    assert tiles.index_path(1234067) == "x001/x234/067"
    assert tiles.index_path(0) == "000" and tiles.index_path(1000) == "x001/000"
    assert tiles.Tile(0, 5, 17).path() == "tile/0/005.p/17"
    assert tiles.Tile(2, 1234067).path() == "tile/2/x001/x234/067"
    assert tiles.Tile("entries", 1, 3).path() == "tile/entries/001.p/3"
    for tile in (tiles.Tile(0, 1234067, 8), tiles.Tile(63, 0), tiles.Tile("entries", 999)):
        assert tiles.parse_path(tile.path()) == tile
    for bad in ("tile/00/000", "tile/0/1234", "tile/0/000.p/256", "tile/0/000.p/0", "tile/64/000", "tile/0/x1/000"):
        with pytest.raises(ValueError):
            tiles.parse_path(bad)


def test_which_tiles_a_tree_has_matches_the_spec_examples() -> None:
    # "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0
    # tile of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one
    # partial level 2 tile of width 1."
    found = list(tiles.tiles(70_000))
    assert [t for t in found if t.level == 0 and not t.partial] == [tiles.Tile(0, i) for i in range(273)]
    assert [t for t in found if t.partial] == [tiles.Tile(0, 273, 112), tiles.Tile(1, 1, 17), tiles.Tile(2, 0, 1)]
    assert tiles.Tile(1, 0) in found and len(found) == 273 + 1 + 1 + 1 + 1
    # "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1."
    assert list(tiles.tiles(256)) == [tiles.Tile(0, 0), tiles.Tile(1, 0, 1)]
    assert list(tiles.tiles(0)) == [] and list(tiles.bundles(3)) == [tiles.Tile("entries", 0, 3)]
    # Appending 2 entries to 300 makes only the last partial tiles again; the full ones stay.
    assert tiles.new_tiles(300, 302) == [
        tiles.Tile(0, 1, 46),
        tiles.Tile("entries", 1, 46),
    ]
    # An earlier checkpoint's partial tile is served until its full tile exists.
    assert tiles.still_served(300, 302) == [tiles.Tile(0, 1, 44), tiles.Tile(1, 0, 1), tiles.Tile("entries", 1, 44)]
    assert tiles.still_served(300, 512) == [tiles.Tile(1, 0, 1)]  # level 1 is still partial (width 2)


def test_entry_bundles_prefix_each_entry_with_its_length() -> None:
    entries = [b"", b"a", b"x" * 300]
    data = tiles.bundle_bytes(entries)
    assert data[:2] == b"\x00\x00" and data[2:5] == b"\x00\x01a" and data[5:7] == b"\x01\x2c"
    assert tiles.parse_bundle(data) == entries
    with pytest.raises(ValueError):
        tiles.parse_bundle(data[:-1])


# -- C2SP signed-note, tlog-checkpoint ------------------------------------------------------------

GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
GO_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"


def test_signed_note_known_answers() -> None:
    # The signed-note spec's own example.
    verifier = Verifier.from_vkey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
    note = (
        "This is an example message.\n\n"
        "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
    )
    assert open_note(note.encode(), verifier) == "This is an example message.\n"
    # Go's golang.org/x/mod/sumdb/note: the same key signs the same text to the same bytes.
    signer = Signer.from_skey(GO_SKEY)
    assert signer.verifier.vkey() == GO_VKEY and f"{signer.verifier.key_id:08x}" == "c74f20a3"
    assert signer.sign(GO_TEXT) == GO_TEXT + "\n" + GO_SIG
    assert Signer.from_skey(signer.skey()).skey() == GO_SKEY
    # Another key's signature is ignored; ours must be there and verify.
    peter = Verifier.from_vkey(GO_VKEY)
    assert open_note((GO_TEXT + "\n" + GO_SIG + ENOCH_SIG).encode(), peter) == GO_TEXT
    with pytest.raises(NoteError, match="no signature by"):
        open_note((GO_TEXT + "\n" + ENOCH_SIG).encode(), peter)
    with pytest.raises(NoteError, match="does not verify"):
        open_note((GO_TEXT.replace("think", "thunk") + "\n" + GO_SIG).encode(), peter)
    for bad in (
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3",
        "a b+c74f20a3+AA==",
    ):
        with pytest.raises(NoteError):
            Verifier.from_vkey(bad)


def test_checkpoint_format() -> None:
    checkpoint = Checkpoint(
        "example.com/behind-the-sofa", 20852163, base64.b64decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")
    )
    text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    assert checkpoint.text() == text and Checkpoint.parse(text) == checkpoint
    for bad in (text[:-1], text.replace("20852163", "020852163"), text.replace("Cs", "@@"), text + "\n"):
        with pytest.raises(NoteError):
            Checkpoint.parse(bad)


def test_an_entry_commits_to_the_update_as_updates_csv_publishes_it() -> None:
    update = {"date": "2026-03-05", "type": "status", "status": "in_progress", "agency": "pupr", "note": ""}
    row = {
        "tracking": "PSR-7K3M-9QX2",
        "seq": "3",
        "date": "2026-03-05",
        "type": "status",
        "status": "in_progress",
        "agency": "pupr",
        "note": "",
    }
    assert update_digest(update) == update_digest({k: v or None for k, v in row.items()})
    expected = b'{"agency":"pupr","date":"2026-03-05","note":null,"status":"in_progress","type":"status"}'
    assert update_digest(update) == base64.b64encode(hashlib.sha256(expected).digest()).decode()
    entry = Entry.of("PSR-7K3M-9QX2", 3, update)
    assert entry.encode() == canonical_json({"sha256": entry.sha256, "seq": 3, "tracking": "PSR-7K3M-9QX2", "v": 1})
    assert Entry.decode(entry.encode()) == entry
    assert update_digest({**update, "note": "Tim sudah survei"}) != entry.sha256
    assert canonical_json({"b": "é\n", "a": None}) == '{"a":null,"b":"é\\n"}'.encode()
    with pytest.raises(ValueError):
        Entry.decode(entry.encode().replace(b'"v":1', b'"v":2'))


# -- real site builds -----------------------------------------------------------------------------


def site_build(root: Path, records: list[dict], **kwargs: object) -> object:
    write_public_dataset(root / "data" / "public", records)
    return build(root / "out", data_dir=root / "data", search=False, **kwargs)  # type: ignore[arg-type]


def verify(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["log", "verify", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def built(tmp_path: Path) -> Path:
    site_build(tmp_path, make_records(30))
    return tmp_path


def test_a_build_publishes_a_log_that_verifies(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = built / "out"
    code, text = verify(str(out), capsys=capsys)
    assert code == 0, text
    updates = sum(len(r["timeline"]) for r in make_records(30))
    assert f"{updates} entries" in text and f"every update in data/updates.csv ({updates})" in text
    checkpoint = (out / "log" / "checkpoint").read_text()
    origin, size = checkpoint.splitlines()[:2]
    assert origin == "kota-pasuruan.aduan.invalid/log" and size == str(updates)
    vkey = (out / "log" / "vkey").read_text()
    assert vkey.startswith(origin + "+") and not vkey.endswith("\n")
    assert sorted(p.relative_to(out / "log").as_posix() for p in (out / "log").rglob("*") if p.is_file()) == [
        "checkpoint",
        f"tile/0/000.p/{updates}",
        f"tile/entries/000.p/{updates}",
        "vkey",
    ]
    # The key: created on first use, 0600, never published.
    key = built / "data" / "log" / "signing-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    # PRIVATE+KEY+<name>+<hex id>+<base64 seed>: the base64 may itself hold "+", so split from
    # the left (rsplit took a short tail of it, found by chance in the site: a flaky failure).
    secret = key.read_text().strip().split("+", 4)[4]
    assert len(secret) >= 44, secret
    assert not any(secret.encode() in p.read_bytes() for p in out.rglob("*") if p.is_file())
    # The key is printed where people look for it.
    datapackage = json.loads((out / "data" / "datapackage.json").read_text())
    assert datapackage["transparency_log"]["vkey"] == vkey
    for open_data in ("data-terbuka/index.html", "en/data-terbuka/index.html"):
        assert vkey in (out / open_data).read_text()
    # The page that explains it, in both languages, linked from every page's footer.
    for prefix in ("", "en/"):
        assert (out / prefix / "transparansi" / "index.html").is_file()
        assert f'href="/{prefix}transparansi/"' in (out / prefix / "index.html").read_text()
    # The snapshot of the day keeps the checkpoint, listed in its checksums.
    snapshot = next((out / "data" / "snapshots").glob("*/checkpoint"))
    assert snapshot.read_text() == checkpoint
    assert "  checkpoint\n" in (snapshot.parent / "SHA256SUMS").read_text()


def test_report_pages_list_their_updates_positions(built: Path) -> None:
    out = built / "out"
    entries = [
        Entry.decode(e) for e in tiles.parse_bundle(next((out / "log/tile/entries").glob("000.p/*")).read_bytes())
    ]
    record = make_records(30)[7]
    html = (out / "laporan" / record["tracking"] / "index.html").read_text()
    for seq, update in enumerate(record["timeline"], start=1):
        index = entries.index(Entry.of(record["tracking"], seq, update))
        assert f"Log #{index}</a>" in html


def test_a_tampered_entry_bundle_is_detected(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = next((built / "out/log/tile/entries").glob("000.p/*"))
    data = bundle.read_bytes()
    bundle.write_bytes(data.replace(b'"seq":2', b'"seq":3', 1))
    code, text = verify(str(built / "out"), capsys=capsys)
    assert code == 1 and "root hash" in text and "entry bundles" in text


def test_a_tampered_hash_tile_is_detected(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tile = next((built / "out/log/tile/0").glob("000.p/*"))
    data = tile.read_bytes()
    tile.write_bytes(bytes([data[0] ^ 1]) + data[1:])
    code, text = verify(str(built / "out"), capsys=capsys)
    assert code == 1 and "tile/0/000.p/" in text and "does not match" in text


def test_a_forged_checkpoint_is_detected(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = built / "out"
    real = (out / "log" / "checkpoint").read_text()
    text, _ = real.split("\n\n")
    origin = text.splitlines()[0]
    # Another key under the same name signs a checkpoint with another root.
    forger = Signer.generate(origin)
    forged = Checkpoint(origin, int(text.splitlines()[1]), hashlib.sha256(b"forged").digest())
    (out / "log" / "checkpoint").write_text(forger.sign(forged.text()))
    code, message = verify(str(out), capsys=capsys)
    assert code == 1 and "no signature by" in message
    # Our own signature line on an edited body does not verify either.
    (out / "log" / "checkpoint").write_text(real.replace(text.splitlines()[2], base64.b64encode(forged.root).decode()))
    code, message = verify(str(out), capsys=capsys)
    assert code == 1 and "does not verify" in message


def test_a_rewritten_history_is_detected(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An administrator backdates a response and rebuilds the log from scratch with the same key
    (state and published log deleted): the log verifies on its own, but not as an extension of
    yesterday's checkpoint."""
    old = built / "yesterday-checkpoint"
    old.write_bytes((built / "out" / "log" / "checkpoint").read_bytes())
    records = make_records(30)
    records[3]["timeline"][1]["date"] = "2026-01-01"
    db = built / "data" / "log" / "log.db"
    with sqlite3.connect(db) as conn:
        for table in ("entries", "tiles", "records", "checkpoints"):
            conn.execute(f"DELETE FROM {table}")
    conn.close()
    shutil.rmtree(built / "out" / "log")
    site_build(built, records)
    code, text = verify(str(built / "out"), capsys=capsys)
    assert code == 0, text
    code, text = verify(str(built / "out"), "--since", str(old), capsys=capsys)
    assert code == 1 and "not a prefix" in text and "history was rewritten" in text


def test_a_lost_state_takes_the_published_log_back(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With the state lost but the site intact, the next build continues the published log."""
    old = built / "before"
    old.write_bytes((built / "out" / "log" / "checkpoint").read_bytes())
    (built / "data" / "log" / "log.db").unlink()
    site_build(built, make_records(30) + [make_record(800)])
    code, text = verify(str(built / "out"), "--since", str(old), capsys=capsys)
    assert code == 0, text


def test_a_one_change_build_appends_and_rewrites_only_the_last_partial_tiles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = make_records(110)
    site_build(tmp_path, records)
    out = tmp_path / "out"
    first = (out / "log" / "checkpoint").read_bytes()
    size = int(first.split(b"\n")[1])
    assert size > 256  # a full tile and a partial one
    full = [out / "log/tile/0/000", out / "log/tile/entries/000"]
    stamps = [p.stat().st_mtime_ns for p in full]

    # One report gets one new update.
    changed = records[5]
    changed["timeline"].append(
        {"date": "2026-11-02", "type": "note", "status": None, "agency": changed["agency"], "note": "Dijadwalkan"}
    )
    changed["updated"] = "2026-11-02"
    result = site_build(tmp_path, records)
    rest = size + 1 - 256
    logged = sorted(p for p in result.written_files if p.startswith("log/"))  # type: ignore[attr-defined]
    assert logged == ["log/checkpoint", f"log/tile/0/001.p/{rest}", f"log/tile/entries/001.p/{rest}"]
    assert [p.stat().st_mtime_ns for p in full] == stamps
    # The previous checkpoint's partial tiles are still served (the spec's MUST).
    assert (out / f"log/tile/0/001.p/{rest - 1}").is_file()
    assert f"Log #{size}</a>" in (out / "laporan" / changed["tracking"] / "index.html").read_text()
    old = tmp_path / "first"
    old.write_bytes(first)
    code, text = verify(str(out), "--since", str(old), capsys=capsys)
    assert code == 0 and "prefix" in text, text

    # The same data again: nothing of the log is written.
    result = site_build(tmp_path, records)
    assert not [p for p in result.written_files if p.startswith("log/")]  # type: ignore[attr-defined]


def test_changed_content_at_a_position_is_appended_never_rewritten(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = built / "out"
    old = built / "old"
    old.write_bytes((out / "log" / "checkpoint").read_bytes())
    size = int(old.read_text().split("\n")[1])
    records = make_records(30)
    # A note withdrawn for privacy: the text at position 2 changes.
    records[4]["timeline"][1]["note"] = "[catatan ditarik]"
    site_build(built, records)
    code, text = verify(str(out), "--since", str(old), capsys=capsys)
    assert code == 0, text
    assert f"{size + 1} entries" in text
    html = (out / "laporan" / records[4]["tracking"] / "index.html").read_text()
    # The new position, and the one whose content it replaces.
    assert f"Log #{size}</a>" in html and "menggantikan isi sebelumnya di log #" in html


def test_two_builds_with_reports_added_verify_with_since(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site_build(tmp_path, make_records(20))
    out = tmp_path / "out"
    first = tmp_path / "first"
    first.write_bytes((out / "log" / "checkpoint").read_bytes())
    snapshot = next((out / "data" / "snapshots").glob("*/checkpoint"))
    records = make_records(20) + [make_record(n) for n in range(500, 510)]
    site_build(tmp_path, records)
    assert first.read_bytes() != (out / "log" / "checkpoint").read_bytes()
    for older in (first, snapshot):
        code, text = verify(str(out), "--since", str(older), capsys=capsys)
        assert code == 0 and "append-only" in text, text
    # The older checkpoint cannot claim to be the newer one's successor.
    newer = tmp_path / "newer"
    newer.write_bytes((out / "log" / "checkpoint").read_bytes())
    site_build(tmp_path, make_records(20) + [make_record(n) for n in range(500, 511)])
    code, text = verify(str(out), "--since", str(newer), capsys=capsys)
    assert code == 0, text


def test_a_refused_build_leaves_the_log_state_where_the_site_is(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = built / "out"
    before = (out / "log" / "checkpoint").read_bytes()
    records = make_records(30) + [make_record(600)]

    def refuse(files: list[tuple[str, bytes]]) -> list[str]:
        return ["refused for the test"]

    with pytest.raises(PublicationRefused):
        site_build(built, records, guard=refuse)
    assert (out / "log" / "checkpoint").read_bytes() == before
    with sqlite3.connect(built / "data" / "log" / "log.db") as conn:
        (count,) = conn.execute("SELECT COUNT(*) FROM entries").fetchone()
    conn.close()
    assert count == int(before.split(b"\n")[1])
    # The log files the refused build would have written went to the gate like every file.
    seen: list[str] = []

    def look(files: list[tuple[str, bytes]]) -> list[str]:
        seen.extend(path for path, _ in files)
        return []

    site_build(built, records, guard=look)
    assert "log/checkpoint" in seen and any(p.startswith("log/tile/entries/") for p in seen)
    old = built / "before"
    old.write_bytes(before)
    code, text = verify(str(out), "--since", str(old), capsys=capsys)
    assert code == 0, text


@pytest.fixture
def served(built: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built / "out"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_verify_a_site_by_url(served: str, built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = verify(served, capsys=capsys)
    assert code == 0 and "verified" in text, text
    os.remove(next((built / "out/log/tile/entries").glob("000.p/*")))
    code, text = verify(served, capsys=capsys)
    assert code == 1 and "is missing" in text


def test_a_build_stopped_after_writing_does_not_fork_the_log(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Killed between writing the site and committing the state: the next build, with other
    updates meanwhile, takes the published entries back instead of appending others there."""
    from chalicelib.tlog.publication import Publication

    def killed(self: Publication) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Publication, "commit", killed)
    records = make_records(30) + [make_record(700)]
    with pytest.raises(KeyboardInterrupt):
        site_build(built, records)
    seen = built / "seen-checkpoint"
    seen.write_bytes((built / "out" / "log" / "checkpoint").read_bytes())
    monkeypatch.undo()
    # Meanwhile another report, whose updates sort before the unlogged ones, was published.
    early = make_record(701)
    early["timeline"] = [dict(u, date="2026-01-01") for u in early["timeline"]]
    site_build(built, [*records, early])
    code, text = verify(str(built / "out"), "--since", str(seen), capsys=capsys)
    assert code == 0, text


def test_aduan_build_and_aduan_log_verify_as_users_run_them(tmp_path: Path) -> None:
    """The real path: import, publish, the publication gate reading the log files, two builds."""
    import subprocess

    from test_import import esambat_lines

    aduan = Path(sys.executable).parent / "aduan"
    env = {**os.environ, "ADUAN_DATA": str(tmp_path / "data")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(aduan), *args], capture_output=True, text=True, timeout=300, cwd=REPO, env=env)

    out = tmp_path / "output"
    empty = run("build", "--output", str(out))
    assert empty.returncode == 0, empty.stderr
    assert (out / "log" / "checkpoint").read_text().split("\n")[1] == "0"  # an empty log verifies too
    assert run("log", "verify", str(out)).returncode == 0
    first = tmp_path / "empty-checkpoint"
    first.write_bytes((out / "log" / "checkpoint").read_bytes())
    lines, _, _ = esambat_lines(60)
    for count in (30, 60):
        source = tmp_path / f"esambat-{count}.jsonl"
        source.write_text("\n".join(lines[:count]) + "\n")
        assert run("import", str(source)).returncode == 0
        built = run("build", "--output", str(out))
        assert built.returncode == 0, built.stderr
        size = int((out / "log" / "checkpoint").read_text().split("\n")[1])
        assert size > 0 and f"transparency log: {size} entries" in built.stdout
        result = run("log", "verify", str(out), "--since", str(first))
        assert result.returncode == 0 and "append-only" in result.stdout, result.stdout + result.stderr
        first.write_bytes((out / "log" / "checkpoint").read_bytes())
    missing = run("log", "verify", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "log/vkey is missing" in missing.stderr
