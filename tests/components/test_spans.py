"""Shared span helpers (components/spans.py)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from gtextract.components.spans import (
    CANDIDATES,
    RESOLVED,
    add_candidates,
    candidate_rows,
    candidates,
    lower_forms,
    replace_candidates,
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


def _layer(doc) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans[CANDIDATES]]


def _read(spans) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.kb_id_) for s in spans]


def test_candidate_readers_follow_the_layer() -> None:
    doc = spacy.blank("de")("Lena Muster fuhr den Audi R8 beim Eifelpokal auf dem Ring.")
    add_candidates(doc, [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 5, label="MAKE")])
    add_candidates(doc, [Span(doc, 4, 6, label="CAR_MODEL", kb_id="Audi R8")])
    assert _read(candidates(doc)) == _layer(doc)
    assert _read(candidates(doc, "MAKE", "CAR_MODEL")) == [
        (4, 5, "MAKE", ""),
        (4, 6, "CAR_MODEL", "Audi R8"),
    ]
    assert [tuple(r) for r in candidate_rows(doc, "PERSON")] == [(0, 2, "PERSON", "")]
    replace_candidates(doc, candidate_rows(doc, "MAKE"))
    assert _layer(doc) == _read(candidates(doc)) == [(4, 5, "MAKE", "")]


def test_a_layer_written_directly_is_read_again() -> None:
    doc = spacy.blank("de")("Lena Muster fuhr den Audi R8 beim Eifelpokal auf dem Ring.")
    add_candidates(doc, [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 5, label="MAKE")])
    assert len(candidates(doc)) == 2
    # the same size, other spans: not the remembered rows
    doc.spans[CANDIDATES] = [Span(doc, 7, 8, label="EVENT"), Span(doc, 10, 11, label="TRACK")]
    assert _read(candidates(doc)) == [(7, 8, "EVENT", ""), (10, 11, "TRACK", "")]
    add_candidates(doc, [Span(doc, 4, 6, label="CAR")])
    assert _read(candidates(doc)) == _layer(doc)
    assert len(candidates(doc)) == 3


def test_candidate_rows_travel_with_the_doc() -> None:
    nlp = spacy.blank("de")
    doc = nlp("Lena Muster fuhr den Audi R8 beim Eifelpokal.")
    add_candidates(
        doc, [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 5, label="MAKE", kb_id="Audi")]
    )
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # user_data through msgpack
    assert _read(candidates(back, "MAKE")) == [(4, 5, "MAKE", "Audi")]
    add_candidates(back, [Span(back, 7, 8, label="EVENT")])
    assert _read(candidates(back)) == _layer(back)
    assert len(candidate_rows(back)) == 3
