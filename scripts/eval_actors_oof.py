"""`marsad eval actors` with ASSAULT/PROTEST detectors that never saw the scored sentences.

    .venv/bin/python scripts/eval_actors_oof.py [--data ../shared/data/events] [--folds 5]

The span records are sentences of the dev CSVs the shipped classifiers are trained on, so
`marsad eval actors` on them overstates how often an event is found. Here the records of each
type are split into folds; for each fold the shipped recipe (scripts/train_event_classifier.py:
parts, extras, soft targets, valuing, the shipped threshold) is retrained on every dev row except
that fold's sentences, and the fold is scored with it. Prints the pooled event-mode accuracies.
The argument rules were still developed while reading these files' failures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import train_event_classifier as tec  # noqa: E402

from marsad.eval.actors import evaluate  # noqa: E402
from marsad.events import classifier  # noqa: E402

KEYS = ("source_country", "source_sector", "target_country", "target_sector")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "events"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    data = Path(args.data)
    prepared = {}
    for t in ("ASSAULT", "PROTEST"):
        rows = tec.load_rows(data / f"{t.lower()}_gsr_dev.csv", tec.EXTRA[t].removesuffix("-soft"))
        prepared[t] = (rows, *tec.prepare(rows, t))
    out = {}
    for t in ("ASSAULT", "PROTEST"):
        rows, parts, _, _, lengths = prepared[t]
        other_rows, other_parts, *_ = prepared["PROTEST" if t == "ASSAULT" else "ASSAULT"]
        keep = [i for i, r in enumerate(other_rows) if r["label"] != tec.HARD]
        pooled = {n: (parts[n], [other_parts[n][i] for i in keep],
                      np.array([tec.agreement(other_rows[i]) > 0.5 for i in keep])) for n in tec.POOLED}
        soft = tec.EXTRA[t].endswith("-soft")
        target = np.array([tec.agreement(r) if soft or r["label"] == tec.HARD else tec.agreement(r) > 0.5
                           for r in rows], dtype=np.float64)
        trainable = np.array([r["label"] != tec.HARD or tec.HARD_SOFT[t] for r in rows])
        names = tec.PARTS[t]
        runtime = [parts["comb"]] + [parts[n] for n in ("stem", "gen") if n in names]
        spec = [pooled[n] if n in tec.POOLED else parts[n] for n in names]
        shipped = classifier.Model.load(classifier.RESOURCES / f"classifier_{t.lower()}.npz")
        with open(data / f"{t.lower()}_spans_dev.json", encoding="utf-8") as fh:
            records = json.load(fh)
        fold_of = np.random.default_rng(args.seed).permutation(len(records)) % args.folds
        hits = dict.fromkeys(KEYS, 0)
        sides = {"source": 0, "target": 0}
        for f in range(args.folds):
            held = [r for r, k in zip(records, fold_of, strict=True) if k == f]
            texts = {r["text"] for r in held}
            train_idx = np.flatnonzero(trainable & np.array([r["text"] not in texts for r in rows]))
            val = tec.Values(tec.runtime_rows(runtime), lengths, train_idx, tec.IDF[t], tec.LENGTH_POWER[t])
            w, b = tec.fit(spec, target, train_idx, tec.L2[t], val)
            classifier._MODELS[t] = classifier.Model(w, b, shipped.threshold, True, True, "stem" in names,
                                                     "gen" in names, val.ref, val.power)
            with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as tmp:
                json.dump(held, tmp, ensure_ascii=False)
            _, res = evaluate(tmp.name)
            Path(tmp.name).unlink()
            for side in sides:
                sides[side] += res[f"{side}_sides"]
            for key in KEYS:
                hits[key] += round(res[f"{key}_acc"] * res[f"{key.split('_')[0]}_sides"])
        classifier._MODELS.pop(t, None)
        out[t] = {f"{k}_acc": round(hits[k] / max(1, sides[k.split("_")[0]]), 4) for k in KEYS} | {
            "source_sides": sides["source"], "target_sides": sides["target"]}
        print(t, json.dumps(out[t]))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
