"""``gtx_gazetteer``: phrase matches of the gazetteers (series, tracks, makes, ...).

Patterns come from the data files in ``gtextract/data`` at ``initialize`` and
are tokenised with the pipeline's own tokenizer, so hyphen/space variants of
one name ("Aston Martin" / "Aston-Martin") are generated here once rather than
listed twice in the data. Tokenising them is the slow part of a start, so
``initialize`` takes them prebuilt from the package when its key still fits
the data and the tokenizer (:mod:`gtextract.components.gazetteer_cache`).
``to_disk`` saves the patterns as text (``patterns.jsonl``, one ``{"label",
"pattern", "id"}`` per line, as spaCy's ``SpanRuler`` does) and their
lower-case tokens (``pattern_tokens.jsonl``), so loading a saved pipeline does
not tokenise them again either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, DocBin, Span
from spacy.util import ensure_path

from gtextract.components import contract, gazetteer_cache
from gtextract.components.base import NotInitializedError
from gtextract.components.gazetteer_cache import TokenisedPattern
from gtextract.components.spans import add_candidates
from gtextract.dates import ends_with_date
from gtextract.gazetteers import DataSource, PhrasePattern, data_source

GAZETTEER_KINDS = ("series", "tracks", "events", "makes", "car_models", "teams", "classes")
PATTERNS_FILE = "patterns.jsonl"
PATTERN_TOKENS_FILE = "pattern_tokens.jsonl"
PATTERN_DOCS_FILE = "pattern_docs.spacy"  # read only: pipelines saved before pattern_tokens


def _variants(form: str) -> Iterator[str]:
    yield form
    if " " in form:
        yield form.replace(" ", "-")
    if "-" in form:
        yield form.replace("-", " ")


# "Deutsche", "Italienische", "Internationale": leading adjectives of a series name,
# declined after "der"/"zur" ("zur Deutschen Rallye-Meisterschaft")
DECLINABLE_ENDINGS = ("sche", "nale")
# "des Porsche Carrera Cups", "des NSU-Bergpokals": a series ending in these takes a
# genitive -s
GENITIVE_S_ENDINGS = ("cup", "pokal")


def _series_variants(form: str) -> Iterator[str]:
    """A series name with its leading adjectives declined, its genitive ("des Clio
    Cups"), and one that ends with a
    bare letter or number written before a full stop ("in der Formel E.", "Formel 2.")
    or a hyphen ("Formel-1- und DTM-Pilot"), which the tokenizer keeps in that token."""
    words = form.split(" ")
    lead = 0
    while lead < len(words) - 1 and words[lead].endswith(DECLINABLE_ENDINGS):
        lead += 1
    declined = [" ".join([*(w + "n" for w in words[:lead]), *words[lead:]])] if lead else []
    yield from declined
    last = form.replace("-", " ").split(" ")[-1]
    if last.lower().endswith(GENITIVE_S_ENDINGS):
        yield form + "s"  # "des Histo Cups", "des Porsche Supercups"
    if (len(words) > 1 or "-" in form) and len(last) == 1 and last.isalnum():
        for written in (form, *declined):
            yield written + "."
            yield written + "-"  # "Formel-1- und DTM-Pilot"


# "ART", "BAR": a short all-caps alias matched case-blind finds German words ("Art",
# "Bar"); it counts only where the text writes it in capitals too
MAX_CAPS_ONLY_LETTERS = 4

# characters before a city that may hold the date of its calendar line ("12. September ")
DATE_REACH = 24
CITY = "CITY"  # a track's city: a TRACK only where the text names it as the venue
# "in Berlin", "nach London": the preposition of a venue (a hometown takes "aus")
VENUE_PREPOSITIONS = frozenset({"in", "nach"})
# "Schleiz, Frohburg und Brünn": the words that join the items of a list
LIST_JOINERS = frozenset({",", "und", "sowie", "oder"})
# "Paris ePrix", "Berlin E-Prix": a Formula E race is named by its city
CITY_RACE_NAMES = (("eprix",), ("e", "-", "prix"))


def _city_patterns(data: DataSource) -> list[PhrasePattern]:
    """The ``cities`` of the tracks, which are as often a hometown as the venue."""
    forms = {f for p in data.patterns("tracks") for f in _variants(p["pattern"])}
    return [
        {"label": CITY, "pattern": str(city), "id": entry.name}
        for entry in data.entries("tracks")
        for city in entry.attrs.get("cities", ())
        if city not in forms
    ]


def gazetteer_patterns(data: DataSource, kinds: Iterable[str]) -> list[PhrasePattern]:
    """Every written form to match, with its hyphen/space variants and session words."""
    result: list[PhrasePattern] = []
    seen: set[tuple[str, str, str]] = set()
    for kind in kinds:
        patterns = list(data.patterns(kind))
        if kind == "tracks":
            patterns.extend(_city_patterns(data))
        for pattern in patterns:
            forms = [pattern["pattern"]]
            if kind == "series":
                forms.extend(_series_variants(pattern["pattern"]))
            for form in (v for f in forms for v in _variants(f)):
                key = (pattern["label"], pattern["id"], form)
                if key not in seen:
                    seen.add(key)
                    result.append({"label": pattern["label"], "pattern": form, "id": pattern["id"]})
    for session in data.sessions():
        result.append({"label": "SESSION", "pattern": session.pattern, "id": session.kind})
    return result


class GazetteerMatcher:
    """Adds one candidate span per gazetteer match; ``span.kb_id_`` is the entry name."""

    def __init__(self, nlp: Language, name: str, kinds: Iterable[str]) -> None:
        self.nlp = nlp
        self.name = name
        self.kinds = tuple(kinds)
        self.patterns: list[PhrasePattern] = []
        self._lower: dict[str, tuple[str, ...]] = {}  # pattern text -> its tokens, lower case
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entry_of: dict[int, str] = {}
        self.caps_only: set[tuple[int, str]] = set()  # (match key, lower text)
        self.never_caps: set[tuple[int, str]] = set()  # (match key, lower text)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: str | Path | None = None,
    ) -> None:
        """Build the patterns from the data files (the package's, or ``data_dir``)."""
        data = data_source(data_dir)
        tokenised = gazetteer_cache.load(self.nlp, data, self.kinds)
        if tokenised is None:  # custom data, another tokenizer or a stale prebuilt file
            tokenised = gazetteer_cache.tokenise(self.nlp, gazetteer_patterns(data, self.kinds))
        self._set_patterns(tokenised)

    def _set_patterns(self, tokenised: list[TokenisedPattern]) -> None:
        self.patterns = [t.pattern for t in tokenised]
        self._lower = {t.pattern["pattern"]: t.lower for t in tokenised}
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.entry_of = {}
        strings = self.nlp.vocab.strings
        grouped: dict[str, list[tuple[int, ...]]] = {}
        caps: set[tuple[int, str]] = set()
        written: set[tuple[int, str]] = set()  # forms not all in capitals
        for t in tokenised:
            key = f"{t.pattern['label']}\t{t.pattern['id']}"
            # the PhraseMatcher takes a pattern as its LOWER hashes as well as a Doc
            grouped.setdefault(key, []).append(tuple(strings.add(w) for w in t.lower))
            key_hash = strings.add(key)
            self.entry_of[key_hash] = t.pattern["id"]
            form = t.pattern["pattern"]
            (caps if _is_short_caps(form) else written).add((key_hash, form.lower()))
        # "Rowe"/"ROWE", "Fiat"/"FIAT": an entry that also lists the form in lower
        # case keeps matching it in any case
        self.caps_only = caps - written
        # "FOCUS online": a car model's one plain word ("Focus") written in capitals is
        # another name (a magazine, a headline), unless the entry writes it so too
        plain: set[tuple[int, str]] = set()
        in_capitals: set[tuple[int, str]] = set()
        for t in tokenised:
            form = t.pattern["pattern"]
            if t.pattern["label"] == "CAR_MODEL" and form.isalpha():
                key_hash = strings.add(f"{t.pattern['label']}\t{t.pattern['id']}")
                (in_capitals if form.isupper() else plain).add((key_hash, form.lower()))
        self.never_caps = plain - in_capitals
        for key, keywords in grouped.items():
            self.matcher.add(key, keywords)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        if not self.patterns:
            raise NotInitializedError(
                f"component {self.name!r} has no patterns: build the pipeline with "
                "gtextract.load() or call its initialize() first"
            )
        spans: list[Span] = []
        cities: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id].split("\t", 1)[0]
            span = Span(doc, start, end, label=label, kb_id=self.entry_of[match_id])
            text = span.text
            if (match_id, text.lower()) in self.caps_only and not text.isupper():
                continue
            if text.isupper() and (match_id, text.lower()) in self.never_caps:
                continue
            if _case_fits(span):
                (cities if label == CITY else spans).append(span)
        events = [(s.start, s.end) for s in spans if s.label_ == "EVENT"]
        track_ends = {s.end for s in spans if s.label_ == "TRACK"}
        for c in sorted(cities, key=lambda c: c.start):
            if _names_the_venue(c, events) or _listed_after_a_venue(c, track_ends):
                spans.append(Span(doc, c.start, c.end, label="TRACK", kb_id=c.kb_id_))
                track_ends.add(c.end)
        add_candidates(doc, spans)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(folder / PATTERNS_FILE, self.patterns)
        srsly.write_jsonl(
            folder / PATTERN_TOKENS_FILE,
            ([p["pattern"], list(self._lower[p["pattern"]])] for p in self.patterns),
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GazetteerMatcher:
        folder = ensure_path(path)
        patterns: list[PhrasePattern] = list(srsly.read_jsonl(folder / PATTERNS_FILE))
        lower: dict[str, tuple[str, ...]] = {}
        if (folder / PATTERN_TOKENS_FILE).is_file():
            rows = srsly.read_jsonl(folder / PATTERN_TOKENS_FILE)
            lower = {form: tuple(words) for form, words in rows}
        elif (folder / PATTERN_DOCS_FILE).is_file():
            docs = DocBin().from_disk(folder / PATTERN_DOCS_FILE).get_docs(self.nlp.vocab)
            lower = {doc.text: tuple(t.lower_ for t in doc) for doc in docs}
        # patterns added or edited by hand since: tokenise them here
        todo = [p for p in patterns if p["pattern"] not in lower]
        fresh = gazetteer_cache.tokenise(self.nlp, todo)
        lower.update((t.pattern["pattern"], t.lower) for t in fresh)
        self._set_patterns([TokenisedPattern(p, lower[p["pattern"]]) for p in patterns])
        return self


def _names_the_venue(city: Span, events: list[tuple[int, int]]) -> bool:
    """ "in Berlin", "nach London", "London am 27. Juli", "12. Juli: London", a city
    in an event's name ("24 Stunden von Dubai", "Paris ePrix")."""
    if any(a <= city.start and city.end <= b for a, b in events):
        return True
    doc = city.doc
    if ends_with_date(doc.text[max(0, city.start_char - DATE_REACH) : city.start_char]):
        return True  # a calendar line: the date, then its venue
    if (
        city.end + 1 < len(doc)
        and doc[city.end].lower_ == "am"
        and doc[city.end + 1].text[:1].isdigit()
    ):
        return True  # a calendar entry: "Montreal am 8. August"
    following = tuple(t.lower_ for t in doc[city.end : city.end + 3])
    if any(following[: len(name)] == name for name in CITY_RACE_NAMES):
        return True
    if _table_cell_glued(city):
        return True
    return city.start > 0 and doc[city.start - 1].lower_ in VENUE_PREPOSITIONS


def _table_cell_glued(city: Span) -> bool:
    """ "RomEvans (Jaguar)": a flattened table's first cell, the venue, glued to the
    next cell (``gtx_glued`` split them); a hometown is written with a space."""
    doc = city.doc
    if city.end >= len(doc) or doc[city.end - 1].whitespace_:
        return False
    if not doc[city.end].text[:1].isupper():
        return False
    return (
        city.start == 0
        or "\n" in doc[city.start - 1].text_with_ws[-1:]
        or (doc[city.start - 1].is_space and "\n" in doc[city.start - 1].text)
    )


def _is_short_caps(form: str) -> bool:
    """ "ART", "RAM": one short word written in capitals only."""
    return len(form) <= MAX_CAPS_ONLY_LETTERS and form.isalpha() and form.isupper()


def _listed_after_a_venue(city: Span, track_ends: set[int]) -> bool:
    """ "in Schleiz, Frohburg und Brünn": a city listed right after a venue is one too."""
    i = city.start
    return i > 1 and city.doc[i - 1].lower_ in LIST_JOINERS and i - 1 in track_ends


def _case_fits(span: Span) -> bool:
    """Lower-case matches only count where the text is not plain lower case prose."""
    first = span[0].text
    return not first.islower() or len(span) > 1 and any(c.isupper() for c in span.text)


@Language.factory(
    "gtx_gazetteer",
    default_config={"kinds": list(GAZETTEER_KINDS)},
    assigns=[contract.SPANS],
)
def make_gazetteer(nlp: Language, name: str, kinds: list[str]) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name, kinds)
