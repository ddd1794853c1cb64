"""The shipped gazetteer (marsad/resources/geo/), loaded once per process.

Built by ``scripts/build_gazetteer.py``; see ``docs/geo.md`` for the file layouts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.geo.lookup import name_key

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "geo"

def _split(text: str) -> list[str]:
    return text.split()


# Function words that are also the names of some place (إلى is a village in Iran, أقصر
# "shorter" a spelling of Luxor, مدينة the word "city" as well as Medina): never read as places,
# whatever cue precedes them. Source: Arabic prepositions, particles, pronouns, demonstratives,
# frequent adverbs, size adjectives that follow مدينة, and generic place nouns (written for Marsad).
FUNCTION_WORDS = tuple(_split("""
أن إن ان كان كانت من على إلى الى عن مع عند بعد قبل لدى حتى منذ خلال ضد نحو دون غير بين تحت فوق
أمام وراء حيث كما لكن هذا هذه ذلك تلك التي الذي الذين هو هي هم نحن أنا كل بعض أي قد لم لن لا ما
ماذا متى أين كيف إذا لو أو ثم بل إلا عليه عليها فيه فيها منه منها له لها
كبير كبيرة صغير صغيرة أبدا سويا معا أقصر أطول
دولة الدولة مدينة المدينة قرية القرية بلدة البلدة منطقة المنطقة محافظة المحافظة حي الحي ريف
"""))

# Common Arabic words that are also the names of some place in GeoNames or the Syrian
# community list. Source: the examples plus frequent verbs/nouns of news prose, value
# words used as village names, titles, given names and weekday names (written for Marsad).
# A single-token hit on one of these (or on a name the tagged corpora mostly show as a plain
# word, see scripts/build_gazetteer.py) needs NER support or a locative cue such as
# مدينة/بلدة/قرية/محافظة/ريف.
STOP_NAMES = FUNCTION_WORDS + tuple(_split("""
وقف عمل حول قال قالت الأمن أمن أمان الأمان السلام سلام النصر نصر الحرية حرية
الشهداء شهداء الجديدة جديدة الوحدة وحدة الثورة ثورة الفتح العودة عودة الخير خير النور نور الأمل أمل
يوم اليوم أمس امس غدا العام عام الشهر شهر الأسبوع الساعة وقت الوقت مرة أول آخر الآخر ثاني مالي
الرئيس رئيس وزير الوزير الحكومة حكومة الجيش جيش القوات قوات مجلس المجلس الأمم الشعب شعب
العمل الحل حل الحرب حرب القتال قتال الحصار حصار القصف قصف الهدنة هدنة الاتفاق اتفاق
المعارضة معارضة النظام نظام الإرهاب إرهاب المساعدات العنف الوضع الأزمة الطرفين الطرف
بيان البيت الأبيض الأحمر الأسود الأخضر الكبير الكبرى الصغير الصغرى الشمال الجنوب الشرق الغرب
الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية الوسطى شمال جنوب شرق غرب وسط
العين عين الخبر خبر مشهد الصور صور مجال مجالا بسيط كائن يبين الجزيرة جزيرة دوما
جون جاك باراك كيري عيسى حسن حسين علي محمد أحمد عمر خالد سعيد سليمان إبراهيم يوسف موسى مريم فاطمة
الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
"""))


@dataclass(slots=True, frozen=True)
class GeoRecord:
    key: str
    name: str
    name_ar: str
    country: str
    admin1: str | None
    feature: str
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    pcode: str | None
    parent: str | None
    precision: str | None = None  # set on derived records (a governorate's countryside is admin1)


@dataclass(slots=True)
class Gazetteer:
    records: dict[str, GeoRecord]
    names: dict[str, tuple[str, ...]]  # folded name key -> place keys
    firsts: dict[str, int]  # first token of a name key -> longest such name, in tokens
    common: frozenset[str]  # name keys that need NER support or a locative cue
    never: frozenset[str]  # name keys of function words: never places
    country_key: dict[str, str]  # ISO3 -> country place key
    capital: dict[str, str]  # ISO3 -> capital place key
    adjectives: dict[str, str]  # folded nisba adjective -> ISO3
    persons: dict[str, int]  # folded person-name token -> frequency in Wikidata labels
    preferred: frozenset[tuple[str, str]]  # (name key, place key): curated news form or CLDR name

    def candidates(self, key: str) -> list[GeoRecord]:
        return [self.records[k] for k in self.names.get(key, ())]


def _opt(s: str) -> str | None:
    return s or None


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = RESOURCES) -> Gazetteer:
    records: dict[str, GeoRecord] = {}
    with open(path / "places.tsv", encoding="utf-8") as fh:
        for line in fh:
            key, name, name_ar, country, admin1, feature, lat, lon, pop, gid, pcode, parent = line.rstrip("\n").split("\t")
            records[key] = GeoRecord(
                key, name, name_ar, country, _opt(admin1), feature,
                float(lat) if lat else None, float(lon) if lon else None,
                int(pop or 0), int(gid) if gid else None, _opt(pcode), _opt(parent),
            )
    names: dict[str, tuple[str, ...]] = {}
    preferred: set[tuple[str, str]] = set()
    with open(path / "names.tsv", encoding="utf-8") as fh:
        for line in fh:
            k, v = line.rstrip("\n").split("\t")
            keys = v.split(" ")
            if "*" in v:
                preferred.update((k, x[1:]) for x in keys if x[0] == "*")
                keys = [x.lstrip("*") for x in keys]
            names[k] = tuple(keys)
    country_key, capital, adjectives = {}, {}, {}
    with open(path / "countries.tsv", encoding="utf-8") as fh:
        for line in fh:
            iso3, ckey, cap, adjs = line.rstrip("\n").split("\t")
            country_key[iso3] = ckey
            if cap:
                capital[iso3] = cap
            for a in adjs.split():
                adjectives[a] = iso3
    common = frozenset((path / "common.txt").read_text(encoding="utf-8").split("\n")) - {""}
    firsts: dict[str, int] = {}
    for k in names:
        parts = k.split(" ")
        if len(parts) > firsts.get(parts[0], 0):
            firsts[parts[0]] = len(parts)
    persons: dict[str, int] = {}
    with open(path / "person_tokens.tsv", encoding="utf-8") as fh:
        for line in fh:
            k, n = line.rstrip("\n").split("\t")
            persons[k] = int(n)
    never = frozenset(name_key(w) for w in FUNCTION_WORDS)
    return Gazetteer(records, names, firsts, common, never, country_key, capital, adjectives, persons,
                     frozenset(preferred))
