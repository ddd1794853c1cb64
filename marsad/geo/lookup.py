"""Clitic-aware gazetteer lookup on folded token n-grams (dict hits, no regexes).

Shared by the geo stage and by ``scripts/build_gazetteer.py`` (which runs it over a
tagged corpus to find gazetteer names that are usually common words).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import fold
from marsad.text.tokens import TOKEN_RE

#: Longest place name matched, in tokens ("الولايات المتحدة الأمريكية" is 3).
MAX_TOKENS = 4


def name_key(name: str) -> str:
    """The lookup key of a name: folded tokens joined by one space."""
    return " ".join(m.group() for m in TOKEN_RE.finditer(fold(name)))


@dataclass(slots=True)
class Hit:
    """Tokens ``i..j-1`` match ``key``; the first token's first ``cut`` folded chars are proclitics."""

    i: int
    j: int
    key: str
    cut: int


_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


@lru_cache(maxsize=200_000)
def first_variants(norm: str) -> tuple[tuple[str, int], ...]:
    """Readings of a first token without its proclitics, fullest first, and how many folded
    characters each drops: (و|ف)?(ب|ل|ك)?(ال)? in that order, and لل for ل+ال.

    Stricter than ``clitic_variants`` (which also reads "الالكتروني" as ال+ال+ك+"تروني"): a
    place name follows at most one conjunction, one preposition and one article. Callers
    should only accept an article-less reading (see ``article_stripped``) for Arabic-world
    places: GeoNames lists خرطوم for الخرطوم, but "الصوفية" is an adjective, not Sofia.
    """
    out: dict[str, int] = {norm: 0}
    for conj in _CONJ:
        if not norm.startswith(conj):
            continue
        for prep in _PREP:
            prefix = conj + prep
            if not norm.startswith(prefix):
                continue
            rest = norm[len(prefix):]
            if len(rest) >= 2:
                out.setdefault(rest, len(prefix))
            if rest.startswith("ال") and len(rest) >= 5:
                out.setdefault(rest[2:], len(prefix) + 2)
            if prep == "ل" and rest.startswith("ل") and len(rest) >= 3:  # "للرقه" = ل + الرقه
                out.setdefault("ال" + rest[1:], len(prefix) + 1)
    return tuple(sorted(out.items(), key=lambda kv: kv[1]))


def article_stripped(norm: str, cut: int) -> bool:
    """Whether the reading that drops ``cut`` folded characters removed the article ال."""
    return cut >= 2 and norm[cut - 2 : cut] == "ال"


def find_hits(norms: Sequence[str], names: Mapping[str, object], firsts: Container[str],
              max_tokens: int = MAX_TOKENS,
              starts: Callable[[str], tuple[tuple[str, int], ...]] | None = None) -> list[Hit]:
    """Greedy left-to-right longest matches of gazetteer names in one sentence's folded tokens.

    Only the first token of a name may carry proclitics (و ف ب ل ك ال); a longer match
    wins over a shorter one, and at equal length the fullest reading wins. ``starts`` maps a
    token to its readings that begin some name (a caller's memo of ``first_variants`` filtered
    by ``firsts``). ``firsts`` may map each first token to the longest name it starts (in tokens).
    """
    if starts is None:
        def starts(norm: str) -> tuple[tuple[str, int], ...]:
            return tuple(vc for vc in first_variants(norm) if vc[0] in firsts)
    longest = firsts if isinstance(firsts, Mapping) else None  # first token -> longest name (tokens)
    hits: list[Hit] = []
    n = len(norms)
    i = 0
    while i < n:
        best: Hit | None = None
        for variant, cut in starts(norms[i]):
            top = min(max_tokens, n - i, longest.get(variant, max_tokens) if longest is not None else max_tokens)
            for length in range(top, 0, -1):
                if best is not None and length <= best.j - best.i:
                    break
                key = variant if length == 1 else variant + " " + " ".join(norms[i + 1 : i + length])
                if key in names:
                    best = Hit(i, i + length, key, cut)
                    break
        if best is None:
            i += 1
        else:
            hits.append(best)
            i = best.j
    return hits
