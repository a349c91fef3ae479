"""Copy a trained pipeline to models/de_gtextract_base with a cleaned config and full meta.

Training-corpus paths are removed from the config (they point at a local corpus
that is not shipped), and the reporting scores from evaluate.py go into meta.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

MODELS = Path(__file__).parents[1]
VERSION = "0.1.0"
NOTICE = """de_gtextract_base - German NER model bundled with gtextract.

Model weights: CC BY-SA 4.0 (trained on WikiANN, which is derived from Wikipedia,
CC BY-SA). The gtextract code is MIT; this licence covers the model files only.

Training data:
- WikiANN / PAN-X German (Pan et al., ACL 2017), Wikipedia-derived, CC BY-SA.
  Filtered (fragments dropped, lower-case spans unlabelled).
- GermEval 2014 NER (Benikova, Biemann, Reznicek, LREC 2014), CC BY 4.0.
  Test split minus every 8th sentence; OTH -> MISC, -deriv/-part -> O.
- F1DB (https://www.f1db.com), CC BY 4.0: driver, entrant, constructor and circuit
  names, changed by filling them into synthetic German race-report sentences
  written for gtextract (models/scripts/synth.py).
- Pretraining text (no labels): the sentences above, WikiANN dev and
  Universal Dependencies German GSD dev/test (CC BY-SA 4.0).

Name and noun classes (vocab/lookups.bin, table "lexeme_norm"): about 66,000 given
names, surnames, places and organisations and about 248,000 forms of rare German common
nouns that the model reads as a feature. Sources:
- Faker (https://github.com/joke2k/faker), MIT licence, Copyright (c) 2012
  Daniele Faraglia: person and address providers of all Latin-script locales.
- WikiANN German dev split (CC BY-SA): names of its PER/LOC/ORG spans.
- The PER spans of the training data above.
- german-nouns (Gregor Weichbrodt, https://github.com/gambolputty/german-nouns),
  CC BY-SA 4.0, from German Wiktionary: the inflected forms of its common nouns
  (those rare in the training text get the class <noun>; about 3,200 others, in
  person_spans/nouns.txt, let the person_spans rules recognise frequent titles and
  role nouns).
- person_spans/lowercase_words.txt: words written lower-case in the training text.

Pipeline: tok2vec -> ner -> person_spans. The last component (factory
gtx_person_spans) comes with gtextract; to load the model without gtextract, pass
exclude=["person_spans"] to spacy.load.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("trained", type=Path, help="e.g. models/training/final/model-best")
    parser.add_argument("scores", type=Path, help="JSON written by evaluate.py --json")
    parser.add_argument("--out", type=Path, default=MODELS / "de_gtextract_base")
    args = parser.parse_args()
    nlp = spacy.load(args.trained)
    config = nlp.config
    for key in config["paths"]:
        config["paths"][key] = None
    # The name classes live in vocab/lookups.bin, which spacy.load applies; the training
    # callbacks that built them are not shipped, so drop their references.
    config["initialize"]["before_init"] = None
    config["corpora"]["train"]["augmenter"] = None
    nlp.config = config
    scores = json.loads(args.scores.read_text(encoding="utf-8"))
    ge = scores["germeval_dev"]
    nlp.meta.update(
        {
            "name": "gtextract_base",
            "lang": "de",
            "version": VERSION,
            "description": (
                "German NER (PER, LOC, ORG, MISC) for gtextract: pretrained CNN tok2vec + "
                "transition NER, trained on WikiANN-de train, GermEval 2014 test (minus a "
                "held-out slice) and synthetic race-report sentences built from F1DB names; "
                "listed given names, surnames, places and rare common nouns reach it as "
                "NORM classes (vocab lexeme_norm table). Rules keep titles, lone common "
                "nouns and sentence-initial words out of PER (gtx_person_spans, from gtextract)."
            ),
            "license": "CC BY-SA 4.0 (model weights; gtextract code is MIT)",
            "author": "gtextract developers",
            "sources": [
                {
                    "name": "WikiANN (PAN-X) de",
                    "url": "https://aclanthology.org/P17-1178/",
                    "license": "CC BY-SA (Wikipedia-derived)",
                },
                {
                    "name": "GermEval 2014 NER",
                    "url": "https://sites.google.com/site/germeval2014ner/",
                    "license": "CC BY 4.0",
                },
                {
                    "name": "F1DB",
                    "url": "https://www.f1db.com",
                    "license": "CC BY 4.0",
                    "attribution": "F1DB (https://www.f1db.com), CC BY 4.0; driver, entrant, "
                    "constructor and circuit names used to fill synthetic training sentences",
                },
                {
                    "name": "Faker",
                    "url": "https://github.com/joke2k/faker",
                    "license": "MIT",
                    "attribution": "Copyright (c) 2012 Daniele Faraglia; given names, surnames "
                    "and places in the lexeme_norm table (name classes read as a feature)",
                },
                {
                    "name": "german-nouns",
                    "url": "https://github.com/gambolputty/german-nouns",
                    "license": "CC BY-SA 4.0",
                    "attribution": "Gregor Weichbrodt, from German Wiktionary; inflected forms of "
                    "common nouns in the lexeme_norm table (the noun class read as a feature) "
                    "and in person_spans/nouns.txt (the person_spans rules)",
                },
            ],
            # spaCy's own keys describe the reporting set (GermEval 2014 dev, gold tokens)
            "performance": {
                "ents_p": ge["ents_p"],
                "ents_r": ge["ents_r"],
                "ents_f": ge["ents_f"],
                "ents_per_type": ge["ents_per_type"],
                "evaluated_on": "GermEval 2014 dev (OTH->MISC, deriv/part->O)",
                "germeval_dev_per_loc_org": scores["germeval_dev_plo"],
                "wikiann_test": scores["wikiann_test"],
            },
        }
    )
    nlp.meta.pop("spacy_git_version", None)
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    # travels with the model (also inside the wheel)
    (args.out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"{args.out}: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
