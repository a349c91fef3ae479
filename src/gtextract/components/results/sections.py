"""The class a section heading names, for the positions below it.

A report of a meeting with several classes often heads each part with the
class alone ("Trofeo Pirelli.", "Klasse SP9:", "Ergebnis Pro-Am"), and the
positions below it ("Platz zwei ging an ...", "1. Anna Muster") are places
within that class. A position that names a class of its own, or the overall
order ("Gesamtrang"), keeps what it states. A section runs to the next class
heading. A class that labels a line ("Gruppe A: Anna (Platz eins), Ben
(Platz zwei)") holds for the rest of that line only, up to the next label.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span

from gtextract.components.alternation import from_word_start
from gtextract.components.contract import ResultFact
from gtextract.components.spans import resolved, sentence_at_char, text_of
from gtextract.cues import PositionCues

WORD = re.compile(r"[^\W\d_]+")
# grammar: a sentence or list item ends at ". " or "; "
LABEL_START = re.compile(r"[.;]\s")


class SectionClasses:
    """Gives the class of a class heading line to the classless positions below it."""

    def __init__(self, cues: PositionCues, class_label: Callable[[Span], str]) -> None:
        self.heading_chars = int(cues.list_heading_max_chars)
        self.heading_words = set(cues.class_heading_words)
        # "Gesamtrang", not the adjective "das gesamte Rennen"
        self.overall = from_word_start(cues.overall_words, after=r"(?!(?:e|em|en|er|es)\b)")
        self.class_label = class_label

    def headings(self, doc: Doc) -> list[tuple[int, str]]:
        """(end of the heading line, class) of every class heading, in text order."""
        text = text_of(doc)
        found: list[tuple[int, str]] = []
        for span in resolved(doc, "CLASS"):
            start = text.rfind("\n", 0, span.start_char) + 1
            end = text.find("\n", span.end_char)
            end = len(text) if end == -1 else end
            line = text[start:end]
            if not line.strip() or len(line.strip()) > self.heading_chars:
                continue
            rest = text[start : span.start_char] + " " + text[span.end_char : end]
            # nothing but the class and heading words ("Ergebnis", "Klasse", "Wertung")
            if all(w.lower() in self.heading_words for w in WORD.findall(rest)):
                if found and found[-1][0] == end:
                    found.pop()  # two classes on one line: no one class
                    continue
                found.append((end, self.class_label(span)))
        return found

    def labels(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, class) of the rest of a line a class labels ("Gruppe A: ...")."""
        text = text_of(doc)
        found: list[tuple[int, int, str]] = []
        for span in resolved(doc, "CLASS"):
            start = text.rfind("\n", 0, span.start_char) + 1
            end = text.find("\n", span.end_char)
            end = len(text) if end == -1 else end
            after = text[span.end_char : end]
            colon = len(after) - len(after.lstrip())
            if not after[colon:].startswith(":") or not after[colon + 1 :].strip():
                continue  # no label, or a heading line of its own (see headings)
            # the label opens the line or a sentence of it ("... (Platz eins). Gruppe B: ...")
            opening = text[start : span.start_char]
            before = WORD.findall(LABEL_START.split(opening)[-1])
            if all(w.lower() in self.heading_words for w in before):
                found.append((span.end_char + colon + 1, end, self.class_label(span)))
        # two labels on one line: each holds up to the next
        return [(s, min([n for n, _, _ in found if s < n < e] + [e]), c) for s, e, c in found]

    def apply(self, doc: Doc, facts: list[ResultFact]) -> None:
        """Sets the label's or heading's class on the facts of its section that have none."""
        labels = self.labels(doc)
        headings = self.headings(doc)
        if not headings and not labels:
            return
        ends = [end for end, _ in headings]
        for fact in facts:
            if fact.class_ is not None:
                continue
            at = fact.cue[0]
            labelled = [c for s, e, c in labels if s <= at < e]
            k = bisect_right(ends, at) - 1
            if not labelled and k < 0:
                continue
            sent = sentence_at_char(doc, at)
            if sent is not None and self.overall.search(sent.text.lower()):
                continue
            fact.class_ = labelled[0] if labelled else headings[k][1]
