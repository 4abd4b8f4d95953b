"""Private report → public record: what is published, and what never is."""

import json
import re
from pathlib import Path

from chalicelib.publish import Publisher, is_published, public_record
from chalicelib.submission import new_report, validate
from conftest import submission


def verified_report(service, **overrides):
    report, _ = service.submit(submission(**overrides))
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    return service.act(admin, report.tracking, {"action": "verify"})


def test_no_reporter_identity_and_no_private_fields(service, region) -> None:
    report = verified_report(
        service,
        reporter={
            "name": "Slamet Riyadi",
            "phone": "0812-3456-7890",
            "email": "slamet@example.com",
            "nik": "3575014107870001",
        },
        location={
            "kecamatan": "Panggungrejo",
            "kelurahan": "Trajeng",
            "address": "Jl. Veteran No. 12",
            "lat": -7.64321,
            "lon": 112.91234,
        },
    )
    record = json.dumps(public_record(report, region), ensure_ascii=False)
    for private in (
        "Slamet",
        "+6281234567890",
        "0812",
        "slamet@example.com",
        "3575014107870001",
        "No. 12",
        "-7.64321",
        "112.91234",
        report.secret_hash,
        report.id,
    ):
        assert private not in record
    assert set(json.loads(record)) >= {"tracking", "status", "kecamatan", "kelurahan", "timeline"}
    assert "reporter" not in json.loads(record) and "address" not in json.loads(record)


def test_location_is_generalised(service, region) -> None:
    record = public_record(
        verified_report(
            service, location={"kecamatan": "Panggungrejo", "kelurahan": "Trajeng", "lat": -7.64321, "lon": 112.91234}
        ),
        region,
    )
    trajeng = region.find_kelurahan("Trajeng")
    assert (record["kelurahan"], record["lat"], record["lon"]) == ("Trajeng", trajeng.lat, trajeng.lon)
    sensitive = public_record(verified_report(service, category="bantuan-sosial"), region)
    kecamatan = region.find_kecamatan("Panggungrejo")
    assert (sensitive["kelurahan"], sensitive["lat"]) == (None, kecamatan.lat)


def test_dates_are_days(service, region) -> None:
    record = public_record(verified_report(service), region)
    assert record["submitted"] == "2026-03-02" and all(len(e["date"]) == 10 for e in record["timeline"])
    assert not re.search(r"\d{2}:\d{2}", json.dumps(record))  # no times of day


def test_confidential_and_unverified_reports_are_only_counted(service, region, data_dir: Path) -> None:
    public = verified_report(service)
    secret = verified_report(service, confidential=True, title="Rahasia: pungli di kantor kelurahan")
    waiting, _ = service.submit(submission(title="Belum diverifikasi sama sekali"))
    assert is_published(public) and not is_published(secret) and not is_published(waiting)
    publisher = Publisher(service.store, region, data_dir / "public", clock=service.clock)
    publisher.publish_pending()
    files = sorted(p.stem for p in (data_dir / "public" / "reports").glob("*.json"))
    assert files == [public.tracking]
    stats = json.loads((data_dir / "public" / "stats.json").read_text())
    assert stats["total"] == 3 and stats["confidential"] == 1 and stats["published"] == 1
    assert stats["by_status"] == {"received": 1, "verified": 2}
    assert [a["agency"] for a in stats["by_agency"]] == ["perhubungan", None]  # only agencies with reports
    everything = "".join(p.read_text() for p in (data_dir / "public").rglob("*.json"))
    assert "Rahasia" not in everything and "Belum diverifikasi" not in everything


def test_publishing_is_incremental_and_atomic(service, region, data_dir: Path) -> None:
    a, b = verified_report(service), verified_report(service)
    publisher = Publisher(service.store, region, data_dir / "public", clock=service.clock)
    publication = publisher.publish_pending()
    assert publication.changed == 2
    # The events (a submission and a verification each) stay pending until the site built
    # from these records is written.
    assert len(service.store.pending_events()) == 4
    assert publisher.publish_pending().changed == 0  # published again: nothing rewritten
    service.store.ack_events(publication.upto)
    assert service.store.pending_events() == []
    assert publisher.publish_pending().changed == 0  # nothing pending, nothing rewritten
    service.clock.advance(days=1)
    officer = service.authenticate("Bearer " + service.add_officer("Dishub", "agency", "perhubungan")[1])
    service.act(officer, a.tracking, {"action": "progress", "note": "Sedang dikerjakan"})
    assert publisher.publish_pending().changed == 1
    record = json.loads((data_dir / "public" / "reports" / f"{a.tracking}.json").read_text())
    assert record["status"] == "in_progress" and record["first_response"] == "2026-03-03"
    assert record["response_workdays"] == 1
    assert not list((data_dir / "public").rglob(".tmp-*"))
    assert b.tracking in {p.stem for p in (data_dir / "public" / "reports").glob("*.json")}


def test_officer_edit_replaces_the_published_text_and_is_audited(service, region) -> None:
    report, _ = service.submit(
        submission(description="Lampu mati. Rumah saya di samping warung Pak Karto, dekat gapura.")
    )
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    preview = service.officer_view(admin, report)
    assert preview["public_description"]  # the officer sees the redacted text before publishing
    service.act(admin, report.tracking, {"action": "verify", "public_description": "Lampu PJU mati di dekat gapura."})
    record = public_record(service.report(report.tracking), region)
    assert record["description"] == "Lampu PJU mati di dekat gapura."
    history = service.store.history(report.tracking)
    assert any(u.type == "edit" and not u.public for u in history)
    assert all(e["type"] != "edit" for e in record["timeline"])
    assert service.report(report.tracking).description.startswith("Lampu mati. Rumah saya")  # original kept


def test_new_report_is_not_published_before_verification(region, clock) -> None:
    report, _ = new_report(validate(submission(), region), region, now=clock())
    assert not is_published(report)


def test_statistics_are_kept_per_report_and_equal_a_count_of_every_report(service, region, data_dir: Path) -> None:
    from chalicelib.publish import statistics

    publisher = Publisher(service.store, region, data_dir / "public", clock=service.clock)
    a, b = verified_report(service), verified_report(service)
    service.submit(submission(confidential=True))
    publisher.publish_pending()  # the first publish fills the tally from the store
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    service.act(admin, a.tracking, {"action": "reject", "reason": "incomplete", "note": "Lokasi tidak jelas"})
    service.act(admin, b.tracking, {"action": "route", "agency": "pupr"})
    service.submit(submission(kind="aspiration"))
    reads = []
    original = service.store.all
    service.store.all = lambda: reads.append(1) or original()  # type: ignore[method-assign]
    publisher.publish_pending()
    assert reads == []  # a publish reads the reports that changed, not every report
    service.store.all = original  # type: ignore[method-assign]
    stats = json.loads((data_dir / "public" / "stats.json").read_text())
    assert stats == statistics(service.store.all(), region, stats["generated"])
    assert stats["total"] == 4 and stats["confidential"] == 1 and stats["by_status"]["rejected"] == 1


def test_the_journal_names_the_records_each_publish_touches(service, region, data_dir: Path) -> None:
    """changes/<seq>.json: what a publish touched, read instead of listing reports/ (before and
    after its writes, so that a reader in between reads them again)."""
    public = data_dir / "public"
    publisher = Publisher(service.store, region, public, clock=service.clock)
    a, b = verified_report(service), verified_report(service)
    assert publisher.publish_all().journal == 2  # a full publish: every record
    assert [json.loads((public / f"changes/{n}.json").read_text())["phase"] for n in (1, 2)] == ["begin", "end"]
    assert json.loads((public / "changes/2.json").read_text())["full"] is True
    admin = service.authenticate("Bearer " + service.add_officer("Admin", "admin")[1])
    upto = service.store.pending_events()[-1].seq
    service.store.ack_events(upto)
    service.act(admin, a.tracking, {"action": "progress", "note": "Sedang dikerjakan"})
    assert publisher.publish_pending().journal == 4
    for n in (3, 4):
        entry = json.loads((public / f"changes/{n}.json").read_text())
        assert (entry["trackings"], entry["full"]) == ([a.tracking], False)
    last = json.loads((public / "changes/last.json").read_text())
    assert {k: last[k] for k in ("seq", "oldest")} == {"seq": 4, "oldest": 1}
    # The journal's random name stays while the journal lasts (a reader tells journals apart by it).
    assert (
        re.fullmatch(r"[0-9a-f]{16}", last["journal"]) and last["journal"] in (public / "changes/last.json").read_text()
    )
    first_name = last["journal"]
    service.store.ack_events(service.store.pending_events()[-1].seq)
    assert publisher.publish_pending().journal is None  # nothing pending: no entry

    publisher.journal.KEEP = 3
    service.act(admin, b.tracking, {"action": "note", "note": "Catatan baru"})
    assert publisher.publish_pending().journal == 6
    assert not (public / "changes/3.json").exists() and (public / "changes/4.json").exists()
    assert json.loads((public / "changes/last.json").read_text()) == {"seq": 6, "oldest": 4, "journal": first_name}
    assert json.loads((public / "changes/6.json").read_text())["trackings"] == [b.tracking]


def test_the_dataset_store_writes_whole_files_only_when_they_change(tmp_path: Path) -> None:
    import pytest
    from chalicelib.datastore import LocalDatasetStore
    from chalicelib.errors import ValidationError

    files = LocalDatasetStore(tmp_path)
    assert files.write("reports/A.json", b"1") is True
    assert files.write("reports/A.json", b"1") is False
    assert files.write("attachments/A/x.jpg", b"jpg") and files.read("attachments/A/x.jpg") == b"jpg"
    assert list(files.keys("attachments/A/")) == ["attachments/A/x.jpg"]
    assert list(files.keys("reports/")) == ["reports/A.json"]
    assert files.delete("attachments/A/x.jpg") and not (tmp_path / "attachments/A").exists()
    assert files.delete("attachments/A/x.jpg") is False and files.read("nothing.json") is None
    for bad in ("../x", "/etc/passwd", "a//b", ""):
        with pytest.raises(ValidationError):
            files.write(bad, b"")


def test_the_tally_keeps_its_counts_equal_to_a_count_of_its_facts(tmp_path: Path) -> None:
    """Counts move by one per changed report; reading them never counts every report."""
    import random
    import sqlite3

    from chalicelib.tally import Facts, Tally

    tally = Tally(tmp_path / "tally.db")
    rng = random.Random(4)
    trackings = [f"PSR-{n:04d}-AAAA" for n in range(60)]
    tally.refill(Facts(t, "received", None, "complaint", False, False) for t in trackings[:20])
    for _ in range(30):
        batch = rng.sample(trackings, 5)
        tally.update(
            (
                Facts(
                    t,
                    rng.choice(["verified", "resolved"]),
                    rng.choice([None, "pupr"]),
                    "complaint",
                    True,
                    rng.random() < 0.2,
                )
                for t in batch[:4]
            ),
            gone=batch[4:],
        )
        counted = sorted(tally.counts(), key=repr)
        with sqlite3.connect(tmp_path / "tally.db") as conn:
            plain = conn.execute(
                "SELECT status, agency, kind, published, confidential, count(*) FROM facts"
                " GROUP BY status, agency, kind, published, confidential"
            ).fetchall()
        assert counted == sorted(((s, a, k, bool(p), bool(c), n) for s, a, k, p, c, n in plain), key=repr)
    tally.close()
    # A tally made before the counts were kept gets them filled once.
    with sqlite3.connect(tmp_path / "tally.db") as conn:
        conn.execute("DELETE FROM counts")
        conn.execute("DELETE FROM meta WHERE key = 'counts'")
    again = Tally(tmp_path / "tally.db")
    assert sorted(again.counts(), key=repr) == counted


def _league_row_by_row(rows, region, today: str) -> dict:
    """The league table the plain way, one report at a time (league.is_overdue and
    within_levels are the rules): what the kept cells must agree with."""
    import statistics

    from chalicelib.league import OPEN, is_overdue, within_levels

    table: dict = {}
    for row in rows:
        agency = row.agency if row.agency in region.agencies else None
        a = table.setdefault(agency, {"published": 0, "open": 0, "overdue": 0, "v": [], "r": [], "s": []})
        a.setdefault("judged", 0)
        a.setdefault("within", 0)
        a.setdefault("resolved", 0)
        a.setdefault("reopened", 0)
        a.setdefault("ratings", [])
        t = row.timing
        a["published"] += 1
        a["open"] += row.status in OPEN
        a["overdue"] += is_overdue(row, today)
        for key, value in (("v", t.verification_workdays), ("r", t.response_workdays), ("s", t.resolution_workdays)):
            if value is not None:
                a[key].append(value)
        verdict = within_levels(row, region.service_levels, today)
        if verdict is not None:
            a["judged"] += 1
            a["within"] += verdict
        if t.ever_resolved:
            a["resolved"] += 1
            a["reopened"] += t.reopened > 0
        if t.rating is not None:
            a["ratings"].append(t.rating)

    def median(values: list) -> float | None:
        return float(statistics.median(values)) if values else None

    return {
        agency: {
            "published": a["published"],
            "open": a["open"],
            "overdue": a["overdue"],
            "median_verification_workdays": median(a["v"]),
            "median_response_workdays": median(a["r"]),
            "median_resolution_workdays": median(a["s"]),
            "within_service_level": round(a["within"] / a["judged"], 4) if a["judged"] else None,
            "reopen_rate": round(a["reopened"] / a["resolved"], 4) if a["resolved"] else None,
            "mean_rating": round(statistics.fmean(a["ratings"]), 2) if a["ratings"] else None,
            "ratings": len(a["ratings"]),
        }
        for agency, a in table.items()
    }


def test_the_league_table_from_kept_cells_equals_one_counted_report_by_report(tmp_path: Path, region) -> None:
    """The tally keeps the league table's cells per agency, moved per changed report: the table
    read from them equals the table counted over every report, on any day (overdue and the
    not-yet-followed-up cases turn with the calendar), after updates, withdrawals and a reopen
    of the file."""
    import random
    from datetime import date, timedelta

    from chalicelib.league import league_of
    from chalicelib.tally import Facts, Tally, Timing

    rng = random.Random(8)
    agencies = [*list(region.agencies)[:3], None, "not-in-region"]
    trackings = [f"PSR-{n:04d}-LLLL" for n in range(80)]
    start = date(2026, 3, 2)

    def fact(tracking: str) -> Facts:
        day = (start + timedelta(days=rng.randrange(20))).isoformat()
        step = rng.choice(["verification", "response", "autoclose", None])
        maybe = lambda: rng.choice([None, *range(0, 9)])  # noqa: E731
        timing = Timing(
            deadline=day if step else None,
            deadline_step=step,
            verification_workdays=maybe(),
            # Often not followed up while the response step runs: missed once its day is past.
            response_workdays=None if step == "response" and rng.random() < 0.7 else maybe(),
            resolution_workdays=maybe(),
            ever_resolved=rng.random() < 0.4,
            reopened=rng.choice([0, 0, 1, 2]),
            rating=rng.choice([None, 1, 3, 4, 5]),
        )
        status = rng.choice(["received", "verified", "in_progress", "resolved", "rejected"])
        return Facts(tracking, status, rng.choice(agencies), "complaint", rng.random() < 0.85, False, timing)

    tally = Tally(tmp_path / "tally.db")
    tally.refill(fact(t) for t in trackings[:50])
    for round_ in range(12):
        batch = rng.sample(trackings, 9)
        tally.update((fact(t) for t in batch[:7]), gone=batch[7:])
        if round_ == 6:  # a new process reads the kept cells
            tally.close()
            tally = Tally(tmp_path / "tally.db")
        rows = list(tally.served())
        for today in (start + timedelta(days=d) for d in range(-1, 22, 2)):
            kept = {r.pop("agency"): r for r in league_of(tally.league_cells(), region, today)}
            for r in kept.values():
                r.pop("name")
            plain = _league_row_by_row(rows, region, today.isoformat())
            empty = {
                "published": 0, "open": 0, "overdue": 0, "median_verification_workdays": None,
                "median_response_workdays": None, "median_resolution_workdays": None,
                "within_service_level": None, "reopen_rate": None, "mean_rating": None, "ratings": 0,
            }  # fmt: skip
            plain = {a: plain.get(a, empty) for a in {*region.agencies, *plain}}  # every agency has its row
            assert kept == plain, today
    # Refilled, the cells are the same ones.
    cells = tally.league_cells()
    tally.refill(
        Facts(t, r.status, r.agency, "complaint", True, False, r.timing)
        for t, r in zip(trackings, tally.served(), strict=False)
    )
    assert tally.league_cells() == cells
    tally.close()
