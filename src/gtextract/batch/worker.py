"""What runs inside a worker: raw article -> JSON line (output or error).

The same function serves the in-process run, the local process pool and the
Dask workers. The pipeline is loaded once per process (a module-level cache)
and only plain data crosses process boundaries: :class:`RawArticle` in,
``(ok, article_id, json_line)`` out.
"""

from __future__ import annotations

import contextlib
import json
import threading
import weakref
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from gtextract.batch.budget import TimeExpired, time_budget
from gtextract.batch.options import TIME_LIMIT
from gtextract.batch.sources import RawArticle
from gtextract.errors import InputError, MissingDependencyError, TimeLimitError, describe
from gtextract.text_input import (
    MAX_CHARS,
    ArticleText,
    looks_german,
    prepare_article,
    read_article,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from gtextract.extractor import ArticleMeta
    from gtextract.records import RaceReport

__all__ = [
    "Extractorlike",
    "Outcome",
    "VocabZones",
    "close_zone",
    "get_extractor",
    "looks_german",  # the library's check, kept importable from here
    "prepare",
    "process_chunk",
    "run_chunk",
    "vocab_zones",
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


# --------------------------------------------------------------------------- preparation


def prepare(raw: RawArticle, *, max_chars: int = MAX_CHARS) -> ArticleText:
    """Decode, strip HTML boilerplate, normalise and language-check one raw article.

    The same preparation as the library's (:func:`gtextract.text_input.prepare_article`).
    Raises the :mod:`gtextract.errors` input errors (with ``reason``).
    """
    if raw.data is not None:
        article = read_article(
            raw.data, name=raw.name or raw.url, fmt=raw.format, max_chars=max_chars
        )
    else:
        article = prepare_article(raw.text or "", fmt=raw.format, url=raw.url, max_chars=max_chars)
    # Metadata given by the container (JSONL fields) wins over what the page says.
    return replace(
        article,
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
    # Anything but an InputError is a bug or a resource problem in the pipeline:
    # the message keeps the last frame so the error file says where it happened.
    return _error(raw, *describe(exc))


def _timed_out(raw: RawArticle, seconds: float | None) -> Outcome:
    message = f"the article took longer than its time limit of {seconds:g} s (--time-limit)"
    return _error(raw, TimeLimitError.reason, message)


def _prepared(raw: RawArticle, max_chars: int, time_limit: float | None) -> ArticleText | Outcome:
    if raw.error is not None:
        return _error(raw, *raw.error)
    try:
        with time_budget(time_limit):
            return prepare(raw, max_chars=max_chars)
    except TimeExpired:
        return _timed_out(raw, time_limit)
    except InputError as exc:
        return _failure(raw, exc)
    except MissingDependencyError:
        raise  # the installation, not the article: the run stops with this message
    except Exception as exc:  # decoding libraries raise assorted errors on odd input
        return _error(raw, "undecodable", f"{type(exc).__name__}: {exc}")


def _meta(raw: RawArticle, article: ArticleText) -> ArticleMeta:
    from gtextract.extractor import ArticleMeta  # lazy: the reading process needs no spaCy

    return ArticleMeta(
        source=raw.url or raw.source, published=article.published, title=article.title
    )


def _extract_one(
    raw: RawArticle, article: ArticleText, extractor: Extractorlike, time_limit: float | None
) -> Outcome:
    meta = _meta(raw, article)
    try:
        with time_budget(time_limit):
            report = extractor(
                article.text, source=meta.source, published=meta.published, title=meta.title
            )
        return Outcome(True, raw.article_id, output_line(raw, article, report))
    except TimeExpired:
        return _timed_out(raw, time_limit)
    except MissingDependencyError:
        raise
    except Exception as exc:
        return _failure(raw, exc)


# spaCy batch inside a chunk. The base model's arrays for a batch are the peak of
# a worker's memory: on real reports a batch of 32 peaked at ~430 MB, 16 at
# ~330 MB, 8 at ~290 MB (after loading: ~235 MB), at the same speed.
PIPE_BATCH = 8


def _extract_many(
    todo: list[tuple[int, RawArticle, ArticleText]],
    extractor: Extractorlike,
    time_limit: float | None,
) -> dict[int, Outcome]:
    """The articles through ``extractor.pipe`` (spaCy batches them, a failing article
    is recorded alone), as far as they get.

    An extractor whose ``pipe`` takes prepared articles (``pipe_takes_articles``,
    as :class:`gtextract.Extractor`) gets the :class:`ArticleText` itself, so
    an article is normalised and language-checked once (in :func:`prepare`),
    not again in the extractor; any other ``pipe`` gets the text. Each spaCy
    batch (at most ``max_chars`` characters together, see ``Extractor.pipe``)
    gets ``time_limit``: the budget is renewed whenever pipe hands out a
    result. When a batch runs out of time, the articles without a result are
    left to the caller, which runs each alone with its own budget. Without
    ``pipe`` nothing is done here.
    """
    pipe = getattr(extractor, "pipe", None)
    if pipe is None or not todo:
        return {}
    from gtextract.extractor import FailedItem

    prepared = getattr(extractor, "pipe_takes_articles", False)
    items = [
        (article if prepared else article.text, _meta(raw, article)) for _, raw, article in todo
    ]
    results = iter(pipe(items, batch_size=min(len(items), PIPE_BATCH), on_error="record"))
    outcomes: dict[int, Outcome] = {}
    for i, raw, article in todo:
        try:
            with time_budget(time_limit):
                result = next(results)
        except TimeExpired:
            break
        if isinstance(result, FailedItem):
            outcomes[i] = _error(raw, result.reason, result.message)
        else:
            outcomes[i] = Outcome(True, raw.article_id, output_line(raw, article, result))
    return outcomes


# --------------------------------------------------------------------------- memory zones

# spaCy's memory zone frees the strings, lexemes and tokenizer-cache entries
# added inside it, so a long run does not grow. But inside a new zone
# everything starts cold: each word goes through the tokenizer's affix
# regexes and gets a new lexeme again; with a zone per chunk that was about a
# third of a batch run. So a worker processes its first WARM_CHARS characters
# outside any zone (the frequent words they hold stay for good: a bounded
# amount), then one zone spans many chunks and is renewed every ZONE_CHARS
# characters. Memory stays flat at a level these two bound.
WARM_CHARS = 2_000_000
ZONE_CHARS = 8_000_000


class VocabZones:
    """The memory zones of one pipeline across the chunks a worker processes."""

    def __init__(
        self, nlp: Language, *, warm_chars: int = WARM_CHARS, zone_chars: int = ZONE_CHARS
    ) -> None:
        self.nlp = nlp
        self.warm_left = warm_chars
        self.zone_chars = zone_chars
        self.in_zone = 0  # characters processed in the open zone
        self._zone: contextlib.ExitStack | None = None

    @property
    def is_open(self) -> bool:
        return self._zone is not None

    def before(self, chars: int) -> None:
        """Called between chunks (no Doc of the open zone in use any more) with
        the size of the next chunk."""
        if self.warm_left > 0:
            self.warm_left -= chars
            return
        if self._zone is not None and self.in_zone >= self.zone_chars:
            self.close()
        if self._zone is None:
            zone = contextlib.ExitStack()
            zone.enter_context(self.nlp.memory_zone())
            self._zone, self.in_zone = zone, 0
        self.in_zone += chars

    def close(self) -> None:
        """End the open zone: what was added to the vocab inside it is freed."""
        zone, self._zone = self._zone, None
        if zone is not None:
            zone.close()


_ZONES: weakref.WeakKeyDictionary[Language, VocabZones] = weakref.WeakKeyDictionary()


def vocab_zones(extractor: Extractorlike) -> VocabZones | None:
    """The zones of ``extractor``'s pipeline (None when it has no memory zones)."""
    nlp = getattr(extractor, "nlp", None)
    if nlp is None or getattr(nlp, "memory_zone", None) is None:
        return None
    zones = _ZONES.get(nlp)
    if zones is None:
        zones = _ZONES[nlp] = VocabZones(nlp)
    return zones


def close_zone(extractor: Extractorlike) -> None:
    """End the extractor's open zone. An in-process run does this when it is
    over, so that Docs its caller makes afterwards are not in a zone that a
    later run would end."""
    zones = vocab_zones(extractor)
    if zones is not None:
        zones.close()


def run_chunk(
    chunk: Sequence[RawArticle],
    extractor: Extractorlike,
    *,
    max_chars: int = MAX_CHARS,
    time_limit: float | None = TIME_LIMIT,
) -> list[Outcome]:
    """Process a chunk with a given extractor, in its memory zones (:class:`VocabZones`).

    Each article is prepared within ``time_limit`` seconds; the chunk is then
    extracted through ``pipe``, each spaCy batch within ``time_limit``; when
    one runs out, its articles run alone with ``time_limit`` each (a slow
    article is filed as ``time_limit``, the others are extracted).
    """
    outcomes: list[Outcome | None] = [None] * len(chunk)
    todo: list[tuple[int, RawArticle, ArticleText]] = []
    for i, raw in enumerate(chunk):
        result = _prepared(raw, max_chars, time_limit)
        if isinstance(result, Outcome):
            outcomes[i] = result
        else:
            todo.append((i, raw, result))
    zones = vocab_zones(extractor)
    if zones is not None:
        # Records leave as JSON text: no Doc of an earlier chunk is alive here.
        zones.before(sum(len(article.text) for _, _, article in todo))
    batched = _extract_many(todo, extractor, time_limit)
    for i, raw, article in todo:
        outcomes[i] = batched.get(i) or _extract_one(raw, article, extractor, time_limit)
    return [o for o in outcomes if o is not None]


def process_chunk(
    chunk: Sequence[RawArticle],
    model: str | None = None,
    max_chars: int = MAX_CHARS,
    time_limit: float | None = TIME_LIMIT,
) -> list[Outcome]:
    """Worker entry point (process pool and Dask): uses the cached extractor."""
    extractor = get_extractor(model)
    # Dask may run several tasks as threads of one process; one pipeline is
    # not safe to share between threads, so they take turns.
    with _LOCKS[_key(model)]:
        return run_chunk(chunk, extractor, max_chars=max_chars, time_limit=time_limit)
