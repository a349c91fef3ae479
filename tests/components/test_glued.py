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
