"""What readers produce: one RawArticle per article found in an input."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.document import Format


@dataclass(slots=True)
class RawArticle:
    """An article as read, before cleaning.

    ``text`` is decoded text with paragraphs separated by blank lines. For plain-text
    inputs the title is still inside ``text`` (first line) and ``structured`` is False;
    readers of structured formats (HTML, JSONL, WARC, feeds) fill ``title`` and set
    ``structured`` so the cleaner does not look for a title line.
    """

    text: str
    format: Format
    path: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date found in the input's metadata
    url: str | None = None
    publisher: str | None = None
    id: str | None = None
    structured: bool = False
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
