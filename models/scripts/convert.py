"""Convert GermEval 2014 and WikiANN (de) into spaCy DocBins under models/corpus/.

Label mapping (outer GermEval tags only):
  PER, LOC, ORG -> same; OTH -> MISC (the label de_core_news_sm uses).
  *deriv (e.g. "deutschen", "Merkelsche") -> O: adjectives derived from a name are
  not names, and the race-report extractor must not turn "deutsche" into a person
  or place.
  *part (e.g. "EU-Kommission", "Schumacher-Fans") -> O: the token as a whole is a
  compound noun, not the name; tagging it would make the model emit one-token
  "entities" that are not names.
WikiANN has no MISC: its O tokens therefore also teach "not MISC" (known conflict,
accepted; WikiANN test is scored on PER/LOC/ORG only).

Splits (fixed, deterministic):
  train  = WikiANN train + GermEval test minus every 8th sentence (x4) (+
           synthetic report sentences, see synth.py)
  dev    = every 8th GermEval test sentence (model selection only)
  report = GermEval dev, WikiANN test (final reporting only, never trained on or
           used for selection)
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

DATA = Path("/work/shared/data")
HOLDOUT_EVERY = 8  # GermEval test sentence i is in the selection split if i % 8 == 0
CV_FOLDS = 2  # scripts/crossval.py: GermEval test sentence i is in fold i % 2
GERMEVAL_COPIES = 4  # GermEval training sentences are repeated: closer to reports
# Optional: split hyphens between letters/digits like the gtextract runtime tokenizer
HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W_])")

Sentence = tuple[list[str], list[str]]


def in_selection(i: int) -> bool:
    """Is GermEval test sentence `i` in the selection split?"""
    return i % HOLDOUT_EVERY == 0


def in_cv_fold(fold: int) -> Callable[[int], bool]:
    """Is GermEval test sentence `i` in cross-validation fold `fold`?"""
    return lambda i: i % CV_FOLDS == fold


def split(
    sents: list[Sentence], held_out: Callable[[int], bool]
) -> tuple[list[Sentence], list[Sentence]]:
    """(held-out sentences, training sentences) by sentence index."""
    held = [s for i, s in enumerate(sents) if held_out(i)]
    rest = [s for i, s in enumerate(sents) if not held_out(i)]
    return held, rest


def map_germeval(tag: str) -> str:
    if tag == "O" or tag.endswith("deriv") or tag.endswith("part"):
        return "O"
    prefix, label = tag.split("-", 1)
    return f"{prefix}-{'MISC' if label == 'OTH' else label}"


def read_germeval(path: Path) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(map_germeval(cols[2]))
    if words:
        yield words, tags


def read_wikiann(path: Path) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        token, tag = line.rsplit("\t", 1)
        words.append(token[3:] if token.startswith("de:") else token)
        tags.append(tag)
    if words:
        yield words, tags


def clean_wikiann(sents: list[Sentence]) -> list[Sentence]:
    """Drop WikiANN's list items, titles and redirects; unlabel lower-case "entities".

    WikiANN labels come from Wikipedia links, so fragments like "** mit der Festung
    Metz" or a linked adjective ("deutschen" -> LOC) are common. Fragments teach the
    model that any capitalised German noun is a name; linked adjectives contradict
    the GermEval -deriv -> O mapping.
    """
    out: list[Sentence] = []
    for words, tags in sents:
        if len(words) < 5 or sum(t == "O" for t in tags) < 3:
            continue
        if not words[0][:1].isalnum() or words[0] == "WEITERLEITUNG":
            continue
        new_tags = list(tags)
        i = 0
        while i < len(tags):
            if tags[i].startswith("B-"):
                j = i + 1
                while j < len(tags) and tags[j].startswith("I-"):
                    j += 1
                if words[i][:1].islower():
                    new_tags[i:j] = ["O"] * (j - i)
                i = j
            else:
                i += 1
        out.append((words, new_tags))
    return out


def fix_iob(tags: list[str]) -> list[str]:
    """Turn stray I- tags (after O or another label) into B- so BILUO conversion holds."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def split_hyphens(words: list[str], tags: list[str]) -> Sentence:
    new_words: list[str] = []
    new_tags: list[str] = []
    for word, tag in zip(words, tags, strict=True):
        parts = [p for p in re.split(r"((?<=[^\W_])-(?=[^\W_]))", word) if p]
        for i, part in enumerate(parts):
            new_words.append(part)
            new_tags.append(tag if i == 0 or tag == "O" else "I-" + tag[2:])
    return new_words, new_tags


def to_doc(
    vocab: spacy.vocab.Vocab, words: list[str], tags: list[str], caps_unknown: bool = False
) -> Doc:
    """A training Doc; with `caps_unknown`, capitalised O tokens (not sentence-initial)
    are marked missing instead of O.

    WikiANN labels only linked names, and has no MISC: an unlinked name or a work
    title is "O" there, which teaches the model to skip names GermEval labels. In
    German every noun is capitalised, so this also leaves nouns unknown in WikiANN;
    GermEval's sentences still teach them as O.
    """
    doc = Doc(vocab, words=words)
    ents = biluo_tags_to_spans(doc, iob_to_biluo(fix_iob(tags)))
    if not caps_unknown:
        doc.ents = ents
        return doc
    missing = [
        doc[i : i + 1]
        for i, (word, tag) in enumerate(zip(words, tags, strict=True))
        if i > 0 and tag == "O" and word[:1].isupper()
    ]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def write(
    path: Path,
    vocab: spacy.vocab.Vocab,
    sents: list[Sentence],
    hyphens: bool,
    caps_unknown_first: int = 0,
) -> None:
    """Write `sents` as a DocBin; the first `caps_unknown_first` sentences get `to_doc`'s
    caps_unknown treatment (WikiANN comes first in the training list)."""
    db = DocBin(store_user_data=False)
    for n, (words, tags) in enumerate(sents):
        if hyphens:
            words, tags = split_hyphens(words, tags)
        db.add(to_doc(vocab, words, tags, caps_unknown=n < caps_unknown_first))
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    print(f"{path}: {len(sents)} sentences")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parents[1] / "corpus")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split-hyphens", action="store_true")
    parser.add_argument("--raw-wikiann", action="store_true", help="skip clean_wikiann")
    parser.add_argument(
        "--wikiann-caps-unknown",
        action="store_true",
        help="WikiANN: capitalised O tokens are missing, not O (see to_doc)",
    )
    parser.add_argument(
        "--germeval-copies",
        type=int,
        default=GERMEVAL_COPIES,
        help="repeat GermEval training sentences: hand-annotated news text, closer to reports",
    )
    args = parser.parse_args()
    vocab = spacy.blank("de").vocab
    ge_test = list(read_germeval(args.data / "germeval2014" / "NER-de-test.tsv"))
    ge_dev = list(read_germeval(args.data / "germeval2014" / "NER-de-dev.tsv"))
    wa_train = list(read_wikiann(args.data / "wikiann-de" / "train"))
    wa_test = list(read_wikiann(args.data / "wikiann-de" / "test"))
    held, ge_train = split(ge_test, in_selection)
    wa_train_all = wa_train
    if not args.raw_wikiann:
        wa_train = clean_wikiann(wa_train)
    h = args.split_hyphens
    caps = len(wa_train) if args.wikiann_caps_unknown else 0
    write(args.out / "train.spacy", vocab, wa_train + ge_train * args.germeval_copies, h, caps)
    write(args.out / "dev.spacy", vocab, held, h)
    # Reporting sets keep gold tokens: scores are on the original tokenisation.
    write(args.out / "germeval_dev.spacy", vocab, ge_dev, False)
    write(args.out / "wikiann_test.spacy", vocab, wa_test, False)
    # Unlabelled text for `spacy pretrain`: training sentences, WikiANN dev (selection
    # split, labels unused) and UD German GSD sentences. Never GermEval dev / WikiANN test.
    raw = [" ".join(w) for w, _ in wa_train_all + ge_train]
    raw += [" ".join(w) for w, _ in read_wikiann(args.data / "wikiann-de" / "dev")]
    for conllu in sorted((args.data / "ud-german-gsd").glob("*.conllu")):
        for line in conllu.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                raw.append(line[len("# text = ") :])
    with (args.out / "raw.jsonl").open("w", encoding="utf-8") as fh:
        for text in raw:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(f"{args.out / 'raw.jsonl'}: {len(raw)} texts")


if __name__ == "__main__":
    main()
