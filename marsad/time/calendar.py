"""Calendar arithmetic: the tabular Islamic calendar, month shifts, ISO weeks.

The Hijri conversion is the standard arithmetic (tabular, "civil" epoch 16 July 622 CE,
leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle), as in
Dershowitz & Reingold, *Calendrical Calculations*. Official calendars (Umm al-Qura,
moon sighting) can differ from it by a day or two; dates keep precision "day".
"""

from __future__ import annotations

from datetime import date, timedelta

_ISLAMIC_EPOCH = 1948440  # Julian day number of 1 Muharram 1 AH (civil epoch)
_ORDINAL_TO_JDN = 1721425  # date(1, 1, 1).toordinal() == 1 is JDN 1721426


def _islamic_to_jdn(year: int, month: int, day: int) -> int:
    return day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30 + _ISLAMIC_EPOCH - 1


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of a Hijri (tabular) date; ValueError if the day does not exist."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError(f"bad Hijri date {year}-{month}-{day}")
    if day == 30 and gregorian_to_hijri(date.fromordinal(_islamic_to_jdn(year, month, 30) - _ORDINAL_TO_JDN))[1] != month:
        raise ValueError(f"Hijri month {year}-{month} has 29 days")
    return date.fromordinal(_islamic_to_jdn(year, month, day) - _ORDINAL_TO_JDN)


def gregorian_to_hijri(d: date) -> tuple[int, int, int]:
    """Tabular Hijri (year, month, day) of a Gregorian date."""
    jdn = d.toordinal() + _ORDINAL_TO_JDN
    year = (30 * (jdn - _ISLAMIC_EPOCH) + 10646) // 10631
    month = min(12, -(-(jdn - 29 - _islamic_to_jdn(year, 1, 1)) * 2 // 59) + 1)
    month = max(1, month)
    day = jdn - _islamic_to_jdn(year, month, 1) + 1
    return year, month, day


def hijri_year_to_gregorian(year: int) -> int:
    """The Gregorian year holding the middle of a Hijri year (1 Rajab)."""
    return hijri_to_gregorian(year, 7, 1).year


def add_months(d: date, months: int) -> date:
    """Shift by whole months, clamping the day (31 March - 1 month = 28/29 February)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise ValueError(f"{d} shifted by {months} months is out of range")
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(f"{d} shifted by {months} months is out of range")


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift(d: date, unit: str, n: int) -> tuple[date, str]:
    """``d`` moved by ``n`` units (D, W, M, Y, H, MIN) and the precision that leaves."""
    if unit == "D":
        return d + timedelta(days=n), "day"
    if unit == "W":
        return d + timedelta(weeks=n), "week"
    if unit == "M":
        return add_months(d, n), "month"
    if unit == "Y":
        return add_months(d, 12 * n), "year"
    if unit == "H":
        return d + timedelta(days=round(n / 24)) if abs(n) >= 24 else d, "day"
    return d, "day"


def format_value(d: date, precision: str) -> str:
    """ISO 8601 at the given precision: 2016-08-01, 2016-W31, 2016-08, 2016."""
    if precision == "week":
        return iso_week(d)
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    return d.isoformat()


def parse_published(published: str | None) -> date | None:
    """The publication date as a date (accepts "2016-08-02" or a datetime string)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
