"""The contract between gtextract's components and the record assembly.

Everything one component leaves on a Doc for another is named here, so that
the pipeline order can be checked (``nlp.analyze_pipes()`` reads the
``assigns``/``requires`` every factory declares with these names) and the
assembly in ``gtextract.assemble`` depends on this module, not on the
components' internals.

Doc layers, in pipeline order::

    gtx_gazetteer, gtx_cars, gtx_teams, gtx_people
        -> doc.spans["gtx_candidates"]   overlapping proposals, label + kb_id
    gtx_cars     -> doc._.gtx_car_numbers  dict[int, str]: end char of a car -> start number
    gtx_resolver
        -> doc.spans["gtx"]              one label per stretch (the entities)
        -> doc.spans["gtx_nested"]       tracks inside event names
    gtx_measures -> doc._.gtx_measures   list[Measure]  (+ doc.spans["gtx_measures"])
    gtx_results  -> doc._.gtx_results    list[ResultFact]
    gtx_events   -> doc._.gtx_events     list[EventFact]
    gtx_quotes   -> doc._.gtx_quotes     list[QuoteFact]
                    doc._.gtx_credits    list[CreditFact]

``doc.user_data`` keys: ``gtx_published`` (ISO date of the article or None,
set by the extractor before the pipeline runs, read by ``gtx_events``) and
per-Doc caches of ``spans.py`` (``gtx_text``, ``gtx_sents``,
``gtx_sent_starts``, ``gtx_resolved``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

# doc.spans keys
CANDIDATES = "gtx_candidates"  # every proposal, overlapping (gazetteers, rules, NER)
RESOLVED = "gtx"  # the non-overlapping entity layer the records are built from
MEASURES = "gtx_measures"  # gaps and times with their values
NESTED = "gtx_nested"  # tracks inside event names, kept besides the event

# entity labels, in order of precedence when two candidates of equal length overlap
LABEL_PRIORITY: tuple[str, ...] = (
    "EVENT",
    "SERIES",
    "TRACK",
    "CAR",
    "TEAM",
    "DRIVER",
    "PERSON",
    "CLASS",
    "MAKE",
    "CAR_MODEL",
    "SESSION",
)

# doc.user_data key of the publication date (ISO string or None)
PUBLISHED = "gtx_published"

# doc._ extensions: name -> what it holds (all default to None: "not run")
EXTENSIONS: dict[str, str] = {
    # char offset where a CAR / CAR_MODEL candidate ends -> the start number written
    # after it ("BMW M6 GT3 #77"); keyed by the end because the number follows the car
    # and every candidate ending there (the resolver keeps one) has the same number
    "gtx_car_numbers": "dict[int, str]",
    "gtx_measures": "list[Measure]",
    "gtx_results": "list[ResultFact]",
    "gtx_events": "list[EventFact]",
    "gtx_quotes": "list[QuoteFact]",
    "gtx_credits": "list[CreditFact]",
}


def register_extensions() -> None:
    """Register every ``doc._`` extension of the contract (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


# the strings the factories declare in ``assigns`` / ``requires``
SPANS = "doc.spans"
SENTS = "token.is_sent_start"


def extension(name: str) -> str:
    """``"doc._.<name>"`` for a contract extension (KeyError for an unknown one)."""
    if name not in EXTENSIONS:
        raise KeyError(f"{name!r} is not a doc._ extension of the contract")
    return f"doc._.{name}"


@dataclass
class ResultFact:
    """A finishing or qualifying position of one car's drivers (``gtx_results``)."""

    kind: str  # "race" | "qualifying"
    position: int
    class_: str | None
    drivers: list[tuple[int, int]]  # token offsets of DRIVER spans
    cue: tuple[int, int]  # char offsets
    # char offsets of the car, team and session named with the result, if any
    car: tuple[int, int] | None = None
    team: tuple[int, int] | None = None
    session: tuple[int, int] | None = None


@dataclass
class EventFact:
    """An upcoming or cancelled event (``gtx_events``); offsets are characters."""

    name: str
    start: int
    end: int
    track: str | None = None
    track_text: str | None = None  # the track as written, when read from a fused line
    track_start: int | None = None
    date: str | None = None
    status: str = "scheduled"
    drivers: list[tuple[int, int]] = field(default_factory=list)
    team: str | None = None
    car: str | None = None
    class_: str | None = None


@dataclass(frozen=True)
class Measure:
    """A gap, lap time, race time or penalty with its value (``gtx_measures``)."""

    kind: str  # "gap", "lap_time", "race_time", "penalty"
    start: int
    end: int
    text: str
    seconds: float | None = None
    laps: int | None = None
    approximate: bool = False


@dataclass(frozen=True)
class QuoteFact:
    """A quotation and, if found, its speaker (``gtx_quotes``)."""

    start: int
    end: int
    text: str
    speaker: tuple[int, int] | None  # token offsets of the speaker span


@dataclass(frozen=True)
class CreditFact:
    """A text or photo credit line (``gtx_quotes``)."""

    role: str
    name: str
    start: int
    end: int


register_extensions()
