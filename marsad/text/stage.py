"""The text stage: sentences and tokens every later stage builds on."""

from __future__ import annotations

from marsad.document import Document
from marsad.text.tokens import split_sentences, tokenize


class TextStage:
    name = "text"
    arabic_only = False

    def __call__(self, doc: Document) -> Document:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = tokenize(doc.text, doc.sentences)
        return doc
