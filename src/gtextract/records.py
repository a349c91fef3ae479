"""The record contract: what gtextract returns for one report.

Every extracted item carries its evidence (character offsets into the input
text and the matched text), so a consumer can always check a fact against
the report it came from.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

SessionKind = Literal["race", "qualifying", "practice", "other"]
ResultKind = Literal["race", "qualifying"]
EventStatus = Literal["scheduled", "cancelled"]
ResultStatus = Literal["finished", "retired"]
TimeKind = Literal["lap_time", "race_time", "penalty"]
CreditRole = Literal["text", "photos", "other"]


class Record(BaseModel):
    """Base of all records: strict about unknown fields, `class` via alias."""

    model_config = ConfigDict(
        extra="forbid",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )


class Evidence(Record):
    """Where a fact stands in the input: ``text == input[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(Record):
    """An entity named in the text: one entry per entity, longest form as `name`."""

    name: str
    mentions: list[Evidence] = Field(default_factory=list)


class Driver(Entity):
    first_name: str | None = None
    last_name: str | None = None
    nationality: str | None = None
    hometown: str | None = None
    age: int | None = Field(default=None, ge=5, le=99)
    team: str | None = None


class Team(Entity):
    pass


class Car(Entity):
    make: str | None = None
    model: str | None = None
    number: str | None = None


class Track(Entity):
    pass


class Series(Entity):
    pass


class Session(Record):
    kind: SessionKind
    label: str
    evidence: Evidence


class Gap(Record):
    """A margin between competitors, normalised to seconds or to laps."""

    seconds: float | None = Field(default=None, ge=0)
    laps: int | None = Field(default=None, ge=0)
    approximate: bool = False
    text: str
    evidence: Evidence


class TimeValue(Record):
    """Lap times, race times and penalties: durations that are not gaps."""

    kind: TimeKind
    seconds: float | None = Field(default=None, ge=0)
    text: str
    evidence: Evidence


class Result(Record):
    """A finishing or grid position of one or more drivers in a session."""

    kind: ResultKind
    position: int = Field(ge=1)
    class_: str | None = Field(default=None, alias="class")
    drivers: list[str] = Field(default_factory=list)
    team: str | None = None
    car: str | None = None
    session: str | None = None
    gap: Gap | None = None
    status: ResultStatus = "finished"
    evidence: Evidence


class Event(Record):
    """An upcoming (or cancelled) event: the next race, a calendar line."""

    name: str
    track: str | None = None
    date: str | None = Field(
        default=None,
        description="YYYY-MM-DD, or MM-DD when the year is unknown",
        pattern=r"^(\d{4}-)?\d{2}-\d{2}$",
    )
    status: EventStatus = "scheduled"
    drivers: list[str] = Field(default_factory=list)
    team: str | None = None
    car: str | None = None
    class_: str | None = Field(default=None, alias="class")
    evidence: Evidence


class Quote(Record):
    text: str
    speaker: str | None = None
    evidence: Evidence


class Credit(Record):
    role: CreditRole
    name: str
    evidence: Evidence


class RaceReport(Record):
    """Everything gtextract found in one report."""

    schema_version: str = SCHEMA_VERSION
    source: str | None = None
    title: str | None = None
    published: date | None = None
    base_model: str | None = Field(
        default=None, description="name and version of the spaCy base pipeline used"
    )
    series: list[Series] = Field(default_factory=list)
    tracks: list[Track] = Field(default_factory=list)
    drivers: list[Driver] = Field(default_factory=list)
    teams: list[Team] = Field(default_factory=list)
    cars: list[Car] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    results: list[Result] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    times: list[TimeValue] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    credits: list[Credit] = Field(default_factory=list)
