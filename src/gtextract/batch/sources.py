"""Readers for every input kind of a batch run, all streaming.

Each reader yields :class:`RawArticle` items: the still undecoded bytes (or
the JSON string) of one article plus a stable ``article_id`` and whatever
metadata the container gives. Decoding, HTML main-text extraction and the
size and emptiness checks happen later, in the worker processes
(:mod:`gtextract.batch.worker`), so the reading process stays cheap.

Problems a reader can see on its own (a broken JSONL line, a file too large
to read) become a ``RawArticle`` with ``error`` set: they travel the same
path as the articles and end up in the errors file, in input order.

Article ids:

- files in a directory tree: ``<directory name>/<relative path>``;
- a single file given on the command line: its file name;
- archive members: ``<archive name>!<member path>``;
- JSONL lines: the ``id`` field, else ``sha1:<hash of the text>``;
- WARC records: the ``WARC-Record-ID``.

Every read is bounded: a file, an archive member, a JSONL line or a WARC
record larger than the size limit is streamed past and reported as
``too_large`` after reading at most the limit plus one byte (or a block, for
a line), so a 1 GiB member or a gzip bomb costs memory of the limit, not of
its size.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tarfile
import zipfile
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import IO, Literal

from gtextract.errors import TextTooLargeError
from gtextract.text_input import MAX_CHARS, max_bytes, read_bounded

__all__ = [
    "ARTICLE_SUFFIXES",
    "FieldNames",
    "RawArticle",
    "SourceStats",
    "count_articles",
    "input_kind",
    "bounded_lines",
    "iter_articles",
    "once_each",
]

RawFormat = Literal["text", "html", "markdown"]

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tar.xz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

InputKind = Literal["article", "jsonl", "zip", "tar", "warc"]

_TEXT_TYPES = ("text/html", "text/plain", "application/xhtml")


@dataclass(frozen=True)
class FieldNames:
    """Which JSONL keys hold what (newspaper exports name them differently)."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"
    published: str = "published"
    title: str = "title"

    @classmethod
    def parse(cls, pairs: Iterable[str]) -> FieldNames:
        """Build from ``role=key`` strings, e.g. ``["text=body", "id=guid"]``."""
        values: dict[str, str] = {}
        for pair in pairs:
            role, sep, key = pair.partition("=")
            role = role.strip()
            if not sep or not key.strip() or role not in cls.__dataclass_fields__:
                roles = ", ".join(cls.__dataclass_fields__)
                raise ValueError(
                    f"bad field mapping {pair!r}: use ROLE=KEY with ROLE one of {roles}"
                )
            values[role] = key.strip()
        return cls(**values)


@dataclass
class RawArticle:
    """One input article before decoding; small and picklable."""

    article_id: str
    source: str
    data: bytes | None = None
    text: str | None = None
    format: RawFormat | None = None
    name: str | None = None  # file or member name: its suffix tells the format
    title: str | None = None
    published: date | None = None
    url: str | None = None
    error: tuple[str, str] | None = None  # (reason, message) found while reading

    def as_duplicate(self) -> RawArticle:
        """This article reported, not extracted: its id was seen before."""
        message = f"article id {self.article_id!r} occurs more than once"
        return replace(self, data=None, text=None, error=("duplicate", message))


@dataclass
class SourceStats:
    """What the readers skipped on purpose (not articles), for the summary."""

    ignored: int = 0
    ignored_examples: list[str] = field(default_factory=list)

    def ignore(self, what: str) -> None:
        self.ignored += 1
        if len(self.ignored_examples) < 5:
            self.ignored_examples.append(what)


def _lower(name: str) -> str:
    return name.lower()


def input_kind(name: str) -> InputKind | None:
    """The kind of input a file name stands for, or None when it is not one."""
    lower = _lower(name)
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    if lower.endswith(ZIP_SUFFIXES):
        return "zip"
    if lower.endswith(ARTICLE_SUFFIXES):
        return "article"
    return None


def content_id(text: str) -> str:
    """The fallback article id: a hash of the article as it was given."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _too_large(size: int | str, max_chars: int) -> tuple[str, str]:
    size = f"{size:,}" if isinstance(size, int) else size
    return (
        "too_large",
        f"input is too large: {size} bytes (limit {max_chars:,} characters)",
    )


def _bounded(stream: IO[bytes], max_chars: int) -> bytes | tuple[str, str]:
    """The bytes of a stream, or the too_large error after reading just past the limit."""
    try:
        return read_bounded(stream, max_chars=max_chars)
    except TextTooLargeError:
        return _too_large(f"more than {max_bytes(max_chars):,}", max_chars)


def _article(
    article_id: str,
    source: str,
    data: bytes | tuple[str, str],
    *,
    name: str | None = None,
    fmt: RawFormat | None = None,
    url: str | None = None,
) -> RawArticle:
    """An article with its bytes, or with the error that came instead of them."""
    if isinstance(data, tuple):
        return RawArticle(article_id, source, name=name, format=fmt, url=url, error=data)
    return RawArticle(article_id, source, data=data, name=name, format=fmt, url=url)


def _parse_date(value: object) -> date | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- JSONL


_MAX_SKIP = 4 << 30  # a "line" longer than 4 GiB is no JSONL: the rest of the file is given up


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """The lines of a stream, none longer than ``limit`` bytes held in memory.

    A longer line is given as the number of its bytes read so far (more than
    ``limit``) and skipped block by block when the next line is asked for, so
    a 300 MB line costs memory of the limit and a reader that stops at it
    (``/dev/zero``) reads no further. Skipping more than 4 GiB raises OSError.
    """
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        yield len(line)
        skipped = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                return
            skipped += len(line)
            if skipped > _MAX_SKIP:
                raise OSError(f"a line longer than {_MAX_SKIP:,} bytes: the rest is not read")


def _jsonl_lines(
    stream: IO[bytes], label: str, fields: FieldNames, max_chars: int
) -> Iterator[RawArticle]:
    # JSON escapes may double the text: a line gets twice the room of a file
    limit = 2 * max_bytes(max_chars)
    for lineno, line in enumerate(bounded_lines(stream, limit), start=1):
        where = f"{label}:{lineno}"
        if isinstance(line, int):
            yield RawArticle(where, where, error=_too_large(f"more than {limit:,}", max_chars))
            continue
        if not line.strip():
            continue  # blank separator lines are not articles
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield RawArticle(where, where, error=("invalid_json", f"line {lineno}: {exc}"))
            continue
        if not isinstance(obj, dict):
            kind = type(obj).__name__
            yield RawArticle(
                where, where, error=("invalid_json", f"line {lineno}: a JSON {kind}, not an object")
            )
            continue
        yield _from_record(obj, where, fields)


def _from_record(obj: dict[str, object], where: str, fields: FieldNames) -> RawArticle:
    html = obj.get(fields.html)
    text = obj.get(fields.text)
    body, fmt = (html, "html") if isinstance(html, str) and html.strip() else (text, None)
    raw_id = obj.get(fields.id)
    url = obj.get(fields.url)
    title = obj.get(fields.title)
    article = RawArticle(
        article_id="",
        source=str(url) if isinstance(url, str) and url else where,
        text=body if isinstance(body, str) else None,
        format=fmt,  # type: ignore[arg-type]
        title=title if isinstance(title, str) and title.strip() else None,
        published=_parse_date(obj.get(fields.published)),
        url=url if isinstance(url, str) and url else None,
    )
    if raw_id is not None and str(raw_id).strip():
        article.article_id = str(raw_id)
    elif article.text is not None:
        article.article_id = content_id(article.text)
    else:
        article.article_id = where
    if article.text is None:
        article.error = (
            "empty",
            f"{where}: no {fields.text!r} or {fields.html!r} field with a string",
        )
    return article


def _maybe_gunzip(stream: IO[bytes], name: str) -> IO[bytes]:
    if name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def _count_lines(stream: IO[bytes], name: str) -> int:
    data = _maybe_gunzip(stream, name)
    return sum(block.count(b"\n") for block in iter(lambda: data.read(1 << 20), b""))


def _read_jsonl(path: Path, label: str, fields: FieldNames, max_chars: int) -> Iterator[RawArticle]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        yield from _jsonl_lines(stream, label, fields, max_chars)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- files


def _file_article(path: Path, article_id: str, max_chars: int) -> RawArticle:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes(max_chars):  # a regular file: reported without reading it
            return RawArticle(article_id, source, name=path.name, error=_too_large(size, max_chars))
        with open(path, "rb") as stream:  # a device or a pipe says size 0: read with a bound
            data = _bounded(stream, max_chars)
    except OSError as exc:
        return RawArticle(article_id, source, name=path.name, error=("unreadable", str(exc)))
    return _article(article_id, source, data, name=path.name)


def _read_file(
    path: Path, article_id: str, fields: FieldNames, max_chars: int, stats: SourceStats
) -> Iterator[RawArticle]:
    kind = input_kind(path.name)
    try:
        if kind == "article":
            yield _file_article(path, article_id, max_chars)
        elif kind == "jsonl":
            yield from _read_jsonl(path, article_id, fields, max_chars)
        elif kind == "zip":
            yield from _read_zip(path, article_id, fields, max_chars, stats)
        elif kind == "tar":
            yield from _read_tar(path, article_id, fields, max_chars, stats)
        elif kind == "warc":
            yield from _read_warc(path, article_id, max_chars, stats)
        else:
            stats.ignore(str(path))
    except Exception as exc:  # zipfile, tarfile, gzip and warcio each raise their own
        # A damaged container: say so and go on with the other inputs.
        message = f"{path}: {type(exc).__name__}: {exc}"
        yield RawArticle(f"{article_id}!", str(path), error=("unreadable", message))


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in a stable (sorted) order, hidden ones left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield Path(dirpath) / filename


# --------------------------------------------------------------------------- archives


def _member(
    name: str,
    size: int,
    read: IO[bytes] | None,
    label: str,
    fields: FieldNames,
    max_chars: int,
    stats: SourceStats,
) -> Iterator[RawArticle]:
    article_id = f"{label}!{name}"
    kind = input_kind(name)
    if kind == "article":
        if size > max_bytes(max_chars):
            yield RawArticle(article_id, article_id, name=name, error=_too_large(size, max_chars))
        elif read is not None:  # the size in the header may lie: read with a bound
            yield _article(article_id, article_id, _bounded(read, max_chars), name=name)
    elif kind == "jsonl" and read is not None:
        yield from _jsonl_lines(_maybe_gunzip(read, name), article_id, fields, max_chars)
    else:
        stats.ignore(article_id)  # nested archives and other files are not articles


def _read_zip(
    path: Path, label: str, fields: FieldNames, max_chars: int, stats: SourceStats
) -> Iterator[RawArticle]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            kind = input_kind(info.filename)
            if _is_zip_link(info):
                yield from _link(f"{label}!{info.filename}", "symbolic link", kind, stats)
                continue
            too_big = kind == "article" and info.file_size > max_bytes(max_chars)
            if kind is None or too_big:
                yield from _member(
                    info.filename, info.file_size, None, label, fields, max_chars, stats
                )
                continue
            try:
                with archive.open(info) as member:
                    yield from _member(
                        info.filename, info.file_size, member, label, fields, max_chars, stats
                    )
            except (OSError, RuntimeError, zipfile.BadZipFile) as exc:
                # One damaged or encrypted member: report it, keep reading the others.
                member_id = f"{label}!{info.filename}"
                yield RawArticle(member_id, member_id, error=("unreadable", f"{member_id}: {exc}"))


def _read_tar(
    path: Path, label: str, fields: FieldNames, max_chars: int, stats: SourceStats
) -> Iterator[RawArticle]:
    # "r|*": a pure stream, so a many-GB archive is never held or seeked.
    with tarfile.open(path, mode="r|*") as archive:
        for info in archive:
            if info.islnk() or info.issym():
                kind = "hard link" if info.islnk() else "symbolic link"
                link = f"{kind} to {info.linkname}"
                yield from _link(f"{label}!{info.name}", link, input_kind(info.name), stats)
                continue
            if not info.isfile():
                continue  # directories, devices, FIFOs: no content
            stream = archive.extractfile(info) if input_kind(info.name) else None
            yield from _member(info.name, info.size, stream, label, fields, max_chars, stats)


def _is_zip_link(info: zipfile.ZipInfo) -> bool:
    return (info.external_attr >> 16) & 0o170000 == 0o120000  # S_IFLNK in the Unix mode


def _link(
    member_id: str, what: str, kind: InputKind | None, stats: SourceStats
) -> Iterator[RawArticle]:
    """A link member: reported when it names an article, counted as ignored otherwise.

    Links are not followed (in a streamed archive the target may be gone, and
    a symbolic one may point outside it); the target's own member is read.
    """
    if kind == "article":
        message = f"{member_id}: a {what}; links inside archives are not followed"
        yield RawArticle(member_id, member_id, error=("link", message))
    else:
        stats.ignore(f"{member_id} ({what})")


def _header(headers: object, name: str) -> str | None:
    value = headers.get_header(name) if headers is not None else None  # type: ignore[attr-defined]
    return str(value) if value else None


def _read_warc(path: Path, label: str, max_chars: int, stats: SourceStats) -> Iterator[RawArticle]:
    from warcio.archiveiterator import ArchiveIterator  # optional dependency ("batch")

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue  # requests, metadata, warcinfo: not articles
            uri = _header(record.rec_headers, "WARC-Target-URI") or label
            record_id = _header(record.rec_headers, "WARC-Record-ID") or uri
            if record.rec_type == "response":
                status = record.http_headers.get_statuscode() if record.http_headers else None
                content_type = _header(record.http_headers, "Content-Type") or ""
                if status is not None and not str(status).startswith("2"):
                    stats.ignore(f"{uri} (HTTP {status})")
                    continue
            else:
                content_type = _header(record.rec_headers, "Content-Type") or ""
            content_type = content_type.lower()
            if content_type and not content_type.startswith(_TEXT_TYPES):
                stats.ignore(f"{uri} ({content_type.split(';')[0]})")
                continue
            fmt: RawFormat | None = "html" if "html" in content_type else None
            length = _header(record.rec_headers, "Content-Length")
            if length and length.isdigit() and int(length) > max_bytes(max_chars) * 2:
                yield RawArticle(record_id, uri, url=uri, error=_too_large(int(length), max_chars))
                continue
            # decoded (gzip, chunked) content may be larger than the record: read with a bound
            data = _bounded(record.content_stream(), max_chars)
            yield _article(record_id, uri, data, fmt=fmt, url=uri)


# --------------------------------------------------------------------------- entry


def iter_articles(
    inputs: Iterable[str | Path],
    *,
    fields: FieldNames | None = None,
    max_chars: int = MAX_CHARS,
    stats: SourceStats | None = None,
) -> Iterator[RawArticle]:
    """Stream the articles of all inputs, in a stable order.

    ``inputs`` are directories (walked recursively, sorted), article files,
    JSONL/NDJSON files, ZIP and tar archives and WARC files. A missing input
    raises ``FileNotFoundError`` before anything is read.
    """
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"input not found: {path}")
    stats = stats if stats is not None else SourceStats()
    return _iter_paths(paths, fields or FieldNames(), max_chars, stats)


def _iter_paths(
    paths: list[Path], fields: FieldNames, max_chars: int, stats: SourceStats
) -> Iterator[RawArticle]:
    for path in paths:
        if path.is_dir():
            label = path.resolve().name or str(path)
            for file in _walk(path):
                if not file.is_file():  # a FIFO or a device in the tree: never read
                    stats.ignore(f"{file} (not a regular file)")
                    continue
                rel = file.relative_to(path).as_posix()
                yield from _read_file(file, f"{label}/{rel}", fields, max_chars, stats)
        else:
            yield from _read_file(path, path.name, fields, max_chars, stats)


def once_each(
    articles: Iterable[RawArticle],
    *,
    done: Container[str] = frozenset(),
    on_done: Callable[[RawArticle], None] | None = None,
) -> Iterator[RawArticle]:
    """Every article id once: ids in ``done`` (an earlier run's) are left out
    (``on_done`` hears of each), a repeated id is reported as ``duplicate``.

    Two inputs with one id would make ``--resume`` skip the second: it is
    reported instead of silently overwriting the first.
    """
    seen: set[str] = set()
    for raw in articles:
        if raw.article_id in done:
            if on_done is not None:
                on_done(raw)
            continue
        if raw.article_id in seen:
            raw = raw.as_duplicate()
        seen.add(raw.article_id)
        yield raw


def count_articles(inputs: Iterable[str | Path]) -> int | None:
    """A cheap article count for the progress bar's ETA, or None when unknown.

    Counts files and JSONL lines (a fast byte scan); tar and WARC inputs
    would need a full decompression, so they make the count unknown.
    """
    total = 0

    def count_file(path: Path, name: str) -> int | None:
        kind = input_kind(name)
        if kind == "article":
            return 1
        if kind == "jsonl":
            with open(path, "rb") as stream:
                return _count_lines(stream, name)
        if kind == "zip":
            with zipfile.ZipFile(path) as archive:
                n = 0
                for info in archive.infolist():
                    sub = input_kind(info.filename)
                    if sub == "article":
                        n += 1
                    elif sub == "jsonl":
                        with archive.open(info) as member:
                            n += _count_lines(member, info.filename)
                return n
        if kind in ("tar", "warc"):
            return None
        return 0

    try:
        for raw in inputs:
            path = Path(raw)
            files = _walk(path) if path.is_dir() else iter([path])
            for file in files:
                n = count_file(file, file.name)
                if n is None:
                    return None
                total += n
    except (OSError, zipfile.BadZipFile):
        return None
    return total
