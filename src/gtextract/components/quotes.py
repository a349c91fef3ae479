"""``gtx_quotes``: quotations with their speaker, and author/photo credits."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.components import contract
from gtextract.components.alternation import any_of, literal_words
from gtextract.components.base import DataComponent
from gtextract.components.contract import CreditFact, QuoteFact
from gtextract.components.spans import resolved, text_of
from gtextract.cues import CreditCues
from gtextract.gazetteers import DataSource

QUOTE = re.compile(r"[„\"»“](?P<body>[^„“”\"»«]{15,}?)[“”\"«]")
CREDIT_CUES_FILE = "credit_cues.json"
# "Text: A und Fotos: B", "Fotos: A | Text: B": {roles} is the alternation of role words
CREDIT = (
    r"\b(?P<role>{roles})\s*:\s*(?P<name>[^\n|:]+?)"
    r"(?=\s+(?:und|/|&)\s+(?:{roles})\s*:|\s*[|\n]|\s*$)"
)
# "Mit Bildmaterial von A.": {lead_ins} is the alternation of the lead-in phrases
LEAD_IN_CREDIT = r"\b(?P<role>{lead_ins})\s+(?P<name>[^\n|:.]+?)(?=\s*[.|\n]|\s*$)"
SPEAKER_WINDOW = 90


def _alternation(words: Iterable[str]) -> str:
    return any_of(literal_words(words)).pattern


class QuoteFinder(DataComponent):
    data_files = (CREDIT_CUES_FILE,)

    def setup(self, data: DataSource) -> None:
        cues = data.cues("credit_cues", CreditCues)
        self.roles = {w.lower(): r for w, r in (cues.roles | cues.lead_ins).items()}
        self.credit_forms = [
            re.compile(CREDIT.format(roles=_alternation(cues.roles)), re.MULTILINE)
        ]
        if cues.lead_ins:
            lead_ins = _alternation(cues.lead_ins)
            self.credit_forms.append(
                re.compile(LEAD_IN_CREDIT.format(lead_ins=lead_ins), re.MULTILINE)
            )

    def __call__(self, doc: Doc) -> Doc:
        people = resolved(doc, "DRIVER", "PERSON")
        quotes = []
        for m in QUOTE.finditer(text_of(doc)):
            after = [p for p in people if m.end() <= p.start_char <= m.end() + SPEAKER_WINDOW]
            before = [p for p in people if m.start() - SPEAKER_WINDOW <= p.end_char <= m.start()]
            speaker = after[0] if after else (before[-1] if before else None)
            quotes.append(
                QuoteFact(
                    start=m.start("body"),
                    end=m.end("body"),
                    text=m.group("body"),
                    speaker=(speaker.start, speaker.end) if speaker is not None else None,
                )
            )
        credits = []
        for form in self.credit_forms:
            for m in form.finditer(text_of(doc)):
                role = self.roles[m.group("role").lower()]
                credits.append(CreditFact(role, m.group("name").strip(), m.start(), m.end()))
        credits.sort(key=lambda c: c.start)
        doc._.gtx_quotes = quotes
        doc._.gtx_credits = credits
        return doc


@Language.factory(
    "gtx_quotes",
    assigns=[contract.extension("gtx_quotes"), contract.extension("gtx_credits")],
    requires=[contract.SPANS],
)
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(name)
