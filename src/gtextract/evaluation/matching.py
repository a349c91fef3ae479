"""The dev set's matching rules (its README, "Matching"): when a prediction counts as a gold item.

- strings are normalised (NFKD without accents, case folded, runs of spaces,
  hyphens, slashes, dots, commas and quotes -> one space);
- two names match when the normalised strings are equal, or their
  ``fuzz.ratio`` is >= 90, or the tokens of the shorter are a subset of the
  longer's, include the shorter's last token and are at least half as many --
  never when the numbers they contain differ;
- a venue (``tracks``, an event's track) also matches when a one-word place
  name of at least four letters is one of the other's words;
- an entity also matches through any surface form the prediction linked to
  it as a mention (:class:`AliasedName`);
- results match on kind, position, class and driver name; gaps within
  0.0005 s; events when their status is equal and their name matches, or
  their track matches and their month-day dates are equal;
- each list is deduplicated with its own rule (events by name, status and
  date together), then gold and predictions are matched one-to-one, greedily.

Scorers return a number (higher is a better pair) or None for "no match", so
that greedy matching can take the best pairs first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from rapidfuzz import fuzz

from gtextract.names import normalize  # the matching form of the dev README

__all__ = [
    "FIELDS",
    "NAME_FIELDS",
    "AliasedName",
    "Scorer",
    "dedupe",
    "dedupe_scorer",
    "event_dedupe_score",
    "event_score",
    "events_match",
    "gap_score",
    "gaps_match",
    "match_items",
    "match_scorer",
    "name_score",
    "names_match",
    "normalize",
    "result_score",
    "results_match",
    "strip_forms",
    "venue_score",
    "venues_match",
]

FIELDS: tuple[str, ...] = (
    "drivers",
    "teams",
    "cars",
    "tracks",
    "series",
    "results",
    "gaps",
    "events",
)
NAME_FIELDS = ("drivers", "teams", "cars", "tracks", "series")

FUZZ_THRESHOLD = 90.0
GAP_TOLERANCE_S = 0.0005
# The venue rule's "one-word place name of at least four letters".
PLACE_MIN_LETTERS = 4
# Four-letter-plus words that name a kind of venue, not a place: "Ring" is not
# "Red Bull Ring", "Arena" is not "Motorsport Arena Oschersleben".
GENERIC_VENUE_WORDS = frozenset(
    {
        "arena",
        "autodrom",
        "autodromo",
        "circuit",
        "circuito",
        "international",
        "motorsport",
        "park",
        "raceway",
        "rennstrecke",
        "ring",
        "speedway",
        "strecke",
    }
)
# A match found only through a mention's surface form ranks just below the same
# match on the name itself, so the entity's own name pairs first.
ALIAS_PENALTY = 0.5

T = TypeVar("T")
Scorer = Callable[[Any, Any], "float | None"]


class AliasedName(str):
    """A predicted entity name that also carries its other surface forms.

    It is a ``str`` (the canonical name: compares, prints and serialises as
    one), so a prediction in gold shape stays a list of names; the scorers
    also try ``forms``, the texts of the mentions the extractor linked to the
    entity ("NLS" with the form "Nürburgring Langstrecken-Serie").
    """

    forms: tuple[str, ...]

    def __new__(cls, name: str, forms: Iterable[str] = ()) -> AliasedName:
        self = super().__new__(cls, name)
        own = normalize(name)
        seen: set[str] = {own}
        kept: list[str] = []
        for form in forms:
            key = normalize(form)
            if key and key not in seen:
                seen.add(key)
                kept.append(form)
        self.forms = tuple(kept)
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copy/pickle keep the forms
        return (AliasedName, (str(self), self.forms))


def strip_forms(item: T) -> T:
    """``item`` with every :class:`AliasedName` in it turned into a plain ``str``."""
    if isinstance(item, AliasedName):
        return str(item)  # type: ignore[return-value]
    if isinstance(item, dict):
        return {k: strip_forms(v) for k, v in item.items()}  # type: ignore[return-value]
    return item


# --------------------------------------------------------------------------- names

# spaces, hyphens and dashes, slashes, dots, commas, straight and typographic quotes
_NUMBER = re.compile(r"\d+")


def _numbers(normalized: str) -> tuple[int, ...]:
    return tuple(sorted(int(n) for n in _NUMBER.findall(normalized)))


def _plain_name_score(a: str, b: str) -> float | None:
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return None
    if na == nb:
        return 200.0
    # "VLN Lauf 1" vs "VLN Lauf 2" is 90 by ratio: numbers veto every rule.
    if _numbers(na) != _numbers(nb):
        return None
    ratio = float(fuzz.ratio(na, nb))
    if ratio >= FUZZ_THRESHOLD:
        return 100.0 + ratio
    ta, tb = na.split(), nb.split()
    short, long_ = (ta, tb) if (len(ta), len(na)) <= (len(tb), len(nb)) else (tb, ta)
    # "Include its last token" is the shorter's own last token: the README's
    # example "Audi R8" ~ "Audi R8 LMS" rules out the longer's. With whole-token
    # subsets it adds nothing to the subset test, but it is the README's wording.
    long_set = set(long_)
    if set(short) <= long_set and short[-1] in long_set and 2 * len(short) >= len(long_):
        return 100.0 + ratio
    return None


def _forms(name: str) -> list[tuple[str, float]]:
    """The forms a name is scored by, each with its penalty (0 for the name itself)."""
    out: list[tuple[str, float]] = [(str(name), 0.0)]
    if isinstance(name, AliasedName):
        out.extend((form, ALIAS_PENALTY) for form in name.forms)
    return out


def _best(a: str, b: str, rule: Callable[[str, str], float | None]) -> float | None:
    """Best score of ``rule`` over the surface forms of both sides."""
    best: float | None = None
    for fa, pa in _forms(a):
        for fb, pb in _forms(b):
            score = rule(fa, fb)
            if score is not None and (best is None or score - pa - pb > best):
                best = score - pa - pb
    return best


def name_score(a: str, b: str) -> float | None:
    """How well two names match (higher is better), or None when they don't.

    Equal normalised strings score 200, other matches their ``fuzz.ratio``
    plus 100, so greedy matching pairs exact matches first. An
    :class:`AliasedName` also matches through its surface forms.
    """
    return _best(a, b, _plain_name_score)


def names_match(a: str | None, b: str | None) -> bool:
    """The dev set's name rule; two missing names count as matching."""
    if a is None or b is None:
        return a is None and b is None
    return name_score(a, b) is not None


def _place_word_score(a: str, b: str) -> float | None:
    na, nb = normalize(a), normalize(b)
    if _numbers(na) != _numbers(nb):  # "never when the numbers differ" holds here too
        return None
    for one, other in ((na, nb), (nb, na)):
        word = one.split()
        if (
            len(word) == 1
            and word[0].isalpha()
            and len(word[0]) >= PLACE_MIN_LETTERS
            and word[0] not in GENERIC_VENUE_WORDS
            and word[0] in other.split()
        ):
            return 100.0  # below every name-rule match (> 190)
    return None


def venue_score(a: str, b: str) -> float | None:
    """The name rule, or a one-word place name that is one of the other's words
    ("Oschersleben" ~ "Motorsport Arena Oschersleben")."""
    by_name = name_score(a, b)
    return by_name if by_name is not None else _best(a, b, _place_word_score)


def venues_match(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return venue_score(a, b) is not None


# --------------------------------------------------------------------------- other fields


def _norm_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = normalize(str(value))
    return text or None


def result_score(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    if gold.get("kind") != pred.get("kind"):
        return None
    if gold.get("position") != pred.get("position"):
        return None
    if _norm_or_none(gold.get("class")) != _norm_or_none(pred.get("class")):
        return None
    return name_score(gold.get("driver") or "", pred.get("driver") or "")


def results_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same kind, position and class, and matching driver names."""
    return result_score(a, b) is not None


def gap_score(a: float, b: float) -> float | None:
    diff = abs(float(a) - float(b))
    return 1.0 - diff if diff < GAP_TOLERANCE_S else None


def gaps_match(a: float, b: float) -> bool:
    """Gap values within 0.0005 s."""
    return gap_score(a, b) is not None


def _month_day(value: Any) -> str | None:
    """'2020-11-07' and '11-07' both give '11-07'."""
    if not value:
        return None
    return str(value)[-5:]


def _status(event: dict[str, Any]) -> str:
    return str(event.get("status") or "scheduled")


def event_score(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Equal status, and a name match or a track match plus equal month-day date.

    A name match ranks above a track-and-date match; equal dates and tracks
    add a little, so two races of one weekend pair with their own dates.
    """
    if _status(a) != _status(b):
        return None
    same_date = _month_day(a.get("date")) == _month_day(b.get("date"))  # None == None
    track_a, track_b = a.get("track"), b.get("track")
    track = venue_score(track_a, track_b) if track_a and track_b else None
    name_a, name_b = a.get("name"), b.get("name")
    name = name_score(name_a, name_b) if name_a and name_b else None
    if name is not None:
        return 1000.0 + name + (50.0 if same_date else 0.0) + (25.0 if track is not None else 0.0)
    if track is not None and same_date:
        return track
    return None


def events_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return event_score(a, b) is not None


def event_dedupe_score(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Duplicates share name, status and date: two races of one weekend at one
    track stay two, and a postponed event keeps its cancelled slot and its new date."""
    if _status(a) != _status(b) or _month_day(a.get("date")) != _month_day(b.get("date")):
        return None
    name_a, name_b = a.get("name"), b.get("name")
    if not name_a or not name_b:
        return None
    return name_score(name_a, name_b)


_SCORERS: dict[str, tuple[Scorer, Scorer]] = {
    # field -> (matching scorer, deduplication scorer)
    **{f: (name_score, name_score) for f in ("drivers", "teams", "cars", "series")},
    "tracks": (venue_score, venue_score),
    "results": (result_score, result_score),
    "gaps": (gap_score, gap_score),
    "events": (event_score, event_dedupe_score),
}


def match_scorer(field: str) -> Scorer:
    """How gold and prediction items of ``field`` are paired."""
    return _SCORERS[field][0]


def dedupe_scorer(field: str) -> Scorer:
    """When two items of one list of ``field`` are the same item.

    Surface forms are left out here: they link mentions to one entity, and two
    entities the extractor keeps apart (Jens and Tim Klingmann, both also
    written "Klingmann") must not merge because a short form fits both.
    """
    rule = _SCORERS[field][1]
    return lambda a, b: rule(strip_forms(a), strip_forms(b))


# --------------------------------------------------------------------------- lists


def dedupe(items: Sequence[T], scorer: Callable[[T, T], float | None]) -> list[T]:
    """Keep the first of each group of matching items, in order."""
    kept: list[T] = []
    for item in items:
        if not any(scorer(seen, item) is not None for seen in kept):
            kept.append(item)
    return kept


def match_items(
    gold: Sequence[T], pred: Sequence[T], scorer: Callable[[T, T], float | None]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Greedy one-to-one matching: ``(matched pairs, missed gold, spurious predictions)``.

    All matching pairs are taken best score first (ties in list order), so an
    exact match is never lost to an earlier fuzzy one, and each prediction
    (whatever its surface forms) pairs with at most one gold item.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = scorer(g, p)
            if score is not None:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    matched = [(gold[gi], pred[pi]) for gi, pi in pairs]
    missed = [g for i, g in enumerate(gold) if i not in used_gold]
    spurious = [p for i, p in enumerate(pred) if i not in used_pred]
    return matched, missed, spurious
