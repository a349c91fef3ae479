"""``gtx_person_titles``: leading titles and role nouns leave PER spans."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Span

from gtextract.components.person_titles import PersonTitleTrimmer

NOUNS = ["Regisseur", "König", "Chef", "Teamchef", "Verband"]


@pytest.fixture
def nlp(tmp_path: Path) -> Language:
    nlp = spacy.blank("de")
    lookups = Lookups()
    # as in the bundled model: rare nouns have the noun class, listed names a name class
    norms = {"Hollywoodstar": "⟨noun⟩", "Kabel": "⟨noun⟩", "König": "⟨given+surname~⟩"}
    lookups.add_table("lexeme_norm", norms)
    nlp.vocab.lookups = lookups
    path = tmp_path / "nouns.txt"
    path.write_text("# test list\n" + "\n".join(NOUNS) + "\n", encoding="utf-8")
    nlp.add_pipe("gtx_person_titles").initialize(path=str(path))
    return nlp


def _trimmed(nlp: Language, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        spans.append(span)
    doc.ents = spans
    doc = nlp.get_pipe("gtx_person_titles")(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_listed_title_leaves_the_name(nlp: Language) -> None:
    text = "Nach der Premiere sprach Regisseur Bernhard Hübl in Köln."
    ents = [("Regisseur Bernhard Hübl", "PER"), ("Köln", "LOC")]
    assert _trimmed(nlp, text, ents) == [("Bernhard Hübl", "PER"), ("Köln", "LOC")]


def test_noun_class_norm_counts_as_a_common_noun(nlp: Language) -> None:
    text = "Am Set traf er Hollywoodstar Sandra Bullock."
    assert _trimmed(nlp, text, [("Hollywoodstar Sandra Bullock", "PER")]) == [
        ("Sandra Bullock", "PER")
    ]


def test_hyphenated_compound_is_judged_by_its_last_part(nlp: Language) -> None:
    text = "Das bestätigte ITR-Chef Hans Werner Aufrecht am Sonntag."
    assert _trimmed(nlp, text, [("ITR-Chef Hans Werner Aufrecht", "PER")]) == [
        ("Hans Werner Aufrecht", "PER")
    ]


def test_names_and_other_labels_are_kept(nlp: Language) -> None:
    # a listed surname that is also a noun stays; ORG spans keep their nouns;
    # a given name that is no listed noun stays
    text = "König gewann vor Mark Webber, der Verband Deutscher Motorsportler gratulierte."
    ents = [("König", "PER"), ("Mark Webber", "PER"), ("Verband Deutscher Motorsportler", "ORG")]
    assert _trimmed(nlp, text, ents) == ents


def test_lone_common_noun_is_no_person(nlp: Language) -> None:
    text = "Die Daten laufen über Kabel zu Regisseur, sagte Hübl."
    ents = [("Kabel", "PER"), ("Regisseur", "PER"), ("Hübl", "PER")]
    assert _trimmed(nlp, text, ents) == [("Hübl", "PER")]


def test_several_leading_nouns_go(nlp: Language) -> None:
    text = "Es sprach König Teamchef Ole Brambeck."
    assert _trimmed(nlp, text, [("König Teamchef Ole Brambeck", "PER")]) == [
        ("Ole Brambeck", "PER")
    ]


def test_list_survives_disk_and_bytes(nlp: Language, tmp_path: Path) -> None:
    trimmer = nlp.get_pipe("gtx_person_titles")
    assert isinstance(trimmer, PersonTitleTrimmer)
    trimmer.to_disk(tmp_path / "saved")
    from_disk = PersonTitleTrimmer("t", "PER", "⟨noun⟩").from_disk(tmp_path / "saved")
    from_bytes = PersonTitleTrimmer("t", "PER", "⟨noun⟩").from_bytes(trimmer.to_bytes())
    assert from_disk.nouns == from_bytes.nouns == frozenset(NOUNS)


def test_missing_noun_list_is_a_clear_error(tmp_path: Path) -> None:
    trimmer = PersonTitleTrimmer("t", "PER", "⟨noun⟩")
    with pytest.raises(FileNotFoundError, match="noun list not found"):
        trimmer.initialize(path=str(tmp_path / "absent.txt"))


def test_doc_without_person_is_unchanged(nlp: Language) -> None:
    doc = Doc(nlp.vocab, words=["Regen", "in", "Spa"])
    doc.ents = [Span(doc, 2, 3, label="LOC")]
    assert [(e.text, e.label_) for e in nlp.get_pipe("gtx_person_titles")(doc).ents] == [
        ("Spa", "LOC")
    ]
