"""The geo stage: gazetteer lookup, false-hit rejection, descriptions, disambiguation."""

from __future__ import annotations

import pytest
from conftest import SAMPLE_000, SAMPLE_003

from marsad.document import Document, Entity, Span
from marsad.geo.stage import GeoStage
from marsad.pipeline import Pipeline
from marsad.testing import make_document

# Common words that are also the names of some place in GeoNames or the OCHA community list.
COMMON_WORDS = {"أن", "إن", "كان", "وقف", "حول", "من", "عمل", "بين", "قال", "الأمن", "العمل", "الباب", "الحل"}


@pytest.fixture(scope="module")
def stage() -> GeoStage:
    return GeoStage()


@pytest.fixture(scope="module")
def through_geo() -> Pipeline:
    """The real stages through geo (NER and actors included)."""
    return Pipeline.from_names(["text", "ner", "actors", "geo"])


def body(path) -> str:
    """The article body: the file minus its title line and the short site-furniture lines."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return "\n\n".join(line.strip() for line in lines if len(line.split()) >= 4)


def run(stage: GeoStage, text: str, entities: list[Entity] | None = None) -> Document:
    doc = make_document(text)
    doc.entities = entities or []
    return stage(doc)


def by_text(doc: Document) -> dict[str, object]:
    return {m.text: p for p in doc.places for m in p.mentions}


def check_spans(doc: Document) -> None:
    for p in doc.places:
        for m in p.mentions:
            assert doc.text[m.start : m.end] == m.text


# -- acceptance on the sample articles -------------------------------------------------------
def test_sample_000_places(stage: GeoStage) -> None:
    doc = run(stage, body(SAMPLE_000))
    check_spans(doc)
    found = by_text(doc)
    aleppo = found["حلب"]
    assert (aleppo.geonameid, aleppo.country, aleppo.feature, aleppo.precision) == (170063, "SYR", "city", "city")
    assert aleppo.admin1 == "Aleppo" and aleppo.name == "Aleppo"
    assert all(p.geonameid != 96205 for p in doc.places)  # never Halabja
    assert (found["واشنطن"].geonameid, found["واشنطن"].country, found["واشنطن"].feature) == (4140963, "USA", "capital")
    assert abs(found["واشنطن"].lat - 38.8951) < 0.01 and abs(found["واشنطن"].lon + 77.0364) < 0.01
    assert (found["موسكو"].geonameid, found["موسكو"].country) == (524901, "RUS")
    assert (found["طهران"].geonameid, found["طهران"].country) == (112931, "IRN")
    for name, iso3 in (("سوريا", "SYR"), ("روسيا", "RUS"), ("أمريكا", "USA"), ("الولايات المتحدة الأمريكية", "USA")):
        assert (found[name].country, found[name].feature) == (iso3, "country"), name
    assert found["أمريكا"] is found["الولايات المتحدة الأمريكية"]  # one Place per referent
    assert len(aleppo.mentions) == doc.text.count("حلب") - doc.text.count("ريف حلب")
    rif = found["ريفها"]  # "حلب وريفها"
    assert (rif.pcode, rif.precision, rif.country) == ("SY02", "admin1", "SYR")
    assert not COMMON_WORDS & set(found)


def test_sample_003_places(stage: GeoStage) -> None:
    doc = run(stage, body(SAMPLE_003))
    check_spans(doc)
    found = by_text(doc)
    bishkek = found["عاصمة قرغيزستان"]
    assert (bishkek.name, bishkek.geonameid, bishkek.country, bishkek.feature) == ("Bishkek", 1528675, "KGZ", "capital")
    east = found["الأحياء الشرقية المحاصرة في حلب"]
    assert (east.geonameid, east.country, east.precision) == (170063, "SYR", "sub-city")
    assert (found["الولايات المتحدة"].country, found["الولايات المتحدة"].feature) == ("USA", "country")
    assert found["أمريكا"] is found["الولايات المتحدة"]
    assert found["سوريا"].country == "SYR" and found["روسيا"].country == "RUS"
    assert found["موسكو"].geonameid == 524901 and found["واشنطن"].geonameid == 4140963
    assert not COMMON_WORDS & set(found)
    assert "البيت الأبيض" not in found and "الأبيض" not in found
    # the sentence about east Aleppo points at the sub-city place
    sentence = doc.sentence_of(east.mentions[0].start)
    assert doc.meta["place_of_sentence"][sentence] == east.id


def test_place_ids_in_order_of_first_mention(stage: GeoStage) -> None:
    doc = run(stage, body(SAMPLE_000))
    assert [p.id for p in doc.places] == [f"P{i}" for i in range(1, len(doc.places) + 1)]
    firsts = [p.mentions[0].start for p in doc.places]
    assert firsts == sorted(firsts)


# -- recognition -----------------------------------------------------------------------------
def test_clitics_are_stripped_from_spans(stage: GeoStage) -> None:
    doc = run(stage, "التقى الوفد بحلب وموسكو قبل أن يتوجه لسوريا والولايات المتحدة.")
    found = by_text(doc)
    assert found["حلب"].geonameid == 170063
    assert found["موسكو"].country == "RUS"
    assert found["سوريا"].country == "SYR"
    assert found["الولايات المتحدة"].country == "USA"
    check_spans(doc)


def test_common_words_are_not_places(stage: GeoStage) -> None:
    text = ("وكان المتحدث قال إن وقف إطلاق النار بين الطرفين صامد، وأكد أن العمل جار حول الحل "
            "من أجل إعادة الأمن إلى الباب الذي أغلق.")
    assert run(stage, text).places == []


def test_generic_nouns_and_adjectives_are_not_places(stage: GeoStage) -> None:
    doc = run(stage, "قدمت السعودية دعما ماليا ومبلغ مالي كبير إلى المدينة وإلى كل مدينة في المنطقة.")
    assert [p.name for p in doc.places] == ["Saudi Arabia"]
    assert by_text(run(stage, "واحتجزت الشرطة في مالي عشرين مشتبها."))["مالي"].country == "MLI"


def test_common_word_needs_cue_or_ner(stage: GeoStage) -> None:
    assert run(stage, "وسقطت قذائف على الباب صباح اليوم.").places == []
    cued = by_text(run(stage, "وسقطت قذائف على مدينة الباب صباح اليوم."))
    assert cued["الباب"].country == "SYR" and cued["الباب"].admin1 == "Aleppo"
    text = "وسقطت قذائف على الباب صباح اليوم."
    start = text.index("الباب")
    ner = Entity("E1", "LOC", [Span(start, start + 5, "الباب")])
    assert by_text(run(stage, text, [ner]))["الباب"].country == "SYR"


def test_person_names_are_not_places(stage: GeoStage) -> None:
    doc = run(stage, "وقال الرئيس فلاديمير بوتين إن باراك أوباما تحدث مع إليزابيث ترودو في موسكو.")
    assert [p.name for p in doc.places] == ["Moscow"]


def test_place_of_entity_links_ner_entities(stage: GeoStage) -> None:
    text = "وصل الوفد إلى دمشق."
    start = text.index("دمشق")
    doc = run(stage, text, [Entity("E1", "GPE", [Span(start, start + 4, "دمشق")])])
    assert doc.meta["place_of_entity"] == {"E1": doc.places[0].id}


def test_given_name_rule_ignores_function_words(stage: GeoStage) -> None:
    found = by_text(run(stage, "وقالت مصادر في واشنطن من جهتها إن الوفد وصل إلى باريس هيلتون."))
    assert found["واشنطن"].geonameid == 4140963


def test_place_inside_a_person_mention_is_dropped(stage: GeoStage) -> None:
    text = "وقال المهندس عبد الله حلب إن المشروع سينجز في دمشق."
    start = text.index("عبد الله حلب")
    per = Entity("E1", "PER", [Span(start, start + len("عبد الله حلب"), "عبد الله حلب")])
    assert [p.name for p in run(stage, text, [per]).places] == ["Damascus"]


def test_adjectives_are_context_not_places(stage: GeoStage) -> None:
    doc = run(stage, "وطالب بوقف القصف على المدن السورية والقرى التركية.")
    assert doc.places == []


def test_small_syrian_places_need_syrian_context(stage: GeoStage) -> None:
    assert run(stage, "وصل الوفد إلى الزيادية صباح اليوم.").places == []
    assert by_text(run(stage, "وصل الوفد السوري إلى الزيادية صباح اليوم."))["الزيادية"].pcode == "C5260"
    syrian = by_text(run(stage, "قصفت قوات النظام السوري بلدة مضايا وقرية الزيادية في ريف اللاذقية."))
    assert syrian["مضايا"].country == "SYR" and syrian["الزيادية"].pcode == "C5260"


def test_coordinated_towns_share_the_cue(stage: GeoStage) -> None:
    found = by_text(run(stage, "ووصلت قافلة مساعدات إلى بلدتي الفوعة ومضايا المحاصرتين."))
    assert found["الفوعة"].country == "SYR" and found["مضايا"].country == "SYR"


# -- descriptions ----------------------------------------------------------------------------
def test_countryside_and_governorates(stage: GeoStage) -> None:
    found = by_text(run(stage, "تجدد القصف على ريف حلب وريف إدلب الجنوبي، فيما هدأت الجبهات في ريف دمشق ومحافظة درعا."))
    assert (found["ريف حلب"].pcode, found["ريف حلب"].precision, found["ريف حلب"].name) == ("SY02", "admin1", "Aleppo countryside")
    assert found["ريف إدلب"].pcode == "SY07"
    assert (found["ريف دمشق"].pcode, found["ريف دمشق"].feature) == ("SY03", "admin1")
    assert (found["محافظة درعا"].pcode, found["محافظة درعا"].precision) == ("SY12", "admin1")


def test_capital_descriptions(stage: GeoStage) -> None:
    found = by_text(run(stage, "وصل الوزير إلى العاصمة الروسية ثم توجه إلى عاصمة قرغيزستان وبعدها إلى تونس العاصمة."))
    assert found["العاصمة الروسية"].geonameid == 524901
    assert found["عاصمة قرغيزستان"].name == "Bishkek"
    assert found["تونس العاصمة"].name == "Tunis"


def test_sub_city_parts(stage: GeoStage) -> None:
    doc = run(stage, "سقطت قذائف على أحياء حلب الشرقية، واشتباكات في حي جوبر شرقي دمشق وفي الضاحية الجنوبية لبيروت.")
    found = by_text(doc)
    assert (found["أحياء حلب الشرقية"].geonameid, found["أحياء حلب الشرقية"].precision) == (170063, "sub-city")
    assert "eastern" in found["أحياء حلب الشرقية"].name
    assert (found["حي جوبر"].geonameid, found["حي جوبر"].precision) == (170654, "sub-city")
    assert (found["الضاحية الجنوبية لبيروت"].country, found["الضاحية الجنوبية لبيروت"].precision) == ("LBN", "sub-city")
    assert doc.meta["place_of_sentence"][0] in {p.id for p in doc.places if p.precision == "sub-city"}


# -- disambiguation --------------------------------------------------------------------------
def test_country_context_disambiguates(stage: GeoStage) -> None:
    lebanon = by_text(run(stage, "اشتبك الجيش اللبناني مع مسلحين في طرابلس شمال لبنان."))
    libya = by_text(run(stage, "أعلنت الحكومة الليبية حالة الطوارئ في طرابلس."))
    assert lebanon["طرابلس"].country == "LBN" and libya["طرابلس"].country == "LBY"
    jordan = by_text(run(stage, "قال وزير الخارجية الأردني في عمان إن بلاده تدعم الحل."))
    assert jordan["عمان"].name == "Amman"
    assert by_text(run(stage, "وقعت سلطنة عمان اتفاقا تجاريا."))["عمان"].feature == "country"


def test_countries_beat_same_named_villages(stage: GeoStage) -> None:
    found = by_text(run(stage, "وصل اللاجئون إلى الأردن ومصر والعراق ولبنان."))
    assert {p.feature for p in found.values()} == {"country"}
    assert {p.country for p in found.values()} == {"JOR", "EGY", "IRQ", "LBN"}


def test_big_capital_beats_small_namesake_in_foreign_story(stage: GeoStage) -> None:
    found = by_text(run(stage, "قالت وزارة الخارجية الأمريكية إن واشنطن تتابع ما يجري في موسكو."))
    assert found["موسكو"].country == "RUS" and found["واشنطن"].geonameid == 4140963


def test_place_of_sentence_keeps_the_most_specific(stage: GeoStage) -> None:
    doc = run(stage, "قصفت الطائرات بلدة مضايا في سوريا. وقالت روسيا إنها لم تشارك.")
    pos = doc.meta["place_of_sentence"]
    ids = {p.name: p.id for p in doc.places}
    assert pos[0] == next(p.id for p in doc.places if p.country == "SYR" and p.precision == "city")
    assert pos[1] == ids["Russia"]


def test_document_without_places(stage: GeoStage) -> None:
    doc = run(stage, "أكدت الوزارة أن الاجتماع سيعقد غدا.")
    assert doc.places == [] and doc.meta["place_of_sentence"] == {}


def test_a_district_missing_from_the_gazetteer_keeps_its_own_name(through_geo: Pipeline) -> None:
    doc = through_geo(
        make_document("وأطلق مسلحون النار على سيارة في حي الدورة جنوبي بغداد."))
    names = {e.name_ar: e.name for e in doc.entities}
    assert names["بغداد"] == "Baghdad" and names["الدورة"] != "Baghdad"


@pytest.mark.parametrize("text, surface, name", [
    ("أرسلت الإمارات طائرة محملة بالمساعدات إلى مطار العريش لنقلها إلى قطاع غزة.", "قطاع غزة", "Gaza Strip"),
    ("وتوجه الوفد إلى جنوب أفريقيا الأسبوع الماضي.", "جنوب أفريقيا", "South Africa"),
], ids=["a region named after its city", "a country whose name starts with a direction"])
def test_a_place_named_inside_a_longer_place_takes_its_name(through_geo: Pipeline, text: str, surface: str,
                                                           name: str) -> None:
    doc = through_geo(make_document(text, published="2026-11-20"))
    # the tagger's shorter span (غزة, أفريقيا) is widened to the listed name
    ent = next(e for e in doc.entities if any(m.text == surface for m in e.mentions))
    assert ent.name == name
    assert ent.actor is not None and ent.actor.sector is None  # where, not a state acting


@pytest.mark.parametrize("text, name, country", [
    ("تظاهر ألفا شخص أمس في عمان.", "Amman", "JOR"),
    ("قال وزير الخارجية العماني إن عمان تدعم الحوار.", "Oman", "OMN"),
], ids=["Amman by default", "Oman in an Omani story"])
def test_a_name_of_two_states_reads_the_same_for_actors_and_places(through_geo: Pipeline, text: str, name: str,
                                                                  country: str) -> None:
    doc = through_geo(make_document(text, published="2026-11-20"))
    place = next(p for p in doc.places if any(m.text == "عمان" for m in p.mentions))
    ent = next(e for e in doc.entities if any(m.text == "عمان" for m in e.mentions))
    assert (place.name, place.country) == (name, country)
    assert ent.actor is not None and ent.actor.country == country


@pytest.mark.parametrize("text, name", [
    ("وقتل خمسة في غارة جوية على وكر للتنظيم في صحراء الأنبار غربي البلاد.", "Al Anbar Governorate"),
    ("وانفجرت عبوة ناسفة في محافظة ديالى شرقي العراق.", "Diyala Governorate"),
], ids=["Anbar, not a Syrian village", "Diyala"])
def test_iraqi_governorates_are_places_of_iraq(through_geo: Pipeline, text: str, name: str) -> None:
    doc = through_geo(make_document(text, published="2026-11-20"))
    place = next(p for p in doc.places if p.name == name)
    assert place.country == "IRQ" and place.precision == "admin1"
