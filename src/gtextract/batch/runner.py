"""A batch run: inputs -> chunks -> workers -> output and errors JSONL.

The reading, the ordering and the writing happen in the calling process; the
extraction runs in-process (``jobs=1``), in a local process pool, or on a Dask
cluster (:mod:`gtextract.batch.dask_engine`). Results are written in input
order whatever the engine, so ``--jobs 1`` and ``--jobs 4`` give the same
files, and a resumed run continues where the interrupted one stopped.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from gtextract.batch.outputs import JsonlSink, errors_path_for, read_ids
from gtextract.batch.sources import (
    FieldNames,
    RawArticle,
    SourceStats,
    count_articles,
    iter_articles,
)
from gtextract.batch.worker import (
    Extractorlike,
    Outcome,
    init_worker,
    process_chunk,
    run_chunk,
)
from gtextract.errors import GtextractError
from gtextract.text_input import MAX_CHARS

__all__ = ["BatchError", "BatchOptions", "BatchSummary", "run_batch"]


class BatchError(GtextractError):
    """The run had to stop (a worker died); what was written so far is valid."""


EngineName = Literal["local", "dask"]


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch; the CLI flags map onto these one to one."""

    model: str | None = None
    jobs: int | None = None  # None: all cores
    chunk_size: int = 32
    resume: bool = False
    retry_errors: bool = False
    max_chars: int = MAX_CHARS
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
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False
    repaired_bytes: int = 0
    engine: str = "local"
    workers: int = 1

    @property
    def articles_per_second(self) -> float:
        return (self.extracted + self.failed) / self.seconds if self.seconds > 0 else 0.0

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
            lines.append(f"files ignored (not articles): {self.ignored:,}")
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


# --------------------------------------------------------------------------- engines


class Engine(Protocol):
    """Runs chunks somewhere and hands back futures of their outcomes."""

    name: str
    workers: int

    def submit(self, chunk: list[RawArticle]) -> Any: ...  # has .result()

    def close(self, *, cancel: bool = False) -> None: ...


class InlineEngine:
    """Everything in this process: no start-up cost, easiest to debug."""

    name = "local"
    workers = 1

    def __init__(self, extractor: Extractorlike, max_chars: int) -> None:
        self.extractor = extractor
        self.max_chars = max_chars

    def submit(self, chunk: list[RawArticle]) -> Future[list[Outcome]]:
        future: Future[list[Outcome]] = Future()
        future.set_result(run_chunk(chunk, self.extractor, max_chars=self.max_chars))
        return future

    def close(self, *, cancel: bool = False) -> None:
        pass


class ProcessEngine:
    """A local process pool; each worker loads the pipeline once."""

    name = "local"

    def __init__(self, workers: int, model: str | None, max_chars: int) -> None:
        import multiprocessing

        self.workers = workers
        self.model = model
        self.max_chars = max_chars
        # spawn: a fork of a process that runs a progress-bar thread can deadlock.
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(model,),
        )

    def submit(self, chunk: list[RawArticle]) -> Future[list[Outcome]]:
        return self.pool.submit(process_chunk, chunk, self.model, self.max_chars)

    def close(self, *, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


def _make_engine(options: BatchOptions, extractor: Extractorlike | None) -> Engine:
    if options.engine == "dask":
        from gtextract.batch.dask_engine import DaskEngine

        return DaskEngine(
            scheduler=options.scheduler,
            model=options.model,
            max_chars=options.max_chars,
            workers=options.workers,
            processes=options.dask_processes,
        )
    if options.workers == 1:
        if extractor is None:
            from gtextract.batch.worker import get_extractor

            extractor = get_extractor(options.model)
        return InlineEngine(extractor, options.max_chars)
    return ProcessEngine(options.workers, options.model, options.max_chars)


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

    def advance(self, done: int, failed: int, total_done: int) -> None:
        if self._progress is None:
            return
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        self._progress.update(
            self._task, advance=done, failed=failed, rate=f"{total_done / elapsed:.1f}"
        )

    def skip(self, n: int) -> None:
        if self._progress is not None and n:
            self._progress.update(self._task, advance=n)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def progress_wanted(option: bool | None) -> bool:
    if option is not None:
        return option
    return sys.stderr.isatty() and not os.environ.get("CI")


# --------------------------------------------------------------------------- run


def _chunks(articles: Iterable[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _ordered(
    engine: Engine, chunks: Iterator[list[RawArticle]], window: int
) -> Iterator[list[Outcome]]:
    """Results in submission order, with at most ``window`` chunks in flight."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(engine.submit(chunk))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


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
    and lets ``KeyboardInterrupt`` end the run early with valid files (the
    summary then says ``interrupted``).
    """
    options = options or BatchOptions()
    output = Path(output)
    errors = errors_path_for(output)
    stats = SourceStats()
    articles = iter_articles(
        inputs, fields=options.fields, max_chars=options.max_chars, stats=stats
    )

    out_sink = JsonlSink(output, resume=options.resume)
    err_sink = JsonlSink(errors, resume=options.resume and not options.retry_errors)
    summary = BatchSummary(output=output, errors=errors, repaired_bytes=out_sink.repaired_bytes)
    done: set[str] = set()
    if options.resume:
        done = read_ids(output)
        if not options.retry_errors:
            done |= read_ids(errors)

    seen: set[str] = set()

    def fresh(stream: Iterable[RawArticle]) -> Iterator[RawArticle]:
        for raw in stream:
            if raw.article_id in done:
                summary.skipped += 1
                continue
            if raw.article_id in seen:
                # Two inputs with one id would make --resume skip the second:
                # report it instead of silently overwriting.
                raw = raw.as_duplicate()
            seen.add(raw.article_id)
            yield raw

    progress = _Progress(progress_wanted(options.progress), inputs)
    engine: Engine | None = None
    started = time.perf_counter()
    try:
        engine = _make_engine(options, extractor)
        summary.engine, summary.workers = engine.name, engine.workers
        window = max(2, engine.workers * 3)
        skipped_before = 0
        for outcomes in _ordered(engine, _chunks(fresh(articles), options.chunk_size), window):
            out_sink.write_lines(o.line for o in outcomes if o.ok)
            failures = [o for o in outcomes if not o.ok]
            err_sink.write_lines(o.line for o in failures)
            for failure in failures:
                summary.reasons[failure.reason or "unknown"] += 1
            summary.read += len(outcomes)
            summary.failed += len(failures)
            summary.extracted += len(outcomes) - len(failures)
            summary.seconds = time.perf_counter() - started
            progress.skip(summary.skipped - skipped_before)
            skipped_before = summary.skipped
            progress.advance(len(outcomes), summary.failed, summary.read)
            if on_progress is not None:
                on_progress(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    except BrokenProcessPool as exc:
        summary.interrupted = True
        raise BatchError(
            "a worker process died or could not load the pipeline (out of memory?); "
            f"{summary.read:,} articles are safely written to {output}: "
            "continue with --resume"
        ) from exc
    finally:
        if engine is not None:
            engine.close(cancel=summary.interrupted)
        progress.stop()
        out_sink.close()
        err_sink.close()
        summary.seconds = time.perf_counter() - started
        summary.ignored = stats.ignored
    return summary
