"""`aduan import`: keyed by ref, re-import adds missing history, all or nothing."""

import json
import os
import random
import threading
from collections import Counter

import pytest
from chalicelib.deadline import OfficersDeadline
from chalicelib.errors import ValidationError
from chalicelib.importer import import_lines
from chalicelib.publish import statistics
from chalicelib.service import Aduan


def line(ref: str, history=None, **overrides) -> str:
    data = {
        "ref": ref,
        "channel": "e-sambat",
        "submitted_at": "2022-03-01T08:00:00+07:00",
        "kind": "complaint",
        "title": "Air PDAM mati",
        "description": "Air tidak mengalir tiga hari di Bugul Lor.",
        "agency": "air-minum",
        "category": None,
        "location": {"kecamatan": "Panggungrejo", "kelurahan": "Bugul Lor", "address": None, "lat": None, "lon": None},
        "reporter": {"name": "Siti Aminah", "phone": "081234567890", "email": None, "nik": None},
        "anonymous": False,
        "confidential": False,
        "history": history or [],
    }
    data.update(overrides)
    return json.dumps(data)


H = [
    {"status": "received", "at": "2022-03-01T08:00:00+07:00", "agency": None, "reason": None, "note": None},
    {
        "status": "verified",
        "at": "2022-03-02T09:00:00+07:00",
        "agency": "air-minum",
        "reason": None,
        "note": "Diteruskan",
    },
]


def test_import_creates_reports(store, region) -> None:
    result = import_lines([line("A-1", H), line("A-2")], store, region)
    assert (result.created, result.updated) == (2, 0)
    report = store.get_by_ref("A-1")
    assert report.status.value == "verified" and report.agency == "air-minum"
    assert store.get_by_ref("A-2").status.value == "received"


def test_reimport_adds_only_the_missing_history(store, region) -> None:
    import_lines([line("A-1", H)], store, region)
    more = H + [
        {
            "status": "in_progress",
            "at": "2022-03-04T10:00:00+07:00",
            "agency": "air-minum",
            "reason": None,
            "note": "Pipa diganti",
        }
    ]
    result = import_lines([line("A-1", more)], store, region)
    assert (result.created, result.updated, result.entries_added) == (0, 1, 1)
    report = store.get_by_ref("A-1")
    assert [u.status.value for u in report.updates if u.status] == ["received", "verified", "in_progress"]
    again = import_lines([line("A-1", more)], store, region)
    assert (again.updated, again.unchanged) == (0, 1)
    assert len(store.get_by_ref("A-1").updates) == len(report.updates)


def test_skipped_steps_are_filled_in_but_impossible_ones_refused(store, region) -> None:
    resolved = [
        {
            "status": "resolved",
            "at": "2022-03-09T10:00:00+07:00",
            "agency": "air-minum",
            "reason": None,
            "note": "Selesai",
        }
    ]
    import_lines([line("A-1", resolved)], store, region)
    assert [u.status.value for u in store.get_by_ref("A-1").updates if u.status] == [
        "received",
        "verified",
        "in_progress",
        "resolved",
    ]
    impossible = [
        {"status": "rejected", "at": "2022-03-02T10:00:00+07:00", "agency": None, "reason": "spam", "note": ""},
        {"status": "resolved", "at": "2022-03-03T10:00:00+07:00", "agency": None, "reason": None, "note": ""},
    ]
    with pytest.raises(ValidationError, match=r"^baris 1: history\[1\]\.status: laporan berstatus rejected") as info:
        import_lines([line("B-1", impossible)], store, region)
    assert info.value.message_en == "line 1: history[1].status: a report that is rejected cannot become resolved"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        (line("X", kind="complain"), "kind"),
        (line("X", title=""), "title is required"),
        (line("X", location={"kecamatan": "Atlantis"}), "location.kecamatan 'Atlantis'"),
        (line("X", location={"kecamatan": "Gadingrejo", "kelurahan": "Trajeng"}), "Trajeng is in Panggungrejo"),
        (line("X", agency="dinas-rahasia"), "agency 'dinas-rahasia'"),
        (line("X", submitted_at="2022-03-01 08:00"), "no UTC offset"),
        (line("X", history=[{"status": "done", "at": "2022-03-02T08:00:00+07:00"}]), "unknown status"),
        (line("X", history=[{"status": "verified", "at": "2021-01-01T08:00:00+07:00"}]), "earlier"),
        (line("A-1"), "already appears on line 1"),
    ],
)
def test_one_bad_line_refuses_the_whole_file_and_names_the_line(store, region, bad: str, message: str) -> None:
    lines = [line("A-1", H), line("A-2"), bad, line("A-4")]
    with pytest.raises(ValidationError) as info:
        import_lines(lines, store, region)
    assert info.value.message_en.startswith("line 3: ") and message in info.value.message_en
    assert info.value.message.startswith("baris 3: ") and info.value.fields == {"line": "3"}
    assert store.count() == 0 and store.pending_events() == []


def test_optional_details_may_be_missing(store, region) -> None:
    sparse = json.dumps(
        {
            "ref": "S-1",
            "submitted_at": "2022-03-01T08:00:00+07:00",
            "kind": "aspiration",
            "title": "Usul taman",
            "description": "Mohon dibuatkan taman bermain.",
            "location": {"kecamatan": "purworejo"},
        }
    )
    import_lines([sparse], store, region)
    report = store.get_by_ref("S-1")
    assert report.reporter.is_empty() and report.location.kecamatan == "Purworejo" and report.category is None


def esambat_lines(count: int = 137) -> tuple[list[str], Counter, Counter]:
    """E-Sambat's August 2022 mix: 38 selesai, 39 diproses, 49 menunggu tindak lanjut, 11 ditolak."""
    rng = random.Random(137)
    statuses = ["resolved"] * 38 + ["in_progress"] * 39 + ["verified"] * 49 + ["rejected"] * 11
    agencies = [
        "air-minum",
        "pupr",
        "perhubungan",
        "kesehatan",
        "perkim",
        "ketenagakerjaan",
        "lingkungan-hidup",
        "adminduk",
        "satgas-covid",
        "pendidikan",
    ]
    lines, by_status, by_agency = [], Counter(), Counter()
    for i, status in enumerate(statuses[:count]):
        agency = rng.choice(agencies)
        history = [
            {"status": "received", "at": "2022-01-03T08:00:00+07:00", "agency": None, "reason": None, "note": None}
        ]
        if status == "rejected":
            history.append(
                {
                    "status": "rejected",
                    "at": "2022-01-04T08:00:00+07:00",
                    "agency": agency,
                    "reason": "out_of_jurisdiction",
                    "note": "Wilayah Kabupaten Pasuruan",
                }
            )
        else:
            history.append(
                {
                    "status": status,
                    "at": "2022-01-05T08:00:00+07:00",
                    "agency": agency,
                    "reason": None,
                    "note": "tindak lanjut",
                }
            )
        lines.append(line(f"ES-{i}", history, agency=agency, confidential=(i % 17 == 0)))
        by_status[status] += 1
        by_agency[agency] += 1
    return lines, by_status, by_agency


def test_137_reports_give_statistics_matching_the_file(store, region) -> None:
    lines, by_status, by_agency = esambat_lines()
    import_lines(lines, store, region)
    stats = statistics(store.all(), region, "2022-08-05")
    assert stats["total"] == 137
    assert stats["by_status"] == dict(by_status)  # exactly: no zero entries either
    assert {a["agency"]: a["total"] for a in stats["by_agency"]} == dict(by_agency)
    assert abs(sum(a["share"] for a in stats["by_agency"]) - 1) < 0.001


def test_an_import_dates_its_reports_so_the_apis_first_request_writes_nothing(store, region) -> None:
    """Each imported report's officers' deadline is kept as it is saved, by the rule the service
    keeps them by; a command-line import used to leave them undated ("?"), and the API's first
    request then dated every report of the store at once with the write lock held."""
    lines, _, _ = esambat_lines()
    import_lines(lines, store, region)
    rule = OfficersDeadline(region.service_levels)
    rows = store._conn().execute("SELECT tracking, status, due FROM reports").fetchall()
    assert len(rows) == 137 and {r["status"] for r in rows} == {"resolved", "in_progress", "verified", "rejected"}
    for row in rows:
        day = rule(store.get(row["tracking"]))
        assert row["due"] == (day.isoformat() if day else None)
    assert any(r["due"] for r in rows)  # verified reports wait for a first follow-up
    before = store._conn().total_changes
    Aduan(store, region)  # what the API's first request makes
    assert store._conn().total_changes == before


def test_an_imports_staged_rows_go_to_a_file_and_the_connection_keeps_its_journals_in_memory(store, region) -> None:
    """The store's connections keep savepoint journals in memory (a group commit's), but an
    import's staged tables, hundreds of MB at 100k reports, in a temporary file."""
    conn = store._conn()
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # memory
    seen = []

    def lines():
        for i in range(3):
            seen.append(conn.execute("PRAGMA temp_store").fetchone()[0])
            yield line(f"T-{i}", H)

    assert import_lines(lines(), store, region).created == 3
    assert seen == [1, 1, 1]  # a file while the import stages
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2


def test_a_batch_is_stored_as_saving_each_report_alone_would(store, region, data_dir) -> None:
    """The store's bulk path (new reports in one executemany per table) keeps what the
    one-by-one path keeps: the record, its updates row by row, one publish event each."""
    from chalicelib.sqlite_store import SQLiteStore

    lines = [line(f"B-{i}", H, title=f'Air mati {i} \u2019kutip\u2019 "dua"') for i in range(5)]
    import_lines(lines, store, region)
    alone = SQLiteStore(data_dir / "alone.db")
    for text in lines:
        import_lines([text], alone, region)
    for i in range(5):
        bulk, single = store.get_by_ref(f"B-{i}"), alone.get_by_ref(f"B-{i}")
        assert bulk.version == single.version == 1
        keep = {"id", "tracking", "secret_hash"}  # made afresh by each import
        assert {k: v for k, v in bulk.to_dict().items() if k not in keep} == {
            k: v for k, v in single.to_dict().items() if k not in keep
        }
        assert store.history(bulk.tracking) == bulk.updates and len(bulk.updates) == 2
    assert sorted(e.tracking for e in store.pending_events()) == sorted(
        store.get_by_ref(f"B-{i}").tracking for i in range(5)
    )


def test_a_batch_with_a_clash_saves_nothing_and_names_the_report(store, region) -> None:
    from chalicelib.errors import Conflict
    from chalicelib.importer import _new_report

    first, second, third = (_new_report(json.loads(line(f"C-{i}", H)), region) for i in range(3))
    third.tracking = first.tracking  # two new reports cannot share a tracking number
    with pytest.raises(Conflict) as refused:
        store.save([first, second, third])
    assert third.tracking in refused.value.message_en
    assert store.count() == 0 and not store.pending_events()
    assert (first.version, second.version, third.version) == (0, 0, 0)


class _Counting:
    """A connection that counts the statements run through it (execute and executemany calls,
    not rows), in every thread's connection of the store."""

    def __init__(self, conn, calls: Counter) -> None:
        self._conn, self._calls = conn, calls

    def __getattr__(self, name: str):
        return getattr(self._conn, name)

    def execute(self, sql: str, *args):
        self._calls[sql.split()[0].upper()] += 1
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, *args):
        self._calls[sql.split()[0].upper()] += 1
        return self._conn.executemany(sql, *args)


def _counting_store(path, calls: Counter):
    from chalicelib.sqlite_store import SQLiteStore

    class CountingStore(SQLiteStore):
        def _conn(self):
            return _Counting(super()._conn(), calls)

    return CountingStore(path)


def test_an_import_queries_and_inserts_per_chunk_not_per_report(region, data_dir, monkeypatch) -> None:
    """Looking refs up and inserting new reports are done a chunk at a time, and the whole file
    is one transaction: 200 reports in chunks of 50 take a handful of statements per chunk, not
    one or more per report (each report costing a statement would make it 200 or more)."""
    from chalicelib import importer

    monkeypatch.setattr(importer, "CHUNK", 50)
    calls: Counter = Counter()
    store = _counting_store(data_dir / "counted.db", calls)
    lines = [line(f"P-{i}", H) for i in range(200)]
    store.keep_deadlines(OfficersDeadline(region.service_levels))  # once per store and rule, not per chunk
    calls.clear()
    assert import_lines(lines, store, region).created == 200
    assert calls["SELECT"] <= 4 + 2  # one ref query per chunk
    # Reports, updates, events: one executemany each per chunk (staged), then one each to save.
    assert calls["INSERT"] <= 4 * 3 + 3
    # (and per import, not per chunk: the staged tables made and dropped, temp_store set and reset)
    assert calls["COMMIT"] == 1 and sum(calls.values()) < 42
    calls.clear()
    assert import_lines(lines, store, region).unchanged == 200  # again: nothing to write
    assert calls["SELECT"] <= 4 + 2 and calls["INSERT"] == 0 and sum(calls.values()) < 20
    assert store.count() == 200 and len(store.pending_events(limit=1000)) == 200


def test_an_import_streams_a_chunk_at_a_time_and_a_late_bad_line_still_saves_nothing(
    store, region, monkeypatch
) -> None:
    """The store is handed each chunk as soon as its lines are read (a big file is never held
    whole), yet a bad line in the last chunk rolls back the chunks already inserted."""
    from chalicelib import importer

    monkeypatch.setattr(importer, "CHUNK", 50)
    read = 0
    seen_at: list[tuple[int, int]] = []  # (lines read so far, reports in the chunk) per chunk
    save_stream = store.save_stream

    def lines(bad_at: int | None):
        nonlocal read
        for i in range(1, 131):
            read = i
            yield "{not json" if i == bad_at else line(f"S-{i}", H)

    def watching(batches):
        def watched():
            for batch in batches:
                seen_at.append((read, len(batch)))
                yield batch

        save_stream(watched())

    monkeypatch.setattr(store, "save_stream", watching)
    with pytest.raises(ValidationError) as info:
        import_lines(lines(bad_at=120), store, region)
    assert info.value.message_en.startswith("line 120: not valid JSON")
    assert seen_at == [(50, 50), (100, 50)]  # inserted while the rest was still unread
    assert store.count() == 0 and store.pending_events() == []
    read, seen_at[:] = 0, []
    assert import_lines(lines(bad_at=None), store, region).created == 130
    assert seen_at == [(50, 50), (100, 50), (130, 30)] and store.count() == 130


def test_a_submission_during_a_long_import_is_saved_at_once(store, region, monkeypatch) -> None:
    """An import stages its chunks without the store's write lock and takes it only once the
    whole file is read: a report saved by another thread (a citizen's submission to `aduan
    run`) while the import is still reading is saved at once, not after the import."""
    import threading

    from chalicelib import importer
    from chalicelib.importer import _new_report

    monkeypatch.setattr(importer, "CHUNK", 50)
    halfway, resume = threading.Event(), threading.Event()

    def lines():
        for i in range(1, 121):
            if i == 101:  # two chunks staged; the rest of the file is slow to come
                halfway.set()
                resume.wait(60)
            yield line(f"L-{i}", H)

    results: list = []
    importing = threading.Thread(target=lambda: results.append(import_lines(lines(), store, region)))
    importing.start()
    submission = _new_report(json.loads(line("W-1", H)), region)
    saver = threading.Thread(target=store.save, args=([submission],))
    try:
        assert halfway.wait(60)
        saver.start()
        saver.join(5)
        assert not saver.is_alive(), "the submission waited for the import"
        assert store.get(submission.tracking) is not None and store.count() == 1
    finally:
        resume.set()
        importing.join(60)
        saver.join(60)
    assert results[0].created == 120 and store.count() == 121
    assert len(store.pending_events(limit=1000)) == 121


def test_a_report_changed_by_an_officer_during_its_reimport_refuses_the_import(store, region, monkeypatch) -> None:
    """A changed report is staged with the version it was read at: an officer's change saved
    while the import still reads its file is not overwritten; the whole import is refused
    (nothing of it saved) and may be run again."""
    import threading

    from chalicelib import importer
    from chalicelib.errors import Conflict

    monkeypatch.setattr(importer, "CHUNK", 50)
    import_lines([line("K-1", H[:1])], store, region)
    halfway, resume = threading.Event(), threading.Event()

    def lines():
        yield line("K-1", H)  # one more history entry for K-1
        for i in range(2, 121):
            if i == 101:
                halfway.set()
                resume.wait(60)
            yield line(f"K-{i}", H)

    errors: list = []

    def run() -> None:
        try:
            import_lines(lines(), store, region)
        except Conflict as e:
            errors.append(e)

    importing = threading.Thread(target=run)
    importing.start()
    try:
        assert halfway.wait(60)
        report = store.get_by_ref("K-1")
        report.agency = "kesehatan"
        store.save([report])  # the officer's change, while the import is half read
    finally:
        resume.set()
        importing.join(60)
    assert errors and "K-1" not in errors[0].message_en and store.get_by_ref("K-1").tracking in errors[0].message_en
    assert store.count() == 1 and store.get_by_ref("K-1").agency == "kesehatan"
    assert len(store.get_by_ref("K-1").updates) == 1 and len(store.pending_events(limit=1000)) == 2


def _pooled(monkeypatch, data_dir, name: str):
    """A store whose forked import workers leave their pid in a file, and an import that hands
    chunks of 40 lines to the workers after the first 80."""
    from chalicelib import importer
    from chalicelib.publish_pool import can_fork
    from chalicelib.sqlite_store import SQLiteStore

    # the pool forks only when no other thread runs here: say which did (a CI run once lacked workers)
    assert can_fork(), f"other threads in this test process: {[t.name for t in threading.enumerate()]}"
    monkeypatch.setattr(importer, "CHUNK", 40)
    monkeypatch.setattr(importer, "POOL_AFTER", 80)
    monkeypatch.setenv("ADUAN_IMPORT_WORKERS", "2")
    marks = data_dir / f"{name}.workers"

    class Marking(SQLiteStore):
        def after_fork(self) -> None:
            super().after_fork()
            with open(marks, "a") as f:
                f.write(f"{os.getpid()}\n")

    return Marking(data_dir / f"{name}.db"), marks


def test_a_long_import_is_checked_in_workers_and_saved_as_one_process_saves_it(region, data_dir, monkeypatch) -> None:
    from chalicelib.sqlite_store import SQLiteStore

    lines = [line(f"W-{i}", H if i % 3 else H[:1], title=f"Air mati {i}") for i in range(400)]
    alone = SQLiteStore(data_dir / "alone.db")
    monkeypatch.setenv("ADUAN_IMPORT_WORKERS", "0")
    serial = import_lines(lines, alone, region)
    pooled_store, marks = _pooled(monkeypatch, data_dir, "pooled")
    pooled = import_lines(lines, pooled_store, region)
    workers = set(marks.read_text().split())
    assert len(workers) == 2 and str(os.getpid()) not in workers  # two forked workers ran
    assert pooled == serial and pooled.created == 400
    keep = {"id", "tracking", "secret_hash"}  # made afresh by each import
    for i in (0, 1, 79, 80, 81, 250, 399):
        a, b = alone.get_by_ref(f"W-{i}").to_dict(), pooled_store.get_by_ref(f"W-{i}").to_dict()
        assert {k: v for k, v in a.items() if k not in keep} == {k: v for k, v in b.items() if k not in keep}
    events = [e.tracking for e in pooled_store.pending_events(limit=1000)]
    assert events == [pooled_store.get_by_ref(f"W-{i}").tracking for i in range(400)]  # file order
    again = [*lines[:390], line("W-390", H, title="Air mati 390")]  # one more entry for W-390
    assert import_lines(again, pooled_store, region) == type(serial)(updated=1, unchanged=390, entries_added=1)


@pytest.mark.parametrize(
    ("bad_at", "bad", "message"),
    [
        (301, "{not json", "line 301: not valid JSON"),
        (263, line("W-5", H), "line 263: ref 'W-5' already appears on line 5"),  # seen before the pool
        (170, line("W-125", H), "line 170: ref 'W-125' already appears on line 125"),  # across chunks
        (127, line("W-125", H), "line 127: ref 'W-125' already appears on line 125"),  # in one chunk
        (200, line("X", kind="complain"), "line 200: kind"),
    ],
)
def test_a_bad_line_checked_by_a_worker_saves_nothing_and_is_named(
    region, data_dir, monkeypatch, bad_at: int, bad: str, message: str
) -> None:
    lines = [line(f"W-{i}", H) for i in range(1, 401)]
    lines[bad_at - 1] = bad
    lines[350] = "{also not json"  # a later bad line is not the one named
    store, marks = _pooled(monkeypatch, data_dir, "bad")
    with pytest.raises(ValidationError) as info:
        import_lines(lines, store, region)
    assert info.value.message_en.startswith(message)
    assert len(set(marks.read_text().split())) == 2
    assert store.count() == 0 and store.pending_events() == []


def test_tracking_numbers_drawn_twice_are_drawn_again(store, region, monkeypatch) -> None:
    """An import whose new reports drew a tracking number twice, or one the store has, still
    saves every report, each under a number of its own (its record saying the same), where
    it refused the whole file: at 100k reports a repeated draw is likely (35 random bits)."""
    from chalicelib import importer

    import_lines([line("T-0", H)], store, region)
    kept = store.get_by_ref("T-0").tracking
    draws = iter([kept, "PSR-AAAA-AAAA", "PSR-AAAA-AAAA", "PSR-BBBB-BBBB", "PSR-BBBB-BBBB"])
    real = importer.new_tracking
    monkeypatch.setattr(importer, "new_tracking", lambda prefix: next(draws, None) or real(prefix))
    assert import_lines([line(f"T-{i}", H) for i in range(1, 7)], store, region).created == 6
    reports = [store.get_by_ref(f"T-{i}") for i in range(7)]
    trackings = [r.tracking for r in reports]
    assert len(set(trackings)) == 7 and trackings[0] == kept
    assert trackings[2] == "PSR-AAAA-AAAA" and trackings[4] == "PSR-BBBB-BBBB"  # the first draw keeps it
    for report in reports:
        assert store.get(report.tracking).ref == report.ref and store.history(report.tracking) == report.updates
    assert sorted(e.tracking for e in store.pending_events(limit=100)) == sorted(trackings)


def test_lines_are_read_as_json_reads_them(store, region) -> None:
    """Lines are parsed by orjson when it gives what json gives, else by json: a ref written as
    an integer beyond 64 bits stays whole (orjson would make it a float), text in bytes reads
    as json reads it, and a bad line is named as before."""
    whole = 123456789012345678901234567890
    big = json.loads(line("x"))
    big["ref"] = whole
    lines = [
        json.dumps(big).encode(),
        line("S-2", description="Jalan rusak parah \u2028 di depan \u00e9 sekolah \U0001f600").encode(),
    ]
    assert import_lines(lines, store, region).created == 2
    assert store.get_by_ref(str(whole)) is not None
    assert store.get_by_ref("S-2").description == json.loads(lines[1])["description"]
    for bad, message in ((b'{"ref": "\xff"}', "line 1: not UTF-8 text (byte 10)"), (b"[1]", "line 1: each line")):
        with pytest.raises(ValidationError) as info:
            import_lines([bad], store, region)
        assert info.value.message_en.startswith(message)


def test_a_stored_record_reads_back_as_the_report_whatever_its_offsets(store, region) -> None:
    """The bulk path encodes records with orjson, whose datetimes round an offset's seconds:
    such a report is written the slow way, and both read back exactly."""
    odd = [dict(H[0], at="2022-03-01T08:00:00+07:00:30"), dict(H[1], at="2022-03-02T09:00:00.5-03:30")]
    lines = [line("R-1", H, title="Jalan \u2019rusak\u2019 \u2028 😀"), line("R-2", odd, submitted_at=odd[0]["at"])]
    import_lines(lines, store, region)
    for ref in ("R-1", "R-2"):
        report = store.get_by_ref(ref)
        row = store._conn().execute("SELECT record FROM reports WHERE ref = ?", (ref,)).fetchone()
        assert json.loads(row["record"]) == dict(report.to_dict(), version=0)
    assert store.get_by_ref("R-2").submitted_at.isoformat() == "2022-03-01T08:00:00+07:00:30"
