"""gtx_cars: a make followed by model words; a bare make is no car model."""

from __future__ import annotations

from gtextract.components.cars import number_after
from gtextract.components.spans import resolved


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
    d = doc("Er gewann im Nissan GT-R Nismo GT3 das Rennen.")
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
