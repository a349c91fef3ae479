"""gtx_people: drivers and other people, by rules on the blank base."""

from __future__ import annotations

from gtextract.components.spans import resolved


def people(doc) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in resolved(doc, "DRIVER", "PERSON")]


def driver_names(report) -> list[str]:
    return [d.name for d in report.drivers]


def test_given_name_and_surname(doc) -> None:
    assert people(doc("Jonas Brenninger gewann das Rennen.")) == [("Jonas Brenninger", "DRIVER")]


def test_particle_ter(report) -> None:
    r = report("Lars ter Horst fuhr auf Platz zwei.")
    (driver,) = r.drivers
    assert (driver.name, driver.first_name, driver.last_name) == (
        "Lars ter Horst",
        "Lars",
        "ter Horst",
    )


def test_particles_van_der(report) -> None:
    r = report("Kelvin van der Linde gewann das Rennen in Hockenheim.")
    (driver,) = r.drivers
    assert (driver.first_name, driver.last_name) == ("Kelvin", "van der Linde")


def test_hyphenated_given_name(doc) -> None:
    assert people(doc("Hans-Joachim Brenninger gewann das Rennen.")) == [
        ("Hans-Joachim Brenninger", "DRIVER")
    ]


def test_slash_crew_of_surnames_resolves_to_full_names(report) -> None:
    r = report(
        "Jonas Brenninger und Tim Kessler teilten sich das Auto. "
        "Am Ende siegten Brenninger/Kessler."
    )
    assert driver_names(r) == ["Jonas Brenninger", "Tim Kessler"]
    assert [len(d.mentions) for d in r.drivers] == [2, 2]
    assert r.results[0].drivers == ["Jonas Brenninger", "Tim Kessler"]


def test_slash_crew_with_spaces_makes_bare_surnames_drivers(doc) -> None:
    # "Abt" alone would be a team; in a slash crew it is a driver
    assert people(doc("Abt / Kessler siegten im Audi R8 LMS.")) == [
        ("Abt", "DRIVER"),
        ("Kessler", "DRIVER"),
    ]


def test_surname_list_after_driver_word(doc) -> None:
    d = doc("Das Rennen gewannen die Piloten Brenninger, Kessler und Hollerbach.")
    assert [t for t, _ in people(d)] == ["Brenninger", "Kessler", "Hollerbach"]


def test_team_boss_is_a_person_not_a_driver(report, doc) -> None:
    text = "Teamchef Markus Hollerbach freute sich über den Sieg von Jonas Brenninger."
    assert people(doc(text)) == [("Markus Hollerbach", "PERSON"), ("Jonas Brenninger", "DRIVER")]
    assert driver_names(report(text)) == ["Jonas Brenninger"]


def test_role_after_name_marks_person(doc) -> None:
    d = doc("Markus Hollerbach, Teamchef von MRS GT-Racing, war zufrieden.")
    assert people(d) == [("Markus Hollerbach", "PERSON")]


def test_later_bare_mention_of_team_boss_stays_out_of_drivers(report) -> None:
    r = report("Teamchef Markus Hollerbach lobte Jonas Brenninger. Hollerbach war zufrieden.")
    assert driver_names(r) == ["Jonas Brenninger"]


def test_photo_credit_is_not_a_driver(report, doc) -> None:
    assert people(doc("Fotos: Peter Lindner")) == [("Peter Lindner", "PERSON")]
    assert report("Fotos: Peter Lindner").drivers == []


def test_unknown_given_name_with_details(report) -> None:
    r = report("Aurelio Bassani (23, Italien, MRS GT-Racing) gewann das Rennen.")
    (driver,) = r.drivers
    assert driver.name == "Aurelio Bassani"
    assert (driver.age, driver.nationality, driver.team) == (23, "IT", "MRS GT-Racing")


def test_unknown_given_name_with_particle(doc) -> None:
    assert people(doc("Mathis de Vries gewann das Rennen.")) == [("Mathis de Vries", "DRIVER")]


def test_unknown_given_name_after_driver_word(doc) -> None:
    assert people(doc("Tabellenführer Aurelio Bassani gewann das Rennen.")) == [
        ("Aurelio Bassani", "DRIVER")
    ]


def test_unknown_given_name_without_cue_is_no_name(doc) -> None:
    assert people(doc("Aurelio Bassani gewann das Rennen.")) == []


def test_bare_surname_later_joins_full_name(report) -> None:
    r = report("Jonas Brenninger gewann das Rennen. Brenninger lag am Ende vorn.")
    (driver,) = r.drivers
    assert driver.name == "Jonas Brenninger"
    assert [m.text for m in driver.mentions] == ["Jonas Brenninger", "Brenninger"]


def test_genitive_surname_joins_full_name(report) -> None:
    r = report(
        "Jonas Brenninger gewann das Rennen. Brenningers Teamkollege Tim Kessler wurde Zweiter."
    )
    assert driver_names(r) == ["Jonas Brenninger", "Tim Kessler"]
    assert [m.text for m in r.drivers[0].mentions] == ["Jonas Brenninger", "Brenningers"]


def test_hometown_after_aus_is_not_a_driver(report) -> None:
    r = report("Jonas Weiden gewann das Rennen. Tim Kessler aus Weiden wurde Zweiter.")
    assert driver_names(r) == ["Jonas Weiden", "Tim Kessler"]
    assert [m.text for m in r.drivers[0].mentions] == ["Jonas Weiden"]


def test_place_is_not_a_surname(doc) -> None:
    assert people(doc("Tim Kessler aus Weiden wurde Zweiter.")) == [("Tim Kessler", "DRIVER")]


def test_details_with_hometown(report) -> None:
    r = report(
        "Jonas Brenninger siegte vor Lars ter Horst (19, Niederlande) und Tim Kessler (22, Bochum)."
    )
    details = {d.name: (d.age, d.nationality, d.hometown) for d in r.drivers}
    assert details["Lars ter Horst"] == (19, "NL", None)
    assert details["Tim Kessler"] == (22, None, "Bochum")


def test_gap_in_brackets_is_no_age(report) -> None:
    r = report("Ergebnis:\n1. Jonas Brenninger (+0,204)")
    assert r.drivers[0].age is None


def test_a_person_span_of_the_base_model_that_names_a_make_is_no_driver() -> None:
    """A statistical base may read "Martin" as a given name in "Aston Martin"."""
    import spacy

    import gtextract

    base = spacy.blank("de")
    ruler = base.add_pipe("entity_ruler", name="ner")  # read as the statistical NER
    ruler.add_patterns(  # stands in for the base model's PER spans
        [
            {"label": "PER", "pattern": name}
            for name in ("Aston Martin", "Jonas Brenninger", "Mara Wellenkamp")
        ]
    )
    extractor = gtextract.load(base)
    report = extractor(
        "Jonas Brenninger wurde Dritter vor Mara Wellenkamp, "
        "dahinter kamen die beiden Aston Martin."
    )
    assert driver_names(report) == ["Jonas Brenninger", "Mara Wellenkamp"]


def test_und_before_a_given_name_starts_a_second_driver(doc) -> None:
    # "von Thurn und Taxis" continues a name; "und Kevin ..." is the next person
    assert people(doc("Marco da Riva und Kevin Brenninger fuhren aufs Podium.")) == [
        ("Marco da Riva", "DRIVER"),
        ("Kevin Brenninger", "DRIVER"),
    ]


def test_article_before_a_common_noun_is_no_particle(doc) -> None:
    assert people(doc("Im Training verpasste Jonas den Bremspunkt.")) == []
    assert people(doc("Nach dem Rennen lief Lena zum Turm.")) == []


def test_date_at_a_numbered_line_start_is_no_name(doc) -> None:
    assert people(doc("Kalender\n12. Juni: Lauf in Zolder\n3. Brenninger\n")) == [
        ("Brenninger", "DRIVER")
    ]


def test_hometown_slash_team_in_details_is_no_crew(doc) -> None:
    assert people(doc("Jonas Brenninger (25, Villingen / Callisto Racing) siegte.")) == [
        ("Jonas Brenninger", "DRIVER")
    ]


def test_unit_word_is_no_surname(doc) -> None:
    assert people(doc("Es war bei fünf Grad Celsius sehr kalt.")) == []


def test_team_owner_after_team_von_is_no_driver(doc) -> None:
    got = people(doc("Jonas Brenninger fährt für das Team Callisto Racing von Lukas Maier."))
    assert got == [("Jonas Brenninger", "DRIVER"), ("Lukas Maier", "PERSON")]


def test_photo_credit_is_no_driver(doc) -> None:
    assert people(doc("Jonas Brenninger jubelt. Photo: Lukas Maier")) == [
        ("Jonas Brenninger", "DRIVER"),
        ("Lukas Maier", "PERSON"),
    ]
    assert people(doc("Der Sieger im Ziel | © Lukas Maier")) == [("Lukas Maier", "PERSON")]


def test_author_lines_are_no_drivers(doc) -> None:
    got = people(doc("• von Lukas Maier & Jonas Brenninger\n\nDas Rennen war lang.\n"))
    assert got == [("Lukas Maier", "PERSON"), ("Jonas Brenninger", "PERSON")]
    got = people(doc("Verfasst von Lukas Maier. Veröffentlicht in Rennberichte\nText.\n"))
    assert got == [("Lukas Maier", "PERSON")]
    text = "Kurzmeldungen\nLukas Maier am 02.05.2019 um 09:41 (UTC)\n\nDas Rennen lief.\n"
    got = people(doc(text))
    assert got == [("Lukas Maier", "PERSON")]


def test_von_inside_a_wrapped_sentence_is_no_byline(doc) -> None:
    text = "Am Ende siegten die\nvon Platz drei gestarteten Jonas Brenninger und Lukas Maier."
    got = people(doc(text))
    assert got == [("Jonas Brenninger", "DRIVER"), ("Lukas Maier", "DRIVER")]


def test_role_compound_marks_a_person(doc) -> None:
    assert people(doc("Das sagte Rallyechef Lukas Maier am Abend.")) == [("Lukas Maier", "PERSON")]
    got = people(doc("Lukas Maier, Gesamtprojektleiter Formel E: „Ein guter Tag.“"))
    assert got == [("Lukas Maier", "PERSON")]


def test_second_of_two_coordinated_people_shares_the_role(doc) -> None:
    got = people(doc("Die Teamchefs Lukas Maier und Jonas Brenninger lachten."))
    assert got == [("Lukas Maier", "PERSON"), ("Jonas Brenninger", "PERSON")]


def test_name_cut_off_by_a_truncated_text_is_dropped(doc) -> None:
    got = people(doc("Jonas Brenninger gewann vor Lukas Maier. Dadurch rückte Lukas Mai\n"))
    assert got == [("Jonas Brenninger", "DRIVER"), ("Lukas Maier", "DRIVER")]


def test_calendar_cities_and_table_headers_beside_a_slash_are_no_drivers(doc) -> None:
    text = "Kalender\n7. | Kanada / Montreal | 07.-09. Juni |\nTag/Datum Etappe Sieger/Auto\n"
    assert people(doc(text)) == []
    assert people(doc("Crews: Brenninger/Quast und Sainz/Mini.")) == [
        ("Brenninger", "DRIVER"),
        ("Quast", "DRIVER"),
        ("Sainz", "DRIVER"),
    ]


def test_month_at_a_numbered_line_start_is_no_name(doc) -> None:
    assert people(doc("Termine\n21. August 2021: Rallye Beispiel (Ort)\n")) == []


def test_particles_join_a_bare_surname_in_a_slash_crew(doc) -> None:
    got = people(doc("Cadillac #3 (Brenninger/van der Quast/Maier) siegte."))
    assert ("van der Quast", "DRIVER") in got


def test_french_double_given_name(doc) -> None:
    assert people(doc("Es siegte Paul-Loup Brenninger im Audi.")) == [
        ("Paul-Loup Brenninger", "DRIVER")
    ]


def test_compound_tail_is_no_name(doc) -> None:
    assert people(doc("Die Rallye startet in Annaberg-Buchholz am Freitag.")) == []


def test_a_make_division_is_no_person(doc) -> None:
    got = people(doc("Zum Geburtstag von Audi Sport fuhr Jonas Brenninger."))
    assert got == [("Jonas Brenninger", "DRIVER")]


def test_a_role_compound_does_not_extend_a_name(doc) -> None:
    got = people(doc("Das sagte Red Bull-Motorsportberater Lukas Maier am Abend."))
    assert ("Red Bull-Motorsportberater", "DRIVER") not in got


def test_a_short_last_word_ending_the_text_is_a_cut_off_name(doc) -> None:
    assert people(doc("Am Ende siegte Jonas Brenninger. Dahinter rückte Max Ve\n")) == [
        ("Jonas Brenninger", "DRIVER")
    ]


def test_circuit_towns_are_no_drivers(doc) -> None:
    got = people(doc("Offen sind noch Montreal und New York am 8. August."))
    assert got == []


def test_given_name_without_accent(doc) -> None:
    assert people(doc("Am Ende siegte Rene Quastberger im Audi.")) == [
        ("Rene Quastberger", "DRIVER")
    ]


def test_siblings_share_the_surname(report) -> None:
    r = report("Auf Rang drei kamen Jonas und Lukas Brenninger ins Ziel.")
    assert sorted(driver_names(r)) == ["Jonas Brenninger", "Lukas Brenninger"]
    jonas = next(d for d in r.drivers if d.first_name == "Jonas")
    assert [(e.text, e.start) for e in jonas.mentions] == [("Jonas", 20)]


def test_surname_before_und_is_no_sibling(report) -> None:
    r = report("Es siegten Klaus Ludwig und Harald Brenninger vor dem Feld.")
    assert sorted(driver_names(r)) == ["Harald Brenninger", "Klaus Ludwig"]


def test_siblings_after_a_nationality_word(report) -> None:
    r = report("Am Start sind die Deutschen Jonas und Lukas Brenninger.")
    assert sorted(driver_names(r)) == ["Jonas Brenninger", "Lukas Brenninger"]


def test_words_after_a_rally_name_no_person(report) -> None:
    r = report("Am 12. Juni folgt die ADAC-Rallye Kessler Berg.")
    assert driver_names(r) == []


def test_rally_driver_word_keeps_the_driver(report) -> None:
    r = report("Der Rallye-Pilot Jonas Brenninger gewann.")
    assert driver_names(r) == ["Jonas Brenninger"]


def test_genitive_full_name_joins_the_bare_surname(report) -> None:
    r = report("Jonas Kesslers Sieg war klar. Danach freute sich Kessler.")
    (driver,) = r.drivers
    assert driver.name == "Jonas Kessler"
    assert [e.text for e in driver.mentions] == ["Jonas Kessler", "Kessler"]


def test_bare_name_after_a_make_is_its_team(report) -> None:
    r = report("Jonas Kessler fuhr für Audi Kessler auf Platz zwei.")
    assert [(d.name, len(d.mentions)) for d in r.drivers] == [("Jonas Kessler", 1)]


def test_family_name_first_on_a_numbered_line(report) -> None:
    # the blank test base has no NER: the two-word name is one the rules know
    r = report("Ergebnis:\n3. Wang Lena Kessler (CHN) 1:53.341\n")
    assert driver_names(r) == ["Wang Lena Kessler"]


def test_the_writers_colleagues_are_no_drivers(report) -> None:
    r = report("Meine Kollegen Lena Kessler und Jonas Brenninger berichten live. Max Huber siegte.")
    assert driver_names(r) == ["Max Huber"]


def test_a_drivers_colleague_stays_a_driver(report) -> None:
    r = report("Seine Kollegen Lena Kessler und Jonas Brenninger folgten.")
    assert sorted(driver_names(r)) == ["Jonas Brenninger", "Lena Kessler"]


# --------------------------------------------------------------------------- round 3


def test_bare_name_of_a_team_fused_to_a_make_is_no_driver(report) -> None:
    r = report(
        "Der Kessler-Audi war schnell. Im Audi R8 LMS von Kessler fuhr "
        "Jonas Brenninger auf Platz zwei."
    )
    assert driver_names(r) == ["Jonas Brenninger"]


def test_name_filling_the_bracket_after_a_driver_is_no_person(report) -> None:
    r = report("Vor Jonas Brenninger (Lukas Quast) kam Tim Beck ins Ziel.")
    assert driver_names(r) == ["Jonas Brenninger", "Tim Beck"]


def test_unknown_given_name_before_a_team_in_brackets(report) -> None:
    r = report("In der Wertung siegte Zoltar Wendrich (Quast Motorsport) vor Tim Beck.")
    assert driver_names(r) == ["Zoltar Wendrich", "Tim Beck"]


def _with_per(blank_nlp, text: str, *names: str):
    """A Doc whose base model read ``names`` as PER entities."""
    doc = blank_nlp(text)
    ents = []
    for name in names:
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="PER")
        assert span is not None
        ents.append(span)
    doc.ents = ents
    return doc


def test_per_entity_ends_before_article_and_noun(blank_nlp, alone) -> None:
    doc = _with_per(
        blank_nlp, "Danach musste Jonas der Siegerehrung zusehen.", "Jonas der Siegerehrung"
    )
    found = [s.text for s in alone("gtx_people")(doc).spans["gtx_candidates"]]
    assert "Jonas der Siegerehrung" not in found


def test_per_entity_opening_a_quote_needs_a_given_name(blank_nlp, alone) -> None:
    doc = _with_per(blank_nlp, "„Starker Auftritt heute“, sagte er.", "Starker Auftritt")
    assert list(alone("gtx_people")(doc).spans["gtx_candidates"]) == []


def test_driver_before_the_team_of_an_entry_table_row(doc) -> None:
    d = doc(
        "Nr. Fahrer Team Fahrzeug\n"
        "3 Deutschland  Jonas Brenninger Kessler Motorsport Audi A4\n"
        "4 Deutschland  Tim Beck BMW Team Quast BMW 320i\n"
    )
    assert [(s.text, s.label_) for s in resolved(d, "DRIVER", "TEAM")] == [
        ("Jonas Brenninger", "DRIVER"),
        ("Kessler Motorsport", "TEAM"),
        ("Tim Beck", "DRIVER"),
        ("BMW Team Quast", "TEAM"),
    ]


def test_team_named_after_its_owner_stays_whole(doc) -> None:
    d = doc("Den Sieg holte Walter Lechner Racing vor Tim Beck.")
    assert [(s.text, s.label_) for s in resolved(d, "DRIVER", "TEAM")] == [
        ("Walter Lechner Racing", "TEAM"),
        ("Tim Beck", "DRIVER"),
    ]


def test_contact_between_cars_is_no_press_contact(report) -> None:
    r = report("Nach einem Kontakt von Jonas Quast drehte sich Tim Beck. Quast fuhr weiter.")
    assert driver_names(r) == ["Jonas Quast", "Tim Beck"]


def test_brother_of_a_driver_after_the_name_stays_a_driver(report) -> None:
    r = report("Arthur Brenninger, Bruder von Formel-1-Fahrer Jonas Brenninger, wurde Vierter.")
    assert driver_names(r) == ["Arthur Brenninger", "Jonas Brenninger"]


def test_siblings_named_by_given_name_after_the_family(report) -> None:
    r = report(
        "Die beiden Quast-Brüder Jonas (17, Warngau, Beck Racing) und "
        "Tim (16, Warngau, Beck Racing) starten im ADAC Formel 4."
    )
    assert driver_names(r) == ["Jonas Quast", "Tim Quast"]


def _ner_people(blank_nlp, alone, text: str, *names: str) -> list[str]:
    doc = alone("gtx_people")(_with_per(blank_nlp, text, *names))
    return [s.text for s in doc.spans["gtx_candidates"]]


def test_lone_per_with_a_foreign_surname_ending(blank_nlp, alone) -> None:
    assert _ner_people(blank_nlp, alone, "Am Start zog Kvarnström vorbei.", "Kvarnström") == []
    assert _ner_people(blank_nlp, alone, "Am Start zog Gunnarsson vorbei.", "Gunnarsson") == [
        "Gunnarsson"
    ]


def test_given_name_ending_in_s_starts_a_name(blank_nlp, alone) -> None:
    found = _ner_people(
        blank_nlp, alone, "Dann kam Laurents Quellmalz ins Ziel.", "Laurents Quellmalz"
    )
    assert "Laurents Quellmalz" in found


def test_quoted_pseudonym_before_its_car(report) -> None:
    r = report(
        'Torsten Quast (Ford Fiesta R2) und der Belgier "Rallyefan93" (Citroën C2 R2) fuhren vorn.'
    )
    assert driver_names(r) == ["Torsten Quast", "Rallyefan93"]


def test_quoted_word_without_driver_context_is_no_pseudonym(report) -> None:
    assert driver_names(report("Er sagte „Danke“ (zu allen) und fuhr heim.")) == []


def test_nickname_between_given_name_and_surname(report) -> None:
    r = report("Am Steuer saß Jonas „Schmiddi“ Quast. Quast fuhr auf Platz zwei vor Tim Beck.")
    assert driver_names(r) == ["Jonas „Schmiddi“ Quast", "Tim Beck"]
    assert len(r.drivers[0].mentions) == 2


def test_driver_word_joined_to_a_role_keeps_a_driver(report) -> None:
    r = report("Es sprach der Rennfahrer und Berg-Cup-Sportleiter Jonas Quast aus Weiden.")
    assert driver_names(r) == ["Jonas Quast"]
    assert driver_names(report("Teamchef Jonas Quast sah Tim Beck siegen.")) == ["Tim Beck"]


def test_surname_with_typographic_apostrophe(report) -> None:
    assert driver_names(report("Platz zwei ging an Jonas O’Quast vor Tim Beck.")) == [
        "Jonas O’Quast",
        "Tim Beck",
    ]


def test_a_venue_glued_to_the_name_is_no_part_of_it(report) -> None:
    # a flattened calendar table: the venue cell runs into the winner's name
    r = report("Saison 2030\nMarrakeschWeidenfeller (Mahindra)\nSanyaBrenninger (Nissan)\n")
    assert sorted(d.name for d in r.drivers) == ["Brenninger", "Weidenfeller"]


def test_surname_in_capitals_before_the_given_name(report) -> None:
    # official entry and result lists: "NACHNAME Vorname"
    r = report("Ergebnis Lauf 2\n1. WEIDENFELLER Jonas (Porsche)\n2. BRENNER Lena (Audi)\n")
    assert sorted(d.name for d in r.drivers) == ["BRENNER Lena", "WEIDENFELLER Jonas"]
    lena = next(d for d in r.drivers if d.name == "BRENNER Lena")
    assert (lena.first_name, lena.last_name) == ("Lena", "BRENNER")


def test_surname_in_capitals_after_the_given_name(report) -> None:
    r = report("Am Start stand auch Jonas WEIDENFELLER im Porsche. Weidenfeller wurde Dritter.")
    assert [d.name for d in r.drivers] == ["Jonas WEIDENFELLER"]


def test_capitals_words_of_a_headline_are_no_surname(report) -> None:
    r = report("PODIUM FÜR Jonas Brenner\nSTARKER AUFTRITT VON Lena Weidenfeller in Spa.")
    assert sorted(d.name for d in r.drivers) == ["Jonas Brenner", "Lena Weidenfeller"]


def test_capitals_code_before_a_given_name_is_no_surname(report) -> None:
    r = report("Ergebnis\n1. BRT Jonas (Audi)\n2. Lena Weidenfeller (BMW)\n")
    assert "BRT Jonas" not in [d.name for d in r.drivers]


def test_lone_surname_after_a_driver_word(report) -> None:
    r = report("Zweiter wurde Weidenfeller mit Copilot Kessler, Dritter wurde Beifahrer Bauer.")
    assert sorted(d.name for d in r.drivers) == ["Bauer", "Kessler", "Weidenfeller"]


def test_common_word_after_a_driver_word_is_no_name(report) -> None:
    r = report("Jonas Brenner war als Pilot Sonntag schneller als der Fahrer Show-Programm.")
    assert [d.name for d in r.drivers] == ["Jonas Brenner"]


def test_make_pilot_compound_is_no_double_given_name(report) -> None:
    # "Aston-Martin-Pilot": the role compound before the name, no "Paul-Loup" given name
    r = report("Der Aston-Martin-Pilot Jonas Brenner wurde Dritter vor Paul-Loup Chatin.")
    assert [d.name for d in r.drivers] == ["Jonas Brenner", "Paul-Loup Chatin"]


def test_per_entity_of_a_function_word_opening_a_quote_is_no_name(blank_nlp, alone) -> None:
    text = 'Er blieb ruhig.\n"Ehrlich gesagt war das Rennen schwer", sagte Jonas Brenner.'
    found = _ner_people(blank_nlp, alone, text, "Ehrlich", "Jonas Brenner")
    assert "Ehrlich" not in found
    assert "Jonas Brenner" in found
