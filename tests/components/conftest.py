"""Shared fixtures for the component tests: one blank-base extractor per session.

The blank German base keeps these tests independent of the statistical
model: names, teams and cars come from gtextract's own rules and gazetteers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

import gtextract
from gtextract.records import RaceReport

CACHE_ATTR = "_gtextract_blank_extractor"


def shared_blank_extractor(config: pytest.Config) -> gtextract.Extractor:
    """Load ``gtextract.load("blank")`` once per pytest session (shared across test dirs)."""
    cached = getattr(config, CACHE_ATTR, None)
    if cached is None:
        cached = gtextract.load("blank")
        setattr(config, CACHE_ATTR, cached)
    return cached


@pytest.fixture(scope="session")
def extractor(request: pytest.FixtureRequest) -> gtextract.Extractor:
    return shared_blank_extractor(request.config)


@pytest.fixture(scope="session")
def report(extractor: gtextract.Extractor) -> Callable[..., RaceReport]:
    """``report(text, **meta)`` -> RaceReport."""
    return extractor


@pytest.fixture(scope="session")
def doc(extractor: gtextract.Extractor) -> Callable[[str], Doc]:
    """``doc(text)`` -> the annotated spaCy Doc."""
    return extractor.process
