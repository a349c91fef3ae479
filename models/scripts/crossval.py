"""Corpora for a 2-fold cross-validation on GermEval 2014 test, a stronger model
selection than the 638-sentence selection split (which separates steps only by more
than ~1.5 points): fold K trains on WikiANN train + the GermEval test sentences outside
fold K (+ the synthetic sentences) and is scored on fold K, so every GermEval test
sentence is scored once. GermEval dev and WikiANN test stay out, as everywhere.

    ../.venv/bin/python scripts/crossval.py            # writes corpus/cv0, corpus/cv1
    ../.venv/bin/python scripts/build_name_norms.py ... --cv-fold K --out features/cvK.tsv
    spacy train config.cfg --paths.train corpus/cvK/train_all --paths.dev corpus/cvK/dev.spacy \
        --paths.names features/cvK.tsv --paths.init_tok2vec null --code scripts/name_norms.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from convert import (
    CV_FOLDS,
    DATA,
    GERMEVAL_COPIES,
    clean_wikiann,
    in_cv_fold,
    read_germeval,
    read_wikiann,
    split,
    write,
)

CORPUS = Path(__file__).parents[1] / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--copies",
        type=int,
        default=GERMEVAL_COPIES,
        help="copies of the GermEval training sentences (experiment; writes corpus/cvK_geN)",
    )
    args = parser.parse_args()
    suffix = "" if args.copies == GERMEVAL_COPIES else f"_ge{args.copies}"
    vocab = spacy.blank("de").vocab
    ge_test = list(read_germeval(DATA / "germeval2014" / "NER-de-test.tsv"))
    wa_train = clean_wikiann(list(read_wikiann(DATA / "wikiann-de" / "train")))
    for fold in range(CV_FOLDS):
        out = CORPUS / f"cv{fold}{suffix}"
        held, rest = split(ge_test, in_cv_fold(fold))
        write(out / "train_all" / "train.spacy", vocab, wa_train + rest * args.copies, False)
        write(out / "dev.spacy", vocab, held, False)
        synth = out / "train_all" / "synth.spacy"
        if not synth.exists():
            synth.symlink_to((CORPUS / "synth.spacy").resolve())


if __name__ == "__main__":
    main()
