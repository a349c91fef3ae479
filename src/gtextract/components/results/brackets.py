"""Crews named in brackets right after their car: "der Porsche #44 (A/B/C)",
"das Team X (A, B und C)", "der Ferrari #51 (A/B/C; 2.)".

Endurance and rally reports name a car (make, model, team or start number) and
put its crew in brackets behind it. Such a bracket holds nothing but two to four
drivers joined by "/", "," or "und", optionally followed by "; <detail>", where a
detail of "2." or "Dritte" is the crew's final place. Brackets with anything
else ("(25, Bonn)", "(Belgien)", a single name) are details, not crews.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from gtextract.components.spans import lower_forms, resolved
from gtextract.cues import PositionCues
from gtextract.numbers import ordinal

# a crew is two to four drivers: one name in brackets is a reference, more is a list
CREW_SIZE = (2, 4)
# the longest bracket read, in tokens (four names with given names and separators)
MAX_BRACKET = 24
# Grammar: "(A/B; 2.)" - the semicolon separates the crew from its detail
DETAIL_MARK = ";"
START_NUMBER = re.compile(r"^#?\d{1,3}$")
PLACE = re.compile(r"^(\d{1,2})\.$")


@dataclass
class CrewBracket:
    """A bracket that names the crew of the car before it."""

    open: int  # token index of "("
    close: int  # token index of ")"
    drivers: list[tuple[int, int]]  # token offsets of the DRIVER spans
    place: int | None = None  # "(A/B; 2.)": the final place the detail states
    place_token: int | None = None


class CrewBrackets:
    """Finds the crew brackets of a Doc (once per Doc, cached in ``user_data``)."""

    def __init__(self, cues: PositionCues) -> None:
        self.joiners = set(cues.group_joiners)
        self.start_number_words = set(cues.start_number_words)
        self.object_markers = set(cues.object_markers) - {"von"}

    def of_doc(self, doc: Doc) -> list[CrewBracket]:
        cached = doc.user_data.get("gtx_crew_brackets")
        if cached is None:
            cached = doc.user_data["gtx_crew_brackets"] = self._find(doc)
        return list(cached)

    def in_span(self, span: Span) -> list[CrewBracket]:
        """The crew brackets whose drivers start inside ``span``."""
        return [b for b in self.of_doc(span.doc) if span.start <= b.drivers[0][0] < span.end]

    def driver_starts(self, span: Span) -> set[int]:
        """Token starts of the drivers named in the crew brackets of ``span``."""
        return {d[0] for b in self.in_span(span) for d in b.drivers}

    def _find(self, doc: Doc) -> list[CrewBracket]:
        lower = lower_forms(doc)
        found: list[CrewBracket] = []
        vehicle_ends = {s.end for s in resolved(doc, "CAR", "MAKE", "TEAM")}
        for i, word in enumerate(lower):
            if word != "(" or not self._after_a_car(lower, i, vehicle_ends):
                continue
            close = next(
                (j for j in range(i + 1, min(len(lower), i + MAX_BRACKET)) if lower[j] in "()"),
                None,
            )
            if close is None or lower[close] != ")":
                continue
            if any(w in self.object_markers for w in lower[max(0, i - 6) : i]):
                continue  # "gegen den Audi #3 (A/B)": the crew is an object
            bracket = self._crew(doc, lower, i, close)
            if bracket is not None:
                found.append(bracket)
        return found

    def after_start_number(self, doc: Doc, i: int) -> bool:
        """Is token ``i`` right after a car's start number ("#51", "Startnummer 51")?"""
        return self._after_start_number(lower_forms(doc), i)

    def _after_a_car(self, lower: list[str], i: int, vehicle_ends: set[int]) -> bool:
        """Does the bracket follow a car: a make, model or team, or a start number?"""
        return i in vehicle_ends or self._after_start_number(lower, i)

    def _after_start_number(self, lower: list[str], i: int) -> bool:
        if i == 0 or not START_NUMBER.match(lower[i - 1]):
            return False
        before = lower[i - 2] if i >= 2 else ""
        return lower[i - 1].startswith("#") or before == "#" or before in self.start_number_words

    def _crew(self, doc: Doc, lower: list[str], open_: int, close: int) -> CrewBracket | None:
        """The bracket's drivers when it holds a crew and nothing else (but a detail)."""
        drivers = [(d.start, d.end) for d in resolved(doc, "DRIVER", start=open_ + 1, end=close)]
        if not drivers:
            return None
        if drivers[0][0] != open_ + 1:
            return None  # "(Sieger 2019: A/B)": the bracket says more than a crew
        crew = [drivers[0]]
        at = drivers[0][1]
        for start, end in drivers[1:]:
            between = lower[at:start]
            if not between or not all(w in self.joiners for w in between):
                break
            crew.append((start, end))
            at = end
        if not CREW_SIZE[0] <= len(crew) <= CREW_SIZE[1]:
            return None
        bracket = CrewBracket(open_, close, crew)
        if at == close:
            return bracket
        if lower[at] != DETAIL_MARK or at + 1 >= close:
            return None
        detail = doc[at + 1]
        m = PLACE.match(detail.text)
        value = int(m.group(1)) if m else None
        if value is None and detail.text[:1].isupper() and not detail.text.lower().endswith("es"):
            value = ordinal(detail.text)
        if value:
            bracket.place, bracket.place_token = value, at + 1
        return bracket
