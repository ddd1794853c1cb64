"""The shipped CRF tagger: surface tokens in, ANERcorp-style IOB labels out."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from marsad.ner.data import spans
from marsad.ner.features import RESOURCES, KnownFeatures, lexicons
from marsad.text.normalize import fold
from marsad.text.tokens import strip_proclitics

MODEL_PATH = RESOURCES / "ner.crfsuite"

# Function words and frequent nouns never propagated as names by document consistency.
# Source: hand list of Arabic closed-class words.
_NO_PROPAGATE = frozenset(fold(w) for w in ["في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "إن", "لا", "ما", "هو", "هي", "هم", "التي", "الذي", "الذين", "كان", "قال", "وقال", "كما", "بعد", "قبل", "عام", "يوم", "اليوم", "أمس", "امس", "حيث", "بين", "حول", "خلال", "منذ", "رئيس", "وزير", "الرئيس", "الوزير"])


# Also propagate the last word of multi-word person names ("لافروف" after "سيرجي لافروف").
SURNAMES = True


_CLITICS = "وفبلك"


class Tagger:
    """Loads the model once; `tag_sentences` labels a document's sentences."""

    def __init__(self, model_path: str | Path = MODEL_PATH) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self._features = KnownFeatures(_model_attributes(self._tagger))
        lexicons()  # load the gazetteers now, not on the first sentence

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return self._tagger.tag(self._features(tokens))

    def tag_scored(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """Labels plus the marginal probability of each name label (the mention confidence;
        1.0 is returned for O, which no caller scores)."""
        if not tokens:
            return [], []
        labels = self._tagger.tag(self._features(tokens))
        marginal = self._tagger.marginal
        return labels, [1.0 if y == "O" else marginal(y, i) for i, y in enumerate(labels)]

    def tag_sentences(self, sentences: list[list[str]], consistency: bool = True) -> list[list[str]]:
        """Tag each sentence; then label untagged repeats of names (document consistency)."""
        labels = [self.tag(s) for s in sentences]
        if consistency:
            propagate(sentences, labels)
        return labels


def _model_attributes(tagger: pycrfsuite.Tagger) -> frozenset[str]:
    """Attribute names in an opened model's dictionary, read from its text dump
    (~0.1 s; `Tagger.info()` parses the same dump in ~1 s)."""
    fd, path = tempfile.mkstemp(suffix=".txt")
    os.close(fd)
    try:
        tagger.dump(path)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    finally:
        os.unlink(path)
    start = text.index("ATTRIBUTES = {\n") + len("ATTRIBUTES = {\n")
    section = text[start:text.index("\n}", start)]
    return frozenset(line.split(": ", 1)[1] for line in section.split("\n") if ": " in line)


@lru_cache(maxsize=200_000)
def _key(token: str) -> str:
    return strip_proclitics(fold(token).strip("\"'()[]«».,:;!?"))


def propagate(sentences: list[list[str]], labels: list[list[str]]) -> None:
    """A word tagged as a one-word name somewhere in the document is that name elsewhere.

    Only words the model tagged the same type everywhere it tagged them (one-word names
    and surnames of longer person names), at least four letters long and not function
    words, are propagated onto untagged occurrences not followed by a name continuation.
    """
    seen: dict[str, set[str]] = {}
    for toks, labs in zip(sentences, labels, strict=True):
        for start, end, kind in spans(labs):
            if end - start == 1:
                seen.setdefault(_key(toks[start]), set()).add(kind)
            elif kind == "PERS" and SURNAMES:
                seen.setdefault(_key(toks[end - 1]), set()).add(kind)  # the surname alone
    names = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and len(k) >= 4 and k not in _NO_PROPAGATE}
    if not names:
        return
    for toks, labs in zip(sentences, labels, strict=True):
        for i, tok in enumerate(toks):
            if labs[i] != "O":
                continue
            key = _key(tok)
            kind = names.get(key)
            if kind is None and len(key) > 4 and key[0] in _CLITICS:  # ولافروف, بحلب
                kind = names.get(key[1:]) or (names.get(key[2:]) if key[1] in _CLITICS[2:] else None)
            if kind and (i + 1 == len(labs) or not labs[i + 1].startswith("I-")):
                labs[i] = "B-" + kind
