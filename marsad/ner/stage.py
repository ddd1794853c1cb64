"""The NER stage: CRF mentions on `doc.tokens`, typed (PER/ORG/LOC/GPE/MISC + subtype),
trimmed of proclitics, grouped into `doc.entities` (E1.. in order of first mention).
"""

from __future__ import annotations

from marsad.document import Document, EntityType, Mention, Token
from marsad.ner.data import spans
from marsad.ner.features import LOC_HEADS, PER_TRIGGERS, RESOURCES, lexicons
from marsad.ner.group import group_mentions
from marsad.ner.tagger import Tagger, propagate
from marsad.text.normalize import fold, fold_word
from marsad.text.tokens import clitic_variants, strip_proclitics

_TYPES: dict[str, EntityType] = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_CONJ = "وف"
# Words a name goes on after, whatever follows ("عبد السلام", "أبو بكر", "بن سلمان"), folded.
_NAME_LINKS = frozenset(["عبد", "ابو", "ابي", "ابا", "بن", "ابن", "بنت"])
_PREP = "بلك"

# Role words before a person -> subtype (folded). Source: NewsFANE's PER subtypes.
_ROLE_SUBTYPES = {
    **{fold(w): "Politician" for w in ["وزير", "وزيرة", "الوزير", "الرئيس", "رئيس", "رئيسة", "نائب", "السفير", "سفير", "المبعوث", "النائب", "السناتور", "الملك", "الأمير", "زعيم", "الزعيم", "المستشار", "المتحدث", "الناطق"]},
    **{fold(w): "Athlete" for w in ["اللاعب", "لاعب", "المدرب", "مدرب", "النجم"]},
    **{fold(w): "Artist" for w in ["الفنان", "الفنانة", "الممثل", "الممثلة", "المطرب", "المطربة", "المخرج", "الشاعر", "الكاتب"]},
    **{fold(w): "Religious_PER" for w in ["الشيخ", "البابا", "الإمام", "المفتي", "الأسقف", "الكاردينال", "الحاخام"]},
    **{fold(w): "Police" for w in ["الجنرال", "العقيد", "اللواء", "العميد", "المشير"]},
}
# Head word of an organisation -> subtype (folded). Same source.
_ORG_SUBTYPES = {
    **{fold(w): "Government" for w in ["وزارة", "الوزارة", "حكومة", "الحكومة", "مجلس", "برلمان", "البرلمان", "الكونغرس", "البيت", "جيش", "الجيش", "قوات", "القوات", "الخارجية", "الدفاع", "الداخلية"]},
    **{fold(w): "Commercial" for w in ["شركة", "الشركة", "بنك", "البنك", "مصرف", "المصرف", "مجموعة"]},
    **{fold(w): "Educational" for w in ["جامعة", "الجامعة", "معهد", "كلية", "أكاديمية"]},
    **{fold(w): "Media" for w in ["صحيفة", "الصحيفة", "جريدة", "قناة", "القناة", "شبكة", "الشبكة", "وكالة", "الوكالة", "إذاعة", "تلفزيون", "مجلة"]},
    **{fold(w): "Police" for w in ["الشرطة", "شرطة", "الأمن"]},
    **{fold(w): "Sports" for w in ["نادي", "النادي", "منتخب", "المنتخب", "فريق", "الفريق"]},
    **{fold(w): "Non-Governmental" for w in ["حزب", "الحزب", "حركة", "الحركة", "جبهة", "الجبهة", "منظمة", "المنظمة", "جمعية", "اتحاد", "الاتحاد", "تنظيم"]},
}
_GPE_KINDS = {"country", "city_major", "city", "admin", "community"}

# Verbal nouns and verbs that govern a name but never open one: the tagger sometimes runs
# them into the name after a quote or a preposition («ليستقيل كيباكي»، بـ«استقالة ثاباتيرو»).
_NAME_GOVERNORS = frozenset(fold(w) for w in (
    "استقالة", "إقالة", "رحيل", "سقوط", "إسقاط", "يسقط", "تسقط", "يستقيل", "تنحي", "يتنحى", "ارحل",
    "محاكمة", "اغتيال", "اعتقال", "مقتل", "زيارة", "إطلاق", "الإفراج",
))

# Role words that open a person's title ("وزير الدفاع الروسي"); relational and generic
# words among the triggers (نظيره، السيد، رجل …) are cues, not offices.
_NOT_TITLES = "نظيره نظيرته رجل سيدة المدعو المواطن الشهيد الراحل الأخ الزميل السيد السيدة باسم"
TITLE_HEADS = PER_TRIGGERS - {fold(w) for w in _NOT_TITLES.split()}

# Seats of government named for the institution ("أكد البيت الأبيض"): organisations here,
# whatever ANERcorp/NewsFANE call the building. Source: hand list of common news metonyms.
INSTITUTIONS = [fold(w) for w in (
    "البيت الأبيض", "الكرملين", "البنتاغون", "البنتاجون", "الإليزيه", "قصر الإليزيه", "داونينغ ستريت",
    "الكونغرس", "الكونجرس", "الكنيست", "مجلس الشيوخ", "مجلس النواب", "مجلس الأمن", "الأمم المتحدة",
    "حلف الناتو", "حلف شمال الأطلسي", "الاتحاد الأوروبي", "جامعة الدول العربية", "الجامعة العربية",
)]
# Head nouns after which a gazetteer name is a place the CRF tends to leave untagged ("ريف
# إدلب", "محافظة مأرب", "مدينة أعزاز"): 113 such names untagged against 497 tagged on 600
# SaudiNewsNet articles and the GSR dev sentences (2026-12-03). Prepositions are no such cue
# ("في مدينة", "من طراز" are gazetteer cities too).
_PLACE_HEADS = frozenset(fold(w) for w in (
    "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "ريف", "ناحية", "منطقة", "مخيم", "حي", "إقليم", "العاصمة"))
_HEAD_PLACE_KINDS = frozenset({"city_major", "city", "admin", "community"})
# The same with their proclitics (وريف، بمحافظة، ولمدينة), for a set lookup per token.
_PLACE_HEAD_FORMS = frozenset(
    [c + h for h in _PLACE_HEADS for c in ("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل")]
    + [c + "لل" + h[2:] for h in _PLACE_HEADS if h.startswith("ال") for c in ("", "و", "ف")])
_MINISTRY = fold("وزارة")
_FOREIGN_OFFICE = {fold(w) for w in ("الخارجية", "الداخلية")}


class NerStage:
    name = "ner"
    arabic_only = True

    def __init__(self) -> None:
        self.tagger = Tagger()
        self.lex = lexicons()
        self.fane: dict[str, tuple[str, str]] = {}
        self._fane_n: dict[str, int] = {}
        with open(RESOURCES / "fane_types.tsv", encoding="utf-8") as fh:
            for line in fh:
                text, coarse, fine, n = line.rstrip("\n").split("\t")
                self.fane[text] = (coarse, fine)
                self._fane_n[text] = int(n)
        self.fane_first = {t.split()[0] for t in self.fane}
        self.vocab = set((RESOURCES / "fane_vocab.txt").read_text(encoding="utf-8").split())
        # Multi-word organisation names: NewsFANE ORG strings seen twice or more + INSTITUTIONS.
        self.orgs: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        names = {t: f for t, (c, f) in self.fane.items() if c == "ORG" and " " in t and self._fane_n[t] >= 2}
        names.update({t: "Government" for t in INSTITUTIONS})
        for text, fine in sorted(names.items()):
            words = tuple(text.split())
            self.orgs.setdefault(words[0], []).append((words, fine))
        for options in self.orgs.values():
            options.sort(key=lambda o: -len(o[0]))
        self.org_firsts = set(self.orgs) | {_MINISTRY} | _FOREIGN_OFFICE
        self.place_skeletons: dict[str, str] = {}
        for name in sorted(self.lex.places):
            self.place_skeletons.setdefault(_skeleton(name), name)

    def __call__(self, doc: Document) -> Document:
        sentences: list[list[Token]] = []
        for tok in doc.tokens:
            while len(sentences) <= tok.sentence:
                sentences.append([])
            sentences[tok.sentence].append(tok)
        sentences = [s for s in sentences if s]
        words = [[t.text for t in s] for s in sentences]
        labels, scores = [], []
        for w in words:
            lab, sc = self.tagger.tag_scored(w)
            labels.append(lab)
            scores.append(sc)
        propagate(words, labels)
        mentions: list[Mention] = []
        titles: dict[int, str] = {}
        for toks, labs, scs in zip(sentences, labels, scores, strict=True):
            found = [(i, j, label, sum(scs[i:j]) / (j - i)) for i, j, label in spans(labs)]
            found = self._places(toks, self._organisations(toks, found))
            previous_end = 0
            for i, j, label, score in found:
                if label == "PERS":
                    j = self._person_end(toks, i, j)
                m = self._mention(doc, toks, i, j, label, score)
                if m is not None:
                    if m.type == "PER":
                        title = _title(doc, toks, i, previous_end)
                        if title:
                            titles[len(mentions)] = title
                    mentions.append(m)
                previous_end = j
        _harmonise(mentions)
        doc.mentions = mentions
        doc.entities = group_mentions(doc, mentions)
        for index, title in sorted(titles.items()):
            entity = doc.entity(mentions[index].entity)
            if entity is not None and entity.type == "PER" and entity.title is None:
                entity.title = title
        return doc

    def _organisations(self, toks: list[Token], found: list[tuple[int, int, str, float]]
                       ) -> list[tuple[int, int, str, float]]:
        """Add organisation names the CRF misses by ANERcorp convention (ministries,
        seats of government); they replace overlapping non-person CRF spans."""
        extra: list[tuple[int, int, str, float]] = []
        n = len(toks)
        i = 0
        while i < n:
            first = toks[i].norm
            if first not in self.org_firsts and first[1:] not in self.org_firsts and first[2:] not in self.org_firsts:
                i += 1
                continue
            forms = [first] + [first[k:] for k in (1, 2) if len(first) > k + 2 and _is_clitic(first[:k])]
            hit = 0
            for form in forms:
                for words, _fine in self.orgs.get(form, ()):
                    m = len(words)
                    if i + m <= n and all(toks[i + k].norm == words[k] for k in range(1, m)):
                        hit = m + _nisbas(toks, i + m)  # وزارة الخارجية + الأمريكية
                        break
                if not hit and form == _MINISTRY and i + 1 < n and toks[i + 1].norm.startswith("ال"):
                    hit = 2 + _nisbas(toks, i + 2)
                if not hit and form in _FOREIGN_OFFICE and i + 1 < n and _is_nisba(toks[i + 1].norm, fem=True):
                    hit = 1 + _nisbas(toks, i + 1)
                if hit:
                    break
            if hit:
                extra.append((i, i + hit, "ORG", 1.0))
                i += hit
            else:
                i += 1
        if not extra:
            return found
        keep = [f for f in found if f[2] == "PERS" or not any(f[0] < e[1] and e[0] < f[1] for e in extra)]
        extra = [e for e in extra if not any(k[0] < e[1] and e[0] < k[1] for k in keep)]
        return sorted(keep + extra)

    def _places(self, toks: list[Token], found: list[tuple[int, int, str, float]]
                ) -> list[tuple[int, int, str, float]]:
        """Add gazetteer names right after a place head noun (ريف إدلب) that no CRF span covers;
        a CRF span of the head noun alone ("ريف") gives way to the name."""
        extra: list[tuple[int, int, str, float]] = []
        for i in range(len(toks) - 1):
            if toks[i].norm not in _PLACE_HEAD_FORMS:
                continue
            n = self._place_length(toks, i + 1)
            if n and not any(f[0] < i + 1 + n and i + 1 < f[1] for f in found):
                extra.append((i + 1, i + 1 + n, "LOC", 1.0))
        if not extra:
            return found
        heads = {e[0] - 1 for e in extra}
        keep = [f for f in found if not (f[1] - f[0] == 1 and f[0] in heads and f[2] != "PERS")]
        return sorted(keep + extra)

    def _place_length(self, toks: list[Token], j: int) -> int:
        """Tokens of the gazetteer place name starting at ``j`` (0: none): the longest
        multi-word name, else one word of four letters or more (not عين، تل، كان)."""
        places = self.lex.places
        longest = min(self.lex.place_multi.get(toks[j].norm, 0), len(toks) - j)
        for n in range(longest, 1, -1):
            if places.get(" ".join(t.norm for t in toks[j:j + n])) in _HEAD_PLACE_KINDS:
                return n
        norm = toks[j].norm
        core = norm[2:] if norm.startswith("ال") else norm
        return 1 if len(core) >= 4 and places.get(norm) in _HEAD_PLACE_KINDS else 0

    # -- one mention -------------------------------------------------------------------
    def _mention(self, doc: Document, toks: list[Token], i: int, j: int, label: str,
                 score: float) -> Mention | None:
        if j - i > 1 and any(v in _NAME_GOVERNORS for v in clitic_variants(toks[i].norm)):
            i += 1
        first = toks[i]
        cut = _text_chars(first.text, self._clitic_length(first.norm))
        start = first.start + cut
        end = toks[j - 1].end
        if end <= start:
            return None
        text = doc.text[start:end]
        kind: EntityType = _TYPES.get(label, "MISC")
        key = fold_word(" ".join(text.split()))
        subtype = None
        fane = self.fane.get(key)
        if kind == "LOC":
            kind, subtype = self._place_type(key, fane)
        elif fane and fane[0] == kind:
            subtype = fane[1]
        if subtype is None and kind == "PER":
            subtype = _role_subtype(toks, i)
        if subtype is None and kind == "ORG":
            subtype = _ORG_SUBTYPES.get(fold_word(text.split()[0]))
        return Mention(start, end, text, kind, subtype, round(score, 3))

    def _place_type(self, key: str, fane: tuple[str, str] | None) -> tuple[EntityType, str | None]:
        if fane and fane[0] in ("GPE", "LOC"):
            return fane[0], fane[1]  # type: ignore[return-value]
        for form in (key, key[2:] if key.startswith("ال") else key):
            kind = self.lex.places.get(form)
            if kind is None and len(form) >= 4:
                form = self.place_skeletons.get(_skeleton(form), form)  # spelling variants
                kind = self.lex.places.get(form)
            if kind in _GPE_KINDS:
                return "GPE", self.lex.place_subtype.get(form)
            if kind == "region":
                return "LOC", "Region"
        words = key.split()
        if len(words) > 1 and words[0] in LOC_HEADS:
            if words[0] in ("مدينه", "بلده", "قريه", "محافظه", "ولايه", "اقليم", "العاصمه", "عاصمه"):
                return "GPE", None
            return "LOC", None
        return "LOC", None

    def _person_end(self, toks: list[Token], i: int, j: int) -> int:
        """A person's name stops before trailing common words the tagger ran on into
        ("بدر عبد العاطي اتصالا هاتفيا", "… لافروف أمس"): words of the news vocabulary
        that no name list holds; it never ends on a link (عبد، أبو، بن)."""
        while j < len(toks) and toks[j - 1].norm in _NAME_LINKS and toks[j].norm.isalpha():
            j += 1  # "محمد عبد السلام": the tagger stopped on a link no name ends with
        while j - i > 1 and (last := toks[j - 1].norm) in self.vocab and not self.lex.persons.get(last) \
                and not self._known_name(last) and toks[j - 2].norm not in _NAME_LINKS:
            j -= 1
        return j

    def _known_name(self, form: str) -> bool:
        lex = self.lex
        return form in lex.places or form in self.fane_first or lex.persons.get(form, 0) >= 2

    def _clitic_length(self, norm: str) -> int:
        """Letters of proclitic (و ف ب ل ك) to cut from a name's first token: ولافروف -> 1."""
        cands = []
        if len(norm) > 3 and norm[0] in _CONJ + _PREP:
            cands.append(1)
            if len(norm) > 4 and norm[0] in _CONJ and norm[1] in _PREP:
                cands.append(2)
        if not cands:
            return 0
        if self._known_name(norm):
            return 0
        for k in cands:
            if self._known_name(norm[k:]):
                return k
        if norm in self.vocab:
            return 0
        for k in cands:
            rest = norm[k:]
            if rest in self.vocab or rest.startswith("ال"):
                return k
        return 0


def _skeleton(name: str) -> str:
    """Place-name skeleton for spelling variants (قرغيزستان/قيرغيزستان): long vowels after
    the first letter dropped, غ/ج/ق merged."""
    head, rest = name[:1], name[1:]
    rest = rest.replace("ا", "").replace("و", "").replace("ي", "")
    return (head + rest).replace("غ", "ج").replace("ق", "ج")


def _is_clitic(prefix: str) -> bool:
    return (len(prefix) == 1 and prefix in _CONJ + _PREP) or (
        len(prefix) == 2 and prefix[0] in _CONJ and prefix[1] in _PREP)


def _is_nisba(norm: str, fem: bool = False) -> bool:
    """A definite relational adjective (الروسيه, الامريكي): nationality after a name."""
    ends = ("يه",) if fem else ("ي", "يه")
    return norm.startswith("ال") and len(norm) >= 6 and norm.endswith(ends)


def _nisbas(toks: list[Token], i: int) -> int:
    n = 0
    while i + n < len(toks) and n < 2 and _is_nisba(toks[i + n].norm):
        n += 1
    return n


def _text_chars(text: str, letters: int) -> int:
    """Characters of `text` covering its first `letters` folded letters (diacritics after them too)."""
    if letters == 0:
        return 0
    seen = 0
    for pos, ch in enumerate(text):
        if fold(ch):
            if seen == letters:
                return pos
            seen += 1
    return len(text)


def _harmonise(mentions: list[Mention]) -> None:
    """The same name gets one type within a document: the type with the highest total score."""
    votes: dict[str, dict[str, float]] = {}
    subtypes: dict[tuple[str, str], str | None] = {}
    for m in mentions:
        key = fold_word(m.text)  # memoised: names recur
        v = votes.setdefault(key, {})
        v[m.type] = v.get(m.type, 0.0) + m.score
        if subtypes.get((key, m.type)) is None:
            subtypes[(key, m.type)] = m.subtype
    for m in mentions:
        key = fold_word(m.text)
        v = votes[key]
        if len(v) > 1:
            best = max(v, key=lambda t: v[t])
            if best != m.type:
                m.type = best  # type: ignore[assignment]
                m.subtype = subtypes.get((key, best))


_QUOTES = frozenset('"«»“”')


def _role_subtype(toks: list[Token], i: int) -> str | None:
    """Subtype from a role word up to four words before a person ("وزير الدفاع الروسي سيرغي شويغو")."""
    for j in range(i - 1, max(-1, i - 5), -1):
        norm = toks[j].norm
        if norm in ('"', "«", "»", "“", "”"):
            continue
        if not norm[:1].isalpha():
            return None
        if norm in _ROLE_SUBTYPES:
            return _ROLE_SUBTYPES[norm]
    return None


def _title(doc: Document, toks: list[Token], i: int, floor: int) -> str | None:
    """The office written before a person ("وزير الدفاع الروسي سيرغي شويغو" -> "وزير الدفاع
    الروسي"): from the farthest role word within six words back to the name, never across
    punctuation (quotes aside) or another mention."""
    start = None
    end = i
    while end > floor and toks[end - 1].norm in _QUOTES:
        end -= 1
    if end > floor and toks[end - 1].norm == ",":  # apposition: "مساعد وزير الخارجية، حسين جابري"
        end -= 1
    for j in range(end - 1, max(floor, i - 7) - 1, -1):
        norm = toks[j].norm
        if not norm[:1].isalpha():
            break
        if norm in TITLE_HEADS or strip_proclitics(norm) in TITLE_HEADS or norm[1:] in TITLE_HEADS:
            start = j
    if start is None or start >= end:
        return None
    first = toks[start]
    cut = 1 if first.norm not in TITLE_HEADS and first.norm[1:] in TITLE_HEADS else 0  # وقال/ووزير
    return doc.text[first.start + _text_chars(first.text, cut):toks[end - 1].end]
