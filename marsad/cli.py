"""The `marsad` command (contract: spec/cli.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sys
from pathlib import Path
from typing import TextIO

from marsad import __version__
from marsad.errors import MarsadError

EPILOG = "Docs: README.md · store layout: docs/store.md · figures: docs/benchmarks.md"


def _iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _pipeline(args: argparse.Namespace):
    from marsad.pipeline import DEFAULT_STAGES, Pipeline

    if getattr(args, "config", None):
        return Pipeline.from_config(args.config)
    names = args.stages.split(",") if getattr(args, "stages", None) else list(DEFAULT_STAGES)
    return Pipeline.from_names(names)


# -- process ---------------------------------------------------------------------------
def cmd_process(args: argparse.Namespace) -> int:
    from marsad.runner import run_batch
    from marsad.store import DEFAULT_DB

    db = DEFAULT_DB if args.db == "" else args.db
    write_records = args.format is not None or args.out is not None or db is None
    fmt = args.format or "jsonl"
    out: TextIO | None = None
    if write_records:
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    progress = args.progress if args.progress is not None else sys.stderr.isatty()

    def report(err) -> None:
        line = f"error: {err.message}"
        if progress:
            from tqdm import tqdm

            tqdm.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    try:
        summary = run_batch(
            args.inputs,
            published=args.published,
            out=out,
            fmt=fmt,
            db=db,
            pipeline=_pipeline(args),
            workers=args.workers,
            progress=progress,
            on_error=report,
        )
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    print(summary.table(), file=sys.stderr if out is sys.stdout else sys.stdout)
    if db:
        print(f"store: {db}  (open with: duckdb {db})", file=sys.stderr if out is sys.stdout else sys.stdout)
    if summary.documents == 0:
        print("error: nothing could be processed", file=sys.stderr)
        return 1
    if args.strict and summary.errors:
        return 1
    return 0


# -- eval ------------------------------------------------------------------------------
def cmd_eval(args: argparse.Namespace) -> int:
    from marsad.eval import EVALUATORS

    module, attr = EVALUATORS[args.kind].split(":")
    if not Path(args.file).exists():
        raise MarsadError(f"{args.file}: no such file")
    evaluate = getattr(importlib.import_module(module), attr)
    summary, result = evaluate(args.file)
    print(summary)
    print(json.dumps(result, ensure_ascii=False))
    return 0


# -- bench -----------------------------------------------------------------------------
def cmd_bench(args: argparse.Namespace) -> int:
    from marsad.bench import run_bench

    result = run_bench(
        docs=args.docs,
        input_path=args.input,
        stage_names=args.stages.split(",") if args.stages else None,
        workers=args.workers,
    )
    print(result.pop("_table"))
    print(json.dumps(result, ensure_ascii=False))
    return 0


# -- small utilities -------------------------------------------------------------------
def cmd_show(args: argparse.Namespace) -> int:
    """A glance at what the store holds: one line per document, then its events."""
    from marsad.store import Store

    if not Path(args.db).exists():
        raise MarsadError(f"{args.db}: no such store (run `marsad process ... --db {args.db}` first)")
    with Store(args.db) as store:
        docs = store.query(
            """SELECT d.doc_id, coalesce(d.published::VARCHAR, '?'), d.title,
                      (SELECT count(*) FROM entities e WHERE e.doc_id = d.doc_id),
                      (SELECT count(*) FROM quotes q WHERE q.doc_id = d.doc_id),
                      (SELECT count(*) FROM events v WHERE v.doc_id = d.doc_id)
               FROM documents d ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ?""",
            [args.limit],
        )
        for doc_id, published, title, n_ent, n_quo, n_ev in docs:
            print(f"{published}  {title or '(untitled)'}")
            print(f"            {doc_id} · {n_ent} entities · {n_quo} quotes · {n_ev} events")
            events = store.query(
                """SELECT type, coalesce(mode, ''), array_to_string(source_actor, '+'),
                          array_to_string(target_actor, '+'), trigger_text, negated OR hypothetical
                   FROM events WHERE doc_id = ? ORDER BY trigger_start""",
                [doc_id],
            )
            for etype, mode, src, tgt, trigger, flagged in events:
                flag = "  (negated/hypothetical)" if flagged else ""
                print(f"    {etype:<10} {mode:<12} {src or '-':>14} → {tgt or '-':<14} «{trigger}»{flag}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from marsad.document import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_stages(args: argparse.Namespace) -> int:
    from marsad.pipeline import DEFAULT_STAGES, available_stages

    for name in available_stages():
        print(f"{name}{'  (default)' if name in DEFAULT_STAGES else ''}")
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    from marsad.actors import dictionary

    path = args.path or dictionary.CURATED
    if args.action == "validate":
        problems = dictionary.validate(path)
        for problem in problems:
            print(problem)
        print(f"{path}: {'ok' if not problems else f'{len(problems)} problem(s)'}", file=sys.stderr)
        return 1 if problems else 0
    entry = dictionary.add_entry(
        args.name, args.ar, args.country, args.code, type=args.type, role=args.role or "",
        start=args.start, end=args.end, wikidata=args.wikidata, path=path,
    )
    print(f"added/updated {entry.name} in {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Arabic news to structured event data.", epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("process", help="process articles into JSONL and/or the embedded store")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, or - for stdin")
    p.add_argument("--published", type=_iso_date, help="publication date for inputs that carry none (YYYY-MM-DD)")
    p.add_argument("--format", choices=("jsonl", "json"), help="record format (default jsonl on stdout when no --db)")
    p.add_argument("--out", help="write records to this file instead of stdout")
    p.add_argument("--db", nargs="?", const="", help="also write into the DuckDB store (default path: marsad.duckdb)")
    p.add_argument("--strict", action="store_true", help="exit non-zero if any input failed")
    p.add_argument("--stages", help="comma-separated stage names (default: the full pipeline)")
    p.add_argument("--config", help="TOML pipeline configuration")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--progress", dest="progress", action="store_true", default=None, help="force the progress bar")
    p.add_argument("--no-progress", dest="progress", action="store_false", help="hide the progress bar")
    p.set_defaults(func=cmd_process)

    from marsad.eval import EVALUATORS

    p = sub.add_parser("eval", help="score a component on a labelled file")
    p.add_argument("kind", choices=sorted(EVALUATORS))
    p.add_argument("file")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("bench", help="measure throughput per stage")
    p.add_argument("--docs", type=int, default=200, help="number of articles (default 200)")
    p.add_argument("--input", help="articles to use (file, directory or .zip of JSON); default: bundled samples")
    p.add_argument("--stages", help="comma-separated stage names (default: the full pipeline)")
    p.add_argument("--workers", type=int, default=1, help="also measure throughput with N worker processes")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("actors", help="validate or extend the actor dictionary")
    actions = p.add_subparsers(dest="action", required=True)
    v = actions.add_parser("validate", help="check a dictionary file (default: the shipped curated one)")
    v.add_argument("path", nargs="?")
    v.set_defaults(func=cmd_actors)
    a = actions.add_parser("add", help="add an actor or merge variants/an office into an existing one")
    a.add_argument("name", help="canonical Latin name, e.g. 'Sergei Lavrov'")
    a.add_argument("--ar", action="append", required=True, help="an Arabic spelling (repeatable)")
    a.add_argument("--country", help="ISO 3166-1 alpha-3 (or IGO, UNO …)")
    a.add_argument("--code", help="actor code for the office, e.g. RUSGOV")
    a.add_argument("--type", default="PER", choices=("PER", "ORG", "GPE", "LOC", "MISC"))
    a.add_argument("--role", help="office held, e.g. 'foreign minister'")
    a.add_argument("--start", help="office start date YYYY-MM-DD")
    a.add_argument("--end", help="office end date YYYY-MM-DD")
    a.add_argument("--wikidata", help="Wikidata id, e.g. Q7412")
    a.add_argument("--path", help="dictionary file to edit (default: the shipped curated one)")
    a.set_defaults(func=cmd_actors)

    p = sub.add_parser("show", help="summarise what a store holds")
    p.add_argument("--db", default="marsad.duckdb", help="store path (default marsad.duckdb)")
    p.add_argument("--limit", type=int, default=20, help="documents to show (default 20)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("schema", help="print the JSON Schema of the output record")
    p.set_defaults(func=cmd_schema)
    p = sub.add_parser("stages", help="list pipeline stages")
    p.set_defaults(func=cmd_stages)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (MarsadError, OSError, KeyError, ValueError) as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback for users unless --debug
        if args.debug:
            raise
        print(f"error: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
