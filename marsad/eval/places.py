"""`marsad eval places FILE.jsonl`: place mentions found and geocoded, against a gold file.

Gold layout, one JSON object per line (see data/gold/places.jsonl):
``{"id": .., "text": .., "places": [{"text": "حلب", "name": "Aleppo", "country": "SYR",
   "precision": "city", "geonameid": 170063 | "pcode": "SY02"}, ..]}``
Each gold ``text`` stands for every occurrence of that string in the document at word
boundaries (proclitics و ف ب ل ك allowed before it), except occurrences inside a longer gold
string. A system mention matches a gold occurrence when their spans overlap.
``precision``/``recall`` are over mentions; ``accuracy`` is the share of matched gold mentions
whose place is the gold one (same geonameid or P-code, else same English name, and the same
precision when the gold gives one); ``country_accuracy`` only asks for the right country.

The documents run through the text, NER and geo stages (text and geo alone when the NER
model cannot be loaded; the summary says which).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from marsad.document import Document, Place, document_id
from marsad.eval.scoring import f1 as score_f1
from marsad.eval.scoring import ratio
from marsad.pipeline import Pipeline

_CLITICS = "وفبلك"


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or "\u064b" <= ch <= "\u065f"


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return out
        pos = i + 1
        end = i + len(needle)
        if end < len(text) and _is_letter(text[end]):
            continue
        k = i
        while k > 0 and i - k < 2 and text[k - 1] in _CLITICS:
            k -= 1
        if k > 0 and _is_letter(text[k - 1]):
            continue
        out.append((i, end))


def gold_mentions(text: str, places: list[dict]) -> list[tuple[int, int, dict]]:
    spans: list[tuple[int, int, dict]] = []
    for p in sorted(places, key=lambda p: -len(p["text"])):
        for a, b in _occurrences(text, p["text"]):
            if not any(x <= a and b <= y for x, y, _ in spans):
                spans.append((a, b, p))
    if any(not _occurrences(text, p["text"]) for p in places):
        missing = [p["text"] for p in places if not _occurrences(text, p["text"])]
        raise ValueError(f"gold place(s) {missing} not in their text")
    return sorted(spans, key=lambda s: s[0])


def same_place(place: Place, gold: dict) -> bool:
    if "geonameid" in gold:
        ok = place.geonameid == gold["geonameid"]
    elif "pcode" in gold:
        ok = place.pcode == gold["pcode"]
    else:
        ok = place.name.split(" (")[0].lower().startswith(gold["name"].split(" (")[0].lower()[:6])
    return ok and place.country == gold["country"] and gold.get("precision", place.precision) == place.precision


def _pipeline() -> tuple[Pipeline, str]:
    try:
        return Pipeline.from_names(["text", "ner", "geo"]), "text+ner+geo"
    except Exception:  # the NER model is another stage's resource; geo works without it
        return Pipeline.from_names(["text", "geo"]), "text+geo (NER unavailable)"


def evaluate(path: str) -> tuple[str, dict[str, Any]]:
    pipeline, stages = _pipeline()
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    n_gold = n_pred = found = pred_ok = right = country_right = 0
    errors: list[str] = []
    t0 = time.perf_counter()
    for row in rows:
        doc = Document(id=document_id("eval", row["text"]), text=row["text"], language="ar",
                       published=row.get("published"))
        doc = pipeline(doc)
        gold = gold_mentions(row["text"], row.get("places", []))
        pred = [(m.start, m.end, p) for p in doc.places for m in p.mentions]
        n_gold += len(gold)
        n_pred += len(pred)
        for a, b, _ in pred:
            if any(a < y and x < b for x, y, _ in gold):
                pred_ok += 1
            else:
                errors.append(f"{row['id']}: false place {row['text'][a:b]!r}")
        for x, y, g in gold:
            hit = next((p for a, b, p in pred if a < y and x < b), None)
            if hit is None:
                errors.append(f"{row['id']}: missed {g['text']!r}")
                continue
            found += 1
            country_right += hit.country == g["country"]
            if same_place(hit, g):
                right += 1
            else:
                errors.append(f"{row['id']}: {g['text']!r} -> {hit.name} {hit.country} {hit.precision}"
                              f" (gold {g['name']} {g['country']} {g.get('precision')})")
    seconds = time.perf_counter() - t0
    precision, recall = ratio(pred_ok, n_pred), ratio(found, n_gold)
    f1 = score_f1(precision, recall)
    result = {
        "precision": precision, "recall": recall, "f1": f1,
        "accuracy": ratio(right, found), "country_accuracy": ratio(country_right, found),
        "resolved_correct": ratio(right, n_gold),
        "gold_mentions": n_gold, "system_mentions": n_pred, "documents": len(rows), "seconds": round(seconds, 3),
    }
    lines = [
        f"places on {len(rows)} documents ({stages}): {n_gold} gold mentions, {n_pred} system mentions",
        f"mentions  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}",
        f"resolved  place {result['accuracy']:.3f}  country {result['country_accuracy']:.3f} of matched;"
        f" {result['resolved_correct']:.3f} of all gold",
    ]
    if errors:
        lines.append("errors:")
        lines.extend("  " + e for e in errors[:40])
    return "\n".join(lines), result
