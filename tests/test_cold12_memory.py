"""The output writer's bookkeeping per staged file (issue 8: memory that grows with the reports).

A first build at 20k reports stages ~70k files and holds where each one is staged until the end
of the build (`IncrementalOutput.pending`); a `Path` there cost about four times its string."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from aduan_site.output import IncrementalOutput

FILES = 3000


def test_a_staged_file_is_remembered_by_a_string_not_a_path(tmp_path: Path) -> None:
    out = IncrementalOutput(tmp_path / "site", ".aduan-state.sqlite", "key")
    made = [(f"laporan/PSR-{n:05d}/index.html", b"<p>%d</p>" % n) for n in range(FILES)]
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for relpath, data in made:
            out.put(relpath, data)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(out.pending) == FILES
    assert all(type(staged) is str for _, staged in out.pending)
    # Everything the writer keeps per file (its sha, its place in the lists, the staged path):
    # 1,014 bytes with the staged path a string; with a Path, 1,198 (Python 3.11), and more once
    # `moves` had asked each Path for its string.
    assert held / FILES < 1100, f"{held / FILES:.0f} bytes per staged file"
    out.finish()
    assert (tmp_path / "site" / made[-1][0]).read_bytes() == made[-1][1]
