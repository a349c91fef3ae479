"""The bundled German base model and the loader's order of preference."""

from __future__ import annotations

import importlib
import importlib.util
import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy

from gtextract import base_model
from gtextract.base_model import BaseModelWarning, bundled_model_path, load_base

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = bundled_model_path()
needs_model = pytest.mark.skipif(BUNDLED is None, reason="bundled model not built")

# Invented names: not in any training list, so the model has to generalise.
SENTENCES = [
    "Beim Rennen in Oschersleben siegte Jannik Wellenkamp vor Mara Stöcklein.",
    "Nach dem Boxenstopp übernahm Tjark Hollerbach das Steuer des Audi.",
    "„Das Auto war perfekt“, sagte Lieselotte Brambeck nach dem Qualifying.",
]


@pytest.fixture
def forget_fake_package() -> Iterator[None]:
    """The fake de_core_news_sm imported by a test must not outlive it."""
    yield
    sys.modules.pop("de_core_news_sm", None)
    importlib.invalidate_caches()


def _hide_preferred(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make de_core_news_sm look absent, whatever is installed."""
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == base_model.PREFERRED_PACKAGE:
            return None
        return real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def _ents(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


@needs_model
def test_bundled_model_loads_with_meta(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide_preferred(monkeypatch)
    nlp, info = load_base()
    assert info.origin == "bundled"
    assert info.name == "de_gtextract_base"
    assert info.has_ner
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    assert 0.0 < info.scores["ents_f"] <= 1.0


@needs_model
def test_unseen_driver_name_is_a_person() -> None:
    nlp, _ = load_base(BUNDLED)
    doc = nlp("Am Sonntag gewann Jannik Wellenkamp das zweite Rennen auf dem Sachsenring.")
    persons = [e.text for e in doc.ents if e.label_ == "PER"]
    assert any("Wellenkamp" in p for p in persons), _ents(nlp, doc.text)


@needs_model
def test_common_nouns_and_adjectives_are_not_names() -> None:
    nlp, _ = load_base(BUNDLED)
    doc = nlp("Der deutsche Fahrer fuhr im Regen die schnellste Runde des Tages.")
    assert not [e for e in doc.ents if e.label_ == "PER"], _ents(nlp, doc.text)


@needs_model
def test_plain_spacy_load_applies_the_name_classes() -> None:
    """The classes travel in vocab/lookups.bin: spacy.load applies them by itself."""
    nlp = spacy.load(BUNDLED)
    norms = {t.text: t.norm_ for t in nlp.make_doc("Mehmet Schmidt gewann das Rennen in Rom")}
    assert norms["Mehmet"] == "⟨given⟩"
    assert norms["Schmidt"].startswith("⟨") and "surname" in norms["Schmidt"]
    assert "place" in norms["Rom"]
    assert (norms["gewann"], norms["Rennen"]) == ("gewann", "rennen")
    # a rare common noun reads as a noun, not as an unknown capitalised word
    assert nlp.make_doc("Mindestlöhne")[0].norm_ == "⟨noun⟩"
    config = nlp.config
    assert config["initialize"]["before_init"] is None, "training callbacks are not shipped"


@needs_model
def test_bundled_model_keeps_titles_out_of_person_spans() -> None:
    """The shipped PER-span rules have their word lists: a frequent title (a listed noun)
    and a rare role noun (the noun class) leave the span, the name stays, and a
    sentence-initial adverb is no person."""
    nlp = spacy.load(BUNDLED)
    assert nlp.pipe_names == ["tok2vec", "ner", "person_spans"]
    text = "Dahinter sprachen Präsident Jannik Wellenkamp und Pilot Mara Stöcklein."
    doc = nlp.make_doc(text)
    doc.ents = [
        doc.char_span(text.index(p), text.index(p) + len(p), label="PER")
        for p in ("Dahinter", "Präsident Jannik Wellenkamp", "Pilot Mara Stöcklein")
    ]
    doc = nlp.get_pipe("person_spans")(doc)
    assert [e.text for e in doc.ents] == ["Jannik Wellenkamp", "Mara Stöcklein"]


@needs_model
def test_explicit_model_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp, info = load_base(BUNDLED)
    assert info.origin == "explicit" and info.path == str(BUNDLED)
    same, info2 = load_base(nlp)
    assert same is nlp and info2.origin == "explicit"
    _, blank = load_base("blank")
    assert blank.origin == "blank" and not blank.has_ner


@needs_model
def test_installed_preferred_package_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forget_fake_package: None
) -> None:
    # A fake installed de_core_news_sm (module + dist-info, as pip would leave it)
    # whose load() returns the bundled model: spacy.load must go through it.
    pkg = tmp_path / "de_core_news_sm"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        textwrap.dedent(
            f"""
            import spacy
            LOADED = []

            def load(**overrides):
                LOADED.append(True)
                nlp = spacy.load({str(BUNDLED)!r}, **overrides)
                nlp.meta["name"] = "core_news_sm"
                return nlp
            """
        ),
        encoding="utf-8",
    )
    dist = tmp_path / "de_core_news_sm-3.8.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: de_core_news_sm\nVersion: 3.8.0\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    monkeypatch.delitem(sys.modules, "de_core_news_sm", raising=False)
    _, info = load_base()
    assert info.origin == "installed"
    assert info.name == "de_core_news_sm"
    assert sys.modules["de_core_news_sm"].LOADED == [True]


def test_broken_preferred_package_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forget_fake_package: None
) -> None:
    # An importable de_core_news_sm that is not a spaCy model (like a placeholder)
    (tmp_path / "de_core_news_sm").mkdir()
    (tmp_path / "de_core_news_sm" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    monkeypatch.delitem(sys.modules, "de_core_news_sm", raising=False)
    with pytest.warns(BaseModelWarning, match="failed to load"):
        _, info = load_base()
    assert info.origin in ("bundled", "blank")


def test_blank_with_warning_when_nothing_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide_preferred(monkeypatch)
    monkeypatch.setattr(base_model, "bundled_model_path", lambda: None)
    with pytest.warns(BaseModelWarning, match="blank German pipeline"):
        nlp, info = load_base()
    assert info.origin == "blank"
    assert not info.has_ner
    assert [t.text for t in nlp("Er fuhr schnell.")] == ["Er", "fuhr", "schnell", "."]


_WHEEL_PROBE = """
import json, sys
import spacy
from gtextract.base_model import bundled_model_path, load_base
path = bundled_model_path()
nlp = spacy.load(path)
sents = json.loads(sys.argv[1])
print(json.dumps({
    "path": str(path),
    "ents": [[[e.text, e.label_] for e in nlp(s).ents] for s in sents],
}))
"""


@needs_model
def test_wheel_install_ships_the_model(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0 or not list(wheels.glob("*.whl")):
        pytest.skip(f"could not build the wheel (offline?): {build.stderr[-300:]}")
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(next(wheels.glob("*.whl"))),
        ],
        check=True,
        capture_output=True,
    )
    probe = subprocess.run(
        [sys.executable, "-c", _WHEEL_PROBE, json.dumps(SENTENCES)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # away from the source tree
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    result = json.loads(probe.stdout.strip().splitlines()[-1])
    assert Path(result["path"]).is_relative_to(target / "gtextract" / "_bundled")
    nlp = spacy.load(BUNDLED)
    assert result["ents"] == [[[e.text, e.label_] for e in nlp(s).ents] for s in SENTENCES]
    shutil.rmtree(target)
