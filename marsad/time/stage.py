"""The time stage: date expressions of a document, resolved against its publication date."""

from __future__ import annotations

from marsad.document import Document
from marsad.time.dates import find_times
from marsad.time.lexicon import calendar


class TimeStage:
    """Fills ``doc.times`` (see marsad.time.dates for values, precisions and kinds)."""

    name = "time"
    arabic_only = True

    def __init__(self) -> None:
        calendar()  # load the month/weekday table once, fail early if it is missing
        from marsad.time.dates import _scanner, _trigger_scanner

        _scanner()  # compile the patterns at construction, not on the first document
        _trigger_scanner()

    def __call__(self, doc: Document) -> Document:
        skip = [(m.start, m.end) for m in doc.mentions]
        doc.times = find_times(doc.text, doc.published, doc.sentences or None, skip)
        return doc
