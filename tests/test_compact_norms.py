"""The bundled model's NORM table in compact form: made from the model's own
lookups, giving every word the norm spaCy's table gives, and saved as a full table."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest
import spacy
import srsly
from spacy.language import Language

from gtextract import compact_norms
from gtextract.base_model import bundled_model_path, load_base

MODEL = bundled_model_path()
pytestmark = pytest.mark.skipif(MODEL is None, reason="no bundled model")
TEXT = "Abt-Pilot Jan Kessler gewann am Dez. vor Mehmet Schmidt; die Mindestlöhne stiegen in Rom."


@pytest.fixture(scope="module")
def plain() -> Language:
    assert MODEL is not None
    return spacy.load(MODEL)  # spaCy's own Table


@pytest.fixture(scope="module")
def compact() -> Language:
    nlp, info = load_base(MODEL)
    return nlp


def _stored() -> dict[int, str]:
    assert MODEL is not None
    data = srsly.msgpack_loads((MODEL / compact_norms.LOOKUPS_FILE).read_bytes())
    return dict(data[compact_norms.TABLE])


def test_shipped_table_is_the_bundled_models(compact: Language) -> None:
    assert MODEL is not None
    table = compact_norms.prebuilt_for(MODEL)
    assert table is not None, "lexeme_norm.npz is stale: run `make prebuilt`"
    assert isinstance(compact.vocab.lookups.get_table(compact_norms.TABLE), type(table))
    stored = _stored()
    assert len(table) == len(stored)
    assert dict(table.items()) == stored
    assert np.all(np.diff(table.keys_.astype(np.float64)) >= 0)  # sorted for the search


def test_every_word_gets_the_norm_spacys_table_gives(plain: Language, compact: Language) -> None:
    # all stored entries, words of the tokenizer's special cases, and words no list knows
    words = list(plain.vocab.strings)[:50_000]
    words += [t.text for t in plain.make_doc(TEXT)]
    words += ["Quarzwerkpilot", "xyz", ""]
    assert [compact.vocab[w].norm_ for w in words] == [plain.vocab[w].norm_ for w in words]
    assert [t.norm_ for t in compact(TEXT)] == [t.norm_ for t in plain(TEXT)]
    assert [(e.text, e.label_) for e in compact(TEXT).ents] == [
        (e.text, e.label_) for e in plain(TEXT).ents
    ]


def test_saved_pipeline_has_the_full_table(compact: Language, tmp_path: Path) -> None:
    compact.to_disk(tmp_path)
    reloaded = spacy.load(tmp_path)
    assert dict(reloaded.vocab.lookups.get_table(compact_norms.TABLE).items()) == _stored()


def test_set_norms_are_kept_and_travel_with_pickle(compact: Language) -> None:
    table = compact_norms.prebuilt_for(MODEL)  # type: ignore[arg-type]
    assert table is not None
    table["Quarzwerkpilot"] = "⟨surname⟩"
    assert table["Quarzwerkpilot"] == "⟨surname⟩"
    assert "Quarzwerkpilot" in pickle.loads(pickle.dumps(table))
    assert len(table) == len(_stored()) + 1


def test_other_lookups_load_as_spacy_does(tmp_path: Path) -> None:
    assert MODEL is not None
    copy = tmp_path / "model"
    shutil.copytree(MODEL, copy)
    stored = _stored()
    stored[next(iter(stored))] = "⟨edited⟩"
    (copy / compact_norms.LOOKUPS_FILE).write_bytes(
        srsly.msgpack_dumps({compact_norms.TABLE: stored})
    )
    assert compact_norms.prebuilt_for(copy) is None
    nlp, _ = load_base(copy)
    table = nlp.vocab.lookups.get_table(compact_norms.TABLE)
    assert not isinstance(table, compact_norms.CompactNormTable)
    assert table[next(iter(stored))] == "⟨edited⟩"
