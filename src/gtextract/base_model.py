"""Choose and load the German base pipeline that gtextract builds on.

Order: an explicit ``model=`` -> ``de_core_news_sm`` when installed -> the
model bundled with gtextract (``models/de_gtextract_base``) -> a blank German
pipeline with lookup lemmas, with a warning.
"""

from __future__ import annotations

import importlib.util
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from gtextract import compact_norms
from gtextract.components.tokenizer import load_overrides, restore_tokenizer_config

PREFERRED_PACKAGE = "de_core_news_sm"
BUNDLED_NAME = "de_gtextract_base"


class BaseModelWarning(UserWarning):
    """Raised when gtextract has to run without a statistical base model."""


@dataclass(frozen=True)
class BaseModelInfo:
    """Which base pipeline is in use, and what it can do."""

    name: str
    version: str
    origin: str  # "explicit", "installed", "bundled" or "blank"
    path: str | None = None
    has_ner: bool = False
    scores: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.name} {self.version} ({self.origin})"


def bundled_model_path() -> Path | None:
    """The bundled model: inside an installed wheel, else in the source tree."""
    package_dir = Path(__file__).resolve().parent
    for candidate in (
        package_dir / "_bundled" / BUNDLED_NAME,
        package_dir.parents[1] / "models" / BUNDLED_NAME,
    ):
        if (candidate / "meta.json").is_file():
            return candidate
    return None


def _info(nlp: Language, origin: str, path: Path | None = None) -> BaseModelInfo:
    meta = nlp.meta
    return BaseModelInfo(
        name=f"{meta.get('lang', 'de')}_{meta.get('name', 'pipeline')}",
        version=str(meta.get("version", "0.0.0")),
        origin=origin,
        path=str(path) if path else None,
        has_ner="ner" in nlp.pipe_names,
        scores={k: v for k, v in (meta.get("performance") or {}).items() if k.startswith("ents")},
    )


def blank_german() -> Language:
    """A blank German pipeline with lookup lemmas (spacy-lookups-data)."""
    nlp = spacy.blank("de")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, OSError):  # lookups missing: lemmas are a nicety, not a need
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")
    return nlp


def _load_path(path: Path) -> Language:
    """``spacy.load(path)``, with the bundled model's NORM table in its compact form
    when the model's lookups are the ones it was made from (a second faster, ~65 MB
    less per process), and the tokenizer built once from the model's file."""
    table = compact_norms.prebuilt_for(path)
    overrides = load_overrides(path)
    if table is None:
        nlp = spacy.load(path, config=overrides)
    else:
        nlp = compact_norms.load(path, table, config=overrides)
    if overrides:
        restore_tokenizer_config(nlp, path)
    return nlp


def load_base(model: str | Path | Language | None = None) -> tuple[Language, BaseModelInfo]:
    """Load the base pipeline following gtextract's order of preference."""
    if isinstance(model, Language):
        return model, _info(model, "explicit")
    if model is not None:
        if str(model) == "blank":
            nlp = blank_german()
            return nlp, _info(nlp, "blank")
        given = Path(str(model))
        nlp = _load_path(given) if given.is_dir() else spacy.load(model)
        return nlp, _info(nlp, "explicit", given if given.exists() else None)
    if importlib.util.find_spec(PREFERRED_PACKAGE) is not None:
        try:
            nlp = spacy.load(PREFERRED_PACKAGE)
        except (OSError, ImportError, AttributeError, ValueError) as err:
            # e.g. the PyPI placeholder of that name, or a broken install: not fatal
            warnings.warn(
                f"{PREFERRED_PACKAGE} is importable but failed to load ({err}); "
                f"falling back to the bundled {BUNDLED_NAME}.",
                BaseModelWarning,
                stacklevel=2,
            )
        else:
            return nlp, _info(nlp, "installed")
    bundled = bundled_model_path()
    if bundled is not None:
        nlp = _load_path(bundled)
        return nlp, _info(nlp, "bundled", bundled)
    warnings.warn(
        "No German base model found (neither de_core_news_sm nor the bundled "
        f"{BUNDLED_NAME}); running on a blank German pipeline: names come from rules only.",
        BaseModelWarning,
        stacklevel=2,
    )
    nlp = blank_german()
    return nlp, _info(nlp, "blank")
