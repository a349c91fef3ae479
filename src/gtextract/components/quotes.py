"""``gtx_quotes``: quotations with their speaker, and author/photo credits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.components.spans import resolved, text_of

QUOTE = re.compile(r"[„\"»“](?P<body>[^„“”\"»«]{15,}?)[“”\"«]")
CREDIT = re.compile(
    r"\b(?P<role>Text|Texte|Fotos?|Bilder?|Quelle)\s*:\s*(?P<name>[^\n|:]+?)"
    r"(?=\s+(?:und|/|&)\s+(?:Text|Texte|Fotos?|Bilder?)\s*:|\s*[|\n]|\s*$)",
    re.MULTILINE,
)
CREDIT_ROLES = {"text": "text", "texte": "text", "quelle": "other"}
SPEAKER_WINDOW = 90


@dataclass(frozen=True)
class QuoteFact:
    start: int
    end: int
    text: str
    speaker: tuple[int, int] | None  # token offsets of the speaker span


@dataclass(frozen=True)
class CreditFact:
    role: str
    name: str
    start: int
    end: int


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


for _ext in ("gtx_quotes", "gtx_credits"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


@Language.factory("gtx_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(name)
