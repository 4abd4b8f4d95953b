"""Where the names escape on the folds of the tuning corpora: the missed names sorted by class (issue 11).

    python bench/names_model_folds.py --keep /tmp/folds     # trains and keeps the two fold models
    python bench/names_model_misses.py --models /tmp/folds  # the table of the folds' missed names
    python bench/names_model_misses.py --models /tmp/folds --show 30   # and thirty of them in context

Each text of the tuning corpora (``names_model_train.TUNED``) is redacted with the fold model that did not
see it, as bench/names_model_folds.py scores it, and every word of a missed name is put in one class for
each question: the text's case mode and style; whether the rules took the word (and the veto dropped it)
or never did; whether the model scored it and at what probability (or why not: outside its runs, or left
out as an ordinary word); one word or many; on a list, table or signature line; and whether the same word
is taken elsewhere in the text (a repeat the document-level pass could give). No held-out text is read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import names_model_folds as folds  # noqa: E402
import names_model_train as trainer  # noqa: E402
import written_corpora  # noqa: E402
from chalicelib.redaction import find_pii, name_model, names  # noqa: E402
from chalicelib.redaction.driver import _document  # noqa: E402
from chalicelib.redaction.lexicon import _LEX, _is_word  # noqa: E402

_SIGN_OFF = re.compile(r"(?i)\b(?:hormat|salam|ttd|terima ?kasih|wassalam|makasih|thx|regards)\b")

# What the redactor's name pass saw of the last text: the rules' ranges before and after the veto
_seen: dict[str, Any] = {}


def _instrument() -> None:
    vetoed, modelled = names._vetoed, names._modelled

    def spy_vetoed(finder: Any, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        kept = vetoed(finder, ranges)
        _seen.update(doc=finder.doc, finder=finder, rules=list(ranges), kept=list(kept))
        return kept

    def spy_modelled(finder: Any, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        added = modelled(finder, ranges)
        every = {k for run in name_model.runs(finder.doc, finder.public) for k in run}
        _seen.update(probability=name_model.marginals(finder.doc, finder.public, every), added=added)
        return added

    names._vetoed, names._modelled = spy_vetoed, spy_modelled  # type: ignore[assignment]


def _line_kind(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if "\t" in line or line.count("|") >= 2:
        return "table"
    if name_model._LIST_LINE.match(line):
        return "list"
    before = text[max(0, line_start - 80) : line_start]
    if _SIGN_OFF.search(before) and len(line.split()) <= 5:
        return "signature"
    return "prose"


def _bucket(p: float | None) -> str:
    if p is None:
        return "not scored"
    for edge in (0.05, 0.2, 0.5, 0.8, 0.99):
        if p < edge:
            return f"p<{edge}"
    return "p>=0.99"


def classify(sample: Any, missed: list[Any], matches: list[Any]) -> list[dict[str, str]]:
    """One row per word of each missed name, keyed by question."""
    doc, rules, kept = _seen["doc"], _seen["rules"], _seen["kept"]
    probability = _seen["probability"]
    ruled = {k for a, b in rules for k in range(a, b + 1)}
    still = {k for a, b in kept for k in range(a, b + 1)}
    covered = [False] * len(sample.text)
    for m in matches:
        covered[m.start : m.end] = [True] * (m.end - m.start)
    out = []
    for item in missed:
        words = [
            k
            for k, tok in enumerate(doc.tokens)
            if item.start <= doc.origin[tok.start] and doc.origin[tok.end - 1] < item.end
        ]
        for k in words:
            tok = doc.tokens[k]
            a, b = doc.origin[tok.start], doc.origin[tok.end - 1] + 1
            if all(covered[a:b]):
                continue
            elsewhere = any(
                t.low == tok.low and j != k and all(covered[doc.origin[t.start] : doc.origin[t.end - 1] + 1])
                for j, t in enumerate(doc.tokens)
            )
            lex = "names" if tok.low in _LEX.names else "common" if tok.low in _LEX.common else ""
            lex = lex or ("word" if _is_word(tok.low) else "unknown")
            out.append(
                {
                    "mode": doc.mode,
                    "style": sample.style,
                    "rules": "vetoed" if k in ruled and k not in still else "taken" if k in still else "never",
                    "model": _bucket(probability.get(k)),
                    "size": "one word" if len(words) == 1 else "many",
                    "line": _line_kind(sample.text, a),
                    "repeat": "taken elsewhere" if elsewhere else "only here",
                    "lexicon": lex,
                    "case": "cap" if tok.text[:1].isupper() else "lower",
                    "context": sample.text[max(0, a - 40) : b + 30].replace("\n", "⏎").replace("\t", "⇥"),
                    "word": tok.text,
                }
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--models", type=Path, required=True, help="names_model_folds.py --keep's directory")
    parser.add_argument("--show", type=int, default=0, help="print this many missed words in context")
    args = parser.parse_args(argv)
    _instrument()
    rows: list[dict[str, str]] = []
    names = 0
    for fold in folds.FOLDS:
        with folds.using(
            args.models / f"fold{fold}.model",
            name_model.THRESHOLD,
            name_model.VETO,
            (name_model.LOWER_THRESHOLD, name_model.LOWER_VETO),
        ):
            for number in trainer.TUNED:
                for sample in written_corpora.corpus(number).load():
                    if trainer.half(sample.text) != fold:
                        continue
                    _seen.clear()
                    matches = find_pii(sample.text)
                    missed = [
                        item for item in sample.pii if item.label == "nama" and not _removed(item, matches, sample.text)
                    ]
                    names += len(missed)
                    if missed and _seen and _document(sample.text).raw == _seen["doc"].raw:
                        rows.extend(dict(r, corpus=number) for r in classify(sample, missed, matches))
    tuned = ", ".join(trainer.TUNED)
    print(f"{names} names missed on the folds of corpora {tuned}; {len(rows)} of their words not removed\n")
    # rules: "taken" words were in the rules' names after the veto and were dropped later (a filter of public
    # phrases or false names); "not scored": outside the model's runs (a public phrase, a number, a lower-case
    # word in a mixed-case text)
    for key in ("corpus", "mode", "style", "case", "rules", "model", "size", "line", "repeat", "lexicon"):
        counts = Counter(r[key] for r in rows)
        print(f"{key:<8} " + "  ".join(f"{v} {n}" for v, n in counts.most_common()))
    print("\nrules x model")
    for (rule, model), n in sorted(Counter((r["rules"], r["model"]) for r in rows).items()):
        print(f"  {rule:<7} {model:<11} {n}")
    for r in rows[: args.show]:
        print(f"\n[{r['corpus']} {r['mode']} {r['rules']} {r['model']} {r['line']} {r['repeat']}] {r['word']}")
        print("   " + r["context"])
    return 0


def _removed(item: Any, matches: list[Any], text: str) -> bool:
    covered = [False] * len(text)
    for m in matches:
        covered[m.start : m.end] = [True] * (m.end - m.start)
    return all(covered[i] for i in range(item.start, item.end) if text[i].isalnum())


if __name__ == "__main__":
    sys.exit(main())
