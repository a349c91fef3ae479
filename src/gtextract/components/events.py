"""``gtx_events``: upcoming and cancelled events.

Sources:
- calendar blocks of fan sites ("NOV / 07 / ADAC GT MastersMotorsport Arena
  Oschersleben", often fused without a space), read line by line at the
  character level;
- calendar lists that start with the date ("16./17. Mai – Lausitzring");
- calendar blocks of short lines with a date and a venue in any order
  ("- Lauf 2: Lausitzring (8.-10. Mai)", "Sa., 17.04.: Oschersleben");
- prose sentences with a future or cancellation cue ("am kommenden Wochenende
  beim 24h-Rennen von Spa-Francorchamps", "Das DTM-Wochenende am 6./7. Juni
  fällt aus"), or with a date and a venue and no past-tense verb ("Die DTM
  fährt am 8. Mai auf dem Lausitzring"), with the crew, team, car and class
  named in that sentence and the one after it;
- a cue sentence that names no event itself: one opening with a word pointing
  back ("Es wird am 5. August gefahren") dates the event or venue of the
  sentence before; a series calling off races with no venue ("Die Formel 1
  streicht drei Rennen") has them named by the venues of the next sentence;
- the race a qualifying report names as still to come.
Repeats (one event by two names, inflections, a venue form, a calendar entry
retold in prose) and races the report tells as won are dropped at the end.
The cue words and name shapes live in ``data/event_cues.json``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from gtextract.components import contract
from gtextract.components.alternation import Alternation, any_of, literal_words
from gtextract.components.base import DataComponent
from gtextract.components.contract import PUBLISHED, EventFact
from gtextract.components.spans import (
    NESTED,
    resolved,
    resolved_rows,
    sentence_bounds,
    sentences,
    text_of,
)
from gtextract.cues import EventCues
from gtextract.dates import find_dates
from gtextract.gazetteers import CALENDAR_FILE, DataSource, entry_file
from gtextract.numbers import cardinal

EVENT_CUES_FILE = "event_cues.json"

CALENDAR_BLOCK_LINE = re.compile(
    r"^(?P<month>[A-Za-zÄÖÜäöü]{3,9}\.?|tbd|TBD|TBA)[ \t]*\n[ \t]*(?P<day>\d{1,2}\.?|--|-|tbd)"
    r"[ \t]*\n(?P<rest>[^\n]+)$",
    re.MULTILINE,
)
STATUS_NOTE = re.compile(r"\s*\(([^)]*)\)")
YEAR = re.compile(r"\b(20\d\d)\b")
TRACK_NAMES = "gtx_event_track_names"  # doc.user_data cache of _track_names
# "noch drei Rennen": more races than a weekend holds are the season's, not the venue's
MAX_RACES_LEFT = 4
SLOT_REACH = 60  # characters from a venue to its date
ORDINAL = re.compile(r"\d{1,3}\.\s+")
PLACE = re.compile(r"[A-ZÄÖÜ][\wäöüß.-]+(?:[ /-][A-ZÄÖÜ][\wäöüß.-]+){0,2}")
# a comma, semicolon or dash between an event name and a venue ends the name's clause
CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s")
# the date that opens a news ticker entry: "12. Juni:", "03.06.2020:"
NEWS_STAMP = re.compile(r"\d{1,2}\.\s*(?:[^\W\d_]+|\d{1,2}\.)(?:\s*\d{4})?:")
# what joins two venues of one list: "am Sachsenring und in Oschersleben"
CONJOINED = re.compile(
    r"\s*(?:,|und|sowie|oder)\s+(?:(?:auf|in|am|im|an)\s+)?(?:(?:dem|der|den|die|das)\s+)?"
)
LINE = re.compile(r"[^\n]+")
NAME_GAPS = re.compile(r"[\s\-–—/]+")  # hyphens, dashes and slashes between name words
WORD_BOUNDARY = re.compile(r"\b")
CASE_ENDING = re.compile(r"(?:en|es|e|n|s)$")  # "Deutschen", "Rennens": a word's case ending
DAY_DOT = re.compile(r"\d\.")  # every written date has one: a cheap test before the date search
# what may stand between a date and the venue it dates: "17. April Oschersleben",
# "8. Mai: Lausitzring", "am 8. Mai in der Lausitz", "8. Mai auf dem Lausitzring"
TIGHT_BEFORE = re.compile(
    r"[ \t]*(?:[:–—-][ \t]*)?(?:(?:in|im|am|an|auf|beim|bei)[ \t]+(?:der|dem|den)?[ \t]*)?"
)
# a sentence of prose: two lower-case words and a full stop at its end
PROSE = re.compile(r"[a-zäöüß]{3,}\b.*\b[a-zäöüß]{3,}\b[^\n]*[.!]\s*$", re.DOTALL)
# a list line's bullet or dash: "- ", "• ", "* "
BULLET = re.compile(r"^[ \t]*(?:[-–—•*·▪►>]+[ \t]*)?")
CALENDAR_LINE_CHARS = 100
# a line ending like a sentence: a lower-case word and a full stop, or "!" / "?"
SENTENCE_END = re.compile(r"[a-zäöüß]{3}\.$|[!?]$|[a-zäöüß]{3}\. ")
# separators left at the edges of a calendar line once its date is taken out
LINE_EDGE = re.compile(r"^[\s,;:|–—/-]+|[\s,;:|–—/-]+$")
LEADING_PREPOSITION = re.compile(r"^(?:in|am|im|auf|an|beim|bei)\s+(?:der|dem|den)?\s*")
LOWER_WORD = re.compile(
    r"(?<![\w-])(?!(?:bis|vom|von|am|im|in|an|auf|der|den|dem|des|die|das|und|zum|zur|bei|beim)\b)"
    r"[a-zäöüß]{3,}\b"
)
# "Lauf 2:", "1. Lauf –", "Rd. 3", "Runde 4": a round's number before its venue
ROUND_LABEL = re.compile(
    r"^(?:\d{1,2}\.\s*(?:Lauf|Rennen|Runde|Station|Event)|(?:Lauf|Rennen|Runde|Round|Rd\.?|"
    r"Station|Event|R)\s*\d{1,2})\s*[:.,–—-]?\s*"
)
TRAILING_PLACE = re.compile(r",\s*([A-ZÄÖÜ][\wäöüß.-]+(?:[ /-][A-ZÄÖÜ][\wäöüß.-]+){0,2})\s*$")


class EventFinder(DataComponent):
    data_files = (EVENT_CUES_FILE, CALENDAR_FILE, entry_file("tracks"), entry_file("events"))

    def setup(self, data: DataSource) -> None:
        self.cues = data.cues("event_cues", EventCues)
        self.months = {word.lower(): number for word, number in data.months().items()}
        self.future = Alternation(self.cues.future)  # searched in every sentence
        self.past_tense = any_of(self.cues.past_tense)
        self.unrealised = any_of(self.cues.unrealised)
        self.told = any_of(self.cues.told_verbs)
        self.off_circuit = any_of(self.cues.off_circuit)
        # "gewinnt das ": a race's name right after the match is told as won
        self.won = any_of(self.cues.won_verbs, re.IGNORECASE, after=r"\s+")
        self.back_reference = any_of(self.cues.back_reference)
        self.weekend_race = any_of(self.cues.weekend_race_subjects)
        self.races_left = any_of(self.cues.races_left)
        # a date and the announcing verb right after it: "hat am 15.3. bekanntgegeben"
        self.announced = any_of(
            self.cues.announced, re.IGNORECASE, before=r"[\d./ ]+(?:\w+\s+)?", after=r"\b"
        )
        self.replaced = any_of(self.cues.replaced, re.IGNORECASE, after=r"\s*$")
        self.name_shapes = list(self.cues.name_patterns)
        # a shape with TRACK is compiled per sentence with that sentence's tracks; the
        # same shape with any text for TRACK matches wherever it could, so a sentence
        # it misses needs no compile (most do: a compile costs ~1 ms)
        self.name_shape_tests = {
            shape: re.compile(shape.replace("TRACK", r"[\s\S]+"))
            for shape in self.name_shapes
            if "TRACK" in shape
        }
        self.own_name = any_of(self.cues.own_name_markers)
        self.race_ahead = [re.compile(p) for p in self.cues.race_ahead]
        self.race_ahead_names = [re.compile(p) for p in self.cues.race_ahead_names]
        self.event_tracks = {
            e.name: str(e.attrs["track"]) for e in data.entries("events") if e.attrs.get("track")
        }
        # written form -> track name, for a character-level search of calendar lines;
        # there a town stands for its circuit, also a nearby city ("Budapest")
        self.track_forms: dict[str, str] = {}
        for e in data.entries("tracks"):
            towns = [*e.attrs.get("places", ()), *e.attrs.get("cities", ())]
            for form in [*e.forms, *map(str, towns)]:
                if len(form) >= 4:
                    self.track_forms.setdefault(form, e.name)
        alts = literal_words(self.track_forms)
        # a form starts a word, or is fused onto the name ("GT MastersLausitzring", "Lauf 1Zolder")
        self.track_re = re.compile(
            r"(?:(?<![\w-])|(?<=[a-zäöüß0-9])(?=[A-ZÄÖÜ]))(?:" + "|".join(alts) + r")(?![\w])"
        )
        months = literal_words(data.months())
        month_alt = "(?:" + "|".join(months) + ")"
        # "16./17. Mai – Lausitzring", "Abgesagt: 28. März – X", "8. Mai 2027: X (Town)",
        # "29. Mai bis 1. Juni - X"; a line after a colon is a calendar entry only
        # when it is short and no sentence (news tickers start lines with dates too)
        # a sentence ends in a word of three lower-case letters and a dot ("St. Wendel",
        # "3. Lauf" are none); "26. - 28.04.2019 Most (CZ)": a numeric date and a
        # bare space before the venue only when the line names a known track
        no_sentence = r"(?=[^\n]{3,90}$)(?![^\n]*[.!?]$)(?![^\n]*[a-zäöüß]{3}\. )"
        self.date_first_line = re.compile(
            r"^[ \t]*(?:(?P<note>[A-ZÄÖÜ][a-zäöü]+):[ \t]*)?"
            r"(?P<when>\d{1,2}\.(?:\s*" + month_alt + r")?(?:\s*(?:[/–-]|bis)\s*\d{1,2}\.)?"
            r"\s*" + month_alt + r"(?:\s+\d{4})?"
            r"|(?P<numeric>\d{1,2}\.(?:\d{1,2}\.)?(?:\s*(?:[/–-]|bis)\s*\d{1,2}\.)?"
            r"\d{1,2}\.(?:\d{4})?))"
            r"(?:[ \t]*[–—-][ \t]*|:[ \t]*" + no_sentence + r"|(?P<bare>[ \t]+)" + no_sentence + ")"
            r"(?P<rest>(?![\s\d])(?!Uhr\b)[^\n]+)$",
            re.MULTILINE | re.IGNORECASE,
        )
        # a calendar table row: "3. | China / Shanghai | 12.-14. April | ..."
        self.table_row = re.compile(r"^[^\n|]*\|[^\n]*\|[^\n]*$", re.MULTILINE)
        # one date of a calendar line with its weekday and range: "Sa., 17.04.",
        # "17.-19. April", "vom 29. Mai bis 1. Juni", "17.04.2026 – 19.04.2026"
        days = literal_words(data.weekdays())
        weekday = r"(?:(?:" + "|".join(days) + r")\.?,?\s*)?"
        written = r"\d{1,2}\.(?:\s*" + month_alt + r"\.?)?\s*" + month_alt + r"\.?(?:\s+\d{4})?"
        numeric = r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}(?!\d))?"
        first = r"\d{1,2}\.(?:\d{1,2}\.)?"
        one = rf"{weekday}(?:{written}|{numeric})"
        joiner = r"\s*(?:[/–—-]|bis|und|&)\s*"
        self.line_date = re.compile(
            rf"(?<![\w.])(?:vom\s+|am\s+|ab\s+)?(?:{weekday}{first}{joiner})?{one}(?:{joiner}{one})?",
            re.IGNORECASE,
        )

    @staticmethod
    def _track_names(doc: Doc) -> dict[str, str]:
        """Gazetteer track -> the name the report's track entity gets: the entry's
        own name when the text writes it, else its longest written form. An event
        naming its venue so is linked to that entity and all its forms."""
        text = text_of(doc)
        spans = resolved(doc, "TRACK") + list(doc.spans.get(NESTED, []))
        forms: dict[str, list[str]] = {}
        for s in spans:
            if s.kb_id_:
                forms.setdefault(s.kb_id_, []).append(text[s.start_char : s.end_char])
        return {
            kb: kb if kb in written else max(written, key=lambda w: (len(w.split()), len(w)))
            for kb, written in forms.items()
        }

    def _venue(self, span: Span) -> str:
        """The report's name of a track span's venue."""
        if not span.kb_id_:
            return span.text
        names = span.doc.user_data.get(TRACK_NAMES)
        if names is None:
            names = span.doc.user_data[TRACK_NAMES] = self._track_names(span.doc)
        return str(names.get(span.kb_id_, span.text))

    def _find_track(self, text: str) -> tuple[int, str, str] | None:
        """First track named in a line: (offset, written form, name)."""
        m = self.track_re.search(text)
        return (m.start(), m.group(0), self.track_forms[m.group(0)]) if m else None

    def _status(self, note: str) -> str | None:
        """scheduled / cancelled from a line's note; None for a past round."""
        low = note.lower()
        if any(w in low for w in self.cues.calendar_past):
            return None
        if any(w in low for w in self.cues.cancelled):
            return "cancelled"
        return "scheduled"

    def _calendar_block(self, doc: Doc) -> list[EventFact]:
        events = []
        for m in CALENDAR_BLOCK_LINE.finditer(text_of(doc)):
            month_word = m.group("month").rstrip(".").lower()
            month = self.months.get(month_word)
            if month is None and month_word not in ("tbd", "tba"):
                continue
            rest = m.group("rest").strip()
            status = self._status(rest)
            if status is None:
                continue
            rest_clean = STATUS_NOTE.sub("", rest)
            track = self._find_track(rest_clean)
            name = rest_clean[: track[0]].strip() if track and track[0] > 0 else rest_clean
            day = m.group("day").rstrip(".")
            start = m.start("rest")
            events.append(
                EventFact(
                    name=name.strip(" -–"),
                    start=start,
                    end=start + len(m.group("rest")),
                    track=track[1] if track else None,
                    track_text=track[1] if track else None,
                    track_start=start + m.group("rest").find(track[1]) if track else None,
                    date=f"{month:02d}-{int(day):02d}" if month and day.isdigit() else None,
                    status=status,
                )
            )
        return events

    def _calendar_list(self, doc: Doc, published: date | None) -> list[EventFact]:
        """ "16./17. Mai – Lausitzring (abgesagt)" lines."""
        events = []
        text = text_of(doc)
        for m in self.date_first_line.finditer(text):
            rest = m.group("rest").strip()
            if m.group("bare") is not None and (
                m.group("numeric") is None or self._find_track(rest) is None
            ):
                continue
            status = self._status(f"{m.group('note') or ''} {rest}")
            if status is None:
                continue
            dates = find_dates(m.group("when"), published, self._heading_year(text, m.start()))
            events.append(
                self._calendar_entry(rest, m.start("rest"), dates[0][1] if dates else None, status)
            )
        return events

    @staticmethod
    def _heading_year(text: str, at: int) -> int | None:
        years = YEAR.findall(text[max(0, at - 300) : at])
        return int(years[-1]) if years else None

    def _calendar_entry(self, rest: str, start: int, when: str | None, status: str) -> EventFact:
        """One calendar line's event; a venue the gazetteer lacks is read from a
        closing "(Town)" or ", Town"."""
        name = STATUS_NOTE.sub("", rest).strip()
        track = self._find_track(name)
        place = None
        if track is None:
            notes = [n for n in STATUS_NOTE.findall(rest) if PLACE.fullmatch(n.strip())]
            tail = TRAILING_PLACE.search(name)
            if notes:
                place = notes[-1].strip()
            elif tail:
                place, name = tail.group(1), name[: tail.start()].strip()
        return EventFact(
            name=name,
            start=start,
            end=start + len(name),
            track=track[1] if track else place,
            track_text=track[1] if track else None,
            track_start=start + rest.find(track[1]) if track else None,
            date=when,
            status=status,
        )

    def _calendar_table(self, doc: Doc, published: date | None) -> list[EventFact]:
        """Rows of a calendar table: the first cell with letters names the event,
        the first cell with a date dates it ("Australien / Melbourne | 15.-17. März")."""
        events = []
        text = text_of(doc)
        for m in self.table_row.finditer(text):
            cells, offsets, pos = [], [], m.start()
            for cell in m.group(0).split("|"):
                offsets.append(pos + len(cell) - len(cell.lstrip()))
                cells.append(cell.strip())
                pos += len(cell) + 1
            year = self._heading_year(text, m.start())
            dated = [(i, find_dates(c, published, year)) for i, c in enumerate(cells)]
            when = next(((i, d[0][1]) for i, d in dated if d), None)
            if when is None:
                continue
            named = next(
                (i for i, c in enumerate(cells[: when[0]]) if re.search(r"[^\W\d_]{3}", c)), None
            )
            if named is None:
                continue
            row = " | ".join(cells)
            status = self._status(row)
            if status is None:
                continue
            name = cells[named]
            event = self._calendar_entry(name, offsets[named], when[1], status)
            if " / " in name:  # "Country / Venue": the venue, as written
                venue = name.rsplit(" / ", 1)[1].strip()
                at = offsets[named] + name.rfind(venue)
                event = replace(event, track=venue, track_text=venue, track_start=at)
            events.append(event)
        return events

    def _calendar_lines(
        self, doc: Doc, published: date | None, taken: list[EventFact]
    ) -> list[EventFact]:
        """A block of two or more short lines, each with a date and a venue, in any
        order and with any separator ("- 17.-19. April, Oschersleben", "Lauf 2:
        Lausitzring (8.-10. Mai)", "Sa., 17.04.: Oschersleben"): one event a line.
        A line naming a driver is a past round's result, no event."""
        text = text_of(doc)
        drivers = [s.start_char for s in resolved(doc, "DRIVER")]
        found: list[tuple[int, EventFact]] = []  # (line number, event)
        for number, line in enumerate(LINE.finditer(text)):
            entry = self._calendar_line(line.group(0), line.start(), text, published)
            if entry is None or any(line.start() <= e.start < line.end() for e in taken):
                continue
            if any(line.start() <= d < line.end() for d in drivers):
                continue
            found.append((number, entry))
        # a block: the next or previous non-empty line is an entry too
        numbers = {n for n, _ in found}
        return [e for n, e in found if n - 1 in numbers or n + 1 in numbers]

    def _calendar_line(
        self, line: str, start: int, text: str, published: date | None
    ) -> EventFact | None:
        """One line's event when the line is a calendar entry, not a sentence."""
        body = BULLET.sub("", line).rstrip()
        if not 6 <= len(body) <= CALENDAR_LINE_CHARS or SENTENCE_END.search(body):
            return None
        when = self.line_date.search(body)
        if when is None:
            return None
        rest = (body[: when.start()] + " " + body[when.end() :]).strip()
        rest = re.sub(r"\(\s*\)", " ", rest)
        rest = LEADING_PREPOSITION.sub("", LINE_EDGE.sub("", rest))
        if len(LOWER_WORD.findall(STATUS_NOTE.sub("", rest))) > 2:
            return None  # prose, not a calendar entry
        status = self._status(line)
        if status is None or not rest:
            return None
        offset = start + line.find(rest) if rest in line else start + (len(line) - len(body))
        dates = find_dates(when.group(0), published, self._heading_year(text, start))
        event = self._calendar_entry(rest, offset, dates[0][1] if dates else None, status)
        if event.track is None and PLACE.fullmatch(ROUND_LABEL.sub("", rest)):
            event = replace(event, track=ROUND_LABEL.sub("", rest))
        return event if event.track else None

    def _event_name(self, sent: Span, tracks: list[Span]) -> tuple[str, int, int] | None:
        doc = sent.doc
        named = resolved(doc, "EVENT", start=sent.start, end=sent.end)
        if named:
            return named[0].text, named[0].start_char, named[0].end_char
        track_alt = "|".join(re.escape(t.text) for t in tracks) or "(?!x)x"
        sent_text = text_of(doc)[sent.start_char : sent.end_char]
        for shape in self.name_shapes:
            test = self.name_shape_tests.get(shape)
            if test is not None and not test.search(sent_text):
                continue
            m = re.search(shape.replace("TRACK", f"(?:{track_alt})"), sent_text)
            if m:
                return m.group(0), sent.start_char + m.start(), sent.start_char + m.end()
        series = resolved(doc, "SERIES", start=sent.start, end=sent.end)
        if series:
            return series[0].text, series[0].start_char, series[0].end_char
        if tracks:
            return tracks[0].text, tracks[0].start_char, tracks[0].end_char
        return None

    @staticmethod
    def _is_series(doc: Doc, start: int) -> bool:
        return any(s.start_char == start for s in resolved(doc, "SERIES"))

    def _venue_slots(
        self, sent: Span, tracks: list[Span], published: date | None
    ) -> list[EventFact]:
        """ "Monza (13. - 15.11.)", "Norisring von 10. bis 12. Juli": venues each
        followed by their own date, before the next venue. A venue whose clause
        says it moved gives its old slot cancelled and the new date scheduled."""
        text = text_of(sent.doc)
        slots = []
        ahead = self._dates_right_before(sent, tracks, published)
        for k, t in enumerate(tracks):
            stop = tracks[k + 1].start_char if k + 1 < len(tracks) else sent.end_char
            gap = text[t.end_char : stop]
            claimed = ahead[k + 1][0] if k + 1 in ahead else None  # the next venue's date
            dates = [
                (p, d)
                for p, d in find_dates(gap, published)
                if p <= SLOT_REACH and t.end_char + p != claimed
            ]
            if not dates and k in ahead:  # "17.-19. April Oschersleben, 8. Mai Lausitzring"
                dates = [(0, ahead[k][1])]
            if not dates:
                continue
            clause = gap[: dates[0][0] + 40].lower()
            venue = self.event_tracks.get(t.kb_id_) if t.label_ == "EVENT" else self._venue(t)
            base = EventFact(t.text, t.start_char, t.end_char, track=venue, date=dates[0][1])
            if any(c in clause for c in self.cues.moved):
                slots.append(replace(base, date=None, status="cancelled"))
                slots.append(base)
            elif any(c in clause for c in self.cues.cancelled):
                slots.append(replace(base, status="cancelled"))
            else:
                slots.append(base)
        return slots

    def _dates_right_before(
        self, sent: Span, tracks: list[Span], published: date | None
    ) -> dict[int, tuple[int, str]]:
        """Venue index -> (offset, date) of a date written right before the venue
        ("17.-19. April Oschersleben", "am 8. Mai in der Lausitz"), unless the date
        stands in brackets after the venue before ("Spa (8. Mai), Monza")."""
        text = text_of(sent.doc)
        own: dict[int, tuple[int, str]] = {}
        if not tracks or not DAY_DOT.search(text, sent.start_char, sent.end_char):
            return own
        for m in self.line_date.finditer(text, sent.start_char, sent.end_char):
            k = next((i for i, t in enumerate(tracks) if t.start_char >= m.end()), None)
            if k is None or not TIGHT_BEFORE.fullmatch(text[m.end() : tracks[k].start_char]):
                continue
            if k > 0 and text[tracks[k - 1].end_char : m.start()].strip() == "(":
                continue
            dates = find_dates(m.group(0), published)
            if dates:
                own.setdefault(k, (m.start() + dates[0][0], dates[0][1]))
        return own

    def _prose(
        self, doc: Doc, published: date | None, calendar: list[EventFact]
    ) -> list[EventFact]:
        events = []
        sents = sentences(doc)
        all_tracks = resolved(doc, "TRACK")
        home_track = self._venue(all_tracks[0]) if all_tracks else None
        on_calendar = {e.start for e in calendar}
        text = text_of(doc)
        for i, sent in enumerate(sents):
            sent_text = text[sent.start_char : sent.end_char]  # Span.text re-joins tokens
            low = sent_text.lower()
            if any(sent.start_char <= s < sent.end_char for s in on_calendar):
                continue
            tracks = [t for t in all_tracks if sent.start <= t.start < sent.end]
            anchors = resolved(doc, "EVENT", start=sent.start, end=sent.end)
            anchors += [t for t in tracks if not any(a.start <= t.start < a.end for a in anchors)]
            slots = self._venue_slots(sent, sorted(anchors, key=lambda a: a.start), published)
            if len({e.start for e in slots}) >= 2:  # a calendar in prose: one per venue
                # unless drivers stand among the venues: a table of stage winners
                named = resolved(doc, "DRIVER", start=sent.start, end=sent.end)
                if not any(d.start_char > slots[0].start for d in named):
                    events.extend(slots)
                continue
            # "Statt in Zolder soll die Saison auf dem Norisring (10. Juli) beginnen":
            # the replaced venue's slot is off, the dated venues stand
            replaced = [
                t for t in tracks if self.replaced.search(text[sent.start_char : t.start_char])
            ]
            if replaced:
                events.extend(
                    EventFact(
                        t.text, t.start_char, t.end_char, track=self._venue(t), status="cancelled"
                    )
                    for t in replaced
                )
                events.extend(e for e in slots if e.start not in {t.start_char for t in replaced})
                continue
            moved = postponed = any(c in low for c in self.cues.moved)
            # "Eigentlich sollten am 7. November zwei Rennen stattfinden": a plan that
            # is off, though no cancellation word says so
            cancelled = any(c in low for c in self.cues.cancelled) or bool(
                self.unrealised.search(low)
            )
            ahead = (
                cancelled
                or self.future.search(low)
                or (anchors and self._dated_untold(sent_text, low, published))
            )
            if not moved and not ahead:
                continue
            if not cancelled and self.past_tense.search(low):
                continue
            found = self._event_name(sent, tracks)
            if found is None:
                if not moved:
                    status = "cancelled" if cancelled else "scheduled"
                    back = self._referred_back(sents, i, status, published)
                    if not back and not cancelled:
                        back = self._race_after_qualifying(sent, home_track, published)
                    events.extend(back)
                continue
            scope: list[Span] = [sent]
            nxt = sents[i + 1] if i + 1 < len(sents) else None
            if nxt is not None and text[nxt.start_char : nxt.end_char].lower().startswith(
                tuple(self.cues.crew_openers)
            ):
                scope.append(sents[i + 1])
            in_scope = resolved(doc, start=scope[0].start, end=scope[-1].end)
            name, start, end = found
            if cancelled and not tracks and nxt is not None and self._is_series(doc, start):
                # "Die Formel 1 streicht drei Rennen. Die Kurse in X und Y ...": the
                # venues of the next sentence are the races called off
                listed = self._venues_after(nxt)
                if listed:
                    events.extend(replace(e, status="cancelled") for e in listed)
                    continue
            if moved and self._is_series(doc, start):
                # a series moving a date of its own: which race moved is not said
                moved = False
                if not self.future.search(low):
                    continue
            # the event's own venue: a track inside its name ("24h-Rennen von Spa"),
            # else its gazetteer entry's track, else the first track after the name
            inside = [t for t in doc.spans.get(NESTED, []) if start <= t.start_char < end]
            after = [s for s in in_scope if s.label_ == "TRACK" and s.start_char >= start]
            track = self._venue(inside[0]) if inside else None
            named = [s for s in in_scope if s.label_ == "EVENT"]
            if track is None and named:
                track = self.event_tracks.get(named[0].kb_id_)
            if track is None:
                # a venue after the name in its clause, else the nearest one before it
                # ("Zolder erhält einen neuen Termin als drittes Rennen, ehe ... Assen")
                same_clause = [
                    t for t in after if not CLAUSE_BREAK.search(text[end : t.start_char])
                ]
                before = [t for t in tracks if t.end_char <= start]
                pool = (
                    same_clause
                    or before[-1:]
                    or after
                    or [s for s in in_scope if s.label_ == "TRACK"]
                )
                track = self._venue(pool[0]) if pool else None
            # a date belongs to this event unless another venue stands between them
            # (the event's own venue is none: "zum fünften Lauf an den Sachsenring (6. Juni)")
            others = [
                t.start_char
                for t in after
                if not start <= t.start_char < end and self._venue(t) != track
            ]
            dates = [
                (pos, d)
                for pos, d in find_dates(sent_text, published)
                if not any(end <= o < sent.start_char + pos for o in others)
                and not self._news_stamp(sent_text, pos)
                and not self.announced.match(sent_text, pos)
            ]
            if track is None and home_track is None and self._is_series(doc, start):
                continue  # a series alone, nowhere: news about the series, no event
            if track is None and not self.off_circuit.search(name):
                track = home_track  # a rally runs on roads, not at the report's circuit
            base = EventFact(
                name,
                start,
                end,
                track=track,
                drivers=[(s.start, s.end) for s in in_scope if s.label_ == "DRIVER"],
                team=next((s.text for s in in_scope if s.label_ == "TEAM"), None),
                car=next((s.text for s in in_scope if s.label_ == "CAR"), None),
                class_=next((s.kb_id_ or s.text for s in in_scope if s.label_ == "CLASS"), None),
            )
            if postponed and len(dates) >= 2:
                # "vom 6. Juni auf den 12. September verschoben"; two dates of a plain
                # cancellation are no old and new slot
                events.append(replace(base, date=dates[0][1], status="cancelled"))
                events.append(replace(base, date=dates[1][1]))
            elif moved:
                # "Einen neuen Termin hat das Rennen in X. Vom 16. bis 18. Oktober ...":
                # the old slot is off, the date of this or the next sentence is the new one
                new = [d for p, d in dates if not self._old_date(sent_text, p)]
                if not dates and nxt is not None:
                    new = self._new_date_after(nxt, tracks, published)
                events.append(replace(base, date=None, status="cancelled"))
                if new:
                    events.append(replace(base, date=new[0], status="scheduled"))
            else:
                status = "cancelled" if cancelled else "scheduled"
                further = self._further_names(sent, base, status, published)
                # a date after a further event's name is that event's, also when
                # that name stands before the first one found
                own = [
                    d
                    for p, d in dates
                    if not any(
                        base.start < f.start < sent.start_char + p
                        or f.start < sent.start_char + p < base.start
                        for f in further
                    )
                ]
                first = replace(base, date=own[0] if own else None, status=status)
                by_venue = start in {t.start_char for t in tracks}
                race, counted = self._races_left(sent_text) if by_venue else ("", 0)
                if counted:
                    # "in Most stehen noch zwei Rennen an": the weekend under way is no
                    # event, each race still to come at its venue is
                    events.extend(
                        replace(first, name=f"{first.name} {race} {k}")
                        for k in range(1, counted + 1)
                    )
                    continue
                events.append(first)
                events.extend(self._conjoined_venues(events[-1], tracks))
                events.extend(further)
        return events

    def _referred_back(
        self, sents: list[Span], i: int, status: str, published: date | None
    ) -> list[EventFact]:
        """ "Es wird am 5. August gefahren, anschließend am 8. August": a cue sentence
        that names no event but opens with a word pointing back dates the event or
        venue of one of the two sentences before, one event per date."""
        sent = sents[i]
        doc = sent.doc
        sent_text = text_of(doc)[sent.start_char : sent.end_char]
        if not self.back_reference.match(sent_text.lower()):
            return []
        dates = [
            d
            for p, d in find_dates(sent_text, published)
            if not self._news_stamp(sent_text, p) and not self.announced.match(sent_text, p)
        ]
        if not dates:
            return []
        text = text_of(doc)
        before = [s for s in sents[max(0, i - 4) : i] if text[s.start_char : s.end_char].strip()]
        for prev in reversed(before[-2:]):
            named = resolved(doc, "EVENT", start=prev.start, end=prev.end)
            venues = resolved(doc, "TRACK", start=prev.start, end=prev.end)
            if named:
                anchor, track = named[0], self.event_tracks.get(named[0].kb_id_)
            elif venues:
                anchor, track = venues[0], self._venue(venues[0])
            else:
                continue
            if track is None and venues:
                track = self._venue(venues[0])
            return [
                EventFact(
                    anchor.text,
                    anchor.start_char,
                    anchor.end_char,
                    track=track,
                    date=d,
                    status=status,
                )
                for d in dict.fromkeys(dates)
            ]
        return []

    def _races_left(self, sent_text: str) -> tuple[str, int]:
        """The race word and how many races "noch zwei Rennen" counts (0 for none, or
        for more than a weekend holds)."""
        m = self.races_left.search(sent_text.lower())
        if m is None:
            return "", 0
        word = m.group("count")
        count = int(word) if word.isdigit() else cardinal(word)
        race = sent_text[m.start("race") : m.end("race")]
        return race, count if count is not None and 2 <= count <= MAX_RACES_LEFT else 0

    def _race_after_qualifying(
        self, sent: Span, home_track: str | None, published: date | None
    ) -> list[EventFact]:
        """ "Das Qualifying ist vorbei ... Das Rennen beginnt am Sonntag": a future cue
        sentence whose subject is the weekend's race, after a qualifying session the
        text told, is that race still ahead (at the report's venue, if it names one)."""
        doc = sent.doc
        text = text_of(doc)
        sent_text = text[sent.start_char : sent.end_char]
        subject = self.weekend_race.match(sent_text.lower())
        if subject is None:
            return []
        sessions = resolved_rows(doc, "SESSION", end=sent.start)
        if not any(kb_id == "qualifying" for *_, kb_id in sessions):
            return []
        dates = [
            d for p, d in find_dates(sent_text, published) if not self._news_stamp(sent_text, p)
        ]
        start = sent.start_char + subject.start()
        end = sent.start_char + subject.end()
        name = text[start:end].split(" ", 1)[-1]  # the race without its article
        return [
            EventFact(
                name,
                end - len(name),
                end,
                track=home_track,
                date=dates[0] if dates else None,
            )
        ]

    def _venues_after(self, nxt: Span) -> list[EventFact]:
        """The venues of a sentence with no cue of its own, one event each."""
        low = text_of(nxt.doc)[nxt.start_char : nxt.end_char].lower()
        if self.future.search(low) or any(c in low for c in self.cues.cancelled):
            return []
        return [
            EventFact(t.text, t.start_char, t.end_char, track=self._venue(t))
            for t in resolved(nxt.doc, "TRACK", start=nxt.start, end=nxt.end)
        ]

    def _dated_untold(self, sent_text: str, low: str, published: date | None) -> bool:
        """A sentence with a date and no past-tense verb: with a venue it names an
        upcoming event even without a cue ("Die DTM fährt am 8. Mai am Lausitzring")."""
        if self.told.search(low) or not PROSE.search(sent_text):
            return False  # a past event, or a heading / fact line ("Strecke: X, 29. Mai")
        return any(not self._news_stamp(sent_text, p) for p, _ in find_dates(sent_text, published))

    def _further_names(
        self, sent: Span, first: EventFact, status: str, published: date | None
    ) -> list[EventFact]:
        """ "Nach der Rallye A wurde auch die Rallye B abgesagt": every further
        event named in a cue sentence is one more event of the same status, at
        its own venue (a track inside its name or its gazetteer entry's track),
        dated only by a date right after it."""
        doc = sent.doc
        text = text_of(doc)
        sent_text = text[sent.start_char : sent.end_char]
        names = [
            (s.start_char, s.end_char, self.event_tracks.get(s.kb_id_))
            for s in resolved(doc, "EVENT", start=sent.start, end=sent.end)
        ]
        for shape in self.name_shapes:
            if "TRACK" in shape:
                continue
            for m in re.finditer(shape, sent_text):
                if self.own_name.search(m.group(0)):
                    names.append((sent.start_char + m.start(), sent.start_char + m.end(), None))
        names.sort(key=lambda n: (n[0], n[1]))
        kept: list[tuple[int, int, str | None]] = []
        for start, end, venue in names:
            if start < first.end and end > first.start:
                continue  # the sentence's first event itself
            if kept and start < kept[-1][1]:
                continue  # inside a longer name already kept
            kept.append((start, end, venue))
        nested = doc.spans.get(NESTED, [])
        more = []
        for k, (start, end, venue) in enumerate(kept):
            inside = [t for t in nested if start <= t.start_char < end]
            if inside:
                venue = self._venue(inside[0])
            stop = kept[k + 1][0] if k + 1 < len(kept) else sent.end_char
            if end <= first.start < stop:  # the first event's name ends this one's reach
                stop = first.start
            after = [d for p, d in find_dates(text[end:stop], published) if p <= SLOT_REACH]
            more.append(
                EventFact(
                    text[start:end],
                    start,
                    end,
                    track=venue or first.track,
                    date=after[0] if after else None,
                    status=status,
                )
            )
        return more

    @staticmethod
    def _news_stamp(sent_text: str, pos: int) -> bool:
        """ "12. Juni: Die Serie streicht ...": a ticker entry's own date, no event's."""
        return (pos == 0 or sent_text[pos - 1] == "\n") and bool(NEWS_STAMP.match(sent_text, pos))

    def _old_date(self, sent_text: str, pos: int) -> bool:
        """A date the sentence calls the old one ("ursprünglich am 6. Juni")."""
        before = sent_text[max(0, pos - 30) : pos].lower()
        return any(w in before for w in self.cues.old_date)

    def _new_date_after(self, nxt: Span, tracks: list[Span], published: date | None) -> list[str]:
        """Dates of the sentence after a moved venue, unless it names another venue."""
        kbs = {t.kb_id_ for t in tracks}
        if any(
            t.kb_id_ not in kbs for t in resolved(nxt.doc, "TRACK", start=nxt.start, end=nxt.end)
        ):
            return []
        text = text_of(nxt.doc)[nxt.start_char : nxt.end_char]
        return [d for _, d in find_dates(text, published)]

    def _conjoined_venues(self, event: EventFact, tracks: list[Span]) -> list[EventFact]:
        """ "Läufe am Sachsenring und in Oschersleben": an event named by its
        venue stands for each venue joined to it, one event each."""
        if event.date is not None or not tracks:
            return []
        text = text_of(tracks[0].doc)
        # the venue is the name, or ends it ("MotoGP-Rennen in Silverstone und Motegi")
        first = next(
            (t for t in tracks if event.start == t.start_char or t.end_char == event.end), None
        )
        if first is None:
            return []
        more, last_end = [], first.end_char
        for t in tracks:
            if t.start_char < last_end:
                continue
            if not CONJOINED.fullmatch(text[last_end : t.start_char]):
                break
            more.append(
                replace(
                    event, name=t.text, start=t.start_char, end=t.end_char, track=self._venue(t)
                )
            )
            last_end = t.end_char
        return more

    def _races_ahead(self, doc: Doc, published: date | None) -> list[EventFact]:
        """The race a qualifying report names as still to come ("Pole-Position für
        das Sonntagsrennen", "Qualifying zum Großen Preis von Brasilien")."""
        events = []
        text = text_of(doc)
        all_tracks = resolved(doc, "TRACK")
        home_track = self._venue(all_tracks[0]) if all_tracks else None
        named = {s.start_char: s for s in resolved(doc, "EVENT")}
        nested = doc.spans.get(NESTED, [])
        for _, _, sent_start, sent_end in sentence_bounds(doc):
            sent_text = text[sent_start:sent_end]
            for cue in self.race_ahead:
                for m in cue.finditer(sent_text):
                    pos = sent_start + m.end()
                    if ordinal := ORDINAL.match(text, pos):  # "zu den 88. 24 Stunden ..."
                        pos = ordinal.end() if ordinal.end() in named else pos
                    event = next((named[p] for p in range(pos, pos + 4) if p in named), None)
                    track = None
                    if event is not None:
                        start, end = event.start_char, event.end_char
                        track = self.event_tracks.get(event.kb_id_)
                    else:
                        shape = next(
                            (n for r in self.race_ahead_names if (n := r.match(text, pos))), None
                        )
                        if shape is None:
                            continue
                        start, end = shape.span()
                    inside = [t for t in nested if start <= t.start_char < end]
                    if inside:
                        track = self._venue(inside[0])
                    later = [
                        d
                        for p, d in find_dates(sent_text, published)
                        if 0 <= sent_start + p - end <= 40
                    ]
                    events.append(
                        EventFact(
                            text[start:end],
                            start,
                            end,
                            track=track or home_track,
                            date=later[0] if later else None,
                        )
                    )
        return events

    def __call__(self, doc: Doc) -> Doc:
        iso = doc.user_data.get(PUBLISHED)
        published = date.fromisoformat(iso) if isinstance(iso, str) else iso
        calendar = self._calendar_block(doc) + self._calendar_list(doc, published)
        calendar += self._calendar_table(doc, published)
        calendar += self._calendar_lines(doc, published, calendar)
        found = calendar + self._prose(doc, published, calendar)
        found += self._races_ahead(doc, published)
        seen: set[tuple[str, str | None, str]] = set()
        unique = []
        for e in found:
            key = (_name_key(e.name), e.date, e.status)
            if key not in seen:
                seen.add(key)
                unique.append(e)
        # an undated event repeats a dated one of the same name and status
        dated = {(_name_key(e.name), e.status) for e in unique if e.date}
        unique = [e for e in unique if e.date or (_name_key(e.name), e.status) not in dated]
        # an event named only by its venue ("Zolder", or "Hockenheim" for the
        # Hockenheimring) repeats one with a name, the same venue, date and status
        # ("Zolder" cancelled beside "drittes Rennen" in Zolder)
        venues = {(s.start_char, s.end_char) for s in resolved(doc, "TRACK")}

        def by_venue(e: EventFact) -> bool:
            return e.name == e.track or (e.start, e.end) in venues

        named = {(e.track, e.date, e.status) for e in unique if not by_venue(e)}
        unique = [e for e in unique if not (by_venue(e) and (e.track, e.date, e.status) in named)]
        # a calendar dates its venues' events: a sentence's event at such a venue
        # ("Zum Saisonende gastiert die Serie am 6. Dezember in Abu Dhabi") is one of them
        listed = {(e.track, e.status) for e in calendar if e.track and e.date}
        calendar_ids = {id(e) for e in calendar}
        unique = [e for e in unique if id(e) in calendar_ids or (e.track, e.status) not in listed]
        # a race the report tells as won ("gewinnt das Sprint-Rennen") is run, not ahead
        if any(e.status == "scheduled" for e in unique):
            text = text_of(doc)
            won_at = [m.end() for m in self.won.finditer(text)]
            unique = [
                e for e in unique if e.status != "scheduled" or not _named_at(text, e.name, won_at)
            ]
        doc._.gtx_events = unique
        return doc


def _named_at(text: str, name: str, offsets: list[int]) -> bool:
    """``name`` (any case, as a whole word) starts at one of ``offsets``."""
    return any(
        text[at : at + len(name)].lower() == name.lower()
        and WORD_BOUNDARY.match(text, at + len(name))
        for at in offsets
    )


def _name_key(name: str) -> str:
    """An event name as compared for repeats: "ADMV-Rallye X" is "ADMV Rallye X", and
    "der Deutschen Meisterschaft" is "die Deutsche Meisterschaft" (case endings dropped)."""
    return " ".join(
        CASE_ENDING.sub("", w) if len(w) >= 5 else w for w in NAME_GAPS.split(name.lower()) if w
    )


@Language.factory(
    "gtx_events",
    assigns=[contract.extension("gtx_events")],
    requires=[contract.SPANS, contract.SENTS],
)
def make_events(nlp: Language, name: str) -> EventFinder:
    return EventFinder(name)
