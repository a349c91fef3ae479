"""``gtx_quotes``: quotations with their speaker, and author/photo credits."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.components import contract
from gtextract.components.contract import CreditFact, QuoteFact
from gtextract.components.spans import resolved, text_of

QUOTE = re.compile(r"[„\"»“](?P<body>[^„“”\"»«]{15,}?)[“”\"«]")
CREDIT = re.compile(
    r"\b(?P<role>Text|Texte|Fotos?|Bilder?|Quelle)\s*:\s*(?P<name>[^\n|:]+?)"
    r"(?=\s+(?:und|/|&)\s+(?:Text|Texte|Fotos?|Bilder?)\s*:|\s*[|\n]|\s*$)",
    re.MULTILINE,
)
CREDIT_ROLES = {"text": "text", "texte": "text", "quelle": "other"}
SPEAKER_WINDOW = 90


class QuoteFinder:
    def __init__(self, name: str) -> None:
        self.name = name

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
        for m in CREDIT.finditer(text_of(doc)):
            role_word = m.group("role").lower()
            role = CREDIT_ROLES.get(role_word, "photos")
            credits.append(CreditFact(role, m.group("name").strip(), m.start(), m.end()))
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
