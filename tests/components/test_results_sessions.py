"""gtx_results: which session a place belongs to when its words do not say it."""

from __future__ import annotations


def results(report, text: str) -> list[tuple[str, int, str | None, list[str]]]:
    return [(r.kind, r.position, r.class_, r.drivers) for r in report(text).results]


def test_places_of_a_qualifying_report_are_grid_places(report) -> None:
    text = (
        "Jonas Brenninger sicherte sich im Qualifying die Pole-Position. "
        "Lars ter Horst wurde Zweiter. Tim Kessler kam auf Platz drei."
    )
    assert results(report, text) == [
        ("qualifying", 1, None, ["Jonas Brenninger"]),
        ("qualifying", 2, None, ["Lars ter Horst"]),
        ("qualifying", 3, None, ["Tim Kessler"]),
    ]


def test_places_of_a_race_report_stay_race_places(report) -> None:
    text = (
        "Jonas Brenninger gewann das Rennen nach einem Boxenstopp. "
        "Lars ter Horst wurde Zweiter. Tim Kessler kam auf Platz drei."
    )
    got = results(report, text)
    assert ("race", 2, None, ["Lars ter Horst"]) in got
    assert ("race", 3, None, ["Tim Kessler"]) in got


def test_a_sentence_naming_the_qualifying_in_a_race_report(report) -> None:
    text = (
        "Jonas Brenninger gewann das Rennen vor Lars ter Horst. "
        "Im Qualifying war Tim Kessler Dritter."
    )
    assert ("qualifying", 3, None, ["Tim Kessler"]) in results(report, text)
