"""Shared fixtures: one spaCy pipeline per test session, and the shared corpus if present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


def shared_dir() -> Path | None:
    """The shared corpus and scorers (../shared), when this checkout has them."""
    for cand in (os.environ.get("POURPARLERS_SHARED"), ROOT.parent / "shared", Path("/work/shared")):
        if cand and (Path(cand) / "corpus").is_dir():
            return Path(cand)
    return None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("the shared corpus (../shared) is not available")
    return path


@pytest.fixture(scope="session")
def extractor():
    from pourparlers.pipeline import Extractor

    os.environ["POURPARLERS_STRICT"] = "1"  # a failing component fails the test
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def analyse(extractor):
    """analyse(text, published=None) -> Record, with the full pipeline."""
    from pourparlers.model import Article

    def run(text: str, published: str | None = None, id: str = "t"):
        return next(extractor.records([Article(id=id, text=text, published=published)]))

    return run
