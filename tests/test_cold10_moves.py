"""A build moves a staged directory the site does not have yet in one rename
(`IncrementalOutput.moves`): a first build places most of its files in a few renames instead of
one rename and one mkdir per file, with the same files, bytes and modes as moving them one by
one, and never moves a directory whole when that could show a file earlier than its rank allows
(test_atomic.py replays a build with these moves, killed after each one)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aduan_site import opendata_build, output
from aduan_site.output import IncrementalOutput
from site_fixtures import make_records, write_public_dataset
from test_site import API, build


def tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the site (not the build's own state): its bytes and its mode."""
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mode)
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".aduan") for part in p.relative_to(root).parts)
    }


class Frozen(datetime):
    """The open data's build time (`data/changes/`): the same for both builds compared."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
        return datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def one_by_one(self: IncrementalOutput, order: list[tuple[str, Path]]):  # type: ignore[no-untyped-def]
    """The moves as they were before: every file alone."""
    for item in order:
        yield None, [item]


def test_a_first_build_moves_whole_directories_and_writes_what_file_by_file_moves_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = make_records(40)
    monkeypatch.setattr(opendata_build, "datetime", Frozen)
    write_public_dataset(tmp_path / "var" / "public", records)
    trees: list[str] = []
    files: list[str] = []
    real_place, real_tree = output.place, output.place_tree

    def place(staged: str | Path, path: Path) -> None:
        files.append(str(path.relative_to(tmp_path / "whole")))
        real_place(staged, path)

    def place_tree(staged: Path, path: Path) -> None:
        trees.append(str(path.relative_to(tmp_path / "whole")))
        real_tree(staged, path)

    monkeypatch.setattr(output, "place", place)
    monkeypatch.setattr(output, "place_tree", place_tree)
    whole = build(tmp_path / "whole", data_dir=tmp_path / "var", api_url=API, search=False)
    monkeypatch.setattr(output, "place", real_place)
    monkeypatch.setattr(output, "place_tree", real_tree)
    # Each language's report pages, the Open311 files and the log's tiles: a rename each.
    assert {"laporan", "en/laporan", "data/open311/requests"} <= set(trees), trees
    assert not [f for f in files if f.startswith(("laporan/", "en/laporan/", "data/open311/requests/"))]
    assert len(trees) + len(files) < whole.written / 2, (len(trees), len(files), whole.written)

    monkeypatch.setattr(IncrementalOutput, "moves", one_by_one)
    single = build(tmp_path / "single", data_dir=tmp_path / "var", api_url=API, search=False)
    assert sorted(whole.written_files) == sorted(single.written_files)
    made = tree(tmp_path / "whole")
    assert made == tree(tmp_path / "single") and len(made) > 100
    assert not (tmp_path / "whole" / output.STAGING).exists()


def staged(out: IncrementalOutput, *relpaths: str) -> list[tuple[str, str]]:
    return [(relpath, out.stage(relpath, relpath.encode()).path) for relpath in relpaths]  # type: ignore[misc]


def test_a_directory_moves_whole_only_when_new_complete_and_in_one_run(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "old").mkdir(parents=True)
    out = IncrementalOutput(root, ".aduan-state.sqlite", "key")
    order = staged(out, "a/1", "b/x/1", "b/x/2", "a/2", "old/1", "old/new/1", "c/1")
    # A Pagefind bundle's file is staged where Pagefind wrote it, not under its own path.
    foreign = out.staging / "pagefind-x" / "1"
    foreign.parent.mkdir()
    foreign.write_bytes(b"1")
    order.append(("d/1", str(foreign)))
    moves = [(directory, [relpath for relpath, _ in files]) for directory, files in out.moves(order)]
    assert moves == [
        (None, ["a/1"]),  # a/'s files are not next to one another: each alone
        ("b", ["b/x/1", "b/x/2"]),  # the outermost new directory
        (None, ["a/2"]),
        (None, ["old/1"]),  # the site has old/ already
        ("old/new", ["old/new/1"]),
        ("c", ["c/1"]),
        (None, ["d/1"]),  # not staged under its own path
    ]
    out.abandon()


def test_a_directory_that_appeared_meanwhile_gets_its_files_one_by_one(tmp_path: Path) -> None:
    root = tmp_path / "site"
    out = IncrementalOutput(root, ".aduan-state.sqlite", "key")
    out.put("n/1", b"one")
    out.put("n/2", b"two")
    (root / "n").mkdir()
    (root / "n" / "x").write_bytes(b"not ours")  # a rename onto it fails: not empty
    moves = list(out.moves(sorted(out.pending)))
    assert moves[0][0] is None  # it looks before each move, not once
    os.remove(root / "n" / "x")
    os.rmdir(root / "n")
    assert next(iter(out.moves(sorted(out.pending))))[0] == "n"
    (root / "n").mkdir()
    (root / "n" / "x").write_bytes(b"not ours")
    original = out.moves

    def stale(order):  # type: ignore[no-untyped-def]
        yield "n", order  # planned before the directory appeared

    out.moves = stale  # type: ignore[method-assign]
    result = out.finish()
    out.moves = original  # type: ignore[method-assign]
    assert result["written"] == 2
    assert (root / "n" / "1").read_bytes() == b"one" and (root / "n" / "2").read_bytes() == b"two"
    assert (root / "n" / "x").read_bytes() == b"not ours"
