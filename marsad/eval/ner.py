"""`marsad eval ner FILE.conll`: exact-span entity scores of the shipped NER.

The file's tokens are tagged as given (ANERcorp tokenisation, clitics attached); Marsad
types map onto ANERcorp labels (PER->PERS, GPE->LOC, ORG, MISC) and scores are
micro-averaged over the label set the file itself uses.
"""

from __future__ import annotations

import time
from typing import Any

from marsad.eval.scoring import prf
from marsad.ner.data import read_conll, spans

# Gold labels of other corpora folded onto ANERcorp names.
_GOLD = {"PER": "PERS", "PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}

# Sentences per pseudo-document for document-level consistency (CoNLL files carry no
# article boundaries; a news article in ANERcorp is ~15-30 sentences).
DOC_SENTENCES = 20


def _norm_tags(tags: list[str]) -> list[str]:
    return [t if t == "O" else t[:2] + _GOLD.get(t[2:], t[2:]) for t in tags]


def score_sentences(sentences: list[tuple[list[str], list[str]]], tagger: Any = None) -> tuple[str, dict]:
    if tagger is None:
        from marsad.ner.tagger import Tagger

        tagger = Tagger()
    words = [w for w, _ in sentences]
    gold = [_norm_tags(t) for _, t in sentences]
    labels = {s[2] for tags in gold for s in spans(tags)}
    t0 = time.perf_counter()
    pred: list[list[str]] = []
    for i in range(0, len(words), DOC_SENTENCES):
        pred.extend(tagger.tag_sentences(words[i:i + DOC_SENTENCES]))
    seconds = time.perf_counter() - t0
    counts = {lab: [0, 0, 0] for lab in sorted(labels)}  # tp, n_pred, n_gold
    for g, p in zip(gold, pred, strict=True):
        gs = {s for s in spans(g) if s[2] in labels}
        ps = {s for s in spans(p) if s[2] in labels}
        for s in gs:
            counts[s[2]][2] += 1
        for s in ps:
            counts[s[2]][1] += 1
        for s in gs & ps:
            counts[s[2]][0] += 1
    per_type = {lab: {**prf(*c), "support": c[2]} for lab, c in counts.items()}
    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    overall = {**prf(*total), "support": total[2]}
    n_tokens = sum(len(w) for w in words)
    result = {
        "precision": overall["precision"], "recall": overall["recall"], "f1": overall["f1"],
        "per_type": per_type, "tokens": n_tokens, "seconds": round(seconds, 3),
    }
    lines = [f"NER on {len(sentences)} sentences, {n_tokens} tokens ({n_tokens / max(seconds, 1e-9):,.0f} tokens/s)"]
    lines.append(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for lab, s in per_type.items():
        lines.append(f"{lab:6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:6d}")
    lines.append(f"{'micro':6} {overall['precision']:6.3f} {overall['recall']:6.3f} {overall['f1']:6.3f} {total[2]:6d}")
    return "\n".join(lines), result


def evaluate(path: str) -> tuple[str, dict]:
    return score_sentences(list(read_conll(path)))
