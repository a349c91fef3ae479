"""The ``gtextract`` command line.

Subcommands: ``extract``, ``schema``, ``info``, ``eval``; ``batch`` and
``aggregate`` come from :mod:`gtextract.batch.cli` when it is installed.

Plugin contract: a module with ``register(subparsers) -> None`` adds its
parsers to ``subparsers`` and gives each one ``set_defaults(func=handler)``,
where ``handler(args: argparse.Namespace) -> int`` returns the exit code.

Exit codes: 0 success, 1 unexpected failure or a broken installation (a
missing module), 2 usage error or missing file/model, 3 bad input (empty, not
text, undecodable, too large, not German). Bad input never ends in a
traceback: one line on stderr says what is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gtextract.errors import GtextractError, InputError

if TYPE_CHECKING:
    from rich.console import Console
    from spacy.language import Language
    from spacy.tokens import Doc

    from gtextract.base_model import BaseModelInfo
    from gtextract.evaluation import EvalReport
    from gtextract.records import RaceReport
    from gtextract.text_input import ArticleText

__all__ = [
    "EXIT_ERROR",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INPUT = 3

PROG = "gtextract"
SPANS_KEY = "gtx"


class _Extractor(Protocol):
    """What the CLI needs from :class:`gtextract.Extractor`."""

    nlp: Language
    base_info: BaseModelInfo

    def __call__(
        self,
        text: str,
        source: str | None = ...,
        published: date | None = ...,
        title: str | None = ...,
    ) -> RaceReport: ...

    def process(self, text: str, *, published: date | None = ...) -> Doc: ...


class UsageError(GtextractError):
    """Wrong arguments, missing files or models: exit code 2."""


# --------------------------------------------------------------------------- helpers


def _stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _console() -> Console:
    from rich.console import Console

    return Console()


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _load_extractor(model: str | None) -> _Extractor:
    import gtextract

    load: Callable[..., _Extractor] | None = getattr(gtextract, "load", None)
    if load is None:
        raise GtextractError("the extractor is not available in this installation")
    try:
        return load(model=model)
    except OSError as exc:  # spacy.load: unknown package name or bad path
        raise UsageError(f"cannot load model {model!r}: {exc}") from exc


def _read_input(source: str) -> ArticleText:
    from gtextract.text_input import read_article, read_bounded

    if source == "-":
        # at most the size limit is read: an endless pipe ends in too_large, not in swap;
        # read_article decodes the bytes (decode_bytes) and sniffs HTML
        data = read_bounded(sys.stdin.buffer, name="<stdin>")
        return read_article(data, name="<stdin>")
    path = Path(source)
    if not path.exists():
        raise UsageError(f"file not found: {source}")
    if path.is_dir():
        raise UsageError(f"{source} is a directory, not a report file")
    return read_article(path)


# --------------------------------------------------------------------------- extract


def _cmd_extract(args: argparse.Namespace) -> int:
    article = _read_input(args.file)
    extractor = _load_extractor(args.model)
    source = None if args.file == "-" else args.file
    published = args.published or article.published
    report = extractor(
        article.text, source=source or article.url, published=published, title=article.title
    )
    if args.html:
        _write_displacy(extractor, article.text, Path(args.html), published)
    if args.with_text:
        _stdout(_with_text(article.text, report))
    elif args.json:
        _stdout(report.model_dump_json(indent=2))
    else:
        _print_summary(report, _console())
        if args.html:
            print(f"displaCy page written to {args.html}", file=sys.stderr)
    return EXIT_OK


def _with_text(text: str, report: RaceReport) -> str:
    """``{"text": ..., "report": ...}``: evidence offsets slice ``text``, the prepared
    text (the file as read, decoded, HTML reduced to its main text, normalised)."""
    both = {"text": text, "report": json.loads(report.model_dump_json())}
    return json.dumps(both, ensure_ascii=False, indent=2)


def _write_displacy(
    extractor: _Extractor, text: str, out: Path, published: date | None = None
) -> None:
    from spacy import displacy

    # Same prepared text as the report, so the marks sit where the evidence says.
    doc = extractor.process(text, published=published)
    if SPANS_KEY not in doc.spans:
        doc.spans[SPANS_KEY] = []  # still a readable page, just without marks
    html = displacy.render(doc, style="span", options={"spans_key": SPANS_KEY}, page=True)
    # displaCy's page names no encoding: a browser opening the file may guess Latin-1
    html = html.replace("<head>", '<head>\n        <meta charset="utf-8">', 1)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from exc


def _print_summary(report: RaceReport, console: Console) -> None:
    """Rich tables of everything found; empty sections are left out."""
    console.print(_summary_head(report))
    for title, columns, rows in _summary_sections(report):
        if rows:
            console.print(_rich_table(title, columns, rows))
    if not _found_anything(report):
        console.print("[yellow]No drivers, teams, cars, results or events found.[/yellow]")


def _summary_head(report: RaceReport) -> str:
    from rich.markup import escape

    head = [f"[bold]{escape(report.title or report.source or 'Bericht')}[/bold]"]
    if report.source and report.title:
        head.append(f"source: {escape(report.source)}")
    if report.published:
        head.append(f"published: {report.published.isoformat()}")
    if report.base_model:
        head.append(f"base model: {escape(report.base_model)}")
    return "\n".join(head)


Section = tuple[str, list[str], list[list[str]]]  # title, columns, rows


def _summary_sections(report: RaceReport) -> list[Section]:
    """Each section of the summary with its rows (cells as plain text)."""
    return [
        ("Series", ["name", "mentions"], [[s.name, str(len(s.mentions))] for s in report.series]),
        ("Tracks", ["name", "mentions"], [[t.name, str(len(t.mentions))] for t in report.tracks]),
        (
            "Drivers",
            ["name", "team", "nationality", "hometown", "age", "mentions"],
            [
                [d.name, _opt(d.team), _opt(d.nationality), _opt(d.hometown), _opt(d.age)]
                + [str(len(d.mentions))]
                for d in report.drivers
            ],
        ),
        ("Teams", ["name", "mentions"], [[t.name, str(len(t.mentions))] for t in report.teams]),
        (
            "Cars",
            ["name", "make", "model", "number"],
            [[c.name, _opt(c.make), _opt(c.model), _opt(c.number)] for c in report.cars],
        ),
        ("Sessions", ["kind", "label"], [[s.kind, s.label] for s in report.sessions]),
        (
            "Results",
            ["kind", "pos", "class", "drivers", "team", "car", "gap", "status"],
            [
                [r.kind, str(r.position), _opt(r.class_), " / ".join(r.drivers), _opt(r.team)]
                + [_opt(r.car), r.gap.text if r.gap else "", r.status]
                for r in report.results
            ],
        ),
        (
            "Gaps",
            ["seconds", "laps", "text"],
            [
                [_approx(g.approximate) + _seconds(g.seconds), _opt(g.laps), g.text]
                for g in report.gaps
            ],
        ),
        (
            "Times",
            ["kind", "seconds", "text"],
            [[t.kind, _seconds(t.seconds), t.text] for t in report.times],
        ),
        (
            "Events",
            ["name", "track", "date", "status"],
            [[e.name, _opt(e.track), _opt(e.date), e.status] for e in report.events],
        ),
        (
            "Quotes",
            ["speaker", "quote"],
            [[_opt(q.speaker), _shorten(q.text, 100)] for q in report.quotes],
        ),
        ("Credits", ["role", "name"], [[c.role, c.name] for c in report.credits]),
    ]


def _rich_table(title: str, columns: Sequence[str], rows: list[list[str]]) -> Any:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    return table


def _found_anything(report: RaceReport) -> bool:
    fields = ("series", "tracks", "drivers", "teams", "cars", "results", "gaps", "events")
    return any(getattr(report, f) for f in fields)


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _seconds(value: float | None) -> str:
    return f"{value:g}" if value is not None else ""


def _approx(approximate: bool) -> str:
    return "~" if approximate else ""


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- schema, info


def _cmd_schema(args: argparse.Namespace) -> int:
    from gtextract.records import RaceReport

    _stdout(json.dumps(RaceReport.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _gazetteer_sizes() -> dict[str, int] | str:
    """Entries per gazetteer list, or why they cannot be counted."""
    try:
        from gtextract import gazetteers

        return dict(gazetteers.sizes())
    except ImportError:
        return "not available"
    except Exception as exc:  # noqa: BLE001 -- info should still show the rest
        return f"unavailable: {exc}"


def _collect_info(model: str | None) -> dict[str, Any]:
    import spacy

    import gtextract

    extractor = _load_extractor(model)
    base = extractor.base_info
    return {
        "gtextract": gtextract.__version__,
        "spacy": spacy.__version__,
        "python": sys.version.split()[0],
        "base_model": {
            "name": base.name,
            "version": base.version,
            "origin": base.origin,
            "path": base.path,
            "has_ner": base.has_ner,
            "scores": base.scores,
        },
        "pipeline": list(extractor.nlp.pipe_names),
        "gazetteers": _gazetteer_sizes(),
    }


def _cmd_info(args: argparse.Namespace) -> int:
    info = _collect_info(args.model)
    if args.json:
        _stdout(json.dumps(info, indent=2, ensure_ascii=False, default=str))
        return EXIT_OK
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    base = info["base_model"]
    t = Table(title="gtextract", show_header=False, title_justify="left")
    t.add_column("key", style="bold")
    t.add_column("value")
    t.add_row("gtextract", info["gtextract"])
    t.add_row("spaCy", info["spacy"])
    t.add_row("Python", info["python"])
    t.add_row("base model", f"{base['name']} {base['version']} ({base['origin']})")
    t.add_row("base model path", base["path"] or "-")
    t.add_row("base model NER", "yes" if base["has_ner"] else "no")
    for key, value in sorted(base["scores"].items()):
        if isinstance(value, int | float):
            t.add_row(f"  {key}", f"{value:.3f}")
    t.add_row("pipeline", ", ".join(info["pipeline"]))
    console.print(t)
    sizes = info["gazetteers"]
    if isinstance(sizes, str):
        console.print(f"gazetteers: {escape(sizes)}")
    else:
        g = Table(title="gazetteers", title_justify="left")
        g.add_column("list")
        g.add_column("entries", justify="right")
        for name, size in sorted(sizes.items()):
            g.add_row(name, str(size))
        console.print(g)
    return EXIT_OK


# --------------------------------------------------------------------------- eval


def _eval_ids(args: argparse.Namespace, folds: dict[str, Any]) -> set[str] | None:
    """Articles to score: ``--only`` ids, within ``--fold`` when given."""
    wanted = {i for chunk in args.only for i in chunk.split(",") if i} if args.only else None
    if args.fold:
        in_fold = {i for i, row in folds.items() if row.fold == args.fold}
        wanted = in_fold if wanted is None else wanted & in_fold
    return wanted


def _gold_dir(path: Path, what: str = "gold directory") -> Path:
    if not path.is_dir():
        raise UsageError(f"{what} not found: {path}")
    return path


def _cmd_eval(args: argparse.Namespace) -> int:
    """One gold directory (one table), the split report (``--all``/``--silver``),
    or the silver agreement (``--agreement``).

    Untouched-fold articles give aggregate scores only: their per-article
    details (diffs, errors, JSON entries) need ``--show-untouched``.
    """
    from gtextract import evaluation as ev

    paths = ev.default_paths()
    split = args.all or args.silver is not None
    if args.gold_dir is None and not (split or args.agreement):
        raise UsageError("give a GOLD_DIR, or --all, --silver DIR or --agreement")
    dev_dir = _gold_dir(Path(args.gold_dir) if args.gold_dir else paths["dev"])
    folds_path = Path(args.folds) if args.folds else paths["folds"]
    if args.folds and not folds_path.is_file():
        raise UsageError(f"folds file not found: {folds_path}")
    folds = ev.read_folds(folds_path) if folds_path.is_file() else {}
    if (split or args.fold) and not folds:
        raise UsageError(f"no folds file at {folds_path} (scripts/draw_folds.py writes it)")
    ids = _eval_ids(args, folds)

    agreement: EvalReport | None = None
    if args.agreement:
        blind = _gold_dir(Path(args.blind) if args.blind else paths["blind"], "blind directory")
        agreement = ev.agreement(blind, dev_dir, ids=ids)
        ev.label_articles(agreement.articles, folds, "dev")
    if split:
        return _eval_split(args, paths, dev_dir, folds, ids, agreement)
    if agreement is not None:
        if args.json:
            _stdout(ev.without_untouched(agreement, args.show_untouched).model_dump_json(indent=2))
        else:
            ev.print_agreement(
                agreement,
                console=_console(),
                details=args.details,
                show_untouched=args.show_untouched,
            )
        return EXIT_OK

    if not any(p.with_suffix(".json").is_file() for p in dev_dir.glob("*.txt")):
        raise UsageError(f"no .txt reports with .json gold records in {dev_dir}")
    report = ev.evaluate(dev_dir, _load_extractor(args.model), ids=ids)
    ev.label_articles(report.articles, folds)
    if args.json:
        _stdout(ev.without_untouched(report, args.show_untouched).model_dump_json(indent=2))
    else:
        ev.print_report(
            report, details=args.details, console=_console(), show_untouched=args.show_untouched
        )
    return EXIT_OK


def _eval_split(
    args: argparse.Namespace,
    paths: dict[str, Path],
    dev_dir: Path,
    folds: dict[str, Any],
    ids: set[str] | None,
    agreement: EvalReport | None,
) -> int:
    """Dev gold and silver gold (texts from the corpus), by fold and genre."""
    from gtextract import evaluation as ev

    silver_dir = Path(args.silver) if args.silver else paths["silver"]
    if args.silver:
        _gold_dir(silver_dir, "silver directory")
    corpus_dir = Path(args.corpus) if args.corpus else paths["corpus"]
    extractor = _load_extractor(args.model)
    reports = {"dev": ev.evaluate(dev_dir, extractor, ids=ids)}
    if silver_dir.is_dir() and any(silver_dir.glob("*.json")):
        _gold_dir(corpus_dir, "corpus directory")
        reports["silver"] = ev.evaluate(silver_dir, extractor, ids=ids, text_dir=corpus_dir)
    else:
        print(f"no silver gold in {silver_dir}: silver columns stay empty", file=sys.stderr)
    for set_name, report in reports.items():
        ev.label_articles(report.articles, folds, set_name)
    result = ev.split_report(reports, show_untouched=args.show_untouched)
    if agreement is not None:
        result.agreement = ev.without_untouched(agreement, args.show_untouched)
    if args.json:
        _stdout(result.model_dump_json(indent=2))
    else:
        ev.print_split_report(result, details=args.details, console=_console())
    return EXIT_OK


# --------------------------------------------------------------------------- parser


def _add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        metavar="NAME|PATH|blank",
        default=None,
        help="spaCy base pipeline (default: de_core_news_sm, else the bundled model)",
    )


def _register_plugins(subparsers: Any) -> None:
    """``batch`` and ``aggregate`` live with the batch code; absent if it is."""
    try:
        from gtextract.batch.cli import register
    except ImportError:
        return
    register(subparsers)


def build_parser() -> argparse.ArgumentParser:
    import gtextract

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="German motorsport race reports in, structured records out.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {gtextract.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="extract the records of one report")
    p.add_argument("file", metavar="FILE", help="report file (.txt, .md, .html) or - for stdin")
    p.add_argument("--json", action="store_true", help="print the RaceReport as JSON")
    p.add_argument(
        "--with-text",
        action="store_true",
        help='print {"text": prepared text, "report": RaceReport} as JSON: the evidence '
        "offsets slice that text",
    )
    p.add_argument("--html", metavar="OUT", help="write a displaCy page of the labelled spans")
    p.add_argument(
        "--published",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date (resolves relative dates such as 'am Sonntag')",
    )
    _add_model(p)
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("schema", help="print the JSON schema of RaceReport")
    p.set_defaults(func=_cmd_schema)

    p = sub.add_parser("info", help="versions, base model, pipeline and gazetteer sizes")
    p.add_argument("--json", action="store_true", help="print as JSON")
    _add_model(p)
    p.set_defaults(func=_cmd_info)

    p = sub.add_parser(
        "eval",
        help="score the extractor on gold records (dev set, silver gold, seen/untouched folds)",
        description=(
            "GOLD_DIR: one table for texts with gold beside them (NNN.txt + NNN.json). "
            "--all: dev and silver gold, F1 per field for dev/silver x seen/untouched and "
            "per genre. --agreement: blind re-annotations scored against dev gold. "
            "Untouched-fold texts give aggregate scores only: rules are written against "
            "the seen fold (--fold seen), and per-article details of untouched texts "
            "need --show-untouched."
        ),
    )
    p.add_argument(
        "gold_dir",
        nargs="?",
        metavar="GOLD_DIR",
        help="texts with their gold records (default with --all/--agreement: ../shared/dev)",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="split report on dev + silver gold with the default paths",
    )
    p.add_argument(
        "--silver",
        metavar="DIR",
        help="silver gold cNNN.json (default eval/silver); gives the split report",
    )
    p.add_argument(
        "--corpus", metavar="DIR", help="texts of the silver gold (default ../shared/corpus)"
    )
    p.add_argument("--folds", metavar="TSV", help="folds by text (default eval/folds.tsv)")
    p.add_argument(
        "--fold", choices=("seen", "untouched"), help="score only the texts of this fold"
    )
    p.add_argument(
        "--agreement",
        action="store_true",
        help="score blind re-annotations (--blind) against the dev gold",
    )
    p.add_argument(
        "--blind", metavar="DIR", help="blind re-annotations NNN.json (default eval/silver_blind)"
    )
    p.add_argument("--json", action="store_true", help="print the full evaluation as JSON")
    p.add_argument(
        "--details",
        action="store_true",
        help="per article and field: missed gold items and spurious predictions (seen fold)",
    )
    p.add_argument(
        "--show-untouched",
        action="store_true",
        help="also show per-article details of untouched-fold texts (not while writing rules)",
    )
    p.add_argument(
        "--only",
        action="append",
        metavar="IDS",
        help="evaluate only these articles (comma-separated, repeatable)",
    )
    _add_model(p)
    p.set_defaults(func=_cmd_eval)

    _register_plugins(sub)
    return parser


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(func(args) or EXIT_OK)
    except InputError as exc:
        _error(str(exc))
        return EXIT_INPUT
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        _error(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc))
        return EXIT_USAGE
    except GtextractError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:
        # `gtextract extract x --json | head`: the reader left, nothing to report
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
