"""``gtx_measures``: time differences and durations, told apart.

A *gap* is a final margin between competitors ("mit 0,3 Sekunden Vorsprung",
"(+0,204)", "eine Runde Vorsprung"); lap times, race times and penalties are
*times*; mid-race or historic margins are neither and are dropped. The
context words that decide this live in ``data/measure_cues.json``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.components import contract
from gtextract.components.base import DataComponent
from gtextract.components.contract import Measure
from gtextract.components.spans import MEASURES, sentence_at_char, text_of
from gtextract.cues import MeasureCues
from gtextract.gazetteers import DataSource
from gtextract.numbers import cardinal, decimal

MEASURE_CUES_FILE = "measure_cues.json"

NUMBER_WORD = (
    r"(?:eine[rnm]?|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
    r"fünfzehn|zwanzig|dreißig|vierzig|fünfzig)"
)
# "eine halbe Sekunde", "einer halben Sekunde": half a unit
HALF_WORD = r"halbe[nrm]?"
DURATION = re.compile(
    r"(?P<sign>\+\s?)?"
    r"(?:(?P<approx>knapp|rund|etwa|ca\.|über|fast|gut|mehr als|weniger als)\s+)?"
    r"(?:(?P<min>\d{1,2}):(?P<sec>\d{2}(?:[,.]\d{1,3})?)|(?P<num>\d{1,4}(?:[,.]\d{1,3})?)"
    rf"|(?P<word>{NUMBER_WORD})|(?:(?:eine[rnm]?|ein)\s+)?(?P<half>{HALF_WORD}))"
    r"(?:\s*|-)(?P<unit>Sekunden|Sekunde|Sek\.|sek\.|Sek\b|s\b|Minuten|Min\.|min\b|"
    r"Tausendsteln?(?:sekunden)?|Hundertsteln?(?:sekunden)?|Zehnteln?(?:sekunden)?|"
    r"Stunden|Runden|Runde)",
    re.IGNORECASE,
)
# Where a DURATION unit can begin. DURATION itself is tried at every character
# of a text (its optional sign and "knapp"/"rund" come first, case-insensitive):
# about 5 µs a character, most of gtx_measures. Units are rare, and a class of
# first letters outside any flag lets the regex engine skip to them in C; the
# few windows before a unit are then tried with DURATION.match.
_UNIT_START = re.compile(
    r"[SsMmTtHhZzRr](?i:(?<=s)(?=ekunde|ek\.|ek\b|\b|tunden)|(?<=m)(?=inuten|in\.|in\b)"
    r"|(?<=t)(?=ausendstel)|(?<=h)(?=undertstel)|(?<=z)(?=ehntel)|(?<=r)(?=unde))"
)
# What may stand right before a unit: a digit or a NUMBER_WORD; and the first
# characters a DURATION match can begin with (sign, "knapp"-words, numbers).
_NUMBER_WORDS = tuple(
    re.findall(r"\w+", NUMBER_WORD.replace("eine[rnm]?", "einer|einen|einem|eine"))
)
_NUMBER_WORDS += ("halbe", "halben", "halber", "halbem")
_FIRST = frozenset("+0123456789" + "".join({w[0] for w in _NUMBER_WORDS}) + "krecüfgmwz")
_FIRST |= frozenset(c.upper() for c in _FIRST)
# Letters that IGNORECASE matches with an ASCII letter but str.lower() does not
# give (long s, dotless i, dotted I, Kelvin sign): such a text is scanned whole.
_CASE_EXTRAS = re.compile("[\u017f\u0131\u0130\u212a]")


def _back_over_space(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def duration_matches(text: str) -> list[re.Match[str]]:
    """``list(DURATION.finditer(text))``, found from the units backwards.

    A match ends in a unit and begins at most a sign, a "knapp"-word, a number
    and the spaces between them before it; windows of that reach (generously
    bounded) before each unit are tried left to right, from where the last
    match ended, so the matches are the ones ``finditer`` gives (a test
    compares them on generated texts).
    """
    if _CASE_EXTRAS.search(text):
        return list(DURATION.finditer(text))
    found: list[re.Match[str]] = []
    pos = 0
    for unit in _UNIT_START.finditer(text):
        at = unit.start()
        if at < pos:
            continue
        end = at
        while end > 0 and (text[end - 1].isspace() or text[end - 1] == "-"):
            end -= 1
        if end == 0 or not (
            text[end - 1].isdigit() or text[max(0, end - 9) : end].lower().endswith(_NUMBER_WORDS)
        ):
            continue  # nothing that can be a number stands before this unit
        # number (<= 9), spaces, "knapp"-word (<= 11), spaces, sign (<= 2)
        lo = _back_over_space(text, max(0, end - 12))
        lo = _back_over_space(text, max(0, lo - 12))
        lo = max(pos, lo - 3)
        for start in range(lo, at):
            if text[start] not in _FIRST and not text[start].isdecimal():
                continue
            m = DURATION.match(text, start)
            if m is not None:
                found.append(m)
                pos = m.end()
                break
    return found


# "(+0,204)" or "+1:02,345" in result lists: a gap without a unit
BARE_GAP = re.compile(r"\+\s?(?:(?P<min>\d{1,2}):)?(?P<sec>\d{1,3}[,.]\d{1,3})")
UNIT_SECONDS = {
    "sekunden": 1.0, "sekunde": 1.0, "sek.": 1.0, "sek": 1.0, "s": 1.0,
    "minuten": 60.0, "min.": 60.0, "min": 60.0,
    "tausendstel": 0.001, "tausendsteln": 0.001, "tausendstelsekunden": 0.001,
    "hundertstel": 0.01, "hundertsteln": 0.01, "hundertstelsekunden": 0.01,
    "zehntel": 0.1, "zehnteln": 0.1, "zehntelsekunden": 0.1,
    "stunden": 3600.0,
}  # fmt: skip


def _has(text: str, words: list[str]) -> bool:
    return any(w in text for w in words)


class _LowerSlices:
    """Lower-case slices of one text, each made once: a results paragraph with
    dozens of times would otherwise be lowered again for each of them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._made: dict[tuple[int, int], str] = {}

    def __call__(self, start: int, end: int) -> str:
        key = (start, end)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self.text[start:end].lower()
        return made


def _sentence_of(doc: Doc, start: int, end: int, lower: _LowerSlices) -> str:
    """The sentence around a character offset, lower case."""
    sent = sentence_at_char(doc, start)
    if sent is not None:
        return lower(sent.start_char, max(sent.end_char, end))
    return lower(max(0, start - 120), end + 120)


def _paragraph(text: str, pos: int, lower: _LowerSlices) -> str:
    """The paragraph (between blank lines) around a position, lower case."""
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return lower(start + 1 if start != -1 else 0, end if end != -1 else len(text))


class MeasureFinder(DataComponent):
    data_files = (MEASURE_CUES_FILE,)

    def setup(self, data: DataSource) -> None:
        self.cues = data.cues("measure_cues", MeasureCues)

    def _classify(
        self,
        sentence: str,
        paragraph: str,
        left: str,
        right: str,
        unit: str,
        whole: bool,
        clock: bool = False,
    ) -> str | None:
        """gap / lap_time / race_time / penalty, or None for anything else.

        The words right next to the value decide first ("1,3 Sekunden Vorsprung",
        "in 1:27,355 Minuten"), then the sentence ("... trennten ihn vom Pole-Setter").
        """
        cues = self.cues
        near = left[-30:] + " " + right[:30]
        if _has(near, cues.penalty):
            return "penalty"
        if right.lstrip().startswith(tuple(cues.clock_right)):
            return None  # "38 Minuten vor Schluss": a moment of the race, not a margin
        right_gap = right.lstrip().startswith(tuple(cues.gap_right))
        left_gap = left.rstrip().endswith(tuple(w.strip() for w in cues.gap_left))
        if right_gap or left_gap:
            return None if self._not_final(sentence, paragraph) else "gap"
        if left.rstrip().endswith(tuple(w.strip() for w in cues.time_left)):
            return (
                "race_time" if unit == "stunden" or _has(sentence, cues.race_time) else "lap_time"
            )
        if clock:  # "1:47,602 Minuten" without a margin word: a lap (or race) time
            return (
                "race_time" if unit == "stunden" or _has(sentence, cues.race_time) else "lap_time"
            )
        if whole and unit in ("minuten", "min.", "min", "stunden"):
            return "race_time" if _has(sentence, cues.race_time) else None  # "nach 25 Minuten"
        if _has(near, cues.lap_time):
            return "lap_time"
        if _has(sentence, cues.gap_sentence):
            return None if self._not_final(sentence, paragraph) else "gap"
        if _has(sentence, cues.race_time):
            return "race_time"
        return None

    def _not_final(self, sentence: str, paragraph: str = "") -> bool:
        """Mid-race or historic margins: leads built up, caught up, years ago."""
        cues = self.cues
        if any(re.search(p, paragraph or sentence) for p in cues.historic):
            return True
        if re.search(r"\b(19|20)\d\d\b", sentence):
            return True
        if any(re.search(p, sentence) for p in cues.mid_race):
            return True
        if _has(sentence, cues.final):
            return False
        return any(re.search(p, sentence) for p in cues.not_final)

    def find(self, doc: Doc) -> list[Measure]:
        text = text_of(doc)
        found: list[Measure] = []
        used: list[tuple[int, int]] = []
        lower = _LowerSlices(text)
        for m in duration_matches(text):
            unit = m.group("unit").lower()
            start, end = m.start(), m.end()
            left = text[max(0, start - 40) : start].lower()
            right = text[end : end + 40].lower()
            near = left + " " + right
            sentence = _sentence_of(doc, start, end, lower)
            approximate = m.group("approx") is not None
            if unit.startswith("runde"):
                laps = cardinal(m.group("word") or m.group("num") or "")
                if (
                    laps
                    and _has(near, self.cues.lap_gap)
                    and not _has(sentence, self.cues.not_final)
                ):
                    found.append(Measure("gap", start, end, m.group(0), laps=laps))
                    used.append((start, end))
                continue
            whole = False
            if m.group("min") is not None:  # "1:34,847" is minutes:seconds whatever the unit
                value = int(m.group("min")) * 60 + (decimal(m.group("sec")) or 0.0)
            else:
                if m.group("half"):
                    number: float | int | None = 0.5
                elif m.group("num"):
                    number = decimal(m.group("num"))
                else:
                    number = cardinal(m.group("word"))
                if number is None:
                    continue
                value = float(number) * UNIT_SECONDS.get(unit, 1.0)
                whole = float(number).is_integer()
            clock = m.group("min") is not None
            kind = self._classify(
                sentence, _paragraph(text, start, lower), left, right, unit, whole, clock
            )
            if kind is None:
                continue
            if m.group("sign") and kind not in ("penalty",):
                kind = "gap"
            found.append(
                Measure(
                    kind, start, end, m.group(0), seconds=round(value, 3), approximate=approximate
                )
            )
            used.append((start, end))
        for m in BARE_GAP.finditer(text):
            if any(s <= m.start() < e for s, e in used):
                continue
            value = (int(m.group("min")) * 60 if m.group("min") else 0) + (
                decimal(m.group("sec")) or 0.0
            )
            found.append(Measure("gap", m.start(), m.end(), m.group(0), seconds=round(value, 3)))
        return sorted(found, key=lambda x: x.start)

    def __call__(self, doc: Doc) -> Doc:
        measures = self.find(doc)
        doc._.gtx_measures = measures
        spans = []
        for m in measures:
            span = doc.char_span(m.start, m.end, label=m.kind.upper(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[MEASURES] = spans
        return doc


@Language.factory(
    "gtx_measures",
    assigns=[contract.extension("gtx_measures"), contract.SPANS],
    requires=[contract.SENTS],
)
def make_measures(nlp: Language, name: str) -> MeasureFinder:
    return MeasureFinder(name)
