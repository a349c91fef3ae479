"""Regional and national championships that no gazetteer lists, read by their shape:
an adjective of a region or nation before a compound that ends in a championship
word ("Südbayerische ADAC-Berg-Meisterschaft", "saarländische Rallye-Meisterschaft",
"Süddeutsche Hallenkartmeisterschaft"). The words are data (``assembly.json``:
``series_heads``, ``series_adjective_endings``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gtextract.components.spans import lower_forms, resolved_rows
from gtextract.cues import AssemblyRules


def _compound_start(doc: Doc, end: int) -> int:
    """First token of the hyphen compound that ends with token ``end - 1``
    ("ADAC - Berg - Meisterschaft"; the tokenizer splits the hyphens)."""
    start = end - 1
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2
    return start


# "die deutsche Rallye-Meisterschaft": the national titles are gazetteer entries;
# an unlisted "deutsche ...meisterschaft" is mostly a description, not a series name
NATIONWIDE = frozenset({"deutsche", "deutschen"})


class SeriesShapes:
    """Finds ``adjective + ...head`` championships in a Doc."""

    def __init__(self, rules: AssemblyRules) -> None:
        self.heads = tuple(h.lower() for h in rules.series_heads)
        self.adjective_endings = tuple(e.lower() for e in rules.series_adjective_endings)

    def __call__(self, doc: Doc) -> list[Span]:
        known = [(s, e) for s, e, _, _ in resolved_rows(doc, "SERIES", "EVENT")]
        found = []
        for i, low in enumerate(lower_forms(doc)):
            if not low.endswith(self.heads):  # one C call for most words
                continue
            head = next(h for h in self.heads if low.endswith(h))
            start = _compound_start(doc, i + 1)
            if start == i and low == head:
                continue  # a bare "Meisterschaft" names no series
            adjective = doc[start - 1].lower_ if start else ""
            if not adjective.endswith(self.adjective_endings) or adjective in NATIONWIDE:
                continue
            span = doc[start - 1 : i + 1]
            if any(a < span.end and span.start < b for a, b in known):
                continue
            found.append(span)
        return found
