"""RSS 0.9x/1.0/2.0 and Atom feeds: one article per item or entry.

Parsed with lxml's XML parser with entity resolution and network access off (feeds come
from outside). The fullest body wins: ``content:encoded``, Atom ``content``,
``description``, ``summary``; HTML inside it becomes paragraphs of text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from marsad.errors import InputError
from marsad.ingest.base import RawArticle
from marsad.ingest.dates import normalise_date
from marsad.ingest.html import html_to_text

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
BODY_TAGS = ("encoded", "content", "description", "summary")  # in order of preference
DATE_TAGS = ("pubDate", "published", "date", "issued", "created", "updated", "modified")


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c.tag) == name]


def _child_text(el: Any, name: str) -> str | None:
    for c in _children(el, name):
        text = "".join(c.itertext()).strip()
        if text:
            return text
    return None


def _body(el: Any) -> str:
    """Markup of the item's body: escaped HTML in text, or inline XHTML children."""
    for name in BODY_TAGS:
        for c in _children(el, name):
            if len(c):  # Atom type="xhtml": a <div> of real elements
                markup = "".join(etree.tostring(x, encoding="unicode", with_tail=True) for x in c)
                markup = (c.text or "") + markup
            else:
                markup = c.text or ""
            text = html_to_text(markup.strip())
            if text:
                return text
    return ""


def _link(el: Any) -> str | None:
    for c in _children(el, "link"):
        href = c.get("href")
        if href and c.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and c.text and c.text.strip():
            return c.text.strip()
    for c in _children(el, "link"):
        if c.get("href"):
            return c.get("href").strip()
    guid = _child_text(el, "guid")
    return guid if guid and guid.startswith("http") else None


def parse_feed(data: bytes, *, path: str | None) -> Iterator[RawArticle | InputError]:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        yield InputError(path, f"not a readable feed: {exc}")
        return
    if root is None:
        yield InputError(path, "not a readable feed: no XML element")
        return
    kind = _local(root.tag).lower()
    if kind not in ("rss", "rdf", "feed", "channel"):
        yield InputError(path, f"not an RSS or Atom feed (root element <{_local(root.tag)}>)")
        return
    channel = next((c for c in root if _local(c.tag) == "channel"), root)
    publisher = _child_text(channel, "title")
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not items:
        yield InputError(path, "feed has no items")
        return
    for k, item in enumerate(items, 1):
        link = _link(item)
        text = _body(item)
        if not text:
            yield InputError(path, f"item {k} ({link or 'no link'}): no content")
            continue
        published = None
        for name in DATE_TAGS:
            published = normalise_date(_child_text(item, name))
            if published:
                break
        yield RawArticle(
            text=text,
            format="rss",
            path=path,
            title=_child_text(item, "title"),
            published=published,
            url=link,
            publisher=publisher,
            id=_child_text(item, "guid") or _child_text(item, "id"),
            structured=True,
            meta={"item": k, "feed": kind},
        )
