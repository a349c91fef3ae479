"""The split report: dev and silver gold, each in its seen and untouched fold, per genre.

Rule writers look at per-article errors of the seen fold only; the untouched
fold gives aggregate numbers, so that a score on it still measures texts no
rule was written against. :func:`visible` is the one place that decides
which articles' details may be shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, Field

from gtextract.evaluation.folds import FOLDS, SETS, UNTOUCHED, FoldRow
from gtextract.evaluation.scoring import ArticleEval, EvalReport, Summary

__all__ = [
    "COLUMNS",
    "SplitReport",
    "default_paths",
    "label_articles",
    "project_root",
    "split_report",
    "visible",
    "without_untouched",
]

# set/fold columns of the per-field table, in print order
COLUMNS: tuple[str, ...] = tuple(f"{s}/{f}" for s in SETS for f in FOLDS)
UNKNOWN_GENRE = "unknown"


def project_root() -> Path:
    """The source checkout gtextract runs from, else the working directory."""
    here = Path(__file__).resolve().parents[3]
    return here if (here / "pyproject.toml").is_file() else Path.cwd()


def default_paths() -> dict[str, Path]:
    """Where the evaluation data sit, relative to the project root: the dev set and
    the corpus beside the project (``../shared``), silver gold and folds in ``eval/``."""
    root = project_root()
    return {
        "dev": root.parent / "shared" / "dev",
        "corpus": root.parent / "shared" / "corpus",
        "silver": root / "eval" / "silver",
        "blind": root / "eval" / "silver_blind",
        "folds": root / "eval" / "folds.tsv",
    }


def label_articles(
    articles: Iterable[ArticleEval], folds: Mapping[str, FoldRow], set_name: str | None = None
) -> None:
    """Set each article's set, fold and genre from ``eval/folds.tsv`` (genre
    falls back to the gold file's own ``genre``)."""
    for article in articles:
        row = folds.get(article.id)
        if row is not None:
            article.set = row.set
            article.fold = row.fold
            article.genre = row.genre or article.genre
        elif set_name is not None:
            article.set = set_name


def visible(article: ArticleEval, show_untouched: bool = False) -> bool:
    """Whether per-article details (misses, spurious items, errors) may be shown."""
    return show_untouched or article.fold != UNTOUCHED


def without_untouched(report: EvalReport, show_untouched: bool = False) -> EvalReport:
    """A copy of ``report`` for output: the aggregate scores of all its articles,
    per-article entries of the visible ones only."""
    kept = [a for a in report.articles if visible(a, show_untouched)]
    hidden = len(report.articles) - len(kept)
    return report.model_copy(
        update={"articles": kept, "untouched_hidden": report.untouched_hidden + hidden}
    )


class SplitReport(BaseModel):
    """Scores per set and fold, per genre, and the articles whose details may be read."""

    columns: dict[str, Summary] = Field(
        default_factory=lambda: {c: Summary() for c in COLUMNS},
        description="'dev/seen', 'dev/untouched', 'silver/seen', 'silver/untouched'",
    )
    genres: dict[str, dict[str, Summary]] = Field(
        default_factory=dict, description="genre -> fold -> scores over dev and silver"
    )
    unassigned: list[str] = Field(
        default_factory=list, description="scored articles without a row in the folds file"
    )
    failed: list[str] = Field(default_factory=list, description="articles whose extraction raised")
    skipped: list[str] = Field(default_factory=list, description="texts or gold records alone")
    articles: list[ArticleEval] = Field(
        default_factory=list, description="per-article details (untouched only when asked)"
    )
    untouched_hidden: int = Field(
        default=0, description="untouched articles whose details are left out"
    )
    sources: dict[str, str] = Field(default_factory=dict, description="set -> gold directory")
    agreement: EvalReport | None = Field(
        default=None, description="blind re-annotations scored against dev gold"
    )


def split_report(reports: Mapping[str, EvalReport], *, show_untouched: bool = False) -> SplitReport:
    """Group the labelled articles of ``reports`` (set name -> report) into the split."""
    out = SplitReport(sources={name: r.gold_dir for name, r in reports.items()})
    for set_name, report in reports.items():
        out.skipped.extend(report.skipped)
        for article in report.articles:
            if article.error:
                out.failed.append(article.id)
            if article.fold is None:
                out.unassigned.append(article.id)
            else:
                out.columns.setdefault(f"{set_name}/{article.fold}", Summary()).add(article)
                genre = out.genres.setdefault(
                    article.genre or UNKNOWN_GENRE, {f: Summary() for f in FOLDS}
                )
                genre[article.fold].add(article)
            if visible(article, show_untouched):
                out.articles.append(article)
            else:
                out.untouched_hidden += 1
    # most frequent genres first
    out.genres = dict(
        sorted(out.genres.items(), key=lambda kv: (-sum(s.articles for s in kv[1].values()), kv[0]))
    )
    return out
