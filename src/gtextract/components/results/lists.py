"""Numbered result lists: "1. Anna Muster/Ben Beispiel - Team - Car" lines below
a heading, or runs of numbered items in one line ("Startaufstellung: 1. A, 2. B,
3. C"; "1. A - Team; 2. B - Team"). A line may also open with "1)", "P1",
"Platz 1:", "1. Platz:" or "Erster:" (in runs), put a start number or a flag's
country before the name, or its team before the crew in brackets; a retired
line gives no position. Flattened tables (one cell a line), tables with
position columns and class winners' lines ("SP9: A/B") are read too. Lists of
non-final orders ("Top 10 nach 15 Minuten") and standings ("211 Punkte") are
skipped. The heading names the session ("Startaufstellung", "Ergebnis
Qualifying"), also above a column header line; without one a list is the
race's. A driver the text's one list of a session places keeps only that
place (``not_contradicted``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from gtextract.components.alternation import from_word_start
from gtextract.components.contract import ResultFact
from gtextract.components.results.sessions import SessionReader
from gtextract.components.spans import resolved, text_of
from gtextract.cues import PositionCues
from gtextract.names import normalize
from gtextract.numbers import ordinal

# "1. Anna Muster", or a flattened table's "1.Anna Muster" (no gap between the cells)
LIST_LINE = re.compile(r"^[ \t]*(\d{1,2})\.(?:[ \t]+(?=\S)|(?=[A-ZÄÖÜ][a-zäöüß]))", re.MULTILINE)
# other ways to start a list line with its position: "1)", "P1", "Platz 1:",
# "1. Platz:", "Erster:"; they count only in a run (n, n+1, ...) of such lines
LABELLED_LINE = re.compile(
    r"[ \t]*(?:"
    r"(?:P|Pos\.?|Platz|Rang)[ \t]*(?P<pre>\d{1,2})(?!\d)[ \t]*[:.)]?"
    r"|(?P<paren>\d{1,2})\)"
    r"|(?P<post>\d{1,2})\.[ \t]*(?:Platz|Rang)[ \t]*:?"
    r"|(?P<word>[A-ZÄÖÜ][a-zäöü]+(?:er|e))[ \t]*:"
    r")[ \t]*(?=\S)"
)
# what may stand between the position and the name: "Platz:" ("1. Platz: A"),
# a start number ("#12", "(12)", "Nr. 12") or the flag's country ("Brasilien
# Rubens Barrichello")
LEAD_CELL = re.compile(
    r"[ \t|]*(?:#[ \t]?\d{1,3}|\(\d{1,3}\)|Nr\.[ \t]?\d{1,3}|\d{1,3}|Platz|Rang)[ \t|,:-]*"
)
COUNTRY_WORDS = re.compile(r"[^\W\d_]+")
# what may follow the names in a table's driver cell: a country code "(D)"
CELL_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,12}\))?[ \t]*")
# between a class and its winners on a line: "SP9: A/B", "SP9 - A/B"
CLASS_SEPARATOR = re.compile(r"[ \t]*[:\-–][ \t]*")
# the names of one crew on a list line: "A/B", "A & B", "A und B", "A, B"
CREW_JOINERS = frozenset({"/", "&", "und", ","})
# an item inside a line: after a separator ("; 2. B", ", 3. C", ": 1. A")
INLINE_ITEM = re.compile(r"(?:(?<=[;,:])|(?<=[;,:][ \t]))[ \t]*(\d{1,2})\.[ \t]+(?=\S)")
# a list line without the dot ("4 Lucas Muster +8.974"): counts only in a run of
# BARE_MIN_ROWS lines numbered n, n+1, ... one below the other
BARE_LINE = re.compile(r"[ \t]*\|?[ \t]*(\d{1,2})(?:[ \t]+|[ \t]*\|[ \t]*)(?=[A-ZÄÖÜ])")
BARE_MIN_ROWS = 3
# a flattened table: the position alone on its line ("1", "• 2", "3."), the row's
# cells on the lines below it, one value a line
TABLE_NUMBER = re.compile(r"^[ \t]*(?:[•*·-][ \t]*)?(\d{1,2})\.?[ \t]*$", re.MULTILINE)
BULLET = re.compile(r"[ \t]*[•*·][ \t]*\S")
TABLE_MIN_ROWS = 3
# short lines above a list's heading that may name its session ("Qualifying" /
# "Pos. Fahrer Team Zeit" / "1. ...")
HEADING_LINES_UP = 2
TABLE_MAX_CELLS = 12
# "21. August 2027: Rallye ...": a calendar line, the day and month, then the year
DATE_ITEM = re.compile(r"[^\W\d]+\.?[ \t]+(?:19|20)\d\d(?!\d)")
# a table header's words, and a row's position cells: "P3", or a retirement
HEADER_WORD = re.compile(r"[^\W\d_]+")
POSITION_CELL = re.compile(r"(?<!\S)(?:P(\d{1,2})|DNF|DNS|DSQ)(?!\S)")
POINTS = re.compile(r"\b\d+\s+(?:Punkte|Pkt\.?|Zähler)\b")


@dataclass
class Item:
    """One numbered item: its number, where the number and the item's text lie."""

    number: int
    start: int  # the number
    end: int  # after "N. "
    stop: int  # the end of the item's text
    heading: tuple[int, int]  # the heading's character range
    bare: bool = False  # an undotted number ("4 Lucas Muster")


def list_heading(text: str, pos: int) -> str:
    """The line above a numbered list ("Top 10 nach 15 Minuten", "Ergebnis Rennen 1")."""
    start, end = heading_range(text, pos)
    return text[start:end].strip().lower()


def heading_range(text: str, pos: int) -> tuple[int, int]:
    """Character range of the nearest non-list line above ``pos``."""
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not LIST_LINE.match(line):
            return start, end
        end = start - 1
    return 0, 0


class ListReader:
    """Reads the results of numbered list lines and of runs of numbered items."""

    def __init__(
        self,
        cues: PositionCues,
        countries: frozenset[str] = frozenset(),
        class_label: Callable[[Span], str] = lambda span: span.text,
    ) -> None:
        self.countries = countries
        self.class_label = class_label
        self.class_winners = from_word_start(cues.class_winner_headings)
        self.win_words = frozenset(cues.win_words)
        self.grid_nouns = frozenset(cues.grid_nouns)
        self.not_final = [re.compile(p) for p in cues.list_heading_not_final]
        self.sessions = SessionReader(cues)
        self.heading_chars = int(cues.list_heading_max_chars)
        self.columns = dict(cues.table_columns)
        self.retired = from_word_start(cues.table_retired, after=r"(?!\w)")

    def items(self, text: str) -> list[Item]:
        """Numbered items: list lines, and runs (1., 2., ...) inside a line."""
        found: list[Item] = []
        labelled_items: list[Item] = []
        line_start = 0
        for line in text.split("\n"):
            at_start = LIST_LINE.match(line)
            run = _consecutive(([at_start] if at_start else []) + list(INLINE_ITEM.finditer(line)))
            if run:
                first = run[0].start(1)
                lead = line[:first].strip(" \t:;,")
                heading = (
                    (line_start, line_start + first) if lead else heading_range(text, line_start)
                )
                for k, m in enumerate(run):
                    stop = run[k + 1].start(1) if k + 1 < len(run) else len(line)
                    found.append(_item(m, line_start, stop, heading))
            elif at_start:
                found.append(
                    _item(at_start, line_start, len(line), heading_range(text, line_start))
                )
            elif labelled := _labelled(line, self.win_words):
                number, at, end = labelled
                heading = heading_range(text, line_start)
                labelled_items.append(
                    Item(number, line_start + at, line_start + end, line_start + len(line), heading)
                )
            line_start += len(line) + 1
        return found + _in_runs(labelled_items, found) + _bare_items(text)

    def results(self, doc: Doc) -> list[ResultFact]:
        """The results of the numbered items below (or after) a result heading."""
        facts: list[tuple[Item, ResultFact]] = []
        text = text_of(doc)
        items = self.items(text)
        if not items:
            return []  # most texts: no Span per driver to build
        drivers = resolved(doc, "DRIVER")
        kinds: dict[tuple[int, int], str] = {}
        # "1. A - 126 Punkte / 2. B - 117": one line with points makes the
        # whole list below its heading standings, not a result
        standings = {i.heading for i in items if POINTS.search(text[i.end : i.stop])}
        for item in items:
            if item.heading in standings or not self._final(doc, item.heading):
                continue
            if DATE_ITEM.match(text, item.end):
                continue
            if self.retired.search(text[item.end : item.stop].lower()):
                continue  # "4. A (Team) DNF": a retired car has no position
            on_line = [d for d in drivers if item.end <= d.start_char < item.stop]
            first = on_line[0] if on_line else None
            gap = text[item.end : first.start_char] if first is not None else ""
            # an undotted number before a country is an entry table's ("14 Deutschland A")
            if first is None:
                continue
            if len(gap) <= 2 or (not item.bare and self._lead(gap)):
                crew = _joined(text, on_line)  # "1. Anna Muster/Ben Beispiel - Team"
            elif item.bare or not (crew := _bracket_crew(text, on_line)):
                continue
            if item.heading not in kinds:
                kinds[item.heading] = self._kind(doc, item.heading)
            fact = ResultFact(
                kind=kinds[item.heading],
                position=item.number,
                class_=None,
                drivers=[(d.start, d.end) for d in crew],
                cue=(item.start, item.start + len(str(item.number)) + 1),
            )
            facts.append((item, fact))
        # undotted numbers are a result list only when rows of it start with a
        # driver ("14 Deutschland Klaus Muster ..." is an entry table's number)
        bare_rows = Counter(item.heading for item, _ in facts if item.bare)
        return [
            fact
            for item, fact in facts
            if not item.bare or bare_rows[item.heading] >= BARE_MIN_ROWS
        ]

    def _lead(self, gap: str) -> bool:
        """True when only "Platz", a start number or a country stands before the name."""
        if LEAD_CELL.fullmatch(gap):
            return True
        words = COUNTRY_WORDS.findall(gap)
        rest = COUNTRY_WORDS.sub("", gap)
        return bool(words) and all(w in self.countries for w in words) and not rest.strip(" \t\xa0")

    def table_results(self, doc: Doc) -> list[ResultFact]:
        """Rows of a flattened table: a line holding only the position (numbered
        n, n+1, ... in at least three rows), then the row's cells, one a line;
        the first cell that is a driver's name on its own takes the position."""
        text = text_of(doc)
        cells = _driver_cells(text, resolved(doc, "DRIVER"))
        facts: list[ResultFact] = []
        for run in _table_runs(text):
            above = _line_above(text, run[0].start())
            if not self._final(doc, above):
                continue
            kind = self._kind(doc, above)
            starts = [_row_start(text, m) for m in run]
            for k, m in enumerate(run):
                stop = starts[k + 1] if k + 1 < len(run) else _after_lines(text, m.end())
                row = text[starts[k] : m.start()] + text[m.end() : stop]
                if self.retired.search(row.lower()):
                    continue  # "DNF", "Ausfall": no position
                crew = next((c for c in cells if m.end() <= c[0].start_char < stop), None)
                if crew is None:
                    continue
                facts.append(
                    ResultFact(
                        kind=kind,
                        position=int(m.group(1)),
                        class_=None,
                        drivers=[(d.start, d.end) for d in crew],
                        cue=(m.start(1), m.end(1)),
                    )
                )
        return facts

    def column_results(self, doc: Doc) -> list[ResultFact]:
        """Rows below a header naming position columns ("Fahrer Chassis Grid
        Ergebnis"): a row starting with a driver whose position cells ("P1",
        "P11", "DNF") match the columns one to one gives each column's place."""
        text = text_of(doc)
        starts = {d.start_char: d for d in resolved(doc, "DRIVER")}
        facts: list[ResultFact] = []
        columns: list[str] = []
        line_start = 0
        for line in text.split("\n"):
            stripped = len(line) - len(line.lstrip())
            driver = starts.get(line_start + stripped)
            if driver is None:
                # a header is a short line; a sentence naming a session is none
                if len(line.strip()) > self.heading_chars:
                    columns = []
                    line_start += len(line) + 1
                    continue
                columns = [
                    self.columns[w] for w in HEADER_WORD.findall(line.lower()) if w in self.columns
                ]
            elif columns:
                row_from = driver.end_char - line_start
                cells = list(POSITION_CELL.finditer(line, row_from))
                if len(cells) == len(columns):
                    for kind, cell in zip(columns, cells, strict=True):
                        if cell.group(1) is None:
                            continue  # "DNF": no position
                        facts.append(
                            ResultFact(
                                kind=kind,
                                position=int(cell.group(1)),
                                class_=None,
                                drivers=[(driver.start, driver.end)],
                                cue=(line_start + cell.start(), line_start + cell.end()),
                            )
                        )
            line_start += len(line) + 1
        return facts

    def class_winner_results(self, doc: Doc) -> list[ResultFact]:
        """Lines below a class winners' heading ("Die Klassensieger:") that name a
        class and its crew ("SP9: A/B (Porsche)"): each crew won its class."""
        text = text_of(doc)
        classes = {c.start_char: c for c in resolved(doc, "CLASS")}
        cells = {crew[0].start_char: crew for crew in _driver_crews(text, resolved(doc, "DRIVER"))}
        facts: list[ResultFact] = []
        below = False  # below a class winners' heading, in its lines
        line_start = 0
        for line in text.split("\n"):
            lead = line_start + len(line) - len(line.lstrip())
            cls = classes.get(lead)
            gap = CLASS_SEPARATOR.match(text, cls.end_char) if cls is not None else None
            crew = cells.get(gap.end()) if gap is not None else None
            if below and cls is not None and crew is not None:
                facts.append(
                    ResultFact(
                        kind="race",
                        position=1,
                        class_=self.class_label(cls),
                        drivers=[(d.start, d.end) for d in crew],
                        cue=(cls.start_char, cls.end_char),
                    )
                )
            elif line.strip():
                low = line.strip().lower()
                below = len(low) <= self.heading_chars and bool(self.class_winners.search(low))
            line_start += len(line) + 1
        return facts

    def _final(self, doc: Doc, heading: tuple[int, int]) -> bool:
        """False below a heading of a non-final order ("Top 10 nach 15 Minuten")
        or of a practice session only ("Testfahrten in Barcelona:")."""
        text = text_of(doc)[heading[0] : heading[1]]
        if any(p.search(text.lower()) for p in self.not_final):
            return False
        span = doc.char_span(heading[0], heading[1], alignment_mode="expand")
        return span is None or not self.sessions.only_practice(span)

    def _kind(self, doc: Doc, heading: tuple[int, int]) -> str:
        """The session a list's heading names ("Startaufstellung"), else the race.
        A column header ("Pos. Fahrer Team Zeit") may stand between the list and
        the heading that names it: the short lines just above are read too."""
        text = text_of(doc)
        for line in _heading_lines(text, heading, self.heading_chars):
            kind = self._named_kind(doc, line)
            if kind is not None:
                return kind
        # no fallback to the text's session: a list below prose without a
        # heading is the race's more often than not
        return "race"

    def _named_kind(self, doc: Doc, heading: tuple[int, int]) -> str | None:
        span = doc.char_span(heading[0], heading[1], alignment_mode="expand")
        # a heading is a short line; a paragraph above a list speaks of much else
        if span is None or not 0 < len(span.text.strip()) <= self.heading_chars:
            return None
        kind = self.sessions.of_span(span)
        if kind is not None:
            return kind
        low = span.text.lower()
        if self.sessions.qualifying_words.search(low) or any(
            w in self.grid_nouns for w in HEADER_WORD.findall(low)
        ):
            return "qualifying"
        return None


def not_contradicted(
    doc: Doc, facts: list[ResultFact], listed: list[ResultFact]
) -> list[ResultFact]:
    """The facts without the drivers the text's one result list of their session
    places elsewhere: the list is the classification, running text also speaks
    of the standings, the start or the race's course. Two lists of a session
    (a position twice: two races, two stages) settle nothing."""
    placed: dict[tuple[str, str | None], list[tuple[frozenset[str], int]]] = {}
    for f in listed:
        for a, b in f.drivers:
            placed.setdefault((f.kind, f.class_), []).append(
                (_name_words(doc[a:b].text), f.position)
            )
    one_list = {key: rows for key, rows in placed.items() if _positions_once(listed, key)}
    kept = []
    for f in facts:
        on_list = one_list.get((f.kind, f.class_), [])
        drivers = [
            (a, b)
            for a, b in f.drivers
            if not any(
                pos != f.position and _same_driver(words, _name_words(doc[a:b].text))
                for words, pos in on_list
            )
        ]
        if drivers:
            f.drivers = drivers
            kept.append(f)
    return kept


def _positions_once(listed: list[ResultFact], key: tuple[str, str | None]) -> bool:
    positions = [f.position for f in listed if (f.kind, f.class_) == key]
    return len(positions) == len(set(positions))


def _name_words(name: str) -> frozenset[str]:
    return frozenset(normalize(name).split())


def _same_driver(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "Rosberg" and "Nico Rosberg": the shorter name's words all in the longer's."""
    return bool(a) and bool(b) and (a <= b or b <= a)


def _item(
    m: re.Match[str], line_start: int, stop: int, heading: tuple[int, int], bare: bool = False
) -> Item:
    return Item(
        int(m.group(1)),
        line_start + m.start(1),
        line_start + m.end(),
        line_start + stop,
        heading,
        bare,
    )


def _labelled(line: str, win_words: frozenset[str]) -> tuple[int, int, int] | None:
    """The position of a line opened by "1)", "P1", "Platz 1:", "1. Platz:" or
    "Erster:": (number, where the marker starts, where the item's text starts)."""
    m = LABELLED_LINE.match(line)
    if m is None:
        return None
    word = m.group("word")
    if word is not None:
        number = 1 if word.lower() in win_words else ordinal(word)  # "Sieger:"
        if number is None:
            return None
        return number, m.start("word"), m.end()
    key = next(k for k in ("pre", "paren", "post") if m.group(k) is not None)
    return int(m.group(key)), m.start(), m.end()


def _in_runs(labelled: list[Item], numbered: list[Item]) -> list[Item]:
    """The labelled items next to an item numbered one below or above them
    ("Sieger: A" / "2. B" counts as a run too)."""
    ordered = sorted(labelled + numbered, key=lambda i: i.start)
    kept = []
    for k, item in enumerate(ordered):
        if item not in labelled:
            continue
        before = ordered[k - 1] if k > 0 else None
        after = ordered[k + 1] if k + 1 < len(ordered) else None
        if (before is not None and before.number == item.number - 1) or (
            after is not None and after.number == item.number + 1
        ):
            kept.append(item)
    return kept


def _bare_items(text: str) -> list[Item]:
    """Items of runs of undotted list lines ("1 A 16 laps", "2 B +2.502", ...)."""
    found: list[Item] = []
    run: list[tuple[re.Match[str], int, int]] = []  # the match, line start, line length

    def close() -> None:
        if len(run) >= BARE_MIN_ROWS:
            heading = heading_range(text, run[0][1])
            found.extend(_item(m, start, length, heading, bare=True) for m, start, length in run)

    line_start = 0
    for line in text.split("\n"):
        m = BARE_LINE.match(line)
        if m and run and int(m.group(1)) == int(run[-1][0].group(1)) + 1:
            run.append((m, line_start, len(line)))
        else:
            close()
            run = [(m, line_start, len(line))] if m else []
        line_start += len(line) + 1
    close()
    return found


def _table_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of number lines n, n+1, ... at most TABLE_MAX_CELLS lines apart. A
    row may hold other lone numbers (the car's start number, its laps): the
    longest chains win, each number line in one run at most."""
    lines = list(TABLE_NUMBER.finditer(text))
    rows = [text.count("\n", 0, m.start()) for m in lines]
    values = [int(m.group(1)) for m in lines]
    # longest chain from each number line on, and the next line of that chain
    length = [1] * len(lines)
    following: list[int | None] = [None] * len(lines)
    for i in range(len(lines) - 1, -1, -1):
        for j in range(i + 1, len(lines)):
            if rows[j] - rows[i] > TABLE_MAX_CELLS:
                break
            if values[j] == values[i] + 1 and length[j] + 1 > length[i]:
                length[i], following[i] = length[j] + 1, j
    used: set[int] = set()
    runs: list[list[re.Match[str]]] = []
    for i in sorted(range(len(lines)), key=lambda k: (-length[k], k)):
        if length[i] < TABLE_MIN_ROWS or i in used:
            continue
        chain: list[int] = []
        k: int | None = i
        while k is not None and k not in used:
            chain.append(k)
            k = following[k]
        if len(chain) >= TABLE_MIN_ROWS:
            used.update(chain)
            runs.append([lines[k] for k in chain])
    return sorted(runs, key=lambda run: run[0].start())


def _row_start(text: str, number: re.Match[str]) -> int:
    """Where a table row begins: at its number line, or at the bulleted line
    just above a bare number ("• +1.234s" / "2" / name ...: the row's first
    cell stands before its position)."""
    if BULLET.match(number.group(0)):
        return number.start()
    above = _line_above(text, number.start())
    if above != (0, 0) and BULLET.match(text[above[0] : above[1]]):
        return above[0]
    return number.start()


def _driver_cells(text: str, drivers: list[Span]) -> list[list[Span]]:
    """The lines that are a table's driver cell: a name alone, a crew ("A / B")
    or a name with its country code ("A (D)"), in text order."""
    cells = []
    for crew in _driver_crews(text, drivers):
        line_start = text.rfind("\n", 0, crew[0].start_char) + 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        if not text[line_start : crew[0].start_char].strip() and CELL_TAIL.fullmatch(
            text, crew[-1].end_char, line_end
        ):
            cells.append(crew)
    return cells


def _joined(text: str, on_line: list[Span]) -> list[Span]:
    """The first driver and those joined to it ("A/B", "A und B")."""
    crew = [on_line[0]]
    for d in on_line[1:]:
        if text[crew[-1].end_char : d.start_char].strip() not in CREW_JOINERS:
            break
        crew.append(d)
    return crew


def _bracket_crew(text: str, on_line: list[Span]) -> list[Span]:
    """ "1. Phoenix Racing (Anna Muster/Ben Beispiel) Audi": the crew that fills
    the item's bracket on its own, else none."""
    crew = _joined(text, on_line)
    opened = text.rfind("(", 0, crew[0].start_char)
    closed = text.find(")", crew[-1].end_char)
    if opened == -1 or closed == -1 or "\n" in text[opened:closed]:
        return []
    inside = text[opened + 1 : crew[0].start_char] + text[crew[-1].end_char : closed]
    return crew if not inside.strip() else []


def _driver_crews(text: str, drivers: list[Span]) -> list[list[Span]]:
    """Each line's first crew: its first driver and those joined to it ("A/B")."""
    by_line: dict[int, list[Span]] = {}
    for d in drivers:
        by_line.setdefault(text.rfind("\n", 0, d.start_char) + 1, []).append(d)
    crews = []
    for _, on_line in sorted(by_line.items()):
        crews.append(_joined(text, on_line))
    return crews


def _whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _heading_lines(text: str, heading: tuple[int, int], max_chars: int) -> list[tuple[int, int]]:
    """The heading and up to HEADING_LINES_UP short lines above it, blank lines
    skipped, up to a prose line or a list line."""
    lines = [heading]
    if len(text[heading[0] : heading[1]].strip()) > max_chars:
        return lines  # prose above the list: what stands above it is not its heading
    end = heading[0] - 1  # the line break before the heading
    while len(lines) <= HEADING_LINES_UP and end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            if len(line.strip()) > max_chars or LIST_LINE.match(line):
                break
            lines.append((start, end))
        end = start - 1
    return lines


def _line_above(text: str, pos: int) -> tuple[int, int]:
    end = text.rfind("\n", 0, pos)
    if end <= 0:
        return 0, 0
    return text.rfind("\n", 0, end) + 1, end


def _after_lines(text: str, pos: int) -> int:
    """The end of the TABLE_MAX_CELLS lines after ``pos`` (the last row's cells)."""
    end = pos
    for _ in range(TABLE_MAX_CELLS):
        nxt = text.find("\n", end + 1)
        if nxt == -1:
            return len(text)
        end = nxt
    return end


def _consecutive(matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """The longest run of items numbered n, n+1, n+2 ... (at least two)."""
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in matches:
        if run and int(m.group(1)) == int(run[-1].group(1)) + 1:
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []
