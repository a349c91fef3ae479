"""Typed access to gtextract's gazetteers and word lists (package data).

The lists live in ``gtextract/data/`` as plain data files, so they can be read,
diffed and regenerated without touching code (see ``data/README.md`` for where
each one comes from and ``scripts/build_gazetteers.py`` for the derived ones):

* ``*.jsonl`` -- one JSON object per line, each with a ``name`` (or, for
  ``car_models``, ``make`` + ``model``) and ``aliases``; every other field ends
  up in :attr:`Entry.attrs`.
* ``*.txt`` -- one word or phrase per line.
* ``*.tsv`` -- tab-separated columns.

Lines that are empty or start with ``#`` are comments in every format.
A :class:`DataSource` reads one set of these files: the package's own (through
:mod:`importlib.resources`, so it works from an installed wheel) or a folder of
a saved pipeline, where each component keeps the files it was initialised with.
Each source parses a file once and caches the result; the module-level
functions read the package's data.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypedDict, TypeVar

from pydantic import BaseModel, ValidationError

DATA_PACKAGE = "gtextract.data"

ENTRY_KINDS: tuple[str, ...] = (
    "series",
    "tracks",
    "events",
    "makes",
    "car_models",
    "teams",
    "classes",
)
"""Kinds of gazetteer entries (``<kind>.jsonl``)."""

LABELS: Mapping[str, str] = MappingProxyType(
    {
        "series": "SERIES",
        "tracks": "TRACK",
        "events": "EVENT",
        "makes": "MAKE",
        "car_models": "CAR_MODEL",
        "teams": "TEAM",
        "classes": "CLASS",
    }
)
"""Span label of each entry kind, as used by the gazetteer ruler."""

WORD_LISTS: tuple[str, ...] = (
    "given_names",
    "surnames",
    "name_particles",
    "non_driver_roles",
    "driver_roles",
    "car_model_words",
    "team_words",
    "not_names",
    # the curated core of not_names: never a name, even right after a given name
    "curated/not_names",
    # capitalised German lemmas (scripts/build_common_words.py)
    "common_words",
    # words before a make that are not teams ("Werks-BMW")
    "not_team_prefixes",
    # legal forms ("GmbH", "e.V."): an organisation, not by themselves a team
    "company_suffixes",
    # nouns a team word modifies ("ADAC Racing Weekend", "Racing Cup"): no team
    "not_team_heads",
    # units after a number ("367 km", "600 PS"): a measure, no car model number
    "measure_units",
    # motor sport clubs ("MSC", "AC"): an entrant only in a driver's brackets
    "club_words",
)
"""Word lists (``<name>.txt``)."""

MAPPINGS: tuple[str, ...] = ("nationalities",)
"""Two-column maps (``<name>.tsv``: word, value)."""

SessionKind = Literal["race", "qualifying", "practice", "other"]
CalendarKind = Literal["month", "weekday"]
_SESSION_KINDS = frozenset({"race", "qualifying", "practice", "other"})


CueModel = TypeVar("CueModel", bound=BaseModel)


class GazetteerError(ValueError):
    """A data file is missing or malformed."""


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry: its canonical name, other written forms, extra fields."""

    name: str
    aliases: tuple[str, ...] = ()
    attrs: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def forms(self) -> tuple[str, ...]:
        """The name followed by every alias, without duplicates."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)


@dataclass(frozen=True)
class SessionWord:
    """A word or phrase that names a session, and what kind of session it is."""

    pattern: str
    kind: SessionKind


@dataclass(frozen=True)
class CalendarWord:
    """A month or weekday word and its number (month 1-12, ISO weekday 1-7)."""

    word: str
    kind: CalendarKind
    number: int


class PhrasePattern(TypedDict):
    """A spaCy ``span_ruler`` / ``entity_ruler`` phrase pattern."""

    label: str
    pattern: str
    id: str


def _check_kind(kind: str, known: tuple[str, ...]) -> None:
    if kind not in known:
        raise KeyError(f"unknown list {kind!r}; expected one of {', '.join(known)}")


def _entry_from_json(kind: str, obj: dict[str, Any], where: str) -> Entry:
    data = dict(obj)
    if kind == "car_models":
        make, model = data.get("make"), data.get("model")
        if not isinstance(make, str) or not isinstance(model, str):
            raise GazetteerError(f"{where}: car model needs string 'make' and 'model'")
        name = f"{make} {model}"
    else:
        name = data.pop("name", None)
        if not isinstance(name, str) or not name.strip():
            raise GazetteerError(f"{where}: entry needs a non-empty string 'name'")
    aliases = data.pop("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GazetteerError(f"{where}: 'aliases' must be a list of strings")
    return Entry(
        name=name,
        aliases=tuple(a for a in aliases if a and a != name),
        attrs=MappingProxyType(data),
    )


def entry_file(kind: str) -> str:
    """The data file of an entry kind (``tracks`` -> ``tracks.jsonl``)."""
    _check_kind(kind, ENTRY_KINDS)
    return f"{kind}.jsonl"


def word_file(name: str) -> str:
    """The data file of a word list (``given_names`` -> ``given_names.txt``)."""
    _check_kind(name, WORD_LISTS)
    return f"{name}.txt"


def mapping_file(name: str) -> str:
    _check_kind(name, MAPPINGS)
    return f"{name}.tsv"


SESSIONS_FILE = "sessions.jsonl"
CALENDAR_FILE = "calendar_words.tsv"
NUMBER_WORDS_FILE = "number_words.tsv"

T = TypeVar("T")


class DataSource:
    """One set of gtextract's data files, parsed on first use and cached.

    ``DataSource()`` reads the package's ``gtextract/data``; ``DataSource(path)``
    a folder with the same layout, e.g. a component's folder of a pipeline saved
    with ``nlp.to_disk``. Components receive a source in ``initialize`` or
    ``from_disk`` and read every list through it, so a pipeline can carry
    its own lists.
    """

    def __init__(self, root: str | Path | Traversable | None = None) -> None:
        self.root: Traversable
        if root is None:
            self.root = resources.files(DATA_PACKAGE)
        elif isinstance(root, str | Path):
            self.root = Path(root)
        else:
            self.root = root
        self._memo: dict[tuple[str, str], Any] = {}

    def __repr__(self) -> str:
        return f"DataSource({str(self.root)!r})"

    def _cached(self, method: str, key: str, build: Callable[[], T]) -> T:
        slot = (method, key)
        if slot not in self._memo:
            self._memo[slot] = build()
        result: T = self._memo[slot]
        return result

    # -- raw files -----------------------------------------------------------
    def read_text(self, filename: str) -> str:
        """A data file's text (``GazetteerError`` when it is missing)."""
        try:
            return self.root.joinpath(filename).read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise GazetteerError(f"missing data file {filename!r} in {self.root}") from exc

    def copy_to(self, path: str | Path, filenames: Iterable[str]) -> None:
        """Write these data files, unchanged, below ``path`` (for ``to_disk``)."""
        for filename in filenames:
            target = Path(path) / filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.read_text(filename), encoding="utf-8")

    def _lines(self, filename: str) -> Iterator[tuple[int, str]]:
        """Yield ``(line number, line)`` of a data file, skipping blanks and comments."""
        for number, raw in enumerate(self.read_text(filename).splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            yield number, line

    # -- gazetteer entries ---------------------------------------------------
    def entries(self, kind: str) -> tuple[Entry, ...]:
        """All entries of one gazetteer kind (see :data:`ENTRY_KINDS`)."""
        return self._cached("entries", kind, lambda: self._read_entries(kind))

    def _read_entries(self, kind: str) -> tuple[Entry, ...]:
        filename = entry_file(kind)
        result: list[Entry] = []
        for number, line in self._lines(filename):
            where = f"{filename}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GazetteerError(f"{where}: {exc}") from exc
            if not isinstance(obj, dict):
                raise GazetteerError(f"{where}: expected a JSON object")
            result.append(_entry_from_json(kind, obj, where))
        return tuple(result)

    def _all_forms(self, kind: str) -> set[str]:
        return {form for entry in self.entries(kind) for form in entry.forms}

    def _car_model_forms(
        self, entry: Entry, make_forms: Mapping[str, tuple[str, ...]]
    ) -> list[str]:
        """Written forms of a car model: make form x model form, plus distinctive model forms.

        An alias that already starts with a make form ("Mercedes-AMG GT3") is kept as is.
        A model form alone ("Huracán GT3", "911 GT3 R") is a pattern only if one of its
        tokens is not a mere continuation word: "GT3" or "GT4" alone never is.
        """
        make = str(entry.attrs["make"])
        model = str(entry.attrs["model"])
        all_makes = {form for forms in make_forms.values() for form in forms}
        model_forms: list[str] = [model]
        full_forms: list[str] = []
        for alias in entry.aliases:
            if any(alias.startswith(m + " ") for m in all_makes):
                full_forms.append(alias)
            else:
                model_forms.append(alias)
        result: list[str] = []
        for make_form in make_forms.get(make, (make,)):
            result.extend(f"{make_form} {m}" for m in model_forms)
        result.extend(full_forms)
        for form in model_forms:
            if self._distinctive_model(form):
                result.append(form)
        return result

    def _distinctive_model(self, form: str) -> bool:
        """Can a model form stand for the car without its make?

        It needs a token that is not a mere continuation word ("GT3 Evo" cannot). A
        one-token form must contain a letter (a bare "488" or "911" is as likely a car
        number) and, if it has no digit, must not be a name or a common word ("Adam",
        "Cooper", "Golf", "Continental" stay make-bound; "Huracán", "RB19" do not).
        """
        tokens = form.split()
        if all(token in self.words("car_model_words") for token in tokens):
            return False
        if len(tokens) > 1:
            return True
        token = tokens[0]
        if not any(c.isalpha() for c in token):
            return False
        if any(c.isdigit() for c in token):
            return True
        return not any(token in self.words(name) for name in NOT_A_MODEL_ALONE)

    def patterns(self, kind: str) -> tuple[PhrasePattern, ...]:
        """Phrase patterns for every name and alias of a kind, for a spaCy ``span_ruler``.

        Each pattern is ``{"label": LABEL, "pattern": form, "id": entry.name}``; a
        form shared by two entries of the same kind is kept for the first only.
        Car models get every make form + model form (``"Mercedes AMG GT3"``) and the
        model forms that are distinctive on their own (``"Huracán GT3"``). An entry
        with ``"standalone": false`` contributes its aliases only (the class "Am" is
        matched as "Am-Wertung", never as the word "Am"). Tracks also get their
        ``places``, the towns a report writes for the circuit ("in Hockenheim"); their
        ``cities`` (Budapest for the Hungaroring) are not patterns, see :meth:`track_places`.
        """
        _check_kind(kind, ENTRY_KINDS)
        return self._cached("patterns", kind, lambda: self._build_patterns(kind))

    def _build_patterns(self, kind: str) -> tuple[PhrasePattern, ...]:
        label = LABELS[kind]
        make_forms: dict[str, tuple[str, ...]] = {}
        taken: set[str] = set()
        if kind == "car_models":
            make_forms = {make.name: make.forms for make in self.entries("makes")}
            # "F4", "TT-Cup" name a series or class first: never a model on its own
            taken = {f for other in ("series", "classes", "makes") for f in self._all_forms(other)}
        seen: set[str] = set()
        result: list[PhrasePattern] = []
        for entry in self.entries(kind):
            if kind == "car_models":
                forms = [f for f in self._car_model_forms(entry, make_forms) if f not in taken]
            elif entry.attrs.get("standalone") is False:
                forms = list(entry.aliases)  # the bare name is too common a word ("Am")
            else:
                forms = list(entry.forms)
            if kind == "tracks":
                forms.extend(str(place) for place in entry.attrs.get("places", ()))
            for form in forms:
                if form in seen:
                    continue
                seen.add(form)
                result.append({"label": label, "pattern": form, "id": entry.name})
        return tuple(result)

    def track_places(self) -> Mapping[str, str]:
        """Town -> track name for every track's ``places`` and ``cities``.

        ``places`` stand for the circuit itself ("in Hockenheim", "in Le Castellet") and
        are also TRACK patterns; ``cities`` are nearby cities that are as often a
        driver's hometown ("Nürnberg", "Budapest"), for context-dependent use.
        """

        def build() -> Mapping[str, str]:
            result: dict[str, str] = {}
            for entry in self.entries("tracks"):
                for field_name in ("places", "cities"):
                    for place in entry.attrs.get(field_name, ()):
                        result.setdefault(str(place), entry.name)
            return MappingProxyType(result)

        return self._cached("track_places", "", build)

    # -- word lists and maps -------------------------------------------------
    def words(self, name: str) -> frozenset[str]:
        """One of the word lists (see :data:`WORD_LISTS`), exactly as written (case kept)."""
        filename = word_file(name)

        def build() -> frozenset[str]:
            # as _lines, without line numbers: the lists run to 250k lines, read at start
            stripped = map(str.strip, self.read_text(filename).splitlines())
            return frozenset(w for w in stripped if w and w[0] != "#")

        return self._cached("words", name, build)

    def mapping(self, name: str) -> Mapping[str, str]:
        """A two-column map (see :data:`MAPPINGS`): first column -> second column."""
        filename = mapping_file(name)

        def build() -> Mapping[str, str]:
            result: dict[str, str] = {}
            for number, line in self._lines(filename):
                cols = line.split("\t")
                if len(cols) < 2 or not cols[0] or not cols[1]:
                    raise GazetteerError(f"{filename}:{number}: expected two tab-separated columns")
                result.setdefault(cols[0].strip(), cols[1].strip())
            return MappingProxyType(result)

        return self._cached("mapping", name, build)

    def sessions(self) -> tuple[SessionWord, ...]:
        """Session words and phrases (``sessions.jsonl``), longest pattern first."""

        def build() -> tuple[SessionWord, ...]:
            result: list[SessionWord] = []
            for number, line in self._lines(SESSIONS_FILE):
                obj = json.loads(line)
                pattern, kind = obj.get("pattern"), obj.get("kind")
                if not isinstance(pattern, str) or kind not in _SESSION_KINDS:
                    raise GazetteerError(f"{SESSIONS_FILE}:{number}: bad pattern or kind")
                result.append(SessionWord(pattern=pattern, kind=kind))
            result.sort(key=lambda s: (-len(s.pattern), s.pattern))
            return tuple(result)

        return self._cached("sessions", "", build)

    def calendar(self) -> tuple[CalendarWord, ...]:
        """Month and weekday words (``calendar_words.tsv``: word, kind, number)."""

        def build() -> tuple[CalendarWord, ...]:
            result: list[CalendarWord] = []
            for number, line in self._lines(CALENDAR_FILE):
                cols = line.split("\t")
                if len(cols) != 3 or cols[1] not in ("month", "weekday") or not cols[2].isdigit():
                    raise GazetteerError(f"{CALENDAR_FILE}:{number}: expected word, kind, number")
                kind: CalendarKind = "month" if cols[1] == "month" else "weekday"
                value = int(cols[2])
                if not (1 <= value <= (12 if kind == "month" else 7)):
                    raise GazetteerError(f"{CALENDAR_FILE}:{number}: number out of range")
                result.append(CalendarWord(word=cols[0], kind=kind, number=value))
            return tuple(result)

        return self._cached("calendar", "", build)

    def months(self) -> Mapping[str, int]:
        """Month word -> month number (1-12)."""
        return MappingProxyType({c.word: c.number for c in self.calendar() if c.kind == "month"})

    def weekdays(self) -> Mapping[str, int]:
        """Weekday word -> ISO weekday number (Monday = 1)."""
        return MappingProxyType({c.word: c.number for c in self.calendar() if c.kind == "weekday"})

    def number_words(self) -> NumberWords:
        """German number words (``number_words.tsv``: word, value, cardinal|ordinal)."""

        def build() -> NumberWords:
            cardinals: dict[str, int] = {}
            ordinals: dict[str, int] = {}
            for number, line in self._lines(NUMBER_WORDS_FILE):
                cols = line.split("\t")
                if len(cols) != 3 or not cols[1].isdigit() or cols[2] not in NUMBER_KINDS:
                    raise GazetteerError(
                        f"{NUMBER_WORDS_FILE}:{number}: expected word, value, cardinal|ordinal"
                    )
                (ordinals if cols[2] == "ordinal" else cardinals)[cols[0]] = int(cols[1])
            return NumberWords(MappingProxyType(cardinals), MappingProxyType(ordinals))

        return self._cached("number_words", "", build)

    def cues(self, name: str, schema: type[CueModel]) -> CueModel:
        """A component's cue file (``<name>.json``) validated against its typed schema."""
        filename = f"{name}.json"

        def build() -> CueModel:
            try:
                return schema.model_validate_json(self.read_text(filename))
            except ValidationError as exc:
                raise GazetteerError(f"{filename}: {exc}") from exc

        return self._cached("cues", f"{name}:{schema.__qualname__}", build)

    def sizes(self) -> dict[str, int]:
        """Number of entries in every data file, keyed by list name (for ``gtextract info``)."""
        result: dict[str, int] = {}
        for kind in ENTRY_KINDS:
            result[kind] = len(self.entries(kind))
        for name in WORD_LISTS:
            result[name] = len(self.words(name))
        for name in MAPPINGS:
            result[name] = len(self.mapping(name))
        result["sessions"] = len(self.sessions())
        result["calendar_words"] = len(self.calendar())
        return result


# one-token model forms that are names or common words stay bound to their make
NOT_A_MODEL_ALONE = ("given_names", "surnames", "not_names")
NUMBER_KINDS = ("cardinal", "ordinal")


@dataclass(frozen=True)
class NumberWords:
    """German number words: ``cardinals`` ("zwei" -> 2), ``ordinals`` by stem ("dritt" -> 3)."""

    cardinals: Mapping[str, int]
    ordinals: Mapping[str, int]


@cache
def package_data() -> DataSource:
    """The data files shipped in the package (one parsed copy per process)."""
    return DataSource()


def data_source(data_dir: str | Path | None = None) -> DataSource:
    """The files in ``data_dir``, else the package's (what ``initialize`` reads)."""
    return DataSource(data_dir) if data_dir else package_data()


# -- the package's data, as plain functions --------------------------------------


def entries(kind: str) -> tuple[Entry, ...]:
    return package_data().entries(kind)


def patterns(kind: str) -> tuple[PhrasePattern, ...]:
    return package_data().patterns(kind)


def all_patterns() -> tuple[PhrasePattern, ...]:
    """The phrase patterns of every entry kind, in :data:`ENTRY_KINDS` order."""
    return tuple(p for kind in ENTRY_KINDS for p in patterns(kind))


def track_places() -> Mapping[str, str]:
    return package_data().track_places()


def words(name: str) -> frozenset[str]:
    return package_data().words(name)


def mapping(name: str) -> Mapping[str, str]:
    return package_data().mapping(name)


def sessions() -> tuple[SessionWord, ...]:
    return package_data().sessions()


def calendar() -> tuple[CalendarWord, ...]:
    return package_data().calendar()


def months() -> Mapping[str, int]:
    return package_data().months()


def weekdays() -> Mapping[str, int]:
    return package_data().weekdays()


def number_words() -> NumberWords:
    return package_data().number_words()


def sizes() -> dict[str, int]:
    return package_data().sizes()


__all__ = [
    "ENTRY_KINDS",
    "LABELS",
    "MAPPINGS",
    "WORD_LISTS",
    "CalendarWord",
    "DataSource",
    "Entry",
    "GazetteerError",
    "NumberWords",
    "PhrasePattern",
    "SessionWord",
    "all_patterns",
    "calendar",
    "entries",
    "mapping",
    "months",
    "number_words",
    "data_source",
    "package_data",
    "patterns",
    "sessions",
    "sizes",
    "track_places",
    "weekdays",
    "words",
]
