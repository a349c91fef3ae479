"""Build ``src/gtextract/data/common_words.txt``: capitalised German lemmas.

A bare capitalised word that is a German lemma ("Winter", "Mann", "Steuer")
is not taken for a surname on the strength of a surname list alone. The
lemmas come from spacy-lookups-data's German lemma table (MIT licence);
given names are removed so that the list stays a list of common words.

    .venv/bin/python scripts/build_common_words.py
"""

from __future__ import annotations

from pathlib import Path

from spacy.lookups import load_lookups

from gtextract import gazetteers

OUT = Path(__file__).resolve().parents[1] / "src" / "gtextract" / "data" / "common_words.txt"
HEADER = (
    "# Capitalised German lemmas from spacy-lookups-data (lemma_lookup, de; MIT licence),\n"
    "# minus gtextract's given names. Built by scripts/build_common_words.py.\n"
)


def main() -> None:
    table = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    lemmas = {str(v) for _, v in table.items()}
    given = gazetteers.words("given_names")
    words = sorted(w for w in lemmas if w[:1].isupper() and w.isalpha() and w not in given)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
