"""Choosing one gazetteer record per place mention, and describing derived places.

Scores combine the feature (countries beat same-named villages, capitals beat towns),
population, the countries the document is about, and a cue word before the name
(محافظة asks for a governorate, قرية for a village).
"""

from __future__ import annotations

import math
from collections import Counter

from marsad.geo.gazetteer import Gazetteer, GeoRecord

_FEATURE_BASE = {
    "country": 20.0, "capital": 4.0, "region": 10.0, "district": 10.0,
    "city": 0.0, "town": 0.0, "village": 0.0, "admin1": 1.0, "admin2": 0.5,
}
#: Weight of log10(population): a 10M capital beats a 25k namesake even in a story about the
#: namesake's country (Moscow, Russia vs Moscow, Idaho).
POPULATION_WEIGHT = 2.0
#: Bonus for the place a curated news form or CLDR country name points to ("موسكو" is Moscow,
#: whatever other town GeoNames also lists under that spelling).
PREFERRED_BONUS = 6.0
#: OCHA communities carry no population; they count as villages of this size.
COMMUNITY_POPULATION = 1000


def context_bonus(count: int) -> float:
    """Bonus for a record in a country the document mentions ``count`` times (capped at 8, below
    the 9-point edge of a 10M capital over a 25k namesake)."""
    return 0.0 if count <= 0 else 6.0 + 2.0 * min(count - 1, 1)


# Cue word before a name (folded, proclitics removed) -> features it asks for.
# Source: how Arabic news introduces place names (مدينة حلب، محافظة إدلب، بلدة مضايا، قرية …).
CUE_FEATURES: dict[str, tuple[str, ...]] = {
    "محافظه": ("admin1",), "ولايه": ("admin1",), "اقليم": ("admin1", "region"),
    "منطقه": ("admin2", "region", "district"), "مقاطعه": ("admin1", "admin2"),
    "مدينه": ("city", "capital", "town"), "مدن": ("city", "capital", "town"),
    "بلده": ("town", "village"), "قريه": ("village", "town"), "قري": ("village", "town"),
    "بلدتي": ("town", "village"), "بلدتا": ("town", "village"), "بلدات": ("town", "village"),
    "قريتي": ("village", "town"), "قريتا": ("village", "town"), "مدينتي": ("city", "capital", "town"),
    "مخيم": ("village", "town", "district"), "ناحيه": ("admin2", "town"), "حي": ("district", "village"),
    "دوله": ("country",), "جمهوريه": ("country",), "مملكه": ("country",), "عاصمه": ("capital", "city"),
    "ريف": ("city", "capital", "town", "admin1"), "ضاحيه": ("district", "town"),
    "مطار": ("city", "capital", "town", "village"), "معبر": ("city", "town", "village"),
}

#: Features that are never rejected as common words without support.
STRONG_FEATURES = frozenset({"country", "capital", "region", "district", "admin1", "admin2"})

PRECISION = {
    "country": "country", "admin1": "admin1", "admin2": "admin2", "region": "region",
    "capital": "city", "city": "city", "town": "city", "village": "city", "district": "sub-city",
}
#: How specific each precision is (place_of_sentence keeps the most specific).
PRECISION_RANK = {"country": 1, "admin1": 2, "region": 3, "admin2": 4, "city": 5, "sub-city": 6}


#: Countries whose GeoNames Arabic names are native (the MENA file's 33 countries). Elsewhere
#: the Arabic names are transliterations that often collide with Arabic words (سويا "together"
#: is a spelling of Sevilla), so only very large cities there are strong without support.
MENA = frozenset(
    ["SYR", "IRQ", "LBN", "JOR", "PSE", "ISR", "TUR", "EGY", "SAU", "YEM", "OMN", "ARE", "QAT", "BHR", "KWT", "IRN", "LBY", "TUN", "DZA", "MAR", "ESH", "MRT", "SDN", "SSD", "SOM", "DJI", "AFG", "PAK", "CYP", "ERI", "TCD", "MLI", "NER"]
)


def is_strong(rec: GeoRecord) -> bool:
    """Countries, capitals, regions, Syrian admin units, big MENA cities and huge world cities."""
    if rec.feature in STRONG_FEATURES:
        return True
    return rec.population >= (100_000 if rec.country in MENA else 1_000_000)


def score(rec: GeoRecord, context: Counter[str], cue: str | None = None, strong_rival: bool = False) -> float:
    """How likely ``rec`` is the referent. With ``strong_rival`` (a country, capital or big city of
    the same name exists) a small place gets half the context bonus: a Syrian story prefers
    Syrian villages only for names that are small everywhere."""
    s = _FEATURE_BASE.get(rec.feature, 0.0)
    if rec.feature != "country":
        pop = rec.population or (COMMUNITY_POPULATION if rec.pcode and rec.feature in ("town", "village") else 0)
        s += POPULATION_WEIGHT * math.log10(pop + 1)
    bonus = context_bonus(context.get(rec.country, 0))
    s += bonus / 2 if strong_rival and not is_strong(rec) else bonus
    if cue is not None and rec.feature in CUE_FEATURES.get(cue, ()):
        s += 30.0 if rec.feature in ("admin1", "admin2", "country") else 5.0
    return s


def best(records: list[GeoRecord], context: Counter[str], cue: str | None = None,
         preferred: frozenset[str] = frozenset()) -> GeoRecord:
    """The best-scoring record; ties go to the larger population, then the key (deterministic).

    ``preferred``: keys of records this name is a curated/CLDR form of.
    """
    rival = any(is_strong(r) for r in records)
    return max(records, key=lambda r: (score(r, context, cue, rival) + (PREFERRED_BONUS if r.key in preferred else 0.0),
                                       r.population, r.key))


def capital_of(gaz: Gazetteer, iso3: str) -> GeoRecord | None:
    key = gaz.capital.get(iso3)
    return gaz.records.get(key) if key else None


def countryside(gaz: Gazetteer, rec: GeoRecord) -> GeoRecord:
    """"ريف X": the governorate of a Syrian place as its countryside, else X's surroundings."""
    base = gaz.records.get(rec.parent) if rec.parent and rec.feature != "admin1" else None
    if rec.feature == "admin1":
        base = rec
    if base is not None and base.feature == "admin1":
        return GeoRecord(
            f"rif:{base.key}", f"{base.name} countryside", "ريف " + rec.name_ar, base.country, base.admin1,
            "region", base.lat, base.lon, 0, None, base.pcode, base.key, "admin1",
        )
    return GeoRecord(
        f"rif:{rec.key}", f"{rec.name} countryside", "ريف " + rec.name_ar, rec.country, rec.admin1,
        "region", rec.lat, rec.lon, 0, rec.geonameid, rec.pcode, rec.key,
    )


_DIRECTIONS = {"شرقيه": "eastern", "غربيه": "western", "شماليه": "northern", "جنوبيه": "southern",
               "شرقي": "eastern", "غربي": "western", "شمالي": "northern", "جنوبي": "southern",
               "قديمه": "old"}


def sub_city(rec: GeoRecord, words: list[str], text: str) -> GeoRecord:
    """Part of a city ("الأحياء الشرقية في حلب"): the city's point at sub-city precision."""
    direction = next((_DIRECTIONS[w] for w in words if w in _DIRECTIONS), None)
    label = f"{direction} neighbourhoods" if direction else "neighbourhoods"
    return GeoRecord(
        f"{rec.key}#{direction or 'part'}", f"{rec.name} ({label})", text, rec.country, rec.admin1,
        "district", rec.lat, rec.lon, 0, rec.geonameid, rec.pcode, rec.key,
    )


def neighbourhood(city: GeoRecord, key: str, text: str) -> GeoRecord:
    """"حي جوبر شرقي دمشق": a named neighbourhood, placed at its city's point (sub-city precision)."""
    return GeoRecord(
        f"{city.key}#{key}", f"{city.name} (neighbourhood)", text, city.country, city.admin1,
        "district", city.lat, city.lon, 0, city.geonameid, city.pcode, city.key,
    )
