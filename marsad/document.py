"""The document record: the one type every stage reads and enriches.

Mirrors ``spec/output.md``. Offsets (``start``/``end``) are code-point offsets into
``Document.text``, end exclusive. Fields whose metadata says ``output=False`` are
working state shared between stages (tokens, NER mentions) and never serialised.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC", "GPE", "MISC"]
Precision = Literal["day", "week", "month", "year", "unknown"]
Quad = Literal["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
Format = Literal["txt", "html", "jsonl", "warc", "rss", "stdin"]
PublishedFrom = Literal["argument", "metadata", "text", "none"]


#: Field metadata of working state shared between stages but left out of the output record.
WORKING = {"output": False}


@dataclass(slots=True)
class Source:
    path: str | None = None
    url: str | None = None
    publisher: str | None = None
    format: Format = "txt"


@dataclass(slots=True)
class Removed:
    text: str
    reason: str


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    type: EntityType
    mentions: list[Span] = field(default_factory=list)
    subtype: str | None = None
    name: str | None = None
    name_ar: str | None = None
    actor: Actor | None = None
    title: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    via: str | None = None
    cue: str | None = None
    direct: bool = True


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad: Quad | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_actor: list[str] = field(default_factory=list)
    target_actor: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: Precision = "unknown"
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    confidence: float = 0.0


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None = None
    precision: Precision = "unknown"
    kind: Literal["date", "range", "duration", "time"] = "date"


@dataclass(slots=True)
class Place:
    id: str
    name: str
    name_ar: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: str | None = None
    geonameid: int | None = None
    pcode: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Token:
    """A token with its offsets and the normalised forms later stages match on."""

    start: int
    end: int
    text: str
    norm: str  # orthographically folded (see marsad.text.normalize)
    stem: str  # norm with proclitics (و ف ب ل ك + ال) removed
    sentence: int = 0


@dataclass(slots=True)
class Mention:
    """An NER hit before grouping into entities (working state)."""

    start: int
    end: int
    text: str
    type: EntityType
    subtype: str | None = None
    score: float = 1.0
    entity: str | None = None


@dataclass(slots=True)
class Document:
    id: str
    text: str
    title: str | None = None
    source: Source = field(default_factory=Source)
    published: str | None = None
    published_from: PublishedFrom = "none"
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list, metadata=WORKING, repr=False, compare=False)
    mentions: list[Mention] = field(default_factory=list, metadata=WORKING, repr=False, compare=False)
    meta: dict[str, Any] = field(default_factory=dict, metadata=WORKING, repr=False, compare=False)

    # -- convenience used by stages -------------------------------------------------
    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            start, end = self.sentences[mid]
            if offset < start:
                hi = mid - 1
            elif offset >= end:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sentences) - 1))

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_tokens(self, index: int) -> list[Token]:
        return [t for t in self.tokens if t.sentence == index]

    def to_dict(self) -> dict[str, Any]:
        return _as_output(self)


def _as_output(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return {
            f.name: _as_output(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.metadata.get("output", True)
        }
    if isinstance(obj, (list, tuple)):
        return [_as_output(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _as_output(v) for k, v in obj.items()}
    return obj


def document_id(source: str | None, text: str) -> str:
    """Stable id: the same input always maps to the same record (idempotent stores)."""
    digest = hashlib.sha1(f"{source or ''}\x00{text}".encode()).hexdigest()
    return digest[:16]


def json_schema() -> dict[str, Any]:
    """JSON Schema of the output record, generated from the types above."""
    from pydantic import TypeAdapter
    from pydantic.json_schema import GenerateJsonSchema

    class _OutputOnly(GenerateJsonSchema):
        def dataclass_schema(self, schema):  # type: ignore[override]
            cls = schema["cls"]
            hidden = {f.name for f in dataclasses.fields(cls) if not f.metadata.get("output", True)}
            if hidden:
                schema = dict(schema)
                inner = dict(schema["schema"])
                inner["fields"] = [f for f in inner["fields"] if f["name"] not in hidden]
                schema["schema"] = inner
            return super().dataclass_schema(schema)

    out = TypeAdapter(Document).json_schema(schema_generator=_OutputOnly, mode="serialization")
    # Every field is always present in a record (empty rather than missing).
    for obj in [out, *out.get("$defs", {}).values()]:
        if "properties" in obj:
            obj["required"] = list(obj["properties"])
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = "Marsad document record"
    return out
