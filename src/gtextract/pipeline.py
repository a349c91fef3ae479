"""Build gtextract's spaCy pipeline on top of a German base pipeline."""

from __future__ import annotations

from spacy.language import Language

import gtextract.components  # noqa: F401  (registers the factories)
from gtextract.components.tokenizer import add_hyphen_infixes

# Order matters: gazetteer spans feed the name, team and car rules, the
# resolver picks one label per stretch, the relation components read it.
COMPONENTS: tuple[str, ...] = (
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


def add_components(nlp: Language) -> Language:
    """Add the gtextract components (once) to ``nlp`` and return it."""
    add_hyphen_infixes(nlp)
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            continue
        config = {}
        if name == "gtx_people":
            config = {"use_ner": "ner" in nlp.pipe_names}
        nlp.add_pipe(name, config=config)
    return nlp
