"""Cue alternations with a literal pre-check (components/alternation.py)."""

from __future__ import annotations

import random
import re

from gtextract.components.alternation import (
    Alternation,
    any_of,
    from_word_start,
    required_literal,
)

PATTERNS = [
    "am kommenden",
    r"\bnächste[snmr]? (rennen|lauf|station)",
    r"\b(?:ist|sind)\b(?:[^.]|(?<=\d)\.)*\bzu gast\b",
    r"findet\b(?:[^.]|(?<=\d)\.)*\bstatt",
    r"\breis(?:t|en)\b[^.]*\b(?:nach|in|zu)\b",
]
WORDS = [
    "am",
    "kommenden",
    "nächste",
    "nächsten",
    "rennen",
    "lauf",
    "station",
    "ist",
    "sind",
    "zu",
    "gast",
    "findet",
    "statt",
    "reist",
    "reisen",
    "nach",
    "in",
    "3.",
    "12",
    ".",
    "der",
    "die",
    "Preis",
    "wochenende",
]


def test_required_literal_is_the_longest_plain_run() -> None:
    assert required_literal("am kommenden") == "am kommenden"
    assert required_literal(r"\bnächste[snmr]? (rennen|lauf)") == "nächste"
    assert required_literal(r"\b(?:ist|sind)\b.*\bzu gast\b") == "zu gast"
    assert required_literal(r"a|b") is None  # an alternation: no run is required
    assert required_literal(r"\d+") is None
    assert required_literal("gast", re.IGNORECASE) is None  # "GAST" matches too
    assert required_literal("(?i)gast") is None


def test_search_finds_what_the_joined_regex_finds() -> None:
    joined = re.compile("|".join(f"(?:{p})" for p in PATTERNS))
    quick = Alternation(PATTERNS)
    rng = random.Random(7)
    hits = 0
    for _ in range(3000):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
        want, got = joined.search(text), quick.search(text)
        assert (want and want.span()) == (got and got.span()), text
        hits += want is not None
    assert 100 < hits < 2900  # both kinds of text were tried


def test_an_alternative_without_a_literal_searches_every_text() -> None:
    quick = Alternation(["zu gast", r"\d+"])
    assert quick.literals is None
    assert quick.search("am 3 Mai") is not None
    assert quick.search("ohne Zahl") is None


def test_a_literal_inside_another_is_looked_for_alone() -> None:
    quick = Alternation(["nächste rennen", r"\bnächste[sn]? lauf", "zu gast"])
    assert quick.literals == ("nächste", "zu gast")  # shortest first, then by text
    assert quick.search("das nächste rennen") is not None
    assert quick.search("die nächsten läufe") is None


def test_any_of_keeps_each_pattern_whole() -> None:
    # "a|b" inside one pattern stays that pattern's choice, "after" follows every one
    regex = any_of(["sieg|pole", "platz"], re.IGNORECASE, after=r"\s*$")
    assert regex.search("Die Pole ")
    assert regex.search("auf Platz")
    assert not regex.search("Sieg am Sonntag")


def test_any_of_nothing_never_matches() -> None:
    assert any_of([]).search("irgendein Text") is None
    assert any_of([], after="x").search("x") is None


def test_from_word_start_matches_only_at_a_word_start() -> None:
    regex = from_word_start(["gesamt", "overall"])
    assert regex.search("im Gesamtklassement".lower())
    assert not regex.search("insgesamt")
    whole = from_word_start(["dnf"], after=r"(?!\w)")
    assert whole.search("platz: dnf")
    assert not whole.search("dnfs")
