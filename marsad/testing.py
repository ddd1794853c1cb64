"""Helpers for tests and notebooks: build a Document from raw text without ingestion."""

from __future__ import annotations

import re

from marsad.document import Document, document_id
from marsad.text.stage import TextStage

_TEXT = TextStage()
_SENTENCE_END = re.compile(r"[.!?؟\"”»]\s*$")


def make_document(text: str, published: str | None = None, title: str | None = None) -> Document:
    """A Document with sentences and tokens, as the text stage leaves it."""
    doc = Document(id=document_id("test", text), text=text, title=title, published=published, language="ar")
    if published:
        doc.published_from = "argument"
    return _TEXT(doc)


def sample_body(raw: str) -> str:
    """A scraped sample article minus its title line and the furniture after its last sentence.

    Stage tests use this rather than the cleaner so that they do not depend on it (the
    duplicated lead paragraph stays in, as a harder input).
    """
    lines = raw.split("\n")[1:]
    last = max(i for i, line in enumerate(lines) if _SENTENCE_END.search(line.strip()))
    return "\n".join(lines[: last + 1]).strip()
