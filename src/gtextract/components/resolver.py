"""``gtx_resolver``: one label per stretch of text.

The gazetteers, the rules and the statistical NER propose overlapping
candidates (``doc.spans["gtx_candidates"]``). The longest candidate wins;
between equally long ones the label precedence in ``spans.LABEL_PRIORITY``
decides, except that a bare name in a slash list ("Abt / Joens") is a driver.
The result is ``doc.spans["gtx"]``: non-overlapping, in text order.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from gtextract.components import contract
from gtextract.components.spans import LABEL_PRIORITY, NESTED, RESOLVED, candidates

RELABEL = {"CAR_MODEL": "CAR"}


PRIORITY = {label: i for i, label in enumerate(LABEL_PRIORITY)}

# (start, end, label, kb_id, span): a candidate's fields read once (each read of a
# Span attribute in the sort key and the overlap test went through spaCy again)
Candidate = tuple[int, int, str, str, Span]


def _in_slash_list(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    return "/" in (before, after)


def _rank(doc: Doc, cand: Candidate) -> tuple[int, int, int]:
    start, end, label = cand[0], cand[1], cand[2]
    priority = PRIORITY.get(label, len(LABEL_PRIORITY))
    if label == "DRIVER" and end - start == 1 and _in_slash_list(doc, start, end):
        priority = -1
    return (start - end, priority, start)


def _extend_events(doc: Doc, chosen: list[Span], tracks: list[Span]) -> list[Span]:
    """An event alias that stops inside a longer track name takes the whole track."""
    out = []
    for span in chosen:
        if span.label_ == "EVENT":
            ends = [t.end for t in tracks if span.start < t.start < span.end]
            if ends and max(ends) > span.end:
                span = Span(doc, span.start, max(ends), label="EVENT", kb_id=span.kb_id_)
        out.append(span)
    taken = {(s.start, s.end) for s in out if s.label_ == "EVENT"}
    return [s for s in out if s.label_ == "EVENT" or not any(a <= s.start < b for a, b in taken)]


class SpanResolver:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        cands: list[Candidate] = [(s.start, s.end, s.label_, s.kb_id_, s) for s in candidates(doc)]
        chosen: list[Span] = []
        taken = bytearray(len(doc))
        for start, end, label, kb_id, _ in sorted(cands, key=lambda c: _rank(doc, c)):
            if any(taken[start:end]):
                continue
            chosen.append(Span(doc, start, end, label=RELABEL.get(label, label), kb_id=kb_id))
            taken[start:end] = b"\x01" * (end - start)
        tracks = [c[4] for c in cands if c[2] == "TRACK"]
        doc.spans[RESOLVED] = sorted(_extend_events(doc, chosen, tracks), key=lambda s: s.start)
        # tracks named inside an event ("24h-Rennen von Spa-Francorchamps") are venues too
        events = [(s.start, s.end) for s in chosen if s.label_ == "EVENT"]
        doc.spans[NESTED] = [t for t in tracks if any(a <= t.start < b for a, b in events)]
        return doc


@Language.factory("gtx_resolver", assigns=[contract.SPANS], requires=[contract.SPANS])
def make_resolver(nlp: Language, name: str) -> SpanResolver:
    return SpanResolver(name)
