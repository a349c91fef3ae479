"""Throughput and memory of gtextract on a synthetic archive.

Measures articles/s, words/s and peak RSS for

- ``tokenizer``: spaCy's bare German tokenizer (the floor),
- ``base``: the German base pipeline alone (``nlp.pipe``),
- ``full``: the full gtextract pipeline (``extractor.pipe`` + JSON records),
- ``batch``: ``gtextract batch`` end to end (reading, workers, JSONL writing,
  including worker start-up and pipeline loading),

each with 1 and 2 processes. Every measurement runs in a fresh Python process
so peak RSS belongs to that measurement alone; pipelines are loaded before
the clock starts (except for ``batch``, which is timed as a user sees it).
Memory flatness: ``full`` is also run on ``--memory-at`` articles and its
peak RSS compared with the full-size run.

    python benchmarks/bench_pipeline.py --articles 5000
    python benchmarks/bench_pipeline.py --articles 500 --kinds base full   # quick look

The synthetic reports come from ``benchmarks/synthetic_archive.py``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic_archive import write_archive  # noqa: E402

KINDS = ("tokenizer", "base", "full", "batch")
CHUNK = 64

_WORK: Callable[[list[str]], int] | None = None


def _make_work(kind: str, model: str | None) -> Callable[[list[str]], int]:
    """A function processing a list of texts with the given pipeline; returns a checksum."""
    if kind == "tokenizer":
        import spacy

        nlp = spacy.blank("de")

        def tokenize(texts: list[str]) -> int:
            with nlp.memory_zone():
                return sum(len(doc) for doc in nlp.pipe(texts))

        return tokenize
    if kind == "base":
        from gtextract.base_model import load_base

        base, _ = load_base(model)

        def run_base(texts: list[str]) -> int:
            with base.memory_zone():
                return sum(len(doc.ents) for doc in base.pipe(texts, batch_size=CHUNK))

        return run_base
    if kind == "full":
        import gtextract

        extractor = gtextract.load(model)

        def run_full(texts: list[str]) -> int:
            with extractor.nlp.memory_zone():
                return sum(
                    len(report.model_dump_json())
                    for report in extractor.pipe(texts, batch_size=CHUNK)
                )

        return run_full
    raise ValueError(kind)


def _init(kind: str, model: str | None) -> None:
    global _WORK
    _WORK = _make_work(kind, model)


def _work(texts: list[str]) -> tuple[int, float]:
    """Run a chunk in a worker; also return the CPU seconds it took there."""
    assert _WORK is not None
    cpu = time.process_time()
    checksum = _WORK(texts)
    return checksum, time.process_time() - cpu


def _nap(seconds: float) -> int:
    time.sleep(seconds)
    return 0


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_parallelism(processes: int = 2, rounds: int = 4, n: int = 5_000_000) -> float:
    """Speed-up of a trivial CPU loop with ``processes`` processes: what the machine allows.

    On an idle 2-core machine this is close to 2; far below means other work
    holds the cores, and no pipeline can scale better than this.
    """
    started = time.perf_counter()
    for _ in range(rounds):
        _spin(n)
    one = time.perf_counter() - started
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(_spin, [10] * processes))
        started = time.perf_counter()
        list(pool.map(_spin, [n] * rounds))
        many = time.perf_counter() - started
    return round(one / many, 2)


def _texts(archive: Path, n: int) -> Iterator[str]:
    with open(archive, encoding="utf-8") as handle:
        for line in itertools.islice(handle, n):
            yield json.loads(line)["text"]


def _chunks(texts: Iterator[str]) -> Iterator[list[str]]:
    while chunk := list(itertools.islice(texts, CHUNK)):
        yield chunk


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def child(kind: str, processes: int, n: int, archive: Path, model: str | None) -> dict[str, Any]:
    """One measurement (runs in its own process)."""
    words = sum(len(t.split()) for t in _texts(archive, n))
    if kind == "batch":
        from gtextract.batch import BatchOptions, run_batch

        with tempfile.TemporaryDirectory() as tmp:
            subset = Path(tmp) / "archive.jsonl"
            with (
                open(archive, encoding="utf-8") as src,
                open(subset, "w", encoding="utf-8") as dst,
            ):
                dst.writelines(itertools.islice(src, n))
            started = time.perf_counter()
            cpu_self = time.process_time()
            summary = run_batch(
                [subset],
                Path(tmp) / "out.jsonl",
                BatchOptions(jobs=processes, model=model, progress=False, chunk_size=CHUNK),
            )
            seconds = time.perf_counter() - started
            checksum = summary.extracted
            # Worker CPU (pipeline loading included) is known once the pool is gone.
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_seconds = time.process_time() - cpu_self + usage.ru_utime + usage.ru_stime
    elif processes == 1:
        work = _make_work(kind, model)
        work(["Warmlaufen: Der Fahrer gewann das Rennen auf dem Sachsenring."])
        started, cpu = time.perf_counter(), time.process_time()
        checksum = sum(work(chunk) for chunk in _chunks(_texts(archive, n)))
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    else:
        import multiprocessing

        with ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init,
            initargs=(kind, model),
        ) as pool:
            # Every worker loaded and idle before the clock starts.
            list(pool.map(_nap, [0.5] * (processes * 2)))
            started, cpu = time.perf_counter(), time.process_time()
            results = list(pool.map(_work, _chunks(_texts(archive, n)), chunksize=1))
            seconds = time.perf_counter() - started
            checksum = sum(r[0] for r in results)
            # Workers' CPU for the chunks plus the feeding process's own CPU.
            cpu_seconds = sum(r[1] for r in results) + time.process_time() - cpu
    return {
        "kind": kind,
        "processes": processes,
        "articles": n,
        "words": words,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 1),
        "words_per_s": round(words / seconds),
        "cpu_seconds": round(cpu_seconds, 2),
        "articles_per_cpu_s": round(n / cpu_seconds, 1) if cpu_seconds else None,
        "peak_rss_mb": round(_peak_mb(resource.RUSAGE_SELF), 1),
        "peak_rss_workers_mb": round(_peak_mb(resource.RUSAGE_CHILDREN), 1),
        "checksum": checksum,
    }


def measure(kind: str, processes: int, n: int, archive: Path, model: str | None) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        kind,
        str(processes),
        str(n),
        str(archive),
    ]
    if model:
        cmd += ["--model", model]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind}/{processes}: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def summarize(rows: list[dict[str, Any]], n: int, memory_at: int) -> dict[str, Any]:
    def get(kind: str, procs: int, articles: int = n) -> dict[str, Any] | None:
        return next(
            (
                r
                for r in rows
                if r["kind"] == kind and r["processes"] == procs and r["articles"] == articles
            ),
            None,
        )

    full1, base1, full2 = get("full", 1), get("base", 1), get("full", 2)
    small, large = get("full", 1, memory_at), full1
    return {
        "gtextract_overhead_vs_base": (
            round(full1["seconds"] / base1["seconds"] - 1, 3) if full1 and base1 else None
        ),
        # CPU time is far less disturbed by other work on a shared machine.
        "gtextract_overhead_vs_base_cpu": (
            round(full1["cpu_seconds"] / base1["cpu_seconds"] - 1, 3) if full1 and base1 else None
        ),
        "cpu_per_article_2_vs_1_full": _ratio(
            (full1 or {}).get("articles_per_cpu_s"),
            (full2 or {}).get("articles_per_cpu_s"),
        ),
        "speedup_2_vs_1_full": _ratio(
            full2["articles_per_s"] if full2 else None,
            full1["articles_per_s"] if full1 else None,
        ),
        "speedup_2_vs_1_base": _ratio(
            (get("base", 2) or {}).get("articles_per_s"),
            (base1 or {}).get("articles_per_s"),
        ),
        "speedup_2_vs_1_batch": _ratio(
            (get("batch", 2) or {}).get("articles_per_s"),
            (get("batch", 1) or {}).get("articles_per_s"),
        ),
        "peak_rss_full_1proc_mb": {
            str(memory_at): small["peak_rss_mb"] if small else None,
            str(n): large["peak_rss_mb"] if large else None,
        },
    }


def markdown(rows: list[dict[str, Any]]) -> str:
    head = (
        "| pipeline | processes | articles | articles/s | words/s | articles/CPU-s "
        "| peak RSS MB (main / workers) |"
    )
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        workers = (
            f" / {r['peak_rss_workers_mb']:.0f}"
            if r["processes"] > 1 or r["kind"] == "batch"
            else ""
        )
        lines.append(
            f"| {r['kind']} | {r['processes']} | {r['articles']:,} | {r['articles_per_s']:,.1f} "
            f"| {r['words_per_s']:,} | {r.get('articles_per_cpu_s') or 0:,.1f} "
            f"| {r['peak_rss_mb']:.0f}{workers} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument(
        "--memory-at", type=int, default=1000, help="smaller size for the RSS check"
    )
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--model", default=None, help="base pipeline (default: gtextract's choice)")
    parser.add_argument("--archive", type=Path, help="use this JSONL archive instead of generating")
    parser.add_argument("--json", type=Path, help="write all figures here")
    parser.add_argument(
        "--child",
        nargs=4,
        metavar=("KIND", "PROCS", "N", "ARCHIVE"),
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()

    if args.child:
        kind, procs, n, archive = args.child
        print(json.dumps(child(kind, int(procs), int(n), Path(archive), args.model)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive or write_archive(Path(tmp) / "archive.jsonl", args.articles)
        load_before = os.getloadavg()
        spin_before = machine_parallelism()
        started = time.perf_counter()
        rows: list[dict[str, Any]] = []
        plan = [(k, p, args.articles) for k in args.kinds for p in args.processes]
        if "full" in args.kinds and args.memory_at < args.articles:
            plan.append(("full", 1, args.memory_at))
        for kind, procs, n in plan:
            row = measure(kind, procs, n, archive, args.model)
            rows.append(row)
            print(
                f"{kind:9} x{procs}  {n:6,} articles  {row['articles_per_s']:8.1f} articles/s  "
                f"{row['words_per_s']:9,} words/s  peak {row['peak_rss_mb']:.0f} MB",
                file=sys.stderr,
                flush=True,
            )
        result = {
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "machine_speedup_2_vs_1": [spin_before, machine_parallelism()],
            "wall_seconds": round(time.perf_counter() - started, 1),
            "rows": rows,
            "summary": summarize(rows, args.articles, args.memory_at),
        }
    print(markdown(rows))
    print(json.dumps(result["summary"], indent=1))
    print(
        f"cpus {result['cpus']}, load average before {result['load_average_before']}, "
        f"after {result['load_average_after']}; a trivial CPU loop ran "
        f"{result['machine_speedup_2_vs_1'][0]}x / {result['machine_speedup_2_vs_1'][1]}x "
        "faster with 2 processes before / after (2.0 = both cores free)"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
