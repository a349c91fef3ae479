"""`gtextract batch` and `gtextract aggregate` through the main CLI (stub pipeline)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from batch_archives import write_jsonl, write_tree
from batch_stub import StubExtractor
from batch_texts import REPORTS

from gtextract.batch import worker
from gtextract.cli import main


@pytest.fixture
def stub_model(monkeypatch: pytest.MonkeyPatch, stub_extractor: StubExtractor) -> str:
    """Make `--model stub` resolve to the stub in this process's pipeline cache."""
    monkeypatch.setitem(worker._EXTRACTORS, "stub", stub_extractor)
    monkeypatch.setitem(worker._LOCKS, "stub", threading.Lock())
    return "stub"


def test_batch_with_tables_summary_and_strict(
    tmp_path: Path, stub_model: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = write_tree(tmp_path / "fanseite")
    (tree / "leer.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(tree), "-o", str(out), "--jobs", "1", "--model", stub_model]
    code = main([*args, "--tables", str(tmp_path / "tab"), "--csv", "--json", "--no-progress"])
    captured = capsys.readouterr()
    assert code == 0
    summary = json.loads(captured.out)
    assert summary["read"] == 5 and summary["extracted"] == 4 and summary["failed"] == 1
    assert summary["reasons"] == {"empty": 1}
    assert "articles/s" in captured.err and "tables in" in captured.err
    assert (tmp_path / "tab" / "drivers.parquet").exists() and (
        tmp_path / "tab" / "drivers.csv"
    ).exists()
    assert (
        json.loads((tmp_path / "out.errors.jsonl").read_text(encoding="utf-8"))["reason"] == "empty"
    )

    assert main([*args, "--strict", "--no-progress"]) == 1  # a failed article with --strict


def test_batch_cannot_run(
    tmp_path: Path, stub_model: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out.jsonl")
    assert main(["batch", str(tmp_path / "fehlt"), "-o", out, "--model", stub_model]) == 2
    assert "input not found" in capsys.readouterr().err
    assert main(["batch", str(tmp_path), "-o", out, "--field", "inhalt"]) == 2
    assert main(["batch", str(tmp_path), "-o", out, "--retry-errors"]) == 2


def test_aggregate_command(
    tmp_path: Path, stub_model: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.jsonl"
    write_jsonl(source, [{"id": f"n{i}", "text": REPORTS[0]} for i in range(3)])
    out = tmp_path / "out.jsonl"
    assert (
        main(
            [
                "batch",
                str(source),
                "-o",
                str(out),
                "-j",
                "1",
                "--model",
                stub_model,
                "--no-progress",
            ]
        )
        == 0
    )
    capsys.readouterr()
    tables = tmp_path / "agg-tables"
    assert (
        main(["aggregate", str(out), "-o", str(tmp_path / "agg.json"), "--tables", str(tables)])
        == 0
    )
    assert "Marco Wittmann" in capsys.readouterr().out
    view = json.loads((tmp_path / "agg.json").read_text(encoding="utf-8"))
    wittmann = next(d for d in view["drivers"] if d["name"] == "Marco Wittmann")
    assert wittmann["articles"] == ["n0", "n1", "n2"]
    import pyarrow.parquet as pq

    rows = pq.read_table(tables / "drivers.parquet").to_pylist()
    assert {"id": wittmann["id"], "name": "Marco Wittmann", "n_articles": 3}.items() <= next(
        r for r in rows if r["name"] == "Marco Wittmann"
    ).items()
    assert (tables / "driver_results.parquet").exists() and (tables / "cars.parquet").exists()
    assert main(["aggregate", str(tmp_path / "fehlt.jsonl")]) == 2


def test_model_that_cannot_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = write_tree(tmp_path / "fanseite")
    out = str(tmp_path / "out.jsonl")
    missing = str(tmp_path / "kein-modell")
    assert (
        main(["batch", str(tree), "-o", out, "-j", "1", "--model", missing, "--no-progress"]) == 2
    )
    assert "cannot run" in capsys.readouterr().err
    # With worker processes the pipeline fails to load inside the pool.
    assert (
        main(["batch", str(tree), "-o", out, "-j", "2", "--model", missing, "--no-progress"]) == 1
    )
    assert "--resume" in capsys.readouterr().err
