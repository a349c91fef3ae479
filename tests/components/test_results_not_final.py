"""gtx_results: running text that names a position but states no final result here."""

from __future__ import annotations

import pytest


def results(report, text: str) -> list[tuple[str, int, str | None, list[str]]]:
    return [(r.kind, r.position, r.class_, r.drivers) for r in report(text).results]


@pytest.mark.parametrize(
    "text",
    [
        # past winners named in a preview
        "Mit Jonas Brenninger ist auch ein ehemaliger Sieger am Start.",
        "Lars ter Horst geht als amtierender Sieger in das Rennen.",
        "Der Sieger der Vorwoche, Jonas Brenninger, fehlt diesmal.",
        "Im vergangenen Jahr gewann Jonas Brenninger das Rennen.",
        "Jonas Brenninger ist dreifacher Sieger des Rennens.",
        # a past season at the start of the clause, far from the place it dates
        "Im Vorjahr wurde Jonas Brenninger in Oschersleben nach langem Kampf Dritter.",
        # standings and championship titles
        "Jonas Brenninger rangiert gegenwärtig auf Position zehn.",
        "Jonas Brenninger erreichte in der Fahrerwertung den vierten Platz.",
        "Jonas Brenninger belegt Rang drei mit zwölf Zählern Rückstand.",
        "Jonas Brenninger gewann damit den Titel.",
        "Jonas Brenninger geht als Zwölfter in die Sommerpause.",
        "Jonas Brenninger ist als Dritter der Meisterschaft angereist.",
        # a clause opening with the championship: far from the place it qualifies
        "In der Fahrerwertung erreichte Jonas Brenninger damit den guten vierten Platz.",
        "In der Meisterschaft schob sich Jonas Brenninger nach dem Wochenende auf Rang drei.",
        # practice and test sessions: their orders are no session results
        "Im freien Training am Freitag kam Jonas Brenninger auf Platz drei.",
        "Im Warm-up war Jonas Brenninger mit seinem Audi auf Rang fünf zu finden.",
        "Bei den Testfahrten im März zeigte sich das Feld ausgeglichen. "
        "Am zweiten Tag kam Jonas Brenninger auf Platz drei.",
        # mid-race orders and lost places
        "Jonas Brenninger hatte kurz auf Platz zwei gelegen.",
        "In Runde zwölf übernahm Jonas Brenninger die dritte Position.",
        "Jonas Brenninger verlor den zweiten Rang auf der Zielgeraden.",
        "Jonas Brenninger konnte Lars ter Horst von der dritten Position verdrängen.",
        # the winner as a reference point, a win still ahead or prevented
        "Jonas Brenninger fehlten am Ende zehn Sekunden Rückstand auf den Sieger.",
        "Jonas Brenninger fährt kontrolliert Richtung Gesamtsieg.",
        "Jonas Brenninger verhinderte den Sieg seines Teamkollegen.",
        # what did not or would have happened
        "Ohne den Fehler hätte Jonas Brenninger den ersten Startplatz erobert.",
        "Jonas Brenninger sah lange wie der Sieger des Rennens aus.",
        "Jonas Brenninger konnte kein einziges Rennen gewinnen.",
        "Jonas Brenninger wurde gefeiert wie ein Sieger.",
        "Eine Strafe hat Jonas Brenninger den Sieg gekostet.",
    ],
)
def test_no_final_result(report, text: str) -> None:
    assert results(report, text) == []


def test_a_plain_finish_still_counts(report) -> None:
    assert results(report, "Jonas Brenninger fuhr im Rennen auf Platz zwei.") == [
        ("race", 2, None, ["Jonas Brenninger"])
    ]


def test_an_ordinal_before_a_win_counts_wins(report) -> None:
    # "Zweiter Saisonsieg": the second win of the year, the race itself was won
    assert results(report, "Zweiter Saisonsieg für Jonas Brenninger in Oschersleben.") == [
        ("race", 1, None, ["Jonas Brenninger"])
    ]


def test_a_title_from_last_year_does_not_block_this_years_place(report) -> None:
    # "Vorjahressieger" names the driver; the place of this clause is this race's
    text = "Dritter wurde Vorjahressieger Jonas Brenninger."
    assert results(report, text) == [("race", 3, None, ["Jonas Brenninger"])]


def test_a_race_after_a_practice_paragraph_counts(report) -> None:
    text = (
        "Im freien Training war das Feld dicht beisammen.\n\n"
        "Im Rennen am Sonntag kam Jonas Brenninger auf Platz drei."
    )
    assert ("race", 3, None, ["Jonas Brenninger"]) in results(report, text)
