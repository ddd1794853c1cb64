"""From a RawArticle to a Document: title, body, publication date, publisher, removals."""

from __future__ import annotations

import re

from marsad.clean.boilerplate import furniture_reason, is_short_fragment, looks_like_outlet, word_count
from marsad.clean.duplicates import duplicate_paragraphs, folded_words
from marsad.document import Document, Removed, Source, document_id
from marsad.ingest.base import RawArticle

_ARABIC = re.compile(r"[\u0621-\u064a]")
_EDGE_SPACE = " \t\r\u00a0\u200f\u200e"
_DIGIT = re.compile(r"[0-9٠-٩]")
MAX_TITLE_WORDS = 30
EDGE_LINES = 4  # lines at each edge searched for a dateline
BREADCRUMB_WORDS = 3


def _lines(text: str) -> list[str]:
    """Non-empty lines, edge whitespace trimmed; inner characters untouched."""
    out = []
    for line in text.split("\n"):
        line = line.strip(_EDGE_SPACE)
        if line:
            out.append(line)
    return out


def _tail_start(lines: list[str], arabic: bool) -> int:
    """Index where trailing furniture begins (len(lines) when there is none).

    The tail is the maximal run of short non-sentence lines at the end; it is furniture
    when any line in it carries a furniture signal or names an outlet.
    """
    i = len(lines)
    while i > 0 and is_short_fragment(lines[i - 1]):
        i -= 1
    tail = lines[i:]
    if tail and any(furniture_reason(x, arabic_article=arabic) or looks_like_outlet(x) for x in tail):
        return i
    # No signal in the run: only lines that are furniture on their own go.
    j = len(lines)
    while j > 0 and furniture_reason(lines[j - 1], arabic_article=arabic):
        j -= 1
    return j


def _head_end(lines: list[str], start: int, arabic: bool) -> int:
    """Index after leading furniture (menus, breadcrumbs, share bars) before the first paragraph.

    In the run of short fragments after the title, a line with a furniture signal goes, and
    so do the very short (≤ 3 words) lines next to it: breadcrumb entries ("الرئيسية" then
    "أخبار عربية"). Longer unsignalled fragments may be subtitles and end the search.
    """
    i = start
    seen_signal = False
    while i < len(lines) and is_short_fragment(lines[i]):
        if furniture_reason(lines[i], arabic_article=arabic):
            seen_signal = True
        elif not (seen_signal and word_count(lines[i]) <= BREADCRUMB_WORDS):
            break
        i += 1
    return i


def _publication_date_from_text(lines: list[str]) -> str | None:
    from marsad.time.dates import find_publication_date

    for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]:
        found = find_publication_date(line) if _DIGIT.search(line) else None
        if found:
            return found
    return None


# A dateline opening a lead paragraph: "بيروت - ", "دمشق ـ ", "القاهرة (رويترز) - ".
_DATELINE = re.compile(r"^\S+(?:\s\S+)?(?:\s*\([^)]{1,30}\))?\s*[-–—ـ]\s")


def _lead_paragraph(line: str) -> bool:
    """A first line that is the story's lead, not its headline: it opens with a dateline, or it
    is a long sentence closed by a full stop (headlines carry none)."""
    return bool(_DATELINE.match(line)) or (line.rstrip().endswith(".") and word_count(line) > 12)


def clean_article(raw: RawArticle, published: str | None = None) -> Document:
    """Separate an article's body from its title and site furniture.

    ``published`` (the caller's date) applies only when the input carries none of its own.
    """
    lines = _lines(raw.text)
    arabic = bool(_ARABIC.search(raw.text[:4000]))
    removed: list[Removed] = []
    title = raw.title.strip() if raw.title else None
    publisher = raw.publisher

    first = 0
    if (title is None and not raw.structured and len(lines) > 1 and word_count(lines[0]) <= MAX_TITLE_WORDS
            and not _lead_paragraph(lines[0])):
        title = lines[0]
        first = 1

    head = _head_end(lines, first, arabic)
    removed += [Removed(x, furniture_reason(x, arabic_article=arabic) or "boilerplate") for x in lines[first:head]]
    tail = max(head, _tail_start(lines, arabic))
    for line in lines[tail:]:
        if publisher is None and looks_like_outlet(line):
            publisher = line
            removed.append(Removed(line, "publisher"))
        else:
            removed.append(Removed(line, furniture_reason(line, arabic_article=arabic) or "boilerplate"))

    body = lines[head:tail]
    words = [folded_words(line) for line in body]
    keep = [True] * len(body)
    if title:
        title_words = folded_words(title)
        for k, line in enumerate(body):
            if words[k] == title_words:
                keep[k] = False
                removed.append(Removed(line, "duplicate-title"))
    candidates = [k for k in range(len(body)) if keep[k]]
    for idx in sorted(duplicate_paragraphs([words[k] for k in candidates])):
        keep[candidates[idx]] = False
        removed.append(Removed(body[candidates[idx]], "duplicate-paragraph"))

    text = "\n\n".join(line for line, k in zip(body, keep, strict=True) if k)

    date, date_from = raw.published, "metadata"
    if not date:
        date, date_from = _publication_date_from_text(lines), "text"
    if not date and published:
        date, date_from = published, "argument"
    if not date:
        date_from = "none"

    source_key = "|".join(x for x in (raw.path, raw.url) if x)
    return Document(
        id=raw.id or document_id(source_key, text),
        text=text,
        title=title,
        source=Source(path=raw.path, url=raw.url, publisher=publisher, format=raw.format),
        published=date,
        published_from=date_from,  # type: ignore[arg-type]
        removed=removed,
    )
