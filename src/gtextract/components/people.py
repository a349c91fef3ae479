"""``gtx_people``: people named in a report, told apart into drivers and others.

Sources, combined because none is enough alone:
- rules: a known given name, optional particles ("van der", "von"), then a
  capitalised surname that the lexicon does not know as a common noun;
- the base model's PER entities (when it has ``ner``);
- surname lists in driver contexts ("Ludwig/Mies", "Rang 4 ... Haase, Hennerici");
- later bare surnames of a full name seen in the same text.
A person is a DRIVER unless a role word (Teamchef, Fotos:) marks them otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.spans import (
    add_candidates,
    candidate_rows,
    is_sentence_start,
    lower_forms,
    sentence_starts,
    text_of,
    token_texts,
)
from gtextract.cues import PeopleCues
from gtextract.gazetteers import CALENDAR_FILE, DataSource, entry_file, mapping_file, word_file
from gtextract.names import (
    FOREIGN_PARTICLES,
    UNAMBIGUOUS_PARTICLES,
    particles,
    surname_in_capitals,
)

PEOPLE_WORD_LISTS = (
    "given_names",
    "surnames",
    "name_particles",
    "not_names",
    "curated/not_names",
    "team_words",
    "common_words",
    "non_driver_roles",
    "driver_roles",
)

MAX_EXTRA_SURNAME_TOKENS = 2
PEOPLE_CUES_FILE = "people_cues.json"
# particles that are German articles or prepositions too ("der", "zum")
PURE_ARTICLES = {"der", "den", "dem", "des", "das", "die"}
ARTICLE_PARTICLES = {"der", "den", "dem", "des", "das", "die", "von", "vom", "zu", "zum", "zur"}
# role nouns this long also end compounds ("Motorsportberater"); shorter ones only
# when listed as a suffix ("-Chef": "Rallyechef")
MIN_ROLE_SUFFIX = 6
# author lines: "• von A & B", "Verfasst von A.", "A am 02.05.2019 um 09:41"
BULLETS = " \t•·*-–—|"
_NAME_WORD = r"[A-ZÄÖÜ][\w.'’-]*"
BYLINE_BEFORE = re.compile(
    rf"^(?:(?:[Vv]erfasst|[Gg]eschrieben)\s+von\s.*|[Vv]on(?:\s+{_NAME_WORD})*(?:\s*(?:&|und|,))?\s*)$"
)
BYLINE_AFTER = re.compile(rf"^\s*(?:(?:&|und|,)(?:\s+{_NAME_WORD}){{1,4}}\s*)?$")
POSTED_AT = re.compile(r"^\s*am\s+\d{1,2}\.\d{1,2}\.\d{2,4}\s+um\s+\d{1,2}:\d{2}\b")
# a last name word this short ending a text is a cut-off ("Max Ver")
MAX_CUT_WORD = 3
# a sibling's lone given name: "Jonas (17)", "Jonas und", "Jonas, "
SIBLING_NAME_ENDS = {"(", "und", ",", "sowie", "&", "/"}
MAX_SIBLING_SPAN = 30  # tokens after "die Quast-Brüder" that may name them
CLOSING_QUOTES = {'"', "“", "”", "«", "»", "‘", "’", "'"}
MIN_PSEUDONYM = 3
MAX_ROLE_PAIR = 6  # words before a role that may join a driver word to it
OPENING_QUOTES = {'"', "„", "“", "«", "»", "‚", "'"}
# after a "NACHNAME Vorname" of an unlisted surname: a cell or list boundary
CAPITALS_NAME_ENDS = {"(", ",", "/", ";", "-", "–", "|"}


@lru_cache(maxsize=65536)
def _capitalised(text: str) -> bool:
    """ "Klingmann", "O'Young": a capitalised word (cached: asked for every token)."""
    return (
        len(text) > 1
        and text[0].isupper()
        and any(c.islower() for c in text[1:])
        and all(c.isalpha() or c in "'’" for c in text)
    )


def _capitalised_at(doc: Doc) -> list[int]:
    """Indices of the capitalised words, once per Doc: the name rules and the
    bare-surname scan look at no other word."""
    found = doc.user_data.get("gtx_capitalised")
    if found is None:
        texts = token_texts(doc)
        found = doc.user_data["gtx_capitalised"] = [
            i for i, word in enumerate(texts) if _capitalised(word)
        ]
    return list(found)


def _inflected_common_word(text: str, common: frozenset[str]) -> bool:
    """ "Crews", "Piloten": a common noun in a plural or case form."""
    return text in common or any(
        text.endswith(end) and text[: -len(end)] in common for end in ("s", "n", "en", "e", "er")
    )


def _compound_of(text: str, common: frozenset[str]) -> bool:
    """ "Bremspunkt": a German compound ending in a common noun ("Punkt")."""
    return any(text[i:].capitalize() in common for i in range(3, len(text) - 3))


def _compound_head(tok: Token) -> bool:
    """ "Grundig-Kehre": a word hyphen-fused to the next is a modifier, not a person."""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not tok.whitespace_
        and not doc[tok.i + 1].whitespace_
    )


def _byline(span: Span) -> bool:
    """The author: "Von Markus Muster" alone on a line, "• von A & B", "Verfasst von
    A. Veröffentlicht in ...", or "A am 02.05.2019 um 09:41" opening a post."""
    doc = span.doc
    text = text_of(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end == -1 else line_end
    before = text[line_start : span.start_char].lstrip(BULLETS)
    after = text[span.end_char : line_end]
    if not before:
        return bool(POSTED_AT.match(after))
    if not BYLINE_BEFORE.match(before):
        return False
    return before.lower().startswith(("verfasst", "geschrieben")) or bool(BYLINE_AFTER.match(after))


def _cut_off(span: Span) -> bool:
    """ "Max Ver" ending a truncated text: its last word begins a longer word of the
    text ("Verstappen"), so the name was cut."""
    doc = span.doc
    last = span.end
    while last < len(doc) and doc[last].is_space:
        last += 1
    if last < len(doc):
        return False
    word = doc[span.end - 1].text
    if len(word) <= MAX_CUT_WORD:
        return True  # "Max Ver": no surname is this short
    return any(t.text != word and t.text.startswith(word) for t in doc[: span.start])


def _event_name(span: Span, event_nouns: Collection[str]) -> bool:
    """ "Rallye Erzgebirge", "ADAC-Rallye Stemweder Berg": the words after an event
    noun name the event."""
    doc = span.doc
    i = span.start - 1
    # "Rallye Erzgebirge Historic": a later word of the name too
    while i >= 0 and span.start - i <= 3:
        before = doc[i]
        if before.whitespace_ != " ":
            return False
        if before.lower_.rsplit("-", 1)[-1] in event_nouns:
            return True
        if not _capitalised(before.text):
            return False
        i -= 1
    return False


def _compound_tail(tok: Token) -> bool:
    """ "Annaberg-Buchholz", "Estner-Brüder": the word after a glued hyphen."""
    doc = tok.doc
    return (
        tok.i > 1
        and doc[tok.i - 1].text == "-"
        and not doc[tok.i - 1].whitespace_
        and not doc[tok.i - 2].whitespace_
        and doc[tok.i - 2].text[:1].isupper()
    )


def _suffixes(roles: set[str]) -> tuple[str, ...]:
    """Role nouns that end compounds: the long ones and those listed as "-chef"."""
    return tuple(
        sorted({r.lstrip("-") for r in roles if len(r) >= MIN_ROLE_SUFFIX or r.startswith("-")})
    )


class PeopleFinder(DataComponent):
    data_files = (
        *(word_file(n) for n in PEOPLE_WORD_LISTS),
        mapping_file("nationalities"),
        entry_file("makes"),
        entry_file("tracks"),
        CALENDAR_FILE,
        PEOPLE_CUES_FILE,
    )

    def __init__(self, name: str, use_ner: bool) -> None:
        super().__init__(name)
        self.use_ner = use_ner

    def setup(self, data: DataSource) -> None:
        cues = data.cues("people_cues", PeopleCues)
        self.team_nouns = set(cues.team_nouns)
        self.place_prepositions = set(cues.place_prepositions)
        self.writer_possessives = tuple(cues.writer_possessives)
        self.writer_colleagues = set(cues.writer_colleagues)
        # a name right after these is the event's ("ADAC-Rallye Stemweder Berg"), no person
        self.event_nouns = set(cues.event_nouns)
        self.kin_nouns = set(cues.kin_nouns)
        self.car_prepositions = frozenset(cues.car_prepositions)
        self.opening_surname_verbs = frozenset(cues.opening_surname_verbs)
        self.inverted_subject_articles = frozenset(cues.inverted_subject_articles)
        self.sibling_nouns = set(cues.sibling_nouns)
        self.foreign_endings = tuple(cues.foreign_surname_endings)
        self.given = data.words("given_names")
        self.surnames = data.words("surnames")
        self.particles = particles(data)
        self.not_names = data.words("not_names")
        self.not_names_lower = {w.lower() for w in self.not_names}
        self.never_names = data.words("curated/not_names")
        self.makes = {f.lower() for e in data.entries("makes") for f in e.forms}
        self.team_words = {w.lower() for w in data.words("team_words")}
        self.common_words = data.words("common_words")
        self.other_roles = {w.lower() for w in data.words("non_driver_roles")}
        # compounds end in a role: "Mercedes-AMG-Motorsportchef"
        self.role_suffixes = _suffixes(self.other_roles)
        self.driver_roles = {w.lower() for w in data.words("driver_roles")}
        # "Laufsieger", "Multiweltmeister": a driver word, never a name
        self.driver_role_suffixes = _suffixes(self.driver_roles)
        self.months = {w.lower() for w in data.months()}
        # towns of the circuits ("New York", "Montreal"): a calendar line, not a person
        self.track_towns = set(data.track_places())
        # a span can only be (part of) a town when its first word is a town's word
        self.track_town_words = {w for town in self.track_towns for w in town.split()}
        self.places = set(data.mapping("nationalities"))
        self.given_or_role = {w for w in data.words("driver_roles")} | {
            w for w in data.words("non_driver_roles")
        }

    # -- token tests -------------------------------------------------------
    def _is_capitalised(self, tok: Token) -> bool:
        return _capitalised(tok.text)

    def _is_surname(self, tok: Token) -> bool:
        if not self._is_capitalised(tok) or tok.text in self.places:
            return False
        if tok.text in self.surnames:
            return True
        return tok.text not in self.not_names and tok.lower_ not in self.not_names_lower

    def _is_surname_after_given(self, tok: Token) -> bool:
        """After a given name any capitalised word but the report vocabulary is a surname."""
        return (
            self._is_capitalised(tok)
            and tok.text not in self.never_names
            and tok.text not in self.places
            and tok.text not in self.given_or_role
        )

    def _is_given(self, tok: Token) -> bool:
        return self._is_capitalised(tok) and tok.text in self.given

    def _is_role_word(self, tok: Token) -> bool:
        """A role noun or a compound ending in one ("Rallyechef", "Tagessieger"),
        unless it is a listed name ("Hofmeister")."""
        low = tok.lower_.rsplit("-", 1)[-1]
        if tok.text in self.surnames or tok.text in self.given:
            return low in self.other_roles or low in self.driver_roles
        return (
            low in self.other_roles
            or low in self.driver_roles
            or low.endswith(self.role_suffixes)
            or low.endswith(self.driver_role_suffixes)
        )

    # -- rules -------------------------------------------------------------
    def _full_name_at(self, doc: Doc, i: int) -> int | None:
        """End of a "Given [Given] [particles] Surname [Surname]" name starting at i."""
        if not self._is_given(doc[i]):
            return None
        j = i + 1
        # hyphenated or double given names: "Hans-Joachim", "Jan Erik"
        while j + 1 < len(doc) and doc[j].text == "-" and self._is_given(doc[j + 1]):
            j += 2
        if (
            j == i + 1
            and j + 2 < len(doc)
            and doc[j].text == "-"
            and not doc[i].whitespace_
            and not doc[j].whitespace_
            and self._is_capitalised(doc[j + 1])
            and doc[j + 1].text not in self.surnames
            and not self._is_role_word(doc[j + 1])  # "Aston-Martin-Pilot Jonas"
            and doc[j + 1].whitespace_ == " "
            and self._is_surname(doc[j + 2])
        ):
            j += 2  # "Paul-Loup Chatin": a French double given name
        if (
            j < len(doc)
            and self._is_given(doc[j])
            and j + 1 < len(doc)
            and self._is_surname(doc[j + 1])
        ):
            j += 1
        if (
            j + 3 < len(doc)
            and doc[j].text in OPENING_QUOTES
            and doc[j + 2].text in CLOSING_QUOTES
            and self._is_capitalised(doc[j + 1])
            and doc[j + 3].text in self.surnames
        ):
            j += 3  # 'Christian „Schmiddi“ Brenninger': a nickname between the names
        k = j
        while k < len(doc) and doc[k].lower_ in self.particles and doc[k].text != "und":
            k += 1
        if k >= len(doc) or not self._is_surname_after_given(doc[k]):
            return None
        if k > j and self._article_then_noun(doc[j:k], doc[k]):
            return None
        end = k + 1
        # "von Thurn und Taxis"; double-barrelled "Müller-Lüdenscheidt"
        while end + 1 < len(doc) and doc[end].text == "und" and k > j:
            if not self._is_surname_after_given(doc[end + 1]):  # "von Thurn und Taxis"
                break
            if self._is_given(doc[end + 1]):  # "da Costa und Kevin X": a second person
                break
            end += 2
        while (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end].whitespace_
            and not doc[end - 1].whitespace_
            and self._is_surname(doc[end + 1])
            and not self._is_role_word(doc[end + 1])  # "Red Bull-Motorsportberater"
        ):
            end += 2
        extra = 0
        while (
            end < len(doc)
            and extra < MAX_EXTRA_SURNAME_TOKENS
            and self._is_surname(doc[end])
            and not self._is_role_word(doc[end])
            and doc[end].text not in self.given
            and doc[end - 1].whitespace_ == " "
        ):
            end += 1
            extra += 1
        return end

    def _article_then_noun(self, parts: Span, word: Token) -> bool:
        """ "Jonas den Bremspunkt", "Lena zum Turm": a German article or
        preposition before a common noun is no name particle."""
        return (
            all(p.lower_ in ARTICLE_PARTICLES for p in parts)
            and word.text not in self.surnames
            and (
                word.text in self.not_names
                or _inflected_common_word(word.text, self.common_words)
                or _compound_of(word.text, self.common_words)
            )
        )

    def _unknown_given_name_at(self, doc: Doc, i: int) -> int | None:
        """Names whose given name no list knows, where the shape says "person":
        "Mathis de Vries" (particle), "Aurelio Bassani (23, ...)" (details in
        brackets), "Tabellenführer Aurelio Bassani" (driver word before)."""
        first = doc[i]
        if (
            not self._is_capitalised(first)
            or first.text in self.common_words
            or first.text in self.never_names
            or first.text in self.places
            or (first.text in self.not_names and first.text not in self.surnames)
            or _compound_tail(first)
            or self._is_role_word(first)
        ):
            return None
        k = i + 1
        while k < len(doc) and doc[k].text in FOREIGN_PARTICLES:
            k += 1
        if k >= len(doc) or not self._is_surname_after_given(doc[k]):
            return None
        if doc[k].text in self.common_words and k == i + 1:
            return None
        end = k + 1
        with_particle = k > i + 1 and doc[i + 1].text in UNAMBIGUOUS_PARTICLES
        # "(23, ...)" or the team "(Quast Motorsport)"
        with_details = (
            end + 1 < len(doc)
            and doc[end].text == "("
            and (
                doc[end + 1].is_digit
                or (self._is_capitalised(doc[end + 1]) and doc[end + 1].lower_ not in self.makes)
            )
        )
        before = doc[i - 1].lower_.rsplit("-", 1)[-1] if i > 0 else ""
        with_role = before in self.driver_roles
        if with_particle or with_details or with_role:
            return end
        return None

    def _sibling_at(self, doc: Doc, i: int) -> Span | None:
        """ "Ben und Phil Dörr": a lone given name sharing the next name's surname.

        Returns the lone given name with the shared surname as its ``kb_id``
        (assembly completes the name). A word after another name is that name's
        surname ("Klaus Ludwig und Harald X"), not a given name of its own."""
        if not (
            i + 2 < len(doc)
            and self._is_given(doc[i])
            and doc[i + 1].text in ("und", "&")
            and self._is_given(doc[i + 2])
        ):
            return None
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and (
            prev.text == "-" or self._is_given(prev) or prev.text in self.surnames
        ):
            return None
        end = self._full_name_at(doc, i + 2)
        if end is None:
            return None
        k = i + 2
        while k < end - 1 and (self._is_given(doc[k]) or doc[k].text == "-"):
            k += 1
        if k == i + 2:
            return None
        return Span(doc, i, i + 1, label="PER", kb_id=doc[k:end].text)

    def _siblings_by_given_name(self, doc: Doc) -> list[Span]:
        """ "die Quast-Brüder Jonas (17) und Tim (16)", "die Geschwister Quast, Jonas und
        Tim": lone given names after a family's sibling noun, each with the family name
        as its ``kb_id`` (assembly completes the name)."""
        lower = lower_forms(doc)
        spans = []
        for i, word in enumerate(lower):
            if word not in self.sibling_nouns:
                continue
            if i >= 2 and lower[i - 1] == "-" and not doc[i - 2].whitespace_:
                family, k = doc[i - 2].text, i + 1  # "Quast-Brüder"
            elif i + 1 < len(doc) and doc[i + 1].text in self.surnames:
                family, k = doc[i + 1].text, i + 2  # "Brüder Quast"
            else:
                continue
            if not self._is_capitalised(doc[i - 2 if k == i + 1 else i + 1]):
                continue
            stop = min(len(doc), k + MAX_SIBLING_SPAN)
            while k < stop and not is_sentence_start(doc[k]):
                nxt = lower[k + 1] if k + 1 < len(doc) else ""
                listed = nxt in SIBLING_NAME_ENDS or lower[k - 1] in SIBLING_NAME_ENDS
                if listed and self._is_given(doc[k]):
                    spans.append(Span(doc, k, k + 1, label="PER", kb_id=family))
                k += 1
        return spans

    def _pseudonyms(self, doc: Doc, car_starts: set[int]) -> list[Span]:
        """ "der Luxemburger „Rallyefan93“ (Citroën C2)", "Pilot ‚Maximilian‘": a quoted
        word that a nationality or driver word announces, or that the bracket of its
        car or age follows, is a driver's pseudonym (the record keeps it as written)."""
        spans = []
        lower = lower_forms(doc)
        for i in range(1, len(doc) - 2):
            if lower[i] not in OPENING_QUOTES or lower[i + 2] not in CLOSING_QUOTES:
                continue
            word = doc[i + 1]
            if not (word.text[:1].isupper() and len(word.text) >= MIN_PSEUDONYM):
                continue
            announced = doc[i - 1].text in self.places or lower[i - 1] in self.driver_roles
            bracket = i + 4 < len(doc) and doc[i + 3].text == "("
            with_car = bracket and (doc[i + 4].is_digit or i + 4 in car_starts)
            if announced or with_car or self._car_after(lower, i + 3, car_starts):
                spans.append(Span(doc, i + 1, i + 2, label="PER"))
        return spans

    def _opening_surnames(self, doc: Doc, covered: set[int]) -> list[Span]:
        """ "Brenninger gewann das Rennen": a sentence's first word before a result verb
        is a surname when no lexicon knows it as a noun, name part, place, make or
        team word, the base model does not read it as a place or organisation (a
        capitalised noun opens German sentences too: "Regen gewann die Oberhand") and
        no subject follows the verb (an adverb opens: "Erstmals gewann ein ...")."""
        texts, lower = token_texts(doc), lower_forms(doc)
        starts = sentence_starts(doc)
        other_ents = {e.start for e in doc.ents if e.label_ != "PER"}
        spans = []
        for i in _capitalised_at(doc):
            if not starts[i] or i in covered or i in other_ents or i + 1 >= len(doc):
                continue
            word = texts[i]
            if lower[i + 1] not in self.opening_surname_verbs or len(word) < MIN_PSEUDONYM:
                continue
            if i + 2 < len(doc) and lower[i + 2] in self.inverted_subject_articles:
                continue  # "Ansonsten siegte der ...": the subject follows the verb
            if self._known_word(word):
                continue
            spans.append(Span(doc, i, i + 1, label="PER"))
        return spans

    def _known_word(self, word: str) -> bool:
        """The lexicons know ``word`` as something other than a surname."""
        low = word.lower()
        return (
            low in STOP_WORDS
            or low in self.not_names_lower
            or word in self.never_names
            or word in self.given
            or word in self.places
            or word in self.track_town_words
            or low in self.makes
            or low in self.team_words
            or low in self.driver_roles
            or low in self.other_roles
            or _inflected_common_word(word, self.common_words)
            or _compound_of(word, self.common_words)
        )

    def _car_after(self, lower: list[str], at: int, car_starts: set[int]) -> bool:
        """ "‚Schorsch‘ im Porsche", "mit dem Audi": a make or car right after a car
        preposition at ``at`` (an article may stand between)."""
        if at >= len(lower) or lower[at] not in self.car_prepositions:
            return False
        car = at + 2 if at + 1 < len(lower) and lower[at + 1] in PURE_ARTICLES else at + 1
        return car in car_starts

    def _rule_names(self, doc: Doc) -> list[Span]:
        spans: list[Span] = []
        texts = token_texts(doc)
        free = 0  # the first token not taken by a name found before
        for i in _capitalised_at(doc):
            if i < free or not self._may_start_name(texts[i]):
                continue
            sibling = self._sibling_at(doc, i)
            if sibling is not None:
                spans.append(sibling)
                free = i + 2
                continue
            end = self._full_name_at(doc, i) or self._unknown_given_name_at(doc, i)
            if end is not None:
                spans.append(doc[i:end])
                free = end
        return spans

    def _capitals_surname(self, word: str) -> bool:
        """ "MÜLLER", "WEIDENFELLER": a surname written in capitals, as official lists do;
        no German function word ("FÜR", "VON"), given name, place, make or team word."""
        if not word.isalpha() or not surname_in_capitals(word):
            return False  # "GT", "HRT": a code, no surname
        name = word.capitalize()
        return name in self.surnames or not (
            word.lower() in STOP_WORDS
            or name in self.given
            or name in self.places
            or name in self.never_names
            or word.lower() in self.makes
            or word.lower() in self.team_words
        )

    def _common_word(self, word: str) -> bool:
        name = word.capitalize()
        return name not in self.surnames and (name in self.common_words or name in self.not_names)

    def _capitals_names(self, doc: Doc, covered: set[int]) -> list[Span]:
        """ "MÜLLER Thomas" (official lists) and "Thomas MÜLLER": a surname in capitals
        next to a listed given name. A surname no list knows counts only where a list
        line shows it: a position number before it or a cell boundary after it."""
        texts = token_texts(doc)
        spans = []
        for i, word in enumerate(texts):
            if i in covered or not self._capitals_surname(word):
                continue
            if (
                i + 1 < len(texts)
                and doc[i].whitespace_ == " "
                and texts[i + 1] in self.given
                and _capitalised(texts[i + 1])
            ):
                start, end = i, i + 2  # "MÜLLER Thomas"
            elif (
                i > 0
                and doc[i - 1].whitespace_ == " "
                and texts[i - 1] in self.given
                and _capitalised(texts[i - 1])
            ):
                start, end = i - 1, i + 1  # "Thomas MÜLLER"
            else:
                continue
            listed = word.capitalize() in self.surnames
            if listed or self._in_list_line(doc, start, end, self._common_word(word)):
                spans.append(doc[start:end])
        return spans

    @staticmethod
    def _in_list_line(doc: Doc, start: int, end: int, numbered_only: bool) -> bool:
        """A name standing as a list row's cell: "1. MÜLLER Thomas (Audi)"; a surname
        that is a common word too ("BRENNER") needs the row's position number."""
        texts = token_texts(doc)
        before = texts[start - 1] if start > 0 else "\n"
        after = texts[end] if end < len(texts) else "\n"
        numbered = before.rstrip(".").isdigit()
        closes = after in CAPITALS_NAME_ENDS or after.isspace() or "\n" in doc[end - 1].whitespace_
        return numbered or (closes and not numbered_only)

    def _may_start_name(self, word: str) -> bool:
        """The tests on the first word's text alone that every name rule makes
        (``_sibling_at``, ``_full_name_at``, ``_unknown_given_name_at``): most
        tokens fail them, without a Token object."""
        if not _capitalised(word):
            return False
        return word in self.given or not (
            word in self.common_words
            or word in self.never_names
            or word in self.places
            or (word in self.not_names and word not in self.surnames)
        )

    def _ner_names(self, doc: Doc) -> list[Span]:
        """PER entities of the base model, trimmed of role words and stray particles.

        The model's spans sometimes swallow a neighbour ("Klingmanns Teamgefährte
        Johansson", "Mercedes von Hamilton"); those are cut to the name part.
        """
        names = []
        for ent in doc.ents:
            if ent.label_ != "PER":
                continue
            start, end = ent.start, ent.end
            while start < end and not self._ner_name_token(doc[start], first=True):
                start += 1
            if start < end and self._opening_function_word(doc, start):
                start += 1
            while end > start and (
                doc[end - 1].lower_ in self.particles or doc[end - 1].text == "-"
            ):
                end -= 1
            end = self._before_article_noun(doc, start, end)
            if end <= start:
                continue
            if (
                end - start > 1
                and start > 0
                and doc[start - 1].text in OPENING_QUOTES
                and doc[start].text not in self.given
            ):
                continue  # opening a quote any word is capitalised ("Klasse Rennen")
            if end - start == 1 and start > ent.start and doc[start - 1].lower_ in self.makes:
                continue  # "Audi Sport": a make's division, not a person
            toks = list(doc[start:end])
            if not all(
                self._ner_name_token(t) or t.lower_ in self.particles or t.text == "-" for t in toks
            ):
                continue
            if len(toks) == 1 and (
                not self._surname_alone(toks[0].text)
                or toks[0].text in self.given
                or toks[0].text in self.common_words
                or self._after_place_word(toks[0])
                or _compound_head(toks[0])
            ):
                continue
            if end == len(doc) and not text_of(doc)[-1:].isspace():
                continue  # a name cut off by the end of a truncated text ("Ben Dör")
            names.append(doc[start:end])
        return names

    def _before_article_noun(self, doc: Doc, start: int, end: int) -> int:
        """End of a PER entity cut before "der Siegerehrung": an article or preposition
        and a common noun after a name are the sentence going on, no name particle."""
        for k in range(start + 1, end):
            j = k
            while j > start and doc[j - 1].lower_ in self.particles:
                j -= 1
            if (
                j < k
                and j > start
                and all(t.lower_ in PURE_ARTICLES for t in doc[j:k])
                and self._article_then_noun(doc[j:k], doc[k])
            ):
                return j
        return end

    def _opening_function_word(self, doc: Doc, i: int) -> bool:
        """ "„Ehrlich gesagt", "Lange führte": a German function word that opens a
        sentence or quote is capitalised there, no name (a given name stays)."""
        word = doc[i].text
        if word.lower() not in STOP_WORDS or word in self.given:
            return False
        return is_sentence_start(doc[i]) or (i > 0 and doc[i - 1].text in OPENING_QUOTES)

    def _surname_alone(self, text: str) -> bool:
        """A lone PER must be a known surname, or one by its foreign ending ("Göransson")."""
        return text in self.surnames or (
            text.endswith(self.foreign_endings)
            and text not in self.not_names
            and text.lower() not in self.not_names_lower
        )

    def _ner_name_token(self, tok: Token, first: bool = False) -> bool:
        text = tok.text
        if not self._is_capitalised(tok) or text in self.never_names or text in self.places:
            return False
        low = tok.lower_
        if (
            self._is_role_word(tok)
            or low in self.makes
            or low.rstrip("s") in self.makes  # "Audis"
            or low in self.team_words
        ):
            return False
        if first and _inflected_common_word(text, self.common_words):
            return False  # "Piloten von X": a noun is not the start of a name
        doc = tok.doc
        if first and tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
            return False  # "Mercedes-Crews von Heico": the tail of a compound
        # a genitive "Klingmanns" does not start a name
        # ... unless it is a given name too ("Laurents Hörr")
        return not (
            first
            and text.endswith("s")
            and text[:-1] in self.surnames
            and (text[:-1] not in self.given or tok.i + 1 >= len(doc) or not tok.whitespace_)
        )

    def _listed_surnames(self, doc: Doc, known_last: set[str]) -> list[Span]:
        """Bare surnames: of a full name seen earlier, in slash crews ("Ludwig/Mies"),
        in lists after a driver word ("der Piloten Krumbach, Wlazik und Gindorf"),
        on numbered result lines ("3. Blomqvist") and surnames the lexicon knows."""
        spans = []
        in_list = self._driver_lists(doc)
        texts = token_texts(doc)
        for i in _capitalised_at(doc):
            word = texts[i]
            if not (
                # what the last test below asks of the text alone: most words fail it
                word in known_last
                or (word.endswith("s") and word[:-1] in known_last)
                or i in in_list
                or word in self.surnames
                or (i > 0 and texts[i - 1] == "/")
                or (i + 1 < len(texts) and texts[i + 1] == "/")
                or (i > 0 and texts[i - 1].endswith(".") and texts[i - 1].rstrip(".").isdigit())
            ):
                continue
            tok = doc[i]
            if (
                tok.text in self.never_names
                or tok.text in self.places
                or self._after_place_word(tok)
                or _compound_head(tok)
                or _compound_tail(tok)
            ):
                continue
            text = tok.text
            base = text[:-1] if text.endswith("s") and text[:-1] in known_last else text
            can_be_name = text in self.surnames or text not in self.not_names
            slash = self._slash_listed(tok) and can_be_name and not self._in_details(tok)
            # "12. Juni:" opens a line too: a numbered line needs a word that can be a name
            numbered = (
                self._numbered_line_start(tok) and can_be_name and tok.lower_ not in self.months
            )
            if (
                base in known_last
                or slash
                or tok.i in in_list
                or numbered
                or self._lexicon_surname(tok)
            ):
                spans.append(doc[self._particles_before(tok) : tok.i + 1])
        return spans

    def _slash_listed(self, tok: Token) -> bool:
        """ "Ludwig/Mies": next to a slash, unless the other side is a country or
        a common word ("Kanada / Montreal", "Tag/Datum")."""
        doc = tok.doc
        found = False
        for slash, other in ((tok.i - 1, tok.i - 2), (tok.i + 1, tok.i + 2)):
            if not (0 <= slash < len(doc) and doc[slash].text == "/"):
                continue
            found = True
            word = doc[other].text if 0 <= other < len(doc) else ""
            if word in self.places or (
                word in self.not_names
                and word not in self.surnames
                and word.lower() not in self.makes  # "Sainz/Mini": driver and car
            ):
                return False
        return found

    def _particles_before(self, tok: Token) -> int:
        """Start of a bare surname with its foreign particles ("/van der Zande/")."""
        doc = tok.doc
        start = tok.i
        while start > 0 and doc[start - 1].text in FOREIGN_PARTICLES:
            start -= 1
        if start == tok.i or doc[start].text not in UNAMBIGUOUS_PARTICLES:
            return tok.i
        if start > 0 and self._is_capitalised(doc[start - 1]):
            return tok.i  # "Nyck de Vries" is read by the full-name rule
        return start

    def _lexicon_surname(self, tok: Token) -> bool:
        """A listed surname standing alone, where it cannot be a common word or a place."""
        text = tok.text
        return (
            text in self.surnames
            and text not in self.not_names
            and text not in self.common_words
            and text not in self.given
            and not is_sentence_start(tok)
            and not (tok.i > 0 and tok.doc[tok.i - 1].text in OPENING_QUOTES)
            and not self._after_place_word(tok)
        )

    def _after_make(self, tok: Token) -> bool:
        """ "Audi Rosberg", "BMW Schnitzer": a bare name right after a make is the
        make's team."""
        if tok.i == 0:
            return False
        before = tok.doc[tok.i - 1]
        return before.whitespace_ == " " and before.lower_ in self.makes

    def _after_place_word(self, tok: Token) -> bool:
        """ "aus Weiden", "in Aachen": a hometown, not a person."""
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ in self.place_prepositions

    @staticmethod
    def _in_details(tok: Token) -> bool:
        """ "(25, Villingen / Team X)": hometown and team in the bracket of details
        that opens with the age, no crew of two drivers."""
        doc = tok.doc
        i = tok.i - 1
        while i > 0 and tok.i - i < 12 and doc[i].text not in ("(", ")", "\n"):
            i -= 1
        if doc[i].text != "(" or i + 2 >= tok.i:
            return False
        # "(25, Villingen / Team X)", "(Hemsbach, Sponsor/Team)": details, no crew
        return (doc[i + 1].is_digit and doc[i + 2].text == ",") or any(
            t.text == "," for t in doc[i + 1 : tok.i]
        )

    def _numbered_line_start(self, tok: Token) -> bool:
        """ "3. Blomqvist" at the start of a line of a result list."""
        doc = tok.doc
        if tok.i < 1 or not doc[tok.i - 1].text.rstrip(".").isdigit():
            return False
        if not doc[tok.i - 1].text.endswith("."):
            return False
        line_start = text_of(doc).rfind("\n", 0, doc[tok.i - 1].idx) + 1
        return not text_of(doc)[line_start : doc[tok.i - 1].idx].strip()

    def _driver_lists(self, doc: Doc) -> set[int]:
        """Token indices of capitalised words listed right after a driver word."""
        found: set[int] = set()
        for at, low in enumerate(lower_forms(doc)):
            word = low.rsplit("-", 1)[-1]
            if word not in self.driver_roles:
                continue
            i = at + 1
            members: list[int] = []
            while i < len(doc):
                cur = doc[i]
                if (
                    self._is_capitalised(cur)
                    and cur.text not in self.never_names
                    and not self._is_role_word(cur)
                ):
                    members.append(i)
                    i += 1
                elif cur.text in (",", "/", "und", "sowie") and members:
                    i += 1
                else:
                    break
            if len(members) >= 2:
                found.update(members)
            elif members and self._lone_name_after_role(doc, members[0]):
                found.add(members[0])
        return found

    def _lone_name_after_role(self, doc: Doc, i: int) -> bool:
        """ "mit Copilot Bauer", "Teamkollege Kessler": one word after a driver word is
        a surname when a list knows it as one, or no list knows it as a common word,
        place, given name or month ("Pilot Sonntag" stays a weekday)."""
        text = doc[i].text
        if i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_:
            return False  # "Fahrer Show-Programm": a compound's head
        if (
            text in self.places
            or text in self.given
            or text in self.track_town_words
            or text.lower() in self.months
        ):
            return False
        if text in self.surnames:
            return text not in self.never_names
        return not (
            text in self.not_names
            or _inflected_common_word(text, self.common_words)
            or _compound_of(text, self.common_words)
        )

    # -- roles -------------------------------------------------------------
    def _role_label(self, span: Span) -> str:
        doc = span.doc
        if _byline(span):
            return "PERSON"
        lowers = lower_forms(doc)
        for i in range(span.start - 1, max(0, span.start - 3) - 1, -1):  # the 3 words before
            word = lowers[i]
            if self._other_role_word(word):
                return "DRIVER" if self._driver_and_role(doc, i) else "PERSON"
            if word in self.driver_roles:
                return "DRIVER"
        if self._team_owner(span) or self._writers_colleague(span):
            return "PERSON"
        end = span.end
        if (
            end + 1 < len(doc)
            and lowers[end] == ","
            and self._other_role_word(lowers[end + 1])
            and lowers[end + 1] not in self.kin_nouns  # "A, Bruder von B": a relative
        ):
            return "PERSON"
        return "DRIVER"

    def _driver_and_role(self, doc: Doc, role: int) -> bool:
        """ "Rennfahrer und Sportleiter X", "Teamchef und Fahrer X": a driver word joined
        to the role by "und" makes the person a driver too (who drives counts)."""
        lower = lower_forms(doc)
        start = max(0, role - MAX_ROLE_PAIR)
        words = lower[start:role]
        if "und" not in words and "sowie" not in words:
            return False
        return any(w.rsplit("-", 1)[-1] in self.driver_roles for w in words)

    def _other_role_word(self, word: str) -> bool:
        return word in self.other_roles or word.endswith(self.role_suffixes)

    def _writers_colleague(self, span: Span) -> bool:
        """ "Meine Kollegen A und B berichten": the writer's colleagues, no drivers
        (a driver's are "seine Kollegen", "Teamkollege")."""
        doc = span.doc
        return (
            span.start >= 2
            and doc[span.start - 1].lower_ in self.writer_colleagues
            and doc[span.start - 2].lower_.startswith(self.writer_possessives)
        )

    def _team_owner(self, span: Span) -> bool:
        """ "das Team von Lukas Maier", "Team X Racing von Lukas Maier": the owner."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text != "von":
            return False
        i = span.start - 2
        while i > 0 and span.start - i <= 5 and (_capitalised(doc[i].text) or doc[i].is_upper):
            if doc[i].lower_ in self.team_nouns:
                return True
            i -= 1
        return False

    def __call__(self, doc: Doc) -> Doc:
        found = self._rule_names(doc) + self._siblings_by_given_name(doc)
        if self.use_ner:
            found += self._ner_names(doc)
        others = candidate_rows(doc, "TEAM", "TRACK", "SERIES", "MAKE", "EVENT")
        taken = {c[0] for c in others}
        car_starts = {c[0] for c in candidate_rows(doc, "MAKE", "CAR", "CAR_MODEL")}
        pseudonyms = self._pseudonyms(doc, car_starts)
        found += pseudonyms
        found = [self._after_glued_place(s) for s in found]
        found = [self._before_entity(s, taken) for s in found]
        # a name with exactly the extent of a make, team, ... ("Aston Martin": the base
        # model reads a given name in it) is that thing, not a person
        same_extent = {(c[0], c[1]) for c in others}
        # ... nor does it lend its last word as a bare surname ("Scherer Sport")
        known_last = {
            s[-1].text for s in found if len(s) > 1 and (s.start, s.end) not in same_extent
        }
        covered = {i for c in others for i in range(c[0], c[1])}
        covered |= {i for s in found for i in range(s.start, s.end)}
        capitals = self._capitals_names(doc, covered)
        # "MÜLLER Thomas" lends "Müller" as a later bare surname, not "Thomas"
        known_last |= {
            w.capitalize() for s in capitals for w in (s[0].text, s[-1].text) if w.isupper()
        }
        found += capitals
        found += self._opening_surnames(doc, covered)
        found += self._listed_surnames(doc, known_last)
        found = self._with_leading_family_names(found)
        # "von Scherer" where the text also writes "Scherer-Audi": a one-word team
        # named elsewhere, unless a full name of the text ends in it
        texts = token_texts(doc)
        team_words = {texts[c[0]] for c in others if c[2] == "TEAM" and c[1] - c[0] == 1}
        team_words -= known_last
        spans: list[Span] = []
        bracket_end = -1
        for span in sorted(found, key=lambda s: (s.start, -len(s))):
            if (span.start, span.end) in same_extent or (len(span) == 1 and span.start in taken):
                continue
            if len(span) == 1 and span.text in team_words:
                continue
            if span.start < bracket_end or (spans and self._bracketed_after_name(span, spans[-1])):
                bracket_end = max(bracket_end, span.end)  # and its surname alone
                continue
            if _cut_off(span) or self._in_town(span) or _event_name(span, self.event_nouns):
                continue
            if len(span) == 1 and self._after_make(span[0]):
                continue
            label = self._role_label(span)
            if label == "DRIVER" and any(self._coordinated(s, span) for s in spans[-3:]):
                label = "PERSON"  # "Teamchefs A und B": B is no driver either
            spans.append(Span(doc, span.start, span.end, label=label, kb_id=span.kb_id_))
        add_candidates(doc, spans)
        return doc

    def _after_glued_place(self, span: Span) -> Span:
        """ "MarrakeschD'Ambrosio": a flattened table's venue or country cell glued
        to the name (``gtx_glued`` split them) is no part of the name."""
        doc = span.doc
        start = span.start
        while (
            start < span.end - 1
            and not doc[start].whitespace_
            and (doc[start].text in self.track_towns or doc[start].text in self.places)
        ):
            start += 1
        if start == span.start:
            return span
        return Span(doc, start, span.end, label=span.label, kb_id=span.kb_id)

    @staticmethod
    def _before_entity(span: Span, taken: set[int]) -> Span:
        """ "Jonas Quast Brenner Motorsport": a name's third word that starts a team
        (or make, series ...) belongs to it, not to the name."""
        for i in range(span.start + 2, span.end):
            if i in taken:
                return Span(span.doc, span.start, i, label=span.label, kb_id=span.kb_id)
        return span

    @staticmethod
    def _bracketed_after_name(span: Span, before: Span) -> bool:
        """ "Jonas Quast (Hans Beck)": a name filling the bracket right after a
        person's name is the car's entrant or sponsor, not a second person."""
        doc = span.doc
        return (
            span.start >= 1
            and before.end == span.start - 1
            and doc[span.start - 1].text == "("
            and span.end < len(doc)
            and doc[span.end].text == ")"
        )

    def _with_leading_family_names(self, found: list[Span]) -> list[Span]:
        """ "3. Guan Zhou Yu": on a numbered line a word before a two-word name is
        its family name written first; the three words are one name."""
        longer = {s.start: s for s in found if len(s) > 1}
        out = []
        for s in found:
            nxt = longer.get(s.end)
            if (
                len(s) == 1
                and nxt is not None
                and s[0].whitespace_ == " "
                and self._numbered_line_start(s[0])
            ):
                s = Span(s.doc, s.start, nxt.end, label=nxt.label, kb_id=nxt.kb_id)
            out.append(s)
        return out

    def _in_town(self, span: Span) -> bool:
        """ "Montreal", "New York": the span is a circuit's town or a word of it."""
        doc = span.doc
        if doc[span.start].text not in self.track_town_words:
            return False
        return any(
            doc[max(0, span.start - before) : span.end + after].text in self.track_towns
            for before in (0, 1)
            for after in (0, 1)
        )

    @staticmethod
    def _coordinated(first: Span, second: Span) -> bool:
        """ "A und B", "A & B": two full names joined, the second without a role of its own."""
        doc = first.doc
        return (
            first.label_ == "PERSON"
            and len(first) > 1
            and len(second) > 1
            and second.start == first.end + 1
            and doc[first.end].text in ("und", "&")
        )


@Language.factory(
    "gtx_people",
    default_config={"use_ner": True},
    assigns=[contract.SPANS],
    requires=[contract.SPANS, contract.SENTS],
)
def make_people(nlp: Language, name: str, use_ner: bool) -> PeopleFinder:
    return PeopleFinder(name, use_ner)
