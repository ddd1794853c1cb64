"""Train the Marsad NER CRF (python-crfsuite), score it on a dev split, ship the model.

Deterministic: the dev split is the last 10% of ANERcorp-train sentences (no shuffling),
NewsFANE sentences whose text falls in that dev part are dropped, and L-BFGS has no
random state. Single process.

Usage:
  .venv/bin/python scripts/train_ner.py                 # dev run: train on 90%, score dev
  .venv/bin/python scripts/train_ner.py --final         # train on all data, write the model
Defaults are the shipped configuration (ANERcorp + NewsFANE + one person-swapped copy of
each sentence with a person name, c1=0.05, c2=0.01, 200 iterations).
Options: --fane/--no-fane, --aqmar, --wojood, --c1, --c2, --iters.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.ner.data import FANE_MAP, TO_ANER, read_conll
from marsad.ner.features import sentence_features
from marsad.ner.tagger import MODEL_PATH, Tagger
from marsad.text.normalize import fold

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"


def _squash(words: list[str]) -> str:
    return "".join(fold(w) for w in words).replace("ا", "")


def load_aner() -> list[tuple[list[str], list[str]]]:
    return list(read_conll(SHARED / "anercorp_train.conll"))


def load_fane(exclude: str) -> list[tuple[list[str], list[str]]]:
    """NewsFANE with clitics re-attached and fine types mapped to ANERcorp labels."""
    out = []
    dropped = 0
    for words, tags in read_conll(SHARED / "newsfane_gold_train.conll", merge_clitics=True):
        key = _squash(words)
        if exclude and len(key) >= 12 and key[:40] in exclude:
            dropped += 1
            continue
        mapped = []
        for t in tags:
            if t == "O":
                mapped.append("O")
                continue
            coarse = FANE_MAP.get(t[2:])
            if coarse is None or (coarse == "PER" and t[2:] == "Group"):
                mapped.append("O")  # ANERcorp does not tag nationality groups
            else:
                mapped.append(t[:2] + TO_ANER[coarse])
        out.append((words, _repair(mapped)))
    print(f"newsfane: {len(out)} sentences ({dropped} dropped as dev overlap)", file=sys.stderr)
    return out


def load_aqmar() -> list[tuple[list[str], list[str]]]:
    out = []
    for path in sorted((SHARED / "aqmar").glob("*.txt")):
        for words, tags in read_conll(path):
            mapped = []
            for t in tags:
                kind = t[2:]
                label = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}.get(kind)
                mapped.append(t[:2] + label if label else ("O" if t == "O" else t[:2] + "MISC"))
            out.append((words, _repair(mapped)))
    return out


def load_wojood() -> list[tuple[list[str], list[str]]]:
    table = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC",
             "PRODUCT": "MISC", "LAW": "MISC"}
    out = []
    for name in ("train.txt", "val.txt", "test.txt"):
        for words, tags in read_conll(SHARED / "wojood_sample" / name):
            mapped = [t[:2] + table[t[2:]] if t != "O" and t[2:] in table else "O" for t in tags]
            keep = [(w, t) for w, t in zip(words, mapped, strict=True) if w != "$#$"]
            out.append(([w for w, _ in keep], _repair([t for _, t in keep])))
    return out


def _repair(tags: list[str]) -> list[str]:
    """Turn I- tags that follow O or another type into B- (after relabelling)."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def augment(data, seed: int = 13, places: bool = True):
    """One extra copy of each sentence with names, with every person token swapped for a
    random Wikidata name token and every one-word place for a random gazetteer place,
    so the model learns the contexts of names rather than the names (unseen-name recall).
    A proclitic on the first token (و ب ل ك ف) is kept."""
    import random

    from marsad.ner.features import lexicons

    rng = random.Random(seed)
    lex = lexicons()
    persons = sorted(w for w, c in lex.persons.items() if c >= 3 and len(w) >= 3)
    place_pool = sorted(w for w, k in lex.places.items() if k in ("country", "city_major", "city") and " " not in w)
    kinds = ("PERS", "LOC") if places else ("PERS",)
    out = []
    for words, tags in data:
        if not any(t[2:] in kinds for t in tags):
            continue
        new = list(words)
        for i, t in enumerate(tags):
            single_loc = t == "B-LOC" and (i + 1 == len(tags) or tags[i + 1] != "I-LOC")
            pool = persons if t[2:] == "PERS" else (place_pool if places and single_loc else None)
            if pool is None:
                continue
            prefix = words[i][0] if t.startswith("B-") and words[i][:1] in "وبلكف" and len(words[i]) > 4 and rng.random() < 0.5 else ""
            new[i] = prefix + rng.choice(pool)
        out.append((new, tags))
    return out


def train(data, model_path: Path, c1: float, c2: float, iters: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in data:
        trainer.append(sentence_features(words), tags)
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": iters,
        "feature.possible_transitions": True, "feature.minfreq": 1,
    })
    trainer.train(str(model_path))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--final", action="store_true")
    ap.add_argument("--fane", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--aqmar", action=argparse.BooleanOptionalAction, default=False)
    ap.add_argument("--wojood", action=argparse.BooleanOptionalAction, default=False)
    ap.add_argument("--augment", choices=["none", "persons", "all"], default="persons")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--out", default=None)
    ap.add_argument("--write-dev", default=None, help="also write the dev split as CoNLL here")
    args = ap.parse_args()

    aner = load_aner()
    cut = len(aner) - len(aner) // 10
    train_part, dev = (aner, []) if args.final else (aner[:cut], aner[cut:])
    if args.write_dev:
        with open(args.write_dev, "w", encoding="utf-8") as fh:
            for words, tags in aner[cut:]:
                fh.write("".join(f"{w}\t{t}\n" for w, t in zip(words, tags, strict=True)) + "\n")
    data = list(train_part)
    if args.fane:
        exclude = "" if args.final else "".join(_squash(w) for w, _ in dev)
        data += load_fane(exclude)
    if args.aqmar:
        data += load_aqmar()
    if args.wojood:
        data += load_wojood()
    if args.augment != "none":
        data += augment(data, places=args.augment == "all")
    print(f"training on {len(data)} sentences, {sum(len(w) for w, _ in data)} tokens", file=sys.stderr)
    out = Path(args.out) if args.out else (MODEL_PATH if args.final else Path("/tmp/ner_dev.crfsuite"))
    t0 = time.time()
    train(data, out, args.c1, args.c2, args.iters)
    print(f"trained in {time.time() - t0:.0f}s -> {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    if dev:
        from marsad.eval.ner import score_sentences

        tagger = Tagger(out)
        summary, result = score_sentences(dev, tagger)
        print(summary)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
