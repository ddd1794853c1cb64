"""WARC/ARC archives (plain or gzipped): HTML and plain-text captures become articles.

``response`` records are read through their HTTP headers, ``resource`` (and
``conversion``) records through the WARC ``Content-Type``. The record's target URI is the
article's URL; the ``WARC-Date`` (capture time) is only a fallback publication date, used
when the page itself carries none. Other records (requests, metadata, images, scripts)
are skipped silently: they are part of a normal crawl.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.base import RawArticle
from marsad.ingest.dates import normalise_date
from marsad.ingest.decode import decode_text
from marsad.ingest.html import decode_html, parse_html

log = logging.getLogger(__name__)
# warcio logs a WARNING for every malformed target URI; a crawl can hold thousands.
logging.getLogger("warcio").setLevel(logging.ERROR)

_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.I)
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
ARTICLE_RECORDS = ("response", "resource", "conversion")


def _content_type(record: object) -> tuple[str, str | None]:
    """Media type and charset parameter of a record's payload."""
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    if not value:
        value = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    media, _, params = (value or "").partition(";")
    m = _CHARSET_PARAM.search(params)
    return media.strip().lower(), (m.group(1) if m else None)


def _status_ok(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is None or not getattr(http, "statusline", None):
        return True
    return http.get_statuscode().startswith("2")


@contextmanager
def _quiet() -> Iterator[None]:
    """warcio prints format warnings straight to stderr; keep them out of the CLI's one-line reports.

    Only active inside warcio calls, never across a ``yield`` (the caller may write to stderr).
    """
    captured = io.StringIO()
    with redirect_stderr(captured):
        yield
    if captured.getvalue():
        log.debug("warcio: %s", captured.getvalue().strip())


@dataclass(slots=True)
class _Capture:
    n: int
    uri: str | None
    ctype: str
    charset: str | None
    date: str | None
    record_id: str | None
    payload: bytes


def _captures(stream: BinaryIO, max_record_bytes: int) -> Iterator[_Capture | int]:
    """HTML/text captures of a WARC (an int: how many records were read, at the end)."""
    from warcio.archiveiterator import ArchiveIterator

    with _quiet():
        records = iter(ArchiveIterator(stream, arc2warc=True))
    n = 0
    while True:
        with _quiet():
            record = next(records, None)
            if record is None:
                break
            n += 1
            if record.rec_type not in ARTICLE_RECORDS or not _status_ok(record):
                continue
            ctype, charset = _content_type(record)
            if ctype not in HTML_TYPES and ctype not in TEXT_TYPES:
                continue
            headers = record.rec_headers
            payload = record.content_stream().read(max_record_bytes + 1)
        yield _Capture(
            n,
            headers.get_header("WARC-Target-URI"),
            ctype,
            charset,
            headers.get_header("WARC-Date"),
            headers.get_header("WARC-Record-ID"),
            payload,
        )
    yield n


def read_warc(
    data: bytes | BinaryIO, *, path: str | None, max_record_bytes: int = 50_000_000
) -> Iterator[RawArticle | InputError]:
    """Articles of a WARC given as bytes or as an open binary file (streamed record by record).

    Crawls are often gigabytes, so the size limit applies to each record, not to the file.
    """
    from warcio.exceptions import ArchiveLoadFailed

    found = failed = n = 0
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        for cap in _captures(stream, max_record_bytes):
            if isinstance(cap, int):
                n = cap
                break
            n = cap.n
            where = f"record {cap.n} ({cap.uri or 'no URI'})"
            if len(cap.payload) > max_record_bytes:
                failed += 1
                yield InputError(path, f"{where}: record too large (> {max_record_bytes / 1e6:g} MB limit)")
                continue
            try:
                if cap.ctype in HTML_TYPES:
                    decoded = decode_html(cap.payload, where, cap.charset)
                    article = parse_html(decoded.text, path=path, url=cap.uri, encoding=decoded.encoding)
                    # The capture date stands in only for pages that state no date of their own.
                    article.published = article.published or normalise_date(cap.date)
                else:
                    decoded = decode_text(cap.payload, where)
                    article = RawArticle(
                        text=decoded.text, format="warc", path=path, url=cap.uri, encoding=decoded.encoding
                    )
            except InputError as exc:
                failed += 1
                yield InputError(path, f"{where}: {exc.reason}")
                continue
            article.format = "warc"
            article.meta.update(warc_date=cap.date, warc_record_id=cap.record_id, warc_record=cap.n)
            found += 1
            yield article
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield InputError(path, f"broken WARC after {n} records: {detail}")
        return
    if not found and not failed:
        yield InputError(path, f"no HTML or plain-text records among {n} WARC records")
