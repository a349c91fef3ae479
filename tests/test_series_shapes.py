"""Championships read by their shape: a regional adjective + ...meisterschaft, a cup compound."""

from __future__ import annotations

import gtextract


def series_names(extractor: gtextract.Extractor, text: str) -> list[str]:
    return [s.name for s in extractor(text).series]


def test_regional_adjective_and_hyphen_compound(extractor) -> None:
    text = "Er gewann einen Lauf zur westfälischen ADAC-Slalom-Meisterschaft am Samstag."
    assert series_names(extractor, text) == ["westfälischen ADAC-Slalom-Meisterschaft"]


def test_regional_adjective_and_closed_compound(extractor) -> None:
    text = "Die Norddeutsche Hallenkartmeisterschaft beginnt im Januar."
    assert series_names(extractor, text) == ["Norddeutsche Hallenkartmeisterschaft"]


def test_bare_meisterschaft_is_no_series(extractor) -> None:
    assert series_names(extractor, "Die hessische Meisterschaft ist entschieden.") == []


def test_nationwide_adjective_is_left_to_the_gazetteer(extractor) -> None:
    assert series_names(extractor, "Er fuhr um die deutsche Sprint-Meisterschaft.") == []


def test_no_adjective_no_series(extractor) -> None:
    assert series_names(extractor, "Die Slalom-Meisterschaft ist spannend.") == []


def test_cup_compound_is_a_series(extractor) -> None:
    text = "Tim Kessler gewann den Odenwald-Cup und führt im DMSB-Slalom-Kart-Cup."
    assert series_names(extractor, text) == ["Odenwald-Cup", "DMSB-Slalom-Kart-Cup"]


def test_cup_compound_with_a_class_or_make_is_no_series(extractor) -> None:
    text = "Tim Kessler gewann im Rookie-Cup, Jonas Brenninger im Porsche-Cup."
    assert series_names(extractor, text) == []


def test_cup_compound_naming_a_race_is_no_series(extractor) -> None:
    text = (
        "Beim 41. ADAC Odenwald-Cup siegte Tim Kessler, "
        "im Rennen um den Rhein-Cup Jonas Brenninger."
    )
    assert series_names(extractor, text) == []
