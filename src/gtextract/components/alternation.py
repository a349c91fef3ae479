"""Cue alternations searched fast, with the same matches as one compiled regex.

Python's regex engine tries every alternative of ``a|b|c|...`` at every position
of the text; with dozens of cue phrases that is most of a component's time, and
almost always for nothing. Each alternative whose every match must contain some
literal text ("kommenden wochenende", the "zu gast" of ``\\b(?:ist|sind)\\b.*\\bzu
gast\\b``) is first looked for with ``in``: when no alternative's literal occurs,
the regex cannot match and is not run; otherwise it runs as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from types import ModuleType


def _parser() -> ModuleType | None:
    try:  # the stdlib's own regex parser; without it every text is searched
        return importlib.import_module("re._parser")
    except ImportError:
        return None


def required_literal(pattern: str, flags: int = 0) -> str | None:
    """The longest run of plain characters at the top level of ``pattern``: every
    match contains it. None when there is none, or when case folding could make a
    match without it."""
    parser = _parser()
    if parser is None or flags & re.IGNORECASE:
        return None
    try:
        parsed = parser.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None  # a "(?i)" of its own
    best, run = "", ""
    for op, arg in parsed:
        if op is parser.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        else:
            run = ""
    return best or None


def literal_words(words: Iterable[str]) -> list[str]:
    """``words`` escaped as regex alternatives, the longest first ("Fotos" before
    "Foto": an alternation takes the first alternative that matches)."""
    return sorted((re.escape(w) for w in words), key=len, reverse=True)


def any_of(
    patterns: Sequence[str], flags: int = 0, *, before: str = "", after: str = ""
) -> re.Pattern[str]:
    """One regex that matches where any of ``patterns`` does, with ``before`` and
    ``after`` around the choice (no patterns: it never matches)."""
    if not patterns:
        return re.compile(r"(?!)", flags)
    choice = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"{before}(?:{choice}){after}", flags)


def from_word_start(patterns: Sequence[str], *, after: str = "") -> re.Pattern[str]:
    r""":func:`any_of` where a match starts a word: the cue files' "regexes from a
    word start" (``after=r"(?!\w)"`` for whole words)."""
    return any_of(patterns, before=r"(?<!\w)", after=after)


class Alternation:
    """``any_of(patterns, flags)`` that skips
    texts none of whose alternatives can match (``search`` returns the same)."""

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        self.regex = any_of(patterns, flags)
        literals = [required_literal(p, flags) for p in patterns]
        # one alternative without a literal: every text must be searched
        found = [lit for lit in literals if lit is not None]
        self.literals: tuple[str, ...] | None = (
            _shortest_needed(found) if len(found) == len(literals) else None
        )

    def search(self, text: str) -> re.Match[str] | None:
        # map/any run in C: a generator over the literals cost more than the regex saved
        if self.literals is not None and not any(map(text.__contains__, self.literals)):
            return None
        return self.regex.search(text)


def _shortest_needed(literals: list[str]) -> tuple[str, ...]:
    """The literals without those containing another one: a text holding "nächste
    rennen" holds "nächste", so looking for "nächste" answers for both."""
    kept: list[str] = []
    for lit in sorted(set(literals), key=lambda s: (len(s), s)):  # one order every run
        if not any(k in lit for k in kept):
            kept.append(lit)
    return tuple(kept)
