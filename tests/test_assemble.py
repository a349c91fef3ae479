"""gtextract.assemble: labelled spans -> RaceReport (clustering, names, details)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from gtextract import names
from gtextract.assemble import Assembler, Mention, _same_entity, _title, cluster
from gtextract.components import contract
from gtextract.components.contract import ResultFact
from gtextract.components.spans import RESOLVED, resolved
from gtextract.cues import AssemblyRules
from gtextract.gazetteers import DataSource, package_data


def m(text: str, start: int, kb: str = "", label: str = "DRIVER") -> Mention:
    return Mention(text, start, start + len(text), kb, label)


# --------------------------------------------------------------------------- clustering


def test_bare_surname_joins_full_name() -> None:
    clusters = cluster([m("Brenninger", 40), m("Jonas Brenninger", 0)])
    assert len(clusters) == 1
    (c,) = clusters
    assert c.name == "Jonas Brenninger"
    assert [x.start_char for x in c.mentions] == [0, 40]  # text order


def test_genitive_surname_joins() -> None:
    (c,) = cluster([m("Jonas Brenninger", 0), m("Brenningers", 30)])
    assert [x.text for x in c.mentions] == ["Jonas Brenninger", "Brenningers"]


def test_different_people_stay_apart() -> None:
    clusters = cluster([m("Jonas Brenninger", 0), m("Tim Kessler", 20), m("Kessler", 50)])
    assert [c.name for c in clusters] == ["Jonas Brenninger", "Tim Kessler"]
    assert [len(c.mentions) for c in clusters] == [1, 2]


def test_same_surname_different_given_names_stay_apart() -> None:
    clusters = cluster([m("Jonas Brenninger", 0), m("Tim Brenninger", 30)])
    assert len(clusters) == 2


def test_particle_surname_joins() -> None:
    (c,) = cluster([m("Lars ter Horst", 0), m("ter Horst", 30)])
    assert c.name == "Lars ter Horst"


def test_by_entry_joins_aliases_of_one_gazetteer_entry() -> None:
    mentions = [
        m("Nürburgring Langstrecken-Serie", 0, "Nürburgring Langstrecken-Serie", "SERIES"),
        m("NLS", 50, "Nürburgring Langstrecken-Serie", "SERIES"),
    ]
    assert len(cluster(mentions)) == 2
    (c,) = cluster(mentions, by_entry=True)
    assert c.name == "Nürburgring Langstrecken-Serie"


def test_canonical_entry_name_wins_when_written() -> None:
    mentions = [
        m("Spa Francorchamps", 0, "Spa-Francorchamps", "TRACK"),
        m("Spa-Francorchamps", 30, "Spa-Francorchamps", "TRACK"),
    ]
    (c,) = cluster(mentions, by_entry=True)
    assert c.name == "Spa-Francorchamps"


def test_entries_with_other_numbers_stay_apart() -> None:
    mentions = [
        m("Supersport 600", 0, "IDM Supersport", "SERIES"),
        m("Supersport 300", 20, "IDM Supersport 300", "SERIES"),
    ]
    names = [c.name for c in cluster(mentions, by_entry=True)]
    assert names == ["Supersport 600", "Supersport 300"]


def test_team_written_with_another_frame_word_is_one_team() -> None:
    """ "Team", "Rennstall" or a legal form around a team's name tell no two teams apart."""
    frames = Assembler().team_frames
    mentions = [
        m("Rennstall Falkenau Racing", 0, label="TEAM"),
        m("Team Falkenau Racing", 40, label="TEAM"),
        m("Kessler Motorsport GmbH", 80, label="TEAM"),
        m("Team Kessler Motorsport", 120, label="TEAM"),
    ]
    assert len(cluster(mentions, by_entry=True)) == 4
    clusters = cluster(mentions, by_entry=True, frames=frames)
    assert [[x.start_char for x in c.mentions] for c in clusters] == [[0, 40], [80, 120]]


def test_team_short_form_is_the_long_ones_words_in_a_row() -> None:
    """ "Falkenau Sport" is another team than "Audi Sport Team Falkenau": its words are
    in the long name, but not in a row; "Falkenau" alone and "Team Falkenau" join."""
    frames = Assembler().team_frames
    mentions = [
        m("Audi Sport Team Falkenau", 0, label="TEAM"),
        m("Falkenau Sport", 40, label="TEAM"),
        m("Team Falkenau", 60, label="TEAM"),
        m("Falkenau", 80, label="TEAM"),
    ]
    assert len(cluster(mentions, by_entry=True)) == 1
    clusters = cluster(mentions, by_entry=True, frames=frames)
    assert [[x.start_char for x in c.mentions] for c in clusters] == [[0, 60, 80], [40]]


def test_same_entity_rules() -> None:
    assert _same_entity("Brenninger", "Jonas Brenninger")
    assert _same_entity("Brenniger", "Brenninger")  # fuzzy spelling
    assert _same_entity("Kelvin van der Linde", "Kelvin van der Linde")
    assert not _same_entity("Kessler", "Jonas Brenninger")
    assert not _same_entity("", "Jonas Brenninger")


# --------------------------------------------------------------------------- names and details


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("Jonas Brenninger", "Jonas", "Brenninger"),
        ("Lars ter Horst", "Lars", "ter Horst"),
        ("Kelvin van der Linde", "Kelvin", "van der Linde"),
        ("Hans-Joachim Brenninger", "Hans-Joachim", "Brenninger"),
        ("Brenninger", None, "Brenninger"),
        ("van der Linde", None, "van der Linde"),
    ],
)
def test_split_name(name: str, first: str | None, last: str) -> None:
    assert names.split_name(name) == (first, last)


def test_driver_record_splits_the_name_at_its_particle(extractor) -> None:
    r = extractor("Lars ter Horst gewann das Rennen.")
    assert [(d.first_name, d.last_name) for d in r.drivers] == [("Lars", "ter Horst")]


def test_driver_details_from_brackets(extractor) -> None:
    r = extractor("Aurelio Bassani (23, Italien, MRS GT-Racing) gewann das Rennen.")
    (driver,) = r.drivers
    assert driver.model_dump(include={"age", "nationality", "team", "hometown"}) == {
        "age": 23,
        "nationality": "IT",
        "team": "MRS GT-Racing",
        "hometown": None,
    }


def test_details_on_a_later_mention(extractor) -> None:
    r = extractor("Jonas Brenninger gewann. Brenninger (19, Österreich) war überglücklich.")
    (driver,) = r.drivers
    assert (driver.age, driver.nationality) == (19, "AT")


def test_hometown_in_brackets_is_not_a_track(extractor) -> None:
    r = extractor("Jonas Brenninger (22, Hockenheim) gewann auf dem Nürburgring.")
    assert [t.name for t in r.tracks] == ["Nürburgring"]
    assert r.drivers[0].hometown == "Hockenheim"


def test_hometown_after_aus_is_not_a_track(extractor) -> None:
    r = extractor(
        "Der Porsche-Pilot aus Monaco gewann auf dem Sachsenring vor Jonas Brenninger aus "
        "Hockenheim und dem Team Falkenstein Motorsport aus Oschersleben. Zurück aus Spa "
        "reisen alle nach Monza."
    )
    assert [t.name for t in r.tracks] == ["Sachsenring", "Spa", "Monza"]


def test_hometown_after_age_or_origin_verb_is_not_a_track(extractor) -> None:
    r = extractor(
        "Jonas Brenninger, 23, aus Hockenheim gewann auf dem Sachsenring vor Tim Beck (19) "
        "aus Oschersleben. Lena Quast stammt aus Monza, das in Spielberg ansässige Team "
        "Falkenstein kam nicht. Nächste Station ist Spa."
    )
    assert [t.name for t in r.tracks] == ["Sachsenring", "Spa"]


def test_series_name_in_a_chassis_name_is_no_series(extractor) -> None:
    r = extractor("Tim Kessler fuhr den F1 W10 in der DTM, Jonas Brenninger war in der F1.")
    assert [(s.name, len(s.mentions)) for s in r.series] == [("DTM", 1), ("F1", 1)]


def test_series_mention_leaves_out_the_full_stop(extractor) -> None:
    r = extractor("Jonas Brenninger fährt in der Formel E. Er gewann in Mexiko.")
    (series,) = r.series
    assert series.name == "Formel E"
    assert [(e.text, e.end - e.start) for e in series.mentions] == [("Formel E", 8)]


def test_venue_in_brackets_is_a_track(extractor) -> None:
    r = extractor("Es bleiben zwei Stationen (Spa-Francorchamps und Monza) im Kalender.")
    assert [t.name for t in r.tracks] == ["Spa-Francorchamps", "Monza"]


def test_person_with_role_anywhere_is_no_driver(extractor) -> None:
    r = extractor("Markus Hollerbach gewann. Teamchef Markus Hollerbach freute sich.")
    assert r.drivers == []


def test_results_use_cluster_names(extractor) -> None:
    r = extractor("Jonas Brenninger führte früh. Am Ende gewann Brenninger das Rennen.")
    assert [(x.position, x.drivers) for x in r.results] == [(1, ["Jonas Brenninger"])]


def test_duplicate_results_are_merged(extractor) -> None:
    r = extractor("Jonas Brenninger gewann das Rennen. Brenninger siegte damit zum ersten Mal.")
    assert [(x.position, x.drivers) for x in r.results] == [(1, ["Jonas Brenninger"])]


def test_car_make_model_and_number(extractor) -> None:
    r = extractor("Der BMW M6 GT3 #77 gewann. Auch der BMW M6 GT3 von Tim Kessler kam an.")
    (car,) = r.cars
    assert (car.name, car.make, car.model, car.number) == ("BMW M6 GT3", "BMW", "M6 GT3", "77")
    assert len(car.mentions) == 2


def test_sessions_once_per_label(extractor) -> None:
    r = extractor("Jonas Brenninger gewann das Rennen. Das Rennen war spannend.")
    assert [(s.kind, s.label) for s in r.sessions] == [("race", "Rennen")]


# --------------------------------------------------------------------------- title


def test_title_from_first_line(extractor) -> None:
    assert extractor("Brenninger siegt in Hockenheim\n\nJonas Brenninger gewann.").title == (
        "Brenninger siegt in Hockenheim"
    )


def test_no_title_from_a_sentence(extractor) -> None:
    assert extractor("Jonas Brenninger gewann das Rennen.").title is None


def test_title_helper(extractor) -> None:
    assert _title(extractor.process("Kurz\nJonas Brenninger gewann.")) is None


# --------------------------------------------------------------------------- assembly data


def test_constructor_series_come_from_the_assembly_data(extractor, tmp_path) -> None:
    """In a constructor series a make named alone is the entrant; which series those
    are is data (assembly.json), so a pipeline can bring its own."""
    doc = extractor.process("In der Formel 1 gewann Xaver Quast im Ferrari vor Yannick Oblitz.")
    assert [t.name for t in Assembler()(doc).teams] == ["Ferrari"]

    files = (
        "nationalities.tsv",
        "name_particles.txt",
        "series.jsonl",
        "tracks.jsonl",
        "driver_roles.txt",  # a series in a role compound ("Formel-1-Pilot") names no field
        "non_driver_roles.txt",
    )
    files += ("makes.jsonl", "car_models.jsonl")
    package_data().copy_to(tmp_path, files)
    (tmp_path / "assembly.json").write_text('{"constructor_series": []}', encoding="utf-8")
    assert Assembler(DataSource(tmp_path))(doc).teams == []


def test_bracketed_make_is_the_entrant_in_a_bracket_constructor_series(extractor) -> None:
    """Formel E: "Xaver Quast (Jaguar)" names Quast's entrant, and every later
    mention of that make is the team; a make never bracketed stays a car make."""
    r = extractor(
        "Beim ePrix der Formel E siegte Xaver Quast (Jaguar) vor Ulf Ribbeck (Nissan). "
        "Für Jaguar war es der zweite Sieg, Yannick Oblitz fuhr im Porsche auf Rang drei."
    )
    assert [t.name for t in r.teams] == ["Jaguar", "Nissan"]
    assert [len(t.mentions) for t in r.teams] == [2, 1]


def test_bracketed_make_is_a_car_make_outside_constructor_series(extractor) -> None:
    r = extractor("Im ADAC GT Masters siegte Xaver Quast (Porsche) vor Ulf Ribbeck (Audi).")
    assert r.teams == []


# ---------------------------------------------------------------- from the contract alone


def test_records_from_a_hand_made_doc() -> None:
    """The assembly reads only the contract: resolved spans, doc._ extensions, facts."""
    doc = spacy.blank("de")("Xaver Quast gewann im BMW M6 GT3 #77 vor Ulf Ribbeck.")
    doc.spans[contract.RESOLVED] = [
        Span(doc, 0, 2, label="DRIVER"),
        Span(doc, 4, 7, label="CAR", kb_id="BMW"),
        Span(doc, 10, 12, label="DRIVER"),
    ]
    car_end = doc[6].idx + len(doc[6].text)
    doc._.gtx_car_numbers = {car_end: "77"}
    cue = (doc[2].idx, doc[2].idx + len(doc[2].text))
    doc._.gtx_results = [
        ResultFact("race", 1, None, [(0, 2)], cue, car=(doc[4].idx, car_end)),
        ResultFact("race", 2, None, [(10, 12)], cue),
    ]
    report = Assembler()(doc)
    assert [(c.name, c.make, c.model, c.number) for c in report.cars] == [
        ("BMW M6 GT3", "BMW", "M6 GT3", "77")
    ]
    assert [(r.position, r.drivers, r.car) for r in report.results] == [
        (1, ["Xaver Quast"], "BMW M6 GT3"),
        (2, ["Ulf Ribbeck"], None),
    ]
    assert [(d.first_name, d.last_name) for d in report.drivers] == [
        ("Xaver", "Quast"),
        ("Ulf", "Ribbeck"),
    ]


def test_top_class_word_makes_no_constructor_teams(extractor) -> None:
    r = extractor("In der Königsklasse gewann Jonas Brenninger auf Honda vor Yamaha.")
    assert r.series == [] and r.teams == []


def test_team_named_in_a_photo_credit_is_no_team(extractor) -> None:
    r = extractor("Jonas Brenninger gewann für Falkenstein Motorsport.\nFoto: Kessler Motorsport")
    assert [t.name for t in r.teams] == ["Falkenstein Motorsport"]


def test_generic_track_part_needs_its_track(extractor) -> None:
    r = extractor("Jonas Brenninger gewann auf der GP-Strecke von Monza.")
    assert [t.name for t in r.tracks] == ["Monza"]
    r = extractor("Jonas Brenninger gewann am Nürburgring, Ulf Ribbeck fuhr auf der GP-Strecke.")
    assert [t.name for t in r.tracks] == ["Nürburgring", "GP-Strecke"]


def test_track_in_a_winner_compound_is_no_venue(extractor) -> None:
    r = extractor("Der dreifache Le-Mans-Sieger Jonas Brenninger gewann am Nürburgring.")
    assert [t.name for t in r.tracks] == ["Nürburgring"]


def test_assembly_rules_list_compounds() -> None:
    rules = package_data().cues("assembly", AssemblyRules)
    assert "Sieger" in rules.not_venue_compounds


def test_short_given_name_joins_full_name_of_a_person() -> None:
    clusters = cluster([m("Alex Brenninger", 0), m("Alexander Brenninger", 40)], people=True)
    assert [c.name for c in clusters] == ["Alexander Brenninger"]


def test_short_given_name_needs_people_and_a_prefix() -> None:
    assert len(cluster([m("Alex Brenninger", 0), m("Alexander Brenninger", 40)])) == 2
    assert len(cluster([m("Max Brenninger", 0), m("Marco Brenninger", 40)], people=True)) == 2


def test_mentions_from_resolved_rows_equal_those_of_the_spans() -> None:
    doc = spacy.blank("de")("Lena  Muster gewann vor Ole Test (Porsche 911) in Spa.")
    doc.spans[RESOLVED] = [
        Span(doc, 0, 3, label="DRIVER", kb_id="Lena Muster"),
        Span(doc, 5, 7, label="PERSON"),
        Span(doc, 8, 10, label="CAR", kb_id="Porsche 911"),
        Span(doc, 12, 13, label="TRACK"),
    ]
    for labels in (("DRIVER", "PERSON"), ("CAR",), ("TRACK",), ()):
        assert Mention.resolved(doc, *labels) == [Mention.of(s) for s in resolved(doc, *labels)]
    assert Mention.resolved(doc, "DRIVER")[0].text == "Lena  Muster"


def test_contextual_series_alias_needs_its_series(extractor) -> None:
    r = extractor("Jonas Brenninger gewann den Lauf zum Sprint Cup in Misano.")
    assert r.series == []
    r = extractor("In der GT World Challenge Europe gewann Jonas Brenninger den Sprint Cup.")
    assert [s.name for s in r.series] == ["GT World Challenge Europe", "Sprint Cup"]
    r = extractor("Die Langstrecken-Serie beginnt im März, sagte Jonas Brenninger.")
    assert r.series == []
    r = extractor("Die NLS ist eine Langstrecken-Serie, sagte Jonas Brenninger.")
    assert [[m.text for m in s.mentions] for s in r.series] == [["NLS", "Langstrecken-Serie"]]


def test_series_gazetteer_knows_english_and_junior_names(extractor) -> None:
    r = extractor("Xaver Quast gewann in der Nürburgring Endurance Series und im ADAC Junior Cup.")
    assert [(s.name, s.mentions[0].text) for s in r.series] == [
        ("Nürburgring Endurance Series", "Nürburgring Endurance Series"),
        ("ADAC Junior Cup", "ADAC Junior Cup"),
    ]
