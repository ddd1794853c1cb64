"""`marsad eval places`: the scorer and the shipped gold set."""

from __future__ import annotations

import json

from conftest import ROOT

from marsad.eval.places import evaluate, gold_mentions

GOLD = ROOT / "data" / "gold" / "places.jsonl"


def test_gold_mentions_respect_word_boundaries_and_longer_names() -> None:
    text = "زار حلبجة ثم وصل بحلب وفي الأحياء الشرقية في حلب اشتباكات."
    places = [{"text": "حلب"}, {"text": "الأحياء الشرقية في حلب"}]
    spans = [(text[a:b], p["text"]) for a, b, p in gold_mentions(text, places)]
    assert spans == [("حلب", "حلب"), ("الأحياء الشرقية في حلب", "الأحياء الشرقية في حلب")]


def test_evaluate_gold_set(tmp_path) -> None:
    summary, result = evaluate(str(GOLD))
    assert set(result) >= {"precision", "recall", "f1", "accuracy", "country_accuracy", "gold_mentions", "documents"}
    assert result["documents"] == len(GOLD.read_text(encoding="utf-8").splitlines())
    assert result["f1"] >= 0.9 and result["accuracy"] >= 0.9
    assert "places on" in summary
    json.dumps(result)


def test_evaluate_counts_false_and_wrong_places(tmp_path) -> None:
    rows = [
        {"id": "a", "text": "وصل الوفد إلى دمشق ثم إلى بغداد.",
         "places": [{"text": "دمشق", "name": "Damascus", "country": "SYR", "geonameid": 170654}]},
        {"id": "b", "text": "اشتبك الجيش اللبناني مع مسلحين في طرابلس.",
         "places": [{"text": "طرابلس", "name": "Tripoli", "country": "LBY", "geonameid": 2210247}]},
    ]
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    _, result = evaluate(str(path))
    assert result["gold_mentions"] == 2 and result["system_mentions"] == 3
    assert result["precision"] == round(2 / 3, 4) and result["recall"] == 1.0
    assert result["accuracy"] == 0.5 and result["country_accuracy"] == 0.5
