"""`aduan import` against broken and hostile files: every problem is the import's own error,
naming the line, in Bahasa Indonesia then English, and the store is left as it was.

Each case here once ended in a Python exception (a lone surrogate failed in orjson when the
record was saved; deep nesting in RecursionError; a 5,000-digit number in ValueError), or was
quietly taken in a way that changed the report (the string "false" read as true, a list as
its repr, lat 500, a year that later overflowed the publisher's date arithmetic).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from chalicelib.errors import ValidationError
from chalicelib.importer import import_lines

GOOD = {
    "ref": "X-1",
    "submitted_at": "2024-05-06T08:15:00+07:00",
    "kind": "complaint",
    "title": "Air PDAM mati",
    "description": "Sudah tiga hari air tidak mengalir di gang kami.",
    "location": {"kecamatan": "Panggungrejo"},
}
NOTE_AT = "2024-05-06T09:00:00+07:00"


def line(**changes: object) -> bytes:
    return json.dumps(GOOD | changes, ensure_ascii=False).encode()


def raw(tail: bytes) -> bytes:
    """GOOD with `tail` (already JSON) spliced in as its last member(s)."""
    return json.dumps(GOOD).encode()[:-1] + b", " + tail + b"}"


DEEP = b"[" * 5000 + b"]" * 5000

# (line 2 of a file whose line 1 is good, the English error after "line 2: ", the Indonesian)
HOSTILE = [
    (raw(b'"title": "Air \\ud800 mati"'), "title contains a lone UTF-16 surrogate", "title memuat surrogate"),
    (
        raw(b'"history": [{"status": null, "at": "' + NOTE_AT.encode() + b'", "note": "\\udc00"}]'),
        "history[0].note contains a lone UTF-16 surrogate",
        "history[0].note memuat surrogate",
    ),
    (raw(b'"description": "Air\\u0000 mati"'), "description contains the control character U+0000", "karakter kontrol"),
    (line(title="Air \u0085 mati"), "title contains the control character U+0085", "title memuat"),
    (line(title="Air \x7f mati"), "title contains the control character U+007F", "title memuat"),
    (line(title="Air \ufffe mati"), "title contains the control character U+FFFE", "title memuat"),
    (line(reporter={"name": "Siti\u0007"}), "reporter.name contains the control character U+0007", "reporter.name"),
    (raw(b'"extra": ' + DEEP), "the JSON nests too deeply", "JSON bersarang terlalu dalam"),
    (DEEP, "the JSON nests too deeply", "JSON bersarang terlalu dalam"),
    (raw(b'"location": {"kecamatan": "Panggungrejo", "lat": ' + b"9" * 5000 + b"}"), "not valid JSON", "bukan JSON"),
    (line().replace(b"PDAM", b"PD\xffAM"), "not UTF-8 text (byte ", "bukan teks UTF-8"),
    (line().replace(b"PDAM", b"PD\x00AM"), "not valid JSON (Invalid control character at column", "bukan JSON"),
    (line() + b"\r" + line(ref="X-3"), "are lines separated by a bare CR? Use LF or CRLF", "CR saja"),
    (line(location={"kecamatan": "Panggungrejo", "lat": True}), "location.lat must be a number or null", "angka"),
    (line(location={"kecamatan": "Panggungrejo", "lat": "-7.6"}), "location.lat must be a number or null", "angka"),
    (line(location={"kecamatan": "Panggungrejo", "lat": 500}), "location.lat must be between -90 and 90", "di antara"),
    (line(location={"kecamatan": "Panggungrejo", "lon": -181}), "location.lon must be between -180 and 180", "lon"),
    (raw(b'"location": {"kecamatan": "Panggungrejo", "lat": NaN}'), "location.lat must be between", "di antara"),
    (raw(b'"location": {"kecamatan": "Panggungrejo", "lat": 1e400}'), "location.lat must be between", "di antara"),
    (line(location="Panggungrejo"), "location must be an object", "location harus objek"),
    (line(location={"kecamatan": {"x": 1}}), "location.kecamatan must be a string", "harus teks"),
    (line(anonymous="false"), "anonymous must be true, false or null, not 'false'", "anonymous harus true"),
    (line(confidential="no"), "confidential must be true, false or null", "confidential harus"),
    (line(confidential=1), "confidential must be true, false or null", "confidential harus"),
    (line(title={"a": 1}), "title must be a string, not {'a': 1}", "title harus teks"),
    (line(title=["Air mati"]), "title must be a string", "title harus teks"),
    (line(title=12345), "title must be a string", "title harus teks"),
    (line(ref=True), "ref must be a string or a whole number, not True", "ref harus"),
    (line(ref=1.5), "ref must be a string or a whole number", "ref harus"),
    (line(reporter={"name": ["Siti"]}), "reporter.name must be a string", "reporter.name harus teks"),
    (line(agency=["pupr"]), "agency must be a string", "agency harus teks"),
    (line(history=[{"status": None, "at": NOTE_AT, "note": {"x": 1}}]), "history[0].note must be a string", "note"),
    (line(submitted_at="0001-01-01T00:00:00+07:00"), "is outside the years 1970–2099", "di luar tahun"),
    (line(submitted_at="9999-12-31T23:59:59-12:00"), "is outside the years 1970–2099", "di luar tahun"),
    (line(history=[{"status": "verified", "at": "0001-01-02T00:00:00+14:00"}]), "history[0].at '0001", "di luar"),
    (
        line(submitted_at="2098-01-01T00:00:00+07:00"),
        "submitted_at '2098-01-01T00:00:00+07:00' is in the future",
        "masa depan",
    ),
    (line(history=[{"status": "verified", "at": "2098-01-02T00:00:00+07:00"}]), "history[0].at '2098", "masa depan"),
    (line(submitted_at=1714960000), "submitted_at must be a string", "submitted_at harus teks"),
    (line(history=[{"status": None, "at": NOTE_AT}] * 1001), "history holds 1,001 entries; at most 1,000", "1.001"),
    (line(description="Air mati. " * 5001), "description is longer than 50,000 characters (50,009)", "50.000"),
    (line(title="J" * 1001), "title is longer than 1,000 characters", "title lebih dari 1.000"),
    (line(ref="R" * 201), "ref is longer than 200 characters", "ref lebih dari 200"),
    (line(kind="k" * 2_000_000), "kind is longer than 1,000 characters", "kind lebih dari"),
    (line(description="Air mati. " * 500_000), "the line is longer than 4 MB", "baris ini lebih dari 4 MB"),
    (b"[1, 2, 3]", "each line must be a JSON object", "setiap baris harus berupa objek JSON"),
]


@pytest.mark.parametrize(("bad", "english", "indonesian"), HOSTILE, ids=[f"{i:02}" for i in range(len(HOSTILE))])
def test_a_hostile_line_is_the_imports_own_error(store, region, bad: bytes, english: str, indonesian: str) -> None:
    with pytest.raises(ValidationError) as info:
        import_lines([line(ref="OK-1"), bad, line(ref="X-9")], store, region)
    error = info.value
    assert error.message_en.startswith("line 2: ") and english in error.message_en, error.message_en
    assert error.message.startswith("baris 2: ") and indonesian in error.message, error.message
    assert error.fields == {"line": "2"} and len(error.message_en) < 400  # a value is shown cut short
    assert store.count() == 0  # all or nothing


def test_a_lone_surrogate_no_longer_fails_when_the_record_is_saved(store, region) -> None:
    """The brief's case: orjson refuses "\\ud800", json takes it, and saving the record failed
    with orjson's TypeError. A surrogate in a field the import ignores is not stored: no error."""
    with pytest.raises(ValidationError, match="surrogate"):
        import_lines([raw(b'"description": "Rusak \\ud83d parah sekali di sini"')], store, region)
    ignored = raw(b'"comment": "\\ud800"')
    assert import_lines([ignored], store, region).created == 1
    escaped = raw(b'"note_text": "x", "title": "Air \\ud83d\\ude00 mati \\\\u0000 tiga hari"')
    assert import_lines([escaped.replace(b'"X-1"', b'"X-2"')], store, region).created == 1
    assert store.get_by_ref("X-2").title == "Air \U0001f600 mati \\u0000 tiga hari"  # a pair, an escaped backslash


def test_what_a_file_may_look_like(store, region) -> None:
    """A byte order mark before line 1, CRLF line ends, a ref as a number, a key given twice
    (the last counts, whichever parser reads the line: orjson, or json for a long number)."""
    twice = raw(b'"kind": "gossip", "kind": "aspiration"').replace(b'"X-1"', b'"X-2"')
    twice_slow = twice.replace(b'"X-2"', b'"X-3"')[:-1] + b', "n": 12345678901234567890}'
    data = b"\xef\xbb\xbf" + line() + b"\r\n" + twice + b"\r\n" + twice_slow + b"\r\n" + line(ref=153) + b"\r\n"
    result = import_lines(io.BytesIO(data), store, region)
    assert result.created == 4
    assert store.get_by_ref("X-2").kind == store.get_by_ref("X-3").kind == "aspiration"
    assert store.get_by_ref("153") is not None and store.get_by_ref("X-1").title == "Air PDAM mati"
    with pytest.raises(ValidationError, match="baris 2: bukan JSON"):  # a mark on another line is not skipped
        import_lines([line(ref="Y-1"), b"\xef\xbb\xbf" + line(ref="Y-2")], store, region)


class Endless(io.RawIOBase):
    """A file of one line that never ends: read only as far as asked."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        buffer[:] = b"x" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def test_a_line_without_end_is_refused_after_a_few_megabytes(store, region) -> None:
    endless = Endless()
    with pytest.raises(ValidationError) as info:
        import_lines(io.BufferedReader(endless), store, region)
    assert info.value.message_en == "line 1: the line is longer than 4 MB"
    assert endless.given < 20 * 1024 * 1024  # read ahead a chunk's worth, not the whole (endless) line


def test_aduan_import_says_it_in_both_languages(tmp_path: Path) -> None:
    """Through the command, as staff run it: Indonesian first, English second, exit 1."""
    bad = tmp_path / "laporan.jsonl"
    bad.write_bytes(line(ref="OK-1") + b"\n" + raw(b'"title": "Air \\ud800 mati"') + b"\n")
    done = subprocess.run(
        [sys.executable, "-m", "chalicelib.cli", "import", str(bad)],
        capture_output=True,
        text=True,
        env={"ADUAN_DATA": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
        cwd=Path(__file__).resolve().parents[1] / "functions",
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        "aduan import: baris 2: title memuat surrogate UTF-16 tunggal U+D800"
        " / line 2: title contains a lone UTF-16 surrogate"
    )


def test_a_moment_may_run_a_day_ahead_of_the_services_clock_and_no_more(store, region, monkeypatch) -> None:
    """The bound follows the service's clock (ADUAN_NOW sets it, as for a replay): a channel whose
    clock runs a few hours ahead, or that wrote WIT as WIB, is not refused; a day and more is."""
    monkeypatch.setenv("ADUAN_NOW", "2024-05-06T12:00:00+07:00")
    hours_ahead = line(ref="A-1", submitted_at="2024-05-07T08:00:00+07:00")
    assert import_lines([hours_ahead], store, region).created == 1
    day_ahead = line(ref="A-2", submitted_at="2024-05-07T12:00:01+07:00")
    with pytest.raises(ValidationError, match="ada di masa depan") as info:
        import_lines([day_ahead], store, region)
    assert "is in the future (now is 2024-05-06T12:00:00+07:00)" in info.value.message_en
    monkeypatch.setenv("ADUAN_NOW", "2024-05-08T00:00:00+07:00")  # the clock moved on: now it may come in
    assert import_lines([day_ahead], store, region).created == 1
    assert store.count() == 2
