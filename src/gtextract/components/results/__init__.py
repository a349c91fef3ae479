"""``gtx_results``: finishing and grid positions tied to their drivers.

A *cue* states a position ("dritten Gesamtrang", "Platz zwei", "P4", "Sieg");
the drivers of its clause get it. The work is split by job:

- ``lists``: numbered result lists ("1. Lucas Muster - Team - Car"), line by line,
  flattened tables (the position alone on a line, the row's cells below) and
  tables whose header names position columns ("Fahrer Grid Ergebnis");
- ``prose``: results in running text, clause by clause, combining
  ``cues`` (the position a clause states) and ``crews`` (whose position it is:
  named drivers, anaphora, the crew of a make, those beaten after "vor");
- ``clauses``: the text units all of them read (clauses, brackets, quotes);
- ``seasons``: drops running-text results stated next to an earlier season's year.

Quotes, mid-race orders and standings are skipped; the words that mark all
this live in ``data/position_cues.json`` (schema: ``gtextract.cues.PositionCues``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.contract import ResultFact
from gtextract.components.results.clauses import quote_ranges
from gtextract.components.results.lists import ListReader, not_contradicted
from gtextract.components.results.named_places import NamedPlaces, outside_brackets
from gtextract.components.results.prose import ProseReader
from gtextract.components.results.seasons import SeasonFilter
from gtextract.components.results.sections import SectionClasses
from gtextract.components.spans import resolved, sentence_at_char, text_of
from gtextract.cues import PositionCues
from gtextract.gazetteers import DataSource, mapping_file

POSITION_CUES_FILE = "position_cues.json"
NEWLINE = re.compile("\n")
# Grammar: the singular demonyms end so ("der Brite", "die Dänin", "der Neuseeländer")
DEMONYM_ENDINGS = ("er", "e", "in")

__all__ = ["POSITION_CUES_FILE", "ResultFinder", "make_results"]


class ResultFinder(DataComponent):
    """Sets ``doc._.gtx_results``: the ResultFacts of lists and of running text."""

    data_files = (POSITION_CUES_FILE, mapping_file("nationalities"))

    def setup(self, data: DataSource) -> None:
        self.cues = data.cues("position_cues", PositionCues)
        nationalities = data.mapping("nationalities")
        # "der Neuseeländer siegte": a demonym after an article refers back to a driver
        demonyms = frozenset(
            w.lower()
            for w in nationalities
            if w[:1].isupper() and w[1:].islower() and w.endswith(DEMONYM_ENDINGS)
        ) - set(self.cues.not_demonyms)
        self.prose = ProseReader(self.cues, demonyms)
        # a result table's flag column: "Brasilien Rubens Barrichello"
        self.lists = ListReader(
            self.cues,
            frozenset(nationalities),
            self.prose.cue_finder.class_label,
        )
        self.seasons = SeasonFilter(self.cues)
        self.named_places = NamedPlaces(self.cues, self.prose.sessions)
        self.sections = SectionClasses(self.cues, self.prose.cue_finder.class_label)

    def __call__(self, doc: Doc) -> Doc:
        listed = (
            self.lists.results(doc)
            + self.lists.table_results(doc)
            + self.lists.column_results(doc)
            + self.lists.class_winner_results(doc)
        )
        quotes = quote_ranges(text_of(doc))
        places = self.named_places.of_doc(doc)
        prose = outside_brackets(self.prose.results(doc, quotes), places)
        prose = self.seasons.keep(doc, prose + self.named_places.results(doc, places, quotes))
        # before a list settles its drivers' places: a list's class is its heading's
        self.sections.apply(doc, listed + prose)
        facts = listed + not_contradicted(doc, _off_lines(doc, prose, listed), listed)
        attach_context(doc, facts)
        doc._.gtx_results = facts
        return doc


def _off_lines(doc: Doc, facts: list[ResultFact], listed: list[ResultFact]) -> list[ResultFact]:
    """The facts not on a line a list result was read from (the list line wins)."""
    text = text_of(doc)
    newlines = [m.start() for m in NEWLINE.finditer(text)]
    listed_lines = {bisect_right(newlines, f.cue[0]) for f in listed}
    return [f for f in facts if bisect_right(newlines, f.cue[0]) not in listed_lines]


def attach_context(doc: Doc, facts: list[ResultFact]) -> None:
    """The car, team and session named in the result's sentence (or list line)."""
    for fact in facts:
        sent = sentence_at_char(doc, fact.cue[0])
        if sent is None:
            continue
        anchor = fact.cue[0]
        for label, attr in (("CAR", "car"), ("TEAM", "team"), ("SESSION", "session")):
            spans = resolved(doc, label, start=sent.start, end=sent.end)
            if label == "SESSION":
                spans = [s for s in spans if s.kb_id_ == fact.kind]
            if spans:
                near = min(spans, key=lambda s: abs(s.start_char - anchor))
                setattr(fact, attr, (near.start_char, near.end_char))


@Language.factory(
    "gtx_results",
    assigns=[contract.extension("gtx_results")],
    requires=[contract.SPANS, contract.SENTS],
)
def make_results(nlp: Language, name: str) -> ResultFinder:
    return ResultFinder(name)
