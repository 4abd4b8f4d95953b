"""`aduan build` after one change, as a new process runs it: its work does not grow with the
dataset. Built at N reports and at 3N (three times the months, each as full), one status change,
then a build that remembers nothing of the last one (as a new process): it stats no kept file,
converts no Markdown page, renders and writes the same number of files, reads one record, starts
no Pelican and sorts the updates of the changed record only for the feeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from chalicelib.sitebuild import build
from test_parts import _site_with_one_change, part_rows


def _second_build(region, root: Path, months: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:  # type: ignore[no-untyped-def]
    import markdown
    from aduan_site import dataset, pages, state

    store, public, output, tracking = _site_with_one_change(region, root, months, 7, monkeypatch)

    # A new process: nothing of the last build remembered.
    state._MEMORY.clear()
    pages._LAST.clear()
    dataset._SEEN.clear()
    counts = {"stats": 0, "markdown": 0, "renders": 0}
    record_reads: list[str] = []
    isfile, convert, render = os.path.isfile, markdown.Markdown.convert, pages.AduanGenerator.render
    inside = str(output.resolve()) + os.sep

    def counted_isfile(path):  # type: ignore[no-untyped-def]
        counts["stats"] += str(path).startswith(inside)
        return isfile(path)

    def counted_convert(self, source):  # type: ignore[no-untyped-def]
        counts["markdown"] += 1
        return convert(self, source)

    def counted_render(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts["renders"] += 1
        return render(self, *args, **kwargs)

    from pelican import Pelican

    run, sort_updates = Pelican.run, pages.entries

    def counted_run(self):  # type: ignore[no-untyped-def]
        counts["pelican"] += 1
        return run(self)

    def counted_entries(records):  # type: ignore[no-untyped-def]
        counts["updates of records sorted"] += len(records)
        return sort_updates(records)

    counts.update({"pelican": 0, "updates of records sorted": 0})
    monkeypatch.setattr(Pelican, "run", counted_run)
    monkeypatch.setattr(pages, "entries", counted_entries)
    read_bytes = Path.read_bytes
    reports_dir = public / "reports"
    monkeypatch.setattr(os.path, "isfile", counted_isfile)
    monkeypatch.setattr(markdown.Markdown, "convert", counted_convert)
    monkeypatch.setattr(pages.AduanGenerator, "render", counted_render)
    monkeypatch.setattr(
        Path,
        "read_bytes",
        lambda self: (self.parent == reports_dir and record_reads.append(self.name)) or read_bytes(self),
    )
    result = build(output, search=False)
    monkeypatch.undo()
    store.close()
    return {
        **counts,
        "record_reads": sorted(set(record_reads)),
        "tracking": tracking,
        "written": result["written"],
        "kept": result["unchanged"],
        "reports": len(part_rows(output, "reports")),
    }


def test_a_new_processs_second_build_does_not_grow_with_the_dataset(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _second_build(region, tmp_path / "n", 2, monkeypatch)
    large = _second_build(region, tmp_path / "3n", 6, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"]  # type: ignore[operator]
    for costs in (small, large):
        assert costs["markdown"] == 0, costs  # Pelican's pages kept (pagecache.py)
        assert costs["record_reads"] == [f"{costs['tracking']}.json"], costs
        # Only records changed: Pelican is not started (lightbuild.py), and the feeds sort the
        # changed record's updates only (pages._feeds_from_shown).
        assert costs["pelican"] == 0, costs
        assert costs["updates of records sorted"] == 1, costs
    # Kept files are trusted to the manifest, not looked at one by one.
    # (Each month's open data files are still looked at: 4 more months, at most 8 more each.)
    assert small["stats"] <= large["stats"] <= min(small["stats"] + 32, 80), (small, large)  # type: ignore[operator]
    assert large["renders"] == small["renders"], (small, large)
    assert large["written"] == small["written"], (small, large)
