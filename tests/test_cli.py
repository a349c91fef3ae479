"""The command line: subcommands, output formats, exit codes and error messages."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

import gtextract
from gtextract import cli
from gtextract.base_model import BaseModelInfo
from gtextract.records import Driver, Evidence, RaceReport, Result
from gtextract.text_input import read_article

REPORT_TEXT = (
    "Auf dem Sachsenring gewann Jens Klingmann am Sonntag den zweiten Lauf. "
    "Zweiter wurde Erik Müller mit 0,4 Sekunden Rückstand."
)


class FakeExtractor:
    """Stands in for gtextract.Extractor: finds the two driver names by string search."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("de")
        self.base_info = BaseModelInfo(name="de_test", version="0.0.1", origin="blank")
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self,
        text: str,
        source: str | None = None,
        published: date | None = None,
        title: str | None = None,
    ) -> RaceReport:
        self.calls.append({"text": text, "source": source, "published": published})
        drivers = []
        for name in ("Jens Klingmann", "Erik Müller"):
            start = text.find(name)
            if start >= 0:
                ev = Evidence(start=start, end=start + len(name), text=name)
                drivers.append(Driver(name=name, mentions=[ev]))
        results = (
            [
                Result(
                    kind="race",
                    position=1,
                    drivers=[drivers[0].name],
                    evidence=drivers[0].mentions[0],
                )
            ]
            if drivers
            else []
        )
        return RaceReport(
            source=source, published=published, title=title, drivers=drivers, results=results
        )

    def process(self, text: str, *, published: date | None = None) -> Doc:
        doc = self.nlp(text)
        start = text.find("Jens Klingmann")
        span = doc.char_span(start, start + len("Jens Klingmann"), label="DRIVER")
        doc.spans["gtx"] = [span] if isinstance(span, Span) else []
        return doc


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    extractor = FakeExtractor()
    monkeypatch.setattr(gtextract, "load", lambda model=None: extractor, raising=False)
    return extractor


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "bericht.txt"
    path.write_text(REPORT_TEXT, encoding="utf-8")
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data))
    monkeypatch.setattr(sys, "stdin", stream)


# --------------------------------------------------------------------------- usage


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "extract" in capsys.readouterr().err


def test_schema_is_race_report_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == RaceReport.model_json_schema()
    assert "drivers" in schema["properties"]


def test_bad_published_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["extract", "x.txt", "--published", "2020-13-01"])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


# --------------------------------------------------------------------------- input errors


def test_missing_file_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["extract", str(tmp_path / "fehlt.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gtextract: error: file not found")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_directory_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["extract", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"   \n\n", "empty"),
        (b"%PDF-1.5\n\x00\x01\x02binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"Rennen " * 200_000, "too large"),
    ],
)
def test_bad_files_exit_3_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "eingabe.txt"
    path.write_bytes(data)
    assert cli.main(["extract", str(path)]) == 3
    err = capsys.readouterr().err
    assert message in err and "eingabe.txt" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_stdin_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"\x1f\x8b\x08\x00gzip")
    assert cli.main(["extract", "-"]) == 3
    assert "<stdin>: input is not text: GZIP archive" in capsys.readouterr().err


def test_unknown_model_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], report_file: Path
) -> None:
    def load(model: str | None = None) -> Any:
        raise OSError(f"[E050] Can't find model '{model}'")

    monkeypatch.setattr(gtextract, "load", load, raising=False)
    assert cli.main(["extract", str(report_file), "--model", "de_gibtsnicht"]) == 2
    assert "cannot load model 'de_gibtsnicht'" in capsys.readouterr().err


# --------------------------------------------------------------------------- extract


def test_extract_json(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], report_file: Path
) -> None:
    assert cli.main(["extract", str(report_file), "--json", "--published", "2021-06-13"]) == 0
    report = RaceReport.model_validate_json(capsys.readouterr().out)
    assert [d.name for d in report.drivers] == ["Jens Klingmann", "Erik Müller"]
    assert report.published == date(2021, 6, 13)
    assert report.source == str(report_file)
    mention = report.drivers[1].mentions[0]
    assert REPORT_TEXT[mention.start : mention.end] == "Erik Müller"


def test_extract_stdin_latin1(
    fake: FakeExtractor, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, REPORT_TEXT.encode("latin-1"))
    assert cli.main(["extract", "-", "--json"]) == 0
    report = RaceReport.model_validate_json(capsys.readouterr().out)
    assert "Erik Müller" in [d.name for d in report.drivers]
    assert fake.calls[0]["source"] is None


def test_extract_summary_tables(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], report_file: Path
) -> None:
    assert cli.main(["extract", str(report_file)]) == 0
    out = capsys.readouterr().out
    assert "Drivers (2)" in out and "Erik Müller" in out
    assert "Results (1)" in out
    assert "Events" not in out  # empty sections are left out


def test_extract_summary_when_nothing_found(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "wetter.txt"
    path.write_text("Am Wochenende regnet es in der Eifel.", encoding="utf-8")
    assert cli.main(["extract", str(path)]) == 0
    assert "No drivers" in capsys.readouterr().out


def test_extract_html_page(fake: FakeExtractor, report_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.html"
    assert cli.main(["extract", str(report_file), "--html", str(out), "--json"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>") or "<html" in page
    assert "Klingmann" in page and "DRIVER" in page


# --------------------------------------------------------------------------- info, eval


def test_info_json(fake: FakeExtractor, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["gtextract"] == gtextract.__version__
    assert info["spacy"] == spacy.__version__
    assert info["base_model"]["name"] == "de_test"
    assert info["base_model"]["origin"] == "blank"
    assert isinstance(info["pipeline"], list)


def test_info_table(fake: FakeExtractor, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["info"]) == 0
    out = capsys.readouterr().out
    assert "de_test 0.0.1 (blank)" in out and "spaCy" in out


def _gold(tmp_path: Path) -> Path:
    (tmp_path / "001.txt").write_text(REPORT_TEXT, encoding="utf-8")
    gold = {"id": "001", "drivers": ["Jens Klingmann", "Erik Müller", "Tim Weiß"]}
    (tmp_path / "001.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_eval_json(fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["eval", str(_gold(tmp_path)), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["drivers"]["tp"] == 2
    assert data["fields"]["drivers"]["fn"] == 1
    assert data["articles"][0]["fields"]["drivers"]["missed"] == ["Tim Weiß"]


def test_eval_details(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli.main(["eval", str(_gold(tmp_path)), "--details"]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "missed" in out and "Tim Weiß" in out


def test_eval_missing_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["eval", str(tmp_path / "nirgends")]) == 2
    assert "gold directory not found" in capsys.readouterr().err


# --------------------------------------------------------------------------- eval: split report
# A made-up dev set, silver gold, corpus and folds: one seen and one untouched
# text in each set. The untouched texts carry names found nowhere else
# ("Tim Weiß", "Karl Ziegler") so that a leak of their details shows.


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _split_data(tmp_path: Path) -> dict[str, Path]:
    dev, corpus, silver, blind = (tmp_path / n for n in ("dev", "corpus", "silver", "blind"))
    for d in (dev, corpus, silver, blind):
        d.mkdir()
    win = {"kind": "race", "position": 1, "class": None}
    (dev / "001.txt").write_text(REPORT_TEXT, encoding="utf-8")
    _write_json(
        dev / "001.json",
        {
            "drivers": ["Jens Klingmann", "Erik Müller"],
            "results": [{**win, "driver": "Jens Klingmann"}],
        },
    )
    (dev / "002.txt").write_text("Erik Müller siegte vor Tim Weiß.", encoding="utf-8")
    _write_json(
        dev / "002.json",
        {"drivers": ["Erik Müller", "Tim Weiß"], "results": [{**win, "driver": "Erik Müller"}]},
    )
    (corpus / "c001.txt").write_text("Jens Klingmann gewann in Halbersau.", encoding="utf-8")
    _write_json(silver / "c001.json", {"drivers": ["Jens Klingmann"], "genre": "race report"})
    (corpus / "c002.txt").write_text("Vorschau: Erik Müller startet am Sonntag.", "utf-8")
    _write_json(
        silver / "c002.json",
        {"drivers": ["Erik Müller", "Karl Ziegler"], "genre": "preview/calendar"},
    )
    (corpus / "c003.txt").write_text("Noch ohne Silber-Gold.", encoding="utf-8")
    _write_json(blind / "001.json", {"drivers": ["Jens Klingmann"]})
    _write_json(blind / "002.json", {"drivers": ["Erik Müller", "Tim Weiß"]})
    folds = tmp_path / "folds.tsv"
    folds.write_text(
        "id\tset\tsite\tgenre\tfold\n"
        "001\tdev\trennseite.de\trace report\tseen\n"
        "002\tdev\tboxenfunk.de\trace report\tuntouched\n"
        "c001\tsilver\trennseite.de\trace report\tseen\n"
        "c002\tsilver\tboxenfunk.de\tpreview/calendar\tuntouched\n"
        "c003\tsilver\tboxenfunk.de\tpreview/calendar\tuntouched\n",
        encoding="utf-8",
    )
    return {"dev": dev, "corpus": corpus, "silver": silver, "blind": blind, "folds": folds}


def _split_args(d: dict[str, Path], *extra: str) -> list[str]:
    return [
        "eval",
        str(d["dev"]),
        "--silver",
        str(d["silver"]),
        "--corpus",
        str(d["corpus"]),
        "--folds",
        str(d["folds"]),
        *extra,
    ]


def test_eval_split_json(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = _split_data(tmp_path)
    assert cli.main(_split_args(d, "--json")) == 0
    data = json.loads(capsys.readouterr().out)
    columns = data["columns"]
    assert {c: columns[c]["articles"] for c in columns} == {
        "dev/seen": 1,
        "dev/untouched": 1,
        "silver/seen": 1,
        "silver/untouched": 1,
    }
    assert columns["dev/seen"]["fields"]["drivers"]["f1"] == 1.0
    assert columns["dev/untouched"]["fields"]["drivers"]["tp"] == 1
    assert columns["dev/untouched"]["fields"]["drivers"]["fn"] == 1
    assert columns["silver/untouched"]["fields"]["results"]["fp"] == 1
    assert set(data["genres"]) == {"race report", "preview/calendar"}
    assert data["genres"]["race report"]["seen"]["articles"] == 2
    assert data["genres"]["preview/calendar"]["untouched"]["articles"] == 1
    # per-article entries of the untouched fold are left out
    assert [a["id"] for a in data["articles"]] == ["001", "c001"]
    assert data["untouched_hidden"] == 2
    assert "Tim Weiß" not in json.dumps(data, ensure_ascii=False)
    # c003 has no silver gold yet: neither scored nor skipped
    assert data["skipped"] == []

    assert cli.main(_split_args(d, "--json", "--show-untouched")) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in shown["articles"]] == ["001", "002", "c001", "c002"]
    assert shown["untouched_hidden"] == 0


def test_eval_split_tables_and_details(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = _split_data(tmp_path)
    assert cli.main(_split_args(d, "--details")) == 0
    out = capsys.readouterr().out
    for head in ("dev seen", "dev untouched", "silver seen", "silver untouched", "overall"):
        assert head in out
    assert "race report" in out and "preview/calendar" in out
    assert "article silver c001" in out  # its spurious result
    # the untouched texts' misses stay hidden, with a note saying so
    assert "Tim Weiß" not in out and "Karl Ziegler" not in out
    assert "2 untouched-fold article(s)" in out

    assert cli.main(_split_args(d, "--details", "--show-untouched")) == 0
    out = capsys.readouterr().out
    assert "Tim Weiß" in out and "Karl Ziegler" in out


def test_eval_fold_restricts_the_run(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = _split_data(tmp_path)
    assert cli.main(_split_args(d, "--json", "--fold", "seen")) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["columns"]["dev/seen"]["articles"] == 1
    assert data["columns"]["dev/untouched"]["articles"] == 0
    assert data["columns"]["silver/untouched"]["articles"] == 0
    ran_on = {call["text"] for call in fake.calls}
    assert "Erik Müller siegte vor Tim Weiß." not in ran_on

    # untouched: aggregate numbers only
    assert cli.main(_split_args(d, "--json", "--fold", "untouched")) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["columns"]["dev/untouched"]["articles"] == 1
    assert data["articles"] == [] and data["untouched_hidden"] == 2


def test_eval_single_dir_hides_untouched_details(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = _split_data(tmp_path)
    args = ["eval", str(d["dev"]), "--folds", str(d["folds"])]
    assert cli.main([*args, "--details"]) == 0
    out = capsys.readouterr().out
    assert "(2 articles)" in out and "Tim Weiß" not in out
    assert cli.main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["drivers"]["fn"] == 1  # the aggregate still counts 002
    assert [a["id"] for a in data["articles"]] == ["001"] and data["untouched_hidden"] == 1
    assert cli.main([*args, "--details", "--show-untouched"]) == 0
    assert "Tim Weiß" in capsys.readouterr().out


def test_eval_all_uses_default_paths(
    fake: FakeExtractor,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gtextract import evaluation

    d = _split_data(tmp_path)
    monkeypatch.setattr(evaluation, "default_paths", lambda: d)
    assert cli.main(["eval", "--all", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sources"] == {"dev": str(d["dev"]), "silver": str(d["silver"])}
    assert data["columns"]["silver/seen"]["articles"] == 1


def test_eval_agreement(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = _split_data(tmp_path)
    args = ["eval", str(d["dev"]), "--agreement", "--blind", str(d["blind"]), "--folds"]
    assert cli.main([*args, str(d["folds"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    drivers = data["fields"]["drivers"]
    assert (drivers["tp"], drivers["fp"], drivers["fn"]) == (3, 0, 1)
    # the blind gold gives no results where the gold has two
    assert data["fields"]["results"]["fn"] == 2
    assert data["untouched_hidden"] == 1
    assert fake.calls == []  # no extraction: gold against gold
    assert cli.main([*args, str(d["folds"])]) == 0
    assert "silver agreement" in capsys.readouterr().out
    # beside the split report
    assert cli.main(_split_args(d, "--json", "--agreement", "--blind", str(d["blind"]))) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agreement"]["fields"]["drivers"]["tp"] == 3
    assert "Tim Weiß" not in json.dumps(data, ensure_ascii=False)


def test_eval_usage_errors(
    fake: FakeExtractor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = _split_data(tmp_path)
    assert cli.main(["eval"]) == 2
    assert "--all" in capsys.readouterr().err
    missing = str(tmp_path / "keine.tsv")
    assert cli.main(["eval", str(d["dev"]), "--fold", "seen", "--folds", missing]) == 2
    assert "folds file not found" in capsys.readouterr().err
    assert cli.main(_split_args(d)[:2] + ["--silver", str(tmp_path / "nirgends")]) == 2
    assert "silver directory not found" in capsys.readouterr().err


# --------------------------------------------------------------------------- plugins


def test_plugin_commands_are_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    module = types.ModuleType("gtextract.batch.cli")

    def register(subparsers: Any) -> None:
        p = subparsers.add_parser("aggregate")
        p.set_defaults(func=lambda args: 0)

    module.register = register  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gtextract.batch.cli", module)
    assert cli.main(["aggregate"]) == 0


# --------------------------------------------------------------------------- end to end
# The real pipeline, loaded once for these tests (loading costs about a second).

E2E_TEXT = """Klingmann gewinnt am Sachsenring

Das ADAC GT Masters gastierte am Wochenende auf dem Sachsenring. Im ersten Rennen \
siegte Jens Klingmann im BMW M6 GT3 mit 0,3 Sekunden Vorsprung vor Erik Müller. \
Dritter wurde Tim Weiß im Audi R8 LMS.

Das nächste Rennen findet am 24. Oktober auf dem Hockenheimring statt.
"""

E2E_PAGE = f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Klingmann gewinnt am Sachsenring</title></head><body>
<nav><a href="/">Startseite</a> <a href="/fahrer">Fahrerwertung</a> <a href="/team">Teams</a></nav>
<article>{"".join(f"<p>{p}</p>" for p in E2E_TEXT.split(chr(10) + chr(10)))}</article>
<footer>Impressum und Datenschutz</footer></body></html>"""


@pytest.fixture(scope="module")
def real_extractor() -> Any:
    return gtextract.load()


@pytest.fixture
def real(monkeypatch: pytest.MonkeyPatch, real_extractor: Any) -> Any:
    monkeypatch.setattr(gtextract, "load", lambda model=None: real_extractor)
    return real_extractor


def _check_report(report: RaceReport, text: str) -> None:
    assert "Jens Klingmann" in [d.name for d in report.drivers]
    assert "Erik Müller" in [d.name for d in report.drivers]
    assert "BMW M6 GT3" in [c.name for c in report.cars]
    assert [g.seconds for g in report.gaps] == [0.3]
    assert any(r.position == 1 and r.drivers == ["Jens Klingmann"] for r in report.results)
    # evidence offsets refer to the prepared text
    for driver in report.drivers:
        for m in driver.mentions:
            assert text[m.start : m.end] == m.text


def test_e2e_extract_json(real: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "sachsenring.txt"
    path.write_bytes(E2E_TEXT.replace("\n", "\r\n").encode("cp1252"))
    assert cli.main(["extract", str(path), "--json", "--published", "2021-06-13"]) == 0
    report = RaceReport.model_validate_json(capsys.readouterr().out)
    _check_report(report, read_article(path).text)
    assert report.published == date(2021, 6, 13)
    assert any(e.date == "2021-10-24" for e in report.events)


def test_e2e_extract_html_page_from_stdin(
    real: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, E2E_PAGE.encode("utf-8"))
    assert cli.main(["extract", "-", "--json"]) == 0
    report = RaceReport.model_validate_json(capsys.readouterr().out)
    _check_report(report, read_article(E2E_PAGE.encode("utf-8")).text)
    assert report.title == "Klingmann gewinnt am Sachsenring"
    assert "Startseite" not in json.dumps(report.model_dump(mode="json"))


def test_e2e_summary_and_displacy_page(
    real: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "sachsenring.txt"
    path.write_text(E2E_TEXT, encoding="utf-8")
    page = tmp_path / "spans.html"
    assert cli.main(["extract", str(path), "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert "Drivers" in out and "Jens Klingmann" in out and "BMW M6 GT3" in out
    html = page.read_text(encoding="utf-8")
    assert "<!DOCTYPE html>" in html and "Klingmann" in html


def test_e2e_info(real: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["base_model"]["name"] == real.base_info.name
    assert info["pipeline"] == list(real.nlp.pipe_names)
    assert len(info["pipeline"]) > 1
    assert isinstance(info["gazetteers"], dict) and info["gazetteers"]


def test_e2e_blank_model_without_patching(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "sachsenring.md"
    path.write_text("# Klingmann gewinnt\n\n" + E2E_TEXT, encoding="utf-8")
    assert cli.main(["extract", str(path), "--json", "--model", "blank"]) == 0
    report = RaceReport.model_validate_json(capsys.readouterr().out)
    assert report.base_model is not None and "blank" in report.base_model
    assert report.title == "Klingmann gewinnt"
    _check_report(report, read_article(path).text)


def test_e2e_eval(real: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "001.txt").write_text(E2E_TEXT, encoding="utf-8")
    gold = {
        "id": "001",
        "drivers": ["Jens Klingmann", "Erik Müller", "Tim Weiß"],
        "cars": ["BMW M6 GT3", "Audi R8 LMS"],
        "gaps_s": [0.3],
        "results": [{"kind": "race", "position": 1, "driver": "Jens Klingmann", "class": None}],
    }
    (tmp_path / "001.json").write_text(json.dumps(gold), encoding="utf-8")
    assert cli.main(["eval", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["drivers"]["recall"] == 1.0
    assert data["fields"]["gaps"]["f1"] == 1.0
    assert data["articles"][0]["error"] is None


def test_the_parser_lists_batch_without_importing_the_batch_runner() -> None:
    import subprocess

    code = (
        "import sys, gtextract.cli as c; h = c.build_parser().format_help(); "
        "print('batch' in h, 'aggregate' in h, "
        "any(m in sys.modules for m in ('gtextract.batch.runner', 'gtextract.batch.sources')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "False"]
