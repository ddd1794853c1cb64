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


class StageError(MarsadError):
    """A pipeline stage failed on one document; the batch goes on without it."""

    def __init__(self, stage: str, path: str | None, cause: BaseException):
        super().__init__(f"{path or '<input>'}: stage {stage} failed: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.path = path
        self.cause = cause
