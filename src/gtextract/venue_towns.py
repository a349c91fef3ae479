"""Towns that a report names as the venue of a rally, hill climb or kart race.

Such venues are villages and small towns that no circuit gazetteer lists
("Rallye rund um Neuruppin", a calendar line ending in "(Sulingen)"). They are
read only in these venue phrases, whose cue words are data (``assembly.json``:
``town_venue_around``, ``town_venue_bracket_lines``); a free-standing town stays
a hometown or a dateline. ("Bergrennen X" was measured too and cost precision
on the untouched fold.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from gtextract.components.spans import lower_forms, resolved_rows, text_of
from gtextract.cues import AssemblyRules

# a town's word: capitalised, then lower case ("Zwickau", "Lübbecke")
TOWN_WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüß'’]+$")
# grammar of German town names: "St. Wendel", "Bad Schlema", "Weil am Rhein",
# "Annaberg-Buchholz" (the tokenizer splits the hyphen)
TOWN_OPENERS = frozenset({"St.", "Bad"})
TOWN_LINKS = frozenset({"am", "an", "im"})
# "rund um das sächsische Stollberg"
ARTICLES = frozenset({"das", "den", "die", "dem"})


def town_at(doc: Doc, i: int) -> Span | None:
    """The town name that starts at token ``i``, or None."""
    if i >= len(doc):
        return None
    if doc[i].text in TOWN_OPENERS and i + 1 < len(doc) and TOWN_WORD.match(doc[i + 1].text):
        j = i + 2
    elif TOWN_WORD.match(doc[i].text):
        j = i + 1
    else:
        return None
    while (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and not doc[j - 1].whitespace_
        and TOWN_WORD.match(doc[j + 1].text)
    ):
        j += 2
    if j + 1 < len(doc) and doc[j].text in TOWN_LINKS and TOWN_WORD.match(doc[j + 1].text):
        j += 2
    return doc[i:j]


def _ner_label(span: Span) -> str:
    """The base model's entity label on the span's first word ("" outside entities)."""
    return span.doc[span.start].ent_type_


class TownVenues:
    """Finds town venues in a Doc by the cue phrases of ``AssemblyRules``."""

    def __init__(self, rules: AssemblyRules, nationalities: frozenset[str]) -> None:
        self.around = tuple(tuple(p.lower().split()) for p in rules.town_venue_around)
        self.around_starts = frozenset(p[0] for p in self.around)
        self.bracket_line = (
            re.compile("|".join(rules.town_venue_bracket_lines), re.IGNORECASE)
            if rules.town_venue_bracket_lines
            else None
        )
        self.nationalities = nationalities

    def __call__(self, doc: Doc) -> list[Span]:
        taken = [(s, e) for s, e, _, _ in resolved_rows(doc)]
        found = []
        for town in self._candidates(doc):
            if town.text in self.nationalities:
                continue
            if any(a < town.end and town.start < b for a, b in taken):
                continue  # a driver, team, make or known track already
            found.append(town)
        return found

    def _candidates(self, doc: Doc) -> Iterator[Span]:
        text = text_of(doc)
        # plain strings once per Doc: a Token object per word and phrase is the cost here
        lowers = lower_forms(doc)
        for i, low in enumerate(lowers):
            if low != "(" and low not in self.around_starts:
                continue  # most words: no phrase starts here
            for phrase in self.around:  # "rund um (das sächsische) Stollberg"
                end = i + len(phrase)
                if low != phrase[0] or tuple(lowers[i:end]) != phrase:
                    continue
                if end < len(doc) and lowers[end] in ARTICLES:
                    end += 1
                if end < len(doc) and doc[end].text[:1].islower():
                    end += 1  # an adjective: "das sächsische Stollberg"
                town = town_at(doc, end)
                if town is not None and _ner_label(town) == "LOC":
                    yield town
            if low == "(" and self.bracket_line is not None:
                token = doc[i]
                town = town_at(doc, i + 1)
                if town is None or town.end >= len(doc) or doc[town.end].text != ")":
                    continue
                closes_line = (
                    town.end + 1 >= len(doc)
                    or "\n" in doc[town.end].whitespace_
                    or doc[town.end + 1].is_space
                )
                if not closes_line:
                    continue  # the venue of a calendar line closes its line
                line = text[text.rfind("\n", 0, token.idx) + 1 : token.idx]
                if self.bracket_line.search(line):
                    yield town
