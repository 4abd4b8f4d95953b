"""Foreigners' names (issue 11, session 13): tourists, expatriates and foreign residents write to the admin
and name their neighbours, hosts and themselves; held-out corpus 14 found 82% of its foreign names before the
list of foreign given names and surnames (chalicelib/data/names_foreign.txt, bench/foreign_names_build.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from chalicelib.redaction import redact

ROOT = Path(__file__).resolve().parents[1]

CASES = [
    (
        "Dear Sir, my driver Komang and his friend Peter were stopped by police near Kuta.",
        "Dear Sir, my driver [NAMA] and his friend [NAMA] were stopped by police near Kuta.",
    ),
    (
        "Our neighbour Mr. Brennan plays loud music every night.",
        "Our neighbour Mr. [NAMA] plays loud music every night.",
    ),
    ("Regards,\nCharlotte Whitfield", "Regards,\n[NAMA]"),
    ("Bule bernama Dietrich itu marah-marah di pantai", "Bule bernama [NAMA] itu marah-marah di pantai"),
    # words a foreign list holds as names that Indonesians write as words stay
    ("proyek villa di tepi sungai belum ada izin", "proyek villa di tepi sungai belum ada izin"),
    ("the villa next to ours is burning rubbish", "the villa next to ours is burning rubbish"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_foreign_names_are_removed_and_words_kept(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_the_shipped_list_is_what_its_build_makes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "foreign_names_build.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
