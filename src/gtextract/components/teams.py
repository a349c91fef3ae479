"""``gtx_teams``: entrant names that no gazetteer lists.

Two shapes cover most of them:
- a team word with its name around it: "MRS GT-Racing", "Team Rosberg",
  "BMW Sports Trophy Team Schubert", "Racing Group Eifel";
- a team fused to a make: "Abt-Audi R8" (team Abt), "Marc VDS-BMW";
- an entrant run by another: "Martinet by Alméras", "Racing One by Team X".
A motor sport club (``data/club_words.txt``: "MSC X", "AC München") enters a car
only as the last item of a driver's brackets ("A (MSC X)"); elsewhere it
organises and is labelled ``ORG`` (no record).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gtextract.components import contract
from gtextract.components.alternation import any_of, literal_words
from gtextract.components.base import DataComponent
from gtextract.components.spans import (
    add_candidates,
    candidate_rows,
    candidates,
    is_sentence_start,
    lower_forms,
    replace_candidates,
    text_of,
    token_texts,
)
from gtextract.gazetteers import DataSource, entry_file, mapping_file, word_file
from gtextract.numbers import cardinal

TEAM_WORD_LISTS = (
    "team_words",
    "not_names",
    "curated/not_names",
    "not_team_prefixes",
    "company_suffixes",
    "not_team_heads",
    "driver_roles",
    "non_driver_roles",
    "given_names",
    "club_words",
)

MAX_NAME_TOKENS_BEFORE = 4
MAX_NAME_TOKENS_AFTER = 2
NUMBERED_TEAM = re.compile(r"^Team\d+$")
MAX_INITIALS = 3  # letters of a team's initials that read like a country code
MAX_ACRONYM = 4  # "ROWE", "ADAC": a word in capitals this short is a name's acronym
MAX_BY_TOKENS = 3  # name words on each side of "by"
MAX_FUSED_CHAIN_TOKENS = 5  # "Drago-Racing-ZVO": three words and their hyphens
# "des Mamerow Racing Teams": after a genitive article "Teams" is one team
GENITIVE_ARTICLES = frozenset({"des", "eines"})
ORG = "ORG"  # a company or club named by its legal form: no entity of the records
# "Jonas Kessler (19, Bonn, Kessler Racing)": a driver's age, home and entrant, the
# way ADAC press releases introduce every driver; the third item is the team
AGE_HOME_ENTRANT = re.compile(r"\(\d{1,2}, [^,()\n]+, ([^,()\n]+)\)")
# "ROWE 6-Stunden-Rennen", "24h": a race named by its length
HOURS_RACE = re.compile(r"\d+[- ]?(?:Stunden|h)\b", re.IGNORECASE)
ORDINAL = re.compile(r"\d+\.$")  # "PAGID Racing 47. DMV Münsterlandpokal"
NOT_BY_ENTRANT = {"powered", "presented", "supported", "sponsored", "driven", "foto", "photo"}
BRACKET_REACH = 80  # characters back from a name to the bracket it may stand in
CLUB_LEGAL_FORM = r"(?:e\.\s?V\.|eV)"  # "MC Labertal e.V."
# the end of a bracket a club name stands last in, its legal form before ")"
CLUB_SUFFIX = re.compile(rf"\s*{CLUB_LEGAL_FORM}?\s*\)")
# "(19, Bonn, AC München)", "(MC Labertal)": a club as the last item of a bracket,
# around the choice of club words
CLUB_BEFORE = r"\((?:[^()\n]{0,60},\s*)?(?P<club>"
CLUB_AFTER = rf"(?:\s+[A-ZÄÖÜ][\w.-]*){{1,3}}?)(?:\s*{CLUB_LEGAL_FORM})?\)"


class TeamFinder(DataComponent):
    data_files = (
        *(word_file(n) for n in TEAM_WORD_LISTS),
        mapping_file("nationalities"),
        entry_file("tracks"),
        entry_file("makes"),
    )

    def setup(self, data: DataSource) -> None:
        self.team_words = {w.lower() for w in data.words("team_words") if " " not in w}
        # "Frauen-Team", "Boxenstopp-Team": a noun compound names a kind of team
        self.nouns = data.words("not_names")
        # "GmbH", "e.V.": a company or club; a team's name is written without them
        self.company_suffixes = {w.lower() for w in data.words("company_suffixes")}
        # team names are proper names, often words too ("Abt", "Reiter", "Eifel"):
        # only report vocabulary and known non-team prefixes end or reject them
        self.not_names = {w.lower() for w in data.words("curated/not_names") if not w.isupper()} | {
            w.lower() for w in data.words("not_team_prefixes")
        }
        self.roles = {w.lower() for w in data.words("driver_roles")} | {
            w.lower() for w in data.words("non_driver_roles")
        }
        self.staff_roles = {w.lower() for w in data.words("non_driver_roles")}
        self.heads = {w.lower() for w in data.words("not_team_heads")}
        self.places = {w.lower() for w in data.mapping("nationalities")}
        # "Motorsport Arena": words of track names end a team name
        self.venue_words = {
            word.lower()
            for entry in data.entries("tracks")
            for form in entry.forms
            for word in form.replace("-", " ").split()
            if word[:1].isupper()
        } - self.team_words
        self.makes = {f.lower() for e in data.entries("makes") for f in e.forms}
        self.given_names = data.words("given_names")
        clubs = data.words("club_words")
        self.club_words = {w.lower() for w in clubs}
        self.club_in_bracket = any_of(literal_words(clubs), before=CLUB_BEFORE, after=CLUB_AFTER)

    def _is_team_word(self, tok: Token) -> bool:
        return self._is_team_word_form(tok.lower_, tok.text)

    def _is_team_word_form(self, low: str, text: str) -> bool:
        """``_is_team_word`` of a token's lower-case form and text."""
        if low.endswith("s") and low[:-1] in self.team_words:
            return False  # "Customer Racing Teams": a group of teams, not one
        return low in self.team_words or bool(NUMBERED_TEAM.match(text))

    def _is_place(self, tok: Token) -> bool:
        """A country or nationality; "ItalienItalien" is a flag's caption copied
        with its country name from a table."""
        low = tok.lower_
        half = len(low) // 2
        return low in self.places or (low[:half] == low[half:] and low[:half] in self.places)

    @staticmethod
    def _initials(tok: Token, next_to_team_word: bool) -> bool:
        """ "KR Motorsport", "US Racing": capitals right before the team word are the
        team's initials, though also a country code ("(KR)", "GER")."""
        return next_to_team_word and tok.is_upper and len(tok.text) <= MAX_INITIALS

    def _is_name_part(self, tok: Token) -> bool:
        """Capitalised, upper-case or mixed-case words that can be part of a team name."""
        text = tok.text
        if not text or tok.is_punct or tok.is_stop or tok.is_digit:
            return False
        return any(c.isupper() for c in text) and any(c.isalnum() for c in text)

    def _team_word_spans(self, doc: Doc, makes_at: set[int], classes_at: set[int]) -> list[Span]:
        spans = []
        team_words = self.team_words
        for i, (low, text) in enumerate(zip(lower_forms(doc), token_texts(doc), strict=True)):
            if low not in team_words and not text.startswith("Team"):
                continue  # most words: neither a team word nor "Team7" (NUMBERED_TEAM)
            if not self._is_team_word_form(low, text):
                continue
            tok = doc[i]
            start = tok.i
            while start > 0 and tok.i - start < MAX_NAME_TOKENS_BEFORE:
                prev = doc[start - 1]
                if prev.text == "-" and start > 1 and self._is_name_part(doc[start - 2]):
                    if prev.whitespace_ or doc[start - 2].whitespace_:
                        break
                    start -= 2
                elif (self._is_name_part(prev) or self._is_team_word(prev)) and (
                    prev.whitespace_ or doc[start].text == "-"
                ):
                    if prev.lower_ in self.roles or (
                        self._is_place(prev) and not self._initials(prev, start == tok.i)
                    ):
                        break
                    if self._counted_noun(doc, start - 1):
                        break
                    start -= 1
                else:
                    break
            end = tok.i + 1
            while end < len(doc) and self._is_team_word(doc[end]) and doc[end - 1].whitespace_:
                end += 1
            if (
                doc[end - 1].lower_ in ("team", "group")
                or NUMBERED_TEAM.match(doc[end - 1].text)
                or (end - start == 1)
            ):
                after = 0
                while (
                    end < len(doc)
                    and after < MAX_NAME_TOKENS_AFTER
                    and doc[end - 1].whitespace_
                    and self._is_name_part(doc[end])
                    and end not in makes_at
                    and doc[end].lower_ not in self.not_names
                    and not self._common_noun(doc[end])
                    and doc[end].lower_ not in self.heads
                    and doc[end].lower_ not in self.venue_words
                    and doc[end].lower_ not in self.company_suffixes
                ):
                    end += 1
                    after += 1
            named = [t for t in doc[start:end] if not self._is_team_word(t) and t.text != "-"]
            plural_next = (
                end < len(doc)
                and doc[end].lower_.rstrip("s") in self.team_words
                and not (start > 0 and doc[start - 1].lower_ in GENITIVE_ARTICLES)
            )
            start = self._after_class_prefix(doc, start, tok.i, classes_at)
            start = self._after_person(doc, start, tok.i)
            if self._noun_compound(doc[start:end]) or self._modifies_a_head(doc, end):
                continue
            if self._compound_modifier(doc, end):  # the employer keeps its name from people
                spans.append(Span(doc, start, end + 2, label=ORG))
                continue
            if self._make_described(doc[start:end], makes_at, tok.i):
                continue
            if named and not plural_next:  # "Customer Racing Teams" is a group of teams
                spans.append(self._team_or_company(doc, start, end))
        return spans

    def _common_noun(self, tok: Token) -> bool:
        """ "Motorsport Festival", "Racing Magazin": a common noun after a team word
        names a thing, not the team ("Team ADAC Sachsen": capitals are a name); in a
        headline in capitals a long word is a word too ("TEAM X GEWINNEN")."""
        if tok.is_upper:
            return len(tok.text) > MAX_ACRONYM and tok.text.capitalize() in self.nouns
        return tok.text in self.nouns

    def _after_person(self, doc: Doc, start: int, word: int) -> int:
        """ "Jonas Quast Brenner Motorsport" (an entry table's driver and team): a given
        name and surname before a team that has a name of its own are the driver;
        "Jonas Quast Racing" names its owner and stays one team."""
        if word - start < 3:
            return start
        first, second = doc[start], doc[start + 1]
        if not (
            first.text in self.given_names
            and first.whitespace_
            and second.text[:1].isupper()
            and second.whitespace_
            and not self._is_team_word(second)
        ):
            return start
        rest = doc[start + 2 : word]
        if any(not self._is_team_word(t) and t.text != "-" for t in rest):
            return start + 2
        return start

    def _noun_compound(self, span: Span) -> bool:
        """ "Frauen-Team", "Organisations-Team": one hyphenated word led by a common
        noun (also in its linking-s form)."""
        joined = len(span) > 1 and not any(t.whitespace_ for t in span[:-1])
        if not joined or span[1].text != "-":
            return False
        head = span[0].text
        return head in self.nouns or (head.endswith("s") and head[:-1] in self.nouns)

    def _modifies_a_head(self, doc: Doc, end: int) -> bool:
        """ "ADAC Racing Weekend", "X Racing-Cup": the name is part of an event's or a
        prize's name."""
        if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 1
        return end < len(doc) and doc[end].lower_ in self.heads

    def _compound_modifier(self, doc: Doc, end: int) -> bool:
        """ "X Motorsport-Direktor": the name leads a staff role compound and names a
        person's employer, not an entrant ("X Motorsport-Pilot" keeps the team)."""
        return (
            end + 1 < len(doc)
            and not doc[end - 1].whitespace_
            and doc[end].text == "-"
            and not doc[end].whitespace_
            and doc[end + 1].lower_ in self.staff_roles
        )

    def _counted_noun(self, doc: Doc, i: int) -> bool:
        """ "sechs Stunden Motorsport": a common noun counted by a number word before it
        (digits are left alone: a table's "3 Mücke Motorsport" is a place and a team)."""
        return (
            i > 0
            and doc[i].text in self.nouns
            and doc[i - 1].is_lower
            and cardinal(doc[i - 1].text) is not None
        )

    def _after_class_prefix(self, doc: Doc, start: int, word: int, classes_at: set[int]) -> int:
        """ "GT3-Team HubAuto Corsa", "ELMS-Meisterteam X": a class or series before
        "-Team" (or a compound on "-team") says which field the team runs in; the team
        is named after it."""
        if start in classes_at and word - start >= 2 and doc[start + 1].text == "-":
            if self._is_team_word(doc[start + 2]):
                return start + 2
            # "ELMS-Meisterteam Luzich Racing": a compound on "-team" describes the team
            if doc[start + 2].lower_.endswith("team") and word - start >= 3:
                return start + 3
        return start

    def _make_described(self, span: Span, makes_at: set[int], word: int) -> bool:
        """ "das Peugeot Werksteam": a make with "Werksteam" describes the manufacturer's
        entry; it is no team name ("das Maserati Team" may be one)."""
        low = span.doc[word].lower_
        named = [t for t in span if not self._is_team_word(t) and t.text != "-"]
        return (
            low == "werksteam"
            and span.end == word + 1
            and bool(named)
            and all(t.i in makes_at for t in named)
        )

    def _team_or_company(self, doc: Doc, start: int, end: int) -> Span:
        """ "Schubert Motorsport GmbH" is the team "Schubert Motorsport"; "VLN VV GmbH",
        with no team word but its legal form, is a company (label ``ORG``), which still
        keeps the name in it from being taken for a driver."""
        trimmed = end
        while trimmed > start and doc[trimmed - 1].lower_ in self.company_suffixes:
            trimmed -= 1
        words = doc[start:trimmed]
        if any(self._is_team_word(t) for t in words) and any(
            not self._is_team_word(t) and t.text != "-" for t in words
        ):
            return Span(doc, start, trimmed, label="TEAM")
        return Span(doc, start, end, label=ORG)

    def _fused_spans(self, doc: Doc, makes: list[Span]) -> list[Span]:
        """ "Abt-Audi": the name directly before a hyphen and a make."""
        spans = []
        for make in makes:
            h = make.start - 1
            if h < 1 or doc[h].text != "-" or doc[h].whitespace_ or doc[h - 1].whitespace_:
                continue
            end = h
            start = h - 1
            if not self._is_name_part(doc[start]) or doc[start].lower_ in self.not_names:
                continue
            # "Drago-Racing-ZVO-Mercedes": the whole hyphen chain before the make
            while (
                end - start < MAX_FUSED_CHAIN_TOKENS
                and start > 1
                and doc[start - 1].text == "-"
                and not doc[start - 1].whitespace_
                and not doc[start - 2].whitespace_
                and self._is_name_part(doc[start - 2])
                and doc[start - 2].lower_ not in self.not_names
            ):
                start -= 2
            # "Marc VDS-BMW": take one more capitalised word when joined by a space
            if (
                start > 0
                and self._is_name_part(doc[start - 1])
                and doc[start - 1].whitespace_
                and doc[start - 1].lower_ not in self.not_names
                and not is_sentence_start(doc[start - 1])
            ):
                start -= 1
            span = doc[start:end]
            if any(
                t.lower_ in self.roles or t.lower_ in self.places or t.lower_ in self.makes
                for t in span
            ):
                continue
            spans.append(Span(doc, start, end, label="TEAM"))
        return spans

    def _by_spans(self, doc: Doc) -> list[Span]:
        """ "Martinet by Alméras": names on both sides of an English "by"."""
        spans = []
        for i, text in enumerate(token_texts(doc)):
            if text != "by":
                continue
            tok = doc[i]
            if tok.i == 0 or not doc[tok.i - 1].whitespace_:
                continue
            start = tok.i
            while (
                tok.i - start < MAX_BY_TOKENS
                and start > 0
                and self._is_name_part(doc[start - 1])
                and doc[start - 1].lower_ not in NOT_BY_ENTRANT
                and doc[start - 1].lower_ not in self.roles
                and doc[start - 1].lower_ not in self.not_names
            ):
                start -= 1
                if is_sentence_start(doc[start]):
                    break
            end = tok.i + 1
            while (
                end - tok.i <= MAX_BY_TOKENS
                and end < len(doc)
                and doc[end - 1].whitespace_
                and self._is_name_part(doc[end])
                and doc[end].lower_ not in self.not_names
                and doc[end].lower_ not in self.roles
            ):
                end += 1
            if start < tok.i and end > tok.i + 1:
                spans.append(Span(doc, start, end, label="TEAM"))
        return spans

    def _bracket_entrants(self, doc: Doc) -> list[Span]:
        """ "(19, Bonn, NordPass)": the entrant after a driver's age and home, also one
        with no team word."""
        spans = []
        for match in AGE_HOME_ENTRANT.finditer(text_of(doc)):
            span = doc.char_span(match.start(1), match.end(1))
            if span is None or not any(c.isupper() for c in span.text):
                continue
            end = span.end
            while end > span.start and doc[end - 1].lower_ in self.company_suffixes:
                end -= 1
            if end > span.start and doc[span.start].lower_ not in self.places:
                spans.append(Span(doc, span.start, end, label="TEAM"))
        return spans

    def _bracketed_clubs(self, doc: Doc) -> list[Span]:
        """ "Guido Keller (AC München)": a club in a driver's brackets is the entrant,
        also one whose club word is no team word ("MC", "AC", "ADAC")."""
        spans = []
        for match in self.club_in_bracket.finditer(text_of(doc)):
            span = doc.char_span(match.start("club"), match.end("club"))
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label="TEAM"))
        return spans

    def _club_where_it_stands(self, doc: Doc, span: Span) -> Span:
        """A club ("MSC Nandlstadt", "Chemnitzer AMC") with no team word of its own
        enters a car only in a driver's brackets; elsewhere it organises (``ORG``)."""
        words = lower_forms(doc)[span.start : span.end]
        if not any(w in self.club_words for w in words) or any(
            w in self.team_words and w not in self.club_words and w not in self.company_suffixes
            for w in words
        ):
            return span
        if not self._last_in_brackets(text_of(doc), span.start_char, span.end_char):
            return Span(doc, span.start, span.end, label=ORG)
        end = span.end
        while end > span.start + 1 and words[end - span.start - 1] in self.company_suffixes:
            end -= 1
        return Span(doc, span.start, end, label="TEAM")

    @staticmethod
    def _last_in_brackets(text: str, start: int, end: int) -> bool:
        """The name is a bracket's only or last item: "(MSC X)", "(19, Bonn, MSC X)"."""
        left = text.rfind("(", max(0, start - BRACKET_REACH), start)
        if left == -1 or ")" in text[left:start] or "\n" in text[left:start]:
            return False
        before = text[left + 1 : start].rstrip()
        return (not before or before.endswith(",")) and CLUB_SUFFIX.match(text, end) is not None

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)  # once: each call makes a Span per candidate
        makes = [s for s in found if s.label_ == "MAKE"]
        makes_at = {m.start for m in makes}
        classes_at = {s.start for s in found if s.label_ in ("CLASS", "SERIES")}
        known_labels = ("MAKE", "SERIES", "TRACK", "EVENT")
        known = {(s.start, s.end) for s in found if s.label_ in known_labels}
        spans = [
            s
            for s in self._team_word_spans(doc, makes_at, classes_at)
            + self._fused_spans(doc, makes)
            + self._by_spans(doc)
            + self._bracket_entrants(doc)
            + self._bracketed_clubs(doc)
            if (s.start, s.end) not in known
        ]
        spans = [self._club_where_it_stands(doc, s) for s in spans]
        add_candidates(doc, spans + self._employers(doc))
        self._drop_race_sponsors(doc)
        return doc

    def _drop_race_sponsors(self, doc: Doc) -> None:
        """ "beim PAGID Racing 47. DMV Münsterlandpokal", "das ROWE 6-Stunden-Rennen": a
        name right before a race's name is its title sponsor, no entrant there; a listed
        team before an event's or prize's noun ("X Racing Cup") names that."""
        events_at = {row[0] for row in candidate_rows(doc, "EVENT")}
        text = text_of(doc)

        def before_race(end: int) -> bool:
            if end < len(doc) and ORDINAL.match(doc[end].text):
                end += 1
            return end < len(doc) and (
                end in events_at or HOURS_RACE.match(text, doc[end].idx) is not None
            )

        group = candidate_rows(doc)
        kept = [
            row
            for row in group
            if row[2] != "TEAM" or not (before_race(row[1]) or self._modifies_a_head(doc, row[1]))
        ]
        if len(kept) < len(group):
            replace_candidates(doc, kept)

    def _employers(self, doc: Doc) -> list[Span]:
        """ "BMW Motorsport-Direktor": a listed team leading a staff role compound names
        a person's employer; the whole compound (label ``ORG``) outranks the team."""
        return [
            Span(doc, s.start, s.end + 2, label=ORG)
            for s in candidates(doc, "TEAM")
            if self._compound_modifier(doc, s.end)
        ]


@Language.factory("gtx_teams", assigns=[contract.SPANS], requires=[contract.SPANS, contract.SENTS])
def make_teams(nlp: Language, name: str) -> TeamFinder:
    return TeamFinder(name)
