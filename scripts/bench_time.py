"""Speed of the time stage on real news, and samples for judging it by hand.

Reads SaudiNewsNet (../shared/data/bench, non-commercial licence: used here only to
measure) and reports ms/doc for the text stage and the time stage; with --sample N it
prints N random found expressions in context (precision check), with --sentences N,
N random sentences and what was found in each (recall check).

Usage: .venv/bin/python scripts/bench_time.py [--docs 1500] [--day 2015-07-21] [--sample 30] [--sentences 0] [--seed 7]
Note: SaudiNewsNet's date is the crawl date (date_extracted), used as publication date.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.document import Document
from marsad.text.stage import TextStage
from marsad.time.stage import TimeStage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--day", default="2015-07-21")
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--sentences", type=int, default=0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    z = zipfile.ZipFile(Path(args.shared) / "data" / "bench" / "dataset" / f"{args.day}.zip")
    arts = json.loads(z.read(z.namelist()[0]))[: args.docs]
    docs = [Document(id=str(i), text=a["content"], published=a["date_extracted"][:10], language="ar")
            for i, a in enumerate(arts)]
    text_stage, time_stage = TextStage(), TimeStage()
    t0 = time.perf_counter()
    for d in docs:
        text_stage(d)
    t_text = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        time_stage(d)
    t_time = time.perf_counter() - t0
    n = len(docs)
    print(f"{n} docs, {sum(len(d.text) for d in docs)} chars: text stage {t_text / n * 1000:.2f} ms/doc, "
          f"time stage {t_time / n * 1000:.2f} ms/doc ({n / t_time:.0f} docs/s)")
    kinds = Counter((t.kind, t.precision) for d in docs for t in d.times)
    print(sum(kinds.values()), "expressions:", dict(kinds.most_common()))
    rng = random.Random(args.seed)
    found = [(d, t) for d in docs for t in d.times]
    for d, t in rng.sample(found, min(args.sample, len(found))):
        left = d.text[max(0, t.start - 35):t.start].replace("\n", " ")
        right = d.text[t.end:t.end + 25].replace("\n", " ")
        print(f"{d.published} | {left} [[{t.text}]] {right} -> {t.value} {t.precision} {t.kind}")
    sentences = [(d, i) for d in docs for i in range(len(d.sentences))]
    for d, i in rng.sample(sentences, min(args.sentences, len(sentences))):
        s, e = d.sentences[i]
        got = [(t.text, t.value) for t in d.times if s <= t.start < e]
        print(f"\n{d.published} | {d.text[s:e]}\n    => {got}")


if __name__ == "__main__":
    main()
