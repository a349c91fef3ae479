"""``gtx_person_spans``: titles, lone common nouns and sentence-initial words leave PER."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Span

from gtextract.components.person_spans import PersonSpanCleaner

NOUNS = ["Regisseur", "König", "Chef", "Teamchef", "Verband"]
LOWERCASE_WORDS = ["tatsächlich", "dahinter", "klein"]


@pytest.fixture
def nlp(tmp_path: Path) -> Language:
    nlp = spacy.blank("de")
    lookups = Lookups()
    # as in the bundled model: rare nouns have the noun class, listed names a name class
    norms = {"Hollywoodstar": "⟨noun⟩", "Kabel": "⟨noun⟩", "König": "⟨given+surname~⟩"}
    lookups.add_table("lexeme_norm", norms)
    nlp.vocab.lookups = lookups
    nouns, words = tmp_path / "nouns.txt", tmp_path / "words.txt"
    nouns.write_text("# test list\n" + "\n".join(NOUNS) + "\n", encoding="utf-8")
    words.write_text("\n".join(LOWERCASE_WORDS) + "\n", encoding="utf-8")
    nlp.add_pipe("gtx_person_spans").initialize(nouns=str(nouns), lowercase_words=str(words))
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
    doc = nlp.get_pipe("gtx_person_spans")(doc)
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


def test_sentence_initial_common_word_is_no_person(nlp: Language) -> None:
    text = "Tatsächlich siegte Hübl. Dahinter kam Brambeck ins Ziel."
    ents = [("Tatsächlich", "PER"), ("Hübl", "PER"), ("Dahinter", "PER"), ("Brambeck", "PER")]
    assert _trimmed(nlp, text, ents) == [("Hübl", "PER"), ("Brambeck", "PER")]


def test_common_word_inside_a_sentence_or_listed_stays(nlp: Language) -> None:
    # "Klein" is a lower-case word too, but mid-sentence it can only be a name;
    # at the start of a sentence a listed name keeps its span
    nlp.vocab.lookups.get_table("lexeme_norm")["Klein"] = "⟨surname~⟩"
    text = "Klein gewann, vor ihm lag nur Dahinter."
    ents = [("Klein", "PER"), ("Dahinter", "PER")]
    assert _trimmed(nlp, text, ents) == ents


def test_several_leading_nouns_go(nlp: Language) -> None:
    text = "Es sprach König Teamchef Ole Brambeck."
    assert _trimmed(nlp, text, [("König Teamchef Ole Brambeck", "PER")]) == [
        ("Ole Brambeck", "PER")
    ]


def test_list_survives_disk_and_bytes(nlp: Language, tmp_path: Path) -> None:
    trimmer = nlp.get_pipe("gtx_person_spans")
    assert isinstance(trimmer, PersonSpanCleaner)
    trimmer.to_disk(tmp_path / "saved")
    from_disk = PersonSpanCleaner("t", "PER", "⟨noun⟩").from_disk(tmp_path / "saved")
    from_bytes = PersonSpanCleaner("t", "PER", "⟨noun⟩").from_bytes(trimmer.to_bytes())
    assert from_disk.nouns == from_bytes.nouns == frozenset(NOUNS)
    assert from_disk.lowercase_words == from_bytes.lowercase_words == frozenset(LOWERCASE_WORDS)


def test_missing_word_list_is_a_clear_error(tmp_path: Path) -> None:
    trimmer = PersonSpanCleaner("t", "PER", "⟨noun⟩")
    with pytest.raises(FileNotFoundError, match="word list not found"):
        trimmer.initialize(nouns=str(tmp_path / "absent.txt"))


def test_doc_without_person_is_unchanged(nlp: Language) -> None:
    doc = Doc(nlp.vocab, words=["Regen", "in", "Spa"])
    doc.ents = [Span(doc, 2, 3, label="LOC")]
    assert [(e.text, e.label_) for e in nlp.get_pipe("gtx_person_spans")(doc).ents] == [
        ("Spa", "LOC")
    ]
