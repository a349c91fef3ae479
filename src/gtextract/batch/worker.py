"""What runs inside a worker: raw article -> JSON line (output or error).

The same function serves the in-process run, the local process pool and the
Dask workers. The pipeline is loaded once per process (a module-level cache)
and only plain data crosses process boundaries: :class:`RawArticle` in,
``(ok, article_id, json_line)`` out.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from gtextract.batch.sources import RawArticle
from gtextract.errors import InputError, NotGermanError, TextTooLargeError
from gtextract.text_input import (
    MAX_CHARS,
    ArticleText,
    html_to_article,
    looks_like_html,
    markdown_to_text,
    prepare_text,
    read_article,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from gtextract.records import RaceReport

__all__ = [
    "Extractorlike",
    "Outcome",
    "PreparedArticle",
    "get_extractor",
    "looks_german",
    "prepare",
    "process_chunk",
]


class Extractorlike(Protocol):
    """The part of :class:`gtextract.Extractor` the batch path uses."""

    nlp: Language

    def __call__(
        self,
        text: str,
        *,
        source: str | None = None,
        published: date | None = None,
        title: str | None = None,
    ) -> RaceReport: ...


class Outcome(NamedTuple):
    """One article's result: an output line or an error line (no newline)."""

    ok: bool
    article_id: str
    line: str
    reason: str = ""  # the error reason, for the summary


@dataclass(frozen=True)
class PreparedArticle:
    raw: RawArticle
    article: ArticleText


# --------------------------------------------------------------------------- pipeline cache

_EXTRACTORS: dict[str, Extractorlike] = {}
_LOCKS: dict[str, threading.Lock] = {}
_CACHE_LOCK = threading.Lock()


def _key(model: str | None) -> str:
    return model or "<default>"


def get_extractor(model: str | None = None) -> Extractorlike:
    """The process's extractor for ``model``, loaded on first use."""
    key = _key(model)
    with _CACHE_LOCK:
        extractor = _EXTRACTORS.get(key)
        if extractor is None:
            import gtextract

            # Lazy: importing the pipeline pulls in spaCy and the gazetteers.
            extractor = gtextract.load(model)
            _EXTRACTORS[key] = extractor
            _LOCKS[key] = threading.Lock()
        return extractor


def init_worker(model: str | None) -> None:
    """Process-pool initializer: load the pipeline before the first chunk."""
    import signal

    # Ctrl-C is the parent's business: it stops the run and keeps the output valid.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    get_extractor(model)


# --------------------------------------------------------------------------- German or not

# Frequent German function words, none of which is a frequent English word.
_GERMAN_WORDS = (
    "der die das und den dem des ein eine einer einen einem nicht mit sich auf für ist "
    "im zu von sie er es wir ich auch als wie bei nach aus noch wurde wurden hat haben "
    "sind war waren vor über zum zur beim vom nur dann doch schon sehr einem mehr wieder "
    "gegen unter durch seinem seine seiner ihre ihren ihrem dass aber oder wenn kann"
)
_GERMAN = frozenset(_GERMAN_WORDS.split())
_ENGLISH_WORDS = (
    "the and of to is was with for that this on at from by his her their were are have "
    "has had it its be been not but which after before when"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")


def looks_german(text: str, *, sample: int = 20_000) -> bool:
    """Cheap language check: enough German function words, more than English ones.

    Short texts (fewer than 12 words, e.g. a results line) pass: there is too
    little to judge and the extractor copes with them.
    """
    words = _WORD.findall(text[:sample].lower())
    if len(words) < 12:
        return True
    german = sum(1 for w in words if w in _GERMAN)
    english = sum(1 for w in words if w in _ENGLISH)
    return german >= 0.05 * len(words) and german > english


# --------------------------------------------------------------------------- preparation


def prepare(raw: RawArticle, *, max_chars: int = MAX_CHARS) -> ArticleText:
    """Decode, strip HTML boilerplate and normalise one raw article.

    Raises the :mod:`gtextract.errors` input errors (with ``reason``).
    """
    if raw.data is not None:
        name = raw.name or raw.url
        if raw.format == "html" and not (name and name.lower().endswith((".html", ".htm"))):
            name = "article.html"  # a WARC response says HTML in its headers, not its name
        article = read_article(raw.data, name=name, max_chars=max_chars)
    else:
        text = raw.text or ""
        fmt = raw.format or ("html" if looks_like_html(text) else "text")
        title: str | None = None
        published: date | None = None
        if fmt == "html":
            if len(text) > max_chars * 4:  # markup may be 4x the text, not more
                raise TextTooLargeError(
                    f"input is too large: {len(text):,} characters of HTML "
                    f"(limit {max_chars:,} characters of text)"
                )
            page = html_to_article(text, url=raw.url)
            text, title, published = page.text, page.title, page.published
        elif fmt == "markdown":
            text, title = markdown_to_text(text)
        article = ArticleText(
            text=prepare_text(text, max_chars=max_chars),
            encoding=None,
            format=fmt,
            title=title,
            published=published,
            url=raw.url,
        )
    if not looks_german(article.text):
        raise NotGermanError("input does not look like German text")
    # Metadata given by the container (JSONL fields) wins over what the page says.
    return ArticleText(
        text=article.text,
        encoding=article.encoding,
        format=article.format,
        title=raw.title or article.title,
        published=raw.published or article.published,
        url=raw.url or article.url,
    )


# --------------------------------------------------------------------------- lines


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def output_line(raw: RawArticle, article: ArticleText, report: RaceReport) -> str:
    """``{"article_id", "source", "encoding", "format", "report": {...}}``."""
    return (
        f'{{"article_id":{_dumps(raw.article_id)},"source":{_dumps(raw.source)},'
        f'"encoding":{_dumps(article.encoding)},"format":{_dumps(article.format)},'
        f'"report":{report.model_dump_json()}}}'
    )


def error_line(raw: RawArticle, reason: str, message: str) -> str:
    return _dumps(
        {"article_id": raw.article_id, "source": raw.source, "reason": reason, "message": message}
    )


def _error(raw: RawArticle, reason: str, message: str) -> Outcome:
    return Outcome(False, raw.article_id, error_line(raw, reason, message), reason)


def _failure(raw: RawArticle, exc: BaseException) -> Outcome:
    if isinstance(exc, InputError):
        return _error(raw, exc.reason, str(exc))
    # Anything else is a bug or a resource problem in the pipeline: keep the
    # last frame so the error file says where it happened.
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    message = f"{type(exc).__name__}: {exc}{at}"
    return _error(raw, "extractor_error", message)


def _prepared(raw: RawArticle, max_chars: int) -> ArticleText | Outcome:
    if raw.error is not None:
        return _error(raw, *raw.error)
    try:
        return prepare(raw, max_chars=max_chars)
    except InputError as exc:
        return _failure(raw, exc)
    except Exception as exc:  # decoding libraries raise assorted errors on odd input
        return _error(raw, "undecodable", f"{type(exc).__name__}: {exc}")


def _extract_one(raw: RawArticle, article: ArticleText, extractor: Extractorlike) -> Outcome:
    try:
        report = extractor(
            article.text,
            source=raw.url or raw.source,
            published=article.published,
            title=article.title,
        )
        return Outcome(True, raw.article_id, output_line(raw, article, report))
    except Exception as exc:
        return _failure(raw, exc)


def _extract_many(
    todo: list[tuple[int, RawArticle, ArticleText]], extractor: Extractorlike
) -> dict[int, Outcome] | None:
    """All articles through ``extractor.pipe`` (spaCy batches them); None if any fails."""
    pipe = getattr(extractor, "pipe", None)
    if pipe is None or len(todo) < 2:
        return None
    from gtextract.extractor import ArticleMeta

    items = [
        (
            article.text,
            ArticleMeta(
                source=raw.url or raw.source, published=article.published, title=article.title
            ),
        )
        for _, raw, article in todo
    ]
    try:
        reports = list(pipe(items, batch_size=len(items)))
    except Exception:
        return None  # one bad article must not take the chunk down: go one by one
    if len(reports) != len(todo):
        return None
    return {
        i: Outcome(True, raw.article_id, output_line(raw, article, report))
        for (i, raw, article), report in zip(todo, reports, strict=True)
    }


def _memory_zone(extractor: Extractorlike) -> contextlib.AbstractContextManager[Any]:
    zone = getattr(getattr(extractor, "nlp", None), "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


def run_chunk(
    chunk: Sequence[RawArticle], extractor: Extractorlike, *, max_chars: int = MAX_CHARS
) -> list[Outcome]:
    """Process a chunk with a given extractor inside one spaCy memory zone."""
    # The memory zone frees the strings and vocab entries the chunk added,
    # so a long run does not grow; records are plain data by then.
    with _memory_zone(extractor):
        outcomes: list[Outcome | None] = [None] * len(chunk)
        todo: list[tuple[int, RawArticle, ArticleText]] = []
        for i, raw in enumerate(chunk):
            result = _prepared(raw, max_chars)
            if isinstance(result, Outcome):
                outcomes[i] = result
            else:
                todo.append((i, raw, result))
        batched = _extract_many(todo, extractor)
        for i, raw, article in todo:
            outcomes[i] = (
                batched[i] if batched is not None else _extract_one(raw, article, extractor)
            )
        return [o for o in outcomes if o is not None]


def process_chunk(
    chunk: Sequence[RawArticle], model: str | None = None, max_chars: int = MAX_CHARS
) -> list[Outcome]:
    """Worker entry point (process pool and Dask): uses the cached extractor."""
    extractor = get_extractor(model)
    # Dask may run several tasks as threads of one process; one pipeline is
    # not safe to share between threads, so they take turns.
    with _LOCKS[_key(model)]:
        return run_chunk(chunk, extractor, max_chars=max_chars)


def iter_outcomes(
    chunks: Iterator[Sequence[RawArticle]], extractor: Extractorlike, max_chars: int = MAX_CHARS
) -> Iterator[list[Outcome]]:
    for chunk in chunks:
        yield run_chunk(chunk, extractor, max_chars=max_chars)
