"""Run the batch extraction on a Dask distributed cluster.

The client (the ``gtextract batch`` process) streams the inputs, sends
partitions of raw articles (``--chunk-size`` articles each) to the workers
and writes the results in input order, exactly like the local engine: same
output and errors files, same ``--resume``. Each worker loads the pipeline
once (a worker plugin warms it up; :func:`gtextract.batch.worker.get_extractor`
caches it per process).

Pointing it at a real cluster::

    # on the scheduler machine
    dask scheduler                                  # prints tcp://HOST:8786
    # on every worker machine (gtextract[batch] installed, same version)
    dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1
    # anywhere that sees the inputs
    gtextract batch archive/ -o out.jsonl --engine dask --scheduler tcp://HOST:8786

Use ``--nthreads 1``: a spaCy pipeline is not shared between threads, so
extra threads in one worker process just wait for each other.

With ``--partitions`` the workers write the results themselves, as
``part-NNNNNN.jsonl`` / ``part-NNNNNN.errors.jsonl`` files in the output
directory (which must then be shared storage all workers can write): the
client only sends articles and receives counts. Each file is written to a
temporary name and renamed, so a partition is either complete or absent, and
``--resume`` skips the complete ones.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from gtextract.batch.options import BatchOptions, BatchSummary, stopped
from gtextract.batch.outputs import check_output
from gtextract.batch.sources import RawArticle, SourceStats, iter_articles, once_each
from gtextract.batch.worker import Outcome, get_extractor, process_chunk
from gtextract.errors import MissingDependencyError
from gtextract.extractor import chunked, in_order

__all__ = ["DaskEngine", "LoadPipeline", "partition_files", "run_partitioned", "write_partition"]

try:  # the plugin base class only exists when distributed is installed
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - the engine then refuses to start
    _PluginBase = object  # type: ignore[assignment,misc]


class LoadPipeline(_PluginBase):
    """Loads the gtextract pipeline when a worker starts, not on its first task."""

    name = "gtextract-load-pipeline"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        get_extractor(self.model)


class DaskEngine:
    """Submits chunks to a Dask cluster (or a LocalCluster it starts itself)."""

    name = "dask"

    def __init__(self, options: BatchOptions) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise RuntimeError(
                "the Dask engine needs dask[distributed]: pip install 'gtextract[batch]'"
            ) from exc
        self.options = options
        self._cluster: Any = None
        if options.scheduler:
            self.client = Client(options.scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=options.workers,
                threads_per_worker=1,
                processes=options.dask_processes,
                dashboard_address=None,  # no fixed port: other runs may hold it
                silence_logs=logging.ERROR,
            )
            self.client = Client(self._cluster)
        self.client.register_plugin(LoadPipeline(options.model))
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, chunk: list[RawArticle]) -> Any:
        o = self.options
        # pure=False: two equal chunks (re-runs) must both run, not share a key.
        return self.client.submit(
            process_chunk, chunk, o.model, o.max_chars, o.time_limit, pure=False
        )

    def close(self, *, cancel: bool = False) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


# --------------------------------------------------------------------------- partitions


def _part(directory: Path, index: int) -> tuple[Path, Path]:
    stem = f"part-{index:06d}"
    return directory / f"{stem}.jsonl", directory / f"{stem}.errors.jsonl"


def partition_files(directory: str | Path) -> list[Path]:
    """The complete output partitions of a directory, in order."""
    return sorted(p for p in Path(directory).glob("part-*.jsonl") if ".errors." not in p.name)


def _atomic_write(path: Path, lines: Iterable[str]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(f"{line}\n" for line in lines)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_partition(
    index: int,
    articles: Sequence[RawArticle],
    directory: str,
    options: BatchOptions,
) -> dict[str, Any]:
    """Worker task: extract one partition and write its two files; return counts."""
    outcomes: list[Outcome] = []
    for chunk in chunked(articles, options.chunk_size):
        outcomes.extend(process_chunk(chunk, options.model, options.max_chars, options.time_limit))
    out, errors = _part(Path(directory), index)
    failed = [o for o in outcomes if not o.ok]
    # Errors first: the output file's presence marks the partition complete.
    _atomic_write(errors, (o.line for o in failed))
    _atomic_write(out, (o.line for o in outcomes if o.ok))
    return {"extracted": len(outcomes) - len(failed), "failed": [o.reason for o in failed]}


def _fresh_directory(directory: Path, options: BatchOptions) -> Path:
    """The partition directory, created (its parent must exist); a fresh run
    removes an older run's partitions so the two never mix."""
    check_output(directory, directory=True)
    directory.mkdir(exist_ok=True)
    if not options.resume:
        for old in directory.glob("part-*.jsonl"):
            old.unlink()
    return directory


def run_partitioned(
    inputs: Sequence[str | Path], directory: str | Path, options: BatchOptions
) -> BatchSummary:
    """Like :func:`gtextract.batch.run_batch`, but workers write partition files."""
    stats = SourceStats()
    articles = iter_articles(
        inputs, fields=options.fields, max_chars=options.max_chars, stats=stats
    )
    directory = _fresh_directory(Path(directory), options)
    summary = BatchSummary(output=directory, errors=directory, engine="dask")
    started = time.perf_counter()
    engine = DaskEngine(options)
    summary.workers = engine.workers

    def todo() -> Iterable[tuple[int, list[RawArticle]]]:
        """The partitions still to write (--resume skips the complete ones)."""
        for index, part in enumerate(chunked(once_each(articles), options.partition_size)):
            if options.resume and _part(directory, index)[0].exists():
                summary.skipped += len(part)
            else:
                yield index, part

    def submit(job: tuple[int, list[RawArticle]]) -> Any:
        index, part = job
        return engine.client.submit(
            write_partition, index, part, str(directory), options, pure=False
        )

    try:
        for _, counts in in_order(submit, todo(), window=max(2, engine.workers * 2)):
            summary.count(counts["extracted"], counts["failed"])
    except KeyboardInterrupt:
        summary.interrupted = True
    except MissingDependencyError as exc:
        summary.interrupted = True
        raise stopped(exc, summary) from exc
    finally:
        engine.close(cancel=summary.interrupted)
        summary.seconds = time.perf_counter() - started
        summary.ignored, summary.ignored_examples = stats.ignored, stats.ignored_examples
    return summary
