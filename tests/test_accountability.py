"""Service levels, overdue reports, the reporter's rating and the league table (issue 10), through
the real path: service → store → publisher (tally) → Pelican build → the files people read.

"Today" is set with the clock module's ``ADUAN_NOW``, the way a running system is set on a day.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from chalicelib import deadline
from chalicelib.config import service as make_service
from chalicelib.errors import ValidationError
from chalicelib.region import Region
from chalicelib.sitebuild import build
from conftest import submission
from test_parts import part_rows

MONDAY = "2026-03-02T09:00:00+07:00"  # verified that day: the first follow-up is due 9 March
TUESDAY_AFTER = "2026-03-10T09:00:00+07:00"  # the deadline passed yesterday


def rows(output: Path) -> dict[str, dict[str, str]]:
    """reports.csv's rows as of this build: its monthly parts, which are live (the whole file is
    remade on a schedule and on a day's first build: docs/public-dataset.md)."""
    return {row["tracking"]: row for row in part_rows(output, "reports")}


def whole_rows(output: Path) -> dict[str, dict[str, str]]:
    with open(output / "data" / "reports.csv", newline="", encoding="utf-8") as f:
        return {row["tracking"]: row for row in csv.DictReader(f)}


def stats(output: Path) -> dict:
    return json.loads((output / "data" / "stats.json").read_text(encoding="utf-8"))


def league_row(output: Path, agency: str) -> dict:
    return next(r for r in stats(output)["league"] if r["agency"] == agency)


@pytest.fixture
def monday(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("ADUAN_NOW", MONDAY)
    return monkeypatch


def test_service_levels_come_from_the_region_file_only(region: Region) -> None:
    raw = {**region.raw, "service_levels": {"verification_days": 2, "response_days": 4, "autoclose_days": 7}}
    assert Region.from_dict(raw).service_levels == {"verification_days": 2, "response_days": 4, "autoclose_days": 7}
    without = {k: v for k, v in region.raw.items() if k != "service_levels"}
    with pytest.raises(ValueError, match="service_levels"):
        Region.from_dict(without)


def test_a_report_never_followed_up_turns_overdue_with_the_calendar(monday: pytest.MonkeyPatch, tmp_path: Path) -> None:
    service = make_service()
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    dishub = service.authenticate("Bearer " + service.add_officer("Dishub", "agency", "perhubungan")[1])
    late, _ = service.submit(submission())
    service.act(admin, late.tracking, {"action": "verify"})  # to Dishub, by the category
    answered, _ = service.submit(submission(title="Lampu PJU mati di Jl. Pahlawan"))
    service.act(admin, answered.tracking, {"action": "verify"})
    service.act(dishub, answered.tracking, {"action": "progress", "note": "Petugas dijadwalkan memperbaiki"})
    assert service.status(late.tracking)["deadline"] == "2026-03-09"

    output = tmp_path / "site"
    build(output, search=False)
    assert rows(output)[late.tracking]["overdue"] == "false"
    assert rows(output)[late.tracking]["deadline"] == "2026-03-09"
    assert rows(output)[late.tracking]["deadline_step"] == deadline.RESPONSE
    assert league_row(output, "perhubungan")["overdue"] == 0

    # A week later nothing happened to either report: no event, only the calendar moved.
    monday.setenv("ADUAN_NOW", TUESDAY_AFTER)
    result = build(output, search=False)
    assert result["records_changed"] == 1  # only the report whose deadline passed is written again
    csv_rows = rows(output)
    assert csv_rows[late.tracking]["overdue"] == "true"
    assert whole_rows(output) == csv_rows  # the day's first build remade the whole file too
    assert csv_rows[answered.tracking]["overdue"] == "false"
    dishub_stats = next(a for a in stats(output)["by_agency"] if a["agency"] == "perhubungan")
    assert dishub_stats["overdue"] == 1
    row = league_row(output, "perhubungan")
    assert (row["open"], row["overdue"]) == (2, 1)
    assert row["within_service_level"] == 0.5  # the late one failed; the answered one met both
    assert stats(output)["league"][0]["agency"] == "perhubungan"  # most overdue first
    page = (output / "laporan" / late.tracking / "index.html").read_text(encoding="utf-8")
    assert "badge-overdue" in page and "9 Maret 2026" in page
    other = (output / "laporan" / answered.tracking / "index.html").read_text(encoding="utf-8")
    assert "badge-overdue" not in other
    listing = (output / "status" / "verified" / "index.html").read_text(encoding="utf-8")
    assert listing.count("badge-overdue") == 1
    assert service.status(late.tracking)["overdue"] is True  # the API says so as of the request's day

    # Followed up at last: no longer overdue, and the agency's count goes back down.
    service.act(dishub, late.tracking, {"action": "progress", "note": "Lampu sudah dipesan"})
    build(output, search=False)
    assert rows(output)[late.tracking]["overdue"] == "false"
    assert league_row(output, "perhubungan")["overdue"] == 0


def test_the_reporters_rating_reaches_the_league_table(monday: pytest.MonkeyPatch, tmp_path: Path) -> None:
    service = make_service()
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    pdam = service.authenticate("Bearer " + service.add_officer("PDAM", "agency", "air-minum")[1])
    ratings = []
    for n, rating in enumerate((5, 2)):
        report, secret = service.submit(submission(category="air-bersih", title=f"Air PDAM mati di gang {n + 1}"))
        service.act(admin, report.tracking, {"action": "verify"})
        service.act(pdam, report.tracking, {"action": "progress", "note": "Petugas memeriksa pipa"})
        service.act(pdam, report.tracking, {"action": "resolve", "note": "Pipa sudah diperbaiki"})
        if n == 1:  # disputed first, then confirmed: a reopened report
            service.feedback(report.tracking, secret, False, "Air masih belum mengalir")
            service.act(pdam, report.tracking, {"action": "resolve", "note": "Katup dibuka kembali"})
        with pytest.raises(ValidationError):
            service.feedback(report.tracking, secret, True, "", rating=6)
        service.feedback(report.tracking, secret, True, "Terima kasih, air sudah lancar", rating=rating)
        ratings.append(report.tracking)

    output = tmp_path / "site"
    build(output, search=False)
    row = league_row(output, "air-minum")
    assert (row["mean_rating"], row["ratings"]) == (3.5, 2)
    assert row["reopen_rate"] == 0.5
    assert rows(output)[ratings[0]]["rating"] == "5"
    page = (output / "laporan" / ratings[1] / "index.html").read_text(encoding="utf-8")
    assert "2 dari 5" in page and "Terima kasih, air sudah lancar" in page and "Pelapor belum puas" in page
    statistics_page = (output / "statistik" / "index.html").read_text(encoding="utf-8")
    assert "3,5" in statistics_page  # the mean rating, as the league table prints it


def post_json(client, path: str, body: dict) -> dict:  # noqa: ANN001 - chalice.test.Client
    response = client.http.post(path, headers={"Content-Type": "application/json"}, body=json.dumps(body))
    assert response.status_code == 201, response.body
    return json.loads(response.body)


def test_similar_names_a_published_near_duplicate_never_a_private_one(client, data_dir: Path) -> None:  # noqa: ANN001
    from chalicelib import config

    service = config.service()
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    lamp = "Lampu PJU mati di Jl. Veteran Trajeng"
    text = "Lampu penerangan jalan di Jl. Veteran dekat Pasar Besar mati sudah dua minggu, gelap sekali."

    def filed(**overrides: object) -> str:
        report, _ = service.submit(submission(title=lamp, description=text, **overrides))
        return report.tracking

    public = filed()
    confidential = filed(confidential=True)
    unverified = filed()
    elsewhere = filed(location={"kecamatan": "Panggungrejo", "kelurahan": "Mayangan"})
    resolved = filed()
    for tracking in (public, confidential, elsewhere, resolved):
        service.act(admin, tracking, {"action": "verify"})
    service.act(admin, resolved, {"action": "progress", "note": "Lampu diganti"})
    service.act(admin, resolved, {"action": "resolve", "note": "Lampu sudah menyala"})
    config.publisher().publish_pending()

    near = post_json(
        client,
        "/reports",
        submission(
            title="Lampu PJU di Jl. Veteran mati", description="Lampu jalan di Veteran dekat Pasar Besar mati, gelap."
        ),
    )
    assert [s["tracking"] for s in near["similar"]] == [public]
    assert near["similar"][0]["url"].endswith(f"/laporan/{public}/")
    assert near["similar"][0]["status"] == "verified" and near["similar"][0]["title"]
    assert not {confidential, unverified, elsewhere, resolved} & {s["tracking"] for s in near["similar"]}

    unrelated = post_json(
        client, "/reports", submission(title="Tiang listrik miring", description="Tiang di gang tiga miring ke rumah.")
    )
    assert unrelated["similar"] == []

    # Marked as a duplicate by an officer: both public pages link to each other.
    service.act(admin, near["tracking"], {"action": "verify"})
    service.act(
        admin, near["tracking"], {"action": "reject", "reason": "duplicate", "duplicate_of": public, "note": "Sama"}
    )
    config.publisher().publish_pending()
    records = data_dir / "public" / "reports"
    assert json.loads((records / f"{public}.json").read_text())["duplicates"] == [near["tracking"]]
    assert json.loads((records / f"{near['tracking']}.json").read_text())["duplicate_of"] == public


def test_another_regions_service_levels_reach_every_page(
    monday: pytest.MonkeyPatch, region: Region, tmp_path: Path
) -> None:
    levels = {"verification_days": 2, "response_days": 4, "autoclose_days": 7}
    other = tmp_path / "other-province.json"
    other.write_text(json.dumps({**region.raw, "service_levels": levels}), encoding="utf-8")
    monday.setenv("ADUAN_REGION", str(other))
    service = make_service()
    assert service.region.service_levels == levels
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    report, _ = service.submit(submission())
    assert service.status(report.tracking)["deadline"] == "2026-03-04"  # 2 working days
    service.act(admin, report.tracking, {"action": "verify"})
    assert service.status(report.tracking)["deadline"] == "2026-03-06"  # 4 working days

    output = tmp_path / "site"
    build(output, search=False)
    about = (output / "tentang" / "index.html").read_text(encoding="utf-8")
    assert "{sla:" not in about
    assert "<strong>2 hari kerja</strong>" in about and "<strong>4 hari kerja</strong>" in about
    assert "ditutup otomatis 7 hari kerja" in about
    how = (output / "cara-melapor" / "index.html").read_text(encoding="utf-8")
    assert "paling lambat 2 hari kerja" in how and "setelah 7 hari kerja" in how
    statistics_page = (output / "statistik" / "index.html").read_text(encoding="utf-8")
    assert "paling lambat 2 hari kerja" in statistics_page.replace("\n", " ")
    assert "3 hari kerja" not in about + how


def multipart_body(fields: dict[str, str], photos: list[bytes]) -> tuple[bytes, str]:
    boundary = "----aduan-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for n, data in enumerate(photos):
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p{n}.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_a_form_post_brings_its_photos_and_a_bad_one_stores_nothing(client, data_dir: Path) -> None:  # noqa: ANN001
    import io

    from chalicelib import config
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(out, format="JPEG")
    fields = {
        "kind": "complaint",
        "title": "Lampu PJU mati di Jl. Veteran",
        "description": "Lampu penerangan jalan di Jl. Veteran dekat Pasar Besar mati sudah dua minggu.",
        "kecamatan": "Panggungrejo",
        "kelurahan": "Trajeng",
        "anonymous": "1",
    }
    body, content_type = multipart_body(fields, [out.getvalue(), out.getvalue()])
    response = client.http.post(
        "/reports", headers={"Content-Type": content_type, "Accept": "application/json"}, body=body
    )
    assert response.status_code == 201, response.body
    tracking = json.loads(response.body)["tracking"]
    report = config.service().report(tracking)
    assert len(report.attachments) == 2 and report.anonymous and report.location.kelurahan == "Trajeng"

    before = config.store().count()
    body, content_type = multipart_body(fields, [b"not a photo at all"])
    refused = client.http.post("/reports", headers={"Content-Type": content_type, "Accept": "text/html"}, body=body)
    assert refused.status_code == 400 and b"<html" in refused.body.lower()
    assert config.store().count() == before


def test_the_officer_verifying_sees_the_same_similar_reports(service, data_dir: Path) -> None:  # noqa: ANN001
    from chalicelib import config

    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    first, _ = service.submit(submission())
    service.act(admin, first.tracking, {"action": "verify"})
    config.publisher().publish_pending()
    again, _ = service.submit(submission(title="Lampu PJU mati di Jl. Veteran lagi"))
    view = service.officer_view(admin, service.report(again.tracking))
    assert (
        [s["tracking"] for s in view["similar"]] == [first.tracking] == [s["tracking"] for s in service.similar(again)]
    )


def test_the_no_javascript_receipt_asks_about_similar_reports_in_both_languages(client, data_dir: Path) -> None:  # noqa: ANN001
    from chalicelib import config

    service = config.service()
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    text = "Lampu penerangan jalan di Jl. Veteran dekat Pasar Besar mati sudah dua minggu, gelap sekali."
    public, _ = service.submit(submission(title="Lampu PJU mati di Jl. Veteran Trajeng", description=text))
    hidden, _ = service.submit(submission(title="Lampu PJU mati di Jl. Veteran", description=text, confidential=True))
    for report in (public, hidden):
        service.act(admin, report.tracking, {"action": "verify"})
    config.publisher().publish_pending()
    fields = {
        "kind": "complaint",
        "title": "Lampu PJU di Jl. Veteran mati",
        "description": "Lampu jalan di Veteran dekat Pasar Besar mati, gelap.",
        "category": "penerangan-jalan",
        "kecamatan": "Panggungrejo",
        "kelurahan": "Trajeng",
        "anonymous": "1",
    }

    def receipt(**more: str) -> str:
        body, content_type = multipart_body({**fields, **more}, [])
        answer = client.http.post("/reports", headers={"Content-Type": content_type, "Accept": "text/html"}, body=body)
        assert answer.status_code == 201, answer.body
        return answer.body.decode()

    site = config.site_url()
    indonesian = receipt()
    assert '<html lang="id">' in indonesian and "Apakah laporan Anda sama dengan ini?" in indonesian
    assert f'href="{site}/laporan/{public.tracking}/"' in indonesian
    assert f'href="{site}/lacak/?tracking={public.tracking}">Ikuti laporan ini</a>' in indonesian
    assert "Diverifikasi" in indonesian and hidden.tracking not in indonesian
    english = receipt(lang="en")
    assert '<html lang="en">' in english and "Is your report the same as this one?" in english
    assert f'href="{site}/en/laporan/{public.tracking}/"' in english and "Report received" in english
    assert f'href="{site}/en/lacak/?tracking={public.tracking}">Follow this report</a>' in english
    assert "Verified" in english and "Apakah" not in english and hidden.tracking not in english
    unrelated = receipt(title="Tiang listrik miring di gang tiga", description="Tiang di gang tiga miring ke rumah.")
    assert "Apakah laporan Anda sama" not in unrelated and 'id="tracking-number"' in unrelated


def test_the_public_dataset_keeps_its_times_to_the_second(client, data_dir: Path) -> None:  # noqa: ANN001
    """Reports are stamped to the microsecond (so that updates within one second keep their
    order); nothing the publisher writes shows a fraction of a second (the open-data contract)."""
    import re

    from chalicelib import config

    service = config.service()
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    report, _ = service.submit(submission())
    service.act(admin, report.tracking, {"action": "verify"})
    service.act(admin, report.tracking, {"action": "progress", "note": "Petugas sudah turun ke lokasi."})
    assert config.store().get(report.tracking).updated_at.microsecond or report.updated_at.microsecond
    config.publisher().publish_pending()
    public = data_dir / "public"
    written = [p for p in public.rglob("*") if p.is_file() and p.suffix in (".json", ".csv", ".jsonl")]
    assert any(report.tracking in p.read_text(encoding="utf-8") for p in written)
    for path in written:
        fractions = re.findall(r"\d\d:\d\d:\d\d\.\d+", path.read_text(encoding="utf-8"))
        assert not fractions, f"{path.relative_to(public)} shows fractions of a second: {fractions[:3]}"
