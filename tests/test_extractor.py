"""The library API: gtextract.load("blank") -> Extractor, input errors, evidence, pipe, JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

import gtextract
from gtextract import ArticleMeta, RaceReport
from gtextract.errors import EmptyTextError, InputError, TextTooLargeError
from gtextract.records import Result

REPORT = """Brenninger siegt in Hockenheim

Im ADAC GT Masters auf dem Hockenheimring hat Jonas Brenninger am Sonntag das Rennen gewonnen.
Jonas Brenninger/Tim Kessler siegten im BMW M6 GT3 #77 von MRS GT-Racing mit 0,024 Sekunden
Vorsprung vor Lars ter Horst/Max Weber. Dritter wurde Kelvin van der Linde im Audi R8 LMS.
Die schnellste Runde fuhr Brenninger in 1:38,412 Minuten. Kessler erhielt eine Fünf-Sekunden-Strafe.
„Das war ein wirklich hartes Rennen für uns“, sagte Brenninger.
Am kommenden Wochenende steht das 24h-Rennen von Spa-Francorchamps an.
Dort teilt sich Brenninger den BMW M6 GT3 mit Tim Kessler.

Text: Peter Lindner | Fotos: Anna Schubert
"""

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Brenninger siegt in Hockenheim | Rennblog</title></head>
<body><header><nav><ul><li><a href="/">Startseite</a></li>
<li><a href="/termine">Terminkalender</a></li></ul></nav></header>
<main><article><h1>Brenninger siegt in Hockenheim</h1>
<p>Im ADAC GT Masters auf dem Hockenheimring hat Jonas Brenninger am Sonntag das Rennen gewonnen.
Er lag im Ziel 2,4 Sekunden vor Lars ter Horst, der lange mit Bremsproblemen zu kämpfen hatte.</p>
<p>Dritter wurde Tim Kessler im Porsche 911 GT3 R nach einem starken Schlussspurt.</p>
</article></main>
<footer><p>Impressum · Datenschutzerklärung · Kontakt</p></footer></body></html>
"""


def evidences(node: Any) -> list[dict[str, Any]]:
    """Every Evidence object (as dict) anywhere in a dumped report."""
    found = []
    if isinstance(node, dict):
        if set(node) == {"start", "end", "text"}:
            found.append(node)
        for value in node.values():
            found.extend(evidences(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(evidences(value))
    return found


# --------------------------------------------------------------------------- load


def test_load_blank_base(extractor) -> None:
    assert isinstance(extractor, gtextract.Extractor)
    assert extractor.base_info.origin == "blank"
    assert not extractor.base_info.has_ner
    assert "gtx_people" in extractor.nlp.pipe_names
    assert extractor.nlp.pipe_names[-1] == "gtx_quotes"


def test_report_records_base_model(extractor) -> None:
    r = extractor("Jonas Brenninger gewann das Rennen.")
    assert r.base_model == extractor.base_info.label


# --------------------------------------------------------------------------- input errors


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n  "])
def test_empty_or_whitespace_text_raises(extractor, text: str) -> None:
    with pytest.raises(EmptyTextError) as info:
        extractor(text)
    assert info.value.reason == "empty"
    assert isinstance(info.value, InputError)
    assert isinstance(info.value, ValueError)


def test_five_megabyte_text_raises_too_large(extractor) -> None:
    text = "Jonas Brenninger gewann das Rennen. " * (5_000_000 // 36 + 1)
    assert len(text.encode("utf-8")) >= 5_000_000
    with pytest.raises(TextTooLargeError) as info:
        extractor(text)
    assert info.value.reason == "too_large"


def test_pipe_raises_input_error_in_order(extractor) -> None:
    reports = extractor.pipe(["Jonas Brenninger gewann das Rennen.", "  "])
    assert [d.name for d in next(reports).drivers] == ["Jonas Brenninger"]
    with pytest.raises(EmptyTextError):
        next(reports)


# --------------------------------------------------------------------------- HTML


def test_html_page_gives_main_text_and_title(extractor) -> None:
    clean, title = extractor.prepare(PAGE)
    assert "Jonas Brenninger" in clean
    assert "<p>" not in clean and "Impressum" not in clean and "Startseite" not in clean
    assert title is not None and "Brenninger siegt in Hockenheim" in title
    r = extractor(PAGE)
    assert r.title == title
    assert [d.name for d in r.drivers] == ["Jonas Brenninger", "Lars ter Horst", "Tim Kessler"]
    for ev in evidences(r.model_dump()):
        assert clean[ev["start"] : ev["end"]] == ev["text"]


# --------------------------------------------------------------------------- evidence


def test_report_has_content(extractor) -> None:
    r = extractor(REPORT, source="test", published=date(2025, 5, 4))
    assert r.source == "test" and r.published == date(2025, 5, 4)
    assert r.title == "Brenninger siegt in Hockenheim"
    assert "Jonas Brenninger" in [d.name for d in r.drivers]
    assert r.results and r.gaps and r.times and r.events and r.quotes and r.credits


def test_every_evidence_slices_the_text(extractor) -> None:
    clean, _ = extractor.prepare(REPORT)
    r = extractor(REPORT)
    found = evidences(r.model_dump())
    assert len(found) > 20
    for ev in found:
        assert 0 <= ev["start"] <= ev["end"] <= len(clean)
        assert clean[ev["start"] : ev["end"]] == ev["text"]


def test_evidence_of_gap_and_time(extractor) -> None:
    r = extractor(REPORT)
    assert [g.seconds for g in r.gaps] == [0.024]
    assert [(t.kind, t.seconds) for t in r.times] == [("lap_time", 98.412), ("penalty", 5.0)]


def test_evidence_after_normalisation(extractor) -> None:
    text = "Jonas Brenninger gewann.\r\nLars ter Horst wurde Zweiter."
    clean, _ = extractor.prepare(text)
    r = extractor(text)
    for ev in evidences(r.model_dump()):
        assert clean[ev["start"] : ev["end"]] == ev["text"]
    assert [d.name for d in r.drivers] == ["Jonas Brenninger", "Lars ter Horst"]


# --------------------------------------------------------------------------- pipe


def test_pipe_yields_what_call_returns(extractor) -> None:
    texts = [
        REPORT,
        "Jonas Brenninger gewann mit einer Runde Vorsprung.",
        "Kalender\nNOV\n07\nADAC GT MastersMotorsport Arena Oschersleben",
    ]
    piped = [r.model_dump() for r in extractor.pipe(texts, batch_size=2)]
    called = [extractor(t).model_dump() for t in texts]
    assert piped == called


def test_pipe_with_meta_tuples(extractor) -> None:
    text = "Das nächste Rennen findet am 14. September auf dem Nürburgring statt."
    meta = ArticleMeta(source="a.txt", published=date(2025, 8, 1), title="Vorschau")
    (piped,) = list(extractor.pipe([(text, meta)]))
    called = extractor(text, source="a.txt", published=date(2025, 8, 1), title="Vorschau")
    assert piped == called
    assert [e.date for e in piped.events] == ["2025-09-14"]
    assert piped.title == "Vorschau"


def test_pipe_takes_prepared_articles_without_preparing_again(extractor, monkeypatch) -> None:
    from gtextract import extractor as extractor_module
    from gtextract.text_input import prepare_article

    article = prepare_article(PAGE)
    expected = extractor(PAGE)  # the page prepared by the extractor itself
    calls: list[str] = []

    def counting(text: str, **kwargs: Any) -> Any:
        calls.append(text)
        return prepare_article(text, **kwargs)

    monkeypatch.setattr(extractor_module, "prepare_article", counting)
    (piped,) = list(extractor.pipe([article]))
    (with_meta,) = list(extractor.pipe([(article, ArticleMeta(source="p.html"))]))
    assert calls == []
    assert piped == expected
    assert with_meta.title == expected.title and with_meta.source == "p.html"


def test_prepared_article_still_gets_the_size_limit() -> None:
    from gtextract.text_input import prepare_article

    small = gtextract.load("blank", max_chars=50)
    article = prepare_article(REPORT)  # prepared under the default limit
    (failed,) = list(small.pipe([article], on_error="record"))
    assert getattr(failed, "reason", None) == "too_large"


# --------------------------------------------------------------------------- JSON


def test_json_round_trip(extractor) -> None:
    r = extractor(REPORT, source="test", published=date(2025, 5, 4))
    raw = r.model_dump_json()
    again = RaceReport.model_validate_json(raw)
    assert again == r
    assert again.model_dump_json() == raw


def test_json_uses_class_alias(extractor) -> None:
    r = extractor("Jonas Brenninger holte in der SP9 den Klassensieg.")
    data = json.loads(r.model_dump_json())
    assert data["results"][0]["class"] == "SP9"
    assert "class_" not in data["results"][0]


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValueError):
        RaceReport.model_validate({"drivers": [], "surprise": 1})


def test_schema_export() -> None:
    schema = RaceReport.model_json_schema()
    assert schema["title"] == "RaceReport"
    assert {"drivers", "results", "gaps", "events", "quotes", "credits"} <= set(
        schema["properties"]
    )
    result = schema["$defs"]["Result"]
    assert "class" in result["properties"]
    assert result["properties"]["kind"]["enum"] == ["race", "qualifying"]
    json.dumps(schema)  # serialisable


def test_result_accepts_class_by_name_and_alias() -> None:
    ev = {"start": 0, "end": 1, "text": "x"}
    a = Result(kind="race", position=1, class_="SP9", evidence=ev)
    b = Result.model_validate({"kind": "race", "position": 1, "class": "SP9", "evidence": ev})
    assert a == b
