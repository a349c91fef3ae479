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

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.spans import add_candidates, candidates, sentence_starts, text_of
from gtextract.gazetteers import DataSource, entry_file, mapping_file, word_file
from gtextract.names import FOREIGN_PARTICLES, UNAMBIGUOUS_PARTICLES, particles

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
PLACE_PREPOSITIONS = {"aus", "in", "nach", "bei", "im", "am"}


@lru_cache(maxsize=65536)
def _capitalised(text: str) -> bool:
    """ "Klingmann", "O'Young": a capitalised word (cached: asked for every token)."""
    return (
        len(text) > 1
        and text[0].isupper()
        and any(c.islower() for c in text[1:])
        and all(c.isalpha() or c in "'’" for c in text)
    )


def _inflected_common_word(text: str, common: frozenset[str]) -> bool:
    """ "Crews", "Piloten": a common noun in a plural or case form."""
    return text in common or any(
        text.endswith(end) and text[: -len(end)] in common for end in ("s", "n", "en", "e", "er")
    )


@dataclass(frozen=True)
class _Words:
    """The token attributes the rules ask for, read once per Doc.

    ``doc[i]`` builds a new spaCy ``Token`` on every access, and the rules look
    at each token and its neighbours many times: on lists the rules cost a
    fraction of what they did on Tokens.
    """

    doc: Doc
    text: list[str]
    lower: list[str]
    space: list[str]  # whitespace after the token
    idx: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        toks = list(doc)
        return cls(
            doc,
            [t.text for t in toks],
            [t.lower_ for t in toks],
            [t.whitespace_ for t in toks],
            [t.idx for t in toks],
        )

    def __len__(self) -> int:
        return len(self.text)


def _compound_head(w: _Words, i: int) -> bool:
    """ "Grundig-Kehre": a word hyphen-fused to the next is a modifier, not a person."""
    return i + 2 < len(w) and w.text[i + 1] == "-" and not w.space[i] and not w.space[i + 1]


def _byline(w: _Words, start: int, end: int) -> bool:
    """ "Von Markus Muster" alone on a line: the author."""
    if start == 0 or w.text[start - 1] != "Von":
        return False
    text = text_of(w.doc)
    von = w.idx[start - 1]
    end_char = w.idx[end - 1] + len(w.text[end - 1])
    line_start = text.rfind("\n", 0, von) + 1
    line_end = text.find("\n", end_char)
    line_end = len(text) if line_end == -1 else line_end
    return line_start == von and not text[end_char:line_end].strip()


class PeopleFinder(DataComponent):
    data_files = (
        *(word_file(n) for n in PEOPLE_WORD_LISTS),
        mapping_file("nationalities"),
        entry_file("makes"),
    )

    def __init__(self, name: str, use_ner: bool) -> None:
        super().__init__(name)
        self.use_ner = use_ner

    def setup(self, data: DataSource) -> None:
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
        self.role_suffixes = tuple(r for r in self.other_roles if len(r) > 5)
        self.driver_roles = {w.lower() for w in data.words("driver_roles")}
        self.places = set(data.mapping("nationalities"))
        self.given_or_role = {w for w in data.words("driver_roles")} | {
            w for w in data.words("non_driver_roles")
        }

    # -- token tests -------------------------------------------------------
    def _is_surname(self, w: _Words, i: int) -> bool:
        text = w.text[i]
        if not _capitalised(text) or text in self.places:
            return False
        if text in self.surnames:
            return True
        return text not in self.not_names and w.lower[i] not in self.not_names_lower

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

    # -- rules -------------------------------------------------------------
    def _full_name_at(self, w: _Words, i: int) -> int | None:
        """End of a "Given [Given] [particles] Surname [Surname]" name starting at i."""
        text, n = w.text, len(w)
        if not self._is_given(text[i]):
            return None
        j = i + 1
        # hyphenated or double given names: "Hans-Joachim", "Jan Erik"
        while j + 1 < n and text[j] == "-" and self._is_given(text[j + 1]):
            j += 2
        if j < n and self._is_given(text[j]) and j + 1 < n and self._is_surname(w, j + 1):
            j += 1
        k = j
        while k < n and w.lower[k] in self.particles and text[k] != "und":
            k += 1
        if k >= n or not self._is_surname_after_given(text[k]):
            return None
        end = k + 1
        # "von Thurn und Taxis"; double-barrelled "Müller-Lüdenscheidt"
        while end + 1 < n and text[end] == "und" and k > j:
            if not self._is_surname_after_given(text[end + 1]):  # "von Thurn und Taxis"
                break
            end += 2
        while (
            end + 1 < n
            and text[end] == "-"
            and not w.space[end]
            and not w.space[end - 1]
            and self._is_surname(w, end + 1)
        ):
            end += 2
        extra = 0
        while (
            end < n
            and extra < MAX_EXTRA_SURNAME_TOKENS
            and self._is_surname(w, end)
            and text[end] not in self.given
            and w.space[end - 1] == " "
        ):
            end += 1
            extra += 1
        return end

    def _unknown_given_name_at(self, w: _Words, i: int) -> int | None:
        """Names whose given name no list knows, where the shape says "person":
        "Mathis de Vries" (particle), "Aurelio Bassani (23, ...)" (details in
        brackets), "Tabellenführer Aurelio Bassani" (driver word before)."""
        text, n = w.text, len(w)
        first = text[i]
        if (
            not _capitalised(first)
            or first in self.common_words
            or first in self.never_names
            or first in self.places
        ):
            return None
        k = i + 1
        while k < n and text[k] in FOREIGN_PARTICLES:
            k += 1
        if k >= n or not self._is_surname_after_given(text[k]):
            return None
        if text[k] in self.common_words and k == i + 1:
            return None
        end = k + 1
        with_particle = k > i + 1 and text[i + 1] in UNAMBIGUOUS_PARTICLES
        with_details = end + 1 < n and text[end] == "(" and text[end + 1].isdigit()
        before = w.lower[i - 1].rsplit("-", 1)[-1] if i > 0 else ""
        with_role = before in self.driver_roles
        if with_particle or with_details or with_role:
            return end
        return None

    def _rule_names(self, w: _Words) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(w):
            end = self._full_name_at(w, i) or self._unknown_given_name_at(w, i)
            if end is not None:
                spans.append((i, end))
                i = end
            else:
                i += 1
        return spans

    def _ner_names(self, w: _Words) -> list[tuple[int, int]]:
        """PER entities of the base model, trimmed of role words and stray particles.

        The model's spans sometimes swallow a neighbour ("Klingmanns Teamgefährte
        Johansson", "Mercedes von Hamilton"); those are cut to the name part.
        """
        names = []
        text = w.text
        for ent in w.doc.ents:
            if ent.label_ != "PER":
                continue
            start, end = ent.start, ent.end
            while start < end and not self._ner_name_token(w, start, first=True):
                start += 1
            while end > start and (w.lower[end - 1] in self.particles or text[end - 1] == "-"):
                end -= 1
            if end <= start:
                continue
            if not all(
                self._ner_name_token(w, i) or w.lower[i] in self.particles or text[i] == "-"
                for i in range(start, end)
            ):
                continue
            if end - start == 1 and (
                text[start] not in self.surnames  # a lone PER must be a known surname
                or text[start] in self.given
                or text[start] in self.common_words
                or self._after_place_word(w, start)
                or _compound_head(w, start)
            ):
                continue
            if end == len(w) and not text_of(w.doc)[-1:].isspace():
                continue  # a name cut off by the end of a truncated text ("Ben Dör")
            names.append((start, end))
        return names

    def _ner_name_token(self, w: _Words, i: int, first: bool = False) -> bool:
        text = w.text[i]
        if not _capitalised(text) or text in self.never_names or text in self.places:
            return False
        low = w.lower[i]
        if (
            low in self.driver_roles
            or low in self.other_roles
            or low in self.makes
            or low.rstrip("s") in self.makes  # "Audis"
            or low in self.team_words
        ):
            return False
        if first and _inflected_common_word(text, self.common_words):
            return False  # "Piloten von X": a noun is not the start of a name
        if first and i > 1 and w.text[i - 1] == "-" and not w.space[i - 1]:
            return False  # "Mercedes-Crews von Heico": the tail of a compound
        # a genitive "Klingmanns" does not start a name
        return not (first and text.endswith("s") and text[:-1] in self.surnames)

    def _listed_surnames(self, w: _Words, known_last: set[str]) -> list[tuple[int, int]]:
        """Bare surnames: of a full name seen earlier, in slash crews ("Ludwig/Mies"),
        in lists after a driver word ("der Piloten Krumbach, Wlazik und Gindorf"),
        on numbered result lines ("3. Blomqvist") and surnames the lexicon knows."""
        spans = []
        in_list = self._driver_lists(w)
        n = len(w)
        for i, text in enumerate(w.text):
            if (
                not _capitalised(text)
                or text in self.never_names
                or text in self.places
                or self._after_place_word(w, i)
                or _compound_head(w, i)
            ):
                continue
            base = text[:-1] if text.endswith("s") and text[:-1] in known_last else text
            slash = (i > 0 and w.text[i - 1] == "/") or (i + 1 < n and w.text[i + 1] == "/")
            if (
                base in known_last
                or slash
                or i in in_list
                or self._numbered_line_start(w, i)
                or self._lexicon_surname(w, i)
            ):
                spans.append((i, i + 1))
        return spans

    def _lexicon_surname(self, w: _Words, i: int) -> bool:
        """A listed surname standing alone, where it cannot be a common word or a place."""
        text = w.text[i]
        return (
            text in self.surnames
            and text not in self.not_names
            and text not in self.common_words
            and text not in self.given
            and not sentence_starts(w.doc)[i]
            and not self._after_place_word(w, i)
        )

    @staticmethod
    def _after_place_word(w: _Words, i: int) -> bool:
        """ "aus Weiden", "in Aachen": a hometown, not a person."""
        return i > 0 and w.lower[i - 1] in PLACE_PREPOSITIONS

    @staticmethod
    def _numbered_line_start(w: _Words, i: int) -> bool:
        """ "3. Blomqvist" at the start of a line of a result list."""
        if i < 1:
            return False
        number = w.text[i - 1]
        if not number.endswith(".") or not number.rstrip(".").isdigit():
            return False
        text = text_of(w.doc)
        line_start = text.rfind("\n", 0, w.idx[i - 1]) + 1
        return not text[line_start : w.idx[i - 1]].strip()

    def _driver_lists(self, w: _Words) -> set[int]:
        """Token indices of capitalised words listed right after a driver word."""
        found: set[int] = set()
        text, n = w.text, len(w)
        for t, low in enumerate(w.lower):
            if low.rsplit("-", 1)[-1] not in self.driver_roles:
                continue
            i = t + 1
            members: list[int] = []
            while i < n:
                cur = text[i]
                if _capitalised(cur) and cur not in self.never_names:
                    members.append(i)
                    i += 1
                elif cur in (",", "/", "und", "sowie") and members:
                    i += 1
                else:
                    break
            if len(members) >= 2:
                found.update(members)
        return found

    # -- roles -------------------------------------------------------------
    def _role_label(self, w: _Words, start: int, end: int) -> str:
        if _byline(w, start, end):
            return "PERSON"
        for word in reversed(w.lower[max(0, start - 3) : start]):
            if word in self.other_roles or word.endswith(self.role_suffixes):
                return "PERSON"
            if word in self.driver_roles:
                return "DRIVER"
        if end + 1 < len(w) and w.text[end] == "," and w.lower[end + 1] in self.other_roles:
            return "PERSON"
        return "DRIVER"

    def __call__(self, doc: Doc) -> Doc:
        w = _Words.of(doc)
        found = self._rule_names(w)
        if self.use_ner:
            found += self._ner_names(w)
        known_last = {w.text[end - 1] for start, end in found if end - start > 1}
        found += self._listed_surnames(w, known_last)
        others = candidates(doc, "TEAM", "TRACK", "SERIES", "MAKE", "EVENT")
        taken = {c.start for c in others}
        # a name with exactly the extent of a make, team, ... ("Aston Martin": the base
        # model reads a given name in it) is that thing, not a person
        same_extent = {(c.start, c.end) for c in others}
        spans = []
        for start, end in found:
            if (start, end) in same_extent or (end - start == 1 and start in taken):
                continue
            spans.append(Span(doc, start, end, label=self._role_label(w, start, end)))
        add_candidates(doc, spans)
        return doc


@Language.factory(
    "gtx_people",
    default_config={"use_ner": True},
    assigns=[contract.SPANS],
    requires=[contract.SPANS, contract.SENTS],
)
def make_people(nlp: Language, name: str, use_ner: bool) -> PeopleFinder:
    return PeopleFinder(name, use_ner)
