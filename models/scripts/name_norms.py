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
    path: str, rate: float = 0.0, seed: int = 0
) -> Callable[[Language, Example], Iterator[Example]]:
    """Make the list classes of training sentences look like those of unseen text.

    * Cross-fitting: a name known only from the PER spans of this sentence's fold gets
      the class it would have without them, so the feature never just echoes the
      sentence's own label.
    * Dropout (`rate`): hide the class of a share of the listed tokens, so the model
      still finds the names no list has, which is most of the drivers in a race report.
      The token gets its ordinary lower-case norm, as an unlisted word has.
    """
    limited = read_table(Path(path))[1]
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        fold = fold_of([t.text for t in example.reference])
        for token in example.predicted:
            hidden = limited.get(token.text)
            if hidden is not None and hidden[0] == fold:
                token.norm_ = hidden[1] or token.lower_
            if rate and token.norm_.startswith("⟨") and rng.random() < rate:
                token.norm_ = token.lower_
        yield example

    return augment
