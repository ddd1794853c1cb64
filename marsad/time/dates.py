"""Find Arabic date expressions and resolve them against the publication date.

One compiled regex runs over the folded view of the text (marsad.text.normalize): its
alternatives are the expression families, ordered so that at any position the most
specific reading wins (a range before a date, "اليوم السبت" before "اليوم"). Each match
is then resolved by plain date arithmetic. Values are ISO 8601 at the expression's
precision (2016-08-01, 2016-W31, 2016-08, 2016), ranges are intervals
("2016-08-03/2016-08-05"), durations are ISO durations ("P7D", "PT48H") with precision
"unknown" so that nobody mistakes them for dates. Without a publication date relative
expressions keep a null value; absolute ones still resolve.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from marsad.document import Document, TimeExpression
from marsad.text.normalize import _DELETE, fold
from marsad.time import lexicon as lx
from marsad.time.calendar import (
    add_months,
    format_value,
    gregorian_to_hijri,
    hijri_to_gregorian,
    hijri_year_to_gregorian,
    parse_published,
    shift,
)

_PAST = "past"
_FUTURE = "future"
_CURRENT = "current"


def _f(words: list[str] | set[str]) -> str:
    return lx.alternation(words)


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    num_words = lx.number_words()
    compound = (
        rf"(?:{_f([w for w, v in num_words.items() if v < 10])})\s+و\s*(?:{_f([w for w, v in num_words.items() if v in range(20, 100, 10)])})"
    )
    units = lx.unit_forms()
    p = {
        "MON": _f(list(lx.gregorian_months())),
        "HMON": _f(list(lx.hijri_months())),
        "WD": _f(list(lx.weekdays())),
        "ORD": _f(list(lx.ordinal_days())),
        "NUMW": rf"(?:{compound}|{_f(list(num_words))})",
        "UNIT": _f([u for u, (_, du) in units.items() if not du]),
        "DUAL": _f([u for u, (_, du) in units.items() if du]),
        "PASTM": _f(lx.PAST_MODS),
        "FUTM": _f(lx.FUTURE_MODS),
        "CURM": _f(lx.CURRENT_MODS),
        "POD": _f(lx.PARTS_OF_DAY),
        "HOURW": _f(list(lx.hour_words())),
    }
    p["MOD"] = rf"(?:{p['PASTM']}|{p['FUTM']}|{p['CURM']}|قبل\s+الماضي|بعد\s+(?:المقبل|القادم))"
    p["YMOD"] = rf"(?:من\s+(?:ال)?(?:عام|سنه)\s+(?:{p['PASTM']}|{p['FUTM']}|{p['CURM']}))"
    # "شباط/فبراير", "شباط - فبراير", "شباط (فبراير)": a second tradition's name as a gloss.
    p["MONX"] = rf"(?:{p['MON']}(?:\s*[/\-]\s*{p['MON']}|\s*\(\s*{p['MON']}\s*\))?)"
    return p


_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_YEAR4 = r"(?:1[3-9]|20)\d\d(?!\d)(?![-/.:]\d)"
_ERA = r"(?:\s*(?:ميلاديه|ميلادي|للميلاد|هجريه|هجري|للهجره|م|ه)(?!\w))?"
_PREP_TIME = r"(?:في|منذ|حتي|خلال|مطلع|اوايل|اواسط|اواخر|منتصف|نهايه|بدايه|اخر|مستهل|بحلول|قبل|بعد|الي|مع|من)"


def _year_part(tag: str) -> str:
    return rf"(?:\s*[,/]?\s*(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<{tag}_y>{_YEAR4})(?P<{tag}_era>{_ERA}))"


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    p = _pieces()
    families = {
        # من 3 إلى 5 آب [2016] / بين 3 و5 آب / 3-5 آب
        "rd": rf"(?:(?P<rd_p>(?:من|بين)(?:\s+يومي)?|يومي)\s+)?(?:يوم\s+)?(?P<rd_d1>{_DAY})\s*(?P<rd_s>الي|حتي|و|-|–)\s*(?:يوم\s+)?"
        rf"(?P<rd_d2>{_DAY})\s*(?:من\s+)?(?:شهر\s+)?(?P<rd_m>{p['MONX']}){_year_part('rd')}?"
        rf"(?:\s+(?P<rd_mod>{p['MOD']}|{p['YMOD']}))?",
        # [يوم الثلاثاء] 2 آب [2016] / الثاني من آب / 27 شباط الماضي
        "dm": rf"(?:(?:يوم\s+)?(?P<dm_wd>{p['WD']})\s*[,\-]?\s*(?:الموافق\s+)?)?"
        rf"(?:(?:ال\s*)?(?P<dm_d>{_DAY})|(?P<dm_o>{p['ORD']})\s+من)\s*(?:من\s+)?(?:شهر\s+)?(?P<dm_m>{p['MONX']})"
        rf"{_year_part('dm')}?(?:\s+(?P<dm_mod>{p['MOD']}|{p['YMOD']}))?",
        # 27 شوال 1437 هـ / 15 رمضان
        "hd": rf"(?:(?:يوم\s+)?(?P<hd_wd>{p['WD']})\s*[,\-]?\s*)?(?:(?P<hd_d>{_DAY})|(?P<hd_o>{p['ORD']})\s+من)\s*(?:من\s+)?(?:شهر\s+)?(?P<hd_m>{p['HMON']})"
        rf"(?:\s*[,/]?\s*(?:(?:ال)?(?:عام|سنه)\s+)?(?P<hd_y>1[3-5]\d\d)(?!\d))?(?P<hd_era>{_ERA})",
        # رمضان 1437 هـ
        "hm": rf"(?:شهر\s+)?(?P<hm_m>{p['HMON']})\s*[,/]?\s*(?:(?:ال)?عام\s+)?(?P<hm_y>1[3-5]\d\d)(?!\d)(?P<hm_era>{_ERA})",
        # 2016-08-02, 02/08/2016, 1437/10/27 هـ
        "nm": rf"(?:(?P<nm_a>\d{{4}})[-/.](?P<nm_b>\d{{1,2}})[-/.](?P<nm_c>\d{{1,2}})"
        rf"|(?P<nm_d>\d{{1,2}})[-/.](?P<nm_e>\d{{1,2}})[-/.](?P<nm_f>\d{{4}}))(?!\d)(?P<nm_era>{_ERA})",
        # العاشر من الشهر الجاري / 10 من الشهر الماضي
        "do": rf"(?:(?P<do_d>{_DAY})|(?P<do_o>{p['ORD']}))\s+من\s+(?:(?P<do_this>هذا)\s+)?الشهر(?:\s+(?P<do_mod>{p['MOD']}))?",
        # آب 2016 / شهر أغسطس من عام 2016
        "my": rf"(?:شهر\s+)?(?P<my_m>{p['MONX']}){_year_part('my')}",
        # آب الماضي / شباط من العام الجاري
        "mm": rf"(?:شهر\s+)?(?P<mm_m>{p['MONX']})\s+(?P<mm_mod>{p['MOD']}|{p['YMOD']})",
        # في آب (a bare month needs a temporal preposition)
        "mb": rf"(?P<mb_p>{_PREP_TIME}|شهر)\s+(?:شهر\s+)?(?P<mb_m>{p['MONX']})(?!\s*\d)(?!\s*[/(\-])(?!\s+(?:{p['MOD']}|من\s+(?:ال)?(?:عام|سنه)))",
        # عام 2011 / في 2011 / بين عامي 2011 و2013
        "yr": rf"(?:(?P<yr_p>{_PREP_TIME}|بين)\s+)?(?P<yr_c>(?:(?P<yr_k>(?:ال)?عام|(?:ال)?سنه|عامي|العامين|سنتي)\s+)?"
        rf"(?P<yr_y>{_YEAR4})(?P<yr_era>{_ERA})"
        rf"(?:\s*(?:و|الي|حتي|-|–)\s*(?:(?:ال)?عام\s+)?(?P<yr_y2>{_YEAR4}))?)",
        # اليوم السبت / أمس الجمعة / الاثنين المقبل / صباح يوم الثلاثاء
        "wd": rf"(?:(?P<wd_pod>{p['POD']})\s+)?(?:(?:يوم\s+)?(?P<wd_rel>اليوم|امس\s+الاول|امس|الامس|البارحه|غدا|الغد|غد|"
        rf"اول\s+(?:من\s+)?امس|قبل\s+امس|بعد\s+غد|يوم|ليله|نهار)(?:\s+|\s*(?P<wd_par>\()\s*))?(?P<wd_d>{p['WD']})(?(wd_par)\s*\))"
        rf"(?:\s+(?P<wd_mod>{p['MOD']}))?",
        # امس / اليوم / غدا / أول أمس / مساء أمس / الليلة الماضية
        "rl": rf"(?:(?P<rl_pod>{p['POD']})\s+)?(?:(?P<rl_day>يوم)\s+)?(?P<rl_w>اول\s+(?:من\s+)?امس|قبل\s+امس|بعد\s+غد|"
        r"الليله\s+الماضيه|امس\s+الاول|امس|الامس|البارحه|اليوم|غدا|الغد|غد)",
        # الأسبوع الماضي / هذا العام / مطلع الشهر الجاري
        "cl": rf"(?:(?P<cl_pos>مطلع|اوايل|اواسط|اواخر|منتصف|نهايه|بدايه|مستهل)\s+)?"
        rf"(?:(?P<cl_this>هذا|هذه)\s+(?P<cl_u1>الاسبوع|الشهر|العام|السنه)(?:\s+(?P<cl_mod1>{p['CURM']}))?"
        rf"|(?P<cl_u2>الاسبوع|الشهر|العام|السنه)\s+(?P<cl_mod2>{p['MOD']}))",
        # منذ ثلاثة أيام / بعد أسبوعين / خلال 48 ساعة / سبعة أيام متواصلة
        "qt": rf"(?:(?P<qt_p>منذ|قبل|بعد\s+مرور|بعد|خلال|لمده|لفتره|مده|طيله|طوال|علي\s+مدي|علي\s+مدار|في\s+غضون|غضون)\s+)?"
        rf"(?:(?:اكثر\s+من|اقل\s+من|نحو|حوالي|قرابه|زهاء|ما\s+يزيد\s+عن|ما\s+يقارب)\s+)?"
        rf"(?:(?P<qt_n>(?:ال\s*)?\d{{1,4}}|{p['NUMW']})\s+(?P<qt_u>{p['UNIT']}|{p['DUAL']})|(?P<qt_du>{p['DUAL']})"
        rf"|(?P<qt_su>يوم(?!\s+(?:{p['WD']}|امس|الغد))|اسبوع|شهر(?!\s+(?:{p['MON']}|{p['HMON']}))|سنه(?!\s*\d)|عام(?!\s*\d)|ساعه)"
        rf"(?:\s+واحد(?:ه)?)?)"
        rf"(?:\s+(?P<qt_m>الماضيه|الاخيره|المقبله|القادمه|المنصرمه|الماضي|المقبل|القادم|متواصله|متتاليه|"
        r"متواصلين|متتاليين|متتالين|كامله|فقط|من\s+الان))?",
        # 10:30 / الساعة العاشرة صباحا
        "tm": rf"(?:(?:الساعه\s+)?(?P<tm_h>[01]?\d|2[0-3]):(?P<tm_mi>[0-5]\d)(?!\d)"
        rf"|الساعه\s+(?P<tm_h2>[01]?\d|2[0-3]|{p['HOURW']})(?!\d)(?:\s+و\s*(?P<tm_f>النصف|الربع|نصف|ربع))?)"
        r"(?:\s+(?P<tm_pod>صباحا|مساء|ظهرا|ليلا|فجرا|عصرا|بعد\s+الظهر))?",
    }
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in families.items())
    # Proclitic و/ف, and ب/ل before the article or عام/سنة/يوم ("وأمس", "بالأمس", "بعام 2013"), stay outside spans.
    return re.compile(rf"(?<!\w)(?:[وف](?=\w))?(?:[بل](?=ال|عام|سنه|يوم))?(?:{body})(?!\w)")


_FAMILIES = ("rd", "dm", "hd", "hm", "nm", "do", "my", "mm", "mb", "yr", "wd", "rl", "cl", "qt", "tm")


# -- helpers ----------------------------------------------------------------------------------------------

def _norm(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def _month_of(text: str) -> int:
    """Month number of a MONX match ("شباط (فبراير)" -> 2): the first name decides."""
    table = lx.gregorian_months()
    s = _norm(text)
    for cut in range(len(s), 0, -1):
        key = _norm(s[:cut])
        if key in table:
            return table[key]
    raise KeyError(text)


def _number(s: str) -> int:
    s = _norm(s)
    if s.isdigit():
        return int(s)
    words = lx.number_words()
    if s in words:
        return words[s]
    left, _, right = s.partition(" و")
    return words.get(left.strip(), 0) + words.get(right.strip(), 0)


def _day(digits: str | None, ordinal: str | None) -> int:
    if digits:
        return int(digits)
    return lx.ordinal_days()[_norm(ordinal)]


def _direction(mod: str | None) -> str | None:
    if not mod:
        return None
    m = _norm(mod)
    if m.startswith("قبل"):
        return "past2"
    if m.startswith("بعد"):
        return "future2"
    last = m.split()[-1]
    if last in {fold(w) for w in lx.PAST_MODS}:
        return _PAST
    if last in {fold(w) for w in lx.FUTURE_MODS}:
        return _FUTURE
    return _CURRENT


def _year_modifier(mod: str | None) -> int | None:
    """"من العام الماضي" -> -1 (year offset), None when the modifier is not a year phrase."""
    if not mod or not _norm(mod).startswith("من"):
        return None
    d = _direction(mod)
    return {_PAST: -1, _FUTURE: 1}.get(d or "", 0)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# A bare day-month this close after publication is read as upcoming, not a year old.
_NEAR_FUTURE_DAYS = 45


def _infer_day_month(month: int, day: int, pub: date, direction: str | None, future: bool) -> date | None:
    """The year of "27 شباط [الماضي]": nearest such date on the side the text implies."""
    cands = [c for c in (_safe_date(pub.year + k, month, day) for k in (-1, 0, 1)) if c]
    return _pick_year(cands, _safe_date(pub.year, month, day), pub, direction, future)


def _hijri_candidates(month: int, day: int, pub: date) -> tuple[list[date], date | None]:
    hy = gregorian_to_hijri(pub)[0]
    out: dict[int, date] = {}
    for y in (hy - 1, hy, hy + 1):
        try:
            out[y] = hijri_to_gregorian(y, month, day)
        except ValueError:
            continue
    return list(out.values()), out.get(hy)


def _pick_year(cands: list[date], this: date | None, pub: date, direction: str | None, future: bool) -> date | None:
    """Choose among the same day-month in neighbouring years."""
    if direction == _PAST:
        before = [c for c in cands if c < pub]
        return max(before) if before else None
    if direction == _FUTURE:
        after = [c for c in cands if c > pub]
        return min(after) if after else None
    if direction == _CURRENT:
        return this
    if future:
        after = [c for c in cands if c >= pub]
        return min(after) if after else None
    if this is not None and pub < this <= pub + timedelta(days=_NEAR_FUTURE_DAYS):
        return this  # a date a few weeks ahead is this year's, not last year's ("من 3 إلى 5 آب")
    before = [c for c in cands if c <= pub]
    return max(before) if before else None


def _infer_month(month: int, pub: date, direction: str | None, future: bool) -> date:
    """The year of "آب [الماضي]" (first of that month)."""
    this = date(pub.year, month, 1)
    if direction == _PAST:
        return this if month < pub.month else date(pub.year - 1, month, 1)
    if direction == _FUTURE:
        return this if month > pub.month else date(pub.year + 1, month, 1)
    if direction == _CURRENT:
        return this
    if future:
        return this if month >= pub.month else date(pub.year + 1, month, 1)
    return this if month <= pub.month else date(pub.year - 1, month, 1)


def _weekday_date(wd: int, pub: date, rel: int | None, direction: str | None, future: bool) -> date:
    """Resolve a weekday name; a relative word ("أمس الجمعة") anchors it, the name decides."""
    if rel is not None:
        anchor = pub + timedelta(days=rel)
        for delta in (0, -1, 1, -2, 2, -3, 3):
            d = anchor + timedelta(days=delta)
            if d.weekday() == wd:
                return d
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if direction in (_PAST, "past2"):
        d = pub - timedelta(days=back or 7)
        return d - timedelta(days=7) if direction == "past2" else d
    if direction in (_FUTURE, "future2"):
        d = pub + timedelta(days=ahead or 7)
        return d + timedelta(days=7) if direction == "future2" else d
    if back == 0:
        return pub
    return pub + timedelta(days=ahead) if future else pub - timedelta(days=back)


# Words before a bare "الاثنين" that make it the numeral "the two". Source: corpus reading
# (SaudiNewsNet sample): كلا/بين/مع/أم/أو الاثنين, pronoun + الاثنين.
_TWO_CONTEXT = {"كلا", "كلتا", "بين", "مع", "ام", "او", "احنا", "نحن", "هم", "هما", "انتم", "في", "الي", "لكلا", "من"}
# Adjectives after "اليوم" that make it "the day" (اليوم التالي، اليوم العالمي، اليوم الأول).
# Source: frequent collocations of اليوم in the SaudiNewsNet sample.
_DAY_ADJECTIVES = {fold(w) for w in (
    "التالي", "السابق", "اللاحق", "الموالي", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
    "الثامن", "التاسع", "العاشر", "الأخير", "الآخر", "العالمي", "الوطني", "الدولي", "العربي", "الموعود", "المشهود",
    "المحدد", "المقرر", "الذي", "الواحد", "الكامل", "الطويل", "الدامي", "الأسود", "الختامي", "الافتتاحي",
    "التاريخي", "المفتوح", "الدراسي", "المشؤوم", "الأخيرة", "نفسه", "ذاته", "بيومه")}
# Words before "اليوم" that make it "that day" or part of a media name ("روسيا اليوم" = RT
# Arabic, "المصري اليوم", "عين اليوم", "صحيفة اليوم"). Source: Arab media names.
_NOT_TODAY_BEFORE = {"ذلك", "هذا", "ذات", "نفس", "ذاك", "روسيا", "المصري", "عين", "صحيفه", "جريده", "لصحيفه",
                     "لجريده", "قناه", "لقناه", "موقع", "غله"}
_RECURRING = {"كل", "سنويا", "اسبوعيا", "شهريا", "عاده"}


def _recurring(ctx: _Ctx, pos: int) -> bool:
    """"كل عام في نوفمبر", "سنويا في آذار": a recurring date has no single value."""
    before = _WORD_TOKEN.findall(ctx.folded, max(0, pos - 30), pos)[-3:]
    return any(w in _RECURRING for w in before)


_TRAILING_MARKS = set(_DELETE)
_DELETED = re.compile(f"[{_DELETE}]")  # the characters fold() deletes
_REL_DAYS = {"غد": 1, "امس الاول": -2, "امس": -1, "الامس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "الغد": 1, "اول امس": -2,
             "اول من امس": -2, "قبل امس": -2, "بعد غد": 2, "الليله الماضيه": -1}
_WORD_TOKEN = re.compile(r"\w+")


def _is_future_context(folded: str, start: int, sentence_start: int, skip: list[tuple[int, int]]) -> bool:
    """A future cue (سوف، المقرر، a س-prefixed verb) among the few words before ``start``."""
    words = [m for m in _WORD_TOKEN.finditer(folded, sentence_start, start)][-8:]
    for m in reversed(words):
        if any(a <= m.start() < b for a, b in skip):
            continue
        w = m.group()
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if w in lx.PAST_WORDS or bare in lx.PAST_WORDS:
            return False
        if w in lx.FUTURE_WORDS or bare in lx.FUTURE_WORDS:
            return True
        for cand in (w, bare):
            if (len(cand) >= 5 and cand[0] == "س" and cand[1] in "يتنا" and not cand.isdigit()
                    and cand not in lx.NOT_FUTURE_VERBS and not cand.startswith("سيا")):
                return True
    return False


# -- the scanner --------------------------------------------------------------------------------------------

class _Ctx:
    """Per-text state the resolvers need: folded text, sentence bounds, NER spans."""

    __slots__ = ("folded", "pub", "sentences", "skip")

    def __init__(self, folded: str, pub: date | None, sentences: list[tuple[int, int]], skip: list[tuple[int, int]]):
        self.folded = folded
        self.pub = pub
        self.sentences = sentences
        self.skip = skip

    def sentence_start(self, pos: int) -> int:
        best = 0
        for s, e in self.sentences:
            if s <= pos < e:
                return s
            if s <= pos:
                best = s
        return best

    def future(self, pos: int) -> bool:
        return _is_future_context(self.folded, pos, self.sentence_start(pos), self.skip)

    def prev_word(self, pos: int) -> str:
        m = re.search(r"(\w+)\W*$", self.folded[max(0, pos - 40):pos])
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        m = re.match(r"\W*?(\w+)", self.folded[pos:pos + 40])
        return m.group(1) if m else ""


def _span(m: re.Match[str], family: str) -> tuple[int, int]:
    """Core span of a match: family group, minus a leading preposition where it is not part of it."""
    if family == "mb":
        return m.start("mb_m"), m.end(family)
    if family == "yr":
        return m.start("yr_c"), m.end(family)
    return m.start(family), m.end(family)


Resolved = tuple[str | None, str, str]  # value, precision, kind


def _resolve(m: re.Match[str], family: str, ctx: _Ctx, start: int) -> Resolved | None:
    """Value/precision/kind of one match, or None when the match is not a date after all."""
    g = m.group
    pub = ctx.pub
    if family in ("dm", "rd"):
        tag = family
        month = _month_of(g(f"{tag}_m"))
        day = int(g("rd_d1")) if tag == "rd" else _day(g("dm_d"), g("dm_o"))
        day2 = int(g("rd_d2")) if tag == "rd" else None
        if tag == "rd" and not g("rd_p") and g("rd_s") not in ("-", "–"):
            return None
        if tag == "rd" and day2 is not None and day2 <= day:
            return None
        year = g(f"{tag}_y")
        mod = g(f"{tag}_mod")
        if not year and not mod and ctx.prev_word(m.start(family)) in lx.NAME_HEADS:
            return None
        kind = "range" if tag == "rd" else "date"
        if year:
            y = int(year)
            if "ه" in (g(f"{tag}_era") or "") or y < 1600:
                return None
            first = _safe_date(y, month, day)
        else:
            ymod = _year_modifier(mod)
            if pub is None:
                return (None, "unknown", kind)
            if ymod is not None:
                first = _safe_date(pub.year + ymod, month, day)
            else:
                first = _infer_day_month(month, day, pub, _direction(mod), ctx.future(start))
        if first is None:
            return None
        if day2 is not None:
            last = _safe_date(first.year, month, day2)
            if last is None:
                return None
            return (f"{first.isoformat()}/{last.isoformat()}", "day", kind)
        return (first.isoformat(), "day", kind)
    if family == "hd":
        month = lx.hijri_months()[_norm(g("hd_m"))]
        day = _day(g("hd_d"), g("hd_o"))
        if g("hd_y"):
            y = int(g("hd_y"))
        else:
            if pub is None:
                return (None, "unknown", "date")
            cands, this = _hijri_candidates(month, day, pub)
            picked = _pick_year(cands, this, pub, None, ctx.future(start))
            return (picked.isoformat(), "day", "date") if picked else None
        try:
            return (hijri_to_gregorian(y, month, day).isoformat(), "day", "date")
        except ValueError:
            return None
    if family == "hm":
        month = lx.hijri_months()[_norm(g("hm_m"))]
        try:
            return (format_value(hijri_to_gregorian(int(g("hm_y")), month, 1), "month"), "month", "date")
        except ValueError:
            return None
    if family == "nm":
        hijri = "ه" in (g("nm_era") or "")
        if g("nm_a"):
            y, mo, d = int(g("nm_a")), int(g("nm_b")), int(g("nm_c"))
        else:
            d, mo, y = int(g("nm_d")), int(g("nm_e")), int(g("nm_f"))
            if mo > 12 >= d:  # month-first (US style) only when day-first is impossible
                d, mo = mo, d
        if hijri or 1300 <= y < 1600:
            try:
                return (hijri_to_gregorian(y, mo, d).isoformat(), "day", "date")
            except ValueError:
                return None
        if not 1900 <= y <= 2100:
            return None
        value = _safe_date(y, mo, d)
        return (value.isoformat(), "day", "date") if value else None
    if family == "do":
        if not g("do_this") and not g("do_mod"):
            return None
        if pub is None:
            return (None, "unknown", "date")
        day = _day(g("do_d"), g("do_o"))
        direction = _direction(g("do_mod")) if g("do_mod") else _CURRENT
        base = {_PAST: add_months(pub, -1), _FUTURE: add_months(pub, 1)}.get(direction or "", pub)
        value = _safe_date(base.year, base.month, day)
        return (value.isoformat(), "day", "date") if value else None
    if family == "my":
        y = int(g("my_y"))
        if "ه" in (g("my_era") or "") or y < 1600:
            return None
        return (f"{y:04d}-{_month_of(g('my_m')):02d}", "month", "date")
    if family in ("mm", "mb"):
        month_text = g(f"{family}_m")
        if family == "mb" and _norm(month_text) in lx.AMBIGUOUS_MONTHS and g("mb_p") in ("من", "مع", "الي"):
            return None
        month = _month_of(month_text)
        if family == "mb" and _recurring(ctx, m.start("mb")):
            return None  # "يعقد كل عام في شهر نوفمبر": every November, not one
        if pub is None:
            return (None, "unknown", "date")
        mod = g("mm_mod") if family == "mm" else None
        ymod = _year_modifier(mod)
        if ymod is not None:
            d = date(pub.year + ymod, month, 1)
        else:
            d = _infer_month(month, pub, _direction(mod), ctx.future(start))
        return (format_value(d, "month"), "month", "date")
    if family == "yr":
        if not g("yr_p") and not g("yr_k"):
            return None
        y = int(g("yr_y"))
        hijri = "ه" in (g("yr_era") or "") or y < 1600
        if hijri:
            if not 1300 <= y < 1600:
                return None
            y = hijri_year_to_gregorian(y)
        if g("yr_y2"):
            y2 = int(g("yr_y2"))
            if hijri or y2 <= y:
                return None
            return (f"{y:04d}/{y2:04d}", "year", "range")
        return (f"{y:04d}", "year", "date")
    if family == "wd":
        wd = lx.weekdays()[_norm(g("wd_d"))]
        rel_word = _norm(g("wd_rel"))
        if not rel_word and not g("wd_pod") and not g("wd_mod"):
            if g("wd_d").startswith("الاثنين") and ctx.prev_word(m.start("wd_d")) in _TWO_CONTEXT:
                return None  # "كلا الاثنين", "مع الاثنين", "إحنا الاثنين": the two, not Monday
            if _recurring(ctx, m.start("wd")):
                return None
        if pub is None:
            return (None, "unknown", "date")
        rel = _REL_DAYS.get(rel_word)
        d = _weekday_date(wd, pub, rel, _direction(g("wd_mod")), ctx.future(start))
        return (d.isoformat(), "day", "date")
    if family == "rl":
        word = _norm(g("rl_w"))
        if word in ("الغد", "غد") and not g("rl_pod") and not g("rl_day"):
            return None  # "الغد" alone is also a newspaper's name
        if word == "الامس" and ctx.next_word(m.end("rl")) == "القريب":
            return None  # "بالأمس القريب": recently
        if word == "اليوم":
            nxt = ctx.next_word(m.end("rl"))
            prev = ctx.prev_word(m.start("rl"))
            if prev in _NOT_TODAY_BEFORE or nxt in {"نفسه", "ذاته", "ذلك"}:
                return None
            if nxt in _DAY_ADJECTIVES and not g("rl_pod"):
                return None  # اليوم التالي / اليوم العالمي / اليوم الأول: "the day", not today
        if pub is None:
            return (None, "unknown", "date")
        return ((pub + timedelta(days=_REL_DAYS[word])).isoformat(), "day", "date")
    if family == "cl":
        unit = g("cl_u1") or g("cl_u2")
        direction = _CURRENT if g("cl_this") else _direction(g("cl_mod2"))
        if pub is None:
            return (None, "unknown", "date")
        n = {_PAST: -1, _FUTURE: 1, "past2": -2, "future2": 2}.get(direction or "", 0)
        code = {"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y"}[unit]
        d, precision = shift(pub, code, n)
        return (format_value(d, precision), precision, "date")
    if family == "qt":
        return _resolve_quantity(m, ctx)
    if family == "tm":
        if g("tm_h") is not None:
            h, mi = int(g("tm_h")), int(g("tm_mi"))
        else:
            raw = _norm(g("tm_h2"))
            h = int(raw) if raw.isdigit() else lx.hour_words()[raw]
            mi = {"النصف": 30, "نصف": 30, "الربع": 15, "ربع": 15}.get(_norm(g("tm_f")), 0)
        pod = _norm(g("tm_pod"))
        if pod in ("مساء", "ليلا", "عصرا", "بعد الظهر") and h < 12:
            h += 12
        return (f"T{h:02d}:{mi:02d}", "unknown", "time")
    return None  # pragma: no cover


def _resolve_quantity(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    g = m.group
    prep = _norm(g("qt_p"))
    units = lx.unit_forms()
    if g("qt_n"):
        n = _number(re.sub(r"^ال\s*(?=\d)", "", g("qt_n")))
        unit, _ = units[_norm(g("qt_u"))]
        if units[_norm(g("qt_u"))][1]:  # "3 يومين" is not Arabic; a dual after a number means 2 of it
            n = 2
    elif g("qt_du"):
        n, (unit, _) = 2, units[_norm(g("qt_du"))]
    else:
        if not prep:
            return None
        n, (unit, _) = 1, units[_norm(g("qt_su"))]
    if n <= 0 or n > 5000:
        return None
    post = _norm(g("qt_m"))
    nxt = ctx.next_word(m.end("qt"))
    if prep in ("منذ", "قبل", "بعد", "بعد مرور") and post not in ("متواصله", "متتاليه", "متواصلين", "متتاليين",
                                                                  "متتالين", "كامله"):
        # A point in time: n units before/after publication, unless anchored elsewhere ("قبل يومين من الانتخابات").
        if nxt in ("من", "علي") or ctx.pub is None:
            return (None, "unknown", "date")
        sign = 1 if prep.startswith("بعد") else -1
        if sign > 0 and not ctx.future(m.start("qt")):
            return (None, "unknown", "date")  # "وبعد ثلاث سنوات أسست": counted from the story's time
        try:
            d, precision = shift(ctx.pub, unit, sign * n)
        except (ValueError, OverflowError):
            return (None, "unknown", "date")  # "قبل 5000 عام": before year 1
        return (format_value(d, precision), precision, "date")
    iso = {"D": f"P{n}D", "W": f"P{n}W", "M": f"P{n}M", "Y": f"P{n}Y", "H": f"PT{n}H", "MIN": f"PT{n}M"}[unit]
    return (iso, "unknown", "duration")


def _merge_ranges(found: list[tuple[int, int, Resolved]], folded: str) -> list[tuple[int, int, Resolved]]:
    """"من 3 آب إلى 5 أيلول" / "بين عامي ..." : two dates joined by إلى/حتى/و after من/بين become a range."""
    out: list[tuple[int, int, Resolved]] = []
    i = 0
    while i < len(found):
        s, e, r = found[i]
        if i + 1 < len(found) and r[2] == "date":
            s2, e2, r2 = found[i + 1]
            gap = folded[e:s2]
            before = folded[max(0, s - 12):s]
            if (r2[2] == "date" and r[1] == r2[1] and re.fullmatch(r"\s*(?:الي|حتي|و|-|–)\s*", gap)
                    and (re.search(r"(?:^|\s)(?:من|بين)\s+(?:يوم\s+)?$", before) or gap.strip() in ("-", "–"))):
                value = f"{r[0]}/{r2[0]}" if r[0] and r2[0] else None
                if not (r[0] and r2[0] and r2[0] < r[0]):
                    out.append((s, e2, (value, r[1] if value else "unknown", "range")))
                    i += 2
                    continue
        out.append((s, e, r))
        i += 1
    return out


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _triggers() -> tuple[frozenset[str], frozenset[str]]:
    """Words that can open an expression, and prepositions that open one only before such a word.

    Trying the big pattern only at these word starts (a set lookup per word) keeps the
    scanner near the cost of tokenising instead of one regex attempt per character.
    """
    content: set[str] = set()
    for table in (lx.gregorian_months(), lx.hijri_months(), lx.weekdays(), lx.ordinal_days(), lx.hour_words(),
                  lx.number_words(), lx.unit_forms()):
        for form in table:
            content.add(form.split()[0])
    content.update(fold(w).split()[0] for w in lx.PARTS_OF_DAY)
    content.update(k.split()[0] for k in _REL_DAYS)
    content.update(("يوم", "يومي", "ليله", "نهار", "شهر", "الساعه", "هذا", "هذه", "الاسبوع", "الشهر", "العام", "السنه",
                    "عام", "عامي", "العامين", "سنتي", "مطلع", "اوايل", "اواسط", "اواخر", "منتصف", "نهايه", "بدايه",
                    "مستهل", "منذ", "قبل", "بعد", "خلال", "لمده", "لفتره", "مده", "طيله", "طوال", "غضون", "مدي",
                    "مدار", "الليله", "بحلول"))
    preps = {"في", "من", "الي", "حتي", "مع", "بين", "علي", "اخر"}
    return frozenset(content), frozenset(preps)


def _trie_regex(words: set[str] | frozenset[str]) -> str:
    """A regex matching exactly ``words``, shaped as a trie so each position costs a few char tests."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@lru_cache(maxsize=1)
def _trigger_scanner() -> re.Pattern[str]:
    """Word starts worth trying the big pattern at: trigger words (with any و ف ب ل proclitics),
    numbers, and prepositions right before one of those."""
    content, preps = _triggers()
    clitics = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
    words = _trie_regex({c + w for w in content for c in clitics})
    prep = _trie_regex({c + w for w in preps for c in ("", "و", "ف")})
    return re.compile(rf"(?<!\w)(?:{prep}(?=\s+(?:{words})(?!\w)|\s+(?:ال\s*)?\d)|(?:{words})(?!\w)|(?:ال\s*)?\d)")


def _candidate_starts(folded: str) -> list[int]:
    return [m.start() for m in _trigger_scanner().finditer(folded)]


class _OffsetMap:
    """Folded offsets back to the original text when diacritics/tatweel were deleted (sparse)."""

    __slots__ = ("deleted",)

    def __init__(self, text: str):
        self.deleted = [m.start() for m in _DELETED.finditer(text)]

    def __call__(self, i: int) -> int:
        k = 0
        for d in self.deleted:
            if d <= i + k:
                k += 1
            else:
                break
        return i + k


def find_times(text: str, published: str | None = None, sentences: list[tuple[int, int]] | None = None,
               skip: list[tuple[int, int]] | None = None) -> list[TimeExpression]:
    """All date/time/duration expressions in ``text``, resolved against ``published``.

    ``sentences`` bound the look-back for tense cues; ``skip`` are spans (NER mentions)
    whose words are never read as future verbs.
    """
    folded = fold(text)
    offsets = _OffsetMap(text) if len(folded) != len(text) else None
    ctx = _Ctx(folded, parse_published(published), sentences or [(0, len(folded))], [])
    if skip and offsets is None:
        ctx.skip = skip  # with deletions offsets differ; tense cues then read every word
    found: list[tuple[int, int, Resolved]] = []
    pattern = _scanner()
    done = 0
    for pos in _candidate_starts(folded):
        if pos < done:
            continue
        m = pattern.match(folded, pos)
        if m is None:
            continue
        family = next(f for f in _FAMILIES if m.group(f) is not None)
        s, e = _span(m, family)
        resolved = _resolve(m, family, ctx, s)
        if resolved is None:
            continue  # rejected: a shorter reading may start at a later word ("يومي 3 و4 آب")
        found.append((s, e, resolved))
        done = m.end()
    found = _merge_ranges(found, folded)
    out = []
    for s, e, (value, precision, kind) in found:
        os_, oe = (offsets(s), offsets(e - 1) + 1) if offsets else (s, e)
        while oe < len(text) and text[oe] in _TRAILING_MARKS:
            oe += 1  # keep the tatweel of "هـ" and final diacritics inside the span
        out.append(TimeExpression(os_, oe, text[os_:oe], value, precision, kind))  # type: ignore[arg-type]
    return out


def resolve(expression: str, published: str | None) -> TimeExpression | None:
    """The first expression found in a short text ("الاثنين المقبل", "27 شباط الماضي"), resolved."""
    times = find_times(expression, published)
    return times[0] if times else None


def dates_by_sentence(doc: Document) -> dict[int, list[TimeExpression]]:
    """Date and range expressions of ``doc.times`` grouped by sentence index (durations and clock times left out)."""
    out: dict[int, list[TimeExpression]] = {}
    for t in doc.times:
        if t.kind in ("date", "range"):
            out.setdefault(doc.sentence_of(t.start), []).append(t)
    return out


# Relative pronouns (folded): a date in a relative clause ("الهدنة التي دخلت حيز التنفيذ في 27
# شباط") dates that clause, never the event.
_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)(?!\w)")
# Where a clause begins (folded): punctuation, complementisers (أن/إن/بأن/أنه), relative
# pronouns, contrastive conjunctions. A date in the trigger's own clause dates the event
# ("وقال المتحدث اليوم إن الهجوم وقع أمس": أمس), one in another clause is second best.
_CLAUSE = re.compile(r"[,;:]|(?<!\w)(?:ان|بان|انه|انها|انهم|لان|الذي|التي|الذين|اللذين|اللتين|اللواتي|اللاتي"
                     r"|بينما|فيما|حيث|في حين)(?!\w)")


def event_date(doc: Document, sentence: int, trigger: tuple[int, int] | None = None,
               allow_future: bool = True) -> tuple[str | None, str]:
    """(value, precision) an event in ``sentence`` should take: the resolved date of its
    sentence nearest the trigger in the trigger's own clause, else in another clause but
    not in a relative clause (a range gives its start); else the publication date at day
    precision, else unknown. Without ``allow_future`` (a reported, not a planned or
    conditional event) dates after the publication date are deadlines, not its date
    ("أمهلت واشنطن موسكو حتى الاثنين المقبل")."""
    dates = [t for t in dates_by_sentence(doc).get(sentence, []) if t.value]
    if not allow_future and doc.published:
        dates = [t for t in dates if t.value[:10] <= doc.published[:10]]  # type: ignore[index]
    if trigger is not None and dates:
        start, end = trigger
        sent_start = doc.sentences[sentence][0]
        ranked = []
        for t in dates:
            if t.start >= end:
                between = fold(doc.text[end:t.start])
                if _RELATIVE.search(between):
                    continue
            else:
                between = fold(doc.text[t.end:start])
                opening = [m.group() for m in _CLAUSE.finditer(fold(doc.text[sent_start:t.start]))]
                if opening and _RELATIVE.fullmatch(opening[-1]) and _CLAUSE.search(between):
                    continue  # the date closes a relative clause that ends before the trigger
            distance = t.start - end if t.start >= end else start - t.end
            ranked.append((bool(_CLAUSE.search(between)), distance, t))
        ranked.sort(key=lambda r: (r[0], r[1]))
        dates = [r[2] for r in ranked]
    if dates:
        return dates[0].value.split("/")[0], dates[0].precision  # type: ignore[union-attr]
    if doc.published:
        return doc.published[:10], "day"
    return None, "unknown"


# -- publication date ---------------------------------------------------------------------------------------

_EN_DATE = re.compile(
    r"(?i)\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]{3,9})\.?,?\s+(?P<y1>\d{4})|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4}))\b")


def find_publication_date(text: str) -> str | None:
    """An explicit complete date in a dateline/byline-like line, as YYYY-MM-DD, else None.

    Lines qualify when short (a dateline: "دمشق - 2 آب 2016", "2016-08-02 10:31") or when
    they carry a publication cue ("نشر في: 02/08/2016"). Only full day-month-year dates
    count; relative words never do.
    """
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > 90 and not _has_publication_cue(fold(line)):
            continue
        for t in find_times(line, None):
            if t.kind == "date" and t.precision == "day" and t.value and _plausible(t.value):
                return t.value
        m = _EN_DATE.search(line)
        if m:
            mon = lx.ENGLISH_MONTHS.get((m.group("m1") or m.group("m2")).lower().rstrip("."))
            day = int(m.group("d1") or m.group("d2"))
            year = int(m.group("y1") or m.group("y2"))
            if mon:
                d = _safe_date(year, mon, day)
                if d and _plausible(d.isoformat()):
                    return d.isoformat()
    return None


def _has_publication_cue(folded: str) -> bool:
    """A publication cue word, bare or behind a one-letter proclitic ("ونشر")."""
    if not any(cue in folded for cue in lx.PUBLICATION_CUES):
        return False  # no cue even as a substring (C-speed test): the usual long paragraph
    words = set(re.findall(r"\w+", folded))
    return bool(words & lx.PUBLICATION_CUES or {w[1:] for w in words} & lx.PUBLICATION_CUES)


def _plausible(value: str) -> bool:
    return 1990 <= int(value[:4]) <= 2100
