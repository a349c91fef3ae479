"""End to end on our own fixture reports: text file in, records out.

The fixtures (fixtures/reports, pages, encodings) are reports we wrote with
hand-made gold records. These tests pin the facts of the demo report and
guard the per-field accuracy on the whole set against regressions; the
floors sit a little below what the pipeline reaches today (README).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gtextract
from gtextract.evaluation import evaluate, gold_fields, report_to_gold, score_article
from gtextract.records import RaceReport
from gtextract.text_input import read_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# F1 floors on fixtures/reports with the blank German base (rules + gazetteers)
FLOORS = {
    "drivers": 0.90,
    "teams": 0.85,
    "cars": 0.90,
    "tracks": 0.90,
    "series": 0.90,
    "results": 0.70,
    "gaps": 0.90,
    "events": 0.85,
}


@pytest.fixture(scope="module")
def demo(extractor: gtextract.Extractor) -> RaceReport:
    path = FIXTURES / "reports" / "gt_masters_sachsenring.txt"
    return extractor(path.read_text(encoding="utf-8"), source=str(path))


def test_demo_drivers_and_non_drivers(demo: RaceReport) -> None:
    names = {d.name for d in demo.drivers}
    assert {"Jonas Brenninger", "Lars ter Horst", "Mathis de Vries"} <= names
    # Teamchef, author and photographer are people of the report, not drivers
    assert not names & {"Rüdiger Kerner", "Sabine Ortlepp", "Gerd Kallweit"}


def test_demo_fused_team_and_car(demo: RaceReport) -> None:
    assert "Kerner Motorsport" in {t.name for t in demo.teams}
    assert "Audi R8" in {c.name for c in demo.cars}


def test_demo_results_gaps_and_events(demo: RaceReport) -> None:
    wins = {(r.kind, r.position, d) for r in demo.results for d in r.drivers}
    assert ("race", 1, "Jonas Brenninger") in wins
    assert ("race", 1, "Lars ter Horst") in wins
    assert ("qualifying", 1, "Jonas Brenninger") in wins
    assert {0.412, 2.318} <= {g.seconds for g in demo.gaps}
    # the pole lap is a lap time, not a gap
    assert 82.906 not in {g.seconds for g in demo.gaps}
    assert any(t.kind == "lap_time" and t.seconds == 82.906 for t in demo.times)
    spa = [e for e in demo.events if e.track == "Spa-Francorchamps"]
    assert spa and spa[0].status == "scheduled"
    assert any(e.status == "cancelled" for e in demo.events)


def test_demo_evidence_points_into_the_text(demo: RaceReport) -> None:
    text = (FIXTURES / "reports" / "gt_masters_sachsenring.txt").read_text(encoding="utf-8")
    for driver in demo.drivers:
        for m in driver.mentions:
            assert text[m.start : m.end] == m.text
    for result in demo.results:
        assert text[result.evidence.start : result.evidence.end] == result.evidence.text


def test_demo_round_trips_through_json(demo: RaceReport) -> None:
    again = RaceReport.model_validate_json(demo.model_dump_json())
    assert again == demo


def test_fixture_accuracy_floors(extractor: gtextract.Extractor) -> None:
    report = evaluate(FIXTURES / "reports", extractor)
    assert len(report.articles) >= 10
    below = {
        name: round(report.fields[name].f1, 3)
        for name, floor in FLOORS.items()
        if report.fields[name].f1 < floor
    }
    assert not below, f"fields below their floor: {below}"


@pytest.mark.parametrize("page", sorted((FIXTURES / "pages").glob("*.html")), ids=lambda p: p.stem)
def test_html_pages_give_the_article_facts(extractor: gtextract.Extractor, page: Path) -> None:
    article = read_article(page)
    assert article.format == "html"
    report = extractor(article.text, title=article.title)
    gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    scored = score_article(page.stem, gold, report_to_gold(report))
    drivers = scored.fields["drivers"]
    assert drivers.tp >= 0.8 * len(gold_fields(gold)["drivers"])
    # menus, teasers and footers do not reach the extractor
    assert drivers.fp <= 1


def test_latin1_report(extractor: gtextract.Extractor) -> None:
    article = read_article(FIXTURES / "encodings" / "report_latin1.txt")
    assert article.encoding in ("latin-1", "cp1252", "windows-1252")
    report = extractor(article.text)
    names = {d.name for d in report.drivers}
    # umlauts and ß decoded right from cp1252 bytes
    assert {"Günther Weißhaupt", "Jörg Bäumler", "Björn Kühnel"} <= names
