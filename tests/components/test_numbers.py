"""gtextract.numbers: German number words and decimals."""

from __future__ import annotations

import pytest

from gtextract.numbers import cardinal, decimal, ordinal


@pytest.mark.parametrize(
    ("word", "value"),
    [("zwei", 2), ("12", 12), ("einer", 1), ("Zehn", 10), ("einundzwanzig", 21)],
)
def test_cardinal(word: str, value: int) -> None:
    assert cardinal(word) == value


def test_cardinal_of_non_number() -> None:
    assert cardinal("Auto") is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("dritten", 3), ("Dritter", 3), ("3.", 3), ("zweite", 2), ("zwanzigster", 20)],
)
def test_ordinal(word: str, value: int) -> None:
    assert ordinal(word) == value


def test_ordinal_of_non_number() -> None:
    assert ordinal("Rennen") is None
    assert ordinal("3") is None


@pytest.mark.parametrize(("text", "value"), [("0,024", 0.024), ("7.063", 7.063), ("12", 12.0)])
def test_decimal(text: str, value: float) -> None:
    assert decimal(text) == pytest.approx(value)


def test_decimal_of_non_number() -> None:
    assert decimal("abc") is None


def test_repeated_questions_are_answered_from_the_cache() -> None:
    ordinal.cache_clear()
    assert [ordinal("Dritter") for _ in range(3)] == [3, 3, 3]
    info = ordinal.cache_info()
    assert (info.hits, info.misses) == (2, 1)
