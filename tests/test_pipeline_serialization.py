"""Saving and loading the whole pipeline: ``nlp.to_disk`` -> ``gtextract.load(path)``
or ``spacy.load(path)`` restores every component with the data it was saved with."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

import gtextract
from gtextract.components.gazetteer import PATTERN_TOKENS_FILE, PATTERNS_FILE
from gtextract.pipeline import COMPONENTS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


def _records(extractor: gtextract.Extractor, text: str) -> dict:
    return extractor(text).model_dump(mode="json", exclude={"base_model"})


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[gtextract.Extractor, Path]:
    extractor = gtextract.load("blank")
    path = tmp_path_factory.mktemp("pipeline")
    extractor.nlp.to_disk(path)
    return extractor, path


def test_reload_gives_identical_records_on_every_fixture(saved) -> None:
    extractor, path = saved
    reloaded = gtextract.load(model=path)
    assert reloaded.nlp.pipe_names == extractor.nlp.pipe_names
    texts = sorted(FIXTURES.glob("*.txt"))
    assert texts
    for text_path in texts:
        text = text_path.read_text(encoding="utf-8")
        assert _records(reloaded, text) == _records(extractor, text), text_path.name


def test_plain_spacy_load_restores_the_components(saved) -> None:
    extractor, path = saved
    nlp = spacy.load(path)  # entry points register the factories
    assert [n for n in nlp.pipe_names if n.startswith("gtx_")] == list(COMPONENTS)
    text = "Jens Klingmann gewann im BMW M6 GT3 auf dem Sachsenring vor Kelvin van der Linde."
    ours = extractor.process(text)
    theirs = nlp(text)
    assert [(s.text, s.label_) for s in theirs.spans["gtx"]] == [
        (s.text, s.label_) for s in ours.spans["gtx"]
    ]


def test_saved_gazetteer_keeps_tokenised_patterns(saved) -> None:
    _, path = saved
    folder = path / "gtx_gazetteer"
    lines = (folder / PATTERNS_FILE).read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert set(first) == {"label", "pattern", "id"}
    tokens = (folder / PATTERN_TOKENS_FILE).read_text(encoding="utf-8").splitlines()
    assert len(tokens) == len(lines)
    assert json.loads(tokens[0]) == [first["pattern"], first["pattern"].lower().split()]


def test_saved_component_data_is_what_it_runs_on(saved, tmp_path: Path) -> None:
    """An edited list in the saved folder changes the reloaded pipeline, and only it."""
    _, path = saved
    copy = tmp_path / "edited"
    shutil.copytree(path, copy)
    cues = copy / "gtx_measures" / "measure_cues.json"
    data = json.loads(cues.read_text(encoding="utf-8"))
    assert "vorsprung" in " ".join(data["gap"])
    text = "Müller gewann mit 2,5 Sekunden Vorsprung vor Schmidt."
    before = gtextract.load(model=copy)(text)
    assert [g.seconds for g in before.gaps] == [2.5]
    data["penalty"].append("vorsprung")  # the first test of the classifier
    cues.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    after = gtextract.load(model=copy)(text)
    assert [g.seconds for g in after.gaps] == []
    assert [t.kind for t in after.times] == ["penalty"]
