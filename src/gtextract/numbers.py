"""German numbers in words and digits: "dritten" -> 3, "zwei" -> 2, "0,024" -> 0.024."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from text_to_num import text2num

from gtextract.gazetteers import number_words

ORDINAL_ENDINGS = ("en", "er", "es", "em", "e")
DIGIT_ORDINAL = re.compile(r"^(\d{1,3})\.$")


def _number_words() -> tuple[Mapping[str, int], Mapping[str, int]]:
    words = number_words()  # the package's data/number_words.tsv, parsed once
    return words.cardinals, words.ordinals


# The rules ask about the same few thousand words over and over (ordinal alone
# ~70k times on 200 reports): each answer is kept, a bounded number of them.
@lru_cache(maxsize=16384)
def cardinal(word: str) -> int | None:
    """ "zwei" -> 2, "12" -> 12, "einer" -> 1; None when it is no number."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    cardinals, _ = _number_words()
    if w in cardinals:
        return cardinals[w]
    try:
        return int(text2num(w, "de"))
    except (ValueError, TypeError):
        return None


@lru_cache(maxsize=16384)
def ordinal(word: str) -> int | None:
    """ "dritten" / "Dritter" / "3." -> 3; None when it is no ordinal."""
    w = word.lower().strip()
    m = DIGIT_ORDINAL.match(w)
    if m:
        return int(m.group(1))
    _, ordinals = _number_words()
    for ending in ORDINAL_ENDINGS:
        if w.endswith(ending) and w[: -len(ending)] in ordinals:
            return ordinals[w[: -len(ending)]]
    return None


def decimal(text: str) -> float | None:
    """ "0,024" / "7.063" -> float."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None
