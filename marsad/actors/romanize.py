"""Deterministic Latin names for people not in the dictionary.

Each token is looked up in the Wikidata person-name token pairs (most frequent Latin
spelling of that Arabic spelling, built by scripts/build_actors.py); unknown tokens fall
back to a letter-by-letter transcription close to common news usage. The same Arabic
spelling therefore always yields the same Latin name.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.actors.dictionary import RESOURCES
from marsad.text.normalize import fold

# Simplified news-style transcription (no diacritics), for tokens missing from the pairs.
_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "'",
}


@lru_cache(maxsize=1)
def _pairs() -> dict[str, str]:
    out = {}
    for line in (RESOURCES / "translit.tsv").read_text(encoding="utf-8").splitlines():
        ar, latin = line.split("\t")
        out[ar] = latin
    return out


def _letters(word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        if ch == "و" and i > 0:
            out.append("ou" if i == len(word) - 1 else "u" if word[i - 1] not in "اوي" else "w")
        elif ch == "ي" and i > 0:
            out.append("i" if word[i - 1] not in "اوي" else "y")
        elif (ch == "ا" and i > 0) or (ch == "ه" and i == len(word) - 1 and i > 0):
            out.append("a")
        else:
            out.append(_LETTERS.get(ch, ch if ch.isascii() else ""))
    return "".join(out).strip("'")


# Name particles and theophoric compounds spelt the usual news way.
_FIXED = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ال": "Al", "عبدالله": "Abdullah", "الله": "Allah",
          "ابو": "Abu", "ام": "Umm"}


@lru_cache(maxsize=50_000)
def romanize_token(token: str) -> str:
    w = fold(token)
    if w in _FIXED:
        return _FIXED[w]
    pairs = _pairs()
    if w in pairs:
        return pairs[w].capitalize()
    if w.startswith("ال") and len(w) > 3:
        rest = pairs.get(w[2:]) or _letters(w[2:])
        return "al-" + rest.capitalize()
    if w.startswith("عبد") and len(w) > 4:
        return "Abd al-" + (pairs.get(w[3:].removeprefix("ال")) or _letters(w[3:].removeprefix("ال"))).capitalize()
    return _letters(w).capitalize()


def romanize(name: str) -> str:
    """'حسين جابري' -> 'Hussein Jaberi' (token by token, deterministic)."""
    return " ".join(filter(None, (romanize_token(t) for t in name.replace("_", " ").split())))
