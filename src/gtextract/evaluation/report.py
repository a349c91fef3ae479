"""Printing evaluation results as rich tables (per field, per set/fold, per genre)
and per-article diffs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gtextract.evaluation.folds import FOLDS
from gtextract.evaluation.matching import FIELDS, NAME_FIELDS, normalize
from gtextract.evaluation.scoring import ArticleEval, EvalReport, FieldScore, Summary
from gtextract.evaluation.split import COLUMNS, SplitReport, visible

__all__ = [
    "format_item",
    "print_agreement",
    "print_details",
    "print_report",
    "print_split_report",
]

HIDDEN_NOTE = (
    "[dim]details of {n} untouched-fold article(s) left out; untouched texts give "
    "aggregate scores only (--show-untouched to see them anyway)[/dim]"
)


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


def _console(console: Any) -> Any:
    if console is not None:
        return console
    from rich.console import Console

    return Console()


def print_report(
    report: EvalReport,
    *,
    details: bool = False,
    console: Any = None,
    show_untouched: bool = False,
    title: str | None = None,
) -> None:
    """Rich table of per-field scores; with ``details`` the misses per article
    (not of untouched-fold articles unless ``show_untouched``)."""
    from rich.table import Table

    out = _console(console)
    table = Table(
        title=title or f"gtextract eval: {report.gold_dir} ({len(report.articles)} articles)"
    )
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
    _print_failures(report.articles, out, show_untouched)
    if details:
        print_details(report.articles, console=out, show_untouched=show_untouched)


def _print_failures(articles: Iterable[ArticleEval], out: Any, show_untouched: bool) -> None:
    from rich.markup import escape

    for article in articles:
        if not article.error:
            continue
        if visible(article, show_untouched):
            last = article.error.splitlines()[-1]
            out.print(f"[red]{article.id}: extraction failed: {escape(last)}[/red]")
        else:
            out.print(f"[red]{article.id}: extraction failed (untouched fold)[/red]")


def _label(article: ArticleEval) -> str:
    return f"{article.set} {article.id}" if article.set else article.id


def print_details(
    articles: Iterable[ArticleEval], *, console: Any = None, show_untouched: bool = False
) -> None:
    """Per article and field: lenient matches, missed gold and spurious predictions."""
    from rich.markup import escape

    out = _console(console)
    hidden = 0
    for article in articles:
        if not visible(article, show_untouched):
            hidden += 1
            continue
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
            out.rule(f"article {_label(article)}")
            if article.error:
                out.print(f"[red]{escape(article.error)}[/red]")
            for line in lines:
                out.print(line, highlight=False)
    if hidden:
        out.print(HIDDEN_NOTE.format(n=hidden))


def _f1(summary: Summary | None, field: str | None = None, digits: int = 3) -> str:
    """F1 as text; "—" with nothing to score (no articles, or no items either side)."""
    if summary is None or summary.articles == 0:
        return "—"
    score = summary.overall if field is None else summary.fields.get(field, FieldScore())
    if score.tp + score.fp + score.fn == 0:
        return "—"
    return f"{score.f1:.{digits}f}"


def print_split_report(split: SplitReport, *, details: bool = False, console: Any = None) -> None:
    """F1 per field for dev/silver x seen/untouched, F1 per genre, then details
    of the articles the split lets through."""
    from rich.table import Table

    out = _console(console)
    sources = ", ".join(f"{name}: {path}" for name, path in split.sources.items())
    fields = Table(title=f"gtextract eval, F1 by set and fold ({sources})")
    fields.add_column("field")
    for column in COLUMNS:
        n = split.columns[column].articles
        fields.add_column(f"{column.replace('/', ' ')}\n({n} art.)", justify="right")
    for name in FIELDS:
        fields.add_row(name, *(_f1(split.columns[c], name) for c in COLUMNS))
    fields.add_section()
    fields.add_row("overall", *(_f1(split.columns[c]) for c in COLUMNS), style="bold")
    out.print(fields)

    # one cell per measure, "seen/untouched", two digits (few articles per genre),
    # so that the table fits 80 columns
    genres = Table(title="F1 by genre, dev + silver (seen/untouched)")
    genres.add_column("genre", no_wrap=True)
    for head in ("articles", "overall", "results", "events"):
        genres.add_column(head, justify="right", no_wrap=True)
    for genre, by_fold in split.genres.items():
        seen, untouched = (by_fold[f] for f in FOLDS)
        genres.add_row(
            genre,
            f"{seen.articles}/{untouched.articles}",
            *(f"{_f1(seen, m, 2)}/{_f1(untouched, m, 2)}" for m in (None, "results", "events")),
        )
    out.print(genres)

    if split.skipped:
        out.print(f"[yellow]skipped (text or gold missing): {', '.join(split.skipped)}[/yellow]")
    if split.unassigned:
        out.print(
            f"[yellow]not in the folds file (in no column): {', '.join(split.unassigned)}[/yellow]"
        )
    _print_failures(split.articles, out, show_untouched=True)
    # failures of hidden articles: a count, not their messages
    hidden_failed = len(split.failed) - sum(1 for a in split.articles if a.error)
    if hidden_failed:
        out.print(f"[red]extraction failed on {hidden_failed} untouched article(s)[/red]")
    if split.agreement is not None:
        print_agreement(split.agreement, console=out)
    if details:
        print_details(split.articles, console=out, show_untouched=True)
        if split.untouched_hidden:
            out.print(HIDDEN_NOTE.format(n=split.untouched_hidden))


def print_agreement(
    report: EvalReport,
    *,
    console: Any = None,
    details: bool = False,
    show_untouched: bool = False,
) -> None:
    """The blind re-annotations' scores against gold: how far silver gold can be trusted."""
    print_report(
        report,
        console=console,
        details=details,
        show_untouched=show_untouched,
        title=(
            f"silver agreement: blind re-annotations vs gold of {report.gold_dir} "
            f"({len(report.articles) + report.untouched_hidden} articles)"
        ),
    )
