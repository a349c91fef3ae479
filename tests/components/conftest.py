"""Shortcuts for the component tests on the session extractor (tests/conftest.py).

The blank German base keeps these tests independent of the statistical
model: names, teams and cars come from gtextract's own rules and gazetteers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

import gtextract
from gtextract.records import RaceReport


@pytest.fixture(scope="session")
def report(extractor: gtextract.Extractor) -> Callable[..., RaceReport]:
    """``report(text, **meta)`` -> RaceReport."""
    return extractor


@pytest.fixture(scope="session")
def doc(extractor: gtextract.Extractor) -> Callable[[str], Doc]:
    """``doc(text)`` -> the annotated spaCy Doc."""
    return extractor.process
