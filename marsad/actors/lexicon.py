"""Matching keys and the compiled phrase lexicon (actors, countries, agents, cities).

Every dictionary phrase and every text token is reduced to a *key* so that spelling
variants meet: orthographic folding (hamza, ya/alef maqsura, ta marbuta), the article and
clitics, feminine/plural/accusative endings (الأمريكية / أمريكيون -> امريكي), and the
three letters Arabic uses for a foreign g (غ ج ك -> one class: سيرغي = سيرجي). The same
reduction applied to both sides makes lemmatised PETRARCH entries ("وزارة دفاع أميركي")
match inflected text ("وزارة الدفاع الأميركية").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.actors.dictionary import RESOURCES, Entry, load
from marsad.text.normalize import fold
from marsad.text.tokens import clitic_variants

# غ ج ك all write a foreign /g/ (Wikidata name pairs show all three for "g"): `gkey` maps
# غ and ك to ج.
# Endings removed for the key, longest first: plural/dual nisba, feminine, sound plurals,
# accusative tanween alef. Source: standard Arabic morphology (nisba adjectives).
_NISBA = ("يين", "يون", "يتين", "يتان", "يان")
_ENDINGS = ("ين", "ون")
MAX_PHRASE = 7
# Common Arabic given names that also end full names (صدام حسين, عبد الله غول): a lone one
# is never linked as a surname. Written for this project from common usage.
GIVEN_NAMES = [
    "حسين", "حسن", "علي", "محمد", "أحمد", "محمود", "عمر", "عثمان", "خالد", "سعيد", "صالح", "سلمان", "عباس",
    "موسى", "عيسى", "إبراهيم", "يوسف", "حمد", "زايد", "هادي", "قاسم", "جعفر", "رضا", "مرسي", "عون", "عبدالله",
    "فيصل", "سعود", "جاسم", "خليفة", "مصطفى", "إسماعيل", "مشعل", "طلال", "نايف", "بشار", "حافظ", "رفيق",
    "سعد", "نبيل", "عادل", "عمرو", "أيمن", "ناصر", "شعبان", "كريم", "جمال", "منصور", "فهد", "تميم",
]


@lru_cache(maxsize=300_000)
def key(norm: str) -> str:
    """Matching key of one folded token; only the article is removed here (بالاو stays whole:
    other proclitics are tried by `first_keys` on a phrase's first word)."""
    w = norm
    if (w.startswith("ال") and len(w) > 3) or (w.startswith("لل") and len(w) > 4):
        w = w[2:]
    # Each suffix list is tested whole first (one C call): most words end in none of them.
    if w.endswith(_NISBA):
        for suf in _NISBA:
            if w.endswith(suf) and len(w) - len(suf) >= 2:
                return w[: -len(suf)] + "ي"
    if (w.endswith("ه") and len(w) > 3) or (w.endswith("ا") and len(w) > 4):
        w = w[:-1]
    if w.endswith(_ENDINGS):
        for suf in _ENDINGS:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                return w[: -len(suf)]
    return w


def gkey(k: str) -> str:
    """A key with the foreign-g letters collapsed; used for names only (جندي is not كندي)."""
    # Two C-level replaces: several times faster than str.translate on short words.
    return k.replace("غ", "ج").replace("ك", "ج")


@lru_cache(maxsize=300_000)
def first_keys(norm: str, g: bool | str = False) -> tuple[str, ...]:
    """Keys of every clitic reading of a phrase-initial token (وبموسكو -> موسكو …);
    ``g=True``: name keys, ``g="strict"``: place keys."""
    if g == "strict":
        return tuple(dict.fromkeys(strict(v) for v in clitic_variants(norm)))
    return tuple(dict.fromkeys(gkey(key(v)) if g else key(v) for v in clitic_variants(norm)))


def phrase_key(text: str, g: bool = False) -> tuple[str, ...]:
    """Key of a dictionary phrase; one-letter tokens of lemmatised entries ('ل') dropped."""
    toks = [fold(t) for t in text.replace("_", " ").replace("-", " ").split()]
    return tuple(gkey(key(t)) if g else key(t) for t in toks if len(t) > 1)


@dataclass(slots=True, frozen=True)
class Hit:
    """One lexicon reading of a phrase."""

    kind: str  # "actor" | "country" | "capital" | "adjective" | "agent" | "city"
    code: str | None = None  # ISO3/IGO… for country kinds, sector for agents
    entry: Entry | None = None
    person: bool = False  # agent noun naming an individual (وزير، جندي) rather than a group
    priority: int = 0


class Lexicon:
    """All phrases keyed by their token-key tuple."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], list[Hit]] = {}
        self.prefixes: set[tuple[str, ...]] = set()  # every proper prefix of a phrase key
        # Multi-word names, keyed with the g-class folded (سيرغي لافروف = سيرجي لافروف).
        self.names: dict[tuple[str, ...], list[Hit]] = {}
        self.name_prefixes: set[tuple[str, ...]] = set()
        # Country, capital and city names, keyed by strict forms (article only removed).
        self.places: dict[tuple[str, ...], list[Hit]] = {}
        self.place_prefixes: set[tuple[str, ...]] = set()
        self.surnames: dict[str, list[Entry]] = {}
        # Strict forms of one-word names and surnames as written: with the article (الأسد) or without.
        self.article_forms: set[str] = set()
        self.bare_forms: set[str] = set()
        # One-word names match strictly (no g-class or ending folding: الجبير is not كبيرة).
        self.single: dict[str, list[Hit]] = {}
        self.skeletons: dict[tuple[str, ...], list[Entry]] = {}
        self.countries: dict[str, dict] = {}
        self._firsts: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None

    def definite(self, form: str) -> bool:
        """A name only ever written with ال: "أسد" (a lion) is not "الأسد" (Assad)."""
        return form in self.article_forms and form not in self.bare_forms

    def note_article(self, word: str, forms: set[str]) -> None:
        (self.article_forms if fold(word.strip()).startswith("ال") else self.bare_forms).update(forms)

    def add(self, text: str, hit: Hit) -> None:
        self._firsts = None
        k = phrase_key(text)
        if hit.kind == "actor" and len(k) == 1:
            self.note_article(text, strict_forms(text))
            for form in strict_forms(text):
                bucket = self.single.setdefault(form, [])
                if hit not in bucket:
                    bucket.append(hit)
            return
        if hit.kind in ("country", "capital", "city"):
            # Place names match strictly: ending rules would make الغابون "غاب".
            p = tuple(strict(fold(t)) for t in text.split() if len(t) > 1)
            if p and len(p) <= MAX_PHRASE:
                self.place_prefixes.update(p[:n] for n in range(1, len(p)))
                bucket = self.places.setdefault(p, [])
                if hit not in bucket:
                    bucket.append(hit)
            return
        if hit.kind == "actor":
            g = phrase_key(text, g=True)
            if g and len(g) <= MAX_PHRASE:
                self.name_prefixes.update(g[:n] for n in range(1, len(g)))
                bucket = self.names.setdefault(g, [])
                if hit not in bucket:
                    bucket.append(hit)
            return
        if k and len(k) <= MAX_PHRASE:
            self.prefixes.update(k[:n] for n in range(1, len(k)))
            bucket = self.table.setdefault(k, [])
            if hit not in bucket:
                bucket.append(hit)

    def lookup(self, k: tuple[str, ...]) -> list[Hit]:
        return self.table.get(k, [])

    def first_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """First words of the vocabulary, name and place phrases: the words a match can start with.

        ``w`` is one of them exactly when ``(w,)`` is a phrase or a phrase prefix. Computed on
        first use; `add` resets it.
        """
        if self._firsts is None:
            self._firsts = (frozenset(k[0] for k in self.table), frozenset(k[0] for k in self.names),
                            frozenset(k[0] for k in self.places))
        return self._firsts



@lru_cache(maxsize=300_000)
def strict(norm: str) -> str:
    """A folded word without the article (strict one-word matching)."""
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


def strict_forms(text: str) -> set[str]:
    """Strict forms of a one-word name; غ (only ever a foreign g) also as ج (not ك: هيغل/هيكل)."""
    w = strict(fold(text.strip()))
    forms = {w}
    if "غ" in w:
        forms.add(w.replace("غ", "ج"))
    return forms


def skeleton(k: tuple[str, ...]) -> tuple[str, ...]:
    """Consonant skeleton of a name key (long vowels dropped): شتاينماير ~ شتاينمير."""
    return tuple(t[:1] + "".join(c for c in t[1:] if c not in "اوي") for t in k)


def _governorates() -> Iterator[tuple[str, str]]:
    """(folded name, ISO3) of the geo gazetteer's governorates ("الأنبار", "نينوى", "ريف دمشق"):
    places of their country like its cities, so that "محافظ نينوى" and the article's setting
    know the country before the geo stage runs (the gazetteer is loaded once, shared with it)."""
    from marsad.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for name in gaz.names:
        codes = {r.country for r in gaz.candidates(name) if r.feature == "admin1" and r.country}
        if len(codes) == 1:
            yield name, codes.pop()


def build(resources: Path = RESOURCES, agents: list[tuple[str, str, bool]] | None = None,
          not_agents: list[str] | None = None, anaphors: list[str] | None = None,
          sources: Iterable[str] = ()) -> Lexicon:
    """Compile the shipped dictionary files (and the curated agent nouns) into one lexicon."""
    lex = Lexicon()
    for line in (resources / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        lex.countries[row["code"]] = row
        for n in row["names"]:
            lex.add(n, Hit("country", row["code"], priority=5))
        for a in row["adjectives"]:
            lex.add(a, Hit("adjective", row["code"], priority=4))
        for c in row["capitals"]:
            lex.add(c, Hit("capital", row["code"], priority=5))
    for line in (resources / "cities.tsv").read_text(encoding="utf-8").splitlines():
        name, code = line.split("\t")
        lex.add(name, Hit("city", code, priority=1))
    for name, code in _governorates():
        lex.add(name, Hit("city", code, priority=1))
    for line in (resources / "agents.tsv").read_text(encoding="utf-8").splitlines():
        phrase, sector = line.split("\t")
        lex.add(phrase, Hit("agent", sector, priority=1))
    for phrase, sector, person in agents or []:
        lex.add(phrase, Hit("agent", sector, person=person, priority=3))
    for phrase in anaphors or []:
        lex.add(phrase, Hit("anaphor", priority=8))
    for phrase in sources:  # "مصادر": an actor only with the body it is in (the actors stage)
        lex.add(phrase, Hit("source", priority=1))
    for phrase in not_agents or []:
        lex.add(phrase, Hit("none", priority=9))
    surname_count: dict[str, list[Entry]] = {}
    for fname, prio in (("petrarch.jsonl", 2), ("curated.jsonl", 6)):
        path = resources / fname
        if not path.exists():
            continue
        for entry in load(path):
            for variant in entry.ar:
                lex.add(variant, Hit("actor", entry.country, entry=entry, person=entry.type == "PER", priority=prio))
                k = phrase_key(variant, g=True)
                if entry.type == "PER" and len(k) >= 2:
                    lex.skeletons.setdefault(skeleton(k), []).append(entry)
                    last = variant.split()[-1]
                    if len(strict(fold(last))) >= 4:
                        for form in strict_forms(last):
                            surname_count.setdefault(form, []).append(entry)
                        lex.note_article(last, strict_forms(last))
    given = {strict(fold(n)) for n in GIVEN_NAMES}
    for k, entries in surname_count.items():
        uniq = list({id(e): e for e in entries}.values())
        if len(uniq) == 1 and k not in given:
            lex.surnames[k] = uniq
    return lex
