"""The output and errors JSONL files: append-only, fsynced, resumable.

Each file only ever grows by whole lines, written in batches followed by
``flush`` + ``fsync``. A run killed mid-write (SIGKILL, power loss) can leave
a torn last line; :func:`repair_jsonl` cuts it off when the run resumes, and
the article it belonged to is simply processed again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

__all__ = ["JsonlSink", "errors_path_for", "iter_jsonl", "read_ids", "repair_jsonl"]


def errors_path_for(output: Path) -> Path:
    """``out.jsonl`` -> ``out.errors.jsonl`` (next to the output)."""
    name = output.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    return output.with_name(f"{stem}.errors.jsonl")


def repair_jsonl(path: Path) -> int:
    """Cut a torn or unparsable last line off ``path``; return the bytes removed.

    Only the tail is inspected (a torn write can only be the last line), so
    repairing a multi-GB output is instant.
    """
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with open(path, "r+b") as handle:
        # Find the start of the last line: scan back from the end in blocks.
        end = size
        handle.seek(size - 1)
        complete = handle.read(1) == b"\n"
        search_end = size - 1 if complete else size
        start = _last_line_start(handle, search_end)
        handle.seek(start)
        last = handle.read(end - start)
        keep = size
        if not complete:
            keep = start
        else:
            try:
                json.loads(last)
            except ValueError:
                keep = start
        if keep < size:
            handle.truncate(keep)
            handle.flush()
            os.fsync(handle.fileno())
        return size - keep


def _last_line_start(handle: IO[bytes], end: int) -> int:
    block = 1 << 16
    pos = end
    while pos > 0:
        read_from = max(0, pos - block)
        handle.seek(read_from)
        data = handle.read(pos - read_from)
        idx = data.rfind(b"\n")
        if idx >= 0:
            return read_from + idx + 1
        pos = read_from
    return 0


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The objects of a JSONL file, skipping blank and unparsable lines."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                yield obj


_ID_PREFIX = '{"article_id":'
_DECODER = json.JSONDecoder()


def read_ids(path: Path) -> set[str]:
    """The ``article_id`` of every complete line of a batch output file."""
    ids: set[str] = set()
    if not path.exists():
        return ids
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            # Our lines start with the id: decode just that, not the whole report
            # (resuming a multi-GB output must not parse every record).
            if line.startswith(_ID_PREFIX):
                try:
                    ids.add(str(_DECODER.raw_decode(line, len(_ID_PREFIX))[0]))
                    continue
                except ValueError:
                    pass
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and "article_id" in obj:
                ids.add(str(obj["article_id"]))
    return ids


class JsonlSink:
    """Appends whole lines to one JSONL file, durable after each batch."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        if resume:
            self.repaired_bytes = repair_jsonl(path)
            mode = "a"
        else:
            self.repaired_bytes = 0
            mode = "w"
        self._handle: IO[str] = open(path, mode, encoding="utf-8", newline="\n")  # noqa: SIM115

    def write_lines(self, lines: Iterable[str]) -> int:
        """Write the lines (without newlines) as one batch, then fsync."""
        text = "".join(f"{line}\n" for line in lines)
        if not text:
            return 0
        self._handle.write(text)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        return text.count("\n")

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
