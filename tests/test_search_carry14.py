"""A warm worker's quick build carries the search index unnamed (session 14).

The worker keeps the build state as dicts between builds (state.BuildState.remembered). A quick
build (no index) after a change kept the previous index by naming each of its files, 84k at 100k
reports, about 0.4 s of a 1.4 s "pages live" build, because `IncrementalOutput.carry_under` left
bundles unnamed only when the state was read row by row. Now the bundle directories are carried
unnamed either way, and the index stays whole on disk and in the state."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from aduan_site import search as search_module
from chalicelib.sitebuild import build
from test_gate import admin_of
from test_parts import _site_with_one_change, part_rows


def _bundle(output: Path) -> dict[str, str]:
    root = output / search_module.BUNDLE
    return {
        str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()
    }


def test_a_warm_quick_build_keeps_the_index_without_naming_its_files(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan

    store, public, output, first = _site_with_one_change(region, tmp_path, 3, 11, monkeypatch)
    build(output)  # the index; this process now holds the state as dicts, as the worker does
    index, state_before = _bundle(output), _state_under(output)
    assert index and state_before == set(index)
    service = Aduan(store, region, published=lambda t: read_record(public, t))
    other = next(
        r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified" and r["tracking"] != first
    )
    service.act(admin_of(service), other, {"action": "progress", "note": "Petugas sudah ke lokasi"})

    named: list[str] = []
    keep = search_module._keep
    monkeypatch.setattr(
        search_module, "_keep", lambda out, path, *, trusted: named.append(path) or keep(out, path, trusted=trusted)
    )
    result = build(output, search=False)  # the worker's quick build: pages live, index kept
    monkeypatch.undo()
    store.close()

    assert result["written"] > 0
    assert named == [], f"{len(named)} search files named one by one"
    assert _bundle(output) == index  # nothing of the index deleted or rewritten
    assert _state_under(output) == state_before  # and the state still lists every file of it


def _state_under(output: Path) -> set[str]:
    """The files under the index's directory that the build state lists (read with sqlite3: a
    BuildState opened here would be one the build process remembers)."""
    with closing(sqlite3.connect(output / ".aduan-build.db")) as db:
        rows = db.execute("SELECT path FROM files WHERE path >= ? AND path < ?", ("_pagefind/", "_pagefind0"))
        return {path for (path,) in rows}
