"""Date expressions: detection, resolution against the publication date, publication datelines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.testing import make_document
from marsad.time.calendar import gregorian_to_hijri, hijri_to_gregorian
from marsad.time.dates import event_date, find_publication_date, find_times, resolve
from marsad.time.stage import TimeStage

ROOT = Path(__file__).resolve().parents[1]
STAGE = TimeStage()


def _times(text: str, published: str | None) -> list[tuple[str, str | None, str, str]]:
    doc = STAGE(make_document(text, published=published))
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text
    return [(t.text, t.value, t.precision, t.kind) for t in doc.times]


def _body(name: str) -> str:
    return (ROOT / "examples" / name).read_text(encoding="utf-8").split("\n", 1)[1]


# -- acceptance: the two sample articles ---------------------------------------------------------------------

def test_sample_000_published_tuesday():
    got = _times(_body("000_c35d0598cd5afa25.txt"), "2016-08-02")
    assert got == [
        ("امس", "2016-08-01", "day", "date"),
        ("يوم الثلاثاء", "2016-08-02", "day", "date"),
        ("امس", "2016-08-01", "day", "date"),
        ("يوم الاثنين", "2016-08-01", "day", "date"),
        ("27 شباط الماضي", "2016-02-27", "day", "date"),
    ]


def test_sample_003_published_saturday():
    got = _times(_body("003_59205ff8b6276687.txt"), "2016-09-17")
    dates = [g for g in got if g[3] == "date"]
    assert dates == [
        ("اليوم السبت", "2016-09-17", "day", "date"),
        ("الاثنين المقبل", "2016-09-19", "day", "date"),
        ("أمس الجمعة", "2016-09-16", "day", "date"),
    ]
    assert ("سبعة أيام متواصلة", "P7D", "unknown", "duration") in got
    assert not any("لفترة" in g[0] or "الزمن" in g[0] for g in got)


# -- families ------------------------------------------------------------------------------------------------

CASES = [
    # relative days (published Tuesday 2016-08-02)
    ("قتل خمسة مدنيين أول أمس في قصف على ريف إدلب.", "2016-08-02", "أول أمس", "2016-07-31", "day"),
    ("وقال المسؤول بالأمس إن المفاوضات متعثرة.", "2016-08-02", "الأمس", "2016-08-01", "day"),
    ("وصل الوفد مساء أمس إلى جنيف.", "2016-08-02", "مساء أمس", "2016-08-01", "day"),
    ("ويعقد المجلس جلسة طارئة غدًا.", "2016-08-02", "غدًا", "2016-08-03", "day"),
    ("ويبدأ التصويت صباح الغد في جميع المحافظات.", "2016-08-02", "صباح الغد", "2016-08-03", "day"),
    ("وحتى اليوم لم يصدر أي رد رسمي.", "2016-08-02", "اليوم", "2016-08-02", "day"),
    # weekdays
    ("زار الرئيس موسكو يوم الخميس.", "2016-08-02", "يوم الخميس", "2016-07-28", "day"),
    ("سيزور الرئيس موسكو يوم الخميس.", "2016-08-02", "يوم الخميس", "2016-08-04", "day"),
    ("تعقد القمة الأحد المقبل في الرياض.", "2016-08-02", "الأحد المقبل", "2016-08-07", "day"),
    ("اجتمع الوزراء الجمعة الماضي في عمان.", "2016-08-02", "الجمعة الماضي", "2016-07-29", "day"),
    ("وقصفت الطائرات البلدة فجر اليوم الأربعاء.", "2016-08-03", "فجر اليوم الأربعاء", "2016-08-03", "day"),
    ("أعلن الجيش أمس الاثنين بدء الهجوم.", "2016-08-02", "أمس الاثنين", "2016-08-01", "day"),
    ("وتنتهي المهلة الثلاثاء المقبل.", "2016-08-02", "الثلاثاء المقبل", "2016-08-09", "day"),
    ("وقصفت الطائرات البلدة يوم أمس الاثنين.", "2016-08-02", "يوم أمس الاثنين", "2016-08-01", "day"),
    ("واتخذت اللجنة أمس الأول الأحد قرارها.", "2016-08-02", "أمس الأول الأحد", "2016-07-31", "day"),
    ("وقال مراسلنا إن الحزب حقق اليوم (الثلاثاء) فوزا كبيرا.", "2016-08-02", "اليوم (الثلاثاء)", "2016-08-02", "day"),
    # calendar-relative
    ("التقى الوزير نظيره الأسبوع الماضي.", "2016-08-02", "الأسبوع الماضي", "2016-W30", "week"),
    ("ارتفعت الأسعار خلال الشهر الماضي.", "2016-08-02", "الشهر الماضي", "2016-07", "month"),
    ("تجرى الانتخابات العام المقبل.", "2016-08-02", "العام المقبل", "2017", "year"),
    ("شهد العام الحالي تصعيدا كبيرا.", "2016-08-02", "العام الحالي", "2016", "year"),
    ("يجتمع البرلمان في الخامس عشر من الشهر الجاري.", "2016-08-02", "الخامس عشر من الشهر الجاري", "2016-08-15", "day"),
    # quantities: digits, Arabic-Indic digits, words, duals
    ("اعتقل الصحفي منذ ثلاثة أيام.", "2016-08-02", "منذ ثلاثة أيام", "2016-07-30", "day"),
    ("قتل قبل ٣ أيام في حمص.", "2016-08-02", "قبل ٣ أيام", "2016-07-30", "day"),
    ("قتل القائد قبل يومين في غارة.", "2016-08-02", "قبل يومين", "2016-07-31", "day"),
    ("وسيعلن القرار بعد أسبوعين.", "2016-08-02", "بعد أسبوعين", "2016-W33", "week"),
    ("وتبدأ الجولة الخامسة من المحادثات يوم الخميس.", "2017-03-20", "يوم الخميس", "2017-03-23", "day"),
    ("تدور المعارك منذ خمسة وعشرين يوما.", "2016-09-17", "منذ خمسة وعشرين يوما", "2016-08-23", "day"),
    ("وقع الاتفاق قبل 5 أشهر.", "2018-06-15", "قبل 5 أشهر", "2018-01", "month"),
    ("تحاصر القوات البلدة منذ عامين.", "2013-10-20", "منذ عامين", "2011", "year"),
    # absolute dates, every month tradition
    ("اندلعت المظاهرات في ١٥ آذار ٢٠١١.", "2016-08-02", "١٥ آذار ٢٠١١", "2011-03-15", "day"),
    ("ولد في 12 كانون الثاني 1960.", None, "12 كانون الثاني 1960", "1960-01-12", "day"),
    ("وقعت الاتفاقية في 5 يناير 2015.", None, "5 يناير 2015", "2015-01-05", "day"),
    ("وقع الهجوم في 17 جانفي 2016.", None, "17 جانفي 2016", "2016-01-17", "day"),
    ("عقد المؤتمر في 3 فيفري الماضي.", "2016-08-02", "3 فيفري الماضي", "2016-02-03", "day"),
    ("جرت الانتخابات في 7 أكتوبر 2016 بالمغرب.", None, "7 أكتوبر 2016", "2016-10-07", "day"),
    ("وصل الوفد في 3 غشت 2016.", None, "3 غشت 2016", "2016-08-03", "day"),
    ("في 25 كانون 2 2016 عقد الاجتماع.", None, "25 كانون 2 2016", "2016-01-25", "day"),
    ("سقطت المدينة في العاشر من حزيران 2014.", None, "العاشر من حزيران 2014", "2014-06-10", "day"),
    ("الهدنة دخلت حيز التنفيذ في 27 شباط الماضي.", "2016-08-02", "27 شباط الماضي", "2016-02-27", "day"),
    ("وذلك في الـ27 من شهر شباط الماضي.", "2016-08-02", "الـ27 من شهر شباط الماضي", "2016-02-27", "day"),
    ("وارتفعت الأسعار بنسبة 3% مقارنة بعام 2013.", None, "عام 2013", "2013", "year"),
    ("وفي 27 شباط (فبراير) الماضي بدأت الهدنة.", "2016-08-02", "27 شباط (فبراير) الماضي", "2016-02-27", "day"),
    ("ستجري الانتخابات في 7 أكتوبر المقبل.", "2016-09-17", "7 أكتوبر المقبل", "2016-10-07", "day"),
    ("بدأ الحصار في آب الماضي.", "2016-09-17", "آب الماضي", "2016-08", "month"),
    ("بدأ الحصار في آب الماضي.", "2016-08-02", "آب الماضي", "2015-08", "month"),
    ("في آذار 2011 اندلعت الاحتجاجات.", None, "آذار 2011", "2011-03", "month"),
    ("وتشكلت الحكومة عام 2011.", None, "عام 2011", "2011", "year"),
    ("ونشرت الوثيقة بتاريخ 2016-08-02.", None, "2016-08-02", "2016-08-02", "day"),
    ("واعتقل في 2/8/2016 في دمشق.", None, "2/8/2016", "2016-08-02", "day"),
    ("وصدر المرسوم في ٠٢/٠٨/٢٠١٦.", None, "٠٢/٠٨/٢٠١٦", "2016-08-02", "day"),
    # Hijri
    ("صدر القرار في 15 رمضان 1437 هـ.", None, "15 رمضان 1437 هـ", "2016-06-21", "day"),
    ("الموافق 10 ذو الحجة 1437هـ", None, "10 ذو الحجة 1437هـ", "2016-09-13", "day"),
    ("بدأ الصيام في رمضان 1439 هـ.", None, "رمضان 1439 هـ", "2018-05", "month"),
]


@pytest.mark.parametrize(("text", "published", "expr", "value", "precision"), CASES)
def test_expression_family(text, published, expr, value, precision):
    got = _times(text, published)
    assert (expr, value, precision, "date") in got, got


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("سبعة أيام متواصلة من الهدوء", "سبعة أيام متواصلة", "P7D"),
    ("امتنع عن القصف لمدة ثلاثة أسابيع.", "لمدة ثلاثة أسابيع", "P3W"),
    ("يجب الرد خلال 48 ساعة.", "خلال 48 ساعة", "PT48H"),
    ("استمرت المعارك أربعة أيام.", "أربعة أيام", "P4D"),
    ("بقي في السجن طوال ستة أشهر.", "طوال ستة أشهر", "P6M"),
    ("ونفذ المطار الإجراءات خلال 20 دقيقة فقط.", "خلال 20 دقيقة فقط", "PT20M"),
])
def test_durations_are_not_dates(text, expr, value):
    assert _times(text, "2016-08-02") == [(expr, value, "unknown", "duration")]


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("تستمر الهدنة من 3 إلى 5 آب.", "من 3 إلى 5 آب", "2016-08-03/2016-08-05"),
    ("في يومي 3 و4 آب عقدت الجلسات.", "يومي 3 و4 آب", "2016-08-03/2016-08-04"),
    ("تضاعف العدد بين عامي 2011 و2013.", "عامي 2011 و2013", "2011/2013"),
    ("تمتد الفترة من 3 آب 2015 إلى 5 أيلول 2015.", "3 آب 2015 إلى 5 أيلول 2015", "2015-08-03/2015-09-05"),
])
def test_ranges(text, expr, value):
    got = _times(text, "2016-08-02")
    assert [(g[0], g[1], g[3]) for g in got] == [(expr, value, "range")]


@pytest.mark.parametrize("text", [
    "وأضرب السجناء عن الطعام لفترة من الزمن.",
    "في اليوم التالي انسحبت القوات.",
    "احتفل العالم باليوم العالمي للاجئين.",
    "مارس الوزير ضغوطا على الحكومة.",
    "وتطالب قوى 14 آذار بانتخاب رئيس.",
    "كلا الاثنين رفضا العرض.",
    "التقى أحد المسؤولين بالوفد.",
    "قتل ثلاثة جنود وجرح أربعة.",
    "وقال الأمين العام إن الحل سياسي.",
    "سيارة نيسان بيضاء اللون.",
    "وصل عدد القتلى إلى 300 ألف.",
    "أفاد مصدر بالأمس القريب أن الوضع هادئ.",
    "لم تكن لها مشكلة مع الاثنين، لكن مشكلتها مع الحكومة.",
    "يعقد المؤتمر كل عام في شهر نوفمبر.",
    "وقال المتحدث لقناة روسيا اليوم إن الوضع خطير.",
])
def test_no_false_dates(text):
    assert [g for g in _times(text, "2016-08-02") if g[3] != "duration"] == []


def test_no_publication_date_keeps_relative_unresolved():
    got = _times("أعلن الوزير أمس أن القمة تعقد الاثنين المقبل، بعد اتفاق 15 آذار 2011.", None)
    assert got == [
        ("أمس", None, "unknown", "date"),
        ("الاثنين المقبل", None, "unknown", "date"),
        ("15 آذار 2011", "2011-03-15", "day", "date"),
    ]


def test_after_n_units_in_a_past_narrative_is_not_counted_from_publication():
    assert _times("وبعد ثلاث سنوات أسس منظمة سرية.", "2016-08-02") == [("بعد ثلاث سنوات", None, "unknown", "date")]
    assert _times("قتل قبل 5000 عام.", "2016-08-02") == [("قبل 5000 عام", None, "unknown", "date")]


def test_weekday_named_with_relative_word_follows_the_weekday():
    # Published on Saturday: "أمس الجمعة" is Friday; a crawl date one day late still finds Friday.
    assert resolve("أمس الجمعة", "2016-09-17").value == "2016-09-16"
    assert resolve("أمس الجمعة", "2016-09-18").value == "2016-09-16"


def test_offsets_with_diacritics_and_tatweel():
    text = "قُتِلَ أَمْسِ خمسةٌ، والموافق 27 شوال 1437 هـ"
    got = find_times(text, "2016-08-02")
    assert [t.text for t in got] == ["أَمْسِ", "27 شوال 1437 هـ"]
    assert all(text[t.start:t.end] == t.text for t in got)


def test_hijri_tabular_conversion_round_trips():
    assert hijri_to_gregorian(1, 1, 1) == date(622, 7, 19)  # civil epoch, 16 July 622 Julian
    assert hijri_to_gregorian(1445, 9, 1) == date(2024, 3, 11)
    d = date(1990, 1, 1)
    while d < date(2030, 1, 1):
        assert hijri_to_gregorian(*gregorian_to_hijri(d)) == d
        d = date.fromordinal(d.toordinal() + 37)


# -- publication date and event dates ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("دمشق - 2 آب 2016\nقال مصدر إن ...", "2016-08-02"),
    ("نشر في: 02/08/2016", "2016-08-02"),
    ("2016-08-02 10:31", "2016-08-02"),
    ("آخر تحديث: السبت ١٧ أيلول ٢٠١٦ - ١٠:٣١", "2016-09-17"),
    ("Published Aug 2, 2016", "2016-08-02"),
    ("الثلاثاء 27 شوال 1437 هـ", "2016-08-02"),
    ("قتل امس خمسة اشخاص في حلب", None),
    ("التقى الوزير يوم الثلاثاء 2 آب بنظيره", None),
    ("ولد في 2 آب 1960", None),
    ("سيريانيوز", None),
])
def test_find_publication_date(text, expected):
    assert find_publication_date(text) == expected


def test_event_date_prefers_the_sentence_date():
    doc = STAGE(make_document("أعلن الجيش أمس بدء الهجوم. وقال الوزير إن الحل سياسي.", published="2016-08-02"))
    assert event_date(doc, 0) == ("2016-08-01", "day")
    assert event_date(doc, 1) == ("2016-08-02", "day")
    bare = Document(id="x", text="نص", published=None)
    assert event_date(bare, 0) == (None, "unknown")


def test_event_date_is_the_one_nearest_the_trigger_outside_relative_clauses():
    text = ("وتتبادل الحكومة والمعارضة الاتهامات بخرق الهدنة التي دخلت حيز التنفيذ في 12 آذار الماضي. "
            "وقال المتحدث اليوم إن الهجوم وقع أمس.")
    doc = STAGE(make_document(text, published="2016-05-10"))
    accusation = text.index("الاتهامات")
    assert event_date(doc, 0, (accusation, accusation + len("الاتهامات"))) == ("2016-05-10", "day")
    attack = text.index("الهجوم")
    assert event_date(doc, 1, (attack, attack + len("الهجوم"))) == ("2016-05-09", "day")
    text = "خرقت الهدنة التي بدأت في 12 آذار الماضي، في حين تواصل الأمم المتحدة مطالبة الطرفين بضبط النفس."
    doc = STAGE(make_document(text, published="2016-05-10"))
    demand = text.index("مطالبة")
    assert event_date(doc, 0, (demand, demand + len("مطالبة"))) == ("2016-05-10", "day")
    breach = text.index("خرقت")
    assert event_date(doc, 0, (breach, breach + len("خرقت"))) == ("2016-05-10", "day")


def test_gold_file_scores():
    from marsad.eval.dates import evaluate

    summary, result = evaluate(str(ROOT / "data" / "gold" / "dates.jsonl"))
    assert result["expressions"] >= 70
    assert result["recall"] >= 0.95 and result["precision"] >= 0.95
    assert result["value_accuracy"] >= 0.95
    assert "detection" in summary
