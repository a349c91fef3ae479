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
DURATION = re.compile(
    r"(?P<sign>\+\s?)?"
    r"(?:(?P<approx>knapp|rund|etwa|ca\.|über|fast|gut|mehr als|weniger als)\s+)?"
    r"(?:(?P<min>\d{1,2}):(?P<sec>\d{2}(?:[,.]\d{1,3})?)|(?P<num>\d{1,4}(?:[,.]\d{1,3})?)"
    rf"|(?P<word>{NUMBER_WORD}))"
    r"(?:\s*|-)(?P<unit>Sekunden|Sekunde|Sek\.|sek\.|Sek\b|s\b|Minuten|Min\.|min\b|"
    r"Tausendsteln?(?:sekunden)?|Hundertsteln?(?:sekunden)?|Zehnteln?(?:sekunden)?|"
    r"Stunden|Runden|Runde)",
    re.IGNORECASE,
)
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


def _sentence_of(doc: Doc, start: int, end: int) -> str:
    """The sentence around a character offset, lower case."""
    text = text_of(doc)
    sent = sentence_at_char(doc, start)
    if sent is not None:
        return text[sent.start_char : max(sent.end_char, end)].lower()
    return text[max(0, start - 120) : end + 120].lower()


def _paragraph(text: str, pos: int) -> str:
    """The paragraph (between blank lines) around a position, lower case."""
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return text[start + 1 if start != -1 else 0 : end if end != -1 else len(text)].lower()


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
        for m in DURATION.finditer(text):
            unit = m.group("unit").lower()
            start, end = m.start(), m.end()
            left = text[max(0, start - 40) : start].lower()
            right = text[end : end + 40].lower()
            near = left + " " + right
            sentence = _sentence_of(doc, start, end)
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
                number = decimal(m.group("num")) if m.group("num") else cardinal(m.group("word"))
                if number is None:
                    continue
                value = float(number) * UNIT_SECONDS.get(unit, 1.0)
                whole = float(number).is_integer()
            clock = m.group("min") is not None
            kind = self._classify(
                sentence, _paragraph(text, start), left, right, unit, whole, clock
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
