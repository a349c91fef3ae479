"""The annotation guideline (``../shared/dev/GUIDELINE.md``), rule by rule.

One test per rule, named after the guideline's field heading ("Fields: drivers",
"Fields: results", ...). Every sentence is synthetic: invented names, short
German report language. A rule gtextract does not follow yet is an
``xfail(strict=True)`` whose reason says what goes wrong, so a fix shows up as
an unexpected pass.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import gtextract
from gtextract.evaluation.scoring import report_to_gold

PUBLISHED = date(2024, 5, 10)  # a Friday


@pytest.fixture(scope="module")
def gold(extractor: gtextract.Extractor) -> Any:
    """The scored fields of a synthetic text, as the dev gold writes them."""

    def read(text: str) -> dict[str, list[Any]]:
        return report_to_gold(extractor(text, published=PUBLISHED))

    return read


def names(found: dict[str, list[Any]], field: str) -> list[str]:
    return [str(x) for x in found[field]]


def results(found: dict[str, list[Any]]) -> set[tuple[str, int, str | None, str]]:
    return {(r["kind"], r["position"], r["class"], str(r["driver"])) for r in found["results"]}


def events(found: dict[str, list[Any]]) -> set[tuple[str | None, str | None, str]]:
    return {
        (None if e["track"] is None else str(e["track"]), e["date"], e["status"])
        for e in found["events"]
    }


# -- Fields: drivers -------------------------------------------------------------


def test_drivers_team_principal_is_not_a_driver(gold) -> None:
    found = gold(
        "Auf dem Lausitzring siegte Jonas Brenninger im Porsche. "
        "Teamchef Harald Brunner freute sich mit der ganzen Mannschaft."
    )
    assert names(found, "drivers") == ["Jonas Brenninger"]


def test_drivers_quoted_engineer_is_not_a_driver(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann auf dem Sachsenring. "
        "„Das lief perfekt“, sagte Ingenieur Michael Haller hinterher."
    )
    assert names(found, "drivers") == ["Jonas Brenninger"]


def test_drivers_father_and_photographer_are_not_drivers(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann das Rennen in Most. Sein Vater Klaus Brenninger "
        "jubelte an der Box.\n\nFotos: Peter Lindner"
    )
    assert names(found, "drivers") == ["Jonas Brenninger"]


def test_drivers_manufacturer_boss_is_not_a_driver(gold) -> None:
    found = gold("Sportchef Anton Weidinger lobte Jonas Brenninger nach dessen Sieg in Most.")
    assert names(found, "drivers") == ["Jonas Brenninger"]


def test_drivers_historic_winner_named_as_driver_counts(gold) -> None:
    found = gold("Jonas Brenninger gewann in Spa. Rekordsieger Anton Hufnagel gratulierte ihm.")
    assert set(names(found, "drivers")) == {"Jonas Brenninger", "Anton Hufnagel"}


def test_drivers_longest_form_once(gold) -> None:
    found = gold("Jonas Brenninger gewann in Most. Danach sagte Brenninger, er sei müde.")
    assert names(found, "drivers") == ["Jonas Brenninger"]


def test_drivers_rally_codriver_counts_and_shares_the_result(gold) -> None:
    found = gold(
        "Bei der Rallye Erzgebirge siegten Thomas Keller und sein Beifahrer Stefan Maurer."
    )
    assert set(names(found, "drivers")) == {"Thomas Keller", "Stefan Maurer"}
    assert results(found) == {
        ("race", 1, None, "Thomas Keller"),
        ("race", 1, None, "Stefan Maurer"),
    }


def test_drivers_copilot_counts(gold) -> None:
    found = gold("Die Rallye Sachsen gewann Thomas Keller mit Copilot Stefan Maurer.")
    assert ("race", 1, None, "Stefan Maurer") in results(found)


def test_drivers_motorcycle_rider_counts(gold) -> None:
    found = gold("Motorradpilot Jonas Brenninger gewann auf seiner Yamaha in Assen.")
    assert names(found, "drivers") == ["Jonas Brenninger"]


def test_drivers_truck_racer_counts(gold) -> None:
    found = gold("Truck-Pilot Jonas Brenninger gewann auf dem Nürburgring vor Lars Kessler.")
    assert set(names(found, "drivers")) == {"Jonas Brenninger", "Lars Kessler"}


def test_drivers_pseudonym_in_quotes_counts(gold) -> None:
    found = gold("Beim Bergrennen siegte ‚Schorsch‘ im Porsche vor Lars Kessler.")
    assert "Schorsch" in names(found, "drivers")


def test_drivers_surname_only_counts(gold) -> None:
    found = gold("Brenninger gewann das Rennen auf dem Sachsenring vor Kessler.")
    assert set(names(found, "drivers")) == {"Brenninger", "Kessler"}


def test_drivers_noun_opening_a_sentence_is_no_surname(gold) -> None:
    found = gold("Regen gewann am Ende die Oberhand, Lars Kessler siegte auf dem Sachsenring.")
    assert names(found, "drivers") == ["Lars Kessler"]


def test_drivers_adverb_opening_a_sentence_is_no_surname(gold) -> None:
    found = gold("Zweimalig siegte der Routinier Lars Kessler auf dem Sachsenring.")
    assert names(found, "drivers") == ["Lars Kessler"]


# -- Fields: teams ---------------------------------------------------------------


def test_teams_team_fused_onto_make_gives_the_team_part(gold) -> None:
    found = gold("Jonas Brenninger gewann im Reiter-Lamborghini auf dem Red Bull Ring.")
    assert names(found, "teams") == ["Reiter"]


def test_teams_manufacturer_alone_is_not_a_team(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann für das BMW Team Schnitzer auf dem Lausitzring. "
        "Audi hatte an diesem Tag nichts zu bestellen."
    )
    assert names(found, "teams") == ["BMW Team Schnitzer"]


def test_teams_longest_form_as_written(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann für Audi Sport Team Phoenix vor Lars Kessler von HTP Motorsport."
    )
    assert set(names(found, "teams")) == {"Audi Sport Team Phoenix", "HTP Motorsport"}


# -- Fields: cars ----------------------------------------------------------------


def test_cars_model_with_make_and_detail(gold) -> None:
    found = gold("Jonas Brenninger fuhr im Porsche 911 GT3 R von Team Rosberg auf Rang zwei.")
    assert names(found, "cars") == ["Porsche 911 GT3 R"]


def test_cars_bare_make_is_not_a_car(gold) -> None:
    found = gold("Jonas Brenninger gewann im Audi das Rennen auf dem Lausitzring.")
    assert names(found, "cars") == []


def test_cars_description_is_not_a_car(gold) -> None:
    found = gold("Jonas Brenninger gewann in Zolder mit dem US-Muscle-Car vor Lars Kessler.")
    assert names(found, "cars") == []


def test_cars_make_added_when_the_text_makes_it_clear(gold) -> None:
    found = gold(
        "Jonas Brenninger setzte auf den Audi. Mit dem R8 LMS gewann er das Rennen in Zolder."
    )
    assert names(found, "cars") == ["Audi R8 LMS"]


def test_cars_make_not_added_when_the_text_names_no_make(gold) -> None:
    found = gold("Mit dem R8 LMS gewann Jonas Brenninger das Rennen in Zolder vor Lars Kessler.")
    assert names(found, "cars") == ["R8 LMS"]


def test_cars_model_detail_at_sentence_end(gold) -> None:
    found = gold("Jonas Brenninger gewann im Porsche 911 GT3 R.")
    assert names(found, "cars") == ["Porsche 911 GT3 R"]


# -- Fields: tracks --------------------------------------------------------------


def test_tracks_town_used_as_venue(gold) -> None:
    found = gold("Jonas Brenninger gewann das Rennen des Porsche Carrera Cup Deutschland in Most.")
    assert names(found, "tracks") == ["Most"]


def test_tracks_nordschleife_when_written(gold) -> None:
    found = gold("Jonas Brenninger gewann das Rennen der NLS auf der Nordschleife.")
    assert names(found, "tracks") == ["Nordschleife"]


def test_tracks_short_town_form_as_written(gold) -> None:
    found = gold("Jonas Brenninger gewann das Rennen in Spa vor Lars Kessler.")
    assert names(found, "tracks") == ["Spa"]


# -- Fields: series --------------------------------------------------------------


def test_series_written_in_full(gold) -> None:
    found = gold("Jonas Brenninger gewann das Rennen der Deutschen Tourenwagen Masters in Zolder.")
    assert len(found["series"]) == 1


def test_series_abbreviated(gold) -> None:
    found = gold("Jonas Brenninger gewann das Rennen der DTM auf dem Norisring.")
    assert names(found, "series") == ["DTM"]


def test_series_vln_abbreviation(gold) -> None:
    found = gold("Jonas Brenninger gewann den vierten Lauf der VLN vor Lars Kessler.")
    assert names(found, "series") == ["VLN"]


def test_series_24h_race_is_an_event_not_a_series(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann in Zolder. Am 24. Juni steht das 24h-Rennen "
        "von Spa-Francorchamps an."
    )
    assert names(found, "series") == []
    assert events(found) == {("Spa-Francorchamps", "2024-06-24", "scheduled")}


# -- Fields: results -------------------------------------------------------------


@pytest.mark.parametrize(
    "retired",
    [
        "Lars Kessler fiel nach einem Unfall aus.",
        "Lars Kessler wurde disqualifiziert.",
        "Lars Kessler schied mit Motorschaden aus.",
        "Lars Kessler kam nicht ins Ziel.",
    ],
)
def test_results_retired_driver_gets_no_position(gold, retired: str) -> None:
    found = gold(f"Jonas Brenninger gewann das Rennen am Nürburgring. {retired}")
    assert results(found) == {("race", 1, None, "Jonas Brenninger")}


def test_results_table_row_marked_retired_gives_no_position(gold) -> None:
    found = gold(
        "Ergebnis\n1. Jonas Brenninger/Lars Kessler\n2. Tim Weber/Max Ostermann\n"
        "DNF Paul Riedl/Karl Sommer\n"
    )
    assert {driver for _, _, _, driver in results(found)} == {
        "Jonas Brenninger",
        "Lars Kessler",
        "Tim Weber",
        "Max Ostermann",
    }


def test_results_class_win(gold) -> None:
    found = gold("Jonas Brenninger holte den Klassensieg in der SP9 vor Lars Kessler.")
    assert results(found) == {
        ("race", 1, "SP9", "Jonas Brenninger"),
        ("race", 2, "SP9", "Lars Kessler"),
    }


@pytest.mark.xfail(
    strict=True,
    reason='"Gesamtsieger" is no win word (a data entry for it was measured with the '
    "list rule below and cost 0.001 on silver untouched results, so it was not kept)",
)
def test_results_overall_winner_is_classless(gold) -> None:
    found = gold("Jonas Brenninger gewann das Rennen in Most. Gesamtsieger wurde Lars Kessler.")
    assert ("race", 1, None, "Lars Kessler") in results(found)


@pytest.mark.xfail(
    strict=True,
    reason='a class named before the position in the same clause ("in der Klasse '
    'Cup2 den zweiten Platz") is not given to the position',
)
def test_results_class_named_before_the_place(gold) -> None:
    found = gold("Lars Kessler belegte in der Klasse Cup2 den zweiten Platz.")
    assert results(found) == {("race", 2, "Cup2", "Lars Kessler")}


@pytest.mark.xfail(
    strict=True,
    reason='"Gesamtzweiter" is a blocking word (for standings) and the class win of '
    "the same subject is then lost too",
)
def test_results_overall_and_class_position_of_one_driver(gold) -> None:
    found = gold("Jonas Brenninger wurde in Most Gesamtzweiter und gewann die Klasse Cup3.")
    assert results(found) == {
        ("race", 2, None, "Jonas Brenninger"),
        ("race", 1, "Cup3", "Jonas Brenninger"),
    }


@pytest.mark.xfail(
    strict=True,
    reason="a class won in the second half of a sentence is also given to the overall "
    "win of the first half",
)
def test_results_class_stays_in_its_clause(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann das Rennen am Lausitzring und Lars Kessler gewann die Klasse Cup2."
    )
    assert results(found) == {
        ("race", 1, None, "Jonas Brenninger"),
        ("race", 1, "Cup2", "Lars Kessler"),
    }


def test_results_pole_is_qualifying_first(gold) -> None:
    found = gold(
        "Jonas Brenninger sicherte sich die Pole-Position auf dem Hockenheimring. "
        "Lars Kessler startet von Platz zwei."
    )
    assert results(found) == {
        ("qualifying", 1, None, "Jonas Brenninger"),
        ("qualifying", 2, None, "Lars Kessler"),
    }


def test_results_listed_places_with_numbers(gold) -> None:
    found = gold("Die Plätze fünf und sechs gingen an Jonas Brenninger und Lars Kessler.")
    assert results(found) == {
        ("race", 5, None, "Jonas Brenninger"),
        ("race", 6, None, "Lars Kessler"),
    }


@pytest.mark.xfail(
    strict=True,
    reason='names after "vor" joined by "und" are read as one crew (both 7th) outside '
    "formula series; a lone-driver rule was measured and not kept (see above)",
)
def test_results_lone_driver_ahead_of_a_list(gold) -> None:
    found = gold("Jonas Brenninger wurde Sechster vor Lars Kessler und Tim Weber.")
    assert results(found) == {
        ("race", 6, None, "Jonas Brenninger"),
        ("race", 7, None, "Lars Kessler"),
        ("race", 8, None, "Tim Weber"),
    }


def test_results_crew_ahead_of_a_crew_stays_crews(gold) -> None:
    found = gold("Jonas Brenninger/Max Ostermann wurden Sechste vor Lars Kessler und Tim Weber.")
    assert {p for _, p, _, _ in results(found)} == {6, 7}


def test_results_podium_completed_gives_no_positions(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann das Rennen. Das Podium komplettierten Lars Kessler und Tim Weber."
    )
    assert results(found) == {("race", 1, None, "Jonas Brenninger")}


def test_results_standings_are_not_results(gold) -> None:
    found = gold("Jonas Brenninger führt die Meisterschaft mit 120 Punkten vor Lars Kessler an.")
    assert results(found) == set()


def test_results_car_without_driver_is_skipped(gold) -> None:
    assert results(gold("Der Porsche von Team Rosberg wurde Dritter.")) == set()


def test_results_midrace_order_is_not_a_result(gold) -> None:
    found = gold(
        "In Runde zehn lag Lars Kessler noch auf Platz zwei, am Ende siegte Jonas Brenninger."
    )
    assert results(found) == {("race", 1, None, "Jonas Brenninger")}


def test_results_comma_joined_clauses_keep_their_own_places(gold) -> None:
    found = gold("Der Sieg ging an Jonas Brenninger, Lars Kessler wurde Zweiter.")
    assert results(found) == {
        ("race", 1, None, "Jonas Brenninger"),
        ("race", 2, None, "Lars Kessler"),
    }


def test_results_career_statistics_are_not_results(gold) -> None:
    found = gold(
        "Jonas Brenninger feierte auf dem Lausitzring seinen dritten Saisonsieg. "
        "Insgesamt hat er schon 15 Rennen gewonnen."
    )
    assert results(found) == {("race", 1, None, "Jonas Brenninger")}


def test_results_last_years_win_is_not_a_result(gold) -> None:
    found = gold(
        "Jonas Brenninger wurde Dritter in Most. Im vergangenen Jahr hatte er hier gewonnen."
    )
    assert results(found) == {("race", 3, None, "Jonas Brenninger")}


def test_results_earlier_round_is_past(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann das Rennen auf dem Hockenheimring. Zuvor hatte "
        "Lars Kessler beim Saisonauftakt in Oschersleben gewonnen."
    )
    assert results(found) == {("race", 1, None, "Jonas Brenninger")}


@pytest.mark.xfail(
    strict=True,
    reason="an earlier year in a relative clause blocks the whole sentence, also "
    "this race's place in the main clause",
)
def test_results_past_win_in_relative_clause_keeps_todays_place(gold) -> None:
    found = gold("Jonas Brenninger, der hier 2019 gewonnen hatte, wurde diesmal Dritter.")
    assert results(found) == {("race", 3, None, "Jonas Brenninger")}


@pytest.mark.xfail(
    strict=True,
    reason="a grid slot after a penalty is taken instead of the qualifying rank "
    '("Bestzeit" is no position cue)',
)
def test_results_qualifying_rank_wins_over_penalised_grid_slot(gold) -> None:
    found = gold(
        "Jonas Brenninger fuhr im Qualifying die Bestzeit, wurde aber wegen einer "
        "Strafe nach hinten versetzt und startet von Position vier."
    )
    assert results(found) == {("qualifying", 1, None, "Jonas Brenninger")}


def test_results_pole_goes_to_the_pole_setter(gold) -> None:
    found = gold(
        "Im Qualifying fehlten Lars Kessler 0,847 Sekunden auf die Pole-Zeit von Jonas Brenninger."
    )
    assert ("qualifying", 1, None, "Jonas Brenninger") in results(found)


# -- Fields: gaps_s --------------------------------------------------------------


@pytest.mark.parametrize(
    ("margin", "seconds"),
    [
        ("mit knapp zwei Zehnteln Vorsprung", 0.2),
        ("mit 20 Tausendstel Vorsprung", 0.02),
        ("mit drei Sekunden Vorsprung", 3.0),
        ("mit 0,024 Sekunden Vorsprung", 0.024),
        ("mit knapp 10 Sekunden Vorsprung", 10.0),
        ("mit +2.345s Vorsprung", 2.345),
    ],
)
def test_gaps_final_margin_in_seconds(gold, margin: str, seconds: float) -> None:
    found = gold(f"Jonas Brenninger gewann das Rennen in Oschersleben {margin} auf Lars Kessler.")
    assert found["gaps"] == [pytest.approx(seconds)]


def test_gaps_english_notation_in_a_list(gold) -> None:
    found = gold(
        "1. Jonas Brenninger (Porsche) 45:12.345\n2. Lars Kessler (Audi) +2.345s\n"
        "3. Tim Weber (BMW) +1 Runde\n"
    )
    assert found["gaps"] == [pytest.approx(2.345)]


def test_gaps_minutes_to_pole(gold) -> None:
    found = gold(
        "Im Qualifying fehlten Lars Kessler 1:04,847 Minuten auf die Pole-Zeit "
        "von Jonas Brenninger."
    )
    assert found["gaps"] == [pytest.approx(64.847)]


def test_gaps_qualifying_gap_to_pole(gold) -> None:
    found = gold(
        "Jonas Brenninger sicherte sich die Pole-Position. Lars Kessler fehlten "
        "0,312 Sekunden auf die Bestzeit."
    )
    assert found["gaps"] == [pytest.approx(0.312)]


@pytest.mark.parametrize(
    "not_a_gap",
    [
        "Jonas Brenninger gewann mit einer Runde Vorsprung auf Lars Kessler.",
        "Jonas Brenninger erhielt eine Zeitstrafe von fünf Sekunden.",
        "Jonas Brenninger fuhr in 1:34,847 Minuten die schnellste Runde.",
        "Zur Rennmitte lag Lars Kessler noch 8,2 Sekunden hinter Jonas Brenninger.",
    ],
)
def test_gaps_not_laps_penalties_lap_times_or_midrace(gold, not_a_gap: str) -> None:
    assert gold(not_a_gap)["gaps"] == []


@pytest.mark.parametrize(
    "not_a_gap",
    [
        "Jonas Brenninger brauchte für die Distanz 1:45:12,345 Stunden und gewann.",
        "Jonas Brenninger gewann 2016 in Most mit 4,2 Sekunden Vorsprung.",
    ],
)
def test_gaps_not_race_times_or_historic_margins(gold, not_a_gap: str) -> None:
    assert gold(not_a_gap)["gaps"] == []


def test_gaps_half_a_second_in_words(gold) -> None:
    found = gold("Jonas Brenninger gewann mit einer halben Sekunde Vorsprung vor Lars Kessler.")
    assert found["gaps"] == [pytest.approx(0.5)]


# -- Fields: events --------------------------------------------------------------


def test_events_next_race_is_scheduled(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann auf dem Hockenheimring. Am kommenden Wochenende "
        "geht es im ADAC GT Masters auf dem Sachsenring weiter."
    )
    assert events(found) == {("Sachsenring", None, "scheduled")}


def test_events_cancelled(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann auf dem Hockenheimring. Das Rennen auf dem "
        "Norisring wurde abgesagt."
    )
    assert events(found) == {("Norisring", None, "cancelled")}


def test_events_postponed_gives_old_and_new_slot(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann auf dem Hockenheimring. Das Rennen in Zandvoort "
        "wurde vom 12. Juni auf den 14. August verschoben."
    )
    assert events(found) == {
        ("Zandvoort", "2024-06-12", "cancelled"),
        ("Zandvoort", "2024-08-14", "scheduled"),
    }


def test_events_postponed_without_new_date_is_only_cancelled(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann auf dem Hockenheimring. Das Rennen in Zandvoort "
        "wurde verschoben, einen Ersatztermin gibt es noch nicht."
    )
    assert events(found) == {("Zandvoort", None, "cancelled")}


def test_events_uncertain_is_scheduled(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann auf dem Hockenheimring. Ob das Rennen in Zandvoort "
        "am 20. Juni stattfindet, ist noch offen."
    )
    assert events(found) == {("Zandvoort", "2024-06-20", "scheduled")}


def test_events_past_races_are_not_events(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann das Rennen auf dem Hockenheimring. Zwei Wochen "
        "zuvor hatte Lars Kessler in Oschersleben gesiegt."
    )
    assert found["events"] == []


def test_events_second_heat_of_the_weekend_is_scheduled(gold) -> None:
    found = gold(
        "Jonas Brenninger holte die Pole-Position mit 0,024 Sekunden Vorsprung auf "
        "Lars Kessler. Der zweite Lauf folgt am Sonntag."
    )
    assert [e["status"] for e in found["events"]] == ["scheduled"]


def test_events_race_still_to_come_after_qualifying(gold) -> None:
    found = gold(
        "Das Qualifying ist vorbei: Jonas Brenninger startet von der Pole-Position. "
        "Das Rennen beginnt am Sonntag um 13 Uhr."
    )
    assert [e["status"] for e in found["events"]] == ["scheduled"]


def test_events_race_starting_without_a_qualifying_told_is_no_event(gold) -> None:
    found = gold("Jonas Brenninger ist bereit. Das Rennen beginnt am Sonntag um 13 Uhr.")
    assert found["events"] == []


def test_events_month_without_day_has_no_date(gold) -> None:
    found = gold("Im Juni geht es mit dem Rennen auf dem Norisring weiter.")
    assert events(found) == {("Norisring", None, "scheduled")}


def test_events_next_heat_of_the_weekend_keeps_the_venue(gold) -> None:
    found = gold(
        "Jonas Brenninger gewann das erste Rennen in Most. Am Sonntag folgt das zweite Rennen."
    )
    assert events(found) == {("Most", None, "scheduled")}


def test_events_races_still_to_come_one_entry_each(gold) -> None:
    found = gold("Nach dem Qualifying am Samstag stehen am Sonntag in Most noch zwei Rennen an.")
    assert len(found["events"]) == 2
    assert {str(e["track"]) for e in found["events"]} == {"Most"}
