"""A run killed with SIGKILL half-way leaves a valid output that --resume completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_archives import write_jsonl
from batch_texts import REPORTS

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"

SCRIPT = """
import sys, time
sys.path[:0] = [{here!r}, {src!r}]
from batch_stub import StubExtractor
from gtextract.batch import BatchOptions, run_batch

class Slow(StubExtractor):
    def __call__(self, text, **kw):
        time.sleep({delay})  # slow enough to be killed in the middle of the run
        return super().__call__(text, **kw)

opts = BatchOptions(jobs=1, progress=False, chunk_size=2, resume={resume})
run_batch([{inp!r}], {out!r}, opts, extractor=Slow())
"""


def run(inp: Path, out: Path, *, resume: bool, delay: float) -> subprocess.Popen[bytes]:
    code = SCRIPT.format(
        here=str(HERE), src=str(SRC), inp=str(inp), out=str(out), resume=resume, delay=delay
    )
    return subprocess.Popen([sys.executable, "-c", code])


def test_sigkill_then_resume(tmp_path: Path) -> None:
    inp = write_jsonl(
        tmp_path / "export.jsonl",
        [{"id": f"k{i:02d}", "text": REPORTS[i % len(REPORTS)]} for i in range(40)],
    )
    full = tmp_path / "full.jsonl"
    assert run(inp, full, resume=False, delay=0).wait(timeout=120) == 0

    out = tmp_path / "out.jsonl"
    proc = run(inp, out, resume=False, delay=0.05)
    # Wait (without a time budget assertion) until some chunks are on disk, then kill.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 4:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = out.read_bytes()
    done_before = partial.count(b"\n")
    assert 4 <= done_before < 40
    # Simulate the worst case too: the kill tore the last line.
    out.write_bytes(partial + b'{"article_id": "k9')

    assert run(inp, out, resume=True, delay=0).wait(timeout=120) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article_id"] for line in lines] == [f"k{i:02d}" for i in range(40)]
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
