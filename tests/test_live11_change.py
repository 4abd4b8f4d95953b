"""The worker's "pages live" build (one status change, `search=False`, in the warm process that
built last) does work that does not grow with the site: each mechanism is counted at N and 3N
reports, where the counts stay the same."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from chalicelib.sitebuild import build
from test_fast_build import another_change_in_the_worker
from test_parts import part_rows

LISTINGS = ("instansi/", "status/", "en/instansi/", "en/status/")


def _live_build(
    root: Path, months: int, region: Any, monkeypatch: pytest.MonkeyPatch, per_month: int = 8
) -> dict[str, Any]:
    """Import `months` months of reports, build, move one report on and build (as the worker:
    the same process from then on), move another on, and count what the quick build that puts
    it online (no search refresh) read and named."""
    from aduan_site.output import IncrementalOutput
    from aduan_site.state import BuildState

    output, other, store = another_change_in_the_worker(root, months, per_month, region, monkeypatch)

    seen: dict[str, Any] = {"whole state reads": 0}
    files, finish = BuildState.files, IncrementalOutput.finish

    def counted_files(self):  # type: ignore[no-untyped-def]
        seen["whole state reads"] += 1
        return files(self)

    def noted_finish(self):  # type: ignore[no-untyped-def]
        seen["bundle files named"] = sum(1 for p in self.files if p.startswith("_pagefind/"))
        seen["bundle carried whole"] = "_pagefind/" in self.carried_dirs
        seen["listing files named"] = sum(1 for p in self.files if p.startswith(LISTINGS))
        return finish(self)

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen["collections"] += 1

    seen["collections"] = 0
    monkeypatch.setattr(BuildState, "files", counted_files)
    monkeypatch.setattr(IncrementalOutput, "finish", noted_finish)
    gc.callbacks.append(collected)
    try:
        build(output, search=False)
    finally:
        gc.callbacks.remove(collected)
        monkeypatch.undo()
    seen["reports"] = len(part_rows(output, "reports"))
    seen["status"] = next(r["status"] for r in part_rows(output, "reports") if r["tracking"] == other)
    seen["bundle files"] = sum(1 for p in (output / "_pagefind").rglob("*") if p.is_file())
    seen["listing files"] = sum(1 for base in LISTINGS for p in (output / base).rglob("*") if p.is_file())
    store.close()
    return seen


def test_a_quick_build_carries_the_whole_search_index_unnamed_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _live_build(tmp_path / "n", 2, region, monkeypatch)
    large = _live_build(tmp_path / "3n", 6, region, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"], (small, large)
    assert large["bundle files"] > small["bundle files"] > 0, (small, large)
    for costs in (small, large):
        assert costs["status"] == "in_progress", costs  # the change is online
        assert costs["whole state reads"] == 0, costs
        assert costs["bundle carried whole"], costs
        assert costs["bundle files named"] == 0, costs


def test_a_change_build_does_not_run_the_cyclic_collector_over_what_the_process_keeps(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker keeps the records it read between builds; the collector walked them over and
    over during each change build (sitebuild._collector_paused). After it, it runs as before."""
    costs = _live_build(tmp_path / "n", 2, region, monkeypatch)
    # One young collection at most: the allocation that follows the pause, when it ends.
    assert costs["status"] == "in_progress" and costs["collections"] <= 1, costs
    assert gc.isenabled()


def test_a_change_build_carries_the_listing_pages_it_keeps_unnamed_at_n_and_3n(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listing page whose reports did not change is kept under its listing's directory, kept
    whole (pages.write_pages), not named one by one (~8k pages at 100k reports)."""
    small = _live_build(tmp_path / "n", 2, region, monkeypatch, per_month=30)
    large = _live_build(tmp_path / "3n", 6, region, monkeypatch, per_month=30)
    assert large["listing files"] > small["listing files"], (small["listing files"], large["listing files"])
    # The same pages named at 3N as at N (indexes, entry pages, feeds), but for the numbered pages
    # the moved report is on, which only a larger listing has: its page in its agency's listing
    # (the status it shows changes), in the status listing it left and in the one it entered, in
    # both languages. Which report moves, and so which of them are numbered pages rather than
    # entry pages, changes from run to run: +2 and +4 were both seen. Without carrying the kept
    # pages it was +16.
    assert large["listing files named"] <= small["listing files named"] + 6, (
        {k: small[k] for k in ("listing files", "listing files named")},
        {k: large[k] for k in ("listing files", "listing files named")},
    )
