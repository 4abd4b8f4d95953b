"""The check of one record in a publish: one scan over every strong key of the gate's index
first (GateIndex.batch_scanner), the index asked per key only when that scan finds one. The
problems must be the ones the per-record questions alone give, in the same order."""

from pathlib import Path

import pytest
from chalicelib.gate import GateIndex, check_record, vocabulary
from chalicelib.gate.files import Scanner
from chalicelib.gate.identifiers import Identifier, identifier
from chalicelib.region import load_region
from chalicelib.submission import new_report, validate
from conftest import submission

REGION = load_region()
VOCAB = vocabulary(REGION)


def ident(tracking: str, kind: str, value: str, *, verified: bool = True) -> Identifier:
    found = identifier(tracking, kind, value, VOCAB, verified=verified)
    assert found is not None, value
    return found


class CountingIndex(GateIndex):
    """The real index, counting the per-key questions the check asks."""

    asked = 0

    def strong_matching(self, keys):  # type: ignore[no-untyped-def]
        self.asked += 1
        return super().strong_matching(keys)


@pytest.fixture
def setup(tmp_path: Path, clock):  # type: ignore[no-untyped-def]
    report, _ = new_report(validate(submission(), REGION), REGION, now=clock())
    index = CountingIndex(tmp_path / "gate.db")
    own = report.tracking
    index.replace(
        [
            (
                own,
                1,
                [
                    ident(own, "telepon", "0812-3456-7890"),
                    ident(own, "nama", "Slamet Riyadi"),
                    ident(own, "nama", "Karto"),  # weak: searched for in its own report only
                ],
            ),
            ("PSR-AAAA-AAAA", 1, [ident("PSR-AAAA-AAAA", "nama", "Paijo")]),  # weak, another report's
            ("PSR-BBBB-BBBB", 1, [ident("PSR-BBBB-BBBB", "email", "siti.aminah@example.com")]),
            ("PSR-CCCC-CCCC", 1, [ident("PSR-CCCC-CCCC", "nama", "Sutrisno Wibisono")]),
            ("PSR-DDDD-DDDD", 1, [ident("PSR-DDDD-DDDD", "nama", "Sutrisno Wibisono")]),  # same key twice
            ("PSR-EEEE-EEEE", 1, [ident("PSR-EEEE-EEEE", "nik", "3575014107870001")]),
        ]
    )
    return report, index


# A text; whether the one scan finds a strong key (then the index is asked per key); whether
# the check finds a problem.
CASES = [
    ("Lampu PJU mati di Jl. Veteran sejak dua minggu", False, False),
    ("Hubungi 0812 3456 7890 untuk lokasi", True, True),  # its own number (a strong key)
    ("Bapak <b>SLAMET</b> Riyadi melapor", True, True),  # its own name, across a tag
    ("kata Pak Karto di pos ronda", False, True),  # its own weak name: no question needed
    ("kata Pak Paijo di pos ronda", False, False),  # another report's weak name: not searched for
    ("surel Siti.Aminah@Example.com", True, True),  # another report's email
    # A name two other reports share, spelt with an entity: the per-key questions come from the
    # text as written and as the scan of files reads it (entities decoded), which would refuse
    # the whole build for it (in the CSV and JSON files, which do not escape it).
    ("dilaporkan oleh Sutrisno&nbsp;Wibisono", True, True),
    ("dilaporkan oleh <b>Sutrisno</b>&#32;Wibisono", True, True),
    ("dilaporkan oleh Sutrisno Wibisono", True, True),
    ("NIK 3575.0141.0787.0001 dan 0812-3456-7890", True, True),
]


@pytest.mark.parametrize(("text", "asks", "finds"), CASES)
def test_the_check_in_a_batch_finds_what_the_per_key_questions_find(setup, text: str, asks: bool, finds: bool) -> None:  # type: ignore[no-untyped-def]
    report, index = setup
    record = {"title": "Lampu mati", "description": text, "timeline": [{"note": "Sudah dicek"}, {"note": text}]}
    alone = check_record(report, record, index, VOCAB, set())
    assert index.asked == 1  # outside a batch the index is always asked
    with index.batch():
        assert index.batch_scanner() is not None
        batched = check_record(report, record, index, VOCAB, set())
    assert batched == alone
    assert bool(batched) == finds
    assert index.asked == 1 + asks


def test_the_batch_scan_is_dropped_when_identifiers_change(setup) -> None:  # type: ignore[no-untyped-def]
    report, index = setup
    record = {"title": "Lampu mati", "description": "kata Bu Ratna Kusumawati, tetangga"}
    assert index.batch_scanner() is None  # outside a batch: nothing is kept
    with index.batch():
        assert check_record(report, record, index, VOCAB, set()) == []
        index.replace([("PSR-FFFF-FFFF", 1, [ident("PSR-FFFF-FFFF", "nama", "Ratna Kusumawati")])])
        problems = check_record(report, record, index, VOCAB, set())
    assert [(p.kind, p.source) for p in problems] == [("nama", "PSR-FFFF-FFFF")]


@pytest.mark.parametrize(("text", "asks", "finds"), CASES)
def test_a_scanner_without_the_quick_read_finds_the_same(setup, text: str, asks: bool, finds: bool) -> None:  # type: ignore[no-untyped-def]
    """check_record's scanners skip the quick read (quick=False): it costs more to build than
    it saves on one record's texts. The exact read alone finds the same leaks in the same order."""
    _, index = setup
    every = list(index.strong()) + index.own("PSR-AAAA-AAAA")
    text = f"{text} <i>{text.upper()}</i>"
    quick = [(str(leak), leak.identifier) for leak in Scanner(every).scan_text(text, "x")]
    assert [(str(leak), leak.identifier) for leak in Scanner(every, quick=False).scan_text(text, "x")] == quick
    assert bool(quick) == (asks or "Paijo" in text)  # the strong keys, and that weak one
