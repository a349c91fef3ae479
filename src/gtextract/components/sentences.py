"""``gtx_sentences``: sentence boundaries when the base pipeline has none.

Race reports mix prose with headings, bullet lists and result lines, so a
line break is a boundary too. A parser or senter in the base wins.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from gtextract.components import contract


class LineAwareSentencizer:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sentencizer = Sentencizer()

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("SENT_START"):
            return doc
        # work on the flags, not on Token.is_sent_start: its getter scans the whole Doc
        starts = list(self.sentencizer.predict([doc])[0])
        for i in range(1, len(doc)):
            prev = doc[i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                starts[i] = True
            elif starts[i] and prev.text == "." and _abbreviation(doc, i - 1):
                starts[i] = False
        flags: Any = numpy.asarray([1 if start else -1 for start in starts], dtype="int32")
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))
        return doc


def _abbreviation(doc: Doc, i: int) -> bool:
    """A number with a dot before a lower-case word is an ordinal, not a sentence end."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.text[:1].islower()


@Language.factory("gtx_sentences", assigns=[contract.SENTS])
def make_sentences(nlp: Language, name: str) -> LineAwareSentencizer:
    return LineAwareSentencizer(name)
