"""``gtx_person_spans``: the base model's PER spans cleaned of common German words.

GermEval 2014, on which the bundled base model is measured, leaves titles and role
nouns outside a person's name: *Regisseur [Bernhard Hübl]*, *König [Ludwig]*,
*ITR-Chef [Hans Werner Aufrecht]*. The statistical NER often takes them in (WikiANN's
links include them, and *König* or *Graf* are surnames too), and it sometimes tags a
lone capitalised word as a person. This component, run after ``ner``:

* trims the leading tokens of a PER span that are German common nouns;
* drops a one-word PER span that is a common noun (*Kabel*, *Muskelzellen*);
* drops a one-word PER span at the start of a sentence whose lower-case form is a
  common German word (*Tatsächlich*, *Jedenfalls*): every word is capitalised there.

A common noun is a word of its noun list or a word whose NORM is the model's noun
class; in a hyphenated compound the last part decides (*Desg-Sportdirektor*). Words on
the model's name lists (a class NORM such as ``⟨surname~⟩``) are never dropped, so
*Koch* or *König* alone stay persons. Both word lists are built by
``models/scripts/build_name_norms.py`` (german-nouns, CC BY-SA 4.0, without Faker's
given names, so *Mark Webber* keeps *Mark*; and the words written lower-case in the
training text) and travel with the model.
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
WORDS_FILE = "lowercase_words.txt"
# a token after these starts a sentence (the base model has no sentence boundaries)
SENTENCE_ENDS = frozenset({".", "!", "?", ":", "„", '"', "«", "»"})


class PersonSpanCleaner:
    def __init__(self, name: str, label: str, noun_norm: str) -> None:
        self.name = name
        self.label = label
        self.noun_norm = noun_norm
        # filled by initialize() at training time, by from_disk() on load
        self.nouns: frozenset[str] = frozenset()
        self.lowercase_words: frozenset[str] = frozenset()

    def is_common_noun(self, doc: Doc, word: str) -> bool:
        head = word.rsplit("-", 1)[-1]
        if not head.isalpha() or not head[:1].isupper():
            return False
        return head in self.nouns or doc.vocab[head].norm_ == self.noun_norm

    def is_listed_name(self, token: Token) -> bool:
        # the name lists of the model's NORM feature give a class norm like ⟨surname~⟩
        return token.norm_.startswith("⟨") and token.norm_ != self.noun_norm

    def is_sentence_initial_word(self, token: Token) -> bool:
        doc = token.doc
        starts = token.i == 0 or bool(token.is_sent_start) or doc[token.i - 1].text in SENTENCE_ENDS
        return starts and token.lower_ in self.lowercase_words

    def is_no_person(self, token: Token) -> bool:
        """A one-word PER span that is a common German word and on no name list."""
        if self.is_listed_name(token):
            return False
        return self.is_common_noun(token.doc, token.text) or self.is_sentence_initial_word(token)

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
            if len(ent) == 1 and self.is_no_person(ent[0]):
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
        # str, not Path: spaCy validates these settings with pydantic
        nouns: str | None = None,
        lowercase_words: str | None = None,
    ) -> None:
        """Read the word lists (one word per line, ``#`` comments) at training time."""
        if nouns is not None:
            self.nouns = read_words(Path(nouns))
        if lowercase_words is not None:
            self.lowercase_words = read_words(Path(lowercase_words))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        write_words(directory / NOUNS_FILE, self.nouns)
        write_words(directory / WORDS_FILE, self.lowercase_words)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PersonSpanCleaner:
        directory = ensure_path(path)
        self.nouns = read_words(directory / NOUNS_FILE)
        self.lowercase_words = read_words(directory / WORDS_FILE)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data = {"nouns": sorted(self.nouns), "lowercase_words": sorted(self.lowercase_words)}
        return srsly.msgpack_dumps(data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> PersonSpanCleaner:
        loaded = srsly.msgpack_loads(data)
        self.nouns = frozenset(loaded["nouns"])
        self.lowercase_words = frozenset(loaded["lowercase_words"])
        return self


def read_words(path: Path) -> frozenset[str]:
    if not path.is_file():
        raise FileNotFoundError(f"gtx_person_spans: word list not found: {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def write_words(path: Path, words: frozenset[str]) -> None:
    path.write_text("".join(f"{word}\n" for word in sorted(words)), encoding="utf-8")


@Language.factory(
    "gtx_person_spans",
    default_config={"label": "PER", "noun_norm": "⟨noun⟩"},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_person_spans(nlp: Language, name: str, label: str, noun_norm: str) -> PersonSpanCleaner:
    return PersonSpanCleaner(name, label, noun_norm)
