"""Build the actor resources in marsad/resources/actors/ from ../shared/data (deterministic).

    .venv/bin/python scripts/build_actors.py [--shared ../shared]

Writes:
  countries.jsonl  ISO3 code, CLDR Arabic name + curated variants, nationality adjectives, capitals
  petrarch.jsonl   named actors cleaned from UniversalPetrarch actor_dict_ar_v4.txt (dictionary format)
  agents.tsv       agent nouns -> sector, from UniversalPetrarch agents.all.ar_v3.txt (cleaned)
  cities.tsv       folded Arabic city name -> ISO3 (GeoNames cities >= 100k inhabitants), for the
                   article's dominant location country; names the gazetteer lists as ordinary
                   words (marsad/resources/geo/common.txt: المدينة "the city", سلطات، دولة) left out
  translit.tsv     folded Arabic name token -> Latin token (Wikidata person-name pairs, most frequent)
curated.jsonl (hand-written) is not touched. Needs pycountry at build time only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.actors.dictionary import SECTORS, SPECIAL_COUNTRIES  # noqa: E402
from marsad.actors.lexicon import phrase_key  # noqa: E402
from marsad.text.normalize import fold  # noqa: E402

OUT = ROOT / "marsad" / "resources" / "actors"

# Nationality adjectives (masculine singular) and capitals / extra names per country; written
# for this project from general knowledge of Arabic news usage. Plural and feminine forms are
# derived at runtime (marsad.actors.lexicon.adjective_key); irregular plurals are listed.
COUNTRY_EXTRA: dict[str, tuple[list[str], list[str], list[str]]] = {
    # iso3: (adjectives, capitals, extra names)
    "SYR": (["سوري"], ["دمشق"], ["سورية", "الجمهورية العربية السورية"]),
    "RUS": (["روسي", "الروس"], ["موسكو"], ["روسيا الاتحادية"]),
    "USA": (["أمريكي", "أميركي", "الأمريكان", "الأميركان"], ["واشنطن"],
            ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "الولايات المتحدة"]),
    "IRN": (["إيراني"], ["طهران"], []),
    "IRQ": (["عراقي"], ["بغداد"], ["العراق"]),
    "TUR": (["تركي", "الأتراك"], ["أنقرة"], ["تركيا"]),
    "DEU": (["ألماني", "الالمان", "الألمان"], ["برلين"], ["المانيا"]),
    "FRA": (["فرنسي"], ["باريس"], []),
    "GBR": (["بريطاني"], ["لندن"], ["بريطانيا"]),
    "CHN": (["صيني"], ["بكين"], []),
    "ISR": (["إسرائيلي"], ["تل أبيب"], ["إسرائيل"]),
    "PSE": (["فلسطيني"], ["رام الله"], ["فلسطين", "السلطة الفلسطينية", "غزة", "قطاع غزة"]),
    "LBN": (["لبناني"], ["بيروت"], []),
    "JOR": (["أردني"], ["عمان"], ["الأردن"]),
    "EGY": (["مصري"], ["القاهرة"], []),
    "SAU": (["سعودي"], ["الرياض"], ["السعودية", "المملكة العربية السعودية"]),
    "QAT": (["قطري"], ["الدوحة"], []),
    "ARE": (["إماراتي"], ["أبوظبي", "أبو ظبي"], ["الإمارات"]),
    "KWT": (["كويتي"], [], ["الكويت"]),
    "BHR": (["بحريني"], ["المنامة"], ["البحرين"]),
    "OMN": (["عماني"], ["مسقط"], ["سلطنة عمان"]),
    "YEM": (["يمني"], ["صنعاء"], ["اليمن"]),
    "LBY": (["ليبي"], ["طرابلس"], []),
    "TUN": (["تونسي"], [], ["تونس"]),
    "DZA": (["جزائري"], [], ["الجزائر"]),
    "MAR": (["مغربي", "المغاربة"], ["الرباط"], ["المغرب", "المملكة المغربية"]),
    "SDN": (["سوداني"], ["الخرطوم"], ["السودان"]),
    "SSD": (["جنوب سوداني"], ["جوبا"], []),
    "SOM": (["صومالي"], ["مقديشو"], ["الصومال"]),
    "MRT": (["موريتاني"], ["نواكشوط"], []),
    "AFG": (["أفغاني", "الأفغان"], ["كابل"], ["أفغانستان"]),
    "PAK": (["باكستاني"], ["إسلام أباد", "اسلام آباد"], []),
    "IND": (["هندي", "الهنود"], ["نيودلهي"], ["الهند"]),
    "UKR": (["أوكراني"], ["كييف", "كيف"], []),
    "ITA": (["إيطالي"], ["روما"], []),
    "ESP": (["إسباني"], ["مدريد"], []),
    "JPN": (["ياباني"], ["طوكيو"], []),
    "KOR": (["كوري جنوبي"], ["سيول"], []),
    "PRK": (["كوري شمالي"], ["بيونغ يانغ"], []),
    "CAN": (["كندي"], ["أوتاوا"], []),
    "ETH": (["إثيوبي"], ["أديس أبابا"], []),
    "NGA": (["نيجيري"], ["أبوجا"], []),
    "GRC": (["يوناني"], ["أثينا"], []),
    "BEL": (["بلجيكي"], ["بروكسل"], []),
    "NLD": (["هولندي"], ["لاهاي", "أمستردام"], ["هولندا"]),
    "SWE": (["سويدي"], ["ستوكهولم"], []),
    "NOR": (["نرويجي"], ["أوسلو"], []),
    "DNK": (["دنماركي"], ["كوبنهاغن"], ["الدنمارك"]),
    "CHE": (["سويسري"], ["برن"], []),
    "AUT": (["نمساوي"], ["فيينا"], ["النمسا"]),
    "POL": (["بولندي"], ["وارسو"], []),
    "AUS": (["أسترالي"], ["كانبيرا"], []),
    "BRA": (["برازيلي"], [], []),
    "IDN": (["إندونيسي"], ["جاكرتا"], []),
    "MYS": (["ماليزي"], ["كوالالمبور"], []),
    "BGD": (["بنغلاديشي"], ["دكا"], []),
    "LKA": (["سريلانكي"], ["كولومبو"], []),
    "NPL": (["نيبالي"], ["كاتماندو"], []),
    "THA": (["تايلندي"], ["بانكوك"], ["تايلاند"]),
    "TLS": (["تيموري"], ["ديلي"], ["تيمور الشرقية"]),
    "KEN": (["كيني"], ["نيروبي"], []),
    "MLI": ([], ["باماكو"], ["جمهورية مالي"]),
    "TCD": (["تشادي"], ["نجامينا", "انجمينا"], ["جمهورية تشاد"]),
    "ERI": (["إريتري"], ["أسمرة"], []),
    "CYP": (["قبرصي"], ["نيقوسيا"], []),
    "ARM": (["أرميني"], ["يريفان"], []),
    "AZE": (["أذربيجاني"], ["باكو"], []),
    "GEO": (["جورجي"], ["تبليسي"], []),
    "KGZ": (["قرغيزي"], ["بيشكك"], ["قرغيزستان"]),
    "KAZ": (["كازاخستاني"], ["أستانا"], []),
    "UZB": (["أوزبكي"], ["طشقند"], []),
    "VEN": (["فنزويلي"], ["كاراكاس"], []),
    "CUB": (["كوبي"], ["هافانا"], []),
    "MEX": (["مكسيكي"], [], []),
    "ARG": (["أرجنتيني"], [], []),
    "ZAF": (["جنوب أفريقي"], ["بريتوريا"], []),
    # Further countries of Arabic news (2026-12-03). Left out on purpose: مجري (Hungary; also
    # مجرى "course"), تركماني (also the Turkmen of Iraq and Syria), قمري (Comoros; "lunar"),
    # صحراوي (Western Sahara; "desert"), مالي ("financial"), capitals that are given names
    # (صوفيا) or other cities (سانتياغو).
    "AGO": (["أنغولي"], ["لواندا"], []),
    "BIH": (["بوسني"], ["سراييفو"], ["البوسنة"]),
    "BLR": (["بيلاروسي"], ["مينسك"], ["روسيا البيضاء"]),
    "BGR": (["بلغاري"], [], []),
    "BEN": (["بنيني"], ["كوتونو"], []),
    "BFA": (["بوركيني"], ["واغادوغو"], []),
    "CAF": ([], ["بانغي"], ["أفريقيا الوسطى"]),
    "CIV": (["إيفواري"], ["أبيدجان", "ياموسوكرو"], ["كوت ديفوار"]),
    "CMR": (["كاميروني"], ["ياوندي"], []),
    "COD": (["كونغولي"], ["كينشاسا"], ["الكونغو الديمقراطية"]),
    "COG": ([], ["برازافيل"], []),
    "COL": (["كولومبي"], ["بوغوتا"], []),
    "CZE": (["تشيكي"], ["براغ"], ["جمهورية التشيك"]),
    "ECU": (["إكوادوري"], ["كيتو"], []),
    "FIN": (["فنلندي"], ["هلسنكي"], []),
    "GAB": (["غابوني"], ["ليبرفيل"], []),
    "GHA": (["غاني"], ["أكرا"], []),
    "GIN": (["غيني"], ["كوناكري"], []),
    "HRV": (["كرواتي"], ["زغرب"], []),
    "HUN": (["هنغاري"], ["بودابست"], ["المجر"]),
    "IRL": (["أيرلندي", "إيرلندي"], ["دبلن"], ["إيرلندا"]),
    "KHM": (["كمبودي"], ["بنوم بنه"], []),
    "LBR": (["ليبيري"], ["مونروفيا"], []),
    "LTU": (["ليتواني"], ["فيلنيوس"], []),
    "LVA": (["لاتفي"], ["ريغا"], []),
    "EST": (["إستوني"], ["تالين"], []),
    "MDA": (["مولدوفي"], ["كيشيناو"], []),
    "MDG": (["مدغشقري"], ["أنتاناناريفو"], []),
    "MKD": (["مقدوني"], ["سكوبيي"], ["مقدونيا"]),
    "MLT": (["مالطي"], ["فاليتا"], []),
    "MMR": (["ميانماري", "بورمي"], ["نايبيداو"], ["بورما"]),
    "MNG": (["منغولي"], ["أولان باتور"], []),
    "MOZ": (["موزمبيقي"], ["مابوتو"], []),
    "NER": (["نيجري"], ["نيامي"], []),
    "NZL": (["نيوزيلندي"], ["ويلينغتون"], []),
    "PER": (["بيروفي"], [], []),
    "PHL": (["فلبيني"], ["مانيلا"], []),
    "PRT": (["برتغالي"], ["لشبونة"], []),
    "ROU": (["روماني"], ["بوخارست"], []),
    "RWA": (["رواندي"], ["كيغالي"], []),
    "SEN": (["سنغالي"], ["داكار"], []),
    "SLE": (["سيراليوني"], ["فريتاون"], []),
    "SRB": (["صربي"], ["بلغراد"], []),
    "SVK": (["سلوفاكي"], ["براتيسلافا"], []),
    "SVN": (["سلوفيني"], ["ليوبليانا"], []),
    "TGO": (["توغولي"], ["لومي"], []),
    "TJK": (["طاجيكي"], ["دوشنبه"], []),
    "TWN": (["تايواني"], ["تايبيه"], []),
    "TZA": (["تنزاني"], ["دودوما"], []),
    "UGA": (["أوغندي"], ["كمبالا"], []),
    "VNM": (["فيتنامي"], ["هانوي"], []),
    "ZMB": (["زامبي"], ["لوساكا"], []),
    "ZWE": (["زيمبابوي"], ["هراري"], []),
    "BOL": (["بوليفي"], [], []),
    "CHL": (["تشيلي"], [], []),
    "NIC": (["نيكاراغوي"], ["ماناغوا"], []),
    "SLV": (["سلفادوري"], [], []),
    "GTM": (["غواتيمالي"], [], []),
    "HND": (["هندوراسي"], [], []),
    "PAN": (["بنمي"], [], []),
    "PRY": (["باراغواياني"], [], []),
    "URY": (["أوروغوياني"], [], []),
    "DOM": (["دومينيكاني"], [], []),
    "HTI": (["هايتي"], [], []),
    "JAM": (["جامايكي"], [], []),
    "SGP": (["سنغافوري"], [], []),
}
# Non-state names acting as actors (IGO/EUR prefixes, spec/output.md).
SPECIAL_NAMES: dict[str, tuple[list[str], list[str]]] = {
    "EUR": (["أوروبي", "الأوروبيون"], ["أوروبا"]),
    "KUR": (["كردي", "الأكراد"], ["كردستان"]),
    "UNO": (["أممي"], []),  # "المبعوث الأممي", "القوات الأممية": the United Nations
}

# English short names where ISO's official name is not what news uses.
_EN = {"TUR": "Turkey", "RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea", "SYR": "Syria", "IRN": "Iran",
       "PSE": "Palestine", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia", "MDA": "Moldova"}
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u0671 ]+$")
_CODE = re.compile(r"\[([A-Z~]+)(?:\s+([<>]?\d{8})(?:-(\d{8}))?)?\]")


def iso3(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2)
    return c.alpha_3 if c else None


# CLDR names that are everyday words: مالي "financial" (Mali), بالاو ~ "بال"+"او".
AMBIGUOUS_NAMES = {"مالي", "بالاو", "تشاد"}


def build_countries(shared: Path) -> list[dict]:
    cldr = json.loads((shared / "data/dates/cldr_territory_names_ar.json").read_text(encoding="utf-8"))["territories"]
    rows: dict[str, dict] = {}
    for a2, name in sorted(cldr.items()):
        code = iso3(a2) if a2.isalpha() and len(a2) == 2 else None
        if not code:
            continue
        base = re.sub(r"\s*[\(\-–].*$", "", name).strip()  # "ميانمار (بورما)" -> "ميانمار"
        c = pycountry.countries.get(alpha_3=code)
        en = _EN.get(code) or (getattr(c, "common_name", None) or c.name).split(",")[0]
        names = [n for n in dict.fromkeys([base, name]) if n not in AMBIGUOUS_NAMES]
        rows[code] = {"code": code, "en": en, "names": names, "adjectives": [], "capitals": []}
    for code, (adjs, caps, names) in COUNTRY_EXTRA.items():
        row = rows.setdefault(code, {"code": code, "en": code, "names": [], "adjectives": [], "capitals": []})
        row["names"] = list(dict.fromkeys(row["names"] + names))
        row["adjectives"], row["capitals"] = adjs, caps
    for code, (adjs, names) in SPECIAL_NAMES.items():
        rows[code] = {"code": code, "en": {"EUR": "Europe", "KUR": "Kurds", "UNO": "United Nations"}[code], "names": names, "adjectives": adjs,
                      "capitals": []}
    return [rows[k] for k in sorted(rows)]


def _tokens(phrase: str) -> list[str]:
    return [t for t in phrase.replace("_", " ").split() if t]


def _date(d: str | None) -> str | None:
    if not d or d.startswith("1800") or d.startswith("2200"):
        return None
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}"


def _contains(seq: tuple[str, ...], names: set[tuple[str, ...]]) -> bool:
    return any(seq[a:b] in names for a in range(len(seq)) for b in range(a + 1, len(seq) + 1))


# Office and institution words that name no country: a PETRARCH phrase made of these alone
# ("وزارة خارجية" LBN, "وزير خارجية" EGY, "رئيس حكومة" DZA) is a lemmatised title whose
# nationality was stripped; kept, it would code every foreign minister of any country.
_GENERIC = frozenset(fold(w) for w in ["وزارة", "وزير", "رئيس", "نائب", "مساعد", "حكومة", "خارجية", "داخلي", "داخلية", "دفاع", "عمل", "مالية", "عدل", "صحة", "تعليم", "إعلام", "اقتصاد", "تجارة", "طاقة", "نفط", "زراعة", "سياحة", "ثقافة", "مدني", "شرطة", "ولاية", "جيش", "قوة", "أمن", "صحيفة", "اقتصادي", "رياضي", "مجلس", "وزراء", "ل"])


_PLACE_HEADS = frozenset(fold(w) for w in ["مدينة", "محافظة", "ولاية", "منطقة", "قرية", "بلدة", "مخيم", "حي", "قضاء", "ناحية"])


def build_petrarch(shared: Path, curated_names: set[str]) -> list[dict]:
    """Named multi-word actors from actor_dict_ar_v4.txt (lemmatised; single words are too noisy).

    Entries that merely wrap a curated name in a title ("رئيس روسي فلاديمير بوتين") are
    dropped: the stage reads titles itself and would otherwise lose the name. So are entries
    of office words alone (_GENERIC).
    """
    curated_keys = {phrase_key(n) for n in curated_names}
    lines = (shared / "data/lexicons/universalpetrarch/actor_dict_ar_v4.txt").read_text(encoding="utf-8").splitlines()
    entries: dict[str, dict] = {}
    current: str | None = None
    for raw in lines:
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t" and raw.strip().startswith("[") and current:
            codes = [raw.strip()]
        else:
            head, _, rest = raw.strip().partition("[")
            current = " ".join(_tokens(head))
            codes = ["[" + rest] if rest else []
        for c in codes:
            m = _CODE.match(c)
            if not m or not current:
                continue
            code = m.group(1).lstrip("~")
            start = end = None
            if m.group(2):
                if m.group(2)[0] == ">":
                    start = _date(m.group(2)[1:])
                elif m.group(2)[0] == "<":
                    end = _date(m.group(2)[1:])
                else:
                    start, end = _date(m.group(2)), _date(m.group(3))
                if start and end and end < start:
                    end = None  # "19840502-18000101": open-ended in the source
            entries.setdefault(current, {"codes": []})["codes"].append((code[:6], start, end))
    out = []
    for phrase, info in sorted(entries.items()):
        toks = phrase.split()
        if len(toks) < 2 or not _ARABIC_ONLY.match(phrase) or _contains(phrase_key(phrase), curated_keys):
            continue
        if all(fold(t).removeprefix("ال") in _GENERIC for t in toks):
            continue
        if fold(toks[0]) in _PLACE_HEADS:
            continue  # "مدينة الجنينة", "حي البساتين": places (the gazetteer's), not actors
        offices = []
        for code, start, end in info["codes"]:
            country, sector = code[:3], code[3:6] or None
            if not (country in SPECIAL_COUNTRIES or pycountry.countries.get(alpha_3=country)):
                continue
            if sector and sector not in SECTORS:
                continue
            offices.append({"code": code, "role": "", "from": start, "to": end})
        if not offices:
            continue
        country = Counter(o["code"][:3] for o in offices).most_common(1)[0][0]
        out.append({"name": phrase, "type": "ORG", "country": country, "wikidata": None, "ar": [phrase],
                    "offices": offices})
    return out


def build_agents(shared: Path) -> list[tuple[str, str]]:
    """(lemmatised Arabic agent phrase, sector) from agents.all.ar_v3.txt, noise removed."""
    seen: dict[str, str] = {}
    for raw in (shared / "data/lexicons/universalpetrarch/agents.all.ar_v3.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([^\[#]+?)\s*\[~([A-Z]{3})\]", raw.strip())
        if not m:
            continue
        phrase, sector = " ".join(_tokens(m.group(1))), m.group(2)
        if sector not in SECTORS or not _ARABIC_ONLY.match(phrase) or len(phrase.split()) > 3 or len(phrase) < 3:
            continue
        seen.setdefault(phrase, sector)
    return sorted(seen.items())


def build_cities(shared: Path) -> list[tuple[str, str]]:
    common = set((ROOT / "marsad/resources/geo/common.txt").read_text(encoding="utf-8").splitlines())
    best: dict[str, tuple[int, str]] = {}
    with open(shared / "data/geo/geonames_cities15000_world_arabic.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            pop = int(row["population"] or 0)
            if pop < 100_000:
                continue
            code = iso3(row["countrycode"])
            if not code:
                continue
            for name in row["arabic_script_names"].split("|"):
                name = name.strip()
                if not _ARABIC_ONLY.match(name) or len(name) < 3:
                    continue
                key = fold(name)
                if key in common:
                    continue
                if key not in best or best[key][0] < pop:
                    best[key] = (pop, code)
    return sorted((k, v[1]) for k, v in best.items())


def build_translit(shared: Path) -> list[tuple[str, str]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    path = shared / "data/lexicons/wikidata_names/wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not parts[0].isascii() or not parts[0].isalpha():
            continue
        counts[fold(parts[1].replace(" ", ""))][parts[0]] += int(parts[2])
    out = []
    for ar, c in sorted(counts.items()):
        (latin, n), *_ = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= 2:  # singletons are mostly noise and double the file size
            out.append((ar, latin))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    shared = Path(ap.parse_args().shared)
    OUT.mkdir(parents=True, exist_ok=True)
    curated = set()
    for line in (OUT / "curated.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            curated.update(fold(a) for a in json.loads(line)["ar"])

    with open(OUT / "countries.jsonl", "w", encoding="utf-8") as fh:
        for row in build_countries(shared):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(OUT / "petrarch.jsonl", "w", encoding="utf-8") as fh:
        fh.write("# Generated by scripts/build_actors.py from UniversalPetrarch actor_dict_ar_v4.txt (MIT). Do not edit.\n")
        for row in build_petrarch(shared, curated):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for name, rows in (("agents.tsv", build_agents(shared)), ("cities.tsv", build_cities(shared)),
                       ("translit.tsv", build_translit(shared))):
        with open(OUT / name, "w", encoding="utf-8") as fh:
            fh.writelines(f"{a}\t{b}\n" for a, b in rows)
    for p in sorted(OUT.iterdir()):
        print(f"{p.name}\t{p.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
