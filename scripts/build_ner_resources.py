"""Build the NER gazetteers in marsad/resources/ner/ from ../shared/data (deterministic).

Writes:
  persons.tsv   folded Arabic person-name token <TAB> Wikidata count  (CC0)
  places.tsv    folded place name <TAB> kind <TAB> subtype           (CLDR, GeoNames, OCHA)
  fane_types.tsv folded entity string <TAB> coarse type <TAB> subtype <TAB> count (NewsFANE, CC BY-SA)
  fane_vocab.txt folded words of NewsFANE as written there (clitics split), seen twice or more

Usage: .venv/bin/python scripts/build_ner_resources.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.ner.data import FANE_MAP, read_conll
from marsad.text.normalize import fold

OUT = Path(__file__).resolve().parents[1] / "marsad" / "resources" / "ner"
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a ]+$")

# Common spellings CLDR lacks (news usage); each maps to a CLDR country. Source: the
# ANERcorp/NewsFANE "Nation" mentions most often written differently from CLDR.
EXTRA_COUNTRIES = [
    "أمريكا", "امريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية",
    "بريطانيا", "المملكة المتحدة", "إسرائيل", "فلسطين", "روسيا", "الصين", "السعودية",
    "الإمارات", "ايران", "إيران", "سورية", "سوريا", "كوريا الشمالية", "كوريا الجنوبية",
    "هولندا", "التشيك", "البوسنة", "الكونغو", "ساحل العاج", "جنوب أفريقيا", "جنوب افريقيا",
    "الفاتيكان", "ماليزيا", "تايوان",
]


def _clean(name: str) -> str | None:
    name = " ".join(name.split())
    if not name or not _ARABIC_ONLY.match(name) or len(name) < 2:
        return None
    return fold(name)


def build_persons(shared: Path) -> dict[str, int]:
    counts: Counter[str] = Counter()
    path = shared / "data/lexicons/wikidata_names/wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        token = _clean(parts[1].replace(" ", ""))
        if token and len(token) >= 2:
            counts[token] += int(parts[2])
    return dict(sorted(counts.items()))


def build_places(shared: Path) -> dict[str, tuple[str, str]]:
    places: dict[str, tuple[str, str]] = {}
    rank = {"country": 0, "region": 1, "city_major": 2, "admin": 3, "city": 4, "community": 5}

    def add(name: str, kind: str, subtype: str) -> None:
        key = _clean(name)
        if not key:
            return
        old = places.get(key)
        if old is None or rank[kind] < rank[old[0]]:
            places[key] = (kind, subtype)

    terr = json.loads((shared / "data/dates/cldr_territory_names_ar.json").read_text(encoding="utf-8"))
    for code, name in terr["territories"].items():
        if code.isdigit():
            add(name, "region", "Region")
        else:
            add(name, "country", "Nation")
    for name in EXTRA_COUNTRIES:
        add(name, "country", "Nation")
    for fname, min_pop in (("geonames_cities15000_world_arabic.tsv", 0), ("geonames_cities500_mena_arabic.tsv", 0)):
        with open(shared / "data/geo" / fname, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                pop = int(row["population"] or 0)
                if pop < min_pop:
                    continue
                kind = "city_major" if pop >= 300_000 else "city"
                for name in row["arabic_script_names"].split("|"):
                    add(name, kind, "Population-Center")
    syria = shared / "data/geo/syria"
    for level in ("syr_admin1.geojson", "syr_admin2.geojson"):
        data = json.loads((syria / level).read_text(encoding="utf-8"))
        for feat in data["features"]:
            add(feat["properties"].get("NAME_ARA") or "", "admin", "State-or-Province")
    with open(syria / "syr_admin4_communities.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            add(row["NAME_ARA"], "community", "Population-Center")
    return dict(sorted(places.items()))


def build_fane_types(shared: Path) -> dict[str, tuple[str, str, int]]:
    """Entity string -> its most frequent NewsFANE fine type (NewsFANE splits clitics off)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in read_conll(shared / "data/ner/newsfane_gold_train.conll"):
        words, tags = sent
        i = 0
        while i < len(tags):
            if tags[i].startswith("B-"):
                fine = tags[i][2:]
                j = i + 1
                while j < len(tags) and tags[j] == "I-" + fine:
                    j += 1
                text = fold(" ".join(words[i:j]))
                counts[text][fine] += 1
                i = j
            else:
                i += 1
    out: dict[str, tuple[str, str, int]] = {}
    for text, c in sorted(counts.items()):
        fine, n = c.most_common(1)[0]
        coarse = FANE_MAP.get(fine)
        if coarse:
            out[text] = (coarse, fine, n)
    return out


def build_fane_vocab(shared: Path) -> list[str]:
    """Words as NewsFANE writes them, clitics split off: a word here that starts with
    و/ب/ل/ك/ف is a word in its own right (وزارة), not a clitic plus a name."""
    counts: Counter[str] = Counter()
    for words, _ in read_conll(shared / "data/ner/newsfane_gold_train.conll"):
        counts.update(fold(w) for w in words if len(w) > 1 and not w.isascii())
    return sorted(w for w, c in counts.items() if c >= 2)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    OUT.mkdir(parents=True, exist_ok=True)
    persons = build_persons(shared)
    with open(OUT / "persons.tsv", "w", encoding="utf-8") as fh:
        for k, v in persons.items():
            fh.write(f"{k}\t{v}\n")
    places = build_places(shared)
    with open(OUT / "places.tsv", "w", encoding="utf-8") as fh:
        for k, (kind, sub) in places.items():
            fh.write(f"{k}\t{kind}\t{sub}\n")
    fane = build_fane_types(shared)
    with open(OUT / "fane_types.tsv", "w", encoding="utf-8") as fh:
        for k, (coarse, fine, n) in fane.items():
            fh.write(f"{k}\t{coarse}\t{fine}\t{n}\n")
    vocab = build_fane_vocab(shared)
    (OUT / "fane_vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    print(f"vocab {len(vocab)}  persons {len(persons)}  places {len(places)}  fane_types {len(fane)}")


if __name__ == "__main__":
    main()
