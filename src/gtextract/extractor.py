"""The library entry point: ``gtextract.load()`` -> ``Extractor``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
        doc = self.nlp.make_doc(text)
        doc.user_data["gtx_published"] = published
        for _, component in self.nlp.pipeline:
            doc = component(doc)
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
        """Stream reports for many texts (bad texts raise InputError in order)."""

        def prepared() -> Iterator[tuple[str, ArticleMeta]]:
            for item in texts:
                text, meta = item if isinstance(item, tuple) else (item, ArticleMeta())
                clean, page_title = self.prepare(text)
                if page_title and not meta.title:
                    meta = ArticleMeta(meta.source, meta.published, page_title)
                yield clean, meta

        def with_published() -> Iterator[tuple[Doc, ArticleMeta]]:
            for text, meta in prepared():
                doc = self.nlp.make_doc(text)
                doc.user_data["gtx_published"] = meta.published
                yield doc, meta

        for doc, meta in self.nlp.pipe(
            with_published(), as_tuples=True, n_process=n_process, batch_size=batch_size
        ):
            yield self.report(doc, meta)


def load(model: str | Path | Language | None = None, *, max_chars: int = MAX_CHARS) -> Extractor:
    """Load the extractor on the best German base available (see ``base_model``)."""
    nlp, info = load_base(model)
    return Extractor(nlp, info, max_chars=max_chars)
