"""Results of earlier seasons: "2013 feierte er einen Doppelsieg", "der 2015 als
Achter abschloss". Previews, entry lists and portraits recall a driver's past
wins in the words that report this weekend's; a year earlier than the text's
own season, close to the position or its driver, marks them.

The text's season is the publication year, else the latest year the text
names (a report names its own season or none).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from gtextract.components.alternation import any_of, literal_words
from gtextract.components.contract import ResultFact
from gtextract.components.spans import sentence_at_char, text_of
from gtextract.cues import PositionCues

# a year, or a season over two years ("2018/19", "2018/2019": its later year)
# (also the year of a date, "21.08.2019"; not digits of a time, "1:2019,5")
YEAR = re.compile(r"(?<![\d,:])(19[5-9]\d|20\d\d)(?:/(\d\d|20\d\d))?(?!\d|[.,:]\d)")


def _years(text: str) -> list[int]:
    found = []
    for m in YEAR.finditer(text):
        year, later = int(m.group(1)), m.group(2)
        if later:
            year = int(later) if len(later) == 4 else year // 100 * 100 + int(later)
        found.append(year)
    return found


def _years_at(text: str) -> list[tuple[int, int]]:
    """(offset, year) of each year in ``text``."""
    return [(m.start(), _years(m.group(0))[0]) for m in YEAR.finditer(text)]


class SeasonFilter:
    """Drops the drivers of facts stated next to an earlier season's year."""

    def __init__(self, cues: PositionCues) -> None:
        self.window = int(cues.earlier_year_window_chars)
        # ", der hier 2019 gewann,": a relative clause between commas (or to the end)
        self.relative = any_of(
            literal_words(cues.relative_pronouns), re.IGNORECASE, before=r",\s+", after=r"\b[^,]*"
        )

    def this_season(self, doc: Doc) -> int | None:
        published = doc.user_data.get("gtx_published")
        if published:
            return int(str(published)[:4])
        years = _years(text_of(doc))
        return max(years) if years else None

    def keep(self, doc: Doc, facts: list[ResultFact]) -> list[ResultFact]:
        season = self.this_season(doc)
        if season is None:
            return facts
        text = text_of(doc)
        kept = []
        for fact in facts:
            sent = sentence_at_char(doc, fact.cue[0])
            if sent is None:
                kept.append(fact)
                continue
            drivers = [
                (a, b)
                for a, b in fact.drivers
                if not self._earlier(
                    text, fact, doc[a:b].start_char, doc[a:b].end_char, sent, season
                )
            ]
            if drivers:
                fact.drivers = drivers
                kept.append(fact)
        return kept

    def _earlier(
        self, text: str, fact: ResultFact, start: int, end: int, sent: Span, season: int
    ) -> bool:
        """A year before ``season`` within the window around the cue and the driver."""
        lo = max(sent.start_char, min(fact.cue[0], start) - self.window)
        hi = min(sent.end_char, max(fact.cue[1], end) + self.window)
        # a relative clause the cue is not in speaks of its own time only
        aside = [
            (sent.start_char + m.start(), sent.start_char + m.end())
            for m in self.relative.finditer(text[sent.start_char : sent.end_char])
            if not sent.start_char + m.start() <= fact.cue[0] < sent.start_char + m.end()
        ]
        return any(
            year < season and not any(a <= lo + at < b for a, b in aside)
            for at, year in _years_at(text[lo:hi])
        )
