"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

import gtextract


@pytest.fixture(scope="session")
def extractor() -> gtextract.Extractor:
    """One blank-base extractor per session: rules and gazetteers only, so tests
    do not depend on the statistical model (tests/test_base_model.py covers it)."""
    return gtextract.load("blank")
