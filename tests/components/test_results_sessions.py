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


def test_list_below_a_grid_heading_is_qualifying(report) -> None:
    text = "Startaufstellung:\n1. Jonas Brenninger (Audi)\n2. Lars ter Horst (BMW)"
    assert results(report, text) == [
        ("qualifying", 1, None, ["Jonas Brenninger"]),
        ("qualifying", 2, None, ["Lars ter Horst"]),
    ]


def test_numbered_items_in_one_line_after_a_grid_heading(report) -> None:
    text = (
        "Jonas Brenninger gewann das Rennen.\n\n"
        "Die Startaufstellung: 1. Lars ter Horst, 2. Tim Kessler, 3. Jonas Brenninger"
    )
    got = results(report, text)
    assert ("qualifying", 1, None, ["Lars ter Horst"]) in got
    assert ("qualifying", 2, None, ["Tim Kessler"]) in got
    assert ("qualifying", 3, None, ["Jonas Brenninger"]) in got


def test_numbered_items_in_one_line_below_a_result_heading(report) -> None:
    text = (
        "Das Ergebnis:\n"
        "1. Jonas Brenninger - Team Rosberg 45:12,3 Min.; 2. Lars ter Horst - MRS GT-Racing "
        "+ 1,234; 3. Tim Kessler - Team Rosberg + 2,345"
    )
    assert results(report, text) == [
        ("race", 1, None, ["Jonas Brenninger"]),
        ("race", 2, None, ["Lars ter Horst"]),
        ("race", 3, None, ["Tim Kessler"]),
    ]


def test_numbers_in_a_line_that_do_not_run_on_are_no_list(report) -> None:
    text = "Am Sonntag, 3. Juli, fuhr Jonas Brenninger im Training; 7. Lars ter Horst war nicht da."
    assert results(report, text) == []


def test_a_lead_stating_the_pole_makes_a_qualifying_report(report) -> None:
    # the body recalls last week's win and the race to come; the lead says what
    # the text reports
    text = (
        "Jonas Brenninger hat sich in Kleinhausen die Pole-Position gesichert.\n"
        "Lars ter Horst wurde Zweiter. Tim Kessler kam auf Platz drei. "
        "Nach dem Sieg in der Vorwoche will Brenninger am Sonntag den zweiten Saisonsieg."
    )
    got = results(report, text)
    assert ("qualifying", 2, None, ["Lars ter Horst"]) in got
    assert ("qualifying", 3, None, ["Tim Kessler"]) in got


def test_a_lead_with_pole_and_win_decides_nothing(report) -> None:
    text = (
        "Jonas Brenninger gewann von der Pole-Position aus in Kleinhausen.\n"
        "Lars ter Horst wurde Zweiter. Tim Kessler kam auf Platz drei."
    )
    got = results(report, text)
    assert ("race", 2, None, ["Lars ter Horst"]) in got


def test_a_place_after_von_is_where_the_driver_starts(report) -> None:
    # "geht von Platz zwei ins Rennen": the grid of a race still to come
    text = "Am Sonntag geht Jonas Brenninger von Platz zwei ins Rennen."
    assert results(report, text) == [("qualifying", 2, None, ["Jonas Brenninger"])]
