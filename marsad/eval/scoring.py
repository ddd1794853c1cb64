"""What every scorer shares: ratios and precision/recall/F1 rounded to 4 places, and the
pipeline the sentence-level evaluations run."""

from __future__ import annotations


def ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from true positives and the predicted and gold counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": f1(p, r)}


def installed_pipeline():
    """(the default pipeline with whichever of its stages are installed, their names): the
    events and actors evaluations score what `marsad process` would produce."""
    from marsad.pipeline import DEFAULT_STAGES, Pipeline, get_factory

    names = []
    for name in DEFAULT_STAGES:
        try:
            get_factory(name)
        except (ImportError, AttributeError, KeyError):
            continue  # a stage not written yet: the evaluation must not depend on it
        names.append(name)
    return Pipeline.from_names(names), names
