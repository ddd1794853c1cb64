"""The geo stage: find place mentions, resolve them to gazetteer records, fill ``doc.places``.

1. Gazetteer lookup on each sentence's folded tokens (clitic-aware, names up to 4 tokens).
2. Country context: unambiguous strong hits and nisba adjectives (السورية، الروسي …).
3. Accept or reject each hit: names that are common words (أن، كان، وقف …) need NER support
   (an overlapping LOC/GPE mention) or a locative cue (مدينة، بلدة، قرية، محافظة، ريف …);
   small places need a cue, NER support or a document about their country; hits inside a
   person's name are dropped.
4. Descriptions: "عاصمة قرغيزستان" / "العاصمة الروسية" -> the capital; "ريف حلب" / "حلب وريفها"
   -> the governorate's countryside; "الأحياء الشرقية في حلب" -> part of the city.
5. One Place per referent (P1.. in order of first mention); working state for later stages:
   ``doc.meta["place_of_sentence"]`` = {sentence index: id of the most specific place that
   sentence mentions} (sub-city > city > admin2 > region > admin1 > country; ties: first
   mention), and ``doc.meta["place_of_entity"]`` = {LOC/GPE entity id: place id}.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from marsad.document import Document, Entity, Place, Token
from marsad.geo.gazetteer import Gazetteer, GeoRecord, load_gazetteer
from marsad.geo.lookup import article_stripped, find_hits, first_variants, name_key
from marsad.geo.resolve import (
    CUE_FEATURES,
    MENA,
    PRECISION,
    PRECISION_RANK,
    best,
    capital_of,
    countryside,
    is_strong,
    neighbourhood,
    sub_city,
)
from marsad.memo import Memo
from marsad.text.normalize import fold
from marsad.text.tokens import clitic_variants


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


# Words just before a name that make a place reading likely but not certain (folded).
# Source: prepositions and direction words that introduce locations in Arabic news.
WEAK_CUES = _words("""
في الى إلى من قرب بالقرب نحو داخل خارج شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط أنحاء انحاء
أطراف اطراف ضواحي محيط مدخل حدود باتجاه اتجاه عبر زار زيارة مغادرا قادما
""")
CAPITAL_WORDS = frozenset({"عاصمه"})
CITY_WORDS = frozenset({"مدينه"})
RIF_WORDS = frozenset({"ريف"})
RIF_PRONOUN = frozenset({"ريفها", "ريفه", "ارياف", "اريافها"})
# Words naming part of a city (folded, proclitics removed): أحياء/حي/شوارع/وسط/ضواحي …
SUBCITY_HEADS = _words("احياء حي شوارع شارع وسط مركز ضواحي اطراف أطراف احد")
_GAP_OK = _words("المحاصرة المحاصر المحررة المدمرة القديمة الشرقية الغربية الشمالية الجنوبية")
_PLACE_TYPES = ("LOC", "GPE")
# Words that introduce a person's name (folded, proclitics removed). Source: NewsFANE person
# contexts and common Arabic news titles (written for Marsad).
PERSON_TITLES = _words("""
الرئيس رئيس الوزير وزير السيد السيدة الملك الأمير الشيخ المتحدث الناطق المستشار السفير المبعوث
النائب السناتور الجنرال العقيد اللواء العميد الدكتور المدير مدير مديرة الأمين القائد الزعيم نظيره نظيرته
""")
# Kinship words that start Arabic personal and dynasty names (ابن طولون، بني العباس، آل سعود).
KINSHIP = _words("ابن بن بنت أبو ابو أبي ابي أم ام آل بني بنو")
#: A person-name token this frequent in Wikidata labels is a given name ("فلاديمير", "إليزابيث").
GIVEN_NAME_MIN = 20
#: A full token this frequent as a person name is not read as clitic + place ("باراك" ≠ ب + أراك).
PERSON_TOKEN_MIN = 3


@dataclass(slots=True)
class _Cand:
    sent: int
    i: int  # token range in the sentence
    j: int
    start: int  # character span in doc.text
    end: int
    key: str
    records: list[GeoRecord]
    cue: str | None = None
    weak_cue: bool = False
    ner: bool = False
    rec: GeoRecord | None = None


def _text_offset(tok: Token, cut: int) -> int:
    """Offset in doc.text after the first ``cut`` folded characters of a token (diacritics skipped)."""
    if cut <= 0:
        return tok.start
    seen = 0
    for idx, ch in enumerate(tok.text):
        if fold(ch) == "":
            continue
        if seen == cut:
            return tok.start + idx
        seen += 1
    return tok.end


def _stem_in(norm: str, words: frozenset[str]) -> str | None:
    for v in clitic_variants(norm):
        if v in words:
            return v
    return None


class GeoStage:
    name = "geo"
    arabic_only = True

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        self._cue_words = frozenset(CUE_FEATURES)
        # Per-process memos keyed by folded token (bounded by the vocabulary).
        self._starts: Memo[str, tuple[tuple[str, int], ...]] = Memo(self._name_starts)
        self._adjective: Memo[str, str | None] = Memo(self._adjective_of)

    def _name_starts(self, norm: str) -> tuple[tuple[str, int], ...]:
        """Readings of a token (without proclitics) that begin some gazetteer name."""
        firsts = self.gaz.firsts
        return tuple(vc for vc in first_variants(norm) if vc[0] in firsts)

    def _adjective_of(self, norm: str) -> str | None:
        """ISO3 of the country a nisba adjective names (السورية -> SYR), else None."""
        adjectives = self.gaz.adjectives
        return next((adjectives[v] for v in clitic_variants(norm) if v in adjectives), None)

    # -- main --------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        gaz = self.gaz
        n_sent = max(len(doc.sentences), doc.tokens[-1].sentence + 1 if doc.tokens else 0)
        sentences: list[list[Token]] = [[] for _ in range(n_sent)]
        for tok in doc.tokens:
            sentences[tok.sentence].append(tok)
        loc_spans, blocked_spans = self._ner_spans(doc)

        cands: list[_Cand] = []
        context: Counter[str] = Counter()
        for s, toks in enumerate(sentences):
            if not toks:
                continue
            norms = [t.norm for t in toks]
            for hit in find_hits(norms, gaz.names, gaz.firsts, starts=self._starts.__getitem__):
                if hit.key in gaz.never:
                    continue
                first = toks[hit.i]
                start, end = _text_offset(first, hit.cut), toks[hit.j - 1].end
                if any(a <= start and end <= b and (a, b) != (start, end) for a, b in blocked_spans):
                    continue  # part of a person's or organisation's name
                records = gaz.candidates(hit.key)
                if article_stripped(first.norm, hit.cut):
                    # "الخرطوم" for GeoNames' خرطوم: only Arabic-world towns take the article
                    # ("المالي" is an adjective, not Mali).
                    records = [r for r in records if r.country in MENA and r.feature != "country"]
                    if not records:
                        continue
                c = _Cand(s, hit.i, hit.j, start, end, hit.key, records)
                c.ner = any(a < end and start < b for a, b in loc_spans)
                if hit.i > 0:
                    prev = toks[hit.i - 1].norm
                    c.cue = _stem_in(prev, self._cue_words)
                    c.weak_cue = prev in WEAK_CUES or c.cue is not None
                if hit.cut and first.norm[0] == "ب":
                    c.weak_cue = True  # بحلب: the preposition is a locative cue
                if not c.ner and c.cue is None and self._person_like(toks, hit.i, hit.j, hit.cut, c.records):
                    continue
                if hit.j - hit.i == 1 and hit.key in gaz.adjectives and "ال" + hit.key in clitic_variants(first.norm):
                    continue  # "المدن السورية": an adjective (counted as context below), not "سورية"
                cands.append(c)
            for norm in norms:  # nisba adjectives: السورية، الروسي، الأمريكية …
                iso3 = self._adjective[norm]
                if iso3:
                    context[iso3] += 1
        for c in cands:  # strong names whose strong readings all lie in one country
            if c.key not in gaz.common:
                strong = {r.country for r in c.records if is_strong(r)}
                if len(strong) == 1:
                    context[strong.pop()] += 1

        accepted: list[_Cand] = []
        for c in cands:
            if self._accept(c, context):
                accepted.append(c)
            elif self._coordinated(c, accepted, sentences):
                # "بلدتي الفوعة وكفريا": a name joined by و to an accepted place shares its reading.
                accepted.append(c)
        coded = {(m.start, m.end): e.actor.country for e in doc.entities if e.type in ("GPE", "LOC")
                 and e.actor is not None and e.actor.country for m in e.mentions}
        for c in accepted:
            records = c.records
            owner = coded.get((c.start, c.end))
            if owner and any(r.country == owner for r in records) and context.get(owner, 0) >= max(
                    context.get(r.country, 0) for r in records):
                # "في عمان": the actors stage read Amman (JOR); the place agrees unless the
                # story's context says the other country (Oman)
                records = [r for r in records if r.country == owner]
            c.rec = best(records, context, c.cue, frozenset(r.key for r in records if (c.key, r.key) in gaz.preferred))
        accepted = self._descriptions(doc, sentences, accepted, context)
        self._emit(doc, accepted)
        return doc

    # -- NER support -------------------------------------------------------------------
    @staticmethod
    def _ner_spans(doc: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Spans of LOC/GPE mentions (support) and of PER/ORG mentions (names to leave alone)."""
        loc: list[tuple[int, int]] = []
        other: list[tuple[int, int]] = []
        if doc.mentions:
            pairs = [(m.type, m.start, m.end) for m in doc.mentions]
        else:
            pairs = [(e.type, m.start, m.end) for e in doc.entities for m in e.mentions]
        for typ, a, b in pairs:
            (loc if typ in _PLACE_TYPES else other if typ in ("PER", "ORG") else []).append((a, b))
        return loc, other

    def _person_like(self, toks: list[Token], i: int, j: int, cut: int, records: list[GeoRecord]) -> bool:
        """A hit that reads better as (part of) a person's name: باراك, فلاديمير بوتين, الرئيس X."""
        persons = self.gaz.persons
        first = toks[i].norm
        if cut and persons.get(first, 0) >= PERSON_TOKEN_MIN:
            return True
        if j - i > 1 or any(r.feature == "country" for r in records):
            return False
        if i > 0 and (_stem_in(toks[i - 1].norm, PERSON_TITLES) is not None or toks[i - 1].norm in KINSHIP):
            return True
        key = first[cut:] if not cut or first.endswith(first[cut:]) else first
        if j >= len(toks) or persons.get(key, 0) < GIVEN_NAME_MIN:
            return False
        if any(r.feature in ("capital", "country") and (key, r.key) in self.gaz.preferred for r in records):
            return False  # the curated news form of a capital ("واشنطن") is read as the place
        nxt = toks[j].norm
        return (len(nxt) >= 3 and nxt in persons and nxt not in self.gaz.names
                and nxt not in self.gaz.never and nxt not in self.gaz.common)

    def _coordinated(self, c: _Cand, accepted: list[_Cand], sentences: list[list[Token]]) -> bool:
        if not accepted or c.key in self.gaz.common:
            return False
        prev = accepted[-1]
        first = sentences[c.sent][c.i].norm
        if prev.sent != c.sent or prev.j != c.i or not first.startswith("و") or first[1:] not in self.gaz.firsts:
            return False
        countries = {r.country for r in prev.records}
        same = [r for r in c.records if r.country in countries]
        if not same:
            return False
        c.records = same
        c.cue = c.cue or prev.cue
        return True

    def _accept(self, c: _Cand, context: Counter[str]) -> bool:
        # A cue counts only when it suits one of the readings ("دولة بني" is no country named بني).
        wanted = CUE_FEATURES.get(c.cue or "", ())
        strong_cue = any(r.feature in wanted for r in c.records)
        if c.key in self.gaz.common:
            # "في تدمر" in a Syrian story: a big place of the story's country after a preposition;
            # "في مالي": a country after a preposition ("مبلغ مالي" has none).
            return c.ner or strong_cue or (c.weak_cue and any(
                r.feature == "country" or (is_strong(r) and context.get(r.country)) for r in c.records))
        if any(is_strong(r) for r in c.records):
            return True
        in_context = any(context.get(r.country) for r in c.records)
        if c.ner or strong_cue:
            return True
        if c.j - c.i > 1:
            return c.weak_cue or in_context
        return c.weak_cue and in_context

    # -- descriptions ------------------------------------------------------------------
    def _descriptions(self, doc: Document, sentences: list[list[Token]], cands: list[_Cand],
                      context: Counter[str]) -> list[_Cand]:
        gaz = self.gaz
        out: list[_Cand] = []
        taken = {(c.sent, k) for c in cands for k in range(c.i, c.j)}
        for c in cands:
            toks = sentences[c.sent]
            prev = toks[c.i - 1] if c.i > 0 else None
            rec = c.rec
            assert rec is not None
            if prev is not None and (c.sent, c.i - 1) not in taken:
                word = _stem_in(prev.norm, CAPITAL_WORDS | RIF_WORDS | SUBCITY_HEADS)
                if word in CAPITAL_WORDS and rec.feature == "country":
                    cap = capital_of(gaz, rec.country)
                    if cap is not None:
                        c.rec, c.start = cap, self._word_start(prev)
                elif word in RIF_WORDS and rec.feature in ("city", "capital", "town", "village", "admin1", "admin2"):
                    c.rec, c.start = countryside(gaz, rec), self._word_start(prev)
                elif word in SUBCITY_HEADS and rec.feature in ("city", "capital", "town"):
                    # "أحياء حلب الشرقية": the head, the city, and a direction adjective after it.
                    words: list[str] = []
                    if c.j < len(toks):
                        stem = _stem_in(toks[c.j].norm, _GAP_OK)
                        if stem is not None:
                            words.append(stem[2:] if stem.startswith("ال") else stem)
                            c.end = toks[c.j].end
                    c.start = self._word_start(prev)
                    c.rec = sub_city(rec, words, doc.text[c.start : c.end])
            if c.rec is rec and rec.feature in ("city", "capital", "town") and prev is not None:
                sub = self._subcity_before(doc, toks, c, rec)
                if sub is not None:
                    c.rec = sub
            if c.rec is rec and rec.feature == "country" and c.j < len(toks) and toks[c.j].norm == "العاصمه":
                cap = capital_of(gaz, rec.country)  # "تونس العاصمة", "الكويت العاصمة"
                if cap is not None:
                    c.rec, c.end = cap, toks[c.j].end
            out.append(c)
            # "حلب وريفها": the countryside of the place just named.
            if c.j < len(toks) and rec.feature != "country" and _stem_in(toks[c.j].norm, RIF_PRONOUN):
                t = toks[c.j]
                rif = countryside(gaz, rec)
                out.append(_Cand(c.sent, c.j, c.j + 1, self._word_start(t), t.end, t.norm, [rif], rec=rif))
        # "العاصمة الروسية" / "عاصمة قرغيزستان" where the country is an adjective.
        for s, toks in enumerate(sentences):
            for k in range(len(toks) - 1):
                if (s, k) in taken or (s, k + 1) in taken:
                    continue
                if "عاصمه" not in toks[k].norm or _stem_in(toks[k].norm, CAPITAL_WORDS) is None:
                    continue
                iso3 = next((gaz.adjectives[v] for v in clitic_variants(toks[k + 1].norm) if v in gaz.adjectives), None)
                cap = capital_of(gaz, iso3) if iso3 else None
                if cap is not None:
                    out.append(_Cand(s, k, k + 2, self._word_start(toks[k]), toks[k + 1].end, "", [cap], rec=cap))
        out.sort(key=lambda c: c.start)
        # "حي جوبر شرقي دمشق": a neighbourhood named just before its city is part of that city.
        for a, b in itertools.pairwise(out):
            city = b.rec
            if city is not None and city.feature == "district" and city.parent in gaz.records:
                city = gaz.records[city.parent]  # "حي الميدان وسط دمشق"
            if (a.cue == "حي" and a.sent == b.sent and 0 <= b.i - a.j <= 2 and city is not None
                    and city.feature in ("city", "capital", "town") and a.rec is not None
                    and a.rec.feature not in ("city", "capital")):
                prev = sentences[a.sent][a.i - 1]
                a.start = self._word_start(prev)
                a.rec = neighbourhood(city, a.key, doc.text[a.start : a.end])
        out.sort(key=lambda c: c.start)
        return out

    @staticmethod
    def _word_start(tok: Token) -> int:
        """Start of a cue/description word without its conjunction/preposition clitics."""
        for v, cut in first_variants(tok.norm):
            if v in CAPITAL_WORDS | RIF_WORDS | SUBCITY_HEADS | RIF_PRONOUN or (
                v.startswith("ال") and v[2:] in CAPITAL_WORDS | RIF_WORDS | SUBCITY_HEADS
            ):
                return _text_offset(tok, cut)
        return tok.start

    def _names_city(self, e: Entity, place: Place) -> bool:
        """The entity inside a part-of-city place is that city ("حلب" in "أحياء حلب الشرقية"),
        not a district the gazetteer lacks ("الدورة" in "حي الدورة جنوبي بغداد")."""
        keys = {k for m in e.mentions for k in (name_key(m.text), name_key(m.text).removeprefix("ال"))}
        return any(r.geonameid == place.geonameid for k in keys for r in self.gaz.candidates(k))

    @staticmethod
    def _subcity_before(doc: Document, toks: list[Token], c: _Cand, rec: GeoRecord) -> GeoRecord | None:
        """"الأحياء الشرقية المحاصرة في حلب": a part-of-city head within 4 words before في/من."""
        k = c.i - 1
        if k >= 0 and _stem_in(toks[k].norm, CITY_WORDS) is not None:
            k -= 1  # "من مدينة درعا"
        if k < 0 or toks[k].norm not in ("في", "من"):
            return None
        k -= 1  # token before في
        words: list[str] = []
        while k >= 0 and c.i - 1 - k <= 4:
            norm = toks[k].norm
            head = _stem_in(norm, SUBCITY_HEADS)
            if head is not None:
                start = GeoStage._word_start(toks[k])
                c.start = start
                return sub_city(rec, words, doc.text[start : c.end])
            stem = _stem_in(norm, _GAP_OK)
            if stem is None:
                return None
            words.append(stem[2:] if stem.startswith("ال") else stem)
            k -= 1
        return None

    # -- output ------------------------------------------------------------------------
    def _emit(self, doc: Document, cands: list[_Cand]) -> None:
        places: dict[str, Place] = {}
        sentence_best: dict[int, tuple[int, int, str]] = {}
        for c in cands:
            rec = c.rec
            assert rec is not None
            place = places.get(rec.key)
            if place is None:
                place = Place(
                    id=f"P{len(places) + 1}", name=rec.name, name_ar=rec.name_ar, lat=rec.lat, lon=rec.lon,
                    country=rec.country, admin1=rec.admin1, feature=rec.feature,
                    precision=rec.precision or PRECISION.get(rec.feature, "city"), geonameid=rec.geonameid, pcode=rec.pcode,
                )
                places[rec.key] = place
            if not place.mentions and rec.key[0] in "gC" and rec.feature != "capital" and c.key in self.gaz.names:
                # GeoNames lists many untagged spellings (Persian among them): name the place
                # the way the article writes it.
                place.name_ar = doc.text[c.start : c.end]
            place.mentions.append(doc.span(c.start, c.end))
            rank = PRECISION_RANK.get(place.precision or "", 0)
            cur = sentence_best.get(c.sent)
            if cur is None or rank > cur[0]:
                sentence_best[c.sent] = (rank, c.start, place.id)
        doc.places = list(places.values())
        doc.meta["place_of_sentence"] = {s: v[2] for s, v in sorted(sentence_best.items())}
        # NER entities that name a place -> that place (the first overlapping mention wins).
        spans = sorted((m.start, m.end, p.id) for p in doc.places for m in p.mentions)
        link: dict[str, str] = {}
        for e in doc.entities:
            if e.type in _PLACE_TYPES:
                for m in e.mentions:
                    pid = next((q for a, b, q in spans if a < m.end and m.start < b), None)
                    if pid is not None:
                        link[e.id] = pid
                        break
        doc.meta["place_of_entity"] = link
        # A place that is not acting as an actor (no sector: "حلب" -> SYR) is best named by
        # the gazetteer ("Aleppo"), not by a romanisation of its Arabic form.
        # Only when the place is the entity itself: same span, or the city that a part-of-city
        # place lies in ("الأحياء الشرقية في حلب" names Aleppo); never the capital found
        # through a country name ("عاصمة قرغيزستان" is Bishkek, the entity is Kyrgyzstan).
        by_id = {p.id: p for p in doc.places}
        for e in doc.entities:
            if e.id not in link or (e.actor is not None and e.actor.sector is not None):
                continue
            place = by_id[link[e.id]]
            place_spans = {(m.start, m.end) for m in place.mentions}
            if any((m.start, m.end) in place_spans for m in e.mentions):
                e.name = place.name
            elif place.precision in ("country", "admin1", "region") and any(
                    p.start <= m.start and m.end <= p.end for m in e.mentions for p in place.mentions):
                e.name = place.name  # "قطاع غزة" named through "غزة": the Gaza Strip, not a transcription
            elif place.precision == "sub-city" and self._names_city(e, place):
                e.name = place.name.split(" (")[0]
