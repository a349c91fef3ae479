"""Dev-set scoring: the README's matching rules on small synthetic gold/prediction pairs."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from gtextract.errors import GtextractError
from gtextract.evaluation import (
    AliasedName,
    EvalReport,
    FieldScore,
    FoldRow,
    agreement,
    dedupe,
    evaluate,
    events_match,
    gaps_match,
    label_articles,
    match_items,
    name_score,
    names_match,
    normalize,
    print_report,
    report_to_gold,
    results_match,
    score_article,
    split_report,
    venues_match,
    without_untouched,
)
from gtextract.records import (
    Car,
    Driver,
    Event,
    Evidence,
    Gap,
    RaceReport,
    Result,
    Series,
    Team,
    Track,
)

EV = Evidence(start=0, end=1, text="x")


# --------------------------------------------------------------------------- names


def test_normalize() -> None:
    assert normalize("Spa-Francorchamps") == "spa francorchamps"
    assert normalize("  Nürburgring  ") == "nurburgring"
    assert normalize("Lamborghini Huracán") == "lamborghini huracan"
    assert normalize("„Grüne Hölle“ -- Nordschleife / GP.") == "grune holle nordschleife gp"
    assert normalize("Weiß") == "weiss"  # casefold


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Klingmann", "Jens Klingmann"),
        ("Jens Klingmann", "Klingmann"),
        ("Audi R8", "Audi R8 LMS"),
        ("Huracán", "HURACAN"),
        ("Spa Francorchamps", "Spa-Francorchamps"),
        ("Mercedes-AMG GT3", "Mercedes AMG GT3"),
        ("Kelvin van der Linde", "Kelvin van der Lindee"),  # fuzz.ratio >= 90
        ("van der Linde", "Kelvin van der Linde"),  # 3 of 4 tokens
        # the shorter's tokens, its last one included, half the longer's: a given
        # name alone matches too (README: "include its last token" is the shorter's)
        ("Jens", "Jens Klingmann"),
        ("Porsche 911 GT3", "Porsche 911 GT3 Cup"),
    ],
)
def test_names_that_match(a: str, b: str) -> None:
    assert names_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("VLN Lauf 1", "VLN Lauf 2"),  # ratio 90, but the numbers differ
        ("Porsche 911", "Porsche 911 GT3"),  # a number more on one side
        ("Linde", "Kelvin van der Linde"),  # fewer than half the tokens
        ("Jens Klingmann", "Jens Müller"),
        ("Lauf", "VLN Lauf 1"),
        ("", "Klingmann"),
        ("Jens Hackl", "Jens Klingmann"),  # one token not in the longer
        ("Halbersau", "Motorsport Arena Halbersau"),  # the venue rule is for venues only
    ],
)
def test_names_that_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)


def test_exact_match_scores_above_fuzzy() -> None:
    exact = name_score("Jens Klingmann", "jens klingmann")
    partial = name_score("Klingmann", "Jens Klingmann")
    assert exact is not None and partial is not None and exact > partial


# --------------------------------------------------------------------------- other rules


def _res(pos: int, driver: str, kind: str = "race", cls: str | None = None) -> dict[str, Any]:
    return {"kind": kind, "position": pos, "driver": driver, "class": cls}


def test_results_rule() -> None:
    assert results_match(_res(1, "Jens Klingmann"), _res(1, "Klingmann"))
    assert not results_match(_res(1, "Klingmann"), _res(2, "Klingmann"))
    assert not results_match(_res(1, "Klingmann"), _res(1, "Klingmann", kind="qualifying"))
    assert not results_match(_res(1, "Klingmann", cls="Gentleman"), _res(1, "Klingmann"))
    assert results_match(
        _res(1, "Klingmann", cls="Gentleman"), _res(1, "Klingmann", cls="gentleman")
    )


def test_gap_tolerance() -> None:
    assert gaps_match(0.3, 0.3004)
    assert gaps_match(10.0, 10.0)
    assert not gaps_match(0.024, 0.0246)
    assert not gaps_match(0.3, 3.0)


def _event(name: str, track: str | None = None, date: str | None = None) -> dict[str, Any]:
    return {"name": name, "track": track, "date": date, "status": "scheduled"}


# --------------------------------------------------------------------------- venues


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Halbersau", "Motorsport Arena Halbersau"),  # 1 of 3 words: only the venue rule
        ("Motorsport Arena Halbersau", "Halbersau"),
        ("Groß-Wendel", "Autodrom Groß Wendel Süd"),  # the name rule still applies
        ("Wendelau", "Ring Wendelau"),
    ],
)
def test_venues_that_match(a: str, b: str) -> None:
    assert venues_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aue", "Motorsport Arena Aue"),  # a place name of three letters is too short
        ("Arena", "Motorsport Arena Halbersau"),  # a kind of venue, not a place
        ("Halbersau Nord", "Motorsport Arena Halbersau"),  # not one word
        ("Halbersau", "Motorsport Arena Halbersau 2"),  # numbers still veto
        ("Halbersau", "Motorsport Arena Halbersberg"),
    ],
)
def test_venues_that_do_not_match(a: str, b: str) -> None:
    assert not venues_match(a, b)


def test_venue_rule_in_tracks_field_only() -> None:
    gold = {"tracks": ["Motorsport Arena Halbersau"], "teams": ["Motorsport Arena Halbersau"]}
    article = score_article("902", gold, {"tracks": ["Halbersau"], "teams": ["Halbersau"]})
    tracks, teams = article.fields["tracks"], article.fields["teams"]
    assert (tracks.tp, tracks.fp, tracks.fn) == (1, 0, 0)
    assert (teams.tp, teams.fp, teams.fn) == (0, 1, 1)


# --------------------------------------------------------------------------- surface forms


def test_entity_matches_through_its_mentions() -> None:
    elm = AliasedName("ELM", ["Eifeler Langstrecken-Meisterschaft", "ELM"])
    assert elm == "ELM" and elm.forms == ("Eifeler Langstrecken-Meisterschaft",)
    gold = {"series": ["Eifeler Langstrecken-Meisterschaft"]}
    with_forms = score_article("903", gold, {"series": [elm]}).fields["series"]
    assert (with_forms.tp, with_forms.fp, with_forms.fn) == (1, 0, 0)
    # the same name without its mentions does not match
    plain = score_article("903", gold, {"series": ["ELM"]}).fields["series"]
    assert (plain.tp, plain.fp, plain.fn) == (0, 1, 1)
    # output lists hold plain names
    assert type(with_forms.matched[0][1]) is str
    assert json.loads(with_forms.model_dump_json())["matched"] == [
        ["Eifeler Langstrecken-Meisterschaft", "ELM"]
    ]


def test_entity_with_forms_still_matches_one_gold_item() -> None:
    elm = AliasedName("ELM", ["Eifeler Langstrecken-Meisterschaft"])
    gold = {"series": ["ELM", "Eifeler Langstrecken-Meisterschaft"]}
    detail = score_article("904", gold, {"series": [elm]}).fields["series"]
    assert (detail.tp, detail.fp, detail.fn) == (1, 0, 1)
    # its own name pairs first
    assert detail.matched == [("ELM", "ELM")]


def test_forms_do_not_merge_predictions() -> None:
    # Jens was also written "Klingmann", which would fit Tim Klingmann too
    preds = [AliasedName("Jens Klingmann", ["Klingmann"]), AliasedName("Tim Klingmann")]
    gold = {"drivers": ["Jens Klingmann", "Tim Klingmann"]}
    detail = score_article("905", gold, {"drivers": preds}).fields["drivers"]
    assert (detail.tp, detail.fp, detail.fn) == (2, 0, 0)


def test_report_to_gold_carries_mentions() -> None:
    def ev(text: str) -> Evidence:
        return Evidence(start=0, end=len(text), text=text)

    report = RaceReport(
        drivers=[Driver(name="Maximilian Hackl", mentions=[ev("Maxi Hackl"), ev("Hackl")])],
        tracks=[Track(name="Halbersau", mentions=[ev("Motodrom Halbersau-Ost")])],
        series=[Series(name="ELM", mentions=[ev("Eifeler Langstrecken-Meisterschaft")])],
        results=[Result(kind="race", position=1, drivers=["Maximilian Hackl"], evidence=EV)],
        events=[Event(name="Finale", track="Halbersau", evidence=EV)],
    )
    shape = report_to_gold(report)
    assert shape["drivers"][0].forms == ("Maxi Hackl", "Hackl")
    assert shape["series"][0].forms == ("Eifeler Langstrecken-Meisterschaft",)
    # a result's driver and an event's track are the entity, with its forms
    assert shape["results"][0]["driver"].forms == ("Maxi Hackl", "Hackl")
    assert shape["events"][0]["track"].forms == ("Motodrom Halbersau-Ost",)
    gold = {
        "results": [_res(1, "Maxi Hackl")],
        "events": [
            {
                "name": "Saisonausklang",
                "track": "Motodrom Halbersau-Ost",
                "date": None,
                "status": "scheduled",
            }
        ],
    }
    article = score_article("906", gold, shape)
    assert article.fields["results"].tp == 1
    assert article.fields["events"].tp == 1


def test_events_rule() -> None:
    assert events_match(_event("VLN Lauf 1"), _event("VLN-Lauf 1", "Nürburgring"))
    # by track and date: the year does not matter, month-day does
    assert events_match(
        _event("Finale", "Hockenheim", "2021-10-24"),
        _event("Saisonfinale", "HOCKENHEIM", "10-24"),
    )
    assert not events_match(
        _event("Finale", "Hockenheim", "10-24"), _event("Saisonfinale", "Hockenheim", "10-23")
    )
    # two unknown dates are equal
    assert events_match(_event("Rennen A", "Sachsenring"), _event("Lauf B", "Sachsenring"))
    assert not events_match(_event("Rennen A", "Sachsenring"), _event("Lauf B", "Lausitzring"))
    assert not events_match(_event("Rennen A"), _event("Lauf B"))


def test_events_need_equal_status() -> None:
    cancelled = {**_event("Eifelrennen", "Halbersau", "05-01"), "status": "cancelled"}
    assert not events_match(_event("Eifelrennen", "Halbersau", "05-01"), cancelled)
    # not by track and date either
    assert not events_match(_event("Lauf B", "Halbersau", "05-01"), cancelled)
    assert events_match(
        {**_event("Lauf B", "Halbersau", "05-01"), "status": "cancelled"}, cancelled
    )


def test_events_by_venue_rule_and_unknown_dates() -> None:
    assert events_match(
        _event("Finale", "Halbersau", "10-24"),
        _event("Saisonausklang", "Motorsport Arena Halbersau", "2021-10-24"),
    )
    # an unknown date does not equal a known one
    assert not events_match(_event("Finale", "Halbersau"), _event("Ausklang", "Halbersau", "10-24"))


def test_postponed_event_keeps_both_slots() -> None:
    gold = [
        {**_event("Eifelrennen", "Halbersau"), "status": "cancelled"},
        _event("Eifelrennen", "Halbersau", "2020-09-24"),
    ]
    article = score_article("907", {"events": gold}, {"events": [gold[1]]})
    detail = article.fields["events"]
    assert (detail.tp, detail.fp, detail.fn) == (1, 0, 1)
    assert detail.missed == [gold[0]]


def test_two_races_of_one_weekend_stay_two() -> None:
    gold = [_event("Rennen", "Halbersau", "07-06"), _event("Rennen", "Halbersau", "07-07")]
    article = score_article("908", {"events": gold}, {"events": [gold[1]]})
    detail = article.fields["events"]
    assert (detail.tp, detail.fn) == (1, 1)
    # the prediction pairs with its own date
    assert detail.matched == [(gold[1], gold[1])]
    # same name, status and (unknown) date: one event
    twice = [_event("Rennen", "Halbersau"), _event("Rennen", "Halbersau")]
    assert score_article("909", {"events": twice}, {}).fields["events"].fn == 1


def test_events_deduplicated_by_name_status_and_date() -> None:
    gold = [_event("VLN Lauf 1", "Nürburgring"), _event("VLN Lauf 2", "Nürburgring")]
    article = score_article("900", {"events": gold}, {"events": [_event("VLN Lauf 2")]})
    detail = article.fields["events"]
    # both gold races stay, and the prediction takes its own name, not the first by track
    assert (detail.tp, detail.fp, detail.fn) == (1, 0, 1)
    assert detail.missed == [gold[0]]


# --------------------------------------------------------------------------- dedupe and greedy


def test_dedupe_keeps_first_of_matching_names() -> None:
    assert dedupe(["Jens Klingmann", "Klingmann", "Erik Müller"], name_score) == [
        "Jens Klingmann",
        "Erik Müller",
    ]


def test_greedy_matching_prefers_exact_pairs() -> None:
    # "Klingmann" would also match "Jens Klingmann"; the exact pair must win
    matched, missed, spurious = match_items(
        ["Jens Klingmann", "Tim Klingmann"], ["Tim Klingmann", "Klingmann"], name_score
    )
    assert ("Tim Klingmann", "Tim Klingmann") in matched
    assert ("Jens Klingmann", "Klingmann") in matched
    assert missed == [] and spurious == []


def test_one_to_one() -> None:
    matched, missed, spurious = match_items(
        [0.3], [0.3, 0.3002], lambda a, b: 1.0 if gaps_match(a, b) else None
    )
    assert len(matched) == 1 and spurious == [0.3002] and missed == []


def test_score_article_counts_per_field() -> None:
    gold = {
        "drivers": ["Jens Klingmann", "Erik Müller", "Tim Weiß"],
        "cars": ["Audi R8 LMS"],
        "gaps_s": [0.3],
        "results": [_res(1, "Jens Klingmann"), _res(2, "Erik Müller")],
    }
    predicted = {
        "drivers": ["Klingmann", "Müller", "Ralf Schneider", "Jens Klingmann"],
        "cars": ["Audi R8"],
        "gaps": [0.3, 12.5],
        "results": [_res(1, "Klingmann"), _res(3, "Erik Müller")],
    }
    article = score_article("901", gold, predicted)
    d = article.fields["drivers"]
    # "Jens Klingmann" is a duplicate of "Klingmann" among the predictions
    assert (d.tp, d.fp, d.fn) == (2, 1, 1)
    assert d.missed == ["Tim Weiß"] and d.spurious == ["Ralf Schneider"]
    assert (article.fields["cars"].tp, article.fields["cars"].fp) == (1, 0)
    assert article.fields["gaps"].spurious == [12.5]
    r = article.fields["results"]
    assert (r.tp, r.fp, r.fn) == (1, 1, 1)
    assert (article.fields["teams"].tp, article.fields["teams"].fn) == (0, 0)


def test_field_score_ratios() -> None:
    s = FieldScore(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert FieldScore().f1 == 1.0  # nothing to find, nothing found
    assert FieldScore(fn=2).precision == 0.0


# --------------------------------------------------------------------------- RaceReport -> gold


def test_report_to_gold() -> None:
    report = RaceReport(
        drivers=[Driver(name="Jens Klingmann"), Driver(name="Erik Müller")],
        teams=[Team(name="Team Eifelblitz")],
        cars=[Car(name="BMW M6 GT3")],
        tracks=[Track(name="Sachsenring")],
        series=[Series(name="ADAC GT Masters")],
        results=[
            Result(kind="race", position=1, drivers=["Jens Klingmann", "Erik Müller"], evidence=EV),
            Result(kind="race", position=1, class_="Silber", drivers=["Tim Weiß"], evidence=EV),
        ],
        gaps=[
            Gap(seconds=0.3, text="0,3 Sekunden", evidence=EV),
            Gap(laps=1, text="eine Runde", evidence=EV),
        ],
        events=[Event(name="Saisonfinale", track="Hockenheim", date="10-24", evidence=EV)],
    )
    shape = report_to_gold(report)
    assert shape["drivers"] == ["Jens Klingmann", "Erik Müller"]
    assert shape["teams"] == ["Team Eifelblitz"] and shape["cars"] == ["BMW M6 GT3"]
    assert shape["results"] == [
        _res(1, "Jens Klingmann"),
        _res(1, "Erik Müller"),
        _res(1, "Tim Weiß", cls="Silber"),
    ]
    assert shape["gaps"] == [0.3]
    assert shape["events"] == [
        {"name": "Saisonfinale", "track": "Hockenheim", "date": "10-24", "status": "scheduled"}
    ]


# --------------------------------------------------------------------------- evaluate


def _gold_dir(tmp_path: Path) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "001.txt").write_text(
        "Jens Klingmann gewann im BMW M6 GT3 mit 0,3 Sekunden Vorsprung.", encoding="utf-8"
    )
    (tmp_path / "001.json").write_text(
        json.dumps(
            {
                "id": "001",
                "drivers": ["Jens Klingmann"],
                "cars": ["BMW M6 GT3"],
                "results": [_res(1, "Jens Klingmann")],
                "gaps_s": [0.3],
                "notes": "synthetisch",
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "002.txt").write_text("Erik Müller fiel aus.", encoding="utf-8")
    (tmp_path / "002.json").write_text(
        json.dumps({"id": "002", "drivers": ["Erik Müller"]}), encoding="utf-8"
    )
    (tmp_path / "003.txt").write_text("Ohne Goldstandard.", encoding="utf-8")
    # named reports count when a gold record sits beside them (fixtures)
    (tmp_path / "eifel_lauf.txt").write_text("Jens Klingmann siegte in der Eifel.", "utf-8")
    (tmp_path / "eifel_lauf.json").write_text(json.dumps({"drivers": ["Jens Klingmann"]}), "utf-8")
    (tmp_path / "README.txt").write_text("keine Meldung", encoding="utf-8")
    return tmp_path


def _fake_extractor(text: str) -> RaceReport:
    if "Müller" in text:
        raise RuntimeError("kaputt")
    return RaceReport(
        drivers=[Driver(name="Klingmann"), Driver(name="Karl Ziegler")],
        cars=[Car(name="BMW M6 GT3")],
        results=[Result(kind="race", position=1, drivers=["Klingmann"], evidence=EV)],
        gaps=[Gap(seconds=0.3, text="0,3 Sekunden", evidence=EV)],
    )


def test_evaluate_sums_over_articles_and_records_failures(tmp_path: Path) -> None:
    report = evaluate(_gold_dir(tmp_path), _fake_extractor)
    assert [a.id for a in report.articles] == ["001", "002", "eifel_lauf"]
    assert report.skipped == ["003"]
    drivers = report.fields["drivers"]
    assert (drivers.tp, drivers.fp, drivers.fn) == (2, 2, 1)
    results = report.fields["results"]
    assert (results.tp, results.fp, results.fn) == (1, 1, 0)  # no results in eifel_lauf gold
    assert report.articles[1].error is not None and "kaputt" in report.articles[1].error
    assert report.overall.tp == 5
    # JSON round trip keeps the computed scores
    data = json.loads(report.model_dump_json())
    assert data["fields"]["drivers"]["precision"] == 0.5
    assert EvalReport.model_validate(data).overall.tp == 5

    only = evaluate(tmp_path, _fake_extractor, ids=["001"])
    assert [a.id for a in only.articles] == ["001"]


def test_evaluate_missing_dir(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path / "fehlt", _fake_extractor)


def test_print_report_details(tmp_path: Path) -> None:
    report = evaluate(_gold_dir(tmp_path), _fake_extractor)
    buffer = io.StringIO()
    print_report(report, details=True, console=Console(file=buffer, width=120))
    out = buffer.getvalue()
    assert "drivers" in out and "overall" in out
    assert "+ spurious Karl Ziegler" in out
    assert "- missed   Erik Müller" in out
    assert "kaputt" in out
    assert "~ matched  Jens Klingmann ≈ Klingmann" in out


# ------------------------------------------------------------------- silver, split, agreement


def _silver(tmp_path: Path) -> tuple[Path, Path]:
    silver, corpus = tmp_path / "silver", tmp_path / "corpus"
    silver.mkdir()
    corpus.mkdir()
    (corpus / "c001.txt").write_text("Jens Klingmann siegte in der Eifel.", encoding="utf-8")
    (corpus / "c002.txt").write_text("Noch ohne Silber-Gold.", encoding="utf-8")
    gold = {"drivers": ["Jens Klingmann"], "genre": "race report"}
    (silver / "c001.json").write_text(json.dumps(gold), encoding="utf-8")
    (silver / "c009.json").write_text(json.dumps(gold), encoding="utf-8")  # no text
    return silver, corpus


def test_evaluate_silver_gold_with_texts_elsewhere(tmp_path: Path) -> None:
    silver, corpus = _silver(tmp_path)
    report = evaluate(silver, _fake_extractor, text_dir=corpus)
    assert [a.id for a in report.articles] == ["c001"]
    assert report.articles[0].genre == "race report"
    assert report.skipped == ["c009"]  # c002 has no gold yet: not listed
    (silver / "c001.json").write_text('{"drivers": ["Jens', encoding="utf-8")
    with pytest.raises(GtextractError, match="c001.json"):
        evaluate(silver, _fake_extractor, text_dir=corpus)


def test_split_report_groups_by_set_fold_and_genre(tmp_path: Path) -> None:
    silver, corpus = _silver(tmp_path)
    dev = evaluate(_gold_dir(tmp_path / "dev"), _fake_extractor)
    sil = evaluate(silver, _fake_extractor, text_dir=corpus)
    folds = {
        "001": FoldRow("001", "dev", "a.de", "race report", "seen"),
        "002": FoldRow("002", "dev", "b.de", "press release", "untouched"),
        "c001": FoldRow("c001", "silver", "b.de", "race report", "untouched"),
    }
    label_articles(dev.articles, folds, "dev")
    label_articles(sil.articles, folds, "silver")
    split = split_report({"dev": dev, "silver": sil})
    assert {c: s.articles for c, s in split.columns.items()} == {
        "dev/seen": 1,
        "dev/untouched": 1,
        "silver/seen": 0,
        "silver/untouched": 1,
    }
    assert split.unassigned == ["eifel_lauf"]  # scored, but in no fold
    assert split.genres["race report"]["untouched"].articles == 1
    assert split.genres["press release"]["untouched"].articles == 1
    assert split.failed == ["002"]
    assert [a.id for a in split.articles] == ["001", "eifel_lauf"]
    assert split.untouched_hidden == 2
    # the aggregate still counts what the details leave out
    assert without_untouched(dev).overall == dev.overall
    assert [a.id for a in without_untouched(dev).articles] == ["001", "eifel_lauf"]
    assert len(split_report({"dev": dev}, show_untouched=True).articles) == 3


def test_agreement_scores_blind_gold_against_gold(tmp_path: Path) -> None:
    gold_dir, blind = _gold_dir(tmp_path / "dev"), tmp_path / "blind"
    blind.mkdir()
    (blind / "001.json").write_text(
        json.dumps({"drivers": ["Jens Klingmann", "Karl Ziegler"], "gaps_s": [0.3]}), "utf-8"
    )
    (blind / "077.json").write_text(json.dumps({"drivers": []}), "utf-8")  # no gold
    report = agreement(blind, gold_dir)
    assert [a.id for a in report.articles] == ["001"] and report.skipped == ["077"]
    assert (report.fields["drivers"].tp, report.fields["drivers"].fp) == (1, 1)
    assert report.fields["gaps"].f1 == 1.0
    assert report.fields["results"].fn == 1  # the blind file gives no results
