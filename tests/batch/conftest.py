"""Fixtures of the batch tests: a stub extractor for the plumbing, the real one end to end."""

from __future__ import annotations

from typing import Any

import pytest
from batch_stub import StubExtractor


@pytest.fixture
def stub_extractor() -> StubExtractor:
    return StubExtractor()


@pytest.fixture(scope="session")
def real_extractor() -> Any:
    """The real pipeline, loaded once for all end-to-end tests (through the worker cache)."""
    from gtextract.batch.worker import get_extractor

    return get_extractor(None)
