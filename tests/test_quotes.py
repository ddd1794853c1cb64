"""Quotes: quotation marks, speech cues, reported clauses, speakers, relays, continuations.

Entities are set by hand here (as the NER/actors stages would leave them) so that these
tests exercise the quotes stage alone; tests/test_quotes_pipeline.py runs the real stages.
"""

from __future__ import annotations

import re

import pytest

from marsad.document import Document, Entity, Span
from marsad.quotes.cues import lookup
from marsad.quotes.marks import find_quoted
from marsad.quotes.stage import QuoteStage
from marsad.testing import make_document, sample_body

STAGE = QuoteStage()


def with_entities(doc: Document, specs: list[tuple[str, ...]]) -> Document:
    """Add one entity per spec ``(type, surface, other surfaces...)`` with every occurrence as a mention."""
    for n, (etype, *forms) in enumerate(specs, 1):
        ent = Entity(f"E{n}", etype, name_ar=forms[0])  # type: ignore[arg-type]
        for form in forms:
            for m in re.finditer(re.escape(form), doc.text):
                if not any(s.start <= m.start() < s.end for s in ent.mentions):
                    ent.mentions.append(Span(m.start(), m.end(), form))
        doc.entities.append(ent)
    return doc


def run(text: str, specs: list[tuple[str, ...]] = ()) -> Document:
    return STAGE(with_entities(make_document(text), list(specs)))


def speaker_name(doc: Document, quote) -> str | None:
    ent = doc.entity(quote.speaker)
    if ent is not None:
        return ent.name_ar
    return doc.meta["quote_speakers"].get(quote.id)


def via_name(doc: Document, quote) -> str | None:
    ent = doc.entity(quote.via)
    if ent is not None:
        return ent.name_ar
    return doc.meta["quote_vias"].get(quote.id)


def find(doc: Document, fragment: str):
    hits = [q for q in doc.quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r}: {[q.text for q in doc.quotes]}"
    return hits[0]


def assert_spans(doc: Document) -> None:
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
        assert q.text and q.text == q.text.strip()


# -- quotation marks ----------------------------------------------------------------------------


def test_marks_pair_each_family_and_nest():
    text = 'قال: «الوضع "صعب جدا" الآن» وأضاف “نعم".'
    spans = [text[q.start : q.end] for q in find_quoted(text)]
    assert spans == ['الوضع "صعب جدا" الآن', "صعب جدا", "نعم"]


def test_unclosed_quote_runs_to_paragraph_end_only():
    text = 'وقال الوزير: "لن نتراجع عن قرارنا.\nوأضاف أن "الحكومة" ستواصل.'
    quoted = find_quoted(text)
    assert [text[q.start : q.end] for q in quoted] == ["لن نتراجع عن قرارنا.", "الحكومة"]
    assert quoted[0].closed is False


def test_mirrored_guillemets_and_stray_closer():
    assert [q.open for q in find_quoted("»لا تراجع«")] == [0]
    # A mark glued to the previous word and followed by a space cannot open a quote.
    text = 'الجيش" قال إن "الهدنة صامدة تماما الآن"'
    assert [text[q.start : q.end] for q in find_quoted(text)] == ["الهدنة صامدة تماما الآن"]


# -- cues -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lemma", "kind"),
    [
        ("قال", "قال", "verb"),
        ("وقالت", "قال", "verb"),
        ("يقولون", "قال", "verb"),
        ("وأكدت", "اكد", "verb"),
        ("يؤكد", "اكد", "verb"),
        ("مؤكداً", "اكد", "participle"),
        ("مشيرا", "اشار", "participle"),
        ("فأضاف", "اضاف", "verb"),
        ("ونقلت", "نقل", "relay"),
        ("وبحسب", "بحسب", "trailing"),
        ("وفقاً", "بحسب", "trailing"),
        ("نفى", "نفي", "verb"),
    ],
)
def test_cue_forms(word, lemma, kind):
    from marsad.text.normalize import fold

    cue = lookup(fold(word))
    assert cue is not None and cue.lemma == lemma and cue.kind == kind


def test_non_cues():
    from marsad.text.normalize import fold

    for word in ("وزير", "فرنسا", "وصف", "القول", "بيان"):
        assert lookup(fold(word)) is None


# -- reported and direct speech ------------------------------------------------------------------


def test_reported_vso_with_time_adverbs_and_feminine_organisation():
    doc = run(
        "قالت وزارة الخارجية الروسية اليوم السبت إن الوزير أبلغ نظيره بضرورة مراقبة وقف إطلاق النار.",
        [("ORG", "وزارة الخارجية الروسية")],
    )
    (q,) = doc.quotes
    assert q.text == "الوزير أبلغ نظيره بضرورة مراقبة وقف إطلاق النار"
    assert not q.direct and q.cue == "قالت" and speaker_name(doc, q) == "وزارة الخارجية الروسية"


def test_direct_quote_after_colon_with_speaker_before_adjunct():
    doc = run(
        "وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا في مؤتمر صحفي: «لا نرى أي أساس لهذه الاتهامات».",
        [("PER", "ماريا زاخاروفا"), ("ORG", "الخارجية الروسية")],
    )
    (q,) = doc.quotes
    assert q.direct and q.text == "لا نرى أي أساس لهذه الاتهامات"
    assert speaker_name(doc, q) == "ماريا زاخاروفا"  # the person, not the organisation in her title


def test_svo_after_kana_and_participle_continuation():
    doc = run(
        "وكان رئيس الوزراء العراقي حيدر العبادي أعلن أمس أن القوات استعادت السيطرة على المطار، "
        "مشيرا إلى أن المعركة ستستمر حتى تحرير المدينة.",
        [("PER", "حيدر العبادي")],
    )
    first, second = doc.quotes
    assert first.text == "القوات استعادت السيطرة على المطار" and first.cue == "أعلن"
    assert second.text == "المعركة ستستمر حتى تحرير المدينة" and second.cue == "مشيرا"
    assert speaker_name(doc, first) == speaker_name(doc, second) == "حيدر العبادي"


def test_continuation_in_next_sentence_inherits_speaker():
    doc = run(
        'وقال الناطق باسم الحكومة راجح بادي: "الحوثيون يرفضون كل المبادرات السلمية". '
        'وتابع: "لن نقبل بأي حل لا يستند إلى المرجعيات الثلاث". وأضاف أن الحكومة مستعدة للحوار.',
        [("PER", "راجح بادي")],
    )
    assert [q.cue for q in doc.quotes] == ["قال", "تابع", "أضاف"]
    assert [q.direct for q in doc.quotes] == [True, True, False]
    assert {speaker_name(doc, q) for q in doc.quotes} == {"راجح بادي"}


def test_relay_gives_speaker_and_via():
    doc = run(
        "ونقلت وكالة رويترز عن مسؤول أمني عراقي قوله إن الهجوم أسفر عن مقتل خمسة جنود.",
        [("ORG", "وكالة رويترز")],
    )
    (q,) = doc.quotes
    assert q.text == "الهجوم أسفر عن مقتل خمسة جنود" and q.cue == "قوله"
    assert via_name(doc, q) == "وكالة رويترز"
    assert q.speaker is None and doc.meta["quote_speakers"][q.id] == "مسؤول أمني عراقي"


def test_trailing_and_fronted_attribution():
    doc = run(
        "وتسيطر فصائل المعارضة على أجزاء من المدينة، بحسب ما ذكرته وكالة الأنباء الألمانية.",
        [("ORG", "وكالة الأنباء الألمانية")],
    )
    (q,) = doc.quotes
    assert q.text == "وتسيطر فصائل المعارضة على أجزاء من المدينة" and speaker_name(doc, q) == "وكالة الأنباء الألمانية"
    doc = run(
        "ووفقا لوزارة الصحة الفلسطينية، فإن حصيلة القتلى ارتفعت إلى 12 شخصا.", [("ORG", "وزارة الصحة الفلسطينية")]
    )
    (q,) = doc.quotes
    assert q.text == "حصيلة القتلى ارتفعت إلى 12 شخصا" and speaker_name(doc, q) == "وزارة الصحة الفلسطينية"


def test_quote_before_its_verb():
    doc = run(
        "«سنواصل الضغط حتى يلتزم النظام بتعهداته»، قال المبعوث الأممي ستافان دي ميستورا للصحفيين.",
        [("PER", "ستافان دي ميستورا")],
    )
    (q,) = doc.quotes
    assert q.direct and q.text == "سنواصل الضغط حتى يلتزم النظام بتعهداته"
    assert speaker_name(doc, q) == "ستافان دي ميستورا"


def test_contrast_connector_and_other_participle_end_the_clause():
    doc = run("وأوضحت المفوضية أن عدد النازحين تجاوز مليون شخص، في حين تواصل الأمطار عرقلة الإغاثة.")
    assert [q.text for q in doc.quotes] == ["عدد النازحين تجاوز مليون شخص"]
    doc = run("أعرب الرئيس عن قلقه من تصاعد العنف في ليبيا، داعيا جميع الأطراف إلى ضبط النفس.")
    assert [q.text for q in doc.quotes] == ["قلقه من تصاعد العنف في ليبيا"]


def test_anaphor_al_akhir_resolves_to_latest_person():
    doc = run(
        "التقى الرئيس عبد الفتاح السيسي نظيره السوداني عمر البشير في القاهرة. "
        "وأكد الأخير أن بلاده حريصة على تعزيز التعاون.",
        [("PER", "عبد الفتاح السيسي"), ("PER", "عمر البشير"), ("GPE", "القاهرة")],
    )
    (q,) = doc.quotes
    assert speaker_name(doc, q) == "عمر البشير"


def test_pro_drop_without_previous_quote_takes_latest_person():
    doc = run(
        "وزار وزير الخارجية الأمريكي مايك بومبيو بغداد أمس. وأكد أن واشنطن ستدعم الحكومة العراقية.",
        [("PER", "مايك بومبيو"), ("GPE", "بغداد"), ("GPE", "واشنطن")],
    )
    (q,) = doc.quotes
    assert speaker_name(doc, q) == "مايك بومبيو"


def test_addressee_after_preposition_is_not_the_speaker():
    doc = run("وقال شهود عيان لرويترز إن القصف استمر طوال الليل.", [("ORG", "رويترز")])
    (q,) = doc.quotes
    assert q.speaker is None and doc.meta["quote_speakers"][q.id].startswith("شهود عيان")


@pytest.mark.parametrize(
    "text",
    [
        "يذكر أن المدينة تخضع لحصار خانق منذ أكثر من عامين.",
        "وتابع الرئيس جولته في المنطقة بلقاء ولي العهد في الرياض.",
        'وتتهم الحكومة ما تسميه "الجماعات الإرهابية" بالوقوف وراء التفجير.',
        'وتظاهر آلاف الأشخاص رافعين لافتات كتب عليها "الشعب يريد إسقاط الفساد" و"لا للتهميش".',
        "وجرى التصويت بحسب الدستور الجديد.",
        "ونقلت الشاحنات المساعدات إلى المدينة.",
    ],
)
def test_no_quote(text):
    assert run(text).quotes == []


def test_ids_are_sequential_and_spans_exact():
    doc = run('قال الوزير إن الوضع مستقر. وأضاف: "لا داعي للقلق على الإطلاق".')
    assert [q.id for q in doc.quotes] == ["Q1", "Q2"]
    assert_spans(doc)


# -- the sample articles (entities as the NER/actors stages give them) ---------------------------

ENTITIES_000 = [
    ("PER", "إليزابيث ترودو"),
    ("ORG", "سي ان ان"),
    ("PER", "سيرغي شويغو"),
    ("PER", "حسين جابري"),
    ("PER", "ميخائيل بوغدانوف"),
    ("PER", "سيرغي لافروف"),
    ("PER", "فرانك شتاينماير"),
    ("GPE", "حلب"),
    ("GPE", "موسكو"),
    ("GPE", "واشنطن"),
    ("ORG", "وزارة الخارجية الأمريكية", "الخارجية الأمريكية"),
    ("GPE", "طهران"),
    ("GPE", "الولايات المتحدة الأمريكية"),
]
ENTITIES_003 = [
    ("ORG", "وزارة الخارجية الروسية"),
    ("PER", "سيرجي لافروف", "لافروف"),
    ("PER", "جون كيري", "كيري"),
    ("PER", "فلاديمير بوتين", "بوتين"),
    ("PER", "باراك أوباما", "أوباما"),
    ("ORG", "البيت الأبيض"),
    ("PER", "جوش إيرنست"),
    ("GPE", "الولايات المتحدة"),
    ("GPE", "سوريا"),
    ("GPE", "روسيا"),
    ("GPE", "قرغيزستان"),
    ("GPE", "حلب"),
    ("PER", "بشار الأسد"),
    ("GPE", "أمريكا"),
]


@pytest.fixture(scope="module")
def doc000(sample_000_text):
    return run(sample_body(sample_000_text), ENTITIES_000)


@pytest.fixture(scope="module")
def doc003(sample_003_text):
    return run(sample_body(sample_003_text), ENTITIES_003)


def test_sample_000_quotes(doc000):
    doc = doc000
    assert_spans(doc)
    q = find(doc, "تابعنا التقارير الصحفية")
    assert q.direct and q.cue == "قولها" and q.text.endswith("حل سياسي للصراع")
    assert speaker_name(doc, q) == "إليزابيث ترودو" and via_name(doc, q) == "سي ان ان"
    q = find(doc, "موسكو والولايات المتحدة الأمريكية تقتربان")
    assert not q.direct and speaker_name(doc, q) == "سيرغي شويغو" and q.text.endswith("بشكل مشترك")
    q = find(doc, "وجود مرحلة نشطة جدا")
    assert q.cue == "مشيرا" and speaker_name(doc, q) == "سيرغي شويغو"
    q = find(doc, "اتفقت طهران وموسكو")
    assert not q.direct and speaker_name(doc, q) == "حسين جابري"
    q = find(doc, "ضرورة فتح قنوات إنسانية")
    assert speaker_name(doc, q) == "فرانك شتاينماير"  # "اكد الاخير"
    # "المسلحين" and "ممارسة العنف" are scare quotes.
    assert not any(q.text in ("المسلحين", "ممارسة العنف") for q in doc.quotes)
    assert len(doc.quotes) == 6


def test_sample_003_quotes(doc003):
    doc = doc003
    assert_spans(doc)
    q = find(doc, "وزير الخارجية سيرجي لافروف أبلغ")
    assert not q.direct and q.cue == "قالت" and speaker_name(doc, q) == "وزارة الخارجية الروسية"
    q = find(doc, "لافروف اقترح أيضا")
    assert q.cue == "أضافت" and speaker_name(doc, q) == "وزارة الخارجية الروسية"  # "الوزارة"
    q = find(doc, "يتطلع إلى التزام الولايات المتحدة")
    assert speaker_name(doc, q) == "فلاديمير بوتين" and "مشيرا" not in q.text
    q = find(doc, "يعتقد أن الهدنة هدف مشترك")
    assert q.cue == "مشيرا" and speaker_name(doc, q) == "فلاديمير بوتين"
    q = find(doc, "ندعو أمريكا للتعامل")
    assert q.direct and q.cue == "قال" and speaker_name(doc, q) == "فلاديمير بوتين"
    q = find(doc, "قلقه العميق")
    assert q.cue == "أعرب" and speaker_name(doc, q) == "باراك أوباما"
    q = find(doc, "أوباما حذر")
    assert not q.direct and speaker_name(doc, q) == "البيت الأبيض"
    q = next(q for q in doc.quotes if q.direct and q.text.startswith("لن تمضي قدماً"))
    assert speaker_name(doc, q) == "باراك أوباما" and via_name(doc, q) == "البيت الأبيض"
    q = find(doc, "الترتيبات واضحة جداً")
    assert q.direct and q.cue == "أكد" and speaker_name(doc, q) == "جوش إيرنست"
    q = find(doc, "قد تحملت مسؤوليتها")
    assert q.direct and q.cue == "تابع" and speaker_name(doc, q) == "جوش إيرنست"
    # Names in quotation marks are not quotes.
    assert not any(q.text in ("باراك أوباما", "جوش إيرنست", "أي معنى مزدوج") for q in doc.quotes)
    assert len(doc.quotes) == 10


def test_samples_without_entities_keep_speaker_text(sample_003_text):
    doc = STAGE(make_document(sample_body(sample_003_text)))
    q = find(doc, "ندعو أمريكا للتعامل")
    assert q.speaker is None and doc.meta["quote_speakers"][q.id] == "بوتين"
    q = find(doc, "الترتيبات واضحة جداً")
    assert doc.meta["quote_speakers"][q.id] == "جوش إيرنست"  # the quoted name, not "المتحدث …"


# -- patterns met in real news (own sentences) ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وقال المدرب الذي يستعد لمواجهة فريقه السابق قبل أن يختتم الفريق جولته الأمريكية.",
        "ويتعامل السكان مع الظاهرة دون خوف أو حذر من أن تهدد حياتهم.",
        "وبكى الحاضرون حين رأوا دموع اللاعب، وحين سمعوا كلماته الأخيرة: شكرا لكم.",
        "ويعزف الرجل على العود كما يقول، خاصة أنه يحفظ الكثير من الأغاني القديمة.",
        "وكانت الشاشات تشير الأنظار..من يدفع المال يستطيع أن يكون مؤثرا.",
    ],
)
def test_no_quote_in_real_news_patterns(text):
    assert run(text).quotes == []


def test_masdar_of_a_cue_does_not_cut_the_speaker():
    doc = run("وقال محلل اقتصادي فضل عدم ذكر اسمه إن الأسواق ستتعافى قريبا.")
    (q,) = doc.quotes
    assert q.cue == "قال" and q.text == "الأسواق ستتعافى قريبا"
    assert doc.meta["quote_speakers"][q.id].startswith("محلل اقتصادي")


def test_person_inside_an_institution_name_is_not_the_speaker():
    doc = run("وأعلنت مدينة الملك عبدالله الطبية عن فتح باب القبول لبرامج الابتعاث.", [("PER", "عبدالله")])
    (q,) = doc.quotes
    assert q.speaker is None and doc.meta["quote_speakers"][q.id] == "مدينة الملك عبدالله الطبية"


def test_subject_before_relative_pronoun():
    doc = run(
        "وأشاد الوفد بالمحافظ فهد العتيبي الذي شدد على أهمية تنظيم المهرجان.",
        [("PER", "فهد العتيبي")],
    )
    (q,) = doc.quotes
    assert q.text == "أهمية تنظيم المهرجان" and speaker_name(doc, q) == "فهد العتيبي"


def test_addressee_outlet_before_the_speaker():
    doc = run("وأوضح لـ«الحياة» الناطق باسم الدفاع المدني أن فرق الإنقاذ انتشلت ثلاث جثث.")
    (q,) = doc.quotes
    assert doc.meta["quote_speakers"][q.id] == "الناطق باسم الدفاع المدني"


def test_pro_drop_takes_the_subject_of_the_opening_clause():
    doc = run(
        "وأشاد الرئيس الفرنسي إيمانويل ماكرون بجهود الوساطة، حيث قال: «نحن على الطريق الصحيح الآن».",
        [("PER", "إيمانويل ماكرون")],
    )
    (q,) = doc.quotes
    assert q.direct and speaker_name(doc, q) == "إيمانويل ماكرون"


def test_complementizer_then_colon_then_quotation():
    doc = run(
        "ويستند العرض إلى فكرة المفكر إدوارد سعيد، والذي يوضح أنه: «لا توجد ثقافة نقية بمعزل عن غيرها».",
        [("PER", "إدوارد سعيد")],
    )
    (q,) = doc.quotes
    assert q.direct and q.text == "لا توجد ثقافة نقية بمعزل عن غيرها" and speaker_name(doc, q) == "إدوارد سعيد"


def test_quotation_standing_alone_continues_the_speaker_but_a_citation_does_not():
    doc = run(
        "وقال الوزير خالد العمر: «الحكومة ماضية في الإصلاحات». «ولن نتراجع عن أي خطوة اتخذناها حتى الآن». "
        "«صحيفة الحياة 22/07/2015»",
        [("PER", "خالد العمر")],
    )
    assert [q.text for q in doc.quotes] == ["الحكومة ماضية في الإصلاحات", "ولن نتراجع عن أي خطوة اتخذناها حتى الآن"]
    assert {speaker_name(doc, q) for q in doc.quotes} == {"خالد العمر"}


def test_opinion_verb_takes_only_a_complement_clause():
    doc = run('وأعلن الجيش أن القرى التي تعتبر خالية من المسلحين "ستفتح أمام النازحين للعودة إليها قريبا".')
    assert [q.cue for q in doc.quotes] == ["أعلن", "أعلن"]  # the clause, and the quoted words inside it


def test_participle_speaker_is_the_titled_subject_of_the_sentence():
    doc = run(
        "وطالب المفوض السامي لشؤون اللاجئين فيليبو غراندي بزيادة التمويل، مشددا على أن المخيمات تعاني نقصا حادا.",
        [("PER", "فيليبو غراندي")],
    )
    (q,) = doc.quotes
    assert q.cue == "مشددا" and speaker_name(doc, q) == "فيليبو غراندي"


def test_svo_name_right_before_the_verb():
    doc = run(
        "وتتهم واشنطن ولندن الجيش بشن هجمات كيميائية، لكن موسكو تؤكد أن هذه الاتهامات لا أساس لها.",
        [("GPE", "واشنطن"), ("GPE", "لندن"), ("GPE", "موسكو")],
    )
    (q,) = doc.quotes
    assert q.text == "هذه الاتهامات لا أساس لها" and speaker_name(doc, q) == "موسكو"
