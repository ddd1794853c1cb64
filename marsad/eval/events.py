"""`marsad eval events FILE.csv`: sentence-level event detection (spec/cli.md).

Each CSV row (columns id, event_type, label, text) is processed as one document by the
default pipeline (whatever stages are installed); the row counts as detected when at least
one event of the row's ``event_type`` comes out. Scores ``clean`` (yes vs "easy no") and
``hard`` (yes vs "easy no" + "difficult no"); "ambiguous" rows are ignored.
"""

from __future__ import annotations

import csv
import time
from collections import Counter

from marsad.document import Document, document_id
from marsad.eval.scoring import installed_pipeline, prf

_SCORED = ("yes", "easy no", "difficult no")


def detections(rows: list[dict[str, str]], pipeline=None) -> Counter[tuple[str, bool]]:
    """(label, detected) counts over scored rows: detected when the row's type comes out."""
    pipeline = pipeline or installed_pipeline()[0]
    counts: Counter[tuple[str, bool]] = Counter()
    for row in rows:
        text = row["text"]
        doc = pipeline(Document(id=document_id(row.get("id"), text), text=text, language="ar"))
        wanted = row["event_type"].strip().upper()
        counts[(row["label"], any(ev.type == wanted for ev in doc.events))] += 1
    return counts


def scores(counts: Counter[tuple[str, bool]]) -> tuple[dict, dict]:
    """(clean, hard) precision/recall/F1 from ``detections`` counts."""
    tp = counts[("yes", True)]
    fn = counts[("yes", False)]
    fp_easy = counts[("easy no", True)]
    fp_hard = fp_easy + counts[("difficult no", True)]
    return prf(tp, tp + fp_easy, tp + fn), prf(tp, tp + fp_hard, tp + fn)


def evaluate(path: str) -> tuple[str, dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("label") in _SCORED]
    t0 = time.perf_counter()
    counts = detections(rows)
    seconds = time.perf_counter() - t0
    clean, hard = scores(counts)
    types = Counter(r["event_type"].strip().upper() for r in rows)
    event_type = types.most_common(1)[0][0] if types else ""
    result = {"type": event_type, "clean": clean, "hard": hard, "sentences": len(rows),
              "seconds": round(seconds, 3)}
    summary = (
        f"events {event_type}: {len(rows)} sentences ({sum(1 for r in rows if r['label'] == 'yes')} yes) "
        f"in {seconds:.2f}s\n"
        f"  clean  P {clean['precision']:.3f}  R {clean['recall']:.3f}  F1 {clean['f1']:.3f}\n"
        f"  hard   P {hard['precision']:.3f}  R {hard['recall']:.3f}  F1 {hard['f1']:.3f}"
    )
    return summary, result
