"""spaCy callback that puts the name/place classes of features/name_norms.tsv into the
vocab's ``lexeme_norm`` table before training (``spacy train --code scripts/name_norms.py``).

The table is saved with the trained pipeline's vocab (``vocab/lookups.bin``) and
``spacy.load`` applies it again, so the packaged model needs no custom code.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Span
from spacy.training import Example

FOLDS = 2  # cross-fitting folds of the training sentences


def fold_of(words: list[str]) -> int:
    """Cross-fitting fold of a training sentence (build_name_norms.py uses it too)."""
    return zlib.crc32(" ".join(words).encode("utf-8")) % FOLDS


def read_table(path: Path) -> tuple[dict[str, str], dict[str, tuple[int, str]]]:
    """features/name_norms.tsv -> (word -> class norm, word -> (only fold, norm outside
    that fold)) for the words whose class comes from one fold of the training spans."""
    norms: dict[str, str] = {}
    fold_limited: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        norms[cols[0]] = cols[1]
        if len(cols) == 4:
            fold_limited[cols[0]] = (int(cols[2]), cols[3])
    return norms, fold_limited


@spacy.registry.callbacks("gtextract.add_name_norms.v1")
def add_name_norms(path: str) -> Callable[[Language], Language]:
    def before_init(nlp: Language) -> Language:
        lookups = nlp.vocab.lookups if nlp.vocab.lookups is not None else Lookups()
        if lookups.has_table("lexeme_norm"):
            lookups.remove_table("lexeme_norm")
        lookups.add_table("lexeme_norm", read_table(Path(path))[0])
        nlp.vocab.lookups = lookups  # the setter installs the NORM getter
        return nlp

    return before_init


@spacy.registry.augmenters("gtextract.name_norm_training.v1")
def name_norm_training(
    path: str, rate: float = 0.0, seed: int = 0, replace: float = 0.0
) -> Callable[[Language, Example], Iterator[Example]]:
    """Make the list classes of training sentences look like those of unseen text.

    * Cross-fitting: a name known only from the PER spans of this sentence's fold gets
      the class it would have without them, so the feature never just echoes the
      sentence's own label.
    * Dropout (`rate`): hide the class of a share of the listed tokens, so the model
      still finds the names no list has, which is most of the drivers in a race report.
      The token gets its ordinary lower-case norm, as an unlisted word has.
    * Mention replacement (`replace`): in that share of the sentences, every PER span of
      one to three capitalised words becomes a random listed given name(s) + surname,
      so the model learns the contexts of names rather than the names it has seen.
    """
    norms, limited = read_table(Path(path))
    given = sorted(w for w, n in norms.items() if "given" in n and "~" not in n)
    surnames = sorted(w for w, n in norms.items() if "surname" in n and "~" not in n)
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        if replace and rng.random() < replace:
            example = replace_mentions(nlp, example, rng, given, surnames)
        fold = fold_of([t.text for t in example.reference])
        for token in example.predicted:
            hidden = limited.get(token.text)
            if hidden is not None and hidden[0] == fold:
                token.norm_ = hidden[1] or token.lower_
            if rate and token.norm_.startswith("⟨") and rng.random() < rate:
                token.norm_ = token.lower_
        yield example

    return augment


def replace_mentions(
    nlp: Language, example: Example, rng: random.Random, given: list[str], surnames: list[str]
) -> Example:
    """The example with its short PER spans swapped for random list names."""
    ref = example.reference
    starts = {ent.start: ent for ent in ref.ents}
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    i = 0
    while i < len(ref):
        ent = starts.get(i)
        if ent is None:
            words.append(ref[i].text)
            spaces.append(bool(ref[i].whitespace_))
            i += 1
            continue
        start = len(words)
        if ent.label_ == "PER" and len(ent) <= 3 and all(t.is_alpha and t.is_title for t in ent):
            words += [rng.choice(given) for _ in range(len(ent) - 1)] + [rng.choice(surnames)]
            spaces += [True] * (len(ent) - 1) + [bool(ent[-1].whitespace_)]
        else:
            words += [t.text for t in ent]
            spaces += [bool(t.whitespace_) for t in ent]
        ents.append((start, len(words), ent.label_))
        i = ent.end
    reference = Doc(nlp.vocab, words=words, spaces=spaces)
    reference.ents = [Span(reference, s, e, label) for s, e, label in ents]
    return Example(Doc(nlp.vocab, words=words, spaces=spaces), reference)
