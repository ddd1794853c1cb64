"""Source and target actors of a trigger from the entity mentions of its sentence.

Arabic word-order rules (Ryding, *Reference Grammar of MSA*, ch. 4 on VSO/SVO):
- verb triggers: the first bare (unprepositioned) mention right after the verb is the subject
  (VSO); otherwise the nearest bare mention before it in the clause (SVO); the next mention,
  preferably after ضد/على/إلى/ب/ل, is the recipient;
- verbal nouns: "من قبل Y" and a genitive right after the noun give the actor; "ضد/على/إلى Y"
  the recipient; a possessive suffix (لقائه، قتالها) points back to the nearest earlier mention;
- "بين A و B" and reciprocal triggers (meetings, talks, exchanged accusations, clashes) put
  every participant in the source list and leave the target empty, as PLOVER 2.0 does.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from marsad.document import Document, Token
from marsad.events.lexicon import Hit
from marsad.text.tokens import clitic_variants

# Prepositions that mark an oblique argument (folded; may be attached clitics).
_OBLIQUE = frozenset(["على", "ضد", "الى", "مع", "عن", "في", "من", "ب", "ل", "لدى", "حول", "بشان", "تجاه", "نحو"])
_TARGET_MARKERS = frozenset(["ضد", "على", "الى", "ب", "ل", "تجاه", "نحو", "بحق"])
_WITH = frozenset(["مع"])
_BOUNDARY = frozenset([",", ";", ":", ".", "«", "»", '"', "(", ")", "لكن", "بينما", "فيما", "حيث", "الذي", "التي", "الذين"])
# Possessive suffixes on a verbal noun referring back to an actor.
_POSSESSIVE = ("ه", "ها", "هم", "هما")
# Event types whose participants are symmetric unless a visit/host direction is stated.
RECIPROCAL_FORMS = frozenset(["تبادل"])


@dataclass(slots=True)
class MentionRef:
    first: int  # token index
    last: int
    entity: str


def sentence_mentions(doc: Document, starts: list[int], ends: list[int], lo: int, hi: int) -> list[MentionRef]:
    """Entity mentions whose tokens lie in doc.tokens[lo:hi], in text order."""
    if lo >= hi or not doc.entities:
        return []
    s_start, s_end = doc.tokens[lo].start, doc.tokens[hi - 1].end
    out: list[MentionRef] = []
    for ent in doc.entities:
        for m in ent.mentions:
            if m.start >= s_start and m.end <= s_end:
                first = bisect_right(starts, m.start) - 1
                last = bisect_left(ends, m.end)
                first, last = max(first, lo), min(last, hi - 1)
                if first <= last:
                    out.append(MentionRef(first, last, ent.id))
    out.sort(key=lambda r: (r.first, r.last))
    return out


def _preposition_before(tokens: list[Token], m: MentionRef, lo: int) -> str | None:
    """The preposition governing a mention: attached (بموسكو، لروسيا) or the previous word."""
    head = tokens[m.first].norm
    bare = head[1:] if head[:1] in ("و", "ف") else head
    if len(bare) > 3 and (bare.startswith("بال") or bare.startswith("لل")):
        return bare[0]  # attached preposition on a definite noun: بالجيش، للولايات
    j = m.first - 1
    if j >= lo:
        for r in clitic_variants(tokens[j].norm):
            if r in _OBLIQUE:
                return r
    return None


# Number words and quantifiers that introduce counted casualties (folded).
_COUNTERS = frozenset(
    ["احد", "اثنان", "اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات", "مئات", "الاف", "الاف", "عدد", "بضعه", "نحو", "حوالي", "قرابه", "زهاء"]
)


def _counted(tokens: list[Token], a: int, b: int) -> bool:
    """A number or quantifier between the verb (a) and the mention (b)."""
    return any(tokens[k].norm.isdigit() or tokens[k].norm in _COUNTERS for k in range(a + 1, b))


def _with_between(tokens: list[Token], a: int, b: int) -> bool:
    """"مع" between token indices a < b (a meeting partner after its title)."""
    return any(tokens[k].norm in ("مع", "ومع") for k in range(max(a + 1, b - 6), b))


def _clause_ok(tokens: list[Token], a: int, b: int) -> bool:
    """No clause boundary between token indices a < b."""
    return not any(tokens[k].norm in _BOUNDARY for k in range(a + 1, b))


def assign(doc: Document, tokens: list[Token], hit: Hit, mentions: list[MentionRef], lo: int,
           reciprocal: bool, directed: bool = True) -> tuple[list[str], list[str]]:
    """(source entity ids, target entity ids) for one trigger."""
    if not mentions:
        return [], []
    first, last = hit.first, hit.last
    kind = hit.trigger.kind if hit.trigger.kind != "P" else hit.trigger.form[:1]
    verbal = kind in ("V", "I")
    after = [m for m in mentions if m.first > last and m.first - last <= 10 and _clause_ok(tokens, last, m.first)]
    sources: list[str] = []
    targets: list[str] = []

    def add(lst: list[str], ent: str) -> None:
        if ent not in lst and ent not in sources and ent not in targets:
            lst.append(ent)

    # "بين A و B": every participant is an actor.
    for k in range(last + 1, min(len(tokens), last + 4)):
        if tokens[k].norm in ("بين", "وبين"):
            group = [m for m in after if m.first > k][:2]
            for m in group:
                add(sources, m.entity)
            if len(group) == 2:
                return sources, []
    raw = tokens[first].text  # raw, so that ta marbuta (ة) is not read as the pronoun ه
    has_possessive = not verbal and len(raw) >= 4 and any(raw.endswith(s) for s in _POSSESSIVE)
    # VSO: a bare mention shortly after the verb (titles may come first: "استبعد وزير … لافروف").
    subject_after = None
    if verbal and after:
        m = after[0]
        if m.first - last <= 6 and _preposition_before(tokens, m, lo) is None and not _with_between(tokens, last, m.first):
            subject_after = m
            if _counted(tokens, last, m.first):
                # "قتل خمسة جنود" / "أصيب عشرات المدنيين": a counted noun right after the verb is, in
                # news Arabic, the patient of an (unmarked) passive, not the agent.
                subject_after = None
    adjacent_before = [m for m in mentions if 0 < first - m.last <= (1 if verbal else 2)
                       and _clause_ok(tokens, m.last, first) and _preposition_before(tokens, m, lo) is None]
    if verbal and adjacent_before and first - adjacent_before[-1].last == 1:
        add(sources, adjacent_before[-1].entity)  # SVO with the subject right before the verb
    elif subject_after is not None:
        add(sources, subject_after.entity)
    elif verbal or has_possessive or reciprocal:
        # SVO, or the owner of a possessive suffix (لقائه → the nearest earlier actor).
        reach = [m for m in mentions if m.last < first and first - m.last <= (14 if has_possessive else 10)]
        if not has_possessive:
            reach = [m for m in reach if _clause_ok(tokens, m.last, first)]
        bare_before = [m for m in reach if _preposition_before(tokens, m, lo) is None]
        if bare_before:
            add(sources, bare_before[-1].entity)
            # Coordinated subjects: "طهران وموسكو اتفقتا", "أمريكا وروسيا الاتهامات".
            if reciprocal and len(bare_before) >= 2 and bare_before[-1].first - bare_before[-2].last <= 2:
                add(sources, bare_before[-2].entity)
    if not verbal:
        # "تواصل واشنطن مطالبة النظام": an actor just before the verbal noun is its subject
        # and the genitive after it the object; otherwise the genitive is the actor.
        if not sources and adjacent_before:
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
        prep = _preposition_before(tokens, m, lo)
        coordinated = previous is not None and m.first - previous.last <= 1 and tokens[m.first].norm.startswith("و")
        if coordinated and previous.entity in targets:
            add(targets, m.entity)
        elif coordinated and previous.entity in sources and reciprocal:
            add(sources, m.entity)
        elif prep in _WITH or _with_between(tokens, last, m.first) or (reciprocal and prep is None and m.first - last <= 3):
            add(sources if reciprocal else targets, m.entity)
        elif directed and not targets and (prep in _TARGET_MARKERS or prep is None):
            add(targets, m.entity)
        elif (targets or sources) and (previous is None or not coordinated):
            break
        previous = m
    if reciprocal:
        return sources, []
    return sources, targets
