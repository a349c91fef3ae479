"""Numbered result lists: "1. Anna Muster/Ben Beispiel - Team - Car" lines below
a heading. Lists of non-final orders ("Top 10 nach 15 Minuten") and standings
("211 Punkte") are skipped."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from gtextract.components.contract import ResultFact
from gtextract.components.spans import resolved, text_of
from gtextract.cues import PositionCues

LIST_LINE = re.compile(r"^[ \t]*(\d{1,2})\.[ \t]+(?=\S)", re.MULTILINE)
POINTS = re.compile(r"\b\d+\s+(?:Punkte|Pkt\.?|Zähler)\b")


def list_heading(text: str, pos: int) -> str:
    """The line above a numbered list ("Top 10 nach 15 Minuten", "Ergebnis Rennen 1")."""
    lines = text[:pos].split("\n")
    for line in reversed(lines):
        stripped = line.strip()
        if stripped and not LIST_LINE.match(line):
            return stripped.lower()
    return ""


class ListReader:
    """Reads the results of numbered list lines."""

    def __init__(self, cues: PositionCues) -> None:
        self.not_final = [re.compile(p) for p in cues.list_heading_not_final]

    def results(self, doc: Doc) -> list[ResultFact]:
        """ "1. Name - Team - Car" lines below a result heading."""
        facts = []
        text = text_of(doc)
        drivers = resolved(doc, "DRIVER")
        for m in LIST_LINE.finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            if any(p.search(list_heading(text, m.start())) for p in self.not_final):
                continue
            line = text[m.end() : line_end]
            if POINTS.search(line):
                continue  # "1. A/B - 211 Punkte": standings, not a result
            on_line = [d for d in drivers if m.end() <= d.start_char < line_end]
            first = on_line[0] if on_line else None
            if first is None or first.start_char - m.end() > 2:
                continue
            crew = [first]
            for d in on_line[1:]:  # "1. Anna Muster/Ben Beispiel - Team"
                if text[crew[-1].end_char : d.start_char].strip() != "/":
                    break
                crew.append(d)
            facts.append(
                ResultFact(
                    kind="race",
                    position=int(m.group(1)),
                    class_=None,
                    drivers=[(d.start, d.end) for d in crew],
                    cue=(m.start(1), m.end(1) + 1),
                )
            )
        return facts
