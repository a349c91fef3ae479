"""gtx_resolver: one label per stretch of text, longest candidate first."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from gtextract.components.resolver import SpanResolver
from gtextract.components.spans import CANDIDATES, NESTED, RESOLVED, resolved


def layer(doc) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in doc.spans[RESOLVED]]


def test_longest_candidate_wins(doc) -> None:
    d = doc("Der Aston Martin Vantage GT3 fuhr vorn.")
    assert layer(d) == [("Aston Martin Vantage GT3", "CAR")]
    # the shorter MAKE candidate is still among the candidates
    assert ("Aston Martin", "MAKE") in [(s.text, s.label_) for s in d.spans[CANDIDATES]]


def test_resolved_layer_is_non_overlapping_and_ordered(doc) -> None:
    d = doc(
        "Jonas Brenninger gewann im BMW M6 GT3 für MRS GT-Racing beim 24h-Rennen von "
        "Spa-Francorchamps vor Lars ter Horst."
    )
    spans = list(d.spans[RESOLVED])
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start


def test_label_priority_on_equal_length() -> None:
    nlp = spacy.blank("de")
    d = nlp.make_doc("Porsche fuhr")
    d.spans[CANDIDATES] = [Span(d, 0, 1, label="MAKE"), Span(d, 0, 1, label="TEAM")]
    d = SpanResolver("r")(d)
    assert layer(d) == [("Porsche", "TEAM")]


def test_car_model_relabelled_as_car() -> None:
    nlp = spacy.blank("de")
    d = nlp.make_doc("Huracán fuhr")
    d.spans[CANDIDATES] = [Span(d, 0, 1, label="CAR_MODEL", kb_id="Huracán")]
    d = SpanResolver("r")(d)
    assert [(s.text, s.label_, s.kb_id_) for s in d.spans[RESOLVED]] == [
        ("Huracán", "CAR", "Huracán")
    ]


def test_bare_name_in_slash_list_is_driver(doc) -> None:
    d = doc("Abt / Kessler siegten im Audi R8 LMS.")
    assert layer(d)[:2] == [("Abt", "DRIVER"), ("Kessler", "DRIVER")]


def test_same_name_outside_slash_list_is_team(doc) -> None:
    d = doc("Der Abt-Audi kam ins Ziel.")
    assert ("Abt", "TEAM") in layer(d)


def test_event_keeps_nested_track(doc) -> None:
    d = doc("Beim 24h-Rennen von Spa-Francorchamps siegte Tim Kessler.")
    assert layer(d)[0] == ("24h-Rennen von Spa-Francorchamps", "EVENT")
    assert "Spa-Francorchamps" in [s.text for s in d.spans[NESTED]]
    assert {s.kb_id_ for s in d.spans[NESTED]} == {"Spa-Francorchamps"}
    assert resolved(d, "TRACK") == []


def test_event_track_becomes_report_track(report) -> None:
    r = report("Beim 24h-Rennen von Spa-Francorchamps siegte Tim Kessler.")
    assert [t.name for t in r.tracks] == ["Spa-Francorchamps"]


# --------------------------------------------------------------------------- alone on candidates


def resolve(alone, hand_doc, markup: str):
    return alone("gtx_resolver")(hand_doc(markup, layer=CANDIDATES))


def test_a_name_in_a_slash_list_is_a_driver_even_against_a_team(alone, hand_doc) -> None:
    d = resolve(alone, hand_doc, "[Abt](TEAM:Abt) / [Kessler](DRIVER) siegten.")
    d.spans[CANDIDATES] = list(d.spans[CANDIDATES]) + [Span(d, 0, 1, label="DRIVER")]
    d = alone("gtx_resolver")(d)
    assert layer(d) == [("Abt", "DRIVER"), ("Kessler", "DRIVER")]


def test_outside_a_slash_list_the_label_priority_holds(alone, hand_doc) -> None:
    d = hand_doc("[Abt](TEAM:Abt) siegte.", layer=CANDIDATES)
    d.spans[CANDIDATES] = list(d.spans[CANDIDATES]) + [Span(d, 0, 1, label="DRIVER")]
    assert layer(alone("gtx_resolver")(d)) == [("Abt", "TEAM")]


def span(doc, text: str, label: str, kb: str = "") -> Span:
    start = doc.text.index(text)
    made = doc.char_span(start, start + len(text), label=label, kb_id=kb)
    assert made is not None
    return made


def test_an_event_ending_inside_a_track_takes_the_whole_track(alone, hand_doc) -> None:
    d = hand_doc("Beim 24h-Rennen am Nürburgring Nordschleife siegte er.", layer=CANDIDATES)
    d.spans[CANDIDATES] = [
        span(d, "24h-Rennen am Nürburgring", "EVENT", "24h Nürburgring"),
        span(d, "Nürburgring Nordschleife", "TRACK", "Nordschleife"),
    ]
    d = alone("gtx_resolver")(d)
    assert layer(d) == [("24h-Rennen am Nürburgring Nordschleife", "EVENT")]
    assert [s.text for s in d.spans[NESTED]] == ["Nürburgring Nordschleife"]


def test_a_track_inside_an_event_is_nested_not_resolved(alone, hand_doc) -> None:
    d = hand_doc("Beim 24h-Rennen von Spa siegte Kessler.", layer=CANDIDATES)
    d.spans[CANDIDATES] = [
        span(d, "24h-Rennen von Spa", "EVENT", "24h Spa"),
        span(d, "Spa", "TRACK", "Spa"),
        span(d, "Kessler", "DRIVER"),
    ]
    d = alone("gtx_resolver")(d)
    assert layer(d) == [("24h-Rennen von Spa", "EVENT"), ("Kessler", "DRIVER")]
    assert [s.text for s in d.spans[NESTED]] == ["Spa"]
