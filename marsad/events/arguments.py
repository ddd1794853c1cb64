"""Source and target actors of a trigger from the entity mentions of its sentence.

Arabic word-order rules (Ryding, *Reference Grammar of MSA*, ch. 4 on VSO/SVO):
- verb triggers: the first bare (unprepositioned) mention right after the verb is the subject
  (VSO); otherwise the nearest bare mention before it in the clause (SVO); the next mention,
  preferably after ضد/على/إلى/ب/ل, is the recipient;
- verbal nouns: "من قبل Y" and a genitive right after the noun give the actor; "ضد/على/إلى Y"
  the recipient; a possessive suffix (لقائه، قتالها) points back to the nearest earlier mention;
- "بين A و B" and reciprocal triggers (meetings, talks, exchanged accusations, clashes) put
  every participant in the source list and leave the target empty, as PLOVER 2.0 does;
- a verb marked for plural (هاجموا، يحتجون) agrees with a subject before it, so the noun
  after it is the object; "قام X بـ+verbal noun" makes X the actor; a partitive "عنصرين من Y"
  counts as a bare noun;
- casualty nouns and unambiguous passives (مقتل، اغتيال، اعتقال، أصيب): the noun after them
  is the patient; "على يد/من قبل/برصاص/بنيران X" marks the agent (and a verb with a marked
  agent is passive: its bare subject is the patient);
- ASSAULT with no target yet: the noun after استهدف in the sentence, after "نفسه" and a
  locative ("فجر نفسه وسط X"), or after أمام; PROTEST: protesters (متظاهرون، محتجون) are the
  source wherever they stand, and the target is what follows ضد/أمام/على/إلى, ب/ل or
  مناهض/معارض (through مقر/مبنى); what it is explicitly against (ضد، احتجاجا على [زيارة] X،
  المناهضة لـ) wins over where it stands (أمام مقر Y);
- a casualty verb with nothing object-like after it (قتل في/بـ/أمس …) is the passive: the noun
  right before it is the patient ("جنديا أميركيا قتل في هجوم"); so is the noun before أصيبوا;
- a subordinator or the bare complementizer أن/إن (بعدما، عندما، إثر …) between a noun and a
  verb keeps the noun from being that verb's subject; a verbal noun after a preposition (في
  انفجار، بانفجار) takes no subject from the noun before it; a place after a direction or place
  noun (شرق الموصل، مدينة حلب) is an adjunct, not an argument;
- "تعرض/نجا X لـ/من + attack noun": X is the target; "نفذه/تبناه X", "نسب إلى X", "من فعل X",
  "يقودها X", "هجوم لـX" name the attack's author; "لدى مرور X" names what a bomb hit;
- the state named by an act's adjective (the actors stage's "قصف إسرائيلي", "الاتهامات
  الأمريكية") acts; an adverbial participle (داعيا، محذرا) has the main clause's subject; the
  subject of a launch verb (نفذ، نظم، أعلن …) carries out the act its object names; a mediator's
  subject acts between the parties; a dateline ("بغداد - …") is no argument.
The events stage fills a side still empty from the other mentions of the same attack or protest
in the sentence (``EventStage._arguments``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from marsad.actors.agents import state_act_sector
from marsad.document import Document, Entity, Token
from marsad.events.lexicon import Hit
from marsad.text.normalize import fold
from marsad.text.numbers import is_quantity
from marsad.text.tokens import clitic_variants, is_dash

# Prepositions that mark an oblique argument (folded; may be attached clitics).
# Token norms are folded (ى → ي), so "على" and "لدى" are listed in their folded spelling.
_OBLIQUE = frozenset(["علي", "ضد", "الي", "مع", "عن", "في", "من", "ب", "ل", "لدي", "حول", "بشان", "تجاه", "نحو"])
_TARGET_MARKERS = frozenset(["ضد", "علي", "الي", "ب", "ل", "تجاه", "نحو", "بحق"])
# Modes whose target another preposition marks ("أفرجت السلطات عن الصحفي"); a mode listed here
# has a target even when its type has none (RETREAT).
MODE_TARGET_MARKERS = {"release": frozenset(["عن"])}
_WITH = frozenset(["مع"])
_BOUNDARY = frozenset([",", ";", ":", ".", "«", "»", '"', "(", ")", "لكن", "بينما", "فيما", "حيث", "الذي", "التي", "الذين"])
# Possessive suffixes on a verbal noun referring back to an actor.
_POSSESSIVE = ("ه", "ها", "هم", "هما")
_OPEN_QUOTES = frozenset(["«", '"', "“"])
# Event types whose participants are symmetric unless a visit/host direction is stated.
RECIPROCAL_FORMS = frozenset(["تبادل"])


@dataclass(slots=True)
class MentionRef:
    first: int  # token index
    last: int
    entity: str
    lead: int  # first token of the title right before the name ("ونظيره الأمريكي جون كيري"), else first
    attached: str | None = None  # a preposition its first token holds before the name (لروسيا)


def _title_start(doc: Document, ent: Entity, start: int) -> int | None:
    """Character offset of the entity's title when it stands right before ``start``."""
    title = ent.title
    if not title:
        return None
    at = doc.text.rfind(title, max(0, start - len(title) - 3), start)
    return at if at >= 0 and not doc.text[at + len(title) : start].strip(" ،,") else None


def _attached(doc: Document, ent: Entity, first: int, start: int) -> str | None:
    """The preposition on a name the tagger trimmed it from (لروسيا، ببغداد); ب on a place is
    where (ببغداد = في بغداد), as an attached ب almost always is in news."""
    lead = doc.text[doc.tokens[first].start : start].lstrip("وف")
    if lead not in ("ب", "ل"):
        return None
    return "في" if lead == "ب" and ent.type in ("GPE", "LOC") else lead


def token_range(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """First and last token index of the character span [start, end) (a span may begin inside a
    token, after a trimmed clitic: و|لافروف)."""
    return bisect_right(starts, start) - 1, bisect_left(ends, end)


def sentence_mentions(doc: Document, starts: list[int], ends: list[int], lo: int, hi: int) -> list[MentionRef]:
    """Entity mentions whose tokens lie in doc.tokens[lo:hi], in text order."""
    if lo >= hi or not doc.entities:
        return []
    s_start, s_end = doc.tokens[lo].start, doc.tokens[hi - 1].end
    out: list[MentionRef] = []
    for ent in doc.entities:
        if ent.type == "MISC" and ent.actor is None:
            continue  # a currency, a weapon, a book: no party to an event ("مليار دولار")
        for m in ent.mentions:
            if m.start >= s_start and m.end <= s_end:
                first, last = token_range(starts, ends, m.start, m.end)
                first, last = max(first, lo), min(last, hi - 1)
                if first <= last and first == lo and last + 1 < hi and is_dash(doc.tokens[last + 1].text):
                    continue  # a dateline ("بغداد - لقي سبعة أشخاص …"): where the report is from
                if first <= last:
                    title_at = _title_start(doc, ent, m.start) if ent.type == "PER" else None
                    lead = first if title_at is None else max(lo, min(first, bisect_right(starts, title_at) - 1))
                    out.append(MentionRef(first, last, ent.id, lead, _attached(doc, ent, first, m.start)))
    # A mention inside another entity's mention is part of it, not an argument of its own
    # ("مقاتلي البيشمركة الأكراد" holds "البيشمركة", "سائحا اسبانيا" holds "اسبانيا").
    out.sort(key=lambda r: (r.first, -r.last))
    kept: list[MentionRef] = []
    for r in out:
        if not any(o.first <= r.first and r.last <= o.last and o.entity != r.entity
                   and (o.first, o.last) != (r.first, r.last) for o in kept):  # a dual names two
            kept.append(r)
    # ... and so is one inside a person's title, the body of the office ("المتحدث باسم الخارجية
    # الإيرانية ناصر كنعاني", "الأمين العام للأمم المتحدة أنطونيو غوتيريش"): the person acts.
    return sorted((r for r in kept if not any(o.lead <= r.first and r.last < o.first for o in kept)),
                  key=lambda r: (r.first, r.last))


# "during": the verbal noun after it is something the clause's subject is doing (folded).
_DURING = frozenset(["خلال", "اثناء", "ابان", "لدي"])


def _destination(tokens: list[Token], m: MentionRef, lo: int) -> bool:
    """"إلى X", "إلى عاصمة X": the mention is where someone goes."""
    j = m.first - 1
    if j >= lo and any(r in _LOCATIVE_NOUNS for r in clitic_variants(tokens[j].norm)):
        j -= 1
    return j >= lo and tokens[j].norm == "الي"


def _preposition_before(tokens: list[Token], m: MentionRef, lo: int) -> str | None:
    """The preposition governing a mention: attached (بموسكو، لروسيا) or the previous word."""
    head = tokens[m.first].norm
    bare = head[1:] if head[:1] in ("و", "ف") else head
    if len(bare) > 3 and (bare.startswith("بال") or bare.startswith("لل")):
        return bare[0]  # attached preposition on a definite noun: بالجيش، للولايات
    if m.attached is not None:
        return m.attached
    j = m.first - 1
    if j >= lo:
        if any(r in _LOCATIVE_NOUNS for r in clitic_variants(tokens[j].norm)):
            return "في"  # "شرق الموصل", "مدينة حلب", "بالقرب من": a place adjunct, not an argument
        for r in clitic_variants(tokens[j].norm):
            if r in _OBLIQUE:
                if r == "من" and j - 1 >= lo and _partitive(tokens[j - 1]):
                    return None  # "عنصرين من الشرطة", "23 من الكوريين": the counted noun is the head
                return r
        if j - 1 >= lo and any(r in _PREMISES for r in clitic_variants(tokens[j].norm)):
            # "أمام مكاتب الحزب", "في مقر الحكومة": the owner of premises inside a phrase.
            outer = _preposition_before(tokens, MentionRef(j, j, m.entity, j), lo)
            if outer is not None:
                return outer
    return None


# Seats of an authority between the protest word and the authority (folded).
_BUILDINGS = frozenset(["مقر", "مبني", "مكتب", "سفاره", "مجلس", "باحه", "قصر"])
# Buildings and premises whose owner follows them as a genitive (folded): the seats above (a
# council, مجلس, is a body, not premises) and other places people gather or live.
_PREMISES = (_BUILDINGS - {"مجلس"}) | frozenset(["مقار", "مباني", "مكاتب", "منزل", "بيت", "معبد", "مسجد", "جامع",
                                                 "كنيسه", "فندق", "مطعم", "سوق", "مستشفي", "مدرسه", "جامعه"])
# Place nouns and directions before a place name: the mention is a location adjunct (folded).
_LOCATIVE_NOUNS = frozenset(["شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "وسط", "قرب", "داخل",
                             "خارج", "محيط", "اطراف", "ضواحي", "مدينه", "بلده", "قريه", "منطقه", "حي", "محافظه",
                             "ولايه", "اقليم", "ناحيه", "قضاء", "العاصمه", "عاصمه", "ريف", "مخيم", "انحاء",
                             "شارع", "ساحه", "ميدان", "طريق", "امام", "خلف", "وراء", "قباله", "عند", "قطاع",
                             "مضيق", "خليج", "بحر", "جزيره", "شبه", "وادي", "جبل", "نهر", "ساحل", "سواحل",
                             "مياه"])
# Counted heads of a partitive "من" ("عنصرين من …", "احد افراد …"), folded.
_PARTITIVE_HEADS = frozenset(fold(w) for w in ["عنصرين", "عناصر", "عنصرا", "افراد", "فردين", "احد", "اثنين", "اثنان", "عدد", "عددا", "عشرات",
                              "مئات", "العشرات", "المئات", "بعض", "مجموعه", "مجموعات", "عدد", "قوه", "قوات",
                              "دوريه", "وحده", "فرقه", "كتيبه", "وفد", "وفدا", "وفود", "ممثلين", "ممثلو"])


def _only_subject_between(tokens: list[Token], mentions: list[MentionRef], k: int, first: int) -> bool:
    """Between a launch verb and its object noun stand only its subject and place or time words
    ("أعلن عمال الموانئ في تونس إضرابا"), so the noun is its object."""
    inside = {x for m in mentions if k < m.first and m.last < first for x in range(m.first, m.last + 1)}
    return bool(inside) and all(x in inside or tokens[x].norm in _TIME_ASIDE or tokens[x].norm == "في"
                                for x in range(k + 1, first))


# Words between a launch verb and the act it launches that leave the act its object ("نفذت
# بالفعل ضربة", "وجهت عدة ضربات") (folded).
_LAUNCH_ASIDE = frozenset(fold(w) for w in ["بالفعل", "فعلا", "عدة", "سلسلة", "أيضا", "كذلك"])


def _launch_aside(tok: Token) -> bool:
    return tok.norm in _LAUNCH_ASIDE or tok.norm in _TIME_ASIDE or is_quantity(tok.norm)


def launched(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> bool:
    """A verbal-noun trigger that is the object of a launch verb before it, with only the verb's
    subject or an aside between ("شنت الطائرات الروسية غارات", "أطلقت دبابة قذيفة"): as much a
    report of the act as its own verb."""
    if hit.trigger.head_kind in ("V", "I"):
        return False
    inside = {x for m in mentions if m.last < hit.first for x in range(m.first, m.last + 1)}
    for k in range(hit.first - 1, max(lo, hit.first - 6) - 1, -1):
        if _is_word(tokens[k], _LAUNCH_VERBS):
            return True
        if not (k in inside or _launch_aside(tokens[k])):
            return False
    return False


def _subject_before_launch(tokens: list[Token], mentions: list[MentionRef], k: int, first: int,
                           lo: int) -> MentionRef | None:
    """SVO with a launch verb: "إن إسرائيل نفذت ضربة جوية", "وكانت القوات الأمريكية وجهت عدة
    ضربات": the bare mention right before the verb (after كان/قد) carries out the act."""
    if not all(_launch_aside(tokens[x]) for x in range(k + 1, first)):
        return None
    at = k - 1
    while at >= lo and tokens[at].norm in _PRE_VERB:
        at -= 1
    return next((m for m in mentions if m.last == at and _preposition_before(tokens, m, lo) is None), None)


def _partitive(tok: Token) -> bool:
    return tok.norm in _PARTITIVE_HEADS or tok.norm in _COUNTERS or is_quantity(tok.norm)


# Quantifiers besides numbers that introduce a counted noun (folded).
_COUNTERS = frozenset(fold(w) for w in ["أحد", "عدد", "عددا"])


def _counted(tokens: list[Token], a: int, b: int) -> bool:
    """A number or quantifier between the verb (a) and the mention (b)."""
    return any(is_quantity(tokens[k].norm) or _is_word(tokens[k], _COUNTERS) for k in range(a + 1, b))


def _with_between(tokens: list[Token], a: int, b: int) -> bool:
    """"مع" between token indices a < b (a meeting partner after its title)."""
    return any(tokens[k].norm in ("مع", "ومع") for k in range(max(a + 1, b - 6), b))


# Verbal nouns whose genitive is the patient, not the agent ("مقتل خمسة جنود", "اغتيال
# الوزير", "اعتقال ناشطين"): the usual casualty/arrest wording of news reports (folded).
_PATIENT_NOUNS = frozenset([
    "مقتل", "قتل", "مصرع", "اصابه", "جرح", "اغتيال", "اختطاف", "خطف", "اعتقال", "استهداف",
    "اعدام", "تعذيب", "ذبح", "احتجاز", "اسر", "استشهاد",
])
# Verbs whose spelling is unambiguously passive without diacritics (أصيب، اغتيل): the
# mention after them is the patient (folded).
_PASSIVE_VERBS = frozenset(["اصيب", "اصيبت", "اصيبوا", "اغتيل", "اغتيلت", "استشهد", "استشهدت", "استشهدوا"])
# Words right before a mention that mark the agent of a casualty: "على يد X", "برصاص X",
# "بنيران X", "من قبل X" (folded, prepositions attached).
_AGENT_MARKERS = frozenset(fold(w) for w in ["برصاص", "بنيران", "بقذائف", "بصواريخ", "بغارات", "بغاره", "بقصف"])
# Stems of protester nouns (متظاهرون، المحتجين، معتصمين): in a PROTEST event they are the
# source, whatever the word order (folded, after clitics).
_PROTESTERS = ("متظاهر", "محتج", "معتصم", "مضرب", "متظاهرات")


_DAMMA = "\u064f"


# Verbs whose subject judges or denies an act named by their object ("أدانت الجامعة الهجوم"),
# never its doer (folded; past with its feminine ت, imperfect with its prefixes).
_APPRAISING = frozenset(f for stem in ("ادان", "دان", "ندد", "استنكر", "شجب", "انتقد", "رحب", "نفي", "وصف")
                        for f in (stem, stem + "ت")) | frozenset(
    p + stem for stem in ("دين", "ندد", "ستنكر", "شجب", "نتقد", "رحب", "نفي", "صف") for p in ("ي", "ت"))


def _appraiser(tokens: list[Token], m: MentionRef, lo: int) -> bool:
    """The mention is the subject of an appraising verb right before it."""
    return m.lead - 1 >= lo and _is_word(tokens[m.lead - 1], _APPRAISING)


def _dual_verb(tok: Token, stem: str) -> bool:
    """A past verb in the dual (بحثا، اتفقتا، وناقشا) of the trigger word ``stem``."""
    norm = tok.norm[1:] if tok.norm[:1] in ("و", "ف") and not stem.startswith(tok.norm[:1]) else tok.norm
    return norm in (stem + "ا", stem + "تا") or (stem.endswith("ي") and norm == stem + "ا")


def _vowelled_passive(tok: Token) -> bool:
    """A verb written with a damma on its first letter (قُتلوا، أُصيب، وخُطف): the passive,
    whatever follows it. Most news text is unvocalised; where a writer marks the vowel, it
    settles the reading."""
    raw = tok.text[1:] if tok.text[:1] in ("و", "ف") and len(tok.text) > 3 else tok.text
    return len(raw) > 2 and raw[1] == _DAMMA


def _conjuncts(tokens: list[Token], mentions: list[MentionRef], m: MentionRef) -> list[MentionRef]:
    """The coordinated mentions ending with ``m``, first conjunct first: "ضابط شرطة وجنديا
    اختطفا" has two patients, and the first is the one the sentence is about."""
    chain = [m]
    while True:
        cur = chain[0]
        prev = [p for p in mentions if p.last == cur.first - 1 and p.entity != cur.entity]
        if not prev or not tokens[cur.first].norm.startswith("و"):
            return chain
        chain.insert(0, prev[-1])


def _feminine_verb_masculine_person(doc: Document, tokens: list[Token], hit: Hit, m: MentionRef) -> bool:
    """A perfect verb marked feminine (-ت: قتلت، فجرت) cannot agree with a man named or titled
    after it, who is then its object. Only persons: broken plurals (الجنود) take -ت too, and a
    person word ending in ة/ا (أسامة، مصطفى … or a feminine title) is left alone."""
    if hit.trigger.head_kind != "V" or not tokens[hit.first].norm.endswith("ت") or hit.trigger.words[0].endswith("ت"):
        return False
    ent = doc.entity(m.entity)
    if ent is None or ent.type != "PER":
        return False
    word = tokens[m.first].text
    return not word.endswith(("ة", "ه", "ا", "ى", "ات"))


def _is_word(tok: Token, words: frozenset[str]) -> bool:
    """The token, with or without clitics, is one of ``words``."""
    return any(r in words for r in clitic_variants(tok.norm))


def _agent_marked(tokens: list[Token], m: MentionRef, lo: int) -> bool:
    """"على يد X", "من قبل X", "برصاص X": an explicit agent of a (passive) casualty."""
    j = m.first - 1
    if j < lo:
        return False
    prev = tokens[j].norm
    if prev in _AGENT_MARKERS or (prev[:1] in ("و", "ف") and prev[1:] in _AGENT_MARKERS):
        return True
    return j - 1 >= lo and (prev, tokens[j - 1].norm) in (("يد", "علي"), ("ايدي", "علي"), ("قبل", "من"))


def _protester(tokens: list[Token], m: MentionRef) -> bool:
    return any(r.startswith(_PROTESTERS) for k in range(m.first, m.last + 1)
               for r in clitic_variants(tokens[k].norm))


# Support verbs of "قام X بـ+verbal noun" (folded).
_SUPPORT_VERBS = frozenset(["قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون", "قامتا"])
# Verbs whose object is an act their subject carries out ("نفذ العمال إضرابا", "نظم الطلاب
# مسيرة", "أعلن عمال الموانئ إضرابا") (folded).
_LAUNCH_VERBS = frozenset(fold(w) for w in [
    "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ", "نظم", "نظمت", "نظموا", "ينظم", "تنظم", "أعلن", "أعلنت", "أعلنوا",
    "بدأ", "بدأت", "بدأوا", "يبدأ", "تبدأ", "خاض", "خاضت", "خاضوا", "واصل", "واصلت", "واصلوا", "يواصل", "تواصل",
    "شن", "شنت", "شنوا", "يشن", "تشن", "وجه", "وجهت", "وجهوا", "يوجه", "أطلق", "أطلقت", "أطلقوا", "يطلق", "تطلق",
])
# Verbs that send or hand over what they carry: the subject of one gives the aid named later in
# its clause ("أرسلت الإمارات طائرة محملة بالمساعدات"); not تسلم, which also means "received" (folded).
_SENDING = frozenset(
    [p + e for p in ("ارسل", "قدم", "سلم", "وزع", "شحن", "سير") for e in ("", "ت", "وا", "تا", "ا")]
    + [f + p + e for p in ("رسل", "قدم", "سلم", "وزع", "شحن", "سير") for f in ("ي", "ت", "سي", "ست")
       for e in ("", "ون", "ان")]) - {"تسلم"}
# Forms of استهدف (targeted): "انفجرت عبوة … استهدفت دورية" names the target (folded).
_TARGETED = ("استهدف", "مستهدف", "تستهدف", "يستهدف")
# Reflexive object of a suicide bombing: "فجر انتحاري نفسه وسط سوق" (folded).
_SELF = frozenset(["نفسه", "نفسها", "انفسهم"])
# Words before what a protest targets (folded): against, in front of, on, to.
_AGAINST = frozenset(["ضد", "وضد", "امام", "وامام", "علي", "الي"])
# Adjectives of opposition before the opposed actor: "المناهضة لـ", "المعارضين لـ" (folded).
_OPPOSING = tuple(fold(w) for w in ("مناهض", "المناهض", "مناوئ", "المناوئ", "معارض", "المعارض"))
# Locative words that put the target of a bombing or protest before a mention (folded).
_AT = frozenset(["امام", "وسط", "بجانب", "قرب", "داخل", "في", "عند", "ضد", "علي"])
# Subordinators and the bare complementizer أن/إن: a noun before them is not the subject of
# a verb after them ("بقتل المدنيين بعدما فجرت عبوة", "أعلنت الشرطة أن … قتل") (folded).
_SUBORDINATORS = frozenset(["بعدما", "عندما", "حينما", "حين", "لما", "ان", "بان", "وان", "لان", "كما", "ثم",
                            "اذ", "حتي", "لدي", "اثر", "عقب", "فيما", "بعد", "قبل", "وبعدما", "وعندما"])
# Casualty verbs whose unvocalised perfect is usually the passive in news reports when no
# object follows ("جنديا أميركيا قتل في هجوم", "مدنيين جرحوا بانفجار") (folded stems).
_CASUALTY_VERBS = frozenset(["قتل", "جرح", "خطف", "اختطف", "اعدم", "ذبح", "اغتيل", "اصيب", "استشهد", "اسر"])
_PASSIVE_ENDINGS = ("", "ا", "وا", "ت", "تا")
# Words that may follow a passive casualty verb instead of an object: instruments (بانفجار،
# بالرصاص، بجروح), time and place (أمس، في، خلال، اثر، جراء …) (folded).
_AFTER_PASSIVE = frozenset(["في", "خلال", "اثر", "جراء", "علي", "عند", "لدي", "اثناء", "امس", "اليوم", "صباح",
                            "مساء", "ليل", "بعد", "قرب", "وسط", "داخل", "حين", "عندما", "بينما", "فيما", "منذ",
                            "اول", "الليله", "يوم", "مطلع"])
# "تعرض X لهجوم", "نجا X من محاولة اغتيال": the subject undergoes the event (folded stems).
_UNDERGO = ("تعرض", "يتعرض", "تتعرض", "نجا", "ينجو", "نجت", "ينجون", "نجوا")
# "هجوم نفذه X", "تبناه X", "نسب إلى X", "من فعل X": the author of an attack named after it (folded).
_AUTHOR_WORDS = frozenset(["نفذه", "نفذها", "نفذته", "نفذتها", "نفذوه", "تبناه", "تبنته", "تبناها", "تبنتها",
                           "وتبناه", "وتبنته", "ونفذه", "فعل", "شنه", "شنها", "شنته", "شنتها", "شنوه", "شنوها",
                           "ونفذته", "وشنه", "وشنته", "يقودها", "يقوده", "يقودهما", "قادها", "قاده"])
_ATTRIBUTED = frozenset(["نسب", "نسبت", "ونسب", "ونسبت", "ينسب", "تنسب", "منسوب", "المنسوب", "ونسبته"])
# "لدى مرور دورية": the bombing's target passes by (folded).
_PASSING = frozenset(["مرور", "عبور"])


def _protest_candidates(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int
                        ) -> Iterator[tuple[MentionRef, tuple[str, str, str]]]:
    """Mentions up to 15 words after a protest trigger, protesters left out, each with the
    three words before it (folded; "" before the sentence)."""
    last = hit.last
    for m in mentions:
        if m.first <= last:
            continue
        if m.first - last > 15:
            break
        if _protester(tokens, m):
            continue
        yield m, tuple(tokens[k].norm if k >= lo else "" for k in (m.first - 1, m.first - 2, m.first - 3))  # type: ignore[misc]


def _vso_subject(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> MentionRef | None:
    """The bare noun right after a verb trigger, counted or not ("تظاهر مئات من الطلبة")."""
    if hit.trigger.head_kind not in ("V", "I"):
        return None
    m = next((m for m in mentions if m.first > hit.last), None)
    if m is None or m.first - hit.last > 4 or not _clause_ok(tokens, hit.last, m.first):
        return None
    return m if _preposition_before(tokens, m, lo) is None else None


# Protest verbs of gathering, the report of a protest itself; chanting or raising banners
# (هتف، رفع لافتات) tells more of one already reported (folded trigger words).
_GATHERING = frozenset(fold(w) for w in [
    "تظاهر", "احتج", "حتج", "اعتصم", "عتصم", "احتشد", "حتشد", "تجمع", "تجمهر", "سار", "خرج", "خرجوا", "اضرب"])


# Verbs of a march whose subject is the protest itself ("خرجت مظاهرات في الموصل", "وانطلقت
# تظاهرة من مدينة الصدر"); شهد (saw) is not one: a town "saw protests" sums them up (folded).
_MARCHING = frozenset(fold(w) for w in ["خرج", "خرجت", "انطلق", "انطلقت", "سار", "سارت", "جاب", "جابت"])
# Crowd nouns before "من + protesters" ("سارت حشود من المتظاهرين") (folded).
_CROWDS = frozenset(fold(w) for w in ["حشود", "الحشود", "جموع", "آلاف", "الآلاف", "مئات", "المئات", "عشرات",
                                      "العشرات", "نحو", "حوالي"])


def reports_gathering(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> bool:
    """A protest told as people gathering in the main clause: a gathering verb whose subject is a
    crowd of protesters, after it ("تجمع مئات المتظاهرين", "سارت حشود من المتظاهرين") or right
    before it ("المحتجون اعتصموا"), or a protest noun as the subject of a march verb ("خرجت
    مظاهرات في الموصل")."""
    if hit.first > lo and tokens[hit.first - 1].norm in _RELATIVES:
        return False  # "المقر الذي تجمع في محيطه المتظاهرون": where they gathered, told in passing
    if hit.trigger.words[0] in _GATHERING:
        subject = _vso_subject(tokens, hit, mentions, lo)
        if subject is not None and subject.first == hit.last + 1 and tokens[subject.first].norm.endswith("ين"):
            return False  # "موقع تجمع المتظاهرين": the genitive of the verbal noun, not a verb's subject
        if subject is None and hit.trigger.head_kind in ("V", "I"):
            # right before the verb, else "crowds of" after it ("سارت حشود من المتظاهرين")
            subject = next((m for m in mentions if m.last == hit.first - 1
                            and _preposition_before(tokens, m, lo) is None), None) or next(
                (m for m in mentions if 2 <= m.first - hit.last <= 4 and tokens[m.first - 1].norm == "من"
                 and (tokens[m.first - 2].norm in _CROWDS or is_quantity(tokens[m.first - 2].norm))), None)
        if subject is None or not _protester(tokens, subject):
            return False
        k = min(subject.first, hit.first) - 1
    elif hit.trigger.head_kind not in ("V", "I"):
        k = hit.first - 1
        while k >= lo and tokens[k].norm in _TIME_ASIDE:
            k -= 1
        if k < lo or not _is_word(tokens[k], _MARCHING):
            return False
        k -= 1
    else:
        return False
    # "فيما سار المتظاهرون", "حيث كان يتجمع متظاهرون", "قال إن المتظاهرين خرجوا": a clause
    # that sets the scene or reports someone's words, not the report itself
    while k >= lo and tokens[k].norm in _WAS:
        k -= 1
    return not any(tokens[j].norm in _SETTING for j in range(max(lo, k - 1), k + 1))


_WAS = frozenset(["كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "قد"])
# Words opening a clause that sets the scene or reports words (كما "also" and ثم "then" open
# a report of their own) (folded).
_SETTING = (_SUBORDINATORS - {"كما", "ثم"}) | frozenset(["حيث", "وحيث", "بينما", "وبينما", "وفيما"])


def _protest_against(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> str | None:
    """What a protest is explicitly against (ضد X، احتجاجا على [زيارة] X، المناهضة لـX): in
    PLOVER the recipient of a protest, ahead of the place where it stands (أمام مقر Y)."""
    candidates = list(_protest_candidates(tokens, hit, mentions, lo))
    for m, _ in candidates:
        # "احتجاجا على مقتل صبي على أيدي الشرطة": the author of the grievance, not its victim.
        if _agent_marked(tokens, m, lo) and _grievance_before(tokens, m.first, lo):
            return m.entity
    for m, (prev, prev2, prev3) in candidates:
        if prev in _QUOTES:
            prev, prev2, prev3 = prev2, prev3, ""
        if prev in _BUILDINGS:
            prev, prev2 = prev2, prev3
        if (prev in ("ضد", "وضد") or (prev == "علي" and _is_word_prefix(prev2, _GRIEVANCE))
                or (prev2 == "علي" and _is_word_prefix(prev3, _GRIEVANCE))  # احتجاجا على زيارة بوش
                or prev2.startswith(_OPPOSING) or prev.startswith(_OPPOSING)
                or _is_word_prefix(prev, _DEMANDS)):  # «يسقط بوش»، للمطالبة باستقالة الحكومة
            return m.entity
    return None


# What protesters demand of someone (folded stems; clitic readings are tried, so باستقالة and
# ليسقط match too): «يسقط X»، استقالة X، رحيل X، إسقاط X.
_DEMANDS = ("يسقط", "تسقط", "سقوط", "اسقاط", "استقاله", "يستقيل", "رحيل", "يرحل", "ارحل", "تنحي", "يتنحي",
            "اقاله", "محاكمه")
_QUOTES = frozenset(["«", "»", '"', "“", "”"])


def _grievance_before(tokens: list[Token], first: int, lo: int) -> bool:
    """"احتجاجا على مقتل صبي على أيدي الشرطة": a grievance word shortly before the agent
    marker, so the agent of the grievance is what the protest is against."""
    return any(_is_word_prefix(tokens[k].norm, _GRIEVANCE) for k in range(max(lo, first - 9), first))


def _passing_by(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> MentionRef | None:
    """"انفجرت عبوة لدى مرور دورية للجيش": what passes by is what the bomb hit."""
    return next((m for m in mentions if 0 < m.first - hit.last <= 12 and m.first - 1 >= lo
                 and tokens[m.first - 1].norm in _PASSING), None)


def _giver(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> MentionRef | None:
    """The subject of a sending verb earlier in the aid noun's clause (VSO, else SVO)."""
    for k in range(hit.first - 1, max(lo, hit.first - 12) - 1, -1):
        if tokens[k].norm in _BOUNDARY:
            return None
        if _is_word(tokens[k], _SENDING):
            bare = [m for m in mentions if _preposition_before(tokens, m, lo) is None]
            after = next((m for m in bare if k < m.first <= k + 4 and m.last < hit.first), None)
            before = next((m for m in reversed(bare) if m.last == k - 1), None)
            return after or before
    return None


# Conditions a threat sets its target ("إذا واصلت الولايات المتحدة", "في حال أقدمت إسرائيل") (folded).
_CONDITIONS = frozenset(["اذا", "واذا", "ان", "لو", "حال"])


def _threatened(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> MentionRef | None:
    """The subject of the condition a threat sets: "هددت كوريا الشمالية باتخاذ إجراءات إذا واصلت
    الولايات المتحدة مناوراتها" -> the United States (the condition's verb, then its subject)."""
    sentence = tokens[hit.first].sentence
    for k in range(hit.last + 1, min(len(tokens), hit.last + 12)):
        if tokens[k].sentence != sentence:
            return None
        if tokens[k].norm in _CONDITIONS or (tokens[k].norm == "ما" and k + 1 < len(tokens) and tokens[k + 1].norm == "لم"):
            verb = k + 2 if tokens[k].norm == "ما" else k + 1
            if tokens[k].norm == "ان" and not tokens[verb - 1].norm.startswith(("ا", "ي", "ت")):
                return None  # إن before a noun is "that", not "if"
            return next((m for m in mentions if verb < m.first <= verb + 2 and _preposition_before(tokens, m, lo) is None), None)
    return None


def _attack_target(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int, etype: str) -> list[str]:
    """Targets the word-order rules miss: after استهدف in the same sentence, after "نفسه"
    and a locative ("فجر نفسه وسط X"), or after أمام ("انفجرت قنبلة أمام مكاتب الحزب")."""
    last = hit.last
    later = [m for m in mentions if m.first > last]
    for k in range(last + 1, later[-1].first if later else last + 1):
        if any(r.startswith(_TARGETED) for r in clitic_variants(tokens[k].norm)):
            return [m.entity for m in later if m.first > k and m.first - k <= 4
                    and _preposition_before(tokens, m, lo) != "في"][:1]  # "استهدف مسجدا في مدينة X": where
    if etype == "PROTEST":
        # What a protest is against or addressed to: "ضد الحكومة", "أمام البرلمان", "احتجاجا على
        # …", "ينددون بالحكومة", "المناهضة لإيران", "توجهوا الى مقر رئيس الوزراء".
        explicit = _protest_against(tokens, hit, mentions, lo)
        if explicit is not None:
            return [explicit]
        for m, (prev, prev2, _) in _protest_candidates(tokens, hit, mentions, lo):
            if prev in _BUILDINGS:
                prev = prev2  # "أمام مقر المحكمة", "الى مقر رئيس الوزراء"
            if (prev in _AGAINST or _preposition_before(tokens, m, lo) in ("ب", "ل", "الي")
                    or prev2.startswith(_OPPOSING) or prev.startswith(_OPPOSING)):
                return [m.entity]
        return []
    passing = _passing_by(tokens, hit, mentions, lo)
    if passing is not None:
        return [passing.entity]
    self_ref = any(tokens[k].norm in _SELF for k in range(last + 1, min(len(tokens), last + 3)))
    for m in later:
        if m.first - last > 8 or not _clause_ok(tokens, last, m.first):
            break
        prev = tokens[m.first - 1].norm if m.first - 1 >= lo else ""
        if prev in _PREMISES and m.first - 2 >= lo:
            prev = tokens[m.first - 2].norm  # "أمام مكاتب الحزب": the owner of what was hit
        if (self_ref and prev in _AT) or prev in ("امام", "وامام") or (etype == "PROTEST" and prev in ("ضد", "وضد")):
            return [m.entity]
    return []


def _subordinate_between(tokens: list[Token], a: int, b: int) -> bool:
    """A subordinator or bare complementizer between token indices a < b."""
    return any(tokens[k].norm in _SUBORDINATORS for k in range(a + 1, b))


def _governed(tokens: list[Token], first: int, lo: int) -> bool:
    """A verbal noun after a preposition ("في انفجار", "بانفجار", "لهجوم"): the noun before it
    is not its subject."""
    norm = tokens[first].norm
    if (len(norm) > 4 and norm[:1] in ("ب", "ل") and not norm.startswith("لل")) or norm.startswith(("بال", "وب", "فب")):
        return True
    return first - 1 >= lo and any(r in _OBLIQUE for r in clitic_variants(tokens[first - 1].norm))


def _definite_word(tok: Token) -> bool:
    return any(v.startswith("ال") for v in clitic_variants(tok.norm))


def _casualty_verb(tok: Token) -> bool:
    """A perfect casualty verb form (قتل، قتلا، جرحوا، اختطفت …), with or without و/ف."""
    norm = tok.norm
    stem = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
    return any(stem == v + e for v in _CASUALTY_VERBS for e in _PASSIVE_ENDINGS)


def _passive_casualty(tokens: list[Token], first: int, hi: int) -> bool:
    """A casualty verb (قتل، جرح، خطف …) read as passive: nothing object-like right after it."""
    if not _casualty_verb(tokens[first]):
        return False
    if first + 1 >= hi:
        return True
    nxt = tokens[first + 1].norm
    if nxt in _BOUNDARY or not any(ch.isalnum() for ch in nxt):
        return True
    bare = nxt[1:] if nxt[:1] == "و" and len(nxt) > 3 else nxt
    if bare in _AFTER_PASSIVE or nxt in _AFTER_PASSIVE:
        return True
    if nxt.startswith(("ب", "وب")) and not nxt.startswith(("بين", "بعض")) and len(nxt) > 3:
        return True  # بانفجار، بالرصاص، بجروح، برصاص: an instrument, not an object
    # Coordinated casualty verb ("قتل وأصيب 10 آخرون"): still passive.
    return nxt[:1] == "و" and any(bare == v + e for v in _CASUALTY_VERBS for e in _PASSIVE_ENDINGS)


def _undergoer(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> MentionRef | None:
    """"تعرضت قافلة عسكرية لهجوم", "نجا قائد الشرطة من محاولة اغتيال": the subject of
    تعرض/نجا before a verbal-noun trigger is what the attack hit."""
    first = hit.first
    for k in range(first - 1, max(lo, first - 9) - 1, -1):
        norm = tokens[k].norm
        if norm in _BOUNDARY:
            return None
        bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 4 else norm
        if bare.startswith(_UNDERGO) and len(bare) <= 7:
            cands = [m for m in mentions if k < m.first and m.last < first and _preposition_before(tokens, m, lo) is None]
            return cands[0] if cands else None
    return None


def attack_author(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> MentionRef | None:
    """"هجوم نفذه مجهولون", "تبناه تنظيم القاعدة", "نسب الى المتمردين": the attack's author."""
    later = [m for m in mentions if m.first > hit.last and m.first - hit.last <= 12]
    for m in later:
        if (m.first == hit.last + 1 and hit.trigger.head_kind not in ("V", "I")
                and tokens[m.first].norm[:1] == "ل" and _preposition_before(tokens, m, lo) == "ل"):
            return m  # "في هجوم لتنظيم داعش", "غارة للتحالف": the attack's owner
        prev = tokens[m.first - 1].norm if m.first - 1 >= lo else ""
        prev2 = tokens[m.first - 2].norm if m.first - 2 >= lo else ""
        if prev in _AUTHOR_WORDS or (prev == "فعل" and prev2 == "من"):
            return m
        if prev in ("الي", "لي") and prev2 in _ATTRIBUTED:
            return m
        if _preposition_before(tokens, m, lo) == "ل" and prev in _ATTRIBUTED:
            return m
    return None


# Words before "على X" that make X what a protest is against: احتجاجا على، اعتراضا على (folded).
_GRIEVANCE = ("احتجاج", "للاحتجاج", "اعتراض", "احتجاجا", "اعتراضا", "سخطا", "غضبا", "تنديدا")


def _is_word_prefix(norm: str, prefixes: tuple[str, ...]) -> bool:
    return any(r.startswith(prefixes) for r in clitic_variants(norm))


# Accusation words (folded): an attack they govern is what someone is accused of, the content
# of an ACCUSE event ("اتهم الجماعة بمحاولة اغتيال …", "اتهامات للشرطة بقتل طفلين"), not a report.
_ACCUSING = ("اتهم", "يتهم", "تتهم", "نتهم", "اتهام")
_ACCUSED = ("متهم", "المتهم")  # "المتهمين بتنفيذ الهجوم"; but "قام المتهم بقتل زوجته" reports it
_CHARGE = ("تهمه", "التهمه", "تهم", "التهم")


def accused_of(tokens: list[Token], hit: Hit, lo: int) -> bool:
    """The trigger is the act of an accusation or a charge ("اتهمه بقتل", "بتهمة خطف")."""
    first = hit.first
    for k in range(first - 1, max(lo, first - 20) - 1, -1):
        if tokens[k].norm in _BOUNDARY:
            return False
        readings = clitic_variants(tokens[k].norm)
        if any(r.startswith(_CHARGE) for r in readings):
            return True
        if any(r.startswith(_ACCUSING) for r in readings):
            # the accused act is introduced by ب: "اتهمه بقتل", "اتهام … بالوقوف وراء الهجوم"
            return any(tokens[j].norm[:1] == "ب" and len(tokens[j].norm) > 2 for j in range(k + 1, first + 1))
        if any(r.startswith(_ACCUSED) for r in readings):
            return (tokens[k + 1].norm[:1] == "ب" and len(tokens[k + 1].norm) > 2
                    and not (k > lo and _is_word(tokens[k - 1], _SUPPORT_VERBS)))
    return False


# Words that make an attack noun a point in time: "منذ تفجيرات الشهر الماضي" (since the
# bombings), "في الذكرى السنوية لاغتيال" (the anniversary of) (folded).
_SINCE = frozenset(["منذ", "ومنذ", "منذا"])
_ANNIVERSARY = ("ذكري", "الذكري", "ذكراه", "ذكراها")


def time_anchor(tokens: list[Token], hit: Hit, lo: int) -> bool:
    """The attack noun dates something else in the sentence; it is not reported there."""
    if hit.trigger.head_kind in ("V", "I"):
        return False
    first = hit.first
    if first > lo and tokens[first - 1].norm in _SINCE:
        return True
    return any(tokens[k].norm.lstrip("وف").startswith(_ANNIVERSARY) for k in range(max(lo, first - 3), first))


# Words of a time aside set off by commas ("اعتقلت الشرطة، أمس الأحد، عشرات المحتجين"), folded.
_TIME_ASIDE = frozenset(fold(w) for w in [
    "أمس", "اليوم", "الليلة", "يوم", "صباح", "مساء", "فجر", "ليل", "ليلة", "أول", "من", "الماضي", "الماضية",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
])


# A time aside between commas may also say when in the day ("، بعد ظهر أمس،") (folded).
_COMMA_ASIDE = _TIME_ASIDE | frozenset(fold(w) for w in [
    "بعد", "قبل", "ظهر", "الظهر", "عصر", "منتصف", "نهار", "ليلا", "صباحا", "مساء", "فجر", "امس"])


def _clause_ok(tokens: list[Token], a: int, b: int) -> bool:
    """No clause boundary between token indices a < b; an opening quote one or two tokens before
    ``b`` opens a quoted name («ألوية الناصر صلاح الدين»), not a quotation; a time aside between
    commas is no boundary."""
    quote = next((k for k in (b - 1, b - 2) if k > a and tokens[k].norm in _OPEN_QUOTES), b)
    k = a + 1
    while k < quote:
        if tokens[k].norm in _BOUNDARY:
            aside = [x for x in range(k + 1, quote) if not is_quantity(tokens[x].norm)]
            if tokens[k].norm in (",", "،") and aside and len(aside) <= 4 and all(
                    tokens[x].norm in _COMMA_ASIDE for x in aside):
                return True  # "اغتال الطيران الإسرائيلي، بعد ظهر أمس خمسة فلسطينيين"
            end = next((e for e in range(k + 1, min(quote, k + 6)) if tokens[e].norm in (",", "،")), None)
            if tokens[k].norm not in (",", "،") or end is None or end == k + 1 or not all(
                    tokens[x].norm in _COMMA_ASIDE for x in range(k + 1, end)):
                return False
            k = end
        k += 1
    return True


def assign(doc: Document, tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int,
           reciprocal: bool, directed: bool = True, etype: str = "") -> tuple[list[str], list[str]]:
    """(source entity ids, target entity ids) for one trigger."""
    if not mentions:
        return [], []
    src, tgt = _assign(doc, tokens, hit, mentions, lo, reciprocal, directed)
    if etype == "PROTEST" and not reciprocal:
        # Protesters act in a protest event wherever they stand in the sentence ("تجمع امام
        # المحكمة عدد من المتظاهرين"); what they face stays the target.
        crowd = [m for m in mentions if _protester(tokens, m)]
        subject = _vso_subject(tokens, hit, mentions, lo)
        if crowd and (subject is None or subject.entity not in src):
            # ... unless the verb's own subject acts ("تظاهر مئات من الطلبة … وهتف المتظاهرون").
            near = min(crowd, key=lambda m: min(abs(m.first - hit.last), abs(hit.first - m.last)))
            tgt = [e for e in tgt if e != near.entity]
            src = [near.entity]
    if etype == "PROTEST" and not reciprocal and directed:
        against = _protest_against(tokens, hit, mentions, lo)
        if against is not None and (against not in src or not crowd):
            # What the protest is against is never its actor, even when a casualty rule read
            # it as an agent ("احتجاجا على مقتل صبي على أيدي الشرطة").
            src = [e for e in src if e != against]
            tgt = [against]
    author = None
    if etype == "ASSAULT" and not reciprocal:
        kind = hit.trigger.head_kind
        victim = _undergoer(tokens, hit, mentions, lo) if kind not in ("V", "I") else None
        if victim is None:
            victim = _passing_by(tokens, hit, mentions, lo)  # hit by the blast, never its subject
        if victim is not None:
            # "تعرضت قافلة لهجوم": the subject of تعرض is the target, never the source.
            src = [e for e in src if e != victim.entity]
            tgt = [victim.entity] + [e for e in tgt if e != victim.entity]
        author = attack_author(tokens, hit, mentions, lo)
        if author is not None and (victim is None or author.entity != victim.entity):
            if not src:
                src = [author.entity]
                tgt = [e for e in tgt if e != author.entity]
            elif (all(e == author.entity for e in tgt) and len(src) == 1 and src[0] != author.entity
                  and kind in ("V", "I") and _casualty_verb(tokens[hit.first])):
                # "قتل جنديان في هجوم شنه مسلحون": with the attack's author named, the casualty
                # verb is passive and its lone subject the patient.
                src, tgt = [author.entity], src
            elif author.entity not in src and len(tgt) == 1 and tgt[0] == author.entity:
                tgt = []  # "شنوا الهجوم … بسيارة يقودها انتحاري": the author's agent, not the target
    if etype == "AID" and not src and hit.trigger.head_kind not in ("V", "I"):
        giver = _giver(tokens, hit, mentions, lo)
        if giver is not None:
            src = [giver.entity]
            tgt = [e for e in tgt if e != giver.entity]
    if etype == "THREATEN" and not tgt:
        threatened = _threatened(tokens, hit, mentions, lo)
        if threatened is not None and threatened.entity not in src:
            tgt = [threatened.entity]
    acting = None if reciprocal else _acting_state(tokens, hit, mentions, lo, etype)
    if acting is not None and src != [acting.entity]:
        # "الاتهامات الإسرائيلية", "قتل جنديان في ضربات روسية": the state named by the act's
        # adjective acts; the one read as acting before is then what it acted on.
        rest = [e for e in src if e != acting.entity]
        src = [acting.entity]
        tgt = [e for e in tgt if e != acting.entity] or rest[:1]
    if etype in ("ASSAULT", "PROTEST") and directed and not reciprocal and not tgt:
        tgt = [e for e in _attack_target(tokens, hit, mentions, lo, etype)
               if e not in src and (author is None or e != author.entity)][:1]
    if not src and not reciprocal and directed:
        subject = _shared_subject(tokens, hit, mentions, lo)
        if subject is not None and subject.entity not in tgt:
            src = [subject.entity]
    if not src and not tgt:
        subject = _relative_subject(tokens, hit, mentions)
        if subject is not None:
            src = [subject.entity]
    return src, tgt


def nisba_ending(norm: str) -> bool:
    """A relational adjective's ending (إسرائيلي، الأمريكية، روسيا)."""
    return len(norm) > 4 and norm.endswith(("ي", "يه", "يا", "يين", "يون"))


def casualty_word(tok: Token) -> bool:
    """A casualty verb (قتل، جرحوا) or patient noun (مقتل، إصابة)."""
    return _casualty_verb(tok) or _is_word(tok, _PATIENT_NOUNS)


def _acting_state(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int, etype: str) -> MentionRef | None:
    """A state-act adjective (the actors stage's "قصف إسرائيلي") right after the trigger, or, for
    a casualty word, after an attack noun of its sentence ("قتل جنديان في ضربات روسية")."""
    casualty = etype == "ASSAULT" and casualty_word(tokens[hit.first])
    for m in mentions:
        if m.first != m.last or m.first - 1 < lo or not nisba_ending(tokens[m.first].norm):
            continue
        act = state_act_sector(tokens[m.first - 1].norm)
        if act is not None and (m.first == hit.last + 1 or (casualty and act == "MIL" and 0 < m.first - hit.last <= 6)):
            return m
    return None


# Verbs of a relative clause whose subject is the agent of the noun it describes ("التعاون الذي
# يسعى إليه الروس", "الاتفاق الذي وقعته الحكومة", "الهجوم الذي شنه مسلحون") (folded stems).
_PURSUING = ("يسع", "تسع", "سعي", "سعت", "سعوا", "وقعه", "وقعته", "وقعها", "وقعتها", "وقعوه", "يوقع", "شن",
             "يشن", "تشن", "نفذ", "ينفذ", "تنفذ", "اقترح", "يقترح", "تقترح", "يطلب", "تطلب", "طلبه", "طلبته",
             "يريد", "تريد", "اراد", "ابرم", "يبرم", "تبرم")


def _relative_subject(tokens: list[Token], hit: Hit, mentions: list[MentionRef]) -> MentionRef | None:
    """The subject of a relative clause on a verbal-noun trigger, when the clause's verb is one
    of pursuing or making it: "نوع التعاون العسكري الذي كان الروس يسعون إليه" -> the Russians."""
    if hit.trigger.head_kind in ("V", "I"):
        return None
    rel = next((k for k in range(hit.last + 1, min(len(tokens), hit.last + 4)) if tokens[k].norm in _RELATIVES), None)
    if rel is None or any(tokens[k].norm in _BOUNDARY for k in range(hit.last + 1, rel)):
        return None
    window = range(rel + 1, min(len(tokens), rel + 5))
    # "ويسعون" has a conjunction; "وقعته" (signed it) begins with its root's و
    if not any(tokens[k].norm.startswith(_PURSUING) or tokens[k].norm.lstrip("و").startswith(_PURSUING)
               for k in window):
        return None
    for m in mentions:
        if m.first in window and _clause_ok(tokens, rel, m.first) and _preposition_before(tokens, m, rel) is None:
            return m
    return None


_RELATIVES = frozenset(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"])
_OBJECT_SUFFIXES = ("ته", "تها", "تهم", "وه", "وها", "وهم", "ها", "هم", "هما")


def _object_suffixed(raw: str) -> bool:
    """A verb carrying an object pronoun (اعتقلته، قتلوهم); a bare final ه only on long forms
    (واجه، وجه end in it)."""
    return (len(raw) >= 5 and raw.endswith(_OBJECT_SUFFIXES)) or (len(raw) >= 6 and raw.endswith("ه"))


# Complementizers that open a new clause with its own subject (folded).
_COMPLEMENTIZERS = frozenset(["ان", "بان", "وان", "لان"])


def _shared_subject(tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int) -> MentionRef | None:
    """"أطلقت القوات صاروخا على المدرسة فقتلت المدرس", "قامت قوة من الشرطة بمداهمة الجامع
    واعتدت على المصلين": a verb coordinated by و/ف with no subject of its own shares the subject
    of its clause — the first bare mention after the clause opens (the sentence start, a
    punctuation mark or a complementizer أن/إن)."""
    kind = hit.trigger.head_kind
    norm = tokens[hit.first].norm
    if (kind not in ("V", "I") or norm[:1] not in ("و", "ف") or len(norm) <= 3
            or _is_word(tokens[hit.first], _PASSIVE_VERBS | _PATIENT_NOUNS)):
        return None  # passive, or as likely a verbal noun ("مقتل ستة وجرح عشرة")
    start = lo
    for k in range(hit.first - 1, lo - 1, -1):
        if k == hit.first - 1 and tokens[k].norm in (",", "،"):
            continue  # "اتهم الوزير إيران …، وطالب": the comma joins the two clauses
        if tokens[k].norm in _BOUNDARY or tokens[k].norm in _COMPLEMENTIZERS:
            start = k + 1
            break
    for m in mentions:
        if m.first >= start and m.last < hit.first:
            counted = m.first - 1 >= lo and (_partitive(tokens[m.first - 1]) or _is_word(tokens[m.first - 1], _PATIENT_NOUNS))
            return m if _preposition_before(tokens, m, lo) is None and not counted else None
    return None


# Particles between a subject and its verb (folded).
_PRE_VERB = frozenset(["قد", "لقد"])
# Agreement nouns: a place right after one names the agreement ("اتفاق أوسلو"), no party (folded).
_AGREEMENTS = frozenset(["اتفاق", "اتفاقيه", "معاهده", "اتفاقات", "اتفاقيات", "تفاهمات", "مذكره"])


def _named_agreement(doc: Document, tokens: list[Token], m: MentionRef, last: int) -> bool:
    return (m.first == last + 1 and _is_word(tokens[last], _AGREEMENTS)
            and getattr(doc.entity(m.entity), "type", None) in ("GPE", "LOC"))


def _assign(doc: Document, tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int,
            reciprocal: bool, directed: bool) -> tuple[list[str], list[str]]:
    first, last = hit.first, hit.last
    kind = hit.trigger.head_kind
    # A verb form with the article is its verbal noun ("القصف الإسرائيلي", "بالقصف"); التقى is a verb
    bare = tokens[first].norm[1:] if tokens[first].norm[:1] in ("و", "ف") else tokens[first].norm
    verbal = kind in ("V", "I") and not (
        bare.startswith(("ال", "بال", "لل")) and not hit.trigger.words[0].startswith(("ال", "ب", "ل")))
    # (a titled name counts from its title: "استقبل الرئيس … في قصر الاتحادية وزير الخارجية الإماراتي عبد الله بن زايد")
    after = [m for m in mentions if m.first > last and min(m.lead, m.first) - last <= 10 and _clause_ok(tokens, last, m.first)
             and not _named_agreement(doc, tokens, m, last)]
    sources: list[str] = []
    targets: list[str] = []

    def add(lst: list[str], ent: str) -> None:
        if ent not in lst and ent not in sources and ent not in targets:
            lst.append(ent)

    if hit.trigger.participle:
        # An adverbial participle ("…، داعيا الحكومة إلى", "محذرا واشنطن من") has the main
        # clause's subject and takes its object after it.
        subject = next((m for m in mentions if m.last < first and _preposition_before(tokens, m, lo) is None), None)
        if subject is not None:
            add(sources, subject.entity)
        obj = next((m for m in after if _preposition_before(tokens, m, lo) is None), None) or next(
            (m for m in after if _preposition_before(tokens, m, lo) in _TARGET_MARKERS), None)
        if obj is not None and directed:
            add(targets, obj.entity)
        return sources, targets

    if reciprocal and verbal and _dual_verb(tokens[first], hit.trigger.words[0]) and not any(
            m.first - last <= 3 and _preposition_before(tokens, m, lo) is None for m in after):
        # "استقبل السيسي … مصطفى وبحثا …": a dual verb with no subject after it has the two
        # parties just named for its subject.
        pair = [m for m in mentions if m.last < first and _preposition_before(tokens, m, lo) is None]
        if len({m.entity for m in pair}) >= 2:
            for m in pair[-2:]:
                add(sources, m.entity)
            return sources, []
    # "بين A و B": every participant is an actor; a mediator's subject acts between them
    # ("توسطت قطر بين الحكومة والمتمردين").
    between_parties: list[str] = []
    for k in range(last + 1, min(len(tokens), last + 4)):
        if tokens[k].norm in ("بين", "وبين"):
            group = [m for m in after if m.first > k][:2]
            if hit.trigger.mode == "third-party":
                between_parties = [m.entity for m in group]
                after = [m for m in after if m.first < k]
                break
            for m in group:
                add(sources, m.entity)
            if len(group) == 2:
                return sources, []
    # "مقتل جنديين برصاص القوات", "قتل على يد مسلحين": an explicitly marked agent is the source.
    for m in after:
        if _agent_marked(tokens, m, lo):
            add(sources, m.entity)
            if verbal:
                # "اختطفا … على يد مسلحين": with its agent marked the verb is passive, and its
                # bare subject (before, or after before the marker) is the patient.
                bare = [b for b in mentions if b.first < m.first and b.entity != m.entity
                        and _preposition_before(tokens, b, lo) is None
                        and ((0 < first - b.last <= 6 and _clause_ok(tokens, b.last, first)) or b.first > last)]
                if bare:
                    for b in _conjuncts(tokens, mentions, min(bare, key=lambda b: abs(b.first - first))):
                        add(targets, b.entity)
                return sources, targets
            break
    if not verbal:
        # Support verb "قام X ب+مصدر" ("قام عدد من الجنود بقتل المدنيين"): the subject of قام acts.
        for k in range(first - 1, max(lo, first - 8) - 1, -1):
            if _is_word(tokens[k], _SUPPORT_VERBS) or (
                    _is_word(tokens[k], _LAUNCH_VERBS) and not _is_word(tokens[first], _PATIENT_NOUNS)
                    and _only_subject_between(tokens, mentions, k, first)):
                between = [m for m in mentions if k < m.first and m.last < first
                           and _preposition_before(tokens, m, lo) is None]
                if between:
                    add(sources, between[0].entity)
                break
            if _is_word(tokens[k], _LAUNCH_VERBS) and not _is_word(tokens[first], _PATIENT_NOUNS):
                subject = _subject_before_launch(tokens, mentions, k, first, lo)
                if subject is not None:
                    add(sources, subject.entity)
                break
    patient_noun = not verbal and _is_word(tokens[first], _PATIENT_NOUNS)
    passive = verbal and (_is_word(tokens[first], _PASSIVE_VERBS) or _vowelled_passive(tokens[first]))
    hi = lo
    while hi < len(tokens) and tokens[hi].sentence == tokens[first].sentence:
        hi += 1
    if verbal and not passive and first == last and _passive_casualty(tokens, first, hi):
        # "جنديا أميركيا قتل في هجوم", "مدنيين جرحوا بانفجار": no object follows the casualty
        # verb, so it is passive and the noun right before it is the patient.
        # "14 مدنيا على الأقل قتلوا": the hedge stands between the patient and its verb
        hedge = 2 if first - 2 >= lo and (tokens[first - 2].norm, tokens[first - 1].norm) == ("علي", "الاقل") else 0
        before = [m for m in mentions if 0 < first - hedge - m.last <= 1 and _preposition_before(tokens, m, lo) is None]
        if before:
            for b in _conjuncts(tokens, mentions, before[-1]):
                add(targets, b.entity)
            return sources, targets
    if patient_noun or passive:
        # "مقتل سبعة أشخاص", "أصيب ثلاثة جنود": the first bare mention after the trigger
        # is the patient; the reporter before it ("أعلنت الشرطة مقتل …") is not the agent.
        for m in after:
            if m.entity not in sources and _preposition_before(tokens, m, lo) is None and m.first - last <= 6:
                add(targets, m.entity)
                break
        if passive and not targets:
            # "أربعة مدنيين أصيبوا بجروح": the patient stands before the passive verb.
            before = [m for m in mentions if 0 < first - m.last <= 1 and _preposition_before(tokens, m, lo) is None]
            if before:
                add(targets, before[-1].entity)
        return sources, targets
    raw = tokens[first].text  # raw, so that ta marbuta (ة) is not read as the pronoun ه
    has_possessive = not verbal and len(raw) >= 4 and any(raw.endswith(s) for s in _POSSESSIVE)
    # VSO: a bare mention shortly after the verb (titles may come first: "استبعد وزير … لافروف").
    subject_after = None
    if verbal and after:
        m = after[0]
        if m.first - last <= 6 and _preposition_before(tokens, m, lo) is None and not _with_between(tokens, last, m.first):
            subject_after = m
            if _counted(tokens, last, m.first) and hit.trigger.type != "PROTEST":
                # "قتل خمسة جنود" / "أصيب عشرات المدنيين": a counted noun right after the verb is, in
                # news Arabic, the patient of an (unmarked) passive, not the agent. Protest verbs
                # have no passive: "تظاهر عشرات الطلاب" is the students protesting.
                subject_after = None
        if subject_after is not None and _feminine_verb_masculine_person(doc, tokens, hit, subject_after):
            subject_after = None  # "فقتلت المدرس": a man after a feminine verb is its object
        norm = tokens[first].norm
        stem = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 4 else norm
        if len(stem) > 3 and (stem.endswith("وا") or (kind == "I" and stem.endswith("ون"))):
            # A verb marked for plural agrees with a subject before it (SVO: "مستوطنون
            # هاجموا المواطنين"); VSO verbs stay singular, so the noun after is the object.
            subject_after = None
    if (subject_after is not None and _casualty_verb(tokens[first]) and not _definite_word(tokens[subject_after.first])
            and not any(m.first > subject_after.last and m.first - subject_after.last <= 6
                        and _preposition_before(tokens, m, lo) is None and _clause_ok(tokens, subject_after.last, m.first)
                        for m in mentions)):
        # "خطف موظف بريطاني يعمل في …", "قتل جندي أمريكي في انفجار": an indefinite noun after
        # a casualty verb with no object after it is the patient of the passive (خُطف، قُتل)
        add(targets, subject_after.entity)
        return sources, targets
    on_visit = hit.trigger.mode == "visit" and first - 1 >= lo and tokens[first - 1].norm == "في"
    if not verbal and not has_possessive and first - 1 >= lo and (_is_word(tokens[first - 1], _DURING) or on_visit):
        # "قال بوتين للصحفيين خلال زيارة إلى …", "وصل الوزير إلى موسكو في زيارة رسمية": the
        # subject of the clause is the actor of a verbal noun it is doing "during" or is "on";
        # the place after إلى is where it went.
        reach = [m for m in mentions if m.last < first - 1 and first - m.last <= 10
                 and _clause_ok(tokens, m.last, first) and _preposition_before(tokens, m, lo) is None]
        if on_visit:
            went = next((m for m in mentions if m.last < first - 1 and first - m.last <= 6 and _destination(tokens, m, lo)
                         and _clause_ok(tokens, m.last, first)), None)
            if went is not None:
                add(targets, went.entity)
        # "خلال زيارة ولي العهد السعودي إلى القاهرة": a genitive names who is doing it
        own = next((m for m in after if min(m.lead, m.first) - last == 1 and _preposition_before(tokens, m, lo) is None),
                   None)
        if own is not None or reach:
            add(sources, (own or reach[-1]).entity)
        for m in after:
            if m.first - (own.last if own else last) <= 3 and _destination(tokens, m, lo):
                add(targets, m.entity)
                break
    # "وكان الرئيس عرفات قد وقع": the particle stands between the subject and its verb
    verb_at = first
    while verbal and verb_at - 1 > lo and tokens[verb_at - 1].norm in _PRE_VERB:
        verb_at -= 1
    adjacent_before = [m for m in mentions if 0 < verb_at - m.last <= (1 if verbal else 2)
                       and _clause_ok(tokens, m.last, first) and _preposition_before(tokens, m, lo) is None
                       and not _subordinate_between(tokens, m.last, first)
                       and (verbal or not _governed(tokens, first, lo))
                       and (verbal or first - m.last == 1 or not _casualty_verb(tokens[first - 1]))]
    lead = tokens[first].norm[:1]
    conjoined = verbal and lead in ("و", "ف") and not hit.trigger.words[0].startswith(lead)
    # "الحكومة التي اتهمت الوكالة": the antecedent of a relative pronoun right before the verb is
    # its subject; with an object pronoun on the verb ("الرجل الذي اعتقلته الشرطة") its object.
    antecedent = None
    if verbal and first - 2 >= lo and tokens[first - 1].norm in _RELATIVES:
        antecedent = next((m for m in mentions if m.last == first - 2), None)
    if antecedent is not None and _object_suffixed(tokens[first].text):
        add(targets, antecedent.entity)
        if subject_after is not None:
            add(sources, subject_after.entity)
        return sources, targets
    if antecedent is not None:
        add(sources, antecedent.entity)
    elif verbal and adjacent_before and verb_at - adjacent_before[-1].last == 1 and not conjoined:
        # SVO with the subject right before the verb; never before "و/ف + verb", where the
        # noun ends the previous clause ("أصيب عنصران من الأمن وقتل جندي").
        add(sources, adjacent_before[-1].entity)
    elif subject_after is not None:
        add(sources, subject_after.entity)
    elif verbal or has_possessive or reciprocal:
        # SVO, or the owner of a possessive suffix (لقائه → the nearest earlier actor).
        reach = [m for m in mentions if m.last < first and first - m.last <= (14 if has_possessive else 10)]
        if not has_possessive:
            reach = [m for m in reach if _clause_ok(tokens, m.last, first)
                     and (not verbal or not _subordinate_between(tokens, m.last, first))]
        bare_before = [m for m in reach if _preposition_before(tokens, m, lo) is None]
        if bare_before:
            add(sources, bare_before[-1].entity)
            # Coordinated subjects: "طهران وموسكو اتفقتا", "أمريكا وروسيا الاتهامات".
            if reciprocal and len(bare_before) >= 2 and bare_before[-1].first - bare_before[-2].last <= 2:
                add(sources, bare_before[-2].entity)
    if not verbal:
        # "تواصل واشنطن مطالبة النظام": an actor just before the verbal noun is its subject
        # and the genitive after it the object; otherwise the genitive is the actor.
        if not sources and adjacent_before and not _appraiser(tokens, adjacent_before[-1], lo):
            add(sources, adjacent_before[-1].entity)
        for m in after:
            if m.first >= 2 and tokens[m.first - 1].norm == "قبل" and tokens[m.first - 2].norm == "من":
                add(sources, m.entity)
            elif _preposition_before(tokens, m, lo) is None and m.first - last == 1:
                add(targets if sources else sources, m.entity)
    previous: MentionRef | None = None
    for m in after:
        if m.entity in sources:
            previous = m
            continue
        if hit.trigger.type == "REQUEST" and any(tokens[k].norm == "الي" for k in range(last + 1, m.lead - 1)):
            break  # "دعت رعاياها إلى مغادرة لبنان": after إلى comes what is asked, not whom
        if (not reciprocal and hit.trigger.type != "PROTEST"
                and any(tokens[k].norm in _COMPLEMENTIZERS for k in range(last + 1, m.lead))):
            # "نفى الجيش أن تكون قواته قد قصفت": a clause of its own, not the act's object
            # (what protesters chant, "هاتفين أن «بوش غير مرحب به»", is aimed at its subject)
            break
        prep = _preposition_before(tokens, m, lo)
        kind_of = getattr(doc.entity(m.entity), "type", None)
        if prep == "في" and not targets and directed and kind_of in ("GPE", "LOC"):
            continue  # "استقبل الرئيس في القاهرة وفدا من …": where it happened; the object may follow
        if prep == "ب" and hit.trigger.type == "ASSAULT" and sources:
            # "قصف الجيش بطائرات مسيرة منزلا": with its author named, what it struck with; a
            # bomb's ب is what it hit ("انفجرت عبوة ناسفة بقواته").
            continue
        if prep == "الي" and kind_of == "LOC":
            continue  # "طائرة مساعدات إلى مطار العريش": where to, no party (a state after إلى may be)
        coordinated = previous is not None and m.lead - previous.last <= 1 and tokens[m.lead].norm.startswith("و")
        if coordinated and previous.entity in targets:
            add(targets, m.entity)
        elif coordinated and previous.entity in sources and reciprocal:
            add(sources, m.entity)
        elif reciprocal and m.lead - last <= 2 and tokens[m.lead - 1].norm == "من":
            add(sources, m.entity)  # "تلقى اتصالا هاتفيا من نظيره الإيراني": the caller takes part
        elif prep in _WITH or _with_between(tokens, last, m.first) or (reciprocal and prep is None and (
                m.first - last <= 3 or (previous is not None and previous.entity in sources and m.lead - previous.last <= 4))):
            # "التقى الوزير التركي في أنقرة نظيره الإيراني": the object met after the subject;
            # with an act done alone, a partner ("مناوراتها مع كوريا الجنوبية") acts too.
            add(sources if reciprocal or not directed else targets, m.entity)
        elif directed and not targets and (prep in _TARGET_MARKERS or prep is None
                                           or prep in MODE_TARGET_MARKERS.get(hit.trigger.mode or "", ())):
            add(targets, m.entity)  # "أفرجت السلطات عن الصحفي": whom it released
        elif (targets or sources) and (previous is None or not coordinated):
            break
        previous = m
    if reciprocal:
        return sources, []
    for e in between_parties:
        add(targets, e)
    return sources, targets
