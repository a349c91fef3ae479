"""Who a position belongs to: the drivers of a clause, their crews, and the
subject of a clause that names none.

A clause's drivers are its subjects, or beaten when named after "vor" /
"Vorsprung auf". Drivers joined by "/" form one crew; a crew in brackets after
its car counts ("der Porsche #44 (A/B/C)", see ``brackets``). Objects are left
out: "Platz zwei von A", "Kollision zwischen A und B", "als Ersatz für A",
"Evans' Teamkollege". A clause without a driver takes the crew just named
(relative clause), the subject of its sentence, the crew of the size named
("das Trio"), the last subject (an anaphor: "er", "der 22-Jährige", "der
Neuseeländer") or the crew last seen in a car ("der Bentley").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from gtextract.components.contract import ResultFact
from gtextract.components.results.brackets import CrewBrackets
from gtextract.components.results.clauses import (
    bracket_tokens,
    in_ranges,
    outside_bracket_words,
)
from gtextract.components.spans import (
    lower_forms,
    resolved,
    resolved_rows,
    span_text,
    text_of,
    token_texts,
)
from gtextract.cues import PositionCues

# Grammar: a definite article before a make makes it a noun phrase ("der Bentley")
ARTICLES = ("der", "die", "das", "den")
# tokens from "zwischen" or "als Ersatz für" to the name it sets aside ("für den
# verletzten A", "zwischen Pole-Sitter A")
PHRASE_REACH = 6
# Grammar: the apostrophe of a genitive after a name ending in s, x or z ("Evans' Auto")
GENITIVE_MARKS = ("'", "´", "’", "`")
# tokens from "Rückstand auf" to the driver measured against ("auf den Sieger A")
REFERENCE_REACH = 3
# Grammar: the articles before a title there ("auf den Sieger A", "hinter dem Briten A")
REFERENCE_ARTICLES = ("der", "die", "das", "den", "dem")
# Grammar: after a comma these open a relative clause (", die sich mit Platz zwei ...")
RELATIVE_PRONOUNS = ("der", "die", "das")


@dataclass
class Displacement:
    """ "A verwies B auf Platz zwei": the verb's and "auf"'s tokens, and the drivers
    pushed to the place after "auf" (B)."""

    verb: int
    to: int
    pushed: list[Span]
    # the subject named right after the verb ("Am Samstag verwies A B auf ..."), if any
    inverted: list[Span]


def same_person(a: str, b: str) -> bool:
    """ "Klingmann" and "Jens Klingmann" (the surname, with or without given name)."""
    if not a or not b:
        return False
    return a == b or a.split()[-1] == b.split()[-1]


@dataclass
class CrewMemory:
    """What a text has said so far about who drives, read clause by clause."""

    last_subjects: list[Span] = field(default_factory=list)
    recent_groups: list[list[Span]] = field(default_factory=list)  # crews in text order
    crew_of_make: dict[str, list[Span]] = field(default_factory=dict)  # car -> its crew
    mates: dict[int, list[Span]] = field(default_factory=dict)  # driver start -> co-drivers


class CrewFinder:
    """Reads drivers and crews with the vocabulary of ``position_cues.json``."""

    def __init__(self, cues: PositionCues, demonyms: frozenset[str] = frozenset()) -> None:
        self.cues = cues
        self.demonyms = demonyms
        self.anaphora = set(cues.anaphora)
        self.group_joiners = set(cues.group_joiners)
        self.object_markers = set(cues.object_markers)
        self.agent_participles = set(cues.agent_participles)
        self.crew_sizes: dict[str, int] = dict(cues.crew_sizes)
        self.beaten_after = set(cues.beaten_after)
        self.beaten_pairs = {tuple(p) for p in cues.beaten_after_pairs}
        self.reference_pairs = {tuple(p) for p in cues.reference_pairs}
        self.ahead_markers = set(cues.ahead_markers)
        self.displacement_verbs = set(cues.displacement_verbs)
        self.partner_pairs = {tuple(p) for p in cues.partner_pairs}
        self.brackets = CrewBrackets(cues)
        self.pair_markers = set(cues.pair_markers)
        self.replaced_markers = set(cues.replaced_markers)
        self.place_words = set(cues.win_words) | set(cues.race_nouns) | set(cues.grid_nouns)

    # -- the drivers of a clause ---------------------------------------------
    def drivers(self, clause: Span, quotes: list[tuple[int, int]]) -> tuple[list[Span], list[Span]]:
        """Drivers of the clause: subjects, and those beaten ("vor X", "Vorsprung auf X").

        Left out: drivers in brackets (but the crew of a car: "der Audi #3 (A/B)") or
        quotes, genitives ("Klingmanns Teamgefährte") and objects ("Platz zwei von
        Sainz"; but "der Bentley von A und B" owns).
        """
        doc = clause.doc
        named = resolved(doc, "DRIVER", start=clause.start, end=clause.end)
        if not named:
            return [], []  # most clauses: nothing below to read
        texts, lowers = token_texts(doc), lower_forms(doc)
        inside = bracket_tokens(clause) - self.brackets.driver_starts(clause)
        beaten_from = self._beaten_from(clause)
        vehicles = {
            e
            for _, e, _, _ in resolved_rows(doc, "CAR", "MAKE", start=clause.start, end=clause.end)
        }
        aside = self._set_aside(clause, named)
        subjects: list[Span] = []
        beaten: list[Span] = []
        object_end: int | None = None  # the end of the last driver left out as an object
        for d in named:
            if d.start in inside or d.start in aside:
                continue
            if in_ranges(d.start_char, quotes) or self._referred(lowers, clause, d):
                continue
            nxt = texts[d.end] if d.end < len(doc) else None
            genitive = len(d) == 1 and texts[d.start].endswith("s")
            if genitive and nxt is not None and nxt[:1].isupper():
                continue  # genitive "Klingmanns Teamgefährte"
            if nxt is not None and nxt in GENITIVE_MARKS and d.text.endswith(("s", "x", "z")):
                continue  # genitive "Evans' Teamkollege"
            marker = next(
                (
                    i
                    for i in range(max(clause.start, d.start - 2), d.start)
                    if lowers[i] in self.object_markers
                ),
                None,
            )
            owned = (
                marker is not None
                and lowers[marker] == "von"
                and (
                    marker in vehicles
                    or any(v <= marker <= v + 2 for v in vehicles)
                    # "der BMW mit der Startnummer 7 von A, B und C"
                    or self.brackets.after_start_number(doc, marker)
                    # "pilotiert von A, B und C": the agent drives
                    or (marker > 0 and lowers[marker - 1] in self.agent_participles)
                )
            )
            after_beaten = beaten_from is not None and d.start > beaten_from
            if marker is None and object_end is not None and not after_beaten:
                # "gegen A und B": a name joined to an object is an object too
                between = lowers[object_end : d.start]
                if len(between) <= 2 and all(w in self.group_joiners for w in between):
                    marker = object_end - 1
            if marker is not None and not owned and not after_beaten:
                # "von" also marks whose place it is ("der achte Rang von A und B"):
                # only the other markers reach the names joined to theirs
                object_end = d.end if lowers[marker] != "von" else None
                continue
            (beaten if beaten_from is not None and d.start > beaten_from else subjects).append(d)
        return subjects, beaten

    def _referred(self, lowers: list[str], clause: Span, d: Span) -> bool:
        """ "mit zwei Sekunden Rückstand auf (den Sieger) A", "hinter dem Briten A":
        A is ahead, measured against."""
        lo = max(clause.start, d.start - REFERENCE_REACH)
        for i in range(lo, d.start):
            pair = i > clause.start and (lowers[i - 1], lowers[i]) in self.reference_pairs
            if pair or lowers[i] in self.ahead_markers:
                # the name right after it or after a title ("zum Sieger A", "auf den
                # Sieger A"); not "mit Abstand zu A kam B": B is the subject
                gap = lowers[i + 1 : d.start]
                return len(gap) <= 1 or (len(gap) == 2 and gap[0] in REFERENCE_ARTICLES)
        return False

    def displacement(self, sent: Span, quotes: list[tuple[int, int]]) -> Displacement | None:
        """ "A verwies B (und C) auf Platz zwei (und drei)": the token of the verb, of
        "auf", and the drivers named between them (B, C), who take the place after
        "auf"; None when the sentence has no such phrase."""
        doc = sent.doc
        lowers = lower_forms(doc)
        verb = next(
            (i for i in range(sent.start, sent.end) if lowers[i] in self.displacement_verbs),
            None,
        )
        if verb is None:
            return None
        # "verwies auf ..." (referred to): the pushed object comes between verb and "auf"
        to = next((i for i in range(verb + 2, sent.end) if lowers[i] == "auf"), None)
        if to is None:
            return None
        pushed = [
            d
            for d in resolved(doc, "DRIVER", start=verb + 1, end=to)
            if not in_ranges(d.start_char, quotes)
        ]
        crews = self.groups(pushed)
        if len(crews) > 1 and crews[0][0].start == verb + 1:
            # "verwies Hamilton seinen Teamkollegen Rosberg auf": the subject after the verb
            return Displacement(verb, to, [d for g in crews[1:] for d in g], crews[0])
        return Displacement(verb, to, pushed, [])

    def _set_aside(self, clause: Span, drivers: list[Span]) -> set[int]:
        """Starts of the drivers a phrase sets aside: the pair right after "zwischen"
        ("Kollision zwischen A und B") and the one replaced ("als Ersatz für A")."""
        if not drivers:
            return set()
        doc = clause.doc
        aside: set[int] = set()
        words = lower_forms(doc)[clause.start : clause.end]
        for k, word in enumerate(words):
            i = clause.start + k
            two = f"{words[k - 1]} {word}" if k else word
            if word in self.pair_markers:
                aside.update(d.start for d in self._pair_after(doc, i, drivers))
            elif word in self.replaced_markers or two in self.replaced_markers:
                first = next((d for d in drivers if i < d.start <= i + PHRASE_REACH), None)
                if first is not None:
                    aside.add(first.start)
        return aside

    def _pair_after(self, doc: Doc, marker: int, drivers: list[Span]) -> list[Span]:
        """The drivers named right after "zwischen", joined by "und" / "," ("zwischen
        Pole-Sitter A und B"); none when a place word comes first ("zwischen dem
        späteren Sieger A und B": the winner is named)."""
        pair: list[Span] = []
        at = marker + 1
        # "zwischen die beiden Mercedes schob sich A": the pair are cars, A is the subject
        vehicles = resolved(doc, "CAR", "MAKE", start=at, end=at + PHRASE_REACH)
        for d in drivers:
            if vehicles and vehicles[0].start < d.start:
                break
            if d.start < at:
                continue
            gap = lower_forms(doc)[at : d.start]
            if d.start - at > PHRASE_REACH or any(w in self.place_words for w in gap):
                break
            if pair and not any(w in self.group_joiners for w in gap):
                break
            pair.append(d)
            at = d.end
        return pair

    def _beaten_from(self, clause: Span) -> int | None:
        """The token after which drivers are beaten ("vor", "Vorsprung auf")."""
        lowers = lower_forms(clause.doc)
        for i in range(clause.start, clause.end):
            if lowers[i] in self.beaten_after or (
                i > clause.start and (lowers[i - 1], lowers[i]) in self.beaten_pairs
            ):
                return i
        return None

    def beaten_after_word(self, clause: Span) -> bool:
        """Are the clause's beaten named after a plain "vor" (not "Rückstand auf")?"""
        i = self._beaten_from(clause)
        return i is not None and lower_forms(clause.doc)[i] in self.beaten_after

    def partners(self, clause: Span, subjects: list[Span]) -> list[Span]:
        """Drivers named after "zusammen mit" / "gemeinsam mit": the co-drivers."""
        lowers = lower_forms(clause.doc)
        for i in range(clause.start, clause.end - 1):
            if (lowers[i], lowers[i + 1]) in self.partner_pairs:
                return [d for d in subjects if i < d.start <= i + 6]
        return []

    # -- crews -----------------------------------------------------------------
    def groups(self, drivers: list[Span]) -> list[list[Span]]:
        """Crews: drivers joined by "/" form one crew; "und"/"," or other words separate."""
        doc = drivers[0].doc if drivers else None
        groups: list[list[Span]] = []
        for d in drivers:
            if groups and doc is not None:
                # details in brackets ("(Belgien)", "(21, Bonn)") do not separate a list
                words = outside_bracket_words(doc, groups[-1][-1].end, d.start)
                texts = token_texts(doc)
                slash_crews = any(w == "/" for w in words) or any(
                    texts[g.end] == "/" for g in groups[-1] if g.end < len(doc)
                )
                if words == ["/"] or (
                    not slash_crews
                    and all(w in self.group_joiners for w in words)
                    and len(words) <= 2
                ):
                    groups[-1].append(d)
                    continue
            groups.append([d])
        return groups

    def single_seaters(self, doc: Doc) -> bool:
        """Formula series: one driver per car, so "vor A und B" are two cars."""
        words = self.cues.single_seater_series
        for span in resolved(doc, "SERIES"):
            if self._career(doc, span):
                continue
            name = (span.kb_id_ or span.text).lower()
            if any(re.search(rf"\b{re.escape(w)}\b", name) for w in words):
                return True
        return False

    def _career(self, doc: Doc, span: Span) -> bool:
        """ "Ex-Formel-1-Pilot", "Formel-1-Erfahrung": a driver's past, not this race's series."""
        text = text_of(doc)
        before = text[max(0, span.start_char - 3) : span.start_char].lower()
        after = re.match(r"-(\w+)", text[span.end_char : span.end_char + 30])
        return before.endswith("ex-") or (
            after is not None and after.group(1).lower() in self.cues.career_words
        )

    # -- memory across clauses -------------------------------------------------
    def remember(self, memory: CrewMemory, clause: Span, subjects: list[Span]) -> None:
        """Note the co-drivers and the cars of a clause's named subjects."""
        partners = self.partners(clause, subjects)
        if partners:
            # "Zusammen mit X": X drives with the clause's other subjects, or the last ones
            topic = [d for d in subjects if d not in partners] or memory.last_subjects
            for d in topic:
                memory.mates.setdefault(d.start, []).extend(partners)
                for p in partners:
                    memory.mates.setdefault(p.start, []).append(d)
        if subjects:
            doc = clause.doc
            for a, b, _, kb_id in resolved_rows(doc, "CAR", start=clause.start, end=clause.end):
                memory.crew_of_make[kb_id or span_text(doc, a, b)] = subjects

    def implied_subjects(
        self,
        memory: CrewMemory,
        clause: Span,
        sent: Span,
        sentence_subjects: list[Span],
        anchor: Token,
    ) -> list[Span]:
        """The drivers a clause without a named subject speaks of."""
        doc = clause.doc
        lowers = lower_forms(doc)[clause.start : clause.end]
        words = set(lowers) | {w.rsplit("-", 1)[-1] for w in lowers}
        sized = [self.crew_sizes[w] for w in words if w in self.crew_sizes]
        relative = (
            clause.start > sent.start
            and token_texts(doc)[clause.start - 1] == ","
            and lowers[0] in RELATIVE_PRONOUNS
        )
        if relative and memory.recent_groups:
            # ", die sich mit Platz zwei begnügen mussten": the crew just named
            return memory.recent_groups[-1]
        if sentence_subjects:
            return sentence_subjects
        if sized:
            return next(
                (g for g in reversed(memory.recent_groups) if len(g) == sized[0]),
                memory.last_subjects,
            )
        if words & self.anaphora or self._demonym_anaphor(clause):
            return memory.last_subjects
        return self._crew_for_vehicle(clause, anchor, memory.crew_of_make)

    def _demonym_anaphor(self, clause: Span) -> bool:
        """ "der Neuseeländer", "die Britin": a driver named before, by nationality."""
        words = lower_forms(clause.doc)[clause.start : clause.end]
        return any(
            w in self.demonyms and words[k - 1] in ARTICLES for k, w in enumerate(words) if k
        )

    @staticmethod
    def _crew_for_vehicle(
        clause: Span, cue: Token, crew_of_make: dict[str, list[Span]]
    ) -> list[Span]:
        """ "Der Bentley erbt den Sieg": the crew last seen in that car."""
        doc = clause.doc
        for v in resolved(doc, "CAR", "MAKE", start=clause.start, end=cue.i):
            article = doc[v.start - 1].lower_ if v.start > 0 else ""
            key = v.kb_id_ or v.text
            # "Der Bentley erbt ...": the make ends its noun phrase; not "Die
            # Mercedes-AMG Customer Racing Teams"
            ends_phrase = v.end >= len(doc) or not doc[v.end].text[:1].isupper()
            if article in ARTICLES and ends_phrase and key in crew_of_make:
                return crew_of_make[key]
        return []

    @staticmethod
    def add_codrivers(doc: Doc, facts: list[ResultFact], mates: dict[int, list[Span]]) -> None:
        """A race result of one driver belongs to the car: his co-drivers share it."""
        names = {}
        for d in resolved(doc, "DRIVER"):
            names[d.start] = d.text
        by_name: dict[str, list[Span]] = {}
        for start, partners in mates.items():
            by_name.setdefault(names.get(start, ""), []).extend(partners)
        for fact in facts:
            if fact.kind != "race" or len(fact.drivers) != 1:
                continue
            key = doc[fact.drivers[0][0] : fact.drivers[0][1]].text
            extra = [m for name, ms in by_name.items() if same_person(name, key) for m in ms]
            for m in extra:
                if (m.start, m.end) not in fact.drivers and not same_person(m.text, key):
                    fact.drivers.append((m.start, m.end))
