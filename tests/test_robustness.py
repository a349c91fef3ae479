"""No text makes the pipeline crash: fragments, cut-off reports, odd punctuation."""

from __future__ import annotations

from pathlib import Path

import pytest

import gtextract
from gtextract.errors import InputError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"

ODD = [
    "„",
    "(",
    "1.",
    "P1",
    "NOV\n07\n",
    "Text:",
    "Fotos: ",
    "+0,2",
    "1:02,3",
    "(+",
    "tbd\n--\n",
    "-" * 50,
    "Rang",
    "Platz zwei",
    "Die Plätze 5 und 6 belegten",
    "Er landete vor",
    "Der Bentley erbt den Sieg.",
    "Zusammen mit",
    "(Erste in der Klasse",
    "1. Max Muster/",
    "Sieger der Gentleman-Wertung werden",
    "Am kommenden Wochenende",
    "wird vom 6. Juni auf den",
]


@pytest.mark.parametrize("text", ODD)
def test_fragments_do_not_crash(extractor: gtextract.Extractor, text: str) -> None:
    report = extractor(text)
    for result in report.results:
        assert text[result.evidence.start : result.evidence.end] == result.evidence.text


@pytest.mark.parametrize("cut", [40, 333, 777, 1500])
def test_reports_cut_anywhere_do_not_crash(extractor: gtextract.Extractor, cut: int) -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")[:cut]
        try:
            report = extractor(text)
        except InputError:
            continue  # a cut that leaves only whitespace
        assert report.schema_version
