"""What a candidate result looks like to the learned filter (``scoring``).

A *candidate* is one driver of one ResultFact that the rules found: its
position, session and class as the rules read them. Its features describe
what generalises across sites, never a word of one text: the kind of cue
(a digit, a win word, pole, a grid word), how far the driver stands from the
cue, whether the cue sits on a list line, whether other facts contradict it
(the same place given to another crew, the same driver with another place),
and how the text as a whole reads (a list, a preview, a ticker).

Every feature is a number; the names are the keys of the weights file
(``data/result_filter.json``), so a feature can be added without breaking a
weights file that does not know it yet (it weighs 0 there).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from gtextract.components.alternation import from_word_start
from gtextract.components.contract import ResultFact
from gtextract.components.results.sessions import SessionReader
from gtextract.components.spans import resolved, sentence_at_char, text_of
from gtextract.cues import EventCues, PositionCues, ResultFilterCues
from gtextract.names import normalize

# a line that opens with a number ("3. ", "P3", "12 "): a list or table row
LIST_LINE = re.compile(r"^\s*(?:P|Pos\.?\s*)?\d{1,3}\b")
# a line that opens with a clock time ("14:35 Uhr", "14.35"): a live ticker
CLOCK_LINE = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?\s*(?:[:\-–]|$)", re.MULTILINE)
# quotation marks: a candidate beside talk is less often a result
QUOTE_CHARS = frozenset('„“”"»«')
# a year of a season: a sentence with an earlier one than the text's own speaks of the past
YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
# a line that ends like a sentence; headlines and table rows do not
SENTENCE_END = re.compile(r"[.!?:\"“”»«)]\s*$")


@dataclass(frozen=True)
class Candidate:
    """One driver of one fact: where it is and what it looks like."""

    fact: int  # index into doc._.gtx_results
    driver: int  # index into that fact's drivers
    features: dict[str, float]


def _log(n: float) -> float:
    return math.log1p(max(0.0, n))


def _driver_key(doc: Doc, span: tuple[int, int]) -> str:
    """A driver's surname in matching form: "Max Muster" and "Muster" are one driver."""
    words = normalize(doc[span[0] : span[1]].text).split()
    return words[-1] if words else ""


def _regex(patterns: list[str]) -> re.Pattern[str] | None:
    return from_word_start(patterns) if patterns else None


class FeatureReader:
    """Turns the facts of a Doc into candidates with their features."""

    def __init__(self, positions: PositionCues, events: EventCues, words: ResultFilterCues) -> None:
        self.win_words = set(positions.win_words)
        self.grid_words = set(positions.grid_nouns) | set(positions.grid_verbs)
        self.race_nouns = set(positions.race_nouns)
        self.not_result = _regex(positions.not_result)
        self.future = _regex(events.future)
        self.sessions = SessionReader(positions)
        self.groups = {
            "sent_standings": _regex(words.standings),
            "sent_history": _regex(words.history),
            "sent_behind": _regex(words.behind),
            "sent_progress": _regex(words.progress),
        }
        self.start_words = set(words.start_words)

    def candidates(self, doc: Doc, facts: list[ResultFact]) -> list[Candidate]:
        text = text_of(doc)
        whole = self._text_features(doc, text, facts)
        years = Counter(YEAR.findall(text))
        text_year = int(years.most_common(1)[0][0]) if years else None
        crews_at = Counter((f.kind, f.position, f.class_) for f in facts)
        places_of: dict[tuple[str, str], set[int]] = {}
        stated: Counter[tuple[str, str, int]] = Counter()
        for f in facts:
            for d in f.drivers:
                key = _driver_key(doc, d)
                places_of.setdefault((f.kind, key), set()).add(f.position)
                stated[(f.kind, key, f.position)] += 1
        mentions = Counter(_driver_key(doc, (s.start, s.end)) for s in resolved(doc, "DRIVER"))
        headline_end = text.find("\n")
        headline = {
            _driver_key(doc, (s.start, s.end))
            for s in resolved(doc, "DRIVER")
            if headline_end == -1 or s.start_char < headline_end
        }
        out: list[Candidate] = []
        for fi, fact in enumerate(facts):
            own = self._fact_features(doc, text, fact, crews_at, text_year)
            cue = _token_at(doc, fact.cue[0])
            sent = sentence_at_char(doc, fact.cue[0])
            for di, span in enumerate(fact.drivers):
                key = _driver_key(doc, span)
                feats = dict(whole)
                feats.update(own)
                feats.update(_driver_features(doc, span, cue, sent))
                feats["other_places"] = _log(len(places_of[(fact.kind, key)]) - 1)
                feats["restated"] = _log(stated[(fact.kind, key, fact.position)] - 1)
                feats["driver_index"] = _log(di)
                feats["driver_mentions"] = _log(mentions[key] - 1)
                feats["driver_in_headline"] = float(key in headline)
                out.append(Candidate(fi, di, feats))
        return out

    def _text_features(self, doc: Doc, text: str, facts: list[ResultFact]) -> dict[str, float]:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        n_lines = max(1, len(lines))
        future = len(self.future.findall(text.lower())) if self.future else 0
        return {
            "bias": 1.0,
            "text_facts": _log(len(facts)),
            "text_chars": _log(len(text) / 1000),
            "text_list_lines": sum(bool(LIST_LINE.match(ln)) for ln in lines) / n_lines,
            "text_clock_lines": len(CLOCK_LINE.findall(text)) / n_lines,
            "text_future": _log(1000 * future / max(1, len(text))),
            "text_drivers": _log(len(resolved(doc, "DRIVER"))),
        }

    def _fact_features(
        self,
        doc: Doc,
        text: str,
        fact: ResultFact,
        crews_at: Counter[tuple[str, int, str | None]],
        text_year: int | None,
    ) -> dict[str, float]:
        cue_text = text[fact.cue[0] : fact.cue[1]].lower()
        line_start = text.rfind("\n", 0, fact.cue[0]) + 1
        line_end = text.find("\n", fact.cue[0])
        line = text[line_start : line_end if line_end != -1 else len(text)]
        sent = sentence_at_char(doc, fact.cue[0])
        sent_text = sent.text.lower() if sent is not None else line.lower()
        p = fact.position
        cue_token = _token_at(doc, fact.cue[0])
        before = doc[cue_token.i - 1].lower_ if cue_token is not None and cue_token.i else ""
        sent_years = [int(y) for y in YEAR.findall(sent_text)]
        text_session = self.sessions.of_text(doc) or "race"
        sent_session = self.sessions.of_span(sent) if sent is not None else None
        return {
            "kind_not_text_session": float(fact.kind != text_session),
            "kind_not_sentence_session": float(
                sent_session is not None and fact.kind != sent_session
            ),
            "sent_qualifying_words": float(bool(self.sessions.qualifying_words.search(sent_text))),
            "sent_race_words": float(bool(self.sessions.race_words.search(sent_text))),
            "qualifying": float(fact.kind == "qualifying"),
            "class": float(fact.class_ is not None),
            "pos_1": float(p == 1),
            "pos_2_3": float(2 <= p <= 3),
            "pos_4_10": float(4 <= p <= 10),
            "pos_over_10": float(p > 10),
            "crew_size": _log(len(fact.drivers)),
            "cue_digit": float(cue_text.isdigit()),
            "cue_win": float(cue_text in self.win_words),
            "cue_pole": float(cue_text.startswith("pole")),
            "cue_grid": float(cue_text in self.grid_words),
            "cue_place_noun": float(cue_text in self.race_nouns),
            "list_line": float(bool(LIST_LINE.match(line))),
            "line_short": float(len(line.strip()) < 80),
            "session_named": float(fact.session is not None),
            "car_named": float(fact.car is not None),
            "team_named": float(fact.team is not None),
            "headline": float(line_start == 0),
            "cue_depth": fact.cue[0] / max(1, len(text)),
            "same_place_crews": _log(crews_at[(fact.kind, fact.position, fact.class_)] - 1),
            "sent_drivers": _log(
                len(resolved(doc, "DRIVER", start=sent.start, end=sent.end)) if sent else 0
            ),
            "sent_tokens": _log(len(sent) / 10 if sent is not None else 0),
            "sent_quote": float(any(c in QUOTE_CHARS for c in sent_text)),
            "sent_not_result": float(bool(self.not_result and self.not_result.search(sent_text))),
            "sent_future": float(bool(self.future and self.future.search(sent_text))),
            **{
                name: float(bool(regex and regex.search(sent_text)))
                for name, regex in self.groups.items()
            },
            "cue_after_start_word": float(before in self.start_words),
            "sent_year": float(bool(sent_years)),
            "sent_past_year": float(
                text_year is not None and any(y < text_year for y in sent_years)
            ),
            "line_unfinished": float(not SENTENCE_END.search(line)),
        }


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _driver_features(
    doc: Doc, span: tuple[int, int], cue: Token | None, sent: Span | None
) -> dict[str, float]:
    start, end = span
    if cue is None:
        return {"cue_distance": 0.0, "driver_after_cue": 0.0, "driver_other_sentence": 0.0}
    distance = start - cue.i if start > cue.i else cue.i - end + 1
    other_sentence = sent is None or not (sent.start <= start < sent.end)
    return {
        "cue_distance": _log(max(0, distance)),
        "driver_after_cue": float(start > cue.i),
        "driver_other_sentence": float(other_sentence),
    }
