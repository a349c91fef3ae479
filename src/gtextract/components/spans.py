"""Shared names and helpers for the span layers gtextract writes on a Doc."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

# doc.spans keys
CANDIDATES = "gtx_candidates"  # every proposal, overlapping (gazetteers, rules, NER)
RESOLVED = "gtx"  # the non-overlapping entity layer the records are built from
MEASURES = "gtx_measures"  # gaps and times with their values
NESTED = "gtx_nested"  # tracks inside event names, kept besides the event

# entity labels, in order of precedence when two candidates of equal length overlap
LABEL_PRIORITY: tuple[str, ...] = (
    "EVENT",
    "SERIES",
    "TRACK",
    "CAR",
    "TEAM",
    "DRIVER",
    "PERSON",
    "CLASS",
    "MAKE",
    "CAR_MODEL",
    "SESSION",
)


def add_candidates(doc: Doc, spans: Iterable[Span]) -> None:
    """Append spans to the candidate layer (creating it if needed)."""
    group = doc.spans.get(CANDIDATES)
    existing = list(group) if group is not None else []
    doc.spans[CANDIDATES] = existing + list(spans)


def candidates(doc: Doc, *labels: str) -> list[Span]:
    group = doc.spans.get(CANDIDATES)
    if group is None:
        return []
    return [s for s in group if not labels or s.label_ in labels]


def resolved(doc: Doc, *labels: str) -> list[Span]:
    group = doc.spans.get(RESOLVED)
    if group is None:
        return []
    return [s for s in group if not labels or s.label_ in labels]
