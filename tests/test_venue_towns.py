"""Town venues of rallies: read only in venue phrases (calendar brackets, 'rund um')."""

from __future__ import annotations

from spacy.tokens import Span

import gtextract
from gtextract.cues import AssemblyRules
from gtextract.gazetteers import package_data
from gtextract.venue_towns import TownVenues, town_at


def track_names(extractor: gtextract.Extractor, text: str) -> list[str]:
    return [t.name for t in extractor(text).tracks]


def test_calendar_line_bracket_names_the_rally_town(extractor) -> None:
    text = (
        "Der Kalender der Meisterschaft:\n"
        "3. Juni 2024: ADAC-Rallye Heideland (Soltau)\n"
        "9. Juli 2024: Rallye Mittelgebirge (Bad Lauterberg)\n"
    )
    names = track_names(extractor, text)
    assert "Soltau" in names
    assert "Bad Lauterberg" in names


def test_bracket_after_a_driver_is_a_hometown(extractor) -> None:
    text = "Bei der Rallye siegte Jonas Brenner (Soltau)\nvor Tim Albrecht."
    assert "Soltau" not in track_names(extractor, text)


def test_bracket_inside_a_line_is_no_venue(extractor) -> None:
    text = "Die Rallye (Soltau) war hart, sagte der Sieger.\n"
    assert "Soltau" not in track_names(extractor, text)


def towns_with_places(extractor, text: str, places: list[str]) -> list[str]:
    """Town venues of ``text`` where the base model's NER tagged ``places`` as LOC
    (the test extractor is blank, so the tags are set by hand)."""
    doc = extractor.process(text)
    doc.ents = [Span(doc, t.i, t.i + 1, label="LOC") for t in doc if t.text in places]
    finder = TownVenues(package_data().cues("assembly", AssemblyRules), frozenset())
    return [s.text for s in finder(doc)]


def test_rally_around_a_town_names_the_town(extractor) -> None:
    text = "Die Rallye rund um das märkische Neuruppin fand am Samstag statt."
    assert towns_with_places(extractor, text, ["Neuruppin"]) == ["Neuruppin"]


def test_around_needs_a_place_not_any_word(extractor) -> None:
    text = "Das Team rund um Teamchef Albrecht war zufrieden."
    assert towns_with_places(extractor, text, []) == []


def test_a_town_outside_venue_phrases_stays_out(extractor) -> None:
    text = "Der Sieger der Rallye kommt aus Neuruppin und fährt einen Skoda."
    assert towns_with_places(extractor, text, ["Neuruppin"]) == []


def test_town_names_with_openers_links_and_hyphens(extractor) -> None:
    doc = extractor.nlp.make_doc("nach St. Wendel, Weil am Rhein und Annaberg-Buchholz")
    starts = [1, 4, 8]
    assert [town_at(doc, i).text for i in starts] == [
        "St. Wendel",
        "Weil am Rhein",
        "Annaberg-Buchholz",
    ]
