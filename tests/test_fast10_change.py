"""A change build in a new process (`aduan build` after one change) looks up, in the search plan,
only the pages that can differ from what their month's bundle indexed: as many at N reports a
month as at 3N (search.py's `plan`, `_touched`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aduan_site import search
from chalicelib.importer import import_lines
from chalicelib.sitebuild import build
from test_fast_build import new_process
from test_gate import admin_of
from test_parts import _lines_in_months, part_rows


def _change_build(root: Path, per_month: int, region: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Import two months of `per_month` reports each, build (with the search index), move one
    verified report on, build again as a new process: what that build's search plan looked up."""
    from chalicelib import config
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan

    monkeypatch.setenv("ADUAN_DATA", str(root / "data"))
    public = root / "data" / "public"
    store = config.store()
    service = Aduan(store, region, published=lambda t: read_record(public, t), held=config.gate_index().held)
    import_lines(_lines_in_months(region, 2, per_month, seed=9), store, region)
    output = root / "output"
    build(output)
    tracking = next(r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified")
    service.act(admin_of(service), tracking, {"action": "progress", "note": "Tim sudah ke lokasi"})
    new_process()

    seen: dict[str, Any] = {"page shas": []}
    page_sha, plan = search._page_sha, search.plan

    def counted_sha(out: Any, page: str) -> str:
        seen["page shas"].append(page)
        return page_sha(out, page)

    def noted_plan(*args: Any, **kwargs: Any) -> search.Plan:
        todo = plan(*args, **kwargs)
        seen["looked at"] = todo.looked_at
        seen["recent"] = todo.recent_pages
        return todo

    with monkeypatch.context() as patched:
        patched.setattr(search, "_page_sha", counted_sha)
        patched.setattr("aduan_site.pages.search_plan", noted_plan)
        build(output)
    seen["reports"] = len(part_rows(output, "reports"))
    seen["tracking"] = tracking
    store.close()
    return seen


def test_the_search_plan_looks_up_only_the_changed_pages_at_n_and_3n_a_month(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _change_build(tmp_path / "n", 8, region, monkeypatch)
    large = _change_build(tmp_path / "3n", 24, region, monkeypatch)
    assert large["reports"] >= 2.5 * small["reports"], (small, large)
    for costs in (small, large):
        # The changed page's month looked at, its one page into the recent shard, and that page
        # the only one looked up (its month's other pages are the ones the bundle indexed).
        assert len(costs["looked at"]) == 1, costs
        assert costs["recent"] == [costs["tracking"]], costs
        assert sorted(set(costs["page shas"])) == [costs["tracking"]], costs
