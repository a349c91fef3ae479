"""``gtx_cars``: car models — a make followed by model words ("BMW M6 GT3") —
and the start numbers written after cars ("BMW M6 GT3 #77").

A bare make ("der BMW", "die Mercedes") is not a car model. The model ends
at the first word that is neither a known model word, nor carries a digit
("R8", "911", "Z06.R"), nor a model family of that make ("Huracán"), or at a
rally class a table glued to it ("R5RC2", ``data/glued_cells.json``). A spec
chassis (``chassis: true`` in ``makes.jsonl``) with the engine make after it is
a car ("Dallara Mercedes"); a make with team words ("Audi Sport") or with a
suffix the team gazetteer lists as a whole ("Haas F1") is an entrant, no car.
The start numbers of these cars and of the gazetteer's car models go to
``doc._.gtx_car_numbers`` (end char of the car -> number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from gtextract.components import contract
from gtextract.components.alternation import any_of
from gtextract.components.base import DataComponent
from gtextract.components.glued import GLUED_CELLS_FILE, glued_cells
from gtextract.components.spans import add_candidates, candidates, text_of
from gtextract.gazetteers import DataSource, entry_file, word_file

MAX_MODEL_TOKENS = 6
CAR_NUMBER = re.compile(r"^#?\d{1,3}$")


class CarFinder(DataComponent):
    data_files = (
        word_file("car_model_words"),
        word_file("team_words"),
        word_file("measure_units"),
        entry_file("car_models"),
        GLUED_CELLS_FILE,
        entry_file("makes"),
    )

    def setup(self, data: DataSource) -> None:
        self.model_words = set(data.words("car_model_words"))
        self.units = {w.lower() for w in data.words("measure_units")}
        self.team_words = {w.lower() for w in data.words("team_words")}
        # "Fiesta R5RC2" of a scraped table: the rally class gtx_glued cut off the
        # model is no model word
        self.glued_tail = any_of(glued_cells(data).cells_after_words)
        # spec chassis builders: "Dallara Mercedes" is a car (chassis and engine), where
        # "Williams-Renault" is a constructor's entry
        self.chassis_makes = {e.name for e in data.entries("makes") if e.attrs.get("chassis")}
        self.families: set[str] = set()
        for entry in data.entries("car_models"):
            model = str(entry.attrs.get("model", ""))
            for form in (model, *[a for a in entry.aliases if " " not in a]):
                first = form.split(" ")[0].split("-")[0]
                if len(first) > 1 and not any(c.isdigit() for c in first):
                    self.families.add(first)  # "Huracán", not the "M" of "M Hybrid"

    def _is_model_token(self, tok: Token) -> bool:
        text = tok.text
        if text in self.model_words or text in self.families:
            return True
        has_digit = any(c.isdigit() for c in text)
        has_alpha = any(c.isalpha() for c in text)
        if has_digit and has_alpha and len(text) <= 8:  # R8, M6, GT3R, Z06.R, C7.R
            return True
        return text.isdigit() and 2 <= len(text) <= 3  # 911, 296, 718

    def _version_digit(self, doc: Doc, i: int) -> bool:
        """A single digit after a lettered model word, on the same line."""
        prev = doc[i - 1]
        return (
            len(doc[i].text) == 1
            and doc[i].text != "0"
            and prev.whitespace_ == " "
            and prev.text in self.model_words
            and not any(c.isdigit() for c in prev.text)
        )

    def _glued_tail(self, tok: Token) -> bool:
        """``tok`` is a whole cell of those glued to the end of a word ("RC2")."""
        m = self.glued_tail.match(text_of(tok.doc), tok.idx)  # the rule looks behind
        return m is not None and m.end() == tok.idx + len(tok.text)

    @staticmethod
    def _ends_line(tok: Token) -> bool:
        """The last word of its line or of a tab-separated cell."""
        return (
            "\n" in tok.whitespace_
            or "\t" in tok.whitespace_
            or tok.i + 1 == len(tok.doc)
            or tok.doc[tok.i + 1].is_space
        )

    def _model_end(self, doc: Doc, start: int, makes_at: set[int]) -> int:
        end = start
        while end < len(doc) and end - start < MAX_MODEL_TOKENS:
            tok = doc[end]
            if tok.text.isdigit() and end + 1 < len(doc) and doc[end + 1].lower_ in self.units:
                break  # "Toyota 367 km": a distance after the make, no model number
            if end > start and not doc[end - 1].whitespace_ and self._glued_tail(tok):
                break
            if tok.text.isdigit() and end > start:
                # after the first model word a version digit ("Evo 2", "GT 3 Cup") or a
                # number inside the line; "Audi A4 678" ending a table row is the points
                if not (
                    self._version_digit(doc, end)
                    or (self._is_model_token(tok) and not self._ends_line(tok))
                ):
                    break
                end += 1
            elif self._is_model_token(tok) or (end in makes_at and end > start):
                end += 1
            elif (
                tok.text == "-"
                and not tok.whitespace_
                and end > start
                and not doc[end - 1].whitespace_
                and end + 1 < len(doc)
                and self._is_model_token(doc[end + 1])
            ):
                end += 2  # "GT-R"
            else:
                break
        return end

    @staticmethod
    def _engine_end(doc: Doc, chassis: Span, makes: list[Span]) -> int:
        """ "Dallara Mercedes", "Tatuus-Abarth": the end of the engine make written
        right after a spec chassis, else the chassis' own end."""
        at = chassis.end
        if at < len(doc) and doc[at].text == "-" and not chassis[-1].whitespace_:
            at += 1
        engine = next((m for m in makes if m.start == at and m.kb_id_ != chassis.kb_id_), None)
        return chassis.end if engine is None else engine.end

    def __call__(self, doc: Doc) -> Doc:
        makes = sorted(candidates(doc, "MAKE"), key=lambda s: (s.start, -len(s)))
        makes_at = {m.start for m in makes}
        # "Haas F1", "Mercedes F1": a make and a suffix that the team list knows as a
        # whole is that team, unless the car model list knows it too
        team_extents = {(t.start, t.end) for t in candidates(doc, "TEAM")}
        team_extents -= {(c.start, c.end) for c in candidates(doc, "CAR_MODEL")}
        spans = []
        covered_until = -1
        for make in makes:
            if make.start < covered_until:
                continue
            end = self._model_end(doc, make.end, makes_at)
            if end == make.end and make.kb_id_ in self.chassis_makes:
                end = self._engine_end(doc, make, makes)
            if end == make.end:
                continue
            # a model that is only another make ("BMW Alpina") needs a model word after
            # it, unless the first make is a spec chassis naming its engine
            only_makes = all(t.i in makes_at or t.text == "-" for t in doc[make.end : end])
            if only_makes and make.kb_id_ not in self.chassis_makes:
                continue
            # "Williams Racing", "Audi Sport": a make with team words is an entrant
            if all(t.lower_ in self.team_words for t in doc[make.end : end]):
                continue
            if (make.start, end) in team_extents:  # "Haas F1"
                continue
            car = Span(doc, make.start, end, label="CAR", kb_id=make.kb_id_)
            spans.append(car)
            covered_until = end
        add_candidates(doc, spans)
        doc._.gtx_car_numbers = car_numbers(candidates(doc, "CAR", "CAR_MODEL"))
        return doc


def number_after(span: Span) -> str | None:
    """The start number written after a car: "BMW Z4 #77"."""
    doc = span.doc
    nxt = doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "#" and nxt[1].text.rstrip(".").isdigit():
        return nxt[1].text.rstrip(".")  # "#19." at a sentence end
    if len(nxt) >= 1 and nxt[0].text.startswith("#") and CAR_NUMBER.match(nxt[0].text):
        return nxt[0].text.lstrip("#")
    return None


def car_numbers(cars: Iterable[Span]) -> dict[int, str]:
    """End char of each car followed by a start number -> that number."""
    return {car.end_char: n for car in cars if (n := number_after(car)) is not None}


@Language.factory(
    "gtx_cars",
    assigns=[contract.SPANS, contract.extension("gtx_car_numbers")],
    requires=[contract.SPANS],
)
def make_cars(nlp: Language, name: str) -> CarFinder:
    return CarFinder(name)
