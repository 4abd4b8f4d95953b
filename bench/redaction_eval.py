"""Measure the redactor on the labelled corpus of ``bench/redaction_corpus.py``.

Per kind of personal data it prints how many items were planted, how many were removed (every
letter and digit of the item inside a redaction), the recall, and how often the redaction had
the right placeholder. Per placeholder it prints the precision: the share of redactions that
fall on a planted item at all, and on one of the same kind. Then the share of public phrases
(agencies, streets, places, facilities, amounts, dates, times, counts, product names) left
wholly intact. It exits 1 when a target is missed:

    structured identifiers removed >= 99.5%   person names removed >= 98%   public phrases kept >= 99%

    python bench/redaction_eval.py [--n 2400] [--seed N] [--show 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "functions"))
sys.path.insert(0, str(ROOT / "bench"))

from chalicelib.redaction import PiiMatch, find_pii  # noqa: E402
from redaction_corpus import DEFAULT_SEED, PII_KINDS, Label, Sample, generate  # noqa: E402

TARGETS = {"structured": 0.995, "nama": 0.98, "public": 0.99}


@dataclass
class Result:
    planted: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    right_kind: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    on_planted: Counter[str] = field(default_factory=Counter)
    on_same_kind: Counter[str] = field(default_factory=Counter)
    public: Counter[str] = field(default_factory=Counter)
    public_kept: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # kind, value, text
    broken: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0
    texts: int = 0

    def recall(self, kinds: tuple[str, ...]) -> float:
        planted = sum(self.planted[k] for k in kinds)
        return sum(self.removed[k] for k in kinds) / planted if planted else 1.0

    def public_rate(self) -> float:
        total = sum(self.public.values())
        return sum(self.public_kept.values()) / total if total else 1.0

    def figures(self) -> dict[str, float]:
        return {
            "structured": self.recall(tuple(k for k in PII_KINDS if k != "nama")),
            "nama": self.recall(("nama",)),
            "public": self.public_rate(),
        }


def _covered(label: Label, matches: list[PiiMatch], text: str) -> bool:
    return all(any(m.start <= i < m.end for m in matches) for i in range(label.start, label.end) if text[i].isalnum())


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(sample: Sample, matches: list[PiiMatch], result: Result) -> None:
    pii = [label for label in sample.labels if not label.public]
    for label in pii:
        kind = label.kind
        result.planted[kind] += 1
        if label.kind == "nama" and label.oov:
            result.planted["nama (not in name list)"] += 1
        if _covered(label, matches, sample.text):
            result.removed[kind] += 1
            if label.kind == "nama" and label.oov:
                result.removed["nama (not in name list)"] += 1
        else:
            result.misses.append((kind, label.value, sample.text))
        if any(m.kind == kind and _overlap(m.start, m.end, label.start, label.end) for m in matches):
            result.right_kind[kind] += 1
    for m in matches:
        result.predicted[m.kind] += 1
        hits = [label for label in pii if _overlap(m.start, m.end, label.start, label.end)]
        result.on_planted[m.kind] += bool(hits)
        result.on_same_kind[m.kind] += any(label.kind == m.kind for label in hits)
    for label in sample.labels:
        if label.public:
            result.public[label.kind] += 1
            if not any(_overlap(m.start, m.end, label.start, label.end) for m in matches):
                result.public_kept[label.kind] += 1
            else:
                result.broken.append((label.kind, label.value, sample.text))


def evaluate(samples: list[Sample]) -> Result:
    result = Result()
    started = time.perf_counter()
    found = [find_pii(sample.text) for sample in samples]
    result.seconds = time.perf_counter() - started
    result.texts = len(samples)
    for sample, matches in zip(samples, found, strict=True):
        score(sample, matches, result)
    return result


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.2f}%" if whole else "     -"


def report(result: Result, show: int = 0) -> str:
    lines = [
        f"{result.texts} texts, find_pii took {result.seconds:.2f} s ({1000 * result.seconds / max(result.texts, 1):.2f} ms per text)",
        "",
    ]
    lines.append(f"{'kind':26} {'planted':>8} {'removed':>8} {'recall':>8} {'right kind':>11}")
    for kind in [*PII_KINDS, "nama (not in name list)"]:
        if result.planted[kind]:
            right = _pct(result.right_kind[kind], result.planted[kind]) if "(" not in kind else ""
            lines.append(
                f"{kind:26} {result.planted[kind]:8} {result.removed[kind]:8} {_pct(result.removed[kind], result.planted[kind]):>8} {right:>11}"
            )
    lines.append("")
    lines.append(f"{'placeholder':26} {'redactions':>10} {'on planted':>11} {'same kind':>10}")
    for kind in PII_KINDS:
        if result.predicted[kind]:
            total = result.predicted[kind]
            lines.append(
                f"{kind:26} {total:10} {_pct(result.on_planted[kind], total):>11} {_pct(result.on_same_kind[kind], total):>10}"
            )
    all_predicted = sum(result.predicted.values())
    lines.append(
        f"{'all':26} {all_predicted:10} {_pct(sum(result.on_planted.values()), all_predicted):>11} {_pct(sum(result.on_same_kind.values()), all_predicted):>10}"
    )
    lines.append("")
    lines.append(f"{'public phrase':26} {'planted':>8} {'intact':>8}")
    for kind in sorted(result.public):
        lines.append(f"{kind:26} {result.public[kind]:8} {_pct(result.public_kept[kind], result.public[kind]):>8}")
    lines.append("")
    for name, value in result.figures().items():
        verdict = "ok" if value >= TARGETS[name] else "MISSED"
        lines.append(f"target {name:12} {100 * value:6.2f}%  (>= {100 * TARGETS[name]:.1f}%)  {verdict}")
    if show:
        lines += ["", "missed personal data:"]
        lines += [f"  {kind:9} {value!r:40} in {text[:160]!r}" for kind, value, text in result.misses[:show]]
        lines += ["", "public phrases touched:"]
        lines += [f"  {kind:16} {value!r:30} in {text[:160]!r}" for kind, value, text in result.broken[:show]]
    return "\n".join(lines)


def met(result: Result) -> bool:
    return all(value >= TARGETS[name] for name, value in result.figures().items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2400, help="number of texts (default 2400)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--show", type=int, default=0, help="list this many misses and touched public phrases")
    args = parser.parse_args()
    result = evaluate(generate(args.n, args.seed))
    print(report(result, args.show))
    return 0 if met(result) else 1


if __name__ == "__main__":
    sys.exit(main())
