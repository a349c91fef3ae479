"""``gtx_glued``: split the words a flattened table glued together.

A result table copied from a web page often loses the gap between its cells:
"3.Carlos SainzMINI+00:08:03", "MarrakeschD'Ambrosio (Mahindra)". The name is
then never a token of its own, so no name rule can see it. This component
runs first (before the base pipeline) and is the one place for glued cells;
it splits a token

- after a cell glued to the start of a word, a position ("3.Carlos" -> "3."
  "Carlos", "3Vorobjovs" -> "3" "Vorobjovs"),
- before a cell glued to its end, a rally class ("R5RC2" -> "R5" "RC2"), or a
  sentence's full stop after a model letter ("GT3 R." -> "R" "."; the base
  tokenizer keeps a capital and its dot together as an initial),
- at an inner lower-case -> capital boundary when the two sides are cells the
  data knows: a make after a name ("SainzMINI"), a name after a town or
  country ("MarrakeschD'Ambrosio"), a surname after a given name
  ("CallumIlott"); a word of a gazetteer name stays whole ("McLaren", "4Motors").

The cells are regexes in ``data/glued_cells.json``. Only token boundaries
change; the Doc's text and character offsets stay.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.components.alternation import any_of
from gtextract.components.base import DataComponent
from gtextract.cues import GluedCells
from gtextract.gazetteers import ENTRY_KINDS, DataSource, entry_file, mapping_file, word_file

GLUED_CELLS_FILE = "glued_cells.json"
# "SainzMINI": a lower-case letter right before a capital inside a word
INNER_CAPITAL = re.compile(r"(?<=[a-zäöüßéèáàóòíìúùñç])(?=[A-ZÄÖÜ])")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
NAME_WORD_BREAK = re.compile(r"[\s-]+")
MIN_PART = 3  # "ePrix", "McLaren": a part shorter than this is a prefix, not a word


class GluedCellSplitter(DataComponent):
    """Sets token boundaries inside words glued from two table cells."""

    data_files = (
        GLUED_CELLS_FILE,
        word_file("given_names"),
        word_file("surnames"),
        mapping_file("nationalities"),
        *(entry_file(kind) for kind in ENTRY_KINDS),
    )

    def setup(self, data: DataSource) -> None:
        cells = glued_cells(data)
        self.cells_before = any_of(cells.cells_before_words)
        self.cells_after = any_of(cells.cells_after_words)
        self.given = frozenset(w.lower() for w in data.words("given_names"))
        self.surnames = frozenset(w.lower() for w in data.words("surnames"))
        self.makes = frozenset(f.lower() for e in data.entries("makes") for f in e.forms)
        places = set(data.mapping("nationalities")) | set(data.track_places())
        self.places = frozenset(w.lower() for w in places)
        # the words of the gazetteers' names are written glued on purpose
        # ("DragonSpeed", "4Motors", "Team 7Up Jordan")
        self.name_words = frozenset(
            word.lower()
            for kind in ENTRY_KINDS
            for e in data.entries(kind)
            for f in e.forms
            for word in NAME_WORD_BREAK.split(f)
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        cuts: dict[int, list[int]] = {}  # token index -> character offsets to cut at
        for m in self.cells_before.finditer(text):
            self._add_cut(doc, cuts, m.end(), self.name_words)
        for m in self.cells_after.finditer(text):
            self._add_cut(doc, cuts, m.start(), self.name_words)
        for m in INNER_CAPITAL.finditer(text):
            if self._cell_boundary(text, m.start()):
                self._add_cut(doc, cuts, m.start())
        if not cuts:
            return doc
        with doc.retokenize() as retokenizer:
            for i, offsets in cuts.items():
                token = doc[i]
                bounds = [0, *sorted(o - token.idx for o in set(offsets)), len(token.text)]
                orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
                retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
        return doc

    def _cell_boundary(self, text: str, at: int) -> bool:
        """True when the letters around ``at`` are two cells: a name before a make
        ("SainzMINI"), a town or country before a name ("MarrakeschD'Ambrosio"),
        a given name before a surname ("CallumIlott")."""
        left_start = at
        while left_start > 0 and (text[left_start - 1].isalpha() or text[left_start - 1] == "'"):
            left_start -= 1
        right = WORD.match(text, at)
        if right is None:
            return False
        left, right_word = text[left_start:at].lower(), right.group(0).lower()
        if len(left) < MIN_PART or len(right_word) < 2 or left + right_word in self.name_words:
            return False
        return (
            right_word in self.makes
            or left in self.places
            or (left in self.given and right_word in self.surnames)
        )

    @staticmethod
    def _add_cut(
        doc: Doc, cuts: dict[int, list[int]], at: int, whole: frozenset[str] = frozenset()
    ) -> None:
        """Cut the token around ``at`` there, unless it is one of the ``whole`` words."""
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        token = span[0]
        if token.idx < at < token.idx + len(token.text) and token.lower_ not in whole:
            cuts.setdefault(token.i, []).append(at)


def glued_cells(data: DataSource) -> GluedCells:
    """The cell regexes of ``data/glued_cells.json`` (read by gtx_glued and gtx_cars)."""
    return data.cues(GLUED_CELLS_FILE.removesuffix(".json"), GluedCells)


@Language.factory("gtx_glued", assigns=["token.orth"])
def make_glued(nlp: Language, name: str) -> GluedCellSplitter:
    return GluedCellSplitter(name)
