"""gtx_gazetteer: series, tracks, makes, classes and events with their entry (kb_id)."""

from __future__ import annotations

from gtextract.components.gazetteer import _case_fits, _series_variants, _variants
from gtextract.components.spans import candidates, resolved


def labelled(doc, label: str) -> list[tuple[str, str]]:
    return [(s.text, s.kb_id_) for s in resolved(doc, label)]


def test_series_and_track_with_kb_id(doc) -> None:
    d = doc("Im ADAC GT Masters auf dem Nürburgring fuhr Lars ter Horst auf Platz zwei.")
    assert labelled(d, "SERIES") == [("ADAC GT Masters", "ADAC GT Masters")]
    assert labelled(d, "TRACK") == [("Nürburgring", "Nürburgring")]


def test_hyphen_and_space_variants_map_to_one_entry(doc) -> None:
    d = doc("Erst in Spa-Francorchamps, dann in Spa Francorchamps.")
    assert labelled(d, "TRACK") == [
        ("Spa-Francorchamps", "Spa-Francorchamps"),
        ("Spa Francorchamps", "Spa-Francorchamps"),
    ]


def test_make_variants(doc) -> None:
    d = doc("Der Aston-Martin fuhr neben dem Aston Martin her.")
    assert labelled(d, "MAKE") == [
        ("Aston-Martin", "Aston Martin"),
        ("Aston Martin", "Aston Martin"),
    ]


def test_track_alias_keeps_canonical_entry(doc) -> None:
    d = doc("Jonas Brenninger gewann in Hockenheim.")
    assert labelled(d, "TRACK") == [("Hockenheim", "Hockenheimring")]


def test_series_abbreviation_and_long_form_share_entry(doc) -> None:
    d = doc("In der Nürburgring Langstrecken-Serie fuhr er vorn. Die NLS geht weiter.")
    assert {kb for _, kb in labelled(d, "SERIES")} == {"Nürburgring Langstrecken-Serie"}
    assert [t for t, _ in labelled(d, "SERIES")] == ["Nürburgring Langstrecken-Serie", "NLS"]


def test_class_with_alias(doc) -> None:
    d = doc("In der SP9-Klasse gewann Jonas Brenninger.")
    assert labelled(d, "CLASS") == [("SP9-Klasse", "SP9")]


def test_event_with_track_inside(doc) -> None:
    d = doc("Beim 24h-Rennen von Spa-Francorchamps siegte Tim Kessler.")
    assert [s.text for s in resolved(d, "EVENT")] == ["24h-Rennen von Spa-Francorchamps"]


def test_session_words(doc) -> None:
    d = doc("Jonas Brenninger gewann das Rennen.")
    assert [(s.text, s.kb_id_) for s in resolved(d, "SESSION")] == [("Rennen", "race")]


def test_lower_case_prose_is_no_match(doc) -> None:
    # the make "Smart" only counts when written like a name
    d = doc("Der Smart fuhr vorn. Das war ein smart gefahrenes Rennen.")
    makes = [s.text for s in candidates(d, "MAKE")]
    assert makes == ["Smart"]


def test_variants_helper() -> None:
    assert set(_variants("Aston Martin")) == {"Aston Martin", "Aston-Martin"}
    assert set(_variants("Spa-Francorchamps")) == {"Spa-Francorchamps", "Spa Francorchamps"}
    assert list(_variants("Nürburgring")) == ["Nürburgring"]


def test_case_fits(doc) -> None:
    d = doc("dtm und DTM")
    assert _case_fits(d[2:3])
    assert not _case_fits(d[0:1])


def test_series_with_declined_adjective(doc) -> None:
    d = doc("Der Lauf zählt zur Deutschen Rallye Meisterschaft und zur italienischen Formel 4.")
    assert labelled(d, "SERIES") == [
        ("Deutschen Rallye Meisterschaft", "Deutsche Rallye-Meisterschaft"),
        ("italienischen Formel 4.", "Italienische Formel 4"),  # "4." is one token
    ]


def test_series_ending_in_a_number_before_a_full_stop(doc) -> None:
    d = doc("Jonas Brenninger fährt jetzt in der Formel 2. Danach folgt die Formel E.")
    assert [kb for _, kb in labelled(d, "SERIES")] == ["Formel 2", "Formel E"]


def test_series_variants_helper() -> None:
    assert list(_series_variants("Internationale Deutsche Meisterschaft")) == [
        "Internationalen Deutschen Meisterschaft"
    ]
    assert list(_series_variants("Formel-E")) == ["Formel-E.", "Formel-E-"]
    assert list(_series_variants("DTM")) == []
    assert list(_series_variants("Histo Cup")) == ["Histo Cups"]


def test_city_is_a_track_where_named_as_the_venue(doc) -> None:
    d = doc("Nach der Pause ging es in London weiter. Jonas Brenninger kommt aus London.")
    assert [(s.text, s.kb_id_, s.start) for s in resolved(d, "TRACK")] == [
        ("London", "ExCeL London", 6)
    ]


def test_city_in_an_event_name_is_a_nested_track(doc) -> None:
    d = doc("Bei den 24 Stunden von Dubai fuhr Jonas Brenninger auf Platz drei.")
    assert [s.kb_id_ for s in resolved(d, "EVENT")] == ["24h Dubai"]
    assert [(s.text, s.kb_id_) for s in d.spans["gtx_nested"]] == [("Dubai", "Dubai Autodrome")]


def test_hometown_city_is_no_track(doc) -> None:
    d = doc("Jonas Brenninger aus Berlin gewann auf dem Sachsenring.")
    assert labelled(d, "TRACK") == [("Sachsenring", "Sachsenring")]


def test_city_of_a_calendar_entry_is_a_track(doc) -> None:
    d = doc("Danach folgt London am 27. Juli.")
    assert [(s.text, s.kb_id_) for s in resolved(d, "TRACK")] == [("London", "ExCeL London")]


def test_city_naming_a_formula_e_race_is_a_track(doc) -> None:
    d = doc("Die Pole für den London ePrix holte Jonas Brenninger, beim Rom E-Prix war er Dritter.")
    assert [(s.text, s.kb_id_) for s in resolved(d, "TRACK")] == [
        ("London", "ExCeL London"),
        ("Rom", "Circuito Cittadino dell'EUR"),
    ]


def test_series_in_a_truncated_compound(doc) -> None:
    d = doc("Als einstiger Formel-1- und DTM-Pilot fuhr Jonas Brenninger vorn.")
    assert [kb for _, kb in labelled(d, "SERIES")] == ["Formel 1", "DTM"]


def test_short_capital_alias_only_in_capitals(doc) -> None:
    d = doc("Fahrer von ART lobten die Art, wie ARTs Mechaniker an der Bar arbeiteten.")
    assert [s.text for s in candidates(d, "TEAM")] == ["ART"]
    assert [s.text for s in candidates(d, "MAKE")] == []


def test_short_capital_alias_with_a_written_form_matches_any_case(doc) -> None:
    d = doc("Das Team Rowe kam mit dem Fiat, ROWE ohne FIAT.")
    assert [s.text for s in candidates(d, "MAKE")] == ["Fiat", "FIAT"]


def test_hill_climb_kart_rallycross_and_rally_venues(doc) -> None:
    d = doc(
        "Das Bergrennen Mickhausen gewann Jonas Brenninger vor Tim Kessler. Danach ging "
        "es zum Ibergrennen, zur Kartbahn Oppenrod und zum Rallycross nach Höljes. "
        "Am Rechberg und in Jyväskylä war Kessler schneller."
    )
    assert [kb for _, kb in labelled(d, "TRACK")] == [
        "Mickhausen",
        "Iberg",
        "Kartbahn Oppenrod",
        "Höljes",
        "Rechberg",
        "Jyväskylä",
    ]


def test_rally_base_town_is_a_venue_after_in_only(doc) -> None:
    d = doc("Der Servicepark steht in Wittenberg. Tim Kessler kommt aus Wittenberg.")
    assert [(s.text, s.kb_id_) for s in resolved(d, "TRACK")] == [
        ("Wittenberg", "Lutherstadt Wittenberg")
    ]


def test_rally_kart_motorcycle_and_national_series(doc) -> None:
    d = doc(
        "Tim Kessler fuhr in der WRC2, der Rallycross-EM und der Truck-EM, dann in der "
        "Kart-WM, der Rotax Max Challenge und der Motocross-WM. Jonas Brenninger startet "
        "in der British GT und der Französischen Formel 4, zuvor in der "
        "ABB FIA Formel-E-Weltmeisterschaft."
    )
    assert [kb for _, kb in labelled(d, "SERIES")] == [
        "WRC2",
        "Rallycross-Europameisterschaft",
        "Truck-Racing-Europameisterschaft",
        "Kart-Weltmeisterschaft",
        "Rotax Max Challenge",
        "Motocross-WM",
        "British GT",
        "Französische Formel 4",
        "Formel E",
    ]


def test_region_of_a_circuit_is_no_track(doc) -> None:
    d = doc("Die Lausitz-Rallye führt quer durch die Lausitz. Danach geht es zum Lausitzring.")
    assert [(s.text, s.kb_id_) for s in resolved(d, "TRACK")] == [("Lausitzring", "Lausitzring")]


def test_city_after_a_calendar_date_is_a_track(doc) -> None:
    d = doc("Der Kalender: 5. April Austin, 13.09.: Valencia. Jonas Brenninger lebt in der Nähe.")
    assert [(s.text, s.kb_id_) for s in resolved(d, "TRACK")] == [
        ("Austin", "Circuit of the Americas"),
        ("Valencia", "Circuit Ricardo Tormo"),
    ]


def test_city_listed_after_a_venue_is_a_track(doc) -> None:
    d = doc("Die Serie gastiert in Schleiz, Frohburg und Brünn. Tim Kessler, Budapest, gewann.")
    assert [(s.text, s.kb_id_) for s in resolved(d, "TRACK")] == [
        ("Schleiz", "Schleizer Dreieck"),
        ("Frohburg", "Frohburger Dreieck"),
        ("Brünn", "Brno"),
    ]


def test_city_cell_glued_to_the_next_cell_of_its_line_is_a_track(doc) -> None:
    # a flattened calendar: the venue cell runs into the winner's cell
    d = doc("Sieger 2030\nRomWeidenfeller (Jaguar)\nLondonBrenninger (Audi)\nKessler aus Berlin")
    assert [(s.text, s.kb_id_) for s in resolved(d, "TRACK")] == [
        ("Rom", "Circuito Cittadino dell'EUR"),
        ("London", "ExCeL London"),
    ]


def test_rally_raid_stage_towns(doc) -> None:
    d = doc("Die dritte Etappe führte von Neom nach Al-Ula, die vierte von Al-Ula nach Ha'il.")
    assert sorted({kb for _, kb in labelled(d, "TRACK")}) == ["Al-Ula", "Ha'il", "Neom"]


def test_series_in_the_genitive(doc) -> None:
    d = doc("Im zweiten Lauf des Porsche Carrera Cups siegte Jonas Brenninger.")
    assert labelled(d, "SERIES") == [("Porsche Carrera Cups", "Porsche Carrera Cup Deutschland")]


def test_motocross_speedway_and_more_circuit_forms(doc) -> None:
    d = doc(
        "Tim Kessler gewann in Valkenswaard und Teutschenthal, Jonas Brenninger in Vojens. "
        "Danach ging es zum Anneau du Rhin, nach Vila Real und ins Motorland."
    )
    assert [kb for _, kb in labelled(d, "TRACK")] == [
        "Valkenswaard",
        "Talkessel Teutschenthal",
        "Vojens",
        "Anneau du Rhin",
        "Vila Real",
        "MotorLand Aragón",
    ]
