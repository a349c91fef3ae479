"""gtextract's spaCy components. Importing this package registers the factories
and the ``doc._`` extensions of the contract (``contract.py``)."""

from gtextract.components import (  # noqa: F401
    cars,
    contract,
    events,
    gazetteer,
    measures,
    people,
    quotes,
    resolver,
    results,
    sentences,
    teams,
)
