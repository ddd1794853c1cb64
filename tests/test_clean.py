"""Cleaning plain-text articles: titles, furniture, duplicated leads, publishers, dates."""

from __future__ import annotations

import pytest

from marsad.clean.boilerplate import furniture_reason, looks_like_outlet
from marsad.clean.cleaner import clean_article
from marsad.clean.duplicates import duplicate_paragraphs, folded_words
from marsad.ingest.base import RawArticle


def _clean(text: str, **kw):
    return clean_article(RawArticle(text=text, format="txt", path="t.txt"), **kw)


def test_sample_000_title_lead_once_furniture_gone(sample_000_text):
    doc = _clean(sample_000_text)
    assert doc.title == "أمريكا تتجنب الرد على الإعلان الروسي عن عمل عسكري مشترك بين الطرفين في حلب"
    # The lead appears twice in the input, the second copy with "يوم الثلاثاء" added: keep that one, once.
    assert doc.text.count("تجنبت وزارة الخارجية الأمريكية") == 1
    assert doc.text.startswith("تجنبت وزارة الخارجية الأمريكية, يوم الثلاثاء,")
    assert doc.text.rstrip().endswith("وقصف المدن.")
    for furniture in ("SHARE", "close", "الأكثر قراءة", "سيريانيوز"):
        assert furniture not in doc.text
    assert doc.source.publisher == "سيريانيوز"
    reasons = {r.reason for r in doc.removed}
    assert {"duplicate-paragraph", "publisher"} <= reasons
    assert "title" not in doc.text[:20]


@pytest.mark.parametrize("lead", [
    "بيروت - وقع لبنان والاتحاد الأوروبي أمس اتفاقا لتقديم مساعدات للاجئين.",
    "القاهرة (رويترز) ـ قال مسؤولون إن الحكومة سترفع أسعار الوقود.",
    "أعلنت وزارة الصحة اليوم تسجيل مئة إصابة جديدة بالفيروس في العاصمة ومحيطها خلال الساعات الماضية.",
])
def test_a_lead_paragraph_on_the_first_line_is_no_title(lead: str) -> None:
    doc = _clean(lead + "\n\nوأضاف المتحدث أن الإجراءات ستستمر حتى نهاية الشهر الجاري في كل المحافظات.")
    assert doc.title is None and doc.text.startswith(lead)


def test_sample_003_repeated_title_and_tail_widgets(sample_003_text):
    doc = _clean(sample_003_text)
    assert doc.title == "لافروف يطلب مشاركة عسكريين أمريكيين في مراقبة الهدنة في سوريا"
    assert doc.title not in doc.text
    assert doc.text.startswith("قالت وزارة الخارجية الروسية اليوم السبت")
    assert doc.text.rstrip().endswith("والروس\".")
    for furniture in ("التعليقات", "أهم المواضيع", "أهم التصنيفات", "الأكثر قراءة", "💡"):
        assert furniture not in doc.text
    # Inner sub-headings are part of the article and stay.
    assert "نشر الوثائق المرتبطة بوقف إطلاق النار" in doc.text
    assert any(r.reason == "duplicate-title" for r in doc.removed)
    assert doc.source.publisher is None


def test_every_removed_piece_has_a_reason(sample_003_text):
    doc = _clean(sample_003_text)
    assert doc.removed and all(r.reason and r.text for r in doc.removed)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("شارك على فيسبوك", "ui-text"),
        ("اقرأ أيضاً", "ui-text"),
        ("جميع الحقوق محفوظة © 2016", "ui-text"),
        ("Print", "latin-ui"),
        ("Read more", "latin-ui"),
        ("12", "counter"),
        ("🔥 الأخبار العاجلة", "section-link"),
    ],
)
def test_furniture_signals(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "وقال المتحدث إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.",
        "المساعدات الإنسانية",
        "قتل خمسة مدنيين في قصف على ريف إدلب",
    ],
)
def test_content_is_not_furniture(line):
    assert furniture_reason(line) is None


def test_outlet_names_are_recognised_by_shape():
    assert looks_like_outlet("سكاي نيوز عربية")
    assert looks_like_outlet("وكالة الأنباء الأردنية")
    assert looks_like_outlet("الجزيرة نت")
    assert not looks_like_outlet("المساعدات الإنسانية")
    assert not looks_like_outlet("وقال الوزير إن الوكالة ستفتح مكتبا جديدا في المدينة.")


def test_duplicate_paragraphs_keep_the_fuller_copy():
    lead = "أعلنت الحكومة العراقية اليوم عن خطة جديدة لإعادة إعمار مدينة الموصل بعد انتهاء المعارك"
    fuller = "أعلنت الحكومة العراقية، اليوم الأحد، عن خطة جديدة لإعادة إعمار مدينة الموصل بعد انتهاء المعارك"
    other = "وتشمل الخطة إعادة بناء الجسور والمستشفيات والمدارس في الجانب الأيمن من المدينة"
    lead, fuller, other = (folded_words(p) for p in (lead, fuller, other))
    assert duplicate_paragraphs([lead, fuller, other]) == {0}
    assert duplicate_paragraphs([fuller, lead, other]) == {1}
    assert duplicate_paragraphs([other, other]) == {1}
    assert duplicate_paragraphs([lead, other]) == set()


def test_generic_article_with_leading_menu_and_trailing_widgets():
    text = "\n".join([
        "مقتل ثلاثة جنود في هجوم شمال سيناء",
        "الرئيسية",
        "أخبار عربية",
        "قتل ثلاثة جنود مصريين وأصيب اثنان آخران في هجوم مسلح استهدف حاجزا أمنيا في مدينة العريش.",
        "",
        "وقالت مصادر أمنية إن مسلحين أطلقوا النار على الحاجز قبل أن يفروا إلى جهة مجهولة.",
        "",
        "كلمات مفتاحية",
        "Facebook",
        "Twitter",
        "أضف تعليق",
    ])
    doc = _clean(text)
    assert doc.title == "مقتل ثلاثة جنود في هجوم شمال سيناء"
    assert doc.text.startswith("قتل ثلاثة جنود")
    assert doc.text.endswith("إلى جهة مجهولة.")
    assert "الرئيسية" not in doc.text and "Twitter" not in doc.text


def test_publication_date_precedence():
    body = "عنوان الخبر\nقتل ثلاثة جنود في هجوم مسلح استهدف حاجزا أمنيا في مدينة العريش صباح اليوم."
    assert _clean(body, published="2016-08-02").published == "2016-08-02"
    assert _clean(body, published="2016-08-02").published_from == "argument"
    raw = RawArticle(text=body, format="txt", published="2015-01-01")
    doc = clean_article(raw, published="2016-08-02")
    assert (doc.published, doc.published_from) == ("2015-01-01", "metadata")
    assert _clean(body).published is None and _clean(body).published_from == "none"


def test_same_input_same_id(sample_000_text):
    assert _clean(sample_000_text).id == _clean(sample_000_text).id
    assert _clean(sample_000_text).id != _clean(sample_000_text.replace("حلب", "إدلب")).id
