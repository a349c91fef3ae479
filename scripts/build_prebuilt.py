"""Build ``src/gtextract/_prebuilt/`` (``make prebuilt``), what a start would
otherwise compute:

- ``gazetteer_patterns.jsonl``: the gazetteer's patterns tokenised with the
  bundled base model's tokenizer. Run this after changing a gazetteer data file
  or the tokenizer rules; until then ``gtextract.load()`` notices the stale key
  and tokenises at every start, and ``tests/components/test_gazetteer_cache.py``
  fails.
- the bundled model's ``tokenizer`` file: rewritten with gtextract's affix rules
  and token match (``add_hyphen_infixes``), so a start loads the tokenizer once
  from that file instead of building spaCy's defaults, loading the model's and
  then compiling gtextract's (``tests/components/test_tokenizer.py`` checks it).
- ``lexeme_norm.npz``: the bundled model's NORM table in compact form. Run this
  after retraining the model (``make model``); until then the model loads its
  table the slow way and ``tests/test_compact_norms.py`` fails.

    .venv/bin/python scripts/build_prebuilt.py
"""

from __future__ import annotations

from gtextract import compact_norms
from gtextract.base_model import bundled_model_path, load_base
from gtextract.components import gazetteer_cache
from gtextract.components.gazetteer import GAZETTEER_KINDS
from gtextract.components.tokenizer import add_hyphen_infixes
from gtextract.gazetteers import package_data


def main() -> None:
    nlp, _ = load_base(bundled_model_path() or "blank")
    add_hyphen_infixes(nlp)  # as pipeline.add_components does before initialize
    model = bundled_model_path()
    if model is not None:
        nlp.tokenizer.to_disk(model / "tokenizer", exclude=["vocab"])  # type: ignore[union-attr]
        print(f"gtextract's tokenizer rules -> {model / 'tokenizer'}")
    key, patterns = gazetteer_cache.build(nlp, package_data(), GAZETTEER_KINDS)
    gazetteer_cache.write(gazetteer_cache.PREBUILT, key, patterns)
    print(f"{len(patterns)} patterns from {len(key['files'])} files -> {gazetteer_cache.PREBUILT}")
    if model is not None:
        table = compact_norms.write_prebuilt(model)
        print(f"{len(table)} norms of {model} -> {compact_norms.PREBUILT}")


if __name__ == "__main__":
    main()
