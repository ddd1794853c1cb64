"""Stores for processed documents: embedded DuckDB by default."""

from marsad.store.duckdb_store import Store

DEFAULT_DB = "marsad.duckdb"

__all__ = ["DEFAULT_DB", "Store"]
