"""Agent nouns, title words and the rules that turn an agent phrase into a sector.

Lists written for this project from Arabic news usage and the CAMEO/PLOVER agent codebook
(sector meanings: CAMEO manual ch. 3 "Actor codes"); PETRARCH's agents.all.ar_v3.txt
(agents.tsv) extends them at lower priority.
"""

from __future__ import annotations

from marsad.actors.lexicon import key, phrase_key
from marsad.text.normalize import fold
from marsad.text.tokens import clitic_variants

# (phrase, sector, names an individual?) — collective agents become ORG entities, roles PER.
CORE_AGENTS: list[tuple[str, str, bool]] = [
    # state
    ("النظام", "GOV", False), ("نظام", "GOV", False), ("الحكومة", "GOV", False), ("السلطات", "GOV", False),
    ("الرئاسة", "GOV", False), ("وزارة", "GOV", False), ("الوزارة", "GOV", False), ("مجلس الوزراء", "GOV", False),
    ("الإدارة الأمريكية", "GOV", False), ("الخارجية", "GOV", False), ("الدبلوماسية", "GOV", False),
    ("وزير", "GOV", True), ("وزيرة", "GOV", True), ("الرئيس", "GOV", True), ("رئيس الوزراء", "GOV", True),
    ("رئيس الحكومة", "GOV", True), ("المتحدث", "GOV", True), ("الناطق", "GOV", True), ("المتحدثة", "GOV", True),
    ("مسؤول", "GOV", True), ("مسؤولون", "GOV", False), ("مسؤولين", "GOV", False), ("دبلوماسي", "GOV", True),
    ("دبلوماسيون", "GOV", False), ("وفد", "GOV", False), ("وفدا", "GOV", False), ("وفود", "GOV", False), ("سفير", "GOV", True), ("مبعوث", "GOV", True), ("الملك", "GOV", True),
    ("العاهل", "GOV", True), ("الأمير", "GOV", True), ("ولي العهد", "GOV", True), ("محافظ", "GOV", True),
    ("حاكم", "GOV", True), ("مستشار", "GOV", True), ("مستشارة", "GOV", True), ("سفيرة", "GOV", True),
    ("مبعوثة", "GOV", True), ("رئيسة", "GOV", True), ("الملكة", "GOV", True), ("الناطقة", "GOV", True), ("نظيره", "GOV", True), ("نظيرته", "GOV", True),
    # legislature, judiciary, parties
    ("البرلمان", "LEG", False), ("مجلس النواب", "LEG", False), ("مجلس الشعب", "LEG", False),
    ("مجلس الشيوخ", "LEG", False), ("الكونغرس", "LEG", False), ("نائب في البرلمان", "LEG", True),
    ("برلماني", "LEG", True), ("نواب", "LEG", False), ("المحكمة", "JUD", False), ("القضاء", "JUD", False),
    ("النيابة", "JUD", False), ("قاض", "JUD", True), ("القاضي", "JUD", True), ("محامي", "JUD", True), ("محامو", "JUD", False),
    ("محامين", "JUD", False), ("المدعي العام", "JUD", True), ("حزب", "PTY", False),
    ("الحزب", "PTY", False), ("أحزاب", "PTY", False),
    # military
    ("الجيش", "MIL", False), ("جيش", "MIL", False), ("القوات", "MIL", False), ("قوات", "MIL", False),
    ("القوات المسلحة", "MIL", False), ("جنود", "MIL", False), ("الجنود", "MIL", False), ("جندي", "MIL", True),
    ("جنديا", "MIL", True), ("عسكريين", "MIL", False), ("عسكريون", "MIL", False), ("العسكريين", "MIL", False),
    ("ضابط", "MIL", True), ("ضباط", "MIL", False), ("دورية", "MIL", False), ("قافلة", "MIL", False),
    ("سلاح الجو", "MIL", False), ("الطيران", "MIL", False), ("الطائرات الحربية", "MIL", False),
    ("البحرية", "MIL", False), ("مشاة البحرية", "MIL", False), ("المارينز", "MIL", False),
    ("قائد", "MIL", True), ("الجنرال", "MIL", True), ("العميد", "MIL", True),
    ("العقيد", "MIL", True), ("وزارة الدفاع", "MIL", False), ("وزير الدفاع", "MIL", True),
    ("رئيس الأركان", "MIL", True), ("هيئة الأركان", "MIL", False), ("دبابة", "MIL", False),
    ("دبابات", "MIL", False), ("مروحية", "MIL", False), ("مروحيات", "MIL", False), ("طائرات حربية", "MIL", False),
    ("الطائرات الحربية", "MIL", False), ("الطائرات", "MIL", False), ("طائرات", "MIL", False),
    ("سلاح الجو", "MIL", False), ("الطيران الحربي", "MIL", False), ("المقاتلات", "MIL", False),
    ("مقاتلات", "MIL", False), ("ضربة جوية", "MIL", False), ("غارة جوية", "MIL", False), ("غارات", "MIL", False),
    # police and security
    ("الشرطة", "COP", False), ("شرطة", "COP", False), ("الأمن", "COP", False), ("قوات الأمن", "COP", False),
    ("الأجهزة الأمنية", "COP", False), ("رجال الأمن", "COP", False), ("عناصر الأمن", "COP", False),
    ("شرطي", "COP", True), ("الدرك", "COP", False), ("مكافحة الشغب", "COP", False), ("قوات مكافحة الشغب", "COP", False),
    ("حرس الحدود", "COP", False), ("المخابرات", "SPY", False), ("الاستخبارات", "SPY", False),
    # rebels, unidentified armed groups
    ("فصائل", "REB", False), ("الفصائل", "REB", False), ("فصيل", "REB", False), ("المتمردين", "REB", False),
    ("متمردون", "REB", False), ("متمرد", "REB", True), ("الثوار", "REB", False), ("مقاتلي", "REB", False), ("مقاتلو", "REB", False),
    ("المقاتلين", "REB", False), ("مقاتلون", "REB", False), ("الميليشيات", "REB", False), ("ميليشيا", "REB", False),
    ("الجماعات المسلحة", "REB", False), ("جماعة مسلحة", "REB", False), ("كتائب", "REB", False),
    ("المتشددين", "REB", False), ("متشددون", "REB", False), ("الجهاديين", "REB", False),
    ("مسلحون", "UAF", False), ("مسلحين", "UAF", False), ("مسلح", "UAF", True), ("مسلحا", "UAF", True),
    ("المسلحين", "UAF", False), ("مجهولون", "UAF", False), ("مجهولين", "UAF", False), ("الفدائيين", "UAF", False),
    ("انتحاري", "UAF", True), ("انتحاريا", "UAF", True), ("انتحارية", "UAF", True), ("مهاجم", "UAF", True),
    ("مهاجمون", "UAF", False), ("قراصنة", "UAF", False), ("الإرهابيين", "UAF", False), ("إرهابيون", "UAF", False),
    ("خاطفون", "UAF", False), ("عصابة", "CRM", False), ("مهربين", "CRM", False), ("مستوطنين", "CRM", False),
    ("مستوطنون", "CRM", False), ("مستوطني", "CRM", False),
    # opposition
    ("المعارضة", "OPP", False), ("معارضة", "OPP", False), ("معارضون", "OPP", False), ("المعارضين", "OPP", False),
    ("معارض", "OPP", True), ("ناشطون", "OPP", False), ("ناشطين", "OPP", False), ("ناشط", "OPP", True),
    # civilians and others ("شخصا"، "شخصان" are not here: one or two people counted say nothing
    # of who they are, and the arabic_event_gsr annotators leave them uncoded 11 times in 12;
    # the plural أشخاص they code CVL as often as not, and it stays CVL as in CAMEO)
    ("المدنيين", "CVL", False), ("مدنيين", "CVL", False), ("مدنيون", "CVL", False), ("مدني", "CVL", True),
    ("المواطنين", "CVL", False), ("مواطنين", "CVL", False), ("مواطن", "CVL", True), ("السكان", "CVL", False),
    ("الأهالي", "CVL", False), ("سكان", "CVL", False), ("متظاهرون", "CVL", False), ("المتظاهرين", "CVL", False),
    ("متظاهر", "CVL", True), ("محتجون", "CVL", False), ("المحتجين", "CVL", False),
    ("أشخاص", "CVL", False), ("أطفال", "CVL", False), ("سياح", "CVL", False), ("السياح", "CVL", False),
    ("سائح", "CVL", True), ("سائحا", "CVL", True), ("موظف", "CVL", True), ("موظفين", "CVL", False),
    ("المصلين", "CVL", False), ("الخريجين", "CVL", False), ("خريجين", "CVL", False), ("خريجون", "CVL", False),
    ("العاطلين عن العمل", "CVL", False), ("عاطلين عن العمل", "CVL", False), ("العاطلون عن العمل", "CVL", False), ("عمال", "LAB", False), ("نقابة", "LAB", False), ("طلاب", "EDU", False),
    ("الطلاب", "EDU", False), ("طلبة", "EDU", False), ("الطلبة", "EDU", False), ("المعلمين", "EDU", False),
    ("معلمين", "EDU", False), ("المعلمون", "EDU", False), ("الأساتذة", "EDU", False), ("تلاميذ", "EDU", False),
    ("جامعة", "EDU", False), ("صحفي", "JRN", True), ("صحفيين", "JRN", False),
    ("صحفيون", "JRN", False), ("مراسل", "JRN", True), ("وسائل الإعلام", "MED", False), ("صحيفة", "MED", False),
    ("وكالة أنباء", "MED", False), ("قناة", "MED", False), ("شبكة", "MED", False), ("لاجئين", "REF", False),
    ("اللاجئين", "REF", False), ("لاجئون", "REF", False), ("النازحين", "REF", False), ("نازحين", "REF", False),
    ("رجل دين", "REL", True), ("رجال الدين", "REL", False), ("شركة", "BUS", False), ("رجال الأعمال", "BUS", False),
    ("أطباء", "HLH", False), ("مستشفى", "HLH", False),
]

# Heads that make an "opposition" modifier armed (فصائل معارضة -> REB, not OPP) and a
# "regime/regular" modifier military (الجيش النظامي, قوات النظام -> MIL of the state).
ARMED_HEADS = {phrase_key(w)[0] for w in (
    "قوات", "فصائل", "فصيل", "مقاتلي", "مقاتلين", "مقاتلو", "كتائب", "جماعات", "ميليشيات", "الجيش", "عناصر",
    "مجموعات", "ألوية", "مسلحي", "وحدات", "جنود",
)}
OPPOSITION = {phrase_key(w)[0] for w in ("المعارضة", "معارضة", "المعارض", "المعارضين", "الثوار")}
REGIME = {phrase_key(w)[0] for w in ("النظام", "النظامي", "الحكومية", "الحكومي", "السلطات", "الرسمية")}
# Heads that take their sector from what follows ("قوات الأمن" COP, "ضابط شرطة" COP,
# "زعماء طالبان" REB, "عناصر الشرطة" COP).
GENERIC_HEADS = {phrase_key(w)[0] for w in (
    "قوات", "القوات", "عناصر", "أفراد", "افراد", "أحد", "احد", "ضابط", "ضباط", "ضابطا", "زعيم", "زعماء", "قادة",
    "قائد", "عنصر", "عنصرين", "مقاتلي", "أعضاء", "اعضاء", "رجال", "مسؤول", "مسؤولو", "جنود", "مجموعة",
    "دورية", "دوريات", "قافلة", "وفد", "وفدا", "وفود", "مصدر", "مصادر",
)}
# Sources, coded only as members of the body named after them ("مصدر في الشرطة", "مصادر من الجيش").
SOURCE_WORDS = ("مصدر", "مصادر", "المصدر", "المصادر")
SOURCE_HEADS = {phrase_key(w)[0] for w in SOURCE_WORDS}
# Agent nouns that can be possessed by an earlier actor ("قواتها", "أحد جنوده", "حزبه"): people
# and bodies. Abstract heads are left out: "نظامها القضائي", "أمنه واستقراره" name no actor.
OWNABLE = {phrase_key(w)[0] for w in (
    "جنود", "قوات", "عناصر", "مقاتلين", "مقاتلي", "أنصار", "رجال", "مسلحين", "مسلحي", "قادة", "ضباط", "أفراد",
    "جيش", "ميليشيات", "ميليشيا", "شرطة", "حرس", "حزب", "طلاب", "مواطنين", "مواطني", "دبلوماسيين", "موظفين",
    "مسؤولين", "مسؤولي", "حكومة", "وزارة", "سفارة", "سفير", "وزير", "زعيم", "قائد", "رئيس",
)}
# Modifiers that may continue an agent phrase without changing its code.
LINKERS = {phrase_key(w)[0] for w in (
    "المسلحة", "الخاصة", "المسلحين", "المجهولين", "المحلية", "التابعة", "الموالية", "الموالين",
    "الحكومية", "النظامية", "الأمنية", "العسكرية", "الإسلامية", "المعتدلة", "الشرعية", "الجوية", "جوية",
    "البحرية", "بحرية", "البرية", "برية",
)}
# Words that make up titles before a name ("مساعد وزير الخارجية الإيراني", "المتحدث باسم …").
# "السفير الأمريكي لدى العراق", "المبعوث الخاص إلى اليمن": where an envoy is posted, inside the
# title; the country after them is the posting, not the holder's.
POSTED_TO = ("لدى", "إلى")
TITLE_WORDS = {phrase_key(w)[0] for w in (
    "وزير", "وزيرة", "الرئيس", "رئيس", "رئيسة", "نائب", "مساعد", "مساعدة", "المتحدث", "المتحدثة",
    "الناطق", "الناطقة", "باسم", "مدير", "مديرة", "المكتب", "الصحفي", "الإعلامي", "سفير", "السفير",
    "مندوب", "المندوب", "المبعوث", "مبعوث", "الخاص", "الأمين", "العام", "قائد", "زعيم", "الملك", "الأمير",
    "ولي", "العهد", "العاهل", "المستشار", "المستشارة", "مستشار", "الجنرال", "العميد", "اللواء", "العقيد",
    "الفريق", "الشيخ", "الخارجية", "الدفاع", "الداخلية", "الوزراء", "الحكومة", "الجمهورية", "الأركان",
    "الأمن", "القومي", "المالية", "العدل", "الإعلام", "البرلمان", "مجلس", "النواب", "الشعب", "الشيوخ",
    "الجيش", "الشرطة", "الحزب", "حزب", "حركة", "المعارضة", "السابق", "الأسبق", "الأول", "الثاني", "الدولة",
    "وزارة", "نظيره", "نظيرته", "نظيرها", "الأمريكي", "للأمن", "للشؤون", "لشؤون", "الشؤون", "العربية",
    "الأفريقية", "المكلف", "الإيراني", "في", "رئاسة", "القائد", "الصحفية", "مراسل", "الصحافي", "الكاتب",
    "الدكتور", "السيد", "السيدة", "المرشد", "الأعلى", "آية", "الله", "المبعوثة", "الأممي", "الدولي",
    "قوات", "التحالف", "الناشط", "الناشطة", "السياسي", "السياسية", "الحقوقي", "الحقوقية",
    *POSTED_TO,
)}
# Title words that name a body, not an office: "الشرطة الإسرائيلية" before a title is the subject.
INSTITUTIONS = {phrase_key(w)[0] for w in ("الجيش", "الشرطة", "الحكومة", "البرلمان", "الحزب", "حركة", "المعارضة",
                                            "قوات", "التحالف", "وزارة", "مجلس", "الأمن")}
# Ranks and honorifics that follow a whole office ("رئيس الأركان الإيرانية اللواء محمد باقري").
RANKS = {phrase_key(w)[0] for w in ("الجنرال", "العميد", "اللواء", "العقيد", "الفريق", "الشيخ", "الدكتور", "السيد",
                                     "السيدة")}
# Title phrases to sector, strongest first (a defence minister is MIL though also a minister);
# a phrase counts when all its words are in the title ("النائب العام" is the attorney general).
# "النائب" alone, last, is a member of parliament; "نائب الرئيس" deputises a GOV office.
def _phrases(*texts: str) -> set[tuple[str, ...]]:
    return {phrase_key(t) for t in texts}


TITLE_SECTORS: list[tuple[str, set[tuple[str, ...]]]] = [
    ("MIL", _phrases("الدفاع", "الجيش", "الأركان", "الجنرال", "العميد", "اللواء", "العقيد", "الفريق", "قائد", "القائد")),
    ("COP", _phrases("الشرطة", "الداخلية")),
    ("JUD", _phrases("القاضي", "قاضي", "المحكمة", "النائب العام")),
    ("LEG", _phrases("البرلمان", "النواب", "الشيوخ", "الشعب")),
    ("GOV", _phrases(
        "وزير", "وزيرة", "الرئيس", "رئيس", "رئيسة", "الوزراء", "الحكومة", "الخارجية", "الملك", "الأمير",
        "العاهل", "سفير", "السفير", "مندوب", "المندوب", "المبعوث", "مبعوث", "المتحدث", "الناطق", "المتحدثة",
        "الناطقة", "وزارة", "المالية", "العدل", "الجمهورية", "المستشار", "المستشارة", "المرشد", "رئاسة",
    )),
    ("PTY", _phrases("الحزب", "حزب")),
    ("JRN", _phrases("الصحفي", "الصحافي", "مراسل", "الكاتب")),
    ("OPP", _phrases("الناشط", "الناشطة")),  # as the agent noun alone is coded
    ("LEG", _phrases("النائب")),
    ("GOV", _phrases("الأمين العام")),  # of a body named after it (a party's is PTY, matched above)
]


def office_sector(keys: set[str]) -> str | None:
    """Sector of the first TITLE_SECTORS phrase whose words are all among a title's ``keys``."""
    return next((sec for sec, phrases in TITLE_SECTORS if any(set(p) <= keys for p in phrases)), None)


# Words linking a title to a named person's office (for choosing the office in force).
ROLE_HINTS: dict[str, tuple[str, ...]] = {
    phrase_key("الدفاع")[0]: ("defence", "defense"),
    phrase_key("الخارجية")[0]: ("foreign", "state"),
    phrase_key("الوزراء")[0]: ("prime minister",),
    phrase_key("الرئيس")[0]: ("president",),
    phrase_key("المتحدث")[0]: ("spokes", "press"),
    phrase_key("الناطق")[0]: ("spokes", "press"),
    phrase_key("الملك")[0]: ("king",),
    phrase_key("الأمين")[0]: ("secretary general",),
    phrase_key("المبعوث")[0]: ("envoy",),
}
# Indefinite adjectives of degree: a one-word name never takes one, a common noun does
# ("بحماس شديد" with great enthusiasm, not Hamas; "أمل كبير" great hope, not Amal).
DEGREE_ADJECTIVES = {phrase_key(w)[0] for w in (
    "كبير", "كبيرة", "شديد", "شديدة", "بالغ", "بالغة", "منقطع", "عارم", "عارمة", "كبيرين", "واضح", "واضحة",
    "لافت", "لافتة", "زائد", "زائدة", "متزايد", "متزايدة", "فائق", "فائقة", "شديدين", "عميق", "عميقة",
)}
# Things, not people, that a nisba agent word describes as an adjective: "مؤتمر صحفي" is a press
# conference, "موقع عسكري" a military post, "تدخل عسكري" an intervention, "جواز دبلوماسي" a
# passport, "هجوم انتحاري" a suicide attack — no journalist, soldier, diplomat or bomber acts there.
NISBA_HEADS = {phrase_key(w)[0] for w in (
    "مؤتمر", "مؤتمرا", "بيان", "بيانا", "تصريح", "تصريحا", "تصريحات", "حديث", "حديثا", "لقاء", "لقاءا",
    "اجتماع", "اجتماعا", "موقع", "موقعا", "مواقع", "مقر", "مقرا", "عمل", "عملا", "تدخل", "تدخلا", "حل", "حلا",
    "تعاون", "تصعيد", "تصعيدا", "وجود", "وجودا", "دعم", "دعما", "تحرك", "تحركا", "نشاط", "نشاطا", "انتشار",
    "انقلاب", "انقلابا", "زي", "طابع", "قرار", "قرارا", "تقرير", "تقريرا", "تحقيق", "تحقيقا", "عرض", "عرضا",
    "استعراض", "تدريب", "تمرين", "عتاد", "جواز", "حصانة", "ملف", "مستشفى", "مركز", "مركزا",
    "طيران", "حاجز", "حاجزا", "حواجز", "هجوم", "هجوما", "هجمات", "تفجير", "تفجيرات", "عملية", "عمليات", "اعتداء", "تفوق", "إنتاج", "قطاع", "سلك", "مسار", "جهد", "جهود", "ضغط", "ضغطا",
)}
# Acts whose nationality adjective names the state acting: "قصف إسرائيلي" is Israel's military
# bombing, "الاتهامات الأمريكية" Washington's accusations, "بوساطة مصرية" Egypt mediating.
STATE_ACTS = {phrase_key(w)[0]: sector for sector, words in (
    ("MIL", ("قصف", "غارة", "غارات", "ضربة", "ضربات", "هجوم", "هجمات", "عدوان", "اجتياح", "توغل", "غزو",
             "احتلال", "حصار", "نيران", "رصاص", "برصاص", "بنيران", "عملية", "عمليات")),
    ("GOV", ("اتهامات", "اتهام", "وساطة", "بوساطة", "تهديدات", "تهديد", "عقوبات", "مساعدات", "ضغوط", "انتقادات",
             "مبادرة", "مقترح", "اقتراح", "تحذيرات", "تحذير", "مطالب", "إدانة", "رفض", "موافقة", "دعوة",
             "جهود", "موقف", "دعم", "قرار", "خطة", "سياسة", "تدخل")),
) for w in words}


def state_act_sector(norm: str) -> str | None:
    """The sector of the state acting when the folded word ``norm`` (clitics allowed) is an act
    of `STATE_ACTS`; else None."""
    return next((STATE_ACTS[key(v)] for v in clitic_variants(norm) if key(v) in STATE_ACTS), None)
# Heads coded by their owner when one is named ("قافلة للأمم المتحدة" UNO); alone, PETRARCH's
# sector stands (a convoy in a conflict report is most often military).
BELONGING_HEADS = {phrase_key(w)[0] for w in ("قافلة", "موكب")}
# Heads whose reading depends on the word itself, behind a conjunction too ("وفصائل المعارضة").
PHRASE_HEADS = ARMED_HEADS | GENERIC_HEADS | BELONGING_HEADS
# Anaphors resolved in the document: counterpart, "the latter", "the ministry".
COMMANDER = {phrase_key(w)[0] for w in ("قائد", "القائد")}
COUNTERPART = {phrase_key(w)[0] for w in ("نظيره", "نظيرته", "نظيرها", "نظيرتها", "نظيريه", "نظرائه")}
# Duals name the two parties just mentioned ("وبحث الجانبان", "أكد الوزيران", "بين البلدين").
# Value: the entity types they can refer to, people first.
# ("المسؤولين" is not here: it is the plural "officials" too.)
_DUAL_WORDS = (
    (("الجانبان", "الجانبين", "الطرفان", "الطرفين"), ("PER", "ORG", "GPE")),
    (("الزعيمان", "الزعيمين", "الوزيران", "الوزيرين", "الرئيسان", "الرئيسين"), ("PER",)),
    (("البلدان", "البلدين", "الدولتان", "الدولتين"), ("GPE",)),
)
DUALS = {fold(c + w): types for words, types in _DUAL_WORDS for w in words for c in ("", "و", "ف")}
ANAPHORS = ["الأخير", "الأخيرة"]
LATTER = {phrase_key(w)[0] for w in ANAPHORS}
# A definite agent head alone refers back to the last organisation named with it: "الوزارة" to
# "وزارة الدفاع التركية", "الحزب" to "حزب العمال الكردستاني".
BACK_REFERENCES = {phrase_key(w)[0]: fold(w).removeprefix("ال").removesuffix("ه")
                   for w in ("الوزارة", "الحزب", "المنظمة")}
# Prepositions before a place name: the name is a location, not a state acting.
LOCATIVE = {fold(w) for w in (
    "في", "فى", "الى", "إلى", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "أنحاء", "مدن", "مدينة", "المدينة",
    "العاصمة", "عاصمة", "أحياء", "ضواحي", "شوارع", "منطقة", "محافظة", "قرب", "بالقرب", "أطراف", "ريف", "مطار",
    "قرية", "بلدة", "إقليم", "ولاية", "حدود", "خارج", "عبر", "نحو", "باتجاه", "أرجاء", "شارع", "ساحة",
    "ميدان", "طريق", "جنوبي", "شمالي", "شرقي", "غربي", "جنوبى", "شمالى", "شرقى", "غربى", "محيط",
    "قطاع", "مخيم", "معبر",
)}
SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
    "JUD": "judiciary", "LEG": "legislature", "PTY": "party", "CVL": "civilians", "MED": "media",
    "JRN": "journalists", "REF": "refugees", "UAF": "armed group", "CRM": "criminals", "SPY": "intelligence",
    "LAB": "labour", "EDU": "education", "REL": "religious", "BUS": "business", "HLH": "health",
}
# A ministry's portfolio (وزارة الخزانة، الخارجية الإيرانية) to its English name, for ministries
# the dictionary does not list: "Ministry of Foreign Affairs (Iran)" rather than a transcription.
PORTFOLIOS = {phrase_key(ar)[0]: en for ar, en in (
    ("الخارجية", "Foreign Affairs"), ("الدفاع", "Defence"), ("الداخلية", "Interior"), ("الخزانة", "the Treasury"),
    ("المالية", "Finance"), ("العدل", "Justice"), ("الصحة", "Health"), ("التعليم", "Education"),
    ("التربية", "Education"), ("الإعلام", "Information"), ("الاقتصاد", "Economy"), ("النفط", "Oil"),
    ("الطاقة", "Energy"), ("الزراعة", "Agriculture"), ("التجارة", "Trade"), ("الخارجية والمغتربين", "Foreign Affairs"),
    ("الأوقاف", "Religious Endowments"), ("الثقافة", "Culture"), ("النقل", "Transport"), ("العمل", "Labour"),
    ("الصناعة", "Industry"), ("الكهرباء", "Electricity"), ("البيئة", "Environment"), ("السياحة", "Tourism"),
    ("الاتصالات", "Communications"), ("الإسكان", "Housing"), ("الري", "Irrigation"), ("الموارد المائية", "Water Resources"),
)}
_MINISTRY_WORDS = {phrase_key(w)[0] for w in ("وزارة", "وزارتي", "لوزارة", "بوزارة", "ووزارة")}


def ministry(keys: list[str], country: str | None) -> tuple[str, str | None] | None:
    """(English name with its country's, sector if not GOV) of a ministry phrase (lexicon keys of
    its words): a defence ministry is the military, an interior ministry the police, as in CAMEO."""
    rest = keys[1:] if keys and keys[0] in _MINISTRY_WORDS else keys
    portfolio = PORTFOLIOS.get(rest[0]) if rest else None
    if portfolio is None or (keys == rest and len(rest) < 2):
        return None  # "الخارجية" alone is a ministry only with its nationality after it
    name = f"Ministry of {portfolio} ({country})" if country else f"Ministry of {portfolio}"
    sector = office_sector({rest[0]})
    return name, sector if sector in ("MIL", "COP") else None


# Sector priority when several agent words occur in one phrase.
SECTOR_ORDER = ["MIL", "COP", "SPY", "REB", "UAF", "JUD", "LEG", "GOV", "PTY", "OPP", "CRM", "JRN", "MED",
                "REF", "EDU", "REL", "HLH", "LAB", "BUS", "CVL"]

# Phrases that contain an agent noun but name no actor (the lexicon gives them kind "none").
NOT_AGENTS = ["الأمن القومي", "للأمن القومي", "الأمن والاستقرار", "مجلس الأمن القومي الأمريكي", "شبكة الإنترنت",
              "الأمن الغذائي", "العمل العسكري", "طائرات الركاب", "طائرة ركاب", "طائرات مدنية",
              "برئاسة", "وبرئاسة", "أمن المنطقة", "أمن البلاد", "أمن المواطنين", "أمن واستقرار", "أمن الخليج",
              "أمن العالم", "أمن الطاقة"]
# Agent nouns whose masculine nisba look-alike is an adjective (دورية vs دوري).
# Not those listed in both forms: "انتحاري" is a bomber as "انتحارية" is.
_FEMININE_KEYS = {phrase_key(p)[0] for p, _, _ in CORE_AGENTS if len(phrase_key(p)) == 1 and p.endswith("ة")}
FEMININE_ONLY = _FEMININE_KEYS - {phrase_key(p)[0] for p, _, _ in CORE_AGENTS
                                  if len(phrase_key(p)) == 1 and not p.endswith("ة")}
# Their folded spellings without the article (وزاره، شرطه) whose masculine is no agent (unlike
# وزيرة/وزير): a word that is one of them minus its final ه is another word (وزار "and visited").
_ONE_WORD = {fold(p).removeprefix("ال") for p, _, _ in CORE_AGENTS if " " not in p}
FEMININE_FORMS = {fold(p).removeprefix("ال") for p, _, _ in CORE_AGENTS
                  if " " not in p and p.endswith("ة")} - {w + "ه" for w in _ONE_WORD}
# One-word agents whose form with ة is a different word (محافظ governor / محافظة province).
MASCULINE_ONLY = {phrase_key(p)[0] for p, _, _ in CORE_AGENTS
                  if len(phrase_key(p)) == 1 and not p.endswith(("ة", "ات", "ية", "ه"))} - _FEMININE_KEYS
