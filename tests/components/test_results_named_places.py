"""gtx_results: a place in a bracket right after each driver ("A (Platz eins)")."""

from __future__ import annotations


def results(report, text: str) -> list[tuple[str, int, str | None, list[str]]]:
    return [(r.kind, r.position, r.class_, r.drivers) for r in report(text).results]


def test_each_driver_takes_the_place_in_the_bracket_behind_the_name(report) -> None:
    text = (
        "Beim Kartslalom in Wittenau zeigte der Nachwuchs des Vereins starke Leistungen.\n\n"
        "Schüler: Jonas Gerber (Platz eins), Timo Brandt (Platz drei), Felix Haller (Rang 6)."
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Gerber"]),
        ("race", 3, None, ["Timo Brandt"]),
        ("race", 6, None, ["Felix Haller"]),
    ]


def test_an_ordinal_number_in_the_bracket_is_that_drivers_place(report) -> None:
    text = (
        "Beim Kartslalom in Wittenau schlugen sich die Vereinsfahrer wacker: "
        "Jonas Gerber (2.), Timo Brandt (4.) und Felix Haller (9.) kamen gut durch."
    )
    got = results(report, text)
    assert ("race", 2, None, ["Jonas Gerber"]) in got
    assert ("race", 4, None, ["Timo Brandt"]) in got
    assert ("race", 9, None, ["Felix Haller"]) in got


def test_a_bracket_with_more_than_a_place_is_no_place(report) -> None:
    text = "Timo Brandt (Platz drei im Vorjahr) und Felix Haller (22, Bonn) sind wieder dabei."
    assert results(report, text) == []


def test_brackets_in_a_sentence_about_points_are_standings(report) -> None:
    text = (
        "In der Tabelle liegen Jonas Gerber (1.) und Timo Brandt (2.) nur fünf Punkte auseinander."
    )
    assert results(report, text) == []
