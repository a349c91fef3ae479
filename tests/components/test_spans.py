"""Shared span helpers (components/spans.py)."""

from __future__ import annotations

import spacy

from gtextract.components.spans import lower_forms


def test_lower_forms_are_the_tokens_lower_case_forms() -> None:
    nlp = spacy.blank("de")
    doc = nlp("Rund um das Sächsische Stollberg fährt die ADAC-Rallye (Zwickau) am 3. Mai.")
    assert lower_forms(doc) == [t.lower_ for t in doc]
    assert lower_forms(doc)[:2] == ["rund", "um"]
    assert lower_forms(nlp("")) == []
