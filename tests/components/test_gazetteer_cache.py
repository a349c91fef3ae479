"""The prebuilt gazetteer patterns: current, equal to fresh tokenisation, and
ignored (patterns tokenised afresh) when the data or the tokenizer changed."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from gtextract.base_model import bundled_model_path, load_base
from gtextract.components import gazetteer_cache
from gtextract.components.gazetteer import GAZETTEER_KINDS, GazetteerMatcher
from gtextract.components.tokenizer import add_hyphen_infixes
from gtextract.gazetteers import DataSource, package_data


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The bundled base's tokenizer, as ``make prebuilt`` uses it."""
    base, _ = load_base(bundled_model_path() or "blank")
    return add_hyphen_infixes(base)


def _rows(patterns: list[gazetteer_cache.TokenisedPattern]) -> list[tuple]:
    return [(p.pattern["label"], p.pattern["id"], p.pattern["pattern"], p.lower) for p in patterns]


def test_shipped_patterns_are_current_and_equal_fresh_tokenisation(nlp: Language) -> None:
    key, shipped = gazetteer_cache.read(gazetteer_cache.PREBUILT)
    reason = gazetteer_cache.stale_reason(nlp, package_data(), GAZETTEER_KINDS, key)
    assert reason is None, f"prebuilt gazetteer patterns are stale ({reason}): run `make prebuilt`"
    fresh_key, fresh = gazetteer_cache.build(nlp, package_data(), GAZETTEER_KINDS)
    assert key == fresh_key
    assert _rows(shipped) == _rows(fresh)


def test_the_blank_german_tokenizer_fits_the_shipped_key(nlp: Language) -> None:
    """``--model blank`` starts fast too: its tokenizer rules are the bundled model's."""
    blank = add_hyphen_infixes(spacy.blank("de"))
    assert gazetteer_cache.tokenizer_hash(blank) == gazetteer_cache.tokenizer_hash(nlp)


def test_initialize_takes_the_prebuilt_patterns(nlp: Language, monkeypatch) -> None:
    def no_tokenising(*args: object) -> None:
        raise AssertionError("tokenised although the prebuilt patterns fit")

    monkeypatch.setattr(gazetteer_cache, "tokenise", no_tokenising)
    matcher = GazetteerMatcher(nlp, "gtx_gazetteer", GAZETTEER_KINDS)
    matcher.initialize()
    doc = matcher(nlp.make_doc("Im ADAC GT Masters auf dem Sachsenring."))
    found = {(s.text, s.label_) for s in doc.spans["gtx_candidates"]}
    assert {("ADAC GT Masters", "SERIES"), ("Sachsenring", "TRACK")} <= found


@pytest.fixture()
def edited_data(tmp_path: Path) -> Path:
    """A copy of the package data with one new team."""
    folder = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("gtextract.data"))), folder)
    with open(folder / "teams.jsonl", "a", encoding="utf-8") as teams:
        teams.write(json.dumps({"name": "Quarzwerk-Rennstall Bodensee", "aliases": []}) + "\n")
    return folder


def test_changed_data_makes_the_prebuilt_patterns_stale(nlp: Language, edited_data: Path) -> None:
    source = DataSource(edited_data)
    key, _ = gazetteer_cache.read(gazetteer_cache.PREBUILT)
    assert gazetteer_cache.stale_reason(nlp, source, GAZETTEER_KINDS, key) == (
        "data files changed: teams.jsonl"
    )
    assert gazetteer_cache.load(nlp, source, GAZETTEER_KINDS) is None


def test_stale_patterns_are_rebuilt_from_the_data(nlp: Language, edited_data: Path) -> None:
    matcher = GazetteerMatcher(nlp, "gtx_gazetteer", GAZETTEER_KINDS)
    matcher.initialize(data_dir=edited_data)
    doc = matcher(nlp.make_doc("Sieg für den Quarzwerk-Rennstall Bodensee."))
    assert [(s.text, s.label_) for s in doc.spans["gtx_candidates"]] == [
        ("Quarzwerk-Rennstall Bodensee", "TEAM")
    ]


def test_other_tokenizer_rules_make_the_prebuilt_patterns_stale(nlp: Language) -> None:
    plain = spacy.blank("de")  # without gtextract's hyphen rule "Aston-Martin" is one token
    key, _ = gazetteer_cache.read(gazetteer_cache.PREBUILT)
    assert gazetteer_cache.stale_reason(plain, package_data(), GAZETTEER_KINDS, key) == (
        "other tokenizer rules"
    )
    matcher = GazetteerMatcher(plain, "gtx_gazetteer", GAZETTEER_KINDS)
    matcher.initialize()
    assert matcher._lower["Aston-Martin"] == ("aston-martin",)


def test_save_and_load_keep_the_tokens_and_tokenise_edited_patterns(
    nlp: Language, tmp_path: Path
) -> None:
    matcher = GazetteerMatcher(nlp, "gtx_gazetteer", GAZETTEER_KINDS)
    matcher.initialize()
    matcher.to_disk(tmp_path)
    with open(tmp_path / "patterns.jsonl", "a", encoding="utf-8") as patterns:
        pattern = {"label": "TRACK", "pattern": "Kieswerk-Ring Ost", "id": "Kieswerk-Ring Ost"}
        patterns.write(json.dumps(pattern) + "\n")
    loaded = GazetteerMatcher(nlp, "gtx_gazetteer", GAZETTEER_KINDS).from_disk(tmp_path)
    assert loaded.patterns[:-1] == matcher.patterns
    assert loaded._lower["Kieswerk-Ring Ost"] == ("kieswerk", "-", "ring", "ost")
    doc = loaded(nlp.make_doc("Auf dem Kieswerk-Ring Ost und in Spa-Francorchamps."))
    found = {s.text for s in doc.spans["gtx_candidates"]}
    assert {"Kieswerk-Ring Ost", "Spa-Francorchamps"} <= found
