"""End to end with the real gtextract pipeline: every input kind, engines agree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from batch_archives import write_jsonl, write_tar, write_tree, write_warc, write_zip

from gtextract.batch import BatchOptions, errors_path_for, iter_articles, run_batch
from gtextract.batch.aggregate import aggregate
from gtextract.batch.tables import build_tables
from gtextract.batch.worker import prepare


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("eingang")
    return [
        write_tree(root / "fanseite"),
        write_jsonl(root / "export.jsonl"),
        write_zip(root / "dump.zip"),
        write_tar(root / "dump.tar.gz"),
        write_warc(root / "crawl.warc.gz"),
    ]


@pytest.fixture(scope="module")
def jobs1(
    inputs: list[Path], real_extractor: Any, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("jobs1") / "out.jsonl"
    summary = run_batch(
        inputs, out, BatchOptions(jobs=1, progress=False, chunk_size=4), extractor=real_extractor
    )
    assert summary.read == summary.extracted + summary.failed
    return out


def test_every_kind_extracted_with_valid_evidence(inputs: list[Path], jobs1: Path) -> None:
    lines = read(jobs1)
    failures = read(errors_path_for(jobs1))
    raws = {raw.article_id: raw for raw in iter_articles(inputs)}
    # 4 tree + 5 JSONL + 4 zip + 2 tar + 2 WARC articles, all German reports.
    assert len(raws) == 17
    assert failures == []
    assert sorted(line["article_id"] for line in lines) == sorted(raws)

    for line in lines:
        text = prepare(raws[line["article_id"]]).text
        report = line["report"]
        for driver in report["drivers"]:
            for mention in driver["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
        for result in report["results"]:
            ev = result["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]

    by_id = {line["article_id"]: line for line in lines}

    def drivers(article_id: str) -> str:
        return " | ".join(d["name"] for d in by_id[article_id]["report"]["drivers"])

    # Names the pipeline finds in these reports (recall itself is tested elsewhere).
    assert "Marco Wittmann" in drivers("fanseite/2019/sachsenring.txt")
    html = by_id["fanseite/2020/nordschleife.html"]
    assert html["format"] == "html"
    assert html["report"]["title"] == "Regen bestimmt das Rennen auf der Nordschleife"
    assert "Christopher Haase" in drivers("fanseite/2020/nordschleife.html")
    assert by_id["fanseite/2020/hockenheim.txt"]["encoding"] in {"cp1252", "latin-1"}
    assert "René Rast" in drivers("fanseite/2020/hockenheim.txt")  # umlauts/accents decoded
    assert "Laurin Heinrich" in drivers("dump.zip!berichte/oschersleben.txt")  # Latin-1 member
    # The same file in a folder and in a ZIP gives the same records.
    folder = dict(by_id["fanseite/2019/sachsenring.txt"]["report"], source=None)
    zipped = dict(by_id["dump.zip!berichte/sachsenring.txt"]["report"], source=None)
    assert folder == zipped


def test_jobs_2_gives_identical_output(inputs: list[Path], jobs1: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = run_batch(inputs, out, BatchOptions(jobs=2, progress=False, chunk_size=4))
    assert summary.workers == 2
    assert out.read_bytes() == jobs1.read_bytes()
    assert errors_path_for(out).read_bytes() == errors_path_for(jobs1).read_bytes()


def test_dask_local_cluster_gives_identical_output(
    inputs: list[Path], jobs1: Path, real_extractor: Any, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    # Two in-process workers: they share this process's already loaded pipeline.
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        out = tmp_path / "out.jsonl"
        summary = run_batch(
            inputs,
            out,
            BatchOptions(
                progress=False, chunk_size=3, engine="dask", scheduler=cluster.scheduler_address
            ),
        )
    assert summary.engine == "dask" and summary.workers == 2
    assert out.read_bytes() == jobs1.read_bytes()


def test_tables_and_aggregate_from_real_output(jobs1: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    counts = build_tables(jobs1, tmp_path / "tables")
    assert counts["articles"] == 17 and counts["drivers"] > 17
    drivers = pq.read_table(tmp_path / "tables" / "drivers.parquet").to_pylist()
    assert all(d["article_id"] and d["start"] is not None for d in drivers)

    view = aggregate(jobs1)
    assert view["articles"] == 17
    # The Oschersleben report is in the JSONL, the ZIP and the WARC: its winner
    # is one person across the three articles.
    heinrich = [d for d in view["drivers"] if d["name"] == "Laurin Heinrich"]
    assert len(heinrich) == 1 and heinrich[0]["n_articles"] == 3
    wittmann = [
        d for d in view["drivers"] if "Wittmann" in d["variants"] or d["name"] == "Marco Wittmann"
    ]
    assert len(wittmann) == 1 and wittmann[0]["n_articles"] >= 4


def test_bad_inputs_reported_with_real_pipeline(tmp_path: Path, real_extractor: Any) -> None:
    from batch_texts import ENGLISH, REPORTS

    folder = tmp_path / "gemischt"
    folder.mkdir()
    (folder / "gut.txt").write_text(REPORTS[3], encoding="utf-8")
    (folder / "leer.txt").write_bytes(b"")
    (folder / "binaer.txt").write_bytes(bytes(range(128, 256)) * 3)
    (folder / "riesig.txt").write_bytes(("Der Fahrer gewann das Rennen. " * 180_000).encode())
    (folder / "englisch.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "export.jsonl").write_text(
        json.dumps({"id": "ok", "text": REPORTS[4]}) + "\n" + '{"id": "kaputt", "text": "Rast\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        [folder], out, BatchOptions(jobs=1, progress=False), extractor=real_extractor
    )
    assert summary.read == 7 and summary.extracted == 2
    assert {e["article_id"]: e["reason"] for e in read(errors_path_for(out))} == {
        "gemischt/binaer.txt": "undecodable",
        "gemischt/englisch.txt": "not_german",
        "gemischt/leer.txt": "empty",
        "gemischt/riesig.txt": "too_large",
        "gemischt/export.jsonl:2": "invalid_json",
    }
    assert sorted(line["article_id"] for line in read(out)) == ["gemischt/gut.txt", "ok"]
