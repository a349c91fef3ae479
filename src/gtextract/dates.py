"""Dates in German report text, resolved against an optional publication date.

Handles "am 14. September (2025)", "14.09.2025", day ranges that give their
first day ("6./7. Juni", "15.-17. März", "vom 10. bis 12. Juli", "15. und 16.
Juli", "vom 29. Mai bis 1. Juni", "7. - 9.8.") and weekday references ("am
kommenden Sonntag") when the publication date is known. Returns ISO
"YYYY-MM-DD", or "MM-DD" when the year is unknown.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from gtextract import gazetteers


@lru_cache(maxsize=1)
def _calendar() -> tuple[dict[str, int], dict[str, int]]:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for word in gazetteers.calendar():
        (months if word.kind == "month" else weekdays)[word.word.lower()] = word.number
    return months, weekdays


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months, weekdays = _calendar()
    month_alt = "|".join(
        sorted((re.escape(m) for m in months if len(m) >= 3), key=len, reverse=True)
    )
    day_alt = "|".join(sorted((re.escape(w) for w in weekdays), key=len, reverse=True))
    # a range's first day, then its last day with the month (and year) of both;
    # "vom 29. Mai bis 1. Juni" names the first month too
    joiner = r"\s*(?:[/–—-]|bis|und|&)\s*"
    written = re.compile(
        rf"\b(?P<day>\d{{1,2}})\.\s*(?:(?P<month1>{month_alt})\.?(?=\s*(?:[/–—-]|bis\b)))?"
        rf"(?:{joiner}\d{{1,2}}\.)?\s*(?P<month>{month_alt})\b"
        rf"(?:\s+(?P<year>\d{{4}}))?",
        re.IGNORECASE,
    )
    numeric = re.compile(
        rf"\b(?P<day>\d{{1,2}})\.(?:(?P<month1>\d{{1,2}})\.)?(?:{joiner}\d{{1,2}}\.)?"
        r"(?P<month>\d{1,2})\.(?P<year>\d{4})?(?!\d)"
    )
    weekday = re.compile(
        rf"\b(?P<next>kommenden|nächsten)?\s*(?P<weekday>{day_alt})\b", re.IGNORECASE
    )
    return written, numeric, weekday


def _format(year: int | None, month: int, day: int) -> str | None:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"


def _year_after(published: date | None, month: int, day: int) -> int | None:
    """The year in which month/day next falls on or after the publication date."""
    if published is None:
        return None
    candidate = date(published.year, month, min(day, 28))
    return published.year if candidate >= published - timedelta(days=3) else published.year + 1


def find_dates(
    text: str, published: date | None = None, year: int | None = None
) -> list[tuple[int, str]]:
    """Every written date in ``text``: (offset, date), in text order.

    ``year`` is used when the text gives none and no publication date is known
    (a calendar headed "DTM-Kalender 2026").
    """
    months, _ = _calendar()
    written, numeric, _ = _patterns()
    found: list[tuple[int, str]] = []
    for m in written.finditer(text):
        month = months[(m.group("month1") or m.group("month")).lower()]
        day = int(m.group("day"))
        y = int(m.group("year")) if m.group("year") else _year_after(published, month, day) or year
        if (value := _format(y, month, day)) is not None:
            found.append((m.start(), value))
    for m in numeric.finditer(text):
        month = int(m.group("month1") or m.group("month"))
        if not 1 <= month <= 12:
            continue
        day = int(m.group("day"))
        y = int(m.group("year")) if m.group("year") else _year_after(published, month, day) or year
        if (value := _format(y, month, day)) is not None and not any(
            abs(pos - m.start()) < 3 for pos, _ in found
        ):
            found.append((m.start(), value))
    return sorted(found)


def find_date(text: str, published: date | None = None, year: int | None = None) -> str | None:
    """The first date written in ``text`` (or a weekday after ``published``), or None."""
    _, weekdays = _calendar()
    _, _, weekday = _patterns()
    found = find_dates(text, published, year)
    if found:
        return found[0][1]
    m = weekday.search(text)
    if m and published is not None:
        target = weekdays[m.group("weekday").lower()]
        delta = (target - published.isoweekday()) % 7 or 7
        when = published + timedelta(days=delta)
        return when.isoformat()
    return None


def ends_with_date(text: str) -> bool:
    """True when ``text`` ends with a written or numeric date ("12. Juli", "9.8.",
    "14.09.2025:"), as a calendar line's venue follows its date."""
    written, numeric, _ = _patterns()
    tail = len(text.rstrip(" \t:–-"))
    return any(m.end() == tail for pattern in (written, numeric) for m in pattern.finditer(text))
