"""Arabic orthographic folding for matching, with a map back to original offsets.

Stored text is never changed; stages match on folded views. Folding is 1:1 per
character except for deletions (diacritics, tatweel), so a folded view carries, for
each of its characters, the offset of the original character it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Folds (one character to one character). Sources: common Arabic IR practice
# (Larkey et al. light stemming; CAMeL Tools dediac/normalise conventions).
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",   # alef with hamza/madda/wasla
    "ى": "ي", "ی": "ي", "ئ": "ي",              # alef maqsura, Persian yeh, yeh-hamza
    "ؤ": "و",                                    # waw-hamza
    "ة": "ه",                                    # ta marbuta
    "ک": "ك", "ڪ": "ك", "گ": "ك",              # Persian/Urdu kaf forms
    "ڤ": "ف", "پ": "ب", "چ": "ج",              # letters used for foreign names
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "،": ",", "؛": ";", "؟": "?",
}
# Deleted: harakat, shadda, sukun, superscript alef, Quranic marks, tatweel.
_DELETE = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0670\u0640"
_TABLE = str.maketrans({**_FOLD, **{c: None for c in _DELETE}})
_DELETABLE = re.compile(f"[{_DELETE}]")
_FOLD_PAIRS = tuple(_FOLD.items())


def _translate(text: str) -> str:
    # str.translate looks every character up in a dict; for long texts a chain of C-level
    # replace() calls over the few characters actually present is ~5x faster.
    if len(text) < 48:
        return text.translate(_TABLE)
    for src, dst in _FOLD_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    return _DELETABLE.sub("", text) if _DELETABLE.search(text) else text


@lru_cache(maxsize=500_000)
def fold_word(word: str) -> str:
    """`fold` for short strings that recur (tokens), memoised."""
    return fold(word)


def fold(text: str) -> str:
    """Fold a string for matching (no offset map): alef/hamza, ya, ta marbuta, digits."""
    folded = _translate(text)
    lowered = folded.lower()
    # A few Latin capitals lower to two code points; keep offsets 1:1 instead.
    return lowered if len(lowered) == len(folded) else folded


@dataclass(slots=True)
class FoldedView:
    """A folded copy of a text plus, per folded character, its original offset."""

    text: str
    _offsets: list[int] | None  # None when nothing was deleted (identity map)
    _length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span back to the original text."""
        if self._offsets is None:
            return start, end
        o = self._offsets
        if start >= len(o):
            return self._length, self._length
        return o[start], (o[end - 1] + 1 if end > start else o[start])


def folded_view(text: str) -> FoldedView:
    folded = fold(text)
    if not _DELETABLE.search(text):
        return FoldedView(folded, None, len(text))
    offsets = [i for i, ch in enumerate(text) if ch not in _DELETE]
    return FoldedView(folded, offsets, len(text))
