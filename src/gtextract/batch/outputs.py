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
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from gtextract.batch.sources import bounded_lines
from gtextract.errors import NotBatchOutputError

# A report line of the longest accepted article is a few MB; a "line" beyond
# this is binary data (or /dev/zero) and is skipped without being held.
_MAX_LINE_BYTES = 64 << 20

__all__ = [
    "JsonlSink",
    "check_output",
    "errors_path_for",
    "LineCounts",
    "read_ids",
    "read_outputs",
    "repair_jsonl",
]


def errors_path_for(output: Path) -> Path:
    """``out.jsonl`` -> ``out.errors.jsonl`` (next to the output)."""
    name = output.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    return output.with_name(f"{stem}.errors.jsonl")


def check_output(output: Path, *, directory: bool = False) -> Path:
    """Refuse an output whose directory does not exist (a typo must not create a tree).

    ``directory``: ``output`` is itself a directory (Dask partitions); its
    parent must exist, the directory is created.
    """
    parent = output.parent
    if not parent.is_dir():
        raise FileNotFoundError(f"output directory does not exist: {parent}")
    if not directory and output.is_dir():
        raise IsADirectoryError(f"output is a directory, not a file: {output}")
    return output


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


@dataclass
class LineCounts:
    """What :func:`read_outputs` found in one file."""

    path: Path
    reports: int = 0  # batch output lines (article_id and a report object)
    errors: int = 0  # lines of an errors file (article_id and a reason)
    other: int = 0  # anything else: not UTF-8, not JSON, not an object of ours

    @property
    def skipped(self) -> int:
        return self.errors + self.other

    def check(self) -> None:
        """A file with lines but none of them a report is not a batch output."""
        if self.reports or not self.skipped:
            return
        self.refuse()

    def refuse(self) -> None:
        if self.errors and not self.other:
            raise NotBatchOutputError(
                f"{self.path} is the errors file of a batch run (article_id and reason), "
                "not its output"
            )
        raise NotBatchOutputError(
            f"{self.path} is not a gtextract batch output: its lines are not JSON objects "
            'with "article_id" and "report"'
        )


def _output_line(raw: bytes | int, counts: LineCounts) -> dict[str, Any] | None:
    if isinstance(raw, int):  # a line too long to be one of ours
        counts.other += 1
        return None
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError):  # binary data, a text file, a torn line
        counts.other += 1
        return None
    if isinstance(obj, dict) and "article_id" in obj and isinstance(obj.get("report"), dict):
        counts.reports += 1
        return obj
    if isinstance(obj, dict) and "article_id" in obj and "reason" in obj:
        counts.errors += 1
    else:
        counts.other += 1
    return None


def read_outputs(
    paths: Iterable[Path], counts: list[LineCounts] | None = None
) -> Iterator[dict[str, Any]]:
    """The report lines of batch output files, streamed.

    Lines that are not report lines are skipped and counted (in ``counts``,
    one :class:`LineCounts` per file). A file whose first line is not one of
    a batch run's (a binary file, a text file, ``/dev/zero``), or that has no
    report line at all (an errors file), raises
    :class:`~gtextract.errors.NotBatchOutputError` (a torn line can only be
    the last one, so the first decides).
    """
    for path in paths:
        found = LineCounts(path)
        if counts is not None:
            counts.append(found)
        with open(path, "rb") as handle:
            for raw in bounded_lines(handle, _MAX_LINE_BYTES):
                if isinstance(raw, bytes) and not raw.strip():
                    continue
                line = _output_line(raw, found)
                if line is not None:
                    yield line
                elif found.other and not found.reports and not found.errors:
                    found.refuse()
        found.check()


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
        self.path = path  # its directory must exist: a typo in -o must not create a tree
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
