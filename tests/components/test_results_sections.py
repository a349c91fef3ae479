"""gtx_results: a heading that names a class gives it to the positions below it."""

from __future__ import annotations


def results(report, text: str) -> list[tuple[str, int, str | None, list[str]]]:
    return [(r.kind, r.position, r.class_, r.drivers) for r in report(text).results]


def test_a_list_below_a_class_heading_is_that_class(report) -> None:
    text = (
        "Klasse SP9\n"
        "1. Jonas Brenninger/Lars Weber - Team Rosberg\n"
        "2. Tim Kessler/Max Weber - MRS GT-Racing\n"
    )
    assert results(report, text) == [
        ("race", 1, "SP9", ["Jonas Brenninger", "Lars Weber"]),
        ("race", 2, "SP9", ["Tim Kessler", "Max Weber"]),
    ]


def test_running_text_below_a_class_heading(report) -> None:
    text = (
        "Jonas Brenninger gewann das Rennen am Nürburgring.\n"
        "Pro-Am.\n"
        "Dort siegte Tim Kessler vor Max Weber.\n"
    )
    found = results(report, text)
    assert ("race", 1, None, ["Jonas Brenninger"]) in found  # above the heading
    assert ("race", 1, "Pro-Am", ["Tim Kessler"]) in found
    assert ("race", 2, "Pro-Am", ["Max Weber"]) in found


def test_the_overall_order_below_a_class_heading_keeps_no_class(report) -> None:
    text = "Pro-Am.\nTim Kessler kam auf dem dritten Gesamtrang ins Ziel.\n"
    assert results(report, text) == [("race", 3, None, ["Tim Kessler"])]


def test_a_class_labelling_a_line_holds_for_that_line_only(report) -> None:
    text = (
        "Beim Hallenkart-Finale in Lörrach holten die Vereinsfahrer viele Pokale.\n"
        "Gruppe A: Jonas Gerber (Platz eins), Timo Brandt (Platz vier).\n"
        "Gruppe B: Felix Haller (Platz zwei).\n"
        "Dazu fuhr Lukas Brenner im Rahmenrennen auf Platz drei.\n"
    )
    found = results(report, text)
    assert ("race", 1, "Gruppe A", ["Jonas Gerber"]) in found
    assert ("race", 4, "Gruppe A", ["Timo Brandt"]) in found
    assert ("race", 2, "Gruppe B", ["Felix Haller"]) in found
    assert ("race", 3, None, ["Lukas Brenner"]) in found  # the next line has no label
    assert len(found) == 4


def test_two_class_labels_on_one_line_end_at_each_other(report) -> None:
    text = "Klasse SP9: Jonas Gerber (Platz eins). Klasse SP3T: Timo Brandt (Platz zwei).\n"
    assert results(report, text) == [
        ("race", 1, "SP9", ["Jonas Gerber"]),
        ("race", 2, "SP3T", ["Timo Brandt"]),
    ]


def test_a_rally_class_after_klasse_is_a_class(report) -> None:
    text = "Jonas Gerber, am Ende Sieger der Klasse RC2, kam als Vierter ins Ziel."
    assert ("race", 1, "RC2", ["Jonas Gerber"]) in results(report, text)
