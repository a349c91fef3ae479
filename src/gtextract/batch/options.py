"""What a batch run is told (:class:`BatchOptions`) and what it reports (:class:`BatchSummary`).

Shared by the local runner and the Dask engine, which import this module and
not each other's.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from gtextract.batch.sources import FieldNames
from gtextract.errors import GtextractError, MissingDependencyError
from gtextract.text_input import MAX_CHARS

__all__ = [
    "TIME_LIMIT",
    "BatchError",
    "BatchOptions",
    "BatchSummary",
    "EngineName",
    "stopped",
]

EngineName = Literal["local", "dask"]

TIME_LIMIT = 120.0
"""Seconds one article (one spaCy batch of at most ``max_chars`` characters) may
take in a batch run before it is filed as ``time_limit``.

The longest accepted article (``MAX_CHARS`` characters) takes about 10 s on an
idle core of the development machine and 20 s with the machine's two cores
shared by five jobs (docs/limits.md); the budget leaves room for slower and
busier machines, and stops a hung article from holding a worker forever."""


class BatchError(GtextractError):
    """The run had to stop (a worker died, the installation lacks a module);
    what was written so far is valid."""


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch; the CLI flags map onto these one to one."""

    model: str | None = None
    jobs: int | None = None  # None: all cores
    chunk_size: int = 32
    resume: bool = False
    retry_errors: bool = False
    max_chars: int = MAX_CHARS
    time_limit: float | None = TIME_LIMIT  # seconds per article; None or 0: no limit
    fields: FieldNames = field(default_factory=FieldNames)
    progress: bool | None = None  # None: only on an interactive terminal outside CI
    engine: EngineName = "local"
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster
    dask_processes: bool = True  # LocalCluster workers as processes (False: threads)
    partition_size: int = 1000  # articles per partition file (Dask --partitions)

    @property
    def workers(self) -> int:
        return max(1, self.jobs or os.cpu_count() or 1)


@dataclass
class BatchSummary:
    """What a run did; ``read == extracted + failed`` for every finished run."""

    output: Path
    errors: Path
    read: int = 0
    extracted: int = 0
    failed: int = 0
    skipped: int = 0  # already done by an earlier run (--resume)
    ignored: int = 0  # files that are not articles (images, CSS, ...)
    ignored_examples: list[str] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False
    repaired_bytes: int = 0
    engine: str = "local"
    workers: int = 1

    @property
    def articles_per_second(self) -> float:
        return (self.extracted + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def count(self, ok: int, failed_reasons: list[str]) -> None:
        """Add the outcomes of one chunk (or partition)."""
        self.read += ok + len(failed_reasons)
        self.extracted += ok
        self.failed += len(failed_reasons)
        self.reasons.update(reason or "unknown" for reason in failed_reasons)

    def as_text(self) -> str:
        lines = [
            f"articles read: {self.read:,}  extracted: {self.extracted:,}  failed: {self.failed:,}"
            + (f"  skipped (done before): {self.skipped:,}" if self.skipped else ""),
            f"{self.seconds:.1f} s, {self.articles_per_second:.1f} articles/s "
            f"({self.engine}, {self.workers} worker{'s' if self.workers != 1 else ''})",
        ]
        if self.reasons:
            detail = ", ".join(f"{reason} {n}" for reason, n in self.reasons.most_common())
            lines.append(f"failures by reason: {detail}  -> {self.errors}")
        if self.ignored:
            examples = ", ".join(self.ignored_examples[:3])
            lines.append(f"files ignored (not articles): {self.ignored:,} (e.g. {examples})")
        if self.repaired_bytes:
            lines.append(f"cut a torn last line ({self.repaired_bytes} bytes) before resuming")
        if self.interrupted:
            lines.append("interrupted: the output is valid; continue with --resume")
        lines.append(f"output: {self.output}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "output": str(self.output),
            "errors": str(self.errors),
            "read": self.read,
            "extracted": self.extracted,
            "failed": self.failed,
            "skipped": self.skipped,
            "ignored": self.ignored,
            "reasons": dict(self.reasons),
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 2),
            "interrupted": self.interrupted,
        }


def stopped(exc: BaseException, summary: BatchSummary) -> BatchError:
    """The BatchError of a run that cannot go on: why, and that its files are valid."""
    cause = (
        str(exc)
        if isinstance(exc, MissingDependencyError)
        else "a worker process died or could not load the pipeline (out of memory?)"
    )
    return BatchError(
        f"{cause}; {summary.read:,} articles are safely written to {summary.output}: "
        "continue with --resume"
    )
