"""Regional championships read by their shape: a regional adjective + ...meisterschaft."""

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
