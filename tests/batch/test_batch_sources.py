"""Readers of every input kind, built on the fly, and article preparation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_archives import write_jsonl, write_tar, write_tree, write_warc, write_zip
from batch_texts import ENGLISH, REPORTS

from gtextract.batch.sources import FieldNames, SourceStats, count_articles, iter_articles
from gtextract.batch.worker import looks_german, prepare
from gtextract.errors import InputError


def test_directory_tree_sorted_with_relative_ids(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "fanseite")
    stats = SourceStats()
    articles = list(iter_articles([root], stats=stats))
    assert [a.article_id for a in articles] == [
        "fanseite/2019/lausitz.md",
        "fanseite/2019/sachsenring.txt",
        "fanseite/2020/hockenheim.txt",
        "fanseite/2020/nordschleife.html",
    ]
    assert stats.ignored == 1  # the PNG is not an article
    assert count_articles([root]) == 4


def test_latin1_file_is_decoded_and_encoding_named(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "fanseite")
    raw = next(a for a in iter_articles([root]) if a.article_id.endswith("hockenheim.txt"))
    article = prepare(raw)
    assert article.encoding in {"cp1252", "windows-1252", "latin-1"}
    assert "René Rast" in article.text
    assert "Müller" in article.text


def test_html_boilerplate_removed_and_metadata_kept(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "fanseite")
    raw = next(a for a in iter_articles([root]) if a.article_id.endswith(".html"))
    article = prepare(raw)
    assert "Christopher Haase" in article.text
    for noise in ("Cookies", "Impressum", "Startseite", "teilen"):
        assert noise not in article.text
    assert article.title == "Regen bestimmt das Rennen auf der Nordschleife"
    assert article.published is not None and article.published.isoformat() == "2021-08-15"


def test_markdown_title(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "fanseite")
    raw = next(a for a in iter_articles([root]) if a.article_id.endswith(".md"))
    article = prepare(raw)
    assert article.title == "Doppelsieg für Mercedes-AMG in der Lausitz"
    assert not article.text.startswith("#")


def test_jsonl_ids_metadata_and_html_field(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "export.jsonl")
    articles = list(iter_articles([path]))
    assert [a.article_id for a in articles] == [f"art-{i}" for i in range(5)]
    assert articles[1].format == "html"
    assert articles[0].published is not None and articles[0].published.isoformat() == "2021-01-10"
    prepared = prepare(articles[1])
    assert "Maro Engel" in prepared.text and "Cookies" not in prepared.text
    # The title given by the export wins over the page's <title>.
    assert prepared.title == articles[1].title


def test_jsonl_configurable_fields_and_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "zeitung.ndjson"
    path.write_text(
        json.dumps({"guid": "z-1", "body": REPORTS[0]})
        + "\n"
        + json.dumps({"body": REPORTS[3]})
        + "\n",
        encoding="utf-8",
    )
    fields = FieldNames.parse(["id=guid", "text=body"])
    first, second = iter_articles([path], fields=fields)
    assert first.article_id == "z-1" and first.text == REPORTS[0]
    assert second.article_id.startswith("sha1:") and len(second.article_id) == 45
    again = list(iter_articles([path], fields=fields))[1]
    assert again.article_id == second.article_id  # stable across runs
    with pytest.raises(ValueError, match="ROLE=KEY"):
        FieldNames.parse(["inhalt"])


def test_broken_jsonl_line_becomes_error_item(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.jsonl"
    path.write_text(
        json.dumps({"id": "ok", "text": REPORTS[0]})
        + "\n"
        + '{"id": "halb", "text": "Der Fahrer\n'
        + "[1, 2]\n"
        + json.dumps({"id": "ohne-text", "titel": "x"})
        + "\n",
        encoding="utf-8",
    )
    items = list(iter_articles([path]))
    assert [(a.article_id, a.error[0] if a.error else None) for a in items] == [
        ("ok", None),
        ("kaputt.jsonl:2", "invalid_json"),
        ("kaputt.jsonl:3", "invalid_json"),
        ("ohne-text", "empty"),
    ]


def test_zip_members_and_nested_jsonl(tmp_path: Path) -> None:
    stats = SourceStats()
    items = list(iter_articles([write_zip(tmp_path / "dump.zip")], stats=stats))
    assert [a.article_id for a in items] == [
        "dump.zip!berichte/sachsenring.txt",
        "dump.zip!berichte/oschersleben.txt",
        "dump.zip!berichte/nordschleife.htm",
        "zip-json-1",
    ]
    assert stats.ignored == 1
    assert "Laurin Heinrich" in prepare(items[1]).text
    assert "Impressum" not in prepare(items[2]).text


def test_tar_gz_streamed(tmp_path: Path) -> None:
    items = list(iter_articles([write_tar(tmp_path / "dump.tar.gz")]))
    assert [a.article_id for a in items] == [
        "dump.tar.gz!a/hockenheim.txt",
        "dump.tar.gz!a/lausitz.md",
    ]
    article = prepare(items[1])
    assert article.format == "markdown" and "Maro Engel" in article.text


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_only(tmp_path: Path, name: str) -> None:
    stats = SourceStats()
    items = list(iter_articles([write_warc(tmp_path / name)], stats=stats))
    assert [a.source for a in items] == [
        "https://fanseite.example/2021/sachsenring",
        "https://fanseite.example/2021/oschersleben",
    ]
    assert all(a.article_id.startswith("<urn:uuid:") for a in items)
    assert stats.ignored == 2  # the 404 page and the stylesheet
    article = prepare(items[0])
    assert "Kelvin van der Linde" in article.text and "Cookies" not in article.text


def test_input_errors_have_reasons(tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "kaputt.txt").write_bytes(bytes(range(128, 256)) * 3)
    (tmp_path / "englisch.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "riesig.txt").write_bytes(b"Der Fahrer gewann. " * 300_000)  # 5.7 MB
    reasons = {}
    for raw in iter_articles([tmp_path]):
        if raw.error:
            reasons[raw.article_id.rsplit("/", 1)[-1]] = raw.error[0]
            continue
        with pytest.raises(InputError) as info:
            prepare(raw)
        reasons[raw.article_id.rsplit("/", 1)[-1]] = info.value.reason
    assert reasons == {
        "englisch.txt": "not_german",
        "kaputt.txt": "undecodable",
        "leer.txt": "empty",
        "riesig.txt": "too_large",
    }


def test_looks_german() -> None:
    assert all(looks_german(r) for r in REPORTS)
    assert not looks_german(ENGLISH)
    assert looks_german("1. Kelvin van der Linde 2. Marco Wittmann")  # too short to judge


def test_missing_input_fails_before_reading(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        iter_articles([tmp_path / "gibt-es-nicht"])


def test_damaged_archives_are_reported_not_fatal(tmp_path: Path) -> None:
    good = write_zip(tmp_path / "gut.zip")
    (tmp_path / "kaputt.zip").write_bytes(good.read_bytes()[:200])  # cut off
    (tmp_path / "kaputt.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"kein warc" * 20)
    (tmp_path / "kaputt.tar.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    stats = SourceStats()
    items = list(iter_articles([tmp_path], stats=stats))
    errors = {a.article_id: a.error[0] for a in items if a.error}
    assert errors == {
        f"{tmp_path.name}/kaputt.tar.gz!": "unreadable",
        f"{tmp_path.name}/kaputt.zip!": "unreadable",
    }
    # warcio is lenient: it reads the garbage as one empty record, which is reported.
    (warc,) = [a for a in items if "kaputt.warc" in a.article_id]
    with pytest.raises(InputError):
        prepare(warc)
    assert sum(1 for a in items if "gut.zip" in a.article_id) == 3  # read in full


def test_huge_html_in_jsonl_is_too_large(tmp_path: Path) -> None:
    page = "<html><body>" + "<div><p>Der Fahrer gewann.</p></div>" * 150_000 + "</body></html>"
    path = tmp_path / "gross.jsonl"
    path.write_text(json.dumps({"id": "gross", "html": page}) + "\n", encoding="utf-8")
    (raw,) = iter_articles([path], max_chars=1_000_000)  # the line itself fits that limit
    with pytest.raises(InputError) as info:
        prepare(raw, max_chars=1_000_000)
    assert info.value.reason == "too_large"
