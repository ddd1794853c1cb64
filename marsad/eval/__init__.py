"""Scorers behind `marsad eval KIND FILE`.

Each evaluator is ``evaluate(path: str) -> tuple[str, dict]``: a human summary and the
JSON object printed as the last stdout line (see spec/cli.md).
"""

EVALUATORS: dict[str, str] = {
    "ner": "marsad.eval.ner:evaluate",
    "events": "marsad.eval.events:evaluate",
    "actors": "marsad.eval.actors:evaluate",
    "dates": "marsad.eval.dates:evaluate",
    "places": "marsad.eval.places:evaluate",
    "quotes": "marsad.eval.quotes:evaluate",
}
