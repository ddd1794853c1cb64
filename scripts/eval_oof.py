"""`marsad eval events` and `marsad eval actors` with detectors that never saw the scored sentences.

    .venv/bin/python scripts/eval_oof.py [--data ../shared/data/events] [--folds 5] [--seed 13]
        [--types ASSAULT,PROTEST] [--threshold PROTEST=0.28]

The shipped ASSAULT/PROTEST classifiers learn from every row of the dev CSVs, and the span
records are rows of those CSVs, so both evaluations on them overstate what the pipeline finds.
Here each CSV's rows are split into stratified folds; for each fold the shipped recipe
(scripts/train_event_classifier.py: parts, extra rows, soft targets, valuing, the shipped
threshold) is retrained on the other folds' rows, and the whole default pipeline — argument
rules and rescues included — is scored on that fold: event detection on its scored rows, actor
codes on its span records. Prints the pooled figures (same keys as the CLI's last lines).
The argument rules were still developed while reading these files' failures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import train_event_classifier as tec  # noqa: E402

from marsad.eval import actors as eval_actors  # noqa: E402
from marsad.eval import events as eval_events  # noqa: E402
from marsad.eval.scoring import installed_pipeline  # noqa: E402
from marsad.events import classifier  # noqa: E402


def fold_models(t: str, prepared: dict, folds: np.ndarray, threshold: float | None = None):
    """One model per fold, trained on the other folds' trainable rows (the shipped recipe)."""
    rows, parts, _, _, lengths = prepared[t]
    other_rows, other_parts, *_ = prepared["PROTEST" if t == "ASSAULT" else "ASSAULT"]
    pooled = tec.pooled_parts(parts, other_rows, other_parts)
    target, trainable = tec.targets(rows, tec.EXTRA[t], tec.HARD_SOFT[t])
    names = tec.PARTS[t]
    runtime = tec.runtime_parts(parts, names)
    spec = [pooled[n] if n in tec.POOLED else parts[n] for n in names]
    shipped = classifier.Model.load(classifier.RESOURCES / f"classifier_{t.lower()}.npz")
    for f in range(int(folds.max()) + 1):
        train_idx = np.flatnonzero(trainable & (folds != f))
        val = tec.Values(tec.runtime_rows(runtime), lengths, train_idx, tec.IDF[t], tec.LENGTH_POWER[t])
        w, b = tec.fit(spec, target, train_idx, tec.L2[t], val)
        yield f, tec.make_model(w, b, shipped.threshold if threshold is None else threshold, names, val)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "events"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--types", default="ASSAULT,PROTEST", help="comma-separated event types to score")
    ap.add_argument("--threshold", action="append", default=[], metavar="TYPE=P",
                    help="score with this detection threshold instead of the shipped one (repeatable)")
    args = ap.parse_args()
    thresholds = {k: float(v) for k, v in (t.split("=", 1) for t in args.threshold)}
    data = Path(args.data)
    prepared = {}
    for t in ("ASSAULT", "PROTEST"):
        # Every row, ambiguous ones included: a fold's ambiguous rows must not train its model.
        rows = tec.load_rows(data / f"{t.lower()}_gsr_dev.csv", "all")
        prepared[t] = (rows, *tec.prepare(rows, t))
    out = {}
    for t in args.types.split(","):
        rows = prepared[t][0]
        labels = np.array([{"yes": 0, "easy no": 1, "difficult no": 2}.get(r["label"], 3) for r in rows])
        folds = tec.folds(labels, args.folds, args.seed)
        fold_of_text = {r["text"]: int(f) for r, f in zip(rows, folds, strict=True)}
        with open(data / f"{t.lower()}_spans_dev.json", encoding="utf-8") as fh:
            records = json.load(fh)
        counts: Counter[tuple[str, bool]] = Counter()
        hits: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        for f, model in fold_models(t, prepared, folds, thresholds.get(t)):
            classifier._MODELS[t] = model  # the stages built next load this fold's model
            pipe, _ = installed_pipeline()
            scored = [r for r, k in zip(rows, folds, strict=True) if k == f and r["label"] != tec.AMBIGUOUS]
            counts += eval_events.detections(scored, pipe)
            fold_hits, fold_totals, _ = eval_actors.tally([r for r in records if fold_of_text.get(r["text"]) == f], pipe)
            hits += fold_hits
            totals += fold_totals
        classifier._MODELS.pop(t, None)
        clean, hard = eval_events.scores(counts)
        out[t] = {"clean": clean, "hard": hard} | eval_actors.accuracies(hits, totals)
        print(t, json.dumps(out[t]))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
