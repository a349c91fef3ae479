"""Position cues: the words of a clause that state a place ("dritten Gesamtrang",
"Platz zwei", "P4", "Dritter wurde", "Pole-Position", "Sieg", "Klassensieg in der
SP9", "Die Plätze 5 und 6"), read with the vocabulary of ``position_cues.json``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from gtextract.components.alternation import any_of, from_word_start
from gtextract.components.contract import ResultFact
from gtextract.components.results.clauses import bracket_tokens, in_ranges, paragraph_of
from gtextract.components.spans import (
    is_sentence_start,
    lower_forms,
    resolved,
    sentence_at_char,
    span_text,
    text_of,
    token_offsets,
    token_texts,
)
from gtextract.cues import PositionCues
from gtextract.numbers import cardinal, ordinal

P_NOTATION = re.compile(r"^P(\d{1,2})$")
# grammar: "die Cup2 für sich entschied", the article of a won class
FOR_ONESELF = ("für", "sich")
OBJECT_ARTICLES = frozenset({"die", "den"})
# a car's own class ("der in der Klasse E2 gemeldete Porsche") is no class win
CAR_CLASS = re.compile(r"klasse (?:start|eingesetzt|gemeldet|fahrend)\w*")

# Grammar, not cue vocabulary: after a definite article a capitalised ordinal is
# a noun phrase ("der Dritte im Bunde"), not a stated place
ARTICLES = ("der", "die", "den", "dem")
# Grammar: the indefinite article reads as the number one, but after a position noun
# it is never a place ("Position ein", "Platz einer"): only "eins" is
INDEFINITE_ARTICLES = ("ein", "eine", "einen", "einem", "einer", "eines")
# Grammar: nouns a digit ordinal names ("3. Platz", "5. Runde"): after them "N." is
# no number at a sentence end
ORDINAL_NOUNS = ("platz", "rang", "position", "runde", "lauf", "rennen", "reihe", "startreihe")
# the words that join two numbers or ordinals into a list or a range
AND = "und"
COMMA = ","
RANGE_WORDS = ("und", "bis", "-")
CUE_WORD_MEMO_SIZE = 50_000  # distinct words remembered by CueFinder._maybe_cue_word
HISTORIC_MEMO_SIZE = 256  # paragraphs remembered by CueFinder.is_historic


@dataclass
class Cue:
    """Positions stated at one token, of a kind ("race" or "qualifying"), maybe in a class."""

    positions: list[int]
    kind: str
    class_: str | None
    token: Token
    # False when the words say a place but not the session ("Platz drei"):
    # the clause or the text decides (see ``sessions``)
    stated: bool = True
    # True when the place holds only if one crew is named ("komplettierte das Podium")
    one_crew: bool = False
    # True when the words hold a place only in a qualifying ("die schnellste Zeit"):
    # the cue is dropped where the session is a race or a practice
    qualifying_only: bool = False


class CueFinder:
    """Finds the position cues of a clause."""

    def __init__(self, cues: PositionCues) -> None:
        self.cues = cues
        self.race_nouns = set(cues.race_nouns)
        self.grid_nouns = set(cues.grid_nouns)
        self.position_nouns = self.race_nouns | self.grid_nouns
        self.plural_nouns = set(cues.plural_position_nouns)
        self.win_words = set(cues.win_words)
        self.grid_prepositions = set(cues.grid_prepositions)
        self.window = int(cues.cue_window)
        self.window_right = int(cues.cue_window_right)
        self.class_context = list(cues.class_context)
        self.class_object_win_verbs = frozenset(cues.class_object_win_verbs)
        self.historic = any_of(cues.historic_paragraph)
        self.podium_words = set(cues.podium_words)
        self.pole_words = set(cues.pole_words)
        self.fastest_words = set(cues.fastest_words)
        self.fastest_endings = tuple(cues.fastest_ordinal_endings)
        self.fastest_nouns = set(cues.fastest_nouns)
        self.fastest_lead_words = set(cues.fastest_lead_words)
        self.fastest_not_after = set(cues.fastest_not_after)
        self.cue_words = (
            self.position_nouns
            | self.win_words
            | set(cues.best_words)
            | set(cues.more_cue_words)
            | self.podium_words
            | self.pole_words
            | self.fastest_words
            | self.class_object_win_verbs
        )
        self.cue_prefixes = tuple(cues.cue_prefixes)
        self.cue_endings = self.fastest_endings
        self.ordinal_prepositions = set(cues.ordinal_prepositions)
        self.prevail_verbs = set(cues.prevail_verbs)
        self.prevail_prefixes = tuple(cues.prevail_prefixes)
        self.contest_words = set(cues.contest_words)
        self.contest_deciders = from_word_start(cues.contest_deciders)
        self.prevail_not_with = from_word_start(cues.prevail_not_with)
        self.winner_complements = set(cues.winner_complements)
        self.overall = from_word_start(cues.overall_words)
        self.not_result = from_word_start(cues.not_result)
        self.not_result_clause = from_word_start(cues.not_result_clause)
        self.not_result_part = from_word_start(cues.not_result_part)
        self.overall_places = frozenset(cues.overall_places)
        self.overall_place_verbs = frozenset(cues.overall_place_verbs)
        self.overall_place_not_with = from_word_start(cues.overall_place_not_with)
        self._cue_word_memo: dict[str, bool] = {}
        self._historic_memo: dict[str, bool] = {}

    # -- the cues of a clause ------------------------------------------------
    def in_clause(
        self, clause: Span, sent: Span, prev: Span | None, quotes: list[tuple[int, int]]
    ) -> list[Cue]:
        """The cues of a clause, outside quotes and not blocked by a non-result word."""
        found: list[Cue] = []
        doc = clause.doc
        if self.not_result_clause.search(text_of(doc)[clause.start_char : clause.end_char].lower()):
            return found  # "Im Vorjahr wurde er Dritter": an earlier season's place
        lowers, offsets = lower_forms(doc), token_offsets(doc)
        memo = self._cue_word_memo  # read here: a method call per word costs more
        listed_until = -1  # "als Sechster und Siebter": the second ordinal is part of the list
        contest: Cue | None = None  # the place of a fight the sentence says was won
        for i in range(clause.start, clause.end):
            if i <= listed_until:
                continue
            maybe = memo.get(lowers[i])
            if maybe is None:
                maybe = self._maybe_cue_word(lowers[i])
            if not maybe or in_ranges(offsets[i], quotes):
                continue
            tok = doc[i]
            if self._blocked(clause, tok):
                if contest is None:
                    contest = self._contest_won(clause, sent)
                if contest is not None and contest.token.i == i:
                    found.append(contest)  # "im Duell um Rang vier behielt X die Oberhand"
                continue
            low = tok.lower_
            position = self.position_at(tok)
            if position is not None:
                values, kind = position
                if len(values) > 1:
                    listed_until = tok.i + 2
                around = span_text(
                    doc, max(clause.start, tok.i - 4), min(clause.end, tok.i + 4)
                ).lower()
                if any(v in around for v in self.cues.grid_verbs) or self._from_place(clause, tok):
                    kind = "qualifying"
                cls = self._class_after(clause, tok) or self._class_before(clause, tok)
                found.append(Cue(values, kind, cls, tok, stated=kind == "qualifying"))
            elif self._is_pole(tok):
                found.append(Cue([1], "qualifying", None, tok))
            elif (n := self._fastest(clause, tok)) is not None:
                # "In der LMP2-Klasse setzte sich X als Schnellster durch"
                cls = self._class_after(clause, tok) or self._class_near(clause, tok, None)
                found.append(Cue([n], "qualifying", cls, tok, stated=False, qualifying_only=True))
            elif low == "top" and (n := self._top_completed(clause, tok)):
                found.append(Cue([n], "race", None, tok, stated=False))
            elif low in self.podium_words and self._completes(clause):
                # "Das Podium komplettierte X": third, if X is one crew
                found.append(Cue([3], "race", None, tok, stated=False, one_crew=True))
            elif "klassensieg" in low or (
                # "gewannen ... die Klasse", "Sieger der Gentleman-Wertung"; not
                # "der in der Klasse E2 gemeldete Porsche ... entschied"
                low in self.win_words and self._class_context(clause, tok.i)
            ):
                prefix = (
                    tok.text[: low.find("klassensieg")].rstrip("-") if "klassensieg" in low else ""
                )
                cls = prefix or self._class_near(sent, tok, prev) or self._class_on_line(tok)
                if cls:
                    found.append(Cue([1], "race", cls, tok))
            elif low in self.cues.best_words or (
                low in ("erste", "erster")
                and "klasse" in text_of(doc)[clause.start_char : clause.end_char].lower()
            ):
                cls = self._class_near(clause, tok, None)
                if cls:  # "Bester der Trophy-Wertung": the race's or the qualifying's
                    found.append(Cue([1], "race", cls, tok, stated=False))
            elif self._prevailed(clause, tok):
                # "setzte sich durch": won the race, or topped the qualifying
                found.append(Cue([1], "race", None, tok, stated=False))
            elif low in self.class_object_win_verbs and (cls := self._class_won(clause, tok)):
                # "als sie die Cup2 für sich entscheiden"
                found.append(Cue([1], "race", cls, tok))
            elif low in self.win_words:
                if self._someone_elses_win(tok) or self._contest_won(clause, sent):
                    # "den Zweikampf um Platz fünf entschied X für sich": no win
                    continue  # "Teamkollegen der Sieger": someone else won
                # "Der Sieg in der SP9 ging an ...", "In der SP9 siegte ...": a class win
                cls = self._class_after(clause, tok) or self._class_won(clause, tok)
                found.append(Cue([1], "race", cls, tok))
        return found

    def finished_ahead(
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

    def is_historic(self, doc: Doc, clause: Span) -> bool:
        """Is the clause in a paragraph about the past ("Heute vor 20 Jahren")?"""
        paragraph = paragraph_of(doc, clause)
        known = self._historic_memo.get(paragraph)
        if known is None:  # asked again for each cue of the paragraph
            known = bool(self.historic.search(paragraph.lower()))
            if len(self._historic_memo) >= HISTORIC_MEMO_SIZE:
                self._historic_memo.clear()
            self._historic_memo[paragraph] = known
        return known

    # -- numbered places -----------------------------------------------------
    def position_at(self, tok: Token) -> tuple[list[int], str] | None:
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
        nxt_capital = nxt is not None and nxt.text[:1].isupper()
        if value is not None and nxt is not None and nxt.lower_ in self.position_nouns:
            return [value], "qualifying" if nxt.lower_ in self.grid_nouns else "race"
        if low in self.position_nouns and nxt is not None:
            numbers = self._number_list(doc, tok.i + 1)
            if low in self.plural_nouns and len(numbers) < 2:
                return None  # a plural needs its list of places
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
            # "Zweites Rennen": a neuter ordinal is an adjective, never a place
            and not low.endswith("es")
            and (nxt is None or nxt.lower_ not in self.position_nouns)
            # "Zweiter Saisonsieg für ...": the ordinal counts wins, it is no place
            and (nxt is None or not self._names_a_win(nxt))
            and (
                prev is None
                or prev.lower_ not in ARTICLES
                or is_sentence_start(tok)
                # ", die Fünfte wurde": after a comma the article is a relative pronoun
                or (prev.i > 0 and doc[prev.i - 1].text == "," and not nxt_capital)
            )
        ):
            return self._ordinal_list(doc, tok.i), "race"  # "Dritter wurde", "als Fünfter"
        if (
            value is not None
            and prev is not None
            and prev.lower_ in self.ordinal_prepositions
            and (nxt is None or not nxt.text[:1].isupper() or nxt.lower_ in self.position_nouns)
        ):
            return self._ordinal_list(doc, tok.i), "race"  # "als sechster und siebter"
        return None

    @staticmethod
    def _number_list(doc: Doc, i: int) -> list[int]:
        """ "5 und 6", "vier bis sechs", "7-9" after a plural position noun."""
        text = doc[i].text
        nxt = doc[i + 1].text if i + 1 < len(doc) else ""
        at_end = (
            not nxt
            or is_sentence_start(doc[i + 1])
            # "auf Rang 3. Danach ...": a new sentence the splitter missed
            or (nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in ORDINAL_NOUNS)
        )
        # "Rang 3." at a sentence end is a number, "3. Platz" an ordinal
        first = (
            cardinal(text.rstrip(".") if at_end else text)
            if at_end or not text.endswith(".")
            else None
        )
        if first is None or not 0 < first < 100 or text.lower() in INDEFINITE_ARTICLES:
            return []  # "büßte eine Position ein": an article, not the number one
        numbers = [first]
        if i + 2 < len(doc) and doc[i + 1].lower_ in RANGE_WORDS:
            # "die Plätze 2 und 3." ends its sentence even where the splitter missed it
            last = cardinal(doc[i + 2].text.removesuffix("."))
            if last is not None and first < last < 100:
                numbers = (
                    [first, last] if doc[i + 1].lower_ == AND else list(range(first, last + 1))
                )
        return numbers

    @staticmethod
    def _ordinal_list(doc: Doc, i: int) -> list[int]:
        """ "Sechster und Siebter": one or two ordinals."""
        values = [ordinal(doc[i].text) or 0]
        if i + 2 < len(doc) and doc[i + 1].lower_ == AND:
            second = ordinal(doc[i + 2].text)
            if second is not None:
                values.append(second)
        return values

    def _from_place(self, clause: Span, tok: Token) -> bool:
        """ "geht von Platz zwei ins Rennen", "von der 13. Position": where a driver starts."""
        doc = clause.doc
        i = tok.i - 1
        if i >= clause.start and doc[i].lower_ in ARTICLES:
            i -= 1  # "von der 13. Position"
        return i >= clause.start and doc[i].lower_ in self.grid_prepositions

    def _names_a_win(self, tok: Token) -> bool:
        """A win noun ("Sieg", "Saisonsieg", "Klassensieg") or a pole."""
        low = tok.lower_
        return low in self.win_words or low.endswith("sieg") or self._is_pole(tok)

    # -- filters -------------------------------------------------------------
    def _maybe_cue(self, tok: Token) -> bool:
        """A cheap first look: only these tokens can state a position."""
        return self._maybe_cue_word(tok.lower_)

    def _maybe_cue_word(self, low: str) -> bool:
        """``_maybe_cue`` of a token's lower-case form (asked for every word of every
        clause: remembered per word, the memo emptied when it grows large)."""
        known = self._cue_word_memo.get(low)
        if known is None:
            known = (
                low in self.cue_words
                or low[:1].isdigit()
                or low.startswith(self.cue_prefixes)
                or "klassensieg" in low
                or low.endswith(self.cue_endings)
                or ordinal(low) is not None
            )
            if len(self._cue_word_memo) >= CUE_WORD_MEMO_SIZE:
                self._cue_word_memo.clear()
            self._cue_word_memo[low] = known
        return known

    def _blocked(self, clause: Span, tok: Token) -> bool:
        """A word near the cue says it is no final result ("verpasste Platz drei")."""
        doc = clause.doc
        lo = max(clause.start, tok.i - self.window)
        hi = _phrase_end(doc, tok.i, min(clause.end, tok.i + self.window_right + 1))
        hits = [m.group(0) for m in self.not_result.finditer(span_text(doc, lo, hi).lower())]
        if hits and not all(h in self.overall_places for h in hits):
            return True
        if hits and not self._raced_overall(clause):
            return True
        # "In Runde zehn lag A noch auf Platz zwei, am Ende siegte B": the words
        # between the commas around the cue, beyond the window, not the whole clause
        texts = token_texts(doc)
        start, end = tok.i, tok.i + 1
        while start > clause.start and texts[start - 1] != COMMA:
            start -= 1
        while end < clause.end and texts[end] != COMMA:
            end += 1
        return bool(self.not_result_part.search(span_text(doc, start, end).lower()))

    def _raced_overall(self, clause: Span) -> bool:
        """ "wurde in Most Gesamtzweiter": this race's overall place, not a standing
        (no standings or season word in the clause)."""
        lower = lower_forms(clause.doc)
        if not any(lower[i] in self.overall_place_verbs for i in range(clause.start, clause.end)):
            return False
        text = span_text(clause.doc, clause.start, clause.end).lower()
        return not self.overall_place_not_with.search(text)

    def _someone_elses_win(self, tok: Token) -> bool:
        """ "der Sieger" without "des Rennens", "von ...": a reference to another winner."""
        doc = tok.doc
        prev_tok = doc[tok.i - 1] if tok.i > 0 else None
        next_tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return (
            tok.lower_ == "sieger"
            and prev_tok is not None
            and prev_tok.lower_ == "der"
            and (next_tok is None or next_tok.lower_ not in self.winner_complements)
        )

    # -- wins ----------------------------------------------------------------
    def _prevailed(self, clause: Span, tok: Token) -> bool:
        """ "setzte sich ... durch" / "durchsetzen": won, unless the clause names
        a numbered place ("setzte sich ... durch und wurde Dritter")."""
        doc = tok.doc
        low = tok.lower_
        if low.startswith(self.prevail_prefixes):
            hit = True
        elif low in self.prevail_verbs and tok.i + 1 < clause.end:
            hit = doc[tok.i + 1].lower_ == "sich" and any(
                t.lower_ == "durch" for t in doc[tok.i + 2 : clause.end]
            )
        else:
            return False
        words = span_text(doc, clause.start, clause.end).lower()
        if not hit or self.prevail_not_with.search(words):
            return False  # "setzte sich am Start gegen A durch": an overtaking move
        return not any(self.position_at(t) is not None for t in clause if t.i != tok.i)

    def _fastest(self, clause: Span, tok: Token) -> int | None:
        """The place a fastest-time word states ("die schnellste Zeit", "als
        Schnellster" 1, "die siebtschnellste Zeit" 7), else None."""
        low = tok.lower_
        place: int | None = 1 if low in self.fastest_words else None
        if place is None:
            stems = [low[: -len(e)] for e in self.fastest_endings if low.endswith(e)]
            place = next((n for s in stems if s and (n := ordinal(s + "e"))), None)
        if place is None:
            return None
        lowers = lower_forms(tok.doc)
        prev = lowers[tok.i - 1] if tok.i > clause.start else ""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < clause.end else None
        if prev in self.fastest_not_after:
            return None  # "seine schnellste Runde": his own lap, no rank
        if prev in self.fastest_lead_words:
            return place  # "als Schnellster", "am schnellsten"
        if nxt is not None and nxt.lower_ in self.fastest_nouns:
            return place  # "die schnellste Zeit"
        # "der Schnellste war", not "Schnellste Honda-Pilotin" (an adjective of a noun)
        noun_use = tok.text[:1].isupper() and (nxt is None or not nxt.text[:1].isupper())
        return place if noun_use else None

    def _contest_won(self, clause: Span, sent: Span) -> Cue | None:
        """ "im Duell um Rang vier behielt X die Oberhand", "den Zweikampf um Platz
        fünf entschied X für sich": the place fought for, when the sentence says who won."""
        doc = clause.doc
        lowers = lower_forms(doc)
        for i in range(clause.start + 1, clause.end - 1):
            if lowers[i] != "um" or lowers[i - 1] not in self.contest_words:
                continue
            at = i + 2 if lowers[i + 1] in ARTICLES else i + 1
            if at >= clause.end:
                return None
            tok = doc[at]
            # "der Kampf um den Sieg": the win
            position = ([1], "race") if lowers[at] in self.win_words else self.position_at(tok)
            if position is None or len(position[0]) != 1:
                return None
            if not self.contest_deciders.search(span_text(doc, sent.start, sent.end).lower()):
                return None
            return Cue(position[0], "race", self._class_after(clause, tok), tok, stated=False)
        return None

    def _completes(self, clause: Span) -> bool:
        """Does the clause complete a set ("komplettierte", "rundete ... ab")?"""
        verbs = self.cues.top_completion_verbs
        return any(t.lower_ in verbs for t in clause)

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
        """ "Pole-Position", "Poleposition", "Pole", but not "Pole-Setter" (a title,
        not this session)."""
        if tok.lower_ not in self.pole_words:
            return False
        following = span_text(tok.doc, tok.i + 1, tok.i + 3).lower()
        return not following.startswith(("- setter", "-setter"))

    # -- classes -------------------------------------------------------------
    def _class_context(self, clause: Span, cue: int) -> bool:
        """Does the clause speak of a class win ("gewann die Rookie-Wertung")?

        Brackets ("(Erste in der Klasse SP7)") belong to another crew, a car's
        own class ("der in der Klasse E2 gemeldete Porsche") is no win, and nor is
        what follows a new verb phrase ("siegte und vergrößerte so den Abstand in
        der Fahrerwertung").
        """
        inside = bracket_tokens(clause)
        lowers = lower_forms(clause.doc)
        end = _phrase_end(clause.doc, cue, clause.end)
        words = " ".join(lowers[i] for i in range(clause.start, end) if i not in inside)
        words = CAR_CLASS.sub(" ", words)
        return any(w in words for w in self.class_context)

    def add_context_class(self, cue: Cue, clause: Span, sent: Span, carried: str | None) -> None:
        """A place with no class of its own in a class's context: "auf Rang
        sieben in dieser Klasse" (the class last named), or right after a sentence
        about one class ("Den Sieg in der LMP2 holte X. Zweiter wurde Y.")."""
        if cue.class_ is not None:
            return
        doc = clause.doc
        clause_text = span_text(doc, clause.start, clause.end).lower()
        if self._points_back_to_a_class(clause, clause_text):
            i = cue.token.i
            if self.overall.search(span_text(doc, i, min(i + 2, clause.end)).lower()):
                return  # "Rang zwei in der Klasse und der neunte Gesamtrang"
            named = resolved(doc, "CLASS", end=cue.token.i)
            if named:
                cue.class_ = self.class_label(named[-1])
            return
        if (
            carried is not None
            and not resolved(doc, "CLASS", start=sent.start, end=sent.end)
            and not self.overall.search(span_text(doc, sent.start, sent.end).lower())
        ):
            cue.class_ = carried

    def _points_back_to_a_class(self, clause: Span, clause_text: str) -> bool:
        """ "in dieser Klasse", "in der Klasse": an anaphora, unless a class is
        named right there ("Erste in der Klasse SP7")."""
        doc = clause.doc
        base = clause.start_char
        named = [
            (c.start_char, c.end_char)
            for c in resolved(doc, "CLASS", start=clause.start, end=clause.end)
        ]
        for phrase in self.cues.class_anaphora:
            at = clause_text.find(phrase)
            while at != -1:
                end = base + at + len(phrase) + 1  # and the space after it
                if not any(s < end and base + at < e for s, e in named):
                    return True
                at = clause_text.find(phrase, at + 1)
        return False

    def _class_won(self, clause: Span, tok: Token) -> str | None:
        """The class a win verb is about: the clause opens with it ("In der SP9 siegte
        X") or it is the verb's object right before it ("der die GT4 gewann", "die
        Cup2 für sich entschied"). Not "Gesamtsieg", not a car's class ("mit dem in
        der GT4-Klasse gemeldeten Wagen siegte X")."""
        if self.overall.search(tok.lower_):
            return None
        doc = clause.doc
        topic = self.topic_class(clause)
        if topic is not None:
            return topic
        lower = lower_forms(doc)
        end = tok.i - 2 if lower[tok.i - 2 : tok.i] == list(FOR_ONESELF) else tok.i
        for c in resolved(doc, "CLASS", start=clause.start, end=end):
            if c.end == end and c.start > clause.start and lower[c.start - 1] in OBJECT_ARTICLES:
                return self.class_label(c)
        return None

    def _class_on_line(self, tok: Token) -> str | None:
        """ "gewannen ... die Klasse": the class named last before the cue on its line."""
        doc = tok.doc
        line_start = text_of(doc).rfind("\n", 0, tok.idx) + 1
        named = [c for c in resolved(doc, "CLASS", end=tok.i) if c.start_char >= line_start]
        return self.class_label(named[-1]) if named else None

    def topic_class(self, sent: Span) -> str | None:
        """ "In der LMP3 ging es eng zu ...": the class a sentence opens with."""
        doc = sent.doc
        lower = lower_forms(doc)
        for opener in self.cues.class_topic_openers:
            words = opener.split()
            if lower[sent.start : sent.start + len(words)] != words:
                continue
            after = sent.start + len(words)
            named = [
                c for c in resolved(doc, "CLASS", start=after, end=sent.end) if c.start == after
            ]
            return self.class_label(named[0]) if named else None
        return None

    def _class_after(self, clause: Span, tok: Token) -> str | None:
        """The class named right after a cue ("Platz zwei in der SP9")."""
        doc = clause.doc
        cls = None
        end = _phrase_end(doc, tok.i, min(clause.end, tok.i + 5))
        for c in resolved(doc, "CLASS", start=tok.i + 1, end=end):
            cls = self.class_label(c)
        return cls

    def _class_before(self, clause: Span, tok: Token) -> str | None:
        """The class named right before a place in its clause ("belegte in der Klasse
        Cup2 den zweiten Platz"): "in der" + class, then only the place's own words."""
        doc = clause.doc
        lower = lower_forms(doc)
        for c in resolved(doc, "CLASS", start=clause.start, end=tok.i):
            if lower[c.start - 2 : c.start] != ["in", "der"] or c.start - 2 < clause.start:
                continue
            between = lower[c.end : tok.i]
            if all(w in ARTICLES or ordinal(w) is not None for w in between):
                return self.class_label(c)
        return None

    def class_label(self, span: Span) -> str:
        """The class as written, without "-Wertung" ("Gentleman-Wertung" -> "Gentleman")."""
        text = span.text
        for suffix in self.cues.class_suffixes:
            if text.endswith(suffix) and len(text) > len(suffix):
                return text[: -len(suffix)]
        return text.removeprefix("Klasse ")

    def _class_near(self, sent: Span, tok: Token, prev_sent: Span | None) -> str | None:
        """The class named nearest the cue, in its sentence or else the one before."""
        for scope in (sent, prev_sent):
            if scope is None:
                continue
            here = resolved(sent.doc, "CLASS", start=scope.start, end=scope.end)
            if here:
                return self.class_label(min(here, key=lambda c: abs(c.start - tok.i)))
        return None


def _phrase_end(doc: Doc, i: int, hi: int) -> int:
    """Where the words after the cue at ``i`` (up to ``hi``) stop speaking of it: at
    an "und" that opens a new verb phrase ("siegte und vergrößerte so den Abstand
    in der Tabelle"), not one that joins numbers ("Platz zwei und drei")."""
    texts = token_texts(doc)
    for j in range(i + 1, hi - 1):
        nxt = texts[j + 1]
        if texts[j] == AND and nxt[:1].islower() and nxt.isalpha() and cardinal(nxt) is None:
            return j
    return hi
