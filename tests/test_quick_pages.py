"""Pelican's Markdown pages read once (pagecache.py): a second build converts no Markdown and
writes the same bytes as a build with nothing kept; an edited page is read again."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from aduan_site.build import build
from aduan_site.pagecache import CACHE_DIR
from site_fixtures import REPO, make_records, make_stats, write_public_dataset

PAGES = ("tentang/index.html", "en/privasi/index.html", "data-terbuka/index.html", "transparansi/index.html")


def _site_source(root: Path) -> Path:
    """The repository's settings and pages in a place whose pages a test may edit."""
    source = root / "source"
    (source / "content").mkdir(parents=True)
    for name in ("theme", "plugins"):
        (source / name).symlink_to(REPO / name)
    (source / "content" / "pages").mkdir()
    for page in (REPO / "content" / "pages").iterdir():
        (source / "content" / "pages" / page.name).write_bytes(page.read_bytes())
    (source / "pelicanconf.py").write_bytes((REPO / "pelicanconf.py").read_bytes())
    return source


def _digests(output: Path) -> dict[str, str]:
    return {page: hashlib.sha256((output / page).read_bytes()).hexdigest() for page in PAGES}


def test_pages_are_read_once_and_their_bytes_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import markdown

    conversions: list[str] = []
    convert = markdown.Markdown.convert

    def counted(self, source):  # type: ignore[no-untyped-def]
        conversions.append(source[:20])
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counted)
    source = _site_source(tmp_path)
    records = make_records(6)
    write_public_dataset(tmp_path / "var" / "public", records, make_stats(records))
    settings = source / "pelicanconf.py"
    pages = len(list((source / "content" / "pages").iterdir()))

    def built(output: str, *, full: bool = False) -> dict[str, str]:
        conversions.clear()
        build(tmp_path / output, data_dir=tmp_path / "var", settings_file=settings, search=False, full=full)
        return _digests(tmp_path / output)

    first = built("output")
    assert len(conversions) == pages
    assert len(list((tmp_path / "output" / CACHE_DIR).glob("*.json"))) == pages
    second = built("output")
    assert conversions == [] and second == first
    # A build with nothing kept (a new output directory) makes the same bytes.
    assert built("cold") == first and len(conversions) == pages

    # An edited page is read again, and only that one.
    about = source / "content" / "pages" / "tentang.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSatu kalimat baru di halaman ini.\n", encoding="utf-8")
    third = built("output")
    assert len(conversions) == 1
    # The edited page's old entry is gone: one entry per page, not one per version of a page.
    assert len(list((tmp_path / "output" / CACHE_DIR).glob("*.json"))) == pages
    assert "Satu kalimat baru" in (tmp_path / "output" / "tentang" / "index.html").read_text(encoding="utf-8")
    assert {p: d for p, d in third.items() if p != "tentang/index.html"} == {
        p: d for p, d in first.items() if p != "tentang/index.html"
    }

    # A damaged entry is read again and put right (full builds: with nothing else changed, a
    # build leaves Pelican out altogether, lightbuild.py).
    for entry in (tmp_path / "output" / CACHE_DIR).glob("*.json"):
        entry.write_bytes(b"{not json")
    assert built("output", full=True) == third and len(conversions) == pages
    assert built("output", full=True) == third and conversions == []
