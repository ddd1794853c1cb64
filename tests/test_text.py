"""The Arabic text layer: folding with offset maps, sentences, tokens, clitic forms."""

from __future__ import annotations

from marsad.text.normalize import fold, folded_view
from marsad.text.tokens import clitic_variants, split_sentences, strip_proclitics, suffix_variants, tokenize


def test_fold_merges_orthographic_variants():
    assert fold("إيران") == fold("ايران")
    assert fold("أميركا") == fold("امیرکا") == "اميركا"
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("الجمهورية") == "الجمهوريه"
    assert fold("مسؤول") == "مسوول"
    assert fold("٢٧ شباط") == "27 شباط"


def test_fold_removes_diacritics_and_tatweel():
    assert fold("الْحَرْبُ") == "الحرب"
    assert fold("قــال") == "قال"


def test_folded_view_maps_back_to_original_offsets():
    text = "قَالَ الوزيرُ إنّ الهدنةَ صامدة"
    view = folded_view(text)
    start = view.text.index("الهدنه")
    s, e = view.to_original(start, start + len("الهدنه"))
    assert text[s:e] == "الهدنة"  # the trailing fatha is outside the matched letters
    quote = view.text.index("ان")
    s, e = view.to_original(quote, quote + 2)
    assert text[s:e] == "إن"


def test_folded_view_is_identity_without_deletions():
    view = folded_view("موسكو وواشنطن")
    assert view.to_original(6, 13) == (6, 13)


def test_sentences_split_on_punctuation_and_lines():
    text = "قال الوزير إن الهدنة صامدة. وأضاف أن المساعدات ستصل؟ نعم\n\nعنوان فرعي\nفقرة ثانية."
    spans = split_sentences(text)
    parts = [text[s:e] for s, e in spans]
    assert parts == ["قال الوزير إن الهدنة صامدة.", "وأضاف أن المساعدات ستصل؟", "نعم", "عنوان فرعي", "فقرة ثانية."]


def test_sentence_keeps_closing_quote_and_decimal_numbers():
    text = 'وقال "ندعو أمريكا للتعامل بصراحة." ثم غادر بنسبة 3.5 بالمئة.'
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ['وقال "ندعو أمريكا للتعامل بصراحة."', "ثم غادر بنسبة 3.5 بالمئة."]


def test_decimal_and_grouped_numbers_are_one_token():
    text = "زلزال بقوة 5.1 درجة، وتأثر 3,5 مليون شخص و١٢٫٥ بالمئة من 12,000,000 نسمة. ثم 7."
    words = [t.text for t in tokenize(text, split_sentences(text))]
    assert "5.1" in words and "3,5" in words and "و١٢٫٥" in words and "12,000,000" in words
    assert words[-2:] == ["7", "."]


def test_tokens_have_consistent_offsets_and_forms():
    text = "استبعد وزير الخارجية الروسي سيرغي لافروف، خلال لقائه نظيره الالماني."
    tokens = tokenize(text, split_sentences(text))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    words = [t.text for t in tokens]
    assert "،" in words and "." in words and "لافروف" in words
    by_text = {t.text: t for t in tokens}
    assert by_text["الخارجية"].stem == "خارجيه"
    assert by_text["الروسي"].norm == "الروسي"


def test_conservative_stem_keeps_root_initial_letters():
    assert strip_proclitics("وزير") == "وزير"
    assert strip_proclitics("فرنسا") == "فرنسا"
    assert strip_proclitics("بريطانيا") == "بريطانيا"
    assert strip_proclitics("والجيش") == "جيش"
    assert strip_proclitics("للمسلحين") == "مسلحين"
    assert strip_proclitics("وبالعاصمه") == "عاصمه"


def test_clitic_variants_offer_all_readings():
    assert clitic_variants("وموسكو") == ("وموسكو", "موسكو")
    assert "حلب" in clitic_variants("بحلب")
    assert "سوريا" in clitic_variants("لسوريا")
    assert "الجيش" in clitic_variants("وبالجيش")
    assert "لافروف" in clitic_variants("ولافروف")


def test_suffix_variants_restore_ta_marbuta_and_hamza():
    assert "زياره" in suffix_variants("زيارته")
    assert "لقاء" in suffix_variants(fold("لقائه"))
    assert "قول" in suffix_variants("قولها")


def test_language_identification_separates_arabic_from_other_arabic_script():
    from marsad.text.langid import detect_language

    assert detect_language("قال وزير الخارجية الإيراني إن بلاده مستعدة للحوار مع جيرانها") == "ar"
    assert detect_language("وزیر امور خارجه ایران گفت که کشورش آماده گفتگو با همسایگان است") == "fa"
    assert detect_language("The foreign minister said his country was ready for talks") == "en"
    assert detect_language("2016-08-02 12:30") is None
