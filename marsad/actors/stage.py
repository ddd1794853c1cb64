"""Actor stage: link entities to the actor dictionary, code unnamed agents, resolve anaphors.

Reads ``doc.entities`` (from NER; may be empty), ``doc.tokens``, ``doc.published``.
Writes, for every entity, ``name``, ``name_ar``, ``actor`` and ``title``; adds entities for
dictionary actors NER missed, for unnamed agents (الجيش النظامي, فصائل معارضة, نظيره
الأمريكي …) and for states named by a capital or country (موسكو -> RUSGOV), continuing
the E-numbering. Every added entity has mentions, so the events stage can pick event
source/target from the entity mentions inside a sentence.

doc.meta keys produced: ``actor_location`` (ISO3 the article is set in, or None).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple

from marsad.actors import agents as A
from marsad.actors.dictionary import Entry, Office, split_code
from marsad.actors.lexicon import Hit, Lexicon, build, first_keys, gkey, key, phrase_key, skeleton, strict
from marsad.actors.romanize import romanize
from marsad.document import Actor, Document, Entity, Span, Token
from marsad.memo import Memo
from marsad.text.normalize import fold
from marsad.text.numbers import is_quantity
from marsad.text.tokens import clitic_variants, is_dash, strip_proclitics

# Sectors whose unnamed agents belong to the country the article is set in (الجيش, النظام).
# Words that continue a name with its lineage (بن فلان، آل سعود).
_LINEAGE = {"بن", "ابن", "ال"}
# Modifiers saying an agent is not of the place it is in ("قوات أجنبية", "القوات الدولية").
_FOREIGN = frozenset(fold(c + w) for w in ("أجنبية", "أجنبي", "أجانب", "الأجنبية", "الأجنبي", "الأجانب", "دولية",
                                          "الدولية", "متعددة") for c in ("", "و"))
_LOCAL_SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "UAF", "JUD", "LEG", "SPY", "CVL", "REF"}
# Strikes coded as their (military) author: who struck a place is as often a foreign air force
# as its own ("نفذت إسرائيل ضربة جوية في سورية"), so the place gives no country.
_STRIKES = frozenset(key(fold(w)) for w in ("ضربة", "ضربات", "غارة", "غارات"))
_SKIP = set("«»\"'“”„‘’()[]")  # quote marks and brackets never break a name or agent phrase
# The reading of a possessed member noun with no sector of its own (عناصرها، أفراده، قادتها).
_MEMBERS = Hit("agent", None, priority=3)
_LEX: Lexicon | None = None


def lexicon() -> Lexicon:
    global _LEX
    if _LEX is None:
        _LEX = build(agents=A.CORE_AGENTS, not_agents=A.NOT_AGENTS, anaphors=A.ANAPHORS, sources=A.SOURCE_WORDS)
    return _LEX


class _Reading(NamedTuple):
    """Everything the scanner needs to know about one folded word, computed once per spelling."""

    key: str  # matching key ("" for punctuation)
    gkey: str  # key with the foreign-g class folded (names)
    skey: str  # strict form (place names)
    starts: tuple[tuple[int, int, str], ...]  # (pass, clitic reading index, key) that can start a phrase
    single: list[Hit]  # one-word dictionary names
    owned: list[Hit]  # agent readings of "agent noun + pronoun suffix" (قواتها، مقاتليهم)


@dataclass(slots=True)
class Unit:
    """A lexicon match over word positions [i, j) of one sentence."""

    i: int
    j: int
    hits: list[Hit]
    clitic: bool = False  # the first word matched only after removing a proclitic
    owned: bool = False  # an agent noun with a pronoun suffix: the forces *of* an earlier actor

    def best(self, *kinds: str) -> Hit | None:
        """The highest-priority hit of one of ``kinds`` (any kind when none is given); first on ties."""
        top = None
        for h in self.hits:
            if (not kinds or h.kind in kinds) and (top is None or h.priority > top.priority):
                top = h
        return top


@dataclass(slots=True)
class Sent:
    index: int
    words: list[Token]  # word tokens, quote marks removed
    keys: list[str]
    units: list[Unit] = field(default_factory=list)
    gkeys: list[str] = field(default_factory=list)  # keys with the foreign-g class folded (names)
    skeys: list[str] = field(default_factory=list)  # strict forms (place names)
    readings: list[_Reading] = field(default_factory=list)  # per word, see `ActorStage._read`


def _office_for(entry: Entry, date: str | None, title_keys: set[str]) -> Office | None:
    """The office in force on ``date``; a title naming the office breaks ties."""
    if not entry.offices:
        return None
    hints = [h for k in title_keys for h in A.ROLE_HINTS.get(k, ())]

    def hinted(o: Office) -> bool:
        return any(h in o.role for h in hints)

    covering = [o for o in entry.offices if date and o.covers(date)]
    pool = covering or entry.offices
    if hints and any(hinted(o) for o in pool):
        pool = [o for o in pool if hinted(o)]
    if date and not covering:
        # Between offices: the last one that started before the date, else the first.
        before = [o for o in pool if o.start is None or o.start <= date]
        pool = before or pool
    return max(pool, key=lambda o: o.start or "")


# Regions with no government of their own: never the country an article's unnamed "الحكومة"
# or "الشرطة" belongs to ("اللاجئين باتجاه أوروبا" made an Eritrean government EURGOV).
_NO_STATE = frozenset({"EUR", "AFR", "ARB"})


# Words shaped like a definite nisba adjective that are not one (folded): التي، الذي، إلى.
_NOT_ADJECTIVES = frozenset({"التي", "الذي", "الي", "اللتي", "اللذي"})


def _former(entry: Entry, date: str | None) -> bool:
    """Every listed office of the entry ended before ``date``."""
    return bool(date and entry.offices) and all(o.end is not None and o.end <= date for o in entry.offices)


def _code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


class ActorStage:
    name = "actors"
    arabic_only = True

    def __init__(self) -> None:
        self.lex = lexicon()
        self._readings: Memo[str, _Reading] = Memo(self._read)  # per folded spelling

    # -- scanning ---------------------------------------------------------------------
    def _sentences(self, doc: Document) -> list[Sent]:
        by_sent: dict[int, list[Token]] = {}
        for t in doc.tokens:
            if t.text not in _SKIP:
                by_sent.setdefault(t.sentence, []).append(t)
        out = []
        memo = self._readings
        for index in sorted(by_sent):
            words = by_sent[index]
            readings = [memo[w.norm] for w in words]
            s = Sent(index, words, [r.key for r in readings], gkeys=[r.gkey for r in readings],
                     skeys=[r.skey for r in readings], readings=readings)
            s.units = self._scan(s)
            out.append(s)
        _by_context(out)
        return out

    def _read(self, norm: str) -> _Reading:
        """The `_Reading` of a word (memoised in ``self._readings``: news vocabulary recurs)."""
        k = key(norm) if norm[:1].isalnum() else ""
        starts = self._starts(norm) if k else ()
        return _Reading(k, gkey(k), strict(norm) if k else "", starts, self._find_single(norm), self._owned(norm))

    def _owned(self, norm: str) -> list[Hit]:
        """Agent hits of a word read as noun + ها/هم/هما (جنودها، قواتهم، شرطتها); the ambiguous
        -ه (his, or a ta marbuta) is decided on the raw text in `_possessive`."""
        for suf in ("هما", "هم", "ها"):
            if norm.endswith(suf) and len(norm) - len(suf) >= 3:
                stem = norm[: -len(suf)]
                for v in clitic_variants(stem):
                    for form in (v, v[:-1] + "ه") if v.endswith("ت") else (v,):
                        if key(form) not in A.OWNABLE:
                            continue
                        hits = [h for h in self.lex.table.get((key(form),), []) if h.kind == "agent"]
                        if hits:
                            return hits
                        if key(form) in A.GENERIC_HEADS:
                            return [_MEMBERS]  # "ثلاثة من عناصرها": members of the owner, coded as it
        return []

    def _starts(self, norm: str) -> tuple[tuple[int, int, str], ...]:
        """(pass, clitic reading index, key) of every reading of a word that can start a phrase."""
        # `first_keys(norm, g)` of the three passes, sharing the clitic readings and their keys.
        variants = clitic_variants(norm)
        keys = [key(v) for v in variants]
        readings = (keys, [gkey(k) for k in keys], [strict(v) for v in variants])
        out = []
        for p, (firsts, pass_keys) in enumerate(zip(self.lex.first_words(), readings, strict=True)):
            if firsts.isdisjoint(pass_keys):
                continue  # most words start nothing: one set test per pass
            for n_k, k0 in enumerate(dict.fromkeys(pass_keys)):
                if k0 in firsts:
                    out.append((p, n_k, k0))
        return tuple(out)

    def _scan(self, s: Sent) -> list[Unit]:
        """Greedy longest lexicon matches (the first word may carry clitics: وموسكو).

        Vocabulary (agents) matches on plain keys, multi-word names on g-folded keys, places
        on strict forms; one-word names strictly (`_single`).
        """
        units, i, n = [], 0, len(s.words)
        lex = self.lex
        passes = ((lex.table, lex.prefixes, s.keys), (lex.names, lex.name_prefixes, s.gkeys),
                  (lex.places, lex.place_prefixes, s.skeys))
        readings = s.readings
        while i < n:
            found: Unit | None = None
            reading = readings[i]
            if reading.key:
                for p, n_k, k0 in reading.starts:
                    table, prefixes, keys = passes[p]
                    cur, j = (k0,), i + 1
                    while True:
                        hits = table.get(cur)
                        if hits and (found is None or j > found.j):
                            found = Unit(i, j, hits, clitic=n_k > 0 and k0 != keys[i])
                        elif hits and found is not None and j == found.j:
                            found.hits = [*found.hits, *(h for h in hits if h not in found.hits)]
                        if cur not in prefixes or j >= n or not keys[j]:
                            break
                        cur = (*cur, keys[j])
                        j += 1
                if found is None and reading.owned:
                    found = Unit(i, i + 1, reading.owned, owned=True)
                if found is None or found.j == i + 1:
                    single = reading.single
                    if single:
                        hits = [*(found.hits if found else []), *single]
                        found = Unit(i, i + 1, hits, clitic=found.clitic if found else False)
            if found:
                units.append(found)
                i = found.j
            else:
                i += 1
        return units

    def _single(self, norm: str) -> list[Hit]:
        """One-word dictionary names, strictly (clitics allowed: ولافروف)."""
        return self._readings[norm].single

    def _find_single(self, norm: str) -> list[Hit]:
        """`_single` without the memo: the first clitic reading that is a one-word name."""
        for v in clitic_variants(norm):
            hits = self.lex.single.get(strict(v))
            if hits and (v.startswith("ال") or not self.lex.definite(strict(v))):
                return hits
        return []

    # -- context ------------------------------------------------------------------------
    def _location(self, sents: list[Sent]) -> str | None:
        """The country the article is set in: country names and cities, locatives weigh more."""
        dateline = self._dateline(sents)
        if dateline is not None:
            return dateline  # "القاهرة - …": the story is filed from there
        score = self._place_scores(sents)
        if not score:
            return None
        ranked = score.most_common(2)
        top, top_score = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        return top if top_score >= 2 and top_score > second else None

    @staticmethod
    def _dateline(sents: list[Sent]) -> str | None:
        """The country of a place that opens the article before a dash ("بغداد - …")."""
        if not sents or not sents[0].units or not _dateline_place(sents[0], sents[0].units[0]):
            return None
        h = sents[0].units[0].best("country", "city", "capital")
        return None if h is None or h.code in _NO_STATE else h.code

    def _place_scores(self, sents: list[Sent], phrases: bool = False) -> Counter[str]:
        """Weight of each country among the places named; ``phrases`` counts PETRARCH place
        phrases coded by a country alone too ("شمال العراق")."""
        score: Counter[str] = Counter()
        for s in sents:
            for u in s.units:
                h = u.best("country", "city", "capital")
                if h is None and phrases and not u.best("agent"):
                    h = u.best("actor")
                    if h is None or h.person or len(h.code or "") != 3:
                        continue
                elif not h or u.best("actor", "agent"):
                    continue
                if h.code in _NO_STATE:
                    continue
                # a dateline ("بغداد - …") says where the report is from
                locative = _locative(s, u.i) or _dateline_place(s, u)
                w = (2.0 if locative else 1.0) * (0.5 if h.kind == "capital" and not locative else 1.0)
                score[h.code] += w
        return score

    # -- coding a phrase -----------------------------------------------------------------
    def _core_sector(self, k: str) -> str | None:
        hits = [h for h in self.lex.lookup((k,)) if h.kind == "agent" and h.priority >= 3]
        return hits[0].code if hits else None

    def _code_units(self, s: Sent, i: int, j: int, date: str | None,
                    linked: dict[tuple[int, int], Entity]) -> tuple[str | None, str | None]:
        """(country, sector) of the agent phrase over words [i, j) of sentence ``s``.

        The head noun gives the sector, a nationality/country/named actor the country;
        places after a locative word (في البصرة) describe where, not who, and are ignored.
        """
        country = None
        sectors: list[str] = []  # in phrase order
        owner = False  # a named actor within the phrase
        for u in s.units:
            if u.i < i or u.j > j:
                continue
            member = u.i == i + 2 and s.keys[i] in A.GENERIC_HEADS  # "مسؤول في وزارة الدفاع": of, not where
            if u.i > i and _locative(s, u.i) and not u.best("agent") and not member:
                break
            if u.best("none"):
                continue
            ent = linked.get((s.index, u.i))
            if ent is not None and ent.actor is not None and u.i > i:
                owner = True
                country = country or ent.actor.country
                if ent.type == "ORG" and ent.actor.sector:
                    sectors.append(ent.actor.sector)
                continue
            actor = u.best("actor")
            if actor and actor.person and u.j - u.i == 1 and u.best("adjective", "country", "capital"):
                actor = None  # "السوداني" after a title is the nationality, not al-Sudani
            if actor and actor.entry is not None and not u.best("agent"):
                office = _office_for(actor.entry, date, set())
                c, sec = split_code(office.code if office else None)
                country = country or c or actor.entry.country
                if sec and not actor.person:
                    sectors.append(sec)
                elif not sec:
                    # a PETRARCH phrase coded by country alone ("مسؤول أمريكي" USA): its own
                    # agent words still say who (مسؤول -> GOV)
                    sectors.extend(c for c in (self._core_sector(k) for k in s.keys[u.i : u.j]) if c)
                continue
            ag = u.best("agent")
            place = u.best("adjective", "country", "capital") or (u.best("city") if u.i > i and not ag else None)
            if place:
                country = country or place.code  # a city after the head: "محافظ نينوى", "شرطة البصرة"
            if ag:
                if ag.priority < 3 and u.j - u.i > 1:
                    core = [c for c in (self._core_sector(k) for k in s.keys[u.i : u.j]) if c]
                    sectors.extend(core or [ag.code])  # type: ignore[list-item]
                else:
                    sectors.append(ag.code)  # type: ignore[arg-type]
        keys = s.keys[i:j]
        head = keys[0] if keys else ""
        if head[:1] in ("و", "ف") and head[1:] in A.PHRASE_HEADS:
            head = head[1:]  # "وفصائل المعارضة": the conjunction is no part of the head
        if head in A.BELONGING_HEADS and owner and sectors[1:] == []:
            sectors = []  # "قافلة للأمم المتحدة" is the UN's convoy, not a military one
        head_armed = head in A.ARMED_HEADS
        sector = None
        if sectors:
            first = sectors[0]
            if head in A.GENERIC_HEADS and len(sectors) > 1 and sectors[1] != "GOV":
                sector = sectors[1]  # "قوات الأمن" is police, "زعماء طالبان" rebels
            else:
                sector = min(sectors, key=lambda x: A.SECTOR_ORDER.index(x) if x in A.SECTOR_ORDER else 99)
                if sector == "GOV" and first not in ("GOV", "LEG", "JUD", "PTY"):
                    sector = first  # "مسؤولين عسكريين" is MIL; a GOV modifier never downgrades
        if set(keys[1:]) & A.OPPOSITION and not (sectors and sectors[0] == "CVL"):
            sector = "REB" if head_armed else "OPP"  # protesters opposing X stay civilians
        elif set(keys[1:]) & A.REGIME and head_armed:
            sector = "MIL"
        if sector == "UAF" and country is not None:
            sector = "REB"  # an armed group with a known affiliation is no longer unidentified
        return country, sector

    def _link(self, s: Sent, i: int, j: int, etype: str) -> Hit | None:
        """Best dictionary reading of a mention: exact phrase, surname, then consonant skeleton."""
        while i < j and not s.gkeys[i]:
            i += 1  # a mention that starts on punctuation ("/ عبدالمعطي الدهلوي")
        keys = tuple(s.gkeys[i:j])
        if not keys or "" in keys:
            return None
        if j - i == 1:
            hits = [h for h in self._single(s.words[i].norm) if h.kind == "actor"]
            if etype == "PER":
                hits = [h for h in hits if h.person] or hits
            if hits:
                return max(hits, key=lambda h: h.priority)
        for k0 in first_keys(s.words[i].norm, True) if j - i > 1 else ():
            hits = self.lex.names.get((k0, *keys[1:]), [])
            if etype == "PER":
                hits = [h for h in hits if h.person] or hits
            if hits:
                return max(hits, key=lambda h: h.priority)
        if etype != "PER":
            return None
        for cut in range(j - 1, i + 1, -1):  # "سلمان بن عبد العزيز آل سعود": a known name + lineage
            if s.words[cut].norm in _LINEAGE:
                hits = [h for h in self.lex.names.get(tuple(s.gkeys[i:cut]), []) if h.person]
                if hits:
                    return max(hits, key=lambda h: h.priority)
        lone = next((strict(v) for v in clitic_variants(s.words[i].norm) if strict(v) in self.lex.surnames
                     and (v.startswith("ال") or not self.lex.definite(strict(v)))), None)  # أسد ≠ الأسد
        if len(keys) == 1 and lone:  # a lone surname; a different first name is another person
            entry = self.lex.surnames[lone][0]
            return Hit("actor", entry.country, entry=entry, person=True, priority=4)
        if len(keys) >= 2:
            cands = {id(e): e for e in self.lex.skeletons.get(skeleton(keys), [])}
            if len(cands) == 1:
                entry = next(iter(cands.values()))
                return Hit("actor", entry.country, entry=entry, person=True, priority=3)
            # "نيكولاس ساركوزي" for the listed "نيكولا ساركوزي": a known surname borne by one
            # actor, with a given name one letter away from one of its listed forms.
            owners = self.lex.surnames.get(strict(s.words[j - 1].norm), [])
            given = {keys[0], gkey(s.words[i].norm)}
            if len(owners) == 1 and len(keys[0]) >= 4 and any(
                _one_edit(a, b) for v in owners[0].ar if len(v.split()) >= 2
                for b in (gkey(key(fold(v.split()[0]))), gkey(fold(v.split()[0]))) for a in given
            ):
                return Hit("actor", owners[0].country, entry=owners[0], person=True, priority=3)
        return None

    def _title(self, s: Sent, start_word: int) -> tuple[int, str | None, str | None, set[str]]:
        """Title words just before a name: (first word index, country, sector, keys)."""
        i = start_word
        if i > 0 and s.words[i - 1].text in ",،":
            i -= 1  # "مساعد وزير الخارجية الإيراني، حسين جابري"
        while i > 0:
            ok, u = self._title_word(s, i - 1)
            if not ok and u is not None and u.j == i and u.i > 0 and u.best("agent") and s.keys[u.i - 1] == _FOR:
                ok = True  # "المتحدث باسم المتمردين الحوثيين": the body spoken for
            if not ok:
                if _conjoined_title(s, i - 1):
                    i -= 1  # "ونظيره الأمريكي جون كيري": the conjunction opens the title
                break
            if (i < start_word and s.keys[i] in A.TITLE_WORDS and _definite(s.words[i].norm)
                    and s.keys[i] not in A.RANKS and s.keys[i - 1] not in A.TITLE_WORDS
                    and s.keys[i - 1].endswith("ي") and _definite(s.words[i - 1].norm)
                    and i >= 2 and s.keys[i - 2] in A.INSTITUTIONS):
                # "اعتقلت الشرطة الإسرائيلية الصحفي الفلسطيني": the body and its adjective end the
                # verb's subject; the title begins after them ("العاهل السعودي الملك سلمان" is one)
                break
            i = u.i if u is not None and u.j == i else i - 1
        while i < start_word and (s.keys[i] in ("في", "باسم", *_POSTED) or s.words[i].text in ",،"):
            i += 1
            if s.keys[i - 1] in ("في", *_POSTED):
                # "استقبل … في القاهرة رئيس الوزراء الفلسطيني", "وصل إلى دمشق المبعوث الأممي":
                # where, not the office
                while i < start_word and s.keys[i] not in A.TITLE_WORDS:
                    i += 1
        end = start_word
        while end > i and s.words[end - 1].text in ",،":
            end -= 1
        keys = set(s.keys[i:end])
        if i < end and (bare := _conjoined_title(s, i)):
            keys = (keys - {s.keys[i]}) | {bare}
        if A.office_sector(keys) is None and not keys & A.COUNTERPART:
            return start_word, None, None, set()
        country = None
        for u in s.units:
            if i <= u.i and u.j <= end:
                if u.i > i and s.keys[u.i - 1] in _POSTED:
                    continue  # "المبعوث الخاص إلى اليمن": the posting, not whose envoy
                h = u.best("actor")
                if h and h.entry is not None and not h.person:
                    country = country or h.entry.country
                    continue
                h = u.best("adjective", "country", "capital")
                if h:
                    country = country or h.code
        # "قائد" leads an army or a police force alike: the institution named decides; a
        # spokesman is coded as the body spoken for (the rebels' spokesman is a rebel).
        sector = A.office_sector(keys - A.COMMANDER) or A.office_sector(keys)
        if _FOR in s.keys[i:end]:
            body_country, body_sector = self._code_units(s, s.keys.index(_FOR, i) + 1, end, None, {})
            country, sector = country or body_country, body_sector or sector
        return i, country, sector, keys

    @staticmethod
    def _title_word(s: Sent, w: int) -> tuple[bool, Unit | None]:
        """(word ``w`` can belong to an office phrase, its lexicon unit): a title word, a
        nationality, country or capital, or an organisation ("وزير خارجية حزب الله")."""
        u = next((u for u in s.units if u.i <= w < u.j), None)
        actor = u.best("actor") if u is not None else None
        if actor is not None and actor.person and s.keys[w] not in A.TITLE_WORDS:
            return False, u  # a name; its title word is still a title ("الملك" of "الملك سلمان")
        return s.keys[w] in A.TITLE_WORDS or (u is not None and (
            u.best("adjective", "country", "capital") is not None or actor is not None)), u

    def _title_after(self, text: str, s: Sent, j: int) -> tuple[int, int, str | None, str | None]:
        """An office set off after a name ending before word ``j`` by a comma or a closing quote
        ("ثاباتيرو» رئيس الوزراء الإسباني", "X، وزير الخارجية الأمريكي"): (first, end word,
        country, sector); (j, j, None, None) if none. Without the mark the words after a name
        are as often its verb's object ("استقبل X وزير الخارجية")."""
        none = (j, j, None, None)
        k = j + 1 if j < len(s.words) and s.words[j].text in ",،" else j
        if k >= len(s.words) or s.keys[k] not in A.TITLE_WORDS:
            return none
        if k == j and not (j > 0 and any(q in text[s.words[j - 1].end:s.words[j].start] for q in "»\"”")):
            return none
        end = k
        while end < len(s.words) and end - k < 7:
            ok, u = self._title_word(s, end)
            if not ok:
                break
            end = u.j if u is not None and u.j > end else end + 1
        first, country, sector, _ = self._title(s, end)
        return (first, end, country, sector) if first <= k < end and (country or sector) else none

    # -- main ---------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        run = _Run(self, doc)
        run.link_ner()
        run.add_dictionary_actors()
        for ent in doc.entities:
            run.code_entity(ent)
        run.agents()
        merge_same_referents(doc, keep_apart=run.unnamed)
        return doc

    def code_span(self, doc: Document, start: int, end: int, context: bool = False) -> Actor | None:
        """Actor code of an arbitrary span of an already processed document (evaluation).

        An entity mention at the start of the span gives its actor; otherwise the words are
        coded as an agent phrase, then any entity inside is used. ``context=False`` drops a
        country that came only from the article's location (doc.meta["actor_from_location"]).
        """
        run = _Run(self, doc)
        loc = run.words_of(start, end)
        if loc is None:
            return None
        s, i, j = loc
        from_location = set(doc.meta.get("actor_from_location", ()))

        def strip(ent: Entity) -> Actor | None:
            a = ent.actor
            if a is None or context or ent.id not in from_location:
                return a
            return Actor(a.sector, None, a.sector, a.wikidata)

        inside = [(w, run.linked[(s.index, w)]) for w in range(i, j) if (s.index, w) in run.linked]
        if inside and inside[0][0] <= i + 1 and inside[0][1].actor and inside[0][1].actor.code:
            return strip(inside[0][1])
        country, sector = self._code_units(s, i, j, run.date, run.linked)
        if country is None and context:
            country = run.location
        if country is not None or sector is not None:
            return Actor(_code(country, sector), country, sector, None)
        for w, ent in inside:
            if not _locative(s, w) and ent.actor and ent.actor.code:
                return strip(ent)
        return None


class _Run:
    """State of one document while the stage processes it."""

    def __init__(self, stage: ActorStage, doc: Document) -> None:
        self.st, self.doc, self.lex = stage, doc, stage.lex
        self.sents = stage._sentences(doc)
        self.by_sent = {s.index: s for s in self.sents}
        self.date = (doc.published or "")[:10] or None
        self.location = stage._location(self.sents)
        doc.meta["actor_location"] = self.location
        self._where: dict[int, str | None] | None = None  # sentence index -> country (`where`)
        self.word_at: dict[int, tuple[int, int]] = {}
        for s in self.sents:
            for wi, w in enumerate(s.words):
                self.word_at[w.start] = (s.index, wi)
        self.starts = sorted(self.word_at)
        self.counter = max((int(e.id[1:]) for e in doc.entities if e.id[1:].isdigit()), default=0)
        self.covered: set[tuple[int, int]] = set()
        self.linked: dict[tuple[int, int], Entity] = {}
        self.entry_entity: dict[int, Entity] = {}
        self.hits: dict[str, Hit | None] = {}
        self.unnamed: set[str] = set()  # ids of unnamed agents: their name is a label, not an identity
        for ent in doc.entities:  # a re-run (code_span) sees the entities already there
            for m in ent.mentions:
                loc = self.words_of(m.start, m.end)
                if loc:
                    self.claim(ent, *loc)

    def words_of(self, start: int, end: int) -> tuple[Sent, int, int] | None:
        """Sentence and word range overlapping [start, end) (NER may cut clitics: و|موسكو)."""
        lo = max(0, bisect.bisect_right(self.starts, start) - 1)
        hi = bisect.bisect_left(self.starts, end, lo)  # words starting before ``end``
        pos = []
        for off in self.starts[lo:hi]:
            si, wi = self.word_at[off]
            if self.by_sent[si].words[wi].end > start:
                pos.append((si, wi))
        if not pos:
            return None
        si = pos[0][0]
        idx = [wi for s_, wi in pos if s_ == si]
        return self.by_sent[si], idx[0], idx[-1] + 1

    def claim(self, ent: Entity, s: Sent, i: int, j: int) -> None:
        for w in range(i, j):
            self.covered.add((s.index, w))
        self.linked[(s.index, i)] = ent

    def where(self, s: Sent) -> str | None:
        """The article's country, unless sentence ``s`` names places of another country only
        ("… في محافظة هكاري جنوب شرقي تركيا"): a round-up of several countries puts each report
        where it says."""
        if self._where is None:  # once per article, in order: a sentence may carry the place before
            self._where, before = {}, None
            for t in self.sents:
                before = self._where[t.index] = self._placed(t, before)
        return self._where[s.index]

    def _placed(self, s: Sent, before: str | None) -> str | None:
        here = self.st._place_scores([s], phrases=True) if len(self.sents) > 1 else None
        if not here or self.location in here:
            # with no country for the whole article, a sentence stays where the last one was
            # ("وفي اليمن، قتل …" … "وقالت الحكومة …")
            return before if not here and self.location is None and before else self.location
        top, weight = here.most_common(1)[0]
        unique = sum(v == weight for v in here.values()) == 1
        return top if weight >= 2 and unique else self.location

    def nationality_word(self, m: Span) -> bool:
        """One word that the lexicon reads as a nationality adjective (روسي، الأمريكية)."""
        loc = self.words_of(m.start, m.end)
        if loc is None or loc[2] - loc[1] != 1:
            return False
        s, i, _ = loc
        u = next((u for u in s.units if u.i == i and u.j == i + 1), None)
        return u is not None and u.best("adjective") is not None and u.best("agent") is None

    def new_entity(self, etype: str) -> Entity:
        self.counter += 1
        ent = Entity(id=f"E{self.counter}", type=etype)  # type: ignore[arg-type]
        self.doc.entities.append(ent)
        return ent

    def span(self, s: Sent, i: int, j: int) -> Span:
        return self.doc.span(s.words[i].start, s.words[j - 1].end)

    def unit_start(self, s: Sent, u: Unit) -> int:
        """Where a match's text begins: after the proclitics it matched without ("بطائرات" ->
        "طائرات", "ولافروف" -> "لافروف"), so that the event rules see the preposition."""
        w = s.words[u.i]
        if u.clitic:
            raw = self.doc.text[w.start : w.end]
            for cut in (2, 1):
                if len(raw) - cut >= 3 and all(c in "وفبلك" for c in raw[:cut]) and any(
                        n_k == 0 for _, n_k, _ in self.st._starts(fold(raw[cut:]))):
                    return w.start + cut
        return w.start

    def unit_span(self, s: Sent, u: Unit, end: int | None = None) -> Span:
        return self.doc.span(self.unit_start(s, u), s.words[(end or u.j) - 1].end)

    # 1. NER entities: link every mention to the dictionary.
    def link_ner(self) -> None:
        doc = self.doc
        for ent in list(doc.entities):
            if ent.type == "PER" and all(self.nationality_word(m) for m in ent.mentions):
                # "وصل دبلوماسي روسي": the tagger's "person" is the adjective of the phrase
                doc.entities.remove(ent)
                doc.mentions = [m for m in doc.mentions if m.entity != ent.id]
                continue
            best: tuple[int, Hit] | None = None
            for n, m in enumerate(ent.mentions):
                loc = self.words_of(m.start, m.end)
                if loc is None:
                    continue
                s, i, j = loc
                if ent.type in ("GPE", "LOC"):
                    i, j = self.widen_place(ent, n, s, i, j)
                elif ent.type == "PER" and j - i >= 3:
                    # "المتحدث باسم الجيش الوطني الليبي أحمد المسماري" tagged from الليبي: a
                    # phrase or nationality ending inside the name ends the title before it
                    cut = next((u.j for u in s.units if u.i < i < u.j <= j - 2
                                and not any(h.person for h in u.hits if h.kind == "actor")), None)
                    if cut is None and self.nationality_word(self.span(s, i, i + 1)):
                        cut = i + 1
                    if cut is not None:
                        self.move_mention(ent, n, s, cut, j)
                        i = cut
                hit = self.st._link(s, i, j, ent.type)
                wider = next((u for u in s.units if u.i <= i and j <= u.j and (u.j - u.i) > (j - i)), None)
                if wider is not None and wider.best("actor") is not None and (hit is None or hit.priority < 5) \
                        and not _named_after(ent, wider):
                    hit = wider.best("actor")  # "الملك حسين" as one dictionary phrase beats the bare name
                if hit and (best is None or (hit.priority, j - i) > (best[1].priority, best[0])):
                    best = (j - i, hit)
            longest = max((len(m.text.split()) for m in ent.mentions), default=0)
            if best is not None and best[0] == 1 and longest >= 2 and ent.type == "PER":
                best = None  # "محمد حسنين هيكل" is not whoever else is called هيكل
            entry = best[1].entry if best else None
            if entry is not None and id(entry) in self.entry_entity:
                # One actor split over two NER entities (سيرغي لافروف … لافروف): merge.
                first = self.entry_entity[id(entry)]
                first.mentions.extend(ent.mentions)
                for k, v in list(self.linked.items()):
                    if v is ent:
                        self.linked[k] = first
                doc.entities.remove(ent)
                continue
            if entry is not None:
                self.entry_entity[id(entry)] = ent
            self.hits[ent.id] = best[1] if best else None

    def widen_place(self, ent: Entity, n: int, s: Sent, i: int, j: int) -> tuple[int, int]:
        """A place the tagger cut short of a listed multiword name ("جنوب أفريقيا" tagged
        "أفريقيا") takes the whole name, so that no rule reads جنوب as a direction before it."""
        wider = next((u for u in s.units if u.i <= i and j <= u.j and u.j - u.i > j - i
                      and u.best("country", "capital") and not u.best("agent")), None)
        if wider is None or any((s.index, w) in self.covered and self.linked.get((s.index, w)) is not ent
                                for w in range(wider.i, wider.j) if not i <= w < j):
            return i, j
        self.move_mention(ent, n, s, wider.i, wider.j, self.unit_span(s, wider))
        return wider.i, wider.j

    def move_mention(self, ent: Entity, n: int, s: Sent, i: int, j: int, span: Span | None = None) -> None:
        """Mention ``n`` of ``ent`` now covers words [i, j) (and so does the tagger's record)."""
        old, ent.mentions[n] = ent.mentions[n], span or self.span(s, i, j)
        if ent.name_ar == old.text:
            ent.name_ar = ent.mentions[n].text
        for m in self.doc.mentions:
            if (m.start, m.end) == (old.start, old.end):
                m.start, m.end, m.text = ent.mentions[n].start, ent.mentions[n].end, ent.mentions[n].text
        if self.linked.get((s.index, i - 1)) is ent:  # a word trimmed off the front is free again
            del self.linked[(s.index, i - 1)]
            self.covered.discard((s.index, i - 1))
            ent.title = None  # the tagger's title stopped before that word; read it again
        self.claim(ent, s, i, j)

    # 2. Dictionary actors NER missed (full names and listed variants).
    def add_dictionary_actors(self) -> None:
        for s in self.sents:
            for u in s.units:
                h = u.best("actor")
                if not h or h.entry is None or h.entry.source != "curated":
                    continue
                if any((s.index, w) in self.covered and not self.named_place(s, w, u) for w in range(u.i, u.j)):
                    continue
                if u.j - u.i == 1 and u.best("agent", "adjective", "country", "capital", "city"):
                    continue  # a lone common word is not a name
                if u.j - u.i == 1 and u.j < len(s.keys) and s.keys[u.j] in A.DEGREE_ADJECTIVES:
                    continue  # "بحماس شديد": with great enthusiasm, no organisation
                if u.j - u.i == 1 and s.words[u.i].text.rstrip("ةه").endswith("ئ"):
                    continue  # final hamza-on-ya: an adjective (الوضع هادئ), folded like هادي
                ent = self.entry_entity.get(id(h.entry))
                if ent is None:
                    ent = self.new_entity("PER" if h.person else "ORG")
                    self.entry_entity[id(h.entry)] = ent
                    self.hits[ent.id] = h
                ent.mentions.append(self.unit_span(s, u))
                self.claim(ent, s, u.i, u.j)

    def named_place(self, s: Sent, w: int, u: Unit) -> bool:
        """Word ``w`` is a place the organisation phrase ``u`` is named after (السعودية of
        "التحالف بقيادة السعودية"): the phrase is an actor of its own around it."""
        for ent in self.doc.entities:
            for m in ent.mentions:
                loc = self.words_of(m.start, m.end)
                if loc is not None and loc[0] is s and loc[1] <= w < loc[2]:
                    return _named_after(ent, u)
        return False

    # 3. Code one entity.
    def code_entity(self, ent: Entity) -> None:
        st, doc = self.st, self.doc
        hit = self.hits.get(ent.id)
        title_country = title_sector = None
        title_keys: set[str] = set()
        for m in sorted(ent.mentions, key=lambda sp: sp.start) if ent.type == "PER" else []:
            loc = self.words_of(m.start, m.end)
            if loc is None:
                continue
            s, i, _ = loc
            ti, tc, tsec, tkeys = st._title(s, i)
            if ti < i:
                end = i
                while end > ti and s.words[end - 1].text in ",،":
                    end -= 1
                lead = s.words[ti].start + (1 if _conjoined_title(s, ti) else 0)  # not the و of "ونظيره"
                ent.title = ent.title or doc.text[lead : s.words[end - 1].end]
                title_country, title_sector = title_country or tc, title_sector or tsec
                title_keys |= tkeys
                self.covered.update((s.index, w) for w in range(ti, i))
        longest = max(ent.mentions, key=lambda m: len(m.text)).text if ent.mentions else ""
        if hit is not None and hit.entry is not None:
            entry = hit.entry
            office = _office_for(entry, self.date, title_keys)
            country, sector = split_code(office.code if office else None)
            country = country or entry.country
            if _former(entry, self.date) and entry.type == "PER":
                sector = "ELI"  # CAMEO's elites: former officials (ساركوزي in 2015)
            ent.name = entry.name if entry.source == "curated" else romanize(entry.ar[0])
            ent.name_ar = entry.ar[0] if entry.source == "curated" else longest
            if entry.source != "curated":
                name, sector = self.english_name(ent, country, sector)
                ent.name = name or ent.name
            place = self.place_of(ent) if ent.type == "GPE" and entry.source != "curated" else None
            if place is not None and place[0] == country and place[1] == "country":
                # "هددت المملكة العربية السعودية": a listed country name is the country's, and
                # acts as the state as the one-word names do
                ent.name = self.lex.countries[country]["en"] if country in self.lex.countries else ent.name
                sector = sector or ("GOV" if self.acts(ent) else None)
            ent.actor = Actor(_code(country, sector), country, sector, entry.wikidata)
            return
        ent.name_ar = ent.name_ar or longest
        if ent.type == "PER":
            ent.name = ent.name or romanize(ent.name_ar)
            if title_country is None and title_sector is None:
                title_country, title_sector = self.title_after(ent) or (None, None)
            if title_country is None and title_sector is None and ent.mentions:
                loc = self.words_of(ent.mentions[0].start, ent.mentions[0].end)
                # NER took a role phrase for a name ("زعماء طالبان"); a name that merely
                # contains a listed one ("محمد الإبراهيمي") is someone else
                if loc and any(loc[1] <= u.i and u.j <= loc[2] and u.best("agent") for u in loc[0].units):
                    title_country, title_sector = st._code_units(*loc, self.date, self.linked)
            if title_country is None and title_sector == "OPP" and ent.mentions and ent.title:
                # "اعتقلت قوات الأمن التونسية الناشط السياسي أحمد الصواب": a dissident is the place's,
                # as the role alone would be
                loc = self.words_of(ent.mentions[0].start, ent.mentions[0].end)
                title_country = self.where(loc[0]) if loc else None
            ent.actor = Actor(_code(title_country, title_sector), title_country, title_sector, None)
            return
        place = self.place_of(ent)
        if ent.type in ("GPE", "LOC") and place:
            code, kind = place
            row = self.lex.countries.get(code)
            if kind in ("country", "capital"):
                ent.name = ent.name or (row["en"] if row else romanize(ent.name_ar))
                sector = "GOV" if ent.type == "GPE" and self.acts(ent) else None
            else:  # a city or region: located in a country, not a state actor
                ent.name = ent.name or romanize(ent.name_ar)
                sector = None
            ent.actor = Actor(_code(code, sector), code, sector, None)
            return
        ent.name = ent.name or romanize(ent.name_ar)
        for m in ent.mentions:  # organisations: code the mention as an agent phrase
            loc = self.words_of(m.start, m.end)
            if loc:
                c, sec = st._code_units(*loc, self.date, {})
                if c or sec:
                    name, sec = self.english_name(ent, c, sec)
                    ent.name = name or ent.name
                    ent.actor = Actor(_code(c, sec), c, sec, None)
                    return
        title = self.title_after(ent)  # a person the tagger typed ORG: «X» رئيس الوزراء
        if title is not None:
            ent.actor = Actor(_code(*title), *title, None)

    def english_name(self, ent: Entity, country: str | None, sector: str | None) -> tuple[str | None, str | None]:
        """(English name, sector) of an organisation the dictionary does not name: a ministry
        ("Ministry of Foreign Affairs (Iran)", a defence ministry MIL) or agent words only
        ("الجيش اللبناني" → "Lebanon military"); (None, sector) for a name to transcribe."""
        row = self.lex.countries.get(country or "")
        places = [loc for m in ent.mentions if ent.type == "ORG" and (loc := self.words_of(m.start, m.end))]
        for s, i, j in places:
            if found := A.ministry(s.keys[i:j], row["en"] if row else country):
                return found[0], found[1] or sector
        if any(_common_words(self.lex, *loc) for loc in places):
            return _label(self.lex, country, sector), sector
        return None, sector

    def title_after(self, ent: Entity) -> tuple[str | None, str | None] | None:
        """(country, sector) of an office set off after one of the entity's mentions; sets
        the entity's title."""
        for m in ent.mentions:
            loc = self.words_of(m.start, m.end)
            if loc:
                s, _, j = loc
                first, end, country, sector = self.st._title_after(self.doc.text, s, j)
                if country or sector:
                    ent.title = ent.title or self.doc.text[s.words[first].start:s.words[end - 1].end]
                    return country, sector
        return None

    def place_of(self, ent: Entity) -> tuple[str, str] | None:
        """(country, kind) of a GPE/LOC entity from a country, capital or city name."""
        for m in ent.mentions:
            loc = self.words_of(m.start, m.end)
            if loc is None:
                continue
            s, i, j = loc
            for u in s.units:
                if i <= u.i < j:
                    h = u.best("country", "capital", "city", "adjective")
                    if h and h.code:
                        return h.code, h.kind
            if j - i == 1:  # inside a longer phrase ("التحالف بقيادة السعودية"): the word alone
                words = [*self.lex.table.get((s.keys[i],), ()), *self.lex.places.get((s.skeys[i],), ())]
                kinds = ("country", "capital", "city", "adjective")  # السعودية is both; the country first
                h = min((h for h in words if h.code and h.kind in kinds), key=lambda h: kinds.index(h.kind), default=None)
                if h is not None:
                    return h.code, h.kind
        return None

    def acts(self, ent: Entity) -> bool:
        """A country/capital acts as a state unless every mention follows a locative word."""
        for m in ent.mentions:
            loc = self.words_of(m.start, m.end)
            if loc and not _locative(*loc[:2]):
                return True
        return False

    def _mentioned(self, lo: int, hi: int, pred) -> list[tuple[int, Entity]]:
        """(start, entity) of the mentions starting in [lo, hi) of entities satisfying ``pred``."""
        return [(m.start, e) for e in self.doc.entities if pred(e) for m in e.mentions if lo <= m.start < hi]

    def last_before(self, offset: int, pred) -> Entity | None:
        found = self._mentioned(0, offset, pred)
        return max(found, key=lambda x: x[0])[1] if found else None

    def pair_before(self, offset: int, types: tuple[str, ...]) -> list[Entity]:
        """The two parties a dual refers to: the last two entities before ``offset`` coded
        with different countries, of the first of ``types`` that has two; else none."""
        for etype in types:
            found = sorted(self._mentioned(0, offset, lambda e, t=etype: e.type == t and e.actor is not None
                                           and e.actor.country is not None), key=lambda x: -x[0])
            pair: list[Entity] = []
            for _, ent in found:
                if all(ent is not p and ent.actor.country != p.actor.country for p in pair):
                    pair.append(ent)
                if len(pair) == 2:
                    return pair
        return []

    def first_in_clause(self, s: Sent, offset: int) -> Entity | None:
        """The first entity with a country code in the clause of sentence ``s`` (from its last
        comma or semicolon) before ``offset``."""
        lo = s.words[0].start
        for w in s.words:
            if w.start >= offset:
                break
            if w.text in ",،;؛":
                lo = w.end
        found = self._mentioned(lo, offset, _has_country)
        return min(found, key=lambda x: x[0])[1] if found else None

    def duals(self, s: Sent) -> None:
        """"وبحث الجانبان", "أكد الوزيران": a mention of both parties just named."""
        for w, word in enumerate(s.words):
            types = A.DUALS.get(word.norm)
            if types is None or (s.index, w) in self.covered:
                continue
            for ant in self.pair_before(word.start, types):
                ant.mentions.append(self.span(s, w, w + 1))
                self.claim(ant, s, w, w + 1)

    # 4. Unnamed agents, states acting, anaphors.
    def agents(self) -> None:
        doc, st = self.doc, self.st
        groups: dict[tuple, Entity] = {}
        for s in self.sents:
            self.duals(s)
            units = s.units
            k = 0
            while k < len(units):
                u = units[k]
                k += 1
                if any((s.index, w) in self.covered for w in range(u.i, u.j)):
                    continue
                wkeys = set(s.keys[u.i : u.j])
                start_off = self.unit_start(s, u)
                if wkeys & A.LATTER and u.j - u.i == 1 and not (u.i > 0 and s.words[u.i - 1].norm.startswith(_ARTICLES)):
                    # (after a definite noun it is its adjective: "التصعيد الأخير", the latest escalation)
                    ant = self.last_before(start_off, lambda e: e.type == "PER")
                    if ant is not None:
                        ant.mentions.append(self.unit_span(s, u))
                        self.claim(ant, s, u.i, u.j)
                    continue
                back = A.BACK_REFERENCES.get(s.keys[u.i]) if u.j - u.i == 1 else None
                if back and s.words[u.i].norm.startswith(_ARTICLES) and not (
                        u.j < len(s.words) and s.words[u.j].norm.startswith("ال")):  # "الحزب الحاكم" describes
                    ant = self.last_before(start_off, lambda e, head=back: e.type == "ORG" and fold(
                        e.name_ar or "").removeprefix("ال").startswith(head))
                    if ant is not None:
                        ant.mentions.append(self.unit_span(s, u))
                        self.claim(ant, s, u.i, u.j)
                        continue
                if u.best("none"):
                    continue
                head = u.best("agent")
                if u.j - u.i == 1 and s.keys[u.i] in A.SOURCE_HEADS and self.extend(s, u) > u.j:
                    head = _SOURCE  # "مصدر في الشرطة العراقية": a source inside a body speaks for it
                pet = u.best("actor")
                if head is None and pet is not None and pet.entry is not None and pet.entry.source != "curated":
                    head = pet  # a PETRARCH actor phrase ("شرطة مصري") codes like an agent phrase
                elif head is not None and head.priority < 3 and (u.j - u.i == 1 or self.st._core_sector(s.keys[u.i]) is None):
                    head = None  # single PETRARCH agent nouns code phrases but do not start them
                if head is not None and (_adjectival(s, u) or _wrong_gender(s, u)):
                    continue
                if head is None:
                    if u.best("country", "capital", "actor") is None:
                        if not self.state_act(s, u, groups):
                            self.people(s, u, groups)
                    else:
                        self.state(s, u, groups)
                    continue
                end = self.extend(s, u)
                # a PETRARCH phrase headed by an office noun ("الرئيس الفرنسي") names a person
                person = head.person or (head is pet and any(
                    h.kind == "agent" and h.person for h in self.lex.table.get((s.keys[u.i],), ())))
                if person and any(
                    (s.index, w) in self.linked and self.linked[(s.index, w)].type == "PER" for w in range(u.j, end + 1)
                ):
                    continue  # a title before a name, already on the named entity
                country, sector = st._code_units(s, u.i, end, self.date, self.linked)
                counterpart = bool(wkeys & A.COUNTERPART)
                located = False
                if _possessive(s, u):
                    # "أعلنت روسيا أن قواتها", "اعلن الجيش مقتل أحد جنوده": the forces of the
                    # clause's first actor with a country, else of the nearest earlier one.
                    owner = self.first_in_clause(s, start_off) or self.last_before(start_off, _has_country)
                    if owner is not None and owner.actor is not None:
                        country = country or owner.actor.country
                        if owner.actor.sector in ("REB", "UAF", "CRM") and sector in ("MIL", "REB", "UAF"):
                            sector = owner.actor.sector  # a rebel group's forces are rebels
                        sector = sector or owner.actor.sector
                elif counterpart:
                    ant = self.last_before(start_off, lambda e: e.type == "PER" and e.actor is not None)
                    if ant is not None and ant.actor is not None:
                        sector = ant.actor.sector or sector
                elif country is None and sector in _LOCAL_SECTORS and self.where(s) and s.keys[u.i] not in _STRIKES and not any(
                        w.norm in _FOREIGN for w in s.words[u.i:end + 1]):  # "قوات أجنبية" are not the place's
                    country = self.where(s)  # the sentence's country, else the article's, when clear
                    located = True
                etype = "PER" if person else "ORG"
                text = doc.text[start_off : s.words[end - 1].end]
                holder = next((e for e in doc.entities if etype == "PER" and e.type == "PER" and e.title
                               and self.hits.get(e.id) is not None and fold(e.title) == fold(text)), None)
                if holder is None and etype == "PER" and country and not located and end - u.i == 2 and _definite(
                        s.words[u.i].norm):
                    # "الوزير الصيني", "الرئيس الأمريكي": the named person of that country met last
                    holder = self.last_before(start_off, lambda e, c=country: (
                        e.type == "PER" and e.actor is not None and e.actor.country == c
                        and self.hits.get(e.id) is not None and e.id not in self.unnamed))
                if holder is not None:  # "وزير الدفاع الروسي" again: the named holder of that title
                    holder.mentions.append(self.unit_span(s, u, end))
                    self.claim(holder, s, u.i, end)
                    continue
                gkey = (" ".join(s.keys[u.i : end]), _code(country, sector))
                ent = groups.get(gkey) if etype == "ORG" else None
                if ent is None:
                    ent = self.new_entity(etype)
                    ent.name_ar = text
                    ent.name = _label(self.lex, country, sector)
                    ent.actor = Actor(_code(country, sector), country, sector, None)
                    if etype == "PER":
                        ent.title = text
                    groups[gkey] = ent
                    self.unnamed.add(ent.id)
                ent.mentions.append(self.unit_span(s, u, end))
                self.claim(ent, s, u.i, end)
                if located:
                    doc.meta.setdefault("actor_from_location", []).append(ent.id)
                while k < len(units) and units[k].i < end:
                    k += 1

    def extend(self, s: Sent, u: Unit) -> int:
        """End word of an agent phrase: nationality, country, opposition/regime words, linked names."""
        end = u.j
        n = len(s.words)
        mods = A.OPPOSITION | A.REGIME | A.LINKERS
        while end < n:
            w = s.words[end]
            if w.text in ",،.":
                break
            unit = next((x for x in s.units if x.i == end), None)
            conj = w.norm[:1] in ("و", "ف") and unit is not None and unit.clitic
            if conj:
                break
            # a definite word is never modified by an indefinite one: "اعتقلت قوات الأمن مسلحين",
            # "زار الوزير جنوب أفريقيا" name the verb's object
            after_definite = _definite(s.words[end - 1].norm) and not _definite(w.norm)
            if s.keys[end] in mods:
                if after_definite:
                    break
                end += 1
                continue
            if (unit is None and _definite(s.words[u.i].norm) and _definite(w.norm) and w.norm not in _NOT_ADJECTIVES
                    and strip_proclitics(w.norm).endswith(("ي", "يه"))):
                end += 1  # an agreeing definite adjective (رجال الأمن المركزي المصري)
                continue
            if end == u.j == u.i + 1 and s.keys[u.i] in A.GENERIC_HEADS:
                # "ضابط شرطة", "ضابطا في الشرطة", "عنصرين من الأمن": a member noun takes the
                # sector of the body it belongs to (``_code_units`` reads it from there).
                at = end + 1 if s.keys[end] in ("في", "من") else end
                body = next((x for x in s.units if x.i == at), None)
                agent = body.best("agent") if body is not None else None
                actor = body.best("actor") if body is not None and agent is None else None
                if (agent is not None and not agent.person and not body.best("none", "country", "capital")) or (
                        actor is not None and actor.entry is not None and not actor.person and self.st._core_sector(s.keys[at])):
                    end = body.j  # "ضابط في الشرطة", "مصدر في الشرطة العراقية" (a listed phrase)
                    continue
                group = self.linked.get((s.index, at)) if at > end else None
                if group is not None and group.type == "ORG" and group.actor is not None and group.actor.sector:
                    # "مسؤول في وزارة الدفاع العراقية": a member of a named, coded body
                    end = self.mention_end(group, s, at, at + 1)
                    continue
            after_for = end + 1 if s.words[end].norm == "باسم" else end if s.words[end - 1].norm == "باسم" else None
            if end == u.j and after_for is not None and after_for < n:
                # "المتحدثة باسم البنتاغون": the spokesperson speaks for, and is coded as, the body
                group = self.linked.get((s.index, after_for))
                body = next((x for x in s.units if x.i == after_for), None)
                if group is not None and group.actor is not None and group.actor.code:
                    end = body.j if body is not None else after_for + 1
                    continue
                if body is not None and body.best("agent"):
                    end = self.extend(s, body)
                    continue
                if body is not None and body.best("actor") is not None:
                    end = body.j  # a dictionary phrase ("الحكومة العراقية")
                    continue
                break
            if s.keys[end] == "من" and end + 1 < n:
                nxt = next((x for x in s.units if x.i == end + 1), None)
                if _possessive(s, u):
                    break  # "سحب قواتها من سوريا": whose forces is said; "من" gives where from
                if nxt is not None and nxt.best("country", "adjective") and not nxt.best("agent"):
                    end = nxt.j
                    continue
                group = self.linked.get((s.index, end + 1))
                if group is not None and group.type == "ORG" and group.actor is not None and group.actor.sector:
                    # "مسلحين من حركة الشباب", "عناصر من حزب الله": members of a named group.
                    end += 1
                    continue
                break
            if unit is not None and unit.best("adjective", "country", "capital") and not unit.best("agent"):
                if after_definite:
                    break
                end = unit.j
                continue
            if (unit is not None and end == u.j and unit.best("city") and not unit.best("agent", "actor")
                    and not _definite(s.words[end - 1].norm)):
                end = unit.j  # "محافظ نينوى", "شرطة البصرة": the office or force of a place, in construct
                continue
            ent = self.linked.get((s.index, end))
            if ent is not None and ent.type in ("PER", "ORG") and (unit is None or not unit.best("agent")):
                j = end + 1
                while j < n and (s.index, j) in self.covered and (s.index, j) not in self.linked:
                    j += 1
                # the whole mention, with a place it is named after ("طائرات التحالف بقيادة السعودية")
                end = max(j, self.mention_end(ent, s, end, j))
                continue
            break
        return end

    def mention_end(self, ent: Entity, s: Sent, at: int, default: int) -> int:
        """End word of ``ent``'s mention that starts at word ``at`` of sentence ``s``."""
        return max((loc[2] for m in ent.mentions if (loc := self.words_of(m.start, m.end))
                    and loc[0] is s and loc[1] == at), default=default)

    def state(self, s: Sent, u: Unit, groups: dict[tuple, Entity]) -> None:
        """A bare country or capital acting as a state (موسكو -> RUSGOV) becomes a GPE entity."""
        place = u.best("country", "capital")
        if place is None or u.best("actor") is not None or (u.best("adjective") and _definite(s.words[u.i].norm)):
            return
        if _locative(s, u.i):
            return
        row = self.lex.countries.get(place.code or "")
        self.grouped(groups, s, u, (place.code, "state"), "GPE", row["en"] if row else place.code,
                     row["names"][0] if row else None, Actor(f"{place.code}GOV", place.code, "GOV", None))

    def grouped(self, groups: dict[tuple, Entity], s: Sent, u: Unit, group: tuple, etype: str, name: str | None,
                name_ar: str | None, actor: Actor) -> Entity:
        """The document's one entity for ``group`` (made on first sight), with this mention added."""
        ent = groups.get(group)
        if ent is None:
            ent = self.new_entity(etype)
            ent.name = name
            ent.name_ar = name_ar or self.doc.text[self.unit_start(s, u) : s.words[u.j - 1].end]
            ent.actor = actor
            groups[group] = ent
        ent.mentions.append(self.unit_span(s, u))
        self.claim(ent, s, u.i, u.j)
        return ent

    def people(self, s: Sent, u: Unit, groups: dict[tuple, Entity]) -> None:
        """A definite or counted plural nationality standing as a noun ("اتهم الأمريكيون الروس",
        "آلاف الأتراك", "من النيباليين", "مقتل خمسة فلسطينيين") names that people: its country,
        no sector. After a definite
        noun it is that noun's adjective ("الجنود الأمريكيون") and codes the phrase instead."""
        adj = u.best("adjective")
        if adj is None or adj.code is None or u.j - u.i != 1 or adj.code in _NO_STATE:
            return
        norm = s.words[u.i].norm
        base = strip_proclitics(norm)
        prev = s.words[u.i - 1] if u.i > 0 else None
        counted = prev is not None and is_quantity(prev.norm)  # "خمسة فلسطينيين", "3 أمريكيين"
        if (not (counted or _definite(norm)) or base.endswith(("ي", "يه"))
                or not s.words[u.i].text[-1:].isalpha()):
            return  # "الروسي", "الروسية": a singular adjective
        if prev is not None and ((prev.norm.startswith(_ARTICLES) and not prev.text.startswith("آ"))
                                 or s.keys[u.i - 1] in A.ARMED_HEADS):
            return  # "آلاف الأتراك" is a count of Turks: آ is no article
        row = self.lex.countries.get(adj.code)
        ent = self.grouped(groups, s, u, (adj.code, "people"), "ORG", f"people of {row['en'] if row else adj.code}",
                           None, Actor(adj.code, adj.code, None, None))
        self.unnamed.add(ent.id)

    def state_act(self, s: Sent, u: Unit, groups: dict[tuple, Entity]) -> bool:
        """A nationality adjective after an act of state ("قصف إسرائيلي", "الاتهامات الأمريكية",
        "بوساطة مصرية") names that state acting: its military or its government."""
        adj = u.best("adjective")
        if adj is None or adj.code is None or u.j - u.i != 1 or u.i == 0 or adj.code in _NO_STATE:
            return False
        sector = A.state_act_sector(s.words[u.i - 1].norm)
        if sector is None or _definite(s.words[u.i].norm) != _definite(s.words[u.i - 1].norm):
            return False  # the adjective agrees with its noun in definiteness
        row = self.lex.countries.get(adj.code)
        label = A.SECTOR_LABELS[sector]
        ent = self.grouped(groups, s, u, (adj.code, sector, "act"), "ORG", f"{row['en'] if row else adj.code} {label}",
                           None, Actor(_code(adj.code, sector), adj.code, sector, None))
        self.unnamed.add(ent.id)
        return True


_FOR = phrase_key("باسم")[0]
_POSTED = tuple(phrase_key(w)[0] for w in A.POSTED_TO)
# The head of "مصدر في الشرطة": a phrase of its own only with the body it belongs to.
_SOURCE = Hit("agent", None, priority=3)


def _by_context(sents: list[Sent]) -> None:
    """A name that is two states' ("عمان": Amman, JOR's capital, and Oman) reads as the one the
    article's unambiguous places and nationality adjectives name most (العماني -> Oman); on a
    tie the lexicon's order stands."""
    context: Counter[str] = Counter()
    ambiguous = []
    for s in sents:
        for u in s.units:
            if len({h.code for h in u.hits if h.kind in ("country", "capital")}) > 1:
                ambiguous.append(u)
                continue
            h = u.best("adjective", "country", "capital", "city")
            if h is not None and h.code:
                context[h.code] += 1
    for u in ambiguous:
        u.hits = sorted(u.hits, key=lambda h: -context[h.code] if h.code else 0)


def _label(lex: Lexicon, country: str | None, sector: str | None) -> str:
    """The name of an unnamed actor: "Iraq police", "military"."""
    row = lex.countries.get(country or "")
    label = A.SECTOR_LABELS.get(sector or "", "actor")
    return f"{row['en'] if row else country} {label}" if country else label


def _common_words(lex: Lexicon, s: Sent, i: int, j: int) -> bool:
    """Words [i, j) are agent nouns and nationalities only ("الجيش اللبناني", PETRARCH's
    "جيش لبناني"), no name of their own to spell."""
    return j > i and all(any(h.kind in ("agent", "adjective") for h in lex.table.get((k,), ())) for k in s.keys[i:j])


def _named_after(ent: Entity, u: Unit) -> bool:
    """A place inside a listed organisation's name: the organisation is not the place."""
    h = u.best("actor")
    return ent.type in ("GPE", "LOC") and h is not None and h.entry is not None and h.entry.type == "ORG" \
        and h.entry.source == "curated"


def _conjoined_title(s: Sent, w: int) -> str | None:
    """The key of title word ``w`` behind a conjunction ("ونظيره" -> نظير), else None."""
    norm = s.words[w].norm
    if norm[:1] not in ("و", "ف") or len(norm) < 4 or s.keys[w] in A.TITLE_WORDS:
        return None
    k = phrase_key(norm[1:])
    return k[0] if len(k) == 1 and k[0] in A.TITLE_WORDS else None


def _one_edit(a: str, b: str) -> bool:
    """The two words differ by one inserted, deleted or replaced letter (or not at all)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    k = next((n for n, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[k:] == long_[k + 1:]


def _has_country(ent: Entity) -> bool:
    return ent.actor is not None and ent.actor.country is not None




# The article with the proclitics that may come before it (folded).
_ARTICLES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")


def _definite(norm: str) -> bool:
    return any(v.startswith("ال") for v in (norm, norm[1:], norm[2:]))


def _locative(s: Sent, i: int) -> bool:
    """A place word after a locative preposition or place noun (في لندن، وفي لندن، أحياء أثينا)."""
    prev = s.words[i - 1].norm if i else ""
    if prev[:1] in ("و", "ف") and prev[1:] in A.LOCATIVE:
        prev = prev[1:]
    return prev in A.LOCATIVE or s.words[i].norm.startswith(("في", "بال"))


def _dateline_place(s: Sent, u: Unit) -> bool:
    """The unit opens its sentence and a dash follows it ("بغداد - …")."""
    return u.i == 0 and u.j < len(s.words) and is_dash(s.words[u.j].text)


def _adjectival(s: Sent, u: Unit) -> bool:
    """A one-word agent nisba after a definite noun (التقارير الصحفية) or after a thing (مؤتمر
    صحفي) is an adjective."""
    if u.j - u.i != 1 or u.i == 0:
        return False
    w = s.words[u.i].norm
    base = strip_proclitics(w)
    if (not _definite(w) and base.endswith(("ي", "يه", "يا"))
            and any(key(v) in A.NISBA_HEADS for v in clitic_variants(s.words[u.i - 1].norm))):
        return True  # "مؤتمر صحفي", "موقعا عسكريا": the adjective of a thing
    if not (base.endswith("ي") or base.endswith("يه")):
        return False
    if base.endswith("ي") and key(w) in A.FEMININE_ONLY:
        return True  # "بشكل دوري" is not "دورية"
    prev = s.units and next((x for x in s.units if x.i <= u.i - 1 < x.j), None)
    if prev and prev.best("actor") and _definite(w):
        return True  # "تنظيم داعش الإرهابي": an epithet of the name before it
    return _definite(s.words[u.i - 1].norm) and _definite(w) and not (prev and prev.best("agent"))


def _wrong_gender(s: Sent, u: Unit) -> bool:
    """A one-word agent listed without ة met with ة is another word (محافظ / محافظة); met
    with the pronoun ه (جنوده) it is the same word, possessed (`_possessive`)."""
    if u.j - u.i != 1:
        return False
    norm = s.words[u.i].norm
    w = strip_proclitics(norm)
    if any(not v.endswith("ه") and v + "ه" in A.FEMININE_FORMS for v in clitic_variants(norm)):
        return True  # "وزار" (and visited) is not وزارة, "بطلب" (by request) not طلبة
    if w in A.FEMININE_FORMS and s.words[u.i].text.endswith("ه") and not _definite(norm):
        return True  # "طلبه" (his request), "شرطه" (his condition): not طلبة، شرطة
    # "والسياحة" (and tourism) is not سياح (tourists), "بمحافظة" (in the province) no governor:
    # the key of the word without its clitics
    return any(v.endswith("ه") and key(v) in A.MASCULINE_ONLY for v in clitic_variants(norm)) and not _possessive(s, u)


def _possessive(s: Sent, u: Unit) -> bool:
    """An agent noun carrying a pronoun suffix: قواتها، مقاتليهم (`Unit.owned`), or جنوده —
    raw ه, not ة, after an ownable noun listed without ة."""
    if u.owned:
        return True
    return (u.j - u.i == 1 and s.words[u.i].text.endswith("ه") and s.keys[u.i] in A.MASCULINE_ONLY
            and s.keys[u.i] in A.OWNABLE and strip_proclitics(s.words[u.i].norm).endswith("ه"))


def merge_same_referents(doc: Document, keep_apart: Collection[str] = ()) -> None:
    """One entity per referent: entities that linking gave the same identity become one.

    NER groups mentions by spelling; linking can show that different spellings name the
    same actor (واشنطن / الولايات المتحدة / أمريكا acting as the US state). Ids are
    renumbered E1.. in order of first mention; later stages only ever see the merged ids.
    Unnamed agents (``keep_apart``) are never merged by their label: "قوات أجنبية" and
    "جنود أفغان" are both "military" but not one actor.
    """
    keep: dict[tuple[str, str, str | None], Entity] = {}
    renamed: dict[str, Entity] = {}
    for ent in doc.entities:
        named = ent.name and ent.id not in keep_apart
        key = (ent.type, ent.name, ent.actor.code if ent.actor else None) if named else None
        target = keep.get(key) if key else None
        if target is None:
            if key:
                keep[key] = ent
            renamed[ent.id] = ent
            continue
        seen = {(m.start, m.end) for m in target.mentions}
        target.mentions += [m for m in ent.mentions if (m.start, m.end) not in seen]
        target.title = target.title or ent.title
        renamed[ent.id] = target
    survivors = list({id(ent): ent for ent in renamed.values()}.values())
    for ent in survivors:
        ent.mentions.sort(key=lambda sp: sp.start)
    survivors.sort(key=lambda e: e.mentions[0].start if e.mentions else 1 << 30)
    new_id = {id(ent): f"E{i}" for i, ent in enumerate(survivors, 1)}
    old_to_new = {old: new_id[id(ent)] for old, ent in renamed.items()}
    for ent in survivors:
        ent.id = new_id[id(ent)]
    for m in doc.mentions:
        if m.entity in old_to_new:
            m.entity = old_to_new[m.entity]
    if "actor_from_location" in doc.meta:
        doc.meta["actor_from_location"] = [old_to_new.get(x, x) for x in doc.meta["actor_from_location"]]
    doc.entities = survivors
