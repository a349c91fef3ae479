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
"""

from __future__ import annotations

import logging
from typing import Any

from gtextract.batch.sources import RawArticle
from gtextract.batch.worker import get_extractor, process_chunk

__all__ = ["DaskEngine", "LoadPipeline"]

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
