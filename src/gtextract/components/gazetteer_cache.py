"""The gazetteer's patterns, tokenised once and shipped with the package.

Tokenising ~15k gazetteer forms with the pipeline's tokenizer took most of
``gtextract.load()``. The result only depends on the data files the patterns
are built from and on the tokenizer's rules, so it is stored in
``gtextract/_prebuilt/gazetteer_patterns.jsonl`` (``make prebuilt``), keyed by
a hash of each of those files and of the tokenizer. A load whose data or
tokenizer differ from the key (custom data, another base model, edited lists)
tokenises afresh, as before; ``tests/components/test_gazetteer_cache.py``
checks that the shipped file is current and equals fresh tokenisation.

Each line after the first (the key) is ``[label, id, pattern, [lower tokens]]``:
the lower-case token texts are all the ``PhraseMatcher`` (``attr="LOWER"``)
needs, and adding their hashes costs far less than building a ``Doc`` each.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from gtextract.gazetteers import DataSource, PhrasePattern

FORMAT = 1
SPACY = ".".join(spacy.__version__.split(".")[:2])  # tokenizer rules are hashed on their own
PREBUILT = Path(__file__).resolve().parents[1] / "_prebuilt" / "gazetteer_patterns.jsonl"


@dataclass(frozen=True)
class TokenisedPattern:
    """A gazetteer pattern and the lower-case texts of its tokens."""

    pattern: PhrasePattern
    lower: tuple[str, ...]


class _RecordingSource(DataSource):
    """A data source that notes which files are read (the key's inputs)."""

    def __init__(self, root: Any) -> None:
        super().__init__(root)
        self.files: set[str] = set()

    def read_text(self, filename: str) -> str:
        self.files.add(filename)
        return super().read_text(filename)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tokenizer_hash(nlp: Language) -> str:
    """Hash of the tokenizer's rules (affixes, exceptions, token_match), not its vocab."""
    return _sha(nlp.tokenizer.to_bytes(exclude=["vocab"]))  # type: ignore[union-attr]


def cache_key(nlp: Language, data: DataSource, kinds: Sequence[str], files: Iterable[str]) -> dict:
    """What the tokenised patterns depend on."""
    return {
        "format": FORMAT,
        "spacy": SPACY,
        "kinds": list(kinds),
        "tokenizer": tokenizer_hash(nlp),
        "files": {name: _sha(data.read_text(name).encode("utf-8")) for name in sorted(files)},
    }


def tokenise(nlp: Language, patterns: Iterable[PhrasePattern]) -> list[TokenisedPattern]:
    """Tokenise every pattern with the pipeline's tokenizer (the slow path)."""
    return [
        TokenisedPattern(p, tuple(t.lower_ for t in nlp.make_doc(p["pattern"]))) for p in patterns
    ]


def build(
    nlp: Language, data: DataSource, kinds: Sequence[str]
) -> tuple[dict, list[TokenisedPattern]]:
    """Fresh patterns, tokenised, and the key of the files they were built from."""
    from gtextract.components.gazetteer import gazetteer_patterns  # (imports this module)

    recording = _RecordingSource(data.root)
    patterns = gazetteer_patterns(recording, kinds)
    return cache_key(nlp, data, kinds, recording.files), tokenise(nlp, patterns)


def write(path: Path, key: dict, patterns: Iterable[TokenisedPattern]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(key, ensure_ascii=False, sort_keys=True) + "\n")
        for t in patterns:
            p = t.pattern
            row = [p["label"], p["id"], p["pattern"], list(t.lower)]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def stale_reason(nlp: Language, data: DataSource, kinds: Sequence[str], key: dict) -> str | None:
    """Why a stored key does not fit this pipeline and data, or None when it does."""
    if key.get("format") != FORMAT or key.get("spacy") != SPACY:
        return "written by another gtextract or spaCy version"
    if key.get("kinds") != list(kinds):
        return "other gazetteer kinds"
    if key.get("tokenizer") != tokenizer_hash(nlp):
        return "other tokenizer rules"
    try:
        current = cache_key(nlp, data, kinds, key.get("files", {}))["files"]
    except Exception:  # noqa: BLE001 -- a missing file means "stale", not a crash
        return "a data file is missing"
    changed = sorted(name for name, sha in key["files"].items() if current.get(name) != sha)
    return f"data files changed: {', '.join(changed)}" if changed else None


def load(
    nlp: Language, data: DataSource, kinds: Sequence[str], path: Path = PREBUILT
) -> list[TokenisedPattern] | None:
    """The prebuilt patterns when they fit ``nlp``'s tokenizer and ``data``, else None."""
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as lines:
        if stale_reason(nlp, data, kinds, json.loads(next(lines))):
            return None
        return [_row(line) for line in lines]


def read(path: Path) -> tuple[dict, list[TokenisedPattern]]:
    """The key and the patterns of a file written by :func:`write`."""
    with open(path, encoding="utf-8") as lines:
        return json.loads(next(lines)), [_row(line) for line in lines]


def _row(line: str) -> TokenisedPattern:
    label, id_, form, lower = json.loads(line)
    return TokenisedPattern({"label": label, "id": id_, "pattern": form}, tuple(lower))
