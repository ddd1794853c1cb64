"""Sentences and tokens with offsets; clitic-aware forms for lexicon matching."""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.document import Token
from marsad.text.normalize import fold_word

# A word is a run of letters/digits plus Arabic combining marks and tatweel, allowing
# inner apostrophes/hyphens of Latin names. Everything else non-space is punctuation.
_WORD = r"[\w\u064b-\u065f\u0670\u0640]+(?:['’\-][\w\u064b-\u065f\u0670\u0640]+)*"
# A decimal or grouped number (5.1، 3,5، و٢٫٥) is one token: its separator is no sentence
# punctuation for the rules that stop at one.
_NUMBER = r"[وفبلك]?\d+(?:[.,٫٬]\d+)+(?![\w\u064b-\u065f\u0670\u0640])"
TOKEN_RE = re.compile(rf"{_NUMBER}|{_WORD}|[^\w\s]")

# Sentence ends: . ! ? ؟ … (also runs like "..") when followed by space or end of text;
# and every line break (headlines, sub-headings and paragraphs are separate units).
# Same as r"[.!?؟…]+[\"»”')\]]*(?=\s|$)|\n+", written to start with one character class so
# that the regex engine skips ordinary text with a fast scan instead of trying both branches
# at every position (4x fewer instructions on news text).
_SENTENCE_END = re.compile(r"[.!?؟…\n](?:(?<=\n)\n*|(?<=[.!?؟…])[.!?؟…]*[\"»”')\]]*(?=\s|$))")

# Proclitics: conjunction (و ف), preposition (ب ل ك), future س is verbal and left alone.
_CONJ = "وف"
_PREP = "بلك"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of surrounding whitespace, never empty."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        _append_trimmed(text, start, end, spans)
        start = m.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


@lru_cache(maxsize=200_000)
def strip_proclitics(norm: str) -> str:
    """Conservative stem: remove (و|ف)?(ب|ك|ل)?ال and لل; never a bare root letter.

    A bare و/ف/ب/ل is ambiguous (وزير, فرنسا, بريطانيا, لبنان), so it is only removed
    by `clitic_variants`, whose callers check the remainder against a lexicon.
    """
    w = norm
    if len(w) > 3 and w[0] in _CONJ and (w[1:3] == "ال" or w[1:3] == "لل" or (w[1] in _PREP and w[2:4] == "ال")):
        w = w[1:]
    if len(w) > 4 and w[:2] == "لل":
        return w[2:]
    if len(w) > 4 and w[0] in _PREP and w[1:3] == "ال":
        w = w[1:]
    if len(w) > 3 and w[:2] == "ال":
        return w[2:]
    return w


@lru_cache(maxsize=200_000)
def clitic_variants(norm: str, min_len: int = 2) -> tuple[str, ...]:
    """All readings of a folded word with 0..3 proclitics removed, fullest first.

    "وبالجيش" -> ("وبالجيش", "بالجيش", "الجيش", "جيش"); "وموسكو" -> ("وموسكو", "موسكو").
    Callers look each reading up in their lexicon and keep the first hit.
    """
    out = [norm]
    frontier = [norm]
    for _ in range(3):
        nxt = []
        for w in frontier:
            cands = []
            if w[:1] and w[0] in _CONJ + _PREP:
                cands.append(w[1:])
            if w[:2] == "ال":
                cands.append(w[2:])
            if w[:2] == "لل":
                cands.append("ال" + w[2:])
                cands.append(w[2:])
            for c in cands:
                if len(c) >= min_len and c not in out:
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return tuple(out)


_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه", "ك", "ي")


@lru_cache(maxsize=200_000)
def suffix_variants(norm: str, min_len: int = 3) -> tuple[str, ...]:
    """Readings with one pronoun suffix removed ("لقائه" -> "لقاء", "قولها" -> "قول")."""
    out = [norm]
    for suf in _SUFFIXES:
        if norm.endswith(suf) and len(norm) - len(suf) >= min_len:
            base = norm[: -len(suf)]
            if base.endswith("ت") and suf in ("ه", "ها", "هم", "هما"):
                out.append(base[:-1] + "ه")  # ta marbuta before a suffix: زيارته -> زياره
            elif base[-1:] in ("ي", "و") and len(base) > min_len:
                out.append(base[:-1] + "ء")  # hamza seat before a suffix: لقائه -> لقاء
            out.append(base)
    return tuple(dict.fromkeys(out))


def tokenize(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens with offsets, folded form, conservative stem and sentence index."""
    tokens: list[Token] = []
    bounds = sentences if sentences is not None else [(0, len(text))]
    for index, (s_start, s_end) in enumerate(bounds):
        for m in TOKEN_RE.finditer(text, s_start, s_end):
            raw = m.group()
            norm = fold_word(raw)
            tokens.append(Token(m.start(), m.end(), raw, norm, strip_proclitics(norm), index))
    return tokens


def is_arabic_word(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def is_dash(text: str) -> bool:
    """A dash token (-, –, —, or a lone tatweel ـ), as after a dateline ("بغداد - …")."""
    return text in ("-", "–", "—", "ـ")

