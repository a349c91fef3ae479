"""Write the `spacy pretrain` config: config.cfg with the name classes installed at
pipeline creation. `spacy pretrain` never runs [initialize.before_init], so without
this the pretrained tok2vec would see ordinary norms where training sees classes.

    ../.venv/bin/python scripts/pretrain_config.py config.cfg training/pretrain.cfg
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.util import load_config


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    config = load_config(source)
    config["nlp"]["after_creation"] = dict(config["initialize"]["before_init"])
    target.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(target)
    print(f"{target}: pretraining config with {config['nlp']['after_creation']}")


if __name__ == "__main__":
    main()
