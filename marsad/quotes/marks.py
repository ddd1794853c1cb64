"""Quotation marks: pair them into quoted spans, tolerating the mess of scraped text.

Arabic news uses «…», "…" and “…” interchangeably, mixes them (“…"), mirrors them
(”…“, »…« in text copied from right-to-left layouts) and sometimes forgets to close one.
Marks are paired per paragraph (a quote never crosses a line break in scraped text);
each family (guillemets, double quotes) alternates open/close independently, so
«… "x" …» nests. An unclosed quote runs to the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double-quote family: straight, curly (both directions), low-9 and reversed-9 marks, double prime.
_DOUBLE = '"“”„‟″'
_GUILLEMET = "«»"
MARKS: frozenset[str] = frozenset(_DOUBLE + _GUILLEMET)
_MARK_RE = re.compile(f"[{_DOUBLE}{_GUILLEMET}]|\n")


@dataclass(slots=True)
class Quoted:
    """A quoted span: ``open``/``close`` are the offsets of the marks (``close`` may be the paragraph end)."""

    open: int
    close: int
    closed: bool = True

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _is_stray_closer(text: str, i: int) -> bool:
    """A mark glued to the word before it and followed by space: it cannot open a quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "(:[" and (after.isspace() or after in ".,،؛:!?؟")


def find_quoted(text: str) -> list[Quoted]:
    """All quoted spans of ``text`` in order of their opening mark."""
    found: list[Quoted] = []
    pending: dict[str, int] = {}  # family -> offset of its open mark
    for m in _MARK_RE.finditer(text):
        ch = m.group()
        i = m.start()
        if ch == "\n":
            for pos in pending.values():
                found.append(Quoted(pos, _trim_end(text, pos + 1, i), closed=False))
            pending.clear()
            continue
        family = "g" if ch in _GUILLEMET else "d"
        if family in pending:
            found.append(Quoted(pending.pop(family), i))
        elif not _is_stray_closer(text, i):
            pending[family] = i
    for pos in pending.values():
        found.append(Quoted(pos, _trim_end(text, pos + 1, len(text)), closed=False))
    found = [q for q in found if q.close > q.start and text[q.start : q.close].strip()]
    found.sort(key=lambda q: q.open)
    return found


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
