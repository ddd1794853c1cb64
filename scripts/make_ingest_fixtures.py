"""Build the ingestion test fixtures in tests/data/ingest/ from the bundled sample articles.

Deterministic (fixed seed, fixed WARC dates and record ids): running it again rewrites the
same bytes. Usage: ``.venv/bin/python scripts/make_ingest_fixtures.py``

Layout:
  batch/    the "messy folder" of issue 2: the good sample, an empty file, random bytes, the
            article in Windows-1256 and UTF-16, an HTML page of it, a JSONL file with one
            good and one broken line;
  formats/  the other supported inputs: ISO-8859-6, UTF-8 with BOM, BOM-less UTF-16,
            Latin-1 mojibake, RSS, Atom, WARC.
"""

from __future__ import annotations

import html
import io
import json
import random
import shutil
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "000_c35d0598cd5afa25.txt"
SECOND = ROOT / "examples" / "003_59205ff8b6276687.txt"
OUT = ROOT / "tests" / "data" / "ingest"
SITE = "أخبار الشام"
PUBLISHED = "2016-08-02T10:00:00+03:00"
MIN_PARAGRAPH_WORDS = 8  # shorter lines of the sample are its title or site furniture


def title_and_paragraphs(path: Path) -> tuple[str, list[str]]:
    lines = [x.strip() for x in path.read_text(encoding="utf-8").split("\n") if x.strip()]
    return lines[0], [x for x in lines[1:] if len(x.split()) >= MIN_PARAGRAPH_WORDS]


def html_page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} | {SITE}</title>
  <meta property="og:site_name" content="{SITE}">
  <meta property="og:title" content="{html.escape(title)}">
  <meta property="article:published_time" content="{PUBLISHED}">
</head>
<body>
  <header><a href="/">{SITE}</a></header>
  <nav class="main-menu">
    <ul>
      <li><a href="/">الصفحة الرئيسية</a></li>
      <li><a href="/politics">قسم السياسة الدولية</a></li>
      <li><a href="/economy">قسم الاقتصاد والأعمال</a></li>
      <li><a href="/sport">قسم الرياضة العربية</a></li>
    </ul>
  </nav>
  <main>
    <article>
      <h1>{html.escape(title)}</h1>
      <time datetime="{PUBLISHED}">{PUBLISHED[:10]}</time>
{body}
    </article>
    <aside class="related">
      <h3>مواضيع ذات صلة بهذا الخبر</h3>
      <ul>
        <li><a href="/a/1">ارتفاع أسعار الذهب في الأسواق المحلية خلال الأسبوع الماضي</a></li>
        <li><a href="/a/2">افتتاح معرض الكتاب السنوي بمشاركة عشرات دور النشر</a></li>
      </ul>
    </aside>
  </main>
  <footer>
    <p>جميع الحقوق محفوظة لموقع {SITE} 2016</p>
    <p><a href="/about">من نحن</a> | <a href="/contact">اتصل بنا</a></p>
  </footer>
</body>
</html>
"""


def rss_feed(items: list[tuple[str, list[str]]]) -> str:
    entries = []
    for k, (title, paragraphs) in enumerate(items):
        content = "".join(f"<p>{p}</p>" for p in paragraphs)
        body = (
            f"<content:encoded><![CDATA[{content}]]></content:encoded>"
            if k == 0
            else f"<description>{html.escape(content, quote=False)}</description>"
        )
        entries.append(
            f"""    <item>
      <title>{html.escape(title, quote=False)}</title>
      <link>https://news.example.org/article/{k + 1}</link>
      <guid>https://news.example.org/article/{k + 1}</guid>
      <pubDate>Tue, 0{2 + k} Aug 2016 10:00:00 +0300</pubDate>
      {body}
    </item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>{SITE}</title>
    <link>https://news.example.org/</link>
    <description>آخر الأخبار</description>
{chr(10).join(entries)}
  </channel>
</rss>
"""


def atom_feed(items: list[tuple[str, list[str]]]) -> str:
    entries = []
    for k, (title, paragraphs) in enumerate(items):
        content = html.escape("".join(f"<p>{p}</p>" for p in paragraphs), quote=False)
        tag = "content" if k == 0 else "summary"
        entries.append(
            f"""  <entry>
    <title>{html.escape(title, quote=False)}</title>
    <link rel="alternate" href="https://news.example.org/atom/{k + 1}"/>
    <id>urn:example:atom:{k + 1}</id>
    <published>2016-08-0{2 + k}T10:00:00+03:00</published>
    <updated>2016-08-0{3 + k}T08:00:00+03:00</updated>
    <{tag} type="html">{content}</{tag}>
  </entry>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{SITE}</title>
  <id>urn:example:atom</id>
  <updated>2016-08-03T08:00:00+03:00</updated>
{chr(10).join(entries)}
</feed>
"""


def warc(page: str) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    date = "2016-08-03T12:00:00Z"
    info_headers = StatusAndHeaders("", [], protocol="WARC/1.0")
    for name, value in (
        ("WARC-Type", "warcinfo"),
        ("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000001>"),
        ("WARC-Filename", "article.warc.gz"),
        ("WARC-Date", date),
    ):
        info_headers.add_header(name, value)
    info = b"software: marsad fixture builder\r\n"
    writer.write_record(
        writer.create_warc_record("", "warcinfo", payload=io.BytesIO(info), length=len(info), warc_headers=info_headers)
    )
    url = "https://news.example.org/article/1"
    request = writer.create_warc_record(
        url,
        "request",
        payload=io.BytesIO(b"GET /article/1 HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000002>"},
    )
    writer.write_record(request)
    payload = page.encode("utf-8")
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    response = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000003>"},
    )
    writer.write_record(response)
    image = writer.create_warc_record(
        "https://news.example.org/logo.png",
        "response",
        payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(32)),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000004>"},
    )
    writer.write_record(image)
    return buf.getvalue()


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    title, paragraphs = title_and_paragraphs(SAMPLE)
    second = title_and_paragraphs(SECOND)
    page = html_page(title, paragraphs)
    shutil.rmtree(OUT, ignore_errors=True)
    batch, formats = OUT / "batch", OUT / "formats"
    batch.mkdir(parents=True)
    formats.mkdir(parents=True)

    (batch / "article_utf8.txt").write_bytes(text.encode("utf-8"))
    (batch / "article_cp1256.txt").write_bytes(text.encode("cp1256"))
    (batch / "article_utf16.txt").write_bytes(text.encode("utf-16"))  # little-endian with BOM
    (batch / "article.html").write_text(page, encoding="utf-8")
    good = {
        "id": "fixture-jsonl-1",
        "title": title,
        "text": "\n\n".join(paragraphs),
        "published": PUBLISHED,
        "url": "https://news.example.org/article/1",
        "publisher": SITE,
    }
    broken = json.dumps({"id": "fixture-jsonl-2", "title": second[0], "text": second[1][0]}, ensure_ascii=False)
    (batch / "records.jsonl").write_text(
        json.dumps(good, ensure_ascii=False) + "\n" + broken[:-25] + "\n", encoding="utf-8"
    )
    (batch / "empty.txt").write_bytes(b"")
    (batch / "random.bin").write_bytes(random.Random(20160802).randbytes(2048))

    (formats / "article_iso8859_6.txt").write_bytes(text.encode("iso8859_6"))
    (formats / "article_utf8_bom.txt").write_bytes(text.encode("utf-8-sig"))
    (formats / "article_utf16be_nobom.txt").write_bytes(text.encode("utf-16-be"))
    (formats / "article_mojibake.txt").write_bytes(text.encode("utf-8").decode("latin-1").encode("utf-8"))
    (formats / "feed.rss").write_text(rss_feed([(title, paragraphs), (second[0], second[1][:2])]), encoding="utf-8")
    (formats / "feed.atom").write_text(atom_feed([(title, paragraphs), (second[0], second[1][:2])]), encoding="utf-8")
    (formats / "article.warc.gz").write_bytes(warc(page))
    for f in sorted(OUT.rglob("*")):
        if f.is_file():
            print(f"{f.relative_to(ROOT)}  {f.stat().st_size} bytes")


if __name__ == "__main__":
    main()
