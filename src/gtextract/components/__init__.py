"""gtextract's spaCy components. Importing this package registers the factories
and the ``doc._`` extensions of the contract (``contract.py``)."""

from gtextract.components import (  # noqa: F401
    cars,
    contract,
    events,
    gazetteer,
    glued,
    measures,
    people,
    quotes,
    resolver,
    results,
    sentences,
    teams,
)
from gtextract.components.results import scoring  # noqa: F401,E402  (gtx_result_filter, optional)
