"""Speech cues: the verbs, participles and phrases that introduce quoted or reported speech.

Forms are generated from a small table of lemmas into folded surface forms (see
``marsad.text.normalize.fold``: أ/إ/آ -> ا, ى/ئ -> ي, ؤ -> و, ة -> ه), so lookup is one
dict access per token. Sources: the reporting-verb inventory of Arabic news style
(the cues listed in issue 5, checked against Modern Standard Arabic grammars of
reported speech, e.g. Ryding, *A Reference Grammar of Modern Standard Arabic*, ch. 19,
and Badawi/Carter/Gully, *Modern Written Arabic*, on أنّ/إنّ complements).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

CueKind = Literal["verb", "participle", "relay", "trailing"]


def word_set(text: str) -> frozenset[str]:
    """A frozen set from a space-separated word list (keeps long Arabic lists compact)."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    kind: CueKind
    #: Prepositions that may introduce the complement directly ("أشار إلى", "أعرب عن").
    preps: tuple[str, ...] = ()
    #: "وأضاف"/"وتابع": without a subject of its own the speaker is the previous one.
    continuation: bool = False
    #: The complement (quote, colon, أن) must follow within a few tokens ("تابع" also means "followed").
    strict: bool = False
    #: Only with its preposition is it speech ("لفت إلى أن"; "لفت الأنظار" is not).
    prep_required: bool = False


# lemma (folded past 3ms), past forms suffixes apply, present stem (without prefix),
# adverbial participles (folded, accusative), complement prepositions, continuation, strict.
# Source: issue 5's cue list, extended with the usual synonyms of news reporting (رأى، زعم، نوّه، عبّر عن، تساءل).
_VERBS: tuple[tuple[str, tuple[str, ...], str | None, tuple[str, ...], tuple[str, ...], bool, bool], ...] = (
    ("قال", ("قال", "قالت", "قالوا", "قالا", "قلن"), "قول", ("قايلا", "قايله", "قايلين"), (), False, False),
    ("اكد", ("اكد", "اكدت", "اكدوا", "اكدا"), "وكد", ("موكدا", "موكده", "موكدين"), ("علي",), False, False),
    ("اشار", ("اشار", "اشارت", "اشاروا", "اشارا"), "شير", ("مشيرا", "مشيره", "مشيرين"), ("الي",), False, False),
    ("اعلن", ("اعلن", "اعلنت", "اعلنوا", "اعلنا"), "علن", ("معلنا", "معلنه", "معلنين"), ("عن",), False, False),
    ("اوضح", ("اوضح", "اوضحت", "اوضحوا"), "وضح", ("موضحا", "موضحه", "موضحين"), (), False, False),
    ("اضاف", ("اضاف", "اضافت", "اضافوا"), "ضيف", ("مضيفا", "مضيفه", "مضيفين"), (), True, False),
    ("تابع", ("تابع", "تابعت", "تابعوا"), None, (), (), True, True),
    ("اردف", ("اردف", "اردفت", "اردفوا"), "ردف", ("مردفا", "مردفه"), (), True, True),
    ("اعرب", ("اعرب", "اعربت", "اعربوا"), "عرب", ("معربا", "معربه", "معربين"), ("عن",), False, False),
    ("نفي", ("نفي", "نفت", "نفوا"), "نفي", ("نافيا", "نافيه"), (), False, False),
    ("حذر", ("حذر", "حذرت", "حذروا"), "حذر", ("محذرا", "محذره", "محذرين"), ("من",), False, False),
    ("شدد", ("شدد", "شددت", "شددوا"), "شدد", ("مشددا", "مشدده", "مشددين"), ("علي",), False, False),
    ("اعتبر", ("اعتبر", "اعتبرت", "اعتبروا"), "عتبر", ("معتبرا", "معتبره", "معتبرين"), (), False, False),
    ("لفت", ("لفت", "لفتت", "لفتوا"), "لفت", ("لافتا", "لافته", "لافتين"), ("الي",), False, False),
    ("كشف", ("كشف", "كشفت", "كشفوا"), "كشف", ("كاشفا", "كاشفه"), ("عن",), False, False),
    ("صرح", ("صرح", "صرحت", "صرحوا"), "صرح", ("مصرحا", "مصرحه"), (), False, False),
    ("افاد", ("افاد", "افادت", "افادوا"), "فيد", ("مفيدا", "مفيده"), (), False, False),
    ("ذكر", ("ذكر", "ذكرت", "ذكروا"), "ذكر", ("ذاكرا",), (), False, False),
    ("راي", ("راي", "رات", "راوا"), "ري", (), (), False, False),
    ("زعم", ("زعم", "زعمت", "زعموا"), "زعم", ("زاعما",), (), False, False),
    ("نوه", ("نوه", "نوهت", "نوهوا"), "نوه", ("منوها", "منوهه"), ("الي",), False, False),
    ("عبر", ("عبر", "عبرت", "عبروا"), "عبر", ("معبرا", "معبره", "معبرين"), ("عن",), False, False),
    ("تساءل", ("تساءل", "تساءلت", "تساءلوا"), "تساءل", ("متسايلا", "متساءلا"), (), False, True),
)

# The relay verb: "نقلت رويترز عن مسؤول قوله ..." (speaker after عن, relaying outlet before it).
_RELAY = ("نقل", "نقلت", "نقلوا", "ينقل", "تنقل", "ينقلون")
# Trailing or fronted attributions: "..., بحسب ما أعلنه X", "وفقا لوزارة الصحة", "نقلا عن مصادر".
_TRAILING = ("بحسب", "حسب", "حسبما", "بحسبما", "وفقا", "وفق", "طبقا", "نقلا")

#: Complementisers that open a reported clause: أنّ/إنّ (folded ان) with or without a
#: pronoun suffix, and بأنّ. Source: standard MSA grammar of ʾinna and its sisters.
COMPLEMENTIZERS: frozenset[str] = frozenset(
    pre + "ان" + suf for pre in ("", "ب") for suf in ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")
)
BARE_COMPLEMENTIZERS: frozenset[str] = frozenset({"ان", "بان"})

#: The verbal noun of قال with a pronoun, marking the quote after a relay ("عن X قولها").
SAYING_NOUNS: frozenset[str] = frozenset({"قوله", "قولها", "قولهم", "قولهما", "بالقول"})


# Cues that are speech only when followed by their preposition. Source: usage ("لفت الانتباه", "نوّه بـ").
_PREP_REQUIRED = frozenset({"لفت", "نوه", "عبر"})


def _build() -> dict[str, Cue]:
    table: dict[str, Cue] = {}
    for lemma, past, present, participles, preps, continuation, strict in _VERBS:
        verb = Cue(lemma, "verb", preps, continuation, strict, lemma in _PREP_REQUIRED)
        for form in past:
            table.setdefault(form, verb)
        if present:
            for form in ("ي" + present, "ت" + present, "ي" + present + "ون", "ي" + present + "ان"):
                table.setdefault(form, verb)
        part = Cue(lemma, "participle", preps, True, strict, lemma in _PREP_REQUIRED)
        for form in participles:
            table.setdefault(form, part)
    relay = Cue("نقل", "relay", ("عن",))
    for form in _RELAY:
        table[form] = relay
    trailing = Cue("بحسب", "trailing")
    for form in _TRAILING:
        table[form] = trailing
    return table


CUES: dict[str, Cue] = _build()


@lru_cache(maxsize=100_000)
def lookup(norm: str) -> Cue | None:
    """The cue a folded token is, allowing one conjunction proclitic (و، ف)."""
    cue = CUES.get(norm)
    if cue is None and len(norm) > 3 and norm[0] in "وف":
        cue = CUES.get(norm[1:])
    return cue


#: Impersonal editorial formulas ("يُذكر أن", "يُشار إلى أن"): no speaker, not a quote.
EDITORIAL: frozenset[str] = frozenset({"يذكر", "يشار", "تجدر"})
