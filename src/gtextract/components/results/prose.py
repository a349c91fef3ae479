"""Results stated in running text, read sentence by sentence and clause by clause:
each position cue goes to the crew of its clause (see ``crews``), those beaten
("vor A und B") take the places behind."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gtextract.components.alternation import from_word_start
from gtextract.components.contract import ResultFact
from gtextract.components.results.clauses import bracket_tokens, in_ranges, split_clauses
from gtextract.components.results.crews import CrewFinder, CrewMemory, Displacement
from gtextract.components.results.cues import Cue, CueFinder
from gtextract.components.results.sessions import SessionReader
from gtextract.components.spans import (
    lower_forms,
    resolved,
    resolved_rows,
    sentence_at_char,
    sentences,
    span_text,
)
from gtextract.cues import PositionCues

# Grammar: the words that join a title into a list of names ("A und Polesetter B")
GROUP_WORDS = ("und", "/", ",", "sowie", "&")
# Grammar: the words that join the names of one crew before its verb ("C/D wurden")
CREW_JOINERS = ("/", "und")
# tokens from a cue to the crew its participle attributes it to
# ("Pole Position gestartete Team #1 (" is five)
ATTRIBUTE_REACH = 8
# Grammar: the articles that may stand between "vor" and a name ("vor dem B")
VOR_ARTICLES = ("dem", "der", "den")
# tokens from the "auf" of "verwies B auf" to its place ("auf die Plätze 2 und 3" is two)
PUSHED_REACH = 3


class ProseReader:
    """Turns the cues and crews of each clause into ResultFacts."""

    def __init__(self, cues: PositionCues, demonyms: frozenset[str] = frozenset()) -> None:
        self.cue_finder = CueFinder(cues)
        self.crews = CrewFinder(cues, demonyms)
        self.sessions = SessionReader(cues)
        self.clause_breaks = set(cues.clause_breaks)
        # a comma before a lower-case preposition or conjunction starts a new clause
        self.clause_openers = set(cues.clause_prepositions) | set(cues.clause_conjunctions)
        self.reference_words = set(cues.object_markers) | {b for _, b in cues.beaten_after_pairs}
        self.attributive_participles = set(cues.attributive_participles)
        self.pole_titles = set(cues.pole_titles)
        self.follower = from_word_start(cues.follower_phrases)
        self.subject_clause_verbs = frozenset(cues.subject_clause_verbs)
        self.pole_time_words = frozenset(cues.pole_time_words)

    def results(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[ResultFact]:
        """The results stated in the sentences of ``doc`` (outside the quote ranges)."""
        facts: list[ResultFact] = []
        memory = CrewMemory()
        single_seaters = self.crews.single_seaters(doc)
        sents = sentences(doc)
        carried: str | None = None  # the class the sentences before spoke of
        # a place stated for a team or car whose drivers are named next: (sentence, cues)
        pending: tuple[int, list[Cue]] | None = None
        titled = self._pole_titles(doc)
        crew_details = {
            i
            for b in self.crews.brackets.of_doc(doc)
            if b.place_token is not None
            for i in range(b.place_token, b.close)
        } | {t for t, _ in titled}
        for si, sent in enumerate(sents):
            prev_sent = sents[si - 1] if si else None
            if prev_sent is not None and "\n" in span_text(doc, prev_sent.end - 1, sent.start + 1):
                carried = None  # a class does not reach into the next paragraph
            sentence_subjects: list[Span] = []
            sentence_classes: list[str | None] = []
            displacement = self.crews.displacement(sent, quotes)
            own_starts = self._comma_subjects(doc, sent) | self._told_apart(doc, sent)
            for clause in split_clauses(sent, self.clause_breaks, self.clause_openers, own_starts):
                cues = self.cue_finder.in_clause(clause, sent, prev_sent, quotes)
                # "(A/B; Dritte)": a crew bracket's own place, read by _placed_brackets
                cues = [c for c in cues if c.token.i not in crew_details]
                for cue in cues:
                    if not cue.stated:
                        cue.kind = self._session_of(clause, sent)
                # "Im freien Training kam X auf Platz drei": no session result
                cues = [c for c in cues if c.stated or not self.sessions.in_practice(clause, sent)]
                cues = [
                    c for c in cues if not c.qualifying_only or self._in_qualifying(c, clause, sent)
                ]
                for cue in cues:
                    self.cue_finder.add_context_class(cue, clause, sent, carried)
                    sentence_classes.append(cue.class_)
                subjects, beaten = self.crews.drivers(clause, quotes)
                subjects = self._without_titled_objects(subjects, titled)
                pushed: list[Cue] = []
                if displacement is not None:
                    # "verwies B auf Platz zwei": B is the object, the place after "auf" his
                    moved = {d.start for d in displacement.pushed}
                    subjects = [d for d in subjects if d.start not in moved]
                    beaten = [d for d in beaten if d.start not in moved]
                    reach = displacement.to + PUSHED_REACH
                    pushed = [c for c in cues if displacement.to < c.token.i <= reach]
                if (
                    pushed
                    and displacement is not None
                    and not self.cue_finder.is_historic(doc, clause)
                ):
                    # the one ahead: named before the verb or right after it, else implied
                    # (read before this clause's drivers become the last subjects)
                    ahead = [
                        d for d in subjects if d.end <= displacement.verb
                    ] or displacement.inverted
                    if not ahead:
                        ahead = self.crews.implied_subjects(
                            memory, clause, sent, [], pushed[0].token
                        )
                    facts.extend(self._pushed_facts(pushed, displacement, ahead, single_seaters))
                self.crews.remember(memory, clause, subjects)
                named = subjects
                if not subjects and (cues or beaten):
                    anchor = cues[0].token if cues else clause[-1]
                    subjects = self.crews.implied_subjects(
                        memory, clause, sent, sentence_subjects, anchor
                    )
                groups = self.crews.groups(subjects)
                if subjects:
                    sentence_subjects = subjects
                    memory.last_subjects = subjects
                    memory.recent_groups.extend(groups)
                if beaten:
                    memory.recent_groups.append(beaten)
                if cues and self.cue_finder.is_historic(doc, clause):
                    continue  # "Heute vor 20 Jahren gewann ...": history, not this race
                if not cues:
                    facts.extend(
                        self._followers(clause, prev_sent or sent, facts, quotes, single_seaters)
                    )
                if not cues and beaten and not named:
                    since = prev_sent or sent
                    facts.extend(self._margin_behind(clause, since, beaten, facts, single_seaters))
                if not cues and named and pending is not None:
                    facts.extend(self._named_next(pending, si, named, single_seaters))
                if named or cues:
                    pending = None
                if cues and not subjects and not beaten and self._for_a_vehicle(clause):
                    pending = (si, [c for c in cues if len(c.positions) == 1])
                if pushed:
                    cues = [c for c in cues if c not in pushed]
                facts.extend(
                    self._clause_facts(
                        clause, cues, subjects, beaten, groups, facts, single_seaters
                    )
                )
            if sentence_classes:
                classes = set(sentence_classes)
                carried = classes.pop() if len(classes) == 1 else None
            elif (topic := self.cue_finder.topic_class(sent)) is not None:
                carried = topic  # "In der LMP3 ging es eng zu. X holte die Pole."
        facts.extend(self._placed_brackets(doc, quotes))
        facts.extend(self._titled_poles(doc, titled, quotes))
        if not single_seaters:
            self.crews.add_codrivers(doc, facts, memory.mates)
        return facts

    def _comma_subjects(self, doc: Doc, sent: Span) -> set[int]:
        """ "Der Sieg ging an A, B wurde Zweiter": the first token of a crew after a
        comma that a finite verb follows at once; it opens a clause of its own, so
        each clause's place stays with its own subject."""
        rows = resolved_rows(doc, "DRIVER", start=sent.start, end=sent.end)
        if len(rows) < 2:
            return set()
        lower = lower_forms(doc)
        starts_by_end = {b: a for a, b, _, _ in rows}
        out: set[int] = set()
        for a, b, _, _ in rows:
            if b >= sent.end or lower[b] not in self.subject_clause_verbs:
                continue
            # walk back over the crew's other names ("C/D wurden Zweite")
            while a >= 2 and lower[a - 1] in CREW_JOINERS and (a - 1) in starts_by_end:
                a = starts_by_end[a - 1]
            if a > sent.start and lower[a - 1] == "," and not self._names_only(lower, a - 1, sent):
                out.add(a)
        return out

    @staticmethod
    def _names_only(lower: list[str], comma: int, sent: Span) -> bool:
        """Is the stretch before ``comma`` (from the comma or sentence start before it)
        only names ("A, B und C wurden Zweite" is one list, no clause of B's own)?"""
        doc = sent.doc
        rows = resolved_rows(doc, "DRIVER", start=sent.start, end=comma)
        named = {i for a, b, _, _ in rows for i in range(a, b)}
        i = comma - 1
        while i >= sent.start and lower[i] != ",":
            if i not in named and lower[i] not in CREW_JOINERS:
                return False
            i -= 1
        return True

    def _told_apart(self, doc: Doc, sent: Span) -> set[int]:
        """ "In Runde zehn lag A noch auf Platz zwei, am Ende siegte B": a stretch
        between commas that is no result (``not_result_part``) is a clause of its own,
        so its drivers are not the subjects of the places around it."""
        lower = lower_forms(doc)
        commas = [i for i in range(sent.start, sent.end) if lower[i] == ","]
        if not commas:
            return set()
        out: set[int] = set()
        bounds = [sent.start - 1, *commas, sent.end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            if self.cue_finder.not_result_part.search(span_text(doc, a + 1, b).lower()):
                out.update(i for i in (a + 1, b + 1) if sent.start < i < sent.end)
        return out

    def _pole_titles(self, doc: Doc) -> list[tuple[int, tuple[int, int]]]:
        """ "Polesetter X", "Pole-Sitter X", "Pole-Zeit von X": (the title's first
        token, X's offsets)."""
        lower = lower_forms(doc)
        drivers = {d.start: (d.start, d.end) for d in resolved(doc, "DRIVER")}
        out = []
        for i, word in enumerate(lower):
            if not word.startswith("pole"):
                continue
            end = i + 1 if word in self.pole_titles else None
            if end is None and "".join(lower[i : i + 3]) in self.pole_titles:
                end = i + 3  # "Pole-Sitter" as three tokens
            if end is None:
                # "auf die Pole-Zeit von X": X set it, not the one short of it
                width = 1 if word in self.pole_time_words else 3
                if "".join(lower[i : i + width]) in self.pole_time_words:
                    after = i + width
                    if after < len(lower) and lower[after] == "von":
                        end = after + 1
            if end is not None and end in drivers:
                out.append((i, drivers[end]))
        return out

    @staticmethod
    def _without_titled_objects(
        subjects: list[Span], titled: list[tuple[int, tuple[int, int]]]
    ) -> list[Span]:
        """ "A überholte Polesetter B": B, named by a title after another driver
        without "und" or "/" between them, is the object, not a subject."""
        if len(subjects) < 2 or not titled:
            return subjects
        doc = subjects[0].doc
        objects = set()
        for title, (start, _) in titled:
            before = doc[title - 1].lower_ if title > 0 else ""
            if before not in GROUP_WORDS and any(d.end <= title for d in subjects):
                objects.add(start)
        return [d for d in subjects if d.start not in objects]

    def _titled_poles(
        self,
        doc: Doc,
        titled: list[tuple[int, tuple[int, int]]],
        quotes: list[tuple[int, int]],
    ) -> list[ResultFact]:
        """ "überholte Polesetter X": the pole is X's, whoever the clause is about."""
        out: list[ResultFact] = []
        for i, driver in titled:
            tok = doc[i]
            sent = sentence_at_char(doc, tok.idx) or doc[:]
            if in_ranges(tok.idx, quotes) or self.cue_finder.is_historic(doc, sent):
                continue
            if self.cue_finder.not_result.search(doc[max(sent.start, i - 3) : i].text.lower()):
                continue  # "der ehemalige Polesetter X"
            cue = (tok.idx, tok.idx + len(tok.text))
            out.append(
                ResultFact(kind="qualifying", position=1, class_=None, drivers=[driver], cue=cue)
            )
        return out

    def _placed_brackets(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[ResultFact]:
        """ "der Ferrari #51 (A/B/C; 2.)": the place in a car's crew bracket."""
        out: list[ResultFact] = []
        for bracket in self.crews.brackets.of_doc(doc):
            if bracket.place is None or bracket.place_token is None:
                continue
            tok = doc[bracket.place_token]
            if in_ranges(tok.idx, quotes):
                continue
            sent = sentence_at_char(doc, tok.idx) or doc[:]
            out.append(
                ResultFact(
                    kind=self._session_of(sent, sent),
                    position=bracket.place,
                    class_=None,
                    drivers=list(bracket.drivers),
                    cue=(tok.idx, tok.idx + len(tok.text)),
                )
            )
        return out

    def _followers(
        self,
        clause: Span,
        since: Span,
        earlier: list[ResultFact],
        quotes: list[tuple[int, int]],
        single_seaters: bool,
    ) -> list[ResultFact]:
        """ "Rang vier ging an A. Dahinter folgten B und C" / ", gefolgt von B": the
        drivers named after the phrase take the places behind the result just read
        (in this sentence or the one before); one place per car."""
        m = self.follower.search(span_text(clause.doc, clause.start, clause.end).lower())
        if m is None or not earlier or earlier[-1].cue[0] < since.start_char:
            return []
        last = earlier[-1]
        doc = clause.doc
        start = clause.start_char + m.start()
        inside = bracket_tokens(clause)
        end = clause.start_char + m.end()

        def referred(d: Span) -> bool:
            # "mit 0,3 s Rückstand auf A": A is the reference, not a follower
            before = doc[max(clause.start, d.start - 2) : d.start]
            return any(t.idx >= end and t.lower_ in self.reference_words for t in before)

        drivers = [
            d
            for d in resolved(doc, "DRIVER", start=clause.start, end=clause.end)
            if d.start_char >= start
            and d.start not in inside
            and not in_ranges(d.start_char, quotes)
            and not referred(d)
        ]
        cars = [[d] for d in drivers] if single_seaters else self.crews.groups(drivers)
        cars = cars[:1]
        cue = (start, end)
        return [
            ResultFact(
                kind=last.kind,
                position=last.position + 1 + k,
                class_=last.class_,
                drivers=[(d.start, d.end) for d in car],
                cue=cue,
            )
            for k, car in enumerate(cars)
        ]

    def _pushed_facts(
        self,
        pushed: list[Cue],
        displacement: Displacement,
        subjects: list[Span],
        single_seaters: bool,
    ) -> list[ResultFact]:
        """ "A verwies B auf Platz zwei": B takes the place after "auf"; A the win
        when that place is second (a place further back leaves A's own open)."""
        out: list[ResultFact] = []
        for cue in pushed:
            if displacement.pushed:
                out.extend(self._facts_for(cue, displacement.pushed, [], single_seaters))
            if cue.positions[0] == 2 and subjects:
                verb = cue.token.doc[displacement.verb]
                ahead = Cue([1], cue.kind, cue.class_, verb, stated=cue.stated)
                out.extend(self._facts_for(ahead, subjects, [], single_seaters))
        return out

    def _margin_behind(
        self,
        clause: Span,
        since: Span,
        beaten: list[Span],
        earlier: list[ResultFact],
        single_seaters: bool,
    ) -> list[ResultFact]:
        """ "A gewann. Im Ziel betrug der Vorsprung auf B 3 Sekunden": a winner's
        margin over the crew named after "Vorsprung auf" (this sentence or the one
        before) makes that crew second."""
        if not earlier:
            return []
        last = earlier[-1]
        if self.crews.beaten_after_word(clause):
            # "A gewann, vor B und C": a clause that opens with "vor" and names the
            # beaten right after it continues the result just read in its sentence
            if not self._continues_with_vor(clause, beaten) or last.cue[0] < clause.sent.start_char:
                return []
            position = last.position + 1
        elif last.kind != "race" or last.position != 1 or last.cue[0] < since.start_char:
            return []
        else:
            position = 2
        doc = clause.doc
        crew = beaten[:1] if single_seaters else self.crews.groups(beaten)[0]
        start = crew[0].start
        return [
            ResultFact(
                kind=last.kind,
                position=position,
                class_=last.class_,
                drivers=[(d.start, d.end) for d in crew],
                cue=(doc[start].idx, doc[start].idx + len(doc[start].text)),
            )
        ]

    @staticmethod
    def _continues_with_vor(clause: Span, beaten: list[Span]) -> bool:
        """ ", vor (dem) B": the clause opens with "vor" and B follows it at once
        (not ", vor ihm lagen B und C", where B is ahead)."""
        lowers = lower_forms(clause.doc)
        if clause.start == 0 or lowers[clause.start - 1] != "," or lowers[clause.start] != "vor":
            return False
        gap = lowers[clause.start + 1 : beaten[0].start]
        return all(w in VOR_ARTICLES for w in gap) and len(gap) <= 1

    def _named_next(
        self,
        pending: tuple[int, list[Cue]],
        si: int,
        named: list[Span],
        single_seaters: bool,
    ) -> list[ResultFact]:
        """ "Der Sieg ging an das Team X – unter den Piloten A, B und C": a place
        stated for a team or car goes to the crew named right after it (its clause's
        sentence or the next), when that crew has several drivers."""
        stated_in, cues = pending
        crews = self.crews.groups(named)
        if si - stated_in > 1 or len(crews) != 1 or (si > stated_in and len(named) < 2):
            return []
        out: list[ResultFact] = []
        for cue in cues:
            out.extend(self._facts_for(cue, named, [], single_seaters))
        return out

    @staticmethod
    def _for_a_vehicle(clause: Span) -> bool:
        """Does the clause give its place to a team or a car ("ging an das Team X")?"""
        rows = resolved_rows(clause.doc, "TEAM", "CAR", "MAKE", start=clause.start, end=clause.end)
        return bool(rows)

    def _session_of(self, clause: Span, sent: Span) -> str:
        """A place without its session: the clause's, the sentence's, the text's."""
        for scope in (clause, sent):
            kind = self.sessions.of_span(scope)
            if kind == "qualifying":
                return kind
        return self.sessions.of_text(clause.doc) or "race"

    def _in_qualifying(self, cue: Cue, clause: Span, sent: Span) -> bool:
        """Is a qualifying-only cue ("die schnellste Zeit") read in a qualifying,
        not in a race or a practice the clause or its sentence names?"""
        if cue.kind != "qualifying":
            return False
        return not any(self.sessions.only_practice(scope) for scope in (clause, sent))

    def _clause_facts(
        self,
        clause: Span,
        cues: list[Cue],
        subjects: list[Span],
        beaten: list[Span],
        groups: list[list[Span]],
        earlier: list[ResultFact],
        single_seaters: bool,
    ) -> list[ResultFact]:
        """The facts of one clause: each cue with the crew it belongs to."""
        out: list[ResultFact] = []
        single = [c for c in cues if len(c.positions) == 1]
        # "holte die Pole vor A": A is second on the grid; not when the clause also
        # states a race place ("gewannen die von der Pole Gestarteten vor A")
        grid_beaten = (
            beaten
            if all(c.kind == "qualifying" for c in cues) and self.crews.beaten_after_word(clause)
            else []
        )
        if not cues and beaten and subjects:
            cue = self.cue_finder.finished_ahead(clause, subjects, earlier)
            if cue is not None:  # "Er landete vor A, B und C"
                out.extend(self._facts_for(cue, subjects, beaten, single_seaters)[1:])
        for cue in cues:
            own, behind = subjects, beaten if cue.kind == "race" else grid_beaten
            if cue.one_crew and (
                len(groups) != 1 or beaten or (single_seaters and len(subjects) != 1)
            ):
                continue  # "Das Podium komplettierten A und B": a set, no numbers
            if cue.token.i in bracket_tokens(clause):
                # "(Erste in der Klasse SP7)" belongs to the crew right before it
                crews = self.crews.groups(sorted(subjects + beaten, key=lambda d: d.start))
                before = [g for g in crews if g[-1].end <= cue.token.i]
                own = before[-1] if before else []
                behind = []  # a bracket speaks of one crew only
            elif len(groups) > 1 and len(cue.positions) == 1 and self._attributed(cue, groups):
                # "das von der Pole gestartete Team #1 (A/B/C)": the crew after the participle
                own = self._attributed(cue, groups)
            elif len(groups) > 1 and len(single) > 1 and cue in single:
                own = _nearest_group(cue, groups, single)
            out.extend(self._facts_for(cue, own, behind, single_seaters))
        return out

    def _attributed(self, cue: Cue, groups: list[list[Span]]) -> list[Span]:
        """The crew a cue's attributive participle leads to ("von der Pole gestartete")."""
        after = [g for g in groups if g[0].start > cue.token.i]
        if not after:
            return []
        doc = cue.token.doc
        words = doc[cue.token.i + 1 : after[0][0].start]
        if len(words) <= ATTRIBUTE_REACH and any(
            t.lower_ in self.attributive_participles for t in words
        ):
            return after[0]
        return []

    def _facts_for(
        self, cue: Cue, subjects: list[Span], beaten: list[Span], single_seaters: bool
    ) -> list[ResultFact]:
        """A cue's positions for its subjects, and the places behind for those beaten."""
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
            groups = self.crews.groups(subjects + beaten)
            if len(groups) != len(cue.positions) and len(subjects + beaten) == len(cue.positions):
                groups = [[d] for d in subjects + beaten]  # "A und B als Sechster und Siebter"
            if len(groups) == len(cue.positions):
                out.extend(fact(p, g) for p, g in zip(cue.positions, groups, strict=True))
            return out
        if not subjects:
            return out
        position = cue.positions[0]
        out.append(fact(position, subjects))
        if beaten:
            if single_seaters:
                out.extend(fact(position + 1 + k, [b]) for k, b in enumerate(beaten))
            else:
                out.append(fact(position + 1, self.crews.groups(beaten)[0]))
        return out


def _nearest_group(cue: Cue, groups: list[list[Span]], cues: list[Cue]) -> list[Span]:
    """With several crews and several positions, each crew takes its nearest position."""

    def distance(c: Cue, g: list[Span]) -> int:
        return min(abs(c.token.i - g[0].start), abs(c.token.i - g[-1].end))

    mine: list[Span] = []
    for g in groups:
        if min(cues, key=lambda c: distance(c, g)) is cue:
            mine.extend(g)
    return mine
