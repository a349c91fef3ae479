"""Which session a position belongs to when its cue does not say it.

"Platz drei", "als Dritter" state a place but not whether it is the race's or
the qualifying's. The clause (or its sentence) may name the session ("im
Qualifying", "im Rennen": SESSION spans of the gazetteer); else the text as a
whole decides: a text that speaks of a qualifying (session words, pole, grid)
and hardly of a race result (win words, the finish), or whose first sentence
states a qualifying and no race result, reports a qualifying, and its places
are grid places.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from gtextract.components.alternation import from_word_start
from gtextract.components.spans import (
    lower_forms,
    resolved,
    resolved_rows,
    text_of,
    token_offsets,
)
from gtextract.cues import PositionCues

QUALIFYING = "qualifying"
RACE = "race"
PRACTICE = "practice"
_KINDS = (QUALIFYING, RACE)


class SessionReader:
    """The session of a clause, a sentence or the whole text."""

    def __init__(self, cues: PositionCues) -> None:
        self.qualifying_words = from_word_start(cues.qualifying_words)
        self.race_words = from_word_start(cues.race_result_words)
        self.win_words = set(cues.win_words)
        self.lead_chars = int(cues.session_lead_chars)
        self.min_evidence = int(cues.qualifying_min_evidence)
        self.ratio = float(cues.qualifying_ratio)

    def of_span(self, span: Span) -> str | None:
        """The one session (race or qualifying) named in a span, if only one is."""
        rows = resolved_rows(span.doc, "SESSION", start=span.start, end=span.end)
        kinds = {kb_id for _, _, _, kb_id in rows}
        kinds &= set(_KINDS)
        return kinds.pop() if len(kinds) == 1 else None

    def only_practice(self, span: Span) -> bool:
        """True when a span names practice sessions (tests, free practice) and no other."""
        rows = resolved_rows(span.doc, "SESSION", start=span.start, end=span.end)
        return {kb_id for _, _, _, kb_id in rows} == {PRACTICE}

    def in_practice(self, clause: Span, sent: Span) -> bool:
        """Is a place without its session read in a practice or a test?

        The clause or else its sentence names only practice sessions ("Im freien
        Training wurde X Dritter"); or neither names a session and the paragraph so
        far spoke only of practice ("Bei den Testfahrten ... Am zweiten Tag kam X auf
        Platz drei"). A qualifying report's "Training" may be its qualifying: there
        only the clause's or the sentence's own words count.
        """
        for scope in (clause, sent):
            kinds = self._kinds(scope.doc, scope.start, scope.end)
            if kinds:
                return kinds == {PRACTICE}
        doc = sent.doc
        if self.of_text(doc) == QUALIFYING:
            return False
        start = bisect_right(token_offsets(doc), text_of(doc).rfind("\n", 0, sent.start_char))
        return self._kinds(doc, min(start, sent.start), sent.start) == {PRACTICE}

    @staticmethod
    def _kinds(doc: Doc, start: int, end: int) -> set[str]:
        """The sessions (race, qualifying, practice) named in tokens [start, end)."""
        rows = resolved_rows(doc, "SESSION", start=start, end=end)
        return {kb_id for _, _, _, kb_id in rows} & {RACE, QUALIFYING, PRACTICE}

    def _lead_reports_qualifying(self, doc: Doc) -> bool:
        """The first sentence states a qualifying ("X hat sich die Pole gesichert")
        and no race result: the report's topic, whatever the body recalls."""
        lead = next((s for s in doc.sents if s.text.strip()), None)
        if lead is None:
            return False
        text = lead.text.lower()
        qualifying = any(
            s.kb_id_ == QUALIFYING for s in resolved(doc, "SESSION", start=lead.start, end=lead.end)
        ) or bool(self.qualifying_words.search(text))
        race = bool(self.race_words.search(text)) or any(t.lower_ in self.win_words for t in lead)
        return qualifying and not race

    def of_text(self, doc: Doc) -> str | None:
        """ "qualifying" when the text reports a qualifying and no race result.

        Evidence counts twice in the lead (a headline, the first sentence).
        """
        cached = doc.user_data.get("gtx_results_session")
        if cached is not None:
            return str(cached) or None
        qualifying = race = 0.0

        def weight(char: int) -> int:
            return 2 if char < self.lead_chars else 1

        for s in resolved(doc, "SESSION"):
            if s.kb_id_ == QUALIFYING:
                qualifying += weight(s.start_char)
        text = text_of(doc).lower()
        for m in self.qualifying_words.finditer(text):
            qualifying += weight(m.start())
        for m in self.race_words.finditer(text):
            race += weight(m.start())
        for low, idx in zip(lower_forms(doc), token_offsets(doc), strict=True):
            if low in self.win_words:
                race += weight(idx)
        kind = (
            QUALIFYING
            if (qualifying >= self.min_evidence and qualifying > self.ratio * race)
            or self._lead_reports_qualifying(doc)
            else ""
        )
        doc.user_data["gtx_results_session"] = kind
        return kind or None
