"""Readers: every supported format and encoding of the sample article reads back intact.

Fixtures are built by scripts/make_ingest_fixtures.py from examples/000_*.txt.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import detect_format, iter_inputs, read_bytes
from marsad.ingest import html as html_reader
from marsad.ingest.base import RawArticle
from marsad.ingest.dates import normalise_date

DATA = Path(__file__).parent / "data" / "ingest"
SAMPLE_000 = Path(__file__).resolve().parent.parent / "examples" / "000_c35d0598cd5afa25.txt"
BATCH = DATA / "batch"
FORMATS = DATA / "formats"
PARAGRAPH_WORDS = 8  # the fixture builder's rule for what is an article paragraph

# Text of the fixture page's <nav>, <aside> and <footer>: none of it may reach the article.
FURNITURE = [
    "الصفحة الرئيسية",
    "قسم السياسة الدولية",
    "قسم الاقتصاد والأعمال",
    "مواضيع ذات صلة",
    "ارتفاع أسعار الذهب",
    "معرض الكتاب",
    "جميع الحقوق محفوظة",
    "من نحن",
    "اتصل بنا",
]


@pytest.fixture(scope="module")
def original() -> str:
    return SAMPLE_000.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def paragraphs(original: str) -> list[str]:
    lines = [x.strip() for x in original.split("\n") if x.strip()]
    # HTML collapses runs of spaces, so compare paragraphs with single spaces.
    return [" ".join(x.split()) for x in lines[1:] if len(x.split()) >= PARAGRAPH_WORDS]


def read_one(path: Path) -> RawArticle:
    items = list(iter_inputs([str(path)]))
    assert len(items) == 1, items
    assert isinstance(items[0], RawArticle), items[0]
    return items[0]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("batch/article_utf8.txt", "utf-8"),
        ("batch/article_cp1256.txt", "windows-1256"),
        ("batch/article_utf16.txt", "utf-16"),
        ("formats/article_iso8859_6.txt", "iso-8859-6"),
        ("formats/article_utf8_bom.txt", "utf-8 with BOM"),
        ("formats/article_utf16be_nobom.txt", "utf-16-be"),
        ("formats/article_mojibake.txt", "utf-8 (repaired from latin-1 mojibake)"),
    ],
)
def test_plain_text_encodings_decode_to_the_original(name: str, encoding: str, original: str) -> None:
    raw = read_one(DATA / name)
    assert raw.text == original
    assert raw.encoding == encoding
    assert raw.format == "txt"
    assert raw.structured is False and raw.title is None  # the cleaner finds the title line
    assert raw.path == str(DATA / name)


def test_newlines_normalised_and_nuls_stripped(original: str) -> None:
    data = original.replace("\n", "\r\n").encode("cp1256")
    assert read_bytes(data, path="a.txt")[0].text == original
    old_mac = original.replace("\n", "\r").encode("utf-8")
    assert read_bytes(old_mac, path="a.txt")[0].text == original
    with_nul = original[:100].encode("utf-8") + b"\x00" + original[100:].encode("utf-8")
    assert read_bytes(with_nul, path="a.txt")[0].text == original


def test_damaged_utf8_keeps_the_text_and_says_so(original: str) -> None:
    data = original.encode("utf-8")
    cut = data.index(b" ", 500) + 1
    damaged = data[:cut] + b"\xff" + data[cut:]
    raw = read_bytes(damaged, path="a.txt")[0]
    assert raw.text == original[: len(data[:cut].decode())] + "\ufffd" + original[len(data[:cut].decode()) :]
    assert raw.encoding is not None and "1 invalid byte sequence replaced" in raw.encoding


def test_truncated_utf16_download_keeps_the_text(original: str) -> None:
    data = original.encode("utf-16")[:-1]  # cut inside the last code unit
    raw = read_bytes(data, path="a.txt")[0]
    assert raw.text == original[:-1] + "\ufffd"
    assert raw.encoding == "utf-16 (1 invalid byte sequence replaced)"


def test_short_arabic_in_each_code_page_is_told_apart() -> None:
    sentence = "قال الوزير إن المفاوضات مستمرة في جنيف منذ يومين"
    assert read_bytes(sentence.encode("cp1256"), path=None)[0].encoding == "windows-1256"
    assert read_bytes(sentence.encode("iso8859_6"), path=None)[0].encoding == "iso-8859-6"
    assert read_bytes(sentence.encode("iso8859_6"), path=None)[0].text == sentence


def test_western_text_is_not_read_as_arabic() -> None:
    text = "Le président a déclaré mercredi que l'économie était en très bonne santé."
    raw = read_bytes(text.encode("latin-1"), path="fr.txt")[0]
    assert raw.text == text


def test_html_page_main_text_title_date_publisher(paragraphs: list[str], original: str) -> None:
    raw = read_one(BATCH / "article.html")
    assert raw.format == "html" and raw.structured
    assert raw.title == original.split("\n")[0].strip()
    assert raw.published == "2016-08-02"
    assert raw.publisher == "أخبار الشام"
    assert raw.text.split("\n\n") == paragraphs
    for piece in FURNITURE:
        assert piece not in raw.text


def test_html_fallback_extractor_drops_furniture(monkeypatch: pytest.MonkeyPatch, paragraphs: list[str]) -> None:
    monkeypatch.setattr(html_reader, "_trafilatura", lambda markup, url: None)
    raw = read_one(BATCH / "article.html")
    assert raw.meta["extractor"] == "lxml"
    assert raw.text.split("\n\n") == paragraphs
    assert raw.published == "2016-08-02"
    assert raw.publisher == "أخبار الشام"
    for piece in FURNITURE:
        assert piece not in raw.text


def test_html_date_from_json_ld_and_time_element(paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:3])
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2016-08-04T09:30:00Z"}</script>'
    page = f"<html><head><title>خبر</title>{ld}</head><body><article>{body}</article></body></html>"
    assert read_bytes(page.encode(), path="p.html")[0].published == "2016-08-04"
    page = f'<html><body><article><time datetime="2016-08-05">الجمعة</time>{body}</article></body></html>'
    assert read_bytes(page.encode(), path="p.html")[0].published == "2016-08-05"
    modified = '<meta property="article:modified_time" content="2016-09-01T08:00:00Z">'
    page = f"<html><head>{modified}{ld}</head><body><article>{body}</article></body></html>"
    assert read_bytes(page.encode(), path="p.html")[0].published == "2016-08-04"  # JSON-LD publication wins
    page = f'<html><head>{modified}</head><body><article><time datetime="2016-08-05">الجمعة</time>{body}</article></body></html>'
    assert read_bytes(page.encode(), path="p.html")[0].published == "2016-08-05"


def test_html_in_windows_1256_with_declared_charset(paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:3])
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><article>{body}</article></body></html>'
    raw = read_bytes(page.encode("cp1256"), path="p.html")[0]
    assert raw.text.split("\n\n") == paragraphs[:3]
    assert raw.encoding == "windows-1256"


def test_jsonl_one_good_record_and_one_broken_line(paragraphs: list[str]) -> None:
    items = list(iter_inputs([str(BATCH / "records.jsonl")]))
    articles = [x for x in items if isinstance(x, RawArticle)]
    errors = [x for x in items if isinstance(x, InputError)]
    assert len(articles) == 1 and len(errors) == 1
    raw = articles[0]
    assert raw.id == "fixture-jsonl-1"
    assert raw.published == "2016-08-02"
    assert raw.url == "https://news.example.org/article/1"
    assert raw.publisher == "أخبار الشام"
    assert raw.structured and raw.title
    assert [" ".join(p.split()) for p in raw.text.split("\n\n")] == paragraphs
    assert str(errors[0]).startswith(f"{BATCH / 'records.jsonl'}:2: invalid JSON")
    assert errors[0].path == str(BATCH / "records.jsonl")


def test_json_aliases_array_and_wrapped_records() -> None:
    records = [
        {
            "_id": 7,
            "headline": "عنوان",
            "content": "<p>الفقرة الأولى من الخبر.</p><p>الفقرة الثانية.</p>",
            "date": "02/08/2016",
        },
        {"id": "b", "body": ["فقرة أولى.", "فقرة ثانية."], "pub_date": 1470121200, "source": {"name": "وكالة"}},
    ]
    for payload in (records, {"articles": records}):
        out = read_bytes(json.dumps(payload, ensure_ascii=False).encode(), path="r.json")
        assert [a.id for a in out] == ["7", "b"]
        assert out[0].title == "عنوان"
        assert out[0].text == "الفقرة الأولى من الخبر.\n\nالفقرة الثانية."
        assert out[0].published == "2016-08-02"
        assert out[1].text == "فقرة أولى.\n\nفقرة ثانية."
        assert out[1].published == "2016-08-02"
        assert out[1].publisher == "وكالة"


def test_record_without_text_is_an_error_the_others_still_read() -> None:
    lines = [json.dumps({"id": "1", "text": "نص الخبر الأول."}), json.dumps({"id": "2", "title": "بلا نص"}), "[1, 2]"]
    errors: list[InputError] = []
    out = read_bytes("\n".join(lines).encode(), path="r.jsonl", errors=errors)
    assert [a.id for a in out] == ["1"]
    assert [str(e).split(": ")[0] for e in errors] == ["r.jsonl:2", "r.jsonl:3"]
    assert "no text" in str(errors[0]) and "not an object" in str(errors[1])


def test_rss_feed_items(paragraphs: list[str]) -> None:
    items = list(iter_inputs([str(FORMATS / "feed.rss")]))
    assert all(isinstance(x, RawArticle) for x in items) and len(items) == 2
    first, second = items
    assert first.text.split("\n\n") == paragraphs
    assert first.url == "https://news.example.org/article/1"
    assert first.published == "2016-08-02" and second.published == "2016-08-03"
    assert first.publisher == "أخبار الشام" and first.format == "rss"
    assert second.title and second.title.startswith("لافروف")
    assert "<p>" not in second.text and len(second.text.split("\n\n")) == 2


@pytest.mark.parametrize("declared", [True, False])
def test_feed_in_an_arabic_code_page(declared: bool, paragraphs: list[str]) -> None:
    decl = '<?xml version="1.0" encoding="windows-1256"?>' if declared else ""
    item = f"<item><title>خبر</title><description>&lt;p&gt;{paragraphs[0]}&lt;/p&gt;</description></item>"
    feed = f'{decl}<rss version="2.0"><channel><title>موقع</title>{item}</channel></rss>'
    (raw,) = read_bytes(feed.encode("cp1256"), path="feed.xml")
    assert raw.text == paragraphs[0] and raw.title == "خبر" and raw.publisher == "موقع"


def test_atom_feed_entries(paragraphs: list[str]) -> None:
    items = list(iter_inputs([str(FORMATS / "feed.atom")]))
    assert all(isinstance(x, RawArticle) for x in items) and len(items) == 2
    assert items[0].text.split("\n\n") == paragraphs
    assert items[0].url == "https://news.example.org/atom/1"
    assert items[0].published == "2016-08-02"  # <published>, not <updated>
    assert items[1].text and "<p>" not in items[1].text


def test_warc_html_response(paragraphs: list[str]) -> None:
    items = list(iter_inputs([str(FORMATS / "article.warc.gz")]))
    assert len(items) == 1 and isinstance(items[0], RawArticle), items  # request, image and warcinfo skipped
    raw = items[0]
    assert raw.format == "warc" and raw.url == "https://news.example.org/article/1"
    assert raw.published == "2016-08-02"  # the page's own date, not the capture date
    assert raw.meta["warc_date"] == "2016-08-03T12:00:00Z"
    assert raw.text.split("\n\n") == paragraphs
    for piece in FURNITURE:
        assert piece not in raw.text


def test_warc_date_is_the_fallback_for_undated_pages(paragraphs: list[str]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs[:3]) + "</article></body></html>"
    ).encode("iso8859_6")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=ISO-8859-6")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://x.example/a",
            "response",
            payload=io.BytesIO(page),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2017-01-05T00:00:00Z"},
        )
    )
    text = paragraphs[0].encode("cp1256")
    writer.write_record(
        writer.create_warc_record(
            "https://x.example/b", "resource", payload=io.BytesIO(text), warc_content_type="text/plain"
        )
    )
    out = read_bytes(buf.getvalue(), path=None)  # sniffed: no file name
    assert [a.url for a in out] == ["https://x.example/a", "https://x.example/b"]
    assert out[0].published == "2017-01-05"
    assert out[0].text.split("\n\n") == paragraphs[:3] and out[0].encoding == "iso-8859-6"
    assert out[1].text == paragraphs[0] and out[1].encoding == "windows-1256"
    assert out[1].published is None


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "rss"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "rss"),
        (b'{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        (b'[{"text": "x"}]', "jsonl"),
        (b"WARC/1.0\r\n", "warc"),
        ("خبر عاجل\n\nنص".encode("cp1256"), "txt"),
        ("[عاجل] انفجار في المدينة\n\nنص الخبر".encode(), "txt"),
        ("{{ ملاحظة }} نص".encode(), "txt"),
        ("<html><body>خبر</body></html>".encode("utf-16"), "html"),
    ],
)
def test_content_sniffing(data: bytes, fmt: str) -> None:
    assert detect_format(data, None) == fmt
    assert detect_format(data, "no_extension") == fmt


def test_extension_wins_over_content() -> None:
    assert detect_format(b"<html><body>x</body></html>", "page.txt") == "txt"
    assert detect_format(b"plain words", "x.json") == "jsonl"
    assert detect_format(b"plain words", "feed.xml") == "rss"
    assert detect_format(b"x", "crawl.warc.gz") == "warc"
    assert detect_format(b"x", None, hint="json") == "jsonl"


def test_stdin_sniffs_the_format(monkeypatch: pytest.MonkeyPatch, original: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(original.encode("cp1256"))))
    (raw,) = list(iter_inputs(["-"]))
    assert isinstance(raw, RawArticle)
    assert raw.text == original and raw.format == "stdin" and raw.path is None
    page = (BATCH / "article.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    (raw,) = list(iter_inputs(["-"]))
    assert isinstance(raw, RawArticle) and raw.format == "html" and raw.published == "2016-08-02"


def test_gzipped_text_file(tmp_path: Path, original: str) -> None:
    path = tmp_path / "article.txt.gz"
    path.write_bytes(gzip.compress(original.encode("cp1256"), mtime=0))
    assert read_one(path).text == original


def test_directory_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path, original: str) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(original, encoding="utf-8")
    (tmp_path / "1.txt").write_text(original, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(original, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(original, encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)]))
    assert [Path(x.path).relative_to(tmp_path).as_posix() for x in items if isinstance(x, RawArticle) and x.path] == [
        "1.txt",
        "b/2.txt",
    ]
    assert len(items) == 2


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2016-08-02T10:00:00+03:00", "2016-08-02"),
        ("2016-08-02", "2016-08-02"),
        ("20160802", "2016-08-02"),
        ("Tue, 02 Aug 2016 10:00:00 +0300", "2016-08-02"),
        ("2016/8/2", "2016-08-02"),
        ("02/08/2016", "2016-08-02"),
        ("٢٠١٦-٠٨-٠٢", "2016-08-02"),
        (1470121200, "2016-08-02"),
        ("1470121200000", "2016-08-02"),
        ("2016-13-45", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_normalise_date(value: object, iso: str | None) -> None:
    assert normalise_date(value) == iso


CLASS_MARKED_PAGE = """<html><head><title>{title} - الموقع</title><meta name="pubdate" content="2019-03-14"></head><body>
<div class="top-menu"><a href="/">الرئيسية</a> <a href="/w">العالم</a> <a href="/s">رياضة</a></div>
<div id="content"><h1>{title}</h1>
<div class="share-buttons"><a>فيسبوك</a><a>تويتر</a><a>واتساب</a></div>
<div class="article-body">{body}</div>
<div class="related-news"><h3>أخبار ذات صلة</h3><a href="/1">انخفاض أسعار النفط في الأسواق العالمية اليوم</a></div>
</div><div id="sidebar"><h3>الأكثر قراءة</h3><ul><li><a>فوز المنتخب الوطني في مباراة الأمس الودية</a></li></ul></div>
<div class="copyright">جميع الحقوق محفوظة 2019</div></body></html>"""


@pytest.mark.parametrize("extractor", ["trafilatura", "lxml"])
def test_page_without_semantic_tags(monkeypatch: pytest.MonkeyPatch, paragraphs: list[str], extractor: str) -> None:
    if extractor == "lxml":
        monkeypatch.setattr(html_reader, "_trafilatura", lambda markup, url: None)
    title = "وزير الخارجية الروسي يبحث الوضع في حلب"
    page = CLASS_MARKED_PAGE.format(title=title, body="".join(f"<p>{p}</p>" for p in paragraphs[2:6]))
    raw = read_bytes(page.encode("utf-8"), path="page.html")[0]
    assert raw.meta["extractor"] == extractor
    assert raw.title == title and raw.published == "2019-03-14"
    assert raw.text.split("\n\n") == paragraphs[2:6]
