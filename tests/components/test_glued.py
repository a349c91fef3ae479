"""gtx_glued: words a flattened table glued together are split into tokens."""

from __future__ import annotations


def tokens(alone, blank_nlp, text: str) -> list[str]:
    doc = alone("gtx_glued")(blank_nlp.make_doc(text))
    assert doc.text == text  # only token boundaries change
    return [t.text for t in doc]


def test_a_make_glued_to_the_name_before_it(alone, blank_nlp) -> None:
    assert tokens(alone, blank_nlp, "Jonas BrenningerPorsche +1,234") == [
        "Jonas",
        "Brenninger",
        "Porsche",
        "+1,234",
    ]


def test_a_position_glued_to_the_name(alone, blank_nlp) -> None:
    assert tokens(alone, blank_nlp, "3.Jonas Brenninger")[:2] == ["3.", "Jonas"]


def test_a_place_glued_to_the_name_without_its_dot(alone, blank_nlp) -> None:
    assert tokens(alone, blank_nlp, "3Quast / Beck")[:2] == ["3", "Quast"]
    assert tokens(alone, blank_nlp, "(12Quast)")[:3] == ["(", "12", "Quast"]
    # a year or a longer number before a word is no place
    assert tokens(alone, blank_nlp, "2024Quast")[0] == "2024Quast"


def test_a_rally_class_glued_to_the_model(alone, blank_nlp) -> None:
    assert tokens(alone, blank_nlp, "Ford Fiesta R5RC2")[2:] == ["R5", "RC2"]
    assert tokens(alone, blank_nlp, "Mitsubishi Lancer E10RC2, dann")[2:4] == ["E10", "RC2"]
    assert tokens(alone, blank_nlp, "Das 24h-Rennen") == ["Das", "24h", "-", "Rennen"]


def test_a_word_of_a_gazetteer_name_is_no_glued_cell(alone, blank_nlp) -> None:
    # "4Motors" (Four Motors) and "7Up" (Team 7Up Jordan) are the teams' own spellings
    assert tokens(alone, blank_nlp, "Sieg für 4Motors") == ["Sieg", "für", "4Motors"]
    assert tokens(alone, blank_nlp, "Team 7Up Jordan")[1] == "7Up"


def test_a_name_glued_to_the_town_before_it(alone, blank_nlp) -> None:
    assert tokens(alone, blank_nlp, "HockenheimBrenninger (Porsche)")[:2] == [
        "Hockenheim",
        "Brenninger",
    ]


def test_a_surname_glued_to_the_given_name(alone, blank_nlp) -> None:
    assert tokens(alone, blank_nlp, "Sieg für JonasMeier") == ["Sieg", "für", "Jonas", "Meier"]


def test_glued_names_of_their_own_stay_whole(alone, blank_nlp) -> None:
    # a gazetteer name written glued; an unknown word before a given name
    assert tokens(alone, blank_nlp, "McLaren und ZuriKay") == ["McLaren", "und", "ZuriKay"]
    # a date and an abbreviation after a number are no glued position
    text = "Am 12.3. und 1.FC"
    assert tokens(alone, blank_nlp, text) == [t.text for t in blank_nlp.make_doc(text)]
