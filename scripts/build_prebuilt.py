"""Build ``src/gtextract/_prebuilt/`` (``make prebuilt``), what a start would
otherwise compute:

- ``gazetteer_patterns.jsonl``: the gazetteer's patterns tokenised with the
  bundled base model's tokenizer. Run this after changing a gazetteer data file
  or the tokenizer rules; until then ``gtextract.load()`` notices the stale key
  and tokenises at every start, and ``tests/components/test_gazetteer_cache.py``
  fails.

    .venv/bin/python scripts/build_prebuilt.py
"""

from __future__ import annotations

from gtextract.base_model import bundled_model_path, load_base
from gtextract.components import gazetteer_cache
from gtextract.components.gazetteer import GAZETTEER_KINDS
from gtextract.components.tokenizer import add_hyphen_infixes
from gtextract.gazetteers import package_data


def main() -> None:
    nlp, _ = load_base(bundled_model_path() or "blank")
    add_hyphen_infixes(nlp)  # as pipeline.add_components does before initialize
    key, patterns = gazetteer_cache.build(nlp, package_data(), GAZETTEER_KINDS)
    gazetteer_cache.write(gazetteer_cache.PREBUILT, key, patterns)
    print(f"{len(patterns)} patterns from {len(key['files'])} files -> {gazetteer_cache.PREBUILT}")


if __name__ == "__main__":
    main()
