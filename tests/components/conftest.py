"""Shortcuts for the component tests.

``report`` and ``doc`` run the whole pipeline of the session extractor
(tests/conftest.py); the blank German base keeps them independent of the
statistical model. ``hand_doc`` and ``alone`` test one component by itself: a
Doc carrying only the spans that component requires, written as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import gtextract
from gtextract.components.spans import RESOLVED
from gtextract.components.tokenizer import add_hyphen_infixes
from gtextract.records import RaceReport


@pytest.fixture(scope="session")
def report(extractor: gtextract.Extractor) -> Callable[..., RaceReport]:
    """``report(text, **meta)`` -> RaceReport."""
    return extractor


@pytest.fixture(scope="session")
def doc(extractor: gtextract.Extractor) -> Callable[[str], Doc]:
    """``doc(text)`` -> the annotated spaCy Doc."""
    return extractor.process


# --------------------------------------------------------------------------- components alone

# "[Xaver Quast](DRIVER)", "[BMW](MAKE:BMW)": a span, its label and optional kb_id
MARKUP = re.compile(r"\[([^\]]+)\]\(([A-Z_]+)(?::([^)]+))?\)")


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """A blank German pipeline with gtextract's tokenizer and sentences, no rules."""
    nlp = spacy.blank("de")
    add_hyphen_infixes(nlp)
    nlp.add_pipe("gtx_sentences")
    return nlp


@pytest.fixture(scope="session")
def hand_doc(blank_nlp: Language) -> Callable[..., Doc]:
    """``hand_doc(markup, layer=RESOLVED)`` -> a Doc with sentences and only the spans
    written in the markup ("[Xaver Quast](DRIVER) gewann im [BMW](MAKE:BMW).")."""

    def build(markup: str, layer: str = RESOLVED) -> Doc:
        text, marks, last = "", [], 0
        for m in MARKUP.finditer(markup):
            text += markup[last : m.start()]
            marks.append((len(text), len(text) + len(m.group(1)), m.group(2), m.group(3) or ""))
            text += m.group(1)
            last = m.end()
        text += markup[last:]
        doc = blank_nlp(text)
        spans = []
        for start, end, label, kb in marks:
            span = doc.char_span(start, end, label=label, kb_id=kb)
            assert span is not None, f"{text[start:end]!r} is not a token stretch"
            spans.append(span)
        doc.spans[layer] = spans
        return doc

    return build


@pytest.fixture(scope="session")
def alone(blank_nlp: Language) -> Callable[[str], Any]:
    """``alone("gtx_results")`` -> that component on its own, initialised with the
    package's data (one instance per name)."""
    made: dict[str, Any] = {}

    def component(name: str) -> Any:
        if name not in made:
            made[name] = blank_nlp.create_pipe(name)
            if hasattr(made[name], "initialize"):
                made[name].initialize(lambda: [], nlp=blank_nlp)
        return made[name]

    return component
