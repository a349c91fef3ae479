"""A batch run: inputs -> chunks -> workers -> output and errors JSONL.

The reading, the ordering and the writing happen in the calling process; the
extraction runs in-process (``jobs=1``), in a local process pool, or on a Dask
cluster (:mod:`gtextract.batch.dask_engine`). Results are written in input
order whatever the engine, so ``--jobs 1`` and ``--jobs 4`` give the same
files, and a resumed run continues where the interrupted one stopped.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from gtextract.batch.options import BatchError, BatchOptions, BatchSummary, stopped
from gtextract.batch.outputs import JsonlSink, check_output, errors_path_for, read_ids
from gtextract.batch.sources import (
    RawArticle,
    SourceStats,
    count_articles,
    iter_articles,
    once_each,
)
from gtextract.batch.worker import (
    Extractorlike,
    Outcome,
    close_zone,
    init_worker,
    process_chunk,
    run_chunk,
)
from gtextract.errors import MissingDependencyError
from gtextract.extractor import chunked, in_order, spawn_pool

__all__ = ["BatchError", "BatchOptions", "BatchSummary", "make_engine", "run_batch"]


# --------------------------------------------------------------------------- engines


class Engine(Protocol):
    """Runs chunks somewhere and hands back futures of their outcomes."""

    name: str
    workers: int

    def submit(self, chunk: list[RawArticle]) -> Any: ...  # has .result()

    def close(self, *, cancel: bool = False) -> None: ...


class _Deferred:
    """A chunk run when its result is asked for: in input order, so a chunk that
    stops the run (a missing module) comes after the chunks before it are written."""

    def __init__(self, work: Callable[[], list[Outcome]]) -> None:
        self._work = work

    def result(self) -> list[Outcome]:
        return self._work()


class InlineEngine:
    """Everything in this process: no start-up cost, easiest to debug."""

    name = "local"
    workers = 1

    def __init__(self, extractor: Extractorlike, options: BatchOptions) -> None:
        self.extractor = extractor
        self.options = options

    def submit(self, chunk: list[RawArticle]) -> _Deferred:
        o = self.options
        return _Deferred(
            lambda: run_chunk(chunk, self.extractor, max_chars=o.max_chars, time_limit=o.time_limit)
        )

    def close(self, *, cancel: bool = False) -> None:
        close_zone(self.extractor)


class ProcessEngine:
    """A local process pool (:func:`gtextract.extractor.spawn_pool`); each worker
    loads the pipeline once."""

    name = "local"

    def __init__(self, options: BatchOptions) -> None:
        self.workers = options.workers
        self.options = options
        self.pool = spawn_pool(options.workers, init_worker, (options.model,))

    def submit(self, chunk: list[RawArticle]) -> Future[list[Outcome]]:
        o = self.options
        return self.pool.submit(process_chunk, chunk, o.model, o.max_chars, o.time_limit)

    def close(self, *, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


def make_engine(options: BatchOptions, extractor: Extractorlike | None = None) -> Engine:
    if options.engine == "dask":
        from gtextract.batch.dask_engine import DaskEngine

        return DaskEngine(options)
    if options.workers == 1:
        if extractor is None:
            from gtextract.batch.worker import get_extractor

            extractor = get_extractor(options.model)
        return InlineEngine(extractor, options)
    return ProcessEngine(options)


# --------------------------------------------------------------------------- progress


class _Progress:
    """A rich progress bar with articles/s and ETA, or nothing at all."""

    def __init__(self, enabled: bool, inputs: Sequence[str | Path]) -> None:
        self.enabled = enabled
        self._progress: Any = None
        self._task: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]gtextract batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("failed {task.fields[failed]}"),
            console=Console(stderr=True),  # stdout stays clean for --json
            transient=False,
        )
        self._task = self._progress.add_task("batch", total=None, rate="-", failed=0)
        self._progress.start()
        self._started = time.perf_counter()
        # Counting a big archive takes a while: do it beside the run, and the
        # bar gets its total (and ETA) when the count is known.
        threading.Thread(target=self._count, args=(list(inputs),), daemon=True).start()

    def _count(self, inputs: list[str | Path]) -> None:
        total = count_articles(inputs)
        if total is not None and self._progress is not None:
            self._progress.update(self._task, total=total)

    def advance(self, done: int, summary: BatchSummary) -> None:
        if self._progress is None:
            return
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        rate = f"{summary.read / elapsed:.1f}"
        self._progress.update(self._task, advance=done, failed=summary.failed, rate=rate)

    def skip(self, summary: BatchSummary) -> None:
        """One article done by an earlier run: counted, and the bar moves on."""
        summary.skipped += 1
        if self._progress is not None:
            self._progress.update(self._task, advance=1)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def progress_wanted(option: bool | None) -> bool:
    if option is not None:
        return option
    return sys.stderr.isatty() and not os.environ.get("CI")


# --------------------------------------------------------------------------- run


@dataclass
class _Sinks:
    """The output and errors files of a run, and the ids an earlier run finished."""

    out: JsonlSink
    errors: JsonlSink
    done: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, output: Path, options: BatchOptions) -> _Sinks:
        errors = errors_path_for(output)
        keep_errors = options.resume and not options.retry_errors
        sinks = cls(JsonlSink(output, resume=options.resume), JsonlSink(errors, resume=keep_errors))
        if options.resume:
            sinks.done = read_ids(output) | (read_ids(errors) if keep_errors else set())
        return sinks

    def write(self, outcomes: list[Outcome], summary: BatchSummary) -> None:
        """One chunk's lines, each to its file, and their count in the summary."""
        self.out.write_lines(o.line for o in outcomes if o.ok)
        failures = [o for o in outcomes if not o.ok]
        self.errors.write_lines(o.line for o in failures)
        summary.count(len(outcomes) - len(failures), [o.reason for o in failures])

    def close(self) -> None:
        self.out.close()
        self.errors.close()


def run_batch(
    inputs: Sequence[str | Path],
    output: str | Path,
    options: BatchOptions | None = None,
    *,
    extractor: Extractorlike | None = None,
    on_progress: Callable[[BatchSummary], None] | None = None,
) -> BatchSummary:
    """Extract every article of ``inputs`` into ``output`` (JSONL).

    Failures go to ``<output stem>.errors.jsonl``. ``extractor`` (optional)
    is used for in-process runs (``jobs=1``); worker processes load their own
    from ``options.model``. Raises ``FileNotFoundError`` for a missing input
    or output directory, ``BatchError`` when the run has to stop (a worker
    died, a module is missing), and lets ``KeyboardInterrupt`` end the run
    early with valid files (the summary then says ``interrupted``).
    """
    options = options or BatchOptions()
    output = check_output(Path(output))
    stats = SourceStats()
    articles = iter_articles(
        inputs, fields=options.fields, max_chars=options.max_chars, stats=stats
    )
    sinks = _Sinks.open(output, options)
    summary = BatchSummary(output, sinks.errors.path, repaired_bytes=sinks.out.repaired_bytes)
    progress = _Progress(progress_wanted(options.progress), inputs)
    engine: Engine | None = None
    started = time.perf_counter()
    try:
        engine = make_engine(options, extractor)
        summary.engine, summary.workers = engine.name, engine.workers
        todo = once_each(articles, done=sinks.done, on_done=lambda _: progress.skip(summary))
        chunks = chunked(todo, options.chunk_size)
        for _, outcomes in in_order(engine.submit, chunks, window=max(2, engine.workers * 3)):
            sinks.write(outcomes, summary)
            summary.seconds = time.perf_counter() - started
            progress.advance(len(outcomes), summary)
            if on_progress is not None:
                on_progress(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    except (BrokenProcessPool, MissingDependencyError) as exc:
        summary.interrupted = True
        raise stopped(exc, summary) from exc
    finally:
        if engine is not None:
            engine.close(cancel=summary.interrupted)
        progress.stop()
        sinks.close()
        summary.seconds = time.perf_counter() - started
        summary.ignored, summary.ignored_examples = stats.ignored, stats.ignored_examples
    return summary
