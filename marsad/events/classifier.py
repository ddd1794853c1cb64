"""Sentence classifiers for ASSAULT and PROTEST: hashed features + logistic regression.

Features (all hashed into ``2**BITS`` buckets with CRC32, deterministic across processes):
word stems and stem bigrams, character 3/4-grams of folded words, lexicon features
(which trigger type/mode/kind fired, strong or weak, whether the negation, hypothetical
and historical rules flagged it, and whether a count stands next to it), and optionally "light stem" word unigrams/bigrams (every
proclitic and one pronoun suffix removed: وبقصفها -> قصف), which pool inflections the
conservative stems keep apart, and optionally type-agnostic "generic" lexicon features
(``generic_features``) whose weights are learnt from both types' sentences. A model may be
trained on idf-valued counts (``idf_weights``, folded into its weights) and scale its summed
weights by (``length_ref`` / sentence tokens) ** ``length_power``. Weights are plain numpy (``marsad/resources/events/
classifier_<type>.npz``) trained by ``scripts/train_event_classifier.py``. At runtime a
sentence is only featurised when the lexicon found a candidate trigger for that type, so
the cost stays at a few microseconds per ordinary sentence.
"""

from __future__ import annotations

import itertools
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from marsad.actors.dictionary import split_code
from marsad.document import Document, Token
from marsad.events.arguments import assign
from marsad.events.flags import trigger_flags
from marsad.events.lexicon import Hit
from marsad.text.numbers import is_quantity
from marsad.text.tokens import clitic_variants, is_arabic_word, suffix_variants

BITS = 18
DIM = 1 << BITS
RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "events"
CLASSIFIED_TYPES = ("ASSAULT", "PROTEST")




def _near_quantity(all_tokens: list[Token], first: int, last: int, sent_first: int, reach: int = 3) -> bool:
    """A count within ``reach`` tokens of the trigger, in its sentence."""
    sentence = all_tokens[first].sentence
    for j in (*range(max(sent_first, first - reach), first), *range(last + 1, min(len(all_tokens), last + 1 + reach))):
        if all_tokens[j].sentence == sentence and is_quantity(all_tokens[j].norm):
            return True
    return False


@lru_cache(maxsize=300_000)
def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIM - 1)


@lru_cache(maxsize=200_000)
def _word_indices(stem: str) -> tuple[int, ...]:
    """Hashed unigram and character 3/4-gram features of one word (words recur: memoised)."""
    feats = ["w:" + stem]
    if len(stem) >= 3 and is_arabic_word(stem):
        padded = f"<{stem}>"
        for n in (3, 4):
            feats.extend("c" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return tuple(_h(f) for f in feats)


@lru_cache(maxsize=200_000)
def light_stem(norm: str) -> str:
    """All proclitics and one pronoun suffix removed (shortest readings): وبقصفها -> قصف."""
    word = clitic_variants(norm)[-1] if is_arabic_word(norm) else norm
    return suffix_variants(word)[-1]


def light_features(tokens: Sequence[Token]) -> list[int]:
    """Hashed light-stem unigrams and bigrams of a sentence (no bias)."""
    words = [light_stem(t.norm) for t in tokens if t.norm.isalnum() or is_arabic_word(t.norm)]
    idx = [_h("v:" + w) for w in words]
    idx.extend(_h("vb:" + a + "_" + b) for a, b in itertools.pairwise(words))
    return idx


def _setting_features(tag: str, h: Hit, all_tokens: list[Token], sent_first: int) -> list[str]:
    """Where a trigger stands, under ``tag``: the stems of the two words on each side, its
    position in the sentence, a count next to it, and the negation/hypothetical/historical flags."""
    t = h.trigger
    sentence = all_tokens[h.first].sentence
    feats: list[str] = []
    for k in (-2, -1, 1, 2):
        j = (h.first if k < 0 else h.last) + k
        if sent_first <= j < len(all_tokens) and all_tokens[j].sentence == sentence:
            feats.append(f"{tag}:ctx{k}:{all_tokens[j].stem}")
    feats.append(f"{tag}:pos:{min(h.first - sent_first, 6) // 2}")
    if _near_quantity(all_tokens, h.first, h.last, sent_first):
        feats.append(f"{tag}:qty")
    fl = trigger_flags(all_tokens, h.first, sent_first, t.head_kind)
    if fl.negated:
        feats.append(f"{tag}:NEG")
    if fl.hypothetical:
        feats.append(f"{tag}:HYP")
    if fl.historical:
        feats.append(f"{tag}:HIST")
    if not (fl.negated or fl.hypothetical or fl.historical):
        feats.append(f"{tag}:{'s' if t.strong else 'w'}:PLAIN")
    return feats


def sentence_features(tokens: Sequence[Token], hits: Sequence[Hit], all_tokens: list[Token], sent_first: int,
                      text_features: bool = True, lexicon_features: bool = True,
                      stem_features: bool = False) -> np.ndarray:
    """Hashed feature indices (with repeats = counts) for one sentence."""
    idx: list[int] = [_h("BIAS")]
    feats: list[str] = []
    if stem_features:
        idx.extend(light_features(tokens))
    if text_features:
        stems = [t.stem for t in tokens if t.norm.isalnum() or is_arabic_word(t.norm)]
        for s in stems:
            idx.extend(_word_indices(s))
        idx.extend(_h("b:" + a + "_" + b) for a, b in itertools.pairwise(stems))
    if lexicon_features:
        for h in hits:
            t = h.trigger
            tag = f"L:{t.type}"
            strength = "s" if t.strong else "w"
            feats.extend((tag, f"{tag}:{strength}", f"{tag}:{t.mode}", f"{tag}:{t.kind}:{strength}",
                          f"{tag}:form:{t.form}", f"{tag}:tok:{all_tokens[h.first].norm}"))
            feats.extend(_setting_features(tag, h, all_tokens, sent_first))
    idx.extend(_h(f) for f in feats)
    return np.array(idx, dtype=np.int64)


def generic_lexicon_features(hits: Sequence[Hit], all_tokens: list[Token], sent_first: int) -> list[int]:
    """Type-agnostic lexicon features (no bias): how the trigger fired, not which word it was.

    Kind and strength of the entry, whether it has a mode, the flags, its position and the
    stems of the two words on each side. They mean the same for an attack and a protest, so a
    model over them can be trained on both types' sentences (145 positives instead of 36).
    """
    feats: list[str] = []
    for h in hits:
        t = h.trigger
        strength = "s" if t.strong else "w"
        feats.extend(("G", f"G:{strength}", f"G:{t.kind}:{strength}", f"G:m:{t.mode is not None}"))
        feats.extend(_setting_features("G", h, all_tokens, sent_first))
    return [_h(f) for f in feats]


def argument_features(doc: Document, hits: Sequence[Hit], mentions: list, sent_first: int) -> list[int]:
    """Who-does-what-to-whom evidence (no bias): for each trigger, whether the argument rules
    find a source and a target and the sectors of their actors ("A:pair:UAF>CVL"). A sentence
    where an armed actor acts on someone reads as a report of the event more than one where
    the trigger has no participants (a commemoration, a policy debate)."""
    def sector(ids: list[str]) -> str:
        for eid in ids:
            ent = doc.entity(eid)
            if ent is not None and ent.actor is not None and ent.actor.code:
                return split_code(ent.actor.code)[1] or "ctry"
        return "none" if not ids else "uncoded"

    tokens = doc.tokens
    feats: list[str] = []
    for h in hits:
        own = [m for m in mentions if m.last < h.first or m.first > h.last]
        src, tgt = assign(doc, tokens, h, own, sent_first, False, etype=h.trigger.type) if own else ([], [])
        on_trigger = any(m.first <= h.last and m.last >= h.first for m in mentions)
        s, t = sector(src), sector(tgt)
        feats.extend((f"A:src:{s}", f"A:tgt:{t}", f"A:pair:{s}>{t}", f"A:n:{min(len(mentions), 4)}",
                      f"A:own:{on_trigger}"))
    return [_h(f) for f in feats]


@dataclass(slots=True)
class Model:
    """A binary logistic regression over hashed features."""

    weights: np.ndarray  # float32, DIM
    bias: float
    threshold: float
    text_features: bool = True
    lexicon_features: bool = True
    stem_features: bool = False
    generic_features: bool = False
    # Length normalisation: the summed weights are scaled by (length_ref / tokens) ** length_power,
    # so a long sentence's many incidental words do not outvote its trigger clause (0: off).
    length_ref: float = 0.0
    length_power: float = 0.0
    argument_features: bool = False
    # Sentences shorter than this (the shortest training sentence) are scaled as if this long:
    # no extrapolation beyond the training range for two-word headlines ("انفجار الأسعار").
    length_floor: float = 1.0

    def features(self, tokens: Sequence[Token], hits: Sequence[Hit], all_tokens: list[Token],
                 sent_first: int, doc: Document | None = None, mentions: list | None = None) -> np.ndarray:
        """The feature indices this model was trained on, for one sentence (``doc`` and its
        ``mentions`` in the sentence are needed by a model with argument features)."""
        idx = sentence_features(tokens, hits, all_tokens, sent_first, self.text_features,
                                self.lexicon_features, self.stem_features)
        if self.argument_features and doc is not None:
            idx = np.concatenate([idx, np.array(argument_features(doc, hits, mentions or [], sent_first), dtype=np.int64)])
        if self.generic_features:
            idx = np.concatenate([idx, np.array(generic_lexicon_features(hits, all_tokens, sent_first), dtype=np.int64)])
        return idx

    def scale(self, n_tokens: int | None) -> float:
        """The length-normalisation factor for a sentence of ``n_tokens`` tokens (1 when off)."""
        if not self.length_power or not n_tokens:
            return 1.0
        return float((self.length_ref / max(self.length_floor, n_tokens)) ** self.length_power)

    def score(self, indices: np.ndarray, n_tokens: int | None = None) -> float:
        z = float(self.weights[indices].sum()) * self.scale(n_tokens) + self.bias
        return 1.0 / (1.0 + float(np.exp(-min(30.0, max(-30.0, z)))))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16))
        meta = {"bias": self.bias, "threshold": self.threshold, "bits": BITS,
                "text_features": self.text_features, "lexicon_features": self.lexicon_features,
                "stem_features": self.stem_features, "generic_features": self.generic_features,
                "length_ref": self.length_ref, "length_power": self.length_power,
                "argument_features": self.argument_features, "length_floor": self.length_floor}
        path.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Model:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if meta["bits"] != BITS:
            raise ValueError(f"{path.name}: trained with {meta['bits']} hash bits, code uses {BITS}")
        with np.load(path) as data:
            weights = data["weights"].astype(np.float32)
        return cls(weights, float(meta["bias"]), float(meta["threshold"]),
                   meta.get("text_features", True), meta.get("lexicon_features", True),
                   meta.get("stem_features", False), meta.get("generic_features", False),
                   float(meta.get("length_ref", 0.0)), float(meta.get("length_power", 0.0)),
                   bool(meta.get("argument_features", False)), float(meta.get("length_floor", 1.0)))


def train(rows: list[np.ndarray], labels: np.ndarray, l2: float = 1e-4, epochs: int = 300,
          lr: float = 0.05, pos_weight: float | None = None,
          values: list[np.ndarray] | None = None) -> tuple[np.ndarray, float]:
    """Full-batch Adam on the weighted log loss; sparse rows given as index arrays.

    ``values`` (optional, one array per row, same length): the value of each feature
    occurrence (idf and length scaling); 1 when omitted."""
    n = len(rows)
    lengths = np.array([len(r) for r in rows])
    # Optimise only over the buckets that occur (a few 10k), then scatter back to DIM.
    used, flat = np.unique(np.concatenate(rows), return_inverse=True)
    dim = len(used)
    row_of = np.repeat(np.arange(n), lengths)
    vals = np.concatenate(values).astype(np.float64) if values is not None else None
    y = labels.astype(np.float64)
    if pos_weight is None:
        pos_weight = max(1.0, (n - y.sum()) / max(1.0, y.sum()))
    sample_w = np.where(y > 0, pos_weight, 1.0)
    sample_w /= sample_w.mean()
    w = np.zeros(dim)
    b = 0.0
    m_w = np.zeros(dim)
    v_w = np.zeros(dim)
    m_b = v_b = 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    for step in range(1, epochs + 1):
        z = np.add.reduceat(w[flat] if vals is None else w[flat] * vals, starts) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g_row = (p - y) * sample_w / n
        g_occ = g_row[row_of] if vals is None else g_row[row_of] * vals
        g_w = np.bincount(flat, weights=g_occ, minlength=dim) + l2 * w
        g_b = g_row.sum()
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b * g_b
        c1 = 1 - beta1**step
        c2 = 1 - beta2**step
        w -= lr * (m_w / c1) / (np.sqrt(v_w / c2) + eps)
        b -= lr * (m_b / c1) / (np.sqrt(v_b / c2) + eps)
    full = np.zeros(DIM, dtype=np.float32)
    full[used] = w
    return full, float(b)


def idf_weights(rows: Sequence[np.ndarray]) -> np.ndarray:
    """Smoothed inverse document frequency per hashed bucket over ``rows`` (median 1 over seen buckets).

    Training on idf-scaled counts and folding the idf into the weights afterwards keeps the
    runtime a plain sum of weights: in effect, frequent features are regularised more."""
    df = np.bincount(np.concatenate([np.unique(r) for r in rows]), minlength=DIM)
    idf = np.log((len(rows) + 1) / (df + 1.0)) + 1.0
    return idf / np.median(idf[df > 0])


_MODELS: dict[str, Model | None] = {}


def load_model(event_type: str) -> Model | None:
    """The shipped model for ``event_type`` (None when no weights are shipped)."""
    if event_type not in _MODELS:
        path = RESOURCES / f"classifier_{event_type.lower()}.npz"
        _MODELS[event_type] = Model.load(path) if path.exists() else None
    return _MODELS[event_type]
