"""Build marsad/resources/time/calendar.json from ../shared/data/dates (deterministic).

Collects every Arabic spelling of the Gregorian month names and weekday names that
CLDR (19 Arabic locales, via Babel) and dateparser know, so that one table covers the
Levantine/Iraqi (كانون الثاني، شباط …), Egyptian/Gulf (يناير، فبراير …) and Maghrebi
(جانفي، فيفري، يوليوز، غشت …) traditions. Hijri month names are not in these sources;
they live next to the code in marsad/time/lexicon.py.

Writes:
  calendar.json  {"months": {"1": [...], ...}, "weekdays": {"0": [...], ...}}  (0 = Monday)

Usage: .venv/bin/python scripts/build_dates.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "marsad" / "resources" / "time"
_MONTH_KEYS = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]
_DAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _add(table: dict[int, set[str]], key: int, form: str) -> None:
    form = " ".join(form.split())
    if form:
        table.setdefault(key, set()).add(form)


def build(shared: Path) -> dict:
    dates = shared / "data" / "dates"
    cldr = json.loads((dates / "cldr_arabic_calendar_by_locale.json").read_text(encoding="utf-8"))
    dp = json.loads((dates / "dateparser_ar_translation_data.json").read_text(encoding="utf-8"))["info"]
    months: dict[int, set[str]] = {}
    days: dict[int, set[str]] = {}
    for loc in cldr["locales"].values():
        for key in ("months_wide", "months_abbreviated", "months_standalone_wide"):
            for i, name in enumerate(loc.get(key, [])):
                _add(months, i + 1, name)
        for k, name in loc.get("days_wide", {}).items():
            _add(days, int(k), name)
    for info in [dp, *dp.get("locale_specific", {}).values()]:
        for i, key in enumerate(_MONTH_KEYS):
            for name in info.get(key, []):
                _add(months, i + 1, name)
        for i, key in enumerate(_DAY_KEYS):
            for name in info.get(key, []):
                _add(days, i, name)
    return {
        "_source": "CLDR via Babel 2.18.0 (Unicode License v3) and dateparser 1.5.0 ar data (BSD-3-Clause); "
                   "built by scripts/build_dates.py",
        "months": {str(k): sorted(v) for k, v in sorted(months.items())},
        "weekdays": {str(k): sorted(v) for k, v in sorted(days.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    data = build(Path(args.shared))
    (OUT / "calendar.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT / 'calendar.json'}: {sum(len(v) for v in data['months'].values())} month forms, "
          f"{sum(len(v) for v in data['weekdays'].values())} weekday forms")


if __name__ == "__main__":
    main()
