"""Score a pipeline on the reporting sets (gold tokens): GermEval 2014 dev and WikiANN test.

WikiANN has no MISC label, so MISC predictions are dropped before scoring it.
Prints a table and optionally writes the scores as JSON (used for meta.json).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, DocBin
from spacy.training import Example

CORPUS = Path(__file__).parents[1] / "corpus"


def score(nlp: Language, path: Path, drop: frozenset[str] = frozenset()) -> dict[str, Any]:
    gold_docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    # predict on the gold tokens: bypass the tokenizer
    inputs = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[True] * len(d)) for d in gold_docs)
    examples = []
    for pred, gold in zip(nlp.pipe(inputs, batch_size=256), gold_docs, strict=True):
        if drop:
            pred.ents = [e for e in pred.ents if e.label_ not in drop]
        examples.append(Example(pred, gold))
    prf = get_ner_prf(examples)
    return {k: round(float(v), 4) if isinstance(v, float) else v for k, v in prf.items()}


def fmt(name: str, s: dict[str, Any]) -> str:
    rows = [f"{name}: P {s['ents_p']:.3f} R {s['ents_r']:.3f} F {s['ents_f']:.3f}"]
    for label, v in sorted(s["ents_per_type"].items()):
        rows.append(f"  {label:5s} P {v['p']:.3f} R {v['r']:.3f} F {v['f']:.3f}")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    result = {
        "germeval_dev": score(nlp, args.corpus / "germeval_dev.spacy"),
        "wikiann_test": score(nlp, args.corpus / "wikiann_test.spacy", frozenset({"MISC"})),
    }
    for name, s in result.items():
        print(fmt(name, s))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
