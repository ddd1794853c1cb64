"""`marsad eval actors FILE_spans.json`: actor coding against arabic_event_gsr span records.

Gold: for each record and side (source/target), the majority of the annotators' ``main``
(country) and, separately, ``role`` (sector); "None"/"UNKNOWN" mean no code. Sides that no
annotator coded are skipped. Two measurements:

- **event mode** (spec/cli.md keys): run the default pipeline (its installed stages) on the record's sentence and
  compare with the first source/target actor code of the system's event of the record's
  event type (the one on the annotated verb when there is one, else the first with coded
  actors, else the first); a record without such an event counts as system "no code".
- **detected** (extra keys ``detected_*``): event mode over the records where the system
  found an event of the type — actor coding of the events it coded, apart from detection.
- **span mode** (extra keys ``span_*``): code the annotated source/target words directly with
  the actor stage (``ActorStage.code_span``, article context off), independent of event
  detection — the quality of actor coding alone.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from marsad.actors.dictionary import split_code
from marsad.document import Document, document_id
from marsad.eval.scoring import installed_pipeline, ratio

_NONE = {None, "None", "UNKNOWN", "", "none"}


def _norm(v: Any) -> str | None:
    return None if v in _NONE else str(v)


def majority(roles: list[Any]) -> tuple[str | None, str | None] | None:
    """Majority (country, sector) over annotators' role dicts; None if nobody coded the side."""
    coded = [r for r in roles if isinstance(r, dict) and ("main" in r or "role" in r)]
    if not coded:
        return None
    country = Counter(_norm(r.get("main")) for r in coded).most_common(1)[0][0]
    sector = Counter(_norm(r.get("role")) for r in coded).most_common(1)[0][0]
    return country, sector


def _gold_tokens(record: dict, side: str) -> list[str]:
    """The words of the annotator span that agrees with the majority (else the longest)."""
    best: list[str] = []
    for sp in record.get("spans", []):
        toks = [t for t in sp.get(f"{side}_actor") or [] if t.strip() and t not in "«»\"'"]
        if len(toks) > len(best):
            best = toks
    return best


def locate(text: str, tokens: list[str]) -> tuple[int, int] | None:
    """Offsets of the first-to-last annotated token found in order in ``text``."""
    pos, first, last = 0, None, None
    for t in tokens:
        i = text.find(t, pos)
        if i < 0:
            continue
        first = i if first is None else first
        last = i + len(t)
        pos = last
    return (first, last) if first is not None and last is not None else None


def pick_event(doc: Document, record: dict, etype: str):
    """The system event of the record's type: the one on the annotated verb if any, else the
    first with coded actors, else the first of that type."""
    events = [e for e in doc.events if e.type.upper() == etype]
    if not events:
        return None
    text = record.get("text") or ""
    verb = locate(text, max((sp.get("verb") or [] for sp in record.get("spans", [])), key=len, default=[]))
    if verb is not None:
        on_verb = [e for e in events if e.trigger.start < verb[1] and verb[0] < e.trigger.end]
        if on_verb:
            return on_verb[0]
    coded = [e for e in events if e.source_actor or e.target_actor]
    return coded[0] if coded else events[0]


def tally(records: list[dict], pipe) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(hits, totals, event types) over span records, with ``pipe`` (the installed pipeline)."""
    actor_stage = next(s for s in pipe.stages if s.name == "actors")
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for rec in records:
        text = rec.get("text") or ""
        etype = str(rec.get("event_type") or "").upper()
        types[etype] += 1
        doc = pipe(Document(id=document_id("eval", text), text=text, language="ar"))
        event = pick_event(doc, rec, etype)
        for side in ("source", "target"):
            gold = majority([sp.get(f"{side}_role") for sp in rec.get("spans", [])])
            if gold is None:
                continue
            codes = getattr(event, f"{side}_actor", None) if event else None
            sys_c, sys_s = split_code(codes[0]) if codes else (None, None)
            span = locate(text, _gold_tokens(rec, side))
            actor = actor_stage.code_span(doc, *span) if span else None
            span_c, span_s = (actor.country, actor.sector) if actor else (None, None)
            modes = [("", (sys_c, sys_s)), ("span_", (span_c, span_s))]
            if event is not None:
                modes.append(("detected_", (sys_c, sys_s)))
            for mode, (c, s) in modes:
                totals[f"{mode}{side}"] += 1
                hits[f"{mode}{side}_country"] += c == gold[0]
                hits[f"{mode}{side}_sector"] += s == gold[1]
            if gold[1] is not None:  # sector scored only where annotators gave one
                totals[f"span_{side}_with_sector"] += 1
                hits[f"span_{side}_sector_given"] += span_s == gold[1]
    return hits, totals, types


def accuracies(hits: Counter[str], totals: Counter[str]) -> dict[str, float | int]:
    """The accuracy and side-count keys of `tally`'s counts (event, detected and span modes)."""
    sides = ("source", "target")
    out: dict[str, float | int] = {f"{side}_{what}_acc": ratio(hits[f"{side}_{what}"], totals[side])
                                   for side in sides for what in ("country", "sector")}
    out |= {f"span_{side}_{what}_acc": ratio(hits[f"span_{side}_{what}"], totals[f"span_{side}"])
            for side in sides for what in ("country", "sector")}
    out |= {f"detected_{side}_sector_acc": ratio(hits[f"detected_{side}_sector"], totals[f"detected_{side}"])
            for side in sides}
    out |= {f"detected_{side}_sides": totals[f"detected_{side}"] for side in sides}
    out |= {f"span_{side}_sector_acc_coded": ratio(hits[f"span_{side}_sector_given"], totals[f"span_{side}_with_sector"])
            for side in sides}
    out |= {f"{side}_sides": totals[side] for side in sides}
    return out


def evaluate(path: str) -> tuple[str, dict]:
    with open(path, encoding="utf-8") as fh:
        records = json.load(fh)
    pipe, names = installed_pipeline()
    hits, totals, types = tally(records, pipe)
    result = {
        "type": "+".join(sorted(t for t in types if t)) or "UNKNOWN",
        "records": len(records),
        **accuracies(hits, totals),
        "stages": names,
    }
    summary = (
        f"actors on {path}: {len(records)} records ({result['type']}), stages {'+'.join(names)}\n"
        f"  event mode: source country {result['source_country_acc']:.3f} sector {result['source_sector_acc']:.3f} | "
        f"target country {result['target_country_acc']:.3f} sector {result['target_sector_acc']:.3f}\n"
        f"  event mode, records with a detected event: source sector {result['detected_source_sector_acc']:.3f} "
        f"({result['detected_source_sides']} sides) | target sector {result['detected_target_sector_acc']:.3f} "
        f"({result['detected_target_sides']} sides)\n"
        f"  span mode:  source country {result['span_source_country_acc']:.3f} sector {result['span_source_sector_acc']:.3f} | "
        f"target country {result['span_target_country_acc']:.3f} sector {result['span_target_sector_acc']:.3f}\n"
        f"  span mode, sides with a gold sector: source {result['span_source_sector_acc_coded']:.3f} "
        f"target {result['span_target_sector_acc_coded']:.3f}"
    )
    return summary, result
