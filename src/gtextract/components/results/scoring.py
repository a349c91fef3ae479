"""``gtx_result_filter``: a learned filter over the result facts of ``gtx_results``.

Each driver of each ResultFact is a candidate (``features``); a logistic
regression scores it, and a driver whose probability is below the threshold
leaves its fact (a fact without drivers goes). The kept facts are unchanged,
evidence offsets included. The weights are data (``data/result_filter.json``),
trained by ``scripts/train_result_filter.py`` on the seen fold; the component
carries them through ``to_disk`` / ``from_disk`` like every data component.

Not in the default pipeline (``pipeline.COMPONENTS``): measured on the
untouched fold it did not win (``docs/result_filter.md``). Add it after
``gtx_results`` to use it: ``nlp.add_pipe("gtx_result_filter", after="gtx_results")``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.results.features import FeatureReader
from gtextract.cues import EventCues, PositionCues, ResultFilterCues
from gtextract.gazetteers import DataSource, GazetteerError

FILTER_FILE = "result_filter.json"
WORDS_FILE = "result_filter_cues.json"

__all__ = ["FILTER_FILE", "ResultFilter", "ResultModel", "make_result_filter"]


@dataclass(frozen=True)
class ResultModel:
    """Logistic regression on raw feature values: P(true) = sigmoid(bias + w . x)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_json(cls, text: str) -> ResultModel:
        try:
            data = json.loads(text)
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights, float(data["bias"]), float(data["threshold"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GazetteerError(f"{FILTER_FILE}: {exc!r}") from exc

    def probability(self, features: Mapping[str, float]) -> float:
        """Features the weights do not name weigh nothing (and vice versa)."""
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def keeps(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold


class ResultFilter(DataComponent):
    """Drops the drivers of ``doc._.gtx_results`` the model finds unlikely."""

    data_files = ("position_cues.json", "event_cues.json", WORDS_FILE, FILTER_FILE)

    def setup(self, data: DataSource) -> None:
        self.reader = FeatureReader(
            data.cues("position_cues", PositionCues),
            data.cues("event_cues", EventCues),
            data.cues("result_filter_cues", ResultFilterCues),
        )
        self.model = ResultModel.from_json(data.read_text(FILTER_FILE))

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.gtx_results
        if not facts:
            return doc
        drop: set[tuple[int, int]] = {
            (c.fact, c.driver)
            for c in self.reader.candidates(doc, facts)
            if not self.model.keeps(c.features)
        }
        kept = []
        for fi, fact in enumerate(facts):
            fact.drivers = [d for di, d in enumerate(fact.drivers) if (fi, di) not in drop]
            if fact.drivers:
                kept.append(fact)
        doc._.gtx_results = kept
        return doc


@Language.factory(
    "gtx_result_filter",
    assigns=[contract.extension("gtx_results")],
    requires=[contract.extension("gtx_results"), contract.SPANS, contract.SENTS],
)
def make_result_filter(nlp: Language, name: str) -> ResultFilter:
    return ResultFilter(name)
