"""Flatten a batch output (JSONL) into analyst tables: Parquet, CSV on request.

One file per table, one row per fact, each row with its ``article_id`` and
the evidence offsets (``start``, ``end``, ``evidence``) into the article's
prepared text:

=========  ==========================================================
articles   one row per article: source, title, date, counts
drivers    one row per driver per article (first mention's offsets)
teams      one row per team per article
cars       one row per car per article
tracks     one row per track per article
series     one row per series per article
mentions   one row per mention of any entity (all offsets)
results    one row per result; ``drivers`` joined with `` | ``
gaps       one row per gap (seconds or laps)
times      lap times, race times, penalties
events     upcoming / cancelled events
sessions   race, qualifying, practice mentions
quotes     quotes with their speaker
credits    text and photo credits
=========  ==========================================================

The tables are built by streaming the JSONL, in row groups, so memory does
not depend on the archive size.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gtextract.batch.outputs import read_outputs

__all__ = ["TABLES", "build_tables", "rows_of"]

_S = "string"
_I = "int64"
_F = "float64"
_B = "bool"

_EVIDENCE = [("start", _I), ("end", _I), ("evidence", _S)]

# Column names and types of every table (explicit, so empty tables keep their schema).
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", _S),
        ("source", _S),
        ("encoding", _S),
        ("format", _S),
        ("title", _S),
        ("published", _S),
        ("base_model", _S),
        ("schema_version", _S),
        ("n_drivers", _I),
        ("n_teams", _I),
        ("n_cars", _I),
        ("n_results", _I),
        ("n_gaps", _I),
        ("n_events", _I),
        ("n_quotes", _I),
    ],
    "drivers": [
        ("article_id", _S),
        ("name", _S),
        ("first_name", _S),
        ("last_name", _S),
        ("nationality", _S),
        ("hometown", _S),
        ("age", _I),
        ("team", _S),
        ("n_mentions", _I),
        *_EVIDENCE,
    ],
    "teams": [("article_id", _S), ("name", _S), ("n_mentions", _I), *_EVIDENCE],
    "cars": [
        ("article_id", _S),
        ("name", _S),
        ("make", _S),
        ("model", _S),
        ("number", _S),
        ("n_mentions", _I),
        *_EVIDENCE,
    ],
    "tracks": [("article_id", _S), ("name", _S), ("n_mentions", _I), *_EVIDENCE],
    "series": [("article_id", _S), ("name", _S), ("n_mentions", _I), *_EVIDENCE],
    "mentions": [("article_id", _S), ("entity", _S), ("name", _S), *_EVIDENCE],
    "results": [
        ("article_id", _S),
        ("kind", _S),
        ("position", _I),
        ("class", _S),
        ("drivers", _S),
        ("team", _S),
        ("car", _S),
        ("session", _S),
        ("status", _S),
        ("gap_seconds", _F),
        ("gap_laps", _I),
        ("gap_text", _S),
        *_EVIDENCE,
    ],
    "gaps": [
        ("article_id", _S),
        ("seconds", _F),
        ("laps", _I),
        ("approximate", _B),
        ("text", _S),
        *_EVIDENCE,
    ],
    "times": [("article_id", _S), ("kind", _S), ("seconds", _F), ("text", _S), *_EVIDENCE],
    "events": [
        ("article_id", _S),
        ("name", _S),
        ("track", _S),
        ("date", _S),
        ("status", _S),
        ("drivers", _S),
        ("team", _S),
        ("car", _S),
        ("class", _S),
        *_EVIDENCE,
    ],
    "sessions": [("article_id", _S), ("kind", _S), ("label", _S), *_EVIDENCE],
    "quotes": [("article_id", _S), ("speaker", _S), ("text", _S), *_EVIDENCE],
    "credits": [("article_id", _S), ("role", _S), ("name", _S), *_EVIDENCE],
}

JOIN = " | "


def _ev(evidence: dict[str, Any] | None) -> dict[str, Any]:
    if not evidence:
        return {"start": None, "end": None, "evidence": None}
    return {
        "start": evidence.get("start"),
        "end": evidence.get("end"),
        "evidence": evidence.get("text"),
    }


# Entities: their own table (first mention) plus one "mentions" row per mention.
_ENTITIES: dict[str, tuple[str, tuple[str, ...]]] = {  # table: (entity name, extra columns)
    "drivers": ("driver", ("first_name", "last_name", "nationality", "hometown", "age", "team")),
    "teams": ("team", ()),
    "cars": ("car", ("make", "model", "number")),
    "tracks": ("track", ()),
    "series": ("series", ()),
}
# Facts: one row per item with its evidence; lists of names joined with JOIN.
_FACTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # table: (columns, joined)
    "results": (("kind", "position", "class", "team", "car", "session", "status"), ("drivers",)),
    "gaps": (("seconds", "laps", "approximate", "text"), ()),
    "times": (("kind", "seconds", "text"), ()),
    "events": (("name", "track", "date", "status", "team", "car", "class"), ("drivers",)),
    "sessions": (("kind", "label"), ()),
    "quotes": (("speaker", "text"), ()),
    "credits": (("role", "name"), ()),
}
_COUNTED = ("drivers", "teams", "cars", "results", "gaps", "events", "quotes")


def _items(report: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return list(report.get(key) or [])


def _article_row(aid: str, line: dict[str, Any], report: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": aid,
        "source": line.get("source"),
        "encoding": line.get("encoding"),
        "format": line.get("format"),
        "title": report.get("title"),
        "published": report.get("published"),
        "base_model": report.get("base_model"),
        "schema_version": report.get("schema_version"),
        **{f"n_{key}": len(_items(report, key)) for key in _COUNTED},
    }


def _entity_rows(
    aid: str, entity: str, items: list[dict[str, Any]], extra: tuple[str, ...]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for item in items:
        item_mentions = item.get("mentions") or []
        row = {"article_id": aid, "name": item.get("name"), "n_mentions": len(item_mentions)}
        row.update({key: item.get(key) for key in extra})
        row.update(_ev(item_mentions[0] if item_mentions else None))
        rows.append(row)
        for mention in item_mentions:
            mentions.append(
                {"article_id": aid, "entity": entity, "name": item.get("name"), **_ev(mention)}
            )
    return rows, mentions


def _fact_row(
    aid: str, item: dict[str, Any], columns: tuple[str, ...], joined: tuple[str, ...]
) -> dict[str, Any]:
    row = {"article_id": aid, **{key: item.get(key) for key in columns}}
    row.update({key: JOIN.join(item.get(key) or []) for key in joined})
    row.update(_ev(item.get("evidence")))
    return row


def _gap_columns(result: dict[str, Any]) -> dict[str, Any]:
    gap = result.get("gap") or {}
    return {
        "gap_seconds": gap.get("seconds"),
        "gap_laps": gap.get("laps"),
        "gap_text": gap.get("text"),
    }


def rows_of(line: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The table rows of one output line (``{"article_id", ..., "report"}``)."""
    aid = str(line.get("article_id"))
    report: dict[str, Any] = line.get("report") or {}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    out["articles"].append(_article_row(aid, line, report))
    for table, (entity, extra) in _ENTITIES.items():
        rows, mentions = _entity_rows(aid, entity, _items(report, table), extra)
        out[table].extend(rows)
        out["mentions"].extend(mentions)
    for table, (columns, joined) in _FACTS.items():
        out[table] = [_fact_row(aid, item, columns, joined) for item in _items(report, table)]
    for row, result in zip(out["results"], _items(report, "results"), strict=True):
        row.update(_gap_columns(result))
    return out


class _TableWriter:
    """Buffers the rows of one table and writes row groups (Parquet and/or CSV)."""

    def __init__(self, name: str, directory: Path, *, parquet: bool, csv: bool, rows: int) -> None:
        import pyarrow as pa

        self.name = name
        self.schema = pa.schema([(col, pa.type_for_alias(kind)) for col, kind in TABLES[name]])
        self.buffer: list[dict[str, Any]] = []
        self.limit = rows
        self.count = 0
        self._parquet: Any = None
        self._csv: Any = None
        if parquet:
            import pyarrow.parquet as pq

            self._parquet = pq.ParquetWriter(directory / f"{name}.parquet", self.schema)
        if csv:
            import pyarrow.csv as pacsv

            self._csv = pacsv.CSVWriter(directory / f"{name}.csv", self.schema)

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= self.limit:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if not self.buffer:
            return
        table = pa.Table.from_pylist(self.buffer, schema=self.schema)
        if self._parquet is not None:
            self._parquet.write_table(table)
        if self._csv is not None:
            self._csv.write_table(table)
        self.count += len(self.buffer)
        self.buffer = []

    def close(self) -> None:
        self.flush()
        if self._parquet is not None:
            self._parquet.close()
        if self._csv is not None:
            self._csv.close()


def build_tables(
    outputs: Path | str | Iterable[Path | str],
    directory: Path | str,
    *,
    parquet: bool = True,
    csv: bool = False,
    row_group: int = 50_000,
) -> dict[str, int]:
    """Write every table of :data:`TABLES` under ``directory``; return row counts.

    ``outputs`` are batch output files (JSONL); they are streamed line by line.
    """
    if not parquet and not csv:
        raise ValueError("choose Parquet, CSV or both")
    paths = [Path(outputs)] if isinstance(outputs, (str, Path)) else [Path(p) for p in outputs]
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    writers = {
        name: _TableWriter(name, directory, parquet=parquet, csv=csv, rows=row_group)
        for name in TABLES
    }
    try:
        for line in read_outputs(paths):
            for name, rows in rows_of(line).items():
                writers[name].add(rows)
    finally:
        for writer in writers.values():
            writer.close()
    return {name: writer.count for name, writer in writers.items()}
