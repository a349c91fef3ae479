"""Shared span helpers (components/spans.py)."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from gtextract.components.spans import (
    RESOLVED,
    lower_forms,
    resolved,
    resolved_rows,
    span_text,
    text_of,
    token_offsets,
    token_spaces,
    token_texts,
)


def test_lower_forms_are_the_tokens_lower_case_forms() -> None:
    nlp = spacy.blank("de")
    doc = nlp("Rund um das Sächsische Stollberg fährt die ADAC-Rallye (Zwickau) am 3. Mai.")
    assert lower_forms(doc) == [t.lower_ for t in doc]
    assert lower_forms(doc)[:2] == ["rund", "um"]
    assert lower_forms(nlp("")) == []


def test_token_lists_and_cut_texts_equal_spacys() -> None:
    nlp = spacy.blank("de")
    text = "Die Sieger  (Lena Muster/Jonas Beispiel) kamen an.\n\nPlatz 3 ging an  Ole Test. "
    doc = nlp(text)
    assert token_texts(doc) == [t.text for t in doc]
    assert token_offsets(doc) == [t.idx for t in doc]
    assert token_spaces(doc) == [int(t.whitespace_ == " ") for t in doc]
    assert text_of(doc) == doc.text == text
    for start in range(len(doc)):
        for end in range(start, len(doc) + 3):
            assert span_text(doc, start, end) == doc[start:end].text, (start, end)


def test_token_lists_are_read_once_per_doc() -> None:
    doc = spacy.blank("de")("Zweiter wurde Jonas Beispiel.")
    assert token_texts(doc) is token_texts(doc)
    assert lower_forms(doc) is lower_forms(doc)


def test_resolved_rows_match_the_spans() -> None:
    doc = spacy.blank("de")("Lena Muster gewann vor Ole Test im Porsche 911 in Spa.")
    doc.spans[RESOLVED] = [
        Span(doc, 0, 2, label="DRIVER", kb_id="Lena Muster"),
        Span(doc, 4, 6, label="DRIVER"),
        Span(doc, 7, 9, label="CAR", kb_id="Porsche 911"),
        Span(doc, 11, 12, label="TRACK"),
    ]
    for labels, start, end in (((), 0, None), (("DRIVER",), 1, None), (("CAR", "TRACK"), 0, 12)):
        spans = resolved(doc, *labels, start=start, end=end)
        rows = resolved_rows(doc, *labels, start=start, end=end)
        assert rows == [(s.start, s.end, s.label_, s.kb_id_) for s in spans]
    assert [r[0] for r in resolved_rows(doc, "DRIVER", start=1)] == [4]
