"""The actor dictionary: a human-editable JSONL file, one actor per line.

Format (``marsad/resources/actors/curated.jsonl``; ``petrarch.jsonl`` is generated in the
same format by ``scripts/build_actors.py``)::

    {"name": "Sergei Lavrov", "type": "PER", "country": "RUS", "wikidata": null,
     "ar": ["سيرغي لافروف", "سيرجي لافروف", "لافروف"],
     "offices": [{"code": "RUSGOV", "role": "foreign minister", "from": "2004-03-09", "to": null}]}

- ``name``: canonical Latin name (unique per file); ``ar``: Arabic variants, the first is
  the canonical Arabic form (spelling variants such as غ/ج need not all be listed: matching
  folds them); ``type``: PER or ORG; ``country``: ISO 3166-1 alpha-3 or IGO/UNO/EUR/NGO/IMG…
- ``offices``: actor codes with date ranges (ISO dates, ``null`` = open). An actor is coded
  by the office it held on the article's date; an entry without dates applies always.
- Lines starting with ``#`` and blank lines are ignored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "actors"
CURATED = RESOURCES / "curated.jsonl"

#: Non-state "country" prefixes allowed besides ISO alpha-3 (PLOVER/CAMEO practice).
SPECIAL_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "INT", "AFR", "ARB", "KUR"})
#: Sector codes (CAMEO/PLOVER agent types).
SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "PTY", "CVL", "MED", "JRN", "REF", "UAF",
    "BUS", "EDU", "REL", "HLH", "LAB", "AGR", "CRM", "SPY", "ELI", "IGO", "NGO", "ENV", "HRI",
    "MOD", "RAD", "SET", "ALQ", "TAL", "IMG",
})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(slots=True)
class Office:
    code: str
    role: str = ""
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, exclusive-ish (the day the office ended)

    def covers(self, date: str | None) -> bool:
        if date is None:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(slots=True)
class Entry:
    name: str
    type: str
    country: str | None
    ar: list[str]
    wikidata: str | None = None
    offices: list[Office] = field(default_factory=list)
    source: str = "curated"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "type": self.type, "country": self.country, "wikidata": self.wikidata,
            "ar": self.ar,
            "offices": [{"code": o.code, "role": o.role, "from": o.start, "to": o.end} for o in self.offices],
        }


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """'RUSGOV' -> ('RUS', 'GOV'); 'GOV' -> (None, 'GOV'); 'UNO' -> ('UNO', None)."""
    if not code:
        return None, None
    if len(code) == 3:
        return (None, code) if code in SECTORS and code not in SPECIAL_COUNTRIES else (code, None)
    return code[:3], code[3:6] or None


def parse_entry(obj: dict[str, Any], source: str = "curated") -> Entry:
    offices = [
        Office(str(o.get("code", "")), str(o.get("role") or ""), o.get("from"), o.get("to"))
        for o in obj.get("offices") or []
    ]
    return Entry(
        name=str(obj.get("name", "")), type=str(obj.get("type", "PER")), country=obj.get("country"),
        ar=[str(a) for a in obj.get("ar") or []], wikidata=obj.get("wikidata"), offices=offices, source=source,
    )


def load(path: str | Path) -> list[Entry]:
    source = Path(path).stem
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(parse_entry(json.loads(line), source))
    return out


def _valid_country(code: str | None) -> bool:
    return code is None or code in SPECIAL_COUNTRIES or bool(re.fullmatch(r"[A-Z]{3}", code))


def _entry_problems(obj: Any, where: str) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: not a JSON object"]
    problems = []
    if not str(obj.get("name") or "").strip():
        problems.append(f"{where}: missing name")
    if obj.get("type") not in ("PER", "ORG"):
        problems.append(f"{where}: type must be PER or ORG")
    if not _valid_country(obj.get("country")):
        problems.append(f"{where}: bad country {obj.get('country')!r}")
    ar = obj.get("ar")
    if not isinstance(ar, list) or not ar:
        problems.append(f"{where}: 'ar' must be a non-empty list")
    else:
        for a in ar:
            if not isinstance(a, str) or not _ARABIC.search(a):
                problems.append(f"{where}: Arabic variant {a!r} has no Arabic letters")
    wd = obj.get("wikidata")
    if wd is not None and not re.fullmatch(r"Q\d+", str(wd)):
        problems.append(f"{where}: bad wikidata id {wd!r}")
    for j, o in enumerate(obj.get("offices") or []):
        if not isinstance(o, dict):
            problems.append(f"{where}: office {j} is not an object")
            continue
        country, sector = split_code(o.get("code"))
        if not o.get("code") or (sector is not None and sector not in SECTORS) or not _valid_country(country):
            problems.append(f"{where}: office {j} has bad code {o.get('code')!r}")
        for key in ("from", "to"):
            if o.get(key) is not None and not _DATE.match(str(o[key])):
                problems.append(f"{where}: office {j} {key!r} is not YYYY-MM-DD")
        if o.get("from") and o.get("to") and o["from"] > o["to"]:
            problems.append(f"{where}: office {j} ends before it starts")
    return problems


def validate(path: str | Path = CURATED) -> list[str]:
    """All problems found in a dictionary file (empty list = valid)."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        return [f"{path}: {exc}"]
    for i, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{i}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON ({exc.msg})")
            continue
        problems.extend(_entry_problems(obj, where))
        name = str(obj.get("name", "")) if isinstance(obj, dict) else ""
        if name in seen:
            problems.append(f"{where}: duplicate name {name!r} (first on line {seen[name]})")
        seen.setdefault(name, i)
    return problems


def add_entry(
    name: str,
    ar: list[str],
    country: str | None,
    code: str | None = None,
    *,
    type: str = "PER",
    role: str = "",
    start: str | None = None,
    end: str | None = None,
    wikidata: str | None = None,
    path: str | Path = CURATED,
) -> Entry:
    """Add an actor, or add variants/an office to an existing one with the same name.

    Raises ValueError (with the problems) if the result would not validate.
    """
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    office = {"code": code, "role": role, "from": start, "to": end} if code else None
    i = next((n for n, line in enumerate(lines) if line.strip() and not line.startswith("#")
              and json.loads(line).get("name") == name), None)
    if i is not None:
        obj = json.loads(lines[i])
        obj["ar"] = list(dict.fromkeys([*obj.get("ar", []), *ar]))
        if office and office not in obj.setdefault("offices", []):
            obj["offices"].append(office)
        obj["wikidata"] = obj.get("wikidata") or wikidata
    else:
        obj = {"name": name, "type": type, "country": country, "wikidata": wikidata, "ar": list(ar),
               "offices": [office] if office else []}
        i = len(lines)
        lines.append("")
    problems = _entry_problems(obj, f"{path}:{i + 1}")
    if problems:
        raise ValueError("; ".join(problems))
    lines[i] = json.dumps(obj, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse_entry(obj)
