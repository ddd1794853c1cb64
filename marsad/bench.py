"""`marsad bench`: documents/second, tokens/second and memory per stage and overall.

Input bytes are read into memory first so the figures measure Marsad, not the disk.
Resources are loaded (and timed) before the clock starts: that is what a long batch sees.
"""

from __future__ import annotations

import resource
import time
import zipfile
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from marsad.clean.cleaner import clean_article
from marsad.errors import MarsadError
from marsad.ingest.base import RawArticle
from marsad.pipeline import DEFAULT_STAGES, Pipeline, get_factory, resources_frozen


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _blobs(input_path: str | None, limit: int) -> list[tuple[str, bytes, str | None]]:
    """(path, bytes, format hint) of up to ``limit`` inputs."""
    if input_path is None:
        root = importlib_resources.files("marsad.resources") / "samples"
        return [(f"samples/{p.name}", p.read_bytes(), None) for p in sorted(root.iterdir(), key=lambda p: p.name) if p.name.endswith(".txt")]
    path = Path(input_path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    out: list[tuple[str, bytes, str | None]] = []
    for f in files:
        if f.suffix == ".zip":
            with zipfile.ZipFile(f) as zf:
                for name in zf.namelist():
                    out.append((f"{f}/{name}", zf.read(name), "json" if name.endswith(".json") else None))
        else:
            out.append((str(f), f.read_bytes(), None))
        if len(out) >= limit:
            break
    return out


def _articles(blobs: list[tuple[str, bytes, str | None]], limit: int) -> tuple[list[RawArticle], float]:
    """The first ``limit`` readable articles and the seconds spent reading them.

    Reading stops at the limit, so the time is that of the articles counted (a SaudiNewsNet
    day file holds ~3,000 articles; converting all of them to time 500 understated ingest).
    """
    from marsad.ingest import iter_bytes

    articles: list[RawArticle] = []
    t0 = time.perf_counter()
    for path, data, hint in blobs:
        for item in iter_bytes(data, path=path, format_hint=hint):
            if isinstance(item, RawArticle):  # unreadable inputs and records are skipped
                articles.append(item)
                if len(articles) >= limit:
                    return articles, time.perf_counter() - t0
    return articles, time.perf_counter() - t0


def _parallel_rate(raws: list[RawArticle], pipeline: Pipeline, workers: int) -> float:
    """Articles/second through ingest-free clean + pipeline with ``workers`` processes, as
    `marsad process --workers` runs them (records only: no working state sent back)."""
    from marsad.runner import _work, worker_pool

    with worker_pool(workers, pipeline, working_state=False) as pool:
        pool.map(_work, raws[: workers * 2])  # start every worker (and load resources if spawned)
        t0 = time.perf_counter()
        pool.map(_work, raws, chunksize=8)
        return round(len(raws) / (time.perf_counter() - t0), 1)


def run_bench(
    docs: int = 200, input_path: str | None = None, stage_names: list[str] | None = None, workers: int = 1
) -> dict[str, Any]:
    blobs = _blobs(input_path, docs)
    if not blobs:
        raise MarsadError(f"{input_path}: no input found")
    # Repeat small inputs (the bundled samples) until there are enough articles.
    while input_path is None and len(blobs) < docs:
        blobs = blobs + blobs[: docs - len(blobs)]
    raws, ingest_seconds = _articles(blobs, docs)
    if not raws:
        raise MarsadError(f"{input_path}: no readable article")
    n = len(raws)
    stats: dict[str, dict[str, float]] = {}

    # Compile the cleaner's and the dateline finder's patterns outside the clock.
    from marsad.time.dates import find_publication_date

    find_publication_date("2016-08-02")
    for raw in raws[:10]:
        clean_article(raw)
    t0 = time.perf_counter()
    cleaned = [clean_article(r) for r in raws]
    clean_seconds = time.perf_counter() - t0

    stages = []
    for name in stage_names or DEFAULT_STAGES:
        t0 = time.perf_counter()
        stage = get_factory(name)()
        stages.append((name, stage, time.perf_counter() - t0, _rss_mb()))

    # Warm lazy caches on one document outside the clock.
    warm = clean_article(raws[0])
    for _, stage, _, _ in stages:
        warm = stage(warm)

    seconds = dict.fromkeys((s[0] for s in stages), 0.0)
    with resources_frozen():  # as `marsad process` runs a batch
        for doc in cleaned:
            for name, stage, _, _ in stages:
                if getattr(stage, "arabic_only", False) and doc.language not in (None, "ar"):
                    continue
                t0 = time.perf_counter()
                doc = stage(doc)
                seconds[name] += time.perf_counter() - t0
    tokens = sum(len(d.tokens) for d in cleaned)

    def rate(count: float, secs: float) -> float:
        return round(count / secs, 1) if secs > 0 else float("inf")

    stats["ingest"] = {"seconds": round(ingest_seconds, 4), "docs_per_s": rate(n, ingest_seconds)}
    stats["clean"] = {"seconds": round(clean_seconds, 4), "docs_per_s": rate(n, clean_seconds)}
    for name, _, load, rss in stages:
        stats[name] = {
            "seconds": round(seconds[name], 4),
            "docs_per_s": rate(n, seconds[name]),
            "tokens_per_s": rate(tokens, seconds[name]),
            "load_seconds": round(load, 3),
            "rss_mb_after_load": round(rss, 1),
        }
    pipeline_seconds = ingest_seconds + clean_seconds + sum(seconds.values())
    result: dict[str, Any] = {
        "documents": n,
        "tokens": tokens,
        "stages": stats,
        "ingest_clean": {"docs_per_s": rate(n, ingest_seconds + clean_seconds)},
        "pipeline": {
            "seconds": round(pipeline_seconds, 3),
            "docs_per_s": rate(n, pipeline_seconds),
            "tokens_per_s": rate(tokens, pipeline_seconds),
        },
        "peak_rss_mb": round(_rss_mb(), 1),
    }
    if workers > 1:
        for name, stage, _, _ in stages:
            stage.name = getattr(stage, "name", name) or name
        pipeline = Pipeline([stage for _, stage, _, _ in stages])
        result["parallel"] = {"workers": workers, "docs_per_s": _parallel_rate(raws, pipeline, workers)}
    lines = [f"{'stage':<10} {'docs/s':>10} {'tokens/s':>12} {'seconds':>9} {'load s':>7} {'rss MB':>7}"]
    for name, s in stats.items():
        lines.append(
            f"{name:<10} {s['docs_per_s']:>10} {s.get('tokens_per_s', ''):>12} {s['seconds']:>9} "
            f"{s.get('load_seconds', ''):>7} {s.get('rss_mb_after_load', ''):>7}"
        )
    p = result["pipeline"]
    lines.append(f"{'pipeline':<10} {p['docs_per_s']:>10} {p['tokens_per_s']:>12} {p['seconds']:>9}")
    if "parallel" in result:
        lines.append(f"{'parallel':<10} {result['parallel']['docs_per_s']:>10}  ({workers} worker processes)")
    lines.append(f"{n} documents, {tokens} tokens, peak RSS {result['peak_rss_mb']} MB")
    result["_table"] = "\n".join(lines)
    return result
