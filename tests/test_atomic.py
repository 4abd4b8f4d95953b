"""A build killed at any moment leaves a site in which every link a reader can follow resolves.

The build's moves into place are recorded, then replayed onto a copy of the previous site and
cut after every one of them (and after every deletion): each of those states is what a
`kill -9` at that moment would leave. In each one, every link on a page a reader can reach (a
page of the previous site, or one linked from such a page) must point to a file that exists.
A page not reachable yet may link to one not written yet: a new report's English page is placed
just before its Indonesian page, and the two link to each other.

A real build is also killed with SIGKILL at several moments: the site stays whole and the next
build completes it.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from aduan_site import output
from aduan_site.build import build
from site_fixtures import REPO, load_region, make_record, make_records, write_public_dataset
from test_site import build_site

HREF = re.compile(r"""(?:href|src)="(/[^"#?]*)""")


def broken_links(root: Path, known: set[Path] | None = None, going: frozenset[Path] = frozenset()) -> list[str]:
    """Links that lead nowhere, on every page reachable from `known` pages (default: every
    page), not counting pages `going` (being deleted)."""
    todo = sorted(known if known is not None else {p.relative_to(root) for p in root.rglob("*.html")})
    seen = set(todo)
    broken = []
    while todo:
        page = todo.pop()
        if not (root / page).is_file():
            continue
        for target in HREF.findall((root / page).read_text(encoding="utf-8")):
            relpath = Path(target.lstrip("/"))
            if target.endswith("/") or not target.strip("/"):
                relpath = relpath / "index.html"
            if not (root / relpath).exists():
                broken.append(f"{page} → {target}")
            elif relpath.suffix == ".html" and relpath not in seen and relpath not in going:
                seen.add(relpath)
                todo.append(relpath)
    return broken


def test_a_build_killed_at_any_moment_leaves_every_link_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    region = load_region()
    # 19 Dinas PUPR reports: the five new ones below overflow its entry page into a new page 1.
    records = make_records(30, region)
    records += [
        make_record(100 + n, region, agency="pupr", category="jalan-jembatan")
        for n in range(19 - sum(r["agency"] == "pupr" for r in records))
    ]
    assert sum(r["agency"] == "pupr" for r in records) == 19
    build_site(tmp_path, records)
    site = tmp_path / "output"
    assert broken_links(site) == []
    before = tmp_path / "before"
    shutil.copytree(site, before)

    # The next build: five new reports (pages, listings and feeds that link to them), two
    # withdrawn (pages deleted, listings no longer linking to them), one changed.
    records = records[2:] + [
        make_record(200 + n, region, agency="pupr", category="jalan-jembatan", updated="2026-12-01") for n in range(5)
    ]
    records[5]["title"] = "Judul yang diubah"
    steps: list[tuple[str, Any]] = []
    trees: list[Path] = []
    real_place, real_tree, real_unlink = output.place, output.place_tree, Path.unlink

    def place(staged: str | Path, path: Path) -> None:
        steps.append(("write", [(path.relative_to(site), Path(staged).read_bytes())]))
        real_place(staged, path)

    def place_tree(staged: Path, path: Path) -> None:
        # One rename: its files appear together, in one step.
        trees.append(path.relative_to(site))
        files = sorted(p for p in staged.rglob("*") if p.is_file())
        steps.append(("write", [(path.relative_to(site) / p.relative_to(staged), p.read_bytes()) for p in files]))
        real_tree(staged, path)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if site in self.parents:
            steps.append(("delete", self.relative_to(site)))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(output, "place", place)
    monkeypatch.setattr(output, "place_tree", place_tree)
    monkeypatch.setattr(Path, "unlink", unlink)
    build_site(tmp_path, records)
    monkeypatch.undo()
    assert any(kind == "delete" for kind, _ in steps) and len(steps) > 20
    written = [relpath for kind, what in steps if kind == "write" for relpath, _ in what]
    assert Path("instansi/pupr/1/index.html") in written
    # A new report's directories move whole (one rename each), with its pages in them.
    assert {Path(f"{prefix}laporan/{r['tracking']}") for r in records[-5:] for prefix in ("", "en/")} <= set(trees)

    # Replay the build onto the previous site, stopping after each step.
    state = tmp_path / "state"
    shutil.copytree(before, state)
    # Pages this build deletes are on their way out: a withdrawn report's two pages link to each
    # other, so whichever goes first leaves the other pointing at it for a moment.
    going = {what for kind, what in steps if kind == "delete"}
    known = {p.relative_to(before) for p in before.rglob("*.html")} - going
    for number, (kind, what) in enumerate(steps, 1):
        if kind == "write":
            for relpath, data in what:
                (state / relpath).parent.mkdir(parents=True, exist_ok=True)
                (state / relpath).write_bytes(data)
        else:
            relpath = what
            if relpath.name.startswith(".aduan") or output.STAGING in relpath.parts:
                continue  # the build's own state and staging, not the site
            (state / relpath).unlink(missing_ok=True)
        problems = broken_links(state, known, frozenset(going))
        assert not problems, f"killed after step {number} of {len(steps)} ({kind} {relpath}): {problems[:3]}"
    assert broken_links(site) == []


BUILD = """
import sys
sys.path[:0] = [{plugins!r}, {functions!r}]
from aduan_site.build import build
build({output!r}, data_dir={data!r}, search=False)
print("done")
"""


def test_a_build_killed_with_sigkill_leaves_the_site_whole_and_the_next_build_completes(tmp_path: Path) -> None:
    records = make_records(60)
    build_site(tmp_path, records)
    site = tmp_path / "output"
    known = {p.relative_to(site) for p in site.rglob("*.html")}
    changed = records[:40] + make_records(70)[60:]
    for record in changed[:20]:
        record["title"] = f"{record['title']} (diubah)"
    write_public_dataset(tmp_path / "var/public", changed)
    script = BUILD.format(
        plugins=str(REPO / "plugins"), functions=str(REPO / "functions"), output=site, data=tmp_path / "var"
    )
    # Killed at growing moments of the same build: wherever it stops, the site a reader can
    # reach is whole (the build is started again each time, so later kills land later in it).
    for delay in (0.5, 1.0, 2.0, 3.0, 4.0):
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        assert broken_links(site, known) == [], delay
        if b"done" in out:
            break
    # The next build completes the site: every report of the new dataset, in its new version.
    result = build(site, data_dir=tmp_path / "var", search=False)
    assert broken_links(site) == []
    pages = sorted(p.parent.name for p in (site / "laporan").glob("*/index.html"))
    assert pages == sorted(r["tracking"] for r in changed)
    for record in changed[:20]:
        assert "(diubah)" in (site / f"laporan/{record['tracking']}/index.html").read_text()
    assert not (site / output.STAGING).exists() or not any((site / output.STAGING).iterdir())
    # And what it recorded is what is on disk: one more build writes nothing.
    assert build(site, data_dir=tmp_path / "var", search=False).written == 0, result
