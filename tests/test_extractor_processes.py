"""``Extractor.pipe(n_process=2)``: worker processes, same records, same order."""

from __future__ import annotations

import datetime

import pytest

import gtextract
from gtextract import ArticleMeta

TEXTS = [
    "Jonas Brenninger und Lars ter Horst gewannen im Audi R8 LMS mit 0,412 Sekunden Vorsprung.",
    "Platz zwei ging an Mathis de Vries (22, Utrecht, Team Hollweg) im BMW M4 GT3.",
    "Das nächste Rennen steigt am 14. September auf dem Sachsenring.",
]


def test_two_processes_give_the_same_records_in_order() -> None:
    extractor = gtextract.load("blank")
    items = [
        (t, ArticleMeta(source=f"t{i}", published=datetime.date(2025, 8, 1)))
        for i, t in enumerate(TEXTS)
    ]
    one = [r.model_dump_json() for r in extractor.pipe(items, n_process=1)]
    two = [r.model_dump_json() for r in extractor.pipe(items, n_process=2, batch_size=1)]
    assert one == two
    assert [r.source for r in extractor.pipe(items, n_process=2, batch_size=2)] == [
        "t0",
        "t1",
        "t2",
    ]


def test_processes_need_a_reloadable_model() -> None:
    extractor = gtextract.load(gtextract.load("blank").nlp)
    with pytest.raises(ValueError, match="by name or path"):
        list(extractor.pipe(TEXTS, n_process=2))
