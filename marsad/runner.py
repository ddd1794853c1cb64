"""Batches: inputs -> readers -> cleaner -> pipeline -> JSONL / store, never dying on one file.

The same functions serve the CLI (`marsad process`) and the Python API
(`marsad.process`, `marsad.process_text`).
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.pool
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TextIO

from marsad.clean.cleaner import clean_article
from marsad.document import Document
from marsad.errors import InputError, MarsadError, StageError
from marsad.ingest.base import RawArticle
from marsad.pipeline import Pipeline, default_pipeline, resources_frozen

STORE_BATCH = 64  # documents per store transaction


@dataclass(slots=True)
class ProcessingError:
    path: str | None
    stage: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class BatchSummary:
    documents: int = 0
    stored: int = 0
    written: int = 0
    errors: list[ProcessingError] = field(default_factory=list)
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("entities", "quotes", "events", "times", "places"), 0))
    outputs: set[str] = field(default_factory=set)  # "records" and/or "store"

    def add(self, doc: Document) -> None:
        self.documents += 1
        for key in self.counts:
            self.counts[key] += len(getattr(doc, key))

    def table(self) -> str:
        rows = [("documents", self.documents)]
        rows += [(k, v) for k, v in self.counts.items()]
        if "records" in self.outputs:
            rows.append(("records written", self.written))
        if "store" in self.outputs:
            rows.append(("records stored", self.stored))
        rows.append(("errors", len(self.errors)))
        rows.append(("seconds", f"{self.seconds:.2f}"))
        width = max(len(k) for k, _ in rows)
        lines = ["─" * (width + 14)] + [f"  {k:<{width}}  {v:>8}" for k, v in rows] + ["─" * (width + 14)]
        return "\n".join(lines)


def _as_error(err: MarsadError) -> ProcessingError:
    if isinstance(err, StageError):
        return ProcessingError(err.path, err.stage, str(err))
    if isinstance(err, InputError):
        return ProcessingError(err.path, "ingest", str(err))
    return ProcessingError(None, "unknown", str(err))


def _read(inputs: Iterable[str]) -> Iterator[RawArticle | InputError]:
    from marsad.ingest import iter_inputs

    yield from iter_inputs(list(inputs))


def _process_raw(raw: RawArticle, published: str | None, pipeline: Pipeline) -> Document:
    try:
        doc = clean_article(raw, published)
    except Exception as exc:  # a cleaner bug must not kill the batch either
        raise StageError("clean", raw.path or raw.url, exc) from exc
    if not doc.text.strip():
        raise InputError(raw.path or raw.url, "no article text after cleaning")
    return pipeline(doc)


# -- worker processes -----------------------------------------------------------------
# Forked workers inherit the parent's pipeline (resources loaded once, pages shared
# copy-on-write); spawned ones (no fork on the platform) build it from its stage names.
_WORKER: tuple[Pipeline, str | None, bool] | None = None


def _init_worker(stage_names: list[str], published: str | None, working_state: bool = True) -> None:
    global _WORKER
    _WORKER = (Pipeline.from_names(stage_names), published, working_state)


def _run_one(raw: RawArticle, published: str | None, pipeline: Pipeline, working_state: bool
             ) -> Document | MarsadError:
    """One article through the pipeline, its error returned rather than raised."""
    try:
        doc = _process_raw(raw, published, pipeline)
    except MarsadError as err:
        return err
    if not working_state:
        _drop_working_state(doc)
    return doc


def _work(raw: RawArticle) -> Document | MarsadError:
    assert _WORKER is not None
    pipeline, published, working_state = _WORKER
    return _run_one(raw, published, pipeline, working_state)


def _drop_working_state(doc: Document) -> None:
    """Empty the fields that are not part of the record (tokens, NER mentions, meta).

    They are most of a processed document's pickle: a worker that keeps them spends more
    time sending a document back than the parent spends writing it.
    """
    doc.tokens, doc.mentions, doc.meta = [], [], {}


@contextmanager
def worker_pool(workers: int, pipeline: Pipeline, published: str | None = None,
                working_state: bool = True) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of ``workers`` processes that run ``_work`` with ``pipeline``."""
    global _WORKER
    if sys.platform.startswith("linux"):
        _WORKER = (pipeline, published, working_state)
        try:
            with resources_frozen(), multiprocessing.get_context("fork").Pool(workers) as pool:
                yield pool
        finally:
            _WORKER = None
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, _init_worker, (pipeline.names, published, working_state)) as pool:
        yield pool


def iter_process(
    inputs: Iterable[str],
    *,
    published: str | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    working_state: bool = True,
) -> Iterator[Document | MarsadError]:
    """Documents in input order, interleaved with the errors met on the way.

    ``working_state=False`` returns documents without tokens, NER mentions and meta (what
    the record leaves out): cheaper to send back from worker processes.
    """
    pipeline = pipeline or default_pipeline()
    raws = _read(inputs)
    if workers <= 1:
        with resources_frozen():
            for raw in raws:
                yield raw if isinstance(raw, MarsadError) else _run_one(raw, published, pipeline, working_state)
        return
    with worker_pool(workers, pipeline, published, working_state) as pool:
        pending: list[InputError] = []

        def articles() -> Iterator[RawArticle]:
            for raw in raws:
                if isinstance(raw, MarsadError):
                    pending.append(raw)
                else:
                    yield raw

        for result in pool.imap(_work, articles(), chunksize=8):
            while pending:
                yield pending.pop(0)
            yield result
        yield from pending


def run_batch(
    inputs: Iterable[str],
    *,
    published: str | None = None,
    out: TextIO | None = None,
    fmt: str = "jsonl",
    db: str | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    progress: bool = False,
    on_error: Callable[[ProcessingError], None] | None = None,
) -> BatchSummary:
    """Process a batch, streaming records to ``out`` and/or the store at ``db``."""
    from marsad import __version__

    inputs = list(inputs)
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    summary = BatchSummary()
    summary.outputs = {name for name, on in (("records", out is not None), ("store", bool(db))) if on}
    store = None
    if db:
        from marsad.store import Store

        store = Store(db, version=__version__)
    run_id = uuid.uuid4().hex[:12]
    pending: list[Document] = []
    first_json = True
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="marsad", file=sys.stderr, dynamic_ncols=True)

    def flush() -> None:
        if store and pending:
            summary.stored += store.write(pending)
        pending.clear()

    try:
        if out is not None and fmt == "json":
            out.write("[")
        # Records and the store only need the output fields.
        for item in iter_process(inputs, published=published, pipeline=pipeline, workers=workers, working_state=False):
            if isinstance(item, MarsadError):
                err = _as_error(item)
                summary.errors.append(err)
                if on_error:
                    on_error(err)
                continue
            summary.add(item)
            if out is not None:
                line = json.dumps(item.to_dict(), ensure_ascii=False)
                if fmt == "json":
                    out.write(("\n" if first_json else ",\n") + line)
                    first_json = False
                else:
                    out.write(line + "\n")
                summary.written += 1
            if store is not None:
                pending.append(item)
                if len(pending) >= STORE_BATCH:
                    flush()
            if bar is not None:
                bar.update(1)
        flush()
        if out is not None and fmt == "json":
            out.write("\n]\n")
    finally:
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - t0
        if store is not None:
            store.record_errors(run_id, ((e.path, e.stage, e.message) for e in summary.errors))
            store.record_run(run_id, started, summary.stored, len(summary.errors), json.dumps(list(map(str, inputs))))
            store.close()
    return summary


def process(
    inputs: str | Iterable[str],
    *,
    published: str | None = None,
    pipeline: Pipeline | None = None,
    db: str | None = None,
) -> list[Document]:
    """Process files/directories and return their documents (errors are skipped; see run_batch)."""
    if isinstance(inputs, str):
        inputs = [inputs]
    docs = [d for d in iter_process(inputs, published=published, pipeline=pipeline) if isinstance(d, Document)]
    if db:
        from marsad.store import Store

        with Store(db) as store:
            store.write(docs)
    return docs


def process_text(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Process one article given as a string (first line is the title unless ``title`` is given)."""
    raw = RawArticle(text=text, format="txt", title=title, structured=title is not None)
    doc = clean_article(raw, published)
    return (pipeline or default_pipeline())(doc)
