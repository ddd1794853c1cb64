"""JSON and JSON Lines records: one article per record, one error per bad line or record.

A file may be a JSON array of records, a single record, an object holding its records
under a list-valued key (``articles``, ``items``...), or JSON Lines. Field names follow
the common dataset conventions; the first present alias wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from marsad.errors import InputError
from marsad.ingest.base import RawArticle
from marsad.ingest.dates import normalise_date
from marsad.ingest.html import html_to_text

TEXT_KEYS = ("text", "content", "body", "article", "maintext", "full_text")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = (
    "published",
    "date",
    "pub_date",
    "published_at",
    "publish_date",
    "date_publish",
    "datePublished",
    "pubDate",
)
URL_KEYS = ("url", "link", "source_url")
PUBLISHER_KEYS = ("publisher", "source", "site", "site_name", "outlet")
ID_KEYS = ("id", "_id", "doc_id", "guid")
LIST_KEYS = ("articles", "items", "records", "documents", "docs", "data", "results")
_MARKUP = re.compile(r"<(?:p|br|div|span|a|h[1-6]|li|strong|em|b|i)\b[^>]*>", re.I)
_BLANK = re.compile(r"\n[ \t]*\n\s*")


class RecordError(InputError):
    """A bad line or record inside a JSON/JSONL file: the message names ``path:line``."""

    def __init__(self, path: str | None, line: int, reason: str):
        super().__init__(path, reason)
        self.line = line
        self.args = (f"{path or '<stdin>'}:{line}: {reason}",)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _string(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):  # {"name": "..."} publishers, {"href": ...} links
        value = value.get("name") or value.get("title") or value.get("href") or value.get("url")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | int)), None)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        s = str(value).strip()
        return s or None
    return None


def _body(value: Any) -> str | None:
    if isinstance(value, list):  # a list of paragraphs
        value = "\n\n".join(str(v) for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return None
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = html_to_text(text) if _MARKUP.search(text) else _BLANK.sub("\n\n", text.strip())
    return text or None


def record_article(record: Any, *, path: str | None, line: int) -> RawArticle | RecordError:
    if not isinstance(record, dict):
        return RecordError(path, line, f"record is a JSON {type(record).__name__}, not an object")
    text = _body(_first(record, TEXT_KEYS))
    if not text:
        return RecordError(path, line, f"record has no text (none of the fields {', '.join(TEXT_KEYS)})")
    raw_date = _first(record, DATE_KEYS)
    return RawArticle(
        text=text,
        format="jsonl",
        path=path,
        title=_string(_first(record, TITLE_KEYS)),
        published=normalise_date(raw_date),
        url=_string(_first(record, URL_KEYS)),
        publisher=_string(_first(record, PUBLISHER_KEYS)),
        id=_string(_first(record, ID_KEYS)),
        structured=True,
        meta={"line": line},
    )


def _records(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and _first(value, TEXT_KEYS) is None:
        for key in LIST_KEYS:
            if isinstance(value.get(key), list):
                return value[key]
    return [value]


def read_records(text: str, *, path: str | None) -> Iterator[RawArticle | InputError]:
    """Articles and per-record errors from a JSON document or JSON Lines text.

    Record numbers in errors are line numbers for JSON Lines and 1-based positions in the
    array for a JSON document.
    """
    stripped = text.lstrip()
    if not stripped:
        yield InputError(path, "empty file (only whitespace)")
        return
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        whole_error: json.JSONDecodeError | None = exc
    else:
        whole_error = None
    if whole_error is None:
        records = _records(whole)
        if not records:
            yield InputError(path, "no records (empty JSON array)")
        for k, record in enumerate(records, 1):
            yield record_article(record, path=path, line=k)
        return
    if stripped.startswith("[") and whole_error.msg != "Extra data":
        yield InputError(
            path, f"invalid JSON: {whole_error.msg} (line {whole_error.lineno}, column {whole_error.colno})"
        )
        return
    found = False
    for k, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        found = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(path, k, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield record_article(record, path=path, line=k)
    if not found:  # pragma: no cover - whitespace-only text returned above
        yield InputError(path, "empty file (only whitespace)")
