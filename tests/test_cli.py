"""End-to-end runs of the `marsad` command on realistic, messy input folders."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from marsad.clean.cleaner import clean_article
from marsad.ingest.base import RawArticle

LEAD = "تجنبت وزارة الخارجية الأمريكية, يوم الثلاثاء, التعليق"
CLOSING = "وقصف المدن."


def _marsad(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad", *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)


def _html_page(title: str, body: str) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | سيريانيوز</title>
<meta property="article:published_time" content="2016-08-02T09:15:00+03:00">
<meta property="og:site_name" content="سيريانيوز"></head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">أخبار سوريا</a></li><li><a href="/eco">اقتصاد</a></li></ul></nav>
<main><article><h1>{title}</h1>
{paragraphs}
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">ارتفاع أسعار الذهب في الأسواق المحلية اليوم</a></li>
<li><a href="/2">منتخب سوريا يتأهل إلى الدور النهائي من البطولة الآسيوية</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة لموقع سيريانيوز 2016</p><a href="/contact">اتصل بنا</a></footer>
</body></html>"""


@pytest.fixture
def messy_dir(tmp_path, sample_000_text) -> Path:
    """The issue's acceptance folder: one good article in five forms, plus junk."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(sample_000_text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.bin").write_bytes(random.Random(7).randbytes(4096))
    (folder / "arabic-1256.txt").write_bytes(sample_000_text.replace("\u200f", "").encode("cp1256", errors="strict"))
    (folder / "arabic-utf16.txt").write_bytes(sample_000_text.encode("utf-16"))
    clean = clean_article(RawArticle(sample_000_text, "txt"))
    (folder / "page.html").write_text(_html_page(clean.title, clean.text), encoding="utf-8")
    good = json.dumps({"id": "art-1", "title": clean.title, "text": clean.text, "url": "https://example.org/a"},
                      ensure_ascii=False)
    (folder / "records.jsonl").write_text(good + "\n" + '{"id": "art-2", "title": "broken\n', encoding="utf-8")
    return folder


def test_messy_folder_gives_five_records_and_named_errors(messy_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    db = tmp_path / "m.duckdb"
    result = _marsad("process", str(messy_dir), "--format", "jsonl", "--out", str(out), "--db", str(db),
                     "--no-progress")
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "empty.txt" in stderr and "garbage.bin" in stderr
    assert "records.jsonl" in stderr  # the broken line is reported with its file
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    for record in records:
        assert LEAD in record["text"] or LEAD.replace(",", "،") in record["text"]
        assert record["text"].count("تجنبت وزارة الخارجية الأمريكية") == 1
        assert record["text"].rstrip().endswith(CLOSING)
        assert "SHARE" not in record["text"]
        for ent in record["entities"]:
            for m in ent["mentions"]:
                assert record["text"][m["start"] : m["end"]] == m["text"]
    html = next(r for r in records if r["source"]["format"] == "html")
    assert html["published"] == "2016-08-02" and html["published_from"] == "metadata"
    for furniture in ("الرئيسية", "الأكثر قراءة", "أسعار الذهب", "جميع الحقوق", "اتصل بنا"):
        assert furniture not in html["text"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] >= 3
    con.close()


def test_reprocessing_into_the_store_does_not_duplicate(tmp_path, sample_000_text, sample_003_text):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(sample_000_text, encoding="utf-8")
    (folder / "b.txt").write_text(sample_003_text, encoding="utf-8")
    db = tmp_path / "m.duckdb"
    for _ in range(2):
        result = _marsad("process", str(folder), "--db", str(db), "--no-progress")
        assert result.returncode == 0, result.stderr.decode()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    per_doc = con.execute("SELECT doc_id, count(*) FROM entities GROUP BY doc_id").fetchall()
    con.close()
    assert len(per_doc) == 2


def test_stdin_and_published_argument(sample_003_text):
    result = _marsad("process", "-", "--published", "2016-09-17", "--format", "json", stdin=sample_003_text.encode())
    assert result.returncode == 0, result.stderr.decode()
    records = json.loads(result.stdout)
    assert len(records) == 1
    assert records[0]["published"] == "2016-09-17" and records[0]["published_from"] == "argument"
    assert records[0]["title"].startswith("لافروف يطلب")


def test_nothing_processable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = _marsad("process", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "--no-progress")
    assert result.returncode != 0
    stderr = result.stderr.decode()
    assert "empty.txt" in stderr and "missing.txt" in stderr and "Traceback" not in stderr


def test_strict_fails_on_any_error(tmp_path, sample_000_text):
    (tmp_path / "good.txt").write_text(sample_000_text, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    ok = _marsad("process", str(tmp_path), "--no-progress", "--stages", "text,langid")
    strict = _marsad("process", str(tmp_path), "--no-progress", "--stages", "text,langid", "--strict")
    assert ok.returncode == 0 and strict.returncode != 0


def test_bad_date_argument_is_one_clear_line(sample_000_text, tmp_path):
    result = _marsad("process", "-", "--published", "02/08/2016", stdin=sample_000_text.encode())
    assert result.returncode != 0
    assert "YYYY-MM-DD" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_records_validate_against_the_schema(sample_000_text):
    import jsonschema

    from marsad.document import json_schema

    result = _marsad("process", "-", "--published", "2016-08-02", stdin=sample_000_text.encode())
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout.decode().splitlines()[0])
    jsonschema.validate(record, json_schema())
    text = record["text"]
    for s, e in record["sentences"]:
        assert text[s:e].strip() == text[s:e]
    for key in ("quotes",):
        for q in record[key]:
            assert text[q["start"] : q["end"]] == q["text"]
    for ev in record["events"]:
        t = ev["trigger"]
        assert text[t["start"] : t["end"]] == t["text"]
    for t in record["times"]:
        assert text[t["start"] : t["end"]] == t["text"]
    for p in record["places"]:
        for m in p["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_actor_dictionary_commands(tmp_path):
    from marsad.actors.dictionary import CURATED

    copy = tmp_path / "actors.jsonl"
    copy.write_text(CURATED.read_text(encoding="utf-8"), encoding="utf-8")
    assert _marsad("actors", "validate", str(copy)).returncode == 0
    added = _marsad("actors", "add", "Ayman Safadi", "--ar", "أيمن الصفدي", "--country", "JOR", "--code", "JORGOV",
                    "--role", "foreign minister", "--start", "2017-01-15", "--path", str(copy))
    assert added.returncode == 0, added.stderr.decode()
    assert "أيمن الصفدي" in copy.read_text(encoding="utf-8")
    assert _marsad("actors", "validate", str(copy)).returncode == 0
    copy.write_text('{"name": "Broken", "country": "XX"\n', encoding="utf-8")
    broken = _marsad("actors", "validate", str(copy))
    assert broken.returncode != 0 and "Traceback" not in broken.stderr.decode()


@pytest.mark.parametrize(
    ("kind", "path", "keys"),
    [
        ("ner", "tests/data/ner_tiny.conll", {"precision", "recall", "f1", "per_type", "tokens", "seconds"}),
        ("events", "tests/data/events_tiny.csv", {"type", "clean", "hard", "sentences", "seconds"}),
        ("actors", "tests/data/actors_spans_tiny.json", {"type", "source_country_acc", "source_sector_acc",
                                                          "target_country_acc", "target_sector_acc", "records"}),
        ("dates", "data/gold/dates.jsonl", set()),
        ("places", "data/gold/places.jsonl", set()),
        ("quotes", "data/gold/quotes.jsonl", set()),
    ],
)
def test_eval_commands_end_with_one_json_line(kind, path, keys):
    root = Path(__file__).resolve().parent.parent
    result = _marsad("eval", kind, str(root / path))
    assert result.returncode == 0, result.stderr.decode()
    last = json.loads(result.stdout.decode().strip().splitlines()[-1])
    assert keys <= set(last)


def test_show_summarises_the_store(tmp_path, sample_003_text):
    (tmp_path / "a.txt").write_text(sample_003_text, encoding="utf-8")
    db = tmp_path / "m.duckdb"
    assert _marsad("process", str(tmp_path / "a.txt"), "--db", str(db), "--no-progress").returncode == 0
    shown = _marsad("show", "--db", str(db))
    assert shown.returncode == 0
    out = shown.stdout.decode()
    assert "لافروف يطلب" in out and "CONSULT" in out
    missing = _marsad("show", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode != 0 and "no such store" in missing.stderr.decode()


def test_bench_reports_every_stage_as_json():
    result = _marsad("bench", "--docs", "4", "--stages", "text,langid,time")
    assert result.returncode == 0, result.stderr.decode()
    figures = json.loads(result.stdout.decode().strip().splitlines()[-1])
    assert figures["documents"] == 4 and figures["tokens"] > 0
    assert {"ingest", "clean", "text", "langid", "time"} <= set(figures["stages"])
    assert figures["pipeline"]["docs_per_s"] > 0 and figures["peak_rss_mb"] > 0


def test_non_arabic_articles_are_flagged_and_skip_arabic_stages(tmp_path):
    english = ("Russia and the United States agree on Aleppo truce\n\n"
               "Foreign Minister Sergei Lavrov said on Monday that Moscow and Washington had agreed "
               "to a ceasefire in Aleppo. The agreement is due to take effect at sunset on Tuesday.")
    result = _marsad("process", "-", stdin=english.encode())
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout.decode().splitlines()[0])
    assert record["language"] == "en"
    assert record["entities"] == [] and record["events"] == [] and record["times"] == []
    assert record["sentences"]  # language-neutral stages still ran


def test_killed_run_leaves_only_whole_documents(tmp_path, sample_000_text):
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    paragraphs = sample_000_text.split("\n\n")
    n = 1500  # enough that the kill lands mid-run even with two fast workers
    for i in range(n):  # distinct articles: each variant drops a different paragraph
        body = "\n\n".join(p for j, p in enumerate(paragraphs) if j != i % len(paragraphs))
        (folder / f"a{i:04d}.txt").write_text(f"{body}\n\nنسخة {i}", encoding="utf-8")
    db = tmp_path / "m.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "process", str(folder), "--db", str(db),
                             "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until the store exists and writing is under way, then kill without warning.
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None and not (db.exists() and db.stat().st_size > 0):
        time.sleep(0.2)
    time.sleep(4)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(db))
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert stored % 64 == 0 or stored == n  # whole batches only
    mismatched = con.execute(
        """SELECT count(*) FROM documents d
           WHERE json_array_length(d.record->'entities') <> (SELECT count(*) FROM entities e WHERE e.doc_id = d.doc_id)"""
    ).fetchone()[0]
    assert mismatched == 0
    con.close()
    assert stored < n  # it really was cut off
    rerun = _marsad("process", str(folder), "--db", str(db), "--no-progress", "--stages", "text,langid")
    assert rerun.returncode == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == n
