"""Batch extraction over whole archives: inputs in, JSONL and tables out.

    >>> from gtextract.batch import BatchOptions, run_batch
    >>> summary = run_batch(["archive/"], "out.jsonl", BatchOptions(jobs=2))

See ``docs/batch.md`` for the file formats, ``--resume`` and the Dask engine.
Needs the ``batch`` extra for WARC input, Parquet tables and Dask.

The names below are imported on first use: the main CLI imports
``gtextract.batch.cli`` to list ``batch`` and ``aggregate``, and
``gtextract extract`` should not pay for the runner, sources and outputs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gtextract.batch.options import BatchError, BatchOptions, BatchSummary
    from gtextract.batch.outputs import errors_path_for
    from gtextract.batch.runner import run_batch
    from gtextract.batch.sources import FieldNames, RawArticle, iter_articles

_WHERE = {
    "BatchError": "options",
    "BatchOptions": "options",
    "BatchSummary": "options",
    "errors_path_for": "outputs",
    "run_batch": "runner",
    "FieldNames": "sources",
    "RawArticle": "sources",
    "iter_articles": "sources",
}

__all__ = [
    "BatchError",
    "BatchOptions",
    "BatchSummary",
    "FieldNames",
    "RawArticle",
    "errors_path_for",
    "iter_articles",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gtextract.batch.{module}"), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
