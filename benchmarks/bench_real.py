"""Speed of gtextract on real German reports: per component, end to end, cold start, RSS.

Reads the dev texts and the corpus beside the project (``../shared/dev/*.txt``,
``../shared/corpus/c*.txt``) by path; nothing of them is copied into the project.
The machine is shared, so every comparison is made inside one run: the kinds are
measured in alternating rounds and the medians reported, with the spread
(max/min of the rounds) as the noise figure.

    python benchmarks/bench_real.py                  # everything, table on stdout
    python benchmarks/bench_real.py --write          # ... and into docs/speed.md
    python benchmarks/bench_real.py --only startup   # one section: inproc|startup|batch
    python benchmarks/bench_real.py --baseline /tmp/main/src   # A/B against another tree

With ``--baseline SRC`` every measurement also runs on that source tree (a
checkout's ``src``, imported through ``PYTHONPATH`` with this environment), in
alternation with this tree, so both columns share the machine's load.

Sections:

- ``inproc``: words/s of the blank tokenizer, the base model alone, the full
  spaCy pipeline (``nlp.pipe``), ``Extractor.pipe`` and ``Extractor.__call__``,
  and the share of each pipeline component (each stage run over all docs,
  batch 64);
- ``startup``: ``gtextract extract`` on one report, cold (a new process each
  time), against the floor of the same Python importing spaCy and running a
  blank German pipeline on that text; also ``gtextract.load()`` alone;
- ``batch``: ``gtextract batch --jobs 1`` and ``--jobs 2`` end to end (start-up
  included) on an archive of the real texts repeated, with peak RSS per
  process at two archive sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
SHARED = PROJECT.parent / "shared"
DOC = PROJECT / "docs" / "speed.md"
BEGIN, END = "<!-- bench_real:begin -->", "<!-- bench_real:end -->"
BATCH = 64


def _cold_report() -> Path:
    """The dev report closest to 2,000 characters (the issue's measure)."""
    texts = sorted((SHARED / "dev").glob("*.txt")) or [SHARED / "dev" / "000.txt"]
    if len(texts) == 1:
        return texts[0]
    return min(texts, key=lambda p: abs(len(p.read_text(encoding="utf-8")) - 2000))


COLD_REPORT = _cold_report()
BASE_KINDS = ("blank tokenizer", "base model alone (nlp.pipe)")


def real_texts() -> list[str]:
    paths = sorted((SHARED / "dev").glob("*.txt")) + sorted((SHARED / "corpus").glob("c*.txt"))
    if not paths:
        raise SystemExit(f"no texts in {SHARED}/dev or {SHARED}/corpus")
    return [p.read_text(encoding="utf-8") for p in paths]


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def spread(values: list[float]) -> float:
    return round(max(values) / min(values), 2) if values and min(values) > 0 else 0.0


def env_for(src: str | None) -> dict[str, str]:
    """The environment of a child process that imports gtextract from ``src``."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    return env


def _median_rows(per_round: list[dict[str, float]]) -> dict[str, tuple[float, float]]:
    """kind -> (median seconds, spread) over the rounds."""
    kinds = per_round[0].keys()
    return {
        k: (statistics.median(r[k] for r in per_round), spread([r[k] for r in per_round]))
        for k in kinds
    }


# --------------------------------------------------------------------------- in-process


class InprocWorker:
    """A child process that loads everything once, then times one round per request."""

    def __init__(self, src: str | None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--inproc-worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env_for(src),
        )

    def ask(self) -> dict[str, Any]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write("round\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("in-process worker died")
        return dict(json.loads(line))

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait()


def inproc_worker() -> None:
    """Serve rounds on stdin/stdout: ``{"ready": words}``, then one timing dict per line."""
    import spacy

    import gtextract
    from gtextract.base_model import load_base

    extractor = gtextract.load()
    base, _ = load_base()
    blank = spacy.blank("de")
    texts = [extractor.prepare(t)[0] for t in real_texts()]
    nlp = extractor.nlp

    def run_blank() -> None:
        for _ in blank.pipe(texts, batch_size=BATCH):
            pass

    def run_base() -> None:
        for _ in base.pipe(texts, batch_size=BATCH):
            pass

    def run_nlp() -> None:
        for _ in nlp.pipe((extractor._new_doc(t, None) for t in texts), batch_size=BATCH):
            pass

    def run_pipe() -> None:
        for _ in extractor.pipe(texts, batch_size=BATCH):
            pass

    def run_call() -> None:
        for t in texts:
            extractor(t)

    kinds: dict[str, Callable[[], None]] = {
        BASE_KINDS[0]: run_blank,
        BASE_KINDS[1]: run_base,
        "gtextract pipeline (nlp.pipe)": run_nlp,
        "Extractor.pipe (records)": run_pipe,
        "Extractor.__call__ (records)": run_call,
    }
    for run in kinds.values():  # warm-up: vocab, caches
        run()
    for _ in sys.stdin:
        seconds = {}
        for kind, run in kinds.items():
            started = time.perf_counter()
            run()
            seconds[kind] = time.perf_counter() - started
        out = {"texts": len(texts), "words": words(texts), "end_to_end": seconds}
        out["stages"] = stage_times(nlp, extractor, texts)
        print(json.dumps(out), flush=True)


def stage_times(nlp: Any, extractor: Any, texts: list[str]) -> dict[str, float]:
    """Seconds of each stage over all texts: tokenizer, every component, records."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    docs = [extractor._new_doc(t, None) for t in texts]
    times["tokenizer"] = time.perf_counter() - started
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=BATCH))
        else:
            docs = [proc(doc) for doc in docs]
        times[name] = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        extractor.report(doc)
    times["assemble (records)"] = time.perf_counter() - started
    return times


def inproc(variants: dict[str, str | None], rounds: int) -> dict[str, Any]:
    workers = {name: InprocWorker(src) for name, src in variants.items()}
    answers: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    try:
        for _ in range(rounds):  # alternate: A, B, A, B, ...
            for name, worker in workers.items():
                answers[name].append(worker.ask())
    finally:
        for worker in workers.values():
            worker.close()
    first = next(iter(answers.values()))[0]
    n_words = first["words"]
    result: dict[str, Any] = {"texts": first["texts"], "words": n_words, "rounds": rounds}
    for name, rows in answers.items():
        ends = _median_rows([r["end_to_end"] for r in rows])
        stages = _median_rows([r["stages"] for r in rows])
        total = sum(m for m, _ in stages.values())
        result[name] = {
            "end_to_end": {
                k: {"words_per_s": round(n_words / m), "spread": sp} for k, (m, sp) in ends.items()
            },
            "components": {
                k: {"share": round(m / total, 3), "words_per_s": round(n_words / m), "spread": sp}
                for k, (m, sp) in stages.items()
            },
        }
    return result


# --------------------------------------------------------------------------- cold start

FLOOR = (
    "import sys, spacy; nlp = spacy.blank('de'); "
    "print(len(nlp(open(sys.argv[1], encoding='utf-8').read())))"
)
LOAD = (
    "import time; t = time.perf_counter(); import gtextract; gtextract.load(); "
    "print(time.perf_counter() - t)"
)
FLOOR_KIND = "blank spaCy floor: python, import spacy, blank de, one text"


def _gtextract_cli() -> list[str]:
    script = Path(sys.executable).with_name("gtextract")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gtextract"]


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{cmd}: {done.stderr[-2000:]}")
    return seconds, done.stdout


def startup(variants: dict[str, str | None], rounds: int) -> dict[str, Any]:
    cli = _gtextract_cli() + ["extract", str(COLD_REPORT), "--json"]
    floor_cmd = [sys.executable, "-c", FLOOR, str(COLD_REPORT)]
    for src in variants.values():
        _timed(cli, env_for(src))  # page cache warm, as for a user
    floor: list[float] = []
    cold: dict[str, list[float]] = {name: [] for name in variants}
    load: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        floor.append(_timed(floor_cmd)[0])
        for name, src in variants.items():
            cold[name].append(_timed(cli, env_for(src))[0])
        for name, src in variants.items():
            load[name].append(float(_timed([sys.executable, "-c", LOAD], env_for(src))[1]))
    floor_s = statistics.median(floor)
    result: dict[str, Any] = {
        "report": COLD_REPORT.name,
        "chars": len(COLD_REPORT.read_text(encoding="utf-8")),
        "rounds": rounds,
        "floor": {"seconds": round(floor_s, 2), "spread": spread(floor)},
    }
    for name in variants:
        cli_s = statistics.median(cold[name])
        result[name] = {
            "cli": {"seconds": round(cli_s, 2), "spread": spread(cold[name])},
            "load": {
                "seconds": round(statistics.median(load[name]), 2),
                "spread": spread(load[name]),
            },
            "cli_vs_floor": round(cli_s / floor_s, 2),
        }
    return result


# --------------------------------------------------------------------------- batch


def _archive(path: Path, texts: list[str], copies: int) -> None:
    # A copy number at the end keeps copies distinct: batch skips duplicate texts.
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for i, text in enumerate(texts):
                out.write(json.dumps({"id": f"{copy}-{i}", "text": f"{text}\n\n({copy})"}) + "\n")


def _batch_child(archive: str, jobs: int) -> None:
    """One batch run in its own process, so peak RSS belongs to it alone."""
    from gtextract.batch import BatchOptions, run_batch

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        summary = run_batch(
            [archive], Path(tmp) / "out.jsonl", BatchOptions(jobs=jobs, progress=False)
        )
    seconds = time.perf_counter() - started
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(json.dumps({"seconds": seconds, "extracted": summary.extracted, "peak_kb": peak}))


def batch(variants: dict[str, str | None], copies: int, small_copies: int) -> dict[str, Any]:
    texts = real_texts()
    result: dict[str, Any] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as tmp:
        for n_copies, jobs in ((copies, 1), (copies, 2), (small_copies, 1)):
            archive = Path(tmp) / f"archive{n_copies}.jsonl"
            if not archive.exists():
                _archive(archive, texts, n_copies)
            n_words = words(texts) * n_copies
            for name, src in variants.items():  # alternate
                cmd = [sys.executable, __file__, "--batch-child", str(archive), str(jobs)]
                out = json.loads(_timed(cmd, env_for(src))[1].strip().splitlines()[-1])
                result[name].append(
                    {
                        "jobs": jobs,
                        "articles": out["extracted"],
                        "words": n_words,
                        "seconds": round(out["seconds"], 1),
                        "words_per_s": round(n_words / out["seconds"]),
                        "peak_rss_mb": round(out["peak_kb"] / 1024),
                    }
                )
    return result


# --------------------------------------------------------------------------- report


def markdown(result: dict[str, Any], names: list[str]) -> str:
    cols = " | ".join(names)
    bar = "|".join(["---:"] * len(names))
    lines = [
        f"Measured {result['date']}, {result['cpus']} cores, load average "
        f"{result['load_before']} before / {result['load_after']} after (other developers' "
        "work shares the machine). Spread = slowest / fastest round"
        + (f"; columns {', '.join(names)} measured in alternation." if len(names) > 1 else "."),
        "",
    ]

    def cell(entry: dict[str, Any], value: str) -> str:
        return f"{entry[value]:,} ({entry['spread']})"

    if "inproc" in result:
        r = result["inproc"]
        lines += [
            f"In-process, {r['texts']} real texts, {r['words']:,} words, batch {BATCH}, "
            f"median of {r['rounds']} rounds; words/s (spread):",
            "",
            f"| end to end | {cols} |",
            f"|---|{bar}|",
        ]
        for kind in r[names[0]]["end_to_end"]:
            row = [cell(r[n]["end_to_end"][kind], "words_per_s") for n in names]
            lines.append(f"| {kind} | {' | '.join(row)} |")
        lines += [
            "",
            f"| stage: share of the pipeline, words/s (spread) | {cols} |",
            f"|---|{bar}|",
        ]
        stages = list(r[names[0]]["components"])
        for n in names[1:]:
            stages += [k for k in r[n]["components"] if k not in stages]
        for stage in stages:
            row = []
            for n in names:
                c = r[n]["components"].get(stage)
                row.append(f"{c['share']:.1%}, {c['words_per_s']:,} ({c['spread']})" if c else "-")
            lines.append(f"| {stage} | {' | '.join(row)} |")
        lines.append("")
    if "startup" in result:
        r = result["startup"]
        lines += [
            f"Cold start, one report ({r['report']}, {r['chars']:,} characters), median of "
            f"{r['rounds']} runs; seconds (spread):",
            "",
            f"| command | {cols} |",
            f"|---|{bar}|",
            f"| {FLOOR_KIND} | {cell(r['floor'], 'seconds')} |" + " |" * (len(names) - 1),
            "| `gtextract extract --json` | "
            + " | ".join(cell(r[n]["cli"], "seconds") for n in names)
            + " |",
            "| `gtextract extract` / floor (target ≤ 1.6) | "
            + " | ".join(f"**{r[n]['cli_vs_floor']}**" for n in names)
            + " |",
            "| `import gtextract; gtextract.load()` | "
            + " | ".join(cell(r[n]["load"], "seconds") for n in names)
            + " |",
            "",
        ]
    if "batch" in result:
        r = result["batch"]
        lines += [
            "`gtextract batch` end to end (start-up included), the real texts repeated:",
            "",
            "| tree | jobs | articles | words | seconds | words/s | peak RSS MB per process |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for n in names:
            lines += [
                f"| {n} | {b['jobs']} | {b['articles']:,} | {b['words']:,} | {b['seconds']} "
                f"| {b['words_per_s']:,} | {b['peak_rss_mb']} |"
                for b in r[n]
            ]
            one, two = r[n][0], r[n][1]
            lines.append(
                f"| {n}: --jobs 2 / --jobs 1 | | | | | "
                f"**{two['words_per_s'] / one['words_per_s']:.2f}×** | |"
            )
        lines.append("")
    return "\n".join(lines)


def write_doc(table: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Speed\n\n{BEGIN}\n{END}\n"
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    DOC.write_text(pattern.sub(lambda _: f"{BEGIN}\n{table}\n{END}", text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", nargs="+", choices=("inproc", "startup", "batch"))
    parser.add_argument("--baseline", metavar="SRC", help="also measure this source tree")
    parser.add_argument("--names", nargs=2, default=["before", "after"], metavar=("BASE", "THIS"))
    parser.add_argument("--copies", type=int, default=5, help="archive = real texts x N")
    parser.add_argument("--small-copies", type=int, default=1, help="smaller archive (RSS)")
    parser.add_argument("--write", action="store_true", help=f"write the table into {DOC}")
    parser.add_argument("--json", type=Path, help="write all figures here")
    parser.add_argument("--batch-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--inproc-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.batch_child:
        _batch_child(args.batch_child[0], int(args.batch_child[1]))
        return
    if args.inproc_worker:
        inproc_worker()
        return
    variants: dict[str, str | None] = (
        {args.names[0]: args.baseline, args.names[1]: None} if args.baseline else {"this": None}
    )
    sections = args.only or ["inproc", "startup", "batch"]
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(),
        "load_before": [round(x, 1) for x in os.getloadavg()],
    }
    if "inproc" in sections:
        result["inproc"] = inproc(variants, args.rounds)
    if "startup" in sections:
        result["startup"] = startup(variants, args.rounds)
    if "batch" in sections:
        result["batch"] = batch(variants, args.copies, args.small_copies)
    result["load_after"] = [round(x, 1) for x in os.getloadavg()]
    table = markdown(result, list(variants))
    print(table)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.write:
        write_doc(table)


if __name__ == "__main__":
    main()
