"""Typed errors: the batch runner records them (path, stage, message) and goes on."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class; ``str(err)`` is the one-line message shown to users."""


class InputError(MarsadError):
    """An input cannot be read as an article: missing, empty, binary, malformed."""

    def __init__(self, path: str | None, reason: str):
        super().__init__(f"{path or '<stdin>'}: {reason}")
        self.path = path
        self.reason = reason


class DecodeError(InputError):
    """Bytes that no supported encoding decodes into plausible text."""


class ResourceError(MarsadError):
    """A packaged resource (model, lexicon, gazetteer) is missing or corrupt."""
