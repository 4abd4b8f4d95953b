"""Judge the names classifier on folds of the tuning material it was not trained on (issue 11).

    python bench/names_model_folds.py                        # the shipped settings, both folds
    python bench/names_model_folds.py --weight 1 3 5         # one trial per weight
    python bench/names_model_folds.py --c1 0.05 0.2 --threshold 0.7 0.8 0.9 --veto 0 0.1 0.2

The hand-written tuning corpora (``names_model_train.TUNED``) are cut in two folds by a stable hash of each text
(``names_model_train.half``). For each fold a model is trained on all the training material except
that fold (corpora 1 and 2, the tune halves of 3 to 5 and the other fold of each tuning corpus) and the
redactor, with that model, is scored on the fold by the held-out evaluation's scoring
(``redaction_heldout_eval.evaluate``): names, structured identifiers, public phrases kept and
precision, for each corpus's fold and for both folds together. No held-out text is read. Settings
(weights, regularisation, the threshold to add a word, to add a word the text points at, to veto one) are
chosen here (``--reuse`` scores the models ``--keep`` kept, for thresholds alone);
the shipped model is then trained on all the tuning material (bench/names_model_train.py).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import names_model_train as trainer  # noqa: E402
import written_corpora  # noqa: E402
from chalicelib.redaction import name_model  # noqa: E402
from redaction_corpus4_eval import figures  # noqa: E402
from redaction_heldout_eval import Report, evaluate  # noqa: E402

FOLDS = ("A", "B")
Row = tuple[str, str, list[list[str]], list[str]]  # corpus, fold, features, labels


def rows() -> list[Row]:
    """Every training sequence once, with its corpus and fold (a weight is applied per trial)."""
    out: list[Row] = []
    for corpus, text, names, _weight in trainer.corpora():
        fold = trainer.half(text) if corpus in trainer.TUNED else ""
        out.extend((corpus, fold, xseq, yseq) for xseq, yseq in trainer.sequences(text, names))
    return out


def train(data: list[Row], leave: str, weights: dict[str, int], params: dict[str, object], model: Path) -> None:
    """A trial model: every row not in fold ``leave``, each corpus's rows repeated its weight."""
    import pycrfsuite

    crf = pycrfsuite.Trainer(verbose=False)
    for corpus, fold, xseq, yseq in data:
        if fold != leave:
            for _ in range(weights.get(corpus, 1)):
                crf.append(xseq, yseq)
    crf.set_params(params)
    crf.train(str(model))


_SETTINGS = (
    "MODEL",
    "THRESHOLD",
    "VETO",
    "LOWER_THRESHOLD",
    "LOWER_VETO",
    "EVIDENCE",
    "LOWER_EVIDENCE",
    "LOWER_WORD",
    "_tagger",
)


@contextmanager
def using(
    model: Path,
    threshold: float,
    veto: float,
    lower: tuple[float, float],
    evidence: tuple[float, float] | None = None,
    lower_word: float | None = None,
) -> Iterator[None]:
    """The redactor with a trial model and thresholds (``lower``: a lower-case text's; ``evidence``: a word the
    text points at, in mixed or title case and in lower case, the shipped ones if not given), restored afterwards."""
    saved = [getattr(name_model, name) for name in _SETTINGS]
    evidence = evidence or (name_model.EVIDENCE, name_model.LOWER_EVIDENCE)
    word = name_model.LOWER_WORD if lower_word is None else lower_word
    for name, value in zip(_SETTINGS, (model, threshold, veto, *lower, *evidence, word, None), strict=True):
        setattr(name_model, name, value)
    try:
        yield
    finally:
        for name, value in zip(_SETTINGS, saved, strict=True):
            setattr(name_model, name, value)


def line(label: str, report: Report) -> str:
    f = figures(report)
    return (
        f"{label:<34} names {f['names']:6.2f}  structured {f['structured']:6.2f}  "
        f"public {f['public']:6.2f}  precision {f['precision']:6.2f}"
        f"   (names {report.removed['nama']}/{report.planted['nama']}, redactions {sum(report.matches.values())})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--weight", type=int, nargs="+", default=[trainer.WEIGHT], help="hand-written corpora's weight")
    parser.add_argument("--c1", type=float, nargs="+", default=[trainer.PARAMS["c1"]])
    parser.add_argument("--c2", type=float, nargs="+", default=[trainer.PARAMS["c2"]])
    parser.add_argument("--threshold", type=float, nargs="+", default=[name_model.THRESHOLD])
    parser.add_argument("--veto", type=float, nargs="+", default=[name_model.VETO])
    parser.add_argument(
        "--without", nargs="*", default=[], help="train without these corpora (e.g. 11: the earlier data)"
    )
    parser.add_argument("--lower-threshold", type=float, nargs="+", default=[name_model.LOWER_THRESHOLD])
    parser.add_argument("--lower-veto", type=float, nargs="+", default=[name_model.LOWER_VETO])
    parser.add_argument("--evidence", type=float, nargs="+", default=[name_model.EVIDENCE])
    parser.add_argument("--lower-evidence", type=float, nargs="+", default=[name_model.LOWER_EVIDENCE])
    parser.add_argument("--lower-word", type=float, nargs="+", default=[name_model.LOWER_WORD])
    parser.add_argument("--lower-intro", type=float, nargs="+", default=[name_model.LOWER_INTRO])
    parser.add_argument("--no-lower", action="store_true", help="train without the lower-case texts' lines")
    parser.add_argument("--keep", type=Path, help="keep the fold models in this directory")
    parser.add_argument("--reuse", action="store_true", help="use --keep's fold models, not retrained (one setting)")
    parser.add_argument("--baseline", action="store_true", help="score the shipped model too (it saw both folds)")
    args = parser.parse_args(argv)

    started = time.process_time()
    data = [r for r in rows() if r[0] not in args.without and not (args.no_lower and "mode=lower" in r[2][0])]
    print(f"{len(data)} sequences, features in {time.process_time() - started:.0f} s CPU", flush=True)
    samples = {
        (number, fold): [s for s in written_corpora.corpus(number).load() if trainer.half(s.text) == fold]
        for number in trainer.TUNED
        for fold in FOLDS
    }
    every = [s for number in trainer.TUNED for fold in FOLDS for s in samples[(number, fold)]]
    if args.baseline:
        for threshold, veto in itertools.product(args.threshold, args.veto):
            with using(name_model.MODEL, threshold, veto, (name_model.LOWER_THRESHOLD, name_model.LOWER_VETO)):
                print(line(f"shipped t={threshold} v={veto} (seen)", evaluate(every)), flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or scratch
        for weight, c1, c2 in itertools.product(args.weight, args.c1, args.c2):
            params = {**trainer.PARAMS, "c1": c1, "c2": c2}
            weights = {number: weight for number in ("4", "5", *trainer.TUNED)}
            models = {}
            for fold in FOLDS:
                models[fold] = Path(tmp) / f"fold{fold}.model"
                if args.reuse and models[fold].exists():
                    continue
                t0 = time.process_time()
                train(data, fold, weights, params, models[fold])
                print(f"-- fold {fold} trained in {time.process_time() - t0:.0f} s CPU", flush=True)
            trials = itertools.product(
                args.threshold,
                args.veto,
                args.lower_threshold,
                args.lower_veto,
                args.evidence,
                args.lower_evidence,
                args.lower_word,
                args.lower_intro,
            )
            for threshold, veto, lower_threshold, lower_veto, evidence, lower_evidence, word, intro in trials:
                tag = (
                    f"w={weight} c1={c1} c2={c2} t={threshold} v={veto} lt={lower_threshold} lv={lower_veto}"
                    f" e={evidence} le={lower_evidence} lw={word} li={intro}"
                )
                name_model.LOWER_INTRO = intro
                reports = {}
                for fold in FOLDS:
                    with using(
                        models[fold], threshold, veto, (lower_threshold, lower_veto), (evidence, lower_evidence), word
                    ):
                        for number in trainer.TUNED:
                            reports[(number, fold)] = evaluate(samples[(number, fold)])
                        reports[("all", fold)] = evaluate([s for n in trainer.TUNED for s in samples[(n, fold)]])
                # both folds together: each text scored by the model that did not see it
                both = Report()
                for fold in FOLDS:
                    r = reports[("all", fold)]
                    both.texts += r.texts
                    for counter in ("planted", "removed", "public", "kept", "matches", "true_matches"):
                        getattr(both, counter).update(getattr(r, counter))
                print(line(tag, both))
                for number in trainer.TUNED:
                    for fold in FOLDS:
                        print(line(f"   corpus {number} fold {fold}", reports[(number, fold)]))
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
