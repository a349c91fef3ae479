"""CPU seconds of single rule components on the real reports, two trees in alternation.

Reads ``../shared/dev/*.txt`` and ``../shared/corpus/c*.txt`` by path, like
``bench_real.py`` (nothing is copied). Each tree gets a worker process that runs
the pipeline once and keeps a copy of every Doc as it enters each measured
component (and the finished Docs for ``assemble``); a round then times only that
component over fresh copies of those Docs. CPU time of the worker
(``time.process_time``), not wall time: on the shared 2-core machine wall times
of one round swung 3x, CPU times about 1.2x.

    python benchmarks/bench_components.py --baseline /tmp/main/src --rounds 5
    python benchmarks/bench_components.py --baseline /tmp/main/src gtx_results
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_real import real_texts, words  # noqa: E402

TARGETS = ("gtx_teams", "gtx_people", "gtx_results", "gtx_events", "assemble")


def _prepare() -> tuple[int, dict[str, list[Any]], dict[str, Any]]:
    import gtextract

    extractor = gtextract.load()
    texts = [extractor.prepare(t)[0] for t in real_texts()]
    docs = [extractor._new_doc(t, None) for t in texts]
    before: dict[str, list[Any]] = {}
    for name, proc in extractor.nlp.pipeline:
        if name in TARGETS:
            before[name] = [d.copy() for d in docs]
        docs = [proc(d) for d in docs]
    before["assemble"] = [d.copy() for d in docs]
    procs: dict[str, Any] = dict(extractor.nlp.pipeline)
    procs["assemble"] = extractor.report
    return words(texts), before, procs


def _seconds(name: str, before: dict[str, list[Any]], procs: dict[str, Any]) -> float:
    docs = [d.copy() for d in before[name]]
    proc = procs[name]
    started = time.process_time()
    for doc in docs:
        proc(doc)
    return time.process_time() - started


def worker() -> None:
    """Answer component names on stdin with their CPU seconds, one JSON line each."""
    n_words, before, procs = _prepare()
    for name in TARGETS:  # warm-up: caches, lazy imports
        _seconds(name, before, procs)
    print(json.dumps({"words": n_words}), flush=True)
    for line in sys.stdin:
        name = line.strip()
        print(json.dumps({"seconds": _seconds(name, before, procs)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("components", nargs="*", help=f"some of {', '.join(TARGETS)} (all)")
    parser.add_argument("--baseline", metavar="SRC", required=True, help="the tree to compare")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker()
        return
    args.components = args.components or list(TARGETS)
    if unknown := set(args.components) - set(TARGETS):
        parser.error(f"not measured: {', '.join(sorted(unknown))}")
    trees = {"before": args.baseline, "after": str(Path(__file__).resolve().parents[1] / "src")}
    procs = {
        name: subprocess.Popen(
            [sys.executable, __file__, "--worker", "--baseline", src],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=src),
        )
        for name, src in trees.items()
    }
    n_words = 0
    for proc in procs.values():
        assert proc.stdin is not None and proc.stdout is not None
        n_words = json.loads(proc.stdout.readline())["words"]
    seconds: dict[str, dict[str, list[float]]] = {
        tree: {c: [] for c in args.components} for tree in trees
    }
    for _ in range(args.rounds):
        for component in args.components:
            for tree, proc in procs.items():  # alternate: before, after, before, ...
                proc.stdin.write(component + "\n")
                proc.stdin.flush()
                answer = json.loads(proc.stdout.readline())
                seconds[tree][component].append(answer["seconds"])
    for proc in procs.values():
        proc.stdin.close()
        proc.wait()
    print(f"{n_words:,} words, {args.rounds} rounds, load {os.getloadavg()[0]:.1f}; CPU s:")
    print("| component | before s | after s | before words/s | after words/s | speed-up |")
    print("|---|---:|---:|---:|---:|---:|")
    for component in args.components:
        b = statistics.median(seconds["before"][component])
        a = statistics.median(seconds["after"][component])
        print(
            f"| {component} | {b:.3f} | {a:.3f} | {n_words / b:,.0f} | {n_words / a:,.0f} "
            f"| {b / a:.2f}x |"
        )


if __name__ == "__main__":
    main()
