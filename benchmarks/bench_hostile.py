"""Time and memory on hostile input: long lines, endless streams, huge archive members.

Two measurements, each case in a fresh process so its peak RSS is its own:

- ``lines``: seconds and peak RSS of ``extractor(text)`` for one short report
  repeated on one line (25k, 50k, 100k, 200k characters), the same text with
  a line break after every report, and fixture reports joined into a long
  multi-line text. Linear time means: 4x the characters, about 4x the
  seconds. ``--src DIR`` runs another checkout's ``src`` (e.g. main's, for a
  before/after comparison).
- ``inputs``: peak RSS (``/usr/bin/time``) and outcome of the CLI on
  ``/dev/zero``, on an endless stdin, and of ``gtextract batch`` on a 1 GiB
  ZIP member, a 1 GiB tar member, a ``.jsonl.gz`` holding one 1 GiB line and
  a WARC record whose gzip-encoded body decodes to 1 GiB, and of a batch of
  eight articles just under the size limit (the largest a worker extracts).
  The archives are built in a temporary directory by streaming (a few MB on
  disk each).

    python benchmarks/bench_hostile.py lines
    python benchmarks/bench_hostile.py lines --src /tmp/main-src --sizes 25000 50000
    python benchmarks/bench_hostile.py inputs
    python benchmarks/bench_hostile.py markup [--src DIR]

``markup``: seconds of ``html_to_article`` and ``markdown_to_text`` on
hostile markup (thousands of unclosed ``<script>``, ``<!--``, ``<title>``,
``**``) at two sizes: linear means 4x the size, about 4x the seconds.

Figures of the last run are in docs/limits.md.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REPORT = (
    "Jonas Brenninger gewann im Audi R8 LMS auf dem Sachsenring mit 0,412 Sekunden Vorsprung "
    "vor Kelvin van der Linde, Dritter wurde Tim Kessler im BMW M4 GT3. "
)
GIB = 1 << 30


# --------------------------------------------------------------------------- lines


def _text(kind: str, size: int) -> str:
    if kind == "one_line":
        return (REPORT * (size // len(REPORT) + 1))[:size]
    if kind == "line_per_report":
        return ((REPORT.strip() + "\n") * (size // len(REPORT) + 1))[:size]
    reports = sorted((ROOT / "fixtures" / "reports").glob("*.txt"))
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in reports)
    return (corpus * (size // len(corpus) + 1))[:size]


def _one_text(kind: str, size: int, model: str | None) -> dict[str, Any]:
    """Child process: load, warm up, then time one text."""
    import gtextract

    extractor = gtextract.load(model)
    extractor(REPORT)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    text = _text(kind, size)
    started = time.perf_counter()
    report = extractor(text)
    seconds = time.perf_counter() - started
    return {
        "kind": kind,
        "chars": size,
        "seconds": round(seconds, 2),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "rss_after_load_mb": loaded,
        "drivers": len(report.drivers),
        "gaps": len(report.gaps),
    }


def run_lines(sizes: list[int], kinds: list[str], model: str | None, src: str | None) -> list[Any]:
    rows = []
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    for kind in kinds:
        for size in sizes:
            args = [sys.executable, __file__, "_text", kind, str(size), model or ""]
            out = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(
                f"{kind:16} {size:>8,} chars  {row['seconds']:7.2f} s  "
                f"peak {row['peak_rss_mb']:5} MB  (loaded {row['rss_after_load_mb']} MB)  "
                f"drivers {row['drivers']} gaps {row['gaps']}",
                flush=True,
            )
    return rows


# --------------------------------------------------------------------------- inputs


class _Zeros(io.RawIOBase):
    """``size`` bytes of ``fill``, produced on demand."""

    def __init__(self, size: int, fill: bytes = b"a") -> None:
        self.left = size
        self.fill = fill

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = self.fill * n
        self.left -= n
        return n


def _stream_into(write: Any, size: int, block: int = 1 << 20) -> None:
    chunk = b"a" * block
    while size > 0:
        write(chunk[: min(block, size)])
        size -= block


def build_archives(directory: Path, size: int = GIB) -> dict[str, Path]:
    zipped = directory / "gross.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("riesig.txt", "w", force_zip64=True) as member:
            _stream_into(member.write, size)
        archive.writestr("klein.txt", REPORT)
    tarred = directory / "gross.tar.gz"
    with tarfile.open(tarred, "w:gz", compresslevel=1) as archive:
        info = tarfile.TarInfo("riesig.txt")
        info.size = size
        archive.addfile(info, io.BufferedReader(_Zeros(size)))
        small = REPORT.encode()
        info = tarfile.TarInfo("klein.txt")
        info.size = len(small)
        archive.addfile(info, io.BytesIO(small))
    jsonl = directory / "gross.jsonl.gz"
    with gzip.open(jsonl, "wb", compresslevel=1) as out:
        out.write(b'{"id": "lang", "text": "')
        _stream_into(out.write, size)
        out.write(b'"}\n' + json.dumps({"id": "kurz", "text": REPORT}).encode() + b"\n")
    warc = directory / "gross.warc"
    _write_warc(warc, size)
    return {"zip": zipped, "tar": tarred, "jsonl.gz": jsonl, "warc": warc}


def build_largest(directory: Path, n: int = 8) -> Path:
    """``n`` multi-line German articles just under MAX_CHARS, as JSONL."""
    from gtextract.text_input import MAX_CHARS

    path = directory / "largest.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            text = _text("fixtures", MAX_CHARS - 1_000)
            out.write(json.dumps({"id": f"gross-{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _write_warc(path: Path, size: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = io.BytesIO()
    with gzip.GzipFile(fileobj=body, mode="wb", compresslevel=1) as packed:
        packed.write(b"<html><body><p>")
        _stream_into(packed.write, size)
        packed.write(b"</p></body></html>")
    body.seek(0)
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        protocol="HTTP/1.1",
    )
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/", "response", payload=body, http_headers=headers
            )
        )


def _timed(cmd: str, cwd: Path) -> tuple[int, int, float, str]:
    """Exit code, peak RSS (MB), seconds and stderr (or, for a batch, its summary)."""
    started = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", "bash", "-c", cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    lines = proc.stderr.strip().splitlines()
    said = [line for line in lines[:-1] if not line.startswith("Command exited")]
    if proc.stdout.strip():  # gtextract batch --json: the summary
        summary = json.loads(proc.stdout)
        counts = f"extracted {summary['extracted']}, failed {summary['failed']}"
        said = [f"{counts} {summary['reasons']}"]
    return proc.returncode, int(lines[-1]) // 1024, seconds, "\n".join(said)


def run_inputs(model: str | None) -> list[dict[str, Any]]:
    exe = str(Path(sys.executable).with_name("gtextract"))
    flag = f" --model {model}" if model else ""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        archives = build_archives(work)
        print(f"built 1 GiB archives in {time.perf_counter() - started:.0f} s", flush=True)
        cases = [
            ("extract /dev/zero", f"{exe} extract /dev/zero{flag}"),
            ("endless stdin", f"yes 'Jonas Brenninger gewann.' | {exe} extract -{flag}"),
        ]
        for kind, path in archives.items():
            out = work / f"out-{kind.replace('.', '-')}.jsonl"
            cases.append(
                (
                    f"batch, 1 GiB {kind}",
                    f"{exe} batch {path} -o {out} -j 1 --no-progress --json{flag}",
                )
            )
        largest = build_largest(work)
        out = work / "out-largest.jsonl"
        cases.append(
            (
                "batch, 8 largest articles",
                f"{exe} batch {largest} -o {out} -j 1 --no-progress --json{flag}",
            )
        )
        for name, cmd in cases:
            code, rss, seconds, err = _timed(cmd, work)
            outcome = err.strip().splitlines()[-1] if err.strip() else ""
            rows.append(
                {"case": name, "exit": code, "peak_rss_mb": rss, "seconds": round(seconds, 1)}
            )
            rows[-1]["outcome"] = outcome
            line = f"{name:24} exit {code}  peak {rss:5} MB  {seconds:5.1f} s  {outcome}"
            print(line, flush=True)
    return rows


MARKUP = {  # case: (start, unit repeated to the size)
    "html: unclosed <script>": ("<html><body>", "<script>x "),
    "html: unclosed <!--": ("<html><body>", "<!-- x "),
    "html: unclosed <title>": ("<html><head>", "<title>x "),
    "markdown: unpaired **": ("", "**a "),
}


def run_markup(sizes: list[int]) -> list[dict[str, Any]]:
    from gtextract.text_input import html_to_article, markdown_to_text

    rows = []
    for name, (start, unit) in MARKUP.items():
        for size in sizes:
            text = start + unit * (size // len(unit))
            started = time.perf_counter()
            if name.startswith("html"):
                html_to_article(text)
            else:
                markdown_to_text(text)
            seconds = time.perf_counter() - started
            rows.append({"case": name, "chars": len(text), "seconds": round(seconds, 2)})
            print(f"{name:26} {len(text):>9,} chars  {seconds:7.2f} s", flush=True)
    return rows


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_text":
        kind, size, model = sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
        print(json.dumps(_one_text(kind, size, model)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("lines", "inputs", "markup"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000, 200_000])
    parser.add_argument(
        "--kinds",
        nargs="+",
        default=["one_line", "line_per_report", "fixtures"],
        choices=("one_line", "line_per_report", "fixtures"),
    )
    parser.add_argument("--model", default=None, help="base model (default: the bundled one)")
    parser.add_argument("--src", default=None, help="run another checkout's src directory")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if args.what == "lines":
        rows = run_lines(args.sizes, args.kinds, args.model, args.src)
    elif args.what == "markup":
        if args.src:
            sys.path.insert(0, args.src)
        rows = run_markup(args.sizes)
    else:
        rows = run_inputs(args.model)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
