"""Regional and national championships that no gazetteer lists, read by their shape:
an adjective of a region or nation before a compound that ends in a championship
word ("Südbayerische ADAC-Berg-Meisterschaft", "saarländische Rallye-Meisterschaft",
"Süddeutsche Hallenkartmeisterschaft"), and hyphen compounds of capitalised words
that end in a cup word ("Schwarzwald-Cup"). The words are data (``assembly.json``:
``series_heads``, ``series_adjective_endings``, ``series_compound_ends``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gtextract.components.spans import lower_forms, resolved, resolved_rows
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


# "Rennen um den X-Cup": a race run for a cup is an event, not a series
RACE_FOR = ("um", "den")
# "beim 53. ADAC X-Cup": a numbered edition is a race; words a race name may hold
ORDINAL_REACH = 3


def _names_a_race(doc: Doc, start: int) -> bool:
    """The cup compound at ``start`` is a race's name: "Rennen um den X-Cup", or an
    edition number before it ("beim 53. ADAC X-Cup")."""
    before = [doc[j].text for j in range(max(0, start - ORDINAL_REACH), start)]
    if tuple(w.lower() for w in before[-2:]) == RACE_FOR:
        return True
    return any(w[:-1].isdigit() and w.endswith(".") for w in before)


# "die deutsche Rallye-Meisterschaft": the national titles are gazetteer entries;
# an unlisted "deutsche ...meisterschaft" is mostly a description, not a series name
NATIONWIDE = frozenset({"deutsche", "deutschen"})


class SeriesShapes:
    """Finds ``adjective + ...head`` championships in a Doc."""

    def __init__(self, rules: AssemblyRules) -> None:
        self.heads = tuple(h.lower() for h in rules.series_heads)
        self.adjective_endings = tuple(e.lower() for e in rules.series_adjective_endings)
        self.compound_ends = frozenset(e.lower() for e in rules.series_compound_ends)

    def __call__(self, doc: Doc) -> list[Span]:
        known = [(s, e) for s, e, _, _ in resolved_rows(doc, "SERIES", "EVENT")]
        found = self._cup_compounds(doc)
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

    def _cup_compounds(self, doc: Doc) -> list[Span]:
        """ "Schwarzwald-Cup", "DMSB-Schalt-Kart-Cup": a hyphen compound of capitalised
        words that ends in a cup word names a series, unless an entity of any kind
        (a class "Rookie-Cup", a make "Porsche-Cup", a known series) covers part of it."""
        taken = [(s.start, s.end) for s in resolved(doc)]
        found = []
        for i, low in enumerate(lower_forms(doc)):
            if low not in self.compound_ends or i < 2 or doc[i - 1].text != "-":
                continue
            start = _compound_start(doc, i + 1)
            if start == i:
                continue  # "Cup" alone, or written apart from the word before
            parts = (doc[j].text[:1] for j in range(start, i + 1, 2))
            if not all(c.isupper() or c.isdigit() for c in parts):
                continue
            if any(a < i + 1 and start < b for a, b in taken) or _names_a_race(doc, start):
                continue
            found.append(doc[start : i + 1])
        return found
