"""The `aduan` command as users run it: a subprocess, state under ADUAN_DATA."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO
from test_import import esambat_lines, line

ADUAN = Path(sys.executable).parent / "aduan"


def aduan(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ADUAN), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "ADUAN_DATA": str(data)},
    )


def test_import_then_build_gives_matching_stats(tmp_path: Path) -> None:
    lines, by_status, by_agency = esambat_lines(137)
    source = tmp_path / "esambat.jsonl"
    source.write_text("\n".join(lines) + "\n")
    data, output = tmp_path / "data", tmp_path / "output"
    result = aduan(data, "import", str(source))
    assert result.returncode == 0, result.stderr
    assert "137 new" in result.stdout
    result = aduan(data, "build", "--output", str(output))
    assert result.returncode == 0, result.stderr
    stats = json.loads((output / "data" / "stats.json").read_text())
    assert stats["total"] == 137
    assert stats["by_status"] == dict(by_status)
    assert {a["agency"]: a["total"] for a in stats["by_agency"]} == dict(by_agency)
    with open(output / "data" / "reports.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == stats["published"] and rows
    assert (output / "index.html").exists() and (output / "statistik" / "index.html").exists()
    again = aduan(data, "import", str(source))
    assert again.returncode == 0 and "137 unchanged" in again.stdout
    # Nothing new to publish: a new process builds without making the redactor's tables (its
    # import is a quarter of such a build; gate/check.py, gate/identifiers.py, publish.py) nor
    # importing the holidays package (workdays.py keeps its days).
    probe = (
        "import sys; from chalicelib.cli import main; "
        f"code = main(['build', '--output', {str(output)!r}]); "
        "print(code, sorted(m for m in sys.modules if m.startswith('chalicelib.redaction') "
        "or m.split('.')[0] == 'holidays'))"
    )
    noop = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO / "functions",
        env={**os.environ, "ADUAN_DATA": str(data)},
    )
    assert noop.returncode == 0, noop.stderr
    assert noop.stdout.strip().splitlines()[-1] == "0 []"


def test_a_bad_line_refuses_the_file_and_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text("\n".join([line("A-1"), line("A-2"), line("A-3", kind="rumor")]) + "\n")
    result = aduan(tmp_path / "data", "import", str(source))
    assert result.returncode == 1 and "line 3" in result.stderr and "kind" in result.stderr
    latin1 = tmp_path / "latin1.jsonl"
    latin1.write_bytes((line("A-1") + "\n" + line("A-2").replace("Air PDAM", "Air PDAM caf\u00e9")).encode("latin-1"))
    result = aduan(tmp_path / "data", "import", str(latin1))
    assert result.returncode == 1 and "line 2: not UTF-8" in result.stderr
    missing = aduan(tmp_path / "data", "import", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1 and "nope.jsonl" in missing.stderr
    empty = aduan(tmp_path / "data", "build", "--output", str(tmp_path / "out"))
    assert empty.returncode == 0
    assert json.loads((tmp_path / "out" / "data" / "stats.json").read_text())["total"] == 0


def test_officer_add_prints_a_token_once_and_stores_its_hash(tmp_path: Path) -> None:
    result = aduan(
        tmp_path / "data", "officer", "add", "--name", "Petugas PDAM", "--role", "agency", "--agency", "air-minum"
    )
    assert result.returncode == 0, result.stderr
    token = result.stdout.split("keep it secret): ")[1].strip()
    assert token.startswith("adn_") and token.encode() not in (tmp_path / "data" / "aduan.db").read_bytes()
    bad = aduan(tmp_path / "data", "officer", "add", "--name", "X", "--role", "agency", "--agency", "dinas-fiktif")
    assert bad.returncode == 1 and "agency" in bad.stderr


def test_redact_reads_and_writes_json_lines(tmp_path: Path) -> None:
    stdin = json.dumps({"id": 7, "text": "Hubungi saya di 0812-3456-7890 atau budi@example.com"}) + "\n"
    result = aduan(tmp_path, "redact", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["id"] == 7 and "[TELEPON]" in out["text"] and "[EMAIL]" in out["text"] and "0812" not in out["text"]
    bad = aduan(tmp_path, "redact", stdin="not json\n")
    assert bad.returncode == 2 and "line 1" in bad.stderr


def test_demo_writes_a_realistic_year(tmp_path: Path) -> None:
    target = tmp_path / "demo.jsonl"
    assert aduan(tmp_path / "data", "demo", "--write", str(target)).returncode == 0
    lines = [json.loads(x) for x in target.read_text().splitlines()]
    assert len(lines) == 400
    assert len({x["location"]["kelurahan"] for x in lines}) >= 30
    assert len({x["agency"] for x in lines if x["agency"]}) >= 10
    statuses = {x["history"][-1]["status"] for x in lines}
    assert statuses == {"received", "verified", "in_progress", "resolved", "rejected"}


def test_a_revoked_officer_token_stops_working(tmp_path: Path) -> None:
    from chalicelib.officers import hash_token
    from chalicelib.sqlite_store import SQLiteStore

    added = aduan(tmp_path / "data", "officer", "add", "--name", "Petugas", "--role", "admin")
    token = added.stdout.split("keep it secret): ")[1].strip()
    officer_id = added.stdout.split()[1]
    assert aduan(tmp_path / "data", "officer", "revoke", officer_id).returncode == 0
    assert not SQLiteStore(tmp_path / "data" / "aduan.db").officer_by_token_hash(hash_token(token)).active
    again = aduan(tmp_path / "data", "officer", "revoke", officer_id)
    assert again.returncode == 1 and "no active officer" in again.stderr
    assert "revoked" in aduan(tmp_path / "data", "officer", "list").stdout


def test_the_command_does_not_import_boto3_with_the_sqlite_store(tmp_path: Path) -> None:
    """Every `aduan` command is a new process: boto3 costs it about 0.3 s, and only the AWS
    backend uses it (config.py, aws.py import it when an AWS client is first made)."""
    probe = (
        "import sys, chalicelib.cli, chalicelib.sitebuild, chalicelib.config as c; c.store(); c.blobs(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('boto3', 'botocore', 's3transfer')))"
    )
    env = {k: v for k, v in os.environ.items() if k != "ADUAN_BACKEND"}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO / "functions",
        env={**env, "ADUAN_DATA": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    # The AWS backend still gets its client: boto3 is imported on first use.
    result = subprocess.run(
        [sys.executable, "-c", "import sys, chalicelib.aws as a; a.s3(); print('boto3' in sys.modules)"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO / "functions",
        env={**env, "AWS_DEFAULT_REGION": "us-east-1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
