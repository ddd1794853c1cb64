"""The document model against its published JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from marsad.document import Document, Source, document_id, json_schema
from marsad.testing import make_document

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "document.schema.json"


def test_committed_schema_is_in_sync_with_the_types():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `make schema` and commit schema/document.schema.json"


def test_contract_fields_are_required_in_the_schema():
    schema = json_schema()
    for name in ("id", "source", "published", "published_from", "language", "title", "text", "removed",
                 "sentences", "entities", "quotes", "events", "times", "places"):
        assert name in schema["required"]
    event = schema["$defs"]["Event"]["properties"]
    for name in ("type", "mode", "context", "cameo", "quad", "source", "target", "source_actor", "target_actor",
                 "date", "date_precision", "place", "negated", "hypothetical", "historical", "trigger", "sentence",
                 "confidence"):
        assert name in event


def test_empty_document_validates_and_has_every_field():
    record = Document(id="x", text="", source=Source()).to_dict()
    jsonschema.validate(record, json_schema())
    assert record["entities"] == [] and record["published"] is None
    assert "tokens" not in record and "meta" not in record


def test_working_state_is_not_serialised():
    doc = make_document("قال الرئيس إن الحوار مستمر.")
    assert doc.tokens
    record = doc.to_dict()
    assert "tokens" not in record and "mentions" not in record
    jsonschema.validate(record, json_schema())


def test_sentence_lookup():
    doc = make_document("الجملة الأولى. الجملة الثانية. الجملة الثالثة.")
    assert [doc.sentence_of(doc.text.index(w)) for w in ("الأولى", "الثانية", "الثالثة")] == [0, 1, 2]


def test_document_id_is_stable_and_content_sensitive():
    assert document_id("a.txt", "نص") == document_id("a.txt", "نص")
    assert document_id("a.txt", "نص") != document_id("b.txt", "نص")
