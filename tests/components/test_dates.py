"""gtextract.dates: written dates, resolved against the publication date."""

from __future__ import annotations

from datetime import date

from gtextract.dates import ends_with_date, find_date, find_dates


def test_day_and_month_without_year() -> None:
    assert find_date("am 14. September") == "09-14"


def test_published_date_gives_the_year() -> None:
    assert find_date("am 14. September", date(2025, 5, 1)) == "2025-09-14"


def test_month_before_publication_is_next_year() -> None:
    assert find_date("am 14. Januar", date(2025, 5, 1)) == "2026-01-14"


def test_a_few_days_back_stays_in_the_same_year() -> None:
    assert find_date("am 3. Mai", date(2025, 5, 5)) == "2025-05-03"


def test_written_year_wins() -> None:
    assert find_date("am 14. September 2024", date(2025, 5, 1)) == "2024-09-14"


def test_two_day_weekend_gives_first_day() -> None:
    assert find_date("6./7. Juni") == "06-06"
    assert find_date("am 6./7. Juni", date(2026, 1, 10)) == "2026-06-06"


def test_numeric_date() -> None:
    assert find_date("am 14.09.2025") == "2025-09-14"


def test_weekday_after_publication() -> None:
    # 2025-05-07 is a Wednesday
    assert find_date("am kommenden Sonntag", date(2025, 5, 7)) == "2025-05-11"
    assert find_date("am kommenden Sonntag") is None


def test_impossible_date_is_none() -> None:
    assert find_date("am 31. Februar") is None


def test_heading_year_when_nothing_else_known() -> None:
    assert find_date("16. Mai", year=2026) == "2026-05-16"


def test_find_dates_in_text_order() -> None:
    text = "vom 6. Juni auf den 12. September"
    assert find_dates(text) == [(4, "06-06"), (20, "09-12")]


def test_day_range_with_bis_gives_first_day() -> None:
    assert find_dates("Der Lauf ist vom 3. bis 5. Oktober angesetzt") == [(17, "10-03")]


def test_day_range_across_months_gives_first_day_once() -> None:
    assert find_dates("vom 30. April bis 2. Mai 2027") == [(4, "2027-04-30")]


def test_day_range_with_und_and_hyphen() -> None:
    assert find_date("am 20. und 21. Juni") == "06-20"
    assert find_date("(11.-13. Juli)") == "07-11"


def test_numeric_day_range_gives_first_day() -> None:
    assert find_dates("Termin (4. - 6.9.)") == [(8, "09-04")]


def test_ends_with_date() -> None:
    assert ends_with_date("Kalender: 9. August ")
    assert ends_with_date("am 12.07.: ")
    assert ends_with_date("14.09.2025 - ")
    assert not ends_with_date("Platz 9. ")
    assert not ends_with_date("Er kommt aus ")
