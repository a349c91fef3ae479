"""Build gtextract's spaCy pipeline on top of a German base pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

import gtextract.components  # noqa: F401  (registers the factories)
from gtextract.components.tokenizer import add_hyphen_infixes

# Order matters: gazetteer spans feed the name, team and car rules, the
# resolver picks one label per stretch, the relation components read it.
COMPONENTS: tuple[str, ...] = (
    "gtx_glued",
    "gtx_sentences",
    "gtx_gazetteer",
    "gtx_cars",
    "gtx_teams",
    "gtx_people",
    "gtx_resolver",
    "gtx_measures",
    "gtx_results",
    "gtx_events",
    "gtx_quotes",
)

# run before the base pipeline's own components
FIRST_COMPONENTS = frozenset({"gtx_glued"})


def add_components(nlp: Language, *, data_dir: str | Path | None = None) -> Language:
    """Add the gtextract components (once) to ``nlp`` and return it.

    A component added here is initialised on its own (``nlp.initialize()`` would
    reset the base model's trained weights) with the package's data files, or
    those in ``data_dir``. Components already present, as in a pipeline saved with
    ``nlp.to_disk`` and loaded again, keep the data they were saved with.
    """
    add_hyphen_infixes(nlp)  # before initialize: the patterns use the same tokenizer
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            continue
        config = {}
        if name == "gtx_people":
            config = {"use_ner": "ner" in nlp.pipe_names}
        # token boundaries are set before the base pipeline tags or parses
        component: Any = (
            nlp.add_pipe(name, config=config, first=True)
            if name in FIRST_COMPONENTS
            else nlp.add_pipe(name, config=config)
        )
        if hasattr(component, "initialize"):  # data-free ones (sentences, resolver) have none
            component.initialize(lambda: [], nlp=nlp, data_dir=data_dir)
    return nlp
