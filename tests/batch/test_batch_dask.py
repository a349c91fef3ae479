"""The Dask engine on a LocalCluster of two workers (stub pipeline, in-process workers)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from batch_archives import write_jsonl, write_tree
from batch_stub import StubExtractor
from batch_texts import REPORTS

from gtextract.batch import BatchOptions, run_batch, worker
from gtextract.batch.dask_engine import partition_files, run_partitioned

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.fixture
def stub_model(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(worker._EXTRACTORS, "stub", StubExtractor())
    monkeypatch.setitem(worker._LOCKS, "stub", threading.Lock())
    return "stub"


def make_inputs(root: Path) -> list[Path]:
    records = [{"id": f"d{i:02d}", "text": REPORTS[i % len(REPORTS)]} for i in range(23)]
    records.append({"id": "leer", "text": " "})
    return [write_tree(root / "fanseite"), write_jsonl(root / "export.jsonl", records)]


def test_dask_engine_matches_local(tmp_path: Path, cluster: str, stub_model: str) -> None:
    inputs = make_inputs(tmp_path / "in")
    local = tmp_path / "local.jsonl"
    run_batch(inputs, local, BatchOptions(jobs=1, progress=False, model=stub_model))
    out = tmp_path / "dask.jsonl"
    options = BatchOptions(
        engine="dask", scheduler=cluster, model=stub_model, progress=False, chunk_size=5
    )
    summary = run_batch(inputs, out, options)
    assert summary.engine == "dask" and summary.workers == 2
    assert summary.read == 28 and summary.failed == 1
    assert out.read_bytes() == local.read_bytes()


def test_dask_partitions_and_resume(tmp_path: Path, cluster: str, stub_model: str) -> None:
    inputs = make_inputs(tmp_path / "in")
    local = tmp_path / "local.jsonl"
    run_batch(inputs, local, BatchOptions(jobs=1, progress=False, model=stub_model))
    parts = tmp_path / "parts"
    options = BatchOptions(
        engine="dask",
        scheduler=cluster,
        model=stub_model,
        progress=False,
        chunk_size=4,
        partition_size=10,
    )
    summary = run_partitioned(inputs, parts, options)
    assert summary.read == 28 and summary.extracted == 27 and summary.reasons == {"empty": 1}
    files = partition_files(parts)
    assert [f.name for f in files] == [
        "part-000000.jsonl",
        "part-000001.jsonl",
        "part-000002.jsonl",
    ]
    assert b"".join(f.read_bytes() for f in files) == local.read_bytes()
    assert (parts / "part-000002.errors.jsonl").read_text(encoding="utf-8").count("\n") == 1

    # A lost partition is redone on resume; the complete ones are skipped.
    files[1].unlink()
    resumed = run_partitioned(inputs, parts, replace(options, resume=True))
    assert resumed.skipped == 18 and resumed.read == 10
    assert b"".join(f.read_bytes() for f in partition_files(parts)) == local.read_bytes()
