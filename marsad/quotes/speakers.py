"""Who is speaking: resolve the words around a speech cue to an entity of the document.

The subject of a cue is a token region (after the verb in VSO, before it in SVO, after
عن in a relay). A region resolves, in order, to: an entity mention inside it (a person
first, since "المتحدث باسم البيت الأبيض جوش إيرنست" names an organisation only to
describe the person); "الأخير"/"الأخيرة" -> the latest entity mentioned before; a
definite common noun ("الوزارة", "الرئيس") -> the latest entity whose mention or title
contains that noun; a name written in quotation marks that NER missed; otherwise
the region's surface text (kept in ``doc.meta["quote_speakers"]``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from marsad.document import Document, Entity, Token
from marsad.quotes.cues import word_set
from marsad.quotes.marks import MARKS
from marsad.text.normalize import fold
from marsad.text.tokens import clitic_variants, strip_proclitics, suffix_variants

#: Independent pronouns as subjects ("وهو يقول إن"). Folded.
PRONOUNS: frozenset[str] = frozenset({"هو", "هي", "هم", "هما", "هن"})

#: Words that refer back to the latest-mentioned referent ("the latter"). Folded.
ANAPHORS: frozenset[str] = frozenset({"الاخير", "الاخيره", "الاخيرين", "الاخيرتين"})

#: Time words and fillers that may sit between a cue and its subject ("قالت الوزارة اليوم السبت",
#: "قال بدوره"). Folded; weekdays and months from the usual news datelines.
FILLERS: frozenset[str] = word_set(
    "اليوم امس يوم مساء صباح ظهر الليله فجر اول السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه "
    "الماضي الماضيه المقبل الحالي ايضا كذلك بدوره بدورها بدورهم من جهته جهتها جانبه جانبها الاول "
    "علنا رسميا مجددا سابقا لاحقا اخيرا موخرا صراحه حاليا تحديدا قد "
    # prepositions with a pronoun ("أعرب فيها عن", "أشار إليها المشنوق")
    "فيه فيها فيهم له لها لهم عليه عليها عليهم منه منها عنه عنها اليه اليها اليهم معه معها خلاله خلالها "
    "مرارا تكرارا دايما فورا "
    # a saying participle after the cue ("وتابع قائلا إن")
    "قايلا قايله قايلين مضيفا مضيفه"
)

#: Prepositions and nouns that open an adjunct, not a subject ("قال في بيان", "قال للصحفيين").
#: Folded; the common adjunct heads of reporting clauses in news style.
ADJUNCTS: frozenset[str] = word_set(
    "في خلال اثناء عقب بعد قبل لدي امام مع عبر ضمن حول على علي للصحفيين للصحافيين لوسايل للتلفزيون لقناه "
    "لوكاله لصحيفه لموقع لشبكه بيان تصريح تصريحات مؤتمر موتمر كلمه مقابله حديث"
)

#: Nouns that make a trailing attribution ("بحسب مصادر", "وفقا لوزارة الصحة") a real source
#: rather than "according to the agreement". Folded stems (ال removed).
SOURCE_NOUNS: frozenset[str] = word_set(
    "مصدر مصادر مسوول مسوولين مسوولون شهود ناشطون ناشطين وكاله وزاره بيان تقرير تقارير مرصد متحدث ناطق "
    "صحيفه موقع قناه شبكه وسايل مراسل سكان منظمه جيش شرطه وزير رييس حكومه مكتب هييه لجنه مسعفون اطباء "
    "خبراء محللون دبلوماسيون دبلوماسي تلفزيون اذاعه اعلام مجلس بعثه قياده ادعاء"
)

#: Prepositions that also occur inside a title ("مديرة المكتب الصحفي في الخارجية الأمريكية").
_INNER_PREPS = frozenset({"في", "على", "علي", "من", "مع", "حول"})
#: Nouns after في that make it an adjunct of the reporting verb ("في بيان", "في مؤتمر صحفي").
_ADJUNCT_NOUNS = word_set("بيان تصريح تصريحات مؤتمر موتمر كلمه مقابله حديث وقت اتصال رساله تغريده لقاء تعليق رد حوار")
#: Heads of media names written before the name itself ("وكالة رويترز"). Folded.
MEDIA_HEADS = word_set("وكاله صحيفه قناه شبكه اذاعه اذاعة تلفزيون مجله جريده محطه موقع")
#: Nouns that begin the names of places and institutions named after people. Folded, ال removed.
FACILITIES = word_set("مدينه مطار جامعه مستشفي مركز شارع مسجد مجمع كليه موسسه ميناء قاعده مدرسه جسر حي ملعب")
#: Honorifics between such a noun and the name ("مطار الملك عبدالعزيز"). Folded.
HONORIFICS = word_set("الملك الامير الشيخ الامام السلطان الرييس")
#: Prepositions whose object is never the subject of the cue. Folded.
GOVERNING_PREPS = word_set("في من عن الي علي مع ل ب باسم لدي ضد حول بين خلال اثناء عقب امام لصالح بشان تجاه نحو مثل")
_PUNCT = frozenset(",،.:;؛()[]-–—!?؟…")


@dataclass(slots=True)
class Speaker:
    entity: str | None = None
    text: str | None = None

    def __bool__(self) -> bool:
        return self.entity is not None or self.text is not None


def is_word(tok: Token) -> bool:
    return tok.text[0].isalnum()


def bare(norm: str) -> str:
    """Folded word without a leading conjunction (و، ف) when what remains is still a word."""
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


def _is_named(entity: Entity) -> bool:
    """A proper name, not only a role ("الصحفي", "المتحدث", a mention equal to its title).

    An entity whose canonical ``name`` is a lower-case description ("media", "Syria rebels"
    from the actors stage) is an unnamed actor too.
    """
    if entity.name and entity.name[0].islower():
        return False
    title = fold(entity.title or "")
    for m in entity.mentions:
        f = fold(m.text)
        if f and f not in title and not (" " not in f and f.startswith(("ال", "لل"))):
            return True
    return False


class Resolver:
    """Entity look-ups for one document (mentions sorted once, then binary searches)."""

    def __init__(self, doc: Document, quoted_names: list[tuple[int, int]]):
        self.doc = doc
        self.toks = doc.tokens
        types = {e.id: e.type for e in doc.entities}
        ments = sorted((m.start, m.end, e.id) for e in doc.entities for m in e.mentions)
        self.m_start = [m[0] for m in ments]
        self.m_end = [m[1] for m in ments]
        self.m_id = [m[2] for m in ments]
        self.m_type = [types[m[2]] for m in ments]
        self._entities = {e.id: e for e in doc.entities}
        self._named: dict[str, bool] = {}
        self._words: list[set[str]] | None = None
        self._titles: dict[str, set[str]] | None = None
        self.starts = [t.start for t in self.toks]
        self.quoted_names = quoted_names  # char spans of short quoted phrases (likely names)

    def named(self, k: int) -> bool:
        """Whether mention k's entity has a proper name (computed once per entity, on demand)."""
        eid = self.m_id[k]
        named = self._named.get(eid)
        if named is None:
            named = self._named[eid] = _is_named(self._entities[eid])
        return named

    # -- mentions -------------------------------------------------------------------
    def mentions_in(self, a: int, b: int) -> list[int]:
        lo = bisect.bisect_left(self.m_start, a)
        hi = bisect.bisect_left(self.m_start, b)
        return [k for k in range(lo, hi) if self.m_end[k] <= b]

    def covered(self, a: int, b: int) -> bool:
        """Whether one mention covers most of [a, b) (a quoted name like "باراك أوباما")."""
        k = bisect.bisect_right(self.m_start, b) - 1
        while k >= 0 and self.m_start[k] >= a - 40:
            inter = min(b, self.m_end[k]) - max(a, self.m_start[k])
            if inter > 0 and inter >= 0.7 * (b - a):
                return True
            k -= 1
        return False

    def _pick(self, ks: list[int], prefer_person: bool) -> str:
        """A named person first (when speaking), then any named entity; else the first mention,
        a bare "الوزارة" resolved to the named entity it stands for."""
        if prefer_person:
            for k in ks:
                if self.m_type[k] == "PER" and self.named(k):
                    return self.m_id[k]
        k = next((k for k in ks if self.named(k)), ks[0])
        if not self.named(k):
            words = fold(self.doc.text[self.m_start[k] : self.m_end[k]]).split()
            if len(words) == 1 and words[0].startswith("ال") and len(words[0]) > 4:
                ent = self.by_head_noun(words[0][2:], self.m_start[k], exclude=self.m_id[k])
                if ent:
                    return ent
        return self.m_id[k]

    def speaker_antecedent(self, before: int) -> str | None:
        """Pro-drop antecedent: the latest named person, else organisation, in the last sentences."""
        return self.antecedent(before, prefer_person=True) or self.antecedent(before, types=("ORG",))

    def antecedent(
        self, before: int, prefer_person: bool = True, sentences: int = 2, types: tuple[str, ...] = ()
    ) -> str | None:
        """The latest entity mentioned before ``before`` within the last few sentences."""
        s = self.doc.sentence_of(before)
        floor = self.doc.sentences[max(0, s - sentences)][0] if self.doc.sentences else 0
        k = bisect.bisect_left(self.m_start, before) - 1
        first_any = None
        while k >= 0 and self.m_start[k] >= floor:
            if self.m_end[k] <= before:
                if types and self.m_type[k] not in types:
                    pass
                elif not prefer_person or (self.m_type[k] == "PER" and self.named(k)):
                    return self.m_id[k]
                elif first_any is None:
                    first_any = self.m_id[k]
            k -= 1
        return first_any

    def by_head_noun(self, stem: str, before: int, exclude: str | None = None) -> str | None:
        """Resolve "الوزارة" to the latest entity whose mention (or title) contains "وزارة"."""
        if self._titles is None:
            self._titles = {
                e.id: {w[2:] if w.startswith("ال") else w for w in fold(e.title).split()}
                for e in self.doc.entities
                if e.title
            }
        if self._words is None:
            self._words = [
                {w[2:] if w.startswith("ال") else w for w in fold(self.doc.text[s:e]).split()}
                for s, e in zip(self.m_start, self.m_end, strict=True)
            ]
        k = bisect.bisect_left(self.m_start, before) - 1
        while k >= 0:
            if (
                self.m_id[k] != exclude
                and self.named(k)
                and (stem in self._words[k] or stem in self._titles.get(self.m_id[k], ()))
            ):
                return self.m_id[k]
            k -= 1
        return None

    # -- regions --------------------------------------------------------------------
    def region(
        self,
        lo: int,
        hi: int,
        prefer_person: bool = True,
        strict_subject: bool = True,
        mentions_only: bool = False,
        source: bool = False,
    ) -> Speaker | None:
        """Resolve tokens [lo, hi) as the subject of a cue; None when they hold no subject.

        With ``strict_subject`` a region opening with an adjunct ("في وقت سابق") is not a
        subject (the caller then looks before the verb or inherits the previous speaker).
        """
        toks = self.toks
        lo = self._skip_addressee(lo, hi)
        while lo < hi and (
            not is_word(toks[lo])
            or bare(toks[lo].norm) in FILLERS
            or toks[lo].norm in FILLERS
            or toks[lo].text.endswith(("اً", "ًا"))  # an adverbial accusative ("علناً") is never the subject
        ):
            lo += 1
        if lo >= hi:
            return None
        a, b = toks[lo].start, toks[hi - 1].end
        first = bare(toks[lo].norm)
        if strict_subject and (first in ADJUNCTS or toks[lo].norm in ADJUNCTS):
            return None
        inside = self.mentions_in(a, b)
        ks = [k for k in inside if source or not self._governed(k)]
        if ks and not source and not any(self.m_start[k] <= toks[lo].start < self.m_end[k] for k in inside):
            # The head noun is no entity ("منظمو المهرجان", "سفير إيران", "مصادر عسكرية"): a later
            # entity is its modifier, unless it is the person's name or set off in apposition.
            ks = [k for k in ks if (self.m_type[k] == "PER" and self.named(k)) or self._appositive(k)]
        if ks and source and self.m_start[ks[0]] <= toks[lo].start < self.m_end[ks[0]]:
            # "عن مسؤولين في وزارة الدفاع": the head names the speaker, the rest qualifies it
            return Speaker(self._pick(ks[:1], prefer_person))
        if ks:
            person = [k for k in ks if self.m_type[k] == "PER" and self.named(k)]
            if prefer_person and not person:
                name = self._quoted_name(a, b)
                if name:
                    return name
            return Speaker(self._pick(ks, prefer_person))
        if mentions_only:
            return None
        if first in PRONOUNS:
            ent = self.speaker_antecedent(a)
            return Speaker(ent) if ent else None
        if first in ANAPHORS:
            ent = self.antecedent(a, prefer_person=True) or self.antecedent(a, prefer_person=False)
            return Speaker(ent, None if ent else toks[lo].text)
        if first.startswith("ال") and len(first) > 4:
            ent = self.by_head_noun(first[2:], a)
            if ent:
                return Speaker(ent)
        name = self._quoted_name(a, b)
        if name:
            return name
        text = self.surface(lo, hi)
        if source and text and text[0] == "ل" and len(text.split()[0]) > 3:
            text = "ال" + text[2:] if text.startswith("لل") else text[1:]  # "وفقا لمصادر محلية"
        return Speaker(None, text)

    def _skip_addressee(self, lo: int, hi: int) -> int:
        """Skip a leading "لـ«عكاظ»" / "لـ X": the addressee of the statement, not its speaker."""
        toks = self.toks
        while lo < hi and toks[lo].norm == "ل":
            lo += 1
            if lo < hi and toks[lo].text in ('"', "«", "“"):
                end = next((e for s, e in self.quoted_names if s == toks[lo].end), None)
                while lo < hi and end is not None and toks[lo].start <= end:
                    lo += 1
            else:
                lo += 1
        return lo

    def _prev_token(self, offset: int) -> Token | None:
        k = bisect.bisect_left(self.starts, offset) - 1
        return self.toks[k] if k >= 0 else None

    def _appositive(self, k: int) -> bool:
        """A name set off by a quote mark, parenthesis or comma ("وكالة الأنباء الرسمية (سانا)"),
        or named right after a media head ("وكالة رويترز", "صحيفة نيويورك تايمز")."""
        t = self._prev_token(self.m_start[k])
        return t is not None and (t.text in ("(", ",", "،") or t.norm in MEDIA_HEADS or bare(t.norm) in MEDIA_HEADS)

    def _governed(self, k: int) -> bool:
        """A mention after a preposition ("لرويترز", "في وزارة الداخلية") or inside the name of a
        place ("مطار الملك عبدالعزيز", "مدينة الملك عبدالله الطبية") is not the subject."""
        start = self.m_start[k]
        t = self._prev_token(start + 1)  # the token holding the mention's first character
        if t is not None and t.start < start:
            prefix = fold(self.doc.text[t.start : start])
            return prefix.lstrip("وف")[:1] in ("ل", "ب", "ك")
        ent = self._entities[self.m_id[k]]
        mention = fold(self.doc.text[start : self.m_end[k]])
        if mention[:1] in ("ل", "ب") and ent.name_ar:
            name = fold(ent.name_ar)
            if mention not in name and mention[1:] in name:
                return True  # the mention kept its proclitic preposition ("لهادي")
        t = self._prev_token(start)
        if t is not None and t.text in ('"', "«", "“", "("):
            t = self._prev_token(t.start)
        if t is None:
            return False
        if bare(t.norm) in GOVERNING_PREPS or strip_proclitics(t.norm) in FACILITIES:
            return True
        if t.norm in HONORIFICS:
            t = self._prev_token(t.start)
            return t is not None and strip_proclitics(t.norm) in FACILITIES
        return False

    def _quoted_name(self, a: int, b: int) -> Speaker | None:
        """A name in quotation marks within the subject phrase itself (not in a later adjunct)."""
        for s, e in self.quoted_names:
            if a <= s and e <= b and not self._adjunct_between(a, s):
                t = self._prev_token(s - 1)
                if t is not None and (bare(t.norm) in GOVERNING_PREPS or len(t.norm) == 1):
                    continue  # "لـ"الشرق الأوسط"": an addressee, not the speaker
                return Speaker(None, self.doc.text[s:e])
        return None

    def _adjunct_between(self, a: int, b: int) -> bool:
        lo = bisect.bisect_left(self.starts, a)
        hi = bisect.bisect_left(self.starts, b)
        return any(self.toks[k].norm in ADJUNCTS and self.toks[k].norm not in _INNER_PREPS for k in range(lo, hi))

    def surface(self, lo: int, hi: int) -> str | None:
        """The noun phrase at the start of a region, cut before adjuncts, commas and time words."""
        toks = self.toks
        end = lo + 1
        while end < hi:
            t = toks[end]
            if t.text in _PUNCT or t.norm in FILLERS or end - lo >= 10 or t.norm in ("ل", "لـ"):
                break
            if t.norm in ADJUNCTS and (t.norm not in _INNER_PREPS or self._adjunct_follows(end + 1, hi)):
                break
            end += 1
        text = self.doc.text[toks[lo].start : toks[end - 1].end].strip(" " + "".join(MARKS))
        return text or None

    def _adjunct_follows(self, k: int, hi: int) -> bool:
        """ "في بيان"/"في تعليقه على": في opens an adjunct of the verb, not part of a title."""
        return k < hi and any(v in _ADJUNCT_NOUNS for v in suffix_variants(self.toks[k].norm))

    def has_source(self, lo: int, hi: int) -> bool:
        """A trailing attribution names a source: an entity or a source noun ("مصادر", "وكالة")."""
        toks = self.toks
        if lo >= hi:
            return False
        # The source heads its phrase: "وفقا لقرار مجلس الوزراء", "طبقا للإجراءات … في مجلس الأمن"
        # name none; "بحسب رويترز", "وفقا لتقرير «بي بي سي»", "بحسب مصادر محلية" do.
        lo = self._skip_addressee(lo, hi)
        if lo >= hi:
            return False
        first = toks[lo]
        if any(self.m_start[k] < first.end for k in self.mentions_in(first.start, toks[hi - 1].end)):
            return True
        return any(v in SOURCE_NOUNS for v in clitic_variants(first.norm))
