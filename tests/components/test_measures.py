"""gtx_measures: gaps (final margins) told apart from lap times, race times, penalties."""

from __future__ import annotations


def gaps(report, text: str) -> list[tuple[float | None, int | None, bool]]:
    return [(g.seconds, g.laps, g.approximate) for g in report(text).gaps]


def times(report, text: str) -> list[tuple[str, float | None]]:
    return [(t.kind, t.seconds) for t in report(text).times]


def test_seconds_gap(report) -> None:
    r = report("Jonas Brenninger gewann mit 0,024 Sekunden Vorsprung.")
    assert [(g.seconds, g.text) for g in r.gaps] == [(0.024, "0,024 Sekunden")]
    assert r.times == []


def test_bare_plus_gap_in_brackets(report) -> None:
    r = report("Lars ter Horst wurde Zweiter (+0,204).")
    assert [(g.seconds, g.text) for g in r.gaps] == [(0.204, "+0,204")]


def test_seconds_abbreviation(report) -> None:
    assert gaps(report, "Jonas Brenninger hatte im Ziel 7,063s Rückstand.") == [
        (7.063, None, False)
    ]


def test_minutes_and_seconds_gap(report) -> None:
    r = report("Lars ter Horst kam mit 1:34,847 Minuten Rückstand ins Ziel.")
    assert [(g.seconds, g.text) for g in r.gaps] == [(94.847, "1:34,847 Minuten")]
    assert r.times == []


def test_thousandths(report) -> None:
    assert gaps(report, "Jonas Brenninger gewann mit 20 Tausendstel Vorsprung.") == [
        (0.02, None, False)
    ]


def test_approximate_number_word(report) -> None:
    assert gaps(report, "Jonas Brenninger gewann mit knapp zehn Sekunden Vorsprung.") == [
        (10.0, None, True)
    ]


def test_lap_gap_has_laps_not_seconds(report) -> None:
    assert gaps(report, "Jonas Brenninger gewann mit einer Runde Vorsprung.") == [(None, 1, False)]


def test_lap_time_is_a_time_not_a_gap(report) -> None:
    r = report("Jonas Brenninger fuhr die schnellste Runde in 1:38,412 Minuten.")
    assert r.gaps == []
    assert [(t.kind, t.seconds, t.text) for t in r.times] == [
        ("lap_time", 98.412, "1:38,412 Minuten")
    ]


def test_penalty(report) -> None:
    r = report("Jonas Brenninger erhielt eine Fünf-Sekunden-Strafe.")
    assert r.gaps == []
    assert times(report, "Jonas Brenninger erhielt eine Fünf-Sekunden-Strafe.") == [
        ("penalty", 5.0)
    ]


def test_race_time_in_hours(report) -> None:
    assert times(report, "Nach einer Fahrzeit von 24 Stunden siegte Jonas Brenninger.") == [
        ("race_time", 86400.0)
    ]


def test_mid_race_margin_is_dropped(report) -> None:
    r = report("Jonas Brenninger hatte zwischenzeitlich 3 Sekunden Vorsprung.")
    assert r.gaps == [] and r.times == []


def test_historic_margin_is_dropped(report) -> None:
    r = report("Im Vorjahr gewann Jonas Brenninger mit 2,5 Sekunden Vorsprung.")
    assert r.gaps == []


def test_race_clock_is_no_gap(report) -> None:
    r = report("Zehn Minuten vor Schluss überholte Jonas Brenninger.")
    assert r.gaps == [] and r.times == []


def test_measure_spans_and_evidence(doc, report) -> None:
    text = "Jonas Brenninger gewann mit 0,3 Sekunden Vorsprung."
    d = doc(text)
    assert [(s.text, s.label_) for s in d.spans["gtx_measures"]] == [("0,3 Sekunden", "GAP")]
    (gap,) = report(text).gaps
    assert text[gap.evidence.start : gap.evidence.end] == gap.evidence.text == "0,3 Sekunden"


# Pieces a DURATION match is made of, and words around it that end or begin like
# them ("eines" ends in "eine" + "s", "Minute" is no unit, "Runden" is).
_PIECES = (
    "+", "+ ", "knapp ", "rund ", "mehr als ", "weniger als ", "ca. ", "über ", "fast ",
    "1", "12", "0,024", "2.5", "1:34,847", "12:05", "1234", "12345", "٣",
    "eine", "einer", "ein", "halbe", "halben", "Halben",
    "zwei", "sechs", "sieben", "elf", "fünfzehn", "dreißig", "Dreißig",
    "Sekunden", "Sekunde", "Sek.", "sek", "s", "S", "Min.", "min", "Minuten", "Minute",
    "Tausendstel", "Hundertstelsekunden", "Zehnteln", "Stunden", "Runden", "Runde", "RUNDE",
    "des", "eines", "Rennens", "Team", "Mercedes", "ſ", "İ", "K", "ı",
    " ", "  ", "\n", "\n\n", "-", "--", ".", ",", "(", ")", "/",
)  # fmt: skip


def test_duration_matches_are_those_of_a_full_scan() -> None:
    import random

    from gtextract.components.measures import DURATION, duration_matches

    rng = random.Random(16)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
        expected = [(m.start(), m.end()) for m in DURATION.finditer(text)]
        assert [(m.start(), m.end()) for m in duration_matches(text)] == expected, text
