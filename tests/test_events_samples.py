"""Events on the two sample articles through the real pipeline (checked by hand, see docs/events.md)."""

from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.pipeline import Pipeline
from marsad.testing import sample_body


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_names(["text", "ner", "actors", "time", "geo", "quotes", "events"])


@pytest.fixture(scope="module")
def doc000(pipeline, sample_000_text) -> Document:
    return pipeline(Document(id="s0", text=sample_body(sample_000_text), published="2016-08-02", language="ar"))


@pytest.fixture(scope="module")
def doc003(pipeline, sample_003_text) -> Document:
    return pipeline(Document(id="s3", text=sample_body(sample_003_text), published="2016-09-10", language="ar"))


def countries(codes: list[str]) -> set[str]:
    return {c[:3] for c in codes}


def events(doc: Document, etype: str, trigger: str | None = None) -> list:
    return [e for e in doc.events if e.type == etype and (trigger is None or trigger in e.trigger.text)]


def test_records_are_well_formed(doc000, doc003) -> None:
    for doc in (doc000, doc003):
        spans = set()
        for ev in doc.events:
            assert doc.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
            assert (ev.trigger.start, ev.trigger.end) not in spans
            spans.add((ev.trigger.start, ev.trigger.end))
            assert ev.quad and ev.cameo and ev.date
            assert set(ev.source).isdisjoint(ev.target)


def test_000_diplomacy(doc000) -> None:
    accuse = events(doc000, "ACCUSE", "تتهم")
    assert accuse and countries(accuse[0].source_actor) == {"RUS"} and countries(accuse[0].target_actor) == {"USA"}
    exchanged = events(doc000, "ACCUSE", "الاتهامات")  # تتبادل أمريكا وروسيا الاتهامات: reciprocal
    assert exchanged and countries(exchanged[0].source_actor) == {"USA", "RUS"} and exchanged[0].target == []
    agree = events(doc000, "AGREE")
    assert agree and countries(agree[0].source_actor) == {"IRN", "RUS"}
    meetings = [countries(e.source_actor) for e in events(doc000, "CONSULT", "لقائه")]
    assert {"IRN", "RUS"} in meetings and {"RUS", "DEU"} in meetings
    reject = events(doc000, "REJECT", "استبعد")
    assert reject and countries(reject[0].source_actor) == {"RUS"}
    request = events(doc000, "REQUEST", "مطالبة")
    assert request and countries(request[0].source_actor) == {"USA"} and "SYR" in countries(request[0].target_actor)


def test_000_fighting_in_aleppo(doc000) -> None:
    fights = events(doc000, "ASSAULT")
    assert any("SYRREB" in e.source_actor and "SYRMIL" in e.target_actor for e in fights)


def test_000_no_spurious_events(doc000) -> None:
    first = doc000.sentences[0]
    assert not [e for e in doc000.events if "وزارة" in e.trigger.text]
    assert not [e for e in doc000.events if e.type == "ASSAULT" and first[0] <= e.trigger.start < first[1]]


def test_003_requests_call_and_ultimatum(doc003) -> None:
    asks = events(doc003, "REQUEST", "يطلب")
    assert asks and countries(asks[0].source_actor) == {"RUS"}
    call = [e for e in events(doc003, "CONSULT") if e.mode == "phone"]
    assert call and countries(call[0].source_actor) == {"RUS", "USA"}
    ultimatum = [e for e in events(doc003, "THREATEN") if e.mode == "ultimatum"]
    assert ultimatum and countries(ultimatum[0].source_actor) == {"USA"}
    assert countries(ultimatum[0].target_actor) == {"RUS"}
    assert events(doc003, "REQUEST", "ندعو")
    concern = events(doc003, "ACCUSE", "قلق")
    assert concern and concern[0].mode == "disapprove" and countries(concern[0].source_actor) == {"USA"}


def test_003_conditional_cooperation_is_flagged(doc003) -> None:
    coop = events(doc003, "COOPERATE", "التعاون العسكري")
    assert coop and all(e.negated or e.hypothetical for e in coop)
    assert all(e.hypothetical for e in events(doc003, "AID"))  # the aid Assad is to be persuaded to allow
    assert not [e for e in doc003.events if e.trigger.text.startswith("نشر")]


def test_003_first_person_request_takes_the_quote_speaker(doc003) -> None:
    ask = events(doc003, "REQUEST", "ندعو")[0]  # inside Putin's direct quote: "we call on America"
    assert countries(ask.source_actor) == {"RUS"} and countries(ask.target_actor) == {"USA"}
