"""gtx tokenizer rule: hyphens between letters/digits split, text unchanged."""

from __future__ import annotations

import spacy

from gtextract.base_model import bundled_model_path, load_base
from gtextract.components.tokenizer import HYPHEN_INFIX, add_hyphen_infixes, load_overrides


def tokens(extractor, text: str) -> list[str]:
    return [t.text for t in extractor.nlp.make_doc(text)]


def test_team_make_compound_splits(extractor) -> None:
    assert tokens(extractor, "Der Abt-Audi gewann.")[1:4] == ["Abt", "-", "Audi"]


def test_split_keeps_text_unchanged(extractor) -> None:
    text = "Der Abt-Audi und der Mercedes-AMG-Pilot in Spa-Francorchamps."
    doc = extractor.nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
    # no whitespace is invented around the split hyphen
    hyphen = next(t for t in doc if t.text == "-")
    assert hyphen.whitespace_ == ""
    assert doc[hyphen.i - 1].whitespace_ == ""


def test_multi_part_compound(extractor) -> None:
    assert tokens(extractor, "Mercedes-AMG-Pilot") == ["Mercedes", "-", "AMG", "-", "Pilot"]


def test_letter_digit_hyphen_splits(extractor) -> None:
    assert tokens(extractor, "GT3-Klasse") == ["GT3", "-", "Klasse"]


def test_hyphen_with_spaces_stays_a_token(extractor) -> None:
    assert tokens(extractor, "Abt - Audi") == ["Abt", "-", "Audi"]


def test_add_hyphen_infixes_is_idempotent() -> None:
    nlp = spacy.blank("de")
    assert [t.text for t in nlp.make_doc("Abt-Audi")] == ["Abt-Audi"]
    add_hyphen_infixes(nlp)
    add_hyphen_infixes(nlp)
    assert [t.text for t in nlp.make_doc("Abt-Audi")] == ["Abt", "-", "Audi"]
    assert list(nlp.Defaults.infixes or []).count(HYPHEN_INFIX) <= 1


def test_sentence_final_dot_splits_off_model_codes(extractor) -> None:
    assert tokens(extractor, "Er fuhr einen BMW M6 GT3.")[-2:] == ["GT3", "."]


def test_quote_glued_after_a_full_stop_splits(extractor) -> None:
    assert tokens(extractor, "Sieg in der NLS.“Toll”, sagte er.")[3:6] == ["NLS", ".", "“"]


def test_quote_glued_after_a_colon_splits(extractor) -> None:
    assert tokens(extractor, "Er sagte:„Gut.“")[:4] == ["Er", "sagte", ":", "„"]


def test_quote_rule_keeps_abbreviations_without_quotes(extractor) -> None:
    assert "U.S.A." in tokens(extractor, "Er fuhr in den U.S.A. viele Rennen.")


def test_name_with_typographic_apostrophe_stays_one_word(extractor) -> None:
    assert tokens(extractor, "Es siegte Pato O’Quast.") == ["Es", "siegte", "Pato", "O’Quast", "."]
    assert tokens(extractor, "Er sagt’s.") == ["Er", "sagt", "’s", "."]


def test_glued_table_cells_are_left_to_gtx_glued(extractor) -> None:
    # the tokenizer keeps them whole; gtx_glued splits them (tests/components/test_glued.py)
    assert tokens(extractor, "3Quast / Beck")[:2] == ["3Quast", "/"]
    assert tokens(extractor, "Das 24h-Rennen") == ["Das", "24h", "-", "Rennen"]


def test_special_cases_survive_the_new_affix_rules() -> None:
    nlp = spacy.blank("de")
    rules = dict(nlp.tokenizer.rules or {})
    add_hyphen_infixes(nlp)
    assert nlp.tokenizer.rules == rules
    # "z.B." and "Nr." are special cases; "Abt-Audi" shows the new infixes are in force
    words = [t.text for t in nlp("Das Team, z.B. Abt-Audi mit Nr. 7, siegte.")]
    assert words == [
        "Das",
        "Team",
        ",",
        "z.B.",
        "Abt",
        "-",
        "Audi",
        "mit",
        "Nr.",
        "7",
        ",",
        "siegte",
        ".",
    ]


def test_slash_after_an_abbreviation_splits(extractor) -> None:
    # a rally crew whose driver ends in "jr.": the co-driver is a word of their own
    assert tokens(extractor, "Jonas Quast jr./Lena Brenner") == [
        "Jonas",
        "Quast",
        "jr.",
        "/",
        "Lena",
        "Brenner",
    ]


def test_crew_after_jr_is_two_drivers(report) -> None:
    r = report("Das Duo Jonas Quast jr./Lena Brenner fuhr im Skoda Fabia auf Rang zwei.")
    assert [d.name for d in r.drivers] == ["Jonas Quast", "Lena Brenner"]


def test_second_call_keeps_the_compiled_rules() -> None:
    nlp = spacy.blank("de")
    add_hyphen_infixes(nlp)
    infix = nlp.tokenizer.infix_finditer
    add_hyphen_infixes(nlp)
    assert nlp.tokenizer.infix_finditer is infix  # nothing compiled or reloaded again


def test_bundled_model_ships_the_rules_in_its_tokenizer_file() -> None:
    # else every start compiles them and reloads the special cases (~0.2 s)
    model = bundled_model_path()
    assert model is not None
    nlp = spacy.load(model)
    infix = nlp.tokenizer.infix_finditer
    add_hyphen_infixes(nlp)
    assert nlp.tokenizer.infix_finditer is infix
    assert [t.text for t in nlp.make_doc("Der Abt-Audi fuhr.")][1:4] == ["Abt", "-", "Audi"]


def test_model_loads_its_tokenizer_once_with_the_same_rules(tmp_path) -> None:
    model = bundled_model_path()
    assert model is not None
    plain = spacy.load(model)
    fast = load_base(model)[0]  # the bare tokenizer, filled from the model's file
    assert fast.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    text = "Z.B. fuhr O’Ward mit Nr. 7 im Abt-Audi GT3. Danach: „Toll“, sagte er."
    assert [t.text for t in fast.make_doc(text)] == [t.text for t in plain.make_doc(text)]
    # a pipeline saved from it names spaCy's own tokenizer, so it loads without gtextract
    assert fast.config["nlp"]["tokenizer"] == {"@tokenizers": "spacy.Tokenizer.v1"}
    fast.to_disk(tmp_path / "saved")
    assert spacy.load(tmp_path / "saved").tokenizer.to_bytes(exclude=["vocab"]) == (
        plain.tokenizer.to_bytes(exclude=["vocab"])
    )


def test_a_model_without_a_tokenizer_file_keeps_the_default_tokenizer(tmp_path) -> None:
    assert load_overrides(tmp_path) == {}


def test_a_slash_glued_to_a_closing_bracket_splits(extractor) -> None:
    text = "Xaver Quast (31, D)/Ulf Ribbeck (27, A) gewannen."
    assert tokens(extractor, text)[5:10] == ["D", ")", "/", "Ulf", "Ribbeck"]
    assert extractor.nlp.make_doc(text).text == text
