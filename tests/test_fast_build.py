"""A build that changes only records leaves Pelican out (lightbuild.py): it is taken after a
status change, not after the theme, the settings or the content changed, and what it makes is
byte for byte what a full build makes from the same dataset."""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

import pytest
from aduan_site import opendata_build
from aduan_site.build import build as build_site
from chalicelib.importer import import_lines
from chalicelib.sitebuild import build
from site_fixtures import REPO, make_records, make_stats, write_public_dataset
from test_gate import admin_of
from test_parts import _lines_in_months, part_rows

# The build's own bookkeeping, not the site: its state, lock, caches and the search mirror.
BOOKKEEPING = (".aduan-build.db", ".aduan-build.lock", ".aduan-search", ".aduan-state", ".aduan-pages", "_pagefind/")


def tree(output: Path) -> dict[str, str]:
    """Every file of the site (path → sha256), the build's bookkeeping and the search index left
    out: an index made change by change is laid out otherwise than one made at once (search.py;
    test_search compares their results in a browser)."""
    return {
        str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in output.rglob("*")
        if p.is_file() and not str(p.relative_to(output)).startswith(BOOKKEEPING)
    }


class PelicanRuns:
    """Counts Pelican's runs (the build without Pelican never starts one)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from pelican import Pelican

        self.count = 0
        real = Pelican.run

        def run(pelican: Pelican) -> None:
            self.count += 1
            real(pelican)

        monkeypatch.setattr(Pelican, "run", run)


class Frozen(datetime):
    @classmethod
    def now(cls, tz: tzinfo | None = None) -> Frozen:
        return cls(2026, 12, 2, 1, 0, 0, tzinfo=tz)


def new_process() -> None:
    """Forget what this process remembers of its builds, as `aduan build` starts afresh."""
    from aduan_site import dataset, pages, state

    state._MEMORY.clear()
    pages._LAST.clear()
    dataset._SEEN.clear()


def one_change_after_a_build(
    root: Path, months: int, per_month: int, region: Any, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str, Any]:
    """Import `months` months of `per_month` reports under `root`, build (with the search index),
    move one verified report on and forget this process's builds, as a new `aduan build` would:
    (the output, the moved report's tracking number, the store to close)."""
    from chalicelib import config
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan

    monkeypatch.setenv("ADUAN_DATA", str(root / "data"))
    public = root / "data" / "public"
    store = config.store()
    service = Aduan(store, region, published=lambda t: read_record(public, t), held=config.gate_index().held)
    import_lines(_lines_in_months(region, months, per_month, seed=9), store, region)
    output = root / "output"
    build(output)
    tracking = next(r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified")
    service.act(admin_of(service), tracking, {"action": "progress", "note": "Tim sudah ke lokasi"})
    new_process()
    return output, tracking, store


def another_change_in_the_worker(
    root: Path, months: int, per_month: int, region: Any, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str, Any]:
    """`one_change_after_a_build`, built (as the worker: the same process from then on), then another
    verified report moved on: (the output, that report's tracking number, the store to close)."""
    from chalicelib import config
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan

    output, tracking, store = one_change_after_a_build(root, months, per_month, region, monkeypatch)
    build(output)  # the worker's process from here on
    public = root / "data" / "public"
    service = Aduan(store, region, published=lambda t: read_record(public, t), held=config.gate_index().held)
    other = next(
        r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified" and r["tracking"] != tracking
    )
    service.act(admin_of(service), other, {"action": "progress", "note": "Petugas dijadwalkan besok"})
    return output, other, store


def test_changes_built_without_pelican_make_what_a_full_build_makes(
    region, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib import config
    from chalicelib.publish import read_record
    from chalicelib.service import Aduan

    monkeypatch.setenv("ADUAN_DATA", str(tmp_path / "data"))
    # One clock for both directories: the open data's index says when it was made.
    monkeypatch.setattr(opendata_build, "datetime", Frozen)
    public = tmp_path / "data" / "public"
    store = config.store()
    service = Aduan(store, region, published=lambda t: read_record(public, t), held=config.gate_index().held)
    import_lines(_lines_in_months(region, 3, 8, seed=11), store, region)
    runs = PelicanRuns(monkeypatch)
    output, twin = tmp_path / "output", tmp_path / "twin"

    def twin_built() -> None:
        """The same dataset built with Pelican into another directory, as a new process."""
        new_process()
        build_site(twin, data_dir=tmp_path / "data", settings_file=config.site_source() / "pelicanconf.py", full=True)

    build(output)
    twin_built()
    assert runs.count == 2
    verified = [r["tracking"] for r in part_rows(output, "reports") if r["status"] == "verified"]
    assert len(verified) >= 2
    admin = admin_of(service)

    # A chain of changes, each built as a new process: none starts Pelican, and each makes what
    # Pelican's build of the same dataset makes.
    for tracking, change in (
        (verified[0], {"action": "progress", "note": "Tim sudah ke lokasi"}),
        (verified[1], {"action": "progress", "note": "Petugas dijadwalkan besok"}),
        (verified[0], {"action": "resolve", "note": "Jalan sudah ditambal"}),
    ):
        service.act(admin, tracking, change)
        new_process()
        result = build(output)
        assert result["records_changed"] == 1 and result["written"] > 0
        assert runs.count == 2
        twin_built()
        assert runs.count == 3
        runs.count = 2
        made, kept = tree(twin), tree(output)
        assert len(made) > 100
        assert (sorted(set(made) - set(kept)), sorted(set(kept) - set(made))) == ([], [])
        assert [p for p in made if made[p] != kept[p]] == []
    # Nothing new: still no Pelican, nothing written.
    new_process()
    assert build(output)["written"] == 0 and runs.count == 2

    # `aduan build --full` into a new directory, from the same dataset: the same report pages,
    # Pelican's pages and open data parts. (Listings differ by design: a report stays on the page
    # it joined (listing.py), which a directory built at once cannot know; and so do the whole
    # files, made again on their schedule, and data/changes/, the history of builds.)
    new_process()
    fresh = tmp_path / "fresh"
    build(fresh, full=True)
    same = re.compile(
        r"^(?:en/)?(?:laporan/|tentang/|privasi/|cara-melapor/|data-terbuka/|statistik/)|^data/parts/|^feeds/"
        r"|^instansi/[^/]+/updates\.atom\.xml$"
    )
    made = {p: d for p, d in tree(fresh).items() if same.match(p)}
    kept = {p: d for p, d in tree(output).items() if same.match(p)}
    assert len(made) > 40 and sorted(made) == sorted(kept)
    assert sum(p.endswith("updates.atom.xml") for p in made) > 5
    assert [p for p in made if made[p] != kept[p]] == []
    store.close()


def _site_source(root: Path) -> Path:
    """The repository's settings, theme and pages in a place a test may edit."""
    source = root / "source"
    source.mkdir()
    shutil.copytree(REPO / "theme", source / "theme")
    shutil.copytree(REPO / "content", source / "content")
    (source / "plugins").symlink_to(REPO / "plugins")
    (source / "pelicanconf.py").write_bytes((REPO / "pelicanconf.py").read_bytes())
    return source


def test_pelican_runs_again_after_the_theme_the_settings_or_the_pages_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _site_source(tmp_path)
    records = make_records(8)
    public = tmp_path / "var" / "public"
    write_public_dataset(public, records, make_stats(records))
    runs = PelicanRuns(monkeypatch)
    settings = source / "pelicanconf.py"
    output = tmp_path / "output"

    def built(search: bool = False) -> bool:
        """Build as a new process; whether Pelican ran."""
        new_process()
        before = runs.count
        result = build_site(output, data_dir=tmp_path / "var", settings_file=settings, search=search)
        assert result.pelican == (runs.count == before + 1)
        return result.pelican

    assert built()
    assert not built()  # nothing changed
    # A record changed: the plugin's pages only.
    records[2]["title"] = "Lampu jalan padam di gang tiga"
    write_public_dataset(public, records, make_stats(records))
    assert not built()
    assert "Lampu jalan padam" in (output / "laporan" / records[2]["tracking"] / "index.html").read_text()
    # Whether a build runs Pagefind (a worker's "pages live" build keeps the last index) is not
    # Pelican's business: a record changed between builds with and without the search index.
    for search in (True, False, True):
        records[3]["title"] = f"Saluran tersumbat, pencarian {search}"
        write_public_dataset(public, records, make_stats(records))
        assert not built(search)

    # The theme: a template every page extends.
    base = source / "theme" / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n<!-- tema diubah -->\n", encoding="utf-8")
    assert built()
    assert "tema diubah" in (output / "tentang" / "index.html").read_text()
    assert not built()

    # The settings (here through the environment the settings file reads).
    monkeypatch.setenv("ADUAN_API_URL", "https://api.contoh.go.id")
    assert built()
    assert not built()

    # A page of content/pages.
    about = source / "content" / "pages" / "tentang.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nKalimat baru.\n", encoding="utf-8")
    assert built()
    assert "Kalimat baru" in (output / "tentang" / "index.html").read_text()
    assert not built()


def test_feeds_made_from_what_they_showed_are_the_feeds_made_from_every_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build in a new process makes each feed from the entries it showed last time and the
    changed records' updates (pages._feeds_from_shown); with feeds of 4 entries, changes that
    add the newest update, take a shown report away, and add an update older than any shown
    must give the feeds a build with no state makes."""
    import json

    from aduan_site import feeds, pages

    monkeypatch.setattr(pages, "LIMIT", 4)
    records = make_records(40)
    public = tmp_path / "var" / "public"
    sorted_before: list[int] = []
    real_entries = pages.entries

    def counted(records: list) -> list:  # type: ignore[type-arg]
        sorted_before.append(len(records))
        return real_entries(records)

    monkeypatch.setattr(pages, "entries", counted)

    def published(seq: int, changed: list[str]) -> None:
        write_public_dataset(public, records, make_stats(records))
        (public / "changes").mkdir(exist_ok=True)
        entry = {"seq": seq, "at": "2026-11-30T00:00:00+00:00", "trackings": changed, "full": False}
        (public / "changes" / f"{seq}.json").write_text(json.dumps(entry))
        (public / "changes" / "last.json").write_text(json.dumps({"seq": seq, "oldest": 1}))

    def feeds_of(output: Path) -> dict[str, bytes]:
        return {str(p.relative_to(output)): p.read_bytes() for p in output.rglob("updates.atom.xml")}

    def built_both(n: int) -> None:
        new_process()
        sorted_before.clear()
        build_site(tmp_path / "output", data_dir=tmp_path / "var", search=False)
        shortcut = all(count <= 3 for count in sorted_before)  # only changed records' updates sorted
        fresh = tmp_path / f"fresh{n}"
        build_site(fresh, data_dir=tmp_path / "var", search=False)
        assert feeds_of(tmp_path / "output") == feeds_of(fresh)
        taken.append(shortcut)

    taken: list[bool] = []
    published(1, [r["tracking"] for r in records])
    build_site(tmp_path / "output", data_dir=tmp_path / "var", search=False)
    newest = max(records, key=lambda r: max(u["date"] for u in r["timeline"]))
    # The newest update of all: taken from what the feeds showed.
    records[5]["timeline"].append({"date": "2026-12-01", "type": "note", "note": "Tim meninjau lokasi"})
    published(2, [records[5]["tracking"]])
    built_both(1)
    # A shown report leaves: the next update, never shown, is not known, so every update is sorted.
    records.remove(newest)
    published(3, [newest["tracking"]])
    built_both(2)
    # An update older than every shown one: nothing of the feeds changes.
    records[0]["timeline"].append({"date": "2020-01-01", "type": "note", "note": "Catatan lama"})
    published(4, [records[0]["tracking"]])
    built_both(3)
    assert taken == [True, False, True]
    assert feeds.LIMIT == 50  # the module's own limit untouched


def test_a_new_process_building_a_changed_record_imports_no_pelican(tmp_path: Path) -> None:
    """`aduan build` as a new process after a record changed: neither Pelican nor docutils nor
    Markdown is imported (about 0.4 s of every such build before)."""
    import json
    import os
    import subprocess
    import sys

    records = make_records(6)
    public = tmp_path / "var" / "public"
    write_public_dataset(public, records, make_stats(records))
    output = tmp_path / "output"
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from aduan_site.build import build\n"
        f"result = build(Path({str(output)!r}), data_dir=Path({str(tmp_path / 'var')!r}), search=False)\n"
        "heavy = sorted(m for m in ('pelican', 'docutils', 'markdown') if m in sys.modules)\n"
        "print(json.dumps([result.pelican, result.written, heavy]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "plugins"), str(REPO / "functions")])}

    def new_process_build() -> list:  # type: ignore[type-arg]
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        return json.loads(run.stdout.strip().splitlines()[-1])

    assert new_process_build()[0] is True  # the first build: Pelican
    records[3]["title"] = "Saluran air tersumbat di depan sekolah"
    write_public_dataset(public, records, make_stats(records))
    pelican, written, heavy = new_process_build()
    assert pelican is False and written > 0 and heavy == []
