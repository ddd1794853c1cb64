"""`marsad eval quotes FILE.jsonl`: quote spans, speakers, relays and the direct flag.

Input: one JSON object per line, ``{"id", "text", "quotes": [{"start", "end", "text",
"speaker", "via", "direct", "cue"}]}`` where ``speaker``/``via`` are the surface text of who
speaks / relays (or null). Each text runs through the shipped pipeline (text, ner, actors,
quotes). System quotes are paired one-to-one with gold quotes, best overlap first:

* **overlap** match: the two spans share at least half of the shorter one;
* **exact** match: identical spans once spaces, punctuation and quote marks at either end are
  trimmed (so "أن …" vs "…" differ, "… للصراع." vs "… للصراع" do not).

Speaker (and via) accuracy is measured on overlap matches: the system's speaker is right when
the gold surface text and one of the entity's mentions/names (or the unresolved speaker text in
``doc.meta["quote_speakers"]``) contain one another after folding.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from marsad.document import Document, document_id
from marsad.eval.scoring import prf
from marsad.text.normalize import fold

_EDGE = " \t\n.,،:;؛…!?؟\"'«»“”„‟()-–—"
DEFAULT_STAGES = ("text", "ner", "actors", "quotes")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _norm_name(s: str) -> str:
    return fold(s).strip(_EDGE)


def _same_person(gold: str | None, forms: list[str]) -> bool:
    if gold is None:
        return not forms
    g = _norm_name(gold)
    for f in forms:
        f = _norm_name(f)
        if f and (g in f or (len(f) >= 3 and f in g)):
            return True
    return False


def _forms(doc: Document, entity_id: str | None, text: str | None) -> list[str]:
    if entity_id is None:
        return [text] if text else []
    ent = doc.entity(entity_id)
    if ent is None:
        return []
    out = [m.text for m in ent.mentions]
    out += [x for x in (ent.name_ar, ent.name) if x]
    return out


def _pair(gold: list[dict[str, Any]], pred: list[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) by decreasing overlap (IoU)."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            inter = min(g["end"], p.end) - max(g["start"], p.start)
            if inter <= 0:
                continue
            shorter = min(g["end"] - g["start"], p.end - p.start)
            if inter * 2 < shorter:
                continue
            union = max(g["end"], p.end) - min(g["start"], p.start)
            scored.append((inter / union, gi, pi))
    scored.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def evaluate(path: str, stages: tuple[str, ...] | list[str] | None = None) -> tuple[str, dict[str, Any]]:
    from marsad.pipeline import Pipeline

    pipeline = Pipeline.from_names(list(stages or DEFAULT_STAGES))
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    n_gold = n_pred = tp = tp_exact = spk_ok = via_ok = direct_ok = 0
    misses: list[str] = []
    t0 = time.perf_counter()
    for rec in records:
        text = rec["text"]
        doc = pipeline(Document(id=rec.get("id") or document_id("eval", text), text=text, language="ar"))
        gold = rec.get("quotes", [])
        pred = doc.quotes
        for g in gold:
            if text[g["start"] : g["end"]] != g["text"]:
                raise ValueError(f"{rec.get('id')}: gold span does not match its text: {g['text'][:40]!r}")
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = _pair(gold, pred)
        tp += len(pairs)
        speakers = doc.meta.get("quote_speakers", {})
        vias = doc.meta.get("quote_vias", {})
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if _trimmed(text, g["start"], g["end"]) == _trimmed(text, p.start, p.end):
                tp_exact += 1
            if _same_person(g.get("speaker"), _forms(doc, p.speaker, speakers.get(p.id))):
                spk_ok += 1
            else:
                misses.append(
                    f"{rec.get('id')}: speaker {g.get('speaker')!r} != {_forms(doc, p.speaker, speakers.get(p.id))[:2]}"
                )
            if _same_person(g.get("via"), _forms(doc, p.via, vias.get(p.id))):
                via_ok += 1
            if bool(g.get("direct")) == p.direct:
                direct_ok += 1
    seconds = time.perf_counter() - t0
    overlap = prf(tp, n_pred, n_gold)
    exact = prf(tp_exact, n_pred, n_gold)
    result: dict[str, Any] = {
        **overlap,
        "exact": exact,
        "speaker_accuracy": round(spk_ok / tp, 4) if tp else 0.0,
        "via_accuracy": round(via_ok / tp, 4) if tp else 0.0,
        "direct_accuracy": round(direct_ok / tp, 4) if tp else 0.0,
        "quotes": n_gold,
        "predicted": n_pred,
        "documents": len(records),
        "stages": pipeline.names,
        "seconds": round(seconds, 3),
    }
    lines = [
        f"quotes: {n_gold} gold, {n_pred} predicted in {len(records)} documents ({', '.join(pipeline.names)})",
        f"overlap  P {overlap['precision']:.3f}  R {overlap['recall']:.3f}  F1 {overlap['f1']:.3f}",
        f"exact    P {exact['precision']:.3f}  R {exact['recall']:.3f}  F1 {exact['f1']:.3f}",
        f"speaker accuracy {result['speaker_accuracy']:.3f}   via {result['via_accuracy']:.3f}   "
        f"direct {result['direct_accuracy']:.3f}  (on {tp} overlap matches)",
        *misses[:20],
    ]
    return "\n".join(lines), result
