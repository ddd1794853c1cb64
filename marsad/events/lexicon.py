"""The Arabic trigger lexicon: load ``triggers_ar.tsv``, expand inflections, match tokens.

Entries are written as a citation form plus a kind (perfect verb, imperfect stem, noun,
exact form, phrase); loading generates the inflected surface forms so that matching a
token is a dictionary lookup on its clitic/suffix readings (``clitic_variants`` x
``suffix_variants``), never a regex scan.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from marsad.document import Token
from marsad.text.normalize import fold
from marsad.text.tokens import clitic_variants, suffix_variants

RESOURCE = Path(__file__).resolve().parent.parent / "resources" / "events" / "triggers_ar.tsv"

# Inflection endings (folded). Sources: standard Arabic verb/noun paradigms (Wright's
# grammar; Buckwalter morphology tables), reduced to the endings news prose uses.
# Perfect: 3ms -, 3fs ت, 3mp وا, 3md ا, 3fd تا, 3fp ن, 1p نا, 2mp تم; object pronouns after 3mp وه…
_PERFECT_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "وه", "وها", "وهم", "و")
# Imperfect: person prefixes (with future س) and endings: mp ون/وا, dual ان/ا, fp ن, 2fs ين.
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا", "سي", "ست", "سن")
_IMPERFECT_ENDINGS = ("", "ون", "وا", "ان", "ا", "ن", "ين", "وه", "وها", "وهم", "و")
# Nouns/participles: sound plurals, duals, accusative tanwin alef.
_NOUN_ENDINGS = ("", "ا", "ان", "ين", "ون", "ات", "ي", "يه")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry (a citation form and its event coding)."""

    type: str
    mode: str | None
    cameo: str
    kind: str
    form: str  # as written in the file
    strong: bool
    context: tuple[str, ...]
    words: tuple[str, ...]  # folded words; len > 1 for phrases
    line: int

    @property
    def head_kind(self) -> str:
        """How the first word inflects: the kind, or for a phrase (P) the kind of its first word;
        an exact form shaped like a perfect verb (دعت، نفوا، التقت) reads as a verb."""
        if self.kind == "X" and (self.form.endswith("وا") or (self.form.endswith("ت") and not self.form.endswith("ات"))):
            return "V"
        return self.form[:1] if self.kind == "P" else self.kind

    @property
    def participle(self) -> bool:
        """An exact adverbial participle (مطالبا، داعيا، رافضا، محذرا): it has the subject of
        the clause it follows."""
        w = self.words[0]
        return (self.kind == "X" and len(self.words) == 1 and w.endswith("ا") and not w.endswith("وا")
                and (w.startswith("م") or (len(w) == 5 and w[1] == "ا")))


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger matched on tokens ``first..last`` (inclusive) of one sentence."""

    trigger: Trigger
    first: int  # index into doc.tokens
    last: int


def _noun_forms(w: str) -> set[str]:
    out = {w + e for e in _NOUN_ENDINGS}
    if w.endswith("ه"):  # ta marbuta: مظاهرة -> مظاهرات / مظاهرتان / مظاهرتين / مظاهرته
        base = w[:-1]
        out |= {base + "ات", base + "تان", base + "تين", base + "ت"}
    if w.endswith("ي"):  # nisba adjective: انتحاري -> انتحاريه / انتحاريون / انتحاريين
        out |= {w + "ه", w + "ون", w + "ين", w + "ات"}
    return out


def _perfect_forms(w: str) -> set[str]:
    if w.endswith("ي") or w.endswith("ا"):  # defective verbs are listed with explicit forms
        return {w}
    return {w + e for e in _PERFECT_ENDINGS}


def _imperfect_forms(stem: str) -> set[str]:
    return {p + stem + e for p in _IMPERFECT_PREFIXES for e in _IMPERFECT_ENDINGS}


def surface_forms(kind: str, word: str) -> set[str]:
    """All folded surface forms generated for one word of an entry of ``kind``."""
    if kind == "V":
        return _perfect_forms(word)
    if kind == "I":
        return _imperfect_forms(word)
    if kind == "N":
        return _noun_forms(word)
    return {word}


class TriggerLexicon:
    """Trigger entries indexed by every generated surface form of their first word."""

    def __init__(self, path: Path = RESOURCE) -> None:
        self.entries: list[Trigger] = []
        self.index: dict[str, list[Trigger]] = {}
        self.stop: set[str] = set()
        self.stop_phrases: dict[str, list[tuple[str, ...]]] = {}  # first word -> whole phrases
        self.stop_gapped: dict[str, set[str]] = {}  # verb form -> words that may follow it a little later
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if len(cols) < 6:
                raise ValueError(f"{path.name}:{number}: expected 7 tab-separated columns")
            etype, mode, cameo, kind, form, strength = cols[:6]
            context = cols[6] if len(cols) > 6 else "-"
            first_kind = kind
            text = form
            if kind == "P":
                first_kind, _, text = form.partition(":")
            words = tuple(fold(w) for w in text.split())
            if etype == "STOP":
                gapped = kind == "P" and ":" in form
                if not gapped:
                    words = tuple(fold(w) for w in form.split())
                if gapped:
                    # "V:احتل المرتبة": an inflected verb with that word up to four tokens later,
                    # its subject between ("احتل الممثل الأمريكي المرتبة الأولى") - a rank, not
                    # an occupation.
                    for first in surface_forms(first_kind, words[0]):
                        self.stop_gapped.setdefault(first, set()).add(words[1])
                elif len(words) > 1:  # "الطلب على" (market demand), "مجلس التعاون" (the GCC)
                    self.stop_phrases.setdefault(words[0], []).append(words)
                else:
                    self.stop.add(words[0])
                continue
            entry = Trigger(
                type=etype,
                mode=None if mode == "-" else mode,
                cameo=cameo,
                kind=kind,
                form=form,
                strong=strength == "s",
                context=() if context in ("-", "") else tuple(c.strip() for c in context.split(",")),
                words=words,
                line=number,
            )
            self.entries.append(entry)
            for surface in surface_forms(first_kind, words[0]):
                self.index.setdefault(surface, []).append(entry)
        self.types = sorted({e.type for e in self.entries})

    @lru_cache(maxsize=100_000)  # noqa: B019 - one lexicon per process, forms recur
    def lookup(self, norm: str) -> tuple[Trigger, ...]:
        """Entries whose first word matches some clitic/suffix reading of a folded token."""
        found: list[Trigger] = []
        readings = clitic_variants(norm)
        if any(r in self.stop for r in readings):
            return ()
        for reading in readings:
            if not _clitic_order_ok(norm, reading):
                continue  # "الفائدة" is not ال + ف + ائدة
            not_verb = _not_verb(norm, reading)
            for base in suffix_variants(reading):
                for e in self.index.get(base, ()):
                    if e.head_kind in not_verb:
                        if e.head_kind != "V" or e.words[0] not in _FAAL_NOUNS or base != e.words[0]:
                            continue
                        e = _noun_twin(e)  # "بقتل": the verbal noun قَتْل, spelt as the verb
                    if e not in found:
                        found.append(e)
        return tuple(found)

    def match(self, tokens: list[Token], start: int, end: int) -> list[Hit]:
        """Hits in ``tokens[start:end]`` (one sentence), longest first, no overlaps."""
        hits: list[Hit] = []
        gapped: dict[Hit, int] = {}  # split phrase -> its second word, which no other hit may take
        blocked = self._stopped(tokens, start, end)
        for i in range(start, end):
            if i in blocked:
                continue
            entries = self.lookup(tokens[i].norm)
            if entries and (tokens[i].text.endswith("ة") or (i > start and _counts(tokens[i - 1].norm))):
                # A word written with ta marbuta is never a perfect verb (طالبة، رحلة), though it
                # folds like one with the pronoun ه (طالبه، رحله); nor is a counted word ("24 طالبا").
                entries = tuple(e for e in entries if e.head_kind != "V")
            for entry in entries:
                last = _match_rest(entry.words, tokens, i, end)
                if last is not None:
                    hits.append(Hit(entry, i, last))
                elif (second := _split_phrase(entry, tokens, i, end)) is not None:
                    # "أطلق مسلحون النار", "لقي سبعة أشخاص مصرعهم": the verb alone is the span
                    # (its subject in the gap stays free for the argument rules).
                    hit = Hit(entry, i, i)
                    hits.append(hit)
                    gapped[hit] = second
        if not hits:
            return hits
        # Longest phrase first (a split phrase counts its words, after the contiguous ones),
        # then strong before weak, then file order.
        hits.sort(key=lambda h: (-(len(h.trigger.words) - 1 if h in gapped else h.last - h.first), h in gapped,
                                 not h.trigger.strong, h.trigger.line))
        taken: set[int] = set()
        kept: list[Hit] = []
        for h in hits:
            # "ووقعت مصر والسعودية اتفاقية": the phrase's object is no event of its own
            span = set(range(h.first, h.last + 1)) | ({gapped[h]} if h in gapped else set())
            if span & taken:
                continue
            taken |= span
            kept.append(h)
        kept.sort(key=lambda h: h.first)
        return kept

    def _stopped(self, tokens: list[Token], start: int, end: int) -> set[int]:
        """Token indices inside a STOP phrase (its later words with or without ال)."""
        blocked: set[int] = set()
        if not self.stop_phrases and not self.stop_gapped:
            return blocked
        for i in range(start, end):
            for r in clitic_variants(tokens[i].norm):
                for words in self.stop_phrases.get(r, ()):
                    last = _match_rest(words, tokens, i, end)
                    if last is not None:
                        blocked.update(range(i, last + 1))
                later = self.stop_gapped.get(r)
                if later and any(tokens[j].norm in later or "ال" + tokens[j].norm in later
                                 for j in range(i + 1, min(end, i + 5))):
                    blocked.add(i)
        return blocked


# Form I verbs whose verbal noun is spelt like the perfect (قَتَلَ / قَتْل): after ب/ل/ال they are
# that noun. Not the doubled-middle Form II verbs that look the same unvocalised (حذّر → تحذير,
# رحّب → ترحيب, فجّر → تفجير), whose bare spelling is another noun (حَذَر caution, فجر dawn).
_FAAL_NOUNS = frozenset(fold(w) for w in (
    "قتل", "جرح", "خطف", "ذبح", "سحل", "ضرب", "طعن", "قصف", "نحر", "دهس", "رشق", "فتح", "حمل", "قطع",
    "رفع", "بحث", "طلب", "رفض", "منع", "قبض", "طرد", "حكم", "فرض", "حشد", "نشر", "وعد", "شجب",
))


@cache
def _noun_twin(entry: Trigger) -> Trigger:
    """The verbal-noun reading of a Form I perfect verb entry (قتل، ذبح، قصف: فَعْل)."""
    form = "N" + entry.form[1:] if entry.kind == "P" else entry.form
    return replace(entry, kind="P" if entry.kind == "P" else "N", form=form)


_NUMBER_WORDS = frozenset(fold(w) for w in (
    "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشر", "عشرين", "ثلاثين", "أربعين",
    "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "مائة", "مئة", "ألف"))


def _counts(norm: str) -> bool:
    """A number, in digits or words, before a noun ("24 طالبا", "ثلاثة طلاب")."""
    return norm.isdigit() or norm in _NUMBER_WORDS


def _clitic_order_ok(norm: str, reading: str) -> bool:
    """Proclitics stand in the order conjunction, preposition, article (وبال، فل، لل): nothing
    after ال, and never و and ف together."""
    if not norm.endswith(reading):
        return True  # لل -> ال readings
    prefix = norm[: len(norm) - len(reading)]
    if "ال" in prefix and not prefix.endswith("ال"):
        return False
    return not ("و" in prefix[:2] and "ف" in prefix[:2])


def _not_verb(norm: str, reading: str) -> tuple[str, ...]:
    """Verb kinds that ``reading`` of ``norm`` cannot be: only و/ف stand before a perfect
    verb, and و/ف/ل before an imperfect, so "بقتل" is the noun قتل, never the verb."""
    clitics = norm[: len(norm) - len(reading)]
    if not clitics.strip("وف"):
        return ()
    if not clitics.strip("وفل") and clitics.endswith("ل"):
        return ("V",)
    return ("V", "I")


def _match_rest(words: tuple[str, ...], tokens: list[Token], i: int, end: int) -> int | None:
    """Index of the last token of a phrase whose first word matched token ``i``."""
    if len(words) == 1:
        return i
    j = i
    for w in words[1:]:
        j += 1
        if j >= end:
            return None
        norm = tokens[j].norm
        if w in ("ب", "ل") and norm.startswith(w):  # "اعترف ب" + بـX: a prefix preposition
            j -= 1 if len(norm) > 1 else 0
            continue
        if norm == w or w in clitic_variants(norm) or _strip_al(w) in clitic_variants(norm):
            continue
        if any(v == w or v == _strip_al(w) for r in clitic_variants(norm) for v in suffix_variants(r)):
            continue
        return None
    return j


# A verbal phrase may have its subject between the verb and the rest (VSO: "فتح الجنود
# النار"): up to _GAP words, none of them punctuation or a preposition/particle (which would
# start another phrase: "فتح تحقيق في إطلاق النار"), except the adverbial "على الأقل".
_GAP = 3
_GAP_BREAK = frozenset(fold(w) for w in ["في", "على", "من", "عن", "الى", "مع", "ان", "او", "ثم", "الذي", "التي", "الذين", "بعد", "قبل",
                        "منذ", "حتى", "لكن", "بين", "عند", "لدى", "خلال", "اثر", "عقب"])
_GAP_SKIP = ((fold("على"), fold("الأقل")),)


def _split_phrase(entry: Trigger, tokens: list[Token], i: int, end: int) -> int | None:
    """The index of the second word of a two-word verbal phrase (kind "P", first word a perfect
    verb) whose words are split by a subject."""
    if entry.kind != "P" or not entry.form.startswith("V:") or len(entry.words) != 2:
        return None
    gap = 0
    j = i + 1
    while j < end and gap <= _GAP:
        norm = tokens[j].norm
        if j + 1 < end and (norm, tokens[j + 1].norm) in _GAP_SKIP:
            j += 2
            continue
        if gap and (_match_rest(entry.words, tokens, j - 1, end) is not None or _same_stem(entry.words[1], norm)):
            return j
        if not (norm.isalnum() or any(ch.isalpha() for ch in norm)) or norm in _GAP_BREAK:
            return None
        gap += 1
        j += 1
    return None


def _same_stem(word: str, norm: str) -> bool:
    """The token is ``word`` with another pronoun suffix (مصرعه ~ مصرعهم: "لقي سبعة أشخاص مصرعهم")."""
    stem = suffix_variants(word)[-1]
    return stem != word and any(suffix_variants(r)[-1] == stem for r in clitic_variants(norm))


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


_LEXICON: TriggerLexicon | None = None


def default_lexicon() -> TriggerLexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = TriggerLexicon()
    return _LEXICON
