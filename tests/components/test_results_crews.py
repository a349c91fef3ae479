"""gtx_results alone, crews: whose place a cue states (results/crews.py).

Hand-made Docs with DRIVER, CAR, MAKE and SERIES spans only: the subjects,
crews, anaphora and co-drivers are the result component's own reading.
"""

from __future__ import annotations

from gtextract.components.results.crews import CrewFinder, same_person


def facts(alone, doc) -> list[tuple[int, list[str]]]:
    doc = alone("gtx_results")(doc)
    return [(f.position, [doc[a:b].text for a, b in f.drivers]) for f in doc._.gtx_results]


def crews(alone) -> CrewFinder:
    return alone("gtx_results").prose.crews


def test_beaten_drivers_follow_vor(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) siegte vor [Yannick Oblitz](DRIVER).")
    subjects, beaten = crews(alone).drivers(doc[:], [])
    assert [d.text for d in subjects] == ["Xaver Quast"]
    assert [d.text for d in beaten] == ["Yannick Oblitz"]


def test_vorsprung_auf_marks_the_beaten(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) siegte mit Vorsprung auf [Yannick Oblitz](DRIVER).")
    assert facts(alone, doc) == [(1, ["Xaver Quast"]), (2, ["Yannick Oblitz"])]


def test_slash_joins_a_crew_and_a_crew_beats_a_crew(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER) gewannen vor "
        "[Yannick Oblitz](DRIVER)/[Zeno Marrak](DRIVER)."
    )
    assert facts(alone, doc) == [
        (1, ["Xaver Quast", "Ulf Ribbeck"]),
        (2, ["Yannick Oblitz", "Zeno Marrak"]),
    ]


def test_in_a_single_seater_series_each_beaten_driver_is_a_car(alone, hand_doc) -> None:
    text = (
        "In der [Formel 4](SERIES:ADAC Formel 4) siegte [Xaver Quast](DRIVER) vor "
        "[Yannick Oblitz](DRIVER) und [Zeno Marrak](DRIVER)."
    )
    assert facts(alone, hand_doc(text)) == [
        (1, ["Xaver Quast"]),
        (2, ["Yannick Oblitz"]),
        (3, ["Zeno Marrak"]),
    ]


def test_elsewhere_drivers_joined_by_und_are_one_crew(alone, hand_doc) -> None:
    text = "[Xaver Quast](DRIVER) siegte vor [Yannick Oblitz](DRIVER) und [Zeno Marrak](DRIVER)."
    assert facts(alone, hand_doc(text)) == [
        (1, ["Xaver Quast"]),
        (2, ["Yannick Oblitz", "Zeno Marrak"]),
    ]


def test_an_object_after_von_is_not_the_subject(alone, hand_doc) -> None:
    doc = hand_doc("Platz zwei ging an den Wagen von [Xaver Quast](DRIVER).")
    assert crews(alone).drivers(doc[:], []) == ([], [])


def test_the_car_of_its_crew_owns_the_drivers_after_von(alone, hand_doc) -> None:
    doc = hand_doc(
        "Der [Bentley Continental](CAR:Bentley) von [Xaver Quast](DRIVER) und "
        "[Ulf Ribbeck](DRIVER) gewann."
    )
    subjects, _ = crews(alone).drivers(doc[:], [])
    assert [d.text for d in subjects] == ["Xaver Quast", "Ulf Ribbeck"]


def test_the_drivers_after_pilotiert_von_drive(alone, hand_doc) -> None:
    doc = hand_doc("Der Wagen wurde pilotiert von [Xaver Quast](DRIVER) und [Ulf Ribbeck](DRIVER).")
    subjects, _ = crews(alone).drivers(doc[:], [])
    assert [d.text for d in subjects] == ["Xaver Quast", "Ulf Ribbeck"]


def test_a_genitive_is_not_the_subject(alone, hand_doc) -> None:
    doc = hand_doc("[Quasts](DRIVER) Teamgefährte wurde Dritter.")
    assert facts(alone, doc) == []


def test_an_anaphor_takes_the_last_subject(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) fuhr stark. Der 22-Jährige wurde am Ende Dritter.")
    assert facts(alone, doc) == [(3, ["Xaver Quast"])]


def test_without_an_anaphor_a_clause_has_no_subject(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) fuhr stark. Am Ende wurde es Platz drei.")
    assert facts(alone, doc) == []


def test_a_crew_size_picks_the_crew_of_that_size(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER) fuhren stark. Auch [Zeno Marrak](DRIVER) "
        "fuhr gut. Das Duo wurde am Ende Zweiter."
    )
    assert facts(alone, doc) == [(2, ["Xaver Quast", "Ulf Ribbeck"])]


def test_the_make_stands_for_its_crew(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) und [Ulf Ribbeck](DRIVER) fuhren den "
        "[Bentley Continental](CAR:Bentley). Der [Bentley](MAKE:Bentley) erbt den Sieg."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast", "Ulf Ribbeck"])]


def test_a_relative_clause_takes_the_crew_just_named(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Yannick Oblitz](DRIVER) siegte vor [Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER), "
        "die sich mit Platz zwei begnügen mussten."
    )
    got = facts(alone, doc)
    assert (2, ["Xaver Quast", "Ulf Ribbeck"]) in got
    assert (2, ["Yannick Oblitz"]) not in got  # not the subject of the main clause


def test_several_places_in_a_clause_go_to_the_nearest_crew(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) wurde Zweiter, [Yannick Oblitz](DRIVER) Dritter.")
    assert facts(alone, doc) == [(2, ["Xaver Quast"]), (3, ["Yannick Oblitz"])]


def test_co_drivers_share_the_race_result(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) fuhr zusammen mit [Ulf Ribbeck](DRIVER). "
        "[Xaver Quast](DRIVER) gewann das Rennen."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast", "Ulf Ribbeck"])]


def test_two_positions_for_two_crews_by_nearness(alone, hand_doc) -> None:
    doc = hand_doc(
        "Die Plätze 5 und 6 sicherten sich [Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER) und "
        "[Yannick Oblitz](DRIVER)/[Zeno Marrak](DRIVER)."
    )
    assert facts(alone, doc) == [
        (5, ["Xaver Quast", "Ulf Ribbeck"]),
        (6, ["Yannick Oblitz", "Zeno Marrak"]),
    ]


def test_a_bracketed_class_place_belongs_to_the_crew_before(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) wurde Vierter vor [Yannick Oblitz](DRIVER) "
        "(Erster in der Klasse [SP7](CLASS:SP7))."
    )
    doc = alone("gtx_results")(doc)
    got = {
        (f.position, f.class_, doc[f.drivers[0][0] : f.drivers[0][1]].text)
        for f in doc._.gtx_results
    }
    assert (1, "SP7", "Yannick Oblitz") in got
    assert (4, None, "Xaver Quast") in got
    # the bracket speaks of its own crew: nobody is beaten in SP7
    assert not any(cls == "SP7" and pos != 1 for pos, cls, _ in got)


def test_same_person_by_surname() -> None:
    assert same_person("Quast", "Xaver Quast")
    assert not same_person("Quast", "Xaver Oblitz")
    assert not same_person("", "Xaver Quast")


def test_the_crew_that_follows_takes_the_next_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "Rang vier ging an [Xaver Quast](DRIVER). "
        "Dahinter folgten [Yannick Oblitz](DRIVER) und [Zeno Marrak](DRIVER)."
    )
    assert facts(alone, doc) == [
        (4, ["Xaver Quast"]),
        (5, ["Yannick Oblitz", "Zeno Marrak"]),
    ]


def test_dahinter_after_a_comma_opens_the_followers_clause(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) siegte, dahinter folgte [Yannick Oblitz](DRIVER).")
    assert facts(alone, doc) == [(1, ["Xaver Quast"]), (2, ["Yannick Oblitz"])]


def test_the_driver_a_gap_refers_to_does_not_follow(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) wurde Zweiter. Dahinter folgt mit 0,2 Sekunden Rückstand "
        "auf [Xaver Quast](DRIVER) nun [Yannick Oblitz](DRIVER)."
    )
    assert facts(alone, doc) == [(2, ["Xaver Quast"]), (3, ["Yannick Oblitz"])]


def test_the_driver_who_lines_up_behind_takes_the_next_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) wurde Zweiter. Dahinter reihte sich [Yannick Oblitz](DRIVER) ein."
    )
    assert facts(alone, doc) == [(2, ["Xaver Quast"]), (3, ["Yannick Oblitz"])]


def test_followers_need_a_place_just_stated(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) wurde Zweiter. Das Wetter blieb trocken. Die Sonne schien. "
        "Dahinter folgte [Yannick Oblitz](DRIVER)."
    )
    assert facts(alone, doc) == [(2, ["Xaver Quast"])]


def test_a_teams_place_goes_to_the_crew_named_right_after(alone, hand_doc) -> None:
    doc = hand_doc(
        "Der Sieg ging an [Quast Racing](TEAM) – am Steuer saßen [Xaver Quast](DRIVER), "
        "[Ulf Ribbeck](DRIVER) und [Zeno Marrak](DRIVER)."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast", "Ulf Ribbeck", "Zeno Marrak"])]


def test_a_single_driver_in_the_next_sentence_does_not_take_a_teams_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "Platz drei ging an [Quast Racing](TEAM). [Yannick Oblitz](DRIVER) schied dagegen aus."
    )
    assert facts(alone, doc) == []


def test_a_formula_career_does_not_make_a_single_seater_race(report) -> None:
    # "Ex-Formel-1-Pilot": the driver's past; the GT race still has crews
    text = (
        "Ex-Formel-1-Pilot Jonas Brenninger und Tim Kessler gewannen im BMW M6 GT3 "
        "vor Lars ter Horst und Max Weber."
    )
    facts = [(r.kind, r.position, r.drivers) for r in report(text).results]
    assert facts == [
        ("race", 1, ["Jonas Brenninger", "Tim Kessler"]),
        ("race", 2, ["Lars ter Horst", "Max Weber"]),
    ]


def test_a_crew_in_brackets_after_a_car_takes_its_place(alone, hand_doc) -> None:
    text = (
        "Platz zwei ging an den [Porsche](MAKE:Porsche) #44 ([Xaver Quast](DRIVER)/"
        "[Ulf Ribbeck](DRIVER)/[Zeno Marrak](DRIVER)) vor dem Wagen mit der Startnummer 12 "
        "([Yannick Oblitz](DRIVER)/[Till Wendrin](DRIVER))."
    )
    assert facts(alone, hand_doc(text)) == [
        (2, ["Xaver Quast", "Ulf Ribbeck", "Zeno Marrak"]),
        (3, ["Yannick Oblitz", "Till Wendrin"]),
    ]


def test_a_bracket_that_is_no_crew_stays_out(alone, hand_doc) -> None:
    # one name is a reference, a hometown is a detail, no car before it: no crew
    for text in (
        "Platz zwei ging an den [Porsche](MAKE:Porsche) #44 ([Xaver Quast](DRIVER)).",
        "Platz zwei ging an den [Porsche](MAKE:Porsche) ([Xaver Quast](DRIVER), Bonn).",
        "Platz zwei ging an das Auto ([Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER)).",
        "Er setzte sich gegen den [Audi](MAKE:Audi) #3 ([Xaver Quast](DRIVER)/"
        "[Ulf Ribbeck](DRIVER)) auf Platz zwei durch.",
    ):
        assert facts(alone, hand_doc(text)) == [], text


def test_a_crew_bracket_states_its_own_place_after_a_semicolon(alone, hand_doc) -> None:
    text = (
        "Der führende [Ferrari](MAKE:Ferrari) #51 ([Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER); "
        "2.) wurde vom [Audi](MAKE:Audi) #9 ([Yannick Oblitz](DRIVER)/[Till Wendrin](DRIVER); "
        "Dritte) aufgehalten, der [BMW](MAKE:BMW) #7 ([Zeno Marrak](DRIVER)/[Ole Brisk](DRIVER); "
        "DNF) schied aus."
    )
    assert sorted(facts(alone, hand_doc(text))) == [
        (2, ["Xaver Quast", "Ulf Ribbeck"]),
        (3, ["Yannick Oblitz", "Till Wendrin"]),
    ]


def test_a_participle_gives_the_pole_to_the_crew_after_it(alone, hand_doc) -> None:
    text = (
        "Gewertet wurden der [Audi](MAKE:Audi) #2 ([Xaver Quast](DRIVER)/[Ulf Ribbeck](DRIVER)) "
        "und der von der Pole gestartete [BMW](MAKE:BMW) #1 ([Yannick Oblitz](DRIVER)/"
        "[Till Wendrin](DRIVER))."
    )
    assert facts(alone, hand_doc(text)) == [(1, ["Yannick Oblitz", "Till Wendrin"])]


def test_the_pair_of_a_collision_is_not_the_subject(alone, hand_doc) -> None:
    text = (
        "[Xaver Quast](DRIVER), der vom vierten Startplatz aus gestartet war, profitierte von "
        "einer Kollision zwischen [Ulf Ribbeck](DRIVER) und [Zeno Marrak](DRIVER)."
    )
    assert facts(alone, hand_doc(text)) == [(4, ["Xaver Quast"])]


def test_the_driver_replaced_is_not_the_subject(alone, hand_doc) -> None:
    text = (
        "Als Ersatz für den verletzten [Ulf Ribbeck](DRIVER) fuhr [Xaver Quast](DRIVER) "
        "auf Platz drei."
    )
    assert facts(alone, hand_doc(text)) == [(3, ["Xaver Quast"])]


def test_zwischen_before_cars_leaves_the_subject(alone, hand_doc) -> None:
    text = (
        "Zwischen die beiden [Mercedes](MAKE:Mercedes) schob sich [Xaver Quast](DRIVER) "
        "als Dritter."
    )
    assert facts(alone, hand_doc(text)) == [(3, ["Xaver Quast"])]


def test_the_car_of_a_start_number_owns_the_drivers_after_von(alone, hand_doc) -> None:
    text = (
        "Als Dritter kam der Wagen mit der Startnummer 51 von [Xaver Quast](DRIVER) und "
        "[Ulf Ribbeck](DRIVER) ins Ziel."
    )
    assert facts(alone, hand_doc(text)) == [(3, ["Xaver Quast", "Ulf Ribbeck"])]


def test_a_demonym_after_an_article_refers_to_the_last_driver(alone, hand_doc) -> None:
    text = (
        "[Xaver Quast](DRIVER) führte lange. Am Ende siegte der Neuseeländer vor seinem "
        "Teamkollegen [Ulf Ribbeck](DRIVER)."
    )
    assert facts(alone, hand_doc(text)) == [(1, ["Xaver Quast"]), (2, ["Ulf Ribbeck"])]


def test_a_country_after_an_article_is_no_anaphor(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) führte lange. Am Ende ging der Sieg in die Niederlande.")
    assert facts(alone, doc) == []


def test_a_genitive_apostrophe_makes_the_name_no_subject(alone, hand_doc) -> None:
    doc = hand_doc("Rang drei ging an [Max Evans](DRIVER)’ Teamkollegen [Ulf Ribbeck](DRIVER).")
    assert facts(alone, doc) == [(3, ["Ulf Ribbeck"])]
