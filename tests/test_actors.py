"""Actor stage: dictionary linking, date-aware offices, unnamed agents, anaphors, eval."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad.actors.dictionary import add_entry, validate
from marsad.actors.lexicon import first_keys, gkey, key
from marsad.actors.romanize import romanize
from marsad.actors.stage import ActorStage
from marsad.document import Document, Entity, Span
from marsad.pipeline import Pipeline
from marsad.testing import make_document
from marsad.text.normalize import fold

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The real stages through actors (the NER model's mentions included)."""
    return Pipeline.from_names(["text", "ner", "actors"])


def body(text: str) -> str:
    """Article body: the file minus its title line."""
    return text.split("\n", 1)[1]


def with_entities(text: str, names: dict[str, str], published: str | None = None) -> Document:
    """A document with entities as NER would give them: one entity per listed surface form."""
    doc = make_document(text, published=published)
    for n, (surface, etype) in enumerate(names.items(), 1):
        spans = [Span(m.start(), m.end(), surface) for m in re.finditer(re.escape(surface), text)]
        assert spans, surface
        doc.entities.append(Entity(id=f"E{n}", type=etype, mentions=spans))  # type: ignore[arg-type]
    return doc


def by_name(doc: Document, name: str) -> Entity:
    hits = [e for e in doc.entities if e.name == name]
    assert hits, f"{name} not found in {[e.name for e in doc.entities]}"
    return hits[0]


def covering(doc: Document, text: str) -> Entity:
    """The entity with a mention exactly equal to ``text``."""
    for e in doc.entities:
        if any(m.text == text for m in e.mentions):
            return e
    raise AssertionError(f"no entity mention {text!r}: {[(e.id, [m.text for m in e.mentions]) for e in doc.entities]}")


def by_mention(doc: Document) -> dict[str, Entity]:
    """Each mention text -> its entity."""
    return {m.text: e for e in doc.entities for m in e.mentions}


def codes_by_mention(doc: Document) -> dict[str, str | None]:
    """Each mention text of a coded entity -> its actor code."""
    return {text: e.actor.code for text, e in by_mention(doc).items() if e.actor}


# -- matching keys -------------------------------------------------------------------------

def test_keys_fold_variants() -> None:
    def k(word: str) -> str:
        return key(fold(word))

    assert gkey(k("سيرغي")) == gkey(k("سيرجي")) == gkey(k("سيركي"))
    assert k("جندي") != k("كندي")  # the g-class is folded for names only
    assert k("الأمريكية") == k("أمريكي") == k("الامريكيين")
    assert k("موسكو") in first_keys(fold("وبموسكو"))
    assert k("المتظاهرون") == k("متظاهرين")


def test_romanize_is_deterministic() -> None:
    assert romanize("حسين جابري") == romanize("حسين  جابري")
    assert romanize("إليزابيث ترودو") == "Elizabeth Trudeau"


# -- sample articles ---------------------------------------------------------------------

SAMPLE_000_NER = {
    "وزارة الخارجية الأمريكية": "ORG", "سيرغي شويغو": "PER", "إليزابيث ترودو": "PER", "حسين جابري": "PER",
    "ميخائيل بوغدانوف": "PER", "سيرغي لافروف": "PER", "فرانك شتاينماير": "PER", "واشنطن": "GPE",
    "موسكو": "GPE", "طهران": "GPE", "حلب": "GPE",
}
SAMPLE_003_NER = {
    "سيرجي لافروف": "PER", "لافروف": "PER", "جون كيري": "PER", "فلاديمير بوتين": "PER", "أوباما": "PER",
    "جوش إيرنست": "PER", "بشار الأسد": "PER", "البيت الأبيض": "ORG", "الولايات المتحدة": "GPE",
}


def _check_000(doc: Document) -> None:
    people = {
        "Sergei Shoigu": "RUS", "Sergei Lavrov": "RUS", "Elizabeth Trudeau": "USA",
        "Hossein Jaberi Ansari": "IRN", "Mikhail Bogdanov": "RUS", "Frank-Walter Steinmeier": "DEU",
    }
    for name, country in people.items():
        ent = by_name(doc, name)
        assert ent.actor is not None and ent.actor.country == country, (name, ent.actor)
    shoigu = by_name(doc, "Sergei Shoigu")
    assert shoigu.title == "وزير الدفاع الروسي" and shoigu.actor.code == "RUSMIL"  # type: ignore[union-attr]
    # The title alone later in the article refers to the same person.
    assert sum(m.text == "وزير الدفاع الروسي" for m in shoigu.mentions) == 1
    assert any(m.text == "الاخير" for m in by_name(doc, "Frank-Walter Steinmeier").mentions)
    assert by_name(doc, "Hossein Jaberi Ansari").title == "مساعد وزير الخارجية الإيراني"
    assert covering(doc, "وزارة الخارجية الأمريكية").actor.code == "USAGOV"  # type: ignore[union-attr]
    assert covering(doc, "الجيش النظامي").actor.code == "SYRMIL"  # type: ignore[union-attr]
    assert covering(doc, "فصائل معارضة").actor.code == "SYRREB"  # type: ignore[union-attr]
    assert covering(doc, "النظام").actor.code == "SYRGOV"  # type: ignore[union-attr]
    assert covering(doc, "موسكو").actor.code == "RUSGOV"  # type: ignore[union-attr]
    assert covering(doc, "طهران").actor.code == "IRNGOV"  # type: ignore[union-attr]
    assert doc.meta["actor_location"] == "SYR"
    # Every entity is enriched; ids are unique and continue the numbering.
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids))
    for e in doc.entities:
        assert e.name and e.name_ar and e.mentions
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text


def _check_003(doc: Document) -> None:
    people = {
        "Sergei Lavrov": "RUS", "John Kerry": "USA", "Vladimir Putin": "RUS", "Barack Obama": "USA",
        "Josh Earnest": "USA", "Bashar al-Assad": "SYR",
    }
    for name, country in people.items():
        ent = by_name(doc, name)
        assert ent.actor is not None and ent.actor.country == country, (name, ent.actor)
    assert by_name(doc, "Josh Earnest").title == "المتحدث باسم البيت الأبيض"
    assert by_name(doc, "John Kerry").title == "نظيره الأمريكي"
    assert covering(doc, "البيت الأبيض").actor.code == "USAGOV"  # type: ignore[union-attr]
    assert covering(doc, "نظام بشار الأسد").actor.code == "SYRGOV"  # type: ignore[union-attr]
    assert covering(doc, "نظام الأسد").actor.code == "SYRGOV"  # type: ignore[union-attr]
    assert covering(doc, "قوات المعارضة").actor.code == "SYRREB"  # type: ignore[union-attr]
    ministry = covering(doc, "وزارة الخارجية الروسية")
    assert ministry.actor.code == "RUSGOV"  # type: ignore[union-attr]
    assert any(m.text == "الوزارة" for m in ministry.mentions)  # "الوزارة" resolved in the document
    # Both spellings of Lavrov are one entity.
    assert sum(1 for e in doc.entities if e.name == "Sergei Lavrov") == 1


def test_sample_000_with_ner_entities(stage: ActorStage, sample_000_text: str) -> None:
    doc = stage(with_entities(body(sample_000_text), SAMPLE_000_NER))
    _check_000(doc)
    assert covering(doc, "حلب").actor.code == "SYR"  # type: ignore[union-attr]  # a city is no state


def test_sample_003_with_ner_entities(stage: ActorStage, sample_003_text: str) -> None:
    _check_003(stage(with_entities(body(sample_003_text), SAMPLE_003_NER)))


def test_samples_without_ner(stage: ActorStage, sample_000_text: str, sample_003_text: str) -> None:
    """The dictionary alone finds the named actors when NER gives nothing."""
    _check_000(stage(make_document(body(sample_000_text))))
    _check_003(stage(make_document(body(sample_003_text))))


def test_same_identity_across_documents(stage: ActorStage, sample_000_text: str, sample_003_text: str) -> None:
    a = by_name(stage(make_document(body(sample_000_text))), "Sergei Lavrov")
    b = by_name(stage(make_document(body(sample_003_text))), "Sergei Lavrov")
    assert (a.name, a.name_ar, a.actor) == (b.name, b.name_ar, b.actor)
    assert a.actor.code == "RUSGOV"  # type: ignore[union-attr]


def test_samples_with_real_ner(sample_000_text: str, sample_003_text: str) -> None:
    pytest.importorskip("marsad.ner.stage")
    from marsad.pipeline import Pipeline

    pipe = Pipeline.from_names(["text", "ner", "actors"])
    _check_000(pipe(Document(id="s0", text=body(sample_000_text), language="ar")))
    _check_003(pipe(Document(id="s3", text=body(sample_003_text), language="ar")))


# -- linking, dates, context ---------------------------------------------------------------

def test_spelling_variants_link(stage: ActorStage) -> None:
    text = "التقى وزير الدفاع سيرجي شويجو نظيره فرانك فالتر شتاينمير في برلين."
    doc = stage(with_entities(text, {"سيرجي شويجو": "PER", "فرانك فالتر شتاينمير": "PER"}, "2016-05-01"))
    assert by_name(doc, "Sergei Shoigu").actor.code == "RUSMIL"  # type: ignore[union-attr]
    assert by_name(doc, "Frank-Walter Steinmeier").actor.country == "DEU"  # type: ignore[union-attr]


def test_office_by_article_date(stage: ActorStage) -> None:
    text = "وصل سيرغي شويغو إلى دمشق واجتمع مع جون كيري."
    early = stage(make_document(text, published="2010-06-01"))
    late = stage(make_document(text, published="2015-06-01"))
    assert by_name(early, "Sergei Shoigu").actor.code == "RUSGOV"  # type: ignore[union-attr]  # emergencies minister
    assert by_name(late, "Sergei Shoigu").actor.code == "RUSMIL"  # type: ignore[union-attr]  # defence minister
    assert by_name(early, "John Kerry").actor.code == "USALEG"  # type: ignore[union-attr]  # senator
    assert by_name(late, "John Kerry").actor.code == "USAGOV"  # type: ignore[union-attr]


def test_unknown_person_gets_romanised_name_and_title_codes(stage: ActorStage) -> None:
    text = "وقال وزير الخارجية العراقي فؤاد حسين إن بغداد ترفض التدخل."
    doc = stage(with_entities(text, {"فؤاد حسين": "PER"}))
    ent = covering(doc, "فؤاد حسين")
    assert ent.title == "وزير الخارجية العراقي"
    assert ent.actor.code == "IRQGOV"  # type: ignore[union-attr]
    again = stage(with_entities("التقى فؤاد حسين بالسفير.", {"فؤاد حسين": "PER"}))
    assert ent.name == covering(again, "فؤاد حسين").name == romanize("فؤاد حسين")


def test_office_in_apposition_after_the_name(stage: ActorStage) -> None:
    text = "وقال ماركوس تيلر، المتحدث باسم وزارة الخارجية الألمانية، إن برلين تدرس الأمر."
    ent = covering(stage(with_entities(text, {"ماركوس تيلر": "PER"})), "ماركوس تيلر")
    assert ent.actor.code == "DEUGOV"  # type: ignore[union-attr]
    assert ent.title == "المتحدث باسم وزارة الخارجية الألمانية"
    # A closing quote sets the office off too; the tagger may have typed the name ORG.
    text = "ورددوا هتافات تطالب بـ«استقالة ألفاريز» رئيس الوزراء الإسباني."
    ent = covering(stage(with_entities(text, {"ألفاريز": "ORG"})), "ألفاريز")
    assert ent.actor.code == "ESPGOV"  # type: ignore[union-attr]
    # "قائد" heads a police force as well as an army: the institution decides.
    text = "وقال أحمد الفلاحي، قائد الشرطة في محافظة الأنبار، إن مسلحين هاجموا دورية."
    ent = covering(stage(with_entities(text, {"أحمد الفلاحي": "PER"})), "أحمد الفلاحي")
    assert ent.actor.sector == "COP"  # type: ignore[union-attr]
    # Without the mark the office after a name is its verb's object: the host is not the guest.
    text = "واستقبل موراليس وزير الخارجية الفنزويلي في لاباز."
    ent = covering(stage(with_entities(text, {"موراليس": "PER"})), "موراليس")
    assert ent.actor is None or ent.actor.country != "VEN"


def test_office_words_alone_name_no_country(stage: ActorStage) -> None:
    # PETRARCH's lemmatised "وزير خارجية" (EGY) and "وزارة خارجية" (LBN) lost their nationality.
    doc = stage(make_document("وقال وزير الخارجية إن الوزارة تدرس الطلب، وأكدت وزارة الخارجية ذلك."))
    assert all(e.actor is None or e.actor.country is None for e in doc.entities), [
        (e.name_ar, e.actor) for e in doc.entities]


def test_nationality_adjectives_beyond_the_big_countries(stage: ActorStage) -> None:
    doc = stage(make_document("وقال وزير الخارجية الفلبيني إن الشرطة البرتغالية اعتقلت ثلاثة جنود سنغاليين."))
    assert covering(doc, "وزير الخارجية الفلبيني").actor.code == "PHLGOV"  # type: ignore[union-attr]
    assert covering(doc, "الشرطة البرتغالية").actor.code == "PRTCOP"  # type: ignore[union-attr]
    assert covering(doc, "جنود سنغاليين").actor.code == "SENMIL"  # type: ignore[union-attr]


def test_given_name_one_letter_off_and_former_office(stage: ActorStage) -> None:
    # Listed as "نيكولا ساركوزي"; president 2007-2012, so a former official (CAMEO ELI) in 2015.
    doc = stage(with_entities("وصل الرئيس الفرنسي السابق نيكولاس ساركوزي إلى تونس.", {"نيكولاس ساركوزي": "PER"},
                              published="2015-07-25"))
    sarkozy = covering(doc, "نيكولاس ساركوزي")
    assert sarkozy.name == "Nicolas Sarkozy" and sarkozy.actor.code == "FRAELI"  # type: ignore[union-attr]
    doc = stage(with_entities("وصل الرئيس الفرنسي نيكولا ساركوزي إلى تونس.", {"نيكولا ساركوزي": "PER"},
                              published="2010-07-25"))
    assert covering(doc, "نيكولا ساركوزي").actor.code == "FRAGOV"  # type: ignore[union-attr]


def test_relative_pronoun_and_regions_code_no_country(stage: ActorStage) -> None:
    # "التي" looks like a definite nisba adjective; Europe has no government of its own.
    doc = stage(make_document("وتدفق اللاجئون باتجاه أوروبا، وأكدت الحكومة التي اتهمت الوكالة أن لديها أدلة."))
    gov = covering(doc, "الحكومة")
    assert gov.name_ar == "الحكومة" and gov.actor.country is None, gov  # type: ignore[union-attr]


def test_agents_and_location_country(stage: ActorStage) -> None:
    text = ("أطلقت الشرطة المصرية الغاز المسيل للدموع على المتظاهرين في القاهرة. "
            "وقال شهود إن مسلحين مجهولين أطلقوا النار على دورية للجيش في القاهرة.")
    doc = stage(make_document(text))
    assert covering(doc, "الشرطة المصرية").actor.code == "EGYCOP"  # type: ignore[union-attr]
    assert covering(doc, "المتظاهرين").actor.sector == "CVL"  # type: ignore[union-attr]
    assert covering(doc, "مسلحين مجهولين").actor.sector == "UAF"  # type: ignore[union-attr]
    assert doc.meta["actor_location"] == "EGY"
    # A capital after "في" is a place, not a state actor.
    assert not any(e.type == "GPE" and e.actor and e.actor.code == "EGYGOV" for e in doc.entities)


def test_members_of_a_named_group_take_its_code(stage: ActorStage) -> None:
    text = "وقال مسؤول أمني إن مسلحين من حركة الشباب هاجموا قاعدة عسكرية قرب مقديشو صباح اليوم."
    doc = stage(with_entities(text, {"حركة الشباب": "ORG", "مقديشو": "LOC"}))
    members = covering(doc, "مسلحين من حركة الشباب")
    assert members.actor is not None and members.actor.code == covering(doc, "حركة الشباب").actor.code  # type: ignore[union-attr]
    assert members.actor.sector == "REB"


def test_capital_acting_as_state_and_counterpart(stage: ActorStage) -> None:
    text = "ردت أنقرة على الاتهامات. وأبلغ وزير الخارجية التركي نظيره الإيراني بموقف بلاده."
    doc = stage(make_document(text))
    assert covering(doc, "أنقرة").actor.code == "TURGOV"  # type: ignore[union-attr]
    counterpart = covering(doc, "نظيره الإيراني")
    assert counterpart.type == "PER" and counterpart.actor.code == "IRNGOV"  # type: ignore[union-attr]


def test_latter_resolves_to_previous_person(stage: ActorStage) -> None:
    text = "التقى الوزير سيرغي لافروف الرئيس رجب طيب أردوغان، وأكد الأخير دعم بلاده للحل."
    doc = stage(make_document(text, published="2018-01-01"))
    erdogan = by_name(doc, "Recep Tayyip Erdogan")
    assert erdogan.actor.code == "TURGOV"  # type: ignore[union-attr]
    assert any(m.text == "الأخير" for m in erdogan.mentions)
    assert not any(m.text == "الأخير" for m in by_name(doc, "Sergei Lavrov").mentions)


def test_no_entities_for_plain_text(stage: ActorStage) -> None:
    doc = stage(make_document("ارتفعت أسعار الخضار بشكل دوري خلال الصيف الماضي."))
    assert doc.entities == []


# -- dictionary tools and evaluation ---------------------------------------------------------

def test_shipped_dictionary_is_valid() -> None:
    assert validate() == []


def test_validate_and_add_entry(tmp_path: Path) -> None:
    path = tmp_path / "actors.jsonl"
    add_entry("Fuad Hussein", ["فؤاد حسين"], "IRQ", "IRQGOV", role="foreign minister", start="2020-06-06", path=path)
    add_entry("Fuad Hussein", ["فؤاد محمد حسين"], "IRQ", path=path)
    assert validate(path) == []
    obj = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert obj["ar"] == ["فؤاد حسين", "فؤاد محمد حسين"] and obj["offices"][0]["code"] == "IRQGOV"
    with pytest.raises(ValueError):
        add_entry("Bad", ["latin only"], "IRQ", path=path)
    path.write_text('{"name": "X", "type": "PER", "country": "rus", "ar": ["س"], "offices": '
                    '[{"code": "RUSXXX", "from": "2020-01-01", "to": "2019-01-01"}]}\nnot json\n', encoding="utf-8")
    problems = validate(path)
    assert any("bad country" in p for p in problems)
    assert any("bad code" in p for p in problems)
    assert any("ends before" in p for p in problems)
    assert any("invalid JSON" in p for p in problems)


def test_eval_actors_layout() -> None:
    from marsad.eval.actors import evaluate

    summary, result = evaluate(str(DATA / "actors_spans_tiny.json"))
    for k in ("type", "source_country_acc", "source_sector_acc", "target_country_acc", "target_sector_acc", "records"):
        assert k in result
    assert result["records"] == 3
    assert result["span_source_sector_acc"] == 1.0
    assert result["span_target_sector_acc"] == 1.0
    assert result["span_source_country_acc"] == 1.0
    assert "span mode" in summary


def test_unnamed_agents_of_one_sector_stay_apart(stage: ActorStage) -> None:
    text = "وقال مسؤول إن قوات أجنبية قتلت خمسة جنود عراقيين خلال غارة جوية قرب الحدود."
    doc = stage(make_document(text))
    assert covering(doc, "قوات").id != covering(doc, "جنود عراقيين").id
    assert covering(doc, "جنود عراقيين").actor.code == "IRQMIL"  # type: ignore[union-attr]


def test_member_nouns_take_the_sector_of_their_body(stage: ActorStage) -> None:
    text = "وذكرت مصادر أن مجهولين اغتالوا ضابطا في الشرطة، فيما خطف ضابط شرطة آخر من منزله."
    doc = stage(make_document(text))
    assert covering(doc, "ضابطا في الشرطة").actor.sector == "COP"  # type: ignore[union-attr]
    assert covering(doc, "ضابط شرطة").actor.sector == "COP"  # type: ignore[union-attr]


def test_one_or_two_people_counted_are_not_coded(stage: ActorStage) -> None:
    doc = stage(make_document("وقتل شخصان وأصيب عشرة في انفجار وقع في شارع فلسطين ببغداد."))
    assert not any(m.text in ("شخصان", "فلسطين") for e in doc.entities if e.actor and e.actor.code
                   for m in e.mentions)


def test_forces_of_an_actor_take_its_country(stage: ActorStage) -> None:
    doc = stage(make_document("وأعلنت روسيا أن قواتها دمرت مواقع للمسلحين، وقال الجيش التركي إن أحد جنوده أصيب."))
    assert covering(doc, "قواتها").actor.code == "RUSMIL"  # type: ignore[union-attr]
    assert covering(doc, "جنوده").actor.code == "TURMIL"  # type: ignore[union-attr]


def test_verb_spelt_like_a_feminine_agent_is_not_one(stage: ActorStage) -> None:
    doc = stage(make_document("وزار الوزير المدينة أمس، وقالت الوزارة إن الزيارة ناجحة."))
    assert not any(m.text == "وزار" for e in doc.entities for m in e.mentions)
    assert covering(doc, "الوزارة").actor.sector == "GOV"  # type: ignore[union-attr]


def test_words_that_only_look_like_agents_or_names(stage: ActorStage) -> None:
    doc = stage(make_document("وجدد طلبه للحكومة، وقالت الشرطه إن الوضع هادئ، وتظاهر الطلبة أمام الجامعة."))
    texts = by_mention(doc)
    assert "طلبه" not in texts and "هادئ" not in texts
    assert texts["الشرطه"].actor.sector == "COP"  # type: ignore[union-attr]
    assert texts["الطلبة"].actor.sector == "EDU"  # type: ignore[union-attr]


def test_nouns_that_share_a_key_with_agent_plurals(stage: ActorStage) -> None:
    # طلب/طلبة and سياحة/سياح meet once ة is folded: the request and tourism name no actor
    doc = stage(make_document("تقدم المواطن بطلب إلى شركة الاستثمار والسياحة، ووصل السياح والطلبة إلى المدينة."))
    texts = by_mention(doc)
    assert not {"بطلب", "طلب", "والسياحة", "السياحة"} & set(texts)
    assert texts["السياح"].actor.sector == "CVL"  # type: ignore[union-attr]
    assert texts["الطلبة"].actor.sector == "EDU"  # type: ignore[union-attr]  # و is no part of it


def test_an_epithet_after_a_named_group_is_no_actor_of_its_own(stage: ActorStage) -> None:
    doc = stage(make_document("وتعهد الوزير بالتصدي لتنظيم داعش الإرهابي في المنطقة، وقتل الإرهابي في الاشتباك."))
    texts = [m.text for e in doc.entities for m in e.mentions]
    assert texts.count("الإرهابي") == 1  # the second one, a person


def test_a_plural_nationality_standing_as_a_noun_is_that_people(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وقال الإيرانيون إنهم لن يتراجعوا، وتظاهر آلاف الأتراك أمام السفارة."))
    codes = codes_by_mention(doc)
    assert codes["الإيرانيون"] == "IRN" and codes["الأتراك"] == "TUR"
    # after a definite noun it is that noun's adjective, and a singular is never a people
    doc = pipeline(make_document("وقتل الجنود الأمريكيون ثلاثة مسلحين، وقالت السفارة الروسية إن الوضع هادئ."))
    codes = codes_by_mention(doc)
    assert codes["الجنود الأمريكيون"] == "USAMIL" and "الروسية" not in codes and "الأمريكيون" not in codes


def test_a_dictionary_phrase_coded_by_country_alone_keeps_its_agent_sector(stage: ActorStage) -> None:
    doc = stage(make_document("وقال مسؤول أمريكي إن الوضع هادئ، وأكد مسؤولون أردنيون ذلك."))
    codes = codes_by_mention(doc)
    assert codes["مسؤول أمريكي"] == "USAGOV" and codes["مسؤولون أردنيون"] == "JORGOV"


def test_a_name_written_with_the_article_needs_it(stage: ActorStage) -> None:
    doc = stage(make_document("ووصف المتظاهرون قائدهم بأنه «أسد الرافدين»، وقال الأسد إن الحرب لن تتوقف."))
    linked = {m.text: e for e in doc.entities for m in e.mentions if e.actor and e.actor.code}
    assert "أسد" not in linked
    assert linked["الأسد"].actor.code == "SYRGOV"  # type: ignore[union-attr]


def test_a_mention_starting_on_punctuation_is_linked_without_error(stage: ActorStage) -> None:
    text = "وقال الكاتب / عبدالمعطي الدهلوي إن المشروع تأخر."
    doc = make_document(text)
    start = text.index("/")
    end = text.index("الدهلوي") + len("الدهلوي")
    doc.entities.append(Entity(id="E1", type="PER", mentions=[Span(start, end, text[start:end])]))
    doc = stage(doc)
    assert any(e.type == "PER" for e in doc.entities)


def test_a_name_containing_a_listed_surname_is_someone_else(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وقال الدكتور محمد الإبراهيمي أستاذ العلوم السياسية إن الوضع خطير."))
    ent = covering(doc, "محمد الإبراهيمي")
    assert ent.actor is None or ent.actor.country != "UNO"


def test_a_one_word_name_before_a_degree_adjective_is_a_common_noun(stage: ActorStage) -> None:
    doc = stage(make_document("واستقبل الجمهور اللاعبين بحماس شديد، ورفضت حماس العرض الإسرائيلي."))
    texts = [m.text for e in doc.entities for m in e.mentions]
    assert "بحماس" not in texts and "حماس" in texts


def test_a_convoy_is_coded_by_its_owner(stage: ActorStage) -> None:
    doc = stage(make_document("ووصلت قافلة للأمم المتحدة إلى مدينة حلب، وهاجم مسلحون قافلة عسكرية أمريكية قرب بغداد."))
    codes = codes_by_mention(doc)
    assert codes["قافلة للأمم المتحدة"] == "UNO"
    assert codes["قافلة عسكرية أمريكية"] == "USAMIL"


def test_warplanes_are_military_and_airliners_no_actor(stage: ActorStage) -> None:
    doc = stage(make_document("وقصفت الطائرات الروسية مواقع للمعارضة، وهبطت طائرات الركاب في مطار دبي."))
    codes = codes_by_mention(doc)
    assert codes["الطائرات الروسية"] == "RUSMIL"
    assert not any(t.startswith("طائرات") for t in codes)


def test_a_title_opened_by_a_conjunction_and_the_deputy_titles(pipeline: Pipeline) -> None:
    doc = pipeline(make_document(
        "اجتمع وزير الخارجية الروسي سيرغي لافروف ونظيره الأمريكي جون كيري في جنيف. "
        "وقال النائب العام المصري عبد المجيد محمود إن التحقيق مستمر."
    ))
    kerry = covering(doc, "جون كيري")
    assert kerry.title == "نظيره الأمريكي"
    assert covering(doc, "عبد المجيد محمود").actor.code == "EGYJUD"  # type: ignore[union-attr]


def test_counted_nationalities_are_that_people(stage: ActorStage) -> None:
    doc = stage(make_document("وقتل خمسة فلسطينيين برصاص الجيش الإسرائيلي، واعتقلت الشرطة 3 عراقيين، "
                              "وأشاد بالجنود الأمريكيين."))
    codes = codes_by_mention(doc)
    assert codes["فلسطينيين"] == "PSE" and codes["عراقيين"] == "IRQ"
    assert codes.get("الأمريكيين") is None  # after a definite noun it is that noun's adjective


def test_nisba_words_describing_things_are_no_actors(stage: ActorStage) -> None:
    doc = stage(make_document("وقال الوزير في مؤتمر صحفي إن مسلحين هاجموا موقعا عسكريا في هجوم انتحاري، "
                              "بعد يوم من تفجير انتحاري آخر."))
    codes = codes_by_mention(doc)
    assert not any(t.startswith(("صحفي", "عسكري", "انتحاري")) for t in codes), codes
    assert codes["مسلحين"] == "UAF"


def test_bombers_diplomats_and_delegations_are_actors(stage: ActorStage) -> None:
    assert codes_by_mention(stage(make_document("فجر انتحاري نفسه في سوق شعبي.")))["انتحاري"] == "UAF"
    doc = stage(make_document("ووصل دبلوماسي روسي إلى دمشق. واستقبل الرئيس العراقي وفدا سعوديا برئاسة وزير الطاقة."))
    codes = codes_by_mention(doc)
    assert codes["دبلوماسي روسي"] == "RUSGOV"
    assert codes["وفدا سعوديا"] == "SAUGOV"
    assert "برئاسة" not in codes and "روسي" not in codes


def test_a_round_up_codes_each_report_where_it_is_set(stage: ActorStage) -> None:
    doc = stage(make_document(
        "حذر وزير الخارجية الإيراني من التصعيد خلال مؤتمر في طهران. وقال مسؤول في طهران إن إيران مستعدة للحوار. "
        "وقتل ثلاثة جنود أتراك في هجوم شنه مسلحون من حزب العمال الكردستاني جنوب شرقي تركيا، "
        "وردت القوات التركية بقصف مواقع للحزب. "
        "وفي القاهرة، تظاهر مئات العمال أمام مقر الوزارة وطالبوا بإقالة الوزير."))
    codes = codes_by_mention(doc)
    assert codes["للحزب"] == codes["حزب العمال الكردستاني"]  # the party named before
    assert codes["الوزير"] == "EGYGOV"  # not the article's Iran


def test_the_adjective_of_an_act_of_state_names_the_state_acting(stage: ActorStage) -> None:
    doc = stage(make_document("قتل خمسة مدنيين في قصف إسرائيلي على غزة، ورفضت حماس الاتهامات الإسرائيلية، "
                              "وأفرج عن الأسرى بوساطة مصرية."))
    codes = codes_by_mention(doc)
    assert codes["إسرائيلي"] == "ISRMIL" and codes["الإسرائيلية"] == "ISRGOV" and codes["مصرية"] == "EGYGOV"
    doc = stage(make_document("وصل الوفد إلى العاصمة الروسية."))
    assert "الروسية" not in codes_by_mention(doc)  # a place's adjective, no state acting


def test_with_no_country_for_the_article_a_sentence_stays_where_the_last_was(stage: ActorStage) -> None:
    doc = stage(make_document("وفي اليمن، قتل 12 شخصا في غارة على سوق شعبي في محافظة صعدة. وقالت الحكومة إنها ستحقق. "
                              "وفي ليبيا، خطف مسلحون مهندسين. وفي تونس، أعلن العمال إضرابا."))
    codes = codes_by_mention(doc)
    assert codes["الحكومة"] == "YEMGOV" and codes["مسلحون"] == "LBYUAF"



def test_a_spokesperson_is_coded_as_the_body_it_speaks_for(stage: ActorStage) -> None:
    doc = stage(make_document("ونفت المتحدثة باسم البنتاغون هذه التقارير. وقال المتحدث باسم الحكومة العراقية إن الوضع مستقر."))
    codes = codes_by_mention(doc)
    assert codes["المتحدثة باسم البنتاغون"] == "USAMIL"
    assert codes["المتحدث باسم الحكومة العراقية"] == "IRQGOV"


def test_the_spokesman_of_a_group_is_coded_as_the_group(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وقال المتحدث باسم المتمردين الحوثيين محمد عبد السلام إن الهجمات ستستمر، "
                                 "فيما أطلقت الميليشيا الحوثية طائرة مسيرة باتجاه جازان.", published="2024-01-10"))
    assert by_name(doc, "Mohamed Abdul al-Salam").actor.code == "YEMREB"  # type: ignore[union-attr]
    codes = codes_by_mention(doc)
    assert codes["الميليشيا الحوثية"] == "YEMREB"  # the Houthi adjective, not the sentence's Saudi place


def test_a_title_with_a_nationality_refers_back_to_that_countrys_named_person(pipeline: Pipeline) -> None:
    doc = pipeline(make_document(
        "وقال لافروف خلال مؤتمر صحفي مع نظيره الصيني وانغ يي إن الحوار ضروري. "
        "وأكد الوزير الصيني أن بكين تتفق مع موسكو، وقال الأخير إن التصعيد الأخير خطير.", published="2012-06-01"))
    wang = by_name(doc, "Wang Yi")
    assert any(m.text == "الوزير الصيني" for m in wang.mentions)
    assert sum(m.text == "الأخير" for e in doc.entities for m in e.mentions) == 1  # not the adjective


def test_a_long_title_before_a_name_is_no_actor_of_its_own(pipeline: Pipeline) -> None:
    doc = pipeline(make_document(
        "وأعرب العاهل السعودي الملك سلمان بن عبد العزيز عن دعمه لجهود التسوية. "
        "وقال المتحدث باسم قوات التحالف العقيد تركي المالكي إن الحوثيين يستهدفون المدنيين.", published="2019-06-16"))
    texts = [m.text for e in doc.entities for m in e.mentions]
    assert "العاهل السعودي" not in texts and not any(t.startswith("المتحدث") for t in texts)
    assert by_name(doc, "King Salman").actor.code == "SAUGOV"  # type: ignore[union-attr]


def test_possessed_members_are_coded_as_their_owner(stage: ActorStage) -> None:
    doc = stage(make_document("أعلنت هيئة الحشد الشعبي مقتل ثلاثة من عناصرها. وقالت حركة طالبان إن أحد قادتها قتل في غارة."))
    codes = codes_by_mention(doc)
    assert codes["عناصرها"] == codes["الحشد الشعبي"] and codes["قادتها"] == codes["حركة طالبان"] == "AFGREB"


def test_a_capital_south_of_which_something_happens_is_a_place(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وأطلق مسلحون النار على سيارة لضابط في حي الدورة جنوبي بغداد."))
    assert codes_by_mention(doc)["بغداد"] == "IRQ"  # where, not the Iraqi state acting


def test_foreign_forces_are_not_the_place_s_own(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وأعلنت وزارة الداخلية العراقية أن قوات أجنبية قصفت موقعا للشرطة غربي العراق."))
    assert by_mention(doc)["قوات"].actor.country is None


def test_an_organisation_named_after_a_place_is_an_actor_of_its_own() -> None:
    doc = Pipeline.from_names(["text", "ner", "actors", "quotes"])(make_document("وأعلن التحالف بقيادة السعودية في اليمن أنه اعترض طائرة مسيرة أطلقها الحوثيون "
                                 "باتجاه مدينة جازان.", published="2021-03-01"))
    coalition = by_name(doc, "Saudi-led coalition")
    assert coalition.type == "ORG" and coalition.actor.code == "SAUMIL"  # type: ignore[union-attr]
    assert by_name(doc, "Saudi Arabia").actor.country == "SAU"  # type: ignore[union-attr]  # still a place
    assert [doc.entity(q.speaker).name for q in doc.quotes] == ["Saudi-led coalition"]  # type: ignore[union-attr]


def test_a_ministry_the_dictionary_lacks_gets_an_english_name(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وفرضت وزارة الخزانة الأمريكية عقوبات على شركات، وقالت الخارجية الإيرانية إنها سترد.",
                                 published="2024-01-10"))
    names = {e.name_ar: e.name for e in doc.entities}
    assert names["وزارة الخزانة الأمريكية"] == "Ministry of the Treasury (United States)"
    assert names["الخارجية الإيرانية"] == "Ministry of Foreign Affairs (Iran)"


def test_a_defence_ministry_is_military_and_an_army_is_not_spelt_out(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وأعلنت وزارة الدفاع العراقية أن الجيش اللبناني لم يشارك في المناورات.",
                                 published="2024-01-10"))
    by_ar = {e.name_ar: e for e in doc.entities}
    assert by_ar["وزارة الدفاع العراقية"].actor.code == "IRQMIL"  # type: ignore[union-attr]
    assert by_ar["الجيش اللبناني"].name == "Lebanon military"


def test_a_province_after_a_preposition_is_no_governor(stage: ActorStage) -> None:
    doc = stage(make_document("وقتل جندي في هجوم بمحافظة ديالى، وقال محافظ ديالى إن التحقيق جار."))
    texts = by_mention(doc)
    assert not {"بمحافظة", "محافظة"} & set(texts)
    assert any(t.startswith("محافظ ") or t == "محافظ" for t in texts)


def test_a_listed_country_name_of_several_words_acts_as_the_state(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وهددت المملكة العربية السعودية بقطع العلاقات، وردت كوريا الشمالية ببيان."))
    texts = by_mention(doc)
    saudi, korea = texts["المملكة العربية السعودية"], texts["كوريا الشمالية"]
    assert (saudi.name, saudi.actor.code) == ("Saudi Arabia", "SAUGOV")  # type: ignore[union-attr]
    assert (korea.name, korea.actor.code) == ("North Korea", "PRKGOV")  # type: ignore[union-attr]


@pytest.mark.parametrize("text, name, code", [
    ("واعتقلت الشرطة الإسرائيلية الصحفي الفلسطيني محمد القيق في القدس.", "محمد القيق", "PSEJRN"),
    ("واعتقلت قوات الأمن التونسية الناشط السياسي أحمد الصواب في العاصمة تونس.", "أحمد الصواب", "TUNOPP"),
], ids=["the arresting body is no part of the title", "an activist's title"])
def test_a_role_before_a_name_codes_the_person(pipeline: Pipeline, text: str, name: str, code: str) -> None:
    doc = pipeline(make_document(text, published="2026-11-20"))
    person = next(e for e in doc.entities if e.name_ar == name)
    assert person.actor is not None and person.actor.code == code
    assert person.title is not None and not person.title.startswith(("الشرطة", "قوات"))


def test_a_country_after_a_definite_title_is_its_object_not_its_modifier() -> None:
    doc = Pipeline.from_names()(make_document("زار الوزير جنوب أفريقيا الأسبوع الماضي، واستقبل الرئيس الفرنسي وفدا من نيجيريا.",
                                 published="2026-11-20"))
    texts = by_mention(doc)
    # "الوزير جنوب أفريقيا" cannot be a construct (the first word is definite); the tagger's
    # "أفريقيا" takes the whole listed name
    assert "الوزير" in texts and "الوزير جنوب أفريقيا" not in texts
    assert texts["جنوب أفريقيا"].name == "South Africa"
    # a dictionary phrase headed by an office noun names a person, coded by its adjective
    president = texts["الرئيس الفرنسي"]
    assert president.type == "PER" and president.actor.code == "FRAGOV"  # type: ignore[union-attr]
    visit = next(ev for ev in doc.events if ev.mode == "visit")
    assert visit.source == [texts["الوزير"].id] and visit.target == [texts["جنوب أفريقيا"].id]


@pytest.mark.parametrize("text, name, code", [
    ("وقال السفير الأمريكي لدى العراق ماثيو تولر إن بلاده تدعم الحكومة.", "ماثيو تولر", "USAGOV"),
    ("وقال المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ إن الهدنة صامدة.", "هانس غروندبرغ", "UNOGOV"),
    # the country after إلى is the posting, not whose envoy he is
    ("وقال المبعوث الخاص إلى اليمن هانس غروندبرغ إن الهدنة صامدة.", "هانس غروندبرغ", "GOV"),
    # a place before the office is where, not part of it
    ("ووصل إلى دمشق المبعوث الأممي هانس غروندبرغ.", "هانس غروندبرغ", "UNOGOV"),
], ids=["ambassador to", "UN envoy to", "envoy to, no nationality", "arrived in"])
def test_an_envoys_posting_is_part_of_the_title(pipeline: Pipeline, text: str, name: str, code: str) -> None:
    doc = pipeline(make_document(text, published="2026-11-20"))
    person = next(e for e in doc.entities if e.name_ar == name)
    assert person.actor is not None and person.actor.code == code
    assert not any(e.type == "PER" and e is not person for e in doc.entities)  # the title is no person of its own


@pytest.mark.parametrize("text, surface, code", [
    ("وقال محافظ نينوى إن الوضع الأمني مستقر.", "محافظ نينوى", "IRQGOV"),
    ("وأعلنت شرطة البصرة اعتقال ثلاثة مطلوبين.", "شرطة البصرة", "IRQCOP"),
    # after a definite word an indefinite one is the verb's object, not part of the phrase
    ("واعتقلت قوات الأمن مسلحين في بغداد.", "قوات الأمن", "IRQCOP"),
], ids=["governor of a governorate", "police of a city", "forces, then their object"])
def test_an_office_or_force_in_construct_with_a_place_takes_its_country(pipeline: Pipeline, text: str, surface: str,
                                                                        code: str) -> None:
    doc = pipeline(make_document(text, published="2026-11-20"))
    ent = by_mention(doc)[surface]
    assert ent.actor is not None and ent.actor.code == code


def test_a_name_tagged_from_the_end_of_a_body_keeps_the_body_in_its_title(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("اتهم المتحدث باسم الجيش الوطني الليبي أحمد المسماري حكومة الوفاق بخرق الهدنة.",
                                 published="2026-11-20"))
    person = next(e for e in doc.entities if e.type == "PER")
    assert person.name_ar == "أحمد المسماري" and person.title and person.title.endswith("الليبي")
    assert person.actor is not None and person.actor.code == "LBYMIL"


def test_an_agent_phrase_takes_the_whole_named_body_after_it(pipeline: Pipeline) -> None:
    doc = pipeline(make_document("وقصفت طائرات التحالف بقيادة السعودية مواقع للحوثيين في محافظة مأرب.",
                                 published="2026-11-20"))
    planes = by_mention(doc)["طائرات التحالف بقيادة السعودية"]
    assert planes.actor is not None and planes.actor.code == "SAUMIL"
