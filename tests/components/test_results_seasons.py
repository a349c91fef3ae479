"""gtx_results alone: results stated next to an earlier season's year (results/seasons.py)."""

from __future__ import annotations

from gtextract.components.results.seasons import _years


def facts(alone, doc) -> list[tuple[int, list[str]]]:
    doc = alone("gtx_results")(doc)
    return [(f.position, [doc[a:b].text for a, b in f.drivers]) for f in doc._.gtx_results]


def test_a_win_in_an_earlier_year_is_no_result(alone, hand_doc) -> None:
    doc = hand_doc(
        "Vorschau auf die Saison 2026. "
        "In Kleinhausen gewann [Xaver Quast](DRIVER) schon 2019 das Hauptrennen."
    )
    assert facts(alone, doc) == []


def test_a_win_in_the_text_season_stays(alone, hand_doc) -> None:
    doc = hand_doc("In Kleinhausen gewann [Xaver Quast](DRIVER) 2026 das Hauptrennen.")
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_a_distant_earlier_year_in_the_sentence_does_not_block(alone, hand_doc) -> None:
    doc = hand_doc(
        "Im Hauptrennen 2026 gewann [Xaver Quast](DRIVER) in Kleinhausen als erster "
        "Fahrer aus dem Schwarzwald seit dem großen Regenrennen des Jahres 1983."
    )
    assert facts(alone, doc) == [(1, ["Xaver Quast"])]


def test_the_publication_year_is_the_season(alone, hand_doc) -> None:
    doc = hand_doc("In Kleinhausen gewann [Xaver Quast](DRIVER) 2019 das Hauptrennen.")
    doc.user_data["gtx_published"] = "2021-05-02"
    assert facts(alone, doc) == []


def test_a_season_over_two_years_counts_as_its_later_year() -> None:
    assert _years("Saison 2018/19, dann 2019/2020 und 1998") == [2019, 2020, 1998]
    assert _years("am 21.08.2019") == [2019]
    assert _years("Zeit 1:2019,5 und 20199 Meter") == []
