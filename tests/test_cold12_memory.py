"""The output writer's bookkeeping per staged file (issue 8: memory that grows with the reports).

A first build at 20k reports stages ~70k files and holds where each one is staged until the end
of the build (`IncrementalOutput.pending`); a `Path` there cost about four times its string."""

from __future__ import annotations

import gc
import pathlib
import tracemalloc
from pathlib import Path

from aduan_site.output import IncrementalOutput

FILES = 3000


def held_outside_pathlib() -> int:
    """Bytes traced and still held, less what pathlib allocated: `put` returns a `Path`, whose
    parts pathlib passes to `sys.intern`, and the interpreter's one table of interned strings
    grows in one block (3.7 MB) when an earlier test in the process left it nearly full
    (tests/test_live11_change.py did): a table of the process, not the writer's bookkeeping.
    A `Path` kept per file would be in `pending`, which the test checks holds strings."""
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, pathlib.__file__)])
    return sum(stat.size for stat in snapshot.statistics("filename"))


def test_a_staged_file_is_remembered_by_a_string_not_a_path(tmp_path: Path) -> None:
    out = IncrementalOutput(tmp_path / "site", ".aduan-state.sqlite", "key")
    made = [(f"laporan/PSR-{n:05d}/index.html", b"<p>%d</p>" % n) for n in range(FILES)]
    gc.collect()
    tracemalloc.start()
    try:
        before = held_outside_pathlib()
        for relpath, data in made:
            out.put(relpath, data)
        gc.collect()
        held = held_outside_pathlib() - before
    finally:
        tracemalloc.stop()
    assert len(out.pending) == FILES
    assert all(type(staged) is str for _, staged in out.pending)
    # Everything the writer keeps per file (its sha, its place in the lists, the staged path):
    # 503 bytes outside pathlib (Python 3.11; 1,014 when the interned strings' table grew inside
    # the measure, 1,198 with a Path kept, whose bytes pathlib allocates: the check above).
    assert held / FILES < 700, f"{held / FILES:.0f} bytes per staged file"
    out.finish()
    assert (tmp_path / "site" / made[-1][0]).read_bytes() == made[-1][1]
