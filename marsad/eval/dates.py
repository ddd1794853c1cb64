"""`marsad eval dates FILE.jsonl`: date expressions found and resolved, against a gold file.

Gold layout, one JSON object per line (see data/gold/dates.jsonl):
``{"id": .., "text": .., "published": "2016-08-02" | null,
   "times": [{"text": "امس", "value": "2016-08-01", "precision": "day", "kind": "date"}, ..]}``
Gold expressions are located in the text in order (repeated strings take successive
occurrences). A system expression matches a gold one when their spans overlap (one-to-one);
``exact_span`` is the share of matches with identical offsets. ``value_accuracy`` is the
share of matched pairs with the same value, precision and kind; ``resolved_correct`` counts
gold expressions found *and* resolved right (recall of the full job).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from marsad.eval.scoring import f1 as score_f1
from marsad.eval.scoring import ratio
from marsad.testing import make_document
from marsad.time.stage import TimeStage


def _gold_spans(text: str, times: list[dict]) -> list[tuple[int, int, dict]]:
    spans, pos = [], 0
    for t in times:
        i = text.find(t["text"], pos)
        if i < 0:
            i = text.find(t["text"])
        if i < 0:
            raise ValueError(f"gold expression {t['text']!r} not in its text")
        spans.append((i, i + len(t["text"]), t))
        pos = i + len(t["text"])
    return spans


def evaluate(path: str) -> tuple[str, dict]:
    stage = TimeStage()
    n_gold = n_pred = matched = exact = right = 0
    errors: list[str] = []
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    for row in rows:
        doc = stage(make_document(row["text"], published=row.get("published")))
        gold = _gold_spans(row["text"], row.get("times", []))
        pred = list(doc.times)
        n_gold += len(gold)
        n_pred += len(pred)
        used: set[int] = set()
        for gs, ge, g in gold:
            hit = next((j for j, p in enumerate(pred) if j not in used and p.start < ge and gs < p.end), None)
            if hit is None:
                errors.append(f"{row['id']}: missed {g['text']!r}")
                continue
            used.add(hit)
            p = pred[hit]
            matched += 1
            exact += (p.start, p.end) == (gs, ge)
            if (p.value, p.precision, p.kind) == (g.get("value"), g.get("precision", "unknown"), g.get("kind", "date")):
                right += 1
            else:
                errors.append(f"{row['id']}: {g['text']!r} -> {p.value} {p.precision} {p.kind}, "
                              f"gold {g.get('value')} {g.get('precision')} {g.get('kind')}")
        for j, p in enumerate(pred):
            if j not in used:
                errors.append(f"{row['id']}: spurious {p.text!r} ({p.value})")
    seconds = round(time.perf_counter() - t0, 3)
    precision, recall = ratio(matched, n_pred), ratio(matched, n_gold)
    f1 = score_f1(precision, recall)
    result = {
        "precision": precision, "recall": recall, "f1": f1,
        "value_accuracy": ratio(right, matched), "resolved_correct": ratio(right, n_gold),
        "exact_span": ratio(exact, matched),
        "expressions": n_gold, "predicted": n_pred, "documents": len(rows), "seconds": seconds,
    }
    lines = [f"dates: {len(rows)} texts, {n_gold} gold expressions, {n_pred} found",
             f"detection  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (exact span {result['exact_span']:.3f})",
             f"resolution value accuracy {result['value_accuracy']:.3f}; found and right {result['resolved_correct']:.3f}"]
    lines += [f"  {e}" for e in errors[:40]]
    return "\n".join(lines), result
