"""``gtx_results``: finishing and grid positions tied to their drivers.

A *cue* states a position ("dritten Gesamtrang", "Platz zwei", "Rang 3",
"P4", "Dritter wurde", "Pole-Position", "Sieg", "Klassensieg in der SP9");
the drivers of its clause get it. Result lists ("1. Lucas Muster - Team -
Car") are read line by line. Quotes, mid-race orders and standings are
skipped: the words that mark them live in ``data/position_cues.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gtextract.components.spans import resolved
from gtextract.numbers import cardinal, ordinal

P_NOTATION = re.compile(r"^P(\d{1,2})$")
LIST_LINE = re.compile(r"^[ \t]*(\d{1,2})\.[ \t]+(?=\S)", re.MULTILINE)
CLAUSE_BREAKS = {";", "–", "—", ":"}
CLAUSE_CONJUNCTIONS = {"während", "aber", "doch", "sondern", "nachdem", "weil", "denn", "bevor"}
QUOTE_OPEN = '„“"»«'


@dataclass
class ResultFact:
    kind: str  # "race" | "qualifying"
    position: int
    class_: str | None
    drivers: list[tuple[int, int]]  # token offsets of DRIVER spans
    cue: tuple[int, int]  # char offsets
    cue_text: str
    car: tuple[int, int] | None = None
    team: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    raw = files("gtextract").joinpath("data/position_cues.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def _quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: positions there are talk, not results."""
    ranges = []
    for m in re.finditer(r"[„\"»“]([^„“\"»«]{3,}?)[“\"«”]", text):
        ranges.append((m.start(), m.end()))
    return ranges


class ResultFinder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.cues = _cues()
        self.race_nouns = set(self.cues["race_nouns"])
        self.grid_nouns = set(self.cues["grid_nouns"])
        self.win_words = set(self.cues["win_words"])

    # -- clauses -------------------------------------------------------------
    def _clauses(self, sent: Span) -> list[Span]:
        doc = sent.doc
        bounds = [sent.start]
        for tok in sent:
            if tok.text in CLAUSE_BREAKS or (
                tok.lower_ in CLAUSE_CONJUNCTIONS
                and tok.i > sent.start
                and doc[tok.i - 1].text == ","
            ):
                bounds.append(tok.i)
        bounds.append(sent.end)
        return [doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]

    # -- cues ----------------------------------------------------------------
    def _position_at(self, tok: Token) -> tuple[int, str] | None:
        """(position, kind) when a position is stated at this token."""
        doc = tok.doc
        low = tok.lower_
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        m = P_NOTATION.match(tok.text)
        if m:
            return int(m.group(1)), "race"
        value = ordinal(tok.text)
        if value is not None and nxt is not None:
            if nxt.lower_ in self.race_nouns:
                return value, "race"
            if nxt.lower_ in self.grid_nouns:
                return value, "qualifying"
        if low in self.race_nouns | self.grid_nouns and nxt is not None:
            number = cardinal(nxt.text) if not nxt.text.endswith(".") else None
            if number is not None and 0 < number < 100:
                return number, "qualifying" if low in self.grid_nouns else "race"
        if low.startswith("gesamt") and len(low) > 6:
            value = ordinal(low[6:])
            if value is not None:
                return value, "race"
        if (
            tok.text[:1].isupper()
            and value is not None
            and not tok.text[0].isdigit()
            and low.endswith(("er", "e"))
            and (nxt is None or nxt.lower_ not in self.race_nouns | self.grid_nouns)
            and (
                prev is None or prev.lower_ not in ("der", "die", "den", "dem") or tok.is_sent_start
            )
        ):
            return value, "race"  # "Dritter wurde", "als Fünfter"
        if low == "gesamt" and nxt is not None and nxt.text == "-" and tok.i + 2 < len(doc):
            value = ordinal(doc[tok.i + 2].text)
            if value is not None:
                return value, "race"
        return None

    def _is_pole(self, tok: Token) -> bool:
        doc = tok.doc
        if tok.lower_ != "pole":
            return tok.lower_ in ("pole-position", "polesetter")
        nxt = doc[tok.i + 1 : tok.i + 3]
        text = " ".join(t.lower_ for t in nxt)
        return not text.startswith("- setter") and not text.startswith("-setter")

    def _class_of(self, clause: Span) -> str | None:
        for span in resolved(clause.doc, "CLASS"):
            if clause.start <= span.start < clause.end + 3:
                return span.kb_id_ or span.text
        return None

    def _drivers(self, clause: Span, exclude_after: set[str]) -> tuple[list[Span], list[Span]]:
        """Drivers of the clause, split into subjects and those after 'vor'/'Vorsprung auf'."""
        subjects, beaten = [], []
        doc = clause.doc
        depth = 0
        bracket_at: set[int] = set()
        for tok in clause:
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth = max(0, depth - 1)
            elif depth:
                bracket_at.add(tok.i)
        after_vor = False
        drivers = [s for s in resolved(doc, "DRIVER") if clause.start <= s.start < clause.end]
        for tok in clause:
            if tok.lower_ in exclude_after:
                after_vor = True
            for d in drivers:
                if d.start == tok.i and d.start not in bracket_at:
                    (beaten if after_vor else subjects).append(d)
        return subjects, beaten

    def _sentence_results(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[ResultFact]:
        facts: list[ResultFact] = []
        not_result = self.cues["not_result"]
        previous_crew: list[Span] = []
        for sent in doc.sents:
            for clause in self._clauses(sent):
                low = clause.text.lower()
                facts_here: list[tuple[int, str, str | None, Token]] = []
                for tok in clause:
                    if any(a <= tok.idx < b for a, b in quotes):
                        continue
                    found = self._position_at(tok)
                    if found is not None:
                        value, kind = found
                        window = doc[max(clause.start, tok.i - 4) : min(clause.end, tok.i + 4)]
                        if any(v in window.text.lower() for v in self.cues["grid_verbs"]):
                            kind = "qualifying"
                        facts_here.append((value, kind, None, tok))
                    elif self._is_pole(tok):
                        facts_here.append((1, "qualifying", None, tok))
                    elif tok.lower_ in self.win_words or tok.lower_.endswith("klassensieg"):
                        cls = self._class_of(clause)
                        if tok.lower_.endswith("klassensieg") or tok.lower_.startswith("klassen"):
                            prefix = tok.text[: -len("klassensieg")].rstrip("-")
                            cls = prefix or cls
                        if tok.lower_.startswith("klassensieg") or "wertung" in low:
                            if cls:
                                facts_here.append((1, "race", cls, tok))
                            continue
                        facts_here.append((1, "race", None, tok))
                    elif tok.lower_ in ("klassensieger", "klassensiegerin", "erste", "erster") and (
                        "klasse" in low
                    ):
                        cls = self._class_of(clause)
                        if cls:
                            facts_here.append((1, "race", cls, tok))
                if not facts_here:
                    subjects, _ = self._drivers(clause, set())
                    if subjects:
                        previous_crew = subjects
                    continue
                if any(w in low for w in not_result):
                    continue
                subjects, beaten = self._drivers(clause, set(self.cues["before_words"]))
                crew_ref = any(w in low.split() for w in self.cues["crew_words"])
                if not subjects and crew_ref:
                    subjects = previous_crew
                if subjects:
                    previous_crew = subjects
                for value, kind, cls, tok in facts_here:
                    if not subjects:
                        continue
                    facts.append(
                        ResultFact(
                            kind=kind,
                            position=value,
                            class_=cls,
                            drivers=[(s.start, s.end) for s in subjects],
                            cue=(tok.idx, tok.idx + len(tok.text)),
                            cue_text=tok.text,
                        )
                    )
                    if value == 1 and kind == "race" and cls is None and beaten:
                        facts.append(
                            ResultFact(
                                kind="race",
                                position=2,
                                class_=None,
                                drivers=[(beaten[0].start, beaten[0].end)],
                                cue=(tok.idx, tok.idx + len(tok.text)),
                                cue_text=tok.text,
                            )
                        )
        return facts

    def _list_results(self, doc: Doc) -> list[ResultFact]:
        """ "1. Name - Team - Car" lines below a result heading."""
        facts = []
        text = doc.text
        drivers = resolved(doc, "DRIVER")
        heading_bad = [re.compile(p) for p in self.cues["list_heading_not_final"]]
        for m in LIST_LINE.finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            before = text[max(0, m.start() - 400) : m.start()].lower()
            heading = before.strip().split("\n\n")[0] if before else ""
            block_start = before.rfind("\n\n")
            heading = before[block_start:] if block_start != -1 else before
            if any(p.search(heading) for p in heading_bad):
                continue
            first = next((d for d in drivers if m.end() <= d.start_char < line_end), None)
            if first is None or first.start_char - m.end() > 2:
                continue
            facts.append(
                ResultFact(
                    kind="race",
                    position=int(m.group(1)),
                    class_=None,
                    drivers=[(first.start, first.end)],
                    cue=(m.start(1), m.end(1) + 1),
                    cue_text=text[m.start(1) : m.end(1) + 1],
                )
            )
        return facts

    def __call__(self, doc: Doc) -> Doc:
        facts = self._list_results(doc)
        listed = {f.cue[0] for f in facts}
        for fact in self._sentence_results(doc, _quote_ranges(doc.text)):
            if fact.cue[0] not in listed:
                facts.append(fact)
        doc._.gtx_results = facts
        return doc


if not Doc.has_extension("gtx_results"):
    Doc.set_extension("gtx_results", default=None)


@Language.factory("gtx_results")
def make_results(nlp: Language, name: str) -> ResultFinder:
    return ResultFinder(name)
