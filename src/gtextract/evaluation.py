"""Dev-set evaluation: run an extractor over ``NNN.txt`` and score against ``NNN.json``.

The matching rules follow the dev set's README (gold format v1):

- strings are normalised (NFKD without accents, case folded, runs of spaces,
  hyphens, slashes, dots, commas and quotes -> one space);
- two names match when the normalised strings are equal, or their
  ``fuzz.ratio`` is >= 90, or the tokens of the shorter are a subset of the
  longer's (at least half as many) -- never when the numbers they contain
  differ;
- results match on kind, position, class and driver name; gaps within
  0.0005 s; events on name, or on track plus equal month-day date;
- each list is deduplicated with its own rule (events by name only), then
  gold and predictions are matched one-to-one, greedily, and micro
  precision / recall / F1 are summed over all articles.
"""

from __future__ import annotations

import json
import re
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field, computed_field
from rapidfuzz import fuzz

from gtextract.records import RaceReport

__all__ = [
    "FIELDS",
    "ArticleEval",
    "EvalReport",
    "FieldDetail",
    "FieldScore",
    "evaluate",
    "dedupe",
    "events_match",
    "gaps_match",
    "match_items",
    "names_match",
    "normalize",
    "print_report",
    "report_to_gold",
    "results_match",
    "score_article",
]

FIELDS: tuple[str, ...] = (
    "drivers",
    "teams",
    "cars",
    "tracks",
    "series",
    "results",
    "gaps",
    "events",
)
NAME_FIELDS = ("drivers", "teams", "cars", "tracks", "series")

FUZZ_THRESHOLD = 90.0
GAP_TOLERANCE_S = 0.0005

T = TypeVar("T")
Extractor = Callable[[str], RaceReport]

# --------------------------------------------------------------------------- names

# spaces, hyphens and dashes, slashes, dots, commas, straight and typographic quotes
_SEPARATORS = re.compile(
    r"[\s\-\u2010-\u2015\u2212/.,'\"`\u00b4\u2018-\u201f\u00ab\u00bb\u2039\u203a]+"
)
_NUMBER = re.compile(r"\d+")


def normalize(text: str) -> str:
    """NFKD without accents, case folded, separator runs -> one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", stripped.casefold()).strip()


def _numbers(normalized: str) -> tuple[int, ...]:
    return tuple(sorted(int(n) for n in _NUMBER.findall(normalized)))


def name_score(a: str, b: str) -> float | None:
    """How well two names match (higher is better), or None when they don't.

    Equal normalised strings score 200, other matches their ``fuzz.ratio``
    plus 100, so greedy matching pairs exact matches first.
    """
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return None
    if na == nb:
        return 200.0
    # "VLN Lauf 1" vs "VLN Lauf 2" is 90 by ratio: numbers veto every rule.
    if _numbers(na) != _numbers(nb):
        return None
    ratio = float(fuzz.ratio(na, nb))
    if ratio >= FUZZ_THRESHOLD:
        return 100.0 + ratio
    ta, tb = na.split(), nb.split()
    short, long_ = (ta, tb) if (len(ta), len(na)) <= (len(tb), len(nb)) else (tb, ta)
    # README: the shorter's tokens are a subset of the longer's, include its last
    # token and are at least half as many. "Its" is read as the shorter's own last
    # token: the README's example "Audi R8" ~ "Audi R8 LMS" rules out the longer's.
    long_set = set(long_)
    if set(short) <= long_set and short[-1] in long_set and 2 * len(short) >= len(long_):
        return 100.0 + ratio
    return None


def names_match(a: str | None, b: str | None) -> bool:
    """The dev set's name rule; two missing names count as matching."""
    if a is None or b is None:
        return a is None and b is None
    return name_score(a, b) is not None


# --------------------------------------------------------------------------- other fields


def _norm_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = normalize(str(value))
    return text or None


def result_score(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    if gold.get("kind") != pred.get("kind"):
        return None
    if gold.get("position") != pred.get("position"):
        return None
    if _norm_or_none(gold.get("class")) != _norm_or_none(pred.get("class")):
        return None
    return name_score(str(gold.get("driver") or ""), str(pred.get("driver") or ""))


def results_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same kind, position and class, and matching driver names."""
    return result_score(a, b) is not None


def gap_score(a: float, b: float) -> float | None:
    diff = abs(float(a) - float(b))
    return 1.0 - diff if diff < GAP_TOLERANCE_S else None


def gaps_match(a: float, b: float) -> bool:
    """Gap values within 0.0005 s."""
    return gap_score(a, b) is not None


def _month_day(value: Any) -> str | None:
    """'2020-11-07' and '11-07' both give '11-07'."""
    if not value:
        return None
    return str(value)[-5:]


def event_score(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Name match (preferred), else track match plus equal month-day date."""
    name_a, name_b = a.get("name"), b.get("name")
    if name_a and name_b:
        score = name_score(str(name_a), str(name_b))
        if score is not None:
            return 1000.0 + score
    track_a, track_b = a.get("track"), b.get("track")
    if (
        track_a
        and track_b
        and name_score(str(track_a), str(track_b)) is not None
        # two unknown dates count as equal
        and _month_day(a.get("date")) == _month_day(b.get("date"))
    ):
        return 1.0
    return None


def events_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return event_score(a, b) is not None


def _event_name_score(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    # Deduplication looks at names only, so two races of one weekend stay two.
    name_a, name_b = a.get("name"), b.get("name")
    if not name_a or not name_b:
        return None
    return name_score(str(name_a), str(name_b))


Scorer = Callable[[Any, Any], "float | None"]

_SCORERS: dict[str, tuple[Scorer, Scorer]] = {
    # field -> (matching scorer, deduplication scorer)
    **{f: (name_score, name_score) for f in NAME_FIELDS},
    "results": (result_score, result_score),
    "gaps": (gap_score, gap_score),
    "events": (event_score, _event_name_score),
}


def dedupe(items: Sequence[T], scorer: Callable[[T, T], float | None]) -> list[T]:
    """Keep the first of each group of matching items, in order."""
    kept: list[T] = []
    for item in items:
        if not any(scorer(seen, item) is not None for seen in kept):
            kept.append(item)
    return kept


def match_items(
    gold: Sequence[T], pred: Sequence[T], scorer: Callable[[T, T], float | None]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Greedy one-to-one matching: ``(matched pairs, missed gold, spurious predictions)``.

    All matching pairs are taken best score first (ties in list order), so an
    exact match is never lost to an earlier fuzzy one.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = scorer(g, p)
            if score is not None:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    matched = [(gold[gi], pred[pi]) for gi, pi in pairs]
    missed = [g for i, g in enumerate(gold) if i not in used_gold]
    spurious = [p for i, p in enumerate(pred) if i not in used_pred]
    return matched, missed, spurious


# --------------------------------------------------------------------------- report shape


def report_to_gold(report: RaceReport) -> dict[str, list[Any]]:
    """A RaceReport in the dev set's gold shape (only the scored fields)."""
    return {
        "drivers": [d.name for d in report.drivers],
        "teams": [t.name for t in report.teams],
        "cars": [c.name for c in report.cars],
        "tracks": [t.name for t in report.tracks],
        "series": [s.name for s in report.series],
        "results": [
            {"kind": r.kind, "position": r.position, "class": r.class_, "driver": driver}
            for r in report.results
            for driver in r.drivers
        ],
        "gaps": [g.seconds for g in report.gaps if g.seconds is not None],
        "events": [
            {"name": e.name, "track": e.track, "date": e.date, "status": e.status}
            for e in report.events
        ],
    }


def gold_fields(gold: dict[str, Any]) -> dict[str, list[Any]]:
    """The scored fields of a gold file (``gaps_s`` is called ``gaps`` here)."""
    out: dict[str, list[Any]] = {}
    for name in FIELDS:
        key = "gaps_s" if name == "gaps" else name
        out[name] = list(gold.get(key) or [])
    return out


# --------------------------------------------------------------------------- scores


def _ratio(num: int, den: int, empty: float) -> float:
    return num / den if den else empty


class FieldScore(BaseModel):
    """Counts of one field; P/R/F1 derived from them.

    With nothing predicted (or nothing to find) precision (recall) is 1.0
    when there was also nothing to miss (to over-predict), else 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, 1.0 if self.fn == 0 else 0.0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, 1.0 if self.fp == 0 else 0.0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


class FieldDetail(BaseModel):
    """One field of one article: counts plus what was missed and invented."""

    tp: int
    fp: int
    fn: int
    missed: list[Any] = Field(default_factory=list)
    spurious: list[Any] = Field(default_factory=list)
    matched: list[tuple[Any, Any]] = Field(
        default_factory=list, description="(gold, prediction) pairs"
    )


class ArticleEval(BaseModel):
    id: str
    error: str | None = None
    fields: dict[str, FieldDetail] = Field(default_factory=dict)


class EvalReport(BaseModel):
    gold_dir: str
    articles: list[ArticleEval] = Field(default_factory=list)
    fields: dict[str, FieldScore] = Field(default_factory=dict)
    overall: FieldScore = Field(default_factory=FieldScore)
    skipped: list[str] = Field(default_factory=list, description="texts without a gold file")


def score_article(
    article_id: str, gold: dict[str, Any], predicted: dict[str, list[Any]]
) -> ArticleEval:
    """Score one article; ``gold`` is a gold file's dict, ``predicted`` from report_to_gold."""
    result = ArticleEval(id=article_id)
    golds = gold_fields(gold)
    for name in FIELDS:
        scorer, dedupe_scorer = _SCORERS[name]
        g = dedupe(golds[name], dedupe_scorer)
        p = dedupe(list(predicted.get(name) or []), dedupe_scorer)
        matched, missed, spurious = match_items(g, p, scorer)
        result.fields[name] = FieldDetail(
            tp=len(matched),
            fp=len(spurious),
            fn=len(missed),
            missed=missed,
            spurious=spurious,
            matched=matched,
        )
    return result


def _article_ids(gold_dir: Path) -> list[Path]:
    """Reports to score: every ``.txt`` with a ``.json`` gold record beside it
    (the dev set's NNN.txt, fixtures by name), plus NNN.txt without one, which
    :func:`evaluate` lists as skipped."""
    return sorted(
        p for p in gold_dir.glob("*.txt") if p.stem.isdigit() or p.with_suffix(".json").is_file()
    )


def evaluate(
    gold_dir: str | Path,
    extractor: Extractor,
    *,
    ids: Iterable[str] | None = None,
) -> EvalReport:
    """Run ``extractor`` over every report of ``gold_dir`` and score it against its gold.

    Reports are the ``.txt`` files with a ``.json`` gold record beside them;
    an ``NNN.txt`` without one is listed in ``EvalReport.skipped``.

    An article whose extraction raises is scored with no predictions and
    keeps the error (with traceback) in ``ArticleEval.error``: one broken
    report should not hide the scores of the others.
    """
    from gtextract.text_input import read_article  # the same reading as the CLI

    root = Path(gold_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"gold directory not found: {root}")
    wanted = {i.strip() for i in ids} if ids is not None else None
    report = EvalReport(gold_dir=str(root))
    report.fields = {name: FieldScore() for name in FIELDS}
    texts = _article_ids(root)
    if not any(p.with_suffix(".json").is_file() for p in texts):
        raise FileNotFoundError(f"no .txt reports with .json gold records in {root}")
    for text_path in texts:
        article_id = text_path.stem
        if wanted is not None and article_id not in wanted:
            continue
        gold_path = text_path.with_suffix(".json")
        if not gold_path.is_file():
            report.skipped.append(article_id)
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        error: str | None = None
        try:
            text = read_article(text_path).text
            predicted = report_to_gold(extractor(text))
        except Exception as exc:  # noqa: BLE001 -- recorded, see docstring
            error = "".join(traceback.format_exception(exc)).rstrip()
            predicted = {}
        article = score_article(article_id, gold, predicted)
        article.error = error
        report.articles.append(article)
        for name, detail in article.fields.items():
            counts = FieldScore(tp=detail.tp, fp=detail.fp, fn=detail.fn)
            report.fields[name].add(counts)
            report.overall.add(counts)
    return report


# --------------------------------------------------------------------------- printing


def format_item(field: str, item: Any) -> str:
    """One gold or predicted item as a short line of text."""
    if field == "results" and isinstance(item, dict):
        cls = f" [{item['class']}]" if item.get("class") else ""
        kind = "Q" if item.get("kind") == "qualifying" else "R"
        return f"{kind}{item.get('position')}{cls} {item.get('driver')}"
    if field == "events" and isinstance(item, dict):
        parts = [str(item.get("name"))]
        if item.get("track"):
            parts.append(f"@ {item['track']}")
        parts.append(f"({item.get('date') or 'no date'}, {item.get('status', 'scheduled')})")
        return " ".join(parts)
    if field == "gaps":
        return f"{float(item):g} s"
    return str(item)


def print_report(report: EvalReport, *, details: bool = False, console: Any = None) -> None:
    """Rich table of per-field scores; with ``details`` the misses per article."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = console if console is not None else Console()
    table = Table(title=f"gtextract eval: {report.gold_dir} ({len(report.articles)} articles)")
    table.add_column("field")
    for col in ("tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(col, justify="right")

    def row(name: str, s: FieldScore, style: str | None = None) -> None:
        table.add_row(
            name,
            str(s.tp),
            str(s.fp),
            str(s.fn),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            style=style,
        )

    for name in FIELDS:
        row(name, report.fields.get(name, FieldScore()))
    table.add_section()
    row("overall", report.overall, style="bold")
    out.print(table)

    if report.skipped:
        out.print(f"[yellow]skipped (no gold JSON): {', '.join(report.skipped)}[/yellow]")
    failed = [a for a in report.articles if a.error]
    for article in failed:
        last = article.error.splitlines()[-1] if article.error else ""
        out.print(f"[red]{article.id}: extraction failed: {escape(last)}[/red]")

    if not details:
        return
    for article in report.articles:
        lines: list[str] = []
        for name in FIELDS:
            detail = article.fields.get(name)
            if detail is None:
                continue
            # Non-identical matches show where the lenient name rules did the work.
            loose = [
                (g, p)
                for g, p in detail.matched
                if name in NAME_FIELDS and normalize(str(g)) != normalize(str(p))
            ]
            if not (detail.missed or detail.spurious or loose):
                continue
            lines.append(f"  [bold]{name}[/bold] tp={detail.tp} fp={detail.fp} fn={detail.fn}")
            for g, p in loose:
                lines.append(f"    [dim]~ matched  {escape(str(g))} ≈ {escape(str(p))}[/dim]")
            for item in detail.missed:
                lines.append(f"    [red]- missed  [/red] {escape(format_item(name, item))}")
            for item in detail.spurious:
                lines.append(f"    [yellow]+ spurious[/yellow] {escape(format_item(name, item))}")
        if lines or article.error:
            out.rule(f"article {article.id}")
            if article.error:
                out.print(f"[red]{escape(article.error)}[/red]")
            for line in lines:
                out.print(line, highlight=False)
