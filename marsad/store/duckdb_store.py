"""The embedded store: one DuckDB file a user can open with the duckdb CLI.

Every document is written with all its rows in one transaction that first deletes the
document's previous rows, so re-running replaces instead of duplicating, and a killed
run leaves either the whole document or none of it. Rows go in column-wise (one
``unnest`` insert per table per batch) because row-wise inserts are ~1000x slower.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from marsad.document import Document

SCHEMA_VERSION = 1

# (table, columns with types). doc_id first everywhere; the ordering is the insert order.
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR PRIMARY KEY"), ("title", "VARCHAR"), ("text", "VARCHAR"), ("published", "DATE"),
        ("published_from", "VARCHAR"), ("language", "VARCHAR"), ("path", "VARCHAR"), ("url", "VARCHAR"),
        ("publisher", "VARCHAR"), ("format", "VARCHAR"), ("n_sentences", "INTEGER"), ("processed_at", "TIMESTAMP"),
        ("marsad_version", "VARCHAR"), ("record", "JSON"),
    ],
    "removed": [("doc_id", "VARCHAR"), ("seq", "INTEGER"), ("text", "VARCHAR"), ("reason", "VARCHAR")],
    "entities": [
        ("doc_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("type", "VARCHAR"), ("subtype", "VARCHAR"),
        ("name", "VARCHAR"), ("name_ar", "VARCHAR"), ("actor_code", "VARCHAR"), ("country", "VARCHAR"),
        ("sector", "VARCHAR"), ("wikidata", "VARCHAR"), ("title", "VARCHAR"), ("n_mentions", "INTEGER"),
    ],
    "mentions": [
        ("doc_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "VARCHAR"),
    ],
    "quotes": [
        ("doc_id", "VARCHAR"), ("quote_id", "VARCHAR"), ("speaker", "VARCHAR"), ("via", "VARCHAR"), ("cue", "VARCHAR"),
        ("direct", "BOOLEAN"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "VARCHAR"),
    ],
    "events": [
        ("doc_id", "VARCHAR"), ("event_id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
        ("context", "VARCHAR[]"), ("cameo", "VARCHAR"), ("quad", "VARCHAR"), ("source", "VARCHAR[]"),
        ("target", "VARCHAR[]"), ("source_actor", "VARCHAR[]"), ("target_actor", "VARCHAR[]"), ("date", "DATE"),
        ("date_precision", "VARCHAR"), ("place", "VARCHAR"), ("negated", "BOOLEAN"), ("hypothetical", "BOOLEAN"),
        ("historical", "BOOLEAN"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("trigger_text", "VARCHAR"), ("sentence", "INTEGER"), ("confidence", "DOUBLE"),
    ],
    "times": [
        ("doc_id", "VARCHAR"), ("seq", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "VARCHAR"),
        ("value", "VARCHAR"), ("precision", "VARCHAR"), ("kind", "VARCHAR"),
    ],
    "places": [
        ("doc_id", "VARCHAR"), ("place_id", "VARCHAR"), ("name", "VARCHAR"), ("name_ar", "VARCHAR"),
        ("geonameid", "BIGINT"), ("pcode", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("country", "VARCHAR"),
        ("admin1", "VARCHAR"), ("feature", "VARCHAR"), ("precision", "VARCHAR"),
    ],
    "place_mentions": [
        ("doc_id", "VARCHAR"), ("place_id", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "VARCHAR"),
    ],
}
DOC_TABLES = tuple(TABLES)

_META_DDL = [
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)",
    """CREATE TABLE IF NOT EXISTS errors (
        run_id VARCHAR, path VARCHAR, stage VARCHAR, message VARCHAR, reported_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, documents INTEGER,
        errors INTEGER, marsad_version VARCHAR, arguments VARCHAR)""",
]

# Migrations from version N-1 to N, applied in order on open.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{c} {t}' for c, t in cols)})"
        for name, cols in TABLES.items()
    ]
    + [f"CREATE INDEX IF NOT EXISTS {name}_doc ON {name}(doc_id)" for name in DOC_TABLES if name != "documents"]
    + [
        # Actors across the store: canonical identities are shared between documents, so
        # this is the "who appears where" table analysts start from.
        """CREATE OR REPLACE VIEW actors AS
           SELECT name, actor_code, country, sector, type, any_value(name_ar) AS name_ar,
                  count(DISTINCT doc_id) AS documents, sum(n_mentions) AS mentions
           FROM entities WHERE name IS NOT NULL
           GROUP BY name, actor_code, country, sector, type""",
    ],
}


def _rows(doc: Document, version: str, now: datetime) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of one document, per table."""
    d = doc.id
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    rows["documents"].append((
        d, doc.title, doc.text, doc.published, doc.published_from, doc.language, doc.source.path, doc.source.url,
        doc.source.publisher, doc.source.format, len(doc.sentences), now, version,
        json.dumps(doc.to_dict(), ensure_ascii=False),
    ))
    rows["removed"] = [(d, i, r.text, r.reason) for i, r in enumerate(doc.removed)]
    for e in doc.entities:
        a = e.actor
        rows["entities"].append((
            d, e.id, e.type, e.subtype, e.name, e.name_ar, a and a.code, a and a.country, a and a.sector,
            a and a.wikidata, e.title, len(e.mentions),
        ))
        rows["mentions"] += [(d, e.id, m.start, m.end, m.text) for m in e.mentions]
    rows["quotes"] = [(d, q.id, q.speaker, q.via, q.cue, q.direct, q.start, q.end, q.text) for q in doc.quotes]
    rows["events"] = [
        (d, v.id, v.type, v.mode, v.context, v.cameo, v.quad, v.source, v.target, v.source_actor, v.target_actor,
         _iso_day(v.date), v.date_precision, v.place, v.negated, v.hypothetical, v.historical, v.trigger.start,
         v.trigger.end, v.trigger.text, v.sentence, v.confidence)
        for v in doc.events
    ]
    rows["times"] = [(d, i, t.start, t.end, t.text, t.value, t.precision, t.kind) for i, t in enumerate(doc.times)]
    for p in doc.places:
        rows["places"].append((
            d, p.id, p.name, p.name_ar, p.geonameid, p.pcode, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision,
        ))
        rows["place_mentions"] += [(d, p.id, m.start, m.end, m.text) for m in p.mentions]
    return rows


def _iso_day(value: str | None) -> str | None:
    """Event dates may be month/year precision ("2016-08"); DATE columns take the first day."""
    if not value:
        return None
    parts = value.split("-")
    if len(parts) == 2:
        return f"{value}-01"
    if len(parts) == 1 and value.isdigit():
        return f"{value}-01-01"
    return value


class Store:
    """A DuckDB file holding documents and everything extracted from them."""

    def __init__(self, path: str | Path, version: str = "0"):
        self.path = str(path)
        self.version = version
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path)
        self._lock = threading.Lock()
        self._migrate()

    # -- schema ---------------------------------------------------------------------
    def _migrate(self) -> None:
        for ddl in _META_DDL:
            self.con.execute(ddl)
        current = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        for version in sorted(v for v in MIGRATIONS if v > current):
            self.con.execute("BEGIN TRANSACTION")
            for ddl in MIGRATIONS[version]:
                self.con.execute(ddl)
            self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, datetime.now(UTC)])
            self.con.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    # -- writes ---------------------------------------------------------------------
    def write(self, docs: Sequence[Document]) -> int:
        """Replace these documents' rows atomically; returns how many were stored."""
        if not docs:
            return 0
        unique = list({d.id: d for d in docs}.values())  # the last copy of a repeated id wins
        now = datetime.now(UTC)
        tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
        for doc in unique:
            for name, rows in _rows(doc, self.version, now).items():
                tables[name] += rows
        ids = [d.id for d in unique]
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for name in DOC_TABLES:
                    self.con.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT unnest($1))", [ids])
                for name, rows in tables.items():
                    self._insert(name, rows)
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        return len(unique)

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        columns = list(zip(*rows, strict=True))
        types = [t.split()[0] for _, t in TABLES[table]]
        selects = ", ".join(
            f"unnest(${i + 1}::{t.replace('[]', '')}[][], max_depth := 1)" if t.endswith("[]") else f"unnest(${i + 1}::{t}[])"
            for i, t in enumerate(types)
        )
        self.con.execute(f"INSERT INTO {table} SELECT {selects}", [list(c) for c in columns])

    def record_errors(self, run_id: str, errors: Iterable[tuple[str | None, str, str]]) -> None:
        now = datetime.now(UTC)
        rows = [(run_id, path, stage, message, now) for path, stage, message in errors]
        with self._lock:
            for row in rows:
                self.con.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?)", list(row))

    def record_run(self, run_id: str, started: datetime, documents: int, errors: int, arguments: str) -> None:
        with self._lock:
            self.con.execute(
                "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                [run_id, started, datetime.now(UTC), documents, errors, self.version, arguments],
            )

    # -- reads ----------------------------------------------------------------------
    def count(self, table: str = "documents") -> int:
        if table not in TABLES and table not in ("errors", "runs"):
            raise KeyError(table)
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT record FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return json.loads(row[0]) if row else None

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params or []).fetchall()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
