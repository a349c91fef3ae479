"""Doc -> RaceReport: turn the labelled spans of a processed Doc into records.

Mentions of one entity are merged here (a bare "Klingmann" joins "Jens
Klingmann"; "Scherer" joins "Team Scherer PHX"), the longest written form
becomes the name, and every record keeps its evidence offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from gtextract import gazetteers
from gtextract.components.cars import CarFinder
from gtextract.components.spans import resolved
from gtextract.records import (
    Car,
    Credit,
    Driver,
    Event,
    Evidence,
    Gap,
    Quote,
    RaceReport,
    Result,
    Series,
    Session,
    Team,
    TimeValue,
    Track,
)

FUZZY_SAME_NAME = 90
BRACKET = re.compile(r"^\s*\(([^()]{1,80})\)")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s\-/.,'\"’]+", " ", text).strip()


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, text=doc.text[start:end])


def _span_evidence(span: Span) -> Evidence:
    return _evidence(span.doc, span.start_char, span.end_char)


@dataclass
class Cluster:
    """Mentions of one entity."""

    spans: list[Span] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max((s.text for s in self.spans), key=lambda t: (len(t.split()), len(t)))

    @property
    def tokens(self) -> list[str]:
        return _norm(self.name).split()


def _same_entity(short: str, long: str) -> bool:
    a, b = _norm(short).split(), _norm(long).split()
    if not a or not b:
        return False
    if a == b or fuzz.ratio(" ".join(a), " ".join(b)) >= FUZZY_SAME_NAME:
        return True
    return set(a) <= set(b) and (a[-1] == b[-1] or a[-1] in b)


def cluster(spans: Iterable[Span]) -> list[Cluster]:
    """Group mentions, longest first, so short forms join the full name."""
    clusters: list[Cluster] = []
    for span in sorted(spans, key=lambda s: (-len(s.text.split()), -len(s.text), s.start)):
        text = span.text
        if text.endswith("s") and len(span) == 1:  # genitive "Klingmanns"
            stem = text[:-1]
            if any(_norm(stem) in c.tokens for c in clusters):
                text = stem
        home = next((c for c in clusters if _same_entity(text, c.name)), None)
        if home is None:
            clusters.append(Cluster([span]))
        else:
            home.spans.append(span)
    for c in clusters:
        c.spans.sort(key=lambda s: s.start)
    return sorted(clusters, key=lambda c: c.spans[0].start)


class Assembler:
    def __init__(self) -> None:
        self.nationalities = gazetteers.mapping("nationalities")
        self.particles = {p.lower() for p in gazetteers.words("name_particles")}

    # -- entities ------------------------------------------------------------
    def _driver_details(self, span: Span) -> dict[str, object]:
        doc = span.doc
        m = BRACKET.match(doc.text[span.end_char :])
        details: dict[str, object] = {}
        if not m:
            return details
        inner_start = span.end_char + m.start(1)
        teams = [
            t
            for t in resolved(doc, "TEAM")
            if inner_start <= t.start_char < span.end_char + m.end(1)
        ]
        if teams:
            details["team"] = teams[0].text
        for part in re.split(r"[,;]", m.group(1)):
            part = part.strip()
            if not part or any(t.text in part for t in teams):
                continue
            if part.isdigit() and "age" not in details:
                details["age"] = int(part)
            elif part in self.nationalities or part.split("/")[0] in self.nationalities:
                details.setdefault("nationality", self.nationalities[part.split("/")[0]])
            elif part[:1].isupper() and len(part.split()) <= 3 and "hometown" not in details:
                details["hometown"] = part
        return details

    def _split_name(self, name: str) -> tuple[str | None, str | None]:
        parts = name.split()
        if len(parts) < 2:
            return None, name
        i = 1
        while i < len(parts) - 1 and parts[i].lower() not in self.particles:
            i += 1
        if parts[i].lower() not in self.particles:
            i = len(parts) - 1
        return " ".join(parts[:i]), " ".join(parts[i:])

    def drivers(self, doc: Doc) -> tuple[list[Driver], dict[int, str]]:
        """Driver records and a map from mention start token to driver name."""
        out, names = [], {}
        for c in cluster(resolved(doc, "DRIVER", "PERSON")):
            labels = [s.label_ for s in c.spans if len(s) > 1] or [s.label_ for s in c.spans]
            if labels.count("PERSON") > labels.count("DRIVER"):
                continue
            details: dict[str, object] = {}
            for span in c.spans:
                details = self._driver_details(span)
                if details:
                    break
            first, last = self._split_name(c.name)
            out.append(
                Driver(
                    name=c.name,
                    first_name=first,
                    last_name=last,
                    mentions=[_span_evidence(s) for s in c.spans],
                    **details,  # type: ignore[arg-type]
                )
            )
            for s in c.spans:
                names[s.start] = c.name
        return out, names

    def named(self, doc: Doc, label: str) -> list[tuple[Cluster, str | None]]:
        spans = resolved(doc, label)
        if label == "TRACK":
            spans = [s for s in spans if not _inside_brackets(s)]
        return [(c, c.spans[0].kb_id_ or None) for c in cluster(spans)]

    def cars(self, doc: Doc) -> list[Car]:
        cars = []
        for c, make in self.named(doc, "CAR"):
            name = c.name
            model = name[len(make) :].strip(" -") if make and name.startswith(make) else None
            number = next((n for s in c.spans if (n := CarFinder.number_after(s))), None)
            cars.append(
                Car(
                    name=name,
                    make=make,
                    model=model or None,
                    number=number,
                    mentions=[_span_evidence(s) for s in c.spans],
                )
            )
        return cars

    # -- the report ----------------------------------------------------------
    def __call__(
        self,
        doc: Doc,
        *,
        source: str | None = None,
        published: date | None = None,
        title: str | None = None,
        base_model: str | None = None,
    ) -> RaceReport:
        drivers, name_at = self.drivers(doc)
        teams = [
            Team(name=c.name, mentions=[_span_evidence(s) for s in c.spans])
            for c, _ in self.named(doc, "TEAM")
        ]
        tracks = [
            Track(name=c.name, mentions=[_span_evidence(s) for s in c.spans])
            for c, _ in self.named(doc, "TRACK")
        ]
        series = [
            Series(name=c.name, mentions=[_span_evidence(s) for s in c.spans])
            for c, _ in self.named(doc, "SERIES")
        ]
        sessions = {}
        for span in resolved(doc, "SESSION"):
            sessions.setdefault(
                span.text,
                Session(kind=span.kb_id_, label=span.text, evidence=_span_evidence(span)),  # type: ignore[arg-type]
            )
        return RaceReport(
            source=source,
            title=title or _title(doc),
            published=published,
            base_model=base_model,
            series=series,
            tracks=tracks,
            drivers=drivers,
            teams=teams,
            cars=self.cars(doc),
            sessions=list(sessions.values()),
            results=self.results(doc, name_at),
            gaps=[
                Gap(seconds=m.seconds, laps=m.laps, approximate=m.approximate, text=m.text,
                    evidence=_evidence(doc, m.start, m.end))
                for m in doc._.gtx_measures or [] if m.kind == "gap"
            ],
            times=[
                TimeValue(kind=m.kind, seconds=m.seconds, text=m.text,
                          evidence=_evidence(doc, m.start, m.end))
                for m in doc._.gtx_measures or [] if m.kind != "gap"
            ],
            events=self.events(doc, name_at),
            quotes=[
                Quote(text=q.text, speaker=name_at.get(q.speaker[0]) if q.speaker else None,
                      evidence=_evidence(doc, q.start, q.end))
                for q in doc._.gtx_quotes or []
            ],
            credits=[
                Credit(role=c.role, name=c.name, evidence=_evidence(doc, c.start, c.end))  # type: ignore[arg-type]
                for c in doc._.gtx_credits or []
            ],
        )  # fmt: skip

    def results(self, doc: Doc, name_at: dict[int, str]) -> list[Result]:
        out: list[Result] = []
        seen: set[tuple[str, int, str | None, tuple[str, ...]]] = set()
        for fact in doc._.gtx_results or []:
            drivers = tuple(dict.fromkeys(name_at[s] for s, _ in fact.drivers if s in name_at))
            if not drivers:
                continue
            key = (fact.kind, fact.position, fact.class_, drivers)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Result(
                    kind=fact.kind,  # type: ignore[arg-type]
                    position=fact.position,
                    class_=fact.class_,
                    drivers=list(drivers),
                    evidence=_evidence(doc, fact.cue[0], fact.cue[1]),
                )
            )
        return out

    def events(self, doc: Doc, name_at: dict[int, str]) -> list[Event]:
        out = []
        for e in doc._.gtx_events or []:
            out.append(
                Event(
                    name=e.name,
                    track=e.track,
                    date=e.date,
                    status=e.status,  # type: ignore[arg-type]
                    drivers=list(dict.fromkeys(name_at[s] for s, _ in e.drivers if s in name_at)),
                    team=e.team,
                    car=e.car,
                    class_=e.class_,
                    evidence=_evidence(doc, e.start, e.end),
                )
            )
        return out


def _inside_brackets(span: Span) -> bool:
    """Hometowns and nationalities in "(25, Heidelberg)" are details, not venues."""
    text = span.doc.text
    left = text.rfind("(", max(0, span.start_char - 60), span.start_char)
    right = text.rfind(")", max(0, span.start_char - 60), span.start_char)
    return left > right and text.find(")", span.end_char, span.end_char + 60) != -1


def _title(doc: Doc) -> str | None:
    first = doc.text.strip().split("\n", 1)[0].strip()
    if 10 <= len(first) <= 140 and not first.endswith((".", ":")):
        return first
    return None
