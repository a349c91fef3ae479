"""gtextract's spaCy components. Importing this package registers the factories."""

from gtextract.components import (  # noqa: F401
    cars,
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
