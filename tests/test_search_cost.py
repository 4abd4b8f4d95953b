"""What the search index costs: pages cut to what Pagefind reads give the very index the whole
pages give; a change's search work does not grow with the number of reports."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest
from aduan_site import search
from aduan_site.search import fragment, month_of, searchable
from site_fixtures import load_region, make_records
from test_search import build_site, index_bytes, listed, move_on, sample
from test_search import searchable as searchable_results


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search-cost")
    build_site(root, sample())
    return root / "output"


def decoded(bundle: Path, part: str) -> dict[str, bytes]:
    """A bundle's files under `part` (fragment/, index/): name → decompressed bytes."""
    return {p.name: gzip.decompress(p.read_bytes()) for p in sorted((bundle / part).glob("*"))}


def test_the_cut_pages_give_the_index_the_whole_pages_give(site: Path, tmp_path: Path) -> None:
    """Each month's bundle, indexed from the published pages, against Pagefind run on a mirror
    of the same pages cut (`searchable`): the same fragments (file names are hashes of their
    content) and the same index chunks, byte for byte."""
    executable = search._executable()
    months = [d for d in listed(site) if not d.startswith("recent-")]
    assert months
    mirror = search.Mirror(tmp_path / "cut", cut=True)
    for directory in months:
        bundle = site / "_pagefind" / directory
        trackings = [search.tracking_of(fragment(p.read_bytes())["url"]) for p in (bundle / "fragment").glob("*")]
        for tracking in trackings:
            mirror.update(tracking, site / search.page_path(tracking), changed=True)
        cut = search._index(executable, mirror.root, trackings, tmp_path / directory)
        assert decoded(bundle, "fragment") == decoded(cut, "fragment")
        assert decoded(bundle, "index") == decoded(cut, "index")
        # The meta's hash covers the filter files, whose order Pagefind varies from run to run.
        ours, theirs = (json.loads((b / "pagefind-entry.json").read_text())["languages"] for b in (bundle, cut))
        assert {k: v["page_count"] for k, v in ours.items()} == {k: v["page_count"] for k, v in theirs.items()}


def test_a_first_build_indexes_the_staged_pages_and_makes_no_mirror(site: Path) -> None:
    """A first build's shards are indexed from the pages where the build staged them
    (`staged_pages`): no mirror page is made (the next builds make the ones they index)."""
    assert listed(site)
    assert not (site / ".aduan-search" / "laporan").exists()


def test_the_mirror_holds_links_or_cut_pages(site: Path, tmp_path: Path) -> None:
    page = next((site / "laporan").glob("*/index.html"))
    tracking = page.parent.name
    mirror = search.Mirror(tmp_path / "cut", cut=True)
    mirror.update(tracking, page, changed=True)
    cut = mirror.page(tracking).read_bytes()
    assert cut == searchable(page.read_bytes())
    assert len(cut) < 0.8 * page.stat().st_size
    assert b'<html lang="id">' in cut and b"data-pagefind-body" in cut
    assert b"site-footer" not in cut and b"site-nav" not in cut
    # A mirror of links cut again: the link is replaced, the published page never written through.
    before = page.read_bytes()
    linked = search.Mirror(tmp_path / "linked", cut=False)
    linked.update(tracking, page, changed=True)
    search.Mirror(linked.root, cut=True).update(tracking, page, changed=True)
    assert page.read_bytes() == before and linked.page(tracking).read_bytes() == cut


def test_a_page_that_cannot_be_cut_safely_is_given_whole() -> None:
    body = b'<article data-pagefind-body><h1>Jalan rusak</h1><p data-pagefind-filter="status:Baru">Baru</p></article>'
    page = (
        b'<!doctype html>\n<html lang="id"><head><title>T</title></head><body><nav>Menu</nav>'
        + body
        + b"</body></html>"
    )
    cut = searchable(page)
    assert b"Menu" not in cut and body in cut and b"<title>T</title>" in cut
    outside = page.replace(b"<nav>", b'<nav data-pagefind-meta="x">')
    assert searchable(outside) == outside  # a meta outside the body: Pagefind must see it
    nested = page.replace(b"<h1>Jalan rusak</h1>", b"<article><h1>Jalan rusak</h1></article>")
    assert searchable(nested) == nested  # an element of the body's name inside it
    no_body = page.replace(b" data-pagefind-body", b"")
    assert searchable(no_body) == no_body


class Counts:
    """What a build's search work read or hashed: stats of index files, fragments read, pages
    whose bytes went into a bundle's key."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.stats = self.fragments = self.hashed = 0
        isfile, is_file, read_fragment, key = os.path.isfile, Path.is_file, search.fragment, search.shard_key

        def counted_isfile(path: Any) -> bool:
            self.stats += "/_pagefind/" in str(path)
            return isfile(path)

        def counted_is_file(path: Path) -> bool:
            self.stats += "/_pagefind/" in str(path)
            return is_file(path)

        def counted_fragment(data: bytes) -> dict[str, Any]:
            self.fragments += 1
            return read_fragment(data)

        def counted_key(trackings: list[str], shas: dict[str, str]) -> str:
            self.hashed += len(trackings)
            return key(trackings, shas)

        monkeypatch.setattr(os.path, "isfile", counted_isfile)
        monkeypatch.setattr(Path, "is_file", counted_is_file)
        monkeypatch.setattr(search, "fragment", counted_fragment)
        monkeypatch.setattr(search, "shard_key", counted_key)

    def figures(self) -> tuple[int, int, int]:
        return self.stats, self.fragments, self.hashed


def one_change(root: Path, count: int) -> dict[str, tuple[int, int, int]]:
    """Build `count` reports, move one on (a new status and note), then, in the same process as
    the worker does, the quick build that puts it online and the build that refreshes the search
    index: what each read and hashed of the index."""
    region = load_region()
    records = make_records(count, region)
    build_site(root, records)
    record = move_on(records, "Petugas meninjau lokasi")
    figures = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        counts = Counts(monkeypatch)
        quick = build_site(root, records, search=False)
        figures["live"] = counts.figures()
    assert f"laporan/{record['tracking']}/index.html" in quick.written_files
    with pytest.MonkeyPatch.context() as monkeypatch:
        counts = Counts(monkeypatch)
        build_site(root, records)
        figures["search"] = counts.figures()
    found = [s for s in listed(root / "output") if s.startswith("recent-")]
    assert found, "the change went to the recent shard"
    recent = root / "output/_pagefind" / found[0] / "fragment"
    assert [fragment(p.read_bytes())["url"] for p in recent.glob("*")] == [f"/laporan/{record['tracking']}/"]
    return figures


def test_a_changes_search_work_does_not_grow_with_the_reports(tmp_path: Path) -> None:
    """At N and 3N reports (over more months, more pages a month), one change reads and hashes
    the same in the quick build and in the search refresh: only its month's files it must read,
    the recent shard's fragments, and the recent shard's pages."""
    small = one_change(tmp_path / "small", 40)
    large = one_change(tmp_path / "large", 120)
    assert large == small
    stats, fragments, hashed = large["search"]
    assert fragments >= 1 and hashed == 1  # the recent shard: its one page, hashed and read back
    assert stats < 20


def test_past_the_bound_one_month_is_folded_back_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The recent shard past its bound: the month holding most of its pages is indexed again,
    the other months' changed pages stay recent (a month costs seconds at 100k reports)."""
    monkeypatch.setattr(search, "RECENT_LIMIT", 2)
    records = sample()
    build_site(tmp_path, records)
    site = tmp_path / "output"
    months = listed(site)
    january, february = (3, 4, 7), 30
    assert {records[n]["submitted"][:7] for n in january} == {"2026-01"}
    assert records[february]["submitted"][:7] == "2026-02"
    for n in (*january, february):
        records[n]["title"] += " dan sudah dilaporkan ulang"  # words added: the recent shard
    build_site(tmp_path, records)
    new = [s for s in listed(site) if s not in months]
    assert [month_of(s) for s in new if not s.startswith("recent-")] == ["2026-01"]
    recent = [s for s in new if s.startswith("recent-")]
    assert len(recent) == 1
    urls = [fragment(p.read_bytes())["url"] for p in (site / "_pagefind" / recent[0] / "fragment").glob("*")]
    assert urls == [f"/laporan/{records[february]['tracking']}/"]
    found = searchable_results(site)
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())
    assert all("dilaporkan ulang" in found[f"/laporan/{records[n]['tracking']}/"][0] for n in (*january, february))


def test_a_word_taken_out_in_a_quick_build_leaves_the_index_at_the_next_refresh(tmp_path: Path) -> None:
    """As the worker runs: the quick build puts the page online (the index kept as it was), the
    next build refreshes the index. That build did not render the page, yet the word the page
    lost must leave every index file: its month is indexed again."""
    records = sample()
    records[5]["description"] += " Saksi di lokasi: Sutarmiji Wirodikromo."
    build_site(tmp_path, records)
    site = tmp_path / "output"
    months = listed(site)
    assert b"wirodikromo" in index_bytes(site)
    records[5]["description"] = sample()[5]["description"]
    quick = build_site(tmp_path, records, search=False)
    assert f"laporan/{records[5]['tracking']}/index.html" in quick.written_files
    refresh = build_site(tmp_path, records)
    assert f"laporan/{records[5]['tracking']}/index.html" not in refresh.written_files
    assert b"wirodikromo" not in index_bytes(site) and b"sutarmiji" not in index_bytes(site)
    assert {month_of(s) for s in listed(site) if s not in months} == {records[5]["submitted"][:7]}
    found = searchable_results(site)
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())
