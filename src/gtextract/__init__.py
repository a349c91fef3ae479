"""gtextract: German motorsport reports in, validated records out.

    >>> import gtextract
    >>> extractor = gtextract.load()
    >>> report = extractor("Jens Klingmann gewann im BMW M6 GT3 ...")

The flow is text -> spaCy ``Doc`` -> labelled spans -> Pydantic records.
"""

from gtextract.extractor import ArticleMeta, Extractor, load
from gtextract.records import RaceReport

__version__ = "0.1.0"

__all__ = ["ArticleMeta", "Extractor", "RaceReport", "__version__", "load"]
