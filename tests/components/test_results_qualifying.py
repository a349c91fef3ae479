"""gtx_results alone, qualifying places: the pole, the fastest time of a
qualifying, and the class best or the "setzte sich durch" of a qualifying.

Every Doc is hand-made (sentences and the resolved spans of the markup only).
"""

from __future__ import annotations

import pytest


def facts(alone, doc) -> list[tuple[str, int, str | None, list[str]]]:
    doc = alone("gtx_results")(doc)
    return [
        (f.kind, f.position, f.class_, [doc[a:b].text for a, b in f.drivers])
        for f in doc._.gtx_results
    ]


@pytest.mark.parametrize("word", ["Poleposition", "Pole-Position", "Pole"])
def test_every_spelling_of_the_pole_is_qualifying_first(alone, hand_doc, word) -> None:
    doc = hand_doc(f"[Xaver Quast](DRIVER) sicherte sich am Samstag die {word}.")
    assert facts(alone, doc) == [("qualifying", 1, None, ["Xaver Quast"])]


@pytest.mark.parametrize(
    ("sentence", "position"),
    [
        ("[Xaver Quast](DRIVER) fuhr die schnellste Zeit.", 1),
        ("[Xaver Quast](DRIVER) fuhr mit 1:31,4 Minuten die schnellste Runde.", 1),
        ("Als Schnellster beendete [Xaver Quast](DRIVER) die Sitzung.", 1),
        ("[Xaver Quast](DRIVER) war am schnellsten unterwegs.", 1),
        ("[Xaver Quast](DRIVER) fuhr die siebtschnellste Zeit.", 7),
        ("[Xaver Quast](DRIVER) reihte sich als Zweitschnellster ein.", 2),
        ("[Xaver Quast](DRIVER) fuhr die sechstbeste Zeit.", 6),
    ],
)
def test_the_fastest_time_of_a_qualifying_is_a_grid_place(
    alone, hand_doc, sentence, position
) -> None:
    doc = hand_doc(f"Das [Qualifying](SESSION:qualifying) dauerte 20 Minuten. {sentence}")
    assert facts(alone, doc) == [("qualifying", position, None, ["Xaver Quast"])]


def test_the_fastest_time_takes_the_class_of_its_clause(alone, hand_doc) -> None:
    doc = hand_doc(
        "Im [Qualifying](SESSION:qualifying) setzte sich in der [GT4](CLASS:GT4) "
        "[Xaver Quast](DRIVER) als Schnellster durch."
    )
    assert ("qualifying", 1, "GT4", ["Xaver Quast"]) in facts(alone, doc)


@pytest.mark.parametrize(
    "text",
    [
        # a race's fastest lap is no place
        "Im [Rennen](SESSION:race) fuhr [Xaver Quast](DRIVER) die schnellste Runde.",
        "[Xaver Quast](DRIVER) stürzte und fuhr später die schnellste Runde.",
        # nor is a practice's best time
        "Das [Qualifying](SESSION:qualifying) folgt am Samstag. Im "
        "[Training](SESSION:practice) fuhr [Xaver Quast](DRIVER) die schnellste Zeit.",
        # his own lap, not a rank
        "Im [Qualifying](SESSION:qualifying) brauchte [Xaver Quast](DRIVER) "
        "für seine schnellste Runde 1:31 Minuten.",
        # an adjective of a make, not a place
        "Im [Qualifying](SESSION:qualifying) war [Xaver Quast](DRIVER) "
        "Schnellster [BMW](MAKE:BMW)-Pilot.",
    ],
)
def test_a_fastest_time_outside_a_qualifying_is_no_place(alone, hand_doc, text) -> None:
    assert facts(alone, hand_doc(text)) == [], text


def test_the_class_best_and_prevailing_of_a_qualifying_are_grid_places(alone, hand_doc) -> None:
    qualifying = hand_doc(
        "Das [Qualifying](SESSION:qualifying) dauerte 20 Minuten. "
        "In der zweiten Gruppe setzte sich [Ulf Ribbeck](DRIVER) durch. "
        "Bester der [Trophy-Wertung](CLASS:Trophy) war [Xaver Quast](DRIVER)."
    )
    assert facts(alone, qualifying) == [
        ("qualifying", 1, None, ["Ulf Ribbeck"]),
        ("qualifying", 1, "Trophy", ["Xaver Quast"]),
    ]
    race = hand_doc(
        "Das [Rennen](SESSION:race) dauerte zwei Stunden. "
        "Im Ziel setzte sich [Ulf Ribbeck](DRIVER) durch. "
        "Bester der [Trophy-Wertung](CLASS:Trophy) war [Xaver Quast](DRIVER)."
    )
    assert facts(alone, race) == [
        ("race", 1, None, ["Ulf Ribbeck"]),
        ("race", 1, "Trophy", ["Xaver Quast"]),
    ]


def test_those_beaten_to_the_pole_are_second_on_the_grid(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) holte sich im [Qualifying](SESSION:qualifying) "
        "die Pole vor [Ulf Ribbeck](DRIVER)."
    )
    assert facts(alone, doc) == [
        ("qualifying", 1, None, ["Xaver Quast"]),
        ("qualifying", 2, None, ["Ulf Ribbeck"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the "vor" belongs to the race win, not to the pole
        "Am Ende gewannen die von der Pole gestarteten [Xaver Quast](DRIVER) und "
        "[Ulf Ribbeck](DRIVER) vor [Timo Brehm](DRIVER) und [Jan Olde](DRIVER).",
        # "Rückstand auf A": A is ahead, not beaten
        "Im [Qualifying](SESSION:qualifying) fuhr [Xaver Quast](DRIVER) mit 0,3 Sekunden "
        "Rückstand auf [Timo Brehm](DRIVER) die drittschnellste Zeit.",
    ],
)
def test_no_grid_place_behind_a_race_win_or_a_deficit(alone, hand_doc, text) -> None:
    got = facts(alone, hand_doc(text))
    assert not any(f[0] == "qualifying" and "Timo Brehm" in f[3] for f in got), got
