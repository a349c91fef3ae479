"""The worker's memory zones across chunks and the one preparation of each article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from batch_archives import write_jsonl
from batch_stub import StubExtractor
from batch_texts import REPORTS

from gtextract.batch import BatchOptions, run_batch
from gtextract.batch.worker import VocabZones, run_chunk, vocab_zones
from gtextract.text_input import ArticleText


def test_warm_up_outside_zones_then_zones_renewed_by_size() -> None:
    nlp = spacy.blank("de")
    zones = VocabZones(nlp, warm_chars=10, zone_chars=20)
    zones.before(10)  # the warm-up: no zone, its words stay
    nlp("Warmwort")
    assert not zones.is_open
    zones.before(15)
    assert zones.is_open
    nlp("Zonenwort")
    zones.before(10)  # 15 of 20 characters used: the same zone goes on
    assert "Zonenwort" in nlp.vocab.strings
    zones.before(5)  # 25 >= 20: the zone ends (its words freed), a new one starts
    assert zones.is_open
    assert "Zonenwort" not in nlp.vocab.strings
    assert "Warmwort" in nlp.vocab.strings
    nlp("Spätwort")
    zones.close()
    assert not zones.is_open
    assert "Spätwort" not in nlp.vocab.strings


def test_in_process_run_leaves_no_zone_open(tmp_path: Path) -> None:
    stub = StubExtractor()
    zones = vocab_zones(stub)
    assert zones is not None
    zones.warm_left = 0  # straight into a zone
    export = write_jsonl(tmp_path / "export.jsonl")
    run_batch(
        [export], tmp_path / "out.jsonl", BatchOptions(jobs=1, progress=False), extractor=stub
    )
    assert stub.calls > 0
    assert not zones.is_open


class PipeStub(StubExtractor):
    """A stub with ``pipe`` that takes prepared articles and records what it was given."""

    pipe_takes_articles = True

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def pipe(self, items: list[Any], **_: Any) -> Any:
        self.items.extend(items)
        return (self(article.text, title=meta.title) for article, meta in items)


def test_chunk_hands_the_prepared_article_to_pipe() -> None:
    from gtextract.batch.sources import RawArticle

    stub = PipeStub()
    raws = [RawArticle(article_id=f"a{i}", source="t", text=t) for i, t in enumerate(REPORTS[:2])]
    outcomes = run_chunk(raws, stub)
    assert [o.ok for o in outcomes] == [True, True]
    assert all(isinstance(article, ArticleText) for article, _ in stub.items)
    assert stub.calls == 2  # one extraction each, none again alone


def test_a_pipe_without_the_flag_gets_the_text() -> None:
    from gtextract.batch.sources import RawArticle

    class TextPipe(PipeStub):
        pipe_takes_articles = False

        def pipe(self, items: list[Any], **_: Any) -> Any:
            self.items.extend(items)
            return (self(text, title=meta.title) for text, meta in items)

    stub = TextPipe()
    run_chunk([RawArticle(article_id="a", source="t", text=REPORTS[0])], stub)
    assert [type(text) for text, _ in stub.items] == [str]


def test_a_chunk_goes_through_spacy_in_small_batches() -> None:
    from gtextract.batch.sources import RawArticle
    from gtextract.batch.worker import PIPE_BATCH

    sizes: list[int] = []

    class Sized(PipeStub):
        def pipe(self, items: list[Any], batch_size: int, **kwargs: Any) -> Any:
            sizes.append(batch_size)
            return super().pipe(items, **kwargs)

    chunk = [RawArticle(article_id=f"a{i}", source="t", text=REPORTS[i % 3]) for i in range(20)]
    run_chunk(chunk, Sized())
    assert sizes == [PIPE_BATCH] and PIPE_BATCH < 20
