"""The component contract: declared assigns/requires, data through initialize,
typed cue files, and components that run alone on a Doc built for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

import gtextract
from gtextract.components import contract
from gtextract.components.base import NotInitializedError
from gtextract.components.teams import TeamFinder
from gtextract.cues import CreditCues, PositionCues
from gtextract.gazetteers import DataSource, GazetteerError, package_data
from gtextract.pipeline import COMPONENTS, add_components


def test_every_component_declares_what_it_assigns(extractor: gtextract.Extractor) -> None:
    analysis = extractor.nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())
    for name in COMPONENTS:
        meta = extractor.nlp.get_pipe_meta(name)
        assert meta.assigns, name


def test_a_component_without_data_says_so() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("gtx_sentences")
    nlp.add_pipe("gtx_measures")
    with pytest.raises(NotInitializedError, match="gtx_measures"):
        nlp("Er gewann mit 2,5 Sekunden Vorsprung.")


def test_measures_alone_on_a_bare_doc() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("gtx_sentences")
    finder = nlp.add_pipe("gtx_measures")
    finder.initialize(lambda: [], nlp=nlp)
    doc = nlp("Müller gewann mit 2,5 Sekunden Vorsprung. Seine schnellste Runde: 1:27,355 Minuten.")
    kinds = [(m.kind, m.seconds) for m in doc._.gtx_measures]
    assert ("gap", 2.5) in kinds
    assert ("lap_time", 87.355) in kinds


def test_results_alone_on_hand_made_driver_spans() -> None:
    """gtx_results needs only sentences and the resolved layer: no people rules."""
    nlp = spacy.blank("de")
    nlp.add_pipe("gtx_sentences")
    finder = nlp.add_pipe("gtx_results")
    finder.initialize(lambda: [], nlp=nlp)
    doc = nlp.make_doc("Xaver Quast gewann das Rennen vor Yannick Oblitz.")
    doc = nlp.get_pipe("gtx_sentences")(doc)
    doc.spans[contract.RESOLVED] = [
        Span(doc, 0, 2, label="DRIVER"),
        Span(doc, 6, 8, label="DRIVER"),
    ]
    doc = finder(doc)
    facts = {(f.position, doc[f.drivers[0][0] : f.drivers[0][1]].text) for f in doc._.gtx_results}
    assert facts == {(1, "Xaver Quast"), (2, "Yannick Oblitz")}


def test_initialize_reads_lists_from_a_data_dir(tmp_path: Path) -> None:
    """A pipeline can run on its own lists: here a team word the package lacks."""
    package_data().copy_to(tmp_path, TeamFinder.data_files)
    words = tmp_path / "team_words.txt"
    words.write_text(words.read_text(encoding="utf-8") + "Rennschmiede\n", encoding="utf-8")
    text = "Für die Rennschmiede Quastmeyer startete Xaver Quast."
    default = gtextract.load("blank")
    assert not default(text).teams

    custom = gtextract.Extractor(add_components(spacy.blank("de")), default.base_info)
    custom.nlp.get_pipe("gtx_teams").initialize(lambda: [], nlp=custom.nlp, data_dir=tmp_path)
    assert [t.name for t in custom(text).teams] == ["Rennschmiede Quastmeyer"]


def test_cue_files_are_checked_against_their_schema(tmp_path: Path) -> None:
    raw = json.loads(package_data().read_text("position_cues.json"))
    assert PositionCues.model_validate(raw).cue_window >= 0
    raw["cue_windw"] = 3  # a misspelt key is an error, not a silently unused setting
    (tmp_path / "position_cues.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(GazetteerError, match="position_cues.json"):
        DataSource(tmp_path).cues("position_cues", PositionCues)


def test_a_credit_role_outside_the_records_roles_is_an_error(tmp_path: Path) -> None:
    # the role goes into a Credit record: a typo fails at load, not in the first report
    (tmp_path / "credit_cues.json").write_text('{"roles": {"Fotos": "foto"}}', encoding="utf-8")
    with pytest.raises(GazetteerError, match="credit_cues.json"):
        DataSource(tmp_path).cues("credit_cues", CreditCues)


def test_every_extension_of_the_contract_is_registered() -> None:
    for name in contract.EXTENSIONS:
        assert Doc.has_extension(name)
    with pytest.raises(KeyError):
        contract.extension("gtx_nothing")
