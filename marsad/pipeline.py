"""Stages registered by name and assembled into a configurable pipeline.

A stage is a callable ``(Document) -> Document`` built once per process by a factory
that loads its resources. Built-in stages are registered lazily as ``module:attr``
strings so that importing marsad stays cheap and a user can swap one by name
(``Pipeline.from_names([... "ner.crf" ...])``) or register their own with
``@register("my.stage")``.
"""

from __future__ import annotations

import gc
import importlib
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from marsad.document import Document
from marsad.errors import StageError


class Stage(Protocol):
    name: str
    #: Stages that only make sense on Arabic text are skipped for other languages.
    arabic_only: bool

    def __call__(self, doc: Document) -> Document: ...


Factory = Callable[..., Stage]

_BUILTIN: dict[str, str] = {
    "text": "marsad.text.stage:TextStage",
    "langid": "marsad.text.langid:LanguageStage",
    "ner": "marsad.ner.stage:NerStage",
    "actors": "marsad.actors.stage:ActorStage",
    "time": "marsad.time.stage:TimeStage",
    "geo": "marsad.geo.stage:GeoStage",
    "quotes": "marsad.quotes.stage:QuoteStage",
    "events": "marsad.events.stage:EventStage",
}
_REGISTRY: dict[str, Factory] = {}

#: The default order: every later stage may rely on all earlier ones.
DEFAULT_STAGES: tuple[str, ...] = ("text", "langid", "ner", "actors", "time", "geo", "quotes", "events")


def register(name: str) -> Callable[[Factory], Factory]:
    """Decorator: make a stage factory available under ``name``."""

    def deco(factory: Factory) -> Factory:
        _REGISTRY[name] = factory
        return factory

    return deco


def get_factory(name: str) -> Factory:
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name in _BUILTIN:
        module, attr = _BUILTIN[name].split(":")
        factory = getattr(importlib.import_module(module), attr)
        _REGISTRY[name] = factory
        return factory
    known = ", ".join(sorted(set(_REGISTRY) | set(_BUILTIN)))
    raise KeyError(f"unknown stage {name!r} (known: {known})")


def available_stages() -> list[str]:
    return sorted(set(_REGISTRY) | set(_BUILTIN))


@dataclass
class StageTiming:
    seconds: float = 0.0
    documents: int = 0


@dataclass
class Pipeline:
    stages: list[Stage]
    timings: dict[str, StageTiming] = field(default_factory=dict)

    @classmethod
    def from_names(cls, names: Iterable[str] = DEFAULT_STAGES, config: dict[str, dict[str, Any]] | None = None) -> Pipeline:
        config = config or {}
        stages = []
        for name in names:
            stage = get_factory(name)(**config.get(name, {}))
            stage.name = getattr(stage, "name", name) or name
            stages.append(stage)
        return cls(stages)

    @classmethod
    def from_config(cls, path: str | Path) -> Pipeline:
        """Build from a TOML file: ``stages = [...]`` plus one table of options per stage."""
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        names = data.pop("stages", list(DEFAULT_STAGES))
        return cls.from_names(names, data)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            if getattr(stage, "arabic_only", False) and doc.language not in (None, "ar"):
                continue
            t0 = time.perf_counter()
            try:
                doc = stage(doc)
            except Exception as exc:
                raise StageError(stage.name, doc.source.path or doc.source.url, exc) from exc
            timing = self.timings.setdefault(stage.name, StageTiming())
            timing.seconds += time.perf_counter() - t0
            timing.documents += 1
        return doc


@contextmanager
def resources_frozen() -> Iterator[None]:
    """Keep the objects alive now (loaded stage resources) out of garbage collection for a batch.

    The collector's full passes walk every live container object; lexicons, gazetteer and
    models are hundreds of thousands of them and never become garbage (~10% of a batch's
    time went to walking them). ``gc.freeze()`` parks them in a permanent generation, which
    also keeps their pages shared with forked workers; ``gc.unfreeze()`` when the batch ends.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide default pipeline (resources are loaded once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.from_names()
    return _DEFAULT
