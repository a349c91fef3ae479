"""Places in a bracket right after each driver: "A (Platz eins), B (Platz zwei)",
"B (4.) und C (9.)".

Club and local reports list their drivers with the place each reached in a
bracket behind the name. Such a bracket holds nothing but the place: a position
noun and a number ("Platz drei", "Rang 7"), an ordinal number ("4.") or a
capitalised ordinal ("Dritter"). The place is that one driver's, not the crew's
of the clause; a sentence about standings or points gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from gtextract.components.alternation import from_word_start
from gtextract.components.contract import ResultFact
from gtextract.components.results.clauses import in_ranges
from gtextract.components.results.sessions import QUALIFYING, RACE, SessionReader
from gtextract.components.spans import (
    lower_forms,
    resolved_rows,
    sentence_at_char,
    span_text,
    token_offsets,
    token_texts,
)
from gtextract.cues import PositionCues
from gtextract.numbers import cardinal, ordinal

ORDINAL_NUMBER = re.compile(r"^(\d{1,2})\.$")
# Grammar: the bracket around the place
OPEN, CLOSE = "(", ")"


@dataclass
class NamedPlace:
    """A driver and the place in the bracket right after the name."""

    driver: tuple[int, int]  # token offsets of the DRIVER span
    place: int
    bracket: tuple[int, int]  # char offsets of the bracket, "(" to ")"


class NamedPlaces:
    """Reads "A (Platz eins)", "B (4.)": a place in a bracket behind one driver."""

    def __init__(self, cues: PositionCues, sessions: SessionReader) -> None:
        self.position_nouns = set(cues.race_nouns) - set(cues.plural_position_nouns)
        self.not_result = from_word_start(cues.not_result)
        self.sessions = sessions

    def of_doc(self, doc: Doc) -> list[NamedPlace]:
        lower, texts, offsets = lower_forms(doc), token_texts(doc), token_offsets(doc)
        found: list[NamedPlace] = []
        for start, end, _, _ in resolved_rows(doc, "DRIVER"):
            if end + 2 >= len(lower) or lower[end] != OPEN:
                continue
            inside = texts[end + 1 : min(len(texts), end + 4)]
            close = next((k for k, w in enumerate(inside) if w == CLOSE), None)
            if close is None:
                continue
            place = self._place(inside[:close])
            if place is not None:
                bracket_end = end + 1 + close
                span = (offsets[end], offsets[bracket_end] + 1)
                found.append(NamedPlace((start, end), place, span))
        return found

    def _place(self, words: list[str]) -> int | None:
        """ "Platz drei", "Rang 7", "4.", "Dritter": the place a bracket holds, if only that."""
        if len(words) == 2 and words[0].lower() in self.position_nouns:
            value = cardinal(words[1])
        elif len(words) == 1 and (m := ORDINAL_NUMBER.match(words[0])):
            value = int(m.group(1))
        elif len(words) == 1 and words[0][:1].isupper() and not words[0].lower().endswith("es"):
            value = ordinal(words[0])  # "Dritter"; a neuter "Drittes" qualifies a thing
        else:
            return None
        return value if value is not None and 0 < value < 100 else None

    def results(
        self, doc: Doc, places: list[NamedPlace], quotes: list[tuple[int, int]]
    ) -> list[ResultFact]:
        """One fact per named place, outside quotes and standings, not in a practice."""
        out: list[ResultFact] = []
        for named in places:
            sent = sentence_at_char(doc, named.bracket[0])
            if sent is None or in_ranges(named.bracket[0], quotes):
                continue
            if self.not_result.search(span_text(doc, sent.start, sent.end).lower()):
                continue  # "A (3.) liegt mit 40 Punkten ...": a standing
            if self.sessions.in_practice(sent, sent):
                continue
            # like a place in running text: the sentence's qualifying, else the text's
            if self.sessions.of_span(sent) == QUALIFYING:
                kind = QUALIFYING
            else:
                kind = self.sessions.of_text(doc) or RACE
            out.append(
                ResultFact(
                    kind=kind,
                    position=named.place,
                    class_=None,
                    drivers=[named.driver],
                    cue=named.bracket,
                )
            )
        return out


def outside_brackets(facts: list[ResultFact], places: list[NamedPlace]) -> list[ResultFact]:
    """The facts whose cue is not inside a named place's bracket (that place is one
    driver's, never the clause's crew's)."""
    spans = sorted(p.bracket for p in places)
    return [f for f in facts if not in_ranges(f.cue[0], spans)]
