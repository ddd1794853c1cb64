"""Grouping mentions into document entities: a surname alone, a fuller name and
spelling variants (سيرغي/سيرجي, شتاينماير/شتاينمار) are one entity.

Names are compared as sets of word skeletons: folded (hamza, ى/ي, ة/ه), غ->ج (both
transliterate Latin g), long vowels after the first letter dropped, doubled letters
collapsed. A mention joins the entity whose skeleton set contains its own (a surname
joins the full name) or is contained in it (a full name after a surname).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.document import Document, Entity, Mention
from marsad.text.normalize import fold, fold_word

# Name particles that never identify a person on their own. Source: Arabic naming conventions.
_PARTICLES = frozenset(fold(w) for w in ["بن", "ابن", "بنت", "أبو", "ابو", "أبي", "ابي", "أم", "ام", "آل", "عبد", "ال"])
_VOWELS = str.maketrans("", "", "اوي")
_FAMILY = {"PER": "PER", "ORG": "ORG", "LOC": "PLACE", "GPE": "PLACE", "MISC": "MISC"}


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    w = fold_word(word).replace("غ", "ج")
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    head, rest = w[:1], w[1:]
    rest = rest.translate(_VOWELS)
    out = head
    for ch in rest:
        if ch != out[-1:]:
            out += ch
    return out


@lru_cache(maxsize=100_000)  # names recur within and across documents
def name_key(text: str) -> frozenset[str]:
    words = [w for w in text.split() if fold_word(w) not in _PARTICLES]
    return frozenset(skeleton(w) for w in words if w)


class _Group:
    __slots__ = ("best", "entity", "family", "key", "last", "types")

    def __init__(self, entity: Entity, key: frozenset[str], family: str) -> None:
        self.entity = entity
        self.key = key
        self.family = family
        self.types: dict[str, int] = {}
        self.last = 0
        self.best = ""


def group_mentions(doc: Document, mentions: list[Mention], subtypes: dict[str, str | None] | None = None) -> list[Entity]:
    """Entities E1.. in order of first mention; sets each mention's `entity`."""
    groups: list[_Group] = []
    for index, m in enumerate(mentions):
        key = name_key(m.text)
        family = _FAMILY[m.type]
        match = None
        if key:
            candidates = [g for g in groups if g.family == family and (key <= g.key or g.key <= key)]
            if candidates:
                # prefer the same name exactly, then the most recently mentioned
                match = max(candidates, key=lambda g: (g.key == key, g.last))
        if match is None:
            entity = Entity(id=f"E{len(groups) + 1}", type=m.type)
            match = _Group(entity, key, family)
            groups.append(match)
        elif not key <= match.key:
            match.key = match.key | key
        match.entity.mentions.append(doc.span(m.start, m.end))
        match.types[m.type] = match.types.get(m.type, 0) + 1
        match.last = index
        if len(m.text.split()) > len(match.best.split()) or (
            len(m.text.split()) == len(match.best.split()) and len(m.text) > len(match.best)
        ):
            match.best = m.text
        if m.subtype and not match.entity.subtype:
            match.entity.subtype = m.subtype
        m.entity = match.entity.id
    for g in groups:
        g.entity.type = max(g.types, key=lambda t: (g.types[t], t == "GPE"))  # type: ignore[assignment]
        g.entity.name_ar = " ".join(g.best.split())
    return [g.entity for g in groups]
