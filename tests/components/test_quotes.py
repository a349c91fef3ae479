"""gtx_quotes: quotations with their speaker, and author/photo credits."""

from __future__ import annotations


def test_speaker_after_quote(report) -> None:
    text = "„Das war ein wirklich hartes Rennen für uns“, sagte Jonas Brenninger nach dem Sieg."
    (quote,) = report(text).quotes
    assert quote.text == "Das war ein wirklich hartes Rennen für uns"
    assert quote.speaker == "Jonas Brenninger"
    assert text[quote.evidence.start : quote.evidence.end] == quote.text


def test_speaker_before_quote(report) -> None:
    text = "Jonas Brenninger sagte: „Das war ein wirklich hartes Rennen für uns.“"
    (quote,) = report(text).quotes
    assert quote.speaker == "Jonas Brenninger"


def test_speaker_is_the_full_name(report) -> None:
    text = (
        "Jonas Brenninger gewann das Rennen. „Ich bin überglücklich mit diesem Ergebnis“, "
        "sagte Brenninger."
    )
    (quote,) = report(text).quotes
    assert quote.speaker == "Jonas Brenninger"


def test_quote_of_team_boss(report) -> None:
    text = "„Wir sind mit dem Wochenende sehr zufrieden“, sagte Teamchef Markus Hollerbach."
    r = report(text)
    (quote,) = r.quotes
    assert quote.speaker == "Markus Hollerbach"
    assert r.drivers == []


def test_short_quotes_are_ignored(report) -> None:
    assert report("Das „Duell“ ging an Jonas Brenninger.").quotes == []


def test_quote_without_speaker(report) -> None:
    (quote,) = report("„Das war ein wirklich hartes Rennen für alle“, hieß es.").quotes
    assert quote.speaker is None


def test_text_and_photo_credits(report) -> None:
    text = "Text: Peter Lindner und Fotos: Anna Schubert"
    r = report(text)
    assert [(c.role, c.name) for c in r.credits] == [
        ("text", "Peter Lindner"),
        ("photos", "Anna Schubert"),
    ]
    assert r.drivers == []
    for c in r.credits:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text


def test_credits_separated_by_bar(report) -> None:
    r = report("Jonas Brenninger gewann.\nText: Peter Lindner | Fotos: Anna Schubert")
    assert [(c.role, c.name) for c in r.credits] == [
        ("text", "Peter Lindner"),
        ("photos", "Anna Schubert"),
    ]
    assert [d.name for d in r.drivers] == ["Jonas Brenninger"]


def test_source_credit_is_other(report) -> None:
    assert [(c.role, c.name) for c in report("Quelle: ADAC Motorsport").credits] == [
        ("other", "ADAC Motorsport")
    ]


def test_lead_in_photo_credit_names_no_team(report) -> None:
    r = report(
        "Jonas Brenninger gewann für Falkenstein Motorsport.\nMit Bildmaterial von Kessler Racing."
    )
    assert [(c.role, c.name) for c in r.credits] == [("photos", "Kessler Racing")]
    assert [t.name for t in r.teams] == ["Falkenstein Motorsport"]


def test_lead_in_and_colon_credits_keep_the_text_order(report) -> None:
    r = report("Jonas Brenninger gewann.\nMit Bildmaterial von Anna Schubert.\nText: Peter Lindner")
    assert [(c.role, c.name) for c in r.credits] == [
        ("photos", "Anna Schubert"),
        ("text", "Peter Lindner"),
    ]
