"""``gtx_teams``: entrant names that no gazetteer lists.

Two shapes cover most of them:
- a team word with its name around it: "MRS GT-Racing", "Team Rosberg",
  "BMW Sports Trophy Team Schubert", "Racing Group Eifel";
- a team fused to a make: "Abt-Audi R8" (team Abt), "Marc VDS-BMW";
- an entrant run by another: "Martinet by Alméras", "Racing One by Team X".
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.spans import (
    add_candidates,
    candidates,
    is_sentence_start,
    lower_forms,
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
    "driver_roles",
    "non_driver_roles",
)

MAX_NAME_TOKENS_BEFORE = 4
MAX_NAME_TOKENS_AFTER = 2
NUMBERED_TEAM = re.compile(r"^Team\d+$")
MAX_BY_TOKENS = 3  # name words on each side of "by"
# "des Mamerow Racing Teams": after a genitive article "Teams" is one team
GENITIVE_ARTICLES = frozenset({"des", "eines"})
ORG = "ORG"  # a company or club named by its legal form: no entity of the records
NOT_BY_ENTRANT = {"powered", "presented", "supported", "sponsored", "driven", "foto", "photo"}


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
                    if prev.lower_ in self.roles or self._is_place(prev):
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
            if self._noun_compound(doc[start:end]) or self._compound_modifier(doc, end):
                continue
            if self._make_described(doc[start:end], makes_at, tok.i):
                continue
            if named and not plural_next:  # "Customer Racing Teams" is a group of teams
                spans.append(self._team_or_company(doc, start, end))
        return spans

    def _noun_compound(self, span: Span) -> bool:
        """ "Frauen-Team", "Organisations-Team": one hyphenated word led by a common
        noun (also in its linking-s form)."""
        joined = len(span) > 1 and not any(t.whitespace_ for t in span[:-1])
        if not joined or span[1].text != "-":
            return False
        head = span[0].text
        return head in self.nouns or (head.endswith("s") and head[:-1] in self.nouns)

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
        """ "GT3-Team HubAuto Corsa": a class or series before "-Team" says which field
        the team runs in; the team is named after it."""
        if (
            start in classes_at
            and word - start >= 2
            and doc[start + 1].text == "-"
            and self._is_team_word(doc[start + 2])
        ):
            return start + 2
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
            if (s.start, s.end) not in known
        ]
        add_candidates(doc, spans)
        return doc


@Language.factory("gtx_teams", assigns=[contract.SPANS], requires=[contract.SPANS])
def make_teams(nlp: Language, name: str) -> TeamFinder:
    return TeamFinder(name)
