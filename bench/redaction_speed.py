"""The redactor's speed per text, and a fingerprint of its outputs on every corpus.

Speed is measured warm in one process: a first pass over the texts fills the caches, then the
best of ``--repeat`` timed passes is reported, in CPU time of this process (the machines are
shared by many: wall-clock time would count the time spent waiting for a core). The fingerprint is every ``find_pii`` result on every corpus,
written with ``--save FILE`` and compared with ``--check FILE``: a refactoring or a speed-up must
not change one character of what the redactor finds.

    python bench/redaction_speed.py                      # ms per text on each corpus
    python bench/redaction_speed.py --save /tmp/before.json
    python bench/redaction_speed.py --check /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT / "functions", ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from chalicelib.redaction import find_pii  # noqa: E402


def corpora() -> dict[str, list[str]]:
    """The texts of every corpus, by name (the third only once it is in the tree)."""
    import redaction_corpus
    import redaction_heldout

    texts = {
        "own (redaction_corpus)": [s.text for s in redaction_corpus.generate(2400)],
        "held-out (redaction_heldout)": [s.text for s in redaction_heldout.generate(1600)],
    }
    try:
        import redaction_corpus3
    except ImportError:
        return texts
    for split in ("tune", "heldout"):
        texts[f"third, {split} (redaction_corpus3)"] = [s.text for s in redaction_corpus3.generate(1200, 3, split)]
    return texts


def ms_per_text(texts: list[str], repeat: int = 3, finder: Callable[[str], object] = find_pii) -> float:
    """Warm, single-process milliseconds per text: the best of `repeat` passes after a warm-up pass."""
    for text in texts:
        finder(text)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            finder(text)
        best = min(best, time.process_time() - started)
    return 1000 * best / max(1, len(texts))


def fingerprint(texts: list[str]) -> list[list[list[object]]]:
    return [[[m.kind, m.start, m.end, m.value] for m in find_pii(text)] for text in texts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write every corpus's find_pii output here")
    parser.add_argument("--check", type=Path, help="compare every corpus's find_pii output with this file")
    args = parser.parse_args(argv)
    status = 0
    saved = json.loads(args.check.read_text()) if args.check else {}
    outputs = {}
    for name, texts in corpora().items():
        outputs[name] = fingerprint(texts)
        if args.check and name in saved:
            differ = [i for i, (a, b) in enumerate(zip(saved[name], outputs[name], strict=True)) if a != b]
            verdict = "identical" if not differ else f"{len(differ)} texts DIFFER (first: #{differ[0]})"
            status |= bool(differ)
            print(f"  {name:<36} outputs {verdict}")
        if not (args.save or args.check) or args.repeat:
            print(f"  {name:<36} {ms_per_text(texts, args.repeat):6.3f} ms per text ({len(texts)} texts)")
    if args.save:
        args.save.write_text(json.dumps(outputs))
    return status


if __name__ == "__main__":
    sys.exit(main())
