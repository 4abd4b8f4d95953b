"""A staged file is created with the site's file mode and written without a buffer object
(`output.write_new`): no chmod per file when the umask leaves 0o644 whole (the ~70k files of a
first build at 20k reports), and the same bytes and modes as before whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from aduan_site import output, search
from aduan_site.output import IncrementalOutput
from site_fixtures import make_records, write_public_dataset
from test_site import API, build


@pytest.fixture
def umask() -> Iterator[None]:
    """Restores the test process's umask (and forgets the one `write_new` read)."""
    before = os.umask(0o022)
    output._umask_keeps_file_mode.cache_clear()
    output._umask_gives_file_mode.cache_clear()
    yield
    os.umask(before)
    output._umask_keeps_file_mode.cache_clear()
    output._umask_gives_file_mode.cache_clear()


def counted_chmods(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fchmod

    def fchmod(fd: int, mode: int) -> None:
        calls.append(mode)
        real(fd, mode)

    monkeypatch.setattr(os, "fchmod", fchmod)
    return calls


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask")
def test_a_build_writes_its_files_readable_with_no_chmod_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_public_dataset(tmp_path / "var" / "public", make_records(30))
    chmods = counted_chmods(monkeypatch)
    result = build(tmp_path / "site", data_dir=tmp_path / "var", api_url=API, search=False)
    assert result.written > 100
    assert chmods == []
    for relpath in result.written_files:
        assert mode(tmp_path / "site" / relpath) == 0o644, relpath


@pytest.mark.usefixtures("umask")
def test_a_umask_that_takes_bits_away_still_gives_readable_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.umask(0o077)
    output._umask_keeps_file_mode.cache_clear()
    chmods = counted_chmods(monkeypatch)
    out = IncrementalOutput(tmp_path / "site", ".aduan-state.sqlite", "key")
    made = [out.stage(relpath, relpath.encode() * 3) for relpath in ("a/b/c.html", "a/d.txt", "e.json")]
    for staged in made:
        assert staged.path is not None
        assert Path(staged.path).read_bytes() == staged.relpath.encode() * 3
        assert mode(Path(staged.path)) == 0o644
    assert chmods == [0o644] * 3
    out.abandon()


@pytest.mark.usefixtures("umask")
def test_a_file_already_staged_is_replaced_whole_and_made_readable(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "page.html"
    output.write_new(str(target), b"first, and longer")
    os.chmod(target, 0o600)
    output.write_new(str(target), b"second")
    assert target.read_bytes() == b"second"
    assert mode(target) == 0o644
    big = bytes(range(256)) * 40_000  # several writes' worth for a pipe; one or more for a file
    output.write_new(str(tmp_path / "big.bin"), big)
    assert (tmp_path / "big.bin").read_bytes() == big


PAGE = (
    b'<!doctype html>\n<html lang="id"><head><title>A report</title></head><body><nav>menu</nav>'
    b"<article data-pagefind-body><h1>Jalan rusak</h1><p>Lubang besar</p></article></body></html>\n"
)


@pytest.mark.usefixtures("umask")
def test_a_page_new_to_the_search_mirror_is_written_in_place_with_no_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "site" / "laporan" / "PSR-0001" / "index.html"
    source.parent.mkdir(parents=True)
    source.write_bytes(PAGE)
    renames: list[str] = []
    real = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        renames.append(str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    mirror = search.Mirror(tmp_path / "mirror", cut=True)
    mirror.update("PSR-0001", source, changed=True)
    target = mirror.page("PSR-0001")
    assert target.read_bytes() == search.searchable(PAGE) != PAGE
    assert renames == []
    assert mode(target) == 0o644


@pytest.mark.usefixtures("umask")
def test_a_page_already_in_the_search_mirror_is_replaced_never_written_through(tmp_path: Path) -> None:
    published = tmp_path / "site" / "laporan" / "PSR-0001" / "index.html"
    published.parent.mkdir(parents=True)
    published.write_bytes(PAGE)
    mirror = search.Mirror(tmp_path / "mirror", cut=False)
    mirror.update("PSR-0001", published, changed=True)  # a hard link to the published page
    assert mirror.page("PSR-0001").stat().st_ino == published.stat().st_ino
    changed = tmp_path / "staged.html"
    changed.write_bytes(PAGE.replace(b"Lubang besar", b"Sudah diperbaiki"))
    search.Mirror(tmp_path / "mirror", cut=True).update("PSR-0001", changed, changed=True)
    assert published.read_bytes() == PAGE
    assert mirror.page("PSR-0001").read_bytes() == search.searchable(changed.read_bytes())


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_the_search_bundles_files_are_readable_chmod_only_when_the_umask_needs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mask: int
) -> None:
    """Pagefind creates its files with 0o666 less the umask: with the usual 0o022 they are
    0o644 already and none is chmod-ed (`IncrementalOutput.adopted`); otherwise each is."""
    os.umask(mask)
    output._umask_keeps_file_mode.cache_clear()
    output._umask_gives_file_mode.cache_clear()
    write_public_dataset(tmp_path / "var" / "public", make_records(12))
    chmods: list[str] = []
    real = os.chmod

    def chmod(path: str | Path, mode: int, **kwargs: object) -> None:
        chmods.append(str(path))
        real(path, mode)

    monkeypatch.setattr(os, "chmod", chmod)
    result = build(tmp_path / "site", data_dir=tmp_path / "var", api_url=API)
    bundle = [p for p in result.written_files if p.startswith("_pagefind/") and "/fragment/" in p]
    assert bundle
    for relpath in bundle:
        assert mode(tmp_path / "site" / relpath) == 0o644, relpath
    chmodded = [p for p in chmods if "/fragment/" in p]
    assert (chmodded == []) == (mask == 0o022)
