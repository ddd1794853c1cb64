"""Time the readers on the ingestion fixtures and the plain-text path on the bundled samples.

Usage: ``.venv/bin/python scripts/bench_ingest.py [--repeat N]``. Prints milliseconds per
input (median of N runs) for every fixture in tests/data/ingest/, then documents/second for
plain-text ingestion alone and for ingestion + cleaning of examples/*.txt.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from pathlib import Path

from marsad.clean.cleaner import clean_article
from marsad.errors import InputError
from marsad.ingest import read_bytes

ROOT = Path(__file__).resolve().parent.parent


def per_input_ms(path: Path, data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        with contextlib.suppress(InputError):
            read_bytes(data, path=str(path))
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    for path in sorted((ROOT / "tests" / "data" / "ingest").rglob("*")):
        if path.is_file():
            ms = per_input_ms(path, path.read_bytes(), args.repeat)
            print(f"{path.relative_to(ROOT).as_posix():48s} {ms:8.3f} ms")
    samples = [(str(p), p.read_bytes()) for p in sorted((ROOT / "examples").glob("*.txt"))] * 500
    t0 = time.perf_counter()
    raws = [read_bytes(data, path=path)[0] for path, data in samples]
    t1 = time.perf_counter()
    for raw in raws:
        clean_article(raw)
    t2 = time.perf_counter()
    n = len(raws)
    print(
        f"plain-text ingestion: {n / (t1 - t0):,.0f} docs/s; ingestion + cleaning: {n / (t2 - t0):,.0f} docs/s ({n} docs)"
    )


if __name__ == "__main__":
    main()
