"""Tokenizer rules: split hyphens between letters and digits, a quote glued to
the word before it, and a crew's slash after an abbreviation ("jr./Mayrhofer").

German compounds such as ``Abt-Audi``, ``Mercedes-AMG-Pilot`` or
``Spa-Francorchamps`` are single tokens in spaCy's German tokenizer, so
token patterns cannot see the team or make inside them. Splitting the hyphen
keeps the text unchanged (no whitespace is added) while exposing the parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.lang.char_classes import ALPHA, ALPHA_UPPER
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

HYPHEN_INFIX = rf"(?<=[{ALPHA}0-9])-(?=[{ALPHA}0-9])"
# "NLS.“Benny", "DTM:„Das": a quote that opens right after a word's closing mark
# (no space between) would glue both words into one token
QUOTE_OPEN_CHARS = '„“”"»«‚‘'
MARK_BEFORE_QUOTE_INFIX = rf"(?<=[{ALPHA}0-9])[.!?:;,](?=[{QUOTE_OPEN_CHARS}][{ALPHA}0-9])"
QUOTE_AFTER_MARK_INFIX = rf"(?<=[{ALPHA}0-9][.!?:;,])[{QUOTE_OPEN_CHARS}](?=[{ALPHA}0-9])"
# "Gassner jr./Mayrhofer": a crew's slash after an abbreviation's dot (the base
# infixes split a slash only after a letter or digit)
SLASH_AFTER_ABBREVIATION_INFIX = rf"(?<=[{ALPHA}]\.)/(?=[{ALPHA_UPPER}])"
# "A (28, ZA)/B (25, I)": a crew's slash glued to the bracket before it would hide
# the bracket's end and the second name in one token
BRACKET_SLASH_INFIXES = (
    rf"(?<=[{ALPHA}0-9])\)(?=/[{ALPHA}])",
    rf"(?<=\))/(?=[{ALPHA}])",
)
# "O’Ward", "D’Ambrosio": a name's letter and typographic apostrophe stay one word
# with it, as "O'Young" does with a straight one
APOSTROPHE_NAME = re.compile(r"^[A-Z][’'][A-ZÄÖÜ][\w-]+$")
# cells a scraped table glued together ("3Vorobjovs", "R5RC2") are split by
# gtx_glued (components/glued.py), not here
# "GT3." / "P4." / "SP9." at a sentence end: the dot is punctuation; "3." alone
# stays an ordinal
CODE_DOT_SUFFIX = rf"(?<=[{ALPHA}][0-9])\.$|(?<=[{ALPHA}][0-9][0-9])\.$"


def add_hyphen_infixes(nlp: Language) -> Language:
    """Make ``nlp``'s tokenizer split hyphenated compounds (idempotent)."""
    infixes = list(nlp.Defaults.infixes or [])
    for infix in (
        HYPHEN_INFIX,
        MARK_BEFORE_QUOTE_INFIX,
        QUOTE_AFTER_MARK_INFIX,
        SLASH_AFTER_ABBREVIATION_INFIX,
        *BRACKET_SLASH_INFIXES,
    ):
        if infix not in infixes:
            infixes.append(infix)
    suffixes = list(nlp.Defaults.suffixes or [])
    if CODE_DOT_SUFFIX not in suffixes:
        suffixes.append(CODE_DOT_SUFFIX)
    tokenizer: Any = nlp.tokenizer
    if (
        _pattern(tokenizer.infix_finditer) == _joined(infixes)
        and _pattern(tokenizer.suffix_search) == _joined(suffixes, after="$")
        and tokenizer.token_match is not None
    ):
        # already set: the bundled model's tokenizer file carries these rules, or
        # this ran before; compiling and reloading the ~1k special cases again
        # would cost ~0.2 s of every start
        return nlp
    # every affix setter reloads all special cases (~1k rules, ~0.1 s each): set them
    # with no rules loaded, then load the rules once
    rules = tokenizer.rules
    tokenizer.rules = {}
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    if tokenizer.token_match is None:
        tokenizer.token_match = APOSTROPHE_NAME.match
    tokenizer.rules = rules
    return nlp


def _joined(pieces: list[Any], after: str = "") -> str:
    """The pattern spaCy's ``compile_{suffix,infix}_regex`` build from pieces."""
    return "|".join(piece + after for piece in pieces if piece.strip())


def _pattern(bound: Any) -> str | None:
    """The pattern of a compiled regex's bound ``search``/``finditer``, or None."""
    owner = getattr(bound, "__self__", None)
    return owner.pattern if isinstance(owner, re.Pattern) else None


@spacy.registry.callbacks("gtextract.hyphen_infixes.v1")
def hyphen_infixes_callback() -> Callable[[Language], Language]:
    """For configs: ``[initialize.before_init] @callbacks = "gtextract.hyphen_infixes.v1"``."""
    return add_hyphen_infixes


BARE_TOKENIZER = "gtextract.bare_tokenizer.v1"


@spacy.registry.tokenizers(BARE_TOKENIZER)
def bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules, for loading a model whose ``tokenizer`` file holds
    them all: ``Tokenizer.from_disk`` drops every rule and affix the language's
    defaults set and loads the file's, so compiling the defaults' regexes and
    loading their ~400 special cases first is wasted (~0.2 s of a start)."""

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def load_overrides(model_path: Path) -> dict[str, Any]:
    """``spacy.load`` config overrides for a model directory: the bare tokenizer when
    the directory has its tokenizer file (else the defaults are all there is)."""
    if not (model_path / "tokenizer").is_file():
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}


def restore_tokenizer_config(nlp: Language, model_path: Path) -> None:
    """Put the model's own tokenizer entry back into ``nlp.config`` after a load with
    ``load_overrides``: a pipeline saved from ``nlp`` then loads without gtextract."""
    section = spacy.util.load_config(model_path / "config.cfg")["nlp"]["tokenizer"]
    config = nlp.config
    config["nlp"]["tokenizer"] = dict(section)
    nlp.config = config
