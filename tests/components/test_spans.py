"""Shared span helpers (components/spans.py)."""

from __future__ import annotations

import spacy

from gtextract.components.spans import (
    lower_forms,
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
