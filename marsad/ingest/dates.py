"""Publication dates found in metadata (meta tags, feeds, records) as ISO ``YYYY-MM-DD``.

Metadata dates are machine-written (ISO 8601, RFC 822, epoch seconds), so a few strict
patterns cover them; free-text dates in the article body are the time stage's business.
The calendar date is taken as written, in the timezone the source states: a page
published ``2016-08-02T01:00:00+03:00`` is dated 2016-08-02, not converted to UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

# Arabic-Indic and Eastern Arabic-Indic (Persian) digits, which some sites use in meta values.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_]|[+-]\d{2}:?\d{2}$|Z)")
_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_EPOCH = re.compile(r"^\s*(\d{9,13})(?:\.\d+)?\s*$")
MIN_YEAR, MAX_YEAR = 1900, 2100


def _valid(y: int, m: int, d: int) -> str | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def normalise_date(value: object) -> str | None:
    """ISO date of a metadata value, or None when it is not a recognisable date.

    Accepts ISO 8601 dates and timestamps, RFC 822 (RSS ``pubDate``), ``YYYY/MM/DD``,
    day-first ``DD/MM/YYYY`` (the convention of Arabic outlets) and epoch seconds or
    milliseconds (JSON records).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    s = value.translate(_DIGITS).strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    m = _YMD.match(s)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    m = _DMY.match(s)
    if m:
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    m = _EPOCH.match(s)
    if m:
        return _from_epoch(float(m[1]))
    try:
        return _valid(*_ymd(parsedate_to_datetime(s)))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _ymd(dt: datetime) -> tuple[int, int, int]:
    return dt.year, dt.month, dt.day


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if seconds <= 0:
        return None
    try:
        return _valid(*_ymd(datetime.fromtimestamp(seconds, tz=UTC)))
    except (OverflowError, OSError, ValueError):
        return None
