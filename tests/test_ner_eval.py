"""`marsad eval ner`: the scorer on a tiny CoNLL fixture and with controlled taggers."""

from __future__ import annotations

from pathlib import Path

from marsad.eval.ner import evaluate, score_sentences
from marsad.ner.data import read_conll, spans

TINY = Path(__file__).parent / "data" / "ner_tiny.conll"


class _Fixed:
    """A tagger returning prepared labels (to check the arithmetic)."""

    def __init__(self, labels: list[list[str]]) -> None:
        self.labels = labels
        self.pos = 0

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        out = self.labels[self.pos:self.pos + len(sentences)]
        self.pos += len(sentences)
        return out


def test_spans_from_iob() -> None:
    assert spans(["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_scores_are_exact_span_micro_averages() -> None:
    sents = list(read_conll(TINY))
    perfect, _ = score_sentences(sents, _Fixed([t for _, t in sents]))[1], None
    assert perfect["f1"] == 1.0 and perfect["tokens"] == 40
    # drop one PERS, cut one ORG short, add a spurious MISC (not in the file's label set)
    wrong = [list(t) for _, t in sents]
    wrong[0][4:6] = ["O", "O"]
    wrong[2][2] = "O"
    wrong[1][0] = "B-MISC"
    result = score_sentences(sents, _Fixed(wrong))[1]
    assert set(result["per_type"]) == {"PERS", "LOC", "ORG"}
    assert result["per_type"]["PERS"]["recall"] == round(2 / 3, 4)
    assert result["per_type"]["ORG"]["precision"] == 0.5
    assert result["precision"] == round(8 / 9, 4) and result["recall"] == 0.8


def test_evaluate_runs_the_shipped_model() -> None:
    summary, result = evaluate(str(TINY))
    assert set(result) == {"precision", "recall", "f1", "per_type", "tokens", "seconds"}
    assert result["tokens"] == 40
    assert "micro" in summary
    assert result["f1"] >= 0.8  # plain newswire sentences with well-known names
