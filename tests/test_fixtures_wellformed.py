"""The fixture gold records are well-formed and consistent with their texts.

Every fixture under ``fixtures/`` that has a gold ``.json`` beside it must

* follow gold format v1 of the dev set (keys, types, kinds, date pattern),
* list every result driver among its ``drivers``,
* name only things that stand literally in its text (so the gold can be
  checked against the report it was written for).

HTML pages are compared against their markup (names stand in the page as
plain UTF-8 text), encoded reports against their decoded text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"

GOLD_KEYS = {
    "id",
    "drivers",
    "teams",
    "cars",
    "tracks",
    "series",
    "results",
    "gaps_s",
    "events",
    "notes",
}
NAME_LISTS = ("drivers", "teams", "cars", "tracks", "series")
RESULT_KEYS = {"kind", "position", "driver", "class"}
EVENT_KEYS = {"name", "track", "date", "status"}
RESULT_KINDS = {"race", "qualifying"}
EVENT_STATUSES = {"scheduled", "cancelled"}
DATE_RE = re.compile(r"^(\d{4}-)?\d{2}-\d{2}$")
TEXT_SUFFIXES = (".txt", ".html")


def _gold_files() -> list[Path]:
    return sorted(FIXTURES.rglob("*.json"))


def _text_for(gold: Path) -> str:
    """The text the gold describes: NAME.txt or NAME.html beside NAME.json."""
    for suffix in TEXT_SUFFIXES:
        candidate = gold.with_suffix(suffix)
        if candidate.exists():
            raw = candidate.read_bytes()
            if gold.parent.name == "encodings":
                return raw.decode("cp1252")
            return raw.decode("utf-8")
    raise AssertionError(f"no text beside {gold.relative_to(ROOT)}")


GOLD = _gold_files()
IDS = [str(p.relative_to(FIXTURES)) for p in GOLD]


def test_fixtures_exist() -> None:
    assert (FIXTURES / "reports" / "gt_masters_sachsenring.txt").exists()
    assert (FIXTURES / "reports" / "gt_masters_sachsenring.json").exists()
    assert len(GOLD) >= 4


def test_every_text_has_gold() -> None:
    for suffix in TEXT_SUFFIXES:
        for text in FIXTURES.rglob(f"*{suffix}"):
            assert text.with_suffix(".json").exists(), f"{text} has no gold json"


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_gold_format(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(gold, dict)
    assert set(gold) == GOLD_KEYS
    assert gold["id"] == path.stem
    assert isinstance(gold["notes"], str) and gold["notes"].strip()

    for key in NAME_LISTS:
        names = gold[key]
        assert isinstance(names, list)
        for name in names:
            assert isinstance(name, str) and name.strip() == name and name
        assert len(names) == len(set(names)), f"duplicate in {key}"

    results = gold["results"]
    assert isinstance(results, list)
    seen: set[tuple[str, int, str, str | None]] = set()
    for result in results:
        assert set(result) == RESULT_KEYS
        assert result["kind"] in RESULT_KINDS
        assert isinstance(result["position"], int) and not isinstance(result["position"], bool)
        assert result["position"] >= 1
        assert result["driver"] in gold["drivers"], result
        assert result["class"] is None or (isinstance(result["class"], str) and result["class"])
        entry = (result["kind"], result["position"], result["driver"], result["class"])
        assert entry not in seen, f"duplicate result {entry}"
        seen.add(entry)

    gaps = gold["gaps_s"]
    assert isinstance(gaps, list)
    for gap in gaps:
        assert isinstance(gap, (int, float)) and not isinstance(gap, bool)
        assert gap >= 0
    assert len(gaps) == len(set(gaps)), "duplicate gap"

    events = gold["events"]
    assert isinstance(events, list)
    for event in events:
        assert set(event) == EVENT_KEYS
        assert isinstance(event["name"], str) and event["name"]
        assert event["track"] is None or isinstance(event["track"], str)
        assert event["date"] is None or DATE_RE.match(event["date"]), event
        assert event["status"] in EVENT_STATUSES
    names = [event["name"] for event in events]
    assert len(names) == len(set(names)), "events are deduplicated by name"


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_gold_names_stand_in_text(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _text_for(path)
    missing = []
    for key in NAME_LISTS:
        missing += [(key, name) for name in gold[key] if name not in text]
    for result in gold["results"]:
        if result["class"] is not None and result["class"] not in text:
            missing.append(("class", result["class"]))
    for event in gold["events"]:
        for field in ("name", "track"):
            if event[field] is not None and event[field] not in text:
                missing.append((f"event {field}", event[field]))
    assert not missing, missing


@pytest.mark.parametrize("path", GOLD, ids=IDS)
def test_gold_survives_scoring_dedup(path: Path) -> None:
    """The scorer deduplicates gold lists; no two gold entries may collapse."""
    evaluation = pytest.importorskip("gtextract.evaluation")

    def wrap(match: Callable[[Any, Any], bool]) -> Callable[[Any, Any], float | None]:
        return lambda a, b: 1.0 if match(a, b) else None

    gold = json.loads(path.read_text(encoding="utf-8"))
    for key in NAME_LISTS:
        kept = evaluation.dedupe(gold[key], wrap(evaluation.names_match))
        assert len(kept) == len(gold[key]), (key, gold[key], kept)
    kept = evaluation.dedupe(gold["results"], wrap(evaluation.results_match))
    assert len(kept) == len(gold["results"])
    kept = evaluation.dedupe(gold["gaps_s"], wrap(evaluation.gaps_match))
    assert len(kept) == len(gold["gaps_s"])
    by_name = wrap(lambda a, b: evaluation.names_match(a["name"], b["name"]))
    assert len(evaluation.dedupe(gold["events"], by_name)) == len(gold["events"])
    for result in gold["results"]:
        same = [d for d in gold["drivers"] if evaluation.names_match(d, result["driver"])]
        assert same == [result["driver"]], (result, same)


def test_report_lengths() -> None:
    """Report fixtures are realistic article excerpts: 1,000-2,500 characters."""
    for text in sorted((FIXTURES / "reports").glob("*.txt")):
        length = len(text.read_text(encoding="utf-8"))
        assert 1000 <= length <= 2500, (text.name, length)


def test_encoding_fixture_is_not_utf8() -> None:
    """The Latin-1 fixture must stay cp1252 bytes (re-saving it as UTF-8 breaks it)."""
    raw = (FIXTURES / "encodings" / "report_latin1.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert "Bäumler" in text and "Weißhaupt" in text


def test_gold_matches_record_literals() -> None:
    """The gold kinds and statuses are values the record contract allows."""
    from typing import get_args

    records = pytest.importorskip("gtextract.records")
    assert set(get_args(records.ResultKind)) >= RESULT_KINDS
    assert set(get_args(records.EventStatus)) >= EVENT_STATUSES
