"""Shared fixtures: the bundled sample articles (copied from the project's seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SAMPLE_000 = EXAMPLES / "000_c35d0598cd5afa25.txt"
SAMPLE_003 = EXAMPLES / "003_59205ff8b6276687.txt"


@pytest.fixture(scope="session")
def sample_000_text() -> str:
    return SAMPLE_000.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_003_text() -> str:
    return SAMPLE_003.read_text(encoding="utf-8")
