"""gtx_results: finishing and grid positions tied to their drivers."""

from __future__ import annotations


def results(report, text: str) -> list[tuple[str, int, str | None, list[str]]]:
    return [(r.kind, r.position, r.class_, r.drivers) for r in report(text).results]


def test_platz_in_words(report) -> None:
    assert results(report, "Im ADAC GT Masters fuhr Lars ter Horst auf Platz zwei.") == [
        ("race", 2, None, ["Lars ter Horst"])
    ]


def test_ordinal_gesamtrang(report) -> None:
    assert results(report, "Jonas Brenninger belegte den dritten Gesamtrang.") == [
        ("race", 3, None, ["Jonas Brenninger"])
    ]


def test_rang_digit(report) -> None:
    assert results(report, "Jonas Brenninger fuhr auf Rang 3 ins Ziel.") == [
        ("race", 3, None, ["Jonas Brenninger"])
    ]


def test_p_notation(report) -> None:
    assert results(report, "Jonas Brenninger kam auf P4 ins Ziel.") == [
        ("race", 4, None, ["Jonas Brenninger"])
    ]


def test_ordinal_subject_after_verb(report) -> None:
    assert results(report, "Dritter wurde Jonas Brenninger.") == [
        ("race", 3, None, ["Jonas Brenninger"])
    ]


def test_pole_position_is_qualifying_first(report) -> None:
    assert results(report, "Jonas Brenninger sicherte sich die Pole-Position.") == [
        ("qualifying", 1, None, ["Jonas Brenninger"])
    ]


def test_grid_verb_makes_qualifying(report) -> None:
    assert results(report, "Jonas Brenninger startete von Platz zwei ins Rennen.") == [
        ("qualifying", 2, None, ["Jonas Brenninger"])
    ]


def test_win_before_two_single_seater_drivers(report) -> None:
    text = (
        "In der ADAC Formel 4 siegte Jonas Brenninger vor Lars ter Horst (19, Niederlande) "
        "und Tim Kessler (22, Bochum)."
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger"]),
        ("race", 2, None, ["Lars ter Horst"]),
        ("race", 3, None, ["Tim Kessler"]),
    ]


def test_crew_beats_crew(report) -> None:
    text = "Jonas Brenninger/Tim Kessler gewannen im BMW M6 GT3 vor Lars ter Horst/Max Weber."
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger", "Tim Kessler"]),
        ("race", 2, None, ["Lars ter Horst", "Max Weber"]),
    ]


def test_listed_places_go_to_crews(report) -> None:
    text = (
        "Die Plätze 5 und 6 sicherten sich Jonas Brenninger/Tim Kessler "
        "und Lars ter Horst/Max Weber."
    )
    assert results(report, text) == [
        ("race", 5, None, ["Jonas Brenninger", "Tim Kessler"]),
        ("race", 6, None, ["Lars ter Horst", "Max Weber"]),
    ]


def test_class_win(report) -> None:
    assert results(report, "Jonas Brenninger holte in der SP9 den Klassensieg.") == [
        ("race", 1, "SP9", ["Jonas Brenninger"])
    ]


def test_a_touring_car_trophy_is_a_class(report) -> None:
    text = "Jonas Brenninger kam als Fünfter ins Ziel und gewann die Yokohama Trophy."
    assert sorted(results(report, text), key=lambda r: r[1]) == [
        ("race", 1, "Yokohama Trophy", ["Jonas Brenninger"]),
        ("race", 5, None, ["Jonas Brenninger"]),
    ]


def test_anaphor_takes_previous_subject(report) -> None:
    text = "Jonas Brenninger zeigte eine starke Leistung. Der 22-Jährige wurde am Ende Dritter."
    assert results(report, text) == [("race", 3, None, ["Jonas Brenninger"])]


def test_result_list_lines(report) -> None:
    text = (
        "Ergebnis:\n"
        "1. Jonas Brenninger - Team Rosberg - Audi R8 LMS\n"
        "2. Lars ter Horst - MRS GT-Racing - Porsche 911 GT3 R"
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger"]),
        ("race", 2, None, ["Lars ter Horst"]),
    ]


def test_mid_race_list_is_skipped(report) -> None:
    text = (
        "Stand nach 10 Runden:\n"
        "1. Jonas Brenninger - Team Rosberg\n"
        "2. Lars ter Horst - MRS GT-Racing"
    )
    assert results(report, text) == []


def test_position_inside_quote_is_ignored(report) -> None:
    r = report("„Ich hoffe auf Platz zwei am Sonntag“, sagte Jonas Brenninger.")
    assert r.results == []
    assert r.quotes[0].speaker == "Jonas Brenninger"


def test_mid_race_position_is_ignored(report) -> None:
    assert results(report, "Nach zehn Runden lag Jonas Brenninger auf Platz zwei.") == []


def test_standings_are_ignored(report) -> None:
    assert results(report, "In der Tabelle liegt Jonas Brenninger auf Platz zwei.") == []


def test_result_evidence_is_the_cue(report) -> None:
    text = "Jonas Brenninger belegte den dritten Gesamtrang."
    (result,) = report(text).results
    assert result.evidence.text == "dritten"
    assert text[result.evidence.start : result.evidence.end] == "dritten"


def test_two_ordinals_for_two_drivers(report) -> None:
    text = "Jonas Brenninger und Lars ter Horst kamen als sechster und siebter ins Ziel."
    assert results(report, text) == [
        ("race", 6, None, ["Jonas Brenninger"]),
        ("race", 7, None, ["Lars ter Horst"]),
    ]


def test_two_capitalised_ordinals_for_two_drivers(report) -> None:
    text = "Jonas Brenninger und Lars ter Horst kamen als Sechster und Siebter ins Ziel."
    assert results(report, text) == [
        ("race", 6, None, ["Jonas Brenninger"]),
        ("race", 7, None, ["Lars ter Horst"]),
    ]


def test_rang_digit_at_sentence_end(report) -> None:
    assert results(report, "Jonas Brenninger fuhr auf Rang 3.") == [
        ("race", 3, None, ["Jonas Brenninger"])
    ]


def test_p_notation_at_sentence_end(report) -> None:
    assert results(report, "Am Ende kam Jonas Brenninger auf P4.") == [
        ("race", 4, None, ["Jonas Brenninger"])
    ]


def test_p_notation_without_finish_is_a_running_order(report) -> None:
    # live-ticker style: a position during the race, not a result
    assert results(report, "Jonas Brenninger ist jetzt auf P4.") == []


def test_class_win_class_after_cue(report) -> None:
    assert results(report, "Jonas Brenninger holte den Klassensieg in der SP9.") == [
        ("race", 1, "SP9", ["Jonas Brenninger"])
    ]


def test_standings_leader_who_wins(report) -> None:
    assert results(report, "Tabellenführer Aurelio Bassani gewann das Rennen.") == [
        ("race", 1, None, ["Aurelio Bassani"])
    ]


def test_prevailing_is_a_win_and_the_beaten_driver_second(report) -> None:
    r = report(
        "Felix Aurach setzte sich nach 58 Minuten mit 3,456 Sekunden Vorsprung "
        "auf Tobias Kranzler durch."
    )
    got = {(x.kind, x.position, d) for x in r.results for d in x.drivers}
    assert ("race", 1, "Felix Aurach") in got
    assert ("race", 2, "Tobias Kranzler") in got


def test_prevailing_for_a_numbered_place_is_no_win(report) -> None:
    r = report(
        "Am Ende setzte sich Felix Aurach gegen Tobias Kranzler durch und "
        "kam auf dem dritten Gesamtrang ins Ziel."
    )
    got = {(x.kind, x.position, d) for x in r.results for d in x.drivers}
    assert ("race", 3, "Felix Aurach") in got
    assert ("race", 1, "Felix Aurach") not in got
