"""Repeated titles and paragraphs inside one article.

Scrapers often capture a lead paragraph twice (teaser + body), sometimes with a phrase
added in one copy. Paragraphs are compared as sets of folded words: when nearly all
words of one paragraph occur in another, the shorter copy goes and the fuller stays.
"""

from __future__ import annotations

import re

from marsad.text.normalize import fold

_WORD = re.compile(r"\w+")
MIN_WORDS = 5  # shorter paragraphs (headings, bylines) are too generic to call duplicates
CONTAINMENT = 0.9


def folded_words(text: str) -> list[str]:
    """The words of a text in folded form: what "the same text" is compared on.

    Same as ``_WORD.findall(fold(text))``, a fifth cheaper: whitespace is never a word
    character, so words never span a split point, and a piece that is all letters/digits
    (``isalnum``, which is ``\\w`` minus ``_``) is one word as it stands.
    """
    words: list[str] = []
    for piece in fold(text).split():
        if piece.isalnum():
            words.append(piece)
        else:
            words.extend(_WORD.findall(piece))
    return words


def duplicate_paragraphs(paragraphs: list[list[str]]) -> set[int]:
    """Indices of paragraphs (given as folded word lists) contained in a fuller paragraph."""
    words = [frozenset(p) for p in paragraphs]
    drop: set[int] = set()
    for i, wi in enumerate(words):
        if len(wi) < MIN_WORDS or i in drop:
            continue
        for j in range(i + 1, len(words)):
            wj = words[j]
            if j in drop or len(wj) < MIN_WORDS:
                continue
            shared = len(wi & wj)
            if shared >= CONTAINMENT * len(wi) and len(wi) < len(wj):
                drop.add(i)  # i is contained in the fuller j: keep j
                break
            if shared >= CONTAINMENT * len(wj):
                drop.add(j)
    return drop
