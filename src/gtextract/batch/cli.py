"""``gtextract batch`` and ``gtextract aggregate`` (registered by the main CLI).

Exit codes of ``batch``: 0 when the run finished (failed articles are listed
in the errors file), 1 with ``--strict`` when any article failed and when the
run had to stop (a worker died, the installation lacks a module), 2 when the
run could not start (missing input or output directory, bad option), 130
when interrupted. ``aggregate`` exits 3 for a file that is no batch output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["main", "register"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERRUPTED = 130


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return number


def register(subparsers: Any) -> None:
    """Add the ``batch`` and ``aggregate`` subcommands to the main CLI."""
    p = subparsers.add_parser(
        "batch",
        help="extract a whole archive (folders, JSONL, ZIP, tar, WARC) into JSONL",
        description=(
            "Extract every article of the inputs into one JSONL file. Articles that fail "
            "go to OUT.errors.jsonl with a reason; see docs/batch.md."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, file or archive")
    p.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="output JSONL")
    p.add_argument("--tables", metavar="DIR", help="also write analyst tables (Parquet) here")
    p.add_argument("--csv", action="store_true", help="write the --tables as CSV too")
    p.add_argument(
        "--jobs", "-j", type=_positive, default=None, help="worker processes (default: all cores)"
    )
    p.add_argument(
        "--chunk-size", type=_positive, default=32, help="articles per task (default: 32)"
    )
    p.add_argument("--resume", action="store_true", help="skip articles already in the output")
    p.add_argument(
        "--retry-errors",
        action="store_true",
        help="with --resume: process the articles of the errors file again",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 when any article failed")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler (tcp://host:8786); default: a local cluster of --jobs workers",
    )
    p.add_argument(
        "--partitions",
        action="store_true",
        help="with --engine dask: OUT is a directory; workers write part-NNNNNN.jsonl files there",
    )
    p.add_argument(
        "--partition-size",
        type=_positive,
        default=1000,
        help="articles per partition file (default: 1000)",
    )
    p.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="ROLE=KEY",
        help="JSONL field names, e.g. --field text=body --field id=guid "
        "(roles: id, text, html, url, published, title)",
    )
    p.add_argument(
        "--max-chars",
        type=_positive,
        default=None,
        help="longest article text accepted (default: 200,000 characters; see docs/limits.md)",
    )
    p.add_argument(
        "--time-limit",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="time one article may take before it is filed as time_limit "
        "(default: 120; 0: no limit)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: on a terminal, off in CI and pipes)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.add_argument("--model", default=None, metavar="NAME|PATH|blank", help="spaCy base pipeline")
    p.set_defaults(func=run_batch_command)

    p = subparsers.add_parser(
        "aggregate",
        help="canonical drivers, teams and cars across a batch output",
        description="Merge name variants across articles; list the articles and results of each.",
    )
    p.add_argument("outputs", nargs="+", metavar="OUT.jsonl", help="batch output file(s)")
    p.add_argument("-o", "--output", metavar="FILE.json", help="write the full view as JSON here")
    p.add_argument("--tables", metavar="DIR", help="also write the view as Parquet tables here")
    p.add_argument("--csv", action="store_true", help="write the --tables as CSV too")
    p.add_argument("--top", type=int, default=15, help="drivers to list in the summary")
    p.add_argument("--json", action="store_true", help="print the full view as JSON on stdout")
    p.set_defaults(func=run_aggregate_command)


def run_batch_command(args: argparse.Namespace) -> int:
    from gtextract.batch.options import TIME_LIMIT, BatchError, BatchOptions
    from gtextract.batch.runner import run_batch
    from gtextract.batch.sources import FieldNames
    from gtextract.text_input import MAX_CHARS

    try:
        fields = FieldNames.parse(args.field)
    except ValueError as exc:
        _error(str(exc))
        return EXIT_USAGE
    if args.retry_errors and not args.resume:
        _error("--retry-errors only makes sense with --resume")
        return EXIT_USAGE
    if (args.scheduler or args.partitions) and args.engine != "dask":
        _error("--scheduler and --partitions need --engine dask")
        return EXIT_USAGE
    options = BatchOptions(
        model=args.model,
        jobs=args.jobs,
        chunk_size=args.chunk_size,
        resume=args.resume,
        retry_errors=args.retry_errors,
        max_chars=args.max_chars or MAX_CHARS,
        time_limit=TIME_LIMIT if args.time_limit is None else args.time_limit or None,
        fields=fields,
        progress=args.progress,
        engine=args.engine,
        scheduler=args.scheduler,
        partition_size=args.partition_size,
    )
    try:
        if args.partitions:
            from gtextract.batch.dask_engine import run_partitioned

            summary = run_partitioned(args.inputs, args.output, options)
        else:
            summary = run_batch(args.inputs, args.output, options)
    except FileNotFoundError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except BatchError as exc:
        _error(str(exc))
        return EXIT_FAILED
    except OSError as exc:  # spaCy reports a model it cannot find as OSError
        _error(f"cannot run: {exc}")
        return EXIT_USAGE
    print(summary.as_text(), file=sys.stderr)
    if args.tables and not summary.interrupted:
        from gtextract.batch.dask_engine import partition_files
        from gtextract.batch.tables import build_tables

        sources = partition_files(summary.output) if args.partitions else [summary.output]
        counts = build_tables(sources, args.tables, csv=args.csv)
        rows = ", ".join(f"{name} {n:,}" for name, n in counts.items() if n)
        print(f"tables in {args.tables}: {rows or 'no rows'}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    if summary.interrupted:
        return EXIT_INTERRUPTED
    if args.strict and summary.failed:
        return EXIT_FAILED
    return EXIT_OK


def run_aggregate_command(args: argparse.Namespace) -> int:
    from gtextract.batch.aggregate import aggregate
    from gtextract.batch.outputs import LineCounts
    from gtextract.errors import InputError

    counts: list[LineCounts] = []
    try:
        view = aggregate(args.outputs, counts=counts)
    except (FileNotFoundError, IsADirectoryError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except InputError as exc:
        _error(str(exc))
        return EXIT_INPUT
    for found in counts:
        if found.skipped:
            print(
                f"gtextract: note: {found.path}: skipped {found.skipped:,} lines that are not "
                f"reports ({found.errors:,} error lines, {found.other:,} others)",
                file=sys.stderr,
            )
    text = json.dumps(view, ensure_ascii=False, indent=1)
    if args.tables:
        from gtextract.batch.aggregate import write_aggregate_tables

        write_aggregate_tables(view, args.tables, csv=args.csv)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    if args.json:
        print(text)
        return EXIT_OK
    _print_overview(view, args.top)
    return EXIT_OK


def _print_overview(view: dict[str, Any], top: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False)
    drivers = view["drivers"]
    console.print(
        f"{view['articles']:,} articles: {len(drivers):,} drivers "
        f"({sum(1 for d in drivers if d.get('ambiguous')):,} ambiguous short names), "
        f"{len(view['teams']):,} teams, {len(view['cars']):,} cars"
    )
    table = Table("id", "driver", "articles", "results", "variants")
    for driver in sorted(drivers, key=lambda d: (-d["n_articles"], d["name"]))[:top]:
        variants = ", ".join(v for v in driver["variants"] if v != driver["name"])
        table.add_row(
            driver["id"],
            driver["name"] + (" (?)" if driver.get("ambiguous") else ""),
            str(driver["n_articles"]),
            str(len(driver["results"])),
            variants,
        )
    console.print(table)


def _error(message: str) -> None:
    print(f"gtextract: error: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """``python -m gtextract.batch``: the two subcommands without the main CLI."""
    parser = argparse.ArgumentParser(prog="python -m gtextract.batch")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))
