"""A stub pipeline for the batch plumbing tests (fast, no model)."""

from __future__ import annotations

import re
from datetime import date

import spacy

from gtextract.records import Driver, Evidence, RaceReport


class StubExtractor:
    """Finds "Vorname Nachname" pairs: enough to test the plumbing quickly."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("de")
        self.calls = 0

    def __call__(
        self,
        text: str,
        *,
        source: str | None = None,
        published: date | None = None,
        title: str | None = None,
    ) -> RaceReport:
        self.calls += 1
        if "EXPLODIERT" in text:
            raise RuntimeError("stub pipeline failure")
        self.nlp(text)  # touch the vocab, as the real pipeline would
        drivers = [
            Driver(
                name=m.group(0), mentions=[Evidence(start=m.start(), end=m.end(), text=m.group(0))]
            )
            for m in re.finditer(r"\b(?:Kelvin|Marco|Maro|René|Laurin) [A-ZÄÖÜ][a-zäöü]+\b", text)
        ]
        return RaceReport(source=source, title=title, published=published, drivers=drivers)
