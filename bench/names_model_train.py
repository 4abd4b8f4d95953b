"""Train the names classifier (``chalicelib/redaction/name_model.py``) and write its model file.

    python bench/names_model_train.py            # writes functions/chalicelib/data/names_crf.model
    python bench/names_model_train.py --check    # rebuilds the training data and compares its hash

The training data are the runs of capitalised words (and the lines of lower-case texts) of
corpora 1 and 2 (generated), corpus 3's tune half (generated), the tune halves of corpora 4 and 5
and the whole of the hand-written tuning corpora (``TUNED``: 7, 9, 11, 12, 13), labelled by the names and the
personal accounts (``NAMED``) each corpus planted; no held-out text is read. The settings below
were chosen on folds of the tuning corpora (``half``) that a trial model did not see
(bench/names_model_folds.py); training takes about 10 s of CPU (the script, with its features, 23 s). The features are the module's
own, so the model sees at training what it sees at run time. A run is taken whether or not the
rules find its names (the classifier learns what a name looks like, not what the rules miss); the
hand-written texts are repeated ``--weight`` times, as they are few and the closest to real inboxes.

Training is deterministic (L-BFGS over the same data in the same order), and the hash of the
data, the parameters and the model's own hash are written to ``names_crf.json`` beside the
model: tests/test_redaction_model.py rebuilds a sample of the data and checks both.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

_HERE = Path(__file__).resolve().parent
REPO = _HERE.parent
for path in (_HERE, REPO / "functions"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import written_corpora  # noqa: E402
from chalicelib.redaction import name_model  # noqa: E402
from chalicelib.redaction.driver import _document  # noqa: E402
from chalicelib.redaction.names import _Names  # noqa: E402

META = name_model.MODEL.with_suffix(".json")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
WEIGHT = 3  # each hand-written tune text counts this many times
SAMPLE = 40  # texts per corpus in the sample whose hash the test recomputes
# The spans whose words the model learns as a name: a person's name, and a personal account written in
# words ("facebook: komang puspitasari"), which is a person's name too and redacted all the same
NAMED = ("nama", "akun")


# The hand-written tuning corpora (every one bench/written_corpora.py does not hold out), taken whole and
# cut in folds by bench/names_model_folds.py
TUNED = tuple(map(str, written_corpora.TUNING))


def half(text: str) -> str:
    """The fold ("A" or "B") a text of a tuning corpus falls in, by a stable hash of the text: the folds
    of bench/names_model_folds.py, which trains a model without one fold and judges it on that fold."""
    return "AB"[hashlib.sha256(text.encode()).digest()[0] & 1]


def corpora(limit: int = 0, without: Collection[str] = ()) -> Iterator[tuple[str, str, list[tuple[int, int]], int]]:
    """(corpus, text, name spans, weight) for every training text, in a fixed order; the corpora
    named in ``without`` (("4", "5")) are left out, to judge a model on a tune half it never saw."""
    import redaction_corpus
    import redaction_corpus3
    import redaction_corpus4
    import redaction_corpus5
    import redaction_heldout
    from redaction_corpus4_eval import split

    def cut(items: list) -> list:  # type: ignore[type-arg]
        return items[:limit] if limit else items

    for s1 in cut(redaction_corpus.generate()) if "1" not in without else []:
        yield "1", s1.text, [(x.start, x.end) for x in s1.labels if x.kind in NAMED], 1
    for s2 in cut(redaction_heldout.generate()) if "2" not in without else []:
        yield "2", s2.text, [(x.start, x.end) for x in s2.pii if x.label in NAMED], 1
    for s3 in cut(redaction_corpus3.generate(split="tune")) if "3" not in without else []:
        yield "3", s3.text, [(x.start, x.end) for x in s3.pii if x.label in NAMED], 1
    for number, module in (("4", redaction_corpus4), ("5", redaction_corpus5)):
        if number in without:
            continue
        for s in cut(split(module.load(), "tune")):
            yield number, s.text, [(x.start, x.end) for x in s.pii if x.label in NAMED], WEIGHT
    # the hand-written tuning corpora are tuning material as a whole (five writers' texts, written to
    # be tuned on; those of 11, 12 and 13 as the model's training material)
    for number in TUNED:
        if number in without:
            continue
        for s in cut(written_corpora.corpus(number).load()):
            yield number, s.text, [(x.start, x.end) for x in s.pii if x.label in NAMED], WEIGHT


def sequences(text: str, names: list[tuple[int, int]]) -> list[tuple[list[list[str]], list[str]]]:
    """The runs of one text as (features, labels), the way the redactor sees them."""
    doc = _document(text)
    blocked = _Names(doc).public
    return [
        (name_model.features(doc, run), name_model.labels(doc, run, names)) for run in name_model.runs(doc, blocked)
    ]


def data(limit: int = 0, without: Collection[str] = ()) -> tuple[list[tuple[list[list[str]], list[str], int]], str]:
    """Every training sequence with its weight, and the hash of them all."""
    digest = hashlib.sha256()
    out = []
    for _corpus, text, names, weight in corpora(limit, without):
        for xseq, yseq in sequences(text, names):
            out.append((xseq, yseq, weight))
            digest.update(json.dumps([xseq, yseq, weight]).encode())
    return out, digest.hexdigest()


def train(rows: list[tuple[list[list[str]], list[str], int]], model: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq, weight in rows:
        for _ in range(weight):
            trainer.append(xseq, yseq)
    trainer.set_params(PARAMS)
    trainer.train(str(model))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the data's hash with names_crf.json")
    parser.add_argument("--model", type=Path, default=name_model.MODEL)
    parser.add_argument("--without", nargs="*", default=[], help="corpora left out, e.g. 5 11 (with --model elsewhere)")
    args = parser.parse_args(argv)
    if args.without and args.model == name_model.MODEL:
        parser.error("--without writes a trial model: give --model elsewhere")
    rows, digest = data(without=args.without)
    if args.check:
        recorded = json.loads(META.read_text(encoding="utf-8"))
        print(f"data {digest}\nmeta {recorded['data']}")
        return 0 if recorded["data"] == digest else 1
    train(rows, args.model)
    positives = sum(y.count(name_model.NAME) * w for _, ys, w in rows for y in [ys])
    words = sum(len(ys) * w for _, ys, w in rows)
    meta = {
        "data": digest,
        "sample": data(SAMPLE)[1],
        "sample_texts": SAMPLE,
        "params": PARAMS,
        "weight": WEIGHT,
        "sequences": len(rows),
        "words": words,
        "names": positives,
        "model": hashlib.sha256(args.model.read_bytes()).hexdigest(),
    }
    if args.model == name_model.MODEL:
        META.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
