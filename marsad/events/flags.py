"""Negation, hypothetical/future and historical cues around a trigger.

Rules look at the few tokens before the trigger in the same clause (Arabic puts the
negator, modal and pluperfect auxiliary before the verb) and at the trigger's own
prefix (future س). Cue lists are folded (``marsad.text.normalize.fold``); sources: Arabic
grammar of negation/modality (Ryding, *A Reference Grammar of Modern Standard Arabic*,
ch. 36-38) and the negated/hypothetical/historical cues PLOVER's auxiliary modes name.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Token
from marsad.text.normalize import fold
from marsad.text.tokens import clitic_variants

# Negators and negating verbs/nouns (لم، لن، لا، ما، ليس، عدم، دون، نفى، رفض …).
NEGATORS = frozenset(fold(w) for w in
    ["لم", "لن", "لا", "ليس", "ليست", "لسنا", "ليسوا", "غير", "عدم", "دون", "بدون", "بلا", "نفي", "نفى", "نفت", "ينفي", "تنفي", "نفوا", "رفض", "رفضت", "يرفض", "ترفض", "استبعد", "استبعدت", "يستبعد", "تستبعد", "ينكر", "انكر", "امتنع", "تجنب", "تجنبت", "يتجنب"]
)
# Negator that needs a following verb to negate (ما قتل); also a relative pronoun.
_MA = "ما"
# Future/modal/conditional: سوف، قد + imperfect, إذا، لو، في حال، ربما، يمكن، يجب، ينوي …
HYPOTHETICAL = frozenset(
    ["سوف", "اذا", "لو", "لولا", "حال", "حاله", "ربما", "يمكن", "يمكنه", "ممكن", "يجب", "ينبغي", "ينوي", "تنوي", "يعتزم", "تعتزم", "يعتزمون", "يخطط", "تخطط", "خطط", "خطه", "محتمل", "المحتمل", "احتمال", "يحتمل", "يهدد", "تهدد", "هدد", "هددت", "يتوقع", "تتوقع", "متوقع", "المتوقع", "قرر", "قررت", "تقرر", "يقرر", "سيتم", "سيجري", "اعتزام", "نيه", "امكانيه", "لكي", "كي",
     "المقرر", "مقرر", "المزمع", "يزمع", "تزمع", "المرتقب", "مرتقب", "المنتظر", "المفترض", "التخطيط", "تخطيط",
     "مخطط", "مخططات",
     # what is demanded has not happened ("مطالبين باستقالة الحكومة", "للمطالبة بالإفراج عن")
     "مطالبين", "مطالبا", "مطالبه", "المطالبه", "يطالب", "تطالب", "يطالبون", "طالب", "طالبت", "طالبوا",
     "طلب", "طلبت", "يطلب", "تطلب", "ستطلب", "سيطلب",
     # what is to be allowed, the verbal noun ("والسماح للمساعدات بالوصول"), has not happened yet
     "السماح"]
)
# Phrases: (first, second) folded words read together.
_HYP_PAIRS = frozenset({("في", "حال"), ("في", "حاله"), ("الا", "اذا"), ("ما", "لم"), ("الى", "ان"), ("قبل", "ان")})
# Historical/background: pluperfect كان … قد, منذ, سبق, ذكرى, سابق, اعوام …
PLUPERFECT_AUX = frozenset(["كان", "كانت", "كانوا", "كانا"])
HISTORICAL = frozenset(fold(w) for w in ["منذ", "سبق", "سبقت", "ذكرى", "الذكرى", "سابقا", "عقود"])
# Clause boundaries: a cue beyond these does not govern the trigger.
_BOUNDARY = frozenset(fold(w) for w in [",", ";", ":", ".", "«", "»", '"', "(", ")", "-", "ـ", "لكن", "بينما", "فيما", "حيث"])

WINDOW = 5
# Verbs that deny or refuse what their أن-clause says ("نفى المتحدث أن تكون طهران قد زودتهم
# بأسلحة", "رفضت أن تشارك"): the clause's event did not happen, however far the verb is.
DENIALS = frozenset(fold(w) for w in
    ["نفى", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "رفض", "رفضت", "يرفض", "ترفض", "رفضوا", "انكر", "انكرت",
     "ينكر", "تنكر", "استبعد", "استبعدت", "يستبعد", "تستبعد", "كذب", "كذبت"])
# How far back from the trigger an أن of a denied clause is looked for.
CLAUSE_WINDOW = 14
# Acts that one rejects only once they were made: "رفضت طهران الاتهامات", "نفت العقوبات" do not
# negate the accusation or the sanctions, while "رفضت الحوار" leaves the talks undone.
PRESUPPOSED = frozenset({"ACCUSE", "THREATEN", "SANCTION", "REQUEST"})


@dataclass(slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False


def _bare(norm: str) -> tuple[str, ...]:
    return clitic_variants(norm)


def trigger_flags(tokens: list[Token], first: int, sent_start: int, trigger_kind: str) -> Flags:
    """Flags for a trigger starting at token ``first`` of a sentence starting at ``sent_start``."""
    flags = Flags()
    head = tokens[first].norm
    # Future prefix on an imperfect trigger (سيقتل، ستفرض).
    if trigger_kind == "I" and len(head) > 4 and head[0] == "س" and head[1] in "يتنا":
        flags.hypothetical = True
    lo = max(sent_start, first - WINDOW)
    prev = ""
    saw_qad = False
    for j in range(first - 1, lo - 1, -1):
        norm = tokens[j].norm
        if norm in _BOUNDARY:
            break
        readings = _bare(norm)
        if (norm, prev) in _HYP_PAIRS:
            flags.hypothetical = True
        if any(r in NEGATORS for r in readings):
            flags.negated = True
        if norm == _MA and j == first - 1 and trigger_kind in ("V", "P"):
            flags.negated = True
        if norm == "قد" or norm == "وقد":
            saw_qad = True
            if trigger_kind == "I":  # قد + imperfect = "may"
                flags.hypothetical = True
        elif any(r in HYPOTHETICAL for r in readings):
            flags.hypothetical = True
        if norm == "لن" or norm == "ولن":  # لن: negated future
            flags.hypothetical = True
        if any(r in PLUPERFECT_AUX for r in readings) and (saw_qad or trigger_kind in ("V", "P")):
            flags.historical = True
        if any(r in HISTORICAL for r in readings):
            flags.historical = True
        prev = norm
    # "اتهمت في الماضي", "اعتقل سابقا": a past the sentence sets apart from the news. ("الشهر الماضي"
    # dates a recent event and is no such cue.)
    for j in range(first + 1, min(len(tokens), first + 4)):
        tok = tokens[j]
        if tok.sentence != tokens[first].sentence or tok.norm in _BOUNDARY:
            break
        following = tokens[j + 1].norm if j + 1 < len(tokens) else ""
        if tok.norm == "سابقا" or (tok.norm in ("في", "وفي") and following == "الماضي"):
            flags.historical = True
            break
    if trigger_kind in ("N", "X", "P"):
        # A verbal noun negated by what follows: "التعاون … لن يتم", "الهجوم لم يقع".
        hi = min(len(tokens), first + 3 * WINDOW)
        for j in range(first + 1, hi):
            tok = tokens[j]
            if tok.sentence != tokens[first].sentence or tok.norm in _BOUNDARY:
                break
            if tok.norm in ("لن", "لم", "ولن", "ولم") and j + 1 < hi and tokens[j + 1].norm[:1] in "يت":
                flags.negated = True
                flags.hypothetical = flags.hypothetical or tok.norm.endswith("لن")
                break
    return flags


def _denied_clause(tokens: list[Token], first: int, sent_start: int) -> bool:
    """The trigger sits in the أن-clause of a denial verb, within the same clause."""
    lo = max(sent_start, first - CLAUSE_WINDOW)
    for j in range(first - 1, lo - 1, -1):
        norm = tokens[j].norm
        if norm in _BOUNDARY:
            return False
        if norm in ("ان", "وان", "بان"):
            if tokens[j].text.lstrip("وب").startswith("إ"):
                return False  # إن follows قال, not a denial
            for k in range(j - 1, max(sent_start, j - 8) - 1, -1):  # the denier's subject may be long
                if tokens[k].norm in _BOUNDARY:
                    break
                if any(r in DENIALS for r in _bare(tokens[k].norm)):
                    return True
            return False
    return False


def event_flags(tokens: list[Token], first: int, sent_start: int, trigger_kind: str, event_type: str) -> Flags:
    """`trigger_flags` read for an event record: denied أن-clauses negate, and a rejected
    accusation, threat, sanction or demand is still one that was made."""
    flags = trigger_flags(tokens, first, sent_start, trigger_kind)
    if not flags.negated and _denied_clause(tokens, first, sent_start):
        flags.negated = True
    elif flags.negated and event_type in PRESUPPOSED and trigger_kind not in ("V", "I"):
        lo = max(sent_start, first - WINDOW)
        cues = [tokens[j].norm for j in range(lo, first)]
        # Only a rejecting verb negates here; لم، لا، عدم … still do.
        if not any(r in NEGATORS and r not in DENIALS for c in cues for r in _bare(c)):
            flags.negated = False
    return flags
