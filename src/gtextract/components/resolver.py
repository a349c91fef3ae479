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


def _in_slash_list(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return "/" in (before, after)


def _rank(span: Span) -> tuple[int, int, int]:
    label = span.label_
    priority = LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)
    if label == "DRIVER" and len(span) == 1 and _in_slash_list(span):
        priority = -1
    return (-len(span), priority, span.start)


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
        chosen: list[Span] = []
        taken: set[int] = set()
        for span in sorted(candidates(doc), key=_rank):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            label = RELABEL.get(span.label_, span.label_)
            chosen.append(Span(doc, span.start, span.end, label=label, kb_id=span.kb_id_))
            taken.update(range(span.start, span.end))
        tracks = candidates(doc, "TRACK")
        doc.spans[RESOLVED] = sorted(_extend_events(doc, chosen, tracks), key=lambda s: s.start)
        # tracks named inside an event ("24h-Rennen von Spa-Francorchamps") are venues too
        events = [s for s in chosen if s.label_ == "EVENT"]
        doc.spans[NESTED] = [
            t for t in candidates(doc, "TRACK") if any(e.start <= t.start < e.end for e in events)
        ]
        return doc


@Language.factory("gtx_resolver", assigns=[contract.SPANS], requires=[contract.SPANS])
def make_resolver(nlp: Language, name: str) -> SpanResolver:
    return SpanResolver(name)
