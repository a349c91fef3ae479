"""``gtx_person_titles``: titles and role nouns out of PER spans.

GermEval 2014, on which the bundled base model is measured, leaves titles and role
nouns outside a person's name: *Regisseur [Bernhard Hübl]*, *König [Ludwig]*,
*ITR-Chef [Hans Werner Aufrecht]*. The statistical NER often takes them in (WikiANN's
links include them, and *König* or *Graf* are surnames too). This component trims the
leading tokens of a PER span that are German common nouns: a word of its noun list, or
a word whose NORM is the model's noun class. In a hyphenated compound the last part
decides (*Desg-Sportdirektor* → *Sportdirektor*). A span is never trimmed to nothing;
instead, a one-word PER span that is such a noun and on none of the model's name lists
(*Kabel*, *Muskelzellen*) is dropped: a lone common noun is not a person.

The bundled model runs it after ``ner``; its noun list (``nouns.txt``, from
german-nouns, CC BY-SA 4.0) is built by ``models/scripts/build_name_norms.py`` without
the given names of the name lists, so *Mark Webber* keeps *Mark*.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import ensure_path

NOUNS_FILE = "nouns.txt"


class PersonTitleTrimmer:
    def __init__(
        self, name: str, label: str, noun_norm: str, nouns: Iterable[str] = ()
    ) -> None:
        self.name = name
        self.label = label
        self.noun_norm = noun_norm
        self.nouns: frozenset[str] = frozenset(nouns)

    def is_common_noun(self, doc: Doc, word: str) -> bool:
        head = word.rsplit("-", 1)[-1]
        if not head.isalpha() or not head[:1].isupper():
            return False
        return head in self.nouns or doc.vocab[head].norm_ == self.noun_norm

    def is_listed_name(self, token: Token) -> bool:
        # the name lists of the model's NORM feature give a class norm like ⟨surname~⟩
        return token.norm_.startswith("⟨") and token.norm_ != self.noun_norm

    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        changed = False
        for ent in doc.ents:
            if ent.label_ != self.label:
                ents.append(ent)
                continue
            start = ent.start
            while ent.end - start > 1 and self.is_common_noun(doc, doc[start].text):
                start += 1
            if start != ent.start:
                ent = Span(doc, start, ent.end, label=ent.label, kb_id=ent.kb_id)
                changed = True
            if (
                len(ent) == 1
                and not self.is_listed_name(ent[0])
                and self.is_common_noun(doc, ent[0].text)
            ):
                changed = True
                continue
            ents.append(ent)
        if changed:
            doc.ents = ents
        return doc

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        path: str | None = None,  # a str: spaCy validates these settings with pydantic
    ) -> None:
        """Read the noun list (one word per line, ``#`` comments) at training time."""
        if path is not None:
            self.nouns = read_nouns(Path(path))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        text = "".join(f"{word}\n" for word in sorted(self.nouns))
        (directory / NOUNS_FILE).write_text(text, encoding="utf-8")

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = ()
    ) -> PersonTitleTrimmer:
        self.nouns = read_nouns(ensure_path(path) / NOUNS_FILE)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"nouns": sorted(self.nouns)})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> PersonTitleTrimmer:
        self.nouns = frozenset(srsly.msgpack_loads(data)["nouns"])
        return self


def read_nouns(path: Path) -> frozenset[str]:
    if not path.is_file():
        raise FileNotFoundError(f"gtx_person_titles: noun list not found: {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@Language.factory(
    "gtx_person_titles",
    default_config={"label": "PER", "noun_norm": "⟨noun⟩"},
)
def make_person_titles(
    nlp: Language, name: str, label: str, noun_norm: str
) -> PersonTitleTrimmer:
    return PersonTitleTrimmer(name, label, noun_norm)
