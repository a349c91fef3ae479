"""The cross-article view: canonical drivers, teams and cars of an archive.

Drivers are merged in three steps, always within one *surname block* (surnames
equal after case and umlaut folding, or within a small edit distance):

1. full names ("Kelvin van der Linde", "Kelvin Van der Linde") merge when
   their given names match (exactly, or fuzzily for typos) - unless one
   article names both as different drivers;
2. short forms ("K. van der Linde", "van der Linde") are resolved *per
   article*: to the full name of that surname in the same article, else to
   the only person of the archive with that surname (and initial), else to
   the one who drove for the same team;
3. what is still ambiguous stays a separate entry marked ``ambiguous`` with
   its candidates (a short form never given in full anywhere is kept as its
   own entry marked ``short_name_only``) - two people who share a surname are never merged.

Teams and cars merge on normalised names (case, punctuation, umlauts, a
leading or trailing "Team", legal forms) and near-identical spellings.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from gtextract.batch.outputs import LineCounts, read_outputs
from gtextract.names import fold, split_name

__all__ = ["aggregate", "aggregate_lines"]

SURNAME_SIMILARITY = 90  # "Wittmann" / "Wittman"
GIVEN_SIMILARITY = 88  # "Kelvin" / "Kelvyn"
NAME_SIMILARITY = 93  # teams and cars
_TEAM_NOISE_WORDS = "team gmbh ag e v ev ltd kg co"
_TEAM_NOISE = frozenset(_TEAM_NOISE_WORDS.split())


def _is_initial(given: str) -> bool:
    parts = [p for p in re.split(r"[\s.\-]+", given) if p]
    return bool(parts) and all(len(p) == 1 for p in parts)


# --------------------------------------------------------------------------- occurrences


@dataclass
class _Occurrence:
    """One driver name as used in one article."""

    article_id: str
    name: str
    given: str  # folded; "" when only the surname is given
    initial: bool
    surname: str  # folded
    teams: set[str] = field(default_factory=set)  # folded, for matching
    team_names: set[str] = field(default_factory=set)  # as written, for the team ids


@dataclass
class _Person:
    id: str
    surname: str
    given: str
    occurrences: list[_Occurrence] = field(default_factory=list)
    ambiguous: bool = False
    candidates: list[_Person] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {o.article_id for o in self.occurrences}

    @property
    def teams(self) -> Counter[str]:
        return Counter(t for o in self.occurrences for t in o.teams)


_RESULT_KEYS = ("kind", "position", "class", "session", "status", "drivers", "team", "car")


def _slim(report: dict[str, Any]) -> dict[str, Any]:
    """Only what aggregation needs: an archive's full records would not fit in memory."""

    def pick(key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        return [{f: item.get(f) for f in fields} for item in report.get(key) or []]

    return {
        "teams": pick("teams", ("name",)),
        "cars": pick("cars", ("name",)),
        "drivers": pick("drivers", ("team",)),
        "events": pick("events", ("team", "car")),
        "results": pick("results", _RESULT_KEYS),
    }


def _occurrences(lines: Iterable[dict[str, Any]]) -> tuple[list[_Occurrence], list[dict[str, Any]]]:
    occurrences: dict[tuple[str, str], _Occurrence] = {}
    reports: list[dict[str, Any]] = []

    def add(aid: str, name: str | None, team: str | None = None) -> None:
        if not name or not name.strip():
            return
        key = (aid, name.strip())
        occ = occurrences.get(key)
        if occ is None:
            given_name, surname = split_name(name.strip())
            given = given_name or ""
            occ = _Occurrence(
                article_id=aid,
                name=name.strip(),
                given=fold(given),
                initial=_is_initial(given),
                surname=fold(surname),
            )
            occurrences[key] = occ
        if team:
            occ.teams.add(fold(team))
            occ.team_names.add(team)

    for line in lines:
        report = line.get("report")
        if not isinstance(report, dict):
            continue
        aid = str(line.get("article_id"))
        reports.append({"article_id": aid, "report": _slim(report)})
        for driver in report.get("drivers") or []:
            if driver.get("first_name") and driver.get("last_name"):
                # The extractor split the name already: trust it over the heuristic.
                name = str(driver.get("name") or "")
                add(aid, name, driver.get("team"))
                occ = occurrences.get((aid, name.strip()))
                if occ is not None:
                    occ.given = fold(str(driver["first_name"]))
                    occ.initial = _is_initial(str(driver["first_name"]))
                    occ.surname = fold(str(driver["last_name"]))
            else:
                add(aid, driver.get("name"), driver.get("team"))
        for item in (report.get("results") or []) + (report.get("events") or []):
            for name in item.get("drivers") or []:
                add(aid, name, item.get("team"))
    return list(occurrences.values()), reports


# --------------------------------------------------------------------------- drivers


def _surname_blocks(surnames: Iterable[str]) -> dict[str, str]:
    """Map each folded surname to its block's representative (typo-tolerant)."""
    block_of: dict[str, str] = {}
    reps: list[str] = []
    for surname in sorted(set(surnames), key=lambda s: (-len(s), s)):
        match = None
        if len(surname) >= 5:
            for rep in reps:
                if rep[:1] == surname[:1] and fuzz.ratio(rep, surname) >= SURNAME_SIMILARITY:
                    match = rep
                    break
        if match is None:
            reps.append(surname)
            match = surname
        block_of[surname] = match
    return block_of


def _given_matches(a: str, b: str) -> bool:
    return a == b or (a[:1] == b[:1] and fuzz.ratio(a, b) >= GIVEN_SIMILARITY)


def _cluster_drivers(occurrences: list[_Occurrence]) -> tuple[list[_Person], dict[int, _Person]]:
    block_of = _surname_blocks(o.surname for o in occurrences)
    people: list[_Person] = []
    person_of: dict[int, _Person] = {}
    by_block: dict[str, list[_Person]] = defaultdict(list)

    full = [o for o in occurrences if o.given and not o.initial]
    # Frequent spellings first, so they become the cluster representatives.
    counts = Counter((block_of[o.surname], o.given) for o in full)
    full.sort(key=lambda o: (-counts[(block_of[o.surname], o.given)], o.given, o.article_id))
    for occ in full:
        block = block_of[occ.surname]
        target = None
        for person in by_block[block]:
            if _given_matches(person.given, occ.given):
                # Two different drivers named in one article are two people.
                clash = any(
                    o.article_id == occ.article_id and o.given != occ.given
                    for o in person.occurrences
                )
                if not clash:
                    target = person
                    break
        if target is None:
            target = _Person(id="", surname=block, given=occ.given)
            people.append(target)
            by_block[block].append(target)
        target.occurrences.append(occ)
        person_of[id(occ)] = target

    unresolved: dict[tuple[str, str, bool], _Person] = {}
    short = [o for o in occurrences if not o.given or o.initial]
    for occ in sorted(short, key=lambda o: (o.surname, o.article_id, o.name)):
        block = block_of[occ.surname]
        candidates = [p for p in by_block[block] if not occ.initial or p.given[:1] == occ.given[:1]]
        target = _resolve(occ, candidates)
        if target is None:
            # Unclear between candidates -> "ambiguous"; no full name anywhere in
            # the archive -> one entry per short form, marked as such.
            key = (block, occ.given[:1] if occ.initial else "", bool(candidates))
            target = unresolved.get(key)
            if target is None:
                target = _Person(id="", surname=block, given=key[1], ambiguous=bool(candidates))
                unresolved[key] = target
                people.append(target)
            target.candidates.extend(c for c in candidates if c not in target.candidates)
        target.occurrences.append(occ)
        person_of[id(occ)] = target
    return people, person_of


def _resolve(occ: _Occurrence, candidates: list[_Person]) -> _Person | None:
    """The one person a short form stands for, or None when it is not clear."""
    if not candidates:
        return None
    same_article = [p for p in candidates if occ.article_id in p.articles]
    if len(same_article) == 1:
        return same_article[0]
    if len(same_article) > 1:
        return None  # both brothers in the report: "van der Linde" alone is unclear
    if len(candidates) == 1:
        return candidates[0]
    if occ.teams:
        same_team = [p for p in candidates if occ.teams & set(p.teams)]
        if len(same_team) == 1:
            return same_team[0]
    return None


def _canonical(names: Counter[str]) -> str:
    # Most used spelling; ties: the longer, then the one with more capitals.
    return sorted(
        names.items(), key=lambda kv: (-kv[1], -len(kv[0]), -sum(c.isupper() for c in kv[0]), kv[0])
    )[0][0]


# --------------------------------------------------------------------------- teams and cars


def _team_key(name: str) -> str:
    return " ".join(t for t in fold(name).split() if t not in _TEAM_NOISE) or fold(name)


def _cluster_names(
    occurrences: list[tuple[str, str]], key_of: Any
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], int]]:
    """Greedy clustering of ``(article_id, name)`` pairs; returns clusters and a lookup."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for aid, name in occurrences:
        by_name[name].add(aid)
    clusters: list[dict[str, Any]] = []
    reps: dict[str, list[int]] = defaultdict(list)  # first char -> cluster indexes
    index_of: dict[str, int] = {}
    for name in sorted(by_name, key=lambda n: (-len(by_name[n]), n)):
        key = key_of(name)
        target = None
        for i in reps[key[:1]]:
            cluster = clusters[i]
            same = key == cluster["key"]
            similar = same or fuzz.ratio(key, cluster["key"]) >= NAME_SIMILARITY
            # Never merge two spellings one article uses side by side.
            if similar and (same or not by_name[name] & cluster["articles"]):
                target = i
                break
        if target is None:
            target = len(clusters)
            clusters.append({"key": key, "names": Counter(), "articles": set()})
            reps[key[:1]].append(target)
        clusters[target]["names"][name] += len(by_name[name])
        clusters[target]["articles"] |= by_name[name]
        index_of[name] = target
    lookup = {(aid, name): index_of[name] for aid, name in occurrences}
    return clusters, lookup


# --------------------------------------------------------------------------- entry


@dataclass
class _Names:
    """Teams or cars: the clusters of their spellings, with stable ids."""

    clusters: list[dict[str, Any]]
    lookup: dict[tuple[str, str], int]  # (article id, name as written) -> cluster
    ids: dict[int, str]  # cluster -> id, numbered by canonical name

    @classmethod
    def build(cls, occurrences: list[tuple[str, str]], key_of: Any, prefix: str) -> _Names:
        clusters, lookup = _cluster_names(occurrences, key_of)
        order = sorted(range(len(clusters)), key=lambda i: _canonical(clusters[i]["names"]))
        ids = {old: f"{prefix}{new:05d}" for new, old in enumerate(order, start=1)}
        return cls(clusters, lookup, ids)

    def id_of(self, article_id: str, name: str) -> str:
        return self.ids[self.lookup[(article_id, name)]]

    def entities(self, results: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        out = []
        for i, cluster in enumerate(self.clusters):
            cid = self.ids[i]
            out.append(
                {
                    "id": cid,
                    "name": _canonical(cluster["names"]),
                    "variants": dict(cluster["names"].most_common()),
                    "articles": sorted(cluster["articles"]),
                    "n_articles": len(cluster["articles"]),
                    "results": results.get(cid, []),
                }
            )
        return sorted(out, key=lambda e: e["id"])


def _named(
    reports: list[dict[str, Any]], own: str, others: tuple[str, ...], field: str
) -> list[tuple[str, str]]:
    """``(article id, name)`` of every team (or car): its own list plus where others name it."""
    found = {
        (r["article_id"], str(item["name"]))
        for r in reports
        for item in r["report"].get(own) or []
        if item.get("name")
    }
    found |= {
        (r["article_id"], str(item[field]))
        for r in reports
        for key in others
        for item in r["report"].get(key) or []
        if item.get(field)
    }
    return sorted(found)


def _number_people(people: list[_Person]) -> None:
    """Stable ids: by canonical name, so re-running on the same archive gives the same ids."""
    people.sort(key=lambda p: (_canonical(Counter(o.name for o in p.occurrences)), p.ambiguous))
    for i, person in enumerate(people, start=1):
        person.id = f"D{i:05d}"


@dataclass
class _Results:
    """Each result once, listed under every driver, team and car it names."""

    drivers: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    teams: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    cars: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))


def _link_results(
    reports: list[dict[str, Any]],
    person_of_name: Any,
    teams: _Names,
    cars: _Names,
) -> _Results:
    linked = _Results()
    for r in reports:
        aid = r["article_id"]
        for result in r["report"].get("results") or []:
            entry = {
                "article_id": aid,
                "kind": result.get("kind"),
                "position": result.get("position"),
                "class": result.get("class"),
                "session": result.get("session"),
                "status": result.get("status"),
                "drivers": [],
                "team_id": teams.id_of(aid, str(result["team"])) if result.get("team") else None,
                "car_id": cars.id_of(aid, str(result["car"])) if result.get("car") else None,
            }
            for name in result.get("drivers") or []:
                driver = person_of_name(aid, name.strip())
                if driver is not None:
                    entry["drivers"].append(driver.id)
            for pid in entry["drivers"]:
                linked.drivers[pid].append(entry)
            if entry["team_id"]:
                linked.teams[entry["team_id"]].append(entry)
            if entry["car_id"]:
                linked.cars[entry["car_id"]].append(entry)
    return linked


def _driver_record(
    person: _Person, teams: _Names, results: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    names = Counter(o.name for o in person.occurrences)
    team_ids = Counter(
        teams.id_of(o.article_id, t) for o in person.occurrences for t in o.team_names
    )
    record: dict[str, Any] = {
        "id": person.id,
        "name": _canonical(names),
        "variants": dict(names.most_common()),
        "articles": sorted(person.articles),
        "n_articles": len(person.articles),
        "teams": [tid for tid, _ in team_ids.most_common()],
        "results": results.get(person.id, []),
    }
    if person.ambiguous:
        record["ambiguous"] = True
        record["candidates"] = sorted(c.id for c in person.candidates)
    elif all(not o.given or o.initial for o in person.occurrences):
        record["short_name_only"] = True  # never named in full: may be several people
    return record


def aggregate_lines(lines: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The cross-article view of batch output lines (see the module docstring)."""
    occurrences, reports = _occurrences(lines)
    people, person_of = _cluster_drivers(occurrences)
    teams = _Names.build(
        _named(reports, "teams", ("drivers", "results", "events"), "team"), _team_key, "T"
    )
    cars = _Names.build(_named(reports, "cars", ("results", "events"), "car"), fold, "C")
    _number_people(people)
    occurrence = {(o.article_id, o.name): o for o in occurrences}

    def person_of_name(article_id: str, name: str) -> _Person | None:
        occ = occurrence.get((article_id, name))
        return person_of.get(id(occ)) if occ is not None else None

    results = _link_results(reports, person_of_name, teams, cars)
    return {
        "articles": len(reports),
        "drivers": [_driver_record(p, teams, results.drivers) for p in people],
        "teams": teams.entities(results.teams),
        "cars": cars.entities(results.cars),
    }


def aggregate(
    outputs: Path | str | Iterable[Path | str], *, counts: list[LineCounts] | None = None
) -> dict[str, Any]:
    """Aggregate one or more batch output files (JSONL).

    Raises ``FileNotFoundError`` for a missing file and
    :class:`~gtextract.errors.NotBatchOutputError` for a file that is no batch
    output (binary, text, an errors file); ``counts`` receives what was read
    and skipped in each file.
    """
    paths = [Path(outputs)] if isinstance(outputs, (str, Path)) else [Path(p) for p in outputs]
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"batch output not found: {path}")
    return aggregate_lines(read_outputs(paths, counts))


def write_aggregate_tables(
    view: dict[str, Any], directory: Path | str, *, csv: bool = False
) -> None:
    """The aggregate as flat tables: one row per entity, one row per (entity, result).

    ``drivers``/``teams``/``cars``: id, canonical name, variants (`` | ``-joined),
    article count, flags; ``driver_results``/``team_results``/``car_results``:
    the entity id with each result (article id, kind, position, class, session).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for kind in ("drivers", "teams", "cars"):
        entities = view[kind]
        rows = [
            {
                "id": e["id"],
                "name": e["name"],
                "variants": " | ".join(e["variants"]),
                "n_articles": e["n_articles"],
                "n_results": len(e["results"]),
                "ambiguous": bool(e.get("ambiguous")),
                "short_name_only": bool(e.get("short_name_only")),
                "team_ids": " | ".join(e.get("teams", [])),
            }
            for e in entities
        ]
        results = [
            {
                "id": e["id"],
                "article_id": r["article_id"],
                "kind": r["kind"],
                "position": r["position"],
                "class": r["class"],
                "session": r["session"],
                "status": r["status"],
                "driver_ids": " | ".join(r["drivers"]),
                "team_id": r["team_id"],
                "car_id": r["car_id"],
            }
            for e in entities
            for r in e["results"]
        ]
        for name, table_rows, schema in (
            (kind, rows, _ENTITY_SCHEMA),
            (f"{kind[:-1]}_results", results, _RESULT_SCHEMA),
        ):
            table = pa.Table.from_pylist(table_rows, schema=pa.schema(schema))
            pq.write_table(table, directory / f"{name}.parquet")
            if csv:
                import pyarrow.csv as pacsv

                pacsv.write_csv(table, directory / f"{name}.csv")


_ENTITY_SCHEMA = [
    ("id", "string"),
    ("name", "string"),
    ("variants", "string"),
    ("n_articles", "int64"),
    ("n_results", "int64"),
    ("ambiguous", "bool"),
    ("short_name_only", "bool"),
    ("team_ids", "string"),
]
_RESULT_SCHEMA = [
    ("id", "string"),
    ("article_id", "string"),
    ("kind", "string"),
    ("position", "int64"),
    ("class", "string"),
    ("session", "string"),
    ("status", "string"),
    ("driver_ids", "string"),
    ("team_id", "string"),
    ("car_id", "string"),
]
