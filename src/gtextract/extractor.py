"""The library entry point: ``gtextract.load()`` -> ``Extractor``.

Also the process plumbing that ``Extractor.pipe(n_process>1)`` and the batch
runner share: :func:`spawn_pool`, :func:`chunked` and :func:`in_order`.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.assemble import Assembler
from gtextract.base_model import BaseModelInfo, load_base
from gtextract.errors import (
    InputError,
    InputTypeError,
    MissingDependencyError,
    TextTooLargeError,
    describe,
    not_a_str,
)
from gtextract.pipeline import add_components
from gtextract.records import RaceReport
from gtextract.text_input import MAX_CHARS, ArticleText, prepare_article

__all__ = [
    "ArticleMeta",
    "Extractor",
    "FailedItem",
    "OnError",
    "chunked",
    "in_order",
    "load",
    "spawn_pool",
]

OnError = Literal["raise", "skip", "record"]
"""What ``Extractor.pipe`` does with an item it cannot extract (see there)."""

T = TypeVar("T")


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    source: str | None = None
    published: date | None = None
    title: str | None = None


PipeItem = str | ArticleText | tuple[str | ArticleText, ArticleMeta]
"""An item of ``Extractor.pipe``: a text, or an article the caller already prepared
(:func:`gtextract.text_input.prepare_article`), alone or with its metadata."""


@dataclass(frozen=True)
class FailedItem:
    """An item ``pipe(on_error="record")`` could not extract, in place of its report.

    ``reason`` is the :class:`~gtextract.errors.InputError` reason (``empty``,
    ``too_large``, ``not_german``, ...) or ``extractor_error`` when the
    pipeline itself failed; ``index`` is the item's position in the input.
    """

    index: int
    reason: str
    message: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    error: BaseException | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class _Ready:
    """A prepared item waiting for the pipeline."""

    index: int
    text: str
    meta: ArticleMeta


@dataclass(frozen=True)
class _SourceFailure:
    """The input iterable raised: delivered after the items before it."""

    error: Exception


def failure(index: int, meta: ArticleMeta, exc: BaseException) -> FailedItem:
    """The FailedItem of an exception (see :func:`gtextract.errors.describe`)."""
    reason, message = describe(exc)
    return FailedItem(index, reason, message, meta, exc)


class Extractor:
    """Reads German race reports and returns ``RaceReport`` records.

    Load once, call many times: building the pipeline costs about a second,
    a report a few milliseconds.
    """

    pipe_takes_articles = True
    """``pipe`` accepts prepared :class:`ArticleText` items (the batch runner sends them)."""

    def __init__(self, nlp: Language, base_info: BaseModelInfo, *, max_chars: int = MAX_CHARS):
        self.nlp = add_components(nlp)
        self.base_info = base_info
        self.max_chars = max_chars
        self.model_spec: str | None = None  # set by load(); lets worker processes reload
        self._assemble = Assembler()

    # ----------------------------------------------------------------------- one text

    def prepare_article(self, text: str) -> ArticleText:
        """The text step of :func:`gtextract.text_input.prepare_article`, with this
        extractor's size limit: HTML -> main text (with title and date),
        normalisation, the language check. ``.prepared.original_span`` maps
        evidence offsets back into ``text``.

        Raises:
            InputError: empty, binary, too large, not German, not a str.
            MissingDependencyError: HTML support is not installed properly.
        """
        return prepare_article(text, max_chars=self.max_chars)

    def prepare(self, text: str) -> tuple[str, str | None]:
        """Clean report text (HTML -> main text) and its title if the page had one.

        Evidence offsets always refer to this prepared text.
        """
        article = self.prepare_article(text)
        return article.text, article.title

    def process(self, text: str, *, published: date | None = None) -> Doc:
        """The annotated spaCy Doc of a (prepared) report."""
        return self.nlp(self._new_doc(text, published))

    def _new_doc(self, text: str, published: date | None) -> Doc:
        """A tokenised Doc that tells the components the publication date."""
        if not isinstance(text, str):
            raise not_a_str(text)
        doc = self.nlp.make_doc(text)
        doc.user_data["gtx_published"] = published.isoformat() if published else None
        return doc

    def report(self, doc: Doc, meta: ArticleMeta | None = None) -> RaceReport:
        meta = meta or ArticleMeta()
        return self._assemble(
            doc,
            source=meta.source,
            published=meta.published,
            title=meta.title,
            base_model=self.base_info.label,
        )

    def __call__(
        self,
        text: str,
        *,
        source: str | None = None,
        published: date | None = None,
        title: str | None = None,
    ) -> RaceReport:
        ready = self._ready(0, text, ArticleMeta(source, published, title))
        doc = self.process(ready.text, published=ready.meta.published)
        return self.report(doc, ready.meta)

    def _ready(self, index: int, text: str | ArticleText, meta: ArticleMeta) -> _Ready:
        """Prepare one item; what the page says fills what the caller left open.

        An :class:`ArticleText` (from ``prepare_article`` / ``read_article``, as
        the batch runner makes them) is already prepared and language-checked:
        it is used as it is, only this extractor's size limit is applied.
        """
        if isinstance(text, ArticleText):
            article = text
            if len(article.text) > self.max_chars:
                raise TextTooLargeError(
                    f"input is too large: {len(article.text):,} characters "
                    f"(limit {self.max_chars:,})"
                )
        else:
            article = self.prepare_article(text)
        meta = ArticleMeta(
            meta.source, meta.published or article.published, meta.title or article.title
        )
        return _Ready(index, article.text, meta)

    # ----------------------------------------------------------------------- many texts

    @overload
    def pipe(
        self,
        texts: Iterable[PipeItem],
        *,
        n_process: int = ...,
        batch_size: int = ...,
        on_error: Literal["raise", "skip"] = ...,
    ) -> Iterator[RaceReport]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[PipeItem],
        *,
        n_process: int = ...,
        batch_size: int = ...,
        on_error: Literal["record"],
    ) -> Iterator[RaceReport | FailedItem]: ...

    def pipe(
        self,
        texts: Iterable[PipeItem],
        *,
        n_process: int = 1,
        batch_size: int = 32,
        on_error: OnError = "raise",
    ) -> Iterator[RaceReport] | Iterator[RaceReport | FailedItem]:
        """Stream reports for many texts, in input order.

        ``on_error`` decides what happens to an item that cannot be extracted
        (bad input, or the pipeline failing on it):

        - ``"raise"`` (the default): the reports of the items before it are
          yielded, then its error is raised (an ``InputError`` for bad input);
        - ``"skip"``: it is left out;
        - ``"record"``: a :class:`FailedItem` is yielded in its place.

        No mode loses a good report to a bad one. When ``texts`` itself raises,
        the reports of the items read before are yielded first, then its
        exception is raised.

        A batch holds at most ``batch_size`` texts and, together, about
        ``max_chars`` characters, so memory stays that of one long text. With
        ``n_process > 1`` the texts go to worker processes that each load
        their own extractor once and send back JSON records, not Docs (a Doc
        with gtextract's annotations does not cross process boundaries).
        """
        if on_error not in ("raise", "skip", "record"):
            raise ValueError(f"on_error must be 'raise', 'skip' or 'record', not {on_error!r}")
        if n_process > 1:
            results = self._pipe_processes(texts, n_process, batch_size)
        else:
            results = self._pipe_here(texts, batch_size)
        return _handle_failures(results, on_error)

    def _entries(self, texts: Iterable[object]) -> Iterator[_Ready | FailedItem | _SourceFailure]:
        """Each input item prepared (or failed), then the source's own failure if any."""
        iterator = iter(texts)
        for index in itertools.count():
            try:
                item = next(iterator)
            except StopIteration:
                return
            except Exception as exc:  # the caller's generator, a file it reads, ...
                yield _SourceFailure(exc)
                return
            meta = ArticleMeta()
            try:
                text, meta = _split_item(item)
                yield self._ready(index, text, meta)
            except MissingDependencyError:
                raise  # the installation, not the item: every item would fail
            except Exception as exc:
                yield failure(index, meta, exc)

    def _pipe_here(
        self, texts: Iterable[PipeItem], batch_size: int
    ) -> Iterator[RaceReport | FailedItem]:
        batches = chunked(self._entries(texts), batch_size, weight=_chars, budget=self.max_chars)
        for batch in batches:
            ready = [e for e in batch if isinstance(e, _Ready)]
            done = dict(zip((r.index for r in ready), self._extract(ready), strict=True))
            for entry in batch:
                if isinstance(entry, _SourceFailure):
                    raise entry.error
                yield done[entry.index] if isinstance(entry, _Ready) else entry

    def _extract(self, ready: list[_Ready]) -> list[RaceReport | FailedItem]:
        """One spaCy batch; if it fails, each text alone so only the bad one is lost."""
        if not ready:
            return []
        try:
            docs = list(
                self.nlp.pipe(
                    (self._new_doc(r.text, r.meta.published) for r in ready),
                    batch_size=len(ready),
                )
            )
        except Exception:
            return [self._extract_one(r) for r in ready]
        results: list[RaceReport | FailedItem] = []
        for doc, r in zip(docs, ready, strict=True):
            try:
                results.append(self.report(doc, r.meta))
            except Exception as exc:
                results.append(failure(r.index, r.meta, exc))
        return results

    def _extract_one(self, r: _Ready) -> RaceReport | FailedItem:
        try:
            return self.report(self.process(r.text, published=r.meta.published), r.meta)
        except Exception as exc:
            return failure(r.index, r.meta, exc)

    def _pipe_processes(
        self, texts: Iterable[PipeItem], n_process: int, batch_size: int
    ) -> Iterator[RaceReport | FailedItem]:
        if self.model_spec is None:
            raise ValueError(
                "pipe(n_process>1) needs an extractor loaded by name or path, "
                "not from a Language object"
            )
        source_failure: list[Exception] = []

        def items() -> Iterator[tuple[int, object]]:
            """(index, item) for the workers; the source's failure is kept aside."""
            for entry in _raw_entries(texts):
                if isinstance(entry, _SourceFailure):
                    source_failure.append(entry.error)
                    return
                yield entry

        initargs = (self.model_spec, self.max_chars, self.base_info)
        with spawn_pool(n_process, _init_worker, initargs) as pool:

            def submit(chunk: list[tuple[int, object]]) -> Future[list[str | FailedItem]]:
                return pool.submit(_extract_chunk, chunk)

            # at most 2 chunks per process in flight: archives need not fit in memory
            for _, results in in_order(submit, chunked(items(), batch_size), 2 * n_process):
                for result in results:
                    yield (
                        result
                        if isinstance(result, FailedItem)
                        else RaceReport.model_validate_json(result)
                    )
        if source_failure:
            raise source_failure[0]


def _chars(entry: _Ready | FailedItem | _SourceFailure) -> int:
    return len(entry.text) if isinstance(entry, _Ready) else 0


def _split_item(item: object) -> tuple[str | ArticleText, ArticleMeta]:
    if isinstance(item, tuple):
        if len(item) == 2 and isinstance(item[1], ArticleMeta):
            return item[0], item[1]
        raise InputTypeError(
            f"input must be a str or a (str, ArticleMeta) tuple, not a tuple of {len(item)}"
        )
    return item, ArticleMeta()  # type: ignore[return-value]  # prepare_article checks it


def _raw_entries(texts: Iterable[object]) -> Iterator[tuple[int, object] | _SourceFailure]:
    iterator = iter(texts)
    for index in itertools.count():
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as exc:
            yield _SourceFailure(exc)
            return
        yield index, item


def _handle_failures(
    results: Iterator[RaceReport | FailedItem], on_error: OnError
) -> Iterator[RaceReport | FailedItem]:
    for result in results:
        if isinstance(result, FailedItem):
            if on_error == "raise":
                raise result.error or InputError(result.message)
            if on_error == "skip":
                continue
        yield result


# --------------------------------------------------------------------------- processes


def spawn_pool(
    workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes, each set up once by ``initializer``.

    Spawned, not forked: a fork of a process that runs threads (a progress
    bar, a Dask client) can deadlock, and each worker loads its own pipeline.
    """
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
        initargs=initargs,
    )


def chunked(
    items: Iterable[T],
    size: int,
    *,
    weight: Callable[[T], int] | None = None,
    budget: int | None = None,
) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items, streamed.

    With ``weight`` and ``budget`` a list also stops before its items weigh
    more than ``budget`` together (an item heavier than that goes alone):
    pipe() weighs texts by their length, so a batch holds about ``max_chars``
    characters and the base model's memory stays that of one long text.
    """
    chunk: list[T] = []
    total = 0
    for item in items:
        w = weight(item) if weight is not None and budget is not None else 0
        if chunk and (len(chunk) >= size or (budget is not None and total + w > budget)):
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += w
    if chunk:
        yield chunk


def in_order(
    submit: Callable[[T], Any], chunks: Iterable[T], window: int
) -> Iterator[tuple[T, Any]]:
    """``(chunk, result)`` in submission order, at most ``window`` chunks in flight.

    ``submit`` returns anything with ``.result()`` (a concurrent or a Dask
    future); results are awaited oldest first, so output order is input order.
    """
    pending: deque[tuple[T, Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= max(1, window):
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


_WORKER: Extractor | None = None


def _init_worker(model_spec: str, max_chars: int, base_info: BaseModelInfo) -> None:
    global _WORKER
    _WORKER = load(model_spec, max_chars=max_chars)
    # the parent's description of the base: a worker loads it by path, which would
    # otherwise make every record say "(explicit)" where the parent says "(bundled)"
    _WORKER.base_info = base_info


def _extract_chunk(chunk: list[tuple[int, object]]) -> list[str | FailedItem]:
    """Worker side of ``pipe(n_process>1)``: JSON records, or picklable failures."""
    assert _WORKER is not None
    results: list[str | FailedItem] = []
    items = (item for _, item in chunk)
    for (index, _), result in zip(chunk, _WORKER._pipe_here(items, len(chunk)), strict=True):  # type: ignore[arg-type]
        if isinstance(result, FailedItem):
            results.append(_picklable(replace(result, index=index)))
        else:
            results.append(result.model_dump_json())
    return results


def _picklable(item: FailedItem) -> FailedItem:
    try:
        pickle.dumps(item.error)
    except Exception:
        return replace(item, error=RuntimeError(item.message))
    return item


def load(model: str | Path | Language | None = None, *, max_chars: int = MAX_CHARS) -> Extractor:
    """Load the extractor on the best German base available (see ``base_model``)."""
    nlp, info = load_base(model)
    extractor = Extractor(nlp, info, max_chars=max_chars)
    if not isinstance(model, Language):
        # how worker processes load the same base: the name or path, else the one chosen
        extractor.model_spec = str(model) if model is not None else info.path or info.name
        if info.origin == "blank":
            extractor.model_spec = "blank"
    return extractor
