"""Reading the NER corpora (CoNLL-like) and mapping their tag sets onto ANERcorp's.

Used by the training script, the build script and `marsad eval ner`; no corpus is read
at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]

# NewsFANE Gold fine types (Alotaibi & Lee 2014, ACE-style) -> Marsad coarse types.
# Vehicles ("Land", "Air", "Water"), weapons, works and products are MISC; facilities
# (buildings, airports, roads) count as LOC, as ANERcorp annotates them.
FANE_MAP: dict[str, str] = {
    **{t: "PER" for t in ("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                          "Businessperson", "Lawyer", "Engineer", "Police", "Group")},
    **{t: "ORG" for t in ("Government", "Non-Governmental", "Commercial", "Educational", "Media",
                          "Religious_ORG", "Sports", "Medical-Science", "Entertainment")},
    **{t: "GPE" for t in ("Nation", "Population-Center", "State-or-Province", "County-or-District",
                          "GPE-Cluster", "Continent")},
    **{t: "LOC" for t in ("Water-Body", "Land-Region-Natural", "Celestial", "Building-Grounds", "Path",
                          "Airport", "Subarea-Facility")},
    **{t: "MISC" for t in ("Book", "Movie", "Software", "Hardware", "Projectile", "Shooting", "Food",
                           "Water", "Drug", "Plant", "Land", "Air")},
}

# Marsad type -> ANERcorp label (GPE counts as LOC; see spec/cli.md).
TO_ANER = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}

_PROCLITICS = {"و", "ف", "ب", "ل", "ك"}
# Pronoun suffixes NewsFANE writes as tokens of their own ("ارباج ها", "اجهزت ها").
_ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ني", "ي"}


def read_conll(path: str | Path, merge_clitics: bool = False) -> Iterator[Sentence]:
    """Sentences of (tokens, tags) from `token<TAB or space>TAG` lines.

    Extra columns (Wojood's nested tags) are ignored. With ``merge_clitics`` a
    split proclitic token (NewsFANE's "و" "الصادرات") is re-attached to the next
    word and a split pronoun suffix ("اجهزت" "ها") to the previous one, as ANERcorp
    writes them ("والصادرات", "اجهزتها"); the merged token keeps the word's tag.
    """
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if words:
                    yield _finish(words, tags, merge_clitics)
                words, tags = [], []
                continue
            if len(parts) == 1:
                continue
            words.append(parts[0])
            tags.append(parts[1])
    if words:
        yield _finish(words, tags, merge_clitics)


def _finish(words: list[str], tags: list[str], merge: bool) -> Sentence:
    tags = [_fix(t) for t in tags]
    if not merge:
        return words, tags
    out_w: list[str] = []
    out_t: list[str] = []
    prefix = ""
    for w, t in zip(words, tags, strict=True):
        if w in _PROCLITICS and t == "O":
            prefix += w
            continue
        if w in _ENCLITICS and t == "O" and not prefix and out_w and out_w[-1][-1:].isalpha() \
                and not out_w[-1].isascii():
            out_w[-1] += w
            continue
        if prefix and w[:1].isalpha() and not w.isascii():
            out_w.append(prefix + w)
        else:
            out_w.extend(prefix)  # a stray letter: keep it as its own token
            out_t.extend("O" * len(prefix))
            out_w.append(w)
        out_t.append(t)
        prefix = ""
    out_w.extend(prefix)
    out_t.extend("O" * len(prefix))
    return out_w, out_t


def _fix(tag: str) -> str:
    if tag == "O" or tag[:2] in ("B-", "I-"):
        return tag
    return "O"


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) from IOB tags; a stray I- opens a span."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if start >= 0:
                out.append((start, i, kind))
                start, kind = -1, ""
            if tag != "O":
                start, kind = i, tag[2:]
    return out
