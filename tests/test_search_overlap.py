"""The search index's work beside the rest of a build: the mirror is linked shard by shard as
Pagefind starts on each, each bundle is taken in (read, checked by the gate) as soon as Pagefind
wrote it, and none of it is counted as the build's until every bundle is there."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from aduan_site import search
from aduan_site.search import RECENT_FILE, SHARD_FILE, UI_FILES, fragment, month_of, searchable
from test_search import build_site, listed, sample


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search-overlap")
    build_site(root, sample())
    return root / "output"


def months_of(site: Path) -> dict[str, list[str]]:
    """Each month's bundle directory → the tracking numbers it indexes."""
    bundle = site / "_pagefind"
    return {
        d: sorted(search.tracking_of(fragment(p.read_bytes())["url"]) for p in (bundle / d / "fragment").glob("*"))
        for d in listed(site)
        if not d.startswith("recent-")
    }


def test_each_shard_is_linked_just_before_it_is_indexed_and_yielded_when_done(site: Path, tmp_path: Path) -> None:
    """The index job links a shard's pages into an empty mirror itself, and yields the bundles
    as Pagefind finishes them: a shard held back behind a later one comes last."""
    months = months_of(site)
    slow, fast = sorted(months)[:2]  # `slow` comes first in shard order
    shards = {slow: months[slow], fast: months[fast]}
    mirror = search.Mirror(tmp_path / "mirror")
    fast_done = threading.Event()
    linked: list[str] = []

    def link(tracking: str) -> None:
        if tracking in shards[slow]:
            assert fast_done.wait(timeout=60), "the slow shard waited for the fast one in vain"
        linked.append(tracking)
        mirror.update(tracking, site / search.page_path(tracking), changed=False)

    job = search.IndexJob(shards, mirror, tmp_path / "staging", link)
    order = []
    for shard, files in job.results():
        order.append(shard)
        if shard == fast:
            fast_done.set()
        pages = {
            search.tracking_of(fragment(p.read_bytes())["url"]) for r, p in files.items() if "/fragment/" in f"/{r}"
        }
        assert pages == set(shards[shard])
    assert order == [fast, slow]
    assert sorted(linked) == sorted(shards[slow] + shards[fast])
    page = months[fast][0]
    published = (site / search.page_path(page)).read_bytes()
    assert mirror.page(page).read_bytes() == (searchable(published) if mirror.cut else published)


def test_bundle_files_are_the_ones_a_merged_search_needs_in_path_order(site: Path, tmp_path: Path) -> None:
    """What `bundle_files` keeps of a bundle Pagefind wrote: the files a merged search needs and
    the search UI, in the order pathlib sorts the paths; every other file is deleted."""
    directory, trackings = next(iter(months_of(site).items()))
    mirror = search.Mirror(tmp_path / "mirror")
    for tracking in trackings:
        mirror.update(tracking, site / search.page_path(tracking), changed=False)
    for recent in (False, True):
        bundle = search._index(search._executable(), mirror.root, trackings, tmp_path / f"bundle-{recent}")
        every = [p for p in sorted(bundle.rglob("*")) if p.is_file()]
        wanted: re.Pattern[str] = RECENT_FILE if recent else SHARD_FILE
        expected = [p.relative_to(bundle).as_posix() for p in every if wanted.match(p.relative_to(bundle).as_posix())]
        expected += [p.relative_to(bundle).as_posix() for p in every if p.name in UI_FILES]
        files = search.bundle_files(bundle, recent=recent)
        assert list(files) == [
            p.relative_to(bundle).as_posix() for p in every if p.relative_to(bundle).as_posix() in expected
        ]
        assert len(files) < len(every)  # Pagefind's other UIs and files are left out …
        assert sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()) == sorted(
            files
        )  # … and deleted
        assert all(files[r] == bundle / r for r in files)
        assert any(r.startswith("fragment/") for r in files) and any(r.startswith("index/") for r in files)


def test_a_shard_that_fails_after_others_were_taken_in_publishes_none_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build: Pagefind fails on one month after the other months' bundles were read
    and checked by the gate. Nothing of the new index is counted or written (the rest of the
    site is), and the next build makes the whole index."""
    records = sample()
    months = sorted({r["submitted"][:7] for r in records})
    assert len(months) >= 3
    real_index = search._index
    checked: list[str] = []
    others_taken_in = threading.Event()

    def failing(executable: str, mirror: Path, trackings: list[str], bundle: Path) -> Path:
        if bundle.name.startswith(f"pagefind-{months[0]}-"):
            assert others_taken_in.wait(timeout=60), "the other bundles were not taken in before this one ended"
            raise search.SearchError("pagefind failed (1): a test")
        return real_index(executable, mirror, trackings, bundle)

    def recording_guard(files: list[tuple[str, bytes]]) -> list[str]:
        checked.extend(path for path, _ in files if path.startswith("_pagefind/"))
        if {month_of(p.split("/")[1]) for p in checked if "/fragment/" in p} == set(months[1:]):
            others_taken_in.set()
        return []

    monkeypatch.setattr(search, "_index", failing)
    result = build_site(tmp_path, records, guard=recording_guard)
    site = tmp_path / "output"
    taken_in = {p.split("/")[1] for p in checked if "/fragment/" in p}
    assert {month_of(d) for d in taken_in} == set(months[1:])  # the other months were taken in …
    assert not [f for f in result.written_files if f.startswith("_pagefind/")]  # … and none written
    assert not (site / "_pagefind").exists()
    assert f"laporan/{records[0]['tracking']}/index.html" in result.written_files
    monkeypatch.setattr(search, "_index", real_index)
    again = build_site(tmp_path, records)
    assert [month_of(d) for d in listed(site)] == months
    assert any(f.startswith("_pagefind/") for f in again.written_files)
