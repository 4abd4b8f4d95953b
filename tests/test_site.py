"""The public site: build a real tiny site from a public dataset and read the files back."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from site_fixtures import REPO, load_region, make_record, make_records, make_stats, write_public_dataset

sys.path.insert(0, str(REPO / "plugins"))

from aduan_site import labels, snapshots  # noqa: E402
from aduan_site.build import BuildResult, build  # noqa: E402
from aduan_site.listing import fresh  # noqa: E402
from aduan_site.opendata import CSV_COLUMNS  # noqa: E402
from aduan_site.pages import DATASET_FILES  # noqa: E402

API = "http://api.test:9999"


class Html(HTMLParser):
    """Elements (tag, attributes) and text of one page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


def read(site: Path, relpath: str) -> str:
    return (site / relpath).read_text(encoding="utf-8")


def page(site: Path, relpath: str) -> Html:
    return Html(read(site, relpath))


def sample_records() -> list[dict[str, Any]]:
    """30 varied records, 22 more for Dinas PUPR (two listing pages), and special cases."""
    region = load_region()
    records = make_records(30, region)
    records += [
        make_record(100 + n, region, agency="pupr", category="jalan-jembatan", submitted=f"2026-04-{n + 1:02d}")
        for n in range(22)
    ]
    records.append(
        make_record(
            200,
            region,
            status="rejected",
            rejection_reason="duplicate",
            duplicate_of=records[0]["tracking"],
            forwarded_to=None,
        )
    )
    records.append(
        make_record(
            201,
            region,
            title="Lampu <script>alert(1)</script> mati & gelap",
            category="layanan-kesehatan",
            agency="kesehatan",
            kelurahan=None,
        )
    )
    return sorted(records, key=lambda r: r["tracking"])


def build_site(root: Path, records: list[dict[str, Any]], **kwargs: Any) -> BuildResult:
    stats = kwargs.pop("stats", None) or make_stats(records, unpublished=7, confidential=3)
    write_public_dataset(root / "var" / "public", records, stats)
    return build(root / "output", data_dir=root / "var", api_url=API, **kwargs)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("site")
    records = sample_records()
    build_site(root, records)
    return root / "output", records


@pytest.fixture
def site(built: tuple[Path, list[dict[str, Any]]]) -> Path:
    return built[0]


@pytest.fixture
def records(built: tuple[Path, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return built[1]


def by_status(records: list[dict[str, Any]], status: str) -> dict[str, Any]:
    return next(r for r in records if r["status"] == status and r["kelurahan"])


# -- report pages ------------------------------------------------------------------------


def test_every_public_record_has_a_page(site: Path, records: list[dict[str, Any]]) -> None:
    pages = sorted(p.parent.name for p in (site / "laporan").glob("*/index.html"))
    assert pages == sorted(r["tracking"] for r in records)


def test_report_page_shows_the_record(site: Path, records: list[dict[str, Any]]) -> None:
    record = by_status(records, "in_progress")
    html = page(site, f"laporan/{record['tracking']}/index.html")
    text = html.text
    assert html.find("h1") and record["title"] in text
    assert labels.kind_label(record["kind"]) in text
    agency = next(a for a in load_region()["agencies"] if a["id"] == record["agency"])
    assert agency["name"] in text
    category = next(c for c in load_region()["categories"] if c["id"] == record["category"])
    assert category["name"] in text
    assert f"Kelurahan {record['kelurahan']}, Kecamatan {record['kecamatan']}" in text
    assert "Diproses" in text
    assert labels.format_date(record["submitted"]) in text
    assert f"{record['response_workdays']} hari kerja" in text
    assert "standar: 5 hari kerja" in text
    # The timeline: every entry's date, label, agency and note.
    assert "Tim sudah survei lokasi" in text
    assert "Diteruskan ke instansi terkait" in text
    assert len(html.find("time", datetime=record["verified"])) >= 2  # facts and timeline


def test_verified_report_says_diverifikasi_with_english(site: Path, records: list[dict[str, Any]]) -> None:
    record = by_status(records, "verified")
    source = read(site, f"laporan/{record['tracking']}/index.html")
    assert "Diverifikasi (menunggu tindak lanjut)" in source
    assert '<span class="secondary" lang="en">Verified (awaiting follow-up)</span>' in source


def test_rejected_report_names_reason_and_destination(site: Path, records: list[dict[str, Any]]) -> None:
    forwarded = next(r for r in records if r["rejection_reason"] == "out_of_jurisdiction")
    text = page(site, f"laporan/{forwarded['tracking']}/index.html").text
    assert "Ditolak" in text
    assert "Di luar kewenangan Pemerintah Kota, diteruskan ke PT PLN (Persero) UP3 Pasuruan" in text

    duplicate = next(r for r in records if r["rejection_reason"] == "duplicate")
    html = page(site, f"laporan/{duplicate['tracking']}/index.html")
    assert "Duplikat dari" in html.text
    assert html.find("a", href=f"/laporan/{duplicate['duplicate_of']}/")


def test_report_text_is_escaped(site: Path, records: list[dict[str, Any]]) -> None:
    record = next(r for r in records if "<script>" in r["title"])
    source = read(site, f"laporan/{record['tracking']}/index.html")
    assert "<script>alert(1)</script>" not in source
    assert "&lt;script&gt;alert(1)&lt;/script&gt; mati &amp; gelap" in source
    # A sensitive category is published with the kecamatan only.
    assert f"<dd>Kecamatan {record['kecamatan']}</dd>" in source
    assert "Kelurahan None" not in source


# -- home, listings, statistics ----------------------------------------------------------


def test_home_shows_totals_and_ten_latest(site: Path, records: list[dict[str, Any]]) -> None:
    html = page(site, "index.html")
    assert "Laporan masuk 64" in html.text  # 54 public + 7 unpublished + 3 confidential
    items = html.find("a", class_="report-title")
    latest = sorted(records, key=lambda r: (r["updated"], r["tracking"]), reverse=True)[:10]
    assert [a["href"] for a in items] == [f"/laporan/{r['tracking']}/" for r in latest]
    for href in ("/lapor/", "/lacak/", "/statistik/"):
        assert html.find("a", href=href)


def joined(records: list[dict[str, Any]], **where: Any) -> list[dict[str, Any]]:
    """Records matching `where`, in the order a first build lays listings out (oldest first)."""
    chosen = [r for r in records if all(r.get(k) == v for k, v in where.items())]
    return sorted(chosen, key=lambda r: (r["updated"], r["tracking"]))


def links(html: Html) -> list[str]:
    return [a["href"] for a in html.find("a", class_="report-title")]


def test_agency_listing_is_paginated_from_the_oldest(site: Path, records: list[dict[str, Any]]) -> None:
    pupr = joined(records, agency="pupr")
    assert 20 < len(pupr) <= 40
    entry = page(site, "instansi/pupr/index.html")
    oldest = page(site, "instansi/pupr/1/index.html")
    # Page 1 holds the oldest 20, the entry page the newest rest; each shows newest first.
    assert links(oldest) == [f"/laporan/{r['tracking']}/" for r in reversed(pupr[:20])]
    assert links(entry) == [f"/laporan/{r['tracking']}/" for r in reversed(pupr[20:])]
    assert entry.find("a", rel="next", href="/instansi/pupr/1/")
    assert oldest.find("a", rel="prev", href="/instansi/pupr/")
    assert not oldest.find("a", rel="next")
    assert f"Laporan publik: {len(pupr)}" in entry.text and "Halaman 1" in oldest.text
    assert not (site / "instansi/pupr/2/index.html").exists()


def test_agency_index_lists_every_agency(site: Path, records: list[dict[str, Any]]) -> None:
    html = page(site, "instansi/index.html")
    for agency in load_region()["agencies"]:
        assert html.find("a", href=f"/instansi/{agency['id']}/")
        assert (site / "instansi" / agency["id"] / "index.html").exists()
    pupr_public = sum(r["agency"] == "pupr" for r in records)
    assert re.search(rf"Dinas PUPR</a></th>\s*<td class=\"num\">{pupr_public}</td>", read(site, "instansi/index.html"))


def test_status_listings(site: Path, records: list[dict[str, Any]]) -> None:
    index = page(site, "status/index.html")
    for status in labels.STATUSES:
        assert index.find("a", href=f"/status/{status}/")
        listing = page(site, f"status/{status}/index.html")
        expected = [r["tracking"] for r in joined(records, status=status)]
        entry = fresh(expected, 20)[max(fresh(expected, 20))]
        assert links(listing) == [f"/laporan/{t}/" for t in reversed(entry)]
    assert "Diterima" in page(site, "status/received/index.html").text
    assert "Belum ada laporan publik." in page(site, "status/received/index.html").text


def test_statistics_tables(site: Path) -> None:
    stats = json.loads((site / "data/stats.json").read_text())
    source = read(site, "statistik/index.html")
    html = Html(source)
    captions = [a for t, a in html.elements if t == "caption"]
    assert len(captions) >= 3  # by status, by agency, by kind of all reports; then the public reports
    for table in ("table-all-status", "table-all-agency", "table-all-kind"):
        assert html.find("table", id=table), table
    assert html.find("th", scope="col") and html.find("th", scope="row")
    for status, count in stats["by_status"].items():
        label = labels.status_label(status, "id", long=True)
        assert re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td class="num">{count}</td>', source)
    top = stats["by_agency"][0]
    share = f"{top['share'] * 100:.1f}%".replace(".", ",")
    assert re.search(rf">{re.escape(top['name'])}</a></th>\s*<td class=\"num\">{top['total']}</td>", source)
    assert share in source


# -- forms -------------------------------------------------------------------------------


def test_report_form_posts_to_the_api(site: Path) -> None:
    html = page(site, "lapor/index.html")
    form = html.find("form", id="report-form")[0]
    assert form["method"] == "post" and form["action"] == f"{API}/reports"
    kinds = {i["value"] for i in html.find("input", name="kind", type="radio")}
    assert kinds == set(labels.KINDS)
    for label in ("Pengaduan", "Aspirasi", "Permintaan informasi", "Apresiasi"):
        assert label in html.text
    assert html.find("input", name="title") and html.find("textarea", name="description")
    for name in ("category", "kecamatan", "kelurahan"):
        assert html.find("select", name=name)
    for name in ("address", "name", "phone", "email"):
        assert html.find("input", name=name)
    assert html.find("input", name="anonymous", type="checkbox", value="1")
    assert html.find("input", name="confidential", type="checkbox", value="1")
    region = load_region()
    assert len(html.find("optgroup")) == len(region["kecamatan"])
    kelurahan = [o for o in html.find("option") if "data-kecamatan" in o]
    assert len(kelurahan) == sum(len(k["kelurahan"]) for k in region["kecamatan"]) == 34
    categories = {o["value"] for o in html.find("option")} & {c["id"] for c in region["categories"]}
    assert len(categories) == len(region["categories"])
    for element_id in ("result", "tracking-number", "tracking-secret"):
        assert len([a for _, a in html.elements if a.get("id") == element_id]) == 1


def test_report_form_honeypot_is_hidden_from_people(site: Path) -> None:
    source = read(site, "lapor/index.html")
    honeypot = Html(source).find("input", name="website")[0]
    assert honeypot["tabindex"] == "-1" and honeypot["autocomplete"] == "off"
    assert re.search(r'<div class="hp" aria-hidden="true">\s*<label for="website">', source)
    assert ".hp {" in read(site, "theme/css/aduan.css")


def test_tracking_page_forms(site: Path) -> None:
    html = page(site, "lacak/index.html")
    track = html.find("form", id="track-form")[0]
    assert track["method"] == "get" and track["action"] == f"{API}/track"
    assert html.find("input", name="tracking", id="track-tracking")
    followup = html.find("form", id="followup-form")[0]
    assert followup["method"] == "post" and followup["action"] == f"{API}/followups"
    feedback = html.find("form", id="feedback-form")[0]
    assert feedback["method"] == "post" and feedback["action"] == f"{API}/feedback"
    assert {i["value"] for i in html.find("input", name="accept")} == {"1", "0"}
    for name in ("secret", "text", "note"):
        assert html.find("input", name=name) or html.find("textarea", name=name)
    data = json.loads(re.search(r'id="aduan-data">(.*?)</script>', read(site, "lacak/index.html")).group(1))
    assert data["status"]["verified"] == "Diverifikasi (menunggu tindak lanjut)"


def test_forms_on_english_pages_ask_for_english_answers(site: Path) -> None:
    # The API answers a no-JavaScript form with an HTML page; lang=en makes that page English.
    for relpath, forms in (
        ("lapor/index.html", ["report-form"]),
        ("lacak/index.html", ["track-form", "followup-form", "feedback-form"]),
    ):
        for lang in ("id", "en"):
            source = read(site, relpath if lang == "id" else "en/" + relpath)
            for form_id in forms:
                form = re.search(rf'<form id="{form_id}".*?</form>', source, re.S).group(0)
                hidden = re.findall(r'<input type="hidden" name="lang" value="(\w+)">', form)
                assert hidden == (["en"] if lang == "en" else []), (relpath, lang, form_id)


def test_scripts_exist_and_use_the_documented_api(site: Path) -> None:
    lapor = read(site, "theme/js/lapor.js")
    lacak = read(site, "theme/js/lacak.js")
    assert '"POST", form.action' in lapor and "response.status === 201" in lapor
    assert '"/reports/"' in lacak and '"followups"' in lacak and '"feedback"' in lacak
    for script in ("aduan.js", "lapor.js"):
        assert f'src="/theme/js/{script}"' in read(site, "lapor/index.html")


# -- languages and accessibility ---------------------------------------------------------


def test_english_pages(site: Path) -> None:
    for relpath in (
        "en/index.html",
        "en/statistik/index.html",
        "en/lapor/index.html",
        "en/lacak/index.html",
        "en/privasi/index.html",
        "en/tentang/index.html",
        "en/cara-melapor/index.html",
        "en/data-terbuka/index.html",
    ):
        assert '<html lang="en">' in read(site, relpath), relpath
    assert "Information request" in page(site, "en/lapor/index.html").text
    assert "Reports by agency" in page(site, "en/statistik/index.html").text
    assert page(site, "en/index.html").find("a", hreflang="id", href="/")
    assert page(site, "statistik/index.html").find("a", hreflang="en", href="/en/statistik/")
    assert page(site, "privasi/index.html").find("a", hreflang="en", href="/en/privasi/")


def switch(html: Html) -> str:
    """Where the language switch in the header leads."""
    (link,) = [a for t, a in html.elements if t == "a" and a.get("hreflang") and "lang" in a]
    return link["href"]


def test_every_public_report_has_its_english_page(site: Path, records: list[dict[str, Any]]) -> None:
    english = sorted(p.parent.name for p in (site / "en/laporan").glob("*/index.html"))
    assert english == sorted(r["tracking"] for r in records)
    record = by_status(records, "resolved")
    html = page(site, f"en/laporan/{record['tracking']}/index.html")
    source = read(site, f"en/laporan/{record['tracking']}/index.html")
    assert '<html lang="en">' in source
    # English labels around the Indonesian text, which says which language it is in.
    assert "Resolved" in html.text and "Time to resolution" in html.text and "Kategori" not in html.text
    assert html.find("h1", lang="id")
    assert html.find("a", href=f"/en/instansi/{record['agency']}/")
    assert switch(html) == f"/laporan/{record['tracking']}/"
    assert switch(page(site, f"laporan/{record['tracking']}/index.html")) == f"/en/laporan/{record['tracking']}/"


def test_the_language_switch_leads_to_the_same_page(site: Path) -> None:
    for relpath in (
        "index.html",
        "statistik/index.html",
        "instansi/index.html",
        "instansi/pupr/index.html",
        "instansi/pupr/1/index.html",
        "status/index.html",
        "status/resolved/index.html",
        "cari/index.html",
        "privasi/index.html",
    ):
        here = "/" + relpath.removesuffix("index.html")
        english = page(site, "en/" + relpath)
        assert '<html lang="en">' in read(site, "en/" + relpath), relpath
        assert switch(page(site, relpath)) == "/en" + here, relpath
        assert switch(english) == here, relpath
        # Every link of an English page into the listings or reports stays in English.
        inner = [a["href"] for t, a in english.elements if t == "a" and "href" in a and "hreflang" not in a]
        assert not [
            h for h in inner if h.startswith(("/laporan/", "/instansi/", "/status/")) and not h.endswith(".atom.xml")
        ]
    listing = page(site, "en/instansi/pupr/index.html")
    assert listing.find("a", rel="next", href="/en/instansi/pupr/1/")
    assert "Newest" in listing.text and "Public reports" in listing.text
    assert "Resolved" in page(site, "en/status/resolved/index.html").text


def test_content_pages(site: Path) -> None:
    privacy = page(site, "privasi/index.html").text
    assert "27 Tahun 2022" in privacy and "kelurahan" in privacy
    assert "CC BY 4.0" in page(site, "data-terbuka/index.html").text
    about = page(site, "tentang/index.html").text
    assert "3 hari kerja" in about and "5 hari kerja" in about and "10 hari kerja" in about
    assert "No Wrong Door" in about


def html_pages(site: Path) -> list[Path]:
    """The site's pages, not the build's own files (the search mirror's cut pages)."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("."))


def test_every_page_has_the_basics(site: Path) -> None:
    pages = html_pages(site)
    assert len(pages) > 60
    for path in pages:
        source = path.read_text(encoding="utf-8")
        html = Html(source)
        where = str(path.relative_to(site))
        assert re.search(r'<html lang="(id|en)">', source), where
        assert len(html.find("h1")) == 1, where
        assert html.find("a", class_="skip-link", href="#main") and html.find("main", id="main"), where
        assert html.find("nav", class_="lang-switch"), where
        assert html.find("meta", name="viewport"), where
        labelled = {a["for"] for a in html.find("label")}
        for tag, attrs in html.elements:
            if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
                assert attrs.get("id") in labelled or attrs.get("aria-label"), (where, attrs)
        # No external resources: styles, scripts and images come from this site.
        for tag, attrs in html.elements:
            url = attrs.get("src") or (attrs.get("href") if tag == "link" else None)
            if url:
                assert url.startswith(("/", "data:")), (where, url)


def contrast(fg: str, bg: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colour_contrast() -> None:
    css = (REPO / "theme/static/css/aduan.css").read_text()
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6});", css))
    pairs = [(n, n[:-3] + "-bg") for n in colours if n.endswith("-fg")]
    pairs += [(n, "bg") for n in ("fg", "muted", "link", "error", "ok")]
    pairs += [(n, "surface") for n in ("fg", "muted", "link")]
    assert len(pairs) > 12
    for fg, bg in pairs:
        assert contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)


def test_labels_exist_in_both_languages() -> None:
    assert labels.UI["id"].keys() == labels.UI["en"].keys()
    assert labels.JS_MESSAGES["id"].keys() == labels.JS_MESSAGES["en"].keys()
    assert labels.status_label("verified") == "Diverifikasi"
    assert labels.status_label("in_progress", "en") == "In progress"
    assert labels.format_percent(0.2336) == "23,4%" and labels.format_number(1234) == "1.234"


# -- open data ---------------------------------------------------------------------------


def test_reports_csv(site: Path, records: list[dict[str, Any]]) -> None:
    raw = (site / "data/reports.csv").read_bytes()
    assert raw.count(b"\r\n") == len(records) + 1
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0].keys()) == list(CSV_COLUMNS)
    assert [r["tracking"] for r in rows] == sorted(r["tracking"] for r in records)
    weird = next(r for r in rows if "<script>" in r["title"])
    assert weird["title"] == "Lampu <script>alert(1)</script> mati & gelap" and weird["kelurahan"] == ""
    pupr = next(r for r in rows if r["agency"] == "pupr")
    assert pupr["agency_name"] == "Dinas PUPR" and pupr["category_name"] == "Jalan dan jembatan"


def test_reports_json(site: Path, records: list[dict[str, Any]]) -> None:
    data = json.loads((site / "data/reports.json").read_text())
    assert data["count"] == len(records) == len(data["reports"])
    assert data["generated"] == "2026-11-01"
    assert [r["tracking"] for r in data["reports"]] == sorted(r["tracking"] for r in records)
    first = data["reports"][0]
    assert "timeline" not in first and {"agency_name", "category_name", "lat", "lon"} <= first.keys()


def test_stats_json_is_the_datasets(site: Path) -> None:
    dataset = json.loads((site.parent / "var/public/stats.json").read_bytes())
    stats = json.loads((site / "data/stats.json").read_bytes())
    # The dataset's counts over all reports are carried as they are; the figures over the
    # published reports are added next to them (tests/test_opendata.py checks those).
    assert {k: stats[k] for k in dataset} == dataset
    assert {"total", "by_status", "by_agency"} <= stats.keys()
    assert {"published_by_status", "published_by_agency"} <= stats.keys()


def test_open_data_carries_only_public_fields(tmp_path: Path) -> None:
    record = make_record(1, reporter={"name": "Budi", "phone": "0812"}, secret="xyz")
    build_site(tmp_path, [record])
    for name in ("reports.csv", "reports.json"):
        data = (tmp_path / "output/data" / name).read_text()
        assert "Budi" not in data and "xyz" not in data


# -- incremental builds ------------------------------------------------------------------

OLD = 1_000_000_000  # 2001: any file written later has a newer mtime


def age_all(site: Path) -> None:
    for path in site.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))


def pelicans(relpath: str) -> bool:
    """Files Pelican writes itself on every build: theme assets and content/pages."""
    slugs = ("cara-melapor/", "privasi/", "data-terbuka/", "tentang/", "transparansi/")
    return relpath.startswith(("theme/", *slugs, *(f"en/{s}" for s in slugs)))


def rewritten(site: Path) -> set[str]:
    """Files of the site written since `age_all` (not the search mirror's links to them)."""
    return {
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.is_file() and p.stat().st_mtime > OLD and not p.relative_to(site).parts[0] == ".aduan-search"
    }


def test_second_build_without_changes_writes_nothing(tmp_path: Path) -> None:
    records = make_records(45)
    first = build_site(tmp_path, records)
    assert first.written > 45 and first.unchanged == 0 and first.deleted == 0
    age_all(tmp_path / "output")
    second = build_site(tmp_path, records)
    assert (second.written, second.deleted, second.written_files) == (0, 0, ())
    assert second.unchanged == first.written
    # Report and listing pages of unchanged records are not even rendered again: only the
    # 8 overview pages (home, statistics, the agency and status indexes, in two languages)
    # are; the form and tracking pages, open data, feeds and the search index are kept, as
    # nothing they show changed.
    assert second.rendered == 8 and first.rendered == first.written
    # Only Pelican's theme files may be copied again; its content pages, rendered again, have
    # the same bytes and are left untouched (keepwriter.py), as are ours.
    assert {f for f in rewritten(tmp_path / "output") if not f.startswith("theme/")} == set()
    assert (tmp_path / "output/privasi/index.html").is_file()
    assert (tmp_path / "output/en/tentang/index.html").is_file()


def test_one_changed_record_rewrites_only_what_shows_it(tmp_path: Path) -> None:
    records = make_records(45)
    build_site(tmp_path, records)
    site = tmp_path / "output"
    age_all(site)
    changed = next(r for r in records if r["status"] == "in_progress")
    changed.update(status="resolved", resolved="2026-10-30", resolution_workdays=12, updated="2026-10-30")
    changed["timeline"].append(
        {
            "date": "2026-10-30",
            "type": "status",
            "status": "resolved",
            "agency": changed["agency"],
            "note": "Selesai diperbaiki",
        }
    )
    result = build_site(tmp_path, records)

    page_path = f"laporan/{changed['tracking']}/index.html"
    written = set(result.written_files)
    assert page_path in written
    assert not {f for f in written if f.startswith("laporan/")} - {page_path}
    # Open data: the month's parts are live, the whole-dataset files periodic (docs/public-dataset.md).
    month = changed["submitted"][:7]
    parts = {f"data/reports/{month}.csv", f"data/reports/{month}.json", f"data/updates/{month}.csv"}
    assert parts | {"data/stats.json", "data/parts.json"} <= written
    assert not {f for f in written if f.startswith(("data/reports/", "data/updates/"))} - parts
    assert not {"data/reports.csv", "data/reports.json", "data/updates.csv", "data/aduan.db"} & written
    assert {"index.html", "status/resolved/index.html", "status/in_progress/index.html"} <= written
    assert "status/rejected/index.html" not in written
    assert not {"lapor/index.html", "lacak/index.html", "en/lapor/index.html", "instansi/index.html"} & written
    # Pages: the changed one, its listings, the overview pages.
    assert len({f for f in written if not f.startswith(("_pagefind/", "data/")) and not f.endswith(".atom.xml")}) < 25
    assert result.written == len(written)
    # Files made from the whole dataset (open data, feeds, the search bundle) are made again;
    # of the per-report ones only the changed report's.
    assert {f for f in written if f.startswith("data/open311/requests/")} == {
        f"data/open311/requests/{changed['tracking']}.json"
    }
    assert {f for f in written if f.endswith(".atom.xml")} <= {
        "feeds/updates.atom.xml",
        f"instansi/{changed['agency']}/updates.atom.xml",
    }
    bundle = sum(1 for p in (site / "_pagefind").rglob("*") if p.is_file())
    feeds = len(list(site.glob("instansi/*/updates.atom.xml"))) + 1
    # The day's snapshot follows the day's data (its files and SHA256SUMS and checkpoint), and
    # the transparency log adds its checkpoint, last tile and last entry bundle.
    snapshot = len(snapshots.FILES) + 2
    assert result.rendered < 30 + bundle + len(DATASET_FILES) + feeds + snapshot + 3
    # Only search index chunks are deleted: Pagefind names them after their content.
    assert not [f for f in result.deleted_files if not f.startswith("_pagefind/")]
    # The disk agrees with the result: nothing else of ours was touched.
    assert {f for f in rewritten(site) if not pelicans(f)} == written | {".aduan-build.db"}
    assert "Selesai diperbaiki" in read(site, page_path)


def test_a_status_change_rewrites_a_bounded_number_of_listing_pages(tmp_path: Path) -> None:
    region = load_region()
    records = [make_record(n, region, agency="pupr", category="jalan-jembatan") for n in range(196)]
    build_site(tmp_path, records)
    site = tmp_path / "output"
    pages_before = {str(p.relative_to(site)): p.read_bytes() for p in site.glob("status/in_progress/*/index.html")}
    assert len(pages_before) == 3  # 79 in progress: pages 1 to 3 and the entry page
    assert len(joined(records, status="resolved")) == 39  # page 1 and 19 on the entry page
    # The oldest report in progress is resolved: it leaves page 1 and joins the newest page of
    # "resolved"; newest-first pages would have shifted every page of both listings.
    changed = joined(records, status="in_progress")[0]
    changed.update(status="resolved", resolved="2026-11-30", updated="2026-11-30")
    result = build_site(tmp_path, records)
    listings = sorted(
        f for f in result.written_files if f.startswith(("status/", "instansi/", "en/status/", "en/instansi/"))
    )
    assert listings == sorted(
        f"{lang}{path}"
        for lang in ("", "en/")
        for path in (
            "status/index.html",  # the counts
            "status/in_progress/index.html",  # its total
            "status/in_progress/1/index.html",  # the page it left
            "status/resolved/index.html",  # the page it joined
            "instansi/pupr/1/index.html",  # its own listing shows its new status
        )
    )
    assert "status/in_progress/2/index.html" in pages_before
    assert (site / "status/in_progress/2/index.html").read_bytes() == pages_before["status/in_progress/2/index.html"]


def test_vanished_record_is_deleted(tmp_path: Path) -> None:
    records = make_records(25)
    build_site(tmp_path, records)
    gone = records.pop(3)
    result = build_site(tmp_path, records)
    assert f"laporan/{gone['tracking']}/index.html" in result.deleted_files
    assert not (tmp_path / "output/laporan" / gone["tracking"]).exists()
    assert result.deleted >= 1


def test_fewer_records_remove_listing_pages(tmp_path: Path) -> None:
    region = load_region()
    records = [make_record(n, region, agency="pupr", category="jalan-jembatan") for n in range(25)]
    build_site(tmp_path, records)
    assert (tmp_path / "output/instansi/pupr/1/index.html").exists()
    # Only the five on the entry page stay: page 1 is left empty and goes, in both languages.
    newest = {r["tracking"] for r in joined(records)[20:]}
    result = build_site(tmp_path, [r for r in records if r["tracking"] in newest])
    assert {"instansi/pupr/1/index.html", "en/instansi/pupr/1/index.html"} <= set(result.deleted_files)
    assert not (tmp_path / "output/instansi/pupr/1").exists()
    assert len(links(page(tmp_path / "output", "instansi/pupr/index.html"))) == 5


def test_changed_api_url_rewrites_the_forms_only(tmp_path: Path) -> None:
    records = make_records(10)
    build_site(tmp_path, records)
    write_public_dataset(tmp_path / "var/public", records, make_stats(records, unpublished=7, confidential=3))
    result = build(tmp_path / "output", data_dir=tmp_path / "var", api_url="https://api.example.go.id/")
    assert set(result.written_files) == {
        "lapor/index.html",
        "lacak/index.html",
        "en/lapor/index.html",
        "en/lacak/index.html",
    }
    assert 'action="https://api.example.go.id/reports"' in read(tmp_path / "output", "lapor/index.html")


def test_missing_manifest_means_full_build(tmp_path: Path) -> None:
    records = make_records(5)
    build_site(tmp_path, records)
    (tmp_path / "output/.aduan-build.db").write_text("not a database")
    result = build_site(tmp_path, records)
    # Without a manifest nothing is known to be current: everything is rendered and written.
    assert result.unchanged == 0 and result.written > 5


# -- robustness and settings -------------------------------------------------------------


def test_empty_dataset_builds_an_empty_site(tmp_path: Path) -> None:
    result = build(tmp_path / "output", data_dir=tmp_path / "nothing-here")
    assert result.written > 5
    assert "Belum ada laporan publik." in read(tmp_path / "output", "index.html")
    assert read(tmp_path / "output", "data/reports.csv").startswith("tracking,kind,title")


def test_broken_record_is_skipped_and_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    records = make_records(3)
    write_public_dataset(tmp_path / "var/public", records)
    (tmp_path / "var/public/reports/PSR-BAD0-0000.json").write_text("{not json")
    (tmp_path / "var/public/reports/PSR-BAD0-0001.json").write_text(json.dumps({"tracking": "PSR-OTHER"}))
    with caplog.at_level(logging.ERROR):
        build(tmp_path / "output", data_dir=tmp_path / "var")
    assert "PSR-BAD0-0000.json" in caplog.text and "PSR-BAD0-0001.json" in caplog.text
    assert len(list((tmp_path / "output/laporan").iterdir())) == 3


def test_bad_settings_are_logged_and_defaulted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\n"
        "from pelicanconf import *\n"
        f"PATH = {str(REPO / 'content')!r}\nTHEME = {str(REPO / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        "ADUAN = {**ADUAN, 'PAGE_SIZE': 0, 'API_URL': 'ftp://x', 'COLOUR': 'red'}\n"
    )
    region = load_region()
    write_public_dataset(
        tmp_path / "var/public", [make_record(n, region, agency="pupr", category="jalan-jembatan") for n in range(21)]
    )
    with caplog.at_level(logging.ERROR):
        build(tmp_path / "output", data_dir=tmp_path / "var", settings_file=settings)
    assert "PAGE_SIZE" in caplog.text and "API_URL" in caplog.text and "COLOUR" in caplog.text
    assert (tmp_path / "output/instansi/pupr/1/index.html").exists()  # default 20 per page
    assert 'action="http://127.0.0.1:8000/reports"' in read(tmp_path / "output", "lapor/index.html")


def test_publish_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADUAN_SITE_URL", "https://aduan.example.go.id")
    write_public_dataset(tmp_path / "var/public", make_records(2))
    build(tmp_path / "output", data_dir=tmp_path / "var", api_url="https://api.example.go.id", publish=True)
    source = read(tmp_path / "output", "index.html")
    assert 'href="https://aduan.example.go.id/theme/css/aduan.css"' in source


def test_one_changed_record_of_a_thousand_rewrites_a_few_files(tmp_path: Path) -> None:
    # Times belong in `make bench` (bench/run.py); here only the work, which does not depend on
    # how loaded the machine is.
    records = make_records(1000)
    first = build_site(tmp_path, records)
    records[500]["title"] = "Judul yang diubah untuk uji"
    second = build_site(tmp_path, records)
    # The second build writes the page, its listings, the overview pages, the open data,
    # the feeds that show it and the search index chunks that hold its words.
    assert first.written > 1000 and second.written < 40


# -- a worker's builds: work in proportion to the change ------------------------------------


def state_pages(site: Path) -> list[bytes]:
    data = (site / ".aduan-build.db").read_bytes()
    return [data[n : n + 4096] for n in range(0, len(data), 4096)]


def resolve(records: list[dict[str, Any]], index: int, day: str) -> None:
    """A status change, as the publisher would write it."""
    record = records[index]
    record.update(status="resolved", resolved=day, resolution_workdays=5, updated=day)
    record["timeline"].append(
        {"date": day, "type": "status", "status": "resolved", "agency": record["agency"], "note": "Selesai"}
    )


def test_one_change_rewrites_a_few_pages_of_the_build_state(tmp_path: Path) -> None:
    """The build's bookkeeping is changed row by row in place, never written whole."""
    records = make_records(300)
    build_site(tmp_path, records, search=False)
    site = tmp_path / "output"
    before, inode = state_pages(site), (site / ".aduan-build.db").stat().st_ino
    resolve(records, 7, "2026-11-20")
    result = build_site(tmp_path, records, search=False)
    after = state_pages(site)
    changed = sum(a != b for a, b in zip(before, after, strict=False)) + abs(len(after) - len(before))
    assert (site / ".aduan-build.db").stat().st_ino == inode  # not replaced by a copy
    # 21 files are written; their rows sit on about as many pages, where the B-tree's layout puts
    # them (19 of 75 pages before the form pages kept their input digest, 21 of 70 after). The
    # entries each feed showed (the `feeds` meta row: feeds x LIMIT pairs, a size that does not
    # grow with the reports) take two more: 24 of 73. The month's whole-state file (parts.py,
    # WHOLE_STATE) is one file and one page more: 22 files, 25 of 73.
    assert len(before) > 60 and changed <= 25 and changed <= len(before) // 3 + 1, (
        len(before),
        changed,
        result.written,
    )


def test_a_warm_build_looks_only_at_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the worker's process, a change costs work for the changed record, not for all of them:
    no log positions or listing pages of unchanged records."""
    from aduan_site import pages, transparency

    records = make_records(300)
    build_site(tmp_path, records, search=False)
    build_site(tmp_path, records, search=False)  # as the worker's first build after a start
    resolve(records, 11, "2026-11-21")
    stats = {"positions": 0, "listing pages": 0}
    real_positions, real_render = transparency.positions, pages.AduanGenerator.render

    def positions(*args: Any) -> Any:
        stats["positions"] += 1
        return real_positions(*args)

    def render(self: Any, template: str, *args: Any, **kwargs: Any) -> bytes:
        stats["listing pages"] += template in ("agency", "status")
        return real_render(self, template, *args, **kwargs)

    monkeypatch.setattr(transparency, "positions", positions)
    monkeypatch.setattr(pages.AduanGenerator, "render", render)
    result = build_site(tmp_path, records, search=False)
    monkeypatch.undo()
    assert f"laporan/{records[11]['tracking']}/index.html" in result.written_files
    assert stats["positions"] <= 3, stats  # the changed record only (once for the digest, once per page)
    # Its agency's and both statuses' pages it is on, and the entry pages, in two languages.
    assert stats["listing pages"] <= 16, stats


def builds_in_turn(root: Path, *, new_process_each: bool) -> Path:
    """Changes, a new report, a withdrawn one, built one after the other, in one process (as the
    worker does, with a build by another process in between, which it must notice) or each as a
    new process would (remembering nothing). Returns the output directory."""
    from aduan_site import pages, state

    def build_as(records: list[dict[str, Any]]) -> BuildResult:
        if new_process_each:
            state._MEMORY.clear()
            pages._LAST.clear()
        return build_site(root, records, search=False)

    region = load_region()
    # Dinas PUPR's listing has three pages: a change to a report on an older one.
    records = make_records(120) + [
        make_record(600 + n, region, agency="pupr", category="jalan-jembatan") for n in range(45)
    ]
    build_as(records)
    build_as(records)
    resolve(records, 3, "2026-11-22")
    build_as(records)
    # Another process builds (it remembers nothing of this one's builds) ...
    remembered = (dict(state._MEMORY), dict(pages._LAST))
    state._MEMORY.clear()
    pages._LAST.clear()
    records.append(make_record(500, region, agency="pupr", category="jalan-jembatan", updated="2026-11-23"))
    build_as(records)
    # ... and the worker, which still remembers its own last build, builds again.
    state._MEMORY.update(remembered[0])
    pages._LAST.update(remembered[1])
    gone = records.pop(20)
    resolve(records, 40, "2026-11-24")
    records[60]["title"] = "Judul baru"
    last = build_as(records)
    assert f"laporan/{gone['tracking']}/index.html" in last.deleted_files
    # Its next build remembers this one again: a report on an older page of a listing changes.
    oldest = min((r for r in records if r["agency"] == "pupr"), key=lambda r: (r["updated"], r["tracking"]))
    oldest["title"] = "Jalan berlubang di depan pasar, judul diperbaiki"
    resolve(records, 50, "2026-11-25")  # the newest update of the feeds
    build_as(records)
    assert build_as(records).written == 0
    return root / "output"


def test_warm_builds_make_the_site_separate_processes_make(tmp_path: Path) -> None:
    """What the worker remembers between builds changes what it looks at, never what it makes."""
    warm = builds_in_turn(tmp_path / "warm", new_process_each=False)
    cold = builds_in_turn(tmp_path / "cold", new_process_each=True)

    def pages_of(site: Path) -> dict[str, bytes]:
        # Report pages, listings and feeds: the rest shows the transparency log's own key.
        return {
            str(p.relative_to(site)): p.read_bytes()
            for p in site.rglob("*")
            if p.is_file()
            and p.suffix in (".html", ".xml")
            and str(p.relative_to(site)).removeprefix("en/").startswith(("laporan/", "instansi/", "status/", "feeds/"))
        }

    made = pages_of(cold)
    assert len(made) > 300
    assert "judul diperbaiki" in (warm / "instansi/pupr/1/index.html").read_text()
    assert sorted(made) == sorted(pages_of(warm))
    assert [p for p, data in pages_of(warm).items() if made[p] != data] == []


def journal(public: Path, seq: int, trackings: list[str], *, full: bool = False) -> None:
    """The publisher's journal (docs/public-dataset.md): which records publish `seq` touched."""
    (public / "changes").mkdir(exist_ok=True)
    entry = {"seq": seq, "at": "2026-11-30T00:00:00+00:00", "phase": "test", "trackings": trackings, "full": full}
    (public / "changes" / f"{seq}.json").write_text(json.dumps(entry))
    (public / "changes" / "last.json").write_text(json.dumps({"seq": seq, "oldest": 1}))


def test_a_new_process_with_nothing_to_do_reads_no_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`aduan build` in a new process, nothing published since the last build: the build's
    state says so (quiet.py), and not one record is read nor one file of ours written."""
    from aduan_site import pages, state

    def new_process() -> None:
        state._MEMORY.clear()
        pages._LAST.clear()

    loads: list[Path] = []
    real_load = pages.load_dataset

    def load_dataset(public: Path) -> Any:
        loads.append(public)
        return real_load(public)

    monkeypatch.setattr(pages, "load_dataset", load_dataset)
    records = make_records(60)
    public = tmp_path / "var/public"
    write_public_dataset(public, records, make_stats(records))
    journal(public, 1, [], full=True)
    first = build(tmp_path / "output", data_dir=tmp_path / "var", api_url=API)
    assert len(loads) == 1
    site = tmp_path / "output"
    age_all(site)

    new_process()
    second = build(tmp_path / "output", data_dir=tmp_path / "var", api_url=API)
    assert len(loads) == 1  # not read again
    assert (second.written, second.deleted, second.unchanged) == (0, 0, first.written)
    assert second.log_entries == first.log_entries > 0
    assert {f for f in rewritten(site) if not pelicans(f)} == set()

    # Something published: the journal moves on, and the build looks again.
    resolve(records, 5, "2026-11-26")
    write_public_dataset(public, records, make_stats(records))
    journal(public, 2, [records[5]["tracking"]])
    new_process()
    from aduan_site import transparency

    looked: list[str] = []
    real_positions = transparency.positions
    monkeypatch.setattr(
        transparency, "positions", lambda log, r: looked.append(r["tracking"]) or real_positions(log, r)
    )
    third = build(tmp_path / "output", data_dir=tmp_path / "var", api_url=API)
    monkeypatch.setattr(transparency, "positions", real_positions)
    assert len(loads) == 2 and f"laporan/{records[5]['tracking']}/index.html" in third.written_files
    # The journal names the one record published: the others' pages are not looked into.
    assert set(looked) == {records[5]["tracking"]}
    # Settings changed (here the API's address, on the forms): the build looks again.
    new_process()
    fourth = build(tmp_path / "output", data_dir=tmp_path / "var", api_url="http://other.test:1")
    assert len(loads) == 3 and "lapor/index.html" in fourth.written_files
    # A quick build that left the search index behind: the next build is not a quiet one.
    resolve(records, 6, "2026-11-27")
    write_public_dataset(public, records, make_stats(records))
    journal(public, 3, [records[6]["tracking"]])
    build(tmp_path / "output", data_dir=tmp_path / "var", api_url=API, search=False)
    new_process()
    refreshed = build(tmp_path / "output", data_dir=tmp_path / "var", api_url=API)
    assert len(loads) == 5 and any(f.startswith("_pagefind/") for f in refreshed.written_files)
    new_process()
    assert build(tmp_path / "output", data_dir=tmp_path / "var", api_url=API).written == 0
    assert len(loads) == 5


# -- a cold build: both cores, listings from compact rows -----------------------------------


def test_report_pages_render_while_the_parent_makes_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool of report-page workers is still there (rendering, or done and waiting to be
    collected) when the parent makes the listings: the parent no longer sits waiting for it."""
    import multiprocessing

    from aduan_site import pages

    seen: list[int] = []
    real = pages.AduanGenerator.write_listings

    def write_listings(self: Any, out: Any) -> None:
        seen.append(len(multiprocessing.active_children()))
        real(self, out)

    monkeypatch.setattr(pages, "POOL_MIN", 10)  # a pool for this small site too
    monkeypatch.setattr(pages.AduanGenerator, "write_listings", write_listings)
    records = make_records(40)
    result = build_site(tmp_path, records, search=False)
    assert seen and seen[0] >= 2, seen
    assert not multiprocessing.active_children()  # the pool is gone once the build is
    for record in records:
        for prefix in ("", "en/"):
            assert f"{prefix}laporan/{record['tracking']}/index.html" in result.written_files


def test_listing_rows_render_labels_once_per_build_not_per_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A listing row's status badge and kind label are made once per status/kind and language
    (rows.py), not once per row: counted through the label functions the theme calls."""
    from aduan_site import pages

    calls = {"status": 0, "kind": 0, "listing": False}
    real_status, real_kind, real_listings = labels.status_label, labels.kind_label, pages.AduanGenerator.write_listings

    def status_label(*args: Any, **kwargs: Any) -> str:
        calls["status"] += calls["listing"]
        return real_status(*args, **kwargs)

    def kind_label(*args: Any, **kwargs: Any) -> str:
        calls["kind"] += calls["listing"]
        return real_kind(*args, **kwargs)

    def write_listings(self: Any, out: Any) -> None:
        calls["listing"] = True
        try:
            real_listings(self, out)
        finally:
            calls["listing"] = False

    monkeypatch.setattr(labels, "status_label", status_label)
    monkeypatch.setattr(labels, "kind_label", kind_label)
    monkeypatch.setattr(pages.AduanGenerator, "write_listings", write_listings)
    records = make_records(200)
    build_site(tmp_path, records, search=False)
    pages_made = len(list((tmp_path / "output").glob("**/instansi/*/**/index.html")))
    pages_made += len(list((tmp_path / "output").glob("**/status/*/**/index.html")))
    # Each row is in an agency's and a status's listing, in two languages: 800 rows. Per page, the
    # status pages call status_label for their title and heading; rows add a few per build.
    assert calls["kind"] <= 2 * len(labels.KINDS), calls
    assert calls["status"] <= 4 * pages_made + 4 * len(labels.STATUSES), (calls, pages_made)
    assert calls["status"] < 800, calls


def test_report_pages_render_each_badge_and_day_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme's date and badge macros are memoized per build (memo.py): a day or a status
    shown on many report pages is rendered once per language, not once per page."""
    from aduan_site import memo

    made: list[tuple[str, tuple[Any, ...], tuple[Any, ...]]] = []
    real = memo.MacroMemo._macro

    def macro(self: Any, name: str) -> Any:
        call = real(self, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            made.append((name, args, tuple(sorted(kwargs.items()))))
            return call(*args, **kwargs)

        return counted

    monkeypatch.setattr(memo.MacroMemo, "_macro", macro)
    records = make_records(120)
    build_site(tmp_path, records, search=False)
    assert len(made) == len(set(made)), "a badge or a day rendered twice"
    days = {e["date"] for r in records for e in r["timeline"]}
    days |= {r[k] for r in records for k in ("submitted", "verified", "first_response", "resolved", "updated")}
    # Each report page shows about ten days and a badge per update: far more than once each.
    # (a badge comes short and long: `long=True` is another argument list)
    assert 0 < len(made) <= 2 * (len(days) + 2 * len(labels.STATUSES)) < 10 * len(records)


def test_a_change_renders_no_form_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report form and the tracking page show nothing of the records: a change keeps them
    unrendered (a new API address renders them again: test_changed_api_url_rewrites_the_forms_only)."""
    from aduan_site import pages

    records = make_records(30)
    build_site(tmp_path, records, search=False)
    resolve(records, 3, "2026-11-22")
    rendered: list[str] = []
    real = pages.AduanGenerator.render

    def render(self: Any, template: str, *args: Any, **kwargs: Any) -> bytes:
        rendered.append(template)
        return real(self, template, *args, **kwargs)

    monkeypatch.setattr(pages.AduanGenerator, "render", render)
    result = build_site(tmp_path, records, search=False)
    assert f"laporan/{records[3]['tracking']}/index.html" in result.written_files
    assert "report_form" not in rendered and "track" not in rendered, rendered
    assert (tmp_path / "output/lapor/index.html").is_file() and (tmp_path / "output/en/lacak/index.html").is_file()
