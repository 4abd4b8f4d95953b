"""What the search index costs: Pagefind reads cut pages and gives the very index the whole
pages give; a change's search work does not grow with the number of reports."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from aduan_site import search
from aduan_site.search import fragment, searchable
from test_search import build_site, listed, sample


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search-cost")
    build_site(root, sample())
    return root / "output"


def decoded(bundle: Path, part: str) -> dict[str, bytes]:
    """A bundle's files under `part` (fragment/, index/): name → decompressed bytes."""
    return {p.name: gzip.decompress(p.read_bytes()) for p in sorted((bundle / part).glob("*"))}


def test_the_cut_pages_give_the_index_the_whole_pages_give(site: Path, tmp_path: Path) -> None:
    """Each month's bundle, indexed from the mirror's cut pages, against Pagefind run on the
    published pages as they are: the same fragments (file names are hashes of their content)
    and the same index chunks, byte for byte."""
    executable = search._executable()
    months = [d for d in listed(site) if not d.startswith("recent-")]
    assert months
    for directory in months:
        bundle = site / "_pagefind" / directory
        trackings = [search.tracking_of(fragment(p.read_bytes())["url"]) for p in (bundle / "fragment").glob("*")]
        whole = search._index(executable, site, trackings, tmp_path / directory)
        assert decoded(bundle, "fragment") == decoded(whole, "fragment")
        assert decoded(bundle, "index") == decoded(whole, "index")
        # The meta's hash covers the filter files, whose order Pagefind varies from run to run.
        ours, theirs = (json.loads((b / "pagefind-entry.json").read_text())["languages"] for b in (bundle, whole))
        assert {k: v["page_count"] for k, v in ours.items()} == {k: v["page_count"] for k, v in theirs.items()}


def test_the_mirror_holds_cut_pages(site: Path) -> None:
    page = next((site / "laporan").glob("*/index.html"))
    mirrored = site / ".aduan-search" / page.relative_to(site)
    cut = mirrored.read_bytes()
    assert cut == searchable(page.read_bytes())
    assert len(cut) < 0.8 * page.stat().st_size
    assert b'<html lang="id">' in cut and b"data-pagefind-body" in cut
    assert b"site-footer" not in cut and b"site-nav" not in cut


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
