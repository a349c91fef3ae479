"""The bundled base model's NORM table in a compact, fast-loading form.

The model's ``vocab/lookups.bin`` maps ~314k word hashes to ~30 class norms
(``⟨noun⟩``, ``⟨surname⟩``, ...). spaCy builds a ``Table`` from it (an
``OrderedDict`` filled item by item, plus a Bloom filter): about 1.5 s of every
start and ~65 MB per process. Here the same mapping is two sorted arrays (the
hashes as ``uint64``, a ``uint8`` code per hash) and the list of norms, 9 bytes
an entry, stored prebuilt in ``gtextract/_prebuilt/lexeme_norm.npz`` and keyed
by the SHA-256 of the ``lookups.bin`` it was made from (``make prebuilt``).

:class:`CompactNormTable` is a spaCy ``Table`` for everything that reads it
(the NORM getter, ``vocab.lookups``, ``to_disk``/``to_bytes``, pickling), so a
pipeline saved from it has the full table again. Only a model whose
``lookups.bin`` is byte for byte the one of the prebuilt file, and holds
nothing but ``lexeme_norm``, is loaded this way; any other loads as spaCy does.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import spacy
import srsly
from spacy.language import Language
from spacy.lookups import Table
from spacy.strings import get_string_id
from spacy.util import get_lang_class
from spacy.vocab import create_vocab

TABLE = "lexeme_norm"
LOOKUPS_FILE = Path("vocab") / "lookups.bin"
PREBUILT = Path(__file__).resolve().parent / "_prebuilt" / "lexeme_norm.npz"


class CompactNormTable(Table):
    """A ``lexeme_norm`` table on sorted arrays (a binary search per lookup).

    Entries set later (spaCy writes a lexeme's norm back into the table when
    it is assigned) go into a small dict that is looked at first.
    """

    def __init__(self, keys: np.ndarray, codes: np.ndarray, values: list[str]) -> None:
        OrderedDict.__init__(self)  # the dict itself stays empty: the arrays hold the data
        self.name = TABLE
        self.keys_ = keys
        self.codes = codes
        self.values_ = values
        # bisect on memoryviews: no numpy scalar per lookup (6x faster than searchsorted)
        self._keys = memoryview(np.ascontiguousarray(keys, dtype=np.uint64).data)
        self._codes = memoryview(np.ascontiguousarray(codes, dtype=np.uint8).data)
        self.added: dict[int, str] = {}

    @classmethod
    def from_mapping(cls, mapping: dict[int, str]) -> CompactNormTable:
        values = sorted(set(mapping.values()))
        code = {v: i for i, v in enumerate(values)}
        keys = np.fromiter(mapping.keys(), dtype=np.uint64, count=len(mapping))
        codes = np.fromiter((code[v] for v in mapping.values()), np.uint8, count=len(mapping))
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], codes[order], values)

    def _find(self, key: str | int) -> int:
        h = get_string_id(key)
        i = bisect_left(self._keys, h)
        return i if i < len(self._keys) and self._keys[i] == h else -1

    def get(self, key: str | int, default: Any = None) -> Any:
        if self.added and get_string_id(key) in self.added:
            return self.added[get_string_id(key)]
        i = self._find(key)
        return self.values_[self._codes[i]] if i >= 0 else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str | int) and self.get(key) is not None

    def __getitem__(self, key: str | int) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str | int, value: Any) -> None:
        self.added[get_string_id(key)] = value

    def items(self) -> Any:  # what msgpack reads when the Lookups are saved
        merged = dict(zip(self.keys_.tolist(), self.values(), strict=True))
        merged.update(self.added)
        return merged.items()

    def values(self) -> Any:
        return [self.values_[c] for c in self.codes.tolist()]

    def keys(self) -> Any:
        return dict(self.items()).keys()

    def __iter__(self) -> Iterator[int]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys_) + sum(1 for k in self.added if self._find(k) < 0)

    def to_bytes(self) -> bytes:
        return bytes(srsly.msgpack_dumps({"name": self.name, "dict": dict(self.items())}))

    def __reduce__(self) -> Any:
        return (_restore, (self.keys_, self.codes, self.values_, self.added))


def _restore(
    keys: np.ndarray, codes: np.ndarray, values: list[str], added: dict[int, str]
) -> CompactNormTable:
    table = CompactNormTable(keys, codes, values)
    table.added.update(added)
    return table


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_prebuilt(model_path: Path, out: Path = PREBUILT) -> CompactNormTable:
    """Make the compact table of a model's ``lookups.bin`` (``make prebuilt``)."""
    lookups = srsly.msgpack_loads((model_path / LOOKUPS_FILE).read_bytes())
    if set(lookups) != {TABLE}:
        raise ValueError(f"{model_path / LOOKUPS_FILE} holds more than {TABLE}: {set(lookups)}")
    table = CompactNormTable.from_mapping(lookups[TABLE])
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as handle:  # a file handle: np.savez would append ".npz" to a name
        np.savez(
            handle,
            keys=table.keys_,
            codes=table.codes,
            values=np.array(table.values_),
            source_sha=np.array(file_sha(model_path / LOOKUPS_FILE)),
        )
    return table


def prebuilt_for(model_path: Path, prebuilt: Path = PREBUILT) -> CompactNormTable | None:
    """The prebuilt table when it was made from this model's ``lookups.bin``, else None."""
    lookups = model_path / LOOKUPS_FILE
    if not prebuilt.is_file() or not lookups.is_file():
        return None
    with np.load(prebuilt) as stored:
        if str(stored["source_sha"]) != file_sha(lookups):
            return None
        return CompactNormTable(stored["keys"], stored["codes"], stored["values"].tolist())


def load(path: Path, table: CompactNormTable, config: dict[str, Any] | None = None) -> Language:
    """``spacy.load(path)`` with ``table`` as the vocab's ``lexeme_norm``.

    The table goes into the vocab before spaCy loads the model into it, as the
    model's own lookups would: the lexemes of the tokenizer's special cases are
    made while loading and get their norms from it. ``config``: ``spacy.load``'s
    config overrides.
    """
    lang = str(srsly.read_json(path / "meta.json")["lang"])
    vocab = create_vocab(lang, get_lang_class(lang).Defaults)
    vocab.lookups.set_table(TABLE, table)
    return spacy.load(path, vocab=vocab, exclude=["lookups"], config=config or {})
