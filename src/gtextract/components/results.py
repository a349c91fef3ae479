"""``gtx_results``: finishing and grid positions tied to their drivers.

A *cue* states a position ("dritten Gesamtrang", "Platz zwei", "Rang 3",
"P4", "Dritter wurde", "Pole-Position", "Sieg", "Klassensieg in der SP9",
"Die Plätze 5 und 6"); the drivers of its clause get it. When a clause names
no driver, the subject comes from the clause before, from an anaphor
("das Trio", "der 22-Jährige", "er") or from the crew last seen in that make
("der Bentley"). Drivers after "vor" / "Vorsprung auf" are the ones beaten.
Result lists ("1. Lucas Muster - Team - Car") are read line by line. Quotes,
mid-race orders and standings are skipped; the words that mark all this live
in ``data/position_cues.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.contract import ResultFact
from gtextract.components.spans import (
    is_sentence_start,
    resolved,
    sentence_at_char,
    sentences,
    text_of,
)
from gtextract.cues import PositionCues
from gtextract.gazetteers import DataSource
from gtextract.numbers import cardinal, ordinal

POSITION_CUES_FILE = "position_cues.json"

P_NOTATION = re.compile(r"^P(\d{1,2})$")
CAR_CLASS = re.compile(r"klasse (?:start|eingesetzt|gemeldet|fahrend)\w*")
POINTS = re.compile(r"\b\d+\s+(?:Punkte|Pkt\.?|Zähler)\b")
LIST_LINE = re.compile(r"^[ \t]*(\d{1,2})\.[ \t]+(?=\S)", re.MULTILINE)


@dataclass
class Cue:
    positions: list[int]
    kind: str
    class_: str | None
    token: Token


def _quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: positions there are talk, not results."""
    return [(m.start(), m.end()) for m in re.finditer(r"[„\"»“]([^„“\"»«]{3,}?)[“\"«”]", text)]


def _same_person(a: str, b: str) -> bool:
    """ "Klingmann" and "Jens Klingmann" (the surname, with or without given name)."""
    if not a or not b:
        return False
    return a == b or a.split()[-1] == b.split()[-1]


def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of the sorted, non-overlapping ``ranges``?"""
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _outside_brackets(span: Span) -> list[Token]:
    inside = _bracket_tokens(span)
    return [t for t in span if t.i not in inside and t.text not in "()"]


def _bracket_tokens(span: Span) -> set[int]:
    inside: set[int] = set()
    depth = 0
    for tok in span:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(tok.i)
    return inside


def _list_heading(text: str, pos: int) -> str:
    """The line above a numbered list ("Top 10 nach 15 Minuten", "Ergebnis Rennen 1")."""
    lines = text[:pos].split("\n")
    for line in reversed(lines):
        stripped = line.strip()
        if stripped and not LIST_LINE.match(line):
            return stripped.lower()
    return ""


class ResultFinder(DataComponent):
    data_files = (POSITION_CUES_FILE,)

    def setup(self, data: DataSource) -> None:
        self.cues = data.cues("position_cues", PositionCues)
        self.race_nouns = set(self.cues.race_nouns)
        self.grid_nouns = set(self.cues.grid_nouns)
        self.position_nouns = self.race_nouns | self.grid_nouns
        self.win_words = set(self.cues.win_words)
        self.anaphora = set(self.cues.anaphora)
        self.window = int(self.cues.cue_window)
        self.window_right = int(self.cues.cue_window_right)
        # a comma before a lower-case preposition or conjunction starts a new clause
        self.clause_openers = set(self.cues.clause_prepositions) | set(
            self.cues.clause_conjunctions
        )
        self.clause_breaks = set(self.cues.clause_breaks)
        self.group_joiners = set(self.cues.group_joiners)
        self.object_markers = set(self.cues.object_markers)
        self.class_context = list(self.cues.class_context)
        self.historic = re.compile("|".join(self.cues.historic_paragraph))
        self.cue_words = (
            self.position_nouns
            | self.win_words
            | set(self.cues.best_words)
            | set(self.cues.more_cue_words)
        )
        self.agent_participles = set(self.cues.agent_participles)
        self.crew_sizes: dict[str, int] = dict(self.cues.crew_sizes)
        self.not_result = re.compile(r"(?<!\w)(?:" + "|".join(self.cues.not_result) + ")")

    # -- clauses -------------------------------------------------------------
    def _clauses(self, sent: Span) -> list[Span]:
        doc = sent.doc
        bounds = [sent.start]
        for tok in sent:
            after_comma = tok.i > sent.start and doc[tok.i - 1].text == ","
            if tok.text in self.clause_breaks or (after_comma and tok.text in self.clause_openers):
                bounds.append(tok.i)
        bounds.append(sent.end)
        return [doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]

    # -- cues ----------------------------------------------------------------
    def _position_at(self, tok: Token) -> tuple[list[int], str] | None:
        """(positions, kind) when positions are stated at this token."""
        doc = tok.doc
        low = tok.lower_
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        m = P_NOTATION.match(tok.text)
        if m:
            # "P4" is a live-ticker running order unless the sentence speaks of the finish
            sent = sentence_at_char(doc, tok.idx)
            text = text_of(doc)[sent.start_char : sent.end_char].lower() if sent is not None else ""
            if any(w in text for w in self.cues.finish_words):
                return [int(m.group(1))], "race"
            return None
        value = ordinal(tok.text)
        if value is not None and nxt is not None and nxt.lower_ in self.position_nouns:
            return [value], "qualifying" if nxt.lower_ in self.grid_nouns else "race"
        if low in self.position_nouns and nxt is not None:
            numbers = self._number_list(doc, tok.i + 1)
            if numbers:
                return numbers, "qualifying" if low in self.grid_nouns else "race"
        if low.startswith("gesamt") and len(low) > 6 and (value := ordinal(low[6:])):
            return [value], "race"
        if low == "gesamt" and nxt is not None and nxt.text == "-" and tok.i + 2 < len(doc):
            value = ordinal(doc[tok.i + 2].text)
            if value is not None:
                return [value], "race"
        if (
            value is not None
            and tok.text[:1].isupper()
            and not tok.text[0].isdigit()
            and (nxt is None or nxt.lower_ not in self.position_nouns)
            and (
                prev is None
                or prev.lower_ not in ("der", "die", "den", "dem")
                or is_sentence_start(tok)
            )
        ):
            return self._ordinal_list(doc, tok.i), "race"  # "Dritter wurde", "als Fünfter"
        if (
            value is not None
            and prev is not None
            and prev.lower_ == "als"
            and (nxt is None or not nxt.text[:1].isupper() or nxt.lower_ in self.position_nouns)
        ):
            return self._ordinal_list(doc, tok.i), "race"  # "als sechster und siebter"
        return None

    def _number_list(self, doc: Doc, i: int) -> list[int]:
        """ "5 und 6", "vier bis sechs", "7-9" after a plural position noun."""
        text = doc[i].text
        at_end = i + 1 >= len(doc) or is_sentence_start(doc[i + 1])
        # "Rang 3." at a sentence end is a number, "3. Platz" an ordinal
        first = (
            cardinal(text.rstrip(".") if at_end else text)
            if at_end or not text.endswith(".")
            else None
        )
        if first is None or not 0 < first < 100:
            return []
        numbers = [first]
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("und", "bis", "-"):
            last = cardinal(doc[i + 2].text)
            if last is not None and first < last < 100:
                numbers = (
                    [first, last] if doc[i + 1].lower_ == "und" else list(range(first, last + 1))
                )
        return numbers

    def _ordinal_list(self, doc: Doc, i: int) -> list[int]:
        values = [ordinal(doc[i].text) or 0]
        if i + 2 < len(doc) and doc[i + 1].lower_ == "und":
            second = ordinal(doc[i + 2].text)
            if second is not None:
                values.append(second)
        return values

    def _finished_ahead(
        self, clause: Span, subjects: list[Span], facts: list[ResultFact]
    ) -> Cue | None:
        """ "Er landete vor A und B": the subject's known place, for those behind him."""
        verb = next((t for t in clause if t.lower_ in self.cues.finish_verbs), None)
        if verb is None:
            return None
        starts = {d.start for d in subjects}
        for fact in reversed(facts):
            if (
                fact.kind == "race"
                and fact.class_ is None
                and starts & {a for a, _ in fact.drivers}
            ):
                return Cue([fact.position], "race", None, verb)
        return None

    def _historic(self, doc: Doc, clause: Span) -> bool:
        """Is the clause in a paragraph about the past ("Heute vor 20 Jahren")?"""
        text = text_of(doc)
        start = text.rfind("\n\n", 0, clause.start_char)
        end = text.find("\n\n", clause.end_char)
        paragraph = text[start + 1 if start != -1 else 0 : end if end != -1 else len(text)]
        return bool(self.historic.search(paragraph.lower()))

    def _maybe_cue(self, tok: Token) -> bool:
        """A cheap first look: only these tokens can state a position."""
        low = tok.lower_
        return (
            low in self.cue_words
            or low[:1].isdigit()
            or low.startswith(("gesamt", "p", "durchsetz", "klassen"))
            or "klassensieg" in low
            or ordinal(low) is not None
        )

    def _prevailed(self, clause: Span, tok: Token) -> bool:
        """ "setzte sich ... durch" / "durchsetzen": won, unless the clause names
        a numbered place ("setzte sich ... durch und wurde Dritter")."""
        doc = tok.doc
        low = tok.lower_
        if low.startswith("durchgesetzt") or low.startswith("durchsetz"):
            hit = True
        elif low in ("setzte", "setzten", "setzt") and tok.i + 1 < clause.end:
            hit = doc[tok.i + 1].lower_ == "sich" and any(
                t.lower_ == "durch" for t in doc[tok.i + 2 : clause.end]
            )
        else:
            return False
        numbered = any(self._position_at(t) is not None for t in clause if t.i != tok.i)
        return hit and not numbered

    def _class_context(self, clause: Span) -> bool:
        """Does the clause speak of a class win ("gewann die Rookie-Wertung")?

        Brackets ("(Erste in der Klasse SP7)") belong to another crew, and a
        car's own class ("der in der E1XP-Klasse startende Porsche") is no win.
        """
        inside = _bracket_tokens(clause)
        words = " ".join(t.lower_ for t in clause if t.i not in inside)
        words = CAR_CLASS.sub(" ", words)
        return any(w in words for w in self.class_context)

    def _top_completed(self, clause: Span, tok: Token) -> int | None:
        """ "Die Top-10 komplettierte X": one car closes the top N."""
        doc = tok.doc
        i = tok.i + 1
        if i < len(doc) and doc[i].text == "-":
            i += 1
        if i >= len(doc):
            return None
        n = cardinal(doc[i].text)
        verbs = self.cues.top_completion_verbs
        if n and any(t.lower_ in verbs for t in clause):
            return n
        return None

    def _is_pole(self, tok: Token) -> bool:
        doc = tok.doc
        if tok.lower_ == "pole-position":
            return True
        if tok.lower_ != "pole":
            return False
        following = doc[tok.i + 1 : tok.i + 3].text.lower()
        return not following.startswith(("- setter", "-setter"))

    def _class_label(self, span: Span) -> str:
        """The class as written, without "-Wertung" ("Gentleman-Wertung" -> "Gentleman")."""
        text = span.text
        for suffix in self.cues.class_suffixes:
            if text.endswith(suffix) and len(text) > len(suffix):
                return text[: -len(suffix)]
        return text.removeprefix("Klasse ")

    def _class_near(self, sent: Span, tok: Token, prev_sent: Span | None) -> str | None:
        for scope in (sent, prev_sent):
            if scope is None:
                continue
            here = resolved(sent.doc, "CLASS", start=scope.start, end=scope.end)
            if here:
                return self._class_label(min(here, key=lambda c: abs(c.start - tok.i)))
        return None

    def _blocked(self, clause: Span, tok: Token) -> bool:
        doc = clause.doc
        lo = max(clause.start, tok.i - self.window)
        hi = min(clause.end, tok.i + self.window_right + 1)
        return bool(self.not_result.search(doc[lo:hi].text.lower()))

    def _cues_in(self, clause: Span, sent: Span, prev: Span | None, quotes: list) -> list[Cue]:
        found: list[Cue] = []
        doc = clause.doc
        listed_until = -1  # "als Sechster und Siebter": the second ordinal is part of the list
        for tok in clause:
            if tok.i <= listed_until:
                continue
            if not self._maybe_cue(tok) or _in_ranges(tok.idx, quotes):
                continue
            if self._blocked(clause, tok):
                continue
            low = tok.lower_
            position = self._position_at(tok)
            if position is not None:
                values, kind = position
                if len(values) > 1:
                    listed_until = tok.i + 2
                around = doc[max(clause.start, tok.i - 4) : min(clause.end, tok.i + 4)].text.lower()
                if any(v in around for v in self.cues.grid_verbs):
                    kind = "qualifying"
                cls = None
                after = doc[tok.i + 1 : min(clause.end, tok.i + 5)]
                for c in resolved(doc, "CLASS", start=after.start, end=after.end):
                    cls = self._class_label(c)
                found.append(Cue(values, kind, cls, tok))
            elif self._is_pole(tok):
                found.append(Cue([1], "qualifying", None, tok))
            elif low == "top" and (n := self._top_completed(clause, tok)):
                found.append(Cue([n], "race", None, tok))
            elif "klassensieg" in low or (
                # "gewannen ... die Klasse", "Sieger der Gentleman-Wertung"; not
                # "der in der E1XP-Klasse startende Porsche ... entschied"
                low in self.win_words and self._class_context(clause)
            ):
                prefix = (
                    tok.text[: low.find("klassensieg")].rstrip("-") if "klassensieg" in low else ""
                )
                cls = prefix or self._class_near(sent, tok, prev)
                if cls:
                    found.append(Cue([1], "race", cls, tok))
            elif low in self.cues.best_words or (
                low in ("erste", "erster")
                and "klasse" in text_of(doc)[clause.start_char : clause.end_char].lower()
            ):
                cls = self._class_near(clause, tok, None)
                if cls:
                    found.append(Cue([1], "race", cls, tok))
            elif self._prevailed(clause, tok):
                found.append(Cue([1], "race", None, tok))
            elif low in self.win_words:
                prev_tok = doc[tok.i - 1] if tok.i > 0 else None
                next_tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if (
                    low == "sieger"
                    and prev_tok is not None
                    and prev_tok.lower_ == "der"
                    and (
                        next_tok is None
                        or next_tok.lower_ not in ("des", "der", "von", "im", "beim")
                    )
                ):
                    continue  # "Teamkollegen der Sieger": someone else won
                found.append(Cue([1], "race", None, tok))
        return found

    # -- drivers ---------------------------------------------------------------
    def _drivers(self, clause: Span, quotes: list) -> tuple[list[Span], list[Span]]:
        """Drivers of the clause: subjects, and those beaten ("vor X", "Vorsprung auf X").

        Left out: drivers in brackets or quotes, genitives ("Klingmanns Teamgefährte")
        and objects ("Platz zwei von Sainz"; but "der Bentley von A und B" owns).
        """
        doc = clause.doc
        inside = _bracket_tokens(clause)
        beaten_from = None
        pairs = [tuple(p) for p in self.cues.beaten_after_pairs]
        for tok in clause:
            if tok.lower_ in self.cues.beaten_after or (
                tok.i > clause.start and (doc[tok.i - 1].lower_, tok.lower_) in pairs
            ):
                beaten_from = tok.i
                break
        vehicles = {s.end for s in resolved(doc, "CAR", "MAKE", start=clause.start, end=clause.end)}
        subjects: list[Span] = []
        beaten: list[Span] = []
        for d in resolved(doc, "DRIVER", start=clause.start, end=clause.end):
            if d.start in inside:
                continue
            if _in_ranges(d.start_char, quotes):
                continue
            nxt = doc[d.end] if d.end < len(doc) else None
            if len(d) == 1 and d.text.endswith("s") and nxt is not None and nxt.text[:1].isupper():
                continue  # genitive "Klingmanns Teamgefährte"
            marker = next(
                (
                    t
                    for t in doc[max(clause.start, d.start - 2) : d.start]
                    if t.lower_ in self.object_markers
                ),
                None,
            )
            owned = (
                marker is not None
                and marker.lower_ == "von"
                and (
                    marker.i in vehicles
                    or any(v <= marker.i <= v + 2 for v in vehicles)
                    # "pilotiert von A, B und C": the agent drives
                    or (marker.i > 0 and doc[marker.i - 1].lower_ in self.agent_participles)
                )
            )
            if (
                marker is not None
                and not owned
                and not (beaten_from is not None and d.start > beaten_from)
            ):
                continue
            (beaten if beaten_from is not None and d.start > beaten_from else subjects).append(d)
        return subjects, beaten

    def _groups(self, drivers: list[Span]) -> list[list[Span]]:
        """Crews: drivers joined by "/" form one crew; "und"/"," or other words separate."""
        doc = drivers[0].doc if drivers else None
        groups: list[list[Span]] = []
        for d in drivers:
            if groups and doc is not None:
                between = doc[groups[-1][-1].end : d.start]
                # details in brackets ("(Belgien)", "(21, Bonn)") do not separate a list
                words = [t.lower_ for t in _outside_brackets(between)]
                slash_crews = any(w == "/" for w in words) or any(
                    doc[g.end].text == "/" for g in groups[-1] if g.end < len(doc)
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

    def _single_seaters(self, doc: Doc) -> bool:
        """Formula series: one driver per car, so "vor A und B" are two cars."""
        words = self.cues.single_seater_series
        for span in resolved(doc, "SERIES"):
            name = (span.kb_id_ or span.text).lower()
            if any(re.search(rf"\b{re.escape(w)}\b", name) for w in words):
                return True
        return False

    def _crew_for_vehicle(
        self, clause: Span, cue: Token, crew_of_make: dict[str, list[Span]]
    ) -> list[Span]:
        """ "Der Bentley erbt den Sieg": the crew last seen in that car."""
        doc = clause.doc
        for v in resolved(doc, "CAR", "MAKE", start=clause.start, end=cue.i):
            article = doc[v.start - 1].lower_ if v.start > 0 else ""
            key = v.kb_id_ or v.text
            # "Der Bentley erbt ...": the make ends its noun phrase; not "Die
            # Mercedes-AMG Customer Racing Teams"
            ends_phrase = v.end >= len(doc) or not doc[v.end].text[:1].isupper()
            if article in ("der", "die", "das", "den") and ends_phrase and key in crew_of_make:
                return crew_of_make[key]
        return []

    def _sentence_results(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[ResultFact]:
        facts: list[ResultFact] = []
        last_subjects: list[Span] = []
        crew_of_make: dict[str, list[Span]] = {}
        mates: dict[int, list[Span]] = {}  # "Zusammen mit X": co-drivers of one car
        recent_groups: list[list[Span]] = []  # crews in text order, for "das Duo"
        single_seaters = self._single_seaters(doc)
        sents = sentences(doc)
        for si, sent in enumerate(sents):
            prev_sent = sents[si - 1] if si else None
            clause_subjects: list[Span] = []
            for clause in self._clauses(sent):
                cues = self._cues_in(clause, sent, prev_sent, quotes)
                subjects, beaten = self._drivers(clause, quotes)
                partners = self._partners(clause, subjects)
                if partners:
                    topic = [d for d in subjects if d not in partners] or last_subjects
                    for d in topic:
                        mates.setdefault(d.start, []).extend(partners)
                        for p in partners:
                            mates.setdefault(p.start, []).append(d)
                if subjects:
                    for car in resolved(doc, "CAR", start=clause.start, end=clause.end):
                        crew_of_make[car.kb_id_ or car.text] = subjects
                if not subjects and (cues or beaten):
                    words = {t.lower_ for t in clause} | {
                        t.lower_.rsplit("-", 1)[-1] for t in clause
                    }
                    sized = [self.crew_sizes[w] for w in words if w in self.crew_sizes]
                    relative = (
                        clause.start > sent.start
                        and doc[clause.start - 1].text == ","
                        and clause[0].lower_ in ("der", "die", "das")
                    )
                    if relative and recent_groups:
                        # ", die sich mit Platz zwei begnügen mussten": the crew just named
                        subjects = recent_groups[-1]
                    elif clause_subjects:
                        subjects = clause_subjects
                    elif sized:
                        subjects = next(
                            (g for g in reversed(recent_groups) if len(g) == sized[0]),
                            last_subjects,
                        )
                    elif words & self.anaphora:
                        subjects = last_subjects
                    else:
                        anchor = cues[0].token if cues else clause[-1]
                        subjects = self._crew_for_vehicle(clause, anchor, crew_of_make)
                groups = self._groups(subjects)
                if subjects:
                    clause_subjects = subjects
                    last_subjects = subjects
                    recent_groups.extend(groups)
                if beaten:
                    recent_groups.append(beaten)
                if cues and self._historic(doc, clause):
                    continue  # "Heute vor 20 Jahren gewann ...": history, not this race
                single = [c for c in cues if len(c.positions) == 1]
                if not cues and beaten and subjects:
                    cue = self._finished_ahead(clause, subjects, facts)
                    if cue is not None:  # "Er landete vor A, B und C"
                        facts.extend(self._facts_for(cue, subjects, beaten, single_seaters)[1:])
                for cue in cues:
                    own = subjects
                    if cue.token.i in _bracket_tokens(clause):
                        # "(Erste in der Klasse SP7)" belongs to the crew right before it
                        crews = self._groups(sorted(subjects + beaten, key=lambda d: d.start))
                        before = [g for g in crews if g[-1].end <= cue.token.i]
                        own = before[-1] if before else []
                    elif len(groups) > 1 and len(single) > 1 and cue in single:
                        own = self._nearest_group(cue, groups, single)
                    facts.extend(self._facts_for(cue, own, beaten, single_seaters))
        if not single_seaters:
            self._add_codrivers(doc, facts, mates)
        return facts

    def _partners(self, clause: Span, subjects: list[Span]) -> list[Span]:
        """Drivers named after "zusammen mit" / "gemeinsam mit": the co-drivers."""
        doc = clause.doc
        for tok in clause:
            if (
                tok.lower_ in ("zusammen", "gemeinsam")
                and tok.i + 1 < clause.end
                and doc[tok.i + 1].lower_ == "mit"
            ):
                return [d for d in subjects if tok.i < d.start <= tok.i + 6]
        return []

    @staticmethod
    def _add_codrivers(doc: Doc, facts: list[ResultFact], mates: dict[int, list[Span]]) -> None:
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
            extra = [m for name, ms in by_name.items() if _same_person(name, key) for m in ms]
            for m in extra:
                if (m.start, m.end) not in fact.drivers and not _same_person(m.text, key):
                    fact.drivers.append((m.start, m.end))

    @staticmethod
    def _nearest_group(cue: Cue, groups: list[list[Span]], cues: list[Cue]) -> list[Span]:
        """With several crews and several positions, each crew takes its nearest position."""

        def distance(c: Cue, g: list[Span]) -> int:
            return min(abs(c.token.i - g[0].start), abs(c.token.i - g[-1].end))

        mine: list[Span] = []
        for g in groups:
            if min(cues, key=lambda c: distance(c, g)) is cue:
                mine.extend(g)
        return mine

    def _facts_for(
        self, cue: Cue, subjects: list[Span], beaten: list[Span], single_seaters: bool
    ) -> list[ResultFact]:
        tok = cue.token

        def fact(position: int, drivers: list[Span], cls: str | None = cue.class_) -> ResultFact:
            return ResultFact(
                kind=cue.kind,
                position=position,
                class_=cls,
                drivers=[(d.start, d.end) for d in drivers],
                cue=(tok.idx, tok.idx + len(tok.text)),
            )

        out: list[ResultFact] = []
        if len(cue.positions) > 1:
            groups = self._groups(subjects + beaten)
            if len(groups) != len(cue.positions) and len(subjects + beaten) == len(cue.positions):
                groups = [[d] for d in subjects + beaten]  # "A und B als Sechster und Siebter"
            if len(groups) == len(cue.positions):
                out.extend(fact(p, g) for p, g in zip(cue.positions, groups, strict=True))
            return out
        if not subjects:
            return out
        position = cue.positions[0]
        out.append(fact(position, subjects))
        if beaten and cue.class_ is None and cue.kind == "race":
            if single_seaters:
                out.extend(fact(position + 1 + k, [b]) for k, b in enumerate(beaten))
            else:
                out.append(fact(position + 1, self._groups(beaten)[0]))
        return out

    def _list_results(self, doc: Doc) -> list[ResultFact]:
        """ "1. Name - Team - Car" lines below a result heading."""
        facts = []
        text = text_of(doc)
        drivers = resolved(doc, "DRIVER")
        heading_bad = [re.compile(p) for p in self.cues.list_heading_not_final]
        for m in LIST_LINE.finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            if any(p.search(_list_heading(text, m.start())) for p in heading_bad):
                continue
            line = text[m.end() : line_end]
            if POINTS.search(line):
                continue  # "1. A/B - 211 Punkte": standings, not a result
            on_line = [d for d in drivers if m.end() <= d.start_char < line_end]
            first = on_line[0] if on_line else None
            if first is None or first.start_char - m.end() > 2:
                continue
            crew = [first]
            for d in on_line[1:]:  # "1. Anna Muster/Ben Beispiel - Team"
                if text[crew[-1].end_char : d.start_char].strip() != "/":
                    break
                crew.append(d)
            facts.append(
                ResultFact(
                    kind="race",
                    position=int(m.group(1)),
                    class_=None,
                    drivers=[(d.start, d.end) for d in crew],
                    cue=(m.start(1), m.end(1) + 1),
                )
            )
        return facts

    @staticmethod
    def _attach_context(doc: Doc, facts: list[ResultFact]) -> None:
        """The car, team and session named in the result's sentence (or list line)."""
        for fact in facts:
            sent = sentence_at_char(doc, fact.cue[0])
            if sent is None:
                continue
            anchor = fact.cue[0]
            for label, attr in (("CAR", "car"), ("TEAM", "team"), ("SESSION", "session")):
                spans = resolved(doc, label, start=sent.start, end=sent.end)
                if label == "SESSION":
                    spans = [s for s in spans if s.kb_id_ == fact.kind]
                if spans:
                    near = min(spans, key=lambda s: abs(s.start_char - anchor))
                    setattr(fact, attr, (near.start_char, near.end_char))

    def __call__(self, doc: Doc) -> Doc:
        facts = self._list_results(doc)
        text = text_of(doc)
        newlines = [i for i, c in enumerate(text) if c == "\n"]
        listed_lines = {bisect_right(newlines, f.cue[0]) for f in facts}
        for fact in self._sentence_results(doc, _quote_ranges(text)):
            if bisect_right(newlines, fact.cue[0]) not in listed_lines:
                facts.append(fact)
        self._attach_context(doc, facts)
        doc._.gtx_results = facts
        return doc


@Language.factory(
    "gtx_results",
    assigns=[contract.extension("gtx_results")],
    requires=[contract.SPANS, contract.SENTS],
)
def make_results(nlp: Language, name: str) -> ResultFinder:
    return ResultFinder(name)
