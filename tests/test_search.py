"""Static full-text search with Pagefind: the index, the pages, the gate, and a real browser."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aduan_site.build import build
from aduan_site.output import PublicationRefused
from chalicelib.gate.files import Scanner, guard_for
from chalicelib.gate.identifiers import Identifier
from conftest import CHROMIUM_ARGS
from site_fixtures import load_region, make_record, make_records, write_public_dataset


def build_site(root: Path, records: list[dict[str, Any]], **kwargs: Any) -> Any:
    write_public_dataset(root / "var/public", records)
    return build(root / "output", data_dir=root / "var", **kwargs)


def sample() -> list[dict[str, Any]]:
    region = load_region()
    records = make_records(40, region)
    # One report whose text says something no other does.
    records.append(
        make_record(
            500,
            region,
            title="Trotoar ambles di depan pasar ikan",
            description="Trotoar ambles sedalam setengah meter, berbahaya bagi pejalan kaki.",
        )
    )
    return records


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search")
    build_site(root, sample())
    return root / "output"


def shards(site: Path) -> list[str]:
    return [s.rstrip("/") for s in json.loads((site / "_pagefind/shards.json").read_text())["shards"]]


def test_bundle_indexes_every_report_page_and_nothing_else(site: Path) -> None:
    bundle = site / "_pagefind"
    for name in ("pagefind-ui.js", "pagefind-ui.css", "shards.json"):
        assert (bundle / name).is_file(), name
    # One shard per month of submission: the sample spans January, February and July 2026.
    assert shards(site) == sorted({r["submitted"][:7] for r in sample()}) == ["2026-01", "2026-02", "2026-07"]
    pages = 0
    for shard in shards(site):
        for name in ("pagefind.js", "pagefind-entry.json"):
            assert (bundle / shard / name).is_file(), (shard, name)
        assert not (bundle / shard / "pagefind-ui.js").exists()  # the UI is published once
        entry = json.loads((bundle / shard / "pagefind-entry.json").read_text())
        pages += sum(lang["page_count"] for lang in entry["languages"].values())
    assert pages == len(sample())
    fragments = [
        json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd") :])
        for p in bundle.glob("*/fragment/*.pf_fragment")
    ]
    assert len(fragments) == len(sample())
    assert all(f["url"].startswith("/laporan/") for f in fragments)  # never the English copies
    ambles = next(f for f in fragments if f["meta"]["title"] == "Trotoar ambles di depan pasar ikan")
    assert "setengah meter" in ambles["content"]
    assert "Identitas pelapor tidak pernah dipublikasikan" not in ambles["content"]  # data-pagefind-ignore
    assert set(ambles["filters"]) == {"status", "instansi", "kecamatan"}


def test_search_pages_use_the_local_bundle(site: Path) -> None:
    for page, lang in (("cari/index.html", "id"), ("en/cari/index.html", "en")):
        html = (site / page).read_text()
        assert f'<html lang="{lang}">' in html
        assert 'src="/_pagefind/pagefind-ui.js"' in html and 'href="/_pagefind/pagefind-ui.css"' in html
        assert 'src="/theme/js/cari.js"' in html and 'data-bundle="/_pagefind/"' in html
        assert "<noscript>" in html
    assert 'href="/cari/"' in (site / "index.html").read_text()
    assert 'href="/en/cari/"' in (site / "en/index.html").read_text()


def bundle_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "_pagefind").rglob("*")) if p.is_file()}


def test_index_is_made_again_only_when_a_report_page_changes(tmp_path: Path) -> None:
    records = sample()
    build_site(tmp_path, records)
    before = bundle_files(tmp_path / "output")

    # Nothing changed, or only what report pages do not show (the forms' API address).
    assert not [f for f in build_site(tmp_path, records).written_files if f.startswith("_pagefind/")]
    result = build_site(tmp_path, records, api_url="https://api.example.go.id")
    assert "lapor/index.html" in result.written_files
    assert not [f for f in result.written_files if f.startswith("_pagefind/")]
    assert bundle_files(tmp_path / "output") == before

    # A report page changes: the index of its month follows, the other months are kept.
    records[5]["title"] = "Jembatan gantung bergoyang keras"
    shard = records[5]["submitted"][:7]
    result = build_site(tmp_path, records)
    assert [f for f in result.written_files if f.startswith(f"_pagefind/{shard}/fragment/")]
    assert {f.split("/")[1] for f in result.written_files + result.deleted_files if f.startswith("_pagefind/")} == {
        shard
    }
    after = bundle_files(tmp_path / "output")
    assert {k: v for k, v in after.items() if f"/{shard}/" not in k} == {
        k: v for k, v in before.items() if f"/{shard}/" not in k
    }
    fragments = [gzip.decompress(p.read_bytes()) for p in (tmp_path / "output/_pagefind").glob("*/fragment/*")]
    assert any(b"Jembatan gantung bergoyang keras" in f for f in fragments)
    assert len(fragments) == len(records)  # the old fragment of that page is gone


def test_a_quick_build_keeps_the_index_and_the_next_full_build_refreshes_it(tmp_path: Path) -> None:
    records = sample()
    build_site(tmp_path, records)
    before = bundle_files(tmp_path / "output")
    records[5]["title"] = "Jembatan gantung bergoyang keras"
    quick = build_site(tmp_path, records, search=False)
    page = f"laporan/{records[5]['tracking']}/index.html"
    assert page in quick.written_files and not [f for f in quick.written_files if f.startswith("_pagefind/")]
    assert bundle_files(tmp_path / "output") == before  # the old index stays whole and usable
    full = build_site(tmp_path, records)
    assert page not in full.written_files and [f for f in full.written_files if f.startswith("_pagefind/")]
    fragments = [gzip.decompress(p.read_bytes()) for p in (tmp_path / "output/_pagefind").glob("*/fragment/*")]
    assert any(b"Jembatan gantung bergoyang keras" in f for f in fragments)


def test_the_gate_reads_the_search_index_before_anything_is_written(tmp_path: Path) -> None:
    records = sample()
    build_site(tmp_path, records)
    seen: list[str] = []

    def recording_guard(files: list[tuple[str, bytes]]) -> list[str]:
        seen.extend(path for path, _ in files)
        return []

    records[2]["description"] = "Isi baru yang ditulis petugas untuk laporan ini."
    build_site(tmp_path, records, guard=recording_guard)
    assert any(p.startswith("_pagefind/") and "/fragment/" in p for p in seen)
    assert any(p.startswith("_pagefind/") and "/index/" in p for p in seen)

    # A name the gate knows, in the text: refused, and the index on disk is the old one.
    before = bundle_files(tmp_path / "output")
    records[2]["description"] = "Pak Wiryo Sudarsono mengeluh jalan rusak."
    scanner = Scanner([Identifier(records[2]["tracking"], "nama", "wiryo sudarsono", True, "Wi…no")])
    with pytest.raises(PublicationRefused) as refused:
        build_site(tmp_path, records, guard=guard_for(scanner))
    assert any("/fragment/" in problem for problem in refused.value.problems)
    assert bundle_files(tmp_path / "output") == before


def test_no_reports_no_index(tmp_path: Path) -> None:
    result = build(tmp_path / "output", data_dir=tmp_path / "nothing")
    assert not [f for f in result.written_files if f.startswith("_pagefind/")]
    assert 'id="search-unavailable"' in (tmp_path / "output/cari/index.html").read_text()


# -- in a browser ---------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
ARGS = CHROMIUM_ARGS  # as every browser test launches it (conftest.py)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.browser
@pytest.mark.parametrize("page", ["cari/", "en/cari/"])
def test_searching_a_kelurahan_finds_its_reports(site: Path, page: str) -> None:
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed: run `make browser`"
    from playwright.sync_api import sync_playwright

    records = sample()
    # The kelurahan with the most reports whose name is one word and no kecamatan's.
    kecamatan = {k["name"] for k in load_region()["kecamatan"]}
    names = sorted({r["kelurahan"] for r in records if r["kelurahan"] and " " not in r["kelurahan"]} - kecamatan)
    kelurahan = max(names, key=lambda name: sum(name in r["title"] for r in records))
    expected = {r["tracking"] for r in records if kelurahan in (r["title"] + " " + (r["kelurahan"] or ""))}
    assert len(expected) >= 2
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            tab = browser.new_page()
            requests: list[str] = []
            tab.on("request", lambda request: requests.append(request.url))
            tab.goto(f"{url}/{page}")
            tab.fill(".pagefind-ui__search-input", kelurahan)
            tab.wait_for_selector(".pagefind-ui__result-link")
            message = tab.locator(".pagefind-ui__message").inner_text()
            assert str(len(expected)) in message, message
            # Show every result, then compare with the reports of that kelurahan.
            while tab.locator(".pagefind-ui__button").count():
                tab.locator(".pagefind-ui__button").click()
                tab.wait_for_timeout(200)
            hrefs = {a.get_attribute("href") for a in tab.locator(".pagefind-ui__result-link").all()}
            assert {h.rstrip("/").split("/")[-1] for h in hrefs} == expected
            tab.locator(".pagefind-ui__result-link").first.click()
            tab.wait_for_load_state()
            assert kelurahan in tab.content()
            assert all(r.startswith(url) for r in requests), [r for r in requests if not r.startswith(url)]
        finally:
            browser.close()


@pytest.mark.browser
def test_search_works_with_and_without_a_shard(site: Path, tmp_path: Path) -> None:
    """The page merges every shard; a shard that cannot be loaded (being replaced, or gone) is
    left out and the others still answer."""
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed: run `make browser`"
    from playwright.sync_api import sync_playwright

    ambles = next(r for r in sample() if r["title"].startswith("Trotoar ambles"))
    shard = ambles["submitted"][:7]
    # "Kelurahan" is on every report page that names one, in every month.
    in_shard = sum(1 for r in sample() if r["submitted"][:7] == shard and r["kelurahan"])
    with_kelurahan = sum(1 for r in sample() if r["kelurahan"])
    without = tmp_path / "without"
    shutil.copytree(site, without)
    shutil.rmtree(without / "_pagefind" / shard)

    def count(tab: Any, query: str) -> int:
        tab.fill(".pagefind-ui__search-input", query)
        # The message names the query, without the trailing "…" of "searching", once the
        # search of every merged shard has answered.
        tab.wait_for_function(
            """query => {
                const m = document.querySelector(".pagefind-ui__message");
                return m && m.textContent.includes(query) && !m.textContent.trim().endsWith("...");
            }""",
            arg=query,
        )
        message = tab.locator(".pagefind-ui__message").inner_text()
        found = re.search(r"\d+", message)
        return int(found.group()) if found else 0

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for root, missing in ((site, 0), (without, in_shard)):
                with serve(root) as url:
                    tab = browser.new_page()
                    tab.goto(f"{url}/cari/")
                    assert count(tab, "ambles") == (0 if root == without else 1), root
                    # The reports of the other months are found either way.
                    assert count(tab, "kelurahan") == with_kelurahan - missing, root
                    tab.close()
        finally:
            browser.close()
