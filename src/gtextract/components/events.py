"""``gtx_events``: upcoming and cancelled events.

Two sources: calendar blocks of fan sites ("NOV / 07 / ADAC GT MastersMotorsport
Arena Oschersleben", often fused without a space) read line by line at the
character level, and prose sentences with a future cue ("am kommenden
Wochenende beim 24h-Rennen von Spa-Francorchamps") with the crew, team, car
and class named in that sentence and the one after it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from gtextract import gazetteers
from gtextract.components.spans import resolved
from gtextract.dates import find_date

CALENDAR_LINE = re.compile(
    r"^(?P<month>[A-Za-zÄÖÜäöü]{3,9}\.?|tbd|TBD|TBA)[ \t]*\n[ \t]*(?P<day>\d{1,2}\.?|--|-|tbd)[ \t]*\n"
    r"(?P<rest>[^\n]+)$",
    re.MULTILINE,
)
ORDINAL_EVENT = re.compile(
    r"\b(?P<name>(?:das|der|den|dem|des)?\s*(?:zweite|dritte|vierte|nächste|letzte|erste)[nrs]?\s+"
    r"(?:Rennen|Lauf|Renntag|Saisonlauf))\b"
)


@dataclass
class EventFact:
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


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    raw = files("gtextract").joinpath("data/event_cues.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@lru_cache(maxsize=1)
def _track_forms() -> tuple[tuple[str, str], ...]:
    """(written form, track name), longest first, for character-level search."""
    forms = []
    for entry in gazetteers.entries("tracks"):
        for form in entry.forms:
            if len(form) >= 4:
                forms.append((form, entry.name))
    return tuple(sorted(forms, key=lambda f: -len(f[0])))


def _find_track(text: str) -> tuple[int, str, str] | None:
    """First track named in a line: (offset, written form, name)."""
    best: tuple[int, str, str] | None = None
    for form, name in _track_forms():
        pos = text.find(form)
        if pos != -1 and (best is None or pos < best[0]):
            best = (pos, form, name)
    return best


class EventFinder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.cues = _cues()
        self.months = {w.word.lower(): w.number for w in gazetteers.calendar() if w.kind == "month"}

    def _calendar_events(self, doc: Doc) -> list[EventFact]:
        events = []
        for m in CALENDAR_LINE.finditer(doc.text):
            month_word = m.group("month").rstrip(".").lower()
            month = self.months.get(month_word)
            if month is None and month_word not in ("tbd", "tba"):
                continue
            rest = m.group("rest").strip()
            status = "scheduled"
            for word in self.cues["cancelled"]:
                if word in rest.lower():
                    status = "cancelled"
            rest_clean = re.sub(r"\s*\((?:abgesagt|verschoben|abgesagt[^)]*)\)", "", rest)
            track = _find_track(rest_clean)
            name = rest_clean[: track[0]].strip() if track and track[0] > 0 else rest_clean
            day = m.group("day").rstrip(".")
            date = f"{month:02d}-{int(day):02d}" if month and day.isdigit() else None
            start = m.start("rest")
            track_start = None
            if track is not None:
                track_start = start + m.group("rest").find(track[1])
            events.append(
                EventFact(
                    name=name.strip(" -–"),
                    start=start,
                    end=start + len(m.group("rest")),
                    track=track[2] if track else None,
                    track_text=track[1] if track else None,
                    track_start=track_start,
                    date=date,
                    status=status,
                )
            )
        return events

    def _prose_events(self, doc: Doc, published: Any) -> list[EventFact]:
        events = []
        sents = list(doc.sents)
        tracks = resolved(doc, "TRACK")
        home_track = tracks[0].text if tracks else None
        for i, sent in enumerate(sents):
            low = sent.text.lower()
            if not any(cue in low for cue in self.cues["future"]):
                continue
            named = [s for s in resolved(doc, "EVENT") if sent.start <= s.start < sent.end]
            name_span: tuple[str, int, int] | None = None
            if named:
                ev = named[0]
                name_span = (ev.text, ev.start_char, ev.end_char)
            else:
                m = ORDINAL_EVENT.search(sent.text)
                if m:
                    words = m.group("name").split()
                    if words[0].lower() in ("das", "der", "den", "dem", "des"):
                        words = words[1:]
                    text = " ".join(words)
                    off = sent.start_char + sent.text.find(text)
                    name_span = (text, off, off + len(text))
            if name_span is None:
                continue
            scope: list[Span] = [sent]
            if i + 1 < len(sents) and sents[i + 1].text.lower().startswith(
                tuple(self.cues["crew_openers"])
            ):
                scope.append(sents[i + 1])
            in_scope = [
                s for s in resolved(doc) if any(sc.start <= s.start < sc.end for sc in scope)
            ]
            track = next((s.kb_id_ or s.text for s in in_scope if s.label_ == "TRACK"), None)
            if track is None and named and named[0].kb_id_:
                entry = next(
                    (e for e in gazetteers.entries("events") if e.name == named[0].kb_id_), None
                )
                track = (
                    str(entry.attrs.get("track")) if entry and entry.attrs.get("track") else None
                )
            status = "cancelled" if any(c in low for c in self.cues["cancelled"]) else "scheduled"
            date = find_date(sent.text, published)
            events.append(
                EventFact(
                    name=name_span[0],
                    start=name_span[1],
                    end=name_span[2],
                    track=track or home_track,
                    date=date,
                    status=status,
                    drivers=[(s.start, s.end) for s in in_scope if s.label_ == "DRIVER"],
                    team=next((s.text for s in in_scope if s.label_ == "TEAM"), None),
                    car=next((s.text for s in in_scope if s.label_ == "CAR"), None),
                    class_=next(
                        (s.kb_id_ or s.text for s in in_scope if s.label_ == "CLASS"), None
                    ),
                )
            )
        return events

    def __call__(self, doc: Doc) -> Doc:
        published = doc.user_data.get("gtx_published")
        doc._.gtx_events = self._calendar_events(doc) + self._prose_events(doc, published)
        return doc


if not Doc.has_extension("gtx_events"):
    Doc.set_extension("gtx_events", default=None)


@Language.factory("gtx_events")
def make_events(nlp: Language, name: str) -> EventFinder:
    return EventFinder(name)
