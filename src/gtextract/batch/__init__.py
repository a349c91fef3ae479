"""Batch extraction over whole archives: inputs in, JSONL and tables out.

    >>> from gtextract.batch import BatchOptions, run_batch
    >>> summary = run_batch(["archive/"], "out.jsonl", BatchOptions(jobs=2))

See ``docs/batch.md`` for the file formats, ``--resume`` and the Dask engine.
Needs the ``batch`` extra for WARC input, Parquet tables and Dask.
"""

from gtextract.batch.options import BatchError, BatchOptions, BatchSummary
from gtextract.batch.outputs import errors_path_for
from gtextract.batch.runner import run_batch
from gtextract.batch.sources import FieldNames, RawArticle, iter_articles

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
