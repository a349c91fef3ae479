"""Cross-article merging of drivers, teams and cars."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gtextract.batch.aggregate import aggregate, aggregate_lines
from gtextract.names import fold, split_name


def line(
    aid: str,
    drivers: list[str],
    *,
    teams: list[str] = (),
    results: list[dict[str, Any]] = (),
    driver_teams: dict[str, str] | None = None,
    cars: list[str] = (),
) -> dict[str, Any]:
    driver_teams = driver_teams or {}
    return {
        "article_id": aid,
        "source": aid,
        "report": {
            "drivers": [{"name": d, "team": driver_teams.get(d), "mentions": []} for d in drivers],
            "teams": [{"name": t, "mentions": []} for t in teams],
            "cars": [{"name": c, "mentions": []} for c in cars],
            "results": list(results),
        },
    }


def by_name(view: dict[str, Any], kind: str = "drivers") -> dict[str, dict[str, Any]]:
    return {entry["name"]: entry for entry in view[kind]}


def test_split_and_fold() -> None:
    assert split_name("Kelvin van der Linde") == ("Kelvin", "van der Linde")
    assert split_name("K. van der Linde") == ("K.", "van der Linde")
    assert split_name("van der Linde") == (None, "van der Linde")
    assert split_name("René Rast") == ("René", "Rast")
    assert split_name("Rast") == (None, "Rast")
    assert fold("Kelvin Van der Linde") == fold("kelvin van der linde")
    assert fold("Nico Müller") == "nico mueller"
    assert fold("René") == "rene"


def test_van_der_linde_variants_merge_but_brothers_stay_apart() -> None:
    lines = [
        line(
            "a1",
            ["Kelvin van der Linde", "Marco Wittmann"],
            results=[{"kind": "race", "position": 1, "drivers": ["Kelvin van der Linde"]}],
        ),
        line(
            "a2",
            ["Kelvin Van der Linde", "Sheldon van der Linde"],
            results=[
                {"kind": "race", "position": 2, "drivers": ["Sheldon van der Linde"]},
                {"kind": "race", "position": 1, "drivers": ["Kelvin Van der Linde"]},
            ],
        ),
        # Short form next to the full name in the same article: it is Kelvin.
        line("a3", ["Kelvin van der Linde", "K. van der Linde"]),
        # Initial alone, but only one "K." van der Linde in the archive.
        line(
            "a4",
            ["K. van der Linde"],
            results=[{"kind": "qualifying", "position": 3, "drivers": ["K. van der Linde"]}],
        ),
        # Surname alone with both brothers in the archive and no context: unclear.
        line("a5", ["van der Linde"]),
        # Surname alone next to Sheldon only: Sheldon.
        line("a6", ["Sheldon van der Linde", "van der Linde"]),
    ]
    view = aggregate_lines(lines)
    drivers = by_name(view)
    kelvin, sheldon = drivers["Kelvin van der Linde"], drivers["Sheldon van der Linde"]
    assert kelvin["id"] != sheldon["id"]
    assert set(kelvin["variants"]) == {
        "Kelvin van der Linde",
        "Kelvin Van der Linde",
        "K. van der Linde",
    }
    assert kelvin["articles"] == ["a1", "a2", "a3", "a4"]
    assert sheldon["articles"] == ["a2", "a6"]
    assert sorted((r["article_id"], r["position"]) for r in kelvin["results"]) == [
        ("a1", 1),
        ("a2", 1),
        ("a4", 3),
    ]
    assert [(r["article_id"], r["position"]) for r in sheldon["results"]] == [("a2", 2)]
    unclear = drivers["van der Linde"]
    assert unclear["ambiguous"] is True and unclear["articles"] == ["a5"]
    assert sorted(unclear["candidates"]) == sorted([kelvin["id"], sheldon["id"]])
    assert "Marco Wittmann" in drivers and view["articles"] == 6


def test_same_surname_different_people_and_typo_merge() -> None:
    view = aggregate_lines(
        [
            line("b1", ["Nico Müller", "Marco Wittmann"]),
            line("b2", ["Nico Mueller", "Marco Wittman"]),  # transliteration and a typo
            line("b3", ["Thomas Müller"]),
            line("b4", ["Müller"], driver_teams={"Müller": "Team Rosberg"}),
            line("b5", ["Nico Müller"], driver_teams={"Nico Müller": "Team Rosberg"}),
        ]
    )
    drivers = by_name(view)
    assert set(drivers["Nico Müller"]["variants"]) == {"Nico Müller", "Nico Mueller", "Müller"}
    assert drivers["Nico Müller"]["articles"] == ["b1", "b2", "b4", "b5"]  # b4 by team
    assert drivers["Thomas Müller"]["articles"] == ["b3"]
    assert set(drivers["Marco Wittmann"]["variants"]) == {"Marco Wittmann", "Marco Wittman"}


def test_two_drivers_in_one_article_are_never_merged() -> None:
    # "Christian" and "Christiane" are close spellings but named side by side.
    view = aggregate_lines([line("c1", ["Christian Engel", "Christiane Engel"])])
    assert len(view["drivers"]) == 2


def test_teams_and_cars() -> None:
    view = aggregate_lines(
        [
            line(
                "t1",
                [],
                teams=["Abt Sportsline", "Mercedes-AMG Team HRT"],
                cars=["Audi R8 LMS GT3"],
            ),
            line(
                "t2",
                [],
                teams=["Team Abt Sportsline", "Mercedes AMG Team HRT"],
                cars=["Audi R8 LMS GT3"],
            ),
            line(
                "t3",
                [],
                teams=["ABT Sportsline", "Mercedes-AMG Team Toksport"],
                cars=["Audi R8 LMS GT3 evo"],
            ),
        ]
    )
    teams = by_name(view, "teams")
    abt = next(t for t in view["teams"] if "Abt Sportsline" in t["variants"])
    assert set(abt["variants"]) == {"Abt Sportsline", "Team Abt Sportsline", "ABT Sportsline"}
    assert abt["articles"] == ["t1", "t2", "t3"]
    hrt = next(t for t in view["teams"] if "Mercedes-AMG Team HRT" in t["variants"])
    assert "Mercedes AMG Team HRT" in hrt["variants"]
    assert "Mercedes-AMG Team Toksport" in teams
    cars = by_name(view, "cars")
    assert cars["Audi R8 LMS GT3"]["n_articles"] == 2 and "Audi R8 LMS GT3 evo" in cars


def test_aggregate_reads_files(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(
        "\n".join(json.dumps(x) for x in [line("f1", ["Maro Engel"]), line("f2", ["Maro Engel"])])
        + "\n",
        encoding="utf-8",
    )
    view = aggregate(path)
    assert by_name(view)["Maro Engel"]["n_articles"] == 2
    assert view["drivers"][0]["id"] == "D00001"


def test_short_name_never_given_in_full() -> None:
    view = aggregate_lines([line("s1", ["Sörensen"]), line("s2", ["Sörensen", "Maro Engel"])])
    soerensen = by_name(view)["Sörensen"]
    assert soerensen.get("short_name_only") is True and "ambiguous" not in soerensen
    assert soerensen["articles"] == ["s1", "s2"]
