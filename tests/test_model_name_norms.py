"""The name-class feature of the base model's training (models/scripts/name_norms.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

SCRIPT = Path(__file__).resolve().parents[1] / "models" / "scripts" / "name_norms.py"


@pytest.fixture(scope="module")
def name_norms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gtx_model_name_norms", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table(tmp_path: Path, fold_limited: str, fold: int) -> Path:
    path = tmp_path / "norms.tsv"
    path.write_text(
        "# word\tnorm[\tonly fold\tnorm outside that fold]\n"
        "Wellenkamp\t⟨surname⟩\n"
        f"{fold_limited}\t⟨given+surname⟩\t{fold}\t⟨given⟩\n",
        encoding="utf-8",
    )
    return path


def _blank_with_table(name_norms: ModuleType, path: Path) -> spacy.language.Language:
    """A blank German pipeline whose norms come from the table at `path`."""
    nlp = spacy.blank("de")
    name_norms.add_name_norms(str(path))(nlp)
    return nlp


def _example(nlp: spacy.language.Language, words: list[str]) -> Example:
    reference = Doc(nlp.vocab, words=words)
    return Example(nlp.make_doc(reference.text), reference)


def test_listed_words_get_their_class_as_norm(name_norms: ModuleType, tmp_path: Path) -> None:
    nlp = _blank_with_table(name_norms, _table(tmp_path, "Mara", 0))
    doc = nlp.make_doc("Dann überholte Mara Wellenkamp im Rennen")
    assert [t.norm_ for t in doc] == [
        "dann",
        "überholte",
        "⟨given+surname⟩",
        "⟨surname⟩",
        "im",
        "rennen",
    ]


def test_a_name_known_from_one_fold_loses_its_corpus_class_there(
    name_norms: ModuleType, tmp_path: Path
) -> None:
    own = ["Gestern", "gewann", "Mara", "Wellenkamp", "."]
    fold = name_norms.fold_of(own)
    other = next(
        words
        for n in range(50)
        if name_norms.fold_of(words := ["Rennen", str(n), "gewann", "Mara", "."]) != fold
    )
    path = _table(tmp_path, "Mara", fold)
    nlp = _blank_with_table(name_norms, path)
    augment = name_norms.name_norm_training(str(path))
    in_fold = next(augment(nlp, _example(nlp, own))).predicted
    out_of_fold = next(augment(nlp, _example(nlp, other))).predicted
    # in its own fold the class falls back to what the other sources say ...
    assert in_fold[2].norm_ == "⟨given⟩"
    # ... elsewhere the full class stays; names from other sources are never touched
    assert out_of_fold[3].norm_ == "⟨given+surname⟩"
    assert in_fold[3].norm_ == "⟨surname⟩"


def test_dropout_hides_classes_but_keeps_plain_words(
    name_norms: ModuleType, tmp_path: Path
) -> None:
    path = _table(tmp_path, "Mara", 0)
    nlp = _blank_with_table(name_norms, path)
    augment = name_norms.name_norm_training(str(path), rate=1.0)
    doc = next(augment(nlp, _example(nlp, ["Sieg", "für", "Wellenkamp"]))).predicted
    assert [t.norm_ for t in doc] == ["sieg", "für", "wellenkamp"]


def test_mention_replacement_swaps_person_names_and_keeps_everything_else(
    name_norms: ModuleType, tmp_path: Path
) -> None:
    path = _table(tmp_path, "Mara", 0)
    nlp = _blank_with_table(name_norms, path)
    reference = Doc(
        nlp.vocab,
        words=["Jannik", "Brambeck", "siegte", "in", "Oschersleben", "vor", "Quernheim", "."],
        ents=["B-PER", "I-PER", "O", "O", "B-LOC", "O", "B-PER", "O"],
    )
    example = Example(nlp.make_doc(reference.text), reference)
    augment = name_norms.name_norm_training(str(path), replace=1.0)
    out = next(augment(nlp, example))
    ents = [(e.text, e.label_) for e in out.reference.ents]
    # the only given name in the table is Mara, the surnames are Wellenkamp and Mara
    assert ents[0][0].split()[0] == "Mara" and ents[0][1] == "PER"
    assert ents[1] == ("Oschersleben", "LOC")
    assert ents[2][0] in {"Wellenkamp", "Mara"} and ents[2][1] == "PER"
    assert [t.text for t in out.reference][2:6] == ["siegte", "in", "Oschersleben", "vor"]
    assert out.predicted.text == out.reference.text


def test_noun_class_lists_common_noun_forms_but_not_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if importlib.util.find_spec("german_nouns") is None:
        pytest.skip("german-nouns not installed (part of the model's training setup)")
    monkeypatch.syspath_prepend(str(SCRIPT.parent))
    build = importlib.import_module("build_name_norms")
    forms = build.common_noun_forms()
    # inflected forms of a compound noun, which the tokenizer sees as one word
    assert {"Mindestlohn", "Mindestlohns", "Mindestlöhne"} <= forms
    # Wiktionary's given names, surnames and place names are not common nouns
    assert not {"Sabine", "Schleswig", "Hamburg"} & forms
