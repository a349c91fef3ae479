"""Doc -> RaceReport: turn the labelled spans of a processed Doc into records.

Mentions of one entity are merged here (a bare "Klingmann" joins "Jens
Klingmann"; "Scherer" joins "Team Scherer PHX"), the longest written form
becomes the name, and every record keeps its evidence offsets.

Only the component contract (``components.contract``: span layers, ``doc._``
extensions, fact dataclasses) is read from the Doc; extraction rules belong
to the components, and assembly rules that are data to ``data/assembly.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from gtextract import names
from gtextract.components.contract import NESTED
from gtextract.components.spans import (
    candidates,
    resolved,
    resolved_rows,
    text_of,
    token_offsets,
    token_texts,
)
from gtextract.cues import AssemblyRules
from gtextract.gazetteers import DataSource, package_data
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
from gtextract.series_shapes import SeriesShapes
from gtextract.venue_towns import TownVenues

FUZZY_SAME_NAME = 90
# a short given name ("Alex", "Max") has three letters at least and drops two at
# least: "Tim" and "Timo", "Jan" and "Jana" are names of their own
MIN_SHORT_GIVEN = 3
MIN_GIVEN_CUT = 2
BRACKET = re.compile(r"^\s*\(([^()]{1,80})\)")
NUMBER = re.compile(r"\d+")
AGE = re.compile(r"^(1[0-9]|[2-7][0-9])$")  # "(16, NZ)"; "(+0,204)" is a gap, not an age
# "F1 W10", "F1 W11 EQ Performance": a chassis code after a series name makes the
# name part of a car's ("Mercedes-AMG F1 W10"), not the series
CHASSIS_CODE = re.compile(r" [A-Z]{1,3}\d{2}\b")
# "AMG GT 3", "911 GT 3 R": a car's class code written with a space is the one word
# "GT3" of its model name
SPACED_CLASS_CODE = re.compile(r"\b(GT|LMP) ([1-4])\b")
# "Jonas Brenninger aus ", "der Ferrari-Pilot aus ": the word before "aus" right before a town
HOMETOWN_BEFORE = re.compile(r"([\w.\-’']+)\s+aus\s+$")
# "Jonas Brenninger (23) aus ", "Jonas Brenninger, 23, aus ": a person's age, then "aus"
AGE_BEFORE_AUS = re.compile(r"(?:\s*\(\d{1,2}\)|,\s*\d{1,2}\s*,)\s+aus\s+$")
# "in X ansässige": the preposition before a home town
IN_BEFORE = re.compile(r"\bin\s+$")
NEXT_WORD = re.compile(r"\s+(\w+)")  # "ansässige" after "in Oschersleben"
HOMETOWN_REACH = 60  # characters before a town searched for "aus" and what precedes it
RESIDENCE_REACH = 30  # characters after "in X" searched for a residence word


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    return Evidence(start=start, end=end, text=text_of(doc)[start:end])


def _span_evidence(span: Span) -> Evidence:
    return _evidence(span.doc, span.start_char, span.end_char)


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: a span, or a stretch of a fused line ("MastersMotorsport")."""

    text: str
    start_char: int
    end_char: int
    kb_id_: str = ""
    label_: str = ""

    @classmethod
    def of(cls, span: Span) -> Mention:
        return cls(span.text, span.start_char, span.end_char, span.kb_id_, span.label_)

    @classmethod
    def resolved(cls, doc: Doc, *labels: str) -> list[Mention]:
        """``[Mention.of(s) for s in resolved(doc, *labels)]`` without the Spans."""
        text, offsets, words = text_of(doc), token_offsets(doc), token_texts(doc)
        out = []
        for start, end, label, kb_id in resolved_rows(doc, *labels):
            a, b = offsets[start], offsets[end - 1] + len(words[end - 1])  # the Span's chars
            out.append(cls(text[a:b], a, b, kb_id, label))
        return out

    @property
    def n_words(self) -> int:
        return len(self.text.split())


@dataclass
class Cluster:
    """Mentions of one entity; ``name`` is the entry's own name when the text uses
    it, else the longest form written (mentions arrive longest first)."""

    mentions: list[Mention] = field(default_factory=list)
    name: str = ""

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        canonical = self.mentions[0].kb_id_
        if not self.name or (canonical and mention.text == canonical):
            self.name = mention.text

    @property
    def tokens(self) -> list[str]:
        return names.normalize(self.name).split()

    def evidence(self) -> list[Evidence]:
        return [Evidence(start=m.start_char, end=m.end_char, text=m.text) for m in self.mentions]


@lru_cache(maxsize=65536)  # clustering compares each mention with every entity so far
def _same_entity(
    short: str,
    long: str,
    *,
    same_numbers: bool = False,
    short_given: bool = False,
    frames: frozenset[str] = frozenset(),
) -> bool:
    a, b = names.normalize(short).split(), names.normalize(long).split()
    if not a or not b:
        return False
    if a == b or (short_given and _short_given_form(a, b)):
        return True
    if frames and _unframed(a, frames) == _unframed(b, frames):
        return True  # "Rennstall Huber Racing" is "Team Huber Racing", "Huber GmbH" "Huber"
    if fuzz.ratio(" ".join(a), " ".join(b)) >= FUZZY_SAME_NAME and (
        not same_numbers or _numbers(a) == _numbers(b)
    ):
        return True
    if frames:  # "Scherer Sport" is not "Audi Sport Team Scherer PHX": a team's words in a row
        a, b = _unframed(a, frames), _unframed(b, frames)
        return len(a) == 1 and a[0] in b or _in_a_row(a, b)
    return set(a) <= set(b) and (a[-1] == b[-1] or a[-1] in b)


def _in_a_row(a: list[str], b: list[str]) -> bool:
    return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def _unframed(words: list[str], frames: frozenset[str]) -> list[str]:
    """The name without the words around it that any team may carry: a leading or
    closing "Team", "Rennstall", a legal form ("GmbH", "e. V."); never all of it."""
    start, end = 0, len(words)
    while start < end - 1 and words[start] in frames:
        start += 1
    while end > start + 1 and words[end - 1] in frames:
        end -= 1
    return words[start:end]


def _short_given_form(a: list[str], b: list[str]) -> bool:
    """ "Alex Albon" ~ "Alexander Albon", "Max Vogt" ~ "Maximilian Vogt": one person
    whose given name is written short, the surname the same."""
    if len(a) != len(b) or len(a) < 2 or a[-1] != b[-1] or a == b:
        return False
    return all(
        x == y
        or (
            min(len(x), len(y)) >= MIN_SHORT_GIVEN
            and abs(len(x) - len(y)) >= MIN_GIVEN_CUT
            and (x.startswith(y) or y.startswith(x))
        )
        for x, y in zip(a[:-1], b[:-1], strict=True)
    )


def _numbers(words: list[str]) -> list[str]:
    return [n for w in words for n in NUMBER.findall(w)]


FUZZY_SCAN_LIMIT = 300  # beyond this many entities only shared words are compared


def cluster(
    mentions: Iterable[Mention],
    *,
    by_entry: bool = False,
    people: bool = False,
    frames: frozenset[str] = frozenset(),
) -> list[Cluster]:
    """Group mentions, longest first, so short forms join the full name.

    With ``by_entry`` mentions of one gazetteer entry (``kb_id_``) always join,
    so "NLS" and "Nürburgring Langstrecken-Serie" are one series, and two spellings
    alike join only with the same numbers ("Supersport 300" is not "Supersport 600"). Clusters are
    indexed by their words so that long texts stay linear. With ``people`` a given
    name written short joins the full one ("Alex Albon" is "Alexander Albon"). Words in
    ``frames`` around a name do not tell two entities apart ("Team X" is "Rennstall X"),
    and a short form of several words must stand in a row in the long one (teams).
    """
    clusters: list[Cluster] = []
    by_kb: dict[str, Cluster] = {}
    by_word: dict[str, list[Cluster]] = {}
    ordered = sorted(mentions, key=lambda m: (-m.n_words, -len(m.text), m.start_char))
    for mention in ordered:
        text = mention.text
        if text.endswith("s") and mention.n_words == 1 and names.normalize(text[:-1]) in by_word:
            text = text[:-1]  # genitive "Klingmanns"
        home = by_kb.get(mention.kb_id_) if by_entry and mention.kb_id_ else None
        if home is None:
            words = names.normalize(text).split()
            near = [c for w in words for c in by_word.get(w, [])]
            if len(clusters) <= FUZZY_SCAN_LIMIT:
                near += clusters
            home = next(
                (
                    c
                    for c in near
                    if _same_entity(
                        text, c.name, same_numbers=by_entry, short_given=people, frames=frames
                    )
                ),
                None,
            )
        if home is None:
            home = Cluster()
            clusters.append(home)
            home.add(mention)
            for w in home.tokens:
                by_word.setdefault(w, []).append(home)
        else:
            home.add(mention)
        if by_entry and mention.kb_id_:
            by_kb.setdefault(mention.kb_id_, home)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start_char)
    return sorted(clusters, key=lambda c: c.mentions[0].start_char)


class Assembler:
    """Builds the RaceReport of a processed Doc; reads the package's data, or ``data``."""

    def __init__(self, data: DataSource | None = None) -> None:
        data = data or package_data()
        rules = data.cues("assembly", AssemblyRules)
        # series whose entrants are the constructors ("Ferrari", "Mercedes")
        self.constructor_series = frozenset(rules.constructor_series)
        self.bracket_constructor_series = frozenset(rules.bracket_constructor_series)
        self.engine_makes = frozenset(rules.engine_makes)
        self.team_frames = frozenset(
            w for f in rules.team_frames for w in names.normalize(f).split()
        )
        self.not_venue_compounds = frozenset(w.lower() for w in rules.not_venue_compounds)
        self.hometown_verbs = frozenset(w.lower() for w in rules.hometown_verbs)
        self.residence_words = frozenset(w.lower() for w in rules.residence_words)
        roles = {
            w.lower() for name in ("driver_roles", "non_driver_roles") for w in data.words(name)
        }
        # "Formel-1-Pilot", "DTM-Champion": a series in a person's role names no field
        self.person_roles = frozenset(w.lstrip("-") for w in roles)
        # "der Ferrari-Pilot aus Monaco": a role word before "aus X" makes X a hometown
        self.role_words = frozenset(w for w in roles if not w.startswith("-"))
        self.role_suffixes = tuple(w[1:] for w in roles if w.startswith("-") and len(w) > 1)
        self.nationalities = data.mapping("nationalities")
        self.particles = names.particles(data)
        self.series_forms = {f: e.name for e in data.entries("series") for f in e.forms}
        # "Sprint Cup", "Langstrecken-Serie": an alias that other series share counts
        # only where the text also names its own series (another form of the entry,
        # or a series of its "within")
        self.contextual_series = {
            e.name: (
                frozenset(_form_key(a) for a in e.attrs["contextual"]),
                frozenset(e.attrs.get("within", ())),
            )
            for e in data.entries("series")
            if e.attrs.get("contextual")
        }
        self.make_names = {e.name for e in data.entries("makes")}
        self.car_entries = {e.name for e in data.entries("car_models")}
        self.car_entry_make = {
            e.name: str(e.attrs["make"]) for e in data.entries("car_models") if e.attrs.get("make")
        }
        self.part_of = {
            e.name: str(e.attrs["part_of"])
            for e in data.entries("tracks")
            if e.attrs.get("part_of")
        }
        # "GP-Strecke" also names any circuit's GP layout ("die GP-Strecke von Monza")
        self.generic_parts = {e.name for e in data.entries("tracks") if e.attrs.get("generic")}
        # villages and towns no gazetteer lists, in rally/hill-climb venue phrases
        self.town_venues = TownVenues(rules, frozenset(self.nationalities))
        # regional championships no gazetteer lists ("saarländische Rallye-Meisterschaft")
        self.series_shapes = SeriesShapes(rules)

    # -- entities ------------------------------------------------------------
    def _driver_details(self, doc: Doc, mention: Mention) -> dict[str, object]:
        """Age, nationality, hometown and team from "(20, CZ)" / "(16, Neuseeland, Team)"."""
        m = BRACKET.match(text_of(doc)[mention.end_char :])
        details: dict[str, object] = {}
        if not m:
            return details
        inner = (mention.end_char + m.start(1), mention.end_char + m.end(1))
        teams = [t for t in resolved(doc, "TEAM") if inner[0] <= t.start_char < inner[1]]
        if teams:
            details["team"] = teams[0].text
        for part in re.split(r"[,;]", m.group(1)):
            part = part.strip()
            if not part or any(t.text in part for t in teams):
                continue
            country = part.split("/")[0].strip()
            if AGE.match(part) and "age" not in details:
                details["age"] = int(part)
            elif country in self.nationalities:
                details.setdefault("nationality", self.nationalities[country])
            elif part[:1].isupper() and len(part.split()) <= 3 and "hometown" not in details:
                details["hometown"] = part
        return details

    def drivers(self, doc: Doc) -> tuple[list[Driver], dict[int, str]]:
        """Driver records and a map from mention start (char) to driver name.

        A person named with a non-driver role anywhere (Teamchef, Fotos:) is
        not a driver, even where a later bare mention has no role.
        """
        out, name_at = [], {}
        mentions = _without_genitive(
            [_with_shared_surname(m) for m in Mention.resolved(doc, "DRIVER", "PERSON")]
        )
        text = text_of(doc)
        for c in cluster(mentions, people=True):
            if any(m.label_ == "PERSON" for m in c.mentions):
                continue
            details: dict[str, object] = {}
            for mention in c.mentions:
                details = self._driver_details(doc, mention)
                if details:
                    break
            first, last = names.split_name(c.name, self.particles)
            out.append(
                Driver(
                    name=c.name,
                    first_name=first,
                    last_name=last,
                    # a sibling's "Ben" clustered as "Ben Dörr": evidence is the text's own
                    mentions=[
                        Evidence(
                            start=m.start_char, end=m.end_char, text=text[m.start_char : m.end_char]
                        )
                        for m in c.mentions
                    ],
                    **details,
                )
            )
            for m in c.mentions:
                name_at[m.start_char] = c.name
        return out, name_at

    def named(self, doc: Doc, label: str, extra: Iterable[Mention] = ()) -> list[Cluster]:
        mentions = Mention.resolved(doc, label) + list(extra)
        if label == "TRACK":
            people = {m.end_char for m in Mention.resolved(doc, "DRIVER", "PERSON")}
            text = text_of(doc)
            entrants = people | {s.end_char for s in resolved(doc, "TEAM")}
            mentions = [
                m
                for m in mentions
                if not _persons_bracket(text, m, people)
                and not self._in_compound(text, m)
                and not self._hometown(text, m, entrants)
            ]
        if label == "TEAM":  # "Foto: X Motorsport Images": a credited agency enters no car
            credited = [(c.start, c.end) for c in doc._.gtx_credits or []]
            mentions = [m for m in mentions if not any(a <= m.start_char < b for a, b in credited)]
        if label == "SERIES":  # "in der Formel E.", "Formel-1-": matched with the mark
            text = text_of(doc)
            mentions = [
                _without_final_mark(m)
                for m in mentions
                if not CHASSIS_CODE.match(text, m.end_char)  # "Mercedes F1 W10"
            ]
            mentions = self._with_series_context(mentions)
        frames = self.team_frames if label == "TEAM" else frozenset()
        return cluster(mentions, by_entry=label in ("TRACK", "SERIES", "TEAM"), frames=frames)

    def _with_series_context(self, mentions: list[Mention]) -> list[Mention]:
        """Drop a contextual alias ("Sprint Cup") whose series the text names nowhere
        else: alone it may be any series' sprint cup."""
        if not any(m.kb_id_ in self.contextual_series for m in mentions):
            return mentions
        none: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        alone = [
            _form_key(m.text) in self.contextual_series.get(m.kb_id_, none)[0] for m in mentions
        ]
        named = {m.kb_id_ for m, a in zip(mentions, alone, strict=True) if not a}
        return [
            m
            for m, a in zip(mentions, alone, strict=True)
            if not a or m.kb_id_ in named or self.contextual_series[m.kb_id_][1] & named
        ]

    def _hometown(self, text: str, mention: Mention, entrant_ends: set[int]) -> bool:
        """ "Jonas Brenninger aus Hockenheim", "der Ferrari-Pilot aus Monaco", "das Team
        aus Oschersleben": a person, role word or team right before "aus" gives its
        hometown, not a venue ("zurück aus Spa" stays a venue); so do a person's age
        before "aus" ("Jonas Brenninger (23) aus"), an origin verb ("stammt aus Monza")
        and a residence word after "in X" ("das in Oschersleben ansässige Team")."""
        start = max(0, mention.start_char - HOMETOWN_REACH)
        before = text[start : mention.start_char]
        if IN_BEFORE.search(before):  # "das in Oschersleben ansässige Team"
            after = NEXT_WORD.match(text, mention.end_char, mention.end_char + RESIDENCE_REACH)
            return after is not None and after.group(1).lower() in self.residence_words
        age = AGE_BEFORE_AUS.search(before)
        if age is not None and start + age.start() in entrant_ends:
            return True  # "Jonas Brenninger (23) aus Hockenheim"
        m = HOMETOWN_BEFORE.search(text, start, mention.start_char)
        if m is None:
            return False
        if m.end(1) in entrant_ends:
            return True
        word = m.group(1).lower()
        return (
            word in self.role_words
            or word.endswith(self.role_suffixes)
            or word in self.hometown_verbs  # "stammt aus Monza"
        )

    def _in_compound(self, text: str, mention: Mention) -> bool:
        """ "Le-Mans-Sieger": a track in a compound that names no venue of the report."""
        if text[mention.end_char : mention.end_char + 1] != "-":
            return False
        rest = re.match(r"[\w-]+", text[mention.end_char + 1 :])
        return rest is not None and rest.group(0).lower() in self.not_venue_compounds

    def teams(self, doc: Doc) -> list[Cluster]:
        """Teams; in single-seater series the constructor named alone is the entrant."""
        text = text_of(doc)
        series = [s for s in resolved(doc, "SERIES") if not self._in_role(text, s.end_char)]
        constructors: list[Mention] = []
        if series and series[0].kb_id_ in self.constructor_series:  # the report's own series
            # "Williams-Renault", "Benetton-Ford": the engine ("Alfa-Sauber" is Sauber)
            constructors = [
                Mention.of(m)
                for m in resolved(doc, "MAKE")
                if not (m.kb_id_ in self.engine_makes and _joined(text, m))
            ]
        elif series and series[0].kb_id_ in self.bracket_constructor_series:
            # "Mitch Evans (Jaguar)": a make alone in brackets names the driver's entrant
            makes = Mention.resolved(doc, "MAKE")
            entrants = {m.kb_id_ for m in makes if _bracketed(text, m)}
            constructors = [m for m in makes if m.kb_id_ in entrants]
        constructors = [
            Mention(m.text, m.start_char, m.end_char, m.kb_id_, "TEAM") for m in constructors
        ]
        return self.named(doc, "TEAM", constructors)

    def _in_role(self, text: str, end: int) -> bool:
        """ "Formel-1-Pilot X" in a Le Mans report: the series is X's past, not the
        report's field."""
        rest = re.match(r"-?([\w-]+)", text[end : end + 40])
        if text[end - 1 : end] != "-" and text[end : end + 1] != "-" or rest is None:
            return False
        return rest.group(1).lower() in self.person_roles

    def cars(self, doc: Doc) -> list[Car]:
        cars = []
        number_at = doc._.gtx_car_numbers or {}
        makes_named = [(m.start_char, m.kb_id_) for m in Mention.resolved(doc, "MAKE")]
        for c in self._model_only_into_make(doc, self.named(doc, "CAR")):
            name = SPACED_CLASS_CODE.sub(r"\1\2", c.name)
            name = self._make_named_before(name, c, makes_named)
            make = next((m.kb_id_ for m in c.mentions if m.kb_id_), None)
            model = name[len(make) :].strip(" -") if make and name.startswith(make) else None
            numbers = (number_at.get(m.end_char) for m in c.mentions)
            cars.append(
                Car(
                    name=name,
                    make=make,
                    model=model or None,
                    number=next((n for n in numbers if n), None),
                    mentions=c.evidence(),
                )
            )
        return cars

    def _make_named_before(
        self, name: str, car: Cluster, makes_named: list[tuple[int, str]]
    ) -> str:
        """ "setzte auf den Audi ... mit dem R8 LMS": a model written without its make
        takes the make of its entry when the text names that make before it."""
        first = min(m.start_char for m in car.mentions)
        make = next((self.car_entry_make.get(m.kb_id_) for m in car.mentions), None)
        if make is None or name.startswith(make):
            return name
        if any(at < first and kb_id == make for at, kb_id in makes_named):
            return f"{make} {name}"
        return name

    def _model_only_into_make(self, doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
        """ "der Audi R8 LMS GT3 ... der R8 LMS GT3 Evo": a car written without its make
        is the car of the same model entry that the text names with its make."""
        entry_at = {(s.start_char, s.end_char): s.kb_id_ for s in candidates(doc, "CAR_MODEL")}

        def entries(c: Cluster) -> set[str]:
            return {
                e
                for m in c.mentions
                if (e := entry_at.get((m.start_char, m.end_char), m.kb_id_)) in self.car_entries
            }

        with_make = [c for c in clusters if any(m.kb_id_ in self.make_names for m in c.mentions)]
        out = []
        for c in clusters:
            if c not in with_make:
                own = entries(c)
                home = next((h for h in with_make if own & entries(h)), None) if own else None
                if home is not None:
                    home.mentions = sorted(home.mentions + c.mentions, key=lambda m: m.start_char)
                    continue
            out.append(c)
        return out

    def series(self, doc: Doc) -> list[Cluster]:
        """Series, also those fused into calendar lines ("ADAC GT MastersMotorsport ...")."""
        fused = [
            Mention(e.name, e.start, e.start + len(e.name), self.series_forms[e.name], "SERIES")
            for e in doc._.gtx_events or []
            if e.track_text and e.name in self.series_forms
        ]
        shaped = [
            Mention(s.text, s.start_char, s.end_char, s.text, "SERIES")
            for s in self.series_shapes(doc)
        ]
        return self.named(doc, "SERIES", fused + shaped)

    def tracks(self, doc: Doc) -> list[Track]:
        nested = [Mention.of(s) for s in doc.spans.get(NESTED, [])]
        fused = [
            Mention(
                e.track_text, e.track_start, e.track_start + len(e.track_text), e.track, "TRACK"
            )
            for e in doc._.gtx_events or []
            if e.track and e.track_text and e.track_start is not None
        ]
        towns = [
            Mention(s.text, s.start_char, s.end_char, s.text, "TRACK")
            for s in self.town_venues(doc)
        ]
        clusters = _fold_track_parts(self.named(doc, "TRACK", nested + fused + towns), self.part_of)
        named = {c.mentions[0].kb_id_ for c in clusters}
        clusters = [  # a generic part is that track's only where the track is named
            c
            for c in clusters
            if c.mentions[0].kb_id_ not in self.generic_parts
            or self.part_of.get(c.mentions[0].kb_id_) in named
        ]
        return [Track(name=c.name, mentions=c.evidence()) for c in clusters]

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
        team_clusters = self.teams(doc)
        teams = [Team(name=c.name, mentions=c.evidence()) for c in team_clusters]
        cars = self.cars(doc)
        named_at = {m.start: t.name for t in teams for m in t.mentions}
        named_at.update({m.start: c.name for c in cars for m in c.mentions})
        series = [Series(name=c.name, mentions=c.evidence()) for c in self.series(doc)]
        sessions: dict[str, Session] = {}
        for span in resolved(doc, "SESSION"):
            sessions.setdefault(
                span.text,
                Session(kind=span.kb_id_, label=span.text, evidence=_span_evidence(span)),
            )
        return RaceReport(
            source=source,
            title=title or _title(doc),
            published=published,
            base_model=base_model,
            series=series,
            tracks=self.tracks(doc),
            drivers=drivers,
            teams=teams,
            cars=cars,
            sessions=list(sessions.values()),
            results=self.results(doc, name_at, named_at),
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
                Quote(text=q.text, speaker=self._speaker(doc, q.speaker, name_at),
                      evidence=_evidence(doc, q.start, q.end))
                for q in doc._.gtx_quotes or []
            ],
            credits=[
                Credit(role=c.role, name=c.name, evidence=_evidence(doc, c.start, c.end))
                for c in doc._.gtx_credits or []
            ],
        )  # fmt: skip

    @staticmethod
    def _speaker(doc: Doc, span: tuple[int, int] | None, name_at: dict[int, str]) -> str | None:
        if span is None:
            return None
        start = doc[span[0]].idx
        return name_at.get(start, doc[span[0] : span[1]].text)

    def results(
        self, doc: Doc, name_at: dict[int, str], named_at: dict[int, str] | None = None
    ) -> list[Result]:
        """Result records; ``named_at`` maps a car/team/session mention to its name."""
        named_at = named_at or {}
        text = text_of(doc)
        out: list[Result] = []
        seen: set[tuple[str, int, str | None, tuple[str, ...]]] = set()
        for fact in doc._.gtx_results or []:
            drivers = tuple(
                dict.fromkeys(name_at[doc[s].idx] for s, _ in fact.drivers if doc[s].idx in name_at)
            )
            if not drivers:
                continue
            key = (fact.kind, fact.position, fact.class_, drivers)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Result(
                    kind=fact.kind,
                    position=fact.position,
                    class_=fact.class_,
                    drivers=list(drivers),
                    car=named_at.get(fact.car[0]) if fact.car else None,
                    team=named_at.get(fact.team[0]) if fact.team else None,
                    session=text[fact.session[0] : fact.session[1]] if fact.session else None,
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
                    status=e.status,
                    drivers=list(
                        dict.fromkeys(
                            name_at[doc[s].idx] for s, _ in e.drivers if doc[s].idx in name_at
                        )
                    ),
                    team=e.team,
                    car=e.car,
                    class_=e.class_,
                    evidence=_evidence(doc, e.start, e.end),
                )
            )
        return out


def _fold_track_parts(clusters: list[Cluster], part_of: dict[str, str]) -> list[Cluster]:
    """ "Nürburgring + Nordschleife": a track part named only beside its track is
    that track; named on its own ("auf der Nordschleife") it stays a venue."""
    by_kb = {c.mentions[0].kb_id_: c for c in clusters if c.mentions[0].kb_id_}
    kept = []
    for c in clusters:
        parent = by_kb.get(part_of.get(c.mentions[0].kb_id_, ""))
        if parent is not None and all(
            any(
                abs(m.start_char - p.end_char) <= 4 or abs(p.start_char - m.end_char) <= 4
                for p in parent.mentions
            )
            for m in c.mentions
        ):
            parent.mentions.extend(c.mentions)
            parent.mentions.sort(key=lambda m: m.start_char)
            continue
        kept.append(c)
    return kept


def _without_genitive(mentions: list[Mention]) -> list[Mention]:
    """ "Pascal Wehrleins Sieg ... Wehrlein": a full name in the genitive drops its
    "s" where the text names the person without it too."""
    last_words = {m.text.split()[-1] for m in mentions if m.text.strip()}
    out = []
    for m in mentions:
        words = m.text.split()
        if len(words) > 1 and words[-1].endswith("s") and words[-1][:-1] in last_words:
            m = Mention(m.text[:-1], m.start_char, m.end_char - 1, m.kb_id_, m.label_)
        out.append(m)
    return out


def _with_shared_surname(mention: Mention) -> Mention:
    """ "Ben und Phil Dörr": people gives the lone "Ben" the shared surname as its
    kb_id; it clusters as "Ben Dörr"."""
    if mention.n_words != 1 or not mention.kb_id_:
        return mention
    return Mention(
        f"{mention.text} {mention.kb_id_}", mention.start_char, mention.end_char, "", mention.label_
    )


def _bracketed(text: str, mention: Mention) -> bool:
    """ "(Jaguar)": the mention alone in round brackets."""
    return (
        text[mention.start_char - 1 : mention.start_char] == "("
        and text[mention.end_char : mention.end_char + 1] == ")"
    )


def _joined(text: str, make: Span) -> bool:
    """ "Williams-Renault": a word right before the hyphen that leads the make."""
    at = make.start_char
    return at > 1 and text[at - 1] == "-" and text[at - 2].isalnum()


def _form_key(text: str) -> str:
    """A series form for comparison: case, hyphens and a genitive -s left out
    ("des Sprint-Cups" ~ "Sprint Cup")."""
    key = text.lower().replace("-", " ")
    return key[:-1] if key.endswith("cups") else key


def _without_final_mark(mention: Mention) -> Mention:
    if not mention.text.endswith((".", "-")):
        return mention
    text = mention.text[:-1]
    return Mention(text, mention.start_char, mention.end_char - 1, mention.kb_id_, mention.label_)


def _persons_bracket(text: str, mention: Mention, person_ends: set[int]) -> bool:
    """Hometowns in "Jonas Brenninger (25, Heidelberg)" are details, not venues; a
    bracket elsewhere ("drei Läufe (Montreal am 8. August)") may name a venue."""
    start, end = mention.start_char, mention.end_char
    left = text.rfind("(", max(0, start - 60), start)
    right = text.rfind(")", max(0, start - 60), start)
    if left <= right or text.find(")", end, end + 60) == -1:
        return False
    return len(text[:left].rstrip()) in person_ends


def _title(doc: Doc) -> str | None:
    first = text_of(doc).strip().split("\n", 1)[0].strip()
    if 10 <= len(first) <= 140 and not first.endswith((".", ":")):
        return first
    return None
