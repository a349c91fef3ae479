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

import itertools
import logging
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gtextract.batch.sources import RawArticle, SourceStats, iter_articles
from gtextract.batch.worker import Outcome, get_extractor, process_chunk

if TYPE_CHECKING:
    from gtextract.batch.runner import BatchOptions, BatchSummary

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

    def __init__(
        self,
        *,
        scheduler: str | None,
        model: str | None,
        max_chars: int,
        workers: int = 2,
        processes: bool = True,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise RuntimeError(
                "the Dask engine needs dask[distributed]: pip install 'gtextract[batch]'"
            ) from exc
        self.model = model
        self.max_chars = max_chars
        self._cluster: Any = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,  # no fixed port: other runs may hold it
                silence_logs=logging.ERROR,
            )
            self.client = Client(self._cluster)
        self.client.register_plugin(LoadPipeline(model))
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, chunk: list[RawArticle]) -> Any:
        # pure=False: two equal chunks (re-runs) must both run, not share a key.
        return self.client.submit(process_chunk, chunk, self.model, self.max_chars, pure=False)

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
    model: str | None,
    max_chars: int,
    chunk_size: int,
) -> dict[str, Any]:
    """Worker task: extract one partition and write its two files; return counts."""
    outcomes: list[Outcome] = []
    for start in range(0, len(articles), chunk_size):
        outcomes.extend(process_chunk(articles[start : start + chunk_size], model, max_chars))
    out, errors = _part(Path(directory), index)
    # Errors first: the output file's presence marks the partition complete.
    _atomic_write(errors, (o.line for o in outcomes if not o.ok))
    _atomic_write(out, (o.line for o in outcomes if o.ok))
    failed = [o for o in outcomes if not o.ok]
    return {
        "extracted": len(outcomes) - len(failed),
        "failed": len(failed),
        "reasons": dict(Counter(o.reason or "unknown" for o in failed)),
    }


def _partitions(articles: Iterator[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    while part := list(itertools.islice(articles, size)):
        yield part


def run_partitioned(
    inputs: Sequence[str | Path], directory: str | Path, options: BatchOptions
) -> BatchSummary:
    """Like :func:`gtextract.batch.run_batch`, but workers write partition files."""
    from gtextract.batch.runner import BatchSummary

    directory = Path(directory)
    stats = SourceStats()
    articles = iter_articles(
        inputs, fields=options.fields, max_chars=options.max_chars, stats=stats
    )
    directory.mkdir(parents=True, exist_ok=True)
    if not options.resume:
        for old in directory.glob("part-*.jsonl"):
            old.unlink()  # a fresh run must not mix with an older one's partitions
    summary = BatchSummary(output=directory, errors=directory, engine="dask")
    seen: set[str] = set()

    def unique(stream: Iterable[RawArticle]) -> Iterator[RawArticle]:
        for raw in stream:
            if raw.article_id in seen:
                raw = raw.as_duplicate()
            seen.add(raw.article_id)
            yield raw

    started = time.perf_counter()
    engine = DaskEngine(
        scheduler=options.scheduler,
        model=options.model,
        max_chars=options.max_chars,
        workers=options.workers,
        processes=options.dask_processes,
    )
    summary.workers = engine.workers
    pending: deque[Any] = deque()

    def collect(future: Any) -> None:
        counts = future.result()
        summary.extracted += counts["extracted"]
        summary.failed += counts["failed"]
        summary.read += counts["extracted"] + counts["failed"]
        summary.reasons.update(counts["reasons"])

    try:
        for index, part in enumerate(_partitions(unique(articles), options.partition_size)):
            if options.resume and _part(directory, index)[0].exists():
                summary.skipped += len(part)
                continue
            pending.append(
                engine.client.submit(
                    write_partition,
                    index,
                    part,
                    str(directory),
                    options.model,
                    options.max_chars,
                    options.chunk_size,
                    pure=False,
                )
            )
            if len(pending) >= max(2, engine.workers * 2):
                collect(pending.popleft())
        while pending:
            collect(pending.popleft())
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        engine.close(cancel=summary.interrupted)
        summary.seconds = time.perf_counter() - started
        summary.ignored = stats.ignored
    return summary
