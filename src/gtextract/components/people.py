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
from typing import NamedTuple

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.spans import (
    Row,
    add_candidates,
    candidate_rows,
    lower_forms,
    sentence_starts,
    span_text,
    text_of,
    token_offsets,
    token_spaces,
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
        # the cheap first test before the cached one: most tokens are not capitalised
        found = doc.user_data["gtx_capitalised"] = [
            i for i, word in enumerate(texts) if word[:1].isupper() and _capitalised(word)
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


class _Words(NamedTuple):
    """A Doc's per-token columns (the cached lists of ``spans``), read once per call:
    the rules test words by index, so no Token object is built per word."""

    doc: Doc
    texts: list[str]
    lowers: list[str]
    spaces: list[int]  # 1 where a space follows (``whitespace_ == " "``)
    offsets: list[int]
    text: str


def _words(doc: Doc) -> _Words:
    return _Words(
        doc, token_texts(doc), lower_forms(doc), token_spaces(doc), token_offsets(doc), text_of(doc)
    )


# a found name: (start, end, kb_id); a Span is built only for the names kept
Name = tuple[int, int, str]


def _compound_head(w: _Words, i: int) -> bool:
    """ "Grundig-Kehre": a word hyphen-fused to the next is a modifier, not a person."""
    return (
        i + 2 < len(w.texts) and w.texts[i + 1] == "-" and not w.spaces[i] and not w.spaces[i + 1]
    )


def _byline(w: _Words, start: int, end: int) -> bool:
    """The author: "Von Markus Muster" alone on a line, "• von A & B", "Verfasst von
    A. Veröffentlicht in ...", or "A am 02.05.2019 um 09:41" opening a post."""
    text = w.text
    start_char = w.offsets[start]
    end_char = w.offsets[end - 1] + len(w.texts[end - 1])
    line_start = text.rfind("\n", 0, start_char) + 1
    line_end = text.find("\n", end_char)
    line_end = len(text) if line_end == -1 else line_end
    before = text[line_start:start_char].lstrip(BULLETS)
    after = text[end_char:line_end]
    if not before:
        return bool(POSTED_AT.match(after))
    if not BYLINE_BEFORE.match(before):
        return False
    return before.lower().startswith(("verfasst", "geschrieben")) or bool(BYLINE_AFTER.match(after))


def _cut_off(w: _Words, start: int, end: int) -> bool:
    """ "Max Ver" ending a truncated text: its last word begins a longer word of the
    text ("Verstappen"), so the name was cut."""
    texts = w.texts
    last = end
    while last < len(texts) and texts[last].isspace():
        last += 1
    if last < len(texts):
        return False
    word = texts[end - 1]
    if len(word) <= MAX_CUT_WORD:
        return True  # "Max Ver": no surname is this short
    return any(t != word and t.startswith(word) for t in texts[:start])


def _event_name(w: _Words, start: int, event_nouns: Collection[str]) -> bool:
    """ "Rallye Erzgebirge", "ADAC-Rallye Stemweder Berg": the words after an event
    noun name the event."""
    i = start - 1
    # "Rallye Erzgebirge Historic": a later word of the name too
    while i >= 0 and start - i <= 3:
        if not w.spaces[i]:
            return False
        if w.lowers[i].rsplit("-", 1)[-1] in event_nouns:
            return True
        if not _capitalised(w.texts[i]):
            return False
        i -= 1
    return False


def _compound_tail(w: _Words, i: int) -> bool:
    """ "Annaberg-Buchholz", "Estner-Brüder": the word after a glued hyphen."""
    texts, spaces = w.texts, w.spaces
    return (
        i > 1
        and texts[i - 1] == "-"
        and not spaces[i - 1]
        and not spaces[i - 2]
        and texts[i - 2][:1].isupper()
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

    # -- word tests (on a token's text and lower form) ---------------------
    def _is_surname(self, text: str, lower: str) -> bool:
        if not _capitalised(text) or text in self.places:
            return False
        if text in self.surnames:
            return True
        return text not in self.not_names and lower not in self.not_names_lower

    def _is_surname_after_given(self, text: str) -> bool:
        """After a given name any capitalised word but the report vocabulary is a surname."""
        return (
            _capitalised(text)
            and text not in self.never_names
            and text not in self.places
            and text not in self.given_or_role
        )

    def _is_given(self, text: str) -> bool:
        return _capitalised(text) and text in self.given

    def _is_role_word(self, text: str, lower: str) -> bool:
        """A role noun or a compound ending in one ("Rallyechef", "Tagessieger"),
        unless it is a listed name ("Hofmeister")."""
        low = lower.rsplit("-", 1)[-1]
        if text in self.surnames or text in self.given:
            return low in self.other_roles or low in self.driver_roles
        return (
            low in self.other_roles
            or low in self.driver_roles
            or low.endswith(self.role_suffixes)
            or low.endswith(self.driver_role_suffixes)
        )

    # -- rules -------------------------------------------------------------
    def _full_name_at(self, w: _Words, i: int) -> int | None:
        """End of a "Given [Given] [particles] Surname [Surname]" name starting at i."""
        t, lo, sp = w.texts, w.lowers, w.spaces
        n = len(t)
        if not self._is_given(t[i]):
            return None
        j = i + 1
        # hyphenated or double given names: "Hans-Joachim", "Jan Erik"
        while j + 1 < n and t[j] == "-" and self._is_given(t[j + 1]):
            j += 2
        if (
            j == i + 1
            and j + 2 < n
            and t[j] == "-"
            and not sp[i]
            and not sp[j]
            and _capitalised(t[j + 1])
            and t[j + 1] not in self.surnames
            and not self._is_role_word(t[j + 1], lo[j + 1])  # "Aston-Martin-Pilot Jonas"
            and sp[j + 1]
            and self._is_surname(t[j + 2], lo[j + 2])
        ):
            j += 2  # "Paul-Loup Chatin": a French double given name
        if j < n and self._is_given(t[j]) and j + 1 < n and self._is_surname(t[j + 1], lo[j + 1]):
            j += 1
        if (
            j + 3 < n
            and t[j] in OPENING_QUOTES
            and t[j + 2] in CLOSING_QUOTES
            and _capitalised(t[j + 1])
            and t[j + 3] in self.surnames
        ):
            j += 3  # 'Christian „Schmiddi“ Brenninger': a nickname between the names
        k = j
        while k < n and lo[k] in self.particles and t[k] != "und":
            k += 1
        if k >= n or not self._is_surname_after_given(t[k]):
            return None
        if k > j and self._article_then_noun(lo[j:k], t[k]):
            return None
        end = k + 1
        # "von Thurn und Taxis"; double-barrelled "Müller-Lüdenscheidt"
        while end + 1 < n and t[end] == "und" and k > j:
            if not self._is_surname_after_given(t[end + 1]):  # "von Thurn und Taxis"
                break
            if self._is_given(t[end + 1]):  # "da Costa und Kevin X": a second person
                break
            end += 2
        while (
            end + 1 < n
            and t[end] == "-"
            and not sp[end]
            and not sp[end - 1]
            and self._is_surname(t[end + 1], lo[end + 1])
            and not self._is_role_word(t[end + 1], lo[end + 1])  # "Red Bull-Motorsportberater"
        ):
            end += 2
        extra = 0
        while (
            end < n
            and extra < MAX_EXTRA_SURNAME_TOKENS
            and self._is_surname(t[end], lo[end])
            and not self._is_role_word(t[end], lo[end])
            and t[end] not in self.given
            and sp[end - 1]
        ):
            end += 1
            extra += 1
        return end

    def _article_then_noun(self, part_lowers: list[str], word: str) -> bool:
        """ "Jonas den Bremspunkt", "Lena zum Turm": a German article or
        preposition before a common noun is no name particle."""
        return (
            all(p in ARTICLE_PARTICLES for p in part_lowers)
            and word not in self.surnames
            and (
                word in self.not_names
                or _inflected_common_word(word, self.common_words)
                or _compound_of(word, self.common_words)
            )
        )

    def _unknown_given_name_at(self, w: _Words, i: int) -> int | None:
        """Names whose given name no list knows, where the shape says "person":
        "Mathis de Vries" (particle), "Aurelio Bassani (23, ...)" (details in
        brackets), "Tabellenführer Aurelio Bassani" (driver word before)."""
        t, lo = w.texts, w.lowers
        n = len(t)
        first = t[i]
        if (
            not _capitalised(first)
            or first in self.common_words
            or first in self.never_names
            or first in self.places
            or (first in self.not_names and first not in self.surnames)
            or _compound_tail(w, i)
            or self._is_role_word(first, lo[i])
        ):
            return None
        k = i + 1
        while k < n and t[k] in FOREIGN_PARTICLES:
            k += 1
        if k >= n or not self._is_surname_after_given(t[k]):
            return None
        if t[k] in self.common_words and k == i + 1:
            return None
        end = k + 1
        with_particle = k > i + 1 and t[i + 1] in UNAMBIGUOUS_PARTICLES
        # "(23, ...)" or the team "(Quast Motorsport)"
        with_details = (
            end + 1 < n
            and t[end] == "("
            and (
                t[end + 1].isdigit() or (_capitalised(t[end + 1]) and lo[end + 1] not in self.makes)
            )
        )
        before = lo[i - 1].rsplit("-", 1)[-1] if i > 0 else ""
        with_role = before in self.driver_roles
        if with_particle or with_details or with_role:
            return end
        return None

    def _sibling_at(self, w: _Words, i: int) -> Name | None:
        """ "Ben und Phil Dörr": a lone given name sharing the next name's surname.

        Returns the lone given name with the shared surname as its ``kb_id``
        (assembly completes the name). A word after another name is that name's
        surname ("Klaus Ludwig und Harald X"), not a given name of its own."""
        t = w.texts
        if not (
            i + 2 < len(t)
            and self._is_given(t[i])
            and t[i + 1] in ("und", "&")
            and self._is_given(t[i + 2])
        ):
            return None
        prev = t[i - 1] if i > 0 else None
        if prev is not None and (prev == "-" or self._is_given(prev) or prev in self.surnames):
            return None
        end = self._full_name_at(w, i + 2)
        if end is None:
            return None
        k = i + 2
        while k < end - 1 and (self._is_given(t[k]) or t[k] == "-"):
            k += 1
        if k == i + 2:
            return None
        return (i, i + 1, span_text(w.doc, k, end))

    def _siblings_by_given_name(self, w: _Words) -> list[Name]:
        """ "die Quast-Brüder Jonas (17) und Tim (16)", "die Geschwister Quast, Jonas und
        Tim": lone given names after a family's sibling noun, each with the family name
        as its ``kb_id`` (assembly completes the name)."""
        t, lower, sp = w.texts, w.lowers, w.spaces
        n = len(t)
        names = []
        for i, word in enumerate(lower):
            if word not in self.sibling_nouns:
                continue
            if i >= 2 and lower[i - 1] == "-" and not sp[i - 2]:
                family, k = t[i - 2], i + 1  # "Quast-Brüder"
            elif i + 1 < n and t[i + 1] in self.surnames:
                family, k = t[i + 1], i + 2  # "Brüder Quast"
            else:
                continue
            if not _capitalised(t[i - 2 if k == i + 1 else i + 1]):
                continue
            starts = sentence_starts(w.doc)
            stop = min(n, k + MAX_SIBLING_SPAN)
            while k < stop and not starts[k]:
                nxt = lower[k + 1] if k + 1 < n else ""
                listed = nxt in SIBLING_NAME_ENDS or lower[k - 1] in SIBLING_NAME_ENDS
                if listed and self._is_given(t[k]):
                    names.append((k, k + 1, family))
                k += 1
        return names

    def _pseudonyms(self, w: _Words, car_starts: set[int]) -> list[Name]:
        """ "der Luxemburger „Rallyefan93“ (Citroën C2)", "Pilot ‚Maximilian‘": a quoted
        word that a nationality or driver word announces, or that the bracket of its
        car or age follows, is a driver's pseudonym (the record keeps it as written)."""
        names = []
        t, lower = w.texts, w.lowers
        n = len(t)
        for i in range(1, n - 2):
            if lower[i] not in OPENING_QUOTES or lower[i + 2] not in CLOSING_QUOTES:
                continue
            word = t[i + 1]
            if not (word[:1].isupper() and len(word) >= MIN_PSEUDONYM):
                continue
            announced = t[i - 1] in self.places or lower[i - 1] in self.driver_roles
            bracket = i + 4 < n and t[i + 3] == "("
            with_car = bracket and (t[i + 4].isdigit() or i + 4 in car_starts)
            if announced or with_car or self._car_after(lower, i + 3, car_starts):
                names.append((i + 1, i + 2, ""))
        return names

    def _opening_surnames(self, w: _Words, covered: set[int]) -> list[Name]:
        """ "Brenninger gewann das Rennen": a sentence's first word before a result verb
        is a surname when no lexicon knows it as a noun, name part, place, make or
        team word, the base model does not read it as a place or organisation (a
        capitalised noun opens German sentences too: "Regen gewann die Oberhand") and
        no subject follows the verb (an adverb opens: "Erstmals gewann ein ...")."""
        texts, lower = w.texts, w.lowers
        n = len(texts)
        starts = sentence_starts(w.doc)
        other_ents = {e.start for e in w.doc.ents if e.label_ != "PER"}
        names: list[Name] = []
        for i in _capitalised_at(w.doc):
            if not starts[i] or i in covered or i in other_ents or i + 1 >= n:
                continue
            word = texts[i]
            if lower[i + 1] not in self.opening_surname_verbs or len(word) < MIN_PSEUDONYM:
                continue
            if i + 2 < n and lower[i + 2] in self.inverted_subject_articles:
                continue  # "Ansonsten siegte der ...": the subject follows the verb
            if self._known_word(word):
                continue
            names.append((i, i + 1, ""))
        return names

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

    def _rule_names(self, w: _Words) -> list[Name]:
        names: list[Name] = []
        texts = w.texts
        free = 0  # the first token not taken by a name found before
        for i in _capitalised_at(w.doc):
            if i < free or not self._may_start_name(texts[i]):
                continue
            sibling = self._sibling_at(w, i)
            if sibling is not None:
                names.append(sibling)
                free = i + 2
                continue
            end = self._full_name_at(w, i) or self._unknown_given_name_at(w, i)
            if end is not None:
                names.append((i, end, ""))
                free = end
        return names

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

    def _capitals_names(self, w: _Words, covered: set[int]) -> list[Name]:
        """ "MÜLLER Thomas" (official lists) and "Thomas MÜLLER": a surname in capitals
        next to a listed given name. A surname no list knows counts only where a list
        line shows it: a position number before it or a cell boundary after it."""
        texts, spaces = w.texts, w.spaces
        names = []
        for i, word in enumerate(texts):
            # ``isupper`` first: ``_capitals_surname`` asks it too, and most words fail it
            if not word.isupper() or i in covered or not self._capitals_surname(word):
                continue
            if (
                i + 1 < len(texts)
                and spaces[i]
                and texts[i + 1] in self.given
                and _capitalised(texts[i + 1])
            ):
                start, end = i, i + 2  # "MÜLLER Thomas"
            elif (
                i > 0
                and spaces[i - 1]
                and texts[i - 1] in self.given
                and _capitalised(texts[i - 1])
            ):
                start, end = i - 1, i + 1  # "Thomas MÜLLER"
            else:
                continue
            listed = word.capitalize() in self.surnames
            if listed or self._in_list_line(texts, start, end, self._common_word(word)):
                names.append((start, end, ""))
        return names

    @staticmethod
    def _in_list_line(texts: list[str], start: int, end: int, numbered_only: bool) -> bool:
        """A name standing as a list row's cell: "1. MÜLLER Thomas (Audi)"; a surname
        that is a common word too ("BRENNER") needs the row's position number."""
        before = texts[start - 1] if start > 0 else "\n"
        after = texts[end] if end < len(texts) else "\n"
        numbered = before.rstrip(".").isdigit()
        # a line break is a token of its own ("\n" is never a token's trailing space)
        closes = after in CAPITALS_NAME_ENDS or after.isspace()
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

    def _ner_names(self, w: _Words) -> list[Name]:
        """PER entities of the base model, trimmed of role words and stray particles.

        The model's spans sometimes swallow a neighbour ("Klingmanns Teamgefährte
        Johansson", "Mercedes von Hamilton"); those are cut to the name part.
        """
        t, lo = w.texts, w.lowers
        names: list[Name] = []
        for ent in w.doc.ents:
            if ent.label_ != "PER":
                continue
            ent_start = start = ent.start
            end = ent.end
            while start < end and not self._ner_name_token(w, start, first=True):
                start += 1
            if start < end and self._opening_function_word(w, start):
                start += 1
            while end > start and (lo[end - 1] in self.particles or t[end - 1] == "-"):
                end -= 1
            end = self._before_article_noun(w, start, end)
            if end <= start:
                continue
            if (
                end - start > 1
                and start > 0
                and t[start - 1] in OPENING_QUOTES
                and t[start] not in self.given
            ):
                continue  # opening a quote any word is capitalised ("Klasse Rennen")
            if end - start == 1 and start > ent_start and lo[start - 1] in self.makes:
                continue  # "Audi Sport": a make's division, not a person
            if not all(
                self._ner_name_token(w, k) or lo[k] in self.particles or t[k] == "-"
                for k in range(start, end)
            ):
                continue
            if end - start == 1 and (
                not self._surname_alone(t[start])
                or t[start] in self.given
                or t[start] in self.common_words
                or self._after_place_word(w, start)
                or _compound_head(w, start)
            ):
                continue
            if end == len(t) and not w.text[-1:].isspace():
                continue  # a name cut off by the end of a truncated text ("Ben Dör")
            names.append((start, end, ""))
        return names

    def _before_article_noun(self, w: _Words, start: int, end: int) -> int:
        """End of a PER entity cut before "der Siegerehrung": an article or preposition
        and a common noun after a name are the sentence going on, no name particle."""
        lo = w.lowers
        for k in range(start + 1, end):
            j = k
            while j > start and lo[j - 1] in self.particles:
                j -= 1
            if (
                j < k
                and j > start
                and all(low in PURE_ARTICLES for low in lo[j:k])
                and self._article_then_noun(lo[j:k], w.texts[k])
            ):
                return j
        return end

    def _opening_function_word(self, w: _Words, i: int) -> bool:
        """ "„Ehrlich gesagt", "Lange führte": a German function word that opens a
        sentence or quote is capitalised there, no name (a given name stays)."""
        word = w.texts[i]
        if word.lower() not in STOP_WORDS or word in self.given:
            return False
        return bool(sentence_starts(w.doc)[i]) or (i > 0 and w.texts[i - 1] in OPENING_QUOTES)

    def _surname_alone(self, text: str) -> bool:
        """A lone PER must be a known surname, or one by its foreign ending ("Göransson")."""
        return text in self.surnames or (
            text.endswith(self.foreign_endings)
            and text not in self.not_names
            and text.lower() not in self.not_names_lower
        )

    def _ner_name_token(self, w: _Words, i: int, first: bool = False) -> bool:
        text = w.texts[i]
        if not _capitalised(text) or text in self.never_names or text in self.places:
            return False
        low = w.lowers[i]
        if (
            self._is_role_word(text, low)
            or low in self.makes
            or low.rstrip("s") in self.makes  # "Audis"
            or low in self.team_words
        ):
            return False
        if first and _inflected_common_word(text, self.common_words):
            return False  # "Piloten von X": a noun is not the start of a name
        if first and i > 1 and w.texts[i - 1] == "-" and not w.spaces[i - 1]:
            return False  # "Mercedes-Crews von Heico": the tail of a compound
        # a genitive "Klingmanns" does not start a name
        # ... unless it is a given name too ("Laurents Hörr")
        return not (
            first
            and text.endswith("s")
            and text[:-1] in self.surnames
            and (text[:-1] not in self.given or i + 1 >= len(w.texts) or not w.spaces[i])
        )

    def _listed_surnames(self, w: _Words, known_last: set[str]) -> list[Name]:
        """Bare surnames: of a full name seen earlier, in slash crews ("Ludwig/Mies"),
        in lists after a driver word ("der Piloten Krumbach, Wlazik und Gindorf"),
        on numbered result lines ("3. Blomqvist") and surnames the lexicon knows."""
        names: list[Name] = []
        in_list = self._driver_lists(w)
        texts = w.texts
        for i in _capitalised_at(w.doc):
            text = texts[i]
            if not (
                # what the last test below asks of the text alone: most words fail it
                text in known_last
                or (text.endswith("s") and text[:-1] in known_last)
                or i in in_list
                or text in self.surnames
                or (i > 0 and texts[i - 1] == "/")
                or (i + 1 < len(texts) and texts[i + 1] == "/")
                or (i > 0 and texts[i - 1].endswith(".") and texts[i - 1].rstrip(".").isdigit())
            ):
                continue
            if (
                text in self.never_names
                or text in self.places
                or self._after_place_word(w, i)
                or _compound_head(w, i)
                or _compound_tail(w, i)
            ):
                continue
            base = text[:-1] if text.endswith("s") and text[:-1] in known_last else text
            can_be_name = text in self.surnames or text not in self.not_names
            slash = self._slash_listed(w, i) and can_be_name and not self._in_details(w, i)
            # "12. Juni:" opens a line too: a numbered line needs a word that can be a name
            numbered = (
                self._numbered_line_start(w, i) and can_be_name and w.lowers[i] not in self.months
            )
            if (
                base in known_last
                or slash
                or i in in_list
                or numbered
                or self._lexicon_surname(w, i)
            ):
                names.append((self._particles_before(w, i), i + 1, ""))
        return names

    def _slash_listed(self, w: _Words, i: int) -> bool:
        """ "Ludwig/Mies": next to a slash, unless the other side is a country or
        a common word ("Kanada / Montreal", "Tag/Datum")."""
        texts = w.texts
        n = len(texts)
        found = False
        for slash, other in ((i - 1, i - 2), (i + 1, i + 2)):
            if not (0 <= slash < n and texts[slash] == "/"):
                continue
            found = True
            word = texts[other] if 0 <= other < n else ""
            if word in self.places or (
                word in self.not_names
                and word not in self.surnames
                and word.lower() not in self.makes  # "Sainz/Mini": driver and car
            ):
                return False
        return found

    def _particles_before(self, w: _Words, i: int) -> int:
        """Start of a bare surname with its foreign particles ("/van der Zande/")."""
        texts = w.texts
        start = i
        while start > 0 and texts[start - 1] in FOREIGN_PARTICLES:
            start -= 1
        if start == i or texts[start] not in UNAMBIGUOUS_PARTICLES:
            return i
        if start > 0 and _capitalised(texts[start - 1]):
            return i  # "Nyck de Vries" is read by the full-name rule
        return start

    def _lexicon_surname(self, w: _Words, i: int) -> bool:
        """A listed surname standing alone, where it cannot be a common word or a place."""
        text = w.texts[i]
        return (
            text in self.surnames
            and text not in self.not_names
            and text not in self.common_words
            and text not in self.given
            and not sentence_starts(w.doc)[i]
            and not (i > 0 and w.texts[i - 1] in OPENING_QUOTES)
            and not self._after_place_word(w, i)
        )

    def _after_make(self, w: _Words, i: int) -> bool:
        """ "Audi Rosberg", "BMW Schnitzer": a bare name right after a make is the
        make's team."""
        return i > 0 and bool(w.spaces[i - 1]) and w.lowers[i - 1] in self.makes

    def _after_place_word(self, w: _Words, i: int) -> bool:
        """ "aus Weiden", "in Aachen": a hometown, not a person."""
        return i > 0 and w.lowers[i - 1] in self.place_prepositions

    @staticmethod
    def _in_details(w: _Words, at: int) -> bool:
        """ "(25, Villingen / Team X)": hometown and team in the bracket of details
        that opens with the age, no crew of two drivers."""
        texts = w.texts
        i = at - 1
        while i > 0 and at - i < 12 and texts[i] not in ("(", ")", "\n"):
            i -= 1
        if texts[i] != "(" or i + 2 >= at:
            return False
        # "(25, Villingen / Team X)", "(Hemsbach, Sponsor/Team)": details, no crew
        return (texts[i + 1].isdigit() and texts[i + 2] == ",") or "," in texts[i + 1 : at]

    def _numbered_line_start(self, w: _Words, i: int) -> bool:
        """ "3. Blomqvist" at the start of a line of a result list."""
        texts = w.texts
        if i < 1 or not texts[i - 1].rstrip(".").isdigit():
            return False
        if not texts[i - 1].endswith("."):
            return False
        at = w.offsets[i - 1]
        line_start = w.text.rfind("\n", 0, at) + 1
        return not w.text[line_start:at].strip()

    def _driver_lists(self, w: _Words) -> set[int]:
        """Token indices of capitalised words listed right after a driver word."""
        texts, lowers = w.texts, w.lowers
        n = len(texts)
        found: set[int] = set()
        roles = self.driver_roles
        for at, low in enumerate(lowers):
            # the compound's last part ("Mercedes-Pilot"); most words have no hyphen
            if low not in roles and ("-" not in low or low.rsplit("-", 1)[-1] not in roles):
                continue
            i = at + 1
            members: list[int] = []
            while i < n:
                cur = texts[i]
                if (
                    _capitalised(cur)
                    and cur not in self.never_names
                    and not self._is_role_word(cur, lowers[i])
                ):
                    members.append(i)
                    i += 1
                elif cur in (",", "/", "und", "sowie") and members:
                    i += 1
                else:
                    break
            if len(members) >= 2:
                found.update(members)
            elif members and self._lone_name_after_role(w, members[0]):
                found.add(members[0])
        return found

    def _lone_name_after_role(self, w: _Words, i: int) -> bool:
        """ "mit Copilot Bauer", "Teamkollege Kessler": one word after a driver word is
        a surname when a list knows it as one, or no list knows it as a common word,
        place, given name or month ("Pilot Sonntag" stays a weekday)."""
        text = w.texts[i]
        if i + 1 < len(w.texts) and w.texts[i + 1] == "-" and not w.spaces[i]:
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
    def _role_label(self, w: _Words, start: int, end: int) -> str:
        if _byline(w, start, end):
            return "PERSON"
        lowers = w.lowers
        for i in range(start - 1, max(0, start - 3) - 1, -1):  # the 3 words before
            word = lowers[i]
            if self._other_role_word(word):
                return "DRIVER" if self._driver_and_role(w, i) else "PERSON"
            if word in self.driver_roles:
                return "DRIVER"
        if self._team_owner(w, start) or self._writers_colleague(w, start):
            return "PERSON"
        if (
            end + 1 < len(lowers)
            and lowers[end] == ","
            and self._other_role_word(lowers[end + 1])
            and lowers[end + 1] not in self.kin_nouns  # "A, Bruder von B": a relative
        ):
            return "PERSON"
        return "DRIVER"

    def _driver_and_role(self, w: _Words, role: int) -> bool:
        """ "Rennfahrer und Sportleiter X", "Teamchef und Fahrer X": a driver word joined
        to the role by "und" makes the person a driver too (who drives counts)."""
        start = max(0, role - MAX_ROLE_PAIR)
        words = w.lowers[start:role]
        if "und" not in words and "sowie" not in words:
            return False
        return any(word.rsplit("-", 1)[-1] in self.driver_roles for word in words)

    def _other_role_word(self, word: str) -> bool:
        return word in self.other_roles or word.endswith(self.role_suffixes)

    def _writers_colleague(self, w: _Words, start: int) -> bool:
        """ "Meine Kollegen A und B berichten": the writer's colleagues, no drivers
        (a driver's are "seine Kollegen", "Teamkollege")."""
        return (
            start >= 2
            and w.lowers[start - 1] in self.writer_colleagues
            and w.lowers[start - 2].startswith(self.writer_possessives)
        )

    def _team_owner(self, w: _Words, start: int) -> bool:
        """ "das Team von Lukas Maier", "Team X Racing von Lukas Maier": the owner."""
        texts = w.texts
        if start < 2 or texts[start - 1] != "von":
            return False
        i = start - 2
        while i > 0 and start - i <= 5 and (_capitalised(texts[i]) or texts[i].isupper()):
            if w.lowers[i] in self.team_nouns:
                return True
            i -= 1
        return False

    def __call__(self, doc: Doc) -> Doc:
        w = _words(doc)
        texts = w.texts
        found = self._rule_names(w) + self._siblings_by_given_name(w)
        if self.use_ner:
            found += self._ner_names(w)
        others = candidate_rows(doc, "TEAM", "TRACK", "SERIES", "MAKE", "EVENT")
        taken = {c[0] for c in others}
        car_starts = {c[0] for c in candidate_rows(doc, "MAKE", "CAR", "CAR_MODEL")}
        found += self._pseudonyms(w, car_starts)
        found = [self._after_glued_place(w, s) for s in found]
        found = [self._before_entity(s, taken) for s in found]
        # a name with exactly the extent of a make, team, ... ("Aston Martin": the base
        # model reads a given name in it) is that thing, not a person
        same_extent = {(c[0], c[1]) for c in others}
        # ... nor does it lend its last word as a bare surname ("Scherer Sport")
        known_last = {texts[b - 1] for a, b, _ in found if b - a > 1 and (a, b) not in same_extent}
        covered = {i for c in others for i in range(c[0], c[1])}
        covered |= {i for a, b, _ in found for i in range(a, b)}
        capitals = self._capitals_names(w, covered)
        # "MÜLLER Thomas" lends "Müller" as a later bare surname, not "Thomas"
        known_last |= {
            word.capitalize()
            for a, b, _ in capitals
            for word in (texts[a], texts[b - 1])
            if word.isupper()
        }
        found += capitals
        found += self._opening_surnames(w, covered)
        found += self._listed_surnames(w, known_last)
        found = self._with_leading_family_names(w, found)
        # "von Scherer" where the text also writes "Scherer-Audi": a one-word team
        # named elsewhere, unless a full name of the text ends in it
        team_words = {texts[c[0]] for c in others if c[2] == "TEAM" and c[1] - c[0] == 1}
        team_words -= known_last
        kept: list[Row] = []
        bracket_end = -1
        for start, end, kb_id in sorted(found, key=lambda s: (s[0], s[0] - s[1])):
            alone = end - start == 1
            if (start, end) in same_extent or (alone and start in taken):
                continue
            if alone and texts[start] in team_words:
                continue
            if start < bracket_end or (
                kept and self._bracketed_after_name(w, start, end, kept[-1])
            ):
                bracket_end = max(bracket_end, end)  # and its surname alone
                continue
            if (
                _cut_off(w, start, end)
                or self._in_town(w, start, end)
                or _event_name(w, start, self.event_nouns)
            ):
                continue
            if alone and self._after_make(w, start):
                continue
            label = self._role_label(w, start, end)
            if label == "DRIVER" and any(self._coordinated(w, s, start, end) for s in kept[-3:]):
                label = "PERSON"  # "Teamchefs A und B": B is no driver either
            kept.append((start, end, label, kb_id))
        add_candidates(doc, [Span(doc, a, b, label=label, kb_id=kb) for a, b, label, kb in kept])
        return doc

    def _after_glued_place(self, w: _Words, name: Name) -> Name:
        """ "MarrakeschD'Ambrosio": a flattened table's venue or country cell glued
        to the name (``gtx_glued`` split them) is no part of the name."""
        start, end, kb_id = name
        texts = w.texts
        while (
            start < end - 1
            and not w.spaces[start]
            and (texts[start] in self.track_towns or texts[start] in self.places)
        ):
            start += 1
        return name if start == name[0] else (start, end, kb_id)

    @staticmethod
    def _before_entity(name: Name, taken: set[int]) -> Name:
        """ "Jonas Quast Brenner Motorsport": a name's third word that starts a team
        (or make, series ...) belongs to it, not to the name."""
        start, end, kb_id = name
        for i in range(start + 2, end):
            if i in taken:
                return (start, i, kb_id)
        return name

    @staticmethod
    def _bracketed_after_name(w: _Words, start: int, end: int, before: Row) -> bool:
        """ "Jonas Quast (Hans Beck)": a name filling the bracket right after a
        person's name is the car's entrant or sponsor, not a second person."""
        texts = w.texts
        return (
            start >= 1
            and before[1] == start - 1
            and texts[start - 1] == "("
            and end < len(texts)
            and texts[end] == ")"
        )

    def _with_leading_family_names(self, w: _Words, found: list[Name]) -> list[Name]:
        """ "3. Guan Zhou Yu": on a numbered line a word before a two-word name is
        its family name written first; the three words are one name."""
        longer = {s[0]: s for s in found if s[1] - s[0] > 1}
        out = []
        for s in found:
            nxt = longer.get(s[1])
            if (
                s[1] - s[0] == 1
                and nxt is not None
                and w.spaces[s[0]]
                and self._numbered_line_start(w, s[0])
            ):
                s = (s[0], nxt[1], nxt[2])
            out.append(s)
        return out

    def _in_town(self, w: _Words, start: int, end: int) -> bool:
        """ "Montreal", "New York": the span is a circuit's town or a word of it."""
        if w.texts[start] not in self.track_town_words:
            return False
        return any(
            span_text(w.doc, max(0, start - before), end + after) in self.track_towns
            for before in (0, 1)
            for after in (0, 1)
        )

    @staticmethod
    def _coordinated(w: _Words, first: Row, start: int, end: int) -> bool:
        """ "A und B", "A & B": two full names joined, the second without a role of its own."""
        return (
            first[2] == "PERSON"
            and first[1] - first[0] > 1
            and end - start > 1
            and start == first[1] + 1
            and w.texts[first[1]] in ("und", "&")
        )


@Language.factory(
    "gtx_people",
    default_config={"use_ner": True},
    assigns=[contract.SPANS],
    requires=[contract.SPANS, contract.SENTS],
)
def make_people(nlp: Language, name: str, use_ner: bool) -> PeopleFinder:
    return PeopleFinder(name, use_ner)
