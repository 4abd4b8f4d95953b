"""A change build in a new process (`aduan build` after one change) looks up, in the search plan,
only the pages that can differ from what their month's bundle indexed: as many at N reports a
month as at 3N (search.py's `plan`, `_touched`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aduan_site import search
from chalicelib.sitebuild import build
from test_fast_build import one_change_after_a_build
from test_parts import part_rows


def _change_build(root: Path, per_month: int, region: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Import two months of `per_month` reports each, build (with the search index), move one
    verified report on, build again as a new process: what that build's search plan looked up."""
    output, tracking, store = one_change_after_a_build(root, 2, per_month, region, monkeypatch)

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


class _Counted(dict):  # type: ignore[type-arg]
    """A record that counts how often its tracking number is read."""

    reads = 0

    def __getitem__(self, key: str) -> Any:
        if key == "tracking":
            _Counted.reads += 1
        return dict.__getitem__(self, key)


def _reads_per_lookup(count: int) -> float:
    from aduan_site.dataset import Dataset

    records = [_Counted(tracking=f"PSR-{n:05d}") for n in range(count)]
    dataset = Dataset(records=records)  # type: ignore[arg-type]
    dataset.index_of(records[0]["tracking"])  # the first lookup may read every record once
    _Counted.reads = 0
    for n in range(0, count, 7):
        assert dataset.index_of(f"PSR-{n:05d}") == n
    return _Counted.reads / len(range(0, count, 7))


def test_a_record_is_found_by_its_tracking_number_in_as_many_reads_at_n_and_3n() -> None:
    """Listing pages ask the dataset for thousands of records by tracking number: after the
    first lookup, each reads one record (the one it found), not log2(N) of them."""
    assert _reads_per_lookup(2_000) == _reads_per_lookup(6_000) == 1


def test_a_lookup_follows_records_changed_after_the_first() -> None:
    from aduan_site.dataset import Dataset

    dataset = Dataset(records=[{"tracking": t} for t in ("A-1", "B-2", "C-3")])
    assert dataset.index_of("B-2") == 1 and dataset.index_of("Z-9") is None
    dataset.records.insert(0, {"tracking": "0-0"})
    assert [dataset.index_of(t) for t in ("0-0", "A-1", "B-2", "C-3", "Z-9")] == [0, 1, 2, 3, None]
    dataset.records[1] = {"tracking": "A-2"}  # same length, another record in a place
    assert dataset.index_of("A-2") == 1 and dataset.index_of("A-1") is None
    assert dataset.record("C-3") == {"tracking": "C-3"}


def test_the_league_makes_one_entry_per_agency_however_many_cells(region, monkeypatch: pytest.MonkeyPatch) -> None:
    """The league table from the tally's cells: one entry made per agency met, at N and 3N cells
    (it made one per cell, thousands at 20k reports)."""
    from datetime import date

    from chalicelib import league

    made: list[int] = []
    agency_class = league._Agency

    def counted() -> Any:
        made.append(1)
        return agency_class()

    monkeypatch.setattr(league, "_Agency", counted)
    agencies = [*list(region.agencies)[:3], None]

    def entries(days: int) -> int:
        made.clear()
        cells = {(agencies[d % 4], "verification", str(d % 9)): 1 for d in range(days)}
        cells.update({(a, "published", ""): days for a in agencies})
        table = league.league_of(cells, region, date(2026, 3, 2))
        assert sum(row["published"] for row in table) == 4 * days
        return len(made)

    assert entries(30) == entries(90) == len(region.agencies) + 1


def test_a_scanner_of_an_equal_plan_takes_the_automata_and_another_plan_makes_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`aduan build` makes the scan over every strong key twice (the publish's check, the scan of
    the files written): the second scanner of an equal plan takes the first one's automata; a
    plan with one key more (a new identifier) is another plan, and its scanner finds that key."""
    from chalicelib.gate import files
    from chalicelib.gate.files import Scanner, ScanPlan
    from chalicelib.gate.identifiers import Identifier

    made: list[int] = []
    automaton = files._bytes_automaton

    def counted(patterns: list[str], implementation: Any = None) -> Any:
        made.append(len(patterns))
        return automaton(patterns, implementation)

    monkeypatch.setattr(files, "_bytes_automaton", counted)
    keys = ["#081234567890", "siti aminah", "budi santoso wijaya"]

    def scanner(plan: ScanPlan) -> Scanner:
        return Scanner.of_plan(plan, lambda key: Identifier("PSR-A", "name", key, True, "S***"))

    def found(scan: Scanner, text: str) -> list[str]:
        return [leak.identifier.key for leak in scan.scan_text(text, "x")]

    text = "Hubungi Siti  Aminah di 0812-3456-7890 atau Joko Susilo"
    first = scanner(ScanPlan.of(keys))
    assert found(first, text) == ["#081234567890", "siti aminah"] and made
    made.clear()
    equal = ScanPlan.loads(ScanPlan.of(keys).dumps())  # equal, not the same object
    assert equal is not None
    again = scanner(equal)
    assert found(again, text) == ["#081234567890", "siti aminah"]
    assert made == []  # no automaton made again
    more = scanner(ScanPlan.of([*keys, "joko susilo"]))
    assert "joko susilo" in found(more, text) and made
    assert "joko susilo" not in found(again, text)
    made.clear()
    assert found(scanner(ScanPlan.of(keys)), text) == ["#081234567890", "siti aminah"] and made


def test_a_change_build_starts_pagefind_before_it_makes_the_listings(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The few pages of a change build are rendered in the build's own process: Pagefind starts
    on them before the listings, open data and feeds are made, and indexes meanwhile."""
    from aduan_site import pages

    order: list[str] = []
    listings, job = pages.AduanGenerator.write_listings, pages.IndexJob.__init__

    def noted_listings(self: Any, out: Any) -> None:
        order.append("listings")
        listings(self, out)

    def noted_job(self: Any, *args: Any, **kwargs: Any) -> None:
        order.append("pagefind")
        job(self, *args, **kwargs)

    monkeypatch.setattr(pages.AduanGenerator, "write_listings", noted_listings)
    monkeypatch.setattr(pages.IndexJob, "__init__", noted_job)
    seen = _change_build(tmp_path, 8, region, monkeypatch)
    assert seen["recent"] == [seen["tracking"]]
    assert order[-2:] == ["pagefind", "listings"], order


def test_the_plan_keeps_a_bundle_file_with_one_look_at_its_row(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The month a change build looks at keeps its bundle's files (all but the changed page's
    fragment) with one look at each file's row in the build state, not four."""
    from aduan_site import pages, state

    looks = {"rows": 0, "kept": 0, "keeping": False}
    row, keep_files = state.Manifest.row, pages.keep_files

    def counted_row(self: Any, path: str) -> Any:
        looks["rows"] += looks["keeping"]
        return row(self, path)

    def noted_keep_files(out: Any, todo: search.Plan) -> None:
        looks["keeping"], looks["kept"] = True, len(todo.keep)
        try:
            keep_files(out, todo)
        finally:
            looks["keeping"] = False

    monkeypatch.setattr(state.Manifest, "row", counted_row)
    monkeypatch.setattr(pages, "keep_files", noted_keep_files)
    _change_build(tmp_path, 8, region, monkeypatch)
    assert looks["kept"] > 5 and looks["rows"] <= looks["kept"], looks
