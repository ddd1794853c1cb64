"""Readers: files, directories and standard input to RawArticles, bad inputs to InputErrors.

Public API:

- :func:`iter_inputs` walks paths (``-`` is standard input) and yields one RawArticle per
  article found, or an InputError for each input or record that cannot be read. It never
  raises for a bad input and never stops the batch.
- :func:`read_bytes` reads one input already in memory (standard input, a WARC payload,
  a zip member); :func:`iter_bytes` is its streaming form that also yields record errors.
- :func:`detect_format` says which reader an input goes to: the file extension when it is
  a known one, else a sniff of the content.

See ``docs/ingest.md`` for formats, encodings and the exact error messages.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.base import RawArticle
from marsad.ingest.decode import SNIFF_BYTES, decode_text
from marsad.ingest.feeds import parse_feed
from marsad.ingest.html import parse_html, read_html
from marsad.ingest.records import RecordError, read_records
from marsad.ingest.warc import read_warc

__all__ = ["InputError", "RawArticle", "RecordError", "detect_format", "iter_bytes", "iter_inputs", "read_bytes"]

log = logging.getLogger(__name__)

MAX_BYTES = 50_000_000
READERS = ("txt", "html", "jsonl", "warc", "rss")
EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
    ".xml": "rss",
    ".rss": "rss",
    ".atom": "rss",
}
HINTS = {
    "text": "txt",
    "plain": "txt",
    "htm": "html",
    "json": "jsonl",
    "ndjson": "jsonl",
    "atom": "rss",
    "xml": "rss",
    "feed": "rss",
    "arc": "warc",
}
# Magic numbers of common non-text files, named in the error message.
BINARY_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
)
_GZIP = b"\x1f\x8b"
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|h1|!--)[\s>/]", re.I)
# "{" then a key or "}", "[" then a value: not an Arabic text opening with "[عاجل]".
_JSON_START = re.compile(r'(?:\{\s*["}]|\[\s*(?:[{\["\]\d-]|true|false|null))')
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*encoding\s*=\s*["'][\w.:-]+""")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.I)


def _extension_format(path: str | None) -> str | None:
    if not path:
        return None
    name = os.path.basename(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return EXTENSIONS.get(os.path.splitext(name)[1])


def _sniff_text(head: str) -> str:
    start = head.lstrip("\ufeff \t\r\n")[:2048]
    if _JSON_START.match(start):
        return "jsonl"
    if start[:1] == "<":
        if _FEED_ROOT.search(start):
            return "rss"
        if _HTML_START.match(start) or "<html" in start.lower():
            return "html"
    return "txt"


def detect_format(data: bytes, path: str | None = None, hint: str | None = None) -> str:
    """Reader for ``data``: the hint, else a known extension of ``path``, else content sniffing."""
    if hint:
        hint = hint.lower().lstrip(".")
        fmt = HINTS.get(hint, hint)
        if fmt in READERS:
            return fmt
    fmt = _extension_format(path)
    if fmt:
        return fmt
    if data.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    head = data[:SNIFF_BYTES]
    if b"\x00" in head[:512] or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _sniff_text(decode_text(head, path).text)
        except InputError:
            return "txt"  # the text reader reports why
    return _sniff_text(head.decode("utf-8", "ignore"))


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _gunzip(data: bytes, path: str | None, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(path, f"broken gzip data: {exc}") from None
    if len(out) > max_bytes:
        raise InputError(path, f"file too large (over {max_bytes / 1e6:g} MB uncompressed > limit)")
    return out


def iter_bytes(
    data: bytes, *, path: str | None, format_hint: str | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[RawArticle | InputError]:
    """Articles and errors from one in-memory input (a file's bytes, stdin, a record payload)."""
    if not data:
        yield InputError(path, "empty file")
        return
    if data.startswith(_GZIP):
        inner_fmt = format_hint or _extension_format(path)
        if inner_fmt == "warc" or (inner_fmt is None and _gunzip_head(data).startswith((b"WARC/", b"filedesc://"))):
            yield from read_warc(data, path=path)
            return
        try:
            data = _gunzip(data, path, max_bytes)
        except InputError as exc:
            yield exc
            return
        if not data:
            yield InputError(path, "empty file (after gzip decompression)")
            return
    fmt = detect_format(data, path, format_hint)
    if fmt == "warc":
        yield from read_warc(data, path=path)
        return
    kind = _binary_kind(data)
    if kind:
        yield InputError(path, f"binary content, not text ({kind})")
        return
    try:
        if fmt == "html":
            yield read_html(data, path=path)
        elif fmt == "rss":
            yield from _read_feed(data, path)
        elif fmt == "jsonl":
            decoded = decode_text(data, path)
            for item in read_records(decoded.text, path=path):
                if isinstance(item, RawArticle):
                    item.encoding = decoded.encoding
                yield item
        else:
            decoded = decode_text(data, path)
            yield RawArticle(text=decoded.text, format="txt", path=path, encoding=decoded.encoding)
    except InputError as exc:
        yield exc


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=47).decompress(data[:4096], 64)
    except zlib.error:
        return b""


def _read_feed(data: bytes, path: str | None) -> Iterator[RawArticle | InputError]:
    head = data[:SNIFF_BYTES]
    has_bom = head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    declared = _XML_ENCODING.match(head) is not None
    if not has_bom and (b"\x00" in head[:512] or (not declared and not _valid_utf8(data))):
        # BOM-less UTF-16, or undeclared 8-bit text: lxml would assume UTF-8. Decode it
        # ourselves and hand lxml UTF-8 without the declaration.
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode_text(data, path).text)
        data = text.encode("utf-8")
    start = data[:2048].decode("utf-8", "ignore")
    if not _FEED_ROOT.search(start) and _HTML_START.search(start):
        decoded = decode_text(data, path)  # an .xml file that is really an (X)HTML page
        yield parse_html(decoded.text, path=path, encoding=decoded.encoding)
        return
    yield from parse_feed(data, path=path)


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_bytes(
    data: bytes, *, path: str | None, format_hint: str | None = None, errors: list[InputError] | None = None
) -> list[RawArticle]:
    """Articles of one in-memory input; raises InputError/DecodeError when there is none.

    Record-level errors of an input that still yields articles (a broken JSONL line, an
    empty feed item) are appended to ``errors`` when it is given.
    """
    articles: list[RawArticle] = []
    problems: list[InputError] = []
    for item in iter_bytes(data, path=path, format_hint=format_hint):
        if isinstance(item, InputError):
            problems.append(item)
        else:
            articles.append(item)
    if not articles:
        raise problems[0] if problems else InputError(path, "no article found")
    if errors is not None:
        errors.extend(problems)
    return articles


def _too_large(path: str | None, size: int, max_bytes: int) -> InputError:
    return InputError(path, f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:g} MB limit)")


def _os_error(path: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(path, "no such file or directory")
    if isinstance(exc, PermissionError):
        return InputError(path, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(path, "is a directory")
    return InputError(path, f"cannot read: {exc.strerror or exc}")


def _read_stream(stream: BinaryIO, path: str | None, max_bytes: int) -> bytes | InputError:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return _too_large(path, len(data), max_bytes)
    return data


def _is_warc_file(path: str) -> bool:
    if _extension_format(path) == "warc":
        return True
    if _extension_format(path) is not None:
        return False
    with open(path, "rb") as f:
        head = f.read(4096)
    return head.startswith((b"WARC/", b"filedesc://")) or (
        head.startswith(_GZIP) and _gunzip_head(head).startswith((b"WARC/", b"filedesc://"))
    )


def read_file(path: str, *, max_bytes: int = MAX_BYTES) -> Iterator[RawArticle | InputError]:
    """Articles and errors of one file. WARC files are streamed; ``max_bytes`` limits each record."""
    try:
        size = os.stat(path).st_size
        if size and os.path.isfile(path) and _is_warc_file(path):
            with open(path, "rb") as f:
                yield from read_warc(f, path=path, max_record_bytes=max_bytes)
            return
        if size > max_bytes:
            yield _too_large(path, size, max_bytes)
            return
        with open(path, "rb") as f:
            data = _read_stream(f, path, max_bytes)
    except OSError as exc:
        yield _os_error(path, exc)
        return
    if isinstance(data, InputError):
        yield data
        return
    yield from iter_bytes(data, path=path, max_bytes=max_bytes)


def walk_directory(top: str) -> Iterator[str | InputError]:
    """Regular files under ``top``, sorted, hidden files and directories skipped."""
    problems: list[OSError] = []
    found = reported = False
    for root, dirs, files in os.walk(top, onerror=problems.append):
        while problems:
            exc = problems.pop(0)
            reported = True
            yield _os_error(exc.filename or root, exc)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            if os.path.isfile(full):
                found = True
                yield full
    for exc in problems:
        reported = True
        yield _os_error(exc.filename or top, exc)
    if not found and not reported:
        yield InputError(top, "no readable files in directory")


def _read_stdin(max_bytes: int) -> Iterator[RawArticle | InputError]:
    data = _read_stream(sys.stdin.buffer, None, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    for item in iter_bytes(data, path=None, max_bytes=max_bytes):
        if isinstance(item, RawArticle) and item.format == "txt":
            item.format = "stdin"
        yield item


def _guarded(items: Iterator[RawArticle | InputError], path: str | None) -> Iterator[RawArticle | InputError]:
    """Turn a reader bug into an InputError for that input instead of ending the batch."""
    try:
        yield from items
    except Exception as exc:
        log.debug("reader failed on %s", path, exc_info=True)
        yield InputError(path, f"could not be read: {type(exc).__name__}: {exc}")


def iter_inputs(inputs: list[str], *, max_bytes: int = MAX_BYTES) -> Iterator[RawArticle | InputError]:
    """Every article in ``inputs`` (files, directories walked recursively, ``-`` for stdin)."""
    for spec in map(os.fspath, inputs):
        if spec == "-":
            yield from _guarded(_read_stdin(max_bytes), None)
        elif os.path.isdir(spec):
            for item in walk_directory(spec):
                if isinstance(item, InputError):
                    yield item
                else:
                    yield from _guarded(read_file(item, max_bytes=max_bytes), item)
        elif not os.path.lexists(spec):
            yield InputError(spec, "no such file or directory")
        else:
            yield from _guarded(read_file(spec, max_bytes=max_bytes), spec)
