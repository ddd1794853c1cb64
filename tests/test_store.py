"""The embedded DuckDB store: idempotent, atomic per batch, queryable."""

from __future__ import annotations

import duckdb
import pytest

from marsad.document import Actor, Document, Entity, Event, Place, Quote, Removed, Span, TimeExpression
from marsad.store import Store
from marsad.store.duckdb_store import SCHEMA_VERSION

TEXT = "قال وزير الخارجية الروسي سيرغي لافروف أمس إن موسكو مستعدة لإجراء الحوار مع واشنطن بشأن حلب."


def _doc(doc_id: str = "d1") -> Document:
    doc = Document(id=doc_id, text=TEXT, title="لافروف: مستعدون للحوار", published="2016-08-02", language="ar")
    doc.removed = [Removed("SHARE", "latin-ui")]
    lavrov = TEXT.index("سيرغي لافروف")
    doc.entities = [
        Entity("E1", "PER", [Span(lavrov, lavrov + 12, "سيرغي لافروف")], name="Sergei Lavrov",
               actor=Actor("RUSGOV", "RUS", "GOV")),
    ]
    doc.quotes = [Quote("Q1", TEXT.index("موسكو"), len(TEXT) - 1, TEXT[TEXT.index("موسكو"):-1], speaker="E1",
                        cue="قال", direct=False)]
    doc.events = [Event("V1", "CONSULT", Span(TEXT.index("الحوار"), TEXT.index("الحوار") + 6, "الحوار"), 0,
                        source=["E1"], source_actor=["RUSGOV"], date="2016-08", date_precision="month")]
    doc.times = [TimeExpression(TEXT.index("أمس"), TEXT.index("أمس") + 3, "أمس", "2016-08-01", "day")]
    aleppo = TEXT.index("حلب")
    doc.places = [Place("P1", "Aleppo", "حلب", 36.2, 37.13, "SYR", "Aleppo", "city", "city", 170063,
                        mentions=[Span(aleppo, aleppo + 3, "حلب")])]
    return doc


def test_write_is_idempotent(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        assert store.write([_doc()]) == 1
        assert store.write([_doc()]) == 1
        assert store.write([_doc(), _doc()]) == 1
        counts = {t: store.count(t) for t in ("documents", "removed", "entities", "mentions", "quotes", "events",
                                               "times", "places", "place_mentions")}
    assert counts == {"documents": 1, "removed": 1, "entities": 1, "mentions": 1, "quotes": 1, "events": 1,
                      "times": 1, "places": 1, "place_mentions": 1}


def test_rewrite_replaces_child_rows(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        store.write([_doc()])
        changed = _doc()
        changed.events = []
        store.write([changed])
        assert store.count("events") == 0
        assert store.count("entities") == 1


def test_user_can_query_with_plain_duckdb(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        store.write([_doc("a"), _doc("b")])
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute(
        "SELECT e.name, e.actor_code, d.published FROM entities e JOIN documents d USING (doc_id) ORDER BY doc_id"
    ).fetchall()
    assert [r[:2] for r in rows] == [("Sergei Lavrov", "RUSGOV")] * 2
    assert str(rows[0][2]) == "2016-08-02"
    event = con.execute("SELECT date, source_actor, trigger_text FROM events WHERE doc_id = 'a'").fetchone()
    assert (str(event[0]), event[1], event[2]) == ("2016-08-01", ["RUSGOV"], "الحوار")
    record = con.execute("SELECT record->>'$.title' FROM documents WHERE doc_id = 'a'").fetchone()[0]
    assert record == "لافروف: مستعدون للحوار"
    con.close()


def test_failed_batch_leaves_nothing_half_written(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        store.write([_doc("a")])
        bad = _doc("b")
        bad.events[0].date = "not-a-date"  # the DATE column rejects it mid-transaction
        with pytest.raises(duckdb.Error):
            store.write([_doc("c"), bad])
        assert store.count("documents") == 1
        assert store.query("SELECT doc_id FROM documents") == [("a",)]
        assert store.count("entities") == 1


def test_schema_version_and_reopen(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        store.write([_doc()])
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.document("d1")["entities"][0]["name"] == "Sergei Lavrov"


def test_actors_view_counts_identities_across_documents(tmp_path):
    with Store(tmp_path / "m.duckdb") as store:
        store.write([_doc("a"), _doc("b")])
        rows = store.query("SELECT name, actor_code, documents, mentions FROM actors")
    assert rows == [("Sergei Lavrov", "RUSGOV", 2, 2)]
