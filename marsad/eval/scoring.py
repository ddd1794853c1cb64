"""The arithmetic every scorer shares: ratios and precision/recall/F1, rounded to 4 places."""

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
