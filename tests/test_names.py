"""gtextract.names: particles, the matching form of a name, given name / surname."""

from __future__ import annotations

import pytest

from gtextract import names
from gtextract.gazetteers import DataSource, package_data


def test_normalize_ignores_accents_case_and_separators() -> None:
    assert names.normalize("Jean-Éric  VERGNE") == "jean eric vergne"
    assert names.normalize("„Scherer“") == "scherer"


def test_fold_spells_out_umlauts() -> None:
    assert names.fold("Müller") == names.fold("Mueller") == "mueller"
    assert names.normalize("Müller") == "muller"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kelvin van der Linde", ("Kelvin", "van der Linde")),
        ("Hans-Joachim Stuck", ("Hans-Joachim", "Stuck")),
        ("Anna Maria Beispiel", ("Anna Maria", "Beispiel")),
        ("Max von", ("Max", "von")),  # a particle at the end is the surname
        ("Beispiel", (None, "Beispiel")),
        ("de Vries", (None, "de Vries")),
        ("K. van der Linde", ("K.", "van der Linde")),
        ("Carl af Beispiel", ("Carl", "af Beispiel")),  # Swedish nobility particle
        ("BEISPIEL Anna", ("Anna", "BEISPIEL")),  # official lists: "NACHNAME Vorname"
        ("AJ Beispiel", ("AJ", "Beispiel")),  # initials in capitals stay the given name
        ("BRT Beispiel", ("BRT", "Beispiel")),  # no vowel: a code, no surname
    ],
)
def test_split_name(name: str, expected: tuple[str | None, str]) -> None:
    assert names.split_name(name) == expected


def test_split_name_with_own_particles() -> None:
    assert names.split_name("Anna Zu Beispiel", {"zu"}) == ("Anna", "Zu Beispiel")
    assert names.split_name("Anna Zu Beispiel", set()) == ("Anna Zu", "Beispiel")


def test_particles_come_from_the_data_file(tmp_path) -> None:
    assert {"van", "von der", "de"} <= names.particles()
    (tmp_path / "name_particles.txt").write_text("# own list\nZu\n", encoding="utf-8")
    assert names.particles(DataSource(tmp_path)) == {"zu"}


def test_strong_particles_are_listed_particles() -> None:
    listed = names.particles(package_data())
    assert names.UNAMBIGUOUS_PARTICLES < names.FOREIGN_PARTICLES <= listed
    assert "von" not in names.FOREIGN_PARTICLES  # "X von Y" is ordinary German
