"""gtx_teams: entrant names by team words and fused team-make compounds."""

from __future__ import annotations

import pytest

from gtextract.components.spans import resolved


def teams(doc) -> list[str]:
    return [s.text for s in resolved(doc, "TEAM")]


def test_team_word_after_name(doc) -> None:
    assert teams(doc("MRS GT-Racing kam mit dem Porsche ins Ziel.")) == ["MRS GT-Racing"]


def test_team_word_before_name(doc) -> None:
    assert teams(doc("Das Team Rosberg setzte einen Audi R8 LMS ein.")) == ["Team Rosberg"]


def test_long_team_name_with_make_inside(doc) -> None:
    d = doc("Die BMW Sports Trophy Team Schubert setzte zwei Autos ein.")
    assert teams(d) == ["BMW Sports Trophy Team Schubert"]


def test_fused_team_and_make(report) -> None:
    r = report("Der Abt-Audi von Jonas Brenninger kam ins Ziel.")
    assert [t.name for t in r.teams] == ["Abt"]
    assert r.teams[0].mentions[0].text == "Abt"


def test_fused_team_with_car_model(report) -> None:
    r = report("Jonas Brenninger fuhr den Kessler-Audi R8 LMS.")
    assert [t.name for t in r.teams] == ["Kessler"]
    assert [c.name for c in r.cars] == ["Audi R8 LMS"]


def test_team_word_alone_is_no_team(doc) -> None:
    assert teams(doc("Das Team war mit dem Ergebnis zufrieden.")) == []


def test_manufacturer_alone_is_no_team(report) -> None:
    assert report("Der Porsche fuhr vorn, dahinter der BMW.").teams == []


def test_constructors_are_teams_in_formula_1(report) -> None:
    r = report("In der Formel 1 gewann Ferrari vor Mercedes.")
    assert [t.name for t in r.teams] == ["Ferrari", "Mercedes"]


def test_kerner_audi(report) -> None:
    r = report("Jonas Brenninger fuhr den Kerner-Audi R8 ins Ziel.")
    assert [t.name for t in r.teams] == ["Kerner"]
    assert [c.name for c in r.cars] == ["Audi R8"]


def test_marc_vds_bmw(doc) -> None:
    assert teams(doc("Jonas Brenninger fuhr den Marc VDS-BMW ins Ziel.")) == ["Marc VDS"]


@pytest.mark.xfail(
    strict=True,
    reason="'Eifel' is in not_names, so the name after 'Racing Group' is cut: "
    "docstring example 'Racing Group Eifel' gives team 'Racing Group'",
)
def test_racing_group_eifel(doc) -> None:
    assert teams(doc("Jonas Brenninger gewann für die Racing Group Eifel das Rennen.")) == [
        "Racing Group Eifel"
    ]


def test_entrant_run_by_another_team(report) -> None:
    r = report("Sieger wurde Paul Brenner im Audi von Kessler Racing by Weiss Motorsport.")
    assert "Kessler Racing by Weiss Motorsport" in [t.name for t in r.teams]


def test_powered_by_is_no_entrant(report) -> None:
    r = report("Die Lauffeld Trophy powered by Nordmann startet im Mai.")
    assert r.teams == []


def test_team_name_is_written_without_its_legal_form(doc) -> None:
    assert teams(doc("Die Quast Motorsport GmbH setzte zwei Autos ein.")) == ["Quast Motorsport"]


def test_company_named_by_its_legal_form_is_no_team(doc) -> None:
    d = doc("Der Veranstalter Ribbeck Events GmbH sagte das Rennen ab.")
    assert teams(d) == []
    assert [s.text for s in resolved(d, "ORG")] == ["Ribbeck Events GmbH"]


def test_noun_compound_with_team_is_no_team(doc) -> None:
    d = doc("Das Frauen-Team von Jonas Brenninger war schnell, das Quast-Team auch.")
    assert teams(d) == ["Quast-Team"]


def test_genitive_teams_is_one_team(doc) -> None:
    assert teams(doc("Der Fahrer des Quast Racing Teams gewann.")) == ["Quast Racing"]
    assert teams(doc("Die Quast Racing Teams fuhren vorn.")) == []


def test_noun_compound_with_linking_s_is_no_team(doc) -> None:
    assert teams(doc("Der Verein sagte mit seinem Organisations-Team die Veranstaltung ab.")) == []


def test_counted_noun_before_team_word_is_no_team(doc) -> None:
    d = doc("Nach sieben Stunden Rennsport brach die Rennleitung das Rennen ab.")
    assert teams(d) == []


def test_digit_before_team_name_keeps_the_team(doc) -> None:
    d = doc("Ergebnis: 3 Mücke Motorsport vor Klaus Brenninger.")
    assert teams(d) == ["Mücke Motorsport"]


def test_class_before_hyphen_team_is_not_part_of_the_name(doc) -> None:
    d = doc("Neu im Feld ist das GT3-Team Falkenstein Corse mit zwei Autos.")
    assert teams(d) == ["Team Falkenstein Corse"]


def test_series_before_a_team_compound_stays_the_series(doc) -> None:
    d = doc("Neu im Feld ist das ELMS-Meisterteam Falkenstein Corse mit zwei Autos.")
    assert teams(d) == ["Falkenstein Corse"]
    assert [s.text for s in resolved(d, "SERIES")] == ["ELMS"]


def test_make_with_werksteam_is_no_team(doc) -> None:
    assert teams(doc("Unterstützt wurde die Mannschaft durch das Peugeot Werksteam.")) == []


def test_team_name_before_staff_role_compound_is_no_team(doc) -> None:
    d = doc("Das sagte Brenninger Motorsport-Chef Jonas Kessler nach dem Rennen.")
    assert teams(d) == []


def test_team_name_before_driver_compound_stays_a_team(doc) -> None:
    d = doc("Der Brenninger Motorsport-Pilot Jonas Kessler gewann das Rennen.")
    assert teams(d) == ["Brenninger Motorsport"]


def test_silver_arrows_nickname_is_no_team(report) -> None:
    r = report("Die beiden Silberpfeile kamen vor Jonas Brenninger ins Ziel.")
    assert r.teams == []


def test_doubled_flag_country_ends_the_team_name(doc) -> None:
    d = doc("Zweiter: SchweizSchweiz Kai Brenner ItalienItalien Scuderia Ferrari")
    assert teams(d) == ["Scuderia Ferrari"]


def test_listed_team_before_staff_role_compound_is_no_team(report) -> None:
    r = report("Das lobte Volkswagen Motorsport-Direktor Jonas Kessler nach dem Rennen.")
    assert r.teams == []
    d = report("Volkswagen Motorsport setzte drei Autos ein.")
    assert [t.name for t in d.teams] == ["Volkswagen Motorsport"]


def test_formula_1_in_a_drivers_role_makes_no_constructor_teams(report) -> None:
    r = report("Der frühere Formel-1-Pilot Jonas Kessler siegte im Porsche vor Audi in Le Mans.")
    assert r.teams == []


def test_entrant_after_a_drivers_age_and_home(report) -> None:
    r = report(
        "Schnellster war Jonas Kessler (19, Bonn, Blitzwerk) vor Kai Brenner "
        "(22, Österreich, Brenner Racing) und Tim Vogt (20, Mainz)."
    )
    assert [t.name for t in r.teams] == ["Blitzwerk", "Brenner Racing"]


def test_initials_like_a_country_code_before_the_team_word(doc) -> None:
    d = doc("Vorne lag Kai Berger (KR Motorsport) vor Tim Vogt (GER).")
    assert teams(d) == ["KR Motorsport"]


def test_sponsor_named_before_a_race_is_no_team(doc) -> None:
    d = doc(
        "Beim Brenner Racing 12. DMV Münsterlandpokal und dem ROWE 6-Stunden-Rennen "
        "siegte Kai Berger."
    )
    assert teams(d) == []
    assert teams(doc("ROWE Racing siegte vor Kai Berger.")) == ["ROWE Racing"]


def test_engine_make_after_a_constructor_is_no_team(report) -> None:
    r = report("In der Formel 1 gewann Ferrari vor dem Williams-Renault von Kai Berger.")
    assert [t.name for t in r.teams] == ["Ferrari", "Williams"]
    r = report("In der Formel 1 holte Kai Berger im Alfa-Sauber zwei Punkte.")
    assert "Sauber" in [t.name for t in r.teams]


def test_common_noun_after_a_team_word_is_no_name(doc) -> None:
    assert teams(doc("Beim Motorsport Festival in Hockenheim gewann Kai Berger.")) == []
    assert teams(doc("Kai Berger fuhr für Team Kessler.")) == ["Team Kessler"]


def test_team_before_staff_role_compound_is_no_driver(doc) -> None:
    d = doc("Das lobte Kessler Motorsport-Teamchef Jens Kessler nach dem Rennen.")
    assert teams(d) == []
    assert [s.text for s in resolved(d, "DRIVER")] == []


def test_team_word_before_an_event_noun_is_no_team(doc) -> None:
    d = doc("Beim ADAC Racing Weekend siegte Kai Berger vor der Motorsport Gala.")
    assert teams(d) == []
    assert teams(doc("Kai Berger fuhr den Porsche Cup für Kessler Racing.")) == ["Kessler Racing"]


def test_porsche_works_team_is_no_team_name(report) -> None:
    r = report("Der Sieg ging an das Porsche-Werksteam vor dem Porsche Werksteam aus Weissach.")
    assert r.teams == []


def test_team_word_ending_the_text(report) -> None:
    assert report("Ein Rekord für das Team").teams == []
    assert [t.name for t in report("Ein Rekord für das Jonas Quast Team").teams] == [
        "Jonas Quast Team"
    ]


def test_club_in_a_drivers_brackets_is_the_entrant(report) -> None:
    r = report(
        "Den Tagessieg holte Tobias Wendler (MSC Hollfeld) vor Karl Amsel (MC Rotbach) "
        "und Udo Fink (AC Passau)."
    )
    assert [t.name for t in r.teams] == ["MSC Hollfeld", "MC Rotbach", "AC Passau"]


def test_club_with_legal_form_after_age_and_home_is_the_entrant(report) -> None:
    r = report("Jonas Brenninger (18, Bonn, ADAC Nordbaden e.V.) gewann das Rennen.")
    assert [t.name for t in r.teams] == ["ADAC Nordbaden"]


def test_organising_club_is_no_team(report) -> None:
    r = report("Der veranstaltende MSC Hollfeld e.V. musste die Rallye leider absagen.")
    assert r.teams == []
    assert report("Den dritten Slalom des AMC Rotbach gewann Jonas Brenninger.").teams == []


def test_word_of_a_headline_in_capitals_ends_the_team_name(doc) -> None:
    assert teams(doc("AUDI UND TEAM ROSBERG GEWINNEN IN ZANDVOORT")) == ["TEAM ROSBERG"]


def test_hyphen_chain_fused_to_a_make_is_the_whole_team(doc) -> None:
    d = doc("Neben ihm steht der zweite Ubbo-Racing-KRT-Mercedes von Xaver Quast.")
    assert teams(d) == ["Ubbo-Racing-KRT"]


def test_formula_e_entrant_written_in_mixed_case(report) -> None:
    r = report("In der Formel E wurde Xaver Quast (Nio) Achter.")
    assert [t.name for t in r.teams] == ["Nio"]
