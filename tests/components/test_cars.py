"""gtx_cars: a make followed by model words; a bare make is no car model."""

from __future__ import annotations

import pytest

from gtextract.components.cars import number_after
from gtextract.components.spans import CANDIDATES, candidates, resolved


def cars(report, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(c.name, c.make, c.model, c.number) for c in report(text).cars]


def test_bmw_m6_gt3(report) -> None:
    assert cars(report, "Jonas Brenninger gewann im BMW M6 GT3 das Rennen.") == [
        ("BMW M6 GT3", "BMW", "M6 GT3", None)
    ]


def test_model_family_word(report) -> None:
    assert cars(report, "Er steuerte den Lamborghini Huracán GT3 auf P4.") == [
        ("Lamborghini Huracán GT3", "Lamborghini", "Huracán GT3", None)
    ]


def test_numeric_model(report) -> None:
    assert cars(report, "Im Porsche 911 GT3 R fuhr Jonas Brenninger vorn.") == [
        ("Porsche 911 GT3 R", "Porsche", "911 GT3 R", None)
    ]


def test_hyphenated_make(report) -> None:
    assert cars(report, "Der Mercedes-AMG GT3 kam ins Ziel.") == [
        ("Mercedes-AMG GT3", "Mercedes-AMG", "GT3", None)
    ]


def test_hyphenated_model_word(doc) -> None:
    d = doc("Im Training drehte sie im Nissan GT-R Nismo GT3 die meisten Runden.")
    assert [s.text for s in resolved(d, "CAR")] == ["Nissan GT-R Nismo GT3"]


def test_bare_make_is_not_a_car(report, doc) -> None:
    text = "Jonas Brenninger fuhr mit dem Audi nach Hause. Der BMW kam nicht ins Ziel."
    assert report(text).cars == []
    assert [s.text for s in resolved(doc(text), "MAKE")] == ["Audi", "BMW"]


def test_model_stops_at_ordinary_word(report) -> None:
    assert [c.name for c in report("Der Audi R8 LMS fuhr schneller als erwartet.").cars] == [
        "Audi R8 LMS"
    ]


def test_start_number_after_car(report) -> None:
    assert cars(report, "Jonas Brenninger im BMW M6 GT3 #77 gewann das Rennen.") == [
        ("BMW M6 GT3", "BMW", "M6 GT3", "77")
    ]


def test_number_after_helper(doc) -> None:
    d = doc("Der BMW Z4 # 19 fuhr vorn.")
    (car,) = resolved(d, "CAR")
    assert number_after(car) == "19"
    d = doc("Der BMW Z4 fuhr vorn.")
    (car,) = resolved(d, "CAR")
    assert number_after(car) is None


def test_one_car_per_model_with_mentions(report) -> None:
    r = report("Der Audi R8 LMS gewann. Auch ein zweiter Audi R8 LMS kam ins Ziel.")
    (car,) = r.cars
    assert len(car.mentions) == 2


def test_sentence_final_model_without_dot(report) -> None:
    assert [c.name for c in report("Jonas Brenninger fuhr einen Audi R8.").cars] == ["Audi R8"]


def test_sentence_final_start_number(report) -> None:
    assert cars(report, "Jonas Brenninger fuhr im BMW Z4 GT3 #19.")[0][3] == "19"


# --------------------------------------------------------------------------- gtx_cars alone


def cars_alone(alone, hand_doc, markup: str):
    """gtx_cars on a Doc whose only candidates are the MAKE / CAR_MODEL spans marked."""
    doc = alone("gtx_cars")(hand_doc(markup, layer=CANDIDATES))
    return doc, [(s.text, s.kb_id_) for s in candidates(doc, "CAR")]


@pytest.mark.parametrize(
    ("markup", "car"),
    [
        ("Im [BMW](MAKE:BMW) M6 GT3 gewann er.", "BMW M6 GT3"),
        ("Der [Porsche](MAKE:Porsche) 911 GT3 R fuhr vorn.", "Porsche 911 GT3 R"),
        ("Der [Nissan](MAKE:Nissan) GT-R Nismo GT3 fuhr vorn.", "Nissan GT-R Nismo GT3"),
        ("Der [Lamborghini](MAKE:Lamborghini) Huracán GT3 fuhr vorn.", "Lamborghini Huracán GT3"),
    ],
)
def test_a_make_and_its_model_words_are_a_car(alone, hand_doc, markup, car) -> None:
    _, found = cars_alone(alone, hand_doc, markup)
    assert found == [(car, car.split()[0])]


def test_a_bare_make_is_no_car(alone, hand_doc) -> None:
    doc, found = cars_alone(alone, hand_doc, "Der [BMW](MAKE:BMW) fuhr nach Hause.")
    assert found == []
    assert doc._.gtx_car_numbers == {}


@pytest.mark.parametrize(
    ("markup", "number"),
    [
        ("Im [BMW](MAKE:BMW) M6 GT3 #77 gewann er.", "77"),
        ("Im [BMW](MAKE:BMW) M6 GT3 # 19 gewann er.", "19"),
        ("Er fuhr im [BMW](MAKE:BMW) Z4 GT3 #19.", "19"),
    ],
)
def test_the_start_number_after_a_car_is_recorded(alone, hand_doc, markup, number) -> None:
    doc, ((car, _),) = cars_alone(alone, hand_doc, markup)
    end = doc.text.index(car) + len(car)
    assert doc._.gtx_car_numbers == {end: number}


def test_a_number_not_marked_with_hash_is_no_start_number(alone, hand_doc) -> None:
    doc, found = cars_alone(alone, hand_doc, "Im [BMW](MAKE:BMW) M6 GT3 fuhr er 77 Runden.")
    assert found == [("BMW M6 GT3", "BMW")]
    assert doc._.gtx_car_numbers == {}


def test_a_gazetteer_car_model_gets_its_start_number_too(alone, hand_doc) -> None:
    doc, _ = cars_alone(alone, hand_doc, "Der [Huracán](CAR_MODEL:Lamborghini Huracán) #63 fuhr.")
    assert doc._.gtx_car_numbers == {len("Der Huracán"): "63"}


def test_motorcycle_make_and_model(report) -> None:
    # riders count as drivers, their bikes as cars; the make is no driver in a slash pair
    r = report("Jonas Brenninger gewann auf einer Yamaha R1.")
    assert [(c.name, c.make) for c in r.cars] == [("Yamaha R1", "Yamaha")]


def test_version_digit_after_model_word(report) -> None:
    assert [c.name for c in report("Er siegte im Audi R8 LMS GT3 Evo 2 vor Kessler.").cars] == [
        "Audi R8 LMS GT3 Evo 2"
    ]


def test_points_after_model_in_a_table_are_no_model(report) -> None:
    r = report("Endstand\nJonas Brenninger Audi A4 412\nTim Kessler Audi A4 398\n")
    assert {c.name for c in r.cars} == {"Audi A4"}


@pytest.mark.parametrize(
    "markup",
    [
        "Das Team [Williams](MAKE:Williams) Racing holte Punkte.",
        "Das [Audi](MAKE:Audi) Sport Team jubelte.",
    ],
)
def test_a_make_with_team_words_is_an_entrant_not_a_car(alone, hand_doc, markup) -> None:
    _, found = cars_alone(alone, hand_doc, markup)
    assert found == []


@pytest.mark.parametrize(
    ("text", "car"),
    [
        ("Jonas Brenninger siegte im Skoda Fabia R5 vor dem Feld.", "Skoda Fabia R5"),
        ("Lukas Maier fuhr einen Mitsubishi Lancer Evo IX.", "Mitsubishi Lancer Evo IX"),
        ("Im Honda Accord kam Lukas Maier ins Ziel.", "Honda Accord"),
        ("Im Porsche 917K gewann Lukas Maier damals.", "Porsche 917K"),
    ],
)
def test_rally_and_historic_models(report, text, car) -> None:
    assert [c[0] for c in cars(report, text)] == [car]


def test_number_before_a_unit_is_no_model_number(report) -> None:
    assert [c.name for c in report("Die Etappe über Toyota 367 km gewann Jonas Quast.").cars] == []


@pytest.mark.parametrize(
    "text, car",
    [
        ("Jonas Quast fuhr einen Triumph Spitfire.", "Triumph Spitfire"),
        ("Jonas Quast fuhr einen AC Cobra.", "AC Cobra"),
        ("Dort standen 40 Steyr Puch 500 Autos.", "Steyr Puch 500"),
        ("Jonas Quast fuhr einen Sin R1 GT4 in Hockenheim.", "Sin R1 GT4"),
        ("Jonas Quast siegte im Mini Buggy.", "Mini Buggy"),
        ("Im Mercedes 190E 2,3 16V siegte Jonas Quast.", "Mercedes 190E 2,3 16V"),
    ],
)
def test_historic_and_rally_models(report, text: str, car: str) -> None:
    assert [c.name for c in report(text).cars] == [car]


def test_model_without_make_joins_the_car_named_with_its_make(report) -> None:
    r = report(
        "Jonas Quast siegte im Audi R8 LMS GT3 vor Tim Beck. "
        "Der R8 LMS GT3 Evo von Beck lag zurück."
    )
    assert [(c.name, c.make, len(c.mentions)) for c in r.cars] == [("Audi R8 LMS GT3", "Audi", 2)]


def test_glued_rally_table_rows(report) -> None:
    r = report(
        "Ergebnis\n1Quast / Beck (D)Ford Fiesta R5RC2\n"
        "2Brenninger / Kessler (D)Mitsubishi Lancer E10RC2\n"
    )
    assert [c.name for c in r.cars] == ["Ford Fiesta R5", "Mitsubishi Lancer E10"]
    assert [d.name for d in r.drivers] == ["Quast", "Beck", "Brenninger", "Kessler"]


def test_make_and_word_listed_as_a_team_is_the_team(report) -> None:
    r = report("Xaver Quast wurde im Haas F1 Zwölfter, Ulf Ribbeck fuhr den Audi R8 LMS.")
    assert [t.name for t in r.teams] == ["Haas F1"]
    assert [c.name for c in r.cars] == ["Audi R8 LMS"]


def test_make_with_a_suffix_the_team_list_knows_is_the_team_on_a_table_line(report) -> None:
    # the same rule in a result table's cell; a make with a model word stays a car
    r = report("Tim Kessler\nHaas F1\n+ 1 Runde\nDer Dallara F3 von Jonas Brenninger lief gut.")
    assert [c.name for c in r.cars] == ["Dallara F3"]
    assert [t.name for t in r.teams] == ["Haas F1"]


def test_spec_chassis_with_its_engine_make_is_a_car(report) -> None:
    r = report("In der Formel 3 fuhren Jonas Brenninger und Tim Kessler (beide Dallara Mercedes).")
    assert [c.name for c in r.cars] == ["Dallara Mercedes"]


def test_constructor_with_its_engine_make_is_no_car(report) -> None:
    # "Williams-Renault": a Formula 1 constructor with its engine is the entrant
    r = report("Jonas Brenninger gewann im Williams-Renault vor dem Benetton-Ford.")
    assert r.cars == []


def test_class_code_written_with_a_space_is_named_as_one_word(report) -> None:
    # "GT 3" is the class GT3 that the car's model name carries
    assert cars(report, "Der AMG GT 3 von Jonas Brenninger schied aus.") == [
        ("AMG GT3", "Mercedes-AMG", None, None)
    ]


def test_engine_maker_after_a_prototype_is_no_driver(report) -> None:
    r = report("Liste\n#3 - Team Ost - Tim Kessler/Jonas Quast - Rebellion R13 - Gibson #5 - X\n")
    assert sorted(d.name for d in r.drivers) == ["Jonas Quast", "Tim Kessler"]


def test_bare_model_name_in_capitals_is_no_car(report) -> None:
    # a magazine called like a model ("FOCUS"); the model is written "Focus"
    r = report("Mehr bei FOCUS online: Jonas Brenner siegte im Audi R8 vor Tim Beck im Focus.")
    assert [c.name for c in r.cars] == ["Audi R8", "Focus"]
