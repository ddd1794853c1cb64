"""Tokens/second of the shipped NER: the CRF tagger alone and the whole `ner` stage.

The CoNLL file's sentences are joined into 20-sentence documents. "cold" clears the
per-word feature caches first (every word seen for the first time), "warm" repeats the
run with the caches filled, as in a long batch over news of one period.

Usage: taskset -c 0 .venv/bin/python scripts/bench_ner.py /tmp/ner_dev.conll
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.ner import features
from marsad.ner.data import read_conll
from marsad.ner.stage import NerStage
from marsad.testing import make_document


def main(path: str) -> None:
    sents = [words for words, _ in read_conll(path)]
    chunks = [sents[i:i + 20] for i in range(0, len(sents), 20)]
    docs = [make_document("\n".join(" ".join(s) for s in chunk)) for chunk in chunks]
    stage = NerStage()
    n_tagger = sum(len(s) for s in sents)
    n_stage = sum(len(d.tokens) for d in docs)
    for label, clear in (("cold", True), ("warm", False)):
        if clear:
            features.analyse.cache_clear()
            features._shifted.cache_clear()
        t0 = time.perf_counter()
        for chunk in chunks:
            stage.tagger.tag_sentences(chunk)
        tagger = n_tagger / (time.perf_counter() - t0)
        if clear:
            features.analyse.cache_clear()
            features._shifted.cache_clear()
        t0 = time.perf_counter()
        for doc in docs:
            stage(doc)
        whole = n_stage / (time.perf_counter() - t0)
        print(f"{label}: tagger {tagger:,.0f} tokens/s   stage {whole:,.0f} tokens/s")


if __name__ == "__main__":
    main(sys.argv[1])
