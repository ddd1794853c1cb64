"""Train the Marsad NER CRF (python-crfsuite), score it on a dev split, ship the model.

Deterministic: the dev split is the last 10% of ANERcorp-train sentences (no shuffling),
NewsFANE sentences whose text falls in that dev part are dropped, and so are those whose
text is not in ANERcorp-train at all (other ANERcorp texts, likely the held-out test split);
L-BFGS has no random state. Single process.

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


def load_fane(exclude: str, within: str = "") -> list[tuple[list[str], list[str]]]:
    """NewsFANE with clitics re-attached and fine types mapped to ANERcorp labels.

    ``exclude``: squashed dev text, whose sentences are dropped. ``within``: squashed
    ANERcorp-train text; when given, sentences not found in it are dropped too. NewsFANE
    re-annotates the ANERcorp texts, and its 612 sentences outside ANERcorp-train can only be
    other ANERcorp texts, such as the held-out test split: training on them would leak it."""
    out = []
    dropped = outside = 0
    for words, tags in read_conll(SHARED / "newsfane_gold_train.conll", merge_clitics=True):
        key = _squash(words)
        if exclude and len(key) >= 12 and key[:40] in exclude:
            dropped += 1
            continue
        if within and (len(key) < 12 or key[:40] not in within):
            outside += 1
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
    print(f"newsfane: {len(out)} sentences ({dropped} dropped as dev overlap, {outside} as outside "
          "ANERcorp-train)", file=sys.stderr)
    return out


def harmonise(fane: list[tuple[list[str], list[str]]], aner: list[tuple[list[str], list[str]]],
              mode: str) -> list[tuple[list[str], list[str]]]:
    """Bring NewsFANE's labels onto ANERcorp's conventions where the two annotate the same
    sentence (NewsFANE re-annotates the ANERcorp texts): ANERcorp tags currencies,
    religions and events MISC where NewsFANE has O or other classes.

    mode "misc": aligned tokens take ANERcorp's MISC decisions, NewsFANE's MISC-only
    classes become O elsewhere; mode "aner": aligned tokens take ANERcorp's tags.
    """
    import difflib

    if mode == "fane":
        return fane
    index = {_squash(w): i for i, (w, _) in enumerate(aner)}
    out = []
    for words, tags in fane:
        new = ["O" if t[2:] == "MISC" else t for t in tags] if mode == "misc" else list(tags)
        i = index.get(_squash(words))
        if i is not None:
            a_words, a_tags = aner[i]
            sm = difflib.SequenceMatcher(None, [_squash([w]) for w in a_words], [_squash([w]) for w in words],
                                         autojunk=False)
            for block in sm.get_matching_blocks():
                for k in range(block.size):
                    at = a_tags[block.a + k]
                    if mode == "aner" or at[2:] == "MISC":
                        new[block.b + k] = at
        out.append((words, _repair(new)))
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


def augment(data, seed: int = 13, kinds: tuple[str, ...] = ("PERS",)):
    """One extra copy of each sentence with names, the names swapped for others, so the
    model learns the contexts of names rather than the names (unseen-name recall): every
    person token for a random Wikidata name token, every one-word place for a random
    gazetteer place, every organisation for another organisation name of the training
    data (any length). A proclitic on the first token (و ب ل ك ف) is kept."""
    import random

    from marsad.ner.data import spans
    from marsad.ner.features import lexicons

    rng = random.Random(seed)
    lex = lexicons()
    persons = sorted(w for w, c in lex.persons.items() if c >= 3 and len(w) >= 3)
    place_pool = sorted(w for w, k in lex.places.items() if k in ("country", "city_major", "city") and " " not in w)
    org_pool = sorted({tuple(words[i:j]) for words, tags in data for i, j, k in spans(tags)
                       if k == "ORG" and words[i][:1] not in "وبلكف"})
    out = []
    for words, tags in data:
        found = [s for s in spans(tags) if s[2] in kinds]
        if not found:
            continue
        new_w: list[str] = []
        new_t: list[str] = []
        pos = 0
        for i, j, kind in found:
            new_w.extend(words[pos:i])
            new_t.extend(tags[pos:i])
            pos = j
            prefix = words[i][0] if words[i][:1] in "وبلكف" and len(words[i]) > 4 and rng.random() < 0.5 else ""
            if kind == "PERS":
                name = [rng.choice(persons) for _ in range(j - i)]
            elif kind == "LOC" and j - i == 1:
                name = [rng.choice(place_pool)]
            elif kind == "ORG":
                name = list(rng.choice(org_pool))
            else:
                name = list(words[i:j])
                prefix = ""
            name[0] = prefix + name[0]
            new_w.extend(name)
            new_t.extend(["B-" + kind] + ["I-" + kind] * (len(name) - 1))
        new_w.extend(words[pos:])
        new_t.extend(tags[pos:])
        out.append((new_w, new_t))
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
    ap.add_argument("--fane-labels", choices=["fane", "misc", "aner"], default="misc",
                    help="NewsFANE labels as annotated, or brought onto ANERcorp's conventions")
    ap.add_argument("--fane-outside", action="store_true",
                    help="also train on NewsFANE sentences outside ANERcorp-train (may hold the test split)")
    ap.add_argument("--aqmar", action=argparse.BooleanOptionalAction, default=False)
    ap.add_argument("--wojood", action=argparse.BooleanOptionalAction, default=False)
    ap.add_argument("--augment", default="PERS", help="name types to swap in the augmented copy "
                    "(comma-separated PERS,ORG,LOC; 'none' for no copy)")
    ap.add_argument("--copies", type=int, default=1, help="augmented copies (each with other names)")
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
        within = "" if args.fane_outside else "".join(_squash(w) for w, _ in aner)
        data += harmonise(load_fane(exclude, within), train_part, args.fane_labels)
    if args.aqmar:
        data += load_aqmar()
    if args.wojood:
        data += load_wojood()
    if args.augment != "none":
        original = list(data)
        for copy in range(args.copies):
            data += augment(original, seed=13 + copy, kinds=tuple(args.augment.split(",")))
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
