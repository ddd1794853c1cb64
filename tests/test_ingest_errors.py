"""Bad inputs: each one becomes one InputError naming the path, and the batch goes on."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from marsad.errors import DecodeError, InputError
from marsad.ingest import iter_inputs, read_bytes
from marsad.ingest.base import RawArticle

DATA = Path(__file__).parent / "data" / "ingest"
SAMPLE_000 = Path(__file__).resolve().parent.parent / "examples" / "000_c35d0598cd5afa25.txt"
BATCH = DATA / "batch"


def errors_of(items: list[RawArticle | InputError]) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]


def only_error(path: Path | str, **kwargs: int) -> InputError:
    items = list(iter_inputs([str(path)], **kwargs))
    assert len(items) == 1 and isinstance(items[0], InputError), items
    message = str(items[0])
    assert not items[0].reason.startswith("could not be read"), message  # a reader bug, not a bad input
    assert message.startswith(f"{path}: ") and "\n" not in message
    return items[0]


def test_issue_batch_folder_yields_five_articles_and_names_the_bad_files() -> None:
    items = list(iter_inputs([str(BATCH)]))
    articles = [x for x in items if isinstance(x, RawArticle)]
    errors = {Path(e.path or "").name: e.reason for e in errors_of(items)}
    assert len(articles) == 5
    assert sorted(Path(a.path or "").name for a in articles) == [
        "article.html",
        "article_cp1256.txt",
        "article_utf16.txt",
        "article_utf8.txt",
        "records.jsonl",
    ]
    assert errors == {
        "empty.txt": "empty file",
        "random.bin": "binary content, not text",
        "records.jsonl": errors["records.jsonl"],
    }
    assert errors["records.jsonl"].startswith("invalid JSON")


def test_whole_fixture_tree_never_raises() -> None:
    items = list(iter_inputs([str(DATA), str(DATA / "missing.txt"), str(BATCH / "empty.txt")]))
    assert sum(isinstance(x, RawArticle) for x in items) == 5 + 9
    for err in errors_of(items):
        assert err.path and str(err).startswith(err.path)
        assert not err.reason.startswith("could not be read")  # the reader-bug safety net


def test_missing_path() -> None:
    assert only_error("/nonexistent/article.txt").reason == "no such file or directory"


def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    assert only_error(tmp_path / "empty.txt").reason == "empty file"
    assert only_error(tmp_path / "blank.txt").reason == "empty file (only whitespace)"


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    for k in range(5):
        path = tmp_path / f"noise{k}"
        path.write_bytes(rng.randbytes(rng.randint(64, 4096)))
        assert only_error(path).reason.startswith("binary content, not text")


def test_known_binary_formats_are_named(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n" + "نص".encode() * 50)
    assert only_error(path).reason == "binary content, not text (PDF document)"


def test_undecodable_high_bytes() -> None:
    data = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(DecodeError) as info:
        read_bytes(data, path="odd.txt")
    assert str(info.value).startswith("odd.txt: undecodable bytes")


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SAMPLE_000.read_bytes() * 4)
    err = only_error(path, max_bytes=10_000)
    assert err.reason.startswith("file too large (0.0 MB > 0.01 MB limit)")


def test_empty_directory_and_hidden_only(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert only_error(empty).reason == "no readable files in directory"
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / ".DS_Store").write_bytes(b"x")
    assert only_error(hidden).reason == "no readable files in directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("نص", encoding="utf-8")
    path.chmod(0)
    try:
        assert only_error(path).reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_unreadable_path_reports_the_os_error(tmp_path: Path) -> None:
    # A dangling symlink exists as a name but cannot be opened, whoever runs the test.
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert only_error(link).reason == "no such file or directory"


def test_broken_feed_and_broken_json_document(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><catalog><book id="1"/></catalog>', encoding="utf-8")
    assert only_error(feed).reason == "not an RSS or Atom feed (root element <catalog>)"
    page = tmp_path / "page.xml"
    page.write_text("<html><body><nav>القائمة</nav></body></html>", encoding="utf-8")
    assert only_error(page).reason == "no article text found in HTML"
    items_only = tmp_path / "empty_feed.rss"
    items_only.write_text('<rss version="2.0"><channel><title>t</title></channel></rss>', encoding="utf-8")
    assert only_error(items_only).reason == "feed has no items"
    array = tmp_path / "records.json"
    array.write_text('[{"text": "نص"}, {"text": ', encoding="utf-8")
    assert only_error(array).reason.startswith("invalid JSON")


def test_broken_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage-after-gzip-magic" * 3)
    assert "WARC" in only_error(path).reason


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(SAMPLE_000.read_bytes())
    items = list(iter_inputs([str(tmp_path / "missing"), str(tmp_path)]))
    assert [type(x).__name__ for x in items] == ["InputError", "InputError", "RawArticle"]


def test_read_bytes_raises_when_nothing_is_readable() -> None:
    with pytest.raises(InputError, match=r"^<stdin>: empty file$"):
        read_bytes(b"", path=None)


def test_warc_is_streamed_and_the_limit_applies_per_record(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "crawl.warc"
    path.write_bytes(gzip.decompress((DATA / "formats" / "article.warc.gz").read_bytes()))
    page_bytes = (BATCH / "article.html").stat().st_size
    assert path.stat().st_size > page_bytes + 500
    items = list(
        iter_inputs([str(path)], max_bytes=page_bytes + 500)
    )  # the file is over the limit, its records are not
    assert len(items) == 1 and isinstance(items[0], RawArticle)
    err = only_error(path, max_bytes=1000)
    assert "record 3 (https://news.example.org/article/1): record too large" in err.reason


def test_permission_denied_is_reported_even_when_running_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marsad.ingest as ingest

    path = tmp_path / "locked.txt"
    path.write_bytes(SAMPLE_000.read_bytes())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    assert only_error(path).reason == "permission denied"


def test_unlistable_directory_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.ingest as ingest

    folder = tmp_path / "inbox"
    folder.mkdir()

    def walk(top: str, onerror: object = None) -> list[object]:
        onerror(PermissionError(13, "Permission denied", top))  # type: ignore[operator]
        return []

    monkeypatch.setattr(ingest.os, "walk", walk)
    assert only_error(folder).reason == "permission denied"


def test_damaged_copies_of_every_fixture_never_hit_a_reader_bug(tmp_path: Path) -> None:
    """Truncated and byte-flipped inputs give articles or clean errors, never a crash."""
    rng = random.Random(2016)
    for source in sorted(p for p in DATA.rglob("*") if p.is_file() and p.stat().st_size):
        data = source.read_bytes()
        for k in range(4):
            damaged = bytearray(data[: rng.randrange(1, len(data) + 1)] if k % 2 == 0 else data)
            for _ in range(rng.randint(1, 12) if k % 2 else 0):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            path = tmp_path / f"{k}_{source.name}"
            path.write_bytes(bytes(damaged))
            for item in iter_inputs([str(path)]):
                if isinstance(item, InputError):
                    assert not item.reason.startswith("could not be read"), item
                    assert str(item).startswith(str(path))
