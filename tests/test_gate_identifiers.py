"""The gate's identifiers (specific ones only) and its scan of whole files: every spelling, every
file type."""

import gzip
import sqlite3
from pathlib import Path

import pytest
from chalicelib.gate import identifiers_of, vocabulary
from chalicelib.gate.files import Scanner
from chalicelib.gate.identifiers import Identifier, identifier
from chalicelib.region import load_region
from chalicelib.submission import new_report, validate
from conftest import submission

VOCAB = vocabulary(load_region())


def ident(tracking: str, kind: str, value: str, *, verified: bool = True) -> Identifier | None:
    return identifier(tracking, kind, value, VOCAB, verified=verified)


IDS = [
    ident("PSR-AAAA-AAAA", "telepon", "+6281234567890"),
    ident("PSR-AAAA-AAAA", "nik", "3575014107870001"),
    ident("PSR-AAAA-AAAA", "nama", "Slamet Riyadi"),
    ident("PSR-BBBB-BBBB", "email", "siti.aminah@example.com"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Hubungi 0812-3456-7890 segera",
        "tel: +62 812 3456 7890",
        "wa 6281234567890",
        "(0812) 3456.7890",
        "NIK 3575.0141.0787.0001",
        "nik: 3575 0141 0787 0001",
        "<td>3575014107870001</td>",
        "Bapak SLAMET RIYADI melapor",
        "<b>Slamet</b>\n  Riyadi",
        "Slamet&nbsp;Riyadi",
        "surel siti.aminah@example.com",
        '{"email": "Siti.Aminah@Example.com"}',
    ],
)
def test_identifiers_are_found_in_every_spelling(text: str) -> None:
    assert list(Scanner(IDS).scan_text(text, "x"))


@pytest.mark.parametrize(
    "text",
    [
        "Tagihan Rp 1.234.567.890 naik",
        "pada 12/03/2026 pukul 08.30",
        "Jl. Slamet",
        "Riyadi Street",
        "RT 03 RW 05",
        "081234567",
        "SDN Kebonsari 1",
    ],
)
def test_public_text_is_not_a_leak(text: str) -> None:
    assert not list(Scanner(IDS).scan_text(text, "x"))


def test_leak_names_the_report_but_not_the_value() -> None:
    leak = next(Scanner(IDS).scan_text("email siti.aminah@example.com", "data/reports.csv"))
    assert "PSR-BBBB-BBBB" in str(leak) and "data/reports.csv" in str(leak) and "aminah" not in str(leak)


def test_compressed_and_sqlite_files_are_scanned(tmp_path: Path) -> None:
    (tmp_path / "fragment.pf_fragment").write_bytes(gzip.compress(b'{"content": "Slamet Riyadi melapor"}'))
    conn = sqlite3.connect(tmp_path / "aduan.db")
    conn.execute("CREATE TABLE reports (tracking TEXT, description TEXT)")
    conn.execute("INSERT INTO reports VALUES ('PSR-1', 'hubungi 0812 3456 7890')")
    conn.commit()
    conn.close()
    (tmp_path / "clean.html").write_text("<p>Lampu mati</p>")
    leaks = Scanner(IDS).scan_tree(tmp_path)
    assert {leak.where.split(" ")[0] for leak in leaks} == {"fragment.pf_fragment", "aduan.db"}


def test_identifiers_come_from_reporter_fields_and_private_text(region, clock) -> None:
    report, _ = new_report(
        validate(
            submission(description="Lampu mati. Tetangga saya Pak Karto Wiryo bisa dihubungi di 0857-1111-2222."),
            region,
        ),
        region,
        now=clock(),
    )
    found = {(i.kind, i.key) for i in identifiers_of(report, VOCAB)}
    assert ("nama", "slamet riyadi") in found and ("telepon", "#81234567890") in found
    assert ("telepon", "#85711112222") in found
    assert any(kind == "nama" and "karto" in key for kind, key in found)


def test_words_the_redactor_overmatches_do_not_become_identifiers(region, clock, monkeypatch) -> None:
    from chalicelib.gate import identifiers as leaks
    from chalicelib.redaction import PiiMatch

    text = "Gaji di bawah UMK, tetangga saya yang mampu. Nama saya Karto."
    fake = [PiiMatch("nama", 14, 17, "UMK"), PiiMatch("nama", 39, 44, "mampu"), PiiMatch("nama", 56, 61, "Karto")]
    monkeypatch.setattr(leaks, "find_pii_remembered", lambda t: fake if t == text else [])
    report, _ = new_report(validate(submission(description=text, reporter={}), region), region, now=clock())
    assert [i.key for i in identifiers_of(report, VOCAB)] == ["karto"]
    lower = "nama saya karto, tinggal dekat pasar"
    monkeypatch.setattr(
        leaks, "find_pii_remembered", lambda t: [PiiMatch("nama", 10, 15, "karto")] if t == lower else []
    )
    report, _ = new_report(validate(submission(description=lower, reporter={}), region), region, now=clock())
    assert [i.key for i in identifiers_of(report, VOCAB)] == ["karto"]  # an all-lower-case message


@pytest.mark.parametrize(
    "name",
    ["Pasuruan", "Kota Pasuruan", "Dinas", "True", "@pasuruan", "alert", "@SUM", "Jalan", "Bugul Lor", "Warga"],
)
def test_words_of_the_region_the_site_or_ordinary_indonesian_identify_nobody(name: str) -> None:
    """A submitter who calls themself "Pasuruan" gives the gate nothing to search for."""
    assert ident("PSR-AAAA-AAAA", "nama", name) is None
    assert ident("PSR-AAAA-AAAA", "akun", name) is None


def test_only_verified_reports_names_are_searched_for_in_other_reports() -> None:
    name = "Sutrisno Wibisono"
    assert ident("PSR-AAAA-AAAA", "nama", name, verified=True).strong
    assert not ident("PSR-AAAA-AAAA", "nama", name, verified=False).strong
    assert not ident("PSR-AAAA-AAAA", "nama", "Sutrisno").strong  # one word: its own report only
    # Numbers and emails are specific whoever wrote them.
    assert ident("PSR-AAAA-AAAA", "telepon", "0813 5566 7788", verified=False).strong
    assert ident("PSR-AAAA-AAAA", "email", "sutrisno.w@example.com", verified=False).strong


def test_the_scan_of_a_build_reads_keys_and_only_the_rows_it_finds(tmp_path: Path) -> None:
    """GateIndex.scanner: the same leaks as a Scanner of every identifier, rows read per hit."""
    from chalicelib.gate.index import GateIndex

    index = GateIndex(tmp_path / "gate.db")
    index.replace([("PSR-AAAA-AAAA", 1, [i for i in IDS[:3] if i]), ("PSR-BBBB-BBBB", 1, [i for i in IDS[3:] if i])])
    scanner = index.scanner()
    looked_up: list[str] = []
    resolve = scanner.resolve
    assert resolve is not None
    scanner.resolve = lambda key: looked_up.append(key) or resolve(key)
    text = "Bapak SLAMET RIYADI, HP 0812-3456-7890; surel siti.aminah@example.com; lainnya 12"
    expected = sorted(str(leak) for leak in Scanner(IDS).scan_text(text, "x"))
    assert sorted(str(leak) for leak in scanner.scan_text(text, "x")) == expected and len(expected) >= 3
    assert len(looked_up) == len(expected)
    assert list(scanner.scan_text("Lampu jalan mati di Jl. Veteran", "x")) == []


def test_publishing_a_report_runs_the_detector_once_per_private_text(region, clock, monkeypatch) -> None:
    """The gate's index and the redaction read the same private texts: the detector runs once for
    both (it is most of a cold publish), and the two still agree with a fresh run."""
    from chalicelib.publish import public_record
    from chalicelib.redaction import driver, find_pii

    description = "Lampu mati di depan rumah. Tetangga saya Pak Karto Wiryo bisa dihubungi di 0857-1111-2222."
    report, _ = new_report(validate(submission(description=description), region), region, now=clock())
    driver._remembered.cache_clear()
    runs: list[str] = []
    real = driver._document  # every run of the detector builds its document once
    monkeypatch.setattr(driver, "_document", lambda text: runs.append(text) or real(text))
    found = identifiers_of(report, VOCAB)
    record = public_record(report, region)
    texts = [t for t in (report.title, report.description, report.location.address) if t]
    assert sorted(runs) == sorted(set(texts)), "each private text is read by the detector exactly once"
    assert ("telepon", "#85711112222") in {(i.kind, i.key) for i in found}
    assert "0857" not in record["description"] and "Karto" not in record["description"]
    assert driver.find_pii_remembered(description) == find_pii(description)
