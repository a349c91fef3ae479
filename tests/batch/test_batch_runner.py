"""The batch run's plumbing with a stub extractor: accounting, errors, resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from batch_archives import write_jsonl, write_tree, write_zip
from batch_stub import StubExtractor
from batch_texts import ENGLISH, REPORTS

from gtextract.batch import BatchOptions, errors_path_for, run_batch
from gtextract.batch.outputs import read_ids, repair_jsonl

OPTIONS = BatchOptions(jobs=1, progress=False, chunk_size=3)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def make_mixed_inputs(root: Path) -> list[Path]:
    """Good articles of every kind plus every kind of failure, in one run."""
    bad = root / "kaputt"
    bad.mkdir(parents=True)
    (bad / "leer.txt").write_bytes(b"")
    (bad / "binaer.txt").write_bytes(bytes(range(128, 256)) * 3)
    (bad / "riesig.txt").write_bytes(
        ("Der Fahrer gewann das Rennen. " * 180_000).encode()
    )  # 5.4 MB
    (bad / "englisch.txt").write_text(ENGLISH, encoding="utf-8")
    (bad / "absturz.txt").write_text(REPORTS[0] + "\nEXPLODIERT\n", encoding="utf-8")
    export = root / "export.jsonl"
    write_jsonl(export)
    with export.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "abgeschnitten", "text": "Laurin\n')  # a broken line
        handle.write(json.dumps({"id": "art-0", "text": REPORTS[2]}) + "\n")  # id used twice
    return [write_tree(root / "fanseite"), bad, export, write_zip(root / "dump.zip")]


def test_every_article_ends_up_in_output_or_errors(
    tmp_path: Path, stub_extractor: StubExtractor
) -> None:
    inputs = make_mixed_inputs(tmp_path / "in")
    out = tmp_path / "out" / "reports.jsonl"
    out.parent.mkdir()  # a missing output directory is refused (test_hostile_batch)
    summary = run_batch(inputs, out, OPTIONS, extractor=stub_extractor)

    done, failed = lines(out), lines(errors_path_for(out))
    assert errors_path_for(out).name == "reports.errors.jsonl"
    # 4 tree + 5 bad + 7 JSONL lines + 4 zip articles
    assert summary.read == 20 == len(done) + len(failed)
    assert summary.extracted == len(done) and summary.failed == len(failed)
    reasons = {e["article_id"]: e["reason"] for e in failed}
    assert reasons == {
        "kaputt/absturz.txt": "extractor_error",
        "kaputt/binaer.txt": "undecodable",
        "kaputt/englisch.txt": "not_german",
        "kaputt/leer.txt": "empty",
        "kaputt/riesig.txt": "too_large",
        "export.jsonl:6": "invalid_json",
        "art-0": "duplicate",
    }
    assert all(e["message"] and e["source"] for e in failed)
    assert "RuntimeError: stub pipeline failure" in next(
        e["message"] for e in failed if e["reason"] == "extractor_error"
    )
    assert summary.reasons["duplicate"] == 1 and summary.ignored == 2
    first = next(d for d in done if d["article_id"] == "fanseite/2019/sachsenring.txt")
    assert first["encoding"] == "utf-8" and first["format"] == "text"
    assert [d["name"] for d in first["report"]["drivers"]] == ["Marco Wittmann"]
    assert first["report"]["source"] == first["source"]
    hockenheim = next(d for d in done if d["article_id"] == "fanseite/2020/hockenheim.txt")
    assert hockenheim["encoding"] in {"cp1252", "latin-1"}  # no cp1252-only characters
    text = summary.as_text()
    assert "articles read: 20" in text and "failed: 7" in text and "articles/s" in text


def test_resume_skips_done_and_repairs_torn_line(
    tmp_path: Path, stub_extractor: StubExtractor
) -> None:
    inputs = [write_jsonl(tmp_path / "export.jsonl"), write_tree(tmp_path / "fanseite")]
    full = tmp_path / "full.jsonl"
    run_batch(inputs, full, OPTIONS, extractor=stub_extractor)
    expected = full.read_text(encoding="utf-8")

    # A run killed in the middle of writing its fourth line.
    out = tmp_path / "out.jsonl"
    data = expected.encode("utf-8")
    cut = [i for i, b in enumerate(data) if b == 0x0A][2] + 1 + 40
    out.write_bytes(data[:cut])
    calls_before = stub_extractor.calls
    summary = run_batch(
        inputs, out, BatchOptions(jobs=1, progress=False, resume=True), extractor=stub_extractor
    )
    assert summary.skipped == 3 and summary.read == 6
    assert summary.repaired_bytes == 40
    assert stub_extractor.calls - calls_before == 6
    assert out.read_text(encoding="utf-8") == expected

    # Resuming a finished run does nothing.
    again = run_batch(
        inputs, out, BatchOptions(jobs=1, progress=False, resume=True), extractor=stub_extractor
    )
    assert again.read == 0 and again.skipped == 9
    assert out.read_text(encoding="utf-8") == expected


def test_resume_keeps_errors_unless_retry(tmp_path: Path, stub_extractor: StubExtractor) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORTS[0], encoding="utf-8")
    (folder / "b.txt").write_text(REPORTS[1] + " EXPLODIERT", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch([folder], out, OPTIONS, extractor=stub_extractor)
    assert read_ids(errors_path_for(out)) == {"in/b.txt"}
    resumed = run_batch(
        [folder], out, BatchOptions(jobs=1, progress=False, resume=True), extractor=stub_extractor
    )
    assert resumed.read == 0
    (folder / "b.txt").write_text(REPORTS[1], encoding="utf-8")  # the cause is fixed
    retried = run_batch(
        [folder],
        out,
        BatchOptions(jobs=1, progress=False, resume=True, retry_errors=True),
        extractor=stub_extractor,
    )
    assert retried.read == 1 and retried.extracted == 1
    assert read_ids(out) == {"in/a.txt", "in/b.txt"}
    assert errors_path_for(out).read_text(encoding="utf-8") == ""


def test_repair_jsonl_cases(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"article_id": "a"}\n{"article_id": "b"}\n', encoding="utf-8")
    assert repair_jsonl(path) == 0
    path.write_text('{"article_id": "a"}\n{"article_id": "b"', encoding="utf-8")
    assert repair_jsonl(path) == len('{"article_id": "b"')
    assert read_ids(path) == {"a"}
    path.write_text('{"article_id": "a"}\n{"artic\n', encoding="utf-8")  # torn, then newline
    assert repair_jsonl(path) == len('{"artic\n')
    path.write_text('{"artic', encoding="utf-8")  # torn first line
    assert repair_jsonl(path) == 7 and path.read_bytes() == b""
    assert repair_jsonl(tmp_path / "fehlt.jsonl") == 0


def test_progress_bar_and_callback(
    tmp_path: Path, stub_extractor: StubExtractor, capsys: Any
) -> None:
    seen: list[int] = []
    options = BatchOptions(jobs=1, progress=True, chunk_size=2)
    inputs = [write_tree(tmp_path / "fanseite")]
    summary = run_batch(
        inputs,
        tmp_path / "out.jsonl",
        options,
        extractor=stub_extractor,
        on_progress=lambda s: seen.append(s.read),
    )
    assert seen == [2, 4] and summary.extracted == 4
    assert capsys.readouterr().out == ""  # the bar goes to stderr


def test_ctrl_c_leaves_valid_output_and_resume_completes(
    tmp_path: Path, stub_extractor: StubExtractor
) -> None:
    inputs = [write_jsonl(tmp_path / "export.jsonl"), write_tree(tmp_path / "fanseite")]
    full = tmp_path / "full.jsonl"
    run_batch(inputs, full, OPTIONS, extractor=stub_extractor)

    def interrupt(summary: Any) -> None:
        raise KeyboardInterrupt  # as if Ctrl-C arrived after the first chunk

    out = tmp_path / "out.jsonl"
    summary = run_batch(inputs, out, OPTIONS, extractor=stub_extractor, on_progress=interrupt)
    assert summary.interrupted and summary.read == 3
    assert "continue with --resume" in summary.as_text()
    assert len(read_ids(out)) == 3
    resumed = run_batch(
        inputs, out, BatchOptions(jobs=1, progress=False, resume=True), extractor=stub_extractor
    )
    assert resumed.skipped == 3 and not resumed.interrupted
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
