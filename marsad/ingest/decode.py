"""Bytes to text for Arabic news: cheap paths first, plausibility scoring when in doubt.

Order (each step only runs when the previous one did not decide):

1. a byte-order mark (UTF-8, UTF-32, UTF-16): decode with it;
2. NUL bytes in the UTF-16 pattern (every other byte 0x00/0x06 for Arabic): BOM-less UTF-16;
3. too many control bytes: binary, not text;
4. strict UTF-8 (the common case; Windows-1256 or ISO-8859-6 Arabic is never valid UTF-8);
   UTF-8 that was once mis-decoded as Latin-1 ("Ø§Ù„...") is repaired;
5. UTF-8 with a few invalid sequences (under 2% of the non-ASCII characters): replaced;
6. 8-bit Arabic: Windows-1256 and ISO-8859-6 are both tried and the more plausible Arabic
   wins (share of Arabic letters, no C1 control characters, common function words);
7. Western text in Windows-1252/Latin-1 (few accented letters), then charset-normalizer's
   best guess, kept only when it reads as text.

Newlines become ``\\n`` and NULs are dropped; nothing else in the text is changed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from marsad.errors import DecodeError, InputError

SNIFF_BYTES = 8192  # how much of the input the statistical checks look at
# Bytes that never occur in text: C0 controls except TAB LF VT FF CR, ESC and SUB (old DOS EOF).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
SCORE_CHARS = 1000  # enough prose to tell code pages apart; keeps the 8-bit path well under 1 ms
MAX_CONTROL_SHARE = 0.002  # of the sniffed bytes; a few stray NULs in a text are tolerated
MAX_CONTROL_ABS = 4
MAX_DECODED_CONTROL_SHARE = 0.01  # C0/C1 controls in a guessed 8-bit decoding: a wrong guess
MAX_BAD_SHARE = 0.05  # controls, U+FFFD, private use: more than this is not text

# High bytes of UTF-16 code units in Arabic text: ASCII (00), Arabic (06), punctuation (20),
# presentation forms (FB, FE).
_UTF16_HIGH = frozenset((0x00, 0x06, 0x20, 0xFB, 0xFE))
MIN_UTF16_HIGH_SHARE = 0.85

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_C1 = re.compile(r"[\x80-\x9f]")
_LATIN_ACCENTED = re.compile(r"[\u00c0-\u00ff]")
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BAD_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
# Mis-decoded UTF-8 Arabic: lead byte D8-DB shown as Ø Ù Ú Û, then a continuation byte
# shown as a Latin-1/CP1252 character of 0x80-0xBF.
_MOJIBAKE = re.compile(
    "[\u00d8\u00d9\u00da\u00db][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)

# CP1252's printable characters in 0x80-0x9F, back to the byte they were decoded from.
_CP1252_TO_BYTE = {ord(ch): b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))}

# The most frequent Arabic function words in news prose (prepositions, particles, relatives),
# as in every Arabic stop-word list; used only to tell real Arabic from a wrong code page.
COMMON_WORDS = frozenset(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "أن",
        "ان",
        "مع",
        "التي",
        "الذي",
        "الذين",
        "هذا",
        "هذه",
        "ذلك",
        "كان",
        "قد",
        "لا",
        "ما",
        "لم",
        "كما",
        "بين",
        "بعد",
        "قبل",
        "حيث",
        "أو",
        "او",
        "ثم",
    ]
)
MIN_ARABIC_SHARE = 0.6
MAX_DAMAGED_SHARE = 0.02  # invalid UTF-8 sequences per non-ASCII character still read as UTF-8
MAX_ACCENTED_SHARE = 0.25  # accented letters per letter in French, German, Spanish... text
CONFIDENT_ARABIC = 1.0  # Arabic letters only, no accented Latin, common words present  # of letters, for an 8-bit decoding to count as Arabic


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` to ``\\n``; NULs and a leading BOM removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def arabic_plausibility(text: str) -> float:
    """How much a decoded text looks like Arabic: about 1 for news prose, below 0.5 for a wrong code page."""
    sample = text[:SCORE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return 0.0
    arabic = len(sample) - len(_ARABIC_LETTER.sub("", sample))
    c1 = len(_C1.findall(sample))
    latin_accented = len(_LATIN_ACCENTED.findall(sample))
    words = sample.split()
    common = sum(1 for w in words if w in COMMON_WORDS) / len(words)
    # Accented Latin letters inside Arabic text are the mark of a wrong code page.
    return arabic / letters + min(common * 4, 0.5) - 5 * c1 / letters - 2 * latin_accented / letters


def _control_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    return len(_CONTROL_CHAR.findall(sample)) / max(len(sample), 1)


def bad_char_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    return len(_BAD_CHAR.findall(sample)) / max(len(sample), 1)


def _bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the byte pattern is that of UTF-16 text."""
    n = len(head) // 2
    if n < 2:
        return None
    even, odd = head[0 : 2 * n : 2], head[1 : 2 * n : 2]
    le = sum(1 for b in odd if b in _UTF16_HIGH) / n
    be = sum(1 for b in even if b in _UTF16_HIGH) / n
    if le >= MIN_UTF16_HIGH_SHARE and le > be and odd.count(0) > even.count(0):
        return "utf-16-le"
    if be >= MIN_UTF16_HIGH_SHARE and be > le and even.count(0) > odd.count(0):
        return "utf-16-be"
    return None


def _control_bytes(head: bytes) -> int:
    return len(head.translate(None, _NOT_CONTROL))


def _repair_mojibake(text: str) -> str | None:
    """UTF-8 text that was decoded as Latin-1/CP1252 once and saved as UTF-8 again."""
    if len(_MOJIBAKE.findall(text[:2000])) < 3:
        return None
    try:
        repaired = text.translate(_CP1252_TO_BYTE).encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if arabic_plausibility(repaired) > arabic_plausibility(text) else None


def _eight_bit_arabic(data: bytes) -> Decoded | None:
    best: tuple[float, str, str] | None = None
    for enc in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_plausibility(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
        if score >= CONFIDENT_ARABIC:  # clearly Arabic: no need to try the other code page
            break
    if best is None or best[0] < MIN_ARABIC_SHARE:
        return None
    return Decoded(best[2], "windows-1256" if best[1] == "cp1256" else "iso-8859-6")


def _damaged(data: bytes, encoding: str, name: str) -> Decoded | None:
    """Unicode text with a few invalid bytes (a truncated download, a bad sector): replace them.

    In text of another 8-bit encoding nearly every non-ASCII byte is invalid UTF-8, so a
    small share of invalid sequences among the non-ASCII characters means damaged UTF-8;
    for UTF-16/32 (where ASCII is no signal) the share is taken over all characters.
    """
    text = normalise_newlines(data.decode(encoding, "replace"))
    bad = text.count("\ufffd")
    base = len(text) - len(text.encode("ascii", "ignore")) if encoding.startswith("utf-8") else len(text)
    if not bad or bad > MAX_DAMAGED_SHARE * base:
        return None
    return Decoded(text, f"{name} ({bad} invalid byte sequence{'s' if bad > 1 else ''} replaced)")


def _western(data: bytes) -> Decoded | None:
    """Windows-1252 (a superset of printable Latin-1) for Western-European text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:SCORE_CHARS]
    letters = sum(map(str.isalpha, sample))
    non_ascii_letters = sum(1 for c in sample if c.isalpha() and ord(c) > 127)
    if not letters or non_ascii_letters > MAX_ACCENTED_SHARE * letters or _C1.search(sample):
        return None
    return Decoded(text, "windows-1252")


def _charset_normalizer(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    match = from_bytes(data[: 4 * SNIFF_BYTES]).best()
    if match is None:
        return None
    try:
        text = data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, match.encoding.replace("_", "-"))


def decode_text(data: bytes, path: str | None) -> Decoded:
    """Decode ``data`` as text, raising InputError/DecodeError with a one-line reason."""
    if not data:
        raise InputError(path, "empty file")
    head = data[:SNIFF_BYTES]
    bom = _bom(head)
    if bom:
        name = bom.replace("-sig", " with BOM")
        try:
            return _checked(Decoded(normalise_newlines(data.decode(bom)), name), path)
        except UnicodeDecodeError as exc:
            damaged = _damaged(data, bom, name)
            if damaged is None:
                raise DecodeError(
                    path, f"undecodable bytes: invalid {bom.replace('-sig', '')} at byte {exc.start}"
                ) from None
            return _checked(damaged, path)
    if b"\x00" in head:
        enc = _utf16_without_bom(head)
        if enc:
            try:
                return _checked(Decoded(normalise_newlines(data.decode(enc)), enc), path)
            except UnicodeDecodeError:
                damaged = _damaged(data, enc, enc)
                if damaged is not None:
                    return _checked(damaged, path)
    controls = _control_bytes(head)
    if controls > MAX_CONTROL_ABS and controls > MAX_CONTROL_SHARE * len(head):
        raise InputError(path, "binary content, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if "\u00d8" in text or "\u00d9" in text:
            repaired = _repair_mojibake(text)
            if repaired is not None:
                return Decoded(normalise_newlines(repaired), "utf-8 (repaired from latin-1 mojibake)")
        return _checked(Decoded(normalise_newlines(text), "utf-8"), path)
    decoded = _damaged(data, "utf-8", "utf-8") or _eight_bit_arabic(data) or _western(data) or _charset_normalizer(data)
    if decoded is None or _control_share(decoded.text) > MAX_DECODED_CONTROL_SHARE:
        raise DecodeError(
            path,
            f"undecodable bytes: not UTF-8 (invalid byte 0x{data[first_bad]:02x} at offset {first_bad}), "
            "nor plausible UTF-16, Windows-1256 or ISO-8859-6",
        )
    decoded.text = normalise_newlines(decoded.text)
    return _checked(decoded, path)


def _checked(decoded: Decoded, path: str | None) -> Decoded:
    if not decoded.text or decoded.text.isspace():
        raise InputError(path, "empty file (only whitespace)")
    if bad_char_share(decoded.text) > MAX_BAD_SHARE:
        raise InputError(path, "binary content, not text")
    return decoded
