"""The quotes stage: direct and reported speech with speaker, relay and cue.

One left-to-right pass over the speech cues of a document (see ``cues.py``):

* a cue looks ahead for its complement: a quotation that opens right after it (direct),
  a colon, أنّ/إنّ, or the cue's own preposition ("أشار إلى", "أعرب عن") (reported);
  the tokens in between are its subject (VSO). With no subject there, the words before
  the verb in the clause are (SVO: "وكان وزير الدفاع سيرغي شويغو أعلن أن"); with none
  either, the speaker is the previous quote's (pro-drop continuations "وأضاف"، "وتابع").
* participles ("مشيرا إلى"، "مؤكدا أن"، "قائلا") continue the previous speaker.
* relays ("نقلت سي ان ان عن ترودو قولها") give ``via`` (before عن) and the speaker (after).
* trailing attributions ("…، بحسب ما أعلنه X") attribute the clause before them.
* a reported clause runs to the end of the sentence, or to the next cue, or to a
  contrastive connector ("في حين"، "بينما") that hands the sentence back to the reporter.

Quoted spans of one to three words with no cue governing them (scare quotes such as
"المسلحين", names written in quotes) are not quotes; longer quoted spans inside a reported
clause are emitted as direct quotes of that clause's speaker.

Output: ``doc.quotes``; unresolved speaker/relay text in ``doc.meta["quote_speakers"]`` and
``doc.meta["quote_vias"]`` (quote id -> surface text).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from marsad.document import Document, Quote, Token
from marsad.quotes.cues import (
    BARE_COMPLEMENTIZERS,
    COMPLEMENTIZERS,
    CUES,
    EDITORIAL,
    SAYING_NOUNS,
    Cue,
    lookup,
    word_set,
)
from marsad.quotes.marks import Quoted, find_quoted
from marsad.quotes.speakers import GOVERNING_PREPS, Resolver, Speaker, bare, is_word

#: Longest distance (tokens) between a cue and the start of its complement.
# Negators before a speech verb: no statement was made (folded).
_NEGATORS = frozenset(["لم", "ولم", "لن", "ولن", "لا", "ولا", "فلم"])
MAX_WINDOW = 20
STRICT_WINDOW = 8
#: Quoted spans with fewer words are scare quotes or names unless a cue introduces them.
MIN_QUOTE_WORDS = 4
#: How far back (sentences) a pro-drop cue looks for the previous speaker.
INHERIT_SENTENCES = 3
#: A pro-drop cue's subject may be named within this many tokens of its sentence start (VSO, with a title).
SUBJECT_REACH = 12
#: A quotation standing alone as a sentence continues the previous speaker only when this long.
STANDALONE_WORDS = 6
#: A participle's direct quotation opens within this many tokens ("قائلا: «", "مشيرا إلى أن «").
PARTICIPLE_REACH = 4

# Connectors after which the reporter, not the speaker, is talking again ("…، في حين أمهلت …").
# Folded. Source: common Arabic news discourse connectors of contrast/concurrency.
_CONTRAST = frozenset({"بينما", "فيما", "وسط", "وبينما", "وفيما"})
_NOT_CONTRAST_AFTER_FIMA = frozenset({"يتعلق", "يخص", "بعد", "يبدو", "اذا"})
# Participles of non-speech acts that end a reported clause ("…، داعيا الأطراف إلى …"). Folded.
_CLAUSE_ENDING_PARTICIPLES = frozenset({"داعيا", "داعيه", "مطالبا", "مطالبه", "متهما", "متهمه", "معربا"})
# Nouns after على that make it an adjunct ("أكد على هامش القمة أن") rather than a complement.
_PREP_ADJUNCT_NOUNS = frozenset({"هامش", "حد", "لسان", "صعيد"})
_CLAUSE_OPENERS = frozenset({"كان", "وكان", "فكان", "وكانت", "كانت", "فكانت"})
_TRIM_END = ".,،:;؛…- "
_CLAUSE_START_WORDS = frozenset({"حيث", "اذ", "وحيث"})
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي"})
# Words after which أن is not a reported clause ("قبل أن يختتم", "بعد أن"). Folded.
# "قبل أن", "إلا أن" (however), "كما أن" (moreover), "خاصة أن" (especially as), "حيث أن" (since). Folded.
_NOT_BEFORE_COMPLEMENTIZER = word_set(
    "قبل بعد منذ دون بدون حتي الي من عن الا لولا بعدما خاصه سيما رغم برغم حيث كما غير بيد مع اي ذلك لو يجب"
)
# Words before which a cue word is a noun or a relative clause ("عدم ذكر", "دون حذر", "ما قالوا"). Folded.
_NOT_BEFORE_CUE = word_set("عدم دون بدون بلا او ما مما عما بما")
# Opinion cues that report only a أنّ-clause ("رأى أن", "اعتبر أن", "زعم أن"). Folded lemmas.
_COMPLEMENT_ONLY = frozenset({"راي", "اعتبر", "زعم"})
# Sentence-final marks left inside a sentence by scraped text ("الأنظار..من"): a cue never looks past them.
_STOPS = frozenset({".", "!", "?", "؟", "…"})


@dataclass(slots=True)
class _Candidate:
    """A quoted span with its token positions and whether it can be a quote on its own."""

    q: Quoted
    open_tok: int
    close_tok: int | None  # None when unclosed (runs to paragraph end)
    words: int
    quote_like: bool
    claimed: bool = False


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Speaker
    via: Speaker
    first_tok: int = -1
    last_tok: int = -1


class QuoteStage:
    """Extract quotes from a tokenised document whose entities are known (see module doc)."""

    name = "quotes"
    arabic_only = True

    def __call__(self, doc: Document) -> Document:
        doc.quotes = []
        speakers: dict[str, str] = {}
        vias: dict[str, str] = {}
        if doc.tokens:
            found = _Extractor(doc).run()
            found.sort(key=lambda f: (f.start, -f.end))
            for n, f in enumerate(found, 1):
                qid = f"Q{n}"
                doc.quotes.append(
                    Quote(
                        qid, f.start, f.end, doc.text[f.start : f.end], f.speaker.entity, f.via.entity, f.cue, f.direct
                    )
                )
                if f.speaker.entity is None and f.speaker.text:
                    speakers[qid] = f.speaker.text
                if f.via.entity is None and f.via.text:
                    vias[qid] = f.via.text
        doc.meta["quote_speakers"] = speakers
        doc.meta["quote_vias"] = vias
        return doc


class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.toks: list[Token] = doc.tokens
        self.starts = [t.start for t in self.toks]
        self.cue_at = [lookup(t.norm) for t in self.toks]
        for k in range(1, len(self.toks)):
            if self.cue_at[k] is not None and self.toks[k - 1].norm in _NOT_BEFORE_CUE:
                self.cue_at[k] = None  # "عدم ذكر اسمه", "دون حذر من", "ما قالوا": a noun, not a cue
        n_sent = max(len(doc.sentences), self.toks[-1].sentence + 1)
        self.s_lo = [0] * n_sent
        self.s_hi = [0] * n_sent
        prev = -1
        for i, t in enumerate(self.toks):
            if t.sentence != prev:
                self.s_lo[t.sentence] = i
                prev = t.sentence
            self.s_hi[t.sentence] = i + 1
        self.cands: list[_Candidate] = []
        self.open_at: dict[int, _Candidate] = {}
        self.inside = [-1] * len(self.toks)  # token -> index of the quote-like candidate holding it
        names: list[tuple[int, int]] = []
        self.resolver = Resolver(doc, names)
        for q in find_quoted(doc.text):
            o = self._tok_at(q.open)
            if o is None:
                continue
            c = self._tok_at(q.close) if q.closed else None
            hi = c if c is not None else bisect.bisect_left(self.starts, q.close)
            words = sum(1 for k in range(o + 1, hi) if is_word(self.toks[k]))
            s, e = _strip(doc.text, q.start, q.close)
            name_like = words <= 4 and self.resolver.covered(s, e)
            cand = _Candidate(q, o, c, words, words >= MIN_QUOTE_WORDS and not name_like)
            self.cands.append(cand)
            self.open_at[o] = cand
            if cand.quote_like and q.closed:  # an unclosed mark may be a typo: keep the cues after it
                for k in range(o + 1, hi):
                    if self.inside[k] < 0:
                        self.inside[k] = len(self.cands) - 1
            elif words <= 3 and e > s:
                names.append((s, e))
        self.in_mention = [False] * len(self.toks)
        for e in doc.entities:
            for m in e.mentions:
                k = bisect.bisect_left(self.starts, m.start)
                while k < len(self.toks) and self.starts[k] < m.end:
                    self.in_mention[k] = True
                    k += 1
        self.found: list[_Found] = []
        self.reported_until = -1  # last token of the latest reported clause
        self.source_until = -1  # last token of the latest trailing source ("بحسب ما أكد X")

    def _tok_at(self, offset: int) -> int | None:
        k = bisect.bisect_left(self.starts, offset)
        return k if k < len(self.toks) and self.starts[k] == offset else None

    # -- main pass ----------------------------------------------------------------------
    def run(self) -> list[_Found]:
        for i, cue in enumerate(self.cue_at):
            if cue is None or self.inside[i] >= 0 or i <= self.reported_until or i <= self.source_until:
                continue
            if cue.kind == "trailing":
                self._trailing(i)
            else:
                self._forward(i, cue)
        self._unclaimed()
        return self.found

    def _cue_text(self, i: int) -> str:
        t = self.toks[i]
        if t.norm not in CUES and t.norm[0] in "وف" and len(t.text) > 1:
            return t.text[1:]
        return t.text

    def _forward(self, i: int, cue: Cue) -> None:
        """A verb, participle or relay cue: find its complement ahead and its speaker."""
        toks = self.toks
        sent = toks[i].sentence
        hi = self.s_hi[sent]
        limit = min(hi, i + 1 + (STRICT_WINDOW if cue.strict else MAX_WINDOW))
        if toks[i].norm in EDITORIAL or toks[i].norm[1:] in EDITORIAL:
            return
        if i > 0 and toks[i - 1].sentence == sent and toks[i - 1].norm in _NEGATORS:
            return  # "ولم تعلن أي جهة مسؤوليتها": nothing was said
        relay_at = None
        saying = None
        prep_at = None  # "أشار إلى أن": the preposition ends the subject, the complementiser opens the clause
        j = i + 1
        while j < limit:
            t = toks[j]
            cand = self.open_at.get(j)
            if cand is not None:
                if cand.quote_like and not cand.claimed:
                    if (cue.kind == "relay" and relay_at is None) or (cue.prep_required and prep_at is None):
                        break
                    if cue.lemma in _COMPLEMENT_ONLY:
                        break  # "القرى التي تعتبر خالية … «…»": an opinion verb takes only أنّ
                    if cue.kind == "participle" and j - i > PARTICIPLE_REACH:
                        break  # a participle has no subject: its quotation follows at once ("مضيفا: «…»")
                    self._emit_direct(i, cue, cand, j if prep_at is None else prep_at, relay_at, saying)
                    return
                j = (cand.close_tok if cand.close_tok is not None else j) + 1
                continue
            norm = t.norm
            if t.text in _STOPS:
                break
            if cue.lemma in _COMPLEMENT_ONLY and not (
                norm in COMPLEMENTIZERS and self._complementizer(j, cue, prep_at)
            ):
                if cand is None and norm not in COMPLEMENTIZERS and t.text != ":":
                    j += 1
                    continue
                break  # "رأوا دموعه … :" is seeing; "رأى أن" is an opinion
            if (
                t.text == ":"
                or (norm in COMPLEMENTIZERS and self._complementizer(j, cue, prep_at))
                or norm in SAYING_NOUNS
            ):
                if (cue.kind == "relay" and relay_at is None) or (cue.prep_required and prep_at is None):
                    break  # "نقل" without عن is transport; "لفت" without إلى is not speech
                if norm in SAYING_NOUNS:
                    saying = j
                marker = j if prep_at is None else prep_at
                colon = t.text != ":" and j + 1 < hi and toks[j + 1].text == ":"  # "يوضح أنه: «…»"
                nxt = self._next_opening(j + 2 if colon else j + 1)
                if nxt is not None:
                    self._emit_direct(i, cue, nxt, marker, relay_at, saying)
                    return
                if (
                    norm in SAYING_NOUNS
                    and j + 1 < hi
                    and (toks[j + 1].norm in COMPLEMENTIZERS or toks[j + 1].text == ":")
                ):
                    j += 1
                    continue
                start = j + 1 if (t.text == ":" or norm in BARE_COMPLEMENTIZERS or norm in SAYING_NOUNS) else j
                if colon:
                    start = j + 2
                self._emit_reported(i, cue, start, marker, relay_at, saying)
                return
            if cue.kind == "relay" and relay_at is None and norm == "عن":
                relay_at = j
            elif norm in cue.preps and cue.kind != "relay":
                after = toks[j + 1].norm if j + 1 < hi else ""
                if after in _PREP_ADJUNCT_NOUNS:
                    j += 1
                    continue
                if after in COMPLEMENTIZERS or self._next_opening(j + 1) is not None:
                    prep_at = j
                    j += 1
                    continue
                self._emit_reported(i, cue, j + 1, j, relay_at, saying)
                return
            other = self.cue_at[j]
            if other is not None and other.kind in ("verb", "relay") and j > i + 1:
                break
            j += 1
        self._attribute_backwards(i, cue)

    def _complementizer(self, j: int, cue: Cue, prep_at: int | None) -> bool:
        """أنّ/إنّ opens the cue's clause: not inside a name ("سي ان ان"), not after a preposition
        other than the cue's own ("قبل أن"، "بعد أن"), and followed by a word or a quote."""
        if self.in_mention[j]:
            return False
        before = self.toks[j - 1].norm if j > 0 else ""
        if before in _NOT_BEFORE_COMPLEMENTIZER and j - 1 != prep_at and before not in cue.preps:
            return False
        nxt = self.toks[j + 1] if j + 1 < len(self.toks) else None
        return (
            nxt is not None
            and nxt.sentence == self.toks[j].sentence
            and nxt.norm not in COMPLEMENTIZERS
            and (is_word(nxt) or j + 1 in self.open_at or nxt.text == ":")
        )

    def _next_opening(self, j: int) -> _Candidate | None:
        """A quote-like quotation opening at token j (possibly in the next sentence after a colon)."""
        cand = self.open_at.get(j)
        if cand is not None and cand.quote_like and not cand.claimed:
            return cand
        return None

    def _attribute_backwards(self, i: int, cue: Cue) -> None:
        """'"…"، قال الوزير': a verb with nothing ahead attributes the quotation just before it."""
        if cue.kind == "participle":
            return
        k = i - 1
        while k >= 0 and self.toks[k].text in (",", "،", "-", "–"):
            k -= 1
        if k < 0:
            return
        cand = next((c for c in self.cands if c.close_tok == k), None)
        if cand is None or not cand.quote_like or cand.claimed:
            return
        hi = self.s_hi[self.toks[i].sentence]
        speaker = self.resolver.region(i + 1, hi) or self._inherit(i, cue)
        cand.claimed = True
        s, e = _strip(self.doc.text, cand.q.start, cand.q.close)
        self.found.append(_Found(s, e, True, self._cue_text(i), speaker, Speaker(), cand.open_tok, k))

    # -- speakers -------------------------------------------------------------------------
    def _speaker(self, i: int, cue: Cue, lo: int, hi: int, relay_at: int | None) -> tuple[Speaker, Speaker]:
        res = self.resolver
        if cue.kind == "relay":
            if relay_at is None:
                return res.region(lo, hi, strict_subject=False) or Speaker(), Speaker()
            via = res.region(lo, relay_at, prefer_person=False, strict_subject=False) or Speaker()
            # the speaker stands right after عن, governed by it ("عن مسؤول أمريكي قوله")
            return res.region(relay_at + 1, hi, strict_subject=False, source=True) or Speaker(), via
        if cue.kind == "participle":
            return self._inherit(i, cue, participle=True), Speaker()
        relayed = next((k for k in range(lo, hi - 2) if self.toks[k].norm in _CITING and self.toks[k + 1].norm == "عن"), None)
        if relayed is not None:
            # "أفادت وكالة رويترز نقلا عن مصادر ملاحية بأن": the agency relays the sources
            via = res.region(lo, relayed, prefer_person=False, strict_subject=False) or Speaker()
            return res.region(relayed + 2, hi, strict_subject=False, source=True) or Speaker(), via
        speaker = res.region(lo, hi)
        if speaker is None:
            speaker = self._before_verb(i)
        if speaker is None:
            speaker = self._inherit(i, cue)
        if not speaker:
            # "وأكد على هامش القمة وزير الخارجية …": the subject after a leading adjunct.
            speaker = res.region(lo, hi, strict_subject=False, mentions_only=True) or speaker
        return speaker, Speaker()

    def _before_verb(self, i: int) -> Speaker | None:
        """SVO: the subject between the clause start (كان, sentence start, أنّ) and the verb."""
        toks = self.toks
        if toks[i].norm not in CUES:
            return None  # "… الجديدين وقالت": a verb with و opens its own clause, so no subject before it
        lo = self.s_lo[toks[i].sentence]
        opener = False
        for k in range(i - 1, lo - 1, -1):
            n = toks[k].norm
            if n in _CLAUSE_OPENERS:
                lo, opener = k + 1, True
                break
            if n in COMPLEMENTIZERS or toks[k].text == ":" or n in _CLAUSE_START_WORDS:
                lo = k + 1
                break
            cand = self.open_at.get(k)
            if cand is not None and cand.quote_like:
                lo = (cand.close_tok or k) + 1
                break
        hi = i - 1 if i - 1 > lo and toks[i - 1].norm in ("قد", "وقد") else i  # "وكانت الصحيفة قد ذكرت"
        if lo >= hi:
            return None
        res = self.resolver
        adjacent = [
            k
            for k in res.mentions_in(toks[lo].start, toks[hi - 1].end)
            if res.m_end[k] == toks[hi - 1].end and res.named(k) and not res._governed(k)
        ]
        if adjacent:
            return Speaker(res.m_id[adjacent[-1]])  # "لكن موسكو تؤكد": the name right before the verb
        if toks[hi - 1].norm.removeprefix("و") in _RELATIVES:
            # "… عبدالمحسن العطيشان الذي شدد على …": the subject is the noun before الذي.
            ks = res.mentions_in(toks[max(lo, hi - 6)].start, toks[hi - 1].start)
            ks = [k for k in ks if res.m_type[k] in ("PER", "ORG") and not res._governed(k)]
            return Speaker(res.m_id[ks[-1]]) if ks else None
        if opener:
            return res.region(lo, hi)
        if res.mentions_in(toks[lo].start, toks[hi - 1].end):
            found = res.region(lo, hi, strict_subject=False, mentions_only=True)
            if found:
                return found
        # "فالبعض يقول": a definite noun right before the verb is its subject.
        k = hi
        while k > lo and hi - k < 3 and is_word(toks[k - 1]) and toks[k - 1].norm.lstrip("وف").startswith("ال"):
            k -= 1
        if k < hi:
            return res.region(k, hi, strict_subject=False)
        return None

    def _inherit(self, i: int, cue: Cue, participle: bool = False) -> Speaker:
        """Pro-drop: the subject of the sentence's opening clause, else the previous quote's speaker.

        "والمح غوتزه إلى …، حيث قال: «…»" -> Götze; "وأضاف أن …" opening its sentence -> the
        speaker just quoted; with neither, the latest named person or organisation.
        """
        toks = self.toks
        sent = toks[i].sentence
        prev = next((f for f in reversed(self.found) if f.start < toks[i].start), None)
        prev_sent = toks[max(prev.last_tok, 0)].sentence if prev is not None else -99
        if participle and prev is not None and prev_sent == sent:
            return Speaker(prev.speaker.entity, prev.speaker.text)
        subject = self._sentence_subject(i)
        if subject is not None:
            return Speaker(subject)
        if prev is not None and sent - prev_sent <= (1 if participle else INHERIT_SENTENCES):
            return Speaker(prev.speaker.entity, prev.speaker.text)
        if participle:
            return Speaker()
        return Speaker(self.resolver.speaker_antecedent(toks[i].start))

    def _sentence_subject(self, i: int) -> str | None:
        """A named person (else organisation) in the opening phrase of the cue's sentence: the
        verb and its subject with any title ("ودعا الأمين العام لجامعة الدول العربية أحمد أبو الغيط"),
        up to the first free-standing preposition or comma ("وفي اتصال مع …" has none)."""
        res = self.resolver
        toks = self.toks
        lo = self.s_lo[toks[i].sentence]
        if lo < i and bare(toks[lo].norm) in GOVERNING_PREPS:
            # "في المقابل، اتهم …", "وفي بغداد، قال …": an opening phrase set off by a comma
            comma = next((k for k in range(lo + 1, min(i, lo + 6)) if toks[k].text in (",", "،")), None)
            if comma is not None:
                lo = comma + 1
        limit = min(i, lo + SUBJECT_REACH)
        hi = lo
        while hi < limit:
            t = toks[hi]
            if t.text in (",", "،", ":") or (bare(t.norm) in GOVERNING_PREPS and bare(t.norm) != "باسم"
                                              and not self.in_mention[hi]):
                break  # ("المتحدث باسم الجيش … أحمد المسماري": باسم is inside the title)
            hi += 1
        if hi <= lo:
            return None
        found = []
        for k in res.mentions_in(toks[lo].start, toks[hi - 1].end):
            inside_quote = any(f.start <= res.m_start[k] < f.end for f in self.found)
            if res.m_type[k] in ("PER", "ORG", "GPE") and res.named(k) and not res._governed(k) and not inside_quote:
                found.append(k)
        if not found:
            return None
        return res._pick(found, True)

    # -- emission ---------------------------------------------------------------------------
    def _emit_direct(
        self, i: int, cue: Cue, cand: _Candidate, marker: int, relay_at: int | None, saying: int | None
    ) -> None:
        speaker, via = self._speaker(i, cue, i + 1, saying if saying is not None else marker, relay_at)
        cand.claimed = True
        s, e = _strip(self.doc.text, cand.q.start, cand.q.close)
        last = cand.close_tok if cand.close_tok is not None else bisect.bisect_left(self.starts, cand.q.close) - 1
        cue_text = self.toks[saying].text if saying is not None else self._cue_text(i)
        self.found.append(_Found(s, e, True, cue_text, speaker, via, cand.open_tok, last))

    def _emit_reported(
        self, i: int, cue: Cue, start: int, marker: int, relay_at: int | None, saying: int | None
    ) -> None:
        cand = self.open_at.get(start)
        if cand is not None and cand.claimed:
            return  # "… قائلا: «…»" where the quotation is already another cue's
        end_tok = self._clause_end(start)
        if end_tok <= start:
            return
        speaker, via = self._speaker(i, cue, i + 1, saying if saying is not None else marker, relay_at)
        toks = self.toks
        s, e = _strip(self.doc.text, toks[start].start, toks[end_tok - 1].end)
        if e <= s:
            return
        cue_text = toks[saying].text if saying is not None else self._cue_text(i)
        self.found.append(_Found(s, e, False, cue_text, speaker, via, start, end_tok - 1))
        self.reported_until = end_tok - 1

    def _clause_end(self, start: int) -> int:
        """Exclusive token end of a reported clause starting at ``start``."""
        toks = self.toks
        hi = self.s_hi[toks[start].sentence]
        k = start
        while k < hi:
            if self.inside[k] >= 0:
                k += 1
                continue
            t = toks[k]
            norm = t.norm
            if k > start:
                cue = self.cue_at[k]
                if cue is not None and (
                    cue.kind in ("participle", "relay")
                    or (cue.kind == "verb" and norm not in CUES)  # "وأضاف": a new clause
                    or (cue.kind == "trailing" and toks[k - 1].text in (",", "،"))
                ):
                    break
                if norm in _CLAUSE_ENDING_PARTICIPLES and toks[k - 1].text in (",", "،"):
                    break
                if norm in _CONTRAST and not (k + 1 < hi and toks[k + 1].norm in _NOT_CONTRAST_AFTER_FIMA):
                    break
                if norm == "في" and k + 1 < hi and toks[k + 1].norm == "حين":
                    break
            k += 1
        return k

    def _trailing(self, i: int) -> None:
        """Trailing cues ("بحسب/وفقا لـ/نقلا عن X") attribute the clause before (or, fronted, after) the cue."""
        toks = self.toks
        sent = toks[i].sentence
        lo, hi = self.s_lo[sent], self.s_hi[sent]
        # The source: skip "ما" and a speech verb ("بحسب ما أعلنه", "حسبما ذكرت", "بحسب مااعلنه").
        j = i + 1
        relay_at = None
        if j < hi and toks[j].norm in ("ما", "عن", "ل", "لـ"):
            j += 1
        if j < hi and _speech_verb(toks[j].norm):
            if lookup(_unsuffix(_unma(toks[j].norm))) is CUES["نقل"]:
                for k in range(j + 1, min(hi, j + 10)):
                    if toks[k].norm == "عن":
                        relay_at = k
                        break
            j += 1
        src_end = j
        while src_end < hi and src_end - j < 12:
            t = toks[src_end]
            if (t.text in (",", "،") and src_end > j + 1 and not self._apposition(src_end, hi)) or (
                t.norm in ("بعد", "خلال", "اثناء", "عقب", "قبل") and src_end > j
            ):
                break
            src_end += 1
        res = self.resolver
        if not res.has_source(j, src_end) and not _speech_verb(toks[i + 1].norm if i + 1 < hi else ""):
            return
        self.source_until = src_end - 1
        if relay_at is not None and relay_at < src_end:
            via = res.region(j, relay_at, prefer_person=False, strict_subject=False, source=True) or Speaker()
            speaker = res.region(relay_at + 1, src_end, strict_subject=False, source=True) or Speaker()
        else:
            via, speaker = Speaker(), res.region(j, src_end, strict_subject=False, source=True) or Speaker()
        fronted = all(not is_word(toks[k]) or toks[k].norm in ("و", "ف") for k in range(lo, i))
        cue_text = self._cue_text(i)
        if fronted:
            # "وبحسب وزارة الصحة، فإن …": the content follows the source after a comma.
            if src_end >= hi or toks[src_end].text not in (",", "،"):
                return
            start = src_end + 1
            if start < hi and toks[start].norm in ("فان", "فقد", "ف"):
                start += 1
            if start >= hi:
                return
            end_tok = self._clause_end(start)
            s, e = _strip(self.doc.text, toks[start].start, toks[end_tok - 1].end)
            if e > s:
                self.found.append(_Found(s, e, False, cue_text, speaker, via, start, end_tok - 1))
                self.reported_until = max(self.reported_until, end_tok - 1)
            return
        # Content before: back to the clause start, a previous quote, or حيث/إذ.
        k = i - 1
        while k > lo and toks[k].text in (",", "،"):
            k -= 1
        end_tok = k + 1
        cand = next((c for c in self.cands if c.close_tok == k), None)
        if cand is not None and cand.quote_like and not cand.claimed and cand.open_tok == self._content_start(lo, k):
            cand.claimed = True
            s, e = _strip(self.doc.text, cand.q.start, cand.q.close)
            self.found.append(_Found(s, e, True, cue_text, speaker, via, cand.open_tok, k))
            return
        start = self._content_start(lo, k)
        if start >= end_tok:
            return
        s, e = _strip(self.doc.text, toks[start].start, toks[end_tok - 1].end)
        if e > s:
            self.found.append(_Found(s, e, False, cue_text, speaker, via, start, end_tok - 1))

    def _apposition(self, k: int, hi: int) -> bool:
        """A comma followed by a name continues the source ("مساعد وزير الخارجية، حسين جابري")."""
        res = self.resolver
        if k + 1 >= hi:
            return False
        ks = res.mentions_in(self.toks[k + 1].start, self.toks[min(hi, k + 4) - 1].end)
        return bool(ks) and res.m_start[ks[0]] == self.toks[k + 1].start

    def _content_start(self, lo: int, k: int) -> int:
        toks = self.toks
        start = lo
        prev_end = max(
            (f.last_tok for f in self.found if toks[max(f.last_tok, 0)].sentence == toks[k].sentence), default=-1
        )
        start = max(start, prev_end + 1)
        for m in range(k, start - 1, -1):
            if toks[m].norm in _CLAUSE_START_WORDS or toks[m].text == ":":
                return m + 1
        while start <= k and not is_word(toks[start]) and self.open_at.get(start) is None:
            start += 1
        return start

    # -- quotations no cue claimed -------------------------------------------------------------
    def _unclaimed(self) -> None:
        toks = self.toks
        reported = [f for f in self.found if not f.direct]
        for cand in self.cands:
            if cand.claimed or not cand.quote_like:
                continue
            s, e = _strip(self.doc.text, cand.q.start, cand.q.close)
            last = cand.close_tok if cand.close_tok is not None else bisect.bisect_left(self.starts, cand.q.close) - 1
            outer = next((f for f in reported if f.start <= cand.q.open and e <= f.end), None)
            if outer is not None and self._introduced(cand, outer):
                speaker, via = self._nested_speaker(outer, cand)
                self.found.append(_Found(s, e, True, speaker[1] or outer.cue, speaker[0], via, cand.open_tok, last))
                cand.claimed = True
                continue
            sent = toks[cand.open_tok].sentence
            if cand.open_tok == self.s_lo[sent] and cand.words >= STANDALONE_WORDS:
                # A quotation opening its own sentence continues the speaker just quoted.
                prev = next((f for f in reversed(self.found) if f.end <= cand.q.open), None)
                if prev is not None and sent - toks[max(prev.last_tok, 0)].sentence <= 2 and prev.speaker:
                    self.found.append(_Found(s, e, True, prev.cue, prev.speaker, prev.via, cand.open_tok, last))
                    cand.claimed = True

    def _introduced(self, cand: _Candidate, outer: _Found) -> bool:
        """A quotation inside a reported clause is the speaker's words when something introduces it
        ("حذر بأن «…»", a colon, a cue) or it closes the clause; not a title in mid-clause."""
        toks = self.toks
        for k in range(cand.open_tok - 1, max(outer.first_tok - 1, cand.open_tok - 4), -1):
            if toks[k].norm in COMPLEMENTIZERS or toks[k].text == ":" or self.cue_at[k] is not None:
                return True
        last = cand.close_tok if cand.close_tok is not None else cand.open_tok
        return all(not is_word(toks[k]) for k in range(last + 1, outer.last_tok + 1))

    def _nested_speaker(self, outer: _Found, cand: _Candidate) -> tuple[tuple[Speaker, str | None], Speaker]:
        """A quotation inside a reported clause: the nearest cue before it in the clause speaks it."""
        toks = self.toks
        for k in range(cand.open_tok - 1, outer.first_tok - 1, -1):
            cue = self.cue_at[k]
            if cue is None or cue.kind == "trailing":
                continue
            stop = next(
                (m for m in range(k + 1, cand.open_tok) if toks[m].norm in COMPLEMENTIZERS or toks[m].text == ":"),
                cand.open_tok,
            )
            if cue.lemma in _COMPLEMENT_ONLY and stop == cand.open_tok:
                continue  # "التي تعتبر خالية": not what introduces the quotation
            speaker = self.resolver.region(k + 1, stop)
            if speaker is None:
                speaker = (
                    self.resolver.region(outer.first_tok, k, strict_subject=False) if k > outer.first_tok else None
                )
            if speaker:
                via = outer.speaker if speaker != outer.speaker else outer.via
                return (speaker, self._cue_text(k)), via
        return (outer.speaker, None), outer.via


# "نقلا عن", "اقتباسا عن": the subject before relays the one after (folded).
_CITING = frozenset(["نقلا", "اقتباسا"])


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces (and, at the end, dangling punctuation) from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


def _unma(norm: str) -> str:
    """Drop ما glued to the verb in scraped text ("مااعلنه" -> "اعلنه")."""
    return norm[2:] if norm.startswith("ما") and len(norm) > 4 else norm


def _unsuffix(norm: str) -> str:
    for suf in ("هما", "هم", "ها", "ه"):
        if norm.endswith(suf) and len(norm) - len(suf) >= 3 and lookup(norm[: -len(suf)]):
            return norm[: -len(suf)]
    return norm


def _speech_verb(norm: str) -> bool:
    cue = lookup(_unsuffix(_unma(norm)))
    return cue is not None and cue.kind in ("verb", "relay")
