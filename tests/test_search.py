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
from aduan_site import output, search
from aduan_site.build import build
from aduan_site.output import PublicationRefused
from aduan_site.search import fragment, month_of
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


def listed(site: Path) -> list[str]:
    """The bundle directories shards.json lists (`2026-01-<key>`, `recent-<key>`)."""
    return [s.rstrip("/") for s in json.loads((site / "_pagefind/shards.json").read_text())["shards"]]


def shards(site: Path) -> list[str]:
    """The months whose bundles shards.json lists."""
    return [month_of(s) for s in listed(site) if not s.startswith("recent-")]


def test_bundle_indexes_every_report_page_and_nothing_else(site: Path) -> None:
    bundle = site / "_pagefind"
    for name in ("pagefind-ui.js", "pagefind-ui.css", "shards.json"):
        assert (bundle / name).is_file(), name
    # One shard per month of submission: the sample spans January, February and July 2026.
    assert shards(site) == sorted({r["submitted"][:7] for r in sample()}) == ["2026-01", "2026-02", "2026-07"]
    pages = 0
    for shard in listed(site):
        for name in ("pagefind.js", "pagefind-entry.json"):
            assert (bundle / shard / name).is_file(), (shard, name)
        assert not (bundle / shard / "pagefind-ui.js").exists()  # the UI is published once
        entry = json.loads((bundle / shard / "pagefind-entry.json").read_text())
        pages += sum(lang["page_count"] for lang in entry["languages"].values())
    assert pages == len(sample())
    fragments = [fragment(p.read_bytes()) for p in bundle.glob("*/fragment/*.pf_fragment")]
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


def fragments_of(site: Path) -> dict[str, dict[str, Any]]:
    """Every fragment file of the listed bundles: `<directory>/<id>` → its content."""
    bundle = site / "_pagefind"
    return {
        f"{d}/{p.stem}": fragment(p.read_bytes()) for d in listed(site) for p in (bundle / d / "fragment").glob("*")
    }


def searchable(site: Path) -> dict[str, list[str]]:
    """What the search page can find, as theme/static/js/pagefind/pagefind.js filters it: URL →
    the text of each result for it (a month's hidden fragment is dropped, or only one of two
    `same` ones kept; a hidden fragment whose file is gone cannot be shown)."""
    listing = json.loads((site / "_pagefind/shards.json").read_text())
    hidden = {(h["id"], h["url"]): h for h in listing["hidden"]}
    found: dict[str, list[str]] = {}
    for key, content in sorted(fragments_of(site).items(), key=lambda item: item[0].startswith("recent-")):
        entry = hidden.get((key.split("/")[1], content["url"]))
        if entry is not None and (not entry["same"] or content["url"] in found):
            continue
        found.setdefault(content["url"], []).append(content["content"])
    return found


def test_a_change_indexes_only_its_page_in_the_recent_shard(tmp_path: Path) -> None:
    records = sample()
    build_site(tmp_path, records)
    site = tmp_path / "output"
    before = bundle_files(site)
    months = listed(site)

    # Nothing changed, or only what report pages do not show (the forms' API address).
    assert not [f for f in build_site(tmp_path, records).written_files if f.startswith("_pagefind/")]
    result = build_site(tmp_path, records, api_url="https://api.example.go.id")
    assert "lapor/index.html" in result.written_files
    assert not [f for f in result.written_files if f.startswith("_pagefind/")]
    assert bundle_files(site) == before

    # A report page changes (it gains words, as a page does when its report moves on): a recent
    # shard of that page alone; every month bundle is kept, less the changed page's old fragment
    # (its old text), which shards.json hides.
    records[5]["title"] += ". Jembatan gantung bergoyang keras"
    url = f"/laporan/{records[5]['tracking']}/"
    result = build_site(tmp_path, records)
    recent = listed(site)[-1]
    assert recent.startswith("recent-") and listed(site)[:-1] == months
    written = {f for f in result.written_files if f.startswith("_pagefind/")}
    assert {f.split("/")[1] for f in written} == {recent, "shards.json"}
    assert len(written) < 15  # the recent bundle has no loader or wasm of its own
    assert {c["url"] for k, c in fragments_of(site).items() if k.startswith(recent)} == {url}
    hidden = json.loads((site / "_pagefind/shards.json").read_text())["hidden"]
    assert [(h["url"], h["same"]) for h in hidden] == [(url, False)]
    assert [f.split("/")[-1] for f in result.deleted_files] == [f"{hidden[0]['id']}.pf_fragment"]
    after = bundle_files(site)
    assert {k: v for k, v in after.items() if recent not in k and "shards.json" not in k} == {
        k: v for k, v in before.items() if k not in result.deleted_files and "shards.json" not in k
    }
    found = searchable(site)
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())
    assert "Jembatan gantung bergoyang keras" in found[url][0]

    # Another change: the recent shard is made again with both pages.
    records[9]["description"] += " Lampu jalan padam sepanjang malam."
    records[5]["title"] += ", talinya putus"
    result = build_site(tmp_path, records)
    recent2 = listed(site)[-1]
    assert recent2 != recent and not (site / "_pagefind" / recent).exists()
    assert {c["url"] for k, c in fragments_of(site).items() if k.startswith(recent2)} == {
        url,
        f"/laporan/{records[9]['tracking']}/",
    }
    found = searchable(site)
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())
    assert "talinya putus" in found[url][0] and "Lampu jalan padam" in found[f"/laporan/{records[9]['tracking']}/"][0]


def index_bytes(site: Path) -> bytes:
    """Every index file of every listed bundle, decompressed, lower case."""
    return b"".join(
        gzip.decompress(p.read_bytes()).lower() for d in listed(site) for p in (site / "_pagefind" / d).rglob("*.pf_*")
    )


def test_a_page_that_loses_words_reindexes_its_month(tmp_path: Path) -> None:
    """The recent shard hides a month's stale fragment, but the month's index chunks still hold
    the old page's words: a page that lost a word (an officer took a name out of a report's
    text) must have its month indexed again, or the word stays published until the next fold."""
    records = sample()
    records[5]["description"] += " Saksi di lokasi: Sutarmiji Wirodikromo."
    build_site(tmp_path, records)
    site = tmp_path / "output"
    assert b"wirodikromo" in index_bytes(site)
    months = listed(site)
    # Gaining words only: the recent shard, months kept.
    records[9]["description"] += " Lampu jalan padam sepanjang malam."
    build_site(tmp_path, records)
    assert listed(site)[:-1] == months and listed(site)[-1].startswith("recent-")

    # Words taken out: the month of that page is made again from its pages as they are now.
    records[5]["description"] = sample()[5]["description"]
    records[9]["description"] = sample()[9]["description"]
    build_site(tmp_path, records)
    changed = {records[n]["submitted"][:7] for n in (5, 9)}
    assert {month_of(s) for s in listed(site) if s not in months} == changed
    assert not [s for s in listed(site) if s.startswith("recent-")]
    index = index_bytes(site)
    assert b"wirodikromo" not in index and b"sutarmiji" not in index and b"padam" not in index
    found = searchable(site)
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())


def move_on(records: list[dict[str, Any]], note: str) -> dict[str, Any]:
    """Move the first verified record on a step (in progress, with `note` on its timeline)."""
    record = next(r for r in records if r["status"] == "verified")
    record["status"] = "in_progress"
    record["timeline"].append(
        {
            "date": record["verified"],
            "type": "status",
            "status": "in_progress",
            "agency": record["agency"],
            "note": note,
        }
    )
    return record


def test_a_status_change_stays_in_the_recent_shard(tmp_path: Path) -> None:
    """A report moving on (a new status, a note on its timeline) swaps only the site's own words
    on its page: it is indexed in the recent shard, its month kept."""
    records = sample()
    build_site(tmp_path, records)
    site = tmp_path / "output"
    months = listed(site)
    record = move_on(records, "Petugas sudah meninjau lokasi")
    build_site(tmp_path, records)
    assert listed(site)[:-1] == months and listed(site)[-1].startswith("recent-")
    found = searchable(site)
    assert "meninjau" in found[f"/laporan/{record['tracking']}/"][0]


def test_the_recent_shard_is_folded_back_into_its_months(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RECENT_LIMIT", 2)
    records = sample()
    build_site(tmp_path, records)
    site = tmp_path / "output"
    for n in (3, 4):
        records[n]["title"] = f"Perubahan pertama {n}"
    build_site(tmp_path, records)
    assert listed(site)[-1].startswith("recent-")
    months = listed(site)[:-1]
    records[7]["title"] = "Perubahan ketiga"
    result = build_site(tmp_path, records)
    # Three pages changed since their months were indexed: past the bound, their months are
    # indexed again and the recent shard is gone.
    changed = {records[n]["submitted"][:7] for n in (3, 4, 7)}
    assert not [s for s in listed(site) if s.startswith("recent-")]
    assert {month_of(s) for s in listed(site) if s not in months} == changed
    assert json.loads((site / "_pagefind/shards.json").read_text())["hidden"] == []
    assert not [f for f in result.deleted_files if not f.startswith("_pagefind/")]
    found = searchable(site)
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())
    assert "Perubahan ketiga" in found[f"/laporan/{records[7]['tracking']}/"][0]


def test_a_report_that_leaves_the_site_leaves_the_index(tmp_path: Path) -> None:
    records = sample()
    records[12]["title"] = "Kerbau lepas di alun-alun"
    build_site(tmp_path, records)
    site = tmp_path / "output"
    records[5]["title"] = "Jembatan gantung bergoyang keras"
    build_site(tmp_path, records)
    # Withdrawn or made confidential: gone from the public dataset. Its month is indexed again
    # (its words must leave the month's index, not only its fragment).
    gone = records.pop(12)
    month = gone["submitted"][:7]
    assert any(r["submitted"][:7] == month for r in records)
    before = listed(site)
    build_site(tmp_path, records)
    assert [month_of(s) for s in listed(site) if s not in before] == [month]
    found = searchable(site)
    assert f"/laporan/{gone['tracking']}/" not in found
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())
    index = b"".join(gzip.decompress(p.read_bytes()) for p in (site / "_pagefind").rglob("*.pf_*"))
    assert b"kerbau" not in index.lower()
    # The recent shard (another month's page) is still there and still hidden right.
    assert "Jembatan gantung bergoyang keras" in found[f"/laporan/{records[5]['tracking']}/"][0]


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
    found = searchable(tmp_path / "output")
    assert "Jembatan gantung bergoyang keras" in found[f"/{page.removesuffix('index.html')}"][0]


def test_a_killed_build_leaves_the_previous_index_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed while moving the new files into place, before shards.json: the search page still
    reads the previous index, every file of it, and finds each report once; the next build
    finishes the job."""
    records = sample()
    build_site(tmp_path, records)
    site = tmp_path / "output"
    records[5]["title"] = "Jembatan gantung bergoyang keras"
    build_site(tmp_path, records)
    before, found_before = bundle_files(site), searchable(site)
    records[9]["description"] = "Lampu jalan padam sepanjang malam."
    records[5]["title"] = "Jembatan gantung sudah diperbaiki"
    real_place = output.place

    def killed(staged: Path, path: Path) -> None:
        if path.name == "shards.json":
            raise KeyboardInterrupt  # as good as kill -9 here: nothing after it runs
        real_place(staged, path)

    monkeypatch.setattr(output, "place", killed)
    with pytest.raises(KeyboardInterrupt):
        build_site(tmp_path, records)
    monkeypatch.setattr(output, "place", real_place)
    # The new recent bundle is there, unlisted; everything the old shards.json lists is whole.
    now = bundle_files(site)
    assert {k: v for k, v in now.items() if k in before} == before
    assert searchable(site) == found_before
    build_site(tmp_path, records)
    found = searchable(site)
    assert len(found) == len(records) and all(len(texts) == 1 for texts in found.values())
    assert "sudah diperbaiki" in found[f"/laporan/{records[5]['tracking']}/"][0]
    # Nothing is left of the killed build but what the index lists.
    assert {k.split("/")[1] for k in bundle_files(site) if k.count("/") > 1} == set(listed(site))


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
    shutil.rmtree(without / "_pagefind" / next(s for s in listed(site) if month_of(s) == shard))

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


@pytest.mark.browser
def test_the_search_page_finds_a_changed_report_once_and_a_withdrawn_one_never(tmp_path: Path) -> None:
    """In a real browser: after one change (the recent shard, its month's result hidden) and one
    report withdrawn, the search page answers as a site indexed from scratch does: the same
    results, the same filter counts."""
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed: run `make browser`"
    from playwright.sync_api import sync_playwright

    records = sample()
    records[5]["title"] = "Gorong-gorong tersumbat sampah plastik"
    records[30]["title"] = "Kerbau lepas di alun-alun"
    build_site(tmp_path / "warm", records)
    # Words added (a page that lost words has its month indexed again, see above).
    records[5]["title"] += ". Jembatan gantung bergoyang keras"
    records[5]["status"] = "resolved"
    build_site(tmp_path / "warm", records)
    del records[30]
    build_site(tmp_path / "warm", records)
    warm = tmp_path / "warm/output"
    assert json.loads((warm / "_pagefind/shards.json").read_text())["hidden"]  # the recent shard is in use
    build_site(tmp_path / "cold", records)

    asked = """async (terms) => {
        const pagefind = await import("/theme/js/pagefind/pagefind.js");
        const answers = {filters: await pagefind.filters()};
        for (const term of terms) {
            const response = await pagefind.search(term);
            const urls = [];
            for (const result of response.results) {
                urls.push((await result.data()).raw_url);
            }
            answers[term] = {urls: urls.sort(), filters: response.filters};
        }
        return answers;
    }"""
    terms = ["gantung", "tersumbat", "kerbau", "kelurahan", "laporan"]
    answers = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for site in (warm, tmp_path / "cold/output"):
                with serve(site) as url:
                    tab = browser.new_page()
                    tab.goto(f"{url}/cari/")
                    # The UI's first search loads Pagefind and merges every shard.
                    tab.fill(".pagefind-ui__search-input", "gantung")
                    tab.wait_for_selector(".pagefind-ui__result-link")
                    assert tab.locator(".pagefind-ui__result-link").count() == 1
                    answers.append(tab.evaluate(asked, terms))
                    tab.close()
        finally:
            browser.close()
    found, expected = answers
    assert found["gantung"]["urls"] == found["tersumbat"]["urls"] == [f"/laporan/{records[5]['tracking']}/"]
    assert found["kerbau"]["urls"] == []
    assert len(found["laporan"]["urls"]) == len(set(found["laporan"]["urls"])) == len(records)
    assert found == expected
