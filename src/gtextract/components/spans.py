"""Shared names and helpers for the span layers gtextract writes on a Doc."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import cast

from spacy.attrs import IDX, LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span, SpanGroup, Token

from gtextract.components.contract import (  # noqa: F401  (re-exported)
    CANDIDATES,
    LABEL_PRIORITY,
    MEASURES,
    NESTED,
    RESOLVED,
)

# (start, end, label, kb_id) of a span; a list, not a tuple, once user_data went
# through msgpack (Doc.to_bytes, Extractor.pipe(n_process=2))
Row = tuple[int, int, str, str]


def add_candidates(doc: Doc, spans: Iterable[Span]) -> None:
    """Append spans to the candidate layer (creating it if needed)."""
    spans = list(spans)
    group = doc.spans.get(CANDIDATES)
    if group is None:
        doc.spans[CANDIDATES] = spans
        doc.user_data[CANDIDATE_ROWS] = _rows(spans)
    else:
        rows = _candidate_rows(doc)  # of the layer as it is, before the new spans
        group.extend(spans)  # in place: no Span object per existing candidate
        rows.extend(_rows(spans))


def replace_candidates(doc: Doc, rows: Iterable[Row]) -> None:
    """Make the candidate layer these rows (e.g. ``candidate_rows`` minus some)."""
    kept = list(rows)
    doc.spans[CANDIDATES] = [Span(doc, a, b, label=label, kb_id=kb) for a, b, label, kb in kept]
    doc.user_data[CANDIDATE_ROWS] = kept


def candidates(doc: Doc, *labels: str) -> list[Span]:
    """The candidates with these labels (all without labels), a new Span each."""
    return [
        Span(doc, a, b, label=label, kb_id=kb)
        for a, b, label, kb in _candidate_rows(doc)
        if not labels or label in labels
    ]


def candidate_rows(doc: Doc, *labels: str) -> list[Row]:
    """``candidates`` as (start, end, label, kb_id) rows: no Span object each."""
    rows = _candidate_rows(doc)
    return [row for row in rows if row[2] in labels] if labels else list(rows)


CANDIDATE_ROWS = "gtx_candidate_rows"  # user_data key of the rows
RowList = list[Row]  # the alias once: a subscript in the cache lookup is built per call


def _rows(spans: Iterable[Span]) -> list[Row]:
    return [(s.start, s.end, s.label_, s.kb_id_) for s in spans]


def _candidate_rows(doc: Doc) -> list[Row]:
    """The candidate layer as rows in its order, cached per Doc and kept up to date by
    ``add_candidates``: reading the SpanGroup makes a Span (and two Tokens) per
    candidate, and five components read the layer. A layer written some other way
    (``doc.spans[CANDIDATES] = ...``) is read again when its size or its first or
    last span differ from the rows."""
    group = doc.spans.get(CANDIDATES)
    if group is None:
        return []
    rows = doc.user_data.get(CANDIDATE_ROWS)
    if rows is None or len(rows) != len(group) or (rows and not _same(rows, group)):
        rows = doc.user_data[CANDIDATE_ROWS] = _rows(group)
    return cast(RowList, rows)


def _same(rows: list[Row], group: SpanGroup) -> bool:
    first, last = group[0], group[-1]
    a, z = rows[0], rows[-1]
    return (
        a[0] == first.start
        and a[1] == first.end
        and a[2] == first.label_
        and z[0] == last.start
        and z[1] == last.end
        and z[2] == last.label_
    )


def _resolved_rows(doc: Doc) -> tuple[list[tuple[int, int, str, str]], list[int]]:
    """The resolved layer as sorted rows, cached per Doc: components query it per
    clause, and building every Span each time made long texts quadratic."""
    group = doc.spans.get(RESOLVED)
    size = len(group) if group is not None else 0
    cached = doc.user_data.get("gtx_resolved")
    if cached is None or cached[0] != size:
        rows = sorted((s.start, s.end, s.label_, s.kb_id_) for s in group) if group else []
        cached = (size, rows, [r[0] for r in rows])
        doc.user_data["gtx_resolved"] = cached
    return cached[1], cached[2]


def resolved_rows(
    doc: Doc, *labels: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, str, str]]:
    """``resolved`` as (start, end, label, kb_id) rows: no Span object each."""
    rows, starts = _resolved_rows(doc)
    lo = bisect_left(starts, start)
    hi = len(rows) if end is None else bisect_left(starts, end)
    return [row for row in rows[lo:hi] if not labels or row[2] in labels]


def resolved(doc: Doc, *labels: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Resolved spans with these labels starting in tokens [start, end)."""
    rows, starts = _resolved_rows(doc)
    lo = bisect_left(starts, start)
    hi = len(rows) if end is None else bisect_left(starts, end)
    return [
        Span(doc, a, b, label=label, kb_id=kb)
        for a, b, label, kb in rows[lo:hi]
        if not labels or label in labels
    ]


def text_of(doc: Doc) -> str:
    """``doc.text`` computed once per Doc (spaCy joins the tokens on every access)."""
    text = doc.user_data.get("gtx_text")
    if text is None:
        # what spaCy joins, from the plain token lists (no Token object per word)
        texts, spaces = token_texts(doc), token_spaces(doc)
        text = doc.user_data["gtx_text"] = "".join(
            [w + " " if sp else w for w, sp in zip(texts, spaces, strict=True)]
        )
    return str(text)


# texts, lower forms, trailing-space flags, character offsets (one entry per token)
TokenColumns = tuple[list[str], list[str], list[int], list[int]]


def _token_columns(doc: Doc) -> TokenColumns:
    """(texts, lower forms, trailing-space flags, character offsets) of every token,
    read from the Doc's array once per Doc: no Token object per word, which is what
    a scan over every token of a long report costs. Cached in ``user_data`` as plain
    lists (msgpack-serialisable); callers must not modify them."""
    cached = doc.user_data.get("gtx_tokens")
    if cached is None or len(cached[0]) != len(doc):
        strings = doc.vocab.strings
        orth, lower, space, idx = doc.to_array([ORTH, LOWER, SPACY, IDX]).T.tolist()
        cached = doc.user_data["gtx_tokens"] = (
            [strings[key] for key in orth],
            [strings[key] for key in lower],
            space,
            idx,
        )
    return cast(TokenColumns, cached)  # the alias: a subscript here is built per call


def token_texts(doc: Doc) -> list[str]:
    """Every token's text (``doc[i].text``), once per Doc."""
    return _token_columns(doc)[0]


def lower_forms(doc: Doc) -> list[str]:
    """Every token's lower-case form (``doc[i].lower_``), once per Doc."""
    return _token_columns(doc)[1]


def token_spaces(doc: Doc) -> list[int]:
    """1 where a token is followed by a space (``doc[i].whitespace_ == " "``), else 0."""
    return _token_columns(doc)[2]


def token_offsets(doc: Doc) -> list[int]:
    """Every token's character offset (``doc[i].idx``), once per Doc."""
    return _token_columns(doc)[3]


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (0 <= start) cut from the cached text: no Span, and
    no join over its tokens."""
    end = min(end, len(doc))
    if end <= start:
        return ""
    texts, _, _, offsets = _token_columns(doc)
    return text_of(doc)[offsets[start] : offsets[end - 1] + len(texts[end - 1])]


def _sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(start, end, start_char, end_char) of every sentence, computed once per Doc.

    Callers must not modify the list: it is the cached one (copying it on every
    call cost more than the lookups it served)."""
    bounds = doc.user_data.get("gtx_sents")
    if bounds is None:
        bounds = doc.user_data["gtx_sents"] = [
            (s.start, s.end, s.start_char, s.end_char) for s in doc.sents
        ]
    return bounds


def sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """(start, end, start_char, end_char) of every sentence, once per Doc; callers
    must not modify the list. Cheaper than ``sentences`` where no Span is needed."""
    return _sentence_bounds(doc)


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)`` computed once per Doc (spaCy rebuilds it on every access)."""
    return [doc[a:b] for a, b, _, _ in _sentence_bounds(doc)]


def sentence_at_char(doc: Doc, char: int) -> Span | None:
    """The sentence containing a character offset."""
    bounds = _sentence_bounds(doc)
    starts = doc.user_data.get("gtx_sent_chars")
    if starts is None or len(starts) != len(bounds):
        starts = doc.user_data["gtx_sent_chars"] = [b[2] for b in bounds]
    i = bisect_right(starts, char) - 1
    if i >= 0 and bounds[i][2] <= char < bounds[i][3]:
        return doc[bounds[i][0] : bounds[i][1]]
    return None


def sentence_starts(doc: Doc) -> bytes:
    """A byte per token, 1 where a sentence starts: O(1) lookups, msgpack-serialisable."""
    starts = doc.user_data.get("gtx_sent_starts")
    if starts is None:
        flags = bytearray(len(doc))
        for bound in _sentence_bounds(doc):
            flags[bound[0]] = 1
        starts = doc.user_data["gtx_sent_starts"] = bytes(flags)
    return starts


def is_sentence_start(tok: Token) -> bool:
    """``tok.is_sent_start`` without spaCy's per-call scan of the whole Doc."""
    return bool(sentence_starts(tok.doc)[tok.i])
