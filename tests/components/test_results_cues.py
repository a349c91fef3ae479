"""gtx_results alone, position cues: which words state which place (results/cues.py).

Every Doc is hand-made: only sentences and the resolved spans written in the
markup, so these tests fail only for the cue rules, not for the people rules.
"""

from __future__ import annotations

import pytest

from gtextract.components.results.cues import CueFinder


def facts(alone, doc) -> list[tuple[str, int, str | None, list[str]]]:
    doc = alone("gtx_results")(doc)
    return [
        (f.kind, f.position, f.class_, [doc[a:b].text for a, b in f.drivers])
        for f in doc._.gtx_results
    ]


@pytest.mark.parametrize(
    ("sentence", "kind", "position"),
    [
        ("[Xaver Quast](DRIVER) fuhr auf Platz zwei.", "race", 2),
        ("[Xaver Quast](DRIVER) belegte den dritten Gesamtrang.", "race", 3),
        ("[Xaver Quast](DRIVER) kam auf Rang 3 ins Ziel.", "race", 3),
        ("[Xaver Quast](DRIVER) fuhr auf Rang 3.", "race", 3),
        ("Am Ende kam [Xaver Quast](DRIVER) auf P4.", "race", 4),
        ("Dritter wurde [Xaver Quast](DRIVER).", "race", 3),
        ("[Xaver Quast](DRIVER) wurde Gesamtfünfter.", "race", 5),
        ("[Xaver Quast](DRIVER) erbeutete die Pole-Position.", "qualifying", 1),
        ("[Xaver Quast](DRIVER) fuhr auf Startplatz 3.", "qualifying", 3),
        ("[Xaver Quast](DRIVER) startete von Platz zwei.", "qualifying", 2),
        ("[Xaver Quast](DRIVER) gewann das Rennen.", "race", 1),
        ("Die Top-10 komplettierte [Xaver Quast](DRIVER).", "race", 10),
    ],
)
def test_a_cue_gives_its_clause_driver_a_place(alone, hand_doc, sentence, kind, position) -> None:
    assert facts(alone, hand_doc(sentence)) == [(kind, position, None, ["Xaver Quast"])]


@pytest.mark.parametrize(
    "sentence",
    [
        "[Xaver Quast](DRIVER) ist jetzt auf P4.",  # a running order, no finish word
        "[Xaver Quast](DRIVER) verpasste Platz drei knapp.",
        "Nach zehn Runden lag [Xaver Quast](DRIVER) auf Platz zwei.",
        "In der Tabelle liegt [Xaver Quast](DRIVER) auf Platz zwei.",
        "„Ich hoffe auf Platz zwei“, sagte [Xaver Quast](DRIVER).",
        "[Xaver Quast](DRIVER) ist der Pole-Setter der Saison.",
        "Teamkollegen der Sieger war [Xaver Quast](DRIVER).",
        # a plural place noun without its list of places
        "[Xaver Quast](DRIVER) folgte auf den Plätzen dahinter als Dritter.",
        "[Xaver Quast](DRIVER) richtete sich auf den Plätzen ein.",
        # a paragraph about the past
        "Heute vor zwanzig Jahren war alles anders. [Xaver Quast](DRIVER) gewann das Rennen.",
    ],
)
def test_no_result_where_the_words_say_otherwise(alone, hand_doc, sentence) -> None:
    assert facts(alone, hand_doc(sentence)) == []


def test_prevailing_is_a_win(alone, hand_doc) -> None:
    doc = hand_doc("Am Ende setzte sich [Xaver Quast](DRIVER) knapp durch.")
    assert facts(alone, doc) == [("race", 1, None, ["Xaver Quast"])]


def test_prevailing_for_a_numbered_place_is_that_place(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) setzte sich durch und wurde Dritter.")
    assert facts(alone, doc) == [("race", 3, None, ["Xaver Quast"])]


def test_class_win_takes_the_class_named(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) holte den Klassensieg in der [SP9](CLASS:SP9).")
    assert facts(alone, doc) == [("race", 1, "SP9", ["Xaver Quast"])]


def test_class_label_loses_its_suffix(alone, hand_doc) -> None:
    doc = hand_doc("[Xaver Quast](DRIVER) gewann die [Gentleman-Wertung](CLASS:Gentleman).")
    assert facts(alone, doc) == [("race", 1, "Gentleman", ["Xaver Quast"])]


def test_class_win_without_a_class_is_no_result(alone, hand_doc) -> None:
    assert facts(alone, hand_doc("[Xaver Quast](DRIVER) holte den Klassensieg.")) == []


def test_plural_places_as_a_range(alone, blank_nlp) -> None:
    finder: CueFinder = alone("gtx_results").prose.cue_finder
    doc = blank_nlp("Die Plätze vier bis sechs gingen an andere.")
    assert finder.position_at(doc[1]) == ([4, 5, 6], "race")
    doc = blank_nlp("Die Plätze 5 und 6 belegten andere.")
    assert finder.position_at(doc[1]) == ([5, 6], "race")
    doc = blank_nlp("Sie kamen auf den Plätzen sieben und acht an.")
    assert finder.position_at(doc[4]) == ([7, 8], "race")
    # "ein" is a verb particle here, not the number one: a plural needs its list
    doc = blank_nlp("Sie richteten sich auf den Plätzen ein.")
    assert finder.position_at(doc[5]) is None


def test_the_dative_plural_states_listed_places(alone, hand_doc) -> None:
    text = (
        "[Xaver Quast](DRIVER) und [Ulf Ribbeck](DRIVER) kamen auf den Plätzen "
        "sieben und acht ins Ziel."
    )
    assert facts(alone, hand_doc(text)) == [
        ("race", 7, None, ["Xaver Quast"]),
        ("race", 8, None, ["Ulf Ribbeck"]),
    ]


def test_ordinal_after_article_is_a_noun(alone, blank_nlp) -> None:
    finder: CueFinder = alone("gtx_results").prose.cue_finder
    doc = blank_nlp("Er war der Dritte im Bunde.")
    assert finder.position_at(doc[3]) is None
    doc = blank_nlp("Er kam als Dritter ins Ziel.")
    assert finder.position_at(doc[3]) == ([3], "race")


def test_those_beaten_in_a_class_win_take_the_next_class_places(alone, hand_doc) -> None:
    doc = hand_doc(
        "[Xaver Quast](DRIVER) holte den Klassensieg in der [SP9](CLASS:SP9) "
        "vor [Yannick Oblitz](DRIVER)."
    )
    assert facts(alone, doc) == [
        ("race", 1, "SP9", ["Xaver Quast"]),
        ("race", 2, "SP9", ["Yannick Oblitz"]),
    ]


def test_in_dieser_klasse_points_back_to_the_class_last_named(alone, hand_doc) -> None:
    doc = hand_doc(
        "In der [LMP2](CLASS:LMP2) ging es eng zu. "
        "[Xaver Quast](DRIVER) kam auf den siebten Rang in dieser Klasse."
    )
    assert facts(alone, doc) == [("race", 7, "LMP2", ["Xaver Quast"])]


def test_a_place_right_after_a_class_result_stays_in_that_class(alone, hand_doc) -> None:
    doc = hand_doc(
        "Den Klassensieg in der [SP9](CLASS:SP9) holte [Xaver Quast](DRIVER). "
        "Zweiter wurde [Yannick Oblitz](DRIVER)."
    )
    assert facts(alone, doc) == [
        ("race", 1, "SP9", ["Xaver Quast"]),
        ("race", 2, "SP9", ["Yannick Oblitz"]),
    ]


def test_an_overall_place_after_a_class_result_has_no_class(alone, hand_doc) -> None:
    doc = hand_doc(
        "Den Klassensieg in der [SP9](CLASS:SP9) holte [Xaver Quast](DRIVER). "
        "Den Gesamtsieg sicherte sich [Yannick Oblitz](DRIVER)."
    )
    assert facts(alone, doc) == [
        ("race", 1, "SP9", ["Xaver Quast"]),
        ("race", 1, None, ["Yannick Oblitz"]),
    ]


def test_a_class_does_not_reach_into_the_next_paragraph(alone, hand_doc) -> None:
    doc = hand_doc(
        "Den Klassensieg in der [SP9](CLASS:SP9) holte [Xaver Quast](DRIVER).\n\n"
        "Zweiter wurde [Yannick Oblitz](DRIVER)."
    )
    assert facts(alone, doc) == [
        ("race", 1, "SP9", ["Xaver Quast"]),
        ("race", 2, None, ["Yannick Oblitz"]),
    ]


def test_in_der_klasse_alone_points_back_to_the_class_last_named(alone, hand_doc) -> None:
    doc = hand_doc(
        "Den Sieg in der [Klasse RC4](CLASS:RC4) holte [Xaver Quast](DRIVER). "
        "Dahinter rettete [Yannick Oblitz](DRIVER) trotz zweier Dreher noch Rang "
        "zwei in der Klasse sowie den neunten Gesamtrang."
    )
    assert sorted(facts(alone, doc)) == [
        ("race", 1, "RC4", ["Xaver Quast"]),
        ("race", 2, "RC4", ["Yannick Oblitz"]),
        ("race", 9, None, ["Yannick Oblitz"]),  # the overall rank stays overall
    ]


def test_in_der_klasse_before_a_class_name_is_no_anaphora(alone, hand_doc) -> None:
    doc = hand_doc(
        "Das Feld der [GT4](CLASS:GT4) war klein. "
        "[Xaver Quast](DRIVER) kam auf Platz eins vor [Yannick Oblitz](DRIVER) "
        "(Erster in der [Klasse SP8](CLASS:SP8))."
    )
    got = facts(alone, doc)
    assert ("race", 1, None, ["Xaver Quast"]) in got
    assert ("race", 1, "GT4", ["Xaver Quast"]) not in got


def test_winning_the_class_takes_the_class_named_earlier_on_the_line(alone, hand_doc) -> None:
    doc = hand_doc(
        "Spannend blieb es in der [GTD-Klasse](CLASS:GTD) bis zuletzt. "
        "Mehrmals wechselte die Führung zwischen den Marken. "
        "Am Ende gewannen [Xaver Quast](DRIVER) und [Yannick Oblitz](DRIVER) die Klasse."
    )
    assert facts(alone, doc) == [("race", 1, "GTD", ["Xaver Quast", "Yannick Oblitz"])]


def test_a_sentence_opening_with_a_class_sets_the_class_of_the_next(alone, hand_doc) -> None:
    doc = hand_doc(
        "Im Qualifying war es eng.\n"
        "In der [LMP3-Klasse](CLASS:LMP3) lieferten sich zwei Marken ein Duell. "
        "[Xaver Quast](DRIVER) sicherte sich die Pole vor [Yannick Oblitz](DRIVER)."
    )
    assert facts(alone, doc) == [
        ("qualifying", 1, "LMP3", ["Xaver Quast"]),
        ("qualifying", 2, "LMP3", ["Yannick Oblitz"]),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In der [SP9](CLASS:SP9) siegte [Xaver Quast](DRIVER).",
        "[Xaver Quast](DRIVER), der die [GT4](CLASS:GT4) gewann, jubelte.",
        "Ruhig, während [Xaver Quast](DRIVER) die [Cup2](CLASS:Cup2) für sich entschied.",
    ],
)
def test_a_win_verb_about_a_class_is_a_class_win(alone, hand_doc, sentence) -> None:
    got = facts(alone, hand_doc(sentence))
    assert len(got) == 1 and got[0][:2] == ("race", 1) and got[0][2] is not None, got


def test_deciding_a_class_for_oneself_is_a_class_win_deciding_a_duel_none(alone, hand_doc) -> None:
    doc = hand_doc(
        "Ruhig blieb es, als [Xaver Quast](DRIVER) die [Cup2](CLASS:Cup2) für sich "
        "entscheiden konnte."
    )
    assert facts(alone, doc) == [("race", 1, "Cup2", ["Xaver Quast"])]
    doc = hand_doc("Den Zweikampf konnte [Xaver Quast](DRIVER) für sich entscheiden.")
    assert facts(alone, doc) == []


def test_a_cars_class_or_the_overall_win_is_no_class_win(alone, hand_doc) -> None:
    for text in (
        "Mit dem in der [GT4-Klasse](CLASS:GT4) gemeldeten Wagen siegte [Xaver Quast](DRIVER).",
        "In der [SP9](CLASS:SP9) holte [Xaver Quast](DRIVER) den Gesamtsieg.",
    ):
        assert facts(alone, hand_doc(text)) == [("race", 1, None, ["Xaver Quast"])], text


def test_a_neuter_ordinal_is_an_adjective_not_a_place(alone, hand_doc) -> None:
    doc = hand_doc("Zweites Rennen für [Xaver Quast](DRIVER) in diesem Jahr.")
    assert facts(alone, doc) == []


def test_a_win_with_its_class_right_after_is_a_class_win(alone, hand_doc) -> None:
    doc = hand_doc("Der Sieg in der [SP9](CLASS:SP9) ging an [Xaver Quast](DRIVER).")
    assert facts(alone, doc) == [("race", 1, "SP9", ["Xaver Quast"])]


def test_a_pole_title_gives_the_pole_to_the_name_after_it(alone, hand_doc) -> None:
    for title in ("Polesetter", "Pole-Sitter"):
        text = f"[Xaver Quast](DRIVER) überholte {title} [Ulf Ribbeck](DRIVER) und gewann."
        assert sorted(facts(alone, hand_doc(text))) == [
            ("qualifying", 1, None, ["Ulf Ribbeck"]),
            ("race", 1, None, ["Xaver Quast"]),
        ], title


def test_a_pole_title_of_the_past_or_without_a_name_gives_no_pole(alone, hand_doc) -> None:
    for text in (
        "Der ehemalige Polesetter [Ulf Ribbeck](DRIVER) fuhr mit.",
        "[Ulf Ribbeck](DRIVER) ist der Pole-Setter der Saison.",
    ):
        assert facts(alone, hand_doc(text)) == [], text


def test_completing_the_podium_is_third_place_for_one_crew(alone, hand_doc) -> None:
    for text in (
        "Das Podium komplettierte [Xaver Quast](DRIVER) im Werkswagen.",
        "[Xaver Quast](DRIVER) komplettierte als bester Privatier die Podestränge.",
    ):
        assert facts(alone, hand_doc(text)) == [("race", 3, None, ["Xaver Quast"])], text


def test_a_podium_completed_by_several_cars_gives_no_place(alone, hand_doc) -> None:
    text = (
        "In der [Formel 4](SERIES:ADAC Formel 4) komplettierten [Xaver Quast](DRIVER) und "
        "[Ulf Ribbeck](DRIVER) das Podium."
    )
    assert facts(alone, hand_doc(text)) == []
