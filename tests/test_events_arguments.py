"""Who-did-what-to-whom rules of marsad.events.arguments on realistic news sentences."""

from __future__ import annotations

import re

import pytest

from marsad.document import Actor, Entity, Span
from marsad.events.stage import EventStage
from marsad.testing import make_document


@pytest.fixture(scope="module")
def stage() -> EventStage:
    return EventStage()


def with_entities(text: str, actors: dict[str, str]):
    """A document whose entities are the given surface forms (as NER+actors would give)."""
    doc = make_document(text, published="2008-05-02")
    for i, (surface, code) in enumerate(actors.items(), 1):
        spans = [Span(m.start(1), m.end(1), m.group(1))
                 for m in re.finditer(rf"(?<!\w)(?:[وبل]|ال)?({re.escape(surface)})(?!\w)", text)]
        assert spans, surface
        doc.entities.append(Entity(id=f"E{i}", type="ORG", mentions=spans, name_ar=surface,
                                   actor=Actor(code=code, country=code[:3] if len(code) > 3 else None)))
    return doc


def sides(doc, etype: str) -> tuple[list[str], list[str]]:
    ev = next(e for e in doc.events if e.type == etype)
    return ([doc.entity(i).name_ar for i in ev.source], [doc.entity(i).name_ar for i in ev.target])


def test_casualty_noun_takes_patient_and_marked_agent(stage: EventStage) -> None:
    doc = stage(with_entities("وأعلنت الشرطة مقتل ثلاثة مدنيين برصاص مسلحين مجهولين في وسط المدينة.",
                              {"الشرطة": "IRQCOP", "مدنيين": "CVL", "مسلحين مجهولين": "UAF"}))
    assert sides(doc, "ASSAULT") == (["مسلحين مجهولين"], ["مدنيين"])


def test_plural_verb_agrees_with_subject_before_it(stage: EventStage) -> None:
    doc = stage(with_entities("وقال مصدر في الشرطة إن ثلاثة من المسلحين اغتالوا ضابطا في الجيش قرب منزله.",
                              {"المسلحين": "UAF", "ضابطا": "IRQMIL"}))
    assert sides(doc, "ASSAULT") == (["المسلحين"], ["ضابطا"])


def test_passive_with_agent_marker(stage: EventStage) -> None:
    doc = stage(with_entities("وقالت مصادر أمنية إن ضابطا في الشرطة اختطف من منزله على يد مسلحين ثم قتل بالرصاص.",
                              {"ضابطا": "COP", "مسلحين": "UAF"}))
    assert sides(doc, "ASSAULT") == (["مسلحين"], ["ضابطا"])


def test_protesters_are_the_source_and_the_authority_the_target(stage: EventStage) -> None:
    doc = stage(with_entities("وتجمع أمام مقر الحكومة عدد من المتظاهرين احتجاجا على رفع الأسعار.",
                              {"الحكومة": "GOV", "المتظاهرين": "CVL"}))
    assert sides(doc, "PROTEST") == (["المتظاهرين"], ["الحكومة"])
