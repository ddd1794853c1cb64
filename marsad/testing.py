"""Helpers for tests and notebooks: build a Document from raw text without ingestion."""

from __future__ import annotations

from marsad.document import Document, document_id
from marsad.text.stage import TextStage

_TEXT = TextStage()


def make_document(text: str, published: str | None = None, title: str | None = None) -> Document:
    """A Document with sentences and tokens, as the text stage leaves it."""
    doc = Document(id=document_id("test", text), text=text, title=title, published=published, language="ar")
    if published:
        doc.published_from = "argument"
    return _TEXT(doc)
