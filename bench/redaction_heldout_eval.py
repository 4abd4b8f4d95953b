"""Measure ``chalicelib.redaction`` on the held-out corpus of ``bench/redaction_heldout.py``.

    python bench/redaction_heldout_eval.py                      # tuning seed, 1,600 texts
    python bench/redaction_heldout_eval.py --seed 9 --count 800 --names test

Prints, per kind, how many planted items there were and how many were removed (every letter and
digit of the item covered by some redaction; for [ALAMAT] every digit, so "No." may stay), the
precision of the redactions (a redaction is right when it touches a planted item), how many public
phrases of each category survived intact (no redaction touches them), the three target figures,
and the first failures of each type. Exits 1 when a target is missed.

Targets: >= 99.5% of structured identifiers removed (every kind but names), >= 98% of person names
removed, >= 99% of public phrases left intact.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT / "functions", ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from chalicelib.redaction import find_pii  # noqa: E402
from redaction_heldout import PII_KINDS, PUBLIC_CATEGORIES, Item, Sample, generate  # noqa: E402

TARGETS = {"structured": 99.5, "names": 98.0, "public": 99.0}
TUNING_SEED = 2026


@dataclass
class Failure:
    what: str
    sample: int
    item: Item | None
    text: str
    context: str


@dataclass
class Report:
    texts: int = 0
    seconds: float = 0.0
    planted: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    right_kind: Counter[str] = field(default_factory=Counter)
    public: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)
    matches: Counter[str] = field(default_factory=Counter)
    true_matches: Counter[str] = field(default_factory=Counter)
    misses: list[Failure] = field(default_factory=list)
    name_misses: list[Failure] = field(default_factory=list)
    damaged: list[Failure] = field(default_factory=list)
    false_positives: list[Failure] = field(default_factory=list)
    by_style: dict[str, Counter[str]] = field(default_factory=dict)

    def rate(self, part: int, whole: int) -> float:
        return 100.0 * part / whole if whole else 100.0

    @property
    def structured(self) -> float:
        kinds = [k for k in self.planted if k != "nama"]  # a hand-written corpus may mark nip and nomor too
        return self.rate(sum(self.removed[k] for k in kinds), sum(self.planted[k] for k in kinds))

    @property
    def names(self) -> float:
        return self.rate(self.removed["nama"], self.planted["nama"])

    @property
    def retention(self) -> float:
        return self.rate(sum(self.kept.values()), sum(self.public.values()))

    @property
    def precision(self) -> float:
        return self.rate(sum(self.true_matches.values()), sum(self.matches.values()))

    def targets_met(self) -> dict[str, bool]:
        return {
            "structured": self.structured >= TARGETS["structured"],
            "names": self.names >= TARGETS["names"],
            "public": self.retention >= TARGETS["public"],
        }


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return (text[a:start] + "«" + text[start:end] + "»" + text[end:b]).replace("\n", "⏎")


def _redacted(text: str, matches: list, start: int, end: int, width: int = 50) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    out, pos = [], a
    for m in matches:
        if m.end <= a or m.start >= b:
            continue
        out.append(text[pos : max(pos, m.start)])
        out.append(f"[{m.kind.upper()}]")
        pos = max(pos, m.end)
    out.append(text[pos:b])
    return "".join(out).replace("\n", "⏎")


def _removed(item: Item, covered: list[bool], text: str) -> bool:
    chars = [i for i in range(item.start, item.end) if text[i].isalnum()]
    if item.label in ("alamat", "nomor"):  # a house's number; a record's digits ("RM-2026-004417": "RM" says what)
        chars = [i for i in chars if text[i].isdigit()] or chars
    return all(covered[i] for i in chars)


def evaluate(samples: list[Sample]) -> Report:
    report = Report(texts=len(samples))
    started = time.perf_counter()
    results = [find_pii(s.text) for s in samples]
    report.seconds = time.perf_counter() - started
    for n, (sample, matches) in enumerate(zip(samples, results, strict=True)):
        text = sample.text
        covered = [False] * len(text)
        kind_at: list[str | None] = [None] * len(text)
        for m in matches:
            for i in range(m.start, m.end):
                covered[i] = True
                kind_at[i] = m.kind
        style = report.by_style.setdefault(sample.style, Counter())
        for item in sample.pii:
            report.planted[item.label] += 1
            group = "nama" if item.label == "nama" else "structured"
            style[group + "_planted"] += 1
            if _removed(item, covered, text):
                report.removed[item.label] += 1
                style[group + "_removed"] += 1
                if any(kind_at[i] == item.label for i in range(item.start, item.end)):
                    report.right_kind[item.label] += 1
            else:
                failures = report.name_misses if item.label == "nama" else report.misses
                failures.append(
                    Failure(
                        item.label,
                        n,
                        item,
                        _context(text, item.start, item.end),
                        _redacted(text, matches, item.start, item.end),
                    )
                )
        for item in sample.public:
            report.public[item.label] += 1
            style["public"] += 1
            if not any(covered[i] for i in range(item.start, item.end)):
                report.kept[item.label] += 1
                style["kept"] += 1
            else:
                report.damaged.append(
                    Failure(
                        item.label,
                        n,
                        item,
                        _context(text, item.start, item.end),
                        _redacted(text, matches, item.start, item.end),
                    )
                )
        for m in matches:
            report.matches[m.kind] += 1
            if any(p.start < m.end and m.start < p.end for p in sample.pii):
                report.true_matches[m.kind] += 1
            elif not any(p.start < m.end and m.start < p.end for p in sample.public):
                report.false_positives.append(
                    Failure(m.kind, n, None, _context(text, m.start, m.end), _redacted(text, matches, m.start, m.end))
                )
    return report


def print_report(report: Report, show: int = 40) -> None:
    per_text = 1000 * report.seconds / max(1, report.texts)
    print(f"{report.texts} texts, find_pii {per_text:.2f} ms per text")
    print(f"\n{'kind':<10} {'planted':>8} {'removed':>8} {'recall':>8} {'as kind':>8} {'matches':>8} {'precision':>9}")
    for kind in [*PII_KINDS, *sorted((set(report.planted) | set(report.matches)) - set(PII_KINDS))]:
        planted, removed = report.planted[kind], report.removed[kind]
        print(
            f"{kind:<10} {planted:>8} {removed:>8} {report.rate(removed, planted):>7.2f}% "
            f"{report.rate(report.right_kind[kind], removed):>7.1f}% {report.matches[kind]:>8} "
            f"{report.rate(report.true_matches[kind], report.matches[kind]):>8.1f}%"
        )
    print(f"{'all':<10} {'':>8} {'':>8} {'':>8} {'':>8} {sum(report.matches.values()):>8} {report.precision:>8.1f}%")
    print(f"\n{'public phrase':<14} {'planted':>8} {'intact':>8} {'retention':>9}")
    for category in PUBLIC_CATEGORIES:
        if report.public[category]:
            total, kept = report.public[category], report.kept[category]
            print(f"{category:<14} {total:>8} {kept:>8} {report.rate(kept, total):>8.2f}%")
    print(f"\n{'style':<16} {'structured':>11} {'names':>8} {'public':>8}")
    for style, c in sorted(report.by_style.items()):
        print(
            f"{style:<16} {report.rate(c['structured_removed'], c['structured_planted']):>10.2f}% "
            f"{report.rate(c['nama_removed'], c['nama_planted']):>7.2f}% {report.rate(c['kept'], c['public']):>7.2f}%"
        )
    met = report.targets_met()
    print("\nTargets")
    print(
        f"  structured identifiers removed {report.structured:6.2f}%  (>= {TARGETS['structured']}%)  {'ok' if met['structured'] else 'MISSED'}"
    )
    print(
        f"  person names removed           {report.names:6.2f}%  (>= {TARGETS['names']}%)  {'ok' if met['names'] else 'MISSED'}"
    )
    print(
        f"  public phrases intact          {report.retention:6.2f}%  (>= {TARGETS['public']}%)  {'ok' if met['public'] else 'MISSED'}"
    )
    print(
        f"  precision of redactions        {report.precision:6.2f}%  (false positives on unlabelled text: {len(report.false_positives)})"
    )
    for title, failures in (
        ("structured identifiers missed", report.misses),
        ("names missed", report.name_misses),
        ("public phrases damaged", report.damaged),
        ("redactions of unlabelled text", report.false_positives),
    ):
        if not failures or not show:
            continue
        print(f"\n--- first {min(show, len(failures))} of {len(failures)} {title}")
        for f in failures[:show]:
            print(f"  #{f.sample} {f.what}: {f.text}\n        -> {f.context}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1600)
    parser.add_argument("--seed", type=int, default=TUNING_SEED)
    parser.add_argument("--names", default="all", choices=["all", "tune", "test"])
    parser.add_argument("--show", type=int, default=40, help="failures listed of each type")
    args = parser.parse_args(argv)
    report = evaluate(generate(args.count, args.seed, args.names))
    print_report(report, args.show)
    return 0 if all(report.targets_met().values()) else 1


if __name__ == "__main__":
    sys.exit(main())
