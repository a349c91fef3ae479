"""The library entry point: ``gtextract.load()`` -> ``Extractor``."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from gtextract.assemble import Assembler
from gtextract.base_model import BaseModelInfo, load_base
from gtextract.pipeline import add_components
from gtextract.records import RaceReport
from gtextract.text_input import MAX_CHARS, html_to_article, looks_like_html, prepare_text


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    source: str | None = None
    published: date | None = None
    title: str | None = None


class Extractor:
    """Reads German race reports and returns ``RaceReport`` records.

    Load once, call many times: building the pipeline costs about a second,
    a report a few milliseconds.
    """

    def __init__(self, nlp: Language, base_info: BaseModelInfo, *, max_chars: int = MAX_CHARS):
        self.nlp = add_components(nlp)
        self.base_info = base_info
        self.max_chars = max_chars
        self.model_spec: str | None = None  # set by load(); lets worker processes reload
        self._assemble = Assembler()

    def prepare(self, text: str) -> tuple[str, str | None]:
        """Clean report text (HTML -> main text) and its title if the page had one.

        Evidence offsets always refer to this prepared text.
        """
        title = None
        if looks_like_html(text):
            article = html_to_article(text)
            text, title = article.text, article.title
        return prepare_text(text, max_chars=self.max_chars), title

    def process(self, text: str, *, published: date | None = None) -> Doc:
        """The annotated spaCy Doc of a (prepared) report."""
        return self.nlp(self._new_doc(text, published))

    def _new_doc(self, text: str, published: date | None) -> Doc:
        """A tokenised Doc that tells the components the publication date."""
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
        clean, page_title = self.prepare(text)
        doc = self.process(clean, published=published)
        return self.report(doc, ArticleMeta(source, published, title or page_title))

    def pipe(
        self,
        texts: Iterable[str | tuple[str, ArticleMeta]],
        *,
        n_process: int = 1,
        batch_size: int = 32,
    ) -> Iterator[RaceReport]:
        """Stream reports for many texts, in input order (bad texts raise InputError).

        With ``n_process > 1`` the texts go to worker processes that each load
        their own extractor once and send back JSON records, not Docs (a Doc with
        gtextract's annotations does not cross process boundaries).
        """
        if n_process > 1:
            yield from self._pipe_processes(texts, n_process, batch_size)
            return

        def prepared() -> Iterator[tuple[Doc, ArticleMeta]]:
            for item in texts:
                text, meta = item if isinstance(item, tuple) else (item, ArticleMeta())
                clean, page_title = self.prepare(text)
                if page_title and not meta.title:
                    meta = ArticleMeta(meta.source, meta.published, page_title)
                yield self._new_doc(clean, meta.published), meta

        for doc, meta in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
            yield self.report(doc, meta)

    def _pipe_processes(
        self, texts: Iterable[str | tuple[str, ArticleMeta]], n_process: int, batch_size: int
    ) -> Iterator[RaceReport]:
        if self.model_spec is None:
            raise ValueError(
                "pipe(n_process>1) needs an extractor loaded by name or path, "
                "not from a Language object"
            )
        items = ((t, ArticleMeta()) if isinstance(t, str) else t for t in texts)
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            n_process,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.model_spec, self.max_chars),
        ) as pool:
            pending: deque[Future[list[str]]] = deque()
            for chunk in _chunks(items, batch_size):
                pending.append(pool.submit(_extract_chunk, chunk))
                while len(pending) > 2 * n_process:  # bounded: archives need not fit in memory
                    yield from _reports(pending.popleft())
            while pending:
                yield from _reports(pending.popleft())


_WORKER: Extractor | None = None


def _init_worker(model_spec: str, max_chars: int) -> None:
    global _WORKER
    _WORKER = load(model_spec, max_chars=max_chars)


def _extract_chunk(chunk: list[tuple[str, ArticleMeta]]) -> list[str]:
    assert _WORKER is not None
    return [
        _WORKER(text, source=m.source, published=m.published, title=m.title).model_dump_json()
        for text, m in chunk
    ]


def _reports(future: Future[list[str]]) -> Iterator[RaceReport]:
    for line in future.result():
        yield RaceReport.model_validate_json(line)


def _chunks(
    items: Iterable[tuple[str, ArticleMeta]], size: int
) -> Iterator[list[tuple[str, ArticleMeta]]]:
    chunk: list[tuple[str, ArticleMeta]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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
