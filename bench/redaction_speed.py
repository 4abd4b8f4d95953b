"""The redactor's speed per text, and a fingerprint of its outputs on every corpus.

Speed is measured warm in one process: a first pass over the texts fills the caches, then the
best of ``--repeat`` timed passes is reported, in CPU time of this process (the machines are
shared by many: wall-clock time would count the time spent waiting for a core). The fingerprint is every ``find_pii`` result on every corpus,
written with ``--save FILE`` and compared with ``--check FILE``: a refactoring or a speed-up must
not change one character of what the redactor finds.

``--baseline REV`` loads the redactor of a past revision (``git archive``, into a temporary
directory) next to the current one, compares their outputs text by text and times them in
alternating passes, so both see the same load on a shared machine: "before" and "after" from
one run, with their ratio.

    python bench/redaction_speed.py                      # ms per text on each corpus
    python bench/redaction_speed.py --save /tmp/before.json
    python bench/redaction_speed.py --check /tmp/before.json
    python bench/redaction_speed.py --baseline main      # before/after against main's redactor
    python bench/redaction_speed.py --baseline main --cold --repeat 1   # and a fresh process's import
    python bench/redaction_speed.py --baseline main --start --repeat 0   # a new process's import and first redaction
    python bench/redaction_speed.py --parts              # ms per text of each stage and detector
    python bench/redaction_speed.py --pin                # pin a sample's outputs (an intended change of results)
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT / "functions", ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from chalicelib.redaction import find_pii  # noqa: E402

Finder = Callable[[str], list]


def demo_texts() -> list[str]:
    """The titles and descriptions of ``aduan demo``'s reports (seeded, with a fixed end date)."""
    from chalicelib import demo
    from chalicelib.region import load_region

    end = datetime(2026, 6, 30, 12, tzinfo=UTC)
    lines = demo.generate(load_region(), count=400, end=end)
    # each text once: the demo repeats its templates, and a repeated text would flatter the caches
    return list(dict.fromkeys([line["title"] for line in lines] + [line["description"] for line in lines]))


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
    texts["demo data (aduan demo)"] = demo_texts()
    texts.update(written_corpora())
    return texts


def written_corpora() -> dict[str, list[str]]:
    """The texts of the written corpora from 4 on, whole (held-out halves and corpora 6, 8 and 10 too: only timed
    and fingerprinted here, never shown), once they are in the tree."""
    texts: dict[str, list[str]] = {}
    import redaction_corpus4
    import redaction_corpus5
    import written_corpora

    for number, module in ((4, redaction_corpus4), (5, redaction_corpus5)):
        texts[f"corpus {number}, written (redaction_corpus{number})"] = [s.text for s in module.load()]
    for number, corpus in written_corpora.CORPORA.items():
        if corpus.texts.is_dir():
            texts[f"corpus {number}, written (written_corpora)"] = [s.text for s in corpus.load()]
    return texts


def ms_per_text(texts: list[str], repeat: int = 3, finder: Callable[[str], object] = find_pii) -> float:
    """Warm, single-process milliseconds per text: the best of `repeat` passes after a warm-up pass."""
    return side_by_side(texts, [finder], repeat)[0]


def side_by_side(texts: list[str], finders: list[Callable[[str], object]], repeat: int = 3) -> list[float]:
    """Warm CPU milliseconds per text of each finder: a warm-up pass of each, then `repeat` rounds in
    which every finder makes one timed pass (alternating, so that all of them see the same load), best
    pass each."""
    for finder in finders:
        for text in texts:
            finder(text)
    best = [float("inf")] * len(finders)
    for _ in range(repeat):
        for k, finder in enumerate(finders):
            started = time.process_time()
            for text in texts:
                finder(text)
            best[k] = min(best[k], time.process_time() - started)
    return [1000 * b / max(1, len(texts)) for b in best]


def fingerprint(texts: list[str], finder: Finder = find_pii) -> list[list[list[object]]]:
    return [[[m.kind, m.start, m.end, m.value] for m in finder(text)] for text in texts]


CURRENT = ROOT / "functions" / "chalicelib" / "redaction"
DIGESTS = ROOT / "bench" / "redaction_speed_digest.json"


def sample() -> dict[str, list[str]]:
    """A few hundred texts of every corpus: the sample whose outputs tests/test_redaction_speed_digest.py
    pins, so that a speed-up that changes one character of what the redactor finds fails in CI. The
    generated corpora are made smaller than the bench's (making 2,400 texts takes longer than redacting
    them); of the written ones every 12th text is taken."""
    import redaction_corpus
    import redaction_corpus3
    import redaction_heldout

    texts = {
        "own (redaction_corpus)": [s.text for s in redaction_corpus.generate(600)][::3],
        "held-out (redaction_heldout)": [s.text for s in redaction_heldout.generate(400)][::3],
    }
    for split in ("tune", "heldout"):
        texts[f"third, {split} (redaction_corpus3)"] = [s.text for s in redaction_corpus3.generate(300, 3, split)][::3]
    texts["demo data (aduan demo)"] = demo_texts()[::6]
    texts.update({name: some[::12] for name, some in written_corpora().items()})
    return texts


def digests(texts: dict[str, list[str]], finder: Finder = find_pii) -> dict[str, str]:
    """A SHA-256 of the ``find_pii`` outputs on each corpus's texts."""
    return {
        name: hashlib.sha256(json.dumps(fingerprint(some, finder), ensure_ascii=False).encode()).hexdigest()
        for name, some in texts.items()
    }


def baseline_package(rev: str) -> Path:
    """A copy of the redactor at git revision `rev` (with the word lists and regions it reads)."""
    paths = ["functions/chalicelib/redaction", "functions/chalicelib/data", "functions/chalicelib/regions"]
    archive = subprocess.run(["git", "archive", rev, *paths], cwd=ROOT, check=True, capture_output=True).stdout
    where = Path(tempfile.mkdtemp(prefix="redaction-baseline-"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(where, filter="data")
    return where / "functions" / "chalicelib" / "redaction"


def load_package(package: Path, name: str) -> ModuleType:
    """The redactor package in directory `package`, imported under the module name `name`."""
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec and spec.loader
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def baseline_finder(rev: str) -> Finder:
    """``find_pii`` of the redactor at git revision `rev`, loaded as its own package."""
    return load_package(baseline_package(rev), "redaction_baseline").find_pii  # type: ignore[no-any-return]


def cold(package: Path, texts: list[str]) -> tuple[float, float]:
    """CPU seconds of a fresh process to import the redactor in `package`, then to redact each text once
    (cold caches): what a publisher started afresh pays."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(texts, file)
    # the fresh process imports nothing of Aduan but the package measured (this module imports the
    # current redactor, whose regexes would sit in re's cache)
    code = (
        "import importlib.util, json, sys, time\n"
        "t0 = time.process_time()\n"
        "spec = importlib.util.spec_from_file_location('redaction_cold', sys.argv[1] + '/__init__.py',"
        " submodule_search_locations=[sys.argv[1]])\n"
        "module = importlib.util.module_from_spec(spec); sys.modules['redaction_cold'] = module\n"
        "spec.loader.exec_module(module)\n"
        "t1 = time.process_time()\n"
        "for text in json.load(open(sys.argv[2])): module.find_pii(text)\n"
        "print(json.dumps([t1 - t0, time.process_time() - t1]))\n"
    )
    run = [sys.executable, "-c", code, str(package), file.name]
    out = subprocess.run(run, check=True, capture_output=True, text=True).stdout
    Path(file.name).unlink()
    first, then = json.loads(out)
    return first, then


def start(package: Path, cache: Path, runs: int = 5) -> list[tuple[float, float]]:
    """(import, first redaction) CPU seconds of `runs` new processes, each importing the redactor in
    `package` with the start cache in `cache` (filled by one process before) and redacting one text: what
    a new ``aduan`` process pays before its first redaction (issue 8's second build), as a user's install
    would (with bytecode written)."""
    code = (
        "import importlib.util, json, sys, time\n"
        "t0 = time.process_time()\n"
        "spec = importlib.util.spec_from_file_location('redaction_start', sys.argv[1] + '/__init__.py',"
        " submodule_search_locations=[sys.argv[1]])\n"
        "module = importlib.util.module_from_spec(spec); sys.modules['redaction_start'] = module\n"
        "spec.loader.exec_module(module)\n"
        "t1 = time.process_time()\n"
        "module.redact('Nama saya Budi Santoso, NIK 3575012345670001, HP 0812-3456-7890, Jl. Mawar No. 5')\n"
        "print(json.dumps([t1 - t0, time.process_time() - t1]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["ADUAN_CACHE"] = str(cache)
    run = [sys.executable, "-c", code, str(package)]
    subprocess.run(run, check=True, capture_output=True, env=env)  # fills the cache and writes bytecode
    return [
        tuple(json.loads(subprocess.run(run, check=True, capture_output=True, env=env, text=True).stdout))
        for _ in range(runs)
    ]  # type: ignore[misc]


def parts(texts: list[str]) -> dict[str, float]:
    """CPU milliseconds per text of each stage of ``find_pii`` (the document and its protected spans, each
    detector, each filter of the candidates, the resolution), warm: where the time goes, and so which module a
    speed-up must come from."""
    from chalicelib.redaction import driver, public, quantities
    from chalicelib.redaction.document import _Doc, _Span

    for text in texts:
        driver.find_pii(text)
    spent: dict[str, float] = {}

    def timed(stage: str, started: float) -> float:
        now = time.process_time()
        spent[stage] = spent.get(stage, 0.0) + now - started
        return now

    for text in texts:
        if not text.strip():
            continue
        t = time.process_time()
        doc = _Doc.of(text)
        t = timed("document (Doc.of)", t)
        doc.numeric = quantities._numeric_spans(doc)
        t = timed("quantities", t)
        doc.phrases = [_Span(m.start(), m.end()) for m in driver._PHRASE_SCAN.finditer(doc)]
        t = timed("public phrases (driver)", t)
        doc.public = public._public_spans(doc)
        t = timed("public spans (public.py)", t)
        candidates = []
        for detector in driver._DETECTORS:
            candidates += detector(doc)
            t = timed(f"{detector.__module__.rsplit('.', 1)[-1]}.{detector.__name__}", t)
        for drop in driver._FILTERS:
            candidates = drop(doc, candidates)
            t = timed(f"filter {drop.__module__.rsplit('.', 1)[-1]}.{drop.__name__}", t)
        driver._join(doc, driver._resolve(candidates, doc.text))
        timed("resolve and join", t)
    return {stage: 1000 * seconds / max(1, len(texts)) for stage, seconds in spent.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write every corpus's find_pii output here")
    parser.add_argument("--check", type=Path, help="compare every corpus's find_pii output with this file")
    parser.add_argument("--baseline", metavar="REV", help="compare outputs and speed with the redactor at REV")
    parser.add_argument("--cold", action="store_true", help="with --baseline: a fresh process's import and pass")
    parser.add_argument(
        "--start", action="store_true", help="with --baseline: a new process's import and first redaction (start cache)"
    )
    parser.add_argument("--parts", action="store_true", help="ms per text of each stage, over every corpus")
    parser.add_argument(
        "--pin", action="store_true", help=f"write the sample's digests to {DIGESTS.name} (after a change of results)"
    )
    args = parser.parse_args(argv)
    if args.pin:
        DIGESTS.write_text(json.dumps(digests(sample()), indent=1) + "\n")
        print(f"wrote {DIGESTS}")
        return 0
    if args.parts:
        every = [text for texts in corpora().values() for text in texts]
        stages = parts(every)
        for stage, ms in sorted(stages.items(), key=lambda item: -item[1]):
            print(f"  {stage:<48} {ms:6.3f} ms per text  {100 * ms / sum(stages.values()):5.1f}%")
        print(f"  {'all':<48} {sum(stages.values()):6.3f} ms per text ({len(every)} texts)")
        return 0
    status = 0
    saved = json.loads(args.check.read_text()) if args.check else {}
    before = baseline_finder(args.baseline) if args.baseline else None
    if args.cold and args.baseline:
        texts = demo_texts()
        for label, package in (("before", baseline_package(args.baseline)), ("after", CURRENT)):
            runs = [cold(package, texts) for _ in range(max(1, args.repeat))]
            imported, redacted = min(r[0] for r in runs), min(r[1] for r in runs)
            print(
                f"  cold, {label:<6} import {imported:5.2f} s, then {len(texts)} demo texts once "
                f"{redacted:5.2f} s ({1000 * redacted / len(texts):.2f} ms per text)"
            )
    if args.start and args.baseline:
        for label, package in (("before", baseline_package(args.baseline)), ("after", baseline_package("HEAD"))):
            runs = sorted(start(package, Path(tempfile.mkdtemp(prefix="redaction-start-")), max(3, args.repeat)))
            imported = sorted(r[0] for r in runs)
            first = sorted(r[1] for r in runs)
            print(
                f"  start, {label:<6} import {1000 * imported[0]:5.0f} ms (median {1000 * imported[len(runs) // 2]:5.0f}),"
                f" first redaction {1000 * first[0]:4.1f} ms (median {1000 * first[len(runs) // 2]:4.1f}), CPU, new process"
            )
        if not args.repeat:
            return 0
    outputs = {}
    for name, texts in corpora().items():
        outputs[name] = fingerprint(texts)
        expected = saved.get(name) if args.check else fingerprint(texts, before) if before else None
        if expected is not None:
            differ = [i for i, (a, b) in enumerate(zip(expected, outputs[name], strict=True)) if a != b]
            verdict = "identical" if not differ else f"{len(differ)} texts DIFFER (first: #{differ[0]})"
            status |= bool(differ)
            print(f"  {name:<36} outputs {verdict}")
        if before and args.repeat:
            old, new = side_by_side(texts, [before, find_pii], args.repeat)
            print(f"  {name:<36} {old:6.3f} -> {new:6.3f} ms per text, {old / new:4.1f}x ({len(texts)} texts)")
        elif not (args.save or args.check) or args.repeat:
            print(f"  {name:<36} {ms_per_text(texts, args.repeat):6.3f} ms per text ({len(texts)} texts)")
    if args.save:
        args.save.write_text(json.dumps(outputs))
    return status


if __name__ == "__main__":
    sys.exit(main())
