"""The stretches of text the result rules read: clauses, brackets, quotes, paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection

from spacy.tokens import Doc, Span

from gtextract.components.spans import lower_forms, text_of, token_texts

QUOTE = re.compile(r"[„\"»“]([^„“\"»«]{3,}?)[“\"«”]")


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: positions there are talk, not results."""
    return [(m.start(), m.end()) for m in QUOTE.finditer(text)]


def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of the sorted, non-overlapping ``ranges``?"""
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def bracket_tokens(span: Span) -> set[int]:
    """Indices of the tokens inside round brackets (the brackets themselves excluded)."""
    inside: set[int] = set()
    depth = 0
    texts = token_texts(span.doc)
    for i in range(span.start, span.end):
        if texts[i] == "(":
            depth += 1
        elif texts[i] == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    return inside


def outside_bracket_words(doc: Doc, start: int, end: int) -> list[str]:
    """The lower-case words of ``doc[start:end]`` that are neither round brackets
    nor inside them, read from the per-Doc plain lists (no Token object per word)."""
    texts, lowers = token_texts(doc), lower_forms(doc)
    words: list[str] = []
    depth = 0
    for i in range(start, end):
        if texts[i] == "(":
            depth += 1
        elif texts[i] == ")":
            depth = max(0, depth - 1)
        elif not depth and texts[i] not in "()":
            words.append(lowers[i])
    return words


def split_clauses(
    sent: Span,
    breaks: Collection[str],
    openers: Collection[str],
    subject_starts: Collection[int] = (),
) -> list[Span]:
    """The clauses of a sentence: cut before a break token (";", ":", a dash), before
    an opener word that follows a comma (", während ...", ", die ...") and before a
    comma's subject of its own (``subject_starts``: ", B wurde Zweiter")."""
    doc = sent.doc
    texts = token_texts(doc)
    bounds = [sent.start]
    for i in range(sent.start, sent.end):
        after_comma = i > sent.start and texts[i - 1] == ","
        if texts[i] in breaks or (after_comma and (texts[i] in openers or i in subject_starts)):
            bounds.append(i)
    bounds.append(sent.end)
    return [doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def paragraph_of(doc: Doc, span: Span) -> str:
    """The paragraph (text between blank lines) around a span."""
    text = text_of(doc)
    start = text.rfind("\n\n", 0, span.start_char)
    end = text.find("\n\n", span.end_char)
    return text[start + 1 if start != -1 else 0 : end if end != -1 else len(text)]
