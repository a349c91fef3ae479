"""gtx_results alone, numbered result lists (results/lists.py) and their context."""

from __future__ import annotations


def facts(alone, doc) -> list[tuple[int, list[str]]]:
    doc = alone("gtx_results")(doc)
    return [(f.position, [doc[a:b].text for a, b in f.drivers]) for f in doc._.gtx_results]


def test_list_lines_with_slash_crews(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ergebnis:\n"
        "1. [Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER) - Team Nordwand\n"
        "2. [Yannick Oblitz](DRIVER) - Team Südhang\n"
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast", "Ulf Ribbeck"]), (2, ["Yannick Oblitz"])]


def test_list_under_a_mid_race_heading_is_skipped(alone, hand_doc) -> None:
    doc = hand_doc(
        "Top 10 nach 15 Minuten:\n1. [Xaver Quast](DRIVER)\n2. [Yannick Oblitz](DRIVER)\n"
    )
    assert facts(alone, doc) == []


def test_standings_lines_are_skipped(alone, hand_doc) -> None:
    doc = hand_doc("Ergebnis:\n1. [Xaver Quast](DRIVER) - 211 Punkte\n")
    assert facts(alone, doc) == []


def test_a_line_not_starting_with_a_driver_is_no_result(alone, hand_doc) -> None:
    doc = hand_doc("Ergebnis:\n1. Team Nordwand mit [Xaver Quast](DRIVER)\n")
    assert facts(alone, doc) == []


def test_a_list_line_wins_over_a_cue_on_the_same_line(alone, hand_doc) -> None:
    doc = hand_doc("Ergebnis:\n3. [Xaver Quast](DRIVER) auf Platz zwei\n")
    assert facts(alone, doc) == [(3, ["Xaver Quast"])]


def test_the_list_cue_is_the_number(alone, hand_doc) -> None:
    doc = alone("gtx_results")(hand_doc("Ergebnis:\n1. [Xaver Quast](DRIVER)\n"))
    (fact,) = doc._.gtx_results
    assert doc.text[fact.cue[0] : fact.cue[1]] == "1."


def test_car_team_and_session_of_the_sentence_are_attached(alone, hand_doc) -> None:
    doc = hand_doc(
        "Im [Rennen](SESSION:race) gewann [Xaver Quast](DRIVER) im "
        "[BMW M6 GT3](CAR:BMW) für [Team Nordwand](TEAM:Team Nordwand)."
    )
    doc = alone("gtx_results")(doc)
    (fact,) = doc._.gtx_results
    assert fact.car is not None and doc.text[fact.car[0] : fact.car[1]] == "BMW M6 GT3"
    assert fact.team is not None and doc.text[fact.team[0] : fact.team[1]] == "Team Nordwand"
    assert fact.session is not None and doc.text[fact.session[0] : fact.session[1]] == "Rennen"


def test_a_session_of_another_kind_is_not_attached(alone, hand_doc) -> None:
    doc = hand_doc("Im [Training](SESSION:practice) gewann [Xaver Quast](DRIVER).")
    (fact,) = alone("gtx_results")(doc)._.gtx_results
    assert fact.session is None


def test_one_line_with_points_makes_the_whole_list_standings(alone, hand_doc) -> None:
    doc = hand_doc(
        "Klasse 2:\n"
        "1. [Xaver Quast](DRIVER) 20,50 Punkte\n"
        "2. [Yannick Oblitz](DRIVER) 20,00\n"
        "3. [Ulf Ribbeck](DRIVER) 18,25\n"
    )
    assert facts(alone, doc) == []


def test_a_list_below_a_practice_heading_is_skipped(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Testfahrten](SESSION:practice) in Valencia:\n"
        "1. [Xaver Quast](DRIVER): 1:28,114\n"
        "2. [Yannick Oblitz](DRIVER): 1:28,937\n"
    )
    assert facts(alone, doc) == []


def test_undotted_list_lines_count_in_a_run_of_three(alone, hand_doc) -> None:
    doc = hand_doc(
        "Rennen 2\n"
        "1 [Xaver Quast](DRIVER) 16 Runden\n"
        "2 [Yannick Oblitz](DRIVER) +2.502\n"
        "3 [Ulf Ribbeck](DRIVER) +6.598\n"
    )
    assert facts(alone, doc) == [
        (1, ["Xaver Quast"]),
        (2, ["Yannick Oblitz"]),
        (3, ["Ulf Ribbeck"]),
    ]


def test_two_undotted_lines_are_no_list(alone, hand_doc) -> None:
    doc = hand_doc("Rennen 2\n1 [Xaver Quast](DRIVER) 16 Runden\n2 [Yannick Oblitz](DRIVER)\n")
    assert facts(alone, doc) == []


def test_calendar_lines_are_no_results(alone, hand_doc) -> None:
    # "21. August 2027": the day of a date, not a position, whatever the name finder makes of it
    doc = hand_doc(
        "Termine:\n"
        "21. [August](DRIVER) 2027: Rallye Oberes Tal\n"
        "16. [Oktober](DRIVER) 2027: Rallye Kleinhausen\n"
    )
    assert facts(alone, doc) == []


def test_undotted_numbers_of_an_entry_table_are_no_list(alone, hand_doc) -> None:
    # the rows start with a nation, one stray name right after its number is no result list
    doc = hand_doc(
        "Fahrer\n"
        "14 Deutschland [Xaver Quast](DRIVER) Team Nordwand\n"
        "15 Schweiz [Yannick Oblitz](DRIVER) Team Südhang\n"
        "16 [Ulf Ribbeck](DRIVER) Team Nordwand\n"
    )
    assert facts(alone, doc) == []


def test_a_list_below_a_start_number_heading_is_skipped(alone, hand_doc) -> None:
    doc = hand_doc(
        "Nr. Fahrer Team\n1. [Xaver Quast](DRIVER) Team Nordwand\n"
        "2. [Yannick Oblitz](DRIVER) Team Südhang\n"
    )
    assert facts(alone, doc) == []


def test_the_one_result_list_wins_over_running_text_for_its_driver(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Ulf Ribbeck](DRIVER) fuhr im Rennen auf Platz eins.\n"
        "Ergebnis:\n"
        "1. [Xaver Quast](DRIVER)\n"
        "2. [Yannick Oblitz](DRIVER)\n"
        "3. [Ulf Ribbeck](DRIVER)\n"
    )
    assert facts(alone, doc) == [
        (1, ["Xaver Quast"]),
        (2, ["Yannick Oblitz"]),
        (3, ["Ulf Ribbeck"]),
    ]


def test_two_lists_of_one_session_settle_nothing(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Ulf Ribbeck](DRIVER) fuhr im Rennen auf Platz eins.\n"
        "Lauf 1:\n1. [Xaver Quast](DRIVER)\n2. [Ulf Ribbeck](DRIVER)\n"
        "Lauf 2:\n1. [Ulf Ribbeck](DRIVER)\n2. [Xaver Quast](DRIVER)\n"
    )
    # the running text's place stays beside both lists
    assert facts(alone, doc)[-1] == (1, ["Ulf Ribbeck"])


def test_list_lines_opened_by_other_position_marks(alone, hand_doc) -> None:
    for first, second in (
        ("1)", "2)"),
        ("P1", "P2"),
        ("Platz 1:", "Platz 2:"),
        ("Erster:", "Zweiter:"),
    ):
        doc = hand_doc(
            f"Ergebnis:\n{first} [Xaver Quast](DRIVER) - Team Nordwand\n"
            f"{second} [Yannick Oblitz](DRIVER) - Team Südhang\n"
        )
        assert facts(alone, doc) == [(1, ["Xaver Quast"]), (2, ["Yannick Oblitz"])], first


def test_one_line_with_another_position_mark_is_no_list(alone, hand_doc) -> None:
    doc = hand_doc("Ergebnis:\n1) [Xaver Quast](DRIVER) - Team Nordwand\n")
    assert facts(alone, doc) == []


def test_a_start_number_or_flag_before_the_name(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ergebnis:\n"
        "1. #12 [Xaver Quast](DRIVER) - Team Nordwand\n"
        "2. (7) [Yannick Oblitz](DRIVER) - Team Südhang\n"
        "3. Platz: [Ulf Ribbeck](DRIVER) - Team Südhang\n"
        "4. Finnland [Zeno Kallio](DRIVER) - Team Nordwand\n"
        "5. Team Nordwand [Ben Beispiel](DRIVER)\n"
    )
    assert facts(alone, doc) == [
        (1, ["Xaver Quast"]),
        (2, ["Yannick Oblitz"]),
        (3, ["Ulf Ribbeck"]),
        (4, ["Zeno Kallio"]),
    ]


def test_a_crew_joined_by_und(alone, hand_doc) -> None:
    doc = hand_doc("Ergebnis:\n1. [Xaver Quast](DRIVER) und [Ulf Ribbeck](DRIVER) (Porsche)\n")
    assert facts(alone, doc) == [(1, ["Xaver Quast", "Ulf Ribbeck"])]


def test_a_table_with_pipes_between_its_cells(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ergebnis:\n"
        "1 | [Xaver Quast](DRIVER) | Team Nordwand\n"
        "2 | [Yannick Oblitz](DRIVER) | Team Südhang\n"
        "3 | [Ulf Ribbeck](DRIVER) | Team Südhang\n"
    )
    assert facts(alone, doc) == [
        (1, ["Xaver Quast"]),
        (2, ["Yannick Oblitz"]),
        (3, ["Ulf Ribbeck"]),
    ]


def kinds(alone, doc) -> list[tuple[str, int]]:
    doc = alone("gtx_results")(doc)
    return [(f.kind, f.position) for f in doc._.gtx_results]


def test_a_column_header_between_the_session_heading_and_the_list(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ergebnis [Qualifying](SESSION:qualifying)\n"
        "Pos. Fahrer Team Zeit\n"
        "1. [Xaver Quast](DRIVER) - Team Nordwand - 1:23,456\n"
        "2. [Yannick Oblitz](DRIVER) - Team Südhang - 1:23,789\n"
    )
    assert kinds(alone, doc) == [("qualifying", 1), ("qualifying", 2)]


def test_a_list_below_prose_takes_no_session_from_above_the_prose(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Qualifying](SESSION:qualifying)\n"
        "Am Samstag war es trocken und warm, am Sonntag kam dann der lange erwartete Regen.\n"
        "1. [Xaver Quast](DRIVER) - Team Nordwand\n"
        "2. [Yannick Oblitz](DRIVER) - Team Südhang\n"
    )
    assert kinds(alone, doc) == [("race", 1), ("race", 2)]


def test_timed_practice_and_grid_headings_are_the_qualifying(alone, hand_doc) -> None:
    for heading in ("[Zeittraining](SESSION:qualifying)", "Die Startplätze"):
        doc = hand_doc(
            f"{heading}\n"
            "1. [Xaver Quast](DRIVER) - Team Nordwand\n"
            "2. [Yannick Oblitz](DRIVER) - Team Südhang\n"
        )
        assert kinds(alone, doc) == [("qualifying", 1), ("qualifying", 2)], heading


def test_a_retired_list_line_gives_no_position(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ergebnis:\n"
        "1. [Xaver Quast](DRIVER) - Team Nordwand\n"
        "2. [Yannick Oblitz](DRIVER) - Team Südhang - DNF\n"
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_a_winner_line_above_numbered_lines(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ergebnis:\n"
        "Sieger: [Xaver Quast](DRIVER) - Team Nordwand\n"
        "2. [Yannick Oblitz](DRIVER) - Team Südhang\n"
    )
    assert sorted(facts(alone, doc)) == [(1, ["Xaver Quast"]), (2, ["Yannick Oblitz"])]


def classed(alone, doc) -> list[tuple[int, str | None, list[str]]]:
    doc = alone("gtx_results")(doc)
    return [
        (f.position, f.class_, [doc[a:b].text for a, b in f.drivers]) for f in doc._.gtx_results
    ]


def test_class_winner_lines_below_their_heading(alone, hand_doc) -> None:
    lines = (
        "[SP9](CLASS): [Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER) (Porsche)\n"
        "[Cup2](CLASS): [Yannick Oblitz](DRIVER)/[Ben Beispiel](DRIVER) (Porsche)\n"
    )
    assert classed(alone, hand_doc("Die Klassensieger:\n" + lines)) == [
        (1, "SP9", ["Xaver Quast", "Ulf Ribbeck"]),
        (1, "Cup2", ["Yannick Oblitz", "Ben Beispiel"]),
    ]
    # without such a heading the lines may be an entry list or the leaders at half-time
    assert classed(alone, hand_doc("Nach sechs Stunden:\n" + lines)) == []


def test_a_crew_in_brackets_after_the_team(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ergebnis:\n"
        "1. Team Nordwand ([Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER)) Porsche\n"
        "2. Team Südhang (vor [Yannick Oblitz](DRIVER))\n"
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast", "Ulf Ribbeck"])]
