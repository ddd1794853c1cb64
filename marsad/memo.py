"""A bounded per-process memo for functions of one word, looked up at dict speed."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """``memo[key]`` is ``fn(key)``, computed once and kept.

    Stages call such functions once per token; a hit here is a plain dict lookup (no Python
    frame), where a method wrapping ``dict.get`` costs a call per token. Bounded by the
    vocabulary seen: emptied when it reaches ``maxsize`` entries.
    """

    def __init__(self, fn: Callable[[K], V], maxsize: int = 500_000) -> None:
        super().__init__()
        self.fn = fn
        self.maxsize = maxsize

    def __missing__(self, key: K) -> V:
        if len(self) >= self.maxsize:
            self.clear()
        value = self[key] = self.fn(key)
        return value
