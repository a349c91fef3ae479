"""Personal names: their particles, their matching form, given name and surname.

One module for what the people rules, the record assembly, the evaluation
and the archive aggregation must agree on:

- :func:`particles`: the name particles of ``data/name_particles.txt``
  ("van der", "de", "von"); :data:`FOREIGN_PARTICLES` and
  :data:`UNAMBIGUOUS_PARTICLES` are the subsets that mark a name on their own;
- :func:`normalize`: the form two names are compared in (the dev set's
  matching rules: accents, case and separators do not count);
- :func:`fold`: a looser key for one person across articles ("Müller" and
  "Mueller" are one);
- :func:`split_name`: given name and surname, the surname starting at its
  first particle ("Kelvin" / "van der Linde").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from gtextract.gazetteers import DataSource, package_data

PARTICLES_LIST = "name_particles"

# Particles that mark a name even when the given name is unknown ("Mathis de
# Vries"); German "von"/"zu" are left out because "X von Y" is ordinary German.
FOREIGN_PARTICLES = frozenset(
    {"van", "de", "den", "der", "da", "di", "ten", "ter", "le", "la", "du", "dos", "del", "della"}
)
# ... and of those the ones that are no article too ("der", "den"; "la" as in
# "La Sarthe"): right after a capitalised word they make it a given name.
UNAMBIGUOUS_PARTICLES = FOREIGN_PARTICLES - {"der", "den", "la"}

# spaces, hyphens and dashes, slashes, dots, commas, straight and typographic quotes
_SEPARATORS = re.compile(
    r"[\s\-\u2010-\u2015\u2212/.,'\"`\u00b4\u2018-\u201f\u00ab\u00bb\u2039\u203a]+"
)
_SPACES = re.compile(r"\s+")
MIN_CAPITALS_SURNAME = 3  # "MÜLLER", "RAST"; two capitals are initials or a code
VOWELS = frozenset("AEIOUYÄÖÜÉÈÁÀÓÍÚ")
_NON_WORD = re.compile(r"[^\w ]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def particles(data: DataSource | None = None) -> frozenset[str]:
    """The name particles, lower case, of the package's data or of ``data``."""
    return frozenset(p.lower() for p in (data or package_data()).words(PARTICLES_LIST))


def strip_accents(text: str) -> str:
    """ "Hülkenberg" -> "Hulkenberg": NFKD without the combining marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The matching form of a name: without accents, case folded, each run of
    separators (spaces, dashes, slashes, dots, commas, quotes) one space.

    "Jean-Éric Vergne" and "jean eric  vergne" have the same form. Cached: the
    assembly compares every mention with the entities seen so far.
    """
    return _SEPARATORS.sub(" ", strip_accents(text).casefold()).strip()


def fold(text: str) -> str:
    """A looser key than :func:`normalize`, for one person across articles:
    German umlauts spelt out ("Müller" -> "mueller") and every character that is
    not a letter or digit a separator ("Müller-Thurgau" -> "mueller thurgau")."""
    text = strip_accents(text.casefold().translate(_UMLAUTS))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def surname_in_capitals(word: str) -> bool:
    """ "MÜLLER": shaped like a surname in capitals; "AJ", "JJ" are a given name's
    initials, "HRT", "KTM" (no vowel) a code."""
    return len(word) >= MIN_CAPITALS_SURNAME and word.isupper() and any(c in VOWELS for c in word)


def split_name(name: str, particle_set: Collection[str] | None = None) -> tuple[str | None, str]:
    """``(given name, surname)``; the surname starts at the first particle after the
    given name ("Kelvin" / "van der Linde"), else it is the last word.

    A single word is a surname (``(None, "Brenninger")``), and so is a name that
    starts with a particle (``(None, "van der Linde")``).
    """
    known = particles() if particle_set is None else particle_set
    parts = name.split()
    if len(parts) < 2 or parts[0].lower() in known:
        return None, name
    if len(parts) == 2 and surname_in_capitals(parts[0]) and not parts[1].isupper():
        return parts[1], parts[0]  # "MÜLLER Thomas": official lists write the surname first
    i = 1
    while i < len(parts) - 1 and parts[i].lower() not in known:
        i += 1
    if parts[i].lower() not in known:
        i = len(parts) - 1
    return " ".join(parts[:i]), " ".join(parts[i:])
