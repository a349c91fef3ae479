"""gtx_results alone, prose clauses: who a clause's place belongs to when the verb
or a phrase points away from its subject (results/prose.py, results/crews.py).

Hand-made Docs with DRIVER and SERIES spans only; every sentence is made up.
"""

from __future__ import annotations


def facts(alone, doc) -> list[tuple[int, list[str]]]:
    doc = alone("gtx_results")(doc)
    return sorted((f.position, [doc[a:b].text for a, b in f.drivers]) for f in doc._.gtx_results)


def test_verwies_auf_platz_zwei_gives_the_object_second_and_the_subject_the_win(
    alone, hand_doc
) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) verwies [Yannick Oblitz](DRIVER) auf Platz zwei.")
    assert facts(alone, doc) == [(1, ["Xaver Quast"]), (2, ["Yannick Oblitz"])]


def test_verwies_to_a_place_further_back_leaves_the_subjects_own_place_open(
    alone, hand_doc
) -> None:
    doc = hand_doc(
        "Am Sonntag fuhr [Xaver Quast](DRIVER) stark und verwies [Yannick Oblitz](DRIVER) "
        "auf Rang sechs."
    )
    assert facts(alone, doc) == [(6, ["Yannick Oblitz"])]


def test_the_subject_right_after_verwies_is_not_pushed(alone, hand_doc) -> None:
    doc = hand_doc(
        "Im Finale verwies [Xaver Quast](DRIVER) seinen Stallgefährten "
        "[Yannick Oblitz](DRIVER) auf den zweiten Platz."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"]), (2, ["Yannick Oblitz"])]


def test_verwies_auf_die_plaetze_gives_each_single_seater_its_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "In der [Formel 4](SERIES:ADAC Formel 4) gewann [Xaver Quast](DRIVER). Der Brite "
        "verwies [Yannick Oblitz](DRIVER) und [Zeno Marrak](DRIVER) auf die Plätze 2 und 3."
    )
    found = facts(alone, doc)
    assert (2, ["Yannick Oblitz"]) in found
    assert (3, ["Zeno Marrak"]) in found
    assert {p for p, d in found if d == ["Xaver Quast"]} == {1}


def test_rueckstand_auf_names_the_driver_ahead_not_one_beaten(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) wurde mit zwei Sekunden Rückstand auf "
        "[Yannick Oblitz](DRIVER) Dritter."
    )
    assert facts(alone, doc) == [(3, ["Xaver Quast"])]


def test_an_article_after_position_is_no_place(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) büßte in der ersten Runde eine Position ein.")
    assert facts(alone, doc) == []


def test_a_win_the_crew_should_reach_is_a_plan(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) und [Ulf Ribbeck](DRIVER), die den Gesamtsieg erreichen "
        "sollten, schieden nach zwei Stunden aus."
    )
    assert facts(alone, doc) == []


def test_in_a_one_driver_touring_car_series_the_beaten_are_two_cars(alone, hand_doc) -> None:
    doc = hand_doc(
        "In der [DTM](SERIES:DTM) siegte [Xaver Quast](DRIVER) vor [Yannick Oblitz](DRIVER) "
        "und [Zeno Marrak](DRIVER)."
    )
    assert facts(alone, doc) == [
        (1, ["Xaver Quast"]),
        (2, ["Yannick Oblitz"]),
        (3, ["Zeno Marrak"]),
    ]


def test_the_winners_margin_over_a_crew_makes_it_second(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) und [Ulf Ribbeck](DRIVER) gewannen das Rennen. Am Ende "
        "betrug der Vorsprung auf [Yannick Oblitz](DRIVER) und [Zeno Marrak](DRIVER) "
        "knapp vier Sekunden."
    )
    assert facts(alone, doc) == [
        (1, ["Xaver Quast", "Ulf Ribbeck"]),
        (2, ["Yannick Oblitz", "Zeno Marrak"]),
    ]


def test_a_margin_without_a_win_before_it_is_no_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "Das Rennen war lang. Am Ende betrug der Vorsprung auf [Yannick Oblitz](DRIVER) "
        "knapp vier Sekunden."
    )
    assert facts(alone, doc) == []


def test_prevailing_at_the_start_is_no_win(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) setzte sich am Start gegen [Yannick Oblitz](DRIVER) durch."
    )
    assert facts(alone, doc) == []


def test_names_joined_to_an_object_are_objects_too(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) setzte sich gegen [Yannick Oblitz](DRIVER) und "
        "[Zeno Marrak](DRIVER) durch."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_crossing_the_line_ahead_of_a_driver_puts_him_behind(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) gewann das Rennen. Er kreuzte die Ziellinie zwei Sekunden "
        "vor [Yannick Oblitz](DRIVER)."
    )
    assert (2, ["Yannick Oblitz"]) in facts(alone, doc)


def test_a_title_won_is_no_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "Platz vier ging an [Xaver Quast](DRIVER) und [Ulf Ribbeck](DRIVER), die damit "
        "den Pro-Am-Fahrertitel gewinnen."
    )
    assert facts(alone, doc) == [(4, ["Xaver Quast", "Ulf Ribbeck"])]


def test_a_siegfahrt_is_a_win(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) feierte auf nasser Piste eine souveräne Siegfahrt.")
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_the_driver_after_abstand_zu_is_ahead_and_the_next_name_the_subject(
    alone, hand_doc
) -> None:
    doc = hand_doc(
        "Mit großem Abstand zu [Yannick Oblitz](DRIVER) kam [Xaver Quast](DRIVER) als "
        "Vierter ins Ziel."
    )
    assert facts(alone, doc) == [(4, ["Xaver Quast"])]


def test_an_ordinal_after_a_relative_pronoun_is_a_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "Eine gute Fahrt zeigte [Zeno Marrak](DRIVER), die Fünfte wurde und damit zufrieden war."
    )
    assert facts(alone, doc) == [(5, ["Zeno Marrak"])]


def test_a_clause_opening_with_vor_continues_the_result_before_it(alone, hand_doc) -> None:
    doc = hand_doc(
        "Platz drei holte [Xaver Quast](DRIVER) mit seinem alten Kadett, vor "
        "[Yannick Oblitz](DRIVER) im Golf."
    )
    assert facts(alone, doc) == [(3, ["Xaver Quast"]), (4, ["Yannick Oblitz"])]


def test_drivers_ahead_after_vor_ihm_are_not_behind(alone, hand_doc) -> None:
    doc = hand_doc(
        "Platz drei holte [Xaver Quast](DRIVER), vor ihm lagen [Yannick Oblitz](DRIVER) "
        "und [Zeno Marrak](DRIVER)."
    )
    assert (4, ["Yannick Oblitz", "Zeno Marrak"]) not in facts(alone, doc)
    assert (4, ["Yannick Oblitz"]) not in facts(alone, doc)


def test_the_winners_of_long_ago_after_seit_are_no_subjects(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) holte den ersten Sieg für die Marke bei diesem Rennen in der "
        "Eifel seit [Yannick Oblitz](DRIVER) und [Zeno Marrak](DRIVER)."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_the_driver_after_hinter_finished_ahead_and_is_no_subject(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) belegte hinter dem Briten [Yannick Oblitz](DRIVER) Rang sieben."
    )
    assert facts(alone, doc) == [(7, ["Xaver Quast"])]


def test_the_rival_of_a_duel_is_no_subject(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) erkämpfte nach zähem Duell mit [Yannick Oblitz](DRIVER) Rang fünf."
    )
    assert facts(alone, doc) == [(5, ["Xaver Quast"])]


def test_a_blocking_word_after_und_and_a_new_verb_leaves_the_place(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) siegte und führt nun die Tabelle klar an.")
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_a_blocking_word_right_after_the_place_still_blocks(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) liegt auf Platz zwei und drei Punkte zurück.")
    assert facts(alone, doc) == []


def test_the_winner_of_a_fight_for_a_place_takes_it(alone, hand_doc) -> None:
    doc = hand_doc("Beim Kampf um Platz sechs setzte sich [Xaver Quast](DRIVER) ganz knapp durch.")
    assert facts(alone, doc) == [(6, ["Xaver Quast"])]


def test_a_fight_for_a_place_nobody_won_is_no_place(alone, hand_doc) -> None:
    doc = hand_doc("Im Kampf um Platz vier lag [Xaver Quast](DRIVER) lange vorne.")
    assert facts(alone, doc) == []


def test_the_winner_of_the_fight_for_the_win_won(alone, hand_doc) -> None:
    doc = hand_doc("Den Kampf um den Sieg entschied [Xaver Quast](DRIVER) erst spät für sich.")
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_a_place_in_the_drivers_own_unnamed_class_is_no_overall_place(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) war mit Platz drei in seiner Klasse zufrieden.")
    assert facts(alone, doc) == []


def test_a_relative_named_beside_the_driver_is_no_subject(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER), Bruder von Formel-1-Star [Yannick Oblitz](DRIVER), belegte "
        "Platz vier."
    )
    assert facts(alone, doc) == [(4, ["Xaver Quast"])]


def test_a_win_it_only_looked_like_is_no_win(alone, hand_doc) -> None:
    doc = hand_doc(
        "Lange sah es nach einem ungefährdeten Heimsieg durch [Xaver Quast](DRIVER) aus."
    )
    assert facts(alone, doc) == []


def test_a_win_before_a_new_verb_phrase_about_the_standings_has_no_class(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) siegte und vergrößerte so den Abstand in der "
        "[Fahrerwertung](CLASS) deutlich."
    )
    doc = alone("gtx_results")(doc)
    assert [(f.position, f.class_) for f in doc._.gtx_results] == [(1, None)]


def test_a_number_after_a_position_noun_ends_a_sentence_the_splitter_ran_on(
    alone, hand_doc
) -> None:
    cues = alone("gtx_results").prose.cue_finder
    doc = hand_doc("Quast kam auf Rang 3. Danach folgte lange nichts.")
    rang = next(t for t in doc if t.text == "Rang")
    assert cues.position_at(rang) == ([3], "race")
    doc = hand_doc("Quast kam auf Rang 3. Platz war das beste Ergebnis.")
    rang = next(t for t in doc if t.text == "Rang")
    assert cues.position_at(rang) is None


def test_a_crew_after_a_comma_with_its_own_verb_keeps_its_own_place(alone, hand_doc) -> None:
    doc = hand_doc(
        "Den Sieg holte [Xaver Quast](DRIVER), [Yannick Oblitz](DRIVER) landete auf Rang vier."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"]), (4, ["Yannick Oblitz"])]


def test_names_listed_with_commas_before_their_verb_stay_one_list(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER), [Yannick Oblitz](DRIVER) und [Ole Brandt](DRIVER) wurden Fünfte."
    )
    assert facts(alone, doc) == [(5, ["Xaver Quast", "Yannick Oblitz", "Ole Brandt"])]


def test_a_running_order_between_commas_is_its_own_clause(alone, hand_doc) -> None:
    doc = hand_doc(
        "Nach dem Boxenstopp lag [Yannick Oblitz](DRIVER) zunächst noch auf Rang drei, "
        "zum Schluss gewann [Xaver Quast](DRIVER)."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_a_win_told_in_the_pluperfect_at_the_season_opener_is_past(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) siegte. Beim Saisonauftakt hatte [Yannick Oblitz](DRIVER) "
        "noch triumphiert."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_the_pole_time_of_a_driver_is_his_pole(alone, hand_doc) -> None:
    doc = hand_doc(
        "Auf die Polezeit von [Xaver Quast](DRIVER) verlor [Yannick Oblitz](DRIVER) zwei Zehntel."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]
