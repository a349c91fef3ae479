"""Hostile archives and broken runs: bounded reads, links, time limits, a broken install.

Every input is built here, with small limits (``max_chars``) so the cases stay
small: what is asserted is the behaviour (which reason, what is kept, how much
is read), not time or memory, which benchmarks/bench_hostile.py measures.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tarfile
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from batch_archives import write_tree
from batch_stub import StubExtractor
from batch_texts import ENGLISH, REPORTS

from gtextract.batch import BatchError, BatchOptions, errors_path_for, run_batch
from gtextract.batch.outputs import read_ids
from gtextract.batch.sources import RawArticle, SourceStats, bounded_lines, iter_articles
from gtextract.batch.worker import prepare, run_chunk
from gtextract.cli import main
from gtextract.errors import NotGermanError

OPTIONS = BatchOptions(jobs=1, progress=False, chunk_size=2)
TABLE = "Ergebnis\n1\nKelvin van der Linde\nSüdafrika\n1:23:45,678\n2\nMarco Wittmann\n" + (
    "Deutschland\n+0,412\n3\nRicardo Feller\nSchweiz\n+1,003\n4\nLuca Stolz\nDeutschland\n+2,118"
)


def errors_of(items: list[RawArticle]) -> dict[str, str | None]:
    return {a.article_id: a.error[0] if a.error else None for a in items}


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- bounded reads


class Recording(io.BytesIO):
    """A stream that remembers the longest piece it handed out."""

    longest = 0

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.longest = max(self.longest, len(line))
        return line


def test_a_long_line_is_streamed_past_never_held() -> None:
    stream = Recording(b"kurz\n" + b"x" * 100_000 + b"\nnoch kurz\n" + b"y" * 50)
    assert list(bounded_lines(stream, 1_000)) == [b"kurz\n", 1_001, b"noch kurz\n", b"y" * 50]
    assert stream.longest < 100_000  # the long line was skipped in blocks, never held whole


def test_gzipped_jsonl_line_past_the_limit_is_too_large_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bombe.jsonl.gz"
    with gzip.open(path, "wb") as out:
        out.write(b'{"id": "lang", "text": "' + b"a" * 300_000 + b'"}\n')
        out.write(json.dumps({"id": "kurz", "text": REPORTS[0]}).encode() + b"\n")
    items = list(iter_articles([path], max_chars=1_000))
    assert errors_of(items) == {"bombe.jsonl.gz:1": "too_large", "kurz": None}
    assert items[0].error is not None and "more than 8,000 bytes" in items[0].error[1]


def test_archive_members_past_the_limit_are_too_large(tmp_path: Path) -> None:
    big = b"Der Fahrer gewann. " * 2_000  # 38 kB, the limit is 4 kB
    with zipfile.ZipFile(tmp_path / "a.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gross.txt", big)
        archive.writestr("klein.txt", REPORTS[0][:500])
        archive.writestr("export.jsonl", b'{"id": "z", "text": "' + b"b" * 20_000 + b'"}\n')
    with tarfile.open(tmp_path / "b.tar.gz", "w:gz") as archive:
        info = tarfile.TarInfo("gross.txt")
        info.size = len(big)
        archive.addfile(info, io.BytesIO(big))
    items = list(iter_articles([tmp_path / "a.zip", tmp_path / "b.tar.gz"], max_chars=1_000))
    assert errors_of(items) == {
        "a.zip!gross.txt": "too_large",
        "a.zip!klein.txt": None,
        "a.zip!export.jsonl:1": "too_large",
        "b.tar.gz!gross.txt": "too_large",
    }


def test_a_warc_record_that_decodes_past_the_limit_is_too_large(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = b"<html><body>" + b"<p>Der Fahrer gewann.</p>" * 20_000 + b"</body></html>"
    packed = gzip.compress(page)  # small on the wire, 500 kB decoded
    path = tmp_path / "crawl.warc"
    with open(path, "wb") as stream:
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            protocol="HTTP/1.1",
        )
        writer = WARCWriter(stream, gzip=False)
        record = writer.create_warc_record(
            "https://x.example/", "response", payload=io.BytesIO(packed), http_headers=headers
        )
        writer.write_record(record)
    (item,) = iter_articles([path], max_chars=10_000)
    assert len(packed) < 40_000 and item.error is not None and item.error[0] == "too_large"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_devices_are_read_with_a_bound_or_not_at_all(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert errors_of(list(iter_articles([link], max_chars=1_000))) == {"zero.txt": "too_large"}
    folder = tmp_path / "ordner"
    folder.mkdir()
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "bericht.txt").write_text(REPORTS[0], encoding="utf-8")
    stats = SourceStats()
    items = list(iter_articles([folder], stats=stats))
    assert errors_of(items) == {"ordner/bericht.txt": None}
    assert stats.ignored == 1 and "not a regular file" in stats.ignored_examples[0]


# --------------------------------------------------------------------------- links


def test_link_members_are_reported_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "links.tar"
    data = REPORTS[0].encode()
    with tarfile.open(path, "w") as archive:
        info = tarfile.TarInfo("a/bericht.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        for name, kind, target in (
            ("a/kopie.txt", tarfile.LNKTYPE, "a/bericht.txt"),
            ("a/verweis.txt", tarfile.SYMTYPE, "../../etc/passwd"),
            ("a/logo.png", tarfile.SYMTYPE, "bild.png"),
        ):
            link = tarfile.TarInfo(name)
            link.type, link.linkname = kind, target
            archive.addfile(link)
    zipped = tmp_path / "links.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        member = zipfile.ZipInfo("b/verweis.txt")
        member.external_attr = 0o120777 << 16  # a symbolic link, stored as its target path
        archive.writestr(member, "../../etc/passwd")
    stats = SourceStats()
    items = list(iter_articles([path, zipped], stats=stats))
    assert errors_of(items) == {
        "links.tar!a/bericht.txt": None,
        "links.tar!a/kopie.txt": "link",
        "links.tar!a/verweis.txt": "link",
        "links.zip!b/verweis.txt": "link",
    }
    messages = {a.article_id: a.error[1] for a in items if a.error}
    assert "hard link to a/bericht.txt" in messages["links.tar!a/kopie.txt"]
    assert stats.ignored == 1  # the link named like an image

    out = tmp_path / "out.jsonl"
    summary = run_batch([path, zipped], out, OPTIONS, extractor=StubExtractor())
    assert summary.read == 4 and summary.failed == 3 and summary.reasons["link"] == 3


# --------------------------------------------------------------------------- the run


def test_a_missing_output_directory_is_refused_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = write_tree(tmp_path / "fanseite")
    missing = tmp_path / "gibt" / "es-nicht"
    code = main(["batch", str(tree), "-o", str(missing / "out.jsonl"), "--model", "blank"])
    assert code == 2
    assert "output directory does not exist" in capsys.readouterr().err
    assert not (tmp_path / "gibt").exists()


class Hanging(StubExtractor):
    """Loops forever on one article, as a pathological input might make a pipeline do."""

    def __call__(self, text: str, **kwargs: Any) -> Any:
        while "ENDLOS" in text:
            pass
        return super().__call__(text, **kwargs)


def test_a_hanging_article_is_filed_as_time_limit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, report in enumerate(REPORTS[:3]):
        (folder / f"{i}.txt").write_text(report, encoding="utf-8")
    (folder / "1.txt").write_text(REPORTS[1] + "\nENDLOS\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    options = BatchOptions(jobs=1, progress=False, chunk_size=3, time_limit=0.3)
    summary = run_batch([folder], out, options, extractor=Hanging())
    assert summary.read == 3 and summary.extracted == 2
    (error,) = lines(errors_path_for(out))
    assert (error["article_id"], error["reason"]) == ("in/1.txt", "time_limit")
    assert "0.3 s" in error["message"]


class HangingPipe(Hanging):
    """The same, behind a pipe() that hands out one report at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.piped: list[str] = []

    def pipe(self, items: list[Any], batch_size: int, on_error: str) -> Any:
        for text, meta in items:
            self.piped.append(text[:5])
            yield self(text, source=meta.source, published=meta.published, title=meta.title)


def test_through_pipe_only_the_unfinished_articles_are_run_again() -> None:
    texts = [REPORTS[0], "ENDLOS " + REPORTS[1], REPORTS[2]]
    chunk = [RawArticle(f"a{i}", f"a{i}", text=t) for i, t in enumerate(texts)]
    extractor = HangingPipe()
    outcomes = run_chunk(chunk, extractor, time_limit=0.3)
    assert [(o.article_id, o.ok, o.reason) for o in outcomes] == [
        ("a0", True, ""),
        ("a1", False, "time_limit"),
        ("a2", True, ""),
    ]
    assert extractor.piped == [REPORTS[0][:5], "ENDLO"]  # a0 done in the pipe, kept


def test_the_time_limit_holds_in_a_worker_thread_too() -> None:
    chunk = [RawArticle("a", "a", text=REPORTS[0]), RawArticle("b", "b", text="ENDLOS " + TABLE)]
    found: list[Any] = []
    worker = threading.Thread(
        target=lambda: found.extend(run_chunk(chunk, Hanging(), time_limit=0.3)), daemon=True
    )
    worker.start()
    worker.join(timeout=60)
    assert [(o.article_id, o.ok, o.reason) for o in found] == [
        ("a", True, ""),
        ("b", False, "time_limit"),
    ]


def test_a_broken_html_install_stops_the_run_with_its_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = write_tree(tmp_path / "fanseite")  # one HTML page among text and Markdown
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` fails
    out = tmp_path / "out.jsonl"
    options = BatchOptions(jobs=1, progress=False, chunk_size=1)
    with pytest.raises(BatchError, match="lxml_html_clean"):
        run_batch([tree], out, options, extractor=StubExtractor())
    # the articles before the page are kept; no article is filed under a wrong reason
    assert read_ids(out) == {
        "fanseite/2019/lausitz.md",
        "fanseite/2019/sachsenring.txt",
        "fanseite/2020/hockenheim.txt",
    }
    assert errors_path_for(out).read_text(encoding="utf-8") == ""

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    from gtextract.batch import worker

    monkeypatch.setitem(worker._EXTRACTORS, "stub", StubExtractor())
    monkeypatch.setitem(worker._LOCKS, "stub", threading.Lock())
    args = ["batch", str(tree), "-o", str(out), "-j", "1", "--model", "stub", "--no-progress"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "lxml_html_clean" in err and "continue with --resume" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- language


def test_batch_uses_the_library_language_check() -> None:
    table = prepare(RawArticle("t", "t", text=TABLE))
    assert "Marco Wittmann" in table.text
    with pytest.raises(NotGermanError):
        prepare(RawArticle("e", "e", text=ENGLISH))


# --------------------------------------------------------------------------- aggregate


def test_aggregate_refuses_what_is_no_batch_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "bild.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    text = tmp_path / "bericht.txt"
    text.write_text(REPORTS[0], encoding="utf-8")
    errors = tmp_path / "out.errors.jsonl"
    errors.write_text(
        json.dumps({"article_id": "x", "source": "x", "reason": "empty", "message": "leer"}) + "\n",
        encoding="utf-8",
    )
    cases = [(binary, "not a gtextract batch output"), (text, "not a gtextract batch output")]
    cases.append((errors, "errors file"))
    if Path("/dev/zero").exists():
        cases.append((Path("/dev/zero"), "not a gtextract batch output"))
    for path, words in cases:
        assert main(["aggregate", str(path)]) == 3, path
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_aggregate_notes_lines_it_skips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    good = {"article_id": "a1", "source": "a1", "report": {"drivers": [{"name": "Maro Engel"}]}}
    out.write_text(json.dumps(good) + "\n\x00\x01kaputt\n", encoding="utf-8")
    assert main(["aggregate", str(out), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["articles"] == 1
    assert "skipped 1 lines" in captured.err
    empty = tmp_path / "leer.jsonl"
    empty.write_text("", encoding="utf-8")  # a run in which every article failed
    assert main(["aggregate", str(empty), "--json"]) == 0
