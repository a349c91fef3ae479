"""Hostile and broken input through the library and the CLI, every case built here.

Endless streams, wrong types, invisible marks around names, one-line texts,
foreign languages, a broken HTML installation: each gives a clear result and
loses no good report. Time and memory figures are a benchmark's business
(benchmarks/bench_hostile.py), not these tests'.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gtextract
from gtextract import cli
from gtextract.errors import (
    DecodingError,
    EmptyTextError,
    InputError,
    InputTypeError,
    MissingDependencyError,
    NotGermanError,
    TextTooLargeError,
)
from gtextract.extractor import ArticleMeta, FailedItem
from gtextract.text_input import (
    PARAGRAPH_CHARS,
    check_german,
    html_to_article,
    looks_german,
    max_bytes,
    prepare,
    prepare_text,
    read_article,
    read_bounded,
)

T1 = "Jonas Brenninger gewann das Rennen auf dem Sachsenring."
T2 = "Lars ter Horst wurde Zweiter im Audi R8 LMS."
T3 = "Tim Kessler kam als Dritter ins Ziel."
ENGLISH = (
    "Kelvin van der Linde won the race at the Sachsenring on Sunday. He was two seconds "
    "ahead of his brother at the finish, and the team was happy with the result of the day."
)
# A results table, one value per line: positions, names, nations, times.
TABLE = "\n".join(
    [
        "Ergebnis",
        *("1", "Kelvin van der Linde", "Südafrika", "1:23:45,678"),
        *("2", "Marco Wittmann", "Deutschland", "+0,412"),
        *("3", "Ricardo Feller", "Schweiz", "+1,003"),
        *("4", "Luca Stolz", "Deutschland", "+2,118"),
        *("5", "Maro Engel", "Deutschland", "+4,560"),
    ]
)
# Bidi controls and isolates, zero-width characters, soft hyphens, terminal escapes.
MARKS = ["\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200f", "\x1b[1;31m"]


class EndlessStream(io.RawIOBase):
    """Zeros forever (like /dev/zero or `yes | ...`), counting what was read."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        buffer[:size] = b"y" * size
        self.given += size
        return size


# --------------------------------------------------------------------------- bounded reads


def test_an_endless_stream_is_read_only_to_the_limit() -> None:
    stream = EndlessStream()
    with pytest.raises(TextTooLargeError) as info:
        read_bounded(stream, max_chars=1_000)
    assert info.value.reason == "too_large"
    assert stream.given == max_bytes(1_000) + 1


def test_a_stream_within_the_limit_is_read_whole() -> None:
    data = T1.encode() * 3
    assert read_bounded(io.BytesIO(data), max_chars=len(data)) == data


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_too_large_not_endless() -> None:
    with pytest.raises(TextTooLargeError, match="/dev/zero"):
        read_article(Path("/dev/zero"), max_chars=1_000)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_cli_extract_dev_zero_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", "/dev/zero"]) == 3
    err = capsys.readouterr().err
    assert "too large" in err and err.count("\n") == 1


def test_cli_extract_endless_stdin_exits_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = EndlessStream()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(stream)))
    assert cli.main(["extract", "-"]) == 3
    assert "<stdin>: input is too large" in capsys.readouterr().err
    assert stream.given <= max_bytes() + io.DEFAULT_BUFFER_SIZE + 1


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize("value", [None, 42, ["a"], b"Jonas Brenninger", 3.5, {"text": T1}])
def test_non_str_input_is_an_input_error(extractor: gtextract.Extractor, value: Any) -> None:
    with pytest.raises(InputTypeError) as info:
        extractor(value)
    assert isinstance(info.value, InputError) and isinstance(info.value, TypeError)
    assert "must be a str" in str(info.value)


def test_lone_surrogate_is_an_input_error(extractor: gtextract.Extractor) -> None:
    with pytest.raises(DecodingError, match="U\\+D83D"):
        extractor("Jonas Brenninger \ud83d gewann.")


# --------------------------------------------------------------------------- pipe


def test_pipe_records_a_bad_item_in_its_place(extractor: gtextract.Extractor) -> None:
    results = list(extractor.pipe([T1, T2, "", None, T3], on_error="record", batch_size=2))
    assert [type(r).__name__ for r in results] == [
        "RaceReport",
        "RaceReport",
        "FailedItem",
        "FailedItem",
        "RaceReport",
    ]
    empty, wrong = results[2], results[3]
    assert isinstance(empty, FailedItem) and (empty.index, empty.reason) == (2, "empty")
    assert isinstance(wrong, FailedItem) and (wrong.index, wrong.reason) == (3, "not_text")
    assert [r.drivers[0].name for r in results if not isinstance(r, FailedItem)] == [
        "Jonas Brenninger",
        "Lars ter Horst",
        "Tim Kessler",
    ]


def test_pipe_skip_leaves_the_bad_item_out(extractor: gtextract.Extractor) -> None:
    names = [r.drivers[0].name for r in extractor.pipe([T1, T2, "", T3], on_error="skip")]
    assert names == ["Jonas Brenninger", "Lars ter Horst", "Tim Kessler"]


def test_pipe_raise_delivers_the_reports_before_the_error(
    extractor: gtextract.Extractor,
) -> None:
    got = []
    with pytest.raises(EmptyTextError):
        for report in extractor.pipe([T1, T2, "", T3]):  # the default: on_error="raise"
            got.append(report.drivers[0].name)
    assert got == ["Jonas Brenninger", "Lars ter Horst"]


def test_a_failing_source_surfaces_after_the_reports_before_it(
    extractor: gtextract.Extractor,
) -> None:
    def source() -> Iterator[str]:
        yield from (T1, T2, T3, T1)
        raise OSError("the archive went away")

    got = []
    with pytest.raises(OSError, match="went away"):
        for report in extractor.pipe(source(), batch_size=32):
            got.append(report.drivers[0].name)
    assert len(got) == 4


def test_pipe_keeps_order_and_metadata_across_small_batches(
    extractor: gtextract.Extractor,
) -> None:
    items = [(t, ArticleMeta(source=f"s{i}")) for i, t in enumerate([T1, "", T2, T3] * 3)]
    results = list(extractor.pipe(items, batch_size=1, on_error="record"))
    assert [r.meta.source if isinstance(r, FailedItem) else r.source for r in results] == [
        f"s{i}" for i in range(12)
    ]


def test_pipe_rejects_an_unknown_mode(extractor: gtextract.Extractor) -> None:
    with pytest.raises(ValueError, match="on_error"):
        extractor.pipe([T1], on_error="ignore")  # type: ignore[call-overload]


def test_pipe_with_processes_records_failures_and_keeps_the_base_label() -> None:
    extractor = gtextract.load("blank")
    here = [r for r in extractor.pipe([T1, "", T2], on_error="record")]
    there = list(extractor.pipe([T1, "", T2], n_process=2, batch_size=1, on_error="record"))
    assert [type(r).__name__ for r in there] == ["RaceReport", "FailedItem", "RaceReport"]
    assert isinstance(there[1], FailedItem) and there[1].reason == "empty"
    assert [r.model_dump() for r in there if not isinstance(r, FailedItem)] == [
        r.model_dump() for r in here if not isinstance(r, FailedItem)
    ]


# --------------------------------------------------------------------------- invisible marks

FRAMED_NAMES = ["Jens Klingmann", "Kelvin van der Linde", "Christian Engelhart"]
CLEAN = (
    "Am Red Bull Ring siegte Jens Klingmann. Zweiter wurde Kelvin van der "
    "Linde. Dritter wurde Christian Engelhart."
)


def _framed(mark: str) -> str:
    text = CLEAN
    for name in FRAMED_NAMES:
        given, rest = name.split(" ", 1)
        text = text.replace(name, f"{mark}{given}{mark} {rest[:3]}\u00ad{rest[3:]}{mark}")
    return text.replace("Red Bull", f"Red{mark} Bull")


@pytest.mark.parametrize("mark", MARKS)
def test_framed_names_are_all_found(extractor: gtextract.Extractor, mark: str) -> None:
    clean = extractor(CLEAN)
    assert {d.name for d in clean.drivers} == set(FRAMED_NAMES)  # the reference
    framed = extractor(_framed(mark))
    assert {d.name for d in framed.drivers} == set(FRAMED_NAMES)
    assert [t.name for t in framed.tracks] == ["Red Bull Ring"]
    assert "Red Bull" not in [c.make for c in framed.cars]


def test_evidence_maps_back_into_the_text_as_given(extractor: gtextract.Extractor) -> None:
    original = "\r\n  " + _framed("\u2066") + "\n"
    prepared = prepare(original)
    report = extractor(original)
    for driver in report.drivers:
        for mention in driver.mentions:
            assert prepared.text[mention.start : mention.end] == mention.text
            start, end = prepared.original_span(mention.start, mention.end)
            # the original stretch holds the name plus the marks that were removed from it
            assert prepare_text(original[start:end]) == mention.text
            assert original[start] not in "\r\n "


def test_original_span_of_every_word_survives_removals() -> None:
    original = "\x1b[0m Mu\u0308ller\u00a0fuhr\r\nvor\u200bne\tweg\u00ad. \u2028Ende "
    prepared = prepare(original)
    assert prepared.text == "Müller fuhr\nvorne\tweg. \nEnde"
    for word in ("Müller", "fuhr", "vorne", "weg.", "Ende"):
        i = prepared.text.index(word)
        start, end = prepared.original_span(i, i + len(word))
        assert prepare_text(original[start:end]) == word


def test_terminal_escapes_go_whole_and_plain_text_stays() -> None:
    assert prepare_text("\x1b[1;31mJens Klingmann\x1b[0m gewann\x1b]0;Titel\x07.") == (
        "Jens Klingmann gewann."
    )
    text = "Der Sieger hieß „Huber“ – mit 0,3 s Vorsprung…\n\nZweiter: Weiß."
    prepared = prepare(text)
    assert prepared.text == text and prepared.original_span(4, 10) == (4, 10)


# --------------------------------------------------------------------------- long lines


def test_a_long_line_is_split_into_bounded_paragraphs() -> None:
    original = (T1 + " " + T2 + " ") * 1_900  # about 190,000 characters on one line
    prepared = prepare(original)
    paragraphs = prepared.text.split("\n\n")
    assert len(paragraphs) > len(original) // PARAGRAPH_CHARS
    assert max(len(p) for p in paragraphs) <= PARAGRAPH_CHARS
    # only blank lines were added, at sentence ends; a second preparation changes nothing
    assert prepared.text.replace("\n\n", " ") == original.strip()
    assert all(p.endswith(".") for p in paragraphs)
    assert prepare_text(prepared.text) == prepared.text
    i = prepared.text.rindex("Lars")  # behind every added blank line
    start, end = prepared.original_span(i, i + 4)
    assert original[start:end] == prepared.text[i : i + 4]


def test_a_long_paragraph_of_short_lines_is_split_at_a_line_break() -> None:
    original = "\n".join(f"{i}. Fahrer {i} im Audi R8 LMS" for i in range(1, 2_000))
    prepared = prepare(original)
    assert max(len(p) for p in prepared.text.split("\n\n")) <= PARAGRAPH_CHARS
    assert prepared.text.replace("\n\n", "\n") == original


# --------------------------------------------------------------------------- language


def test_one_language_check_refuses_english_and_accepts_german_tables(
    extractor: gtextract.Extractor,
) -> None:
    assert not looks_german(ENGLISH)
    with pytest.raises(NotGermanError, match="English"):
        check_german(ENGLISH)
    with pytest.raises(NotGermanError):
        extractor(ENGLISH)
    assert looks_german(TABLE)
    report = extractor(TABLE)
    assert "Marco Wittmann" in [d.name for d in report.drivers]
    assert looks_german(T1) and looks_german("1. Kelvin van der Linde 2. Marco Wittmann")


@pytest.mark.parametrize(
    "text",
    [
        "Le pilote a gagné la course dans une voiture qui était très rapide et il est content "
        "de sa victoire pour son équipe avec les mécaniciens.",
        "Il pilota ha vinto la gara con una macchina che non era la più veloce, ma sono "
        "contenti della vittoria nella classifica per la squadra degli italiani.",
    ],
)
def test_other_languages_are_refused(text: str) -> None:
    assert not looks_german(text)


# --------------------------------------------------------------------------- HTML install


def test_a_missing_html_module_is_an_environment_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` fails
    with pytest.raises(MissingDependencyError, match="lxml_html_clean"):
        html_to_article("<html><body><p>Jonas Brenninger gewann.</p></body></html>")
    assert not issubclass(MissingDependencyError, InputError)


def test_cli_says_so_in_one_line_when_html_support_is_broken(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "seite.html"
    page.write_text(f"<html><body><p>{T1}</p></body></html>", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    assert cli.main(["extract", str(page)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lxml_html_clean" in err and "Traceback" not in err


# --------------------------------------------------------------------------- CLI output


def test_cli_with_text_carries_the_text_the_offsets_slice(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    extractor: gtextract.Extractor,
) -> None:
    monkeypatch.setattr(gtextract, "load", lambda model=None: extractor)
    path = tmp_path / "bericht.txt"
    path.write_text("\n\n  " + _framed("\u202e") + "\r\n", encoding="utf-8")
    assert cli.main(["extract", str(path), "--with-text"]) == 0
    out = json.loads(capsys.readouterr().out)
    text, report = out["text"], gtextract.RaceReport.model_validate(out["report"])
    assert {d.name for d in report.drivers} == set(FRAMED_NAMES)
    for driver in report.drivers:
        for m in driver.mentions:
            assert text[m.start : m.end] == m.text


def test_cli_displacy_page_declares_utf8(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, extractor: gtextract.Extractor
) -> None:
    monkeypatch.setattr(gtextract, "load", lambda model=None: extractor)
    path = tmp_path / "bericht.txt"
    path.write_text("Jörg Weiß gewann vor Jonas Brenninger.", encoding="utf-8")
    page = tmp_path / "spans.html"
    assert cli.main(["extract", str(path), "--html", str(page)]) == 0
    html = page.read_bytes()
    head = html[: html.index(b"</head>")].lower()
    assert b'<meta charset="utf-8">' in head
    assert "Weiß".encode() in html


# --------------------------------------------------------------------------- hostile markup


def test_unclosed_blocks_and_comments_are_kept_like_text() -> None:
    from gtextract.text_input import _strip_tags

    page = "<div>Weiß gewann<script>x()</script> vor <!-- Notiz --> Müller <script>offen"
    assert _strip_tags(page) == "Weiß gewann vor Müller offen"
    hostile = "<div>" + "<script>x " * 20_000 + "<!-- y " * 20_000 + "<p z " * 20_000
    stripped = _strip_tags(hostile)  # nothing closes: the text stays, the tags go
    assert stripped.count("x") == 20_000 and "<script" not in stripped
    assert stripped.count("<!-- y") == 20_000 and stripped.count("<p z") == 20_000


def test_an_unclosed_title_gives_no_title() -> None:
    article = html_to_article("<html><head>" + "<title>x " * 5_000 + "</head><body></body>")
    assert article.title is None
    page = "<html><head><title>Weiß &amp; Müller</title></head><body><p>Text</p></body></html>"
    assert html_to_article(page).title == "Weiß & Müller"


def test_hostile_markdown_keeps_its_text() -> None:
    from gtextract.text_input import markdown_to_text

    text, title = markdown_to_text("[" * 50_000 + "\n\n" + "**a " * 50_000)
    assert title is None and text.count("[") == 50_000 and text.count("**") == 50_000
    assert markdown_to_text("# Sieg\n\n**Weiß** und __Müller__ [hier](x)")[0] == (
        "Sieg\n\nWeiß und Müller hier"
    )


def test_worker_records_carry_the_parents_base_model_label(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gtextract import extractor as module
    from gtextract.base_model import BaseModelInfo

    monkeypatch.setattr(module, "_WORKER", None)  # restored after the test

    parent = BaseModelInfo(name="de_gtextract_base", version="0.1.0", origin="bundled")
    module._init_worker("blank", 10_000, parent)  # a worker loads the base by name or path
    (line, failed) = module._extract_chunk([(7, T1), (8, "")])
    report = gtextract.RaceReport.model_validate_json(line)
    assert report.base_model == "de_gtextract_base 0.1.0 (bundled)"
    assert isinstance(failed, FailedItem) and (failed.index, failed.reason) == (8, "empty")
