"""Scoring: a RaceReport in gold shape, per-article counts, micro P/R/F1 over a gold directory."""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, computed_field

from gtextract.errors import GtextractError
from gtextract.evaluation.matching import (
    FIELDS,
    AliasedName,
    dedupe,
    dedupe_scorer,
    match_items,
    match_scorer,
    normalize,
    strip_forms,
)
from gtextract.records import Entity, RaceReport

__all__ = [
    "ArticleEval",
    "EvalReport",
    "Extractor",
    "FieldDetail",
    "FieldScore",
    "Summary",
    "agreement",
    "evaluate",
    "gold_fields",
    "report_to_gold",
    "score_article",
    "summarize",
]

Extractor = Callable[[str], RaceReport]


# --------------------------------------------------------------------------- report shape


def _aliased(entity: Entity) -> AliasedName:
    return AliasedName(entity.name, (m.text for m in entity.mentions))


def report_to_gold(report: RaceReport) -> dict[str, list[Any]]:
    """A RaceReport in the dev set's gold shape (only the scored fields).

    Entity names are :class:`AliasedName` strings that keep the texts of the
    entity's mentions, for the README's rule that an entity also matches
    through any surface form the prediction linked to it. A result's driver
    and an event's track are the entity of that name, with its forms.
    """
    drivers = [_aliased(d) for d in report.drivers]
    tracks = [_aliased(t) for t in report.tracks]
    driver_by_name = {normalize(d): d for d in drivers}
    track_by_name = {normalize(t): t for t in tracks}

    def linked(table: dict[str, AliasedName], name: str | None) -> str | None:
        if name is None:
            return None
        return table.get(normalize(name), name)

    return {
        "drivers": drivers,
        "teams": [_aliased(t) for t in report.teams],
        "cars": [_aliased(c) for c in report.cars],
        "tracks": tracks,
        "series": [_aliased(s) for s in report.series],
        "results": [
            {
                "kind": r.kind,
                "position": r.position,
                "class": r.class_,
                "driver": linked(driver_by_name, driver),
            }
            for r in report.results
            for driver in r.drivers
        ],
        "gaps": [g.seconds for g in report.gaps if g.seconds is not None],
        "events": [
            {
                "name": e.name,
                "track": linked(track_by_name, e.track),
                "date": e.date,
                "status": e.status,
            }
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
    set: str | None = Field(default=None, description="dev or silver (split runs)")
    fold: str | None = Field(default=None, description="seen or untouched (eval/folds.tsv)")
    genre: str | None = None
    fields: dict[str, FieldDetail] = Field(default_factory=dict)


class Summary(BaseModel):
    """Micro scores over a group of articles."""

    articles: int = 0
    fields: dict[str, FieldScore] = Field(
        default_factory=lambda: {name: FieldScore() for name in FIELDS}
    )
    overall: FieldScore = Field(default_factory=FieldScore)

    def add(self, article: ArticleEval) -> None:
        self.articles += 1
        for name, detail in article.fields.items():
            counts = FieldScore(tp=detail.tp, fp=detail.fp, fn=detail.fn)
            self.fields.setdefault(name, FieldScore()).add(counts)
            self.overall.add(counts)


def summarize(articles: Iterable[ArticleEval]) -> Summary:
    summary = Summary()
    for article in articles:
        summary.add(article)
    return summary


class EvalReport(BaseModel):
    gold_dir: str
    articles: list[ArticleEval] = Field(default_factory=list)
    fields: dict[str, FieldScore] = Field(default_factory=dict)
    overall: FieldScore = Field(default_factory=FieldScore)
    skipped: list[str] = Field(
        default_factory=list, description="texts without a gold file (or gold without a text)"
    )
    untouched_hidden: int = Field(
        default=0, description="untouched-fold articles left out of `articles`"
    )

    def add(self, article: ArticleEval) -> None:
        self.articles.append(article)
        for name, detail in article.fields.items():
            counts = FieldScore(tp=detail.tp, fp=detail.fp, fn=detail.fn)
            self.fields.setdefault(name, FieldScore()).add(counts)
            self.overall.add(counts)


def score_article(
    article_id: str, gold: dict[str, Any], predicted: dict[str, list[Any]]
) -> ArticleEval:
    """Score one article; ``gold`` is a gold file's dict, ``predicted`` from report_to_gold.

    The per-article lists (missed, spurious, matched) hold plain strings: the
    surface forms only take part in matching.
    """
    result = ArticleEval(id=article_id)
    golds = gold_fields(gold)
    for name in FIELDS:
        same = dedupe_scorer(name)
        g = dedupe(golds[name], same)
        p = dedupe(list(predicted.get(name) or []), same)
        matched, missed, spurious = match_items(g, p, match_scorer(name))
        result.fields[name] = FieldDetail(
            tp=len(matched),
            fp=len(spurious),
            fn=len(missed),
            missed=[strip_forms(x) for x in missed],
            spurious=[strip_forms(x) for x in spurious],
            matched=[(strip_forms(g), strip_forms(x)) for g, x in matched],
        )
    return result


# --------------------------------------------------------------------------- directories


def _articles(gold_dir: Path, text_dir: Path | None) -> list[tuple[str, Path, Path | None]]:
    """``(id, text, gold or None)`` of the reports to score.

    Texts and gold side by side (the dev set): every ``.txt`` with a ``.json``
    beside it (the dev set's NNN.txt, fixtures by name), plus NNN.txt without
    one, which :func:`evaluate` lists as skipped. Gold in its own directory
    (silver gold of corpus texts): every ``.json`` with its text in ``text_dir``.
    """
    if text_dir is None or text_dir.resolve() == gold_dir.resolve():
        texts = sorted(
            p
            for p in gold_dir.glob("*.txt")
            if p.stem.isdigit() or p.with_suffix(".json").is_file()
        )
        return [
            (p.stem, p, p.with_suffix(".json") if p.with_suffix(".json").is_file() else None)
            for p in texts
        ]
    return [(g.stem, text_dir / f"{g.stem}.txt", g) for g in sorted(gold_dir.glob("*.json"))]


def _read_gold(path: Path) -> dict[str, Any]:
    """A gold file; one still being written (silver arrives while runs go on)
    stops the run with its name rather than a bare JSON traceback."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GtextractError(f"gold file {path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise GtextractError(f"gold file {path} is not a JSON object")
    return data


def evaluate(
    gold_dir: str | Path,
    extractor: Extractor,
    *,
    ids: Iterable[str] | None = None,
    text_dir: str | Path | None = None,
) -> EvalReport:
    """Run ``extractor`` over every report of ``gold_dir`` and score it against its gold.

    Reports are the ``.txt`` files with a ``.json`` gold record beside them;
    an ``NNN.txt`` without one is listed in ``EvalReport.skipped``. With
    ``text_dir`` the gold records are the ``.json`` files of ``gold_dir`` and
    their texts are read from ``text_dir`` (silver gold of the corpus); a gold
    record without its text is skipped.

    An article whose extraction raises is scored with no predictions and
    keeps the error (with traceback) in ``ArticleEval.error``: one broken
    report should not hide the scores of the others.
    """
    from gtextract.text_input import read_article  # the same reading as the CLI

    root = Path(gold_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"gold directory not found: {root}")
    texts_root = Path(text_dir) if text_dir is not None else None
    if texts_root is not None and not texts_root.is_dir():
        raise FileNotFoundError(f"text directory not found: {texts_root}")
    wanted = {i.strip() for i in ids} if ids is not None else None
    report = EvalReport(gold_dir=str(root))
    report.fields = {name: FieldScore() for name in FIELDS}
    articles = _articles(root, texts_root)
    if texts_root is None and not any(gold for _, _, gold in articles):
        raise FileNotFoundError(f"no .txt reports with .json gold records in {root}")
    for article_id, text_path, gold_path in articles:
        if wanted is not None and article_id not in wanted:
            continue
        if gold_path is None or not text_path.is_file():
            report.skipped.append(article_id)
            continue
        gold = _read_gold(gold_path)
        error: str | None = None
        try:
            text = read_article(text_path).text
            predicted = report_to_gold(extractor(text))
        except Exception as exc:  # noqa: BLE001 -- recorded, see docstring
            error = "".join(traceback.format_exception(exc)).rstrip()
            predicted = {}
        article = score_article(article_id, gold, predicted)
        article.error = error
        if isinstance(gold.get("genre"), str):
            article.genre = gold["genre"]
        report.add(article)
    return report


def agreement(
    blind_dir: str | Path, gold_dir: str | Path, *, ids: Iterable[str] | None = None
) -> EvalReport:
    """Blind re-annotations (``blind_dir/NNN.json``) scored as predictions against gold.

    How far a second annotator, working the silver way, agrees with the dev
    gold: a ceiling for what silver scores can tell.
    """
    blind_root, gold_root = Path(blind_dir), Path(gold_dir)
    for path in (blind_root, gold_root):
        if not path.is_dir():
            raise FileNotFoundError(f"directory not found: {path}")
    wanted = {i.strip() for i in ids} if ids is not None else None
    report = EvalReport(gold_dir=str(gold_root))
    report.fields = {name: FieldScore() for name in FIELDS}
    for blind_path in sorted(blind_root.glob("*.json")):
        article_id = blind_path.stem
        if wanted is not None and article_id not in wanted:
            continue
        gold_path = gold_root / blind_path.name
        if not gold_path.is_file():
            report.skipped.append(article_id)
            continue
        gold, blind = _read_gold(gold_path), _read_gold(blind_path)
        report.add(score_article(article_id, gold, gold_fields(blind)))
    return report
