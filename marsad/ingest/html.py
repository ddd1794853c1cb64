"""HTML pages: main text, title, publication date and site name.

trafilatura finds the main text (``favor_precision``: navigation, asides, footers,
comments and share bars stay out); when it finds nothing, or is not importable, a small
lxml extractor takes the ``<article>``/``<main>`` blocks after dropping page furniture.
Metadata is read from the page itself first (``article:published_time`` and similar meta
tags, JSON-LD ``datePublished``, ``<time datetime>``), then from trafilatura's.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from marsad.errors import InputError
from marsad.ingest.base import RawArticle
from marsad.ingest.dates import normalise_date
from marsad.ingest.decode import Decoded, decode_text, normalise_newlines

log = logging.getLogger(__name__)

# Meta tags carrying the publication date, most specific first (Open Graph article, Dublin
# Core, Parsely, sailthru, Google News conventions).
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "og:published_time",
)
# Last resort, after every publication date including trafilatura's: when the page was last changed.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
TITLE_META = ("og:title", "twitter:title", "dc.title")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\u00a0\u200b\f\v]+")

# Page furniture removed by the fallback extractor: by tag, by ARIA role, by class/id words.
FURNITURE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
)
FURNITURE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar")
_FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|sidebar|aside|share|sharing|social|related|comments?|breadcrumbs?|"
    r"advert|ads?|banner|cookie|newsletter|subscribe|popup|modal|widget|most-read|trending|tags|copyright|rights)(?:$|[\s_-])",
    re.I,
)
# Removed before trafilatura looks at the page: its baseline extractor, used on small or odd
# pages, would otherwise keep menu and footer text.
PRUNE_XPATH = ["//nav", "//aside", "//footer"] + [
    f"//*[@role='{r}']" for r in ("navigation", "contentinfo", "complementary")
]
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "dl",
        "address",
        "hr",
    ]
)


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def decode_html(data: bytes, path: str | None, http_charset: str | None = None) -> Decoded:
    """BOM, then valid UTF-8, then the page's declared charset (or the HTTP one), then statistical decoding."""
    declared = _declared_charset(data) or (http_charset.lower() if http_charset else None)
    if (
        declared
        and declared not in ("utf-8", "utf8")
        and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    ):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return Decoded(normalise_newlines(data.decode(declared)), declared)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_text(data, path)


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = _SPACE.sub(" ", s).strip()
    return s or None


def _meta(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in out:
            out[key] = value.strip()
    return out


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def page_date(tree: Any, meta: dict[str, str]) -> str | None:
    """Publication date from the page's own metadata, or None."""
    for key in DATE_META:
        if key in meta:
            found = normalise_date(meta[key])
            if found:
                return found
    for item in _json_ld(tree):
        found = normalise_date(item.get("datePublished")) or normalise_date(item.get("dateCreated"))
        if found:
            return found
    for el in tree.iter("time"):
        found = normalise_date(el.get("datetime"))
        if found:
            return found
    return None


def page_publisher(tree: Any, meta: dict[str, str]) -> str | None:
    for key in SITE_META:
        if key in meta and _clean(meta[key]):
            return _clean(meta[key])
    for item in _json_ld(tree):
        pub = item.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str) and _clean(pub["name"]):
            return _clean(pub["name"])
    return None


def _is_furniture(el: Any) -> bool:
    if el.tag in FURNITURE_TAGS:
        return True
    if (el.get("role") or "").lower() in FURNITURE_ROLES:
        return True
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
    return (
        bool(attrs.strip())
        and bool(_FURNITURE_ATTR.search(attrs))
        and el.tag not in ("body", "html", "article", "main")
    )


def _paragraphs(root: Any) -> list[str]:
    """Text of ``root`` split into paragraphs at block elements."""
    parts: list[list[str]] = [[]]

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                parts[-1].append(el.tail)
            return
        block = el.tag in BLOCK_TAGS
        if block:
            parts.append([])
        if el.text:
            parts[-1].append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append([])
        if el.tail:
            parts[-1].append(el.tail)

    walk(root)
    out = []
    for chunk in parts:
        text = _clean(" ".join("".join(chunk).split("\n")))
        if text:
            out.append(text)
    return out


def html_to_text(markup: str) -> str:
    """Paragraphs of an HTML fragment (feed item, JSON record body), blank-line separated."""
    if "<" not in markup:
        return "\n\n".join(p for p in (_clean(x) for x in re.split(r"\n\s*\n", markup)) if p)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean(markup) or ""
    for el in list(root.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    return "\n\n".join(_paragraphs(root))


def _densest(tree: Any) -> Any:
    """The element whose ``<p>`` children hold the most text: the body of an unmarked page."""
    weight: dict[Any, int] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None:
            weight[parent] = weight.get(parent, 0) + len(p.text_content())
    if not weight:
        body = tree.find(".//body")
        return body if body is not None else tree
    return max(weight, key=weight.__getitem__)


def _fallback_text(tree: Any) -> str:
    for el in list(tree.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and _is_furniture(el):
            el.drop_tree()
    for el in list(tree.iter("time")):  # a standalone dateline element is metadata, not text
        parent = el.getparent()
        if parent is not None and parent.tag not in ("p", "span", "li", "td", "em", "strong", "b", "i", "a"):
            el.drop_tree()
    roots = tree.xpath("//article") or tree.xpath("//main") or [_densest(tree)]
    paragraphs: list[str] = []
    for root in roots:
        paragraphs.extend(_paragraphs(root))
    return "\n\n".join(paragraphs)


def _trafilatura(markup: str, url: str | None) -> dict[str, Any] | None:
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml_html_clean missing: the fallback still works
        log.warning("trafilatura unavailable (%s); using the simple HTML extractor", exc)
        return None
    try:
        found = trafilatura.bare_extraction(
            markup,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            with_metadata=True,
            prune_xpath=PRUNE_XPATH,
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on odd pages
        log.debug("trafilatura failed: %s", exc)
        return None
    if found is None:
        return None
    return found if isinstance(found, dict) else found.as_dict()


def _title_stripped(text: str, title: str | None) -> str:
    """Drop a first paragraph that only repeats the title (the page's ``<h1>``)."""
    if not title:
        return text
    first, sep, rest = text.partition("\n\n")
    return rest if sep and _clean(first) == _clean(title) else text


def parse_html(markup: str, *, path: str | None, url: str | None = None, encoding: str | None = None) -> RawArticle:
    """One article from an HTML page; InputError when it holds no text."""
    markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml refuses str with an encoding declaration
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"not parseable as HTML: {exc}") from None
    meta = _meta(tree)
    published = page_date(tree, meta)
    publisher = page_publisher(tree, meta)
    found = _trafilatura(markup, url)
    title = None
    text = ""
    if found:
        text = "\n\n".join(p for p in (_clean(x) for x in (found.get("text") or "").split("\n")) if p)
        title = _clean(found.get("title"))
        published = published or normalise_date(found.get("date"))
        publisher = publisher or _clean(found.get("sitename"))
    if not published:
        published = next((d for d in (normalise_date(meta.get(k)) for k in MODIFIED_META) if d), None)
    if not title:
        title = next((_clean(meta[k]) for k in TITLE_META if k in meta and _clean(meta[k])), None)
    if not title:
        h1 = tree.find(".//h1")
        title = _clean(h1.text_content()) if h1 is not None else _clean(tree.findtext(".//title"))
    if not text:
        text = _fallback_text(tree)
    text = _title_stripped(text, title)
    if not text.strip():
        raise InputError(path, "no article text found in HTML")
    return RawArticle(
        text=text,
        format="html",
        path=path,
        title=title,
        published=published,
        url=url or _clean(meta.get("og:url")),
        publisher=publisher,
        structured=True,
        encoding=encoding,
        meta={"extractor": "trafilatura" if found and found.get("text") else "lxml"},
    )


def read_html(data: bytes, *, path: str | None, url: str | None = None) -> RawArticle:
    decoded = decode_html(data, path)
    return parse_html(decoded.text, path=path, url=url, encoding=decoded.encoding)
