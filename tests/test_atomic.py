"""A build killed at any moment leaves a site in which every link resolves.

The build's writes are recorded, then replayed onto a copy of the previous site and cut after
every one of them (and after every deletion): each of those states is what a `kill -9` at that
moment would leave, and in each one every internal link must point to a file that exists.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from aduan_site import output
from site_fixtures import make_records
from test_site import build_site

HREF = re.compile(r"""(?:href|src)="(/[^"#?]*)""")


def broken_links(root: Path) -> list[str]:
    broken = []
    for page in root.rglob("*.html"):
        for target in HREF.findall(page.read_text(encoding="utf-8")):
            path = root / target.lstrip("/")
            if target.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(root)} → {target}")
    return broken


def test_a_build_killed_at_any_moment_leaves_every_link_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = make_records(30)
    build_site(tmp_path, records)
    site = tmp_path / "output"
    assert broken_links(site) == []
    before = tmp_path / "before"
    shutil.copytree(site, before)

    # The next build: five new reports (pages, listings and feeds that link to them), two
    # withdrawn (pages deleted, listings no longer linking to them), one changed.
    records = records[2:] + make_records(35)[30:]
    records[5]["title"] = "Judul yang diubah"
    steps: list[tuple[str, Any]] = []
    real_write, real_unlink = output.write_atomically, Path.unlink

    def write(path: Path, data: bytes) -> None:
        steps.append(("write", (path.relative_to(site), data)))
        real_write(path, data)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if site in self.parents:
            steps.append(("delete", self.relative_to(site)))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(output, "write_atomically", write)
    monkeypatch.setattr(Path, "unlink", unlink)
    build_site(tmp_path, records)
    monkeypatch.undo()
    assert any(kind == "delete" for kind, _ in steps) and len(steps) > 20

    # Replay the build onto the previous site, stopping after each step.
    state = tmp_path / "state"
    shutil.copytree(before, state)
    for number, (kind, what) in enumerate(steps, 1):
        if kind == "write":
            relpath, data = what
            (state / relpath).parent.mkdir(parents=True, exist_ok=True)
            (state / relpath).write_bytes(data)
        else:
            relpath = what
            (state / relpath).unlink(missing_ok=True)
        problems = broken_links(state)
        assert not problems, f"killed after step {number} of {len(steps)} ({kind} {relpath}): {problems[:3]}"
    assert broken_links(site) == []
