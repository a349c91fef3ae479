"""gtx_result_filter: result facts kept or dropped by the weights of its data file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gtextract
from gtextract.components.results.features import FeatureReader
from gtextract.components.results.scoring import FILTER_FILE, ResultFilter, ResultModel
from gtextract.cues import EventCues, PositionCues, ResultFilterCues
from gtextract.gazetteers import GazetteerError, package_data

RACE = "[Xaver Quast](DRIVER) gewann das Rennen vor [Yannick Oblitz](DRIVER)."
CREW = "[Xaver Quast](DRIVER)/[Lino Brammert](DRIVER) gewannen das Rennen."


def weights_dir(tmp_path: Path, weights: dict[str, float], bias: float, threshold: float) -> Path:
    """A data folder with the package's cue files and a hand-made weights file."""
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    package_data().copy_to(folder, ResultFilter.data_files[:3])
    model = {"threshold": threshold, "bias": bias, "weights": weights}
    (folder / FILTER_FILE).write_text(json.dumps(model), encoding="utf-8")
    return folder


def filtered(hand_doc, alone, blank_nlp, data: Path, markup: str) -> list[tuple[Any, ...]]:
    doc = alone("gtx_results")(hand_doc(markup))
    component = blank_nlp.create_pipe("gtx_result_filter")
    component.initialize(lambda: [], nlp=blank_nlp, data_dir=data)
    doc = component(doc)
    return [
        (f.position, [doc[s:e].text for s, e in f.drivers], doc.text[f.cue[0] : f.cue[1]])
        for f in doc._.gtx_results
    ]


def test_weights_that_favour_winners_drop_the_runner_up(
    hand_doc, alone, blank_nlp, tmp_path
) -> None:
    data = weights_dir(tmp_path, {"pos_1": 10.0}, bias=-5.0, threshold=0.5)
    assert filtered(hand_doc, alone, blank_nlp, data, RACE) == [
        (1, ["Xaver Quast"], "gewann")  # the evidence stays the cue's
    ]


def test_weights_that_keep_everything_change_nothing(hand_doc, alone, blank_nlp, tmp_path) -> None:
    data = weights_dir(tmp_path, {}, bias=5.0, threshold=0.5)
    kept = filtered(hand_doc, alone, blank_nlp, data, RACE)
    assert [(p, d) for p, d, _ in kept] == [(1, ["Xaver Quast"]), (2, ["Yannick Oblitz"])]


def test_a_crew_loses_one_driver_and_keeps_the_fact(hand_doc, alone, blank_nlp, tmp_path) -> None:
    data = weights_dir(tmp_path, {"driver_index": -20.0}, bias=5.0, threshold=0.5)
    assert filtered(hand_doc, alone, blank_nlp, data, CREW) == [(1, ["Xaver Quast"], "gewannen")]


def test_a_fact_without_drivers_goes(hand_doc, alone, blank_nlp, tmp_path) -> None:
    data = weights_dir(tmp_path, {}, bias=-5.0, threshold=0.5)
    assert filtered(hand_doc, alone, blank_nlp, data, RACE) == []


def test_two_crews_on_one_place_are_a_contradiction(hand_doc, alone) -> None:
    data = package_data()
    reader = FeatureReader(
        data.cues("position_cues", PositionCues),
        data.cues("event_cues", EventCues),
        data.cues("result_filter_cues", ResultFilterCues),
    )
    doc = alone("gtx_results")(
        hand_doc("[Xaver Quast](DRIVER) gewann. Auch [Lino Brammert](DRIVER) gewann.")
    )
    found = reader.candidates(doc, doc._.gtx_results)
    assert len(found) == 2
    assert all(c.features["same_place_crews"] > 0 for c in found)
    alone_doc = alone("gtx_results")(hand_doc("[Xaver Quast](DRIVER) gewann."))
    (single,) = reader.candidates(alone_doc, alone_doc._.gtx_results)
    assert single.features["same_place_crews"] == 0


def test_model_ignores_features_it_does_not_know() -> None:
    model = ResultModel({"pos_1": 2.0}, bias=0.0, threshold=0.5)
    assert model.probability({"pos_1": 1.0, "unknown": 99.0}) == pytest.approx(0.8808, abs=1e-4)
    assert not model.keeps({"pos_1": -1.0})


def test_a_broken_weights_file_is_named() -> None:
    with pytest.raises(GazetteerError, match=FILTER_FILE):
        ResultModel.from_json('{"weights": {}}')


def test_package_weights_load() -> None:
    model = ResultModel.from_json(package_data().read_text(FILTER_FILE))
    assert 0.0 < model.threshold < 1.0
    assert "same_place_crews" in model.weights


def test_saved_pipeline_keeps_the_filter_and_its_weights(tmp_path: Path) -> None:
    data = weights_dir(tmp_path, {"pos_1": 10.0}, bias=-5.0, threshold=0.5)
    text = "Xaver Quast gewann das Rennen vor Yannick Oblitz."
    extractor = gtextract.load("blank")
    assert {r.position for r in extractor(text).results} == {1, 2}
    component = extractor.nlp.add_pipe("gtx_result_filter", after="gtx_results")
    component.initialize(lambda: [], nlp=extractor.nlp, data_dir=data)
    assert [r.position for r in extractor(text).results] == [1]
    path = tmp_path / "pipeline"
    extractor.nlp.to_disk(path)
    saved = json.loads((path / "gtx_result_filter" / FILTER_FILE).read_text(encoding="utf-8"))
    assert saved["weights"] == {"pos_1": 10.0}
    reloaded = gtextract.load(model=path)
    assert "gtx_result_filter" in reloaded.nlp.pipe_names
    assert [r.position for r in reloaded(text).results] == [1]
