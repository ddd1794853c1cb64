"""Arabic calendar vocabulary, folded (see marsad.text.normalize.fold), as regex pieces.

Gregorian month and weekday names come from ``resources/time/calendar.json`` (CLDR +
dateparser, built by scripts/build_dates.py); everything else here is hand-written and
each list says where it comes from. All forms are stored folded (أ→ا، ة→ه، ى→ي, digits
to ASCII), because the scanner runs on the folded view of the text.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from marsad.errors import ResourceError
from marsad.text.normalize import fold

# Month spellings common in news that CLDR/dateparser lack: Levantine names without the
# article ("كانون ثاني"), and common hamza-less / variant spellings of the Egyptian-Gulf
# names. Source: usage in Syrian/Lebanese/Iraqi and Gulf press (SANA, Al-Hayat, Al-Riyadh).
EXTRA_MONTHS: dict[int, list[str]] = {
    1: ["كانون ثاني", "كانون الثانى", "يناير"],
    4: ["ابريل", "أبريل"],
    6: ["يونيه"],
    7: ["يوليه"],
    8: ["اغسطس", "أغسطس"],
    10: ["تشرين اول", "تشرين أول"],
    11: ["تشرين ثاني", "نوفمبر"],
    12: ["كانون اول", "كانون أول"],
}

# Gregorian month names that are also ordinary words: آب (father), مارس (he practised),
# ماي, نيسان (a car make), آذار/أيار (also first names, "14 آذار" a Lebanese coalition),
# تموز. Bare (no day, no year, no modifier) they only count after a temporal preposition.
AMBIGUOUS_MONTHS = {fold(w) for w in ("آب", "مارس", "ماي", "نيسان", "آذار", "أيار", "تموز", "أوت")}

# Hijri month names (Umm al-Qura / standard Islamic calendar names with their usual
# spelling variants). Source: the names used by the Saudi Umm al-Qura calendar and CLDR's
# islamic calendar (ar). رجب، رمضان، شعبان، صفر are also personal names or words, so
# the scanner only accepts Hijri months next to a day number or a Hijri year.
HIJRI_MONTHS: dict[int, list[str]] = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول", "ربيع الاول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع آخر"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة"],
    12: ["ذو الحجة", "ذي الحجة"],
}

# Cardinal number words 1..10 (masculine/feminine, nominative/oblique). Source: standard
# Modern Standard Arabic grammar (Wright, "A Grammar of the Arabic Language", §§ 315-323).
ONES: dict[int, list[str]] = {
    1: ["واحد", "واحدة"],
    2: ["اثنان", "اثنين", "اثنتان", "اثنتين"],
    3: ["ثلاث", "ثلاثة"],
    4: ["أربع", "أربعة"],
    5: ["خمس", "خمسة"],
    6: ["ست", "ستة"],
    7: ["سبع", "سبعة"],
    8: ["ثمان", "ثماني", "ثمانية"],
    9: ["تسع", "تسعة"],
    10: ["عشر", "عشرة"],
}
TENS: dict[int, list[str]] = {
    20: ["عشرون", "عشرين"], 30: ["ثلاثون", "ثلاثين"], 40: ["أربعون", "أربعين"],
    50: ["خمسون", "خمسين"], 60: ["ستون", "ستين"], 70: ["سبعون", "سبعين"],
    80: ["ثمانون", "ثمانين"], 90: ["تسعون", "تسعين"],
}
HUNDREDS: dict[int, list[str]] = {
    100: ["مئة", "مائة", "مية"], 200: ["مئتين", "مائتين", "مئتان", "مائتان"], 1000: ["ألف"],
}
# Ordinal day numbers used in "الثاني من آب" (masculine, with the article).
ORDINALS: dict[int, str] = {
    1: "الأول", 2: "الثاني", 3: "الثالث", 4: "الرابع", 5: "الخامس", 6: "السادس", 7: "السابع",
    8: "الثامن", 9: "التاسع", 10: "العاشر",
}
# Clock hours as feminine ordinals ("الساعة العاشرة").
HOUR_WORDS: dict[int, list[str]] = {
    1: ["الواحدة"], 2: ["الثانية"], 3: ["الثالثة"], 4: ["الرابعة"], 5: ["الخامسة"],
    6: ["السادسة"], 7: ["السابعة"], 8: ["الثامنة"], 9: ["التاسعة"], 10: ["العاشرة"],
    11: ["الحادية عشرة", "الحادية عشر"], 12: ["الثانية عشرة", "الثانية عشر"],
}

# Units of time: singular, accusative, plural, and dual forms (dual = 2 without a number).
UNITS: dict[str, dict[str, list[str]]] = {
    "D": {"sg": ["يوم", "يوما"], "pl": ["أيام"], "du": ["يومين", "يومان"]},
    "W": {"sg": ["أسبوع", "أسبوعا"], "pl": ["أسابيع"], "du": ["أسبوعين", "أسبوعان"]},
    "M": {"sg": ["شهر", "شهرا"], "pl": ["أشهر", "شهور"], "du": ["شهرين", "شهران"]},
    "Y": {"sg": ["سنة", "عام", "عاما"], "pl": ["سنوات", "سنين", "أعوام"], "du": ["سنتين", "سنتان", "عامين", "عامان"]},
    "H": {"sg": ["ساعة"], "pl": ["ساعات"], "du": ["ساعتين", "ساعتان"]},
    "MIN": {"sg": ["دقيقة"], "pl": ["دقائق"], "du": ["دقيقتين", "دقيقتان"]},
}

# Modifiers after a weekday / month / "الأسبوع" etc. Source: CLDR ar relative date fields
# (الماضي، القادم) and common press usage (المقبل، المنصرم، الفائت، الجاري).
PAST_MODS = ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة"]
FUTURE_MODS = ["المقبل", "المقبلة", "القادم", "القادمة"]
CURRENT_MODS = ["الحالي", "الحالية", "الجاري", "الجارية"]

# Parts of the day that may precede اليوم/أمس/غدا or a weekday ("مساء أمس", "فجر الجمعة").
PARTS_OF_DAY = ["صباح", "مساء", "ظهر", "عصر", "فجر", "ليل", "ليلة", "ظهيرة", "ضحى", "نهار", "صبيحة",
                "منتصف ليل", "منتصف ليلة", "منتصف نهار", "وقت متأخر من ليل", "ساعات صباح", "ساعات مساء",
                "ساعات فجر", "ساعات ليل"]

# Words that turn a following "27 شباط" into a name rather than a date ("قوى 14 آذار",
# "ثورة 25 يناير", "جسر 6 أكتوبر"). Source: Arab political/place names built on dates.
NAME_HEADS = {fold(w) for w in ("قوى", "تيار", "ثورة", "حركة", "جسر", "مدينة", "ميدان", "شارع", "تحالف",
                                "فريق", "كتلة", "ائتلاف", "جماعة", "انتفاضة", "مجموعة", "لواء", "كتيبة",
                                "جبهة", "نادي", "جامعة", "مستشفى", "مدرسة", "ساحة")}

# Markers of a future reading for a bare weekday or month ("سيعقد يوم الخميس").
# Source: MSA future particles and press formulas for scheduled events.
FUTURE_WORDS = {fold(w) for w in ("سوف", "المقرر", "مقرر", "المزمع", "المنتظر", "المرتقب", "المرتقبة", "مرتقب",
                                  "يعتزم", "تعتزم", "يزمع", "تزمع", "يرتقب", "ينتظر", "يتوقع", "المتوقع",
                                  "موعد", "أمهل", "أمهلت", "مهلة", "لن")}
# Imperfect forms of scheduling verbs: in news "تبدأ الجولة يوم الخميس" announces a coming
# event (the past forms بدأت، انطلقت، عقدت differ). Source: agency style for schedules.
FUTURE_WORDS |= {fold(w) for w in (
    "يبدأ", "تبدأ", "ينطلق", "تنطلق", "يعقد", "تعقد", "ينعقد", "تنعقد", "يستأنف", "تستأنف", "يلتقي", "تلتقي",
    "يجتمع", "تجتمع", "يزور", "تزور", "يصل", "تصل", "يغادر", "تغادر", "يتوجه", "تتوجه", "يفتتح", "تفتتح",
    "يختتم", "تختتم", "ينتهي", "تنتهي", "تنتهى", "يحل", "تحل", "يصوت", "يلقي", "تجرى", "يجرى")}
PAST_WORDS = {fold(w) for w in ("كان", "كانت", "قد", "لقد", "لم")}
# Words beginning like a future verb (س + imperfect prefix) that are not verbs: common
# nouns and frequent transliterated first names in political news.
NOT_FUTURE_VERBS = {fold(w) for w in (
    "سياسة", "سياسي", "سياسية", "سياسيين", "سياسيون", "سيارة", "سيارات", "سيطرة", "سيادة", "سيادي", "سيناريو",
    "سيناء", "سينما", "سياق", "سيول", "سيدة", "سيدات", "سيد", "سيرة", "سيئة", "ستة", "ستين", "ستون", "سنة",
    "سنوات", "سنوي", "سنوية", "سنويا", "سنتين", "ستار", "ستالين", "سيف", "سيرغي", "سيرجي", "سيرجيو",
    "ستيفن", "ستيف", "سيمون", "سيباستيان", "ستانلي", "سيبيريا", "سيدني", "ستوكهولم", "سنغافورة", "سنجار",
    "سيطرت", "سيطر", "سيطروا", "سنة", "سنن", "ستائر", "سيول", "سيئول", "سيلفا", "سيسي", "السيسي")}

# Publication-line cues ("نشر في", "آخر تحديث"): lines with these may be long.
PUBLICATION_CUES = {fold(w) for w in ("نشر", "نشرت", "تاريخ", "تحديث", "محدث", "published", "updated", "posted",
                                      "date")}

# English month names for bylines of bilingual sites ("Aug 2, 2016").
ENGLISH_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"))}
ENGLISH_MONTHS.update({m[:3]: i for m, i in list(ENGLISH_MONTHS.items())})
ENGLISH_MONTHS["sept"] = 9


@lru_cache(maxsize=1)
def calendar() -> dict:
    """Gregorian month and weekday names from the packaged CLDR/dateparser table."""
    try:
        text = resources.files("marsad.resources").joinpath("time/calendar.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover - packaging error
        raise ResourceError(f"missing marsad/resources/time/calendar.json: {exc}") from exc
    return json.loads(text)


def _variants(form: str) -> str:
    """A folded form as a regex: any whitespace between words, optional before a digit ("كانون 2")."""
    parts = form.split()
    out = re.escape(parts[0])
    for part in parts[1:]:
        out += (r"\s*" if part[0].isdigit() else r"\s+") + re.escape(part)
    return out


def alternation(forms: list[str] | set[str]) -> str:
    """Regex alternation of folded forms, longest first (regex alternation is first-match)."""
    uniq = sorted({fold(f) for f in forms}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(_variants(f) for f in uniq) + ")"


@lru_cache(maxsize=1)
def gregorian_months() -> dict[str, int]:
    """Folded month name (single-spaced) -> month number, every tradition."""
    table: dict[str, int] = {}
    for key, names in calendar()["months"].items():
        for name in names:
            table[" ".join(fold(name).split())] = int(key)
    for month, names in EXTRA_MONTHS.items():
        for name in names:
            table[" ".join(fold(name).split())] = month
    return table


@lru_cache(maxsize=1)
def hijri_months() -> dict[str, int]:
    return {" ".join(fold(n).split()): m for m, names in HIJRI_MONTHS.items() for n in names}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Folded weekday name with the article -> weekday (0 = Monday, as datetime)."""
    return {fold(n): int(k) for k, names in calendar()["weekdays"].items() for n in names}


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Folded number word (or fixed two-word teen) -> value; compounds are parsed by the caller."""
    table: dict[str, int] = {}
    for value, forms in {**ONES, **TENS, **HUNDREDS}.items():
        for f in forms:
            table[fold(f)] = value
    for n in range(3, 10):
        for f in ONES[n]:
            for ten in ("عشر", "عشرة"):
                table[fold(f"{f} {ten}")] = 10 + n
    for f in ("أحد عشر", "إحدى عشرة", "إحدى عشر", "احدى عشرة"):
        table[fold(f)] = 11
    for f in ("اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة"):
        table[fold(f)] = 12
    return table


@lru_cache(maxsize=1)
def ordinal_days() -> dict[str, int]:
    """Folded ordinal day ("الحادي والعشرين") -> day of month, 1..31."""
    table = {fold(w): n for n, w in ORDINALS.items()}
    teens = {1: "الحادي", 2: "الثاني", **{n: ORDINALS[n] for n in range(3, 10)}}
    for n, w in teens.items():
        table[fold(f"{w} عشر")] = 10 + n
    for tens_value, tens_word in ((20, "العشرين"), (30, "الثلاثين")):
        table[fold(tens_word)] = tens_value
        for n, w in {1: "الحادي", **{k: ORDINALS[k] for k in range(2, 10)}}.items():
            if tens_value + n <= 31:
                table[fold(f"{w} و{tens_word}")] = tens_value + n
                table[fold(f"{w} و {tens_word}")] = tens_value + n
        table[fold(f"الواحد و{tens_word}")] = tens_value + 1
    return table


@lru_cache(maxsize=1)
def hour_words() -> dict[str, int]:
    return {fold(f): h for h, forms in HOUR_WORDS.items() for f in forms}


@lru_cache(maxsize=1)
def unit_forms() -> dict[str, tuple[str, bool]]:
    """Folded unit word -> (unit code, is_dual)."""
    out: dict[str, tuple[str, bool]] = {}
    for code, groups in UNITS.items():
        for kind, forms in groups.items():
            for f in forms:
                out[fold(f)] = (code, kind == "du")
    return out
