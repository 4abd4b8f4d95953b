"""`make bench`: speed and quality figures, as ratios measured in the same run.

The machines are shared and noisy, so every figure that matters is a ratio of two timings
taken back to back (an incremental build against a full one, the gate's scan against the
build it guards), and absolute seconds are printed only for context.

Runs: the redaction evaluations on three corpora (bench/redaction_eval.py, the corpus the redactor
was tuned on; bench/redaction_heldout_eval.py, an independent one; bench/redaction_corpus3_eval.py,
a third with a "tune" half and a "heldout" half never tuned on, printed apart) and the redactor's
speed per text (bench/redaction_speed.py), then a realistic data set of N
demo reports (default 10,000; `BENCH_REPORTS` to change) through import, publish, a full
site build, a no-change rebuild, a one-report rebuild, and the publication gate.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "functions"))


def timed(label: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:8.2f} s")
    return result, seconds


def main() -> int:
    print("== redaction quality (bench/redaction_eval.py: the corpus the redactor was tuned on)")
    status = subprocess.call([sys.executable, str(REPO / "bench" / "redaction_eval.py")], cwd=REPO)
    print("== redaction quality (bench/redaction_heldout_eval.py: an independently written corpus)")
    status |= subprocess.call([sys.executable, str(REPO / "bench" / "redaction_heldout_eval.py")], cwd=REPO)
    for split in ("tune", "heldout"):
        print(f"== redaction quality (bench/redaction_corpus3_eval.py: third corpus, {split} half)")
        status |= subprocess.call(
            [sys.executable, str(REPO / "bench" / "redaction_corpus3_eval.py"), "--split", split, "--show", "0"],
            cwd=REPO,
        )
    print("== redaction speed (bench/redaction_speed.py: warm, one process, CPU ms per text)")
    status |= subprocess.call([sys.executable, str(REPO / "bench" / "redaction_speed.py")], cwd=REPO)

    count = int(os.environ.get("BENCH_REPORTS", "10000"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ADUAN_DATA"] = str(Path(tmp) / "data")
        from chalicelib import config
        from chalicelib.demo import demo_lines
        from chalicelib.importer import import_lines
        from chalicelib.region import load_region
        from chalicelib.sitebuild import build, scanner

        region = load_region()
        output = Path(tmp) / "output"
        print(f"== {count} demo reports")
        lines, _ = timed("generate demo lines", demo_lines, region, count=count, seed=1)
        _, t_import = timed("import (one transaction)", import_lines, lines, config.store(), region)
        result, t_full = timed("publish + full build (cold identifier cache)", build, output, full=True)
        print(f"    {result}")
        _, t_warm = timed("full build again (warm cache, all files equal)", build, output, full=True)
        _, t_noop = timed("rebuild with nothing pending", build, output)
        store = config.store()
        report = next(r for r in store.find(status="verified", limit=100) if not r.confidential)  # a published one
        service = config.service()
        admin = service.authenticate("Bearer " + service.add_officer("Bench", "admin")[1])
        service.act(admin, report.tracking, {"action": "progress", "note": "Sedang dikerjakan"})
        result, t_one = timed("one status change: pages live (worker's quick build)", build, output, search=False)
        print(f"    {result}")
        assert result["records_changed"] == 1, result
        result, t_index = timed("then the search index refresh", build, output)
        print(f"    {result}")
        whole_files, t_ident = timed("gate: strong identifiers from its index", scanner)
        leaks, t_scan = timed("gate: scan the whole output (check-leaks)", whole_files.scan_tree, output)
        files = sum(1 for p in output.rglob("*") if p.is_file())
        print(f"  output: {files} files; leaks found: {len(leaks)}; identifiers: {len(whole_files)}")
        print("== ratios (same run)")
        print(f"  one change live / full build             {t_one / t_full:6.3f}")
        print(f"  search refresh after it / full build     {t_index / t_full:6.3f}")
        print(f"  no-change rebuild / full build           {t_noop / t_full:6.3f}")
        print(f"  warm full build / cold full build        {t_warm / t_full:6.3f}")
        print(f"  whole-site scan / cold full build        {t_scan / t_full:6.3f}")
        print(f"  import / cold full build                 {t_import / t_full:6.3f}")
        print(
            f"  peak memory (max RSS)                    {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:6.0f} MB"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
