"""Score a pipeline on the reporting sets (gold tokens): GermEval 2014 dev and WikiANN test.

WikiANN has no MISC label, so MISC predictions are dropped before scoring it; GermEval
dev is scored on all four labels and, for the issue's target, on PER/LOC/ORG only.
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
    """NER P/R/F on gold tokens; labels in `drop` are removed from gold and prediction."""
    gold_docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    for gold in gold_docs:
        gold.ents = [e for e in gold.ents if e.label_ not in drop]
    # predict on the gold tokens: bypass the tokenizer
    inputs = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[True] * len(d)) for d in gold_docs)
    examples = []
    for pred, gold in zip(nlp.pipe(inputs, batch_size=256), gold_docs, strict=True):
        if drop:
            pred.ents = [e for e in pred.ents if e.label_ not in drop]
        examples.append(Example(pred, gold))
    prf = get_ner_prf(examples)
    return {k: round(float(v), 4) if isinstance(v, float) else v for k, v in prf.items()}


# Report-style probe: our own templates (unlike synth.py's) and invented names that
# appear in no training list, so it measures generalisation to race-report German.
PROBE_FIRST = ["Jannik", "Mara", "Tjark", "Lieselotte", "Ole", "Fenja", "Bastian", "Ilka"]
PROBE_LAST = ["Wellenkamp", "Stöcklein", "Hollerbach", "Brambeck", "Quernheim", "Uttlinger"]
PROBE_TEMPLATES = [
    "Beim Lauf in Oschersleben siegte {a} vor {b}.",
    "Nach dem Fahrerwechsel übergab {a} den Wagen an {b}.",
    "„Wir hatten ein schnelles Auto“, sagte {a} nach dem Rennen.",
    "Im Qualifying war {a} um zwei Zehntel schneller als {b}.",
    "Die Führung übernahm in Runde 12 {a}, dahinter folgte {b}.",
    "{a} kollidierte in der Schikane mit {b} und schied aus.",
]


def probe(nlp: Language) -> dict[str, float]:
    """Exact-match PER recall/precision on generated report sentences."""
    tp = fp = fn = 0
    for i, template in enumerate(PROBE_TEMPLATES):
        for j in range(len(PROBE_FIRST)):
            a = f"{PROBE_FIRST[j]} {PROBE_LAST[(i + j) % len(PROBE_LAST)]}"
            b = PROBE_LAST[(i + j + 3) % len(PROBE_LAST)]  # a bare surname
            doc = nlp(template.format(a=a, b=b))
            gold = {a, b} if "{b}" in template else {a}
            pred = {e.text for e in doc.ents if e.label_ == "PER"}
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}


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
    result: dict[str, Any] = {
        "germeval_dev": score(nlp, args.corpus / "germeval_dev.spacy"),
        # the target: overall on PER/LOC/ORG
        "germeval_dev_plo": score(nlp, args.corpus / "germeval_dev.spacy", frozenset({"MISC"})),
        "wikiann_test": score(nlp, args.corpus / "wikiann_test.spacy", frozenset({"MISC"})),
    }
    for name, s in result.items():
        print(fmt(name, s))
    result["report_probe_per"] = probe(nlp)
    print("report probe PER:", result["report_probe_per"])
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
