"""Analyst tables from a batch output: one row per fact, with evidence offsets."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from gtextract.batch.tables import TABLES, build_tables
from gtextract.records import (
    Driver,
    Event,
    Evidence,
    Gap,
    RaceReport,
    Result,
    Team,
)

TEXT = "Kelvin van der Linde gewann vor Marco Wittmann mit 2,4 Sekunden Vorsprung."


def ev(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence(start=start, end=start + len(fragment), text=fragment)


def write_output(path: Path) -> None:
    gap = Gap(seconds=2.4, text="2,4 Sekunden", evidence=ev("2,4 Sekunden"))
    report = RaceReport(
        title="Sieg am Sachsenring",
        drivers=[
            Driver(
                name="Kelvin van der Linde",
                first_name="Kelvin",
                last_name="van der Linde",
                mentions=[ev("Kelvin van der Linde")],
            ),
            Driver(name="Marco Wittmann", mentions=[ev("Marco Wittmann")]),
        ],
        teams=[Team(name="Abt Sportsline")],
        results=[
            Result(
                kind="race",
                position=1,
                drivers=["Kelvin van der Linde"],
                evidence=ev("Kelvin van der Linde gewann"),
            ),
            Result(
                kind="race",
                position=2,
                drivers=["Marco Wittmann"],
                gap=gap,
                evidence=ev("vor Marco Wittmann"),
            ),
        ],
        gaps=[gap],
        events=[Event(name="Nürburgring", date="09-12", evidence=ev("Vorsprung"))],
    )
    lines = [
        {
            "article_id": "a/1.txt",
            "source": "a/1.txt",
            "encoding": "utf-8",
            "format": "text",
            "report": report.model_dump(mode="json", by_alias=True),
        },
        {
            "article_id": "a/2.txt",
            "source": "a/2.txt",
            "encoding": "cp1252",
            "format": "text",
            "report": RaceReport().model_dump(mode="json"),
        },
    ]
    path.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8"
    )


def test_parquet_and_csv_tables(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    write_output(out)
    counts = build_tables(out, tmp_path / "tables", csv=True)
    assert counts["articles"] == 2 and counts["drivers"] == 2 and counts["results"] == 2
    assert counts["gaps"] == 1 and counts["events"] == 1 and counts["teams"] == 1
    assert counts["mentions"] == 2 and counts["quotes"] == 0
    for name in TABLES:
        assert (tmp_path / "tables" / f"{name}.parquet").exists()
        assert (tmp_path / "tables" / f"{name}.csv").exists()

    results = pq.read_table(tmp_path / "tables" / "results.parquet").to_pylist()
    second = results[1]
    assert second["article_id"] == "a/1.txt" and second["position"] == 2
    assert second["gap_seconds"] == 2.4 and second["drivers"] == "Marco Wittmann"
    assert TEXT[second["start"] : second["end"]] == second["evidence"] == "vor Marco Wittmann"

    drivers = pq.read_table(tmp_path / "tables" / "drivers.parquet").to_pylist()
    assert [(d["name"], d["last_name"], d["start"]) for d in drivers] == [
        ("Kelvin van der Linde", "van der Linde", 0),
        ("Marco Wittmann", None, TEXT.index("Marco")),
    ]
    articles = {
        r["article_id"]: r
        for r in pq.read_table(tmp_path / "tables" / "articles.parquet").to_pylist()
    }
    assert articles["a/2.txt"]["encoding"] == "cp1252" and articles["a/1.txt"]["n_results"] == 2

    with open(tmp_path / "tables" / "gaps.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["text"] == "2,4 Sekunden" and float(rows[0]["seconds"]) == 2.4
    # Empty tables still carry their columns.
    quotes = pq.read_table(tmp_path / "tables" / "quotes.parquet")
    assert quotes.num_rows == 0 and quotes.column_names == [c for c, _ in TABLES["quotes"]]
