"""NER stage on the sample articles: every named person, organisation and place is found,
mentions are trimmed of proclitics and grouped into entities (checked by hand)."""

from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.ner.group import group_mentions, name_key
from marsad.ner.stage import NerStage
from marsad.testing import make_document, sample_body
from marsad.text.normalize import fold


@pytest.fixture(scope="module")
def stage() -> NerStage:
    return NerStage()


@pytest.fixture(scope="module")
def doc_000(stage: NerStage, sample_000_text: str) -> Document:
    return stage(make_document(sample_body(sample_000_text)))


@pytest.fixture(scope="module")
def doc_003(stage: NerStage, sample_003_text: str) -> Document:
    return stage(make_document(sample_body(sample_003_text)))


def _has(doc: Document, name: str, types: tuple[str, ...]) -> bool:
    return any(fold(m.text) == fold(name) and m.type in types for m in doc.mentions)


PEOPLE_000 = ["سيرغي شويغو", "إليزابيث ترودو", "حسين جابري", "ميخائيل بوغدانوف", "سيرغي لافروف", "فرانك شتاينماير"]
ORGS_000 = ["وزارة الخارجية الأمريكية", "سي ان ان"]
PLACES_000 = ["حلب", "واشنطن", "موسكو", "طهران", "سوريا", "روسيا", "أمريكا", "الولايات المتحدة الأمريكية"]

PEOPLE_003 = ["سيرجي لافروف", "جون كيري", "فلاديمير بوتين", "باراك أوباما", "جوش إيرنست", "بشار الأسد"]
ORGS_003 = ["وزارة الخارجية الروسية", "البيت الأبيض"]
PLACES_003 = ["سوريا", "الولايات المتحدة", "موسكو", "واشنطن", "قرغيزستان", "أمريكا", "روسيا", "حلب"]


@pytest.mark.parametrize("name", PEOPLE_000)
def test_people_000(doc_000: Document, name: str) -> None:
    assert _has(doc_000, name, ("PER",))


@pytest.mark.parametrize("name", ORGS_000)
def test_orgs_000(doc_000: Document, name: str) -> None:
    assert _has(doc_000, name, ("ORG",))


@pytest.mark.parametrize("name", PLACES_000)
def test_places_000(doc_000: Document, name: str) -> None:
    assert _has(doc_000, name, ("GPE", "LOC"))


@pytest.mark.parametrize("name", PEOPLE_003)
def test_people_003(doc_003: Document, name: str) -> None:
    assert _has(doc_003, name, ("PER",))


@pytest.mark.parametrize("name", ORGS_003)
def test_orgs_003(doc_003: Document, name: str) -> None:
    assert _has(doc_003, name, ("ORG",))


@pytest.mark.parametrize("name", PLACES_003)
def test_places_003(doc_003: Document, name: str) -> None:
    assert _has(doc_003, name, ("GPE", "LOC"))


def test_countries_and_cities_are_gpe(doc_000: Document, doc_003: Document) -> None:
    for doc, name in ((doc_000, "روسيا"), (doc_000, "حلب"), (doc_003, "قرغيزستان"), (doc_003, "سوريا")):
        assert _has(doc, name, ("GPE",)), name


def test_spans_match_text_and_carry_no_proclitic(doc_000: Document, doc_003: Document) -> None:
    for doc in (doc_000, doc_003):
        assert doc.mentions
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
            assert 0.0 < m.score <= 1.0
            assert m.entity is not None and doc.entity(m.entity) is not None
        # "وروسيا", "وموسكو", "بحلب": the conjunction/preposition stays outside the span
        assert not any(fold(m.text) in ("وروسيا", "وموسكو", "وواشنطن", "بحلب") for m in doc.mentions)
        for e in doc.entities:
            for s in e.mentions:
                assert doc.text[s.start:s.end] == s.text


def test_entity_ids_in_order_of_first_mention(doc_000: Document) -> None:
    ids = [e.id for e in doc_000.entities]
    assert ids == [f"E{i}" for i in range(1, len(ids) + 1)]
    firsts = [e.mentions[0].start for e in doc_000.entities]
    assert firsts == sorted(firsts)


def test_lavrov_surname_joins_full_name(doc_003: Document) -> None:
    lavrov = [e for e in doc_003.entities if any(fold(s.text) == fold("لافروف") for s in e.mentions)]
    assert len(lavrov) == 1
    entity = lavrov[0]
    assert entity.type == "PER"
    assert entity.name_ar == "سيرجي لافروف"
    assert len(entity.mentions) >= 3  # "سيرجي لافروف" and twice "لافروف" alone


def test_repeated_names_are_one_entity(doc_000: Document) -> None:
    shoigu = [e for e in doc_000.entities if e.name_ar == "سيرغي شويغو"]
    assert len(shoigu) == 1 and len(shoigu[0].mentions) == 3
    aleppo = [e for e in doc_000.entities if e.name_ar == "حلب"]
    assert len(aleppo) == 1 and len(aleppo[0].mentions) >= 8


def test_clitic_prefixed_name_is_trimmed_and_grouped(stage: NerStage) -> None:
    text = (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي جون كيري في جنيف. "
        "وقال المتحدث باسم الخارجية إن كيري ولافروف اتفقا على مواصلة المحادثات. "
        "وأكد سيرجي لافروف أن موسكو تريد حلا سياسيا."
    )
    doc = stage(make_document(text))
    trimmed = [m for m in doc.mentions if m.text == "لافروف"]
    assert trimmed, [m.text for m in doc.mentions]
    start = text.index("ولافروف")
    assert any(m.start == start + 1 and m.end == start + len("ولافروف") for m in trimmed)
    groups = {m.entity for m in doc.mentions if "لافروف" in m.text}
    assert len(groups) == 1
    entity = doc.entity(groups.pop())
    assert entity is not None and len(entity.mentions) == 3
    assert fold(entity.name_ar or "") in (fold("سيرغي لافروف"), fold("سيرجي لافروف"))


def test_governing_word_is_not_part_of_the_name(stage: NerStage) -> None:
    # The tagger runs a demand verb after a quote into the name: «ليستقيل X» is X.
    doc = stage(make_document("وردد المحتجون في شوارع نيروبي «ليستقيل أودينغا» قبل أن تفرقهم الشرطة."))
    texts = [m.text for m in doc.mentions]
    assert "أودينغا" in texts, texts
    assert not any("ليستقيل" in t for t in texts), texts


def test_gazetteer_name_after_a_place_noun(stage: NerStage) -> None:
    # The tagger took "ريف" alone for the place and left إدلب out.
    doc = stage(make_document("قتل خمسة مدنيين في غارة جوية على ريف إدلب، وسقطت قذائف على مخيم عين الحلوة "
                              "وعلى منطقة عازلة قرب محافظة مأرب."))
    places = {m.text: m.type for m in doc.mentions if m.type in ("GPE", "LOC")}
    assert places.get("إدلب") == "GPE" and "ريف" not in places, places
    assert "مأرب" in places, places
    # Words of four letters or fewer and ordinary nouns are no place (عين alone, عازلة).
    assert "عين" not in places and not any("عازلة" in t for t in places), places


def test_spelling_variants_share_a_key() -> None:
    assert name_key("سيرغي لافروف") == name_key("سيرجي لافروف")
    assert name_key("فرانك شتاينماير") == name_key("فرانك شتاينمار")
    assert name_key("مصطفى") == name_key("مصطفي")
    assert name_key("لافروف") <= name_key("سيرجي لافروف")


def test_grouping_prefers_surname_of_full_name() -> None:
    from marsad.document import Mention

    text = "جون كيري وكيري وجون ماكين"
    doc = make_document(text)
    mentions = [
        Mention(0, 8, "جون كيري", "PER"),
        Mention(10, 14, "كيري", "PER"),
        Mention(16, 25, "جون ماكين", "PER"),
    ]
    entities = group_mentions(doc, mentions)
    assert [e.id for e in entities] == ["E1", "E2"]
    assert mentions[1].entity == "E1" and mentions[2].entity == "E2"
    assert entities[0].name_ar == "جون كيري"


def test_subtypes_from_roles_and_heads(doc_000: Document, doc_003: Document) -> None:
    by_name = {e.name_ar: e for e in doc_000.entities + doc_003.entities}
    assert by_name["سيرغي شويغو"].subtype == "Politician"  # "وزير الدفاع الروسي سيرغي شويغو"
    assert by_name["وزارة الخارجية الروسية"].subtype == "Government"
    assert by_name["روسيا"].subtype == "Nation"


def test_titles_as_written(doc_000: Document, doc_003: Document) -> None:
    by_name = {e.name_ar: e for e in doc_000.entities + doc_003.entities}
    assert by_name["سيرغي شويغو"].title == "وزير الدفاع الروسي"
    assert by_name["ميخائيل بوغدانوف"].title == "نائب وزير الخارجية الروسي"
    assert by_name["حسين جابري"].title == "مساعد وزير الخارجية الإيراني"  # across the apposition comma
    assert by_name["باراك أوباما"].title == "الرئيس الأميركي"  # across the opening quote
    assert by_name["جون كيري"].title is None  # "نظيره الأمريكي" is a relation, not an office


def test_a_name_stops_before_the_common_words_after_it(stage: NerStage) -> None:
    doc = stage(make_document("وتلقى وزير الخارجية المصري بدر عبد العاطي اتصالا هاتفيا من نظيره الإيراني عباس عراقجي."))
    people = [m.text for m in doc.mentions if m.type == "PER"]
    assert people == ["بدر عبد العاطي", "عباس عراقجي"]


def test_a_name_never_ends_on_abd(stage: NerStage) -> None:
    doc = stage(make_document("وقال محمد عبد السلام إن الهجمات ستستمر."))
    assert [m.text for m in doc.mentions if m.type == "PER"] == ["محمد عبد السلام"]
